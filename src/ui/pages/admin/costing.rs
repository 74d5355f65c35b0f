//! Kostenrechnung at `/admin/costing`: up to five dimensions, the cost
//! centres of each (code, name, active, valid from/to), distribution rules
//! (percent or fixed amounts over centres of one dimension) and the
//! centre requirement (which accounts need a centre in dimension 1).
//! Writes only through the costing commands; the engine refuses a
//! percentage rule that does not sum to 100 and says so.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::{format_amount, format_date, parse_amount, parse_date};
use crate::ledger::Command;
use crate::ledger::costing::CostingCommand;
use crate::ledger::costing::{
    CentreRequirement, CostCentre, Dimension, DistributionBasis, DistributionRule, RuleShare,
};
use crate::ledger::types::AccountNo;
use crate::ledger::types::limits::{DIMENSIONS, MAX_SHARE_DECIMALS};
use crate::texts;
use crate::ui::components::AdminFrame;
use crate::ui::components::SaveButton;
use crate::ui::components::{ErrorBox, number_style, today};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        Title => "Kostenrechnung", "Cost accounting";
        Lead => "Dimensionen (z. B. Kostenstelle, Kostenträger, Projekt), ihre Kostenstellen und Verteilungsregeln. Eine Regel verteilt eine Buchungszeile nach Prozent oder festen Beträgen auf mehrere Kostenstellen.", "Dimensions (e.g. cost centre, cost object, project), their centres and distribution rules. A rule splits a journal line by percentages or fixed amounts over several centres.";
        Dimensions => "Dimensionen", "Dimensions";
        Number => "Nr.", "No.";
        NameDe => "Bezeichnung (deutsch)", "Name (German)";
        NameEn => "Bezeichnung (englisch)", "Name (English)";
        Active => "Aktiv", "Active";
        Save => "Speichern", "Save";
        Define => "Anlegen", "Define";
        Undefined => "nicht definiert", "not defined";
        DimensionSaved => "Dimension gespeichert:", "Dimension saved:";
        Centres => "Kostenstellen", "Cost centres";
        Rules => "Verteilungsregeln", "Distribution rules";
        OfDimension => "der Dimension", "of dimension";
        NoDimension => "Legen Sie zuerst oben eine Dimension an.", "Define a dimension above first.";
        Code => "Code", "Code";
        Name => "Bezeichnung", "Name";
        ValidFrom => "Gültig ab", "Valid from";
        Validity => "Gültigkeit", "Validity";
        ValidTo => "Gültig bis", "Valid to";
        Always => "unbegrenzt", "unlimited";
        Edit => "Bearbeiten", "Edit";
        Cancel => "Abbrechen", "Cancel";
        NoCentres => "Noch keine Kostenstellen in dieser Dimension.", "No centres in this dimension yet.";
        NoRules => "Noch keine Verteilungsregeln in dieser Dimension.", "No distribution rules in this dimension yet.";
        NewCentre => "Neue Kostenstelle", "New cost centre";
        EditCentre => "Kostenstelle bearbeiten:", "Edit cost centre:";
        CentreSaved => "Kostenstelle gespeichert:", "Cost centre saved:";
        NewRule => "Neue Verteilungsregel", "New distribution rule";
        EditRule => "Verteilungsregel bearbeiten:", "Edit distribution rule:";
        RuleSaved => "Verteilungsregel gespeichert:", "Distribution rule saved:";
        Basis => "Verteilung nach", "Split by";
        Percent => "Prozent", "Percentage";
        Amount => "Festen Beträgen (Gewichte)", "Fixed amounts (weights)";
        Shares => "Anteile", "Shares";
        Centre => "Kostenstelle", "Centre";
        Value => "Wert", "Value";
        AddShare => "Anteil hinzufügen", "Add share";
        Remove => "Entfernen", "Remove";
        Sum => "Summe", "Sum";
        SumNot100 => "Prozentanteile müssen zusammen genau 100 ergeben.", "Percentages must add up to exactly 100.";
        Choose => "– wählen –", "– choose –";
        Inactive => "inaktiv", "inactive";
        Yes => "ja", "yes";
        Requirement => "Pflichtfeld Kostenstelle (Dimension 1)", "Required centre (dimension 1)";
        RequirementLead => "Buchungen auf diese Konten brauchen eine Kostenstelle oder Verteilungsregel der Dimension 1; sonst lehnt Kontor die Buchung ab. Steuer- und Rundungszeilen brauchen keine.", "Postings to these accounts need a centre or distribution rule of dimension 1; otherwise Kontor refuses the posting. Tax and rounding lines need none.";
        AllExpense => "Alle Aufwandskonten", "All expense accounts";
        AllRevenue => "Alle Erlöskonten", "All revenue accounts";
        MoreAccounts => "Weitere Konten (durch Komma oder Leerzeichen getrennt)", "Further accounts (separated by commas or spaces)";
        RequirementSaved => "Pflichtfeld-Regel gespeichert.", "Requirement saved.";
        BadDate => "ist kein gültiges Datum (z. B. 01.01.2026).", "is not a valid date (e.g. 2026-01-01).";
        BadValue => "ist kein gültiger Wert.", "is not a valid value.";
        BadAccount => "ist keine gültige Kontonummer.", "is not a valid account number.";
        UnknownAccount => "gibt es im Kontenplan nicht.", "is not in the chart of accounts.";
        NoShare => "Bitte mindestens eine Kostenstelle mit Wert angeben.", "Please give at least one centre with a value.";
    }
}

