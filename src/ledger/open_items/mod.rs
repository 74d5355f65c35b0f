//! The open-item sub-ledger (Offene-Posten-Buchhaltung): every line posted
//! for a business partner becomes one open item per installment of the
//! partner's payment terms (`item`), indexed per partner; clearings
//! (`clearing`) reduce what is open and can be cancelled.
//!
//! It folds posted entries, like the GL's balance index, and reads the
//! partners' terms, so it sits one layer above `partners`, beside the
//! journal; posting reads it for the credit limit. Payments (the next
//! issue) clear items through the same clearing.
//!
//! The invariant everything here keeps: a partner's open amounts (debit
//! positive) sum to the balance of its lines on the control account,
//! because items split each line exactly and every clearing nets to zero.

pub mod clearing;
pub mod command;
pub mod error;
pub mod item;

pub use command::{ClearedPart, Clearing, OpenItemsCommand, OpenItemsEvent, PartDraft};
pub use error::OpenItemsError;
pub use item::{ItemClearing, ItemFc, ItemId, OpenItem};

use crate::ledger::gl::Settings;
use crate::ledger::open_items::clearing::ClearingDraft;
use crate::ledger::partners::{ItemPlan, LineAmounts, LineDates, Partners, Stamp, schedule};
use crate::ledger::types::{Line, LineRef, PartnerCode, PostedEntry};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// A partner's items and lines, and its open amount (debit positive).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartnerItems {
    /// Indexes into the items, in posting order.
    pub items: Vec<u32>,
    /// Every line posted for the partner, in posting order.
    pub lines: Vec<LineRef>,
    pub open_lc: Decimal,
}

/// A clearing and, once cancelled, who cancelled it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClearingRecord {
    pub clearing: Clearing,
    pub cancelled: Option<Stamp>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpenItems {
    items: Vec<OpenItem>,
    by_id: HashMap<ItemId, u32>,
    partners: BTreeMap<PartnerCode, PartnerItems>,
    /// `clearings[n - 1]` is clearing number n.
    clearings: Vec<ClearingRecord>,
}

impl OpenItems {
    /// The event `cmd` would append, or why not. Pure.
    pub fn check(
        &self,
        settings: &Settings,
        cmd: &OpenItemsCommand,
    ) -> Result<OpenItemsEvent, OpenItemsError> {
        Ok(match cmd {
            OpenItemsCommand::ClearItems {
                partner,
                date,
                parts,
                by,
                at,
            } => {
                let draft = ClearingDraft {
                    partner: *partner,
                    date: *date,
                    parts,
                    by,
                    at: Some(*at),
                    reversal: None,
                };
                OpenItemsEvent::ItemsCleared {
                    clearing: self.build_clearing(&draft, settings.lc_decimals())?,
                }
            }
            OpenItemsCommand::CancelClearing { number, by, at } => {
                self.check_cancel(*number, by)?;
                OpenItemsEvent::ClearingCancelled {
                    number: *number,
                    by: by.clone(),
                    at: *at,
                }
            }
        })
    }

    /// Folds one event in, re-checking it; on error nothing changes.
    pub fn apply(
        &mut self,
        settings: &Settings,
        event: &OpenItemsEvent,
    ) -> Result<(), OpenItemsError> {
        match event {
            OpenItemsEvent::ItemsCleared { clearing } => {
                self.check_clearing(clearing, settings.lc_decimals())?;
                self.book_clearing(clearing, false);
                self.clearings.push(ClearingRecord {
                    clearing: clearing.clone(),
                    cancelled: None,
                });
            }
            OpenItemsEvent::ClearingCancelled { number, by, at } => {
                let index = self.check_cancel(*number, by)?;
                let clearing = self.clearings[index].clearing.clone();
                self.book_clearing(&clearing, true);
                self.clearings[index].cancelled = Some(Stamp {
                    by: by.clone(),
                    at: *at,
                });
            }
        }
        Ok(())
    }

