//! camt.052/.053/.054 reader (ISO 20022 cash management, as German banks
//! deliver it since MT940 ended): bytes in, statements out.
//!
//! Three steps, all through quick-xml, none hand-rolled:
//! 1. text: UTF-8 (BOM allowed), or the encoding the XML declaration or a
//!    UTF-16 BOM names, decoded by encoding_rs;
//! 2. scan: one pass of quick-xml's namespace-aware reader checks that the
//!    XML is well-formed (the error names the line), bounds the nesting,
//!    and reads the root's namespace — the message (`camt.053`) and
//!    version (`001.08`) come from there, never assumed;
//! 3. serde: the document into the structures of `xml.rs`, then `map.rs`
//!    checks every value and builds the statements, naming the element
//!    path of anything wrong.

mod map;
mod xml;

use super::error::{BankError, BankErrorKind, Location, quoted};
use super::model::{BankStatement, StatementFormat};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::borrow::Cow;

/// Largest camt file read (bytes of text); a day's statement of a busy
/// account is a few MB.
pub const MAX_CAMT_BYTES: usize = 64 << 20;
/// Deepest element nesting accepted; camt needs about 12.
pub const MAX_DEPTH: usize = 64;
/// The camt versions read: `001.01` to `001.08` of each message. Later
/// versions are refused until a real file of them has been checked.
pub const SUPPORTED_VERSIONS: std::ops::RangeInclusive<u32> = 1..=8;

const NAMESPACE_PREFIX: &str = "urn:iso:std:iso:20022:tech:xsd:";

/// Which camt message and version a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CamtKind {
    pub format: StatementFormat,
    pub version: u32,
}

impl CamtKind {
    /// `camt.053.001.08`
    pub fn name(self) -> String {
        let message = match self.format {
            StatementFormat::Camt052 => "052",
            StatementFormat::Camt054 => "054",
            _ => "053",
        };
        format!("camt.{message}.001.{:02}", self.version)
    }
}

/// Whether `bytes` look like an XML document (for format detection).
pub fn looks_like_xml(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|i| text[i] == b'<')
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
}

/// Reads every statement (camt.053), report (camt.052) or notification
/// (camt.054) of one camt document.
pub fn read_camt(file: &str, bytes: &[u8]) -> Result<Vec<BankStatement>, BankError> {
    let whole = |kind| BankError::new(file, Location::File, kind);
    if bytes.is_empty() {
        return Err(whole(BankErrorKind::Empty));
    }
    if bytes.len() > MAX_CAMT_BYTES {
        return Err(whole(BankErrorKind::TooLarge {
            limit: MAX_CAMT_BYTES as u64,
        }));
    }
    let text = decode(bytes).map_err(whole)?;
    let kind = scan(&text).map_err(|(at, kind)| BankError::new(file, at, kind))?;
    let document = deserialize(&text).map_err(|(at, kind)| BankError::new(file, at, kind))?;
    map::statements(file, kind, &document)
}

/// The document as text: see the module docs.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, BankErrorKind> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom..]);
    }
    match declared_encoding(bytes)? {
        Some(encoding) => decode_with(encoding, bytes),
        None => decode_with(encoding_rs::UTF_8, bytes),
    }
}

fn decode_with<'b>(
    encoding: &'static encoding_rs::Encoding,
    bytes: &'b [u8],
) -> Result<Cow<'b, str>, BankErrorKind> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| BankErrorKind::BadEncoding {
            encoding: encoding.name().to_string(),
        })
}

