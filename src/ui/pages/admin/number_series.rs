//! Nummernkreise: the company's numbering series (`gl::numbering`), one
//! row each with code, name, document kind, prefix, year, width and start
//! number, and the reference it gives next in the current fiscal year.
//! The entry screen offers them; the engine draws the number when the
//! entry is posted. Ctrl+Enter saves (`GlCommand::SetNumberSeries`); a
//! series that has given numbers keeps its code and kind.

use leptos::prelude::*;

use crate::forms::number_series::{SeriesFormError, SeriesRow, series};
use crate::ledger::Command;
use crate::ledger::gl::{DocumentKind, GlCommand, NumberSeries};
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{AdminFrame, Said, now, said_box, today, user};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Nummernkreise", "Numbering series";
        Lead => "Belegnummern, die Kontor beim Buchen vergibt: lückenlos je Nummernkreis und Geschäftsjahr, gleich aus welcher Maske gebucht wird. In der Buchungserfassung wählen Sie den Nummernkreis statt eine Belegnummer zu tippen. Ein Nummernkreis, der schon Nummern vergeben hat, behält Kürzel und Belegart.", "Document numbers Kontor gives when an entry is posted: gapless per series and fiscal year, whichever screen posts. In the entry screen you choose the series instead of typing a reference. A series that has given numbers keeps its code and kind.";
        Code => "Kürzel", "Code";
        Name => "Bezeichnung", "Name";
        Kind => "Belegart", "Document kind";
        Prefix => "Präfix", "Prefix";
        WithYear => "mit Jahr", "with year";
        Width => "Stellen", "Digits";
        Start => "Startnummer", "Start number";
        Next => "Nächste Nummer", "Next number";
        Remove => "Entfernen", "Remove";
        Add => "Nummernkreis hinzufügen", "Add a series";
        Save => "Speichern", "Save";
        Saved => "Nummernkreise gespeichert.", "Numbering series saved.";
        Empty => "Noch keine Nummernkreise: Belegnummern werden von Hand erfasst.", "No numbering series yet: references are typed by hand.";
        NotAWidth => "ist keine Stellenzahl.", "is not a number of digits.";
        NotAStart => "ist keine Startnummer.", "is not a start number.";
        Keys => "Strg+Enter speichert.", "Ctrl+Enter saves.";
        OutgoingInvoice => "Ausgangsrechnung", "Outgoing invoice";
        IncomingInvoice => "Eingangsrechnung", "Incoming invoice";
        Cash => "Kasse", "Cash";
        Bank => "Bank", "Bank";
        General => "Umbuchung / Sonstiges", "Journal / other";
    }
}

/// A document kind's slug (the select's value) and its words.
fn kind_words(kind: DocumentKind) -> (&'static str, T) {
    match kind {
        DocumentKind::OutgoingInvoice => ("outgoing", T::OutgoingInvoice),
        DocumentKind::IncomingInvoice => ("incoming", T::IncomingInvoice),
        DocumentKind::Cash => ("cash", T::Cash),
        DocumentKind::Bank => ("bank", T::Bank),
        DocumentKind::General => ("general", T::General),
    }
}

#[component]
pub fn NumberSeriesPage() -> impl IntoView {
    view! {
        <AdminFrame page="number-series" title=T::Title lead=T::Lead>
            <NumberSeriesBody />
        </AdminFrame>
    }
}

/// The stored series as rows of the form.
fn stored_rows(app: crate::ui::state::AppState) -> Vec<SeriesRow> {
    app.with_book(|b| {
        b.gl()
            .numbering()
            .series()
            .iter()
            .map(SeriesRow::of)
            .collect()
    })
    .unwrap_or_default()
}

/// The reference each stored series gives next in today's fiscal year.
fn next_references(app: crate::ui::state::AppState) -> Vec<(String, String)> {
    app.with_book(|b| {
        let gl = b.gl();
        gl.numbering()
            .series()
            .iter()
            .filter_map(|s: &NumberSeries| {
                Some((s.code.clone(), gl.next_series_reference(&s.code, today())?))
            })
            .collect()
    })
    .unwrap_or_default()
}

