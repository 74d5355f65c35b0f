//! The dunning family of the random command sequences: dunning terms
//! (valid or with one bad field), deleting a term (in use, unknown or
//! free), the charge accounts (an income account or, as a mistake, an
//! expense account), and dunning runs as of a day shortly after the last
//! posting over what the proposal shows, now and then with a chosen item that is not due.
//! The setup saves terms M1 and M2 with charge accounts and names it on customer
//! 10001 (`dunning_setup`); a run drawn after M1 lost its customers does
//! the step a user would do first (save M1, name it on a customer).

use chrono::{Days, NaiveDate};
use kontor::finance::interest::{DayCount, DebtorKind};
use kontor::ledger::dunning::{
    DunningCommand, DunningLevel, DunningParams, DunningRunDraft, DunningSettings, DunningTerm,
    InterestBase, LetterChoice,
};
use kontor::ledger::gl::AccountType;
use kontor::ledger::partners::{PartnerKind, PartnersCommand};
use kontor::ledger::posting::Rights;
use kontor::ledger::types::{AccountNo, PostingKey, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;

#[derive(Clone, Debug)]
pub enum DunningOp {
    Term {
        second: bool,
        defect: Option<u8>,
    },
    Delete {
        pick: Index,
        unknown: bool,
    },
    Settings {
        defect: bool,
    },
    Execute {
        day: u16,
        post: bool,
        not_due: bool,
        key: u128,
    },
}

pub fn dunning_op() -> impl Strategy<Value = DunningOp> {
    prop_oneof![
        2 => (prop::bool::weighted(0.5), prop::option::weighted(0.15, 0u8..4))
            .prop_map(|(second, defect)| DunningOp::Term { second, defect }),
        1 => (any::<Index>(), prop::bool::weighted(0.2))
            .prop_map(|(pick, unknown)| DunningOp::Delete { pick, unknown }),
        1 => prop::bool::weighted(0.25).prop_map(|defect| DunningOp::Settings { defect }),
        6 => (10u16..90, prop::bool::weighted(0.6), prop::bool::weighted(0.1), any::<u128>())
            .prop_map(|(day, post, not_due, key)| DunningOp::Execute { day, post, not_due, key }),
    ]
}

fn stamp(base: NaiveDate) -> Timestamp {
    Timestamp::at(base, 15, 0, 0).unwrap_or_else(|| unreachable!())
}

/// Three levels (0, 20, 40 days); `defect` breaks one field.
fn term(code: &str, defect: Option<u8>) -> DunningTerm {
    let level = |days, fee: i64, interest| DunningLevel {
        days_after_due: days,
        fee: Decimal::new(fee, 2),
        min_balance: Decimal::ZERO,
        interest,
        text_de: "Bitte zahlen Sie.".into(),
        text_en: "Please pay.".into(),
    };
    let mut t = DunningTerm {
        code: code.into(),
        name: "Mahnverfahren".into(),
        levels: vec![
            level(0, 0, false),
            level(20, 500, true),
            level(40, 1000, true),
        ],
        group_items: code == "M1",
        interest_base: InterestBase::Remaining,
        day_count: DayCount::Act365,
        debtor: DebtorKind::Business,
        flat_fee: code == "M1",
    };
    match defect {
        None => {}
        Some(0) => t.code = "M 1".into(),
        Some(1) => t.levels[2].days_after_due = 10,
        Some(2) => t.levels[1].fee = Decimal::new(-1, 0),
        Some(_) => t.levels.clear(),
    }
    t
}

/// The first postable income account that is no control account, or (a
/// mistake) an expense account.
fn charge_account(book: &Book, expense: bool) -> Option<AccountNo> {
    let wanted = if expense {
        AccountType::Expense
    } else {
        AccountType::Revenue
    };
    book.accounts()
        .find(|a| {
            a.postable
                && a.active
                && !a.control
                && a.account_type == wanted
                && !super::is_vat_account(a.number.as_str())
        })
        .map(|a| a.number)
}

pub fn command(book: &Book, base: NaiveDate, op: &DunningOp) -> (Command, Rights) {
    let by = || "prop".to_string();
    let at = stamp(base);
    let cmd: Command = match op {
        DunningOp::Term { second, defect } => DunningCommand::SaveTerm {
            term: Box::new(term(if *second { "M2" } else { "M1" }, *defect)),
            by: by(),
            at,
        }
        .into(),
        DunningOp::Delete { pick, unknown } => {
            // Mostly a term no partner names (M2, when saved), else any.
            let terms = book.dunning().terms();
            let free = terms.iter().find(|t| t.code != "M1");
            let code = match (terms.len(), free) {
                _ if *unknown => "M9".to_string(),
                (0, _) => "M9".to_string(),
                (n, Some(t)) if pick.index(n + 1) > 0 => t.code.clone(),
                (n, _) => terms[pick.index(n)].code.clone(),
            };
            DunningCommand::DeleteTerm { code, by: by(), at }.into()
        }
        DunningOp::Settings { defect } => {
            let account = charge_account(book, *defect);
            DunningCommand::SetSettings {
                settings: Box::new(DunningSettings {
                    fee_account: account,
                    interest_account: account,
                    base_rates: None,
                }),
                by: by(),
                at,
            }
            .into()
        }
        DunningOp::Execute {
            day,
            post,
            not_due,
            key,
        } => return execute(book, base, *day, *post, *not_due, *key),
    };
    (cmd, Rights::ALL)
}

/// A run over every letter the proposal `day` days after the last posting
/// shows — or the
/// step that must come first: term M1, then a customer naming it.
fn execute(
    book: &Book,
    base: NaiveDate,
    day: u16,
    post: bool,
    not_due: bool,
    key: u128,
) -> (Command, Rights) {
    let at = stamp(base);
    if book.dunning().term("M1").is_none() {
        let cmd = DunningCommand::SaveTerm {
            term: Box::new(term("M1", None)),
            by: "prop".into(),
            at,
        };
        return (cmd.into(), Rights::ALL);
    }
    let customers = || {
        book.partners()
            .partners()
            .filter(|p| p.kind == PartnerKind::Customer)
    };
    if !customers().any(|p| p.dunning_term == "M1")
        && let Some(customer) = customers().next()
    {
        let mut named = customer.clone();
        named.dunning_term = "M1".into();
        let cmd = PartnersCommand::UpdatePartner {
            partner: Box::new(named),
            by: "prop".into(),
            at,
        };
        return (cmd.into(), Rights::ALL);
    }
    // As of a day after the last posting (a user dunning "today").
    let today = book.entries().last().map_or(base, |e| e.posting_date);
    let date = today
        .checked_add_days(Days::new(u64::from(day)))
        .unwrap_or(today);
    let proposal = book.dunning().propose(
        book.context(),
        &DunningParams {
            date,
            customers: Vec::new(),
        },
    );
    let mut letters: Vec<LetterChoice> = Vec::new();
    for letter in &proposal.letters {
        if !letters.iter().any(|l| l.partner == letter.partner) {
            letters.push(LetterChoice {
                partner: letter.partner,
                items: Vec::new(),
            });
        }
    }
    if not_due && let Some(first) = letters.first_mut() {
        // An item that is open but not overdue on the run date (or any
        // item of another partner): refused.
        let later = book
            .open_items()
            .items()
            .iter()
            .find(|i| i.is_open() && i.due_date >= date)
            .or_else(|| book.open_items().items().first());
        if let Some(item) = later {
            first.items = vec![item.id];
        }
    }
    let cmd = DunningCommand::Execute {
        draft: Box::new(DunningRunDraft {
            date,
            letters,
            post_charges: post,
            user: "prop".into(),
            key: PostingKey(key),
        }),
        at,
    };
    (cmd.into(), Rights::ALL)
}

/// Terms M1 and M2 (free to delete), the charge accounts and the first
/// customer (10001, when the
/// setup has partners) naming M1: so a few commands reach a run.
pub fn dunning_setup(book: &Book, base: NaiveDate) -> Vec<Command> {
    let at = stamp(base);
    let mut commands: Vec<Command> = vec![
        DunningCommand::SaveTerm {
            term: Box::new(term("M1", None)),
            by: "prop".into(),
            at,
        }
        .into(),
        DunningCommand::SaveTerm {
            term: Box::new(term("M2", None)),
            by: "prop".into(),
            at,
        }
        .into(),
        command(book, base, &DunningOp::Settings { defect: false }).0,
    ];
    let customer = book
        .partners()
        .partners()
        .find(|p| p.kind == PartnerKind::Customer);
    if let Some(customer) = customer {
        let mut named = customer.clone();
        named.dunning_term = "M1".into();
        commands.push(
            PartnersCommand::UpdatePartner {
                partner: Box::new(named),
                by: "prop".into(),
                at,
            }
            .into(),
        );
    }
    commands
}
