//! Company settings (Firmenstammdaten, Grundeinstellungen): name, address,
//! tax ids, local and system currency, amount decimals, fiscal calendar and
//! the chart template it started from. Set once by the setup command; the
//! currencies and calendar cannot change later, because every posted amount
//! and period index depends on them. The company's details (name, address,
//! country, tax ids) can: `CompanyDetails` is that editable part.

use crate::ledger::gl::error::GlError;
use crate::ledger::types::limits::{
    MAX_ADDRESS_LEN, MAX_AMOUNT_DECIMALS, MAX_NAME_LEN, MAX_TAX_ID_LEN,
};
use crate::ledger::types::{Currency, Field, PeriodLayout, check_text};

/// The chart-of-accounts template a company started from (its accounts,
/// determination and tax codes are in `setup::chart`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ChartTemplate {
    Skr03,
    Skr04,
    Generic,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

    pub fn check(&self) -> Result<(), GlError> {
        self.details().check()?;
        if !(1..=12).contains(&self.fiscal_year_start_month) {
            return Err(GlError::InvalidMonth {
                month: self.fiscal_year_start_month,
            });
        }
        let min = self.lc.decimals();
        if self.amount_decimals < min || self.amount_decimals > MAX_AMOUNT_DECIMALS {
            return Err(GlError::AmountDecimals {
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyDetails {
    pub name: String,
    pub address: String,
    /// ISO 3166-1 alpha-2, e.g. "DE".
    pub country: String,
    pub vat_id: String,
    pub tax_number: String,
}

impl CompanyDetails {
    pub fn check(&self) -> Result<(), GlError> {
        check_text(&self.name, Field::CompanyName, MAX_NAME_LEN, true)?;
        check_text(&self.address, Field::Address, MAX_ADDRESS_LEN, false)?;
        check_text(&self.vat_id, Field::VatId, MAX_TAX_ID_LEN, false)?;
        check_text(&self.tax_number, Field::TaxNumber, MAX_TAX_ID_LEN, false)?;
        let country = self.country.as_bytes();
        if country.len() != 2 || !country.iter().all(u8::is_ascii_uppercase) {
            return Err(GlError::InvalidCountry {
                text: self.country.chars().take(8).collect(),
            });
        }
        Ok(())
    }
}
