//! Great-circle distance by the haversine formula, with the trigonometry supplied by the
//! caller.
//!
//! Rust's `sin`/`cos`/`atan2` cost ~8 KB in WebAssembly, where the browser already has
//! `Math.sin` and friends. So the index takes a [`Trig`]: plain function pointers,
//! [`Trig::STD`] natively (the `f64` methods), and whatever the widget passes in the browser
//! (`js_sys::Math`). Square roots are a WebAssembly instruction and stay `f64::sqrt`.
//!
//! Distances use R = 3,958.8 mi = 6,371.0 km:
//! `a = sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2)`, `d = 2R · atan2(√a, √(1−a))`.
//! A radius query keeps the meetings inside a latitude band and a longitude window that
//! surely hold every point within the radius (over the meetings sorted by latitude), then
//! compares each one's squared chord on the unit sphere (precomputed `x, y, z`: three
//! multiplications, no trigonometry) with the radius's (`4 sin²(d/2R)`, the haversine's
//! own `4a`). Only a point whose chord is within a rounding margin of the limit gets the
//! exact haversine test, so the answer is exactly "haversine ≤ radius". The haversine is
//! then computed for the results only, to report and order their distances.

use super::Units;
use crate::model::LatLon;

/// The trigonometric functions the search needs.
#[derive(Clone, Copy, Debug)]
pub struct Trig {
    /// Sine of an angle in radians.
    pub sin: fn(f64) -> f64,
    /// Cosine of an angle in radians.
    pub cos: fn(f64) -> f64,
    /// Two-argument arc tangent, `atan2(y, x)`.
    pub atan2: fn(f64, f64) -> f64,
}

impl Trig {
    /// Rust's own `f64` methods.
    pub const STD: Trig = Trig {
        sin: f64::sin,
        cos: f64::cos,
        atan2: f64::atan2,
    };
}

impl Default for Trig {
    fn default() -> Trig {
        Trig::STD
    }
}

impl Units {
    /// The earth's radius in these units.
    pub fn earth_radius(self) -> f64 {
        match self {
            Units::Miles => 3958.8,
            Units::Kilometres => 6371.0,
        }
    }
}

/// Degrees to radians.
pub fn radians(degrees: f64) -> f64 {
    degrees * (std::f64::consts::PI / 180.0)
}

/// A point prepared for distance computations: radians and the cosine of the latitude.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GeoPoint {
    /// Latitude in radians.
    pub lat: f64,
    /// Longitude in radians.
    pub lon: f64,
    /// `cos(lat)`.
    pub cos_lat: f64,
}

impl GeoPoint {
    /// Prepares `p`.
    pub fn new(p: LatLon, trig: &Trig) -> GeoPoint {
        let lat = radians(p.lat);
        GeoPoint {
            lat,
            lon: radians(p.lon),
            cos_lat: (trig.cos)(lat),
        }
    }
}

impl GeoPoint {
    /// The point on the unit sphere, `[x, y, z]`.
    pub fn unit(&self, trig: &Trig) -> [f64; 3] {
        [
            self.cos_lat * (trig.cos)(self.lon),
            self.cos_lat * (trig.sin)(self.lon),
            (trig.sin)(self.lat),
        ]
    }
}

/// The squared chord between two points of the unit sphere.
pub fn chord2(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    let (dx, dy, dz) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    dx * dx + dy * dy + dz * dz
}

/// The squared unit-sphere chord of a great-circle distance `d` on a sphere of radius `r`:
/// `4 sin²(d / 2r)`, the same quantity as the haversine's `4a`. A point is within `d`
/// exactly when its squared chord is at most this, so a radius test needs no trigonometry
/// per meeting.
pub fn chord2_limit(d: f64, r: f64, trig: &Trig) -> f64 {
    let half = d / (2.0 * r);
    if half >= std::f64::consts::FRAC_PI_2 {
        return f64::INFINITY;
    }
    let s = (trig.sin)(half);
    4.0 * s * s
}

/// The haversine distance between two prepared points on a sphere of radius `r`.
pub fn haversine(a: &GeoPoint, b: &GeoPoint, r: f64, trig: &Trig) -> f64 {
    let s_lat = (trig.sin)((b.lat - a.lat) / 2.0);
    let s_lon = (trig.sin)((b.lon - a.lon) / 2.0);
    let h = s_lat * s_lat + a.cos_lat * b.cos_lat * s_lon * s_lon;
    let h = h.clamp(0.0, 1.0);
    2.0 * r * (trig.atan2)(h.sqrt(), (1.0 - h).sqrt())
}

/// A box, in degrees, that holds every point within `radius` of `centre`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoundingBox {
    /// Southern edge.
    pub min_lat: f64,
    /// Northern edge.
    pub max_lat: f64,
    /// Largest longitude difference from the centre, degrees; `None` = any longitude.
    pub max_dlon: Option<f64>,
}

