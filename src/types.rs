//! Meeting type codes: their names in each language, per fellowship, with overrides.
//!
//! The Meeting Guide table (`data/meeting-guide-types.json`, 87 codes in 9 languages, and
//! `data/meeting-guide-types-proposed.json`, 5 proposed codes) is parsed from a JSON string
//! for one language. On top of it come the fellowship's own meanings ([`Program`]) and the
//! site's overrides (`CODE=Name;CODE=Name`). A code nobody names keeps its code as its name:
//! unknown codes are shown, never dropped.
//!
//! Natively the tables are embedded ([`TypeNames::english`]); the widget decides what to
//! embed or fetch for the browser.

use crate::feed::json::Parser;
use crate::feed::{word_number, Val};

/// Which fellowship's meaning of the codes applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Program {
    /// Alcoholics Anonymous: the Meeting Guide table as it is.
    #[default]
    Aa,
    /// Al-Anon: `Y` is Alateen, `POA` Parents of Alcoholics, plus `AC`, `AA`, `YA`, `LGBTQIA`.
    AlAnon,
    /// Narcotics Anonymous: the NAWS codes (`BT`, `JFT`, `STEP`, `TRAD`, `SPK`, `DISC`, `QA`, ...).
    Na,
}

/// Names every fellowship gives the same way: the legacy `ONL` (Online, removed from the
/// spec in 2022 but in most feeds) and BMLT's `HYBR`. The program tables are `CODE=Name;`
/// pieces in one text each (codes as they are, canonical already): a table of `&str`
/// pairs costs 16 bytes of pointers per entry in the wasm.
const COMMON: &str = "ONL=Online;HY=Hybrid;HYBR=Hybrid;";

/// Al-Anon's own codes and meanings.
const AL_ANON: &str = "\
Y=Alateen;POA=Parents of Alcoholics;AC=Adult Child Focus;AA=Concurrent with AA;\
YA=Young Adults;LGBTQIA=LGBTQIA;";

/// The NAWS format codes that BMLT's world ids carry.
const NA: &str = "\
BEG=Beginners;BT=Basic Text;CAN=Candlelight;CPT=Twelve Concepts;\
CW=Children Welcome;DISC=Discussion/Participation;GL=Gay/Lesbian;IP=IP Study;\
IW=It Works: How and Why;JFT=Just for Today;LC=Living Clean;\
LIT=Literature Study;MED=Meditation;NS=Non-Smoking;QA=Questions and Answers;\
RA=Restricted Access;SMOK=Smoking;SPAD=A Spiritual Principle a Day;SPK=Speaker;\
STEP=Step Study;SWG=Step Working Guide Study;TOP=Topic;TRAD=Tradition Study;\
VAR=Format Varies;VM=Virtual;";

/// BMLT world ids that mean a Meeting Guide code under another spelling (BMLT's own
/// `client_interface/tsml` mapping). Every other world id passes through unchanged.
/// Each followed by a space (a text: a table of `&str` takes 8 bytes of pointers a
/// name in the wasm) ...
const WORLD_IDS: &str = "CLOSED OPEN VM WCHR ";

/// ... and their Meeting Guide codes, in the same order.
const WORLD_CODES: [&str; 4] = ["C", "O", "ONL", "X"];

/// The Meeting Guide code for a BMLT world id or a feed's code, in canonical upper case:
/// `OPEN` → `O`, `CLOSED` → `C`, `WCHR` → `X`, `VM` → `ONL`; any other code is upper-cased
/// (ASCII) and otherwise kept.
pub fn canonical_code(code: &str) -> String {
    let trimmed = code.trim();
    if let Some(&mg) = word_number(WORLD_IDS, trimmed, true).and_then(|i| WORLD_CODES.get(i)) {
        return mg.into();
    }
    trimmed.to_ascii_uppercase()
}

/// Why a type table could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeTableError {
    /// 1-based line of the fault in the table's JSON.
    pub line: usize,
    /// 1-based column of the fault.
    pub column: usize,
}

/// Type names for one language and one fellowship, with the site's overrides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeNames {
    /// Canonical (upper-case) code → name, sorted by code. A sorted `Vec` rather than a
    /// `BTreeMap`: the map's code costs kilobytes of wasm for ~100 entries.
    names: Vec<(String, String)>,
}

