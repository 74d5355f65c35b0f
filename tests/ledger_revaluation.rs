//! Period-end foreign-currency revaluation (issue 14): open USD items and
//! a USD bank balance revalued at the date's rate, by hand computation;
//! § 256a HGB (gains only within a year, when set; losses always); the
//! reversal on the next period's first day; the open items still summing
//! to their control accounts; refusals that store nothing.

use chrono::NaiveDate;
use kontor::ledger::gl::{AccountCurrency, GlCommand};
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::payments::PaymentSettings;
use kontor::ledger::payments::PaymentsCommand;
use kontor::ledger::payments::PaymentsError;
use kontor::ledger::payments::revaluation::{
    RevaluationDraft, RevaluationError, Treatment, preview,
};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{
    AccountNo, Currency, EntryId, PartnerCode, PostedEntry, PostingKey, Side, Timestamp,
};
use kontor::ledger::{Book, Command, DomainError, Event};
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

fn chf() -> Currency {
    Currency::parse("CHF").unwrap()
}

fn run(b: &mut Book, cmd: Command) -> Vec<Event> {
    b.execute(&cmd).unwrap()
}

/// SKR03 with 1400/1600 open to every currency, a USD customer 10001 and
/// vendor 70001, USD at 1.10 from 1 January 2024.
fn book() -> Book {
    let mut b = Book::set_up(&sample_setup(2024)).unwrap().0;
    for n in ["1400", "1600"] {
        let mut account = b.account(a(n)).unwrap().clone();
        account.currency = AccountCurrency::All;
        run(&mut b, GlCommand::UpdateAccount { account }.into());
    }
    for (code, kind) in [
        ("10001", PartnerKind::Customer),
        ("70001", PartnerKind::Vendor),
    ] {
        let mut p = Partner::new(c(code), kind, "Acme Inc.");
        p.currency = AccountCurrency::All;
        let at = Timestamp::at(d(2024, 1, 2), 9, 0, 0).unwrap();
        let cmd = PartnersCommand::CreatePartner {
            partner: Box::new(p),
            by: "anna".into(),
            at,
        };
        run(&mut b, cmd.into());
    }
    set_rate(&mut b, d(2024, 1, 1), dec!(1.10));
    b
}

fn set_rate(b: &mut Book, date: NaiveDate, rate: Decimal) {
    let cmd = GlCommand::SetExchangeRate {
        currency: Currency::USD,
        date,
        rate_fc_per_lc: rate,
    };
    run(b, cmd.into());
}

fn post(b: &mut Book, date: NaiveDate, lines: Vec<LineDraft>) -> EntryId {
    let draft = EntryDraft::new(date, "anna", lines);
    match run(b, PostingCommand::PostEntry { draft }.into()).first() {
        Some(Event::EntryPosted { entry }) => entry.id,
        other => panic!("expected an entry, got {other:?}"),
    }
}

/// A USD customer invoice of `usd` (`lc` at the table's rate), due on `due`.
fn usd_invoice(b: &mut Book, date: NaiveDate, usd: Decimal, lc: Decimal, due: NaiveDate) {
    let mut partner = LineDraft::partner(c("10001"), Side::Debit, usd).in_fc(Currency::USD, None);
    partner.due_date = Some(due);
    let revenue = LineDraft::credit_lc(a("8400"), lc);
    post(b, date, vec![partner, revenue]);
}

/// A USD vendor invoice of `usd` (`lc` at the table's rate), due on `due`.
fn usd_bill(b: &mut Book, date: NaiveDate, usd: Decimal, lc: Decimal, due: NaiveDate) {
    let mut partner = LineDraft::partner(c("70001"), Side::Credit, usd).in_fc(Currency::USD, None);
    partner.due_date = Some(due);
    let expense = LineDraft::debit_lc(a("4930"), lc);
    post(b, date, vec![partner, expense]);
}

fn settings() -> PaymentSettings {
    PaymentSettings {
        fx_adjustment_account: Some(a("1590")),
        ..PaymentSettings::default()
    }
}

fn draft(date: NaiveDate, reverse_on: Option<NaiveDate>) -> RevaluationDraft {
    RevaluationDraft {
        date,
        reverse_on,
        user: "anna".into(),
        key: PostingKey(0x5eed),
    }
}

