//! Pure readers and writers of outside formats (hledger journal, camt.053,
//! DATEV EXTF, …). No I/O: bytes or text in, typed values or errors out.
pub mod amount;
pub mod bank;
pub mod country;
pub mod cp1252;
pub mod csv;
pub mod datev;
pub mod ecb;
pub mod einvoice;
pub mod gobd;
pub mod hledger;
pub mod iban;
pub mod items_csv;
pub mod partners_csv;
pub mod report_csv;
pub mod sepa;
pub mod vat_id;
