//! Builds a widget's skeleton in its shadow root, from one piece of our own markup (one
//! parse instead of hundreds of DOM calls): the filter controls (in fieldsets with
//! legends, every control labelled), the live count, the result list and the detail
//! panel. Controls whose options come from the feed (types, regions) are filled later by
//! [`super::view::controls`].

use super::dom::{set, Res};
use super::filters::{ATTENDANCE, RADII, TIMES};
use super::i18n::{Lang, Msg};
use super::text::u32_text;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTemplateElement, ShadowRoot,
    ShadowRootInit, ShadowRootMode,
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
    /// The row each result is cloned from (see [`super::view::list::template`]).
    pub row: Element,
    /// "Show more".
    pub more: Element,
    /// The detail panel.
    pub detail: Element,
}

/// Markup under construction: our own tags and attributes, with every text escaped.
struct Html(String);

impl Html {
    /// Appends `s` as text (escaped).
    #[inline(never)]
    fn text(&mut self, s: &str) -> &mut Html {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// Appends our own markup as is.
    #[inline(never)]
    fn raw(&mut self, s: &str) -> &mut Html {
        self.0.push_str(s);
        self
    }

    /// ` hidden` unless `visible`.
    #[inline(never)]
    fn shown(&mut self, visible: bool) -> &mut Html {
        if !visible {
            self.0.push_str(" hidden");
        }
        self
    }

    /// A labelled field: `<label class=field [hidden]><span class=lab>label</span>`.
    #[inline(never)]
    fn field(&mut self, label: &str, visible: bool) -> &mut Html {
        self.raw("<label class=\"field\"")
            .shown(visible)
            .raw("><span class=\"lab\">")
            .text(label)
            .raw("</span>")
    }

    /// A labelled `<select name=name>` whose first option (value "") is `any`, then
    /// `options` as (value, label).
    #[inline(never)]
    fn select(
        &mut self,
        name: &str,
        label: &str,
        visible: bool,
        any: &str,
        options: &[(&str, &str)],
    ) -> &mut Html {
        self.field(label, visible)
            .raw("<select name=\"")
            .raw(name)
            .raw("\"><option value=\"\">")
            .text(any)
            .raw("</option>");
        for (value, label) in options {
            self.raw("<option value=\"")
                .text(value)
                .raw("\">")
                .text(label)
                .raw("</option>");
        }
        self.raw("</select></label>")
    }

    /// A labelled search box.
    #[inline(never)]
    fn input(&mut self, name: &str, label: &str, visible: bool) -> &mut Html {
        self.field(label, visible)
            .raw("<input type=\"search\" name=\"")
            .raw(name)
            .raw("\" autocomplete=\"off\"></label>")
    }

    /// `<fieldset [hidden]><legend>legend</legend>`.
    #[inline(never)]
    fn fieldset(&mut self, legend: &str, visible: bool) -> &mut Html {
        self.raw("<fieldset")
            .shown(visible)
            .raw("><legend>")
            .text(legend)
            .raw("</legend>")
    }

    /// A button doing `act`.
    #[inline(never)]
    fn button(&mut self, class: &str, act: &str, label: &str, visible: bool) -> &mut Html {
        self.raw("<button class=\"")
            .raw(class)
            .raw("\" type=\"button\" data-act=\"")
            .raw(act)
            .raw("\"")
            .shown(visible)
            .raw(">")
            .text(label)
            .raw("</button>")
    }
}

/// Which filters to show: all unless `filters` lists some (`day,time,type,region,
/// attendance,distance,text`).
fn shown(filters: &str, name: &str) -> bool {
    filters.trim().is_empty() || filters.split(',').any(|f| f.trim() == name)
}

/// The skeleton's markup: only our own words, the embed's title and the browser's
/// weekday names, all escaped; never feed text.
fn skeleton(lang: Lang, title: &str, filters: &str, days: &[String], units: &str) -> String {
    let t = |m| lang.t(m);
    let on = |name| shown(filters, name);
    let day_values = ["0", "1", "2", "3", "4", "5", "6"];
    let radii: Vec<(String, String)> = RADII
        .iter()
        .map(|r| {
            let mut label = u32_text(*r);
            label.push(' ');
            label.push_str(units);
            (u32_text(*r), label)
        })
        .collect();
    let mut day_options = vec![("today", t(Msg::Today))];
    day_options.extend(day_values.into_iter().zip(days.iter().map(String::as_str)));
    let mut h = Html(String::with_capacity(4096));
    h.raw("<div class=\"ms\" lang=\"")
        .raw(lang.code())
        .raw("\">");
    if !title.is_empty() {
        h.raw("<h2 class=\"title\">").text(title).raw("</h2>");
    }
    h.raw("<p class=\"notice\" hidden></p><div class=\"controls\" role=\"search\" aria-label=\"")
        .text(t(Msg::Filters))
        .raw("\">")
        .input("text", t(Msg::Search), on("text"))
        .raw("<details class=\"fbox\"><summary>")
        .text(t(Msg::Filters))
        .raw("</summary><div class=\"grid\">")
        .fieldset(t(Msg::When), on("day") || on("time"))
        .select(
            "day",
            t(Msg::Day),
            on("day"),
            t(Msg::AnyDay),
            &day_options,
        )
        .select(
            "time",
            t(Msg::Time),
            on("time"),
            t(Msg::AnyTime),
            &pairs(TIMES.map(|x| x.1), TIME_NAMES.map(t)),
        )
        .raw("</fieldset>")
        .fieldset(t(Msg::What), on("type") || on("attendance"))
        .select(
            "attendance",
            t(Msg::Attendance),
            on("attendance"),
            t(Msg::Any),
            &pairs(ATTENDANCE.map(|x| x.1), ATTENDANCE_NAMES.map(t)),
        )
        .raw("<details class=\"types\"")
        .shown(on("type"))
        .raw("><summary>")
        .text(t(Msg::Types))
        .raw("</summary><div class=\"typelist\" role=\"group\" aria-label=\"")
        .text(t(Msg::Types))
        .raw("\"></div></details></fieldset>")
        .fieldset(t(Msg::Where), on("region") || on("distance"))
        .select(
            "region",
            t(Msg::Region),
            on("region"),
            t(Msg::AnyRegion),
            &[],
        )
        .raw("<div class=\"dist\"")
        .shown(on("distance"))
        .raw(">")
        .button("btn", "locate", t(Msg::UseLocation), true)
        .input("place", t(Msg::Place), true)
        .select(
            "within",
            t(Msg::Within),
            true,
            t(Msg::AnyDistance),
            &radii
                .iter()
                .map(|(v, l)| (v.as_str(), l.as_str()))
                .collect::<Vec<_>>(),
        )
        .raw("<p class=\"note\" role=\"alert\"></p></div></fieldset>")
        .button("btn reset", "reset", t(Msg::Reset), true)
        .raw("</div></details></div><section class=\"results\"><p class=\"count\" role=\"status\" aria-live=\"polite\">")
        .text(t(Msg::Loading))
        .raw("</p><ul class=\"list\"></ul>")
        .button("btn more", "more", t(Msg::ShowMore), false)
        .raw("</section><section class=\"detail\" hidden></section></div><template>")
        .raw(super::view::list::ROW)
        .raw("</template>");
    h.0
}

/// Values and labels side by side.
fn pairs<'a>(values: [&'a str; 4], labels: [&'a str; 4]) -> Vec<(&'a str, &'a str)> {
    values.into_iter().zip(labels).collect()
}