fn use_settings(b: &mut Book, settings: &PaymentSettings) {
    if b.payments().settings() != settings {
        let cmd = PaymentsCommand::SetSettings {
            settings: Box::new(settings.clone()),
            by: "anna".into(),
            at: Timestamp::at(d(2024, 6, 30), 9, 0, 0).unwrap(),
        };
        run(b, cmd.into());
    }
}

/// Saves `settings` as the company's payment settings, then revalues
/// through the Book; the entries it posted.
fn revalue(
    b: &mut Book,
    settings: &PaymentSettings,
    draft: &RevaluationDraft,
) -> Result<Vec<PostedEntry>, DomainError> {
    use_settings(b, settings);
    let cmd = PaymentsCommand::Revalue {
        draft: draft.clone(),
    };
    let events = b.execute(&cmd.into())?;
    Ok(events
        .into_iter()
        .map(|e| match e {
            Event::EntryPosted { entry } => entry,
            other => panic!("a revaluation posts entries only, got {other:?}"),
        })
        .collect())
}

/// (account, side, LC) of every line.
fn lines(entry: &PostedEntry) -> Vec<(String, Side, Decimal)> {
    entry
        .lines
        .iter()
        .map(|l| (l.account.to_string(), l.side, l.amount_lc))
        .collect()
}

fn balance(b: &Book, n: &str) -> Decimal {
    b.account_totals(a(n))
        .unwrap()
        .iter()
        .map(|t| t.balance_lc())
        .sum()
}

fn refused(b: &mut Book, s: &PaymentSettings, dr: &RevaluationDraft) -> DomainError {
    use_settings(b, s);
    let before = b.clone();
    let err = revalue(b, s, dr).unwrap_err();
    assert_eq!(*b, before, "a refused revaluation changed the book");
    err
}

#[test]
fn a_usd_receivable_gains_at_a_lower_rate_and_the_gain_is_posted_within_a_year() {
    let mut b = book();
    // 1,000 USD at 1.10 = 909.09 EUR; at 1.05 = 952.38 EUR: a gain of 43.29.
    usd_invoice(
        &mut b,
        d(2024, 3, 1),
        dec!(1000),
        dec!(909.09),
        d(2024, 7, 31),
    );
    set_rate(&mut b, d(2024, 6, 30), dec!(1.05));
    let found = preview(b.context(), &settings(), d(2024, 6, 30)).unwrap();
    assert_eq!(found.items.len(), 1);
    let item = &found.items[0];
    assert_eq!(item.open_fc, dec!(1000));
    assert_eq!(item.booked_lc, dec!(909.09));
    assert_eq!(item.booked_rate, Some(dec!(1.10)));
    assert_eq!(item.rate, dec!(1.05));
    assert_eq!(item.revalued_lc, dec!(952.38));
    assert_eq!(item.difference, dec!(43.29));
    assert_eq!(item.treatment, Treatment::Gain);
    assert_eq!(found.gains(), dec!(43.29));

    let entries = revalue(&mut b, &settings(), &draft(d(2024, 6, 30), None)).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        lines(&entries[0]),
        vec![
            ("1590".into(), Side::Debit, dec!(43.29)),
            ("2660".into(), Side::Credit, dec!(43.29)),
        ]
    );
    assert_eq!(entries[0].posting_date, d(2024, 6, 30));
    assert_eq!(
        b.journal().posted_key(PostingKey(0x5eed)),
        Some(entries[0].id)
    );
    // The control account and the open items are untouched.
    assert_eq!(balance(&b, "1400"), dec!(909.09));
    assert_eq!(b.open_items().open_lc(c("10001")), dec!(909.09));
}

