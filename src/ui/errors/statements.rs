//! Sentences for refusals of the statements sub-ledger (statement layout
//! and budgets). Exhaustive over `StatementsError`: a new variant does not
//! compile until it has its German and English sentence.

use super::{gl_error, input_error, pick};
use crate::ledger::statements::StatementsError;
use crate::ui::i18n::Lang;

pub fn statements_error(e: &StatementsError, lang: Lang) -> String {
    use StatementsError as E;
    match e {
        E::Input(e) => input_error(e, lang),
        E::Gl(e) => gl_error(e, lang),
        E::UnknownLine { line } => pick(
            lang,
            format!("Eine Bilanz- oder GuV-Position „{line}“ gibt es nicht."),
            format!("There is no balance-sheet or P&L line “{line}”."),
        ),
        E::LineNotMappable { line } => pick(
            lang,
            format!(
                "Position {line} ist eine Zwischensumme; ihr lassen sich keine Konten zuordnen."
            ),
            format!("Line {line} is a subtotal; no account can be assigned to it."),
        ),
        E::WrongStatement { account } => pick(
            lang,
            format!(
                "Konto {account} gehört in die andere Rechnung: Bestandskonten in die Bilanz, Erfolgskonten in die GuV."
            ),
            format!(
                "Account {account} belongs in the other statement: balance-sheet accounts in the balance sheet, income and expense accounts in the P&L."
            ),
        ),
        E::BudgetPeriods {
            row,
            periods,
            expected,
        } => pick(
            lang,
            format!(
                "Planzeile {}: {periods} Beträge, das Geschäftsjahr hat aber {expected} Perioden.",
                row + 1
            ),
            format!(
                "Budget row {}: {periods} amounts for a fiscal year of {expected} periods.",
                row + 1
            ),
        ),
        E::UnknownCentre { row, centre } => pick(
            lang,
            format!(
                "Planzeile {}: Die Kostenstelle {centre} gibt es nicht.",
                row + 1
            ),
            format!("Budget row {}: there is no cost centre {centre}.", row + 1),
        ),
        E::UnknownYear { year } => pick(
            lang,
            format!("Das Geschäftsjahr {year} ist nicht eröffnet."),
            format!("Fiscal year {year} has not been opened."),
        ),
        E::BudgetYear { row, found, year } => pick(
            lang,
            format!(
                "Planzeile {} gehört zum Geschäftsjahr {found}, gespeichert wird {year}.",
                row + 1
            ),
            format!(
                "Budget row {} is for fiscal year {found}, but {year} is being saved.",
                row + 1
            ),
        ),
        E::BudgetAccount { row, account } => pick(
            lang,
            format!("Planzeile {}: Das Konto {account} gibt es nicht.", row + 1),
            format!("Budget row {}: there is no account {account}.", row + 1),
        ),
        E::DuplicateBudget { row } => pick(
            lang,
            format!(
                "Planzeile {}: Konto und Kostenstelle stehen schon in einer früheren Zeile.",
                row + 1
            ),
            format!(
                "Budget row {}: its account and cost centre are already in an earlier row.",
                row + 1
            ),
        ),
        E::BudgetDecimals {
            row,
            period,
            amount,
            max,
        } => pick(
            lang,
            format!(
                "Planzeile {}, Periode {period}: {amount} hat mehr als {max} Nachkommastellen.",
                row + 1
            ),
            format!(
                "Budget row {}, period {period}: {amount} has more than {max} decimals.",
                row + 1
            ),
        ),
        E::BudgetTooLarge {
            row,
            period,
            amount,
            max,
        } => pick(
            lang,
            format!(
                "Planzeile {}, Periode {period}: {amount} ist größer als {max}.",
                row + 1
            ),
            format!(
                "Budget row {}, period {period}: {amount} is beyond {max}.",
                row + 1
            ),
        ),
        E::TooManyBudgetRows { rows, max } => pick(
            lang,
            format!("{rows} Planzeilen auf einmal; höchstens {max} sind möglich."),
            format!("{rows} budget rows at once; at most {max} are possible."),
        ),
    }
}
