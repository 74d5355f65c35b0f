//! The payment list (Zahlungen) at `/banking/payments`: every payment
//! with its number, date, direction, partner, amount, means, the items it
//! paid and whether it was cancelled; filtered by direction and partner.
//! "Stornieren" asks for the cancellation date (the payment's date by
//! default) and cancels through `PaymentsCommand::Cancel`; a refusal (an
//! item cleared again since) is the engine's sentence.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::ledger::payments::{Direction, Means, PaymentRecord, PaymentsCommand};
use crate::ledger::types::PartnerCode;
use crate::ledger::{Book, Command};
use crate::texts;
use crate::ui::components::{DateField, NoCompany, Pager, entry_href, fmt_amount, fmt_date};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

/// Payments shown per page: the newest first, so today's are on page 1.
const PAYMENT_PAGE_ROWS: usize = 100;

texts! {
    pub enum T {
        Title => "Zahlungen", "Payments";
        Payments => "Zahlungen", "payments";
        Lead => "Alle Zahlungen; eine Zahlung wird storniert, indem ihre Buchung storniert und ihre Posten wieder geöffnet werden.", "Every payment; cancelling one reverses its entry and opens its items again.";
        Direction => "Richtung", "Direction";
        All => "alle", "all";
        Incoming => "Eingang", "Incoming";
        Outgoing => "Ausgang", "Outgoing";
        Partner => "Partner", "Partner";
        PartnerHint => "Nummer", "Code";
        Number => "Nr.", "No.";
        Date => "Datum", "Date";
        Amount => "Betrag", "Amount";
        Means => "Zahlungsmittel", "Means";
        Items => "Posten", "Items";
        Status => "Status", "Status";
        Entry => "Buchung", "Entry";
        Active => "gebucht", "posted";
        Cancelled => "storniert am", "cancelled on";
        Cancel => "Stornieren", "Cancel";
        CancelQuestion => "Zahlung stornieren? Ihre Buchung wird storniert, ihre Posten werden wieder offen.", "Cancel the payment? Its entry is reversed, its items open again.";
        CancelDate => "Stornodatum", "Cancellation date";
        Confirm => "Ja, stornieren", "Yes, cancel";
        Keep => "Abbrechen", "Keep it";
        Done => "Zahlung storniert:", "Payment cancelled:";
        Empty => "Keine Zahlungen.", "No payments.";
        Transfer => "Überweisung", "Transfer";
        Cash => "Bar", "Cash";
        Check => "Scheck", "Check";
        Card => "Kreditkarte", "Credit card";
        NoPartner => "Sachkonten", "G/L accounts";
        User => "kontor", "kontor";
    }
}

fn means_text(m: Means) -> T {
    match m {
        Means::Transfer => T::Transfer,
        Means::Cash => T::Cash,
        Means::Check => T::Check,
        Means::CreditCard => T::Card,
    }
}

/// One payment as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    number: u32,
    date: NaiveDate,
    direction: Direction,
    partner: String,
    amount: Decimal,
    currency: String,
    means: String,
    items: String,
    entry: String,
    cancelled: Option<NaiveDate>,
}

