//! The one way the app hands a file to the browser: a Blob behind a
//! temporary `<a download>` link (reports' CSV, backups).

use wasm_bindgen::JsCast;

use crate::formats::csv::UTF8_BOM;

/// Hands `bytes` to the browser as a download named `name`. The error is
/// the browser's reason, for the page to show.
pub fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_string())?;
    let a = document.create_element("a").map_err(|e| format!("{e:?}"))?;
    a.set_attribute("href", &url)
        .and_then(|()| a.set_attribute("download", name))
        .and_then(|()| a.set_attribute("style", "display:none"))
        .map_err(|e| format!("{e:?}"))?;
    let body = document.body().ok_or_else(|| "no body".to_string())?;
    body.append_child(&a).map_err(|e| format!("{e:?}"))?;
    if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
        a.click();
    }
    // The link has done its work once clicked; one left behind is
    // invisible and harmless, so a failed removal is not worth a message.
    let _ = body.remove_child(&a);
    // The download reads the URL after this returns: revoke it later.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

/// A CSV report as a download: UTF-8 with a byte-order mark, so
/// spreadsheet programs read umlauts right.
pub fn download_csv(name: &str, text: &str) -> Result<(), String> {
    let content = format!("{UTF8_BOM}{text}");
    download(content.as_bytes(), name, "text/csv;charset=utf-8")
}

/// A report's CSV export from a button or Alt+E. A report screen has no
/// message box, and a browser that cannot make a link has no download to
/// offer anyway; the reason goes to the console for whoever debugs it.
pub fn offer_csv(name: &str, text: &str) {
    if let Err(reason) = download_csv(name, text) {
        leptos::logging::error!("CSV download {name}: {reason}");
    }
}
