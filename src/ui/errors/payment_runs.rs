//! Sentences for refusals of payment runs (saving, deleting, executing a
//! run; our creditor id). Exhaustive: a new variant does not compile
//! until it has its German and English sentence. Items are named as the
//! open-item screens name them (entry/line/installment), partners by code.

use super::{amount, domain_error, payments_error, pick};
use crate::ledger::DomainError;
use crate::ledger::open_items::ItemId;
use crate::ledger::payment_runs::PaymentRunsError;
use crate::ui::i18n::Lang;

pub fn payment_runs_error(e: &PaymentRunsError, lang: Lang) -> String {
    use PaymentRunsError as E;
    match e {
        E::Input(_) | E::Gl(_) => domain_error(&DomainError::from(e.clone()), lang),
        E::Payment { partner, error } => pick(
            lang,
            format!(
                "Zahlung an/von {partner}: {}",
                payments_error(error, Lang::De)
            ),
            format!(
                "Payment to/from {partner}: {}",
                payments_error(error, Lang::En)
            ),
        ),
        E::UnknownRun { .. }
        | E::AlreadyExecuted { .. }
        | E::NothingToPay
        | E::NoDirection
        | E::UnknownHouseBank { .. }
        | E::NoTransitAccount { .. }
        | E::InvalidCreditorId { .. }
        | E::NoCreditorId
        | E::NextRunBeforeRun { .. }
        | E::OverMaximum { .. }
        | E::NoFiles => run_error(e, lang),
        E::ItemNotOpen { .. }
        | E::WrongPartner { .. }
        | E::DuplicateItem { .. }
        | E::AmountTooHigh { .. }
        | E::AmountNotPositive { .. }
        | E::OtherCurrency { .. }
        | E::BadDiscount { .. }
        | E::ItemReserved { .. } => item_error(e, lang),
        E::PartnerBlocked { .. }
        | E::NoIban { .. }
        | E::NoMandate { .. }
        | E::WrongDirection { .. }
        | E::PartnerNetNotPositive { .. } => partner_error(e, lang),
    }
}

/// Money in the sentences: LC with two decimals.
fn money(value: rust_decimal::Decimal, lang: Lang) -> String {
    amount(value, 2, lang)
}

fn run_error(e: &PaymentRunsError, lang: Lang) -> String {
    use PaymentRunsError as E;
    let (de, en) = match e {
        E::UnknownRun { number } => (
            format!("Den Zahlungslauf {number} gibt es nicht."),
            format!("Payment run {number} does not exist."),
        ),
        E::AlreadyExecuted { number } => (
            format!(
                "Zahlungslauf {number} ist schon ausgeführt und kann nicht mehr geändert werden."
            ),
            format!("Payment run {number} has been executed and can no longer be changed."),
        ),
        E::NothingToPay => (
            "Der Zahlungslauf enthält nichts zu zahlen: bitte mindestens einen Posten wählen."
                .into(),
            "The payment run has nothing to pay: please choose at least one item.".into(),
        ),
        E::NoDirection => (
            "Bitte Zahlungsausgang (Lieferanten), Zahlungseingang (Kunden) oder beides wählen."
                .into(),
            "Please choose outgoing (vendors), incoming (customers) or both.".into(),
        ),
        E::UnknownHouseBank { code } => (
            format!("Die Hausbank „{code}“ gibt es nicht."),
            format!("House bank \"{code}\" does not exist."),
        ),
        E::NoTransitAccount { code } => (
            format!(
                "Die Hausbank „{code}“ hat kein Geldtransitkonto; bitte eines unter Banken → Hausbanken eintragen."
            ),
            format!(
                "House bank \"{code}\" has no transit account; please set one under Banking → House banks."
            ),
        ),
        E::InvalidCreditorId { creditor_id } => (
            format!(
                "„{creditor_id}“ ist keine gültige Gläubiger-Identifikationsnummer (z. B. DE98ZZZ09999999999)."
            ),
            format!(
                "\"{creditor_id}\" is not a valid SEPA creditor identifier (e.g. DE98ZZZ09999999999)."
            ),
        ),
        E::NoCreditorId => (
            "Für Lastschriften fehlt die Gläubiger-Identifikationsnummer; bitte zuerst eintragen."
                .into(),
            "Direct debits need our SEPA creditor identifier; please enter it first.".into(),
        ),
        E::NextRunBeforeRun { next } => (
            format!(
                "Der nächste Zahlungslauf ({}) liegt vor dem Ausführungsdatum.",
                next.format("%d.%m.%Y")
            ),
            format!("The next run date ({next}) is before the run date."),
        ),
        E::OverMaximum { total, max } => (
            format!(
                "Der Zahlungslauf summiert sich auf {}, mehr als der Höchstbetrag {}.",
                money(*total, lang),
                money(*max, lang)
            ),
            format!(
                "The run totals {}, more than its maximum of {}.",
                money(*total, lang),
                money(*max, lang)
            ),
        ),
        E::NoFiles => (
            "Ein Zahlungsauftragslauf braucht seine SEPA-Datei; bitte die Datei erzeugen.".into(),
            "A payment order run needs its SEPA file; please create the file.".into(),
        ),
        other => return payment_runs_error(other, lang),
    };
    pick(lang, de, en)
}

