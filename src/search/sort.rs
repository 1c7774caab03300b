//! The crate's sorting, through two small functions of its own instead of the standard
//! library's sort, which compiles to one 2–3.5 KB copy of WebAssembly per element type and
//! comparison closure: [`sort_keys`] sorts packed integer keys (an insertion sort for
//! short slices, a radix sort above, so linear whatever the input), and [`order_by`] orders
//! indices through a comparison passed as a trait object (a stable merge sort, so no
//! tie-break is needed). Code elsewhere in the crate that sorts (the widget, the feed
//! reader) uses them too and adds no copy.

use std::cmp::Ordering;

/// Sorts packed integer keys in ascending order.
pub(crate) fn sort_keys(keys: &mut [u64]) {
    if keys.len() <= RADIX_FROM {
        // Insertion sort: short slices (a query's words, a small place's coordinates).
        for i in 1..keys.len() {
            let key = keys[i];
            let mut j = i;
            while j > 0 && keys[j - 1] > key {
                keys[j] = keys[j - 1];
                j -= 1;
            }
            keys[j] = key;
        }
        return;
    }
    // Least significant byte first, each pass stable; a byte every key shares is skipped.
    let first = keys[0];
    let differ = keys.iter().fold(0, |d, &k| d | (k ^ first));
    let mut buf = vec![0u64; keys.len()];
    let mut in_buf = false;
    for shift in (0..64).step_by(8) {
        if (differ >> shift) & 255 == 0 {
            continue;
        }
        let (from, to) = if in_buf {
            (&buf[..], &mut keys[..])
        } else {
            (&keys[..], &mut buf[..])
        };
        let mut starts = [0usize; 256];
        for &k in from {
            starts[(k >> shift) as usize & 255] += 1;
        }
        let mut sum = 0;
        for s in starts.iter_mut() {
            let n = *s;
            *s = sum;
            sum += n;
        }
        for &k in from {
            let d = (k >> shift) as usize & 255;
            to[starts[d]] = k;
            starts[d] += 1;
        }
        in_buf = !in_buf;
    }
    if in_buf {
        // (A loop: `copy_from_slice`'s length check brings a panic path.)
        for (k, &b) in keys.iter_mut().zip(&buf) {
            *k = b;
        }
    }
}

/// Up to this many keys [`sort_keys`] uses an insertion sort (quadratic, so kept short),
/// above it a radix sort (linear whatever the input).
const RADIX_FROM: usize = 96;

/// The indices `0..n` in the order `cmp` gives them, equal ones by index (so the order a
/// stable sort would give).
#[inline(always)]
pub(crate) fn order_by<F: FnMut(usize, usize) -> Ordering>(n: usize, cmp: &mut F) -> Vec<u32> {
    order_by_dyn(n, cmp)
}

/// A comparison of two indices, what [`order_by`] passes on as a trait object: this one's
/// vtable holds just the method, where an `FnMut`'s also holds `call_once`, a second copy
/// of every comparison closure in the wasm.
trait Compare {
    /// How item `a` compares with item `b`.
    fn compare(&mut self, a: usize, b: usize) -> Ordering;
}

impl<F: FnMut(usize, usize) -> Ordering> Compare for F {
    fn compare(&mut self, a: usize, b: usize) -> Ordering {
        self(a, b)
    }
}

/// [`order_by`], once for every comparison.
fn order_by_dyn(n: usize, cmp: &mut dyn Compare) -> Vec<u32> {
    let mut order = vec![0u32; n];
    for (i, o) in order.iter_mut().enumerate() {
        *o = i as u32;
    }
    // Bottom-up merge sort: runs of `width` merged pairwise into `buf`, then swapped.
    let mut buf = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut buf[start..end] {
                // The left run wins ties: equal items keep their order.
                let take_right = j < end
                    && (i == mid
                        || cmp.compare(order[j] as usize, order[i] as usize) == Ordering::Less);
                if take_right {
                    *slot = order[j];
                    j += 1;
                } else {
                    *slot = order[i];
                    i += 1;
                }
            }
            start = end;
        }
        (order, buf) = (buf, order);
        width *= 2;
    }
    order
}

/// The items of keys `lo..hi` of a grouping made by [`group`] (`start`, `items`), key by
/// key; none when the keys are out of range. Read with `get`: no panic path, which costs a
/// call and a 16-byte location per check in the wasm.
pub(crate) fn grouped<'a>(start: &[u32], items: &'a [u32], lo: usize, hi: usize) -> &'a [u32] {
    match (start.get(lo), start.get(hi)) {
        (Some(&s), Some(&e)) => items.get(s as usize..e as usize),
        _ => None,
    }
    .unwrap_or_default()
}

