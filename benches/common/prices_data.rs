//! The company the price benchmarks share (native criterion bench
//! `benches/prices.rs` and the Chromium case in `tests/browser_bench.rs`):
//! 50,000 items in 20 groups and 5 price lists (1 own EUR with a price
//! for every item; 2 = 1 × 0.85 to 0.05; 3 = 2 × 1.1 to x.99 with every
//! tenth item set by hand; 4 own USD with prices for half the items; 5 =
//! 1 × 1.2 to whole units), a USD rate; 1,000 customers spread over the
//! lists, every tenth with a discount group; 40,000 partner specials (40
//! customers of list 1 × every 50th item) and a volume scale on list 1
//! for every 20th item (2,500); and the 10,000 lookups to time, spread
//! over items, customers (so every list and rule), quantities and USD.

use chrono::NaiveDate;
use kontor::ledger::gl::GlCommand;
use kontor::ledger::items::{
    DiscountGroup, Item, ItemAccounts, ItemGroup, ItemsCommand, ListBasis, PartnerPricing,
    PriceEntry, PriceList, PriceQuery, PriceScope, PriceValue, QuantityBreak, RoundMode, RoundStep,
    Rounding, SpecialPrice, UnitCode,
};
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::limits::MAX_IMPORT_ITEMS;
use kontor::ledger::types::{Currency, PartnerCode, Timestamp};
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;

pub const ITEMS: u32 = 50_000;
pub const GROUPS: u32 = 20;
pub const CUSTOMERS: u32 = 1_000;

pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 3).unwrap_or(NaiveDate::MIN)
}

fn at() -> Timestamp {
    match Timestamp::at(day(), 9, 0, 0) {
        Some(t) => t,
        None => panic!("09:00 is a time"),
    }
}

fn run(book: &mut Book, cmd: impl Into<Command>) {
    let cmd = cmd.into();
    if let Err(e) = book.execute(&cmd) {
        panic!("refused: {e:?}");
    }
}

pub fn item_code(i: u32) -> String {
    format!("A-{i:05}")
}

fn customer(i: u32) -> PartnerCode {
    match PartnerCode::parse(&(10_000 + i).to_string()) {
        Ok(c) => c,
        Err(e) => panic!("{e:?}"),
    }
}

fn item(i: u32) -> Item {
    Item {
        code: item_code(i),
        description_de: format!("Schraube M{} × {} mm, verzinkt", i % 12 + 3, i % 90 + 10),
        description_en: format!("Screw M{} × {} mm, zinc plated", i % 12 + 3, i % 90 + 10),
        group: format!("G{:02}", i % GROUPS),
        unit: UnitCode::parse("C62").unwrap_or_default(),
        sales: true,
        purchase: true,
        accounts: ItemAccounts::default(),
        default_price: Decimal::new(i64::from(i % 5_000 + 1), 2),
        active: true,
        remarks: String::new(),
    }
}

fn list(number: u32, currency: Currency, basis: ListBasis) -> PriceList {
    PriceList {
        number,
        name: format!("Liste {number}"),
        basis,
        currency,
        active: true,
    }
}

fn derived(base: u32, factor: Decimal, step: RoundStep) -> ListBasis {
    ListBasis::Derived {
        base,
        factor,
        rounding: Rounding {
            step,
            mode: RoundMode::Commercial,
        },
    }
}

fn price(list: u32, i: u32, currency: Currency, cents: u32) -> PriceEntry {
    PriceEntry {
        list,
        item: item_code(i),
        currency,
        from: None,
        price: Some(Decimal::new(i64::from(cents), 2)),
    }
}

