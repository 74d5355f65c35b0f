//! The users-and-roles family of the random command sequences (issue 18):
//! roles from a small pool of codes (one invalid) with a random level per
//! area, users from a pool of logins (one invalid) holding roles that may
//! not exist, superuser or not, active or not — so an invalid code or
//! login, an unknown role, a first user who is no superuser and taking
//! away the last superuser are all refused now and then; password policies
//! with each setting now and then out of range. The runner checks
//! commands without an actor, so the books go on whatever the rights say;
//! `ledger_access.rs` tests the rights themselves.

use chrono::NaiveDate;
use kontor::ledger::Command;
use kontor::ledger::gl::{
    Area, GlCommand, Level, PasswordPolicy, RequiredClasses, Role, User, UserLanguage,
};
use kontor::ledger::posting::Rights;
use kontor::ledger::types::Timestamp;
use proptest::prelude::*;

/// Role codes; the last is never valid.
const CODES: [&str; 3] = ["BUCH", "LESEN", "zu lang!"];
/// Logins; the last is never valid.
const LOGINS: [&str; 3] = ["anna", "ben", "Big Ben"];
/// Roles a user may hold; the last is never saved.
const HELD: [&str; 3] = ["BUCH", "LESEN", "FEHLT"];

#[derive(Clone, Debug)]
pub enum AccessOp {
    Role {
        code: usize,
        levels: Vec<u8>,
    },
    User {
        login: usize,
        superuser: bool,
        active: bool,
        roles: Vec<usize>,
    },
    Policy {
        min_length: u16,
        classes: [bool; 4],
        expiry_days: Option<u16>,
        no_reuse_last: u8,
        lock_after_failures: u8,
    },
}

/// A policy, each setting within its limits most of the time.
fn policy_op() -> impl Strategy<Value = AccessOp> {
    (
        prop_oneof![12 => 1u16..=64, 1 => Just(0u16), 1 => 65u16..200],
        prop::array::uniform4(any::<bool>()),
        prop_oneof![2 => Just(None), 6 => (1u16..=3650).prop_map(Some), 1 => Just(Some(0u16))],
        prop_oneof![12 => 0u8..=12, 1 => 13u8..40],
        prop_oneof![12 => 1u8..=20, 1 => Just(0u8)],
    )
        .prop_map(
            |(min_length, classes, expiry_days, no_reuse_last, lock_after_failures)| {
                AccessOp::Policy {
                    min_length,
                    classes,
                    expiry_days,
                    no_reuse_last,
                    lock_after_failures,
                }
            },
        )
}

pub fn access_op() -> impl Strategy<Value = AccessOp> {
    let index = || prop_oneof![6 => 0usize..2, 1 => Just(2usize)];
    prop_oneof![
        1 => (index(), prop::collection::vec(0u8..3, Area::ALL.len()))
            .prop_map(|(code, levels)| AccessOp::Role { code, levels }),
        2 => (
            index(),
            prop_oneof![2 => Just(true), 1 => Just(false)],
            prop_oneof![6 => Just(true), 1 => Just(false)],
            prop_oneof![3 => Just(Vec::new()), 1 => prop::collection::vec(index(), 1..3)],
        )
            .prop_map(|(login, superuser, active, roles)| AccessOp::User {
                login,
                superuser,
                active,
                roles,
            }),
        1 => policy_op(),
    ]
}

pub fn command(base: NaiveDate, op: &AccessOp) -> (Command, Rights) {
    let at = Timestamp::at(base, 9, 50, 0).unwrap_or_else(|| unreachable!());
    let by = "prop".to_string();
    let command = match op {
        AccessOp::Role { code, levels } => GlCommand::SaveRole {
            role: Role {
                code: CODES[*code].into(),
                name: format!("Rolle {code}"),
                levels: Area::ALL
                    .iter()
                    .zip(levels)
                    .map(|(a, l)| (*a, [Level::None, Level::Read, Level::Full][*l as usize % 3]))
                    .collect(),
            },
            by,
            at,
        },
        AccessOp::User {
            login,
            superuser,
            active,
            roles,
        } => GlCommand::SaveUser {
            user: User {
                login: LOGINS[*login].into(),
                name: format!("Benutzer {login}"),
                language: UserLanguage::German,
                active: *active,
                superuser: *superuser,
                roles: roles.iter().map(|r| HELD[*r].to_string()).collect(),
            },
            by,
            at,
        },
        AccessOp::Policy {
            min_length,
            classes: [upper, lower, digit, other],
            expiry_days,
            no_reuse_last,
            lock_after_failures,
        } => GlCommand::SetPasswordPolicy {
            policy: PasswordPolicy {
                min_length: *min_length,
                require_classes: RequiredClasses {
                    upper: *upper,
                    lower: *lower,
                    digit: *digit,
                    other: *other,
                },
                expiry_days: *expiry_days,
                no_reuse_last: *no_reuse_last,
                lock_after_failures: *lock_after_failures,
            },
            by,
            at,
        },
    };
    (Command::Gl(command), Rights::ALL)
}
