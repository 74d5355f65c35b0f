//! Sentences for general-ledger refusals (company, accounts, fiscal years and periods, rates, determination). Exhaustive: a new
//! variant does not compile until it has its German and English sentence.
//! Lines are counted from 1 here (the engine counts from 0).

use super::determination_name;
use super::{number, pick};

use crate::ledger::gl::{DisplayField, GlError};
use crate::ui::i18n::Lang;

pub fn gl_error(e: &GlError, lang: Lang) -> String {
    let (de, en): (String, String) = match e {
        GlError::Input(e) => return super::input_error(e, lang),
        GlError::Datev(e) => return super::datev_settings_error(e, lang),
        GlError::EntryRules(e) => return super::entry_rules_error(e, lang),
        GlError::Series(e) => return super::number_series_error(e, lang),
        GlError::Access(e) => return super::access_error(e, lang),
        GlError::PasswordPolicy(e) => return super::policy_setting_error(e, lang),
        GlError::DisplayDecimals(e) => {
            let (de, en) = match e.field {
                DisplayField::Rates => ("Kurse", "Rates"),
                DisplayField::Quantities => ("Mengen", "Quantities"),
            };
            let (decimals, max) = (e.decimals, e.max);
            (
                format!(
                    "{de} werden mit höchstens {max} Nachkommastellen gespeichert; {decimals} sind zu viele."
                ),
                format!("{en} are stored with at most {max} decimals; {decimals} are too many."),
            )
        }
        GlError::CompanyAlreadySetUp => (
            "Der Mandant ist bereits eingerichtet.".into(),
            "The company is already set up.".into(),
        ),
        GlError::InvalidCountry { text } => (
            format!("„{text}“ ist kein zweistelliger ISO-Ländercode (z. B. DE)."),
            format!("“{text}” is not a two-letter ISO country code (e.g. DE)."),
        ),
        GlError::InvalidMonth { month } => (
            format!("Der Beginn des Geschäftsjahres ({month}) muss ein Monat von 1 bis 12 sein."),
            format!("The fiscal-year start ({month}) must be a month from 1 to 12."),
        ),
        GlError::AmountDecimals { decimals, min, max } => (
            format!("{decimals} Nachkommastellen sind nicht erlaubt (zwischen {min} und {max})."),
            format!("{decimals} decimals are not allowed (between {min} and {max})."),
        ),
        GlError::ChartTemplate { line } => {
            let line = line + 1;
            (
                format!("Die Kontenrahmen-Vorlage ist in Zeile {line} fehlerhaft."),
                format!("The chart template is malformed in line {line}."),
            )
        }
        GlError::AccountExists { account } => (
            format!("Das Konto {account} gibt es schon."),
            format!("Account {account} already exists."),
        ),
        GlError::UnknownAccount { account } => (
            format!("Das Konto {account} gibt es nicht."),
            format!("Account {account} does not exist."),
        ),
        GlError::ParentNotFound { account, parent } => (
            format!("Das übergeordnete Konto {parent} von {account} gibt es nicht."),
            format!("Parent {parent} of account {account} does not exist."),
        ),
        GlError::ParentNotTitle { account, parent } => (
            format!("Das übergeordnete Konto {parent} von {account} ist kein Titelkonto."),
            format!("Parent {parent} of account {account} is not a title account."),
        ),
        GlError::ParentCycle { account } => (
            format!("Das Konto {account} kann nicht sich selbst übergeordnet sein."),
            format!("Account {account} cannot be its own ancestor."),
        ),
        GlError::AccountHasPostings { account } => (
            format!(
                "Auf dem Konto {account} wurde gebucht; Art, Typ und Währung sind deshalb fest."
            ),
            format!("Account {account} has postings, so its type, kind and currency are fixed."),
        ),
        GlError::AccountCurrencyIsLocal { account } => (
            format!("Konto {account}: die Hauswährung kann nicht seine Fremdwährung sein."),
            format!("Account {account}: the local currency cannot be its foreign currency."),
        ),
        GlError::TooManyAccounts { max } => (
            format!("Ein Kontenplan hat höchstens {max} Konten."),
            format!("A chart holds at most {max} accounts."),
        ),
        GlError::FiscalYearExists { year } => (
            format!("Das Geschäftsjahr {year} ist bereits eröffnet."),
            format!("Fiscal year {year} is already open."),
        ),
        GlError::FiscalYearNotNext { year, expected } => (
            format!(
                "Das Geschäftsjahr {year} kann nicht eröffnet werden; als nächstes kommt {expected}."
            ),
            format!("Fiscal year {year} cannot be opened; the next one is {expected}."),
        ),
        GlError::FiscalYearOutOfRange { year, min, max } => (
            format!("Das Geschäftsjahr {year} liegt nicht zwischen {min} und {max}."),
            format!("Fiscal year {year} is not between {min} and {max}."),
        ),
        GlError::TooManyFiscalYears { max } => (
            format!("Es können höchstens {max} Geschäftsjahre eröffnet sein."),
            format!("At most {max} fiscal years can be open."),
        ),
        GlError::PeriodNotFound { period } => (
            format!(
                "Die Periode {}/{} gibt es nicht.",
                period.period, period.fiscal_year
            ),
            format!(
                "Period {}/{} does not exist.",
                period.period, period.fiscal_year
            ),
        ),
        GlError::PeriodLockedFinal { period } => (
            format!(
                "Die Periode {}/{} ist endgültig gesperrt.",
                period.period, period.fiscal_year
            ),
            format!(
                "Period {}/{} is locked for good.",
                period.period, period.fiscal_year
            ),
        ),
        GlError::NoPeriod { date } => (
            format!(
                "Für den {} gibt es keine eröffnete Buchungsperiode.",
                date.format("%d.%m.%Y")
            ),
            format!("No open posting period contains {date}."),
        ),
        GlError::PeriodLocked { date } => (
            format!(
                "Die Buchungsperiode des {} ist gesperrt.",
                date.format("%d.%m.%Y")
            ),
            format!("The posting period of {date} is locked."),
        ),
        GlError::PeriodClosing { date } => (
            format!(
                "Die Periode des {} ist im Abschluss; Buchen erfordert das Abschlussrecht.",
                date.format("%d.%m.%Y")
            ),
            format!("The period of {date} is in closing; posting needs the closing right."),
        ),
        GlError::PeriodClosedForSales { date, line } => {
            let line = line + 1;
            (
                format!(
                    "Die Periode des {} ist für Verkäufe gesperrt; Zeile {line} bucht auf ein Erlöskonto.",
                    date.format("%d.%m.%Y")
                ),
                format!(
                    "The period of {date} is closed for sales; line {line} posts to a revenue account."
                ),
            )
        }
        GlError::RateOutOfRange { currency, max } => (
            format!(
                "Der Kurs für {currency} muss größer als null und höchstens {} sein.",
                number(*max, Lang::De)
            ),
            format!(
                "The rate for {currency} must be greater than zero and at most {}.",
                number(*max, Lang::En)
            ),
        ),
        GlError::RateTooPrecise { currency, max } => (
            format!("Der Kurs für {currency} hat mehr als {max} Nachkommastellen."),
            format!("The rate for {currency} has more than {max} decimals."),
        ),
        GlError::RateForLocalCurrency { currency } => (
            format!("{currency} ist die Hauswährung und hat keinen Kurs."),
            format!("{currency} is the local currency; it has no rate."),
        ),
        GlError::RateMissing { currency, date } => (
            format!(
                "Für {currency} gibt es keinen Kurs am oder vor dem {}.",
                date.format("%d.%m.%Y")
            ),
            format!("There is no {currency} rate on or before {date}."),
        ),
        GlError::DeterminationAccountNotFound { key, account } => (
            format!(
                "Sachkontenfindung „{}“: Konto {account} gibt es nicht.",
                determination_name(*key, Lang::De)
            ),
            format!(
                "G/L determination “{}”: account {account} does not exist.",
                determination_name(*key, Lang::En)
            ),
        ),
        GlError::DeterminationAccountNotPostable { key, account } => (
            format!(
                "Sachkontenfindung „{}“: Konto {account} ist nicht bebuchbar oder inaktiv.",
                determination_name(*key, Lang::De)
            ),
            format!(
                "G/L determination “{}”: account {account} is not postable or inactive.",
                determination_name(*key, Lang::En)
            ),
        ),
        GlError::DeterminationAccountIsControl { key, account } => (
            format!(
                "Sachkontenfindung „{}“: Konto {account} ist ein Sammelkonto; nur Forderungen und Verbindlichkeiten dürfen auf Sammelkonten zeigen.",
                determination_name(*key, Lang::De)
            ),
            format!(
                "G/L determination “{}”: account {account} is a control account; only receivables and payables may point to control accounts.",
                determination_name(*key, Lang::En)
            ),
        ),
        GlError::DeterminationMissing { key } => (
            format!(
                "In der Sachkontenfindung fehlt das Konto für „{}“.",
                determination_name(*key, Lang::De)
            ),
            format!(
                "G/L determination has no account for “{}”.",
                determination_name(*key, Lang::En)
            ),
        ),
    };
    pick(lang, de, en)
}
