//! The journal-entry form: typed text becomes an engine draft or an error
//! that points at the line and field; the running check (difference and
//! "postable or not, and why") is exactly what the posting will meet.

use chrono::NaiveDate;
use kontor::formats::amount::NumberStyle;
use kontor::forms::entry::{EntryCheck, EntryForm, FormErrorKind, FormField, LineForm, Refusal};
use kontor::ledger::DomainError;
use kontor::ledger::gl::AccountCurrency;
use kontor::ledger::gl::GlCommand;
use kontor::ledger::journal::JournalError;
use kontor::ledger::posting::EntryWarning;
use kontor::ledger::posting::PostingCommand;
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::AccountNo;
use kontor::ledger::types::Currency;
use kontor::ledger::types::Side;
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

const DE: NumberStyle = NumberStyle::German;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
}

/// The user the entry screen posts as.
const USER: &str = "kontor";

/// The running difference the grid shows.
fn diff(f: &EntryForm, book: &Book) -> Option<Decimal> {
    f.check(book, DE, today(), USER).diff_lc()
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
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
        key: String::new(),
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
    assert_eq!(diff(&f, &book), Some(Decimal::ZERO));
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
    assert_eq!(diff(&f, &book), Some(Decimal::ZERO));
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
    assert_eq!(diff(&f, &book), Some(Decimal::ZERO));
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
        let _ = f.check(&book, DE, today(), USER);
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
        prop_assert_eq!(diff(&f, &book), Some(Decimal::ZERO));
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
    assert_eq!(diff(&f, &book), Some(Decimal::ZERO));
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
    let mut book = book();
    let mut expense = line("4930", "119,00", "");
    expense.tax_code = "V19".into();
    expense.gross = true;
    let f = form(vec![expense, line("1200", "", "119,00")]);
    assert_eq!(diff(&f, &book), Some(Decimal::ZERO));
    // The grid shows the split: 100,00 net on the expense, 19,00 input tax.
    let preview = f.preview(&book, DE, today()).unwrap();
    let shown: Vec<(String, Side, Decimal)> = preview.lines[0]
        .lines
        .as_ref()
        .unwrap()
        .iter()
        .map(|l| (l.account.to_string(), l.side, l.amount_lc))
        .collect();
    let expected = vec![
        ("4930".to_string(), Side::Debit, dec("100.00")),
        ("1576".to_string(), Side::Debit, dec("19.00")),
    ];
    assert_eq!(shown, expected);
    // And the posting carries exactly that split.
    let draft = f.to_draft(DE, 2, today(), USER).unwrap();
    book.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
        .unwrap();
    let posted: Vec<(String, Side, Decimal)> = book.entries()[0]
        .lines
        .iter()
        .map(|l| (l.account.to_string(), l.side, l.amount_lc))
        .collect();
    let mut all = expected;
    all.push(("1200".to_string(), Side::Credit, dec("119.00")));
    assert_eq!(posted, all);
}

