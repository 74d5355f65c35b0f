//! The payment settings as typed (texts, so a half-typed number survives),
//! filled from the Book and turned back into `PaymentSettings` with a
//! sentence naming the field when a number or amount does not parse.

use leptos::prelude::*;
use std::collections::BTreeMap;

use crate::formats::amount::parse_amount;
use crate::ledger::Book;
use crate::ledger::payments::PaymentSettings;
use crate::ledger::types::AccountNo;
use crate::texts;
use crate::ui::components::{fmt_amount, number_style};
use crate::ui::errors::domain_error;
use crate::ui::i18n::{Lang, Text};

texts! {
    pub enum F {
        WriteOff => "Zahlungsdifferenzen (Ausbuchung)", "Payment differences (write-off)";
        DiscountGranted => "Gewährte Skonti (ohne Steuer / ohne Konto oben)", "Discounts granted (untaxed / no account below)";
        DiscountReceived => "Erhaltene Skonti (ohne Steuer / ohne Konto oben)", "Discounts received (untaxed / no account below)";
        Checks => "Scheckeingang (bis zur Einreichung)", "Checks received (until deposited)";
        Card => "Kreditkartenabrechnung", "Credit-card clearing";
        FxGain => "Unrealisierte Kursgewinne", "Unrealised exchange gains";
        FxLoss => "Unrealisierte Kursverluste", "Unrealised exchange losses";
        FxAdjustment => "Wertberichtigung aus Kursdifferenzen (Bewertung offener Posten)", "FX adjustment account (revaluation of open items)";
        BadTolerance => "Toleranz: das ist kein gültiger Betrag.", "Tolerance: that is not a valid amount.";
        BadMatchDays => "Tage Abstand: bitte eine ganze Zahl von 0 bis 65535.", "Days apart: please a whole number from 0 to 65535.";
    }
}

/// The single-account fields, in the order the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountField {
    WriteOff,
    DiscountGranted,
    DiscountReceived,
    Checks,
    Card,
    FxGain,
    FxLoss,
    FxAdjustment,
}

pub const ACCOUNT_FIELDS: [AccountField; 8] = [
    AccountField::WriteOff,
    AccountField::DiscountGranted,
    AccountField::DiscountReceived,
    AccountField::Checks,
    AccountField::Card,
    AccountField::FxGain,
    AccountField::FxLoss,
    AccountField::FxAdjustment,
];

impl AccountField {
    pub fn label(self) -> F {
        match self {
            AccountField::WriteOff => F::WriteOff,
            AccountField::DiscountGranted => F::DiscountGranted,
            AccountField::DiscountReceived => F::DiscountReceived,
            AccountField::Checks => F::Checks,
            AccountField::Card => F::Card,
            AccountField::FxGain => F::FxGain,
            AccountField::FxLoss => F::FxLoss,
            AccountField::FxAdjustment => F::FxAdjustment,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            AccountField::WriteOff => "write-off",
            AccountField::DiscountGranted => "discount-granted",
            AccountField::DiscountReceived => "discount-received",
            AccountField::Checks => "checks",
            AccountField::Card => "card",
            AccountField::FxGain => "fx-gain",
            AccountField::FxLoss => "fx-loss",
            AccountField::FxAdjustment => "fx-adjustment",
        }
    }

    fn slot(self, s: &mut PaymentSettings) -> &mut Option<AccountNo> {
        match self {
            AccountField::WriteOff => &mut s.write_off_account,
            AccountField::DiscountGranted => &mut s.discount_granted,
            AccountField::DiscountReceived => &mut s.discount_received,
            AccountField::Checks => &mut s.checks_account,
            AccountField::Card => &mut s.card_account,
            AccountField::FxGain => &mut s.fx_unrealised_gain,
            AccountField::FxLoss => &mut s.fx_unrealised_loss,
            AccountField::FxAdjustment => &mut s.fx_adjustment_account,
        }
    }
}

