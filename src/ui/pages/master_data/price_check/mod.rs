//! Preisauskunft (price check) at `/master-data/price-check`: item,
//! partner (optional), date, quantity and currency typed; the engine's one
//! price lookup (`Items::price`) answers as you type: the list, the list
//! price, the discount, the unit price and the line amount, the day's rate
//! when converted, and the rule that decided it in words (special price
//! of a partner with its validity, volume break, period discount, discount
//! group, derived list with its factor, item default price). A question
//! the lookup cannot answer is shown as its sentence.

mod texts;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::parse_date;
use crate::ledger::gl::DisplayDecimals;
use crate::ledger::items::{PriceQuery, Quote};
use crate::ledger::types::{Currency, PartnerCode};
use crate::ui::components::{
    NoCompany, fmt_date, fmt_factor, fmt_price, fmt_rate, focus, list_label, parse_factor,
    rule_words, today,
};
use crate::ui::errors::price_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

use texts::T;

#[component]
pub fn PriceCheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page prices-page" data-page="price-check">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// The question as typed.
#[derive(Clone, Copy)]
struct Typed {
    item: RwSignal<String>,
    partner: RwSignal<String>,
    date: RwSignal<String>,
    quantity: RwSignal<String>,
    currency: RwSignal<String>,
}

/// What the screen shows: the quote with the rule in words, or why not.
#[derive(Clone, PartialEq)]
enum Answer {
    /// Nothing typed yet.
    Nothing,
    Quote {
        quote: Quote,
        list: String,
        rule: String,
        quantity: Decimal,
        display: DisplayDecimals,
    },
    Refused(String),
}

fn bad(text: &str, why: T, lang: Lang) -> String {
    format!("„{}“ {}", text.trim(), why.text(lang))
}

/// The typed question (`None`: no item typed yet), or the sentence of
/// the first typing mistake.
fn query(t: Typed, lang: Lang) -> Result<Option<PriceQuery>, String> {
    let item = t.item.get().trim().to_string();
    if item.is_empty() {
        return Ok(None);
    }
    let partner_text = t.partner.get();
    let partner = match partner_text.trim() {
        "" => None,
        p => Some(PartnerCode::parse(p).map_err(|_| bad(p, T::BadPartner, lang))?),
    };
    let date_text = t.date.get();
    let date = parse_date(&date_text, today()).map_err(|_| bad(&date_text, T::BadDate, lang))?;
    let qty_text = t.quantity.get();
    let quantity =
        parse_factor(&qty_text, lang).ok_or_else(|| bad(&qty_text, T::BadQuantity, lang))?;
    let cur_text = t.currency.get();
    let currency = Currency::parse(cur_text.trim().to_uppercase().as_str())
        .map_err(|_| bad(&cur_text, T::BadCurrency, lang))?;
    Ok(Some(PriceQuery {
        item,
        partner,
        date,
        quantity,
        currency,
    }))
}

