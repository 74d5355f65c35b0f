//! CSV import of items (Artikel-Import): a price list or article export
//! from a spreadsheet or an old program becomes one `ImportItems`
//! command, which the engine checks and applies all or nothing.
//!
//! - Encoding and dialect as `partners_csv` (it splits the records): UTF-8
//!   with or without byte-order mark, else Windows-1252; `;` with decimal
//!   comma or `,` with decimal point, told by the header line; RFC 4180
//!   quotes.
//! - Columns: recognised by German or English header names
//!   (`Artikelnummer`, `Bezeichnung`, `Gruppe`, `Einheit`, `Preis`,
//!   `Verkauf`, `Einkauf`, `Erlöskonto` …; `item code`, `description`,
//!   `group`, `unit`, `price` …), or given by the caller as a mapping.
//!   Unknown columns are listed and ignored. Code, group and one
//!   description column are needed.
//! - Units: a UN/ECE Rec 20 code (`H87`), a name of the shipped table
//!   (`Stück`, `hour`), or a common abbreviation (`Stk`, `Std`, `kg`,
//!   `m²`); empty means C62 (one).
//! - Every bad row is reported with its line (1-based, the line the record
//!   starts on), the column and the reason; nothing is imported until no
//!   row is bad. `check_against` also runs the engine's checks on every
//!   row (code taken, group unknown, account unfit), so one pass names
//!   them all.

use crate::formats::amount::{NumberStyle, parse_amount};
use crate::formats::partners_csv::{Record, decode_text, flag, records};
use crate::ledger::items::catalog::valid_item_code;
use crate::ledger::items::{Item, ItemAccounts, ItemsCommand, ItemsError, UNITS, UnitCode};
use crate::ledger::types::limits::{MAX_IMPORT_ITEMS, MAX_PRICE_DECIMALS};
use crate::ledger::types::{AccountNo, Timestamp};
use crate::ledger::{Book, Command, DomainError};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Largest file accepted (bytes): 50,000 items of a few hundred bytes.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// A field of an item a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Code,
    DescriptionDe,
    DescriptionEn,
    Group,
    Unit,
    Price,
    Sales,
    Purchase,
    RevenueDomestic,
    RevenueEu,
    RevenueAbroad,
    ExpenseDomestic,
    ExpenseEu,
    ExpenseAbroad,
    SalesTax,
    PurchaseTax,
    Active,
    Remarks,
}

/// Header names (lower case, without spaces, `-`, `_`, `.`, `/`, `%`)
/// per column, German and English.
const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Code,
        &[
            "artikelnummer",
            "artikelnr",
            "artnr",
            "artikel",
            "nummer",
            "nr",
            "itemcode",
            "itemnumber",
            "itemno",
            "item",
            "code",
            "sku",
        ],
    ),
    (
        Column::DescriptionDe,
        &[
            "bezeichnung",
            "artikelbezeichnung",
            "beschreibung",
            "bezeichnungde",
            "bezeichnungdeutsch",
            "descriptionde",
            "descriptiongerman",
        ],
    ),
    (
        Column::DescriptionEn,
        &[
            "description",
            "descriptionen",
            "descriptionenglish",
            "itemdescription",
            "name",
            "bezeichnungen",
            "bezeichnungenglisch",
        ],
    ),
    (
        Column::Group,
        &[
            "gruppe",
            "artikelgruppe",
            "warengruppe",
            "group",
            "itemgroup",
        ],
    ),
    (
        Column::Unit,
        &[
            "einheit",
            "mengeneinheit",
            "me",
            "unit",
            "uom",
            "unitofmeasure",
        ],
    ),
    (
        Column::Price,
        &[
            "preis",
            "standardpreis",
            "verkaufspreis",
            "vkpreis",
            "listenpreis",
            "price",
            "defaultprice",
            "unitprice",
            "salesprice",
        ],
    ),
    (
        Column::Sales,
        &["verkauf", "verkaufsartikel", "sales", "salesitem", "sold"],
    ),
    (
        Column::Purchase,
        &[
            "einkauf",
            "einkaufsartikel",
            "purchase",
            "purchaseitem",
            "purchased",
        ],
    ),
    (
        Column::RevenueDomestic,
        &[
            "erlöskonto",
            "erloeskonto",
            "erlöskontoinland",
            "erloeskontoinland",
            "revenueaccount",
            "revenueaccountdomestic",
        ],
    ),
    (
        Column::RevenueEu,
        &["erlöskontoeu", "erloeskontoeu", "revenueaccounteu"],
    ),
    (
        Column::RevenueAbroad,
        &[
            "erlöskontoausland",
            "erloeskontoausland",
            "erlöskontodrittland",
            "erloeskontodrittland",
            "erlöskontoexport",
            "erloeskontoexport",
            "revenueaccountabroad",
            "revenueaccountexport",
        ],
    ),
    (
        Column::ExpenseDomestic,
        &[
            "aufwandskonto",
            "wareneingangskonto",
            "aufwandskontoinland",
            "expenseaccount",
            "expenseaccountdomestic",
        ],
    ),
    (
        Column::ExpenseEu,
        &[
            "aufwandskontoeu",
            "wareneingangskontoeu",
            "expenseaccounteu",
        ],
    ),
    (
        Column::ExpenseAbroad,
        &[
            "aufwandskontoausland",
            "aufwandskontodrittland",
            "aufwandskontoimport",
            "wareneingangskontoausland",
            "expenseaccountabroad",
            "expenseaccountimport",
        ],
    ),
    (
        Column::SalesTax,
        &[
            "steuerschlüsselverkauf",
            "steuerschluesselverkauf",
            "steuerkennzeichenverkauf",
            "umsatzsteuer",
            "ust",
            "salestax",
            "salestaxcode",
            "outputtax",
        ],
    ),
    (
        Column::PurchaseTax,
        &[
            "steuerschlüsseleinkauf",
            "steuerschluesseleinkauf",
            "steuerkennzeicheneinkauf",
            "vorsteuer",
            "vst",
            "purchasetax",
            "purchasetaxcode",
            "inputtax",
        ],
    ),
    (Column::Active, &["aktiv", "active"]),
    (
        Column::Remarks,
        &["bemerkung", "bemerkungen", "notiz", "remarks", "notes"],
    ),
];