fn date_text(d: NaiveDate, lang: Lang) -> String {
    format_date(d, number_style(lang))
}

fn value_text(v: Decimal, lang: Lang) -> String {
    let v = v.normalize();
    format_amount(v, v.scale(), number_style(lang))
}

fn quoted(text: &str, why: T, lang: Lang) -> String {
    format!("„{}“ {}", text.trim(), why.text(lang))
}

fn optional_date(text: &str, lang: Lang) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text, today())
        .map(Some)
        .map_err(|_| quoted(text, T::BadDate, lang))
}

fn validity(from: Option<NaiveDate>, to: Option<NaiveDate>, lang: Lang) -> String {
    match (from, to) {
        (None, None) => T::Always.text(lang).to_string(),
        (Some(f), None) => format!("{} {}", T::ValidFrom.text(lang), date_text(f, lang)),
        (None, Some(t)) => format!("{} {}", T::ValidTo.text(lang), date_text(t, lang)),
        (Some(f), Some(t)) => format!("{} – {}", date_text(f, lang), date_text(t, lang)),
    }
}

fn pick_name(de: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::De if !de.is_empty() => de.to_string(),
        Lang::En if !en.is_empty() => en.to_string(),
        _ if de.is_empty() => en.to_string(),
        _ => de.to_string(),
    }
}

#[component]
pub fn CostingPage() -> impl IntoView {
    view! {
        <AdminFrame page="costing" title=T::Title lead=T::Lead>
            <CostingBody />
        </AdminFrame>
    }
}

