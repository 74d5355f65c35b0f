//! Who and when a command is by: the browser's clock in whole seconds,
//! and the user logged in to the open company ("kontor" for a company
//! without users). The write path
//! (`state::AppState::execute_with`) stamps with it the records of master
//! data whose events carry no author of their own; screens put it into
//! the commands that do.

use std::cell::RefCell;

use crate::ledger::types::{Stamp, Timestamp};

/// Who the UI's commands are by in a company without users.
pub const NO_USER: &str = "kontor";

thread_local! {
    static USER: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sets who is logged in (`AppState` on login, lock and close).
pub fn set_user(login: Option<&str>) {
    USER.with(|u| *u.borrow_mut() = login.map(str::to_owned));
}

/// Who the UI's commands are by now.
pub fn user() -> String {
    USER.with(|u| u.borrow().clone())
        .unwrap_or_else(|| NO_USER.to_owned())
}

/// Whole seconds of the browser's clock (`None` only for a clock outside
/// what a timestamp can hold).
pub fn now() -> Option<Timestamp> {
    Timestamp::from_unix_seconds((js_sys::Date::now() / 1000.0).floor() as i64)
}

/// The user and this moment.
pub fn stamp() -> Option<Stamp> {
    now().map(|at| Stamp { by: user(), at })
}
