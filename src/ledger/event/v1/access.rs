//! Users, roles and the password policy as stored (issue 18: G/L variants
//! `role_saved`, `user_saved` and `password_policy_set`). Areas, levels,
//! languages and character classes as words; a role's levels as a list in
//! the areas' order, areas without a right left out; a user without roles
//! leaves the list out, a policy without expiry its days.

use super::{EventRefV1, EventV1, TimestampV1};
use crate::ledger::event::Event;
use crate::ledger::gl::{
    Area, CharClass, GlEvent, Level, PasswordPolicy, RequiredClasses, Role, User, UserLanguage,
};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

wire_names!(AreaV1, Area, [
    Area::Posting => "posting",
    Area::Reversing => "reversing",
    Area::ClosingPeriod => "closing_period",
    Area::Periods => "periods",
    Area::MasterData => "master_data",
    Area::Payments => "payments",
    Area::PaymentRuns => "payment_runs",
    Area::Dunning => "dunning",
    Area::Users => "users",
    Area::Backup => "backup",
    Area::DeleteCompany => "delete_company",
]);
wire_names!(LevelV1, Level, [
    Level::None => "none",
    Level::Read => "read",
    Level::Full => "full",
]);
wire_names!(UserLanguageV1, UserLanguage, [
    UserLanguage::German => "de",
    UserLanguage::English => "en",
]);

wire_names!(CharClassV1, CharClass, [
    CharClass::Upper => "upper",
    CharClass::Lower => "lower",
    CharClass::Digit => "digit",
    CharClass::Other => "other",
]);

#[derive(Serialize, Deserialize)]
pub struct PasswordPolicyV1 {
    min_length: u16,
    /// The classes a password must contain, in `CharClass::ALL`'s order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    classes: Vec<CharClassV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expiry_days: Option<u16>,
    no_reuse_last: u8,
    lock_after_failures: u8,
}

impl From<&PasswordPolicy> for PasswordPolicyV1 {
    fn from(p: &PasswordPolicy) -> Self {
        PasswordPolicyV1 {
            min_length: p.min_length,
            classes: CharClass::ALL
                .into_iter()
                .filter(|c| p.require_classes.requires(*c))
                .map(CharClassV1)
                .collect(),
            expiry_days: p.expiry_days,
            no_reuse_last: p.no_reuse_last,
            lock_after_failures: p.lock_after_failures,
        }
    }
}

impl From<PasswordPolicyV1> for PasswordPolicy {
    fn from(p: PasswordPolicyV1) -> Self {
        let has = |class| p.classes.iter().any(|c| c.0 == class);
        PasswordPolicy {
            min_length: p.min_length,
            require_classes: RequiredClasses {
                upper: has(CharClass::Upper),
                lower: has(CharClass::Lower),
                digit: has(CharClass::Digit),
                other: has(CharClass::Other),
            },
            expiry_days: p.expiry_days,
            no_reuse_last: p.no_reuse_last,
            lock_after_failures: p.lock_after_failures,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct RightV1 {
    area: AreaV1,
    level: LevelV1,
}

#[derive(Serialize, Deserialize)]
pub struct RoleV1 {
    code: String,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rights: Vec<RightV1>,
}

#[derive(Serialize, Deserialize)]
pub struct UserV1 {
    login: String,
    name: String,
    language: UserLanguageV1,
    active: bool,
    superuser: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    roles: Vec<String>,
}

pub(super) fn access_to_wire(event: &GlEvent) -> EventRefV1<'static> {
    match event {
        GlEvent::RoleSaved { role, by, at } => EventRefV1::RoleSaved {
            role: RoleV1 {
                code: role.code.clone(),
                name: role.name.clone(),
                rights: role
                    .levels
                    .iter()
                    .filter(|(_, level)| **level != Level::None)
                    .map(|(area, level)| RightV1 {
                        area: AreaV1(*area),
                        level: LevelV1(*level),
                    })
                    .collect(),
            },
            by: by.clone(),
            at: TimestampV1(*at),
        },
        GlEvent::UserSaved { user, by, at } => EventRefV1::UserSaved {
            user: UserV1 {
                login: user.login.clone(),
                name: user.name.clone(),
                language: UserLanguageV1(user.language),
                active: user.active,
                superuser: user.superuser,
                roles: user.roles.clone(),
            },
            by: by.clone(),
            at: TimestampV1(*at),
        },
        GlEvent::PasswordPolicySet { policy, by, at } => EventRefV1::PasswordPolicySet {
            policy: policy.into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        // `gl_to_wire` hands over only the variants above.
        _ => unreachable!("gl_to_wire writes the other G/L events itself"),
    }
}

pub(super) fn access_from_wire(event: EventV1) -> Event {
    match event {
        EventV1::RoleSaved { role, by, at } => Event::Gl(GlEvent::RoleSaved {
            role: Role {
                code: role.code,
                name: role.name,
                levels: role
                    .rights
                    .into_iter()
                    .map(|r| (r.area.0, r.level.0))
                    .collect(),
            },
            by,
            at: at.0,
        }),
        EventV1::UserSaved { user, by, at } => Event::Gl(GlEvent::UserSaved {
            user: User {
                login: user.login,
                name: user.name,
                language: user.language.0,
                active: user.active,
                superuser: user.superuser,
                roles: user.roles,
            },
            by,
            at: at.0,
        }),
        EventV1::PasswordPolicySet { policy, by, at } => Event::Gl(GlEvent::PasswordPolicySet {
            policy: policy.into(),
            by,
            at: at.0,
        }),
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    }
}
