//! Builds a widget's skeleton in its shadow root from one markup string (one DOM call
//! instead of hundreds): the filter controls (in fieldsets with legends, every control
//! labelled), the live count, the result list and the detail panel. Only our own labels,
//! the browser's weekday names and the units go into the markup, escaped; the site owner's
//! title is set as text afterwards. Controls whose options come from the feed (types,
//! regions) are filled later by [`super::view::controls`].

use super::dom::{attach_shadow, find, first_el, Res};
use super::filters::{ATTENDANCE, RADII, TIMES};
use super::i18n::{Lang, Msg};
use super::text::{line_index, lines, push_u32};
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

/// Appends `s` to the markup as text: `& < > "` escaped.
fn push_text(m: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => m.push_str("&amp;"),
            '<' => m.push_str("&lt;"),
            '>' => m.push_str("&gt;"),
            '"' => m.push_str("&quot;"),
            c => m.push(c),
        }
    }
}

/// Appends `<option value="value">label`, both escaped.
fn push_option(m: &mut String, value: &str, label: &str) {
    m.push_str("<option value=\"");
    push_text(m, value);
    m.push_str("\">");
    push_text(m, label);
}

/// What goes in one `~` of [`SKELETON`].
#[derive(Clone, Copy)]
enum Part {
    /// One of our messages, as text.
    T(Msg),
    /// ` hidden` unless one of these filters (bits of [`FILTERS`]) is shown (see [`shown`]).
    Hidden(u8),
    /// ` open` when the host is wide.
    Open,
    /// The weekday options, Sunday (`0`) to Saturday (`6`), labelled with the day names.
    Days,
    /// The time-of-day options: [`TIMES`]' values, labelled [`TIME_MSGS`].
    Times,
    /// The attendance options: [`ATTENDANCE`]'s values, labelled [`ATTENDANCE_MSGS`].
    Attendances,
    /// The radius options, labelled in the units.
    Radii,
}

