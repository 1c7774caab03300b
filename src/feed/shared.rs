//! Repairs both readers share: text fields made plain, type lists made canonical,
//! attendance derived, addresses assembled, names and slugs filled in, and the checks that
//! tell a maintainer a meeting cannot be found or joined.

use super::codes;
use super::diagnostics::{Action, Collector, ProblemKind};
use super::html;
use super::json::{bytes_equal, word_at};
use super::lenient::{
    given, int_text, push_int, read_coordinate_pair, read_coordinates, trim, trim_also,
    word_number, Val,
};
use crate::model::{Attendance, Conference, LatLon, Meeting, Place};
use crate::search::text::contains;

/// BMLT's marker for "prompt, then value" in legacy custom fields.
const BMLT_SEPARATOR: &str = "#@-@#";

/// Reads text fields, recording what it had to repair.
pub(crate) struct Text<'a> {
    /// Where problems go.
    pub(crate) out: &'a mut Collector,
}

impl Text<'_> {
    /// A text field as plain text: strings without HTML, whole numbers as digits,
    /// `#@-@#` prompts removed; anything else is recorded and read as empty.
    pub(crate) fn plain(&mut self, field: &'static str, v: Option<&Val>) -> String {
        match v {
            None | Some(Val::Null) => String::new(),
            // The usual text, with no `#` (of a BMLT prompt) and no markup: one scan.
            Some(Val::Str(s)) if !has_hash_or_markup(s.as_bytes()) => trim(s).to_owned(),
            Some(v) => self.plain_otherwise(field, v),
        }
    }

    /// [`Text::plain`] into `to`: one call where an assignment at every field of a
    /// meeting was a temporary, a drop and a copy each.
    #[inline(never)]
    pub(crate) fn set(&mut self, to: &mut String, field: &'static str, v: &Option<Val>) {
        *to = self.plain(field, v.as_ref());
    }

    /// [`Text::plain`] for what is not the usual text (kept apart so that the usual
    /// case is a small function).
    #[inline(never)]
    fn plain_otherwise(&mut self, field: &'static str, v: &Val) -> String {
        match v {
            Val::Str(s) => {
                let s = match last_separator(s.as_bytes()) {
                    // After the ASCII separator: always on a boundary.
                    Some(at) => s.get(at + BMLT_SEPARATOR.len()..).unwrap_or(s),
                    None => s,
                };
                let plain = html::plain(s);
                if plain.had_html {
                    self.out.push(
                        field,
                        ProblemKind::HtmlInText,
                        near_markup(s),
                        Action::Repaired,
                    );
                }
                plain.text
            }
            v => match v.as_int() {
                Some(n) => int_text(n),
                None => {
                    self.out
                        .push_val(field, ProblemKind::UnexpectedValue, v, Action::Ignored);
                    String::new()
                }
            },
        }
    }

    /// [`Text::set`] for a conference link, kept only when it is a web address.
    #[inline(never)]
    pub(crate) fn set_web_url(&mut self, to: &mut String, field: &'static str, v: &Option<Val>) {
        self.set(to, field, v);
        if !to.is_empty() && !is_web(to) {
            let url = core::mem::take(to);
            self.out.push(
                field,
                ProblemKind::ConferenceUrlNotWeb,
                &url,
                Action::Ignored,
            );
        }
    }

    /// The feed's zone from `field` into `to`, else the embed's `default`.
    #[inline(never)]
    pub(crate) fn set_timezone(
        &mut self,
        to: &mut Option<String>,
        field: &'static str,
        v: &Option<Val>,
        default: Option<&str>,
    ) {
        let given = self.plain(field, v.as_ref());
        *to = if given.is_empty() {
            default.map(str::to_owned)
        } else {
            Some(given)
        };
    }

    /// A list of texts added to `items` (filled in place): a JSON list, or a
    /// comma-separated string; blanks dropped.
    pub(crate) fn list(&mut self, items: &mut Vec<String>, field: &'static str, v: Option<&Val>) {
        match v {
            Some(Val::List(values)) => {
                for value in values {
                    self.push(items, field, Some(value));
                }
            }
            Some(Val::Str(s)) => {
                for part in s.split(',') {
                    self.push(items, field, Some(&Val::Str(part.into())));
                }
            }
            other => self.push(items, field, other),
        }
    }

    /// [`Text::plain`] added to `items` unless it is empty (one copy for every list).
    #[inline(never)]
    pub(crate) fn push(&mut self, items: &mut Vec<String>, field: &'static str, v: Option<&Val>) {
        let item = self.plain(field, v);
        if !item.is_empty() {
            items.push(item);
        }
    }

    /// [`Text::set`] from `field`, else (when that is empty) from `other`.
    #[inline(never)]
    pub(crate) fn set_either(
        &mut self,
        to: &mut String,
        field: &'static str,
        v: &Option<Val>,
        other: &'static str,
        w: &Option<Val>,
    ) {
        self.set(to, field, v);
        if to.is_empty() {
            self.set(to, other, w);
        }
    }
}

