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

/// The shipped units, in the order a picker shows them.
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
        code: "HUR",
        de: "Stunde",
        en: "hour",
    },
    Unit {
        code: "KGM",
        de: "Kilogramm",
        en: "kilogram",
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
