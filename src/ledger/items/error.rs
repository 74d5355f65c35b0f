//! Why the item sub-ledger refuses a command: each refusal names the
//! item, list, special price or field it is about.

use crate::ledger::gl::GlError;
use crate::ledger::types::{AccountNo, PartnerCode};

/// The field of an item, group, list or special a refusal is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemsField {
    Code,
    Description,
    Group,
    Unit,
    DefaultPrice,
    Remarks,
    GroupName,
    ListName,
    Factor,
    Price,
    Discount,
    /// 0-based quantity break.
    Break(usize),
    Validity,
    DiscountGroupName,
    /// A price list's number (1..=999).
    ListNumber,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ItemsError {
    #[error(transparent)]
    Gl(GlError),
    #[error("{field:?}: empty")]
    Empty { field: ItemsField },
    #[error("{field:?}: longer than {max} characters")]
    TooLong { field: ItemsField, max: usize },
    #[error("{field:?}: not valid")]
    Invalid { field: ItemsField },
    #[error("there is no item group {code:?}")]
    UnknownGroup { code: String },
    #[error("there is no item {code:?}")]
    UnknownItem { code: String },
    #[error("item {code:?} exists")]
    ItemExists { code: String },
    #[error("item {code:?} is inactive")]
    InactiveItem { code: String },
    #[error("account {account} cannot take an item's {revenue_or_expense}")]
    BadAccount {
        account: AccountNo,
        revenue_or_expense: &'static str,
    },
    #[error("there is no tax code {code:?}")]
    UnknownTaxCode { code: String },
    #[error("there is no price list {number}")]
    UnknownList { number: u32 },
    #[error("the factor must be greater than zero")]
    FactorNotPositive,
    #[error("price list {number} derives from itself through its bases")]
    ListCycle { number: u32 },
    #[error("a price must not be negative")]
    NegativePrice,
    #[error("special price {id}: overlaps special price {other} of the same item and scope")]
    OverlappingSpecial { id: u32, other: u32 },
    #[error("quantity break {index}: not above the one before")]
    BreaksNotIncreasing { index: usize },
    #[error("there is no special price {id}")]
    UnknownSpecial { id: u32 },
    #[error("there is no discount group {code:?}")]
    UnknownDiscountGroup { code: String },
    #[error("there is no partner {partner}")]
    UnknownPartner { partner: PartnerCode },
    #[error("price row {index}: list, item, currency and date repeat an earlier row")]
    DuplicatePrice { index: usize },
    #[error("item group {group:?} is named twice in the discount group")]
    DuplicateDiscount { group: String },
    #[error("at most {max}")]
    TooMany { max: usize },
    #[error("an item is neither sold nor bought")]
    NeitherSoldNorBought,
    #[error("the import holds no item")]
    ImportEmpty,
    #[error("row {row}: {error}")]
    ImportRow { row: usize, error: Box<ItemsError> },
}

impl From<GlError> for ItemsError {
    fn from(e: GlError) -> Self {
        ItemsError::Gl(e)
    }
}
