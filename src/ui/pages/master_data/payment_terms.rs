//! Zahlungsbedingungen (payment terms) at `/master-data/payment-terms`:
//! the list of named terms and a form to create or edit one (base date,
//! start of counting, months and days, up to three cash-discount steps,
//! installments, tolerance days). Writes only through
//! `CreatePaymentTerms` / `UpdatePaymentTerms`; the engine's refusal is
//! shown as its sentence, nothing stored.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::{format_number, parse_amount};
use crate::ledger::Command;
use crate::ledger::partners::{
    BaseDate, DiscountStep, DueStart, Installment, PartnersCommand, PaymentTerms,
};
use crate::ledger::types::limits::{MAX_DISCOUNT_STEPS, MAX_PERCENT_DECIMALS};
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{ErrorBox, NoCompany, number_style};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Zahlungsbedingungen", "Payment terms";
        Lead => "Benannte Zahlungsbedingungen, die Geschäftspartner teilen: Fälligkeit, Skontostufen, Raten und Toleranztage. Gebuchte offene Posten behalten ihre Daten, wenn sich eine Bedingung ändert.", "Named payment terms the business partners share: due date, cash-discount steps, installments and tolerance days. Posted open items keep their dates when terms change.";
        Back => "← Geschäftspartner", "← Business partners";
        Code => "Kürzel", "Code";
        Name => "Bezeichnung", "Name";
        NameDe => "Bezeichnung (deutsch)", "Name (German)";
        NameEn => "Bezeichnung (englisch)", "Name (English)";
        Base => "Basisdatum", "Base date";
        Document => "Belegdatum", "Document date";
        Posting => "Buchungsdatum", "Posting date";
        Start => "Beginn", "Start";
        StartDate => "ab Basisdatum", "from the base date";
        MonthStart => "ab Monatsanfang", "from the start of the month";
        HalfMonth => "ab Monatsmitte (15. bzw. Monatsende)", "from mid-month (15th or month end)";
        MonthEnd => "ab Monatsende", "from the end of the month";
        Months => "plus Monate", "plus months";
        Days => "plus Tage", "plus days";
        Due => "Fälligkeit", "Due";
        Discounts => "Skontostufen", "Cash-discount steps";
        Step => "Stufe", "Step";
        StepDays => "Tage", "Days";
        StepPercent => "Skonto %", "Discount %";
        Installments => "Raten (leer: eine Rate zu 100 %)", "Installments (none: one of 100 %)";
        InstPercent => "Anteil %", "Share %";
        InstDays => "Tage nach Fälligkeit", "Days after due date";
        AddInstallment => "Rate hinzufügen", "Add installment";
        Remove => "Entfernen", "Remove";
        Tolerance => "Toleranztage", "Tolerance days";
        Active => "Aktiv", "Active";
        Yes => "ja", "yes";
        No => "nein", "no";
        Edit => "Bearbeiten", "Edit";
        New => "Neue Zahlungsbedingung", "New payment terms";
        EditTitle => "Zahlungsbedingung bearbeiten:", "Edit payment terms:";
        Create => "Anlegen", "Create";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        Created => "Zahlungsbedingung angelegt:", "Payment terms created:";
        Saved => "Zahlungsbedingung gespeichert:", "Payment terms saved:";
        BadNumber => "ist keine ganze Zahl von 0 bis 65535.", "is not a whole number from 0 to 65535.";
        BadPercent => "ist kein gültiger Prozentsatz (z. B. 2 oder 2,5).", "is not a valid percentage (e.g. 2 or 2.5).";
        Empty => "Noch keine Zahlungsbedingungen.", "No payment terms yet.";
        NetDays => "Tage netto", "days net";
        DaysWord => "Tage", "days";
    }
}

const BASES: [(BaseDate, &str, T); 2] = [
    (BaseDate::Document, "document", T::Document),
    (BaseDate::Posting, "posting", T::Posting),
];

const STARTS: [(DueStart, &str, T); 4] = [
    (DueStart::Date, "date", T::StartDate),
    (DueStart::MonthStart, "month_start", T::MonthStart),
    (DueStart::HalfMonth, "half_month", T::HalfMonth),
    (DueStart::MonthEnd, "month_end", T::MonthEnd),
];

/// A pair of typed numbers: a discount step or an installment.
#[derive(Clone, Copy)]
struct Pair {
    id: usize,
    days: RwSignal<String>,
    percent: RwSignal<String>,
}

