//! Countries (Länder) of ISO 3166-1 with German and English short names,
//! for the country pickers of the setup wizard and the company details.
//! The engine stores only the alpha-2 code; a user types or picks a name.
//! The list is data (`countries.txt`, embedded), parsed once.
//!
//! What the picker accepts ([`parse_country`]): a code ("de"), a name in
//! either language ("Deutschland", "germany"), or the picker's own label
//! ("Deutschland (DE)"); anything else is refused rather than guessed.

use std::sync::OnceLock;

const DATA: &str = include_str!("countries.txt");

/// One country: its ISO 3166-1 alpha-2 code and short names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub name_de: &'static str,
    pub name_en: &'static str,
}

impl Country {
    /// The name in German (`german`) or English.
    pub fn name(&self, german: bool) -> &'static str {
        if german { self.name_de } else { self.name_en }
    }

    /// What the picker shows and puts into the field: "Deutschland (DE)".
    pub fn label(&self, german: bool) -> String {
        format!("{} ({})", self.name(german), self.code)
    }
}

/// Every country, sorted by code.
pub fn countries() -> &'static [Country] {
    static LIST: OnceLock<Vec<Country>> = OnceLock::new();
    LIST.get_or_init(|| {
        DATA.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split(';');
                Some(Country {
                    code: fields.next()?,
                    name_de: fields.next()?,
                    name_en: fields.next()?,
                })
            })
            .collect()
    })
}

/// The country with this alpha-2 code (exact, upper case).
pub fn find(code: &str) -> Option<&'static Country> {
    let list = countries();
    list.binary_search_by(|c| c.code.cmp(code))
        .ok()
        .map(|i| &list[i])
}

/// The country a user typed or picked, or `None` when the text names none.
pub fn parse_country(text: &str) -> Option<&'static Country> {
    let text = text.trim();
    // The picker's label: "Name (XX)".
    if let Some(code) = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, code)| code.trim())
        .filter(|code| code.len() == 2)
    {
        return find(&code.to_ascii_uppercase());
    }
    if text.len() == 2 && text.is_ascii() {
        return find(&text.to_ascii_uppercase());
    }
    let wanted = text.to_lowercase();
    countries()
        .iter()
        .find(|c| c.name_de.to_lowercase() == wanted || c.name_en.to_lowercase() == wanted)
}

/// The field text for a stored code: its label, or the code itself when
/// the list does not know it (a company set up before the picker).
pub fn label_of(code: &str, german: bool) -> String {
    find(code).map_or_else(|| code.to_string(), |c| c.label(german))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_iso_3166_1_sorted_and_complete() {
        let list = countries();
        assert_eq!(list.len(), 249);
        assert!(list.windows(2).all(|w| w[0].code < w[1].code));
        assert!(list.iter().all(|c| {
            c.code.len() == 2
                && c.code.bytes().all(|b| b.is_ascii_uppercase())
                && !c.name_de.is_empty()
                && !c.name_en.is_empty()
        }));
    }

    #[test]
    fn names_codes_and_labels_resolve_to_the_code() {
        for text in [
            "Deutschland",
            " deutschland ",
            "Germany",
            "de",
            "DE",
            "Deutschland (DE)",
        ] {
            assert_eq!(parse_country(text).map(|c| c.code), Some("DE"), "{text}");
        }
        for c in countries() {
            for name in [c.name_de, c.name_en] {
                assert_eq!(parse_country(name), Some(c), "{name}");
            }
            assert_eq!(parse_country(&c.label(true)), Some(c));
            assert_eq!(parse_country(&c.label(false)), Some(c));
        }
        assert_eq!(parse_country("Österreich").map(|c| c.code), Some("AT"));
        assert_eq!(parse_country("Niger").map(|c| c.code), Some("NE"));
        assert_eq!(
            parse_country("Vereinigtes Königreich (GB)").map(|c| c.code),
            Some("GB")
        );
    }

    #[test]
    fn unknown_text_is_refused_not_guessed() {
        for text in ["", "Deutsch", "XX", "Germany (XX)", "D", "Atlantis"] {
            assert_eq!(parse_country(text), None, "{text}");
        }
    }

    #[test]
    fn a_stored_code_shows_as_its_label() {
        assert_eq!(label_of("DE", true), "Deutschland (DE)");
        assert_eq!(label_of("DE", false), "Germany (DE)");
        assert_eq!(label_of("QQ", true), "QQ");
    }
}
