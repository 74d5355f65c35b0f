//! A message kept as what it says, not as a sentence: the sentence is
//! made in the language shown, so a refusal or a notice on screen follows
//! a language switch (a stored German string would stay German).

use crate::session::SessionError;
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use leptos::prelude::*;

/// What a form tells the user; `T` is the screen's text table.
#[derive(Clone, Debug)]
pub enum Said<T> {
    /// A text of the screen.
    Plain(T),
    /// A text of the screen after a value („12,5x“ is not a price).
    Typed(String, T),
    /// A text of the screen before a value ("Price list saved: 2").
    Done(T, String),
    /// The engine's or the store's refusal.
    Session(SessionError),
}

impl<T: Text + Copy> Said<T> {
    pub fn say(&self, lang: Lang) -> String {
        match self {
            Said::Plain(t) => t.text(lang).to_string(),
            Said::Typed(value, t) => format!("„{}“ {}", value.trim(), t.text(lang)),
            Said::Done(t, what) => format!("{} {what}", t.text(lang)),
            Said::Session(e) => session_error(e, lang),
        }
    }
}

/// The sentence under `field` while the form's refusal is about it, in
/// the language shown (`F`: the form's field enum; `None`: the whole form).
pub fn field_error<F, T>(refusal: RwSignal<Option<(Option<F>, Said<T>)>>, field: F) -> impl IntoView
where
    F: PartialEq + Copy + Send + Sync + 'static,
    T: Text + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let message = move || {
        let lang = i18n.lang();
        refusal.with(|r| {
            r.as_ref()
                .filter(|(f, _)| *f == Some(field))
                .map(|(_, m)| m.say(lang))
        })
    };
    view! {
        <Show when=move || message().is_some()>
            <small class="field-error" role="alert" data-testid="field-error">{message}</small>
        </Show>
    }
}

/// What a settings form said after saving: `saved` as a status notice
/// (test id `ok_id`), anything else as an alert box (test id `error`), in
/// the language shown.
pub fn said_box<T>(said: RwSignal<Option<Said<T>>>, saved: T, ok_id: &'static str) -> impl IntoView
where
    T: Text + Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    move || {
        said.get().map(|s| {
            let ok = matches!(s, Said::Plain(t) if t == saved);
            let text = s.say(i18n.lang());
            view! {
                <div class=if ok { "notice" } else { "error-box" } role=if ok { "status" } else { "alert" }
                    data-testid=if ok { ok_id } else { "error" }>{text}</div>
            }
        })
    }
}
