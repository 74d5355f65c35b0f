//! hledger/ledger-Journal at `/reports/journal-download`: the books (the
//! whole company or the entries of a period range) as a plain-text
//! journal that hledger and ledger read (`formats::hledger`), with a note
//! how to check it with a tool nobody here wrote; Alt+E downloads.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::formats::amount::format_number;
use crate::formats::hledger::write_journal_between;
use crate::texts;
use crate::ui::components::{
    ErrorBox, NoCompany, PeriodPicker, ProgressBar, default_year_periods, download, fmt_date,
    number_style, report_shortcuts,
};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{Progress, use_app};

texts! {
    pub enum T {
        Title => "hledger/ledger-Journal", "hledger/ledger journal";
        Lead => "Die Bücher als Klartext-Journal, das die freien Programme hledger und ledger lesen: eine Buchung je gebuchtem Beleg, Beträge in Hauswährung. So kann jeder die Salden mit einem Werkzeug nachrechnen, das nicht von Kontor stammt.", "The books as a plain-text journal that the free programs hledger and ledger read: one transaction per posted entry, amounts in local currency. Anyone can recompute the balances with a tool that does not come from Kontor.";
        Whole => "Alle Buchungen der Firma", "Every entry of the company";
        Range => "Buchungen eines Zeitraums", "Entries of a range";
        Download => "Journal herunterladen (Alt+E)", "Download journal (Alt+E)";
        Holds => "Das Journal enthält", "The journal holds";
        Entries => "Buchungen", "entries";
        From => "vom", "from";
        To => "bis", "to";
        Check => "So prüfen Sie es", "How to check it";
        CheckBalance => "Salden je Konto (entspricht der Summen- und Saldenliste):", "Balance per account (the trial balance):";
        CheckRange => "Nur ein Zeitraum aus dem ganzen Journal:", "Only a range of the whole journal:";
        CheckLedger => "Dasselbe mit ledger:", "The same with ledger:";
        RangeNote => "Ein Zeitraum-Journal enthält nur die Buchungen des Zeitraums: hledger zeigt dann die Bewegungen des Zeitraums, nicht die Salden mit Vortrag.", "A range journal holds only the range's entries: hledger then shows the range's movements, not balances carried forward.";
        Writing => "Journal wird geschrieben …", "Writing the journal …";
        Saved => "Heruntergeladen:", "Downloaded:";
    }
}

fn file_name(company: &str, range: Option<(NaiveDate, NaiveDate)>) -> String {
    let slug: String = company
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "kontor".into()
    } else {
        slug
    };
    match range {
        None => format!("{slug}.journal"),
        Some((a, b)) => format!(
            "{slug}-{}-{}.journal",
            a.format("%Y%m%d"),
            b.format("%Y%m%d")
        ),
    }
}

/// `1.234.567` / `1,234,567`.
fn count(n: usize, lang: Lang) -> String {
    format_number(rust_decimal::Decimal::from(n), number_style(lang))
}

