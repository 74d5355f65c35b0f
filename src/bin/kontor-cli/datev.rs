//! `kontor-cli datev FILE`: reads a DATEV EXTF file (Buchungsstapel,
//! Kontenbeschriftungen, Debitoren/Kreditoren) with the app's own reader
//! (`formats::datev`) and prints its header and rows as JSON on stdout:
//! amounts as decimal strings, dates ISO (YYYY-MM-DD). A file that does not
//! read, or any row that does not, prints the typed errors as JSON on
//! stderr (line, column, value, expected) and exits with code 2.

use crate::cli::{CliError, io};
use kontor::formats::datev::header::ExtfHeader;
use kontor::formats::datev::read::{Booking, ExtfFile};
use kontor::formats::datev::{DatevError, read};
use serde_json::{Map, Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Prints FILE as JSON, or its errors and exits 2.
pub fn datev(args: &[String]) -> Result<(), CliError> {
    let file = match args {
        [file] if !file.starts_with("--") => PathBuf::from(file),
        _ => return Err(CliError::Usage("datev takes one FILE".into())),
    };
    let bytes = std::fs::read(&file).map_err(io(&file))?;
    let errors = match read(&bytes) {
        Ok(f) if f.refused.is_empty() => {
            let text = serde_json::to_string_pretty(&file_json(&f)).unwrap_or_default();
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            return writeln!(out, "{text}").map_err(io(Path::new("stdout")));
        }
        Ok(f) => f.refused,
        Err(e) => vec![e],
    };
    let body = json!({
        "file": file.display().to_string(),
        "errors": errors.iter().map(error_json).collect::<Vec<_>>(),
    });
    eprintln!(
        "{}",
        serde_json::to_string_pretty(&body).unwrap_or_default()
    );
    std::process::exit(2)
}

fn error_json(e: &DatevError) -> Value {
    json!({
        "line": e.line,
        "column": e.column,
        "value": e.value,
        "expected": format!("{:?}", e.expected),
    })
}

fn iso(d: Option<chrono::NaiveDate>) -> Value {
    d.map(|d| Value::String(d.format("%Y-%m-%d").to_string()))
        .unwrap_or(Value::Null)
}

fn header_json(h: &ExtfHeader) -> Value {
    json!({
        "marker": h.marker,
        "version": h.version,
        "category": h.category.number(),
        "format_name": h.category.format_name(),
        "format_version": h.format_version,
        "created": h.created,
        "origin": h.origin,
        "exported_by": h.exported_by,
        "imported_by": h.imported_by,
        "adviser": h.adviser,
        "client": h.client,
        "fiscal_year_start": iso(Some(h.fiscal_year_start)),
        "account_length": h.account_length,
        "date_from": iso(h.date_from),
        "date_to": iso(h.date_to),
        "label": h.label,
        "dictation": h.dictation,
        "booking_type": h.booking_type,
        "accounting_purpose": h.accounting_purpose,
        "locked": h.locked,
        "currency": h.currency,
        "chart": h.chart,
        "industry": h.industry,
        "application_info": h.application_info,
    })
}

fn booking_json(b: &Booking) -> Value {
    let dec = |d: Option<rust_decimal::Decimal>| {
        d.map(|d| Value::String(d.to_string()))
            .unwrap_or(Value::Null)
    };
    json!({
        "line": b.line,
        "amount": b.amount.to_string(),
        "side": b.side.letter(),
        "currency": b.currency,
        "rate": dec(b.rate),
        "base_amount": dec(b.base_amount),
        "base_currency": b.base_currency,
        "account": b.account,
        "contra": b.contra,
        "bu_key": b.bu_key.map(|k| k.0),
        "date": iso(Some(b.date)),
        "doc1": b.doc1,
        "doc2": b.doc2,
        "discount": dec(b.discount),
        "text": b.text,
        "cost1": b.cost1,
        "cost2": b.cost2,
        "eu_vat_id": b.eu_vat_id,
        "eu_rate": dec(b.eu_rate),
    })
}

fn file_json(f: &ExtfFile) -> Value {
    let rows: Vec<Value> = if !f.bookings.is_empty() {
        f.bookings.iter().map(booking_json).collect()
    } else if !f.labels.is_empty() {
        f.labels
            .iter()
            .map(|l| {
                json!({"line": l.line, "account": l.account, "label": l.label, "language": l.language})
            })
            .collect()
    } else {
        // Debitoren/Kreditoren: the non-empty fields by their column title.
        f.rows
            .iter()
            .map(|(line, values)| {
                let mut m = Map::new();
                m.insert("line".into(), json!(line));
                for (title, v) in f.columns.iter().zip(values) {
                    if !v.is_empty() && !m.contains_key(title) {
                        m.insert(title.clone(), Value::String(v.clone()));
                    }
                }
                Value::Object(m)
            })
            .collect()
    };
    json!({
        "header": header_json(&f.header),
        "row_count": rows.len(),
        "rows": rows,
    })
}
