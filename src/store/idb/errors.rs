//! From the browser's errors to [`StoreError`]: by `DOMException` name, so
//! the mapping itself is testable natively
//! ([`crate::store::error::from_dom_exception_name`]).

use crate::store::error::{StoreError, from_dom_exception_name};
use indexed_db_futures::error::{Error, OpenDbError, UnexpectedDataError};

pub fn map_err(error: Error) -> StoreError {
    match error {
        Error::DomException(exception) => {
            let exception: web_sys::DomException = exception.into();
            from_dom_exception_name(&exception.name(), &exception.message())
        }
        Error::MissingData(UnexpectedDataError::TransactionAborted) => StoreError::Aborted,
        other => StoreError::unexpected(other),
    }
}

pub fn map_open_err(error: OpenDbError) -> StoreError {
    match error {
        OpenDbError::Base(error) => map_err(error),
        other => StoreError::StorageUnavailable {
            detail: other.to_string(),
        },
    }
}

/// The name of a `DOMException` inside an open error, if it is one.
pub fn dom_exception_name(error: &OpenDbError) -> Option<String> {
    match error {
        OpenDbError::Base(Error::DomException(exception)) => {
            let exception: web_sys::DomException = exception.clone().into();
            Some(exception.name())
        }
        _ => None,
    }
}
