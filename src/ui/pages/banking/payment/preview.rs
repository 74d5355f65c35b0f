//! The live preview: the form's draft checked by the Book exactly as the
//! post will be (`check_with`, nothing appended), showing the lines of the
//! entry it would post or the engine's refusal sentence. A discount after
//! its period asks first.

use leptos::prelude::*;

use crate::ui::components::now;
use rust_decimal::Decimal;

use super::form::Form;
use super::texts::T;
use crate::ledger::payments::PaymentsCommand;
use crate::ledger::posting::Rights;
use crate::ledger::types::Side;
use crate::ledger::{Book, Command, Event};
use crate::ui::components::fmt_amount;
use crate::ui::errors::domain_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

/// The rights a payment is posted with: nobody may exceed a commitment
/// limit until users and rights exist.
pub const RIGHTS: Rights = Rights {
    exceed_commitment_limit: false,
    ..Rights::ALL
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewLine {
    pub account: String,
    pub name: String,
    pub debit: Decimal,
    pub credit: Decimal,
    pub tax_code: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Preview {
    Empty,
    /// A field does not read, or the engine refuses: the sentence.
    Refused(String),
    Lines(Vec<PreviewLine>, u32),
}

/// What posting the form would do now.
pub fn preview(book: &Book, form: &Form, lang: Lang) -> Preview {
    if form.is_empty() {
        return Preview::Empty;
    }
    let draft = match form.draft(book, lang) {
        Ok(d) => d,
        Err(e) => return Preview::Refused(e.text(lang)),
    };
    let Some(at) = now() else {
        return Preview::Empty;
    };
    let cmd = Command::Payments(PaymentsCommand::Post {
        draft: Box::new(draft),
        at,
    });
    match book.check_with(RIGHTS, &cmd) {
        Err(e) => Preview::Refused(domain_error(&e, lang)),
        Ok(events) => {
            let de = lang == Lang::De;
            let lines = events
                .iter()
                .filter_map(|e| match e {
                    Event::EntryPosted { entry } => Some(entry),
                    _ => None,
                })
                .flat_map(|entry| entry.lines.iter())
                .map(|l| PreviewLine {
                    account: l.account.as_str().to_string(),
                    name: book
                        .account(l.account)
                        .map_or_else(String::new, |a| a.name(de).to_string()),
                    debit: if l.side == Side::Debit {
                        l.amount_lc
                    } else {
                        Decimal::ZERO
                    },
                    credit: if l.side == Side::Credit {
                        l.amount_lc
                    } else {
                        Decimal::ZERO
                    },
                    tax_code: l.tax_code().unwrap_or_default().to_string(),
                })
                .collect();
            Preview::Lines(lines, book.settings().lc_decimals())
        }
    }
}

#[component]
pub fn PreviewPanel(form: Form, decimals: Signal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let shown = Memo::new(move |_| {
        let lang = i18n.lang();
        app.with_book(|b| preview(b, &form, lang))
            .unwrap_or(Preview::Empty)
    });
    let late = move || form.late_discount(i18n.lang(), decimals.get());
    view! {
        <section class="pay-preview" aria-live="polite" data-testid="pay-preview">
            <h2>{move || i18n.t(T::Preview)}</h2>
            <Show when=late>
                <div class="confirm-box" role="alert" data-testid="pay-late">
                    <p>{move || i18n.t(T::LateQuestion)}</p>
                    <label class="check">
                        <input type="checkbox" data-testid="pay-late-ok"
                            prop:checked=move || form.late_ok.get()
                            on:change=move |ev| form.late_ok.set(event_target_checked(&ev)) />
                        <span>{move || i18n.t(T::LateYes)}</span>
                    </label>
                </div>
            </Show>
            {move || match shown.get() {
                Preview::Empty => view! { <p class="muted" data-testid="pay-preview-empty">{i18n.t(T::PreviewEmpty)}</p> }.into_any(),
                Preview::Refused(text) => view! { <div class="error-box" data-testid="pay-refused">{text}</div> }.into_any(),
                Preview::Lines(lines, d) => lines_table(lines, d, i18n.lang()).into_any(),
            }}
        </section>
    }
}

fn lines_table(lines: Vec<PreviewLine>, d: u32, lang: Lang) -> impl IntoView {
    let (debit, credit) = lines
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(a, b), l| {
            (a + l.debit, b + l.credit)
        });
    let amt = move |x: Decimal| {
        if x.is_zero() {
            String::new()
        } else {
            fmt_amount(x, d, lang)
        }
    };
    let rows = lines
        .into_iter()
        .map(|l| {
            view! {
                <tr data-testid="pay-preview-line" data-account=l.account.clone()>
                    <td><span class="account-no">{l.account.clone()}</span></td>
                    <td>{l.name}</td>
                    <td class="num" data-testid="pv-debit">{amt(l.debit)}</td>
                    <td class="num" data-testid="pv-credit">{amt(l.credit)}</td>
                    <td data-testid="pv-tax">{l.tax_code}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data" data-testid="pay-preview-lines">
                <thead><tr>
                    <th>{T::Account.text(lang)}</th>
                    <th>{T::Name.text(lang)}</th>
                    <th class="num">{T::Debit.text(lang)}</th>
                    <th class="num">{T::Credit.text(lang)}</th>
                    <th>{T::TaxCode.text(lang)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr class="total">
                    <td colspan="2">{T::Total.text(lang)}</td>
                    <td class="num">{fmt_amount(debit, d, lang)}</td>
                    <td class="num">{fmt_amount(credit, d, lang)}</td>
                    <td></td>
                </tr></tfoot>
            </table>
        </div>
    }
}
