//! The XML of an e-invoice as a small element tree, read by quick-xml's
//! namespace-aware reader (no hand-rolled parsing). Elements are matched by
//! namespace URI and local name, so any prefix (or a default namespace)
//! works; paths in errors use the prefixes as written in the file, with the
//! 1-based position of repeated elements: `/Invoice/cac:InvoiceLine[2]/cbc:ID`.
//!
//! Why a tree and not serde (as the camt reader): UBL and CII are two deep
//! vocabularies of which we read a sliver; the tree lets one small set of
//! accessors serve both, checks each element's namespace, and names the
//! exact element (with the file's prefix) of every missing or bad value.

use super::error::{EInvoiceError, EInvoiceErrorKind, Expected, Location};
use chrono::NaiveDate;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::str::FromStr;

/// Deepest element nesting accepted; UBL and CII need about 10.
pub const MAX_DEPTH: usize = 64;
/// Most elements read from one document.
pub const MAX_ELEMENTS: usize = 500_000;
/// Longest value an error quotes, in characters.
pub const MAX_QUOTED_CHARS: usize = 80;

/// `value`, cut for quoting in an error.
pub fn quoted(value: &str) -> String {
    if value.chars().count() <= MAX_QUOTED_CHARS {
        return value.to_string();
    }
    let mut cut: String = value.chars().take(MAX_QUOTED_CHARS).collect();
    cut.push('…');
    cut
}

/// One element: its namespace, names, attributes (by local name), text
/// (concatenated, untrimmed) and children in document order.
#[derive(Debug)]
pub struct Element {
    pub namespace: String,
    pub local: String,
    pub qname: String,
    pub attributes: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Element>,
}

/// The text of `bytes`: UTF-8 (BOM allowed), or UTF-16 with its BOM.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, EInvoiceError> {
    let (encoding, body) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, &bytes[bom..]),
        None => (encoding_rs::UTF_8, bytes),
    };
    encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .ok_or_else(|| {
            EInvoiceError::whole(EInvoiceErrorKind::BadEncoding {
                encoding: encoding.name().to_string(),
            })
        })
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

fn at_line(text: &str, offset: u64, kind: EInvoiceErrorKind) -> EInvoiceError {
    EInvoiceError::new(
        Location::Line {
            line: line_of(text, offset),
        },
        kind,
    )
}

fn invalid_xml(text: &str, offset: u64, message: String) -> EInvoiceError {
    at_line(
        text,
        offset,
        EInvoiceErrorKind::InvalidXml {
            message: quoted(&message),
        },
    )
}