#[component]
pub fn JournalDownloadPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let whole = RwSignal::new(true);
    let selected = RwSignal::new(None::<(usize, usize)>);
    let current = Memo::new(move |_| {
        selected
            .get()
            .or_else(|| app.with_book(default_year_periods).flatten())
    });
    // The dates of the range, `None` for the whole company.
    let range = Memo::new(move |_| {
        if whole.get() {
            return None;
        }
        let (a, b) = current.get()?;
        app.with_book(|book| {
            let c = book.calendar();
            Some((c.period(a)?.start, c.period(b)?.end))
        })
        .flatten()
    });
    let entries = Memo::new(move |_| {
        let r = range.get();
        app.with_book(|book| {
            book.entries()
                .iter()
                .filter(|e| r.is_none_or(|(a, b)| e.posting_date >= a && e.posting_date <= b))
                .count()
        })
        .unwrap_or(0)
    });
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    // The dates the "only a range" example uses: the chosen range, or
    // the default fiscal year's.
    let example = Memo::new(move |_| {
        let (a, b) = current.get()?;
        app.with_book(|book| {
            let c = book.calendar();
            Some((c.period(a)?.start, c.period(b)?.end.succ_opt()?))
        })
        .flatten()
    });
    let name = move || {
        let company = app.company.get().map(|c| c.name).unwrap_or_default();
        file_name(&company, range.get())
    };

    let export = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        busy.set(true);
        gloo::timers::future::TimeoutFuture::new(0).await;
        let r = range.get_untracked();
        let text = app.session().map(|s| write_journal_between(&s.book(), r));
        busy.set(false);
        let Some(text) = text else { return };
        let file = name();
        match download(text.as_bytes(), &file, "text/plain;charset=utf-8") {
            Ok(()) => notice.set(Some(format!(
                "{} {file} ({} {})",
                T::Saved.text(lang),
                count(entries.get_untracked(), lang),
                T::Entries.text(lang)
            ))),
            Err(e) => error.set(Some(e)),
        }
    });
    let start = move || {
        if !busy.get_untracked() {
            export.dispatch(());
        }
    };
    report_shortcuts(start);

    view! {
        <section class="page report-page journal-download-page" data-page="journal-download">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(T::Lead)}</p>
                    <fieldset class="journal-scope">
                        <label>
                            <input type="radio" name="journal-scope" data-testid="journal-whole"
                                prop:checked=move || whole.get() on:change=move |_| whole.set(true) />
                            " "{move || i18n.t(T::Whole)}
                        </label>
                        <label>
                            <input type="radio" name="journal-scope" data-testid="journal-range"
                                prop:checked=move || !whole.get() on:change=move |_| whole.set(false) />
                            " "{move || i18n.t(T::Range)}
                        </label>
                    </fieldset>
                    <div class="toolbar">
                        <Show when=move || !whole.get()>
                            <PeriodPicker selected=selected current=Signal::from(current) testid="journal" />
                        </Show>
                        <div class="toolbar-actions">
                            <button class="button primary" data-testid="journal-download"
                                disabled=move || busy.get()
                                on:click=move |_| start()>{move || i18n.t(T::Download)}</button>
                        </div>
                    </div>
                    {move || busy.get().then(|| view! {
                        <ProgressBar progress=Progress { done: 0, total: 1 } label=i18n.t(T::Writing) />
                    })}
                    <ErrorBox message=Signal::from(error) />
                    {move || notice.get().map(|n| view! { <p class="notice" data-testid="journal-saved" role="status">{n}</p> })}
                    <p data-testid="journal-holds">
                        {move || i18n.t(T::Holds)}" "
                        <strong>{move || count(entries.get(), i18n.lang())}" "{move || i18n.t(T::Entries)}</strong>
                        {move || range.get().map(|(a, b)| {
                            let lang = i18n.lang();
                            format!(" {} {} {} {}", T::From.text(lang), fmt_date(a, lang), T::To.text(lang), fmt_date(b, lang))
                        })}
                        " → "<code>{name}</code>
                    </p>
                    <div class="journal-check" data-testid="journal-check">
                        <h2>{move || i18n.t(T::Check)}</h2>
                        <p>{move || i18n.t(T::CheckBalance)}</p>
                        <pre><code>{move || format!("hledger -f {} balance", name())}</code></pre>
                        <p>{move || i18n.t(T::CheckRange)}</p>
                        <pre><code>{move || {
                            let (b, e) = example.get().map_or((String::new(), String::new()), |(b, e)| {
                                (b.format("%Y-%m-%d").to_string(), e.format("%Y-%m-%d").to_string())
                            });
                            format!("hledger -f {} balance -b {b} -e {e}", name())
                        }}</code></pre>
                        <p>{move || i18n.t(T::CheckLedger)}</p>
                        <pre><code>{move || format!("ledger -f {} balance", name())}</code></pre>
                        <Show when=move || !whole.get()>
                            <p class="muted">{move || i18n.t(T::RangeNote)}</p>
                        </Show>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
