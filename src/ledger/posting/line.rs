//! One typed line as posted (Buchungszeile): its account (or its business
//! partner's control account), side and amount checked, converted to LC
//! and SC, split into net and tax by its tax code (with the tax lines that
//! generates), and split among centres by its distribution rules.
//!
//! A control account (Sammelkonto) is posted to only for a partner: the
//! partner's open items must sum to its balance there, which a line
//! without partner would break.

use crate::ledger::gl::{Account, Gl, GlError, RateTable, Settings, fx::lc_from_fc};
use crate::ledger::journal::JournalError;
use crate::ledger::partners::PartnersError;
use crate::ledger::partners::check::check_control;
use crate::ledger::posting::Context;
use crate::ledger::posting::draft::{FcDraft, LineDraft};
use crate::ledger::tax::{TaxCode, TaxError, TaxSplit};
use crate::ledger::types::limits::MAX_TEXT_LEN;
use crate::ledger::types::money::{MAX_ABS_AMOUNT, decimals_used, round};
use crate::ledger::types::{
    AccountNo, FcAmount, Field, Line, LineExtra, PartnerLine, Side, TaxLine, check_text,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Rates an entry needs, fetched once per entry.
pub(crate) struct Conversion<'a> {
    settings: &'a Settings,
    rates: &'a RateTable,
    date: NaiveDate,
    rate_sc: Option<Decimal>,
}

impl<'a> Conversion<'a> {
    pub fn new(gl: &'a Gl, date: NaiveDate) -> Conversion<'a> {
        Conversion {
            settings: gl.settings(),
            rates: gl.rates(),
            date,
            rate_sc: None,
        }
    }

    pub fn sc_of(&mut self, amount_lc: Decimal, fc: Option<&FcAmount>) -> Result<Decimal, GlError> {
        let s = self.settings;
        if s.sc == s.lc {
            return Ok(amount_lc);
        }
        if let Some(fc) = fc.filter(|f| f.currency == s.sc) {
            return Ok(fc.amount_fc);
        }
        let rate = match self.rate_sc {
            Some(r) => r,
            None => {
                let r = self.rates.rate_on(s.sc, self.date)?;
                self.rate_sc = Some(r);
                r
            }
        };
        Ok(round(amount_lc * rate, s.sc_decimals()))
    }
}

/// Typed line `i` as posted at index `index`, followed by the tax lines its
/// tax code generates.
pub(crate) fn build_typed_line(
    cx: Context<'_>,
    conv: &mut Conversion<'_>,
    i: usize,
    typed: &LineDraft,
    index: usize,
) -> Result<Vec<Line>, JournalError> {
    let (line, tax) = build_line(cx, conv, i, typed)?;
    let mut lines = Vec::with_capacity(3);
    let generated = match tax {
        Some((code, split)) => tax_lines(cx, conv, code, split, &line, index)?,
        None => Vec::new(),
    };
    lines.push(line);
    lines.extend(generated);
    Ok(lines)
}

/// The tax lines of `base` (posted at `index`) under `code`; none when the
/// tax rounds to zero.
fn tax_lines(
    cx: Context<'_>,
    conv: &mut Conversion<'_>,
    code: &TaxCode,
    split: TaxSplit,
    base: &Line,
    index: usize,
) -> Result<Vec<Line>, JournalError> {
    if split.tax_lc.is_zero() {
        return Ok(Vec::new());
    }
    let base_line = u16::try_from(index).map_err(|_| JournalError::TooManyLines {
        count: index,
        max: crate::ledger::types::limits::MAX_LINES,
    })?;
    let mut lines = Vec::with_capacity(2);
    for (part, account, same_side) in code.postings() {
        let number = account.ok_or_else(|| TaxError::TaxAccountMissing {
            code: code.code.clone(),
            part,
        })?;
        let usable = cx
            .gl
            .account(number)
            .is_some_and(|a| a.postable && a.active && a.currency.allows(None));
        if !usable {
            return Err(TaxError::TaxAccountInvalid {
                code: code.code.clone(),
                account: number,
            }
            .into());
        }
        let side = if same_side {
            base.side
        } else {
            base.side.opposite()
        };
        let amount_sc = conv.sc_of(split.tax_lc, None)?;
        let marker = TaxLine {
            code: code.code.clone(),
            part,
            percent: split.percent,
            base_lc: base.amount_lc,
            base_line,
        };
        lines.push(
            Line::new(number, side, split.tax_lc, amount_sc).with_extra(LineExtra {
                tax: Some(Box::new(marker)),
                ..LineExtra::default()
            }),
        );
    }
    Ok(lines)
}

/// A line's tax code and the split of its amount into net and tax.
type CodeSplit<'b> = (&'b TaxCode, TaxSplit);

