//! Boxes that tell the user something: an error to read, a progress bar
//! for long work.

use leptos::prelude::*;

use crate::ui::state::Progress;

#[component]
pub fn ProgressBar(progress: Progress, #[prop(into)] label: String) -> impl IntoView {
    let pct = (progress.done * 100)
        .checked_div(progress.total)
        .unwrap_or(0);
    let aria_label = label.clone();
    view! {
        <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=pct.to_string() aria-label=aria_label>
            <div class="progress-label">{label} " " {format!("{pct} %")}</div>
            <div class="progress-track"><div class="progress-fill" style=format!("width:{pct}%")></div></div>
        </div>
    }
}

/// A message box for an error the user must read; `None` shows nothing.
#[component]
pub fn ErrorBox(message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.get().is_some()>
            <div class="error-box" role="alert" data-testid="error">{move || message.get()}</div>
        </Show>
    }
}
