//! Erfassungsregeln: the company's data-entry rules (`gl::entry_rules`),
//! each off, a warning the entry screen asks to confirm, or a refusal the
//! engine gives whatever screen sent the entry. Enter or Ctrl+Enter saves
//! (`GlCommand::SetEntryRules`); the engine checks the cash accounts
//! against the chart. Below, the display decimals of rates and quantities
//! (`GlCommand::SetDisplayDecimals`), a global parameter of the same page.

use leptos::prelude::*;

use crate::forms::entry_rules::{EntryRulesForm, RulesFormError};
use crate::ledger::Command;
use crate::ledger::gl::{DisplayDecimals, GlCommand, RuleMode};
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{AdminFrame, Said, now, said_box, user};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Erfassungsregeln", "Data-entry rules";
        Lead => "Was jede Buchung über den Ausgleich hinaus erfüllen muss. Jede Regel ist aus, warnt (die Erfassung fragt nach) oder lehnt ab – in der Buchungslogik, gleich aus welcher Maske gebucht wird. Buchungen, die Kontor selbst ableitet (Zahlungen, Abschluss, Daueraufträge), prüft nur die Kassenregel.", "What every entry must meet beyond balancing. Each rule is off, warns (the entry screen asks) or refuses – in the engine, whichever screen posts. Entries Kontor derives itself (payments, closing, standing entries) are checked by the cash rule only.";
        DateWindow => "Buchungsdatum", "Posting date";
        DateWindowHelp => "Höchstens so viele Tage vor oder nach dem Erfassungstag; leer heißt: keine Grenze.", "At most this many days before or after the day of entry; empty means no limit.";
        DaysBack => "Tage zurück", "Days back";
        DaysAhead => "Tage voraus", "Days ahead";
        Reference => "Belegnummer Pflicht", "Reference required";
        DocumentDate => "Belegdatum Pflicht", "Document date required";
        Cash => "Kein negativer Kassenbestand", "No negative cash";
        CashAccounts => "Kassenkonten", "Cash accounts";
        CashHelp => "Kontonummern, durch Komma getrennt; eine Einzahlung in eine Kasse, die schon im Minus steht, bleibt erlaubt.", "Account numbers separated by commas; a receipt into a cash box already below zero stays allowed.";
        Off => "aus", "off";
        Warn => "warnen", "warn";
        Refuse => "ablehnen", "refuse";
        Save => "Speichern", "Save";
        Saved => "Erfassungsregeln gespeichert.", "Data-entry rules saved.";
        NotANumber => "ist keine Anzahl Tage.", "is not a number of days.";
        NotAnAccount => "ist keine Kontonummer.", "is not an account number.";
        Keys => "Enter oder Strg+Enter speichert.", "Enter or Ctrl+Enter saves.";
        Display => "Anzeige-Nachkommastellen", "Display decimals";
        DisplayHelp => "Mindestens so viele Nachkommastellen zeigen Kurse und Mengen; ein Wert mit mehr zeigt alle (ein gerundet angezeigter Kurs wäre nicht der gebuchte). Beträge haben die Stellen ihrer Währung.", "Rates and quantities show at least this many decimals; a value with more shows them all (a rate rounded on screen would not be the one posted). Amounts have their currency's decimals.";
        Rates => "Kurse", "Rates";
        Quantities => "Mengen", "Quantities";
        DisplaySaved => "Anzeige-Nachkommastellen gespeichert.", "Display decimals saved.";
        NotDecimals => "ist keine Anzahl Nachkommastellen.", "is not a number of decimals.";
    }
}

const MODES: [(RuleMode, &str, T); 3] = [
    (RuleMode::Off, "off", T::Off),
    (RuleMode::Warn, "warn", T::Warn),
    (RuleMode::Refuse, "refuse", T::Refuse),
];

#[component]
pub fn EntryRulesPage() -> impl IntoView {
    view! {
        <AdminFrame page="entry-rules" title=T::Title lead=T::Lead>
            <EntryRulesBody />
        </AdminFrame>
    }
}