    fn check_cancel(&self, number: u32, by: &str) -> Result<usize, OpenItemsError> {
        crate::ledger::types::check_text(
            by,
            crate::ledger::types::Field::User,
            crate::ledger::types::limits::MAX_TEXT_LEN,
            true,
        )?;
        let index = usize::try_from(number)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| i < self.clearings.len())
            .ok_or(OpenItemsError::ClearingUnknown { number })?;
        if self.clearings[index].cancelled.is_some() {
            return Err(OpenItemsError::ClearingAlreadyCancelled { number });
        }
        Ok(index)
    }

    /// Takes a checked clearing's parts off the items (or, for a
    /// cancellation, puts them back).
    fn book_clearing(&mut self, clearing: &Clearing, undo: bool) {
        for part in &clearing.parts {
            let Some(&index) = self.by_id.get(&part.item) else {
                unreachable!("a checked clearing names existing items");
            };
            let item = &mut self.items[index as usize];
            let sign = if undo {
                Decimal::NEGATIVE_ONE
            } else {
                Decimal::ONE
            };
            item.open_lc -= sign * part.amount_lc;
            if let (Some(fc), Some(amount)) = (item.fc.as_mut(), part.amount_fc) {
                fc.open_fc -= sign * amount;
            }
            if !undo {
                item.cleared.push(ItemClearing {
                    number: clearing.number,
                    amount_lc: part.amount_lc,
                    amount_fc: part.amount_fc,
                });
            }
            let signed = item.side.sign(sign * part.amount_lc);
            if let Some(p) = self.partners.get_mut(&item.partner) {
                p.open_lc -= signed;
            }
        }
    }

    /// Turns the partner lines of a posted entry into open items. The
    /// journal checked the entry; `entry_index` is its position.
    pub(crate) fn on_entry_posted(
        &mut self,
        partners: &Partners,
        settings: &Settings,
        entry_index: u32,
        entry: &PostedEntry,
    ) {
        for (i, line) in entry.lines.iter().enumerate() {
            let (Some(code), Ok(line_no)) = (line.partner_code(), u16::try_from(i)) else {
                continue;
            };
            let plans = self
                .mirrored(entry, line_no)
                .unwrap_or_else(|| plan(partners, settings, entry, line));
            let record = self.partners.entry(code).or_default();
            record.lines.push(LineRef {
                entry: entry_index,
                line: line_no,
            });
            record.open_lc += line.signed_lc();
            for (k, plan) in plans.into_iter().enumerate() {
                let id = ItemId {
                    entry: entry.id,
                    line: line_no,
                    // Fits: terms have at most MAX_INSTALLMENTS (a u8).
                    installment: u8::try_from(k).unwrap_or(u8::MAX),
                };
                let index = u32::try_from(self.items.len())
                    .unwrap_or_else(|_| unreachable!("the journal bounds the items"));
                record.items.push(index);
                self.by_id.insert(id, index);
                self.items.push(new_item(id, code, entry, line, plan));
            }
        }
    }

    /// A reversal's line gets the mirror of the original line's items
    /// (same installments and dates, the other side).
    fn mirrored(&self, entry: &PostedEntry, line: u16) -> Option<Vec<ItemPlan>> {
        let original = entry.reverses?;
        let plans: Vec<ItemPlan> = (0..=u8::MAX)
            .map_while(|installment| {
                self.item(ItemId {
                    entry: original,
                    line,
                    installment,
                })
            })
            .map(|item| ItemPlan {
                due_date: item.due_date,
                amount_lc: item.amount_lc,
                amount_fc: item.fc.as_ref().map(|f| f.amount_fc),
                discounts: item.discounts.to_vec(),
                tolerance_days: item.tolerance_days,
            })
            .collect();
        (!plans.is_empty()).then_some(plans)
    }

    // ----- queries -----

    pub fn item(&self, id: ItemId) -> Option<&OpenItem> {
        self.by_id.get(&id).map(|&i| &self.items[i as usize])
    }

    /// Every item, in posting order.
    pub fn items(&self) -> &[OpenItem] {
        &self.items
    }

    /// A partner's items, lines and open amount.
    pub fn partner(&self, code: PartnerCode) -> Option<&PartnerItems> {
        self.partners.get(&code)
    }

    /// A partner's items in posting order.
    pub fn items_of(&self, code: PartnerCode) -> impl Iterator<Item = &OpenItem> + '_ {
        self.partners
            .get(&code)
            .into_iter()
            .flat_map(|p| p.items.iter().map(|&i| &self.items[i as usize]))
    }

    /// A partner's open amount, debit positive (0 without postings).
    pub fn open_lc(&self, code: PartnerCode) -> Decimal {
        self.partners
            .get(&code)
            .map_or(Decimal::ZERO, |p| p.open_lc)
    }

    pub fn clearing(&self, number: u32) -> Option<&ClearingRecord> {
        self.clearings
            .get(usize::try_from(number).ok()?.checked_sub(1)?)
    }

    /// Every clearing, in number order.
    pub fn clearings(&self) -> &[ClearingRecord] {
        &self.clearings
    }

    /// What of `item` was open at the end of `date`: its amount less the
    /// clearings dated on or before it that are not cancelled (LC, FC).
    pub fn open_as_of(&self, item: &OpenItem, date: NaiveDate) -> (Decimal, Option<Decimal>) {
        let mut lc = item.amount_lc;
        let mut fc = item.fc.as_ref().map(|f| f.amount_fc);
        for part in &item.cleared {
            let counts = self
                .clearing(part.number)
                .is_some_and(|r| r.cancelled.is_none() && r.clearing.date <= date);
            if counts {
                lc -= part.amount_lc;
                if let (Some(fc), Some(amount)) = (fc.as_mut(), part.amount_fc) {
                    *fc -= amount;
                }
            }
        }
        (lc, fc)
    }
}

/// The items of a partner line under its partner's terms.
fn plan(
    partners: &Partners,
    settings: &Settings,
    entry: &PostedEntry,
    line: &Line,
) -> Vec<ItemPlan> {
    let Some(partner_line) = line.partner() else {
        return Vec::new();
    };
    let code = partner_line.partner;
    let invoice_side = partners
        .partner(code)
        .is_some_and(|p| p.kind.invoice_side() == line.side);
    let dates = LineDates {
        document_date: entry.document_date,
        posting_date: entry.posting_date,
        due_override: partner_line.due_date,
        invoice_side,
    };
    let amounts = LineAmounts {
        amount_lc: line.amount_lc,
        lc_decimals: settings.lc_decimals(),
        fc: line.fc().map(|f| (f.amount_fc, f.currency.decimals())),
    };
    schedule(partners.terms_of(code), dates, amounts)
}

fn new_item(
    id: ItemId,
    partner: PartnerCode,
    entry: &PostedEntry,
    line: &Line,
    plan: ItemPlan,
) -> OpenItem {
    OpenItem {
        id,
        partner,
        account: line.account,
        side: line.side,
        posting_date: entry.posting_date,
        document_date: entry.document_date,
        due_date: plan.due_date,
        tolerance_days: plan.tolerance_days,
        discounts: plan.discounts.into_boxed_slice(),
        amount_lc: plan.amount_lc,
        open_lc: plan.amount_lc,
        fc: line.fc().zip(plan.amount_fc).map(|(f, amount_fc)| {
            Box::new(ItemFc {
                currency: f.currency,
                amount_fc,
                open_fc: amount_fc,
            })
        }),
        cleared: Vec::new(),
    }
}
