//! Company setup wizard (Einrichtungsassistent): everything the engine needs
//! to open a company's books — name, address, tax numbers, currencies,
//! fiscal year, period layout and chart template. Finishes on a usable
//! company with chart, periods and G/L account determination in place, or
//! on a sentence saying why not, with nothing stored (see
//! `AppState::create_company`). The country is picked from the ISO 3166
//! list (`components::CountryPicker`, shared with the company details).

use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::formats::country::label_of;
use crate::forms::company::{DetailsForm, vat_id_of};
use crate::ledger::gl::ChartTemplate;
use crate::ledger::gl::Settings;
use crate::ledger::setup::Setup;
use crate::ledger::types::Currency;
use crate::ledger::types::PeriodLayout;
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{CountryPicker, ErrorBox, today};
use crate::ui::errors::{details_form_error, session_error};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Neuen Mandanten einrichten", "Set up a new company";
        Lead => "Diese Angaben legen die Bücher an. Währungen, Geschäftsjahr und Kontenrahmen lassen sich danach nicht mehr ändern.", "These details open the books. Currencies, fiscal year and chart cannot change afterwards.";
        StepCompany => "1 · Firma", "1 · Company";
        StepMoney => "2 · Währung und Geschäftsjahr", "2 · Currency and fiscal year";
        StepChart => "3 · Kontenrahmen", "3 · Chart of accounts";
        Name => "Firmenname", "Company name";
        Address => "Anschrift", "Address";
        VatId => "USt-IdNr.", "VAT ID";
        TaxNumber => "Steuernummer", "Tax number";
        Lc => "Hauswährung", "Local currency";
        Sc => "Systemwährung", "System currency";
        StartMonth => "Beginn des Geschäftsjahres (Monat)", "Fiscal year starts (month)";
        FirstYear => "Erstes Geschäftsjahr", "First fiscal year";
        Layout => "Periodeneinteilung", "Period layout";
        Monthly => "Monate", "Months";
        Quarterly => "Quartale", "Quarters";
        Skr03 => "SKR03 (Prozessgliederung)", "SKR03 (process structure)";
        Skr04 => "SKR04 (Abschlussgliederung)", "SKR04 (balance-sheet structure)";
        Generic => "Einfacher Kontenrahmen (englisch, IFRS-nah)", "Simple chart (English, IFRS-like)";
        Submit => "Mandant anlegen", "Create company";
        Working => "Wird angelegt …", "Creating …";
        YearInvalid => "Das erste Geschäftsjahr muss eine Jahreszahl sein.", "The first fiscal year must be a year.";
    }
}

const CURRENCIES: [&str; 6] = ["EUR", "CHF", "USD", "GBP", "PLN", "SEK"];

