//! The payment-run sub-ledger's events as stored (added compatibly for
//! issue 16: new variants, optional fields omitted when empty; a run's
//! files in base64 as the bank's files).

use super::bank::BytesV1;
use super::{
    EventRefV1, EventV1, ItemIdV1, PartnerCodeV1, PaymentMethodV1, PostingKeyV1, TimestampV1,
};
use crate::ledger::event::Event;
use crate::ledger::open_items::ItemId;
use crate::ledger::payment_runs::{
    PartnerSelection, PaymentRun, PaymentRunsEvent, RunFile, RunFileKind, RunItem, RunParams,
    RunStatus,
};
use crate::ledger::types::EntryId;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

wire_names!(RunFileKindV1, RunFileKind, [
    RunFileKind::CreditTransfer => "credit_transfer",
    RunFileKind::DirectDebit => "direct_debit",
]);

fn is_false(b: &bool) -> bool {
    !*b
}

fn item_v1(i: ItemId) -> ItemIdV1 {
    ItemIdV1 {
        entry: i.entry.0,
        line: i.line,
        installment: i.installment,
    }
}

fn item_of(i: ItemIdV1) -> ItemId {
    ItemId {
        entry: EntryId(i.entry),
        line: i.line,
        installment: i.installment,
    }
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SelectionV1 {
    All,
    Range {
        from: PartnerCodeV1,
        to: PartnerCodeV1,
    },
    Group {
        group: String,
    },
}

#[derive(Serialize, Deserialize)]
pub struct RunItemV1 {
    item: ItemIdV1,
    partner: PartnerCodeV1,
    amount: Decimal,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    discount: Decimal,
}

/// A saved run: its parameters and items (a saved run has no files, no
/// key and the status "saved").
#[derive(Serialize, Deserialize)]
pub struct PaymentRunV1 {
    number: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    name: String,
    run_date: NaiveDate,
    #[serde(default, skip_serializing_if = "is_false")]
    outgoing: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    incoming: bool,
    house_bank: String,
    next_run_date: NaiveDate,
    partners: SelectionV1,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    methods: Vec<PaymentMethodV1>,
    #[serde(default, skip_serializing_if = "is_false")]
    include_credit_notes: bool,
    due_until: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_total: Option<Decimal>,
    items: Vec<RunItemV1>,
    by: String,
    at: TimestampV1,
}

impl From<&PaymentRun> for PaymentRunV1 {
    fn from(r: &PaymentRun) -> PaymentRunV1 {
        let p = &r.params;
        PaymentRunV1 {
            number: r.number,
            name: p.name.clone(),
            run_date: p.run_date,
            outgoing: p.outgoing,
            incoming: p.incoming,
            house_bank: p.house_bank.clone(),
            next_run_date: p.next_run_date,
            partners: match &p.partners {
                PartnerSelection::All => SelectionV1::All,
                PartnerSelection::Range { from, to } => SelectionV1::Range {
                    from: PartnerCodeV1(*from),
                    to: PartnerCodeV1(*to),
                },
                PartnerSelection::Group(group) => SelectionV1::Group {
                    group: group.clone(),
                },
            },
            methods: p.methods.iter().copied().map(PaymentMethodV1).collect(),
            include_credit_notes: p.include_credit_notes,
            due_until: p.due_until,
            max_total: p.max_total,
            items: r
                .items
                .iter()
                .map(|i| RunItemV1 {
                    item: item_v1(i.item),
                    partner: PartnerCodeV1(i.partner),
                    amount: i.amount,
                    discount: i.discount,
                })
                .collect(),
            by: r.by.clone(),
            at: TimestampV1(r.at),
        }
    }
}

impl From<PaymentRunV1> for PaymentRun {
    fn from(r: PaymentRunV1) -> PaymentRun {
        PaymentRun {
            number: r.number,
            params: RunParams {
                name: r.name,
                run_date: r.run_date,
                outgoing: r.outgoing,
                incoming: r.incoming,
                house_bank: r.house_bank,
                next_run_date: r.next_run_date,
                partners: match r.partners {
                    SelectionV1::All => PartnerSelection::All,
                    SelectionV1::Range { from, to } => PartnerSelection::Range {
                        from: from.0,
                        to: to.0,
                    },
                    SelectionV1::Group { group } => PartnerSelection::Group(group),
                },
                methods: r.methods.into_iter().map(|m| m.0).collect(),
                include_credit_notes: r.include_credit_notes,
                due_until: r.due_until,
                max_total: r.max_total,
            },
            items: r
                .items
                .into_iter()
                .map(|i| RunItem {
                    item: item_of(i.item),
                    partner: i.partner.0,
                    amount: i.amount,
                    discount: i.discount,
                })
                .collect(),
            status: RunStatus::Saved,
            files: Vec::new(),
            by: r.by,
            at: r.at.0,
            key: None,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct RunFileV1 {
    name: String,
    kind: RunFileKindV1,
    bytes: BytesV1,
}

impl From<&RunFile> for RunFileV1 {
    fn from(f: &RunFile) -> RunFileV1 {
        RunFileV1 {
            name: f.name.clone(),
            kind: RunFileKindV1(f.kind),
            bytes: BytesV1(f.bytes.clone()),
        }
    }
}

impl From<RunFileV1> for RunFile {
    fn from(f: RunFileV1) -> RunFile {
        RunFile {
            name: f.name,
            kind: f.kind.0,
            bytes: f.bytes.0,
        }
    }
}

pub(super) fn runs_to_wire(event: &PaymentRunsEvent) -> EventRefV1<'static> {
    match event {
        PaymentRunsEvent::CreditorIdSet {
            creditor_id,
            by,
            at,
        } => EventRefV1::CreditorIdSet {
            creditor_id: creditor_id.clone(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        PaymentRunsEvent::RunSaved { run } => EventRefV1::PaymentRunSaved {
            run: run.as_ref().into(),
        },
        PaymentRunsEvent::RunDeleted { number, by, at } => EventRefV1::PaymentRunDeleted {
            number: *number,
            by: by.clone(),
            at: TimestampV1(*at),
        },
        PaymentRunsEvent::RunExecuted {
            number,
            payments,
            order_only,
            files,
            key,
            by,
            at,
        } => EventRefV1::PaymentRunExecuted {
            number: *number,
            payments: payments.clone(),
            order_only: *order_only,
            files: files.iter().map(RunFileV1::from).collect(),
            key: PostingKeyV1(*key),
            by: by.clone(),
            at: TimestampV1(*at),
        },
    }
}

pub(super) fn runs_from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    Event::PaymentRuns(match event {
        W::CreditorIdSet {
            creditor_id,
            by,
            at,
        } => PaymentRunsEvent::CreditorIdSet {
            creditor_id,
            by,
            at: at.0,
        },
        W::PaymentRunSaved { run } => PaymentRunsEvent::RunSaved {
            run: Box::new(run.into()),
        },
        W::PaymentRunDeleted { number, by, at } => PaymentRunsEvent::RunDeleted {
            number,
            by,
            at: at.0,
        },
        W::PaymentRunExecuted {
            number,
            payments,
            order_only,
            files,
            key,
            by,
            at,
        } => PaymentRunsEvent::RunExecuted {
            number,
            payments,
            order_only,
            files: files.into_iter().map(RunFile::from).collect(),
            key: key.0,
            by,
            at: at.0,
        },
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    })
}
