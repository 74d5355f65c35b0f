//! `kontor-cli einvoice FILE`: reads an e-invoice (XRechnung UBL or CII XML,
//! or a ZUGFeRD / Factur-X PDF) with the app's own reader
//! (`formats::einvoice`) and prints it as JSON — seller, buyer, VAT ids,
//! number, dates, lines, the VAT breakdown per rate, the totals (amounts as
//! decimal strings) — followed by the EN 16931 totals check. A refused file
//! prints the typed error (with the element path) on stderr and exits 2.

use crate::cli::{CliError, io};
use kontor::formats::einvoice::{self, Invoice, totals};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Serialize)]
struct Output<'a> {
    file: String,
    #[serde(flatten)]
    invoice: &'a Invoice,
    check: Check,
}

#[derive(Serialize)]
struct Check {
    /// Whether every sum adds up.
    ok: bool,
    mismatches: Vec<totals::Mismatch>,
}

/// Reads FILE and prints it as JSON, or the error.
pub fn einvoice(args: &[String]) -> Result<(), CliError> {
    let file = match args {
        [file] if !file.starts_with("--") => PathBuf::from(file),
        _ => return Err(CliError::Usage("einvoice takes one FILE".into())),
    };
    let bytes = std::fs::read(&file).map_err(io(&file))?;
    let invoice = einvoice::read(&bytes).map_err(|source| CliError::EInvoice {
        path: file.clone(),
        source,
    })?;
    let mismatches = totals::check(&invoice);
    let output = Output {
        file: file.display().to_string(),
        invoice: &invoice,
        check: Check {
            ok: mismatches.is_empty(),
            mismatches,
        },
    };
    let text = serde_json::to_string_pretty(&output).map_err(|e| CliError::Io {
        path: PathBuf::from("stdout"),
        source: std::io::Error::other(e),
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "{text}").map_err(io(Path::new("stdout")))
}
