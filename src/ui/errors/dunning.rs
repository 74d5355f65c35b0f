//! Sentences for refusals of dunning, and for the reasons a proposal
//! skips a customer or an item (the dunning run shows them per row and a
//! refused run names one). Exhaustive: a new variant does not compile
//! until it has its German and English sentence.

use super::{domain_error, pick};
use crate::finance::interest::BaseRateError;
use crate::ledger::DomainError;
use crate::ledger::dunning::{
    DunningError, MAX_LEVEL_DAYS, MAX_LEVEL_TEXT_LEN, MAX_LEVELS, SkipReason, Skipped, TermField,
};
use crate::ledger::open_items::ItemId;
use crate::ledger::types::limits::{MAX_NAME_LEN, MAX_TERMS_CODE_LEN};
use crate::ui::i18n::Lang;

pub fn dunning_error(e: &DunningError, lang: Lang) -> String {
    use DunningError as E;
    let (de, en) = match e {
        E::Input(_) | E::Gl(_) | E::Journal(_) => {
            return domain_error(&DomainError::from(e.clone()), lang);
        }
        E::InvalidTerm { field } => return term_field(*field, lang),
        E::UnknownTerm { code } => (
            format!("Das Mahnverfahren „{code}“ gibt es nicht."),
            format!("There is no dunning term \"{code}\"."),
        ),
        E::TermInUse { code, partner } => (
            format!(
                "Das Mahnverfahren „{code}“ wird noch verwendet: Geschäftspartner {partner} nennt es."
            ),
            format!("Dunning term \"{code}\" is still in use: business partner {partner} names it."),
        ),
        E::InvalidBaseRates { error } => {
            let (de, en) = base_rate_error(error);
            (
                format!("Die Basiszinssätze sind ungültig: {de}"),
                format!("The base rates are not valid: {en}"),
            )
        }
        E::ChargeAccount => (
            "Mahngebühren und Zinsen brauchen ein bebuchbares Ertragskonto, das kein Sammelkonto ist; es fehlt oder passt nicht.".into(),
            "Dunning fees and interest need a postable income account that is not a control account; it is missing or does not fit.".into(),
        ),
        E::NothingToDun => (
            "Der Mahnlauf enthält keinen Mahnbrief.".into(),
            "The dunning run holds no letter.".into(),
        ),
        E::NotDunnable { partner } => (
            format!("Geschäftspartner {partner} ist kein Kunde mit Mahnverfahren."),
            format!("Business partner {partner} is not a customer with a dunning term."),
        ),
        E::ItemNotDue { partner, item } => (
            format!(
                "Posten {} von {partner} ist nicht offen und überfällig.",
                id(item)
            ),
            format!("Item {} of {partner} is not open and overdue.", id(item)),
        ),
        E::BaseRateUnknown { date } => (
            format!(
                "Für den {} ist kein Basiszinssatz hinterlegt.",
                date.format("%d.%m.%Y")
            ),
            format!("There is no base rate for {}.", date.format("%Y-%m-%d")),
        ),
        E::NotDunned { skipped } => return not_dunned(skipped, lang),
        E::DuplicatePartner { partner } => (
            format!("Der Mahnlauf enthält zwei Briefe an {partner}."),
            format!("The dunning run holds two letters to {partner}."),
        ),
        E::AlreadyExecuted { run, .. } => (
            format!("Dieser Mahnlauf wurde schon ausgeführt (Mahnlauf {run})."),
            format!("This dunning run was executed already (run {run})."),
        ),
        E::RunOutOfOrder { number, last } => (
            format!("Mahnlauf {number} folgt nicht auf Mahnlauf {last}: das Protokoll ist beschädigt."),
            format!("Dunning run {number} does not follow run {last}: the log is damaged."),
        ),
    };
    pick(lang, de, en)
}

fn not_dunned(skipped: &Skipped, lang: Lang) -> String {
    let reason = skip_reason(&skipped.reason, lang);
    let partner = skipped.partner;
    match (skipped.item, lang) {
        (Some(item), Lang::De) => format!("Posten {} von {partner}: {reason}", id(&item)),
        (Some(item), Lang::En) => format!("Item {} of {partner}: {reason}", id(&item)),
        (None, Lang::De) => format!("Geschäftspartner {partner}: {reason}"),
        (None, Lang::En) => format!("Business partner {partner}: {reason}"),
    }
}

