//! The demo company's items and prices (issue 20): three item groups with
//! the chart's accounts, 40 items, the base list, the derived reseller
//! list with a hand-set price, the USD export list, a customer's special
//! price to 31 December, a volume scale on list 1 and a discount group;
//! the lookup explains each; the demo keeps its exact number of entries
//! on both charts.

use chrono::NaiveDate;
use kontor::demo::{self, DEMO_YEAR_ENTRIES, DemoSpec};
use kontor::ledger::Book;
use kontor::ledger::gl::ChartTemplate;
use kontor::ledger::items::{ListBasis, ListSource, PriceQuery, PriceRule, Quote, Region};
use kontor::ledger::types::{AccountNo, Currency, PartnerCode};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn demo_year(chart: ChartTemplate, entries: usize) -> Book {
    let spec = DemoSpec {
        chart,
        entries,
        ..DemoSpec::one_year(2024)
    };
    demo::build(&spec, |_, _| {}).unwrap().0
}

/// The partners with a special price (the demo's first customer).
fn customers(book: &Book) -> Vec<PartnerCode> {
    book.items()
        .specials()
        .filter_map(|s| match s.scope {
            kontor::ledger::items::PriceScope::Partner(p) => Some(p),
            _ => None,
        })
        .collect()
}

fn ask(
    book: &Book,
    item: &str,
    partner: Option<PartnerCode>,
    qty: Decimal,
    cur: Currency,
) -> Quote {
    let q = PriceQuery {
        item: item.into(),
        partner,
        date: NaiveDate::from_ymd_opt(2024, 6, 14).unwrap(),
        quantity: qty,
        currency: cur,
    };
    book.items().price(book.item_refs(), &q).unwrap()
}

#[test]
fn the_demo_has_items_lists_and_specials_and_keeps_its_size() {
    let book = demo_year(ChartTemplate::Skr03, DEMO_YEAR_ENTRIES);
    assert_eq!(book.entry_count(), DEMO_YEAR_ENTRIES);
    let items = book.items();
    let groups: Vec<&str> = items.groups().map(|g| g.code.as_str()).collect();
    assert_eq!(groups, ["DL", "HW", "VS"]);
    assert_eq!(items.items().count(), 40);
    let goods = items.group("HW").unwrap();
    let no = |n: &str| AccountNo::parse(n).ok();
    assert_eq!(goods.accounts.revenue(Region::Domestic), no("8400"));
    assert_eq!(goods.accounts.revenue(Region::Eu), no("8125"));
    assert_eq!(goods.accounts.expense(Region::Domestic), no("3400"));
    let names: Vec<&str> = items.lists().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Basispreisliste", "Wiederverkäufer", "Export USD"]);
    assert!(matches!(
        items.list(2).unwrap().basis,
        ListBasis::Derived { base: 1, .. }
    ));
    assert_eq!(items.list(3).unwrap().currency, Currency::USD);
    assert_eq!(items.specials().count(), 2);
    assert_eq!(items.discount_groups().count(), 1);
}

#[test]
fn the_demo_prices_explain_each_rule() {
    let book = demo_year(ChartTemplate::Skr03, 600);
    let first = customers(&book)[0];
    let eur = Currency::EUR;
    // The first customer's special price on copy paper, to 31 December.
    let q = ask(&book, "HW-1001", Some(first), dec!(1), eur);
    assert_eq!((q.list_price, q.price), (dec!(5.49), dec!(4.79)));
    assert_eq!(
        q.rule,
        PriceRule::PartnerSpecial {
            partner: first,
            valid_to: NaiveDate::from_ymd_opt(2024, 12, 31)
        }
    );
    // The volume scale on list 1 (no partner: list 1).
    let v = |qty| ask(&book, "HW-1003", None, qty, eur);
    assert_eq!(v(dec!(9)).price, dec!(4.89));
    assert_eq!(v(dec!(10)).price, dec!(4.65));
    assert_eq!(v(dec!(100)).price, dec!(4.40));
    // The second customer: list 2 (× 0.85 to 0.05) and group GH (5 % on
    // goods): 11.90 × 0.85 = 10.115 → 10.10; −5 % = 9.595 → 9.60.
    let second = book
        .items()
        .discount_groups()
        .next()
        .map(|g| g.code.clone())
        .unwrap();
    assert_eq!(second, "GH");
    let reseller = partner_on_list(&book, 2);
    let q = ask(&book, "HW-1002", Some(reseller), dec!(1), eur);
    assert_eq!((q.list_price, q.price), (dec!(10.10), dec!(9.60)));
    assert!(matches!(q.rule, PriceRule::DiscountGroup { .. }));
    // The chair is set by hand on list 2.
    let listed = book
        .items()
        .list_price_of(book.item_refs(), 2, "HW-1024", eur, q_date())
        .unwrap();
    assert_eq!(
        (listed.price, listed.source),
        (dec!(199), ListSource::HandSet)
    );
    // The export customer: its own USD price, or converted.
    let export = partner_on_list(&book, 3);
    let q = ask(&book, "HW-1022", Some(export), dec!(1), Currency::USD);
    assert_eq!((q.price, q.rate), (dec!(84.90), None));
    let q = ask(&book, "HW-1009", Some(export), dec!(1), Currency::USD);
    assert!(q.rate.is_some(), "converted at the demo's USD rate");
    assert!(q.price > dec!(0.79));
}

fn q_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 14).unwrap()
}

fn partner_on_list(book: &Book, list: u32) -> PartnerCode {
    book.partners()
        .partners()
        .map(|p| p.code)
        .find(|p| book.items().partner_pricing(*p).list == Some(list))
        .unwrap()
}

#[test]
fn the_skr04_demo_has_its_accounts_and_keeps_its_size() {
    let book = demo_year(ChartTemplate::Skr04, 600);
    assert_eq!(book.entry_count(), 600);
    let goods = book.items().group("HW").unwrap();
    let no = |n: &str| AccountNo::parse(n).ok();
    assert_eq!(goods.accounts.revenue(Region::Domestic), no("4400"));
    assert_eq!(goods.accounts.revenue(Region::Eu), no("4125"));
    assert_eq!(goods.accounts.expense(Region::Eu), no("5425"));
    assert_eq!(book.items().items().count(), 40);
}
