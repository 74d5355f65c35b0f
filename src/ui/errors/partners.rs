//! Sentences for refusals of the partner and open-item sub-ledgers.
//! Exhaustive: a new variant does not compile until it has its German and
//! English sentence. Lines, bank accounts, steps, installments and parts
//! are counted from 1 here (the engine counts from 0).

use super::{number, pick};
use crate::ledger::open_items::{ItemId, OpenItemsError};
use crate::ledger::partners::{LimitField, PartnerKind, PartnersError, TermsField};
use crate::ledger::types::vat_id::VatIdError;
use crate::ui::i18n::Lang;

fn kind_name(kind: PartnerKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (PartnerKind::Customer, Lang::De) => "Kunde",
        (PartnerKind::Customer, Lang::En) => "customer",
        (PartnerKind::Vendor, Lang::De) => "Lieferant",
        (PartnerKind::Vendor, Lang::En) => "vendor",
    }
}

fn vat_id_reason(reason: &VatIdError) -> (String, String) {
    match reason {
        VatIdError::MissingCountry => (
            "Die USt-IdNr. beginnt nicht mit einem Ländercode aus zwei Buchstaben.".into(),
            "The VAT ID does not start with a two-letter country code.".into(),
        ),
        VatIdError::WrongShape { country, pattern } => (
            format!(
                "Die USt-IdNr. hat nicht das Format von {country} ({country}{pattern}; 9 = Ziffer)."
            ),
            format!(
                "The VAT ID does not have the {country} format ({country}{pattern}; 9 = digit)."
            ),
        ),
        VatIdError::CheckDigit { id } => (
            format!("Die Prüfziffer der USt-IdNr. {id} stimmt nicht. Bitte die Ziffern prüfen."),
            format!("The check digit of the VAT ID {id} is wrong. Please check the digits."),
        ),
    }
}

