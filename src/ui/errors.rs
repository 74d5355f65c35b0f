//! Error messages (Fehlermeldungen): every engine, store and session error
//! as one plain German and one plain English sentence. The matches are
//! exhaustive on purpose: a new error variant does not compile until it has
//! its two sentences.

use crate::formats::amount::{format_amount, format_number};
use crate::forms::company::DetailsFormError;
use crate::ledger::DomainError;
use crate::ledger::ReplayErrorKind;
use crate::ledger::determination::DeterminationKey;
use crate::ledger::error::Field;
use crate::ledger::warning::EntryWarning;
use crate::session::SessionError;
use crate::store::StoreError;

use super::components::number_style;
use super::i18n::Lang;
use rust_decimal::Decimal;

/// `(de, en)` picked by language.
fn pick(lang: Lang, de: String, en: String) -> String {
    match lang {
        Lang::De => de,
        Lang::En => en,
    }
}

/// An amount in a message: the currency's decimals, the language's
/// separators (`10,00` / `10.00`), as on every screen.
fn amount(value: Decimal, decimals: u32, lang: Lang) -> String {
    format_amount(value, decimals, number_style(lang))
}

/// A rate, percentage or limit in a message: its own decimals.
fn number(value: Decimal, lang: Lang) -> String {
    format_number(value, number_style(lang))
}

