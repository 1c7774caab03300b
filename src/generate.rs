//! A deterministic generator of realistic Meeting Guide feeds, for the demo and benchmarks.
