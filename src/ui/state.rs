//! App state (Anwendungszustand): the store, the open company's session,
//! and the signals views depend on. Pages read the Book through
//! [`AppState::with_book`] (which subscribes them to changes) and write only
//! through [`AppState::execute`], the one write path.

use std::rc::Rc;

use gloo::storage::{LocalStorage as Browser, Storage};
use leptos::prelude::*;

use crate::ledger::book::moment::{self, Moment};
use crate::ledger::gl::{Area, GlCommand, GlError, Level, User};
use crate::ledger::posting::Rights;
use crate::ledger::setup::Setup;
use crate::ledger::types::Timestamp;
use crate::ledger::{Book, Command, Event};
use crate::security::password::PRODUCTION;
use crate::session::{Session, SessionError};
use crate::store::idb::{IdbCompany, marks, tabs};
use crate::store::vault::NewPassword;
use crate::store::{
    CompanyLog, CompanyMeta, IdbStore, Persistence, StorageEstimate, Store, StoreError,
};

/// Where the lock screen finds a company's failed-login threshold before
/// the books (and their policy) are open: written at each login.
pub fn lock_after_key(company_id: &str) -> String {
    format!("kontor.lockAfterFailures.{company_id}")
}

/// Keeps `lock_after` for the lock screen; a refused write only leaves it
/// at the default.
fn remember_lock_after(company_id: &str, lock_after: u8) {
    if Browser::set(lock_after_key(company_id), lock_after).is_err() {
        leptos::logging::warn!("login policy not kept");
    }
}

/// `password` as its owner sets it today, under the open company's policy.
fn own_password<'a>(session: &Session<IdbCompany>, password: &'a str) -> NewPassword<'a> {
    let policy = *session.book().gl().password_policy();
    let today = crate::ui::components::today();
    NewPassword::own(password, PRODUCTION, policy, today)
}

/// Databases of the app; tests use other namespaces.
const NAMESPACE: &str = "kontor";
const LAST_COMPANY_KEY: &str = "kontor.lastCompany";

/// What the status bar knows about the browser's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct StorageInfo {
    pub persistence: PersistState,
    /// `None` until the browser answered; `Some(None)`: it does not report
    /// usage (WebKit).
    pub estimate: Option<Option<StorageEstimate>>,
}

/// Where the request for persistent storage stands. Firefox answers only
/// when the user decides in a prompt, so `Asking` can last forever.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PersistState {
    #[default]
    NotAsked,
    Asking,
    Answered(Persistence),
    /// The request itself failed (the browser threw).
    Failed,
}

#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<Rc<IdbStore>, LocalStorage>,
    session: StoredValue<Option<Rc<Session<IdbCompany>>>, LocalStorage>,
    watch: StoredValue<Option<tabs::Watch>, LocalStorage>,
    /// The open company, if any.
    pub company: RwSignal<Option<CompanyMeta>>,
    /// Bumped after every change to the open Book.
    pub revision: RwSignal<u64>,
    /// All companies in this browser (sorted), once loaded.
    pub companies: RwSignal<Option<Vec<CompanyMeta>>>,
    pub storage: RwSignal<StorageInfo>,
    /// Listing the companies at startup failed (e.g. IndexedDB is not
    /// available in a private window): the reason, for the status bar.
    pub startup_error: RwSignal<Option<StoreError>>,
    pub draft: RwSignal<DraftSaving>,
    /// A company is being opened or built: show progress, not stale data.
    pub loading: RwSignal<Option<Progress>>,
    /// The last company that could not be opened (a damaged log, storage
    /// refused), with the reason: the start page shows it and the way to
    /// restore a backup, instead of a silent "no company open".
    pub open_failure: RwSignal<Option<OpenFailure>>,
    /// An encrypted company waiting for a login (the lock screen).
    pub login_needed: RwSignal<Option<CompanyMeta>>,
    /// Who is logged in to the open company; `None` for a company without
    /// users.
    pub user: RwSignal<Option<String>>,
    /// A login whose password opened the company but must be changed
    /// first (expired, or set by someone else): the lock screen asks for a
    /// new one; the session waits in `pending` and is nobody's until then.
    pub must_change: RwSignal<Option<String>>,
    pending: StoredValue<Option<Rc<Session<IdbCompany>>>, LocalStorage>,
    /// The books as they stood at a past moment (time travel): the reports
    /// read it through [`AppState::with_report_book`] while one is chosen.
    past: StoredValue<Option<Rc<Book>>, LocalStorage>,
    /// Which moment the reports show (current, being folded, or past).
    pub time_travel: RwSignal<TimeTravel>,
    /// Another tab deleted the open company or upgraded its database, so
    /// this tab let go of it: the update notice asks for a reload.
    pub closed_elsewhere: RwSignal<bool>,
}

