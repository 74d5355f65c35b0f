//! Steuerkennzeichen (tax codes) at `/admin/tax-codes`: the list with the
//! current rate, accounts and UStVA Kennzahlen, and a form to create or
//! edit a code with its rate history. Writes only through
//! `CreateTaxCode` / `UpdateTaxCode`; the engine's refusals are shown as
//! sentences (`ui::errors`).

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::{format_amount, format_date, parse_amount, parse_date};
use crate::ledger::Command;
use crate::ledger::tax::TaxCommand;
use crate::ledger::tax::{Kennzahl, TaxCode, TaxDirection, TaxKind, TaxRate};
use crate::ledger::types::AccountNo;
use crate::ledger::types::limits::MAX_TAX_RATE_DECIMALS as MAX_RATE_DECIMALS;
use crate::texts;
use crate::ui::components::AdminFrame;
use crate::ui::components::SaveButton;
use crate::ui::components::{ErrorBox, number_style, today};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Steuerkennzeichen", "Tax codes";
        Lead => "Steuerkennzeichen erzeugen beim Buchen die Steuerzeilen und bestimmen die Kennzahlen der Umsatzsteuer-Voranmeldung. Steuersätze gelten ab ihrem Datum.", "Tax codes generate the tax lines when posting and decide the boxes of the VAT return. Rates apply from their date.";
        Code => "Kennzeichen", "Code";
        Name => "Bezeichnung", "Name";
        NameDe => "Bezeichnung (deutsch)", "Name (German)";
        NameEn => "Bezeichnung (englisch)", "Name (English)";
        Kind => "Art", "Kind";
        Direction => "Richtung", "Direction";
        Rate => "Satz heute", "Rate today";
        Accounts => "Konten", "Accounts";
        Boxes => "Kennzahlen", "VAT return boxes";
        Active => "Aktiv", "Active";
        Inactive => "inaktiv", "inactive";
        Yes => "ja", "yes";
        Edit => "Bearbeiten", "Edit";
        New => "Neues Steuerkennzeichen", "New tax code";
        EditTitle => "Steuerkennzeichen bearbeiten:", "Edit tax code:";
        Standard => "Regelsteuersatz", "Standard rate";
        Reduced => "Ermäßigter Steuersatz", "Reduced rate";
        TaxFree => "Steuerfrei", "Tax-exempt";
        IntraEuSupply => "Innergemeinschaftliche Lieferung", "Intra-EU supply";
        IntraEuAcquisition => "Innergemeinschaftlicher Erwerb", "Intra-EU acquisition";
        ReverseCharge => "§ 13b UStG (Reverse Charge)", "§ 13b UStG (reverse charge)";
        Output => "Umsatzsteuer (Verkauf)", "Output VAT (sales)";
        Input => "Vorsteuer (Einkauf)", "Input VAT (purchases)";
        OutputShort => "USt", "Output";
        OutputList => "Umsatzsteuer", "Output VAT";
        InputList => "Vorsteuer", "Input VAT";
        InputShort => "VSt", "Input";
        BaseShort => "Basis", "Base";
        OutputAccount => "Umsatzsteuerkonto", "Output VAT account";
        InputAccount => "Vorsteuerkonto", "Input VAT account";
        BaseBox => "Kz Bemessungsgrundlage", "Box for the base";
        OutputBox => "Kz Umsatzsteuer", "Box for output VAT";
        InputBox => "Kz Vorsteuer", "Box for input VAT";
        RateHistory => "Steuersätze", "Rate history";
        ValidFrom => "Gültig ab", "Valid from";
        Percent => "Satz in %", "Rate in %";
        AddRate => "Satz hinzufügen", "Add rate";
        Remove => "Entfernen", "Remove";
        NoRates => "Steuerfreie Arten haben keinen Satz.", "Tax-exempt kinds have no rate.";
        Definition => "Kennzeichen", "Code";
        Posting => "Buchung", "Posting";
        Return => "Umsatzsteuer-Voranmeldung", "VAT return";
        Create => "Anlegen", "Create";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        Saving => "Wird gespeichert …", "Saving …";
        Created => "Steuerkennzeichen angelegt:", "Tax code created:";
        Saved => "Steuerkennzeichen gespeichert:", "Tax code saved:";
        BadDate => "ist kein gültiges Datum (z. B. 01.01.2026).", "is not a valid date (e.g. 2026-01-01).";
        BadPercent => "ist kein gültiger Satz (z. B. 19 oder 10,7).", "is not a valid rate (e.g. 19 or 10.7).";
        BadAccount => "ist keine gültige Kontonummer.", "is not a valid account number.";
        BadBox => "ist keine gültige Kennzahl (1 bis 99).", "is not a valid box number (1 to 99).";
        KindHint => "Erwerb und § 13b buchen Vorsteuer und Umsatzsteuer zugleich und sind immer Eingangsseite.", "Acquisition and § 13b post input and output VAT at once and are always on the purchase side.";
        Count => "Steuerkennzeichen", "tax codes";
    }
}

