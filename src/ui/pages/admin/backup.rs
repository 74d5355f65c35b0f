//! Datensicherung: export the open company as an encrypted age file (or,
//! clearly labelled, as plain JSON), and restore a backup file as a new
//! company, as a copy, or in place of an existing one. The file is checked
//! completely ([`inspect`]) and its manifest shown before anything is
//! written; every refusal is one sentence and leaves the stored companies
//! as they were. The date of the last backup per company lives in
//! `localStorage`; the status bar reads it ([`last_backup`], [`backup_due`])
//! to remind the user.

use std::rc::Rc;

use gloo::storage::{LocalStorage as Browser, Storage};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use serde::{Deserialize, Serialize};

use crate::backup::export::STEP_RECORDS;
use crate::backup::passphrase::{Level, Strength, Weakness, check_for_export, strength};
use crate::backup::{
    BackupDocument, BackupError, Exporter, FileKind, LogCounts, Manifest, RestoreMode, detect,
    file_name, inspect, load_company, log_counts, restore,
};
use crate::formats::amount::format_date;
use crate::session::SessionError;
use crate::store::CompanyMeta;
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::use_change_right;
use crate::ui::components::{AdminNav, ErrorBox, ProgressBar, download, number_style};
use crate::ui::errors::{session_error, store_error};
use crate::ui::i18n::{I18n, Lang, Text, use_i18n};
use crate::ui::state::{AppState, Progress, use_app};

/// Remind after this many days without a backup …
pub const REMIND_AFTER_DAYS: u64 = 7;
/// … or after this many entries posted since the last one.
pub const REMIND_AFTER_ENTRIES: usize = 200;
/// Optional override of both limits: `{"days": 3, "entries": 50}`.
pub const REMINDER_SETTING_KEY: &str = "kontor.backupReminder";
const LAST_BACKUP_PREFIX: &str = "kontor.lastBackup.";
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

