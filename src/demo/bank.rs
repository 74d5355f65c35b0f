//! The demo's bank side (Bankabstimmung): a house bank for each of its
//! bank accounts, three posting rules (a card statement's fee split off by
//! amount, the rent to its expense account, a learned partner rule), and
//! two statements of the last year read from a generated CSV export: the
//! one of late November imported and posted from the matcher's proposals,
//! the one of 31 December imported and left open, so a trainer matches it
//! live (customers paying open invoices, a vendor paid, the card fee, the
//! rent).
//!
//! It runs after the generator on the Book, because proposals depend on
//! the books; everything is derived from the Book and the spec, so the
//! demo stays deterministic. The posted statement has exactly
//! [`POSTED_LINES`] lines, each one entry, and the generator writes that
//! many entries less, so the demo keeps its exact size.

use crate::demo::accounts::{DemoAccounts, DemoTaxCodes};
use crate::demo::partners::german_iban;
use crate::demo::statement_file::{FileLine, csv_bytes, drafts, mapping};
use crate::demo::{DEMO_USER, DemoError, DemoSpec};
use crate::ledger::bank::matching::{Matcher, ProposalAction, payment_draft};
use crate::ledger::bank::{
    BankCommand, Conditions, HouseBank, LinePosting, LineRef, Rule, RuleAction, RuleSplit, Share,
    Sign, TextMatch,
};
use crate::ledger::open_items::OpenItem;
use crate::ledger::setup::chart;
use crate::ledger::types::{AccountNo, Currency, PartnerCode, Side, Timestamp};
use crate::ledger::{Book, Command, DomainError, Event};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Lines of the posted statement (each becomes one entry).
pub(crate) const POSTED_LINES: usize = 2;
/// Smaller demos have no bank side (too few months and partners).
pub(crate) const MIN_ENTRIES: usize = 300;
/// The code of the demo's euro house bank.
pub const HOUSE_BANK: &str = "HASPA";
/// Bank code (BLZ) of the demo's bank.
const BANK_CODE: u64 = 20_050_550;
/// What a card statement's fee is.
const CARD_FEE: Decimal = Decimal::from_parts(250, 0, 0, false, 2);

/// Entries the bank side posts for `spec`: the generator writes that many
/// less.
pub(crate) fn entries(spec: &DemoSpec) -> usize {
    if spec.entries >= MIN_ENTRIES {
        POSTED_LINES
    } else {
        0
    }
}

/// Executes one command on the Book, as `build` does with the generator's.
struct Run<'a> {
    book: &'a mut Book,
    events: &'a mut Vec<Event>,
    index: usize,
}

impl Run<'_> {
    fn exec(&mut self, command: Command) -> Result<(), DemoError> {
        let index = self.index;
        self.index += 1;
        let new = self
            .book
            .execute(&command)
            .map_err(|error| DemoError::Refused { index, error })?;
        self.events.extend(new);
        Ok(())
    }
}

/// Adds the bank side to the demo's `book` (commands numbered from
/// `index` in refusals).
pub(crate) fn add(
    spec: &DemoSpec,
    book: &mut Book,
    events: &mut Vec<Event>,
    index: usize,
) -> Result<(), DemoError> {
    if entries(spec) == 0 {
        return Ok(());
    }
    let acc = DemoAccounts::for_chart(spec.chart)?;
    let year = spec.first_year + spec.years() as i32 - 1;
    let mut run = Run {
        book,
        events,
        index,
    };
    for bank in house_banks(spec, &acc, run.book) {
        let at = Timestamp::at_midnight(date(year, 1, 1)?);
        run.exec(Command::Bank(BankCommand::SaveHouseBank {
            bank: Box::new(bank),
            by: DEMO_USER.into(),
            at,
        }))?;
    }
    let vendor = open_vendor_item(run.book).map(|i| i.partner);
    for rule in rules(spec, &acc, run.book, vendor)? {
        run.exec(Command::Bank(BankCommand::SaveRule {
            rule: Box::new(rule),
            by: DEMO_USER.into(),
            at: Timestamp::at_midnight(date(year, 1, 1)?),
        }))?;
    }
    let november = date(year, 11, 28)?;
    let (lines, manual): (Vec<_>, Vec<_>) =
        posted_lines(run.book, november, interest_account(spec)?)
            .into_iter()
            .unzip();
    import(&mut run, november, &lines)?;
    post_all(&mut run, november, &manual)?;
    let december = date(year, 12, 31)?;
    let lines = open_lines(run.book, december, &acc);
    import(&mut run, december, &lines)
}

