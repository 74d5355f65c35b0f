//! The partner form as typed (text kept as typed, so a refused save loses
//! nothing), turned into a `Partner` with the field to blame when a value
//! cannot be read; and which field an engine refusal names.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::{parse_amount, parse_date};
use crate::formats::country::{label_of, parse_country};
use crate::ledger::gl::AccountCurrency;
use crate::ledger::partners::{
    Address, BankAccount, Contact, Language, Mandate, MandateSequence, Partner, PartnerKind,
    PartnersError, PaymentMethod,
};
use crate::ledger::types::{AccountNo, Currency, InputError, PartnerCode};
use crate::ledger::{Book, DomainError};
use crate::ui::components::{fmt_date, number_style, today};
use crate::ui::i18n::{Lang, Text};

use super::T;

/// A place on the form an error is shown next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Code,
    Name,
    Group,
    Address,
    Country,
    VatId,
    TaxNumber,
    Contact,
    Email,
    Bank,
    Control,
    Currency,
    Terms,
    Limits,
    Dunning,
    Mandate,
    Remarks,
    /// No one field: shown above the buttons.
    Form,
}

/// The field an engine refusal of a partner names.
pub fn slot_of(e: &DomainError) -> Slot {
    use crate::ledger::types::Field as F;
    use PartnersError as E;
    let DomainError::Partners(e) = e else {
        return Slot::Form;
    };
    match e {
        E::Input(InputError::Empty { field } | InputError::TextTooLong { field, .. }) => {
            match field {
                F::PartnerName => Slot::Name,
                F::PartnerGroup => Slot::Group,
                F::Street | F::HouseNumber | F::Postcode | F::Town => Slot::Address,
                F::VatId => Slot::VatId,
                F::TaxNumber => Slot::TaxNumber,
                F::ContactPerson | F::Phone => Slot::Contact,
                F::Email => Slot::Email,
                F::Remarks => Slot::Remarks,
                F::DunningTerm => Slot::Dunning,
                F::MandateId => Slot::Mandate,
                F::AccountHolder { .. } => Slot::Bank,
                _ => Slot::Form,
            }
        }
        E::Input(InputError::InvalidPartnerCode { .. })
        | E::CodeNotNumeric { .. }
        | E::CodeOutOfRange { .. }
        | E::PartnerExists { .. } => Slot::Code,
        E::Input(InputError::UnknownCurrency { .. }) | E::PartnerCurrencyIsLocal { .. } => {
            Slot::Currency
        }
        E::InvalidCountry { .. } => Slot::Country,
        E::InvalidVatId { .. } => Slot::VatId,
        E::InvalidEmail { .. } => Slot::Email,
        E::InvalidIban { .. }
        | E::InvalidBic { .. }
        | E::DuplicateIban { .. }
        | E::TooManyBankAccounts { .. }
        | E::DefaultBankAccount { .. } => Slot::Bank,
        E::ControlAccountInvalid { .. }
        | E::ControlAccountType { .. }
        | E::Input(InputError::InvalidAccountNo { .. })
        | E::PartnerHasPostings { .. } => Slot::Control,
        E::ControlAccountCurrency { .. } => Slot::Currency,
        E::TermsUnknown { .. } => Slot::Terms,
        E::InvalidDunningTerm { .. } => Slot::Dunning,
        E::MandateForVendor | E::InvalidMandateId { .. } => Slot::Mandate,
        E::LimitInvalid { .. } | E::CommitmentBelowCredit { .. } => Slot::Limits,
        _ => Slot::Form,
    }
}

/// One bank account row as typed.
#[derive(Clone, Copy)]
pub struct BankRow {
    pub id: usize,
    pub iban: RwSignal<String>,
    pub bic: RwSignal<String>,
    pub holder: RwSignal<String>,
}

/// The currencies the partner is invoiced in, as the select offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurrencyMode {
    Local,
    All,
    Foreign,
}

#[derive(Clone, Copy)]
pub struct Form {
    /// `Some` while editing an existing partner.
    pub editing: RwSignal<Option<PartnerCode>>,
    pub code: RwSignal<String>,
    pub kind: RwSignal<PartnerKind>,
    pub name: RwSignal<String>,
    pub group: RwSignal<String>,
    pub street: RwSignal<String>,
    pub house: RwSignal<String>,
    pub postcode: RwSignal<String>,
    pub town: RwSignal<String>,
    pub country: RwSignal<String>,
    pub vat_id: RwSignal<String>,
    pub tax_number: RwSignal<String>,
    pub person: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub email: RwSignal<String>,
    pub language: RwSignal<Language>,
    pub banks: RwSignal<Vec<BankRow>>,
    /// The id of the default bank row.
    pub default_bank: RwSignal<Option<usize>>,
    pub control: RwSignal<String>,
    pub currency_mode: RwSignal<CurrencyMode>,
    pub currency: RwSignal<String>,
    pub terms: RwSignal<String>,
    pub method: RwSignal<PaymentMethod>,
    pub block: RwSignal<bool>,
    pub credit: RwSignal<String>,
    pub commitment: RwSignal<String>,
    pub dunning: RwSignal<String>,
    pub mandate_id: RwSignal<String>,
    pub mandate_signed: RwSignal<String>,
    pub mandate_recurring: RwSignal<bool>,
    pub remarks: RwSignal<String>,
    pub active: RwSignal<bool>,
    next_id: StoredValue<usize>,
}

