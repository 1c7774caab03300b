//! The browser side (wasm32 only): the `#[wasm_bindgen]` API the loader
//! (`www/meeting-search.js`) drives. One [`Widget`] per mounted element owns its index,
//! its state and its event listeners; dropping it (the loader's `destroy()`) removes
//! everything it added. The loader supplies [`Hooks`]: the browser services (`Intl`,
//! geolocation, the results event, filling result rows, the detail and its calendar file)
//! that are smaller or faster written in JavaScript.

mod dom;
mod engine;
mod filters;
mod i18n;
mod mount;
mod text;
mod url_state;
mod view;
mod widget;

use crate::model::LatLon;
use gloo_events::EventListener;
use js_sys::{Array, Object};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, EventTarget, HtmlElement, ShadowRoot};
use widget::State;

#[wasm_bindgen]
extern "C" {
    /// Browser services the loader provides to each widget, in the widget's language.
    /// `now`, `days`, `time`, `num`, `later` and `changed` must not throw (they are bound
    /// without `catch`: no error path in the wasm for each call); the others may.
    pub type Hooks;
    /// Now in the IANA zone `tz` (the browser's own zone when empty), as `day * 1440 +
    /// minute` (Sunday = 0), or `null`.
    #[wasm_bindgen(method)]
    fn now(this: &Hooks, tz: &str) -> JsValue;
    /// The seven weekday names, Sunday first, each ended by `\n`.
    #[wasm_bindgen(method)]
    fn days(this: &Hooks) -> JsValue;
    /// A time of day (minutes after midnight) as the visitor's locale writes it.
    #[wasm_bindgen(method)]
    fn time(this: &Hooks, minute: u32) -> JsValue;
    /// A number with at most one decimal, localized.
    #[wasm_bindgen(method)]
    fn num(this: &Hooks, n: f64) -> JsValue;
    /// A date (milliseconds since the epoch), localized.
    #[wasm_bindgen(method, catch)]
    fn date(this: &Hooks, ms: f64) -> Result<JsValue, JsValue>;
    /// Asks the browser for the visitor's position; the loader then calls
    /// [`Widget::located`] (later, never from within this call).
    #[wasm_bindgen(method, catch)]
    fn locate(this: &Hooks) -> Result<JsValue, JsValue>;
    /// Puts in `list` one result row per packed row of `packed`, its texts set as text (the
    /// format is [`view::list`]'s): replacing the rows there when `from` is 0 (the first
    /// screen's rows at once, the others once it is painted), else appending them and
    /// focusing the first one's button (Show more).
    #[wasm_bindgen(method, catch)]
    fn rows(this: &Hooks, list: &Element, packed: &str, from: u32) -> Result<JsValue, JsValue>;
    /// Empties `panel`, puts in it the meeting's detail packed in `packed` (the format is
    /// [`view::detail`]'s; `lat` and `lon` the point directions lead to, `NaN` for its
    /// address), its texts set as text, and focuses its heading; its "add to calendar"
    /// button offers the calendar file made from the same fields.
    #[wasm_bindgen(method, catch)]
    fn detail(
        this: &Hooks,
        panel: &Element,
        packed: &str,
        lat: f64,
        lon: f64,
    ) -> Result<JsValue, JsValue>;
    /// Makes the elements of `skeleton` under `top`, the `~`s filled from `parts` (the
    /// format is [`mount`]'s), texts set as text; returns the elements marked to keep, then
    /// the options made from `parts`, in order.
    #[wasm_bindgen(method, catch)]
    fn build(this: &Hooks, top: &Element, skeleton: &str, parts: &str) -> Result<Array, JsValue>;
    /// Calls the widget's `writeUrl` in `ms` ms, instead of any call still waiting.
    #[wasm_bindgen(method)]
    fn later(this: &Hooks, ms: u32);
    /// Fires `meeting-search:results` with the count.
    #[wasm_bindgen(method)]
    fn changed(this: &Hooks, count: u32);
}

/// `o[name]`, or `undefined` when reading it throws (`o` is not an object, or its getter
/// throws).
fn prop(o: &JsValue, name: &str) -> JsValue {
    dom::reflect_get(o, name).unwrap_or(JsValue::UNDEFINED)
}

/// A string option of the loader's options object (empty when missing).
fn opt(options: &Object, name: &str) -> String {
    prop(options, name).as_string().unwrap_or_default()
}

/// The events a widget listens to on its shadow root (and `popstate` on the window), one
/// string rather than a table of strings.
const EVENTS: &str = "click change input keydown";

