//! Business partners of the demo company (Geschäftspartner: Kunden und
//! Lieferanten) with their master data and payment terms, built
//! deterministically from the seed: names, structured addresses, German
//! VAT ids with a valid check digit, IBANs with valid check digits, credit
//! limits for some customers. The generator creates them with one import
//! command, and every invoice, credit note and payment is posted for its
//! partner, so its open items are the engine's.

use crate::ledger::gl::AccountCurrency;
use crate::ledger::partners::{
    Address, BankAccount, Contact, DiscountStep, DueStart, Language, Partner as Master,
    PartnerKind, PaymentMethod, PaymentTerms,
};
use crate::ledger::sample::Rng;
use crate::ledger::types::PartnerCode;
use crate::ledger::types::vat_id::iso7064_mod_11_10;
use rust_decimal::Decimal;

/// Customer codes (Debitoren) start here, vendor codes (Kreditoren) at
/// `FIRST_VENDOR_NO`, in DATEV's ranges.
pub const FIRST_CUSTOMER_NO: u32 = 10_001;
pub const FIRST_VENDOR_NO: u32 = 70_001;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    pub code: PartnerCode,
    pub name: String,
    /// Index into `demo_terms()`.
    pub terms: usize,
    /// The engine's master data.
    pub master: Master,
}

impl Partner {
    /// What a line's memo says about the partner: code and name.
    pub fn label(&self) -> String {
        format!("{} {}", self.code, self.name)
    }
}

/// The demo's payment terms; partners refer to them by index.
pub fn demo_terms() -> Vec<PaymentTerms> {
    let skonto = PaymentTerms {
        code: "S2N30".into(),
        name_de: "14 Tage 2 % Skonto, 30 Tage netto".into(),
        name_en: "2 % discount within 14 days, 30 days net".into(),
        discounts: vec![DiscountStep {
            days: 14,
            percent: Decimal::TWO,
        }],
        ..PaymentTerms::net("S2N30", 30)
    };
    let month_end = PaymentTerms {
        code: "EOM".into(),
        name_de: "Ende des Folgemonats".into(),
        name_en: "End of the following month".into(),
        start: DueStart::MonthEnd,
        months: 1,
        tolerance_days: 3,
        ..PaymentTerms::net("EOM", 0)
    };
    vec![
        PaymentTerms::net("N14", 14),
        PaymentTerms::net("N30", 30),
        skonto,
        month_end,
    ]
}

/// Customers' terms by weight (per cent): N14, N30, S2N30; vendors':
/// N30, S2N30, EOM.
const CUSTOMER_TERMS: [(usize, u64); 3] = [(0, 30), (1, 40), (2, 30)];
const VENDOR_TERMS: [(usize, u64); 3] = [(1, 50), (2, 30), (3, 20)];

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

const CITIES: [(&str, &str); 8] = [
    ("Hamburg", "20095"),
    ("Bremen", "28195"),
    ("Hannover", "30159"),
    ("Lübeck", "23552"),
    ("Kiel", "24103"),
    ("Lüneburg", "21335"),
    ("Oldenburg", "26122"),
    ("Rostock", "18055"),
];