/// Which column of the file fills which field (`None`: ignored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMap {
    pub columns: Vec<Option<Column>>,
}

impl ColumnMap {
    /// The columns recognised by their header names (the first of two
    /// headers naming the same field wins).
    pub fn detect(headers: &[String]) -> ColumnMap {
        let mut taken = Vec::new();
        let columns = headers
            .iter()
            .map(|h| {
                let key: String = h
                    .trim()
                    .to_lowercase()
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | '/' | '%'))
                    .collect();
                let found = HEADERS
                    .iter()
                    .find(|(_, names)| names.contains(&key.as_str()))
                    .map(|(c, _)| *c)
                    .filter(|c| !taken.contains(c));
                taken.extend(found);
                found
            })
            .collect();
        ColumnMap { columns }
    }

    fn index_of(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }
}

/// Why a row (or the file) is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowReason {
    /// The file has no header line or no data rows.
    Empty,
    /// More than `MAX_IMPORT_ITEMS` rows, or more than `MAX_IMPORT_BYTES`.
    TooLarge {
        max: usize,
    },
    /// A quote opened on this line is never closed.
    UnclosedQuote,
    /// A column every item needs is not in the file (for the
    /// description: neither language's).
    MissingColumn,
    /// A field every item needs is empty (code, group, both
    /// descriptions).
    Missing,
    /// Not an item code: ASCII letters, digits, `-`, `_`, `.`, at most 50.
    InvalidCode,
    /// Neither a Rec 20 code of the table nor a unit name it knows.
    InvalidUnit,
    /// Not an amount with at most `MAX_PRICE_DECIMALS` decimals.
    InvalidAmount,
    InvalidFlag,
    InvalidAccount,
    /// The code is on an earlier line too.
    DuplicateCode {
        first_line: usize,
    },
    /// The engine refuses the item of this row.
    Refused(DomainError),
}

/// A refused row: its line, the column (when one is to blame), the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub column: Option<Column>,
    pub reason: RowReason,
}

/// The items of a file, with the line each came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedItems {
    pub items: Vec<Item>,
    pub lines: Vec<usize>,
    /// Header names no column was recognised for.
    pub ignored: Vec<String>,
}

impl ParsedItems {
    /// The command that imports them all (or none).
    pub fn command(&self, by: &str, at: Timestamp) -> Command {
        Command::Items(ItemsCommand::ImportItems {
            items: self.items.clone(),
            by: by.to_string(),
            at,
        })
    }

    /// The line of the item an engine refusal of the import names.
    pub fn line_of(&self, error: &DomainError) -> Option<usize> {
        match error {
            DomainError::Items(ItemsError::ImportRow { row, .. }) => self.lines.get(*row).copied(),
            _ => None,
        }
    }
}

