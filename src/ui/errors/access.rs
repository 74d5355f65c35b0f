//! Users and rights (`ledger::gl::access`): a refused role or user, or a
//! command refused for want of a right, as one German and one English
//! sentence each; and the areas' names, which the users page shows too.

use super::pick;
use crate::ledger::gl::{AccessError as E, Area};
use crate::ui::i18n::Lang;

/// The name of a right's area.
pub fn area_name(area: Area, lang: Lang) -> &'static str {
    let (de, en) = match area {
        Area::Posting => ("Buchen", "Posting"),
        Area::Reversing => ("Stornieren", "Reversing"),
        Area::ClosingPeriod => (
            "Buchen in Abschlussperioden",
            "Posting into closing periods",
        ),
        Area::Periods => (
            "Perioden und Jahresabschluss",
            "Periods and year-end closing",
        ),
        Area::MasterData => ("Stammdaten", "Master data"),
        Area::Payments => ("Zahlungen und Kontoauszüge", "Payments and bank statements"),
        Area::PaymentRuns => ("Zahlungsläufe", "Payment runs"),
        Area::Dunning => ("Mahnwesen", "Dunning"),
        Area::Users => ("Benutzer und Rechte", "Users and rights"),
        Area::Backup => ("Datensicherung und Wiederherstellung", "Backup and restore"),
        Area::DeleteCompany => ("Mandant löschen", "Deleting the company"),
    };
    match lang {
        Lang::De => de,
        Lang::En => en,
    }
}

pub fn access_error(e: &E, lang: Lang) -> String {
    let (de, en) = match e {
        E::InvalidRoleCode { code, max } => (
            format!(
                "Das Rollenkürzel „{code}“ muss 1 bis {max} Buchstaben, Ziffern, - oder _ haben."
            ),
            format!("The role code “{code}” must be 1 to {max} letters, digits, - or _."),
        ),
        E::InvalidName { field, code, max } => match *field {
            "role" => (
                format!("Rolle {code} braucht eine Bezeichnung mit höchstens {max} Zeichen."),
                format!("Role {code} needs a name of at most {max} characters."),
            ),
            _ => (
                format!("Benutzer {code} braucht einen Namen mit höchstens {max} Zeichen."),
                format!("User {code} needs a name of at most {max} characters."),
            ),
        },
        E::TooMany { field, max } => match *field {
            "roles" => (
                format!("Ein Mandant hat höchstens {max} Rollen."),
                format!("A company has at most {max} roles."),
            ),
            _ => (
                format!("Ein Mandant hat höchstens {max} Benutzer."),
                format!("A company has at most {max} users."),
            ),
        },
        E::InvalidLogin { login, max } => (
            format!(
                "Die Anmeldung „{login}“ muss 1 bis {max} Zeichen in Kleinbuchstaben ohne Leerzeichen haben."
            ),
            format!("The login “{login}” must be 1 to {max} lower-case characters without spaces."),
        ),
        E::UnknownRole { login, role } => (
            format!("Benutzer {login}: die Rolle {role} gibt es nicht."),
            format!("User {login}: there is no role {role}."),
        ),
        E::TooManyRoles { login, max } => (
            format!("Benutzer {login} hat mehr als {max} Rollen."),
            format!("User {login} holds more than {max} roles."),
        ),
        E::FirstNotSuperuser { login } => (
            format!("Der erste Benutzer ({login}) muss ein aktiver Superuser sein."),
            format!("The first user ({login}) must be an active superuser."),
        ),
        E::LastSuperuser { login } => (
            format!("{login} ist der letzte aktive Superuser; es muss einer bleiben."),
            format!("{login} is the last active superuser; one must remain."),
        ),
        E::Inactive { login } => (
            format!(
                "{login} ist kein aktiver Benutzer dieses Mandanten; ein Superuser kann das ändern."
            ),
            format!("{login} is not an active user of this company; a superuser can change that."),
        ),
        E::NotAllowed { login, area } => (
            format!(
                "Keine Berechtigung: {login} hat für „{}“ nicht das volle Recht.",
                area_name(*area, Lang::De)
            ),
            format!(
                "Not allowed: {login} does not hold the full right for “{}”.",
                area_name(*area, Lang::En)
            ),
        ),
    };
    pick(lang, de, en)
}
