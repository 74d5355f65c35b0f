//! The tables of the GoBD export (Tabellen der Datenträgerüberlassung):
//! what each holds, its columns with their GDPdU types, and the writer of
//! their CSV rows (UTF-8, `;` between fields, CRLF, text in double quotes
//! with inner quotes doubled, decimal comma without digit grouping, dates
//! `DD.MM.YYYY`, a header line that `index.xml` skips with `Range From 2`).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::fmt::Write;

use crate::formats::amount::{NumberStyle, format_amount_ungrouped};

/// The tables of an export, in the order `index.xml` lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// Buchungsjournal: one row per posted line of the range's entries.
    Journal,
    /// Kontenplan: every account of the chart.
    Accounts,
    /// Geschäftspartner (Debitoren und Kreditoren).
    Partners,
    /// Steuerschlüssel: one row per tax code and rate.
    TaxCodes,
    /// Kostenstellen of every dimension.
    CostCentres,
    /// Offene Posten at the end of the range.
    OpenItems,
    /// Hash-Kette: log positions and hashes of the range's first and last
    /// posting and the log's head.
    Chain,
}

impl TableKind {
    pub const ALL: [TableKind; 7] = [
        TableKind::Journal,
        TableKind::Accounts,
        TableKind::Partners,
        TableKind::TaxCodes,
        TableKind::CostCentres,
        TableKind::OpenItems,
        TableKind::Chain,
    ];

    /// The file name inside the ZIP.
    pub fn file(self) -> &'static str {
        match self {
            TableKind::Journal => "buchungsjournal.csv",
            TableKind::Accounts => "konten.csv",
            TableKind::Partners => "geschaeftspartner.csv",
            TableKind::TaxCodes => "steuerschluessel.csv",
            TableKind::CostCentres => "kostenstellen.csv",
            TableKind::OpenItems => "offene_posten.csv",
            TableKind::Chain => "hashkette.csv",
        }
    }

    /// The table's name in `index.xml` (the auditor's tool shows it).
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Journal => "Buchungsjournal",
            TableKind::Accounts => "Konten",
            TableKind::Partners => "Geschaeftspartner",
            TableKind::TaxCodes => "Steuerschluessel",
            TableKind::CostCentres => "Kostenstellen",
            TableKind::OpenItems => "OffenePosten",
            TableKind::Chain => "Hashkette",
        }
    }

    /// The German description written into `index.xml`.
    pub fn description(self) -> &'static str {
        match self {
            TableKind::Journal => {
                "Alle Buchungszeilen der im Zeitraum gebuchten Buchungen (Buchungsdatum im Zeitraum), Stornos eingeschlossen; Betrag in Hauswährung, Soll/Haben-Kennzeichen und vorzeichenbehafteter Betrag (Soll positiv), je Buchung Summe null"
            }
            TableKind::Accounts => {
                "Kontenplan: alle Konten mit Bezeichnung, Kontoart und Sammelkonto-Kennzeichen"
            }
            TableKind::Partners => {
                "Debitoren und Kreditoren mit Anschrift, USt-IdNr., Steuernummer und Sammelkonto"
            }
            TableKind::TaxCodes => {
                "Steuerschlüssel mit Steuersatz je Gültigkeitsbeginn, Steuerkonten und UStVA-Kennzahlen"
            }
            TableKind::CostCentres => "Kostenstellen und Profitcenter je Kostenrechnungsdimension",
            TableKind::OpenItems => {
                "Offene Posten zum Ende des Zeitraums (bis dahin gebucht, offener Betrag nach den bis dahin datierten Ausgleichen)"
            }
            TableKind::Chain => {
                "Hash-Kette des unveränderlichen Buchungsprotokolls: Position und SHA-256 des ersten und letzten Protokollsatzes mit einer Buchung des Zeitraums sowie der Kopf des Protokolls bei der Ausgabe; Hash = SHA-256(vorheriger Hash als 32 Bytes || Satz), siehe docs/log-format.md"
            }
        }
    }
}

/// A column's GDPdU data type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// `AlphaNumeric`: text in double quotes.
    Text,
    /// `Numeric` with `Accuracy` (decimal places; 0 writes no element).
    Numeric(u32),
    /// `Date` with `Format` DD.MM.YYYY.
    Date,
}

/// One column of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: ColumnType,
}

const fn col(name: &'static str, description: &'static str, kind: ColumnType) -> Column {
    Column {
        name,
        description,
        kind,
    }
}

