//! Price lists and the price lookup (issue 20, engine side): list prices
//! own, hand-set, derived and by the item's default; dated prices; the
//! currency conversion at the day's rate; each rule of the lookup winning
//! once and the tie-breaks between them; every bad-input refusal (it
//! names what is wrong and leaves the Book unchanged); the mass update's
//! preview; and the property that a derived list's price is its base ×
//! factor rounded by its rule for every item not set by hand.

use chrono::NaiveDate;
use kontor::ledger::gl::GlCommand;
use kontor::ledger::items::{
    DiscountGroup, Item, ItemAccounts, ItemGroup, ItemsCommand, ItemsError, ItemsField, ListBasis,
    ListSource, PartnerPricing, PriceEntry, PriceError, PriceList, PriceQuery, PriceRule,
    PriceScope, PriceValue, QuantityBreak, Quote, RoundMode, RoundStep, Rounding, SpecialPrice,
    UnitCode,
};
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{Currency, PartnerCode, Timestamp};
use kontor::ledger::{Book, Command, DomainError};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn c(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(2024, 1, 2), 9, 30, 0).unwrap()
}

fn run(b: &mut Book, cmd: impl Into<Command>) {
    b.execute(&cmd.into()).unwrap();
}

fn refuses(b: &mut Book, cmd: impl Into<Command>) -> ItemsError {
    let before = b.clone();
    let err = b.execute(&cmd.into()).unwrap_err();
    assert_eq!(*b, before, "a refused command changed the book");
    match err {
        DomainError::Items(e) => e,
        other => panic!("not an items refusal: {other:?}"),
    }
}

fn item(code: &str, group: &str, default_price: Decimal) -> Item {
    Item {
        code: code.into(),
        description_de: format!("Artikel {code}"),
        description_en: format!("Item {code}"),
        group: group.into(),
        unit: UnitCode::parse("C62").unwrap(),
        sales: true,
        purchase: true,
        accounts: ItemAccounts::default(),
        default_price,
        active: true,
        remarks: String::new(),
    }
}

fn save_item(b: &mut Book, item: Item) {
    run(
        b,
        ItemsCommand::SaveItem {
            item: Box::new(item),
            by: "anna".into(),
            at: at(),
        },
    );
}

fn own(number: u32, name: &str, currency: Currency) -> PriceList {
    PriceList {
        number,
        name: name.into(),
        basis: ListBasis::Own,
        currency,
        active: true,
    }
}

fn derived(number: u32, base: u32, factor: Decimal, rounding: Rounding) -> PriceList {
    PriceList {
        number,
        name: format!("Liste {number}"),
        basis: ListBasis::Derived {
            base,
            factor,
            rounding,
        },
        currency: Currency::EUR,
        active: true,
    }
}

fn five_cents() -> Rounding {
    Rounding {
        step: RoundStep::FiveCents,
        mode: RoundMode::Commercial,
    }
}

fn price(list: u32, item: &str, from: Option<NaiveDate>, price: Option<Decimal>) -> PriceEntry {
    PriceEntry {
        list,
        item: item.into(),
        currency: Currency::EUR,
        from,
        price,
    }
}

fn set(b: &mut Book, prices: Vec<PriceEntry>) {
    run(b, ItemsCommand::SetPrices { prices });
}

fn save_list(b: &mut Book, list: PriceList) {
    run(b, ItemsCommand::SavePriceList { list });
}

fn special(scope: PriceScope, item: &str, value: PriceValue) -> SpecialPrice {
    SpecialPrice {
        id: 0,
        scope,
        item: item.into(),
        valid_from: None,
        valid_to: None,
        value,
        breaks: Vec::new(),
    }
}

fn off(percent: Decimal) -> PriceValue {
    PriceValue::Discount { percent }
}

fn eur(amount: Decimal) -> PriceValue {
    PriceValue::Price {
        amount,
        currency: Currency::EUR,
    }
}

fn save_special(b: &mut Book, special: SpecialPrice) {
    run(b, ItemsCommand::SaveSpecial { special });
}

/// A book with group HW (and DL), items A (100 on list 1), B (default
/// 40, no list price), S (group DL, 60 on list 1), customers 10001 and
/// 10002, list 1 "Basis" EUR, list 2 = 1 × 0.85 to 0.05, and a USD rate
/// of 1.0837 from 2 January 2024; `items_only` stops before the lists.
fn items_only() -> Book {
    let mut b = Book::set_up(&sample_setup(2024)).unwrap().0;
    for code in ["HW", "DL"] {
        let group = ItemGroup {
            code: code.into(),
            name_de: format!("Gruppe {code}"),
            name_en: format!("Group {code}"),
            accounts: ItemAccounts::default(),
        };
        run(
            &mut b,
            ItemsCommand::SaveGroup {
                group,
                by: "anna".into(),
                at: at(),
            },
        );
    }
    save_item(&mut b, item("A", "HW", dec!(90)));
    save_item(&mut b, item("B", "HW", dec!(40)));
    save_item(&mut b, item("S", "DL", dec!(0)));
    for code in ["10001", "10002"] {
        let partner = Partner::new(c(code), PartnerKind::Customer, "Bäckerei Krüger KG");
        let cmd = PartnersCommand::CreatePartner {
            partner: Box::new(partner),
            by: "anna".into(),
            at: at(),
        };
        run(&mut b, cmd);
    }
    b
}