const KINDS: [TaxKind; 6] = [
    TaxKind::Standard,
    TaxKind::Reduced,
    TaxKind::TaxFree,
    TaxKind::IntraEuSupply,
    TaxKind::IntraEuAcquisition,
    TaxKind::ReverseCharge13b,
];

fn kind_text(k: TaxKind) -> T {
    match k {
        TaxKind::Standard => T::Standard,
        TaxKind::Reduced => T::Reduced,
        TaxKind::TaxFree => T::TaxFree,
        TaxKind::IntraEuSupply => T::IntraEuSupply,
        TaxKind::IntraEuAcquisition => T::IntraEuAcquisition,
        TaxKind::ReverseCharge13b => T::ReverseCharge,
    }
}

/// The `<option>` value of a kind; also what the e2e tests select.
fn kind_value(k: TaxKind) -> &'static str {
    match k {
        TaxKind::Standard => "standard",
        TaxKind::Reduced => "reduced",
        TaxKind::TaxFree => "tax_free",
        TaxKind::IntraEuSupply => "intra_eu_supply",
        TaxKind::IntraEuAcquisition => "intra_eu_acquisition",
        TaxKind::ReverseCharge13b => "reverse_charge_13b",
    }
}

/// The direction as the list shows it (the form's options say more).
fn direction_text(d: TaxDirection) -> T {
    match d {
        TaxDirection::Output => T::OutputList,
        TaxDirection::Input => T::InputList,
    }
}

fn percent_text(p: Decimal, lang: Lang) -> String {
    format!(
        "{} %",
        format_amount(p.normalize(), p.normalize().scale(), number_style(lang))
    )
}

fn date_text(d: NaiveDate, lang: Lang) -> String {
    format_date(d, number_style(lang))
}

/// One row of the rate editor.
#[derive(Clone, Copy)]
struct RateRow {
    id: usize,
    date: RwSignal<String>,
    percent: RwSignal<String>,
}

/// The form as typed.
#[derive(Clone, Copy)]
struct Form {
    /// `Some(code)` while editing an existing code.
    editing: RwSignal<Option<String>>,
    code: RwSignal<String>,
    name_de: RwSignal<String>,
    name_en: RwSignal<String>,
    kind: RwSignal<TaxKind>,
    direction: RwSignal<TaxDirection>,
    output_account: RwSignal<String>,
    input_account: RwSignal<String>,
    base_box: RwSignal<String>,
    output_box: RwSignal<String>,
    input_box: RwSignal<String>,
    active: RwSignal<bool>,
    rates: RwSignal<Vec<RateRow>>,
    next_id: StoredValue<usize>,
}

