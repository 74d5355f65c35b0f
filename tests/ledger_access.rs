//! Rights (issue 18, Berechtigungen): the engine checks, once and for
//! every command, that the acting user holds the full right of the
//! command's area (`Book::check_as`); a company without users allows
//! everyone; posting into a closing period needs its own right.

use chrono::NaiveDate;
use futures::executor::block_on;
use kontor::ledger::dunning::DunningCommand;
use kontor::ledger::gl::{
    AccessError, Area, GlCommand, GlError, Level, PasswordPolicy, PolicyField, PolicySettingError,
    Role, User, UserLanguage,
};
use kontor::ledger::payment_runs::PaymentRunsCommand;
use kontor::ledger::payments::PaymentsCommand;
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand, Rights};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, EntryId, PeriodRef, PeriodStatus, Stamp, Timestamp};
use kontor::ledger::{Book, Command, DomainError};
use kontor::session::{Session, SessionError, create_company};
use kontor::store::{CompanyLog, MemoryStore, Store};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 15).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at_midnight(day())
}

fn entry_on(date: NaiveDate) -> EntryDraft {
    EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::debit_lc(AccountNo::parse("1000").unwrap(), dec!(10)),
            LineDraft::credit_lc(AccountNo::parse("1200").unwrap(), dec!(10)),
        ],
    )
}

fn user(login: &str, superuser: bool, roles: &[&str]) -> User {
    User {
        login: login.into(),
        name: login.into(),
        language: UserLanguage::German,
        active: true,
        superuser,
        roles: roles.iter().map(|r| r.to_string()).collect(),
    }
}

fn save_user(b: &mut Book, u: User) {
    b.execute(&Command::Gl(GlCommand::SaveUser {
        user: u,
        by: "anna".into(),
        at: at(),
    }))
    .unwrap();
}

/// A company with one posted entry, superuser anna and ben holding role
/// R with `levels`.
fn book_with(levels: &[(Area, Level)]) -> Book {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    b.execute(&Command::Posting(PostingCommand::PostEntry {
        draft: entry_on(day()),
    }))
    .unwrap();
    save_user(&mut b, user("anna", true, &[]));
    let role = Role {
        code: "R".into(),
        name: "Rolle".into(),
        levels: levels.iter().copied().collect(),
    };
    b.execute(&Command::Gl(GlCommand::SaveRole {
        role,
        by: "anna".into(),
        at: at(),
    }))
    .unwrap();
    save_user(&mut b, user("ben", false, &["R"]));
    b
}

/// One command of every area that has commands, the area written beside
/// it by hand (so a wrong `Command::area` fails here).
fn commands() -> Vec<(Area, Command)> {
    let by = || "ben".to_string();
    vec![
        (
            Area::Posting,
            Command::Posting(PostingCommand::PostEntry {
                draft: entry_on(day()),
            }),
        ),
        (
            Area::Reversing,
            Command::Posting(PostingCommand::ReverseEntry {
                entry: EntryId(1),
                date: None,
                user: by(),
            }),
        ),
        (
            Area::Periods,
            Command::Gl(GlCommand::OpenFiscalYear { year: 2025 }),
        ),
        (
            Area::MasterData,
            Command::Gl(GlCommand::SetAccountActive {
                account: AccountNo::parse("1000").unwrap(),
                active: true,
            }),
        ),
        (
            Area::Payments,
            Command::Payments(PaymentsCommand::Cancel {
                number: 1,
                date: None,
                by: by(),
                at: at(),
            }),
        ),
        (
            Area::PaymentRuns,
            Command::PaymentRuns(PaymentRunsCommand::Delete {
                number: 1,
                by: by(),
                at: at(),
            }),
        ),
        (
            Area::Dunning,
            Command::Dunning(DunningCommand::DeleteTerm {
                code: "M1".into(),
                by: by(),
                at: at(),
            }),
        ),
        (
            Area::Users,
            Command::Gl(GlCommand::SaveUser {
                user: user("cleo", false, &[]),
                by: by(),
                at: at(),
            }),
        ),
        (
            Area::Users,
            Command::Gl(GlCommand::SetPasswordPolicy {
                policy: PasswordPolicy::default(),
                by: by(),
                at: at(),
            }),
        ),
    ]
}

fn refused_for_rights(result: &Result<Vec<kontor::ledger::Event>, DomainError>) -> bool {
    match result {
        Err(DomainError::Gl(GlError::Access(e))) => {
            matches!(**e, AccessError::NotAllowed { .. })
        }
        _ => false,
    }
}

const LEVELS: [Level; 3] = [Level::None, Level::Read, Level::Full];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Every command × every level of its area: refused for the right
    /// exactly when the role's level is not full; the superuser is never
    /// refused for a right, an unknown login always.
    #[test]
    fn a_command_is_refused_for_want_of_a_right_exactly_when_its_area_is_not_full(
        picks in proptest::collection::vec(0usize..3, Area::ALL.len()),
    ) {
        let levels: Vec<(Area, Level)> =
            Area::ALL.iter().copied().zip(picks.iter().map(|i| LEVELS[*i])).collect();
        let b = book_with(&levels);
        for (area, cmd) in commands() {
            prop_assert_eq!(cmd.area(), area);
            let level = levels.iter().find(|(a, _)| *a == area).map(|(_, l)| *l).unwrap();
            let ben = b.check_as("ben", Rights::ALL, &cmd);
            prop_assert_eq!(refused_for_rights(&ben), level != Level::Full, "{:?} {:?}", area, level);
            prop_assert!(!refused_for_rights(&b.check_as("anna", Rights::ALL, &cmd)));
            prop_assert!(refused_for_rights(&b.check_as("zoe", Rights::ALL, &cmd)));
            prop_assert!(refused_for_rights(&b.check_as("", Rights::ALL, &cmd)));
        }
    }
}

