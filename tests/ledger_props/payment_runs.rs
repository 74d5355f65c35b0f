//! The payment-run family of the random command sequences: our creditor
//! id (valid or not), runs saved from the Book's own proposal (now and
//! then with an amount over the open one or an item twice, or with
//! nothing to pay), edited, deleted, and executed, mostly as payment order
//! runs with their file (the random companies' house bank has no transit
//! account, so a posting execution is refused unless one was set), now
//! and then a run that no longer exists. A save first gives vendor 70001
//! a bank account when it has none (an `update_partner`) and, when there
//! is nothing to pay, an invoice (a `post_entry`), so runs meet a payable
//! vendor with open items.

use chrono::{Days, NaiveDate};
use kontor::ledger::partners::{BankAccount, PartnersCommand};
use kontor::ledger::payment_runs::{
    PartnerSelection, PaymentRunsCommand, RunDraft, RunFile, RunFileKind, RunItem, RunParams,
    RunStatus,
};
use kontor::ledger::posting::Rights;
use kontor::ledger::types::{PartnerCode, PostingKey, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;

#[derive(Clone, Debug)]
pub enum RunOp {
    Creditor {
        valid: bool,
    },
    /// `edit`: replace a saved run; 0 fine, 1 an amount over the open
    /// one, 2 an item twice.
    Save {
        edit: bool,
        pick: Index,
        defect: u8,
    },
    Delete {
        pick: Index,
        unknown: bool,
    },
    Execute {
        pick: Index,
        order_only: bool,
        key: u16,
        /// A run number nobody saved (refused).
        unknown: bool,
    },
}

pub fn run_op() -> impl Strategy<Value = RunOp> {
    prop_oneof![
        1 => prop::bool::weighted(0.8).prop_map(|valid| RunOp::Creditor { valid }),
        4 => (prop::bool::weighted(0.2), any::<Index>(), prop_oneof![8 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)])
            .prop_map(|(edit, pick, defect)| RunOp::Save { edit, pick, defect }),
        1 => (any::<Index>(), prop::bool::weighted(0.15))
            .prop_map(|(pick, unknown)| RunOp::Delete { pick, unknown }),
        3 => (any::<Index>(), prop::bool::weighted(0.7), 0u16..4, prop::bool::weighted(0.15))
            .prop_map(|(pick, order_only, key, unknown)| RunOp::Execute { pick, order_only, key, unknown }),
    ]
}

fn stamp(base: NaiveDate) -> Timestamp {
    Timestamp::at(base, 12, 0, 0).unwrap_or_else(|| unreachable!())
}

fn vendor() -> PartnerCode {
    PartnerCode::parse("70001").unwrap_or_else(|_| unreachable!())
}

/// Both directions from house bank B1, everything due within a year.
fn params(base: NaiveDate) -> RunParams {
    RunParams {
        name: "Lauf".into(),
        run_date: base,
        outgoing: true,
        incoming: true,
        house_bank: "B1".into(),
        next_run_date: base + Days::new(7),
        partners: PartnerSelection::All,
        methods: Vec::new(),
        include_credit_notes: true,
        due_until: base + Days::new(400),
        max_total: None,
    }
}

/// Numbers of the saved runs (those that may change).
fn saved(book: &Book) -> Vec<u32> {
    book.payment_runs()
        .runs()
        .iter()
        .filter(|r| r.status == RunStatus::Saved)
        .map(|r| r.number)
        .collect()
}

fn pick(list: &[u32], at: &Index, unknown: bool) -> u32 {
    if list.is_empty() || unknown {
        99
    } else {
        list[at.index(list.len())]
    }
}

/// Vendor 70001 with a bank account, when it has none yet.
fn payable_vendor(book: &Book, base: NaiveDate) -> Option<Command> {
    let p = book.partners().partner(vendor())?;
    if p.default_bank_account().is_some() {
        return None;
    }
    let mut p = p.clone();
    p.bank_accounts = vec![BankAccount {
        iban: "DE44500105175407324931".into(),
        bic: String::new(),
        holder: String::new(),
        default: true,
    }];
    Some(
        PartnersCommand::UpdatePartner {
            partner: Box::new(p),
            by: "prop".into(),
            at: stamp(base),
        }
        .into(),
    )
}

