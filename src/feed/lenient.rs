//! Lenient JSON decoding shared by both readers: a light, borrowed [`Val`] that accepts
//! any JSON value without failing, the record-or-not wrapper [`Item`] that lets a list
//! hold non-objects without losing its neighbours, and the day, time, number and
//! coordinate decoders that real feeds need.
//!
//! Only JSON syntax can make these decoders fail; a value of an unexpected kind is kept
//! as what it is and judged later by the reader, which records a problem.

use std::borrow::Cow;

use super::json::{on_element, on_entry, on_tagged_entry, KeyOrder, OnElement, Parsed, Parser};
use crate::model::{LatLon, Minutes, Weekday, MINUTES_PER_DAY};

/// Any JSON value a field can hold, borrowing strings from the feed when it can.
/// Objects are skipped without being kept: no field of a meeting is an object.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val<'de> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction or too large for `i64`.
    Float(f64),
    /// A string.
    Str(Cow<'de, str>),
    /// An array.
    List(Vec<Val<'de>>),
    /// An object (its contents are not kept).
    Object,
}

impl<'de> Val<'de> {
    /// The string, when the value is one.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Whether the value says "nothing": `null`, an empty or blank string, an empty list.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Val::Null => true,
            Val::Str(s) => trim(s).is_empty(),
            Val::List(items) => items.iter().all(Val::is_blank),
            _ => false,
        }
    }

    /// The value as a whole number: integers, integral floats, and strings of digits.
    pub(crate) fn as_int(&self) -> Option<i64> {
        match self {
            Val::Int(n) => Some(*n),
            Val::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(*f as i64),
            Val::Str(s) => parse_int(trim(s)),
            _ => None,
        }
    }
}

/// The value, when it is present and not blank (one call where every field that must be
/// given checked both inline).
#[inline(never)]
pub(crate) fn given<'a, 'de>(v: &'a Option<Val<'de>>) -> Option<&'a Val<'de>> {
    v.as_ref().filter(|v| !v.is_blank())
}

/// What a value is, in the words of the problems: "a string", "a list", …
pub(crate) fn kind(v: &Val) -> &'static str {
    match v {
        Val::Null => "null",
        Val::Bool(_) => "true or false",
        Val::Int(_) | Val::Float(_) => "a number",
        Val::Str(_) => "a string",
        Val::List(_) => "a list",
        Val::Object => "an object",
    }
}

/// The most keys a record type has (Meeting Guide's 40): every record type's values
/// are one array of this size, so that reading, clearing and handing over records is one
/// copy of code for all of them (a record type per generic instance was ~500 B of wasm).
pub(crate) const MAX_KEYS: usize = 40;

/// A record's values, in the order of its type's keys; `None` for a key that is absent.
pub(crate) type Values<'de> = [Option<Val<'de>>; MAX_KEYS];

/// The values of the record being read, and which were filled since it was last cleared
/// (bit `i` for value `i`).
struct Record<'de> {
    values: Values<'de>,
    filled: u64,
}

impl<'de> Record<'de> {
    /// A record with every value absent.
    fn new() -> Self {
        Record {
            values: [const { None }; MAX_KEYS],
            filled: 0,
        }
    }

    /// The value numbered `index`, marked as filled; `None` for [`NO_SLOT`].
    fn slot(&mut self, index: u8) -> Option<&mut Option<Val<'de>>> {
        let at = usize::from(index);
        let value = self.values.get_mut(at)?;
        // `at` is below `MAX_KEYS`, at most 64.
        self.filled |= 1 << at;
        Some(value)
    }

    /// Makes every value filled since the last clear absent again, in place (a new
    /// record, moved over the old one, was a copy of every field).
    fn clear(&mut self) {
        let mut filled = std::mem::take(&mut self.filled);
        while filled != 0 {
            if let Some(value) = self.values.get_mut(filled.trailing_zeros() as usize) {
                *value = None;
            }
            filled &= filled - 1;
        }
    }
}

/// The slot number of a key a record type does not use.
pub(crate) const NO_SLOT: u8 = u8::MAX;

