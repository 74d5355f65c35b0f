//! Änderungsprotokoll: who changed which master record's field when,
//! from what to what, read from the log (`ledger::book::change_log`),
//! nothing stored beside it. Filters by record type, record, user and
//! date; new records only when asked for; newest first, a page at a time;
//! partners and items link to their cards. What the filters show is
//! exported as CSV (Alt+E) or printed (Alt+P). The log is read again
//! whenever it grows.

use std::rc::Rc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::formats::csv::{Cell, CsvWriter};
use crate::ledger::book::change_log::{
    Action, Change, ChangeFilter, ChangeLogError, RecordKind, change_log, users,
};
use crate::store::{CompanyLog, StoreError};
use crate::texts;
use crate::ui::components::{
    AdminFrame, DateField, Pager, dialect, fmt_stamp, offer_csv, print_page, report_shortcuts,
};
use crate::ui::errors::store_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

/// Changes per page.
const PAGE: usize = 50;

texts! {
    pub enum T {
        Title => "Änderungsprotokoll", "Change log";
        Lead => "Wer hat welches Feld eines Stammdatensatzes wann von welchem auf welchen Wert geändert: gelesen aus dem Protokoll der Buchhaltung, nichts wird dafür zusätzlich gespeichert. Neueste zuerst.", "Who changed which field of a master record when, from what to what: read from the books' log, nothing is stored for it besides. Newest first.";
        Loading => "Lese das Protokoll …", "Reading the log …";
        Kind => "Datensatzart", "Record type";
        AllKinds => "Alle Arten", "All types";
        Record => "Datensatz", "Record";
        User => "Benutzer", "User";
        AllUsers => "Alle Benutzer", "All users";
        From => "Von", "From";
        To => "Bis", "To";
        WithCreated => "Neuanlagen zeigen", "Show new records";
        When => "Zeitpunkt", "When";
        Position => "Satz", "Record no.";
        What => "Aktion", "Action";
        Field => "Feld", "Field";
        Old => "Alter Wert", "Old value";
        New => "Neuer Wert", "New value";
        Created => "angelegt", "created";
        Changed => "geändert", "changed";
        Deleted => "gelöscht", "deleted";
        NotRecorded => "nicht erfasst", "not recorded";
        NotRecordedHint => "Änderungen dieser Art tragen noch keinen Benutzer und keine Zeit; die Satznummer sagt, wann im Protokoll sie geschahen.", "Changes of this kind carry no user and time yet; the record number says where in the log they happened.";
        Empty => "Keine Änderungen für diese Auswahl.", "No changes for this selection.";
        Count => "Änderungen", "changes";
        Unreadable => "ist nicht lesbar:", "is not readable:";
        LogRecord => "Protokollsatz", "Log record";
        Company => "Firmendaten", "Company details";
        Account => "Sachkonto", "G/L account";
        Period => "Buchungsperiode", "Posting period";
        ExchangeRate => "Wechselkurs", "Exchange rate";
        Determination => "Sachkontenfindung", "G/L account determination";
        TaxCode => "Steuerkennzeichen", "Tax code";
        Dimension => "Kostenrechnungsdimension", "Cost dimension";
        CostCentre => "Kostenstelle", "Cost centre";
        DistributionRule => "Verteilungsregel", "Distribution rule";
        CentreRequirement => "Kostenstellenpflicht", "Cost centre requirement";
        PaymentTerms => "Zahlungsbedingung", "Payment terms";
        Partner => "Geschäftspartner", "Business partner";
        PartnerPricing => "Preisfindung des Partners", "Partner pricing";
        PaymentSettings => "Zahlungseinstellungen", "Payment settings";
        HouseBank => "Hausbank", "House bank";
        BankRule => "Buchungsregel (Bank)", "Posting rule (bank)";
        DunningTerm => "Mahnverfahren", "Dunning term";
        DunningSettings => "Mahneinstellungen", "Dunning settings";
        ItemGroup => "Artikelgruppe", "Item group";
        Item => "Artikel", "Item";
        PriceList => "Preisliste", "Price list";
        SpecialPrice => "Sonderpreis", "Special price";
        DiscountGroup => "Rabattgruppe", "Discount group";
        StatementPosition => "Bilanz-/GuV-Zuordnung", "Statement position";
        PostingTemplate => "Buchungsvorlage", "Posting template";
        StandingPosting => "Dauerbuchung", "Standing posting";
        Loan => "Darlehen", "Loan";
        DatevSettings => "DATEV-Einstellungen", "DATEV settings";
        EntryRules => "Erfassungsregeln", "Entry rules";
        NumberSeries => "Nummernkreise", "Numbering series";
        Role => "Rollen", "Roles";
        UserRecord => "Benutzer", "Users";
        PasswordPolicyRecord => "Kennwortrichtlinie", "Password policy";
        DisplayDecimalsRecord => "Anzeige-Nachkommastellen", "Display decimals";
        FName => "Bezeichnung", "Name";
        FNameDe => "Bezeichnung (deutsch)", "Name (German)";
        FNameEn => "Bezeichnung (englisch)", "Name (English)";
        FActive => "aktiv", "active";
        FStreet => "Straße", "Street";
        FHouseNumber => "Hausnummer", "House number";
        FPostcode => "Postleitzahl", "Postcode";
        FTown => "Ort", "Town";
        FCountry => "Land", "Country";
        FAddress => "Anschrift", "Address";
        FVatId => "USt-IdNr.", "VAT ID";
        FTaxNumber => "Steuernummer", "Tax number";
        FPerson => "Ansprechpartner", "Contact person";
        FPhone => "Telefon", "Phone";
        FEmail => "E-Mail", "Email";
        FCreditLimit => "Kreditlimit", "Credit limit";
        FCommitmentLimit => "Obligo-Limit", "Commitment limit";
        FRemarks => "Bemerkungen", "Remarks";
        FBankAccounts => "Bankverbindungen", "Bank accounts";
        FPaymentTerms => "Zahlungsbedingung", "Payment terms";
        FPaymentBlock => "Zahlungssperre", "Payment block";
        FStatus => "Status", "Status";
        FRate => "Kurs (FW je HW)", "Rate (FC per LC)";
        FRates => "Sätze", "Rates";
        FGroup => "Gruppe", "Group";
        FCreditorId => "Gläubiger-ID", "Creditor ID";
        FTo => "Reihenfolge", "Order";
        FLine => "Zeile", "Line";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
        FileName => "aenderungsprotokoll", "change-log";
    }
}

