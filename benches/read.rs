//! How fast `feed::read` turns a large real feed into meetings, in MB/s: aasepia.json
//! (2,038 meetings, 1.6 MB) from ../shared, or, when that is absent, a generated Meeting
//! Guide feed of the same size.
//!
//! `cargo bench --bench read`

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion, Throughput};
    use meeting_search::feed::{read, ReadOptions};

    /// The real feed, or a stand-in of the same size.
    fn feed_bytes() -> (String, Vec<u8>) {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/feeds/meeting-guide/aasepia.json"
        );
        match std::fs::read(path) {
            Ok(bytes) => ("aasepia.json".to_owned(), bytes),
            Err(_) => {
                eprintln!("../shared absent: benchmarking a generated feed of the same size");
                ("generated".to_owned(), generated(1_611_631))
            }
        }
    }

    /// A Meeting Guide feed shaped like aasepia.json (string coordinates, region paths,
    /// type lists), at least `size` bytes long, from a fixed pseudo-random sequence.
    fn generated(size: usize) -> Vec<u8> {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let types = ["O", "C", "D", "BB", "ONL", "SP", "W", "X", "12x12", "TC"];
        let regions = [
            "Delaware County",
            "Chester County",
            "Philadelphia",
            "Bucks County",
        ];
        let mut out = String::from("[");
        let mut i = 0;
        while out.len() < size {
            if i > 0 {
                out.push(',');
            }
            let hour = next(24);
            let minute = next(4) * 15;
            out.push_str(&format!(
                concat!(
                    r#"{{"name":"Meeting {i}","slug":"meeting-{i}-main-street","notes":"Use the side door, "#,
                    r#"parking behind the hall. Meeting {i} welcomes newcomers.","updated":"2020-10-27 16:17:24","#,
                    r#""url":"https://example.org/meetings/?meeting=meeting-{i}","day":{day},"time":"{h:02}:{m:02}","#,
                    r#""end_time":"{eh:02}:{m:02}","conference_url":"","conference_phone":"","types":["{t1}","{t2}"],"#,
                    r#""location":"St. Example's Church","formatted_address":"{i} Main Street, Town, PA 19094, USA","#,
                    r#""latitude":"39.{lat}","longitude":"-75.{lon}","regions":["{r}","Town {town}"],"#,
                    r#""group":"Group {i}","feedback_url":"https://example.org/meeting-status/"}}"#
                ),
                i = i,
                day = next(7),
                h = hour,
                m = minute,
                eh = (hour + 1) % 24,
                t1 = types[next(10) as usize],
                t2 = types[next(10) as usize],
                lat = 1_000_000 + next(8_999_999),
                lon = 1_000_000 + next(8_999_999),
                r = regions[next(4) as usize],
                town = next(40),
            ));
            i += 1;
        }
        out.push(']');
        out.into_bytes()
    }

    fn read_feed(c: &mut Criterion) {
        let (name, bytes) = feed_bytes();
        let options = ReadOptions {
            default_timezone: Some("America/New_York".to_owned()),
            ..ReadOptions::default()
        };
        let meetings = read(&bytes, &options)
            .map(|f| f.meetings.len())
            .unwrap_or(0);
        eprintln!("{name}: {} bytes, {meetings} meetings", bytes.len());
        let mut group = c.benchmark_group("feed::read");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.sample_size(30);
        group.bench_function(name, |b| b.iter(|| read(black_box(&bytes), &options)));
        group.finish();
    }

    criterion_group!(benches, read_feed);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