/// Why a proposal skips a customer or an item, as one sentence.
pub fn skip_reason(reason: &SkipReason, lang: Lang) -> String {
    let (de, en) = match reason {
        SkipReason::PartnerBlocked => (
            "Der Geschäftspartner ist gesperrt (Zahlungssperre).".to_string(),
            "The business partner is blocked (payment block).".to_string(),
        ),
        SkipReason::NoDunningTerm => (
            "Kein Kunde mit Mahnverfahren.".into(),
            "Not a customer with a dunning term.".into(),
        ),
        SkipReason::UnknownTerm { code } => (
            format!("Das genannte Mahnverfahren „{code}“ gibt es nicht."),
            format!("The dunning term \"{code}\" it names does not exist."),
        ),
        SkipReason::BelowMinimum => (
            "Der überfällige Saldo liegt unter dem Mindestbetrag der Mahnstufe.".into(),
            "The overdue balance is below the level's minimum.".into(),
        ),
        SkipReason::LastLevelReached => (
            "Die letzte Mahnstufe ist schon erreicht.".into(),
            "The last dunning level is reached already.".into(),
        ),
        SkipReason::LevelAlreadyReached { level } => (
            format!("Schon in Mahnstufe {level}; die nächste ist noch nicht fällig."),
            format!("Already at dunning level {level}; the next is not due yet."),
        ),
        SkipReason::InterestTooLarge => (
            "Die Zinsen sind zu groß, um sie genau zu rechnen.".into(),
            "The interest is too large to compute exactly.".into(),
        ),
        SkipReason::BaseRateUnknown { date } => (
            format!(
                "Für den {} ist kein Basiszinssatz hinterlegt.",
                date.format("%d.%m.%Y")
            ),
            format!("There is no base rate for {}.", date.format("%Y-%m-%d")),
        ),
    };
    pick(lang, de, en)
}

fn term_field(field: TermField, lang: Lang) -> String {
    let (de, en) = match field {
        TermField::Code => (
            format!("Code: 1 bis {MAX_TERMS_CODE_LEN} Buchstaben, Ziffern, „-“ oder „_“."),
            format!("Code: 1 to {MAX_TERMS_CODE_LEN} letters, digits, \"-\" or \"_\"."),
        ),
        TermField::Name => (
            format!("Bezeichnung: nötig, höchstens {MAX_NAME_LEN} Zeichen."),
            format!("Name: required, at most {MAX_NAME_LEN} characters."),
        ),
        TermField::Levels => (
            format!("Ein Mahnverfahren hat 1 bis {MAX_LEVELS} Mahnstufen."),
            format!("A dunning term has 1 to {MAX_LEVELS} levels."),
        ),
        TermField::Days(i) => (
            format!(
                "Mahnstufe {}: die Tage nach Fälligkeit müssen von Stufe zu Stufe steigen (höchstens {MAX_LEVEL_DAYS}).",
                i + 1
            ),
            format!(
                "Level {}: the days after the due date must rise from level to level (at most {MAX_LEVEL_DAYS}).",
                i + 1
            ),
        ),
        TermField::Fee(i) => (
            format!(
                "Mahnstufe {}: die Gebühr darf nicht negativ sein und hat höchstens so viele Nachkommastellen wie die Hauswährung.",
                i + 1
            ),
            format!(
                "Level {}: the fee must not be negative and has at most the local currency's decimals.",
                i + 1
            ),
        ),
        TermField::MinBalance(i) => (
            format!(
                "Mahnstufe {}: der Mindestbetrag darf nicht negativ sein und hat höchstens so viele Nachkommastellen wie die Hauswährung.",
                i + 1
            ),
            format!(
                "Level {}: the minimum balance must not be negative and has at most the local currency's decimals.",
                i + 1
            ),
        ),
        TermField::Text(i) => (
            format!(
                "Mahnstufe {}: der Brieftext hat höchstens {MAX_LEVEL_TEXT_LEN} Zeichen je Sprache.",
                i + 1
            ),
            format!(
                "Level {}: the letter text has at most {MAX_LEVEL_TEXT_LEN} characters per language.",
                i + 1
            ),
        ),
    };
    pick(lang, de, en)
}

/// The base-rate table's refusal, German and English.
fn base_rate_error(e: &BaseRateError) -> (String, String) {
    match e {
        BaseRateError::Empty => (
            "Die Tabelle enthält keinen Satz.".into(),
            "The table holds no rates.".into(),
        ),
        BaseRateError::BadLine { line } => (
            format!("Zeile {line}: erwartet wird „JJJJ-MM-TT;Prozent“."),
            format!("Line {line}: expected \"YYYY-MM-DD;percent\"."),
        ),
        BaseRateError::NotHalfYearStart { date } => (
            format!(
                "{}: der Basiszinssatz ändert sich nur zum 1. Januar und 1. Juli.",
                date.format("%d.%m.%Y")
            ),
            format!(
                "{}: the base rate changes only on 1 January and 1 July.",
                date.format("%Y-%m-%d")
            ),
        ),
        BaseRateError::NotConsecutive { date } => (
            format!(
                "{}: die Sätze müssen lückenlos Halbjahr für Halbjahr folgen.",
                date.format("%d.%m.%Y")
            ),
            format!(
                "{}: the rates must follow each other half-year by half-year without gaps.",
                date.format("%Y-%m-%d")
            ),
        ),
    }
}

fn id(item: &ItemId) -> String {
    format!(
        "{}/{}/{}",
        item.entry.0,
        item.line + 1,
        u16::from(item.installment) + 1
    )
}
