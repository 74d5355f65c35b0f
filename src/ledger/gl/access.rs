//! Users, roles and rights (Benutzer, Rollen, Berechtigungen; issue 18).
//!
//! A company's users and the roles they share are master data in its log,
//! so every tab, every backup and the change log know them. A right is a
//! [`Level`] per [`Area`]; a user holds the highest level any of their
//! roles gives, a superuser every right. The engine asks [`Access::allow`]
//! once for every command (`Book::check_as`): a command needs
//! [`Level::Full`] in its area. A company whose log names no user (the
//! demo, a single bookkeeper) allows everything, as before.
//!
//! The passwords are not here: they live beside the log as wrapped keys
//! (`store::vault`), and the login a user types is the key of both.

use crate::ledger::types::valid_code;
use std::collections::BTreeMap;

/// Most roles a company keeps.
pub const MAX_ROLES: usize = 50;
/// Most users a company keeps.
pub const MAX_USERS: usize = 200;
/// Longest role code (`BUCHH`, `LESEN`).
pub const MAX_ROLE_CODE_LEN: usize = 12;
/// Longest role or user name.
pub const MAX_ACCESS_NAME_LEN: usize = 60;
/// Longest login, in characters (the store's login rule says the same).
pub const MAX_LOGIN_CHARS: usize = 64;
/// Most roles one user holds.
pub const MAX_ROLES_PER_USER: usize = 10;

const _: () = assert!(MAX_ROLES_PER_USER <= MAX_ROLES);

/// What a right is about: a module or a sensitive function.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Area {
    /// Entries, vouchers, templates, recurring postings, e-invoices.
    Posting,
    /// Storno of a posted entry.
    Reversing,
    /// Posting into a period whose status is "closing period".
    ClosingPeriod,
    /// Fiscal years, period statuses, year-end closing.
    Periods,
    /// Accounts, settings, partners, tax codes, cost accounting, items.
    MasterData,
    /// Payments, clearings, bank statements, house banks, posting rules.
    Payments,
    /// Payment runs.
    PaymentRuns,
    /// Dunning runs and levels.
    Dunning,
    /// Users, roles and rights.
    Users,
    /// Backup export and restore (checked by the screen: no command).
    Backup,
    /// Deleting the company (checked by the screen: no command).
    DeleteCompany,
}

impl Area {
    pub const ALL: [Area; 11] = [
        Area::Posting,
        Area::Reversing,
        Area::ClosingPeriod,
        Area::Periods,
        Area::MasterData,
        Area::Payments,
        Area::PaymentRuns,
        Area::Dunning,
        Area::Users,
        Area::Backup,
        Area::DeleteCompany,
    ];
}

/// How far a right goes; ordered, so the highest of several roles wins.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Level {
    /// The module is hidden.
    #[default]
    None,
    /// Seen, never changed.
    Read,
    /// Seen and changed.
    Full,
}

/// A role: rights users share. An area it does not name is [`Level::None`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Role {
    /// 1..=12 letters, digits, `-` or `_`; the role's identity.
    pub code: String,
    pub name: String,
    pub levels: BTreeMap<Area, Level>,
}

impl Role {
    /// The role as stored: an area at [`Level::None`] is left out.
    pub fn stored(&self) -> Role {
        let mut role = self.clone();
        role.levels.retain(|_, level| *level != Level::None);
        role
    }

    pub fn level(&self, area: Area) -> Level {
        self.levels.get(&area).copied().unwrap_or_default()
    }
}

/// The language a user's screens start in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UserLanguage {
    #[default]
    German,
    English,
}

/// A user of the company.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct User {
    /// As the lock screen compares it: trimmed, lower case, no spaces.
    pub login: String,
    pub name: String,
    pub language: UserLanguage,
    /// An inactive user's commands are refused.
    pub active: bool,
    /// Every right, whatever the roles say.
    pub superuser: bool,
    /// Codes of the roles held.
    pub roles: Vec<String>,
}