#[test]
fn a_gain_due_after_more_than_a_year_is_not_posted_while_the_hgb_setting_is_on() {
    let mut b = book();
    usd_invoice(
        &mut b,
        d(2024, 3, 1),
        dec!(1000),
        dec!(909.09),
        d(2025, 7, 1),
    );
    set_rate(&mut b, d(2024, 6, 30), dec!(1.05));
    let on = settings();
    let found = preview(b.context(), &on, d(2024, 6, 30)).unwrap();
    assert_eq!(found.items[0].treatment, Treatment::GainLongTerm);
    assert_eq!(found.gains_not_posted(), dec!(43.29));
    assert_eq!(
        refused(&mut b, &on, &draft(d(2024, 6, 30), None)),
        DomainError::Payments(PaymentsError::Revaluation(
            RevaluationError::NothingToRevalue {
                date: d(2024, 6, 30)
            }
        ))
    );
    // Exactly one year is still "within a year".
    let within = preview(b.context(), &on, d(2024, 7, 1)).unwrap();
    assert_eq!(within.items[0].treatment, Treatment::Gain);

    let off = PaymentSettings {
        gains_within_year_only: false,
        ..settings()
    };
    let entries = revalue(&mut b, &off, &draft(d(2024, 6, 30), None)).unwrap();
    assert_eq!(
        lines(&entries[0]),
        vec![
            ("1590".into(), Side::Debit, dec!(43.29)),
            ("2660".into(), Side::Credit, dec!(43.29)),
        ]
    );
}

#[test]
fn a_usd_payable_loses_and_the_loss_is_posted_even_when_due_late() {
    let mut b = book();
    // 500 USD at 1.10 = 454.55 EUR owed; at 1.05 = 476.19 EUR: a loss of 21.64.
    usd_bill(
        &mut b,
        d(2024, 3, 1),
        dec!(500),
        dec!(454.55),
        d(2026, 1, 31),
    );
    set_rate(&mut b, d(2024, 6, 30), dec!(1.05));
    let found = preview(b.context(), &settings(), d(2024, 6, 30)).unwrap();
    assert_eq!(found.items[0].booked_lc, dec!(-454.55));
    assert_eq!(found.items[0].revalued_lc, dec!(-476.19));
    assert_eq!(found.items[0].treatment, Treatment::Loss);
    assert_eq!(found.losses(), dec!(-21.64));
    let entries = revalue(&mut b, &settings(), &draft(d(2024, 6, 30), None)).unwrap();
    assert_eq!(
        lines(&entries[0]),
        vec![
            ("1590".into(), Side::Credit, dec!(21.64)),
            ("2150".into(), Side::Debit, dec!(21.64)),
        ]
    );
}

#[test]
fn gains_and_losses_are_posted_gross_and_the_reversal_nets_them_to_zero() {
    let mut b = book();
    usd_invoice(
        &mut b,
        d(2024, 3, 1),
        dec!(1000),
        dec!(909.09),
        d(2024, 7, 31),
    );
    usd_bill(
        &mut b,
        d(2024, 3, 1),
        dec!(500),
        dec!(454.55),
        d(2024, 7, 31),
    );
    set_rate(&mut b, d(2024, 6, 30), dec!(1.05));
    let s = PaymentSettings {
        fx_unrealised_gain: Some(a("2650")),
        ..settings()
    };
    let dr = draft(d(2024, 6, 30), Some(d(2024, 7, 1)));
    let entries = revalue(&mut b, &s, &dr).unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        lines(&entries[0]),
        vec![
            ("1590".into(), Side::Credit, dec!(21.64)),
            ("1590".into(), Side::Debit, dec!(43.29)),
            ("2650".into(), Side::Credit, dec!(43.29)),
            ("2150".into(), Side::Debit, dec!(21.64)),
        ]
    );
    let (first, second) = (&entries[0], &entries[1]);
    assert_eq!(second.posting_date, d(2024, 7, 1));
    assert_eq!(second.reverses, Some(first.id));
    assert_eq!(b.journal().reversed_by(first.id), Some(second.id));
    assert_eq!(second.number, first.number + 1);
    for n in ["1590", "2650", "2150", "2660"] {
        assert_eq!(balance(&b, n), Decimal::ZERO, "account {n}");
    }
    // June alone shows the revaluation; July its reversal.
    let june = &b.account_totals(a("1590")).unwrap()[5];
    assert_eq!(june.balance_lc(), dec!(21.65));
    // Open items keep summing to their control accounts.
    assert_eq!(balance(&b, "1400"), b.open_items().open_lc(c("10001")));
    assert_eq!(balance(&b, "1600"), b.open_items().open_lc(c("70001")));
    // The key is taken: the same revaluation twice is refused.
    assert!(matches!(refused(&mut b, &s, &dr), DomainError::Journal(_)));
}

