//! Budgets (Planung, issue 17 part D): a fiscal year's grid of P&L
//! accounts × periods (optionally for one cost centre of dimension 1),
//! typed by hand, a yearly total spread evenly or by a key of weights
//! (largest remainder, so it sums exactly), or copied from a year's
//! actuals plus a percentage; saved as one `SetBudgets` (Alt+S). Amounts
//! show in the account's natural sign (revenue positive).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::parse_amount;
use crate::ledger::Book;
use crate::ledger::Command;
use crate::ledger::statements::budget::{natural_sign, raise, spread};
use crate::ledger::statements::{BudgetKey, BudgetRow, StatementsCommand};
use crate::ledger::types::{AccountNo, PeriodRef};
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{NoCompany, Said, fmt_amount, lc_of, now, number_style, user};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    enum T {
        Title => "Planung (Budgets)", "Budgets";
        Lead => "Planwerte je Erfolgskonto und Periode; Jahreswert verteilen oder Ist-Werte eines Jahres mit Zuschlag übernehmen, dann speichern (Alt+S).", "Budget per income or expense account and period; spread a yearly amount or copy a year's actuals with a percentage, then save (Alt+S).";
        Year => "Geschäftsjahr", "Fiscal year";
        Centre => "Kostenstelle", "Cost centre";
        NoCentre => "ohne Kostenstelle", "no cost centre";
        CopyFrom => "Ist-Werte aus", "Actuals of";
        Percent => "Zuschlag %", "Change %";
        Copy => "Ist-Werte übernehmen", "Copy actuals";
        Key => "Verteilungsschlüssel (12 Gewichte, leer = gleichmäßig)", "Spread key (weights per period, empty = even)";
        Account => "Konto", "Account";
        YearTotal => "Jahreswert", "Year total";
        Spread => "Verteilen", "Spread";
        Total => "Summe", "Total";
        Save => "Speichern (Alt+S)", "Save (Alt+S)";
        Saved => "Planwerte gespeichert:", "Budgets saved:";
        Rows => "Zeilen", "rows";
        NotAnAmount => "ist kein Betrag.", "is not an amount.";
        Copied => "Ist-Werte übernommen:", "Actuals copied:";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts gespeichert.", "The browser's clock gives no valid time; nothing was saved.";
    }
}

#[derive(Clone, Copy, PartialEq)]
struct GridRow {
    account: AccountNo,
    sign: Decimal,
    cells: RwSignal<Vec<String>>,
    total: RwSignal<String>,
}

fn fmt_cell(d: Decimal, decimals: u32, lang: Lang) -> String {
    if d.is_zero() {
        String::new()
    } else {
        fmt_amount(d, decimals, lang)
    }
}

/// The P&L accounts' rows of `year` (and centre) as stored.
fn load_rows(book: &Book, year: i32, centre: Option<String>, lang: Lang) -> Vec<GridRow> {
    let ppy = book.calendar().layout().periods_per_year();
    let (_, decimals) = lc_of(book);
    book.accounts()
        .filter(|a| a.postable && a.active && a.account_type.is_profit_and_loss())
        .map(|a| {
            let sign = natural_sign(a.account_type);
            let key = BudgetKey {
                year,
                account: a.number,
                centre: centre.clone(),
            };
            let cells = match book.statements().budgets().get(&key) {
                Some(amounts) => amounts
                    .iter()
                    .map(|x| fmt_cell(*x * sign, decimals, lang))
                    .collect(),
                None => vec![String::new(); ppy],
            };
            GridRow {
                account: a.number,
                sign,
                cells: RwSignal::new(cells),
                total: RwSignal::new(String::new()),
            }
        })
        .collect()
}

