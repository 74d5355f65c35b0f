//! Payment runs (issue 16), engine side: the proposal (discounts caught
//! or held back, exclusions with reasons), saving with reservations,
//! executing (one payment per partner through the transit account, all
//! or nothing), order runs, the statement's lines recognised by their
//! end-to-end id, and the events' wire round trip.

use chrono::NaiveDate;
use kontor::ledger::bank::matching::{Matcher, ProposalAction, Reason, payment_draft};
use kontor::ledger::bank::{
    BalanceAt, BankCommand, BankLine, HouseBank, LinePosting, StatementDraft,
};
use kontor::ledger::event::{decode, encode};
use kontor::ledger::open_items::ItemId;
use kontor::ledger::partners::{
    BankAccount, DiscountStep, Mandate, MandateSequence, Partner, PartnerKind, PartnersCommand,
    PaymentMethod, PaymentTerms,
};
use kontor::ledger::payment_runs::{
    Exclusion, PartnerSelection, PaymentRunsCommand, PaymentRunsError, PaymentRunsEvent, RunDraft,
    RunFile, RunFileKind, RunItem, RunParams, RunStatus, end_to_end_id,
};
use kontor::ledger::payments::{
    Direction, ItemDraft, Means, MeansDraft, PaymentDraft, PaymentsCommand, payment_item,
};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, Currency, PartnerCode, PostingKey, Side, Timestamp};
use kontor::ledger::{Book, Command, DomainError, Event};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, month, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn c(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(3, 1), 9, 30, 0).unwrap()
}

const IBAN: &str = "DE44500105175407324931";
const VENDOR_IBAN: &str = "DE89370400440532013000";
const CREDITOR_ID: &str = "DE98ZZZ09999999999";

/// The company, with every event it appended (for the wire round trip).
struct Co {
    book: Book,
    events: Vec<Event>,
}

impl Co {
    fn run(&mut self, cmd: Command) -> Vec<Event> {
        let events = self.book.execute(&cmd).unwrap();
        self.events.extend(events.clone());
        events
    }

    fn refuses(&mut self, cmd: Command) -> DomainError {
        let before = self.book.clone();
        let err = self.book.execute(&cmd).unwrap_err();
        assert_eq!(self.book, before, "a refused command changed the book");
        err
    }

    fn partner(&mut self, p: Partner) {
        self.run(
            PartnersCommand::CreatePartner {
                partner: Box::new(p),
                by: "anna".into(),
                at: at(),
            }
            .into(),
        );
    }

