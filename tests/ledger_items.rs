//! Items and their groups (issue 20), engine side, master data: saving
//! groups and items, which accounts apply (the item's over its group's),
//! every refusal of a group, an item and an import naming its field or
//! row and leaving the Book unchanged, the change history, inactive items
//! kept, the limits, and a replayed log giving the same item master.

use chrono::NaiveDate;
use kontor::ledger::chain::{ChainHead, LogRecord};
use kontor::ledger::gl::{GlCommand, GlError};
use kontor::ledger::items::{
    Item, ItemAccounts, ItemField, ItemGroup, ItemsCommand, ItemsError, ItemsField, Region,
    UnitCode,
};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::limits::{MAX_ITEM_GROUPS, MAX_REMARKS_LEN};
use kontor::ledger::types::{AccountNo, Timestamp};
use kontor::ledger::{Book, Command, DomainError, Event};
use rust_decimal_macros::dec;

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn at(hour: u32) -> Timestamp {
    Timestamp::at(NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(), hour, 0, 0).unwrap()
}

fn book() -> Book {
    Book::set_up(&sample_setup(2024)).unwrap().0
}

/// SKR03: revenue 8400 / 8125 / 8100, expense 3400 / 3425 / 3200, U19
/// and V19.
fn trade_accounts() -> ItemAccounts {
    ItemAccounts {
        revenue: [Some(a("8400")), Some(a("8125")), Some(a("8100"))],
        expense: [Some(a("3400")), Some(a("3425")), Some(a("3200"))],
        sales_tax: Some("U19".into()),
        purchase_tax: Some("V19".into()),
    }
}

fn group(code: &str) -> ItemGroup {
    ItemGroup {
        code: code.into(),
        name_de: "Handelswaren".into(),
        name_en: "Merchandise".into(),
        accounts: trade_accounts(),
    }
}

fn item(code: &str) -> Item {
    Item {
        code: code.into(),
        description_de: "Schraube M4".into(),
        description_en: String::new(),
        group: "HW".into(),
        unit: UnitCode::parse("H87").unwrap(),
        sales: true,
        purchase: true,
        accounts: ItemAccounts::default(),
        default_price: dec!(0.1250),
        active: true,
        remarks: String::new(),
    }
}

fn save_group(g: &ItemGroup) -> Command {
    ItemsCommand::SaveGroup {
        group: g.clone(),
        by: "anna".into(),
        at: at(9),
    }
    .into()
}

fn save_item(i: &Item, by: &str, hour: u32) -> Command {
    ItemsCommand::SaveItem {
        item: Box::new(i.clone()),
        by: by.into(),
        at: at(hour),
    }
    .into()
}

fn import(items: Vec<Item>) -> Command {
    ItemsCommand::ImportItems {
        items,
        by: "anna".into(),
        at: at(10),
    }
    .into()
}

fn refuses(b: &mut Book, cmd: &Command) -> DomainError {
    let before = b.clone();
    let err = b.execute(cmd).unwrap_err();
    assert_eq!(*b, before, "a refused command changed the book");
    err
}

/// A book with group HW and item A-1.
fn stocked() -> Book {
    let mut b = book();
    b.execute(&save_group(&group("HW"))).unwrap();
    b.execute(&save_item(&item("A-1"), "anna", 9)).unwrap();
    b
}

#[test]
fn an_item_takes_its_groups_accounts_unless_it_overrides_them() {
    let mut b = stocked();
    let items = b.items();
    assert_eq!(items.group("HW"), Some(&group("HW")));
    let record = items.item("A-1").unwrap();
    assert_eq!(record.item, item("A-1"));
    assert_eq!(
        (record.created.by.as_str(), record.created.at),
        ("anna", at(9))
    );
    assert_eq!(items.accounts_of("A-1"), Some(trade_accounts()));
    assert_eq!(items.accounts_of("A-2"), None);

    let mut own = item("A-2");
    own.accounts.revenue[Region::Eu as usize] = Some(a("8200"));
    own.accounts.sales_tax = Some("U7".into());
    b.execute(&save_item(&own, "anna", 9)).unwrap();
    let resolved = b.items().accounts_of("A-2").unwrap();
    assert_eq!(resolved.revenue(Region::Domestic), Some(a("8400")));
    assert_eq!(resolved.revenue(Region::Eu), Some(a("8200")));
    assert_eq!(resolved.expense(Region::Abroad), Some(a("3200")));
    assert_eq!(resolved.sales_tax.as_deref(), Some("U7"));
    assert_eq!(resolved.purchase_tax.as_deref(), Some("V19"));
}

