//! Fixed-size bitsets over the index's rows, as plain `u64` words.

/// Words needed for `bits` bits.
pub fn words_for(bits: usize) -> usize {
    bits.div_ceil(64)
}

/// Sets bit `i`.
pub fn set(words: &mut [u64], i: usize) {
    words[i / 64] |= 1 << (i % 64);
}

/// Word `i` of `bits`, 0 past the end: no panic path (a bounds check brings a call and a
/// 16-byte source location into the wasm at each place it is made).
pub fn word(bits: &[u64], i: usize) -> u64 {
    bits.get(i).copied().unwrap_or(0)
}

/// Makes `buf` `len` zero words, reusing its allocation when it has that length already
/// (the scratch buffers always have the index's; `resize` would bring a generic fill
/// routine of its own into the wasm).
pub fn clear(buf: &mut Vec<u64>, len: usize) {
    if buf.len() == len {
        buf.fill(0);
    } else {
        *buf = vec![0; len];
    }
}

/// Calls `f` with the index of every set bit of `word`, word number `i`, in order.
pub fn for_each_bit(i: usize, mut word: u64, mut f: impl FnMut(usize)) {
    while word != 0 {
        let b = word.trailing_zeros() as usize;
        f(i * 64 + b);
        word &= word - 1;
    }
}

/// Number of set bits in `a & b`.
pub fn and_count(a: &[u64], b: &[u64]) -> u32 {
    let mut n = 0;
    for (x, y) in a.iter().zip(b) {
        n += (x & y).count_ones();
    }
    n
}
