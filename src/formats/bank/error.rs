//! Why a bank file is refused (Ablehnungsgründe). One error type for every
//! reader, so the import screen and `kontor-cli statement` can say the same
//! thing: which file (and which entry of a ZIP), where in it (element path
//! or line), and what was wrong, with the offending value. The sentences a
//! person reads live in the UI (`src/ui/errors.rs`); this type carries the
//! data only, and its `Display` is the English one-liner for the command
//! line.

use std::fmt;

/// A refused bank file: where, and why. Boxed, so a `Result` that carries
/// it stays one pointer wide; its fields are read through `Deref`
/// (`error.kind`, `error.at`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankError(Box<BankErrorData>);

/// The data of a [`BankError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankErrorData {
    /// The file name as the user chose it.
    pub file: String,
    /// The entry inside a ZIP archive, when the fault is in one.
    pub entry: Option<String>,
    /// Where in the file (or entry).
    pub at: Location,
    pub kind: BankErrorKind,
}

impl std::ops::Deref for BankError {
    type Target = BankErrorData;
    fn deref(&self) -> &BankErrorData {
        &self.0
    }
}

impl std::error::Error for BankError {}

impl BankError {
    pub fn new(file: &str, at: Location, kind: BankErrorKind) -> BankError {
        BankError(Box::new(BankErrorData {
            file: file.to_string(),
            entry: None,
            at,
            kind,
        }))
    }

    /// The same error, inside entry `entry` of the archive `file`.
    pub fn in_entry(mut self, file: &str, entry: &str) -> BankError {
        self.0.file = file.to_string();
        self.0.entry = Some(entry.to_string());
        self
    }
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(entry) = &self.entry {
            write!(f, " ({entry})")?;
        }
        match &self.at {
            Location::File => {}
            at => write!(f, ", {at}")?,
        }
        write!(f, ": {}", self.kind)
    }
}

/// A place inside one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (its kind, size or archive structure).
    File,
    /// An XML element, as a path from the root with 1-based positions of
    /// repeated elements: `Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt`.
    Element { path: String },
    /// A line (1-based) of a text file; `field` names the CSV column or
    /// the MT940 tag when known.
    Line { line: usize, field: Option<String> },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => write!(f, "whole file"),
            Location::Element { path } => write!(f, "element {path}"),
            Location::Line { line, field: None } => write!(f, "line {line}"),
            Location::Line {
                line,
                field: Some(field),
            } => write!(f, "line {line}, {field}"),
        }
    }
}

/// What was wrong. Values are quoted as found (cut to
/// [`MAX_QUOTED_CHARS`]), so the message can show them.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BankErrorKind {
    #[error("the file is empty")]
    Empty,
    #[error("not a bank statement ({detail})")]
    NotAStatement { detail: String },
    #[error("{message} version {version} is not supported (supported: {supported})")]
    UnsupportedCamtVersion {
        /// `camt.053`
        message: String,
        /// `001.09`
        version: String,
        supported: String,
    },
    #[error("larger than {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("the text is not valid {encoding}")]
    BadEncoding { encoding: String },
    #[error("the XML encoding {encoding:?} is not supported")]
    UnsupportedEncoding { encoding: String },
    #[error("the XML is not well-formed: {message}")]
    InvalidXml { message: String },
    #[error("the XML nests deeper than {limit} elements")]
    TooDeep { limit: usize },
    #[error("element {element} is missing")]
    MissingElement { element: String },
    #[error("unexpected content: {message}")]
    UnexpectedContent { message: String },
    #[error("{value:?} is not an amount")]
    BadAmount { value: String },
    #[error("{value:?} is not a date")]
    BadDate { value: String },
    #[error("the date {value:?} does not exist")]
    ImpossibleDate { value: String },
    #[error("{value:?} is not a currency code")]
    BadCurrency { value: String },
    #[error("{value:?} is not a valid IBAN")]
    BadIban { value: String },
    #[error("{value:?} is not a valid BIC")]
    BadBic { value: String },
    #[error("{value:?} is neither credit nor debit")]
    BadCreditDebit { value: String },
    #[error("the ZIP archive is damaged or cut off: {detail}")]
    ZipInvalid { detail: String },
    #[error("the ZIP archive has more than {limit} entries")]
    ZipTooManyEntries { limit: usize },
    #[error("the ZIP archive unpacks to more than {limit} bytes")]
    ZipTooLarge { limit: u64 },
    #[error("the ZIP entry is encrypted")]
    ZipEncrypted,
    #[error("the ZIP entry uses compression {method}, only stored and deflate are read")]
    ZipUnsupportedCompression { method: String },
    #[error("the ZIP archive holds no statement")]
    ZipEmpty,
    #[error("a ZIP archive inside a ZIP archive is not read")]
    ZipNested,
    #[error("MT940 tag :{tag}: is missing")]
    Mt940MissingTag { tag: String },
    #[error("MT940 tag :{found}: where {expected} was expected")]
    Mt940UnexpectedTag { found: String, expected: String },
    #[error("unknown MT940 tag :{tag}:")]
    Mt940UnknownTag { tag: String },
    #[error("MT940 syntax: {message}")]
    Mt940Syntax { message: String },
    #[error("the CSV has no column {column:?}")]
    CsvMissingColumn { column: String },
    #[error("the CSV row has {found} fields, the column mapping needs {needed}")]
    CsvShortRow { found: usize, needed: usize },
    #[error("the CSV row is damaged: {message}")]
    CsvSyntax { message: String },
    #[error("the CSV column mapping is incomplete: {message}")]
    CsvMapping { message: String },
    #[error("the file holds no statement lines")]
    NoLines,
}

/// Longest value an error quotes, in characters; a longer one is cut and
/// ends in `…`.
pub const MAX_QUOTED_CHARS: usize = 80;

/// `value`, cut to [`MAX_QUOTED_CHARS`] characters for quoting in an error.
pub fn quoted(value: &str) -> String {
    if value.chars().count() <= MAX_QUOTED_CHARS {
        return value.to_string();
    }
    let mut cut: String = value.chars().take(MAX_QUOTED_CHARS).collect();
    cut.push('…');
    cut
}
