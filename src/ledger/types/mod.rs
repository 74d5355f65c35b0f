//! The leaf of the engine (Grundtypen): ids, money, currencies, the fiscal
//! calendar's arithmetic, text rules, limits, change stamps, the VAT-id
//! check and the posted entry itself.
//! Every sub-ledger speaks these types, so they live here and depend on
//! nothing else of the engine: that is what keeps `src/ledger/` free of
//! import cycles (hledger's `Types.hs` does the same).

pub mod calendar;
pub mod compact;
pub mod currency;
pub mod entry;
pub mod error;
pub mod ids;
pub mod limits;
pub mod money;
pub mod stamp;
pub mod text;
pub mod vat_id;

pub use calendar::{Calendar, FiscalYear, Period, PeriodLayout, PeriodRef, PeriodStatus};
pub use currency::Currency;
pub use entry::{
    CentreShare, FcAmount, Line, LineExtra, PartnerLine, PostedEntry, TaxLine, TaxPart,
};
pub use error::InputError;
pub use ids::{AccountNo, EntryId, LineRef, PartnerCode, PostingKey};
pub use money::Side;
pub use stamp::{Stamp, Timestamp};
pub use text::{Field, Names, check_text, valid_code};
