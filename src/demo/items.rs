//! The demo's items and prices (issue 20): three item groups with the
//! chart's accounts and tax codes (Handelswaren: SKR03 8400 / 8125 / 8120
//! and 3400 / 3425 / 3200, SKR04 4400 / 4125 / 4120 and 5400 / 5425 /
//! 5200; Dienstleistungen and Versand on the 19 % revenue account), 40
//! items with UN/ECE units, and the price logic a trainer shows: list 1
//! "Basispreisliste" (EUR), list 2 "Wiederverkäufer" = list 1 × 0.85 to
//! 0.05 with one price set by hand, list 3 "Export USD" with own prices
//! for five items (the others convert at the demo's monthly USD rate), a
//! special price for the first customer valid to 31 December, a volume
//! scale on list 1 (from 10 pieces −5 %, from 100 −10 %), and a discount
//! group for the second customer.
//!
//! Why here, after the partners: the special prices and a partner's list
//! name customers. Master data only: no entry is posted, so the demo
//! keeps its exact size. Every command goes through `Book::execute` in
//! `demo::build`, like the rest.

use super::{DEMO_USER, DemoError, DemoSpec};
use crate::demo::accounts::DemoAccounts;
use crate::ledger::Command;
use crate::ledger::DomainError;
use crate::ledger::gl::ChartTemplate;
use crate::ledger::items::{
    DiscountGroup, Item, ItemAccounts, ItemGroup, ItemsCommand, ListBasis, PartnerPricing,
    PriceEntry, PriceList, PriceScope, PriceValue, QuantityBreak, RoundMode, RoundStep, Rounding,
    SpecialPrice, UnitCode,
};
use crate::ledger::partners::{PartnerKind, PartnersCommand};
use crate::ledger::types::{AccountNo, Currency, PartnerCode, Timestamp};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Code, German and English description, group, unit, price in cents
/// (list 1; 0: none, the item's default price applies).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
);

