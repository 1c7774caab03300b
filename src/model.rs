//! The clean, typed model every feed is read into: a [`Meeting`] with its weekly
//! [`Occurrence`]s, its [`Place`], its type codes and its [`Attendance`].
//!
//! Nothing here knows which format a meeting came from; the readers in [`crate::feed`]
//! repair and translate, and everything after them (search, the widget, the native
//! command) works on this model alone.

/// Minutes after midnight, `0..1440`.
pub type Minutes = u16;

/// Minutes in a day.
pub const MINUTES_PER_DAY: Minutes = 24 * 60;

/// How long a meeting lasts when the feed does not say.
pub const DEFAULT_DURATION: Minutes = 60;

/// A day of the week, Sunday = 0 … Saturday = 6 (the Meeting Guide numbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Weekday(u8);

impl Weekday {
    /// All seven days, Sunday first.
    pub const ALL: [Weekday; 7] = [
        Weekday(0),
        Weekday(1),
        Weekday(2),
        Weekday(3),
        Weekday(4),
        Weekday(5),
        Weekday(6),
    ];

    /// The day numbered `n` (Sunday = 0), or `None` outside `0..=6`.
    pub fn new(n: u8) -> Option<Weekday> {
        (n < 7).then_some(Weekday(n))
    }

    /// The day's number, Sunday = 0.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The day after this one (Saturday is followed by Sunday).
    pub fn next(self) -> Weekday {
        Weekday((self.0 + 1) % 7)
    }
}

/// When a meeting starts and ends on its day, in the meeting's own time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeSpan {
    /// Start, minutes after midnight.
    pub start: Minutes,
    /// End, minutes after midnight; an end at or before the start means the meeting
    /// runs past midnight into the next day.
    pub end: Minutes,
}

impl TimeSpan {
    /// Length in minutes, counting past midnight when the end is before the start.
    pub fn duration(self) -> Minutes {
        if self.end > self.start {
            self.end - self.start
        } else {
            self.end + MINUTES_PER_DAY - self.start
        }
    }
}

/// One weekly occurrence of a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occurrence {
    /// The day it is held.
    pub day: Weekday,
    /// Its time, when the feed gave one that could be read.
    pub time: Option<TimeSpan>,
}

/// A point on the earth, in degrees.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct LatLon {
    /// Latitude, −90 … 90.
    pub lat: f64,
    /// Longitude, −180 … 180.
    pub lon: f64,
}

impl LatLon {
    /// A point, or `None` when either number is out of range, not finite, or the
    /// `0,0` that spreadsheets write for "unknown".
    pub fn new(lat: f64, lon: f64) -> Option<LatLon> {
        // (No infinity and no NaN is within these bounds.)
        let ok = lat.abs() <= 90.0 && lon.abs() <= 180.0 && !(lat == 0.0 && lon == 0.0);
        ok.then_some(LatLon { lat, lon })
    }
}

/// Where a meeting is held.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The location's name ("St. Mark's Church").
    pub location: String,
    /// Street address (or, in some feeds, the whole address crammed into one field).
    pub address: String,
    /// Town or city.
    pub city: String,
    /// State or province.
    pub state: String,
    /// Postal code, as text.
    pub postal_code: String,
    /// Country.
    pub country: String,
    /// The whole address on one line, as the feed gave it or assembled from the parts.
    pub formatted_address: String,
    /// The neighbourhood, when the feed names one (BMLT `location_neighborhood`).
    pub neighborhood: String,
    /// Notes about the location ("use the side door").
    pub notes: String,
    /// Coordinates, when known.
    pub coordinates: Option<LatLon>,
    /// Whether the address (and so the coordinates) is only approximate, e.g. the
    /// city centre of an online meeting.
    pub approximate: bool,
}

impl Place {
    /// A place with nothing known, as a constant (see [`Meeting::EMPTY`]).
    pub const EMPTY: Place = Place {
        location: String::new(),
        address: String::new(),
        city: String::new(),
        state: String::new(),
        postal_code: String::new(),
        country: String::new(),
        formatted_address: String::new(),
        neighborhood: String::new(),
        notes: String::new(),
        coordinates: None,
        approximate: false,
    };
}

impl Default for Place {
    fn default() -> Self {
        Place::EMPTY
    }
}

/// How a visitor can attend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Attendance {
    /// Only at a physical place.
    #[default]
    InPerson,
    /// Only online or by phone.
    Online,
    /// Both in person and online.
    Hybrid,
    /// Neither: the meeting is not currently meeting.
    Inactive,
}

impl Attendance {
    /// Whether a visitor can attend in person.
    pub fn in_person(self) -> bool {
        matches!(self, Attendance::InPerson | Attendance::Hybrid)
    }

    /// Whether a visitor can attend online.
    pub fn online(self) -> bool {
        matches!(self, Attendance::Online | Attendance::Hybrid)
    }

