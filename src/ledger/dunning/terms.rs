//! Dunning terms (Mahnverfahren): up to ten levels, each reached a number
//! of days after the due date, with its fee, minimum balance, whether
//! default interest is charged and the letter's text in both languages.

use crate::finance::interest::{DayCount, DebtorKind};
use crate::ledger::dunning::error::TermField;
use rust_decimal::Decimal;

/// At most this many levels per term.
pub const MAX_LEVELS: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DunningLevel {
    /// Reached this many days after the due date (tolerance days added).
    pub days_after_due: u16,
    /// Mahngebühr (LC) charged with a letter of this level.
    pub fee: Decimal,
    /// A customer is dunned at this level only when his overdue balance
    /// reaches it (LC).
    pub min_balance: Decimal,
    /// Default interest (§ 288 BGB) is charged on this level's letters.
    pub interest: bool,
    /// The letter's text above the items; `{name}` and `{date}` are
    /// replaced.
    pub text_de: String,
    pub text_en: String,
}

/// What interest runs on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum InterestBase {
    /// The amount still open.
    #[default]
    Remaining,
    /// The item's original amount.
    Original,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DunningTerm {
    /// The code partners name in `dunning_term`.
    pub code: String,
    pub name: String,
    /// In rising order of days.
    pub levels: Vec<DunningLevel>,
    /// All overdue items of a customer in one letter (else one per item).
    pub group_items: bool,
    pub interest_base: InterestBase,
    pub day_count: DayCount,
    /// Consumers: base rate + 5 points; businesses: + 9 points.
    pub debtor: DebtorKind,
    /// The € 40 flat fee (§ 288 (5) BGB) per invoice, businesses only.
    pub flat_fee: bool,
}

/// The longest letter text of a level (characters, each language).
pub const MAX_LEVEL_TEXT_LEN: usize = crate::ledger::types::limits::MAX_REMARKS_LEN;
/// The most days after the due date a level may wait.
pub const MAX_LEVEL_DAYS: u16 = crate::ledger::types::limits::MAX_TERMS_DAYS;

impl DunningTerm {
    /// The level `level` (1-based), if the term has it.
    pub fn level(&self, level: u8) -> Option<&DunningLevel> {
        usize::from(level)
            .checked_sub(1)
            .and_then(|i| self.levels.get(i))
    }

    /// The highest level (1-based) reached `days` days after the due
    /// date (tolerance days already taken off); 0: none yet.
    pub fn level_reached(&self, days: i64) -> u8 {
        let reached = self
            .levels
            .iter()
            .take_while(|l| i64::from(l.days_after_due) <= days)
            .count();
        // At most MAX_LEVELS (checked on save), which fits a u8.
        u8::try_from(reached).unwrap_or(u8::MAX)
    }
}

/// Checks a term field by field; `decimals`: the local currency's.
pub(super) fn check_term(term: &DunningTerm, decimals: u32) -> Result<(), TermField> {
    use crate::ledger::types::limits::{MAX_NAME_LEN, MAX_TERMS_CODE_LEN};
    use crate::ledger::types::text::valid_code;
    if !valid_code(&term.code, MAX_TERMS_CODE_LEN) {
        return Err(TermField::Code);
    }
    let name = term.name.trim();
    if name.is_empty() || term.name.chars().count() > MAX_NAME_LEN {
        return Err(TermField::Name);
    }
    if term.levels.is_empty() || term.levels.len() > MAX_LEVELS {
        return Err(TermField::Levels);
    }
    let amount_ok = |a: Decimal| a >= Decimal::ZERO && a.normalize().scale() <= decimals;
    for (i, level) in term.levels.iter().enumerate() {
        let rising = i == 0 || term.levels[i - 1].days_after_due < level.days_after_due;
        if !rising || level.days_after_due > MAX_LEVEL_DAYS {
            return Err(TermField::Days(i));
        }
        if !amount_ok(level.fee) {
            return Err(TermField::Fee(i));
        }
        if !amount_ok(level.min_balance) {
            return Err(TermField::MinBalance(i));
        }
        let too_long = |t: &str| t.chars().count() > MAX_LEVEL_TEXT_LEN;
        if too_long(&level.text_de) || too_long(&level.text_en) {
            return Err(TermField::Text(i));
        }
    }
    Ok(())
}
