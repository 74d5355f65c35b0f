//! Plausibility warnings on drafts (issue 11): a tax code of the wrong
//! direction for its account, and a posting date in a closing period, are
//! questions to the user, never refusals, and name what they are about.

use chrono::NaiveDate;
use kontor::ledger::DomainError;
use kontor::ledger::gl::GlCommand;
use kontor::ledger::gl::GlError;
use kontor::ledger::posting::{EntryDraft, LineDraft};
use kontor::ledger::posting::{EntryWarning, entry_warnings, reversal_warnings};
use kontor::ledger::posting::{PostingCommand, Rights};
use kontor::ledger::report::vat_return::vat_return;
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::AccountNo;
use kontor::ledger::types::EntryId;
use kontor::ledger::types::{PeriodRef, PeriodStatus};
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn book() -> Book {
    let (b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    b
}

fn coded(mut line: LineDraft, code: &str) -> LineDraft {
    line.tax_code = Some(code.into());
    line
}

fn draft(date: NaiveDate, lines: Vec<LineDraft>) -> EntryDraft {
    EntryDraft::new(date, "anna", lines)
}

#[test]
fn an_input_tax_code_on_a_revenue_line_warns_naming_the_line_and_still_posts() {
    let mut b = book();
    let sale = draft(
        d(2024, 3, 5),
        vec![
            LineDraft::debit_lc(a("1200"), dec!(119)),
            coded(LineDraft::credit_lc(a("8400"), dec!(100)), "V19"),
        ],
    );
    assert_eq!(
        entry_warnings(b.context(), &sale),
        vec![EntryWarning::InputTaxOnRevenue {
            line: 1,
            code: "V19".into(),
            account: a("8400"),
        }]
    );
    assert_eq!(entry_warnings(b.context(), &sale)[0].line(), Some(1));
    // A warning, not a refusal: confirmed, it posts (and is what makes
    // Kz 66 negative, which is why the screen asks first).
    b.execute(&Command::Posting(PostingCommand::PostEntry { draft: sale }))
        .unwrap();
    let march = PeriodRef {
        fiscal_year: 2024,
        period: 3,
    };
    let ret = vat_return(&b, march, march).unwrap();
    let kz66 = ret
        .rows
        .iter()
        .find(|r| r.tax_box.is_some_and(|k| k.0 == 66))
        .unwrap();
    assert!(kz66.tax_lc < Decimal::ZERO, "{kz66:?}");
}

#[test]
fn an_output_tax_code_on_an_expense_line_warns() {
    let b = book();
    let purchase = draft(
        d(2024, 3, 5),
        vec![
            coded(LineDraft::debit_lc(a("4930"), dec!(100)), "U19"),
            LineDraft::credit_lc(a("1200"), dec!(119)),
        ],
    );
    assert_eq!(
        entry_warnings(b.context(), &purchase),
        vec![EntryWarning::OutputTaxOnExpense {
            line: 0,
            code: "U19".into(),
            account: a("4930"),
        }]
    );
    // Self-assessed purchase codes are input codes: wrong on revenue too.
    let odd = draft(
        d(2024, 3, 5),
        vec![
            LineDraft::debit_lc(a("1200"), dec!(100)),
            coded(LineDraft::credit_lc(a("8400"), dec!(100)), "IGE19"),
        ],
    );
    assert!(matches!(
        entry_warnings(b.context(), &odd)[..],
        [EntryWarning::InputTaxOnRevenue { line: 1, .. }]
    ));
}

#[test]
fn codes_that_fit_their_accounts_give_no_warning() {
    let b = book();
    let fine = draft(
        d(2024, 3, 5),
        vec![
            coded(LineDraft::debit_lc(a("4930"), dec!(100)), "V19"),
            coded(LineDraft::credit_lc(a("8400"), dec!(100)), "U19"),
            LineDraft::credit_lc(a("1200"), dec!(19)),
            // Balance-sheet accounts with a code: no direction to check.
            coded(LineDraft::debit_lc(a("1400"), dec!(19)), "V19"),
        ],
    );
    assert_eq!(entry_warnings(b.context(), &fine), vec![]);
}

#[test]
fn posting_into_a_closing_period_is_a_question_and_posts_once_confirmed() {
    let mut b = book();
    b.execute(&Command::Gl(GlCommand::SetPeriodStatus {
        period: PeriodRef {
            fiscal_year: 2024,
            period: 12,
        },
        status: PeriodStatus::Closing,
    }))
    .unwrap();
    let rent = draft(
        d(2024, 12, 31),
        vec![
            LineDraft::debit_lc(a("4210"), dec!(500)),
            LineDraft::credit_lc(a("1200"), dec!(500)),
        ],
    );
    let warnings = entry_warnings(b.context(), &rent);
    assert_eq!(
        warnings,
        vec![EntryWarning::ClosingPeriod {
            date: d(2024, 12, 31)
        }]
    );
    assert!(warnings[0].needs_closing_right());
    // Without the confirmation (the closing right) the engine refuses ...
    let refused = b.execute_with(
        Rights {
            post_into_closing: false,
            ..Rights::ALL
        },
        &Command::Posting(PostingCommand::PostEntry {
            draft: rent.clone(),
        }),
    );
    assert_eq!(
        refused,
        Err(DomainError::Gl(GlError::PeriodClosing {
            date: d(2024, 12, 31)
        }))
    );
    // ... with it (the user holds every right until rights exist) it posts.
    b.execute(&Command::Posting(PostingCommand::PostEntry { draft: rent }))
        .unwrap();
    // A reversal dated in the closing period asks too; one elsewhere does not.
    assert_eq!(
        reversal_warnings(b.context(), EntryId(1), None),
        vec![EntryWarning::ClosingPeriod {
            date: d(2024, 12, 31)
        }]
    );
    assert_eq!(
        reversal_warnings(b.context(), EntryId(1), Some(d(2024, 11, 30))),
        vec![]
    );
    // An ordinary period asks nothing.
    let january = draft(
        d(2024, 1, 31),
        vec![
            LineDraft::debit_lc(a("4210"), dec!(500)),
            LineDraft::credit_lc(a("1200"), dec!(500)),
        ],
    );
    assert_eq!(entry_warnings(b.context(), &january), vec![]);
}
