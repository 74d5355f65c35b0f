//! The bank sub-ledger (issue 15), engine side: house banks and their
//! refusals, importing statements (duplicates of an overlapping file
//! skipped and counted, nothing stored when nothing is new), posting a
//! whole statement in one command (all or nothing when one line's payment
//! is refused), a line posted once however often it is sent, a cancelled
//! payment re-opening its line, rules saved, moved and deleted, and the
//! log replaying to the same Book.

use chrono::NaiveDate;
use kontor::ledger::bank::{
    BalanceAt, BankCommand, BankError, BankLine, Conditions, HouseBank, HouseBankField,
    LinePosting, LineRef, Rule, RuleAction, StatementDraft,
};
use kontor::ledger::chain::{ChainHead, LogRecord};
use kontor::ledger::event::encode;
use kontor::ledger::open_items::ItemId;
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::payments::{
    Direction, GlLineDraft, ItemDraft, Means, MeansDraft, PaymentDraft, PaymentsCommand,
    PaymentsError, payment_item,
};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, Currency, PartnerCode, PostingKey, Side, Timestamp};
use kontor::ledger::{Book, Command, DomainError, Event};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn c(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(20), 9, 30, 0).unwrap()
}

const IBAN: &str = "DE44500105175407324931";
const OTHER_IBAN: &str = "DE89370400440532013000";

/// A book and its log, every accepted command's events sealed in.
struct Company {
    book: Book,
    log: Vec<LogRecord>,
    head: ChainHead,
}

impl Company {
    fn new() -> Company {
        let (book, events) = Book::set_up(&sample_setup(2024)).unwrap();
        let mut company = Company {
            book,
            log: Vec::new(),
            head: ChainHead::EMPTY,
        };
        company.seal(&events);
        company.run(
            PartnersCommand::CreatePartner {
                partner: Box::new(Partner::new(
                    c("10001"),
                    PartnerKind::Customer,
                    "Bäckerei Krüger KG",
                )),
                by: "anna".into(),
                at: at(),
            }
            .into(),
        );
        company.run(save_bank(house_bank()));
        company
    }

    fn seal(&mut self, events: &[Event]) {
        for e in events {
            let record = self.head.seal(encode(e));
            self.head = ChainHead::after(&record);
            self.log.push(record);
        }
    }

    fn run(&mut self, cmd: Command) -> Vec<Event> {
        let events = self.book.execute(&cmd).unwrap();
        self.seal(&events);
        events
    }

    fn refuses(&mut self, cmd: Command) -> DomainError {
        let before = self.book.clone();
        let err = self.book.execute(&cmd).unwrap_err();
        assert_eq!(self.book, before, "a refused command changed the book");
        err
    }

    /// Customer invoice of `gross` (to 8400 without tax), its item.
    fn invoice(&mut self, gross: Decimal) -> ItemId {
        let draft = EntryDraft::new(
            d(1),
            "anna",
            vec![
                LineDraft::partner(c("10001"), Side::Debit, gross),
                LineDraft::credit_lc(a("8400"), gross),
            ],
        );
        match self.run(PostingCommand::PostEntry { draft }.into()).first() {
            Some(Event::EntryPosted { entry }) => payment_item(entry.id),
            other => panic!("expected an entry, got {other:?}"),
        }
    }

    fn balance(&self, account: &str) -> Decimal {
        self.book
            .account_line_refs(a(account))
            .map(|refs| {
                refs.iter()
                    .filter_map(|r| self.book.line(*r))
                    .map(|(_, l)| l.signed_lc())
                    .sum()
            })
            .unwrap_or_default()
    }
}

fn bank_err(e: DomainError) -> BankError {
    match e {
        DomainError::Bank(e) => e,
        other => panic!("expected a bank refusal, got {other:?}"),
    }
}

fn house_bank() -> HouseBank {
    HouseBank {
        code: "SPK".into(),
        name: "Sparkasse".into(),
        account: a("1200"),
        iban: "de44 5001 0517 5407 3249 31".into(),
        bic: "INGDDEFFXXX".into(),
        currency: Currency::parse("EUR").unwrap(),
        suspense_account: Some(a("1360")),
        csv_mapping: None,
    }
}