texts! {
    pub enum T {
        Title => "Datensicherung", "Backup";
        Lead => "Sichern Sie den Mandanten als verschlüsselte Datei im offenen age-Format und stellen Sie ihn in jedem Browser wieder her. Die Wiederherstellung prüft die Hash-Kette, bevor etwas geschrieben wird.", "Save the company as an encrypted file in the open age format and restore it in any browser. Restoring verifies the hash chain before anything is written.";
        ExportTitle => "Sicherung erstellen", "Create a backup";
        ExportNoCompany => "Öffnen Sie auf der Startseite einen Mandanten, um ihn zu sichern. Wiederherstellen geht auch ohne.", "Open a company on the start page to back it up. Restoring works without one.";
        ToStart => "Zur Startseite", "Go to start";
        Company => "Mandant", "Company";
        Passphrase => "Passwort", "Passphrase";
        PassphraseRepeat => "Passwort wiederholen", "Repeat passphrase";
        PassphraseHint => "Ohne dieses Passwort lässt sich die Sicherung nicht öffnen – auch nicht von uns. Bewahren Sie es getrennt von der Datei auf.", "Without this passphrase the backup cannot be opened – not even by us. Keep it apart from the file.";
        Mismatch => "Die beiden Passwörter stimmen nicht überein.", "The two passphrases do not match.";
        IncludeDrafts => "Entwürfe (nicht gebuchte Erfassungen) mitsichern", "Include drafts (entries typed but not posted)";
        ExportEncrypted => "Verschlüsselte Sicherung herunterladen", "Export encrypted backup";
        PlainTitle => "Unverschlüsselt exportieren", "Export without encryption";
        PlainWarning => "Die JSON-Datei ist nicht verschlüsselt: Wer sie hat, kann alle Buchungen lesen. Nur für Prüfung oder Weiterverarbeitung verwenden.", "The JSON file is not encrypted: anyone who has it can read every entry. Use it only for auditing or processing.";
        ExportPlain => "Unverschlüsseltes JSON exportieren", "Export unencrypted JSON";
        Loading => "Journal wird gelesen …", "Reading the log …";
        Deriving => "Schlüssel wird abgeleitet …", "Deriving the key …";
        Writing => "Sicherung wird geschrieben", "Writing the backup";
        Exported => "Sicherung erstellt:", "Backup created:";
        LastBackup => "Letzte Sicherung", "Last backup";
        Never => "noch nie", "never";
        EntriesThen => "Buchungen damals", "entries then";
        Due => "Eine neue Sicherung wird empfohlen.", "A new backup is recommended.";
        Remind => "Sicherung empfohlen", "Backup recommended";
        RestoreTitle => "Wiederherstellen", "Restore";
        RestoreLead => "Wählen Sie eine Sicherungsdatei (.kontor.age oder .kontor.json). Sie wird zuerst vollständig geprüft; geschrieben wird erst, wenn Sie es bestätigen.", "Choose a backup file (.kontor.age or .kontor.json). It is checked completely first; nothing is written until you confirm.";
        File => "Sicherungsdatei", "Backup file";
        FileEncrypted => "Verschlüsselte Sicherung – bitte das Passwort eingeben.", "Encrypted backup – please enter its passphrase.";
        FilePlain => "Unverschlüsselte Sicherung – kein Passwort nötig.", "Unencrypted backup – no passphrase needed.";
        Check => "Datei prüfen", "Check file";
        Checking => "Datei wird entschlüsselt und geprüft …", "Decrypting and checking the file …";
        ManifestTitle => "Inhalt der Sicherung", "Contents of the backup";
        Verified => "Hash-Kette und Angaben geprüft – noch nichts geschrieben.", "Hash chain and summary verified – nothing written yet.";
        Written => "Hash-Kette und Angaben geprüft – wiederhergestellt und gespeichert.", "Hash chain and summary verified – restored and saved.";
        ExportedAt => "Erstellt am", "Exported on";
        Events => "Ereignisse im Protokoll", "Events in the log";
        Postings => "davon Buchungen (mit Storni)", "of which postings (incl. reversals)";
        MasterData => "davon Stammdaten und Einstellungen", "of which master data and settings";
        CountsHint => "Das Protokoll hält jede Änderung fest: Buchungen ebenso wie Konten, Steuerschlüssel, Perioden und Kurse.", "The log records every change: postings as well as accounts, tax codes, periods and rates.";
        Strength => "Stärke", "Strength";
        Score0 => "sehr schwach", "very weak";
        Score1 => "schwach", "weak";
        Score2 => "mäßig", "fair";
        Score3 => "gut", "good";
        Score4 => "sehr gut", "very good";
        LevelRefused => "Zu schwach: Damit wird nicht gesichert. Mindestens 8 Zeichen, die niemand errät – am besten drei, vier zufällige Wörter.", "Too weak: no backup with this. At least 8 characters nobody guesses – best three or four random words.";
        LevelWeak => "Schwach: Wer die Datei hat, könnte es mit genug Rechenzeit erraten. Besser ein, zwei Wörter mehr.", "Weak: whoever has the file could guess it with enough computing time. Better add a word or two.";
        LevelGood => "Gut: schwer zu erraten.", "Good: hard to guess.";
        WeakShort => "Weniger als 8 Zeichen.", "Fewer than 8 characters.";
        WeakCommon => "Ein häufig verwendetes Passwort.", "A commonly used password.";
        WeakKeyboard => "Tastaturmuster sind leicht zu erraten.", "Keyboard patterns are easy to guess.";
        WeakRepeats => "Wiederholungen wie „aaa“ oder „abcabc“ sind leicht zu erraten.", "Repeats like “aaa” or “abcabc” are easy to guess.";
        WeakSequence => "Folgen wie „abc“ oder „6543“ sind leicht zu erraten.", "Sequences like “abc” or “6543” are easy to guess.";
        WeakDate => "Jahreszahlen und Daten sind leicht zu erraten.", "Years and dates are easy to guess.";
        WeakWord => "Ein einzelnes Wort ist leicht zu erraten.", "A single word is easy to guess.";
        WeakNames => "Namen sind leicht zu erraten.", "Names are easy to guess.";
        AppVersion => "Kontor-Version", "Kontor version";
        Encryption => "Verschlüsselung", "Encryption";
        EncryptedYes => "age, Passwort (scrypt)", "age, passphrase (scrypt)";
        EncryptedNo => "keine", "none";
        Drafts => "Entwürfe", "Drafts";
        Yes => "enthalten", "included";
        No => "nicht enthalten", "not included";
        HeadHash => "Kettenende (Hash)", "Chain head (hash)";
        RestoreNew => "Als neuen Mandanten wiederherstellen", "Restore as new company";
        RestoreCopy => "Als Kopie wiederherstellen", "Restore as copy";
        ReplaceHint => "Der vorhandene Mandant wird nach der Wiederherstellung gelöscht. Zur Bestätigung seinen Namen eintippen:", "The existing company is deleted after the restore. To confirm, type its name:";
        Replace => "Vorhandenen ersetzen", "Replace existing";
        Restoring => "Wird wiederhergestellt", "Restoring";
        Restored => "Wiederhergestellt als", "Restored as";
        OpenRestored => "Wiederhergestellten Mandanten öffnen", "Open the restored company";
        Seconds => "s", "s";
    }
}

fn say(t: T, lang: Lang) -> &'static str {
    t.text(lang)
}