fn kind_text(kind: RecordKind) -> T {
    use RecordKind as K;
    match kind {
        K::Company => T::Company,
        K::Account => T::Account,
        K::Period => T::Period,
        K::ExchangeRate => T::ExchangeRate,
        K::Determination => T::Determination,
        K::TaxCode => T::TaxCode,
        K::Dimension => T::Dimension,
        K::CostCentre => T::CostCentre,
        K::DistributionRule => T::DistributionRule,
        K::CentreRequirement => T::CentreRequirement,
        K::PaymentTerms => T::PaymentTerms,
        K::Partner => T::Partner,
        K::PartnerPricing => T::PartnerPricing,
        K::PaymentSettings => T::PaymentSettings,
        K::HouseBank => T::HouseBank,
        K::BankRule => T::BankRule,
        K::DunningTerm => T::DunningTerm,
        K::DunningSettings => T::DunningSettings,
        K::ItemGroup => T::ItemGroup,
        K::Item => T::Item,
        K::PriceList => T::PriceList,
        K::SpecialPrice => T::SpecialPrice,
        K::DiscountGroup => T::DiscountGroup,
        K::StatementPosition => T::StatementPosition,
        K::PostingTemplate => T::PostingTemplate,
        K::StandingPosting => T::StandingPosting,
        K::Loan => T::Loan,
        K::DatevSettings => T::DatevSettings,
        K::EntryRules => T::EntryRules,
        K::NumberSeries => T::NumberSeries,
        K::Role => T::Role,
        K::User => T::UserRecord,
        K::PasswordPolicy => T::PasswordPolicyRecord,
        K::DisplayDecimals => T::DisplayDecimalsRecord,
    }
}

