//! The crate's sorting, through two functions so that the compiled code holds two copies
//! of the standard library's sort instead of one per comparison closure (each copy is
//! 2–3.5 KB of WebAssembly): [`sort_keys`] sorts packed integer keys, and [`order_by`]
//! orders indices through a comparison passed as a trait object. Code elsewhere in the
//! crate that sorts (the widget, the feed reader) can use them too and add no copy.

use std::cmp::Ordering;

/// Sorts packed integer keys in ascending order.
pub(crate) fn sort_keys(keys: &mut [u64]) {
    keys.sort_unstable();
}

/// The indices `0..n` in the order `cmp` gives them, equal ones by index (so the order a
/// stable sort would give).
pub(crate) fn order_by(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_unstable_by(|&a, &b| cmp(a as usize, b as usize).then(a.cmp(&b)));
    order
}

/// `items` rearranged so that the `i`-th is the one at `order[i]` (`order` a permutation).
pub(crate) fn permute<T>(items: Vec<T>, order: &[u32]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots[i as usize].take())
        .collect()
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
    fn order_is_stable() {
        let v = [3, 1, 3, 2, 1];
        let order = order_by(v.len(), &mut |a, b| v[a].cmp(&v[b]));
        assert_eq!(order, [1, 4, 3, 0, 2]);
        assert_eq!(permute(v.to_vec(), &order), [1, 1, 2, 3, 3]);
    }
}
