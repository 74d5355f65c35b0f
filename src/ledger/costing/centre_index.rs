//! The cost-centre index (Kostenstellen-Index) the cost-centre report
//! reads: per dimension and centre, the debit-positive LC amount per
//! (period, P&L account), kept current as entries are posted.

use crate::ledger::costing::{dimension_number, dimension_slot};
use crate::ledger::types::limits::DIMENSIONS;
use crate::ledger::types::{AccountNo, Line};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Debit-positive LC amount per (global period, P&L account), per centre.
pub type CentreAmounts = BTreeMap<(usize, AccountNo), Decimal>;

/// The Book's index for the cost-centre report: per dimension, per centre
/// code, the debit-positive LC amount per (period, P&L account). A line
/// adds its recorded shares in the dimensions where it has them and its
/// whole amount to the centre named in the others; lines without a
/// centre are not indexed (the report derives "unassigned" from the
/// account balances).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CentreIndex {
    per_dimension: [BTreeMap<String, CentreAmounts>; DIMENSIONS],
}

impl CentreIndex {
    pub(crate) fn add(&mut self, period: usize, line: &Line) {
        for (s, map) in self.per_dimension.iter_mut().enumerate() {
            let dimension = dimension_number(s);
            let mut split = false;
            for share in line.shares().iter().filter(|x| x.dimension == dimension) {
                split = true;
                add_to(map, &share.centre, period, line, share.amount_lc);
            }
            if !split && let Some(code) = &line.dims()[s] {
                add_to(map, code, period, line, line.amount_lc);
            }
        }
    }

    /// Centres of `dimension` (1..=5) that carry amounts, in code order.
    pub fn centres(&self, dimension: u8) -> impl Iterator<Item = (&str, &CentreAmounts)> + '_ {
        dimension_slot(dimension)
            .and_then(|s| self.per_dimension.get(s))
            .into_iter()
            .flat_map(|m| m.iter().map(|(k, v)| (k.as_str(), v)))
    }
}

fn add_to(
    map: &mut BTreeMap<String, CentreAmounts>,
    code: &str,
    period: usize,
    line: &Line,
    amount_lc: Decimal,
) {
    let signed = line.side.sign(amount_lc);
    let amounts = match map.get_mut(code) {
        Some(a) => a,
        None => map.entry(code.to_string()).or_default(),
    };
    *amounts.entry((period, line.account)).or_default() += signed;
}
