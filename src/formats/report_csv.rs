//! Reports as CSV (Berichte als CSV): the VAT return and the cost-centre
//! report written with the one CSV writer (`csv`), so every export has the
//! same dialects, decimals and formula guard. Headings follow the dialect:
//! German headings with the German dialect, English with the English one.

use crate::formats::csv::{Cell, CsvWriter, Dialect};
use crate::ledger::gl::AccountType;
use crate::ledger::report::cost_centres::CostCentreReport;
use crate::ledger::report::vat_return::PAYABLE_BOX;
use crate::ledger::report::vat_return::VatReturn;
use crate::ledger::tax::Kennzahl;

fn kz(k: Option<Kennzahl>) -> Cell {
    k.map_or(Cell::Empty, |k| Cell::text(k.to_string()))
}

/// One row per form line, then Kz 83; amounts with `decimals` places. The
/// base column is empty where the form line has no base Kennzahl (Kz 66,
/// 61, 67 are tax only).
pub fn vat_return_csv(report: &VatReturn, dialect: Dialect, decimals: u32) -> String {
    let mut w = CsvWriter::new(dialect);
    w.header(match dialect {
        Dialect::German => &[
            "Kennzahl Bemessungsgrundlage",
            "Bemessungsgrundlage",
            "Kennzahl Steuer",
            "Steuer",
            "Steuerkennzeichen",
        ],
        Dialect::English => &["Base box", "Tax base", "Tax box", "Tax", "Tax codes"],
    });
    for r in &report.rows {
        let base = match r.base_box {
            Some(_) => Cell::Amount(r.base_lc, decimals),
            None => Cell::Empty,
        };
        w.row(&[
            kz(r.base_box),
            base,
            kz(r.tax_box),
            Cell::Amount(r.tax_lc, decimals),
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

/// One row per dimension, centre and account; amounts with `decimals`
/// places; the unassigned part has an empty centre.
pub fn cost_centre_csv(report: &CostCentreReport, dialect: Dialect, decimals: u32) -> String {
    let mut w = CsvWriter::new(dialect);
    let (headings, revenue, expense) = match dialect {
        Dialect::German => (
            ["Dimension", "Kostenstelle", "Konto", "Art", "Betrag"],
            "Erlös",
            "Aufwand",
        ),
        Dialect::English => (
            ["Dimension", "Centre", "Account", "Kind", "Amount"],
            "Revenue",
            "Expense",
        ),
    };
    w.header(&headings);
    for row in &report.rows {
        for a in &row.accounts {
            let kind = match a.account_type {
                AccountType::Revenue => revenue,
                _ => expense,
            };
            w.row(&[
                Cell::text(row.dimension.to_string()),
                row.centre.clone().map_or(Cell::Empty, Cell::Text),
                Cell::text(a.account.to_string()),
                Cell::text(kind),
                Cell::Amount(a.amount_lc, decimals),
            ]);
        }
    }
    w.finish()
}
