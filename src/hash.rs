//! The crate's one map keyed by text, for ids, packed ranges and sets alike (a set's
//! values are 0), used while indexes are built.
//!
//! A small open-addressing table written for `String → u64` alone rather than std's
//! generic `HashMap`: the wasm then carries one short copy of the table code and no
//! generic hashing machinery (std's tables cost about 3 KB there). The hash is the Fx hash
//! (as in rustc, a multiply and a rotate per eight bytes): the default SipHash is several
//! times slower on the millions of short words a large feed holds, and the keys come from
//! the feed being read, not from an adversary online.

/// A map from text to a number. Keys are looked up as `&str`; nothing iterates it.
#[derive(Clone, Debug, Default)]
pub struct TextMap {
    /// The keys and values, in the order first inserted.
    entries: Vec<(String, u64)>,
    /// Linear-probing table, a power of two long and at most half full: 0 for an empty
    /// slot, else the key's [`hash`] in the high 32 bits and its entry's index + 1 in the
    /// low 32 bits.
    slots: Vec<u64>,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The Fx hash of `key`, its high (best mixed) 32 bits.
fn hash(key: &str) -> u32 {
    let add = |h: u64, w: [u8; 8]| (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(SEED);
    let mut h = 0;
    let mut chunks = key.as_bytes().chunks_exact(8);
    // (Copies without `copy_from_slice`, whose length check brings a panic path.)
    for c in &mut chunks {
        h = add(h, c.try_into().unwrap_or_default());
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0; 8];
        for (to, &b) in w.iter_mut().zip(rest) {
            *to = b;
        }
        h = add(h, w);
    }
    (h >> 32) as u32
}

impl TextMap {
    /// The entry of `key` (hashed `h`), or the empty slot where it would go.
    fn find(&self, key: &str, h: u32) -> Result<usize, usize> {
        // (Slices, not `Vec`s, indexed: the native build does not inline `Vec`'s `Index`.)
        let (slots, entries) = (&self.slots[..], &self.entries[..]);
        if slots.is_empty() {
            return Err(0);
        }
        let mask = slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let slot = slots[i];
            if slot == 0 {
                return Err(i);
            }
            let e = (slot as u32 - 1) as usize;
            if (slot >> 32) as u32 == h && entries[e].0 == key {
                return Ok(e);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<u64> {
        let e = self.find(key, hash(key)).ok()?;
        self.entries.get(e).map(|&(_, value)| value)
    }

    /// Whether `key` is in the map.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value`.
    pub fn insert(&mut self, key: String, value: u64) {
        self.reserve(1);
        let h = hash(&key);
        match self.find(&key, h) {
            Ok(e) => {
                if let Some((_, old)) = self.entries.get_mut(e) {
                    *old = value;
                }
            }
            Err(i) => {
                // The entry's index + 1 has the low 32 bits: no build holds 2^32 keys.
                debug_assert!(self.entries.len() < u32::MAX as usize);
                self.slots[i] = (h as u64) << 32 | (self.entries.len() as u64 + 1);
                self.entries.push((key, value));
            }
        }
    }

    /// Makes room for `additional` more keys without growing the table.
    pub fn reserve(&mut self, additional: usize) {
        let needed = (self.entries.len() + additional) * 2;
        if needed <= self.slots.len() {
            return;
        }
        self.entries.reserve(additional);
        let mut slots = vec![0u64; needed.next_power_of_two().max(16)];
        let mask = slots.len() - 1;
        for &slot in &self.slots {
            if slot != 0 {
                let mut i = (slot >> 32) as usize & mask;
                while slots[i] != 0 {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_key_through_growth() {
        let mut map = TextMap::default();
        assert_eq!(map.get(""), None);
        assert!(!map.contains_key("a"));
        let key = |i: u64| {
            let mut k = String::new();
            crate::feed::push_int(&mut k, i as i64);
            k.push_str(&"x".repeat(i as usize % 11));
            k
        };
        for i in 0..5000 {
            assert_eq!(map.get(&key(i)), None);
            map.insert(key(i), i);
        }
        map.insert(String::new(), 7);
        map.insert(key(42), 1);
        for i in 0..5000 {
            let want = if i == 42 { 1 } else { i };
            assert_eq!(map.get(&key(i)), Some(want));
        }
        assert_eq!(map.get(""), Some(7));
        assert!(!map.contains_key("5000"));
        map.reserve(100_000);
        assert!(map.contains_key(&key(4999)));
    }
}

/// The table against std's `HashMap` as the reference, over random inserts, lookups and
/// reservations with keys from a small alphabet (so that inserts often hit existing keys).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::TextMap;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[derive(Clone, Debug)]
    enum Op {
        Insert(String, u64),
        Get(String),
        Reserve(usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        let key = "[ab\u{e9}]{0,10}";
        prop_oneof![
            4 => (key, any::<u64>()).prop_map(|(k, v)| Op::Insert(k, v)),
            3 => key.prop_map(Op::Get),
            1 => (0usize..300).prop_map(Op::Reserve),
        ]
    }

    proptest! {
        #[test]
        fn behaves_like_std_hashmap(ops in prop::collection::vec(op(), 0..400)) {
            let (mut map, mut reference) = (TextMap::default(), HashMap::new());
            for op in ops {
                match op {
                    Op::Insert(k, v) => {
                        map.insert(k.clone(), v);
                        reference.insert(k, v);
                    }
                    Op::Get(k) => {
                        prop_assert_eq!(map.get(&k), reference.get(&k).copied());
                        prop_assert_eq!(map.contains_key(&k), reference.contains_key(&k));
                    }
                    Op::Reserve(n) => map.reserve(n),
                }
            }
            for (k, v) in &reference {
                prop_assert_eq!(map.get(k), Some(*v));
            }
        }
    }
}
