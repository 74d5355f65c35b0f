//! One month of the demo company's business (Geschäftsmonat): exchange
//! rates on the 1st, the month's fixed postings (rent, payroll, payroll tax,
//! social security, VAT prepayment, bank fees) and a mix of sales invoices
//! (Ausgangsrechnungen), customer receipts (Zahlungseingänge), purchase
//! invoices (Eingangsrechnungen), vendor payments (Zahlungsausgänge),
//! small expenses, foreign-currency business and reversals (Stornos).
//!
//! The generator does not run a Book: it keeps just enough state (open
//! items, payroll and VAT liabilities, FC balances, the next entry id) to
//! write commands that the engine accepts. It computes every amount the
//! engine derives (VAT, FC conversion, due dates) with the engine's own
//! functions, so entries balance exactly and no rounding line is ever
//! needed.
//!
//! Invoices and credit notes are posted for their partner and become the
//! engine's open items; each invoice is given a day it will be paid when
//! it is written (most on time, some late, a few very late), and the bank
//! statement of a later day pays the items whose day has come, clearing
//! each against its payment line. So at any date some items are open,
//! some overdue, and most were paid on time.

use crate::demo::accounts::{DemoAccounts, DemoTaxCodes, tax_account};
use crate::demo::partners::{self, Partner, SWISS_VENDORS, US_CUSTOMERS, demo_terms};
use crate::demo::{DEMO_USER, DemoSpec, LC_DECIMALS, VatPosting};
use crate::ledger::Command;
use crate::ledger::gl::GlCommand;
use crate::ledger::gl::fx::lc_from_fc;
use crate::ledger::open_items::{ItemId, OpenItemsCommand, PartDraft};
use crate::ledger::partners::{PartnersCommand, PaymentTerms};
use crate::ledger::payments::discount::split;
use crate::ledger::payments::{
    Direction, ItemDraft, Means, MeansDraft, PaymentDraft, PaymentsCommand,
};
use crate::ledger::posting::PostingCommand;
use crate::ledger::posting::{EntryDraft, LineDraft};
use crate::ledger::sample::Rng;
use crate::ledger::tax::TaxCode;
use crate::ledger::types::Currency;
use crate::ledger::types::EntryId;
use crate::ledger::types::money::round;
use crate::ledger::types::{AccountNo, PostingKey};
use crate::ledger::types::{Side, Timestamp};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::collections::VecDeque;

/// What one posted entry of a month is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Opening,
    Rent,
    Salaries,
    SocialSecurityPayment,
    SalaryPayment,
    PayrollTaxPayment,
    VatPayment,
    BankFees,
    Sale,
    CreditNote,
    Receipt,
    Purchase,
    VendorPayment,
    Expense,
    ExportSale,
    SwissPurchase,
    CurrencyExchange,
    Reversal,
}

/// The month's fixed postings with their day, most important first: when
/// a month's budget is smaller than the list, the tail is left out.
/// Day 31 means the month's last day.
const FIXED: [(Kind, u32); 7] = [
    (Kind::Salaries, 25),
    (Kind::SalaryPayment, 28),
    (Kind::Rent, 3),
    (Kind::SocialSecurityPayment, 27),
    (Kind::PayrollTaxPayment, 10),
    (Kind::VatPayment, 10),
    (Kind::BankFees, 31),
];

/// The rest of the month, by weight (per mille).
const VARIABLE: [(Kind, u64); 10] = [
    (Kind::Sale, 290),
    (Kind::CreditNote, 10),
    (Kind::Receipt, 240),
    (Kind::Purchase, 190),
    (Kind::VendorPayment, 150),
    (Kind::Expense, 80),
    (Kind::ExportSale, 10),
    (Kind::SwissPurchase, 10),
    (Kind::CurrencyExchange, 5),
    (Kind::Reversal, 15),
];

/// An unpaid invoice (offener Posten) of a customer or vendor, as the
/// generator tracks it: the engine's item, what is still open, and the
/// day it will be paid.
#[derive(Clone, Debug)]
struct OpenItem {
    partner: usize,
    /// Open amount (an invoice less its credit notes).
    amount_lc: Decimal,
    reference: String,
    item: ItemId,
    due: NaiveDate,
    pay_on: NaiveDate,
    /// The gross of the invoice's 19 % and 7 % lines (zero without tax
    /// codes): a discount is split by them, like the engine splits it.
    gross: [Decimal; 2],
    /// The last day of the cash-discount step and its percentage.
    discount: Option<(NaiveDate, Decimal)>,
}

/// Most invoices one payment pays.
const MAX_PAID_PER_ENTRY: usize = 2;
/// Demo payments carry posting keys from this base plus the entry id, so
/// the same spec gives the same keys and no two payments share one.
const DEMO_KEY_BASE: u128 = 0xDE30_0000_0000_0000_0000_0000_0000_0000;

/// VAT rates in percent as exact decimals.
/// Payroll shares of the gross salary: wage tax (Lohnsteuer incl.
/// solidarity surcharge, a flat average), employee's and employer's social
/// security contributions.
const PAYROLL_TAX_SHARE: Decimal = Decimal::from_parts(15, 0, 0, false, 2);
const EMPLOYEE_SOCIAL_SHARE: Decimal = Decimal::from_parts(205, 0, 0, false, 3);
const EMPLOYER_SOCIAL_SHARE: Decimal = Decimal::from_parts(21, 0, 0, false, 2);
/// Yearly salary raise: 3 %.
const RAISE_FACTOR: Decimal = Decimal::from_parts(103, 0, 0, false, 2);