impl TypeNames {
    /// Names from `table_json` (Meeting Guide's `{"CODE": {"en": "Name", ...}}`) in `lang`
    /// (falling back to English when a code lacks that language), then the `program`'s own
    /// codes, then `overrides` (`CODE=Name;CODE=Name`). A table that is not valid JSON
    /// contributes nothing (use [`TypeNames::parse`] to see why).
    pub fn new(table_json: &str, lang: &str, program: Program, overrides: &str) -> TypeNames {
        let mut names = TypeNames::default();
        // A table that does not parse adds nothing (`add_table` changes nothing then).
        let _ = names.add_table(table_json, lang);
        names.apply_program(program);
        names.apply_overrides(overrides);
        names
    }

    /// Like [`TypeNames::new`], but a table that cannot be read is an error.
    pub fn parse(
        table_json: &str,
        lang: &str,
        program: Program,
        overrides: &str,
    ) -> Result<TypeNames, TypeTableError> {
        let mut names = TypeNames::default();
        names.add_table(table_json, lang)?;
        names.apply_program(program);
        names.apply_overrides(overrides);
        Ok(names)
    }

    /// Adds the codes of another table (such as the proposed codes) that are not named
    /// yet; codes already named (by a table, the program or an override) keep their name.
    pub fn extend_table(&mut self, table_json: &str, lang: &str) -> Result<(), TypeTableError> {
        let mut extra = TypeNames::default();
        extra.add_table(table_json, lang)?;
        for (code, name) in extra.names {
            self.set(code, name, false);
        }
        Ok(())
    }

    /// The English Meeting Guide names (the 87 codes and the 5 proposed ones) for `program`,
    /// from the tables embedded with `include_str!` (used natively; in WebAssembly the
    /// tables only take space when this is called, which the widget does not).
    pub fn english(program: Program) -> TypeNames {
        let mut names = TypeNames::new(
            include_str!("../data/meeting-guide-types.json"),
            "en",
            program,
            "",
        );
        // The embedded table is part of the build and known to parse.
        let _ = names.extend_table(
            include_str!("../data/meeting-guide-types-proposed.json"),
            "en",
        );
        names
    }

    /// Names `code` (any case) `name`, as a feed's own format table does (BMLT), unless
    /// the code is named already.
    pub fn add_name(&mut self, code: &str, name: &str) {
        let code = canonical_code(code);
        let name = name.trim();
        if !code.is_empty() && !name.is_empty() {
            self.set(code, name.into(), false);
        }
    }

    /// The name of `code` (any case); an unknown code is its own name.
    pub fn name<'a>(&'a self, code: &'a str) -> &'a str {
        if let Some(name) = self.get(code) {
            return name;
        }
        self.get(&canonical_code(code)).unwrap_or(code)
    }

    fn get(&self, code: &str) -> Option<&str> {
        let i = self
            .names
            .binary_search_by(|(c, _)| c.as_str().cmp(code))
            .ok()?;
        Some(self.names[i].1.as_str())
    }

    /// Names `code`; an existing name is replaced only when `replace` is set.
    fn set(&mut self, code: String, name: String, replace: bool) {
        match self.names.binary_search_by(|(c, _)| c.cmp(&code)) {
            Ok(i) if replace => self.names[i].1 = name,
            Ok(_) => {}
            Err(i) => self.names.insert(i, (code, name)),
        }
    }

