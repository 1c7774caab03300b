//! "Add to calendar": an iCalendar file made in the page, one weekly-recurring event per
//! occurrence, in the meeting's own time zone (`TZID`), with nothing sent anywhere.

use super::text::{push_hhmm, push_u32};
use crate::model::Meeting;

/// The `BYDAY` codes, Sunday first, two letters each.
const BYDAY: &str = "SUMOTUWETHFRSA";

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
}

/// A date-time on the day `day` (Sunday = 0) of the week of 7 January 2024.
fn stamp(out: &mut String, day: u8, minute: u16, tz: Option<&str>) {
    match tz {
        Some(tz) => {
            out.push_str(";TZID=");
            out.push_str(tz);
            out.push(':');
        }
        None => out.push(':'),
    }
    out.push_str("202401");
    let d = 7 + u32::from(day) + u32::from(minute / 1440);
    if d < 10 {
        out.push('0');
    }
    push_u32(out, d);
    out.push('T');
    push_hhmm(out, minute % 1440, "");
    out.push_str("00\r\n");
}

/// The `.ics` text for `m`.
pub fn calendar(m: &Meeting) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//meeting-search//EN\r\nCALSCALE:GREGORIAN\r\n",
    );
    let tz = m.timezone.as_deref().filter(|t| {
        t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b))
    });
    for (i, o) in m.occurrences.iter().enumerate() {
        let Some(t) = o.time else { continue };
        out.push_str("BEGIN:VEVENT\r\nUID:");
        for c in m.slug.chars() {
            out.push(if c.is_ascii_alphanumeric() { c } else { '-' });
        }
        out.push('-');
        push_u32(&mut out, i as u32);
        out.push_str("@meeting-search\r\nDTSTAMP:20240101T000000Z\r\nDTSTART");
        stamp(&mut out, o.day.number(), t.start, tz);
        out.push_str("DTEND");
        stamp(&mut out, o.day.number(), t.start + t.duration(), tz);
        out.push_str("RRULE:FREQ=WEEKLY;BYDAY=");
        let d = usize::from(o.day.number()) * 2;
        out.push_str(BYDAY.get(d..d + 2).unwrap_or_default());
        out.push_str("\r\nSUMMARY:");
        text(&mut out, &m.name);
        let p = &m.place;
        let addr = if p.formatted_address.is_empty() {
            &p.address
        } else {
            &p.formatted_address
        };
        if !addr.is_empty() || !p.location.is_empty() {
            out.push_str("\r\nLOCATION:");
            text(&mut out, &p.location);
            if !p.location.is_empty() && !addr.is_empty() {
                text(&mut out, ", ");
            }
            text(&mut out, addr);
        }
        let link = if m.conference.url.is_empty() {
            &m.contact.url
        } else {
            &m.conference.url
        };
        if super::dom::safe_url(link).is_some() {
            out.push_str("\r\nURL:");
            out.push_str(link.trim());
        }
        if !m.notes.is_empty() {
            out.push_str("\r\nDESCRIPTION:");
            text(&mut out, &m.notes);
        }
        out.push_str("\r\nEND:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}