impl Pair {
    fn new(id: usize, days: String, percent: String) -> Pair {
        Pair {
            id,
            days: RwSignal::new(days),
            percent: RwSignal::new(percent),
        }
    }
}

/// The form as typed.
#[derive(Clone, Copy)]
struct Form {
    editing: RwSignal<Option<String>>,
    code: RwSignal<String>,
    name_de: RwSignal<String>,
    name_en: RwSignal<String>,
    base: RwSignal<BaseDate>,
    start: RwSignal<DueStart>,
    months: RwSignal<String>,
    days: RwSignal<String>,
    /// Always `MAX_DISCOUNT_STEPS` rows; blank rows are no step.
    discounts: [Pair; MAX_DISCOUNT_STEPS],
    installments: RwSignal<Vec<Pair>>,
    tolerance: RwSignal<String>,
    active: RwSignal<bool>,
    next_id: StoredValue<usize>,
}

fn percent_text(p: Decimal, lang: Lang) -> String {
    format_number(p, number_style(lang))
}

impl Form {
    fn new() -> Form {
        let text = || RwSignal::new(String::new());
        Form {
            editing: RwSignal::new(None),
            code: text(),
            name_de: text(),
            name_en: text(),
            base: RwSignal::new(BaseDate::Document),
            start: RwSignal::new(DueStart::Date),
            months: text(),
            days: text(),
            discounts: [0, 1, 2].map(|i| Pair::new(i, String::new(), String::new())),
            installments: RwSignal::new(Vec::new()),
            tolerance: text(),
            active: RwSignal::new(true),
            next_id: StoredValue::new(10),
        }
    }

    fn pair(&self, days: String, percent: String) -> Pair {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        Pair::new(id, days, percent)
    }

    fn clear(&self) {
        self.load(&PaymentTerms::net("", 0), Lang::De);
        self.editing.set(None);
        for s in [self.name_de, self.name_en, self.days] {
            s.set(String::new());
        }
    }

    fn load(&self, t: &PaymentTerms, lang: Lang) {
        self.editing.set(Some(t.code.clone()));
        self.code.set(t.code.clone());
        self.name_de.set(t.name_de.clone());
        self.name_en.set(t.name_en.clone());
        self.base.set(t.base);
        self.start.set(t.start);
        self.months.set(t.months.to_string());
        self.days.set(t.days.to_string());
        for (i, row) in self.discounts.iter().enumerate() {
            let step = t.discounts.get(i);
            row.days
                .set(step.map(|s| s.days.to_string()).unwrap_or_default());
            row.percent.set(
                step.map(|s| percent_text(s.percent, lang))
                    .unwrap_or_default(),
            );
        }
        let rows = t
            .installments
            .iter()
            .map(|i| self.pair(i.days.to_string(), percent_text(i.percent, lang)))
            .collect();
        self.installments.set(rows);
        self.tolerance.set(t.tolerance_days.to_string());
        self.active.set(t.active);
    }

    /// The typed form as terms, or a sentence saying which value is wrong.
    fn read(&self, lang: Lang) -> Result<PaymentTerms, String> {
        let bad = |text: &str, why: T| format!("„{}“ {}", text.trim(), why.text(lang));
        let days = |s: RwSignal<String>| -> Result<u16, String> {
            let text = s.get_untracked();
            if text.trim().is_empty() {
                return Ok(0);
            }
            text.trim()
                .parse::<u16>()
                .map_err(|_| bad(&text, T::BadNumber))
        };
        let percent = |s: RwSignal<String>| -> Result<Decimal, String> {
            let text = s.get_untracked();
            parse_amount(&text, number_style(lang), MAX_PERCENT_DECIMALS)
                .map_err(|_| bad(&text, T::BadPercent))
        };
        let blank = |p: &Pair| {
            p.days.get_untracked().trim().is_empty() && p.percent.get_untracked().trim().is_empty()
        };
        let mut discounts = Vec::new();
        for p in self.discounts.iter().filter(|p| !blank(p)) {
            discounts.push(DiscountStep {
                days: days(p.days)?,
                percent: percent(p.percent)?,
            });
        }
        let mut installments = Vec::new();
        for p in self
            .installments
            .get_untracked()
            .iter()
            .filter(|p| !blank(p))
        {
            installments.push(Installment {
                percent: percent(p.percent)?,
                days: days(p.days)?,
            });
        }
        Ok(PaymentTerms {
            code: self.code.get_untracked().trim().to_string(),
            name_de: self.name_de.get_untracked().trim().to_string(),
            name_en: self.name_en.get_untracked().trim().to_string(),
            base: self.base.get_untracked(),
            start: self.start.get_untracked(),
            months: days(self.months)?,
            days: days(self.days)?,
            discounts,
            installments,
            tolerance_days: days(self.tolerance)?,
            active: self.active.get_untracked(),
        })
    }
}