#[component]
fn EntryRulesBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let stored = app
        .with_book(|b| b.gl().entry_rules().clone())
        .unwrap_or_default();
    let form = RwSignal::new(EntryRulesForm::of(&stored));
    let said = RwSignal::new(None::<Said<T>>);
    let save = Action::new_local(move |_: &()| async move {
        said.set(None);
        let rules = match form.get_untracked().rules() {
            Ok(rules) => rules,
            Err(RulesFormError::DaysBack(t) | RulesFormError::DaysAhead(t)) => {
                return said.set(Some(Said::Typed(t, T::NotANumber)));
            }
            Err(RulesFormError::CashAccount(t)) => {
                return said.set(Some(Said::Typed(t, T::NotAnAccount)));
            }
        };
        let Some(at) = now() else { return };
        let command = GlCommand::SetEntryRules {
            rules,
            by: user(),
            at,
        };
        match app.execute(Command::Gl(command)).await {
            Ok(_) => said.set(Some(Said::Plain(T::Saved))),
            Err(e) => said.set(Some(Said::Session(e))),
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() && ev.key() == "Enter" {
            ev.prevent_default();
            save.dispatch(());
        }
    };
    let days = move |label: T, id: &'static str, back: bool| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input type="text" inputmode="numeric" size="5" data-testid=id
                    prop:value=move || form.with(|f| if back { f.days_back.clone() } else { f.days_ahead.clone() })
                    on:input=move |ev| form.update(|f| {
                        let v = event_target_value(&ev);
                        if back { f.days_back = v } else { f.days_ahead = v }
                    }) />
            </label>
        }
    };
    view! {
        <form class="entry-rules" data-testid="entry-rules" on:keydown=on_key
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <fieldset>
                <legend>{move || i18n.t(T::DateWindow)}</legend>
                <ModePicker id="rule-date-window" label=T::DateWindow form=form
                    get=|f| f.date_window set=|f, m| f.date_window = m />
                {days(T::DaysBack, "rule-days-back", true)}
                {days(T::DaysAhead, "rule-days-ahead", false)}
                <p class="muted small">{move || i18n.t(T::DateWindowHelp)}</p>
            </fieldset>
            <fieldset>
                <ModePicker id="rule-reference" label=T::Reference form=form
                    get=|f| f.reference set=|f, m| f.reference = m />
                <ModePicker id="rule-document-date" label=T::DocumentDate form=form
                    get=|f| f.document_date set=|f, m| f.document_date = m />
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t(T::Cash)}</legend>
                <ModePicker id="rule-cash" label=T::Cash form=form
                    get=|f| f.cash_negative set=|f, m| f.cash_negative = m />
                <label class="field">
                    <span>{move || i18n.t(T::CashAccounts)}</span>
                    <input type="text" data-testid="rule-cash-accounts"
                        prop:value=move || form.with(|f| f.cash_accounts.clone())
                        on:input=move |ev| form.update(|f| f.cash_accounts = event_target_value(&ev)) />
                </label>
                <p class="muted small">{move || i18n.t(T::CashHelp)}</p>
            </fieldset>
            <div class="actions">
                <SaveButton testid="rules-save" pending=move || save.pending().get()>{move || i18n.t(T::Save)}</SaveButton>
                <span class="muted small">{move || i18n.t(T::Keys)}</span>
            </div>
            {said_box(said, T::Saved, "rules-saved")}
        </form>
        <DisplayForm />
    }
}

/// The display decimals of rates and quantities.
#[component]
fn DisplayForm() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let stored = app.display_decimals();
    let rates = RwSignal::new(stored.rates.to_string());
    let quantities = RwSignal::new(stored.quantities.to_string());
    let said = RwSignal::new(None::<Said<T>>);
    let save = Action::new_local(move |_: &()| async move {
        said.set(None);
        let typed = |text: RwSignal<String>| {
            let t = text.get_untracked();
            t.trim().parse::<u32>().map_err(|_| t)
        };
        let decimals = match (typed(rates), typed(quantities)) {
            (Ok(rates), Ok(quantities)) => DisplayDecimals { rates, quantities },
            (Err(t), _) | (_, Err(t)) => return said.set(Some(Said::Typed(t, T::NotDecimals))),
        };
        let Some(at) = now() else { return };
        let command = GlCommand::SetDisplayDecimals {
            decimals,
            by: user(),
            at,
        };
        match app.execute(Command::Gl(command)).await {
            Ok(_) => said.set(Some(Said::Plain(T::DisplaySaved))),
            Err(e) => said.set(Some(Said::Session(e))),
        }
    });
    let field = move |label: T, id: &'static str, value: RwSignal<String>| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input type="text" inputmode="numeric" size="3" data-testid=id
                    prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <form class="entry-rules" data-testid="display-decimals"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <fieldset>
                <legend>{move || i18n.t(T::Display)}</legend>
                {field(T::Rates, "display-rates", rates)}
                {field(T::Quantities, "display-quantities", quantities)}
                <p class="muted small">{move || i18n.t(T::DisplayHelp)}</p>
            </fieldset>
            <div class="actions">
                <SaveButton testid="display-save" pending=move || save.pending().get()>{move || i18n.t(T::Save)}</SaveButton>
            </div>
            {said_box(said, T::DisplaySaved, "display-saved")}
        </form>
    }
}

/// One rule's mode as a select.
#[component]
fn ModePicker(
    id: &'static str,
    label: T,
    form: RwSignal<EntryRulesForm>,
    get: fn(&EntryRulesForm) -> RuleMode,
    set: fn(&mut EntryRulesForm, RuleMode),
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field">
            <span>{move || i18n.t(label)}</span>
            <select data-testid=id
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((mode, _, _)) = MODES.iter().find(|(_, slug, _)| *slug == v) {
                        form.update(|f| set(f, *mode));
                    }
                }>
                {MODES.iter().map(|&(mode, slug, text)| view! {
                    <option value=slug selected=move || form.with(|f| get(f) == mode)>
                        {move || i18n.t(text)}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}
