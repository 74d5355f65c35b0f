//! Eingangsrechnung (E-Rechnung) at `/financials/einvoice` (issue 19, part
//! F): drop or choose an XRechnung (UBL or CII) or a ZUGFeRD/Factur-X PDF;
//! the invoice is shown as a readable document with its totals check; the
//! vendor it matches (or "Partner anlegen", pre-filled from the seller);
//! the proposed entry, editable (accounts, tax codes, amounts, dates);
//! "Buchen" (Ctrl+Enter) posts it through the inbox, which keeps the
//! original file with the entry, and an open item results.

mod document;

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::formats::amount::parse_amount;
use crate::formats::einvoice::totals::{self, Mismatch};
use crate::formats::einvoice::{self, EInvoiceError, Invoice};
use crate::forms::einvoice::{AccountSource, MatchedBy, Proposal, ProposalError, propose};
use crate::ledger::Command;
use crate::ledger::inbox::{Document, InboxCommand};
use crate::ledger::partners::PartnersCommand;
use crate::ledger::tax::TaxDirection;
use crate::ledger::types::{AccountNo, EntryId, PartnerCode, PostingKey};
use crate::ledger::{Book, Event};
use crate::session::SessionError;
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{
    DateField, NoCompany, entry_href, fmt_amount, fresh_posting_key, now, number_style, today, user,
};
use crate::ui::errors::{einvoice_error, proposal_currency, session_error};
use crate::ui::i18n::{I18n, Text, use_i18n};
use crate::ui::state::{AppState, use_app};
use document::InvoiceDocument;