fn action_text(action: Action) -> T {
    match action {
        Action::Created => T::Created,
        Action::Changed => T::Changed,
        Action::Deleted => T::Deleted,
    }
}

/// A field's words where the screen knows them, else its stored key.
fn field_label(key: &str, lang: Lang) -> String {
    let known = match key {
        "name" => Some(T::FName),
        "name_de" | "description_de" => Some(T::FNameDe),
        "name_en" | "description_en" => Some(T::FNameEn),
        "active" => Some(T::FActive),
        "address.street" => Some(T::FStreet),
        "address.house_number" => Some(T::FHouseNumber),
        "address.postcode" => Some(T::FPostcode),
        "address.town" => Some(T::FTown),
        "address.country" | "country" => Some(T::FCountry),
        "address" => Some(T::FAddress),
        "vat_id" => Some(T::FVatId),
        "tax_number" => Some(T::FTaxNumber),
        "contact.person" => Some(T::FPerson),
        "contact.phone" => Some(T::FPhone),
        "contact.email" => Some(T::FEmail),
        "credit_limit" => Some(T::FCreditLimit),
        "commitment_limit" => Some(T::FCommitmentLimit),
        "remarks" => Some(T::FRemarks),
        "bank_accounts" => Some(T::FBankAccounts),
        "payment_terms" => Some(T::FPaymentTerms),
        "payment_block" => Some(T::FPaymentBlock),
        "status" => Some(T::FStatus),
        "rate_fc_per_lc" => Some(T::FRate),
        "rates" => Some(T::FRates),
        "group" => Some(T::FGroup),
        "creditor_id" => Some(T::FCreditorId),
        "to" => Some(T::FTo),
        "line" => Some(T::FLine),
        _ => None,
    };
    known.map_or_else(|| key.to_owned(), |t| t.text(lang).to_owned())
}

#[component]
pub fn ChangeLogPage() -> impl IntoView {
    view! {
        <AdminFrame page="change-log" title=T::Title lead=T::Lead>
            <ChangeLogBody />
        </AdminFrame>
    }
}

/// Why the log could not be read.
#[derive(Clone, Debug)]
enum LoadError {
    Store(StoreError),
    Log(ChangeLogError),
}

async fn load(app: AppState) -> Result<Rc<Vec<Change>>, LoadError> {
    let Some(session) = app.session() else {
        return Ok(Rc::default());
    };
    let records = session.log().load().await.map_err(LoadError::Store)?;
    let mut changes = change_log(&records).map_err(LoadError::Log)?;
    changes.reverse();
    Ok(Rc::new(changes))
}