/// Every backup refusal as one sentence.
pub fn backup_error(e: &BackupError, lang: Lang) -> String {
    let de = lang == Lang::De;
    let pick = |d: String, en: String| if de { d } else { en };
    match e {
        BackupError::WrongPassphrase => pick(
            "Das Passwort passt nicht zu dieser Sicherung.".into(),
            "The passphrase does not open this backup.".into(),
        ),
        BackupError::EmptyPassphrase => pick(
            "Bitte ein Passwort eingeben – eine Sicherung ohne Passwort schützt nichts.".into(),
            "Please enter a passphrase – a backup without one protects nothing.".into(),
        ),
        BackupError::WeakPassphrase { min_chars } => pick(
            format!(
                "Dieses Passwort ist zu schwach für eine Sicherung: Es braucht mindestens {min_chars} Zeichen und darf nicht leicht zu erraten sein (am besten drei, vier zufällige Wörter). Es wurde nichts gesichert."
            ),
            format!(
                "This passphrase is too weak for a backup: it needs at least {min_chars} characters and must not be easy to guess (best three or four random words). Nothing was exported."
            ),
        ),
        BackupError::Damaged { .. } => pick(
            "Die Datei ist unvollständig oder beschädigt. Nichts wurde geändert.".into(),
            "The file is incomplete or damaged. Nothing was changed.".into(),
        ),
        BackupError::DoesNotFold(r) => pick(
            format!(
                "Die Sicherung ist lesbar, ihre Buchungen ergeben aber keine gültigen Bücher (Eintrag {}): {}. Nichts wurde geändert.",
                r.seq,
                session_error(&SessionError::Replay(r.clone()), Lang::De)
            ),
            format!(
                "The backup reads, but its postings do not make valid books (record {}): {}. Nothing was changed.",
                r.seq,
                session_error(&SessionError::Replay(r.clone()), Lang::En)
            ),
        ),
        BackupError::NotKontorBackup => pick(
            "Diese Datei ist keine Kontor-Sicherung.".into(),
            "This file is not a Kontor backup.".into(),
        ),
        BackupError::NotPassphraseEncrypted => pick(
            "Diese age-Datei ist für einen Schlüssel verschlüsselt, nicht mit einem Passwort."
                .into(),
            "This age file is encrypted to a key, not with a passphrase.".into(),
        ),
        BackupError::WorkFactorTooHigh { found, max } => pick(
            format!(
                "Die Datei verlangt eine zu aufwendige Schlüsselableitung (Stufe {found}, höchstens {max})."
            ),
            format!(
                "The file demands too expensive a key derivation (level {found}, at most {max})."
            ),
        ),
        BackupError::TooLarge { .. } => pick(
            "Die Sicherung ist entpackt zu groß.".into(),
            "The backup is too large when unpacked.".into(),
        ),
        BackupError::NewerFormat { found, .. } => pick(
            format!(
                "Diese Sicherung stammt aus einer neueren Kontor-Version (Format {found}). Bitte Kontor aktualisieren."
            ),
            format!(
                "This backup was written by a newer Kontor (format {found}). Please update Kontor."
            ),
        ),
        BackupError::BrokenChain { seq } => pick(
            format!(
                "Das Journal der Sicherung ist ab Eintrag {seq} verändert worden. Nichts wurde wiederhergestellt."
            ),
            format!("The backup's log was altered from record {seq} on. Nothing was restored."),
        ),
        BackupError::ManifestMismatch { .. } => pick(
            "Die Angaben der Sicherung passen nicht zu ihrem Inhalt.".into(),
            "The backup's summary does not match its contents.".into(),
        ),
        BackupError::CompanyExists { name, .. } => pick(
            format!(
                "Die Firma „{name}“ gibt es hier schon. Als Kopie wiederherstellen oder ersetzen?"
            ),
            format!("The company “{name}” already exists here. Restore as a copy or replace it?"),
        ),
        BackupError::Store(e) => store_error(e, lang),
        BackupError::Unexpected { detail } => pick(
            format!("Die Sicherung konnte nicht geschrieben werden: {detail}"),
            format!("The backup could not be written: {detail}"),
        ),
    }
}

/// When a company was last backed up, and how many entries it had then.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastBackup {
    pub unix_ms: u64,
    pub entries: usize,
}

/// The reminder's limits: the stored setting, else the defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderLimits {
    pub days: u64,
    pub entries: usize,
}

impl ReminderLimits {
    pub fn load() -> ReminderLimits {
        Browser::get(REMINDER_SETTING_KEY).unwrap_or(ReminderLimits {
            days: REMIND_AFTER_DAYS,
            entries: REMIND_AFTER_ENTRIES,
        })
    }
}

pub fn last_backup(company_id: &str) -> Option<LastBackup> {
    Browser::get(format!("{LAST_BACKUP_PREFIX}{company_id}")).ok()
}

fn remember_backup(company_id: &str, backup: LastBackup) {
    // Best effort: without localStorage the reminder just cannot know.
    let _ = Browser::set(format!("{LAST_BACKUP_PREFIX}{company_id}"), backup);
}

/// True when a backup is due: none yet (and something to lose), older than
/// the day limit, or more entries posted since than the entry limit.
pub fn backup_due(
    last: Option<LastBackup>,
    now_ms: u64,
    entries_now: usize,
    limits: ReminderLimits,
) -> bool {
    match last {
        None => entries_now > 0,
        Some(b) => {
            now_ms.saturating_sub(b.unix_ms) > limits.days.saturating_mul(DAY_MS)
                || entries_now.saturating_sub(b.entries) > limits.entries
        }
    }
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Date and time of a unix timestamp in the browser's time zone.
pub fn date_time_text(unix_ms: u64, lang: Lang) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_ms as f64));
    let date =
        chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
            .map(|date| format_date(date, number_style(lang)))
            .unwrap_or_default();
    format!("{date} {:02}:{:02}", d.get_hours(), d.get_minutes())
}

