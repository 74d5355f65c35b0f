//! The journal-entry form: typed text becomes an engine draft or an error
//! that points at the line and field; the running difference is what the
//! engine will see.

use chrono::NaiveDate;
use kontor::formats::amount::NumberStyle;
use kontor::forms::entry::{EntryForm, FormErrorKind, FormField, LineForm};
use kontor::ledger::gl::AccountCurrency;
use kontor::ledger::gl::GlCommand;
use kontor::ledger::posting::PostingCommand;
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::AccountNo;
use kontor::ledger::types::Currency;
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

const DE: NumberStyle = NumberStyle::German;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
}

fn book() -> Book {
    let (mut book, _) = Book::set_up(&sample_setup(2026)).unwrap();
    // A bank account that takes every currency, as FC postings need.
    let mut bank = book
        .account(AccountNo::parse("1200").unwrap())
        .unwrap()
        .clone();
    bank.currency = AccountCurrency::All;
    book.execute(&Command::Gl(GlCommand::UpdateAccount { account: bank }))
        .unwrap();
    book.execute(&Command::Gl(GlCommand::SetExchangeRate {
        currency: Currency::USD,
        date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        rate_fc_per_lc: Decimal::from_str("1.0837").unwrap(),
    }))
    .unwrap();
    book
}

fn line(account: &str, debit: &str, credit: &str) -> LineForm {
    LineForm {
        account: account.into(),
        debit: debit.into(),
        credit: credit.into(),
        ..LineForm::default()
    }
}

fn form(lines: Vec<LineForm>) -> EntryForm {
    EntryForm {
        posting_date: "15.03.2026".into(),
        reference: "RE-1".into(),
        lines,
        ..EntryForm::default()
    }
}

#[test]
fn a_typed_entry_posts_and_blank_rows_are_ignored() {
    let mut book = book();
    let f = form(vec![
        line("4210 Miete", "1.190,00", ""),
        LineForm::default(),
        line("1200", "", "1.190,00"),
    ]);
    assert_eq!(f.difference_lc(&book, DE, today()), Decimal::ZERO);
    let draft = f.to_draft(DE, 2, today(), "anna").unwrap();
    assert_eq!(draft.lines.len(), 2);
    assert_eq!(draft.lines[0].debit, Decimal::from_str("1190").unwrap());
    book.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
        .unwrap();
    assert_eq!(book.entry_count(), 1);
}

#[test]
fn errors_point_at_line_and_field() {
    let f = form(vec![line("1200", "12.5", ""), line("8400", "", "10")]);
    let err = f.to_draft(DE, 2, today(), "anna").unwrap_err();
    assert_eq!((err.line, err.field), (Some(0), FormField::Debit));
    let f = form(vec![line("1200", "10", "10")]);
    let err = f.to_draft(DE, 2, today(), "anna").unwrap_err();
    assert_eq!(
        (err.line, err.field, err.kind),
        (Some(0), FormField::Credit, FormErrorKind::BothSides)
    );
    let mut f = form(vec![line("12 00", "10", "")]);
    f.posting_date = "31.02.2026".into();
    assert_eq!(
        f.to_draft(DE, 2, today(), "anna").unwrap_err().field,
        FormField::PostingDate
    );
    let mut f = form(vec![line("1200", "10", "")]);
    f.lines[0].currency = "XXQ".into();
    let err = f.to_draft(DE, 2, today(), "anna").unwrap_err();
    assert_eq!((err.line, err.field), (Some(0), FormField::Currency));
}

#[test]
fn foreign_currency_lines_count_at_the_table_rate() {
    let book = book();
    let mut usd = line("1200", "108,37", "");
    usd.currency = "usd".into();
    let f = form(vec![usd, line("8400", "", "100,00")]);
    assert_eq!(f.difference_lc(&book, DE, today()), Decimal::ZERO);
}

#[test]
fn balance_line_fills_the_open_difference() {
    let book = book();
    let mut f = form(vec![
        line("4210", "100,00", ""),
        line("1576", "19,00", ""),
        line("1200", "", ""),
    ]);
    f.balance_line(2, &book, DE, today());
    assert_eq!(f.lines[2].credit, "119,00");
    assert_eq!(f.difference_lc(&book, DE, today()), Decimal::ZERO);
}

proptest! {
    #[test]
    fn any_typed_text_gives_a_draft_or_an_error_never_a_panic(
        cells in prop::collection::vec(("\\PC{0,12}", "\\PC{0,12}", "\\PC{0,12}", "\\PC{0,5}"), 0..6),
        date in "\\PC{0,12}",
    ) {
        let book = book();
        let mut f = EntryForm { posting_date: date, ..EntryForm::default() };
        f.lines = cells.into_iter().map(|(a, d, c, cur)| LineForm { account: a, debit: d, credit: c, currency: cur, ..LineForm::default() }).collect();
        let _ = f.to_draft(DE, 2, today(), "u");
        let _ = f.difference_lc(&book, DE, today());
    }

    #[test]
    fn balancing_the_last_line_always_balances_lc_entries(amounts in prop::collection::vec(1i64..10_000_000, 1..8)) {
        let book = book();
        let mut lines: Vec<LineForm> = amounts.iter().map(|c| {
            let text = kontor::formats::amount::format_amount(Decimal::new(*c, 2), 2, DE);
            line("4210", &text, "")
        }).collect();
        lines.push(line("1200", "", ""));
        let mut f = form(lines);
        let last = f.lines.len() - 1;
        f.balance_line(last, &book, DE, today());
        prop_assert_eq!(f.difference_lc(&book, DE, today()), Decimal::ZERO);
        let draft = f.to_draft(DE, 2, today(), "u").unwrap();
        let mut b = book.clone();
        let posted = b.execute(&Command::Posting(PostingCommand::PostEntry { draft }));
        prop_assert!(posted.is_ok(), "{:?}", posted);
    }
}

#[test]
fn a_tax_code_generates_its_tax_line_in_the_difference_and_the_posting() {
    let mut book = book();
    let mut expense = line("4930", "100,00", "");
    expense.tax_code = "v19".into();
    let f = form(vec![expense, line("1200", "", "119,00")]);
    assert_eq!(f.difference_lc(&book, DE, today()), Decimal::ZERO);
    let preview = f.preview(&book, DE, today()).unwrap();
    assert_eq!(
        preview.lines[0].lines.as_ref().unwrap().len(),
        2,
        "net line and input-tax line"
    );
    let draft = f.to_draft(DE, 2, today(), "anna").unwrap();
    book.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
        .unwrap();
    assert_eq!(book.entries()[0].lines.len(), 3);
}

#[test]
fn a_gross_amount_is_split_into_net_and_tax() {
    let book = book();
    let mut expense = line("4930", "119,00", "");
    expense.tax_code = "V19".into();
    expense.gross = true;
    let f = form(vec![expense, line("1200", "", "119,00")]);
    assert_eq!(f.difference_lc(&book, DE, today()), Decimal::ZERO);
}