/// A reference from columns of one table to the primary key of another:
/// pairs of (this table's column, the referenced table's key column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignKey {
    pub columns: Vec<(&'static str, &'static str)>,
    pub references: TableKind,
}

/// The layout of a table: its columns, how many of the first are the
/// primary key, and its foreign keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableSpec {
    pub kind: TableKind,
    pub columns: Vec<Column>,
    pub primary_key: usize,
    pub foreign_keys: Vec<ForeignKey>,
}

use ColumnType::{Date, Numeric, Text};

/// The accuracies that depend on the books: LC decimals, the most
/// decimals of any FC amount, of any tax rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accuracy {
    pub lc: u32,
    pub fc: u32,
    pub percent: u32,
}

/// The dimensions' cost-centre columns of the journal.
pub const CENTRE_COLUMNS: [&str; 5] = ["KST1", "KST2", "KST3", "KST4", "KST5"];
const _: () = assert!(CENTRE_COLUMNS.len() == crate::ledger::types::limits::DIMENSIONS);

pub fn spec(kind: TableKind, acc: Accuracy) -> TableSpec {
    let fk = |columns: &[(&'static str, &'static str)], references| ForeignKey {
        columns: columns.to_vec(),
        references,
    };
    let (columns, primary_key, foreign_keys) = match kind {
        TableKind::Journal => (
            vec![
                col(
                    "BuchungsID",
                    "Laufende Nummer der Buchung über die Lebenszeit der Firma (lückenlos)",
                    Numeric(0),
                ),
                col("Zeile", "Zeile der Buchung, ab 1", Numeric(0)),
                col("Geschaeftsjahr", "Geschäftsjahr der Buchung", Numeric(0)),
                col(
                    "Buchungsnummer",
                    "Buchungsnummer, lückenlos je Geschäftsjahr",
                    Numeric(0),
                ),
                col("Buchungsdatum", "Buchungsdatum", Date),
                col("Belegdatum", "Belegdatum", Date),
                col("Belegfeld", "Belegnummer/Referenz", Text),
                col("Buchungstext", "Buchungstext der Buchung", Text),
                col("Zeilentext", "Text der Zeile", Text),
                col("Konto", "Sachkonto", Text),
                col("SollHaben", "S = Soll, H = Haben", Text),
                col(
                    "Betrag",
                    "Betrag in Hauswährung, nie negativ",
                    Numeric(acc.lc),
                ),
                col(
                    "BetragVorzeichen",
                    "Betrag in Hauswährung, Soll positiv, Haben negativ",
                    Numeric(acc.lc),
                ),
                col("Hauswaehrung", "ISO-Code der Hauswährung", Text),
                col(
                    "FWBetrag",
                    "Betrag in Fremdwährung (leer ohne Fremdwährung)",
                    Numeric(acc.fc),
                ),
                col("FWWaehrung", "ISO-Code der Fremdwährung", Text),
                col("Steuerschluessel", "Steuerschlüssel der Zeile", Text),
                col(
                    "Steuerzeile",
                    "U = erzeugte Umsatzsteuer-, V = Vorsteuerzeile",
                    Text,
                ),
                col(
                    "Geschaeftspartner",
                    "Debitor/Kreditor einer Sammelkontozeile",
                    Text,
                ),
                col(
                    "Faelligkeit",
                    "Fälligkeit der Partnerzeile, wenn abweichend eingegeben",
                    Date,
                ),
                col(CENTRE_COLUMNS[0], "Kostenstelle Dimension 1", Text),
                col(CENTRE_COLUMNS[1], "Kostenstelle Dimension 2", Text),
                col(CENTRE_COLUMNS[2], "Kostenstelle Dimension 3", Text),
                col(CENTRE_COLUMNS[3], "Kostenstelle Dimension 4", Text),
                col(CENTRE_COLUMNS[4], "Kostenstelle Dimension 5", Text),
                col(
                    "StornoVon",
                    "Bei einem Storno: BuchungsID der stornierten Buchung",
                    Numeric(0),
                ),
                col("Benutzer", "Erfasser", Text),
                col(
                    "Protokollposition",
                    "Position des Protokollsatzes der Buchung in der Hash-Kette",
                    Numeric(0),
                ),
            ],
            2,
            vec![
                fk(&[("Konto", "Konto")], TableKind::Accounts),
                fk(
                    &[("Geschaeftspartner", "Geschaeftspartner")],
                    TableKind::Partners,
                ),
            ],
        ),
        TableKind::Accounts => (
            vec![
                col("Konto", "Kontonummer", Text),
                col("Bezeichnung", "Bezeichnung deutsch", Text),
                col("BezeichnungEN", "Bezeichnung englisch", Text),
                col(
                    "Kontoart",
                    "Aktiv, Passiv, Eigenkapital, Ertrag, Aufwand",
                    Text,
                ),
                col("Bebuchbar", "J = bebuchbar, N = Titelkonto", Text),
                col("Oberkonto", "Titelkonto, unter dem das Konto steht", Text),
                col(
                    "Sammelkonto",
                    "J = Sammelkonto für Debitoren oder Kreditoren",
                    Text,
                ),
                col(
                    "Waehrung",
                    "Kontowährung: Hauswährung, alle oder ein ISO-Code",
                    Text,
                ),
                col("Aktiv", "J = aktiv, N = gesperrt", Text),
            ],
            1,
            vec![],
        ),
        TableKind::Partners => (
            vec![
                col("Geschaeftspartner", "Partnernummer (Personenkonto)", Text),
                col("Art", "D = Debitor (Kunde), K = Kreditor (Lieferant)", Text),
                col("Name", "Name", Text),
                col("Gruppe", "Gruppe", Text),
                col("Strasse", "Straße", Text),
                col("Hausnummer", "Hausnummer", Text),
                col("PLZ", "Postleitzahl", Text),
                col("Ort", "Ort", Text),
                col("Land", "Land (ISO 3166-1)", Text),
                col("UStIdNr", "Umsatzsteuer-Identifikationsnummer", Text),
                col("Steuernummer", "Steuernummer", Text),
                col(
                    "Sammelkonto",
                    "Sammelkonto (Forderungen/Verbindlichkeiten)",
                    Text,
                ),
                col("Zahlungsbedingung", "Schlüssel der Zahlungsbedingung", Text),
                col("Aktiv", "J = aktiv, N = inaktiv", Text),
            ],
            1,
            vec![fk(&[("Sammelkonto", "Konto")], TableKind::Accounts)],
        ),
        TableKind::TaxCodes => (
            vec![
                col("Steuerschluessel", "Steuerschlüssel", Text),
                col(
                    "Satznummer",
                    "Laufende Nummer des Steuersatzes (1 = ältester)",
                    Numeric(0),
                ),
                col(
                    "GueltigAb",
                    "Steuersatz gültig ab (leer: steuerfrei, kein Satz)",
                    Date,
                ),
                col("Prozent", "Steuersatz in Prozent", Numeric(acc.percent)),
                col("Bezeichnung", "Bezeichnung deutsch", Text),
                col("BezeichnungEN", "Bezeichnung englisch", Text),
                col(
                    "Art",
                    "Regelsatz, ermäßigt, steuerfrei, ig. Lieferung, ig. Erwerb, § 13b",
                    Text,
                ),
                col("Richtung", "U = Umsatzsteuer, V = Vorsteuer", Text),
                col("Umsatzsteuerkonto", "Konto der Umsatzsteuer", Text),
                col("Vorsteuerkonto", "Konto der Vorsteuer", Text),
                col(
                    "KzBemessung",
                    "UStVA-Kennzahl der Bemessungsgrundlage",
                    Text,
                ),
                col("KzUmsatzsteuer", "UStVA-Kennzahl der Umsatzsteuer", Text),
                col("KzVorsteuer", "UStVA-Kennzahl der Vorsteuer", Text),
                col("Aktiv", "J = aktiv, N = inaktiv", Text),
            ],
            2,
            vec![],
        ),
        TableKind::CostCentres => (
            vec![
                col("Dimension", "Kostenrechnungsdimension 1 bis 5", Numeric(0)),
                col("Kostenstelle", "Schlüssel der Kostenstelle", Text),
                col("DimensionName", "Bezeichnung der Dimension", Text),
                col("Bezeichnung", "Bezeichnung deutsch", Text),
                col("BezeichnungEN", "Bezeichnung englisch", Text),
                col("GueltigAb", "Gültig ab", Date),
                col("GueltigBis", "Gültig bis", Date),
                col("Aktiv", "J = aktiv, N = inaktiv", Text),
            ],
            2,
            vec![],
        ),
        TableKind::OpenItems => (
            vec![
                col("BuchungsID", "Buchung des Postens", Numeric(0)),
                col("Zeile", "Zeile der Buchung, ab 1", Numeric(0)),
                col("Rate", "Rate der Zahlungsbedingung, ab 1", Numeric(0)),
                col("Geschaeftspartner", "Debitor/Kreditor", Text),
                col("Konto", "Sammelkonto", Text),
                col(
                    "SollHaben",
                    "S = der Partner schuldet, H = die Firma schuldet",
                    Text,
                ),
                col("Buchungsdatum", "Buchungsdatum", Date),
                col("Belegdatum", "Belegdatum", Date),
                col("Faelligkeit", "Nettofälligkeit", Date),
                col(
                    "Betrag",
                    "Ursprünglicher Betrag in Hauswährung",
                    Numeric(acc.lc),
                ),
                col(
                    "Offen",
                    "Zum Ende des Zeitraums offener Betrag in Hauswährung",
                    Numeric(acc.lc),
                ),
                col(
                    "OffenVorzeichen",
                    "Offener Betrag, Soll positiv",
                    Numeric(acc.lc),
                ),
                col("FWWaehrung", "Fremdwährung", Text),
                col(
                    "FWBetrag",
                    "Ursprünglicher Betrag in Fremdwährung",
                    Numeric(acc.fc),
                ),
                col("FWOffen", "Offener Betrag in Fremdwährung", Numeric(acc.fc)),
            ],
            3,
            vec![
                fk(
                    &[("Geschaeftspartner", "Geschaeftspartner")],
                    TableKind::Partners,
                ),
                fk(&[("Konto", "Konto")], TableKind::Accounts),
            ],
        ),
        TableKind::Chain => (
            vec![
                col(
                    "Satz",
                    "ERSTER / LETZTER Protokollsatz mit einer Buchung des Zeitraums, KOPF = letzter Satz des Protokolls bei der Ausgabe",
                    Text,
                ),
                col(
                    "Protokollposition",
                    "Laufende Nummer des Satzes im Protokoll (ab 1, lückenlos)",
                    Numeric(0),
                ),
                col("Hash", "SHA-256 des Satzes (hex)", Text),
                col(
                    "VorherigerHash",
                    "SHA-256 des vorherigen Satzes (hex; 64 Nullen vor dem ersten)",
                    Text,
                ),
                col(
                    "BuchungsID",
                    "Buchung des Satzes (leer, wenn der Satz keine Buchung ist)",
                    Numeric(0),
                ),
                col("Buchungsdatum", "Buchungsdatum der Buchung", Date),
                col(
                    "AnzahlBuchungen",
                    "Buchungen des Zeitraums (Zeile ERSTER/LETZTER) bzw. aller Buchungen (KOPF)",
                    Numeric(0),
                ),
            ],
            1,
            vec![],
        ),
    };
    TableSpec {
        kind,
        columns,
        primary_key,
        foreign_keys,
    }
}