/// `items_only()` with the lists, prices and the USD rate.
fn book() -> Book {
    let mut b = items_only();
    save_list(&mut b, own(1, "Basis", Currency::EUR));
    save_list(&mut b, derived(2, 1, dec!(0.85), five_cents()));
    set(
        &mut b,
        vec![
            price(1, "A", None, Some(dec!(100))),
            price(1, "S", None, Some(dec!(60))),
        ],
    );
    let rate = GlCommand::SetExchangeRate {
        currency: Currency::USD,
        date: d(2024, 1, 2),
        rate_fc_per_lc: dec!(1.0837),
    };
    run(&mut b, rate);
    b
}

fn query(item: &str, partner: Option<&str>, date: NaiveDate, quantity: Decimal) -> PriceQuery {
    PriceQuery {
        item: item.into(),
        partner: partner.map(c),
        date,
        quantity,
        currency: Currency::EUR,
    }
}

fn quote(b: &Book, q: &PriceQuery) -> Quote {
    b.items().price(b.item_refs(), q).unwrap()
}

fn on_list(b: &Book, list: u32, item: &str, date: NaiveDate) -> (Decimal, ListSource) {
    let l = b
        .items()
        .list_price_of(b.item_refs(), list, item, Currency::EUR, date)
        .unwrap();
    (l.price, l.source)
}

fn assign_list(b: &mut Book, partner: &str, list: u32) {
    let pricing = PartnerPricing {
        list: Some(list),
        discount_group: None,
    };
    run(
        b,
        ItemsCommand::SetPartnerPricing {
            partner: c(partner),
            pricing,
        },
    );
}

// ----- list prices -----

#[test]
fn a_base_list_gives_its_own_price_else_the_items_default() {
    let b = book();
    let day = d(2024, 3, 1);
    assert_eq!(on_list(&b, 1, "A", day), (dec!(100), ListSource::Own));
    assert_eq!(
        on_list(&b, 1, "B", day),
        (dec!(40), ListSource::ItemDefault)
    );
    let q = quote(&b, &query("A", None, day, dec!(1)));
    assert_eq!(q.price, dec!(100));
    assert_eq!(
        q.rule,
        PriceRule::ListPrice {
            list: 1,
            source: ListSource::Own
        }
    );
}

#[test]
fn dated_prices_hold_from_their_day_and_a_removal_falls_back() {
    let mut b = book();
    set(
        &mut b,
        vec![
            price(1, "A", Some(d(2024, 4, 1)), Some(dec!(110))),
            price(1, "A", Some(d(2024, 6, 1)), None),
        ],
    );
    assert_eq!(on_list(&b, 1, "A", d(2024, 3, 31)).0, dec!(100));
    assert_eq!(on_list(&b, 1, "A", d(2024, 4, 1)).0, dec!(110));
    assert_eq!(on_list(&b, 1, "A", d(2024, 5, 31)).0, dec!(110));
    // From June the hand-set price is removed: the item's default.
    assert_eq!(
        on_list(&b, 1, "A", d(2024, 6, 1)),
        (dec!(90), ListSource::ItemDefault)
    );
}

#[test]
fn a_derived_list_follows_its_base_while_a_hand_set_price_stays() {
    let mut b = book();
    set(&mut b, vec![price(2, "S", None, Some(dec!(49.90)))]);
    let day = d(2024, 3, 1);
    let derived = ListSource::Derived {
        base: 1,
        factor: dec!(0.85),
    };
    // 100 × 0.85 = 85.00; 40 × 0.85 = 34.00 (from the item's default).
    assert_eq!(on_list(&b, 2, "A", day), (dec!(85), derived.clone()));
    assert_eq!(on_list(&b, 2, "B", day), (dec!(34), derived.clone()));
    assert_eq!(on_list(&b, 2, "S", day), (dec!(49.90), ListSource::HandSet));
    // The base changes from 1 March: A and S on list 1 go up.
    set(
        &mut b,
        vec![
            price(1, "A", Some(day), Some(dec!(99.90))),
            price(1, "S", Some(day), Some(dec!(70))),
        ],
    );
    // 99.90 × 0.85 = 84.915 → 84.90 (to 0.05, commercially).
    assert_eq!(on_list(&b, 2, "A", day), (dec!(84.90), derived.clone()));
    assert_eq!(on_list(&b, 2, "A", d(2024, 2, 29)).0, dec!(85));
    assert_eq!(on_list(&b, 2, "S", day), (dec!(49.90), ListSource::HandSet));
    // Removing the hand-set price derives again: 70 × 0.85 = 59.50.
    set(&mut b, vec![price(2, "S", Some(day), None)]);
    assert_eq!(on_list(&b, 2, "S", day), (dec!(59.50), derived));
}

