//! VAT return figures (Umsatzsteuer-Voranmeldung, UStVA) for a month or
//! quarter: each Kennzahl with its base (Bemessungsgrundlage) and tax, the
//! payable or refundable total (Kz 83) and, per figure, the lines that fed
//! it (drill-down).
//!
//! The Book keeps an index per tax code and period (`VatIndex`): base,
//! output tax and input tax sums and the lines behind them, so the report
//! reads `codes × periods` buckets and never scans the journal. Reversals
//! are ordinary entries with mirrored sides, so they subtract in the
//! period they are posted in.
//!
//! Signs: the base of an output code and output tax are counted credit
//! positive (a sale is positive, a credit note negative); the base of an
//! input code and input tax debit positive. Kz 83 = output tax − input
//! tax: positive is payable (Zahllast), negative refundable (Überschuss).
//! The tax shown next to a base is the sum of the posted tax lines (tax
//! rounded per line), not base × rate; ELSTER wants bases in whole euros
//! (`base_whole_lc`, cents dropped) and taxes with cents.
//!
//! Kennzahlen of the SKR03/SKR04 default codes (form 2025/2026):
//! U19 → 81, U7 → 86 (base; the form computes their tax), U0 → 43
//! (tax-free with input deduction, e.g. export), UFO → 48 (tax-free
//! without), IGL → 41 (intra-EU supply), V19/V7 → 66 (input tax), IGE19 →
//! 89 (base and output tax) and 61 (input tax), RC19 (§ 13b Abs. 1, EU
//! services) → 46 base, 47 tax, 67 input tax, RCB19 (§ 13b Abs. 2, e.g.
//! construction) → 84 base, 85 tax, 67 input tax. The mapping is data on
//! each code and read when the report runs.

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::report::period_range;
use crate::ledger::tax::{Kennzahl, TaxDirection};
use crate::ledger::types::{LineRef, PeriodRef};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The Kennzahl the form's bottom line carries.
pub const PAYABLE_BOX: Kennzahl = Kennzahl(83);

/// Kennzahlen in the order of the form, for sorting rows.
const FORM_ORDER: [u8; 35] = [
    41, 44, 49, 43, 48, 81, 86, 87, 35, 36, 77, 76, 80, 91, 89, 93, 90, 95, 98, 94, 96, 42, 60, 21,
    45, 46, 47, 73, 74, 78, 79, 84, 85, 65, 66,
];
const FORM_ORDER_INPUT: [u8; 7] = [61, 62, 67, 63, 64, 59, 69];

fn form_position(k: Kennzahl) -> usize {
    FORM_ORDER
        .iter()
        .chain(FORM_ORDER_INPUT.iter())
        .position(|&n| n == k.0)
        .unwrap_or(100 + usize::from(k.0))
}

/// One line of the form: a base Kennzahl and/or a tax Kennzahl.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VatReturnRow {
    pub base_box: Option<Kennzahl>,
    pub tax_box: Option<Kennzahl>,
    pub base_lc: Decimal,
    pub tax_lc: Decimal,
    /// The form line has a tax amount: it has a tax Kennzahl (47, 66, …)
    /// or its base is taxed and the form computes the tax in the column
    /// beside it (81, 86, 89). False for tax-free lines (41, 43, 48).
    pub has_tax: bool,
    /// Tax codes that fed the row.
    pub codes: Vec<String>,
    /// The posted lines behind the figures (drill-down), in posting order.
    pub lines: Vec<LineRef>,
}

impl VatReturnRow {
    /// The base as ELSTER takes it: whole euros, cents dropped.
    pub fn base_whole_lc(&self) -> Decimal {
        self.base_lc.trunc()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VatReturn {
    pub from: PeriodRef,
    pub to: PeriodRef,
    /// In the order of the form.
    pub rows: Vec<VatReturnRow>,
    /// All output tax (Umsatzsteuer), credit positive.
    pub output_tax_lc: Decimal,
    /// All input tax (Vorsteuer), debit positive.
    pub input_tax_lc: Decimal,
    /// Kz 83: positive payable (Zahllast), negative refundable.
    pub payable_lc: Decimal,
    /// Codes on posted lines the Book does not define (lines from before
    /// tax codes existed); their tax lines still count in the totals.
    pub unknown_codes: Vec<String>,
}

type RowKey = (usize, Option<Kennzahl>, Option<Kennzahl>);

fn row_key(base_box: Option<Kennzahl>, tax_box: Option<Kennzahl>) -> RowKey {
    let first = base_box.or(tax_box).map_or(usize::MAX, form_position);
    (first, base_box, tax_box)
}

fn add_row(
    rows: &mut BTreeMap<RowKey, VatReturnRow>,
    boxes: (Option<Kennzahl>, Option<Kennzahl>),
    taxed: bool,
    code: &str,
    base_lc: Decimal,
    tax_lc: Decimal,
    lines: &[&[LineRef]],
) {
    if lines.iter().all(|l| l.is_empty()) {
        return;
    }
    let row = rows
        .entry(row_key(boxes.0, boxes.1))
        .or_insert_with(|| VatReturnRow {
            base_box: boxes.0,
            tax_box: boxes.1,
            base_lc: Decimal::ZERO,
            tax_lc: Decimal::ZERO,
            has_tax: boxes.1.is_some(),
            codes: Vec::new(),
            lines: Vec::new(),
        });
    row.base_lc += base_lc;
    row.tax_lc += tax_lc;
    row.has_tax |= taxed;
    if !row.codes.iter().any(|c| c == code) {
        row.codes.push(code.to_string());
    }
    lines.iter().for_each(|l| row.lines.extend_from_slice(l));
}

/// The UStVA figures of periods `from..=to` (e.g. one month, or the three
/// months of a quarter).
pub fn vat_return(book: &Book, from: PeriodRef, to: PeriodRef) -> Result<VatReturn, DomainError> {
    let (start, end) = period_range(book, from, to)?;
    let mut report = VatReturn {
        from,
        to,
        rows: Vec::new(),
        output_tax_lc: Decimal::ZERO,
        input_tax_lc: Decimal::ZERO,
        payable_lc: Decimal::ZERO,
        unknown_codes: Vec::new(),
    };
    if start > end {
        return Ok(report);
    }
    let index = book.vat_index();
    let mut rows = BTreeMap::new();
    for code in index.codes() {
        let sums = index.sums(code, start, end);
        report.output_tax_lc += sums.output_tax_lc;
        report.input_tax_lc += sums.input_tax_lc;
        let Some(def) = book.tax_code(code) else {
            report.unknown_codes.push(code.to_string());
            continue;
        };
        let base_lc = match def.direction {
            TaxDirection::Output => -sums.base_debit_lc,
            TaxDirection::Input => sums.base_debit_lc,
        };
        if def.base_box.is_some() || def.output_tax_box.is_some() {
            add_row(
                &mut rows,
                (def.base_box, def.output_tax_box),
                def.kind.taxed(),
                code,
                base_lc,
                sums.output_tax_lc,
                &[&sums.base_lines, &sums.output_lines],
            );
        }
        if def.input_tax_box.is_some() {
            add_row(
                &mut rows,
                (None, def.input_tax_box),
                true,
                code,
                Decimal::ZERO,
                sums.input_tax_lc,
                &[&sums.input_lines],
            );
        }
    }
    report.rows = rows
        .into_values()
        .map(|mut row| {
            row.lines.sort();
            row
        })
        .collect();
    report.payable_lc = report.output_tax_lc - report.input_tax_lc;
    Ok(report)
}
