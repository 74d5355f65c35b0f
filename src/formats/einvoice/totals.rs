//! The EN 16931 sums (BR-CO rules), recomputed from the invoice's own
//! figures. A mismatch is data: the screen shows it with both numbers.

use super::{AllowanceCharge, Invoice, VatBreakdown};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Which sum disagrees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "rule")]
pub enum Rule {
    /// BR-CO-10: BT-106 line sum = Σ BT-131 line net amounts.
    LineSum,
    /// BR-CO-11: BT-107 = Σ document allowances.
    Allowances,
    /// BR-CO-12: BT-108 = Σ document charges.
    Charges,
    /// BR-CO-13: BT-109 net = line sum − allowances + charges.
    Net,
    /// BR-CO-18 ff.: BT-116 base of a category/rate = lines + charges −
    /// allowances of it.
    VatBase {
        category: String,
        rate: Option<Decimal>,
    },
    /// BR-CO-17: BT-117 = BT-116 × rate / 100, rounded half away from zero
    /// to 2 decimals.
    VatTax {
        category: String,
        rate: Option<Decimal>,
    },
    /// BR-CO-14: BT-110 total tax = Σ BT-117.
    TaxTotal,
    /// BR-CO-15: BT-112 gross = net + tax.
    Gross,
    /// BR-CO-16: BT-115 payable = gross − prepaid + rounding.
    Payable,
}

/// One disagreement: what the file says and what its own figures give.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    #[serde(flatten)]
    pub rule: Rule,
    /// The value written in the invoice.
    pub stated: Decimal,
    /// The value the rule computes from the invoice's other figures.
    pub computed: Decimal,
}

/// `amount` rounded to 2 decimals, half away from zero (EN 16931).
pub fn round2(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The tax of `base` at `rate` percent, as BR-CO-17 computes it.
pub fn tax_of(base: Decimal, rate: Option<Decimal>) -> Decimal {
    match rate {
        Some(rate) => round2(base * rate / Decimal::ONE_HUNDRED),
        None => Decimal::ZERO,
    }
}

/// Whether a line or allowance/charge of `category`/`rate` belongs to a
/// breakdown entry (an absent rate counts as 0, so `O` without a rate and
/// `E` at 0 both match).
fn same_group(category: &str, rate: Option<Decimal>, b: &VatBreakdown) -> bool {
    category == b.category && rate.unwrap_or(Decimal::ZERO) == b.rate.unwrap_or(Decimal::ZERO)
}

/// Every sum of `invoice` that does not add up; empty when all do. The
/// stated figures are compared exactly (they are written with at most two
/// decimals; a computed tax is rounded first).
pub fn check(invoice: &Invoice) -> Vec<Mismatch> {
    let t = &invoice.totals;
    let mut out = Vec::new();
    let mut compare = |rule: Rule, stated: Decimal, computed: Decimal| {
        if stated != computed {
            out.push(Mismatch {
                rule,
                stated,
                computed,
            });
        }
    };
    let line_sum: Decimal = invoice.lines.iter().map(|l| l.net_amount).sum();
    compare(Rule::LineSum, t.line_sum, line_sum);
    let (charges, allowances): (Vec<&AllowanceCharge>, Vec<&AllowanceCharge>) =
        invoice.allowances_charges.iter().partition(|a| a.charge);
    let allowance_sum: Decimal = allowances.iter().map(|a| a.amount).sum();
    let charge_sum: Decimal = charges.iter().map(|a| a.amount).sum();
    compare(Rule::Allowances, t.allowances, allowance_sum);
    compare(Rule::Charges, t.charges, charge_sum);
    compare(Rule::Net, t.net, t.line_sum - t.allowances + t.charges);
    for b in &invoice.vat_breakdown {
        let lines: Decimal = invoice
            .lines
            .iter()
            .filter(|l| same_group(&l.vat_category, l.vat_rate, b))
            .map(|l| l.net_amount)
            .sum();
        let document: Decimal = invoice
            .allowances_charges
            .iter()
            .filter(|a| same_group(a.vat_category.as_deref().unwrap_or(""), a.vat_rate, b))
            .map(|a| if a.charge { a.amount } else { -a.amount })
            .sum();
        compare(
            Rule::VatBase {
                category: b.category.clone(),
                rate: b.rate,
            },
            b.base,
            lines + document,
        );
        compare(
            Rule::VatTax {
                category: b.category.clone(),
                rate: b.rate,
            },
            b.tax,
            tax_of(b.base, b.rate),
        );
    }
    let tax_sum: Decimal = invoice.vat_breakdown.iter().map(|b| b.tax).sum();
    compare(Rule::TaxTotal, t.tax, tax_sum);
    compare(Rule::Gross, t.gross, t.net + t.tax);
    compare(Rule::Payable, t.payable, t.gross - t.prepaid + t.rounding);
    out
}

/// The totals per VAT rate as the invoice states them (for the posting
/// proposal and `kontor-cli einvoice`): category, rate, base, tax.
pub fn per_rate(invoice: &Invoice) -> Vec<&VatBreakdown> {
    invoice.vat_breakdown.iter().collect()
}
