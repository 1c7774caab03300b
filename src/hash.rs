//! A small, fast, non-cryptographic hasher for the crate's build-time maps and sets: the
//! default SipHash is several times slower on the millions of short words a large feed
//! holds, the keys come from the feed being read, not from an adversary online, and one
//! hasher for every map and set keeps one copy of the hash-table code in the wasm.

use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash (as in rustc): a multiply and a rotate per word.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with the Fx hash.
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The crate's one map keyed by text, for ids, packed ranges and sets alike (a set's
/// values are 0): each distinct map type brings its own copy of the hash-table code, about
/// a kilobyte of wasm, so a map whose key is not text writes its key as text instead.
pub type TextMap = FxHashMap<String, u64>;
