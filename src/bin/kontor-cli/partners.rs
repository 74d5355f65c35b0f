//! `kontor-cli partners FILE [--lc CUR] [--today YYYY-MM-DD] [--company DIR]`:
//! reads a partner CSV file with the app's own reader
//! (`formats::partners_csv`) and prints the partners it would import, one
//! tab-separated line each, or every bad row with its line, column and
//! reason on stderr and exits non-zero, so the parser can be checked on
//! files nobody here has seen. With `--company DIR` (a directory `balance`
//! reads) each row is also checked by the engine against that company's
//! books (codes taken, control accounts, terms), as the import screen does.

use crate::cli::{CliError, LOG_DIR, default_threads, io, read_book};
use chrono::{Days, NaiveDate};
use kontor::formats::partners_csv::{
    ImportOptions, ParsedPartners, RowError, RowReason, check_against, parse_partners,
};
use kontor::ledger::partners::{Partner, PartnerKind};
use kontor::ledger::types::{Currency, Timestamp};
use std::io::Write;
use std::path::{Path, PathBuf};

struct Args {
    file: PathBuf,
    lc: Currency,
    today: NaiveDate,
    company: Option<PathBuf>,
}

/// Today's date from the system clock (UTC).
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(days)))
        .unwrap_or(NaiveDate::MIN)
}

fn parse_args(args: &[String]) -> Result<Args, CliError> {
    let usage = |m: String| CliError::Usage(m);
    let (mut file, mut lc, mut day, mut company) = (None, Currency::EUR, today(), None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| usage(format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--lc" => {
                let v = value()?;
                lc = Currency::parse(v).map_err(|_| usage(format!("{v:?} is not a currency")))?;
            }
            "--today" => {
                let v = value()?;
                day = NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .map_err(|_| usage(format!("{v:?} is not a date YYYY-MM-DD")))?;
            }
            "--company" => company = Some(PathBuf::from(value()?)),
            other if file.is_none() && !other.starts_with("--") => file = Some(other.into()),
            other => return Err(usage(format!("unknown option {other:?}"))),
        }
    }
    Ok(Args {
        file: file.ok_or_else(|| usage("partners needs a FILE".into()))?,
        lc,
        today: day,
        company,
    })
}

/// Checks FILE and prints its partners, or its bad rows and an error.
pub fn partners(args: &[String]) -> Result<(), CliError> {
    let args = parse_args(args)?;
    let bytes = std::fs::read(&args.file).map_err(io(&args.file))?;
    let options = ImportOptions {
        lc: args.lc,
        today: args.today,
    };
    let errors = match parse_partners(&bytes, None, options) {
        Ok(parsed) => match &args.company {
            None => return print_partners(&parsed),
            Some(dir) => {
                let book = read_book(&dir.join(LOG_DIR), default_threads())?;
                let at = Timestamp::at(args.today, 12, 0, 0)
                    .ok_or_else(|| CliError::Usage(format!("{} has no noon", args.today)))?;
                let errors = check_against(&book, &parsed, "kontor-cli", at);
                if errors.is_empty() {
                    return print_partners(&parsed);
                }
                errors
            }
        },
        Err(errors) => errors,
    };
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for e in &errors {
        writeln!(err, "{}", row_error(e)).map_err(io(Path::new("stderr")))?;
    }
    Err(CliError::PartnerRows {
        path: args.file,
        count: errors.len(),
    })
}

fn print_partners(parsed: &ParsedPartners) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let write = |out: &mut std::io::StdoutLock, text: String| {
        writeln!(out, "{text}").map_err(io(Path::new("stdout")))
    };
    write(
        &mut out,
        "# line\tcode\tkind\tname\tstreet\tpostcode\ttown\tcountry\tvat_id\tiban\tterms".into(),
    )?;
    for (p, line) in parsed.partners.iter().zip(&parsed.lines) {
        write(&mut out, format!("{line}\t{}", partner_line(p)))?;
    }
    if !parsed.ignored.is_empty() {
        write(
            &mut out,
            format!("# ignored columns: {}", parsed.ignored.join(", ")),
        )?;
    }
    write(&mut out, format!("# {} partners", parsed.partners.len()))
}

fn partner_line(p: &Partner) -> String {
    let kind = match p.kind {
        PartnerKind::Customer => "customer",
        PartnerKind::Vendor => "vendor",
    };
    let a = &p.address;
    let street = format!("{} {}", a.street, a.house_number);
    let iban = p.default_bank_account().map_or("", |b| b.iban.as_str());
    let terms = p.payment_terms.as_deref().unwrap_or("");
    [
        p.code.as_str(),
        kind,
        p.name.as_str(),
        street.trim(),
        a.postcode.as_str(),
        a.town.as_str(),
        a.country.as_str(),
        p.vat_id.as_str(),
        iban,
        terms,
    ]
    .iter()
    .map(|f| f.replace(['\t', '\n', '\r'], " "))
    .collect::<Vec<_>>()
    .join("\t")
}

/// "line 4, column Iban: the IBAN is not valid".
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
        RowReason::MissingColumn => "a column every partner needs is missing".into(),
        RowReason::Missing => "a field every partner needs is empty".into(),
        RowReason::InvalidCode => "not a valid partner code".into(),
        RowReason::InvalidKind => {
            "no kind column and the code is in neither the customer nor the vendor range".into()
        }
        RowReason::InvalidAmount => "not an amount".into(),
        RowReason::InvalidDate => "not a date".into(),
        RowReason::InvalidFlag => "not yes or no".into(),
        RowReason::InvalidLanguage => "not a language (de or en)".into(),
        RowReason::InvalidPaymentMethod => "not a payment method".into(),
        RowReason::InvalidCurrency => "not a currency".into(),
        RowReason::InvalidIban => "the IBAN is not valid".into(),
        RowReason::InvalidAccount => "not an account number".into(),
        RowReason::InvalidSequence => "not a mandate sequence (first or recurring)".into(),
        RowReason::DuplicateCode { first_line } => {
            format!("the code is on line {first_line} already")
        }
        RowReason::Refused(e) => format!("refused: {e}"),
    }
}