/// Parses `text` into its root element; the whole document must be
/// well-formed (the error names the line).
pub fn parse(text: &str) -> Result<Element, EInvoiceError> {
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut count = 0usize;
    loop {
        let (resolved, event) = match reader.read_resolved_event() {
            Ok(pair) => pair,
            Err(error) => {
                return Err(invalid_xml(
                    text,
                    reader.error_position(),
                    error.to_string(),
                ));
            }
        };
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                if root.is_some() {
                    return Err(invalid_xml(
                        text,
                        reader.buffer_position(),
                        "a second root element".into(),
                    ));
                }
                count += 1;
                if count > MAX_ELEMENTS {
                    return Err(EInvoiceError::whole(EInvoiceErrorKind::TooMany {
                        what: "XML elements".into(),
                        limit: MAX_ELEMENTS,
                    }));
                }
                let namespace = match resolved {
                    ResolveResult::Bound(ns) => ns.as_ref().to_string(),
                    ResolveResult::Unbound => String::new(),
                    ResolveResult::Unknown(prefix) => {
                        return Err(invalid_xml(
                            text,
                            reader.buffer_position(),
                            format!("unknown namespace prefix {prefix:?}"),
                        ));
                    }
                };
                let mut attributes = Vec::new();
                for attribute in start.attributes() {
                    let attribute = attribute
                        .map_err(|e| invalid_xml(text, reader.buffer_position(), e.to_string()))?;
                    let key = attribute.key.local_name().as_ref().to_string();
                    if attribute.key.as_ref().starts_with("xmlns") {
                        continue;
                    }
                    let value = attribute
                        .normalized_value(quick_xml::XmlVersion::default())
                        .map_err(|e| invalid_xml(text, reader.buffer_position(), e.to_string()))?;
                    attributes.push((key, value.into_owned()));
                }
                let element = Element {
                    namespace,
                    local: start.local_name().as_ref().to_string(),
                    qname: start.name().as_ref().to_string(),
                    attributes,
                    text: String::new(),
                    children: Vec::new(),
                };
                if matches!(event, Event::Start(_)) {
                    if stack.len() >= MAX_DEPTH {
                        return Err(at_line(
                            text,
                            reader.buffer_position(),
                            EInvoiceErrorKind::TooDeep { limit: MAX_DEPTH },
                        ));
                    }
                    stack.push(element);
                } else {
                    close(element, &mut stack, &mut root);
                }
            }
            Event::End(_) => match stack.pop() {
                Some(element) => close(element, &mut stack, &mut root),
                None => {
                    return Err(invalid_xml(
                        text,
                        reader.buffer_position(),
                        "an end tag without a start tag".into(),
                    ));
                }
            },
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                } else if !t.xml10_content().trim().is_empty() {
                    return Err(invalid_xml(
                        text,
                        reader.buffer_position(),
                        "text outside the root element".into(),
                    ));
                }
            }
            Event::CData(c) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&c.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(ch)) => ch,
                    Ok(None) => match r.as_ref() {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        other => {
                            return Err(invalid_xml(
                                text,
                                reader.buffer_position(),
                                format!("unknown entity &{other};"),
                            ));
                        }
                    },
                    Err(e) => {
                        return Err(invalid_xml(text, reader.buffer_position(), e.to_string()));
                    }
                };
                if let Some(top) = stack.last_mut() {
                    top.text.push(ch);
                }
            }
            Event::Eof => {
                if !stack.is_empty() {
                    return Err(invalid_xml(
                        text,
                        text.len() as u64,
                        format!("the document ends inside {} open element(s)", stack.len()),
                    ));
                }
                break;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    root.ok_or_else(|| {
        EInvoiceError::whole(EInvoiceErrorKind::InvalidXml {
            message: "no XML element".into(),
        })
    })
}

fn close(element: Element, stack: &mut [Element], root: &mut Option<Element>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None => *root = Some(element),
    }
}

/// An element and its path from the root, for reading values and naming
/// them in errors.
#[derive(Clone)]
pub struct Node<'a> {
    pub element: &'a Element,
    pub path: String,
}

/// A name to look for: namespace URI and local name.
pub type Name<'n> = (&'n str, &'n str);

