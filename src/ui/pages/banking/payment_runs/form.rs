//! The wizard's state: one signal per field of steps 1 to 3 (typed text,
//! so a wrong entry stays on screen), the recommendation's rows with
//! their own signals (tick and payment amount), and the `RunParams` /
//! `RunDraft` read from them, or the first field that does not read.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::texts::T;
use crate::formats::amount::parse_amount;
use crate::ledger::partners::PaymentMethod;
use crate::ledger::payment_runs::{
    Excluded, PartnerSelection, PaymentRun, ProposedRow, RunDraft, RunItem, RunParams,
};
use crate::ledger::types::PartnerCode;
use crate::ui::components::{fmt_amount, number_style};
use crate::ui::i18n::{Lang, Text};

/// Every payment method, in the order the selection step offers them.
pub const METHODS: [(PaymentMethod, T); 5] = [
    (PaymentMethod::Transfer, T::Transfer),
    (PaymentMethod::DirectDebit, T::DirectDebit),
    (PaymentMethod::Check, T::Check),
    (PaymentMethod::Cash, T::Cash),
    (PaymentMethod::Card, T::Card),
];

/// Which way step 2 picks partners.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    All,
    Range,
    Group,
}

/// One proposed item with the user's choice: pay it (`take`) and how much
/// (`pay`, typed; the proposal's amount until changed).
#[derive(Clone, Debug)]
pub struct Row {
    pub row: ProposedRow,
    pub take: RwSignal<bool>,
    pub pay: RwSignal<String>,
}

/// Every field of the wizard.
#[derive(Clone, Copy)]
pub struct Form {
    /// The saved run being edited (`None`: a new one).
    pub editing: RwSignal<Option<u32>>,
    pub name: RwSignal<String>,
    pub run_date: RwSignal<Option<NaiveDate>>,
    pub next_run_date: RwSignal<Option<NaiveDate>>,
    pub due_until: RwSignal<Option<NaiveDate>>,
    pub outgoing: RwSignal<bool>,
    pub incoming: RwSignal<bool>,
    pub house_bank: RwSignal<String>,
    pub creditor_id: RwSignal<String>,
    pub pick: RwSignal<Pick>,
    pub from: RwSignal<String>,
    pub to: RwSignal<String>,
    pub group: RwSignal<String>,
    pub methods: RwSignal<Vec<PaymentMethod>>,
    pub credit_notes: RwSignal<bool>,
    pub max_total: RwSignal<String>,
    pub rows: RwSignal<Vec<Row>>,
    /// What the proposal leaves out, with the reasons.
    pub excluded: RwSignal<Vec<Excluded>>,
}

/// A field of steps 1 to 3 that does not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    NoDate,
    NoHouseBank,
    Code(String),
    Amount(String),
}

impl FormError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FormError::NoDate => T::NoDate.text(lang).to_string(),
            FormError::NoHouseBank => T::NoHouseBank.text(lang).to_string(),
            FormError::Code(t) => format!("{} {t}", T::BadCode.text(lang)),
            FormError::Amount(t) => format!("{} {t}", T::BadAmount.text(lang)),
        }
    }
}

impl Form {
    /// Re-writes the typed amounts for the language switched to, so they
    /// still read (116,62 → 116.62); the payment form does the same.
    pub fn relocalize(&self, from: Lang, to: Lang) {
        let redo = |s: RwSignal<String>| {
            let text = s.get_untracked();
            if let (false, Ok(x)) = (text.trim().is_empty(), amount(&text, from)) {
                s.set(fmt_amount(x, 2, to));
            }
        };
        for r in self.rows.get_untracked() {
            redo(r.pay);
        }
        redo(self.max_total);
    }

    pub fn new() -> Form {
        let s = || RwSignal::new(String::new());
        let d = || RwSignal::new(None);
        Form {
            editing: RwSignal::new(None),
            name: s(),
            run_date: d(),
            next_run_date: d(),
            due_until: d(),
            outgoing: RwSignal::new(true),
            incoming: RwSignal::new(false),
            house_bank: s(),
            creditor_id: s(),
            pick: RwSignal::new(Pick::All),
            from: s(),
            to: s(),
            group: s(),
            methods: RwSignal::new(Vec::new()),
            credit_notes: RwSignal::new(true),
            max_total: s(),
            rows: RwSignal::new(Vec::new()),
            excluded: RwSignal::new(Vec::new()),
        }
    }

    /// Fills steps 1 to 3 from a saved run (the rows follow from the
    /// proposal, ticked as the run has them: see `rows`).
    pub fn load(&self, run: &PaymentRun, lang: Lang) {
        let p = &run.params;
        self.editing.set(Some(run.number));
        self.name.set(p.name.clone());
        self.run_date.set(Some(p.run_date));
        self.next_run_date.set(Some(p.next_run_date));
        self.due_until.set(Some(p.due_until));
        self.outgoing.set(p.outgoing);
        self.incoming.set(p.incoming);
        self.house_bank.set(p.house_bank.clone());
        let (pick, from, to, group) = match &p.partners {
            PartnerSelection::All => (Pick::All, String::new(), String::new(), String::new()),
            PartnerSelection::Range { from, to } => {
                (Pick::Range, from.to_string(), to.to_string(), String::new())
            }
            PartnerSelection::Group(g) => (Pick::Group, String::new(), String::new(), g.clone()),
        };
        self.pick.set(pick);
        self.from.set(from);
        self.to.set(to);
        self.group.set(group);
        self.methods.set(p.methods.clone());
        self.credit_notes.set(p.include_credit_notes);
        self.max_total.set(
            p.max_total
                .map(|m| fmt_amount(m, 2, lang))
                .unwrap_or_default(),
        );
    }