/// The skeleton after the title; each `~` is the next of [`PARTS`]. Written as tersely as
/// HTML parses it the same (unquoted plain attribute values, `value` for `value=""`, no
/// `</option>`): the wasm holds it as data.
const SKELETON: &str = "\
<p class=notice hidden></p><div class=controls role=search aria-label=\"~\">\
<label class=field~><span class=lab>~</span>\
<input type=search name=text autocomplete=off></label>\
<details class=fbox~><summary>~</summary><div class=grid>\
<fieldset~><legend>~</legend>\
<label class=field~><span class=lab>~</span><select name=day>\
<option value>~<option value=today>~~</select></label>\
<label class=field~><span class=lab>~</span><select name=time>\
<option value>~~</select></label></fieldset>\
<fieldset~><legend>~</legend>\
<label class=field~><span class=lab>~</span><select name=attendance>\
<option value>~~</select></label>\
<details class=types~><summary>~</summary>\
<div class=typelist role=group aria-label=\"~\"></div></details></fieldset>\
<fieldset~><legend>~</legend>\
<label class=field~><span class=lab>~</span><select name=region>\
<option value>~</select></label>\
<div class=dist~><button class=btn type=button data-act=locate>~</button>\
<label class=field><span class=lab>~</span>\
<input type=search name=place autocomplete=off></label>\
<label class=field><span class=lab>~</span><select name=within>\
<option value>~~</select></label><p class=note role=alert></p></div>\
</fieldset><button class=\"btn reset\" type=button data-act=reset>~</button>\
</div></details></div>\
<section class=results><p class=count role=status aria-live=polite>~</p>\
<ul class=list></ul><button class=\"btn more\" type=button data-act=more hidden>~</button>\
</section><section class=detail hidden></section></div>";

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
const PARTS: [Part; 39] = [
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
    Part::T(Msg::Today),
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

/// The skeleton's markup: our labels escaped, the title's `<h2>` (when `title`) empty.
fn markup(
    lang: Lang,
    title: bool,
    filters: &str,
    days: &[String],
    units: &str,
    wide: bool,
) -> String {
    let mut m = String::with_capacity(4096);
    m.push_str("<div class=ms lang=");
    m.push_str(lang.code());
    m.push('>');
    if title {
        m.push_str("<h2 class=title></h2>");
    }
    let shown = shown(filters);
    let mut pieces = SKELETON.split('~');
    m.push_str(pieces.next().unwrap_or_default());
    for (part, piece) in PARTS.into_iter().zip(pieces) {
        let text = match part {
            Part::T(msg) => lang.t(msg),
            Part::Hidden(bits) if bits & shown == 0 => " hidden",
            Part::Open if wide => " open",
            Part::Hidden(_) | Part::Open => "",
            Part::Days => {
                for d in 0..7 {
                    m.push_str("<option value=");
                    push_u32(&mut m, d);
                    m.push('>');
                    push_text(&mut m, days.get(d as usize).map_or("", String::as_str));
                }
                ""
            }
            Part::Times => {
                for i in 0..TIMES.len() {
                    push_option(&mut m, TIMES[i].1, lang.t(TIME_MSGS[i]));
                }
                ""
            }
            Part::Attendances => {
                for i in 0..ATTENDANCE.len() {
                    push_option(&mut m, ATTENDANCE[i].1, lang.t(ATTENDANCE_MSGS[i]));
                }
                ""
            }
            Part::Radii => {
                for r in RADII {
                    m.push_str("<option value=");
                    push_u32(&mut m, r);
                    m.push('>');
                    push_u32(&mut m, r);
                    m.push(' ');
                    push_text(&mut m, units);
                }
                ""
            }
        };
        push_text(&mut m, text);
        m.push_str(piece);
    }
    m
}

/// What [`mount`] finds in the skeleton, a selector a line, in the order of [`Els`]' fields
/// that hold them (one string, not a table of pointers and lengths).
const FIND: &str = ".notice\n.controls\nselect[name=day]\nselect[name=time]\n\
select[name=attendance]\n.types>summary\n.typelist\nselect[name=region]\ninput[name=text]\n\
input[name=place]\nselect[name=within]\n.note\n.results\n.count\n.list\n.more\n.detail";

/// How many elements [`FIND`] finds.
const FOUND: usize = lines(FIND);

/// The options of `select` after its first ("any"), labelled `msgs` then `names`, as
/// choices.
fn choices(select: &Element, lang: Lang, msgs: &[Msg], names: &[String]) -> Vec<Choice> {
    let mut option = first_el(select);
    let mut out = Vec::new();
    for i in 0..msgs.len() + names.len() {
        option = option.and_then(|o| o.next_element_sibling());
        let Some(o) = option.clone() else { break };
        let label = match msgs.get(i) {
            Some(m) => lang.t(*m),
            None => names.get(i - msgs.len()).map_or("", String::as_str),
        };
        out.push(Choice::new(label.into(), o));
    }
    out
}

/// Attaches the shadow root to `host` and builds the skeleton from one markup string
/// (our labels escaped; the site owner's `title` set as text afterwards), then finds the
/// elements a widget updates.
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
    root.set_inner_html(&markup(lang, !title.is_empty(), filters, days, units, wide));
    let top = first_el(&root).ok_or(JsValue::NULL)?;
    if !title.is_empty() {
        if let Some(t) = first_el(&top) {
            t.set_text_content(Some(title));
        }
    }
    let mut found = Vec::with_capacity(FOUND);
    for selector in FIND.split('\n') {
        found.push(find(&top, selector).ok_or(JsValue::NULL)?);
    }
    let [notice, controls, day, time, att, types_summary, types, region, text, place, within, geo_note, results, status, list, more, detail] =
        <[Element; FOUND]>::try_from(found).map_err(|_| JsValue::NULL)?;
    Ok(Els {
        notice,
        controls,
        day_opts: choices(&day, lang, &[Msg::Today], days),
        day,
        time_opts: choices(&time, lang, &TIME_MSGS, &[]),
        time,
        att_opts: choices(&att, lang, &ATTENDANCE_MSGS, &[]),
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
