//! One widget's state and behaviour: what is loaded, what the visitor chose, what is
//! shown, and how each event changes it. Rendering is in [`super::view`].

use super::dom::{self, find, first_el, focus, show};
use super::engine;
use super::filters::{self, name, Filters, NAMES};
use super::i18n::{Lang, Msg};
use super::mount::{el, mount, Els};
use super::text::{line, push_hhmm, push_u32};
use super::{opt, prop, url_state, view, Hooks};
use crate::model::{LatLon, Meeting, Weekday};
use crate::search::{Index, Now, Results, Units};
use js_sys::{Array, Object};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement};

/// Rows rendered at a time.
pub const PAGE: usize = 50;

/// How long the URL waits for the filters to settle (ms): writing it costs several ms a time.
const URL_DELAY: u32 = 250;

/// A widget's state.
pub struct State {
    /// The loader's browser services.
    pub hooks: Hooks,
    /// The language of the widget's words.
    pub lang: Lang,
    /// Prefix of this widget's URL hash parameters.
    pub key: String,
    /// The elements it updates.
    pub els: Els,
    /// Weekday names, Sunday first, each ended by `\n` (read with [`line`]).
    pub days: String,
    /// Type names the feeds give (BMLT formats), for codes the index's names do not know; a
    /// later feed's name for a code wins.
    feed_types: Vec<(String, String)>,
    /// The zone for "now": the embed's `timezone`, else the feed's.
    pub timezone: String,
    /// Meetings read so far, per feed, before [`State::show`] indexes them.
    pending: Vec<Vec<Meeting>>,
    /// Records that could not be read, over all feeds.
    unread: usize,
    /// The notices shown above the filters, separated by spaces.
    notice: String,
    /// The loaded meetings.
    pub index: Index,
    /// Whether [`State::show`] has run.
    loaded: bool,
    /// The visitor's choices.
    pub filters: Filters,
    /// The typed place's point.
    place_point: Option<LatLon>,
    /// "Now" at the last search.
    pub now: Option<Now>,
    /// The current results.
    pub results: Results,
    /// Whether the counts are shown and updated (from [`State::controls`] on: the first
    /// results do not wait for them).
    counted: bool,
    /// Rows rendered.
    pub shown: usize,
    /// The meeting whose detail is open.
    pub open: Option<String>,
    /// The filters the embed started with (`data-day` ...), restored when the URL goes
    /// back to having none.
    initial: Filters,
    /// Whether a URL write is waiting for the loader's timer (see [`State::write_url`]).
    url_pending: bool,
    /// Whether the pending URL write makes a new history entry.
    url_push: bool,
}

impl State {
    /// Mounts the skeleton and reads the options and the URL.
    pub fn new(
        host: &HtmlElement,
        options: &Object,
        key: String,
        types: &str,
        hooks: Hooks,
    ) -> Result<State, JsValue> {
        let lang = Lang::from_tag(&opt(options, "lang")).learn(types);
        // Seven names, Sunday first (the hook's promise; a missing one reads as empty).
        let days = hooks.days().as_string().unwrap_or_default();
        let mut filters = Filters::none(Units::default(), None);
        for i in 0..filters::COUNT {
            let name = line(NAMES, i);
            let value = opt(options, name);
            if !value.is_empty() {
                filters.set(i, &value);
            }
        }
        let type_names = engine::type_names(
            types,
            lang.code(),
            &opt(options, "program"),
            &opt(options, "types"),
        );
        let els = mount(
            host,
            lang,
            &opt(options, "title"),
            &opt(options, "filters"),
            &days,
            filters.units_name(),
            &hooks,
        )?;
        let mut s = State {
            hooks,
            lang,
            key,
            els,
            days,
            feed_types: Vec::new(),
            timezone: opt(options, "timezone"),
            pending: Vec::new(),
            unread: 0,
            notice: String::new(),
            // The index keeps the type names in the widget's language (see `type_name`).
            index: engine::index(Vec::new(), type_names),
            loaded: false,
            initial: filters.clone(),
            filters,
            place_point: None,
            now: None,
            results: Results::default(),
            counted: false,
            shown: 0,
            open: None,
            url_pending: false,
            url_push: false,
        };
        s.apply_url();
        Ok(s)
    }

