//! CSV import of business partners (Geschäftspartner-Import): a file from
//! a spreadsheet, an old program or a DATEV export becomes one
//! `ImportPartners` command, which the engine checks and applies all or
//! nothing.
//!
//! - Encoding: UTF-8 (with or without byte-order mark) or, when the bytes
//!   are not UTF-8, Windows-1252 (what German Excel writes).
//! - Dialect: `;` with decimal comma (German) or `,` with decimal point
//!   (English), told by the header line; RFC 4180 quotes, line breaks
//!   inside quotes allowed.
//! - Columns: recognised by German or English header names (`Nummer`,
//!   `Name`, `PLZ`, `Ort`, `IBAN`, `Zahlungsbedingung` …; `code`, `street`,
//!   `zip` …), or given by the caller as a mapping. Unknown columns are
//!   listed and ignored. Without a kind column the code decides (DATEV:
//!   customers 10000–69999, vendors 70000–99999).
//! - Every bad row is reported with its line (1-based, the line the record
//!   starts on) and the column and reason; nothing is imported until no
//!   row is bad. `check_against` also runs the engine's checks on every row
//!   (code taken, control account, terms), so one pass names them all.

use crate::formats::amount::{NumberStyle, parse_amount, parse_date};
use crate::ledger::gl::AccountCurrency;
use crate::ledger::partners::bank::normalise_iban;
use crate::ledger::partners::{
    BankAccount, Language, Mandate, MandateSequence, Partner, PartnerKind, PartnersCommand,
    PaymentMethod,
};
use crate::ledger::types::limits::{CUSTOMER_CODES, MAX_IMPORT_PARTNERS, VENDOR_CODES};
use crate::ledger::types::{AccountNo, Currency, PartnerCode, Timestamp};
use crate::ledger::{Book, Command, DomainError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Largest file accepted (bytes).
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// A field of a partner a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Code,
    Kind,
    Name,
    Group,
    Street,
    HouseNumber,
    Postcode,
    Town,
    Country,
    VatId,
    TaxNumber,
    ContactPerson,
    Phone,
    Email,
    Language,
    Iban,
    Bic,
    AccountHolder,
    ControlAccount,
    Currency,
    PaymentTerms,
    PaymentMethod,
    PaymentBlock,
    CreditLimit,
    CommitmentLimit,
    DunningTerm,
    MandateId,
    MandateSigned,
    MandateSequence,
    Remarks,
    Active,
}

/// Header names (lower case, without spaces, `-`, `_`, `.`) per column,
/// German and English.
const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Code,
        &[
            "nummer",
            "nr",
            "kundennummer",
            "kundennr",
            "lieferantennummer",
            "lieferantennr",
            "konto",
            "kontonummer",
            "personenkonto",
            "code",
            "number",
            "partner",
            "partnercode",
            "id",
        ],
    ),
    (Column::Kind, &["art", "typ", "partnerart", "kind", "type"]),
    (
        Column::Name,
        &[
            "name",
            "firma",
            "firmenname",
            "name1",
            "company",
            "companyname",
        ],
    ),
    (Column::Group, &["gruppe", "kundengruppe", "group"]),
    (Column::Street, &["straße", "strasse", "str", "street"]),
    (
        Column::HouseNumber,
        &[
            "hausnummer",
            "hausnr",
            "housenumber",
            "houseno",
            "buildingnumber",
        ],
    ),
    (
        Column::Postcode,
        &[
            "plz",
            "postleitzahl",
            "postcode",
            "zip",
            "zipcode",
            "postalcode",
        ],
    ),
    (Column::Town, &["ort", "stadt", "town", "city"]),
    (
        Column::Country,
        &["land", "landiso", "country", "countrycode"],
    ),
    (
        Column::VatId,
        &[
            "ustidnr",
            "ustid",
            "ustidnummer",
            "vatid",
            "vat",
            "vatnumber",
        ],
    ),
    (Column::TaxNumber, &["steuernummer", "stnr", "taxnumber"]),
    (
        Column::ContactPerson,
        &["ansprechpartner", "kontakt", "contact", "contactperson"],
    ),
    (Column::Phone, &["telefon", "tel", "phone", "telephone"]),
    (Column::Email, &["email", "mail"]),
    (Column::Language, &["sprache", "language"]),
    (Column::Iban, &["iban"]),
    (Column::Bic, &["bic", "swift", "swiftbic"]),
    (Column::AccountHolder, &["kontoinhaber", "accountholder"]),
    (Column::ControlAccount, &["sammelkonto", "controlaccount"]),
    (Column::Currency, &["währung", "waehrung", "currency"]),
    (
        Column::PaymentTerms,
        &[
            "zahlungsbedingung",
            "zahlungsbedingungen",
            "paymentterms",
            "terms",
        ],
    ),
    (
        Column::PaymentMethod,
        &["zahlungsweg", "zahlart", "paymentmethod"],
    ),
    (Column::PaymentBlock, &["zahlungssperre", "paymentblock"]),
    (Column::CreditLimit, &["kreditlimit", "creditlimit"]),
    (
        Column::CommitmentLimit,
        &["obligo", "obligolimit", "commitmentlimit"],
    ),
    (
        Column::DunningTerm,
        &["mahnverfahren", "dunningterm", "dunning"],
    ),
    (
        Column::MandateId,
        &["mandatsreferenz", "mandat", "mandateid", "mandatereference"],
    ),
    (
        Column::MandateSigned,
        &[
            "mandatsdatum",
            "mandatunterschrieben",
            "mandatesigned",
            "mandatedate",
        ],
    ),
    (
        Column::MandateSequence,
        &["mandatssequenz", "sequenz", "mandatesequence", "sequence"],
    ),
    (
        Column::Remarks,
        &["bemerkung", "bemerkungen", "notiz", "remarks", "notes"],
    ),
    (Column::Active, &["aktiv", "active"]),
];

