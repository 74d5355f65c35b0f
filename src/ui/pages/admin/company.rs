//! Firmendaten: the company's details (name, address, country, tax ids),
//! changed through the engine's `UpdateCompanyDetails` command; the
//! settings fixed at setup (currencies, decimals, fiscal calendar, chart:
//! every posted amount and period depends on them), read-only; and the
//! name in this browser's company list, which can be renamed.

use leptos::prelude::*;

use crate::formats::country::label_of;
use crate::forms::company::{DetailsForm, vat_id_of};
use crate::ledger::Command;
use crate::ledger::gl::ChartTemplate;
use crate::ledger::gl::GlCommand;
use crate::ledger::gl::{CompanyDetails, Settings};
use crate::ledger::types::PeriodLayout;
use crate::texts;
use crate::ui::components::AdminFrame;
use crate::ui::components::SaveButton;
use crate::ui::components::{CountryPicker, ErrorBox};
use crate::ui::errors::{details_form_error, session_error, store_error};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Firmendaten", "Company details";
        Lead => "Firmendaten pflegen; Währungen, Geschäftsjahr und Kontenrahmen sind seit der Einrichtung fest.", "Keep the company's details; currencies, fiscal year and chart are fixed since setup.";
        Save => "Firmendaten speichern", "Save company details";
        Saved => "Firmendaten gespeichert.", "Company details saved.";
        Unchanged => "Keine Änderung.", "Nothing changed.";
        DetailsHint => "Enter speichert. Die Änderung wird im Journal protokolliert; frühere Stände bleiben nachvollziehbar.", "Enter saves. The change is recorded in the log; earlier versions stay traceable.";
        ListName => "Name in der Mandantenliste", "Name in the company list";
        ListNameHint => "Unter diesem Namen erscheint der Mandant auf der Startseite und in der Statusleiste. Er lässt sich jederzeit ändern.", "The company appears under this name on the start page and in the status bar. It can change at any time.";
        Rename => "Umbenennen", "Rename";
        Renamed => "Der Mandant heißt jetzt", "The company is now called";
        Identity => "Firma", "Company";
        Name => "Firmenname", "Company name";
        Address => "Anschrift", "Address";
        VatId => "USt-IdNr.", "VAT ID";
        TaxNumber => "Steuernummer", "Tax number";
        Money => "Währung und Beträge", "Currency and amounts";
        Lc => "Hauswährung", "Local currency";
        Sc => "Systemwährung", "System currency";
        Decimals => "Nachkommastellen für Beträge", "Decimals of amounts";
        Calendar => "Geschäftsjahr und Kontenrahmen", "Fiscal year and chart";
        YearStart => "Beginn des Geschäftsjahres", "Fiscal year starts";
        Layout => "Periodeneinteilung", "Period layout";
        Monthly => "12 Monate", "12 months";
        Quarterly => "4 Quartale", "4 quarters";
        OpenYears => "Eröffnete Geschäftsjahre", "Open fiscal years";
        Chart => "Kontenrahmen", "Chart of accounts";
        Skr03 => "SKR03 (Prozessgliederung)", "SKR03 (process structure)";
        Skr04 => "SKR04 (Abschlussgliederung)", "SKR04 (balance-sheet structure)";
        Generic => "Einfacher Kontenrahmen (IFRS-nah)", "Simple chart (IFRS-like)";
        Empty => "–", "–";
        FixedTitle => "Was sich ändern lässt", "What can change";
        Fixed => "Hauswährung, Systemwährung, Nachkommastellen, Geschäftsjahresbeginn, Periodeneinteilung und Kontenrahmen sind endgültig: Jeder gebuchte Betrag und jede Periode beruht auf ihnen.", "Local and system currency, decimals, fiscal-year start, period layout and chart template are final: every posted amount and period rests on them.";
        Changeable => "Jederzeit änderbar: die Firmendaten und der Name in der Mandantenliste (oben), Buchungsperioden, Wechselkurse, Sachkontenfindung und der Kontenplan.", "Changeable at any time: the company details and the name in the company list (above), posting periods, exchange rates, G/L account determination and the chart of accounts.";
    }
}

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[component]
pub fn CompanyDetailsPage() -> impl IntoView {
    view! {
        <AdminFrame page="company" title=T::Title lead=T::Lead>
            <CompanyBody />
        </AdminFrame>
    }
}

