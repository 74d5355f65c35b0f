//! Two tabs in one page: two `BroadcastChannel` objects of the same name
//! talk to each other as two tabs' channels would.

use crate::conformance::sample_records;
use crate::unique_namespace;
use kontor::ledger::chain::ChainHead;
use kontor::store::idb::tabs::{LogAdvanced, watch};
use kontor::store::{CompanyLog, IdbStore, Store};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test;

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn other_tabs_hear_that_the_log_advanced_and_catch_up() {
    let namespace = unique_namespace("tabs");
    let store = IdbStore::new(&namespace);
    let meta = store.create_company("Tabs GmbH").await.unwrap();
    let heard: Rc<RefCell<Vec<LogAdvanced>>> = Rc::default();
    let sink = heard.clone();
    let _watch = watch(&namespace, move |news| sink.borrow_mut().push(news)).expect("channel");

    let writer = store.open_company(&meta.id).await.unwrap();
    let reader = store.open_company(&meta.id).await.unwrap();
    let records = sample_records(ChainHead::EMPTY, 4);
    let head = writer.append(&records).await.unwrap();
    for _ in 0..50 {
        if !heard.borrow().is_empty() {
            break;
        }
        sleep_ms(10).await;
    }
    let news = heard.borrow().first().cloned().expect("news of the append");
    assert_eq!(
        news,
        LogAdvanced {
            company_id: meta.id.clone(),
            head
        }
    );
    assert_eq!(reader.read_since(ChainHead::EMPTY).await.unwrap(), records);
}
