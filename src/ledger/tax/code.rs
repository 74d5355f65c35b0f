//! Tax codes (Steuerkennzeichen): what a line's tax code means for the
//! posting and for the VAT return (Umsatzsteuer-Voranmeldung, UStVA).
//!
//! A tax code has a kind, a direction and a rate history:
//! - *standard* / *reduced* (Regelsteuersatz / ermäßigter Steuersatz):
//!   output codes (Umsatzsteuer) post the tax to the output-tax account,
//!   input codes (Vorsteuer) to the input-tax account, on the side of the
//!   line they are computed from (a credit note reverses both);
//! - *tax-free* (steuerfrei) and *intra-EU supply* (innergemeinschaftliche
//!   Lieferung): no tax line, only the base lands in the return;
//! - *intra-EU acquisition* (innergemeinschaftlicher Erwerb) and *reverse
//!   charge* (Steuerschuldnerschaft des Leistungsempfängers, § 13b UStG):
//!   the buyer owes the tax and may deduct it at once, so one line of
//!   input tax and one of output tax are posted, on opposite sides: they
//!   net to zero, but both appear in the return.
//!
//! The rate is chosen by the posting date from the rate history (the
//! last rate whose `valid_from` is on or before it). Tax is computed per
//! line in local currency (LC) and rounded half away from zero; in gross
//! mode (Bruttoerfassung) the typed amount includes the tax and is split
//! into net and tax, the tax being `gross × rate / (100 + rate)` rounded,
//! the net the rest, so net + tax = gross exactly. The self-assessed kinds
//! have no gross: the supplier's invoice carries no tax, so the typed
//! amount is the net whichever mode the line is in.
//!
//! The UStVA Kennzahlen a code feeds are data on the code: `base_box`
//! receives the net amount (Bemessungsgrundlage), `output_tax_box` the
//! output tax where the form has a field for it (e.g. 47 for § 13b; the
//! tax of Kz 81/86/89 is computed by the form and has none),
//! `input_tax_box` the input tax (66, 61, 67). See `vat_return` for the
//! report and the full mapping of the templates.

use crate::ledger::tax::error::TaxError;
use crate::ledger::types::limits::{
    MAX_KENNZAHL, MAX_TAX_CODE_LEN, MAX_TAX_NAME_LEN, MAX_TAX_RATE_DECIMALS, MAX_TAX_RATES,
    MIN_KENNZAHL,
};
use crate::ledger::types::money::{decimals_used, round};
use crate::ledger::types::{AccountNo, Names, TaxPart, valid_code};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TaxKind {
    /// Regelsteuersatz (19 %).
    Standard,
    /// Ermäßigter Steuersatz (7 %).
    Reduced,
    /// Steuerfrei: no tax line, the base goes to the return.
    TaxFree,
    /// Innergemeinschaftliche Lieferung: tax-free supply to an EU business.
    IntraEuSupply,
    /// Innergemeinschaftlicher Erwerb: input and output tax posted.
    IntraEuAcquisition,
    /// § 13b UStG: the recipient owes the tax; input and output tax posted.
    ReverseCharge13b,
}

impl TaxKind {
    /// Whether the buyer posts both input and output tax.
    pub fn self_assessed(self) -> bool {
        matches!(
            self,
            TaxKind::IntraEuAcquisition | TaxKind::ReverseCharge13b
        )
    }

    /// Whether the code produces tax lines and so needs a rate.
    pub fn taxed(self) -> bool {
        !matches!(self, TaxKind::TaxFree | TaxKind::IntraEuSupply)
    }
}

/// Umsatzsteuer (sales) or Vorsteuer (purchases).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TaxDirection {
    Output,
    Input,
}

/// One entry of a rate history: `percent` applies from `valid_from` until
/// the next entry's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TaxRate {
    pub valid_from: NaiveDate,
    pub percent: Decimal,
}

/// A field number of the UStVA form (Kennzahl, "Kz 81").
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Kennzahl(pub u8);

impl std::fmt::Display for Kennzahl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TaxCode {
    /// 1..=12 letters, digits, `-` or `_`; unique; never changes.
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub kind: TaxKind,
    pub direction: TaxDirection,
    /// Ascending by `valid_from`, no date twice; empty for untaxed kinds.
    pub rates: Vec<TaxRate>,
    /// Umsatzsteuerkonto: output codes and the output side of self-assessed ones.
    pub output_account: Option<AccountNo>,
    /// Vorsteuerkonto: input codes, including the self-assessed ones.
    pub input_account: Option<AccountNo>,
    /// Kennzahl of the net amount (Bemessungsgrundlage).
    pub base_box: Option<Kennzahl>,
    /// Kennzahl of the output tax, where the form has one.
    pub output_tax_box: Option<Kennzahl>,
    /// Kennzahl of the input tax (Vorsteuer).
    pub input_tax_box: Option<Kennzahl>,
    pub active: bool,
}

