//! The revaluation preview as tables: open items (partner, document,
//! due date, currency, open FC, booked LC, booked and new rate, revalued
//! LC, difference, posted or why not) and FC accounts, with the totals of
//! posted gains and losses and the gains left unposted.

use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::formats::amount::format_number;
use crate::ledger::Book;
use crate::ledger::payments::revaluation::{
    RevaluationPreview, RevaluedAccount, RevaluedItem, Treatment,
};
use crate::ledger::types::Currency;
use crate::texts;
use crate::ui::components::{entry_href, entry_label, fmt_amount, fmt_date, lc_of, number_style};
use crate::ui::i18n::{Lang, use_i18n};

texts! {
    pub enum T {
        Items => "Offene Posten in Fremdwährung", "Open foreign-currency items";
        Accounts => "Fremdwährungskonten", "Foreign-currency accounts";
        Partner => "Partner", "Partner";
        Document => "Beleg", "Document";
        Due => "Fällig", "Due";
        Account => "Konto", "Account";
        Currency => "Währung", "Currency";
        OpenFc => "Offen FW", "Open FC";
        BalanceFc => "Saldo FW", "Balance FC";
        BookedLc => "Buchwert", "Booked";
        BookedRate => "Buchkurs", "Booked rate";
        Rate => "Stichtagskurs", "Closing rate";
        RevaluedLc => "Bewertet", "Revalued";
        Difference => "Differenz", "Difference";
        Posted => "Gebucht", "Posted";
        YesLoss => "ja (Verlust)", "yes (loss)";
        YesGain => "ja (Gewinn)", "yes (gain)";
        LongTerm => "nein: Gewinn, Restlaufzeit > 1 Jahr", "no: gain, remaining term > 1 year";
        Unchanged => "nein: keine Differenz", "no: no difference";
        Gains => "Gebuchte Kursgewinne", "Gains posted";
        Losses => "Gebuchte Kursverluste", "Losses posted";
        NotPosted => "Nicht gebuchte Gewinne (§ 256a HGB)", "Gains not posted (§ 256a HGB)";
        Empty => "Zum Stichtag gibt es keine offenen Fremdwährungsposten und keine Fremdwährungssalden.", "There are no open foreign-currency items or balances on this date.";
        RateNote => "Kurse: Einheiten Fremdwährung je 1", "Rates: units of foreign currency per 1";
        AmountsIn => "Beträge in", "Amounts in";
    }
}

/// One preview row as shown (owned strings: the view outlives the Book).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub who: String,
    pub document: Option<(crate::ledger::types::EntryId, String)>,
    pub due: String,
    pub currency: String,
    pub fc: String,
    pub booked: String,
    pub booked_rate: String,
    pub rate: String,
    pub revalued: String,
    pub difference: String,
    pub treatment: Treatment,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewView {
    pub items: Vec<Row>,
    pub accounts: Vec<Row>,
    pub gains: String,
    pub losses: String,
    pub not_posted: String,
    pub lc: String,
    pub has_postings: bool,
}

fn rate(r: Decimal, lang: Lang) -> String {
    format_number(r, number_style(lang))
}

fn fc(amount: Decimal, currency: Currency, lang: Lang) -> String {
    fmt_amount(amount, currency.decimals(), lang)
}

impl PreviewView {
    pub fn new(book: &Book, p: &RevaluationPreview, lang: Lang) -> PreviewView {
        let (lc, d) = lc_of(book);
        PreviewView {
            items: p.items.iter().map(|i| item_row(book, i, d, lang)).collect(),
            accounts: p
                .accounts
                .iter()
                .map(|a| account_row(book, a, d, lang))
                .collect(),
            gains: fmt_amount(p.gains(), d, lang),
            losses: fmt_amount(p.losses(), d, lang),
            not_posted: fmt_amount(p.gains_not_posted(), d, lang),
            lc,
            has_postings: p.has_postings(),
        }
    }
}

fn item_row(book: &Book, i: &RevaluedItem, d: u32, lang: Lang) -> Row {
    let name = book
        .partner(i.partner)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let document = book.entry(i.item.entry).map(|e| {
        let label = entry_label(e.fiscal_year, e.number);
        let text = if e.reference.is_empty() {
            label
        } else {
            format!("{label} · {}", e.reference)
        };
        (e.id, text)
    });
    Row {
        who: format!("{} {name}", i.partner),
        document,
        due: fmt_date(i.due_date, lang),
        currency: i.currency.to_string(),
        fc: fc(i.open_fc, i.currency, lang),
        booked: fmt_amount(i.booked_lc, d, lang),
        booked_rate: i.booked_rate.map(|r| rate(r, lang)).unwrap_or_default(),
        rate: rate(i.rate, lang),
        revalued: fmt_amount(i.revalued_lc, d, lang),
        difference: fmt_amount(i.difference, d, lang),
        treatment: i.treatment,
    }
}