#[test]
fn a_derived_list_of_a_derived_list_rounds_at_every_step() {
    let mut b = book();
    let up_99 = Rounding {
        step: RoundStep::Ending99,
        mode: RoundMode::Up,
    };
    save_list(&mut b, derived(3, 2, dec!(1.1), up_99));
    // A: 100 → list 2 85.00 → × 1.1 = 93.50 → next .99 = 93.99.
    assert_eq!(
        on_list(&b, 3, "A", d(2024, 3, 1)),
        (
            dec!(93.99),
            ListSource::Derived {
                base: 2,
                factor: dec!(1.1)
            }
        )
    );
}

#[test]
fn every_rounding_rule_on_a_derived_list() {
    // 12.3456 × 1 on list 2 by each rule.
    let cases = [
        (RoundStep::Cent, RoundMode::Commercial, dec!(12.35)),
        (RoundStep::Cent, RoundMode::Up, dec!(12.35)),
        (RoundStep::Cent, RoundMode::Down, dec!(12.34)),
        (RoundStep::FiveCents, RoundMode::Commercial, dec!(12.35)),
        (RoundStep::FiveCents, RoundMode::Up, dec!(12.35)),
        (RoundStep::FiveCents, RoundMode::Down, dec!(12.30)),
        (RoundStep::TenCents, RoundMode::Commercial, dec!(12.30)),
        (RoundStep::TenCents, RoundMode::Up, dec!(12.40)),
        (RoundStep::TenCents, RoundMode::Down, dec!(12.30)),
        (RoundStep::Whole, RoundMode::Commercial, dec!(12)),
        (RoundStep::Whole, RoundMode::Up, dec!(13)),
        (RoundStep::Whole, RoundMode::Down, dec!(12)),
        (RoundStep::Ending99, RoundMode::Commercial, dec!(11.99)),
        (RoundStep::Ending99, RoundMode::Up, dec!(12.99)),
        (RoundStep::Ending99, RoundMode::Down, dec!(11.99)),
    ];
    let mut b = book();
    set(&mut b, vec![price(1, "A", None, Some(dec!(12.3456)))]);
    for (step, mode, want) in cases {
        save_list(&mut b, derived(2, 1, dec!(1), Rounding { step, mode }));
        let got = on_list(&b, 2, "A", d(2024, 3, 1)).0;
        assert_eq!(got, want, "{step:?} {mode:?}");
    }
}

// ----- currency -----

#[test]
fn a_price_in_another_currency_converts_at_the_days_rate() {
    let mut b = book();
    let mut q = query("A", None, d(2024, 3, 1), dec!(1));
    q.currency = Currency::USD;
    // 100 EUR × 1.0837 = 108.37 USD.
    let got = quote(&b, &q);
    assert_eq!((got.price, got.rate), (dec!(108.37), Some(dec!(1.0837))));
    assert_eq!(got.currency, Currency::USD);
    // A new rate from 1 March: 99.99 EUR → 109.1891 → 109.19 USD.
    set(&mut b, vec![price(1, "A", None, Some(dec!(99.99)))]);
    run(
        &mut b,
        GlCommand::SetExchangeRate {
            currency: Currency::USD,
            date: d(2024, 3, 1),
            rate_fc_per_lc: dec!(1.092),
        },
    );
    let got = quote(&b, &q);
    assert_eq!((got.price, got.rate), (dec!(109.19), Some(dec!(1.092))));
    q.date = d(2024, 2, 29);
    assert_eq!(quote(&b, &q).price, dec!(108.36));
    // The list's own USD price wins over the conversion.
    let mut usd = price(1, "A", None, Some(dec!(105)));
    usd.currency = Currency::USD;
    set(&mut b, vec![usd]);
    let got = quote(&b, &q);
    assert_eq!((got.price, got.rate), (dec!(105), None));
    // No rate before 2 January: no price.
    q.date = d(2024, 1, 1);
    q.item = "B".into();
    assert_eq!(
        b.items().price(b.item_refs(), &q),
        Err(PriceError::NoRate {
            currency: Currency::USD,
            date: d(2024, 1, 1)
        })
    );
}

#[test]
fn a_usd_list_converts_back_to_the_company_currency() {
    let mut b = book();
    save_list(&mut b, own(3, "Export USD", Currency::USD));
    let mut p = price(3, "A", None, Some(dec!(120)));
    p.currency = Currency::USD;
    set(&mut b, vec![p]);
    assign_list(&mut b, "10001", 3);
    let mut q = query("A", Some("10001"), d(2024, 3, 1), dec!(1));
    q.currency = Currency::USD;
    assert_eq!(quote(&b, &q).price, dec!(120));
    // 120 USD / 1.0837 = 110.7317… → 110.73 EUR.
    q.currency = Currency::EUR;
    let got = quote(&b, &q);
    assert_eq!((got.price, got.rate), (dec!(110.73), Some(dec!(1.0837))));
    // B has no USD price: its default 40 EUR × 1.0837 = 43.35 USD.
    q.currency = Currency::USD;
    q.item = "B".into();
    assert_eq!(quote(&b, &q).price, dec!(43.35));
}

// ----- the lookup order -----

