//! DATEV-Export at `/reports/datev-export` (issue 19, part B): the DATEV
//! settings (Berater-Nr., Mandanten-Nr., Sachkontenlänge, Festschreibung;
//! `GlCommand::SetDatevSettings`), a period range of one fiscal year
//! (`components::PeriodPicker`), the counts the export will hold, and the
//! ZIP of the three EXTF files (`formats::datev::export`), written in
//! chunks behind a progress bar. Alt+E or Ctrl+Enter downloads; Enter in
//! the settings saves them. Characters Windows-1252 cannot hold are listed
//! with the entry, account or partner they were in.

use leptos::ev;
use leptos::prelude::*;

use crate::formats::datev::export::{
    Counts, DatevExport, ExportError, ExportRequest, Replaced, Stapel, archive,
};
use crate::ledger::Book;
use crate::ledger::Command;
use crate::ledger::gl::{DatevSettings, GlCommand};
use crate::texts;
use crate::ui::components::{
    NoCompany, PeriodPicker, ProgressBar, Said, default_month, download, fmt_date, now, said_box,
    user,
};
use crate::ui::errors::{datev_export_error, datev_replaced};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::{Progress, use_app};

/// Entries written between two paints of the progress bar.
const CHUNK: usize = 5_000;

texts! {
    pub enum T {
        Title => "DATEV-Export", "DATEV export";
        Lead => "Buchungsstapel, Kontenbeschriftungen und Debitoren/Kreditoren im DATEV-Format EXTF 700 (Windows-1252) für Ihre Steuerberatung, als eine ZIP-Datei. Ein Export umfasst Perioden eines Geschäftsjahres.", "Bookings batch, account labels and customers/vendors in DATEV's EXTF 700 format (Windows-1252) for your tax advisor, as one ZIP file. One export covers periods of one fiscal year.";
        Settings => "DATEV-Einstellungen", "DATEV settings";
        Consultant => "Berater-Nr.", "Consultant no.";
        Client => "Mandanten-Nr.", "Client no.";
        AccountLength => "Sachkontenlänge", "Account length";
        Lock => "Festschreibung (Buchungen in DATEV festschreiben)", "Lock the postings in DATEV (Festschreibung)";
        SaveSettings => "Einstellungen speichern", "Save settings";
        Saved => "DATEV-Einstellungen gespeichert.", "DATEV settings saved.";
        NotSet => "Noch nicht gespeichert: die Steuerberatung nennt Ihnen Berater- und Mandanten-Nr.", "Not saved yet: your tax advisor gives you the consultant and client numbers.";
        NotANumber => "ist keine ganze Zahl.", "is not a whole number.";
        PartnerRule => "Debitoren und Kreditoren erscheinen unter ihrer Partnernummer (Sachkontenlänge + 1 Stellen).", "Customers and vendors appear under their partner code (account length + 1 digits).";
        Label => "Bezeichnung des Stapels", "Batch label";
        Preview => "Der Export enthält", "The export holds";
        Entries => "Buchungen", "entries";
        Rows => "Buchungszeilen", "rows";
        Accounts => "Sachkonten", "G/L accounts";
        Partners => "Debitoren/Kreditoren", "customers/vendors";
        Download => "ZIP herunterladen (Alt+E)", "Download ZIP (Alt+E)";
        Writing => "Buchungsstapel wird geschrieben …", "Writing the bookings batch …";
        Done => "Heruntergeladen:", "Downloaded:";
        Replaced => "Zeichen, die Windows-1252 nicht kennt, wurden ersetzt:", "Characters Windows-1252 lacks were replaced:";
        MoreReplaced => "weitere Ersetzungen", "more replacements";
    }
}

/// The form of the settings, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SettingsForm {
    consultant: String,
    client: String,
    length: String,
    lock: bool,
}

impl SettingsForm {
    fn of(s: &DatevSettings) -> SettingsForm {
        SettingsForm {
            consultant: s.consultant.to_string(),
            client: s.client.to_string(),
            length: s.account_length.to_string(),
            lock: s.lock,
        }
    }

    /// The settings, or the text that is no number.
    fn settings(&self) -> Result<DatevSettings, String> {
        let number = |t: &str| t.trim().parse::<u32>().map_err(|_| t.to_string());
        Ok(DatevSettings {
            consultant: number(&self.consultant)?,
            client: number(&self.client)?,
            account_length: self
                .length
                .trim()
                .parse::<u8>()
                .map_err(|_| self.length.clone())?,
            lock: self.lock,
        })
    }
}

/// The request for periods `from..=to` (global indices).
fn request_of(book: &Book, range: (usize, usize), label: &str) -> Option<ExportRequest> {
    let c = book.calendar();
    let (a, b) = (c.period(range.0)?, c.period(range.1)?);
    let created = now().map(|t| t.as_naive()).unwrap_or_default();
    let label = if label.trim().is_empty() {
        format!(
            "Kontor {}–{}",
            a.start.format("%d.%m.%Y"),
            b.end.format("%d.%m.%Y")
        )
    } else {
        label.trim().to_string()
    };
    Some(ExportRequest {
        from: a.start,
        to: b.end,
        created,
        label,
    })
}

