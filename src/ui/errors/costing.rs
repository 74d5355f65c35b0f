//! Sentences for cost-accounting refusals. Exhaustive: a new
//! variant does not compile until it has its German and English sentence.
//! Lines are counted from 1 here (the engine counts from 0).

use super::{number, pick};
use crate::ledger::costing::CostingError;
use crate::ui::i18n::Lang;

pub fn costing_error(e: &CostingError, lang: Lang) -> String {
    let (de, en): (String, String) = match e {
        CostingError::Input(e) => return super::input_error(e, lang),
        CostingError::Gl(e) => return super::gl_error(e, lang),
        CostingError::DimensionInvalid { dimension, max } => (
            format!("Die Dimension {dimension} liegt nicht zwischen 1 und {max}."),
            format!("Dimension {dimension} is not between 1 and {max}."),
        ),
        CostingError::DimensionUndefined { line, dimension } => match line.map(|l| l + 1) {
            Some(l) => (
                format!("Zeile {l}: die Dimension {dimension} ist nicht angelegt."),
                format!("Line {l}: dimension {dimension} is not defined."),
            ),
            None => (
                format!("Die Dimension {dimension} ist nicht angelegt."),
                format!("Dimension {dimension} is not defined."),
            ),
        },
        CostingError::DimensionInactive { line, dimension } => {
            let line = line + 1;
            (
                format!("Zeile {line}: die Dimension {dimension} ist inaktiv."),
                format!("Line {line}: dimension {dimension} is inactive."),
            )
        }
        CostingError::InvalidCentreCode {
            dimension,
            code,
            max,
        } => (
            format!(
                "„{code}“ ist kein gültiger Kostenstellen- oder Regelcode in Dimension {dimension} (1 bis {max} Buchstaben, Ziffern, - oder _)."
            ),
            format!(
                "“{code}” is not a valid centre or rule code in dimension {dimension} (1 to {max} letters, digits, - or _)."
            ),
        ),
        CostingError::CentreCodeTaken { dimension, code } => (
            format!("In Dimension {dimension} gibt es {code} schon."),
            format!("Dimension {dimension} already has {code}."),
        ),
        CostingError::CentreUnknown {
            line,
            dimension,
            code,
        } => match line.map(|l| l + 1) {
            Some(l) => (
                format!(
                    "Zeile {l}: in Dimension {dimension} gibt es keine Kostenstelle oder Regel „{code}“."
                ),
                format!("Line {l}: dimension {dimension} has no centre or rule “{code}”."),
            ),
            None => (
                format!("In Dimension {dimension} gibt es keine Kostenstelle oder Regel „{code}“."),
                format!("Dimension {dimension} has no centre or rule “{code}”."),
            ),
        },
        CostingError::TooManyCentres { dimension, max } => (
            format!("Dimension {dimension} hat höchstens {max} Kostenstellen und Regeln."),
            format!("Dimension {dimension} holds at most {max} centres and rules."),
        ),
        CostingError::CostingName {
            dimension,
            code,
            max,
        } => (
            format!(
                "Dimension {dimension}: „{code}“ braucht eine Bezeichnung (höchstens {max} Zeichen)."
            ),
            format!("Dimension {dimension}: “{code}” needs a name (at most {max} characters)."),
        ),
        CostingError::ValidityReversed { dimension, code } => (
            format!("Dimension {dimension} {code}: „gültig ab“ liegt nach „gültig bis“."),
            format!("Dimension {dimension} {code}: valid-from is after valid-to."),
        ),
        CostingError::RuleShareCount { rule, max } => (
            format!("Die Verteilungsregel {rule} braucht 1 bis {max} Kostenstellen."),
            format!("Distribution rule {rule} needs 1 to {max} centres."),
        ),
        CostingError::RuleCentreTwice { rule, centre } => (
            format!("Die Verteilungsregel {rule} nennt die Kostenstelle {centre} zweimal."),
            format!("Distribution rule {rule} names centre {centre} twice."),
        ),
        CostingError::RuleShareInvalid {
            rule,
            centre,
            max_decimals,
        } => (
            format!(
                "Verteilungsregel {rule}: der Wert für {centre} muss positiv sein (höchstens {max_decimals} Nachkommastellen)."
            ),
            format!(
                "Distribution rule {rule}: the value for {centre} must be positive (at most {max_decimals} decimals)."
            ),
        ),
        CostingError::DistributionNotHundred { rule, sum } => (
            format!(
                "Verteilungsregel {rule}: die Prozente ergeben {}, nicht 100.",
                number(*sum, Lang::De)
            ),
            format!(
                "Distribution rule {rule}: the percentages add up to {}, not 100.",
                number(*sum, Lang::En)
            ),
        ),
        CostingError::CentreNotUsable {
            line,
            dimension,
            code,
            date,
        } => {
            let line = line + 1;
            (
                format!(
                    "Zeile {line}: {code} (Dimension {dimension}) ist am {} inaktiv oder nicht gültig.",
                    date.format("%d.%m.%Y")
                ),
                format!(
                    "Line {line}: {code} (dimension {dimension}) is inactive or not valid on {date}."
                ),
            )
        }
        CostingError::CentreRequired { line, account } => {
            let line = line + 1;
            (
                format!(
                    "Zeile {line}: das Konto {account} verlangt eine Kostenstelle in Dimension 1."
                ),
                format!("Line {line}: account {account} requires a cost centre in dimension 1."),
            )
        }
        CostingError::TooManyRequiredAccounts { max } => (
            format!("Die Kostenstellenpflicht kann höchstens {max} Konten nennen."),
            format!("The centre requirement names at most {max} accounts."),
        ),
        CostingError::SharesMismatch { line, dimension } => {
            let line = line + 1;
            (
                format!(
                    "Zeile {line}: die Anteile in Dimension {dimension} ergeben nicht den Zeilenbetrag."
                ),
                format!(
                    "Line {line}: the shares in dimension {dimension} do not add up to the line."
                ),
            )
        }
    };
    pick(lang, de, en)
}
