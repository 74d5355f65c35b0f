//! Data-entry rules (issue 18, Erfassungsregeln): each rule off, a
//! warning, or a refusal in the engine; drafts the engine derives are held
//! only to the cash rule; a rule set later never refuses the log's past.

use chrono::NaiveDate;
use kontor::ledger::gl::{EntryRules, EntryRulesError, GlCommand, GlError, RuleBreach, RuleMode};
use kontor::ledger::journal::JournalError;
use kontor::ledger::posting::{
    EntryDraft, EntryWarning, LineDraft, PostingCommand, entry_warnings,
};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, Timestamp};
use kontor::ledger::{Book, Command, DomainError};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

const TODAY: (i32, u32, u32) = (2024, 6, 15);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

fn book_with(rules: EntryRules) -> Book {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    b.execute(&set(rules)).unwrap();
    b
}

fn set(rules: EntryRules) -> Command {
    Command::Gl(GlCommand::SetEntryRules {
        rules,
        by: "anna".into(),
        at: Timestamp::at_midnight(today()),
    })
}

/// A typed entry (bank → expense) on `date`, with reference and document
/// date, entered today.
fn typed(date: NaiveDate) -> EntryDraft {
    let mut draft = EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::debit_lc(a("4930"), dec!(50)),
            LineDraft::credit_lc(a("1200"), dec!(50)),
        ],
    );
    draft.reference = "B-1".into();
    draft.document_date = Some(date);
    draft.entered_on = Some(today());
    draft
}

fn cash(debit: &str, credit: &str, amount: rust_decimal::Decimal) -> EntryDraft {
    EntryDraft::new(
        today(),
        "anna",
        vec![
            LineDraft::debit_lc(a(debit), amount),
            LineDraft::credit_lc(a(credit), amount),
        ],
    )
}

fn post(b: &mut Book, draft: EntryDraft) -> Result<(), DomainError> {
    b.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
        .map(|_| ())
}

fn refused_by(result: Result<(), DomainError>) -> RuleBreach {
    match result {
        Err(DomainError::Journal(JournalError::Rule(b))) => b,
        other => panic!("expected a rule refusal, got {other:?}"),
    }
}

fn window(mode: RuleMode) -> EntryRules {
    EntryRules {
        days_back: Some(30),
        days_ahead: Some(10),
        date_window: mode,
        ..EntryRules::default()
    }
}

#[test]
fn a_posting_date_outside_the_window_is_refused_naming_the_limit() {
    let mut b = book_with(window(RuleMode::Refuse));
    assert_eq!(
        refused_by(post(&mut b, typed(d(2024, 5, 15)))),
        RuleBreach::TooFarBack {
            date: d(2024, 5, 15),
            earliest: d(2024, 5, 16),
            days: 30
        }
    );
    assert_eq!(
        refused_by(post(&mut b, typed(d(2024, 6, 26)))),
        RuleBreach::TooFarAhead {
            date: d(2024, 6, 26),
            latest: d(2024, 6, 25),
            days: 10
        }
    );
    assert_eq!(b.entry_count(), 0, "nothing posted");
    // The limits themselves are inside.
    post(&mut b, typed(d(2024, 5, 16))).unwrap();
    post(&mut b, typed(d(2024, 6, 25))).unwrap();
    assert_eq!(b.entry_count(), 2);
}

#[test]
fn in_warn_mode_the_breach_is_a_question_and_the_entry_posts() {
    let mut b = book_with(window(RuleMode::Warn));
    let late = typed(d(2024, 1, 2));
    assert_eq!(
        entry_warnings(b.context(), &late),
        vec![EntryWarning::Rule(RuleBreach::TooFarBack {
            date: d(2024, 1, 2),
            earliest: d(2024, 5, 16),
            days: 30
        })]
    );
    post(&mut b, late).unwrap();
    assert_eq!(b.entry_count(), 1);
}

#[test]
fn with_every_rule_off_nothing_is_asked_or_refused() {
    let mut b = book_with(EntryRules::default());
    let mut bare = typed(d(2024, 1, 2));
    bare.reference.clear();
    bare.document_date = None;
    assert_eq!(entry_warnings(b.context(), &bare), vec![]);
    post(&mut b, bare).unwrap();
}

