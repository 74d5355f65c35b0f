//! The business partner (Geschäftspartner) at `/master-data/partners/new`
//! and `/master-data/partners/:code`: the master-data form (create and
//! edit), and for a stored partner its price list and discount group, its
//! open items and its change history.
//! Saving runs `CreatePartner` / `UpdatePartner`; a refusal is shown next
//! to the field it names (`form::slot_of`), nothing stored. There is no
//! delete: a partner is deactivated (the engine keeps partners with
//! postings for good).

mod dunning;
mod form;
mod history;
mod items;
mod pricing;
mod sections;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::formats::country::label_of;
use crate::ledger::Command;
use crate::ledger::partners::{PartnerKind, PartnersCommand};
use crate::ledger::types::{PartnerCode, Timestamp};
use crate::session::SessionError;
use crate::texts;
use crate::ui::components::{NoCompany, focus};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::{AppState, use_app};

use form::{Form, Slot, next_code, slot_of};

texts! {
    pub enum T {
        Back => "← Geschäftspartner", "← Business partners";
        NewTitle => "Neuer Geschäftspartner", "New business partner";
        Unknown => "Diesen Geschäftspartner gibt es nicht.", "This business partner does not exist.";
        Lead => "Stammdaten des Kunden oder Lieferanten. Enter speichert. Geschäftspartner werden nie gelöscht, sondern deaktiviert.", "Master data of the customer or vendor. Enter saves. Business partners are never deleted, only deactivated.";
        Master => "Stammdaten", "Master data";
        Code => "Nummer", "Code";
        Kind => "Art", "Kind";
        Customer => "Kunde", "Customer";
        Vendor => "Lieferant", "Vendor";
        Name => "Name", "Name";
        Group => "Gruppe", "Group";
        Address => "Anschrift", "Address";
        Street => "Straße", "Street";
        House => "Hausnr.", "House no.";
        Postcode => "PLZ", "Postcode";
        Town => "Ort", "Town";
        Tax => "Steuer und Kontakt", "Tax and contact";
        VatId => "USt-IdNr.", "VAT ID";
        TaxNumber => "Steuernummer", "Tax number";
        Person => "Ansprechpartner", "Contact person";
        Phone => "Telefon", "Phone";
        Email => "E-Mail", "E-mail";
        Language => "Sprache der Briefe", "Language of letters";
        German => "Deutsch", "German";
        English => "Englisch", "English";
        Banks => "Bankverbindungen", "Bank accounts";
        Iban => "IBAN", "IBAN";
        Bic => "BIC", "BIC";
        Holder => "Kontoinhaber", "Account holder";
        Default => "Standard", "Default";
        AddBank => "Bankverbindung hinzufügen", "Add bank account";
        Remove => "Entfernen", "Remove";
        Accounting => "Buchhaltung und Zahlung", "Accounting and payment";
        Control => "Sammelkonto", "Control account";
        ControlDefault => "leer: aus der Sachkontenfindung", "empty: from G/L determination";
        Currency => "Währung", "Currency";
        Local => "Hauswährung", "Local currency";
        AllCurrencies => "Alle Währungen", "All currencies";
        Foreign => "Eine Fremdwährung:", "One foreign currency:";
        Terms => "Zahlungsbedingung", "Payment terms";
        NoTerms => "– keine (fällig sofort) –", "– none (due at once) –";
        Method => "Zahlungsweg", "Payment method";
        Transfer => "Überweisung", "Transfer";
        DirectDebit => "Lastschrift", "Direct debit";
        Cash => "Bar", "Cash";
        Check => "Scheck", "Check";
        Card => "Karte", "Card";
        Block => "Zahlungssperre", "Payment block";
        Credit => "Kreditlimit", "Credit limit";
        Commitment => "Obligo-Limit", "Commitment limit";
        Dunning => "Mahnverfahren", "Dunning term";
        Mandate => "SEPA-Lastschriftmandat", "SEPA direct-debit mandate";
        MandateId => "Mandatsreferenz", "Mandate reference";
        MandateSigned => "Unterschrieben am", "Signed on";
        Recurring => "Folgelastschrift (sonst Erstlastschrift)", "Recurring (else first) debit";
        Remarks => "Bemerkungen", "Remarks";
        Active => "Aktiv", "Active";
        Create => "Anlegen", "Create";
        Save => "Speichern", "Save";
        Saving => "Wird gespeichert …", "Saving …";
        Created => "Geschäftspartner angelegt:", "Business partner created:";
        Saved => "Geschäftspartner gespeichert:", "Business partner saved:";
        Posted => "Hat Buchungen: Sammelkonto und Währung sind fest.", "Has postings: control account and currency are fixed.";
        BadCode => "ist keine gültige Nummer.", "is not a valid code.";
        BadCountry => "ist kein Land der Liste.", "is not a country of the list.";
        BadAccount => "ist keine gültige Kontonummer.", "is not a valid account number.";
        BadCurrency => "ist kein bekannter Währungscode.", "is not a known currency code.";
        BadAmount => "ist kein gültiger Betrag.", "is not a valid amount.";
        BadDate => "ist kein gültiges Datum.", "is not a valid date.";
        History => "Änderungshistorie", "Change history";
        When => "Wann", "When";
        Who => "Wer", "Who";
        Field => "Feld", "Field";
        Old => "Alt", "Old";
        New => "Neu", "New";
        CreatedBy => "Angelegt von", "Created by";
        NoChanges => "Noch keine Änderungen.", "No changes yet.";
        OpenItems => "Offene Posten", "Open items";
        NoItems => "Keine offenen Posten.", "No open items.";
        Reference => "Beleg", "Reference";
        DocDate => "Belegdatum", "Document date";
        DueDate => "Fällig", "Due";
        Overdue => "Tage überfällig", "Days overdue";
        Amount => "Betrag", "Amount";
        Open => "Offen", "Open";
        MoreItems => "weitere – vollständig im Bericht Offene Posten", "more – all of them in the open items report";
        DunningCard => "Mahnungen", "Dunning";
        HighestLevel => "Höchste Mahnstufe offener Posten:", "Highest dunning level of open items:";
        DunningRun => "Mahnlauf", "Dunning run";
        DunningDate => "Datum", "Date";
        DunningLevel => "Stufe", "Level";
        DunningTotal => "Betrag", "Amount";
        DunningHint => "Die Mahnstufe jedes Postens steht in seinem Verlauf; ein neuer Mahnlauf setzt auf der erreichten Stufe auf.", "Each item keeps the levels it reached; the next run continues from there.";
    }
}

