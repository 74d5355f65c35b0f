//! The item (Artikel) at `/master-data/items/new` and
//! `/master-data/items/:code`: the master-data form (create and edit),
//! and for a stored item its prices per list and its change history.
//! Ctrl+Enter (or Enter in a field) saves with `SaveItem`; a refusal is
//! shown next to the field it names (`form::slot_of`), nothing stored.
//! There is no delete: an item is deactivated.

mod form;
mod history;
mod prices;
mod sections;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::ledger::Command;
use crate::ledger::items::{ItemsCommand, ItemsError};
use crate::session::SessionError;
use crate::texts;
use crate::ui::components::{NoCompany, focus, now, user};
use crate::ui::errors::{items_error, session_error};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::{AppState, use_app};

use form::{Form, Slot, slot_of};

texts! {
    pub enum T {
        Back => "← Artikel", "← Items";
        NewTitle => "Neuer Artikel", "New item";
        Unknown => "Diesen Artikel gibt es nicht.", "This item does not exist.";
        Lead => "Stammdaten des Artikels. Strg+Enter speichert. Leere Konten und Steuerkennzeichen kommen aus der Artikelgruppe. Artikel werden nie gelöscht, sondern deaktiviert.", "Master data of the item. Ctrl+Enter saves. Empty accounts and tax codes come from the item group. Items are never deleted, only deactivated.";
        Master => "Stammdaten", "Master data";
        Code => "Artikelnummer", "Item code";
        DescriptionDe => "Bezeichnung (deutsch)", "Description (German)";
        DescriptionEn => "Bezeichnung (englisch)", "Description (English)";
        Group => "Artikelgruppe", "Item group";
        NoGroups => "– erst eine Artikelgruppe anlegen –", "– create an item group first –";
        Unit => "Mengeneinheit", "Unit of measure";
        Sales => "Verkaufsartikel", "Sales item";
        Purchase => "Einkaufsartikel", "Purchase item";
        Price => "Standardpreis", "Default price";
        PriceHint => "Standardpreis: in Hauswährung; er gilt auf einer Basispreisliste, die für den Artikel keinen eigenen Preis hat.", "Default price: in local currency; it applies on a base price list that has no price of its own for the item.";
        Active => "Aktiv", "Active";
        Accounts => "Konten und Steuer", "Accounts and tax";
        AccountsHint => "leer: aus der Artikelgruppe (grau vorgeschlagen)", "empty: from the item group (shown in grey)";
        Remarks => "Bemerkungen", "Remarks";
        Create => "Anlegen", "Create";
        Save => "Speichern (Strg+Enter)", "Save (Ctrl+Enter)";
        Saving => "Wird gespeichert …", "Saving …";
        Created => "Artikel angelegt:", "Item created:";
        Saved => "Artikel gespeichert:", "Item saved:";
        BadUnit => "ist keine Mengeneinheit der Liste.", "is not a unit of the list.";
        BadAmount => "ist kein gültiger Betrag (höchstens 4 Nachkommastellen).", "is not a valid amount (at most 4 decimals).";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts gespeichert.", "The browser's clock gives no valid time; nothing was saved.";
        Prices => "Preise", "Prices";
        List => "Preisliste", "Price list";
        ListPrice => "Preis", "Price";
        Currency => "Währung", "Currency";
        Source => "Herkunft", "Source";
        HandSet => "von Hand gesetzt", "set by hand";
        OwnPrice => "Preis der Liste", "price of the list";
        Derived => "abgeleitet", "derived";
        ItemDefault => "Standardpreis des Artikels", "item's default price";
        NoLists => "Noch keine Preislisten.", "No price lists yet.";
        History => "Änderungshistorie", "Change history";
        When => "Wann", "When";
        Who => "Wer", "Who";
        Field => "Feld", "Field";
        Old => "Alt", "Old";
        New => "Neu", "New";
        CreatedBy => "Angelegt von", "Created by";
        NoChanges => "Noch keine Änderungen.", "No changes yet.";
        RevenueWord => "Erlöse", "Revenue";
        ExpenseWord => "Aufwand", "Expense";
        SalesTaxWord => "StKz VK", "Sales tax";
        PurchaseTaxWord => "StKz EK", "Purchase tax";
    }
}

