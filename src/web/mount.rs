//! Builds a widget's skeleton in its shadow root: the filter controls (in fieldsets with
//! legends, every control labelled), the live count, the result list and the detail
//! panel. Controls whose options come from the feed (types, regions) are filled later by
//! [`super::view::controls`].

use super::dom::{add, add_text, set, show, Res};
use super::filters::{ATTENDANCE, RADII, TIMES};
use super::i18n::{Lang, Msg};
use super::text::u32_text;
use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlInputElement, HtmlSelectElement, Node, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

/// One option whose label gets a count appended.
pub struct Choice {
    /// The label without the count.
    pub label: String,
    /// The `<option>` or the count's `<span>`.
    pub el: Element,
    /// The count shown now (`u32::MAX` before the first), so unchanged labels are not rewritten.
    pub shown: std::cell::Cell<u32>,
}

impl Choice {
    /// A choice showing no count yet.
    pub fn new(label: String, el: Element) -> Choice {
        Choice {
            label,
            el,
            shown: std::cell::Cell::new(u32::MAX),
        }
    }
}

/// One type checkbox.
pub struct TypeBox {
    /// The type code.
    pub code: String,
    /// The checkbox.
    pub input: HtmlInputElement,
    /// Its `<label>` (marked `zero` when choosing it would give nothing).
    pub label: Element,
    /// The count beside it.
    pub count: Element,
    /// The count shown now.
    pub shown: std::cell::Cell<u32>,
}

/// The elements a widget updates.
pub struct Els {
    /// The shadow root.
    pub root: ShadowRoot,
    /// Notices (saved copy, unreadable records, errors).
    pub notice: Element,
    /// The filters' container.
    pub controls: Element,
    /// Day select and its options (any, today, Sunday … Saturday).
    pub day: HtmlSelectElement,
    /// Day options with counts: today, then Sunday … Saturday.
    pub day_opts: Vec<Choice>,
    /// Time-of-day select.
    pub time: HtmlSelectElement,
    /// Time options with counts.
    pub time_opts: Vec<Choice>,
    /// Attendance select.
    pub att: HtmlSelectElement,
    /// Attendance options with counts.
    pub att_opts: Vec<Choice>,
    /// The types' summary.
    pub types_summary: Element,
    /// The types' list.
    pub types: Element,
    /// The type checkboxes.
    pub type_boxes: Vec<TypeBox>,
    /// Region select.
    pub region: HtmlSelectElement,
    /// Region options (path, option).
    pub region_opts: Vec<(Vec<String>, Choice)>,
    /// Word search.
    pub text: HtmlInputElement,
    /// Typed place.
    pub place: HtmlInputElement,
    /// Radius select.
    pub within: HtmlSelectElement,
    /// A note under the distance controls (location or place not found).
    pub geo_note: Element,
    /// The results panel (count, list, more).
    pub results: Element,
    /// The live count.
    pub status: Element,
    /// The result rows.
    pub list: Element,
    /// "Show more".
    pub more: Element,
    /// The detail panel.
    pub detail: Element,
}

fn select(parent: &Node, name: &str, label: &str) -> Res<HtmlSelectElement> {
    let l = add(parent, "label", "field")?;
    add_text(&l, "span", "lab", label)?;
    let s = add(&l, "select", "")?;
    set(&s, "name", name);
    Ok(s.unchecked_into())
}

fn option(sel: &Node, value: &str, label: &str) -> Res<Element> {
    let o = add_text(sel, "option", "", label)?;
    set(&o, "value", value);
    Ok(o)
}

fn input(parent: &Node, name: &str, label: &str) -> Res<HtmlInputElement> {
    let l = add(parent, "label", "field")?;
    add_text(&l, "span", "lab", label)?;
    let i = add(&l, "input", "")?;
    set(&i, "type", "search");
    set(&i, "name", name);
    set(&i, "autocomplete", "off");
    Ok(i.unchecked_into())
}

fn fieldset(parent: &Node, legend: &str) -> Res<Element> {
    let f = add(parent, "fieldset", "")?;
    add_text(&f, "legend", "", legend)?;
    Ok(f)
}

/// Which filters to show: all unless `filters` lists some (`day,time,type,region,
/// attendance,distance,text`).
fn shown(filters: &str, name: &str) -> bool {
    filters.trim().is_empty() || filters.split(',').any(|f| f.trim() == name)
}

