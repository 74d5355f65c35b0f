//! Cost accounting (Kostenrechnung): up to five dimensions
//! (Dimensionen, e.g. 1 = Kostenstelle, 2 = Kostenträger, 3 = Projekt),
//! each with its cost/profit centres and distribution rules
//! (`master`), the split of a line by a rule (`split`), and the index the
//! cost-centre report reads (`centre_index`). It depends on the general
//! ledger for account types.

pub mod centre_index;
pub mod command;
pub mod error;
pub mod master;
pub mod split;

pub use centre_index::{CentreAmounts, CentreIndex};
pub use command::{CostingCommand, CostingEvent};
pub use error::CostingError;
pub use master::{
    CentreRequirement, CostCentre, DimValue, Dimension, DistributionBasis, DistributionRule,
    RuleShare,
};
pub use split::check_shares;

use crate::ledger::gl::{AccountType, Gl};
use crate::ledger::types::limits::{
    DIMENSIONS, MAX_CENTRE_CODE_LEN, MAX_CENTRES_PER_DIMENSION, MAX_COSTING_NAME_LEN,
    MAX_REQUIRED_ACCOUNTS, MAX_RULE_SHARES, MAX_SHARE_DECIMALS,
};
use crate::ledger::types::money::decimals_used;
use crate::ledger::types::{AccountNo, CentreShare, Names, PostedEntry, valid_code};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The highest dimension number.
pub const DIMENSION_COUNT: u8 = {
    assert!(DIMENSIONS <= u8::MAX as usize);
    DIMENSIONS as u8
};

/// The array slot of dimension `number` (1..=DIMENSIONS).
pub fn dimension_slot(number: u8) -> Option<usize> {
    let n = usize::from(number);
    (1..=DIMENSIONS).contains(&n).then(|| n - 1)
}

/// The dimension number of array slot `slot` (0-based).
pub fn dimension_number(slot: usize) -> u8 {
    assert!(slot < DIMENSIONS, "dimension slot {slot} out of range");
    // Fits: DIMENSIONS fits a u8 (DIMENSION_COUNT).
    slot as u8 + 1
}

/// Master data of cost accounting and the centre index.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Costing {
    dimensions: [Option<Dimension>; DIMENSIONS],
    centres: [BTreeMap<String, CostCentre>; DIMENSIONS],
    rules: [BTreeMap<String, DistributionRule>; DIMENSIONS],
    requirement: CentreRequirement,
    index: CentreIndex,
}

/// The parts of a centre or rule that the shared checks look at.
struct Coded<'a> {
    dimension: u8,
    code: &'a str,
    names: Names<'a>,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
}

impl Costing {
    /// The event `cmd` would append, or why not. Pure.
    pub fn check(&self, gl: &Gl, cmd: &CostingCommand) -> Result<CostingEvent, CostingError> {
        Ok(match cmd {
            CostingCommand::DefineDimension { dimension } => {
                self.check_dimension(dimension)?;
                CostingEvent::DimensionDefined {
                    dimension: dimension.clone(),
                }
            }
            CostingCommand::CreateCostCentre { centre } => {
                self.check_centre(centre, true)?;
                CostingEvent::CostCentreCreated {
                    centre: centre.clone(),
                }
            }
            CostingCommand::UpdateCostCentre { centre } => {
                self.check_centre(centre, false)?;
                CostingEvent::CostCentreUpdated {
                    centre: centre.clone(),
                }
            }
            CostingCommand::CreateDistributionRule { rule } => {
                self.check_rule(rule, true)?;
                CostingEvent::DistributionRuleCreated { rule: rule.clone() }
            }
            CostingCommand::UpdateDistributionRule { rule } => {
                self.check_rule(rule, false)?;
                CostingEvent::DistributionRuleUpdated { rule: rule.clone() }
            }
            CostingCommand::SetCentreRequirement { requirement } => {
                check_requirement(gl, requirement)?;
                CostingEvent::CentreRequirementSet {
                    requirement: requirement.clone(),
                }
            }
        })
    }

