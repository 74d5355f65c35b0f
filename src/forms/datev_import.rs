//! DATEV import (Buchungsstapel → journal voucher): every row of a read
//! EXTF file checked against the company, and the rows turned into entry
//! forms of one voucher draft, which the user reviews and posts all or
//! nothing on the voucher screen.
//!
//! Per row (one entry of two lines, Konto and Gegenkonto, the Umsatz on
//! the side S/H names for Konto and the other side for Gegenkonto):
//! - an account number with the header's account length + 1 digits is a
//!   partner account (Personenkonto): it must be the code of a partner of
//!   the company (customers 10000–69999, vendors 70000–99999 by our
//!   default ranges); the line is then that partner's, on its control
//!   account. Shorter numbers are G/L accounts; DATEV drops leading zeros,
//!   so "400" is also tried as "0400". Unknown, title or inactive accounts
//!   and unknown partners refuse the row, naming the column.
//! - WKZ Umsatz empty or the company's currency (foreign-currency rows are
//!   refused).
//! - BU key (`formats::datev::bu`): the tax code must exist and be active
//!   in the company (keys 5 and 7 only where the code's rate on the date is
//!   16 %); it goes on the line of the revenue or expense account when
//!   exactly one of the two is one, else on the Gegenkonto's line (Konto's
//!   when the Gegenkonto is a partner), as a gross amount the engine splits into net
//!   and tax like the entry grid does. Without a key, a DATEV automatic
//!   account of the company's chart (`bu::AUTOMATIC_ACCOUNTS`) gets its
//!   code the same way; key 40 switches that off.
//! - Then the engine checks the entry as the grid's posting would (open
//!   period, postable accounts, partner control account, cost centre …).
//!
//! The file is refused as a whole while any row is refused; the rows'
//! refusals all carry the file's line.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::formats::amount::{NumberStyle, format_amount_ungrouped, format_date};
use crate::formats::datev::bu::{self, BuKey, BuMeaning, Chart};
use crate::formats::datev::header::{Category, ExtfHeader};
use crate::formats::datev::read::{Booking, ExtfFile, Side, col};
use crate::formats::datev::{DatevError, read};
use crate::forms::entry::{EntryCheck, EntryForm, LineForm, Refusal};
use crate::ledger::Book;
use crate::ledger::gl::{AccountType, ChartTemplate};
use crate::ledger::types::limits::MAX_VOUCHER_ENTRIES;
use crate::ledger::types::{AccountNo, PartnerCode};

/// Why the whole file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRefusal {
    /// The file does not read (header, titles, encoding).
    Read(DatevError),
    /// Not a Buchungsstapel (data category 21).
    NotBookings { category: u16 },
    /// More rows than one voucher holds.
    TooManyRows { count: usize, max: usize },
}

