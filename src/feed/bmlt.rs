//! The BMLT reader: a `client_interface/json` `GetSearchResults` answer, as a bare array
//! or as the `{meetings, formats}` envelope, with formats named through a `GetFormats`
//! table and translated to Meeting Guide codes by BMLT's own world-id map.

use super::diagnostics::{Action, Collector, ProblemKind};
use super::json::{Parsed, Parser};
use super::lenient::{add_minutes, given, read_duration, slots, stream, trim, word_number, Item};
use super::meeting_guide::read_clock;
use super::shared::{self, Text};
use crate::model::{
    Attendance, Conference, Meeting, Occurrence, Place, TimeSpan, Weekday, DEFAULT_DURATION,
};
use crate::types::canonical_code;

// The meeting keys the reader uses; every other key is skipped unread.
slots!(
    /// One BMLT meeting as the server wrote it.
    Raw {
        "id_bigint" => id,
        "meeting_name" => name,
        "weekday_tinyint" => weekday,
        "start_time" => start_time,
        "duration_time" => duration_time,
        "time_zone" => time_zone,
        "venue_type" => venue_type,
        "formats" => formats,
        "format_shared_id_list" => format_ids,
        "latitude" => latitude,
        "longitude" => longitude,
        "location_text" => location_text,
        "location_info" => location_info,
        "location_street" => street,
        "location_neighborhood" => neighborhood,
        "location_municipality" => municipality,
        "location_province" => province,
        "location_postal_code_1" => postal_code,
        "location_nation" => nation,
        "comments" => comments,
        "virtual_meeting_link" => link,
        "virtual_meeting_additional_info" => link_info,
        "phone_meeting_number" => phone,
        "service_body_name" => service_body,
        "email_contact" => email,
    }
);

// The `GetFormats` keys the reader uses.
slots!(
    /// One entry of a `GetFormats` table.
    RawFormat {
        "key_string" => key,
        "name_string" => name,
        "id" => id,
        "world_id" => world_id,
    }
);

/// The `{meetings, formats}` envelope (`get_used_formats`), read once to check it and
/// to learn its formats: its meetings are read again, from where they are, once the
/// formats are known (the table usually comes after the meetings, and holding every
/// record until then took a copy of the record code for the envelope alone).
#[derive(Debug, Default)]
pub(crate) struct Envelope {
    /// Where the (last) `meetings` value starts and ends, when there is one.
    pub(crate) meetings: Option<(usize, usize)>,
    /// What was found instead of a list of meetings, when it was not one.
    pub(crate) meetings_not_a_list: Option<&'static str>,
    /// The server's formats.
    pub(crate) formats: FormatTable,
    /// What was found instead of a list of formats, when it was not one.
    pub(crate) formats_not_a_list: Option<&'static str>,
}

impl Envelope {
    /// Reads the envelope, at its `{`: `meetings` (read as records, then dropped) and
    /// `formats` (the last of a repeated key counts), every other key skipped.
    pub(crate) fn read(p: &mut Parser<'_>) -> Parsed<Self> {
        let mut envelope = Envelope::default();
        p.any(&mut |p| p.skip(), &mut |p, key| {
            match key {
                "meetings" => {
                    let start = p.offset();
                    envelope.meetings_not_a_list = stream(p, Raw::KEYS, &mut |_| {})?;
                    envelope.meetings = Some((start, p.offset()));
                }
                "formats" => {
                    envelope.formats = FormatTable::default();
                    envelope.formats_not_a_list = envelope.formats.read(p)?;
                }
                _ => p.skip()?,
            }
            Ok(())
        })?;
        Ok(envelope)
    }
}

/// A format of the table, translated: its server key and id, its Meeting Guide code
/// (`None` for hybrid, which is an attendance rather than a type) and its name.
#[derive(Clone, Debug)]
pub(crate) struct Format {
    key: String,
    id: String,
    code: Option<String>,
    name: String,
}

/// The formats table: the envelope's own and the separate `GetFormats` file's.
#[derive(Debug, Default)]
pub(crate) struct FormatTable {
    formats: Vec<Format>,
}