/// The time-of-day choices' names, in [`TIMES`]' order.
const TIME_NAMES: [Msg; 4] = [Msg::Morning, Msg::Midday, Msg::Evening, Msg::Night];

/// The attendance choices' names, in [`ATTENDANCE`]' order.
const ATTENDANCE_NAMES: [Msg; 4] = [Msg::InPerson, Msg::Online, Msg::Hybrid, Msg::Inactive];

/// The element matching `css` in `root`.
fn find(root: &ShadowRoot, css: &str) -> Res<Element> {
    root.query_selector(css)?.ok_or(JsValue::NULL)
}

/// The options of `select` after the first ("any"), as choices labelled `labels`.
fn choices<'a>(select: &Element, labels: impl IntoIterator<Item = &'a str>) -> Vec<Choice> {
    let mut out = Vec::new();
    let mut option = select.first_element_child();
    for label in labels {
        option = option.and_then(|o| o.next_element_sibling());
        if let Some(o) = &option {
            out.push(Choice::new(label.into(), o.clone()));
        }
    }
    out
}

/// Attaches the shadow root to `host` and builds the skeleton from one piece of markup.
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
    if let Some(sheet) = super::dom::sheet() {
        root.set_adopted_style_sheets(&Array::of1(&sheet));
    }
    root.set_inner_html(&skeleton(lang, title, filters, days, units));
    let t = |m| lang.t(m);
    let day = find(&root, "[name=day]")?;
    let time = find(&root, "[name=time]")?;
    let att = find(&root, "[name=attendance]")?;
    if wide {
        set(&find(&root, ".fbox")?, "open", "");
    }
    // The row every result is cloned from, parsed into the template's content.
    let template = find(&root, "template")?;
    let row = template
        .unchecked_ref::<HtmlTemplateElement>()
        .content()
        .first_element_child()
        .ok_or(JsValue::NULL)?;
    template.remove();
    Ok(Els {
        notice: find(&root, ".notice")?,
        controls: find(&root, ".controls")?,
        day_opts: choices(
            &day,
            std::iter::once(t(Msg::Today)).chain(days.iter().map(String::as_str)),
        ),
        day: day.unchecked_into(),
        time_opts: choices(&time, TIME_NAMES.map(t)),
        time: time.unchecked_into(),
        att_opts: choices(&att, ATTENDANCE_NAMES.map(t)),
        att: att.unchecked_into(),
        types_summary: find(&root, ".types>summary")?,
        types: find(&root, ".typelist")?,
        type_boxes: Vec::new(),
        region: find(&root, "[name=region]")?.unchecked_into(),
        region_opts: Vec::new(),
        text: find(&root, "[name=text]")?.unchecked_into(),
        place: find(&root, "[name=place]")?.unchecked_into(),
        within: find(&root, "[name=within]")?.unchecked_into(),
        geo_note: find(&root, ".note")?,
        results: find(&root, ".results")?,
        status: find(&root, ".count")?,
        list: find(&root, ".list")?,
        row,
        more: find(&root, ".more")?,
        detail: find(&root, ".detail")?,
        root,
    })
}
