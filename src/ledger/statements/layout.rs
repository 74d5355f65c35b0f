//! The structure of the balance sheet (§ 266 HGB, small companies) and
//! the profit and loss account (§ 275 (2) HGB, total-cost format), and the
//! mapping of each chart template's account ranges to its lines.
//!
//! Keys: the balance sheet's assets side is "A" (Aktiva), its letters and
//! Roman numerals follow ("A.B.IV" = Aktiva B. IV. Kassenbestand …), the
//! equity-and-liabilities side is "P" (Passiva, "P.A.V" = Jahresüberschuss);
//! the P&L's lines are "GuV.1" … "GuV.17" after § 275 (2).

use crate::ledger::gl::{AccountType, ChartTemplate};
use crate::ledger::types::AccountNo;
use std::sync::OnceLock;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Statement {
    BalanceSheet,
    ProfitAndLoss,
}

impl Statement {
    /// Which statement an account of type `t` is reported in.
    pub fn of(t: AccountType) -> Statement {
        if t.is_profit_and_loss() {
            Statement::ProfitAndLoss
        } else {
            Statement::BalanceSheet
        }
    }
}

/// One line of a statement: a key such as "A.A.II" or "GuV.5", its parent,
/// and its labels. `mappable`: accounts may stand on it (a leaf that is
/// not a computed subtotal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutLine {
    pub statement: Statement,
    pub key: &'static str,
    pub parent: Option<&'static str>,
    /// The outline number as printed ("A.", "II.", "5.").
    pub label: &'static str,
    pub de: &'static str,
    pub en: &'static str,
    pub mappable: bool,
}

/// Key of the assets side (its total is "Summe Aktiva").
pub const ASSETS: &str = "A";
/// Key of the equity-and-liabilities side.
pub const EQUITY_AND_LIABILITIES: &str = "P";
/// Gewinnvortrag/Verlustvortrag: earlier years' result not yet closed.
pub const CARRIED_FORWARD: &str = "P.A.IV";
/// Jahresüberschuss/Jahresfehlbetrag on the balance sheet.
pub const BS_RESULT: &str = "P.A.V";
/// Ergebnis nach Steuern (a subtotal of the P&L).
pub const PL_AFTER_TAX: &str = "GuV.15";
/// Jahresüberschuss/Jahresfehlbetrag of the P&L.
pub const PL_RESULT: &str = "GuV.17";

const fn bs(
    key: &'static str,
    parent: Option<&'static str>,
    label: &'static str,
    de: &'static str,
    en: &'static str,
    mappable: bool,
) -> LayoutLine {
    LayoutLine {
        statement: Statement::BalanceSheet,
        key,
        parent,
        label,
        de,
        en,
        mappable,
    }
}

const fn pl(
    key: &'static str,
    label: &'static str,
    de: &'static str,
    en: &'static str,
    mappable: bool,
) -> LayoutLine {
    LayoutLine {
        statement: Statement::ProfitAndLoss,
        key,
        parent: None,
        label,
        de,
        en,
        mappable,
    }
}

