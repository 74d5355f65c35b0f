//! Commands and events of cost accounting: dimensions, centres,
//! distribution rules, the centre requirement.

use crate::ledger::costing::master::{CentreRequirement, CostCentre, Dimension, DistributionRule};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostingCommand {
    /// Defines or renames a cost-accounting dimension (1..=5).
    DefineDimension {
        dimension: Dimension,
    },
    CreateCostCentre {
        centre: CostCentre,
    },
    UpdateCostCentre {
        centre: CostCentre,
    },
    CreateDistributionRule {
        rule: DistributionRule,
    },
    /// Replaces a rule; lines posted before keep their recorded split.
    UpdateDistributionRule {
        rule: DistributionRule,
    },
    /// Which accounts need a centre in dimension 1.
    SetCentreRequirement {
        requirement: CentreRequirement,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostingEvent {
    DimensionDefined { dimension: Dimension },
    CostCentreCreated { centre: CostCentre },
    CostCentreUpdated { centre: CostCentre },
    DistributionRuleCreated { rule: DistributionRule },
    DistributionRuleUpdated { rule: DistributionRule },
    CentreRequirementSet { requirement: CentreRequirement },
}
