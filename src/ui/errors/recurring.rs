//! Sentences for refusals of the recurring sub-ledger: posting templates,
//! standing postings, what is due, loans. Exhaustive: a new variant does
//! not compile until it has its German and English sentence. A refused
//! occurrence names its source and date and then says why the journal
//! refused it (e.g. a locked period).

use super::{domain_error, journal_error, number, pick};
use crate::ledger::DomainError;
use crate::ledger::recurring::{RecurringError, Source};
use crate::ui::i18n::Lang;

/// "Dauerbuchung 3" / "standing posting 3", "Darlehen 1" / "loan 1".
pub fn source_name(source: Source, lang: Lang) -> String {
    match (source, lang) {
        (Source::Standing(n), Lang::De) => format!("Dauerbuchung {n}"),
        (Source::Standing(n), Lang::En) => format!("standing posting {n}"),
        (Source::Loan(n), Lang::De) => format!("Darlehen {n}"),
        (Source::Loan(n), Lang::En) => format!("loan {n}"),
    }
}

pub fn recurring_error(e: &RecurringError, lang: Lang) -> String {
    use RecurringError as E;
    let de_date = |d: &chrono::NaiveDate| d.format("%d.%m.%Y").to_string();
    let en_date = |d: &chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let (de, en): (String, String) = match e {
        E::Input(_) | E::Gl(_) | E::Journal(_) => {
            return domain_error(&DomainError::from(e.clone()), lang);
        }
        E::SharesNot100 { sum } => (
            format!(
                "Die Anteile des Musters ergeben {} %, nicht 100 %.",
                number(*sum, Lang::De)
            ),
            format!(
                "The template's shares add up to {} %, not 100 %.",
                number(*sum, Lang::En)
            ),
        ),
        E::UnknownTemplate { code } => (
            format!("Das Kontierungsmuster „{code}“ gibt es nicht."),
            format!("There is no posting template \"{code}\"."),
        ),
        E::UnknownStanding { number } => (
            format!("Die Dauerbuchung {number} gibt es nicht."),
            format!("There is no standing posting {number}."),
        ),
        E::UnknownLoan { number } => (
            format!("Das Darlehen {number} gibt es nicht."),
            format!("There is no loan {number}."),
        ),
        E::NotDue { origin, date } => (
            format!(
                "{} ist am {} nicht fällig (schon gebucht, ausgesetzt, inaktiv oder kein Termin).",
                source_name(*origin, Lang::De),
                de_date(date)
            ),
            format!(
                "{} is not due on {} (already posted, skipped, inactive or not a scheduled date).",
                capital(&source_name(*origin, Lang::En)),
                en_date(date)
            ),
        ),
        E::ZeroTerm => (
            "Die Laufzeit des Darlehens ist null: mindestens eine Rate angeben.".into(),
            "The loan's term is zero: give at least one instalment.".into(),
        ),
        E::Occurrence {
            origin,
            date,
            error,
        } => (
            format!(
                "{} vom {}: {}",
                source_name(*origin, Lang::De),
                de_date(date),
                journal_error(error, Lang::De)
            ),
            format!(
                "{} of {}: {}",
                capital(&source_name(*origin, Lang::En)),
                en_date(date),
                journal_error(error, Lang::En)
            ),
        ),
        E::InvalidCode { code, max } => (
            format!(
                "„{code}“ ist kein gültiges Kürzel: 1 bis {max} Buchstaben, Ziffern, - oder _."
            ),
            format!("\"{code}\" is not a valid code: 1 to {max} letters, digits, - or _."),
        ),
        E::InvalidName { max } => (
            format!("Der Name darf nicht leer sein und hat höchstens {max} Zeichen."),
            format!("The name must not be empty and has at most {max} characters."),
        ),
        E::NoLines => (
            "Das Muster hat keine Zeile.".into(),
            "The template has no line.".into(),
        ),
        E::TooManyLines { count, max } => (
            format!("Ein Muster hat höchstens {max} Zeilen, dieses hat {count}."),
            format!("A template has at most {max} lines, this one has {count}."),
        ),
        E::InvalidPercent { line, percent } => (
            format!(
                "Zeile {}: {} % ist kein Anteil über 0 bis 100 mit höchstens 2 Nachkommastellen.",
                line + 1,
                number(*percent, Lang::De)
            ),
            format!(
                "Line {}: {} % is not a share above 0 up to 100 with at most 2 decimals.",
                line + 1,
                number(*percent, Lang::En)
            ),
        ),
        E::NoDays => (
            "Der Rhythmus nennt keinen Tag im Monat.".into(),
            "The schedule names no day of the month.".into(),
        ),
        E::InvalidDay { day } => (
            format!("{day} ist kein Tag im Monat (1 bis 31)."),
            format!("{day} is not a day of the month (1 to 31)."),
        ),
        E::EndBeforeFirst { first, until } => (
            format!(
                "Das Ende {} liegt vor dem ersten Termin {}.",
                de_date(until),
                de_date(first)
            ),
            format!(
                "The end {} lies before the first date {}.",
                en_date(until),
                en_date(first)
            ),
        ),
        E::InvalidCount { max } => (
            format!("Die Anzahl der Buchungen muss 1 bis {max} sein."),
            format!("The number of postings must be 1 to {max}."),
        ),
        E::NothingToPost => (
            "Es ist keine fällige Buchung ausgewählt.".into(),
            "No due posting is selected.".into(),
        ),
        // ----- loans (part B): sentences in `super::loan` -----
        E::Loan(_)
        | E::LoanAccount { .. }
        | E::LoanInterestAccount { .. }
        | E::LoanBankAccount { .. }
        | E::RateChangeTooEarly { .. }
        | E::LoanPostedRowsChange { .. }
        | E::TooManyLoans { .. } => match super::loan::loan_error(e, lang) {
            Some(sentence) => return sentence,
            None => unreachable!("loan_error has a sentence for every loan variant"),
        },
        E::TooManyOccurrences { count, max } => (
            format!("Höchstens {max} Buchungen auf einmal; ausgewählt sind {count}."),
            format!("At most {max} postings at once; {count} are selected."),
        ),
    };
    pick(lang, de, en)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