/// Whether `s` holds a `#`, `<` or `&`: eight bytes at a time (a byte loop was the
/// largest cost of reading the long text fields of real feeds), the last word
/// overlapping the one before (looking at a byte twice changes nothing).
fn has_hash_or_markup(s: &[u8]) -> bool {
    let holds = |word: u64| {
        (bytes_equal(word, b'#') | bytes_equal(word, b'<') | bytes_equal(word, b'&')) != 0
    };
    if s.len() < 8 {
        return s.iter().any(|b| matches!(b, b'#' | b'<' | b'&'));
    }
    let mut at = 0;
    loop {
        if holds(word_at(s, at.min(s.len() - 8))) {
            return true;
        }
        at += 8;
        if at >= s.len() {
            return false;
        }
    }
}

/// Where the last [`BMLT_SEPARATOR`] in `s` starts: compared only where a `#` is (a
/// comparison at every byte was most of the cost of texts that hold a `#`).
fn last_separator(s: &[u8]) -> Option<usize> {
    let separator = BMLT_SEPARATOR.as_bytes();
    // (A plain loop: `(0..=last).rev().find(..)` brings its own fold closure.)
    let mut at = s.len().checked_sub(separator.len())?;
    loop {
        if let Some(tail @ [b'#', ..]) = s.get(at..) {
            if tail.starts_with(separator) {
                return Some(at);
            }
        }
        at = at.checked_sub(1)?;
    }
}

/// The text from a little before its first `<` or `&`, to show where the HTML is.
fn near_markup(s: &str) -> &str {
    let at = s
        .as_bytes()
        .iter()
        .position(|b| matches!(b, b'<' | b'&'))
        .unwrap_or(0);
    let mut start = at.saturating_sub(20);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    s.get(start..).unwrap_or(s)
}

/// Type codes from a list or a string (`"O,C"`, `"[open]"`), added to `codes` (the
/// meeting's, filled in place) canonical and without repeats; unknown codes kept and
/// recorded.
pub(crate) fn types(
    codes: &mut Vec<String>,
    v: Option<&Val>,
    field: &'static str,
    out: &mut Collector,
) {
    match v {
        None | Some(Val::Null) => {}
        Some(Val::List(items)) => {
            for item in items {
                match item {
                    Val::Str(s) => push_code(codes, s, field, out),
                    Val::Null => {}
                    other => match other.as_int() {
                        Some(n) => push_code(codes, &int_text(n), field, out),
                        None => out.push_val(
                            field,
                            ProblemKind::UnexpectedValue,
                            other,
                            Action::Ignored,
                        ),
                    },
                }
            }
        }
        Some(Val::Str(s)) => {
            if !trim(s).is_empty() {
                out.push(field, ProblemKind::TypesAsText, s, Action::Repaired);
            }
            for part in s.split(',') {
                push_code(codes, part, field, out);
            }
        }
        Some(other) => out.push_val(field, ProblemKind::UnexpectedValue, other, Action::Ignored),
    }
}