fn size_text(bytes: usize) -> String {
    if bytes >= 1_048_576 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn seconds_text(ms: f64, lang: Lang) -> String {
    let s = format!("{:.1}", ms / 1000.0);
    if lang == Lang::De {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Lets the browser paint (progress bars) before the next chunk of work.
async fn yield_to_browser() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

#[component]
pub fn BackupPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page admin-page" data-page="backup">
            <AdminNav />
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            <div class="backup-layout">
                <ExportPanel />
                <RestorePanel />
            </div>
        </section>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Deriving,
    Writing,
}

#[component]
fn ExportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let pass1 = RwSignal::new(String::new());
    let pass2 = RwSignal::new(String::new());
    let drafts = RwSignal::new(false);
    let phase = RwSignal::new(None::<Phase>);
    let progress = RwSignal::new(Progress { done: 0, total: 1 });
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    // Bumped after an export so the "last backup" line re-reads storage.
    let saved = RwSignal::new(0u32);

    let export = Action::new_local(move |encrypted: &bool| {
        let encrypted = *encrypted;
        async move {
            let lang = i18n.lang_untracked();
            error.set(None);
            notice.set(None);
            let Some(company) = app.company.get_untracked() else {
                return;
            };
            let passphrase = pass1.get_untracked();
            if encrypted {
                if passphrase.is_empty() {
                    error.set(Some(backup_error(&BackupError::EmptyPassphrase, lang)));
                    return;
                }
                if passphrase != pass2.get_untracked() {
                    error.set(Some(say(T::Mismatch, lang).into()));
                    return;
                }
                if let Err(e) = check_for_export(&passphrase, &[&company.name]) {
                    error.set(Some(backup_error(&e, lang)));
                    return;
                }
            }
            let started = js_sys::Date::now();
            phase.set(Some(Phase::Loading));
            progress.set(Progress { done: 0, total: 1 });
            yield_to_browser().await;
            let result: Result<(Vec<u8>, usize), BackupError> = async {
                let store = app.store();
                let snapshot = load_company(&*store, &company.id, drafts.get_untracked()).await?;
                let mut exporter = if encrypted {
                    phase.set(Some(Phase::Deriving));
                    yield_to_browser().await;
                    Exporter::encrypted(&snapshot, &passphrase)?
                } else {
                    Exporter::plain(&snapshot)?
                };
                phase.set(Some(Phase::Writing));
                while !exporter.is_done() {
                    let (done, total) = exporter.step(STEP_RECORDS)?;
                    progress.set(Progress {
                        done: done as usize,
                        total: total as usize,
                    });
                    yield_to_browser().await;
                }
                Ok((exporter.finish()?, snapshot.records.len()))
            }
            .await;
            phase.set(None);
            match result {
                Ok((bytes, _records)) => {
                    let now = now_ms();
                    let name = file_name(&company.name, now, encrypted);
                    let mime = if encrypted {
                        "application/octet-stream"
                    } else {
                        "application/json"
                    };
                    if let Err(detail) = download(&bytes, &name, mime) {
                        error.set(Some(backup_error(
                            &BackupError::Unexpected { detail },
                            lang,
                        )));
                        return;
                    }
                    let entries = app
                        .session()
                        .map(|s| s.book().entry_count())
                        .unwrap_or_default();
                    remember_backup(
                        &company.id,
                        LastBackup {
                            unix_ms: now,
                            entries,
                        },
                    );
                    saved.update(|n| *n += 1);
                    // The status bar reads the Book's revision: let it
                    // re-read the last backup too.
                    app.revision.update(|r| *r += 1);
                    pass1.set(String::new());
                    pass2.set(String::new());
                    notice.set(Some(format!(
                        "{} {name} ({}, {} {})",
                        say(T::Exported, lang),
                        size_text(bytes.len()),
                        seconds_text(js_sys::Date::now() - started, lang),
                        say(T::Seconds, lang),
                    )));
                }
                Err(e) => error.set(Some(backup_error(&e, lang))),
            }
        }
    });
    let busy = move || export.pending().get();
    let right = use_change_right();
    let last = move || {
        saved.track();
        app.company.get().and_then(|c| last_backup(&c.id))
    };
    let due = move || {
        let entries = app.with_book(|b| b.entry_count()).unwrap_or_default();
        backup_due(last(), now_ms(), entries, ReminderLimits::load())
    };
    let last_text = move || match last() {
        Some(b) => format!(
            "{} · {} {}",
            date_time_text(b.unix_ms, i18n.lang()),
            b.entries,
            i18n.t(T::EntriesThen)
        ),
        None => i18n.t(T::Never).to_string(),
    };

    view! {
        <section class="backup-card" data-testid="backup-export">
            <h2>{move || i18n.t(T::ExportTitle)}</h2>
            {move || match app.company.get() {
                None => view! {
                    <div class="admin-empty" data-testid="no-company">
                        <p>{move || i18n.t(T::ExportNoCompany)}</p>
                        <A href="/" attr:class="button">{move || i18n.t(T::ToStart)}</A>
                    </div>
                }.into_any(),
                Some(company) => view! {
                    <dl class="facts backup-facts">
                        <div class="fact">
                            <dt>{move || i18n.t(T::Company)}</dt>
                            <dd>{company.name.clone()}</dd>
                        </div>
                        <LogCountFacts />
                        <div class="fact">
                            <dt>{move || i18n.t(T::LastBackup)}</dt>
                            <dd data-testid="last-backup">{last_text}
                                <Show when=due>
                                    <span class="backup-due">{move || i18n.t(T::Due)}</span>
                                </Show>
                            </dd>
                        </div>
                    </dl>
                    <form class="form" on:submit=move |ev| { ev.prevent_default(); export.dispatch(true); }>
                        <div class="field-row">
                            <label class="field">
                                <span>{move || i18n.t(T::Passphrase)}</span>
                                <input type="password" autocomplete="new-password" data-testid="export-passphrase"
                                    prop:value=move || pass1.get() on:input=move |ev| pass1.set(event_target_value(&ev)) />
                            </label>
                            <label class="field">
                                <span>{move || i18n.t(T::PassphraseRepeat)}</span>
                                <input type="password" autocomplete="new-password" data-testid="export-passphrase-repeat"
                                    class:invalid=move || !pass2.get().is_empty() && pass1.get() != pass2.get()
                                    prop:value=move || pass2.get() on:input=move |ev| pass2.set(event_target_value(&ev)) />
                            </label>
                        </div>
                        <StrengthMeter passphrase=pass1 company=company.name.clone() />
                        <p class="muted small">{move || i18n.t(T::PassphraseHint)}</p>
                        <label class="check">
                            <input type="checkbox" data-testid="include-drafts"
                                prop:checked=move || drafts.get() on:change=move |ev| drafts.set(event_target_checked(&ev)) />
                            " " {move || i18n.t(T::IncludeDrafts)}
                        </label>
                        <div class="actions">
                            <SaveButton testid="export-encrypted" pending=busy>
                                {move || i18n.t(T::ExportEncrypted)}
                            </SaveButton>
                        </div>
                    </form>
                }.into_any(),
            }}
            {move || phase.get().map(|p| match p {
                Phase::Writing => view! {
                    <ProgressBar progress=progress.get() label=i18n.t(T::Writing) />
                }.into_any(),
                Phase::Loading | Phase::Deriving => view! {
                    <div class="progress" data-testid="export-busy">
                        <div class="progress-label">{i18n.t(if p == Phase::Loading { T::Loading } else { T::Deriving })}</div>
                        <div class="progress-track indeterminate"><div class="progress-fill"></div></div>
                    </div>
                }.into_any(),
            })}
            <ErrorBox message=Signal::derive(move || error.get()) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="export-done">{move || notice.get()}</div>
            </Show>
            <Show when=move || app.company.get().is_some()>
                <div class="plain-export">
                    <h3>{move || i18n.t(T::PlainTitle)}</h3>
                    <p class="warning">{move || i18n.t(T::PlainWarning)}</p>
                    <button type="button" class="button danger" data-testid="export-plain" disabled=move || busy() || right.denied() title=move || right.why()
                        on:click=move |_| { export.dispatch(false); }>
                        {move || i18n.t(T::ExportPlain)}
                    </button>
                </div>
            </Show>
        </section>
    }
}

/// The open company's log, counted by what it holds (from the Book and the
/// session's head: no extra read).
#[component]
fn LogCountFacts() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let counts = Memo::new(move |_| {
        let postings = app
            .with_book(|b| b.entry_count() as u64)
            .unwrap_or_default();
        let events = app.session().map(|s| s.head().seq).unwrap_or_default();
        LogCounts {
            events,
            postings,
            master_data: events.saturating_sub(postings),
        }
    });
    view! {
        <div class="fact">
            <dt>{move || i18n.t(T::Events)}</dt>
            <dd data-testid="count-events">{move || counts.get().events}</dd>
        </div>
        <div class="fact">
            <dt>{move || i18n.t(T::Postings)}</dt>
            <dd data-testid="count-postings">{move || counts.get().postings}</dd>
        </div>
        <div class="fact">
            <dt>{move || i18n.t(T::MasterData)}</dt>
            <dd data-testid="count-master-data">{move || counts.get().master_data}</dd>
        </div>
    }
}

