//! The stored format is frozen: a corpus of version-1 records written by
//! the encoder before the wire structs existed decodes, encodes back to
//! the very same bytes, and replays as a log (every kind of event, entries
//! with tax lines, dimensions, shares, FC amounts, rounding lines and a
//! reversal, and at its end a partner session: payment terms, a customer
//! and its update, an invoice with a typed due date, a credit note, their
//! clearing and its cancellation; a payment and its cancellation; a bank
//! session: house bank, imported file, rules, a posted statement line;
//! dunning, payment-run and items sessions). A
//! change to a domain type that alters
//! what is written fails here.

use kontor::ledger::Book;
use kontor::ledger::chain::{ChainHead, LogRecord};
use kontor::ledger::event::{decode, encode};
use kontor::ledger::types::{EntryId, PartnerCode};
use rust_decimal_macros::dec;

const CORPUS: &str = include_str!("fixtures/events/v1-corpus.jsonl");

fn records() -> Vec<LogRecord> {
    let mut head = ChainHead::EMPTY;
    CORPUS
        .lines()
        .map(|body| {
            let record = head.seal(body.to_string());
            head = ChainHead::after(&record);
            record
        })
        .collect()
}

#[test]
fn every_corpus_record_encodes_back_to_the_same_bytes() {
    let mut kinds = std::collections::BTreeSet::new();
    for (i, body) in CORPUS.lines().enumerate() {
        let event = decode(body).unwrap_or_else(|e| panic!("record {i}: {e}"));
        assert_eq!(encode(&event), body, "record {i}");
        let kind = body.split('"').nth(5).unwrap_or_default().to_string();
        kinds.insert(kind);
    }
    assert_eq!(kinds.len(), 70, "every event kind of version 1: {kinds:?}");
}

#[test]
fn the_corpus_replays_as_a_log() {
    let book = Book::replay(&records()).unwrap();
    // 423 entries, and 424 from issue 18's numbering series session.
    assert_eq!(book.entry_count(), 424);
    // Issue 19's sessions: the e-invoice's original kept with entry 423,
    // the DATEV settings as last given.
    let document = book.inbox().document(EntryId(423)).unwrap();
    assert_eq!(document.name, "RE-4711.xml");
    let datev = book.gl().datev_settings().unwrap();
    assert_eq!(
        (datev.consultant, datev.client, datev.lock),
        (29098, 55003, true)
    );
    // Issue 18's session: the data-entry rules as given.
    let rules = book.gl().entry_rules();
    assert_eq!(rules.days_back, Some(30));
    assert_eq!(rules.cash_accounts.len(), 1);
    // Issue 18's numbering series: KA gave its first 2025 number to 424.
    assert_eq!(book.entry(EntryId(424)).unwrap().reference, "KA-2025-0001");
    assert_eq!(book.gl().numbering().next("KA", 2025, 0), Ok(2));
    // Issue 17's sessions: 2024 and 2025 closed, a standing posting and a
    // loan with posted occurrences.
    assert!(book.closing().year(2024).is_some());
    assert!(book.closing().year(2025).is_some());
    assert_eq!(book.recurring().standing().len(), 2);
    assert_eq!(book.recurring().loans().len(), 2);
    assert!(book.entries().iter().any(|e| e.reverses.is_some()));
    assert!(
        book.entries()
            .iter()
            .flat_map(|e| &e.lines)
            .any(|l| !l.shares().is_empty())
    );
    // The partner session: the credit note's clearing was cancelled, so
    // both items are open again.
    let code = PartnerCode::parse("10001").unwrap();
    assert_eq!(book.partner(code).unwrap().name, "Bäckerei Krüger GmbH");
    // The payment session: the payment's clearing (2) was cancelled with
    // the payment, its item closed against the reversal's (3); both
    // items are open again.
    let clearings = book.open_items().clearings();
    assert_eq!(clearings.len(), 4);
    assert!(clearings[0].cancelled.is_some());
    assert!(clearings[1].cancelled.is_some());
    assert_eq!(clearings[2].clearing.reversal.map(|r| r.0), Some(409));
    // 1,071.00 open after the payment session, plus the dunning charges
    // 61.18 (below), the opening balance of the closing session 1,190.00
    // and the standing posting's invoice of the recurring session 119.00.
    assert_eq!(book.open_items().open_lc(code), dec!(2441.18));
    let payment = book.payments().payment(1).unwrap();
    assert_eq!(payment.cancelled.as_ref().map(|c| c.0.0), Some(409));
    // The bank session: one house bank, the file's bytes, the rule left,
    // and the fee line posted as payment 2.
    let bank = book.bank();
    assert_eq!(bank.house_banks().len(), 1);
    assert_eq!(
        bank.file(1).unwrap().bytes,
        "<Document>Kontoführung</Document>".as_bytes()
    );
    let rules: Vec<u32> = bank.rules().iter().map(|r| r.id).collect();
    assert_eq!(rules, [2]);
    let line = kontor::ledger::bank::LineRef {
        statement: 1,
        line: 0,
    };
    assert_eq!(book.bank_line_payment(line), Some(2));
    // The dunning session: term M1 left, invoice 406 at level 2 of run 1,
    // its interest charged up to the run date, the charges in entry 411.
    let dunning = book.dunning();
    let terms: Vec<&str> = dunning.terms().iter().map(|t| t.code.as_str()).collect();
    assert_eq!(terms, ["M1"]);
    let invoice = kontor::ledger::payments::payment_item(kontor::ledger::types::EntryId(406));
    assert_eq!(dunning.level(invoice), 2);
    let run = dunning.run(1).unwrap();
    assert_eq!(run.letters[0].entry.map(|e| e.0), Some(411));
    assert_eq!(dunning.interest_until(invoice), Some(run.date));
    // The runs session: run 1 deleted, run 2 executed as payment 3 with
    // its end-to-end id, the vendor invoice cleared, the file kept.
    let runs = book.payment_runs();
    assert_eq!(runs.creditor_id(), "DE98ZZZ09999999999");
    assert!(runs.run(1).is_none());
    let run = runs.run(2).unwrap();
    assert_eq!(
        run.status,
        kontor::ledger::payment_runs::RunStatus::Executed { payments: vec![3] }
    );
    assert_eq!(run.files.len(), 1);
    let payment = book.payments().payment(3).unwrap();
    assert_eq!(payment.payment.reference, "KONTOR-R2-1");
    assert_eq!(clearings[3].clearing.number, 4);
    // The items session: group HW, item A-100 with its own domestic
    // revenue account, lists 1 and 2, the partner's special (the list's
    // period discount deleted), RG1 and 10001's pricing.
    let items = book.items();
    let accounts = items.accounts_of("A-100").unwrap();
    let a = |n| kontor::ledger::types::AccountNo::parse(n).unwrap();
    assert_eq!(
        accounts.revenue,
        [Some(a("8200")), Some(a("8125")), Some(a("8100"))]
    );
    assert_eq!(items.lists().count(), 2);
    let specials: Vec<u32> = items.specials().map(|s| s.id).collect();
    assert_eq!(specials, [1]);
    let pricing = items.partner_pricing(code);
    assert_eq!(
        (pricing.list, pricing.discount_group.as_deref()),
        (Some(2), Some("RG1"))
    );
}