/// The place of `key` in `keys` (each key followed by a space, as [`slots!`] writes
/// them), worked out when the program is built (a key that is not there fails the build).
pub(crate) const fn slot_of(keys: &str, key: &str) -> usize {
    let (keys, key) = (keys.as_bytes(), key.as_bytes());
    let (mut start, mut slot) = (0, 0);
    while start < keys.len() {
        let mut i = 0;
        while start + i < keys.len() && i < key.len() && keys[start + i] == key[i] {
            i += 1;
        }
        if i == key.len() && start + i < keys.len() && keys[start + i] == b' ' {
            return slot;
        }
        while start < keys.len() && keys[start] != b' ' {
            start += 1;
        }
        start += 1;
        slot += 1;
    }
    panic!("a record's key is not among its keys")
}

/// The number of `key` in `keys` (each followed by a space), or [`NO_SLOT`]: one loop
/// over one text for every record type (a chain of comparisons per type was 3 KB of the
/// wasm, a table of `&str` 8 bytes of pointers a key, and records now look a key up only
/// when it is not where the previous record had it).
pub(crate) fn position_of(keys: &str, key: &str) -> u8 {
    word_number(keys, key, false)
        .and_then(|at| u8::try_from(at).ok())
        .unwrap_or(NO_SLOT)
}

/// The number of `word` among `words` (each followed by a space), compared ASCII
/// case-blind when `any_case`: the wasm build's word lists are texts, where a table of
/// `&str` took 8 bytes of pointers a word. A word with a space is never found.
pub(crate) fn word_number(words: &str, word: &str, any_case: bool) -> Option<usize> {
    let mut rest = words.as_bytes();
    let mut number = 0;
    while let Some(end) = rest.iter().position(|&b| b == b' ') {
        let here = rest.get(..end).unwrap_or_default();
        let same = if any_case {
            here.eq_ignore_ascii_case(word.as_bytes())
        } else {
            here == word.as_bytes()
        };
        if same {
            return Some(number);
        }
        rest = rest.get(end + 1..).unwrap_or_default();
        number += 1;
    }
    None
}

/// Defines a record type from `"key" => field` pairs: a view of the [`Values`] a
/// list's element was read into with the type's `KEYS`, in the order of the pairs, where
/// `record.field()` is the value of `"key"`, `None` when absent.
macro_rules! slots {
    ($(#[$doc:meta])* $record:ident { $($key:literal => $field:ident,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub(crate) struct $record<'a, 'de>(pub(crate) &'a $crate::feed::lenient::Values<'de>);

        impl $record<'static, 'static> {
            /// The keys, in the order of their slots, each followed by a space.
            pub(crate) const KEYS: &'static str = concat!($($key, " "),*);
        }

        const _: () = assert!(
            [$($key),*].len() <= $crate::feed::lenient::MAX_KEYS,
            "a record type has too many keys"
        );

        impl<'a, 'de> $record<'a, 'de> {
            $(
                #[doc = concat!("The value of `", $key, "`, `None` when absent.")]
                pub(crate) fn $field(&self) -> &'a Option<$crate::feed::lenient::Val<'de>> {
                    const AT: usize = $crate::feed::lenient::slot_of($record::KEYS, $key);
                    &self.0[AT]
                }
            )*
        }
    };
}
pub(crate) use slots;

/// One element of a list of records: the record, or what was found instead of an object.
#[derive(Debug)]
pub(crate) enum Item<T> {
    /// An object, read as a record.
    Record(T),
    /// Something else, named by its JSON kind ("a string", "a list", …).
    NotObject(&'static str),
}

/// Reads one element of a list of records with the keys `keys`: its values, or what
/// was found instead of an object.
#[cfg(test)]
pub(crate) fn read_item<'de>(
    p: &mut Parser<'de>,
    keys: &'static str,
) -> Parsed<Item<Box<Values<'de>>>> {
    let mut record = Record::new();
    Ok(match read_record(p, keys, &mut record, &mut Vec::new())? {
        None => Item::Record(Box::new(record.values)),
        Some(found) => Item::NotObject(found),
    })
}

/// Reads one value: an object's entries into `record` by their place in `keys` (`None`),
/// anything else skipped and named by its kind (a list's elements are skipped). `order`
/// holds the keys of the previous record, which the next one most likely repeats.
fn read_record<'de>(
    p: &mut Parser<'de>,
    keys: &'static str,
    record: &mut Record<'de>,
    order: &mut KeyOrder<'de>,
) -> Parsed<Option<&'static str>> {
    let value = p.record(
        order,
        on_tagged_entry(&mut |p, key, index| {
            if let Some(key) = key {
                *index = position_of(keys, key);
            }
            match record.slot(*index) {
                Some(slot) => {
                    *slot = Some(p.value()?);
                    Ok(())
                }
                None => p.skip(),
            }
        }),
    )?;
    Ok(match value {
        Val::Object => None,
        other => Some(kind(&other)),
    })
}