const STREETS: [&str; 8] = [
    "Hauptstraße",
    "Bahnhofstraße",
    "Hafenstraße",
    "Lindenallee",
    "Marktplatz",
    "Schillerstraße",
    "Am Deich",
    "Industrieweg",
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

fn weighted(rng: &mut Rng, weights: &[(usize, u64)]) -> usize {
    let mut r = rng.below(weights.iter().map(|(_, w)| w).sum());
    for &(value, weight) in weights {
        if r < weight {
            return value;
        }
        r -= weight;
    }
    weights[0].0
}

/// A German VAT id whose check digit is right.
fn vat_id(rng: &mut Rng) -> String {
    let mut digits = [0u32; 8];
    for (i, d) in digits.iter_mut().enumerate() {
        *d = rng.below(if i == 0 { 9 } else { 10 }) as u32 + u32::from(i == 0);
    }
    let check = iso7064_mod_11_10(&digits);
    let body: String = digits.iter().map(|d| char::from(b'0' + *d as u8)).collect();
    format!("DE{body}{check}")
}

/// A German IBAN (bank code and account number from the seed) with its
/// check digits (ISO 13616: mod 97 of the BBAN followed by "DE00").
fn iban(rng: &mut Rng) -> String {
    let bank_code = 20_000_000 + rng.below(79_999_999);
    german_iban(bank_code, rng.below(9_999_999_999))
}

/// The German IBAN of account `account` at bank code (BLZ) `bank_code`.
pub(crate) fn german_iban(bank_code: u64, account: u64) -> String {
    let bban = format!("{bank_code:08}{account:010}");
    let digits = format!("{bban}131400");
    let rest = digits
        .bytes()
        .fold(0u64, |r, b| (r * 10 + u64::from(b - b'0')) % 97);
    format!("DE{:02}{bban}", 98 - rest)
}

/// `count` partners of `kind` numbered from `first`.
fn partners(rng: &mut Rng, kind: PartnerKind, first: u32, count: usize) -> Vec<Partner> {
    let (trades, terms) = match kind {
        PartnerKind::Customer => (&CUSTOMER_TRADES[..], &CUSTOMER_TERMS),
        PartnerKind::Vendor => (&VENDOR_TRADES[..], &VENDOR_TERMS),
    };
    (0..count)
        .map(|i| {
            let number = (first as usize + i).to_string();
            // Codes of 5 digits from the kind's range always parse.
            let code = PartnerCode::parse(&number).unwrap_or_else(|_| unreachable!("{number}"));
            let trade = pick(rng, trades);
            let surname = pick(rng, &SURNAMES);
            let form = pick(rng, &FORMS);
            let (town, postcode) = CITIES[rng.below(CITIES.len() as u64) as usize];
            let name = format!("{trade} {surname} {form}");
            let terms = weighted(rng, terms);
            let mut master = Master::new(code, kind, &name);
            master.group = trade.to_string();
            master.address = Address {
                street: pick(rng, &STREETS).to_string(),
                house_number: (1 + rng.below(120)).to_string(),
                postcode: postcode.to_string(),
                town: town.to_string(),
                country: "DE".into(),
            };
            fill_master(rng, &mut master, terms);
            Partner {
                code,
                name,
                terms,
                master,
            }
        })
        .collect()
}

/// VAT id, bank account, contact, terms and (for some customers) limits.
fn fill_master(rng: &mut Rng, master: &mut Master, terms: usize) {
    let all_terms = demo_terms();
    if rng.below(2) == 0 {
        master.vat_id = vat_id(rng);
    }
    master.bank_accounts = vec![BankAccount {
        iban: iban(rng),
        bic: String::new(),
        holder: String::new(),
        default: true,
    }];
    master.contact = Contact {
        person: format!(
            "{} {}",
            pick(rng, &["Anna", "Jan", "Lena", "Tom"]),
            pick(rng, &SURNAMES)
        ),
        phone: format!("+49 40 {:07}", rng.below(9_999_999)),
        email: String::new(),
    };
    master.language = Language::De;
    master.currency = AccountCurrency::Local;
    master.payment_terms = Some(all_terms[terms].code.clone());
    master.payment_method = PaymentMethod::Transfer;
    if master.kind == PartnerKind::Customer && rng.below(10) < 3 {
        let limit = Decimal::new(5_000 + 5_000 * rng.below(10) as i64, 0);
        master.credit_limit = Some(limit);
        master.commitment_limit = Some(limit * Decimal::TWO);
        master.dunning_term = "M3".into();
    }
}

/// `count` customers numbered from `FIRST_CUSTOMER_NO`.
pub fn customers(rng: &mut Rng, count: usize) -> Vec<Partner> {
    partners(rng, PartnerKind::Customer, FIRST_CUSTOMER_NO, count)
}

/// `count` vendors numbered from `FIRST_VENDOR_NO`.
pub fn vendors(rng: &mut Rng, count: usize) -> Vec<Partner> {
    partners(rng, PartnerKind::Vendor, FIRST_VENDOR_NO, count)
}
