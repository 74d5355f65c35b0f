//! Plausibility warnings (see `ledger::posting::warning`) and credit-limit
//! notices (`ledger::posting::credit`) as one German and one English
//! sentence each; exhaustive like the refusals.

use super::{number, pick};
use crate::ledger::posting::{CreditLevel, CreditNotice, EntryWarning};
use crate::ui::i18n::Lang;

/// A plausibility warning as one German and one English sentence; its
/// line is 0-based (map it to the grid row first).
pub fn entry_warning(w: &EntryWarning, lang: Lang) -> String {
    let (de, en) = match w {
        EntryWarning::InputTaxOnRevenue {
            line,
            code,
            account,
        } => (
            format!(
                "Zeile {}: {code} ist ein Vorsteuerkennzeichen, Konto {account} aber ein Erlöskonto. Gemeint ist meist ein Umsatzsteuerkennzeichen (U…).",
                line + 1
            ),
            format!(
                "Line {}: {code} is an input-tax code, but account {account} is a revenue account. An output-tax code (U…) is usually meant.",
                line + 1
            ),
        ),
        EntryWarning::OutputTaxOnExpense {
            line,
            code,
            account,
        } => (
            format!(
                "Zeile {}: {code} ist ein Umsatzsteuerkennzeichen, Konto {account} aber ein Aufwandskonto. Gemeint ist meist ein Vorsteuerkennzeichen (V…).",
                line + 1
            ),
            format!(
                "Line {}: {code} is an output-tax code, but account {account} is an expense account. An input-tax code (V…) is usually meant.",
                line + 1
            ),
        ),
        EntryWarning::ClosingPeriod { date } => (
            format!(
                "Die Periode des {} ist im Abschluss: dort nur Abschlussbuchungen, mit dem Abschlussrecht (das jeder hat, solange es keine Benutzer gibt).",
                date.format("%d.%m.%Y")
            ),
            format!(
                "The period of {date} is in closing: closing entries only, with the closing right (which everyone holds until there are users)."
            ),
        ),
        EntryWarning::Rule(b) => return super::rule_breach(b, lang),
    };
    pick(lang, de, en)
}

/// `w` with its line mapped by `to_row` (see `map_line`).
pub fn map_warning_line(w: &EntryWarning, to_row: impl Fn(usize) -> usize) -> EntryWarning {
    let mut w = w.clone();
    match &mut w {
        EntryWarning::InputTaxOnRevenue { line, .. }
        | EntryWarning::OutputTaxOnExpense { line, .. } => *line = to_row(*line),
        EntryWarning::ClosingPeriod { .. } | EntryWarning::Rule(_) => {}
    }
    w
}

/// A customer this entry takes over a limit, as one sentence: the credit
/// limit asks to confirm, the commitment limit is refused on posting.
pub fn credit_notice(n: &CreditNotice, lang: Lang) -> String {
    let (exposure, limit) = (n.exposure_lc, n.limit_lc);
    let code = n.partner;
    let (de, en) = match n.level {
        CreditLevel::Credit => (
            format!(
                "Kunde {code}: die offenen Forderungen mit dieser Buchung ({}) überschreiten das Kreditlimit {}.",
                number(exposure, Lang::De),
                number(limit, Lang::De)
            ),
            format!(
                "Customer {code}: open receivables with this entry ({}) exceed the credit limit {}.",
                number(exposure, Lang::En),
                number(limit, Lang::En)
            ),
        ),
        CreditLevel::Commitment => (
            format!(
                "Kunde {code}: die offenen Forderungen mit dieser Buchung ({}) überschreiten das Obligo-Limit {}; so wird nicht gebucht.",
                number(exposure, Lang::De),
                number(limit, Lang::De)
            ),
            format!(
                "Customer {code}: open receivables with this entry ({}) exceed the commitment limit {}; it will not post.",
                number(exposure, Lang::En),
                number(limit, Lang::En)
            ),
        ),
    };
    pick(lang, de, en)
}
