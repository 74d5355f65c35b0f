//! `kontor-cli items-csv FILE`: reads an item CSV file with the app's own
//! reader (`formats::items_csv`) and prints the items it would import, one
//! tab-separated line each, or every bad row with its line, column and
//! reason on stderr and exits non-zero, so the parser can be checked on
//! files nobody here has seen (the engine's checks against a company's
//! groups and accounts are the import screen's).

use crate::cli::{CliError, io};
use kontor::formats::items_csv::{ParsedItems, RowError, RowReason, parse_items};
use kontor::ledger::items::Item;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Checks FILE and prints its items, or its bad rows and an error.
pub fn items_csv(args: &[String]) -> Result<(), CliError> {
    let file = match args {
        [file] if !file.starts_with("--") => PathBuf::from(file),
        _ => return Err(CliError::Usage("items-csv takes one FILE".into())),
    };
    let bytes = std::fs::read(&file).map_err(io(&file))?;
    let errors = match parse_items(&bytes, None) {
        Ok(parsed) => return print_items(&parsed),
        Err(errors) => errors,
    };
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for e in &errors {
        writeln!(err, "{}", row_error(e)).map_err(io(Path::new("stderr")))?;
    }
    Err(CliError::ItemRows {
        path: file,
        count: errors.len(),
    })
}

fn print_items(parsed: &ParsedItems) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut write = |text: String| writeln!(out, "{text}").map_err(io(Path::new("stdout")));
    write(
        "# line\tcode\tdescription_de\tdescription_en\tgroup\tunit\tprice\tsales\tpurchase\tactive\taccounts"
            .into(),
    )?;
    for (item, line) in parsed.items.iter().zip(&parsed.lines) {
        write(format!("{line}\t{}", item_line(item)))?;
    }
    if !parsed.ignored.is_empty() {
        write(format!("# ignored columns: {}", parsed.ignored.join(", ")))?;
    }
    write(format!("# {} items", parsed.items.len()))
}

fn item_line(i: &Item) -> String {
    let accounts = kontor::ledger::items::history::accounts_text(&i.accounts);
    [
        i.code.as_str(),
        i.description_de.as_str(),
        i.description_en.as_str(),
        i.group.as_str(),
        i.unit.as_str(),
        &i.default_price.to_string(),
        &i.sales.to_string(),
        &i.purchase.to_string(),
        &i.active.to_string(),
        &accounts,
    ]
    .iter()
    .map(|f| f.replace(['\t', '\n', '\r'], " "))
    .collect::<Vec<_>>()
    .join("\t")
}

/// "line 4, column Unit: not a unit of measure".
fn row_error(e: &RowError) -> String {
    let column = e
        .column
        .map(|c| format!(", column {c:?}"))
        .unwrap_or_default();
    format!("line {}{column}: {}", e.line, reason(&e.reason))
}

fn reason(r: &RowReason) -> String {
    match r {
        RowReason::Empty => "the file has no header line or no data rows".into(),
        RowReason::TooLarge { max } => format!("the file is too large (at most {max})"),
        RowReason::UnclosedQuote => "a quote opened here is never closed".into(),
        RowReason::MissingColumn => "a column every item needs is missing".into(),
        RowReason::Missing => "a field every item needs is empty".into(),
        RowReason::InvalidCode => "not an item code (letters, digits, - _ ., at most 50)".into(),
        RowReason::InvalidUnit => "not a unit of measure (UN/ECE Rec 20 code or name)".into(),
        RowReason::InvalidAmount => "not a price (at most 4 decimals)".into(),
        RowReason::InvalidFlag => "not yes or no".into(),
        RowReason::InvalidAccount => "not an account number".into(),
        RowReason::DuplicateCode { first_line } => {
            format!("the code is on line {first_line} already")
        }
        RowReason::Refused(e) => format!("refused: {e}"),
    }
}