/// Every line in print order (parents before their children).
pub static LINES: &[LayoutLine] = &[
    bs("A", None, "", "Aktiva", "Assets", false),
    bs(
        "A.A",
        Some("A"),
        "A.",
        "Anlagevermögen",
        "Fixed assets",
        false,
    ),
    bs(
        "A.A.I",
        Some("A.A"),
        "I.",
        "Immaterielle Vermögensgegenstände",
        "Intangible assets",
        true,
    ),
    bs(
        "A.A.II",
        Some("A.A"),
        "II.",
        "Sachanlagen",
        "Tangible assets",
        true,
    ),
    bs(
        "A.A.III",
        Some("A.A"),
        "III.",
        "Finanzanlagen",
        "Financial assets",
        true,
    ),
    bs(
        "A.B",
        Some("A"),
        "B.",
        "Umlaufvermögen",
        "Current assets",
        false,
    ),
    bs("A.B.I", Some("A.B"), "I.", "Vorräte", "Inventories", true),
    bs(
        "A.B.II",
        Some("A.B"),
        "II.",
        "Forderungen und sonstige Vermögensgegenstände",
        "Receivables and other assets",
        true,
    ),
    bs(
        "A.B.III",
        Some("A.B"),
        "III.",
        "Wertpapiere",
        "Securities",
        true,
    ),
    bs(
        "A.B.IV",
        Some("A.B"),
        "IV.",
        "Kassenbestand, Guthaben bei Kreditinstituten und Schecks",
        "Cash-in-hand, bank balances and cheques",
        true,
    ),
    bs(
        "A.C",
        Some("A"),
        "C.",
        "Rechnungsabgrenzungsposten",
        "Prepaid expenses",
        true,
    ),
    bs("P", None, "", "Passiva", "Equity and liabilities", false),
    bs("P.A", Some("P"), "A.", "Eigenkapital", "Equity", false),
    bs(
        "P.A.I",
        Some("P.A"),
        "I.",
        "Gezeichnetes Kapital",
        "Subscribed capital",
        true,
    ),
    bs(
        "P.A.II",
        Some("P.A"),
        "II.",
        "Kapitalrücklage",
        "Capital reserves",
        true,
    ),
    bs(
        "P.A.III",
        Some("P.A"),
        "III.",
        "Gewinnrücklagen",
        "Revenue reserves",
        true,
    ),
    bs(
        "P.A.IV",
        Some("P.A"),
        "IV.",
        "Gewinnvortrag/Verlustvortrag",
        "Retained profits/accumulated losses brought forward",
        true,
    ),
    bs(
        "P.A.V",
        Some("P.A"),
        "V.",
        "Jahresüberschuss/Jahresfehlbetrag",
        "Net income/net loss for the year",
        true,
    ),
    bs("P.B", Some("P"), "B.", "Rückstellungen", "Provisions", true),
    bs(
        "P.C",
        Some("P"),
        "C.",
        "Verbindlichkeiten",
        "Liabilities",
        true,
    ),
    bs(
        "P.D",
        Some("P"),
        "D.",
        "Rechnungsabgrenzungsposten",
        "Deferred income",
        true,
    ),
    pl("GuV.1", "1.", "Umsatzerlöse", "Revenue", true),
    pl(
        "GuV.2",
        "2.",
        "Erhöhung oder Verminderung des Bestands an fertigen und unfertigen Erzeugnissen",
        "Increase or decrease in finished goods and work in progress",
        true,
    ),
    pl(
        "GuV.3",
        "3.",
        "Andere aktivierte Eigenleistungen",
        "Other own work capitalised",
        true,
    ),
    pl(
        "GuV.4",
        "4.",
        "Sonstige betriebliche Erträge",
        "Other operating income",
        true,
    ),
    pl("GuV.5", "5.", "Materialaufwand", "Cost of materials", true),
    pl("GuV.6", "6.", "Personalaufwand", "Personnel expenses", true),
    pl(
        "GuV.7",
        "7.",
        "Abschreibungen",
        "Amortisation, depreciation and write-downs",
        true,
    ),
    pl(
        "GuV.8",
        "8.",
        "Sonstige betriebliche Aufwendungen",
        "Other operating expenses",
        true,
    ),
    pl(
        "GuV.9",
        "9.",
        "Erträge aus Beteiligungen",
        "Income from equity investments",
        true,
    ),
    pl(
        "GuV.10",
        "10.",
        "Erträge aus anderen Wertpapieren und Ausleihungen des Finanzanlagevermögens",
        "Income from other securities and long-term loans",
        true,
    ),
    pl(
        "GuV.11",
        "11.",
        "Sonstige Zinsen und ähnliche Erträge",
        "Other interest and similar income",
        true,
    ),
    pl(
        "GuV.12",
        "12.",
        "Abschreibungen auf Finanzanlagen und auf Wertpapiere des Umlaufvermögens",
        "Write-downs of financial assets and current securities",
        true,
    ),
    pl(
        "GuV.13",
        "13.",
        "Zinsen und ähnliche Aufwendungen",
        "Interest and similar expenses",
        true,
    ),
    pl(
        "GuV.14",
        "14.",
        "Steuern vom Einkommen und vom Ertrag",
        "Taxes on income",
        true,
    ),
    pl(
        "GuV.15",
        "15.",
        "Ergebnis nach Steuern",
        "Result after taxes",
        false,
    ),
    pl("GuV.16", "16.", "Sonstige Steuern", "Other taxes", true),
    pl(
        "GuV.17",
        "17.",
        "Jahresüberschuss/Jahresfehlbetrag",
        "Net income/net loss for the year",
        false,
    ),
];