/// The unit a cell names: a Rec 20 code, a table name (German or
/// English), or a common abbreviation; empty: C62.
pub fn parse_unit(text: &str) -> Option<UnitCode> {
    let key = text.trim().to_lowercase();
    if key.is_empty() {
        return Some(UnitCode::default());
    }
    if let Some(unit) = UnitCode::parse(&key) {
        return Some(unit);
    }
    let code = match key.trim_end_matches('.') {
        "stk" | "st" | "stck" | "pcs" | "pc" | "pce" | "ea" | "each" => "H87",
        "h" | "std" | "stunden" | "hours" | "hrs" | "hr" => "HUR",
        "min" | "minuten" | "minutes" => "MIN",
        "tag" | "tage" | "d" | "days" => "DAY",
        "woche" | "wochen" | "weeks" => "WEE",
        "monat" | "monate" | "months" => "MON",
        "jahr" | "jahre" | "years" => "ANN",
        "g" => "GRM",
        "kg" => "KGM",
        "t" => "TNE",
        "mm" => "MMT",
        "cm" => "CMT",
        "m" | "lfm" => "MTR",
        "km" => "KMT",
        "m2" | "m²" | "qm" | "sqm" => "MTK",
        "m3" | "m³" | "cbm" => "MTQ",
        "l" | "ltr" => "LTR",
        "ml" => "MLT",
        "kwh" => "KWH",
        "psch" | "pausch" | "pauschal" | "lump sum" => "LS",
        "paar" | "pair" | "pairs" => "PR",
        "satz" | "set" => "SET",
        "%" => "P1",
        other => {
            return UNITS
                .iter()
                .find(|u| u.de.to_lowercase() == other || u.en.to_lowercase() == other)
                .and_then(|u| UnitCode::parse(u.code));
        }
    };
    UnitCode::parse(code)
}

/// The items of a CSV file. `mapping` overrides the detected columns.
/// Every refused row is in the error, in line order.
pub fn parse_items(
    bytes: &[u8],
    mapping: Option<&ColumnMap>,
) -> Result<ParsedItems, Vec<RowError>> {
    let file_error = |line, column, reason| {
        vec![RowError {
            line,
            column,
            reason,
        }]
    };
    if bytes.len() > MAX_IMPORT_BYTES {
        let max = MAX_IMPORT_BYTES;
        return Err(file_error(0, None, RowReason::TooLarge { max }));
    }
    let text = decode_text(bytes);
    let header_line = text.lines().next().unwrap_or_default();
    let (separator, style) = if header_line.matches(';').count() >= header_line.matches(',').count()
    {
        (';', NumberStyle::German)
    } else {
        (',', NumberStyle::English)
    };
    let mut rows = records(&text, separator)
        .map_err(|e| file_error(e.line, None, RowReason::UnclosedQuote))?;
    if rows.is_empty() {
        return Err(file_error(1, None, RowReason::Empty));
    }
    let headers = rows.remove(0).1;
    let map = mapping
        .cloned()
        .unwrap_or_else(|| ColumnMap::detect(&headers));
    for needed in [Column::Code, Column::Group] {
        if map.index_of(needed).is_none() {
            return Err(file_error(1, Some(needed), RowReason::MissingColumn));
        }
    }
    if map.index_of(Column::DescriptionDe).is_none()
        && map.index_of(Column::DescriptionEn).is_none()
    {
        let column = Some(Column::DescriptionDe);
        return Err(file_error(1, column, RowReason::MissingColumn));
    }
    if rows.is_empty() {
        return Err(file_error(2, None, RowReason::Empty));
    }
    if rows.len() > MAX_IMPORT_ITEMS {
        let max = MAX_IMPORT_ITEMS;
        return Err(file_error(0, None, RowReason::TooLarge { max }));
    }
    let reader = RowReader { map: &map, style };
    collect(&reader, &rows, &headers)
}

/// Reads every row; all refusals, or the items.
fn collect(
    reader: &RowReader<'_>,
    rows: &[Record],
    headers: &[String],
) -> Result<ParsedItems, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut parsed = ParsedItems {
        items: Vec::with_capacity(rows.len()),
        lines: Vec::with_capacity(rows.len()),
        ignored: headers
            .iter()
            .zip(&reader.map.columns)
            .filter(|(_, c)| c.is_none())
            .map(|(h, _)| h.trim().to_string())
            .collect(),
    };
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    for (line, fields) in rows {
        match reader.item(*line, fields) {
            Err(e) => errors.push(e),
            Ok(item) => match first_line.get(&item.code) {
                Some(&first) => errors.push(RowError {
                    line: *line,
                    column: Some(Column::Code),
                    reason: RowReason::DuplicateCode { first_line: first },
                }),
                None => {
                    first_line.insert(item.code.clone(), *line);
                    parsed.items.push(item);
                    parsed.lines.push(*line);
                }
            },
        }
    }
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors)
    }
}