    /// Reads one feed (its UTF-8 bytes).
    pub fn add(&mut self, feed: &[u8], formats: &str) -> Option<String> {
        // Reading a feed and indexing it fill about twice its size in memory. The allocator
        // otherwise grows the wasm memory just enough for each allocation that does not fit,
        // and in Chromium each of those grows costs milliseconds; reserving the room once
        // (and freeing it for what follows) makes them one grow.
        drop(Vec::<u8>::with_capacity(feed.len().saturating_mul(2)));
        let tz = Some(self.timezone.as_str()).filter(|t| !t.is_empty());
        match engine::read(feed, tz, Some(formats).filter(|f| !f.is_empty())) {
            Ok(mut read) => {
                let unread = read.records.saturating_sub(read.meetings.len());
                if unread > 0 {
                    let mut m = String::from("meeting-search: ");
                    push_u32(&mut m, unread as u32);
                    m.push_str(" of ");
                    push_u32(&mut m, read.records as u32);
                    m.push_str(" records could not be read; `meeting-search check FEED` lists why");
                    dom::warn(&m);
                }
                self.unread += unread;
                self.pending.push(read.meetings);
                self.feed_types.append(&mut read.type_names);
                None
            }
            Err(e) => Some(e),
        }
    }

    /// Notes that a feed comes from the copy saved at `ms`.
    pub fn saved(&mut self, ms: f64) {
        let date = self.hooks.date(ms).ok().and_then(|d| d.as_string());
        self.add_notice(self.lang.t(Msg::SavedCopy), &date.unwrap_or_default());
    }

    /// Adds the notice `first` + `rest` (after the others and a space).
    fn add_notice(&mut self, first: &str, rest: &str) {
        if !self.notice.is_empty() {
            self.notice.push(' ');
        }
        self.notice.push_str(first);
        self.notice.push_str(rest);
    }

    /// Indexes what was added and shows the first results.
    ///
    /// Kept out of its one caller (`#[inline(never)]`): inlined there, its body made the
    /// gzipped wasm 26 B larger (as `pkg-config/wasm-opt.flags` notes for wasm-opt's inlining).
    #[inline(never)]
    pub fn show(&mut self) -> u32 {
        let feeds = std::mem::take(&mut self.pending);
        let feeds_read = feeds.len();
        let names = self.index.take_names();
        self.index = engine::index(feeds, names);
        let meetings = self.index.meetings();
        if self.timezone.is_empty() {
            self.timezone = meetings
                .iter()
                .find_map(|m| m.timezone.as_deref())
                .unwrap_or_default()
                .into();
        }
        let count = meetings.len() as u32;
        self.loaded = true;
        if self.unread > 0 {
            let n = self.num(self.unread as f64);
            self.add_notice(&n, self.lang.t(Msg::Unreadable));
        }
        // No feed could be read at all: the plain error. A feed that was read but lists
        // nothing shows "0 meetings" (and how many records could not be read, if any).
        let failed = feeds_read == 0;
        if failed {
            self.add_notice(self.lang.t(Msg::LoadFailed), "");
            dom::set_text_content(&self.els.el[el::STATUS], "");
        }
        dom::set_text_content(&self.els.el[el::NOTICE], &self.notice);
        show(&self.els.el[el::NOTICE], !self.notice.is_empty());
        show(&self.els.el[el::CONTROLS], count > 0);
        if !failed {
            self.resolve_place();
            self.refresh();
            if let Some(slug) = self.open.clone() {
                self.open(&slug, false);
            }
        }
        count
    }

