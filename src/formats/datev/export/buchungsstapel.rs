//! The Buchungsstapel (category 21): an entry's lines folded and paired
//! into rows (see the module note of `export`), written one row per line.

use super::columns::{Layout, Value, write_row};
use super::header::{self, HeaderLine};
use super::text::Out;
use super::{
    BUCHUNGSSTAPEL_FILE, Counts, DatevExport, DatevFile, ExportError, ExportRequest, Place,
    chart_code, checked, created, labels, partner_account, partners,
};
use crate::formats::datev::bu::{Chart, automatic_tax_code, bu_key_of_tax_code};
use crate::formats::datev::header::Category;
use crate::ledger::Book;
use crate::ledger::gl::ChartTemplate;
use crate::ledger::gl::DatevSettings;
use crate::ledger::tax::TaxKind;
use crate::ledger::types::money::round;
use crate::ledger::types::{AccountNo, Line, PostedEntry, Side};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// One row of the Buchungsstapel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Umsatz: > 0, two decimals.
    pub amount: Decimal,
    /// Soll/Haben of `account` (the Konto); the Gegenkonto takes the other.
    pub side: Side,
    /// Konto: a G/L account or a partner's personal account.
    pub account: String,
    /// Gegenkonto (ohne BU-Schlüssel).
    pub counter: String,
    /// BU-Schlüssel of the Gegenkonto's tax code.
    pub bu: Option<u8>,
    /// Belegdatum: the posting date (DATEV books by it; it lies in the
    /// header's range).
    pub date: NaiveDate,
    /// Belegfeld 1: the entry's reference in DATEV's characters, else its
    /// number.
    pub document: String,
    /// Buchungstext (≤ 60 characters are written).
    pub text: String,
    pub kost1: Option<String>,
    pub kost2: Option<String>,
    /// EU-Land u. USt-IdNr. for intra-EU lines: the partner's VAT id.
    pub eu_vat_id: Option<String>,
    /// EU-Steuersatz for intra-EU acquisitions.
    pub eu_rate: Option<Decimal>,
}

/// A line after folding its tax lines in.
struct Folded<'a> {
    /// The DATEV account number (a partner's personal account for a
    /// partner line).
    number: String,
    /// The G/L account (for the labels and refusals).
    account: AccountNo,
    partner: bool,
    /// Debit positive.
    signed: Decimal,
    line: &'a Line,
    bu: Option<u8>,
    kind: Option<TaxKind>,
    percent: Option<Decimal>,
}

fn number_of(entry: &PostedEntry, line: &Line, length: u8) -> Result<(String, bool), ExportError> {
    if let Some(partner) = line.partner_code() {
        return partner_account(partner, length)
            .map(|n| (n.to_string(), true))
            .ok_or(ExportError::PartnerNumber { partner, length });
    }
    let text = line.account.as_str();
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ExportError::AccountNotNumeric {
            year: entry.fiscal_year,
            number: entry.number,
            account: line.account,
        });
    }
    if text.len() > usize::from(length) {
        return Err(ExportError::AccountTooLong {
            year: entry.fiscal_year,
            number: entry.number,
            account: line.account,
            length,
        });
    }
    Ok((text.to_string(), false))
}

/// Folds each generated tax line into its base line (same side adds,
/// the other side subtracts: § 13b and intra-EU acquisitions net out to
/// the base) and gives each remaining line its BU key.
fn fold<'a>(
    book: &Book,
    entry: &'a PostedEntry,
    length: u8,
) -> Result<Vec<Folded<'a>>, ExportError> {
    let lines = &entry.lines;
    let folds_into = |i: usize| -> Option<usize> {
        let tax = lines[i].tax()?;
        let base = usize::from(tax.base_line);
        (base != i && base < lines.len() && lines[base].tax().is_none()).then_some(base)
    };
    let mut slots: Vec<Option<Folded<'a>>> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        if folds_into(i).is_some() {
            slots.push(None);
            continue;
        }
        let (number, partner) = number_of(entry, line, length)?;
        slots.push(Some(Folded {
            number,
            account: line.account,
            partner,
            signed: line.side.sign(line.amount_lc),
            line,
            bu: None,
            kind: None,
            percent: None,
        }));
    }
    for (i, line) in lines.iter().enumerate() {
        if let Some(base) = folds_into(i)
            && let Some(Some(f)) = slots.get_mut(base)
        {
            f.signed += line.side.sign(line.amount_lc);
            if let Some(tax) = line.tax() {
                f.percent = Some(tax.percent);
            }
        }
    }
    let mut folded: Vec<Folded<'a>> = slots
        .into_iter()
        .flatten()
        .filter(|f| !f.signed.is_zero())
        .collect();
    for f in &mut folded {
        let Some(code) = f.line.tax_code() else {
            continue;
        };
        let Some(tax_code) = book.tax_code(code) else {
            continue;
        };
        let percent = match f.percent {
            Some(p) => p,
            None => tax_code.rate_on(entry.posting_date).unwrap_or_default(),
        };
        f.kind = Some(tax_code.kind);
        f.percent = Some(percent);
        // On an automatic account whose automatic tax is this code, DATEV
        // takes the tax from the account: the gross row carries no key.
        if automatic_code(book, f.account) == Some(code) {
            continue;
        }
        f.bu = bu_key_of_tax_code(code).map(|k| k.0);
        // A code that makes tax lines without a key would lose its tax
        // (the rows are gross); a tax-free one (UFO) needs none.
        if f.bu.is_none() && tax_code.kind.taxed() {
            return Err(ExportError::NoBuKey {
                year: entry.fiscal_year,
                number: entry.number,
                code: code.to_string(),
            });
        }
    }
    Ok(folded)
}

