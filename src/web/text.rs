//! Small text builders that avoid `format!` and float formatting (they cost kilobytes
//! of wasm): integers, `HH:MM`, plain integer parsing, and tables written as one string.

/// Appends `n` in decimal.
pub fn push_u32(out: &mut String, n: u32) {
    crate::feed::push_int(out, n.into());
}

/// Appends `minute` (after midnight) as `HH:MM`, with `sep` between hours and minutes.
pub fn push_hhmm(out: &mut String, minute: u16, sep: &str) {
    push_2(out, minute / 60);
    out.push_str(sep);
    push_2(out, minute % 60);
}

/// Appends `v` (below 100) as two digits.
fn push_2(out: &mut String, v: u16) {
    out.push((b'0' + (v / 10) as u8) as char);
    out.push((b'0' + (v % 10) as u8) as char);
}

/// `n` in decimal, as a new string.
pub fn u32_text(n: u32) -> String {
    let mut s = String::new();
    push_u32(&mut s, n);
    s
}

/// Parses a plain unsigned decimal integer (no sign, no spaces).
pub fn parse_u32(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.bytes().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// The line of `table` (a table written as one string, an entry a line) that equals `name`,
/// counted from 0.
pub fn line_index(table: &str, name: &str) -> Option<usize> {
    (0..lines(table)).position(|i| line(table, i) == name)
}

/// Line `n` of `text` (counted from 0; empty when it has fewer lines). A plain scan: `split`
/// and `nth` bring their own searcher code.
pub fn line(text: &str, n: usize) -> &str {
    let (mut from, mut n) = (0, n);
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            if n == 0 {
                return text.get(from..i).unwrap_or_default();
            }
            n -= 1;
            from = i + 1;
        }
    }
    if n == 0 {
        text.get(from..text.len()).unwrap_or_default()
    } else {
        ""
    }
}

/// How many lines `text` holds (one more than its `\n`s), for tables written as one string.
pub const fn lines(text: &str) -> usize {
    let (b, mut i, mut n) = (text.as_bytes(), 0, 1);
    while i < b.len() {
        n += (b[i] == b'\n') as usize;
        i += 1;
    }
    n
}
