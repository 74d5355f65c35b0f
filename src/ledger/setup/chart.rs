//! Chart-of-accounts templates (Kontenrahmen): SKR03, SKR04 and a small
//! generic chart, kept as data files in `templates/` (written by us from
//! publicly known account numbers and names) and embedded in the binary.
//! A template yields accounts and default G/L account determination.
//!
//! File format, one record per line: `number;kind;type;flags;parent;name_de;name_en`
//! with kind `T` (title) or `P` (postable), type `A L E R X` (asset,
//! liability, equity, revenue, expense), flags `C` (control account) or `-`.
//! `@key=account` lines set determination defaults; `%` lines define the
//! default tax codes (format in `tax::code::parse_template_line` and in the
//! templates' comments); `#` starts a comment.

use crate::ledger::gl::{
    Account, AccountCurrency, AccountType, ChartTemplate, DeterminationKey, GlDetermination,
    GlError,
};
use crate::ledger::tax::{TaxCode, code::parse_template_line};
use crate::ledger::types::AccountNo;

const SKR03: &str = include_str!("templates/skr03.txt");
const SKR04: &str = include_str!("templates/skr04.txt");
const GENERIC: &str = include_str!("templates/generic.txt");

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// In file order: every parent comes before its children.
    pub accounts: Vec<Account>,
    pub determination: GlDetermination,
    /// Default tax codes (Steuerkennzeichen) in file order.
    pub tax_codes: Vec<TaxCode>,
}

/// The text of a template.
pub fn text(template: ChartTemplate) -> &'static str {
    match template {
        ChartTemplate::Skr03 => SKR03,
        ChartTemplate::Skr04 => SKR04,
        ChartTemplate::Generic => GENERIC,
    }
}

/// The accounts, determination and tax codes of a template.
pub fn load(template: ChartTemplate) -> Result<Chart, GlError> {
    parse(text(template))
}

/// Parses a template; the error names the 1-based line that is malformed.
pub fn parse(text: &str) -> Result<Chart, GlError> {
    let mut chart = Chart {
        accounts: Vec::new(),
        determination: GlDetermination::default(),
        tax_codes: Vec::new(),
    };
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let bad = || GlError::ChartTemplate { line: i + 1 };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(setting) = line.strip_prefix('@') {
            let (key, account) = setting.split_once('=').ok_or_else(bad)?;
            let key = determination_key(key).ok_or_else(bad)?;
            let account = AccountNo::parse(account).map_err(|_| bad())?;
            chart.determination.set(key, Some(account));
            continue;
        }
        if let Some(definition) = line.strip_prefix('%') {
            chart
                .tax_codes
                .push(parse_template_line(definition).ok_or_else(bad)?);
            continue;
        }
        let fields: Vec<&str> = line.split(';').collect();
        let [number, kind, kind_type, flags, parent, name_de, name_en] = fields[..] else {
            return Err(bad());
        };
        let account_type = match kind_type {
            "A" => AccountType::Asset,
            "L" => AccountType::Liability,
            "E" => AccountType::Equity,
            "R" => AccountType::Revenue,
            "X" => AccountType::Expense,
            _ => return Err(bad()),
        };
        let postable = match kind {
            "T" => false,
            "P" => true,
            _ => return Err(bad()),
        };
        let control = match flags {
            "C" => true,
            "-" => false,
            _ => return Err(bad()),
        };
        let parent = match parent {
            "" => None,
            p => Some(AccountNo::parse(p).map_err(|_| bad())?),
        };
        chart.accounts.push(Account {
            number: AccountNo::parse(number).map_err(|_| bad())?,
            name_de: name_de.to_string(),
            name_en: name_en.to_string(),
            account_type,
            postable,
            parent,
            control,
            currency: AccountCurrency::Local,
            active: true,
        });
    }
    Ok(chart)
}

fn determination_key(text: &str) -> Option<DeterminationKey> {
    Some(match text {
        "rounding" => DeterminationKey::Rounding,
        "opening_balance" => DeterminationKey::OpeningBalance,
        "retained_earnings" => DeterminationKey::RetainedEarnings,
        "fx_gain" => DeterminationKey::FxGain,
        "fx_loss" => DeterminationKey::FxLoss,
        "vat_input" => DeterminationKey::VatInput,
        "vat_output" => DeterminationKey::VatOutput,
        "receivables" => DeterminationKey::Receivables,
        "payables" => DeterminationKey::Payables,
        "bank_fees" => DeterminationKey::BankFees,
        "cash_discount" => DeterminationKey::CashDiscount,
        _ => return None,
    })
}
