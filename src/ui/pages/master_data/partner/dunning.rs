//! The partner's dunning on the card: the highest level of his open items
//! and the letters the dunning runs sent him (run, date, level, total),
//! each run linking to its letters.

use leptos::prelude::*;

use crate::ledger::types::PartnerCode;
use crate::ui::components::{fmt_amount, fmt_date};
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

use super::T;

#[component]
pub fn PartnerDunning(code: PartnerCode) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let data = Memo::new(move |_| {
        app.with_book(|b| {
            let d = b.settings().lc_decimals();
            let highest = b.dunning().highest_level(b.context(), code);
            let letters: Vec<_> = b
                .dunning()
                .partner_history(code)
                .map(|(run, l)| (run.number, run.date, l.letter.level, l.letter.total(), d))
                .collect();
            (highest, letters)
        })
        .unwrap_or_default()
    });
    view! {
        <Show when=move || !data.get().1.is_empty()>
            <section class="partner-dunning" data-testid="partner-dunning">
                <h2>{move || i18n.t(T::DunningCard)}</h2>
                <p data-testid="partner-dunning-level">{move || format!("{} {}", i18n.t(T::HighestLevel), data.get().0)}</p>
                <div class="table-wrap">
                    <table class="data">
                        <thead><tr>
                            <th class="num">{move || i18n.t(T::DunningRun)}</th>
                            <th>{move || i18n.t(T::DunningDate)}</th>
                            <th class="num">{move || i18n.t(T::DunningLevel)}</th>
                            <th class="num">{move || i18n.t(T::DunningTotal)}</th>
                        </tr></thead>
                        <tbody>{move || {
                            let lang = i18n.lang();
                            data.get().1.into_iter().map(|(run, date, level, total, d)| view! {
                                <tr>
                                    <td class="num"><a href=format!("/banking/dunning/runs/{run}")>{run}</a></td>
                                    <td>{fmt_date(date, lang)}</td>
                                    <td class="num">{level}</td>
                                    <td class="num">{fmt_amount(total, d, lang)}</td>
                                </tr>
                            }).collect_view()
                        }}</tbody>
                    </table>
                </div>
                <p class="muted small">{move || T::DunningHint.text(i18n.lang())}</p>
            </section>
        </Show>
    }
}