    /// Fills the type and region choices and writes the counts beside every option (after
    /// the first results are painted); every search keeps the counts from then on.
    pub fn controls(&mut self) {
        if !self.loaded || self.counted {
            return;
        }
        self.counted = true;
        let query = self.filters.query(self.now, self.place_point);
        let facets = engine::facets(&self.index, &query);
        view::controls::fill(self, &facets);
        view::controls::sync(self, &facets);
    }

    /// A number, localized.
    pub fn num(&self, n: f64) -> String {
        self.hooks
            .num(n)
            .as_string()
            .unwrap_or_else(|| super::text::u32_text(n as u32))
    }

    /// A time of day (minutes after midnight) as the visitor's locale writes it.
    pub fn time(&self, minute: u16) -> String {
        self.hooks
            .time(u32::from(minute))
            .as_string()
            .unwrap_or_default()
    }

    /// A meeting type's name in the widget's language (its code when unknown).
    pub fn type_name<'a>(&'a self, code: &'a str) -> &'a str {
        let name = self.index.names().name(code);
        if name == code {
            return self
                .feed_types
                .iter()
                .rev()
                .find(|(c, _)| c == code)
                .map_or(code, |(_, name)| name.as_str());
        }
        name
    }

    /// The meeting at `i` in the index.
    pub fn meeting(&self, i: u32) -> Option<&Meeting> {
        self.index.meetings().get(i as usize)
    }

    fn read_now(&self) -> Option<Now> {
        let t = self.hooks.now(&self.timezone).as_f64()?;
        let t = (t >= 0.0).then_some(t as u32)?;
        let day = Weekday::new((t / 1440) as u8)?;
        let minute = (t % 1440) as u16;
        Some(Now { day, minute })
    }

    fn resolve_place(&mut self) {
        let typed = !self.filters.place.trim().is_empty();
        self.place_point = if typed {
            engine::place(&self.index, &self.filters.place)
        } else {
            None
        };
        let missing = typed && self.place_point.is_none() && self.filters.near.is_none();
        dom::set_text_content(
            &self.els.el[el::GEO_NOTE],
            if missing {
                self.lang.t(Msg::NoPlace)
            } else {
                ""
            },
        );
    }

    /// Runs the search and redraws the counts and the first page of results.
    pub fn refresh(&mut self) {
        if !self.loaded {
            return;
        }
        self.now = self.read_now();
        let query = self.filters.query(self.now, self.place_point);
        self.results = engine::search(&self.index, &query);
        if self.counted {
            let facets = engine::facets(&self.index, &query);
            view::controls::sync(self, &facets);
        }
        let n = self.results.hits.len() as u32;
        let mut status = self.num(f64::from(n));
        status.push(' ');
        status.push_str(self.lang.meetings(n));
        if n == 0 {
            status.push_str(". ");
            status.push_str(self.lang.t(Msg::NoResults));
        }
        dom::set_text_content(&self.els.el[el::STATUS], &status);
        self.shown = 0;
        self.more();
        self.hooks.changed(n);
    }

    /// Renders the next page of rows.
    pub fn more(&mut self) {
        let to = (self.shown + PAGE).min(self.results.hits.len());
        view::list::rows(self, self.shown, to);
        self.shown = to;
        show(&self.els.el[el::MORE], self.shown < self.results.hits.len());
    }

    /// Writes the filters and the open meeting to the URL once they have not changed for
    /// [`URL_DELAY`] ms (a new history entry when any of the changes was `push`): the
    /// loader's timer, cleared when the widget is destroyed, then calls `writeUrl`.
    pub fn write_url(&mut self, push: bool) {
        self.url_push |= push;
        self.url_pending = true;
        self.hooks.later(URL_DELAY);
    }

    /// Writes the URL now, as a new history entry (with any change still waiting): opening
    /// or closing a meeting is a step a visitor may undo with Back at once, which must not
    /// go back past it because its entry was still waiting for [`URL_DELAY`].
    fn push_url_now(&mut self) {
        self.url_push = true;
        self.url_pending = true;
        self.flush_url();
    }

