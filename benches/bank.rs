//! Criterion benchmark of the bank sub-ledger (issue 15): a statement of
//! 10,000 lines imported (check and apply of `Import`: duplicate keys,
//! numbering, the kept file) and posted in one `PostLines` command (each
//! line a customer's payment of one invoice, of 100 customers with 100
//! invoices each: the payments built one after another on a scratch copy,
//! 10,000 entries and clearings applied, `LinesPosted` re-checked).
//! Budget (issue): posting a 10,000-line statement ≤ 2 s in Chromium, so
//! natively well under that.
use chrono::{Days, NaiveDate};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use kontor::ledger::bank::{
    BankCommand, BankLine, HouseBank, LinePosting, LineRef, StatementDraft,
};
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::payments::{
    Direction, ItemDraft, Means, MeansDraft, PaymentDraft, payment_item,
};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, Currency, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command, Event};
use rust_decimal::Decimal;

const LINES: u64 = 10_000;
const CUSTOMERS: u64 = 100;
const IBAN: &str = "DE89370400440532013000";

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n % 300)))
        .unwrap_or(NaiveDate::MIN)
}

fn paid(n: u64) -> NaiveDate {
    day(n)
        .checked_add_days(Days::new(1))
        .unwrap_or(NaiveDate::MAX)
}

fn code(n: u64) -> PartnerCode {
    PartnerCode::parse(&n.to_string()).unwrap_or_else(|e| panic!("{n}: {e:?}"))
}

fn account(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap_or_else(|e| panic!("{n}: {e:?}"))
}

fn execute(book: &mut Book, cmd: &Command) -> Vec<Event> {
    book.execute(cmd)
        .unwrap_or_else(|e| panic!("{cmd:?} refused: {e:?}"))
}

fn amount(n: u64) -> Decimal {
    Decimal::new(1_000 + (n * 7_919 % 500_000) as i64, 2)
}

/// 100 customers, 10,000 invoices (invoice n to customer n % 100), house
/// bank SPK on 1200. Returns the book and the invoices' items.
fn company(at: Timestamp) -> (Book, Vec<kontor::ledger::open_items::ItemId>) {
    let mut book = Book::set_up(&sample_setup(2024))
        .unwrap_or_else(|e| panic!("setup refused: {e:?}"))
        .0;
    let partners = (0..CUSTOMERS)
        .map(|i| Partner::new(code(10_000 + i), PartnerKind::Customer, "Kunde GmbH"))
        .collect();
    execute(
        &mut book,
        &PartnersCommand::ImportPartners {
            partners,
            by: "bench".into(),
            at,
        }
        .into(),
    );
    let mut items = Vec::new();
    for n in 0..LINES {
        let mut draft = EntryDraft::new(
            day(n),
            "bench",
            vec![
                LineDraft::partner(code(10_000 + n % CUSTOMERS), Side::Debit, amount(n)),
                LineDraft::credit_lc(account("8400"), amount(n)),
            ],
        );
        draft.reference = format!("RE-{n}");
        match execute(&mut book, &PostingCommand::PostEntry { draft }.into()).first() {
            Some(Event::EntryPosted { entry }) => items.push(payment_item(entry.id)),
            other => panic!("expected an entry, got {other:?}"),
        }
    }
    let bank = HouseBank {
        code: "SPK".into(),
        name: "Sparkasse".into(),
        account: account("1200"),
        iban: IBAN.into(),
        bic: String::new(),
        currency: Currency::EUR,
        suspense_account: None,
        csv_mapping: None,
    };
    execute(
        &mut book,
        &BankCommand::SaveHouseBank {
            bank: Box::new(bank),
            by: "bench".into(),
            at,
        }
        .into(),
    );
    (book, items)
}

/// A statement whose line n is customer n % 100 paying invoice n.
fn import(at: Timestamp) -> Command {
    let lines = (0..LINES)
        .map(|n| BankLine {
            // The day after invoice n (`day(n + 1)` wraps to 1 January at
            // n = 299, before the invoice, and the payment was refused).
            booking_date: paid(n),
            value_date: paid(n),
            amount: amount(n),
            currency: Currency::EUR,
            counterparty: "Kunde GmbH".into(),
            iban: String::new(),
            bic: String::new(),
            purpose: format!("RE-{n}"),
            creditor_reference: String::new(),
            end_to_end_id: String::new(),
            mandate_id: String::new(),
            bank_reference: format!("B{n}"),
            transaction_code: "PMNT/RCDT/ESCT".into(),
            key: format!("{{\"by\":\"bank_reference\",\"reference\":\"B{n}\"}}"),
        })
        .collect();
    BankCommand::Import {
        house_bank: None,
        file_name: "auszug.xml".into(),
        // About what a camt.053 of 10,000 lines weighs.
        bytes: vec![b'x'; 12_000_000],
        statements: vec![StatementDraft {
            iban: IBAN.into(),
            statement_id: "S1".into(),
            sequence_no: "1".into(),
            format: "camt.053.001.08".into(),
            intraday: false,
            currency: Currency::EUR,
            opening: None,
            closing: None,
            lines,
        }],
        by: "bench".into(),
        at,
    }
    .into()
}

fn post_all(book: &Book, items: &[kontor::ledger::open_items::ItemId], at: Timestamp) -> Command {
    let statement = book.bank().statement(1).expect("imported");
    let lines = statement
        .lines
        .iter()
        .zip(items)
        .enumerate()
        .map(|(n, (line, item))| {
            let n = n as u64;
            let here = LineRef {
                statement: 1,
                line: n as u32,
            };
            let draft = PaymentDraft {
                direction: Direction::Incoming,
                partner: Some(code(10_000 + n % CUSTOMERS)),
                posting_date: line.booking_date,
                document_date: None,
                currency: None,
                rate_fc_per_lc: None,
                items: vec![ItemDraft {
                    item: *item,
                    amount: line.amount,
                    discount: Decimal::ZERO,
                }],
                on_account: Decimal::ZERO,
                gl_lines: Vec::new(),
                means: vec![MeansDraft {
                    means: Means::Transfer,
                    account: Some(account("1200")),
                    amount: line.amount,
                    reference: line.bank_reference.clone(),
                }],
                fee: Decimal::ZERO,
                write_off: false,
                late_discount_confirmed: false,
                reference: line.bank_reference.clone(),
                memo: String::new(),
                user: "bench".into(),
                key: book.bank().line_posting_key(here),
            };
            LinePosting {
                line: here.line,
                draft: Box::new(draft),
            }
        })
        .collect();
    BankCommand::PostLines {
        statement: 1,
        lines,
        by: "bench".into(),
        at,
    }
    .into()
}

fn bench(c: &mut Criterion) {
    let at = Timestamp::at(day(0), 12, 0, 0).unwrap_or_else(|| panic!("a valid time"));
    let (book, items) = company(at);
    let import = import(at);
    let mut imported = book.clone();
    execute(&mut imported, &import);
    let post = post_all(&imported, &items, at);
    let mut group = c.benchmark_group("bank");
    group.sample_size(10);
    group.bench_function("import 10,000 lines (check + apply)", |b| {
        b.iter_batched(
            || book.clone(),
            |mut book| execute(&mut book, &import),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("post 10,000 lines as payments (check + apply)", |b| {
        b.iter_batched(
            || imported.clone(),
            |mut book| execute(&mut book, &post),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