#[component]
fn ChangeLogBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let loaded = LocalResource::new(move || {
        // Read again when the log grows.
        app.revision.track();
        load(app)
    });
    let kind = RwSignal::new(None::<RecordKind>);
    let record = RwSignal::new(String::new());
    let by = RwSignal::new(None::<String>);
    let from = RwSignal::new(None::<NaiveDate>);
    let to = RwSignal::new(None::<NaiveDate>);
    let created = RwSignal::new(false);
    let page = RwSignal::new(0usize);
    let filter = Memo::new(move |_| ChangeFilter {
        kind: kind.get(),
        record: record.get(),
        by: by.get(),
        from: from.get(),
        to: to.get(),
        created: created.get(),
    });
    Effect::new(move |_| {
        filter.track();
        page.set(0);
    });
    let all = move || loaded.get().and_then(|r| r.ok()).unwrap_or_default();
    let shown = Memo::new(move |_| {
        let f = filter.get();
        all()
            .iter()
            .filter(|c| f.admits(c))
            .cloned()
            .collect::<Vec<_>>()
    });
    report_shortcuts(move || {
        let lang = i18n.lang_untracked();
        let name = format!("{}.csv", T::FileName.text(lang));
        offer_csv(&name, &changes_csv(&shown.get_untracked(), lang));
    });
    let error = move || match loaded.get()? {
        Err(LoadError::Store(e)) => Some(store_error(&e, i18n.lang())),
        Err(LoadError::Log(e)) => Some(format!(
            "{} {} {} {}",
            i18n.t(T::LogRecord),
            e.position,
            i18n.t(T::Unreadable),
            e.message
        )),
        Ok(_) => None,
    };
    view! {
        <div class="change-log" data-testid="change-log">
            <Filters kind record by from to created names=Signal::derive(move || users(&all())) />
            <div class="toolbar-actions no-print">
                <button class="button" data-testid="export-csv" on:click=move |_| {
                    let lang = i18n.lang_untracked();
                    let name = format!("{}.csv", T::FileName.text(lang));
                    offer_csv(&name, &changes_csv(&shown.get_untracked(), lang));
                }>{move || i18n.t(T::ExportCsv)}</button>
                <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
            </div>
            {move || error().map(|e| view! { <div class="error-box" role="alert" data-testid="change-log-error">{e}</div> })}
            {move || loaded.get().is_none().then(|| view! { <p class="muted" data-testid="change-log-loading">{i18n.t(T::Loading)}</p> })}
            <Show when=move || loaded.get().is_some() && shown.with(|s| s.is_empty())>
                <p class="muted" data-testid="change-log-empty">{move || i18n.t(T::Empty)}</p>
            </Show>
            <ChangeTable shown page />
            {move || {
                let count = shown.with(Vec::len);
                view! { <Pager page pages=count.div_ceil(PAGE) count unit=Signal::derive(move || i18n.t(T::Count)) /> }
            }}
        </div>
    }
}