/// Who changes master data: local users come with the authorisation
/// issue; until then every change records "kontor", as postings do.
fn user_name() -> String {
    "kontor".to_string()
}

/// The browser's clock as the change's time stamp.
fn now() -> Timestamp {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    Timestamp::from_unix_seconds(seconds)
        .unwrap_or(Timestamp::at_midnight(crate::ui::components::today()))
}

#[component]
pub fn PartnerPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let code = Memo::new(move |_| {
        params
            .get()
            .get("code")
            .and_then(|c| PartnerCode::parse(&c).ok())
    });
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page master-page partner-page" data-page="partner">
            <a href="/master-data/partners" class="back-link">{move || i18n.t(T::Back)}</a>
            {move || match (open.get(), code.get()) {
                (false, _) => view! { <NoCompany /> }.into_any(),
                (true, code) => view! { <PartnerBody code=code /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn PartnerBody(code: Option<PartnerCode>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let form = Form::new();
    let known = fill(app, form, code, i18n.lang_untracked());
    if code.is_some() && !known {
        return view! { <p class="notice" data-testid="partner-unknown">{move || i18n.t(T::Unknown)}</p> }
            .into_any();
    }
    let error = RwSignal::new(None::<(Slot, String)>);
    let notice = RwSignal::new(None::<(T, String)>);
    let navigate = StoredValue::new_local(use_navigate());
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        notice.set(None);
        match save_partner(app, form, lang).await {
            Ok((created, code)) => {
                error.set(None);
                let what = if created { T::Created } else { T::Saved };
                notice.set(Some((what, code.clone())));
                if created {
                    navigate.with_value(|n| {
                        n(&format!("/master-data/partners/{code}"), Default::default())
                    });
                }
            }
            Err(e) => error.set(Some(e)),
        }
    });
    view! {
        <h1 data-testid="partner-title">{move || match form.editing.get() {
            Some(c) => format!("{c} {}", form.name.get()),
            None => i18n.t(T::NewTitle).to_string(),
        }}</h1>
        <p class="lead">{move || i18n.t(T::Lead)}</p>
        <sections::PartnerForm form=form save=save error=error notice=notice />
        {code.map(|code| view! {
            <pricing::PartnerPrices code=code />
            <items::PartnerItems code=code />
            <dunning::PartnerDunning code=code />
            <history::PartnerHistory code=code />
        })}
    }
    .into_any()
}

/// Fills the form: the stored partner, or an empty one with the next free
/// code (`?kind=vendor` starts a vendor). False if `code` is unknown.
fn fill(app: AppState, form: Form, code: Option<PartnerCode>, lang: Lang) -> bool {
    let kind = match use_query_map().get_untracked().get("kind").as_deref() {
        Some("vendor") => PartnerKind::Vendor,
        _ => PartnerKind::Customer,
    };
    untrack(|| {
        app.with_book(|book| match code {
            Some(code) => match book.partner(code) {
                Some(p) => {
                    form.load(p, lang);
                    true
                }
                None => false,
            },
            None => {
                form.kind.set(kind);
                form.code.set(next_code(book, kind));
                form.country.set(label_of("DE", lang == Lang::De));
                true
            }
        })
        .unwrap_or(false)
    })
}

/// Reads, checks and stores the form; `(created, code)` or the field to
/// blame with its sentence.
async fn save_partner(
    app: AppState,
    form: Form,
    lang: Lang,
) -> Result<(bool, String), (Slot, String)> {
    let partner = Box::new(form.read(lang)?);
    let code = partner.code.to_string();
    let editing = form.editing.get_untracked().is_some();
    let (by, at) = (user_name(), now());
    let cmd = if editing {
        PartnersCommand::UpdatePartner { partner, by, at }
    } else {
        PartnersCommand::CreatePartner { partner, by, at }
    };
    match app.execute(Command::Partners(cmd)).await {
        Ok(_) => Ok((!editing, code)),
        Err(e) => {
            let slot = match &e {
                SessionError::Domain(d) => slot_of(d),
                _ => Slot::Form,
            };
            focus_slot(slot);
            Err((slot, session_error(&e, lang)))
        }
    }
}

/// Moves the focus to the first input of the field to blame.
fn focus_slot(slot: Slot) {
    use wasm_bindgen::JsCast;
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("[data-slot=\"{slot:?}\"] input"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    focus(&el);
}