pub fn session_error(e: &SessionError, lang: Lang) -> String {
    match e {
        SessionError::Domain(d) => domain_error(d, lang),
        SessionError::Store(s) => store_error(s, lang),
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
            return pick(
                lang,
                format!("Zeilentext in Zeile {line}"),
                format!("Line memo in line {line}"),
            );
        }
        Field::TaxCode { line } => {
            return pick(
                lang,
                format!("Steuerkennzeichen in Zeile {line}"),
                format!("Tax code in line {line}"),
            );
        }
        Field::Dimension { line, dim } => {
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
    use DomainError::*;
    // The engine counts lines from 0; people count from 1.
    let shown = one_based(e);
    let (de, en): (String, String) = match &shown {
        NoCompany => (
            "Es ist noch kein Mandant eingerichtet.".into(),
            "No company has been set up yet.".into(),
        ),
        CompanyAlreadySetUp => (
            "Der Mandant ist bereits eingerichtet.".into(),
            "The company is already set up.".into(),
        ),
        Empty { field } => (
            format!("{} darf nicht leer sein.", field_name(*field, Lang::De)),
            format!("{} must not be empty.", field_name(*field, Lang::En)),
        ),
        TextTooLong { field, max } => (
            format!(
                "{} ist länger als {max} Zeichen.",
                field_name(*field, Lang::De)
            ),
            format!(
                "{} is longer than {max} characters.",
                field_name(*field, Lang::En)
            ),
        ),
        UnknownCurrency { code } => (
            format!("„{code}“ ist keine bekannte ISO-4217-Währung."),
            format!("“{code}” is not a known ISO 4217 currency."),
        ),
        InvalidCountry { text } => (
            format!("„{text}“ ist kein zweistelliger ISO-Ländercode (z. B. DE)."),
            format!("“{text}” is not a two-letter ISO country code (e.g. DE)."),
        ),
        InvalidMonth { month } => (
            format!("Der Beginn des Geschäftsjahres ({month}) muss ein Monat von 1 bis 12 sein."),
            format!("The fiscal-year start ({month}) must be a month from 1 to 12."),
        ),
        AmountDecimals { decimals, min, max } => (
            format!("{decimals} Nachkommastellen sind nicht erlaubt (zwischen {min} und {max})."),
            format!("{decimals} decimals are not allowed (between {min} and {max})."),
        ),
        ChartTemplate { line } => (
            format!("Die Kontenrahmen-Vorlage ist in Zeile {line} fehlerhaft."),
            format!("The chart template is malformed in line {line}."),
        ),
        InvalidAccountNo { text } => (
            format!("„{text}“ ist keine gültige Kontonummer (1 bis 15 Buchstaben oder Ziffern)."),
            format!("“{text}” is not a valid account number (1 to 15 letters or digits)."),
        ),
        AccountExists { account } => (
            format!("Das Konto {account} gibt es schon."),
            format!("Account {account} already exists."),
        ),
        UnknownAccount { account } => (
            format!("Das Konto {account} gibt es nicht."),
            format!("Account {account} does not exist."),
        ),
        ParentNotFound { account, parent } => (
            format!("Das übergeordnete Konto {parent} von {account} gibt es nicht."),
            format!("Parent {parent} of account {account} does not exist."),
        ),
        ParentNotTitle { account, parent } => (
            format!("Das übergeordnete Konto {parent} von {account} ist kein Titelkonto."),
            format!("Parent {parent} of account {account} is not a title account."),
        ),
        ParentCycle { account } => (
            format!("Das Konto {account} kann nicht sich selbst übergeordnet sein."),
            format!("Account {account} cannot be its own ancestor."),
        ),
        AccountHasPostings { account } => (
            format!(
                "Auf dem Konto {account} wurde gebucht; Art, Typ und Währung sind deshalb fest."
            ),
            format!("Account {account} has postings, so its type, kind and currency are fixed."),
        ),
        AccountCurrencyIsLocal { account } => (
            format!("Konto {account}: die Hauswährung kann nicht seine Fremdwährung sein."),
            format!("Account {account}: the local currency cannot be its foreign currency."),
        ),
        TooManyAccounts { max } => (
            format!("Ein Kontenplan hat höchstens {max} Konten."),
            format!("A chart holds at most {max} accounts."),
        ),
        FiscalYearExists { year } => (
            format!("Das Geschäftsjahr {year} ist bereits eröffnet."),
            format!("Fiscal year {year} is already open."),
        ),
        FiscalYearNotNext { year, expected } => (
            format!(
                "Das Geschäftsjahr {year} kann nicht eröffnet werden; als nächstes kommt {expected}."
            ),
            format!("Fiscal year {year} cannot be opened; the next one is {expected}."),
        ),
        TooManyFiscalYears { max } => (
            format!("Es können höchstens {max} Geschäftsjahre eröffnet sein."),
            format!("At most {max} fiscal years can be open."),
        ),
        PeriodNotFound { period } => (
            format!(
                "Die Periode {}/{} gibt es nicht.",
                period.period, period.fiscal_year
            ),
            format!(
                "Period {}/{} does not exist.",
                period.period, period.fiscal_year
            ),
        ),
        PeriodLockedFinal { period } => (
            format!(
                "Die Periode {}/{} ist endgültig gesperrt.",
                period.period, period.fiscal_year
            ),
            format!(
                "Period {}/{} is locked for good.",
                period.period, period.fiscal_year
            ),
        ),
        NoPeriod { date } => (
            format!(
                "Für den {} gibt es keine eröffnete Buchungsperiode.",
                date.format("%d.%m.%Y")
            ),
            format!("No open posting period contains {date}."),
        ),
        PeriodLocked { date } => (
            format!(
                "Die Buchungsperiode des {} ist gesperrt.",
                date.format("%d.%m.%Y")
            ),
            format!("The posting period of {date} is locked."),
        ),
        PeriodClosing { date } => (
            format!(
                "Die Periode des {} ist im Abschluss; Buchen erfordert das Abschlussrecht.",
                date.format("%d.%m.%Y")
            ),
            format!("The period of {date} is in closing; posting needs the closing right."),
        ),
        PeriodClosedForSales { date, line } => (
            format!(
                "Die Periode des {} ist für Verkäufe gesperrt; Zeile {line} bucht auf ein Erlöskonto.",
                date.format("%d.%m.%Y")
            ),
            format!(
                "The period of {date} is closed for sales; line {line} posts to a revenue account."
            ),
        ),
        RateOutOfRange { currency, max } => (
            format!(
                "Der Kurs für {currency} muss größer als null und höchstens {} sein.",
                number(*max, Lang::De)
            ),
            format!(
                "The rate for {currency} must be greater than zero and at most {}.",
                number(*max, Lang::En)
            ),
        ),
        RateTooPrecise { currency, max } => (
            format!("Der Kurs für {currency} hat mehr als {max} Nachkommastellen."),
            format!("The rate for {currency} has more than {max} decimals."),
        ),
        RateForLocalCurrency { currency } => (
            format!("{currency} ist die Hauswährung und hat keinen Kurs."),
            format!("{currency} is the local currency; it has no rate."),
        ),
        RateMissing { currency, date } => (
            format!(
                "Für {currency} gibt es keinen Kurs am oder vor dem {}.",
                date.format("%d.%m.%Y")
            ),
            format!("There is no {currency} rate on or before {date}."),
        ),
        DeterminationAccountNotFound { key, account } => (
            format!(
                "Sachkontenfindung „{}“: Konto {account} gibt es nicht.",
                determination_name(*key, Lang::De)
            ),
            format!(
                "G/L determination “{}”: account {account} does not exist.",
                determination_name(*key, Lang::En)
            ),
        ),
        DeterminationAccountNotPostable { key, account } => (
            format!(
                "Sachkontenfindung „{}“: Konto {account} ist nicht bebuchbar oder inaktiv.",
                determination_name(*key, Lang::De)
            ),
            format!(
                "G/L determination “{}”: account {account} is not postable or inactive.",
                determination_name(*key, Lang::En)
            ),
        ),
        DeterminationMissing { key } => (
            format!(
                "In der Sachkontenfindung fehlt das Konto für „{}“.",
                determination_name(*key, Lang::De)
            ),
            format!(
                "G/L determination has no account for “{}”.",
                determination_name(*key, Lang::En)
            ),
        ),
        TooFewLines { count } => (
            format!("Eine Buchung braucht mindestens 2 Zeilen, diese hat {count}."),
            format!("An entry needs at least 2 lines; this one has {count}."),
        ),
        TooManyLines { count, max } => (
            format!("Eine Buchung hat höchstens {max} Zeilen, diese hat {count}."),
            format!("An entry has at most {max} lines; this one has {count}."),
        ),
        LineTwoSided { line } => (
            format!("Zeile {line} hat Soll und Haben zugleich."),
            format!("Line {line} has both a debit and a credit."),
        ),
        LineZero { line } => (
            format!("Zeile {line} hat keinen Betrag."),
            format!("Line {line} has no amount."),
        ),
        LineNegative { line } => (
            format!("Zeile {line} hat einen negativen Betrag."),
            format!("Line {line} has a negative amount."),
        ),
        AmountTooLarge { line, max } => (
            format!(
                "Zeile {line}: der Betrag ist größer als {}.",
                number(*max, Lang::De)
            ),
            format!(
                "Line {line}: the amount exceeds {}.",
                number(*max, Lang::En)
            ),
        ),
        TooManyDecimals { line, max } => (
            format!("Zeile {line}: der Betrag hat mehr als {max} Nachkommastellen."),
            format!("Line {line}: the amount has more than {max} decimals."),
        ),
        AccountMissing { line } => (
            format!("Zeile {line} hat kein Konto."),
            format!("Line {line} has no account."),
        ),
        AccountNotFound { line, account } => (
            format!("Zeile {line}: das Konto {account} gibt es nicht."),
            format!("Line {line}: account {account} does not exist."),
        ),
        AccountInactive { line, account } => (
            format!("Zeile {line}: das Konto {account} ist inaktiv."),
            format!("Line {line}: account {account} is inactive."),
        ),
        AccountNotPostable { line, account } => (
            format!("Zeile {line}: {account} ist ein Titelkonto und nicht bebuchbar."),
            format!("Line {line}: {account} is a title account and cannot be posted to."),
        ),
        CurrencyNotAllowed {
            line,
            account,
            currency,
        } => (
            format!("Zeile {line}: das Konto {account} nimmt keine Beträge in {currency} an."),
            format!("Line {line}: account {account} does not accept {currency}."),
        ),
        ForeignIsLocal { line, currency } => (
            format!(
                "Zeile {line}: {currency} ist die Hauswährung; bitte ohne Fremdwährungsbetrag erfassen."
            ),
            format!(
                "Line {line}: {currency} is the local currency; enter it without a foreign amount."
            ),
        ),
        Unbalanced { diff_lc, decimals } => (
            format!(
                "Die Buchung ist nicht ausgeglichen: Soll minus Haben = {} (Hauswährung).",
                amount(*diff_lc, *decimals, Lang::De)
            ),
            format!(
                "The entry does not balance: debit minus credit = {} (local currency).",
                amount(*diff_lc, *decimals, Lang::En)
            ),
        ),
        UnbalancedSc { diff_sc, decimals } => (
            format!(
                "Die Buchung ist in Systemwährung nicht ausgeglichen: Differenz {}.",
                amount(*diff_sc, *decimals, Lang::De)
            ),
            format!(
                "The entry does not balance in system currency: difference {}.",
                amount(*diff_sc, *decimals, Lang::En)
            ),
        ),
        InvalidTaxCode { code } => (
            format!(
                "„{code}“ ist kein gültiges Steuerkennzeichen (1 bis 12 Buchstaben, Ziffern, - oder _)."
            ),
            format!("“{code}” is not a valid tax code (1 to 12 letters, digits, - or _)."),
        ),
        TaxCodeExists { code } => (
            format!("Das Steuerkennzeichen {code} gibt es schon."),
            format!("Tax code {code} already exists."),
        ),
        TooManyTaxCodes { max } => (
            format!("Ein Mandant hat höchstens {max} Steuerkennzeichen."),
            format!("A company has at most {max} tax codes."),
        ),
        TaxCodeUnknown { line, code } => match line {
            Some(l) => (
                format!("Zeile {l}: das Steuerkennzeichen {code} gibt es nicht."),
                format!("Line {l}: tax code {code} does not exist."),
            ),
            None => (
                format!("Das Steuerkennzeichen {code} gibt es nicht."),
                format!("Tax code {code} does not exist."),
            ),
        },
        TaxCodeInactive { line, code } => (
            format!("Zeile {line}: das Steuerkennzeichen {code} ist inaktiv."),
            format!("Line {line}: tax code {code} is inactive."),
        ),
        TaxCodeName { code } => (
            format!(
                "Das Steuerkennzeichen {code} braucht eine Bezeichnung (höchstens 120 Zeichen)."
            ),
            format!("Tax code {code} needs a name (at most 120 characters)."),
        ),
        TaxCodeDirection { code } => (
            format!(
                "Steuerkennzeichen {code}: innergemeinschaftlicher Erwerb und §13b sind Vorsteuer-Kennzeichen (Einkauf)."
            ),
            format!(
                "Tax code {code}: intra-EU acquisition and reverse charge are input (purchase) codes."
            ),
        ),
        TaxRatesEmpty { code } => (
            format!("Das Steuerkennzeichen {code} hat keinen Steuersatz."),
            format!("Tax code {code} has no rate."),
        ),
        TaxRatesTooMany { code, max } => (
            format!("Das Steuerkennzeichen {code} hat mehr als {max} Steuersätze."),
            format!("Tax code {code} has more than {max} rates."),
        ),
        TaxRateInvalid { code, valid_from } => (
            format!(
                "Steuerkennzeichen {code}: der Satz ab {} muss zwischen 0 und 100 liegen (höchstens 4 Nachkommastellen) und nach dem vorigen beginnen.",
                valid_from.format("%d.%m.%Y")
            ),
            format!(
                "Tax code {code}: the rate from {valid_from} must be between 0 and 100 (at most 4 decimals) and start after the previous one."
            ),
        ),
        TaxRateMissing { code, date } => (
            format!(
                "Das Steuerkennzeichen {code} hat am {} keinen gültigen Steuersatz.",
                date.format("%d.%m.%Y")
            ),
            format!("Tax code {code} has no rate valid on {date}."),
        ),
        TaxAccountMissing { code, part } => match part {
            crate::ledger::tax::TaxPart::Output => (
                format!("Dem Steuerkennzeichen {code} fehlt das Umsatzsteuerkonto."),
                format!("Tax code {code} has no output-tax account."),
            ),
            crate::ledger::tax::TaxPart::Input => (
                format!("Dem Steuerkennzeichen {code} fehlt das Vorsteuerkonto."),
                format!("Tax code {code} has no input-tax account."),
            ),
        },
        TaxAccountInvalid { code, account } => (
            format!(
                "Steuerkennzeichen {code}: das Konto {account} gibt es nicht, ist nicht bebuchbar, inaktiv oder nicht in Hauswährung."
            ),
            format!(
                "Tax code {code}: account {account} does not exist, is not postable, inactive or not in local currency."
            ),
        ),
        InvalidKennzahl { code, kennzahl } => (
            format!(
                "Steuerkennzeichen {code}: die Kennzahl {kennzahl} liegt nicht zwischen 1 und 99."
            ),
            format!("Tax code {code}: Kennzahl {kennzahl} is not between 1 and 99."),
        ),
        GrossForeignCurrency { line } => (
            format!("Zeile {line}: Bruttoerfassung geht nur in Hauswährung."),
            format!("Line {line}: gross entry is only possible in local currency."),
        ),
        DimensionInvalid { dimension } => (
            format!("Die Dimension {dimension} liegt nicht zwischen 1 und 5."),
            format!("Dimension {dimension} is not between 1 and 5."),
        ),
        DimensionUndefined { line, dimension } => match line {
            Some(l) => (
                format!("Zeile {l}: die Dimension {dimension} ist nicht angelegt."),
                format!("Line {l}: dimension {dimension} is not defined."),
            ),
            None => (
                format!("Die Dimension {dimension} ist nicht angelegt."),
                format!("Dimension {dimension} is not defined."),
            ),
        },
        DimensionInactive { line, dimension } => (
            format!("Zeile {line}: die Dimension {dimension} ist inaktiv."),
            format!("Line {line}: dimension {dimension} is inactive."),
        ),
        InvalidCentreCode { dimension, code } => (
            format!(
                "„{code}“ ist kein gültiger Kostenstellen- oder Regelcode in Dimension {dimension}."
            ),
            format!("“{code}” is not a valid centre or rule code in dimension {dimension}."),
        ),
        CentreCodeTaken { dimension, code } => (
            format!("In Dimension {dimension} gibt es {code} schon."),
            format!("Dimension {dimension} already has {code}."),
        ),
        CentreUnknown {
            line,
            dimension,
            code,
        } => match line {
            Some(l) => (
                format!(
                    "Zeile {l}: in Dimension {dimension} gibt es keine Kostenstelle oder Regel „{code}“."
                ),
                format!("Line {l}: dimension {dimension} has no centre or rule “{code}”."),
            ),
            None => (
                format!("In Dimension {dimension} gibt es keine Kostenstelle oder Regel „{code}“."),
                format!("Dimension {dimension} has no centre or rule “{code}”."),
            ),
        },
        TooManyCentres { dimension, max } => (
            format!("Dimension {dimension} hat höchstens {max} Kostenstellen und Regeln."),
            format!("Dimension {dimension} holds at most {max} centres and rules."),
        ),
        CostingName { dimension, code } => (
            format!(
                "Dimension {dimension}: „{code}“ braucht eine Bezeichnung (höchstens 120 Zeichen)."
            ),
            format!("Dimension {dimension}: “{code}” needs a name (at most 120 characters)."),
        ),
        ValidityReversed { dimension, code } => (
            format!("Dimension {dimension} {code}: „gültig ab“ liegt nach „gültig bis“."),
            format!("Dimension {dimension} {code}: valid-from is after valid-to."),
        ),
        RuleShareCount { rule, max } => (
            format!("Die Verteilungsregel {rule} braucht 1 bis {max} Kostenstellen."),
            format!("Distribution rule {rule} needs 1 to {max} centres."),
        ),
        RuleCentreTwice { rule, centre } => (
            format!("Die Verteilungsregel {rule} nennt die Kostenstelle {centre} zweimal."),
            format!("Distribution rule {rule} names centre {centre} twice."),
        ),
        RuleShareInvalid { rule, centre } => (
            format!(
                "Verteilungsregel {rule}: der Wert für {centre} muss positiv sein (höchstens 6 Nachkommastellen)."
            ),
            format!(
                "Distribution rule {rule}: the value for {centre} must be positive (at most 6 decimals)."
            ),
        ),
        DistributionNotHundred { rule, sum } => (
            format!(
                "Verteilungsregel {rule}: die Prozente ergeben {}, nicht 100.",
                number(*sum, Lang::De)
            ),
            format!(
                "Distribution rule {rule}: the percentages add up to {}, not 100.",
                number(*sum, Lang::En)
            ),
        ),
        CentreNotUsable {
            line,
            dimension,
            code,
            date,
        } => (
            format!(
                "Zeile {line}: {code} (Dimension {dimension}) ist am {} inaktiv oder nicht gültig.",
                date.format("%d.%m.%Y")
            ),
            format!(
                "Line {line}: {code} (dimension {dimension}) is inactive or not valid on {date}."
            ),
        ),
        CentreRequired { line, account } => (
            format!("Zeile {line}: das Konto {account} verlangt eine Kostenstelle in Dimension 1."),
            format!("Line {line}: account {account} requires a cost centre in dimension 1."),
        ),
        TooManyRequiredAccounts { max } => (
            format!("Die Kostenstellenpflicht kann höchstens {max} Konten nennen."),
            format!("The centre requirement names at most {max} accounts."),
        ),
        SharesMismatch { line, dimension } => (
            format!(
                "Zeile {line}: die Anteile in Dimension {dimension} ergeben nicht den Zeilenbetrag."
            ),
            format!("Line {line}: the shares in dimension {dimension} do not add up to the line."),
        ),
        TaxLineMisplaced { line } => (
            format!("Zeile {line}: eine erzeugte Steuerzeile muss ihrer Basiszeile folgen."),
            format!("Line {line}: a generated tax line must follow its base line."),
        ),
        EntryNotFound { entry } => (
            format!("Die Buchung {} gibt es nicht.", entry.0),
            format!("Entry {} does not exist.", entry.0),
        ),
        AlreadyReversed { entry, by } => (
            format!(
                "Die Buchung {} wurde bereits durch {} storniert.",
                entry.0, by.0
            ),
            format!("Entry {} was already reversed by {}.", entry.0, by.0),
        ),
        ReversalOfReversal { entry } => (
            format!(
                "Die Buchung {} ist selbst ein Storno und kann nicht storniert werden.",
                entry.0
            ),
            format!(
                "Entry {} is itself a reversal and cannot be reversed.",
                entry.0
            ),
        ),
        VoucherEmpty => (
            "Der Buchungsstapel enthält keine Buchungen.".into(),
            "The voucher has no entries.".into(),
        ),
        VoucherTooLarge { count, max } => (
            format!("Ein Buchungsstapel hat höchstens {max} Buchungen, dieser {count}."),
            format!("A voucher holds at most {max} entries; this one has {count}."),
        ),
        VoucherEntry { index, error } => (
            format!(
                "Buchung {} des Stapels: {}",
                index + 1,
                domain_error(error, Lang::De)
            ),
            format!(
                "Entry {} of the voucher: {}",
                index + 1,
                domain_error(error, Lang::En)
            ),
        ),
        EntryIdMismatch { expected, found } => (
            format!(
                "Journal beschädigt: Buchungs-Id {} statt {}.",
                found.0, expected.0
            ),
            format!(
                "Log damaged: entry id {} instead of {}.",
                found.0, expected.0
            ),
        ),
        EntryNumberMismatch {
            fiscal_year,
            expected,
            found,
        } => (
            format!(
                "Journal beschädigt: Buchungsnummer {found} statt {expected} im Geschäftsjahr {fiscal_year}."
            ),
            format!(
                "Log damaged: entry number {found} instead of {expected} in fiscal year {fiscal_year}."
            ),
        ),
        EntryNumbersExhausted { fiscal_year, max } => (
            format!("Im Geschäftsjahr {fiscal_year} sind alle {max} Buchungsnummern vergeben."),
            format!("Fiscal year {fiscal_year} has used all {max} entry numbers."),
        ),
    };
    pick(lang, de, en)
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
        Aborted => ("Der Speichervorgang wurde abgebrochen; es wurde nichts gespeichert.".into(), "The write was aborted; nothing was saved.".into()),
        Unexpected { detail } => (format!("Unerwarteter Speicherfehler: {detail}"), format!("Unexpected storage error: {detail}")),
    };
    pick(lang, de, en)
}