// ----- items and prices (issue 20) -----

mod items {
    use chrono::NaiveDate;
    use kontor::ledger::Event;
    use kontor::ledger::event::{decode, encode};
    use kontor::ledger::items::{
        DiscountGroup, Item, ItemAccounts, ItemGroup, ItemsEvent, ListBasis, PartnerPricing,
        PriceEntry, PriceList, PriceScope, PriceValue, QuantityBreak, RoundMode, RoundStep,
        Rounding, SpecialPrice, UnitCode,
    };
    use kontor::ledger::types::{AccountNo, Currency, PartnerCode, Timestamp};
    use rust_decimal_macros::dec;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap()
    }

    fn full_accounts() -> ItemAccounts {
        let a = |n| Some(AccountNo::parse(n).unwrap());
        ItemAccounts {
            revenue: [a("8400"), a("8125"), a("8120")],
            expense: [a("3400"), a("3425"), a("3200")],
            sales_tax: Some("U19".into()),
            purchase_tax: Some("V19".into()),
        }
    }

    fn item(full: bool) -> Item {
        Item {
            code: if full { "A-100.x_1" } else { "B" }.into(),
            description_de: if full { "Schraube M4" } else { "" }.into(),
            description_en: "Screw M4".into(),
            group: "HW".into(),
            unit: UnitCode::parse(if full { "kgm" } else { "C62" }).unwrap(),
            sales: full,
            purchase: full,
            accounts: if full {
                full_accounts()
            } else {
                ItemAccounts::default()
            },
            default_price: if full { dec!(12.3450) } else { dec!(0) },
            active: !full,
            remarks: if full { "Zeile 1\nZeile 2" } else { "" }.into(),
        }
    }

    /// Every kind, once with every optional field set and once with each
    /// left empty.
    fn events() -> Vec<Event> {
        let at = Timestamp::at(day(1, 17), 9, 0, 0).unwrap();
        let eur = Currency::parse("EUR").unwrap();
        let usd = Currency::parse("USD").unwrap();
        let partner = PartnerCode::parse("10023").unwrap();
        let group = |accounts| ItemGroup {
            code: "HW".into(),
            name_de: "Hardware".into(),
            name_en: String::new(),
            accounts,
        };
        let list = |number, basis| PriceList {
            number,
            name: "Basis".into(),
            basis,
            currency: eur,
            active: number == 1,
        };
        let derived = ListBasis::Derived {
            base: 1,
            factor: dec!(0.85),
            rounding: Rounding {
                step: RoundStep::Ending99,
                mode: RoundMode::Up,
            },
        };
        let entry = |from, price| PriceEntry {
            list: 2,
            item: "B".into(),
            currency: usd,
            from,
            price,
        };
        let special = SpecialPrice {
            id: 7,
            scope: PriceScope::Partner(partner),
            item: "B".into(),
            valid_from: Some(day(1, 1)),
            valid_to: Some(day(12, 31)),
            value: PriceValue::Price {
                amount: dec!(9.90),
                currency: eur,
            },
            breaks: vec![
                QuantityBreak {
                    from: dec!(10),
                    value: PriceValue::Discount { percent: dec!(5) },
                },
                QuantityBreak {
                    from: dec!(100.5),
                    value: PriceValue::Price {
                        amount: dec!(8),
                        currency: usd,
                    },
                },
            ],
        };
        let bare = SpecialPrice {
            id: 8,
            scope: PriceScope::List(2),
            valid_from: None,
            valid_to: None,
            value: PriceValue::Discount { percent: dec!(2.5) },
            breaks: Vec::new(),
            ..special.clone()
        };
        let items = [
            ItemsEvent::GroupSaved {
                group: group(full_accounts()),
                by: "anna".into(),
                at,
            },
            ItemsEvent::GroupSaved {
                group: group(ItemAccounts::default()),
                by: "anna".into(),
                at,
            },
            ItemsEvent::ItemSaved {
                item: Box::new(item(true)),
                by: "anna".into(),
                at,
            },
            ItemsEvent::ItemSaved {
                item: Box::new(item(false)),
                by: "ben".into(),
                at,
            },
            ItemsEvent::PriceListSaved {
                list: list(1, ListBasis::Own),
            },
            ItemsEvent::PriceListSaved {
                list: list(2, derived),
            },
            ItemsEvent::PricesSet {
                prices: vec![entry(Some(day(3, 1)), Some(dec!(4.99))), entry(None, None)],
            },
            ItemsEvent::PricesSet { prices: Vec::new() },
            ItemsEvent::SpecialSaved { special },
            ItemsEvent::SpecialSaved { special: bare },
            ItemsEvent::SpecialDeleted { id: 7 },
            ItemsEvent::DiscountGroupSaved {
                group: DiscountGroup {
                    code: "RG1".into(),
                    name: "Händler".into(),
                    discounts: vec![("HW".into(), dec!(3)), ("SW".into(), dec!(100))],
                },
            },
            ItemsEvent::DiscountGroupSaved {
                group: DiscountGroup {
                    code: "RG2".into(),
                    name: String::new(),
                    discounts: Vec::new(),
                },
            },
            ItemsEvent::PartnerPricingSet {
                partner,
                pricing: PartnerPricing {
                    list: Some(2),
                    discount_group: Some("RG1".into()),
                },
            },
            ItemsEvent::PartnerPricingSet {
                partner,
                pricing: PartnerPricing::default(),
            },
        ];
        items.into_iter().map(Event::Items).collect()
    }

    #[test]
    fn every_items_event_round_trips_with_and_without_its_optional_fields() {
        for event in events() {
            let body = encode(&event);
            assert_eq!(decode(&body).unwrap(), event, "{body}");
            assert_eq!(encode(&decode(&body).unwrap()), body);
        }
    }

    #[test]
    fn empty_fields_are_omitted_and_values_are_written_as_text() {
        let bodies: Vec<String> = events().iter().map(encode).collect();
        assert_eq!(
            bodies[1],
            r#"{"v":1,"type":"item_group_saved","group":{"code":"HW","name_de":"Hardware"},"by":"anna","at":"2025-01-17T09:00:00Z"}"#
        );
        assert_eq!(
            bodies[3],
            r#"{"v":1,"type":"item_saved","item":{"code":"B","description_en":"Screw M4","group":"HW","unit":"C62","active":true},"by":"ben","at":"2025-01-17T09:00:00Z"}"#
        );
        assert!(bodies[2].contains(r#""unit":"KGM""#), "{}", bodies[2]);
        assert!(bodies[2].contains(r#""default_price":"12.3450""#));
        assert!(bodies[2].contains(r#""revenue_eu":"8125""#));
        assert_eq!(
            bodies[5],
            r#"{"v":1,"type":"price_list_saved","list":{"number":2,"name":"Basis","derived":{"base":1,"factor":"0.85","step":"ending_99","mode":"up"},"currency":"EUR","active":false}}"#
        );
        assert_eq!(
            bodies[6],
            r#"{"v":1,"type":"prices_set","prices":[{"list":2,"item":"B","currency":"USD","from":"2025-03-01","price":"4.99"},{"list":2,"item":"B","currency":"USD"}]}"#
        );
        assert_eq!(
            bodies[9],
            r#"{"v":1,"type":"special_price_saved","special":{"id":8,"scope":{"list":2},"item":"B","value":{"discount":{"percent":"2.5"}}}}"#
        );
        assert_eq!(
            bodies[14],
            r#"{"v":1,"type":"partner_pricing_set","partner":"10023","pricing":{}}"#
        );
    }

    #[test]
    fn an_unknown_unit_or_a_half_scope_is_refused() {
        let unit = r#"{"v":1,"type":"item_saved","item":{"code":"B","group":"HW","unit":"XYZ","active":true},"by":"ben","at":"2025-01-17T09:00:00Z"}"#;
        assert!(decode(unit).is_err());
        let scope = r#"{"v":1,"type":"special_price_saved","special":{"id":8,"scope":{},"item":"B","value":{"discount":{"percent":"2.5"}}}}"#;
        assert!(decode(scope).is_err());
    }
}

fn stamp() -> kontor::ledger::types::Stamp {
    kontor::ledger::types::Stamp {
        by: "Jana \"JB\" Brandt".into(),
        at: kontor::ledger::types::Timestamp::parse("2026-12-03T09:54:07Z").unwrap(),
    }
}

/// The writer's stamp (log format 1.1): every corpus record of a kind that
/// takes it decodes with the stamp appended to the same event, gives the
/// stamp back, and encodes back to the same stamped bytes; every other
/// kind is written exactly as without a stamp.
#[test]
fn the_writers_stamp_is_added_last_read_back_and_changes_no_event() {
    use kontor::ledger::event::{STAMPED_BY_WRITER, decode_stamp, encode_stamped, stored_type};
    let stamp = stamp();
    let mut stamped_kinds = std::collections::BTreeSet::new();
    for (i, body) in CORPUS.lines().enumerate() {
        let event = decode(body).unwrap();
        let kind = stored_type(body).unwrap();
        let written = encode_stamped(&event, Some(&stamp));
        if STAMPED_BY_WRITER.contains(&kind) {
            stamped_kinds.insert(kind);
            assert_eq!(
                written,
                format!(
                    "{},\"by\":\"Jana \\\"JB\\\" Brandt\",\"at\":\"2026-12-03T09:54:07Z\"}}",
                    &body[..body.len() - 1]
                ),
                "record {i}"
            );
            assert_eq!(decode(&written).unwrap(), event, "record {i}");
            assert_eq!(decode_stamp(&written), Some(stamp.clone()), "record {i}");
            assert_eq!(decode_stamp(body), None, "record {i} was written unstamped");
            let again = encode_stamped(&decode(&written).unwrap(), decode_stamp(&written).as_ref());
            assert_eq!(again, written, "record {i}");
        } else {
            assert_eq!(
                written, body,
                "record {i}: {kind} carries its own stamp or none"
            );
            assert_eq!(decode_stamp(body), None);
        }
    }
    // Every kind in the list is in the corpus, so each was checked.
    assert_eq!(
        stamped_kinds.len(),
        STAMPED_BY_WRITER.len(),
        "{stamped_kinds:?}"
    );
}

/// Every master-data kind the change log reads names its author: in its
/// own fields, or by the writer's stamp.
#[test]
fn every_master_data_kind_can_name_who_wrote_it() {
    use kontor::ledger::book::change_log::master_data_types;
    use kontor::ledger::event::{STAMPED_BY_WRITER, stored_type};
    for kind in master_data_types() {
        if kind == "company_created" || STAMPED_BY_WRITER.contains(&kind) {
            continue;
        }
        let body = CORPUS
            .lines()
            .find(|b| stored_type(b) == Some(kind))
            .unwrap_or_else(|| panic!("{kind} is in the corpus"));
        let value: serde_json::Value = serde_json::from_str(body).unwrap();
        assert!(
            value.get("by").is_some() && value.get("at").is_some(),
            "{kind} names neither its user nor its time: add it to STAMPED_BY_WRITER"
        );
    }
}
