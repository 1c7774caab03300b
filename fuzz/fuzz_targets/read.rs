//! Fuzzes `feed::read` with arbitrary bytes, as a Meeting Guide or BMLT feed and as a
//! BMLT formats file, checking that it never panics and that what it reads adds up.
//!
//! Run (cargo-fuzz needs the nightly toolchain, which this machine has):
//! `cd fuzz && mkdir -p corpus/read && cp ../tests/data/feeds/*.json corpus/read/ &&
//!  cargo +nightly fuzz run read corpus/read -- -max_total_time=180`
#![no_main]

use libfuzzer_sys::fuzz_target;
use meeting_search::feed::{read, ReadOptions};

fuzz_target!(|data: &[u8]| {
    check(data, &ReadOptions::default());
    // The same bytes as a formats file beside a small BMLT feed.
    let options = ReadOptions {
        default_timezone: Some("America/New_York".to_owned()),
        bmlt_formats: Some(data.to_vec()),
    };
    check(
        br#"[{"id_bigint":"1","weekday_tinyint":"1","formats":"O","format_shared_id_list":"1,2"}]"#,
        &options,
    );
});

fn check(data: &[u8], options: &ReadOptions) {
    if let Ok(feed) = read(data, options) {
        assert_eq!(feed.records, feed.meetings.len() + feed.skipped);
        for m in &feed.meetings {
            assert!(!m.slug.is_empty() && !m.name.is_empty());
        }
    }
}
