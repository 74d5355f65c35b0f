//! The write path over the in-memory store: a command is real only once it
//! is stored, a failed append leaves the Book as it was, and reopening the
//! company replays to the same Book.

use futures::executor::block_on;
use kontor::ledger::gl::GlError;
use kontor::ledger::journal::JournalError;
use kontor::ledger::posting::PostingCommand;
use kontor::ledger::sample::{sample_drafts, sample_setup};
use kontor::ledger::{Book, Command, DomainError};
use kontor::session::{Session, SessionError, create_company};
use kontor::store::{CompanyLog, MemoryStore, Store, StoreError};

/// A new company in `store`, set up through the session.
fn open_new(store: &MemoryStore) -> (String, Session<<MemoryStore as Store>::Company>) {
    block_on(async {
        let meta = create_company(store, "Muster GmbH", &sample_setup(2026), None)
            .await
            .unwrap();
        let log = store.open_company(&meta.id).await.unwrap();
        let session = Session::open(log).await.unwrap();
        (meta.id, session)
    })
}

fn post(n: usize) -> Vec<Command> {
    sample_drafts(7, n, 4, 2026)
        .unwrap()
        .into_iter()
        .map(|draft| Command::Posting(PostingCommand::PostEntry { draft }))
        .collect()
}

#[test]
fn executed_commands_are_stored_and_reopen_to_the_same_book() {
    let store = MemoryStore::new();
    let (id, session) = open_new(&store);
    for cmd in post(20) {
        block_on(session.execute(&cmd)).unwrap();
    }
    assert_eq!(session.book().entry_count(), 20);
    let reopened =
        block_on(async { Session::open(store.open_company(&id).await.unwrap()).await }).unwrap();
    assert_eq!(*reopened.book(), *session.book());
    assert_eq!(reopened.head(), session.head());
}

#[test]
fn refused_command_writes_nothing() {
    let store = MemoryStore::new();
    let (_, session) = open_new(&store);
    let head = session.head();
    let before = session.book().clone();
    let mut cmd = post(1).remove(0);
    if let Command::Posting(PostingCommand::PostEntry { draft, .. }) = &mut cmd {
        draft.lines.truncate(1);
    }
    let err = block_on(session.execute(&cmd)).unwrap_err();
    assert!(
        matches!(
            err,
            SessionError::Domain(DomainError::Journal(JournalError::TooFewLines { .. }))
        ),
        "{err:?}"
    );
    assert_eq!(session.head(), head);
    assert_eq!(block_on(session.log().head()).unwrap(), head);
    assert_eq!(*session.book(), before);
}

#[test]
fn a_second_writer_cannot_fork_the_log_and_the_first_catches_up() {
    let store = MemoryStore::new();
    let (id, tab_a) = open_new(&store);
    let tab_b =
        block_on(async { Session::open(store.open_company(&id).await.unwrap()).await }).unwrap();
    let cmds = post(2);
    block_on(tab_b.execute(&cmds[0])).unwrap();

    let before = tab_a.book().clone();
    let err = block_on(tab_a.execute(&cmds[1])).unwrap_err();
    assert!(
        matches!(err, SessionError::Store(StoreError::Conflict { .. })),
        "{err:?}"
    );
    assert_eq!(
        *tab_a.book(),
        before,
        "a failed append leaves the Book unchanged"
    );

    assert_eq!(block_on(tab_a.catch_up()).unwrap(), 1);
    assert_eq!(*tab_a.book(), *tab_b.book());
    block_on(tab_a.execute(&cmds[1])).unwrap();
    assert_eq!(tab_a.book().entry_count(), 2);
    let replayed = Book::replay(&block_on(tab_a.log().load()).unwrap()).unwrap();
    assert_eq!(replayed, *tab_a.book());
}

/// The wizard's path (`session::create_company`): a setup the engine
/// refuses ("Deutschland" typed as the country code) stores nothing — no
/// registry entry, no database — and says why.
#[test]
fn a_refused_company_setup_leaves_no_company_behind() {
    let store = MemoryStore::new();
    let mut setup = sample_setup(2026);
    setup.settings.country = "DEUTSCHLAND".into();
    let err = block_on(create_company(&store, "Land GmbH", &setup, None)).unwrap_err();
    assert!(
        matches!(
            err,
            SessionError::Domain(DomainError::Gl(GlError::InvalidCountry { .. }))
        ),
        "{err:?}"
    );
    assert_eq!(block_on(store.list_companies()).unwrap(), vec![]);
    assert_eq!(store.database_count(), 0);
}

#[test]
fn a_company_is_created_complete_in_one_step() {
    let store = MemoryStore::new();
    let meta = block_on(create_company(
        &store,
        "Muster GmbH",
        &sample_setup(2026),
        None,
    ))
    .unwrap();
    assert_eq!(
        block_on(store.list_companies()).unwrap(),
        vec![meta.clone()]
    );
    let session =
        block_on(async { Session::open(store.open_company(&meta.id).await.unwrap()).await })
            .unwrap();
    let book = session.book();
    assert_eq!(book.settings().name, sample_setup(2026).settings.name);
    assert!(book.accounts().count() > 50);
    assert_eq!(book.calendar().fiscal_years().count(), 1);
    assert!(book.tax_codes().count() > 5);
    // Exactly the events the setup produced, in one log.
    let (_, expected) = Book::set_up(&sample_setup(2026)).unwrap();
    assert_eq!(session.head().seq, expected.len() as u64);
}

