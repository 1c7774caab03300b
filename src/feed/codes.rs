//! Type codes: the ones any fellowship's table knows (to tell a typo from a code), and
//! their canonical spelling (`12x12` stays as the spec writes it, everything else is
//! upper case).

/// Every code the Meeting Guide spec (with its proposed codes and the legacy `ONL`),
/// Al-Anon, NA and BMLT's Meeting Guide map use, sorted by their upper-case form.
const KNOWN: [&str; 118] = [
    "11", "12x12", "A", "AA", "ABSI", "AC", "AF", "AL", "AL-AN", "AM", "AR", "ASL", "B", "BA",
    "BE", "BEG", "BG", "BI", "BRK", "BT", "BV-I", "C", "CAN", "CF", "CPT", "CW", "D", "D-HOH",
    "DA", "DB", "DD", "DE", "DISC", "DR", "EL", "EN", "FA", "FF", "FI", "FR", "G", "GL", "GR", "H",
    "HE", "HI", "HR", "HU", "IP", "IS", "ITA", "IW", "JA", "JFT", "KA", "KOR", "L", "LC", "LGBTQ",
    "LGBTQIA", "LIT", "LO-I", "LS", "LT", "M", "MED", "ML", "MT", "N", "NB", "NDG", "NE", "NL",
    "NO", "NS", "O", "ONL", "OUT", "P", "POA", "POC", "POL", "POR", "PUN", "QA", "QSL", "RA",
    "RSL", "RUS", "S", "SEN", "SK", "SL", "SM", "SMOK", "SP", "SPAD", "SPK", "ST", "STEP", "SV",
    "SWG", "T", "TC", "TH", "TL", "TOP", "TR", "TRAD", "TUR", "UK", "VAR", "W", "X", "XB", "XT",
    "Y", "YA",
];

/// The longest code [`KNOWN`] holds, in bytes.
const KNOWN_MAX_LEN: usize = 7;

/// [`KNOWN`] as [`known`] searches it: each code upper-cased and packed into a word
/// (see [`pack`]), in the same order, searched with word comparisons.
const PACKED: [u64; KNOWN.len()] = {
    let mut packed = [0; KNOWN.len()];
    let mut i = 0;
    while i < KNOWN.len() {
        packed[i] = pack(KNOWN[i].as_bytes());
        i += 1;
    }
    packed
};

/// A code of at most [`KNOWN_MAX_LEN`] bytes, upper-cased, as one word: its bytes from
/// the most significant down, then its length in the lowest byte. Words compare as the
/// upper-cased codes do, and two codes have the same word only when they are the same.
const fn pack(code: &[u8]) -> u64 {
    let mut word = 0;
    let mut i = 0;
    while i < KNOWN_MAX_LEN {
        word <<= 8;
        if i < code.len() {
            word |= code[i].to_ascii_uppercase() as u64;
        }
        i += 1;
    }
    word << 8 | code.len() as u64
}

/// [`pack`] at run time, for a code of at most [`KNOWN_MAX_LEN`] bytes: one pass that
/// upper-cases the bytes into place (the `const` loop is slower).
fn pack_upper(code: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    for (to, from) in bytes[..KNOWN_MAX_LEN].iter_mut().zip(code) {
        *to = from.to_ascii_uppercase();
    }
    bytes[7] = code.len() as u8;
    u64::from_be_bytes(bytes)
}

/// The canonical spelling of a type code: upper case, but `12x12` as the spec writes it.
pub(crate) fn canonical(code: &str) -> String {
    if code.eq_ignore_ascii_case("12x12") {
        return "12x12".to_owned();
    }
    code.to_ascii_uppercase()
}

/// Whether a type code (any case) is known. The table is searched with the code packed
/// into a word (a word comparison per step), so that a longer code costs no search.
/// Asked only when problems are kept, so the wasm build carries neither the search nor
/// the table.
pub(crate) fn known(code: &str) -> bool {
    code.len() <= KNOWN_MAX_LEN && PACKED.binary_search(&pack_upper(code.as_bytes())).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_is_sorted_and_canonical() {
        assert!(KNOWN.iter().all(|k| k.len() <= KNOWN_MAX_LEN));
        assert!(PACKED.windows(2).all(|pair| pair[0] < pair[1]));
        for code in ["", "o", "12x12", "ABCDEFG", "é"] {
            assert_eq!(pack_upper(code.as_bytes()), pack(code.as_bytes()), "{code}");
        }
        let both = |code: &str| (canonical(code), known(code));
        for code in KNOWN {
            assert_eq!(both(code), (code.to_owned(), true));
            assert_eq!(both(&code.to_ascii_lowercase()), (code.to_owned(), true));
        }
        assert_eq!(both("O\u{0}"), ("O\u{0}".to_owned(), false));
        assert_eq!(both("o\u{0}"), ("O\u{0}".to_owned(), false));
        assert_eq!(both(""), (String::new(), false));
        assert_eq!(both("ÖNL"), ("ÖNL".to_owned(), false));
        for pair in KNOWN.windows(2) {
            assert!(
                pair[0].to_ascii_uppercase() < pair[1].to_ascii_uppercase(),
                "{pair:?}"
            );
        }
        assert_eq!(both("onl"), ("ONL".to_owned(), true));
        assert_eq!(both("12X12"), ("12x12".to_owned(), true));
        assert_eq!(both("asbi"), ("ASBI".to_owned(), false));
        assert_eq!(both("lgbtqia"), ("LGBTQIA".to_owned(), true));
    }
}
