//! Bank statement files (Kontoauszüge) → [`BankStatement`]s: camt.052,
//! camt.053 and camt.054 (versions 001.01 to 001.08, the namespace read
//! from the file), ZIP archives of them, MT940, and bank CSV exports
//! through a column mapping. Pure: bytes and a file name in, statements or
//! a [`BankError`] out, no I/O and nothing from the ledger, so the import
//! screen, the bank sub-ledger and `kontor-cli statement` share one
//! reader. The parsers never panic on any input (property tests over
//! arbitrary and mutated bytes in `tests/bank_formats.rs`).

pub mod camt;
pub mod codes;
pub mod csv;
pub mod error;
pub mod model;
pub mod mt940;
pub mod zip;

pub use error::{BankError, BankErrorKind, Location};
pub use model::*;

/// Which reader to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Camt,
    Zip,
    Mt940,
    /// CSV cannot be recognised by content; it needs its mapping.
    Csv(Box<csv::CsvMapping>),
}

/// The format of `bytes` by content: a ZIP signature, an XML document, or
/// an MT940 `:20:` tag. `None` for anything else (CSV included).
pub fn detect(bytes: &[u8]) -> Option<FileFormat> {
    if zip::looks_like_zip(bytes) {
        Some(FileFormat::Zip)
    } else if camt::looks_like_xml(bytes) {
        Some(FileFormat::Camt)
    } else if mt940::looks_like_mt940(bytes) {
        Some(FileFormat::Mt940)
    } else {
        None
    }
}

/// Every statement in the file `file` (its name as the user chose it,
/// used in errors and in [`BankStatement::source`]). With `format` `None`
/// the format is detected by content.
pub fn read_statements(
    file: &str,
    bytes: &[u8],
    format: Option<&FileFormat>,
) -> Result<Vec<BankStatement>, BankError> {
    let detected;
    let format = match format {
        Some(f) => f,
        None => {
            detected = detect(bytes).ok_or_else(|| not_a_statement(file, bytes))?;
            &detected
        }
    };
    match format {
        FileFormat::Camt => camt::read_camt(file, bytes),
        FileFormat::Mt940 => mt940::read_mt940(file, bytes),
        FileFormat::Csv(mapping) => csv::read_csv(file, bytes, mapping),
        FileFormat::Zip => read_zip(file, bytes, zip::ZipLimits::default()),
    }
}

fn not_a_statement(file: &str, bytes: &[u8]) -> BankError {
    let kind = if bytes.iter().all(u8::is_ascii_whitespace) {
        BankErrorKind::Empty
    } else {
        BankErrorKind::NotAStatement {
            detail:
                "neither camt XML, a ZIP archive nor MT940; a CSV export needs its column mapping"
                    .into(),
        }
    };
    BankError::new(file, Location::File, kind)
}

/// Every statement of every camt or MT940 file in the archive, in archive
/// order. An entry that is not a statement refuses the whole archive,
/// naming the entry, so nothing is left out unnoticed.
pub fn read_zip(
    file: &str,
    bytes: &[u8],
    limits: zip::ZipLimits,
) -> Result<Vec<BankStatement>, BankError> {
    let mut out = Vec::new();
    for entry in zip::unpack(file, bytes, limits)? {
        let in_entry = |e: BankError| e.in_entry(file, &entry.name);
        let source = format!("{file}/{}", entry.name);
        let statements = match detect(&entry.bytes) {
            Some(FileFormat::Camt) => camt::read_camt(&entry.name, &entry.bytes),
            Some(FileFormat::Mt940) => mt940::read_mt940(&entry.name, &entry.bytes),
            Some(FileFormat::Zip) => Err(BankError::new(
                &entry.name,
                Location::File,
                BankErrorKind::ZipNested,
            )),
            _ => Err(not_a_statement(&entry.name, &entry.bytes)),
        }
        .map_err(in_entry)?;
        out.extend(statements.into_iter().map(|mut s| {
            s.source = source.clone();
            s
        }));
    }
    Ok(out)
}
