//! The VAT return (UStVA), the cost-centre report and the partner reports
//! (open items, aging, partner statement) as CSV files, written
//! with `formats::csv` so every amount carries the currency's decimals
//! (`800,00`, never `800` or `800,0`) and user text is formula-guarded.
//! The engine's reports stay pure data; this is where they meet a format.
//!
//! The German dialect writes German headings and words, the English
//! dialect English ones: the UI picks the dialect by its language.

use crate::formats::csv::{Cell, CsvWriter, Dialect};
use crate::ledger::gl::AccountType;
use crate::ledger::report::aging::AgingReport;
use crate::ledger::report::cost_centres::CostCentreReport;
use crate::ledger::report::open_items::OpenItemsReport;
use crate::ledger::report::partners::PartnerStatement;
use crate::ledger::report::vat_return::{PAYABLE_BOX, VatReturn};
use crate::ledger::tax::Kennzahl;
use crate::ledger::types::Side;
use rust_decimal::Decimal;

const VAT_HEADER_DE: [&str; 5] = [
    "Kennzahl Bemessungsgrundlage",
    "Bemessungsgrundlage",
    "Kennzahl Steuer",
    "Steuer",
    "Steuerkennzeichen",
];
const VAT_HEADER_EN: [&str; 5] = ["Base box", "Tax base", "Tax box", "Tax", "Tax codes"];

const COST_HEADER_DE: [&str; 5] = ["Dimension", "Kostenstelle", "Konto", "Art", "Betrag"];
const COST_HEADER_EN: [&str; 5] = ["Dimension", "Centre", "Account", "Type", "Amount"];

fn kz(k: Option<Kennzahl>) -> Cell {
    k.map_or(Cell::Empty, |k| Cell::text(k.to_string()))
}

/// One row per form line, then Kz 83; amounts with `decimals` (the local
/// currency's). A cell is empty where the form line has no such amount:
/// the base of a tax-only line (Kz 66, 61, 67), the tax of a tax-free one
/// (Kz 41, 43, 48) — as on the screen.
pub fn vat_return_csv(report: &VatReturn, decimals: u32, dialect: Dialect) -> String {
    let amount = |shown: bool, value| {
        if shown {
            Cell::Amount(value, decimals)
        } else {
            Cell::Empty
        }
    };
    let mut w = CsvWriter::new(dialect);
    w.header(match dialect {
        Dialect::German => &VAT_HEADER_DE,
        Dialect::English => &VAT_HEADER_EN,
    });
    for r in &report.rows {
        w.row(&[
            kz(r.base_box),
            amount(r.base_box.is_some(), r.base_lc),
            kz(r.tax_box),
            amount(r.has_tax, r.tax_lc),
            Cell::text(r.codes.join(" ")),
        ]);
    }
    w.row(&[
        Cell::Empty,
        Cell::Empty,
        kz(Some(PAYABLE_BOX)),
        Cell::Amount(report.payable_lc, decimals),
        Cell::Empty,
    ]);
    w.finish()
}

/// One row per dimension, centre and account; amounts with `decimals`.
pub fn cost_centre_csv(report: &CostCentreReport, decimals: u32, dialect: Dialect) -> String {
    let (header, revenue, expense) = match dialect {
        Dialect::German => (&COST_HEADER_DE, "Erlös", "Aufwand"),
        Dialect::English => (&COST_HEADER_EN, "Revenue", "Expense"),
    };
    let mut w = CsvWriter::new(dialect);
    w.header(header);
    for row in &report.rows {
        for a in &row.accounts {
            w.row(&[
                Cell::text(row.dimension.to_string()),
                row.centre.as_ref().map_or(Cell::Empty, Cell::text),
                Cell::text(a.account.to_string()),
                Cell::text(match a.account_type {
                    AccountType::Revenue => revenue,
                    _ => expense,
                }),
                Cell::Amount(a.amount_lc, decimals),
            ]);
        }
    }
    w.finish()
}

const OPEN_HEADER_DE: [&str; 11] = [
    "Partner",
    "Name",
    "Referenz",
    "Belegdatum",
    "Fällig",
    "Tage überfällig",
    "Betrag",
    "Offen",
    "Währung",
    "Betrag FW",
    "Offen FW",
];
const OPEN_HEADER_EN: [&str; 11] = [
    "Partner",
    "Name",
    "Reference",
    "Document date",
    "Due",
    "Days overdue",
    "Amount",
    "Open",
    "Currency",
    "Amount FC",
    "Open FC",
];

/// One row per open item, then the total; amounts debit positive with
/// `decimals` (FC amounts with the same decimals as shown).
pub fn open_items_csv(report: &OpenItemsReport<'_>, decimals: u32, dialect: Dialect) -> String {
    let mut w = CsvWriter::new(dialect);
    w.header(match dialect {
        Dialect::German => &OPEN_HEADER_DE,
        Dialect::English => &OPEN_HEADER_EN,
    });
    for r in &report.rows {
        let (currency, fc, open_fc) = match r.fc {
            Some((c, a, o)) => (
                Cell::text(c.as_str()),
                Cell::Amount(a, decimals),
                Cell::Amount(o, decimals),
            ),
            None => (Cell::Empty, Cell::Empty, Cell::Empty),
        };
        w.row(&[
            Cell::text(r.partner.code.as_str()),
            Cell::text(r.partner.name.as_str()),
            Cell::text(r.reference),
            Cell::Date(r.document_date),
            Cell::Date(r.due_date),
            Cell::text(r.days_overdue.max(0).to_string()),
            Cell::Amount(r.amount_lc, decimals),
            Cell::Amount(r.open_lc, decimals),
            currency,
            fc,
            open_fc,
        ]);
    }
    let total = match dialect {
        Dialect::German => "Summe",
        Dialect::English => "Total",
    };
    let mut last = vec![Cell::text(total)];
    last.extend((0..6).map(|_| Cell::Empty));
    last.push(Cell::Amount(report.open_lc, decimals));
    last.extend((0..3).map(|_| Cell::Empty));
    w.row(&last);
    w.finish()
}