/// Each rule, set up one after another, takes over from the one below.
#[test]
fn each_rule_wins_once_in_the_sap_order() {
    let mut b = book();
    let day = d(2024, 3, 1);
    let q = query("A", Some("10001"), day, dec!(100));
    // 4. list price.
    assert_eq!(quote(&b, &q).price, dec!(100));
    // 3. the partner's discount group: 10 % on HW.
    let group = DiscountGroup {
        code: "GH".into(),
        name: "Großhandel".into(),
        discounts: vec![("HW".into(), dec!(10))],
    };
    run(&mut b, ItemsCommand::SaveDiscountGroup { group });
    let pricing = PartnerPricing {
        list: Some(1),
        discount_group: Some("GH".into()),
    };
    run(
        &mut b,
        ItemsCommand::SetPartnerPricing {
            partner: c("10001"),
            pricing,
        },
    );
    let got = quote(&b, &q);
    assert_eq!((got.price, got.discount), (dec!(90), dec!(10)));
    assert_eq!(
        got.rule,
        PriceRule::DiscountGroup {
            group: "GH".into(),
            item_group: "HW".into()
        }
    );
    // 2a. a period discount of list 1 (5 %, March).
    let mut period = special(PriceScope::List(1), "A", off(dec!(5)));
    period.valid_from = Some(d(2024, 3, 1));
    period.valid_to = Some(d(2024, 3, 31));
    save_special(&mut b, period);
    let got = quote(&b, &q);
    assert_eq!(got.price, dec!(95));
    assert_eq!(
        got.rule,
        PriceRule::ListPeriod {
            list: 1,
            valid_to: Some(d(2024, 3, 31))
        }
    );
    // 2b. its volume break from 100: 12 %.
    let mut volume = b.items().special(1).unwrap().clone();
    volume.breaks = vec![QuantityBreak {
        from: dec!(100),
        value: off(dec!(12)),
    }];
    save_special(&mut b, volume);
    let got = quote(&b, &q);
    assert_eq!(got.price, dec!(88));
    assert_eq!(
        got.rule,
        PriceRule::ListVolume {
            list: 1,
            from: dec!(100)
        }
    );
    // 1a. the partner's special price, valid to 31 December.
    let mut partner = special(PriceScope::Partner(c("10001")), "A", eur(dec!(92.50)));
    partner.valid_to = Some(d(2024, 12, 31));
    save_special(&mut b, partner);
    let got = quote(&b, &q);
    assert_eq!((got.price, got.discount), (dec!(92.50), dec!(7.5)));
    assert_eq!(
        got.rule,
        PriceRule::PartnerSpecial {
            partner: c("10001"),
            valid_to: Some(d(2024, 12, 31))
        }
    );
    // 1b. its volume break from 50: 80.
    let mut partner = b.items().special(2).unwrap().clone();
    partner.breaks = vec![QuantityBreak {
        from: dec!(50),
        value: eur(dec!(80)),
    }];
    save_special(&mut b, partner);
    let got = quote(&b, &q);
    assert_eq!((got.price, got.discount), (dec!(80), dec!(20)));
    assert_eq!(
        got.rule,
        PriceRule::PartnerVolume {
            partner: c("10001"),
            from: dec!(50)
        }
    );
    // Another partner of list 1 without specials gets the list's volume.
    let other = quote(&b, &query("A", Some("10002"), day, dec!(100)));
    assert_eq!(other.price, dec!(88));
}

/// The partner's special beats the list's discount though the list's is
/// cheaper; a break applies from exactly its quantity; validity is
/// inclusive; a pure volume scale does not decide below its first break.
#[test]
fn tie_breaks_between_and_within_the_rules() {
    let mut b = book();
    let mut cheap = special(PriceScope::List(1), "A", off(dec!(30)));
    cheap.valid_to = Some(d(2024, 6, 30));
    save_special(&mut b, cheap);
    let mut dear = special(PriceScope::Partner(c("10001")), "A", off(dec!(5)));
    dear.valid_from = Some(d(2024, 3, 1));
    dear.valid_to = Some(d(2024, 3, 31));
    dear.breaks = vec![
        QuantityBreak {
            from: dec!(10),
            value: off(dec!(6)),
        },
        QuantityBreak {
            from: dec!(100),
            value: off(dec!(8)),
        },
    ];
    save_special(&mut b, dear);
    let at = |day: NaiveDate, qty: Decimal| quote(&b, &query("A", Some("10001"), day, qty));
    assert_eq!(at(d(2024, 3, 1), dec!(1)).price, dec!(95));
    assert_eq!(at(d(2024, 3, 31), dec!(9.99)).price, dec!(95));
    assert_eq!(at(d(2024, 3, 31), dec!(10)).price, dec!(94));
    assert_eq!(at(d(2024, 3, 15), dec!(99)).price, dec!(94));
    assert_eq!(at(d(2024, 3, 15), dec!(100)).price, dec!(92));
    // Outside March the list's period discount decides.
    assert_eq!(at(d(2024, 2, 29), dec!(100)).price, dec!(70));
    assert_eq!(at(d(2024, 4, 1), dec!(100)).price, dec!(70));
    assert_eq!(at(d(2024, 7, 1), dec!(100)).price, dec!(100));
    // A volume scale on list 2 (0 % below 10): quantity 5 falls through
    // to the list price, 10 takes the break.
    let mut scale = special(PriceScope::List(2), "B", off(dec!(0)));
    scale.breaks = vec![QuantityBreak {
        from: dec!(10),
        value: off(dec!(5)),
    }];
    save_special(&mut b, scale);
    assign_list(&mut b, "10002", 2);
    let q5 = quote(&b, &query("B", Some("10002"), d(2024, 3, 1), dec!(5)));
    assert_eq!(q5.price, dec!(34));
    assert!(matches!(q5.rule, PriceRule::ListPrice { list: 2, .. }));
    let q10 = quote(&b, &query("B", Some("10002"), d(2024, 3, 1), dec!(10)));
    // 34 × 0.95 = 32.30.
    assert_eq!((q10.price, q10.list_price), (dec!(32.30), dec!(34)));
}