/// Attaches the shadow root to `host` and builds the skeleton.
pub fn mount(
    host: &HtmlElement,
    lang: Lang,
    title: &str,
    filters: &str,
    days: &[String],
    units: &str,
) -> Res<Els> {
    // Read before anything is added, so the layout it needs is the page's alone.
    let wide = host.client_width() >= 600;
    let root = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    super::dom::clear(&root);
    if let Some(sheet) = super::dom::sheet() {
        root.set_adopted_style_sheets(&Array::of1(&sheet));
    }
    let t = |m| lang.t(m);
    let top = add(&root, "div", "ms")?;
    set(&top, "lang", lang.code());
    if !title.is_empty() {
        add_text(&top, "h2", "title", title)?;
    }
    let notice = add(&top, "p", "notice")?;
    show(&notice, false);
    let controls = add(&top, "div", "controls")?;
    set(&controls, "role", "search");
    set(&controls, "aria-label", t(Msg::Filters));
    let text = input(&controls, "text", t(Msg::Search))?;
    show(
        &text.parent_element().ok_or(wasm_bindgen::JsValue::NULL)?,
        shown(filters, "text"),
    );
    let fbox = add(&controls, "details", "fbox")?;
    if wide {
        set(&fbox, "open", "");
    }
    add_text(&fbox, "summary", "", t(Msg::Filters))?;
    let grid = add(&fbox, "div", "grid")?;
    let when = fieldset(&grid, t(Msg::When))?;
    let day = select(&when, "day", t(Msg::Day))?;
    option(&day, "", t(Msg::AnyDay))?;
    let mut day_opts = vec![Choice::new(
        t(Msg::Today).into(),
        option(&day, "today", t(Msg::Today))?,
    )];
    for (i, name) in days.iter().enumerate() {
        day_opts.push(Choice::new(
            name.clone(),
            option(&day, &u32_text(i as u32), name)?,
        ));
    }
    show(
        &day.parent_element().ok_or(wasm_bindgen::JsValue::NULL)?,
        shown(filters, "day"),
    );
    let time = select(&when, "time", t(Msg::Time))?;
    option(&time, "", t(Msg::AnyTime))?;
    let mut time_opts = Vec::new();
    for ((_, value), m) in TIMES
        .iter()
        .zip([Msg::Morning, Msg::Midday, Msg::Evening, Msg::Night])
    {
        time_opts.push(Choice::new(t(m).into(), option(&time, value, t(m))?));
    }
    show(
        &time.parent_element().ok_or(wasm_bindgen::JsValue::NULL)?,
        shown(filters, "time"),
    );
    show(&when, shown(filters, "day") || shown(filters, "time"));

    let what = fieldset(&grid, t(Msg::What))?;
    let att = select(&what, "attendance", t(Msg::Attendance))?;
    option(&att, "", t(Msg::Any))?;
    let mut att_opts = Vec::new();
    for ((_, value), m) in
        ATTENDANCE
            .iter()
            .zip([Msg::InPerson, Msg::Online, Msg::Hybrid, Msg::Inactive])
    {
        att_opts.push(Choice::new(t(m).into(), option(&att, value, t(m))?));
    }
    show(
        &att.parent_element().ok_or(wasm_bindgen::JsValue::NULL)?,
        shown(filters, "attendance"),
    );
    let details = add(&what, "details", "types")?;
    let types_summary = add_text(&details, "summary", "", t(Msg::Types))?;
    let types = add(&details, "div", "typelist")?;
    set(&types, "role", "group");
    set(&types, "aria-label", t(Msg::Types));
    show(&details, shown(filters, "type"));
    show(
        &what,
        shown(filters, "type") || shown(filters, "attendance"),
    );

    let place_set = fieldset(&grid, t(Msg::Where))?;
    let region = select(&place_set, "region", t(Msg::Region))?;
    option(&region, "", t(Msg::AnyRegion))?;
    show(
        &region.parent_element().ok_or(wasm_bindgen::JsValue::NULL)?,
        shown(filters, "region"),
    );
    let dist = add(&place_set, "div", "dist")?;
    let locate = add_text(&dist, "button", "btn", t(Msg::UseLocation))?;
    set(&locate, "type", "button");
    set(&locate, "data-act", "locate");
    let place = input(&dist, "place", t(Msg::Place))?;
    let within = select(&dist, "within", t(Msg::Within))?;
    option(&within, "", t(Msg::AnyDistance))?;
    for r in RADII {
        let mut label = u32_text(r);
        label.push(' ');
        label.push_str(units);
        option(&within, &u32_text(r), &label)?;
    }
    let geo_note = add(&dist, "p", "note")?;
    set(&geo_note, "role", "alert");
    show(&dist, shown(filters, "distance"));
    show(
        &place_set,
        shown(filters, "region") || shown(filters, "distance"),
    );

    let reset = add_text(&grid, "button", "btn reset", t(Msg::Reset))?;
    set(&reset, "type", "button");
    set(&reset, "data-act", "reset");

    let results = add(&top, "section", "results")?;
    let status = add_text(&results, "p", "count", t(Msg::Loading))?;
    set(&status, "role", "status");
    set(&status, "aria-live", "polite");
    let list = add(&results, "ul", "list")?;
    let more = add_text(&results, "button", "btn more", t(Msg::ShowMore))?;
    set(&more, "type", "button");
    set(&more, "data-act", "more");
    show(&more, false);
    let detail = add(&top, "section", "detail")?;
    show(&detail, false);
    Ok(Els {
        root,
        notice,
        controls,
        day,
        day_opts,
        time,
        time_opts,
        att,
        att_opts,
        types_summary,
        types,
        type_boxes: Vec::new(),
        region,
        region_opts: Vec::new(),
        text,
        place,
        within,
        geo_note,
        results,
        status,
        list,
        more,
        detail,
    })
}