fn row(book: &Book, r: &PaymentRecord, lang: Lang) -> Row {
    let p = &r.payment;
    let partner = p.partner.map_or_else(
        || T::NoPartner.text(lang).to_string(),
        |c| {
            let name = book.partner(c).map(|x| x.name.clone()).unwrap_or_default();
            format!("{c} {name}")
        },
    );
    let items = p
        .items
        .iter()
        .filter_map(|i| book.entry(i.item.entry))
        .map(|e| {
            if e.reference.is_empty() {
                format!("{}/{}", e.fiscal_year, e.number)
            } else {
                e.reference.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let means = p
        .means
        .iter()
        .map(|m| format!("{} {}", means_text(m.means).text(lang), m.account.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let lc = book.settings().lc.as_str().to_string();
    Row {
        number: p.number,
        date: p.date,
        direction: p.direction,
        partner,
        amount: p.means.iter().map(|m| m.amount).sum(),
        currency: p.currency.map_or(lc, |c| c.as_str().to_string()),
        means,
        items,
        entry: entry_href(p.entry),
        cancelled: r
            .cancelled
            .as_ref()
            .and_then(|(id, _)| book.entry(*id))
            .map(|e| e.posting_date),
    }
}

#[derive(Clone, Copy)]
struct Filter {
    direction: RwSignal<Option<Direction>>,
    partner: RwSignal<String>,
}

fn rows(book: &Book, f: Filter, lang: Lang) -> (Vec<Row>, u32) {
    let direction = f.direction.get();
    let text = f.partner.get();
    let code = text
        .split_whitespace()
        .next()
        .and_then(|c| PartnerCode::parse(c).ok());
    let rows = book
        .payments()
        .payments()
        .iter()
        .rev()
        .filter(|r| direction.is_none_or(|d| r.payment.direction == d))
        .filter(|r| code.is_none() || r.payment.partner == code)
        .map(|r| row(book, r, lang))
        .collect();
    (rows, book.settings().lc_decimals())
}

/// The payment being cancelled, its date, and what the last cancel said.
#[derive(Clone, Copy)]
struct Cancelling {
    number: RwSignal<Option<u32>>,
    date: RwSignal<Option<NaiveDate>>,
    message: RwSignal<Option<(bool, String)>>,
}

#[component]
pub fn PaymentListPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let filter = Filter {
        direction: RwSignal::new(None),
        partner: RwSignal::new(String::new()),
    };
    let cancelling = Cancelling {
        number: RwSignal::new(None),
        date: RwSignal::new(None),
        message: RwSignal::new(None),
    };
    let page = RwSignal::new(0usize);
    // Another filter starts at the first page.
    Effect::new(move |_| {
        filter.direction.track();
        filter.partner.track();
        page.set(0);
    });
    let list = Memo::new(move |_| {
        let lang = i18n.lang();
        app.with_book(|b| rows(b, filter, lang))
    });
    view! {
        <section class="page payments-page" data-page="payments">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(T::Lead)}</p>
                    <Toolbar filter=filter />
                    <CancelBox app=app c=cancelling />
                    {move || list.get().map(|(rows, d)| {
                        let count = rows.len();
                        let pages = count.div_ceil(PAYMENT_PAGE_ROWS).max(1);
                        let shown: Vec<Row> = rows
                            .into_iter()
                            .skip(page.get() * PAYMENT_PAGE_ROWS)
                            .take(PAYMENT_PAGE_ROWS)
                            .collect();
                        view! {
                            <PaymentsTable rows=shown d=d c=cancelling />
                            <Pager page=page pages=pages count=count unit=Signal::derive(move || i18n.t(T::Payments)) />
                        }
                    })}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Toolbar(filter: Filter) -> impl IntoView {
    let i18n = use_i18n();
    let pick = move |v: String| {
        filter.direction.set(match v.as_str() {
            "incoming" => Some(Direction::Incoming),
            "outgoing" => Some(Direction::Outgoing),
            _ => None,
        })
    };
    view! {
        <div class="toolbar">
            <label class="field narrow">
                <span>{move || i18n.t(T::Direction)}</span>
                <select data-testid="pl-direction" on:change=move |ev| pick(event_target_value(&ev))>
                    <option value="all">{move || i18n.t(T::All)}</option>
                    <option value="incoming">{move || i18n.t(T::Incoming)}</option>
                    <option value="outgoing">{move || i18n.t(T::Outgoing)}</option>
                </select>
            </label>
            <label class="field">
                <span>{move || i18n.t(T::Partner)}</span>
                <input type="search" data-testid="pl-partner" placeholder=move || i18n.t(T::PartnerHint)
                    prop:value=move || filter.partner.get()
                    on:change=move |ev| filter.partner.set(event_target_value(&ev)) />
            </label>
        </div>
    }
}

#[component]
fn PaymentsTable(rows: Vec<Row>, d: u32, c: Cancelling) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    if rows.is_empty() {
        return view! { <p class="muted" data-testid="pl-empty">{i18n.t(T::Empty)}</p> }.into_any();
    }
    let body = rows
        .into_iter()
        .map(|r| payment_row(r, d, lang, c))
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data payments" data-testid="payments">
                <thead><tr>
                    <th class="num">{T::Number.text(lang)}</th>
                    <th class="date">{T::Date.text(lang)}</th>
                    <th>{T::Direction.text(lang)}</th>
                    <th>{T::Partner.text(lang)}</th>
                    <th class="num">{T::Amount.text(lang)}</th>
                    <th>{T::Means.text(lang)}</th>
                    <th>{T::Items.text(lang)}</th>
                    <th>{T::Status.text(lang)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn payment_row(r: Row, d: u32, lang: Lang, c: Cancelling) -> impl IntoView {
    let direction = match r.direction {
        Direction::Incoming => T::Incoming,
        Direction::Outgoing => T::Outgoing,
    };
    let status = match r.cancelled {
        Some(date) => format!("{} {}", T::Cancelled.text(lang), fmt_date(date, lang)),
        None => T::Active.text(lang).to_string(),
    };
    let (number, date) = (r.number, r.date);
    let ask = move |_| {
        c.message.set(None);
        c.date.set(Some(date));
        c.number.set(Some(number));
    };
    view! {
        <tr data-testid="pl-row" data-number=number class:cancelled=r.cancelled.is_some()>
            <td class="num"><A href=r.entry attr:title=T::Entry.text(lang)>{number.to_string()}</A></td>
            <td class="date">{fmt_date(r.date, lang)}</td>
            <td>{direction.text(lang)}</td>
            <td>{r.partner}</td>
            <td class="num" data-testid="pl-amount">{format!("{} {}", fmt_amount(r.amount, d, lang), r.currency)}</td>
            <td>{r.means}</td>
            <td data-testid="pl-items">{r.items}</td>
            <td data-testid="pl-status">{status}</td>
            <td>{r.cancelled.is_none().then(|| view! {
                <button type="button" class="button small" data-testid="pl-cancel" on:click=ask>{T::Cancel.text(lang)}</button>
            })}</td>
        </tr>
    }
}

/// The confirmation with the date, and what the cancellation said.
#[component]
fn CancelBox(app: AppState, c: Cancelling) -> impl IntoView {
    let i18n = use_i18n();
    let run = Action::new_local(move |_: &()| cancel(app, c, i18n.lang_untracked()));
    let pending = run.pending();
    view! {
        {move || c.number.get().map(|n| view! {
            <div class="confirm-box" role="alertdialog" data-testid="pl-confirm">
                <p>{format!("{} {n}: ", i18n.t(T::Number))}{i18n.t(T::CancelQuestion)}</p>
                <div class="toolbar">
                    <DateField label=T::CancelDate value=c.date testid="pl-cancel-date" />
                    <button type="button" class="button danger" data-testid="pl-confirm-yes"
                        disabled=move || pending.get()
                        on:click=move |_| { run.dispatch(()); }>{i18n.t(T::Confirm)}</button>
                    <button type="button" class="button" data-testid="pl-confirm-no"
                        on:click=move |_| c.number.set(None)>{i18n.t(T::Keep)}</button>
                </div>
            </div>
        })}
        {move || c.message.get().map(|(ok, text)| view! {
            <div class=if ok { "success-box" } else { "error-box" } role=if ok { "status" } else { "alert" }
                data-testid=if ok { "pl-cancelled" } else { "error" }>{text}</div>
        })}
    }
}

async fn cancel(app: AppState, c: Cancelling, lang: Lang) {
    let Some(number) = c.number.get_untracked() else {
        return;
    };
    // Whole seconds of the browser's clock (milliseconds since 1970).
    let now = (js_sys::Date::now() / 1000.0).floor() as i64;
    let Some(at) = crate::ledger::types::Timestamp::from_unix_seconds(now) else {
        return;
    };
    let cmd = Command::Payments(PaymentsCommand::Cancel {
        number,
        date: c.date.get_untracked(),
        by: T::User.text(lang).to_string(),
        at,
    });
    match app.execute(cmd).await {
        Ok(_) => {
            c.number.set(None);
            c.message
                .set(Some((true, format!("{} {number}", T::Done.text(lang)))));
        }
        Err(e) => c.message.set(Some((false, session_error(&e, lang)))),
    }
}
