//! Why an e-invoice file is refused: where (the whole file, an element path
//! such as `/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount`, or a PDF
//! object) and what was wrong, with the offending value. The sentences live
//! in `src/ui/errors/einvoice.rs`; `Display` is the English one-liner for
//! `kontor-cli einvoice`.

use std::fmt;

/// A refused e-invoice. Boxed, so a `Result` carrying it stays small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EInvoiceError(Box<EInvoiceErrorData>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EInvoiceErrorData {
    /// The embedded file of a PDF the fault is in (`factur-x.xml`), when it
    /// is in one.
    pub embedded: Option<String>,
    pub at: Location,
    pub kind: EInvoiceErrorKind,
}

impl std::ops::Deref for EInvoiceError {
    type Target = EInvoiceErrorData;
    fn deref(&self) -> &EInvoiceErrorData {
        &self.0
    }
}

impl std::error::Error for EInvoiceError {}

impl EInvoiceError {
    pub fn new(at: Location, kind: EInvoiceErrorKind) -> EInvoiceError {
        EInvoiceError(Box::new(EInvoiceErrorData {
            embedded: None,
            at,
            kind,
        }))
    }

    /// An error about the file as a whole.
    pub fn whole(kind: EInvoiceErrorKind) -> EInvoiceError {
        EInvoiceError::new(Location::File, kind)
    }

    /// An error about the element at `path`.
    pub fn at(path: impl Into<String>, kind: EInvoiceErrorKind) -> EInvoiceError {
        EInvoiceError::new(Location::Element { path: path.into() }, kind)
    }

    /// The same error, inside the PDF's embedded file `name`.
    pub fn in_embedded(mut self, name: &str) -> EInvoiceError {
        self.0.embedded = Some(name.to_string());
        self
    }

    /// The element path, when the error is about one element.
    pub fn path(&self) -> Option<&str> {
        match &self.at {
            Location::Element { path } => Some(path),
            _ => None,
        }
    }
}

impl fmt::Display for EInvoiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.embedded {
            write!(f, "embedded file {name}, ")?;
        }
        match &self.at {
            Location::File => write!(f, "{}", self.kind),
            at => write!(f, "{at}: {}", self.kind),
        }
    }
}

/// A place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole.
    File,
    /// An XML element (or attribute, `…/cbc:PayableAmount/@currencyID`) as
    /// a path from the root with the file's prefixes:
    /// `/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount`.
    Element { path: String },
    /// A line (1-based) of the XML text, for a fault in the markup itself.
    Line { line: usize },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => write!(f, "whole file"),
            Location::Element { path } => write!(f, "{path}"),
            Location::Line { line } => write!(f, "line {line}"),
        }
    }
}

/// What a value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A decimal amount (`1234.56`, at most two decimals are not required).
    Amount,
    /// A quantity or other decimal number.
    Number,
    /// A percentage (`19`, `7.0`).
    Percent,
    /// A date (`2024-01-31` in UBL, `20240131` with format 102 in CII).
    Date,
    /// An ISO 4217 currency code.
    Currency,
    /// A code from the standard's code lists (type code, VAT category …).
    Code,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Amount => "an amount",
            Expected::Number => "a number",
            Expected::Percent => "a percentage",
            Expected::Date => "a date",
            Expected::Currency => "a currency code",
            Expected::Code => "a code",
        })
    }
}

/// What was wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EInvoiceErrorKind {
    #[error("the file is empty")]
    Empty,
    #[error("larger than {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("neither XML nor PDF")]
    UnknownFormat,
    #[error("the text is not valid {encoding}")]
    BadEncoding { encoding: String },
    #[error("the XML is not well-formed: {message}")]
    InvalidXml { message: String },
    #[error("the XML nests deeper than {limit} elements")]
    TooDeep { limit: usize },
    #[error(
        "not an e-invoice: the root element is {root:?} (expected UBL Invoice/CreditNote or CII CrossIndustryInvoice)"
    )]
    NotAnInvoice { root: String },
    #[error(
        "ZUGFeRD 1.0 (CrossIndustryDocument) is not read; ZUGFeRD 2 / Factur-X and XRechnung are"
    )]
    ZugferdV1,
    #[error("a required element is missing")]
    Missing,
    #[error("{value:?} is not {expected}")]
    Invalid { value: String, expected: Expected },
    #[error("the date format {format:?} is not read (only 102, YYYYMMDD)")]
    DateFormat { format: String },
    #[error("more than {limit} {what}")]
    TooMany { what: String, limit: usize },
    #[error("the PDF cannot be read: {message}")]
    BadPdf { message: String },
    #[error(
        "the PDF carries no embedded e-invoice (factur-x.xml, zugferd-invoice.xml, xrechnung.xml)"
    )]
    NoEmbeddedInvoice,
    #[error("the embedded file {file:?} cannot be read: {message}")]
    BadEmbeddedFile { file: String, message: String },
}
