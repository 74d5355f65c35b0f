//! The invoice-inbox family of the random command sequences (issue 19,
//! part F): an incoming invoice of one to three gross expense lines with
//! an input tax code (or none) for an active vendor, its original a new
//! file; now and then the file of the last kept original again (refused
//! as a duplicate), an empty file, the key of an entry already posted, or
//! a customer instead of a vendor.

use chrono::{Days, NaiveDate};
use kontor::ledger::gl::AccountType;
use kontor::ledger::inbox::{Document, InboxCommand};
use kontor::ledger::partners::PartnerKind;
use kontor::ledger::posting::{EntryDraft, LineDraft, Rights};
use kontor::ledger::tax::{TaxDirection, TaxKind};
use kontor::ledger::types::{AccountNo, PartnerCode, PostingKey, Side, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;

#[derive(Clone, Debug)]
pub struct InboxOp {
    vendor: Index,
    lines: Vec<(Index, i64, Option<Index>)>,
    day: u16,
    key: u64,
    /// 0: an empty file; 1: the last kept original again; 2: the key of a
    /// posted entry; 3: a customer; otherwise a new file.
    defect: u8,
}

pub fn inbox_op() -> impl Strategy<Value = InboxOp> {
    (
        any::<Index>(),
        prop::collection::vec(
            (
                any::<Index>(),
                1i64..2_000_000,
                prop::option::weighted(0.8, any::<Index>()),
            ),
            1..4,
        ),
        0u16..500,
        any::<u64>(),
        0u8..24,
    )
        .prop_map(|(vendor, lines, day, key, defect)| InboxOp {
            vendor,
            lines,
            day,
            key,
            defect,
        })
}

fn key_of(key: u64) -> PostingKey {
    PostingKey(0x19f0_0000_0000_0000_0000_0000_0000_0000 | u128::from(key))
}

pub fn command(book: &Book, base: NaiveDate, op: &InboxOp) -> (Command, Rights) {
    let at = Timestamp::at(base, 18, 30, 0).unwrap_or_else(|| unreachable!());
    let kind = if op.defect == 3 {
        PartnerKind::Customer
    } else {
        PartnerKind::Vendor
    };
    let partners: Vec<PartnerCode> = book
        .partners()
        .partners()
        .filter(|p| p.kind == kind && p.active)
        .map(|p| p.code)
        .collect();
    let vendor = if partners.is_empty() {
        PartnerCode::parse("70001").unwrap_or_else(|_| unreachable!())
    } else {
        partners[op.vendor.index(partners.len())]
    };
    let expense: Vec<AccountNo> = book
        .accounts()
        .filter(|a| {
            a.account_type == AccountType::Expense
                && !super::is_vat_account(a.number.as_str())
                && a.postable
                && a.active
                && !a.control
                && a.currency.allows(None)
        })
        .map(|a| a.number)
        .collect();
    let codes: Vec<String> = book
        .tax_codes()
        .filter(|c| {
            c.active
                && c.direction == TaxDirection::Input
                && matches!(c.kind, TaxKind::Standard | TaxKind::Reduced)
        })
        .map(|c| c.code.clone())
        .collect();
    let decimals = book.settings().lc_decimals();
    let mut lines = Vec::new();
    let mut total = Decimal::ZERO;
    for (account, cents, code) in &op.lines {
        let amount = Decimal::new(*cents, 2).round_dp(decimals);
        let Some(&account) = expense.get(account.index(expense.len().max(1))) else {
            break;
        };
        let mut line = LineDraft::debit_lc(account, amount);
        line.gross = true;
        line.tax_code = code
            .as_ref()
            .filter(|_| !codes.is_empty())
            .map(|i| codes[i.index(codes.len())].clone());
        total += amount;
        lines.push(line);
    }
    let date = base
        .checked_add_days(Days::new(u64::from(op.day)))
        .unwrap_or(base);
    lines.insert(0, LineDraft::partner(vendor, Side::Credit, total));
    let mut draft = EntryDraft::new(date, "prop", lines);
    draft.reference = format!("ER-{}", op.key % 100_000);
    let bytes: Vec<u8> = match op.defect {
        0 => Vec::new(),
        1 => book
            .inbox()
            .documents()
            .last()
            .map(|d| d.bytes.to_vec())
            .unwrap_or_else(|| op.key.to_be_bytes().to_vec()),
        _ => format!("<Invoice id=\"{}\"/>", op.key).into_bytes(),
    };
    let key = match book.entries().iter().rev().find_map(|e| e.key) {
        Some(k) if op.defect == 2 => k,
        _ => key_of(op.key),
    };
    let cmd = Command::Inbox(InboxCommand::PostIncomingInvoice {
        draft: Box::new(draft),
        document: Document {
            name: format!("ER-{}.xml", op.key % 100_000),
            media_type: "application/xml".into(),
            bytes: bytes.into(),
        },
        invoice_number: format!("ER-{}", op.key % 100_000),
        key,
        by: "prop".into(),
        at,
    });
    (cmd, Rights::ALL)
}
