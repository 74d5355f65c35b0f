//! The accounting engine (Buchhaltungskern): pure Rust, no I/O, no web.
//! Commands are checked against the [`Book`] and become events; events are
//! appended to the log and folded into the Book.

pub mod chain;