/// Why a role or user was refused, or a command for want of a right.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    #[error("role code {code:?} is not 1 to {max} letters, digits, - or _")]
    InvalidRoleCode { code: String, max: usize },
    #[error("{field} {code} needs a name of at most {max} characters")]
    InvalidName {
        field: &'static str,
        code: String,
        max: usize,
    },
    #[error("at most {max} {field} are kept")]
    TooMany { field: &'static str, max: usize },
    #[error("login {login:?} is not 1 to {max} characters, lower case, without spaces")]
    InvalidLogin { login: String, max: usize },
    #[error("user {login}: role {role} does not exist")]
    UnknownRole { login: String, role: String },
    #[error("user {login} holds more than {max} roles")]
    TooManyRoles { login: String, max: usize },
    #[error("the first user ({login}) must be an active superuser")]
    FirstNotSuperuser { login: String },
    #[error("{login} is the last active superuser")]
    LastSuperuser { login: String },
    #[error("user {login} is not an active user of this company")]
    Inactive { login: String },
    #[error("{login} may not do this ({area:?} needs full rights)")]
    NotAllowed { login: String, area: Area },
}

/// The roles and users of a company.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Access {
    roles: Vec<Role>,
    users: Vec<User>,
}

impl Access {
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub fn users(&self) -> &[User] {
        &self.users
    }

    pub fn role(&self, code: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.code == code)
    }

    pub fn user(&self, login: &str) -> Option<&User> {
        self.users.iter().find(|u| u.login == login)
    }

    /// Whether rights apply: the log names a user.
    pub fn has_users(&self) -> bool {
        !self.users.is_empty()
    }

    /// What `login` may do in `area`: everything while the company has no
    /// users; nothing for an unknown or inactive login.
    pub fn level(&self, login: &str, area: Area) -> Level {
        if !self.has_users() {
            return Level::Full;
        }
        match self.user(login) {
            Some(u) if u.active && u.superuser => Level::Full,
            Some(u) if u.active => u
                .roles
                .iter()
                .filter_map(|code| self.role(code))
                .map(|r| r.level(area))
                .max()
                .unwrap_or_default(),
            _ => Level::None,
        }
    }

    /// Refuses a login that the company's users do not name as active
    /// (checked after the password opened the key: the lock screen).
    pub fn may_log_in(&self, login: &str) -> Result<(), AccessError> {
        match self.user(login) {
            Some(u) if !u.active => Err(AccessError::Inactive {
                login: login.to_owned(),
            }),
            None if self.has_users() => Err(AccessError::Inactive {
                login: login.to_owned(),
            }),
            _ => Ok(()),
        }
    }

    /// Refuses `login` a command of `area` without full rights there.
    pub fn allow(&self, login: &str, area: Area) -> Result<(), AccessError> {
        match self.level(login, area) {
            Level::Full => Ok(()),
            _ => Err(AccessError::NotAllowed {
                login: login.to_owned(),
                area,
            }),
        }
    }

    pub fn check_role(&self, role: &Role) -> Result<(), AccessError> {
        if !valid_code(&role.code, MAX_ROLE_CODE_LEN) {
            return Err(AccessError::InvalidRoleCode {
                code: role.code.clone(),
                max: MAX_ROLE_CODE_LEN,
            });
        }
        check_name("role", &role.code, &role.name)?;
        if self.role(&role.code).is_none() && self.roles.len() >= MAX_ROLES {
            return Err(AccessError::TooMany {
                field: "roles",
                max: MAX_ROLES,
            });
        }
        Ok(())
    }

    pub fn check_user(&self, user: &User) -> Result<(), AccessError> {
        if !valid_login(&user.login) {
            return Err(AccessError::InvalidLogin {
                login: user.login.clone(),
                max: MAX_LOGIN_CHARS,
            });
        }
        check_name("user", &user.login, &user.name)?;
        let known = self.user(&user.login).is_some();
        if !known && self.users.len() >= MAX_USERS {
            return Err(AccessError::TooMany {
                field: "users",
                max: MAX_USERS,
            });
        }
        if user.roles.len() > MAX_ROLES_PER_USER {
            return Err(AccessError::TooManyRoles {
                login: user.login.clone(),
                max: MAX_ROLES_PER_USER,
            });
        }
        if let Some(role) = user.roles.iter().find(|r| self.role(r).is_none()) {
            return Err(AccessError::UnknownRole {
                login: user.login.clone(),
                role: role.clone(),
            });
        }
        let keeps_superuser = user.active && user.superuser;
        if !keeps_superuser && !self.has_users() {
            return Err(AccessError::FirstNotSuperuser {
                login: user.login.clone(),
            });
        }
        let other_superuser = self
            .users
            .iter()
            .any(|u| u.login != user.login && u.active && u.superuser);
        if known && !keeps_superuser && !other_superuser {
            return Err(AccessError::LastSuperuser {
                login: user.login.clone(),
            });
        }
        Ok(())
    }

    /// Folds a saved role (checked by [`Access::check_role`]).
    pub fn save_role(&mut self, role: &Role) {
        match self.roles.iter_mut().find(|r| r.code == role.code) {
            Some(r) => *r = role.clone(),
            None => self.roles.push(role.clone()),
        }
    }

    /// Folds a saved user (checked by [`Access::check_user`]).
    pub fn save_user(&mut self, user: &User) {
        match self.users.iter_mut().find(|u| u.login == user.login) {
            Some(u) => *u = user.clone(),
            None => self.users.push(user.clone()),
        }
        debug_assert!(
            self.users.iter().any(|u| u.active && u.superuser),
            "a checked user keeps an active superuser"
        );
    }
}