#[test]
fn a_discount_keeps_a_finer_list_price_precision() {
    let mut b = book();
    set(&mut b, vec![price(1, "B", None, Some(dec!(0.0125)))]);
    let group = DiscountGroup {
        code: "K".into(),
        name: "Klein".into(),
        discounts: vec![("HW".into(), dec!(3))],
    };
    run(&mut b, ItemsCommand::SaveDiscountGroup { group });
    let pricing = PartnerPricing {
        list: None,
        discount_group: Some("K".into()),
    };
    run(
        &mut b,
        ItemsCommand::SetPartnerPricing {
            partner: c("10001"),
            pricing,
        },
    );
    // 0.0125 × 0.97 = 0.012125 → 0.0121 (four decimals, not 0.01).
    let got = quote(&b, &query("B", Some("10001"), d(2024, 3, 1), dec!(1000)));
    assert_eq!(got.price, dec!(0.0121));
    // 19.99 × 0.97 = 19.3903 → 19.39 (to the cent).
    set(&mut b, vec![price(1, "B", None, Some(dec!(19.99)))]);
    let got = quote(&b, &query("B", Some("10001"), d(2024, 3, 1), dec!(1)));
    assert_eq!(got.price, dec!(19.39));
}

#[test]
fn the_lookup_says_why_it_has_no_price() {
    let mut b = book();
    let day = d(2024, 3, 1);
    let price_of = |b: &Book, q: PriceQuery| b.items().price(b.item_refs(), &q);
    assert_eq!(
        price_of(&b, query("A", None, day, dec!(0))),
        Err(PriceError::Quantity)
    );
    assert_eq!(
        price_of(&b, query("X", None, day, dec!(1))),
        Err(PriceError::UnknownItem { item: "X".into() })
    );
    assert_eq!(
        price_of(&b, query("A", Some("10099"), day, dec!(1))),
        Err(PriceError::UnknownPartner {
            partner: c("10099")
        })
    );
    let mut inactive = item("A", "HW", dec!(90));
    inactive.active = false;
    save_item(&mut b, inactive);
    assert_eq!(
        price_of(&b, query("A", None, day, dec!(1))),
        Err(PriceError::InactiveItem { item: "A".into() })
    );
    let lone = items_only();
    assert_eq!(
        price_of(&lone, query("A", None, day, dec!(1))),
        Err(PriceError::NoPriceList)
    );
}

// ----- refusals -----

#[test]
fn a_factor_of_zero_or_less_is_refused() {
    let mut b = book();
    for factor in [dec!(0), dec!(-0.5)] {
        let err = refuses(
            &mut b,
            ItemsCommand::SavePriceList {
                list: derived(3, 1, factor, five_cents()),
            },
        );
        assert_eq!(err, ItemsError::FactorNotPositive);
    }
    let err = refuses(
        &mut b,
        ItemsCommand::SavePriceList {
            list: derived(3, 1, dec!(0.12345), five_cents()),
        },
    );
    assert_eq!(
        err,
        ItemsError::Invalid {
            field: ItemsField::Factor
        }
    );
}

#[test]
fn a_chain_of_bases_back_to_the_list_itself_is_refused() {
    let mut b = book();
    save_list(&mut b, derived(3, 2, dec!(1.1), five_cents()));
    // 1 from 3: 3 → 2 → 1.
    let err = refuses(
        &mut b,
        ItemsCommand::SavePriceList {
            list: derived(1, 3, dec!(1), five_cents()),
        },
    );
    assert_eq!(err, ItemsError::ListCycle { number: 1 });
    let err = refuses(
        &mut b,
        ItemsCommand::SavePriceList {
            list: derived(2, 2, dec!(1), five_cents()),
        },
    );
    assert_eq!(err, ItemsError::ListCycle { number: 2 });
    let err = refuses(
        &mut b,
        ItemsCommand::SavePriceList {
            list: derived(4, 9, dec!(1), five_cents()),
        },
    );
    assert_eq!(err, ItemsError::UnknownList { number: 9 });
    // Changing a basis is allowed when no cycle results.
    save_list(&mut b, derived(3, 1, dec!(1.2), five_cents()));
}