/// The passphrase's estimated strength while it is typed: a five-step bar,
/// the verdict (refused / weak / good) and the likeliest weakness.
#[component]
fn StrengthMeter(passphrase: RwSignal<String>, company: String) -> impl IntoView {
    let i18n = use_i18n();
    let estimate = Memo::new(move |_| {
        let text = passphrase.get();
        (!text.is_empty()).then(|| strength(&text, &[&company]))
    });
    let level = move || match estimate.get().map(|e| e.level) {
        Some(Level::Refused) => "refused",
        Some(Level::Weak) => "weak",
        Some(Level::Good) => "good",
        None => "none",
    };
    let verdict = move |e: Strength| {
        let level = i18n.t(match e.level {
            Level::Refused => T::LevelRefused,
            Level::Weak => T::LevelWeak,
            Level::Good => T::LevelGood,
        });
        match e
            .weakness
            .map(weakness_text)
            .filter(|_| e.level != Level::Good)
        {
            Some(w) => format!("{} {level}", i18n.t(w)),
            None => level.to_string(),
        }
    };
    view! {
        <div class="strength" data-testid="passphrase-strength" data-level=level
            data-score=move || estimate.get().map(|e| e.score.to_string()).unwrap_or_default()>
            <span class="strength-label">{move || i18n.t(T::Strength)} ": "
                <strong>{move || estimate.get().map(|e| i18n.t(score_text(e.score))).unwrap_or("–")}</strong>
            </span>
            <span class="strength-bar" aria-hidden="true">
                {(0u8..5).map(|i| view! {
                    <span class="strength-step" class:on=move || estimate.get().is_some_and(|e| e.score >= i)></span>
                }).collect_view()}
            </span>
            {move || estimate.get().map(|e| view! { <p class="strength-verdict" role="status">{verdict(e)}</p> })}
        </div>
    }
}

