//! Chart-of-accounts templates (Kontenrahmen): the complete SKR03 and SKR04
//! (generated from Odoo's `l10n_de` data by `tools/chart_convert.py`, see
//! `templates/README.md` for source and licence) and a small generic chart,
//! kept as data files in `templates/` and embedded in the binary. A
//! template yields accounts and default G/L account determination.
//!
//! File format, one record per line: `number;kind;type;flags;parent;name_de;name_en`
//! with kind `T` (title) or `P` (postable), type `A L E R X` (asset,
//! liability, equity, revenue, expense), flags `C` (control account), `AM`
//! or `AV` (DATEV automatic account with output or input VAT, see
//! [`datev_automatic`]) or `-`.
//! `@key=account` lines set determination defaults; `&key=value` lines
//! the payment settings (`payment_setting`); `%` lines define the
//! default tax codes (format in `tax::code::parse_template_line` and in the
//! templates' comments); `#` starts a comment.
//!
//! A title's type is the type of every account under it (a title over
//! assets and liabilities would put the liabilities under an "asset"
//! heading), so where an SKR class mixes types, the template has one
//! title per type ("0 Anlagevermögen", "08 Kapital und Rücklagen", …).
//! [`parse`] refuses a template that breaks this. Templates shape new
//! companies only: a stored company keeps the accounts it was set up with.

use crate::ledger::gl::{
    Account, AccountCurrency, AccountType, ChartTemplate, DeterminationKey, GlDetermination,
    GlError,
};
use crate::ledger::payments::PaymentSettings;
use crate::ledger::tax::{TaxCode, code::parse_template_line};
use crate::ledger::types::AccountNo;
use crate::ledger::types::money::decimals_used;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::OnceLock;

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
    /// Default payment settings (cash-discount accounts per tax code …).
    pub payments: PaymentSettings,
    /// DATEV automatic accounts (flags `AM`, `AV`): the VAT on them is
    /// computed by DATEV from the account alone.
    pub automatic: BTreeMap<AccountNo, AutomaticVat>,
}

/// The mark DATEV's chart puts on an automatic account (Automatikkonto):
/// postings to it carry their VAT by the account, without a tax key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AutomaticVat {
    /// `AM`: automatic output VAT (revenue accounts such as 8400/4400).
    Output,
    /// `AV`: automatic input VAT (purchase accounts such as 3400/5400).
    Input,
}

/// Whether `account` is a DATEV automatic account in the standard chart
/// `template`. By number, as DATEV reads it, so it holds for a company
/// set up on an older, smaller template too (the standard charts of
/// Kontor only ever grew).
pub fn datev_automatic(template: ChartTemplate, account: AccountNo) -> Option<AutomaticVat> {
    static MARKS: OnceLock<[BTreeMap<AccountNo, AutomaticVat>; 3]> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        let marks_of = |t| load(t).map(|c| c.automatic).unwrap_or_default();
        [
            marks_of(ChartTemplate::Skr03),
            marks_of(ChartTemplate::Skr04),
            marks_of(ChartTemplate::Generic),
        ]
    });
    marks[template_index(template)].get(&account).copied()
}

/// Whether `account` is one of template `template`'s accounts (parsed
/// once). An account that is not was created by the company itself.
pub fn in_template(template: ChartTemplate, account: AccountNo) -> bool {
    static NUMBERS: OnceLock<[std::collections::BTreeSet<AccountNo>; 3]> = OnceLock::new();
    let numbers = NUMBERS.get_or_init(|| {
        let of = |t| {
            load(t)
                .map(|c| c.accounts.iter().map(|a| a.number).collect())
                .unwrap_or_default()
        };
        [
            of(ChartTemplate::Skr03),
            of(ChartTemplate::Skr04),
            of(ChartTemplate::Generic),
        ]
    });
    numbers[template_index(template)].contains(&account)
}