impl<'a> Node<'a> {
    pub fn root(element: &'a Element) -> Node<'a> {
        Node {
            element,
            path: format!("/{}", element.qname),
        }
    }

    /// The path of a (possibly absent) child `name` of this element, with
    /// the prefix the file uses for its namespace where one is known.
    pub fn child_path(&self, name: Name<'_>) -> String {
        format!("{}/{}", self.path, self.prefixed(name))
    }

    /// `name` with the prefix this document uses for its namespace.
    fn prefixed(&self, (ns, local): Name<'_>) -> String {
        let prefix = self
            .element
            .children
            .iter()
            .chain(std::iter::once(self.element))
            .find(|e| e.namespace == ns)
            .map(|e| e.qname.split_once(':').map(|(p, _)| p.to_string()))
            .unwrap_or_else(|| default_prefix(ns).map(str::to_string));
        match prefix {
            Some(p) => format!("{p}:{local}"),
            None => local.to_string(),
        }
    }

    /// Every child element `name`, each with its path (1-based positions
    /// when more than one).
    pub fn all(&self, name: Name<'_>) -> Vec<Node<'a>> {
        let found: Vec<&'a Element> = self
            .element
            .children
            .iter()
            .filter(|e| e.namespace == name.0 && e.local == name.1)
            .collect();
        let many = found.len() > 1;
        found
            .into_iter()
            .enumerate()
            .map(|(i, element)| Node {
                element,
                path: if many {
                    format!("{}/{}[{}]", self.path, element.qname, i + 1)
                } else {
                    format!("{}/{}", self.path, element.qname)
                },
            })
            .collect()
    }

    /// The first child element `name`.
    pub fn first(&self, name: Name<'_>) -> Option<Node<'a>> {
        self.element
            .children
            .iter()
            .find(|e| e.namespace == name.0 && e.local == name.1)
            .map(|element| Node {
                element,
                path: format!("{}/{}", self.path, element.qname),
            })
    }

    /// The first child `name`, or an error naming where it should be.
    pub fn req(&self, name: Name<'_>) -> Result<Node<'a>, EInvoiceError> {
        self.first(name)
            .ok_or_else(|| EInvoiceError::at(self.child_path(name), EInvoiceErrorKind::Missing))
    }

    /// Follows `names` one child after another (first of each).
    pub fn get(&self, names: &[Name<'_>]) -> Option<Node<'a>> {
        let mut node = self.clone();
        for name in names {
            node = node.first(*name)?;
        }
        Some(node)
    }

    /// Follows `names`, naming the first missing one.
    pub fn need(&self, names: &[Name<'_>]) -> Result<Node<'a>, EInvoiceError> {
        let mut node = self.clone();
        for name in names {
            node = node.req(*name)?;
        }
        Ok(node)
    }

    /// The trimmed text; `None` when empty.
    pub fn text(&self) -> Option<String> {
        let t = self.element.text.trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    /// The trimmed text of the element at `names`, `None` when absent or
    /// empty.
    pub fn text_at(&self, names: &[Name<'_>]) -> Option<String> {
        self.get(names).and_then(|n| n.text())
    }

    /// The trimmed text at `names`, required (missing or empty → error).
    pub fn need_text(&self, names: &[Name<'_>]) -> Result<String, EInvoiceError> {
        let node = self.need(names)?;
        node.text()
            .ok_or_else(|| EInvoiceError::at(node.path, EInvoiceErrorKind::Missing))
    }

    /// An attribute by local name.
    pub fn attr(&self, local: &str) -> Option<String> {
        self.element
            .attributes
            .iter()
            .find(|(k, _)| k == local)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// This element's text as a decimal (required).
    pub fn decimal(&self, expected: Expected) -> Result<Decimal, EInvoiceError> {
        decimal(&self.element.text, &self.path, expected)
    }

    /// The decimal at `names`, `None` when absent.
    pub fn decimal_at(
        &self,
        names: &[Name<'_>],
        expected: Expected,
    ) -> Result<Option<Decimal>, EInvoiceError> {
        self.get(names).map(|n| n.decimal(expected)).transpose()
    }

    /// The decimal at `names`, required.
    pub fn need_decimal(
        &self,
        names: &[Name<'_>],
        expected: Expected,
    ) -> Result<Decimal, EInvoiceError> {
        self.need(names)?.decimal(expected)
    }
}

fn default_prefix(ns: &str) -> Option<&'static str> {
    Some(match ns {
        super::ubl::CAC => "cac",
        super::ubl::CBC => "cbc",
        super::cii::RAM => "ram",
        super::cii::RSM => "rsm",
        super::cii::UDT => "udt",
        _ => return None,
    })
}

/// Reads a value's text as a decimal.
pub fn decimal(value: &str, path: &str, expected: Expected) -> Result<Decimal, EInvoiceError> {
    let trimmed = value.trim();
    let ok = !trimmed.is_empty()
        && trimmed
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && (b == b'-' || b == b'+')));
    let parsed = if ok {
        Decimal::from_str(trimmed.trim_start_matches('+')).ok()
    } else {
        None
    };
    parsed.ok_or_else(|| {
        EInvoiceError::at(
            path,
            EInvoiceErrorKind::Invalid {
                value: quoted(value),
                expected,
            },
        )
    })
}

/// Reads a date in `format` (chrono syntax).
pub fn date(value: &str, format: &str, path: &str) -> Result<NaiveDate, EInvoiceError> {
    let trimmed = value.trim();
    let well_formed = trimmed.len() == if format == "%Y%m%d" { 8 } else { 10 };
    well_formed
        .then(|| NaiveDate::parse_from_str(trimmed, format).ok())
        .flatten()
        .ok_or_else(|| {
            EInvoiceError::at(
                path,
                EInvoiceErrorKind::Invalid {
                    value: quoted(value),
                    expected: Expected::Date,
                },
            )
        })
}
