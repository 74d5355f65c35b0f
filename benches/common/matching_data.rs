//! The company and the statement the matching benchmarks share (native
//! criterion bench `benches/matching.rs` and the Chromium case in
//! `tests/browser_bench.rs`): `customers` customers with an IBAN each and
//! `per` open invoices each, built through the engine's commands; and a
//! camt.053.001.08 statement of `lines` lines paying them in a mix:
//! 4 in 10 by the customer's IBAN and the exact amount, 3 in 10 by the
//! invoice number in the purpose from an unknown account, 2 in 10 by the
//! customer's name and the exact amount, 1 in 10 matching nothing.
//! Every line names a different invoice, so all of them can be posted.

use chrono::{Days, NaiveDate};
use kontor::ledger::bank::HouseBank;
use kontor::ledger::partners::{BankAccount, Partner, PartnerKind, PartnersCommand};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, Currency, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;
use std::fmt::Write;

/// The house bank's IBAN (valid).
pub const HOUSE_IBAN: &str = "DE02100100100006820101";
/// A valid IBAN that belongs to no partner.
pub const STRANGER_IBAN: &str = "DE02500105170137075030";
/// The statement's booking date.
pub const BOOKED: (i32, u32, u32) = (2024, 12, 20);

fn fail(what: &str) -> ! {
    panic!("bench data: {what}")
}

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n % 330)))
        .unwrap_or_else(|| fail("date"))
}

fn code(n: u64) -> PartnerCode {
    PartnerCode::parse(&(10_000 + n).to_string()).unwrap_or_else(|_| fail("code"))
}

/// A German IBAN with account number `n` (bank code 37040044), check
/// digits computed (ISO 13616 mod 97).
pub fn iban(n: u64) -> String {
    let bban = format!("37040044{n:010}");
    // "DE00" moved behind the BBAN, letters as numbers: D = 13, E = 14.
    let digits = format!("{bban}131400");
    let rest = digits
        .bytes()
        .fold(0u64, |r, b| (r * 10 + u64::from(b - b'0')) % 97);
    format!("DE{:02}{bban}", 98 - rest)
}

/// Invoice number `n`'s gross amount (repeats across customers).
pub fn amount(n: u64) -> Decimal {
    Decimal::new(1_000 + (n * 7_919 % 50_000) as i64, 2)
}

pub fn house_bank() -> HouseBank {
    HouseBank {
        code: "BENCH".into(),
        name: "Bench Bank".into(),
        account: AccountNo::parse("1200").unwrap_or_else(|_| fail("account")),
        iban: HOUSE_IBAN.into(),
        bic: String::new(),
        currency: Currency::EUR,
        suspense_account: AccountNo::parse("1360").ok(),
        csv_mapping: None,
    }
}

fn execute(book: &mut Book, cmd: &Command) {
    if let Err(e) = book.execute(cmd) {
        panic!("{cmd:?} refused: {e:?}");
    }
}

/// The company: SKR03 sample, `customers` customers ("Kunde 17 Nord
/// GmbH", IBAN `iban(17)`), `per` invoices each ("RE-{n}").
pub fn book(customers: u64, per: u64) -> Book {
    let at = Timestamp::at(day(0), 9, 0, 0).unwrap_or_else(|| fail("time"));
    let mut book = Book::set_up(&sample_setup(2024))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .0;
    let partners = (0..customers)
        .map(|i| {
            let mut p = Partner::new(code(i), PartnerKind::Customer, &name(i));
            p.bank_accounts = vec![BankAccount {
                iban: iban(i),
                bic: String::new(),
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
    let revenue = AccountNo::parse("8400").unwrap_or_else(|_| fail("account"));
    for n in 0..customers * per {
        let gross = amount(n);
        let mut draft = EntryDraft::new(
            day(n % per),
            "bench",
            vec![
                LineDraft::partner(code(n / per), Side::Debit, gross),
                LineDraft::credit_lc(revenue, gross),
            ],
        );
        draft.reference = format!("RE-{n}");
        execute(&mut book, &PostingCommand::PostEntry { draft }.into());
    }
    book
}

/// Customer `i`'s name: the number spelt as a word keeps names apart.
fn name(i: u64) -> String {
    const PLACES: [&str; 8] = [
        "Nord", "Süd", "West", "Ost", "Mitte", "Hafen", "Markt", "Bahnhof",
    ];
    format!("Kunde {i} {} GmbH", PLACES[(i % 8) as usize])
}

/// One entry (`Ntry`) of the statement.
struct Entry {
    amount: Decimal,
    name: String,
    iban: String,
    purpose: String,
}

/// Line `k`'s entry (see the module doc for the mix).
fn entry(k: u64, customers: u64, per: u64) -> Entry {
    let n = (k * 10 + k % 10) % (customers * per);
    let (i, gross) = (n / per, amount(n));
    match k % 10 {
        0..=3 => Entry {
            amount: gross,
            name: format!("KUNDE {i}"),
            iban: iban(i),
            purpose: "Danke".into(),
        },
        4..=6 => Entry {
            amount: gross,
            name: "Zahler".into(),
            iban: STRANGER_IBAN.into(),
            purpose: format!("Rechnung RE-{n} Kd {i}"),
        },
        7 | 8 => Entry {
            amount: gross,
            name: name(i),
            iban: String::new(),
            purpose: "Zahlung".into(),
        },
        _ => Entry {
            amount: Decimal::new(1 + (k * 31 % 9_000) as i64, 2),
            name: "Unbekannt".into(),
            iban: STRANGER_IBAN.into(),
            purpose: "Sonstiges".into(),
        },
    }
}

/// A camt.053.001.08 statement of `lines` credit lines to the house bank.
pub fn camt053(lines: u64, customers: u64, per: u64) -> String {
    let (y, m, d) = BOOKED;
    let date = format!("{y:04}-{m:02}-{d:02}");
    let mut xml = String::with_capacity(lines as usize * 900);
    xml.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">"#,
        "<BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId>",
        "<CreDtTm>2024-12-20T18:00:00</CreDtTm></GrpHdr>",
        "<Stmt><Id>BENCH-1</Id><ElctrncSeqNb>1</ElctrncSeqNb>",
        "<CreDtTm>2024-12-20T18:00:00</CreDtTm>",
    ));
    let _ = write!(
        xml,
        "<Acct><Id><IBAN>{HOUSE_IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>"
    );
    for k in 0..lines {
        let e = entry(k, customers, per);
        let iban = if e.iban.is_empty() {
            String::new()
        } else {
            format!("<DbtrAcct><Id><IBAN>{}</IBAN></Id></DbtrAcct>", e.iban)
        };
        // `write!` to a String cannot fail.
        let _ = write!(
            xml,
            "<Ntry><Amt Ccy=\"EUR\">{}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
             <BookgDt><Dt>{date}</Dt></BookgDt><ValDt><Dt>{date}</Dt></ValDt>\
             <AcctSvcrRef>BENCH-{k}</AcctSvcrRef>\
             <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\
             <NtryDtls><TxDtls><Refs><EndToEndId>E2E-{k}</EndToEndId></Refs>\
             <RltdPties><Dbtr><Pty><Nm>{}</Nm></Pty></Dbtr>{iban}</RltdPties>\
             <RmtInf><Ustrd>{}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>",
            e.amount, e.name, e.purpose
        );
    }
    xml.push_str("</Stmt></BkToCstmrStmt></Document>");
    xml
}
