//! Sentences for refusals of the internal reconciliation.

use super::pick;
use crate::ledger::payments::reconcile::ReconcileError;
use crate::ui::i18n::Lang;

pub fn reconcile_error(e: &ReconcileError, lang: Lang) -> String {
    match e {
        ReconcileError::NothingToReconcile => pick(
            lang,
            "Es gibt nichts abzustimmen.".into(),
            "There is nothing to reconcile.".into(),
        ),
        ReconcileError::NoRuleChosen => pick(
            lang,
            "Wählen Sie mindestens eine Regel: nach Referenz oder nach Betrag.".into(),
            "Choose at least one rule: by reference or by amount.".into(),
        ),
    }
}