/// The net and tax of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaxSplit {
    pub net_lc: Decimal,
    pub tax_lc: Decimal,
    pub percent: Decimal,
}

impl TaxCode {
    /// The rate in percent on `date`, or `TaxRateMissing`. Untaxed kinds
    /// have rate 0 on every date.
    pub fn rate_on(&self, date: NaiveDate) -> Result<Decimal, TaxError> {
        if !self.kind.taxed() {
            return Ok(Decimal::ZERO);
        }
        self.rates
            .iter()
            .rev()
            .find(|r| r.valid_from <= date)
            .map(|r| r.percent)
            .ok_or_else(|| TaxError::TaxRateMissing {
                code: self.code.clone(),
                date,
            })
    }

    /// The name in the requested language, falling back to the other.
    pub fn name(&self, german: bool) -> &str {
        self.names().pick(german)
    }

    pub fn names(&self) -> Names<'_> {
        Names {
            de: &self.name_de,
            en: &self.name_en,
        }
    }

    /// Net and tax of `amount_lc` typed on a line dated `date`; `gross`
    /// says the amount includes the tax. Pure; the UI may call it.
    pub fn split(
        &self,
        date: NaiveDate,
        amount_lc: Decimal,
        gross: bool,
        lc_decimals: u32,
    ) -> Result<TaxSplit, TaxError> {
        let percent = self.rate_on(date)?;
        let hundred = Decimal::ONE_HUNDRED;
        let (net_lc, tax_lc) = if gross && !self.kind.self_assessed() {
            let tax = round(amount_lc * percent / (hundred + percent), lc_decimals);
            (amount_lc - tax, tax)
        } else {
            (amount_lc, round(amount_lc * percent / hundred, lc_decimals))
        };
        Ok(TaxSplit {
            net_lc,
            tax_lc,
            percent,
        })
    }

    /// The accounts and sides of the tax lines: `(part, account, same side
    /// as the base line)`. Empty for untaxed kinds.
    pub fn postings(&self) -> Vec<(TaxPart, Option<AccountNo>, bool)> {
        match (self.kind.taxed(), self.kind.self_assessed(), self.direction) {
            (false, _, _) => Vec::new(),
            (true, true, _) => vec![
                (TaxPart::Input, self.input_account, true),
                (TaxPart::Output, self.output_account, false),
            ],
            (true, false, TaxDirection::Output) => {
                vec![(TaxPart::Output, self.output_account, true)]
            }
            (true, false, TaxDirection::Input) => {
                vec![(TaxPart::Input, self.input_account, true)]
            }
        }
    }

    /// Shape checks that need no Book: code, names, rates, the accounts a
    /// kind needs, Kennzahlen in 1..=99.
    pub fn check_shape(&self) -> Result<(), TaxError> {
        let code = || self.code.clone();
        if !valid_code(&self.code, MAX_TAX_CODE_LEN) {
            return Err(TaxError::InvalidTaxCode {
                code: code(),
                max: MAX_TAX_CODE_LEN,
            });
        }
        if !self.names().valid(MAX_TAX_NAME_LEN) {
            return Err(TaxError::TaxCodeName {
                code: code(),
                max: MAX_TAX_NAME_LEN,
            });
        }
        if self.kind.self_assessed() && self.direction != TaxDirection::Input {
            return Err(TaxError::TaxCodeDirection { code: code() });
        }
        if self.rates.len() > MAX_TAX_RATES {
            return Err(TaxError::TaxRatesTooMany {
                code: code(),
                max: MAX_TAX_RATES,
            });
        }
        if self.kind.taxed() && self.rates.is_empty() {
            return Err(TaxError::TaxRatesEmpty { code: code() });
        }
        for (i, rate) in self.rates.iter().enumerate() {
            let in_range = !rate.percent.is_sign_negative()
                && rate.percent <= Decimal::ONE_HUNDRED
                && decimals_used(rate.percent) <= MAX_TAX_RATE_DECIMALS;
            let ascending = i == 0 || self.rates[i - 1].valid_from < rate.valid_from;
            if !in_range || !ascending {
                return Err(TaxError::TaxRateInvalid {
                    code: code(),
                    valid_from: rate.valid_from,
                    max_decimals: MAX_TAX_RATE_DECIMALS,
                });
            }
        }
        for (part, account, _) in self.postings() {
            if account.is_none() {
                return Err(TaxError::TaxAccountMissing { code: code(), part });
            }
        }
        let boxes = [self.base_box, self.output_tax_box, self.input_tax_box];
        if let Some(bad) = boxes
            .into_iter()
            .flatten()
            .find(|k| !(MIN_KENNZAHL..=MAX_KENNZAHL).contains(&k.0))
        {
            return Err(TaxError::InvalidKennzahl {
                code: code(),
                kennzahl: bad.0,
                min: MIN_KENNZAHL,
                max: MAX_KENNZAHL,
            });
        }
        Ok(())
    }
}