/// The tax code DATEV applies by itself on `account` in this company's
/// chart (`bu::AUTOMATIC_ACCOUNTS`, the table the import reads too).
fn automatic_code(book: &Book, account: AccountNo) -> Option<&'static str> {
    let chart = match book.settings().chart {
        ChartTemplate::Skr03 => Chart::Skr03,
        ChartTemplate::Skr04 => Chart::Skr04,
        ChartTemplate::Generic => return None,
    };
    automatic_tax_code(chart, &account.to_string())
}

/// Belegfeld 1: the characters DATEV admits ($ & % * + - / and letters
/// and digits), at most 36; the entry number when nothing is left.
fn document(entry: &PostedEntry) -> String {
    let kept: String = entry
        .reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "$&%*+-/".contains(*c))
        .take(36)
        .collect();
    if kept.is_empty() {
        entry.number.to_string()
    } else {
        kept
    }
}

fn row_of(
    book: &Book,
    entry: &PostedEntry,
    konto: &Folded<'_>,
    counter: &Folded<'_>,
    amount: Decimal,
) -> Row {
    let taxed = if counter.bu.is_some() { counter } else { konto };
    let memo = [&counter.line.memo, &konto.line.memo, &entry.memo]
        .into_iter()
        .find(|m| !m.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    let dims_line = if counter.line.has_dims() {
        counter.line
    } else {
        konto.line
    };
    let dims = dims_line.dims();
    let intra_eu = matches!(
        taxed.kind,
        Some(TaxKind::IntraEuSupply | TaxKind::IntraEuAcquisition)
    );
    let eu_vat_id = if intra_eu {
        entry
            .lines
            .iter()
            .find_map(|l| l.partner_code())
            .and_then(|p| book.partner(p))
            .map(|p| p.vat_id.replace(' ', ""))
            .filter(|v| !v.is_empty())
    } else {
        None
    };
    Row {
        amount: round(amount, 2),
        side: if konto.signed > Decimal::ZERO {
            Side::Debit
        } else {
            Side::Credit
        },
        account: konto.number.clone(),
        counter: counter.number.clone(),
        bu: counter.bu,
        date: entry.posting_date,
        document: document(entry),
        text: memo,
        kost1: dims[0].clone(),
        kost2: dims[1].clone(),
        eu_vat_id,
        eu_rate: if matches!(taxed.kind, Some(TaxKind::IntraEuAcquisition)) {
            taxed.percent
        } else {
            None
        },
    }
}

/// The rows of one entry: tax lines folded, then the side with fewer lines
/// paired against the other in order until the amounts are used up.
pub fn rows_of(book: &Book, entry: &PostedEntry, length: u8) -> Result<Vec<Row>, ExportError> {
    let folded = fold(book, entry, length)?;
    let debits: Vec<&Folded<'_>> = folded.iter().filter(|f| f.signed > Decimal::ZERO).collect();
    let credits: Vec<&Folded<'_>> = folded.iter().filter(|f| f.signed < Decimal::ZERO).collect();
    // The open side: the one with fewer lines is the Konto of each row.
    let (few, many) = if credits.len() < debits.len() {
        (credits, debits)
    } else {
        (debits, credits)
    };
    let mut rows = Vec::with_capacity(many.len());
    let (mut i, mut j) = (0, 0);
    let mut left_i = few.first().map_or(Decimal::ZERO, |f| f.signed.abs());
    let mut left_j = many.first().map_or(Decimal::ZERO, |f| f.signed.abs());
    while i < few.len() && j < many.len() {
        let amount = left_i.min(left_j);
        let (a, b) = (few[i], many[j]);
        // The taxed line goes to the Gegenkonto, which carries the BU key.
        let (konto, counter) = match (a.bu.is_some(), b.bu.is_some()) {
            (true, true) => {
                return Err(ExportError::TwoTaxCodes {
                    year: entry.fiscal_year,
                    number: entry.number,
                    account: a.account,
                    counter: b.account,
                });
            }
            (true, false) => (b, a),
            _ => (a, b),
        };
        if !amount.is_zero() {
            rows.push(row_of(book, entry, konto, counter, amount));
        }
        left_i -= amount;
        left_j -= amount;
        if left_i.is_zero() {
            i += 1;
            left_i = few.get(i).map_or(Decimal::ZERO, |f| f.signed.abs());
        }
        if left_j.is_zero() {
            j += 1;
            left_j = many.get(j).map_or(Decimal::ZERO, |f| f.signed.abs());
        }
    }
    Ok(rows)
}

/// The G/L accounts the rows of an entry name (for the labels file).
fn gl_accounts(book: &Book, entry: &PostedEntry, length: u8, into: &mut BTreeSet<AccountNo>) {
    if let Ok(folded) = fold(book, entry, length) {
        into.extend(folded.iter().filter(|f| !f.partner).map(|f| f.account));
    }
}

fn amount_text(amount: Decimal) -> String {
    format!("{:.2}", round(amount, 2)).replace('.', ",")
}

/// The export's state between steps: the page runs `push` in chunks to
/// show progress (and lets the browser paint in between, so it holds no
/// borrow of the Book); `export` runs it in one go. The Book may only grow
/// between steps (entries are never removed), so the indices stay valid.
pub struct Stapel {
    request: ExportRequest,
    settings: DatevSettings,
    year_start: NaiveDate,
    /// Indices into `Book::entries` of the entries in the range.
    entries: Vec<usize>,
    next: usize,
    layout: Layout,
    cols: Cols,
    tail: Vec<u8>,
    out: Out,
    counts: Counts,
    accounts: BTreeSet<AccountNo>,
    currency: String,
}

struct Cols {
    amount: usize,
    side: usize,
    currency: usize,
    account: usize,
    counter: usize,
    bu: usize,
    date: usize,
    document: usize,
    text: usize,
    kost1: usize,
    kost2: usize,
    eu_vat_id: usize,
    eu_rate: usize,
}

impl Stapel {
    pub fn new(book: &Book, request: &ExportRequest) -> Result<Stapel, ExportError> {
        let (settings, year_start) = checked(book, request)?;
        let settings = settings.clone();
        let entries: Vec<usize> = book
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.posting_date >= request.from && e.posting_date <= request.to)
            .map(|(i, _)| i)
            .collect();
        let layout = Layout::buchungsstapel();
        let cols = Cols {
            amount: layout.col("Umsatz (ohne Soll/Haben-Kz)"),
            side: layout.col("Soll/Haben-Kennzeichen"),
            currency: layout.col("WKZ Umsatz"),
            account: layout.col("Konto"),
            counter: layout.col("Gegenkonto (ohne BU-Schlüssel)"),
            bu: layout.col("BU-Schlüssel"),
            date: layout.col("Belegdatum"),
            document: layout.col("Belegfeld 1"),
            text: layout.col("Buchungstext"),
            kost1: layout.col("KOST1 – Kostenstelle"),
            kost2: layout.col("KOST2 – Kostenstelle"),
            eu_vat_id: layout.col("EU-Land u. USt-IdNr."),
            eu_rate: layout.col("EU-Steuersatz"),
        };
        let tail = layout.empty_tail(cols.eu_rate + 1);
        let mut out = Out::default();
        let currency = book.settings().lc.to_string();
        header::write(
            &mut out,
            &HeaderLine {
                category: Category::Bookings,
                created: created(request),
                consultant: settings.consultant,
                client: settings.client,
                fiscal_year_start: year_start,
                account_length: settings.account_length,
                range: Some((request.from, request.to, settings.lock)),
                label: &request.label,
                currency: &currency,
                chart: chart_code(book),
            },
        );
        layout.write_titles(&mut out);
        Ok(Stapel {
            request: request.clone(),
            settings,
            year_start,
            entries,
            next: 0,
            layout,
            cols,
            tail,
            out,
            counts: Counts {
                partners: book.partners().len(),
                ..Counts::default()
            },
            accounts: BTreeSet::new(),
            currency,
        })
    }

    /// Entries in the range, and how many are done.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.entries.len())
    }

    pub fn done(&self) -> bool {
        self.next >= self.entries.len()
    }

    /// Writes the next `n` entries.
    pub fn push(&mut self, book: &Book, n: usize) -> Result<(), ExportError> {
        let end = (self.next + n).min(self.entries.len());
        let length = self.settings.account_length;
        let all = book.entries();
        for k in self.next..end {
            let Some(entry) = all.get(self.entries[k]) else {
                continue;
            };
            let rows = rows_of(book, entry, length)?;
            if !rows.is_empty() {
                self.counts.entries += 1;
            }
            gl_accounts(book, entry, length, &mut self.accounts);
            let place = Place::Entry {
                year: entry.fiscal_year,
                number: entry.number,
            };
            for row in &rows {
                self.write(row, &place);
            }
            self.counts.rows += rows.len();
        }
        self.next = end;
        Ok(())
    }

    pub fn push_all(&mut self, book: &Book) -> Result<(), ExportError> {
        self.push(book, self.entries.len())
    }

    fn write(&mut self, row: &Row, place: &Place) {
        let c = &self.cols;
        let mut fields: Vec<(usize, Value<'_>)> = vec![
            (c.amount, Value::Num(amount_text(row.amount))),
            (
                c.side,
                Value::Text(if row.side == Side::Debit { "S" } else { "H" }, 1),
            ),
            (c.currency, Value::Text(&self.currency, 3)),
            (c.account, Value::Num(row.account.clone())),
            (c.counter, Value::Num(row.counter.clone())),
        ];
        let bu = row.bu.map(|k| k.to_string());
        if let Some(bu) = &bu {
            fields.push((c.bu, Value::Text(bu, 4)));
        }
        fields.push((
            c.date,
            Value::Num(format!("{:02}{:02}", row.date.day(), row.date.month())),
        ));
        fields.push((c.document, Value::Text(&row.document, 36)));
        fields.push((c.text, Value::Text(&row.text, 60)));
        if let Some(k) = &row.kost1 {
            fields.push((c.kost1, Value::Text(k, 36)));
        }
        if let Some(k) = &row.kost2 {
            fields.push((c.kost2, Value::Text(k, 36)));
        }
        if let Some(v) = &row.eu_vat_id {
            fields.push((c.eu_vat_id, Value::Text(v, 15)));
        }
        if let Some(r) = row.eu_rate {
            fields.push((c.eu_rate, Value::Num(amount_text(r))));
        }
        fields.sort_by_key(|(col, _)| *col);
        write_row(
            &mut self.out,
            &self.layout,
            &fields,
            c.eu_rate + 1,
            &self.tail,
            place,
        );
    }

    pub fn counts(&self) -> Counts {
        Counts {
            accounts: self.accounts.len(),
            ..self.counts
        }
    }

    /// The three files.
    pub fn finish(self, book: &Book) -> DatevExport {
        let counts = self.counts();
        let label_out = labels::write(
            book,
            &self.request,
            &self.settings,
            self.year_start,
            &self.accounts,
        );
        let partner_out = partners::write(book, &self.request, &self.settings, self.year_start);
        let mut replaced = self.out.replaced;
        let replaced_count =
            self.out.replaced_count + label_out.replaced_count + partner_out.replaced_count;
        replaced.extend(label_out.replaced);
        replaced.extend(partner_out.replaced);
        replaced.truncate(super::text::MAX_LISTED);
        DatevExport {
            files: vec![
                DatevFile {
                    name: BUCHUNGSSTAPEL_FILE,
                    bytes: self.out.bytes,
                },
                DatevFile {
                    name: super::LABELS_FILE,
                    bytes: label_out.bytes,
                },
                DatevFile {
                    name: super::PARTNERS_FILE,
                    bytes: partner_out.bytes,
                },
            ],
            counts,
            replaced,
            replaced_count,
        }
    }
}

/// The header of the two master-data files (no range, no lock).
pub(super) fn master_header(
    out: &mut Out,
    book: &Book,
    request: &ExportRequest,
    settings: &DatevSettings,
    year_start: NaiveDate,
    category: Category,
) {
    header::write(
        out,
        &HeaderLine {
            category,
            created: created(request),
            consultant: settings.consultant,
            client: settings.client,
            fiscal_year_start: year_start,
            account_length: settings.account_length,
            range: None,
            label: &request.label,
            currency: "",
            chart: chart_code(book),
        },
    );
}
