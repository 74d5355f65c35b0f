//! A payment run's SEPA files: the run's payments (one per partner, with
//! its end-to-end id) turned into a `formats::sepa` order with the
//! company, the house bank and the partners' bank details and mandates,
//! then checked against the German banks' rules and written. Outside the
//! engine, which keeps the bytes with the run but knows no file format.
//! (issue 16 skeleton: filled by the payment-run work.)

use crate::formats::sepa::SepaError;
use crate::ledger::Book;
use crate::ledger::payment_runs::RunFile;
use crate::ledger::types::PartnerCode;
use chrono::NaiveDateTime;

/// Why a run's files could not be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RunFileError {
    #[error("there is no payment run {number}")]
    UnknownRun { number: u32 },
    /// A rule of the banks broken, by the partner it is about (`None`:
    /// our own party, the house bank or the creditor id).
    #[error("{}: {error}", partner.map(|p| p.to_string()).unwrap_or_default())]
    Sepa {
        partner: Option<PartnerCode>,
        error: SepaError,
    },
}

/// The files of run `number` as of `created_at`: a pain.001.001.09 for
/// its outgoing payments and a pain.008.001.08 for its direct debits
/// (each only when the run has some), every problem of every payment.
pub fn run_files(
    book: &Book,
    number: u32,
    created_at: NaiveDateTime,
) -> Result<Vec<RunFile>, Vec<RunFileError>> {
    let _ = (book, created_at);
    Err(vec![RunFileError::UnknownRun { number }])
}