#[component]
fn CompanyBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let settings = Memo::new(move |_| app.with_book(|b| Some(b.settings().clone())).flatten());
    let has_settings = Memo::new(move |_| settings.with(Option::is_some));
    let years = Memo::new(move |_| {
        app.with_book(|b| {
            b.calendar()
                .fiscal_years()
                .map(|fy| fy.year)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <RenameForm />
        // Keyed on "a company is loaded" only, so saving (which changes the
        // settings) keeps the editor and its notice instead of rebuilding it.
        {move || has_settings.get().then(|| {
            let details = settings.get_untracked().map(|s| s.details());
            details.map(|d| view! { <DetailsEditor details=d /> })
        })}
        {move || settings.get().map(|s| view! { <SettingsView settings=s years=years /> })}
        <aside class="admin-help company-rules" data-testid="what-can-change">
            <h2>{move || i18n.t(T::FixedTitle)}</h2>
            <p>{move || i18n.t(T::Changeable)}</p>
            <p>{move || i18n.t(T::Fixed)}</p>
        </aside>
    }
}

/// The registry name (Mandantenliste), renamed through `rename_company`.
#[component]
fn RenameForm() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = RwSignal::new(
        app.company
            .get_untracked()
            .map(|c| c.name)
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let rename = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        let Some(company) = app.company.get_untracked() else {
            return;
        };
        match app.rename_company(&company.id, &name.get_untracked()).await {
            Ok(()) => {
                let now = app
                    .company
                    .get_untracked()
                    .map(|c| c.name)
                    .unwrap_or_default();
                name.set(now.clone());
                notice.set(Some(format!(
                    "{} „{now}“.",
                    crate::ui::i18n::Text::text(T::Renamed, lang)
                )));
            }
            Err(e) => error.set(Some(store_error(&e, lang))),
        }
    });
    view! {
        <form class="form" data-testid="rename-form" on:submit=move |ev| { ev.prevent_default(); rename.dispatch(()); }>
            <fieldset>
                <legend>{move || i18n.t(T::ListName)}</legend>
                <div class="field-row inline-submit">
                    <label class="field">
                        <span>{move || i18n.t(T::ListName)}</span>
                        <input type="text" id="company-list-name" required
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    </label>
                    <SaveButton testid="rename-company" pending=move || rename.pending().get()>
                        {move || i18n.t(T::Rename)}
                    </SaveButton>
                </div>
                <p class="muted small">{move || i18n.t(T::ListNameHint)}</p>
                <ErrorBox message=Signal::derive(move || error.get()) />
                <Show when=move || notice.get().is_some()>
                    <div class="success-box" role="status">{move || notice.get()}</div>
                </Show>
            </fieldset>
        </form>
    }
}

