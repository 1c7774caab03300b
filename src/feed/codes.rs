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

/// The canonical spelling of a type code, and whether it is known. The table is searched
/// ignoring case, so that a known code costs one allocation (its spelling), not two.
pub(crate) fn canonical(code: &str) -> (String, bool) {
    match KNOWN.binary_search_by(|k| cmp_upper(k, code)) {
        Ok(i) => (KNOWN[i].to_owned(), true),
        Err(_) => (code.to_ascii_uppercase(), false),
    }
}

/// Compares `known` with `code`, both upper-cased, byte by byte.
fn cmp_upper(known: &str, code: &str) -> core::cmp::Ordering {
    known
        .bytes()
        .map(|b| b.to_ascii_uppercase())
        .cmp(code.bytes().map(|b| b.to_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_is_sorted_and_canonical() {
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
