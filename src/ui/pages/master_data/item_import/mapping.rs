//! The column mapping of the picked file: each header of the file with
//! the field it fills, a select to change it (or ignore the column); a
//! change reads the file again with the new mapping.

use leptos::prelude::*;

use super::{State, T};
use crate::formats::items_csv::{Column, ColumnMap};
use crate::formats::partners_csv::{decode_text, records};
use crate::ui::errors::item_column_name;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

/// Every field a column can fill, in the order the select offers them.
const COLUMNS: [Column; 18] = [
    Column::Code,
    Column::DescriptionDe,
    Column::DescriptionEn,
    Column::Group,
    Column::Unit,
    Column::Price,
    Column::Sales,
    Column::Purchase,
    Column::RevenueDomestic,
    Column::RevenueEu,
    Column::RevenueAbroad,
    Column::ExpenseDomestic,
    Column::ExpenseEu,
    Column::ExpenseAbroad,
    Column::SalesTax,
    Column::PurchaseTax,
    Column::Active,
    Column::Remarks,
];

/// The header fields of a file, split as the reader splits them (`;`
/// unless the header line has more `,`); none for an unreadable file.
pub fn headers(bytes: &[u8]) -> Vec<String> {
    let text = decode_text(bytes);
    let first = text.lines().next().unwrap_or_default();
    let separator = if first.matches(';').count() >= first.matches(',').count() {
        ';'
    } else {
        ','
    };
    records(&text, separator)
        .ok()
        .and_then(|rows| rows.into_iter().next())
        .map(|(_, fields)| fields)
        .unwrap_or_default()
}

fn key(c: Column) -> String {
    format!("{c:?}")
}

#[component]
pub fn MappingTable(state: State) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let set = move |index: usize, value: String| {
        let column = COLUMNS.iter().copied().find(|c| key(*c) == value);
        state.mapping.update(|m| {
            let map = m.get_or_insert_with(|| ColumnMap {
                columns: Vec::new(),
            });
            map.columns
                .resize(state.headers.get_untracked().len(), None);
            // A field is filled by one column: the one chosen last.
            for c in map.columns.iter_mut() {
                if column.is_some() && *c == column {
                    *c = None;
                }
            }
            map.columns[index] = column;
        });
        state.recheck(app);
    };
    let rows = move || {
        let lang = i18n.lang();
        let mapping = state.mapping.get().unwrap_or(ColumnMap {
            columns: Vec::new(),
        });
        state.headers.get().into_iter().enumerate().map(|(i, h)| {
            let chosen = mapping.columns.get(i).copied().flatten();
            view! {
                <tr data-header=h.clone()>
                    // The file's own header: data, not UI text.
                    <td translate="no">{h.clone()}</td>
                    <td><select data-testid=format!("mapping-{i}") on:change=move |ev| set(i, event_target_value(&ev))>
                        <option value="" selected=chosen.is_none()>{super::Text::text(T::Ignored, lang)}</option>
                        {COLUMNS.iter().map(|c| view! {
                            <option value=key(*c) selected=chosen == Some(*c)>{item_column_name(*c, lang)}</option>
                        }).collect_view()}
                    </select></td>
                </tr>
            }
        }).collect_view()
    };
    view! {
        <Show when=move || !state.headers.with(Vec::is_empty)>
            <h2>{move || i18n.t(T::Mapping)}</h2>
            <div class="table-wrap">
                <table class="data mapping" data-testid="item-mapping">
                    <thead><tr>
                        <th>{move || i18n.t(T::Header)}</th>
                        <th>{move || i18n.t(T::Field)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}
