//! The demo company's roles and password policy (issue 18): three roles a
//! small company shares out and a policy stricter than the default, so
//! trainers can show rights and password rules without first typing them.
//! No users: a demo stays open to everyone (a log naming users applies
//! rights, and the demo has no passwords); a class enables users on it
//! and hands these roles to them.

use super::DemoError;
use crate::ledger::gl::{Area, GlCommand, Level, PasswordPolicy, RequiredClasses, Role};
use crate::ledger::types::Timestamp;
use crate::ledger::{Book, Command, Event};

use Area as A;
use Level::{Full, Read};

/// A role as the demo gives it: code, name, rights (areas not named: none).
type DemoRole = (&'static str, &'static str, &'static [(Area, Level)]);

const ROLES: [DemoRole; 3] = [
    (
        "BUCHH",
        "Buchhaltung",
        &[
            (A::Posting, Full),
            (A::Reversing, Full),
            (A::Periods, Read),
            (A::MasterData, Full),
            (A::Payments, Full),
            (A::PaymentRuns, Read),
            (A::Dunning, Read),
        ],
    ),
    (
        "ZAHL",
        "Zahlungsverkehr",
        &[
            (A::Posting, Read),
            (A::MasterData, Read),
            (A::Payments, Full),
            (A::PaymentRuns, Full),
            (A::Dunning, Full),
        ],
    ),
    (
        "PRUEF",
        "Prüfer (nur lesen)",
        &[
            (A::Posting, Read),
            (A::Reversing, Read),
            (A::Periods, Read),
            (A::MasterData, Read),
            (A::Payments, Read),
            (A::PaymentRuns, Read),
            (A::Dunning, Read),
            (A::Users, Read),
        ],
    ),
];

pub fn roles_events(book: &mut Book, year: i32) -> Result<Vec<Event>, DemoError> {
    let at = chrono::NaiveDate::from_ymd_opt(year, 1, 2)
        .and_then(|d| Timestamp::at(d, 8, 3, 0))
        .ok_or(DemoError::YearOutOfRange { year })?;
    let mut events = Vec::new();
    for (code, name, levels) in ROLES {
        let role = Role {
            code: code.into(),
            name: name.into(),
            levels: levels.iter().copied().collect(),
        };
        let cmd = Command::Gl(GlCommand::SaveRole {
            role,
            by: "demo".into(),
            at,
        });
        events.extend(book.execute(&cmd)?);
    }
    let cmd = Command::Gl(GlCommand::SetPasswordPolicy {
        policy: POLICY,
        by: "demo".into(),
        at,
    });
    events.extend(book.execute(&cmd)?);
    Ok(events)
}

/// Ten characters of all four classes, a change twice a year, the last
/// eight not again, a wait after three failures.
pub const POLICY: PasswordPolicy = PasswordPolicy {
    min_length: 10,
    require_classes: RequiredClasses {
        upper: true,
        lower: true,
        digit: true,
        other: true,
    },
    expiry_days: Some(180),
    no_reuse_last: 8,
    lock_after_failures: 3,
};