/// The state the generator carries from month to month.
pub(crate) struct Company {
    acc: DemoAccounts,
    tax: DemoTaxCodes,
    vat: VatPosting,
    rng: Rng,
    customers: Vec<Partner>,
    vendors: Vec<Partner>,
    terms: Vec<PaymentTerms>,
    /// Commands that follow the entry just written (the clearings of a
    /// payment or a credit note).
    follow_up: Vec<Command>,
    salaries_lc: Vec<Decimal>,
    rent_net_lc: Decimal,
    receivables: VecDeque<OpenItem>,
    payables: VecDeque<OpenItem>,
    salaries_payable_lc: Decimal,
    social_security_payable_lc: Decimal,
    payroll_tax_payable_lc: Decimal,
    /// Wage tax accrued before this month: paid on the 10th.
    payroll_tax_due_lc: Decimal,
    /// Output minus input VAT of this month and of the previous one.
    vat_month_lc: Decimal,
    vat_due_lc: Decimal,
    /// Rates in ten-thousandths of FC per EUR (ECB quotation, 4 decimals).
    usd_rate_e4: i64,
    chf_rate_e4: i64,
    usd_balance_fc: Decimal,
    chf_balance_fc: Decimal,
    /// Id the next posted entry gets (ids are 1, 2, 3 … without gaps).
    next_entry: u64,
    /// Expenses of this month that may be reversed: id and their VAT.
    reversible: Vec<(u64, Decimal)>,
    /// Document numbers within the year: sales, purchases, bank.
    sales_no: u32,
    purchase_no: u32,
    bank_no: u32,
    credit_no: u32,
}

fn debit(account: AccountNo, amount: Decimal) -> LineDraft {
    LineDraft::debit_lc(account, amount)
}

fn credit(account: AccountNo, amount: Decimal) -> LineDraft {
    LineDraft::credit_lc(account, amount)
}

fn memo(mut line: LineDraft, text: String) -> LineDraft {
    line.memo = text;
    line
}

/// The tax on `net_lc` by `code` on `date`: the same `TaxCode::split` the
/// engine calls. A rate missing on `date` gives zero here, and the engine
/// then refuses the entry, which the generator reports as a bug
/// (`DemoError::Refused`).
fn tax_of(code: &TaxCode, date: NaiveDate, net_lc: Decimal) -> Decimal {
    code.split(date, net_lc, false, LC_DECIMALS)
        .map_or(Decimal::ZERO, |split| split.tax_lc)
}

/// `line` (a net amount) carrying tax code `code`, and the tax the engine
/// will generate for it.
fn taxed(mut line: LineDraft, code: &TaxCode, date: NaiveDate) -> (LineDraft, Decimal) {
    let tax_lc = tax_of(code, date, line.debit + line.credit);
    line.tax_code = Some(code.code.clone());
    (line, tax_lc)
}

/// A line on `account` on the same side as `like`.
fn same_side(like: &LineDraft, account: AccountNo, amount: Decimal) -> LineDraft {
    if like.debit.is_zero() {
        credit(account, amount)
    } else {
        debit(account, amount)
    }
}

fn post(date: NaiveDate, reference: String, memo: &str, lines: Vec<LineDraft>) -> Command {
    let mut draft = EntryDraft::new(date, DEMO_USER, lines);
    draft.reference = reference;
    draft.memo = memo.to_string();
    Command::Posting(PostingCommand::PostEntry { draft })
}

/// A line for `partner` on its control account, memo its code and name.
fn partner_line(partner: &Partner, side: Side, amount_lc: Decimal) -> LineDraft {
    memo(
        LineDraft::partner(partner.code, side, amount_lc),
        partner.label(),
    )
}

fn clear(
    partner: crate::ledger::types::PartnerCode,
    date: NaiveDate,
    parts: Vec<PartDraft>,
) -> Command {
    Command::OpenItems(OpenItemsCommand::ClearItems {
        partner,
        date,
        parts,
        by: DEMO_USER.into(),
        at: Timestamp::at_midnight(date),
    })
}

