//! Sentences for refusals of the payment sub-ledger (payments, internal
//! reconciliation, revaluation). Exhaustive: a new variant does not
//! compile until it has its German and English sentence.

use super::{domain_error, number, pick};
use super::{reconcile_error, revaluation_error};
use crate::ledger::DomainError;
use crate::ledger::open_items::ItemId;
use crate::ledger::payments::{Means, PaymentField, PaymentsError, SettingsField};
use crate::ui::i18n::Lang;

pub fn payments_error(e: &PaymentsError, lang: Lang) -> String {
    use PaymentsError as E;
    match e {
        E::Input(_) | E::Gl(_) | E::Tax(_) | E::Partners(_) | E::OpenItems(_) | E::Journal(_) => {
            domain_error(&DomainError::from(e.clone()), lang)
        }
        E::Reconcile(e) => reconcile_error(e, lang),
        E::Revaluation(e) => revaluation_error(e, lang),
        E::SettingsAccountInvalid { .. }
        | E::ToleranceInvalid { .. }
        | E::SettingsTaxCodeUnknown { .. } => settings_error(e, lang),
        E::AlreadyCancelled { .. }
        | E::ClearedAgainSince { .. }
        | E::PaymentMismatch { .. }
        | E::PaymentUnknown { .. } => record_error(e, lang),
        E::ItemUnknown { .. }
        | E::ItemOfOtherPartner { .. }
        | E::ItemTwice { .. }
        | E::ItemNotOpen { .. }
        | E::ItemCurrency { .. }
        | E::ExceedsOpen { .. }
        | E::DiscountExceedsAmount { .. }
        | E::PartialBlocked { .. }
        | E::LateDiscount { .. }
        | E::PaymentBeforeItem { .. } => item_error(e, lang),
        E::NoMeans
        | E::AmountInvalid { .. }
        | E::PartnerMissing
        | E::NothingToPay
        | E::MeansAccountMissing { .. }
        | E::MeansMismatch { .. }
        | E::BeyondTolerance { .. }
        | E::WriteOffAccountMissing => draft_error(e, lang),
    }
}

fn settings_error(e: &PaymentsError, lang: Lang) -> String {
    use PaymentsError as E;
    let (de, en) = match e {
        E::SettingsAccountInvalid { field, account } => (
            format!(
                "{}: das Konto {account} gibt es nicht, oder es ist nicht bebuchbar.",
                settings_field(field, Lang::De)
            ),
            format!(
                "{}: account {account} does not exist or cannot be posted to.",
                settings_field(field, Lang::En)
            ),
        ),
        E::ToleranceInvalid { max_decimals } => (
            format!(
                "Die Toleranz muss 0 oder mehr sein, mit höchstens {max_decimals} Nachkommastellen."
            ),
            format!("The tolerance must be 0 or more, with at most {max_decimals} decimals."),
        ),
        E::SettingsTaxCodeUnknown { code } => (
            format!("Skontokonten: das Steuerkennzeichen {code} gibt es nicht."),
            format!("Discount accounts: tax code {code} does not exist."),
        ),
        _ => return String::new(),
    };
    pick(lang, de, en)
}

fn record_error(e: &PaymentsError, lang: Lang) -> String {
    use PaymentsError as E;
    let (de, en) = match e {
        E::PaymentUnknown { number } => (
            format!("Die Zahlung {number} gibt es nicht."),
            format!("Payment {number} does not exist."),
        ),
        E::AlreadyCancelled { number } => (
            format!("Die Zahlung {number} ist schon storniert."),
            format!("Payment {number} is already cancelled."),
        ),
        E::ClearedAgainSince { number, clearing } => (
            format!(
                "Die Zahlung {number} wurde seitdem mit dem Ausgleich {clearing} wieder ausgeglichen; stornieren Sie zuerst diesen Ausgleich."
            ),
            format!(
                "Payment {number} was cleared again since, by clearing {clearing}; cancel that clearing first."
            ),
        ),
        E::PaymentMismatch { number } => (
            format!("Die Zahlung {number} passt nicht zu ihrer Buchung oder ihrem Ausgleich."),
            format!("Payment {number} does not match its entry or clearing."),
        ),
        _ => return String::new(),
    };
    pick(lang, de, en)
}

