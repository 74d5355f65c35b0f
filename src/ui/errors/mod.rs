//! Error messages (Fehlermeldungen): every engine, store and session error
//! as one plain German and one plain English sentence, one function per
//! sub-ledger (`gl`, `tax`, `costing`, `partners` with open items,
//! `journal`, `input`). The matches are
//! exhaustive on purpose: a new error variant does not compile until it has
//! its two sentences.

mod access;
mod bank;
mod bank_file;
mod closing;
mod costing;
mod datev;
mod datev_export;
mod dunning;
mod einvoice;
mod entry_rules;
mod gl;
mod gobd;
mod inbox;
mod input;
mod items;
mod items_csv;
mod journal;
mod loan;
mod number_series;
mod partners;
mod partners_csv;
mod payment_runs;
mod payments;
mod reconcile;
mod recurring;
mod revaluation;
mod statements;
mod tax;

pub use access::{access_error, area_name};
pub use bank::bank_error;
pub use bank_file::{bank_file_error, statement_form_error};
pub use closing::closing_error;
pub use costing::costing_error;
pub use datev::{RowParts, datev_error, datev_file_refusal, datev_row_parts, datev_row_problem};
pub use datev_export::{datev_export_error, datev_replaced, datev_settings_error};
pub use dunning::{dunning_error, skip_reason as dunning_skip_reason};
pub use einvoice::{einvoice_error, mismatch as einvoice_mismatch};
pub use entry_rules::{entry_rules_error, rule_breach};
pub use gl::gl_error;
pub use gobd::gobd_error;
pub use inbox::{inbox_error, proposal_currency};
pub use input::input_error;
pub use items::{items_error, items_field_name, price_error};
pub use items_csv::{item_column_name, item_row_error};
pub use journal::journal_error;
pub use loan::{loan_error, loan_terms_error};
pub use number_series::number_series_error;
pub use partners::{open_items_error, partners_error};
pub use partners_csv::{csv_column_name, csv_row_error};
pub use payment_runs::{payment_runs_error, run_file_error};
pub use payments::payments_error;
pub use reconcile::reconcile_error;
pub use recurring::{recurring_error, source_name};
pub use revaluation::revaluation_error;
pub use statements::statements_error;
pub use tax::tax_error;

use crate::formats::amount::{format_amount, format_number};
use crate::forms::company::DetailsFormError;
use crate::ledger::DomainError;
use crate::ledger::ReplayErrorKind;
use crate::ledger::gl::DeterminationKey;
use crate::ledger::types::Field;
use crate::session::SessionError;
use crate::store::StoreError;

use super::components::number_style;
use super::i18n::Lang;
use rust_decimal::Decimal;

mod warning;
pub use warning::{credit_notice, entry_warning, map_warning_line};

/// `(de, en)` picked by language.
pub(crate) fn pick(lang: Lang, de: String, en: String) -> String {
    match lang {
        Lang::De => de,
        Lang::En => en,
    }
}

/// An amount in a message: the currency's decimals, the language's
/// separators (`10,00` / `10.00`), as on every screen.
pub(crate) fn amount(value: Decimal, decimals: u32, lang: Lang) -> String {
    format_amount(value, decimals, number_style(lang))
}

/// A rate, percentage or limit in a message: its own decimals.
pub(crate) fn number(value: Decimal, lang: Lang) -> String {
    format_number(value, number_style(lang))
}