texts! {
    pub enum T {
        Title => "Eingangsrechnung (E-Rechnung)", "Incoming invoice (e-invoice)";
        Lead => "XRechnung (UBL oder CII) oder ZUGFeRD-/Factur-X-PDF hierher ziehen oder auswählen. Die Rechnung wird lesbar angezeigt und nachgerechnet, der Lieferant erkannt und die Buchung vorgeschlagen; das Original wird unverändert mit der Buchung aufbewahrt.", "Drop or choose an XRechnung (UBL or CII) or a ZUGFeRD/Factur-X PDF. The invoice is shown readably and recomputed, the vendor recognised and the posting proposed; the original is kept unaltered with the entry.";
        Drop => "Datei hierher ziehen oder klicken zum Auswählen (XML oder PDF)", "Drop a file here or click to choose (XML or PDF)";
        Reading => "Rechnung wird gelesen …", "Reading the invoice …";
        Unreadable => "Die Datei konnte nicht gelesen werden:", "The file could not be read:";
        Invoice => "Rechnung", "Invoice";
        CreditNote => "Gutschrift", "Credit note";
        IssueDate => "Rechnungsdatum", "Invoice date";
        DueDate => "Fällig am", "Due date";
        Currency => "Währung", "Currency";
        OrderRef => "Bestellung", "Order";
        BuyerRef => "Käuferreferenz", "Buyer reference";
        ContractRef => "Vertrag", "Contract";
        Preceding => "Bezug auf Rechnung", "Preceding invoice";
        Iban => "IBAN des Verkäufers", "Seller's IBAN";
        Seller => "Verkäufer (Lieferant)", "Seller (vendor)";
        Buyer => "Käufer", "Buyer";
        VatId => "USt-IdNr.", "VAT ID";
        TaxNumber => "Steuernummer", "Tax number";
        Pos => "Pos.", "Line";
        Item => "Bezeichnung", "Item";
        Quantity => "Menge", "Quantity";
        Unit => "Einheit", "Unit";
        Price => "Preis netto", "Net price";
        VatRate => "USt", "VAT";
        NetAmount => "Betrag netto", "Net amount";
        VatBreakdown => "Umsatzsteuer", "VAT breakdown";
        Category => "Kategorie / Satz", "Category / rate";
        Base => "Bemessungsgrundlage", "Taxable amount";
        Tax => "Steuer", "Tax";
        Totals => "Summen", "Totals";
        LineSum => "Summe Positionen", "Sum of lines";
        Allowances => "Abschläge", "Allowances";
        Charges => "Zuschläge", "Charges";
        Net => "Gesamt netto", "Total net";
        Gross => "Gesamt brutto", "Total gross";
        Prepaid => "Bereits gezahlt", "Prepaid";
        Rounding => "Rundung", "Rounding";
        Payable => "Zahlbetrag", "Amount due";
        TotalsOk => "Die Summen der Rechnung stimmen (EN 16931).", "The invoice's totals add up (EN 16931).";
        TotalsBad => "Die Summen der Rechnung stimmen nicht; es wird keine Buchung vorgeschlagen:", "The invoice's totals do not add up; no posting is proposed:";
        Terms => "Zahlungsbedingungen", "Payment terms";
        Notes => "Bemerkungen der Rechnung", "Notes on the invoice";
        Vendor => "Lieferant", "Vendor";
        ByVatId => "erkannt an der USt-IdNr.", "recognised by VAT ID";
        ByIban => "erkannt an der IBAN", "recognised by IBAN";
        ByName => "erkannt am Namen", "recognised by name";
        NoVendor => "Kein Lieferant erkannt (weder USt-IdNr. noch IBAN oder Name). Der Lieferant kann aus der Rechnung angelegt werden:", "No vendor recognised (neither VAT ID nor IBAN nor name). The vendor can be created from the invoice:";
        Code => "Nummer", "Code";
        Name => "Name", "Name";
        CreatePartner => "Partner anlegen", "Create partner";
        Proposal => "Buchungsvorschlag", "Proposed entry";
        PostingDate => "Buchungsdatum", "Posting date";
        Reference => "Belegnummer (Rechnungsnr.)", "Reference (invoice no.)";
        Memo => "Buchungstext", "Memo";
        Account => "Konto", "Account";
        TaxCode => "Steuerschlüssel", "Tax code";
        NoTax => "– ohne –", "– none –";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        Remembered => "zuletzt für diesen Lieferanten", "last used for this vendor";
        General => "allgemeines Aufwandskonto", "general expense account";
        Choose => "bitte Konto wählen", "please choose an account";
        CodeMissing => "kein passender Steuerschlüssel im Kontenplan", "no matching tax code in the chart";
        VendorLine => "Verbindlichkeit an den Lieferanten (brutto)", "Payable to the vendor (gross)";
        PayableDiffers => "Zahlbetrag laut Rechnung (nach Vorauszahlung):", "Amount due per invoice (after prepayment):";
        Post => "Buchen (Strg+Enter)", "Post (Ctrl+Enter)";
        Posting => "Wird gebucht …", "Posting …";
        Posted => "Gebucht als Buchung", "Posted as entry";
        PostedNote => "Der offene Posten steht beim Lieferanten; das Original ist mit der Buchung aufbewahrt.", "The open item is on the vendor's account; the original is kept with the entry.";
        BadAmount => "Betrag nicht lesbar in Zeile", "Amount not readable in line";
        BadAccount => "Konto nicht gefunden in Zeile", "Account not found in line";
        NeedVendor => "Bitte zuerst den Lieferanten anlegen.", "Please create the vendor first.";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts gebucht.", "The browser's clock gives no valid time; nothing was posted.";
        Keys => "Strg+Enter: buchen · Alt+O: Datei wählen", "Ctrl+Enter: post · Alt+O: choose file";
    }
}

/// The file as received.
#[derive(Clone, Debug, PartialEq)]
struct Received {
    name: String,
    media_type: String,
    bytes: Arc<[u8]>,
}

/// One editable line of the proposal, as typed.
#[derive(Clone, Debug, PartialEq)]
struct EditLine {
    account: RwSignal<String>,
    tax_code: RwSignal<String>,
    net: RwSignal<String>,
    source: AccountSource,
    code_missing: bool,
    label: String,
}

