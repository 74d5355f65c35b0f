//! Demo company (Demo-Mandant): a year of realistic books built in memory by
//! the deterministic generator, then stored with a progress bar.

use chrono::Datelike;
use leptos::prelude::*;

use crate::demo::{DemoSpec, MAX_DEMO_ENTRIES, build};
use crate::ui::components::today;
use crate::ui::errors::session_error;
use crate::ui::i18n::Lang;
use crate::ui::state::{AppState, Progress};

/// Same seed, same books: every trainer's class sees the same numbers.
const DEMO_SEED: u64 = 2024;

/// Builds and opens the demo company starting last calendar year; the
/// error is already a sentence in the UI language. `entries` overrides the
/// one-year size (the start page passes `?demo_entries=N`, which trainers
/// and the browser benchmark use for large books).
pub async fn create_demo_company(
    app: AppState,
    lang: Lang,
    entries: Option<usize>,
) -> Result<(), String> {
    let year = today().year() - 1;
    let mut spec = DemoSpec {
        first_year: year,
        ..DemoSpec::one_year(DEMO_SEED)
    };
    if let Some(n) = entries {
        spec.entries = n.clamp(1, MAX_DEMO_ENTRIES);
    }
    app.loading.set(Some(Progress {
        done: 0,
        total: spec.entries,
    }));
    // Let the progress bar paint before the CPU-bound build.
    gloo::timers::future::TimeoutFuture::new(0).await;
    let built = build(&spec, |_, _| {});
    let (book, events) = match built {
        Ok(b) => b,
        Err(e) => {
            app.loading.set(None);
            return Err(e.to_string());
        }
    };
    let name = book.settings().name.clone();
    app.create_company_from_events(&name, &events)
        .await
        .map_err(|e| session_error(&e, lang))
}

/// `?demo_entries=N` from the address bar, if any.
pub fn requested_entries() -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("demo_entries="))
        .and_then(|n| n.parse().ok())
}
