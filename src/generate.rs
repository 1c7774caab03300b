//! A deterministic generator of realistic Meeting Guide feeds, for the demo and benchmarks.
//!
//! [`meetings`] makes `n` meetings from a seed (SplitMix64, so the same seed gives the same
//! feed on every platform) over a metro area modelled on south-eastern Pennsylvania: real
//! town names, postal codes and centres, a county → town (→ neighbourhood) region tree,
//! street addresses, a realistic spread of names, times and type codes, some meetings held
//! on several days, online and hybrid meetings with placeholder links on the reserved
//! `example.org` domain, and a few inactive and by-appointment ones. [`feed_json`] writes
//! them as a Meeting Guide JSON array (`day` as an array for multi-day meetings).

use serde_json::{json, Map, Value};

use crate::model::{
    Attendance, Conference, LatLon, Meeting, Minutes, Occurrence, Place, TimeSpan, Weekday,
};

/// SplitMix64: tiny, fast and good enough for test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Town, county, postal code, latitude, longitude, relative weight.
const TOWNS: &[(&str, &str, &str, f64, f64, u32)] = &[
    (
        "Philadelphia",
        "Philadelphia",
        "19103",
        39.9526,
        -75.1652,
        30,
    ),
    (
        "Ardmore",
        "Montgomery County",
        "19003",
        40.0084,
        -75.2905,
        4,
    ),
    (
        "Bryn Mawr",
        "Montgomery County",
        "19010",
        40.0212,
        -75.3163,
        3,
    ),
    (
        "Norristown",
        "Montgomery County",
        "19401",
        40.1215,
        -75.3399,
        5,
    ),
    (
        "King of Prussia",
        "Montgomery County",
        "19406",
        40.0893,
        -75.3960,
        3,
    ),
    (
        "Lansdale",
        "Montgomery County",
        "19446",
        40.2415,
        -75.2838,
        3,
    ),
    (
        "Pottstown",
        "Montgomery County",
        "19464",
        40.2454,
        -75.6496,
        3,
    ),
    (
        "Jenkintown",
        "Montgomery County",
        "19046",
        40.0959,
        -75.1252,
        2,
    ),
    (
        "Conshohocken",
        "Montgomery County",
        "19428",
        40.0793,
        -75.3016,
        2,
    ),
    ("Media", "Delaware County", "19063", 39.9168, -75.3877, 3),
    (
        "Upper Darby",
        "Delaware County",
        "19082",
        39.9595,
        -75.2696,
        4,
    ),
    ("Chester", "Delaware County", "19013", 39.8496, -75.3557, 3),
    ("Woodlyn", "Delaware County", "19094", 39.8712, -75.3544, 1),
    (
        "Havertown",
        "Delaware County",
        "19083",
        39.9809,
        -75.3085,
        2,
    ),
    (
        "Swarthmore",
        "Delaware County",
        "19081",
        39.9021,
        -75.3499,
        1,
    ),
    ("Doylestown", "Bucks County", "18901", 40.3101, -75.1299, 3),
    ("Bristol", "Bucks County", "19007", 40.1007, -74.8518, 2),
    ("Levittown", "Bucks County", "19057", 40.1551, -74.8288, 3),
    ("Newtown", "Bucks County", "18940", 40.2293, -74.9368, 2),
    ("Quakertown", "Bucks County", "18951", 40.4418, -75.3416, 2),
    (
        "West Chester",
        "Chester County",
        "19380",
        39.9607,
        -75.6055,
        4,
    ),
    (
        "Coatesville",
        "Chester County",
        "19320",
        39.9832,
        -75.8238,
        2,
    ),
    (
        "Phoenixville",
        "Chester County",
        "19460",
        40.1304,
        -75.5149,
        2,
    ),
    (
        "Kennett Square",
        "Chester County",
        "19348",
        39.8468,
        -75.7116,
        2,
    ),
    (
        "Downingtown",
        "Chester County",
        "19335",
        40.0065,
        -75.7033,
        2,
    ),
    ("Camden", "Camden County", "08102", 39.9259, -75.1196, 3),
    (
        "Cherry Hill",
        "Camden County",
        "08002",
        39.9348,
        -75.0307,
        3,
    ),
    (
        "Haddonfield",
        "Camden County",
        "08033",
        39.8915,
        -75.0377,
        1,
    ),
];

