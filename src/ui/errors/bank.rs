//! Sentences for refusals of the bank sub-ledger (house banks, statement
//! import, rules, posting statement lines). Exhaustive: a new variant does
//! not compile until it has its German and English sentence. Lines are
//! named 1-based, as the statement screen numbers them.

use super::{domain_error, payments_error, pick};
use crate::ledger::DomainError;
use crate::ledger::bank::{BankError, HouseBankField, RuleField};
use crate::ui::i18n::Lang;

pub fn bank_error(e: &BankError, lang: Lang) -> String {
    use BankError as E;
    match e {
        E::Input(_) | E::Gl(_) => domain_error(&DomainError::from(e.clone()), lang),
        E::Line { line, error } => pick(
            lang,
            format!(
                "Umsatz {}: {}",
                line + 1,
                payments_error(error, Lang::De)
            ),
            format!(
                "Statement line {}: {}",
                line + 1,
                payments_error(error, Lang::En)
            ),
        ),
        E::HouseBankUnknown { .. }
        | E::HouseBankInvalid { .. }
        | E::IbanTaken { .. }
        | E::NotABankAccount { .. } => house_bank_error(e, lang),
        E::NoHouseBankFor { .. }
        | E::CurrencyMismatch { .. }
        | E::NoStatements
        | E::FileTooLarge { .. }
        | E::EmptyFile
        | E::NothingNew { .. }
        | E::HouseBankMissing { .. } => import_error(e, lang),
        E::StatementUnknown { .. }
        | E::LineUnknown { .. }
        | E::LinePosted { .. }
        | E::LineTwice { .. }
        | E::LineMismatch { .. }
        | E::Intraday { .. }
        | E::NoLines => posting_error(e, lang),
        E::RuleUnknown { .. } | E::RuleInvalid { .. } => rule_error(e, lang),
        E::Mismatch => pick(
            lang,
            "Ein gespeichertes Bankereignis passt nicht zu den Büchern; bitte eine Sicherung zurückspielen.".into(),
            "A stored bank event does not fit the books; please restore a backup.".into(),
        ),
    }
}

fn house_bank_error(e: &BankError, lang: Lang) -> String {
    use BankError as E;
    let (de, en) = match e {
        E::HouseBankUnknown { code } => (
            format!("Die Hausbank „{code}“ gibt es nicht."),
            format!("House bank \"{code}\" does not exist."),
        ),
        E::HouseBankInvalid { field } => (
            format!(
                "Hausbank, Feld {}: {}",
                house_bank_field(*field, Lang::De),
                house_bank_rule(*field, Lang::De)
            ),
            format!(
                "House bank, field {}: {}",
                house_bank_field(*field, Lang::En),
                house_bank_rule(*field, Lang::En)
            ),
        ),
        E::IbanTaken { code } => (
            format!("Hausbank, Feld IBAN: diese IBAN gehört schon zur Hausbank „{code}“."),
            format!("House bank, field IBAN: this IBAN belongs to house bank \"{code}\" already."),
        ),
        E::NotABankAccount { account } => (
            format!(
                "Hausbank, Feld Sachkonto: Konto {account} ist kein aktives, bebuchbares Bilanzkonto in der Währung der Bank (und kein Sammelkonto)."
            ),
            format!(
                "House bank, field G/L account: account {account} is not an active, postable balance-sheet account in the bank's currency (and no control account)."
            ),
        ),
        _ => unreachable!("bank_error hands over only house bank refusals"),
    };
    pick(lang, de, en)
}

fn house_bank_field(field: HouseBankField, lang: Lang) -> &'static str {
    use HouseBankField as F;
    match (field, lang) {
        (F::Code, Lang::De) => "Kürzel",
        (F::Code, Lang::En) => "Code",
        (F::Name, Lang::De) => "Name",
        (F::Name, Lang::En) => "Name",
        (F::Account, Lang::De) => "Sachkonto",
        (F::Account, Lang::En) => "G/L account",
        (F::Iban, _) => "IBAN",
        (F::Bic, _) => "BIC",
        (F::SuspenseAccount, Lang::De) => "Geldtransitkonto",
        (F::SuspenseAccount, Lang::En) => "Suspense account",
    }
}