#[component]
pub fn ItemPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let code = Memo::new(move |_| params.get().get("code"));
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page master-page item-page" data-page="item">
            <a href="/master-data/items" class="back-link">{move || i18n.t(T::Back)}</a>
            {move || match (open.get(), code.get()) {
                (false, _) => view! { <NoCompany /> }.into_any(),
                (true, code) => view! { <ItemBody code=code /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ItemBody(code: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let form = Form::new();
    if !fill(app, form, code.as_deref(), i18n.lang_untracked()) {
        return view! { <p class="notice" data-testid="item-unknown">{move || i18n.t(T::Unknown)}</p> }
            .into_any();
    }
    let error = RwSignal::new(None::<(Slot, String)>);
    let notice = RwSignal::new(None::<(T, String)>);
    let navigate = StoredValue::new_local(use_navigate());
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        notice.set(None);
        match save_item(app, form, lang).await {
            Ok((created, code)) => {
                error.set(None);
                let what = if created { T::Created } else { T::Saved };
                notice.set(Some((what, code.clone())));
                if created {
                    navigate.with_value(|n| {
                        n(&format!("/master-data/items/{code}"), Default::default())
                    });
                }
            }
            Err(e) => error.set(Some(e)),
        }
    });
    let shortcut = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() && e.key() == "Enter" {
            e.prevent_default();
            save.dispatch(());
        }
    });
    on_cleanup(move || shortcut.remove());
    view! {
        <h1 data-testid="item-title">{move || match form.editing.get() {
            Some(c) => {
                let (de, en) = (form.description_de.get(), form.description_en.get());
                let text = if i18n.is_de() || en.is_empty() { de } else { en };
                format!("{c} {text}")
            }
            None => i18n.t(T::NewTitle).to_string(),
        }}</h1>
        <p class="lead">{move || i18n.t(T::Lead)}</p>
        <sections::ItemForm form=form save=save error=error notice=notice />
        {code.map(|code| view! {
            <prices::ItemPrices code=code.clone() />
            <history::ItemHistory code=code />
        })}
    }
    .into_any()
}

/// Fills the form: the stored item, or an empty one in the first group.
/// False if `code` is unknown.
fn fill(app: AppState, form: Form, code: Option<&str>, lang: Lang) -> bool {
    untrack(|| {
        app.with_book(|book| match code {
            Some(code) => match book.items().item(code) {
                Some(r) => {
                    form.load(&r.item, lang);
                    true
                }
                None => false,
            },
            None => {
                if let Some(g) = book.items().groups().next() {
                    form.group.set(g.code.clone());
                }
                true
            }
        })
        .unwrap_or(false)
    })
}

/// Reads, checks and stores the form; `(created, code)` or the field to
/// blame with its sentence.
async fn save_item(
    app: AppState,
    form: Form,
    lang: Lang,
) -> Result<(bool, String), (Slot, String)> {
    let item = Box::new(form.read(lang)?);
    let code = item.code.clone();
    let editing = form.editing.get_untracked().is_some();
    // `SaveItem` creates or replaces: a new item must not replace a stored one.
    let taken = app.with_book(|b| b.items().item(&code).is_some()) == Some(true);
    if !editing && taken {
        let e = ItemsError::ItemExists { code };
        focus_slot(Slot::Code);
        return Err((Slot::Code, items_error(&e, lang)));
    }
    let Some(at) = now() else {
        return Err((
            Slot::Form,
            crate::ui::i18n::Text::text(T::NoClock, lang).into(),
        ));
    };
    let cmd = ItemsCommand::SaveItem {
        item,
        by: user(),
        at,
    };
    match app.execute(Command::Items(cmd)).await {
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
            d.query_selector(&format!(
                "[data-slot=\"{slot:?}\"] :is(input, select, textarea)"
            ))
            .ok()
            .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    focus(&el);
}
