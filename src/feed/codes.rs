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

/// The canonical spelling of a type code, and whether it is known. The table is searched
/// with the code upper-cased on the stack, so that a known code costs one allocation (its
/// spelling) and a longer code no search.
pub(crate) fn canonical(code: &str) -> (String, bool) {
    let mut upper = [0u8; KNOWN_MAX_LEN];
    if code.len() <= KNOWN_MAX_LEN {
        let upper = &mut upper[..code.len()];
        upper.copy_from_slice(code.as_bytes());
        upper.make_ascii_uppercase();
        if let Ok(i) = KNOWN.binary_search_by(|k| cmp_upper(k, upper)) {
            return (KNOWN[i].to_owned(), true);
        }
    }
    (code.to_ascii_uppercase(), false)
}

/// Compares `known` upper-cased with `upper`, byte by byte.
fn cmp_upper(known: &str, upper: &[u8]) -> core::cmp::Ordering {
    for (i, &k) in known.as_bytes().iter().enumerate() {
        match upper.get(i) {
            None => return core::cmp::Ordering::Greater,
            Some(u) => match k.to_ascii_uppercase().cmp(u) {
                core::cmp::Ordering::Equal => {}
                other => return other,
            },
        }
    }
    known.len().cmp(&upper.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_is_sorted_and_canonical() {
        assert!(KNOWN.iter().all(|k| k.len() <= KNOWN_MAX_LEN));
        for pair in KNOWN.windows(2) {
            assert!(
                pair[0].to_ascii_uppercase() < pair[1].to_ascii_uppercase(),
                "{pair:?}"
            );
        }
        assert_eq!(canonical("onl"), ("ONL".to_owned(), true));
        assert_eq!(canonical("12X12"), ("12x12".to_owned(), true));
        assert_eq!(canonical("asbi"), ("ASBI".to_owned(), false));
        assert_eq!(canonical("lgbtqia"), ("LGBTQIA".to_owned(), true));
    }
}
