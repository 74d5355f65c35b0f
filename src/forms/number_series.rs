//! Numbering series as typed (Administration → Nummernkreise): one row of
//! text per series, so a half-typed number survives, and `series` turning
//! the rows into `NumberSeries`. The engine checks codes, prefixes, widths
//! and start numbers; this only reads the numbers.

use crate::ledger::gl::{DocumentKind, NumberSeries};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeriesRow {
    pub code: String,
    pub name: String,
    pub kind: DocumentKind,
    pub prefix: String,
    pub with_year: bool,
    pub width: String,
    pub start: String,
}

impl Default for SeriesRow {
    /// What "add a series" proposes: a four-digit number with the year.
    fn default() -> SeriesRow {
        SeriesRow {
            code: String::new(),
            name: String::new(),
            kind: DocumentKind::General,
            prefix: String::new(),
            with_year: true,
            width: "4".into(),
            start: "1".into(),
        }
    }
}

/// A number field that is not a number: the row (0-based) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeriesFormError {
    Width { row: usize, text: String },
    Start { row: usize, text: String },
}

impl SeriesRow {
    pub fn of(series: &NumberSeries) -> SeriesRow {
        SeriesRow {
            code: series.code.clone(),
            name: series.name.clone(),
            kind: series.kind,
            prefix: series.prefix.clone(),
            with_year: series.with_year,
            width: series.width.to_string(),
            start: series.start.to_string(),
        }
    }
}

/// The series the rows describe; codes are upper-cased, text trimmed.
pub fn series(rows: &[SeriesRow]) -> Result<Vec<NumberSeries>, SeriesFormError> {
    rows.iter()
        .enumerate()
        .map(|(row, r)| {
            let width = r.width.trim();
            let start = r.start.trim();
            Ok(NumberSeries {
                code: r.code.trim().to_uppercase(),
                name: r.name.trim().to_string(),
                kind: r.kind,
                prefix: r.prefix.trim().to_string(),
                with_year: r.with_year,
                width: width.parse().map_err(|_| SeriesFormError::Width {
                    row,
                    text: width.to_string(),
                })?,
                start: start.parse().map_err(|_| SeriesFormError::Start {
                    row,
                    text: start.to_string(),
                })?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_series_and_back() {
        let row = SeriesRow {
            code: " ka ".into(),
            name: "Kasse".into(),
            kind: DocumentKind::Cash,
            prefix: "KA-".into(),
            ..SeriesRow::default()
        };
        let read = series(std::slice::from_ref(&row)).expect("numbers");
        assert_eq!(read[0].code, "KA");
        assert_eq!((read[0].width, read[0].start), (4, 1));
        assert_eq!(SeriesRow::of(&read[0]).prefix, "KA-");
    }

    #[test]
    fn a_number_that_is_not_one_names_its_row() {
        let rows = [
            SeriesRow::default(),
            SeriesRow {
                start: "eins".into(),
                ..SeriesRow::default()
            },
        ];
        assert_eq!(
            series(&rows),
            Err(SeriesFormError::Start {
                row: 1,
                text: "eins".into()
            })
        );
    }
}
