//! Where dunning charges are posted, and the base-rate table interest is
//! computed from (the Bundesbank's Basiszinssatz, shipped as data and
//! editable).

use crate::finance::interest::BaseRate;
use crate::ledger::types::AccountNo;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DunningSettings {
    /// Income account of dunning fees (and the € 40 flat fee).
    pub fee_account: Option<AccountNo>,
    /// Income account of default interest.
    pub interest_account: Option<AccountNo>,
    /// `None`: the shipped table (`finance::interest::SHIPPED_TABLE`).
    pub base_rates: Option<Vec<BaseRate>>,
}
