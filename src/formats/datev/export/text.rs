//! Writing EXTF fields: Windows-1252 bytes, `;` between fields, CRLF
//! after a line, text in double quotes (a quote doubled), numbers bare
//! with a decimal comma. A character Windows-1252 cannot hold is
//! transliterated (ő → o, ł → l, …; anything else → `?`) and noted with
//! the place it came from, so the page can say what changed.

use super::Place;
use crate::formats::cp1252::byte as cp1252;

/// An ASCII stand-in for a letter Windows-1252 lacks (Central and
/// Eastern European letters mostly); `?` for anything else.
fn stand_in(c: char) -> &'static str {
    match c {
        'ő' | 'ō' | 'ŏ' => "o",
        'Ő' | 'Ō' | 'Ŏ' => "O",
        'ű' | 'ū' | 'ů' | 'ŭ' | 'ų' => "u",
        'Ű' | 'Ū' | 'Ů' | 'Ŭ' | 'Ų' => "U",
        'ł' => "l",
        'Ł' => "L",
        'ś' | 'ş' | 'ș' => "s",
        'Ś' | 'Ş' | 'Ș' => "S",
        'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "C",
        'ń' | 'ň' | 'ņ' => "n",
        'Ń' | 'Ň' | 'Ņ' => "N",
        'ź' | 'ż' => "z",
        'Ź' | 'Ż' => "Z",
        'ę' | 'ě' | 'ē' | 'ė' | 'ĕ' => "e",
        'Ę' | 'Ě' | 'Ē' | 'Ė' | 'Ĕ' => "E",
        'ą' | 'ā' | 'ă' => "a",
        'Ą' | 'Ā' | 'Ă' => "A",
        'ř' | 'ŕ' => "r",
        'Ř' | 'Ŕ' => "R",
        'ď' | 'đ' => "d",
        'Ď' | 'Đ' => "D",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ğ' | 'ģ' => "g",
        'Ğ' | 'Ģ' => "G",
        'ı' | 'ī' | 'į' => "i",
        'İ' | 'Ī' | 'Į' => "I",
        'ķ' => "k",
        'Ķ' => "K",
        'ļ' | 'ľ' | 'ĺ' => "l",
        'Ļ' | 'Ľ' | 'Ĺ' => "L",
        _ => "?",
    }
}

/// One replaced character and where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    pub place: Place,
    pub found: char,
    pub written: &'static str,
}

/// At most this many replacements are listed (all are made).
pub const MAX_LISTED: usize = 100;

/// The bytes of one EXTF file as they are written.
#[derive(Default)]
pub struct Out {
    pub bytes: Vec<u8>,
    pub replaced: Vec<Replaced>,
    pub replaced_count: usize,
}

impl Out {
    /// ASCII written as it is (numbers, separators, fixed words).
    pub fn ascii(&mut self, s: &str) {
        debug_assert!(s.is_ascii(), "only ASCII is written raw");
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn sep(&mut self) {
        self.bytes.push(b';');
    }

    pub fn crlf(&mut self) {
        self.bytes.extend_from_slice(b"\r\n");
    }

    /// Text already quoted (a header line): encoded, nothing added.
    pub fn raw(&mut self, s: &str, place: &Place) {
        for c in s.chars() {
            self.char(c, place);
        }
    }

    fn char(&mut self, c: char, place: &Place) {
        match cp1252(c) {
            Some(b) => self.bytes.push(b),
            None => {
                let written = stand_in(c);
                self.bytes.extend_from_slice(written.as_bytes());
                self.replaced_count += 1;
                if self.replaced.len() < MAX_LISTED {
                    self.replaced.push(Replaced {
                        place: place.clone(),
                        found: c,
                        written,
                    });
                }
            }
        }
    }

    /// A quoted text field of at most `max` characters (cut, never an
    /// error: DATEV's limits are shorter than ours). Line breaks become
    /// spaces, a quote is doubled.
    pub fn text(&mut self, s: &str, max: usize, place: &Place) {
        self.bytes.push(b'"');
        for c in s.chars().take(max) {
            match c {
                '"' => self.bytes.extend_from_slice(b"\"\""),
                '\r' | '\n' | '\t' => self.bytes.push(b' '),
                c => self.char(c, place),
            }
        }
        self.bytes.push(b'"');
    }
}