#[test]
fn list_numbers_and_names_are_checked() {
    let mut b = book();
    for number in [0, 1000] {
        let err = refuses(
            &mut b,
            ItemsCommand::SavePriceList {
                list: own(number, "X", Currency::EUR),
            },
        );
        assert_eq!(
            err,
            ItemsError::Invalid {
                field: ItemsField::ListNumber
            }
        );
    }
    let err = refuses(
        &mut b,
        ItemsCommand::SavePriceList {
            list: own(5, " ", Currency::EUR),
        },
    );
    assert_eq!(
        err,
        ItemsError::Empty {
            field: ItemsField::ListName
        }
    );
    let err = refuses(
        &mut b,
        ItemsCommand::SavePriceList {
            list: own(5, &"x".repeat(61), Currency::EUR),
        },
    );
    assert_eq!(
        err,
        ItemsError::TooLong {
            field: ItemsField::ListName,
            max: 60
        }
    );
}

#[test]
fn a_price_for_an_inactive_item_is_refused_and_prices_are_checked() {
    let mut b = book();
    let mut inactive = item("B", "HW", dec!(40));
    inactive.active = false;
    save_item(&mut b, inactive);
    let mut refused = |prices: Vec<PriceEntry>| refuses(&mut b, ItemsCommand::SetPrices { prices });
    assert_eq!(
        refused(vec![
            price(1, "A", None, Some(dec!(1))),
            price(1, "B", None, Some(dec!(1)))
        ]),
        ItemsError::InactiveItem { code: "B".into() }
    );
    assert_eq!(
        refused(vec![price(1, "Z", None, Some(dec!(1)))]),
        ItemsError::UnknownItem { code: "Z".into() }
    );
    assert_eq!(
        refused(vec![price(7, "A", None, Some(dec!(1)))]),
        ItemsError::UnknownList { number: 7 }
    );
    assert_eq!(
        refused(vec![price(1, "A", None, Some(dec!(-0.01)))]),
        ItemsError::NegativePrice
    );
    assert_eq!(
        refused(vec![price(1, "A", None, Some(dec!(1.00001)))]),
        ItemsError::Invalid {
            field: ItemsField::Price
        }
    );
    let day = Some(d(2024, 5, 1));
    assert_eq!(
        refused(vec![
            price(1, "A", day, Some(dec!(1))),
            price(2, "A", day, Some(dec!(1))),
            price(1, "A", day, Some(dec!(2))),
        ]),
        ItemsError::DuplicatePrice { index: 2 }
    );
}

#[test]
fn overlapping_specials_of_one_item_and_scope_are_refused() {
    let mut b = book();
    let partner = PriceScope::Partner(c("10001"));
    let mut march = special(partner.clone(), "A", off(dec!(5)));
    march.valid_from = Some(d(2024, 3, 1));
    march.valid_to = Some(d(2024, 3, 31));
    save_special(&mut b, march);
    let mut april = special(partner.clone(), "A", off(dec!(6)));
    april.valid_from = Some(d(2024, 4, 1));
    save_special(&mut b, april);
    // Open start meets March; 31 March meets March; open end meets April.
    for (from, to) in [
        (None, Some(d(2024, 3, 1))),
        (Some(d(2024, 3, 31)), Some(d(2024, 3, 31))),
        (Some(d(2025, 1, 1)), None),
    ] {
        let mut clash = special(partner.clone(), "A", off(dec!(7)));
        clash.valid_from = from;
        clash.valid_to = to;
        let err = refuses(&mut b, ItemsCommand::SaveSpecial { special: clash });
        assert!(
            matches!(err, ItemsError::OverlappingSpecial { id: 3, .. }),
            "{from:?}..{to:?}: {err:?}"
        );
    }
    // The same days for another partner, another item or a list are fine.
    let mut other = special(PriceScope::Partner(c("10002")), "A", off(dec!(7)));
    other.valid_from = Some(d(2024, 3, 1));
    save_special(&mut b, other.clone());
    other.scope = PriceScope::List(1);
    save_special(&mut b, other.clone());
    other.scope = partner;
    other.item = "B".into();
    save_special(&mut b, other);
    // Moving a special within its own days is no overlap with itself.
    let mut moved = b.items().special(1).unwrap().clone();
    moved.valid_from = Some(d(2024, 2, 1));
    save_special(&mut b, moved);
    let q = query("A", Some("10001"), d(2024, 2, 15), dec!(1));
    assert_eq!(quote(&b, &q).price, dec!(95));
}

#[test]
fn quantity_breaks_must_increase_and_values_be_valid() {
    let mut b = book();
    let brk = |from: Decimal, value: PriceValue| QuantityBreak { from, value };
    let with = |breaks: Vec<QuantityBreak>| SpecialPrice {
        breaks,
        ..special(PriceScope::List(1), "A", off(dec!(0)))
    };
    let cases = [
        (
            vec![brk(dec!(10), off(dec!(5))), brk(dec!(10), off(dec!(6)))],
            ItemsError::BreaksNotIncreasing { index: 1 },
        ),
        (
            vec![brk(dec!(100), off(dec!(5))), brk(dec!(10), off(dec!(6)))],
            ItemsError::BreaksNotIncreasing { index: 1 },
        ),
        (
            vec![brk(dec!(0), off(dec!(5)))],
            ItemsError::BreaksNotIncreasing { index: 0 },
        ),
        (
            vec![brk(dec!(10), off(dec!(5))), brk(dec!(20), off(dec!(101)))],
            ItemsError::Invalid {
                field: ItemsField::Break(1),
            },
        ),
    ];
    for (breaks, want) in cases {
        let err = refuses(
            &mut b,
            ItemsCommand::SaveSpecial {
                special: with(breaks),
            },
        );
        assert_eq!(err, want);
    }
    // A 0 % discount without breaks says nothing: refused.
    let err = refuses(
        &mut b,
        ItemsCommand::SaveSpecial {
            special: with(Vec::new()),
        },
    );
    assert_eq!(
        err,
        ItemsError::Invalid {
            field: ItemsField::Discount
        }
    );
}

