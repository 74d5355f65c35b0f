//! Refusals of the partner sub-ledger (Geschäftspartner): master data of
//! partners and payment terms, imports, and the use of a partner on an
//! entry line (the credit limit included). Each names the field, line,
//! partner, account or limit that is wrong; text fields are refused as
//! `InputError` with their `Field`.

use crate::ledger::gl::GlError;
use crate::ledger::partners::master::PartnerKind;
use crate::ledger::types::vat_id::VatIdError;
use crate::ledger::types::{AccountNo, Currency, InputError, PartnerCode};
use rust_decimal::Decimal;

/// Which day count of payment terms is out of range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermsField {
    Months,
    Days,
    ToleranceDays,
}

/// Which limit of a partner is malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitField {
    Credit,
    Commitment,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PartnersError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Gl(#[from] GlError),

    // --- partner master data ---
    #[error("partner code {code} must consist of digits")]
    CodeNotNumeric { code: PartnerCode },
    #[error("partner code {code} is outside the {kind:?} range {min}..={max}")]
    CodeOutOfRange {
        code: PartnerCode,
        kind: PartnerKind,
        min: u64,
        max: u64,
    },
    #[error("partner {code} already exists")]
    PartnerExists { code: PartnerCode },
    #[error("partner {code} does not exist (line {line:?})")]
    PartnerUnknown {
        line: Option<usize>,
        code: PartnerCode,
    },
    #[error("a company has at most {max} business partners")]
    TooManyPartners { max: usize },
    #[error("partner {code}: customer or vendor cannot change")]
    KindChanged { code: PartnerCode },
    #[error("partner {code} has postings, so its control account and currency cannot change")]
    PartnerHasPostings { code: PartnerCode },
    #[error("{text:?} is not an ISO 3166 two-letter country code")]
    InvalidCountry { text: String },
    #[error("the VAT ID is not valid: {reason}")]
    InvalidVatId { reason: VatIdError },
    #[error("{text:?} is not an e-mail address")]
    InvalidEmail { text: String },
    #[error("bank account {index}: the IBAN is not valid")]
    InvalidIban { index: usize },
    #[error("bank account {index}: the BIC is not valid")]
    InvalidBic { index: usize },
    #[error("bank account {index}: the IBAN is already listed")]
    DuplicateIban { index: usize },
    #[error("a partner has at most {max} bank accounts")]
    TooManyBankAccounts { max: usize },
    #[error("exactly one bank account must be the default, {count} are")]
    DefaultBankAccount { count: usize },
    #[error("account {account} is not a postable, active control account")]
    ControlAccountInvalid { account: AccountNo },
    #[error("control account {account} is not of the type a {kind:?}'s control account has")]
    ControlAccountType {
        account: AccountNo,
        kind: PartnerKind,
    },
    #[error("control account {account} does not accept the partner's currencies")]
    ControlAccountCurrency { account: AccountNo },
    #[error("{currency} is the local currency; choose local currency instead")]
    PartnerCurrencyIsLocal { currency: Currency },
    #[error("payment terms {code:?} do not exist")]
    TermsUnknown { code: String },
    #[error("{text:?} is not a valid dunning-term code (1 to {max} letters, digits, - or _)")]
    InvalidDunningTerm { text: String, max: usize },
    #[error("only customers have a direct-debit mandate")]
    MandateForVendor,
    #[error("the mandate reference must be 1 to {max} SEPA characters")]
    InvalidMandateId { max: usize },
    #[error(
        "the {field:?} limit must be at least zero with at most {max_decimals} decimals and at most {max}"
    )]
    LimitInvalid {
        field: LimitField,
        max_decimals: u32,
        max: Decimal,
    },
    #[error("the commitment limit {commitment} is below the credit limit {credit}")]
    CommitmentBelowCredit {
        credit: Decimal,
        commitment: Decimal,
    },

    // --- import ---
    #[error("the import holds no partners")]
    ImportEmpty,
    #[error("one import creates at most {max} partners, this one {count}")]
    ImportTooLarge { count: usize, max: usize },
    #[error("partner {index} of the import: {error}")]
    ImportRow {
        index: usize,
        error: Box<PartnersError>,
    },

    // --- payment terms ---
    #[error("{code:?} is not a valid payment-terms code (1 to {max} letters, digits, - or _)")]
    InvalidTermsCode { code: String, max: usize },
    #[error("payment terms {code} already exist")]
    TermsExists { code: String },
    #[error("a company has at most {max} payment terms")]
    TooManyTerms { max: usize },
    #[error("payment terms {code} need a name (at most {max} characters)")]
    TermsName { code: String, max: usize },
    #[error("payment terms {code}: {field:?} is above {max}")]
    TermsOutOfRange {
        code: String,
        field: TermsField,
        max: u16,
    },
    #[error("payment terms {code} have more than {max} cash-discount steps")]
    TooManyDiscountSteps { code: String, max: usize },
    #[error(
        "payment terms {code}: discount step {step} needs a percentage above 0 and below 100 with at most {max_decimals} decimals, days after the previous step's and at most {max_days}"
    )]
    DiscountStepInvalid {
        code: String,
        step: usize,
        max_decimals: u32,
        max_days: u16,
    },
    #[error("payment terms {code} have more than {max} installments")]
    TooManyInstallments { code: String, max: usize },
    #[error(
        "payment terms {code}: installment {index} needs a percentage above 0 with at most {max_decimals} decimals, days not before the previous installment's and at most {max_days}"
    )]
    InstallmentInvalid {
        code: String,
        index: usize,
        max_decimals: u32,
        max_days: u16,
    },
    #[error("payment terms {code}: the installments add up to {sum} %, not 100 %")]
    InstallmentsNotHundred { code: String, sum: Decimal },

    // --- a partner on an entry line ---
    #[error("line {line}: partner {code} is inactive")]
    PartnerInactive { line: usize, code: PartnerCode },
    #[error("line {line}: partner {code} posts to control account {control}, not {account}")]
    PartnerAccountMismatch {
        line: usize,
        code: PartnerCode,
        account: AccountNo,
        control: AccountNo,
    },
    #[error("line {line}: account {account} is a control account; name the business partner")]
    ControlAccountNeedsPartner { line: usize, account: AccountNo },
    #[error("line {line}: partner {code} is not invoiced in {currency}")]
    PartnerCurrency {
        line: usize,
        code: PartnerCode,
        currency: Currency,
    },
    #[error("line {line}: a due date needs a business partner on the line")]
    DueDateWithoutPartner { line: usize },
    #[error(
        "customer {code}: open receivables with this entry come to {exposure}, over the commitment limit {limit}"
    )]
    CommitmentLimitExceeded {
        code: PartnerCode,
        exposure: Decimal,
        limit: Decimal,
    },
}

impl PartnersError {
    /// The 0-based entry line the refusal is about, if any.
    pub fn line(&self) -> Option<usize> {
        self.clone().line_mut().copied()
    }

    /// The same line, to renumber it (the grid skips blank rows).
    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            PartnersError::Input(e) => e.line_mut(),
            PartnersError::Gl(e) => e.line_mut(),
            PartnersError::ImportRow { error, .. } => error.line_mut(),
            PartnersError::PartnerUnknown { line, .. } => line.as_mut(),
            PartnersError::PartnerInactive { line, .. }
            | PartnersError::PartnerAccountMismatch { line, .. }
            | PartnersError::ControlAccountNeedsPartner { line, .. }
            | PartnersError::PartnerCurrency { line, .. }
            | PartnersError::DueDateWithoutPartner { line } => Some(line),
            _ => None,
        }
    }
}