impl BoundingBox {
    /// The box around `centre` for `radius` on a sphere of radius `r`, widened by a small
    /// margin so that rounding never loses a point the haversine would keep.
    pub fn around(centre: LatLon, radius: f64, r: f64, trig: &Trig) -> BoundingBox {
        let delta = radius / r; // angular radius, radians
        let dlat = delta * (180.0 / std::f64::consts::PI) + 1e-9;
        let min_lat = centre.lat - dlat;
        let max_lat = centre.lat + dlat;
        let polar = max_lat.abs().max(min_lat.abs());
        // Widest longitude difference at the band's most poleward latitude:
        // sin(Δλ) = sin δ / cos φ.
        let max_dlon = if polar >= 90.0 || delta >= std::f64::consts::FRAC_PI_2 {
            None
        } else {
            let x = (trig.sin)(delta) / (trig.cos)(radians(polar));
            if x >= 1.0 {
                None
            } else {
                let dlon = (trig.atan2)(x, (1.0 - x * x).sqrt());
                Some(dlon * (180.0 / std::f64::consts::PI) * (1.0 + 1e-9) + 1e-9)
            }
        };
        BoundingBox {
            min_lat,
            max_lat,
            max_dlon,
        }
    }

    /// Whether a point at longitude `lon` is within the window around `centre_lon`.
    pub fn lon_ok(&self, centre_lon: f64, lon: f64) -> bool {
        match self.max_dlon {
            None => true,
            Some(max) => {
                let mut d = (lon - centre_lon).abs();
                if d > 180.0 {
                    d = 360.0 - d;
                }
                d <= max
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::new(LatLon { lat, lon }, &Trig::STD)
    }

    #[test]
    fn known_distances() {
        // City Hall, Philadelphia → Ardmore station: about 7.9 miles.
        let d = haversine(
            &p(39.9526, -75.1652),
            &p(40.0084, -75.2905),
            3958.8,
            &Trig::STD,
        );
        assert!((d - 7.5).abs() < 0.6, "{d}");
        // One degree of latitude is 111.19 km.
        let d = haversine(&p(0.0, 10.0), &p(1.0, 10.0), 6371.0, &Trig::STD);
        assert!((d - 111.195).abs() < 0.001, "{d}");
        assert_eq!(
            haversine(&p(1.0, 2.0), &p(1.0, 2.0), 6371.0, &Trig::STD),
            0.0
        );
    }

    #[test]
    fn squared_chord_is_the_haversines_4a() {
        let t = Trig::STD;
        for (a, b) in [
            ((39.95, -75.16), (40.0, -75.29)),
            ((-33.9, 151.2), (51.5, -0.1)),
        ] {
            let (pa, pb) = (p(a.0, a.1), p(b.0, b.1));
            let d = haversine(&pa, &pb, 6371.0, &t);
            let limit = chord2_limit(d, 6371.0, &t);
            let c2 = chord2(&pa.unit(&t), &pb.unit(&t));
            assert!(
                (c2 - limit).abs() <= 1e-12 * limit.max(1e-12),
                "{c2} vs {limit}"
            );
        }
        assert_eq!(chord2_limit(30_000.0, 6371.0, &t), f64::INFINITY);
    }

    #[test]
    fn box_holds_the_circle() {
        let centre = LatLon {
            lat: 60.0,
            lon: 179.9,
        };
        let b = BoundingBox::around(centre, 50.0, 3958.8, &Trig::STD);
        let c = p(centre.lat, centre.lon);
        // Points on the circle (by bisection along bearings) must be inside the box.
        for k in 0..72 {
            let bearing = radians(k as f64 * 5.0);
            let (mut lo, mut hi) = (0.0, 3.0);
            for _ in 0..60 {
                let mid: f64 = (lo + hi) / 2.0;
                let q = LatLon {
                    lat: centre.lat + mid * bearing.cos(),
                    lon: centre.lon + mid * bearing.sin() / radians(centre.lat).cos(),
                };
                let q = LatLon {
                    lat: q.lat,
                    lon: if q.lon > 180.0 { q.lon - 360.0 } else { q.lon },
                };
                if haversine(&c, &p(q.lat, q.lon), 3958.8, &Trig::STD) <= 50.0 {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let q_lat = centre.lat + lo * bearing.cos();
            let mut q_lon = centre.lon + lo * bearing.sin() / radians(centre.lat).cos();
            if q_lon > 180.0 {
                q_lon -= 360.0;
            }
            assert!(q_lat >= b.min_lat && q_lat <= b.max_lat);
            assert!(b.lon_ok(centre.lon, q_lon), "{q_lon}");
        }
    }
}
