//! The Firmendaten form: normalises what was typed, turns a country's name
//! into its ISO code, refuses a VAT ID of the wrong shape or check digit,
//! and leaves length checks to the engine.

use kontor::forms::company::{DetailsForm, DetailsFormError};
use kontor::ledger::gl::CompanyDetails;
use kontor::ledger::gl::GlError;
use kontor::ledger::types::InputError;

fn typed() -> DetailsForm {
    DetailsForm {
        name: "  Muster GmbH ".into(),
        address: "Hafenstraße 7\n20457 Hamburg\n".into(),
        country: " de".into(),
        vat_id: "de 123.456.788".into(),
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
            vat_id: "DE123456788".into(),
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
        name: "x".repeat(500),
        ..typed()
    };
    let details = form.to_details().unwrap();
    assert!(matches!(
        details.check(),
        Err(GlError::Input(InputError::TextTooLong { .. }))
    ));
}

#[test]
fn a_country_typed_as_its_name_is_stored_as_its_code() {
    for typed_country in ["Deutschland", "germany", "Deutschland (DE)", "de"] {
        let form = DetailsForm {
            country: typed_country.into(),
            ..typed()
        };
        let details = form.to_details().unwrap();
        assert_eq!(details.country, "DE", "{typed_country}");
        assert_eq!(details.check(), Ok(()));
    }
}

#[test]
fn a_country_the_list_does_not_know_is_refused_by_the_form() {
    let form = DetailsForm {
        country: "Deutsches Reich".into(),
        ..typed()
    };
    assert_eq!(
        form.to_details(),
        Err(DetailsFormError::UnknownCountry {
            text: "Deutsches Reich".into()
        })
    );
}

#[test]
fn a_vat_id_with_a_wrong_check_digit_is_refused_with_its_own_error() {
    let form = DetailsForm {
        vat_id: "DE 123 456 789".into(),
        ..typed()
    };
    assert_eq!(
        form.to_details(),
        Err(DetailsFormError::VatIdCheckDigit {
            id: "DE123456789".into()
        })
    );
}