pub fn partners_error(e: &PartnersError, lang: Lang) -> String {
    use PartnersError as E;
    let (de, en): (String, String) = match e {
        E::Input(e) => return super::input_error(e, lang),
        E::Gl(e) => return super::gl_error(e, lang),
        E::CodeNotNumeric { code } => (
            format!("Die Partnernummer {code} darf nur aus Ziffern bestehen."),
            format!("Partner code {code} must consist of digits."),
        ),
        E::CodeOutOfRange {
            code,
            kind,
            min,
            max,
        } => (
            format!(
                "Die Partnernummer {code} liegt nicht im Bereich {min}–{max} für {}n.",
                kind_name(*kind, Lang::De)
            ),
            format!(
                "Partner code {code} is outside the {} range {min}–{max}.",
                kind_name(*kind, Lang::En)
            ),
        ),
        E::PartnerExists { code } => (
            format!("Den Geschäftspartner {code} gibt es schon."),
            format!("Business partner {code} already exists."),
        ),
        E::PartnerUnknown { line, code } => match line.map(|l| l + 1) {
            Some(l) => (
                format!("Zeile {l}: den Geschäftspartner {code} gibt es nicht."),
                format!("Line {l}: business partner {code} does not exist."),
            ),
            None => (
                format!("Den Geschäftspartner {code} gibt es nicht."),
                format!("Business partner {code} does not exist."),
            ),
        },
        E::TooManyPartners { max } => (
            format!("Ein Mandant hat höchstens {max} Geschäftspartner."),
            format!("A company has at most {max} business partners."),
        ),
        E::KindChanged { code } => (
            format!("{code}: ob Kunde oder Lieferant, lässt sich nicht ändern."),
            format!("{code}: whether customer or vendor cannot change."),
        ),
        E::PartnerHasPostings { code } => (
            format!("{code} hat Buchungen: Sammelkonto und Währung lassen sich nicht mehr ändern."),
            format!("{code} has postings: its control account and currency cannot change."),
        ),
        E::InvalidCountry { text } => (
            format!("Land: „{text}“ ist kein ISO-3166-Ländercode aus zwei Buchstaben."),
            format!("Country: “{text}” is not an ISO 3166 two-letter country code."),
        ),
        E::InvalidVatId { reason } => vat_id_reason(reason),
        E::InvalidEmail { text } => (
            format!("E-Mail: „{text}“ ist keine E-Mail-Adresse."),
            format!("E-mail: “{text}” is not an e-mail address."),
        ),
        E::InvalidIban { index } => (
            format!(
                "Bankverbindung {}: die IBAN ist ungültig (Prüfziffer oder Länge stimmt nicht).",
                index + 1
            ),
            format!(
                "Bank account {}: the IBAN is not valid (wrong check digits or length).",
                index + 1
            ),
        ),
        E::InvalidBic { index } => (
            format!("Bankverbindung {}: die BIC ist ungültig.", index + 1),
            format!("Bank account {}: the BIC is not valid.", index + 1),
        ),
        E::DuplicateIban { index } => (
            format!(
                "Bankverbindung {}: diese IBAN steht schon in der Liste.",
                index + 1
            ),
            format!("Bank account {}: this IBAN is already listed.", index + 1),
        ),
        E::TooManyBankAccounts { max } => (
            format!("Ein Partner hat höchstens {max} Bankverbindungen."),
            format!("A partner has at most {max} bank accounts."),
        ),
        E::DefaultBankAccount { count } => (
            format!("Genau eine Bankverbindung muss die Standardverbindung sein, es sind {count}."),
            format!("Exactly one bank account must be the default, {count} are."),
        ),
        E::ControlAccountInvalid { account } => (
            format!("Sammelkonto: {account} ist kein bebuchbares, aktives Sammelkonto."),
            format!("Control account: {account} is not a postable, active control account."),
        ),
        E::ControlAccountType { account, kind } => (
            format!(
                "Sammelkonto: {account} ist kein {}konto eines {}n.",
                match kind {
                    PartnerKind::Customer => "Forderungs",
                    PartnerKind::Vendor => "Verbindlichkeits",
                },
                kind_name(*kind, Lang::De)
            ),
            format!(
                "Control account: {account} is not a {} account of a {}.",
                match kind {
                    PartnerKind::Customer => "receivables",
                    PartnerKind::Vendor => "payables",
                },
                kind_name(*kind, Lang::En)
            ),
        ),
        E::ControlAccountCurrency { account } => (
            format!("Sammelkonto: {account} nimmt die Währung des Partners nicht an."),
            format!("Control account: {account} does not accept the partner's currency."),
        ),
        E::PartnerCurrencyIsLocal { currency } => (
            format!("{currency} ist die Hauswährung; bitte „Hauswährung“ wählen."),
            format!("{currency} is the local currency; please choose “local currency”."),
        ),
        E::TermsUnknown { code } => (
            format!("Zahlungsbedingung: „{code}“ gibt es nicht."),
            format!("Payment terms: “{code}” do not exist."),
        ),
        E::InvalidDunningTerm { text, max } => (
            format!(
                "Mahnverfahren: „{text}“ ist kein gültiger Code (1 bis {max} Buchstaben, Ziffern, - oder _)."
            ),
            format!(
                "Dunning term: “{text}” is not a valid code (1 to {max} letters, digits, - or _)."
            ),
        ),
        E::MandateForVendor => (
            "Nur Kunden haben ein Lastschriftmandat.".into(),
            "Only customers have a direct-debit mandate.".into(),
        ),
        E::InvalidMandateId { max } => (
            format!("Mandatsreferenz: 1 bis {max} SEPA-Zeichen."),
            format!("Mandate reference: 1 to {max} SEPA characters."),
        ),
        E::LimitInvalid {
            field,
            max_decimals,
            max,
        } => {
            let (de, en) = match field {
                LimitField::Credit => ("Kreditlimit", "Credit limit"),
                LimitField::Commitment => ("Obligo-Limit", "Commitment limit"),
            };
            (
                format!(
                    "{de}: mindestens 0, höchstens {max_decimals} Nachkommastellen und höchstens {}.",
                    number(*max, Lang::De)
                ),
                format!(
                    "{en}: at least 0, at most {max_decimals} decimals and at most {}.",
                    number(*max, Lang::En)
                ),
            )
        }
        E::CommitmentBelowCredit { credit, commitment } => (
            format!(
                "Das Obligo-Limit {} liegt unter dem Kreditlimit {}.",
                number(*commitment, Lang::De),
                number(*credit, Lang::De)
            ),
            format!(
                "The commitment limit {} is below the credit limit {}.",
                number(*commitment, Lang::En),
                number(*credit, Lang::En)
            ),
        ),
        E::ImportEmpty => (
            "Die Datei enthält keine Geschäftspartner.".into(),
            "The file holds no business partners.".into(),
        ),
        E::ImportTooLarge { count, max } => (
            format!("Ein Import legt höchstens {max} Partner an, dieser {count}."),
            format!("One import creates at most {max} partners, this one {count}."),
        ),
        E::ImportRow { index, error } => {
            let n = index + 1;
            (
                format!(
                    "Partner {n} des Imports: {}",
                    partners_error(error, Lang::De)
                ),
                format!(
                    "Partner {n} of the import: {}",
                    partners_error(error, Lang::En)
                ),
            )
        }
        // --- payment terms ---
        E::InvalidTermsCode { code, max } => (
            format!(
                "„{code}“ ist kein gültiger Code für Zahlungsbedingungen (1 bis {max} Buchstaben, Ziffern, - oder _)."
            ),
            format!(
                "“{code}” is not a valid payment-terms code (1 to {max} letters, digits, - or _)."
            ),
        ),
        E::TermsExists { code } => (
            format!("Die Zahlungsbedingung {code} gibt es schon."),
            format!("Payment terms {code} already exist."),
        ),
        E::TooManyTerms { max } => (
            format!("Ein Mandant hat höchstens {max} Zahlungsbedingungen."),
            format!("A company has at most {max} payment terms."),
        ),
        E::TermsName { code, max } => (
            format!(
                "Zahlungsbedingung {code}: Bezeichnung fehlt oder ist länger als {max} Zeichen."
            ),
            format!("Payment terms {code}: the name is missing or longer than {max} characters."),
        ),
        E::TermsOutOfRange { code, field, max } => {
            let (de, en) = match field {
                TermsField::Months => ("Monate", "months"),
                TermsField::Days => ("Tage", "days"),
                TermsField::ToleranceDays => ("Toleranztage", "tolerance days"),
            };
            (
                format!("Zahlungsbedingung {code}: {de} über {max}."),
                format!("Payment terms {code}: {en} above {max}."),
            )
        }
        E::TooManyDiscountSteps { code, max } => (
            format!("Zahlungsbedingung {code}: mehr als {max} Skontostufen."),
            format!("Payment terms {code}: more than {max} cash-discount steps."),
        ),
        E::DiscountStepInvalid {
            code,
            step,
            max_decimals,
            max_days,
        } => {
            let n = step + 1;
            (
                format!(
                    "Zahlungsbedingung {code}, Skontostufe {n}: Prozentsatz über 0 und unter 100 mit höchstens {max_decimals} Nachkommastellen, Tage nach denen der vorigen Stufe und höchstens {max_days}."
                ),
                format!(
                    "Payment terms {code}, discount step {n}: a percentage above 0 and below 100 with at most {max_decimals} decimals, days after the previous step's and at most {max_days}."
                ),
            )
        }
        E::TooManyInstallments { code, max } => (
            format!("Zahlungsbedingung {code}: mehr als {max} Raten."),
            format!("Payment terms {code}: more than {max} installments."),
        ),
        E::InstallmentInvalid {
            code,
            index,
            max_decimals,
            max_days,
        } => {
            let n = index + 1;
            (
                format!(
                    "Zahlungsbedingung {code}, Rate {n}: Prozentsatz über 0 mit höchstens {max_decimals} Nachkommastellen, Tage nicht vor denen der vorigen Rate und höchstens {max_days}."
                ),
                format!(
                    "Payment terms {code}, installment {n}: a percentage above 0 with at most {max_decimals} decimals, days not before the previous installment's and at most {max_days}."
                ),
            )
        }
        E::InstallmentsNotHundred { code, sum } => (
            format!(
                "Zahlungsbedingung {code}: die Raten ergeben {} %, nicht 100 %.",
                number(*sum, Lang::De)
            ),
            format!(
                "Payment terms {code}: the installments add up to {} %, not 100 %.",
                number(*sum, Lang::En)
            ),
        ),
        // --- a partner on an entry line ---
        E::PartnerInactive { line, code } => (
            format!(
                "Zeile {}: der Geschäftspartner {code} ist inaktiv.",
                line + 1
            ),
            format!("Line {}: business partner {code} is inactive.", line + 1),
        ),
        E::PartnerAccountMismatch {
            line,
            code,
            account,
            control,
        } => (
            format!(
                "Zeile {}: {code} bucht auf das Sammelkonto {control}, nicht auf {account}.",
                line + 1
            ),
            format!(
                "Line {}: {code} posts to control account {control}, not {account}.",
                line + 1
            ),
        ),
        E::ControlAccountNeedsPartner { line, account } => (
            format!(
                "Zeile {}: {account} ist ein Sammelkonto; bitte den Geschäftspartner (Kunden- oder Lieferantennummer) angeben.",
                line + 1
            ),
            format!(
                "Line {}: {account} is a control account; please enter the business partner (customer or vendor code).",
                line + 1
            ),
        ),
        E::PartnerCurrency {
            line,
            code,
            currency,
        } => (
            format!(
                "Zeile {}: {code} wird nicht in {currency} fakturiert.",
                line + 1
            ),
            format!("Line {}: {code} is not invoiced in {currency}.", line + 1),
        ),
        E::DueDateWithoutPartner { line } => (
            format!(
                "Zeile {}: ein Fälligkeitsdatum braucht einen Geschäftspartner.",
                line + 1
            ),
            format!(
                "Line {}: a due date needs a business partner on the line.",
                line + 1
            ),
        ),
        E::CommitmentLimitExceeded {
            code,
            exposure,
            limit,
        } => (
            format!(
                "Kunde {code}: die offenen Forderungen mit dieser Buchung ({}) überschreiten das Obligo-Limit {}. Es wurde nichts gebucht.",
                number(*exposure, Lang::De),
                number(*limit, Lang::De)
            ),
            format!(
                "Customer {code}: open receivables with this entry ({}) exceed the commitment limit {}. Nothing was posted.",
                number(*exposure, Lang::En),
                number(*limit, Lang::En)
            ),
        ),
    };
    pick(lang, de, en)
}