/// The line field of an error that points at a line (0-based, as the
/// engine counts), so one list serves both marking and numbering.
fn line_mut(e: &mut DomainError) -> Option<&mut usize> {
    use DomainError::*;
    match e {
        LineTwoSided { line }
        | LineZero { line }
        | LineNegative { line }
        | AmountTooLarge { line, .. }
        | TooManyDecimals { line, .. }
        | AccountMissing { line }
        | AccountNotFound { line, .. }
        | AccountInactive { line, .. }
        | AccountNotPostable { line, .. }
        | CurrencyNotAllowed { line, .. }
        | ForeignIsLocal { line, .. }
        | TaxCodeInactive { line, .. }
        | GrossForeignCurrency { line }
        | DimensionInactive { line, .. }
        | CentreNotUsable { line, .. }
        | CentreRequired { line, .. }
        | SharesMismatch { line, .. }
        | TaxLineMisplaced { line }
        | TaxCodeUnknown {
            line: Some(line), ..
        }
        | DimensionUndefined {
            line: Some(line), ..
        }
        | CentreUnknown {
            line: Some(line), ..
        }
        | PeriodClosedForSales { line, .. } => Some(line),
        Empty { field } | TextTooLong { field, .. } => match field {
            Field::LineMemo { line } | Field::TaxCode { line } | Field::Dimension { line, .. } => {
                Some(line)
            }
            _ => None,
        },
        _ => None,
    }
}