#[component]
fn CostingBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let dims = Memo::new(move |_| {
        app.with_book(|b| b.costing().dimensions().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let dim = RwSignal::new(1u8);
    let has_dim = move || dims.get().iter().any(|d| d.number == dim.get());
    view! {
        <h2>{move || i18n.t(T::Dimensions)}</h2>
        <div class="table-wrap dims-table">
            <table class="data" data-testid="dimensions">
                <thead><tr>
                    <th class="num">{move || i18n.t(T::Number)}</th>
                    <th>{move || i18n.t(T::NameDe)}</th>
                    <th>{move || i18n.t(T::NameEn)}</th>
                    <th>{move || i18n.t(T::Active)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    {(1..=DIMENSIONS as u8).map(|n| view! { <DimensionRow number=n /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="dim-tabs" aria-label=move || i18n.t(T::Dimensions)>
            {move || dims.get().into_iter().map(|d| {
                let n = d.number;
                let label = pick_name(&d.name_de, &d.name_en, i18n.lang());
                view! {
                    <button type="button" class="dim-tab" class:selected=move || dim.get() == n
                        data-testid=format!("dim-tab-{n}") on:click=move |_| dim.set(n)>
                        {format!("{n} · {label}")}
                    </button>
                }
            }).collect_view()}
        </nav>
        <Show when=has_dim fallback=move || view! { <p class="muted" data-testid="no-dimension">{move || i18n.t(T::NoDimension)}</p> }>
            {move || {
                let d = dim.get();
                view! {
                    <div class="costing-layout">
                        <Centres dimension=d />
                        <Rules dimension=d />
                    </div>
                }
            }}
        </Show>
        <Requirement />
    }
}

#[component]
fn DimensionRow(number: u8) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let existing = app
        .with_book(|b| b.costing().dimension(number).cloned())
        .flatten();
    let defined = RwSignal::new(existing.is_some());
    let name_de = RwSignal::new(
        existing
            .as_ref()
            .map(|d| d.name_de.clone())
            .unwrap_or_default(),
    );
    let name_en = RwSignal::new(
        existing
            .as_ref()
            .map(|d| d.name_en.clone())
            .unwrap_or_default(),
    );
    let active = RwSignal::new(existing.as_ref().is_none_or(|d| d.active));
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<(T, String)>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        let dimension = Dimension {
            number,
            name_de: name_de.get_untracked().trim().to_string(),
            name_en: name_en.get_untracked().trim().to_string(),
            active: active.get_untracked(),
        };
        let label = pick_name(&dimension.name_de, &dimension.name_en, lang);
        match app
            .execute(Command::Costing(CostingCommand::DefineDimension {
                dimension,
            }))
            .await
        {
            Ok(_) => {
                defined.set(true);
                notice.set(Some((T::DimensionSaved, format!("{number} {label}"))));
            }
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    let pending = save.pending();
    view! {
        <tr data-dimension=number.to_string() class:undefined=move || !defined.get()>
            <td class="num"><strong>{number}</strong></td>
            <td><input data-testid=format!("dim-{number}-de") prop:value=name_de
                placeholder=move || if defined.get() { "" } else { i18n.t(T::Undefined) }
                on:input=move |ev| name_de.set(event_target_value(&ev)) /></td>
            <td><input data-testid=format!("dim-{number}-en") prop:value=name_en on:input=move |ev| name_en.set(event_target_value(&ev)) /></td>
            <td><input type="checkbox" data-testid=format!("dim-{number}-active") prop:checked=active on:change=move |ev| active.set(event_target_checked(&ev)) /></td>
            <td class="row-actions">
                <button type="button" class="button small" class:primary=move || !defined.get()
                    data-testid=format!("dim-{number}-save") prop:disabled=move || pending.get()
                    on:click=move |_| { save.dispatch(()); }>
                    {move || i18n.t(if defined.get() { T::Save } else { T::Define })}
                </button>
                <Show when=move || error.get().is_some()><span class="field-error" role="alert">{move || error.get()}</span></Show>
                <Show when=move || notice.get().is_some()><span class="ok-text" role="status">"✓"</span></Show>
            </td>
        </tr>
    }
}

#[component]
fn Centres(dimension: u8) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let centres = Memo::new(move |_| {
        app.with_book(|b| b.costing().centres(dimension).cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let editing = RwSignal::new(None::<String>);
    let code = RwSignal::new(String::new());
    let name_de = RwSignal::new(String::new());
    let name_en = RwSignal::new(String::new());
    let active = RwSignal::new(true);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<(T, String)>);
    let clear = move || {
        editing.set(None);
        for s in [code, name_de, name_en, from, to] {
            s.set(String::new());
        }
        active.set(true);
    };
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        let dates = optional_date(&from.get_untracked(), lang)
            .and_then(|f| optional_date(&to.get_untracked(), lang).map(|t| (f, t)));
        let (valid_from, valid_to) = match dates {
            Ok(d) => d,
            Err(m) => {
                error.set(Some(m));
                return;
            }
        };
        let centre = CostCentre {
            dimension,
            code: code.get_untracked().trim().to_uppercase(),
            name_de: name_de.get_untracked().trim().to_string(),
            name_en: name_en.get_untracked().trim().to_string(),
            active: active.get_untracked(),
            valid_from,
            valid_to,
        };
        let label = centre.code.clone();
        let cmd = if editing.get_untracked().is_some() {
            Command::Costing(CostingCommand::UpdateCostCentre { centre })
        } else {
            Command::Costing(CostingCommand::CreateCostCentre { centre })
        };
        match app.execute(cmd).await {
            Ok(_) => {
                notice.set(Some((T::CentreSaved, label)));
                clear();
            }
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    let pending = save.pending();
    let edit = move |c: CostCentre| {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        editing.set(Some(c.code.clone()));
        code.set(c.code);
        name_de.set(c.name_de);
        name_en.set(c.name_en);
        active.set(c.active);
        from.set(c.valid_from.map(|d| date_text(d, lang)).unwrap_or_default());
        to.set(c.valid_to.map(|d| date_text(d, lang)).unwrap_or_default());
    };
    view! {
        <section class="costing-section" data-testid="centres">
            <h2>{move || format!("{} {} {dimension}", i18n.t(T::Centres), i18n.t(T::OfDimension))}</h2>
            <Show when=move || !centres.get().is_empty() fallback=move || view! { <p class="muted">{move || i18n.t(T::NoCentres)}</p> }>
                <div class="table-wrap">
                    <table class="data" data-testid="centre-table">
                        <thead><tr>
                            <th>{move || i18n.t(T::Code)}</th>
                            <th>{move || i18n.t(T::Name)}</th>
                            <th>{move || i18n.t(T::Validity)}</th>
                            <th>{move || i18n.t(T::Active)}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>
                            {move || centres.get().into_iter().map(|c| {
                                let lang = i18n.lang();
                                let for_edit = c.clone();
                                view! {
                                    <tr data-centre=c.code.clone() class:inactive=!c.active>
                                        <td><strong class="code">{c.code.clone()}</strong></td>
                                        <td>{pick_name(&c.name_de, &c.name_en, lang)}</td>
                                        <td class="nowrap">{validity(c.valid_from, c.valid_to, lang)}</td>
                                        <td>{if c.active {
                                            view! { <span class="badge ok">{T::Yes.text(lang)}</span> }.into_any()
                                        } else {
                                            view! { <span class="badge inactive">{T::Inactive.text(lang)}</span> }.into_any()
                                        }}</td>
                                        <td><button type="button" class="button small" on:click=move |_| edit(for_edit.clone())>{T::Edit.text(lang)}</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
            <form class="inline-form" data-testid="centre-form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
                <h3>{move || match editing.get() {
                    Some(c) => format!("{} {c}", i18n.t(T::EditCentre)),
                    None => i18n.t(T::NewCentre).to_string(),
                }}</h3>
                <div class="field-row">
                    <label class="field narrow">
                        <span>{move || i18n.t(T::Code)}</span>
                        <input data-testid="centre-code" maxlength="20" autocomplete="off" prop:value=code
                            prop:disabled=move || editing.get().is_some()
                            on:input=move |ev| code.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::NameDe)}</span>
                        <input data-testid="centre-name-de" prop:value=name_de on:input=move |ev| name_de.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::NameEn)}</span>
                        <input data-testid="centre-name-en" prop:value=name_en on:input=move |ev| name_en.set(event_target_value(&ev)) />
                    </label>
                </div>
                <div class="field-row">
                    <label class="field narrow">
                        <span>{move || i18n.t(T::ValidFrom)}</span>
                        <input data-testid="centre-from" prop:value=from on:input=move |ev| from.set(event_target_value(&ev)) />
                    </label>
                    <label class="field narrow">
                        <span>{move || i18n.t(T::ValidTo)}</span>
                        <input data-testid="centre-to" prop:value=to on:input=move |ev| to.set(event_target_value(&ev)) />
                    </label>
                    <label class="check">
                        <input type="checkbox" prop:checked=active on:change=move |ev| active.set(event_target_checked(&ev)) />
                        {move || i18n.t(T::Active)}
                    </label>
                </div>
                <ErrorBox message=Signal::derive(move || error.get()) />
                <Show when=move || notice.get().is_some()>
                    <div class="success-box" role="status" data-testid="centre-notice">{move || notice.get().map(|(t, what)| format!("{} {what}", i18n.t(t)).trim().to_string())}</div>
                </Show>
                <div class="actions">
                    <SaveButton testid="centre-save" pending=move || pending.get()>{move || i18n.t(T::Save)}</SaveButton>
                    <Show when=move || editing.get().is_some()>
                        <button type="button" class="button" on:click=move |_| clear()>{move || i18n.t(T::Cancel)}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

#[derive(Clone, Copy)]
struct ShareRow {
    id: usize,
    centre: RwSignal<String>,
    value: RwSignal<String>,
}

/// The distribution rule being typed or edited: every field as text or
/// signal, so the editor's parts share one handle.
#[derive(Clone, Copy)]
struct RuleForm {
    /// The code of the rule being edited; `None` for a new one.
    editing: RwSignal<Option<String>>,
    code: RwSignal<String>,
    name_de: RwSignal<String>,
    name_en: RwSignal<String>,
    basis: RwSignal<DistributionBasis>,
    active: RwSignal<bool>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    shares: RwSignal<Vec<ShareRow>>,
    next_id: StoredValue<usize>,
    error: RwSignal<Option<String>>,
    notice: RwSignal<Option<(T, String)>>,
}

impl RuleForm {
    fn new() -> Self {
        let form = RuleForm {
            editing: RwSignal::new(None),
            code: RwSignal::new(String::new()),
            name_de: RwSignal::new(String::new()),
            name_en: RwSignal::new(String::new()),
            basis: RwSignal::new(DistributionBasis::Percent),
            active: RwSignal::new(true),
            from: RwSignal::new(String::new()),
            to: RwSignal::new(String::new()),
            shares: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            error: RwSignal::new(None),
            notice: RwSignal::new(None),
        };
        form.clear();
        form
    }

    fn new_row(&self, centre: String, value: String) -> ShareRow {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        ShareRow {
            id,
            centre: RwSignal::new(centre),
            value: RwSignal::new(value),
        }
    }

    /// Back to an empty new rule with two share rows.
    fn clear(&self) {
        self.editing.set(None);
        for s in [self.code, self.name_de, self.name_en, self.from, self.to] {
            s.set(String::new());
        }
        self.basis.set(DistributionBasis::Percent);
        self.active.set(true);
        let rows = vec![
            self.new_row(String::new(), String::new()),
            self.new_row(String::new(), String::new()),
        ];
        self.shares.set(rows);
    }

    /// Opens `r` for editing.
    fn edit(&self, r: DistributionRule, lang: Lang) {
        self.error.set(None);
        self.notice.set(None);
        self.editing.set(Some(r.code.clone()));
        self.code.set(r.code);
        self.name_de.set(r.name_de);
        self.name_en.set(r.name_en);
        self.basis.set(r.basis);
        self.active.set(r.active);
        let date = |d: Option<NaiveDate>| d.map(|d| date_text(d, lang)).unwrap_or_default();
        self.from.set(date(r.valid_from));
        self.to.set(date(r.valid_to));
        let rows = r
            .shares
            .into_iter()
            .map(|s| self.new_row(s.centre, value_text(s.value, lang)))
            .collect();
        self.shares.set(rows);
    }

    /// The typed shares, blank rows left out; the error is a sentence.
    fn read_shares(&self, lang: Lang) -> Result<Vec<RuleShare>, String> {
        let mut list = Vec::new();
        for row in self.shares.get_untracked() {
            let (centre, value) = (row.centre.get_untracked(), row.value.get_untracked());
            if centre.is_empty() && value.trim().is_empty() {
                continue;
            }
            let value = parse_amount(&value, number_style(lang), MAX_SHARE_DECIMALS)
                .map_err(|_| quoted(&value, T::BadValue, lang))?;
            list.push(RuleShare { centre, value });
        }
        if list.is_empty() {
            return Err(T::NoShare.text(lang).to_string());
        }
        Ok(list)
    }

    /// The rule as typed; the error is a sentence.
    fn read(&self, dimension: u8, lang: Lang) -> Result<DistributionRule, String> {
        let valid_from = optional_date(&self.from.get_untracked(), lang)?;
        let valid_to = optional_date(&self.to.get_untracked(), lang)?;
        Ok(DistributionRule {
            dimension,
            code: self.code.get_untracked().trim().to_uppercase(),
            name_de: self.name_de.get_untracked().trim().to_string(),
            name_en: self.name_en.get_untracked().trim().to_string(),
            basis: self.basis.get_untracked(),
            shares: self.read_shares(lang)?,
            active: self.active.get_untracked(),
            valid_from,
            valid_to,
        })
    }
}

/// Creates or updates the rule typed into `form`.
async fn save_rule(app: AppState, form: RuleForm, dimension: u8, lang: Lang) {
    form.error.set(None);
    form.notice.set(None);
    let rule = match form.read(dimension, lang) {
        Ok(r) => r,
        Err(m) => {
            form.error.set(Some(m));
            return;
        }
    };
    let label = rule.code.clone();
    let cmd = if form.editing.get_untracked().is_some() {
        Command::Costing(CostingCommand::UpdateDistributionRule { rule })
    } else {
        Command::Costing(CostingCommand::CreateDistributionRule { rule })
    };
    match app.execute(cmd).await {
        Ok(_) => {
            form.notice.set(Some((T::RuleSaved, label)));
            form.clear();
        }
        Err(e) => form.error.set(Some(session_error(&e, lang))),
    }
}

/// A rule's shares in one line: "K100 60 % · K200 40 %".
fn share_text(r: &DistributionRule, lang: Lang) -> String {
    r.shares
        .iter()
        .map(|s| match r.basis {
            DistributionBasis::Percent => format!("{} {} %", s.centre, value_text(s.value, lang)),
            DistributionBasis::Amount => format!("{} {}", s.centre, value_text(s.value, lang)),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The distribution rules of one dimension: the list and the editor.
#[component]
fn Rules(dimension: u8) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rules = Memo::new(move |_| {
        app.with_book(|b| b.costing().rules(dimension).cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let form = RuleForm::new();
    view! {
        <section class="costing-section" data-testid="rules">
            <h2>{move || format!("{} {} {dimension}", i18n.t(T::Rules), i18n.t(T::OfDimension))}</h2>
            <Show when=move || !rules.get().is_empty() fallback=move || view! { <p class="muted">{move || i18n.t(T::NoRules)}</p> }>
                <RuleTable rules=rules form=form />
            </Show>
            <RuleEditor form=form dimension=dimension />
        </section>
    }
}

#[component]
fn RuleTable(rules: Memo<Vec<DistributionRule>>, form: RuleForm) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data" data-testid="rule-table">
                <thead><tr>
                    <th>{move || i18n.t(T::Code)}</th>
                    <th>{move || i18n.t(T::Name)}</th>
                    <th>{move || i18n.t(T::Shares)}</th>
                    <th>{move || i18n.t(T::Validity)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    {move || rules.get().into_iter().map(|r| {
                        let lang = i18n.lang();
                        let for_edit = r.clone();
                        view! {
                            <tr data-rule=r.code.clone() class:inactive=!r.active>
                                <td><strong class="code">{r.code.clone()}</strong></td>
                                <td>{pick_name(&r.name_de, &r.name_en, lang)}
                                    {(!r.active).then(|| view! { " " <span class="badge inactive">{T::Inactive.text(lang)}</span> })}</td>
                                <td class="shares">{share_text(&r, lang)}</td>
                                <td class="nowrap">{validity(r.valid_from, r.valid_to, lang)}</td>
                                <td><button type="button" class="button small" on:click=move |_| form.edit(for_edit.clone(), i18n.lang_untracked())>{T::Edit.text(lang)}</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The form of a new or edited rule.
#[component]
fn RuleEditor(form: RuleForm, dimension: u8) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let save =
        Action::new_local(move |_: &()| save_rule(app, form, dimension, i18n.lang_untracked()));
    let pending = save.pending();
    let RuleForm {
        editing,
        error,
        notice,
        ..
    } = form;
    view! {
        <form class="inline-form" data-testid="rule-form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <h3>{move || match editing.get() {
                Some(c) => format!("{} {c}", i18n.t(T::EditRule)),
                None => i18n.t(T::NewRule).to_string(),
            }}</h3>
            <RuleFields form=form />
            <ShareEditor form=form dimension=dimension />
            <ErrorBox message=Signal::derive(move || error.get()) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="rule-notice">{move || notice.get().map(|(t, what)| format!("{} {what}", i18n.t(t)).trim().to_string())}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="rule-save" pending=move || pending.get()>{move || i18n.t(T::Save)}</SaveButton>
                <Show when=move || editing.get().is_some()>
                    <button type="button" class="button" on:click=move |_| form.clear()>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}

/// Code, names, basis, validity and the active flag of a rule.
#[component]
fn RuleFields(form: RuleForm) -> impl IntoView {
    let i18n = use_i18n();
    let RuleForm {
        editing,
        code,
        name_de,
        name_en,
        basis,
        active,
        from,
        to,
        ..
    } = form;
    view! {
        <div class="field-row">
            <label class="field narrow">
                <span>{move || i18n.t(T::Code)}</span>
                <input data-testid="rule-code" maxlength="20" autocomplete="off" prop:value=code
                    prop:disabled=move || editing.get().is_some()
                    on:input=move |ev| code.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{move || i18n.t(T::NameDe)}</span>
                <input data-testid="rule-name-de" prop:value=name_de on:input=move |ev| name_de.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{move || i18n.t(T::NameEn)}</span>
                <input data-testid="rule-name-en" prop:value=name_en on:input=move |ev| name_en.set(event_target_value(&ev)) />
            </label>
        </div>
        <div class="field-row">
            <label class="field">
                <span>{move || i18n.t(T::Basis)}</span>
                <select data-testid="rule-basis" on:change=move |ev| basis.set(if event_target_value(&ev) == "amount" { DistributionBasis::Amount } else { DistributionBasis::Percent })>
                    <option value="percent" selected=move || basis.get() == DistributionBasis::Percent>{move || i18n.t(T::Percent)}</option>
                    <option value="amount" selected=move || basis.get() == DistributionBasis::Amount>{move || i18n.t(T::Amount)}</option>
                </select>
            </label>
            <label class="field narrow">
                <span>{move || i18n.t(T::ValidFrom)}</span>
                <input data-testid="rule-from" prop:value=from on:input=move |ev| from.set(event_target_value(&ev)) />
            </label>
            <label class="field narrow">
                <span>{move || i18n.t(T::ValidTo)}</span>
                <input data-testid="rule-to" prop:value=to on:input=move |ev| to.set(event_target_value(&ev)) />
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=active on:change=move |ev| active.set(event_target_checked(&ev)) />
                {move || i18n.t(T::Active)}
            </label>
        </div>
    }
}

/// The shares of a rule: centre and value per row, the live sum (quiet
/// until something is typed; then percentages must make 100).
#[component]
fn ShareEditor(form: RuleForm, dimension: u8) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let RuleForm { basis, shares, .. } = form;
    let centres = Memo::new(move |_| {
        app.with_book(|b| {
            b.costing()
                .centres(dimension)
                .map(|c| (c.code.clone(), c.name_de.clone(), c.name_en.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // Unparseable values count as zero.
    let sum = Memo::new(move |_| {
        let style = number_style(i18n.lang());
        shares
            .get()
            .iter()
            .filter_map(|r| parse_amount(&r.value.get(), style, MAX_SHARE_DECIMALS).ok())
            .sum::<Decimal>()
    });
    let sum_ok = move || {
        basis.get() != DistributionBasis::Percent
            || sum.get().is_zero()
            || sum.get() == Decimal::ONE_HUNDRED
    };
    let percent = move || basis.get() == DistributionBasis::Percent;
    view! {
        <table class="share-editor">
            <thead><tr>
                <th>{move || i18n.t(T::Centre)}</th>
                <th class="num">{move || if percent() { format!("{} (%)", i18n.t(T::Value)) } else { i18n.t(T::Value).to_string() }}</th>
                <th></th>
            </tr></thead>
            <tbody>
                <For each=move || shares.get() key=|r| r.id let:row>
                    <ShareLine row=row shares=shares centres=centres />
                </For>
            </tbody>
            <tfoot>
                <tr class:sum-bad=move || !sum_ok()>
                    <td>{move || i18n.t(T::Sum)}</td>
                    <td class="num" data-testid="share-sum">{move || {
                        let s = value_text(sum.get(), i18n.lang());
                        if percent() { format!("{s} %") } else { s }
                    }}</td>
                    <td></td>
                </tr>
            </tfoot>
        </table>
        <Show when=move || !sum_ok()>
            <p class="warning small" data-testid="share-sum-warning">{move || i18n.t(T::SumNot100)}</p>
        </Show>
        <button type="button" class="button small" data-testid="add-share" on:click=move |_| {
            let row = form.new_row(String::new(), String::new());
            shares.update(|s| s.push(row));
        }>{move || i18n.t(T::AddShare)}</button>
    }
}

/// One share: the centre picked from the dimension's centres, its value.
#[component]
fn ShareLine(
    row: ShareRow,
    shares: RwSignal<Vec<ShareRow>>,
    centres: Memo<Vec<(String, String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <tr>
            <td>
                <select data-testid="share-centre" on:change=move |ev| row.centre.set(event_target_value(&ev))>
                    <option value="" selected=move || row.centre.get().is_empty()>{move || i18n.t(T::Choose)}</option>
                    {move || centres.get().into_iter().map(|(c, de, en)| {
                        let label = format!("{c} · {}", pick_name(&de, &en, i18n.lang()));
                        let value = c.clone();
                        view! { <option value=value selected=move || row.centre.get() == c>{label}</option> }
                    }).collect_view()}
                </select>
            </td>
            <td><input class="num" data-testid="share-value" inputmode="decimal" prop:value=row.value on:input=move |ev| row.value.set(event_target_value(&ev)) /></td>
            <td><button type="button" class="button small danger" on:click=move |_| shares.update(|s| s.retain(|r| r.id != row.id))>{move || i18n.t(T::Remove)}</button></td>
        </tr>
    }
}

#[component]
fn Requirement() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let current = app
        .with_book(|b| b.costing().requirement().clone())
        .unwrap_or_default();
    let all_expense = RwSignal::new(current.all_expense);
    let all_revenue = RwSignal::new(current.all_revenue);
    let accounts = RwSignal::new(
        current
            .accounts
            .iter()
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    );
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<(T, String)>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        let text = accounts.get_untracked();
        let mut list = Vec::new();
        for part in text
            .split([',', ' ', ';', '\n'])
            .filter(|s| !s.trim().is_empty())
        {
            let Ok(a) = AccountNo::parse(part.trim()) else {
                error.set(Some(quoted(part, T::BadAccount, lang)));
                return;
            };
            let known = app.with_book(|b| b.account(a).is_some()).unwrap_or(false);
            if !known {
                error.set(Some(quoted(part, T::UnknownAccount, lang)));
                return;
            }
            if !list.contains(&a) {
                list.push(a);
            }
        }
        let requirement = CentreRequirement {
            all_expense: all_expense.get_untracked(),
            all_revenue: all_revenue.get_untracked(),
            accounts: list,
        };
        match app
            .execute(Command::Costing(CostingCommand::SetCentreRequirement {
                requirement,
            }))
            .await
        {
            Ok(_) => notice.set(Some((T::RequirementSaved, String::new()))),
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    let pending = save.pending();
    view! {
        <form class="form requirement" data-testid="requirement-form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <h2>{move || i18n.t(T::Requirement)}</h2>
            <p class="muted small">{move || i18n.t(T::RequirementLead)}</p>
            <fieldset>
                <div class="field-row">
                    <label class="check">
                        <input type="checkbox" data-testid="req-all-expense" prop:checked=all_expense on:change=move |ev| all_expense.set(event_target_checked(&ev)) />
                        {move || i18n.t(T::AllExpense)}
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="req-all-revenue" prop:checked=all_revenue on:change=move |ev| all_revenue.set(event_target_checked(&ev)) />
                        {move || i18n.t(T::AllRevenue)}
                    </label>
                </div>
                <label class="field">
                    <span>{move || i18n.t(T::MoreAccounts)}</span>
                    <input data-testid="req-accounts" prop:value=accounts placeholder="4200, 4210"
                        on:input=move |ev| accounts.set(event_target_value(&ev)) />
                </label>
            </fieldset>
            <ErrorBox message=Signal::derive(move || error.get()) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="requirement-notice">{move || notice.get().map(|(t, what)| format!("{} {what}", i18n.t(t)).trim().to_string())}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="req-save" pending=move || pending.get()>{move || i18n.t(T::Save)}</SaveButton>
            </div>
        </form>
    }
}
