//! Company settings (Firmenstammdaten, Grundeinstellungen): name, address,
//! tax ids, local and system currency, amount decimals, fiscal calendar and
//! the chart template it started from. Set once by the setup command; the
//! currencies and calendar cannot change later, because every posted amount
//! and period index depends on them. The company's details (name, address,
//! country, tax ids) can: `CompanyDetails` is that editable part.

use crate::ledger::chart::ChartTemplate;
use crate::ledger::currency::Currency;
use crate::ledger::error::{DomainError, Field};
use crate::ledger::period::PeriodLayout;
use serde::{Deserialize, Serialize};

/// Longest company name, address, tax id (characters).
pub const MAX_NAME_LEN: usize = 120;
pub const MAX_ADDRESS_LEN: usize = 500;
pub const MAX_TAX_ID_LEN: usize = 32;
/// Most decimals LC amounts may carry.
pub const MAX_AMOUNT_DECIMALS: u32 = 6;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub name: String,
    pub address: String,
    /// ISO 3166-1 alpha-2, e.g. "DE".
    pub country: String,
    /// USt-IdNr. (may be empty).
    pub vat_id: String,
    /// Steuernummer (may be empty).
    pub tax_number: String,
    /// Local currency (Hauswährung): the books balance in it.
    pub lc: Currency,
    /// System currency (Systemwährung): every line also carries it.
    pub sc: Currency,
    /// Decimals of LC amounts; at least the LC's ISO decimals. SC amounts
    /// use the SC's ISO decimals, FC amounts the FC's.
    pub amount_decimals: u32,
    /// 1 = January.
    pub fiscal_year_start_month: u32,
    pub period_layout: PeriodLayout,
    pub chart: ChartTemplate,
}

impl Settings {
    pub fn lc_decimals(&self) -> u32 {
        self.amount_decimals
    }

    pub fn sc_decimals(&self) -> u32 {
        if self.sc == self.lc {
            self.amount_decimals
        } else {
            self.sc.decimals()
        }
    }

    pub fn check(&self) -> Result<(), DomainError> {
        self.details().check()?;
        if !(1..=12).contains(&self.fiscal_year_start_month) {
            return Err(DomainError::InvalidMonth {
                month: self.fiscal_year_start_month,
            });
        }
        let min = self.lc.decimals();
        if self.amount_decimals < min || self.amount_decimals > MAX_AMOUNT_DECIMALS {
            return Err(DomainError::AmountDecimals {
                decimals: self.amount_decimals,
                min,
                max: MAX_AMOUNT_DECIMALS,
            });
        }
        Ok(())
    }

    /// The editable part of the settings.
    pub fn details(&self) -> CompanyDetails {
        CompanyDetails {
            name: self.name.clone(),
            address: self.address.clone(),
            country: self.country.clone(),
            vat_id: self.vat_id.clone(),
            tax_number: self.tax_number.clone(),
        }
    }

    /// These settings with `details` in place of the current ones.
    pub fn with_details(&self, details: CompanyDetails) -> Settings {
        Settings {
            name: details.name,
            address: details.address,
            country: details.country,
            vat_id: details.vat_id,
            tax_number: details.tax_number,
            ..self.clone()
        }
    }
}

/// Company details (Firmendaten) that may change after setup: nothing
/// posted depends on them. The USt-IdNr.'s format is checked by the form
/// (`formats::vat_id`); the engine checks lengths and the country code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyDetails {
    pub name: String,
    pub address: String,
    /// ISO 3166-1 alpha-2, e.g. "DE".
    pub country: String,
    pub vat_id: String,
    pub tax_number: String,
}

impl CompanyDetails {
    pub fn check(&self) -> Result<(), DomainError> {
        check_text(&self.name, Field::CompanyName, MAX_NAME_LEN, true)?;
        check_text(&self.address, Field::Address, MAX_ADDRESS_LEN, false)?;
        check_text(&self.vat_id, Field::VatId, MAX_TAX_ID_LEN, false)?;
        check_text(&self.tax_number, Field::TaxNumber, MAX_TAX_ID_LEN, false)?;
        let country = self.country.as_bytes();
        if country.len() != 2 || !country.iter().all(u8::is_ascii_uppercase) {
            return Err(DomainError::InvalidCountry {
                text: self.country.chars().take(8).collect(),
            });
        }
        Ok(())
    }
}

/// Length (in characters) and emptiness rule shared by all text fields.
pub fn check_text(text: &str, field: Field, max: usize, required: bool) -> Result<(), DomainError> {
    if required && text.trim().is_empty() {
        return Err(DomainError::Empty { field });
    }
    if text.chars().count() > max {
        return Err(DomainError::TextTooLong { field, max });
    }
    Ok(())
}
