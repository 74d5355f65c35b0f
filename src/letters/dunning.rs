//! The dunning letter (Mahnbrief) of one executed letter of a dunning run,
//! in the customer's language. (issue 16 skeleton.)

use super::Letter;
use crate::ledger::Book;
use crate::ledger::types::PartnerCode;

/// The letter to `partner` of dunning run `run`, if there is one.
pub fn dunning_letter(book: &Book, run: u32, partner: PartnerCode) -> Option<Letter> {
    let _ = (book, run, partner);
    None
}