/// Groups positions by key, by counting: returns `(start, items)` where the items of key
/// `k` (< `groups`) are `items[start[k]..start[k + 1]]`, in position order. The item of
/// position `j` is `j`, or, when `owners` is not empty, the owner `o` whose range
/// `owners[o]..owners[o + 1]` holds `j` (`owners` ascending, ending at `keys.len()`).
pub(crate) fn group(keys: &[u32], groups: usize, owners: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut start = vec![0u32; groups + 1];
    let mut items = vec![0u32; keys.len()];
    // (Slices, not `Vec`s, indexed: the native build does not inline `Vec`'s `Index`.)
    let (s, out) = (&mut start[..], &mut items[..]);
    // Counted and summed: `s[k]` is where key `k`'s items end ...
    for &k in keys {
        s[k as usize] += 1;
    }
    for i in 1..s.len() {
        s[i] += s[i - 1];
    }
    // ... then, filled back to front, where they start (no second array of ends).
    // `owner` is how many of `owners[1..]` are at most `j`: the owner of `j`.
    let mut owner = owners.len().saturating_sub(2);
    for (j, &k) in keys.iter().enumerate().rev() {
        while owner > 0 && owners[owner] as usize > j {
            owner -= 1;
        }
        let item = if owners.is_empty() { j } else { owner };
        s[k as usize] -= 1;
        out[s[k as usize] as usize] = item as u32;
    }
    (start, items)
}

/// A key whose unsigned order is the order of `f64::total_cmp`.
pub(crate) fn f64_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The inverse of [`f64_key`].
pub(crate) fn f64_from_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_follow_total_order() {
        let mut xs = [
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            1.5,
            -1.5,
            1e-310,
            -1e-310,
            40.0,
        ];
        xs.sort_unstable_by(f64::total_cmp);
        let mut keys: Vec<u64> = xs.iter().map(|&x| f64_key(x)).collect();
        let sorted = keys.clone();
        sort_keys(&mut keys);
        assert_eq!(keys, sorted);
        for &x in &xs {
            assert_eq!(f64_from_key(f64_key(x)).to_bits(), x.to_bits());
        }
    }

    #[test]
    fn keys_sort_like_the_std_sort() {
        let mut seed = 11u64;
        for n in [0, 1, 2, 16, 17, 40, 64, 65, 100, 3000] {
            for mask in [u64::MAX, 0xFFFF, 0xF0F0_0000_0000_00FF, 7, 0] {
                let mut keys: Vec<u64> = (0..n)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1_442_695_040_888_963_407);
                        seed & mask
                    })
                    .collect();
                let mut want = keys.clone();
                want.sort_unstable();
                sort_keys(&mut keys);
                assert_eq!(keys, want, "n = {n}, mask = {mask:x}");
                let mut sorted = want.clone();
                sort_keys(&mut sorted);
                assert_eq!(sorted, want, "sorted, n = {n}");
                sorted.reverse();
                sort_keys(&mut sorted);
                assert_eq!(sorted, want, "reversed, n = {n}");
            }
        }
    }

    #[test]
    fn order_matches_a_stable_sort() {
        let mut seed = 7u32;
        for n in [0, 1, 2, 3, 5, 8, 13, 64, 100, 1000] {
            let v: Vec<u32> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (seed >> 16) % 17
                })
                .collect();
            let mut want: Vec<u32> = (0..n as u32).collect();
            want.sort_by_key(|&i| v[i as usize]);
            assert_eq!(
                order_by(v.len(), &mut |a, b| v[a].cmp(&v[b])),
                want,
                "n = {n}"
            );
        }
    }

    #[test]
    fn groups_positions_by_key() {
        let keys = [2, 0, 2, 1, 2];
        assert_eq!(
            group(&keys, 4, &[]),
            (vec![0, 1, 2, 5, 5], vec![1, 3, 0, 2, 4])
        );
        // Owners 0: 0..2, 1: 2..2, 2: 2..5.
        assert_eq!(
            group(&keys, 4, &[0, 2, 2, 5]),
            (vec![0, 1, 2, 5, 5], vec![0, 2, 0, 2, 2])
        );
    }

    #[test]
    fn groups_as_a_scan_per_key_does() {
        let mut seed = 11u32;
        let mut next = |m: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) % m
        };
        for n in [0usize, 1, 2, 7, 40] {
            for groups in [1usize, 3, 9] {
                let keys: Vec<u32> = (0..n).map(|_| next(groups as u32)).collect();
                // Owners' ranges: ascending cuts from 0 to `n`, some empty.
                let mut owners = vec![0u32];
                while *owners.last().unwrap() < n as u32 {
                    let last = *owners.last().unwrap();
                    owners.push((last + next(4)).min(n as u32));
                }
                owners.push(n as u32);
                for owners in [&[][..], &owners[..]] {
                    let owner_of = |j: usize| {
                        if owners.is_empty() {
                            return j as u32;
                        }
                        (0..owners.len() - 1)
                            .find(|&o| owners[o] as usize <= j && j < owners[o + 1] as usize)
                            .unwrap() as u32
                    };
                    let mut want = (vec![0u32], Vec::new());
                    for g in 0..groups as u32 {
                        for (j, &k) in keys.iter().enumerate() {
                            if k == g {
                                want.1.push(owner_of(j));
                            }
                        }
                        want.0.push(want.1.len() as u32);
                    }
                    assert_eq!(group(&keys, groups, owners), want, "{keys:?} {owners:?}");
                }
            }
        }
    }

    #[test]
    fn order_is_stable() {
        let v = [3, 1, 3, 2, 1];
        let order = order_by(v.len(), &mut |a, b| v[a].cmp(&v[b]));
        assert_eq!(order, [1, 4, 3, 0, 2]);
    }
}