    /// Forgets a URL write not made yet (the URL changed under it).
    fn cancel_url(&mut self) {
        self.url_pending = false;
        self.url_push = false;
    }

    /// Makes the URL write that [`State::write_url`] asked for, when the URL changes.
    pub fn flush_url(&mut self) {
        if !std::mem::take(&mut self.url_pending) {
            return;
        }
        let push = std::mem::take(&mut self.url_push);
        let href = dom::href(&self.els.root);
        let (page, hash) = href.split_once('#').unwrap_or((&href, ""));
        let mut new = url_state::others(hash, &self.key);
        for i in 0..filters::COUNT {
            let name = line(NAMES, i);
            url_state::push(&mut new, &self.key, name, &self.filters.get(i));
        }
        let open = self.open.as_deref().unwrap_or_default();
        url_state::push(&mut new, &self.key, "open", open);
        if new.strip_prefix('#') == Some(hash) {
            return;
        }
        // The whole URL, not the hash alone: a page's `<base href>` does not move it.
        let mut url = String::from(page);
        if new != "#" {
            url.push_str(&new);
        }
        let _ = if push {
            dom::push_state(&JsValue::NULL, "", &url)
        } else {
            dom::replace_state(&JsValue::NULL, "", &url)
        };
    }

    /// Applies this widget's URL parameters to the filters (keeping the embed's initial
    /// filters when the URL has none).
    fn apply_url(&mut self) -> bool {
        let href = dom::href(&self.els.root);
        let mut next = Filters::none(Units::default(), self.filters.near);
        let mut open = None;
        let hash = href.split_once('#').map_or("", |h| h.1);
        let any = url_state::read(hash, &self.key, |name, value| {
            if name == "open" {
                open = Some(value).filter(|v| !v.is_empty());
            } else {
                next.set(filters::index(&name), &value);
            }
        });
        if any {
            self.filters = next;
            self.open = open;
        }
        any
    }

    /// Back/forward: reapplies the URL.
    pub fn url_changed(&mut self) {
        self.cancel_url();
        let before = (self.filters.clone(), self.open.clone());
        if !self.apply_url() {
            // Back to a URL without this widget's state: the embed's initial filters.
            let near = self.filters.near;
            self.filters = Filters {
                near,
                ..self.initial.clone()
            };
            self.open = None;
        }
        if same_filters(&before.0, &self.filters) && before.1 == self.open {
            return;
        }
        self.filters_changed(&before.0);
        match self.open.clone() {
            Some(slug) => self.open(&slug, false),
            None => {
                self.open = before.1;
                self.close(false);
            }
        }
    }

    /// Replaces the filters from the JS API's object.
    pub fn set_filters(&mut self, f: &JsValue) {
        let mut next = self.no_filters();
        for i in 0..filters::COUNT {
            let name = line(NAMES, i);
            let v = prop(f, name);
            let n = v.as_f64();
            if i == name::WITHIN && n.is_some() {
                next.within = n.filter(|w| *w > 0.0);
                continue;
            }
            let mut text = String::new();
            if Array::is_array(&v) {
                let a: &Array = v.unchecked_ref();
                for k in 0..a.length() {
                    if k > 0 {
                        text.push(',');
                    }
                    push_js(&mut text, &a.get(k));
                }
            } else if !push_js(&mut text, &v) {
                continue;
            }
            next.set(i, &text);
        }
        let near = prop(f, "near");
        let lat = prop(&near, "lat").as_f64();
        let lon = prop(&near, "lon").as_f64();
        next.near = lat.zip(lon).and_then(|(a, o)| LatLon::new(a, o));
        self.close(false);
        self.replace_filters(next, false);
    }