/// What the last download held.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Finished {
    name: String,
    counts: Counts,
    replaced: Vec<Replaced>,
    replaced_count: usize,
}

fn counts_text(c: Counts, lang: Lang) -> String {
    let t = |k: T| crate::ui::i18n::Text::text(k, lang);
    format!(
        "{} {} · {} {} · {} {} · {} {}",
        c.entries,
        t(T::Entries),
        c.rows,
        t(T::Rows),
        c.accounts,
        t(T::Accounts),
        c.partners,
        t(T::Partners)
    )
}

#[component]
pub fn DatevExportPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let saved = Memo::new(move |_| {
        app.with_book(|b| b.gl().datev_settings().cloned())
            .flatten()
    });
    let form = RwSignal::new(SettingsForm::of(
        &saved
            .get_untracked()
            .unwrap_or_else(DatevSettings::proposal),
    ));
    let said = RwSignal::new(None::<Said<T>>);
    let save = Action::new_local(move |_: &()| async move {
        said.set(None);
        let settings = match form.get_untracked().settings() {
            Ok(s) => s,
            Err(text) => {
                said.set(Some(Said::Typed(text, T::NotANumber)));
                return;
            }
        };
        let at = match now() {
            Some(at) => at,
            None => return,
        };
        match app
            .execute(Command::Gl(GlCommand::SetDatevSettings {
                settings,
                by: user(),
                at,
            }))
            .await
        {
            Ok(_) => said.set(Some(Said::Plain(T::Saved))),
            Err(e) => said.set(Some(Said::Session(e))),
        }
    });

    let selected = RwSignal::new(None::<(usize, usize)>);
    let current = Memo::new(move |_| {
        selected
            .get()
            .or_else(|| app.with_book(default_month).flatten())
    });
    let label = RwSignal::new(String::new());
    let preview = Memo::new(move |_| {
        let range = current.get()?;
        saved.track();
        app.with_book(|b| {
            let request = request_of(b, range, "")?;
            Some(
                Stapel::new(b, &request)
                    .and_then(|mut s| s.push_all(b).map(|()| s.counts()))
                    .map(|c| (request.from, request.to, c)),
            )
        })
        .flatten()
    });

    let progress = RwSignal::new(None::<Progress>);
    let refusal = RwSignal::new(None::<ExportError>);
    let failure = RwSignal::new(None::<String>);
    let finished = RwSignal::new(None::<Finished>);
    let run = Action::new_local(move |_: &()| async move {
        refusal.set(None);
        failure.set(None);
        finished.set(None);
        let Some(range) = current.get_untracked() else {
            return;
        };
        let text = label.get_untracked();
        let start = app.with_book(|b| {
            let request = request_of(b, range, &text)?;
            Some(Stapel::new(b, &request).map(|s| (s, request)))
        });
        let (mut stapel, request) = match start.flatten() {
            Some(Ok(s)) => s,
            Some(Err(e)) => {
                refusal.set(Some(e));
                return;
            }
            None => return,
        };
        let client = saved.get_untracked().map_or(0, |s| s.client);
        loop {
            let (done, total) = stapel.progress();
            progress.set(Some(Progress { done, total }));
            gloo::timers::future::TimeoutFuture::new(0).await;
            if stapel.done() {
                break;
            }
            match app.with_book(|b| stapel.push(b, CHUNK)) {
                Some(Ok(())) => {}
                Some(Err(e)) => {
                    progress.set(None);
                    refusal.set(Some(e));
                    return;
                }
                None => {
                    progress.set(None);
                    return;
                }
            }
        }
        let Some(export): Option<DatevExport> = app.with_book(|b| stapel.finish(b)) else {
            progress.set(None);
            return;
        };
        progress.set(None);
        let name = format!(
            "DATEV_{client}_{}_{}.zip",
            request.from.format("%Y%m%d"),
            request.to.format("%Y%m%d")
        );
        let bytes = match archive::zip(&export, request.created) {
            Ok(b) => b,
            Err(e) => {
                failure.set(Some(e.to_string()));
                return;
            }
        };
        if let Err(reason) = download(&bytes, &name, "application/zip") {
            failure.set(Some(reason));
            return;
        }
        finished.set(Some(Finished {
            name,
            counts: export.counts,
            replaced: export.replaced,
            replaced_count: export.replaced_count,
        }));
    });
    let busy = move || run.pending().get() || progress.get().is_some();
    let start_export = move || {
        if !run.pending().get_untracked() {
            run.dispatch(());
        }
    };
    let handle = window_event_listener(ev::keydown, move |e| {
        let alt_e = e.alt_key() && !e.ctrl_key() && e.key().eq_ignore_ascii_case("e");
        let ctrl_enter = e.ctrl_key() && e.key() == "Enter";
        if alt_e || ctrl_enter {
            e.prevent_default();
            start_export();
        }
    });
    on_cleanup(move || handle.remove());

    let field = move |label: T,
                      id: &'static str,
                      get: fn(&SettingsForm) -> &String,
                      set: fn(&mut SettingsForm, String)| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input type="text" inputmode="numeric" data-testid=id
                    prop:value=move || form.with(|f| get(f).clone())
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
            </label>
        }
    };

    view! {
        <section class="page report-page datev-page" data-page="datev-export">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(T::Lead)}</p>
                    <form class="datev-settings" data-testid="datev-settings"
                        on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
                        <h2>{move || i18n.t(T::Settings)}</h2>
                        <div class="datev-fields">
                            {field(T::Consultant, "datev-consultant", |f| &f.consultant, |f, v| f.consultant = v)}
                            {field(T::Client, "datev-client", |f| &f.client, |f, v| f.client = v)}
                            <label class="field">
                                <span>{move || i18n.t(T::AccountLength)}</span>
                                <select data-testid="datev-length"
                                    on:change=move |ev| form.update(|f| f.length = event_target_value(&ev))>
                                    {(4u8..=8).map(|n| {
                                        let v = n.to_string();
                                        let sel = { let v = v.clone(); move || form.with(|f| f.length == v) };
                                        view! { <option value=v.clone() selected=sel>{v.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                            <label class="check">
                                <input type="checkbox" data-testid="datev-lock"
                                    prop:checked=move || form.with(|f| f.lock)
                                    on:change=move |ev| form.update(|f| f.lock = event_target_checked(&ev)) />
                                " " {move || i18n.t(T::Lock)}
                            </label>
                        </div>
                        <p class="muted small">{move || i18n.t(T::PartnerRule)}</p>
                        <div class="actions">
                            <button type="submit" class="button" data-testid="datev-save">{move || i18n.t(T::SaveSettings)}</button>
                            {move || saved.get().is_none().then(|| view! {
                                <span class="muted" data-testid="datev-not-set">{i18n.t(T::NotSet)}</span>
                            })}
                        </div>
                        {said_box(said, T::Saved, "datev-saved")}
                    </form>
                    <div class="toolbar">
                        <PeriodPicker selected=selected current=Signal::from(current) testid="datev" />
                        <label class="field datev-label">
                            <span>{move || i18n.t(T::Label)}</span>
                            <input type="text" maxlength="30" data-testid="datev-label"
                                prop:value=move || label.get()
                                on:input=move |ev| label.set(event_target_value(&ev)) />
                        </label>
                    </div>
                    {move || preview.get().map(|p| match p {
                        Ok((from, to, c)) => {
                            let lang = i18n.lang();
                            view! {
                                <p class="datev-preview" data-testid="datev-preview">
                                    {i18n.t(T::Preview)} " " {fmt_date(from, lang)} " – " {fmt_date(to, lang)} ": "
                                    <strong>{counts_text(c, lang)}</strong>
                                </p>
                            }.into_any()
                        }
                        Err(e) => view! {
                            <div class="error-box" role="alert" data-testid="datev-refusal">{datev_export_error(&e, i18n.lang())}</div>
                        }.into_any(),
                    })}
                    <div class="actions">
                        <button class="button primary" data-testid="datev-download" disabled=busy
                            on:click=move |_| start_export()>{move || i18n.t(T::Download)}</button>
                    </div>
                    {move || progress.get().map(|p| view! { <ProgressBar progress=p label=i18n.t(T::Writing) /> })}
                    {move || refusal.get().map(|e| view! {
                        <div class="error-box" role="alert" data-testid="error">{datev_export_error(&e, i18n.lang())}</div>
                    })}
                    {move || failure.get().map(|f| view! { <div class="error-box" role="alert" data-testid="error">{f}</div> })}
                    {move || finished.get().map(|f| {
                        let lang = i18n.lang();
                        let more = f.replaced_count.saturating_sub(f.replaced.len());
                        view! {
                            <div class="notice datev-done" role="status" data-testid="datev-done">
                                {i18n.t(T::Done)} " " <strong>{f.name.clone()}</strong> " · " {counts_text(f.counts, lang)}
                            </div>
                            {(!f.replaced.is_empty()).then(|| view! {
                                <div class="datev-replaced" data-testid="datev-replaced">
                                    <p>{i18n.t(T::Replaced)}</p>
                                    <ul>{f.replaced.iter().map(|r| view! { <li>{datev_replaced(r, lang)}</li> }).collect_view()}</ul>
                                    {(more > 0).then(|| view! { <p class="muted">{format!("+{more} ")}{i18n.t(T::MoreReplaced)}</p> })}
                                </div>
                            })}
                        }
                    })}
                }.into_any()
            }}
        </section>
    }
}
