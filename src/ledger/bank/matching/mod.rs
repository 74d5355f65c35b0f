//! Matching statement lines (Abgleich): for each line, ranked proposals
//! with their reasons in words, from an index built once per statement
//! over the open items, partners, payments and rules, so ten thousand
//! lines against a hundred thousand items stay well under a second.

use crate::ledger::bank::rules::RuleSplit;
use crate::ledger::open_items::ItemId;
use crate::ledger::types::PartnerCode;
use rust_decimal::Decimal;

/// Why a proposal was made; the UI says each in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The counterparty IBAN is a bank account of the partner.
    Iban,
    /// The counterparty name is (close to) the partner's name.
    Name,
    /// The purpose names the item's document (invoice number).
    DocumentNumber {
        number: String,
    },
    CreditorReference,
    /// The end-to-end id of one of our own payment runs.
    EndToEndId,
    ExactAmount,
    /// The amount is the open amount less the cash discount still open.
    NetOfDiscount {
        discount: Decimal,
    },
    /// Within the payment settings' tolerance.
    WithinTolerance {
        difference: Decimal,
    },
    /// Less than the open amount: a partial payment.
    Partial,
    /// Several items together make the amount.
    SeveralItems {
        count: usize,
    },
    /// Due within the date window of the line.
    DateWindow,
    /// A rule matched.
    Rule {
        id: u32,
        name: String,
    },
}

/// An item the proposal pays: `amount` leaves the item, `discount` of it
/// is cash discount (as in `payments::ItemDraft`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedItem {
    pub item: ItemId,
    pub amount: Decimal,
    pub discount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProposalAction {
    /// A partner's payment against items; what is left stays on account.
    Partner {
        partner: PartnerCode,
        items: Vec<ProposedItem>,
        on_account: Decimal,
    },
    /// G/L lines (a rule's split), amounts gross, signs as the line's.
    Gl { splits: Vec<RuleSplit> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// 0 to 100: how sure.
    pub score: u8,
    pub reasons: Vec<Reason>,
    pub action: ProposalAction,
}

use crate::ledger::bank::Bank;
use crate::ledger::bank::house_bank::HouseBank;
use crate::ledger::bank::rules::Rule;
use crate::ledger::bank::statement::BankLine;
use crate::ledger::payments::{PaymentDraft, Payments};
use crate::ledger::posting::Context;
use crate::ledger::types::PostingKey;

/// The matching index of a Book's state: built once, asked per line.
pub struct Matcher<'a> {
    cx: Context<'a>,
    payments: &'a Payments,
    bank: &'a Bank,
}

impl<'a> Matcher<'a> {
    pub fn new(cx: Context<'a>, payments: &'a Payments, bank: &'a Bank) -> Matcher<'a> {
        Matcher { cx, payments, bank }
    }

    /// Ranked proposals for `line` of `house_bank`, best first; empty when
    /// nothing fits. SKELETON: the matching part fills it.
    pub fn propose(&self, house_bank: &HouseBank, line: &BankLine) -> Vec<Proposal> {
        let _ = (&self.cx, self.payments, self.bank, house_bank, line);
        Vec::new()
    }
}

/// The payment that posts `line` as `action` proposes (date: the line's
/// booking date; means: a transfer on the house bank's account).
/// SKELETON.
pub fn payment_draft(
    house_bank: &HouseBank,
    line: &BankLine,
    action: &ProposalAction,
    user: &str,
    key: PostingKey,
) -> PaymentDraft {
    let _ = (house_bank, line, action, user, key);
    unimplemented!("skeleton")
}

/// The payment that parks `line` on the house bank's suspense account
/// (Geldtransit); `None` when the house bank has none. SKELETON.
pub fn suspense_draft(
    house_bank: &HouseBank,
    line: &BankLine,
    user: &str,
    key: PostingKey,
) -> Option<PaymentDraft> {
    let _ = (house_bank, line, user, key);
    None
}

/// How many imported lines `rule` would have matched ("this rule would
/// have matched 14 lines"). SKELETON.
pub fn rule_hits(bank: &Bank, rule: &Rule) -> usize {
    let _ = (bank, rule);
    0
}
