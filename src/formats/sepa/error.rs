//! Why an order cannot be written, per transaction and field, so the
//! payment wizard can show each item with its reason.

use std::fmt;

use chrono::NaiveDate;

use crate::formats::iban::{BicError, CreditorIdError, IbanError};

/// Where a problem sits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The order itself: message id, initiating party, our own party and
    /// account, our creditor id.
    Order,
    /// The caller's transaction at `index` (0-based in the order's list).
    Transaction { index: usize, end_to_end_id: String },
}

/// Which field of the order or transaction. Party fields (name, address,
/// IBAN, BIC) mean our own party at [`Place::Order`] and the
/// counterparty at [`Place::Transaction`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    MessageId,
    CreatedAt,
    InitiatingParty,
    Name,
    Street,
    BuildingNumber,
    PostCode,
    Town,
    Country,
    Iban,
    Bic,
    CreditorId,
    /// The list of transactions as a whole.
    Transactions,
    EndToEndId,
    Amount,
    Remittance,
    ExecutionDate,
    CollectionDate,
    MandateId,
    MandateSignedOn,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("is empty")]
    Empty,
    #[error("has {found} characters (after transliteration), at most {max} are allowed")]
    TooLong { max: usize, found: usize },
    #[error("contains {ch:?}, which the SEPA character set cannot represent")]
    NotInCharset { ch: char },
    #[error("contains {ch:?}; identifiers use only letters, digits and / - ? : ( ) . , ' +")]
    IdentifierCharacter { ch: char },
    #[error("must not start or end with '/' nor contain '//'")]
    IdentifierSlashes,
    #[error("is used by an earlier transaction of this file")]
    DuplicateEndToEndId,
    #[error("is not a two-letter country code")]
    CountryCode,
    #[error("{0}")]
    Iban(IbanError),
    #[error("{0}")]
    Bic(BicError),
    #[error("{0}")]
    CreditorId(CreditorIdError),
    #[error("must be more than zero")]
    AmountNotPositive,
    #[error("must be at most 999,999,999.99")]
    AmountTooLarge,
    #[error("has more than two decimal places")]
    AmountFraction,
    #[error("the file holds no transactions")]
    NoTransactions,
    #[error("the amounts add up to more than a SEPA file's control sum can hold")]
    ControlSumTooLarge,
    #[error("need more than {max} payment-information blocks")]
    TooManyGroups { max: usize },
    #[error("{date} is outside the years 1000 to 9999")]
    YearOutOfRange { date: NaiveDate },
    #[error("{date} is before the file's creation date {created}")]
    BeforeCreation { date: NaiveDate, created: NaiveDate },
    #[error("{date} must be after the file's creation date {created}")]
    NotAfterCreation { date: NaiveDate, created: NaiveDate },
    #[error("{signed} is after the file's creation date {created}")]
    SignedAfterCreation {
        signed: NaiveDate,
        created: NaiveDate,
    },
}

/// One thing wrong with an order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SepaError {
    pub place: Place,
    pub field: Field,
    pub problem: Problem,
}

impl fmt::Display for SepaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Order => write!(f, "order")?,
            Place::Transaction {
                index,
                end_to_end_id,
            } => write!(f, "transaction {} ({end_to_end_id})", index + 1)?,
        }
        write!(f, ", {:?}: {}", self.field, self.problem)
    }
}

impl std::error::Error for SepaError {}
