//! The SEPA character set (EPC217-08 "Latin character set") and the
//! transliteration German banks expect: the XSDs allow any Unicode text,
//! but the banks accept only `a-z A-Z 0-9 / - ? : ( ) . , ' +` and space
//! and reject or mangle a file with anything else.
//!
//! Free text (names, addresses, remittance) is transliterated: umlauts and
//! ß as the German banks write them (ä→ae, ß→ss), other Latin letters
//! without their accents (é→e, ł→l), a few punctuation marks to their SEPA
//! look-alikes (& → +, typographic quotes → '). A character with no
//! mapping is refused, never dropped or replaced by a dot, so the user
//! sees what the bank would have changed.
//!
//! Identifiers (message, end-to-end and mandate ids) are never rewritten:
//! the bank statement has to return them exactly as written.

/// The one character of `text` that cannot be written in a SEPA file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unmappable(pub char);

/// Whether `c` is in the SEPA Latin character set.
pub fn is_sepa_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '/' | '-' | '?' | ':' | '(' | ')' | '.' | ',' | '\'' | '+' | ' '
        )
}

/// The replacement of a character outside the set, if it has one.
pub fn replacement(c: char) -> Option<&'static str> {
    german(c)
        .or_else(|| latin_1(c))
        .or_else(|| latin_extended_a(c))
        .or_else(|| punctuation(c))
}

/// `text` with every character outside the SEPA set replaced; the first
/// character without a replacement is the error.
pub fn transliterate(text: &str) -> Result<String, Unmappable> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_sepa_char(c) {
            out.push(c);
        } else {
            out.push_str(replacement(c).ok_or(Unmappable(c))?);
        }
    }
    Ok(out)
}

/// The spellings the German banks use on statements (DFÜ-Abkommen).
fn german(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'Ä' => "Ae",
        'Ö' => "Oe",
        'Ü' => "Ue",
        'ß' => "ss",
        'ẞ' => "SS",
        _ => return None,
    })
}

/// Latin-1 letters other than the German ones.
fn latin_1(c: char) -> Option<&'static str> {
    Some(match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Å' => "A",
        'Æ' => "AE",
        'Ç' => "C",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'Ð' => "D",
        'Ñ' => "N",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ø' => "O",
        'Ù' | 'Ú' | 'Û' => "U",
        'Ý' => "Y",
        'Þ' => "TH",
        'à' | 'á' | 'â' | 'ã' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
        'ù' | 'ú' | 'û' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        _ => return None,
    })
}

/// Latin Extended-A (Central European letters) and the Romanian
/// comma-below letters, without their diacritics.
fn latin_extended_a(c: char) -> Option<&'static str> {
    Some(match c {
        'Ā' | 'Ă' | 'Ą' => "A",
        'ā' | 'ă' | 'ą' => "a",
        'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ď' | 'Đ' => "D",
        'ď' | 'đ' => "d",
        'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĥ' | 'Ħ' => "H",
        'ĥ' | 'ħ' => "h",
        'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'Ĳ' => "IJ",
        'ĳ' => "ij",
        'Ĵ' => "J",
        'ĵ' => "j",
        'Ķ' => "K",
        'ķ' | 'ĸ' => "k",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'Ń' | 'Ņ' | 'Ň' | 'Ŋ' => "N",
        'ń' | 'ņ' | 'ň' | 'ŋ' => "n",
        'Ō' | 'Ŏ' | 'Ő' => "O",
        'ō' | 'ŏ' | 'ő' => "o",
        'Œ' => "OE",
        'œ' => "oe",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "S",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'Ŵ' => "W",
        'ŵ' => "w",
        'Ŷ' | 'Ÿ' => "Y",
        'ŷ' => "y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Punctuation people type or paste from word processors.
fn punctuation(c: char) -> Option<&'static str> {
    Some(match c {
        '&' => "+",
        '’' | '‘' | '‚' | '´' | '`' | '"' | '“' | '”' | '„' => "'",
        '–' | '—' | '‐' | '‑' => "-",
        '\u{a0}' => " ",
        _ => return None,
    })
}

/// Why an identifier cannot be written as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentifierFault {
    /// A character outside the SEPA set, or a space.
    Character(char),
    /// Starts or ends with `/`, or contains `//` (EPC rule for references).
    Slashes,
}

/// Checks an identifier (MsgId, EndToEndId, MndtId) without changing it:
/// SEPA characters without spaces, no leading or trailing `/`, no `//`.
pub fn check_identifier(id: &str) -> Result<(), IdentifierFault> {
    if let Some(c) = id.chars().find(|&c| c == ' ' || !is_sepa_char(c)) {
        return Err(IdentifierFault::Character(c));
    }
    if id.starts_with('/') || id.ends_with('/') || id.contains("//") {
        return Err(IdentifierFault::Slashes);
    }
    Ok(())
}