/// The moment the reports show.
#[derive(Clone, Debug, Default)]
pub enum TimeTravel {
    /// The books as they are now.
    #[default]
    Current,
    /// Reading the log and folding it up to the moment.
    Folding(Moment, Progress),
    /// The books after the first `position` records of the log.
    Past(PastMoment),
    /// The log could not be read or folded.
    Failed(SessionError),
}

/// A past moment the reports show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PastMoment {
    /// What the user asked for.
    pub asked: Moment,
    /// Records folded (log position).
    pub position: u64,
    /// The stamp of the last stamped record among them, if any.
    pub stamp: Option<Timestamp>,
}

/// A company that did not open, and why.
#[derive(Clone, Debug)]
pub struct OpenFailure {
    pub id: String,
    pub name: String,
    pub error: SessionError,
}

/// Saving the half-typed journal entry as the user types: saves in
/// flight, saves done, and the last failure. The status bar shows it, so
/// the user (and a test) sees when a reload would lose nothing.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DraftSaving {
    pub pending: u32,
    pub saved: u64,
    pub failed: Option<StoreError>,
}

/// A long task's progress for the progress bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl AppState {
    pub fn provide() -> AppState {
        let state = AppState {
            store: StoredValue::new_local(Rc::new(IdbStore::new(NAMESPACE))),
            session: StoredValue::new_local(None),
            watch: StoredValue::new_local(None),
            company: RwSignal::new(None),
            revision: RwSignal::new(0),
            companies: RwSignal::new(None),
            storage: RwSignal::new(StorageInfo::default()),
            startup_error: RwSignal::new(None),
            open_failure: RwSignal::new(None),
            login_needed: RwSignal::new(None),
            user: RwSignal::new(None),
            must_change: RwSignal::new(None),
            pending: StoredValue::new_local(None),
            draft: RwSignal::new(DraftSaving::default()),
            loading: RwSignal::new(None),
            past: StoredValue::new_local(None),
            time_travel: RwSignal::new(TimeTravel::Current),
            closed_elsewhere: RwSignal::new(false),
        };
        provide_context(state);
        leptos::task::spawn_local(async move { state.start().await });
        state
    }

    /// Lists companies and reopens the last one; asks for persistent
    /// storage and the estimate alongside, never waiting for the answers
    /// (Firefox's `persist()` waits for a prompt the user may never see).
    async fn start(self) {
        self.request_persistence();
        leptos::task::spawn_local(async move { self.refresh_storage().await });
        if let Err(e) = self.refresh_companies().await {
            self.startup_error.set(Some(e));
            return;
        }
        let last: Option<String> = Browser::get(LAST_COMPANY_KEY).ok();
        let exists = |id: &str| {
            self.companies
                .get_untracked()
                .is_some_and(|cs| cs.iter().any(|c| c.id == id))
        };
        if let Some(id) = last.filter(|id| exists(id)) {
            // A company that fails to open stays closed; `open_company`
            // has put the reason in `open_failure`, which the start page
            // shows with the way to restore, or, for an encrypted company,
            // named it in `login_needed` for the lock screen.
            let _ = self.open_company(&id).await;
        }
    }

    /// Asks the browser to keep this site's data, in the background: the
    /// status bar shows "asking" until the answer comes (maybe never).
    /// Also offered again from the status bar.
    pub fn request_persistence(&self) {
        let state = *self;
        if matches!(
            state.storage.get_untracked().persistence,
            PersistState::Answered(Persistence::Granted)
        ) {
            return;
        }
        state
            .storage
            .update(|s| s.persistence = PersistState::Asking);
        leptos::task::spawn_local(async move {
            let answer = match state.store().persist().await {
                Ok(p) => PersistState::Answered(p),
                Err(_) => PersistState::Failed,
            };
            state.storage.update(|s| {
                // A later request may have been granted already.
                if s.persistence != PersistState::Answered(Persistence::Granted) {
                    s.persistence = answer;
                }
            });
        });
    }

    pub fn store(&self) -> Rc<IdbStore> {
        self.store.get_value()
    }

    pub fn session(&self) -> Option<Rc<Session<IdbCompany>>> {
        self.session.get_value()
    }

    pub async fn refresh_companies(&self) -> Result<(), StoreError> {
        let companies = self.store().list_companies().await?;
        self.companies.set(Some(companies));
        Ok(())
    }

    /// Re-reads `navigator.storage.estimate()`: after every write, so no
    /// screen shows the figure read at start-up (0.0 MB before the first
    /// company) once the books have grown.
    pub async fn refresh_storage(&self) {
        let estimate = self.store().estimate().await.ok().flatten();
        self.storage.update(|s| s.estimate = Some(estimate));
    }

    /// Opens a company: loads and verifies its log, folds it into a Book.
    /// An encrypted company is not opened: `login_needed` names it, and
    /// the lock screen asks for a user and password ([`AppState::log_in`]).
    pub async fn open_company(&self, id: &str) -> Result<(), SessionError> {
        let store = self.store();
        self.loading.set(Some(Progress { done: 0, total: 1 }));
        marks::mark("kontor:open");
        let result = async {
            let log = store.open_company(id).await?;
            Session::open_deferred(log).await
        }
        .await;
        marks::mark("kontor:folded");
        self.loading.set(None);
        self.opened(id, result, None)
    }

    /// Opens the company the lock screen names with a user's password
    /// (one Argon2id, about half a second), as that user.
    pub async fn log_in(&self, login: &str, password: &str) -> Result<(), SessionError> {
        let Some(meta) = self.login_needed.get_untracked() else {
            return Err(SessionError::NotOpen);
        };
        let store = self.store();
        let log = store.open_company(&meta.id).await?;
        log.unlock(login, password).await?;
        let user = crate::store::vault::normalise_login(login)?;
        let status = log.login_status(&user).await?;
        self.loading.set(Some(Progress { done: 0, total: 1 }));
        let result = Session::open(log).await;
        self.loading.set(None);
        // The password opened the key; the log says whether the user is
        // still one (a deactivated user's key copy still unwraps).
        let mut needs_change = false;
        if let Ok(session) = &result {
            let access = session.book().gl().access().may_log_in(&user);
            access.map_err(|e| SessionError::Domain(GlError::from(e).into()))?;
            let policy = *session.book().gl().password_policy();
            remember_lock_after(&meta.id, policy.lock_after_failures);
            let today = crate::ui::components::today();
            needs_change = status.is_some_and(|s| s.needs_change(today, &policy));
        }
        match result {
            Ok(session) if needs_change => {
                self.pending.set_value(Some(Rc::new(session)));
                self.must_change.set(Some(user));
                Ok(())
            }
            result => self.opened(&meta.id, result, Some(user)),
        }
    }

    /// Sets the new password of a login that had to change it, then opens
    /// the waiting session as that user. A refused password leaves it
    /// waiting.
    pub async fn change_expired(&self, password: &str) -> Result<(), SessionError> {
        let (Some(user), Some(session), Some(meta)) = (
            self.must_change.get_untracked(),
            self.pending.get_value(),
            self.login_needed.get_untracked(),
        ) else {
            return Err(SessionError::NotOpen);
        };
        let new = own_password(&session, password);
        session.log().put_login(&user, &new).await?;
        self.pending.set_value(None);
        self.must_change.set(None);
        let session = Rc::try_unwrap(session).map_err(|_| SessionError::NotOpen)?;
        self.opened(&meta.id, Ok(session), Some(user))
    }

    /// Makes an opened session the current one, or records why it failed.
    fn opened(
        &self,
        id: &str,
        result: Result<Session<IdbCompany>, SessionError>,
        user: Option<String>,
    ) -> Result<(), SessionError> {
        let meta = self.listed(id);
        let session = match result {
            Ok(session) => session,
            Err(SessionError::Store(StoreError::Locked)) => {
                self.open_failure.set(None);
                self.login_needed.set(meta);
                return Err(StoreError::Locked.into());
            }
            Err(error) => {
                self.failed_to_open(id, error.clone());
                return Err(error);
            }
        };
        self.open_failure.set(None);
        self.login_needed.set(None);
        self.back_to_current();
        crate::ui::actor::set_user(user.as_deref());
        self.user.set(user);
        let (closed_elsewhere, company, opened_id) =
            (self.closed_elsewhere, self.company, id.to_string());
        closed_elsewhere.set(false);
        // Only while it is still the open company: a handle that outlives
        // its session (an async task holding it) must not alarm another.
        session.log().when_closed_elsewhere(move || {
            if company.get_untracked().is_some_and(|c| c.id == opened_id) {
                closed_elsewhere.set(true);
            }
        });
        let session = Rc::new(session);
        self.session.set_value(Some(session.clone()));
        self.verify_in_background(id, session);
        self.company.set(meta);
        // Only a convenience (reopen it next time): a localStorage that
        // refuses the write changes nothing the user relies on.
        let _ = Browser::set(LAST_COMPANY_KEY, id);
        self.watch_other_tabs(id);
        self.revision.update(|r| *r += 1);
        Ok(())
    }

    /// Encrypts the open company for its first user (`CompanyLog::encrypt`,
    /// one transaction), who is logged in from then on and is then saved
    /// as the company's superuser. Encryption comes first: a log naming a
    /// user while no key copy exists would refuse every command.
    pub async fn enable_users(&self, first: User, password: &str) -> Result<(), SessionError> {
        let session = self.session().ok_or(SessionError::NotOpen)?;
        let login = crate::store::vault::normalise_login(&first.login)?;
        let new = own_password(&session, password);
        session.log().encrypt(&login, &new).await?;
        crate::ui::actor::set_user(Some(&login));
        self.user.set(Some(login.clone()));
        // A clock outside a timestamp's range leaves the log without
        // users: everyone keeps every right, as before users.
        let Some(at) = crate::ui::actor::now() else {
            return Ok(());
        };
        let user = User { login, ..first };
        let by = user.login.clone();
        self.execute(Command::Gl(GlCommand::SaveUser { user, by, at }))
            .await
            .map(|_| ())
    }

    /// The open company's display decimals of rates and quantities (the
    /// default without a company). Tracks the Book.
    pub fn display_decimals(&self) -> crate::ledger::gl::DisplayDecimals {
        self.with_book(|b| *b.gl().display_decimals())
            .unwrap_or_default()
    }

    /// What the logged-in user may do in `area` (issue 18; everything in
    /// a company without users). Tracks the user and the Book.
    pub fn level(&self, area: Area) -> Level {
        // A company whose log names users but that has no passwords here
        // (restored from a backup) keeps its users page open, so a
        // superuser's login can be given a password again.
        let unlocked_without_login = self.user.with(Option::is_none);
        let login = crate::ui::actor::user();
        self.with_book(|book| match book.gl().access().level(&login, area) {
            Level::None if area == Area::Users && unlocked_without_login => Level::Read,
            level => level,
        })
        .unwrap_or(Level::Full)
    }

    /// A user's copy of the open company's key under `password`: a new
    /// user, or a password set again, under the company's policy. Set for
    /// another login, its owner must change it at their next login; set
    /// by nobody logged in (a restored company's first password), not.
    pub async fn set_password(&self, login: &str, password: &str) -> Result<(), SessionError> {
        let session = self.session().ok_or(SessionError::NotOpen)?;
        let new = own_password(&session, password);
        let target = crate::store::vault::normalise_login(login)?;
        let by_other = self
            .user
            .with_untracked(|u| u.as_ref().is_some_and(|u| *u != target));
        let new = if by_other {
            new.for_someone_else()
        } else {
            new
        };
        Ok(session.log().put_login(&target, &new).await?)
    }

    /// The logins of the open company (empty: no users, not encrypted).
    pub async fn logins(&self) -> Result<Vec<String>, SessionError> {
        let session = self.session().ok_or(SessionError::NotOpen)?;
        Ok(session.log().logins().await?)
    }

    /// Locks an encrypted company: the session and its key are dropped
    /// (only the password opens it again); the lock screen names it. A
    /// company without users has nothing to lock.
    pub fn lock(&self) {
        if self.user.get_untracked().is_none() {
            return;
        }
        let meta = self.company.get_untracked();
        self.forget_session();
        self.login_needed.set(meta);
    }

    /// Another tab appended to this company: catch up.
    fn watch_other_tabs(&self, id: &str) {
        let state = *self;
        let company_id = id.to_string();
        let watch = tabs::watch(NAMESPACE, move |news| {
            if news.company_id != company_id {
                return;
            }
            leptos::task::spawn_local(async move {
                if let Some(session) = state.session()
                    && session.catch_up().await.is_ok()
                {
                    state.revision.update(|r| *r += 1);
                }
            });
        });
        self.watch.set_value(watch);
    }

    /// Company `id` as the registry lists it.
    fn listed(&self, id: &str) -> Option<CompanyMeta> {
        self.companies
            .get_untracked()
            .and_then(|cs| cs.into_iter().find(|c| c.id == id))
    }

    /// Says why company `id` did not open (the shell shows it, with the
    /// way to restore a backup).
    fn failed_to_open(&self, id: &str, error: SessionError) {
        let name = self.listed(id).map(|m| m.name).unwrap_or_default();
        let id = id.to_string();
        self.open_failure.set(Some(OpenFailure { id, name, error }));
    }

    /// Verifies the hash chain under the books just shown
    /// (`Session::open_deferred`; commands wait for it). Damaged data
    /// closes the company, if it is still the open one, and says why, as a
    /// failed open does. A storage failure leaves it open: the first
    /// command checks again and shows that failure where it was given.
    fn verify_in_background(&self, id: &str, session: Rc<Session<IdbCompany>>) {
        let (app, id) = (*self, id.to_string());
        leptos::task::spawn_local(async move {
            let Err(error) = session.verify().await else {
                // A cache: when it cannot be written, the next open folds
                // the log as it does without one.
                if let Ok(true) = session.keep_snapshot().await {
                    app.refresh_storage().await;
                }
                return;
            };
            let damaged = matches!(&error, SessionError::Store(e) if e.is_damage());
            let still_open = app.session().is_some_and(|s| Rc::ptr_eq(&s, &session));
            if damaged && still_open {
                app.forget_session();
                app.failed_to_open(&id, error);
            }
        });
    }

    pub fn close_company(&self) {
        self.forget_session();
        self.login_needed.set(None);
        Browser::delete(LAST_COMPANY_KEY);
    }

    fn forget_session(&self) {
        self.back_to_current();
        self.pending.set_value(None);
        self.must_change.set(None);
        self.session.set_value(None);
        self.watch.set_value(None);
        self.company.set(None);
        self.closed_elsewhere.set(false);
        self.user.set(None);
        crate::ui::actor::set_user(None);
        self.revision.update(|r| *r += 1);
    }

    /// Saves a draft of the open company in the background; `draft` tells
    /// how it went.
    pub fn save_draft(&self, key: &'static str, json: String) {
        use crate::store::CompanyLog;
        let Some(session) = self.session() else {
            return;
        };
        let state = *self;
        state.draft.update(|d| d.pending += 1);
        leptos::task::spawn_local(async move {
            let result = session.log().put_draft(key, &json).await;
            state.draft.update(|d| {
                d.pending = d.pending.saturating_sub(1);
                match result {
                    Ok(()) => {
                        d.saved += 1;
                        d.failed = None;
                    }
                    Err(e) => d.failed = Some(e),
                }
            });
        });
    }

    /// Reads the open Book; subscribes the caller to its changes.
    pub fn with_book<R>(&self, f: impl FnOnce(&Book) -> R) -> Option<R> {
        self.revision.track();
        let session = self.session.get_value()?;
        let book = session.book();
        Some(f(&book))
    }

    /// Reads the Book a report shows: the open Book, or the books as they
    /// stood at the moment chosen on the report's `AsOfBar` (time travel,
    /// issue 17 part E). Subscribes the caller to both.
    /// While the past is being folded there is nothing to show (`None`).
    pub fn with_report_book<R>(&self, f: impl FnOnce(&Book) -> R) -> Option<R> {
        match self
            .time_travel
            .with(|t| matches!(t, TimeTravel::Current | TimeTravel::Failed(_)))
        {
            true => self.with_book(f),
            false => {
                self.revision.track();
                let past = self.past.get_value()?;
                Some(f(&past))
            }
        }
    }

    /// Whether the reports show a past moment (or are folding one): a
    /// report offers no action that writes while this is true.
    pub fn in_past(&self) -> bool {
        self.time_travel
            .with(|t| matches!(t, TimeTravel::Folding(..) | TimeTravel::Past(_)))
    }

    /// Records in the open company's log now (the "of 9,999" of the as-of
    /// bar); tracks changes.
    pub fn log_length(&self) -> u64 {
        self.revision.track();
        self.session().map(|s| s.head().seq).unwrap_or(0)
    }

    /// Shows the reports as the books stood at `moment`: reads the log
    /// (`CompanyLog::load`, verified), resolves the moment to a position
    /// (`ledger::book::moment`) and folds that prefix
    /// (`Book::fold_prefix`). Writes nothing.
    pub async fn travel_to(&self, asked: Moment) {
        use crate::store::CompanyLog;
        let Some(session) = self.session() else {
            return;
        };
        self.time_travel
            .set(TimeTravel::Folding(asked, Progress { done: 0, total: 2 }));
        // Let the progress bar paint before the work starts.
        gloo::timers::future::TimeoutFuture::new(0).await;
        let records = match session.log().load().await {
            Ok(records) => records,
            Err(e) => {
                self.time_travel.set(TimeTravel::Failed(e.into()));
                return;
            }
        };
        self.time_travel
            .set(TimeTravel::Folding(asked, Progress { done: 1, total: 2 }));
        gloo::timers::future::TimeoutFuture::new(0).await;
        let n = moment::resolve(&records, asked);
        let stamp = moment::stamp_of_position(&records, n);
        let folded = Book::fold_prefix(&records, n);
        drop(records);
        // The user went back to the current books (or elsewhere) meanwhile.
        if !matches!(self.time_travel.get_untracked(), TimeTravel::Folding(a, _) if a == asked) {
            return;
        }
        match folded {
            Ok(book) => {
                self.past.set_value(Some(Rc::new(book)));
                self.time_travel.set(TimeTravel::Past(PastMoment {
                    asked,
                    position: n as u64,
                    stamp,
                }));
            }
            Err(e) => self.time_travel.set(TimeTravel::Failed(e.into())),
        }
    }

    /// Back to the books as they are now; drops the past Book.
    pub fn back_to_current(&self) {
        self.past.set_value(None);
        self.time_travel.set(TimeTravel::Current);
    }

    /// The one write path: check, store, apply; then views re-render. On a
    /// conflict with another tab the Book catches up so a retry can work.
    pub async fn execute(&self, cmd: Command) -> Result<Vec<Event>, SessionError> {
        self.execute_with(Rights::ALL, cmd).await
    }

    /// `execute` with the acting user's `rights` (a warning the user
    /// confirmed grants the right it asked about).
    pub async fn execute_with(
        &self,
        rights: Rights,
        cmd: Command,
    ) -> Result<Vec<Event>, SessionError> {
        refuse_outdated_code()?;
        let session = self.session().ok_or(SessionError::NotOpen)?;
        let stamp = crate::ui::actor::stamp();
        let result = session.execute_as(rights, stamp.as_ref(), &cmd).await;
        if let Err(SessionError::Store(StoreError::Conflict { .. })) = &result {
            // The conflict is returned and shown; a failed catch-up shows again on retry.
            let _ = session.catch_up().await;
        }
        self.revision.update(|r| *r += 1);
        // What the status bar says is used must follow the writes.
        self.refresh_storage().await;
        result
    }

    /// Creates a company from the wizard's `setup` command, all or nothing
    /// ([`crate::session::create_company`]: checked before anything is
    /// written, listed only once its log is complete), then opens it.
    pub async fn create_company(&self, name: &str, setup: Setup) -> Result<(), SessionError> {
        refuse_outdated_code()?;
        let stamp = crate::ui::actor::stamp();
        let meta =
            crate::session::create_company(&*self.store(), name, &setup, stamp.as_ref()).await?;
        self.after_create(&meta.id).await
    }

    /// Creates a company from events built elsewhere (demo company, import),
    /// stored in chunks with progress and listed once complete, then opens
    /// it.
    pub async fn create_company_from_events(
        &self,
        name: &str,
        events: &[Event],
    ) -> Result<(), SessionError> {
        refuse_outdated_code()?;
        let loading = self.loading;
        let stored = crate::session::create_company_from_events(
            &*self.store(),
            name,
            events,
            |done, total| loading.set(Some(Progress { done, total })),
        )
        .await;
        self.loading.set(None);
        self.after_create(&stored?.id).await
    }

    async fn after_create(&self, id: &str) -> Result<(), SessionError> {
        self.refresh_companies().await?;
        self.refresh_storage().await;
        self.open_company(id).await
    }

    pub async fn rename_company(&self, id: &str, name: &str) -> Result<(), StoreError> {
        let meta = self.store().rename_company(id, name).await?;
        if self.company.get_untracked().is_some_and(|c| c.id == id) {
            self.company.set(Some(meta));
        }
        self.refresh_companies().await
    }

    pub async fn delete_company(&self, id: &str, confirm_name: &str) -> Result<(), StoreError> {
        if self.company.get_untracked().is_some_and(|c| c.id == id) {
            self.close_company();
        }
        self.store().delete_company(id, confirm_name).await?;
        self.refresh_storage().await;
        self.refresh_companies().await
    }
}

/// Old code never writes next to new: a tab that another tab's update made
/// outdated refuses every write until it is reloaded (see `ui::pwa`).
fn refuse_outdated_code() -> Result<(), SessionError> {
    if super::pwa::code_is_outdated() {
        return Err(SessionError::OutdatedCode);
    }
    Ok(())
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