fn text() -> RwSignal<String> {
    RwSignal::new(String::new())
}

/// The next free code in the kind's range: one above the highest taken.
pub fn next_code(book: &Book, kind: PartnerKind) -> String {
    let (min, max) = kind.code_range();
    let highest = book
        .partners()
        .partners()
        .filter_map(|p| p.code.number())
        .filter(|n| (min..=max).contains(n))
        .max();
    match highest {
        Some(n) if n < max => (n + 1).to_string(),
        Some(_) => String::new(),
        None => min.to_string(),
    }
}

impl Form {
    pub fn new() -> Form {
        Form {
            editing: RwSignal::new(None),
            code: text(),
            kind: RwSignal::new(PartnerKind::Customer),
            name: text(),
            group: text(),
            street: text(),
            house: text(),
            postcode: text(),
            town: text(),
            country: text(),
            vat_id: text(),
            tax_number: text(),
            person: text(),
            phone: text(),
            email: text(),
            language: RwSignal::new(Language::De),
            banks: RwSignal::new(Vec::new()),
            default_bank: RwSignal::new(None),
            control: text(),
            currency_mode: RwSignal::new(CurrencyMode::Local),
            currency: text(),
            terms: text(),
            method: RwSignal::new(PaymentMethod::Transfer),
            block: RwSignal::new(false),
            credit: text(),
            commitment: text(),
            dunning: text(),
            mandate_id: text(),
            mandate_signed: text(),
            mandate_recurring: RwSignal::new(false),
            remarks: text(),
            active: RwSignal::new(true),
            next_id: StoredValue::new(0),
        }
    }

    pub fn bank_row(&self, iban: String, bic: String, holder: String) -> BankRow {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        BankRow {
            id,
            iban: RwSignal::new(iban),
            bic: RwSignal::new(bic),
            holder: RwSignal::new(holder),
        }
    }

    /// Fills the form from a stored partner.
    pub fn load(&self, p: &Partner, lang: Lang) {
        let de = lang == Lang::De;
        // No digit grouping: the text must read back the same in either
        // language ("5.000" would be five in English).
        let amount = |d: Option<Decimal>| {
            d.map(|d| {
                let plain = d.normalize().to_string();
                if lang == Lang::De {
                    plain.replace('.', ",")
                } else {
                    plain
                }
            })
        };
        self.editing.set(Some(p.code));
        self.code.set(p.code.as_str().to_string());
        self.kind.set(p.kind);
        self.name.set(p.name.clone());
        self.group.set(p.group.clone());
        self.street.set(p.address.street.clone());
        self.house.set(p.address.house_number.clone());
        self.postcode.set(p.address.postcode.clone());
        self.town.set(p.address.town.clone());
        self.country.set(label_of(&p.address.country, de));
        self.vat_id.set(p.vat_id.clone());
        self.tax_number.set(p.tax_number.clone());
        self.person.set(p.contact.person.clone());
        self.phone.set(p.contact.phone.clone());
        self.email.set(p.contact.email.clone());
        self.language.set(p.language);
        self.load_banks(&p.bank_accounts);
        self.control
            .set(p.control_account.map(|a| a.to_string()).unwrap_or_default());
        let (mode, code) = match p.currency {
            AccountCurrency::Local => (CurrencyMode::Local, String::new()),
            AccountCurrency::All => (CurrencyMode::All, String::new()),
            AccountCurrency::Foreign(c) => (CurrencyMode::Foreign, c.to_string()),
        };
        self.currency_mode.set(mode);
        self.currency.set(code);
        self.terms.set(p.payment_terms.clone().unwrap_or_default());
        self.method.set(p.payment_method);
        self.block.set(p.payment_block);
        self.credit.set(amount(p.credit_limit).unwrap_or_default());
        self.commitment
            .set(amount(p.commitment_limit).unwrap_or_default());
        self.dunning.set(p.dunning_term.clone());
        let m = p.mandate.as_ref();
        self.mandate_id
            .set(m.map(|m| m.id.clone()).unwrap_or_default());
        self.mandate_signed
            .set(m.map(|m| fmt_date(m.signed, lang)).unwrap_or_default());
        self.mandate_recurring
            .set(m.is_some_and(|m| m.sequence == MandateSequence::Recurring));
        self.remarks.set(p.remarks.clone());
        self.active.set(p.active);
    }