/// Sonstige Zinsen und ähnliche Erträge.
fn interest_account(spec: &DemoSpec) -> Result<AccountNo, DemoError> {
    let number = match spec.chart {
        crate::ledger::gl::ChartTemplate::Skr03 => "2650",
        _ => "7100",
    };
    Ok(AccountNo::parse(number).map_err(DomainError::from)?)
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, DemoError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(DemoError::YearOutOfRange { year: y })
}

/// A house bank per bank account: euro (with the CSV mapping and, when the
/// chart has it, the Geldtransit account), US dollar and Swiss franc.
fn house_banks(spec: &DemoSpec, acc: &DemoAccounts, book: &Book) -> Vec<HouseBank> {
    let suspense = match spec.chart {
        crate::ledger::gl::ChartTemplate::Skr03 => "1360",
        _ => "1460",
    };
    let suspense = AccountNo::parse(suspense)
        .ok()
        .filter(|a| book.gl().account(*a).is_some());
    let bank = |code: &str, name: &str, account, no, currency: Currency| HouseBank {
        code: code.into(),
        name: name.into(),
        account,
        iban: german_iban(BANK_CODE, no),
        bic: "HASPDEHHXXX".into(),
        currency,
        suspense_account: None,
        csv_mapping: None,
    };
    let euro = HouseBank {
        suspense_account: suspense,
        csv_mapping: mapping().and_then(|m| serde_json::to_string(&m).ok()),
        ..bank(
            HOUSE_BANK,
            "Hamburger Sparkasse",
            acc.bank,
            1_234_567_890,
            Currency::EUR,
        )
    };
    vec![
        euro,
        bank(
            "HASPAUSD",
            "Hamburger Sparkasse USD",
            acc.bank_usd,
            1_234_567_891,
            Currency::USD,
        ),
        bank(
            "HASPACHF",
            "Hamburger Sparkasse CHF",
            acc.bank_chf,
            1_234_567_892,
            acc.chf,
        ),
    ]
}

/// The first vendor invoice still open at the end, in the ledger's order.
fn open_vendor_item(book: &Book) -> Option<&OpenItem> {
    open_items(book, Side::Credit).next()
}

/// Open local-currency items on `side`, not partly paid, in the ledger's
/// order.
fn open_items(book: &Book, side: Side) -> impl Iterator<Item = &OpenItem> + '_ {
    book.open_items()
        .items()
        .iter()
        .filter(move |i| i.side == side && i.fc.is_none() && i.open_lc > Decimal::ZERO)
        .filter(|i| i.open_lc == i.amount_lc)
}

fn condition(purpose: &str, sign: Sign) -> Conditions {
    Conditions {
        house_bank: HOUSE_BANK.into(),
        purpose: Some(TextMatch::Contains(purpose.into())),
        sign: Some(sign),
        ..Conditions::default()
    }
}

fn split(account: AccountNo, tax_code: Option<String>, share: Share) -> RuleSplit {
    RuleSplit {
        account,
        tax_code,
        centre: None,
        share,
    }
}

