//! Roles (Rollen): rights users share, one level per area (none, read,
//! full). The list says what each role allows; the form below adds a
//! role or changes one (`GlCommand::SaveRole`, which needs the right
//! "users and rights").

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::ledger::Command;
use crate::ledger::gl::{Area, GlCommand, Level, Role};
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{now, user};
use crate::ui::errors::{area_name, session_error};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Rollen und Rechte", "Roles and rights";
        Lead => "Ein Benutzer hat das höchste Recht, das eine seiner Rollen gibt; ein Superuser hat alle. Ohne Recht ist ein Bereich ausgeblendet, mit Lesen sichtbar, aber nicht änderbar.", "A user holds the highest right any of their roles gives; a superuser holds all. Without a right an area is hidden, with read it is shown but cannot be changed.";
        Code => "Kürzel", "Code";
        Name => "Bezeichnung", "Name";
        Rights => "Rechte", "Rights";
        Area => "Bereich", "Area";
        None => "kein", "none";
        Read => "lesen", "read";
        Full => "voll", "full";
        Edit => "Bearbeiten", "Edit";
        New => "Neue Rolle", "New role";
        Save => "Rolle speichern", "Save role";
        Saved => "Gespeichert:", "Saved:";
        NoRoles => "Noch keine Rollen.", "No roles yet.";
    }
}

fn level_text(level: Level) -> T {
    match level {
        Level::None => T::None,
        Level::Read => T::Read,
        Level::Full => T::Full,
    }
}

fn level_value(level: Level) -> &'static str {
    match level {
        Level::None => "none",
        Level::Read => "read",
        Level::Full => "full",
    }
}

fn parse_level(value: &str) -> Level {
    match value {
        "full" => Level::Full,
        "read" => Level::Read,
        _ => Level::None,
    }
}

/// A role's rights in words, areas without a right left out.
fn summary(role: &Role, lang: Lang) -> String {
    let i18n_level = |l: Level| level_text(l).text(lang);
    Area::ALL
        .iter()
        .filter(|a| role.level(**a) != Level::None)
        .map(|a| format!("{}: {}", area_name(*a, lang), i18n_level(role.level(*a))))
        .collect::<Vec<_>>()
        .join("; ")
}

#[derive(Clone, Copy)]
struct RoleDraft {
    code: RwSignal<String>,
    name: RwSignal<String>,
    levels: RwSignal<BTreeMap<Area, Level>>,
    refusal: RwSignal<Option<String>>,
    saved: RwSignal<Option<String>>,
}

impl RoleDraft {
    fn new() -> RoleDraft {
        RoleDraft {
            code: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            levels: RwSignal::new(BTreeMap::new()),
            refusal: RwSignal::new(None),
            saved: RwSignal::new(None),
        }
    }

    fn load(&self, role: &Role) {
        self.code.set(role.code.clone());
        self.name.set(role.name.clone());
        self.levels.set(role.levels.clone());
        self.refusal.set(None);
        self.saved.set(None);
    }

    fn record(&self) -> Role {
        Role {
            code: self.code.get_untracked().trim().to_uppercase(),
            name: self.name.get_untracked().trim().to_string(),
            levels: self.levels.get_untracked(),
        }
    }
}

#[component]
pub fn RolesEditor() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let draft = RoleDraft::new();
    let roles = move || {
        app.with_book(|b| b.gl().access().roles().to_vec())
            .unwrap_or_default()
    };
    let rows = move || {
        roles()
            .into_iter()
            .map(|role| {
                let edit = role.clone();
                let (code, shown, name) = (role.code.clone(), role.code.clone(), role.name.clone());
                let test_id = format!("role-edit-{}", role.code);
                view! {
                    <tr data-testid="role-row" data-code=code>
                        <td>{shown}</td>
                        <td>{name}</td>
                        <td class="role-rights">{move || summary(&role, i18n.lang())}</td>
                        <td><button type="button" data-testid=test_id
                            on:click=move |_| draft.load(&edit)>{move || i18n.t(T::Edit)}</button></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        draft.saved.set(None);
        let role = draft.record();
        let lang = i18n.lang();
        leptos::task::spawn_local(async move {
            let Some(at) = now() else { return };
            let code = role.code.clone();
            let command = GlCommand::SaveRole {
                role,
                by: user(),
                at,
            };
            match app.execute(Command::Gl(command)).await {
                Ok(_) => {
                    draft.refusal.set(None);
                    draft.saved.set(Some(code));
                }
                Err(error) => draft.refusal.set(Some(session_error(&error, lang))),
            }
        });
    };
    let selects = Area::ALL
        .iter()
        .map(|&area| {
            let current = move || {
                draft
                    .levels
                    .with(|l| l.get(&area).copied().unwrap_or_default())
            };
            let change = move |e: leptos::ev::Event| {
                let level = parse_level(&event_target_value(&e));
                draft.levels.update(|l| {
                    l.insert(area, level);
                });
            };
            let option = move |level: Level| {
                view! {
                    <option value=level_value(level) selected=move || current() == level>
                        {move || i18n.t(level_text(level))}
                    </option>
                }
            };
            view! {
                <tr>
                    <td>{move || area_name(area, i18n.lang())}</td>
                    <td>
                        <select data-testid=format!("role-level-{area:?}") on:change=change>
                            {option(Level::None)}{option(Level::Read)}{option(Level::Full)}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel roles" data-testid="roles">
            <h2>{move || i18n.t(T::Title)}</h2>
            <p>{move || i18n.t(T::Lead)}</p>
            <Show when=move || !roles().is_empty() fallback=move || view! { <p class="muted">{move || i18n.t(T::NoRoles)}</p> }>
                <table class="data" data-testid="role-list">
                    <thead><tr>
                        <th>{move || i18n.t(T::Code)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th>{move || i18n.t(T::Rights)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
        <form class="panel users-form" on:submit=submit data-testid="role-form">
            <h2>{move || i18n.t(T::New)}" / "{move || i18n.t(T::Edit)}</h2>
            <div class="form-grid">
                <label>{move || i18n.t(T::Code)}
                    <input type="text" data-testid="role-code" prop:value=draft.code
                        on:input=move |e| draft.code.set(event_target_value(&e)) />
                </label>
                <label>{move || i18n.t(T::Name)}
                    <input type="text" data-testid="role-name" prop:value=draft.name
                        on:input=move |e| draft.name.set(event_target_value(&e)) />
                </label>
            </div>
            <table class="data role-levels">
                <thead><tr><th>{move || i18n.t(T::Area)}</th><th>{move || i18n.t(T::Rights)}</th></tr></thead>
                <tbody>{selects}</tbody>
            </table>
            <Show when=move || draft.refusal.with(Option::is_some)>
                <p class="error-box" role="alert" data-testid="role-error">{move || draft.refusal.get()}</p>
            </Show>
            <Show when=move || draft.saved.with(Option::is_some)>
                <p class="notice" role="status" data-testid="role-saved">{move || i18n.t(T::Saved)} " " {move || draft.saved.get()}</p>
            </Show>
            <SaveButton testid="role-submit">{move || i18n.t(T::Save)}</SaveButton>
        </form>
    }
}