    fn load_banks(&self, accounts: &[BankAccount]) {
        let mut default = None;
        let rows = accounts
            .iter()
            .map(|b| {
                let row = self.bank_row(b.iban.clone(), b.bic.clone(), b.holder.clone());
                if b.default {
                    default = Some(row.id);
                }
                row
            })
            .collect();
        self.banks.set(rows);
        self.default_bank.set(default);
    }

    /// The typed form as a partner, or the field to blame and why.
    pub fn read(&self, lang: Lang) -> Result<Partner, (Slot, String)> {
        let get = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        let bad = |slot: Slot, text: &str, why: T| (slot, format!("„{text}“ {}", why.text(lang)));
        let code_text = get(self.code);
        let code =
            PartnerCode::parse(&code_text).map_err(|_| bad(Slot::Code, &code_text, T::BadCode))?;
        let mut p = Partner::new(code, self.kind.get_untracked(), &get(self.name));
        p.group = get(self.group);
        let country_text = get(self.country);
        let country = parse_country(&country_text)
            .ok_or_else(|| bad(Slot::Country, &country_text, T::BadCountry))?;
        p.address = Address {
            street: get(self.street),
            house_number: get(self.house),
            postcode: get(self.postcode),
            town: get(self.town),
            country: country.code.to_string(),
        };
        p.vat_id = get(self.vat_id).replace(' ', "").to_uppercase();
        p.tax_number = get(self.tax_number);
        p.contact = Contact {
            person: get(self.person),
            phone: get(self.phone),
            email: get(self.email),
        };
        p.language = self.language.get_untracked();
        p.bank_accounts = self.read_banks();
        let control = get(self.control);
        if !control.is_empty() {
            p.control_account = Some(
                AccountNo::parse(&control)
                    .map_err(|_| bad(Slot::Control, &control, T::BadAccount))?,
            );
        }
        p.currency = self.read_currency(lang)?;
        p.payment_terms = Some(get(self.terms)).filter(|t| !t.is_empty());
        p.payment_method = self.method.get_untracked();
        p.payment_block = self.block.get_untracked();
        p.credit_limit = read_amount(&get(self.credit), lang)?;
        p.commitment_limit = read_amount(&get(self.commitment), lang)?;
        p.dunning_term = get(self.dunning);
        p.mandate = self.read_mandate(lang)?;
        p.remarks = self.remarks.get_untracked().trim().to_string();
        p.active = self.active.get_untracked();
        Ok(p)
    }

    fn read_banks(&self) -> Vec<BankAccount> {
        let default = self.default_bank.get_untracked();
        let rows = self.banks.get_untracked();
        let only_one = rows.len() == 1;
        rows.iter()
            .map(|r| BankAccount {
                iban: r.iban.get_untracked().replace(' ', "").to_uppercase(),
                bic: r.bic.get_untracked().trim().to_uppercase(),
                holder: r.holder.get_untracked().trim().to_string(),
                default: only_one || default == Some(r.id),
            })
            .collect()
    }

    fn read_currency(&self, lang: Lang) -> Result<AccountCurrency, (Slot, String)> {
        Ok(match self.currency_mode.get_untracked() {
            CurrencyMode::Local => AccountCurrency::Local,
            CurrencyMode::All => AccountCurrency::All,
            CurrencyMode::Foreign => {
                let text = self.currency.get_untracked().trim().to_uppercase();
                let c = Currency::parse(&text).map_err(|_| {
                    (
                        Slot::Currency,
                        format!("„{text}“ {}", T::BadCurrency.text(lang)),
                    )
                })?;
                AccountCurrency::Foreign(c)
            }
        })
    }

    fn read_mandate(&self, lang: Lang) -> Result<Option<Mandate>, (Slot, String)> {
        let id = self.mandate_id.get_untracked().trim().to_string();
        let signed = self.mandate_signed.get_untracked();
        if id.is_empty() && signed.trim().is_empty() {
            return Ok(None);
        }
        let signed = parse_date(&signed, today()).map_err(|_| {
            (
                Slot::Mandate,
                format!("„{}“ {}", signed.trim(), T::BadDate.text(lang)),
            )
        })?;
        let sequence = if self.mandate_recurring.get_untracked() {
            MandateSequence::Recurring
        } else {
            MandateSequence::First
        };
        Ok(Some(Mandate {
            id,
            signed,
            sequence,
        }))
    }
}

fn read_amount(text: &str, lang: Lang) -> Result<Option<Decimal>, (Slot, String)> {
    if text.is_empty() {
        return Ok(None);
    }
    parse_amount(text, number_style(lang), 2)
        .map(Some)
        .map_err(|_| {
            (
                Slot::Limits,
                format!("„{text}“ {}", T::BadAmount.text(lang)),
            )
        })
}
