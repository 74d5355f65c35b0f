//! Letters as PDF (A4, the standard Helvetica fonts in WinAnsi encoding,
//! so German text needs no embedded font), one page or more per letter,
//! several letters in one file.
//!
//! Built in the browser with `pdf-writer`, which writes objects and leaves
//! layout to us: `layout` wraps text by the fonts' AFM widths (`metrics`),
//! breaks long tables onto new pages (repeating the header row) and puts
//! the footer on every page. Lengths are kept in integer milli-points so
//! the same letters always give the same bytes (no timestamps, no ids):
//! a golden test can compare them.

mod layout;
mod metrics;
mod winansi;

pub use winansi::encode;

use super::Letter;
use pdf_writer::{Name, Pdf, Rect, Ref};

/// A4 in points.
const A4: (f32, f32) = (595.0, 842.0);

/// The PDF of `letters`, each starting on a new page.
pub fn letters_pdf(letters: &[Letter]) -> Vec<u8> {
    let mut pages = Vec::new();
    for letter in letters {
        pages.extend(layout::letter_pages(letter));
    }
    if pages.is_empty() {
        // A PDF needs a page; an empty run still gives a valid file.
        pages.push(Vec::new());
    }
    write(&pages)
}

/// Writes the page contents (content streams) as a PDF: catalog 1, page
/// tree 2, fonts 3 and 4, then page and content per page.
fn write(pages: &[Vec<u8>]) -> Vec<u8> {
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let page_ref = |i: usize| Ref::new(5 + 2 * i as i32);
    let content_ref = |i: usize| Ref::new(6 + 2 * i as i32);
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids((0..pages.len()).map(page_ref))
        .count(pages.len() as i32);
    for (id, name) in [(regular, "Helvetica"), (bold, "Helvetica-Bold")] {
        pdf.type1_font(id)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    for (i, content) in pages.iter().enumerate() {
        let mut page = pdf.page(page_ref(i));
        page.media_box(Rect::new(0.0, 0.0, A4.0, A4.1))
            .parent(tree)
            .contents(content_ref(i));
        page.resources()
            .fonts()
            .pair(Name(layout::REGULAR), regular)
            .pair(Name(layout::BOLD), bold);
        drop(page);
        pdf.stream(content_ref(i), content);
    }
    pdf.finish()
}
