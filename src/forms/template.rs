//! Posting templates in the entry grid and standing postings as grid
//! lines: `fill` turns a template and a typed amount into grid lines (the
//! engine's exact split, debit side; a line with a tax code is gross, as
//! the amount typed is what the document says), `line_forms` turns an
//! engine draft back into grid lines for editing, `percent_sum` is the
//! template form's live sum.

use rust_decimal::Decimal;

use crate::formats::amount::{AmountError, NumberStyle, format_amount, parse_amount};
use crate::forms::entry::LineForm;
use crate::ledger::posting::EntryDraft;
use crate::ledger::recurring::PostingTemplate;
use crate::ledger::recurring::template::split;

/// The template's lines for `amount_text` (in `style`, `decimals`
/// places): one debit line per template line, the shares summing exactly
/// to the amount.
pub fn fill(
    template: &PostingTemplate,
    amount_text: &str,
    style: NumberStyle,
    decimals: u32,
) -> Result<Vec<LineForm>, AmountError> {
    let amount = parse_amount(amount_text, style, decimals)?;
    let shares = split(template, amount.abs(), decimals);
    let negative = amount < Decimal::ZERO;
    Ok(template
        .lines
        .iter()
        .zip(shares)
        .map(|(l, share)| {
            let text = format_amount(share, decimals, style);
            let (debit, credit) = if negative {
                (String::new(), text)
            } else {
                (text, String::new())
            };
            LineForm {
                account: l.account.as_str().to_string(),
                debit,
                credit,
                memo: l.memo.clone(),
                tax_code: l.tax_code.clone().unwrap_or_default(),
                gross: l.tax_code.is_some(),
                dim1: l.dims[0].clone().unwrap_or_default(),
                ..LineForm::default()
            }
        })
        .collect())
}

/// An engine draft as grid lines (account or partner code, amounts in
/// `style`).
pub fn line_forms(draft: &EntryDraft, style: NumberStyle, decimals: u32) -> Vec<LineForm> {
    let amount = |d: Decimal| {
        if d.is_zero() {
            String::new()
        } else {
            format_amount(d, decimals.max(d.scale()), style)
        }
    };
    draft
        .lines
        .iter()
        .map(|l| LineForm {
            account: match (l.partner, l.account) {
                (Some(p), _) => p.as_str().to_string(),
                (None, Some(a)) => a.as_str().to_string(),
                (None, None) => String::new(),
            },
            debit: amount(l.debit),
            credit: amount(l.credit),
            currency: l
                .fc
                .as_ref()
                .map(|fc| fc.currency.as_str().to_string())
                .unwrap_or_default(),
            rate: l
                .fc
                .as_ref()
                .and_then(|fc| fc.rate_fc_per_lc)
                .map(|r| crate::formats::amount::format_number(r, style))
                .unwrap_or_default(),
            memo: l.memo.clone(),
            tax_code: l.tax_code.clone().unwrap_or_default(),
            gross: l.gross,
            dim1: l.dims[0].clone().unwrap_or_default(),
        })
        .collect()
}

/// The sum of the typed percents that read (`None` while one does not).
pub fn percent_sum(texts: &[String], style: NumberStyle) -> Option<Decimal> {
    texts
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| parse_amount(t, style, 2).ok())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::recurring::TemplateLine;
    use crate::ledger::types::AccountNo;
    use rust_decimal_macros::dec;

    fn kfz() -> PostingTemplate {
        let line = |a: &str, p| TemplateLine {
            account: AccountNo::parse(a).unwrap_or_else(|_| unreachable!()),
            percent: p,
            tax_code: None,
            dims: Default::default(),
            memo: String::new(),
        };
        PostingTemplate {
            code: "KFZ".into(),
            name: "Kfz".into(),
            lines: vec![line("4530", dec!(70)), line("4500", dec!(30))],
        }
    }

    #[test]
    fn fill_splits_the_typed_amount_into_debit_lines() {
        let lines = fill(&kfz(), "1.000,00", NumberStyle::German, 2).unwrap_or_default();
        let got: Vec<(&str, &str)> = lines
            .iter()
            .map(|l| (l.account.as_str(), l.debit.as_str()))
            .collect();
        assert_eq!(got, vec![("4530", "700,00"), ("4500", "300,00")]);
        let lines = fill(&kfz(), "0.01", NumberStyle::English, 2).unwrap_or_default();
        assert_eq!(lines[0].debit, "0.01");
        assert_eq!(lines[1].debit, "0.00");
        assert!(fill(&kfz(), "abc", NumberStyle::English, 2).is_err());
    }

    #[test]
    fn percent_sum_reads_typed_shares() {
        let texts = vec!["70".to_string(), "20,5".to_string(), String::new()];
        assert_eq!(percent_sum(&texts, NumberStyle::German), Some(dec!(90.5)));
        assert_eq!(percent_sum(&["x".to_string()], NumberStyle::German), None);
    }
}
