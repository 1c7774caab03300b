//! The result rows: day and time in the meeting's zone, name (the button that opens the
//! detail), place or "Online", distance, "in progress" / "starting soon", type badges.
//! Each row carries `data-slug` and `data-day`; rows are rendered a page at a time: their
//! texts are packed here into one string that the loader's `rows` hook puts into clones of
//! one prepared row (`li.row` holding `p.when`, the `button.name` that opens the detail,
//! `p.info` with `span.where`, `ul.badges`): one call from the wasm per page instead of
//! dozens per row. A new search reuses the rows on screen (only their texts change), and
//! only the first screen's rows are rendered before the results event.

use super::super::engine;
use super::super::i18n::Msg;
use super::super::mount::el;
use super::super::text::{line, push_u32};
use super::super::widget::State;
use super::{FIELD, NEXT};
use crate::model::{Attendance, Meeting, Occurrence};
use crate::search::Hit;

/// Appends "Monday 7:30 PM" for an occurrence ("By appointment" without one); the texts
/// are ours and the browser's, never holding the separators.
pub fn push_when(out: &mut String, s: &State, o: Option<Occurrence>) {
    let Some(o) = o else {
        out.push_str(s.lang.t(Msg::Appointment));
        return;
    };
    out.push_str(line(&s.days, o.day.number().into()));
    if let Some(span) = o.time {
        out.push(' ');
        out.push_str(&s.time(span.start));
    }
}

/// Where the meeting is, in a few words.
pub fn place(s: &State, m: &Meeting) -> String {
    let p = &m.place;
    let mut t = String::new();
    if m.attendance != Attendance::Online {
        add_part(&mut t, &p.location);
        add_part(&mut t, &p.city);
        if t.is_empty() {
            t.push_str(&p.formatted_address);
        }
    }
    if m.attendance.online() {
        if !t.is_empty() {
            t.push_str(" · ");
        }
        t.push_str(s.lang.t(Msg::Online));
    }
    t
}

/// Appends `part` to a place's words (after a comma) unless it is empty or there already.
fn add_part(t: &mut String, part: &str) {
    if !part.is_empty() && !engine::contains(t, part) {
        if !t.is_empty() {
            t.push_str(", ");
        }
        t.push_str(part);
    }
}

/// Appends `t` as one field; the two separators are dropped from it (control characters
/// never shown anyway).
pub fn field(out: &mut String, t: &str) {
    if t.as_bytes().iter().any(|&b| b == 1 || b == 2) {
        for c in t.chars() {
            if c != FIELD && c != NEXT {
                out.push(c);
            }
        }
    } else {
        out.push_str(t);
    }
    out.push(FIELD);
}

/// Starts the packed row of `h` (after the rows before it): its meeting's slug and the
/// weekday number (empty when none), each ended by a field separator; the meeting, if the
/// index has it.
pub fn head<'a>(s: &'a State, out: &mut String, h: &Hit) -> Option<&'a Meeting> {
    let m = s.meeting(h.meeting)?;
    if !out.is_empty() {
        out.push(NEXT);
    }
    field(out, &m.slug);
    if let Some(o) = h.occurrence {
        push_u32(out, o.day.number().into());
    }
    out.push(FIELD);
    Some(m)
}

/// Packs one row for the `rows` hook: slug, weekday number, when, name, where, distance,
/// mark class and mark text (empty when none), then each type's code and name.
///
/// Kept out of its one caller (`#[inline(never)]`): inlined there, its body made the
/// gzipped wasm 44 B larger (as `pkg-config/wasm-opt.flags` notes for wasm-opt's inlining).
#[inline(never)]
fn pack(s: &State, out: &mut String, h: &Hit) {
    let Some(m) = head(s, out, h) else {
        return;
    };
    push_when(out, s, h.occurrence);
    out.push(FIELD);
    field(out, &m.name);
    field(out, &place(s, m));
    // The browser's number and our units: no separators to drop.
    if let Some(d) = h.distance {
        out.push_str(&s.num(d));
        out.push(' ');
        out.push_str(s.filters.units_name());
    }
    out.push(FIELD);
    let soon = match (s.now, h.occurrence) {
        (Some(n), Some(Occurrence { day, time: Some(t) })) => {
            day == n.day && t.start > n.minute && t.start - n.minute <= 60
        }
        _ => false,
    };
    let (class, mark) = if h.in_progress {
        ("now", s.lang.t(Msg::InProgress))
    } else if soon {
        ("soon", s.lang.t(Msg::StartingSoon))
    } else {
        ("", "")
    };
    field(out, class);
    field(out, mark);
    for code in &m.types {
        field(out, code);
        field(out, s.type_name(code));
    }
    out.pop();
}

/// Shows rows `from..to` of the results: packed here, put in the list by the loader's `rows`
/// hook in one call (text only ever set as text). From 0 they replace the rows shown (the
/// hook reuses their elements and renders the rows below the first screen after it is
/// painted); else they are appended.
pub fn rows(s: &State, from: usize, to: usize) {
    let mut packed = String::new();
    for h in s.results.hits.get(from..to).unwrap_or_default() {
        pack(s, &mut packed, h);
    }
    let _ = s.hooks.rows(&s.els.el[el::LIST], &packed, from as u32);
}
