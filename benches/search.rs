//! Search benchmarks over generated feeds of 1,000, 10,000 and 100,000 meetings: index
//! build, and query time for day+type, near+day, words, and the facet counts.
//!
//! `cargo bench --bench search` (kept short: the machine is shared).

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::time::Duration;

    use criterion::{black_box, BatchSize, BenchmarkId, Criterion};
    use meeting_search::generate;
    use meeting_search::model::{LatLon, Weekday};
    use meeting_search::search::{merge, Index, Query};

    fn queries() -> [(&'static str, Query); 4] {
        let tuesday = vec![Weekday::new(2).unwrap_or(Weekday::ALL[2])];
        [
            (
                "day+type",
                Query {
                    days: tuesday.clone(),
                    types: vec!["O".into(), "D".into()],
                    ..Query::default()
                },
            ),
            (
                "near+day",
                Query {
                    days: tuesday,
                    near: Some(LatLon {
                        lat: 39.9526,
                        lon: -75.1652,
                    }),
                    within: Some(5.0),
                    ..Query::default()
                },
            ),
            (
                "words",
                Query {
                    text: "step study".into(),
                    ..Query::default()
                },
            ),
            ("all", Query::default()),
        ]
    }

    pub fn search(c: &mut Criterion) {
        let mut group = c.benchmark_group("search");
        group
            .sample_size(20)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for n in [1_000usize, 10_000, 100_000] {
            let meetings = generate::meetings(n, 1);
            group.bench_with_input(BenchmarkId::new("build", n), &meetings, |b, m| {
                b.iter_batched(|| m.clone(), Index::new, BatchSize::LargeInput)
            });
            // The widget's load: one feed through `merge`, then the build.
            group.bench_with_input(BenchmarkId::new("build-merged", n), &meetings, |b, m| {
                b.iter_batched(
                    || vec![m.clone()],
                    |feeds| Index::new(merge(feeds).0),
                    BatchSize::LargeInput,
                )
            });
            let index = Index::new(meetings);
            for (name, q) in queries() {
                group.bench_with_input(BenchmarkId::new(name, n), &q, |b, q| {
                    b.iter(|| index.query(black_box(q)))
                });
            }
            let q = &queries()[0].1;
            group.bench_with_input(BenchmarkId::new("facets", n), q, |b, q| {
                b.iter(|| index.facets(black_box(q)))
            });
            group.bench_with_input(
                BenchmarkId::new("facets-all", n),
                &Query::default(),
                |b, q| b.iter(|| index.facets(black_box(q))),
            );
        }
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::search);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
