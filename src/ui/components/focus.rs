//! Moving the keyboard focus, one copy for every screen.

/// Focuses `el`. Focus is a convenience: an element the browser will not
/// focus (detached, hidden) changes nothing the user relies on, so the
/// result is dropped here, once, on purpose.
pub fn focus(el: &web_sys::HtmlElement) {
    let _ = el.focus();
}

/// Focuses the element with `id`, if the page has one.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        focus(&el);
    }
}

/// The row after (`down`) or before `row`, if there is one.
pub fn sibling_row(row: &web_sys::Element, down: bool) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let next = if down {
        row.next_element_sibling()
    } else {
        row.previous_element_sibling()
    };
    next.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves the focus from a table `row` to the next (`down`) or previous
/// row; stays at the first and last.
pub fn focus_sibling(row: &web_sys::Element, down: bool) {
    if let Some(el) = sibling_row(row, down) {
        focus(&el);
    }
}

/// The keydown handler of a focusable list row. `own` sees every key
/// first, with the row, and says whether it took it (a list's Enter, Delete,
/// Alt+↑ or ↑ from its first row); ↑/↓ it leaves move to the previous or
/// next row. A key taken here does not also scroll the page or submit a form.
pub fn row_keys(
    own: impl Fn(&web_sys::KeyboardEvent, &web_sys::Element) -> bool + 'static,
) -> impl Fn(web_sys::KeyboardEvent) + 'static {
    use wasm_bindgen::JsCast;
    move |ev: web_sys::KeyboardEvent| {
        let Some(row) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let taken = own(&ev, &row)
            || match ev.key().as_str() {
                "ArrowDown" => {
                    focus_sibling(&row, true);
                    true
                }
                "ArrowUp" => {
                    focus_sibling(&row, false);
                    true
                }
                _ => false,
            };
        if taken {
            ev.prevent_default();
        }
    }
}

/// [`row_keys`] for a row whose only own key is Enter, which opens it.
pub fn row_enter(open: impl Fn() + 'static) -> impl Fn(web_sys::KeyboardEvent) + 'static {
    row_keys(move |ev, _| {
        let enter = ev.key() == "Enter";
        if enter {
            open();
        }
        enter
    })
}
