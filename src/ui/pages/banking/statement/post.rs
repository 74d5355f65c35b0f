//! What the user chose per line and what it becomes: the payments of one
//! `BankCommand::PostLines` (each line's draft from the matcher's
//! `payment_draft`, or `suspense_draft` for a parked line, keyed by the
//! line so a retry is refused as already posted), and the learned rule of
//! a corrected choice ("Immer so buchen").

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::model::Data;
use crate::ledger::Book;
use crate::ledger::bank::matching::{ProposalAction, payment_draft, suspense_draft};
use crate::ledger::bank::{
    BankCommand, BankLine, Conditions, LinePosting, LineRef, Rule, RuleAction, Sign,
};
use crate::ledger::types::Timestamp;

/// What the user chose for one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Pick {
    /// Proposal `n` (0 = the top one).
    Proposal { n: usize, action: ProposalAction },
    /// Posted manually: a partner with items, or G/L accounts.
    Manual(ProposalAction),
    /// Parked on the house bank's suspense account.
    Park,
}

impl Pick {
    /// Something else than the top proposal: worth a learned rule.
    pub(super) fn corrected(&self) -> Option<&ProposalAction> {
        match self {
            Pick::Proposal { n, action } if *n > 0 => Some(action),
            Pick::Manual(action) => Some(action),
            _ => None,
        }
    }
}

/// Line index → the user's pick.
pub(super) type Picks = BTreeMap<u32, Pick>;

/// One command posting every picked line of `data`, each payment keyed by
/// the engine's `Bank::line_posting_key`; `None` when nothing is picked,
/// or a parked line's house bank has no suspense account.
pub(super) fn post_command(
    book: &Book,
    data: &Data,
    picks: &Picks,
    by: &str,
    at: Timestamp,
) -> Option<BankCommand> {
    let number = data.statement.number;
    let lines =
        picks
            .iter()
            .filter_map(|(&index, pick)| {
                let line = data.statement.lines.get(usize::try_from(index).ok()?)?;
                let key = book.bank().line_posting_key(LineRef {
                    statement: number,
                    line: index,
                });
                let draft =
                    match pick {
                        Pick::Proposal { action, .. } | Pick::Manual(action) => Some(
                            payment_draft(book.context(), &data.bank, line, action, by, key),
                        ),
                        Pick::Park => suspense_draft(book.context(), &data.bank, line, by, key),
                    };
                Some(draft.map(|d| LinePosting {
                    line: index,
                    draft: Box::new(d),
                }))
            })
            .collect::<Option<Vec<_>>>()?;
    (!lines.is_empty()).then(|| BankCommand::PostLines {
        statement: number,
        lines,
        by: by.to_string(),
        at,
    })
}

/// The rule "always post lines like `line` as `action`": the
/// counterparty's IBAN (else its name) and the sign of the amount.
pub(super) fn learned_rule(line: &BankLine, action: &ProposalAction) -> Rule {
    let mut conditions = Conditions {
        sign: Some(if line.amount >= Decimal::ZERO {
            Sign::Credit
        } else {
            Sign::Debit
        }),
        ..Conditions::default()
    };
    let who = if line.iban.is_empty() {
        conditions.name_contains = line.counterparty.clone();
        line.counterparty.clone()
    } else {
        conditions.iban = line.iban.clone();
        format!("{} {}", line.counterparty, line.iban)
    };
    let (action, target) = match action {
        ProposalAction::Partner { partner, .. } => {
            (RuleAction::Partner(*partner), partner.to_string())
        }
        ProposalAction::Gl { splits } => (
            RuleAction::Gl(splits.clone()),
            splits
                .iter()
                .map(|s| s.account.as_str().to_string())
                .collect::<Vec<_>>()
                .join(" + "),
        ),
    };
    Rule {
        id: 0,
        name: format!("{} → {target}", who.trim()),
        conditions,
        action,
        learned: true,
    }
}