fn score_text(score: u8) -> T {
    match score {
        0 => T::Score0,
        1 => T::Score1,
        2 => T::Score2,
        3 => T::Score3,
        _ => T::Score4,
    }
}

fn weakness_text(w: Weakness) -> T {
    match w {
        Weakness::TooShort => T::WeakShort,
        Weakness::CommonPassword => T::WeakCommon,
        Weakness::KeyboardPattern => T::WeakKeyboard,
        Weakness::Repeats => T::WeakRepeats,
        Weakness::Sequence => T::WeakSequence,
        Weakness::YearOrDate => T::WeakDate,
        Weakness::SingleWord => T::WeakWord,
        Weakness::Names => T::WeakNames,
    }
}

/// What the restore panel knows: the picked file, its check, the restore.
#[derive(Clone, Copy)]
struct RestoreState {
    bytes: StoredValue<Option<Rc<Vec<u8>>>, LocalStorage>,
    document: StoredValue<Option<Rc<BackupDocument>>, LocalStorage>,
    chosen: RwSignal<Option<String>>,
    kind: RwSignal<Option<FileKind>>,
    passphrase: RwSignal<String>,
    manifest: RwSignal<Option<Manifest>>,
    counts: RwSignal<LogCounts>,
    /// The company the backup would overwrite: (id, name).
    exists: RwSignal<Option<(String, String)>>,
    confirm: RwSignal<String>,
    checking: RwSignal<bool>,
    progress: RwSignal<Option<Progress>>,
    error: RwSignal<Option<String>>,
    restored: RwSignal<Option<CompanyMeta>>,
}

impl RestoreState {
    fn new() -> Self {
        RestoreState {
            bytes: StoredValue::new_local(None),
            document: StoredValue::new_local(None),
            chosen: RwSignal::new(None),
            kind: RwSignal::new(None),
            passphrase: RwSignal::new(String::new()),
            manifest: RwSignal::new(None),
            counts: RwSignal::new(LogCounts::default()),
            exists: RwSignal::new(None),
            confirm: RwSignal::new(String::new()),
            checking: RwSignal::new(false),
            progress: RwSignal::new(None),
            error: RwSignal::new(None),
            restored: RwSignal::new(None),
        }
    }

    /// Forgets the last check and restore (a new file, a new check).
    fn reset(&self) {
        self.document.set_value(None);
        self.manifest.set(None);
        self.exists.set(None);
        self.confirm.set(String::new());
        self.error.set(None);
        self.restored.set(None);
        self.progress.set(None);
    }
}

/// Reads the picked file into memory and guesses its kind.
async fn read_picked(r: RestoreState, file: Option<web_sys::File>, i18n: I18n) {
    r.reset();
    r.bytes.set_value(None);
    r.kind.set(None);
    let Some(file) = file else {
        r.chosen.set(None);
        return;
    };
    let file = gloo::file::File::from(file);
    r.chosen.set(Some(file.name()));
    match gloo::file::futures::read_as_bytes(&file).await {
        Ok(data) => {
            r.kind.set(Some(detect(&data)));
            r.bytes.set_value(Some(Rc::new(data)));
        }
        Err(e) => r.error.set(Some(backup_error(
            &BackupError::Unexpected {
                detail: e.to_string(),
            },
            i18n.lang_untracked(),
        ))),
    }
}

/// Checks the whole file ([`inspect`]) and shows its manifest.
async fn check_backup(r: RestoreState, lang: Lang) {
    r.reset();
    let Some(data) = r.bytes.get_value() else {
        return;
    };
    r.checking.set(true);
    // inspect is synchronous (key derivation, inflate, chain check):
    // show the busy bar first.
    yield_to_browser().await;
    yield_to_browser().await;
    let result = inspect(&data, &r.passphrase.get_untracked(), |_, _| {});
    r.checking.set(false);
    match result {
        Ok(doc) => {
            r.counts.set(log_counts(&doc.log));
            r.manifest.set(Some(doc.manifest.clone()));
            r.document.set_value(Some(Rc::new(doc)));
        }
        Err(e) => r.error.set(Some(backup_error(&e, lang))),
    }
}

