//! Builds a widget's skeleton in its shadow root from a compact description walked by one
//! loop of DOM calls (no markup is parsed: pages that enforce Trusted Types refuse
//! `innerHTML`): the filter controls (in fieldsets with legends, every control labelled), the
//! live count, the result list and the detail panel. Our labels, the browser's weekday names,
//! the units and the site owner's title are all set as text. Controls whose options come from
//! the feed (types, regions) are filled later by [`super::view::controls`].

use super::dom::{add, add_text, attach_shadow, clear, set, Res};
use super::filters::{ATTENDANCE, RADII, TIMES};
use super::i18n::{Lang, Msg};
use super::text::{line_index, u32_text};
use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

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
    pub day: Element,
    /// Day options with counts: today, then Sunday … Saturday.
    pub day_opts: Vec<Choice>,
    /// Time-of-day select.
    pub time: Element,
    /// Time options with counts.
    pub time_opts: Vec<Choice>,
    /// Attendance select.
    pub att: Element,
    /// Attendance options with counts.
    pub att_opts: Vec<Choice>,
    /// The types' summary.
    pub types_summary: Element,
    /// The types' list.
    pub types: Element,
    /// The type checkboxes.
    pub type_boxes: Vec<TypeBox>,
    /// Region select.
    pub region: Element,
    /// Region options (path, option).
    pub region_opts: Vec<(Vec<String>, Choice)>,
    /// Word search.
    pub text: Element,
    /// Typed place.
    pub place: Element,
    /// Radius select.
    pub within: Element,
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

/// What goes in one `~` of [`SKELETON`].
#[derive(Clone, Copy)]
enum Part {
    /// One of our messages, as text or as an attribute's value.
    T(Msg),
    /// `hidden` unless one of these filters (bits of [`FILTERS`]) is shown (see [`shown`]).
    Hidden(u8),
    /// `open` when the host is wide.
    Open,
    /// The day options: today, then Sunday (`0`) to Saturday (`6`) labelled with the day names.
    Days,
    /// The time-of-day options: [`TIMES`]' values, labelled [`TIME_MSGS`].
    Times,
    /// The attendance options: [`ATTENDANCE`]'s values, labelled [`ATTENDANCE_MSGS`].
    Attendances,
    /// The radius options, labelled in the units.
    Radii,
}

/// The skeleton under the title, walked by [`build`], which makes each element with DOM calls
/// (no markup is parsed: pages that enforce Trusted Types refuse `innerHTML`). Each
/// `<tag.class.class attr=value attr>` is an element (`/>` ends one that holds nothing),
/// closed by its `</tag>`; a `*` after the tag and classes keeps the element for [`Els`]. Each
/// `~` is the next of [`PARTS`]: among the attributes, `hidden` or `open` (or nothing); as an
/// attribute's value or as the text, a message; as the text of a `<select>`, its options.
const SKELETON: &str = "\
<p.notice* hidden></p><div.controls* role=search aria-label=~>\
<label.field ~><span.lab>~</span>\
<input* type=search name=text autocomplete=off/></label>\
<details.fbox ~><summary>~</summary><div.grid>\
<fieldset ~><legend>~</legend>\
<label.field ~><span.lab>~</span><select* name=day>\
<option value>~</option>~</select></label>\
<label.field ~><span.lab>~</span><select* name=time>\
<option value>~</option>~</select></label></fieldset>\
<fieldset ~><legend>~</legend>\
<label.field ~><span.lab>~</span><select* name=attendance>\
<option value>~</option>~</select></label>\
<details.types ~><summary*>~</summary>\
<div.typelist* role=group aria-label=~></div></details></fieldset>\
<fieldset ~><legend>~</legend>\
<label.field ~><span.lab>~</span><select* name=region>\
<option value>~</option></select></label>\
<div.dist ~><button.btn type=button data-act=locate>~</button>\
<label.field><span.lab>~</span>\
<input* type=search name=place autocomplete=off/></label>\
<label.field><span.lab>~</span><select* name=within>\
<option value>~</option>~</select></label><p.note* role=alert></p></div>\
</fieldset><button.btn.reset type=button data-act=reset>~</button>\
</div></details></div>\
<section.results*><p.count* role=status aria-live=polite>~</p>\
<ul.list*></ul><button.btn.more* type=button data-act=more hidden>~</button>\
</section><section.detail* hidden></section>";

