//! The Firmendaten form: normalises what was typed, refuses a VAT ID of
//! the wrong shape, and leaves length and country checks to the engine.

use kontor::forms::company::{DetailsForm, DetailsFormError};
use kontor::ledger::DomainError;
use kontor::ledger::gl::CompanyDetails;
use kontor::ledger::gl::GlError;

fn typed() -> DetailsForm {
    DetailsForm {
        name: "  Muster GmbH ".into(),
        address: "Hafenstraße 7\n20457 Hamburg\n".into(),
        country: " de".into(),
        vat_id: "de 123.456.789".into(),
        tax_number: " 22/815/00042 ".into(),
    }
}

#[test]
fn typed_details_are_normalised() {
    let details = typed().to_details().unwrap();
    assert_eq!(
        details,
        CompanyDetails {
            name: "Muster GmbH".into(),
            address: "Hafenstraße 7\n20457 Hamburg".into(),
            country: "DE".into(),
            vat_id: "DE123456789".into(),
            tax_number: "22/815/00042".into(),
        }
    );
    assert_eq!(details.check(), Ok(()));
    assert_eq!(
        DetailsForm::from_details(&details).to_details(),
        Ok(details)
    );
}

#[test]
fn an_empty_vat_id_is_allowed_a_malformed_one_is_refused() {
    let empty = DetailsForm {
        vat_id: "   ".into(),
        ..typed()
    };
    assert_eq!(empty.to_details().unwrap().vat_id, "");
    for bad in ["DE12345678", "DE1234567890", "12345678901", "DEABCDEFGHI"] {
        let form = DetailsForm {
            vat_id: bad.into(),
            ..typed()
        };
        assert_eq!(
            form.to_details(),
            Err(DetailsFormError::VatIdFormat),
            "{bad}"
        );
    }
}

#[test]
fn the_engine_checks_what_the_form_passes_on() {
    let form = DetailsForm {
        country: "Germany".into(),
        ..typed()
    };
    let details = form.to_details().unwrap();
    assert!(matches!(
        details.check(),
        Err(GlError::InvalidCountry { .. })
    ));
}
