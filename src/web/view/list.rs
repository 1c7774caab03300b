//! The result rows: day and time in the meeting's zone, name (the button that opens the
//! detail), place or "Online", distance, "in progress" / "starting soon", type badges.
//! Each row carries `data-slug` and `data-day`; rows are rendered a page at a time.

use super::super::dom::{add, add_text, set, Res};
use super::super::i18n::Msg;
use super::super::text::u32_text;
use super::super::widget::State;
use crate::model::{Attendance, Meeting, Occurrence};
use crate::search::Hit;
use web_sys::Node;

/// "Monday 7:30 PM" for an occurrence ("By appointment" without one).
pub fn when(s: &State, o: Option<Occurrence>) -> String {
    let Some(o) = o else {
        return s.lang.t(Msg::Appointment).into();
    };
    let mut t = s
        .days
        .get(o.day.number() as usize)
        .cloned()
        .unwrap_or_default();
    if let Some(span) = o.time {
        t.push(' ');
        t.push_str(
            &s.hooks
                .time(u32::from(span.start))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
        );
    }
    t
}

/// Where the meeting is, in a few words.
pub fn place(s: &State, m: &Meeting) -> String {
    let p = &m.place;
    let mut t = String::new();
    if m.attendance != Attendance::Online {
        for part in [&p.location, &p.city] {
            if !part.is_empty() && !t.contains(part.as_str()) {
                if !t.is_empty() {
                    t.push_str(", ");
                }
                t.push_str(part);
            }
        }
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

fn row(s: &State, list: &Node, h: &Hit) -> Res<()> {
    let Some(m) = s.meeting(h.meeting) else {
        return Ok(());
    };
    let li = add(list, "li", "row")?;
    set(&li, "data-slug", &m.slug);
    set(
        &li,
        "data-day",
        &h.occurrence
            .map_or(String::new(), |o| u32_text(u32::from(o.day.number()))),
    );
    add_text(&li, "p", "when", &when(s, h.occurrence))?;
    let name = add_text(&li, "button", "name", &m.name)?;
    set(&name, "type", "button");
    set(&name, "data-act", "open");
    let info = add(&li, "p", "info")?;
    add_text(&info, "span", "where", &place(s, m))?;
    if let Some(d) = h.distance {
        let mut t = s.num(d);
        t.push(' ');
        t.push_str(s.filters.units_name());
        add_text(&info, "span", "far", &t)?;
    }
    let soon = match (s.now, h.occurrence) {
        (Some(n), Some(Occurrence { day, time: Some(t) })) => {
            day == n.day && t.start > n.minute && t.start - n.minute <= 60
        }
        _ => false,
    };
    if h.in_progress {
        add_text(&info, "span", "mark now", s.lang.t(Msg::InProgress))?;
    } else if soon {
        add_text(&info, "span", "mark soon", s.lang.t(Msg::StartingSoon))?;
    }
    if !m.types.is_empty() {
        let ul = add(&li, "ul", "badges")?;
        for code in &m.types {
            let b = add_text(&ul, "li", "badge", s.type_name(code))?;
            set(&b, "data-type", code);
        }
    }
    Ok(())
}

/// Appends rows `from..to` of the results.
pub fn rows(s: &State, from: usize, to: usize) -> Res<()> {
    let list: &Node = &s.els.list;
    for h in s.results.hits.get(from..to).unwrap_or_default() {
        row(s, list, h)?;
    }
    Ok(())
}