fn id(item: &ItemId) -> String {
    format!(
        "{}/{}/{}",
        item.entry.0,
        item.line + 1,
        u16::from(item.installment) + 1
    )
}

fn item_error(e: &PaymentRunsError, lang: Lang) -> String {
    use PaymentRunsError as E;
    let (de, en) = match e {
        E::ItemNotOpen { item } => (
            format!(
                "Posten {} ist nicht (mehr) offen: er wurde inzwischen bezahlt oder ausgeglichen.",
                id(item)
            ),
            format!(
                "Item {} is not open (any more): it was paid or cleared meanwhile.",
                id(item)
            ),
        ),
        E::WrongPartner { item, partner } => (
            format!(
                "Posten {} gehört nicht zum Geschäftspartner {partner}.",
                id(item)
            ),
            format!(
                "Item {} does not belong to business partner {partner}.",
                id(item)
            ),
        ),
        E::DuplicateItem { item } => (
            format!("Posten {} steht zweimal im Zahlungslauf.", id(item)),
            format!("Item {} appears twice in the run.", id(item)),
        ),
        E::AmountTooHigh { item, amount, open } => (
            format!(
                "Posten {}: {} ist mehr als offen ({}).",
                id(item),
                money(*amount, lang),
                money(*open, lang)
            ),
            format!(
                "Item {}: {} is more than is open ({}).",
                id(item),
                money(*amount, lang),
                money(*open, lang)
            ),
        ),
        E::AmountNotPositive { item } => (
            format!("Posten {}: der Betrag muss größer als null sein.", id(item)),
            format!("Item {}: the amount must be more than zero.", id(item)),
        ),
        E::OtherCurrency { item } => (
            format!("Posten {} ist nicht in der Währung der Hausbank.", id(item)),
            format!("Item {} is not in the house bank's currency.", id(item)),
        ),
        E::BadDiscount { item, discount } => (
            format!(
                "Posten {}: das Skonto {} ist nicht möglich (negativ, größer als der Betrag oder auf einer Gutschrift).",
                id(item),
                money(*discount, lang)
            ),
            format!(
                "Item {}: a discount of {} is not possible (negative, more than the amount or on a credit note).",
                id(item),
                money(*discount, lang)
            ),
        ),
        E::ItemReserved { item, run } => (
            format!(
                "Posten {} ist im Zahlungslauf {run} vorgemerkt; erst den Lauf ausführen oder ändern.",
                id(item)
            ),
            format!(
                "Item {} is reserved by payment run {run}; execute or change that run first.",
                id(item)
            ),
        ),
        other => return payment_runs_error(other, lang),
    };
    pick(lang, de, en)
}

fn partner_error(e: &PaymentRunsError, lang: Lang) -> String {
    use PaymentRunsError as E;
    let (de, en) = match e {
        E::PartnerBlocked { partner } => (
            format!("Für {partner} ist eine Zahlungssperre gesetzt."),
            format!("Payments to or from {partner} are blocked."),
        ),
        E::NoIban { partner } => (
            format!("{partner} hat keine Standard-Bankverbindung (IBAN)."),
            format!("{partner} has no default bank account (IBAN)."),
        ),
        E::NoMandate { partner } => (
            format!("Kunde {partner} hat kein SEPA-Lastschriftmandat."),
            format!("Customer {partner} has no SEPA direct-debit mandate."),
        ),
        E::WrongDirection { partner } => (
            format!(
                "{partner} passt nicht zum Lauf: Lieferanten per Überweisung im Zahlungsausgang, Kunden per Lastschrift im Zahlungseingang."
            ),
            format!(
                "{partner} does not fit the run: vendors paid by transfer when outgoing, customers by direct debit when incoming."
            ),
        ),
        E::PartnerNetNotPositive { partner, total } => (
            format!(
                "Bei {partner} ergibt sich {}: nichts zu zahlen (Gutschriften überwiegen).",
                money(*total, lang)
            ),
            format!(
                "{partner} nets to {}: nothing to pay (credit notes exceed).",
                money(*total, lang)
            ),
        ),
        other => return payment_runs_error(other, lang),
    };
    pick(lang, de, en)
}

// ----- the run's SEPA files -----

use crate::formats::iban::{BicError, CreditorIdError, IbanError};
use crate::formats::sepa::{Field, Place, Problem, SepaError};
use crate::forms::payment_run::RunFileError;

