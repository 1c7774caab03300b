//! Builds a widget's skeleton in its shadow root from a compact description that the
//! loader's `build` hook walks with DOM calls (no markup is parsed: pages that enforce
//! Trusted Types refuse `innerHTML`): the filter controls (in fieldsets with legends, every control labelled), the
//! live count, the result list and the detail panel. Our labels, the browser's weekday names,
//! the units and the site owner's title are all set as text. Controls whose options come from
//! the feed (types, regions) are filled later by [`super::view::controls`].

use super::dom::{add, add_text, attach_shadow, clear, set, Res};
use super::filters::{ATTENDANCE, RADII, TIMES};
use super::i18n::{Lang, Msg};
use super::text::{line, line_index, push_u32};
use super::view::{FIELD, OPTION};
use super::Hooks;
use wasm_bindgen::{JsCast, JsValue};
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
    /// The skeleton's elements marked `*`, in its order: index it with [`el`]'s names.
    pub el: [Element; KEPT],
    /// The options with counts: today, Sunday … Saturday, the times, the attendances.
    pub choices: [Choice; CHOICES],
    /// The type checkboxes.
    pub type_boxes: Vec<TypeBox>,
    /// Region options (path, option).
    pub region_opts: Vec<(Vec<String>, Choice)>,
}

/// The indices of [`Els::el`]: the elements [`SKELETON`] keeps (marked `*`), in its order.
pub mod el {
    /// Notices (saved copy, unreadable records, errors).
    pub const NOTICE: usize = 0;
    /// The filters' container.
    pub const CONTROLS: usize = 1;
    /// Word search.
    pub const TEXT: usize = 2;
    /// Day select.
    pub const DAY: usize = 3;
    /// Time-of-day select.
    pub const TIME: usize = 4;
    /// Attendance select.
    pub const ATT: usize = 5;
    /// The types' summary.
    pub const TYPES_SUMMARY: usize = 6;
    /// The types' list.
    pub const TYPES: usize = 7;
    /// Region select.
    pub const REGION: usize = 8;
    /// Typed place.
    pub const PLACE: usize = 9;
    /// Radius select.
    pub const WITHIN: usize = 10;
    /// A note under the distance controls (location or place not found).
    pub const GEO_NOTE: usize = 11;
    /// The results panel (count, list, more).
    pub const RESULTS: usize = 12;
    /// The live count.
    pub const STATUS: usize = 13;
    /// The result rows.
    pub const LIST: usize = 14;
    /// "Show more".
    pub const MORE: usize = 15;
    /// The detail panel.
    pub const DETAIL: usize = 16;
}

/// Where the choices of each select start in [`Els::choices`]: the day's (today first), the
/// time's, the attendance's.
pub mod choice {
    /// "Today", then Sunday … Saturday.
    pub const DAYS: usize = 0;
    /// The times of day.
    pub const TIMES: usize = 8;
    /// The attendances.
    pub const ATTENDANCE: usize = 12;
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

/// The skeleton under the title, walked by the loader's `build` hook, which makes each element
/// with DOM calls (no markup is parsed: pages that enforce Trusted Types refuse `innerHTML`). Each
/// `<tag.class.class attr=value attr>` is an element (`/>` ends one that holds nothing),
/// closed by its `</tag>`; a `*` after the tag and classes keeps the element for [`Els`]. Each
/// `~` is the next of [`PARTS`] (as [`parts`] writes it): among the attributes, `hidden` or
/// `open` (or nothing); as an attribute's value or as the text, a message; as the text of a
/// `<select>`, its options.
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
pub const KEPT: usize = 17;

/// How many choices the skeleton has: today and the seven days, the times, the attendances.
pub const CHOICES: usize = 8 + TIMES.len() + ATTENDANCE.len();
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

/// Appends one option (its value and label) to an options part, and its label to `labels`.
fn option(out: &mut String, labels: &mut Vec<String>, value: &str, label: &str) {
    out.push_str(value);
    out.push(OPTION);
    out.push_str(label);
    out.push(OPTION);
    labels.push(label.into());
}

/// The values of [`PARTS`] for the `build` hook, each ended by `\u{1}`: a message as it is,
/// `hidden` or `open` (or nothing), options as value and label pairs each ended by `\u{3}`;
/// and the labels of the choices' options, in order.
fn parts(lang: Lang, shown: u8, days: &str, units: &str, wide: bool) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut labels = Vec::with_capacity(CHOICES);
    let l = &mut labels;
    for part in PARTS {
        match part {
            Part::T(msg) => out.push_str(lang.t(msg)),
            Part::Hidden(bits) if bits & shown == 0 => out.push_str("hidden"),
            Part::Open if wide => out.push_str("open"),
            Part::Hidden(_) | Part::Open => {}
            Part::Days => {
                option(&mut out, l, "today", lang.t(Msg::Today));
                for d in 0..7 {
                    let label = line(days, d);
                    option(
                        &mut out,
                        l,
                        "0123456".get(d..d + 1).unwrap_or_default(),
                        label,
                    );
                }
            }
            Part::Times => {
                for i in 0..TIMES.len() {
                    option(&mut out, l, TIMES[i].1, lang.t(TIME_MSGS[i]));
                }
            }
            Part::Attendances => {
                for i in 0..ATTENDANCE.len() {
                    option(&mut out, l, ATTENDANCE[i].1, lang.t(ATTENDANCE_MSGS[i]));
                }
            }
            Part::Radii => {
                // Their labels are not kept: [`super::view::controls::set_values`]
                // rewrites them when the units change.
                for r in RADII {
                    push_u32(&mut out, r);
                    out.push(OPTION);
                    push_u32(&mut out, r);
                    out.push(' ');
                    out.push_str(units);
                    out.push(OPTION);
                }
            }
        }
        out.push(FIELD);
    }
    (out, labels)
}

/// Attaches the shadow root to `host` and builds the skeleton in it (the site owner's
/// `title` and our labels set as text), keeping the elements a widget updates.
///
/// Kept out of its one caller (`#[inline(never)]`): inlined there, its body made the
/// gzipped wasm 44 B larger (as `pkg-config/wasm-opt.flags` notes for wasm-opt's inlining).
#[inline(never)]
pub fn mount(
    host: &HtmlElement,
    lang: Lang,
    title: &str,
    filters: &str,
    days: &str,
    units: &str,
    hooks: &Hooks,
) -> Res<Els> {
    // Read before anything is added, so the layout it needs is the page's alone.
    let wide = host.client_width() >= 600;
    let root = match host.shadow_root() {
        Some(r) => r,
        None => attach_shadow(host)?,
    };
    if let Some(sheets) = super::dom::sheets() {
        root.set_adopted_style_sheets(&sheets);
    }
    clear(&root);
    let top = add(&root, "div", "ms");
    set(&top, "lang", lang.code());
    if !title.is_empty() {
        add_text(&top, "h2", "title", title);
    }
    let (parts, mut labels) = parts(lang, shown(filters), days, units, wide);
    let made = hooks.build(&top, SKELETON, &parts)?;
    // A skeleton that made other elements than expected is an error, not a panic.
    if made.length() as usize != KEPT + CHOICES + RADII.len() {
        return Err(JsValue::NULL);
    }
    let el = |i: usize| made.get(i as u32).unchecked_into::<Element>();
    Ok(Els {
        el: std::array::from_fn(el),
        choices: std::array::from_fn(|i| {
            let label = labels.get_mut(i).map(std::mem::take);
            Choice::new(label.unwrap_or_default(), el(KEPT + i))
        }),
        type_boxes: Vec::new(),
        region_opts: Vec::new(),
        root,
    })
}