/// The column titles of the aging buckets: not due, one per bound
/// ("1–30"), and over the last ("über 90" / "over 90").
pub fn aging_bucket_titles(bounds: &[u32], dialect: Dialect) -> Vec<String> {
    let (not_due, over) = match dialect {
        Dialect::German => ("nicht fällig", "über"),
        Dialect::English => ("not due", "over"),
    };
    let mut titles = vec![not_due.to_string()];
    let mut from = 1;
    for b in bounds {
        titles.push(format!("{from}–{b}"));
        from = b + 1;
    }
    titles.push(format!("{over} {}", bounds.last().copied().unwrap_or(0)));
    titles
}

/// One row per partner, the total, then the check: each control
/// account's balance, their total and the difference.
pub fn aging_csv(report: &AgingReport<'_>, decimals: u32, dialect: Dialect) -> String {
    let (partner, name, total, control, difference) = match dialect {
        Dialect::German => ("Partner", "Name", "Summe", "Sammelkonto", "Differenz"),
        Dialect::English => ("Partner", "Name", "Total", "Control account", "Difference"),
    };
    let buckets = aging_bucket_titles(&report.bounds, dialect);
    let mut header = vec![partner, name];
    header.extend(buckets.iter().map(String::as_str));
    header.push(total);
    let mut w = CsvWriter::new(dialect);
    w.header(&header);
    let amounts = |a: &crate::ledger::report::aging::AgingAmounts| {
        let mut cells = vec![Cell::Amount(a.not_due, decimals)];
        cells.extend(a.overdue.iter().map(|v| Cell::Amount(*v, decimals)));
        cells.push(Cell::Amount(a.total, decimals));
        cells
    };
    for r in &report.rows {
        let mut cells = vec![
            Cell::text(r.partner.code.as_str()),
            Cell::text(r.partner.name.as_str()),
        ];
        cells.extend(amounts(&r.amounts));
        w.row(&cells);
    }
    let mut cells = vec![Cell::text(total), Cell::Empty];
    cells.extend(amounts(&report.totals));
    w.row(&cells);
    let blank = header.len() - 3;
    let mut check = |label: String, value: Decimal| {
        let mut cells = vec![Cell::text(label), Cell::Empty];
        cells.extend((0..blank).map(|_| Cell::Empty));
        cells.push(Cell::Amount(value, decimals));
        w.row(&cells);
    };
    for (account, balance) in &report.control_accounts {
        check(format!("{control} {account}"), *balance);
    }
    check(difference.to_string(), report.difference);
    w.finish()
}

const STATEMENT_HEADER_DE: [&str; 7] = [
    "Buchungsdatum",
    "Belegdatum",
    "Referenz",
    "Text",
    "Soll",
    "Haben",
    "Saldo",
];
const STATEMENT_HEADER_EN: [&str; 7] = [
    "Posting date",
    "Document date",
    "Reference",
    "Text",
    "Debit",
    "Credit",
    "Balance",
];

/// The opening balance, one row per line with its running balance, the
/// closing balance; balances debit positive.
pub fn partner_statement_csv(st: &PartnerStatement, decimals: u32, dialect: Dialect) -> String {
    let (opening, closing) = match dialect {
        Dialect::German => ("Anfangssaldo", "Endsaldo"),
        Dialect::English => ("Opening balance", "Closing balance"),
    };
    let mut w = CsvWriter::new(dialect);
    w.header(match dialect {
        Dialect::German => &STATEMENT_HEADER_DE,
        Dialect::English => &STATEMENT_HEADER_EN,
    });
    let balance_row = |w: &mut CsvWriter, date, label: &str, value| {
        w.row(&[
            Cell::Date(date),
            Cell::Empty,
            Cell::Empty,
            Cell::text(label),
            Cell::Empty,
            Cell::Empty,
            Cell::Amount(value, decimals),
        ]);
    };
    balance_row(&mut w, st.from, opening, st.opening_lc);
    for l in &st.lines {
        let amount = Cell::Amount(l.amount_lc, decimals);
        let (debit, credit) = match l.side {
            Side::Debit => (amount, Cell::Empty),
            Side::Credit => (Cell::Empty, amount),
        };
        w.row(&[
            Cell::Date(l.posting_date),
            Cell::Date(l.document_date),
            Cell::text(l.reference.as_str()),
            Cell::text(l.memo.as_str()),
            debit,
            credit,
            Cell::Amount(l.balance_lc, decimals),
        ]);
    }
    balance_row(&mut w, st.to, closing, st.closing_lc);
    w.finish()
}
