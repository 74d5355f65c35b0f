//! BU-Schlüssel (DATEV's posting key, field "BU-Schlüssel") ↔ the tax codes
//! of our chart templates (`%` lines of `ledger/setup/templates/skr03.txt`
//! and `skr04.txt`; both templates use the same codes).
//!
//! A BU key in a Buchungsstapel row tells DATEV to compute the tax from the
//! gross amount and post it to the tax account of the key (DATEV's
//! "Steuerschlüssel", the classic two-digit table of SKR03/SKR04; the first
//! digit of a two-digit key other than those below would be a
//! Berichtigungsschlüssel such as 2 Generalumkehr, which we do not take).
//!
//! | key | DATEV meaning                                        | our code |
//! |-----|------------------------------------------------------|----------|
//! |  1  | Umsatzsteuerfrei (mit Vorsteuerabzug)                | U0       |
//! |  2  | Umsatzsteuer 7 %                                     | U7       |
//! |  3  | Umsatzsteuer 19 %                                    | U19      |
//! |  5  | Umsatzsteuer 16 % (1.7.–31.12.2020)                  | U19 (read only) |
//! |  7  | Vorsteuer 16 % (1.7.–31.12.2020)                     | V19 (read only) |
//! |  8  | Vorsteuer 7 %                                        | V7       |
//! |  9  | Vorsteuer 19 %                                       | V19      |
//! | 11  | Steuerfreie innergem. Lieferung (§ 4 Nr. 1b UStG)    | IGL      |
//! | 19  | Innergem. Erwerb 19 % (Vorsteuer und Umsatzsteuer)   | IGE19    |
//! | 46  | § 13b Abs. 1 UStG, EU-Unternehmer, 19 % VSt und USt  | RC19     |
//! | 94  | § 13b Abs. 2 UStG (andere Leistungen) 19 % VSt und USt | RCB19  |
//! | 40  | Aufhebung der Automatik (no tax on an automatic account) | none |
//!
//! UFO (tax-free without input-tax deduction, § 4 Nr. 8 ff. UStG) has no
//! key: DATEV books such revenue on its own tax-free accounts (e.g. SKR03
//! 8100) without one, so the export writes no key for it and the import
//! never yields it. Keys 5 and 7 are read as U19/V19 only where that code's
//! rate on the row's date is 16 % (checked by `forms::datev_import`);
//! written, U19/V19 are always 3/9 (DATEV takes the rate from the date).
//! An empty field or 0 is "no key". Everything else is refused
//! (`Expected::KnownBuKey`), so nothing is booked with a tax we guessed.
//! Sources: DATEV's Steuerschlüssel as documented in DATEV's SKR03/SKR04
//! charts; the same numbers are the tax keys of kivitendo's DATEV charts.

/// A BU-Schlüssel this program knows (1–99).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BuKey(pub u8);

impl std::fmt::Display for BuKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a key means for the import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuMeaning {
    /// Post the row with this tax code of the template; `rate_16`: only
    /// where the code's rate on the date is 16 % (keys 5 and 7).
    Tax { code: &'static str, rate_16: bool },
    /// 40: no tax, even on an account DATEV treats as automatic.
    NoAutomatic,
}

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuEntry {
    pub key: BuKey,
    pub meaning: BuMeaning,
    pub name_de: &'static str,
    pub name_en: &'static str,
}

const fn tax(key: u8, code: &'static str, de: &'static str, en: &'static str) -> BuEntry {
    BuEntry {
        key: BuKey(key),
        meaning: BuMeaning::Tax {
            code,
            rate_16: false,
        },
        name_de: de,
        name_en: en,
    }
}

const fn tax16(key: u8, code: &'static str, de: &'static str, en: &'static str) -> BuEntry {
    BuEntry {
        key: BuKey(key),
        meaning: BuMeaning::Tax {
            code,
            rate_16: true,
        },
        name_de: de,
        name_en: en,
    }
}

/// Every key we read, in key order.
pub const BU_TABLE: [BuEntry; 12] = [
    tax(
        1,
        "U0",
        "Umsatzsteuerfrei (mit Vorsteuerabzug)",
        "Tax-exempt with input tax deduction",
    ),
    tax(2, "U7", "Umsatzsteuer 7 %", "Output VAT 7 %"),
    tax(3, "U19", "Umsatzsteuer 19 %", "Output VAT 19 %"),
    tax16(5, "U19", "Umsatzsteuer 16 %", "Output VAT 16 %"),
    tax16(7, "V19", "Vorsteuer 16 %", "Input VAT 16 %"),
    tax(8, "V7", "Vorsteuer 7 %", "Input VAT 7 %"),
    tax(9, "V19", "Vorsteuer 19 %", "Input VAT 19 %"),
    tax(
        11,
        "IGL",
        "Steuerfreie innergemeinschaftliche Lieferung",
        "Tax-free intra-EU supply",
    ),
    tax(
        19,
        "IGE19",
        "Innergemeinschaftlicher Erwerb 19 %",
        "Intra-EU acquisition 19 %",
    ),
    tax(
        46,
        "RC19",
        "§ 13b Abs. 1 UStG 19 %",
        "Reverse charge § 13b (1) 19 %",
    ),
    tax(
        94,
        "RCB19",
        "§ 13b Abs. 2 UStG 19 %",
        "Reverse charge § 13b (2) 19 %",
    ),
    BuEntry {
        key: BuKey(40),
        meaning: BuMeaning::NoAutomatic,
        name_de: "Aufhebung der Automatik",
        name_en: "Automatic tax switched off",
    },
];

/// The table row of `key`, if we know it.
pub fn bu_entry(key: BuKey) -> Option<&'static BuEntry> {
    BU_TABLE.iter().find(|e| e.key == key)
}