/// Vendor 70001's open invoices that no other run holds, in full (a run
/// may pay what is not due yet): random books seldom have a due one.
fn not_yet_due(book: &Book, number: u32) -> Vec<RunItem> {
    let runs = book.payment_runs();
    book.open_items()
        .items_of(vendor())
        .filter(|i| i.is_open() && i.fc.is_none())
        .filter(|i| i.side == kontor::ledger::types::Side::Credit)
        .filter(|i| runs.reserved_by(i.id).is_none_or(|r| r == number))
        .take(3)
        .map(|i| RunItem {
            item: i.id,
            partner: i.partner,
            amount: i.open_lc,
            discount: Decimal::ZERO,
        })
        .collect()
}

/// An invoice of 100.00 from vendor 70001, for a run to pay.
fn invoice(base: NaiveDate) -> Command {
    use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
    let account =
        kontor::ledger::types::AccountNo::parse("3400").unwrap_or_else(|_| unreachable!());
    let amount = Decimal::new(10_000, 2);
    let draft = EntryDraft::new(
        base,
        "prop",
        vec![
            LineDraft::partner(vendor(), kontor::ledger::types::Side::Credit, amount),
            LineDraft::debit_lc(account, amount),
        ],
    );
    PostingCommand::PostEntry { draft }.into()
}

fn save(book: &Book, base: NaiveDate, edit: bool, at: &Index, defect: u8) -> Command {
    if let Some(cmd) = payable_vendor(book, base) {
        return cmd;
    }
    let number = if edit {
        pick(&saved(book), at, false)
    } else {
        0
    };
    let params = params(base);
    let editing = (number != 0).then_some(number);
    let proposal = book
        .payment_runs()
        .propose(book.context(), book.bank(), &params, editing);
    let mut items: Vec<RunItem> = proposal
        .rows
        .iter()
        .map(|r| RunItem {
            item: r.item,
            partner: r.partner,
            amount: r.open,
            discount: r.discount,
        })
        .collect();
    if items.is_empty() {
        items = not_yet_due(book, number);
    }
    if items.is_empty() && defect == 0 {
        return invoice(base);
    }
    match (defect, items.first().cloned()) {
        (1, Some(mut first)) => {
            first.amount += Decimal::ONE;
            items[0] = first;
        }
        (2, Some(first)) => items.push(first),
        _ => {}
    }
    PaymentRunsCommand::Save {
        run: Box::new(RunDraft {
            number,
            params,
            items,
        }),
        by: "prop".into(),
        at: stamp(base),
    }
    .into()
}

pub fn command(book: &Book, base: NaiveDate, op: &RunOp) -> (Command, Rights) {
    let at = stamp(base);
    let nothing_saved = saved(book).is_empty();
    let cmd = match op {
        // Random sequences are short: without a saved run, deleting or
        // executing one saves one first (a run that does not exist comes
        // from `unknown`).
        RunOp::Delete {
            pick,
            unknown: false,
        }
        | RunOp::Execute {
            pick,
            unknown: false,
            ..
        } if nothing_saved => save(book, base, false, pick, 0),
        RunOp::Creditor { valid } => PaymentRunsCommand::SetCreditorId {
            creditor_id: if *valid {
                "DE98ZZZ09999999999"
            } else {
                "DE98ZZZ09999999998"
            }
            .into(),
            by: "prop".into(),
            at,
        }
        .into(),
        RunOp::Save { edit, pick, defect } => save(book, base, *edit, pick, *defect),
        RunOp::Delete { pick: at_, unknown } => PaymentRunsCommand::Delete {
            number: pick(&saved(book), at_, *unknown),
            by: "prop".into(),
            at,
        }
        .into(),
        RunOp::Execute {
            pick: at_,
            order_only,
            key,
            unknown,
        } => PaymentRunsCommand::Execute {
            number: pick(&saved(book), at_, *unknown),
            order_only: *order_only,
            files: vec![RunFile {
                name: "lauf.xml".into(),
                kind: RunFileKind::CreditTransfer,
                bytes: b"<Document/>".to_vec(),
            }],
            key: PostingKey(0xF00D_0000 + u128::from(*key)),
            by: "prop".into(),
            at,
        }
        .into(),
    };
    (cmd, Rights::ALL)
}
