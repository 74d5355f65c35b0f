//! ZUGFeRD 2.x / Factur-X (and XRechnung-in-PDF): the invoice XML is a file
//! embedded in a PDF/A-3, listed in the catalog's `/Names /EmbeddedFiles`
//! name tree and as an associated file (`/AF`). We read the PDF's object
//! structure with `lopdf` (pure Rust, builds for wasm32) and return the
//! first embedded file with one of the standard names; nothing else of the
//! PDF is interpreted.

use super::MAX_BYTES;
use super::error::{EInvoiceError, EInvoiceErrorKind};
use super::xml::quoted;
use lopdf::{Dictionary, Document, LoadOptions, Object};
use std::collections::HashSet;

/// The names ZUGFeRD 2.x, Factur-X and XRechnung give the embedded XML, in
/// the order they are preferred when a PDF carries several (compared
/// without regard to case; ZUGFeRD 1's `ZUGFeRD-invoice.xml` matches the
/// last and is refused as ZUGFeRD 1 when nothing better is there).
pub const INVOICE_FILE_NAMES: [&str; 3] = ["factur-x.xml", "xrechnung.xml", "zugferd-invoice.xml"];

/// Deepest name tree followed (real ones have one or two levels).
const MAX_TREE_DEPTH: usize = 16;
/// Most file specifications looked at.
const MAX_FILES: usize = 1000;

/// One file embedded in the PDF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embedded {
    /// Its name (`/UF`, else `/F`, of the file specification).
    pub name: String,
    /// Its content, decompressed.
    pub bytes: Vec<u8>,
}

fn bad_pdf(error: impl std::fmt::Display) -> EInvoiceError {
    EInvoiceError::whole(EInvoiceErrorKind::BadPdf {
        message: quoted(&error.to_string()),
    })
}

fn load(bytes: &[u8]) -> Result<Document, EInvoiceError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_BYTES),
        ..LoadOptions::default()
    };
    Document::load_mem_with_options(bytes, options).map_err(bad_pdf)
}

/// The names of every embedded file the PDF lists (as `pdfdetach -list`
/// shows them), in the order found.
pub fn embedded_names(bytes: &[u8]) -> Result<Vec<String>, EInvoiceError> {
    let doc = load(bytes)?;
    Ok(file_specs(&doc)?
        .into_iter()
        .map(|spec| name_of(&doc, spec))
        .collect())
}

/// The embedded invoice XML: the first file with a standard name (see
/// [`INVOICE_FILE_NAMES`]); a PDF without one is refused with
/// [`EInvoiceErrorKind::NoEmbeddedInvoice`].
pub fn embedded_invoice(bytes: &[u8]) -> Result<Embedded, EInvoiceError> {
    let doc = load(bytes)?;
    let specs = file_specs(&doc)?;
    let rank = |spec: &&Dictionary| {
        let name = name_of(&doc, spec).to_ascii_lowercase();
        INVOICE_FILE_NAMES.iter().position(|n| *n == name)
    };
    let spec = specs
        .iter()
        .filter_map(|spec| rank(spec).map(|r| (r, *spec)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, spec)| spec);
    let Some(spec) = spec else {
        return Err(EInvoiceError::whole(EInvoiceErrorKind::NoEmbeddedInvoice));
    };
    let name = name_of(&doc, spec);
    let bad_file = |message: String| {
        EInvoiceError::whole(EInvoiceErrorKind::BadEmbeddedFile {
            file: quoted(&name),
            message: quoted(&message),
        })
    };
    let stream = spec
        .get_deref(b"EF", &doc)
        .and_then(Object::as_dict)
        .and_then(|ef| {
            ef.get_deref(b"F", &doc)
                .or_else(|_| ef.get_deref(b"UF", &doc))
        })
        .and_then(Object::as_stream)
        .map_err(|e| bad_file(e.to_string()))?;
    let content = stream
        .decompressed_content_with_limit(MAX_BYTES)
        .map_err(|e| bad_file(e.to_string()))?;
    Ok(Embedded {
        name,
        bytes: content,
    })
}

/// The file specification's name: `/UF` (Unicode), else `/F`.
fn name_of(doc: &Document, spec: &Dictionary) -> String {
    [b"UF".as_slice(), b"F".as_slice()]
        .iter()
        .find_map(|key| {
            spec.get_deref(key, doc)
                .ok()
                .and_then(|o| lopdf::decode_text_string(o).ok())
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_default()
}

/// Every file specification of the document: the `/EmbeddedFiles` name
/// tree, then the catalog's `/AF` associated files not seen yet.
fn file_specs(doc: &Document) -> Result<Vec<&Dictionary>, EInvoiceError> {
    let catalog = doc.catalog().map_err(bad_pdf)?;
    let mut seen = HashSet::new();
    let mut specs = Vec::new();
    if let Ok(tree) = catalog
        .get_deref(b"Names", doc)
        .and_then(Object::as_dict)
        .and_then(|names| names.get_deref(b"EmbeddedFiles", doc))
        .and_then(Object::as_dict)
    {
        walk_name_tree(doc, tree, 0, &mut seen, &mut specs);
    }
    if let Ok(af) = catalog.get_deref(b"AF", doc).and_then(Object::as_array) {
        for item in af {
            push_spec(doc, item, &mut seen, &mut specs);
        }
    }
    Ok(specs)
}

fn walk_name_tree<'d>(
    doc: &'d Document,
    node: &'d Dictionary,
    depth: usize,
    seen: &mut HashSet<(u32, u16)>,
    specs: &mut Vec<&'d Dictionary>,
) {
    if depth > MAX_TREE_DEPTH || specs.len() >= MAX_FILES {
        return;
    }
    if let Ok(names) = node.get_deref(b"Names", doc).and_then(Object::as_array) {
        // [key1 value1 key2 value2 …]
        for pair in names.chunks(2) {
            if let [_, value] = pair {
                push_spec(doc, value, seen, specs);
            }
        }
    }
    if let Ok(kids) = node.get_deref(b"Kids", doc).and_then(Object::as_array) {
        for kid in kids {
            if let Object::Reference(id) = kid
                && !seen.insert(*id)
            {
                continue;
            }
            if let Ok((_, Object::Dictionary(child))) = doc.dereference(kid) {
                walk_name_tree(doc, child, depth + 1, seen, specs);
            }
        }
    }
}

fn push_spec<'d>(
    doc: &'d Document,
    value: &'d Object,
    seen: &mut HashSet<(u32, u16)>,
    specs: &mut Vec<&'d Dictionary>,
) {
    if specs.len() >= MAX_FILES {
        return;
    }
    if let Object::Reference(id) = value
        && !seen.insert(*id)
    {
        return;
    }
    if let Ok((_, Object::Dictionary(spec))) = doc.dereference(value)
        && spec.has(b"EF")
    {
        specs.push(spec);
    }
}