/// Which column of the file fills which field (`None`: ignored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMap {
    pub columns: Vec<Option<Column>>,
}

impl ColumnMap {
    /// The columns recognised by their header names.
    pub fn detect(headers: &[String]) -> ColumnMap {
        let mut taken = Vec::new();
        let columns = headers
            .iter()
            .map(|h| {
                let key: String = h
                    .trim()
                    .to_lowercase()
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
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
    /// More than `MAX_IMPORT_PARTNERS` rows, or more than `MAX_IMPORT_BYTES`.
    TooLarge {
        max: usize,
    },
    /// A quote opened on this line is never closed.
    UnclosedQuote,
    /// A column every partner needs is not in the file.
    MissingColumn,
    /// A field every partner needs is empty.
    Missing,
    InvalidCode,
    /// No kind column and the code is in neither default range.
    InvalidKind,
    InvalidAmount,
    InvalidDate,
    InvalidFlag,
    InvalidLanguage,
    InvalidPaymentMethod,
    InvalidCurrency,
    InvalidIban,
    InvalidAccount,
    InvalidSequence,
    /// The code is on an earlier line too.
    DuplicateCode {
        first_line: usize,
    },
    /// The engine refuses the partner of this row.
    Refused(DomainError),
}

/// A refused row: its line, the column (when one is to blame), the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub column: Option<Column>,
    pub reason: RowReason,
}

/// What the caller knows and the file does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// The company's local currency: a currency column naming it means
    /// "local currency".
    pub lc: Currency,
    /// Completes dates typed without a year.
    pub today: NaiveDate,
}

/// The partners of a file, with the line each came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedPartners {
    pub partners: Vec<Partner>,
    pub lines: Vec<usize>,
    /// Header names no column was recognised for.
    pub ignored: Vec<String>,
}

impl ParsedPartners {
    /// The command that imports them all (or none).
    pub fn command(&self, by: &str, at: Timestamp) -> Command {
        Command::Partners(PartnersCommand::ImportPartners {
            partners: self.partners.clone(),
            by: by.to_string(),
            at,
        })
    }

    /// The line of the partner an engine refusal of the import names.
    pub fn line_of(&self, error: &DomainError) -> Option<usize> {
        match error {
            DomainError::Partners(crate::ledger::partners::PartnersError::ImportRow {
                index,
                ..
            }) => self.lines.get(*index).copied(),
            _ => None,
        }
    }
}

/// The text of `bytes`: UTF-8 (a byte-order mark dropped), else
/// Windows-1252.
pub fn decode_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text).to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// One Windows-1252 byte as a character (the WHATWG mapping: 0x80–0x9F
/// hold typographic characters, the five unassigned ones map to C1).
fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

/// One record: its fields and the line it starts on.
pub(crate) type Record = (usize, Vec<String>);