#[derive(Clone, Copy)]
struct State {
    file: RwSignal<Option<Received>>,
    invoice: RwSignal<Option<Invoice>>,
    mismatches: RwSignal<Vec<Mismatch>>,
    read_error: RwSignal<Option<EInvoiceError>>,
    other_error: RwSignal<Option<String>>,
    proposal: RwSignal<Option<Proposal>>,
    currency_error: RwSignal<Option<(String, String)>>,
    lines: RwSignal<Vec<EditLine>>,
    vendor_amount: RwSignal<String>,
    posting_date: RwSignal<Option<NaiveDate>>,
    reference: RwSignal<String>,
    memo: RwSignal<String>,
    new_code: RwSignal<String>,
    new_name: RwSignal<String>,
    refused: RwSignal<Option<SessionError>>,
    posted: RwSignal<Option<(EntryId, String)>>,
    key: StoredValue<PostingKey>,
    i18n: I18n,
}

#[component]
pub fn EInvoicePage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page einvoice-page" data-page="einvoice">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// A random posting key (the page keeps it until the invoice is posted,
/// so a retry after a lost answer is refused as already posted).
fn new_key() -> PostingKey {
    PostingKey::from_hex(&fresh_posting_key()).unwrap_or(PostingKey(0))
}

/// The first file of a drop event (read through JS: no web-sys feature
/// is needed for `DataTransfer`).
fn dropped_file(e: &ev::DragEvent) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let dt = js_sys::Reflect::get(e, &"dataTransfer".into()).ok()?;
    let files = js_sys::Reflect::get(&dt, &"files".into()).ok()?;
    files.dyn_into::<web_sys::FileList>().ok()?.get(0)
}

/// A picked or dropped file for a local action.
#[derive(Clone)]
struct Picked(web_sys::File);

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let s = State {
        file: RwSignal::new(None),
        invoice: RwSignal::new(None),
        mismatches: RwSignal::new(Vec::new()),
        read_error: RwSignal::new(None),
        other_error: RwSignal::new(None),
        proposal: RwSignal::new(None),
        currency_error: RwSignal::new(None),
        lines: RwSignal::new(Vec::new()),
        vendor_amount: RwSignal::new(String::new()),
        posting_date: RwSignal::new(None),
        reference: RwSignal::new(String::new()),
        memo: RwSignal::new(String::new()),
        new_code: RwSignal::new(String::new()),
        new_name: RwSignal::new(String::new()),
        refused: RwSignal::new(None),
        posted: RwSignal::new(None),
        key: StoredValue::new(new_key()),
        i18n,
    };
    let read = Action::new_local(move |file: &Picked| read_file(app, file.0.clone(), i18n, s));
    let post = Action::new_local(move |_: &()| post_invoice(app, s));
    let create = Action::new_local(move |_: &()| create_vendor(app, s));
    let hover = RwSignal::new(false);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let on_drop = move |e: ev::DragEvent| {
        e.prevent_default();
        hover.set(false);
        if let Some(file) = dropped_file(&e) {
            read.dispatch(Picked(file));
        }
    };
    let keys = move |e: ev::KeyboardEvent| {
        let ctrl = e.ctrl_key() || e.meta_key();
        if ctrl && e.key() == "Enter" && s.proposal.get_untracked().is_some() {
            e.prevent_default();
            post.dispatch(());
        } else if e.alt_key() && (e.key() == "o" || e.key() == "O") {
            e.prevent_default();
            if let Some(input) = input_ref.get_untracked() {
                input.click();
            }
        }
    };
    let handle = window_event_listener(ev::keydown, keys);
    on_cleanup(move || handle.remove());
    let reading = read.pending();
    view! {
        <label class=move || if hover.get() { "drop-zone hover" } else { "drop-zone" }
            data-testid="einvoice-drop"
            on:dragover=move |e: ev::DragEvent| { e.prevent_default(); hover.set(true); }
            on:dragleave=move |_| hover.set(false)
            on:drop=on_drop>
            <span>{move || i18n.t(T::Drop)}</span>
            <input type="file" node_ref=input_ref accept=".xml,.pdf,application/xml,text/xml,application/pdf"
                data-testid="einvoice-file"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(f) = input.files().and_then(|f| f.get(0)) {
                        read.dispatch(Picked(f));
                    }
                    input.set_value("");
                } />
        </label>
        <p class="hint">{move || i18n.t(T::Keys)}</p>
        <Show when=move || reading.get()>
            <div class="progress indeterminate" role="progressbar" aria-busy="true">
                <div class="progress-label">{move || i18n.t(T::Reading)}</div>
            </div>
        </Show>
        {move || s.read_error.get().map(|e| view! {
            <div class="error-box" role="alert" data-testid="einvoice-error">
                {move || format!("{} {}", i18n.t(T::Unreadable), einvoice_error(&e, i18n.lang()))}
            </div>
        })}
        {move || s.other_error.get().map(|e| view! { <div class="error-box" role="alert" data-testid="einvoice-error">{e}</div> })}
        {move || s.posted.get().map(|(id, label)| view! {
            <div class="success-box" role="status" data-testid="einvoice-posted">
                {move || i18n.t(T::Posted)}" "<A href=entry_href(id)>{label.clone()}</A>". "{move || i18n.t(T::PostedNote)}
            </div>
        })}
        {move || s.invoice.get().map(|inv| view! {
            <InvoiceDocument invoice=inv mismatches=s.mismatches.get_untracked() />
        })}
        {move || s.currency_error.get().map(|(inv, lc)| view! {
            <div class="error-box" role="alert" data-testid="einvoice-currency">{move || proposal_currency(&inv, &lc, i18n.lang())}</div>
        })}
        {move || s.proposal.get().map(|p| view! { <ProposalView p=p s=s post=post create=create /> })}
    }
}

