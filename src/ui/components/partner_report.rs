//! What the partner reports (open items, aging, partner statement) share:
//! the customers/vendors switch, the day they open on, and the link to a
//! partner's statement, so the open-items and aging rows can drill down
//! without importing the statement page.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::format::today;
use super::report::default_year_dates;
use crate::ledger::Book;
use crate::ledger::partners::PartnerKind;
use crate::ledger::types::PartnerCode;
use crate::texts;
use crate::ui::i18n::use_i18n;

texts! {
    enum T {
        Kind => "Partnerart", "Partner kind";
        Customers => "Kunden", "Customers";
        Vendors => "Lieferanten", "Vendors";
    }
}

/// The day a partner report opens on: today, but not after the end of
/// the fiscal year of the last posting (the demo company lies in the
/// past, where "today" would show every item as long overdue).
pub fn default_as_of(book: &Book) -> NaiveDate {
    let now = today();
    default_year_dates(book).map_or(now, |(_, end)| end.min(now))
}

/// The statement of `code` for `from..=to` (dates in ISO form in the query).
pub fn statement_href(code: PartnerCode, range: Option<(NaiveDate, NaiveDate)>) -> String {
    match range {
        Some((from, to)) => format!("/reports/partner-statement/{code}?from={from}&to={to}"),
        None => format!("/reports/partner-statement/{code}"),
    }
}

/// Customers or vendors.
#[component]
pub fn KindPicker(kind: RwSignal<PartnerKind>, #[prop(into)] testid: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field">
            <span>{move || i18n.t(T::Kind)}</span>
            <select data-testid=testid on:change=move |ev| {
                kind.set(if event_target_value(&ev) == "vendor" { PartnerKind::Vendor } else { PartnerKind::Customer })
            }>
                <option value="customer" selected=move || kind.get() == PartnerKind::Customer>{move || i18n.t(T::Customers)}</option>
                <option value="vendor" selected=move || kind.get() == PartnerKind::Vendor>{move || i18n.t(T::Vendors)}</option>
            </select>
        </label>
    }
}
