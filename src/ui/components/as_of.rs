//! Time travel (issue 17 skeleton, part E): the bar on every report that
//! shows the books as they stood at a past moment (a date and time or a
//! log position), and says which moment a report shows.

use leptos::prelude::*;

/// The "as of" bar of a report (stub until part E).
#[component]
pub fn AsOfBar() -> impl IntoView {
    view! { <div class="as-of-bar"></div> }
}