#[component]
fn Filters(
    kind: RwSignal<Option<RecordKind>>,
    record: RwSignal<String>,
    by: RwSignal<Option<String>>,
    from: RwSignal<Option<NaiveDate>>,
    to: RwSignal<Option<NaiveDate>>,
    created: RwSignal<bool>,
    names: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="toolbar filters no-print">
            <label class="field">
                <span>{move || i18n.t(T::Kind)}</span>
                <select data-testid="change-kind" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    kind.set(v.parse::<usize>().ok().and_then(|i| RecordKind::ALL.get(i).copied()));
                }>
                    <option value="">{move || i18n.t(T::AllKinds)}</option>
                    {RecordKind::ALL.iter().enumerate().map(|(i, k)| {
                        let words = kind_text(*k);
                        view! { <option value=i.to_string()>{move || i18n.t(words)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || i18n.t(T::Record)}</span>
                <input type="search" size="10" data-testid="change-record"
                    prop:value=move || record.get()
                    on:input=move |ev| record.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{move || i18n.t(T::User)}</span>
                <select data-testid="change-user" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    by.set((!v.is_empty()).then_some(v));
                }>
                    <option value="">{move || i18n.t(T::AllUsers)}</option>
                    {move || names.get().into_iter().map(|n| {
                        let selected = by.get().as_ref() == Some(&n);
                        view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <DateField label=T::From value=from testid="change-from" />
            <DateField label=T::To value=to testid="change-to" />
            <label class="check">
                <input type="checkbox" data-testid="change-created"
                    prop:checked=move || created.get()
                    on:change=move |ev| created.set(event_target_checked(&ev)) />
                {move || i18n.t(T::WithCreated)}
            </label>
        </div>
    }
}

#[component]
fn ChangeTable(shown: Memo<Vec<Change>>, page: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let heads = [
        T::When,
        T::User,
        T::Kind,
        T::Record,
        T::What,
        T::Field,
        T::Old,
        T::New,
    ];
    view! {
        <table class="data change-table" hidden=move || shown.with(|s| s.is_empty())>
            <thead><tr>
                {heads.map(|h| view! { <th scope="col">{move || i18n.t(h)}</th> }).collect_view()}
            </tr></thead>
            {move || {
                // Re-rendered in the language shown.
                i18n.track();
                let start = page.get() * PAGE;
                shown.with(|s| s.iter().skip(start).take(PAGE).cloned().collect::<Vec<_>>())
                    .into_iter()
                    .map(|c| view! { <ChangeRows change=c /> })
                    .collect_view()
            }}
        </table>
    }
}

/// One change: a row per field, the first one saying who, when and what.
#[component]
fn ChangeRows(change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let span = change.fields.len();
    let lang = i18n.lang();
    let when = change
        .at
        .map_or_else(|| i18n.t(T::NotRecorded).to_owned(), |t| fmt_stamp(t, lang));
    let who = change
        .by
        .clone()
        .unwrap_or_else(|| i18n.t(T::NotRecorded).to_owned());
    let hint = change.at.is_none().then(|| i18n.t(T::NotRecordedHint));
    let position = format!("{} {}", i18n.t(T::Position), change.position);
    let kind = i18n.t(kind_text(change.kind));
    let action = i18n.t(action_text(change.action));
    let rows = change.fields.iter().enumerate().map(|(i, f)| {
        let head = (i == 0).then(|| view! {
            <td rowspan=span title=hint>{when.clone()}<br /><span class="muted small">{position.clone()}</span></td>
            <td rowspan=span>{who.clone()}</td>
            <td rowspan=span>{kind}</td>
            <td rowspan=span class="mono">{record_cell(change.kind, &change.record)}</td>
            <td rowspan=span>{action}</td>
        });
        view! {
            <tr data-testid="change-field" data-field=f.field.clone()>
                {head}
                <td>{field_label(&f.field, lang)}</td>
                <td class="old">{f.old.clone()}</td>
                <td class="new">{f.new.clone()}</td>
            </tr>
        }
    }).collect_view();
    view! { <tbody data-testid="change" data-kind=format!("{:?}", change.kind) data-record=change.record.clone()>{rows}</tbody> }
}

/// A partner's or item's key links to its card; other keys are text.
fn record_cell(kind: RecordKind, record: &str) -> impl IntoView + use<> {
    let href = match kind {
        RecordKind::Partner => Some(format!("/master-data/partners/{record}")),
        RecordKind::Item => Some(format!("/master-data/items/{record}")),
        _ => None,
    };
    let text = record.to_owned();
    match href {
        Some(href) => view! { <a href=href data-testid="change-record-link">{text}</a> }.into_any(),
        None => text.into_any(),
    }
}

/// The changes shown, one row per field, as the screen lists them.
fn changes_csv(changes: &[Change], lang: Lang) -> String {
    let t = |k: T| k.text(lang);
    let mut w = CsvWriter::new(dialect(lang));
    w.header(&[
        t(T::When),
        t(T::User),
        t(T::Kind),
        t(T::Record),
        t(T::What),
        t(T::Field),
        t(T::Old),
        t(T::New),
        t(T::Position),
    ]);
    for c in changes {
        let when = c.at.map_or_else(String::new, |at| fmt_stamp(at, lang));
        for f in &c.fields {
            w.row(&[
                Cell::text(when.clone()),
                Cell::text(c.by.clone().unwrap_or_default()),
                Cell::text(t(kind_text(c.kind))),
                Cell::text(c.record.clone()),
                Cell::text(t(action_text(c.action))),
                Cell::text(field_label(&f.field, lang)),
                Cell::text(f.old.clone()),
                Cell::text(f.new.clone()),
                Cell::text(c.position.to_string()),
            ]);
        }
    }
    w.finish()
}
