//! A posting command posted twice under the same key posts once: the
//! entry grid and every journal voucher carry a key, and the engine
//! remembers every key it posted, also across a reload (the key is in the
//! log). A retry, a second tab or a draft that could not be deleted is
//! refused with `AlreadyPosted`, and nothing is posted twice.

use kontor::ledger::chain::ChainHead;
use kontor::ledger::event::encode;
use kontor::ledger::journal::JournalError;
use kontor::ledger::posting::{PostingCommand, Voucher};
use kontor::ledger::sample::{sample_drafts, sample_setup};
use kontor::ledger::types::PostingKey;
use kontor::ledger::{Book, Command, DomainError, Event};
use proptest::prelude::*;

fn entry_command(seed: u64, key: PostingKey) -> Command {
    let mut draft = sample_drafts(seed, 1, 3, 2024).unwrap().remove(0);
    draft.key = Some(key);
    PostingCommand::PostEntry { draft }.into()
}

fn voucher_command(seed: u64, entries: usize, key: PostingKey) -> Command {
    let voucher = Voucher {
        key: Some(key),
        entries: sample_drafts(seed, entries, 2, 2024).unwrap(),
        ..Voucher::default()
    };
    PostingCommand::PostVoucher { voucher }.into()
}

fn replayed(events: &[Event]) -> Book {
    let mut head = ChainHead::EMPTY;
    let records: Vec<_> = events
        .iter()
        .map(|e| {
            let r = head.seal(encode(e));
            head = ChainHead::after(&r);
            r
        })
        .collect();
    Book::replay(&records).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_command_posted_twice_under_one_key_posts_once(
        seed in any::<u64>(),
        key in any::<u128>(),
        voucher in any::<bool>(),
        entries in 1usize..6,
        reload in any::<bool>(),
    ) {
        let key = PostingKey(key);
        let cmd = if voucher {
            voucher_command(seed, entries, key)
        } else {
            entry_command(seed, key)
        };
        let (mut book, mut events) = Book::set_up(&sample_setup(2024)).unwrap();
        events.extend(book.execute(&cmd).unwrap());
        let posted = book.entry_count();
        prop_assert_eq!(posted, if voucher { entries } else { 1 });
        if reload {
            book = replayed(&events);
        }
        let before = book.clone();
        let first = book.entries()[0].id;
        prop_assert_eq!(
            book.execute(&cmd).unwrap_err(),
            DomainError::Journal(JournalError::AlreadyPosted { key, entry: first })
        );
        prop_assert_eq!(&book, &before);
        prop_assert_eq!(book.entry_count(), posted);
    }
}

#[test]
fn a_voucher_key_refuses_a_single_entry_with_the_same_key_and_vice_versa() {
    let key = PostingKey(42);
    let (mut book, _) = Book::set_up(&sample_setup(2024)).unwrap();
    book.execute(&voucher_command(1, 3, key)).unwrap();
    assert!(matches!(
        book.execute(&entry_command(2, key)),
        Err(DomainError::Journal(JournalError::AlreadyPosted { .. }))
    ));
    // Commands without a key are not remembered.
    let mut draft = sample_drafts(3, 1, 2, 2024).unwrap().remove(0);
    draft.key = None;
    let cmd: Command = PostingCommand::PostEntry { draft }.into();
    book.execute(&cmd).unwrap();
    book.execute(&cmd).unwrap();
    assert_eq!(book.entry_count(), 5);
}

#[test]
fn a_key_is_written_to_the_log_and_read_back() {
    let key = PostingKey(0x00ff_0000_0000_0000_0000_0000_0000_abcd);
    let (mut book, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let events = book.execute(&entry_command(5, key)).unwrap();
    let body = encode(&events[0]);
    assert!(
        body.ends_with(r#","key":"00ff000000000000000000000000abcd"}}"#),
        "{body}"
    );
    assert_eq!(kontor::ledger::event::decode(&body).unwrap(), events[0]);
}

/// Two entries of one voucher with the same key: `check` must refuse what
/// `apply` would, or the command would be half applied.
#[test]
fn a_voucher_whose_entries_repeat_a_key_is_refused_whole() {
    let (mut book, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let mut entries = sample_drafts(1, 2, 2, 2024).unwrap();
    for e in &mut entries {
        e.key = Some(PostingKey(7));
    }
    let cmd = Command::Posting(PostingCommand::PostVoucher {
        voucher: Voucher {
            entries,
            ..Voucher::default()
        },
    });
    let before = book.clone();
    let err = book.execute(&cmd).unwrap_err();
    assert!(
        matches!(&err, DomainError::Journal(JournalError::VoucherEntry { index: 1, error })
            if matches!(**error, JournalError::AlreadyPosted { .. })),
        "{err:?}"
    );
    assert_eq!(book, before);
}
