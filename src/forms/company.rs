//! Firmendaten as typed: the setup wizard and the company-details page
//! share this one conversion into the engine's `CompanyDetails`. The form
//! checks what the engine cannot (the USt-IdNr.'s format and check digit,
//! and the country's name, which live in `formats`); lengths are the
//! engine's check.

use crate::formats::country::parse_country;
use crate::formats::vat_id::{VatIdError, check_vat_id};
use crate::ledger::gl::CompanyDetails;

/// The five fields as the user typed them; `country` is a name, a code or
/// the picker's label ("Deutschland (DE)").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailsForm {
    pub name: String,
    pub address: String,
    pub country: String,
    pub vat_id: String,
    pub tax_number: String,
}

/// What the form refuses before the engine sees the details.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DetailsFormError {
    #[error("the VAT ID does not have its country's format")]
    VatIdFormat,
    /// Right shape, wrong check digit (e.g. `DE123456789`): a typo.
    #[error("the check digit of the VAT ID {id} is wrong")]
    VatIdCheckDigit { id: String },
    /// The country field names no ISO 3166-1 country.
    #[error("\"{text}\" is not a country of the list")]
    UnknownCountry { text: String },
}

impl DetailsForm {
    /// The form filled with the company's current details (the country as
    /// its code; the pages show it as a label).
    pub fn from_details(details: &CompanyDetails) -> DetailsForm {
        DetailsForm {
            name: details.name.clone(),
            address: details.address.clone(),
            country: details.country.clone(),
            vat_id: details.vat_id.clone(),
            tax_number: details.tax_number.clone(),
        }
    }

    /// Trimmed, country as its alpha-2 code, VAT ID normalised (an empty
    /// one stays empty).
    pub fn to_details(&self) -> Result<CompanyDetails, DetailsFormError> {
        let country =
            parse_country(&self.country).ok_or_else(|| DetailsFormError::UnknownCountry {
                text: self.country.trim().chars().take(40).collect(),
            })?;
        let vat_id = if self.vat_id.trim().is_empty() {
            String::new()
        } else {
            vat_id_of(&self.vat_id)?
        };
        Ok(CompanyDetails {
            name: self.name.trim().to_string(),
            address: self.address.trim().to_string(),
            country: country.code.to_string(),
            vat_id,
            tax_number: self.tax_number.trim().to_string(),
        })
    }
}

/// The normalised VAT ID, or the form's refusal; shared by the pages'
/// as-you-type marks.
pub fn vat_id_of(text: &str) -> Result<String, DetailsFormError> {
    check_vat_id(text).map_err(|e| match e {
        VatIdError::CheckDigit { id } => DetailsFormError::VatIdCheckDigit { id },
        VatIdError::MissingCountry | VatIdError::WrongShape { .. } => DetailsFormError::VatIdFormat,
    })
}
