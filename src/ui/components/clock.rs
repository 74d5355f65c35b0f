//! Who and when a screen's command is stamped with: the browser's clock in
//! whole seconds, and the one user the app knows until it has accounts.

use crate::ledger::types::Timestamp;

/// Who the UI's commands are by (the app has no user accounts yet).
pub const USER: &str = "kontor";

/// Whole seconds of the browser's clock (`None` only for a clock outside
/// what a timestamp can hold).
pub fn now() -> Option<Timestamp> {
    Timestamp::from_unix_seconds((js_sys::Date::now() / 1000.0).floor() as i64)
}
