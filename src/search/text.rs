//! Text folding for word search: case- and accent-insensitive, without Unicode tables.
//!
//! [`fold_char`] lower-cases ASCII and maps the letters of Latin-1 and Latin Extended-A
//! (`À`…`ſ`) to their base letters (`é` → `e`, `Ł` → `l`, `ß` → `ss`, `Æ` → `ae`). Other
//! scripts are kept as they are (a small table instead of `char::to_lowercase`, which costs
//! ~11 KB of tables in WebAssembly). Words are runs of anything but ASCII punctuation and
//! spaces, Latin-1 punctuation and the Unicode general and CJK punctuation blocks;
//! apostrophes are dropped inside a word, so `Mark's` is the word `marks`.

/// Base letters for U+00C0..=U+017F, one byte per code point. Upper-case bytes stand for
/// two letters (`A` = ae, `T` = th, `S` = ss, `I` = ij, `O` = oe); `*` marks × and ÷,
/// which separate words.
const LATIN: &[u8; 192] = b"\
aaaaaaAceeeeiiii\
dnooooo*ouuuuyTS\
aaaaaaAceeeeiiii\
dnooooo*ouuuuyTy\
aaaaaaccccccccdd\
ddeeeeeeeeeegggg\
gggghhhhiiiiiiii\
iiIIjjkkklllllll\
lllnnnnnnnnnoooo\
ooOOrrrrrrssssss\
ssttttttuuuuuuuu\
uuuuwwyyyzzzzzzs";

/// One folded character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folded {
    /// Not part of a word.
    Separator,
    /// Dropped inside a word (an apostrophe).
    Dropped,
    /// One character.
    One(char),
    /// Two characters (`ß` → `ss`).
    Two(char, char),
}

/// Folds one character (see the module doc).
pub fn fold_char(c: char) -> Folded {
    match c {
        '\'' | '\u{2019}' | '\u{02BC}' => Folded::Dropped,
        'A'..='Z' => Folded::One(c.to_ascii_lowercase()),
        'a'..='z' | '0'..='9' => Folded::One(c),
        '\0'..='\u{BF}' => Folded::Separator,
        '\u{C0}'..='\u{17F}' => match LATIN[c as usize - 0xC0] {
            b'*' => Folded::Separator,
            b'A' => Folded::Two('a', 'e'),
            b'T' => Folded::Two('t', 'h'),
            b'S' => Folded::Two('s', 's'),
            b'I' => Folded::Two('i', 'j'),
            b'O' => Folded::Two('o', 'e'),
            b => Folded::One(b as char),
        },
        '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' => {
            Folded::Separator
        }
        _ => Folded::One(c),
    }
}

/// Calls `word` with each folded word of `text`, reusing `buf` for the word's characters.
pub fn for_each_word(text: &str, buf: &mut String, mut word: impl FnMut(&str)) {
    split_words(text, buf, &mut word);
}

/// What [`split_words`] passes each word to, as a trait object: this one's vtable holds
/// just the method, where an `FnMut`'s also holds `call_once`, a second copy of the
/// caller's closure in the wasm.
trait OnWord {
    /// Takes one folded word.
    fn word(&mut self, w: &str);
}

impl<F: FnMut(&str)> OnWord for F {
    fn word(&mut self, w: &str) {
        self(w);
    }
}

/// The body of [`for_each_word`], compiled once (not once per caller's closure).
///
/// Runs of ASCII letters and digits (most of a feed) are taken whole: a run that is a
/// whole word already in lower case is passed without copying; other characters go
/// through [`fold_char`] one at a time.
fn split_words(text: &str, buf: &mut String, word: &mut dyn OnWord) {
    buf.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() {
            let start = i;
            let mut upper = false;
            while let Some(&c) = bytes.get(i) {
                if !c.is_ascii_alphanumeric() {
                    break;
                }
                upper |= c.is_ascii_uppercase();
                i += 1;
            }
            // Both ends are ASCII, so this is always `Some` (`get` has no panic path).
            let Some(run) = text.get(start..i) else {
                break;
            };
            let ends = bytes.get(i).is_none_or(|&c| c < 0x80 && c != b'\'');
            if ends && buf.is_empty() && !upper {
                word.word(run);
                continue;
            }
            let from = buf.len();
            buf.push_str(run);
            if upper {
                if let Some(added) = buf.get_mut(from..) {
                    added.make_ascii_lowercase();
                }
            }
            if ends {
                word.word(buf);
                buf.clear();
            }
            continue;
        }
        let folded = if b < 0x80 {
            i += 1;
            fold_char(b as char)
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            fold_char(c)
        };
        match folded {
            Folded::Separator => {
                if !buf.is_empty() {
                    word.word(buf);
                    buf.clear();
                }
            }
            Folded::Dropped => {}
            Folded::One(a) => buf.push(a),
            Folded::Two(a, b) => {
                buf.push(a);
                buf.push(b);
            }
        }
    }
    if !buf.is_empty() {
        word.word(buf);
        buf.clear();
    }
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_word(text, &mut buf, |w| out.push(w.into()));
    out
}

