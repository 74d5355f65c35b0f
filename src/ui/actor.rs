//! Who and when a command is by: the browser's clock in whole seconds,
//! and the one user the app knows until it has accounts. The write path
//! (`state::AppState::execute_with`) stamps with it the records of master
//! data whose events carry no author of their own; screens put it into
//! the commands that do.

use crate::ledger::types::{Stamp, Timestamp};

/// Who the UI's commands are by (the app has no user accounts yet).
pub const USER: &str = "kontor";

/// Whole seconds of the browser's clock (`None` only for a clock outside
/// what a timestamp can hold).
pub fn now() -> Option<Timestamp> {
    Timestamp::from_unix_seconds((js_sys::Date::now() / 1000.0).floor() as i64)
}

/// The user and this moment.
pub fn stamp() -> Option<Stamp> {
    now().map(|at| Stamp {
        by: USER.into(),
        at,
    })
}