fn house_bank_rule(field: HouseBankField, lang: Lang) -> &'static str {
    use HouseBankField as F;
    match (field, lang) {
        (F::Code, Lang::De) => "1 bis 8 Buchstaben oder Ziffern (A–Z, 0–9).",
        (F::Code, Lang::En) => "1 to 8 letters or digits (A–Z, 0–9).",
        (F::Name, Lang::De) => "darf nicht leer sein und höchstens 120 Zeichen haben.",
        (F::Name, Lang::En) => "must not be empty and have at most 120 characters.",
        (F::Account, Lang::De) => "ist kein Bankkonto.",
        (F::Account, Lang::En) => "is not a bank account.",
        (F::Iban, Lang::De) => "ist keine gültige IBAN (Prüfziffer oder Länge).",
        (F::Iban, Lang::En) => "is not a valid IBAN (check digits or length).",
        (F::Bic, Lang::De) => "ist keine gültige BIC (8 oder 11 Zeichen, z. B. COBADEFFXXX).",
        (F::Bic, Lang::En) => "is not a valid BIC (8 or 11 characters, e.g. COBADEFFXXX).",
        (F::SuspenseAccount, Lang::De) => {
            "muss ein bebuchbares Konto sein, kein Sammelkonto und nicht das Bankkonto selbst."
        }
        (F::SuspenseAccount, Lang::En) => {
            "must be a postable account, no control account and not the bank account itself."
        }
    }
}

fn import_error(e: &BankError, lang: Lang) -> String {
    use BankError as E;
    let (de, en) = match e {
        E::NoHouseBankFor { statement_id, iban } => (
            format!(
                "Auszug {statement_id}: die IBAN {iban} ist keine Hausbank; bitte zuerst unter Hausbanken anlegen."
            ),
            format!(
                "Statement {statement_id}: IBAN {iban} is no house bank; please create it under house banks first."
            ),
        ),
        E::CurrencyMismatch {
            statement_id,
            found,
            expected,
        } => (
            format!(
                "Auszug {statement_id}: die Währung {} ist nicht die der Hausbank ({}).",
                found.as_str(),
                expected.as_str()
            ),
            format!(
                "Statement {statement_id}: currency {} is not the house bank's ({}).",
                found.as_str(),
                expected.as_str()
            ),
        ),
        E::NoStatements => (
            "Die Datei enthält keinen Kontoauszug.".into(),
            "The file holds no statement.".into(),
        ),
        E::FileTooLarge { size, max } => (
            format!("Die Datei hat {size} Bytes; höchstens {max} werden eingelesen."),
            format!("The file has {size} bytes; at most {max} are imported."),
        ),
        E::EmptyFile => ("Die Datei ist leer.".into(), "The file is empty.".into()),
        E::NothingNew { skipped } => (
            format!(
                "Alle Umsätze der Datei sind schon eingelesen ({skipped} übersprungen); nichts wurde gespeichert."
            ),
            format!(
                "Every line of the file was imported before ({skipped} skipped); nothing was stored."
            ),
        ),
        E::HouseBankMissing { statement_id } => (
            format!(
                "Auszug {statement_id}: die Datei nennt kein Konto; bitte die Hausbank wählen."
            ),
            format!(
                "Statement {statement_id}: the file names no account; please choose the house bank."
            ),
        ),
        _ => unreachable!("bank_error hands over only import refusals"),
    };
    pick(lang, de, en)
}