/// The card statement's fee split off by amount, the rent with its input
/// VAT, and a rule learned for the vendor the December statement pays.
fn rules(
    spec: &DemoSpec,
    acc: &DemoAccounts,
    book: &Book,
    vendor: Option<PartnerCode>,
) -> Result<Vec<Rule>, DemoError> {
    let template = chart::load(spec.chart).map_err(DomainError::from)?;
    let tax = DemoTaxCodes::from_chart(&template)?;
    let rule = |name: &str, conditions, action, learned| Rule {
        id: 0,
        name: name.into(),
        conditions,
        action,
        learned,
    };
    let mut rules = vec![
        rule(
            "Kreditkartenabrechnung",
            condition("Kreditkartenabrechnung", Sign::Debit),
            RuleAction::Gl(vec![
                split(acc.bank_fees, None, Share::Amount(CARD_FEE)),
                split(acc.travel, None, Share::Rest),
            ]),
            false,
        ),
        rule(
            "Miete Lager/Büro",
            Conditions {
                name_contains: "Hafenkante".into(),
                ..condition("Miete", Sign::Debit)
            },
            RuleAction::Gl(vec![split(
                acc.rent,
                Some(tax.input_19.code.clone()),
                Share::Rest,
            )]),
            false,
        ),
    ];
    let name = vendor.and_then(|v| book.partners().partner(v).map(|p| (v, p.name.clone())));
    if let Some((code, name)) = name {
        rules.push(rule(
            &name,
            Conditions {
                house_bank: HOUSE_BANK.into(),
                name_contains: name.clone(),
                sign: Some(Sign::Debit),
                ..Conditions::default()
            },
            RuleAction::Partner(code),
            true,
        ));
    }
    Ok(rules)
}

fn bank_line(date: NaiveDate, amount: Decimal, text: &'static str, purpose: String) -> FileLine {
    FileLine {
        date,
        amount,
        posting_text: text,
        purpose,
        counterparty: String::new(),
        iban: String::new(),
        end_to_end_id: String::new(),
    }
}

/// A partner's transfer paying `items` (their open amounts).
fn partner_line(book: &Book, date: NaiveDate, items: &[&OpenItem]) -> Option<FileLine> {
    let first = items.first()?;
    let partner = book.partners().partner(first.partner)?;
    let numbers: Vec<String> = items
        .iter()
        .filter_map(|i| book.entry(i.id.entry).map(|e| e.reference.clone()))
        .collect();
    let open: Decimal = items.iter().map(|i| i.signed_open_lc()).sum();
    let (text, purpose) = if first.side == Side::Debit {
        (
            "GUTSCHR. UEBERWEISUNG",
            format!("RE {} Danke", numbers.join(", ")),
        )
    } else {
        ("UEBERWEISUNG", format!("Rechnung {}", numbers.join(", ")))
    };
    Some(FileLine {
        counterparty: partner.name.clone(),
        iban: partner
            .bank_accounts
            .first()
            .map(|b| b.iban.clone())
            .unwrap_or_default(),
        // Money in for a receivable (debit), out for a payable.
        ..bank_line(date, open, text, purpose)
    })
}

/// The posted statement: a card statement, and a customer paying an
/// overdue invoice (or, in a book without one, the bank's interest, posted
/// by hand to interest income as a user would).
fn posted_lines(
    book: &Book,
    date: NaiveDate,
    interest: AccountNo,
) -> Vec<(FileLine, Option<ProposalAction>)> {
    let card = bank_line(
        date,
        -(CARD_FEE + Decimal::new(14_990, 2)),
        "KARTENABRECHNUNG",
        "Kreditkartenabrechnung 11 Reisekosten inkl. Entgelt".into(),
    );
    let overdue = open_items(book, Side::Debit)
        .find(|i| i.posting_date < date - chrono::Days::new(28))
        .and_then(|i| partner_line(book, date, &[i]));
    let second = match overdue {
        Some(line) => (line, None),
        None => (
            bank_line(
                date,
                Decimal::new(317, 2),
                "ZINSEN",
                "Zinsgutschrift".into(),
            ),
            Some(ProposalAction::Gl {
                splits: vec![split(interest, None, Share::Rest)],
            }),
        ),
    };
    vec![(card, None), second]
}

/// The last rent the generator paid, gross.
fn last_rent(book: &Book, acc: &DemoAccounts) -> Option<Decimal> {
    let entry = book
        .entries()
        .iter()
        .rev()
        .find(|e| e.memo == "Miete Lager und Büro")?;
    entry
        .lines
        .iter()
        .find(|l| l.account == acc.bank)
        .map(|l| l.amount_lc)
}