/// Splits `text` into records (RFC 4180 with `separator`); blank lines
/// are skipped.
pub(crate) fn records(text: &str, separator: char) -> Result<Vec<Record>, RowError> {
    let mut out = Vec::new();
    let (mut fields, mut field) = (Vec::new(), String::new());
    let (mut line, mut start, mut quoted) = (1usize, 1usize, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                line += usize::from(c == '\n');
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == separator => fields.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                if fields.iter().any(|f| !f.trim().is_empty()) {
                    out.push((start, std::mem::take(&mut fields)));
                }
                fields.clear();
                line += 1;
                start = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(RowError {
            line: start,
            column: None,
            reason: RowReason::UnclosedQuote,
        });
    }
    fields.push(field);
    if fields.iter().any(|f| !f.trim().is_empty()) {
        out.push((start, fields));
    }
    Ok(out)
}

/// The partners of a CSV file. `mapping` overrides the detected columns.
/// Every refused row is in the error, in line order.
pub fn parse_partners(
    bytes: &[u8],
    mapping: Option<&ColumnMap>,
    options: ImportOptions,
) -> Result<ParsedPartners, Vec<RowError>> {
    let file_error = |line, reason| {
        vec![RowError {
            line,
            column: None,
            reason,
        }]
    };
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(file_error(
            0,
            RowReason::TooLarge {
                max: MAX_IMPORT_BYTES,
            },
        ));
    }
    let text = decode_text(bytes);
    let header_line = text.lines().next().unwrap_or_default();
    let separator = if header_line.matches(';').count() >= header_line.matches(',').count() {
        ';'
    } else {
        ','
    };
    let style = match separator {
        ';' => NumberStyle::German,
        _ => NumberStyle::English,
    };
    let mut rows = records(&text, separator).map_err(|e| vec![e])?.into_iter();
    let Some((_, headers)) = rows.next() else {
        return Err(file_error(1, RowReason::Empty));
    };
    let map = mapping
        .cloned()
        .unwrap_or_else(|| ColumnMap::detect(&headers));
    for needed in [Column::Code, Column::Name] {
        if map.index_of(needed).is_none() {
            return Err(vec![RowError {
                line: 1,
                column: Some(needed),
                reason: RowReason::MissingColumn,
            }]);
        }
    }
    let rows: Vec<Record> = rows.collect();
    if rows.is_empty() {
        return Err(file_error(2, RowReason::Empty));
    }
    if rows.len() > MAX_IMPORT_PARTNERS {
        return Err(file_error(
            0,
            RowReason::TooLarge {
                max: MAX_IMPORT_PARTNERS,
            },
        ));
    }
    let reader = RowReader {
        map: &map,
        style,
        options,
    };
    collect(&reader, &rows, &headers)
}

