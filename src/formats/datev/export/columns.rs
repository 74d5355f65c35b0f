//! The column layouts of the three files (titles and text/number kinds,
//! from DATEV's samples; see `columns/README.md`) and the writer of one
//! row by column index: fields not given are written empty in their kind.

use super::Place;
use super::text::Out;

pub struct Layout {
    pub titles: Vec<&'static str>,
    /// `true`: the field is quoted text.
    pub text: Vec<bool>,
}

impl Layout {
    fn parse(data: &'static str) -> Layout {
        let mut lines = data.lines();
        let titles: Vec<&'static str> = lines.next().unwrap_or_default().split(';').collect();
        let text: Vec<bool> = lines
            .next()
            .unwrap_or_default()
            .bytes()
            .map(|b| b == b'T')
            .collect();
        assert_eq!(titles.len(), text.len(), "columns data: one kind per title");
        Layout { titles, text }
    }

    pub fn buchungsstapel() -> Layout {
        Layout::parse(include_str!("columns/buchungsstapel.txt"))
    }

    pub fn labels() -> Layout {
        Layout::parse(include_str!("columns/labels.txt"))
    }

    pub fn partners() -> Layout {
        Layout::parse(include_str!("columns/partners.txt"))
    }

    /// The index of the column titled `title` (our own data: a typo is a
    /// bug, caught by every test that exports).
    pub fn col(&self, title: &str) -> usize {
        self.titles
            .iter()
            .position(|t| *t == title)
            .unwrap_or_else(|| unreachable!("DATEV column {title:?} is in the layout"))
    }

    /// Line 2: the titles, as text without quotes (as DATEV writes them).
    pub fn write_titles(&self, out: &mut Out) {
        for (i, t) in self.titles.iter().enumerate() {
            if i > 0 {
                out.sep();
            }
            // Titles are our data and all in Windows-1252.
            let start = out.bytes.len();
            out.text(t, usize::MAX, &Place::Header);
            // Drop the quotes `text` wrote around it.
            out.bytes.remove(start);
            out.bytes.pop();
        }
        out.crlf();
    }

    /// The empty fields from column `from` to the end (with the `;` before
    /// each), to append after the last given field.
    pub fn empty_tail(&self, from: usize) -> Vec<u8> {
        let mut tail = Vec::new();
        for &text in &self.text[from..] {
            tail.push(b';');
            if text {
                tail.extend_from_slice(b"\"\"");
            }
        }
        tail
    }
}

/// A field's value in a row.
pub enum Value<'a> {
    /// Bare ASCII (numbers).
    Num(String),
    /// Quoted text cut at `max` characters.
    Text(&'a str, usize),
}

/// Writes one row: `fields` sorted by column, then the precomputed empty
/// tail after the last of them (`tail_from` must be past every given
/// column), CRLF.
pub fn write_row(
    out: &mut Out,
    layout: &Layout,
    fields: &[(usize, Value<'_>)],
    tail_from: usize,
    tail: &[u8],
    place: &Place,
) {
    let mut next = 0;
    let mut fields = fields.iter().peekable();
    while next < tail_from {
        if next > 0 {
            out.sep();
        }
        match fields.peek() {
            Some((col, value)) if *col == next => {
                match value {
                    Value::Num(s) => out.ascii(s),
                    Value::Text(s, max) => out.text(s, *max, place),
                }
                fields.next();
            }
            _ => {
                if layout.text[next] {
                    out.ascii("\"\"");
                }
            }
        }
        next += 1;
    }
    assert!(fields.next().is_none(), "every field lies before the tail");
    out.bytes.extend_from_slice(tail);
    out.crlf();
}
