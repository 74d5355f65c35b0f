//! Error sentences with amounts (src/ui/errors.rs, wasm32-only like the
//! rest of the UI): an amount in a message has the currency's decimals in
//! the language's format, as on every screen.

use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::{Book, Command};
use kontor::ui::errors::domain_error;
use kontor::ui::i18n::Lang;
use rust_decimal::Decimal;
use wasm_bindgen_test::wasm_bindgen_test;

/// The entry as the grid parses `10` (`10.0`, scale 1) against nothing.
fn unbalanced_by_ten() -> kontor::ledger::DomainError {
    let (mut book, _) = Book::set_up(&sample_setup(2024)).expect("set up");
    let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).expect("date");
    let account = |n: &str| kontor::ledger::types::AccountNo::parse(n).expect("account");
    let lines = vec![
        LineDraft::debit_lc(account("4930"), Decimal::new(100, 1)),
        LineDraft::credit_lc(account("1200"), Decimal::new(5, 0)),
    ];
    let cmd = Command::Posting(PostingCommand::PostEntry {
        draft: EntryDraft::new(date, "anna", lines),
    });
    book.execute(&cmd).expect_err("does not balance")
}

#[wasm_bindgen_test]
fn the_unbalanced_message_writes_the_difference_with_the_currency_decimals() {
    let error = unbalanced_by_ten();
    let en = domain_error(&error, Lang::En);
    assert!(
        en.contains("debit minus credit = 5.00 (local currency)"),
        "{en}"
    );
    let de = domain_error(&error, Lang::De);
    assert!(de.contains("Soll minus Haben = 5,00 (Hauswährung)"), "{de}");
}
