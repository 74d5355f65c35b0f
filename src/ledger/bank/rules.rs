//! Posting rules (Buchungsregeln): conditions on a statement line and what
//! such a line is posted to. Written by the user or learned from a
//! corrected proposal; tried in their order, the first that matches wins.

use crate::ledger::types::{AccountNo, PartnerCode};
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextMatch {
    /// Case-insensitive substring.
    Contains(String),
    /// A regular expression (`regex-lite` syntax), case-insensitive.
    Regex(String),
}

/// Money in or out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sign {
    Credit,
    Debit,
}

/// Every set condition must hold; an empty one is not checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Conditions {
    /// Only lines of this house bank (code), when not empty.
    pub house_bank: String,
    /// Counterparty IBAN, electronic form.
    pub iban: String,
    /// Case-insensitive substring of the counterparty name.
    pub name_contains: String,
    pub purpose: Option<TextMatch>,
    /// Bounds of the line's absolute amount, inclusive.
    pub amount_min: Option<Decimal>,
    pub amount_max: Option<Decimal>,
    pub sign: Option<Sign>,
}

/// A part of a G/L split.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Share {
    /// Percent of the line's amount (rounded; the `Rest` part or the last
    /// part takes the cent).
    Percent(Decimal),
    /// A fixed amount.
    Amount(Decimal),
    /// What the other parts leave.
    Rest,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RuleSplit {
    pub account: AccountNo,
    /// Tax code as on an entry line (the amount is gross of it).
    pub tax_code: Option<String>,
    /// Cost centre, when the account wants one.
    pub centre: Option<String>,
    pub share: Share,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RuleAction {
    /// The line is this partner's payment: matched against its open items.
    Partner(PartnerCode),
    /// The line is posted to G/L accounts, split.
    Gl(Vec<RuleSplit>),
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rule {
    /// Assigned on first save (1, 2, 3 …); 0 in a new rule's draft.
    pub id: u32,
    pub name: String,
    pub conditions: Conditions,
    pub action: RuleAction,
    /// Created from a corrected proposal ("always do this").
    pub learned: bool,
}

use crate::ledger::bank::error::{BankError, RuleField};
use crate::ledger::bank::house_bank::HouseBank;
use crate::ledger::bank::statement::BankLine;
use crate::ledger::partners::bank::normalise_iban;
use crate::ledger::posting::Context;
use crate::ledger::types::limits::{DIMENSIONS, MAX_TEXT_LEN};
use crate::ledger::types::money::decimals_used;

/// Bounds on a rule's regular expression: compiled size and nesting, so a
/// pathological pattern is refused rather than slowing every match.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
const REGEX_NEST_LIMIT: u32 = 64;

/// The compiled, case-insensitive form of a rule's regular expression.
pub fn compile_regex(pattern: &str) -> Option<regex_lite::Regex> {
    regex_lite::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(REGEX_NEST_LIMIT)
        .build()
        .ok()
}

/// Lower case, for the case-insensitive comparisons.
fn lower(text: &str) -> String {
    text.to_lowercase()
}

impl Rule {
    /// Refuses a rule without a name or condition, with a bad IBAN or
    /// regular expression, unordered amounts, an unknown partner, or a
    /// split that names an unknown or unpostable account, an unknown tax
    /// code or centre, or does not add up (percents over 100, two `Rest`
    /// parts, an amount not positive). The house bank condition is the
    /// bank ledger's to check (it knows the house banks).
    pub fn check(&self, cx: Context<'_>) -> Result<(), BankError> {
        let invalid = |field| Err(BankError::RuleInvalid { field });
        let name = self.name.trim();
        if name.is_empty() || self.name.chars().count() > MAX_TEXT_LEN {
            return invalid(RuleField::Name);
        }
        self.check_conditions(cx)?;
        match &self.action {
            RuleAction::Partner(code) => {
                if cx.partners.partner(*code).is_none() {
                    return invalid(RuleField::Partner);
                }
                Ok(())
            }
            RuleAction::Gl(splits) => check_splits(cx, splits),
        }
    }

    fn check_conditions(&self, cx: Context<'_>) -> Result<(), BankError> {
        let invalid = |field| Err(BankError::RuleInvalid { field });
        let c = &self.conditions;
        let any = !c.iban.is_empty()
            || !c.name_contains.trim().is_empty()
            || c.purpose.is_some()
            || c.amount_min.is_some()
            || c.amount_max.is_some();
        if !any {
            return invalid(RuleField::Conditions);
        }
        if !c.iban.is_empty() && normalise_iban(&c.iban).as_deref() != Some(c.iban.as_str()) {
            return invalid(RuleField::Iban);
        }
        if c.name_contains.chars().count() > MAX_TEXT_LEN {
            return invalid(RuleField::Name);
        }
        let purpose_ok = match &c.purpose {
            None => true,
            Some(TextMatch::Contains(t)) => {
                !t.trim().is_empty() && t.chars().count() <= MAX_TEXT_LEN
            }
            Some(TextMatch::Regex(r)) => {
                !r.is_empty() && r.chars().count() <= MAX_TEXT_LEN && compile_regex(r).is_some()
            }
        };
        if !purpose_ok {
            return invalid(RuleField::Purpose);
        }
        let decimals = cx.gl.settings().lc_decimals();
        let bad = |a: &Option<Decimal>| {
            a.is_some_and(|a| a.is_sign_negative() || decimals_used(a) > decimals)
        };
        let unordered = matches!((c.amount_min, c.amount_max), (Some(lo), Some(hi)) if lo > hi);
        if bad(&c.amount_min) || bad(&c.amount_max) || unordered {
            return invalid(RuleField::Amount);
        }
        Ok(())
    }

    /// Whether `line` of `house_bank` meets every condition.
    pub fn matches(&self, house_bank: &HouseBank, line: &BankLine) -> bool {
        let regex = match &self.conditions.purpose {
            Some(TextMatch::Regex(r)) => match compile_regex(r) {
                Some(re) => Some(re),
                None => return false,
            },
            _ => None,
        };
        self.matches_with(regex.as_ref(), house_bank, line)
    }

    /// `matches` with the purpose regex compiled already (the matcher
    /// compiles each rule's once); `regex` is ignored for a `Contains`.
    pub fn matches_with(
        &self,
        regex: Option<&regex_lite::Regex>,
        house_bank: &HouseBank,
        line: &BankLine,
    ) -> bool {
        let c = &self.conditions;
        let amount = line.amount.abs();
        let sign = if line.amount.is_sign_negative() {
            Sign::Debit
        } else {
            Sign::Credit
        };
        (c.house_bank.is_empty() || c.house_bank == house_bank.code)
            && (c.iban.is_empty() || c.iban == line.iban)
            && (c.name_contains.trim().is_empty()
                || lower(&line.counterparty).contains(&lower(c.name_contains.trim())))
            && c.amount_min.is_none_or(|lo| amount >= lo)
            && c.amount_max.is_none_or(|hi| amount <= hi)
            && c.sign.is_none_or(|s| s == sign)
            && match &c.purpose {
                None => true,
                Some(TextMatch::Contains(t)) => lower(&line.purpose).contains(&lower(t.trim())),
                Some(TextMatch::Regex(_)) => regex.is_some_and(|re| re.is_match(&line.purpose)),
            }
    }
}

/// Each part: a postable, active G/L account that is no control account,
/// a known tax code and centre, a positive share; percents at most 100,
/// at most one `Rest`; without a `Rest`, either percents that make 100
/// or amounts only (then the rule fits lines of exactly their sum).
fn check_splits(cx: Context<'_>, splits: &[RuleSplit]) -> Result<(), BankError> {
    let invalid = |index| {
        Err(BankError::RuleInvalid {
            field: RuleField::Split { index },
        })
    };
    if splits.is_empty() {
        return invalid(0);
    }
    let decimals = cx.gl.settings().lc_decimals();
    let mut percent = Decimal::ZERO;
    let (mut rests, mut amounts) = (0, 0);
    for (index, s) in splits.iter().enumerate() {
        let account_ok = cx
            .gl
            .account(s.account)
            .is_some_and(|a| a.postable && a.active && !a.control);
        let tax_ok = s.tax_code.as_ref().is_none_or(|c| cx.tax.code(c).is_some());
        let centre_ok = s.centre.as_ref().is_none_or(|c| {
            (1..=DIMENSIONS)
                .any(|d| u8::try_from(d).is_ok_and(|d| cx.costing.centre(d, c).is_some()))
        });
        let share_ok = match s.share {
            Share::Percent(p) => {
                percent += p;
                p > Decimal::ZERO && percent <= Decimal::ONE_HUNDRED
            }
            Share::Amount(a) => {
                amounts += 1;
                a > Decimal::ZERO && decimals_used(a) <= decimals
            }
            Share::Rest => {
                rests += 1;
                rests == 1
            }
        };
        if !(account_ok && tax_ok && centre_ok && share_ok) {
            return invalid(index);
        }
    }
    let complete =
        rests == 1 || (amounts == 0 && percent == Decimal::ONE_HUNDRED) || percent.is_zero();
    if !complete {
        return invalid(splits.len() - 1);
    }
    Ok(())
}
