//! A meeting's detail: when (every weekly occurrence), where with a directions link,
//! how to join online or by phone, notes, types by name, the group, "add to calendar",
//! and the feed's links.
//!
//! The detail is packed here into one string that the loader's `detail` hook turns into
//! elements, every text set as text, the way result rows are (see [`super::list`]): one call
//! from the wasm instead of dozens, and the calendar file is made by the loader from the
//! same fields. Links are decided here: each address the feed gives is passed only when it
//! is http(s), mailto or tel ([`safe_url`]), else empty; the loader adds only the
//! directions link (a fixed `https://` address with the destination URI-encoded).
//!
//! The string is three parts separated by `\u{2}`, each a list of fields each ended by
//! `\u{1}` (the separators are dropped from feed text):
//! 1. slug, name, time zone, `1` when it meets in person, where (a few words), address,
//!    location, `1` when directions are shown, `1` when it meets online, the join link,
//!    the `tel:` link, notes (empty when blank), where notes, online notes, group (all
//!    three alike), group notes, the meeting's page link, the feedback link, the
//!    calendar file's `URL`, its `DESCRIPTION`, then the [`MESSAGES`];
//! 2. per occurrence: its text ("Monday 7:30 PM – 8:30 PM"), weekday number, start and
//!    end minute (empty when it has no time: no calendar event), or the one text "By
//!    appointment" when there is none;
//! 3. the type names.

use super::super::dom::safe_url;
use super::super::i18n::Msg;
use super::super::text::push_u32;
use super::super::widget::State;
use super::list::{field, place, push_when};
use super::{FIELD, NEXT};
use crate::model::{Attendance, Meeting};

/// The labels the detail shows, in the order the loader reads them.
const MESSAGES: [Msg; 12] = [
    Msg::Back,
    Msg::Directions,
    Msg::JoinOnline,
    Msg::Call,
    Msg::AddCalendar,
    Msg::Notes,
    Msg::Where,
    Msg::Online,
    Msg::Types,
    Msg::Group,
    Msg::MeetingPage,
    Msg::Feedback,
];

/// `t`, or empty when it is blank.
fn text(t: &str) -> &str {
    if t.trim().is_empty() {
        ""
    } else {
        t
    }
}

/// `t` when it is a safe link, else empty.
fn link(t: &str) -> &str {
    safe_url(t).unwrap_or_default()
}

/// `"1"` when `b`, else empty.
fn flag(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        ""
    }
}

/// The detail of `m`, packed for the loader's `detail` hook (see the module's doc).
///
/// Kept out of its one caller (`#[inline(never)]`): inlined there, its body made the
/// gzipped wasm 64 B larger (as `pkg-config/wasm-opt.flags` notes for wasm-opt's inlining).
#[inline(never)]
pub fn pack(s: &State, m: &Meeting) -> String {
    let p = &m.place;
    let addr = if p.formatted_address.is_empty() {
        &p.address
    } else {
        &p.formatted_address
    };
    let near = m.attendance != Attendance::Online;
    let online = m.attendance.online() || m.attendance == Attendance::Inactive;
    let mut tel = String::from("tel:");
    // Byte by byte (no UTF-8 decoding): every byte kept is ASCII.
    for b in m.conference.phone.bytes() {
        if b.is_ascii_digit() || matches!(b, b'+' | b',' | b'*' | b'#') {
            tel.push(char::from(b));
        }
    }
    let mut mailto = String::from("mailto:");
    let mut feedback = link(&m.contact.feedback_url);
    if feedback.is_empty() {
        if let Some(e) = m.contact.feedback_emails.first() {
            mailto.push_str(e);
            feedback = link(&mailto);
        }
    }
    let calendar = if m.conference.url.is_empty() {
        &m.contact.url
    } else {
        &m.conference.url
    };
    let mut out = String::new();
    let f = &mut out;
    field(f, m.slug.as_str());
    field(f, &m.name);
    field(f, m.timezone.as_deref().unwrap_or_default());
    field(f, flag(near));
    field(f, &if near { place(s, m) } else { String::new() });
    field(f, addr);
    field(f, &p.location);
    field(
        f,
        flag(near && (!addr.is_empty() || p.coordinates.is_some())),
    );
    field(f, flag(online));
    field(f, link(&m.conference.url));
    field(f, link(&tel));
    field(f, text(&m.notes));
    field(f, text(&p.notes));
    field(f, text(&m.conference.url_notes));
    field(f, text(&m.group));
    field(f, text(&m.group_notes));
    field(f, link(&m.contact.url));
    field(f, feedback);
    field(f, link(calendar));
    field(f, &m.notes);
    for msg in MESSAGES {
        field(&mut out, s.lang.t(msg));
    }
    out.push(NEXT);
    if m.occurrences.is_empty() {
        push_when(&mut out, s, None);
        // Its text, then no weekday, start or end: four [`FIELD`]s (one string, not four
        // pushes or an iterator, which cost more in the wasm).
        out.push_str("\u{1}\u{1}\u{1}\u{1}");
    }
    for o in &m.occurrences {
        push_when(&mut out, s, Some(*o));
        if let Some(span) = o.time {
            out.push_str(" – ");
            out.push_str(&s.time((span.start + span.duration()) % 1440));
        }
        out.push(FIELD);
        push_u32(&mut out, o.day.number().into());
        out.push(FIELD);
        if let Some(span) = o.time {
            push_u32(&mut out, span.start.into());
            out.push(FIELD);
            push_u32(&mut out, (span.start + span.duration()).into());
        } else {
            out.push(FIELD);
        }
        out.push(FIELD);
    }
    out.push(NEXT);
    for code in &m.types {
        field(&mut out, s.type_name(code));
    }
    out
}
