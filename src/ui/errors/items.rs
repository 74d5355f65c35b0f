//! Sentences for refusals of the item sub-ledger (items, groups, price
//! lists, prices, special prices, discount groups, a partner's pricing)
//! and for the reasons the price lookup gives no price. Exhaustive over
//! `ItemsError`, `ItemsField` and `PriceError`: a new variant does not
//! compile until it has its German and English sentence.

use super::{domain_error, pick};
use crate::ledger::DomainError;
use crate::ledger::items::{ItemsError, ItemsField, PriceError};
use crate::ui::components::fmt_date;
use crate::ui::i18n::Lang;

/// The field a refusal names, as the forms label it.
pub fn items_field_name(field: ItemsField, lang: Lang) -> String {
    use ItemsField as F;
    let (de, en) = match field {
        F::Code => ("Nummer", "Code"),
        F::Description => ("Bezeichnung", "Description"),
        F::Group => ("Artikelgruppe", "Item group"),
        F::Unit => ("Mengeneinheit", "Unit of measure"),
        F::DefaultPrice => ("Standardpreis", "Default price"),
        F::Remarks => ("Bemerkungen", "Remarks"),
        F::GroupName => ("Name der Gruppe", "Group name"),
        F::ListName => ("Name der Preisliste", "Price list name"),
        F::Factor => ("Faktor", "Factor"),
        F::Price => ("Preis", "Price"),
        F::Discount => ("Rabatt", "Discount"),
        F::Break(i) => {
            let n = i + 1;
            return pick(
                lang,
                format!("Mengenstaffel {n}"),
                format!("Quantity break {n}"),
            );
        }
        F::Validity => ("Gültigkeit", "Validity"),
        F::DiscountGroupName => ("Name der Rabattgruppe", "Discount group name"),
        F::ListNumber => (
            "Nummer der Preisliste (1 bis 999)",
            "Price list number (1 to 999)",
        ),
    };
    pick(lang, de.into(), en.into())
}

