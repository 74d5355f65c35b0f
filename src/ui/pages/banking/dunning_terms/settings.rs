//! The dunning settings on the terms screen: the income accounts fees and
//! interest are posted to, and the base-rate table (an editable list of
//! half-year rates; "reset" goes back to the shipped table). Both save the
//! whole `DunningSettings` with `SetSettings`.

use leptos::prelude::*;

use crate::finance::interest::BaseRate;
use crate::formats::amount::{parse_amount, parse_date};
use crate::ledger::Command;
use crate::ledger::dunning::{DunningCommand, DunningSettings};
use crate::ledger::types::AccountNo;
use crate::ui::components::SaveButton;
use crate::ui::components::{ErrorBox, fmt_date, number_style, today};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

use super::texts::T;
use super::{now, user};

/// Saves `settings`; the refusal's sentence, or the notice, goes to `out`.
async fn set(
    app: AppState,
    lang: Lang,
    settings: DunningSettings,
    ok: T,
    out: RwSignal<Option<Result<T, String>>>,
) {
    let Some(at) = now() else { return };
    let cmd = Command::Dunning(DunningCommand::SetSettings {
        settings: Box::new(settings),
        by: user(),
        at,
    });
    out.set(Some(match app.execute(cmd).await {
        Ok(_) => Ok(ok),
        Err(e) => Err(session_error(&e, lang)),
    }));
}

fn current(app: AppState) -> DunningSettings {
    app.with_book(|b| b.dunning().settings().clone())
        .unwrap_or_default()
}

fn account(text: &str, lang: Lang) -> Result<Option<AccountNo>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    AccountNo::parse(text.trim())
        .map(Some)
        .map_err(|_| format!("„{}“ {}", text.trim(), T::BadAccount.text(lang)))
}

fn outcome(out: RwSignal<Option<Result<T, String>>>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || out.get().and_then(|r| r.err()));
    view! {
        <ErrorBox message=error />
        <Show when=move || matches!(out.get(), Some(Ok(_)))>
            <div class="success-box" role="status">{move || out.get().and_then(|r| r.ok()).map(|t| i18n.t(t))}</div>
        </Show>
    }
}

#[component]
pub fn SettingsForm() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let s = current(app);
    let show = |a: Option<AccountNo>| a.map(|a| a.to_string()).unwrap_or_default();
    let fee = RwSignal::new(show(s.fee_account));
    let interest = RwSignal::new(show(s.interest_account));
    let out = RwSignal::new(None::<Result<T, String>>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        let read = account(&fee.get_untracked(), lang)
            .and_then(|f| Ok((f, account(&interest.get_untracked(), lang)?)));
        match read {
            Ok((fee_account, interest_account)) => {
                let settings = DunningSettings {
                    fee_account,
                    interest_account,
                    ..current(app)
                };
                set(app, lang, settings, T::SettingsSaved, out).await;
            }
            Err(message) => out.set(Some(Err(message))),
        }
    });
    view! {
        <form class="form dunning-settings" data-testid="dunning-settings"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <h2>{move || i18n.t(T::Settings)}</h2>
            <div class="field-row">
                <label class="field narrow">
                    <span>{move || i18n.t(T::FeeAccount)}</span>
                    <input data-testid="fee-account" autocomplete="off" prop:value=fee
                        on:input=move |ev| fee.set(event_target_value(&ev)) />
                </label>
                <label class="field narrow">
                    <span>{move || i18n.t(T::InterestAccount)}</span>
                    <input data-testid="interest-account" autocomplete="off" prop:value=interest
                        on:input=move |ev| interest.set(event_target_value(&ev)) />
                </label>
            </div>
            {outcome(out)}
            <div class="actions">
                <SaveButton testid="settings-save" class="button">{move || i18n.t(T::SaveSettings)}</SaveButton>
            </div>
        </form>
    }
}

type RateRow = (RwSignal<String>, RwSignal<String>);

fn rows_of(app: AppState, lang: Lang) -> Vec<RateRow> {
    app.with_book(|b| b.dunning().base_rates().rates().to_vec())
        .unwrap_or_default()
        .into_iter()
        .map(|r| {
            let percent = crate::formats::amount::format_number(r.percent, number_style(lang));
            (
                RwSignal::new(fmt_date(r.valid_from, lang)),
                RwSignal::new(percent),
            )
        })
        .collect()
}

