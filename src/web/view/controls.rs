//! The filter controls: filling the feed's types and regions, writing the counts from
//! the core's facets beside every option (options that would give nothing marked so),
//! and keeping the controls' values in step with the filters.

use super::super::dom::{self, add, add_text, first_el, set, set_value};
use super::super::engine;
use super::super::filters::{name, Filters};
use super::super::mount::{choice, el, Choice, TypeBox};
use super::super::text::push_u32;
use super::super::widget::State;
use crate::search::Facets;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// Builds the type checkboxes (by name) and the region options (as an indented tree), then
/// sets every control's value (the boxes' too).
///
/// Kept out of its one caller (`#[inline(never)]`): inlined there, its body made the
/// gzipped wasm 19 B larger (as `pkg-config/wasm-opt.flags` notes for wasm-opt's inlining).
#[inline(never)]
pub fn fill(s: &mut State, all: &Facets) {
    let mut types: Vec<(&str, &str)> = Vec::with_capacity(all.types.len());
    for (code, _) in &all.types {
        types.push((s.type_name(code), code));
    }
    let order = engine::order_by(types.len(), &mut |a, b| types[a].cmp(&types[b]));
    let mut boxes = Vec::with_capacity(order.len());
    for &i in &order {
        let (name, code) = types[i as usize];
        let label = add(&s.els.el[el::TYPES], "label", "type");
        let input: HtmlInputElement = add(&label, "input", "").unchecked_into();
        set(&input, "type", "checkbox");
        set(&input, "name", "type");
        set(&input, "value", code);
        add_text(&label, "span", "", name);
        let count = add(&label, "span", "n");
        boxes.push(TypeBox {
            code: code.into(),
            input,
            label,
            count,
            shown: std::cell::Cell::new(u32::MAX),
        });
    }
    // Filled once (see `State::controls`): there were none.
    s.els.type_boxes = boxes;
    for (path, _) in &all.regions {
        let Some(name) = path.last() else { continue };
        let mut label = String::new();
        for _ in 1..path.len() {
            label.push_str("\u{a0}\u{a0}\u{a0}");
        }
        label.push_str(name);
        let el = add_text(&s.els.el[el::REGION], "option", "", &label);
        set(&el, "value", name);
        s.els
            .region_opts
            .push((path.clone(), Choice::new(label, el)));
    }
    set_values(s, None);
}

/// Appends ` (n)`.
fn push_count(out: &mut String, n: u32) {
    out.push_str(" (");
    push_u32(out, n);
    out.push(')');
}

/// Writes `n` beside `c` unless it shows it already.
fn label(c: &Choice, n: u32) {
    if c.shown.replace(n) == n {
        return;
    }
    let mut t = c.label.clone();
    push_count(&mut t, n);
    dom::set_text_content(&c.el, &t);
}

/// Writes `counts` beside `choices`, one each, in order.
fn labels(choices: &[Choice], counts: &[u32]) {
    for (c, n) in choices.iter().zip(counts) {
        label(c, *n);
    }
}

/// Writes the facets' counts beside every option.
pub fn sync(s: &State, f: &Facets) {
    let c = &s.els.choices;
    label(
        &c[choice::DAYS],
        s.now.map_or(0, |n| f.days[n.day.number() as usize]),
    );
    labels(&c[choice::DAYS + 1..choice::TIMES], &f.days);
    labels(&c[choice::TIMES..choice::ATTENDANCE], &f.times);
    labels(&c[choice::ATTENDANCE..], &f.attendance);
    for b in &s.els.type_boxes {
        let n = f.types.iter().find(|t| t.0 == b.code).map_or(0, |t| t.1);
        let old = b.shown.replace(n);
        if old == n {
            continue;
        }
        let mut t = String::new();
        push_u32(&mut t, n);
        dom::set_text_content(&b.count, &t);
        if old == u32::MAX || (old == 0) != (n == 0) {
            set(&b.label, "class", if n == 0 { "type zero" } else { "type" });
        }
    }
    for (path, c) in &s.els.region_opts {
        label(
            c,
            f.regions.iter().find(|r| &r.0 == path).map_or(0, |r| r.1),
        );
    }
    let mut summary = String::from(s.lang.t(super::super::i18n::Msg::Types));
    if !s.filters.types.is_empty() {
        push_count(&mut summary, s.filters.types.len() as u32);
    }
    dom::set_text_content(&s.els.el[el::TYPES_SUMMARY], &summary);
}

/// The controls that show a filter's value as it is written ([`Filters::get`]).
const VALUES: [(usize, usize); 7] = [
    (el::DAY, name::DAY),
    (el::TIME, name::TIME),
    (el::ATT, name::ATTENDANCE),
    (el::REGION, name::REGION),
    (el::WITHIN, name::WITHIN),
    (el::TEXT, name::TEXT),
    (el::PLACE, name::PLACE),
];

/// Puts the filters' values into the controls; the radius labels and the type boxes only
/// when the units or the types differ from `before` (each write costs the browser work).
pub fn set_values(s: &State, before: Option<&Filters>) {
    let f = &s.filters;
    for (e, filter) in VALUES {
        set_value(&s.els.el[e], &f.get(filter));
    }
    if before.is_none_or(|b| b.units != f.units) {
        let mut option = first_el(&s.els.el[el::WITHIN]);
        while let Some(o) = option {
            if let Some(mut label) = dom::attr(&o, "value").filter(|v| !v.is_empty()) {
                label.push(' ');
                label.push_str(f.units_name());
                dom::set_text_content(&o, &label);
            }
            option = o.next_element_sibling();
        }
    }
    if before.is_none_or(|b| b.types != f.types) {
        for b in &s.els.type_boxes {
            b.input.set_checked(f.types.contains(&b.code));
        }
    }
}