/// Every row refused by the engine's own checks (each checked alone
/// against `book`, as an import of that one item): what `Book::check` of
/// the import would refuse, for every row at once instead of the first.
pub fn check_against(book: &Book, parsed: &ParsedItems, by: &str, at: Timestamp) -> Vec<RowError> {
    parsed
        .items
        .iter()
        .zip(&parsed.lines)
        .filter_map(|(item, &line)| {
            let cmd = Command::Items(ItemsCommand::ImportItems {
                items: vec![item.clone()],
                by: by.to_string(),
                at,
            });
            let error = match book.check(&cmd).err()? {
                DomainError::Items(ItemsError::ImportRow { error, .. }) => {
                    DomainError::from(*error)
                }
                other => other,
            };
            Some(RowError {
                line,
                column: None,
                reason: RowReason::Refused(error),
            })
        })
        .collect()
}

/// Reads the fields of one row.
struct RowReader<'a> {
    map: &'a ColumnMap,
    style: NumberStyle,
}

impl RowReader<'_> {
    fn text<'f>(&self, fields: &'f [String], column: Column) -> &'f str {
        self.map
            .index_of(column)
            .and_then(|i| fields.get(i))
            .map_or("", |f| f.trim())
    }

    fn item(&self, line: usize, fields: &[String]) -> Result<Item, RowError> {
        let bad = |(column, reason)| RowError {
            line,
            column: Some(column),
            reason,
        };
        let t = |c| self.text(fields, c);
        let code = t(Column::Code);
        match code {
            "" => return Err(bad((Column::Code, RowReason::Missing))),
            c if !valid_item_code(c) => return Err(bad((Column::Code, RowReason::InvalidCode))),
            _ => {}
        }
        let (de, en) = (t(Column::DescriptionDe), t(Column::DescriptionEn));
        if de.is_empty() && en.is_empty() {
            let column = match self.map.index_of(Column::DescriptionDe) {
                Some(_) => Column::DescriptionDe,
                None => Column::DescriptionEn,
            };
            return Err(bad((column, RowReason::Missing)));
        }
        if t(Column::Group).is_empty() {
            return Err(bad((Column::Group, RowReason::Missing)));
        }
        let unit =
            parse_unit(t(Column::Unit)).ok_or(bad((Column::Unit, RowReason::InvalidUnit)))?;
        let flag_of = |c, default| flag(t(c), default).ok_or((c, RowReason::InvalidFlag));
        Ok(Item {
            code: code.to_string(),
            description_de: de.to_string(),
            description_en: en.to_string(),
            group: t(Column::Group).to_string(),
            unit,
            sales: flag_of(Column::Sales, true).map_err(bad)?,
            purchase: flag_of(Column::Purchase, true).map_err(bad)?,
            accounts: self.accounts(fields).map_err(bad)?,
            default_price: self.price(t(Column::Price)).map_err(bad)?,
            active: flag_of(Column::Active, true).map_err(bad)?,
            remarks: t(Column::Remarks).to_string(),
        })
    }

    fn price(&self, text: &str) -> Result<Decimal, (Column, RowReason)> {
        if text.is_empty() {
            return Ok(Decimal::ZERO);
        }
        let mut price = parse_amount(text, self.style, MAX_PRICE_DECIMALS)
            .map_err(|_| (Column::Price, RowReason::InvalidAmount))?;
        let point = match self.style {
            NumberStyle::German => ',',
            NumberStyle::English => '.',
        };
        if !text.contains(point) {
            // "95" is stored as typed, not as the reader's "95.0".
            price.rescale(0);
        }
        Ok(price)
    }

    fn accounts(&self, fields: &[String]) -> Result<ItemAccounts, (Column, RowReason)> {
        let account = |c| -> Result<Option<AccountNo>, (Column, RowReason)> {
            match self.text(fields, c) {
                "" => Ok(None),
                t => AccountNo::parse(t)
                    .map(Some)
                    .map_err(|_| (c, RowReason::InvalidAccount)),
            }
        };
        let code = |c| Some(self.text(fields, c).to_uppercase()).filter(|s| !s.is_empty());
        use Column as C;
        Ok(ItemAccounts {
            revenue: [
                account(C::RevenueDomestic)?,
                account(C::RevenueEu)?,
                account(C::RevenueAbroad)?,
            ],
            expense: [
                account(C::ExpenseDomestic)?,
                account(C::ExpenseEu)?,
                account(C::ExpenseAbroad)?,
            ],
            sales_tax: code(C::SalesTax),
            purchase_tax: code(C::PurchaseTax),
        })
    }
}
