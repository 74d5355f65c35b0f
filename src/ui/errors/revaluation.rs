//! Sentences for refusals of the foreign-currency revaluation.

use super::pick;
use crate::ledger::payments::revaluation::RevaluationError;
use crate::ui::i18n::Lang;
use chrono::NaiveDate;

fn de_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

pub fn revaluation_error(e: &RevaluationError, lang: Lang) -> String {
    match e {
        RevaluationError::NothingToRevalue { date } => pick(
            lang,
            format!("Zum {} ist nichts zu bewerten: kein offener Fremdwährungsposten und kein Fremdwährungssaldo hat eine buchbare Kursdifferenz.", de_date(*date)),
            format!("There is nothing to revalue on {date}: no open foreign-currency item or balance has a difference that may be posted."),
        ),
        RevaluationError::RateMissing { currency, date } => pick(
            lang,
            format!("Für {currency} gibt es keinen Kurs am oder vor dem {}. Bitte den Kurs unter Administration → Währungen erfassen.", de_date(*date)),
            format!("There is no {currency} rate on or before {date}. Please enter the rate under Administration → Currencies."),
        ),
        RevaluationError::AdjustmentAccountMissing => pick(
            lang,
            "In den Zahlungseinstellungen fehlt das Konto für die Wertberichtigung aus Kursdifferenzen.".to_string(),
            "The payment settings name no FX adjustment account for the differences of open items.".to_string(),
        ),
        RevaluationError::AccountUnusable { account } => pick(
            lang,
            format!("Auf Konto {account} kann die Bewertung nicht buchen (es fehlt, ist inaktiv, ein Sammel- oder Titelkonto oder nicht in Hauswährung)."),
            format!("The revaluation cannot post to account {account} (missing, inactive, a control or title account, or not in local currency)."),
        ),
        RevaluationError::ReversalNotAfter { date, reverse_on } => pick(
            lang,
            format!("Das Auflösungsdatum {} muss nach dem Bewertungsstichtag {} liegen.", de_date(*reverse_on), de_date(*date)),
            format!("The reversal date {reverse_on} must be after the revaluation date {date}."),
        ),
    }
}
