//! The behavioural suite, one wasm-bindgen test per check.

use crate::conformance as suite;
use crate::unique_namespace;
use kontor::store::IdbStore;
use wasm_bindgen_test::wasm_bindgen_test;

fn browser(test: &str) -> impl Fn() -> IdbStore {
    let namespace = unique_namespace(test);
    move || IdbStore::new(&namespace)
}

#[wasm_bindgen_test]
async fn registry_creates_lists_and_renames() {
    suite::registry_creates_lists_and_renames(browser("registry")).await;
}

#[wasm_bindgen_test]
async fn appended_records_read_back_after_reload() {
    suite::appended_records_read_back_after_reload(browser("reload")).await;
}

#[wasm_bindgen_test]
async fn sequence_is_gapless_across_blocks() {
    suite::sequence_is_gapless_across_blocks(browser("gapless")).await;
}

#[wasm_bindgen_test]
async fn framed_load_then_chain_check_equals_verified_load() {
    suite::framed_load_then_chain_check_equals_verified_load(browser("framed")).await;
}

#[wasm_bindgen_test]
async fn a_snapshot_is_kept_plain_or_sealed() {
    suite::a_snapshot_is_kept_plain_or_sealed(browser("snapshot")).await;
}

#[wasm_bindgen_test]
async fn stale_writer_gets_a_conflict_and_leaves_no_trace() {
    suite::stale_writer_gets_a_conflict_and_leaves_no_trace(browser("conflict")).await;
}

#[wasm_bindgen_test]
async fn broken_append_leaves_no_trace() {
    suite::broken_append_leaves_no_trace(browser("broken")).await;
}

#[wasm_bindgen_test]
async fn second_tab_catches_up_with_read_since() {
    suite::second_tab_catches_up_with_read_since(browser("catchup")).await;
}

#[wasm_bindgen_test]
async fn drafts_survive_reload_and_stay_out_of_the_log() {
    suite::drafts_survive_reload_and_stay_out_of_the_log(browser("drafts")).await;
}

#[wasm_bindgen_test]
async fn company_created_with_its_log_is_all_or_nothing() {
    suite::company_created_with_its_log_is_all_or_nothing(browser("all-or-nothing")).await;
}

#[wasm_bindgen_test]
async fn delete_needs_the_name_and_removes_everything() {
    suite::delete_needs_the_name_and_removes_everything(browser("delete")).await;
}

#[wasm_bindgen_test]
async fn storage_reports_persistence() {
    suite::storage_reports_persistence(browser("persist")).await;
}