#[test]
fn special_scope_item_and_validity_are_checked() {
    let mut b = book();
    let cases = [
        (
            special(PriceScope::Partner(c("10099")), "A", off(dec!(5))),
            ItemsError::UnknownPartner {
                partner: c("10099"),
            },
        ),
        (
            special(PriceScope::List(8), "A", off(dec!(5))),
            ItemsError::UnknownList { number: 8 },
        ),
        (
            special(PriceScope::List(1), "Q", off(dec!(5))),
            ItemsError::UnknownItem { code: "Q".into() },
        ),
        (
            SpecialPrice {
                valid_from: Some(d(2024, 3, 2)),
                valid_to: Some(d(2024, 3, 1)),
                ..special(PriceScope::List(1), "A", off(dec!(5)))
            },
            ItemsError::Invalid {
                field: ItemsField::Validity,
            },
        ),
        (
            special(PriceScope::List(1), "A", eur(dec!(-1))),
            ItemsError::NegativePrice,
        ),
        (
            SpecialPrice {
                id: 42,
                ..special(PriceScope::List(1), "A", off(dec!(5)))
            },
            ItemsError::UnknownSpecial { id: 42 },
        ),
    ];
    for (special, want) in cases {
        assert_eq!(refuses(&mut b, ItemsCommand::SaveSpecial { special }), want);
    }
    assert_eq!(
        refuses(&mut b, ItemsCommand::DeleteSpecial { id: 1 }),
        ItemsError::UnknownSpecial { id: 1 }
    );
}

#[test]
fn specials_get_ids_and_a_deleted_one_stops_deciding() {
    let mut b = book();
    save_special(&mut b, special(PriceScope::List(1), "A", off(dec!(5))));
    save_special(&mut b, special(PriceScope::List(1), "B", off(dec!(5))));
    let ids: Vec<u32> = b.items().specials().map(|s| s.id).collect();
    assert_eq!(ids, vec![1, 2]);
    let q = query("A", None, d(2024, 3, 1), dec!(1));
    assert_eq!(quote(&b, &q).price, dec!(95));
    run(&mut b, ItemsCommand::DeleteSpecial { id: 1 });
    assert_eq!(quote(&b, &q).price, dec!(100));
    // Ids are not reused.
    save_special(&mut b, special(PriceScope::List(1), "A", off(dec!(5))));
    assert!(b.items().special(3).is_some());
}

#[test]
fn discount_groups_and_partner_pricing_are_checked() {
    let mut b = book();
    let group = |discounts: Vec<(&str, Decimal)>| DiscountGroup {
        code: "GH".into(),
        name: "Großhandel".into(),
        discounts: discounts
            .into_iter()
            .map(|(g, p)| (g.to_string(), p))
            .collect(),
    };
    let mut refused =
        |g: DiscountGroup| refuses(&mut b, ItemsCommand::SaveDiscountGroup { group: g });
    assert_eq!(
        refused(group(vec![("XX", dec!(5))])),
        ItemsError::UnknownGroup { code: "XX".into() }
    );
    assert_eq!(
        refused(group(vec![("HW", dec!(0))])),
        ItemsError::Invalid {
            field: ItemsField::Discount
        }
    );
    assert_eq!(
        refused(group(vec![("HW", dec!(5)), ("HW", dec!(6))])),
        ItemsError::DuplicateDiscount { group: "HW".into() }
    );
    assert_eq!(
        refused(DiscountGroup {
            code: "G H".into(),
            ..group(vec![])
        }),
        ItemsError::Invalid {
            field: ItemsField::Code
        }
    );
    let mut pricing = |partner: &str, list: Option<u32>, dg: Option<&str>| {
        let pricing = PartnerPricing {
            list,
            discount_group: dg.map(str::to_string),
        };
        let cmd = ItemsCommand::SetPartnerPricing {
            partner: c(partner),
            pricing,
        };
        refuses(&mut b, cmd)
    };
    assert_eq!(
        pricing("10099", None, None),
        ItemsError::UnknownPartner {
            partner: c("10099")
        }
    );
    assert_eq!(
        pricing("10001", Some(9), None),
        ItemsError::UnknownList { number: 9 }
    );
    assert_eq!(
        pricing("10001", None, Some("NONE")),
        ItemsError::UnknownDiscountGroup {
            code: "NONE".into()
        }
    );
}

// ----- mass update -----