/// What is wrong with one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The row does not read (amount, S/H, date, BU key …).
    Read(DatevError),
    /// No account of this number in the company.
    UnknownAccount { column: &'static str, value: String },
    /// A partner account (account length + 1 digits) naming no partner.
    UnknownPartner { column: &'static str, value: String },
    /// A title account or an inactive one.
    NotPostable { column: &'static str, value: String },
    /// A currency other than the company's.
    Currency { value: String, lc: String },
    /// The BU key's tax code is missing or inactive in the company.
    TaxCodeMissing { key: u8, code: &'static str },
    /// Key 5 or 7 (16 %) on a date where the code's rate is not 16 %.
    Rate16 { key: u8, code: &'static str },
    /// The engine refuses the entry the row makes.
    Refused(Refusal),
}

/// A refused row and the file's line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowRefusal {
    pub line: usize,
    pub problem: RowProblem,
}

/// A row that passed, with the entry form it becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    pub booking: Booking,
    /// The tax code the row is posted with, if any.
    pub tax_code: Option<String>,
    pub form: EntryForm,
}

/// The checked file: what the import page shows before the voucher is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    pub header: ExtfHeader,
    pub rows: Vec<ImportRow>,
    pub refused: Vec<RowRefusal>,
}

impl ImportPlan {
    /// The voucher's entries: all rows, or None while any row is refused.
    pub fn voucher_entries(&self) -> Option<Vec<EntryForm>> {
        if !self.refused.is_empty() || self.rows.is_empty() {
            return None;
        }
        Some(self.rows.iter().map(|r| r.form.clone()).collect())
    }

    /// The name of the voucher: "DATEV " and the batch's label.
    pub fn voucher_name(&self) -> String {
        let label = self.header.label.trim();
        if label.is_empty() {
            format!("DATEV {}", self.header.client)
        } else {
            format!("DATEV {label}")
        }
    }

    /// Rows in file order (passed and refused), for the preview table.
    pub fn row_count(&self) -> usize {
        self.rows.len() + self.refused.len()
    }
}

/// Reads and checks `bytes` against `book` (see the module doc).
pub fn plan_import(
    book: &Book,
    bytes: &[u8],
    style: NumberStyle,
    today: NaiveDate,
    user: &str,
) -> Result<ImportPlan, FileRefusal> {
    let file = read(bytes).map_err(FileRefusal::Read)?;
    plan_file(book, file, style, today, user)
}

/// As `plan_import`, for a file already read.
pub fn plan_file(
    book: &Book,
    file: ExtfFile,
    style: NumberStyle,
    today: NaiveDate,
    user: &str,
) -> Result<ImportPlan, FileRefusal> {
    if file.header.category != Category::Bookings {
        return Err(FileRefusal::NotBookings {
            category: file.header.category.number(),
        });
    }
    let count = file.bookings.len() + file.refused.len();
    if count > MAX_VOUCHER_ENTRIES {
        return Err(FileRefusal::TooManyRows {
            count,
            max: MAX_VOUCHER_ENTRIES,
        });
    }
    let mut refused: Vec<RowRefusal> = file
        .refused
        .into_iter()
        .map(|e| RowRefusal {
            line: e.line,
            problem: RowProblem::Read(e),
        })
        .collect();
    let mut rows = Vec::new();
    for booking in file.bookings {
        match row(book, &file.header, &booking, style, today, user) {
            Ok((form, tax_code)) => rows.push(ImportRow {
                booking,
                tax_code,
                form,
            }),
            Err(problem) => refused.push(RowRefusal {
                line: booking.line,
                problem,
            }),
        }
    }
    refused.sort_by_key(|r| r.line);
    Ok(ImportPlan {
        header: file.header,
        rows,
        refused,
    })
}

/// What an account field names in the company.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Target {
    Account(AccountNo),
    Partner(PartnerCode),
}

fn target(
    book: &Book,
    header: &ExtfHeader,
    column: &'static str,
    value: &str,
) -> Result<Target, RowProblem> {
    if value.len() == usize::from(header.account_length) + 1 {
        let code = PartnerCode::parse(value)
            .ok()
            .filter(|c| book.partner(*c).is_some());
        return code
            .map(Target::Partner)
            .ok_or_else(|| RowProblem::UnknownPartner {
                column,
                value: value.to_string(),
            });
    }
    let width = usize::from(header.account_length);
    let mut candidates = vec![value.to_string()];
    if value.len() < width {
        candidates.push(format!("{value:0>width$}"));
    }
    for c in candidates {
        let Ok(no) = AccountNo::parse(&c) else {
            continue;
        };
        if let Some(account) = book.account(no) {
            if !account.postable || !account.active {
                return Err(RowProblem::NotPostable {
                    column,
                    value: value.to_string(),
                });
            }
            return Ok(Target::Account(no));
        }
    }
    Err(RowProblem::UnknownAccount {
        column,
        value: value.to_string(),
    })
}

fn cell(t: &Target) -> String {
    match t {
        Target::Account(a) => a.to_string(),
        Target::Partner(p) => p.to_string(),
    }
}

fn automatic(book: &Book, t: &Target) -> Option<&'static str> {
    let chart = match book.settings().chart {
        ChartTemplate::Skr03 => Chart::Skr03,
        ChartTemplate::Skr04 => Chart::Skr04,
        ChartTemplate::Generic => return None,
    };
    match t {
        Target::Account(a) => bu::automatic_tax_code(chart, &a.to_string()),
        Target::Partner(_) => None,
    }
}