/// Philadelphia's neighbourhoods: a third region level, with their own postal codes.
const NEIGHBOURHOODS: &[(&str, &str, f64, f64)] = &[
    ("Center City", "19103", 39.9526, -75.1652),
    ("Fishtown", "19125", 39.9727, -75.1340),
    ("Germantown", "19144", 40.0357, -75.1735),
    ("Manayunk", "19127", 40.0268, -75.2254),
    ("South Philadelphia", "19148", 39.9196, -75.1590),
    ("Northeast", "19149", 40.0379, -75.0427),
    ("West Philadelphia", "19104", 39.9584, -75.2057),
    ("Chestnut Hill", "19118", 40.0768, -75.2083),
];

const STREETS: &[&str] = &[
    "Main St",
    "Church Rd",
    "Lancaster Ave",
    "Market St",
    "Chestnut St",
    "Walnut St",
    "Ridge Ave",
    "Germantown Ave",
    "Baltimore Pike",
    "MacDade Blvd",
    "Broad St",
    "State St",
    "High St",
    "Park Ave",
    "Mill Rd",
    "Old York Rd",
];

const LOCATIONS: &[&str] = &[
    "St. Mark's Church",
    "First Presbyterian Church",
    "Trinity Lutheran Church",
    "Community Center",
    "Friends Meeting House",
    "St. Mary's Parish Hall",
    "Grace Episcopal Church",
    "Fellowship Hall",
    "Public Library",
    "YMCA",
    "Alano Club",
    "Recovery Clubhouse",
    "Église Saint-Jean",
    "Bethel AME Church",
];

const NAME_FIRST: &[&str] = &[
    "Serenity",
    "Early Birds",
    "Happy Hour",
    "Big Book",
    "Keep It Simple",
    "Into Action",
    "Came to Believe",
    "Easy Does It",
    "Back to Basics",
    "Language of the Heart",
    "Steps to Freedom",
    "One Day at a Time",
    "Spiritual Awakening",
    "New Beginnings",
    "Rule 62",
    "Sober Sisters",
    "Men of Courage",
    "Lunch Bunch",
    "Night Owls",
    "Grupo Nueva Vida",
    "Camino de Esperanza",
    "Café Sobriété",
];

const NAME_LAST: &[&str] = &[
    "Group",
    "Step Study",
    "Discussion",
    "Speaker Meeting",
    "Big Book Study",
    "",
    "",
    "",
];

/// Start times with their weights (real feeds bunch at a few).
const TIMES: &[(Minutes, u32)] = &[
    (6 * 60 + 30, 4),
    (7 * 60, 6),
    (7 * 60 + 30, 3),
    (9 * 60, 4),
    (10 * 60, 5),
    (10 * 60 + 30, 3),
    (12 * 60, 10),
    (12 * 60 + 15, 3),
    (13 * 60, 2),
    (15 * 60, 1),
    (17 * 60 + 30, 5),
    (18 * 60, 6),
    (18 * 60 + 30, 4),
    (19 * 60, 14),
    (19 * 60 + 30, 10),
    (20 * 60, 14),
    (20 * 60 + 30, 4),
    (21 * 60, 3),
    (22 * 60, 2),
    (23 * 60 + 30, 1),
    (0, 1),
];

/// Optional type codes with their chance, beside `O`/`C` and the language codes.
const EXTRA_TYPES: &[(&str, f64)] = &[
    ("D", 0.30),
    ("B", 0.15),
    ("ST", 0.14),
    ("SP", 0.14),
    ("X", 0.30),
    ("LIT", 0.08),
    ("BE", 0.07),
    ("TR", 0.03),
    ("MED", 0.02),
    ("11", 0.02),
    ("12x12", 0.02),
    ("LGBTQ", 0.02),
    ("Y", 0.01),
    ("ASL", 0.01),
    ("A", 0.01),
    ("CF", 0.01),
    ("BA", 0.02),
    ("TC", 0.03),
];

fn weighted<T: Copy>(rng: &mut Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|i| i.1).sum();
    let mut at = rng.below(total as usize) as u32;
    for &(item, w) in items {
        if at < w {
            return item;
        }
        at -= w;
    }
    items[0].0
}

