//! The payment form's state: one signal per field (typed text, so an
//! invalid amount stays on screen), the partner's item rows with their
//! own signals (typing in one row re-renders nothing else), and the
//! `PaymentDraft` read from them, or the first field that does not read.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::texts::T;
use crate::formats::amount::parse_amount;
use crate::ledger::Book;
use crate::ledger::open_items::ItemId;
use crate::ledger::payments::{
    Direction, GlLineDraft, ItemDraft, ItemOffer, Means, MeansDraft, PaymentDraft,
};
use crate::ledger::types::{AccountNo, Currency, PartnerCode, PostingKey};
use crate::ui::components::{fresh_posting_key, number_style};
use crate::ui::i18n::{Lang, Text};

/// One open item of the partner as the table shows it.
#[derive(Clone, Debug)]
pub struct ItemRow {
    pub item: ItemId,
    /// "2026/17": the entry that opened it.
    pub document: String,
    pub reference: String,
    pub document_date: NaiveDate,
    pub due_date: NaiveDate,
    pub offer: ItemOffer,
    pub ticked: RwSignal<bool>,
    pub amount: RwSignal<String>,
    pub discount: RwSignal<String>,
}

/// One means row; `auto`: its amount follows what the items need until
/// the user types one.
#[derive(Clone, Copy, Debug)]
pub struct MeansRow {
    pub id: usize,
    pub means: RwSignal<Means>,
    pub account: RwSignal<String>,
    pub amount: RwSignal<String>,
    pub reference: RwSignal<String>,
    pub auto: RwSignal<bool>,
}

/// One G/L line of a payment without partner.
#[derive(Clone, Copy, Debug)]
pub struct GlRow {
    pub id: usize,
    pub account: RwSignal<String>,
    pub amount: RwSignal<String>,
    pub tax_code: RwSignal<String>,
    pub memo: RwSignal<String>,
}

/// Every field of the form.
#[derive(Clone, Copy)]
pub struct Form {
    pub direction: Direction,
    pub partner: RwSignal<String>,
    pub posting_date: RwSignal<Option<NaiveDate>>,
    pub document_date: RwSignal<Option<NaiveDate>>,
    pub reference: RwSignal<String>,
    pub memo: RwSignal<String>,
    /// Empty: local currency.
    pub currency: RwSignal<String>,
    pub items: RwSignal<Vec<ItemRow>>,
    pub on_account: RwSignal<String>,
    pub means: RwSignal<Vec<MeansRow>>,
    pub gl: RwSignal<Vec<GlRow>>,
    pub fee: RwSignal<String>,
    pub write_off: RwSignal<bool>,
    pub late_ok: RwSignal<bool>,
    /// The idempotency key (hex): the same until the payment is posted.
    pub key: RwSignal<String>,
    next_id: StoredValue<usize>,
}

/// Why the form does not make a draft yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    NoDate,
    Amount(String),
    Account(String),
    Currency(String),
}

impl FormError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FormError::NoDate => T::NoDate.text(lang).to_string(),
            FormError::Amount(t) => format!("{} {t}", T::BadAmount.text(lang)),
            FormError::Account(t) => format!("{} {t}", T::BadAccount.text(lang)),
            FormError::Currency(t) => format!("{} {t}", T::BadCurrency.text(lang)),
        }
    }
}

impl Form {
    pub fn new(direction: Direction, bank: String) -> Form {
        let form = Form {
            direction,
            partner: RwSignal::new(String::new()),
            posting_date: RwSignal::new(None),
            document_date: RwSignal::new(None),
            reference: RwSignal::new(String::new()),
            memo: RwSignal::new(String::new()),
            currency: RwSignal::new(String::new()),
            items: RwSignal::new(Vec::new()),
            on_account: RwSignal::new(String::new()),
            means: RwSignal::new(Vec::new()),
            gl: RwSignal::new(Vec::new()),
            fee: RwSignal::new(String::new()),
            write_off: RwSignal::new(false),
            late_ok: RwSignal::new(false),
            key: RwSignal::new(fresh_posting_key()),
            next_id: StoredValue::new(0),
        };
        form.add_means(Means::Transfer, bank);
        form
    }

