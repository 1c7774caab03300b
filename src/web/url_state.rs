//! The widget's state in the URL hash, so a link reproduces a view and the back button
//! works. Each widget owns the hash parameters that start with its key and a dot
//! (`#ms.day=2&ms.type=W,O&ms.open=slug`) and leaves every other parameter alone, so two
//! widgets keep separate state. Values are type codes, numbers and slugs, never
//! translated names; the visitor's own position is never written.

/// This widget's `(name, value)` pairs in `hash`, decoded.
pub fn read(hash: &str, key: &str) -> Vec<(String, String)> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut out = Vec::new();
    for p in hash.split('&') {
        let pair = p.split_once('=').and_then(|(k, v)| {
            let name = k.strip_prefix(key)?.strip_prefix('.')?;
            Some((decode(name)?, decode(v)?))
        });
        out.extend(pair);
    }
    out
}

/// `hash` with this widget's parameters replaced by `pairs` (empty values left out).
pub fn write(hash: &str, key: &str, pairs: &[(&str, String)]) -> String {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut out = String::from("#");
    let sep = |out: &mut String| {
        if out.len() > 1 {
            out.push('&');
        }
    };
    for p in hash.split('&').filter(|p| !p.is_empty()) {
        let k = p.split_once('=').map_or(p, |x| x.0);
        if k.strip_prefix(key).is_some_and(|r| r.starts_with('.')) {
            continue;
        }
        sep(&mut out);
        out.push_str(p);
    }
    for (name, value) in pairs.iter().filter(|p| !p.1.is_empty()) {
        sep(&mut out);
        out.push_str(key);
        out.push('.');
        out.push_str(name);
        out.push('=');
        encode(&mut out, value, b"-_.~,");
    }
    out
}

/// Percent-encodes the UTF-8 of `s` but letters, digits and `keep`: the hash keeps `-_.~`
/// and the `,` list separator; `-_.!~*'()` is what `encodeURIComponent` keeps.
pub fn encode(out: &mut String, s: &str, keep: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
}

/// Decodes `%XX` escapes (and `+` as a space); `None` when the result is not UTF-8.
fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let v = hex(b[i + 1]).zip(hex(b[i + 2]))?;
                out.push((v.0 * 16 + v.1) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
