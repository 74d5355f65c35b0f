//! The payment's header: the partner typed by code (its name shown; the
//! list offers customers first for money coming in, vendors first for
//! money going out, both allowed), posting and document date, reference,
//! memo and currency (local by default, the partner's foreign currency
//! when its open items are in one).

use leptos::prelude::*;

use super::form::Form;
use super::texts::T;
use crate::ledger::Book;
use crate::ledger::partners::PartnerKind;
use crate::ledger::payments::Direction;
use crate::ledger::types::PartnerCode;
use crate::ui::components::DateField;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

/// "Customer" or "Vendor" and the name, or why the code names nobody.
fn partner_label(book: &Book, form: &Form, lang: Lang) -> (bool, String) {
    if form.partner.get().trim().is_empty() {
        return (true, String::new());
    }
    match form.partner_code().and_then(|c| book.partner(c)) {
        Some(p) => {
            let kind = match p.kind {
                PartnerKind::Customer => T::Customer,
                PartnerKind::Vendor => T::Vendor,
            };
            (true, format!("{} ({})", p.name, kind.text(lang)))
        }
        None => (false, T::PartnerUnknown.text(lang).to_string()),
    }
}

/// The foreign currency of the partner's open items, if they are in one.
fn partner_currency(book: &Book, code: PartnerCode) -> Option<String> {
    let mut items = book.open_items().items_of(code).filter(|i| i.is_open());
    let first = items.next()?.fc.as_ref()?.currency;
    items
        .all(|i| i.fc.as_ref().is_some_and(|f| f.currency == first))
        .then(|| first.as_str().to_string())
}

#[component]
pub fn Header(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let expected = match form.direction {
        Direction::Incoming => PartnerKind::Customer,
        Direction::Outgoing => PartnerKind::Vendor,
    };
    let partners = move || {
        app.with_book(|b| {
            let mut list: Vec<_> = b.partners().partners().filter(|p| p.active).collect();
            list.sort_by_key(|p| (p.kind != expected, p.code));
            list.iter()
                .map(|p| format!("{} {}", p.code, p.name))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let label = move || {
        let lang = i18n.lang();
        app.with_book(|b| partner_label(b, &form, lang))
            .unwrap_or((true, String::new()))
    };
    // A partner whose items are in a foreign currency sets it.
    Effect::new(move |_| {
        let code = form.partner_code();
        let fc = code.and_then(|c| untrack(|| app.with_book(|b| partner_currency(b, c))).flatten());
        form.currency.set(fc.unwrap_or_default());
    });
    view! {
        <div class="form-grid pay-header">
            <label class="field pay-partner" class:invalid=move || !label().0>
                <span>{move || i18n.t(T::Partner)}</span>
                <input type="text" list="pay-partners" autocomplete="off" data-testid="pay-partner" autofocus
                    placeholder=move || i18n.t(T::PartnerHint)
                    prop:value=move || form.partner.get()
                    on:change=move |ev| form.partner.set(event_target_value(&ev)) />
                <span class="muted small" data-testid="pay-partner-name">{move || label().1}</span>
                <datalist id="pay-partners">
                    {move || partners().into_iter().map(|p| view! { <option value=p></option> }).collect_view()}
                </datalist>
            </label>
            <DateField label=T::PostingDate value=form.posting_date testid="pay-date" />
            <DateField label=T::DocumentDate value=form.document_date testid="pay-doc-date" />
            <label class="field">
                <span>{move || i18n.t(T::Reference)}</span>
                <input type="text" data-testid="pay-reference" prop:value=move || form.reference.get()
                    on:input=move |ev| form.reference.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{move || i18n.t(T::Memo)}</span>
                <input type="text" data-testid="pay-memo" prop:value=move || form.memo.get()
                    on:input=move |ev| form.memo.set(event_target_value(&ev)) />
            </label>
            <label class="field narrow">
                <span>{move || i18n.t(T::Currency)}</span>
                <input type="text" data-testid="pay-currency" maxlength="3" class="narrow"
                    placeholder=move || app.with_book(|b| b.settings().lc.as_str().to_string()).unwrap_or_default()
                    prop:value=move || form.currency.get()
                    on:change=move |ev| form.currency.set(event_target_value(&ev)) />
            </label>
        </div>
    }
}