/// An account renamed through the session as a user: the stored record
/// carries the user and time, the change log names them, time travel
/// finds the moment, and the company reopens to the same Book.
#[test]
fn a_master_data_command_is_stored_with_who_gave_it_and_when() {
    use kontor::ledger::book::change_log::{Action, RecordKind, change_log};
    use kontor::ledger::book::moment::record_stamp;
    use kontor::ledger::gl::GlCommand;
    use kontor::ledger::posting::Rights;
    use kontor::ledger::types::{AccountNo, Stamp, Timestamp};
    let store = MemoryStore::new();
    let (id, session) = open_new(&store);
    let number = AccountNo::parse("4210").unwrap();
    let mut account = session.book().gl().account(number).unwrap().clone();
    account.name_de = "Miete Lager".into();
    let stamp = Stamp {
        by: "anna".into(),
        at: Timestamp::parse("2026-12-03T10:15:00Z").unwrap(),
    };
    let cmd = Command::Gl(GlCommand::UpdateAccount { account });
    block_on(session.execute_as(Rights::ALL, Some(&stamp), &cmd)).unwrap();
    let records = block_on(session.log().load()).unwrap();
    let last = records.last().unwrap();
    assert!(
        last.body
            .ends_with(r#","by":"anna","at":"2026-12-03T10:15:00Z"}"#),
        "{}",
        last.body
    );
    assert_eq!(record_stamp(&last.body), Some(stamp.at));
    let log = change_log(&records).unwrap();
    let renamed = log.last().unwrap();
    assert_eq!(
        (renamed.kind, renamed.action),
        (RecordKind::Account, Action::Changed)
    );
    assert_eq!(
        (renamed.by.as_deref(), renamed.at),
        (Some("anna"), Some(stamp.at))
    );
    assert_eq!(renamed.fields.len(), 1);
    assert_eq!(renamed.fields[0].new, "Miete Lager");
    let reopened =
        block_on(async { Session::open(store.open_company(&id).await.unwrap()).await }).unwrap();
    assert_eq!(*reopened.book(), *session.book());
}

fn reopen_deferred(store: &MemoryStore, id: &str) -> Session<<MemoryStore as Store>::Company> {
    block_on(async { Session::open_deferred(store.open_company(id).await.unwrap()).await }).unwrap()
}

/// A company with `n` entries posted, and the command that would post
/// one more.
fn company_with_posts(
    n: usize,
) -> (
    MemoryStore,
    String,
    Session<<MemoryStore as Store>::Company>,
    Command,
) {
    let store = MemoryStore::new();
    let (id, session) = open_new(&store);
    let mut cmds = post(n + 1);
    let next = cmds.remove(n);
    for cmd in &cmds {
        block_on(session.execute(cmd)).unwrap();
    }
    (store, id, session, next)
}

/// The fast open (issue 21) folds the books before the hash chain is
/// checked, to the same Book; a command waits for the check, then posts.
#[test]
fn a_deferred_open_folds_the_same_book_and_checks_before_writing() {
    let (store, id, session, next) = company_with_posts(20);
    let fast = reopen_deferred(&store, &id);
    assert_eq!(*fast.book(), *session.book());
    assert_eq!(fast.head(), session.head());
    block_on(fast.execute(&next)).unwrap();
    assert!(block_on(fast.verify()).is_ok());
    assert_eq!(fast.book().entry_count(), 21);
}

/// A log changed behind Kontor's back that still reads folds on the fast
/// open; the chain check then refuses it, and with it every command, now
/// and later: nothing is written on top of a log that does not verify.
#[test]
fn a_deferred_open_of_a_changed_log_writes_nothing() {
    let (store, id, session, next) = company_with_posts(3);
    let head = session.head();
    let block = store.raw_texts(&id).remove(0);
    let changed = block.replace("Muster GmbH", "Muster GmbX");
    assert_ne!(changed, block, "block 0 holds the company's creation");
    store.overwrite_block(&id, 0, changed);
    let fast = reopen_deferred(&store, &id);
    let broken = |r: Result<_, SessionError>| {
        matches!(
            r,
            Err(SessionError::Store(StoreError::BrokenChain { seq: 1 }))
        )
    };
    assert!(broken(block_on(fast.execute(&next)).map(|_| ())));
    assert!(broken(block_on(fast.verify())));
    assert_eq!(block_on(fast.log().head()).unwrap(), head);
    assert_eq!(fast.book().entry_count(), 3);
    let verified = block_on(async { Session::open(store.open_company(&id).await.unwrap()).await });
    assert!(broken(verified.map(|_| ())));
}