/// The open statement of 31 December: a customer paying one invoice,
/// another paying two at once, the vendor of the learned rule paid,
/// January's rent, a card statement, and a credit nobody can match.
fn open_lines(book: &Book, date: NaiveDate, acc: &DemoAccounts) -> Vec<FileLine> {
    let customers: Vec<&OpenItem> = open_items(book, Side::Debit).collect();
    let mut lines = Vec::new();
    if let Some(first) = customers.first() {
        lines.extend(partner_line(book, date, &[first]));
        let pair = customers.iter().enumerate().find_map(|(n, a)| {
            let b = customers[n + 1..]
                .iter()
                .find(|b| b.partner == a.partner && a.partner != first.partner)?;
            Some([*a, *b])
        });
        if let Some(pair) = pair {
            lines.extend(partner_line(book, date, &pair));
        }
    }
    if let Some(item) = open_vendor_item(book) {
        lines.extend(partner_line(book, date, &[item]));
    }
    if let Some(rent) = last_rent(book, acc) {
        lines.push(FileLine {
            counterparty: "Grundstücksgesellschaft Hafenkante GmbH".into(),
            iban: german_iban(20_070_000, 4_455_667_788),
            ..bank_line(
                date,
                -rent,
                "DAUERAUFTRAG",
                "Miete Januar Lager und Büro".into(),
            )
        });
    }
    lines.push(bank_line(
        date,
        -(CARD_FEE + Decimal::new(8_495, 2)),
        "KARTENABRECHNUNG",
        "Kreditkartenabrechnung 12 Reisekosten inkl. Entgelt".into(),
    ));
    lines.push(FileLine {
        counterparty: "M. Schneider".into(),
        ..bank_line(
            date,
            Decimal::new(25_000, 2),
            "GUTSCHRIFT",
            "Erstattung".into(),
        )
    });
    lines
}

/// Imports `lines` as the euro house bank's export of `date`.
fn import(run: &mut Run<'_>, date: NaiveDate, lines: &[FileLine]) -> Result<(), DemoError> {
    let iban = run
        .book
        .bank()
        .house_bank(HOUSE_BANK)
        .map(|b| b.iban.clone())
        .unwrap_or_default();
    let bytes = csv_bytes(&iban, lines);
    let file_name = format!("Umsaetze_{}.csv", date.format("%Y-%m-%d"));
    let statements =
        drafts(&file_name, &bytes).map_err(|reason| DemoError::Statement { reason })?;
    run.exec(Command::Bank(BankCommand::Import {
        house_bank: Some(HOUSE_BANK.into()),
        file_name,
        bytes,
        statements,
        by: DEMO_USER.into(),
        at: Timestamp::at_midnight(date),
    }))
}

/// Posts every line of the last statement as the matcher's top proposal
/// (or the line's `manual` action where it has none).
fn post_all(
    run: &mut Run<'_>,
    date: NaiveDate,
    manual: &[Option<ProposalAction>],
) -> Result<(), DemoError> {
    let book = &*run.book;
    let number = book.bank().statements().len() as u32;
    let statement = book
        .bank()
        .statement(number)
        .ok_or(DemoError::NoProposal { line: 0 })?;
    let house_bank = book
        .bank()
        .house_bank(&statement.house_bank)
        .ok_or(DemoError::NoProposal { line: 0 })?;
    let end_to_end = book.payment_runs().end_to_end_index(book.bank());
    let matcher =
        Matcher::new(book.context(), book.payments(), book.bank()).with_end_to_end(&end_to_end);
    let mut lines = Vec::new();
    for (n, line) in statement.lines.iter().enumerate() {
        let action = matcher
            .propose(house_bank, line)
            .into_iter()
            .next()
            .map(|p| p.action)
            .or_else(|| manual.get(n).cloned().flatten())
            .ok_or(DemoError::NoProposal { line: n })?;
        let at = LineRef {
            statement: number,
            line: n as u32,
        };
        let key = book.bank().line_posting_key(at);
        let draft = payment_draft(book.context(), house_bank, line, &action, DEMO_USER, key);
        lines.push(LinePosting {
            line: n as u32,
            draft: Box::new(draft),
        });
    }
    run.exec(Command::Bank(BankCommand::PostLines {
        statement: number,
        lines,
        by: DEMO_USER.into(),
        at: Timestamp::at_midnight(date),
    }))
}