fn row(
    book: &Book,
    header: &ExtfHeader,
    b: &Booking,
    style: NumberStyle,
    today: NaiveDate,
    user: &str,
) -> Result<(EntryForm, Option<String>), RowProblem> {
    let konto = target(book, header, col::ACCOUNT, &b.account)?;
    let contra = target(book, header, col::CONTRA, &b.contra)?;
    let lc = book.settings().lc.to_string();
    if !b.currency.is_empty() && !b.currency.eq_ignore_ascii_case(&lc) {
        return Err(RowProblem::Currency {
            value: b.currency.clone(),
            lc,
        });
    }
    // Which line carries the tax, and with which code: the P&L account's
    // when exactly one of the two is one, else the Gegenkonto's (Konto's
    // when the Gegenkonto is a partner).
    let contra_is_partner = matches!(contra, Target::Partner(_));
    let taxed_is_contra = match (is_pl(book, &konto), is_pl(book, &contra)) {
        (true, false) => false,
        (false, true) => true,
        _ => !contra_is_partner,
    };
    let (code, on_contra): (Option<&'static str>, bool) = match b.bu_key {
        Some(key) => match bu::tax_code_of_bu_key(key) {
            Some(BuMeaning::Tax { code, rate_16 }) => {
                check_code(book, key, code, rate_16, b.date)?;
                (Some(code), taxed_is_contra)
            }
            Some(BuMeaning::NoAutomatic) | None => (None, false),
        },
        None => match (automatic(book, &contra), automatic(book, &konto)) {
            (Some(code), _) => (Some(code), true),
            (None, Some(code)) => (Some(code), false),
            (None, None) => (None, false),
        },
    };
    if let (Some(code), None) = (code, b.bu_key) {
        // An automatic account's code must exist too (key shown as 0).
        check_code(book, BuKey(0), code, false, b.date)?;
    }
    let amount = format_amount_ungrouped(b.amount, book.settings().lc_decimals(), style);
    let line = |t: &Target, debit: bool, taxed: bool| LineForm {
        account: cell(t),
        debit: if debit { amount.clone() } else { String::new() },
        credit: if debit { String::new() } else { amount.clone() },
        tax_code: if taxed {
            code.unwrap_or("").to_string()
        } else {
            String::new()
        },
        gross: taxed && code.is_some(),
        ..LineForm::default()
    };
    let konto_debit = b.side == Side::Debit;
    let mut konto_line = line(&konto, konto_debit, code.is_some() && !on_contra);
    let mut contra_line = line(&contra, !konto_debit, code.is_some() && on_contra);
    // KOST1 goes on the G/L line that is not a partner's (the contra line
    // first: in DATEV's rows it is the revenue or expense account).
    if !b.cost1.is_empty() {
        if contra_is_partner {
            konto_line.dim1 = b.cost1.clone();
        } else {
            contra_line.dim1 = b.cost1.clone();
        }
    }
    let date = format_date(b.date, style);
    let form = EntryForm {
        posting_date: date.clone(),
        document_date: date,
        reference: b.doc1.clone(),
        memo: b.text.clone(),
        lines: vec![konto_line, contra_line],
        key: String::new(),
        series: String::new(),
    };
    match form.check(book, style, today, user) {
        EntryCheck::NotPostable { reason, .. } => Err(RowProblem::Refused(reason)),
        EntryCheck::Empty | EntryCheck::Postable { .. } => Ok((form, code.map(str::to_string))),
    }
}

/// Whether `t` is a revenue or expense account.
fn is_pl(book: &Book, t: &Target) -> bool {
    match t {
        Target::Account(a) => book
            .account(*a)
            .is_some_and(|a| matches!(a.account_type, AccountType::Revenue | AccountType::Expense)),
        Target::Partner(_) => false,
    }
}

fn check_code(
    book: &Book,
    key: BuKey,
    code: &'static str,
    rate_16: bool,
    date: NaiveDate,
) -> Result<(), RowProblem> {
    let Some(tax) = book.tax_code(code).filter(|t| t.active) else {
        return Err(RowProblem::TaxCodeMissing { key: key.0, code });
    };
    if rate_16 && tax.rate_on(date).ok() != Some(Decimal::from(16)) {
        return Err(RowProblem::Rate16 { key: key.0, code });
    }
    Ok(())
}
