//! DATEV settings (issue 19): what the EXTF export writes into its header
//! (Berater-Nr., Mandanten-Nr., Sachkontenlänge, Festschreibung). Set by
//! `GlCommand::SetDatevSettings`; a company that never set them exports
//! nothing (the export page asks for them first). The account length is
//! checked against the chart: every numeric account must fit it, because
//! DATEV reads an account number by its length.

use crate::ledger::types::AccountNo;

/// Berater-Nr. range DATEV accepts.
pub const CONSULTANT_RANGE: (u32, u32) = (1001, 9_999_999);
/// Mandanten-Nr. range DATEV accepts.
pub const CLIENT_RANGE: (u32, u32) = (1, 99_999);
/// Sachkontenlänge range.
pub const ACCOUNT_LENGTH_RANGE: (u8, u8) = (4, 8);

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DatevSettings {
    /// Beraternummer, 1001..=9999999.
    pub consultant: u32,
    /// Mandantennummer, 1..=99999.
    pub client: u32,
    /// Sachkontenlänge, 4..=8; personal accounts (Debitoren/Kreditoren)
    /// have one digit more.
    pub account_length: u8,
    /// Festschreibung: the advisor's DATEV locks the imported batch.
    pub lock: bool,
}

impl DatevSettings {
    /// What the form proposes before anything is saved: account length 4
    /// (SKR03/SKR04), no numbers yet (the advisor gives them), locked.
    pub fn proposal() -> DatevSettings {
        DatevSettings {
            consultant: CONSULTANT_RANGE.0,
            client: CLIENT_RANGE.0,
            account_length: 4,
            lock: true,
        }
    }
}

/// Why DATEV settings were refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DatevSettingsError {
    #[error("Berater-Nr. {value} is not between {min} and {max}")]
    Consultant { value: u32, min: u32, max: u32 },
    #[error("Mandanten-Nr. {value} is not between {min} and {max}")]
    Client { value: u32, min: u32, max: u32 },
    #[error("account length {value} is not between {min} and {max}")]
    AccountLength { value: u8, min: u8, max: u8 },
    /// An account of the chart has more digits than the length allows.
    #[error("account {account} is longer than the account length {length}")]
    AccountTooLong { account: AccountNo, length: u8 },
}

/// Checks the ranges and that every numeric account in `accounts` fits
/// the length (letters in a number are the export's refusal, not this).
pub fn check<'a>(
    settings: &DatevSettings,
    accounts: impl Iterator<Item = &'a AccountNo>,
) -> Result<(), DatevSettingsError> {
    let in_range = |v: u32, (min, max): (u32, u32)| v >= min && v <= max;
    if !in_range(settings.consultant, CONSULTANT_RANGE) {
        return Err(DatevSettingsError::Consultant {
            value: settings.consultant,
            min: CONSULTANT_RANGE.0,
            max: CONSULTANT_RANGE.1,
        });
    }
    if !in_range(settings.client, CLIENT_RANGE) {
        return Err(DatevSettingsError::Client {
            value: settings.client,
            min: CLIENT_RANGE.0,
            max: CLIENT_RANGE.1,
        });
    }
    let (min, max) = ACCOUNT_LENGTH_RANGE;
    if settings.account_length < min || settings.account_length > max {
        return Err(DatevSettingsError::AccountLength {
            value: settings.account_length,
            min,
            max,
        });
    }
    for account in accounts {
        let text = account.as_str();
        if text.bytes().all(|b| b.is_ascii_digit())
            && text.len() > usize::from(settings.account_length)
        {
            return Err(DatevSettingsError::AccountTooLong {
                account: *account,
                length: settings.account_length,
            });
        }
    }
    Ok(())
}