fn posting_error(e: &BankError, lang: Lang) -> String {
    use BankError as E;
    let (de, en) = match e {
        E::StatementUnknown { number } => (
            format!("Den Kontoauszug {number} gibt es nicht."),
            format!("Statement {number} does not exist."),
        ),
        E::LineUnknown { line } => (
            format!("Den Umsatz {} gibt es in diesem Auszug nicht.", line + 1),
            format!("Statement line {} does not exist.", line + 1),
        ),
        E::LinePosted { line, payment } => (
            format!(
                "Umsatz {} ist schon gebucht (Zahlung {payment}); rückgängig nur durch Storno der Zahlung.",
                line + 1
            ),
            format!(
                "Statement line {} is posted already (payment {payment}); only cancelling the payment undoes it.",
                line + 1
            ),
        ),
        E::LineTwice { line } => (
            format!("Umsatz {} steht zweimal in der Buchung.", line + 1),
            format!("Statement line {} appears twice in the posting.", line + 1),
        ),
        E::LineMismatch { line } => (
            format!(
                "Umsatz {}: die Zahlung bewegt nicht genau den Betrag des Umsatzes in seiner Richtung auf dem Bankkonto der Hausbank.",
                line + 1
            ),
            format!(
                "Statement line {}: the payment does not move exactly the line's amount, in its direction, on the house bank's account.",
                line + 1
            ),
        ),
        E::Intraday { number } => (
            format!(
                "Auszug {number} ist eine untertägige Umsatzinformation (camt.052/MT942) und wird nicht gebucht."
            ),
            format!(
                "Statement {number} is intraday information (camt.052/MT942) and is not posted."
            ),
        ),
        E::NoLines => (
            "Es ist kein Umsatz zum Buchen gewählt.".into(),
            "No statement line is chosen for posting.".into(),
        ),
        _ => unreachable!("bank_error hands over only posting refusals"),
    };
    pick(lang, de, en)
}

fn rule_error(e: &BankError, lang: Lang) -> String {
    use BankError as E;
    let (de, en) = match e {
        E::RuleUnknown { id } => (
            format!("Die Buchungsregel {id} gibt es nicht (oder nicht an dieser Stelle)."),
            format!("Posting rule {id} does not exist (or not at that position)."),
        ),
        E::RuleInvalid { field } => (
            format!("Buchungsregel, {}", rule_field(*field, Lang::De)),
            format!("Posting rule, {}", rule_field(*field, Lang::En)),
        ),
        _ => unreachable!("bank_error hands over only rule refusals"),
    };
    pick(lang, de, en)
}

fn rule_field(field: RuleField, lang: Lang) -> String {
    use RuleField as F;
    match (field, lang) {
        (F::Name, Lang::De) => "Feld Name: darf nicht leer sein.".into(),
        (F::Name, Lang::En) => "field name: must not be empty.".into(),
        (F::Iban, Lang::De) => "Feld IBAN: keine gültige IBAN.".into(),
        (F::Iban, Lang::En) => "field IBAN: not a valid IBAN.".into(),
        (F::Purpose, Lang::De) => {
            "Feld Verwendungszweck: leer oder kein gültiger regulärer Ausdruck.".into()
        }
        (F::Purpose, Lang::En) => "field purpose: empty or not a valid regular expression.".into(),
        (F::Amount, Lang::De) => {
            "Feld Betrag: die Grenzen müssen positiv sein, die untere nicht über der oberen.".into()
        }
        (F::Amount, Lang::En) => {
            "field amount: the bounds must be positive, the lower not above the upper.".into()
        }
        (F::Partner, Lang::De) => "Feld Geschäftspartner: diesen Partner gibt es nicht.".into(),
        (F::Partner, Lang::En) => "field business partner: no such partner.".into(),
        (F::Conditions, Lang::De) => {
            "Bedingungen: mindestens eine muss gesetzt sein, sonst träfe die Regel jeden Umsatz."
                .into()
        }
        (F::Conditions, Lang::En) => {
            "conditions: at least one must be set, or the rule would match every line.".into()
        }
        (F::Split { index }, Lang::De) => format!(
            "Aufteilung, Zeile {}: Konto, Steuerschlüssel oder Kostenstelle unbekannt, oder die Anteile gehen nicht auf.",
            index + 1
        ),
        (F::Split { index }, Lang::En) => format!(
            "split, line {}: unknown account, tax code or cost centre, or the shares do not add up.",
            index + 1
        ),
    }
}