pub fn session_error(e: &SessionError, lang: Lang) -> String {
    match e {
        SessionError::Domain(d) => domain_error(d, lang),
        SessionError::Store(s) => store_error(s, lang),
        SessionError::NotOpen => pick(
            lang,
            "Es ist kein Mandant geöffnet; es wurde nichts gespeichert.".into(),
            "No company is open; nothing was saved.".into(),
        ),
        SessionError::OutdatedCode => pick(
            lang,
            "Kontor wurde in einem anderen Tab aktualisiert; bitte laden Sie diese Seite neu. Es wurde nichts gespeichert.".into(),
            "Kontor was updated in another tab; please reload this page. Nothing was saved.".into(),
        ),
        SessionError::Replay(r) => {
            let why = match &r.kind {
                ReplayErrorKind::Chain(_) => pick(
                    lang,
                    "die Hash-Kette ist unterbrochen".into(),
                    "the hash chain is broken".into(),
                ),
                ReplayErrorKind::Decode(_) => pick(
                    lang,
                    "der Eintrag ist unlesbar".into(),
                    "the record cannot be read".into(),
                ),
                ReplayErrorKind::Domain(d) => domain_error(d, lang),
                ReplayErrorKind::Empty => pick(
                    lang,
                    "es enthält keine Daten (die Einrichtung wurde nie gespeichert)".into(),
                    "it holds no data (its setup was never stored)".into(),
                ),
                ReplayErrorKind::NoCompany => pick(
                    lang,
                    "es beginnt nicht mit der Anlage des Mandanten".into(),
                    "it does not start with the company's creation".into(),
                ),
            };
            pick(
                lang,
                format!(
                    "Das Journal dieses Mandanten ist bei Eintrag {} beschädigt: {why}. Es wurde nichts geändert; stellen Sie eine Sicherung wieder her.",
                    r.seq
                ),
                format!(
                    "This company's log is damaged at record {}: {why}. Nothing was changed; restore a backup.",
                    r.seq
                ),
            )
        }
    }
}

pub fn field_name(field: Field, lang: Lang) -> String {
    let (de, en) = match field {
        Field::CompanyName => ("Firmenname", "Company name"),
        Field::Address => ("Anschrift", "Address"),
        Field::Country => ("Land", "Country"),
        Field::VatId => ("USt-IdNr.", "VAT ID"),
        Field::TaxNumber => ("Steuernummer", "Tax number"),
        Field::AccountName => ("Kontobezeichnung", "Account name"),
        Field::Reference => ("Referenz", "Reference"),
        Field::Memo => ("Buchungstext", "Memo"),
        Field::User => ("Benutzer", "User"),
        Field::LineMemo { line } => {
            let line = line + 1;
            return pick(
                lang,
                format!("Zeilentext in Zeile {line}"),
                format!("Line memo in line {line}"),
            );
        }
        Field::TaxCode { line } => {
            let line = line + 1;
            return pick(
                lang,
                format!("Steuerkennzeichen in Zeile {line}"),
                format!("Tax code in line {line}"),
            );
        }
        Field::PartnerName => ("Name", "Name"),
        Field::PartnerGroup => ("Gruppe", "Group"),
        Field::Street => ("Straße", "Street"),
        Field::HouseNumber => ("Hausnummer", "House number"),
        Field::Postcode => ("Postleitzahl", "Postcode"),
        Field::Town => ("Ort", "Town"),
        Field::ContactPerson => ("Ansprechpartner", "Contact person"),
        Field::Phone => ("Telefon", "Phone"),
        Field::Email => ("E-Mail", "E-mail"),
        Field::Remarks => ("Bemerkungen", "Remarks"),
        Field::DunningTerm => ("Mahnverfahren", "Dunning term"),
        Field::MandateId => ("Mandatsreferenz", "Mandate reference"),
        Field::TermsName => ("Bezeichnung der Zahlungsbedingung", "Payment-terms name"),
        Field::AccountHolder { index } => {
            let n = index + 1;
            return pick(
                lang,
                format!("Kontoinhaber der Bankverbindung {n}"),
                format!("Account holder of bank account {n}"),
            );
        }
        Field::Dimension { line, dim } => {
            let (line, dim) = (line + 1, dim + 1);
            return pick(
                lang,
                format!("Dimension {dim} in Zeile {line}"),
                format!("Dimension {dim} in line {line}"),
            );
        }
    };
    pick(lang, de.into(), en.into())
}