/// Groups, items, lists and their prices.
fn catalogue(book: &mut Book) {
    for g in 0..GROUPS {
        let group = ItemGroup {
            code: format!("G{g:02}"),
            name_de: format!("Warengruppe {g}"),
            name_en: format!("Item group {g}"),
            accounts: ItemAccounts::default(),
        };
        let by = "bench".into();
        run(
            book,
            ItemsCommand::SaveGroup {
                group,
                by,
                at: at(),
            },
        );
    }
    // One import takes at most MAX_IMPORT_ITEMS (one store append).
    let all: Vec<Item> = (0..ITEMS).map(item).collect();
    for chunk in all.chunks(MAX_IMPORT_ITEMS) {
        let by = "bench".into();
        run(
            book,
            ItemsCommand::ImportItems {
                items: chunk.to_vec(),
                by,
                at: at(),
            },
        );
    }
    let eur = Currency::EUR;
    run(
        book,
        ItemsCommand::SavePriceList {
            list: list(1, eur, ListBasis::Own),
        },
    );
    let lists = [
        list(
            2,
            eur,
            derived(1, Decimal::new(85, 2), RoundStep::FiveCents),
        ),
        list(3, eur, derived(2, Decimal::new(11, 1), RoundStep::Ending99)),
        list(4, Currency::USD, ListBasis::Own),
        list(5, eur, derived(1, Decimal::new(12, 1), RoundStep::Whole)),
    ];
    for list in lists {
        run(book, ItemsCommand::SavePriceList { list });
    }
    let mut prices: Vec<PriceEntry> = (0..ITEMS)
        .map(|i| price(1, i, eur, (i * 7) % 20_000 + 50))
        .collect();
    prices.extend(
        (0..ITEMS)
            .step_by(10)
            .map(|i| price(3, i, eur, i % 9_000 + 99)),
    );
    prices.extend(
        (0..ITEMS)
            .step_by(2)
            .map(|i| price(4, i, Currency::USD, i % 8_000 + 10)),
    );
    run(book, ItemsCommand::SetPrices { prices });
    let rate = GlCommand::SetExchangeRate {
        currency: Currency::USD,
        date: NaiveDate::from_ymd_opt(2024, 1, 2).unwrap_or(NaiveDate::MIN),
        rate_fc_per_lc: Decimal::new(10837, 4),
    };
    run(book, rate);
}

/// Customers with their lists and discount groups.
fn customers(book: &mut Book) {
    let partners = (0..CUSTOMERS)
        .map(|i| Partner::new(customer(i), PartnerKind::Customer, "Kunde"))
        .collect();
    let by = "bench".into();
    run(
        book,
        PartnersCommand::ImportPartners {
            partners,
            by,
            at: at(),
        },
    );
    let discounts = (0..GROUPS)
        .map(|g| (format!("G{g:02}"), Decimal::new(i64::from(g % 7 + 1), 0)))
        .collect();
    let group = DiscountGroup {
        code: "GH".into(),
        name: "Großhandel".into(),
        discounts,
    };
    run(book, ItemsCommand::SaveDiscountGroup { group });
    for i in 0..CUSTOMERS {
        let pricing = PartnerPricing {
            list: Some(i % 5 + 1),
            discount_group: (i % 10 == 0).then(|| "GH".to_string()),
        };
        run(
            book,
            ItemsCommand::SetPartnerPricing {
                partner: customer(i),
                pricing,
            },
        );
    }
}

fn discount(percent: i64) -> PriceValue {
    PriceValue::Discount {
        percent: Decimal::new(percent, 0),
    }
}

/// Partner specials (customers of list 1, every 50th item) and a volume
/// scale on list 1 (every 20th item).
fn specials(book: &mut Book) {
    let mut save = |scope: PriceScope, i: u32, value: PriceValue, breaks: Vec<QuantityBreak>| {
        let special = SpecialPrice {
            id: 0,
            scope,
            item: item_code(i),
            valid_from: NaiveDate::from_ymd_opt(2024, 1, 1),
            valid_to: NaiveDate::from_ymd_opt(2024, 12, 31),
            value,
            breaks,
        };
        run(book, ItemsCommand::SaveSpecial { special });
    };
    for c in (0..CUSTOMERS).step_by(5).take(40) {
        for i in (0..ITEMS).step_by(50) {
            save(PriceScope::Partner(customer(c)), i, discount(3), Vec::new());
        }
    }
    for i in (0..ITEMS).step_by(20) {
        let breaks = vec![
            QuantityBreak {
                from: Decimal::TEN,
                value: discount(5),
            },
            QuantityBreak {
                from: Decimal::ONE_HUNDRED,
                value: discount(10),
            },
        ];
        save(PriceScope::List(1), i, discount(0), breaks);
    }
}

/// The benchmark company (see the module doc).
pub fn company() -> Book {
    let mut book = match Book::set_up(&sample_setup(2024)) {
        Ok((book, _)) => book,
        Err(e) => panic!("{e:?}"),
    };
    catalogue(&mut book);
    customers(&mut book);
    specials(&mut book);
    book
}

/// 10,000 lookups spread over items, customers (so over every list and
/// rule), quantities 1..150 and, every fourth, USD.
pub fn queries() -> Vec<PriceQuery> {
    (0..10_000u32)
        .map(|n| PriceQuery {
            item: item_code((n * 7_919) % ITEMS),
            partner: (n % 9 != 0).then(|| customer((n * 13) % CUSTOMERS)),
            date: day(),
            quantity: Decimal::from(n % 150 + 1),
            currency: if n % 4 == 0 {
                Currency::USD
            } else {
                Currency::EUR
            },
        })
        .collect()
}
