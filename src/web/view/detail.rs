//! A meeting's detail: when (every weekly occurrence), where with a directions link,
//! how to join online or by phone, notes, types by name, the group, "add to calendar",
//! and the feed's links. Links are made only from http(s), mailto and tel addresses.

use super::super::dom::{add, add_link, add_text, clear, set};
use super::super::i18n::Msg;
use super::super::widget::State;
use super::list::{place, when};
use crate::model::Attendance;
use web_sys::{Element, Node};

/// As `encodeURIComponent`.
fn encode(out: &mut String, s: &str) {
    super::super::url_state::encode(out, s, b"-_.!~*'()");
}

fn section(parent: &Node, title: &str, text: &str) {
    if !text.trim().is_empty() {
        add_text(parent, "h3", "", title);
        add_text(parent, "p", "pre", text);
    }
}

/// Renders meeting `i` into the detail panel; returns its heading (to focus).
pub fn render(s: &State, i: u32) -> Option<Element> {
    let m = s.meeting(i)?;
    let d: &Node = &s.els.detail;
    clear(d);
    let back = add_text(d, "button", "btn back", s.lang.t(Msg::Back));
    set(&back, "type", "button");
    set(&back, "data-act", "back");
    let h = add_text(d, "h2", "dname", &m.name);
    set(&h, "tabindex", "-1");
    let times = add(d, "ul", "times");
    if m.occurrences.is_empty() {
        add_text(&times, "li", "", &when(s, None));
    }
    for o in &m.occurrences {
        let mut t = when(s, Some(*o));
        if let Some(span) = o.time {
            t.push_str(" – ");
            let end = (span.start + span.duration()) % 1440;
            t.push_str(&s.time(end));
        }
        add_text(&times, "li", "", &t);
    }
    if !m.timezone.as_deref().unwrap_or("").is_empty() {
        add_text(d, "p", "tz", m.timezone.as_deref().unwrap_or(""));
    }
    let p = &m.place;
    let addr = if p.formatted_address.is_empty() {
        &p.address
    } else {
        &p.formatted_address
    };
    if m.attendance != Attendance::Online {
        add_text(d, "p", "where", &place(s, m));
        if !addr.is_empty() {
            add_text(d, "p", "addr", addr);
        }
    }
    let actions = add(d, "p", "actions");
    if m.attendance != Attendance::Online {
        let mut maps = String::from("https://www.google.com/maps/dir/?api=1&destination=");
        if let Some(c) = p.coordinates.filter(|_| !p.approximate) {
            let mut t = String::new();
            t.push_str(&f64_text(c.lat));
            t.push(',');
            t.push_str(&f64_text(c.lon));
            encode(&mut maps, &t);
        } else {
            encode(&mut maps, addr);
        }
        if !addr.is_empty() || p.coordinates.is_some() {
            add_link(&actions, &maps, s.lang.t(Msg::Directions), "btn");
        }
    }
    if m.attendance.online() || m.attendance == Attendance::Inactive {
        add_link(
            &actions,
            &m.conference.url,
            s.lang.t(Msg::JoinOnline),
            "btn",
        );
        if !m.conference.phone.is_empty() {
            let mut tel = String::from("tel:");
            for c in m.conference.phone.chars() {
                if c.is_ascii_digit() || matches!(c, '+' | ',' | '*' | '#') {
                    tel.push(c);
                }
            }
            add_link(&actions, &tel, s.lang.t(Msg::Call), "btn");
        }
    }
    let ics = add_text(&actions, "button", "btn", s.lang.t(Msg::AddCalendar));
    set(&ics, "type", "button");
    set(&ics, "data-act", "ics");
    section(d, s.lang.t(Msg::Notes), &m.notes);
    section(d, s.lang.t(Msg::Where), &p.notes);
    section(d, s.lang.t(Msg::Online), &m.conference.url_notes);
    if !m.types.is_empty() {
        add_text(d, "h3", "", s.lang.t(Msg::Types));
        let ul = add(d, "ul", "badges");
        for code in &m.types {
            add_text(&ul, "li", "badge", s.type_name(code));
        }
    }
    section(d, s.lang.t(Msg::Group), &m.group);
    if !m.group_notes.trim().is_empty() {
        add_text(d, "p", "pre", &m.group_notes);
    }
    let links = add(d, "p", "actions");
    add_link(&links, &m.contact.url, s.lang.t(Msg::MeetingPage), "");
    let mut fb = m.contact.feedback_url.clone();
    if safe_or_empty(&fb) {
        if let Some(e) = m.contact.feedback_emails.first() {
            fb = String::from("mailto:");
            fb.push_str(e);
        }
    }
    add_link(&links, &fb, s.lang.t(Msg::Feedback), "");
    Some(h)
}

fn safe_or_empty(u: &str) -> bool {
    super::super::dom::safe_url(u).is_none()
}

/// A coordinate with six decimals, without Rust's float formatting.
fn f64_text(v: f64) -> String {
    let mut t = String::new();
    if v < 0.0 {
        t.push('-');
    }
    let micro = (v.abs() * 1e6).round() as u64;
    super::super::text::push_u32(&mut t, (micro / 1_000_000) as u32);
    t.push('.');
    let frac = (micro % 1_000_000) as u32;
    let digits = super::super::text::u32_text(frac);
    for _ in digits.len()..6 {
        t.push('0');
    }
    t.push_str(&digits);
    t
}