/// `n` meetings, the same for the same `seed`.
pub fn meetings(n: usize, seed: u64) -> Vec<Meeting> {
    let mut rng = Rng::new(seed);
    let towns: Vec<(usize, u32)> = TOWNS.iter().enumerate().map(|(i, t)| (i, t.5)).collect();
    (0..n).map(|i| meeting(&mut rng, i, &towns)).collect()
}

fn meeting(rng: &mut Rng, i: usize, towns: &[(usize, u32)]) -> Meeting {
    let (town, county, mut postal, mut lat, mut lon, _) = TOWNS[weighted(rng, towns)];
    let mut regions = vec![county.to_string()];
    let mut neighborhood = String::new();
    if town == "Philadelphia" {
        let (name, zip, nlat, nlon) = *rng.pick(NEIGHBOURHOODS);
        regions.push(name.into());
        neighborhood = name.into();
        postal = zip;
        lat = nlat;
        lon = nlon;
    } else {
        regions.push(town.into());
    }
    let attendance = match rng.below(100) {
        0..=69 => Attendance::InPerson,
        70..=84 => Attendance::Hybrid,
        85..=96 => Attendance::Online,
        _ => Attendance::Inactive,
    };
    let online = attendance == Attendance::Online;
    let point = LatLon::new(
        lat + (rng.unit() - 0.5) * 0.04,
        lon + (rng.unit() - 0.5) * 0.05,
    );
    let address = if online {
        String::new()
    } else {
        let mut a = (100 + rng.below(9800)).to_string();
        a.push(' ');
        let street = STREETS[rng.below(STREETS.len())];
        a.push_str(street);
        a
    };
    let formatted_address = if online {
        [town, ", PA, USA"].concat()
    } else {
        [&address, ", ", town, ", PA ", postal, ", USA"].concat()
    };
    let name = {
        let first = *rng.pick(NAME_FIRST);
        let last = *rng.pick(NAME_LAST);
        if last.is_empty() {
            first.to_string()
        } else {
            [first, " ", last].concat()
        }
    };
    // Days: most meet once a week, some on several days, a few every day, very few by
    // appointment.
    let day_count = match rng.below(100) {
        0 => 0,
        1..=74 => 1,
        75..=89 => 2 + rng.below(2),
        90..=95 => 5,
        _ => 7,
    };
    let mut days: Vec<u8> = match day_count {
        5 => vec![1, 2, 3, 4, 5],
        7 => (0..7).collect(),
        k => {
            let mut d: Vec<u8> = Vec::new();
            while d.len() < k {
                let x = rng.below(7) as u8;
                if !d.contains(&x) {
                    d.push(x);
                }
            }
            d
        }
    };
    days.sort_unstable();
    let start = weighted(rng, TIMES);
    let length = if rng.chance(0.25) { 90 } else { 60 };
    let time = (!rng.chance(0.01)).then_some(TimeSpan {
        start,
        end: (start + length) % crate::model::MINUTES_PER_DAY,
    });
    let occurrences = days
        .iter()
        .filter_map(|&d| Weekday::new(d))
        .map(|day| Occurrence { day, time })
        .collect();
    let mut types = vec![if rng.chance(0.6) { "O" } else { "C" }.to_string()];
    if name.starts_with("Sober Sisters") || rng.chance(0.05) {
        types.push("W".into());
    } else if name.starts_with("Men of") || rng.chance(0.04) {
        types.push("M".into());
    }
    if name.starts_with("Grupo") || name.starts_with("Camino") {
        types.push("S".into());
    } else if name.starts_with("Café") {
        types.push("FR".into());
    }
    for (code, p) in EXTRA_TYPES {
        if rng.chance(*p) {
            types.push((*code).into());
        }
    }
    if online || attendance == Attendance::Hybrid {
        types.push("ONL".into());
    }
    let conference = if online || attendance == Attendance::Hybrid {
        let id = 8_000_000_000u64 + rng.below(1_000_000_000) as u64;
        Conference {
            url: ["https://zoom.example.org/j/", &id.to_string()].concat(),
            url_notes: "Passcode: serenity".into(),
            phone: if rng.chance(0.5) {
                ["+15555550100,,", &id.to_string(), "#"].concat()
            } else {
                String::new()
            },
            phone_notes: String::new(),
        }
    } else {
        Conference::default()
    };
    let mut slug = "meeting-".to_string();
    slug.push_str(&i.to_string());
    Meeting {
        slug,
        name,
        occurrences,
        timezone: None,
        place: Place {
            location: if online {
                String::new()
            } else {
                rng.pick(LOCATIONS).to_string()
            },
            address,
            city: town.into(),
            state: "PA".into(),
            postal_code: postal.into(),
            country: "US".into(),
            formatted_address,
            neighborhood,
            notes: if rng.chance(0.1) {
                "Use the side door; parking in the rear.".into()
            } else {
                String::new()
            },
            coordinates: point,
            approximate: online,
        },
        regions,
        types,
        attendance,
        conference,
        notes: if rng.chance(0.15) {
            "Literature available. All are welcome.".into()
        } else {
            String::new()
        },
        group: if rng.chance(0.5) {
            [
                "D",
                &(1 + rng.below(60)).to_string(),
                " / GSO #",
                &(100_000 + rng.below(900_000)).to_string(),
            ]
            .concat()
        } else {
            String::new()
        },
        ..Meeting::default()
    }
}