impl FormatTable {
    /// Adds the entries of a `GetFormats` list as they are read (entries that are not
    /// objects are ignored); what was found instead when it was not a list.
    pub(crate) fn read(&mut self, p: &mut Parser<'_>) -> Parsed<Option<&'static str>> {
        let mut sink = Collector::default();
        let mut text = Text { out: &mut sink };
        stream(p, RawFormat::KEYS, &mut |item| {
            let Item::Record(values) = item else {
                return;
            };
            let raw = RawFormat(values);
            let key = text.plain("key_string", raw.key().as_ref());
            let world = text.plain("world_id", raw.world_id().as_ref());
            let code = if world.is_empty() {
                Some(key.to_ascii_uppercase())
            } else {
                world_to_code(&world)
            };
            self.formats.push(Format {
                id: text.plain("id", raw.id().as_ref()),
                name: text.plain("name_string", raw.name().as_ref()),
                key,
                code,
            });
        })
    }

    /// Whether the table has no entries.
    pub(crate) fn is_empty(&self) -> bool {
        self.formats.is_empty()
    }

    /// Code → name for every format with a code, first name kept for a repeated code.
    pub(crate) fn type_names(&self) -> Vec<(String, String)> {
        let mut names: Vec<(String, String)> = Vec::new();
        for f in &self.formats {
            if let Some(code) = &f.code {
                if !code.is_empty() && !names.iter().any(|(c, _)| c == code) {
                    names.push((code.clone(), f.name.clone()));
                }
            }
        }
        names
    }
}

/// BMLT's own world-id → Meeting Guide map (its `client_interface/tsml/`, which
/// [`canonical_code`] holds): `None` for `HYBR`, which makes the meeting hybrid instead of
/// adding a type.
fn world_to_code(world: &str) -> Option<String> {
    let hybrid = word_number("HYBR HY ", trim(world), true).is_some();
    (!hybrid).then(|| canonical_code(world))
}

/// Type codes for a meeting, added to `types` (the meeting's, filled in place): through
/// `format_shared_id_list` and the table's `id`, else through the `formats` keys and the
/// table's `key_string`, else the keys themselves. Whether a format makes it hybrid.
fn formats(raw: &Raw, table: &FormatTable, text: &mut Text, types: &mut Vec<String>) -> bool {
    let ids = text.plain("format_shared_id_list", raw.format_ids().as_ref());
    let keys = text.plain("formats", raw.formats().as_ref());
    let mut hybrid = false;
    let mut add = |code: Option<&str>, out: &mut Collector| match code {
        Some(code) => shared::push_code(types, code, "formats", out),
        None => hybrid = true,
    };
    let by_id = !table.is_empty() && !trim(&ids).is_empty();
    let (field, list) = if by_id {
        ("format_shared_id_list", ids.as_str())
    } else {
        ("formats", keys.as_str())
    };
    for part in list.split(',') {
        let part = trim(part);
        if part.is_empty() {
            continue;
        }
        if table.is_empty() {
            let code = world_to_code(part);
            add(code.as_deref(), text.out);
            continue;
        }
        let found = table
            .formats
            .iter()
            .find(|f| if by_id { f.id == part } else { f.key == part });
        match found {
            Some(f) => add(f.code.as_deref(), text.out),
            None if by_id => {
                text.out
                    .push(field, ProblemKind::UnknownFormat, part, Action::Ignored);
            }
            None => {
                text.out
                    .push(field, ProblemKind::UnknownFormat, part, Action::Kept);
                let code = world_to_code(part);
                add(code.as_deref(), text.out);
            }
        }
    }
    hybrid
}

/// Adds `region` to `regions` unless it is empty or there already (one copy for the
/// service body and the city, where a loop over both carried an array's drop code).
#[inline(never)]
fn push_region(regions: &mut Vec<String>, region: String) {
    if !region.is_empty() && !regions.contains(&region) {
        regions.push(region);
    }
}

/// Turns one BMLT meeting into `meeting` (a default one, filled in place as the Meeting
/// Guide reader does); `false` when nothing in the record is usable.
pub(crate) fn convert(
    raw: &Raw,
    index: usize,
    table: &FormatTable,
    default_timezone: Option<&str>,
    out: &mut Collector,
    meeting: &mut Meeting,
) -> bool {
    let mut text = Text { out };
    text.set(&mut meeting.slug, "id_bigint", raw.id());
    text.set(&mut meeting.name, "meeting_name", raw.name());
    let weekday = given(raw.weekday());
    let start = given(raw.start_time());
    if meeting.slug.is_empty() && meeting.name.is_empty() && weekday.is_none() && start.is_none() {
        text.out
            .push("", ProblemKind::RecordEmpty, "", Action::Skipped);
        return false;
    }

    let time = start.and_then(|v| {
        let start = read_clock("start_time", Some(v), text.out)?;
        let duration = match given(raw.duration_time()) {
            None => u32::from(DEFAULT_DURATION),
            Some(v) => match v.as_str().and_then(read_duration) {
                Some(0) => u32::from(DEFAULT_DURATION),
                Some(minutes) => minutes,
                None => {
                    text.out.push_val(
                        "duration_time",
                        ProblemKind::UnreadableTime,
                        v,
                        Action::Ignored,
                    );
                    u32::from(DEFAULT_DURATION)
                }
            },
        };
        Some(TimeSpan {
            start,
            end: add_minutes(start, duration),
        })
    });
    let day = weekday.and_then(|v| {
        let day = v
            .as_int()
            .filter(|n| (1..=7).contains(n))
            .and_then(|n| Weekday::new((n - 1) as u8));
        if day.is_none() {
            text.out.push_val(
                "weekday_tinyint",
                ProblemKind::UnreadableDay,
                v,
                Action::Ignored,
            );
        }
        day
    });
    match day {
        Some(day) => {
            if start.is_none() {
                text.out
                    .push("start_time", ProblemKind::MissingTime, "", Action::Kept);
            }
            meeting.occurrences = vec![Occurrence { day, time }];
        }
        None => {
            if let (Some(v), None) = (start, weekday) {
                text.out.push_val(
                    "start_time",
                    ProblemKind::TimeWithoutDay,
                    v,
                    Action::Ignored,
                );
            }
        }
    }

    let place = &mut meeting.place;
    text.set(&mut place.location, "location_text", raw.location_text());
    text.set(&mut place.address, "location_street", raw.street());
    text.set(&mut place.city, "location_municipality", raw.municipality());
    text.set(&mut place.state, "location_province", raw.province());
    text.set(
        &mut place.postal_code,
        "location_postal_code_1",
        raw.postal_code(),
    );
    text.set(&mut place.country, "location_nation", raw.nation());
    text.set(
        &mut place.neighborhood,
        "location_neighborhood",
        raw.neighborhood(),
    );
    text.set(&mut place.notes, "location_info", raw.location_info());
    shared::assemble_address(place);
    place.approximate = place.address.is_empty();
    place.coordinates = shared::coordinates(raw.latitude(), raw.longitude(), None, text.out);

    let hybrid = formats(raw, table, &mut text, &mut meeting.types);
    let conference = &mut meeting.conference;
    text.set_web_url(&mut conference.url, "virtual_meeting_link", raw.link());
    let info = raw.link_info();
    text.set(
        &mut conference.url_notes,
        "virtual_meeting_additional_info",
        info,
    );
    text.set(&mut conference.phone, "phone_meeting_number", raw.phone());
    meeting.attendance = attendance(
        raw,
        &meeting.place,
        &meeting.types,
        hybrid,
        &meeting.conference,
        text.out,
    );

    let body = text.plain("service_body_name", raw.service_body().as_ref());
    push_region(&mut meeting.regions, body);
    push_region(&mut meeting.regions, meeting.place.city.clone());
    let zone = raw.time_zone();
    text.set_timezone(&mut meeting.timezone, "time_zone", zone, default_timezone);
    text.set(&mut meeting.notes, "comments", raw.comments());
    text.set(&mut meeting.contact.email, "email_contact", raw.email());
    shared::fill_name_and_slug(meeting, index, text.out);
    shared::check_reachable(meeting, text.out);
    true
}

/// `venue_type` 1/2/3 (in person, virtual, hybrid), else derived; a hybrid format makes a
/// meeting hybrid, `TC` (temporarily closed) takes the in-person part away.
fn attendance(
    raw: &Raw,
    place: &Place,
    types: &[String],
    hybrid: bool,
    conference: &Conference,
    out: &mut Collector,
) -> Attendance {
    let closed = types.iter().any(|t| t == "TC");
    let venue = given(raw.venue_type());
    let given = venue.and_then(|v| match v.as_int() {
        Some(1) => Some(Attendance::InPerson),
        Some(2) => Some(Attendance::Online),
        Some(3) => Some(Attendance::Hybrid),
        _ => {
            out.push_val(
                "venue_type",
                ProblemKind::UnknownAttendance,
                v,
                Action::Ignored,
            );
            None
        }
    });
    let attendance = match given {
        Some(a) => a,
        None if hybrid => Attendance::Hybrid,
        None => return shared::derive_attendance(place, types, conference),
    };
    match (attendance, closed) {
        (Attendance::InPerson, true) => Attendance::Inactive,
        (Attendance::Hybrid, true) => Attendance::Online,
        (a, _) => a,
    }
}