/// Reads a list of records with the keys `keys` one element at a time, handing each to
/// `each` as soon as it is read, so that a large feed is never held twice. Every record
/// is read into the same place, lent to `each` and then cleared: a record is large, and
/// moving it out for every element was a hot spot of reading. Gives back what was found
/// instead of a list when it was not one (`null` counts as an empty list). Not generic
/// but for this front: one copy for every record type.
#[inline(always)]
pub(crate) fn stream<'de, F: FnMut(Item<&Values<'de>>)>(
    p: &mut Parser<'de>,
    keys: &'static str,
    each: &mut F,
) -> Parsed<Option<&'static str>> {
    stream_dyn(p, keys, each)
}

/// What [`stream`] hands each element to, as a trait object: this one's vtable holds
/// just the method, where an `FnMut`'s also holds `call_once`, a second copy of the
/// caller's closure in the wasm.
trait OnItem<'de> {
    /// Takes one element of the list.
    fn item(&mut self, item: Item<&Values<'de>>);
}

impl<'de, F: FnMut(Item<&Values<'de>>)> OnItem<'de> for F {
    fn item(&mut self, item: Item<&Values<'de>>) {
        self(item);
    }
}

/// The body of [`stream`].
fn stream_dyn<'de>(
    p: &mut Parser<'de>,
    keys: &'static str,
    each: &mut dyn OnItem<'de>,
) -> Parsed<Option<&'static str>> {
    let mut record = Record::new();
    let mut order = Vec::new();
    list(
        p,
        on_element(&mut |p| {
            match read_record(p, keys, &mut record, &mut order)? {
                None => each.item(Item::Record(&record.values)),
                Some(found) => each.item(Item::NotObject(found)),
            }
            record.clear();
            Ok(())
        }),
    )
}

/// Reads a list, handing each element to `element`; what was found instead when it was
/// not one (`null` counts as an empty list). Not generic: [`stream`] is, for every
/// record type.
fn list<'de>(p: &mut Parser<'de>, element: OnElement<'_, 'de>) -> Parsed<Option<&'static str>> {
    let value = p.any_dyn(element, on_entry(&mut |p, _| p.skip()))?;
    Ok(match value {
        Val::Null | Val::List(_) => None,
        other => Some(kind(&other)),
    })
}

/// `s` without white space at either end, exactly as `str::trim`, but byte by byte while
/// the ends are ASCII: `char::is_whitespace` on every character was a hot spot of reading.
pub(crate) fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        // Visible ASCII at both ends: nothing to trim (the usual case).
        (Some(&a), Some(&z)) if (b'!'..0x80).contains(&a) && (b'!'..0x80).contains(&z) => s,
        _ => trim_also(s, b""),
    }
}

/// `s` without white space or any of the ASCII punctuation bytes `extra` at either end,
/// exactly as `s.trim_matches(|c| c.is_whitespace() || extra holds c)`, byte by byte
/// while the ends are ASCII. An end that is not ASCII may be Unicode white space: `str::trim`
/// (which the rest of the crate uses anyway) takes that off, and the bytes are looked at
/// again, until neither finds anything.
pub(crate) fn trim_also<'s>(s: &'s str, extra: &[u8]) -> &'s str {
    // Letters or digits at both ends: nothing to trim (`extra` is punctuation).
    if let (Some(a), Some(z)) = (s.as_bytes().first(), s.as_bytes().last()) {
        if a.is_ascii_alphanumeric() && z.is_ascii_alphanumeric() {
            return s;
        }
    }
    let trimmed = |b: u8| {
        matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
            || (!extra.is_empty() && extra.contains(&b))
    };
    let mut s = s;
    loop {
        let bytes = s.as_bytes();
        let mut start = 0;
        while start < bytes.len() && trimmed(bytes[start]) {
            start += 1;
        }
        let mut end = bytes.len();
        while end > start && trimmed(bytes[end - 1]) {
            end -= 1;
        }
        // Both cuts are next to ASCII bytes, hence on character boundaries.
        s = s.get(start..end).unwrap_or_default();
        let ascii_ends = s.as_bytes().first().is_none_or(u8::is_ascii)
            && s.as_bytes().last().is_none_or(u8::is_ascii);
        let unicode = if ascii_ends { s } else { s.trim() };
        if unicode.len() == s.len() {
            return s;
        }
        s = unicode;
    }
}