/// The requests [`Widget::call`] takes, by number (the loader names them `msSaved` to
/// `msOpen`).
pub mod op {
    /// A feed is shown from a saved copy.
    pub const SAVED: u32 = 0;
    /// Index the feeds and show the results.
    pub const SHOW: u32 = 1;
    /// Fill the type and region choices.
    pub const CONTROLS: u32 = 2;
    /// Build one more lazy part of the index.
    pub const PREPARE: u32 = 3;
    /// Write the URL.
    pub const WRITE_URL: u32 = 4;
    /// The visitor's position.
    pub const LOCATED: u32 = 5;
    /// Open a meeting's detail.
    pub const OPEN: u32 = 6;
}

/// One mounted widget.
#[wasm_bindgen]
pub struct Widget {
    state: Rc<RefCell<State>>,
    /// The shadow root.
    root: ShadowRoot,
    /// Its listeners (each event in [`EVENTS`], and `popstate`), removed when dropped.
    _listeners: Vec<EventListener>,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts a widget in `host`'s shadow root. `options` holds the `data-` options as
    /// strings (already merged by the loader), `key` names its URL hash parameters, and
    /// `types` is the type-name table for its language (`{"W": "Women", ...}`) or empty.
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        options: Object,
        key: String,
        types: String,
        hooks: Hooks,
    ) -> Result<Widget, JsValue> {
        let state = Rc::new(RefCell::new(State::new(
            &host, &options, key, &types, hooks,
        )?));
        let root = state.borrow().els.root.clone();
        let listener = |target: &EventTarget, kind: &'static str| {
            let weak = Rc::downgrade(&state);
            EventListener::new(target, kind, move |e| {
                if let Some(s) = weak.upgrade() {
                    widget::event(&s, e);
                }
            })
        };
        let mut listeners = Vec::new();
        for kind in EVENTS.split(' ') {
            listeners.push(listener(&root, kind));
        }
        if let Some(window) = dom::window(&root) {
            listeners.push(listener(&window, "popstate"));
        }
        Ok(Widget {
            state,
            root,
            _listeners: listeners,
        })
    }

    /// Adds one feed, as its UTF-8 bytes (`formats`: a BMLT GetFormats answer, or empty).
    /// Returns `undefined` when it was read, else a message for the console. Bytes, not a
    /// string: wasm-bindgen copies a string with non-ASCII text into a buffer three times its
    /// length first, and wasm memory never shrinks (221 MB after a 55 MB feed, 163 MB so).
    pub fn add(&self, feed: &[u8], formats: &str) -> Option<String> {
        self.state.try_borrow_mut().ok()?.add(feed, formats)
    }

    /// The loader's other requests, through one export: each export is a wrapper in the
    /// wasm and a method in the glue, ~0.5 KB together. `op` is one of:
    /// - [`op::SAVED`]: a feed is shown from the copy saved at `a` (epoch milliseconds);
    /// - [`op::SHOW`]: build the index over every feed added and show the results (or the
    ///   error message when nothing could be read); returns the number of meetings;
    /// - [`op::CONTROLS`]: fill the type and region choices (once the first results are
    ///   painted);
    /// - [`op::PREPARE`]: build one part of what the index otherwise builds on first use
    ///   (the type and region columns, the points, the word index a few hundred meetings at
    ///   a time, the places named by the feed); returns 1 while more remains. The loader
    ///   calls it whenever the browser is idle after the controls, so that the first typed
    ///   word does not wait and no call holds the page;
    /// - [`op::WRITE_URL`]: write the URL the last filter change asked for (when the
    ///   filters have settled);
    /// - [`op::LOCATED`]: the visitor's position `a`, `b` (latitude, longitude), which the
    ///   "use my location" button asked for (`NaN`s when it is not available);
    /// - [`op::OPEN`]: show the detail of the meeting whose slug is `s`.
    ///
    /// Returns 0 but for `SHOW` and `PREPARE` (and 0 when the widget is busy, as a call
    /// from inside one of its own hooks finds it).
    pub fn call(&self, op: u32, a: f64, b: f64, s: &str) -> u32 {
        let Ok(mut state) = self.state.try_borrow_mut() else {
            return 0;
        };
        match op {
            op::SAVED => state.saved(a),
            op::SHOW => return state.show(),
            op::CONTROLS => state.controls(),
            op::PREPARE => return u32::from(engine::prepare_step(&state.index)),
            op::WRITE_URL => state.flush_url(),
            op::LOCATED => state.located(LatLon::new(a, b)),
            op::OPEN => state.open(s, true),
            _ => {}
        }
        0
    }

    /// Replaces the filters (names as on the command line; see the README).
    #[wasm_bindgen(js_name = setFilters)]
    pub fn set_filters(&self, filters: JsValue) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.set_filters(&filters);
        }
    }

    /// The current results in order, packed for the loader, which makes them the
    /// `{slug, day, time, distance}` objects its `results()` returns (see
    /// [`State::results_packed`]).
    pub fn results(&self) -> String {
        self.state
            .try_borrow()
            .map(|s| s.results_packed())
            .unwrap_or_default()
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        dom::clear(&self.root);
    }
}