fn save_bank(bank: HouseBank) -> Command {
    BankCommand::SaveHouseBank {
        bank: Box::new(bank),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn line(day: u32, amount: Decimal, reference: &str, purpose: &str) -> BankLine {
    BankLine {
        booking_date: d(day),
        value_date: d(day),
        amount,
        currency: Currency::parse("EUR").unwrap(),
        counterparty: "Bäckerei Krüger KG".into(),
        iban: OTHER_IBAN.into(),
        bic: String::new(),
        purpose: purpose.into(),
        creditor_reference: String::new(),
        end_to_end_id: String::new(),
        mandate_id: String::new(),
        bank_reference: reference.into(),
        transaction_code: String::new(),
        key: format!("ref:{reference}"),
    }
}

fn statement(id: &str, lines: Vec<BankLine>) -> StatementDraft {
    StatementDraft {
        iban: IBAN.into(),
        statement_id: id.into(),
        sequence_no: "1".into(),
        format: "camt.053.001.08".into(),
        intraday: false,
        currency: Currency::parse("EUR").unwrap(),
        opening: Some(BalanceAt {
            date: d(4),
            amount: dec!(0),
        }),
        closing: None,
        lines,
    }
}

fn import(statements: Vec<StatementDraft>) -> Command {
    BankCommand::Import {
        house_bank: None,
        file_name: "auszug.xml".into(),
        bytes: b"<Document/>".to_vec(),
        statements,
        by: "anna".into(),
        at: at(),
    }
    .into()
}

/// Three lines: 1,190.00 in (invoice), 500.00 in (invoice), 12.50 fee out.
fn three_lines() -> Vec<BankLine> {
    vec![
        line(5, dec!(1190.00), "A1", "RE 1"),
        line(6, dec!(500.00), "A2", "RE 2"),
        line(7, dec!(-12.50), "A3", "Kontoführung"),
    ]
}

fn means(amount: Decimal) -> MeansDraft {
    MeansDraft {
        means: Means::Transfer,
        account: Some(a("1200")),
        amount,
        reference: String::new(),
    }
}

fn payment(direction: Direction, day: u32, amount: Decimal, key: PostingKey) -> PaymentDraft {
    PaymentDraft {
        direction,
        partner: None,
        posting_date: d(day),
        document_date: None,
        currency: None,
        rate_fc_per_lc: None,
        items: Vec::new(),
        on_account: Decimal::ZERO,
        gl_lines: Vec::new(),
        means: vec![means(amount)],
        fee: Decimal::ZERO,
        write_off: false,
        late_discount_confirmed: false,
        reference: String::new(),
        memo: String::new(),
        user: "anna".into(),
        key,
    }
}

/// The customer's payment of `item` by the line.
fn pays_item(b: &Book, at: LineRef, item: ItemId, amount: Decimal) -> LinePosting {
    let line = &b.bank().statement(at.statement).unwrap().lines[at.line as usize];
    let mut draft = payment(
        Direction::Incoming,
        line.booking_date.day0() + 1,
        amount,
        b.bank().line_posting_key(at),
    );
    draft.partner = Some(c("10001"));
    draft.items = vec![ItemDraft {
        item,
        amount,
        discount: Decimal::ZERO,
    }];
    LinePosting {
        line: at.line,
        draft: Box::new(draft),
    }
}

/// The line as a bank fee to 4970.
fn fee(b: &Book, at: LineRef) -> LinePosting {
    let line = &b.bank().statement(at.statement).unwrap().lines[at.line as usize];
    let amount = line.amount.abs();
    let mut draft = payment(
        Direction::Outgoing,
        line.booking_date.day0() + 1,
        amount,
        b.bank().line_posting_key(at),
    );
    draft.gl_lines = vec![GlLineDraft {
        account: a("4970"),
        amount,
        tax_code: None,
        memo: "Kontoführung".into(),
    }];
    LinePosting {
        line: at.line,
        draft: Box::new(draft),
    }
}

use chrono::Datelike;

fn post(statement: u32, lines: Vec<LinePosting>) -> Command {
    BankCommand::PostLines {
        statement,
        lines,
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn r(statement: u32, line: u32) -> LineRef {
    LineRef { statement, line }
}

/// The statement of `three_lines` imported, both invoices posted.
fn imported() -> (Company, ItemId, ItemId) {
    let mut co = Company::new();
    let first = co.invoice(dec!(1190.00));
    let second = co.invoice(dec!(500.00));
    co.run(import(vec![statement("S1", three_lines())]));
    (co, first, second)
}

fn post_all(co: &Company, first: ItemId, second: ItemId) -> Command {
    let b = &co.book;
    post(
        1,
        vec![
            pays_item(b, r(1, 0), first, dec!(1190.00)),
            pays_item(b, r(1, 1), second, dec!(500.00)),
            fee(b, r(1, 2)),
        ],
    )
}

#[test]
fn a_house_bank_is_saved_normalised_and_replaced_by_code() {
    let mut co = Company::new();
    let saved = co.book.bank().house_bank("SPK").unwrap();
    assert_eq!(saved.iban, IBAN);
    assert_eq!(co.book.bank().house_bank_by_iban(IBAN).unwrap().code, "SPK");
    let mut renamed = house_bank();
    renamed.name = "  Sparkasse Hamburg ".into();
    renamed.bic = String::new();
    co.run(save_bank(renamed));
    assert_eq!(co.book.bank().house_banks().len(), 1);
    assert_eq!(co.book.bank().house_banks()[0].name, "Sparkasse Hamburg");
    assert_eq!(co.book.bank().house_banks()[0].bic, "");
}

#[test]
fn bad_house_banks_are_refused_by_field() {
    let mut co = Company::new();
    let invalid = |field| BankError::HouseBankInvalid { field };
    let cases: Vec<(Box<dyn Fn(&mut HouseBank)>, BankError)> = vec![
        (
            Box::new(|b| b.code = "SPK-1".into()),
            invalid(HouseBankField::Code),
        ),
        (
            Box::new(|b| b.code = "ABCDEFGHI".into()),
            invalid(HouseBankField::Code),
        ),
        (
            Box::new(|b| b.code = String::new()),
            invalid(HouseBankField::Code),
        ),
        (
            Box::new(|b| b.name = "  ".into()),
            invalid(HouseBankField::Name),
        ),
        (
            Box::new(|b| b.iban = "DE45500105175407324931".into()),
            invalid(HouseBankField::Iban),
        ),
        (
            Box::new(|b| b.bic = "COBA1EFF".into()),
            invalid(HouseBankField::Bic),
        ),
        (
            Box::new(|b| b.account = a("1400")),
            BankError::NotABankAccount { account: a("1400") },
        ),
        (
            Box::new(|b| b.account = a("8400")),
            BankError::NotABankAccount { account: a("8400") },
        ),
        (
            Box::new(|b| b.currency = Currency::parse("USD").unwrap()),
            BankError::NotABankAccount { account: a("1200") },
        ),
        (
            Box::new(|b| b.suspense_account = Some(a("1400"))),
            invalid(HouseBankField::SuspenseAccount),
        ),
        (
            Box::new(|b| {
                b.code = "DB".into();
                b.account = a("1360");
                b.suspense_account = None;
            }),
            BankError::IbanTaken { code: "SPK".into() },
        ),
    ];
    for (change, expected) in cases {
        let mut bank = house_bank();
        change(&mut bank);
        assert_eq!(bank_err(co.refuses(save_bank(bank))), expected);
    }
    let mut unknown = house_bank();
    unknown.account = a("9999");
    assert!(matches!(
        co.refuses(save_bank(unknown)),
        DomainError::Gl(kontor::ledger::gl::GlError::UnknownAccount { .. })
    ));
}

#[test]
fn an_import_keeps_the_file_and_skips_what_an_overlapping_file_repeats() {
    let mut co = Company::new();
    co.run(import(vec![statement("S1", three_lines())]));
    let bank = co.book.bank();
    assert_eq!(bank.files().len(), 1);
    assert_eq!(bank.files()[0].bytes, b"<Document/>");
    assert_eq!(bank.statements()[0].house_bank, "SPK");
    assert_eq!(bank.statements()[0].lines.len(), 3);
    // The next file repeats two lines and brings one new one, which also
    // appears twice in it.
    let mut overlap = three_lines()[1..].to_vec();
    overlap.push(line(8, dec!(99.00), "A4", "neu"));
    overlap.push(line(8, dec!(99.00), "A4", "neu"));
    co.run(import(vec![statement("S2", overlap)]));
    let s = co.book.bank().statement(2).unwrap();
    assert_eq!(s.lines.len(), 1);
    assert_eq!(s.lines[0].bank_reference, "A4");
    assert_eq!(s.skipped, 3);
    assert_eq!(s.file, 2);
    // The same file again: nothing new, nothing stored.
    let again = import(vec![statement(
        "S2",
        vec![line(8, dec!(99.00), "A4", "neu")],
    )]);
    assert_eq!(
        bank_err(co.refuses(again)),
        BankError::NothingNew { skipped: 1 }
    );
}

#[test]
fn imports_are_refused_for_a_foreign_iban_currency_or_an_empty_file() {
    let mut co = Company::new();
    let mut foreign = statement("S1", three_lines());
    foreign.iban = OTHER_IBAN.into();
    assert_eq!(
        bank_err(co.refuses(import(vec![foreign]))),
        BankError::NoHouseBankFor {
            statement_id: "S1".into(),
            iban: OTHER_IBAN.into()
        }
    );
    let mut usd = statement("S1", three_lines());
    usd.currency = Currency::parse("USD").unwrap();
    assert!(matches!(
        bank_err(co.refuses(import(vec![usd]))),
        BankError::CurrencyMismatch { .. }
    ));
    let mut csv = statement("S1", three_lines());
    csv.iban = String::new();
    assert_eq!(
        bank_err(co.refuses(import(vec![csv.clone()]))),
        BankError::HouseBankMissing {
            statement_id: "S1".into()
        }
    );
    let Command::Bank(BankCommand::Import { bytes, .. }) = &mut import(vec![]) else {
        unreachable!()
    };
    assert!(!bytes.is_empty());
    assert_eq!(
        bank_err(co.refuses(import(vec![]))),
        BankError::NoStatements
    );
    let mut empty = import(vec![statement("S1", three_lines())]);
    if let Command::Bank(BankCommand::Import { bytes, .. }) = &mut empty {
        bytes.clear();
    }
    assert_eq!(bank_err(co.refuses(empty)), BankError::EmptyFile);
    // CSV: the chosen house bank takes the statement.
    let mut chosen = import(vec![csv]);
    if let Command::Bank(BankCommand::Import { house_bank, .. }) = &mut chosen {
        *house_bank = Some("SPK".into());
    }
    co.run(chosen);
    assert_eq!(co.book.bank().statements()[0].house_bank, "SPK");
}

#[test]
fn a_whole_statement_is_posted_in_one_command() {
    let (mut co, first, second) = imported();
    let events = co.run(post_all(&co, first, second));
    assert!(matches!(
        events.last(),
        Some(Event::Bank(
            kontor::ledger::bank::BankEvent::LinesPosted { .. }
        ))
    ));
    assert_eq!(co.book.payments().payments().len(), 3);
    for (line, payment) in [(0, 1), (1, 2), (2, 3)] {
        assert_eq!(co.book.bank_line_payment(r(1, line)), Some(payment));
        assert_eq!(co.book.bank().payment_line(payment), Some(r(1, line)));
    }
    // 1,190.00 + 500.00 − 12.50 on the bank; both invoices cleared.
    assert_eq!(co.balance("1200"), dec!(1677.50));
    assert_eq!(co.balance("4970"), dec!(12.50));
    assert_eq!(co.book.open_items().open_lc(c("10001")), dec!(0));
}

#[test]
fn one_refused_payment_posts_nothing_and_names_its_line() {
    let (mut co, first, second) = imported();
    let b = &co.book;
    // The second line pays the first invoice again: more than is open.
    let cmd = post(
        1,
        vec![
            pays_item(b, r(1, 0), first, dec!(1190.00)),
            pays_item(b, r(1, 1), first, dec!(500.00)),
            fee(b, r(1, 2)),
        ],
    );
    match bank_err(co.refuses(cmd)) {
        BankError::Line { line: 1, error } => {
            assert!(!matches!(*error, PaymentsError::Journal(_)), "{error:?}")
        }
        other => panic!("expected line 2's refusal, got {other:?}"),
    }
    // A draft that does not move the line's amount.
    let mut wrong = pays_item(&co.book, r(1, 1), second, dec!(500.00));
    wrong.draft.means[0].amount = dec!(499.00);
    assert_eq!(
        bank_err(co.refuses(post(1, vec![wrong]))),
        BankError::LineMismatch { line: 1 }
    );
    let mut backwards = fee(&co.book, r(1, 2));
    backwards.draft.direction = Direction::Incoming;
    assert_eq!(
        bank_err(co.refuses(post(1, vec![backwards]))),
        BankError::LineMismatch { line: 2 }
    );
    let twice = vec![fee(&co.book, r(1, 2)), fee(&co.book, r(1, 2))];
    assert_eq!(
        bank_err(co.refuses(post(1, twice))),
        BankError::LineTwice { line: 2 }
    );
    let mut missing = fee(&co.book, r(1, 2));
    missing.line = 3;
    assert_eq!(
        bank_err(co.refuses(post(1, vec![missing]))),
        BankError::LineUnknown { line: 3 }
    );
    assert_eq!(
        bank_err(co.refuses(post(2, vec![fee(&co.book, r(1, 2))]))),
        BankError::StatementUnknown { number: 2 }
    );
    assert_eq!(bank_err(co.refuses(post(1, vec![]))), BankError::NoLines);
    assert!(co.book.payments().payments().is_empty());
    let _ = second;
}

#[test]
fn a_line_sent_twice_is_posted_once() {
    let (mut co, first, second) = imported();
    let cmd = post_all(&co, first, second);
    co.run(cmd.clone());
    assert_eq!(
        bank_err(co.refuses(cmd)),
        BankError::LinePosted {
            line: 0,
            payment: 1
        }
    );
    // A retry of one line by itself (its key was posted) is refused too.
    let retry = post(1, vec![fee(&co.book, r(1, 2))]);
    assert_eq!(
        bank_err(co.refuses(retry)),
        BankError::LinePosted {
            line: 2,
            payment: 3
        }
    );
    assert_eq!(co.book.payments().payments().len(), 3);
}

#[test]
fn an_intraday_statement_is_not_posted() {
    let mut co = Company::new();
    let mut s = statement("S1", three_lines());
    s.intraday = true;
    co.run(import(vec![s]));
    let cmd = post(1, vec![fee(&co.book, r(1, 2))]);
    assert_eq!(bank_err(co.refuses(cmd)), BankError::Intraday { number: 1 });
}

#[test]
fn a_cancelled_payment_reopens_its_line_which_can_be_posted_again() {
    let (mut co, _, _) = imported();
    let key_before = co.book.bank().line_posting_key(r(1, 2));
    let old = fee(&co.book, r(1, 2));
    co.run(post(1, vec![old.clone()]));
    assert_ne!(co.book.bank().line_posting_key(r(1, 2)), key_before);
    co.run(
        PaymentsCommand::Cancel {
            number: 1,
            date: None,
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    assert_eq!(co.book.bank_line_payment(r(1, 2)), None);
    assert_eq!(co.book.bank().posted_payment(r(1, 2)), Some(1));
    // The old draft's key is posted already; a fresh one posts it again.
    match bank_err(co.refuses(post(1, vec![old]))) {
        BankError::Line { line: 2, error } => {
            assert!(matches!(*error, PaymentsError::Journal(_)), "{error:?}")
        }
        other => panic!("expected the key posted already, got {other:?}"),
    }
    co.run(post(1, vec![fee(&co.book, r(1, 2))]));
    assert_eq!(co.book.bank_line_payment(r(1, 2)), Some(2));
    assert_eq!(co.balance("4970"), dec!(12.50));
}

#[test]
fn rules_are_numbered_moved_and_deleted() {
    let mut co = Company::new();
    let rule = |name: &str| Rule {
        id: 0,
        name: name.into(),
        conditions: Conditions {
            name_contains: "Krüger".into(),
            ..Conditions::default()
        },
        action: RuleAction::Partner(c("10001")),
        learned: false,
    };
    let save = |rule: Rule| -> Command {
        BankCommand::SaveRule {
            rule: Box::new(rule),
            by: "anna".into(),
            at: at(),
        }
        .into()
    };
    for name in ["eins", "zwei", "drei"] {
        co.run(save(rule(name)));
    }
    let ids: Vec<u32> = co.book.bank().rules().iter().map(|r| r.id).collect();
    assert_eq!(ids, [1, 2, 3]);
    co.run(
        BankCommand::MoveRule {
            id: 3,
            to: 0,
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    co.run(
        BankCommand::DeleteRule {
            id: 2,
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    let mut renamed = co.book.bank().rules()[0].clone();
    renamed.name = "drei neu".into();
    co.run(save(renamed));
    let names: Vec<&str> = co
        .book
        .bank()
        .rules()
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["drei neu", "eins"]);
    // Deleted and highest ids are not given again.
    co.run(
        BankCommand::DeleteRule {
            id: 3,
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    co.run(save(rule("vier")));
    assert_eq!(co.book.bank().rules().last().unwrap().id, 4);
    let mut unknown = rule("x");
    unknown.id = 9;
    assert_eq!(
        bank_err(co.refuses(save(unknown))),
        BankError::RuleUnknown { id: 9 }
    );
    let far = BankCommand::MoveRule {
        id: 1,
        to: 2,
        by: "anna".into(),
        at: at(),
    };
    assert_eq!(
        bank_err(co.refuses(far.into())),
        BankError::RuleUnknown { id: 1 }
    );
}

#[test]
fn the_log_replays_to_the_same_book() {
    let (mut co, first, second) = imported();
    co.run(post_all(&co, first, second));
    co.run(
        PaymentsCommand::Cancel {
            number: 3,
            date: None,
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    co.run(post(1, vec![fee(&co.book, r(1, 2))]));
    let replayed = Book::replay(&co.log).unwrap();
    assert_eq!(replayed, co.book);
    assert_eq!(replayed.bank_line_payment(r(1, 2)), Some(4));
    assert_eq!(replayed.bank().times_posted(r(1, 2)), 2);
}