fn item(item: &ItemId) -> String {
    format!(
        "{}/{}/{}",
        item.entry.0,
        item.line + 1,
        u16::from(item.installment) + 1
    )
}

pub fn open_items_error(e: &OpenItemsError, lang: Lang) -> String {
    use OpenItemsError as E;
    let (de, en): (String, String) = match e {
        E::Input(e) => return super::input_error(e, lang),
        E::TooFewParts { count } => (
            format!("Ein Ausgleich braucht mindestens zwei Posten, hier sind es {count}."),
            format!("A clearing needs at least two items, this one has {count}."),
        ),
        E::TooManyParts { count, max } => (
            format!("Ein Ausgleich umfasst höchstens {max} Posten, hier {count}."),
            format!("A clearing names at most {max} items, this one {count}."),
        ),
        E::ItemUnknown { index, item: i } => (
            format!("Posten {}: {} gibt es nicht.", index + 1, item(i)),
            format!("Item {}: {} does not exist.", index + 1, item(i)),
        ),
        E::ItemOfOtherPartner {
            index,
            item: i,
            owner,
            partner,
        } => (
            format!(
                "Posten {}: {} gehört zu {owner}, nicht zu {partner}.",
                index + 1,
                item(i)
            ),
            format!(
                "Item {}: {} belongs to {owner}, not {partner}.",
                index + 1,
                item(i)
            ),
        ),
        E::ItemTwice { index } => (
            format!("Posten {}: der Posten ist doppelt genannt.", index + 1),
            format!("Item {}: the item is named twice.", index + 1),
        ),
        E::PartAmountInvalid {
            index,
            max_decimals,
        } => (
            format!(
                "Posten {}: der Betrag muss über null liegen, mit höchstens {max_decimals} Nachkommastellen.",
                index + 1
            ),
            format!(
                "Item {}: the amount must be above zero with at most {max_decimals} decimals.",
                index + 1
            ),
        ),
        E::PartExceedsOpen {
            index,
            amount,
            open,
        } => (
            format!(
                "Posten {}: {} ist mehr als die offenen {}.",
                index + 1,
                number(*amount, Lang::De),
                number(*open, Lang::De)
            ),
            format!(
                "Item {}: {} is more than the {} still open.",
                index + 1,
                number(*amount, Lang::En),
                number(*open, Lang::En)
            ),
        ),
        E::ItemNotOpen { index } => (
            format!("Posten {}: der Posten ist schon ausgeglichen.", index + 1),
            format!("Item {}: the item is already cleared.", index + 1),
        ),
        E::ClearingNotBalanced { diff_lc } => (
            format!(
                "Die ausgeglichenen Beträge heben sich nicht auf: Soll minus Haben ist {}.",
                number(*diff_lc, Lang::De)
            ),
            format!(
                "The cleared amounts do not net to zero: debit minus credit is {}.",
                number(*diff_lc, Lang::En)
            ),
        ),
        E::ClearingBeforeItem {
            index,
            posting_date,
        } => (
            format!(
                "Posten {}: das Ausgleichsdatum liegt vor dem Buchungsdatum {}.",
                index + 1,
                posting_date.format("%d.%m.%Y")
            ),
            format!(
                "Item {}: the clearing date is before the item's posting date {}.",
                index + 1,
                posting_date.format("%Y-%m-%d")
            ),
        ),
        E::ClearingUnknown { number: n } => (
            format!("Den Ausgleich {n} gibt es nicht."),
            format!("Clearing {n} does not exist."),
        ),
        E::ClearingAlreadyCancelled { number: n } => (
            format!("Der Ausgleich {n} ist schon storniert."),
            format!("Clearing {n} was already cancelled."),
        ),
        E::ClearingNumberMismatch { expected, found } => (
            format!("Das Journal nennt Ausgleich {found}, der nächste wäre {expected}."),
            format!("The log names clearing {found}, the next is {expected}."),
        ),
        E::PartFcMismatch { index } => (
            format!(
                "Posten {}: der Fremdwährungsbetrag passt nicht zum Posten.",
                index + 1
            ),
            format!(
                "Item {}: the foreign-currency amount does not fit the item.",
                index + 1
            ),
        ),
        E::AgingBuckets { max } => (
            format!(
                "Fälligkeitsraster: 1 bis {max} Obergrenzen in Tagen, jede über der vorigen und über 0."
            ),
            format!(
                "Aging buckets: 1 to {max} upper bounds in days, each above the one before and above 0."
            ),
        ),
    };
    pick(lang, de, en)
}
