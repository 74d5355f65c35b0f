//! USt-IdNr. check for the forms: the engine's validator
//! (`ledger::types::vat_id`), re-exported where the forms have always
//! found it.

pub use crate::ledger::types::vat_id::{VatIdError, check_vat_id};
