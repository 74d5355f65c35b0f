//! The update notice: when the service worker has a newer version ready, a
//! banner offers to reload ("Neue Version verfügbar — neu laden"); it never
//! reloads by itself, so nothing typed is lost. When another tab applied a
//! newer version, this tab is told to reload, and until then the write
//! path refuses (`SessionError::OutdatedCode`); likewise when another
//! tab deleted the open company or upgraded its database (the store let go
//! of it, `AppState::closed_elsewhere`). The books are not touched
//! by an update: they live in IndexedDB, the versions in the Cache API.

use leptos::prelude::*;

use crate::texts;
use crate::ui::i18n::use_i18n;
use crate::ui::pwa;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Ready => "Neue Version verfügbar", "New version available";
        ReadyHint => "Ihre Daten bleiben unverändert; Eingaben, die noch nicht gespeichert sind, gehen beim Neuladen verloren.", "Your books stay as they are; input not yet saved is lost on reload.";
        Reload => "Neu laden", "Reload";
        Stale => "Kontor wurde in einem anderen Tab aktualisiert", "Kontor was updated in another tab";
        StaleHint => "Bitte laden Sie diese Seite neu. Bis dahin speichert sie nichts, damit alter Programmcode nicht neben neuem schreibt.", "Please reload this page. Until then it saves nothing, so old code never writes next to new.";
        ClosedElsewhere => "Dieser Mandant wurde in einem anderen Tab gelöscht oder mit einer neueren Kontor-Version geöffnet", "This company was deleted or opened with a newer Kontor in another tab";
        ClosedElsewhereHint => "Bitte laden Sie diese Seite neu. Bis dahin kann sie nichts speichern; Gespeichertes bleibt, wie es ist.", "Please reload this page. Until then it cannot save anything; what is saved stays as it is.";
    }
}

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let i18n = use_i18n();
    let closed_elsewhere = use_app().closed_elsewhere;
    let ready = RwSignal::new(pwa::update_ready());
    let stale = RwSignal::new(pwa::code_is_outdated());
    pwa::on_change(move || {
        ready.set(pwa::update_ready());
        stale.set(pwa::code_is_outdated());
    });
    view! {
        <Show when=move || closed_elsewhere.get() && !stale.get()>
            <ReloadNotice title=T::ClosedElsewhere hint=T::ClosedElsewhereHint testid="closed-elsewhere"/>
        </Show>
        <Show when=move || stale.get()>
            <ReloadNotice title=T::Stale hint=T::StaleHint testid="update-stale"/>
        </Show>
        <Show when=move || ready.get() && !stale.get()>
            <div class="update-notice" role="status" data-testid="update-ready">
                <strong>{move || i18n.t(T::Ready)}</strong>
                <span>{move || i18n.t(T::ReadyHint)}</span>
                <button type="button" class="button small primary" data-testid="update-reload" on:click=move |_| pwa::apply_update()>{move || i18n.t(T::Reload)}</button>
            </div>
        </Show>
    }
}

/// A notice that this tab must be reloaded before it can save again.
#[component]
fn ReloadNotice(title: T, hint: T, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let reload_page = move |_| {
        if let Some(w) = web_sys::window() {
            // A failed reload leaves the notice; the browser's own reload works.
            let _ = w.location().reload();
        }
    };
    view! {
        <div class="update-notice stale" role="alert" data-testid=testid>
            <strong>{move || i18n.t(title)}</strong>
            <span>{move || i18n.t(hint)}</span>
            <button type="button" class="button small primary" on:click=reload_page>{move || i18n.t(T::Reload)}</button>
        </div>
    }
}