pub fn determination_name(key: DeterminationKey, lang: Lang) -> &'static str {
    let (de, en) = match key {
        DeterminationKey::Rounding => ("Rundungsdifferenzen", "Rounding differences"),
        DeterminationKey::OpeningBalance => ("Saldenvorträge", "Opening balances"),
        DeterminationKey::RetainedEarnings => ("Gewinnvortrag", "Retained earnings"),
        DeterminationKey::FxGain => ("Kursgewinne", "Exchange-rate gains"),
        DeterminationKey::FxLoss => ("Kursverluste", "Exchange-rate losses"),
        DeterminationKey::VatInput => ("Vorsteuer", "Input VAT"),
        DeterminationKey::VatOutput => ("Umsatzsteuer", "Output VAT"),
        DeterminationKey::Receivables => ("Forderungen aus L+L", "Trade receivables"),
        DeterminationKey::Payables => ("Verbindlichkeiten aus L+L", "Trade payables"),
        DeterminationKey::BankFees => ("Bankgebühren", "Bank fees"),
        DeterminationKey::CashDiscount => ("Skonto", "Cash discount"),
    };
    if lang == Lang::De { de } else { en }
}

pub fn domain_error(e: &DomainError, lang: Lang) -> String {
    match e {
        DomainError::Input(e) => input_error(e, lang),
        DomainError::Gl(e) => gl_error(e, lang),
        DomainError::Tax(e) => tax_error(e, lang),
        DomainError::Costing(e) => costing_error(e, lang),
        DomainError::Partners(e) => partners_error(e, lang),
        DomainError::OpenItems(e) => open_items_error(e, lang),
        DomainError::Journal(e) => journal_error(e, lang),
        DomainError::Payments(e) => payments_error(e, lang),
        DomainError::Bank(e) => bank_error(e, lang),
        DomainError::PaymentRuns(e) => payment_runs_error(e, lang),
        DomainError::Dunning(e) => dunning_error(e, lang),
        DomainError::Items(e) => items_error(e, lang),
        DomainError::Recurring(e) => recurring_error(e, lang),
        DomainError::Closing(e) => closing_error(e, lang),
        DomainError::Statements(e) => statements_error(e, lang),
        DomainError::Inbox(e) => inbox_error(e, lang),
    }
}

/// A report asked for periods the company does not have (no fiscal year
/// opened for the chosen range).
pub fn no_periods(lang: Lang) -> String {
    pick(
        lang,
        "Für den gewählten Zeitraum gibt es keine Buchungsperioden; bitte ein Geschäftsjahr eröffnen.".into(),
        "The chosen range has no posting periods; please open a fiscal year.".into(),
    )
}

/// The 0-based line a domain error points at, so the grid can mark it.
pub fn error_line(e: &DomainError) -> Option<usize> {
    e.line()
}

/// `e` with its line, if it has one, mapped by `to_row`: the engine counts
/// the draft's lines, the grid numbers its rows (blank rows are left out
/// of the draft), and the message must name the row the user sees.
pub fn map_line(e: &DomainError, to_row: impl Fn(usize) -> usize) -> DomainError {
    let mut e = e.clone();
    if let Some(line) = e.line_mut() {
        *line = to_row(*line);
    }
    e
}

/// The Firmendaten form's own refusal (before the engine sees it).
pub fn details_form_error(e: &DetailsFormError, lang: Lang) -> String {
    let (de, en): (String, String) = match e {
        DetailsFormError::VatIdFormat => (
            "Die USt-IdNr. hat nicht das Format ihres Landes (DE: DE und 9 Ziffern).".into(),
            "The VAT ID does not have its country's format (DE: DE and 9 digits).".into(),
        ),
        DetailsFormError::VatIdCheckDigit { id } => (
            format!(
                "Die Prüfziffer der USt-IdNr. {id} stimmt nicht – diese Nummer kann es nicht geben. Bitte die Ziffern prüfen."
            ),
            format!(
                "The check digit of the VAT ID {id} is wrong – no such number can exist. Please check the digits."
            ),
        ),
        DetailsFormError::UnknownCountry { text } => (
            format!(
                "„{text}“ ist kein Land der Liste. Bitte ein Land aus der Liste wählen (Name oder ISO-Code, z. B. Deutschland oder DE)."
            ),
            format!(
                "“{text}” is not a country of the list. Please choose one from the list (name or ISO code, e.g. Germany or DE)."
            ),
        ),
    };
    pick(lang, de, en)
}

