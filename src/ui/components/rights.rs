//! Rights on screens (issue 18): the area a screen belongs to, read from
//! its path, and the gate every routed screen passes. A user without a
//! right in the area sees why instead of the screen; with read-only
//! rights the screen shows, says so and disables its change buttons. The
//! engine refuses the command either way (`Book::check_as`): this only
//! spares the user a form they cannot save. `SaveButton` is every form's
//! submit button: on a read-only screen it is disabled and says why.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::ledger::gl::{Area, Level};
use crate::texts;
use crate::ui::errors::area_name;
use crate::ui::i18n::{I18n, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        NoAccess => "Kein Zugriff", "No access";
        NoAccessBody => "Ihre Rollen geben Ihnen hier kein Recht. Ein Superuser vergibt Rechte unter Administration → Benutzer.", "Your roles give you no right here. A superuser grants rights under Administration → Users.";
        ReadOnly => "Nur Lesen: Ihre Rollen erlauben hier kein Ändern; Speichern wird abgelehnt.", "Read only: your roles allow no changes here; saving will be refused.";
        NoChange => "Nur Lesen: Ihre Rollen erlauben hier kein Ändern.", "Read only: your roles allow no changes here.";
    }
}

/// The area of the screen at `path`; reports, the start page and the
/// module overviews belong to none (everyone may read the books).
pub fn area_of_path(path: &str) -> Option<Area> {
    const AREAS: &[(&str, Area)] = &[
        ("/admin/users", Area::Users),
        ("/admin/backup", Area::Backup),
        ("/admin/periods", Area::Periods),
        ("/admin/change-log", Area::Users),
        ("/admin/", Area::MasterData),
        ("/master-data/", Area::MasterData),
        ("/financials/accounts", Area::MasterData),
        ("/financials/budgets", Area::MasterData),
        ("/financials/year-end", Area::Periods),
        ("/financials/", Area::Posting),
        ("/banking/payment-runs", Area::PaymentRuns),
        ("/banking/dunning", Area::Dunning),
        ("/banking/", Area::Payments),
    ];
    AREAS
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map(|(_, area)| *area)
}

/// What the logged-in user may do on the screen at `path`.
fn level_at(app: AppState, path: &str) -> Level {
    area_of_path(path).map_or(Level::Full, |area| app.level(area))
}

/// Whether the user may change what the current screen shows, and why
/// not, for the change buttons' `disabled` and tooltip. Tracks the path,
/// the user and the Book.
#[derive(Clone, Copy)]
pub struct ChangeRight {
    may: Signal<bool>,
    i18n: I18n,
}

impl ChangeRight {
    /// True on a read-only screen: its change buttons are disabled.
    pub fn denied(&self) -> bool {
        !self.may.get()
    }

    /// The tooltip of a disabled change button; `None` while allowed.
    pub fn why(&self) -> Option<&'static str> {
        self.denied().then(|| self.i18n.t(T::NoChange))
    }
}

/// The current screen's `ChangeRight`.
pub fn use_change_right() -> ChangeRight {
    let app = use_app();
    let location = use_location();
    let may = Signal::derive(move || location.pathname.with(|p| level_at(app, p)) == Level::Full);
    ChangeRight {
        may,
        i18n: use_i18n(),
    }
}

/// A form's submit button: disabled while `pending` and on a read-only
/// screen, where its tooltip says why (Enter in the form then submits
/// nothing either: a form's disabled default button blocks it).
#[component]
pub fn SaveButton(
    testid: &'static str,
    #[prop(optional, into)] pending: Signal<bool>,
    #[prop(default = "button primary")] class: &'static str,
    children: Children,
) -> impl IntoView {
    let right = use_change_right();
    view! {
        <button type="submit" class=class data-testid=testid
            prop:disabled=move || pending.get() || right.denied()
            title=move || right.why()>
            {children()}
        </button>
    }
}

/// Wraps the routed screens: none without a right, a notice when read-only.
#[component]
pub fn RightsGate(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let location = use_location();
    let level = Memo::new(move |_| location.pathname.with(|p| level_at(app, p)));
    let area = move || location.pathname.with(|p| area_of_path(p));
    let area_label = move || {
        area()
            .map(|a| area_name(a, i18n.lang()))
            .unwrap_or_default()
    };
    view! {
        <Show when=move || level.get() == Level::Read>
            <p class="notice read-only" role="status" data-testid="read-only">
                <strong>{area_label}</strong>" – "{move || i18n.t(T::ReadOnly)}
            </p>
        </Show>
        <Show
            when=move || level.get() != Level::None
            fallback=move || view! {
                <section class="page no-access" data-testid="no-access">
                    <h1>{move || i18n.t(T::NoAccess)}</h1>
                    <p><strong>{area_label}</strong></p>
                    <p>{move || i18n.t(T::NoAccessBody)}</p>
                </section>
            }
        >
            {children()}
        </Show>
    }
}
