//! What the visitor chose, in one place: read from `data-` attributes, the URL hash and
//! `setFilters`, written back to the hash, and turned into the core's [`Query`].
//!
//! Every filter has one name used everywhere (attribute, hash key, JS API):
//! `day` (`2`, `1,3` or `today`), `time` (`morning`, `midday`, `evening`, `night`),
//! `type` (codes, comma separated), `region`, `attendance` (`in-person` (or
//! `in_person`), `online`, `hybrid`, `inactive`), `place`, `within`, `units` (`mi`, `km`) and `text`.

use super::text::{line_index, lines, parse_u32, push_u32};
use crate::model::{LatLon, Weekday};
use crate::search::{AttendanceFilter, Now, Query, TimeFilter, TimeOfDay, Units};

/// The time-of-day buckets in display order, with their names.
pub const TIMES: [(TimeOfDay, &str); 4] = [
    (TimeOfDay::Morning, "morning"),
    (TimeOfDay::Midday, "midday"),
    (TimeOfDay::Evening, "evening"),
    (TimeOfDay::Night, "night"),
];

/// The attendance choices in display order, with their names.
pub const ATTENDANCE: [(AttendanceFilter, &str); 4] = [
    (AttendanceFilter::InPerson, "in-person"),
    (AttendanceFilter::Online, "online"),
    (AttendanceFilter::Hybrid, "hybrid"),
    (AttendanceFilter::Inactive, "inactive"),
];

/// The radius choices offered, in the current units.
pub const RADII: [u32; 6] = [1, 2, 5, 10, 25, 50];

/// The filter names, a name a line, in the order they are written to the hash.
pub const NAMES: &str = "day\ntime\ntype\nregion\nattendance\nplace\nwithin\nunits\ntext";

/// How many filters [`NAMES`] names.
pub const COUNT: usize = lines(NAMES);

/// [`NAMES`]' indices: a filter as [`Filters::set`] and [`Filters::get`] take it.
pub mod name {
    /// `day`.
    pub const DAY: usize = 0;
    /// `time`.
    pub const TIME: usize = 1;
    /// `type`.
    pub const TYPE: usize = 2;
    /// `region`.
    pub const REGION: usize = 3;
    /// `attendance`.
    pub const ATTENDANCE: usize = 4;
    /// `place`.
    pub const PLACE: usize = 5;
    /// `within`.
    pub const WITHIN: usize = 6;
    /// `units`.
    pub const UNITS: usize = 7;
    /// `text`.
    pub const TEXT: usize = 8;
}

/// The filter called `name` (its index in [`NAMES`]), or [`COUNT`], which names none.
pub fn index(name: &str) -> usize {
    line_index(NAMES, name).unwrap_or(COUNT)
}

/// The visitor's choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Days chosen (empty: any day).
    pub days: Vec<Weekday>,
    /// "Today", resolved against "now" when searching.
    pub today: bool,
    /// Time of day.
    pub time: Option<TimeOfDay>,
    /// Type codes, all required.
    pub types: Vec<String>,
    /// A region name (empty: everywhere).
    pub region: String,
    /// Attendance.
    pub attendance: Option<AttendanceFilter>,
    /// The visitor's own position, from "Use my location" or the API; never in the URL.
    pub near: Option<LatLon>,
    /// A typed place name.
    pub place: String,
    /// Radius, in `units`.
    pub within: Option<f64>,
    /// Distance units.
    pub units: Units,
    /// Search words.
    pub text: String,
}

impl Filters {
    /// No filter chosen, in `units`, near `near`: one copy of the code that builds them
    /// for every caller (inlined, it was one in each).
    #[inline(never)]
    pub fn none(units: Units, near: Option<LatLon>) -> Filters {
        Filters {
            units,
            near,
            ..Filters::default()
        }
    }

    /// Sets the filter `filter` (see [`index`]) from its text form; unknown names and values
    /// are ignored.
    pub fn set(&mut self, filter: usize, value: &str) {
        let value = value.trim();
        match filter {
            name::DAY => {
                self.today = value.eq_ignore_ascii_case("today");
                self.days.clear();
                for d in value.split(',') {
                    let day = parse_u32(d.trim()).and_then(|n| Weekday::new(u8::try_from(n).ok()?));
                    if let Some(day) = day {
                        self.days.push(day);
                    }
                }
            }
            name::TIME => self.time = TIMES.iter().find(|t| t.1 == value).map(|t| t.0),
            name::TYPE => {
                self.types.clear();
                for t in value.split(',').map(str::trim) {
                    if !t.is_empty() {
                        self.types.push(t.to_ascii_uppercase());
                    }
                }
            }
            name::REGION => self.region = value.into(),
            name::ATTENDANCE => {
                let value = if value == "in_person" {
                    "in-person"
                } else {
                    value
                };
                self.attendance = ATTENDANCE.iter().find(|a| a.1 == value).map(|a| a.0);
            }
            name::PLACE => self.place = value.into(),
            name::WITHIN => self.within = parse_u32(value).filter(|w| *w > 0).map(f64::from),
            name::UNITS => {
                self.units = if value == "km" {
                    Units::Kilometres
                } else {
                    Units::Miles
                }
            }
            name::TEXT => self.text = value.into(),
            _ => {}
        }
    }

    /// The text form of the filter `filter` (see [`index`]); empty when it is not set.
    pub fn get(&self, filter: usize) -> String {
        let mut out = String::new();
        match filter {
            name::DAY if self.today => out.push_str("today"),
            name::DAY => {
                for (i, d) in self.days.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_u32(&mut out, u32::from(d.number()));
                }
            }
            name::TIME => out.push_str(
                TIMES
                    .iter()
                    .find(|t| Some(t.0) == self.time)
                    .map_or("", |t| t.1),
            ),
            name::TYPE => {
                for (i, t) in self.types.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(t);
                }
            }
            name::REGION => out.push_str(&self.region),
            name::ATTENDANCE => out.push_str(
                ATTENDANCE
                    .iter()
                    .find(|a| Some(a.0) == self.attendance)
                    .map_or("", |a| a.1),
            ),
            name::PLACE => out.push_str(&self.place),
            name::WITHIN => {
                if let Some(w) = self.within {
                    push_u32(&mut out, w as u32);
                }
            }
            name::UNITS if self.units == Units::Kilometres => out.push_str("km"),
            name::TEXT => out.push_str(&self.text),
            _ => {}
        }
        out
    }

    /// The units' short name.
    pub fn units_name(&self) -> &'static str {
        match self.units {
            Units::Miles => "mi",
            Units::Kilometres => "km",
        }
    }

    /// The core query for these choices, given "now" and the typed place's point.
    pub fn query(&self, now: Option<Now>, place: Option<LatLon>) -> Query {
        let days = match (self.today, now) {
            (true, Some(n)) => vec![n.day],
            _ => self.days.clone(),
        };
        let near = self.near.or(place);
        Query {
            days,
            time: self.time.map(TimeFilter::Bucket),
            types: self.types.clone(),
            region: (!self.region.is_empty()).then(|| self.region.clone()),
            attendance: self.attendance,
            near,
            within: if near.is_some() { self.within } else { None },
            units: self.units,
            text: self.text.clone(),
            now,
        }
    }
}
