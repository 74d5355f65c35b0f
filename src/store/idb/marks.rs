//! Performance marks on the open path (`performance.mark`), so the timing
//! harness (`tests/e2e/bench/ui-timing.mjs`) can say where an open's time
//! goes in every engine: `kontor:open` (the open starts), `kontor:read`
//! (IndexedDB has handed over the blocks; again for each part the chain
//! check reads), `kontor:framed` (records split out, in sequence),
//! `kontor:folded` (events decoded and applied: the books can show), and
//! `kontor:verified` (the hash chain checked, after the books show). An
//! open from a snapshot marks `kontor:snapshot-read` (IndexedDB has handed
//! it over), then `kontor:read` for the records after it, and `kontor:folded`
//! (snapshot decoded, those records folded on); `kontor:snapshot-kept`
//! marks a new snapshot stored.
//! The rows on screen are the harness's own end mark.

/// Sets the mark `name` now; where the page has no performance timeline,
/// nothing happens (a mark is for measuring, never for behaviour).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        // A mark that cannot be set only leaves a gap in the harness's figures.
        let _ = performance.mark(name);
    }
}
