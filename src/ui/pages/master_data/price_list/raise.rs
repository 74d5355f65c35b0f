//! The mass price update (Preisaktualisierung) of one list: item group
//! (optional), percent, from date → preview from the engine's
//! `Items::raise` (old → new, count) → apply after a confirmation, as one
//! `SetPrices` with every previewed row.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::texts::T;
use crate::ledger::Command;
use crate::ledger::items::{ItemsCommand, PriceList, RaiseRow};
use crate::ui::components::use_change_right;
use crate::ui::components::{DateField, ErrorBox, Said, fmt_price, parse_factor, today};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

/// Preview rows shown (the count says how many there are).
const SHOWN: usize = 100;

#[component]
pub fn Raise(list: PriceList, as_of: RwSignal<Option<NaiveDate>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (number, currency) = (list.number, list.currency);
    let group = RwSignal::new(String::new());
    let percent = RwSignal::new(String::new());
    let from = RwSignal::new(as_of.get_untracked().or(Some(today())));
    let preview = RwSignal::new(None::<Vec<RaiseRow>>);
    let ask = RwSignal::new(false);
    let out = RwSignal::new(None::<Result<Said<T>, Said<T>>>);
    let groups = Memo::new(move |_| {
        app.with_book(|b| {
            b.items()
                .groups()
                .map(|g| (g.code.clone(), g.name_de.clone(), g.name_en.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // A changed question drops the old answer.
    Effect::new(move |_| {
        group.track();
        percent.track();
        from.track();
        preview.set(None);
        ask.set(false);
    });
    let run_preview = move || {
        let lang = i18n.lang_untracked();
        out.set(None);
        let text = percent.get_untracked();
        let Some(p) = parse_factor(&text, lang) else {
            return out.set(Some(Err(Said::Typed(text, T::BadPercent))));
        };
        let date = from.get_untracked().unwrap_or_else(today);
        let g = group.get_untracked();
        let rows = app
            .with_book(|b| {
                b.items().raise(
                    b.item_refs(),
                    number,
                    (!g.is_empty()).then_some(g.as_str()),
                    p,
                    date,
                )
            })
            .unwrap_or_default();
        preview.set(Some(rows));
    };
    let apply = Action::new_local(move |_: &()| async move {
        ask.set(false);
        let Some(rows) = preview.get_untracked() else {
            return;
        };
        let n = rows.len();
        let prices = rows.into_iter().map(|r| r.new).collect();
        out.set(Some(
            match app
                .execute(Command::Items(ItemsCommand::SetPrices { prices }))
                .await
            {
                Ok(_) => {
                    preview.set(None);
                    Ok(Said::Done(T::Applied, n.to_string()))
                }
                Err(e) => Err(Said::Session(e)),
            },
        ));
    });
    let error = Signal::derive(move || out.get().and_then(|r| r.err()).map(|m| m.say(i18n.lang())));
    view! {
        <section class="form raise" data-testid="raise">
            <h2>{move || i18n.t(T::Raise)}</h2>
            <p class="muted">{move || i18n.t(T::RaiseLead)}</p>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::Group)}</span>
                    <select data-testid="raise-group" on:change=move |ev| group.set(event_target_value(&ev))>
                        <option value="" selected=move || group.get().is_empty()>{move || i18n.t(T::AllGroups)}</option>
                        {move || {
                            let lang = i18n.lang();
                            groups.get().into_iter().map(|(code, de, en)| {
                                let label = format!("{code} {}", if lang == Lang::De { de } else { en });
                                let c = code.clone();
                                view! { <option value=code selected=move || group.get() == c>{label}</option> }
                            }).collect_view()
                        }}
                    </select>
                </label>
                <label class="field narrow">
                    <span>{move || i18n.t(T::Percent)}</span>
                    <input class="num" inputmode="decimal" data-testid="raise-percent" autocomplete="off" prop:value=percent
                        on:input=move |ev| percent.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); run_preview() } />
                </label>
                <DateField label=T::From value=from testid="raise-from" />
            </div>
            <div class="actions">
                <button type="button" class="button" data-testid="raise-preview" on:click=move |_| run_preview()>{move || i18n.t(T::Preview)}</button>
            </div>
            <ErrorBox message=error />
            <Show when=move || matches!(out.get(), Some(Ok(_)))>
                <div class="success-box" role="status" data-testid="raise-notice">{move || out.get().and_then(|r| r.ok()).map(|m| m.say(i18n.lang()))}</div>
            </Show>
            {move || preview.get().map(|rows| preview_view(rows, currency, i18n.lang(), ask, apply))}
        </section>
    }
}

fn preview_view(
    rows: Vec<RaiseRow>,
    currency: crate::ledger::types::Currency,
    lang: Lang,
    ask: RwSignal<bool>,
    apply: Action<(), ()>,
) -> AnyView {
    let right = use_change_right();
    if rows.is_empty() {
        return view! { <p class="muted" data-testid="raise-count">{T::NothingToRaise.text(lang)}</p> }.into_any();
    }
    let n = rows.len();
    let price = move |p| fmt_price(p, currency, lang);
    let more = n.saturating_sub(SHOWN);
    view! {
        <p data-testid="raise-count"><strong>{n}</strong>" "{T::Count.text(lang)}</p>
        <div class="table-wrap">
            <table class="data raise-preview" data-testid="raise-preview-table">
                <thead><tr>
                    <th>{T::Item.text(lang)}</th>
                    <th class="num">{T::Old.text(lang)}</th>
                    <th class="num">{T::New.text(lang)}</th>
                </tr></thead>
                <tbody>{rows.into_iter().take(SHOWN).map(|r| view! {
                    <tr data-item=r.item.clone()>
                        <td><span class="code">{r.item.clone()}</span></td>
                        <td class="num">{price(r.old)}</td>
                        <td class="num" data-testid=format!("raise-new-{}", r.item)>{r.new.price.map(price).unwrap_or_default()}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </div>
        {(more > 0).then(|| view! { <p class="muted small">{format!("… {more} {}", T::More.text(lang))}</p> })}
        <Show when=move || !ask.get()
            fallback=move || view! {
                <div class="confirm-box" role="alertdialog" data-testid="raise-confirm">
                    <p>{format!("{} {n}", T::AskApply.text(lang))}</p>
                    <button type="button" class="button primary" data-testid="raise-yes" on:click=move |_| { apply.dispatch(()); }>{T::Yes.text(lang)}</button>
                    " "
                    <button type="button" class="button" data-testid="raise-no" on:click=move |_| ask.set(false)>{T::No.text(lang)}</button>
                </div>
            }>
            <div class="actions">
                <button type="button" class="button primary" data-testid="raise-apply" on:click=move |_| ask.set(true) disabled=move || right.denied() title=move || right.why()>{T::Apply.text(lang)}</button>
            </div>
        </Show>
    }
    .into_any()
}