/// The reason of a refused check.
fn refusal(f: &EntryForm, book: &Book) -> Refusal {
    match f.check(book, DE, today(), USER) {
        EntryCheck::NotPostable { reason, .. } => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_line_with_an_unknown_account_makes_the_entry_not_postable_instead_of_balanced() {
    let mut book = book();
    // 4210 and 1200 balance; the third line's account does not exist.
    // The old running difference ignored that line and said "balanced".
    let f = form(vec![
        line("4210", "100,00", ""),
        line("1200", "", "100,00"),
        line("9999", "50,00", ""),
    ]);
    let check = f.check(&book, DE, today(), USER);
    assert!(!check.is_postable());
    assert_eq!(
        refusal(&f, &book),
        Refusal::Domain(DomainError::Journal(JournalError::AccountNotFound {
            line: 2,
            account: AccountNo::parse("9999").unwrap()
        }))
    );
    // The posting agrees.
    let draft = f.to_draft(DE, 2, today(), USER).unwrap();
    assert!(
        book.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
            .is_err()
    );
    // A title account (not postable) is refused the same way.
    let f = form(vec![line("4210", "100,00", ""), line("1", "", "100,00")]);
    assert!(matches!(
        refusal(&f, &book),
        Refusal::Domain(DomainError::Journal(JournalError::AccountNotPostable {
            line: 1,
            ..
        }))
    ));
}

#[test]
fn a_three_decimal_amount_is_not_postable_and_not_rounded_away() {
    let book = book();
    // 100,004 would round to 100,00 and look balanced against 100,00.
    let f = form(vec![
        line("4210", "100,004", ""),
        line("1200", "", "100,00"),
    ]);
    let check = f.check(&book, DE, today(), USER);
    assert_eq!(
        check.diff_lc(),
        None,
        "no difference while a cell does not read"
    );
    match refusal(&f, &book) {
        Refusal::Form(e) => assert_eq!((e.line, e.field), (Some(0), FormField::Debit)),
        other => panic!("expected the debit cell, got {other:?}"),
    }
}

#[test]
fn an_unbalanced_entry_shows_the_engines_difference() {
    let book = book();
    let f = form(vec![line("4210", "50,00", ""), line("1200", "", "40,00")]);
    assert_eq!(diff(&f, &book), Some(dec("10.00")));
    assert!(matches!(
        refusal(&f, &book),
        Refusal::Domain(DomainError::Journal(JournalError::Unbalanced { .. }))
    ));
}

#[test]
fn a_line_holding_only_a_tax_code_is_not_dropped_silently() {
    let book = book();
    let stray = LineForm {
        tax_code: "V19".into(),
        ..LineForm::default()
    };
    let f = form(vec![
        line("4210", "100,00", ""),
        line("1200", "", "100,00"),
        stray,
    ]);
    assert!(!f.lines[2].is_blank());
    assert_eq!(
        refusal(&f, &book),
        Refusal::Domain(DomainError::Journal(JournalError::AccountMissing {
            line: 2
        }))
    );
}

#[test]
fn an_empty_grid_is_empty_not_refused() {
    let book = book();
    let f = form(vec![LineForm::default(), LineForm::default()]);
    assert_eq!(f.check(&book, DE, today(), USER), EntryCheck::Empty);
}

#[test]
fn a_postable_entry_carries_its_warnings() {
    let book = book();
    let mut sale = line("8400", "", "100,00");
    sale.tax_code = "V19".into();
    let f = form(vec![LineForm::default(), line("1200", "119,00", ""), sale]);
    match f.check(&book, DE, today(), USER) {
        EntryCheck::Postable { warnings } => {
            assert!(matches!(
                warnings[..],
                [EntryWarning::InputTaxOnRevenue { line: 1, .. }]
            ));
            // Draft line 1 is grid row 2 (row 0 is blank).
            assert_eq!(f.row_of_line(1), 2);
        }
        other => panic!("expected postable with a warning, got {other:?}"),
    }
}

/// A grid line drawn from accounts that exist, do not exist or are titles,
/// amounts with 0 to 3 decimals, and tax codes that exist or not.
fn any_line() -> impl Strategy<Value = LineForm> {
    let account = prop_oneof![
        8 => prop::sample::select(vec!["4210", "1200", "8400", "4930"]),
        1 => prop::sample::select(vec!["9999", "1", ""]),
    ];
    let scale = prop_oneof![8 => 0u32..3, 1 => Just(3u32)];
    let amount = (0i64..300_000, scale).prop_map(|(n, scale)| {
        kontor::formats::amount::format_amount(Decimal::new(n, scale), scale, DE)
    });
    let code = prop::sample::select(vec!["", "", "", "", "V19", "U19", "U7", "XX"]);
    (account, amount, any::<bool>(), code, any::<bool>()).prop_map(
        |(account, amount, debit, code, gross)| LineForm {
            account: account.into(),
            debit: if debit { amount.clone() } else { String::new() },
            credit: if debit { String::new() } else { amount },
            tax_code: code.into(),
            gross,
            ..LineForm::default()
        },
    )
}

proptest! {
    #[test]
    fn the_grid_says_postable_exactly_when_the_posting_goes_through(
        lines in prop::collection::vec(any_line(), 0..5),
        balance in any::<bool>(),
    ) {
        let book = book();
        let mut f = form(lines);
        // Half the cases balance their last line, so postable entries are
        // drawn as often as refused ones.
        if balance {
            f.lines.push(line("1200", "", ""));
            let last = f.lines.len() - 1;
            f.balance_line(last, &book, DE, today());
        }
        let check = f.check(&book, DE, today(), USER);
        let posted = f
            .to_draft(DE, 2, today(), USER)
            .ok()
            .map(|draft| book.clone().execute(&Command::Posting(PostingCommand::PostEntry { draft })));
        let went_through = matches!(posted, Some(Ok(_)));
        prop_assert_eq!(check.is_postable(), went_through, "{:?} / {:?}", check, posted);
        if let (EntryCheck::NotPostable { reason: Refusal::Domain(e), .. }, Some(Err(posting))) = (&check, &posted) {
            prop_assert_eq!(e, posting, "the same reason");
        }
    }
}

/// The property above is only worth its name if it meets both answers.
#[test]
fn the_postable_property_draws_postable_and_refused_entries() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let book = book();
    let mut runner = TestRunner::deterministic();
    let (mut postable, mut refused) = (0, 0);
    for _ in 0..256 {
        let lines = prop::collection::vec(any_line(), 0..5)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let mut f = form(lines);
        f.lines.push(line("1200", "", ""));
        let last = f.lines.len() - 1;
        f.balance_line(last, &book, DE, today());
        match f.check(&book, DE, today(), USER) {
            EntryCheck::Postable { .. } => postable += 1,
            EntryCheck::NotPostable { .. } => refused += 1,
            EntryCheck::Empty => {}
        }
    }
    assert!(
        postable >= 64 && refused >= 64,
        "postable {postable}, refused {refused}"
    );
}

#[test]
fn a_form_holds_input_once_anything_is_typed() {
    let fresh = EntryForm::new(today(), DE, 4);
    assert!(!fresh.holds_input(today()));
    // Today's date in the other language's format is still a fresh form.
    let english = EntryForm::new(today(), NumberStyle::English, 4);
    assert!(!english.holds_input(today()));
    let mut f = fresh.clone();
    f.lines[3].memo = "x".into();
    assert!(f.holds_input(today()));
    let mut f = fresh.clone();
    f.reference = "RE-1".into();
    assert!(f.holds_input(today()));
    let mut f = fresh.clone();
    f.posting_date = "01.03.2026".into();
    assert!(f.holds_input(today()));
    let mut f = fresh;
    f.lines[0].gross = true;
    assert!(f.holds_input(today()));
}

/// `book()` with customer 10001 (credit limit 1,000, commitment limit
/// 2,000) on the default receivables control account.
fn book_with_customer() -> Book {
    use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
    use kontor::ledger::types::{PartnerCode, Timestamp};
    let mut book = book();
    let mut p = Partner::new(
        PartnerCode::parse("10001").unwrap(),
        PartnerKind::Customer,
        "Bäckerei Krüger KG",
    );
    p.credit_limit = Some(dec("1000"));
    p.commitment_limit = Some(dec("2000"));
    book.execute(&Command::from(PartnersCommand::CreatePartner {
        partner: Box::new(p),
        by: "anna".into(),
        at: Timestamp::at(today(), 9, 0, 0).unwrap(),
    }))
    .unwrap();
    book
}

#[test]
fn a_partner_code_in_the_account_cell_posts_for_the_partner() {
    let book = book_with_customer();
    let f = form(vec![
        line("10001 Bäckerei Krüger KG", "500,00", ""),
        line("8400", "", "500,00"),
    ]);
    let draft = f.to_book_draft(&book, DE, today(), USER).unwrap();
    assert_eq!(
        draft.lines[0].partner.map(|c| c.as_str().to_string()),
        Some("10001".to_string())
    );
    assert_eq!(draft.lines[0].account, None);
    assert_eq!(draft.lines[1].partner, None);
    assert!(f.check(&book, DE, today(), USER).is_postable());
    // Without the book, the code is read as an account number.
    let plain = form(vec![
        line("10001", "500,00", ""),
        line("8400", "", "500,00"),
    ])
    .to_draft(DE, 2, today(), USER)
    .unwrap();
    assert_eq!(plain.lines[0].partner, None);
}

#[test]
fn an_account_number_stays_an_account_and_an_unknown_code_is_refused() {
    let book = book_with_customer();
    let f = form(vec![line("1200", "500,00", ""), line("8400", "", "500,00")]);
    let draft = f.to_book_draft(&book, DE, today(), USER).unwrap();
    assert_eq!(draft.lines[0].partner, None);
    let unknown = form(vec![
        line("10002", "500,00", ""),
        line("8400", "", "500,00"),
    ]);
    assert!(!unknown.check(&book, DE, today(), USER).is_postable());
}

#[test]
fn the_credit_notices_of_a_typed_invoice_name_the_limit() {
    use kontor::ledger::posting::CreditLevel;
    let book = book_with_customer();
    let over = |amount: &str| {
        let f = form(vec![line("10001", amount, ""), line("8400", "", amount)]);
        let draft = f.to_book_draft(&book, DE, today(), USER).unwrap();
        book.credit_notices(&draft)
            .iter()
            .map(|n| n.level)
            .collect::<Vec<_>>()
    };
    assert_eq!(over("900,00"), vec![]);
    assert_eq!(over("1.500,00"), vec![CreditLevel::Credit]);
    assert_eq!(
        over("2.500,00"),
        vec![CreditLevel::Commitment, CreditLevel::Credit]
    );
}