/// Reads the file, shows the invoice and proposes its posting.
async fn read_file(app: AppState, file: web_sys::File, i18n: I18n, s: State) {
    s.read_error.set(None);
    s.other_error.set(None);
    s.invoice.set(None);
    s.proposal.set(None);
    s.currency_error.set(None);
    s.refused.set(None);
    s.posted.set(None);
    let name = file.name();
    let media = file.type_();
    let file = gloo::file::File::from(file);
    let bytes = match gloo::file::futures::read_as_bytes(&file).await {
        Ok(b) => b,
        Err(e) => {
            return s.other_error.set(Some(format!(
                "{} {e}",
                T::Unreadable.text(i18n.lang_untracked())
            )));
        }
    };
    let invoice = match einvoice::read(&bytes) {
        Ok(i) => i,
        Err(e) => return s.read_error.set(Some(e)),
    };
    let media_type = if !media.is_empty() {
        media
    } else if bytes.starts_with(b"%PDF") {
        "application/pdf".into()
    } else {
        "application/xml".into()
    };
    s.file.set(Some(Received {
        name,
        media_type,
        bytes: bytes.into(),
    }));
    s.key.set_value(new_key());
    s.mismatches.set(totals::check(&invoice));
    s.invoice.set(Some(invoice));
    reproposal(app, s);
}

/// (Re)computes the proposal from the invoice and the Book.
fn reproposal(app: AppState, s: State) {
    let Some(inv) = s.invoice.get_untracked() else {
        return;
    };
    let Some(result) =
        untrack(|| app.with_book(|b| propose(b, &inv).map(|p| (p, default_date(b, &inv)))))
    else {
        return;
    };
    match result {
        Ok((p, date)) => {
            s.lines.set(
                p.lines
                    .iter()
                    .map(|l| EditLine {
                        account: RwSignal::new(
                            l.account.map(|a| a.to_string()).unwrap_or_default(),
                        ),
                        tax_code: RwSignal::new(l.tax_code.clone().unwrap_or_default()),
                        net: RwSignal::new(typed(l.net, s)),
                        source: l.source,
                        code_missing: l.code_missing,
                        label: format!(
                            "{} {}",
                            l.category,
                            l.rate
                                .map(|r| format!("{} %", r.normalize()))
                                .unwrap_or_default()
                        ),
                    })
                    .collect(),
            );
            s.vendor_amount.set(typed(p.gross, s));
            if s.posting_date.get_untracked().is_none() || s.proposal.get_untracked().is_none() {
                s.posting_date.set(Some(date));
            }
            s.reference.set(p.reference.clone());
            s.memo.set(p.memo.clone());
            s.new_code.set(p.new_vendor.code.to_string());
            s.new_name.set(p.new_vendor.name.clone());
            s.proposal.set(Some(p));
        }
        Err(ProposalError::Totals(_)) => s.proposal.set(None),
        Err(ProposalError::Currency { invoice, local }) => {
            s.proposal.set(None);
            s.currency_error.set(Some((invoice, local)));
        }
    }
}

