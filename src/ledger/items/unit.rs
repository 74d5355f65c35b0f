//! Units of measure (Mengeneinheiten) as UN/ECE Recommendation 20 codes,
//! the ones e-invoices (XRechnung, ZUGFeRD) use: a shipped table of the
//! common codes with German and English names.

/// A UN/ECE Recommendation 20 code from the shipped table (`C62`, `H87`,
/// `HUR`, `KGM`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitCode(&'static str);

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub code: &'static str,
    pub de: &'static str,
    pub en: &'static str,
}

/// The shipped units, in the order a picker shows them: counts, time,
/// mass, length, area, volume, energy, packages. Codes of UN/ECE
/// Recommendation 20 and, prefixed `X`, of Recommendation 21 (package
/// types), as the XRechnung code list admits both. The table only grows:
/// stored items name their unit by code.
pub const UNITS: &[Unit] = &[
    Unit {
        code: "C62",
        de: "Stück (Einheit)",
        en: "one (unit)",
    },
    Unit {
        code: "H87",
        de: "Stück",
        en: "piece",
    },
    Unit {
        code: "SET",
        de: "Satz",
        en: "set",
    },
    Unit {
        code: "PR",
        de: "Paar",
        en: "pair",
    },
    Unit {
        code: "LS",
        de: "Pauschale",
        en: "lump sum",
    },
    Unit {
        code: "E48",
        de: "Leistungseinheit",
        en: "service unit",
    },
    Unit {
        code: "P1",
        de: "Prozent",
        en: "percent",
    },
    Unit {
        code: "SEC",
        de: "Sekunde",
        en: "second",
    },
    Unit {
        code: "MIN",
        de: "Minute",
        en: "minute",
    },
    Unit {
        code: "HUR",
        de: "Stunde",
        en: "hour",
    },
    Unit {
        code: "DAY",
        de: "Tag",
        en: "day",
    },
    Unit {
        code: "WEE",
        de: "Woche",
        en: "week",
    },
    Unit {
        code: "MON",
        de: "Monat",
        en: "month",
    },
    Unit {
        code: "QAN",
        de: "Quartal",
        en: "quarter (of a year)",
    },
    Unit {
        code: "ANN",
        de: "Jahr",
        en: "year",
    },
    Unit {
        code: "MGM",
        de: "Milligramm",
        en: "milligram",
    },
    Unit {
        code: "GRM",
        de: "Gramm",
        en: "gram",
    },
    Unit {
        code: "KGM",
        de: "Kilogramm",
        en: "kilogram",
    },
    Unit {
        code: "TNE",
        de: "Tonne",
        en: "tonne (metric ton)",
    },
    Unit {
        code: "MMT",
        de: "Millimeter",
        en: "millimetre",
    },
    Unit {
        code: "CMT",
        de: "Zentimeter",
        en: "centimetre",
    },
    Unit {
        code: "MTR",
        de: "Meter",
        en: "metre",
    },
    Unit {
        code: "KMT",
        de: "Kilometer",
        en: "kilometre",
    },
    Unit {
        code: "MTK",
        de: "Quadratmeter",
        en: "square metre",
    },
    Unit {
        code: "HAR",
        de: "Hektar",
        en: "hectare",
    },
    Unit {
        code: "MLT",
        de: "Milliliter",
        en: "millilitre",
    },
    Unit {
        code: "LTR",
        de: "Liter",
        en: "litre",
    },
    Unit {
        code: "HLT",
        de: "Hektoliter",
        en: "hectolitre",
    },
    Unit {
        code: "MTQ",
        de: "Kubikmeter",
        en: "cubic metre",
    },
    Unit {
        code: "KWH",
        de: "Kilowattstunde",
        en: "kilowatt hour",
    },
    Unit {
        code: "MWH",
        de: "Megawattstunde",
        en: "megawatt hour",
    },
    Unit {
        code: "XPK",
        de: "Packung",
        en: "package",
    },
    Unit {
        code: "XBX",
        de: "Kiste",
        en: "box",
    },
    Unit {
        code: "XCT",
        de: "Karton",
        en: "carton",
    },
    Unit {
        code: "XPX",
        de: "Palette",
        en: "pallet",
    },
    Unit {
        code: "XBO",
        de: "Flasche",
        en: "bottle",
    },
    Unit {
        code: "XBG",
        de: "Beutel",
        en: "bag",
    },
    Unit {
        code: "XRO",
        de: "Rolle",
        en: "roll",
    },
];

impl UnitCode {
    /// The code as stored, if the table has it.
    pub fn parse(code: &str) -> Option<UnitCode> {
        UNITS
            .iter()
            .find(|u| u.code.eq_ignore_ascii_case(code.trim()))
            .map(|u| UnitCode(u.code))
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }

    pub fn unit(self) -> Unit {
        UNITS
            .iter()
            .copied()
            .find(|u| u.code == self.0)
            .unwrap_or(Unit {
                code: self.0,
                de: self.0,
                en: self.0,
            })
    }
}

impl Default for UnitCode {
    fn default() -> Self {
        UnitCode("C62")
    }
}

/// A snapshot stores the code; reading it back finds it in the table.
impl serde::Serialize for UnitCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for UnitCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        UnitCode::parse(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown unit code {code}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once_and_parses_to_itself() {
        for (i, u) in UNITS.iter().enumerate() {
            assert!(UNITS[..i].iter().all(|o| o.code != u.code), "{}", u.code);
            assert_eq!(UnitCode::parse(u.code).map(UnitCode::as_str), Some(u.code));
            assert!(!u.de.is_empty() && !u.en.is_empty());
        }
        assert_eq!(UnitCode::parse(" kwh ").map(UnitCode::as_str), Some("KWH"));
        assert_eq!(UnitCode::parse("STK"), None);
    }
}
