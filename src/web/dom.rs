//! Small DOM helpers, and the DOM bindings the widget declares itself. Feed text only ever
//! reaches the page through `set_text_content` and attribute values, never as markup.
//!
//! Every distinct DOM method the wasm calls is one import plus its glue in the loader, so
//! the widget uses few of them: one `value` for inputs and selects alike, `class` and
//! `hidden` set as attributes or properties, the page's document, window and location
//! reached from the widget's own nodes (not through `js_sys::global()`'s four probes, nor
//! thread-local statics). The bindings declared here
//! without `catch` are the calls that cannot throw as the widget makes them (valid tag,
//! attribute names and selectors, new elements appended to its own), so their results
//! need no error paths.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, Event, EventTarget, Node, ShadowRoot};

#[wasm_bindgen]
extern "C" {
    /// `history.pushState(null, "", url)`.
    #[wasm_bindgen(js_namespace = history, js_name = pushState, catch)]
    pub fn push_state(data: &JsValue, unused: &str, url: &str) -> Res<()>;
    /// `history.replaceState(null, "", url)`.
    #[wasm_bindgen(js_namespace = history, js_name = replaceState, catch)]
    pub fn replace_state(data: &JsValue, unused: &str, url: &str) -> Res<()>;

    /// `console.warn(message)`.
    #[wasm_bindgen(js_namespace = console)]
    pub fn warn(message: &str);

    /// `Reflect.get(target, key)` (it throws when `target` is not an object).
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub fn reflect_get(target: &JsValue, key: &str) -> Res<JsValue>;
    /// `Reflect.set(target, key, value)` on a plain new object (it cannot throw).
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &Object, key: &str, value: &str) -> bool;

    /// Any DOM object, seen through the few members the widget calls on it.
    type Dom;
    #[wasm_bindgen(method, getter, js_name = ownerDocument)]
    fn owner_document(this: &Dom) -> Dom;
    #[wasm_bindgen(method, getter, js_name = defaultView)]
    fn default_view(this: &Dom) -> Option<Dom>;
    #[wasm_bindgen(method, getter)]
    fn location(this: &Dom) -> Option<Dom>;
    #[wasm_bindgen(method, getter)]
    fn href(this: &Dom) -> String;
    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &Dom, tag: &str) -> Element;
    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_child(this: &Dom, child: &Node);
    #[wasm_bindgen(method, js_name = querySelector)]
    fn query_selector(this: &Dom, selector: &str) -> Option<Element>;
    #[wasm_bindgen(method, getter, js_name = firstElementChild)]
    fn first_element_child(this: &Dom) -> Option<Element>;
    #[wasm_bindgen(method, getter)]
    fn value(this: &Dom) -> Option<String>;
    #[wasm_bindgen(method, setter)]
    fn set_value(this: &Dom, value: &str);
    #[wasm_bindgen(method, setter)]
    fn set_hidden(this: &Dom, hidden: bool);
    #[wasm_bindgen(method)]
    fn focus(this: &Dom);
    #[wasm_bindgen(method, getter)]
    fn key(this: &Dom) -> JsValue;
    #[wasm_bindgen(method, js_name = getAttribute)]
    fn get_attribute(this: &Dom, name: &str) -> JsValue;
    #[wasm_bindgen(method, catch, js_name = attachShadow)]
    fn attach_shadow(this: &Dom, init: &Object) -> Res<ShadowRoot>;
    #[wasm_bindgen(method, setter = textContent)]
    fn set_text_content(this: &Dom, text: &str);
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &Dom, name: &str, value: &str);
    #[wasm_bindgen(method)]
    fn closest(this: &Dom, selector: &str) -> Option<Element>;
}

/// A DOM call's result.
pub type Res<T> = Result<T, JsValue>;

fn dom(x: &JsValue) -> &Dom {
    x.unchecked_ref()
}