    /// Shows the filters `next` instead of the current ones, and writes them to the URL
    /// (`push`: as a new history entry).
    fn replace_filters(&mut self, next: Filters, push: bool) {
        let before = std::mem::replace(&mut self.filters, next);
        self.filters_changed(&before);
        self.write_url(push);
    }

    /// Shows the filters, which were `before`: the controls' values, the typed place's point
    /// and the results follow.
    fn filters_changed(&mut self, before: &Filters) {
        view::controls::set_values(self, Some(before));
        self.resolve_place();
        self.refresh();
    }

    /// The results for the JS API, packed for the loader: per hit (separated by `\u{2}`) the
    /// slug, the weekday number, the start as `HH:MM` and the distance in hundredths (each
    /// empty when there is none), each ended by `\u{1}`. The loader makes them objects
    /// (`day` a number or `null`, `time` a string or `null`, `distance` rounded to 2
    /// decimals or `null`), as `meeting-search query` prints them.
    ///
    /// Kept out of its one caller (`#[inline(never)]`): inlined there, its body made the
    /// gzipped wasm 13 B larger (as `pkg-config/wasm-opt.flags` notes for wasm-opt's inlining).
    #[inline(never)]
    pub fn results_packed(&self) -> String {
        let mut out = String::new();
        for h in &self.results.hits {
            if view::list::head(self, &mut out, h).is_none() {
                continue;
            }
            if let Some(t) = h.occurrence.and_then(|o| o.time) {
                push_hhmm(&mut out, t.start, ":");
            }
            out.push(view::FIELD);
            if let Some(d) = h.distance {
                push_u32(&mut out, (d * 100.0).round() as u32);
            }
            out.push(view::FIELD);
        }
        out
    }

    /// Shows the detail of `slug` and moves focus to its heading.
    pub fn open(&mut self, slug: &str, push: bool) {
        let Some(m) = self.index.meetings().iter().find(|m| m.slug == slug) else {
            return;
        };
        let packed = view::detail::pack(self, m);
        let point = m.place.coordinates.filter(|_| !m.place.approximate);
        let (lat, lon) = point.map_or((f64::NAN, f64::NAN), |c| (c.lat, c.lon));
        self.open = Some(slug.into());
        self.panels(true);
        // Shown first: the hook focuses the heading, which a hidden panel cannot take.
        if self
            .hooks
            .detail(&self.els.el[el::DETAIL], &packed, lat, lon)
            .is_err()
        {
            // A loader that cannot draw it: back to the results, as if closed.
            self.close(false);
            return;
        }
        if push {
            self.push_url_now();
        }
    }

    /// Shows the detail panel, or the filters and the results.
    fn panels(&self, detail: bool) {
        show(&self.els.el[el::RESULTS], !detail);
        show(&self.els.el[el::CONTROLS], !detail);
        show(&self.els.el[el::DETAIL], detail);
    }

    /// Closes the detail and moves focus back to the row it came from.
    pub fn close(&mut self, push: bool) {
        let Some(slug) = self.open.take() else { return };
        self.panels(false);
        super::dom::clear(&self.els.el[el::DETAIL]);
        let mut row = first_el(&self.els.el[el::LIST]);
        while let Some(r) = row {
            if dom::attr(&r, "data-slug").as_deref() == Some(&slug) {
                if let Some(b) = find(&r, "button") {
                    focus(&b);
                }
                break;
            }
            row = r.next_element_sibling();
        }
        if push {
            self.push_url_now();
        }
    }

    /// Back to no filters.
    fn reset(&mut self) {
        self.replace_filters(self.no_filters(), true);
    }

    /// No filters, in the current units.
    fn no_filters(&self) -> Filters {
        Filters::none(self.filters.units, None)
    }

