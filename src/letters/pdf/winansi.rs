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
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u8,
        '\t' | '\n' | '\r' => b' ',
        _ => high(c).unwrap_or(b'?'),
    }
}

/// The Windows-1252 characters at 0x80–0x9F.
fn high(c: char) -> Option<u8> {
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        // Narrow no-break space (as in "10 %") reads as a space.
        '\u{202f}' | '\u{2009}' => b' ',
        _ => return None,
    })
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