    /// Every named code and its name, in code order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names.iter().map(|(c, n)| (c.as_str(), n.as_str()))
    }

    /// Reads `{code: {lang: name}}` leniently: values of the wrong kind are skipped (a
    /// code whose names are not an object has none, a name that is not a string is no
    /// name); only JSON syntax can fail.
    fn add_table(&mut self, table_json: &str, lang: &str) -> Result<(), TypeTableError> {
        let bytes = table_json.as_bytes();
        let mut p = Parser::new(bytes);
        // Each code's name in `lang`, else in English (the last of duplicate keys wins),
        // applied once the whole table has been read.
        let mut table: Vec<(String, String)> = Vec::new();
        let read = p
            .any(&mut |p| p.skip(), &mut |p, code| {
                let (mut own, mut en) = (None, None);
                p.any(&mut |p| p.skip(), &mut |p, l| {
                    if let Val::Str(name) = p.any(&mut |p| p.skip(), &mut |p, _| p.skip())? {
                        if l == lang {
                            own = Some(String::from(&*name));
                        } else if l == "en" {
                            en = Some(String::from(&*name));
                        }
                    }
                    Ok(())
                })?;
                if let Some(name) = own.or(en) {
                    table.push((code.to_owned(), name));
                }
                Ok(())
            })
            .and_then(|_| p.end());
        if let Err(e) = read {
            let (line, column) = e.line_column(bytes);
            return Err(TypeTableError { line, column });
        }
        // (Names taken out in place: `into_iter`'s drop glue is one more copy in the wasm.)
        for (code, name) in &mut table {
            self.set(canonical_code(code), std::mem::take(name), true);
        }
        Ok(())
    }

    fn apply_program(&mut self, program: Program) {
        let own = match program {
            Program::Aa => "",
            Program::AlAnon => AL_ANON,
            Program::Na => NA,
        };
        // The program tables' codes are canonical already (NA's `VM` is not `ONL`).
        self.apply_pieces(COMMON, false);
        self.apply_pieces(own, false);
    }

    /// Applies `CODE=Name;CODE=Name`; pieces without `=` or with an empty code are skipped.
    fn apply_overrides(&mut self, overrides: &str) {
        self.apply_pieces(overrides, true);
    }

    /// Applies `CODE=Name;` pieces, replacing names, each code made canonical when
    /// `canonical` (one copy for the program tables and the site's overrides).
    fn apply_pieces(&mut self, pieces: &str, canonical: bool) {
        for piece in pieces.split(';') {
            let Some((code, name)) = piece.split_once('=') else {
                continue;
            };
            let code = if canonical {
                canonical_code(code)
            } else {
                code.to_owned()
            };
            let name = name.trim();
            if !code.is_empty() && !name.is_empty() {
                self.set(code, name.into(), true);
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn english_table_names_codes_and_keeps_unknown_ones() {
        let names = TypeNames::english(Program::Aa);
        assert_eq!(names.name("O"), "Open");
        assert_eq!(names.name("o"), "Open");
        assert_eq!(names.name("Y"), "Young People");
        assert_eq!(names.name("ONL"), "Online");
        assert_eq!(names.name("BV-I"), "Blind / Visually Impaired");
        assert_eq!(names.name("ASBI"), "ASBI");
        assert_eq!(names.name("OPEN"), "Open");
    }

    #[test]
    fn other_language_falls_back_to_english() {
        let table = r#"{"O":{"en":"Open","es":"Abierta"},"C":{"en":"Closed"}}"#;
        let names = TypeNames::new(table, "es", Program::Aa, "");
        assert_eq!(names.name("O"), "Abierta");
        assert_eq!(names.name("C"), "Closed");
    }

    #[test]
    fn fellowship_variants_and_overrides() {
        let table = include_str!("../data/meeting-guide-types.json");
        let al_anon = TypeNames::new(table, "en", Program::AlAnon, "");
        assert_eq!(al_anon.name("Y"), "Alateen");
        assert_eq!(al_anon.name("POA"), "Parents of Alcoholics");
        assert_eq!(al_anon.name("AC"), "Adult Child Focus");
        let na = TypeNames::new(
            table,
            "en",
            Program::Na,
            "jft=JFT Study; X = Wheelchair;bad;=x",
        );
        assert_eq!(na.name("BT"), "Basic Text");
        assert_eq!(na.name("VM"), "Virtual");
        assert_eq!(na.name("TRAD"), "Tradition Study");
        assert_eq!(al_anon.name("LGBTQIA"), "LGBTQIA");
        assert_eq!(na.name("JFT"), "JFT Study");
        assert_eq!(na.name("X"), "Wheelchair");
        let aa = TypeNames::new(table, "en", Program::Aa, "");
        assert_eq!(aa.name("POA"), "Proof of Attendance");
    }

    #[test]
    fn broken_table_is_an_error_value() {
        let err = TypeNames::parse("{\n oops", "en", Program::Aa, "").unwrap_err();
        assert_eq!(err.line, 2);
        let lenient = TypeNames::new("{", "en", Program::Aa, "W=Women");
        assert_eq!(lenient.name("W"), "Women");
        assert_eq!(lenient.name("ONL"), "Online");
    }

    #[test]
    fn world_ids_map_to_meeting_guide_codes() {
        assert_eq!(canonical_code("OPEN"), "O");
        assert_eq!(canonical_code("wchr"), "X");
        assert_eq!(canonical_code(" onl "), "ONL");
        assert_eq!(canonical_code("JFT"), "JFT");
    }
}