#[test]
fn raising_a_list_previews_each_items_new_price() {
    let mut b = book();
    let from = d(2024, 4, 1);
    let rows = b.items().raise(b.item_refs(), 1, None, dec!(3.5), from);
    let got: Vec<(&str, Decimal, Option<Decimal>)> = rows
        .iter()
        .map(|r| (r.item.as_str(), r.old, r.new.price))
        .collect();
    // A 100 → 103.50, B (default 40) → 41.40, S 60 → 62.10.
    assert_eq!(
        got,
        vec![
            ("A", dec!(100), Some(dec!(103.50))),
            ("B", dec!(40), Some(dec!(41.40))),
            ("S", dec!(60), Some(dec!(62.10))),
        ]
    );
    assert!(
        rows.iter()
            .all(|r| r.new.from == Some(from) && r.new.list == 1)
    );
    let only_dl = b
        .items()
        .raise(b.item_refs(), 1, Some("DL"), dec!(10), from);
    assert_eq!(only_dl.len(), 1);
    assert_eq!(only_dl[0].new.price, Some(dec!(66)));
    // Posting the preview sets the prices from the date.
    let prices = rows.into_iter().map(|r| r.new).collect();
    set(&mut b, prices);
    assert_eq!(on_list(&b, 1, "B", from), (dec!(41.40), ListSource::Own));
    assert_eq!(on_list(&b, 1, "B", d(2024, 3, 31)).0, dec!(40));
    // Raising the derived list makes its prices hand-set.
    let rows = b.items().raise(b.item_refs(), 2, None, dec!(10), from);
    assert_eq!(rows[0].old, dec!(88));
    set(&mut b, rows.into_iter().map(|r| r.new).collect());
    assert_eq!(
        on_list(&b, 2, "A", from),
        (dec!(96.80), ListSource::HandSet)
    );
}

// ----- property -----

fn rounding_strategy() -> impl Strategy<Value = Rounding> {
    let step = prop_oneof![
        Just(RoundStep::Cent),
        Just(RoundStep::FiveCents),
        Just(RoundStep::TenCents),
        Just(RoundStep::Whole),
        Just(RoundStep::Ending99),
    ];
    let mode = prop_oneof![
        Just(RoundMode::Commercial),
        Just(RoundMode::Up),
        Just(RoundMode::Down),
    ];
    (step, mode).prop_map(|(step, mode)| Rounding { step, mode })
}

/// The rounding rule written a second way (candidates, not division), so
/// the property does not check `Rounding::apply` against itself.
fn oracle(v: Decimal, r: Rounding) -> Decimal {
    if r.step == RoundStep::Ending99 {
        if v.is_zero() {
            return v;
        }
        let candidates: Vec<Decimal> = (-1..=1)
            .map(|k| v.floor() + Decimal::from(k) + dec!(0.99))
            .filter(|c| *c >= dec!(0.99))
            .collect();
        let below = candidates.iter().copied().filter(|c| *c <= v).max();
        let above = candidates.iter().copied().filter(|c| *c >= v).min();
        return match (r.mode, below, above) {
            (_, None, Some(a)) => a,
            (RoundMode::Down, Some(b), _) => b,
            (RoundMode::Up, _, Some(a)) => a,
            (RoundMode::Commercial, Some(b), Some(a)) if v - b < a - v => b,
            (RoundMode::Commercial, _, Some(a)) => a,
            _ => unreachable!("a candidate above always exists"),
        };
    }
    let step = match r.step {
        RoundStep::Cent => dec!(0.01),
        RoundStep::FiveCents => dec!(0.05),
        RoundStep::TenCents => dec!(0.10),
        _ => dec!(1),
    };
    let down = (v / step).floor() * step;
    let up = if down == v { v } else { down + step };
    match r.mode {
        RoundMode::Down => down,
        RoundMode::Up => up,
        RoundMode::Commercial if v - down < up - v => down,
        RoundMode::Commercial => up,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// For every item not set by hand on the derived list, its price is
    /// the base list's price × factor, rounded by the list's rule.
    #[test]
    fn a_derived_price_is_base_times_factor_rounded(
        bases in proptest::collection::vec((0u32..10_000_000, any::<bool>(), 0u32..100_000), 1..12),
        factor in 1u32..30_000,
        rounding in rounding_strategy(),
    ) {
        let mut b = book();
        let factor = Decimal::new(i64::from(factor), 4);
        save_list(&mut b, derived(3, 1, factor, rounding));
        let mut prices = Vec::new();
        for (i, (cents, by_hand, hand)) in bases.iter().enumerate() {
            let code = format!("P{i}");
            save_item(&mut b, item(&code, "HW", Decimal::new(i64::from(*cents), 4)));
            prices.push(price(1, &code, None, Some(Decimal::new(i64::from(*cents), 2))));
            if *by_hand {
                prices.push(price(3, &code, None, Some(Decimal::new(i64::from(*hand), 2))));
            }
        }
        set(&mut b, prices);
        let day = d(2024, 3, 1);
        for (i, (cents, by_hand, hand)) in bases.iter().enumerate() {
            let code = format!("P{i}");
            let (got, source) = on_list(&b, 3, &code, day);
            if *by_hand {
                prop_assert_eq!(got, Decimal::new(i64::from(*hand), 2));
                prop_assert_eq!(source, ListSource::HandSet);
            } else {
                let base = Decimal::new(i64::from(*cents), 2);
                prop_assert_eq!(got, oracle(base * factor, rounding));
                prop_assert_eq!(source, ListSource::Derived { base: 1, factor });
            }
        }
    }
}
