//! The counts a filter menu shows beside each option: for every dimension, the query with
//! that dimension's choice replaced by the option (types: the option added to the chosen
//! codes, since all are required), counted in results (weekly occurrences).
//!
//! - **Days**: per day, Sunday first (by-appointment meetings are in no day).
//! - **Times**: per bucket; untimed occurrences are in none.
//! - **Types**: per code present in the feed, in code order (zero counts included).
//! - **Regions**: per region node, in tree order (zero counts included).
//! - **Attendance**: in person, online, hybrid, inactive; "inactive" counts the inactive
//!   meetings the other choices hide.
//!
//! One pass over the bitset words builds, per dimension, the intersection of every other
//! dimension; each option's count is then a popcount of that base and the option's bitset.

use super::bitset::{self, and_count};
use super::index::{ATTENDANCE, BUCKETS, DAYS};
use super::query::Dim;
use super::{Facets, Index, Query};

impl Index {
    /// How many results each option would give if chosen, all other choices kept.
    pub fn facets(&self, query: &Query) -> Facets {
        let mut guard = self.scratch.borrow_mut();
        let scratch = &mut *guard;
        self.fill_scratch(query, scratch);
        if let Some(rad) = query.near.and_then(|p| self.radius(p, query)) {
            self.fill_geo(&rad, scratch);
        }
        let mut bases = std::mem::take(&mut scratch.bases);
        for b in bases.iter_mut() {
            bitset::clear(b, self.words);
        }
        {
            let masks = self.masks(query, scratch);
            let dims = [
                Some(Dim::Day),
                Some(Dim::Time),
                None,
                Some(Dim::Region),
                Some(Dim::Attendance),
            ];
            for i in 0..self.words {
                for (base, dim) in bases.iter_mut().zip(dims) {
                    base[i] = masks.word(self, i, dim);
                }
            }
        }
        let [day_base, time_base, type_base, region_base, attendance_base] = &bases;
        let mut facets = Facets::default();
        self.counts(day_base, DAYS, &mut facets.days);
        self.counts(time_base, BUCKETS, &mut facets.times);
        for (code, bits) in self.types() {
            facets
                .types
                .push((code.clone(), and_count(type_base, bits)));
        }
        for node in self.regions() {
            facets
                .regions
                .push((node.path.clone(), and_count(region_base, &node.bits)));
        }
        self.counts(attendance_base, ATTENDANCE, &mut facets.attendance);
        scratch.bases = bases;
        facets
    }

    /// Into `counts`, the size of `base`'s intersection with each fixed bitset from
    /// `first` on (one copy for the days, times and attendance choices).
    fn counts(&self, base: &[u64], first: usize, counts: &mut [u32]) {
        for (k, count) in counts.iter_mut().enumerate() {
            *count = and_count(base, self.bits(first + k));
        }
    }
}
