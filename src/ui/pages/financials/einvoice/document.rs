//! The e-invoice as a readable document: seller and buyer, dates and
//! references, the lines, the VAT breakdown, the totals and their check.

use leptos::prelude::*;

use super::T;
use crate::formats::einvoice::totals::Mismatch;
use crate::formats::einvoice::{Container, Invoice, Party, Syntax};
use crate::ui::components::{fmt_amount, fmt_date};
use crate::ui::errors::einvoice_mismatch;
use crate::ui::i18n::{Lang, Text, use_i18n};
use rust_decimal::Decimal;

fn amount(v: Decimal, lang: Lang) -> String {
    fmt_amount(v, 2, lang)
}

fn rate(r: Option<Decimal>) -> String {
    r.map(|r| format!("{} %", r.normalize()))
        .unwrap_or_default()
}

#[component]
fn PartyBlock(title: T, party: Party, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let a = &party.address;
    let town = [a.postcode.clone(), a.city.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let lines: Vec<String> = [
        party.trading_name.clone().filter(|t| *t != party.name),
        a.street.clone(),
        a.additional.clone(),
        Some(town).filter(|t| !t.is_empty()),
        Some(a.country.clone()).filter(|c| !c.is_empty()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let vat = party.vat_id.clone();
    let tax = party.tax_number.clone();
    let contact = party.contact.clone().map(|c| {
        [c.name, c.phone, c.email]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ")
    });
    view! {
        <div class="party" data-testid=testid translate="no">
            <h3>{move || i18n.t(title)}</h3>
            <strong>{party.name.clone()}</strong>
            {lines.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}
            {vat.map(|v| view! { <div>{move || i18n.t(T::VatId)}": "<span data-testid=format!("{testid}-vat")>{v.clone()}</span></div> })}
            {tax.map(|v| view! { <div>{move || i18n.t(T::TaxNumber)}": "{v}</div> })}
            {contact.filter(|c| !c.is_empty()).map(|c| view! { <div class="hint">{c}</div> })}
        </div>
    }
}

#[component]
pub fn InvoiceDocument(invoice: Invoice, mismatches: Vec<Mismatch>) -> impl IntoView {
    let i18n = use_i18n();
    let inv = invoice;
    let syntax = match (&inv.syntax, &inv.container) {
        (Syntax::Ubl, _) => "XRechnung UBL".to_string(),
        (Syntax::Cii, Container::Xml) => "XRechnung CII".to_string(),
        (Syntax::Cii, Container::Pdf { file }) => format!("ZUGFeRD / Factur-X PDF ({file})"),
    };
    let credit = inv.is_credit_note();
    let issue = inv.issue_date;
    let due = inv.due_date;
    let terms = inv.payment_terms.clone();
    let refs: Vec<(T, String)> = [
        (T::OrderRef, inv.order_reference.clone()),
        (T::BuyerRef, inv.buyer_reference.clone()),
        (T::ContractRef, inv.contract_reference.clone()),
        (T::Preceding, inv.preceding_invoice.clone()),
        (T::Iban, inv.seller_iban().map(str::to_string)),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    let lines = inv.lines.clone();
    let vat = inv.vat_breakdown.clone();
    let t = inv.totals.clone();
    let currency = inv.currency.clone();
    let ok = mismatches.is_empty();
    let notes = inv.notes.clone();
    let totals = move |lang: Lang| {
        let mut rows = vec![(T::LineSum, t.line_sum)];
        if !t.allowances.is_zero() {
            rows.push((T::Allowances, -t.allowances));
        }
        if !t.charges.is_zero() {
            rows.push((T::Charges, t.charges));
        }
        rows.extend([(T::Net, t.net), (T::Tax, t.tax), (T::Gross, t.gross)]);
        if !t.prepaid.is_zero() {
            rows.push((T::Prepaid, -t.prepaid));
        }
        if !t.rounding.is_zero() {
            rows.push((T::Rounding, t.rounding));
        }
        rows.push((T::Payable, t.payable));
        rows.into_iter()
            .map(|(k, v)| {
                view! { <tr><th scope="row">{k.text(lang)}</th><td class="num">{amount(v, lang)}</td></tr> }
            })
            .collect_view()
    };
    view! {
        <article class="einvoice-document" data-testid="einvoice-document">
            <header class="einvoice-head">
                <div>
                    <h2>
                        {move || i18n.t(if credit { T::CreditNote } else { T::Invoice })}" "
                        <span data-testid="einvoice-number" translate="no">{inv.number.clone()}</span>
                    </h2>
                    <div class="hint">{syntax}</div>
                </div>
                <dl class="entry-head">
                    <div><dt>{move || i18n.t(T::IssueDate)}</dt><dd>{move || fmt_date(issue, i18n.lang())}</dd></div>
                    {due.map(|d| view! { <div><dt>{move || i18n.t(T::DueDate)}</dt><dd>{move || fmt_date(d, i18n.lang())}</dd></div> })}
                    <div><dt>{move || i18n.t(T::Currency)}</dt><dd>{currency.clone()}</dd></div>
                    {refs.into_iter().map(|(k, v)| view! { <div><dt>{move || i18n.t(k)}</dt><dd translate="no">{v}</dd></div> }).collect_view()}
                </dl>
            </header>
            <div class="parties">
                <PartyBlock title=T::Seller party=inv.seller.clone() testid="einvoice-seller" />
                <PartyBlock title=T::Buyer party=inv.buyer.clone() testid="einvoice-buyer" />
            </div>
            <div class="table-wrap">
                <table class="data" data-testid="einvoice-lines">
                    <thead><tr>
                        <th scope="col">{move || i18n.t(T::Pos)}</th>
                        <th scope="col">{move || i18n.t(T::Item)}</th>
                        <th scope="col" class="num">{move || i18n.t(T::Quantity)}</th>
                        <th scope="col">{move || i18n.t(T::Unit)}</th>
                        <th scope="col" class="num">{move || i18n.t(T::Price)}</th>
                        <th scope="col">{move || i18n.t(T::VatRate)}</th>
                        <th scope="col" class="num">{move || i18n.t(T::NetAmount)}</th>
                    </tr></thead>
                    <tbody translate="no">
                        {lines.into_iter().map(|l| {
                            let (q, p, n) = (l.quantity, l.net_price, l.net_amount);
                            view! {
                                <tr>
                                    <td>{l.id.clone()}</td>
                                    <td>{l.name.clone()}</td>
                                    <td class="num">{move || crate::formats::amount::format_number(q.normalize(), crate::ui::components::number_style(i18n.lang()))}</td>
                                    <td>{l.unit_code.clone()}</td>
                                    <td class="num">{move || amount(p, i18n.lang())}</td>
                                    <td>{format!("{} {}", l.vat_category, rate(l.vat_rate))}</td>
                                    <td class="num">{move || amount(n, i18n.lang())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="einvoice-sums">
                <table class="data" data-testid="einvoice-vat">
                    <caption>{move || i18n.t(T::VatBreakdown)}</caption>
                    <thead><tr>
                        <th scope="col">{move || i18n.t(T::Category)}</th>
                        <th scope="col" class="num">{move || i18n.t(T::Base)}</th>
                        <th scope="col" class="num">{move || i18n.t(T::Tax)}</th>
                    </tr></thead>
                    <tbody>
                        {vat.into_iter().map(|b| {
                            let (base, tax) = (b.base, b.tax);
                            view! {
                                <tr>
                                    <td>{format!("{} {}", b.category, rate(b.rate))}</td>
                                    <td class="num">{move || amount(base, i18n.lang())}</td>
                                    <td class="num">{move || amount(tax, i18n.lang())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <table class="data totals" data-testid="einvoice-totals">
                    <caption>{move || i18n.t(T::Totals)}</caption>
                    <tbody>{move || totals(i18n.lang())}</tbody>
                </table>
            </div>
            {if ok {
                view! { <p class="check-ok" data-testid="einvoice-check-ok">"✓ "{move || i18n.t(T::TotalsOk)}</p> }.into_any()
            } else {
                view! {
                    <div class="error-box" role="alert" data-testid="einvoice-mismatch">
                        <strong>{move || i18n.t(T::TotalsBad)}</strong>
                        <ul>
                            {mismatches.into_iter().map(|m| view! { <li>{move || einvoice_mismatch(&m, i18n.lang())}</li> }).collect_view()}
                        </ul>
                    </div>
                }.into_any()
            }}
            {terms.map(|t| view! { <p class="hint"><strong>{move || i18n.t(T::Terms)}": "</strong><span translate="no">{t}</span></p> })}
            {(!notes.is_empty()).then(|| view! {
                <details><summary>{move || i18n.t(T::Notes)}</summary>
                    {notes.into_iter().map(|n| view! { <p translate="no">{n}</p> }).collect_view()}
                </details>
            })}
        </article>
    }
}