/// Parses a template line `code;kind;direction;output_account;input_account;
/// base_box;output_tax_box;input_tax_box;rates;name_de;name_en` (after the
/// leading `%`), rates as `valid_from=percent|…`. `None` when malformed.
pub fn parse_template_line(text: &str) -> Option<TaxCode> {
    let fields: Vec<&str> = text.split(';').collect();
    let [
        code,
        kind,
        direction,
        out_acc,
        in_acc,
        base,
        out_box,
        in_box,
        rates,
        de,
        en,
    ] = fields[..]
    else {
        return None;
    };
    let kind = match kind {
        "standard" => TaxKind::Standard,
        "reduced" => TaxKind::Reduced,
        "tax_free" => TaxKind::TaxFree,
        "intra_eu_supply" => TaxKind::IntraEuSupply,
        "intra_eu_acquisition" => TaxKind::IntraEuAcquisition,
        "reverse_charge_13b" => TaxKind::ReverseCharge13b,
        _ => return None,
    };
    let direction = match direction {
        "output" => TaxDirection::Output,
        "input" => TaxDirection::Input,
        _ => return None,
    };
    let account = |t: &str| -> Option<Option<AccountNo>> {
        match t {
            "" => Some(None),
            t => AccountNo::parse(t).ok().map(Some),
        }
    };
    let kz = |t: &str| -> Option<Option<Kennzahl>> {
        match t {
            "" => Some(None),
            t => t.parse::<u8>().ok().map(|n| Some(Kennzahl(n))),
        }
    };
    let mut history = Vec::new();
    for item in rates.split('|').filter(|r| !r.is_empty()) {
        let (date, percent) = item.split_once('=')?;
        history.push(TaxRate {
            valid_from: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?,
            percent: percent.parse().ok()?,
        });
    }
    let tax_code = TaxCode {
        code: code.to_string(),
        name_de: de.to_string(),
        name_en: en.to_string(),
        kind,
        direction,
        rates: history,
        output_account: account(out_acc)?,
        input_account: account(in_acc)?,
        base_box: kz(base)?,
        output_tax_box: kz(out_box)?,
        input_tax_box: kz(in_box)?,
        active: true,
    };
    tax_code.check_shape().ok()?;
    Some(tax_code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    fn u19() -> Option<TaxCode> {
        parse_template_line(
            "U19;standard;output;1776;;81;;;2007-01-01=19|2020-07-01=16|2021-01-01=19;USt;VAT",
        )
    }

    #[test]
    fn rate_is_chosen_by_posting_date_including_the_2020_cut() {
        let code = u19().expect("template line parses");
        assert_eq!(code.rate_on(d(2020, 6, 30)), Ok(dec!(19)));
        assert_eq!(code.rate_on(d(2020, 7, 1)), Ok(dec!(16)));
        assert_eq!(code.rate_on(d(2020, 12, 31)), Ok(dec!(16)));
        assert_eq!(code.rate_on(d(2021, 1, 1)), Ok(dec!(19)));
        assert!(code.rate_on(d(2006, 12, 31)).is_err());
    }

    #[test]
    fn gross_split_gives_net_plus_tax_equal_to_gross() {
        let code = u19().expect("template line parses");
        let s = code.split(d(2024, 1, 1), dec!(119.00), true, 2);
        assert_eq!(
            s,
            Ok(TaxSplit {
                net_lc: dec!(100.00),
                tax_lc: dec!(19.00),
                percent: dec!(19)
            })
        );
        let s = code.split(d(2024, 1, 1), dec!(10.00), true, 2);
        assert_eq!(
            s.map(|s| (s.net_lc, s.tax_lc)),
            Ok((dec!(8.40), dec!(1.60)))
        );
    }

    #[test]
    fn codes_with_spaces_or_too_long_are_invalid() {
        assert!(valid_code("V19", 12));
        assert!(!valid_code("V 19", 12));
        assert!(!valid_code("", 12));
        assert!(!valid_code("ABCDEFGHIJKLM", 12));
    }
}