/// Adds one code, cleaned of brackets and quotes; `open`/`closed` become `O`/`C`.
pub(crate) fn push_code(
    codes: &mut Vec<String>,
    raw: &str,
    field: &'static str,
    out: &mut Collector,
) {
    let code = trim_also(raw, b"[]\"'");
    if code.is_empty() {
        return;
    }
    // `O` and `C` are known codes: one call of `canonical` for all.
    let code = match word_number("open closed ", code, true) {
        Some(0) => "O",
        Some(_) => "C",
        None => code,
    };
    let code = codes::canonical(code);
    if codes.contains(&code) {
        return;
    }
    if out.on() && !codes::known(&code) {
        out.push(field, ProblemKind::UnknownTypeCode, &code, Action::Kept);
    }
    codes.push(code);
}

/// Whether `url` starts with `http://` or `https://` (in any case) and goes on.
fn is_web(url: &str) -> bool {
    let has = |scheme: &str| {
        url.len() > scheme.len()
            && url
                .get(..scheme.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
    };
    has("https://") || has("http://")
}

/// Fills an empty `formatted_address` with one line from the address parts: `street,
/// city, state postal, country` (in place: the assignment and its drop are one copy).
pub(crate) fn assemble_address(place: &mut Place) {
    if !place.formatted_address.is_empty() {
        return;
    }
    let mut region = place.state.clone();
    if !place.postal_code.is_empty() {
        if !region.is_empty() {
            region.push(' ');
        }
        region.push_str(&place.postal_code);
    }
    let mut line = String::new();
    for part in [&place.address, &place.city, &region, &place.country] {
        if part.is_empty() || contains(&line, part) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(", ");
        }
        line.push_str(part);
    }
    place.formatted_address = line;
}

/// Whether an address names only a town or a region (no street), for feeds that do not
/// say: no digit before the last two parts and no intersection (`&`).
pub(crate) fn looks_approximate(formatted: &str) -> bool {
    // One loop for the `&` and the commas, one for the digits: no list of parts to
    // allocate for every meeting of a feed that does not say, and no iterator chain
    // compiled for each test.
    let mut commas = 0usize;
    for &b in formatted.as_bytes() {
        match b {
            b'&' => return false,
            b',' => commas += 1,
            _ => {}
        }
    }
    // The parts but the last two (at least one): the text before comma number `kept`.
    let kept = commas.saturating_sub(1).max(1);
    let mut seen = 0;
    for &b in formatted.as_bytes() {
        if b == b',' {
            seen += 1;
            if seen == kept {
                break;
            }
        } else if b.is_ascii_digit() {
            return false;
        }
    }
    true
}

/// Coordinates from a latitude and a longitude, else (Meeting Guide, whose `pair` is
/// `Some`) from a `coordinates: "lat,lng"` string or two-element list. One copy for both
/// readers: BMLT (`pair` `None`) records a fault of either at `latitude`, with the value
/// as it is.
pub(crate) fn coordinates(
    lat: &Option<Val>,
    lon: &Option<Val>,
    pair: Option<Option<&Val>>,
    out: &mut Collector,
) -> Option<LatLon> {
    let lat = given(lat);
    let lon = given(lon);
    let bmlt = pair.is_none();
    if let (Some(lat), Some(lon)) = (lat, lon) {
        if let Some(point) = read_coordinates(lat, lon) {
            return Some(point);
        }
        if !out.on() {
            return None;
        }
        if bmlt {
            out.push_val(
                "latitude",
                ProblemKind::UnreadableCoordinates,
                lat,
                Action::Ignored,
            );
            return None;
        }
        let mut found = super::diagnostics::describe(lat);
        found.push_str(", ");
        found.push_str(&super::diagnostics::describe(lon));
        out.push(
            "latitude",
            ProblemKind::UnreadableCoordinates,
            &found,
            Action::Ignored,
        );
        return None;
    }
    if let Some(v) = lat.or(lon) {
        let field = if lat.is_some() || bmlt {
            "latitude"
        } else {
            "longitude"
        };
        out.push_val(
            field,
            ProblemKind::UnreadableCoordinates,
            v,
            Action::Ignored,
        );
        return None;
    }
    let v = pair.flatten().filter(|v| !v.is_blank())?;
    let point = match v {
        Val::Str(s) => read_coordinate_pair(s),
        Val::List(items) if items.len() == 2 => read_coordinates(&items[0], &items[1]),
        _ => None,
    };
    if point.is_none() {
        out.push_val(
            "coordinates",
            ProblemKind::UnreadableCoordinates,
            v,
            Action::Ignored,
        );
    }
    point
}