/// How many elements [`SKELETON`] keeps (marked `*`).
const KEPT: usize = 17;

/// How many choices [`build`] makes: today and the seven days, the times, the attendances.
const CHOICES: usize = 8 + TIMES.len() + ATTENDANCE.len();
/// The filters `filters` may list, a name a line; bit `i` of a [`Part::Hidden`] stands for
/// the `i`th.
const FILTERS: &str = "text\nday\ntime\ntype\nattendance\nregion\ndistance";

/// The bits of [`FILTERS`].
mod filter {
    pub const TEXT: u8 = 1;
    pub const DAY: u8 = 2;
    pub const TIME: u8 = 4;
    pub const TYPE: u8 = 8;
    pub const ATTENDANCE: u8 = 16;
    pub const REGION: u8 = 32;
    pub const DISTANCE: u8 = 64;
}

/// The [`SKELETON`]'s parts, in order.
const PARTS: [Part; 38] = [
    Part::T(Msg::Filters),
    Part::Hidden(filter::TEXT),
    Part::T(Msg::Search),
    Part::Open,
    Part::T(Msg::Filters),
    Part::Hidden(filter::DAY | filter::TIME),
    Part::T(Msg::When),
    Part::Hidden(filter::DAY),
    Part::T(Msg::Day),
    Part::T(Msg::AnyDay),
    Part::Days,
    Part::Hidden(filter::TIME),
    Part::T(Msg::Time),
    Part::T(Msg::AnyTime),
    Part::Times,
    Part::Hidden(filter::TYPE | filter::ATTENDANCE),
    Part::T(Msg::What),
    Part::Hidden(filter::ATTENDANCE),
    Part::T(Msg::Attendance),
    Part::T(Msg::Any),
    Part::Attendances,
    Part::Hidden(filter::TYPE),
    Part::T(Msg::Types),
    Part::T(Msg::Types),
    Part::Hidden(filter::REGION | filter::DISTANCE),
    Part::T(Msg::Where),
    Part::Hidden(filter::REGION),
    Part::T(Msg::Region),
    Part::T(Msg::AnyRegion),
    Part::Hidden(filter::DISTANCE),
    Part::T(Msg::UseLocation),
    Part::T(Msg::Place),
    Part::T(Msg::Within),
    Part::T(Msg::AnyDistance),
    Part::Radii,
    Part::T(Msg::Reset),
    Part::T(Msg::Loading),
    Part::T(Msg::ShowMore),
];

/// The messages of [`TIMES`], in its order.
const TIME_MSGS: [Msg; 4] = [Msg::Morning, Msg::Midday, Msg::Evening, Msg::Night];

/// The messages of [`ATTENDANCE`], in its order.
const ATTENDANCE_MSGS: [Msg; 4] = [Msg::InPerson, Msg::Online, Msg::Hybrid, Msg::Inactive];

/// The filters to show, as bits of [`FILTERS`]: all unless `filters` lists some
/// (`day,time,type,region,attendance,distance,text`).
fn shown(filters: &str) -> u8 {
    if filters.trim().is_empty() {
        return u8::MAX;
    }
    let mut bits = 0;
    for f in filters.split(',') {
        if let Some(i) = line_index(FILTERS, f.trim()) {
            bits |= 1 << i;
        }
    }
    bits
}

/// A message part's text (empty for any other part).
fn message(part: Option<Part>, lang: Lang) -> &'static str {
    match part {
        Some(Part::T(msg)) => lang.t(msg),
        _ => "",
    }
}

/// Appends `<option value=value>label` to `select`.
fn option(select: &Element, value: &str, label: &str) -> Element {
    let o = add_text(select, "option", "", label);
    set(&o, "value", value);
    o
}

/// Appends `<option value=value>label` to `select` as a choice of `out`.
fn choice(out: &mut Vec<Choice>, select: &Element, value: &str, label: &str) {
    out.push(Choice::new(label.into(), option(select, value, label)));
}

