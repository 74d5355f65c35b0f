//! Lays one letter out on A4 pages: letterhead, the address in the window
//! of a DIN 5008 envelope, date, subject, paragraphs, the table (header
//! row repeated after a page break), closing, and the footer on every
//! page. Lengths are integer milli-points (1/1000 pt) until they are
//! written.

use super::metrics::width;
use super::winansi::encode;
use crate::letters::{Letter, Table};
use pdf_writer::{Content, Name, Str};

pub const REGULAR: &[u8] = b"F1";
pub const BOLD: &[u8] = b"F2";

const PAGE_H: i32 = 842_000;
const LEFT: i32 = 70_000;
const RIGHT: i32 = 545_000;
const TOP: i32 = 800_000;
/// Nothing but the footer below this.
const BOTTOM: i32 = 95_000;
const FOOTER_TOP: i32 = 70_000;
/// The address window (DIN 5008 form B: 45 mm from the top).
const ADDRESS_TOP: i32 = PAGE_H - 135_000;
const DATE_TOP: i32 = PAGE_H - 265_000;
const COLUMN_GAP: i32 = 14_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

/// The width of `text` (WinAnsi bytes) at `size` points, in milli-points.
fn text_width(text: &[u8], font: Font, size: i32) -> i32 {
    let em: i32 = text
        .iter()
        .map(|b| i32::from(width(*b, font == Font::Bold)))
        .sum();
    em * size
}

