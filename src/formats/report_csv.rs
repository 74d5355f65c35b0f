//! The VAT return (UStVA) and the cost-centre report as CSV files, written
//! with `formats::csv` so every amount carries the currency's decimals
//! (`800,00`, never `800` or `800,0`) and user text is formula-guarded.
//! The engine's reports stay pure data; this is where they meet a format.
//!
//! The German dialect writes German headings and words, the English
//! dialect English ones: the UI picks the dialect by its language.

use crate::formats::csv::{Cell, CsvWriter, Dialect};
use crate::ledger::gl::AccountType;
use crate::ledger::report::cost_centres::CostCentreReport;
use crate::ledger::report::vat_return::{PAYABLE_BOX, VatReturn};
use crate::ledger::tax::Kennzahl;

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