    /// Steps 1 to 3 as `RunParams` (tracks every field it reads).
    pub fn params(&self, lang: Lang) -> Result<RunParams, FormError> {
        let house_bank = self.house_bank.get().trim().to_string();
        if house_bank.is_empty() {
            return Err(FormError::NoHouseBank);
        }
        Ok(RunParams {
            name: self.name.get().trim().to_string(),
            run_date: self.run_date.get().ok_or(FormError::NoDate)?,
            outgoing: self.outgoing.get(),
            incoming: self.incoming.get(),
            house_bank,
            next_run_date: self.next_run_date.get().ok_or(FormError::NoDate)?,
            partners: self.selection()?,
            methods: self.methods.get(),
            include_credit_notes: self.credit_notes.get(),
            due_until: self.due_until.get().ok_or(FormError::NoDate)?,
            max_total: optional_amount(&self.max_total.get(), lang)?,
        })
    }

    fn selection(&self) -> Result<PartnerSelection, FormError> {
        let code = |s: RwSignal<String>| {
            let text = s.get();
            PartnerCode::parse(text.trim()).map_err(|_| FormError::Code(text))
        };
        Ok(match self.pick.get() {
            Pick::All => PartnerSelection::All,
            Pick::Range => PartnerSelection::Range {
                from: code(self.from)?,
                to: code(self.to)?,
            },
            Pick::Group => PartnerSelection::Group(self.group.get().trim().to_string()),
        })
    }

    /// The run to save: the ticked rows with their payment amounts.
    pub fn draft(&self, lang: Lang) -> Result<RunDraft, FormError> {
        let params = self.params(lang)?;
        let items = self
            .rows
            .get()
            .iter()
            .filter(|r| r.take.get())
            .map(|r| run_item(r, lang))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(RunDraft {
            number: self.editing.get().unwrap_or(0),
            params,
            items,
        })
    }

    /// The total of the ticked rows as typed (credit notes subtract);
    /// rows whose amount does not read count nothing.
    pub fn chosen_total(&self, lang: Lang) -> (Decimal, usize) {
        let rows = self.rows.get();
        let taken: Vec<&Row> = rows.iter().filter(|r| r.take.get()).collect();
        let total = taken
            .iter()
            .map(|r| {
                let pay = amount(&r.pay.get(), lang).unwrap_or_default();
                if r.row.credit_note { -pay } else { pay }
            })
            .sum();
        (total, taken.len())
    }
}

/// A ticked row as the run's item. The proposal's payment amount pays
/// the item in full with its discount; a changed one is a part payment
/// without discount (the discount belongs to paying in full).
fn run_item(r: &Row, lang: Lang) -> Result<RunItem, FormError> {
    let pay = amount(&r.pay.get(), lang)?;
    let (amount, discount) = if pay == r.row.pay {
        (r.row.open, r.row.discount)
    } else {
        (pay, Decimal::ZERO)
    };
    Ok(RunItem {
        item: r.row.item,
        partner: r.row.partner,
        amount,
        discount,
    })
}

/// The recommendation's rows for `proposal`: a row keeps the user's tick
/// from `old` (the same item) and the typed amount while the proposal
/// for it is unchanged (a new run date changes the discount, and so the
/// amount); else it takes `saved`'s (the run being edited) or is ticked
/// with the proposed amount.
pub fn rows(
    proposal: &[ProposedRow],
    old: &[Row],
    saved: Option<&[RunItem]>,
    lang: Lang,
) -> Vec<Row> {
    proposal
        .iter()
        .map(|p| {
            let fresh = |pay: Decimal| RwSignal::new(fmt_amount(pay, 2, lang));
            if let Some(o) = old.iter().find(|o| o.row.item == p.item) {
                let pay = if o.row == *p { o.pay } else { fresh(p.pay) };
                return Row {
                    row: p.clone(),
                    take: o.take,
                    pay,
                };
            }
            let (take, pay) = match saved {
                Some(items) => match items.iter().find(|i| i.item == p.item) {
                    Some(i) => (true, i.amount - i.discount),
                    None => (false, p.pay),
                },
                None => (true, p.pay),
            };
            Row {
                row: p.clone(),
                take: RwSignal::new(take),
                pay: fresh(pay),
            }
        })
        .collect()
}

/// A typed amount; empty is zero.
pub fn amount(text: &str, lang: Lang) -> Result<Decimal, FormError> {
    if text.trim().is_empty() {
        return Ok(Decimal::ZERO);
    }
    parse_amount(text, number_style(lang), 2).map_err(|_| FormError::Amount(text.into()))
}

fn optional_amount(text: &str, lang: Lang) -> Result<Option<Decimal>, FormError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        amount(text, lang).map(Some)
    }
}