/// The editable Firmendaten: one form, saved as one command.
#[component]
fn DetailsEditor(details: CompanyDetails) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let current = StoredValue::new(details.clone());
    let form = RwSignal::new(DetailsForm::from_details(&details));
    // The country as the picker shows it ("Deutschland (DE)"); the form
    // takes it on save.
    let country = RwSignal::new(label_of(&details.country, i18n.is_de()));
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<T>);
    let vat_error = Memo::new(move |_| {
        let text = form.with(|f| f.vat_id.clone());
        if text.trim().is_empty() {
            None
        } else {
            vat_id_of(&text).err()
        }
    });
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        let typed = DetailsForm {
            country: country.get_untracked(),
            ..form.get_untracked()
        };
        let details = match typed.to_details() {
            Ok(d) => d,
            Err(e) => {
                error.set(Some(details_form_error(&e, lang)));
                return;
            }
        };
        if details == current.get_value() {
            notice.set(Some(T::Unchanged));
            return;
        }
        match app
            .execute(Command::Gl(GlCommand::UpdateCompanyDetails {
                details: details.clone(),
            }))
            .await
        {
            Ok(_) => {
                form.set(DetailsForm::from_details(&details));
                country.set(label_of(
                    &details.country,
                    lang == crate::ui::i18n::Lang::De,
                ));
                current.set_value(details);
                notice.set(Some(T::Saved));
            }
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    // One text input bound to one field of the form.
    let input = move |label: T,
                      id: &'static str,
                      required: bool,
                      get: fn(&DetailsForm) -> &String,
                      set: fn(&mut DetailsForm, String)| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input type="text" id=id data-testid=id required=required
                    prop:value=move || form.with(|f| get(f).clone())
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
            </label>
        }
    };
    view! {
        <form class="form" data-testid="details-form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <fieldset>
                <legend>{move || i18n.t(T::Identity)}</legend>
                {input(T::Name, "details-name", true, |f| &f.name, |f, v| f.name = v)}
                <label class="field">
                    <span>{move || i18n.t(T::Address)}</span>
                    <textarea id="details-address" data-testid="details-address" rows="3"
                        prop:value=move || form.with(|f| f.address.clone())
                        on:input=move |ev| form.update(|f| f.address = event_target_value(&ev))></textarea>
                </label>
                <div class="field-row">
                    <CountryPicker value=country id="details-country" />
                    <label class="field" class:invalid=move || vat_error.get().is_some()>
                        <span>{move || i18n.t(T::VatId)}</span>
                        <input type="text" id="details-vat-id" data-testid="details-vat-id" placeholder="DE123456788"
                            prop:value=move || form.with(|f| f.vat_id.clone())
                            on:input=move |ev| form.update(|f| f.vat_id = event_target_value(&ev)) />
                        {move || vat_error.get().map(|e| view! {
                            <small class="field-error">{move || details_form_error(&e, i18n.lang())}</small>
                        })}
                    </label>
                    {input(T::TaxNumber, "details-tax-number", false, |f| &f.tax_number, |f, v| f.tax_number = v)}
                </div>
                <div class="actions">
                    <SaveButton testid="save-details" pending=move || save.pending().get()>
                        {move || i18n.t(T::Save)}
                    </SaveButton>
                    <span class="muted small">{move || i18n.t(T::DetailsHint)}</span>
                </div>
                <ErrorBox message=Signal::derive(move || error.get()) />
                <Show when=move || notice.get().is_some()>
                    <div class="success-box" role="status" data-testid="details-saved">{move || notice.get().map(|t| i18n.t(t))}</div>
                </Show>
            </fieldset>
        </form>
    }
}

#[component]
fn SettingsView(settings: Settings, years: Memo<Vec<i32>>) -> impl IntoView {
    let i18n = use_i18n();
    let s = StoredValue::new(settings);
    // One read-only fact: label and value, both reactive to the language.
    let fact = move |label: T, id: &'static str, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <div class="fact">
                <dt>{move || i18n.t(label)}</dt>
                <dd data-fact=id>{move || {
                    let v = value();
                    if v.trim().is_empty() { i18n.t(T::Empty).to_string() } else { v }
                }}</dd>
            </div>
        }
    };
    let text = move |f: fn(&Settings) -> String| {
        Box::new(move || s.with_value(f)) as Box<dyn Fn() -> String + Send + Sync>
    };
    view! {
        <div class="settings-grid" data-testid="company-settings">
            <section class="fact-card">
                <h2>{move || i18n.t(T::Money)}</h2>
                <dl class="facts">
                    {fact(T::Lc, "lc", text(|s| s.lc.to_string()))}
                    {fact(T::Sc, "sc", text(|s| s.sc.to_string()))}
                    {fact(T::Decimals, "decimals", text(|s| s.amount_decimals.to_string()))}
                </dl>
            </section>
            <section class="fact-card">
                <h2>{move || i18n.t(T::Calendar)}</h2>
                <dl class="facts">
                    {fact(T::YearStart, "year-start", Box::new(move || {
                        let m = s.with_value(|s| s.fiscal_year_start_month).clamp(1, 12) as usize - 1;
                        (if i18n.is_de() { MONTHS_DE[m] } else { MONTHS_EN[m] }).to_string()
                    }))}
                    {fact(T::Layout, "layout", Box::new(move || i18n.t(match s.with_value(|s| s.period_layout) {
                        PeriodLayout::Monthly => T::Monthly,
                        PeriodLayout::Quarterly => T::Quarterly,
                    }).to_string()))}
                    {fact(T::OpenYears, "years", Box::new(move || {
                        years.get().iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                    }))}
                    {fact(T::Chart, "chart", Box::new(move || i18n.t(match s.with_value(|s| s.chart) {
                        ChartTemplate::Skr03 => T::Skr03,
                        ChartTemplate::Skr04 => T::Skr04,
                        ChartTemplate::Generic => T::Generic,
                    }).to_string()))}
                </dl>
            </section>
        </div>
    }
}