fn answer(app: AppState, t: Typed, lang: Lang) -> Answer {
    let q = match query(t, lang) {
        Ok(Some(q)) => q,
        Ok(None) => return Answer::Nothing,
        Err(sentence) => return Answer::Refused(sentence),
    };
    app.with_book(|b| {
        let items = b.items();
        match items.price(b.item_refs(), &q) {
            Ok(quote) => {
                let unit = items.item(&q.item).map(|r| r.item.unit).unwrap_or_default();
                let display = *b.gl().display_decimals();
                Answer::Quote {
                    list: list_label(items, quote.list),
                    rule: rule_words(items, &quote.rule, unit, &display, lang),
                    quote,
                    quantity: q.quantity,
                    display,
                }
            }
            Err(e) => Answer::Refused(price_error(&e, lang)),
        }
    })
    .unwrap_or(Answer::Nothing)
}

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lang = i18n.lang_untracked();
    let lc = app.with_book(|b| b.settings().lc).unwrap_or(Currency::EUR);
    let s = |v: String| RwSignal::new(v);
    let typed = Typed {
        item: s(String::new()),
        partner: s(String::new()),
        date: s(fmt_date(today(), lang)),
        quantity: s("1".into()),
        currency: s(lc.to_string()),
    };
    // The date as typed follows a language switch (22.11.2026 ↔ 2026-11-22).
    Effect::new(move |prev: Option<Lang>| {
        let lang = i18n.lang();
        if prev.is_some_and(|p| p != lang)
            && let Ok(d) = parse_date(&typed.date.get_untracked(), today())
        {
            typed.date.set(fmt_date(d, lang));
        }
        lang
    });
    let result = Memo::new(move |_| answer(app, typed, i18n.lang()));
    let item_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = item_ref.get() {
            focus(&input);
        }
    });
    let input =
        move |label: T, value: RwSignal<String>, testid: &'static str, class: &'static str| {
            view! {
                <label class=format!("field {class}")>
                    <span>{move || i18n.t(label)}</span>
                    <input data-testid=testid autocomplete="off" prop:value=value
                        on:input=move |ev| value.set(event_target_value(&ev)) />
                </label>
            }
        };
    view! {
        <form class="form price-check-form" data-testid="price-check-form" on:submit=|ev| ev.prevent_default()>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::Item)}</span>
                    <input data-testid="pc-item" node_ref=item_ref autocomplete="off" prop:value=typed.item
                        on:input=move |ev| typed.item.set(event_target_value(&ev)) />
                </label>
                {input(T::Partner, typed.partner, "pc-partner", "narrow")}
                {input(T::Date, typed.date, "pc-date", "narrow")}
                {input(T::Quantity, typed.quantity, "pc-quantity", "narrow")}
                {input(T::Currency, typed.currency, "pc-currency", "narrow")}
            </div>
        </form>
        <Names typed=typed />
        {move || show(result.get(), i18n.lang())}
    }
}

/// The item's description and the partner's name under the question.
#[component]
fn Names(typed: Typed) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let names = move || {
        let lang = i18n.lang();
        let (item, partner) = (typed.item.get(), typed.partner.get());
        app.with_book(|b| {
            let item = b.items().item(item.trim()).map(|r| {
                if lang == Lang::De {
                    r.item.description_de.clone()
                } else {
                    r.item.description_en.clone()
                }
            });
            let partner = PartnerCode::parse(partner.trim())
                .ok()
                .and_then(|p| b.partner(p))
                .map(|p| p.name.clone());
            [item, partner]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .unwrap_or_default()
    };
    view! { <p class="muted" data-testid="pc-names">{names}</p> }
}

fn show(a: Answer, lang: Lang) -> AnyView {
    match a {
        Answer::Nothing => {
            view! { <p class="muted" data-testid="pc-hint">{T::Hint.text(lang)}</p> }.into_any()
        }
        Answer::Refused(m) => {
            view! { <div class="error-box" role="alert" data-testid="pc-error">{m}</div> }
                .into_any()
        }
        Answer::Quote {
            quote,
            list,
            rule,
            quantity,
            display,
        } => quote_view(&quote, (list, rule), quantity, &display, lang),
    }
}

/// The quote with its list and rule in words.
fn quote_view(
    q: &Quote,
    (list, rule): (String, String),
    quantity: Decimal,
    display: &DisplayDecimals,
    lang: Lang,
) -> AnyView {
    let cur = q.currency;
    let price = |d: Decimal| format!("{} {cur}", fmt_price(d, cur, lang));
    let line = (q.price * quantity).round_dp_with_strategy(
        cur.decimals(),
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    let fact = |label: T, value: String, testid: &'static str| {
        view! { <div><dt>{label.text(lang)}</dt><dd data-testid=testid>{value}</dd></div> }
    };
    view! {
        <section class="quote" data-testid="quote">
            <p class="quote-rule" data-testid="pc-rule"><strong>{T::Rule.text(lang)}": "</strong>{rule}</p>
            <dl class="facts quote-facts">
                {fact(T::List, list, "pc-list")}
                {fact(T::ListPrice, price(q.list_price), "pc-list-price")}
                {fact(T::Discount, format!("{} %", fmt_factor(q.discount, lang)), "pc-discount")}
                {fact(T::UnitPrice, price(q.price), "pc-price")}
                {fact(T::LineAmount, price(line), "pc-line")}
                {q.rate.map(|r| fact(T::Rate, format!("{} {cur} / 1", fmt_rate(r, display, lang)), "pc-rate"))}
            </dl>
        </section>
    }
    .into_any()
}
