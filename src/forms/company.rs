//! Firmendaten as typed: the setup wizard and the company-details page
//! share this one conversion into the engine's `CompanyDetails`. The form
//! checks what the engine cannot (the USt-IdNr.'s format, which lives in
//! `formats`); lengths and the country code are the engine's check.

use crate::formats::vat_id::check_vat_id;
use crate::ledger::gl::CompanyDetails;

/// The five fields as the user typed them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailsForm {
    pub name: String,
    pub address: String,
    pub country: String,
    pub vat_id: String,
    pub tax_number: String,
}

/// What the form refuses before the engine sees the details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DetailsFormError {
    #[error("the VAT ID does not have its country's format")]
    VatIdFormat,
}

impl DetailsForm {
    /// The form filled with the company's current details.
    pub fn from_details(details: &CompanyDetails) -> DetailsForm {
        DetailsForm {
            name: details.name.clone(),
            address: details.address.clone(),
            country: details.country.clone(),
            vat_id: details.vat_id.clone(),
            tax_number: details.tax_number.clone(),
        }
    }

    /// Trimmed, country in upper case, VAT ID normalised (an empty one
    /// stays empty).
    pub fn to_details(&self) -> Result<CompanyDetails, DetailsFormError> {
        let vat_id = if self.vat_id.trim().is_empty() {
            String::new()
        } else {
            check_vat_id(&self.vat_id).map_err(|_| DetailsFormError::VatIdFormat)?
        };
        Ok(CompanyDetails {
            name: self.name.trim().to_string(),
            address: self.address.trim().to_string(),
            country: self.country.trim().to_uppercase(),
            vat_id,
            tax_number: self.tax_number.trim().to_string(),
        })
    }
}
