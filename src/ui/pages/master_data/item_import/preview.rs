//! The items a good file holds, as they will be created: the first rows
//! with their line, so the user sees the columns were read as meant.

use leptos::prelude::*;

use super::T;
use crate::formats::items_csv::ParsedItems;
use crate::ui::components::fmt_amount;
use crate::ui::i18n::{Lang, Text, use_i18n};

/// Rows the preview shows.
const SHOWN: usize = 50;

#[component]
pub fn Preview(parsed: ParsedItems) -> impl IntoView {
    let i18n = use_i18n();
    let more = parsed.items.len().saturating_sub(SHOWN);
    let rows =
        move || {
            let lang = i18n.lang();
            parsed
            .items
            .iter()
            .zip(&parsed.lines)
            .take(SHOWN)
            .map(|(item, line)| {
                let yes_no = |b: bool| if b { T::Yes.text(lang) } else { T::No.text(lang) };
                let description = match lang {
                    Lang::De if !item.description_de.is_empty() => item.description_de.clone(),
                    Lang::En if !item.description_en.is_empty() => item.description_en.clone(),
                    _ => format!("{}{}", item.description_de, item.description_en),
                };
                let scale = item.default_price.normalize().scale().max(2);
                view! {
                    <tr data-code=item.code.clone()>
                        <td class="num">{*line}</td>
                        <td class="code">{item.code.clone()}</td>
                        <td>{description}</td>
                        <td>{item.group.clone()}</td>
                        <td>{item.unit.as_str()}</td>
                        <td class="num nowrap">{fmt_amount(item.default_price, scale, lang)}</td>
                        <td>{format!("{} / {}", yes_no(item.sales), yes_no(item.purchase))}</td>
                    </tr>
                }
            })
            .collect_view()
        };
    view! {
        <h2>{move || i18n.t(T::Preview)}</h2>
        <div class="table-wrap preview">
            <table class="data" data-testid="item-preview">
                <thead><tr>
                    <th class="num">{move || i18n.t(T::Line)}</th>
                    <th>{move || i18n.t(T::Code)}</th>
                    <th>{move || i18n.t(T::Description)}</th>
                    <th>{move || i18n.t(T::Group)}</th>
                    <th>{move || i18n.t(T::Unit)}</th>
                    <th class="num">{move || i18n.t(T::Price)}</th>
                    <th>{move || i18n.t(T::Use)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(more > 0).then(|| view! { <p class="muted small">{move || format!("… {more} {}", i18n.t(T::More))}</p> })}
    }
}
