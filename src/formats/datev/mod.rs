//! DATEV's EXTF interface format (Buchungsstapel, Kontenbeschriftungen,
//! Debitoren/Kreditoren), read and written without I/O.
//!
//! An EXTF file is a semicolon-separated text: line 1 is the header
//! (`header`: format version 700, data category, Berater/Mandant, fiscal
//! year start, account length, date range, label, lock flag …), line 2 the
//! column titles, then one record per line. Text fields are quoted, a
//! quote inside doubled; amounts carry a decimal comma; the file is
//! Windows-1252 (or UTF-8 with a byte-order mark).
//!
//! - `header`: the header line, every field of version 700, parse and
//!   `to_line` (the export writes headers with it);
//! - `bu`: BU-Schlüssel ↔ the templates' tax codes, both directions;
//! - `read`: decoding, the record splitter, the rows of the three data
//!   categories found by their column titles, Belegdatum resolved against
//!   the header;
//! - `error`: the one refusal, `DatevError`, naming line, column, value and
//!   what was expected.

pub mod bu;
pub mod error;
pub mod export;
pub mod header;
pub mod read;

pub use bu::{BuKey, BuMeaning, bu_key_of_tax_code, parse_bu_key, tax_code_of_bu_key};
pub use error::{DatevError, Expected};
pub use header::{Category, ExtfHeader, HEADER_FIELDS};
pub use read::{Booking, ExtfFile, Side, decode, read, split_records};