/// A typed line as posted (net amount) and, when it has a tax code, the
/// code and the split of its amount.
fn build_line<'b>(
    cx: Context<'b>,
    conv: &mut Conversion<'_>,
    i: usize,
    typed: &LineDraft,
) -> Result<(Line, Option<CodeSplit<'b>>), JournalError> {
    let settings = conv.settings;
    let (account, partner) = line_account(cx, i, typed)?;
    let number = account.number;
    let (side, amount) = one_side(i, typed.debit, typed.credit)?;
    if amount > MAX_ABS_AMOUNT {
        return Err(JournalError::AmountTooLarge {
            line: i,
            max: MAX_ABS_AMOUNT,
        });
    }
    check_text(
        &typed.memo,
        Field::LineMemo { line: i },
        MAX_TEXT_LEN,
        false,
    )?;
    let tax_code = line_tax_code(cx, i, typed)?;
    for (dim, value) in typed.dims.iter().enumerate() {
        if let Some(v) = value {
            check_text(v, Field::Dimension { line: i, dim }, MAX_TEXT_LEN, true)?;
        }
    }
    let line_currency = typed.fc.as_ref().map(|f| f.currency);
    if !account.currency.allows(line_currency) {
        return Err(JournalError::CurrencyNotAllowed {
            line: i,
            account: number,
            currency: line_currency.unwrap_or(settings.lc),
        });
    }
    let (amount_lc, fc) = match &typed.fc {
        None => (local_amount(settings, i, amount)?, None),
        Some(f) => foreign_amount(conv, i, f, amount)?,
    };
    let (amount_lc, tax) = match tax_code {
        None => (amount_lc, None),
        Some(code) => {
            let split = code.split(conv.date, amount_lc, typed.gross, settings.lc_decimals())?;
            if split.net_lc.is_zero() {
                return Err(JournalError::LineZero { line: i });
            }
            (split.net_lc, Some((code, split)))
        }
    };
    let shares = cx.costing.resolve(
        i,
        (number, account.account_type),
        &typed.dims,
        conv.date,
        amount_lc,
        settings.lc_decimals(),
    )?;
    let amount_sc = conv.sc_of(amount_lc, fc.as_ref())?;
    let mut line = Line::new(number, side, amount_lc, amount_sc).with_extra(LineExtra {
        fc: fc.map(Box::new),
        tax_code: typed.tax_code.as_deref().map(Box::from),
        dims: LineExtra::dims(typed.dims.clone()),
        tax: None,
        shares: shares.into_boxed_slice(),
        partner: partner.map(Box::new),
    });
    line.memo = typed.memo.clone();
    Ok((line, tax))
}

/// The account of typed line `i` and its partner: the partner's control
/// account for a partner line (a typed account must be that one), else
/// the typed account, which must not be a control account.
fn line_account<'b>(
    cx: Context<'b>,
    i: usize,
    typed: &LineDraft,
) -> Result<(&'b Account, Option<PartnerLine>), JournalError> {
    let Some(code) = typed.partner else {
        if typed.due_date.is_some() {
            return Err(PartnersError::DueDateWithoutPartner { line: i }.into());
        }
        let account = postable_account(cx.gl, i, typed.account)?;
        if account.control {
            return Err(PartnersError::ControlAccountNeedsPartner {
                line: i,
                account: account.number,
            }
            .into());
        }
        return Ok((account, None));
    };
    let partner = cx
        .partners
        .partner(code)
        .ok_or(PartnersError::PartnerUnknown {
            line: Some(i),
            code,
        })?;
    if !partner.active {
        return Err(PartnersError::PartnerInactive { line: i, code }.into());
    }
    let control = partner.control_account.or(typed.account);
    if let (Some(typed), Some(control)) = (typed.account, control)
        && typed != control
    {
        return Err(PartnersError::PartnerAccountMismatch {
            line: i,
            code,
            account: typed,
            control,
        }
        .into());
    }
    let currency = typed.fc.as_ref().map(|f| f.currency);
    if !partner.currency.allows(currency) {
        return Err(PartnersError::PartnerCurrency {
            line: i,
            code,
            currency: currency.unwrap_or(cx.gl.settings().lc),
        }
        .into());
    }
    let account = postable_account(cx.gl, i, control)?;
    // The account must still be a control account of the partner's kind
    // and currencies: an account changed after the partner was created
    // (its type, say) would put the partner's items beside the control
    // accounts the open-items reports and the aging check line add up.
    check_control(cx.gl, partner, account.number)?;
    let due_date = typed.due_date;
    Ok((
        account,
        Some(PartnerLine {
            partner: code,
            due_date,
        }),
    ))
}