/// Appends a new `<tag class=class>` (no class when empty) to `parent`.
pub fn add(parent: &Node, tag: &str, class: &str) -> Element {
    let e = dom(parent).owner_document().create_element(tag);
    if !class.is_empty() {
        set(&e, "class", class);
    }
    dom(parent).append_child(&e);
    e
}

/// Appends a new `<tag class=class>` holding `text` as text.
pub fn add_text(parent: &Node, tag: &str, class: &str, text: &str) -> Element {
    let e = add(parent, tag, class);
    set_text_content(&e, text);
    e
}

/// The first element under `n` matching `selector` (a valid one).
pub fn find(n: &Node, selector: &str) -> Option<Element> {
    dom(n).query_selector(selector)
}

/// The first child element of an element or a shadow root.
pub fn first_el(n: &Node) -> Option<Element> {
    dom(n).first_element_child()
}

/// The value of an `<input>` or a `<select>` (`None` for other elements).
pub fn value(e: &Element) -> Option<String> {
    dom(e).value()
}

/// Sets the value of an `<input>` or a `<select>`.
pub fn set_value(e: &Element, value: &str) {
    dom(e).set_value(value);
}

/// A keyboard event's key (`None` for other events).
pub fn key(e: &Event) -> Option<String> {
    dom(e).key().as_string()
}

/// Attaches an open shadow root to `host`.
pub fn attach_shadow(host: &Element) -> Res<ShadowRoot> {
    let init = Object::new();
    reflect_set(&init, "mode", "open");
    dom(host).attach_shadow(&init)
}

/// The URL of the page `n` is in (empty when the document has none).
pub fn href(n: &Node) -> String {
    let doc = dom(n).owner_document();
    doc.location().map(|l| l.href()).unwrap_or_default()
}

/// The window of the page `n` is in (for `popstate`), if it has one.
pub fn window(n: &Node) -> Option<EventTarget> {
    dom(n)
        .owner_document()
        .default_view()
        .map(JsCast::unchecked_into)
}

/// An attribute's value (`None` when `e` does not have it).
pub fn attr(e: &Element, name: &str) -> Option<String> {
    dom(e).get_attribute(name).as_string()
}

/// Sets an attribute (`name` a valid one: no error to handle).
pub fn set(e: &Element, name: &str, value: &str) {
    dom(e).set_attribute(name, value);
}

/// The closest ancestor of `e` (or `e`) matching `selector` (a valid one).
pub fn closest(e: &Element, selector: &str) -> Option<Element> {
    dom(e).closest(selector)
}

/// Shows or hides `e` with the `hidden` attribute.
pub fn show(e: &Element, visible: bool) {
    dom(e).set_hidden(!visible);
}

/// Moves keyboard focus to `e` (elements that cannot take it ignore it).
pub fn focus(e: &Element) {
    dom(e).focus();
}

/// Removes every child of `n`.
pub fn clear(n: &Node) {
    set_text_content(n, "");
}

/// Replaces every child of `n` with `text`, as text (`textContent`; none when empty).
pub fn set_text_content(n: &Node, text: &str) {
    dom(n).set_text_content(text);
}

/// `javascript:`, `data:` and anything odd are refused: only `http(s)`, `mailto` and `tel`
/// links are made from feed data.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let starts = |p: &str| {
        url.len() > p.len() && url.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    let ok = (starts("https://") || starts("http://") || starts("mailto:") || starts("tel:"))
        && !url
            .as_bytes()
            .iter()
            .any(|&b| b <= b' ' || b == b'"' || b == b'<' || b == b'>' || b == b'\\');
    ok.then_some(url)
}

/// The widget's style sheet (in an array, as `adoptedStyleSheets` takes it), adopted by its
/// shadow root (a constructable style sheet works under a strict CSP without
/// `unsafe-inline`). Made for each widget: one shared through a thread-local cost 270 B of
/// wasm, and parsing the sheet takes a fraction of a millisecond.
pub fn sheets() -> Option<Array> {
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(include_str!("style.css")).ok()?;
    Some(Array::of1(&sheet))
}
