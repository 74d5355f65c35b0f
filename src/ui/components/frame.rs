//! The frames pages stand in: the notice shown instead of a screen that
//! needs a company when none is open (the no-company guard), and the frame
//! of the administration screens with their one sub-navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::texts;
use crate::ui::errors::session_error;
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    enum T {
        NoCompany => "Kein Mandant geöffnet.", "No company open.";
        NoCompanyHint => "Öffnen oder legen Sie auf der Startseite einen Mandanten an.", "Open or create a company on the start page.";
        ToStart => "Zur Startseite", "Go to start";
        Loading => "Lade …", "Loading …";
        Damaged => "Mandant konnte nicht geöffnet werden", "The company could not be opened";
        DamagedHint => "Die gespeicherten Daten wurden nicht verändert. Stellen Sie die letzte Sicherung wieder her – als Kopie, oder anstelle dieses Mandanten.", "The stored data was left as it was. Restore your latest backup – as a copy, or in place of this company.";
        ToRestore => "Sicherung wiederherstellen", "Restore a backup";
        SubNav => "Administration", "Administration";
        NavCompany => "Firmendaten", "Company details";
        NavPeriods => "Buchungsperioden", "Posting periods";
        NavCurrencies => "Währungen und Kurse", "Currencies and rates";
        NavDetermination => "Sachkontenfindung", "G/L account determination";
        NavTaxCodes => "Steuerkennzeichen", "Tax codes";
        NavCosting => "Kostenrechnung", "Cost accounting";
        NavBackup => "Datensicherung", "Backup";
        NavChangeLog => "Änderungsprotokoll", "Change log";
        NavEntryRules => "Erfassungsregeln", "Entry rules";
        NavNumberSeries => "Nummernkreise", "Numbering series";
        NavUsers => "Benutzer", "Users";
        AdminNoCompanyTitle => "Kein Mandant geöffnet", "No company open";
        AdminNoCompanyBody => "Diese Einstellungen gehören zu einem Mandanten. Öffnen oder legen Sie auf der Startseite einen an.", "These settings belong to a company. Open or create one on the start page.";
    }
}

/// Shown instead of a screen when no company is open (or while one opens).
#[component]
pub fn NoCompany() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        {move || if app.loading.get().is_some() || app.companies.get().is_none() {
            view! { <p class="muted">{i18n.t(T::Loading)}</p> }.into_any()
        } else {
            view! {
                <div class="notice" data-testid="no-company">
                    <p><strong>{i18n.t(T::NoCompany)}</strong>" "{i18n.t(T::NoCompanyHint)}</p>
                    <A href="/" attr:class="button primary">{i18n.t(T::ToStart)}</A>
                </div>
            }.into_any()
        }}
    }
}

/// Why the last company did not open, and the way out: restoring a
/// backup (the restore panel works without an open company). Shown by
/// the shell above every screen, since the failed company was perhaps
/// being reopened on the screen the user left.
#[component]
pub fn OpenFailureNotice() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    move || {
        app.open_failure.get().map(|f| {
            let reason = session_error(&f.error, i18n.lang());
            view! {
                <div class="error-box" role="alert" data-testid="open-failure">
                    <strong>{i18n.t(T::Damaged)} ": " {f.name}</strong>
                    <p data-testid="open-failure-reason">{reason}</p>
                    <p>{i18n.t(T::DamagedHint)}</p>
                    <A href="/admin/backup" attr:data-testid="open-failure-restore">{i18n.t(T::ToRestore)}</A>
                </div>
            }
        })
    }
}

/// The one sub-navigation of the administration screens (the backup
/// screen too, which has no company guard: restoring works without one).
#[component]
pub fn AdminNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="admin-nav" aria-label=move || i18n.t(T::SubNav)>
            <A href="/admin/company">{move || i18n.t(T::NavCompany)}</A>
            <A href="/admin/periods">{move || i18n.t(T::NavPeriods)}</A>
            <A href="/admin/currencies">{move || i18n.t(T::NavCurrencies)}</A>
            <A href="/admin/determination">{move || i18n.t(T::NavDetermination)}</A>
            <A href="/admin/entry-rules">{move || i18n.t(T::NavEntryRules)}</A>
            <A href="/admin/number-series">{move || i18n.t(T::NavNumberSeries)}</A>
            <A href="/admin/tax-codes">{move || i18n.t(T::NavTaxCodes)}</A>
            <A href="/admin/costing">{move || i18n.t(T::NavCosting)}</A>
            <A href="/admin/change-log">{move || i18n.t(T::NavChangeLog)}</A>
            <A href="/admin/users">{move || i18n.t(T::NavUsers)}</A>
            <A href="/admin/backup">{move || i18n.t(T::NavBackup)}</A>
        </nav>
    }
}

/// The frame every administration screen shares: sub-navigation, title,
/// lead, and either the screen's body or a pointer to the start page when
/// no company is open.
#[component]
pub fn AdminFrame<H: Text + Send + Sync, L: Text + Send + Sync>(
    page: &'static str,
    title: H,
    lead: L,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // A memo, so the body re-renders when a company opens or closes, not on
    // every change to the Book (that would reset half-typed forms).
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page admin-page" data-page=page>
            <AdminNav />
            <h1>{move || i18n.t(title)}</h1>
            <p class="lead">{move || i18n.t(lead)}</p>
            {move || if open.get() {
                children().into_any()
            } else {
                view! {
                    <div class="admin-empty" data-testid="no-company">
                        <h2>{move || i18n.t(T::AdminNoCompanyTitle)}</h2>
                        <p>{move || i18n.t(T::AdminNoCompanyBody)}</p>
                        <A href="/" attr:class="button primary">{move || i18n.t(T::ToStart)}</A>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
