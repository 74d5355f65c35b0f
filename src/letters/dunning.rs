//! The dunning letter (Mahnbrief) of one executed letter of a dunning run,
//! in the customer's language: letterhead and footer from the company
//! details (and the first house bank, so the customer knows where to
//! pay), the level's text from the dunning term, the items with their
//! interest period by period, and the totals the run charged.
//!
//! Built from what the run recorded (`DunningRun`), so a letter printed
//! again later says what the first print said.

use super::{Letter, Table};
use crate::finance::interest::InterestPeriod;
use crate::formats::amount::{NumberStyle, format_amount, format_date, format_number};
use crate::ledger::Book;
use crate::ledger::dunning::{DunnedItem, ProposedLetter};
use crate::ledger::partners::master::{Language, Partner};
use crate::ledger::types::PartnerCode;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The words of a dunning letter in the two languages letters are written in.
#[derive(Clone, Copy)]
enum W {
    Reminder,
    Salutation,
    Document,
    DocumentDate,
    DueDate,
    DaysOverdue,
    Open,
    Interest,
    InterestAt,
    OpenItems,
    Fee,
    FlatFee,
    Total,
    PayRequest,
    Regards,
    Customer,
    VatId,
    TaxNumber,
}

impl W {
    fn text(self, lang: Language) -> &'static str {
        let (de, en) = match self {
            W::Reminder => ("Mahnung", "reminder"),
            W::Salutation => ("Sehr geehrte Damen und Herren,", "Dear Sir or Madam,"),
            W::Document => ("Beleg", "Document"),
            W::DocumentDate => ("Belegdatum", "Date"),
            W::DueDate => ("Fällig", "Due"),
            W::DaysOverdue => ("Tage", "Days"),
            W::Open => ("Offen", "Open"),
            W::Interest => ("Zinsen", "Interest"),
            W::InterestAt => ("Zinsen zu", "Interest at"),
            W::OpenItems => ("Offene Posten", "Open items"),
            W::Fee => ("Mahngebühr", "Dunning fee"),
            W::FlatFee => (
                "Verzugspauschale (§ 288 Abs. 5 BGB)",
                "Flat fee (§ 288 (5) BGB)",
            ),
            W::Total => ("Gesamtbetrag", "Total due"),
            W::PayRequest => (
                "Bitte überweisen Sie den Gesamtbetrag von {amount} umgehend. Sollten Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.",
                "Please transfer the total of {amount} without delay. If you have paid in the meantime, please disregard this letter.",
            ),
            W::Regards => ("Mit freundlichen Grüßen", "Yours faithfully"),
            W::Customer => ("Kundennummer", "Customer number"),
            W::VatId => ("USt-IdNr.", "VAT ID"),
            W::TaxNumber => ("Steuernummer", "Tax number"),
        };
        match lang {
            Language::De => de,
            Language::En => en,
        }
    }
}

fn style(lang: Language) -> NumberStyle {
    match lang {
        Language::De => NumberStyle::German,
        Language::En => NumberStyle::English,
    }
}

/// "1. Mahnung" / "Payment reminder", "Second reminder" …
pub fn subject(level: u8, lang: Language) -> String {
    const ORDINALS: [&str; 10] = [
        "Payment", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
        "Tenth",
    ];
    match lang {
        Language::De => format!("{level}. {}", W::Reminder.text(lang)),
        Language::En => {
            let ordinal = ORDINALS
                .get(usize::from(level.max(1)) - 1)
                .copied()
                .unwrap_or("Further");
            format!("{ordinal} {}", W::Reminder.text(lang))
        }
    }
}

/// The letter to `partner` of dunning run `run`, if there is one (the
/// first, when the term writes one letter per item).
pub fn dunning_letter(book: &Book, run: u32, partner: PartnerCode) -> Option<Letter> {
    dunning_letters(book, run)
        .into_iter()
        .find(|(p, _)| *p == partner)
        .map(|(_, letter)| letter)
}