fn item_error(e: &PaymentsError, lang: Lang) -> String {
    use PaymentsError as E;
    let n = |index: &usize| index + 1;
    let (de, en) = match e {
        E::ItemUnknown { index, item } => (
            format!(
                "Posten {}: den Posten {} gibt es nicht.",
                n(index),
                id(item)
            ),
            format!("Item {}: item {} does not exist.", n(index), id(item)),
        ),
        E::ItemOfOtherPartner {
            index,
            owner,
            partner,
        } => (
            format!(
                "Posten {}: der Posten gehört zu {owner}, nicht zu {partner}.",
                n(index)
            ),
            format!(
                "Item {}: the item belongs to {owner}, not to {partner}.",
                n(index)
            ),
        ),
        E::ItemTwice { index } => (
            format!("Posten {}: der Posten ist doppelt angegeben.", n(index)),
            format!("Item {}: the item is named twice.", n(index)),
        ),
        E::ItemNotOpen { index } => (
            format!("Posten {}: der Posten ist schon ausgeglichen.", n(index)),
            format!("Item {}: the item is already cleared.", n(index)),
        ),
        E::ItemCurrency {
            index,
            item,
            payment,
        } => (
            format!(
                "Posten {}: der Posten ist in {item}, die Zahlung in {payment}.",
                n(index)
            ),
            format!(
                "Item {}: the item is in {item}, the payment in {payment}.",
                n(index)
            ),
        ),
        E::ExceedsOpen {
            index,
            amount,
            open,
        } => (
            format!(
                "Posten {}: {} ist mehr als die offenen {}; den Rest als Akontozahlung erfassen.",
                n(index),
                number(*amount, Lang::De),
                number(*open, Lang::De)
            ),
            format!(
                "Item {}: {} is more than the {} open; enter the rest as a payment on account.",
                n(index),
                number(*amount, Lang::En),
                number(*open, Lang::En)
            ),
        ),
        E::DiscountExceedsAmount { index } => (
            format!("Posten {}: das Skonto ist größer als der Betrag.", n(index)),
            format!("Item {}: the discount is more than the amount.", n(index)),
        ),
        E::PartialBlocked { index, partner } => (
            format!(
                "Posten {}: {partner} hat eine Zahlungssperre; nur der volle offene Betrag kann gezahlt werden.",
                n(index)
            ),
            format!(
                "Item {}: {partner} has a payment block; only the full open amount can be paid.",
                n(index)
            ),
        ),
        E::LateDiscount { index, last } => {
            let date = |lang| {
                last.map_or_else(String::new, |d| {
                    format!(
                        " ({})",
                        if lang == Lang::De {
                            d.format("%d.%m.%Y").to_string()
                        } else {
                            d.format("%Y-%m-%d").to_string()
                        }
                    )
                })
            };
            (
                format!(
                    "Posten {}: die Skontofrist ist abgelaufen{}. Skonto trotzdem gewähren?",
                    n(index),
                    date(Lang::De)
                ),
                format!(
                    "Item {}: the discount period has ended{}. Grant the discount anyway?",
                    n(index),
                    date(Lang::En)
                ),
            )
        }
        E::PaymentBeforeItem {
            index,
            posting_date,
        } => (
            format!(
                "Posten {}: die Zahlung liegt vor dem Buchungsdatum des Postens ({}).",
                n(index),
                posting_date.format("%d.%m.%Y")
            ),
            format!(
                "Item {}: the payment is dated before the item's posting date ({}).",
                n(index),
                posting_date.format("%Y-%m-%d")
            ),
        ),
        _ => return String::new(),
    };
    pick(lang, de, en)
}

