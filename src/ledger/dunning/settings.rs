//! Where dunning charges are posted, and the base-rate table interest is
//! computed from (the Bundesbank's Basiszinssatz, shipped as data and
//! editable).

use crate::finance::interest::{BaseRate, BaseRateTable};
use crate::ledger::dunning::error::DunningError;
use crate::ledger::gl::{AccountType, Gl};
use crate::ledger::types::AccountNo;

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DunningSettings {
    /// Income account of dunning fees (and the € 40 flat fee).
    pub fee_account: Option<AccountNo>,
    /// Income account of default interest.
    pub interest_account: Option<AccountNo>,
    /// `None`: the shipped table (`finance::interest::SHIPPED_TABLE`).
    pub base_rates: Option<Vec<BaseRate>>,
}

/// A charge account must be a postable, active income account that is no
/// control account (fees and interest are income of the company).
fn charge_account_ok(gl: &Gl, account: AccountNo) -> bool {
    gl.account(account).is_some_and(|a| {
        a.postable && a.active && !a.control && a.account_type == AccountType::Revenue
    })
}

/// Checks the accounts and the edited base-rate table.
pub(super) fn check_settings(gl: &Gl, settings: &DunningSettings) -> Result<(), DunningError> {
    let accounts = [settings.fee_account, settings.interest_account];
    if accounts
        .into_iter()
        .flatten()
        .any(|a| !charge_account_ok(gl, a))
    {
        return Err(DunningError::ChargeAccount);
    }
    if let Some(rates) = &settings.base_rates {
        BaseRateTable::new(rates.clone())
            .map_err(|error| DunningError::InvalidBaseRates { error })?;
    }
    Ok(())
}