/// The demo's items; the default price is the list price (cents).
const ITEMS: &[Row] = &[
    (
        "HW-1001",
        "Kopierpapier A4, 500 Blatt",
        "Copy paper A4, 500 sheets",
        "HW",
        "XPK",
        549,
    ),
    (
        "HW-1002",
        "Kopierpapier A3, 500 Blatt",
        "Copy paper A3, 500 sheets",
        "HW",
        "XPK",
        1_190,
    ),
    (
        "HW-1003",
        "Recyclingpapier A4, 500 Blatt",
        "Recycled paper A4, 500 sheets",
        "HW",
        "XPK",
        489,
    ),
    (
        "HW-1004",
        "Briefumschläge DL, 1000 Stück",
        "Envelopes DL, box of 1000",
        "HW",
        "XBX",
        2_490,
    ),
    (
        "HW-1005",
        "Versandtaschen C4",
        "Mailing bags C4",
        "HW",
        "C62",
        35,
    ),
    (
        "HW-1006",
        "Ordner 8 cm, blau",
        "Lever arch file 8 cm, blue",
        "HW",
        "C62",
        289,
    ),
    (
        "HW-1007",
        "Ordner 5 cm, grau",
        "Lever arch file 5 cm, grey",
        "HW",
        "C62",
        269,
    ),
    (
        "HW-1008",
        "Klarsichthüllen, 100 Stück",
        "Punched pockets, 100",
        "HW",
        "XPK",
        449,
    ),
    (
        "HW-1009",
        "Kugelschreiber blau",
        "Ballpoint pen, blue",
        "HW",
        "C62",
        79,
    ),
    (
        "HW-1010",
        "Textmarker, 4er-Set",
        "Highlighters, set of 4",
        "HW",
        "SET",
        399,
    ),
    (
        "HW-1011",
        "Haftnotizen 76 × 76 mm",
        "Sticky notes 76 × 76 mm",
        "HW",
        "XPK",
        189,
    ),
    (
        "HW-1012",
        "Heftklammern 24/6, 1000 Stück",
        "Staples 24/6, box of 1000",
        "HW",
        "XBX",
        129,
    ),
    (
        "HW-1013",
        "Tacker bis 30 Blatt",
        "Stapler up to 30 sheets",
        "HW",
        "C62",
        1_290,
    ),
    (
        "HW-1014",
        "Locher bis 40 Blatt",
        "Hole punch up to 40 sheets",
        "HW",
        "C62",
        1_590,
    ),
    (
        "HW-1015",
        "Packband braun, 66 m",
        "Packing tape brown, 66 m",
        "HW",
        "XRO",
        249,
    ),
    (
        "HW-1016",
        "Luftpolsterfolie 100 cm",
        "Bubble wrap 100 cm",
        "HW",
        "MTR",
        89,
    ),
    (
        "HW-1017",
        "Faltkarton 40 × 30 × 30 cm",
        "Folding box 40 × 30 × 30 cm",
        "HW",
        "C62",
        149,
    ),
    (
        "HW-1018",
        "Stretchfolie 23 µm",
        "Stretch film 23 µm",
        "HW",
        "XRO",
        1_890,
    ),
    (
        "HW-1019",
        "Füllmaterial Papier",
        "Paper void fill",
        "HW",
        "KGM",
        320,
    ),
    (
        "HW-1020",
        "Etiketten 70 × 37 mm, 2400 Stück",
        "Labels 70 × 37 mm, 2400",
        "HW",
        "XBX",
        1_990,
    ),
    (
        "HW-1021",
        "Druckerpatrone schwarz",
        "Ink cartridge black",
        "HW",
        "C62",
        2_990,
    ),
    (
        "HW-1022",
        "Toner schwarz, 3000 Seiten",
        "Toner black, 3000 pages",
        "HW",
        "C62",
        7_490,
    ),
    (
        "HW-1023",
        "Schreibtischlampe LED",
        "LED desk lamp",
        "HW",
        "C62",
        3_990,
    ),
    (
        "HW-1024",
        "Bürostuhl ergonomisch",
        "Ergonomic office chair",
        "HW",
        "C62",
        24_900,
    ),
    (
        "HW-1025",
        "Monitorständer",
        "Monitor stand",
        "HW",
        "C62",
        3_490,
    ),
    (
        "HW-1026",
        "Whiteboard 90 × 60 cm",
        "Whiteboard 90 × 60 cm",
        "HW",
        "C62",
        5_990,
    ),
    (
        "HW-1027",
        "Whiteboard-Marker, 4er-Set",
        "Whiteboard markers, set of 4",
        "HW",
        "SET",
        549,
    ),
    (
        "HW-1028",
        "Kaffee ganze Bohne",
        "Coffee beans",
        "HW",
        "KGM",
        1_690,
    ),
    (
        "HW-1029",
        "Mineralwasser, Kasten",
        "Mineral water, crate",
        "HW",
        "XCT",
        699,
    ),
    (
        "HW-1030",
        "Reinigungstücher, 100 Stück",
        "Cleaning wipes, 100",
        "HW",
        "XPK",
        0,
    ),
    (
        "DL-2001",
        "Lieferung und Aufbau",
        "Delivery and assembly",
        "DL",
        "HUR",
        6_500,
    ),
    (
        "DL-2002",
        "Büroplanung",
        "Office planning",
        "DL",
        "HUR",
        9_500,
    ),
    (
        "DL-2003",
        "Aktenvernichtung",
        "Document shredding",
        "DL",
        "KGM",
        45,
    ),
    (
        "DL-2004",
        "Wartung Drucker",
        "Printer maintenance",
        "DL",
        "HUR",
        0,
    ),
    (
        "DL-2005",
        "Schulung Ablagesystem",
        "Filing system training",
        "DL",
        "DAY",
        89_000,
    ),
    (
        "VS-3001",
        "Versand Paket bis 5 kg",
        "Parcel up to 5 kg",
        "VS",
        "C62",
        590,
    ),
    (
        "VS-3002",
        "Versand Paket bis 31,5 kg",
        "Parcel up to 31.5 kg",
        "VS",
        "C62",
        1_290,
    ),
    (
        "VS-3003",
        "Versand Palette",
        "Pallet freight",
        "VS",
        "C62",
        8_900,
    ),
    (
        "VS-3004",
        "Expresszuschlag",
        "Express surcharge",
        "VS",
        "C62",
        1_500,
    ),
    (
        "VS-3005",
        "Inselzuschlag",
        "Island surcharge",
        "VS",
        "C62",
        0,
    ),
];