/// Every letter of run `run`, in the run's order.
pub fn dunning_letters(book: &Book, run: u32) -> Vec<(PartnerCode, Letter)> {
    let Some(run) = book.dunning().run(run) else {
        return Vec::new();
    };
    run.letters
        .iter()
        .filter_map(|l| {
            let partner = book.partner(l.letter.partner)?;
            Some((partner.code, compose(book, partner, run.date, &l.letter)))
        })
        .collect()
}

/// The letter of `proposed` to `partner` dated `date`.
pub fn compose(
    book: &Book,
    partner: &Partner,
    date: NaiveDate,
    proposed: &ProposedLetter,
) -> Letter {
    let lang = partner.language;
    let settings = book.settings();
    let address: Vec<String> = settings
        .address
        .lines()
        .flat_map(|l| l.split(','))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let mut letterhead = vec![settings.name.clone()];
    letterhead.extend(address.iter().cloned());
    let sender_line = std::iter::once(settings.name.clone())
        .chain(address.iter().cloned())
        .collect::<Vec<_>>()
        .join(" · ");
    let money = Money::new(book, lang);
    Letter {
        letterhead,
        sender_line,
        recipient: recipient(partner, &settings.country),
        place_date: place_date(address.last().map(String::as_str), date, lang),
        subject: subject(proposed.level, lang),
        paragraphs: vec![
            format!("{}: {}", W::Customer.text(lang), partner.code),
            W::Salutation.text(lang).to_string(),
            level_text(book, partner, proposed.level, date),
        ],
        table: items_table(book, proposed, &money),
        closing: vec![
            W::PayRequest
                .text(lang)
                .replace("{amount}", &money.with_currency(proposed.total())),
            String::new(),
            W::Regards.text(lang).to_string(),
            settings.name.clone(),
        ],
        footer: footer(book, lang),
    }
}

/// Amounts in the company's currency and decimals, written for `lang`.
struct Money {
    lang: Language,
    decimals: u32,
    currency: String,
}

impl Money {
    fn new(book: &Book, lang: Language) -> Money {
        let settings = book.settings();
        Money {
            lang,
            decimals: settings.lc_decimals(),
            currency: settings.lc.as_str().to_string(),
        }
    }

    fn amount(&self, value: Decimal) -> String {
        format_amount(value, self.decimals, style(self.lang))
    }

    fn with_currency(&self, value: Decimal) -> String {
        format!("{} {}", self.amount(value), self.currency)
    }

    fn date(&self, date: NaiveDate) -> String {
        format_date(date, style(self.lang))
    }
}