    fn next(&self) -> usize {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    pub fn add_means(&self, means: Means, account: String) {
        let row = MeansRow {
            id: self.next(),
            means: RwSignal::new(means),
            account: RwSignal::new(account),
            amount: RwSignal::new(String::new()),
            reference: RwSignal::new(String::new()),
            auto: RwSignal::new(true),
        };
        self.means.update(|m| m.push(row));
    }

    pub fn add_gl(&self) {
        let row = GlRow {
            id: self.next(),
            account: RwSignal::new(String::new()),
            amount: RwSignal::new(String::new()),
            tax_code: RwSignal::new(String::new()),
            memo: RwSignal::new(String::new()),
        };
        self.gl.update(|g| g.push(row));
    }

    /// Empties the form after a posting (dates and the bank account
    /// stay: the next payment is usually of the same day and bank).
    pub fn clear(&self, bank: String) {
        self.partner.set(String::new());
        self.reference.set(String::new());
        self.memo.set(String::new());
        self.currency.set(String::new());
        self.items.set(Vec::new());
        self.on_account.set(String::new());
        self.means.set(Vec::new());
        self.add_means(Means::Transfer, bank);
        self.gl.set(Vec::new());
        self.fee.set(String::new());
        self.write_off.set(false);
        self.late_ok.set(false);
        self.key.set(fresh_posting_key());
    }

    /// The partner code typed (its first word: the list offers "code name").
    pub fn partner_code(&self) -> Option<PartnerCode> {
        let text = self.partner.get();
        let code = text.split_whitespace().next()?;
        PartnerCode::parse(code).ok()
    }

    /// The payment's currency: `None` for LC (empty or the LC code).
    pub fn currency_of(&self, lc: &str) -> Result<Option<Currency>, FormError> {
        let text = self.currency.get();
        let code = text.trim().to_uppercase();
        if code.is_empty() || code == lc {
            return Ok(None);
        }
        Currency::parse(&code)
            .map(Some)
            .map_err(|_| FormError::Currency(text))
    }

    /// What the ticked items, the amount on account and the fee need from
    /// the means (what the first means row shows until typed over).
    pub fn need(&self, lang: Lang, decimals: u32) -> Decimal {
        let num = |t: String| amount(&t, lang, decimals).unwrap_or_default();
        let items: Decimal = self
            .items
            .get()
            .iter()
            .filter(|r| r.ticked.get())
            .map(|r| num(r.amount.get()) - num(r.discount.get()))
            .sum();
        let gl: Decimal = self.gl.get().iter().map(|g| num(g.amount.get())).sum();
        let fee = num(self.fee.get());
        let fee = match self.direction {
            Direction::Incoming => -fee,
            Direction::Outgoing => fee,
        };
        items + num(self.on_account.get()) + gl + fee
    }

    /// True when nothing asks to be posted yet.
    pub fn is_empty(&self) -> bool {
        !self.items.get().iter().any(|r| r.ticked.get())
            && self.on_account.get().trim().is_empty()
            && self.gl.get().is_empty()
    }

    /// A ticked item with a discount whose period is over: the user must
    /// confirm it.
    pub fn late_discount(&self, lang: Lang, decimals: u32) -> bool {
        self.items.get().iter().any(|r| {
            r.ticked.get()
                && r.offer.until.is_none()
                && amount(&r.discount.get(), lang, decimals).is_ok_and(|d| d > Decimal::ZERO)
        })
    }

    /// Rewrites every typed amount that reads in `from`'s way of writing
    /// numbers the way `to` writes them (the language was switched);
    /// text that does not read stays as typed.
    pub fn relocalize(&self, from: Lang, to: Lang, decimals: u32) {
        let redo = |s: RwSignal<String>| {
            let text = s.get_untracked();
            if let (false, Ok(x)) = (text.trim().is_empty(), amount(&text, from, decimals)) {
                s.set(crate::ui::components::fmt_amount(x, decimals, to));
            }
        };
        for r in self.items.get_untracked() {
            redo(r.amount);
            redo(r.discount);
        }
        for m in self.means.get_untracked() {
            redo(m.amount);
        }
        for g in self.gl.get_untracked() {
            redo(g.amount);
        }
        redo(self.on_account);
        redo(self.fee);
    }

    /// The draft the form reads as (tracks every field it reads).
    pub fn draft(&self, book: &Book, lang: Lang) -> Result<PaymentDraft, FormError> {
        let lc = book.settings().lc.as_str().to_string();
        let currency = self.currency_of(&lc)?;
        let d = currency.map_or(book.settings().lc_decimals(), |c| c.decimals());
        let posting_date = self.posting_date.get().ok_or(FormError::NoDate)?;
        let key = PostingKey::from_hex(&self.key.get()).unwrap_or(PostingKey(0));
        Ok(PaymentDraft {
            direction: self.direction,
            partner: self.partner_code(),
            posting_date,
            document_date: self.document_date.get(),
            currency,
            rate_fc_per_lc: None,
            items: self.item_drafts(lang, d)?,
            on_account: amount(&self.on_account.get(), lang, d)?,
            gl_lines: self.gl_drafts(lang, d)?,
            means: self.means_drafts(lang, d)?,
            fee: amount(&self.fee.get(), lang, d)?,
            write_off: self.write_off.get(),
            late_discount_confirmed: self.late_ok.get(),
            reference: self.reference.get(),
            memo: self.memo.get(),
            user: T::NoCompanyUser.text(lang).to_string(),
            key,
        })
    }

    fn item_drafts(&self, lang: Lang, d: u32) -> Result<Vec<ItemDraft>, FormError> {
        self.items
            .get()
            .iter()
            .filter(|r| r.ticked.get())
            .map(|r| {
                Ok(ItemDraft {
                    item: r.item,
                    amount: amount(&r.amount.get(), lang, d)?,
                    discount: amount(&r.discount.get(), lang, d)?,
                })
            })
            .collect()
    }

    fn means_drafts(&self, lang: Lang, d: u32) -> Result<Vec<MeansDraft>, FormError> {
        self.means
            .get()
            .iter()
            .filter(|m| !m.amount.get().trim().is_empty())
            .map(|m| {
                Ok(MeansDraft {
                    means: m.means.get(),
                    account: account(&m.account.get())?,
                    amount: amount(&m.amount.get(), lang, d)?,
                    reference: m.reference.get(),
                })
            })
            .collect()
    }

    fn gl_drafts(&self, lang: Lang, d: u32) -> Result<Vec<GlLineDraft>, FormError> {
        if self.partner_code().is_some() {
            // The G/L lines are hidden (and not posted) once a partner is named.
            return Ok(Vec::new());
        }
        self.gl
            .get()
            .iter()
            .filter(|g| !g.account.get().trim().is_empty())
            .map(|g| {
                let text = g.account.get();
                let code = g.tax_code.get().trim().to_string();
                Ok(GlLineDraft {
                    account: account(&text)?.ok_or(FormError::Account(text))?,
                    amount: amount(&g.amount.get(), lang, d)?,
                    tax_code: (!code.is_empty()).then_some(code),
                    memo: g.memo.get(),
                })
            })
            .collect()
    }
}

/// A typed amount; empty is zero.
pub fn amount(text: &str, lang: Lang, decimals: u32) -> Result<Decimal, FormError> {
    if text.trim().is_empty() {
        return Ok(Decimal::ZERO);
    }
    parse_amount(text, number_style(lang), decimals).map_err(|_| FormError::Amount(text.into()))
}

/// A typed account (its first word: the list offers "number name");
/// empty is none.
pub fn account(text: &str) -> Result<Option<AccountNo>, FormError> {
    match text.split_whitespace().next() {
        None => Ok(None),
        Some(no) => AccountNo::parse(no)
            .map(Some)
            .map_err(|_| FormError::Account(text.into())),
    }
}
