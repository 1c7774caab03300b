//! The widget's own words in English, Spanish and French. English is built in. Spanish and
//! French come in the language's type file, which the loader fetches anyway
//! (`www/types/es.json`, `fr.json`: a [`MESSAGES_KEY`] string, one message a line in the
//! order of [`Msg`]), so pages in English do not download them. Weekday names, times, numbers and
//! dates come from the browser's `Intl` through the loader's hooks, not from tables.

use super::text::{line, lines};
use crate::feed::json::Parser;
use crate::feed::Val;
use std::cell::Cell;

/// The key of a type file's messages. Its number changes whenever a message is added, removed
/// or moved in [`Msg`] (update `www/types/es.json` and `fr.json` with it), so that a cached
/// file from another release is not read as this one's.
pub const MESSAGES_KEY: &str = "messages-1";

thread_local! {
    /// Each language's messages, English until its type file brings its own (see
    /// [`Lang::learn`]).
    static WORDS: [Cell<&'static str>; 3] = const { [Cell::new(EN), Cell::new(EN), Cell::new(EN)] };
}

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English (the fallback).
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
}

impl Lang {
    /// The language of a BCP 47 tag (`fr-CA` → French); English when not spoken here.
    pub fn from_tag(tag: &str) -> Lang {
        let p = tag.as_bytes();
        let is = |x: &[u8]| {
            p.len() >= 2
                && p[..2].eq_ignore_ascii_case(x)
                && (p.len() == 2 || p[2] == b'-' || p[2] == b'_')
        };
        if is(b"es") {
            Lang::Es
        } else if is(b"fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The two-letter code, for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
        }
    }

    /// The language the widget speaks: this one once its messages are known (taken from
    /// `types_json`, its type file, the first time), else English, so that the page's `lang`
    /// matches its words when the file is missing or from another release.
    pub fn learn(self, types_json: &str) -> Lang {
        WORDS.with(|words| {
            let slot = &words[self as usize];
            if self == Lang::En || !std::ptr::eq(slot.get(), EN) {
                return self;
            }
            let mut p = Parser::new(types_json.as_bytes());
            let mut found = None;
            let read = p.any(&mut |p| p.skip(), &mut |p, key| {
                match p.value()? {
                    Val::Str(text) if key == MESSAGES_KEY => found = Some(String::from(&*text)),
                    _ => {}
                }
                Ok(())
            });
            match (read, found) {
                (Ok(_), Some(text)) if lines(&text) == MESSAGES => {
                    // Kept for the page's life: every widget in this language shares it
                    // (leaked as it is: `String::from` made it no larger than its text).
                    slot.set(text.leak());
                    self
                }
                _ => Lang::En,
            }
        })
    }

    /// The text of `m` in this language.
    pub fn t(self, m: Msg) -> &'static str {
        line(WORDS.with(|words| words[self as usize].get()), m as usize)
    }

    /// "1 meeting" / "14 meetings": the noun for `n` results.
    pub fn meetings(self, n: u32) -> &'static str {
        let one = match self {
            Lang::Fr => n <= 1,
            _ => n == 1,
        };
        self.t(if one { Msg::Meeting } else { Msg::Meetings })
    }
}

/// Every message the widget shows. Each language holds them as one string, a message a
/// line (one string instead of a table of 51 pointers and lengths per language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Msg {
    Meeting,
    Meetings,
    When,
    What,
    Where,
    Day,
    AnyDay,
    Today,
    Time,
    AnyTime,
    Morning,
    Midday,
    Evening,
    Night,
    Types,
    Region,
    AnyRegion,
    Attendance,
    Any,
    InPerson,
    Online,
    Hybrid,
    Inactive,
    UseLocation,
    Place,
    Within,
    AnyDistance,
    Search,
    Reset,
    ShowMore,
    InProgress,
    StartingSoon,
    Back,
    Directions,
    JoinOnline,
    Call,
    AddCalendar,
    MeetingPage,
    Feedback,
    Notes,
    Group,
    Loading,
    LoadFailed,
    SavedCopy,
    Unreadable,
    NoLocation,
    NoPlace,
    Appointment,
    NoResults,
    MyLocation,
    Filters,
}

/// English: one message a line, in the order of [`Msg`].
const EN: &str = concat!(
    "meeting\n",
    "meetings\n",
    "When\n",
    "What\n",
    "Where\n",
    "Day\n",
    "Any day\n",
    "Today\n",
    "Time\n",
    "Any time\n",
    "Morning\n",
    "Midday\n",
    "Evening\n",
    "Night\n",
    "Types\n",
    "Region\n",
    "Everywhere\n",
    "Attendance\n",
    "Any\n",
    "In person\n",
    "Online\n",
    "Hybrid\n",
    "Inactive\n",
    "Use my location\n",
    "Near a place\n",
    "Within\n",
    "Any distance\n",
    "Search words\n",
    "Reset filters\n",
    "Show more\n",
    "In progress\n",
    "Starting soon\n",
    "Back to results\n",
    "Directions\n",
    "Join online\n",
    "Call\n",
    "Add to calendar\n",
    "Meeting page\n",
    "Send feedback\n",
    "Notes\n",
    "Group\n",
    "Loading meetings…\n",
    "The meetings could not be loaded. Please try again later.\n",
    "Showing the copy saved on \n",
    " records could not be read.\n",
    "Your location is not available.\n",
    "No place by that name in these meetings.\n",
    "By appointment\n",
    "No meetings match these filters.\n",
    "your location\n",
    "Filters",
);

/// How many messages there are: English has one line per message (a type file's messages
/// are checked as they are read).
const MESSAGES: usize = lines(EN);
const _: () = assert!(MESSAGES == Msg::Filters as usize + 1);