#[test]
fn without_users_every_login_holds_every_right() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    b.execute(&Command::Posting(PostingCommand::PostEntry {
        draft: entry_on(day()),
    }))
    .unwrap();
    for (_, cmd) in commands() {
        assert!(!refused_for_rights(&b.check_as(
            "kontor",
            Rights::ALL,
            &cmd
        )));
        assert!(!refused_for_rights(&b.check_as("", Rights::ALL, &cmd)));
    }
}

#[test]
fn an_inactive_user_is_refused_everything_and_may_not_log_in() {
    let mut b = book_with(&Area::ALL.map(|a| (a, Level::Full)));
    let mut ben = user("ben", false, &["R"]);
    ben.active = false;
    save_user(&mut b, ben);
    for (_, cmd) in commands() {
        assert!(refused_for_rights(&b.check_as("ben", Rights::ALL, &cmd)));
    }
    let access = b.gl().access();
    assert!(matches!(
        access.may_log_in("ben"),
        Err(AccessError::Inactive { .. })
    ));
    assert!(matches!(
        access.may_log_in("zoe"),
        Err(AccessError::Inactive { .. })
    ));
    assert!(access.may_log_in("anna").is_ok());
}

#[test]
fn posting_into_a_closing_period_needs_the_closing_right_too() {
    let set_closing = Command::Gl(GlCommand::SetPeriodStatus {
        period: PeriodRef {
            fiscal_year: 2024,
            period: 3,
        },
        status: PeriodStatus::Closing,
    });
    let post = Command::Posting(PostingCommand::PostEntry {
        draft: entry_on(day()),
    });
    let mut b = book_with(&[(Area::Posting, Level::Full)]);
    b.execute(&set_closing).unwrap();
    assert!(matches!(
        b.check_as("ben", Rights::ALL, &post),
        Err(DomainError::Gl(GlError::PeriodClosing { .. }))
    ));
    assert!(b.check_as("anna", Rights::ALL, &post).is_ok());
    let mut b = book_with(&[
        (Area::Posting, Level::Full),
        (Area::ClosingPeriod, Level::Full),
    ]);
    b.execute(&set_closing).unwrap();
    assert!(b.check_as("ben", Rights::ALL, &post).is_ok());
    // The caller's own limit still holds (a warning not confirmed).
    let limited = Rights {
        post_into_closing: false,
        ..Rights::ALL
    };
    assert!(b.check_as("ben", limited, &post).is_err());
}

#[test]
fn the_session_checks_the_stamps_user_and_a_refusal_writes_nothing() {
    let store = MemoryStore::new();
    block_on(async {
        let meta = create_company(&store, "Rechte GmbH", &sample_setup(2024), None)
            .await
            .unwrap();
        let session = Session::open(store.open_company(&meta.id).await.unwrap())
            .await
            .unwrap();
        let anna = Stamp {
            by: "anna".into(),
            at: at(),
        };
        let first = Command::Gl(GlCommand::SaveUser {
            user: user("anna", true, &[]),
            by: "anna".into(),
            at: at(),
        });
        session
            .execute_as(Rights::ALL, Some(&anna), &first)
            .await
            .unwrap();
        let post = Command::Posting(PostingCommand::PostEntry {
            draft: entry_on(day()),
        });
        let before = session.head();
        let ben = Stamp {
            by: "ben".into(),
            at: at(),
        };
        for stamp in [Some(&ben), None] {
            match session.execute_as(Rights::ALL, stamp, &post).await {
                Err(SessionError::Domain(e)) => assert!(refused_for_rights(&Err(e))),
                other => panic!("not refused for the right: {other:?}"),
            }
        }
        assert_eq!(session.head(), before);
        let stored = session.log().load().await.unwrap();
        assert_eq!(stored.len() as u64, before.seq);
        session
            .execute_as(Rights::ALL, Some(&anna), &post)
            .await
            .unwrap();
    });
}

/// The password policy is a company setting in the log: the default until
/// set, replaced whole, a setting out of range refused with its field and
/// limits, and the book unchanged by a refusal.
#[test]
fn the_password_policy_is_a_setting_the_engine_keeps_and_checks() {
    let mut b = book_with(&[]);
    assert_eq!(*b.gl().password_policy(), PasswordPolicy::default());
    let set = |policy| {
        Command::Gl(GlCommand::SetPasswordPolicy {
            policy,
            by: "anna".into(),
            at: at(),
        })
    };
    let strict = PasswordPolicy {
        min_length: 12,
        expiry_days: None,
        ..PasswordPolicy::default()
    };
    b.execute(&set(strict)).unwrap();
    assert_eq!(*b.gl().password_policy(), strict);
    let too_short = PasswordPolicy {
        min_length: 0,
        ..strict
    };
    let before = b.clone();
    assert_eq!(
        b.execute(&set(too_short)),
        Err(DomainError::Gl(GlError::PasswordPolicy(
            PolicySettingError {
                field: PolicyField::MinLength,
                min: 1,
                max: 64,
            }
        )))
    );
    assert_eq!(b, before);
    // Only the users right may set it.
    assert!(refused_for_rights(&b.check_as(
        "ben",
        Rights::ALL,
        &set(strict)
    )));
}
