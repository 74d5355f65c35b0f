//! The accounting engine (Buchhaltungskern): pure Rust, no I/O, no web.
//! Commands are checked against the [`Book`] and become events; events are
//! appended to the log and folded into the Book.
//!
//! Where is what: money and rounding `money`, currencies `currency`, rates
//! `fx`, accounts `account`, chart templates `chart`, company settings
//! `company`, fiscal years and periods `period`, G/L account determination
//! `determination`, journal entries and reversal `entry`, vouchers
//! `voucher`, events and their stored form `event`, commands `command`, the
//! fold and its indexes `book`, reports `report`, errors `error`, the hash
//! chain `chain`, sample data `sample`, tax codes `tax`, the VAT return
//! (UStVA) `vat_return`, cost accounting (dimensions, centres,
//! distribution rules) `costing`, the cost-centre report `cost_report`,
//! plausibility warnings on drafts `warning`. Their CSV files are written
//! in `formats::report_csv`.

pub mod account;
pub mod book;
pub mod chain;
pub mod chart;
pub mod command;
pub mod company;
pub mod cost_report;
pub mod costing;
pub mod currency;
pub mod determination;
pub mod entry;
pub mod error;
pub mod event;
pub mod fx;
pub mod money;
pub mod period;
pub mod report;
pub mod sample;
pub mod tax;
pub mod vat_return;
pub mod voucher;
pub mod warning;

pub use book::{Book, ReplayError, ReplayErrorKind};
pub use command::Command;
pub use error::DomainError;
pub use event::Event;
