//! Business partners of the demo company (Geschäftspartner: Kunden und
//! Lieferanten). Partners are not modelled by the engine yet, so a partner
//! is a number and a name that the generator writes into the memo of the
//! line on the control account (Sammelkonto), e.g. `D10007 Bäckerei Krüger KG`.
//! Names are built deterministically from the seed.

use crate::ledger::sample::Rng;

/// Customer numbers (Debitoren) start here, vendor numbers (Kreditoren) at
/// `FIRST_VENDOR_NO`, as in DATEV's usual ranges.
pub const FIRST_CUSTOMER_NO: u32 = 10_001;
pub const FIRST_VENDOR_NO: u32 = 70_001;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    /// `D10001` for a customer, `K70001` for a vendor.
    pub number: String,
    pub name: String,
}

impl Partner {
    /// What the control-account line's memo says.
    pub fn label(&self) -> String {
        format!("{} {}", self.number, self.name)
    }
}

const SURNAMES: [&str; 32] = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "Köhler",
    "Herrmann",
];

const CUSTOMER_TRADES: [&str; 10] = [
    "Bäckerei",
    "Café",
    "Feinkost",
    "Hotel",
    "Getränkemarkt",
    "Restaurant",
    "Kiosk",
    "Bioladen",
    "Kantine",
    "Lebensmittel",
];

const VENDOR_TRADES: [&str; 8] = [
    "Großhandel",
    "Kaffeerösterei",
    "Mühle",
    "Spedition",
    "Verpackungen",
    "Molkerei",
    "Weinkellerei",
    "Bürobedarf",
];

const FORMS: [&str; 5] = ["GmbH", "KG", "e.K.", "GmbH & Co. KG", "OHG"];

const CITIES: [&str; 8] = [
    "Hamburg",
    "Bremen",
    "Hannover",
    "Lübeck",
    "Kiel",
    "Lüneburg",
    "Oldenburg",
    "Rostock",
];

/// Customers of the USD sales (export) and vendors of the CHF purchases.
pub const US_CUSTOMERS: [&str; 3] = [
    "Brooklyn Fine Foods Inc.",
    "Bay Area Coffee LLC",
    "Chicago Deli Supply Corp.",
];
pub const SWISS_VENDORS: [&str; 3] = [
    "Confiserie Alpenblick AG",
    "Käserei Emmental GmbH",
    "Basler Teehandel AG",
];

fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[rng.below(list.len() as u64) as usize]
}

fn partner_name(rng: &mut Rng, trades: &[&str]) -> String {
    let trade = pick(rng, trades);
    let surname = pick(rng, &SURNAMES);
    let form = pick(rng, &FORMS);
    let city = pick(rng, &CITIES);
    format!("{trade} {surname} {form}, {city}")
}

/// `count` customers numbered from `FIRST_CUSTOMER_NO`.
pub fn customers(rng: &mut Rng, count: usize) -> Vec<Partner> {
    (0..count)
        .map(|i| Partner {
            number: format!("D{}", FIRST_CUSTOMER_NO as usize + i),
            name: partner_name(rng, &CUSTOMER_TRADES),
        })
        .collect()
}

/// `count` vendors numbered from `FIRST_VENDOR_NO`.
pub fn vendors(rng: &mut Rng, count: usize) -> Vec<Partner> {
    (0..count)
        .map(|i| Partner {
            number: format!("K{}", FIRST_VENDOR_NO as usize + i),
            name: partner_name(rng, &VENDOR_TRADES),
        })
        .collect()
}