    /// A filter control changed.
    fn control(&mut self, target: &Element, typing: bool) {
        let filter = filters::index(&dom::attr(target, "name").unwrap_or_default());
        if filter == name::TYPE {
            self.filters.types.clear();
            for b in &self.els.type_boxes {
                if b.input.checked() {
                    self.filters.types.push(b.code.clone());
                }
            }
        } else if let Some(value) = dom::value(target) {
            if typing && filter != name::TEXT {
                return;
            }
            self.filters.set(filter, &value);
            if filter == name::PLACE {
                self.filters.near = None;
                self.resolve_place();
            }
        } else {
            return;
        }
        self.refresh();
        self.write_url(!typing);
    }

    /// Shows the results around the visitor's position (`None`: not available), which the
    /// "use my location" button asked the loader for.
    ///
    /// Kept out of its one caller (`#[inline(never)]`): inlined there, its body made the
    /// gzipped wasm 14 B larger (as `pkg-config/wasm-opt.flags` notes for wasm-opt's inlining).
    #[inline(never)]
    pub fn located(&mut self, point: Option<LatLon>) {
        match point {
            Some(p) => {
                self.filters.near = Some(p);
                self.filters.place.clear();
                dom::set_value(&self.els.el[el::PLACE], "");
                let mut note = String::from("✓ ");
                note.push_str(self.lang.t(Msg::MyLocation));
                dom::set_text_content(&self.els.el[el::GEO_NOTE], &note);
                self.refresh();
            }
            None => {
                let t = self.lang.t(Msg::NoLocation);
                dom::set_text_content(&self.els.el[el::GEO_NOTE], t);
            }
        }
    }
}

/// Whether `a` and `b` are the same filters (`==`).
///
/// Kept out of its one caller (`#[inline(never)]`): inlined there, the comparison made the
/// gzipped wasm 41 B larger.
#[inline(never)]
fn same_filters(a: &Filters, b: &Filters) -> bool {
    a == b
}

/// Appends a JS string as it is and anything else as the whole number it truncates to (`0`
/// when not a number); whether `v` was a string or a number.
fn push_js(out: &mut String, v: &JsValue) -> bool {
    if let Some(s) = v.as_string() {
        out.push_str(&s);
        return true;
    }
    let n = v.as_f64();
    push_u32(out, n.unwrap_or(0.0) as u32);
    n.is_some()
}

/// Routes an event from the shadow root, or the window's `popstate` (back/forward). The
/// events listened to ([`super::EVENTS`] and `popstate`) and the skeleton's and the loader's
/// `data-act`s (`locate`, `reset`, `more`, `open`, `back`, `ics`) each differ in their first
/// letter (`click` and `change` also in their second), so that letter is all that is compared.
pub fn event(state: &Rc<RefCell<State>>, e: &Event) {
    let Ok(mut s) = state.try_borrow_mut() else {
        return;
    };
    let kind = e.type_();
    let kind = kind.as_bytes();
    if kind.first() == Some(&b'p') {
        s.url_changed();
        return;
    }
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    match kind {
        [b'k', ..] => {
            if dom::key(e).is_some_and(|k| k == "Escape") {
                s.close(true);
            }
            return;
        }
        [b'c', b'l', ..] => {}
        _ => {
            s.control(&target, kind.first() == Some(&b'i'));
            return;
        }
    }
    let Some(act) = dom::closest(&target, "[data-act]") else {
        return;
    };
    match dom::attr(&act, "data-act")
        .unwrap_or_default()
        .as_bytes()
        .first()
    {
        // The loader asks the browser, then answers with `call(op::LOCATED, …)`.
        Some(b'l') => {
            let _ = s.hooks.locate();
        }
        Some(b'r') => s.reset(),
        // The loader's `rows` hook focuses the first row added.
        Some(b'm') => s.more(),
        Some(b'o') => {
            let slug = dom::closest(&act, "[data-slug]").and_then(|r| dom::attr(&r, "data-slug"));
            if let Some(slug) = slug {
                s.open(&slug, true);
            }
        }
        Some(b'b') => s.close(true),
        _ => {}
    }
}