#[component]
pub fn BudgetsPage() -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let years = Memo::new(move |_| {
        app.with_book(|b| {
            b.calendar()
                .fiscal_years()
                .map(|y| y.year)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let year = RwSignal::new(None::<i32>);
    let current_year = Memo::new(move |_| year.get().or_else(|| years.get().last().copied()));
    let centre = RwSignal::new(None::<String>);
    let centres = Memo::new(move |_| {
        app.with_book(|b| {
            b.costing()
                .centres(crate::ledger::statements::BUDGET_DIMENSION)
                .map(|c| c.code.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let source_year = RwSignal::new(None::<i32>);
    let percent = RwSignal::new(String::from("0"));
    let key = RwSignal::new(String::new());
    let said = RwSignal::new(None::<Said<T>>);
    let busy = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let lang = i18n.lang_untracked();
        let y = current_year.get()?;
        let c = centre.get();
        app.company.track();
        app.with_book(|b| load_rows(b, y, c, lang))
    });
    let decimals = move || app.with_book(|b| lc_of(b).1).unwrap_or(2);
    let weights = move |n: usize| -> Vec<Decimal> {
        let lang = i18n.lang_untracked();
        let text = key.get_untracked();
        let parsed: Vec<Decimal> = text
            .split(';')
            .filter(|s| !s.trim().is_empty())
            .filter_map(|s| parse_amount(s, number_style(lang), 6).ok())
            .collect();
        if parsed.len() == n {
            parsed
        } else {
            vec![Decimal::ONE; n]
        }
    };
    let copy_actuals = move |_| {
        let lang = i18n.lang_untracked();
        let Some(y) = current_year.get_untracked() else {
            return;
        };
        let src = source_year.get_untracked().unwrap_or_else(|| {
            let ys = years.get_untracked();
            if ys.contains(&(y - 1)) { y - 1 } else { y }
        });
        let pct = match parse_amount(&percent.get_untracked(), number_style(lang), 4) {
            Ok(p) => p,
            Err(_) => {
                said.set(Some(Said::Typed(percent.get_untracked(), T::NotAnAmount)));
                return;
            }
        };
        let d = decimals();
        let c = centre.get_untracked();
        let Some(rs) = rows.get_untracked() else {
            return;
        };
        app.with_book(|b| {
            let calendar = b.calendar();
            let Some(start) = calendar.index_of(PeriodRef {
                fiscal_year: src,
                period: 1,
            }) else {
                return;
            };
            let ppy = calendar.layout().periods_per_year();
            let centre_amounts = c.as_ref().and_then(|code| {
                b.centre_index()
                    .centres(crate::ledger::statements::BUDGET_DIMENSION)
                    .find(|(k, _)| k == code)
                    .map(|(_, a)| a.clone())
            });
            for r in &rs {
                let actual: Vec<Decimal> = (start..start + ppy)
                    .map(|p| match (&c, &centre_amounts) {
                        (None, _) => b
                            .account_totals(r.account)
                            .and_then(|t| t.get(p))
                            .map(|t| t.debit_lc - t.credit_lc)
                            .unwrap_or_default(),
                        (Some(_), Some(m)) => m.get(&(p, r.account)).copied().unwrap_or_default(),
                        (Some(_), None) => Decimal::ZERO,
                    } * r.sign)
                    .collect();
                let raised = raise(&actual, pct, d);
                r.cells
                    .set(raised.iter().map(|x| fmt_cell(*x, d, lang)).collect());
            }
        });
        said.set(Some(Said::Done(T::Copied, format!("{src} {:+} %", pct))));
    };
    let save = move || {
        if busy.get_untracked() {
            return;
        }
        let lang = i18n.lang_untracked();
        let Some(y) = current_year.get_untracked() else {
            return;
        };
        let Some(rs) = rows.get_untracked() else {
            return;
        };
        let d = decimals();
        let c = centre.get_untracked();
        let mut out = Vec::new();
        for r in &rs {
            let mut amounts = Vec::new();
            for text in r.cells.get_untracked() {
                if text.trim().is_empty() {
                    amounts.push(Decimal::ZERO);
                    continue;
                }
                match parse_amount(&text, number_style(lang), d) {
                    Ok(x) => amounts.push(x * r.sign),
                    Err(_) => {
                        said.set(Some(Said::Typed(text, T::NotAnAmount)));
                        return;
                    }
                }
            }
            let key = BudgetKey {
                year: y,
                account: r.account,
                centre: c.clone(),
            };
            let stored = app
                .with_book(|b| b.statements().budgets().contains_key(&key))
                .unwrap_or(false);
            if stored || amounts.iter().any(|x| !x.is_zero()) {
                out.push(BudgetRow { key, amounts });
            }
        }
        let n = out.len();
        let Some(at) = now() else {
            said.set(Some(Said::Plain(T::NoClock)));
            return;
        };
        let cmd = Command::Statements(StatementsCommand::SetBudgets {
            year: y,
            rows: out,
            by: user(),
            at,
        });
        busy.set(true);
        leptos::task::spawn_local(async move {
            match app.execute(cmd).await {
                Ok(_) => said.set(Some(Said::Done(
                    T::Saved,
                    format!("{n} {}", T::Rows.text(lang)),
                ))),
                Err(e) => said.set(Some(Said::Session(e))),
            }
            busy.set(false);
        });
    };
    let handle = window_event_listener(leptos::ev::keydown, move |e| {
        if e.alt_key() && !e.ctrl_key() && e.key().eq_ignore_ascii_case("s") {
            e.prevent_default();
            save();
        }
    });
    on_cleanup(move || handle.remove());
    let names = move |a: AccountNo| {
        let lang = i18n.lang();
        app.with_book(|b| b.account(a).map(|x| x.name(lang == Lang::De).to_string()))
            .flatten()
            .unwrap_or_default()
    };
    view! {
        <section class="page budgets-page" data-page="budgets">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(T::Lead)}</p>
                    <div class="toolbar">
                        <label class="field narrow">
                            <span>{move || i18n.t(T::Year)}</span>
                            <select data-testid="budget-year" on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>
                                {move || years.get().into_iter().map(|y| view! {
                                    <option value=y.to_string() selected=move || current_year.get() == Some(y)>{y.to_string()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="field">
                            <span>{move || i18n.t(T::Centre)}</span>
                            <select data-testid="budget-centre" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                centre.set((!v.is_empty()).then_some(v));
                            }>
                                <option value="">{move || i18n.t(T::NoCentre)}</option>
                                {move || centres.get().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field narrow">
                            <span>{move || i18n.t(T::CopyFrom)}</span>
                            <select data-testid="budget-source" on:change=move |ev| source_year.set(event_target_value(&ev).parse().ok())>
                                {move || {
                                    let y = current_year.get().unwrap_or_default();
                                    let ys = years.get();
                                    let default = if ys.contains(&(y - 1)) { y - 1 } else { y };
                                    ys.into_iter().map(|s| view! {
                                        <option value=s.to_string() selected=move || source_year.get().unwrap_or(default) == s>{s.to_string()}</option>
                                    }).collect_view()
                                }}
                            </select>
                        </label>
                        <label class="field narrow">
                            <span>{move || i18n.t(T::Percent)}</span>
                            <input data-testid="budget-percent" prop:value=move || percent.get() on:input=move |ev| percent.set(event_target_value(&ev)) />
                        </label>
                        <div class="toolbar-actions">
                            <button class="button" data-testid="budget-copy" on:click=copy_actuals>{move || i18n.t(T::Copy)}</button>
                            <button class="button primary" data-testid="budget-save" disabled=move || busy.get() || right.denied() on:click=move |_| save() title=move || right.why()>{move || i18n.t(T::Save)}</button>
                        </div>
                    </div>
                    <label class="field wide">
                        <span>{move || i18n.t(T::Key)}</span>
                        <input data-testid="budget-key" placeholder="1;1;1;1;1;1;1;1;1;1;1;2" prop:value=move || key.get() on:input=move |ev| key.set(event_target_value(&ev)) />
                    </label>
                    <p class="notice" role="status" data-testid="budget-said">{move || said.get().map(|s| s.say(i18n.lang()))}</p>
                    <div class="table-wrap">
                        <table class="report budget-grid" data-testid="budget-grid">
                            <thead>
                                <tr>
                                    <th>{move || i18n.t(T::Account)}</th>
                                    {move || (1..=app.with_book(|b| b.calendar().layout().periods_per_year()).unwrap_or(12)).map(|p| view! { <th class="num">{p.to_string()}</th> }).collect_view()}
                                    <th class="num">{move || i18n.t(T::Total)}</th>
                                    <th>{move || i18n.t(T::YearTotal)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || rows.get().unwrap_or_default().into_iter().map(|r| {
                                    let number = r.account.to_string();
                                    let ppy = r.cells.with_untracked(Vec::len);
                                    let sum = move || {
                                        let lang = i18n.lang();
                                        let d = decimals();
                                        let total: Decimal = r.cells.get().iter().filter_map(|t| parse_amount(t, number_style(lang), d).ok()).sum();
                                        fmt_amount(total, d, lang)
                                    };
                                    let spread_row = move |_| {
                                        let lang = i18n.lang_untracked();
                                        let d = decimals();
                                        let text = r.total.get_untracked();
                                        match parse_amount(&text, number_style(lang), d) {
                                            Ok(total) => r.cells.set(spread(total, &weights(ppy), d).iter().map(|x| fmt_cell(*x, d, lang)).collect()),
                                            Err(_) => said.set(Some(Said::Typed(text, T::NotAnAmount))),
                                        }
                                    };
                                    view! {
                                        <tr data-account=number.clone()>
                                            <td class="account">{number.clone()} " " <span class="muted">{move || names(r.account)}</span></td>
                                            {(0..ppy).map(|i| view! {
                                                <td><input class="num cell" data-period=(i + 1).to_string()
                                                    prop:value=move || r.cells.with(|c| c.get(i).cloned().unwrap_or_default())
                                                    on:change=move |ev| { let v = event_target_value(&ev); r.cells.update(|c| if let Some(x) = c.get_mut(i) { *x = v; }); } /></td>
                                            }).collect_view()}
                                            <td class="num" data-testid="row-total">{sum}</td>
                                            <td class="spread">
                                                <input class="num" prop:value=move || r.total.get() on:input=move |ev| r.total.set(event_target_value(&ev)) />
                                                <button class="button small" on:click=spread_row>{move || i18n.t(T::Spread)}</button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