fn last_day(year: i32, month: u32) -> u32 {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

impl Company {
    /// A company sized for `entries_per_year` entries a year.
    pub(crate) fn new(
        spec: &DemoSpec,
        acc: DemoAccounts,
        tax: DemoTaxCodes,
        entries_per_year: usize,
    ) -> Company {
        let mut rng = Rng::new(spec.seed);
        let customers = partners::customers(&mut rng, (entries_per_year / 40).clamp(20, 2_000));
        let vendors = partners::vendors(&mut rng, (entries_per_year / 150).clamp(10, 500));
        let employees = (4 + entries_per_year / 400).clamp(4, 200);
        let salaries_lc = (0..employees)
            .map(|_| Decimal::new(2_800 + rng.below(37) as i64 * 100, 0))
            .collect();
        let rent_net_lc = Decimal::new(2_500 + 150 * employees as i64, 0);
        Company {
            acc,
            tax,
            vat: spec.vat,
            rng,
            customers,
            vendors,
            terms: demo_terms(),
            follow_up: Vec::new(),
            salaries_lc,
            rent_net_lc,
            receivables: VecDeque::new(),
            payables: VecDeque::new(),
            salaries_payable_lc: Decimal::ZERO,
            social_security_payable_lc: Decimal::ZERO,
            payroll_tax_payable_lc: Decimal::ZERO,
            payroll_tax_due_lc: Decimal::ZERO,
            vat_month_lc: Decimal::ZERO,
            vat_due_lc: Decimal::ZERO,
            usd_rate_e4: 10_850,
            chf_rate_e4: 9_450,
            usd_balance_fc: Decimal::ZERO,
            chf_balance_fc: Decimal::ZERO,
            next_entry: 1,
            reversible: Vec::new(),
            sales_no: 0,
            purchase_no: 0,
            bank_no: 0,
            credit_no: 0,
        }
    }

    /// The payment terms and the partners, before the first month: one
    /// command per terms, one import of every partner, stamped at
    /// midnight of `start`.
    pub(crate) fn partner_commands(&self, start: NaiveDate) -> Vec<Command> {
        let mut commands: Vec<Command> = self
            .terms
            .iter()
            .map(|terms| {
                Command::Partners(PartnersCommand::CreatePaymentTerms {
                    terms: terms.clone(),
                })
            })
            .collect();
        let partners = self
            .customers
            .iter()
            .chain(&self.vendors)
            .map(|p| p.master.clone())
            .collect();
        commands.push(Command::Partners(PartnersCommand::ImportPartners {
            partners,
            by: DEMO_USER.into(),
            at: Timestamp::at_midnight(start),
        }));
        commands
    }

    /// The commands of one month with exactly `budget` posted entries;
    /// `first` marks the company's first month (opening balance).
    pub(crate) fn month(
        &mut self,
        year: i32,
        month: u32,
        budget: usize,
        first: bool,
        out: &mut VecDeque<Command>,
    ) {
        if month == 1 && !first {
            self.new_year();
        }
        self.vat_due_lc = self.vat_month_lc;
        self.vat_month_lc = Decimal::ZERO;
        self.payroll_tax_due_lc = self.payroll_tax_payable_lc;
        self.reversible.clear();
        self.set_rates(year, month, out);

        let days = last_day(year, month);
        let mut slots: Vec<(u32, Kind)> = Vec::with_capacity(budget);
        let mut left = budget;
        if first && left > 0 {
            slots.push((1, Kind::Opening));
            left -= 1;
        }
        for (kind, day) in FIXED.iter().take(left) {
            slots.push(((*day).min(days), *kind));
        }
        left -= left.min(FIXED.len());
        for i in 0..left {
            let day = 1 + (i * days as usize / left) as u32;
            slots.push((day, self.variable_kind()));
        }
        // Stable: the opening entry stays first on the 1st.
        slots.sort_by_key(|(day, _)| *day);
        for (day, kind) in slots {
            // `day` is within the month by construction.
            let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
                continue;
            };
            let command = self
                .realize(kind, date)
                .unwrap_or_else(|| self.expense(date));
            out.push_back(command);
            out.extend(self.follow_up.drain(..));
            self.next_entry += 1;
        }
    }

    fn new_year(&mut self) {
        for salary in &mut self.salaries_lc {
            *salary = round(*salary * RAISE_FACTOR, 0);
        }
        self.sales_no = 0;
        self.purchase_no = 0;
        self.bank_no = 0;
        self.credit_no = 0;
    }

    /// ECB-style rates on the 1st of the month, a bounded random walk.
    fn set_rates(&mut self, year: i32, month: u32, out: &mut VecDeque<Command>) {
        self.usd_rate_e4 =
            (self.usd_rate_e4 + self.rng.below(301) as i64 - 150).clamp(9_500, 12_500);
        self.chf_rate_e4 =
            (self.chf_rate_e4 + self.rng.below(201) as i64 - 100).clamp(8_500, 10_500);
        let Some(date) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return;
        };
        for (currency, rate) in [
            (Currency::USD, self.usd_rate()),
            (self.acc.chf, self.chf_rate()),
        ] {
            out.push_back(Command::Gl(GlCommand::SetExchangeRate {
                currency,
                date,
                rate_fc_per_lc: rate,
            }));
        }
    }

    fn usd_rate(&self) -> Decimal {
        Decimal::new(self.usd_rate_e4, 4)
    }

    fn chf_rate(&self) -> Decimal {
        Decimal::new(self.chf_rate_e4, 4)
    }

    fn variable_kind(&mut self) -> Kind {
        let mut r = self.rng.below(1_000);
        for (kind, weight) in VARIABLE {
            if r < weight {
                return kind;
            }
            r -= weight;
        }
        Kind::Sale
    }

    /// Uniform amount in `min_cents..=max_cents` cents.
    fn amount(&mut self, min_cents: i64, max_cents: i64) -> Decimal {
        let span = (max_cents - min_cents + 1).max(1) as u64;
        Decimal::new(min_cents + self.rng.below(span) as i64, 2)
    }

    /// Net amount of an invoice position: mostly small, some large.
    fn position_net(&mut self) -> Decimal {
        match self.rng.below(10) {
            0..=5 => self.amount(2_000, 30_000),
            6..=8 => self.amount(30_000, 300_000),
            _ => self.amount(300_000, 2_500_000),
        }
    }

    /// The entry of `kind` on `date`, or None when the company has nothing
    /// to do of that kind (no open invoice to pay, nothing to reverse).
    fn realize(&mut self, kind: Kind, date: NaiveDate) -> Option<Command> {
        match kind {
            Kind::Opening => Some(self.opening(date)),
            Kind::Rent => Some(self.rent(date)),
            Kind::Salaries => Some(self.salaries(date)),
            Kind::SocialSecurityPayment => self.social_security_payment(date),
            Kind::SalaryPayment => self.salary_payment(date),
            Kind::PayrollTaxPayment => self.payroll_tax_payment(date),
            Kind::VatPayment => self.vat_payment(date),
            Kind::BankFees => Some(self.bank_fees(date)),
            Kind::Sale => Some(self.sale(date)),
            Kind::CreditNote => self.credit_note(date),
            Kind::Receipt => self.receipt(date),
            Kind::Purchase => Some(self.purchase(date)),
            Kind::VendorPayment => self.vendor_payment(date),
            Kind::Expense => Some(self.expense(date)),
            Kind::ExportSale => Some(self.export_sale(date)),
            Kind::SwissPurchase => Some(self.swiss_purchase(date)),
            Kind::CurrencyExchange => Some(self.currency_exchange(date)),
            Kind::Reversal => self.reversal(date),
        }
    }

    fn bank_reference(&mut self, date: NaiveDate) -> String {
        self.bank_no += 1;
        format!("BA-{}-{:05}", date.year(), self.bank_no)
    }

    fn opening(&mut self, date: NaiveDate) -> Command {
        let a = &self.acc;
        let capital_lc = Decimal::new(25_000, 0);
        let bank_lc = Decimal::new(150_000, 0);
        post(
            date,
            "EB-1".into(),
            "Eröffnungsbilanz",
            vec![
                debit(a.bank, bank_lc),
                credit(a.subscribed_capital, capital_lc),
                credit(a.opening_balance, bank_lc - capital_lc),
            ],
        )
    }

    fn rent(&mut self, date: NaiveDate) -> Command {
        let net_lc = self.rent_net_lc;
        let (mut lines, vat_lc) =
            self.with_vat(debit(self.acc.rent, net_lc), &self.tax.input_19, date);
        self.vat_month_lc -= vat_lc;
        let reference = self.bank_reference(date);
        let a = &self.acc;
        lines.push(memo(
            credit(a.bank, net_lc + vat_lc),
            "Grundstücksgesellschaft Hafenkante GmbH".into(),
        ));
        post(date, reference, "Miete Lager und Büro", lines)
    }

    fn salaries(&mut self, date: NaiveDate) -> Command {
        let gross_lc: Decimal = self.salaries_lc.iter().sum();
        let tax_lc = round(gross_lc * PAYROLL_TAX_SHARE, 2);
        let employee_lc = round(gross_lc * EMPLOYEE_SOCIAL_SHARE, 2);
        let employer_lc = round(gross_lc * EMPLOYER_SOCIAL_SHARE, 2);
        let net_lc = gross_lc - tax_lc - employee_lc;
        self.salaries_payable_lc += net_lc;
        self.payroll_tax_payable_lc += tax_lc;
        self.social_security_payable_lc += employee_lc + employer_lc;
        let a = &self.acc;
        post(
            date,
            format!("LG-{}-{:02}", date.year(), date.month()),
            "Lohn und Gehalt",
            vec![
                debit(a.salaries, gross_lc),
                debit(a.social_security, employer_lc),
                credit(a.salaries_payable, net_lc),
                credit(a.payroll_tax_payable, tax_lc),
                credit(a.social_security_payable, employee_lc + employer_lc),
            ],
        )
    }

    /// Pays a liability in full from the bank.
    fn pay_liability(
        &mut self,
        date: NaiveDate,
        account: AccountNo,
        amount_lc: Decimal,
        text: &str,
    ) -> Option<Command> {
        if amount_lc <= Decimal::ZERO {
            return None;
        }
        let reference = self.bank_reference(date);
        Some(post(
            date,
            reference,
            text,
            vec![debit(account, amount_lc), credit(self.acc.bank, amount_lc)],
        ))
    }

    fn social_security_payment(&mut self, date: NaiveDate) -> Option<Command> {
        let amount_lc = std::mem::take(&mut self.social_security_payable_lc);
        let account = self.acc.social_security_payable;
        self.pay_liability(date, account, amount_lc, "Beiträge Krankenkassen")
    }

    fn salary_payment(&mut self, date: NaiveDate) -> Option<Command> {
        let amount_lc = std::mem::take(&mut self.salaries_payable_lc);
        let account = self.acc.salaries_payable;
        self.pay_liability(date, account, amount_lc, "Gehaltszahlung")
    }

    fn payroll_tax_payment(&mut self, date: NaiveDate) -> Option<Command> {
        let amount_lc = std::mem::take(&mut self.payroll_tax_due_lc);
        self.payroll_tax_payable_lc -= amount_lc;
        let account = self.acc.payroll_tax_payable;
        self.pay_liability(date, account, amount_lc, "Lohnsteuer-Anmeldung Finanzamt")
    }

    /// Umsatzsteuer-Voranmeldung: pays last month's VAT, or books the refund.
    fn vat_payment(&mut self, date: NaiveDate) -> Option<Command> {
        let due_lc = std::mem::take(&mut self.vat_due_lc);
        let a = &self.acc;
        let lines = if due_lc > Decimal::ZERO {
            vec![debit(a.vat_prepayment, due_lc), credit(a.bank, due_lc)]
        } else if due_lc < Decimal::ZERO {
            vec![debit(a.bank, -due_lc), credit(a.vat_prepayment, -due_lc)]
        } else {
            return None;
        };
        let reference = self.bank_reference(date);
        Some(post(date, reference, "Umsatzsteuer-Voranmeldung", lines))
    }

    fn bank_fees(&mut self, date: NaiveDate) -> Command {
        let fee_lc = self.amount(1_500, 6_000);
        let reference = self.bank_reference(date);
        let a = &self.acc;
        post(
            date,
            reference,
            "Kontoführung",
            vec![debit(a.bank_fees, fee_lc), credit(a.bank, fee_lc)],
        )
    }

    /// The lines of an invoice dated `date` without its partner line:
    /// `positions` positions, each at 19 % with probability
    /// `per_mille_19`/1000. With tax codes each position carries its code
    /// (the engine adds a tax line per position, rounded per line); with
    /// explicit lines the VAT is computed per rate on the sum, as on a
    /// printed invoice, and written to the code's account. Returns (lines,
    /// gross, VAT).
    fn invoice_lines(
        &mut self,
        date: NaiveDate,
        positions: u64,
        per_mille_19: u64,
        accounts: [AccountNo; 2],
        codes: [&TaxCode; 2],
        side_debit: bool,
    ) -> (Vec<LineDraft>, Decimal, Decimal, [Decimal; 2]) {
        let line = |account, amount| {
            if side_debit {
                debit(account, amount)
            } else {
                credit(account, amount)
            }
        };
        let (mut net, mut vat) = (Decimal::ZERO, Decimal::ZERO);
        let mut sums = [Decimal::ZERO; 2];
        let mut gross = [Decimal::ZERO; 2];
        let mut lines = Vec::with_capacity(positions as usize + 2);
        for _ in 0..positions {
            let net_lc = self.position_net();
            // 0: 19 %, 1: 7 %.
            let rate = usize::from(self.rng.below(1_000) >= per_mille_19);
            let position = line(accounts[rate], net_lc);
            net += net_lc;
            match self.vat {
                VatPosting::TaxCodes => {
                    let (position, tax_lc) = taxed(position, codes[rate], date);
                    vat += tax_lc;
                    gross[rate] += net_lc + tax_lc;
                    lines.push(position);
                }
                VatPosting::ExplicitLines => {
                    sums[rate] += net_lc;
                    lines.push(position);
                }
            }
        }
        if self.vat == VatPosting::ExplicitLines {
            for (sum, code) in sums.into_iter().zip(codes) {
                let tax_lc = tax_of(code, date, sum);
                if let (false, Ok(account)) = (tax_lc.is_zero(), tax_account(code)) {
                    lines.push(line(account, tax_lc));
                    vat += tax_lc;
                }
            }
        }
        (lines, net + vat, vat, gross)
    }

    /// `line` (a net amount) with its VAT by `code`, as `self.vat` says:
    /// the line carries the code, or the tax line is written here.
    /// Returns the lines and the VAT.
    fn with_vat(
        &self,
        line: LineDraft,
        code: &TaxCode,
        date: NaiveDate,
    ) -> (Vec<LineDraft>, Decimal) {
        match self.vat {
            VatPosting::TaxCodes => {
                let (line, tax_lc) = taxed(line, code, date);
                (vec![line], tax_lc)
            }
            VatPosting::ExplicitLines => {
                let tax_lc = tax_of(code, date, line.debit + line.credit);
                match (tax_lc.is_zero(), tax_account(code)) {
                    (false, Ok(account)) => {
                        let tax_line = same_side(&line, account, tax_lc);
                        (vec![line, tax_line], tax_lc)
                    }
                    _ => (vec![line], Decimal::ZERO),
                }
            }
        }
    }

    fn sale(&mut self, date: NaiveDate) -> Command {
        let partner = self.rng.below(self.customers.len() as u64) as usize;
        let positions = 1 + self.rng.below(5);
        let accounts = [self.acc.revenue_19, self.acc.revenue_7];
        let tax = self.tax.clone();
        let codes = [&tax.output_19, &tax.output_7];
        let (positions, gross_lc, vat_lc, by_rate) =
            self.invoice_lines(date, positions, 650, accounts, codes, false);
        self.vat_month_lc += vat_lc;
        self.sales_no += 1;
        let reference = format!("AR-{}-{:05}", date.year(), self.sales_no);
        let customer = &self.customers[partner];
        let mut lines = vec![partner_line(customer, Side::Debit, gross_lc)];
        lines.extend(positions);
        let item = self.open_item(partner, true, (gross_lc, by_rate), &reference, date);
        self.receivables.push_back(item);
        post(date, reference, "Ausgangsrechnung", lines)
    }

    fn purchase(&mut self, date: NaiveDate) -> Command {
        let partner = self.rng.below(self.vendors.len() as u64) as usize;
        let positions = 1 + self.rng.below(4);
        let accounts = [self.acc.purchases_19, self.acc.purchases_7];
        let tax = self.tax.clone();
        let codes = [&tax.input_19, &tax.input_7];
        let (positions, gross_lc, vat_lc, by_rate) =
            self.invoice_lines(date, positions, 550, accounts, codes, true);
        self.vat_month_lc -= vat_lc;
        self.purchase_no += 1;
        let reference = format!("ER-{}-{:05}", date.year(), self.purchase_no);
        let vendor = &self.vendors[partner];
        let mut lines = vec![partner_line(vendor, Side::Credit, gross_lc)];
        lines.extend(positions);
        let item = self.open_item(partner, false, (gross_lc, by_rate), &reference, date);
        self.payables.push_back(item);
        post(date, reference, "Eingangsrechnung", lines)
    }

    /// The generator's record of the invoice posted now (its partner line
    /// is line 0) and the day it will be paid: with a cash discount on
    /// offer, half pay within its days and take it; otherwise customers
    /// mostly pay on time, some up to 40 days late, a few months late; the
    /// company pays its vendors on time but now and then up to 20 days late.
    fn open_item(
        &mut self,
        partner: usize,
        customer: bool,
        (amount_lc, gross): (Decimal, [Decimal; 2]),
        reference: &str,
        date: NaiveDate,
    ) -> OpenItem {
        let list = if customer {
            &self.customers
        } else {
            &self.vendors
        };
        let terms = &self.terms[list[partner].terms];
        let due = terms.net_due(date);
        let discount = terms.discounts.first().and_then(|step| {
            let until = date.checked_add_days(chrono::Days::new(u64::from(step.days)))?;
            Some((until, step.percent))
        });
        let to_due = (due - date).num_days().max(0) as u64;
        let r = self.rng.below(100);
        if let (Some((until, _)), 0..=49) = (discount, r) {
            let days = (until - date).num_days().max(0) as u64;
            let pay_on = date
                .checked_add_days(chrono::Days::new(self.rng.below(days + 1)))
                .unwrap_or(until);
            return self.item_record(
                partner,
                amount_lc,
                reference,
                (due, pay_on),
                gross,
                discount,
            );
        }
        let offset = match (customer, r) {
            (_, 0..=79) => -(self.rng.below(to_due.min(10) + 1) as i64),
            (true, 80..=95) | (false, _) => {
                1 + self.rng.below(if customer { 40 } else { 20 }) as i64
            }
            (true, _) => 45 + self.rng.below(100) as i64,
        };
        let pay_on = due
            .checked_add_signed(chrono::TimeDelta::days(offset))
            .unwrap_or(due);
        self.item_record(
            partner,
            amount_lc,
            reference,
            (due, pay_on),
            gross,
            discount,
        )
    }

    fn item_record(
        &self,
        partner: usize,
        amount_lc: Decimal,
        reference: &str,
        (due, pay_on): (NaiveDate, NaiveDate),
        gross: [Decimal; 2],
        discount: Option<(NaiveDate, Decimal)>,
    ) -> OpenItem {
        OpenItem {
            partner,
            amount_lc,
            reference: reference.to_string(),
            item: ItemId {
                entry: EntryId(self.next_entry),
                line: 0,
                installment: 0,
            },
            due,
            pay_on,
            gross,
            discount,
        }
    }

    /// Up to `MAX_PAID_PER_ENTRY` items of one partner whose day to be
    /// paid has come, oldest invoice first (one payment pays one partner);
    /// when none has, the oldest one meant to be paid on time is paid early
    /// (so bank days are not empty).
    fn due_for_payment(&mut self, customers: bool, date: NaiveDate) -> Vec<OpenItem> {
        let queue = if customers {
            &mut self.receivables
        } else {
            &mut self.payables
        };
        let mut items: Vec<OpenItem> = Vec::new();
        let mut i = 0;
        while i < queue.len() && items.len() < MAX_PAID_PER_ENTRY {
            let same = items.first().is_none_or(|f| f.partner == queue[i].partner);
            if same && queue[i].pay_on <= date {
                items.extend(queue.remove(i));
            } else {
                i += 1;
            }
        }
        if items.is_empty()
            && let Some(early) = queue.iter().position(|o| o.pay_on <= o.due)
        {
            items.extend(queue.remove(early));
        }
        items
    }

    /// One partner's payment of `items` through the bank on `date`: each
    /// item in full, less the cash discount when paid within its days (the
    /// engine posts the discount and corrects the VAT); the VAT tally
    /// follows the correction.
    fn payment(&mut self, customers: bool, date: NaiveDate, items: &[OpenItem]) -> Option<Command> {
        let first = items.first()?;
        let partner = if customers {
            &self.customers[first.partner]
        } else {
            &self.vendors[first.partner]
        };
        let mut paid = Vec::with_capacity(items.len());
        let mut bank_lc = Decimal::ZERO;
        for item in items {
            let discount = match item.discount {
                Some((until, percent)) if date <= until => {
                    round(item.amount_lc * percent / Decimal::ONE_HUNDRED, LC_DECIMALS)
                }
                _ => Decimal::ZERO,
            };
            let vat_lc = self.discount_vat(customers, date, item, discount);
            self.vat_month_lc += if customers { -vat_lc } else { vat_lc };
            bank_lc += item.amount_lc - discount;
            paid.push(ItemDraft {
                item: item.item,
                amount: item.amount_lc,
                discount,
            });
        }
        let references: Vec<&str> = items.iter().map(|i| i.reference.as_str()).collect();
        let draft = PaymentDraft {
            direction: if customers {
                Direction::Incoming
            } else {
                Direction::Outgoing
            },
            partner: Some(partner.code),
            posting_date: date,
            document_date: None,
            currency: None,
            rate_fc_per_lc: None,
            items: paid,
            on_account: Decimal::ZERO,
            gl_lines: Vec::new(),
            means: vec![MeansDraft {
                means: Means::Transfer,
                account: Some(self.acc.bank),
                amount: bank_lc,
                reference: String::new(),
            }],
            fee: Decimal::ZERO,
            write_off: false,
            late_discount_confirmed: false,
            reference: first.reference.clone(),
            memo: format!("{} {}", partner.label(), references.join(" ")),
            user: DEMO_USER.to_string(),
            key: PostingKey(DEMO_KEY_BASE | u128::from(self.next_entry)),
        };
        Some(Command::Payments(PaymentsCommand::Post {
            draft: Box::new(draft),
            at: Timestamp::at_midnight(date),
        }))
    }

    /// The VAT in `discount` of `item`: the discount split by the
    /// invoice's gross per rate, each part's tax as the engine computes it
    /// from a gross amount (none without tax codes).
    fn discount_vat(
        &self,
        customers: bool,
        date: NaiveDate,
        item: &OpenItem,
        discount: Decimal,
    ) -> Decimal {
        let total: Decimal = item.gross.iter().sum();
        if discount.is_zero() || total.is_zero() {
            return Decimal::ZERO;
        }
        let codes = if customers {
            [&self.tax.output_19, &self.tax.output_7]
        } else {
            [&self.tax.input_19, &self.tax.input_7]
        };
        let weights = codes
            .iter()
            .zip(item.gross)
            .filter(|(_, gross)| *gross > Decimal::ZERO)
            .map(|(code, gross)| (Some(code.code.clone()), gross))
            .collect();
        split(discount, &weights, LC_DECIMALS)
            .into_iter()
            .filter_map(|(code, part)| {
                let code = codes.iter().find(|c| Some(&c.code) == code.as_ref())?;
                code.split(date, part, true, LC_DECIMALS).ok()
            })
            .map(|s| s.tax_lc)
            .sum()
    }

    /// Today's incoming transfer: a customer's invoices whose day has come.
    fn receipt(&mut self, date: NaiveDate) -> Option<Command> {
        let items = self.due_for_payment(true, date);
        self.payment(true, date, &items)
    }

    /// Today's payment to a vendor whose invoices' day has come.
    fn vendor_payment(&mut self, date: NaiveDate) -> Option<Command> {
        let items = self.due_for_payment(false, date);
        self.payment(false, date, &items)
    }

    /// A credit note (Gutschrift) of 10 to 25 % of an open customer
    /// invoice's net at 19 %, cleared against that invoice at once.
    fn credit_note(&mut self, date: NaiveDate) -> Option<Command> {
        if self.receivables.is_empty() {
            return None;
        }
        let index = self.rng.below(self.receivables.len() as u64) as usize;
        let share = Decimal::new(10 + self.rng.below(16) as i64, 2);
        let open = &self.receivables[index];
        let net_lc = round(open.amount_lc * share / Decimal::new(119, 2), 2);
        let code = self.tax.output_19.clone();
        let (mut lines, vat_lc) = self.with_vat(debit(self.acc.revenue_19, net_lc), &code, date);
        let gross_lc = net_lc + vat_lc;
        if net_lc <= Decimal::ZERO || gross_lc >= open.amount_lc {
            return None;
        }
        self.vat_month_lc -= vat_lc;
        self.credit_no += 1;
        let reference = format!("GS-{}-{:05}", date.year(), self.credit_no);
        let open = &mut self.receivables[index];
        open.amount_lc -= gross_lc;
        let invoice = open.item;
        let customer = &self.customers[open.partner];
        let note = ItemId {
            entry: EntryId(self.next_entry),
            line: 0,
            installment: 0,
        };
        let parts = vec![
            PartDraft {
                item: invoice,
                amount_lc: Some(gross_lc),
            },
            PartDraft {
                item: note,
                amount_lc: None,
            },
        ];
        self.follow_up.push(clear(customer.code, date, parts));
        lines.insert(0, partner_line(customer, Side::Credit, gross_lc));
        Some(post(date, reference, "Gutschrift", lines))
    }

    /// A small expense paid by bank card: office supplies, telephone,
    /// hotel (7 % VAT) or postage (no VAT).
    fn expense(&mut self, date: NaiveDate) -> Command {
        let net_lc = self.amount(500, 40_000);
        let (a, t) = (&self.acc, &self.tax);
        let (account, code, text) = match self.rng.below(4) {
            0 => (a.office_supplies, Some(&t.input_19), "Bürobedarf"),
            1 => (a.telephone, Some(&t.input_19), "Telefon und Internet"),
            2 => (a.travel, Some(&t.input_7), "Übernachtung Dienstreise"),
            _ => (a.postage, None, "Porto"),
        };
        let bank = a.bank;
        let (mut lines, vat_lc) = match code {
            Some(code) => self.with_vat(debit(account, net_lc), code, date),
            None => (vec![debit(account, net_lc)], Decimal::ZERO),
        };
        lines.push(credit(bank, net_lc + vat_lc));
        self.vat_month_lc -= vat_lc;
        self.reversible.push((self.next_entry, vat_lc));
        let reference = self.bank_reference(date);
        post(date, reference, text, lines)
    }

    /// Storno of this month's latest expense, dated today.
    fn reversal(&mut self, date: NaiveDate) -> Option<Command> {
        let (entry, vat_lc) = self.reversible.pop()?;
        self.vat_month_lc += vat_lc;
        Some(Command::Posting(PostingCommand::ReverseEntry {
            entry: EntryId(entry),
            date: Some(date),
            user: DEMO_USER.into(),
        }))
    }

    /// A sale to a US customer, paid in advance into the USD account.
    fn export_sale(&mut self, date: NaiveDate) -> Command {
        let amount_fc = self.amount(50_000, 1_500_000);
        let amount_lc = lc_from_fc(amount_fc, self.usd_rate(), 2);
        self.usd_balance_fc += amount_fc;
        let customer = US_CUSTOMERS[self.rng.below(US_CUSTOMERS.len() as u64) as usize];
        self.sales_no += 1;
        let reference = format!("AR-{}-{:05}", date.year(), self.sales_no);
        let a = &self.acc;
        post(
            date,
            reference,
            "Ausfuhrlieferung USA",
            vec![
                memo(
                    debit(a.bank_usd, amount_fc).in_fc(Currency::USD, None),
                    customer.into(),
                ),
                match self.vat {
                    VatPosting::TaxCodes => {
                        taxed(credit(a.revenue_export, amount_lc), &self.tax.export, date).0
                    }
                    VatPosting::ExplicitLines => credit(a.revenue_export, amount_lc),
                },
            ],
        )
    }

    /// Goods from a Swiss vendor paid from the CHF account (buys CHF first
    /// when the account is short).
    fn swiss_purchase(&mut self, date: NaiveDate) -> Command {
        let amount_fc = self.amount(20_000, 800_000);
        if self.chf_balance_fc < amount_fc {
            return self.buy_chf(date);
        }
        let amount_lc = lc_from_fc(amount_fc, self.chf_rate(), 2);
        self.chf_balance_fc -= amount_fc;
        let vendor = SWISS_VENDORS[self.rng.below(SWISS_VENDORS.len() as u64) as usize];
        self.purchase_no += 1;
        let reference = format!("ER-{}-{:05}", date.year(), self.purchase_no);
        let a = &self.acc;
        post(
            date,
            reference,
            "Wareneinkauf Schweiz",
            vec![
                debit(a.purchases_import, amount_lc),
                memo(
                    credit(a.bank_chf, amount_fc).in_fc(a.chf, None),
                    vendor.into(),
                ),
            ],
        )
    }

    fn currency_exchange(&mut self, date: NaiveDate) -> Command {
        if self.usd_balance_fc >= Decimal::new(10_000, 0) {
            self.sell_usd(date)
        } else {
            self.buy_chf(date)
        }
    }

    /// The bank's rate: the book rate plus or minus up to 1 %.
    fn bank_rate(&mut self, rate_e4: i64) -> Decimal {
        let spread_e4 = self.rng.below(2 * (rate_e4 as u64 / 100) + 1) as i64 - rate_e4 / 100;
        Decimal::new(rate_e4 + spread_e4, 4)
    }

    /// The line that books the difference between what the bank paid or
    /// charged and the book value: `gain_lc` > 0 is a gain.
    fn fx_difference(&self, gain_lc: Decimal) -> Option<LineDraft> {
        if gain_lc > Decimal::ZERO {
            Some(credit(self.acc.fx_gain, gain_lc))
        } else if gain_lc < Decimal::ZERO {
            Some(debit(self.acc.fx_loss, -gain_lc))
        } else {
            None
        }
    }

    /// Sells most of the USD balance (whole hundreds) for EUR.
    fn sell_usd(&mut self, date: NaiveDate) -> Command {
        let amount_fc = (self.usd_balance_fc * Decimal::new(8, 1) / Decimal::ONE_HUNDRED).floor()
            * Decimal::ONE_HUNDRED;
        self.usd_balance_fc -= amount_fc;
        let book_lc = lc_from_fc(amount_fc, self.usd_rate(), 2);
        let bank_rate = self.bank_rate(self.usd_rate_e4);
        let paid_lc = lc_from_fc(amount_fc, bank_rate, 2);
        let reference = self.bank_reference(date);
        let a = &self.acc;
        let mut lines = vec![
            debit(a.bank, paid_lc),
            credit(a.bank_usd, amount_fc).in_fc(Currency::USD, None),
        ];
        lines.extend(self.fx_difference(paid_lc - book_lc));
        post(date, reference, "Devisenverkauf USD", lines)
    }

    /// Buys 10,000 to 30,000 CHF (whole thousands) with EUR.
    fn buy_chf(&mut self, date: NaiveDate) -> Command {
        let amount_fc = Decimal::new(10_000 + 1_000 * self.rng.below(21) as i64, 0);
        self.chf_balance_fc += amount_fc;
        let book_lc = lc_from_fc(amount_fc, self.chf_rate(), 2);
        let bank_rate = self.bank_rate(self.chf_rate_e4);
        let paid_lc = lc_from_fc(amount_fc, bank_rate, 2);
        let reference = self.bank_reference(date);
        let a = &self.acc;
        let mut lines = vec![
            debit(a.bank_chf, amount_fc).in_fc(a.chf, None),
            credit(a.bank, paid_lc),
        ];
        lines.extend(self.fx_difference(book_lc - paid_lc));
        post(date, reference, "Devisenkauf CHF", lines)
    }
}