#[test]
fn reference_and_document_date_are_mandatory_when_refused() {
    let rules = EntryRules {
        reference: RuleMode::Refuse,
        document_date: RuleMode::Warn,
        ..EntryRules::default()
    };
    let mut b = book_with(rules);
    let mut no_ref = typed(today());
    no_ref.reference = "  ".into();
    assert_eq!(refused_by(post(&mut b, no_ref)), RuleBreach::NoReference);
    let mut no_doc = typed(today());
    no_doc.document_date = None;
    assert_eq!(
        entry_warnings(b.context(), &no_doc),
        vec![EntryWarning::Rule(RuleBreach::NoDocumentDate)]
    );
    post(&mut b, no_doc).unwrap();
}

#[test]
fn drafts_the_engine_derives_are_not_held_to_the_typed_rules() {
    let rules = EntryRules {
        reference: RuleMode::Refuse,
        ..window(RuleMode::Refuse)
    };
    let mut b = book_with(rules);
    let mut derived = typed(d(2024, 1, 2));
    derived.reference.clear();
    derived.entered_on = None;
    post(&mut b, derived).unwrap();
}

fn cash_rule(mode: RuleMode) -> EntryRules {
    EntryRules {
        cash_accounts: vec![a("1000")],
        cash_negative: mode,
        ..EntryRules::default()
    }
}

#[test]
fn cash_may_not_go_below_zero_but_a_receipt_into_a_short_box_is_allowed() {
    let mut b = book_with(EntryRules::default());
    // Before the rule: the box is already 20 short.
    post(&mut b, cash("4930", "1000", dec!(20))).unwrap();
    b.execute(&set(cash_rule(RuleMode::Refuse))).unwrap();
    assert_eq!(
        refused_by(post(&mut b, cash("4930", "1000", dec!(5)))),
        RuleBreach::CashNegative {
            account: a("1000"),
            balance: dec!(-25),
            decimals: 2
        }
    );
    // A receipt of 10 leaves it at -10: still short, but better.
    post(&mut b, cash("1000", "1200", dec!(10))).unwrap();
    post(&mut b, cash("1000", "1200", dec!(30))).unwrap();
    // 20 in the box: a payment of exactly 20 empties it, one cent more not.
    assert!(matches!(
        refused_by(post(&mut b, cash("4930", "1000", dec!(20.01)))),
        RuleBreach::CashNegative { .. }
    ));
    post(&mut b, cash("4930", "1000", dec!(20))).unwrap();
    assert_eq!(b.gl().balance_lc(a("1000")), dec!(0));
}

#[test]
fn the_cash_rule_warns_on_derived_entries_too() {
    let b = book_with(cash_rule(RuleMode::Warn));
    assert_eq!(
        entry_warnings(b.context(), &cash("4930", "1000", dec!(1))),
        vec![EntryWarning::Rule(RuleBreach::CashNegative {
            account: a("1000"),
            balance: dec!(-1),
            decimals: 2
        })]
    );
}

#[test]
fn rules_are_checked_against_the_chart() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let refused = |b: &mut Book, rules| match b.execute(&set(rules)) {
        Err(DomainError::Gl(GlError::EntryRules(e))) => e,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let revenue = EntryRules {
        cash_accounts: vec![a("8400")],
        ..EntryRules::default()
    };
    assert_eq!(
        refused(&mut b, revenue),
        EntryRulesError::NotACashAccount { account: a("8400") }
    );
    let receivables = EntryRules {
        cash_accounts: vec![a("1400")],
        ..EntryRules::default()
    };
    assert!(matches!(
        refused(&mut b, receivables),
        EntryRulesError::NotACashAccount { .. }
    ));
    let no_box = EntryRules {
        cash_negative: RuleMode::Warn,
        ..EntryRules::default()
    };
    assert_eq!(refused(&mut b, no_box), EntryRulesError::NoCashAccount);
    assert_eq!(b.gl().entry_rules(), &EntryRules::default());
}

#[test]
fn a_rule_set_later_never_refuses_the_past_on_replay() {
    let (mut b, mut log) = Book::set_up(&sample_setup(2024)).unwrap();
    let mut old = typed(d(2024, 1, 2));
    old.reference.clear();
    let rules = EntryRules {
        reference: RuleMode::Refuse,
        cash_accounts: vec![a("1000")],
        cash_negative: RuleMode::Refuse,
        ..window(RuleMode::Refuse)
    };
    for cmd in [
        Command::Posting(PostingCommand::PostEntry { draft: old }),
        Command::Posting(PostingCommand::PostEntry {
            draft: cash("4930", "1000", dec!(20)),
        }),
        set(rules.clone()),
    ] {
        log.extend(b.execute(&cmd).unwrap());
    }
    let replayed = Book::from_events(&log).unwrap();
    assert_eq!(replayed.entry_count(), 2);
    assert_eq!(replayed.gl().entry_rules(), &rules);
    assert_eq!(replayed, b);
}
