//! The Meeting Guide reader: a JSON array of meeting objects as the 12 Step Meeting List
//! plugin, spreadsheets and intergroup scripts publish them, with every quirk of the
//! reference's table repaired and recorded.

use super::diagnostics::{Action, Collector, ProblemKind};
use super::lenient::{
    add_minutes, given, read_day, read_time, slots, trim, word_number, DayRead, Val,
};
use super::shared::{self, Text};
use crate::model::{
    Attendance, Conference, Meeting, Minutes, Occurrence, Place, TimeSpan, Weekday,
    DEFAULT_DURATION,
};

// The keys the reader uses; every other key is skipped unread.
slots!(
    /// One record as the feed wrote it; `None` for a key that is absent.
    Raw {
        "name" => name,
        "slug" => slug,
        "day" => day,
        "time" => time,
        "end_time" => end_time,
        "timezone" => timezone,
        "formatted_address" => formatted_address,
        "address" => address,
        "city" => city,
        "state" => state,
        "postal_code" => postal_code,
        "country" => country,
        "latitude" => latitude,
        "longitude" => longitude,
        "coordinates" => coordinates,
        "approximate" => approximate,
        "region" => region,
        "sub_region" => sub_region,
        "regions" => regions,
        "location" => location,
        "location_notes" => location_notes,
        "notes" => notes,
        "group" => group,
        "group_notes" => group_notes,
        "types" => types,
        "conference_url" => conference_url,
        "conference_url_notes" => conference_url_notes,
        "conference_phone" => conference_phone,
        "conference_phone_notes" => conference_phone_notes,
        "attendance_option" => attendance_option,
        "url" => url,
        "feedback_url" => feedback_url,
        "feedback_emails" => feedback_emails,
        "updated" => updated,
        "email" => email,
        "phone" => phone,
        "website" => website,
        "entity_email" => entity_email,
        "entity_phone" => entity_phone,
        "entity_url" => entity_url,
    }
);

/// Turns one record into `meeting` (a default one, filled in place: a meeting is large,
/// and moving it out and into the list was a hot spot of reading); `false` when nothing
/// in the record is usable.
pub(crate) fn convert(
    raw: &Raw,
    index: usize,
    default_timezone: Option<&str>,
    out: &mut Collector,
    meeting: &mut Meeting,
) -> bool {
    let mut text = Text { out };
    text.set(&mut meeting.name, "name", raw.name());
    text.set(&mut meeting.slug, "slug", raw.slug());
    meeting.occurrences = occurrences(raw, text.out);

    let has_day_or_time = given(raw.day()).is_some() || given(raw.time()).is_some();
    if meeting.name.is_empty() && meeting.slug.is_empty() && !has_day_or_time {
        text.out
            .push("", ProblemKind::RecordEmpty, "", Action::Skipped);
        return false;
    }

    let place = &mut meeting.place;
    text.set(&mut place.location, "location", raw.location());
    text.set(&mut place.address, "address", raw.address());
    text.set(&mut place.city, "city", raw.city());
    text.set(&mut place.state, "state", raw.state());
    text.set(&mut place.postal_code, "postal_code", raw.postal_code());
    text.set(&mut place.country, "country", raw.country());
    text.set(
        &mut place.formatted_address,
        "formatted_address",
        raw.formatted_address(),
    );
    text.set(&mut place.notes, "location_notes", raw.location_notes());
    shared::assemble_address(place);
    place.approximate = match raw.approximate() {
        Some(v) if !v.is_blank() => match approximate(v) {
            Some(a) => a,
            None => {
                text.out.push_val(
                    "approximate",
                    ProblemKind::UnexpectedValue,
                    v,
                    Action::Ignored,
                );
                shared::looks_approximate(&place.formatted_address)
            }
        },
        _ => shared::looks_approximate(&place.formatted_address),
    };
    place.coordinates = coordinates(raw, text.out);

    shared::types(&mut meeting.types, raw.types().as_ref(), "types", text.out);
    let conference = &mut meeting.conference;
    text.set_web_url(&mut conference.url, "conference_url", raw.conference_url());
    let notes = raw.conference_url_notes();
    text.set(&mut conference.url_notes, "conference_url_notes", notes);
    text.set(
        &mut conference.phone,
        "conference_phone",
        raw.conference_phone(),
    );
    let notes = raw.conference_phone_notes();
    text.set(&mut conference.phone_notes, "conference_phone_notes", notes);
    meeting.attendance = attendance(
        raw,
        &meeting.place,
        &meeting.types,
        &meeting.conference,
        text.out,
    );

    let regions = &mut meeting.regions;
    text.list(regions, "regions", raw.regions().as_ref());
    if regions.is_empty() {
        text.push(regions, "region", raw.region().as_ref());
        text.push(regions, "sub_region", raw.sub_region().as_ref());
    }
    if regions.is_empty() && !meeting.place.city.is_empty() {
        regions.push(meeting.place.city.clone());
    }

    let contact = &mut meeting.contact;
    text.set(&mut contact.url, "url", raw.url());
    text.set(
        &mut contact.feedback_url,
        "feedback_url",
        raw.feedback_url(),
    );
    let emails = raw.feedback_emails().as_ref();
    text.list(&mut contact.feedback_emails, "feedback_emails", emails);
    let (email, entity_email) = (raw.email(), raw.entity_email());
    text.set_either(
        &mut contact.email,
        "email",
        email,
        "entity_email",
        entity_email,
    );
    let (phone, entity_phone) = (raw.phone(), raw.entity_phone());
    text.set_either(
        &mut contact.phone,
        "phone",
        phone,
        "entity_phone",
        entity_phone,
    );
    let (website, entity_url) = (raw.website(), raw.entity_url());
    text.set_either(
        &mut contact.website,
        "website",
        website,
        "entity_url",
        entity_url,
    );
    text.set(&mut meeting.group, "group", raw.group());
    let zone = raw.timezone();
    text.set_timezone(&mut meeting.timezone, "timezone", zone, default_timezone);
    text.set(&mut meeting.notes, "notes", raw.notes());
    text.set(&mut meeting.group_notes, "group_notes", raw.group_notes());
    text.set(&mut meeting.updated, "updated", raw.updated());
    shared::fill_name_and_slug(meeting, index, text.out);
    shared::check_reachable(meeting, text.out);
    true
}