/// Parses an optionally signed run of ASCII digits.
pub(crate) fn parse_int(s: &str) -> Option<i64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    // Checked and read in one loop (15 digits never overflow).
    let mut n = 0i64;
    for &b in digits.as_bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(b - b'0');
    }
    Some(if negative { -n } else { n })
}

/// Appends `n` in decimal (no formatting machinery, for the wasm build's size).
pub(crate) fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n.unsigned_abs();
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

/// Appends `f` with at most six decimals, trailing zeros dropped (no float formatting
/// machinery, for the wasm build's size); very large or odd values are named instead.
pub(crate) fn push_decimal(out: &mut String, f: f64) {
    if !f.is_finite() || f.abs() >= 1e12 {
        out.push_str("a very large number");
        return;
    }
    let micro = (f.abs() * 1e6).round() as i64;
    if f < 0.0 && micro != 0 {
        out.push('-');
    }
    push_int(out, micro / 1_000_000);
    let mut fraction = micro % 1_000_000;
    if fraction != 0 {
        out.push('.');
        let mut digits = 6;
        while fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        let text = int_text(fraction);
        for _ in text.len()..digits {
            out.push('0');
        }
        out.push_str(&text);
    }
}

/// `n` in decimal.
pub(crate) fn int_text(n: i64) -> String {
    let mut s = String::new();
    push_int(&mut s, n);
    s
}

/// The English day names from Sunday, each followed by a space (a text: a table of
/// `&str` takes 8 bytes of pointers a name in the wasm build).
const DAY_NAMES: &str = "sunday monday tuesday wednesday thursday friday saturday ";

/// How a single day value was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayRead {
    /// A day in the spec's numbering or an English name.
    Day(Weekday),
    /// `7`, read as Sunday (some feeds number Sunday 7).
    Seven,
    /// Not a day.
    Unreadable,
}

/// Reads one Meeting Guide day: 0–6 (number or numeric string), `7` as Sunday, or an
/// English day name or its abbreviation in any case ("Sunday", "sun", "Tues").
pub(crate) fn read_day(v: &Val) -> DayRead {
    if let Some(n) = v.as_int() {
        return match n {
            0..=6 => Weekday::new(n as u8).map_or(DayRead::Unreadable, DayRead::Day),
            7 => DayRead::Seven,
            _ => DayRead::Unreadable,
        };
    }
    let Some(s) = v.as_str() else {
        return DayRead::Unreadable;
    };
    // Without its trailing dots ("Tues."), as bytes: only ASCII can be a day.
    let mut s = trim(s).as_bytes();
    while let [rest @ .., b'.'] = s {
        s = rest;
    }
    if s.len() < 2 || !s.is_ascii() {
        return DayRead::Unreadable;
    }
    let mut found = None;
    for (i, name) in DAY_NAMES.split(' ').enumerate() {
        let prefix = name
            .as_bytes()
            .get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s));
        if prefix {
            if found.is_some() {
                return DayRead::Unreadable;
            }
            found = Some(i as u8);
        }
    }
    found
        .and_then(Weekday::new)
        .map_or(DayRead::Unreadable, DayRead::Day)
}