/// Reads every row; all refusals, or the partners.
fn collect(
    reader: &RowReader<'_>,
    rows: &[Record],
    headers: &[String],
) -> Result<ParsedPartners, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut parsed = ParsedPartners {
        partners: Vec::with_capacity(rows.len()),
        lines: Vec::with_capacity(rows.len()),
        ignored: headers
            .iter()
            .zip(&reader.map.columns)
            .filter(|(_, c)| c.is_none())
            .map(|(h, _)| h.trim().to_string())
            .collect(),
    };
    let mut first_line: BTreeMap<PartnerCode, usize> = BTreeMap::new();
    for (line, fields) in rows {
        match reader.partner(*line, fields) {
            Err(e) => errors.push(e),
            Ok(p) => match first_line.get(&p.code) {
                Some(&first) => errors.push(RowError {
                    line: *line,
                    column: Some(Column::Code),
                    reason: RowReason::DuplicateCode { first_line: first },
                }),
                None => {
                    first_line.insert(p.code, *line);
                    parsed.partners.push(p);
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
/// against `book`): what `Book::check` of the import would refuse, for
/// every row at once instead of the first.
pub fn check_against(
    book: &Book,
    parsed: &ParsedPartners,
    by: &str,
    at: Timestamp,
) -> Vec<RowError> {
    parsed
        .partners
        .iter()
        .zip(&parsed.lines)
        .filter_map(|(partner, &line)| {
            let cmd = Command::Partners(PartnersCommand::CreatePartner {
                partner: Box::new(partner.clone()),
                by: by.to_string(),
                at,
            });
            book.check(&cmd).err().map(|e| RowError {
                line,
                column: None,
                reason: RowReason::Refused(e),
            })
        })
        .collect()
}

/// Reads the fields of one row.
struct RowReader<'a> {
    map: &'a ColumnMap,
    style: NumberStyle,
    options: ImportOptions,
}

impl RowReader<'_> {
    fn text<'f>(&self, fields: &'f [String], column: Column) -> &'f str {
        self.map
            .index_of(column)
            .and_then(|i| fields.get(i))
            .map_or("", |f| f.trim())
    }

    fn partner(&self, line: usize, fields: &[String]) -> Result<Partner, RowError> {
        let bad = |column, reason| RowError {
            line,
            column: Some(column),
            reason,
        };
        let code_text = self.text(fields, Column::Code);
        if code_text.is_empty() {
            return Err(bad(Column::Code, RowReason::Missing));
        }
        let code =
            PartnerCode::parse(code_text).map_err(|_| bad(Column::Code, RowReason::InvalidCode))?;
        let kind = self
            .kind(fields, code)
            .ok_or(bad(Column::Kind, RowReason::InvalidKind))?;
        let name = self.text(fields, Column::Name);
        if name.is_empty() {
            return Err(bad(Column::Name, RowReason::Missing));
        }
        let mut p = Partner::new(code, kind, name);
        self.address_and_contact(fields, &mut p);
        self.bank(fields, &mut p).map_err(|(c, r)| bad(c, r))?;
        self.terms_and_limits(fields, &mut p)
            .map_err(|(c, r)| bad(c, r))?;
        self.mandate(fields, &mut p).map_err(|(c, r)| bad(c, r))?;
        Ok(p)
    }

    /// The kind column, or the code's default range.
    fn kind(&self, fields: &[String], code: PartnerCode) -> Option<PartnerKind> {
        let text = self.text(fields, Column::Kind).to_lowercase();
        match text.as_str() {
            "" => {
                let n = code.number()?;
                let within = |(lo, hi): (u64, u64)| (lo..=hi).contains(&n);
                if within(CUSTOMER_CODES) {
                    Some(PartnerKind::Customer)
                } else if within(VENDOR_CODES) {
                    Some(PartnerKind::Vendor)
                } else {
                    None
                }
            }
            "kunde" | "debitor" | "d" | "customer" | "c" => Some(PartnerKind::Customer),
            "lieferant" | "kreditor" | "k" | "vendor" | "supplier" | "v" | "s" => {
                Some(PartnerKind::Vendor)
            }
            _ => None,
        }
    }

    fn address_and_contact(&self, fields: &[String], p: &mut Partner) {
        let t = |c| self.text(fields, c).to_string();
        p.group = t(Column::Group);
        p.address.street = t(Column::Street);
        p.address.house_number = t(Column::HouseNumber);
        p.address.postcode = t(Column::Postcode);
        p.address.town = t(Column::Town);
        let country = t(Column::Country).to_uppercase();
        if !country.is_empty() {
            p.address.country = country;
        }
        p.vat_id = t(Column::VatId).replace([' ', '.'], "").to_uppercase();
        p.tax_number = t(Column::TaxNumber);
        p.contact.person = t(Column::ContactPerson);
        p.contact.phone = t(Column::Phone);
        p.contact.email = t(Column::Email);
        p.remarks = t(Column::Remarks);
        p.dunning_term = t(Column::DunningTerm);
    }

    fn bank(&self, fields: &[String], p: &mut Partner) -> Result<(), (Column, RowReason)> {
        let iban = self.text(fields, Column::Iban);
        if iban.is_empty() {
            return Ok(());
        }
        let iban = normalise_iban(iban).ok_or((Column::Iban, RowReason::InvalidIban))?;
        p.bank_accounts.push(BankAccount {
            iban,
            bic: self
                .text(fields, Column::Bic)
                .replace(' ', "")
                .to_uppercase(),
            holder: self.text(fields, Column::AccountHolder).to_string(),
            default: true,
        });
        Ok(())
    }

    fn terms_and_limits(
        &self,
        fields: &[String],
        p: &mut Partner,
    ) -> Result<(), (Column, RowReason)> {
        let t = |c| self.text(fields, c);
        p.language = match t(Column::Language).to_lowercase().as_str() {
            "" | "de" | "deutsch" | "german" => Language::De,
            "en" | "englisch" | "english" => Language::En,
            _ => return Err((Column::Language, RowReason::InvalidLanguage)),
        };
        if !t(Column::ControlAccount).is_empty() {
            let account = AccountNo::parse(t(Column::ControlAccount))
                .map_err(|_| (Column::ControlAccount, RowReason::InvalidAccount))?;
            p.control_account = Some(account);
        }
        p.currency = self.currency(t(Column::Currency))?;
        p.payment_terms = Some(t(Column::PaymentTerms).to_string()).filter(|s| !s.is_empty());
        p.payment_method = payment_method(t(Column::PaymentMethod))
            .ok_or((Column::PaymentMethod, RowReason::InvalidPaymentMethod))?;
        p.payment_block = flag(t(Column::PaymentBlock), false)
            .ok_or((Column::PaymentBlock, RowReason::InvalidFlag))?;
        p.active = flag(t(Column::Active), true).ok_or((Column::Active, RowReason::InvalidFlag))?;
        p.credit_limit = self.amount(t(Column::CreditLimit), Column::CreditLimit)?;
        p.commitment_limit = self.amount(t(Column::CommitmentLimit), Column::CommitmentLimit)?;
        Ok(())
    }

    fn currency(&self, text: &str) -> Result<AccountCurrency, (Column, RowReason)> {
        match text.to_lowercase().as_str() {
            "" => Ok(AccountCurrency::Local),
            "*" | "alle" | "all" => Ok(AccountCurrency::All),
            code => {
                let c = Currency::parse(&code.to_uppercase())
                    .map_err(|_| (Column::Currency, RowReason::InvalidCurrency))?;
                Ok(if c == self.options.lc {
                    AccountCurrency::Local
                } else {
                    AccountCurrency::Foreign(c)
                })
            }
        }
    }

    fn amount(&self, text: &str, column: Column) -> Result<Option<Decimal>, (Column, RowReason)> {
        if text.is_empty() {
            return Ok(None);
        }
        parse_amount(text, self.style, 6)
            .map(Some)
            .map_err(|_| (column, RowReason::InvalidAmount))
    }

    fn mandate(&self, fields: &[String], p: &mut Partner) -> Result<(), (Column, RowReason)> {
        let id = self.text(fields, Column::MandateId);
        if id.is_empty() {
            return Ok(());
        }
        let signed = parse_date(self.text(fields, Column::MandateSigned), self.options.today)
            .map_err(|_| (Column::MandateSigned, RowReason::InvalidDate))?;
        let sequence = match self
            .text(fields, Column::MandateSequence)
            .to_lowercase()
            .as_str()
        {
            "" | "frst" | "first" | "erst" | "erstlastschrift" => MandateSequence::First,
            "rcur" | "recurring" | "folge" | "folgelastschrift" => MandateSequence::Recurring,
            _ => return Err((Column::MandateSequence, RowReason::InvalidSequence)),
        };
        p.mandate = Some(Mandate {
            id: id.to_string(),
            signed,
            sequence,
        });
        Ok(())
    }
}