/// `s` split at its first `c` (an ASCII byte), without it: one small function for every cut
/// [`build`] makes, not a copy of `str`'s pattern search for each.
#[inline(never)]
fn cut(s: &str, c: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == c)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// Makes the elements of [`SKELETON`] under `top`, our labels set as text, and returns those
/// it keeps and the choices (today and the days, the times, the attendances), in order.
fn build(
    top: &Element,
    lang: Lang,
    shown: u8,
    days: &[String],
    units: &str,
    wide: bool,
) -> (Vec<Element>, Vec<Choice>) {
    let mut kept = Vec::with_capacity(KEPT);
    let mut choices = Vec::with_capacity(CHOICES);
    let mut open = vec![top.clone()];
    let mut parts = PARTS.into_iter();
    let mut rest = SKELETON;
    while let Some((_, tail)) = cut(rest, b'<') {
        let (tag, tail) = cut(tail, b'>').unwrap_or((tail, ""));
        rest = tail;
        let text = cut(tail, b'<').map_or(tail, |t| t.0);
        if tag.starts_with('/') {
            open.pop();
        } else if let Some(parent) = open.last() {
            let (tag, empty) = tag.strip_suffix('/').map_or((tag, false), |t| (t, true));
            let (name, mut words) = cut(tag, b' ').unwrap_or((tag, ""));
            let (name, keep) = name.strip_suffix('*').map_or((name, false), |n| (n, true));
            let (name, mut classes) = cut(name, b'.').unwrap_or((name, ""));
            let mut class = String::new();
            while let Some((c, more)) = cut(classes, b'.') {
                class.push_str(c);
                class.push(' ');
                classes = more;
            }
            class.push_str(classes);
            let e = add(parent, name, &class);
            while !words.is_empty() {
                let (word, more) = cut(words, b' ').unwrap_or((words, ""));
                words = more;
                let (attr, value) = match word {
                    "~" => match parts.next() {
                        Some(Part::Hidden(bits)) if bits & shown == 0 => ("hidden", ""),
                        Some(Part::Open) if wide => ("open", ""),
                        _ => continue,
                    },
                    _ => match cut(word, b'=') {
                        Some((attr, "~")) => (attr, message(parts.next(), lang)),
                        Some(pair) => pair,
                        None => (word, ""),
                    },
                };
                set(&e, attr, value);
            }
            if keep {
                kept.push(e.clone());
            }
            if !empty {
                open.push(e);
            }
        }
        let Some(e) = open.last().filter(|_| text == "~") else {
            continue;
        };
        match parts.next() {
            Some(Part::Days) => {
                choice(&mut choices, e, "today", lang.t(Msg::Today));
                for d in 0..7 {
                    let label = days.get(d).map_or("", String::as_str);
                    choice(&mut choices, e, &u32_text(d as u32), label);
                }
            }
            Some(Part::Times) => {
                for i in 0..TIMES.len() {
                    choice(&mut choices, e, TIMES[i].1, lang.t(TIME_MSGS[i]));
                }
            }
            Some(Part::Attendances) => {
                for i in 0..ATTENDANCE.len() {
                    choice(&mut choices, e, ATTENDANCE[i].1, lang.t(ATTENDANCE_MSGS[i]));
                }
            }
            Some(Part::Radii) => {
                for r in RADII {
                    let mut label = u32_text(r);
                    label.push(' ');
                    label.push_str(units);
                    option(e, &u32_text(r), &label);
                }
            }
            part => e.set_text_content(Some(message(part, lang))),
        }
    }
    (kept, choices)
}

/// Attaches the shadow root to `host` and builds the skeleton in it (the site owner's
/// `title` and our labels set as text), keeping the elements a widget updates.
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
        None => attach_shadow(host)?,
    };
    if let Some(sheet) = super::dom::sheet() {
        let sheets = Array::new();
        sheets.push(&sheet);
        root.set_adopted_style_sheets(&sheets);
    }
    clear(&root);
    let top = add(&root, "div", "ms");
    set(&top, "lang", lang.code());
    if !title.is_empty() {
        add_text(&top, "h2", "title", title);
    }
    let (kept, mut day_opts) = build(&top, lang, shown(filters), days, units, wide);
    // As for the kept elements: a skeleton that made other choices is an error, not a panic.
    if day_opts.len() != CHOICES {
        return Err(JsValue::NULL);
    }
    let att_opts = day_opts.split_off(CHOICES - ATTENDANCE.len());
    let time_opts = day_opts.split_off(CHOICES - ATTENDANCE.len() - TIMES.len());
    let [notice, controls, text, day, time, att, types_summary, types, region, place, within, geo_note, results, status, list, more, detail] =
        <[Element; KEPT]>::try_from(kept).map_err(|_| JsValue::NULL)?;
    Ok(Els {
        notice,
        controls,
        day_opts,
        day,
        time_opts,
        time,
        att_opts,
        att,
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
        root,
    })
}