pub fn store_error(e: &StoreError, lang: Lang) -> String {
    use StoreError::*;
    let (de, en): (String, String) = match e {
        Password(e) => return policy_error(e, lang),
        QuotaExceeded => ("Der Speicher des Browsers für Kontor ist voll. Es wurde nichts gespeichert; legen Sie eine Sicherung an und geben Sie Speicher frei.".into(), "The browser's storage for Kontor is full. Nothing was saved; make a backup and free some space.".into()),
        Conflict { .. } => ("Ein anderer Tab hat inzwischen gebucht. Es wurde nichts gespeichert; die Daten werden aktualisiert, bitte erneut versuchen.".into(), "Another tab posted in the meantime. Nothing was saved; the data is being refreshed, please try again.".into()),
        BrokenChain { seq } => (format!("Das gespeicherte Journal ist ab Eintrag {seq} verändert worden und wird nicht geöffnet."), format!("The stored log was changed from record {seq} on and is not opened.")),
        NewerSchema { found, supported } => (format!("Diese Daten stammen von einer neueren Kontor-Version (Schema {found}, diese Version liest bis {supported}). Sie wurden nicht verändert."), format!("This data was written by a newer Kontor (schema {found}; this version reads up to {supported}). It was left untouched.")),
        UnknownEncoding { block, .. } => (format!("Block {block} des Journals hat ein unbekanntes Format."), format!("Log block {block} has an unknown format.")),
        CorruptBlock { block, .. } => (format!("Block {block} des Journals ist beschädigt."), format!("Log block {block} is damaged.")),
        CorruptMeta { what, .. } => (format!("Gespeicherte Verwaltungsdaten sind beschädigt ({what})."), format!("Stored metadata is damaged ({what}).")),
        NotFound { what } => (format!("Nicht gefunden: {what}."), format!("Not found: {what}.")),
        ConfirmationMismatch => ("Der eingegebene Name stimmt nicht mit dem Namen des Mandanten überein.".into(), "The name you typed does not match the company's name.".into()),
        InvalidName { max_chars } => (format!("Der Name muss 1 bis {max_chars} Zeichen lang sein."), format!("The name must be 1 to {max_chars} characters long.")),
        AppendTooLarge { count, max } => (format!("Zu viele Einträge auf einmal ({count}, höchstens {max})."), format!("Too many records at once ({count}, at most {max}).")),
        StorageUnavailable { .. } => ("Der Browser-Speicher (IndexedDB) ist nicht verfügbar – etwa im privaten Modus. Kontor kann so nichts speichern.".into(), "The browser's storage (IndexedDB) is not available – e.g. in private mode. Kontor cannot save anything.".into()),
        Blocked { seconds } => (format!("Kontor ist in einem anderen Tab geöffnet und gibt die Daten seit {seconds} s nicht frei (etwa eine ältere Version nach einem Update). Schließen Sie die anderen Kontor-Tabs und versuchen Sie es erneut; es wurde nichts verändert."), format!("Kontor is open in another tab that has not released the data for {seconds} s (e.g. an older version after an update). Close the other Kontor tabs and try again; nothing was changed.")),
        NoAnswer { seconds } => (format!("Der Browser hat {seconds} s lang nicht auf das Öffnen seines Speichers geantwortet; es wurde nichts verändert. Schließen Sie alle Kontor-Tabs und öffnen Sie Kontor neu – hilft das nicht, starten Sie den Browser neu."), format!("The browser did not answer opening its storage for {seconds} s; nothing was changed. Close all Kontor tabs and open Kontor again – if that does not help, restart the browser.")),
        ClosedElsewhere => ("In einem anderen Tab wurde dieser Mandant gelöscht oder mit einer neueren Kontor-Version geöffnet. Bitte laden Sie die Seite neu; es wurde nichts gespeichert.".into(), "This company was deleted or opened with a newer Kontor in another tab. Please reload the page; nothing was saved.".into()),
        Aborted => ("Der Speichervorgang wurde abgebrochen; es wurde nichts gespeichert.".into(), "The write was aborted; nothing was saved.".into()),
        Locked => ("Dieser Mandant ist verschlüsselt. Bitte melden Sie sich mit Benutzer und Kennwort an.".into(), "This company is encrypted. Please log in with your user name and password.".into()),
        LoginRefused => ("Benutzer oder Kennwort ist falsch.".into(), "User name or password is wrong.".into()),
        InvalidLogin { max_chars } => (format!("Der Benutzername muss 1 bis {max_chars} Zeichen lang sein und darf keine Leerzeichen enthalten."), format!("The user name must be 1 to {max_chars} characters long, without spaces.")),
        BlockRefused { block } => (format!("Block {block} des Journals wurde verändert oder gehört nicht zu diesem Mandanten. Der Mandant wird nicht geöffnet; es wurde nichts verändert."), format!("Log block {block} was changed or does not belong to this company. The company is not opened; nothing was changed.")),
        UnsealedBlock { block } => (format!("Block {block} des Journals ist unverschlüsselt, obwohl der Mandant verschlüsselt ist: Er stammt nicht von Kontor. Der Mandant wird nicht geöffnet."), format!("Log block {block} is not encrypted although the company is: Kontor did not write it. The company is not opened.")),
        DraftRefused { key } => (format!("Der Entwurf „{key}“ wurde verändert oder gehört nicht zu diesem Mandanten."), format!("The draft “{key}” was changed or does not belong to this company.")),
        AlreadyEncrypted => ("Dieser Mandant ist bereits verschlüsselt.".into(), "This company is encrypted already.".into()),
        NotEncrypted => ("Dieser Mandant hat noch keine Benutzer.".into(), "This company has no users yet.".into()),
        KeyUnavailable { detail } => (format!("Der Schlüssel des Mandanten konnte nicht erzeugt werden; es wurde nichts verändert ({detail})."), format!("The company's key could not be made; nothing was changed ({detail}).")),
        Unexpected { detail } => (format!("Unerwarteter Speicherfehler: {detail}"), format!("Unexpected storage error: {detail}")),
    };
    pick(lang, de, en)
}