/// An amount as the user would type it in the UI language (no grouping).
fn typed(v: rust_decimal::Decimal, s: State) -> String {
    crate::formats::amount::format_amount_ungrouped(v, 2, number_style(s.i18n.lang_untracked()))
}

/// The invoice date when its period is open for posting, else today.
fn default_date(book: &Book, inv: &Invoice) -> NaiveDate {
    let open = book
        .calendar()
        .index_of_date(inv.issue_date)
        .and_then(|p| book.calendar().status(p))
        .is_some_and(|st| st == crate::ledger::types::PeriodStatus::Unlocked);
    if open { inv.issue_date } else { today() }
}

async fn create_vendor(app: AppState, s: State) {
    s.refused.set(None);
    let Some(p) = s.proposal.get_untracked() else {
        return;
    };
    let Some(at) = now() else {
        return;
    };
    let mut partner = p.new_vendor.clone();
    if let Ok(code) = PartnerCode::parse(s.new_code.get_untracked().trim()) {
        partner.code = code;
    }
    partner.name = s.new_name.get_untracked().trim().to_string();
    let cmd = Command::Partners(PartnersCommand::CreatePartner {
        partner: Box::new(partner),
        by: user(),
        at,
    });
    match app.execute(cmd).await {
        Ok(_) => reproposal(app, s),
        Err(e) => s.refused.set(Some(e)),
    }
}

async fn post_invoice(app: AppState, s: State) {
    s.refused.set(None);
    s.other_error.set(None);
    let lang = s.i18n.lang_untracked();
    let (Some(p), Some(file)) = (s.proposal.get_untracked(), s.file.get_untracked()) else {
        return;
    };
    let Some((vendor, _)) = p.vendor else {
        return s.other_error.set(Some(T::NeedVendor.text(lang).into()));
    };
    let Some(at) = now() else {
        return s.other_error.set(Some(T::NoClock.text(lang).into()));
    };
    let style = number_style(lang);
    let mut edited = p.clone();
    for (i, (line, typed)) in edited
        .lines
        .iter_mut()
        .zip(s.lines.get_untracked())
        .enumerate()
    {
        let account = typed.account.get_untracked();
        line.account = if account.trim().is_empty() {
            None
        } else {
            match AccountNo::parse(account.trim()) {
                Ok(a) => Some(a),
                Err(_) => {
                    return s.other_error.set(Some(format!(
                        "{} {}",
                        T::BadAccount.text(lang),
                        i + 2
                    )));
                }
            }
        };
        let code = typed.tax_code.get_untracked();
        line.tax_code = (!code.is_empty()).then_some(code);
        match parse_amount(&typed.net.get_untracked(), style, 2)
            .or_else(|_| typed.net.get_untracked().trim().parse().map_err(|_| ()))
        {
            Ok(v) => line.net = v,
            Err(_) => {
                return s
                    .other_error
                    .set(Some(format!("{} {}", T::BadAmount.text(lang), i + 2)));
            }
        }
    }
    match parse_amount(&s.vendor_amount.get_untracked(), style, 2).or_else(|_| {
        s.vendor_amount
            .get_untracked()
            .trim()
            .parse()
            .map_err(|_| ())
    }) {
        Ok(v) => edited.gross = v,
        Err(_) => {
            return s
                .other_error
                .set(Some(format!("{} 1", T::BadAmount.text(lang))));
        }
    }
    edited.reference = s.reference.get_untracked();
    edited.memo = s.memo.get_untracked();
    let date = s.posting_date.get_untracked().unwrap_or_else(today);
    let mut draft = edited.draft(vendor, date, &user());
    draft.entered_on = Some(today());
    let number = s
        .invoice
        .get_untracked()
        .map(|i| i.number)
        .unwrap_or_default();
    let cmd = Command::Inbox(InboxCommand::PostIncomingInvoice {
        draft: Box::new(draft),
        document: Document {
            name: file.name.clone(),
            media_type: file.media_type.clone(),
            bytes: file.bytes.clone(),
        },
        invoice_number: number,
        key: s.key.get_value(),
        by: user(),
        at,
    });
    match app.execute(cmd).await {
        Ok(events) => {
            let posted = events.iter().find_map(|e| match e {
                Event::EntryPosted { entry } => {
                    Some((entry.id, format!("{}/{}", entry.number, entry.fiscal_year)))
                }
                _ => None,
            });
            s.posted.set(posted);
            s.proposal.set(None);
            s.invoice.set(None);
            s.file.set(None);
            s.key.set_value(new_key());
        }
        Err(e) => s.refused.set(Some(e)),
    }
}

