//! The company the payment-run benchmarks share (native criterion bench
//! `benches/payment_runs.rs` and the Chromium case in
//! `tests/browser_bench.rs`): 2,000 vendors with an IBAN and a structured
//! address, ten open invoices each (20,000 items, 2 % discount within 14
//! days, invoice dates spread over 300 days), house bank SPK with transit
//! account 1360; and the run's parameters (outgoing, run date 1 November
//! 2024, next run a week later).

use chrono::{Days, NaiveDate};
use kontor::ledger::bank::{BankCommand, HouseBank};
use kontor::ledger::partners::{
    BankAccount, DiscountStep, Partner, PartnerKind, PartnersCommand, PaymentTerms,
};
use kontor::ledger::payment_runs::{PartnerSelection, RunParams};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, Currency, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;

const VENDORS: u64 = 2_000;
const PER_VENDOR: u64 = 10;

pub fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n % 300)))
        .unwrap_or(NaiveDate::MIN)
}

fn code(n: u64) -> PartnerCode {
    PartnerCode::parse(&n.to_string()).unwrap_or_else(|e| panic!("{n}: {e:?}"))
}

fn account(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap_or_else(|e| panic!("{n}: {e:?}"))
}

pub fn execute(book: &mut Book, cmd: &Command) {
    if let Err(e) = book.execute(cmd) {
        panic!("{cmd:?} refused: {e:?}");
    }
}

pub fn company(at: Timestamp) -> Book {
    let mut book = Book::set_up(&sample_setup(2024))
        .unwrap_or_else(|e| panic!("setup refused: {e:?}"))
        .0;
    let terms = PaymentTerms {
        discounts: vec![DiscountStep {
            days: 14,
            percent: Decimal::TWO,
        }],
        ..PaymentTerms::net("S2N30", 30)
    };
    execute(
        &mut book,
        &PartnersCommand::CreatePaymentTerms { terms }.into(),
    );
    let house = HouseBank {
        code: "SPK".into(),
        name: "Sparkasse".into(),
        account: account("1200"),
        iban: "DE44500105175407324931".into(),
        bic: "INGDDEFFXXX".into(),
        currency: Currency::EUR,
        suspense_account: Some(account("1360")),
        csv_mapping: None,
    };
    let save = BankCommand::SaveHouseBank {
        bank: Box::new(house),
        by: "bench".into(),
        at,
    };
    execute(&mut book, &save.into());
    let partners = (0..VENDORS)
        .map(|i| {
            let mut p = Partner::new(code(70_000 + i), PartnerKind::Vendor, "Lieferant GmbH");
            p.payment_terms = Some("S2N30".into());
            p.address.street = "Hauptstraße".into();
            p.address.house_number = "1".into();
            p.address.postcode = "20095".into();
            p.address.town = "Hamburg".into();
            p.bank_accounts = vec![BankAccount {
                iban: "DE89370400440532013000".into(),
                bic: "COBADEFFXXX".into(),
                holder: String::new(),
                default: true,
            }];
            p
        })
        .collect();
    let import = PartnersCommand::ImportPartners {
        partners,
        by: "bench".into(),
        at,
    };
    execute(&mut book, &import.into());
    for n in 0..VENDORS * PER_VENDOR {
        let amount = Decimal::new(1_000 + (n * 7_919 % 500_000) as i64, 2);
        let mut draft = EntryDraft::new(
            day(n * 13),
            "bench",
            vec![
                LineDraft::partner(code(70_000 + n % VENDORS), Side::Credit, amount),
                LineDraft::debit_lc(account("3400"), amount),
            ],
        );
        draft.reference = format!("ER-{n}");
        execute(&mut book, &PostingCommand::PostEntry { draft }.into());
    }
    book
}

pub fn params() -> RunParams {
    let run = NaiveDate::from_ymd_opt(2024, 11, 1).unwrap_or(NaiveDate::MIN);
    RunParams {
        name: "Bench".into(),
        run_date: run,
        outgoing: true,
        incoming: false,
        house_bank: "SPK".into(),
        next_run_date: run + Days::new(7),
        partners: PartnerSelection::All,
        methods: Vec::new(),
        include_credit_notes: true,
        due_until: run,
        max_total: None,
    }
}