fn payment_method(text: &str) -> Option<PaymentMethod> {
    Some(
        match text.to_lowercase().replace([' ', '-', '_'], "").as_str() {
            "" | "überweisung" | "ueberweisung" | "transfer" | "banktransfer" => {
                PaymentMethod::Transfer
            }
            "lastschrift" | "directdebit" | "sepalastschrift" => PaymentMethod::DirectDebit,
            "bar" | "barzahlung" | "cash" => PaymentMethod::Cash,
            "scheck" | "check" | "cheque" => PaymentMethod::Check,
            "karte" | "kreditkarte" | "card" | "creditcard" => PaymentMethod::Card,
            _ => return None,
        },
    )
}

/// `ja/nein`, `yes/no`, `true/false`, `1/0`, `x`/empty; empty is `default`.
pub(crate) fn flag(text: &str, default: bool) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "" => Some(default),
        "ja" | "j" | "yes" | "y" | "true" | "wahr" | "1" | "x" => Some(true),
        "nein" | "n" | "no" | "false" | "falsch" | "0" | "-" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_bytes_become_their_characters() {
        let bytes = b"M\xfcller \x80 \x84Zitat\x93";
        assert_eq!(decode_text(bytes), "Müller € „Zitat“");
        assert_eq!(decode_text("\u{feff}Straße".as_bytes()), "Straße");
    }

    #[test]
    fn quoted_fields_keep_separators_quotes_and_line_breaks() {
        let text = "a;b\n\"x;1\";\"say \"\"hi\"\"\nthere\"\n\nlast;row";
        let got = records(text, ';').expect("closed quotes");
        assert_eq!(
            got,
            vec![
                (1, vec!["a".to_string(), "b".to_string()]),
                (2, vec!["x;1".to_string(), "say \"hi\"\nthere".to_string()]),
                (5, vec!["last".to_string(), "row".to_string()]),
            ]
        );
        assert_eq!(
            records("a;\"open\nb", ';').unwrap_err().reason,
            RowReason::UnclosedQuote
        );
    }
}