#[test]
fn group_refusals_name_the_field_and_store_nothing() {
    let mut b = stocked();
    type Change = fn(&mut ItemGroup);
    let invalid = |field| DomainError::Items(ItemsError::Invalid { field });
    let cases: Vec<(Change, DomainError)> = vec![
        (|g| g.code = "H W".into(), invalid(ItemsField::Code)),
        (|g| g.code = String::new(), invalid(ItemsField::Code)),
        (|g| g.code = "G".repeat(21), invalid(ItemsField::Code)),
        (
            |g| {
                g.name_de = " ".into();
                g.name_en = String::new();
            },
            DomainError::Items(ItemsError::Empty {
                field: ItemsField::GroupName,
            }),
        ),
        (
            |g| g.name_en = "x".repeat(101),
            DomainError::Items(ItemsError::TooLong {
                field: ItemsField::GroupName,
                max: 100,
            }),
        ),
        (
            |g| g.accounts.revenue[0] = Some(a("8999")),
            DomainError::Gl(GlError::UnknownAccount { account: a("8999") }),
        ),
        (
            |g| g.accounts.revenue[1] = Some(a("3400")),
            DomainError::Items(ItemsError::BadAccount {
                account: a("3400"),
                revenue_or_expense: "revenue",
            }),
        ),
        (
            |g| g.accounts.expense[2] = Some(a("1200")),
            DomainError::Items(ItemsError::BadAccount {
                account: a("1200"),
                revenue_or_expense: "expense",
            }),
        ),
        (
            // A title account (8) takes no postings.
            |g| g.accounts.revenue[0] = Some(a("8")),
            DomainError::Items(ItemsError::BadAccount {
                account: a("8"),
                revenue_or_expense: "revenue",
            }),
        ),
        (
            |g| g.accounts.purchase_tax = Some("V99".into()),
            DomainError::Items(ItemsError::UnknownTaxCode { code: "V99".into() }),
        ),
    ];
    for (change, expected) in cases {
        let mut g = group("NEW");
        change(&mut g);
        assert_eq!(refuses(&mut b, &save_group(&g)), expected, "{g:?}");
    }
}

#[test]
fn an_inactive_account_is_refused_where_it_was_accepted_before() {
    let mut b = book();
    let deactivate = GlCommand::SetAccountActive {
        account: a("8125"),
        active: false,
    };
    b.execute(&deactivate.into()).unwrap();
    assert_eq!(
        refuses(&mut b, &save_group(&group("HW"))),
        DomainError::Items(ItemsError::BadAccount {
            account: a("8125"),
            revenue_or_expense: "revenue",
        })
    );
}

#[test]
fn item_refusals_name_the_field_and_store_nothing() {
    let mut b = stocked();
    type Change = fn(&mut Item);
    let invalid = |field| DomainError::Items(ItemsError::Invalid { field });
    let cases: Vec<(Change, DomainError)> = vec![
        (|i| i.code = "A 2".into(), invalid(ItemsField::Code)),
        (|i| i.code = "Ä-2".into(), invalid(ItemsField::Code)),
        (|i| i.code = "A".repeat(51), invalid(ItemsField::Code)),
        (
            |i| i.description_de = String::new(),
            DomainError::Items(ItemsError::Empty {
                field: ItemsField::Description,
            }),
        ),
        (
            |i| i.description_en = "é".repeat(201),
            DomainError::Items(ItemsError::TooLong {
                field: ItemsField::Description,
                max: 200,
            }),
        ),
        (
            |i| i.group = "SW".into(),
            DomainError::Items(ItemsError::UnknownGroup { code: "SW".into() }),
        ),
        (
            |i| (i.sales, i.purchase) = (false, false),
            DomainError::Items(ItemsError::NeitherSoldNorBought),
        ),
        (
            |i| i.default_price = dec!(-0.01),
            DomainError::Items(ItemsError::NegativePrice),
        ),
        (
            |i| i.default_price = dec!(0.12345),
            invalid(ItemsField::DefaultPrice),
        ),
        (
            |i| i.remarks = "r".repeat(MAX_REMARKS_LEN + 1),
            DomainError::Items(ItemsError::TooLong {
                field: ItemsField::Remarks,
                max: MAX_REMARKS_LEN,
            }),
        ),
        (
            |i| i.accounts.expense[0] = Some(a("8400")),
            DomainError::Items(ItemsError::BadAccount {
                account: a("8400"),
                revenue_or_expense: "expense",
            }),
        ),
        (
            |i| i.accounts.sales_tax = Some("X1".into()),
            DomainError::Items(ItemsError::UnknownTaxCode { code: "X1".into() }),
        ),
    ];
    for (change, expected) in cases {
        let mut i = item("A-2");
        change(&mut i);
        assert_eq!(
            refuses(&mut b, &save_item(&i, "anna", 9)),
            expected,
            "{i:?}"
        );
    }
    // Codes may hold letters, digits, '-', '_' and '.'; an English
    // description alone is enough; a price of 4 decimals is taken.
    let mut fine = item("a_Z-9.1");
    fine.description_de = String::new();
    fine.description_en = "Screw".into();
    fine.default_price = dec!(1234.5678);
    fine.purchase = false;
    b.execute(&save_item(&fine, "anna", 9)).unwrap();
}