/// A password the company's rules refuse (`security::policy`).
pub fn policy_error(e: &crate::security::PolicyError, lang: Lang) -> String {
    use crate::security::{CharClass, PolicyError::*};
    let class = |c: &CharClass| match c {
        CharClass::Upper => ("einen Großbuchstaben", "an upper-case letter"),
        CharClass::Lower => ("einen Kleinbuchstaben", "a lower-case letter"),
        CharClass::Digit => ("eine Ziffer", "a digit"),
        CharClass::Other => ("ein Sonderzeichen", "a special character"),
    };
    let (de, en): (String, String) = match e {
        TooShort { min } => (
            format!("Das Kennwort braucht mindestens {min} Zeichen."),
            format!("The password needs at least {min} characters."),
        ),
        TooLong { max_bytes } => (
            format!("Das Kennwort ist länger als {max_bytes} Bytes."),
            format!("The password is longer than {max_bytes} bytes."),
        ),
        MissingClass { class: c } => (
            format!("Das Kennwort braucht {}.", class(c).0),
            format!("The password needs {}.", class(c).1),
        ),
        ReusesRecent { n } => (
            format!(
                "Das Kennwort war eines der letzten {n} und darf nicht wieder verwendet werden."
            ),
            format!("The password is one of the last {n} and may not be used again."),
        ),
    };
    pick(lang, de, en)
}

/// A password policy setting out of range (`ledger::gl::password_policy`).
pub fn policy_setting_error(e: &crate::ledger::gl::PolicySettingError, lang: Lang) -> String {
    use crate::ledger::gl::PolicyField;
    let (de, en) = match e.field {
        PolicyField::MinLength => ("Die Mindestlänge", "The minimum length"),
        PolicyField::ExpiryDays => ("Die Gültigkeit in Tagen", "The expiry in days"),
        PolicyField::NoReuse => (
            "Die Zahl gesperrter früherer Kennwörter",
            "The number of earlier passwords barred",
        ),
        PolicyField::LockAfterFailures => (
            "Die Zahl der Fehlversuche bis zur Wartezeit",
            "The number of failed logins before the wait",
        ),
    };
    let (min, max) = (e.min, e.max);
    pick(
        lang,
        format!("{de} muss zwischen {min} und {max} liegen."),
        format!("{en} must lie between {min} and {max}."),
    )
}