fn recipient(partner: &Partner, home_country: &str) -> Vec<String> {
    let a = &partner.address;
    let mut lines = vec![partner.name.clone()];
    if !partner.contact.person.trim().is_empty() {
        lines.push(partner.contact.person.clone());
    }
    let street = format!("{} {}", a.street, a.house_number);
    let town = format!("{} {}", a.postcode, a.town);
    lines.extend([street.trim().to_string(), town.trim().to_string()]);
    if !a.country.is_empty() && a.country != home_country {
        lines.push(a.country.clone());
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// "Berlin, 30.11.2026" (the town from the company's last address line,
/// its postcode dropped) or "30 November 2026".
fn place_date(last_address_line: Option<&str>, date: NaiveDate, lang: Language) -> String {
    match lang {
        Language::En => date.format("%-d %B %Y").to_string(),
        Language::De => {
            let town = last_address_line
                .map(|l| l.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' '))
                .unwrap_or_default();
            let date = format_date(date, NumberStyle::German);
            if town.is_empty() {
                date
            } else {
                format!("{town}, {date}")
            }
        }
    }
}

/// Days after the run's date the letter asks payment by (`{date}`).
pub const PAY_WITHIN_DAYS: u64 = 10;

/// The term's text of `level` in the partner's language, `{name}` (the
/// customer's name) and `{date}` (the run's date + `PAY_WITHIN_DAYS`, the
/// date the letter asks payment by) filled in.
fn level_text(book: &Book, partner: &Partner, level: u8, date: NaiveDate) -> String {
    let lang = partner.language;
    let text = book
        .dunning()
        .term(&partner.dunning_term)
        .and_then(|t| t.levels.get(usize::from(level.max(1)) - 1))
        .map(|l| match lang {
            Language::De => l.text_de.as_str(),
            Language::En => l.text_en.as_str(),
        })
        .unwrap_or_default();
    let pay_by = date
        .checked_add_days(chrono::Days::new(PAY_WITHIN_DAYS))
        .unwrap_or(date);
    text.replace("{name}", &partner.name)
        .replace("{date}", &format_date(pay_by, style(lang)))
}

/// The document number a customer knows an item by: the entry's
/// reference (the invoice number), else its journal number.
fn document(book: &Book, item: &DunnedItem) -> String {
    book.entry(item.item.entry)
        .map(|e| {
            if e.reference.trim().is_empty() {
                format!("{}/{}", e.number, e.fiscal_year)
            } else {
                e.reference.clone()
            }
        })
        .unwrap_or_default()
}

fn items_table(book: &Book, letter: &ProposedLetter, money: &Money) -> Table {
    let lang = money.lang;
    let mut rows = Vec::new();
    for item in &letter.items {
        rows.push(vec![
            document(book, item),
            money.date(item.document_date),
            money.date(item.due_date),
            item.days_overdue.to_string(),
            money.amount(item.open),
            nonzero(item.interest, money),
        ]);
        rows.extend(item.periods.iter().map(|p| period_row(p, money)));
    }
    let mut totals = vec![total_row(W::OpenItems, letter.open(), lang, money)];
    for (word, value) in [
        (W::Interest, letter.interest()),
        (W::Fee, letter.fee),
        (W::FlatFee, letter.flat_fees()),
    ] {
        if !value.is_zero() {
            totals.push(total_row(word, value, lang, money));
        }
    }
    totals.push(total_row(W::Total, letter.total(), lang, money));
    Table {
        headers: [
            W::Document,
            W::DocumentDate,
            W::DueDate,
            W::DaysOverdue,
            W::Open,
            W::Interest,
        ]
        .map(|w| w.text(lang).to_string())
        .to_vec(),
        numeric: vec![false, false, false, true, true, true],
        rows,
        totals,
    }
}

fn nonzero(value: Decimal, money: &Money) -> String {
    if value.is_zero() {
        String::new()
    } else {
        money.amount(value)
    }
}

/// "Zinsen zu 10,27 %" · from · to · days · · interest.
fn period_row(p: &InterestPeriod, money: &Money) -> Vec<String> {
    let rate = format_number(p.rate, style(money.lang));
    vec![
        format!("  {} {rate} %", W::InterestAt.text(money.lang)),
        money.date(p.from),
        money.date(p.to),
        p.days.to_string(),
        String::new(),
        money.amount(p.interest),
    ]
}

fn total_row(word: W, value: Decimal, lang: Language, money: &Money) -> Vec<String> {
    let mut row = vec![String::new(); 6];
    row[0] = word.text(lang).to_string();
    row[5] = money.with_currency(value);
    row
}

fn footer(book: &Book, lang: Language) -> Vec<String> {
    let settings = book.settings();
    let mut footer = vec![settings.name.clone()];
    if !settings.vat_id.is_empty() {
        footer.push(format!("{} {}", W::VatId.text(lang), settings.vat_id));
    }
    if !settings.tax_number.is_empty() {
        footer.push(format!(
            "{} {}",
            W::TaxNumber.text(lang),
            settings.tax_number
        ));
    }
    if let Some(bank) = book.bank().house_banks().first() {
        footer.push(format!(
            "{} · IBAN {} · BIC {}",
            bank.name, bank.iban, bank.bic
        ));
    }
    footer
}
