//! The bank family of the random command sequences: a house bank (valid,
//! or with a bad IBAN, code or account), statement imports whose line keys
//! come from a small range (so overlapping files skip lines, and a file of
//! nothing new is refused), rules saved, moved and deleted (an unknown id
//! now and then), and statement lines posted as G/L payments (one or
//! several lines of a statement, now and then a line twice, a wrong
//! amount or a line already posted). Every company starts with house bank
//! `B1` on 1200, one imported statement and two rules (`bank_setup`), so
//! posting meets lines to post and rules meet rules.

use chrono::{Days, NaiveDate};
use kontor::ledger::bank::{
    BankCommand, BankLine, Conditions, HouseBank, LinePosting, LineRef, Rule, RuleAction,
    RuleSplit, Share, StatementDraft,
};
use kontor::ledger::payments::{Direction, GlLineDraft, Means, MeansDraft, PaymentDraft};
use kontor::ledger::posting::Rights;
use kontor::ledger::types::{AccountNo, Currency, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;

const IBAN: &str = "DE89370400440532013000";

#[derive(Clone, Debug)]
pub enum BankOp {
    /// 0 valid, 1 a bad IBAN, 2 a bad code, 3 a P&L account.
    HouseBank {
        defect: u8,
    },
    /// Lines as (key 0..15, cents, day); `foreign`: an IBAN of no house
    /// bank.
    Import {
        lines: Vec<(u8, i64, u16)>,
        foreign: bool,
    },
    SaveRule {
        pick: Option<Index>,
        bad_id: bool,
    },
    DeleteRule {
        pick: Index,
    },
    MoveRule {
        pick: Index,
        to: Index,
    },
    /// Lines of a statement; 0 fine, 1 a line twice, 2 a cent off.
    Post {
        statement: Index,
        lines: Vec<Index>,
        defect: u8,
    },
}

pub fn bank_op() -> impl Strategy<Value = BankOp> {
    let line = (
        0u8..15,
        prop_oneof![-50_000i64..-1, 1i64..200_000],
        0u16..300,
    );
    prop_oneof![
        1 => prop_oneof![6 => Just(0u8), 1 => 1u8..4].prop_map(|defect| BankOp::HouseBank { defect }),
        2 => (prop::collection::vec(line, 1..6), prop::bool::weighted(0.2))
            .prop_map(|(lines, foreign)| BankOp::Import { lines, foreign }),
        1 => (prop::option::weighted(0.3, any::<Index>()), prop::bool::weighted(0.15))
            .prop_map(|(pick, bad_id)| BankOp::SaveRule { pick, bad_id }),
        1 => any::<Index>().prop_map(|pick| BankOp::DeleteRule { pick }),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(pick, to)| BankOp::MoveRule { pick, to }),
        4 => (any::<Index>(), prop::collection::vec(any::<Index>(), 1..4), prop_oneof![8 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)])
            .prop_map(|(statement, lines, defect)| BankOp::Post { statement, lines, defect }),
    ]
}

fn no(text: &str) -> AccountNo {
    AccountNo::parse(text).unwrap()
}

fn stamp(base: NaiveDate) -> Timestamp {
    Timestamp::at(base, 12, 0, 0).unwrap()
}

fn house_bank(book: &Book, defect: u8) -> HouseBank {
    HouseBank {
        code: if defect == 2 { "B-1" } else { "B1" }.into(),
        name: "Hausbank".into(),
        account: no(if defect == 3 { "8400" } else { "1200" }),
        iban: if defect == 1 {
            "DE89370400440532013001"
        } else {
            IBAN
        }
        .into(),
        bic: String::new(),
        currency: book.settings().lc,
        suspense_account: None,
        csv_mapping: None,
    }
}

fn import(book: &Book, base: NaiveDate, lines: &[(u8, i64, u16)], foreign: bool) -> Command {
    let lc = book.settings().lc;
    let bank_lines = lines
        .iter()
        .map(|&(key, cents, day)| {
            let date = base + Days::new(u64::from(day));
            BankLine {
                booking_date: date,
                value_date: date,
                amount: Decimal::new(cents, 2),
                currency: lc,
                counterparty: format!("Partner {key}"),
                iban: String::new(),
                bic: String::new(),
                purpose: format!("Zahlung {key}"),
                creditor_reference: String::new(),
                end_to_end_id: String::new(),
                mandate_id: String::new(),
                bank_reference: format!("R{key}"),
                transaction_code: String::new(),
                key: format!("R{key}"),
            }
        })
        .collect();
    BankCommand::Import {
        house_bank: None,
        file_name: "auszug.xml".into(),
        bytes: b"<Document/>".to_vec(),
        statements: vec![StatementDraft {
            iban: if foreign {
                "DE44500105175407324931"
            } else {
                IBAN
            }
            .into(),
            statement_id: "S".into(),
            sequence_no: String::new(),
            format: "camt.053.001.08".into(),
            intraday: false,
            currency: lc,
            opening: None,
            closing: None,
            lines: bank_lines,
        }],
        by: "prop".into(),
        at: stamp(base),
    }
    .into()
}

