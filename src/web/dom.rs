//! Small DOM helpers. Feed text only ever reaches the page through `set_text_content`
//! and attribute values, never as markup.

use std::cell::OnceCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, HtmlElement, Node};

/// A DOM call's result.
pub type Res<T> = Result<T, JsValue>;

/// Creates `<tag class=class>` (no class when empty).
pub fn el(doc: &Document, tag: &str, class: &str) -> Res<Element> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

/// Appends a new `<tag class=class>` to `parent`.
pub fn add(parent: &Node, tag: &str, class: &str) -> Res<Element> {
    let doc = parent.owner_document().ok_or(JsValue::NULL)?;
    let e = el(&doc, tag, class)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// Appends a new `<tag class=class>` holding `text` as text.
pub fn add_text(parent: &Node, tag: &str, class: &str, text: &str) -> Res<Element> {
    let e = add(parent, tag, class)?;
    e.set_text_content(Some(text));
    Ok(e)
}

/// Sets an attribute, ignoring the (impossible for valid names) error.
pub fn set(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// Shows or hides `e` with the `hidden` attribute.
pub fn show(e: &Element, visible: bool) {
    if visible {
        let _ = e.remove_attribute("hidden");
    } else {
        set(e, "hidden", "");
    }
}

/// Moves keyboard focus to `e` when it can take it.
pub fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// Removes every child of `n`.
pub fn clear(n: &Node) {
    n.set_text_content(None);
}

/// `javascript:`, `data:` and anything odd are refused: only `http(s)`, `mailto` and `tel`
/// links are made from feed data.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let ok = ["https://", "http://", "mailto:", "tel:"].iter().any(|p| {
        url.len() > p.len() && url.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    }) && !url
        .bytes()
        .any(|b| b <= b' ' || b == b'"' || b == b'<' || b == b'>' || b == b'\\');
    ok.then_some(url)
}

/// Appends a link to `href` (when safe) with `text`; external links open a new tab.
pub fn add_link(parent: &Node, href: &str, text: &str, class: &str) -> Res<Option<Element>> {
    let Some(href) = safe_url(href) else {
        return Ok(None);
    };
    let a = add_text(parent, "a", class, text)?;
    set(&a, "href", href);
    if href.as_bytes()[..4].eq_ignore_ascii_case(b"http") {
        set(&a, "target", "_blank");
        set(&a, "rel", "noopener noreferrer");
    }
    Ok(Some(a))
}

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// The widget's one style sheet, made once and adopted by every shadow root (a
/// constructable style sheet works under a strict CSP without `unsafe-inline`).
pub fn sheet() -> Option<CssStyleSheet> {
    SHEET.with(|s| {
        s.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(include_str!("style.css")).ok()?;
            Some(sheet)
        })
        .clone()
    })
}