/// The encoding the XML declaration names, if any.
fn declared_encoding(
    bytes: &[u8],
) -> Result<Option<&'static encoding_rs::Encoding>, BankErrorKind> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let label = match reader.read_event_into(&mut buf) {
        Ok(Event::Decl(decl)) => match decl.encoding() {
            Some(Ok(label)) => label.into_owned(),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    match encoding_rs::Encoding::for_label(label.as_bytes()) {
        Some(encoding) => Ok(Some(encoding.output_encoding())),
        None => Err(BankErrorKind::UnsupportedEncoding {
            encoding: quoted(&label),
        }),
    }
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: u64) -> usize {
    let end = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(text.len());
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

type Fault = (Location, BankErrorKind);

/// Checks the whole document is well-formed and not too deep, and returns
/// the camt message and version of its root element.
fn scan(text: &str) -> Result<CamtKind, Fault> {
    let mut reader = NsReader::from_str(text);
    let mut depth = 0usize;
    let mut kind: Option<Result<CamtKind, Fault>> = None;
    loop {
        let (resolved, event) = match reader.read_resolved_event() {
            Ok(pair) => pair,
            Err(error) => {
                let line = line_of(text, reader.error_position());
                let at = Location::Line { line, field: None };
                let message = quoted(&error.to_string());
                return Err((at, BankErrorKind::InvalidXml { message }));
            }
        };
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                if kind.is_none() {
                    let local = start.local_name();
                    kind = Some(root_kind(&resolved, local.as_ref()));
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        let line = line_of(text, reader.buffer_position());
                        let at = Location::Line { line, field: None };
                        return Err((at, BankErrorKind::TooDeep { limit: MAX_DEPTH }));
                    }
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof if depth > 0 => {
                let line = line_of(text, text.len() as u64);
                let at = Location::Line { line, field: None };
                let message = format!("the document ends inside {depth} open element(s)");
                return Err((at, BankErrorKind::InvalidXml { message }));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let not_a_statement = || BankErrorKind::NotAStatement {
        detail: "no XML element".into(),
    };
    kind.unwrap_or_else(|| Err((Location::File, not_a_statement())))
}

/// The camt message and version from the root element's namespace.
fn root_kind(resolved: &ResolveResult<'_>, local: &str) -> Result<CamtKind, Fault> {
    let namespace = match resolved {
        ResolveResult::Bound(ns) => ns.as_ref().to_string(),
        _ => String::new(),
    };
    let not_a_statement = |detail: String| {
        Err((
            Location::Element {
                path: local.to_string(),
            },
            BankErrorKind::NotAStatement { detail },
        ))
    };
    let Some(name) = namespace.strip_prefix(NAMESPACE_PREFIX) else {
        return not_a_statement(format!(
            "XML root <{}> in namespace {:?}",
            quoted(local),
            quoted(&namespace)
        ));
    };
    let (message, version) = match name.split_once(".001.") {
        Some((message, version)) => (message, version),
        None => return not_a_statement(format!("ISO 20022 message {}", quoted(name))),
    };
    let format = match message {
        "camt.052" => StatementFormat::Camt052,
        "camt.053" => StatementFormat::Camt053,
        "camt.054" => StatementFormat::Camt054,
        _ => return not_a_statement(format!("ISO 20022 message {}", quoted(name))),
    };
    let number = version.parse::<u32>().ok().filter(|_| version.len() == 2);
    match number {
        Some(v) if SUPPORTED_VERSIONS.contains(&v) && local == "Document" => {
            Ok(CamtKind { format, version: v })
        }
        Some(v) if SUPPORTED_VERSIONS.contains(&v) => {
            not_a_statement(format!("root <{}> instead of <Document>", quoted(local)))
        }
        _ => Err((
            Location::Element {
                path: local.to_string(),
            },
            BankErrorKind::UnsupportedCamtVersion {
                message: message.to_string(),
                version: format!("001.{}", quoted(version)),
                supported: "001.01 to 001.08".into(),
            },
        )),
    }
}

/// The document into the serde structures; a structural fault names the
/// element path serde was at.
fn deserialize(text: &str) -> Result<xml::Document, Fault> {
    let mut de = quick_xml::de::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|error| {
        let mut path = String::from("Document");
        for segment in error.path().iter() {
            use serde_path_to_error::Segment;
            match segment {
                Segment::Map { key } => {
                    path.push('/');
                    path.push_str(key.trim_start_matches('@'));
                }
                Segment::Seq { index } => path.push_str(&format!("[{}]", index + 1)),
                Segment::Enum { variant } => {
                    path.push('/');
                    path.push_str(variant);
                }
                Segment::Unknown => {}
            }
        }
        let message = quoted(&error.inner().to_string());
        (
            Location::Element { path },
            BankErrorKind::UnexpectedContent { message },
        )
    })
}