/// The weekly occurrences: one per readable day, all at the record's time.
fn occurrences(raw: &Raw, out: &mut Collector) -> Vec<Occurrence> {
    // The days read, as a set (bit n for day n): sorted and without repeats for free,
    // and no sort of days in the wasm build.
    let mut days = 0u8;
    let mut push_day = |v: &Val, out: &mut Collector| match read_day(v) {
        DayRead::Day(d) => days |= 1 << d.number(),
        DayRead::Seven => {
            out.push_val("day", ProblemKind::DaySeven, v, Action::Repaired);
            days |= 1 << Weekday::ALL[0].number();
        }
        DayRead::Unreadable => {
            out.push_val("day", ProblemKind::UnreadableDay, v, Action::Ignored);
        }
    };
    match raw.day() {
        None => {}
        Some(v) if v.is_blank() => {}
        Some(Val::List(items)) => {
            for item in items {
                if !item.is_blank() {
                    push_day(item, out);
                }
            }
        }
        Some(Val::Str(s)) if s.as_bytes().contains(&b',') => {
            for part in s.split(',') {
                if !trim(part).is_empty() {
                    push_day(&Val::Str(part.into()), out);
                }
            }
        }
        Some(v) => push_day(v, out),
    }

    let time = time_span(raw, out);
    let has_time = given(raw.time()).is_some();
    if days == 0 {
        let day_given = given(raw.day()).is_some();
        if let (true, false, Some(v)) = (has_time, day_given, raw.time()) {
            out.push_val("time", ProblemKind::TimeWithoutDay, v, Action::Ignored);
        }
        return Vec::new();
    }
    if !has_time {
        out.push("time", ProblemKind::MissingTime, "", Action::Kept);
    }
    // A plain loop: the iterator chain compiled to its own `collect` for one use.
    let mut occurrences = Vec::with_capacity(days.count_ones() as usize);
    for day in Weekday::ALL {
        if days & 1 << day.number() != 0 {
            occurrences.push(Occurrence { day, time });
        }
    }
    occurrences
}

