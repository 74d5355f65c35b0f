//! Dunning terms (Mahnverfahren): up to ten levels, each reached a number
//! of days after the due date, with its fee, minimum balance, whether
//! default interest is charged and the letter's text in both languages.

use crate::finance::interest::{DayCount, DebtorKind};
use rust_decimal::Decimal;

/// At most this many levels per term.
pub const MAX_LEVELS: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InterestBase {
    /// The amount still open.
    #[default]
    Remaining,
    /// The item's original amount.
    Original,
}

#[derive(Clone, Debug, PartialEq, Eq)]
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