/// `text` in lines no wider than `max`: greedy by words, a word wider
/// than a line broken by characters.
fn wrap(text: &str, font: Font, size: i32, max: i32) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    for word in encode(text).split(|b| *b == b' ').filter(|w| !w.is_empty()) {
        let mut candidate = line.clone();
        if !candidate.is_empty() {
            candidate.push(b' ');
        }
        candidate.extend_from_slice(word);
        if text_width(&candidate, font, size) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for b in word {
            line.push(*b);
            if text_width(&line, font, size) > max && line.len() > 1 {
                let last = line.pop().unwrap_or(b'?');
                lines.push(std::mem::replace(&mut line, vec![last]));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn pt(milli: i32) -> f32 {
    milli as f32 / 1000.0
}

/// The pages of one letter, each a finished content stream.
struct Pages<'a> {
    done: Vec<Vec<u8>>,
    page: Content,
    /// The baseline of the next line.
    y: i32,
    footer: &'a [String],
}

impl<'a> Pages<'a> {
    fn new(footer: &'a [String]) -> Self {
        Pages {
            done: Vec::new(),
            page: Content::new(),
            y: TOP,
            footer,
        }
    }

    fn text(&mut self, x: i32, y: i32, text: &[u8], font: Font, size: i32) {
        let name = if font == Font::Bold { BOLD } else { REGULAR };
        self.page
            .begin_text()
            .set_font(Name(name), size as f32)
            .next_line(pt(x), pt(y))
            .show(Str(text))
            .end_text();
    }

    fn rule(&mut self, from: i32, to: i32, y: i32) {
        self.page
            .set_line_width(0.5)
            .move_to(pt(from), pt(y))
            .line_to(pt(to), pt(y))
            .stroke();
    }

    /// Starts a new page when `height` does not fit on this one; true then.
    fn ensure(&mut self, height: i32) -> bool {
        if self.y - height >= BOTTOM {
            return false;
        }
        self.break_page();
        true
    }

    fn break_page(&mut self) {
        self.draw_footer();
        let page = std::mem::replace(&mut self.page, Content::new());
        self.done.push(page.finish().into_vec());
        self.y = TOP;
    }

    fn draw_footer(&mut self) {
        let text = self.footer.join(" · ");
        if text.trim().is_empty() {
            return;
        }
        let mut y = FOOTER_TOP;
        self.rule(LEFT, RIGHT, y + 9_000);
        for line in wrap(&text, Font::Regular, 7, RIGHT - LEFT) {
            self.text(LEFT, y, &line, Font::Regular, 7);
            y -= 9_000;
        }
    }

    /// Wrapped text at the left margin, `leading` apart, then `after`.
    fn paragraph(&mut self, text: &str, font: Font, size: i32, after: i32) {
        let leading = size * 1_350;
        for line in wrap(text, font, size, RIGHT - LEFT) {
            self.ensure(leading);
            self.text(LEFT, self.y, &line, font, size);
            self.y -= leading;
        }
        self.y -= after;
    }

    fn finish(mut self) -> Vec<Vec<u8>> {
        self.break_page();
        self.done
    }
}

/// The content streams of `letter`'s pages.
pub fn letter_pages(letter: &Letter) -> Vec<Vec<u8>> {
    let mut pages = Pages::new(&letter.footer);
    head(&mut pages, letter);
    for p in &letter.paragraphs {
        pages.paragraph(p, Font::Regular, 10, 6_000);
    }
    table(&mut pages, &letter.table);
    pages.y -= 14_000;
    for line in &letter.closing {
        if line.is_empty() {
            pages.y -= 10_000;
        } else {
            pages.paragraph(line, Font::Regular, 10, 0);
        }
    }
    pages.finish()
}

/// Letterhead, sender line, address, date and subject of the first page.
fn head(pages: &mut Pages<'_>, letter: &Letter) {
    for (i, line) in letter.letterhead.iter().enumerate() {
        let (font, size) = if i == 0 {
            (Font::Bold, 14)
        } else {
            (Font::Regular, 9)
        };
        let encoded = encode(line);
        let x = RIGHT - text_width(&encoded, font, size);
        pages.text(x.max(LEFT), pages.y, &encoded, font, size);
        pages.y -= if i == 0 { 17_000 } else { 11_000 };
    }
    pages.y = pages.y.min(ADDRESS_TOP);
    let sender = wrap(&letter.sender_line, Font::Regular, 7, 240_000);
    if let Some(first) = sender.first() {
        pages.text(LEFT, pages.y, first, Font::Regular, 7);
        pages.rule(
            LEFT,
            LEFT + text_width(first, Font::Regular, 7),
            pages.y - 2_000,
        );
        pages.y -= 16_000;
    }
    for line in &letter.recipient {
        pages.text(LEFT, pages.y, &encode(line), Font::Regular, 10);
        pages.y -= 12_500;
    }
    pages.y = pages.y.min(DATE_TOP);
    let date = encode(&letter.place_date);
    let x = RIGHT - text_width(&date, Font::Regular, 10);
    pages.text(x, pages.y, &date, Font::Regular, 10);
    pages.y -= 30_000;
    pages.paragraph(&letter.subject, Font::Bold, 11, 12_000);
}

/// Column widths: numeric columns as wide as their widest cell, the text
/// columns share the rest in proportion to theirs.
fn widths(table: &Table) -> Vec<i32> {
    let n = table.headers.len();
    let mut natural = vec![0; n];
    let rows = std::iter::once((&table.headers, Font::Bold))
        .chain(table.rows.iter().map(|r| (r, Font::Regular)))
        .chain(table.totals.iter().map(|r| (r, Font::Bold)));
    for (row, font) in rows {
        for (i, cell) in row.iter().enumerate().take(n) {
            natural[i] = natural[i].max(text_width(&encode(cell), font, 9));
        }
    }
    let numeric = |i: usize| table.numeric.get(i).copied().unwrap_or(false);
    let available = RIGHT - LEFT - COLUMN_GAP * (n as i32 - 1).max(0);
    let fixed: i32 = (0..n).filter(|i| numeric(*i)).map(|i| natural[i]).sum();
    let flexible: i32 = (0..n).filter(|i| !numeric(*i)).map(|i| natural[i]).sum();
    let room = (available - fixed).max(0);
    (0..n)
        .map(|i| match (numeric(i), flexible) {
            (true, _) => natural[i],
            (false, 0) => room / (n as i32),
            (false, f) if f <= room => natural[i] + share(room - f, natural[i], f),
            (false, f) => share(room, natural[i], f).max(20_000),
        })
        .collect()
}

/// `total * part / whole` without overflow (milli-points squared do not
/// fit an `i32`).
fn share(total: i32, part: i32, whole: i32) -> i32 {
    let r = i64::from(total) * i64::from(part) / i64::from(whole.max(1));
    i32::try_from(r).unwrap_or(total)
}

/// One row of cells, wrapped in their columns; `rule` draws a line above.
fn row(pages: &mut Pages<'_>, table: &Table, cells: &[String], font: Font, columns: &[i32]) {
    const LEADING: i32 = 11_500;
    let wrapped: Vec<Vec<Vec<u8>>> = columns
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let cell = cells.get(i).map_or("", String::as_str);
            wrap(cell, font, 9, *w)
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1) as i32 * LEADING;
    if pages.ensure(height) && font == Font::Regular {
        header(pages, table, columns);
    }
    let mut x = LEFT;
    for (i, lines) in wrapped.iter().enumerate() {
        let numeric = table.numeric.get(i).copied().unwrap_or(false);
        for (k, line) in lines.iter().enumerate() {
            let dx = if numeric {
                columns[i] - text_width(line, font, 9)
            } else {
                0
            };
            pages.text(x + dx, pages.y - k as i32 * LEADING, line, font, 9);
        }
        x += columns[i] + COLUMN_GAP;
    }
    pages.y -= height;
}

fn header(pages: &mut Pages<'_>, table: &Table, columns: &[i32]) {
    row(pages, table, &table.headers, Font::Bold, columns);
    pages.rule(LEFT, RIGHT, pages.y + 8_000);
    pages.y -= 3_000;
}

fn table(pages: &mut Pages<'_>, table: &Table) {
    if table.headers.is_empty() {
        return;
    }
    let columns = widths(table);
    pages.ensure(40_000);
    header(pages, table, &columns);
    for cells in &table.rows {
        row(pages, table, cells, Font::Regular, &columns);
    }
    if !table.totals.is_empty() {
        if pages.ensure(11_500 * table.totals.len() as i32 + 4_000) {
            header(pages, table, &columns);
        }
        pages.rule(LEFT, RIGHT, pages.y + 8_000);
        pages.y -= 3_000;
        for cells in &table.totals {
            row(pages, table, cells, Font::Bold, &columns);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_lines_within_the_width() {
        let text = "Sehr geehrte Damen und Herren, trotz unserer Rechnung ist der folgende Betrag noch offen.";
        let lines = wrap(text, Font::Regular, 10, 150_000);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| text_width(l, Font::Regular, 10) <= 150_000)
        );
        let joined: Vec<u8> = lines.join(&b' ');
        assert_eq!(joined, encode(text));
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken() {
        let lines = wrap(&"W".repeat(60), Font::Bold, 10, 100_000);
        assert!(lines.len() > 1);
        assert_eq!(lines.iter().map(Vec::len).sum::<usize>(), 60);
    }

    #[test]
    fn helvetica_widths_match_the_afm() {
        // "Hä" = H 722 + ä 556 (Helvetica), € 556.
        assert_eq!(
            text_width(&encode("Hä€"), Font::Regular, 1),
            722 + 556 + 556
        );
        assert_eq!(text_width(&encode("W"), Font::Bold, 10), 9_440);
    }
}