/// Default prices (cents) of the items without a price on list 1.
const DEFAULTS: &[(&str, i64)] = &[("HW-1030", 399), ("DL-2004", 7_900), ("VS-3005", 1_990)];

/// Own USD prices on list 3 (cents).
const USD: &[(&str, i64)] = &[
    ("HW-1001", 649),
    ("HW-1013", 1_499),
    ("HW-1022", 8_490),
    ("HW-1024", 27_900),
    ("VS-3003", 14_900),
];

fn account(text: &str) -> Result<AccountNo, DemoError> {
    Ok(AccountNo::parse(text).map_err(DomainError::from)?)
}

/// Intra-EU revenue and expense accounts of the template (8125/3425 in
/// SKR03, 4125/5425 in SKR04).
fn eu_accounts(chart: ChartTemplate) -> Result<(AccountNo, AccountNo), DemoError> {
    let (revenue, expense) = match chart {
        ChartTemplate::Skr04 => ("4125", "5425"),
        _ => ("8125", "3425"),
    };
    Ok((account(revenue)?, account(expense)?))
}

fn groups(spec: &DemoSpec, at: Timestamp) -> Result<Vec<Command>, DemoError> {
    let acc = DemoAccounts::for_chart(spec.chart)?;
    let (eu_revenue, eu_expense) = eu_accounts(spec.chart)?;
    let taxed = |revenue: [Option<AccountNo>; 3], expense: [Option<AccountNo>; 3]| ItemAccounts {
        revenue,
        expense,
        sales_tax: Some("U19".into()),
        purchase_tax: Some("V19".into()),
    };
    let goods = taxed(
        [
            Some(acc.revenue_19),
            Some(eu_revenue),
            Some(acc.revenue_export),
        ],
        [
            Some(acc.purchases_19),
            Some(eu_expense),
            Some(acc.purchases_import),
        ],
    );
    let services = taxed([Some(acc.revenue_19), None, None], [None; 3]);
    let shipping = taxed(
        [Some(acc.revenue_19), None, None],
        [Some(acc.postage), None, None],
    );
    let rows = [
        ("HW", "Handelswaren", "Merchandise", goods),
        ("DL", "Dienstleistungen", "Services", services),
        ("VS", "Versand", "Shipping", shipping),
    ];
    Ok(rows
        .into_iter()
        .map(|(code, de, en, accounts)| {
            let group = ItemGroup {
                code: code.into(),
                name_de: de.into(),
                name_en: en.into(),
                accounts,
            };
            let by = DEMO_USER.into();
            Command::Items(ItemsCommand::SaveGroup { group, by, at })
        })
        .collect())
}

fn item(row: &Row) -> Item {
    let (code, de, en, group, unit, cents) = *row;
    let default = DEFAULTS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(cents, |(_, d)| *d);
    Item {
        code: code.into(),
        description_de: de.into(),
        description_en: en.into(),
        group: group.into(),
        unit: UnitCode::parse(unit).unwrap_or_default(),
        sales: true,
        purchase: group == "HW",
        accounts: ItemAccounts::default(),
        default_price: Decimal::new(default, 2),
        active: true,
        remarks: String::new(),
    }
}

fn list(number: u32, name: &str, basis: ListBasis, currency: Currency) -> Command {
    let list = PriceList {
        number,
        name: name.into(),
        basis,
        currency,
        active: true,
    };
    Command::Items(ItemsCommand::SavePriceList { list })
}

fn entry(list: u32, item: &str, currency: Currency, cents: i64) -> PriceEntry {
    PriceEntry {
        list,
        item: item.into(),
        currency,
        from: None,
        price: Some(Decimal::new(cents, 2)),
    }
}