/// The account of typed line `i`: named, existing, postable, active.
fn postable_account(
    gl: &Gl,
    i: usize,
    number: Option<AccountNo>,
) -> Result<&Account, JournalError> {
    let Some(number) = number else {
        return Err(JournalError::AccountMissing { line: i });
    };
    let account = gl.account(number).ok_or(JournalError::AccountNotFound {
        line: i,
        account: number,
    })?;
    if !account.postable {
        return Err(JournalError::AccountNotPostable {
            line: i,
            account: number,
        });
    }
    if !account.active {
        return Err(JournalError::AccountInactive {
            line: i,
            account: number,
        });
    }
    Ok(account)
}

/// The active tax code typed on line `i`, if any.
fn line_tax_code<'b>(
    cx: Context<'b>,
    i: usize,
    typed: &LineDraft,
) -> Result<Option<&'b TaxCode>, JournalError> {
    let Some(code) = &typed.tax_code else {
        return Ok(None);
    };
    check_text(code, Field::TaxCode { line: i }, MAX_TEXT_LEN, true)?;
    let found = cx.tax.code(code).ok_or_else(|| TaxError::TaxCodeUnknown {
        line: Some(i),
        code: code.clone(),
    })?;
    if !found.active {
        return Err(TaxError::TaxCodeInactive {
            line: i,
            code: code.clone(),
        }
        .into());
    }
    if typed.gross && typed.fc.is_some() {
        return Err(TaxError::GrossForeignCurrency { line: i }.into());
    }
    Ok(Some(found))
}

/// A typed LC amount, within the LC decimals.
fn local_amount(settings: &Settings, i: usize, amount: Decimal) -> Result<Decimal, JournalError> {
    if decimals_used(amount) > settings.lc_decimals() {
        return Err(JournalError::TooManyDecimals {
            line: i,
            max: settings.lc_decimals(),
        });
    }
    Ok(amount)
}

/// A typed FC amount converted to LC at the typed or the table's rate.
fn foreign_amount(
    conv: &Conversion<'_>,
    i: usize,
    f: &FcDraft,
    amount: Decimal,
) -> Result<(Decimal, Option<FcAmount>), JournalError> {
    let settings = conv.settings;
    if f.currency == settings.lc {
        return Err(JournalError::ForeignIsLocal {
            line: i,
            currency: f.currency,
        });
    }
    if decimals_used(amount) > f.currency.decimals() {
        return Err(JournalError::TooManyDecimals {
            line: i,
            max: f.currency.decimals(),
        });
    }
    let rate = match f.rate_fc_per_lc {
        Some(r) => {
            RateTable::check_rate(f.currency, r)?;
            r
        }
        None => conv.rates.rate_on(f.currency, conv.date)?,
    };
    let amount_lc = lc_from_fc(amount, rate, settings.lc_decimals());
    if amount_lc.is_zero() {
        return Err(JournalError::LineZero { line: i });
    }
    let fc = FcAmount {
        currency: f.currency,
        amount_fc: amount,
        rate_fc_per_lc: rate,
    };
    Ok((amount_lc, Some(fc)))
}

/// The side and (positive) amount of a typed line.
fn one_side(i: usize, debit: Decimal, credit: Decimal) -> Result<(Side, Decimal), JournalError> {
    if debit.is_sign_negative() && !debit.is_zero()
        || credit.is_sign_negative() && !credit.is_zero()
    {
        return Err(JournalError::LineNegative { line: i });
    }
    match (debit.is_zero(), credit.is_zero()) {
        (false, false) => Err(JournalError::LineTwoSided { line: i }),
        (true, true) => Err(JournalError::LineZero { line: i }),
        (false, true) => Ok((Side::Debit, debit)),
        (true, false) => Ok((Side::Credit, credit)),
    }
}