fn hhmm(m: Minutes) -> String {
    let (h, m) = (m / 60, m % 60);
    let d = |x: u16| char::from(b'0' + x as u8);
    [d(h / 10), d(h % 10), ':', d(m / 10), d(m % 10)]
        .iter()
        .collect()
}

/// `meetings` as a Meeting Guide JSON array.
pub fn feed_json(meetings: &[Meeting]) -> String {
    let records: Vec<Value> = meetings.iter().map(record).collect();
    Value::Array(records).to_string()
}

fn record(m: &Meeting) -> Value {
    let mut o = Map::new();
    let mut put = |k: &str, v: Value| {
        o.insert(k.into(), v);
    };
    put("name", json!(m.name));
    put("slug", json!(m.slug));
    let days: Vec<u8> = m.occurrences.iter().map(|o| o.day.number()).collect();
    match days.len() {
        0 => {}
        1 => put("day", json!(days[0])),
        _ => put("day", json!(days)),
    }
    if let Some(t) = m.occurrences.first().and_then(|o| o.time) {
        put("time", json!(hhmm(t.start)));
        put("end_time", json!(hhmm(t.end)));
    }
    let p = &m.place;
    put("location", json!(p.location));
    put("address", json!(p.address));
    put("city", json!(p.city));
    put("state", json!(p.state));
    put("postal_code", json!(p.postal_code));
    put("country", json!(p.country));
    put("formatted_address", json!(p.formatted_address));
    if let Some(c) = p.coordinates {
        put("latitude", json!(c.lat));
        put("longitude", json!(c.lon));
    }
    put(
        "approximate",
        json!(if p.approximate { "yes" } else { "no" }),
    );
    if !p.notes.is_empty() {
        put("location_notes", json!(p.notes));
    }
    put("regions", json!(m.regions));
    put("types", json!(m.types));
    put("attendance_option", json!(m.attendance.as_str()));
    put("conference_url", json!(m.conference.url));
    put("conference_url_notes", json!(m.conference.url_notes));
    put("conference_phone", json!(m.conference.phone));
    if !m.notes.is_empty() {
        put("notes", json!(m.notes));
    }
    if !m.group.is_empty() {
        put("group", json!(m.group));
    }
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        let a = meetings(500, 7);
        assert_eq!(a, meetings(500, 7));
        assert_ne!(a, meetings(500, 8));
        assert!(a.iter().any(|m| m.occurrences.len() > 1));
        assert!(a.iter().any(|m| m.occurrences.is_empty()));
        assert!(a.iter().any(|m| m.attendance == Attendance::Online));
        assert!(a.iter().any(|m| m.attendance == Attendance::Hybrid));
        assert!(a.iter().any(|m| m.attendance == Attendance::Inactive));
        assert!(a.iter().any(|m| m.has_type("W")));
        assert!(a.iter().all(|m| m.place.coordinates.is_some()));
    }

    #[test]
    fn writes_meeting_guide_json() {
        let json = feed_json(&meetings(50, 1));
        let v: Value = serde_json::from_str(&json).unwrap();
        let records = v.as_array().unwrap();
        assert_eq!(records.len(), 50);
        assert!(records.iter().any(|r| r["day"].is_array()));
        assert!(records.iter().all(|r| r["slug"].is_string()));
        assert_eq!(hhmm(19 * 60 + 5), "19:05");
    }
}