/// Attendance as the reference derives it: online with a link or phone, in person with a
/// real address and no `TC` (temporarily closed).
pub(crate) fn derive_attendance(
    place: &Place,
    types: &[String],
    conference: &Conference,
) -> Attendance {
    let online = !conference.is_empty();
    let has_address = !place.formatted_address.is_empty() || !place.address.is_empty();
    let in_person = has_address && !place.approximate && !types.iter().any(|t| t == "TC");
    match (in_person, online) {
        (true, true) => Attendance::Hybrid,
        (true, false) => Attendance::InPerson,
        (false, true) => Attendance::Online,
        (false, false) => Attendance::Inactive,
    }
}

/// Fills a missing name (from the group, the location or the slug) and a missing slug
/// (from the name, else `meeting-N`), recording both.
pub(crate) fn fill_name_and_slug(meeting: &mut Meeting, index: usize, out: &mut Collector) {
    if meeting.name.is_empty() {
        let name = if !meeting.group.is_empty() {
            &meeting.group
        } else if !meeting.place.location.is_empty() {
            &meeting.place.location
        } else if !meeting.slug.is_empty() {
            &meeting.slug
        } else {
            "Meeting"
        };
        meeting.name = name.to_owned();
        out.push("name", ProblemKind::MissingName, "", Action::Filled);
    }
    if meeting.slug.is_empty() {
        let mut slug = slugify(&meeting.name);
        if slug.is_empty() {
            slug.push_str("meeting-");
            push_int(&mut slug, index as i64);
        }
        out.push("slug", ProblemKind::MissingSlug, "", Action::Filled);
        meeting.slug = slug;
    }
}