/// A postable, active account the fields suggest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountChoice {
    pub number: AccountNo,
    pub name: String,
}

impl AccountChoice {
    pub fn all(book: &Book, german: bool) -> Vec<AccountChoice> {
        book.accounts()
            .filter(|a| a.postable && a.active)
            .map(|a| AccountChoice {
                number: a.number,
                name: a.name(german).to_string(),
            })
            .collect()
    }
}

/// A discount row: tax code, its name, the typed account.
pub type DiscountRow = (String, String, RwSignal<String>);

#[derive(Clone, Copy)]
pub struct Form {
    accounts: [RwSignal<String>; 8],
    pub discounts: RwSignal<Vec<DiscountRow>>,
    pub tolerance: RwSignal<String>,
    pub match_days: RwSignal<String>,
    pub within_year: RwSignal<bool>,
}

impl Form {
    pub fn new() -> Form {
        Form {
            accounts: std::array::from_fn(|_| RwSignal::new(String::new())),
            discounts: RwSignal::new(Vec::new()),
            tolerance: RwSignal::new(String::new()),
            match_days: RwSignal::new(String::new()),
            within_year: RwSignal::new(true),
        }
    }

    pub fn account(&self, field: AccountField) -> RwSignal<String> {
        self.accounts[field as usize]
    }

    /// Shows the Book's settings (amounts in `lang`'s style).
    pub fn load(&self, book: &Book, lang: Lang) {
        let mut s = book.payments().settings().clone();
        for field in ACCOUNT_FIELDS {
            let text = field
                .slot(&mut s)
                .map(|a| a.to_string())
                .unwrap_or_default();
            self.account(field).set(text);
        }
        let rows = book
            .tax()
            .codes()
            .map(|c| {
                let account = s.discount_accounts.get(&c.code).map(|a| a.to_string());
                let name = c.name(lang == Lang::De).to_string();
                (
                    c.code.clone(),
                    name,
                    RwSignal::new(account.unwrap_or_default()),
                )
            })
            .collect();
        self.discounts.set(rows);
        let decimals = book.settings().lc_decimals();
        self.tolerance
            .set(fmt_amount(s.tolerance_lc, decimals, lang));
        self.match_days.set(s.match_days.to_string());
        self.within_year.set(s.gains_within_year_only);
    }

    /// The typed settings, or a sentence naming the field that is wrong.
    pub fn settings(&self, decimals: u32, lang: Lang) -> Result<PaymentSettings, String> {
        let mut s = PaymentSettings::default();
        for field in ACCOUNT_FIELDS {
            let text = self.account(field).get_untracked();
            *field.slot(&mut s) = typed_account(&text, field.label().text(lang), lang)?;
        }
        let mut discounts = BTreeMap::new();
        for (code, _, text) in self.discounts.get_untracked() {
            if let Some(a) = typed_account(&text.get_untracked(), &code, lang)? {
                discounts.insert(code, a);
            }
        }
        s.discount_accounts = discounts;
        let tolerance = self.tolerance.get_untracked();
        s.tolerance_lc = if tolerance.trim().is_empty() {
            rust_decimal::Decimal::ZERO
        } else {
            parse_amount(&tolerance, number_style(lang), decimals)
                .map_err(|_| F::BadTolerance.text(lang).to_string())?
        };
        s.match_days = self
            .match_days
            .get_untracked()
            .trim()
            .parse()
            .map_err(|_| F::BadMatchDays.text(lang).to_string())?;
        s.gains_within_year_only = self.within_year.get_untracked();
        Ok(s)
    }
}

/// The account number typed (a suggestion may add its name after a
/// space); empty is none.
fn typed_account(text: &str, label: &str, lang: Lang) -> Result<Option<AccountNo>, String> {
    let number = text.split_whitespace().next().unwrap_or("");
    if number.is_empty() {
        return Ok(None);
    }
    AccountNo::parse(number)
        .map(Some)
        .map_err(|e| format!("{label}: {}", domain_error(&e.into(), lang)))
}