fn account_row(book: &Book, a: &RevaluedAccount, d: u32, lang: Lang) -> Row {
    let name = book
        .account(a.account)
        .map(|x| x.name(lang == Lang::De).to_string())
        .unwrap_or_default();
    Row {
        who: format!("{} {name}", a.account),
        document: None,
        due: String::new(),
        currency: a.currency.to_string(),
        fc: fc(a.balance_fc, a.currency, lang),
        booked: fmt_amount(a.balance_lc, d, lang),
        booked_rate: String::new(),
        rate: rate(a.rate, lang),
        revalued: fmt_amount(a.revalued_lc, d, lang),
        difference: fmt_amount(a.difference, d, lang),
        treatment: a.treatment,
    }
}

fn treatment_text(t: Treatment) -> T {
    match t {
        Treatment::Loss => T::YesLoss,
        Treatment::Gain => T::YesGain,
        Treatment::GainLongTerm => T::LongTerm,
        Treatment::Unchanged => T::Unchanged,
    }
}

#[component]
pub fn PreviewTables(view: PreviewView) -> impl IntoView {
    let i18n = use_i18n();
    if view.items.is_empty() && view.accounts.is_empty() {
        return view! { <p class="muted" data-testid="rv-empty">{move || i18n.t(T::Empty)}</p> }
            .into_any();
    }
    let caption = format!(
        "{} {} · {} {}",
        i18n.t(T::AmountsIn),
        view.lc,
        i18n.t(T::RateNote),
        view.lc
    );
    let items = (!view.items.is_empty()).then(|| {
        view! { <RowsTable title=T::Items first=T::Partner rows=view.items.clone() items=true /> }
    });
    let accounts = (!view.accounts.is_empty()).then(|| {
        view! { <RowsTable title=T::Accounts first=T::Account rows=view.accounts.clone() items=false /> }
    });
    view! {
        <p class="report-caption">{caption}</p>
        {items}
        {accounts}
        <table class="data report totals rv-totals" style="max-width: 36rem" data-testid="rv-totals">
            <tbody>
                <tr><th scope="row">{move || i18n.t(T::Gains)}</th><td class="num" data-testid="rv-gains">{view.gains}</td></tr>
                <tr><th scope="row">{move || i18n.t(T::Losses)}</th><td class="num" data-testid="rv-losses">{view.losses}</td></tr>
                <tr><th scope="row">{move || i18n.t(T::NotPosted)}</th><td class="num" data-testid="rv-not-posted">{view.not_posted}</td></tr>
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn RowsTable(title: T, first: T, rows: Vec<Row>, items: bool) -> impl IntoView {
    let i18n = use_i18n();
    let testid = if items { "rv-items" } else { "rv-accounts" };
    view! {
        <h2>{move || i18n.t(title)}</h2>
        <div class="table-wrap">
            <table class="data report revaluation" data-testid=testid>
                <thead><tr>
                    <th>{move || i18n.t(first)}</th>
                    {items.then(|| view! {
                        <th>{move || i18n.t(T::Document)}</th>
                        <th class="date">{move || i18n.t(T::Due)}</th>
                    })}
                    <th>{move || i18n.t(T::Currency)}</th>
                    <th class="num">{move || i18n.t(if items { T::OpenFc } else { T::BalanceFc })}</th>
                    <th class="num">{move || i18n.t(T::BookedLc)}</th>
                    {items.then(|| view! { <th class="num">{move || i18n.t(T::BookedRate)}</th> })}
                    <th class="num">{move || i18n.t(T::Rate)}</th>
                    <th class="num">{move || i18n.t(T::RevaluedLc)}</th>
                    <th class="num">{move || i18n.t(T::Difference)}</th>
                    <th>{move || i18n.t(T::Posted)}</th>
                </tr></thead>
                <tbody>{rows.into_iter().map(|r| row_view(r, items)).collect_view()}</tbody>
            </table>
        </div>
    }
}

fn row_view(r: Row, items: bool) -> impl IntoView {
    let i18n = use_i18n();
    let treatment = r.treatment;
    let document = r
        .document
        .map(|(id, text)| view! { <A href=entry_href(id)>{text}</A> });
    view! {
        <tr data-testid="rv-row" data-posted=treatment.posted().to_string()>
            <td>{r.who}</td>
            {items.then(|| view! {
                <td>{document}</td>
                <td class="date">{r.due}</td>
            })}
            <td>{r.currency}</td>
            <td class="num" data-testid="rv-fc">{r.fc}</td>
            <td class="num" data-testid="rv-booked">{r.booked}</td>
            {items.then(|| view! { <td class="num">{r.booked_rate}</td> })}
            <td class="num" data-testid="rv-rate">{r.rate}</td>
            <td class="num" data-testid="rv-revalued">{r.revalued}</td>
            <td class="num" data-testid="rv-difference">{r.difference}</td>
            <td data-testid="rv-treatment" class:muted=!treatment.posted()>{move || i18n.t(treatment_text(treatment))}</td>
        </tr>
    }
}
