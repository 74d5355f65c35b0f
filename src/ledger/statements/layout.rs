//! The structure of the balance sheet (§ 266 HGB, small companies) and
//! the profit and loss account (§ 275 (2) HGB, total-cost format), and the
//! mapping of each chart template's account ranges to its lines.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Statement {
    BalanceSheet,
    ProfitAndLoss,
}

/// One line of a statement: a key such as "A.II" or "GuV.5", its parent,
/// and its labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutLine {
    pub statement: Statement,
    pub key: &'static str,
    pub parent: Option<&'static str>,
    pub de: &'static str,
    pub en: &'static str,
}