/// House bank B1, a statement of six lines (keys 100..106) and two rules.
pub fn bank_setup(book: &Book, base: NaiveDate) -> Vec<Command> {
    let lines: Vec<(u8, i64, u16)> = (0..6)
        .map(|i| {
            (
                100 + i,
                [12_000, -2_500, 99_900, -1_250, 30_000, -700][usize::from(i)],
                u16::from(i) * 9,
            )
        })
        .collect();
    vec![
        BankCommand::SaveHouseBank {
            bank: Box::new(house_bank(book, 0)),
            by: "prop".into(),
            at: stamp(base),
        }
        .into(),
        import(book, base, &lines, false),
        BankCommand::SaveRule {
            rule: Box::new(rule(0)),
            by: "prop".into(),
            at: stamp(base),
        }
        .into(),
        BankCommand::SaveRule {
            rule: Box::new(rule(0)),
            by: "prop".into(),
            at: stamp(base),
        }
        .into(),
    ]
}

fn rule(id: u32) -> Rule {
    Rule {
        id,
        name: "Gebühren".into(),
        conditions: Conditions {
            name_contains: "Partner".into(),
            ..Conditions::default()
        },
        action: RuleAction::Gl(vec![RuleSplit {
            account: no("4930"),
            tax_code: None,
            centre: None,
            share: Share::Rest,
        }]),
        learned: false,
    }
}

/// An existing rule's id (or one past the last now and then).
fn rule_id(book: &Book, pick: &Index) -> u32 {
    let ids: Vec<u32> = book.bank().rules().iter().map(|r| r.id).collect();
    let i = pick.index(ids.len() + 1);
    ids.get(i).copied().unwrap_or(book.bank().next_rule_id())
}

pub fn command(book: &Book, base: NaiveDate, op: &BankOp) -> (Command, Rights) {
    let by = || "prop".to_string();
    let at = stamp(base);
    let cmd: Command = match op {
        BankOp::HouseBank { defect } => BankCommand::SaveHouseBank {
            bank: Box::new(house_bank(book, *defect)),
            by: by(),
            at,
        }
        .into(),
        BankOp::Import { lines, foreign } => import(book, base, lines, *foreign),
        BankOp::SaveRule { pick, bad_id } => {
            let id = match pick {
                _ if *bad_id => book.bank().next_rule_id() + 7,
                Some(pick) => rule_id(book, pick),
                None => 0,
            };
            BankCommand::SaveRule {
                rule: Box::new(rule(id)),
                by: by(),
                at,
            }
            .into()
        }
        BankOp::DeleteRule { pick } => BankCommand::DeleteRule {
            id: rule_id(book, pick),
            by: by(),
            at,
        }
        .into(),
        BankOp::MoveRule { pick, to } => BankCommand::MoveRule {
            id: rule_id(book, pick),
            to: u32::try_from(to.index(book.bank().rules().len() + 1)).unwrap_or(0),
            by: by(),
            at,
        }
        .into(),
        BankOp::Post {
            statement,
            lines,
            defect,
        } => post(book, statement, lines, *defect, at),
    };
    (cmd, Rights::ALL)
}

/// Lines of a statement (open ones mostly: a user picks from the list of
/// open lines, a second tab may not) as G/L payments to 4930.
fn post(book: &Book, statement: &Index, lines: &[Index], defect: u8, at: Timestamp) -> Command {
    let statements = book.bank().statements();
    let number = u32::try_from(statement.index(statements.len().max(1)) + 1).unwrap_or(1);
    let count = statements
        .get(usize::try_from(number).unwrap_or(0).saturating_sub(1))
        .map_or(1, |s| s.lines.len());
    let mut picked: Vec<u32> = lines
        .iter()
        .filter_map(|i| u32::try_from(i.index(count)).ok())
        .collect();
    picked.sort_unstable();
    picked.dedup();
    if defect == 1 {
        picked.push(picked[0]);
    }
    let postings = picked
        .iter()
        .enumerate()
        .map(|(n, &line)| {
            let at_line = LineRef {
                statement: number,
                line,
            };
            let bank_line = book
                .bank()
                .statement(number)
                .and_then(|s| s.lines.get(usize::try_from(line).ok()?));
            let (amount, date) =
                bank_line.map_or((Decimal::ONE, at.date()), |l| (l.amount, l.booking_date));
            let off = if defect == 2 && n == 0 {
                Decimal::new(1, 2)
            } else {
                Decimal::ZERO
            };
            LinePosting {
                line,
                draft: Box::new(draft(
                    amount,
                    date,
                    off,
                    book.bank().line_posting_key(at_line),
                )),
            }
        })
        .collect();
    BankCommand::PostLines {
        statement: number,
        lines: postings,
        by: "prop".into(),
        at,
    }
    .into()
}

fn draft(
    amount: Decimal,
    date: NaiveDate,
    off: Decimal,
    key: kontor::ledger::types::PostingKey,
) -> PaymentDraft {
    let direction = if amount < Decimal::ZERO {
        Direction::Outgoing
    } else {
        Direction::Incoming
    };
    PaymentDraft {
        direction,
        partner: None,
        posting_date: date,
        document_date: None,
        currency: None::<Currency>,
        rate_fc_per_lc: None,
        items: Vec::new(),
        on_account: Decimal::ZERO,
        gl_lines: vec![GlLineDraft {
            account: no("4930"),
            amount: amount.abs() + off,
            tax_code: None,
            memo: String::new(),
        }],
        means: vec![MeansDraft {
            means: Means::Transfer,
            account: Some(no("1200")),
            amount: amount.abs() + off,
            reference: String::new(),
        }],
        fee: Decimal::ZERO,
        write_off: false,
        late_discount_confirmed: false,
        reference: String::new(),
        memo: String::new(),
        user: "prop".into(),
        key,
    }
}
