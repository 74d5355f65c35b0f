//! Moving the keyboard focus, one copy for every screen.

/// Focuses `el`. Focus is a convenience: an element the browser will not
/// focus (detached, hidden) changes nothing the user relies on, so the
/// result is dropped here, once, on purpose.
pub fn focus(el: &web_sys::HtmlElement) {
    let _ = el.focus();
}