    /// Folds one event in, re-checking it; on error nothing changes.
    pub fn apply(&mut self, gl: &Gl, event: &CostingEvent) -> Result<(), CostingError> {
        match event {
            CostingEvent::DimensionDefined { dimension: d } => {
                self.check_dimension(d)?;
                let s = self.slot_of(d.number)?;
                self.dimensions[s] = Some(d.clone());
            }
            CostingEvent::CostCentreCreated { centre: c }
            | CostingEvent::CostCentreUpdated { centre: c } => {
                self.check_centre(c, matches!(event, CostingEvent::CostCentreCreated { .. }))?;
                let s = self.slot_of(c.dimension)?;
                self.centres[s].insert(c.code.clone(), c.clone());
            }
            CostingEvent::DistributionRuleCreated { rule: r }
            | CostingEvent::DistributionRuleUpdated { rule: r } => {
                self.check_rule(
                    r,
                    matches!(event, CostingEvent::DistributionRuleCreated { .. }),
                )?;
                let s = self.slot_of(r.dimension)?;
                self.rules[s].insert(r.code.clone(), r.clone());
            }
            CostingEvent::CentreRequirementSet { requirement } => {
                check_requirement(gl, requirement)?;
                self.requirement = requirement.clone();
            }
        }
        Ok(())
    }

    /// Indexes the P&L lines of a posted entry that carry centres.
    pub(crate) fn on_entry_posted(&mut self, gl: &Gl, entry: &PostedEntry, period: usize) {
        for line in &entry.lines {
            // Most lines carry no centre: ask that first, the account
            // lookup (a map search) only for those that do.
            let centred = !line.shares().is_empty() || line.has_dims();
            if centred
                && gl
                    .account(line.account)
                    .is_some_and(|a| a.account_type.is_profit_and_loss())
            {
                self.index.add(period, line);
            }
        }
    }

    // ----- queries -----

    pub fn dimension(&self, number: u8) -> Option<&Dimension> {
        self.dimensions.get(dimension_slot(number)?)?.as_ref()
    }