/// The open company, closed when `mode` replaces it: its connection
/// would block its deletion. Returns its id, to reopen on failure.
fn close_if_replaced(app: AppState, mode: &RestoreMode) -> Option<String> {
    match mode {
        RestoreMode::Replace { company_id, .. }
            if app
                .company
                .get_untracked()
                .is_some_and(|c| &c.id == company_id) =>
        {
            app.close_company();
            Some(company_id.clone())
        }
        _ => None,
    }
}

/// Writes the checked backup as `mode` says, with progress.
async fn run_restore(app: AppState, r: RestoreState, mode: RestoreMode, lang: Lang) {
    r.error.set(None);
    let Some(doc) = r.document.get_value() else {
        return;
    };
    let reopen = close_if_replaced(app, &mode);
    let total = doc.log.len().max(1);
    r.progress.set(Some(Progress { done: 0, total }));
    yield_to_browser().await;
    let store = app.store();
    let result = restore(&*store, &doc, mode, |done, total| {
        r.progress.set(Some(Progress {
            done: done as usize,
            total: total.max(1) as usize,
        }));
    })
    .await;
    r.progress.set(None);
    // The company list is a convenience here; the outcome below is what
    // the user must read, and the start page lists afresh anyway.
    let _ = app.refresh_companies().await;
    match result {
        Ok(meta) => {
            r.exists.set(None);
            r.restored.set(Some(meta));
        }
        Err(e) => {
            if let Some(id) = reopen {
                // Best effort: the refusal below is the message; a company
                // that does not reopen shows its own reason on the start page.
                let _ = app.open_company(&id).await;
            }
            if let BackupError::CompanyExists { id, name } = &e {
                r.exists.set(Some((id.clone(), name.clone())));
            }
            r.error.set(Some(backup_error(&e, lang)));
        }
    }
}

/// What the restore panel's buttons set off.
#[derive(Clone, Copy)]
struct RestoreActions {
    read_file: Action<SendFile, ()>,
    check: Action<(), ()>,
    run: Action<RestoreMode, ()>,
    open: Action<String, ()>,
    busy: Signal<bool>,
}

#[component]
fn RestorePanel() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();
    let r = RestoreState::new();
    let read_file = Action::new_local(move |file: &SendFile| read_picked(r, file.0.clone(), i18n));
    let check = Action::new_local(move |_: &()| check_backup(r, i18n.lang_untracked()));
    let run = Action::new_local(move |mode: &RestoreMode| {
        run_restore(app, r, mode.clone(), i18n.lang_untracked())
    });
    let open = Action::new_local(move |id: &String| {
        let id = id.clone();
        let navigate = navigate.clone();
        async move {
            match app.open_company(&id).await {
                Ok(()) => navigate("/financials", Default::default()),
                Err(e) => r.error.set(Some(session_error(&e, i18n.lang_untracked()))),
            }
        }
    });
    let (read_pending, run_pending) = (read_file.pending(), run.pending());
    let busy = Signal::derive(move || {
        r.checking.get() || run_pending.get() || read_pending.get() || r.progress.get().is_some()
    });
    let a = RestoreActions {
        read_file,
        check,
        run,
        open,
        busy,
    };
    view! {
        <section class="backup-card" data-testid="backup-restore">
            <h2>{move || i18n.t(T::RestoreTitle)}</h2>
            <p class="muted small">{move || i18n.t(T::RestoreLead)}</p>
            <RestoreFileForm r=r a=a />
            <Show when=move || r.checking.get()>
                <div class="progress" data-testid="restore-checking">
                    <div class="progress-label">{move || i18n.t(T::Checking)}</div>
                    <div class="progress-track indeterminate"><div class="progress-fill"></div></div>
                </div>
            </Show>
            {move || r.manifest.get().map(|m| view! { <RestoreManifest r=r a=a m=m lang=i18n.lang() /> })}
            {move || r.progress.get().map(|p| view! { <ProgressBar progress=p label=i18n.t(T::Restoring) /> })}
            <ErrorBox message=Signal::derive(move || r.error.get().filter(|_| r.exists.get().is_none())) />
            {move || r.restored.get().map(|meta| {
                let id = meta.id.clone();
                view! {
                    <div class="success-box" role="status" data-testid="restored">
                        <p>{move || i18n.t(T::Restored)} " „" {meta.name.clone()} "“."</p>
                        <button type="button" class="button primary" data-testid="open-restored"
                            on:click=move |_| { a.open.dispatch(id.clone()); }>
                            {move || i18n.t(T::OpenRestored)}
                        </button>
                    </div>
                }
            })}
        </section>
    }
}