#[test]
fn an_update_records_each_changed_field_and_an_inactive_item_stays() {
    let mut b = stocked();
    let mut changed = item("A-1");
    changed.description_de = "Schraube M5".into();
    changed.unit = UnitCode::parse("C62").unwrap();
    changed.default_price = dec!(0.125); // the same price, fewer zeros
    changed.accounts.revenue[0] = Some(a("8200"));
    changed.active = false;
    b.execute(&save_item(&changed, "ben", 11)).unwrap();
    let record = b.items().item("A-1").unwrap();
    assert_eq!(record.item, changed);
    let seen: Vec<(ItemField, &str, &str)> = record
        .changes
        .iter()
        .map(|c| (c.field, c.old.as_str(), c.new.as_str()))
        .collect();
    let accounts_old = "revenue=,,;expense=,,;sales_tax=;purchase_tax=";
    let accounts_new = "revenue=8200,,;expense=,,;sales_tax=;purchase_tax=";
    assert_eq!(
        seen,
        [
            (ItemField::DescriptionDe, "Schraube M4", "Schraube M5"),
            (ItemField::Unit, "H87", "C62"),
            (ItemField::Accounts, accounts_old, accounts_new),
            (ItemField::Active, "true", "false"),
        ]
    );
    assert!(
        record
            .changes
            .iter()
            .all(|c| c.by == "ben" && c.at == at(11))
    );
    // Saving the same item again changes nothing; the inactive item is
    // still listed.
    b.execute(&save_item(&changed, "ben", 12)).unwrap();
    assert_eq!(b.items().item("A-1").unwrap().changes.len(), 4);
    assert_eq!(b.items().items().count(), 1);
}

#[test]
fn an_import_creates_every_item_or_none_and_names_the_bad_row() {
    let mut b = stocked();
    let rows = || vec![item("B-1"), item("B-2"), item("B-3")];
    let at_row = |row, error| {
        DomainError::Items(ItemsError::ImportRow {
            row,
            error: Box::new(error),
        })
    };
    let mut bad = rows();
    bad[2].group = "NONE".into();
    assert_eq!(
        refuses(&mut b, &import(bad)),
        at_row(
            2,
            ItemsError::UnknownGroup {
                code: "NONE".into()
            }
        )
    );
    let mut twice = rows();
    twice[2].code = "B-1".into();
    assert_eq!(
        refuses(&mut b, &import(twice)),
        at_row(2, ItemsError::ItemExists { code: "B-1".into() })
    );
    let mut existing = rows();
    existing[1].code = "A-1".into();
    assert_eq!(
        refuses(&mut b, &import(existing)),
        at_row(1, ItemsError::ItemExists { code: "A-1".into() })
    );
    let mut account = rows();
    account[0].accounts.revenue[2] = Some(a("9999"));
    assert_eq!(
        refuses(&mut b, &import(account)),
        at_row(
            0,
            ItemsError::Gl(GlError::UnknownAccount { account: a("9999") })
        )
    );
    assert_eq!(
        refuses(&mut b, &import(Vec::new())),
        DomainError::Items(ItemsError::ImportEmpty)
    );
    let events = b.execute(&import(rows())).unwrap();
    assert_eq!(events.len(), 3);
    let codes: Vec<&str> = b.items().items().map(|r| r.item.code.as_str()).collect();
    assert_eq!(codes, ["A-1", "B-1", "B-2", "B-3"]);
}

#[test]
fn the_group_limit_holds() {
    let mut b = book();
    for n in 0..MAX_ITEM_GROUPS {
        b.execute(&save_group(&group(&format!("G{n}")))).unwrap();
    }
    // Replacing one still works; a new one is refused.
    b.execute(&save_group(&group("G0"))).unwrap();
    assert_eq!(
        refuses(&mut b, &save_group(&group("MORE"))),
        DomainError::Items(ItemsError::TooMany {
            max: MAX_ITEM_GROUPS
        })
    );
}

#[test]
fn a_replayed_log_gives_the_same_item_master() {
    let (mut b, mut events) = Book::set_up(&sample_setup(2024)).unwrap();
    let mut changed = item("A-1");
    changed.remarks = "Nur auf Anfrage".into();
    for cmd in [
        save_group(&group("HW")),
        save_item(&item("A-1"), "anna", 9),
        import(vec![item("B-1"), item("B-2")]),
        save_item(&changed, "ben", 11),
    ] {
        events.extend(b.execute(&cmd).unwrap());
    }
    let mut head = ChainHead::EMPTY;
    let records: Vec<LogRecord> = events
        .iter()
        .map(|e: &Event| {
            let record = head.seal(kontor::ledger::event::encode(e));
            head = ChainHead::after(&record);
            record
        })
        .collect();
    let replayed = Book::replay(&records).unwrap();
    assert_eq!(replayed.items(), b.items());
    assert_eq!(replayed.items().item("A-1").unwrap().changes.len(), 1);
}