/// Start and end: an end before the start runs past midnight, a missing end is an hour on.
fn time_span(raw: &Raw, out: &mut Collector) -> Option<TimeSpan> {
    let start = read_clock("time", raw.time().as_ref(), out)?;
    let end = match read_clock("end_time", raw.end_time().as_ref(), out) {
        Some(end) if end != start => end,
        Some(_) => {
            if let Some(v) = raw.end_time() {
                out.push_val("end_time", ProblemKind::EndTimeIsStart, v, Action::Ignored);
            }
            add_minutes(start, u32::from(DEFAULT_DURATION))
        }
        None => add_minutes(start, u32::from(DEFAULT_DURATION)),
    };
    Some(TimeSpan { start, end })
}

/// A time field: `None` (and a problem) when given but unreadable, `None` when absent
/// (BMLT's `start_time` too).
pub(crate) fn read_clock(
    field: &'static str,
    v: Option<&Val>,
    out: &mut Collector,
) -> Option<Minutes> {
    let v = v.filter(|v| !v.is_blank())?;
    let minutes = v.as_str().and_then(read_time);
    if minutes.is_none() {
        out.push_val(field, ProblemKind::UnreadableTime, v, Action::Ignored);
    }
    minutes
}

/// `approximate` as `"yes"`/`"no"`, booleans, `1`/`0` or `"true"`/`"false"`.
fn approximate(v: &Val) -> Option<bool> {
    match v {
        Val::Bool(b) => Some(*b),
        Val::Int(1) => Some(true),
        Val::Int(0) => Some(false),
        // The first four words say yes.
        Val::Str(s) => word_number("yes y true 1 no n false 0 ", trim(s), true).map(|at| at < 4),
        _ => None,
    }
}

/// Coordinates from `latitude`/`longitude`, else from a `coordinates: "lat,lng"` string.
fn coordinates(raw: &Raw, out: &mut Collector) -> Option<crate::model::LatLon> {
    let pair = raw.coordinates().as_ref();
    shared::coordinates(raw.latitude(), raw.longitude(), Some(pair), out)
}

/// `attendance_option` when it is one of the four, else derived as the reference says.
fn attendance(
    raw: &Raw,
    place: &Place,
    types: &[String],
    conference: &Conference,
    out: &mut Collector,
) -> Attendance {
    if let Some(v) = given(raw.attendance_option()) {
        let given = v.as_str().and_then(|s| {
            let at = word_number("in_person in-person online hybrid inactive ", trim(s), true)?;
            let all = [
                Attendance::InPerson,
                Attendance::InPerson,
                Attendance::Online,
                Attendance::Hybrid,
                Attendance::Inactive,
            ];
            all.get(at).copied()
        });
        match given {
            Some(a) => return a,
            None => out.push_val(
                "attendance_option",
                ProblemKind::UnknownAttendance,
                v,
                Action::Ignored,
            ),
        }
    }
    shared::derive_attendance(place, types, conference)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::json::Parser;
    use crate::feed::lenient::{int_text, read_item, Item};

    fn one(json: &str) -> (Option<Meeting>, Collector) {
        let item = read_item(&mut Parser::new(json.as_bytes()), Raw::KEYS).unwrap();
        let Item::Record(values) = item else { panic!() };
        let raw = Raw(&values);
        let mut out = Collector::new(true);
        let mut m = Meeting::default();
        let kept = convert(&raw, 0, Some("America/New_York"), &mut out, &mut m);
        (kept.then_some(m), out)
    }

    #[test]
    fn reads_a_plain_record() {
        let (m, out) = one(
            r#"{"name":"A","slug":5,"day":[1,3],"time":"8:00 PM","types":"o, c",
                "latitude":"39.1","longitude":"-75.2","formatted_address":"1 Main St, Town"}"#,
        );
        let m = m.unwrap();
        assert_eq!(m.slug, int_text(5));
        assert_eq!(m.occurrences.len(), 2);
        assert_eq!(m.occurrences[0].time.unwrap().start, 1200);
        assert_eq!(m.types, ["O", "C"]);
        assert_eq!(m.timezone.as_deref(), Some("America/New_York"));
        assert!(out
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::TypesAsText));
    }
}