fn read_rates(rows: &[RateRow], lang: Lang) -> Result<Vec<BaseRate>, String> {
    rows.iter()
        .map(|(from, percent)| {
            let (from, percent) = (from.get_untracked(), percent.get_untracked());
            let valid_from = parse_date(&from, today())
                .map_err(|_| format!("„{}“ {}", from.trim(), T::BadDate.text(lang)))?;
            let percent = parse_amount(&percent, number_style(lang), 4)
                .map_err(|_| format!("„{}“ {}", percent.trim(), T::BadRate.text(lang)))?;
            Ok(BaseRate {
                valid_from,
                percent,
            })
        })
        .collect()
}

/// Re-writes the typed dates and rates for the language switched to, so
/// they still read (2,57 → 2.57); the payment form does the same.
fn relocalize(rows: &[RateRow], from: Lang, to: Lang) {
    for (date, percent) in rows {
        if let Ok(d) = parse_date(&date.get_untracked(), today()) {
            date.set(fmt_date(d, to));
        }
        if let Ok(x) = parse_amount(&percent.get_untracked(), number_style(from), 4) {
            percent.set(crate::formats::amount::format_number(x, number_style(to)));
        }
    }
}

#[component]
pub fn RatesForm() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = RwSignal::new(rows_of(app, i18n.lang_untracked()));
    Effect::new(move |prev: Option<Lang>| {
        let lang = i18n.lang();
        if let Some(p) = prev.filter(|p| *p != lang) {
            untrack(|| relocalize(&rows.get_untracked(), p, lang));
        }
        lang
    });
    let edited = move || app.with_book(|b| b.dunning().settings().base_rates.is_some());
    let out = RwSignal::new(None::<Result<T, String>>);
    let save = Action::new_local(move |reset: &bool| {
        let reset = *reset;
        async move {
            let lang = i18n.lang_untracked();
            let rates = if reset {
                None
            } else {
                match read_rates(&rows.get_untracked(), lang) {
                    Ok(r) => Some(r),
                    Err(message) => return out.set(Some(Err(message))),
                }
            };
            let settings = DunningSettings {
                base_rates: rates,
                ..current(app)
            };
            set(app, lang, settings, T::RatesSaved, out).await;
            rows.set(rows_of(app, lang));
        }
    });
    let row = move |(i, (from, percent)): (usize, RateRow)| {
        let lang = i18n.lang();
        view! {
            <tr data-testid=format!("rate-{}", i + 1)>
                <td><input class="date" prop:value=from on:input=move |ev| from.set(event_target_value(&ev)) /></td>
                <td><input class="num narrow" prop:value=percent on:input=move |ev| percent.set(event_target_value(&ev)) /></td>
                <td><button type="button" class="button small"
                    on:click=move |_| rows.update(|r| { r.remove(i); })>{T::Remove.text(lang)}</button></td>
            </tr>
        }
    };
    view! {
        <section class="form base-rates" data-testid="base-rates">
            <h2>{move || i18n.t(T::Rates)}</h2>
            <p class="muted">{move || i18n.t(T::RatesLead)}</p>
            <p data-testid="rates-source"><strong>{move || i18n.t(if edited().unwrap_or(false) { T::Edited } else { T::Shipped })}</strong></p>
            <div class="table-wrap rates-wrap">
                <table class="data rates">
                    <thead><tr>
                        <th>{move || i18n.t(T::ValidFrom)}</th>
                        <th class="num">{move || i18n.t(T::Percent)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || rows.get().into_iter().enumerate().map(row).collect_view()}</tbody>
                </table>
            </div>
            {outcome(out)}
            <div class="actions">
                <button type="button" class="button small" data-testid="add-rate"
                    on:click=move |_| rows.update(|r| r.push((RwSignal::new(String::new()), RwSignal::new(String::new()))))>
                    {move || i18n.t(T::AddRate)}</button>
                <button type="button" class="button" data-testid="rates-save" on:click=move |_| { save.dispatch(false); }>{move || i18n.t(T::SaveRates)}</button>
                <button type="button" class="button" data-testid="rates-reset" on:click=move |_| { save.dispatch(true); }>{move || i18n.t(T::ResetRates)}</button>
            </div>
        </section>
    }
}