#[component]
pub fn PaymentTermsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page master-page" data-page="payment-terms">
            <a href="/master-data/partners" class="back-link">{move || i18n.t(T::Back)}</a>
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <TermsBody /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

#[component]
fn TermsBody() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let terms = Memo::new(move |_| {
        app.with_book(|b| b.partners().all_terms().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let form = Form::new();
    form.clear();
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<(T, String)>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        let terms = match form.read(lang) {
            Ok(t) => t,
            Err(message) => return error.set(Some(message)),
        };
        let editing = form.editing.get_untracked().is_some();
        let code = terms.code.clone();
        let cmd = if editing {
            PartnersCommand::UpdatePaymentTerms { terms }
        } else {
            PartnersCommand::CreatePaymentTerms { terms }
        };
        match app.execute(Command::Partners(cmd)).await {
            Ok(_) => {
                let what = if editing { T::Saved } else { T::Created };
                notice.set(Some((what, code)));
                form.clear();
            }
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    let edit = move |t: PaymentTerms| {
        error.set(None);
        notice.set(None);
        form.load(&t, i18n.lang_untracked());
    };
    view! {
        <TermsTable terms=terms edit=edit />
        <TermsForm form=form save=save error=error notice=notice />
    }
}

/// "30 Tage netto · 14 Tage 2 %" as a summary of the due rule.
fn due_summary(t: &PaymentTerms, lang: Lang) -> String {
    let mut parts = vec![format!("{} {}", t.days, T::NetDays.text(lang))];
    if t.months > 0 {
        parts[0] = format!("+{} {} {}", t.months, T::Months.text(lang), parts[0]);
    }
    parts.extend(t.discounts.iter().map(|d| {
        format!(
            "{} {} {} %",
            d.days,
            T::DaysWord.text(lang),
            percent_text(d.percent, lang)
        )
    }));
    parts.join(" · ")
}

#[component]
fn TermsTable(
    terms: Memo<Vec<PaymentTerms>>,
    edit: impl Fn(PaymentTerms) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data payment-terms" data-testid="payment-terms">
                <thead><tr>
                    <th>{move || i18n.t(T::Code)}</th>
                    <th>{move || i18n.t(T::Name)}</th>
                    <th>{move || i18n.t(T::Due)}</th>
                    <th>{move || i18n.t(T::Tolerance)}</th>
                    <th>{move || i18n.t(T::Active)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    {move || {
                        let lang = i18n.lang();
                        let rows = terms.get();
                        if rows.is_empty() {
                            return view! { <tr><td colspan="6" class="muted">{T::Empty.text(lang)}</td></tr> }.into_any();
                        }
                        rows.into_iter().map(|t| {
                            let name = if lang == Lang::De { t.name_de.clone() } else { t.name_en.clone() };
                            let summary = due_summary(&t, lang);
                            let code = t.code.clone();
                            let active = if t.active { T::Yes } else { T::No };
                            let tolerance = t.tolerance_days;
                            view! {
                                <tr data-code=code.clone()>
                                    <td><strong class="code">{code.clone()}</strong></td>
                                    <td>{name}</td>
                                    <td>{summary}</td>
                                    <td class="num">{tolerance}</td>
                                    <td>{active.text(lang)}</td>
                                    <td><button type="button" class="button small" data-testid=format!("edit-{code}")
                                        on:click=move |_| edit(t.clone())>{T::Edit.text(lang)}</button></td>
                                </tr>
                            }
                        }).collect_view().into_any()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// A number input bound to `value`.
#[component]
fn NumberField(label: T, value: RwSignal<String>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field narrow">
            <span>{move || i18n.t(label)}</span>
            <input class="num" inputmode="numeric" data-testid=testid prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </label>
    }
}

#[component]
fn TermsForm(
    form: Form,
    save: Action<(), ()>,
    error: RwSignal<Option<String>>,
    notice: RwSignal<Option<(T, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    view! {
        <form class="form terms-form" data-testid="terms-form" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(());
        }>
            <h2>{move || match form.editing.get() {
                Some(code) => format!("{} {code}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <TermsHead form=form />
            <div class="partner-grid">
                <DiscountSteps form=form />
                <Installments form=form />
            </div>
            <ErrorBox message=Signal::derive(move || error.get()) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|(t, code)| format!("{} {code}", i18n.t(t)))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="terms-save" pending=move || pending.get()>
                    {move || if form.editing.get().is_some() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <Show when=move || form.editing.get().is_some()>
                    <button type="button" class="button" on:click=move |_| { error.set(None); form.clear() }>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}

#[component]
fn TermsHead(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <div class="field-row">
                <label class="field narrow">
                    <span>{move || i18n.t(T::Code)}</span>
                    <input data-testid="terms-code" maxlength="12" autocomplete="off" prop:value=form.code
                        prop:disabled=move || form.editing.get().is_some()
                        on:input=move |ev| form.code.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::NameDe)}</span>
                    <input data-testid="terms-name-de" prop:value=form.name_de on:input=move |ev| form.name_de.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::NameEn)}</span>
                    <input data-testid="terms-name-en" prop:value=form.name_en on:input=move |ev| form.name_en.set(event_target_value(&ev)) />
                </label>
            </div>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::Base)}</span>
                    <select data-testid="terms-base" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some((b, _, _)) = BASES.iter().find(|(_, key, _)| *key == v) { form.base.set(*b) }
                    }>
                        {BASES.iter().map(|(b, key, t)| {
                            let (b, t) = (*b, *t);
                            view! { <option value=*key selected=move || form.base.get() == b>{move || i18n.t(t)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Start)}</span>
                    <select data-testid="terms-start" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some((s, _, _)) = STARTS.iter().find(|(_, key, _)| *key == v) { form.start.set(*s) }
                    }>
                        {STARTS.iter().map(|(s, key, t)| {
                            let (s, t) = (*s, *t);
                            view! { <option value=*key selected=move || form.start.get() == s>{move || i18n.t(t)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <NumberField label=T::Months value=form.months testid="terms-months" />
                <NumberField label=T::Days value=form.days testid="terms-days" />
                <NumberField label=T::Tolerance value=form.tolerance testid="terms-tolerance" />
                <label class="check">
                    <input type="checkbox" data-testid="terms-active" prop:checked=form.active
                        on:change=move |ev| form.active.set(event_target_checked(&ev)) />
                    {move || i18n.t(T::Active)}
                </label>
            </div>
        </fieldset>
    }
}

#[component]
fn DiscountSteps(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::Discounts)}</legend>
            <table class="rate-editor">
                <thead><tr>
                    <th>{move || i18n.t(T::Step)}</th>
                    <th>{move || i18n.t(T::StepDays)}</th>
                    <th>{move || i18n.t(T::StepPercent)}</th>
                </tr></thead>
                <tbody>
                    {form.discounts.iter().enumerate().map(|(i, row)| {
                        let row = *row;
                        view! {
                            <tr>
                                <td>{i + 1}</td>
                                <td><input class="num" inputmode="numeric" data-testid=format!("discount-days-{}", i + 1)
                                    prop:value=row.days on:input=move |ev| row.days.set(event_target_value(&ev)) /></td>
                                <td><input class="num" inputmode="decimal" data-testid=format!("discount-percent-{}", i + 1)
                                    prop:value=row.percent on:input=move |ev| row.percent.set(event_target_value(&ev)) /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </fieldset>
    }
}

#[component]
fn Installments(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::Installments)}</legend>
            <table class="rate-editor">
                <thead><tr>
                    <th>{move || i18n.t(T::InstPercent)}</th>
                    <th>{move || i18n.t(T::InstDays)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    <For each=move || form.installments.get() key=|r| r.id let:row>
                        <tr>
                            <td><input class="num" inputmode="decimal" data-testid="installment-percent"
                                prop:value=row.percent on:input=move |ev| row.percent.set(event_target_value(&ev)) /></td>
                            <td><input class="num" inputmode="numeric" data-testid="installment-days"
                                prop:value=row.days on:input=move |ev| row.days.set(event_target_value(&ev)) /></td>
                            <td><button type="button" class="button small danger"
                                on:click=move |_| form.installments.update(|rs| rs.retain(|r| r.id != row.id))>{move || i18n.t(T::Remove)}</button></td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <button type="button" class="button small" data-testid="add-installment" on:click=move |_| {
                let row = form.pair(String::new(), String::new());
                form.installments.update(|rs| rs.push(row));
            }>{move || i18n.t(T::AddInstallment)}</button>
        </fieldset>
    }
}