#[component]
fn ProposalView(
    p: Proposal,
    s: State,
    post: Action<(), ()>,
    create: Action<(), ()>,
) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let codes: Vec<(String, String, String)> = app
        .with_book(|b| {
            b.tax_codes()
                .filter(|c| c.active && c.direction == TaxDirection::Input)
                .map(|c| {
                    (
                        c.code.clone(),
                        format!("{} – {}", c.code, c.name_de),
                        format!("{} – {}", c.code, c.name_en),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let vendor_view = match p.vendor {
        Some((code, by)) => {
            let name = app
                .with_book(|b| b.partner(code).map(|p| p.name.clone()))
                .flatten()
                .unwrap_or_default();
            let how = match by {
                MatchedBy::VatId => T::ByVatId,
                MatchedBy::Iban => T::ByIban,
                MatchedBy::Name => T::ByName,
            };
            view! {
                <p class="vendor-match" data-testid="einvoice-vendor">
                    <strong>{move || i18n.t(T::Vendor)}": "</strong>
                    <span data-testid="einvoice-vendor-code">{code.to_string()}</span>" "<span translate="no">{name}</span>
                    " – "<span data-testid="einvoice-matched-by">{move || i18n.t(how)}</span>
                </p>
            }
            .into_any()
        }
        None => {
            let nv = p.new_vendor.clone();
            let details = [
                nv.address.street.clone(),
                format!("{} {}", nv.address.postcode, nv.address.town)
                    .trim()
                    .to_string(),
                nv.address.country.clone(),
                nv.vat_id.clone(),
                nv.bank_accounts
                    .first()
                    .map(|b| b.iban.clone())
                    .unwrap_or_default(),
            ]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            let pending = create.pending();
            view! {
                <div class="notice new-vendor" data-testid="einvoice-no-vendor">
                    <p>{move || i18n.t(T::NoVendor)}</p>
                    <div class="form-row">
                        <label class="field small"><span>{move || i18n.t(T::Code)}</span>
                            <input type="text" data-testid="new-vendor-code" prop:value=move || s.new_code.get()
                                on:input=move |e| s.new_code.set(event_target_value(&e)) /></label>
                        <label class="field"><span>{move || i18n.t(T::Name)}</span>
                            <input type="text" data-testid="new-vendor-name" prop:value=move || s.new_name.get()
                                on:input=move |e| s.new_name.set(event_target_value(&e)) /></label>
                    </div>
                    <p class="hint" translate="no">{details}</p>
                    <button type="button" class="button" data-testid="einvoice-create-partner"
                        prop:disabled=move || pending.get() on:click=move |_| { create.dispatch(()); }>
                        {move || i18n.t(T::CreatePartner)}
                    </button>
                </div>
            }
            .into_any()
        }
    };
    let credit_note = p.credit_note;
    let (vendor_col, line_col) = if credit_note {
        (T::Debit, T::Credit)
    } else {
        (T::Credit, T::Debit)
    };
    let payable = p.payable;
    let gross = p.gross;
    let vendor_label = p
        .vendor
        .map(|(c, _)| c.to_string())
        .unwrap_or_else(|| s.new_code.get_untracked());
    let pending = post.pending();
    let lines = s.lines.get_untracked();
    view! {
        <section class="einvoice-proposal" data-testid="einvoice-proposal">
            <h2>{move || i18n.t(T::Proposal)}</h2>
            {vendor_view}
            {move || s.refused.get().map(|e| view! { <div class="error-box" role="alert" data-testid="error">{move || session_error(&e, i18n.lang())}</div> })}
            <div class="form-row">
                <DateField label=T::PostingDate value=s.posting_date testid="einvoice-posting-date" />
                <label class="field"><span>{move || i18n.t(T::Reference)}</span>
                    <input type="text" data-testid="einvoice-reference" prop:value=move || s.reference.get()
                        on:input=move |e| s.reference.set(event_target_value(&e)) /></label>
                <label class="field wide"><span>{move || i18n.t(T::Memo)}</span>
                    <input type="text" prop:value=move || s.memo.get()
                        on:input=move |e| s.memo.set(event_target_value(&e)) /></label>
                {p.due_date.map(|d| view! {
                    <div class="field"><span>{move || i18n.t(T::DueDate)}</span>
                        <strong data-testid="einvoice-due">{move || crate::ui::components::fmt_date(d, i18n.lang())}</strong></div>
                })}
            </div>
            <div class="table-wrap">
                <table class="data proposal-lines" data-testid="einvoice-entry">
                    <thead><tr>
                        <th scope="col">{move || i18n.t(T::Account)}</th>
                        <th scope="col">{move || i18n.t(T::TaxCode)}</th>
                        <th scope="col" class="num">{move || i18n.t(line_col)}</th>
                        <th scope="col" class="num">{move || i18n.t(vendor_col)}</th>
                        <th scope="col"></th>
                    </tr></thead>
                    <tbody>
                        <tr data-testid="einvoice-vendor-line">
                            <td>{vendor_label}</td>
                            <td></td>
                            <td></td>
                            <td class="num"><input type="text" class="num" data-testid="einvoice-vendor-amount"
                                prop:value=move || s.vendor_amount.get()
                                on:input=move |e| s.vendor_amount.set(event_target_value(&e)) /></td>
                            <td class="hint">{move || i18n.t(T::VendorLine)}</td>
                        </tr>
                        {lines.into_iter().enumerate().map(|(i, l)| {
                            let codes = codes.clone();
                            let hint = match (l.source, l.code_missing) {
                                (_, true) => T::CodeMissing,
                                (AccountSource::Remembered, _) => T::Remembered,
                                (AccountSource::General, _) => T::General,
                                (AccountSource::None, _) => T::Choose,
                            };
                            let label = l.label.clone();
                            view! {
                                <tr data-testid="einvoice-line" data-line=i>
                                    <td><input type="text" data-testid="einvoice-line-account" size="8"
                                        prop:value=move || l.account.get()
                                        on:input=move |e| l.account.set(event_target_value(&e)) /></td>
                                    <td><select data-testid="einvoice-line-tax"
                                        on:change=move |e| l.tax_code.set(event_target_value(&e))>
                                        <option value="" selected=l.tax_code.get_untracked().is_empty()>{move || i18n.t(T::NoTax)}</option>
                                        {codes.into_iter().map(|(code, de, en)| {
                                            let selected = l.tax_code.get_untracked() == code;
                                            let name = move || if i18n.lang() == crate::ui::i18n::Lang::De { de.clone() } else { en.clone() };
                                            view! { <option value=code.clone() selected=selected>{name}</option> }
                                        }).collect_view()}
                                    </select></td>
                                    <td class="num"><input type="text" class="num" data-testid="einvoice-line-net"
                                        prop:value=move || l.net.get()
                                        on:input=move |e| l.net.set(event_target_value(&e)) /></td>
                                    <td></td>
                                    <td class="hint">{label}" · "{move || i18n.t(hint)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(payable != gross).then(|| view! {
                <p class="hint" data-testid="einvoice-payable">{move || i18n.t(T::PayableDiffers)}" "{move || fmt_amount(payable, 2, i18n.lang())}</p>
            })}
            <button type="button" class="button primary" data-testid="einvoice-post"
                prop:disabled=move || pending.get() || right.denied() on:click=move |_| { post.dispatch(()); } title=move || right.why()>
                {move || if pending.get() { i18n.t(T::Posting) } else { i18n.t(T::Post) }}
            </button>
        </section>
    }
}
