//! Sentences for the refusals of loans (part B of issue 17): the schedule
//! maths' `LoanError` and the recurring sub-ledger's loan variants.
//! Exhaustive over `LoanError`.

use super::{amount, number, pick};
use crate::finance::loan::LoanError;
use crate::ledger::recurring::RecurringError;
use crate::ledger::types::AccountNo;
use crate::ui::components::fmt_date;
use crate::ui::i18n::Lang;
use chrono::NaiveDate;

fn dates(d: NaiveDate) -> (String, String) {
    (fmt_date(d, Lang::De), fmt_date(d, Lang::En))
}

/// Why a loan's terms cannot give a schedule.
pub fn loan_terms_error(e: &LoanError, lang: Lang) -> String {
    use LoanError as E;
    let n = |v| (number(v, Lang::De), number(v, Lang::En));
    let (de, en) = match e {
        E::PrincipalNotPositive { principal } => {
            let (pd, pe) = (
                amount(*principal, 2, Lang::De),
                amount(*principal, 2, Lang::En),
            );
            (
                format!("Der Darlehensbetrag {pd} muss größer als null sein."),
                format!("The principal {pe} must be greater than zero."),
            )
        }
        E::PrincipalTooLarge { principal, max } => {
            let (pd, pe) = (
                amount(*principal, 2, Lang::De),
                amount(*principal, 2, Lang::En),
            );
            let (md, me) = (amount(*max, 2, Lang::De), amount(*max, 2, Lang::En));
            (
                format!("Der Darlehensbetrag {pd} ist größer als {md}."),
                format!("The principal {pe} is above {me}."),
            )
        }
        E::PrincipalDecimals { principal, max } => {
            let (pd, pe) = n(*principal);
            (
                format!("Der Darlehensbetrag {pd} hat mehr als {max} Nachkommastellen."),
                format!("The principal {pe} has more than {max} decimals."),
            )
        }
        E::ZeroTerm => zero_term(),
        E::TermTooLong { months, max } => (
            format!("Die Laufzeit von {months} Monaten ist länger als {max} Monate."),
            format!("The term of {months} months is longer than {max} months."),
        ),
        E::Interval { months } => (
            format!(
                "Raten alle {months} Monate gibt es nicht: monatlich, vierteljährlich, halbjährlich oder jährlich (1, 3, 6 oder 12)."
            ),
            format!(
                "Instalments every {months} months are not possible: monthly, quarterly, half-yearly or yearly (1, 3, 6 or 12)."
            ),
        ),
        E::PaymentDay { day } => (
            format!("Zahltag {day} ist kein Tag eines Monats (1 bis 31)."),
            format!("Payment day {day} is not a day of a month (1 to 31)."),
        ),
        E::NoRate => (
            "Das Darlehen hat keinen Zinssatz.".to_string(),
            "The loan has no interest rate.".to_string(),
        ),
        E::RateOutOfRange { from, rate, max } => {
            let ((fd, fe), (rd, re), (md, me)) = (dates(*from), n(*rate), n(*max));
            (
                format!("Der Zinssatz {rd} % ab {fd} liegt nicht zwischen 0 und {md} %."),
                format!("The rate of {re} % from {fe} is not between 0 and {me} %."),
            )
        }
        E::RateDecimals { from, rate, max } => {
            let ((fd, fe), (rd, re)) = (dates(*from), n(*rate));
            (
                format!("Der Zinssatz {rd} % ab {fd} hat mehr als {max} Nachkommastellen."),
                format!("The rate of {re} % from {fe} has more than {max} decimals."),
            )
        }
        E::FirstRateNotAtStart { from, start } => {
            let ((fd, fe), (sd, se)) = (dates(*from), dates(*start));
            (
                format!("Der erste Zinssatz gilt ab {fd}, nicht ab der Auszahlung am {sd}."),
                format!("The first rate holds from {fe}, not from the payout on {se}."),
            )
        }
        E::RatesNotInOrder { from } => {
            let (fd, fe) = dates(*from);
            (
                format!("Der Zinssatz ab {fd} folgt nicht zeitlich auf den vorigen."),
                format!("The rate from {fe} does not follow the one before it in time."),
            )
        }
        E::TooManyRateChanges { max } => (
            format!("Höchstens {max} Zinsänderungen je Darlehen."),
            format!("At most {max} rate changes per loan."),
        ),
    };
    pick(lang, de, en)
}

fn zero_term() -> (String, String) {
    (
        "Die Laufzeit des Darlehens ist null: mindestens eine Rate angeben.".to_string(),
        "The loan's term is zero: give at least one instalment.".to_string(),
    )
}

/// The sentence of a loan refusal of the recurring sub-ledger (part B's
/// variants); `None` for the others, which `recurring_error` says (also
/// `ZeroTerm` and `UnknownLoan`).
pub fn loan_error(e: &RecurringError, lang: Lang) -> Option<String> {
    use RecurringError as E;
    let acc = |a: &AccountNo| a.to_string();
    let (de, en) = match e {
        E::Loan(e) => return Some(loan_terms_error(e, lang)),
        E::LoanAccount { account } => (
            format!(
                "Konto {} kann kein Darlehenskonto sein: ein bebuchbares Bestandskonto (Verbindlichkeit bei aufgenommenem, Forderung bei gewährtem Darlehen).",
                acc(account)
            ),
            format!(
                "Account {} cannot be a loan account: a postable balance-sheet account (liability for a loan taken, asset for a loan given).",
                acc(account)
            ),
        ),
        E::LoanInterestAccount { account, given } => {
            let (kd, ke) = if *given {
                (
                    "ein Ertragskonto (gewährtes Darlehen)",
                    "a revenue account (loan given)",
                )
            } else {
                (
                    "ein Aufwandskonto (aufgenommenes Darlehen)",
                    "an expense account (loan taken)",
                )
            };
            (
                format!(
                    "Konto {} kann die Zinsen nicht aufnehmen: nötig ist {kd}.",
                    acc(account)
                ),
                format!(
                    "Account {} cannot take the interest: it needs {ke}.",
                    acc(account)
                ),
            )
        }
        E::LoanBankAccount { account } => (
            format!(
                "Konto {} kann nicht das Bankkonto des Darlehens sein: ein bebuchbares Aktivkonto außer dem Darlehenskonto.",
                acc(account)
            ),
            format!(
                "Account {} cannot be the loan's bank account: a postable asset account other than the loan account.",
                acc(account)
            ),
        ),
        E::RateChangeTooEarly {
            loan,
            from,
            earliest,
        } => {
            let ((fd, fe), (ed, ee)) = (dates(*from), dates(*earliest));
            (
                format!(
                    "Darlehen {loan}: Eine Zinsänderung zum {fd} ist zu früh; frühestens ab {ed} (nach der Auszahlung und der letzten gebuchten Rate)."
                ),
                format!(
                    "Loan {loan}: a rate change from {fe} is too early; the earliest is {ee} (after the payout and the last posted instalment)."
                ),
            )
        }
        E::LoanPostedRowsChange { loan, date } => {
            let (dd, de) = dates(*date);
            (
                format!(
                    "Darlehen {loan}: Die Rate vom {dd} ist gebucht und kann sich nicht mehr ändern."
                ),
                format!("Loan {loan}: the instalment of {de} is posted and cannot change."),
            )
        }
        E::TooManyLoans { max } => (
            format!("Höchstens {max} Darlehen je Firma."),
            format!("At most {max} loans per company."),
        ),
        _ => return None,
    };
    Some(pick(lang, de, en))
}