/// One field of a row, typed as its column.
pub enum Field<'a> {
    Text(&'a str),
    Int(u64),
    Amount(Decimal, u32),
    Date(NaiveDate),
    Empty,
}

/// The CSV text of one table, built row by row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvTable {
    pub text: String,
    /// Data rows, without the header line.
    pub rows: usize,
}

impl CsvTable {
    pub fn new(spec: &TableSpec) -> CsvTable {
        let mut table = CsvTable::default();
        for (i, c) in spec.columns.iter().enumerate() {
            if i > 0 {
                table.text.push(';');
            }
            quote(&mut table.text, c.name);
        }
        table.text.push_str("\r\n");
        table
    }

    pub fn row(&mut self, fields: &[Field<'_>]) {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.text.push(';');
            }
            match f {
                Field::Text(t) => quote(&mut self.text, t),
                // `write!` into a String cannot fail.
                Field::Int(n) => {
                    let _ = write!(self.text, "{n}");
                }
                Field::Amount(a, dp) => {
                    self.text
                        .push_str(&format_amount_ungrouped(*a, *dp, NumberStyle::German))
                }
                Field::Date(d) => {
                    let _ = write!(self.text, "{}", d.format("%d.%m.%Y"));
                }
                Field::Empty => {}
            }
        }
        self.text.push_str("\r\n");
        self.rows += 1;
    }
}

/// Text in double quotes, inner quotes doubled (the `TextEncapsulator`).
fn quote(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

/// J/N as auditors' tables write booleans.
pub fn yes_no(b: bool) -> &'static str {
    if b { "J" } else { "N" }
}