    /// The Meeting Guide / 12 Step Meeting List spelling: `in_person`, `online`,
    /// `hybrid`, `inactive`.
    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::InPerson => "in_person",
            Attendance::Online => "online",
            Attendance::Hybrid => "hybrid",
            Attendance::Inactive => "inactive",
        }
    }
}

/// How to join a meeting online or by phone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conference {
    /// The video meeting's link (only kept when it is http or https).
    pub url: String,
    /// Notes for the link (passcode, "camera on").
    pub url_notes: String,
    /// A phone number to dial: digits, `+`, `,`, `*`, `#`.
    pub phone: String,
    /// Notes for the phone number.
    pub phone_notes: String,
}

impl Default for Conference {
    fn default() -> Self {
        Conference::EMPTY
    }
}

impl Conference {
    /// No way to join remotely, as a constant (see [`Meeting::EMPTY`]).
    pub const EMPTY: Conference = Conference {
        url: String::new(),
        url_notes: String::new(),
        phone: String::new(),
        phone_notes: String::new(),
    };

    /// Whether there is any way to join remotely.
    pub fn is_empty(&self) -> bool {
        self.url.is_empty() && self.phone.is_empty()
    }
}

/// Who runs the meeting and how to reach them about the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// The meeting's own page on the publisher's site.
    pub url: String,
    /// Where to send corrections (a page).
    pub feedback_url: String,
    /// Where to send corrections (addresses).
    pub feedback_emails: Vec<String>,
    /// The group's or entity's e-mail.
    pub email: String,
    /// The group's or entity's phone.
    pub phone: String,
    /// The group's or entity's web site.
    pub website: String,
}

impl Contact {
    /// No contact, as a constant (see [`Meeting::EMPTY`]).
    pub const EMPTY: Contact = Contact {
        url: String::new(),
        feedback_url: String::new(),
        feedback_emails: Vec::new(),
        email: String::new(),
        phone: String::new(),
        website: String::new(),
    };
}

impl Default for Contact {
    fn default() -> Self {
        Contact::EMPTY
    }
}

/// One meeting, however many days a week it is held.
#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    /// Unique within a feed (the reader makes duplicates unique).
    pub slug: String,
    /// The meeting's name.
    pub name: String,
    /// The weekly occurrences, ordered by day and time; empty for "by appointment".
    pub occurrences: Vec<Occurrence>,
    /// IANA time zone of the times, when the feed or the embed gave one.
    pub timezone: Option<String>,
    /// Where it is held.
    pub place: Place,
    /// Region path, general → specific (`["Delaware County", "Woodlyn"]`).
    pub regions: Vec<String>,
    /// Type codes in canonical upper case, in feed order, unknown codes kept.
    pub types: Vec<String>,
    /// How it can be attended.
    pub attendance: Attendance,
    /// How to join remotely.
    pub conference: Conference,
    /// Notes about the meeting, as plain text.
    pub notes: String,
    /// The group that holds it.
    pub group: String,
    /// Notes about the group, as plain text.
    pub group_notes: String,
    /// Links and addresses for the meeting and its listing.
    pub contact: Contact,
    /// When the listing was last updated, as the feed wrote it.
    pub updated: String,
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting::EMPTY
    }
}

impl Meeting {
    /// A meeting with nothing known, as a constant: the readers start every record from
    /// it, and a copy of a constant is smaller code than a store for every field.
    pub const EMPTY: Meeting = Meeting {
        slug: String::new(),
        name: String::new(),
        occurrences: Vec::new(),
        timezone: None,
        place: Place::EMPTY,
        regions: Vec::new(),
        types: Vec::new(),
        attendance: Attendance::InPerson,
        conference: Conference::EMPTY,
        notes: String::new(),
        group: String::new(),
        group_notes: String::new(),
        contact: Contact::EMPTY,
        updated: String::new(),
    };

    /// Whether the meeting has the type `code` (compared in canonical upper case).
    pub fn has_type(&self, code: &str) -> bool {
        self.types.iter().any(|t| t.eq_ignore_ascii_case(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_out_of_range_or_not_finite_are_none() {
        for (lat, lon) in [
            (f64::NAN, 0.5),
            (0.5, f64::NAN),
            (f64::INFINITY, 0.5),
            (0.5, f64::NEG_INFINITY),
            (90.5, 0.5),
            (0.5, -180.5),
            (0.0, 0.0),
        ] {
            assert_eq!(LatLon::new(lat, lon), None, "{lat}, {lon}");
        }
        for (lat, lon) in [(90.0, 180.0), (-90.0, -180.0), (0.0, 1.0), (39.9, -75.3)] {
            assert_eq!(LatLon::new(lat, lon), Some(LatLon { lat, lon }));
        }
    }
}
