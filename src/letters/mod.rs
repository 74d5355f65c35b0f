//! Letters (Briefe) to business partners: a letter is a plain model
//! (letterhead, recipient, date, subject, paragraphs, a table with
//! totals, closing) built from the Book in the partner's language, shown
//! as a print view in the browser and written as PDF (`pdf`, with the
//! `pdf-writer` crate). Dunning letters are the first (`dunning`).
//! (issue 16 skeleton: filled by the dunning-letters work.)

pub mod dunning;
pub mod pdf;

pub use dunning::{dunning_letter, dunning_letters};
pub use pdf::letters_pdf;

/// A letter, ready to be shown or written; every text final.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Letter {
    /// The company's name and address lines, and the sender line above
    /// the recipient's address.
    pub letterhead: Vec<String>,
    pub sender_line: String,
    pub recipient: Vec<String>,
    /// "Berlin, 30.11.2026" / "30 Nov 2026".
    pub place_date: String,
    pub subject: String,
    pub paragraphs: Vec<String>,
    pub table: Table,
    pub closing: Vec<String>,
    /// Company details for the footer (tax number, VAT id, bank).
    pub footer: Vec<String>,
}

/// A table of the letter: headers, rows and total rows, every cell text;
/// `numeric[i]` right-aligns column `i`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    pub totals: Vec<Vec<String>>,
}