/// Reads a time of day: `HH:MM`, `H:MM`, `HH:MM:SS`, `HHMM`, with an optional `AM`/`PM`
/// (also `a.m.`, `p`, any case, with or without a space), `noon` and `midnight`.
/// `12:xx AM` is just after midnight, `12:xx PM` just after noon, `24:00` is midnight.
pub(crate) fn read_time(s: &str) -> Option<Minutes> {
    let s = trim(s);
    // A marker or a word ends with a letter or a dot: most times end with a digit.
    let (clock, meridiem) = match s.as_bytes().last() {
        Some(b'0'..=b'9') => (s, None),
        _ if s.eq_ignore_ascii_case("noon") => return Some(12 * 60),
        _ if s.eq_ignore_ascii_case("midnight") => return Some(0),
        _ => split_meridiem(s),
    };
    // The parts between colons (at most three, digits only): value and length of each.
    let mut parts = [(0 as Minutes, 0usize); 3];
    let mut count = 0;
    // `s` is trimmed, so `clock` starts with no white space: trimming it trims its end.
    for &b in trim(clock).as_bytes() {
        match b {
            b':' if count < 2 => count += 1,
            b'0'..=b'9' => {
                let (n, len) = parts.get_mut(count)?;
                *n = n.wrapping_mul(10).wrapping_add(Minutes::from(b - b'0'));
                *len += 1;
            }
            _ => return None,
        }
    }
    let [(first, first_len), (minute, minute_len), (second, second_len)] = parts;
    let short_first = matches!(first_len, 1..=2);
    let (hour, minute) = match count {
        0 if first_len == 4 => (first / 100, first % 100),
        0 if meridiem.is_some() && short_first => (first, 0),
        1 if short_first && minute_len == 2 => (first, minute),
        2 if short_first && minute_len == 2 && second_len == 2 && second < 60 => (first, minute),
        _ => return None,
    };
    if minute > 59 {
        return None;
    }
    let hour = match meridiem {
        Some(pm) => {
            if !matches!(hour, 1..=12) {
                return None;
            }
            (hour % 12) + if pm { 12 } else { 0 }
        }
        None if hour == 24 && minute == 0 => 0,
        None if hour < 24 => hour,
        None => return None,
    };
    Some(hour * 60 + minute)
}

/// Splits a trailing AM/PM marker off a time: `Some(true)` for PM.
fn split_meridiem(s: &str) -> (&str, Option<bool>) {
    // The text before `suffix` when `s` ends with it, any case.
    let before = |suffix: &str| {
        let at = s.len().checked_sub(suffix.len())?;
        let end = s.get(at..)?;
        if end.eq_ignore_ascii_case(suffix) {
            s.get(..at)
        } else {
            None
        }
    };
    // AM and PM markers by turns, longest first (a text: a table of `&str` takes 8
    // bytes of pointers a marker in the wasm).
    for (i, suffix) in "a.m. p.m. am pm a p".split(' ').enumerate() {
        if let Some(clock) = before(suffix) {
            return (clock, Some(i % 2 == 1));
        }
    }
    (s, None)
}

/// Reads a BMLT duration, `HH:MM:SS` or `HH:MM`, in minutes; `None` when unreadable.
pub(crate) fn read_duration(s: &str) -> Option<u32> {
    let mut parts = trim(s).split(':');
    let hours = parse_int(parts.next()?)?;
    let minutes = parse_int(parts.next()?)?;
    if !(0..48).contains(&hours) || !(0..60).contains(&minutes) {
        return None;
    }
    Some((hours * 60 + minutes) as u32)
}

/// Adds `minutes` to a time of day, wrapping past midnight.
pub(crate) fn add_minutes(start: Minutes, minutes: u32) -> Minutes {
    ((u32::from(start) + minutes) % u32::from(MINUTES_PER_DAY)) as Minutes
}

/// Reads one coordinate: a number, or a string holding one. `None` when blank or unreadable.
pub(crate) fn read_degrees(v: &Val) -> Option<f64> {
    match v {
        Val::Int(n) => Some(*n as f64),
        Val::Float(f) => Some(*f),
        Val::Str(s) => degrees_text(s),
        _ => None,
    }
}

/// A number written as text, read by the JSON parser so that the wasm build carries no
/// second float parser.
pub(crate) fn degrees_text(s: &str) -> Option<f64> {
    let s = trim(s);
    let s = s.strip_prefix('+').unwrap_or(s);
    let ok = !s.is_empty()
        && s.as_bytes()
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'e' | b'E' | b'+'));
    if !ok {
        return None;
    }
    // JSON forbids "5." and ".5"; feeds write both: a 0 goes after the sign or the dot.
    let mut fixed = String::new();
    let (sign, unsigned) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s),
    };
    let s = if unsigned.starts_with('.') || s.ends_with('.') {
        fixed.push_str(sign);
        if unsigned.starts_with('.') {
            fixed.push('0');
        }
        fixed.push_str(unsigned);
        if s.ends_with('.') {
            fixed.push('0');
        }
        fixed.as_str()
    } else {
        s
    };
    let mut p = Parser::new(s.as_bytes());
    match p.value().and_then(|v| p.end().map(|()| v)) {
        Ok(Val::Int(n)) => Some(n as f64),
        Ok(Val::Float(f)) => Some(f),
        _ => None,
    }
}