/// The line of `key`.
pub fn line(key: &str) -> Option<&'static LayoutLine> {
    LINES.iter().find(|l| l.key == key)
}

/// The lines of one statement in print order.
pub fn lines_of(statement: Statement) -> impl Iterator<Item = &'static LayoutLine> {
    LINES.iter().filter(move |l| l.statement == statement)
}

/// The line an account of type `t` stands on when no range covers it.
pub fn default_line(t: AccountType) -> &'static str {
    match t {
        AccountType::Asset => "A.B.II",
        AccountType::Liability => "P.C",
        AccountType::Equity => "P.A.I",
        AccountType::Revenue => "GuV.4",
        AccountType::Expense => "GuV.8",
    }
}

/// One range of a chart's mapping: `from..=to` (same length) → `line`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    pub from: String,
    pub to: String,
    pub line: &'static str,
}

/// A chart template's account ranges, parsed once from its data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartMapping {
    pub ranges: Vec<Range>,
}

impl ChartMapping {
    /// The line of the range covering `account` (same number of digits,
    /// compared as text), if one does.
    pub fn line_of(&self, account: AccountNo) -> Option<&'static str> {
        let a = account.as_str();
        self.ranges
            .iter()
            .find(|r| r.from.len() == a.len() && r.from.as_str() <= a && a <= r.to.as_str())
            .map(|r| r.line)
    }
}

const SKR03: &str = include_str!("layouts/skr03.txt");
const SKR04: &str = include_str!("layouts/skr04.txt");
const GENERIC: &str = include_str!("layouts/generic.txt");

/// Parses a mapping file. The files are ours and compiled in, so a
/// malformed one is a bug: it fails loudly (and the tests parse all three).
pub fn parse_mapping(text: &str) -> ChartMapping {
    let mut ranges: Vec<Range> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let row = raw.trim();
        if row.is_empty() || row.starts_with('#') {
            continue;
        }
        let (span, key) = row
            .split_once(';')
            .unwrap_or_else(|| panic!("statement mapping line {}: no ';'", n + 1));
        let (from, to) = span
            .split_once('-')
            .unwrap_or_else(|| panic!("statement mapping line {}: no '-'", n + 1));
        let target = line(key.trim())
            .unwrap_or_else(|| panic!("statement mapping line {}: unknown line {key}", n + 1));
        assert!(
            target.mappable && from.len() == to.len() && from <= to,
            "statement mapping line {}: bad range or line",
            n + 1
        );
        assert!(
            !ranges.iter().any(|r| r.from.len() == from.len()
                && r.from.as_str() <= to
                && from <= r.to.as_str()),
            "statement mapping line {}: overlaps an earlier range",
            n + 1
        );
        ranges.push(Range {
            from: from.to_string(),
            to: to.to_string(),
            line: target.key,
        });
    }
    ChartMapping { ranges }
}

/// The mapping of a chart template, parsed on first use.
pub fn chart_mapping(chart: ChartTemplate) -> &'static ChartMapping {
    static MAPS: OnceLock<[ChartMapping; 3]> = OnceLock::new();
    let maps = MAPS.get_or_init(|| {
        [
            parse_mapping(SKR03),
            parse_mapping(SKR04),
            parse_mapping(GENERIC),
        ]
    });
    match chart {
        ChartTemplate::Skr03 => &maps[0],
        ChartTemplate::Skr04 => &maps[1],
        ChartTemplate::Generic => &maps[2],
    }
}

/// Where an account's line comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Moved there by the user (`SetPosition`).
    Override,
    /// A range of the chart's mapping.
    Chart,
    /// No range covers it: the default line of its type ("nicht zugeordnet").
    Unmapped,
}