/// Why a run's file could not be written, naming the partner (or our own
/// side) and the field.
pub fn run_file_error(e: &RunFileError, lang: Lang) -> String {
    match e {
        RunFileError::UnknownRun { number } => {
            payment_runs_error(&PaymentRunsError::UnknownRun { number: *number }, lang)
        }
        RunFileError::Write { message } => pick(
            lang,
            format!("Die SEPA-Datei konnte nicht geschrieben werden ({message})."),
            format!("The SEPA file could not be written ({message})."),
        ),
        RunFileError::Sepa { partner, error } => {
            let who = match (partner, lang) {
                (Some(p), Lang::De) => format!("Geschäftspartner {p}"),
                (Some(p), _) => format!("Business partner {p}"),
                (None, Lang::De) => "Eigene Angaben (Firma, Hausbank, Gläubiger-ID)".into(),
                (None, _) => "Our own details (company, house bank, creditor id)".into(),
            };
            format!(
                "{who}, {}: {}",
                sepa_field(error.field, lang),
                sepa_problem(error, lang)
            )
        }
    }
}

fn sepa_field(field: Field, lang: Lang) -> &'static str {
    let (de, en) = match field {
        Field::MessageId => ("Nachrichten-ID", "message id"),
        Field::CreatedAt => ("Erstellungszeitpunkt", "creation time"),
        Field::InitiatingParty => ("Auftraggeber", "initiating party"),
        Field::Name => ("Name", "name"),
        Field::Street => ("Straße", "street"),
        Field::BuildingNumber => ("Hausnummer", "house number"),
        Field::PostCode => ("Postleitzahl", "postcode"),
        Field::Town => ("Ort", "town"),
        Field::Country => ("Land", "country"),
        Field::Iban => ("IBAN", "IBAN"),
        Field::Bic => ("BIC", "BIC"),
        Field::CreditorId => ("Gläubiger-ID", "creditor id"),
        Field::Transactions => ("Zahlungen", "payments"),
        Field::EndToEndId => ("End-to-End-ID", "end-to-end id"),
        Field::Amount => ("Betrag", "amount"),
        Field::Remittance => ("Verwendungszweck", "purpose"),
        Field::ExecutionDate => ("Ausführungsdatum", "execution date"),
        Field::CollectionDate => ("Fälligkeitsdatum", "collection date"),
        Field::MandateId => ("Mandatsreferenz", "mandate reference"),
        Field::MandateSignedOn => ("Mandatsdatum", "mandate date"),
    };
    if lang == Lang::De { de } else { en }
}

fn sepa_problem(e: &SepaError, lang: Lang) -> String {
    let (de, en) = match &e.problem {
        Problem::Empty => ("ist leer".into(), "is empty".into()),
        Problem::TooLong { max, found } => (
            format!("hat {found} Zeichen (nach Umschreibung), erlaubt sind {max}"),
            format!("has {found} characters (after transliteration), at most {max} are allowed"),
        ),
        Problem::NotInCharset { ch } => (
            format!("enthält „{ch}“, das der SEPA-Zeichensatz nicht darstellen kann"),
            format!("contains \"{ch}\", which the SEPA character set cannot represent"),
        ),
        Problem::IdentifierCharacter { ch } => (
            format!("enthält „{ch}“; erlaubt sind Buchstaben, Ziffern und / - ? : ( ) . , ' +"),
            format!("contains \"{ch}\"; only letters, digits and / - ? : ( ) . , ' + are allowed"),
        ),
        Problem::IdentifierSlashes => (
            "darf nicht mit „/“ beginnen oder enden und kein „//“ enthalten".into(),
            "must not start or end with '/' nor contain '//'".into(),
        ),
        Problem::DuplicateEndToEndId => (
            "kommt in der Datei zweimal vor".into(),
            "is used twice in the file".into(),
        ),
        Problem::CountryCode => (
            "ist kein zweistelliger Ländercode".into(),
            "is not a two-letter country code".into(),
        ),
        Problem::Iban(i) => iban_problem(i),
        Problem::Bic(b) => bic_problem(b),
        Problem::CreditorId(c) => creditor_id_problem(c),
        Problem::AmountNotPositive => (
            "muss größer als null sein".into(),
            "must be more than zero".into(),
        ),
        Problem::AmountTooLarge => (
            "darf höchstens 999.999.999,99 sein".into(),
            "must be at most 999,999,999.99".into(),
        ),
        Problem::AmountFraction => (
            "hat mehr als zwei Nachkommastellen".into(),
            "has more than two decimal places".into(),
        ),
        Problem::NoTransactions => (
            "die Datei enthält keine Zahlung".into(),
            "the file holds no payment".into(),
        ),
        Problem::ControlSumTooLarge => (
            "die Summe ist zu groß für eine SEPA-Datei".into(),
            "the total is too large for a SEPA file".into(),
        ),
        Problem::TooManyGroups { max } => (
            format!("mehr als {max} Sammler nötig"),
            format!("needs more than {max} batches"),
        ),
        Problem::YearOutOfRange { date } => (
            format!("{date} liegt außerhalb der Jahre 1000 bis 9999"),
            format!("{date} is outside the years 1000 to 9999"),
        ),
        Problem::BeforeCreation { date, created } => (
            format!(
                "{} liegt vor dem Erstellungsdatum {}",
                de_date(*date),
                de_date(*created)
            ),
            format!("{date} is before the file's creation date {created}"),
        ),
        Problem::NotAfterCreation { date, created } => (
            format!(
                "{} muss nach dem Erstellungsdatum {} liegen",
                de_date(*date),
                de_date(*created)
            ),
            format!("{date} must be after the file's creation date {created}"),
        ),
        Problem::SignedAfterCreation { signed, created } => (
            format!(
                "{} liegt nach dem Erstellungsdatum {}",
                de_date(*signed),
                de_date(*created)
            ),
            format!("{signed} is after the file's creation date {created}"),
        ),
    };
    let place = match (&e.place, lang) {
        (Place::Order, _) => String::new(),
        (Place::Transaction { end_to_end_id, .. }, _) => format!(" ({end_to_end_id})"),
    };
    format!("{}{place}", if lang == Lang::De { de } else { en })
}

