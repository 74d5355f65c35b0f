//! Text to WinAnsiEncoding bytes, the encoding the standard PDF fonts
//! understand without an embedded font: Latin-1 plus the typographic
//! characters Windows-1252 puts at 0x80–0x9F (€, „“, –, …).

/// The WinAnsi bytes of `text`; a character without one becomes `?`,
/// a tab or line break a space.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars().map(byte).collect()
}

fn byte(c: char) -> u8 {
    match c {
        ' '..='~' | '\u{a0}'..='\u{ff}' => c as u8,
        // A tab or break, and the narrow spaces (as in "10 %"), read as a space.
        '\t' | '\n' | '\r' | '\u{202f}' | '\u{2009}' => b' ',
        c if c > '\u{ff}' => crate::formats::cp1252::byte(c).unwrap_or(b'?'),
        _ => b'?',
    }
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn german_text_and_euro_map_to_winansi() {
        assert_eq!(encode("Grüße €"), b"Gr\xfc\xdfe \x80".to_vec());
        assert_eq!(encode("„Ä“ – Ö"), b"\x84\xc4\x93 \x96 \xd6".to_vec());
    }

    #[test]
    fn unmappable_becomes_a_question_mark() {
        assert_eq!(encode("Łódź 漢"), b"?\xf3d? ?".to_vec());
    }
}