    /// An invoice of `gross` for `partner` (vendor: credit, customer:
    /// debit) posted on `date`; its item.
    fn invoice(&mut self, partner: &str, date: NaiveDate, gross: Decimal) -> ItemId {
        let vendor = partner.starts_with('7');
        let (side, other) = if vendor {
            (Side::Credit, LineDraft::debit_lc(a("3400"), gross))
        } else {
            (Side::Debit, LineDraft::credit_lc(a("8400"), gross))
        };
        let draft = EntryDraft::new(
            date,
            "anna",
            vec![LineDraft::partner(c(partner), side, gross), other],
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

    fn open(&self, item: ItemId) -> Decimal {
        self.book.open_items().item(item).unwrap().open_lc
    }
}

fn bank_account(iban: &str) -> BankAccount {
    BankAccount {
        iban: iban.into(),
        bic: "COBADEFFXXX".into(),
        holder: String::new(),
        default: true,
    }
}

/// SKR03 sample; house bank SPK (1200, transit 1360); terms 14 days 2 %,
/// 30 net; vendors 70001 and 70002 (transfer, IBAN), customer 10001
/// (direct debit, mandate), our creditor id.
fn company() -> Co {
    let (book, events) = Book::set_up(&sample_setup(2024)).unwrap();
    let mut co = Co { book, events };
    co.run(
        PartnersCommand::CreatePaymentTerms {
            terms: PaymentTerms {
                discounts: vec![DiscountStep {
                    days: 14,
                    percent: dec!(2),
                }],
                ..PaymentTerms::net("S2N30", 30)
            },
        }
        .into(),
    );
    co.run(
        BankCommand::SaveHouseBank {
            bank: Box::new(HouseBank {
                code: "SPK".into(),
                name: "Sparkasse".into(),
                account: a("1200"),
                iban: IBAN.into(),
                bic: "INGDDEFFXXX".into(),
                currency: Currency::parse("EUR").unwrap(),
                suspense_account: Some(a("1360")),
                csv_mapping: None,
            }),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    for (code, name) in [("70001", "Mühle Weber GmbH"), ("70002", "Hof Straße AG")] {
        let mut v = Partner::new(c(code), PartnerKind::Vendor, name);
        v.payment_terms = Some("S2N30".into());
        v.bank_accounts = vec![bank_account(VENDOR_IBAN)];
        co.partner(v);
    }
    let mut cust = Partner::new(c("10001"), PartnerKind::Customer, "Bäckerei Krüger KG");
    cust.payment_method = PaymentMethod::DirectDebit;
    cust.bank_accounts = vec![bank_account("DE02120300000000202051")];
    cust.mandate = Some(Mandate {
        id: "M-10001".into(),
        signed: d(1, 2),
        sequence: MandateSequence::First,
    });
    co.partner(cust);
    co.run(
        PaymentRunsCommand::SetCreditorId {
            creditor_id: CREDITOR_ID.into(),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    co
}

/// Run date 1 March, next run 8 March, due up to 1 March, outgoing.
fn params() -> RunParams {
    RunParams {
        name: "März 1".into(),
        run_date: d(3, 1),
        outgoing: true,
        incoming: false,
        house_bank: "SPK".into(),
        next_run_date: d(3, 8),
        partners: PartnerSelection::All,
        methods: Vec::new(),
        include_credit_notes: false,
        due_until: d(3, 1),
        max_total: None,
    }
}

fn save(number: u32, params: RunParams, items: Vec<RunItem>) -> Command {
    PaymentRunsCommand::Save {
        run: Box::new(RunDraft {
            number,
            params,
            items,
        }),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn execute(number: u32, order_only: bool, files: Vec<RunFile>) -> Command {
    PaymentRunsCommand::Execute {
        number,
        order_only,
        files,
        key: PostingKey(0xABCD),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn runs_err(e: DomainError) -> PaymentRunsError {
    match e {
        DomainError::PaymentRuns(e) => e,
        other => panic!("expected a payment-run refusal, got {other:?}"),
    }
}

/// The proposal's rows as run items.
fn proposed(co: &Co, params: &RunParams) -> Vec<RunItem> {
    let p = co
        .book
        .payment_runs()
        .propose(co.book.context(), co.book.bank(), params, None);
    p.rows
        .iter()
        .map(|r| RunItem {
            item: r.item,
            partner: r.partner,
            amount: r.open,
            discount: r.discount,
        })
        .collect()
}

#[test]
fn the_proposal_catches_a_discount_that_would_be_lost_and_holds_back_one_that_keeps() {
    let mut co = company();
    // Posted 20 Feb, discount until 5 March (before the next run on 8 March): paid now, 2 % of
    // 1,000.00 = 20.00 off, although due only on 21 March.
    let lost = co.invoice("70001", d(2, 20), dec!(1000.00));
    // Posted 25 Feb: discount until 10 March, still there on 8 March:
    // held back.
    let kept = co.invoice("70001", d(2, 25), dec!(500.00));
    // Posted 15 Jan: due 14 Feb, discount long gone: paid in full.
    let due = co.invoice("70002", d(1, 15), dec!(300.00));
    // Posted 28 Feb, not due, discount until 13 March: held back.
    let _later = co.invoice("70002", d(2, 28), dec!(80.00));
    let p = co
        .book
        .payment_runs()
        .propose(co.book.context(), co.book.bank(), &params(), None);
    let rows: Vec<(ItemId, Decimal, Decimal)> =
        p.rows.iter().map(|r| (r.item, r.discount, r.pay)).collect();
    assert_eq!(
        rows,
        vec![
            (lost, dec!(20.00), dec!(980.00)),
            (due, dec!(0), dec!(300.00))
        ]
    );
    let held = p
        .excluded
        .iter()
        .find(|e| e.item == Some(kept))
        .expect("the discountable item is listed as held back");
    assert_eq!(held.reason, Exclusion::HeldForDiscount { until: d(3, 10) });
    assert_eq!(p.total(), dec!(1280.00));
    // With the next run on 11 March, after the discount's end on 10
    // March, the item's discount would be lost: it is paid now, 2 % of
    // 500.00 = 10.00 off.
    let mut later = params();
    later.next_run_date = d(3, 11);
    let p = co
        .book
        .payment_runs()
        .propose(co.book.context(), co.book.bank(), &later, None);
    assert!(
        p.rows
            .iter()
            .any(|r| r.item == kept && r.discount == dec!(10.00) && r.pay == dec!(490.00)),
        "{p:?}"
    );
}

#[test]
fn blocked_partners_missing_ibans_and_the_maximum_are_excluded_with_reasons() {
    let mut co = company();
    co.invoice("70001", d(1, 10), dec!(400.00));
    co.invoice("70002", d(1, 10), dec!(700.00));
    let mut blocked = co.book.partners().partner(c("70002")).unwrap().clone();
    blocked.payment_block = true;
    co.run(
        PartnersCommand::UpdatePartner {
            partner: Box::new(blocked),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    let p = co
        .book
        .payment_runs()
        .propose(co.book.context(), co.book.bank(), &params(), None);
    assert_eq!(p.total(), dec!(400.00));
    assert!(p.excluded.iter().any(|e| e.partner == c("70002")
        && e.item.is_none()
        && e.reason == Exclusion::PartnerBlocked));
    let mut capped = params();
    capped.max_total = Some(dec!(300));
    let p = co
        .book
        .payment_runs()
        .propose(co.book.context(), co.book.bank(), &capped, None);
    assert!(p.rows.is_empty());
    assert!(
        p.excluded
            .iter()
            .any(|e| e.partner == c("70001") && e.reason == Exclusion::OverMaximum)
    );
}

#[test]
fn a_saved_run_reserves_its_items_against_another_run_and_a_manual_payment() {
    let mut co = company();
    let item = co.invoice("70001", d(1, 10), dec!(400.00));
    let items = proposed(&co, &params());
    co.run(save(0, params(), items.clone()));
    assert_eq!(co.book.payment_runs().reserved_by(item), Some(1));
    let err = runs_err(co.refuses(save(0, params(), items)));
    assert_eq!(err, PaymentRunsError::ItemReserved { item, run: 1 });
    // The proposal of a second run lists it as reserved.
    let p = co
        .book
        .payment_runs()
        .propose(co.book.context(), co.book.bank(), &params(), None);
    assert!(p.rows.is_empty());
    assert!(
        p.excluded
            .iter()
            .any(|e| e.reason == Exclusion::Reserved { run: 1 })
    );
    // Editing run 1 sees its own items.
    let p = co
        .book
        .payment_runs()
        .propose(co.book.context(), co.book.bank(), &params(), Some(1));
    assert_eq!(p.rows.len(), 1);
    let manual = PaymentsCommand::Post {
        draft: Box::new(PaymentDraft {
            direction: Direction::Outgoing,
            partner: Some(c("70001")),
            posting_date: d(3, 1),
            document_date: None,
            currency: None,
            rate_fc_per_lc: None,
            items: vec![ItemDraft {
                item,
                amount: dec!(400),
                discount: dec!(0),
            }],
            on_account: Decimal::ZERO,
            gl_lines: Vec::new(),
            means: vec![MeansDraft {
                means: Means::Transfer,
                account: Some(a("1200")),
                amount: dec!(400),
                reference: String::new(),
            }],
            fee: Decimal::ZERO,
            write_off: false,
            late_discount_confirmed: false,
            reference: String::new(),
            memo: String::new(),
            user: "anna".into(),
            key: PostingKey(77),
        }),
        at: at(),
    };
    let err = runs_err(co.refuses(manual.into()));
    assert_eq!(err, PaymentRunsError::ItemReserved { item, run: 1 });
    // Deleting the run frees the item.
    co.run(
        PaymentRunsCommand::Delete {
            number: 1,
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    assert_eq!(co.book.payment_runs().reserved_by(item), None);
}

#[test]
fn saving_refuses_what_the_run_could_not_pay() {
    let mut co = company();
    let item = co.invoice("70001", d(1, 10), dec!(400.00));
    let one = |amount, discount| RunItem {
        item,
        partner: c("70001"),
        amount,
        discount,
    };
    let cases = [
        (
            vec![one(dec!(401), dec!(0))],
            PaymentRunsError::AmountTooHigh {
                item,
                amount: dec!(401),
                open: dec!(400.00),
            },
        ),
        (
            vec![one(dec!(100), dec!(101))],
            PaymentRunsError::BadDiscount {
                item,
                discount: dec!(101),
            },
        ),
        (
            vec![one(dec!(100), dec!(0)), one(dec!(100), dec!(0))],
            PaymentRunsError::DuplicateItem { item },
        ),
        (Vec::new(), PaymentRunsError::NothingToPay),
    ];
    for (items, want) in cases {
        assert_eq!(runs_err(co.refuses(save(0, params(), items))), want);
    }
    let mut wrong = one(dec!(100), dec!(0));
    wrong.partner = c("70002");
    assert_eq!(
        runs_err(co.refuses(save(0, params(), vec![wrong]))),
        PaymentRunsError::WrongPartner {
            item,
            partner: c("70002")
        }
    );
    let mut bad = params();
    bad.next_run_date = d(2, 1);
    assert_eq!(
        runs_err(co.refuses(save(0, bad, vec![one(dec!(1), dec!(0))]))),
        PaymentRunsError::NextRunBeforeRun { next: d(2, 1) }
    );
    let mut unknown = params();
    unknown.house_bank = "XYZ".into();
    assert_eq!(
        runs_err(co.refuses(save(0, unknown, vec![one(dec!(1), dec!(0))]))),
        PaymentRunsError::UnknownHouseBank { code: "XYZ".into() }
    );
    assert_eq!(
        runs_err(
            co.refuses(
                PaymentRunsCommand::SetCreditorId {
                    creditor_id: "DE99ZZZ09999999999".into(),
                    by: "anna".into(),
                    at: at(),
                }
                .into()
            )
        ),
        PaymentRunsError::InvalidCreditorId {
            creditor_id: "DE99ZZZ09999999999".into()
        }
    );
}

/// Two vendors and the customer's direct debit, saved as run 1.
fn saved_run(co: &mut Co) -> (ItemId, ItemId, ItemId) {
    let v1 = co.invoice("70001", d(2, 20), dec!(1000.00));
    let v2 = co.invoice("70002", d(1, 15), dec!(300.00));
    let k = co.invoice("10001", d(1, 20), dec!(250.00));
    let mut p = params();
    p.incoming = true;
    let items = proposed(co, &p);
    assert_eq!(items.len(), 3);
    co.run(save(0, p, items));
    (v1, v2, k)
}

#[test]
fn executing_posts_one_payment_per_partner_through_the_transit_account() {
    let mut co = company();
    let (v1, v2, k) = saved_run(&mut co);
    let events = co.run(execute(1, false, Vec::new()));
    let Some(Event::PaymentRuns(PaymentRunsEvent::RunExecuted { payments, .. })) = events.last()
    else {
        panic!("RunExecuted comes last: {events:?}");
    };
    assert_eq!(payments, &vec![1, 2, 3]);
    for item in [v1, v2, k] {
        assert_eq!(co.open(item), dec!(0));
    }
    // Transit: +250.00 collected, -980.00 and -300.00 paid.
    assert_eq!(
        co.balance("1360"),
        dec!(250.00) - dec!(980.00) - dec!(300.00)
    );
    let run = co.book.payment_runs().run(1).unwrap();
    assert_eq!(
        run.status,
        RunStatus::Executed {
            payments: vec![1, 2, 3]
        }
    );
    assert_eq!(co.book.payment_runs().reserved_by(v1), None);
    // Partner order is code order: the customer first.
    let first = &co.book.payments().payments()[0].payment;
    assert_eq!(first.means[0].reference, end_to_end_id(1, 0));
    // Executed once only.
    assert_eq!(
        runs_err(co.refuses(execute(1, false, Vec::new()))),
        PaymentRunsError::AlreadyExecuted { number: 1 }
    );
}

/// A statement of `lines` for house bank SPK.
fn statement(lines: Vec<BankLine>) -> Command {
    BankCommand::Import {
        house_bank: None,
        file_name: "auszug.xml".into(),
        bytes: b"<Document/>".to_vec(),
        statements: vec![StatementDraft {
            iban: IBAN.into(),
            statement_id: "S1".into(),
            sequence_no: "1".into(),
            format: "camt.053.001.08".into(),
            intraday: false,
            currency: Currency::parse("EUR").unwrap(),
            opening: Some(BalanceAt {
                date: d(3, 1),
                amount: dec!(0),
            }),
            closing: None,
            lines,
        }],
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn line(amount: Decimal, e2e: &str, n: u32) -> BankLine {
    BankLine {
        booking_date: d(3, 2),
        value_date: d(3, 2),
        amount,
        currency: Currency::parse("EUR").unwrap(),
        counterparty: "Somebody".into(),
        iban: String::new(),
        bic: String::new(),
        purpose: String::new(),
        creditor_reference: String::new(),
        end_to_end_id: e2e.into(),
        mandate_id: String::new(),
        bank_reference: format!("R{n}"),
        transaction_code: String::new(),
        key: format!("ref:R{n}"),
    }
}

/// Matches every line of statement 1 and posts the best proposals.
fn match_and_post(co: &mut Co) -> Vec<Reason> {
    let book = &co.book;
    let index = book.payment_runs().end_to_end_index(book.bank());
    let matcher =
        Matcher::new(book.context(), book.payments(), book.bank()).with_end_to_end(&index);
    let house = book.bank().house_bank("SPK").unwrap();
    let st = book.bank().statement(1).unwrap();
    let mut reasons = Vec::new();
    let mut postings = Vec::new();
    for (n, l) in st.lines.iter().enumerate() {
        let best = matcher
            .propose(house, l)
            .into_iter()
            .next()
            .expect("a proposal");
        assert_eq!(best.score, 100, "{best:?}");
        reasons.extend(best.reasons.clone());
        let at = kontor::ledger::bank::LineRef {
            statement: 1,
            line: n as u32,
        };
        let key = book.bank().line_posting_key(at);
        let draft = payment_draft(book.context(), house, l, &best.action, "anna", key);
        postings.push(LinePosting {
            line: n as u32,
            draft: Box::new(draft),
        });
    }
    co.run(
        BankCommand::PostLines {
            statement: 1,
            lines: postings,
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    reasons
}

#[test]
fn the_statement_of_an_executed_run_clears_the_transit_account_by_end_to_end_id() {
    let mut co = company();
    saved_run(&mut co);
    co.run(execute(1, false, Vec::new()));
    co.run(statement(vec![
        line(dec!(250.00), &end_to_end_id(1, 0), 1),
        line(dec!(-980.00), &end_to_end_id(1, 1), 2),
        line(dec!(-300.00), &end_to_end_id(1, 2), 3),
    ]));
    let reasons = match_and_post(&mut co);
    assert!(reasons.contains(&Reason::EndToEndId));
    assert_eq!(co.balance("1360"), dec!(0));
    assert_eq!(
        co.balance("1200"),
        dec!(250.00) - dec!(980.00) - dec!(300.00)
    );
}

#[test]
fn an_order_run_writes_files_only_and_its_statement_pays_the_items() {
    let mut co = company();
    let (v1, v2, k) = saved_run(&mut co);
    assert_eq!(
        runs_err(co.refuses(execute(1, true, Vec::new()))),
        PaymentRunsError::NoFiles
    );
    let file = RunFile {
        name: "run-1.xml".into(),
        kind: RunFileKind::CreditTransfer,
        bytes: b"<Document/>".to_vec(),
    };
    let events = co.run(execute(1, true, vec![file.clone()]));
    assert_eq!(events.len(), 1, "no payment: {events:?}");
    let run = co.book.payment_runs().run(1).unwrap();
    assert_eq!(run.status, RunStatus::Ordered);
    assert_eq!(run.files, vec![file]);
    assert_eq!(co.open(v1), dec!(1000.00));
    assert_eq!(co.book.payment_runs().reserved_by(v1), Some(1));
    let index = co.book.payment_runs().end_to_end_index(co.book.bank());
    assert!(matches!(
        index.get(&end_to_end_id(1, 1)),
        Some(kontor::ledger::bank::matching::EndToEndTarget::Items { .. })
    ));
    co.run(statement(vec![
        line(dec!(250.00), &end_to_end_id(1, 0), 1),
        line(dec!(-980.00), &end_to_end_id(1, 1), 2),
        line(dec!(-300.00), &end_to_end_id(1, 2), 3),
    ]));
    let reasons = match_and_post(&mut co);
    assert!(reasons.contains(&Reason::EndToEndId));
    for item in [v1, v2, k] {
        assert_eq!(co.open(item), dec!(0));
    }
    // The discount of the run's item was taken with the statement.
    assert_eq!(
        co.balance("1200"),
        dec!(250.00) - dec!(980.00) - dec!(300.00)
    );
}

#[test]
fn executing_a_run_whose_item_was_paid_meanwhile_is_refused_whole() {
    let mut co = company();
    let (_, v2, _) = saved_run(&mut co);
    // The vendor's invoice is paid by a statement line (bank statements
    // are not stopped by a reservation: the money has moved).
    co.run(statement(vec![line(dec!(-300.00), "OTHER", 1)]));
    let book = &co.book;
    let house = book.bank().house_bank("SPK").unwrap();
    let l = &book.bank().statement(1).unwrap().lines[0];
    let action = ProposalAction::Partner {
        partner: c("70002"),
        items: vec![kontor::ledger::bank::matching::ProposedItem {
            item: v2,
            amount: dec!(300.00),
            discount: dec!(0),
        }],
        on_account: dec!(0),
    };
    let key = book.bank().line_posting_key(kontor::ledger::bank::LineRef {
        statement: 1,
        line: 0,
    });
    let draft = payment_draft(book.context(), house, l, &action, "anna", key);
    co.run(
        BankCommand::PostLines {
            statement: 1,
            lines: vec![LinePosting {
                line: 0,
                draft: Box::new(draft),
            }],
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    let payments_before = co.book.payments().payments().len();
    assert_eq!(
        runs_err(co.refuses(execute(1, false, Vec::new()))),
        PaymentRunsError::ItemNotOpen { item: v2 }
    );
    assert_eq!(co.book.payments().payments().len(), payments_before);
}

#[test]
fn a_payment_refused_during_execution_names_its_partner_and_nothing_is_posted() {
    let mut co = company();
    saved_run(&mut co);
    // Lock March, the run date's period.
    use kontor::ledger::gl::GlCommand;
    use kontor::ledger::types::{PeriodRef, PeriodStatus};
    co.run(Command::Gl(GlCommand::SetPeriodStatus {
        period: PeriodRef {
            fiscal_year: 2024,
            period: 3,
        },
        status: PeriodStatus::Locked,
    }));
    let err = co.refuses(execute(1, false, Vec::new()));
    match runs_err(err) {
        PaymentRunsError::Payment { partner, .. } => assert_eq!(partner, c("10001")),
        other => panic!("expected a payment refusal, got {other:?}"),
    }
}

#[test]
fn payment_run_events_survive_the_wire_and_replay_to_the_same_book() {
    let mut co = company();
    saved_run(&mut co);
    let file = RunFile {
        name: "run-1.xml".into(),
        kind: RunFileKind::DirectDebit,
        bytes: vec![0, 1, 2, 255],
    };
    co.run(execute(1, false, vec![file]));
    let kinds = [
        "creditor_id_set",
        "payment_run_saved",
        "payment_run_executed",
    ];
    for event in &co.events {
        let text = encode(event);
        let back = decode(&text).unwrap();
        assert_eq!(&back, event, "{text}");
    }
    for kind in kinds {
        assert!(
            co.events.iter().map(encode).any(|t| t.contains(kind)),
            "{kind}"
        );
    }
    let replayed = Book::from_events(&co.events).unwrap();
    assert_eq!(replayed, co.book);
}
