//! Sentences for refusals about entries (lines, balance, reversal, vouchers, numbering, idempotency). Exhaustive: a new
//! variant does not compile until it has its German and English sentence.
//! Lines are counted from 1 here (the engine counts from 0).

use super::{amount, number, pick};
use crate::ledger::journal::JournalError;
use crate::ui::i18n::Lang;

pub fn journal_error(e: &JournalError, lang: Lang) -> String {
    let (de, en): (String, String) = match e {
        JournalError::Input(e) => return super::input_error(e, lang),
        JournalError::Gl(e) => return super::gl_error(e, lang),
        JournalError::Tax(e) => return super::tax_error(e, lang),
        JournalError::Costing(e) => return super::costing_error(e, lang),
        JournalError::Partners(e) => return super::partners_error(e, lang),
        JournalError::Rule(b) => return super::rule_breach(b, lang),
        JournalError::TooFewLines { count } => (
            format!("Eine Buchung braucht mindestens 2 Zeilen, diese hat {count}."),
            format!("An entry needs at least 2 lines; this one has {count}."),
        ),
        JournalError::TooManyLines { count, max } => (
            format!("Eine Buchung hat höchstens {max} Zeilen, diese hat {count}."),
            format!("An entry has at most {max} lines; this one has {count}."),
        ),
        JournalError::LineTwoSided { line } => {
            let line = line + 1;
            (
                format!("Zeile {line} hat Soll und Haben zugleich."),
                format!("Line {line} has both a debit and a credit."),
            )
        }
        JournalError::LineZero { line } => {
            let line = line + 1;
            (
                format!("Zeile {line} hat keinen Betrag."),
                format!("Line {line} has no amount."),
            )
        }
        JournalError::LineNegative { line } => {
            let line = line + 1;
            (
                format!("Zeile {line} hat einen negativen Betrag."),
                format!("Line {line} has a negative amount."),
            )
        }
        JournalError::AmountTooLarge { line, max } => {
            let line = line + 1;
            (
                format!(
                    "Zeile {line}: der Betrag ist größer als {}.",
                    number(*max, Lang::De)
                ),
                format!(
                    "Line {line}: the amount exceeds {}.",
                    number(*max, Lang::En)
                ),
            )
        }
        JournalError::TooManyDecimals { line, max } => {
            let line = line + 1;
            (
                format!("Zeile {line}: der Betrag hat mehr als {max} Nachkommastellen."),
                format!("Line {line}: the amount has more than {max} decimals."),
            )
        }
        JournalError::AccountMissing { line } => {
            let line = line + 1;
            (
                format!("Zeile {line} hat kein Konto."),
                format!("Line {line} has no account."),
            )
        }
        JournalError::AccountNotFound { line, account } => {
            let line = line + 1;
            (
                format!("Zeile {line}: das Konto {account} gibt es nicht."),
                format!("Line {line}: account {account} does not exist."),
            )
        }
        JournalError::AccountInactive { line, account } => {
            let line = line + 1;
            (
                format!("Zeile {line}: das Konto {account} ist inaktiv."),
                format!("Line {line}: account {account} is inactive."),
            )
        }
        JournalError::AccountNotPostable { line, account } => {
            let line = line + 1;
            (
                format!("Zeile {line}: {account} ist ein Titelkonto und nicht bebuchbar."),
                format!("Line {line}: {account} is a title account and cannot be posted to."),
            )
        }
        JournalError::CurrencyNotAllowed {
            line,
            account,
            currency,
        } => {
            let line = line + 1;
            (
                format!("Zeile {line}: das Konto {account} nimmt keine Beträge in {currency} an."),
                format!("Line {line}: account {account} does not accept {currency}."),
            )
        }
        JournalError::ForeignIsLocal { line, currency } => {
            let line = line + 1;
            (
                format!(
                    "Zeile {line}: {currency} ist die Hauswährung; bitte ohne Fremdwährungsbetrag erfassen."
                ),
                format!(
                    "Line {line}: {currency} is the local currency; enter it without a foreign amount."
                ),
            )
        }
        JournalError::Unbalanced { diff_lc, decimals } => (
            format!(
                "Die Buchung ist nicht ausgeglichen: Soll minus Haben = {} (Hauswährung).",
                amount(*diff_lc, *decimals, Lang::De)
            ),
            format!(
                "The entry does not balance: debit minus credit = {} (local currency).",
                amount(*diff_lc, *decimals, Lang::En)
            ),
        ),
        JournalError::UnbalancedSc { diff_sc, decimals } => (
            format!(
                "Die Buchung ist in Systemwährung nicht ausgeglichen: Differenz {}.",
                amount(*diff_sc, *decimals, Lang::De)
            ),
            format!(
                "The entry does not balance in system currency: difference {}.",
                amount(*diff_sc, *decimals, Lang::En)
            ),
        ),
        JournalError::TaxLineMisplaced { line } => {
            let line = line + 1;
            (
                format!("Zeile {line}: eine erzeugte Steuerzeile muss ihrer Basiszeile folgen."),
                format!("Line {line}: a generated tax line must follow its base line."),
            )
        }
        JournalError::EntryNotFound { entry } => (
            format!("Die Buchung {} gibt es nicht.", entry.0),
            format!("Entry {} does not exist.", entry.0),
        ),
        JournalError::AlreadyReversed { entry, by } => (
            format!(
                "Die Buchung {} wurde bereits durch {} storniert.",
                entry.0, by.0
            ),
            format!("Entry {} was already reversed by {}.", entry.0, by.0),
        ),
        JournalError::ReversalOfReversal { entry } => (
            format!(
                "Die Buchung {} ist selbst ein Storno und kann nicht storniert werden.",
                entry.0
            ),
            format!(
                "Entry {} is itself a reversal and cannot be reversed.",
                entry.0
            ),
        ),
        JournalError::VoucherEmpty => (
            "Der Buchungsstapel enthält keine Buchungen.".into(),
            "The voucher has no entries.".into(),
        ),
        JournalError::VoucherTooLarge { count, max } => (
            format!("Ein Buchungsstapel hat höchstens {max} Buchungen, dieser {count}."),
            format!("A voucher holds at most {max} entries; this one has {count}."),
        ),
        JournalError::VoucherEntry { index, error } => (
            format!(
                "Buchung {} des Stapels: {}",
                index + 1,
                journal_error(error, Lang::De)
            ),
            format!(
                "Entry {} of the voucher: {}",
                index + 1,
                journal_error(error, Lang::En)
            ),
        ),
        JournalError::EntryIdMismatch { expected, found } => (
            format!(
                "Journal beschädigt: Buchungs-Id {} statt {}.",
                found.0, expected.0
            ),
            format!(
                "Log damaged: entry id {} instead of {}.",
                found.0, expected.0
            ),
        ),
        JournalError::EntryNumberMismatch {
            fiscal_year,
            expected,
            found,
        } => (
            format!(
                "Journal beschädigt: Buchungsnummer {found} statt {expected} im Geschäftsjahr {fiscal_year}."
            ),
            format!(
                "Log damaged: entry number {found} instead of {expected} in fiscal year {fiscal_year}."
            ),
        ),
        JournalError::AlreadyPosted { entry, .. } => (
            format!(
                "Diese Buchung (dieser Stapel) ist bereits als Buchung {} gebucht; sie wird nicht noch einmal gebucht.",
                entry.0
            ),
            format!(
                "This entry (voucher) was already posted as entry {}; it is not posted again.",
                entry.0
            ),
        ),
        JournalError::JournalFull { max } => (
            format!("Das Journal fasst höchstens {max} Buchungen."),
            format!("The journal holds at most {max} entries."),
        ),
        JournalError::EntryNumbersExhausted { fiscal_year, max } => (
            format!("Im Geschäftsjahr {fiscal_year} sind alle {max} Buchungsnummern vergeben."),
            format!("Fiscal year {fiscal_year} has used all {max} entry numbers."),
        ),
    };
    pick(lang, de, en)
}
