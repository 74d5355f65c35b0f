//! What the service worker says, as `public/pwa.js` keeps it in
//! `window.kontorPwa`: whether a newer version is ready, and whether this
//! tab's code is older than a version another tab applied (then the write
//! path refuses, so old code never writes next to new). Without a service
//! worker (an engine without one, or before it registered) both are false.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;

/// The event `pwa.js` fires on every change.
pub const CHANGED: &str = "kontor-update";

fn flag(name: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window, &JsValue::from_str("kontorPwa"))
        .and_then(|pwa| js_sys::Reflect::get(&pwa, &JsValue::from_str(name)))
        .is_ok_and(|v| v.as_bool() == Some(true))
}

/// A newer version is downloaded and waits for the user's "reload".
pub fn update_ready() -> bool {
    flag("updateReady")
}

/// Another tab applied a newer version: this tab must reload before it writes.
pub fn code_is_outdated() -> bool {
    flag("stale")
}

/// Makes the waiting version current; `pwa.js` reloads this tab after.
pub fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let apply = js_sys::Reflect::get(&window, &JsValue::from_str("kontorPwa"))
        .and_then(|pwa| js_sys::Reflect::get(&pwa, &JsValue::from_str("applyUpdate")));
    if let Ok(f) = apply.and_then(|f| f.dyn_into::<js_sys::Function>()) {
        // A failure leaves the notice up; the user can reload by hand.
        let _ = f.call0(&JsValue::NULL);
    }
}

/// Calls `f` on every change, for the life of the page (the shell's notice).
pub fn on_change(f: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn()>::new(f);
    // Registered once by the shell, which lives as long as the page. A
    // browser that refuses the listener only loses the update notice; the
    // outdated-code check before every write still holds, so nothing is said.
    let _ = window.add_event_listener_with_callback(CHANGED, closure.as_ref().unchecked_ref());
    closure.forget();
}
