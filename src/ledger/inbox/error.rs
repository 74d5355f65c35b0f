//! Why the invoice inbox refuses a command or an event.

use crate::ledger::journal::JournalError;
use crate::ledger::types::{EntryId, InputError, PartnerCode};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InboxError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Journal(JournalError),
    /// The file has no bytes.
    #[error("the document {name} is empty")]
    EmptyDocument { name: String },
    /// The file is larger than the limit.
    #[error("the document {name} has {size} bytes, at most {max} are kept")]
    DocumentTooLarge {
        name: String,
        size: usize,
        max: usize,
    },
    /// The same bytes are already kept with an entry: the invoice was
    /// posted before.
    #[error("the document is already kept with entry {}", entry.0)]
    DuplicateDocument { entry: EntryId },
    /// The entry has no line of a vendor (Kreditor).
    #[error("the invoice entry has no vendor line")]
    NoVendorLine,
    /// The entry has lines of more than one partner.
    #[error("the invoice entry names partners {first} and {second}")]
    SeveralPartners {
        first: PartnerCode,
        second: PartnerCode,
    },
    /// A stored event whose digest does not match its bytes, or that names
    /// an entry that has no such vendor line or already a document (a
    /// corrupt log).
    #[error("the stored document of entry {} does not fit the books", entry.0)]
    DocumentMismatch { entry: EntryId },
}

impl InboxError {
    /// The entry line the refusal is about, if any.
    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            InboxError::Input(e) => e.line_mut(),
            InboxError::Journal(e) => e.line_mut(),
            InboxError::EmptyDocument { .. }
            | InboxError::DocumentTooLarge { .. }
            | InboxError::DuplicateDocument { .. }
            | InboxError::NoVendorLine
            | InboxError::SeveralPartners { .. }
            | InboxError::DocumentMismatch { .. } => None,
        }
    }
}

impl From<InputError> for InboxError {
    fn from(e: InputError) -> InboxError {
        InboxError::Input(e)
    }
}

impl From<JournalError> for InboxError {
    fn from(e: JournalError) -> InboxError {
        InboxError::Journal(e)
    }
}