/// Whether `needle` occurs in `haystack`, as `str::contains` with a `&str` needle says,
/// compared byte by byte: without the standard library's two-way searcher (~3 KB of
/// WebAssembly, and the string-slicing panic path it brings). Meant for short texts.
pub fn contains(haystack: &str, needle: &str) -> bool {
    needle.is_empty()
        || haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// Appends `parts` to `out` with `sep` between them: one loop for every joined text (std's
/// `join` brings a generic copy routine of its own into the wasm).
pub fn push_joined<'a>(out: &mut String, parts: impl IntoIterator<Item = &'a str>, sep: &str) {
    let mut parts = parts.into_iter();
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        out.push_str(sep);
        out.push_str(part);
    }
}

/// `text` folded whole: its words joined by single spaces (`"  Ardmore,  PA"` → `"ardmore pa"`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, &mut String::new());
    out
}

/// Appends `text` folded (as [`fold`] gives it) to `out`, reusing `buf`: many texts folded
/// into one string, without an allocation each.
pub(crate) fn fold_into(text: &str, out: &mut String, buf: &mut String) {
    let start = out.len();
    for_each_word(text, buf, |w| {
        if out.len() > start {
            out.push(' ');
        }
        out.push_str(w);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_like_std_join() {
        for parts in [&[][..], &["a"][..], &["a", "", "bc"][..]] {
            let mut out = String::from("x");
            push_joined(&mut out, parts.iter().copied(), " > ");
            assert_eq!(out, format!("x{}", parts.join(" > ")));
        }
    }

    #[test]
    fn contains_agrees_with_str_contains() {
        let texts = ["", "a", "Ardmore, PA", "Café Crème", "ééé", "abcabd", "aab"];
        for hay in texts {
            for needle in texts
                .iter()
                .chain(&["é", "c", "abd", "aab", "PA", "x", "ab", "Cr"])
            {
                assert_eq!(
                    contains(hay, needle),
                    hay.contains(needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Café Crème"), "cafe creme");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łódź ŒUVRE Æble þing"), "lodz oeuvre aeble thing");
        assert_eq!(fold("Ÿ ÿ ž Ž ſ"), "y y z z s");
        assert_eq!(
            fold("Ā ā Ě Ğ Ħ İ ı Ĳ Ŀ Ň ŉ Ŋ Ő Ř Ş Ţ Ŧ Ů Ŵ Ŷ Ź"),
            "a a e g h i i ij l n n n o r s t t u w y z"
        );
    }

    #[test]
    fn splits_words_and_drops_apostrophes() {
        assert_eq!(
            words("St. Mark's Church, 12&12"),
            ["st", "marks", "church", "12", "12"]
        );
        assert_eq!(words("a×b — c\u{3000}d"), ["a", "b", "c", "d"]);
        assert_eq!(words("日本語"), ["日本語"]);
        assert_eq!(words("  "), Vec::<String>::new());
    }

    #[test]
    fn ascii_fast_path_matches_fold_char() {
        for b in 0u8..0x80 {
            let c = b as char;
            let expected: Vec<String> = match fold_char(c) {
                Folded::Separator => vec!["x".into(), "y".into()],
                Folded::Dropped => vec!["xy".into()],
                Folded::One(a) => vec![format!("x{a}y")],
                Folded::Two(a, b) => vec![format!("x{a}{b}y")],
            };
            assert_eq!(words(&format!("x{c}y")), expected, "byte {b}");
        }
    }

    // proptest is a native dev-dependency (the wasm32 test build has none).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;

        /// The words of `text` by [`fold_char`] alone, one character at a time.
        fn reference_words(text: &str) -> Vec<String> {
            let mut out = Vec::new();
            let mut w = String::new();
            for c in text.chars() {
                match fold_char(c) {
                    Folded::Separator => {
                        if !w.is_empty() {
                            out.push(std::mem::take(&mut w));
                        }
                    }
                    Folded::Dropped => {}
                    Folded::One(a) => w.push(a),
                    Folded::Two(a, b) => {
                        w.push(a);
                        w.push(b);
                    }
                }
            }
            if !w.is_empty() {
                out.push(w);
            }
            out
        }

        proptest::proptest! {
            #[test]
            fn words_match_the_character_reference(text in "[a-cA-C0-9' .,\u{e9}\u{c6}\u{2019}\u{3000}\u{65e5}-]{0,24}") {
                proptest::prop_assert_eq!(words(&text), reference_words(&text));
            }

            #[test]
            fn words_match_the_reference_on_any_text(text in "\\PC{0,40}") {
                proptest::prop_assert_eq!(words(&text), reference_words(&text));
            }
        }
    }

    #[test]
    fn every_latin_letter_folds_to_ascii() {
        for cp in 0xC0u32..=0x17F {
            let c = char::from_u32(cp).unwrap();
            match fold_char(c) {
                Folded::One(a) => assert!(a.is_ascii_lowercase(), "{c} → {a}"),
                Folded::Two(a, b) => assert!(a.is_ascii_lowercase() && b.is_ascii_lowercase()),
                Folded::Separator => assert!(c == '×' || c == '÷'),
                Folded::Dropped => panic!("{c}"),
            }
        }
    }
}