    /// Defined dimensions in number order.
    pub fn dimensions(&self) -> impl Iterator<Item = &Dimension> + '_ {
        self.dimensions.iter().flatten()
    }

    pub fn centre(&self, dimension: u8, code: &str) -> Option<&CostCentre> {
        self.centres.get(dimension_slot(dimension)?)?.get(code)
    }

    /// Centres of a dimension in code order.
    pub fn centres(&self, dimension: u8) -> impl Iterator<Item = &CostCentre> + '_ {
        dimension_slot(dimension)
            .and_then(|s| self.centres.get(s))
            .into_iter()
            .flat_map(|m| m.values())
    }

    pub fn rule(&self, dimension: u8, code: &str) -> Option<&DistributionRule> {
        self.rules.get(dimension_slot(dimension)?)?.get(code)
    }

    /// Rules of a dimension in code order.
    pub fn rules(&self, dimension: u8) -> impl Iterator<Item = &DistributionRule> + '_ {
        dimension_slot(dimension)
            .and_then(|s| self.rules.get(s))
            .into_iter()
            .flat_map(|m| m.values())
    }

    pub fn requirement(&self) -> &CentreRequirement {
        &self.requirement
    }

    /// Amounts per dimension, centre, period and P&L account.
    pub fn centre_index(&self) -> &CentreIndex {
        &self.index
    }

    /// What `code` names in `dimension`, if anything.
    pub fn lookup(&self, dimension: u8, code: &str) -> Option<DimValue<'_>> {
        if let Some(c) = self.centre(dimension, code) {
            return Some(DimValue::Centre(c));
        }
        self.rule(dimension, code).map(DimValue::Rule)
    }

    // ----- checks (shared by commands and events) -----

    fn slot_of(&self, dimension: u8) -> Result<usize, CostingError> {
        dimension_slot(dimension).ok_or(CostingError::DimensionInvalid {
            dimension,
            max: DIMENSIONS,
        })
    }

    fn check_dimension(&self, d: &Dimension) -> Result<(), CostingError> {
        self.slot_of(d.number)?;
        let names = Names {
            de: &d.name_de,
            en: &d.name_en,
        };
        if !names.valid(MAX_COSTING_NAME_LEN) {
            return Err(CostingError::CostingName {
                dimension: d.number,
                code: String::new(),
                max: MAX_COSTING_NAME_LEN,
            });
        }
        Ok(())
    }

    /// The checks centres and rules share: the dimension is defined, the
    /// code is well-formed and free (new) or known (update) in the one
    /// namespace of centres and rules, the dimension has room, the names
    /// and the validity dates are sound. `mine` is the map of the kind
    /// being checked. Returns the dimension's slot.
    fn check_coded(
        &self,
        item: Coded<'_>,
        new: bool,
        mine: impl Fn(usize) -> bool,
    ) -> Result<usize, CostingError> {
        let dimension = item.dimension;
        let s = self.slot_of(dimension)?;
        if self.dimensions[s].is_none() {
            return Err(CostingError::DimensionUndefined {
                line: None,
                dimension,
            });
        }
        let code = || item.code.to_string();
        if !valid_code(item.code, MAX_CENTRE_CODE_LEN) {
            return Err(CostingError::InvalidCentreCode {
                dimension,
                code: code(),
                max: MAX_CENTRE_CODE_LEN,
            });
        }
        let taken =
            self.centres[s].contains_key(item.code) || self.rules[s].contains_key(item.code);
        if new && taken {
            return Err(CostingError::CentreCodeTaken {
                dimension,
                code: code(),
            });
        }
        if !new && !mine(s) {
            return Err(CostingError::CentreUnknown {
                line: None,
                dimension,
                code: code(),
            });
        }
        if new && self.centres[s].len() + self.rules[s].len() >= MAX_CENTRES_PER_DIMENSION {
            return Err(CostingError::TooManyCentres {
                dimension,
                max: MAX_CENTRES_PER_DIMENSION,
            });
        }
        if !item.names.valid(MAX_COSTING_NAME_LEN) {
            return Err(CostingError::CostingName {
                dimension,
                code: code(),
                max: MAX_COSTING_NAME_LEN,
            });
        }
        if let (Some(f), Some(t)) = (item.valid_from, item.valid_to)
            && f > t
        {
            return Err(CostingError::ValidityReversed {
                dimension,
                code: code(),
            });
        }
        Ok(s)
    }

    fn check_centre(&self, c: &CostCentre, new: bool) -> Result<(), CostingError> {
        let item = Coded {
            dimension: c.dimension,
            code: &c.code,
            names: Names {
                de: &c.name_de,
                en: &c.name_en,
            },
            valid_from: c.valid_from,
            valid_to: c.valid_to,
        };
        self.check_coded(item, new, |s| self.centres[s].contains_key(&c.code))?;
        Ok(())
    }

    fn check_rule(&self, r: &DistributionRule, new: bool) -> Result<(), CostingError> {
        let item = Coded {
            dimension: r.dimension,
            code: &r.code,
            names: Names {
                de: &r.name_de,
                en: &r.name_en,
            },
            valid_from: r.valid_from,
            valid_to: r.valid_to,
        };
        let s = self.check_coded(item, new, |s| self.rules[s].contains_key(&r.code))?;
        self.check_rule_shares(r, s)
    }

    fn check_rule_shares(&self, r: &DistributionRule, s: usize) -> Result<(), CostingError> {
        let code = || r.code.clone();
        if r.shares.is_empty() || r.shares.len() > MAX_RULE_SHARES {
            return Err(CostingError::RuleShareCount {
                rule: code(),
                max: MAX_RULE_SHARES,
            });
        }
        for (i, share) in r.shares.iter().enumerate() {
            if !self.centres[s].contains_key(&share.centre) {
                return Err(CostingError::CentreUnknown {
                    line: None,
                    dimension: r.dimension,
                    code: share.centre.clone(),
                });
            }
            if r.shares[..i].iter().any(|o| o.centre == share.centre) {
                return Err(CostingError::RuleCentreTwice {
                    rule: code(),
                    centre: share.centre.clone(),
                });
            }
            if share.value <= Decimal::ZERO || decimals_used(share.value) > MAX_SHARE_DECIMALS {
                return Err(CostingError::RuleShareInvalid {
                    rule: code(),
                    centre: share.centre.clone(),
                    max_decimals: MAX_SHARE_DECIMALS,
                });
            }
        }
        let sum: Decimal = r.shares.iter().map(|s| s.value).sum();
        if r.basis == DistributionBasis::Percent && sum != Decimal::ONE_HUNDRED {
            return Err(CostingError::DistributionNotHundred { rule: code(), sum });
        }
        Ok(())
    }

    /// Checks the dimension values of typed line `line` on `account`
    /// posted on `date` and returns the shares of the rules among them.
    pub fn resolve(
        &self,
        line: usize,
        account: (AccountNo, AccountType),
        dims: &[Option<String>; DIMENSIONS],
        date: NaiveDate,
        amount_lc: Decimal,
        decimals: u32,
    ) -> Result<Vec<CentreShare>, CostingError> {
        if dims[0].is_none() && self.requirement.requires(account.0, account.1) {
            return Err(CostingError::CentreRequired {
                line,
                account: account.0,
            });
        }
        let mut shares = Vec::new();
        for (s, value) in dims.iter().enumerate() {
            let Some(code) = value else { continue };
            let dimension = dimension_number(s);
            self.check_usable_dimension(line, s)?;
            let unusable = || CostingError::CentreNotUsable {
                line,
                dimension,
                code: code.clone(),
                date,
            };
            match self.lookup(dimension, code) {
                None => {
                    return Err(CostingError::CentreUnknown {
                        line: Some(line),
                        dimension,
                        code: code.clone(),
                    });
                }
                Some(DimValue::Centre(c)) if !c.active || !c.valid_on(date) => {
                    return Err(unusable());
                }
                Some(DimValue::Centre(_)) => {}
                Some(DimValue::Rule(r)) if !r.active || !r.valid_on(date) => {
                    return Err(unusable());
                }
                Some(DimValue::Rule(r)) => {
                    shares.extend(r.split(amount_lc, decimals).into_iter().map(
                        |(centre, amount_lc)| CentreShare {
                            dimension,
                            centre,
                            amount_lc,
                        },
                    ));
                }
            }
        }
        Ok(shares)
    }

    fn check_usable_dimension(&self, line: usize, s: usize) -> Result<(), CostingError> {
        let dimension = dimension_number(s);
        match self.dimensions[s].as_ref() {
            None => Err(CostingError::DimensionUndefined {
                line: Some(line),
                dimension,
            }),
            Some(d) if !d.active => Err(CostingError::DimensionInactive { line, dimension }),
            Some(_) => Ok(()),
        }
    }
}

fn check_requirement(gl: &Gl, requirement: &CentreRequirement) -> Result<(), CostingError> {
    if requirement.accounts.len() > MAX_REQUIRED_ACCOUNTS {
        return Err(CostingError::TooManyRequiredAccounts {
            max: MAX_REQUIRED_ACCOUNTS,
        });
    }
    for account in &requirement.accounts {
        if gl.account(*account).is_none() {
            return Err(crate::ledger::gl::GlError::UnknownAccount { account: *account }.into());
        }
    }
    Ok(())
}
