//! The VAT index (Umsatzsteuer-Index): per tax code and period, the base,
//! output-tax and input-tax sums and the lines behind them, kept current
//! as entries are posted, so the VAT return reads `codes × periods`
//! buckets and never scans the journal. Codes no longer (or never)
//! defined keep their buckets, from old logs.

use crate::ledger::types::{Line, LineRef, TaxPart};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Sums of one tax code in one period and the lines behind them.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VatBucket {
    /// Base lines, debit positive.
    pub base_debit_lc: Decimal,
    /// Output-tax lines, credit positive.
    pub output_tax_lc: Decimal,
    /// Input-tax lines, debit positive.
    pub input_tax_lc: Decimal,
    pub base_lines: Vec<LineRef>,
    pub output_lines: Vec<LineRef>,
    pub input_lines: Vec<LineRef>,
}

impl VatBucket {
    fn add_sums(&mut self, other: &VatBucket) {
        self.base_debit_lc += other.base_debit_lc;
        self.output_tax_lc += other.output_tax_lc;
        self.input_tax_lc += other.input_tax_lc;
        self.base_lines.extend_from_slice(&other.base_lines);
        self.output_lines.extend_from_slice(&other.output_lines);
        self.input_lines.extend_from_slice(&other.input_lines);
    }
}

/// Per tax code (also codes no longer or never defined, from old logs),
/// per global period index, a bucket.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VatIndex {
    by_code: BTreeMap<String, BTreeMap<usize, VatBucket>>,
}

impl VatIndex {
    /// Adds a line that has a tax code (base) or is a tax line.
    pub(crate) fn add(&mut self, period: usize, line: &Line, at: LineRef) {
        let code = match (line.tax(), line.tax_code()) {
            (Some(t), _) => t.code.as_str(),
            (None, Some(c)) => c,
            (None, None) => return,
        };
        let periods = match self.by_code.get_mut(code) {
            Some(p) => p,
            None => self.by_code.entry(code.to_string()).or_default(),
        };
        let bucket = periods.entry(period).or_default();
        let signed = line.signed_lc();
        match line.tax().map(|t| t.part) {
            Some(TaxPart::Output) => {
                bucket.output_tax_lc -= signed;
                bucket.output_lines.push(at);
            }
            Some(TaxPart::Input) => {
                bucket.input_tax_lc += signed;
                bucket.input_lines.push(at);
            }
            None => {
                bucket.base_debit_lc += signed;
                bucket.base_lines.push(at);
            }
        }
    }

    /// The sums of `code` over periods `start..=end` (global indexes).
    pub fn sums(&self, code: &str, start: usize, end: usize) -> VatBucket {
        let mut total = VatBucket::default();
        if let Some(periods) = self.by_code.get(code) {
            periods
                .range(start..=end)
                .for_each(|(_, b)| total.add_sums(b));
        }
        total
    }

    /// Codes that occur on posted lines, in code order.
    pub fn codes(&self) -> impl Iterator<Item = &str> + '_ {
        self.by_code.keys().map(String::as_str)
    }
}
