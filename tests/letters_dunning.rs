//! Dunning letters (`letters::dunning`) built from an executed run: the
//! customer's language decides subject, words and number style; the
//! letterhead and footer come from the company details; the level's text
//! has `{name}` and `{date}` (the run's date + 10 days) filled in; the items table carries the
//! interest period by period as the run computed it, and the totals add
//! up. The PDF of the run's letters reads back with the same text.

use chrono::NaiveDate;
use kontor::finance::interest::{DayCount, DebtorKind};
use kontor::ledger::dunning::{
    DunningCommand, DunningLevel, DunningRunDraft, DunningSettings, DunningTerm, InterestBase,
    LetterChoice,
};
use kontor::ledger::partners::master::Language;
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, PartnerCode, PostingKey, Side, Timestamp};
use kontor::ledger::{Book, Command};
use kontor::letters::{Letter, dunning_letter, dunning_letters, letters_pdf};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn c(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(2024, 1, 2), 9, 30, 0).unwrap()
}

fn run(b: &mut Book, cmd: Command) {
    b.execute(&cmd).unwrap();
}

fn customer(code: &str, name: &str, language: Language) -> Command {
    let mut p = Partner::new(c(code), PartnerKind::Customer, name);
    p.dunning_term = "M2".into();
    p.language = language;
    p.address.street = "Müllerweg".into();
    p.address.house_number = "7".into();
    p.address.postcode = "80331".into();
    p.address.town = "München".into();
    p.address.country = "DE".into();
    PartnersCommand::CreatePartner {
        partner: Box::new(p),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

/// Level 1 after 0 days without charges; level 2 after 14 days with a
/// fee of 10.00 and interest (business, act/365).
fn term() -> Command {
    let level = |days, fee, interest| DunningLevel {
        days_after_due: days,
        fee,
        min_balance: Decimal::ZERO,
        interest,
        text_de: "{name}, bitte zahlen Sie bis {date}.".into(),
        text_en: "{name}, please pay by {date}.".into(),
    };
    DunningCommand::SaveTerm {
        term: Box::new(DunningTerm {
            code: "M2".into(),
            name: "Zwei Stufen".into(),
            levels: vec![level(0, dec!(0), false), level(14, dec!(10.00), true)],
            group_items: true,
            interest_base: InterestBase::Remaining,
            day_count: DayCount::Act365,
            debtor: DebtorKind::Business,
            flat_fee: false,
        }),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn invoice(b: &mut Book, partner: &str, reference: &str) {
    let mut revenue = LineDraft::credit_lc(a("8400"), dec!(1000));
    revenue.tax_code = Some("U19".into());
    let customer = LineDraft {
        due_date: Some(d(2024, 6, 15)),
        ..LineDraft::partner(c(partner), Side::Debit, dec!(1190))
    };
    let mut draft = EntryDraft::new(d(2024, 5, 16), "anna", vec![customer, revenue]);
    draft.reference = reference.into();
    run(b, PostingCommand::PostEntry { draft }.into());
}

/// Customers 10001 (German) and 10002 (English), each with an invoice of
/// 1,190.00 due 15 June 2024, dunned on 15 July 2024 (level 2).
fn book() -> Book {
    let mut b = Book::set_up(&sample_setup(2024)).unwrap().0;
    run(&mut b, term());
    run(
        &mut b,
        DunningCommand::SetSettings {
            settings: Box::new(DunningSettings {
                fee_account: Some(a("2700")),
                interest_account: Some(a("2650")),
                base_rates: None,
            }),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    run(
        &mut b,
        customer("10001", "Bäckerei Krüger KG", Language::De),
    );
    run(&mut b, customer("10002", "Baker & Sons Ltd", Language::En));
    invoice(&mut b, "10001", "RE-4711");
    invoice(&mut b, "10002", "RE-4712");
    let choice = |p: &str| LetterChoice {
        partner: c(p),
        items: Vec::new(),
    };
    let draft = DunningRunDraft {
        date: d(2024, 7, 15),
        letters: vec![choice("10001"), choice("10002")],
        post_charges: true,
        user: "anna".into(),
        key: PostingKey(7),
    };
    run(
        &mut b,
        DunningCommand::Execute {
            draft: Box::new(draft),
            at: at(),
        }
        .into(),
    );
    b
}

fn rows_text(l: &Letter) -> Vec<String> {
    l.table.rows.iter().map(|r| r.join(" | ")).collect()
}

#[test]
fn the_german_letter_has_letterhead_level_text_interest_periods_and_totals() {
    let b = book();
    let l = dunning_letter(&b, 1, c("10001")).expect("a letter to 10001");
    assert_eq!(
        l.letterhead,
        ["Muster GmbH", "Musterstraße 1", "10115 Berlin"]
    );
    assert_eq!(l.sender_line, "Muster GmbH · Musterstraße 1 · 10115 Berlin");
    assert_eq!(
        l.recipient,
        ["Bäckerei Krüger KG", "Müllerweg 7", "80331 München"]
    );
    assert_eq!(l.place_date, "Berlin, 15.07.2024");
    assert_eq!(l.subject, "2. Mahnung");
    assert!(
        l.paragraphs
            .contains(&"Bäckerei Krüger KG, bitte zahlen Sie bis 25.07.2024.".to_string())
    );
    // The run's interest, split at the July base-rate change:
    // 16–30 June, 15 days at 3.62 + 9 = 12.62 %: 1,190.00 × 12.62 × 15 / 36,500 = 6.17
    // 1–15 July, 15 days at 3.37 + 9 = 12.37 %: 1,190.00 × 12.37 × 15 / 36,500 = 6.05
    assert_eq!(
        rows_text(&l),
        [
            "RE-4711 | 16.05.2024 | 15.06.2024 | 30 | 1.190,00 | 12,22",
            "  Zinsen zu 12,62 % | 16.06.2024 | 30.06.2024 | 15 |  | 6,17",
            "  Zinsen zu 12,37 % | 01.07.2024 | 15.07.2024 | 15 |  | 6,05",
        ]
    );
    let totals: Vec<(String, String)> = l
        .table
        .totals
        .iter()
        .map(|r| (r[0].clone(), r[5].clone()))
        .collect();
    // 1,190.00 + 12.22 + 10.00 = 1,212.22
    assert_eq!(
        totals,
        [
            ("Offene Posten".to_string(), "1.190,00 EUR".to_string()),
            ("Zinsen".to_string(), "12,22 EUR".to_string()),
            ("Mahngebühr".to_string(), "10,00 EUR".to_string()),
            ("Gesamtbetrag".to_string(), "1.212,22 EUR".to_string()),
        ]
    );
    assert!(l.closing[0].contains("1.212,22 EUR"));
    assert!(l.footer.contains(&"USt-IdNr. DE123456789".to_string()));
}

#[test]
fn the_english_customer_gets_english_words_and_number_style() {
    let b = book();
    let l = dunning_letter(&b, 1, c("10002")).expect("a letter to 10002");
    assert_eq!(l.subject, "Second reminder");
    assert_eq!(l.place_date, "15 July 2024");
    assert!(
        l.paragraphs
            .contains(&"Baker & Sons Ltd, please pay by 2024-07-25.".to_string())
    );
    assert_eq!(l.table.headers[0], "Document");
    assert_eq!(
        rows_text(&l)[1],
        "  Interest at 12.62 % | 2024-06-16 | 2024-06-30 | 15 |  | 6.17"
    );
    let total = l.table.totals.last().expect("a total row");
    assert_eq!(
        (total[0].as_str(), total[5].as_str()),
        ("Total due", "1,212.22 EUR")
    );
    assert!(l.footer.contains(&"VAT ID DE123456789".to_string()));
}

#[test]
fn a_run_or_partner_without_a_letter_gives_none() {
    let b = book();
    assert_eq!(dunning_letters(&b, 1).len(), 2);
    assert!(dunning_letters(&b, 2).is_empty());
    assert!(dunning_letter(&b, 1, c("10003")).is_none());
}

#[test]
fn the_pdf_of_the_run_carries_both_letters() {
    let b = book();
    let letters: Vec<Letter> = dunning_letters(&b, 1).into_iter().map(|(_, l)| l).collect();
    let pdf = letters_pdf(&letters);
    let path = std::env::temp_dir().join(format!("kontor-dunning-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf).expect("pdf written");
    let Ok(out) = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
    else {
        // No poppler: the structure at least.
        assert!(pdf.starts_with(b"%PDF-"));
        return;
    };
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), 2, "{text}");
    for needle in [
        "2. Mahnung",
        "Bäckerei Krüger KG",
        "Zinsen zu 12,62 %",
        "1.212,22 EUR",
    ] {
        assert!(pages[0].contains(needle), "{needle:?} in\n{}", pages[0]);
    }
    for needle in [
        "Second reminder",
        "Baker & Sons Ltd",
        "Interest at 12.37 %",
        "1,212.22 EUR",
    ] {
        assert!(pages[1].contains(needle), "{needle:?} in\n{}", pages[1]);
    }
}
