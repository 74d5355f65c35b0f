//! Data-entry rules (`ledger::gl::entry_rules`): a broken rule and a
//! refused rule set as one German and one English sentence each.

use super::{amount, pick};
use crate::ledger::gl::{EntryRulesError, RuleBreach};
use crate::ui::i18n::Lang;

/// A rule an entry breaks, whether it warns or refuses.
pub fn rule_breach(b: &RuleBreach, lang: Lang) -> String {
    let (de, en) = match b {
        RuleBreach::TooFarBack {
            date,
            earliest,
            days,
        } => (
            format!(
                "Das Buchungsdatum {} liegt vor dem frühesten erlaubten Tag {} (höchstens {days} Tage zurück; Erfassungsregel).",
                date.format("%d.%m.%Y"),
                earliest.format("%d.%m.%Y")
            ),
            format!(
                "The posting date {date} is before the earliest allowed day {earliest} (at most {days} days back; data-entry rule)."
            ),
        ),
        RuleBreach::TooFarAhead { date, latest, days } => (
            format!(
                "Das Buchungsdatum {} liegt nach dem spätesten erlaubten Tag {} (höchstens {days} Tage voraus; Erfassungsregel).",
                date.format("%d.%m.%Y"),
                latest.format("%d.%m.%Y")
            ),
            format!(
                "The posting date {date} is after the latest allowed day {latest} (at most {days} days ahead; data-entry rule)."
            ),
        ),
        RuleBreach::NoReference => (
            "Die Belegnummer ist Pflicht (Erfassungsregel).".to_string(),
            "A reference is required (data-entry rule).".to_string(),
        ),
        RuleBreach::NoDocumentDate => (
            "Das Belegdatum ist Pflicht (Erfassungsregel).".to_string(),
            "A document date is required (data-entry rule).".to_string(),
        ),
        RuleBreach::CashNegative {
            account,
            balance,
            decimals,
        } => (
            format!(
                "Die Kasse {account} stünde nach dieser Buchung bei {} (Erfassungsregel: kein negativer Kassenbestand).",
                amount(*balance, *decimals, Lang::De)
            ),
            format!(
                "Cash account {account} would stand at {} after this entry (data-entry rule: no negative cash).",
                amount(*balance, *decimals, Lang::En)
            ),
        ),
    };
    pick(lang, de, en)
}

/// Why a set of rules was refused.
pub fn entry_rules_error(e: &EntryRulesError, lang: Lang) -> String {
    let (de, en) = match e {
        EntryRulesError::WindowTooLong { days, max } => (
            format!("{days} Tage sind zu viel: höchstens {max}."),
            format!("{days} days are too many: at most {max}."),
        ),
        EntryRulesError::WindowWithoutLimit => (
            "Die Regel zum Buchungsdatum braucht Tage zurück oder voraus.".to_string(),
            "The posting-date rule needs days back or ahead.".to_string(),
        ),
        EntryRulesError::TooManyCashAccounts { count, max } => (
            format!("{count} Kassenkonten sind zu viele: höchstens {max}."),
            format!("{count} cash accounts are too many: at most {max}."),
        ),
        EntryRulesError::NotACashAccount { account } => (
            format!(
                "Konto {account} kann keine Kasse sein: es muss ein bebuchbares Aktivkonto ohne Sammelfunktion sein."
            ),
            format!(
                "Account {account} cannot be a cash account: it must be a postable asset account that is not a control account."
            ),
        ),
        EntryRulesError::CashAccountTwice { account } => (
            format!("Kassenkonto {account} ist doppelt genannt."),
            format!("Cash account {account} is named twice."),
        ),
        EntryRulesError::NoCashAccount => (
            "Die Regel zum Kassenbestand braucht mindestens ein Kassenkonto.".to_string(),
            "The cash rule needs at least one cash account.".to_string(),
        ),
    };
    pick(lang, de, en)
}
