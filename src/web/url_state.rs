//! The widget's state in the URL hash, so a link reproduces a view and the back button
//! works. Each widget owns the hash parameters that start with its key and a dot
//! (`#ms.day=2&ms.type=W,O&ms.open=slug`) and leaves every other parameter alone, so two
//! widgets keep separate state. Values are type codes, numbers and slugs, never
//! translated names; the visitor's own position is never written.

/// Calls `each` with this widget's `(name, value)` pairs in `hash`, decoded, in order;
/// whether there was any.
pub fn read(hash: &str, key: &str, mut each: impl FnMut(String, String)) -> bool {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut any = false;
    for p in hash.split('&') {
        let pair = p.split_once('=').and_then(|(k, v)| {
            let name = k.strip_prefix(key)?.strip_prefix('.')?;
            Some((decode(name)?, decode(v)?))
        });
        if let Some((name, value)) = pair {
            any = true;
            each(name, value);
        }
    }
    any
}

/// `hash` without this widget's parameters, as `#` and the others; [`push`] then appends
/// this widget's.
pub fn others(hash: &str, key: &str) -> String {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut out = String::from("#");
    for p in hash.split('&').filter(|p| !p.is_empty()) {
        let k = p.split_once('=').map_or(p, |x| x.0);
        if k.strip_prefix(key).is_some_and(|r| r.starts_with('.')) {
            continue;
        }
        separate(&mut out);
        out.push_str(p);
    }
    out
}

/// Appends this widget's parameter `name` to a hash made by [`others`] (nothing when `value`
/// is empty).
pub fn push(out: &mut String, key: &str, name: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    separate(out);
    out.push_str(key);
    out.push('.');
    out.push_str(name);
    out.push('=');
    encode(out, value, b"-_.~,");
}

/// Appends `&` unless the hash is still empty (`#`).
fn separate(out: &mut String) {
    if out.len() > 1 {
        out.push('&');
    }
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
    // The feed parser's check: `core::str::from_utf8` is large in the wasm build.
    crate::feed::json::utf8_string(out).ok()
}