fn template_index(template: ChartTemplate) -> usize {
    match template {
        ChartTemplate::Skr03 => 0,
        ChartTemplate::Skr04 => 1,
        ChartTemplate::Generic => 2,
    }
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
        payments: PaymentSettings::default(),
        automatic: BTreeMap::new(),
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
        if let Some(setting) = line.strip_prefix('&') {
            let (key, value) = setting.split_once('=').ok_or_else(bad)?;
            payment_setting(&mut chart.payments, key, value).ok_or_else(bad)?;
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
        let (control, automatic) = match flags {
            "C" => (true, None),
            "AM" => (false, Some(AutomaticVat::Output)),
            "AV" => (false, Some(AutomaticVat::Input)),
            "-" => (false, None),
            _ => return Err(bad()),
        };
        let parent = match parent {
            "" => None,
            p => Some(AccountNo::parse(p).map_err(|_| bad())?),
        };
        let parent_type = parent.and_then(|p| {
            chart
                .accounts
                .iter()
                .find(|a| a.number == p)
                .map(|a| a.account_type)
        });
        if parent_type.is_some_and(|t| t != account_type) {
            return Err(bad());
        }
        let number = AccountNo::parse(number).map_err(|_| bad())?;
        if let Some(mark) = automatic {
            chart.automatic.insert(number, mark);
        }
        chart.accounts.push(Account {
            number,
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

/// Sets one payment setting from a template line; `None` if the key or
/// value is not one.
fn payment_setting(settings: &mut PaymentSettings, key: &str, value: &str) -> Option<()> {
    let account = || AccountNo::parse(value).ok();
    match key {
        "tolerance" => {
            let amount: Decimal = value.parse().ok()?;
            (amount >= Decimal::ZERO && decimals_used(amount) <= 2).then_some(())?;
            settings.tolerance_lc = amount;
        }
        "discount_granted" => settings.discount_granted = Some(account()?),
        "discount_received" => settings.discount_received = Some(account()?),
        "checks" => settings.checks_account = Some(account()?),
        "card" => settings.card_account = Some(account()?),
        "write_off" => settings.write_off_account = Some(account()?),
        _ => {
            let code = key.strip_prefix("discount.")?;
            settings
                .discount_accounts
                .insert(code.to_string(), account()?);
        }
    }
    Some(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const TEMPLATES: [ChartTemplate; 3] = [
        ChartTemplate::Skr03,
        ChartTemplate::Skr04,
        ChartTemplate::Generic,
    ];

    /// Walks every account's ancestors from the raw lines, independently
    /// of `parse`'s own check.
    #[test]
    fn every_title_carries_the_type_of_every_account_under_it() {
        for template in TEMPLATES {
            let mut by_number: BTreeMap<&str, (&str, &str, &str)> = BTreeMap::new();
            for line in text(template).lines().map(str::trim) {
                if line.is_empty() || line.starts_with(['#', '@', '%', '&']) {
                    continue;
                }
                let f: Vec<&str> = line.split(';').collect();
                by_number.insert(f[0], (f[1], f[2], f[4]));
            }
            let mut misfits = Vec::new();
            for (number, (_, account_type, parent)) in &by_number {
                let mut parent = *parent;
                while let Some((kind, title_type, grand)) = by_number.get(parent) {
                    assert_eq!(*kind, "T", "{template:?}: parent {parent} is not a title");
                    if title_type != account_type {
                        misfits.push(format!(
                            "{parent} ({title_type}) over {number} ({account_type})"
                        ));
                    }
                    parent = grand;
                }
            }
            assert!(misfits.is_empty(), "{template:?}: {misfits:?}");
        }
    }

    #[test]
    fn a_template_whose_title_does_not_fit_a_child_is_refused() {
        let text = "1;T;A;-;;Vermögen;Assets\n1600;P;L;-;1;Verbindlichkeiten;Payables\n";
        assert_eq!(parse(text), Err(GlError::ChartTemplate { line: 2 }));
    }

    #[test]
    fn every_template_loads_with_every_parent_a_title_before_its_children() {
        for template in TEMPLATES {
            let chart = load(template).unwrap();
            for (i, account) in chart.accounts.iter().enumerate() {
                if let Some(p) = account.parent {
                    let parent = chart.accounts[..i].iter().find(|a| a.number == p);
                    assert!(
                        parent.is_some_and(|a| !a.postable),
                        "{template:?} {}",
                        account.number
                    );
                }
            }
        }
    }
}