pub fn items_error(e: &ItemsError, lang: Lang) -> String {
    use ItemsError as E;
    let (de, en) = match e {
        E::Gl(g) => return domain_error(&DomainError::Gl(g.clone()), lang),
        E::ImportRow { row, error } => {
            let why = items_error(error, lang);
            let n = row + 1;
            (
                format!("Artikel {n} des Imports: {why}"),
                format!("Item {n} of the import: {why}"),
            )
        }
        E::Empty { field } => {
            let (fd, fe) = names(*field);
            (
                format!("{fd}: Das Feld ist leer; bitte ausfüllen."),
                format!("{fe}: The field is empty; please fill it in."),
            )
        }
        E::TooLong { field, max } => {
            let (fd, fe) = names(*field);
            (
                format!("{fd}: höchstens {max} Zeichen."),
                format!("{fe}: at most {max} characters."),
            )
        }
        E::Invalid { field } => {
            let (fd, fe) = names(*field);
            (
                format!("{fd}: Der Wert ist nicht gültig."),
                format!("{fe}: The value is not valid."),
            )
        }
        E::UnknownGroup { code } => (
            format!("Die Artikelgruppe „{code}“ gibt es nicht."),
            format!("There is no item group \"{code}\"."),
        ),
        E::UnknownItem { code } => (
            format!("Den Artikel „{code}“ gibt es nicht."),
            format!("There is no item \"{code}\"."),
        ),
        E::ItemExists { code } => (
            format!("Den Artikel „{code}“ gibt es schon; bitte eine andere Nummer wählen."),
            format!("Item \"{code}\" exists already; please choose another code."),
        ),
        E::InactiveItem { code } => (
            format!("Der Artikel „{code}“ ist inaktiv; für ihn werden keine Preise gepflegt."),
            format!("Item \"{code}\" is inactive; no prices are kept for it."),
        ),
        E::BadAccount {
            account,
            revenue_or_expense,
        } => {
            let revenue = revenue_or_expense.starts_with("rev");
            let (kd, ke) = if revenue {
                (
                    "Erlöskonto (ein bebuchbares Ertragskonto)",
                    "revenue account (a postable income account)",
                )
            } else {
                (
                    "Aufwandskonto (ein bebuchbares Aufwandskonto)",
                    "expense account (a postable expense account)",
                )
            };
            (
                format!("Konto {account} taugt nicht als {kd}."),
                format!("Account {account} cannot serve as {ke}."),
            )
        }
        E::UnknownTaxCode { code } => (
            format!("Das Steuerkennzeichen „{code}“ gibt es nicht."),
            format!("There is no tax code \"{code}\"."),
        ),
        E::NeitherSoldNorBought => (
            "Ein Artikel wird verkauft, eingekauft oder beides; bitte mindestens eines ankreuzen."
                .into(),
            "An item is sold, bought or both; please tick at least one.".into(),
        ),
        E::ImportEmpty => (
            "Der Import enthält keinen Artikel.".into(),
            "The import holds no item.".into(),
        ),
        E::TooMany { max } => (
            format!("Zu viele Einträge: höchstens {max}."),
            format!("Too many entries: at most {max}."),
        ),
        E::UnknownList { number } => (
            format!("Die Preisliste {number} gibt es nicht."),
            format!("There is no price list {number}."),
        ),
        E::FactorNotPositive => (
            "Der Faktor einer abgeleiteten Preisliste muss größer als null sein.".into(),
            "The factor of a derived price list must be greater than zero.".into(),
        ),
        E::ListCycle { number } => (
            format!(
                "Preisliste {number} würde über ihre Basislisten von sich selbst abgeleitet; bitte eine andere Basis wählen."
            ),
            format!(
                "Price list {number} would derive from itself through its base lists; please choose another base."
            ),
        ),
        E::NegativePrice => (
            "Ein Preis darf nicht negativ sein.".into(),
            "A price must not be negative.".into(),
        ),
        E::OverlappingSpecial { id, other } => (
            format!(
                "Sonderpreis {id} überschneidet sich zeitlich mit Sonderpreis {other} für denselben Artikel und Partner bzw. dieselbe Liste."
            ),
            format!(
                "Special price {id} overlaps in time with special price {other} for the same item and partner or list."
            ),
        ),
        E::BreaksNotIncreasing { index } => (
            format!(
                "Mengenstaffel {}: Die Menge muss größer als die der Staffel davor sein.",
                index + 1
            ),
            format!(
                "Quantity break {}: the quantity must be above the one of the break before.",
                index + 1
            ),
        ),
        E::UnknownSpecial { id } => (
            format!("Den Sonderpreis {id} gibt es nicht."),
            format!("There is no special price {id}."),
        ),
        E::UnknownDiscountGroup { code } => (
            format!("Die Rabattgruppe „{code}“ gibt es nicht."),
            format!("There is no discount group \"{code}\"."),
        ),
        E::DuplicatePrice { index } => (
            format!(
                "Preis {}: Liste, Artikel, Währung und Datum stehen schon in einer Zeile davor.",
                index + 1
            ),
            format!(
                "Price {}: list, item, currency and date repeat an earlier row.",
                index + 1
            ),
        ),
        E::DuplicateDiscount { group } => (
            format!("Die Artikelgruppe „{group}“ steht zweimal in der Rabattgruppe."),
            format!("Item group \"{group}\" is named twice in the discount group."),
        ),
        E::UnknownPartner { partner } => (
            format!("Den Geschäftspartner {partner} gibt es nicht."),
            format!("There is no business partner {partner}."),
        ),
    };
    pick(lang, de, en)
}

/// The field's German and English name.
fn names(field: ItemsField) -> (String, String) {
    (
        items_field_name(field, Lang::De),
        items_field_name(field, Lang::En),
    )
}

pub fn price_error(e: &PriceError, lang: Lang) -> String {
    use PriceError as E;
    let (de, en) = match e {
        E::UnknownItem { item } => (
            format!("Den Artikel „{item}“ gibt es nicht."),
            format!("There is no item \"{item}\"."),
        ),
        E::InactiveItem { item } => (
            format!("Der Artikel „{item}“ ist inaktiv und hat keinen Preis."),
            format!("Item \"{item}\" is inactive and has no price."),
        ),
        E::UnknownPartner { partner } => (
            format!("Den Geschäftspartner {partner} gibt es nicht."),
            format!("There is no business partner {partner}."),
        ),
        E::NoPriceList => (
            "Es gibt noch keine Preisliste; bitte unter Stammdaten → Preislisten eine anlegen."
                .into(),
            "There is no price list yet; please create one under Master data → Price lists.".into(),
        ),
        E::NoRate { currency, date } => (
            format!(
                "Für {currency} gibt es am {} keinen Kurs; bitte unter Administration → Währungen einen erfassen.",
                fmt_date(*date, Lang::De)
            ),
            format!(
                "There is no rate for {currency} on {}; please enter one under Administration → Currencies.",
                fmt_date(*date, Lang::En)
            ),
        ),
        E::Quantity => (
            "Die Menge muss größer als null sein.".into(),
            "The quantity must be greater than zero.".into(),
        ),
    };
    pick(lang, de, en)
}