/// A login as the lock screen stores it: 1 to [`MAX_LOGIN_CHARS`]
/// characters, already lower case, without whitespace or control characters.
pub fn valid_login(login: &str) -> bool {
    let chars = login.chars().count();
    (1..=MAX_LOGIN_CHARS).contains(&chars)
        && login == login.to_lowercase()
        && !login.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn check_name(field: &'static str, code: &str, name: &str) -> Result<(), AccessError> {
    let chars = name.trim().chars().count();
    if chars == 0 || chars > MAX_ACCESS_NAME_LEN || name.chars().any(char::is_control) {
        return Err(AccessError::InvalidName {
            field,
            code: code.to_owned(),
            max: MAX_ACCESS_NAME_LEN,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(code: &str, levels: &[(Area, Level)]) -> Role {
        Role {
            code: code.into(),
            name: code.into(),
            levels: levels.iter().copied().collect(),
        }
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

    fn saved(access: &mut Access, u: User) -> Result<(), AccessError> {
        access.check_user(&u)?;
        access.save_user(&u);
        Ok(())
    }

    #[test]
    fn without_users_everything_is_allowed_and_the_first_user_is_a_superuser() {
        let mut a = Access::default();
        assert_eq!(a.level("anyone", Area::Users), Level::Full);
        assert!(matches!(
            saved(&mut a, user("anna", false, &[])),
            Err(AccessError::FirstNotSuperuser { .. })
        ));
        saved(&mut a, user("anna", true, &[])).unwrap();
        assert_eq!(a.level("anna", Area::DeleteCompany), Level::Full);
        assert_eq!(a.level("ben", Area::Posting), Level::None);
    }

    #[test]
    fn the_highest_level_of_a_users_roles_wins_and_inactive_users_have_none() {
        let mut a = Access::default();
        saved(&mut a, user("anna", true, &[])).unwrap();
        for r in [
            role("LESEN", &[(Area::Posting, Level::Read)]),
            role("BUCH", &[(Area::Posting, Level::Full)]),
        ] {
            a.check_role(&r).unwrap();
            a.save_role(&r);
        }
        saved(&mut a, user("ben", false, &["LESEN"])).unwrap();
        assert_eq!(a.level("ben", Area::Posting), Level::Read);
        assert!(a.allow("ben", Area::Posting).is_err());
        saved(&mut a, user("ben", false, &["LESEN", "BUCH"])).unwrap();
        assert!(a.allow("ben", Area::Posting).is_ok());
        assert_eq!(a.level("ben", Area::Payments), Level::None);
        let mut inactive = user("ben", false, &["BUCH"]);
        inactive.active = false;
        saved(&mut a, inactive).unwrap();
        assert_eq!(a.level("ben", Area::Posting), Level::None);
    }

    #[test]
    fn the_last_active_superuser_stays_and_roles_must_exist() {
        let mut a = Access::default();
        saved(&mut a, user("anna", true, &[])).unwrap();
        assert!(matches!(
            saved(&mut a, user("anna", false, &[])),
            Err(AccessError::LastSuperuser { .. })
        ));
        assert!(matches!(
            saved(&mut a, user("ben", false, &["NONE"])),
            Err(AccessError::UnknownRole { .. })
        ));
        saved(&mut a, user("ben", true, &[])).unwrap();
        saved(&mut a, user("anna", false, &[])).unwrap();
        assert!(matches!(
            saved(&mut a, user("Big Ben", true, &[])),
            Err(AccessError::InvalidLogin { .. })
        ));
    }
}