fn de_date(date: chrono::NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

fn iban_problem(e: &IbanError) -> (String, String) {
    match e {
        IbanError::Empty => ("ist leer".into(), "is empty".into()),
        IbanError::InvalidCharacter { ch, position } => (
            format!("„{ch}“ an Stelle {position} ist kein Buchstabe und keine Ziffer"),
            format!("\"{ch}\" at position {position} is not a letter or digit"),
        ),
        IbanError::BadStart => (
            "beginnt nicht mit Ländercode und Prüfziffern".into(),
            "does not start with a country code and check digits".into(),
        ),
        IbanError::BadLength { min, max, found } => (
            format!("hat {found} Zeichen, erlaubt sind {min} bis {max}"),
            format!("has {found} characters, {min} to {max} are allowed"),
        ),
        IbanError::UnknownCountry { country } => (
            format!("{country} vergibt keine IBAN"),
            format!("{country} does not issue IBANs"),
        ),
        IbanError::WrongFormForCountry { country } => (
            format!("hat nicht die Form einer IBAN aus {country}"),
            format!("does not have the form of an IBAN from {country}"),
        ),
        IbanError::Checksum => (
            "die Prüfziffern stimmen nicht (Tippfehler?)".into(),
            "the check digits do not match (a typing error?)".into(),
        ),
    }
}

fn bic_problem(e: &BicError) -> (String, String) {
    match e {
        BicError::Empty => ("ist leer".into(), "is empty".into()),
        BicError::BadLength { found } => (
            format!("hat {found} Zeichen statt 8 oder 11"),
            format!("has {found} characters instead of 8 or 11"),
        ),
        BicError::InvalidCharacter { ch, position } => (
            format!("„{ch}“ an Stelle {position} ist in einer BIC nicht erlaubt"),
            format!("\"{ch}\" at position {position} is not allowed in a BIC"),
        ),
    }
}

fn creditor_id_problem(e: &CreditorIdError) -> (String, String) {
    match e {
        CreditorIdError::Empty => ("ist leer".into(), "is empty".into()),
        CreditorIdError::BadLength { min, max, found } => (
            format!("hat {found} Zeichen, erlaubt sind {min} bis {max}"),
            format!("has {found} characters, {min} to {max} are allowed"),
        ),
        CreditorIdError::InvalidCharacter { ch, position } => (
            format!("„{ch}“ an Stelle {position} ist kein Buchstabe und keine Ziffer"),
            format!("\"{ch}\" at position {position} is not a letter or digit"),
        ),
        CreditorIdError::BadStart => (
            "beginnt nicht mit Ländercode und Prüfziffern".into(),
            "does not start with a country code and check digits".into(),
        ),
        CreditorIdError::GermanLength { found } => (
            format!("hat {found} Zeichen, eine deutsche Gläubiger-ID hat 18"),
            format!("has {found} characters, a German creditor id has 18"),
        ),
        CreditorIdError::GermanNationalPart => (
            "eine deutsche Gläubiger-ID endet auf 11 Ziffern".into(),
            "a German creditor id ends in 11 digits".into(),
        ),
        CreditorIdError::Checksum => (
            "die Prüfziffern stimmen nicht (Tippfehler?)".into(),
            "the check digits do not match (a typing error?)".into(),
        ),
    }
}
