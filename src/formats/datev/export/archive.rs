//! The export as one ZIP: the three EXTF files, deflated, with a fixed
//! modification time (the header's creation time), so the same books and
//! request give the same bytes.

use super::DatevExport;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Why the ZIP could not be written (only memory problems in practice).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the ZIP could not be written: {0}")]
pub struct ArchiveError(pub String);

/// The ZIP of the export's files, stamped `created`.
pub fn zip(export: &DatevExport, created: chrono::NaiveDateTime) -> Result<Vec<u8>, ArchiveError> {
    use chrono::{Datelike, Timelike};
    let stamp = DateTime::from_date_and_time(
        u16::try_from(created.year())
            .unwrap_or(1980)
            .clamp(1980, 2107),
        created.month() as u8,
        created.day() as u8,
        created.hour() as u8,
        created.minute() as u8,
        created.second() as u8,
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for file in &export.files {
        zip.start_file(file.name, options)
            .map_err(|e| ArchiveError(e.to_string()))?;
        zip.write_all(&file.bytes)
            .map_err(|e| ArchiveError(e.to_string()))?;
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(|e| ArchiveError(e.to_string()))
}