impl Form {
    fn new() -> Form {
        Form {
            editing: RwSignal::new(None),
            code: RwSignal::new(String::new()),
            name_de: RwSignal::new(String::new()),
            name_en: RwSignal::new(String::new()),
            kind: RwSignal::new(TaxKind::Standard),
            direction: RwSignal::new(TaxDirection::Output),
            output_account: RwSignal::new(String::new()),
            input_account: RwSignal::new(String::new()),
            base_box: RwSignal::new(String::new()),
            output_box: RwSignal::new(String::new()),
            input_box: RwSignal::new(String::new()),
            active: RwSignal::new(true),
            rates: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }

    fn row(&self, date: String, percent: String) -> RateRow {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        RateRow {
            id,
            date: RwSignal::new(date),
            percent: RwSignal::new(percent),
        }
    }

    fn clear(&self, lang: Lang) {
        self.editing.set(None);
        for s in [
            self.code,
            self.name_de,
            self.name_en,
            self.output_account,
            self.input_account,
            self.base_box,
            self.output_box,
            self.input_box,
        ] {
            s.set(String::new());
        }
        self.kind.set(TaxKind::Standard);
        self.direction.set(TaxDirection::Output);
        self.active.set(true);
        let first = self.row(date_text(today(), lang), String::new());
        self.rates.set(vec![first]);
    }

    fn load(&self, c: &TaxCode, lang: Lang) {
        let opt = |a: Option<AccountNo>| a.map(|a| a.to_string()).unwrap_or_default();
        let kz = |k: Option<Kennzahl>| k.map(|k| k.to_string()).unwrap_or_default();
        self.editing.set(Some(c.code.clone()));
        self.code.set(c.code.clone());
        self.name_de.set(c.name_de.clone());
        self.name_en.set(c.name_en.clone());
        self.kind.set(c.kind);
        self.direction.set(c.direction);
        self.output_account.set(opt(c.output_account));
        self.input_account.set(opt(c.input_account));
        self.base_box.set(kz(c.base_box));
        self.output_box.set(kz(c.output_tax_box));
        self.input_box.set(kz(c.input_tax_box));
        self.active.set(c.active);
        let rows = c
            .rates
            .iter()
            .map(|r| {
                self.row(
                    date_text(r.valid_from, lang),
                    format_amount(
                        r.percent.normalize(),
                        r.percent.normalize().scale(),
                        number_style(lang),
                    ),
                )
            })
            .collect();
        self.rates.set(rows);
    }

    /// The typed form as a tax code, or a sentence saying which field is wrong.
    fn read(&self, lang: Lang) -> Result<TaxCode, String> {
        let quoted = |text: &str, why: T| format!("„{}“ {}", text.trim(), why.text(lang));
        let account = |s: RwSignal<String>| -> Result<Option<AccountNo>, String> {
            let text = s.get_untracked();
            if text.trim().is_empty() {
                return Ok(None);
            }
            AccountNo::parse(text.trim())
                .map(Some)
                .map_err(|_| quoted(&text, T::BadAccount))
        };
        let kz = |s: RwSignal<String>| -> Result<Option<Kennzahl>, String> {
            let text = s.get_untracked();
            if text.trim().is_empty() {
                return Ok(None);
            }
            match text.trim().parse::<u8>() {
                Ok(n) if (1..=99).contains(&n) => Ok(Some(Kennzahl(n))),
                _ => Err(quoted(&text, T::BadBox)),
            }
        };
        let kind = self.kind.get_untracked();
        let mut rates = Vec::new();
        if kind.taxed() {
            for row in self.rates.get_untracked() {
                let (date, percent) = (row.date.get_untracked(), row.percent.get_untracked());
                if date.trim().is_empty() && percent.trim().is_empty() {
                    continue;
                }
                let valid_from =
                    parse_date(&date, today()).map_err(|_| quoted(&date, T::BadDate))?;
                let percent = parse_amount(&percent, number_style(lang), MAX_RATE_DECIMALS)
                    .map_err(|_| quoted(&percent, T::BadPercent))?;
                rates.push(TaxRate {
                    valid_from,
                    percent,
                });
            }
            rates.sort_by_key(|r| r.valid_from);
        }
        Ok(TaxCode {
            code: self.code.get_untracked().trim().to_uppercase(),
            name_de: self.name_de.get_untracked().trim().to_string(),
            name_en: self.name_en.get_untracked().trim().to_string(),
            kind,
            direction: if kind.self_assessed() {
                TaxDirection::Input
            } else {
                self.direction.get_untracked()
            },
            rates,
            output_account: account(self.output_account)?,
            input_account: account(self.input_account)?,
            base_box: kz(self.base_box)?,
            output_tax_box: kz(self.output_box)?,
            input_tax_box: kz(self.input_box)?,
            active: self.active.get_untracked(),
        })
    }
}

#[component]
pub fn TaxCodesPage() -> impl IntoView {
    view! {
        <AdminFrame page="tax-codes" title=T::Title lead=T::Lead>
            <TaxCodesBody />
        </AdminFrame>
    }
}

#[component]
fn TaxCodesBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let codes = Memo::new(move |_| {
        app.with_book(|b| b.tax_codes().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let form = Form::new();
    form.clear(i18n.lang_untracked());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<(T, String)>);

    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        let tax_code = match form.read(lang) {
            Ok(c) => c,
            Err(message) => {
                error.set(Some(message));
                return;
            }
        };
        let editing = form.editing.get_untracked().is_some();
        let code = tax_code.code.clone();
        let cmd = if editing {
            Command::Tax(TaxCommand::UpdateTaxCode { tax_code })
        } else {
            Command::Tax(TaxCommand::CreateTaxCode { tax_code })
        };
        match app.execute(cmd).await {
            Ok(_) => {
                let what = if editing { T::Saved } else { T::Created };
                notice.set(Some((what, code)));
                form.clear(lang);
            }
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    let pending = save.pending();

    let edit = move |c: TaxCode| {
        error.set(None);
        notice.set(None);
        form.load(&c, i18n.lang_untracked());
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("tax-code-form"))
        {
            el.scroll_into_view();
        }
    };

    view! {
        <div class="table-wrap">
            <table class="data tax-codes" data-testid="tax-codes">
                <thead><tr>
                    <th>{move || i18n.t(T::Code)}</th>
                    <th>{move || i18n.t(T::Name)}</th>
                    <th>{move || i18n.t(T::Kind)}</th>
                    <th>{move || i18n.t(T::Direction)}</th>
                    <th class="num">{move || i18n.t(T::Rate)}</th>
                    <th>{move || i18n.t(T::Accounts)}</th>
                    <th>{move || i18n.t(T::Boxes)}</th>
                    <th>{move || i18n.t(T::Active)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    {move || codes.get().into_iter().map(|c| {
                        let lang = i18n.lang();
                        let de = lang == Lang::De;
                        let rate = c.kind.taxed().then(|| c.rate_on(today()).ok()).flatten();
                        let history = c.rates.iter()
                            .map(|r| format!("{} {}", date_text(r.valid_from, lang), percent_text(r.percent, lang)))
                            .collect::<Vec<_>>()
                            .join(" · ");
                        let accounts = [
                            (T::OutputShort, c.output_account),
                            (T::InputShort, c.input_account),
                        ]
                        .into_iter()
                        .filter_map(|(t, a)| a.map(|a| format!("{} {a}", t.text(lang))))
                        .collect::<Vec<_>>()
                        .join(" · ");
                        let boxes = [
                            (T::BaseShort, c.base_box),
                            (T::OutputShort, c.output_tax_box),
                            (T::InputShort, c.input_tax_box),
                        ]
                        .into_iter()
                        .filter_map(|(t, k)| k.map(|k| format!("{} {k}", t.text(lang))))
                        .collect::<Vec<_>>()
                        .join(" · ");
                        let active = c.active;
                        let code = c.code.clone();
                        let other = if de { c.name_en.clone() } else { c.name_de.clone() };
                        let name = c.name(de).to_string();
                        let for_edit = c.clone();
                        view! {
                            <tr data-code=code.clone() class:inactive=!active>
                                <td><strong class="code">{code.clone()}</strong></td>
                                // The other language's name is data in that language: marked so.
                                <td class="tax-name">{name}<div class="muted small" lang=if de { "en" } else { "de" }>{other}</div></td>
                                <td>{kind_text(c.kind).text(lang)}</td>
                                <td>{direction_text(c.direction).text(lang)}</td>
                                <td class="num" title=history data-testid="tax-rate">{rate.map(|r| percent_text(r, lang)).unwrap_or_else(|| "–".into())}</td>
                                <td class="nowrap">{accounts}</td>
                                <td class="nowrap" data-testid="tax-boxes">{boxes}</td>
                                <td>{if active {
                                    view! { <span class="badge ok">{T::Yes.text(lang)}</span> }.into_any()
                                } else {
                                    view! { <span class="badge inactive">{T::Inactive.text(lang)}</span> }.into_any()
                                }}</td>
                                <td><button type="button" class="button small" data-testid=format!("edit-{code}")
                                    on:click=move |_| edit(for_edit.clone())>{T::Edit.text(lang)}</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="muted small">{move || format!("{} {}", codes.get().len(), i18n.t(T::Count))}</p>

        <form id="tax-code-form" class="form tax-code-form" data-testid="tax-code-form" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(());
        }>
            <h2>{move || match form.editing.get() {
                Some(code) => format!("{} {code}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <fieldset>
                <legend>{move || i18n.t(T::Definition)}</legend>
                <div class="field-row">
                    <label class="field narrow">
                        <span>{move || i18n.t(T::Code)}</span>
                        <input data-testid="tax-code" maxlength="12" autocomplete="off"
                            prop:value=form.code prop:disabled=move || form.editing.get().is_some()
                            on:input=move |ev| form.code.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::NameDe)}</span>
                        <input data-testid="tax-name-de" prop:value=form.name_de on:input=move |ev| form.name_de.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::NameEn)}</span>
                        <input data-testid="tax-name-en" prop:value=form.name_en on:input=move |ev| form.name_en.set(event_target_value(&ev)) />
                    </label>
                </div>
                <div class="field-row">
                    <label class="field">
                        <span>{move || i18n.t(T::Kind)}</span>
                        <select data-testid="tax-kind" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(k) = KINDS.iter().find(|k| kind_value(**k) == v) {
                                form.kind.set(*k);
                                if k.self_assessed() { form.direction.set(TaxDirection::Input) }
                            }
                        }>
                            {KINDS.iter().map(|k| {
                                let k = *k;
                                view! { <option value=kind_value(k) selected=move || form.kind.get() == k>{move || i18n.t(kind_text(k))}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::Direction)}</span>
                        <select data-testid="tax-direction" prop:disabled=move || form.kind.get().self_assessed() on:change=move |ev| {
                            form.direction.set(if event_target_value(&ev) == "input" { TaxDirection::Input } else { TaxDirection::Output })
                        }>
                            <option value="output" selected=move || form.direction.get() == TaxDirection::Output>{move || i18n.t(T::Output)}</option>
                            <option value="input" selected=move || form.direction.get() == TaxDirection::Input>{move || i18n.t(T::Input)}</option>
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="tax-active" prop:checked=form.active on:change=move |ev| form.active.set(event_target_checked(&ev)) />
                        {move || i18n.t(T::Active)}
                    </label>
                </div>
                <p class="muted small">{move || i18n.t(T::KindHint)}</p>
            </fieldset>
            <div class="tax-form-grid">
                <fieldset>
                    <legend>{move || i18n.t(T::RateHistory)}</legend>
                    <Show when=move || form.kind.get().taxed()
                        fallback=move || view! { <p class="muted">{move || i18n.t(T::NoRates)}</p> }>
                        <table class="rate-editor">
                            <thead><tr>
                                <th>{move || i18n.t(T::ValidFrom)}</th>
                                <th>{move || i18n.t(T::Percent)}</th>
                                <th></th>
                            </tr></thead>
                            <tbody>
                                <For each=move || form.rates.get() key=|r| r.id let:row>
                                    <tr>
                                        <td><input class="date" data-testid="rate-date" prop:value=row.date on:input=move |ev| row.date.set(event_target_value(&ev)) /></td>
                                        <td><input class="num" data-testid="rate-percent" inputmode="decimal" prop:value=row.percent on:input=move |ev| row.percent.set(event_target_value(&ev)) /></td>
                                        <td><button type="button" class="button small danger" on:click=move |_| form.rates.update(|rs| rs.retain(|r| r.id != row.id))>{move || i18n.t(T::Remove)}</button></td>
                                    </tr>
                                </For>
                            </tbody>
                        </table>
                        <button type="button" class="button small" data-testid="add-rate" on:click=move |_| {
                            let row = form.row(String::new(), String::new());
                            form.rates.update(|rs| rs.push(row));
                        }>{move || i18n.t(T::AddRate)}</button>
                    </Show>
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t(T::Posting)}</legend>
                    <label class="field">
                        <span>{move || i18n.t(T::OutputAccount)}</span>
                        <input class="num" data-testid="tax-output-account" prop:value=form.output_account on:input=move |ev| form.output_account.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::InputAccount)}</span>
                        <input class="num" data-testid="tax-input-account" prop:value=form.input_account on:input=move |ev| form.input_account.set(event_target_value(&ev)) />
                    </label>
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t(T::Return)}</legend>
                    <label class="field">
                        <span>{move || i18n.t(T::BaseBox)}</span>
                        <input class="num" data-testid="tax-base-box" inputmode="numeric" prop:value=form.base_box on:input=move |ev| form.base_box.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::OutputBox)}</span>
                        <input class="num" data-testid="tax-output-box" inputmode="numeric" prop:value=form.output_box on:input=move |ev| form.output_box.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::InputBox)}</span>
                        <input class="num" data-testid="tax-input-box" inputmode="numeric" prop:value=form.input_box on:input=move |ev| form.input_box.set(event_target_value(&ev)) />
                    </label>
                </fieldset>
            </div>
            <ErrorBox message=Signal::derive(move || error.get()) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|(t, code)| format!("{} {code}", i18n.t(t)))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="tax-save" pending=move || pending.get()>
                    {move || if pending.get() { i18n.t(T::Saving) } else if form.editing.get().is_some() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <Show when=move || form.editing.get().is_some()>
                    <button type="button" class="button" on:click=move |_| { error.set(None); form.clear(i18n.lang_untracked()) }>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}
