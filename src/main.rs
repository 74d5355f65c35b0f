//! Mounts the Kontor single-page app (wasm32). Natively there is nothing to
//! mount: the engine is a library, tested with `cargo test`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(kontor::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Kontor runs in the browser: see README.md (serve command).");
}
