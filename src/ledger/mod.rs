//! The accounting engine (Buchhaltungskern): pure Rust, no I/O, no web.
//! Commands are checked against the [`Book`] and become events; events are
//! appended to the log and folded into the Book.
//!
//! The shape (see ARCHITECTURE.md): a leaf of types every part speaks
//! (`types`); one folder per sub-ledger owning its state, commands,
//! refusals and index (`gl` general ledger, `tax`, `costing`, `journal`
//! posted entries); `setup` builds a company's first events; `posting`
//! builds entries and owns no state; `book` dispatches and folds; `event`
//! holds the domain events and their frozen stored form (`event::v1`);
//! `report` reads the Book (their CSV files are `formats::report_csv`).
//! `partners` (business partners, payment terms) sits beside `tax` and
//! `costing`; `open_items` (the items partner lines become, and their
//! clearings) beside `journal`, since both fold posted entries. Imports
//! only point down that list: `types` ← `gl` ← `tax`, `costing`,
//! `partners` ← `journal`, `open_items`, `items`, `statements` ← `posting`
//! ← `payments`, `dunning`, `recurring`, `closing`, `inbox` ← `bank` (statements, matching, rules) ← `payment_runs` ←
//! `setup` ←
//! `book` ← `report` (`event`, `command`, `error` sit beside `book`,
//! `chain` and `sample` at the edges). `tests/ledger_layers.rs` checks it.

pub mod bank;
pub mod book;
pub mod chain;
pub mod closing;
pub mod command;
pub mod costing;
pub mod dunning;
pub mod error;
pub mod event;
pub mod gl;
pub mod inbox;
pub mod items;
pub mod journal;
pub mod open_items;
pub mod partners;
pub mod payment_runs;
pub mod payments;
pub mod posting;
pub mod recurring;
pub mod report;
pub mod sample;
pub mod setup;
pub mod statements;
pub mod tax;
pub mod types;

pub use book::{Book, ReplayError, ReplayErrorKind};
pub use command::Command;
pub use error::DomainError;
pub use event::Event;