/// The file to restore and, for an encrypted one, its passphrase.
#[component]
fn RestoreFileForm(r: RestoreState, a: RestoreActions) -> impl IntoView {
    let i18n = use_i18n();
    let read_pending = a.read_file.pending();
    view! {
        <form class="form" on:submit=move |ev| { ev.prevent_default(); a.check.dispatch(()); }>
            <label class="field">
                <span>{move || i18n.t(T::File)}</span>
                <input type="file" accept=".age,.json,.kontor.age,.kontor.json" data-testid="restore-file"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        let file = input.files().and_then(|f| f.get(0));
                        a.read_file.dispatch(SendFile(file));
                    } />
            </label>
            {move || r.kind.get().map(|k| match k {
                FileKind::Encrypted => view! {
                    <p class="muted small">{move || i18n.t(T::FileEncrypted)}</p>
                    <label class="field">
                        <span>{move || i18n.t(T::Passphrase)}</span>
                        <input type="password" autocomplete="off" data-testid="restore-passphrase"
                            prop:value=move || r.passphrase.get() on:input=move |ev| r.passphrase.set(event_target_value(&ev)) />
                    </label>
                }.into_any(),
                FileKind::Compressed | FileKind::PlainJson => view! {
                    <p class="muted small">{move || i18n.t(T::FilePlain)}</p>
                }.into_any(),
                FileKind::Unknown => ().into_any(),
            })}
            <div class="actions">
                <SaveButton testid="restore-check" pending=move || a.busy.get() || r.chosen.get().is_none() || read_pending.get()>
                    {move || i18n.t(T::Check)}
                </SaveButton>
            </div>
        </form>
    }
}

/// The checked backup's manifest, and the ways to restore it. `lang` is
/// the language the facts are written in (the caller re-renders on a
/// change of language).
#[component]
fn RestoreManifest(r: RestoreState, a: RestoreActions, m: Manifest, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let fact = move |label: T, id: &'static str, value: String| {
        view! {
            <div class="fact">
                <dt>{move || i18n.t(label)}</dt>
                <dd data-manifest=id>{value}</dd>
            </div>
        }
    };
    let counts = r.counts.get_untracked();
    let yes_no = |yes: bool, y: T, n: T| say(if yes { y } else { n }, lang).to_string();
    view! {
        <div class="manifest" data-testid="manifest">
            <h3>{move || i18n.t(T::ManifestTitle)}</h3>
            <p class="verified" data-testid="manifest-state">
                {move || i18n.t(if r.restored.get().is_some() { T::Written } else { T::Verified })}
            </p>
            <dl class="facts">
                {fact(T::Company, "company", m.company_name.clone())}
                {fact(T::ExportedAt, "exported-at", date_time_text(m.exported_at_unix_ms, lang))}
                {fact(T::Events, "records", m.event_count.to_string())}
                {fact(T::Postings, "postings", counts.postings.to_string())}
                {fact(T::MasterData, "master-data", counts.master_data.to_string())}
                {fact(T::AppVersion, "app-version", m.app_version.clone())}
                {fact(T::Encryption, "encrypted", yes_no(m.encrypted, T::EncryptedYes, T::EncryptedNo))}
                {fact(T::Drafts, "drafts", yes_no(m.drafts_included, T::Yes, T::No))}
                {fact(T::HeadHash, "head-hash", m.head_hash.to_hex().chars().take(16).collect::<String>() + "…")}
            </dl>
            <p class="muted small">{move || i18n.t(T::CountsHint)}</p>
            <Show when=move || r.restored.get().is_none()>
                <RestoreChoices r=r a=a />
            </Show>
        </div>
    }
}

/// Restore as new; when the company exists, as a copy or replacing it
/// (after its name is typed).
#[component]
fn RestoreChoices(r: RestoreState, a: RestoreActions) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let (run, busy, exists, confirm) = (a.run, a.busy, r.exists, r.confirm);
    view! {
        <Show when=move || exists.get().is_some()>
            <div class="error-box exists-box" role="alert" data-testid="error">{move || r.error.get()}</div>
        </Show>
        <div class="actions">
            <button type="button" class="button primary" data-testid="restore-new" disabled=move || busy.get() || right.denied()
                on:click=move |_| { run.dispatch(RestoreMode::New); } title=move || right.why()>
                {move || i18n.t(T::RestoreNew)}
            </button>
            <Show when=move || exists.get().is_some()>
                <button type="button" class="button" data-testid="restore-copy" disabled=move || busy.get()
                    on:click=move |_| { run.dispatch(RestoreMode::AsCopy); }>
                    {move || i18n.t(T::RestoreCopy)}
                </button>
            </Show>
        </div>
        <Show when=move || exists.get().is_some()>
            <form class="replace-confirm" on:submit=move |ev| {
                ev.prevent_default();
                if let Some((id, _)) = exists.get_untracked() {
                    run.dispatch(RestoreMode::Replace { company_id: id, confirm_name: confirm.get_untracked() });
                }
            }>
                <p class="warning">{move || i18n.t(T::ReplaceHint)} " „" {move || exists.get().map(|e| e.1)} "“"</p>
                <input type="text" data-testid="replace-confirm" aria-label=move || i18n.t(T::ReplaceHint)
                    prop:value=move || confirm.get() on:input=move |ev| confirm.set(event_target_value(&ev)) />
                <SaveButton testid="restore-replace" class="button danger" pending=move || busy.get() || confirm.get().trim().is_empty()>
                    {move || i18n.t(T::Replace)}
                </SaveButton>
            </form>
        </Show>
    }
}

/// A picked file for a local action (never crosses threads in the browser).
#[derive(Clone)]
struct SendFile(Option<web_sys::File>);