/// Lower-case ASCII letters and digits joined by single hyphens. Byte by byte: every
/// byte of a character that is not ASCII is a separator, as the character is.
fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for &b in name.as_bytes() {
        if b.is_ascii_alphanumeric() {
            slug.push(char::from(b.to_ascii_lowercase()));
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Records what keeps a visitor from finding or joining the meeting.
pub(crate) fn check_reachable(meeting: &Meeting, out: &mut Collector) {
    if !out.on() {
        return;
    }
    if meeting.attendance.in_person()
        && meeting.place.coordinates.is_none()
        && !out.has(ProblemKind::UnreadableCoordinates)
    {
        out.push(
            "latitude",
            ProblemKind::MissingCoordinates,
            &meeting.place.formatted_address,
            Action::Kept,
        );
    }
    let online = meeting.attendance.online() || meeting.has_type("ONL");
    if online && meeting.conference.is_empty() {
        out.push(
            "conference_url",
            ProblemKind::OnlineWithoutLink,
            meeting.attendance.as_str(),
            Action::Kept,
        );
    }
}

/// Makes every slug unique by adding `-2`, `-3`, … to later repeats, recording each;
/// `records[i]` is the record index of `meetings[i]` (`records` may be empty when
/// `out` keeps no problems).
pub(crate) fn unique_slugs(meetings: &mut [Meeting], records: &[usize], out: &mut Collector) {
    // The slugs taken (values the meeting's index) in the crate's one text map type: another map or
    // set type costs its own copy of the hash table code in the wasm build.
    let mut taken = crate::hash::TextMap::default();
    taken.reserve(meetings.len());
    // Each slug to the first meeting that has it (the last inserted wins, backwards):
    // the others repeat it, with no list of them to keep.
    for (i, m) in meetings.iter().enumerate().rev() {
        taken.insert(m.slug.clone(), i as u64);
    }
    for (i, meeting) in meetings.iter_mut().enumerate() {
        if taken.get(&meeting.slug) == Some(i as u64) {
            continue;
        }
        let mut n = 2;
        let slug = loop {
            let mut candidate = meeting.slug.clone();
            candidate.push('-');
            push_int(&mut candidate, n);
            // (Not `insert`, which would overwrite the index of a meeting still to come.)
            if !taken.contains_key(&candidate) {
                break candidate;
            }
            n += 1;
        };
        // `records` is filled only while problems are kept (one index per meeting).
        if out.on() {
            out.start(records[i]);
        }
        out.push(
            "slug",
            ProblemKind::DuplicateSlug,
            &meeting.slug,
            Action::Repaired,
        );
        taken.insert(slug.clone(), u64::MAX);
        meeting.slug = slug;
        out.finish(&meeting.slug);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_as_read_character_by_character() {
        let by_char = |name: &str| {
            let mut slug = String::new();
            for c in name.chars() {
                if c.is_ascii_alphanumeric() {
                    slug.push(c.to_ascii_lowercase());
                } else if !slug.is_empty() && !slug.ends_with('-') {
                    slug.push('-');
                }
            }
            slug.trim_end_matches('-').to_owned()
        };
        for name in [
            "Café Été",
            "  A--b  ",
            "日本語",
            "x日y",
            "Step 12 — Group",
            "",
            "--",
        ] {
            assert_eq!(slugify(name), by_char(name), "{name:?}");
        }
        assert_eq!(slugify("Café Été 7"), "caf-t-7");
    }

    #[test]
    fn looks_approximate_as_the_parts_say() {
        let by_parts = |formatted: &str| {
            if formatted.contains('&') {
                return false;
            }
            let parts: Vec<&str> = formatted.split(',').collect();
            let local = &parts[..parts.len().saturating_sub(2).max(1)];
            !local.iter().any(|p| p.bytes().any(|b| b.is_ascii_digit()))
        };
        for formatted in [
            "",
            ",",
            ",,",
            "1",
            "Town",
            "Town, PA 19094",
            "Town, PA 19094, USA",
            "12 Main St, Town, PA 19094, USA",
            "Main St, Town 5, PA, USA",
            "Main St & 2nd, Town",
            "1,2,3",
            "a,1,2",
            "1,a,b",
            "a,b,1,c",
        ] {
            assert_eq!(
                looks_approximate(formatted),
                by_parts(formatted),
                "{formatted:?}"
            );
        }
    }

    #[test]
    fn finds_the_last_separator_as_windows_do() {
        for s in [
            "",
            "#@-@",
            "#@-@#",
            "Week 1 Format#@-@#MED",
            "a#@-@#b#@-@#c",
            "##@-@##",
            "#@-@#@-@#",
            "no prompt # here",
        ] {
            let sep = BMLT_SEPARATOR.as_bytes();
            let want = s.as_bytes().windows(sep.len()).rposition(|w| w == sep);
            assert_eq!(last_separator(s.as_bytes()), want, "{s:?}");
        }
    }

    #[test]
    fn finds_hash_or_markup_as_a_byte_loop_does() {
        let text = b"a rather long text #1 <b>with</b> & \xc3\xa9 markup, and more of it";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let s = &text[start..end];
                let want = s.iter().any(|b| matches!(b, b'#' | b'<' | b'&'));
                assert_eq!(has_hash_or_markup(s), want, "{start}..{end}");
            }
        }
    }
}