/// The three lists and their prices.
fn lists() -> Vec<Command> {
    let reseller = ListBasis::Derived {
        base: 1,
        factor: Decimal::new(85, 2),
        rounding: Rounding {
            step: RoundStep::FiveCents,
            mode: RoundMode::Commercial,
        },
    };
    let mut prices: Vec<PriceEntry> = ITEMS
        .iter()
        .filter(|row| row.5 > 0)
        .map(|row| entry(1, row.0, Currency::EUR, row.5))
        .collect();
    // The office chair for resellers: set by hand below 0.85 × 249.00.
    prices.push(entry(2, "HW-1024", Currency::EUR, 19_900));
    prices.extend(
        USD.iter()
            .map(|(item, cents)| entry(3, item, Currency::USD, *cents)),
    );
    vec![
        list(1, "Basispreisliste", ListBasis::Own, Currency::EUR),
        list(2, "Wiederverkäufer", reseller, Currency::EUR),
        list(3, "Export USD", ListBasis::Own, Currency::USD),
        Command::Items(ItemsCommand::SetPrices { prices }),
    ]
}

fn percent(p: i64) -> PriceValue {
    PriceValue::Discount {
        percent: Decimal::new(p, 0),
    }
}

/// The special price, the volume scale, the discount group and the
/// customers' lists.
fn specials(year: i32, customers: &[PartnerCode]) -> Vec<Command> {
    let mut out = Vec::new();
    let mut save = |special: SpecialPrice| {
        out.push(Command::Items(ItemsCommand::SaveSpecial { special }));
    };
    if let Some(first) = customers.first() {
        save(SpecialPrice {
            id: 0,
            scope: PriceScope::Partner(*first),
            item: "HW-1001".into(),
            valid_from: NaiveDate::from_ymd_opt(year, 1, 1),
            valid_to: NaiveDate::from_ymd_opt(year, 12, 31),
            value: PriceValue::Price {
                amount: Decimal::new(479, 2),
                currency: Currency::EUR,
            },
            breaks: Vec::new(),
        });
    }
    let brk = |from: i64, p: i64| QuantityBreak {
        from: Decimal::new(from, 0),
        value: percent(p),
    };
    save(SpecialPrice {
        id: 0,
        scope: PriceScope::List(1),
        item: "HW-1003".into(),
        valid_from: None,
        valid_to: None,
        value: percent(0),
        breaks: vec![brk(10, 5), brk(100, 10)],
    });
    let group = DiscountGroup {
        code: "GH".into(),
        name: "Großhandel".into(),
        discounts: vec![
            ("HW".into(), Decimal::new(5, 0)),
            ("VS".into(), Decimal::new(50, 0)),
        ],
    };
    out.push(Command::Items(ItemsCommand::SaveDiscountGroup { group }));
    let pricings = [(Some(1), None), (Some(2), Some("GH")), (Some(3), None)];
    for (partner, (list, group)) in customers.iter().zip(pricings) {
        let pricing = PartnerPricing {
            list,
            discount_group: group.map(str::to_string),
        };
        out.push(Command::Items(ItemsCommand::SetPartnerPricing {
            partner: *partner,
            pricing,
        }));
    }
    out
}

/// The first three customers of the partner import among `partners`.
fn customers(partners: &[Command]) -> Vec<PartnerCode> {
    partners
        .iter()
        .filter_map(|c| match c {
            Command::Partners(PartnersCommand::ImportPartners { partners, .. }) => Some(partners),
            _ => None,
        })
        .flatten()
        .filter(|p| p.kind == PartnerKind::Customer)
        .map(|p| p.code)
        .take(3)
        .collect()
}

/// The demo's item commands, after the partner commands `partners` and
/// the accounts the generator creates; dated `start`.
pub(crate) fn commands(
    spec: &DemoSpec,
    partners: &[Command],
    start: NaiveDate,
) -> Result<Vec<Command>, DemoError> {
    let at = Timestamp::at_midnight(start);
    let mut out = groups(spec, at)?;
    let items = ITEMS.iter().map(item).collect();
    let by = DEMO_USER.into();
    out.push(Command::Items(ItemsCommand::ImportItems { items, by, at }));
    out.extend(lists());
    out.extend(specials(spec.first_year, &customers(partners)));
    Ok(out)
}