/// Import: what `key` means, or None for a key we do not know.
pub fn tax_code_of_bu_key(key: BuKey) -> Option<BuMeaning> {
    bu_entry(key).map(|e| e.meaning)
}

/// Export: the key to write for a line with tax code `code` (None: no key,
/// e.g. UFO or a code the user made).
pub fn bu_key_of_tax_code(code: &str) -> Option<BuKey> {
    BU_TABLE.iter().find_map(|e| match e.meaning {
        BuMeaning::Tax {
            code: c,
            rate_16: false,
        } if c == code => Some(e.key),
        _ => None,
    })
}

/// The BU field's text: Ok(None) when empty or "0", Ok(Some) for a key of
/// the table, Err(()) for anything else (the reader makes the refusal).
#[allow(clippy::result_unit_err)]
pub fn parse_bu_key(text: &str) -> Result<Option<BuKey>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    let n: u16 = t.parse().map_err(|_| ())?;
    if n == 0 {
        return Ok(None);
    }
    let key = u8::try_from(n).map(BuKey).map_err(|_| ())?;
    match bu_entry(key) {
        Some(_) => Ok(Some(key)),
        None => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_tax_code_but_ufo_has_a_key_and_it_reads_back() {
        for code in [
            "U19", "U7", "U0", "IGL", "V19", "V7", "IGE19", "RC19", "RCB19",
        ] {
            let key = bu_key_of_tax_code(code).unwrap_or_else(|| panic!("{code} has no key"));
            assert_eq!(
                tax_code_of_bu_key(key),
                Some(BuMeaning::Tax {
                    code,
                    rate_16: false
                })
            );
        }
        assert_eq!(bu_key_of_tax_code("UFO"), None);
    }

    #[test]
    fn the_common_keys_are_datevs() {
        assert_eq!(bu_key_of_tax_code("U19"), Some(BuKey(3)));
        assert_eq!(bu_key_of_tax_code("U7"), Some(BuKey(2)));
        assert_eq!(bu_key_of_tax_code("V19"), Some(BuKey(9)));
        assert_eq!(bu_key_of_tax_code("V7"), Some(BuKey(8)));
    }

    #[test]
    fn parse_takes_empty_zero_and_table_keys_only() {
        assert_eq!(parse_bu_key(""), Ok(None));
        assert_eq!(parse_bu_key("0"), Ok(None));
        assert_eq!(parse_bu_key("8"), Ok(Some(BuKey(8))));
        assert_eq!(parse_bu_key("40"), Ok(Some(BuKey(40))));
        assert_eq!(parse_bu_key("4"), Err(()));
        assert_eq!(parse_bu_key("23"), Err(()));
        assert_eq!(parse_bu_key("x"), Err(()));
        assert_eq!(parse_bu_key("300"), Err(()));
    }

    #[test]
    fn keys_are_unique() {
        for (i, a) in BU_TABLE.iter().enumerate() {
            for b in &BU_TABLE[i + 1..] {
                assert_ne!(a.key, b.key);
            }
        }
    }
}