#[component]
fn NumberSeriesBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = RwSignal::new(stored_rows(app));
    let next = RwSignal::new(next_references(app));
    let said = RwSignal::new(None::<Said<T>>);
    let save = Action::new_local(move |_: &()| async move {
        said.set(None);
        let list = match series(&rows.get_untracked()) {
            Ok(list) => list,
            Err(SeriesFormError::Width { text, .. }) => {
                return said.set(Some(Said::Typed(text, T::NotAWidth)));
            }
            Err(SeriesFormError::Start { text, .. }) => {
                return said.set(Some(Said::Typed(text, T::NotAStart)));
            }
        };
        let Some(at) = now() else { return };
        let command = GlCommand::SetNumberSeries {
            series: list,
            by: user(),
            at,
        };
        match app.execute(Command::Gl(command)).await {
            Ok(_) => {
                // As stored: codes upper-cased, text trimmed.
                rows.set(stored_rows(app));
                next.set(next_references(app));
                said.set(Some(Said::Plain(T::Saved)));
            }
            Err(e) => said.set(Some(Said::Session(e))),
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() && ev.key() == "Enter" {
            ev.prevent_default();
            save.dispatch(());
        }
    };
    let heads = [
        T::Code,
        T::Name,
        T::Kind,
        T::Prefix,
        T::WithYear,
        T::Width,
        T::Start,
        T::Next,
    ];
    view! {
        <form class="number-series" data-testid="number-series" on:keydown=on_key
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <Show when=move || rows.with(|r| r.is_empty())>
                <p class="muted" data-testid="series-empty">{move || i18n.t(T::Empty)}</p>
            </Show>
            <table class="data series-table" hidden=move || rows.with(|r| r.is_empty())>
                <thead><tr>
                    {heads.map(|h| view! { <th scope="col">{move || i18n.t(h)}</th> }).collect_view()}
                    <th></th>
                </tr></thead>
                <tbody>
                    {move || (0..rows.with(|r| r.len())).map(|i| view! {
                        <SeriesRowView rows=rows index=i next=next />
                    }).collect_view()}
                </tbody>
            </table>
            <div class="actions">
                <button type="button" class="button" data-testid="series-add"
                    on:click=move |_| rows.update(|r| r.push(SeriesRow::default()))>
                    {move || i18n.t(T::Add)}
                </button>
                <SaveButton testid="series-save" pending=move || save.pending().get()>{move || i18n.t(T::Save)}</SaveButton>
                <span class="muted small">{move || i18n.t(T::Keys)}</span>
            </div>
            {said_box(said, T::Saved, "series-saved")}
        </form>
    }
}

/// One series as a row of inputs; `index` into `rows`.
#[component]
fn SeriesRowView(
    rows: RwSignal<Vec<SeriesRow>>,
    index: usize,
    next: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let get = move |f: fn(&SeriesRow) -> String| {
        move || rows.with(|r| r.get(index).map(f).unwrap_or_default())
    };
    let set = move |f: fn(&mut SeriesRow, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            rows.update(|r| {
                if let Some(row) = r.get_mut(index) {
                    f(row, value)
                }
            })
        }
    };
    let text = move |id: &'static str,
                     size: u32,
                     read: fn(&SeriesRow) -> String,
                     write: fn(&mut SeriesRow, String)| {
        view! {
            <td><input type="text" size=size data-testid=format!("{id}-{index}")
                prop:value=get(read) on:input=set(write) /></td>
        }
    };
    let kind_of = move || rows.with(|r| r.get(index).map(|s| s.kind));
    let next_reference = move || {
        let code = rows.with(|r| r.get(index).map(|s| s.code.trim().to_uppercase()));
        next.with(|n| {
            n.iter()
                .find(|(c, _)| Some(c) == code.as_ref())
                .map(|(_, reference)| reference.clone())
        })
        .unwrap_or_else(|| "–".into())
    };
    view! {
        <tr data-testid=format!("series-row-{index}")>
            {text("series-code", 6, |s| s.code.clone(), |s, v| s.code = v)}
            {text("series-name", 20, |s| s.name.clone(), |s, v| s.name = v)}
            <td>
                <select data-testid=format!("series-kind-{index}")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let found = DocumentKind::ALL.into_iter().find(|k| kind_words(*k).0 == v);
                        if let Some(kind) = found {
                            rows.update(|r| if let Some(row) = r.get_mut(index) { row.kind = kind });
                        }
                    }>
                    {DocumentKind::ALL.map(|kind| {
                        let (slug, words) = kind_words(kind);
                        view! {
                            <option value=slug selected=move || kind_of() == Some(kind)>
                                {move || i18n.t(words)}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </td>
            {text("series-prefix", 6, |s| s.prefix.clone(), |s, v| s.prefix = v)}
            <td>
                <input type="checkbox" data-testid=format!("series-year-{index}")
                    prop:checked=move || rows.with(|r| r.get(index).is_some_and(|s| s.with_year))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        rows.update(|r| if let Some(row) = r.get_mut(index) { row.with_year = on });
                    } />
            </td>
            {text("series-width", 2, |s| s.width.clone(), |s, v| s.width = v)}
            {text("series-start", 6, |s| s.start.clone(), |s, v| s.start = v)}
            <td class="mono" data-testid=format!("series-next-{index}")>{next_reference}</td>
            <td>
                <button type="button" class="button small" data-testid=format!("series-remove-{index}")
                    on:click=move |_| rows.update(|r| { if index < r.len() { r.remove(index); } })>
                    {move || i18n.t(T::Remove)}
                </button>
            </td>
        </tr>
    }
}
