//! The recommendation (Zahlungsvorschlag, step 4): every open item of the
//! selected partners that the run should pay now, and every one it leaves
//! out with the reason. Pure; computed from the Book's state each time the
//! wizard's steps change.

use crate::ledger::open_items::ItemId;
use crate::ledger::types::PartnerCode;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One proposed item, amounts in LC, never negative (`credit_note`: it
/// reduces the partner's payment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedRow {
    pub partner: PartnerCode,
    pub item: ItemId,
    pub due_date: NaiveDate,
    pub open: Decimal,
    /// Cash discount offered on the run date.
    pub discount: Decimal,
    /// `open - discount`: what the run pays for it.
    pub pay: Decimal,
    /// The last day the offered discount holds, if any.
    pub discount_until: Option<NaiveDate>,
    pub credit_note: bool,
}

/// Why a partner or an item is not proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exclusion {
    /// Zahlungssperre on the partner.
    PartnerBlocked,
    /// A vendor with no default bank account (IBAN).
    NoIban,
    /// A customer without a SEPA mandate.
    NoMandate,
    /// Reserved by another saved or ordered run.
    Reserved { run: u32 },
    /// Still discountable on the next run date: paid then.
    HeldForDiscount { until: NaiveDate },
    /// The partner's items net to nothing to pay (credit notes exceed).
    NothingToPay,
    /// Not in the house bank's currency.
    OtherCurrency,
    /// Over the run's maximum total.
    OverMaximum,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excluded {
    pub partner: PartnerCode,
    /// `None`: the whole partner.
    pub item: Option<ItemId>,
    pub reason: Exclusion,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proposal {
    pub rows: Vec<ProposedRow>,
    pub excluded: Vec<Excluded>,
}

impl Proposal {
    /// What the run pays in total (credit notes subtracted).
    pub fn total(&self) -> Decimal {
        self.rows
            .iter()
            .map(|r| if r.credit_note { -r.pay } else { r.pay })
            .sum()
    }
}

// ----- computing the proposal -----

use crate::ledger::bank::HouseBank;
use crate::ledger::open_items::OpenItem;
use crate::ledger::partners::{Partner, PartnerKind, PaymentMethod};
use crate::ledger::payment_runs::run::{PartnerSelection, RunParams};
use crate::ledger::payments::offer::item_offer;
use crate::ledger::posting::Context;
use std::collections::HashMap;

/// Whether the run looks at `partner` (step 2): its kind in the run's
/// direction, its payment method the kind's SEPA one (vendors transfer,
/// customers direct debit) and in `methods` when given, the selection.
pub fn selects(params: &RunParams, partner: &Partner) -> bool {
    let (wanted, method) = match partner.kind {
        PartnerKind::Vendor => (params.outgoing, PaymentMethod::Transfer),
        PartnerKind::Customer => (params.incoming, PaymentMethod::DirectDebit),
    };
    let method_ok = partner.payment_method == method
        && (params.methods.is_empty() || params.methods.contains(&method));
    let selected = match &params.partners {
        PartnerSelection::All => true,
        PartnerSelection::Range { from, to } => (*from..=*to).contains(&partner.code),
        PartnerSelection::Group(g) => partner.group.trim().eq_ignore_ascii_case(g.trim()),
    };
    wanted && method_ok && selected
}

/// Why the partner as a whole cannot be in a run, if it cannot: the
/// payment block, the bank account (IBAN) and, for a customer, the mandate.
pub fn partner_exclusion(partner: &Partner) -> Option<Exclusion> {
    if partner.payment_block {
        return Some(Exclusion::PartnerBlocked);
    }
    if partner
        .default_bank_account()
        .is_none_or(|b| b.iban.trim().is_empty())
    {
        return Some(Exclusion::NoIban);
    }
    if partner.kind == PartnerKind::Customer && partner.mandate.is_none() {
        return Some(Exclusion::NoMandate);
    }
    None
}

/// Whether the item is in the house bank's currency (LC items only:
/// an item in a foreign currency is left out, as is every item when the
/// house bank keeps another currency than LC).
pub fn in_bank_currency(cx: Context<'_>, bank: &HouseBank, item: &OpenItem) -> bool {
    item.fc.is_none() && bank.currency == cx.gl.settings().lc
}

/// What the proposal does with one open item of a selected partner.
enum Verdict {
    Take(ProposedRow),
    Leave(Exclusion),
    /// Not due and no discount to catch: not a candidate at all.
    Skip,
}

/// The verdict for `item` (the partner's invoice side `invoice`).
fn verdict(
    cx: Context<'_>,
    bank: &HouseBank,
    params: &RunParams,
    reserved: &HashMap<ItemId, u32>,
    editing: Option<u32>,
    item: &OpenItem,
    invoice: crate::ledger::types::Side,
) -> Verdict {
    let credit_note = item.side != invoice;
    if credit_note && !params.include_credit_notes {
        return Verdict::Skip;
    }
    let decimals = cx.gl.settings().lc_decimals();
    let offer = item_offer(item, params.run_date, decimals);
    let due = item.due_date <= params.due_until;
    let discount = if credit_note {
        Decimal::ZERO
    } else {
        offer.discount
    };
    let until = offer.until.filter(|_| !discount.is_zero());
    if !credit_note && !due {
        match until {
            None => return Verdict::Skip,
            Some(until) if until >= params.next_run_date => {
                return Verdict::Leave(Exclusion::HeldForDiscount { until });
            }
            Some(_) => {}
        }
    }
    if let Some(run) = reserved.get(&item.id).filter(|r| Some(**r) != editing) {
        return Verdict::Leave(Exclusion::Reserved { run: *run });
    }
    if !in_bank_currency(cx, bank, item) {
        return Verdict::Leave(Exclusion::OtherCurrency);
    }
    Verdict::Take(ProposedRow {
        partner: item.partner,
        item: item.id,
        due_date: item.due_date,
        open: item.open_lc,
        discount,
        pay: item.open_lc - discount,
        discount_until: until,
        credit_note,
    })
}

/// The proposal for `params` from house bank `bank`: per selected
/// partner (code order) its open items, then the partners that net to
/// nothing left out, then whole partners cut at the maximum total.
/// Linear in the selected partners' items (each partner's items come
/// from the open-item index).
pub fn compute(
    cx: Context<'_>,
    bank: &HouseBank,
    params: &RunParams,
    reserved: &HashMap<ItemId, u32>,
    editing: Option<u32>,
) -> Proposal {
    let mut out = Proposal::default();
    let mut total = Decimal::ZERO;
    for partner in cx.partners.partners().filter(|p| selects(params, p)) {
        let mut rows = Vec::new();
        let mut excluded = Vec::new();
        let invoice = partner.kind.invoice_side();
        for item in cx.open_items.items_of(partner.code).filter(|i| i.is_open()) {
            match verdict(cx, bank, params, reserved, editing, item, invoice) {
                Verdict::Take(row) => rows.push(row),
                Verdict::Leave(reason) => excluded.push(Excluded {
                    partner: partner.code,
                    item: Some(item.id),
                    reason,
                }),
                Verdict::Skip => {}
            }
        }
        out.excluded.extend(excluded);
        if rows.iter().all(|r| r.credit_note) {
            continue;
        }
        let whole = |reason| Excluded {
            partner: partner.code,
            item: None,
            reason,
        };
        if let Some(reason) = partner_exclusion(partner) {
            out.excluded.push(whole(reason));
            continue;
        }
        let net: Decimal = rows
            .iter()
            .map(|r| if r.credit_note { -r.pay } else { r.pay })
            .sum();
        if net <= Decimal::ZERO {
            out.excluded.push(whole(Exclusion::NothingToPay));
            continue;
        }
        if params.max_total.is_some_and(|max| total + net > max) {
            out.excluded.push(whole(Exclusion::OverMaximum));
            continue;
        }
        total += net;
        out.rows.extend(rows);
    }
    out
}