/// `e` with its line number counted from 1, for people.
fn one_based(e: &DomainError) -> DomainError {
    let mut e = e.clone();
    if let Some(line) = line_mut(&mut e) {
        *line += 1;
    }
    e
}

/// The 0-based line a domain error points at, so the grid can mark it.
pub fn error_line(e: &DomainError) -> Option<usize> {
    line_mut(&mut e.clone()).copied()
}

/// `e` with its line, if it has one, mapped by `to_row`: the engine counts
/// the draft's lines, the grid numbers its rows (blank rows are left out
/// of the draft), and the message must name the row the user sees.
pub fn map_line(e: &DomainError, to_row: impl Fn(usize) -> usize) -> DomainError {
    let mut e = e.clone();
    if let Some(line) = line_mut(&mut e) {
        *line = to_row(*line);
    }
    e
}

/// A plausibility warning as one German and one English sentence; its
/// line is 0-based (map it to the grid row first).
pub fn entry_warning(w: &EntryWarning, lang: Lang) -> String {
    let (de, en) = match w {
        EntryWarning::InputTaxOnRevenue {
            line,
            code,
            account,
        } => (
            format!(
                "Zeile {}: {code} ist ein Vorsteuerkennzeichen, Konto {account} aber ein Erlöskonto. Gemeint ist meist ein Umsatzsteuerkennzeichen (U…).",
                line + 1
            ),
            format!(
                "Line {}: {code} is an input-tax code, but account {account} is a revenue account. An output-tax code (U…) is usually meant.",
                line + 1
            ),
        ),
        EntryWarning::OutputTaxOnExpense {
            line,
            code,
            account,
        } => (
            format!(
                "Zeile {}: {code} ist ein Umsatzsteuerkennzeichen, Konto {account} aber ein Aufwandskonto. Gemeint ist meist ein Vorsteuerkennzeichen (V…).",
                line + 1
            ),
            format!(
                "Line {}: {code} is an output-tax code, but account {account} is an expense account. An input-tax code (V…) is usually meant.",
                line + 1
            ),
        ),
        EntryWarning::ClosingPeriod { date } => (
            format!(
                "Die Periode des {} ist im Abschluss: dort nur Abschlussbuchungen, mit dem Abschlussrecht (das jeder hat, solange es keine Benutzer gibt).",
                date.format("%d.%m.%Y")
            ),
            format!(
                "The period of {date} is in closing: closing entries only, with the closing right (which everyone holds until there are users)."
            ),
        ),
    };
    pick(lang, de, en)
}

/// `w` with its line mapped by `to_row` (see `map_line`).
pub fn map_warning_line(w: &EntryWarning, to_row: impl Fn(usize) -> usize) -> EntryWarning {
    let mut w = w.clone();
    match &mut w {
        EntryWarning::InputTaxOnRevenue { line, .. }
        | EntryWarning::OutputTaxOnExpense { line, .. } => *line = to_row(*line),
        EntryWarning::ClosingPeriod { .. } => {}
    }
    w
}
