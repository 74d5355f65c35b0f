//! The partner's change history (Änderungshistorie): who created it, and
//! every changed field with who, when, old and new value, newest first.
//! The engine folds it from the update events (`partners::history`);
//! values are its canonical text, field names in the UI language.

use leptos::prelude::*;

use crate::ledger::partners::{Change, PartnerField, Stamp};
use crate::ledger::types::{PartnerCode, Timestamp};
use crate::ui::components::fmt_date;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

use super::T;

fn field_name(f: PartnerField, lang: Lang) -> &'static str {
    use PartnerField as F;
    let (de, en) = match f {
        F::Name => ("Name", "Name"),
        F::Group => ("Gruppe", "Group"),
        F::Street => ("Straße", "Street"),
        F::HouseNumber => ("Hausnummer", "House number"),
        F::Postcode => ("PLZ", "Postcode"),
        F::Town => ("Ort", "Town"),
        F::Country => ("Land", "Country"),
        F::VatId => ("USt-IdNr.", "VAT ID"),
        F::TaxNumber => ("Steuernummer", "Tax number"),
        F::ContactPerson => ("Ansprechpartner", "Contact person"),
        F::Phone => ("Telefon", "Phone"),
        F::Email => ("E-Mail", "E-mail"),
        F::Language => ("Sprache", "Language"),
        F::BankAccounts => ("Bankverbindungen", "Bank accounts"),
        F::ControlAccount => ("Sammelkonto", "Control account"),
        F::Currency => ("Währung", "Currency"),
        F::PaymentTerms => ("Zahlungsbedingung", "Payment terms"),
        F::PaymentMethod => ("Zahlungsweg", "Payment method"),
        F::PaymentBlock => ("Zahlungssperre", "Payment block"),
        F::CreditLimit => ("Kreditlimit", "Credit limit"),
        F::CommitmentLimit => ("Obligo-Limit", "Commitment limit"),
        F::DunningTerm => ("Mahnverfahren", "Dunning term"),
        F::Mandate => ("Lastschriftmandat", "Direct-debit mandate"),
        F::Remarks => ("Bemerkungen", "Remarks"),
        F::Active => ("Aktiv", "Active"),
    };
    if lang == Lang::De { de } else { en }
}

/// "25.11.2026 14:03" / "2026-11-25 14:03" (UTC, as stored).
fn when(at: Timestamp, lang: Lang) -> String {
    let t = at.as_naive();
    format!("{} {}", fmt_date(t.date(), lang), t.format("%H:%M"))
}

#[component]
pub fn PartnerHistory(code: PartnerCode) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let record = Memo::new(move |_| {
        app.with_book(|b| {
            b.partner_record(code)
                .map(|r| (r.created.clone(), r.changes.clone()))
        })
        .flatten()
    });
    view! {
        <section class="partner-history">
            <h2>{move || i18n.t(T::History)}</h2>
            {move || record.get().map(|(created, changes)| view! {
                <Created stamp=created />
                <Changes changes=changes />
            })}
        </section>
    }
}

#[component]
fn Created(stamp: Stamp) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="muted small" data-testid="partner-created">
            {move || format!("{} {} · {}", i18n.t(T::CreatedBy), stamp.by, when(stamp.at, i18n.lang()))}
        </p>
    }
}

#[component]
fn Changes(changes: Vec<Change>) -> impl IntoView {
    let i18n = use_i18n();
    if changes.is_empty() {
        return view! { <p class="muted">{move || i18n.t(T::NoChanges)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="data" data-testid="partner-history">
                <thead><tr>
                    <th>{move || i18n.t(T::When)}</th>
                    <th>{move || i18n.t(T::Who)}</th>
                    <th>{move || i18n.t(T::Field)}</th>
                    <th>{move || i18n.t(T::Old)}</th>
                    <th>{move || i18n.t(T::New)}</th>
                </tr></thead>
                <tbody>
                    {changes.into_iter().rev().map(|c| {
                        let Change { by, at, field, old, new } = c;
                        view! {
                            <tr>
                                <td class="nowrap">{move || when(at, i18n.lang())}</td>
                                <td>{by}</td>
                                <td>{move || field_name(field, i18n.lang())}</td>
                                <td class="old">{old}</td>
                                <td class="new">{new}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
