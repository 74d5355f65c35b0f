//! Text rules (Textfelder): the length and emptiness rule every text
//! field follows, the shape of codes (tax codes, centres, rules), and
//! names kept in German and English.

use crate::ledger::types::error::InputError;

/// A text field a limit or a "must not be empty" rule applies to. Line
/// numbers are 0-based indexes into the typed lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    CompanyName,
    Address,
    Country,
    VatId,
    TaxNumber,
    AccountName,
    Reference,
    Memo,
    User,
    LineMemo { line: usize },
    TaxCode { line: usize },
    Dimension { line: usize, dim: usize },
    // --- business partners and payment terms ---
    PartnerName,
    PartnerGroup,
    Street,
    HouseNumber,
    Postcode,
    Town,
    ContactPerson,
    Phone,
    Email,
    Remarks,
    DunningTerm,
    MandateId,
    AccountHolder { index: usize },
    TermsName,
}

impl Field {
    /// The 0-based entry line the field belongs to, if any.
    pub fn line(mut self) -> Option<usize> {
        self.line_mut().copied()
    }

    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            Field::LineMemo { line } | Field::TaxCode { line } | Field::Dimension { line, .. } => {
                Some(line)
            }
            Field::CompanyName
            | Field::Address
            | Field::Country
            | Field::VatId
            | Field::TaxNumber
            | Field::AccountName
            | Field::Reference
            | Field::Memo
            | Field::User
            | Field::PartnerName
            | Field::PartnerGroup
            | Field::Street
            | Field::HouseNumber
            | Field::Postcode
            | Field::Town
            | Field::ContactPerson
            | Field::Phone
            | Field::Email
            | Field::Remarks
            | Field::DunningTerm
            | Field::MandateId
            | Field::AccountHolder { .. }
            | Field::TermsName => None,
        }
    }
}

/// Length (in characters) and emptiness rule shared by all text fields.
pub fn check_text(text: &str, field: Field, max: usize, required: bool) -> Result<(), InputError> {
    if required && text.trim().is_empty() {
        return Err(InputError::Empty { field });
    }
    if text.chars().count() > max {
        return Err(InputError::TextTooLong { field, max });
    }
    Ok(())
}

/// 1..=`max` ASCII letters, digits, `-` or `_` (codes of tax codes,
/// centres and distribution rules).
pub fn valid_code(code: &str, max: usize) -> bool {
    !code.is_empty()
        && code.len() <= max
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A master record's name in German and English; either may be empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Names<'a> {
    pub de: &'a str,
    pub en: &'a str,
}

impl<'a> Names<'a> {
    /// The name in the requested language, falling back to the other.
    pub fn pick(self, german: bool) -> &'a str {
        match (german, self.de.is_empty(), self.en.is_empty()) {
            (true, false, _) | (false, _, true) => self.de,
            _ => self.en,
        }
    }

    /// At least one name, each at most `max` characters.
    pub fn valid(self, max: usize) -> bool {
        !(self.de.trim().is_empty() && self.en.trim().is_empty())
            && self.de.chars().count() <= max
            && self.en.chars().count() <= max
    }
}
