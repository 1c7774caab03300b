//! Plain text from the HTML that feeds put in their text fields: tags removed (`<br>`
//! and paragraph ends become line breaks), entities decoded (`&amp;`, `&#39;`,
//! `&nbsp;`, …), surrounding whitespace trimmed, whitespace-only text made empty.

/// Text made plain, and whether any HTML had to be removed or decoded for it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Plain {
    /// The plain text.
    pub(crate) text: String,
    /// Whether tags or entities were found.
    pub(crate) had_html: bool,
}

use super::lenient::{trim, word_number};

/// Whether a byte starts markup: `<` or `&`.
fn is_markup(b: &u8) -> bool {
    matches!(b, b'<' | b'&')
}

/// Turns a feed's text into plain text.
pub(crate) fn plain(s: &str) -> Plain {
    let trimmed = trim(s);
    // The common case, text with no markup, is one byte scan and one copy.
    if !trimmed.as_bytes().iter().any(is_markup) {
        return Plain {
            text: trimmed.to_owned(),
            had_html: false,
        };
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut had_html = false;
    let mut rest = trimmed;
    // Every cut below is next to an ASCII byte (`<`, `>`, `&`, `;`), so `get` always
    // succeeds: it is used for having no panic path.
    while let Some(at) = rest.as_bytes().iter().position(is_markup) {
        let (Some(before), Some(markup)) = (rest.get(..at), rest.get(at..)) else {
            break;
        };
        out.push_str(before);
        rest = markup;
        if let Some(b'<') = rest.as_bytes().first() {
            match tag(rest) {
                Some((len, breaks)) => {
                    had_html = true;
                    if breaks && !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    rest = rest.get(len..).unwrap_or_default();
                }
                None => {
                    out.push('<');
                    rest = rest.get(1..).unwrap_or_default();
                }
            }
        } else {
            match entity(rest) {
                Some((len, c)) => {
                    had_html = true;
                    out.push(c);
                    rest = rest.get(len..).unwrap_or_default();
                }
                None => {
                    out.push('&');
                    rest = rest.get(1..).unwrap_or_default();
                }
            }
        }
    }
    out.push_str(rest);
    // Lines made by <br> keep no stray spaces at their ends.
    if out.as_bytes().contains(&b'\n') {
        let mut joined = String::with_capacity(out.len());
        for line in out.split('\n') {
            if !joined.is_empty() {
                joined.push('\n');
            }
            joined.push_str(trim_blanks(line));
        }
        out = joined;
    }
    Plain {
        text: trim(&out).to_owned(),
        had_html,
    }
}

/// `s` without spaces, tabs and carriage returns at either end (a byte loop: a pattern of
/// `char`s brings its own searcher into the wasm build).
fn trim_blanks(s: &str) -> &str {
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r');
    let bytes = s.as_bytes();
    let start = bytes.iter().position(|b| !blank(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !blank(b))
        .map_or(start, |at| at + 1);
    s.get(start..end).unwrap_or_default()
}

/// A tag at the start of `s`: its length and whether it breaks the line.
fn tag(s: &str) -> Option<(usize, bool)> {
    let bytes = s.as_bytes();
    let next = *bytes.get(1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let end = bytes.iter().position(|&b| b == b'>')?;
    let name_start = if next == b'/' { 2 } else { 1 };
    let name = s.get(name_start..end)?;
    // Up to the first byte that is not an ASCII letter or digit (a character boundary).
    let name_end = name
        .as_bytes()
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let name = name.get(..name_end).unwrap_or_default();
    let breaks = word_number("br p div li tr h1 h2 h3 h4 ", name, true).is_some();
    Some((end + 1, breaks))
}

/// An entity at the start of `s`: its length and the character it stands for.
fn entity(s: &str) -> Option<(usize, char)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = s.get(1..end)?;
    let c = if let Some(num) = body.strip_prefix('#') {
        // `&#x27;` in hexadecimal, `&#39;` in decimal.
        let (digits, radix) = match num.as_bytes().first() {
            Some(b'x' | b'X') => (num.get(1..)?, 16),
            _ => (num, 10),
        };
        match char::from_u32(code_point(digits, radix)?)? {
            '\u{a0}' => ' ',
            c => c,
        }
    } else {
        *ENTITY_CHARS.get(word_number(ENTITY_NAMES, body, false)?)?
    };
    Some((end + 1, c))
}

/// `digits` read in `radix` (10 or 16) exactly as `u32::from_str_radix` reads them (an
/// optional `+`, at least one digit, no overflow), without its code for every radix and
/// sign in the wasm build.
fn code_point(digits: &str, radix: u32) -> Option<u32> {
    let digits = match digits.as_bytes() {
        [b'+', rest @ ..] if !rest.is_empty() => rest,
        all => all,
    };
    if digits.is_empty() {
        return None;
    }
    let mut n = 0u32;
    for &b in digits {
        let digit = char::from(b).to_digit(radix)?;
        n = n.checked_mul(radix)?.checked_add(digit)?;
    }
    Some(n)
}

/// The named entities decoded, each followed by a space (a text: a table of `&str`
/// takes 8 bytes of pointers a name in the wasm) ...
const ENTITY_NAMES: &str = "amp lt gt quot apos nbsp ndash mdash rsquo lsquo rdquo ldquo hellip ";

/// ... and the characters they stand for, in the same order.
const ENTITY_CHARS: [char; 13] = [
    '&', '<', '>', '"', '\'', ' ', '–', '—', '’', '‘', '”', '“', '…',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text() {
        let p = plain("  Hall open <br> other days &amp; more &#39;x&#x27; &nbsp;y ");
        assert_eq!(p.text, "Hall open\nother days & more 'x' \u{20}y");
        assert!(p.had_html);
        assert_eq!(plain("\t\t   ").text, "");
        assert_eq!(plain("a < b & c").text, "a < b & c");
        assert!(!plain("a < b & c").had_html);
        assert_eq!(plain("<p>One</p><p>Two</p>").text, "One\nTwo");
        assert_eq!(plain("&#99999999;").text, "&#99999999;");
        assert_eq!(plain("&ééééééééé;").text, "&ééééééééé;");
        assert_eq!(plain("<b>bold</b> text").text, "bold text");
        assert_eq!(plain("&#X41;&#x42;&#+67;&#x;&#xZ;").text, "ABC&#x;&#xZ;");
        assert_eq!(plain("a <BR/> b</p >c<é>").text, "a\nb\nc<é>");
    }

    #[test]
    fn names_every_entity() {
        let names: Vec<&str> = ENTITY_NAMES.split_terminator(' ').collect();
        assert_eq!(names.len(), ENTITY_CHARS.len());
        for (name, c) in names.iter().zip(ENTITY_CHARS) {
            assert_eq!(entity(&format!("&{name};")), Some((name.len() + 2, c)));
        }
        assert_eq!(entity("&;"), None);
        assert_eq!(entity("&amp lt;"), None);
    }

    #[test]
    fn reads_code_points_as_from_str_radix_does() {
        for digits in [
            "",
            "+",
            "-",
            "-1",
            "+0",
            "++1",
            "0",
            "39",
            "x27",
            "27",
            "fF",
            "Ag",
            "1_0",
            " 1",
            "4294967295",
            "4294967296",
            "FFFFFFFF",
            "100000000",
            "00000000000041",
            "é",
        ] {
            for radix in [10, 16] {
                assert_eq!(
                    code_point(digits, radix),
                    u32::from_str_radix(digits, radix).ok(),
                    "{digits:?} in {radix}"
                );
            }
        }
    }

    #[test]
    fn trims_blanks_as_trim_matches_does() {
        for s in [
            "",
            " ",
            "\t\r ",
            " a ",
            "\ta b\r",
            "\u{a0}x\u{a0}",
            " é ",
            "\nx\n",
        ] {
            assert_eq!(trim_blanks(s), s.trim_matches([' ', '\t', '\r']), "{s:?}");
        }
    }
}