fn draft_error(e: &PaymentsError, lang: Lang) -> String {
    use PaymentsError as E;
    let (de, en) = match e {
        E::NoMeans => (
            "Die Zahlung braucht mindestens ein Zahlungsmittel.".to_string(),
            "The payment needs at least one means of payment.".to_string(),
        ),
        E::AmountInvalid {
            field,
            max_decimals,
        } => (
            format!(
                "{}: der Betrag darf nicht negativ sein (nur Skonto, Akonto und Spesen dürfen 0 sein), mit höchstens {max_decimals} Nachkommastellen.",
                payment_field(*field, Lang::De)
            ),
            format!(
                "{}: the amount must not be negative (only discount, on account and fee may be 0), with at most {max_decimals} decimals.",
                payment_field(*field, Lang::En)
            ),
        ),
        E::PartnerMissing => (
            "Eine Zahlung für offene Posten oder auf Akonto braucht einen Geschäftspartner."
                .to_string(),
            "A payment for open items or on account needs a business partner.".to_string(),
        ),
        E::NothingToPay => (
            "Die Zahlung zahlt nichts: kein Posten, kein Akontobetrag, keine Sachkontenzeile."
                .to_string(),
            "The payment pays nothing: no item, no amount on account, no G/L line.".to_string(),
        ),
        E::MeansAccountMissing { index, means } => (
            format!(
                "Zahlungsmittel {} ({}): es fehlt das Konto.",
                index + 1,
                means_name(*means, Lang::De)
            ),
            format!(
                "Means {} ({}): the account is missing.",
                index + 1,
                means_name(*means, Lang::En)
            ),
        ),
        E::MeansMismatch {
            means,
            needed,
            difference,
        } => (
            format!(
                "Die Zahlungsmittel ergeben {}, die Zahlung braucht {} (Differenz {}).",
                number(*means, Lang::De),
                number(*needed, Lang::De),
                number(*difference, Lang::De)
            ),
            format!(
                "The means add up to {}, the payment needs {} (difference {}).",
                number(*means, Lang::En),
                number(*needed, Lang::En),
                number(*difference, Lang::En)
            ),
        ),
        E::BeyondTolerance {
            difference_lc,
            tolerance_lc,
        } => (
            format!(
                "Die Differenz von {} liegt über der Toleranz von {}.",
                number(*difference_lc, Lang::De),
                number(*tolerance_lc, Lang::De)
            ),
            format!(
                "The difference of {} is more than the tolerance of {}.",
                number(*difference_lc, Lang::En),
                number(*tolerance_lc, Lang::En)
            ),
        ),
        E::WriteOffAccountMissing => (
            "Die Zahlungseinstellungen nennen kein Konto für Zahlungsdifferenzen.".to_string(),
            "The payment settings name no account for payment differences.".to_string(),
        ),
        _ => return String::new(),
    };
    pick(lang, de, en)
}

fn id(item: &ItemId) -> String {
    format!(
        "{}/{}/{}",
        item.entry.0,
        item.line + 1,
        u16::from(item.installment) + 1
    )
}

fn payment_field(field: PaymentField, lang: Lang) -> String {
    let de = lang == Lang::De;
    match field {
        PaymentField::ItemAmount { index } if de => format!("Posten {}: Betrag", index + 1),
        PaymentField::ItemAmount { index } => format!("Item {}: amount", index + 1),
        PaymentField::ItemDiscount { index } if de => format!("Posten {}: Skonto", index + 1),
        PaymentField::ItemDiscount { index } => format!("Item {}: discount", index + 1),
        PaymentField::Means { index } if de => format!("Zahlungsmittel {}", index + 1),
        PaymentField::Means { index } => format!("Means {}", index + 1),
        PaymentField::GlLine { index } if de => format!("Sachkontenzeile {}", index + 1),
        PaymentField::GlLine { index } => format!("G/L line {}", index + 1),
        PaymentField::OnAccount if de => "Akonto".to_string(),
        PaymentField::OnAccount => "On account".to_string(),
        PaymentField::Fee if de => "Spesen".to_string(),
        PaymentField::Fee => "Fee".to_string(),
    }
}

fn settings_field(field: &SettingsField, lang: Lang) -> String {
    let de = lang == Lang::De;
    let (g, e) = match field {
        SettingsField::Discount { code } => {
            return if de {
                format!("Skontokonto {code}")
            } else {
                format!("Discount account {code}")
            };
        }
        SettingsField::WriteOff => ("Konto für Zahlungsdifferenzen", "Write-off account"),
        SettingsField::DiscountGranted => ("Gewährte Skonti", "Discount granted"),
        SettingsField::DiscountReceived => ("Erhaltene Skonti", "Discount received"),
        SettingsField::Checks => ("Scheckverrechnungskonto", "Checks clearing account"),
        SettingsField::Card => ("Kreditkartenverrechnungskonto", "Card clearing account"),
        SettingsField::FxUnrealisedGain => ("Unrealisierte Kursgewinne", "Unrealised FX gains"),
        SettingsField::FxUnrealisedLoss => ("Unrealisierte Kursverluste", "Unrealised FX losses"),
        SettingsField::FxAdjustment => {
            ("Wertberichtigung Kursdifferenzen", "FX adjustment account")
        }
    };
    if de { g } else { e }.to_string()
}

fn means_name(means: Means, lang: Lang) -> &'static str {
    let de = lang == Lang::De;
    match means {
        Means::Transfer if de => "Überweisung",
        Means::Transfer => "transfer",
        Means::Cash if de => "Bar",
        Means::Cash => "cash",
        Means::Check if de => "Scheck",
        Means::Check => "check",
        Means::CreditCard if de => "Kreditkarte",
        Means::CreditCard => "credit card",
    }
}