/// Coordinates from a latitude and a longitude value.
pub(crate) fn read_coordinates(lat: &Val, lon: &Val) -> Option<LatLon> {
    LatLon::new(read_degrees(lat)?, read_degrees(lon)?)
}

/// Coordinates from a `"lat,lng"` string.
pub(crate) fn read_coordinate_pair(s: &str) -> Option<LatLon> {
    let (lat, lon) = s.split_once(',')?;
    LatLon::new(degrees_text(lat)?, degrees_text(lon)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    slots!(
        /// Two keys, one the start of the other.
        Pair {
            "a" => a,
            "ab" => ab,
        }
    );

    #[test]
    fn keys_are_found_by_their_whole_text() {
        assert_eq!(Pair::KEYS, "a ab ");
        for (key, slot) in [
            ("a", 0),
            ("ab", 1),
            ("", NO_SLOT),
            ("b", NO_SLOT),
            ("abc", NO_SLOT),
        ] {
            assert_eq!(position_of(Pair::KEYS, key), slot, "{key:?}");
        }
        assert_eq!(slot_of(Pair::KEYS, "ab"), 1);
        assert_eq!(slot_of("x y z ", "z"), 2);
        assert_eq!(word_number("br p ", "BR", true), Some(0));
        assert_eq!(word_number("br p ", "BR", false), None);
        assert_eq!(word_number("br p ", "br p", true), None);
    }

    #[test]
    fn a_record_gives_each_key_its_value_and_clears_in_place() {
        let item = read_item(&mut Parser::new(br#"{"ab":2,"x":0,"a":1}"#), Pair::KEYS);
        let Ok(Item::Record(values)) = item else {
            panic!("not a record: {item:?}");
        };
        let pair = Pair(&values);
        assert_eq!(
            (pair.a(), pair.ab()),
            (&Some(Val::Int(1)), &Some(Val::Int(2)))
        );
        let mut record = Record::new();
        *record.slot(1).unwrap() = Some(Val::Int(3));
        assert!(record.slot(NO_SLOT).is_none());
        record.clear();
        assert!(record.values.iter().all(Option::is_none));
        assert_eq!(record.filled, 0);
    }

    #[test]
    fn records_in_a_list_read_as_each_alone_whatever_their_key_order() {
        let records = [
            r#"{"a":1,"ab":2,"x":3}"#,
            r#"{"ab":4,"a":5}"#,
            r#"{"x":0,"a":6}"#,
            r#"{"a\u0062":7,"a":8}"#,
            r#"{"ab":9}"#,
            r#"{"b":1,"a":[1,"\u0061"],"a":2}"#,
            r#""no""#,
            r#"{"abc":1, "ab" : 10 ,"a":{"a":1}}"#,
            r#"{}"#,
            r#"{"a":1,"ab":2,"x":3}"#,
        ];
        let alone: Vec<String> = records
            .iter()
            .map(
                |r| match read_item(&mut Parser::new(r.as_bytes()), Pair::KEYS) {
                    Ok(Item::Record(values)) => format!("{:?}", Pair(&values)),
                    Ok(Item::NotObject(found)) => found.to_owned(),
                    Err(e) => panic!("{r}: {e:?}"),
                },
            )
            .collect();
        let list = format!("[{}]", records.join(","));
        let mut streamed = Vec::new();
        let mut p = Parser::new(list.as_bytes());
        stream(&mut p, Pair::KEYS, &mut |item| {
            streamed.push(match item {
                Item::Record(values) => format!("{:?}", Pair(values)),
                Item::NotObject(found) => found.to_owned(),
            })
        })
        .unwrap();
        assert_eq!(streamed, alone);
    }

    #[test]
    fn trims_as_the_standard_library() {
        let cases = [
            "",
            " ",
            "a",
            " a ",
            "\u{b}x\u{c}",
            "\u{a0}x\u{2003}",
            " \u{85}é ",
            "é",
            "[ O ]",
            "\"'x'\"",
            "\t[\u{a0}C]\n",
            "x y",
        ];
        for s in cases {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            let extra = |c: char| matches!(c, '[' | ']' | '"' | '\'');
            let want = s.trim_matches(|c: char| c.is_whitespace() || extra(c));
            assert_eq!(trim_also(s, b"[]\"'"), want, "{s:?}");
        }
        // Every string of up to four pieces, so that white space of both kinds and the
        // extra bytes alternate at the ends.
        let pieces = [" ", "\u{a0}", "\u{2003}", "[", "'", "é", "x", "\t"];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
                .collect();
            strings.extend(longer);
        }
        for s in &strings {
            let want = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '[' | '\''));
            assert_eq!(trim_also(s, b"['"), want, "{s:?}");
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn times() {
        let cases = [
            ("19:00", Some(1140)),
            ("7:30", Some(450)),
            ("18:00:00", Some(1080)),
            ("8:00 PM", Some(1200)),
            ("8:00PM", Some(1200)),
            ("8:00 p.m.", Some(1200)),
            ("8 pm", Some(1200)),
            ("12:00 AM", Some(0)),
            ("12:30 PM", Some(750)),
            ("12:30 am", Some(30)),
            ("11:00 AM", Some(660)),
            ("00:00", Some(0)),
            ("23:59", Some(1439)),
            ("24:01", None),
            ("99:00", None),
            ("07:75", None),
            ("24:00", Some(0)),
            ("1930", Some(1170)),
            ("noon", Some(720)),
            ("13:00 PM", None),
            ("25:00", None),
            ("7:3", None),
            ("7:60", None),
            ("", None),
            ("soon", None),
            ("19:00:61", None),
            ("a", None),
            ("::", None),
        ];
        for (text, want) in cases {
            assert_eq!(read_time(text), want, "{text}");
        }
    }

    #[test]
    fn days() {
        let day = |n| DayRead::Day(Weekday::new(n).unwrap());
        assert_eq!(read_day(&Val::Int(0)), day(0));
        assert_eq!(read_day(&Val::Str("1".into())), day(1));
        assert_eq!(read_day(&Val::Str("Sunday".into())), day(0));
        assert_eq!(read_day(&Val::Str("sun".into())), day(0));
        assert_eq!(read_day(&Val::Str("Tues".into())), day(2));
        assert_eq!(read_day(&Val::Str("th".into())), day(4));
        assert_eq!(read_day(&Val::Str("t".into())), DayRead::Unreadable);
        assert_eq!(read_day(&Val::Str(" Tues. ".into())), day(2));
        assert_eq!(read_day(&Val::Str("wed..".into())), day(3));
        assert_eq!(read_day(&Val::Str("...".into())), DayRead::Unreadable);
        assert_eq!(read_day(&Val::Str("mo.n".into())), DayRead::Unreadable);
        assert_eq!(read_day(&Val::Int(7)), DayRead::Seven);
        assert_eq!(read_day(&Val::Int(8)), DayRead::Unreadable);
        assert_eq!(read_day(&Val::Float(2.0)), day(2));
        assert_eq!(read_day(&Val::Float(2.5)), DayRead::Unreadable);
    }

    #[test]
    fn numbers() {
        assert_eq!(int_text(0), "0");
        assert_eq!(int_text(-120), "-120");
        assert_eq!(int_text(i64::MIN), i64::MIN.to_string());
        let decimal = |f| {
            let mut s = String::new();
            push_decimal(&mut s, f);
            s
        };
        assert_eq!(decimal(0.0), "0");
        assert_eq!(decimal(-101.848522800001), "-101.848523");
        assert_eq!(decimal(0.05), "0.05");
        assert_eq!(decimal(-0.0000001), "0");
        assert_eq!(decimal(2.5), "2.5");
        assert_eq!(degrees_text(" 39.87 "), Some(39.87));
        assert_eq!(degrees_text("-.5"), Some(-0.5));
        assert_eq!(degrees_text("5."), Some(5.0));
        assert_eq!(degrees_text(".5"), Some(0.5));
        assert_eq!(degrees_text("-5."), Some(-5.0));
        assert_eq!(degrees_text("+.25"), Some(0.25));
        assert_eq!(degrees_text("-."), Some(-0.0));
        assert_eq!(degrees_text("."), Some(0.0));
        assert_eq!(degrees_text(".."), None);
        assert_eq!(degrees_text("--.5"), None);
        assert_eq!(degrees_text("abc"), None);
        assert_eq!(
            read_coordinate_pair("39.9, -75.1"),
            LatLon::new(39.9, -75.1)
        );
        assert_eq!(read_duration("01:30:00"), Some(90));
        assert_eq!(read_duration(""), None);
    }
}