#[component]
pub fn SetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();

    let name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let country = RwSignal::new(label_of("DE", i18n.is_de()));
    let vat_id = RwSignal::new(String::new());
    let tax_number = RwSignal::new(String::new());
    let lc = RwSignal::new("EUR".to_string());
    let sc = RwSignal::new("EUR".to_string());
    let start_month = RwSignal::new("1".to_string());
    let first_year = RwSignal::new(today().year().to_string());
    let layout = RwSignal::new("monthly".to_string());
    let chart = RwSignal::new("skr03".to_string());
    let error = RwSignal::new(None::<String>);
    let vat_error = Memo::new(move |_| {
        let text = vat_id.get();
        if text.trim().is_empty() {
            None
        } else {
            vat_id_of(&text).err()
        }
    });

    let submit = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            let lang = i18n.lang_untracked();
            error.set(None);
            let command = match setup_command(
                &name.get_untracked(),
                &address.get_untracked(),
                &country.get_untracked(),
                &vat_id.get_untracked(),
                &tax_number.get_untracked(),
                (&lc.get_untracked(), &sc.get_untracked()),
                (&start_month.get_untracked(), &first_year.get_untracked()),
                &layout.get_untracked(),
                &chart.get_untracked(),
                lang,
            ) {
                Ok(c) => c,
                Err(message) => {
                    error.set(Some(message));
                    return;
                }
            };
            match app
                .create_company(name.get_untracked().trim(), command)
                .await
            {
                Ok(()) => navigate("/financials", Default::default()),
                Err(e) => error.set(Some(session_error(&e, lang))),
            }
        }
    });

    let text_field = move |label: T, value: RwSignal<String>, id: &'static str, required: bool| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input type="text" id=id name=id required=required
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
        }
    };
    let select = move |label: T,
                       value: RwSignal<String>,
                       id: &'static str,
                       options: Vec<(String, Signal<String>)>| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <select id=id name=id on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                    {options.into_iter().map(|(v, text)| {
                        let selected = v == value.get_untracked();
                        view! { <option value=v selected=selected>{move || text.get()}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    let fixed = |s: &'static str| (s.to_string(), Signal::derive(move || s.to_string()));
    let tr = move |t: T| Signal::derive(move || i18n.t(t).to_string());
    let months: Vec<(String, Signal<String>)> = (1..=12)
        .map(|m| (m.to_string(), Signal::derive(move || m.to_string())))
        .collect();

    view! {
        <section class="page setup-page">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            <form class="form" on:submit=move |ev| { ev.prevent_default(); submit.dispatch(()); }>
                <fieldset>
                    <legend>{move || i18n.t(T::StepCompany)}</legend>
                    {text_field(T::Name, name, "company-name", true)}
                    {text_field(T::Address, address, "company-address", false)}
                    <div class="field-row">
                        <CountryPicker value=country id="company-country" />
                        <label class="field" class:invalid=move || vat_error.get().is_some()>
                            <span>{move || i18n.t(T::VatId)}</span>
                            <input type="text" id="company-vat-id" placeholder="DE123456788"
                                prop:value=move || vat_id.get() on:input=move |ev| vat_id.set(event_target_value(&ev)) />
                            {move || vat_error.get().map(|e| view! {
                                <small class="field-error">{move || details_form_error(&e, i18n.lang())}</small>
                            })}
                        </label>
                        {text_field(T::TaxNumber, tax_number, "company-tax-number", false)}
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t(T::StepMoney)}</legend>
                    <div class="field-row">
                        {select(T::Lc, lc, "company-lc", CURRENCIES.iter().map(|c| fixed(c)).collect())}
                        {select(T::Sc, sc, "company-sc", CURRENCIES.iter().map(|c| fixed(c)).collect())}
                    </div>
                    <div class="field-row">
                        {select(T::StartMonth, start_month, "company-start-month", months)}
                        {text_field(T::FirstYear, first_year, "company-first-year", true)}
                        {select(T::Layout, layout, "company-layout", vec![("monthly".into(), tr(T::Monthly)), ("quarterly".into(), tr(T::Quarterly))])}
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t(T::StepChart)}</legend>
                    {select(T::StepChart, chart, "company-chart", vec![
                        ("skr03".into(), tr(T::Skr03)),
                        ("skr04".into(), tr(T::Skr04)),
                        ("generic".into(), tr(T::Generic)),
                    ])}
                </fieldset>
                <ErrorBox message=Signal::derive(move || error.get()) />
                <div class="actions">
                    <SaveButton testid="setup-submit" pending=move || submit.pending().get()>
                        {move || i18n.t(if submit.pending().get() { T::Working } else { T::Submit })}
                    </SaveButton>
                </div>
            </form>
        </section>
    }
}

/// Builds the setup command from the form; the error is a sentence.
#[allow(clippy::too_many_arguments)]
fn setup_command(
    name: &str,
    address: &str,
    country: &str,
    vat_id: &str,
    tax_number: &str,
    (lc, sc): (&str, &str),
    (start_month, first_year): (&str, &str),
    layout: &str,
    chart: &str,
    lang: Lang,
) -> Result<Setup, String> {
    let say = |t: T| t_text(t, lang);
    let details = DetailsForm {
        name: name.to_string(),
        address: address.to_string(),
        country: country.to_string(),
        vat_id: vat_id.to_string(),
        tax_number: tax_number.to_string(),
    }
    .to_details()
    .map_err(|e| details_form_error(&e, lang))?;
    let currency = |code: &str| {
        Currency::parse(code).map_err(|e| crate::ui::errors::domain_error(&e.into(), lang))
    };
    let first_fiscal_year: i32 = first_year.trim().parse().map_err(|_| say(T::YearInvalid))?;
    let lc = currency(lc)?;
    let settings = Settings {
        name: details.name,
        address: details.address,
        country: details.country,
        vat_id: details.vat_id,
        tax_number: details.tax_number,
        lc,
        sc: currency(sc)?,
        amount_decimals: lc.decimals(),
        fiscal_year_start_month: start_month.parse().unwrap_or(1),
        period_layout: if layout == "quarterly" {
            PeriodLayout::Quarterly
        } else {
            PeriodLayout::Monthly
        },
        chart: match chart {
            "skr04" => ChartTemplate::Skr04,
            "generic" => ChartTemplate::Generic,
            _ => ChartTemplate::Skr03,
        },
    };
    Ok(Setup {
        settings,
        first_fiscal_year,
    })
}

fn t_text(t: T, lang: Lang) -> String {
    use crate::ui::i18n::Text;
    t.text(lang).to_string()
}