#[test]
fn a_usd_bank_balance_is_revalued_on_the_account_itself_through_the_book() {
    let mut b = book();
    let mut bank = b.account(a("1200")).unwrap().clone();
    bank.number = a("1260");
    bank.currency = AccountCurrency::Foreign(Currency::USD);
    run(&mut b, GlCommand::CreateAccount { account: bank }.into());
    let deposit = LineDraft {
        account: Some(a("1260")),
        debit: dec!(1000),
        ..LineDraft::default()
    }
    .in_fc(Currency::USD, None);
    post(
        &mut b,
        d(2024, 2, 1),
        vec![deposit, LineDraft::credit_lc(a("0800"), dec!(909.09))],
    );
    set_rate(&mut b, d(2024, 6, 30), dec!(1.05));
    // The book's own settings (defaults): no adjustment account is needed
    // for an account balance.
    let cmd = PaymentsCommand::Revalue {
        draft: draft(d(2024, 6, 30), None),
    };
    let events = run(&mut b, cmd.into());
    let Some(Event::EntryPosted { entry }) = events.first() else {
        panic!("expected an entry, got {events:?}");
    };
    assert_eq!(
        lines(entry),
        vec![
            ("1260".into(), Side::Debit, dec!(43.29)),
            ("2660".into(), Side::Credit, dec!(43.29)),
        ]
    );
    let fc = entry.lines[0].fc().unwrap();
    assert_eq!(
        (fc.currency, fc.amount_fc, fc.rate_fc_per_lc),
        (Currency::USD, Decimal::ZERO, dec!(1.05))
    );
    assert_eq!(balance(&b, "1260"), dec!(952.38));
    // Revalued again at the same rate: nothing left to post.
    let again = preview(b.context(), &PaymentSettings::default(), d(2024, 6, 30)).unwrap();
    assert_eq!(again.accounts[0].balance_fc, dec!(1000));
    assert_eq!(again.accounts[0].treatment, Treatment::Unchanged);
}

#[test]
fn refusals_name_the_missing_rate_the_missing_account_and_store_nothing() {
    let mut b = book();
    // An item at a typed rate in a currency without any rate in the table.
    let partner =
        LineDraft::partner(c("10001"), Side::Debit, dec!(100)).in_fc(chf(), Some(dec!(0.95)));
    post(
        &mut b,
        d(2024, 3, 1),
        vec![partner, LineDraft::credit_lc(a("8400"), dec!(105.26))],
    );
    assert_eq!(
        refused(&mut b, &settings(), &draft(d(2024, 6, 30), None)),
        DomainError::Payments(PaymentsError::Revaluation(RevaluationError::RateMissing {
            currency: chf(),
            date: d(2024, 6, 30)
        }))
    );
    let mut b = book();
    usd_invoice(
        &mut b,
        d(2024, 3, 1),
        dec!(1000),
        dec!(909.09),
        d(2024, 7, 31),
    );
    set_rate(&mut b, d(2024, 6, 30), dec!(1.05));
    assert_eq!(
        refused(
            &mut b,
            &PaymentSettings::default(),
            &draft(d(2024, 6, 30), None)
        ),
        DomainError::Payments(PaymentsError::Revaluation(
            RevaluationError::AdjustmentAccountMissing
        ))
    );
    let control = PaymentSettings {
        fx_adjustment_account: Some(a("1400")),
        ..settings()
    };
    assert_eq!(
        refused(&mut b, &control, &draft(d(2024, 6, 30), None)),
        DomainError::Payments(PaymentsError::Revaluation(
            RevaluationError::AccountUnusable { account: a("1400") }
        ))
    );
    assert_eq!(
        refused(
            &mut b,
            &settings(),
            &draft(d(2024, 6, 30), Some(d(2024, 6, 30)))
        ),
        DomainError::Payments(PaymentsError::Revaluation(
            RevaluationError::ReversalNotAfter {
                date: d(2024, 6, 30),
                reverse_on: d(2024, 6, 30)
            }
        ))
    );
}
