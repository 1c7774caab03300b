//! A small JSON pull parser for the feed readers and the type table: bytes to [`Val`]s
//! that borrow their strings from the input (owned only when a string has escapes), with
//! objects handed over entry by entry so that a record is read straight into its fields.
//! One copy of the code serves every record type: callers pass `dyn` functions.
//!
//! It accepts and refuses exactly what `serde_json` did for these readers before it, with
//! the same reasons, lines and columns: values that are read ([`Parser::any`]) are nested
//! at most 128 deep, as `serde_json` allows; values that are skipped ([`Parser::skip`])
//! are checked for syntax only (no UTF-8 check, no number range), at any depth, with a
//! stack on the heap, so that no input can overflow the call stack.

use std::borrow::Cow;
use std::num::NonZeroU64;

use super::lenient::Val;

/// A syntax error, as `serde_json` would report it: where and why, packed into one
/// non-zero word (the byte offset above the [`Reason`]'s number), so that a [`Parsed`]
/// `()` is one word too and the parser's results pass in a register, not through memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct JsonError(NonZeroU64);

impl JsonError {
    /// The fault `reason` at byte offset `index`.
    fn new(index: usize, reason: Reason) -> Self {
        let word = (index as u64) << 8 | u64::from(reason as u8);
        // Never zero: a reason's number is not.
        JsonError(NonZeroU64::new(word).unwrap_or(NonZeroU64::MIN))
    }

    /// The byte offset the line and column are counted from.
    fn index(self) -> usize {
        (self.0.get() >> 8) as usize
    }

    /// Whether what is wrong is `reason`.
    fn is(self, reason: Reason) -> bool {
        self.0.get() as u8 == reason as u8
    }

    /// What is wrong, in `serde_json`'s words.
    pub(crate) fn reason(self) -> &'static str {
        let number = usize::from(self.0.get() as u8);
        for (i, text) in REASONS.split(';').enumerate() {
            if i + 1 == number {
                return text;
            }
        }
        ""
    }

    /// The 1-based line and the column of the fault in `bytes` (the parsed input).
    pub(crate) fn line_column(self, bytes: &[u8]) -> (usize, usize) {
        let head = bytes.get(..self.index()).unwrap_or(bytes);
        // One pass: the line breaks counted, and where the last one ends.
        let (mut line, mut line_start) = (1, 0);
        for (at, &b) in head.iter().enumerate() {
            if b == b'\n' {
                line += 1;
                line_start = at + 1;
            }
        }
        (line, head.len() - line_start)
    }
}

/// A parser's result.
pub(crate) type Parsed<T> = Result<T, JsonError>;

/// Why JSON was refused; numbered from 1 (see [`JsonError`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reason {
    EofList = 1,
    EofObject,
    EofString,
    EofValue,
    ExpectedColon,
    ExpectedListComma,
    ExpectedObjectComma,
    ExpectedIdent,
    ExpectedValue,
    InvalidEscape,
    InvalidNumber,
    OutOfRange,
    InvalidCodePoint,
    ControlCharacter,
    KeyNotString,
    LoneSurrogate,
    TrailingComma,
    TrailingCharacters,
    HexEscapeEnd,
    TooDeep,
}

/// Every [`Reason`] in `serde_json`'s words, in the order of their numbers, separated by
/// `;` (a text: a table of `&str` takes 8 bytes of pointers a reason in the wasm).
const REASONS: &str = "EOF while parsing a list;EOF while parsing an object;\
EOF while parsing a string;EOF while parsing a value;expected `:`;expected `,` or `]`;\
expected `,` or `}`;expected ident;expected value;invalid escape;invalid number;\
number out of range;invalid unicode code point;\
control character (\\u0000-\\u001F) found while parsing a string;key must be a string;\
lone leading surrogate in hex escape;trailing comma;trailing characters;\
unexpected end of hex escape;recursion limit exceeded";

/// Reads JSON from a byte slice, one value at a time.
pub(crate) struct Parser<'de> {
    bytes: &'de [u8],
    at: usize,
    /// How many more lists and objects may be opened by [`Parser::any`], plus one.
    depth: u8,
}

/// What [`Parser::any`] does with each element of a list (made with [`on_element`]).
pub(crate) type OnElement<'a, 'de> = &'a mut dyn Element<'de>;
/// What [`Parser::any`] does with each entry of an object: gets the key, reads the value
/// (made with [`on_entry`]).
pub(crate) type OnEntry<'a, 'de> = &'a mut dyn Entry<'de>;

/// An [`OnElement`]'s method: a trait of its own, whose vtable holds just the method, where
/// an `FnMut`'s also holds `call_once`, a second copy of the closure in the wasm.
pub(crate) trait Element<'de> {
    /// Reads one element.
    fn element(&mut self, p: &mut Parser<'de>) -> Parsed<()>;
}

impl<'de, F: FnMut(&mut Parser<'de>) -> Parsed<()>> Element<'de> for F {
    fn element(&mut self, p: &mut Parser<'de>) -> Parsed<()> {
        self(p)
    }
}

/// An [`OnEntry`]'s method (a trait of its own, as [`Element`]).
pub(crate) trait Entry<'de> {
    /// Reads the value of the entry with key `key`.
    fn entry(&mut self, p: &mut Parser<'de>, key: &str) -> Parsed<()>;
}

impl<'de, F: FnMut(&mut Parser<'de>, &str) -> Parsed<()>> Entry<'de> for F {
    fn entry(&mut self, p: &mut Parser<'de>, key: &str) -> Parsed<()> {
        self(p, key)
    }
}

/// `f` as an [`OnElement`] (a closure passed through here has its argument's type).
pub(crate) fn on_element<'a, 'de, F>(f: &'a mut F) -> OnElement<'a, 'de>
where
    F: FnMut(&mut Parser<'de>) -> Parsed<()> + 'a,
{
    f
}

/// `f` as an [`OnEntry`] (a closure passed through here has its arguments' types).
pub(crate) fn on_entry<'a, 'de, F>(f: &'a mut F) -> OnEntry<'a, 'de>
where
    F: FnMut(&mut Parser<'de>, &str) -> Parsed<()> + 'a,
{
    f
}

/// What [`Parser::object`] does with each entry: gets the key (`None` when it
/// is the one at its position last time) and the tag given to that key last time, sets
/// the tag when given a key, and reads the value.
/// (Made with [`on_tagged_entry`].)
pub(crate) type OnTaggedEntry<'a, 'de> = &'a mut dyn TaggedEntry<'de>;

/// An [`OnTaggedEntry`]'s method (a trait of its own, as [`Element`]).
pub(crate) trait TaggedEntry<'de> {
    /// Reads the value of the entry with key `key` and tag `tag`.
    fn entry(&mut self, p: &mut Parser<'de>, key: Option<&str>, tag: &mut u8) -> Parsed<()>;
}

impl<'de, F> TaggedEntry<'de> for F
where
    F: FnMut(&mut Parser<'de>, Option<&str>, &mut u8) -> Parsed<()>,
{
    fn entry(&mut self, p: &mut Parser<'de>, key: Option<&str>, tag: &mut u8) -> Parsed<()> {
        self(p, key, tag)
    }
}

/// `f` as an [`OnTaggedEntry`] (a closure passed through here has its arguments' types).
pub(crate) fn on_tagged_entry<'a, 'de, F>(f: &'a mut F) -> OnTaggedEntry<'a, 'de>
where
    F: FnMut(&mut Parser<'de>, Option<&str>, &mut u8) -> Parsed<()> + 'a,
{
    f
}
/// The keys objects read with an order by [`Parser::object`] had, in the order first
/// seen, as the feed wrote them with their closing quote (keys with escapes are left out),
/// and the tag the caller gave each.
pub(crate) type KeyOrder<'de> = Vec<(&'de [u8], u8)>;

/// How many keys a [`KeyOrder`] learns at most: a record type has a few dozen, and a
/// feed whose records all differ should not make every key a long search.
const MAX_KNOWN_KEYS: usize = 64;

impl<'de> Parser<'de> {
    /// A parser at the start of `bytes`.
    pub(crate) fn new(bytes: &'de [u8]) -> Self {
        Parser {
            bytes,
            at: 0,
            depth: 128,
        }
    }

    /// A parser at byte `at` of `bytes`, where an earlier read found a value.
    pub(crate) fn new_at(bytes: &'de [u8], at: usize) -> Self {
        Parser {
            at,
            ..Parser::new(bytes)
        }
    }

    /// How many bytes have been read.
    pub(crate) fn offset(&self) -> usize {
        self.at
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// A fault at the byte just read.
    #[cold]
    #[inline(never)]
    fn error(&self, reason: Reason) -> JsonError {
        JsonError::new(self.at, reason)
    }

    /// A fault at the byte about to be read.
    #[cold]
    #[inline(never)]
    fn peek_error(&self, reason: Reason) -> JsonError {
        JsonError::new((self.at + 1).min(self.bytes.len()), reason)
    }

    /// Skips white space; the next byte, if any.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b) = self.peek() {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// [`Parser::whitespace`], inline for the usual case of none: most feeds have no
    /// white space between tokens. Used where every field of a record passes.
    #[inline(always)]
    fn token(&mut self) -> Option<u8> {
        match self.peek() {
            Some(b) if b > b' ' => Some(b),
            _ => self.whitespace(),
        }
    }

    /// [`Parser::token`] for a value after its key's colon, also inline for the one
    /// space of pretty-printed feeds (`"key": value`).
    #[inline(always)]
    fn value_token(&mut self) -> Option<u8> {
        match self.peek() {
            Some(b) if b > b' ' => Some(b),
            Some(b' ') => match self.bytes.get(self.at + 1) {
                Some(&b) if b > b' ' => {
                    self.at += 1;
                    Some(b)
                }
                _ => self.whitespace(),
            },
            _ => self.whitespace(),
        }
    }

    /// Checks that only white space is left.
    pub(crate) fn end(&mut self) -> Parsed<()> {
        match self.whitespace() {
            Some(_) => Err(self.peek_error(Reason::TrailingCharacters)),
            None => Ok(()),
        }
    }

    /// Reads one value. Strings, numbers, `true`, `false` and `null` come back as they
    /// are; each element of a list goes to `element` and each entry of an object to
    /// `entry` (which must read or skip the value), and they come back as an empty
    /// [`Val::List`] and [`Val::Object`]. A generic front, always inlined, for
    /// [`Parser::any_dyn`].
    #[inline(always)]
    pub(crate) fn any<E, N>(&mut self, element: &mut E, entry: &mut N) -> Parsed<Val<'de>>
    where
        E: FnMut(&mut Parser<'de>) -> Parsed<()>,
        N: FnMut(&mut Parser<'de>, &str) -> Parsed<()>,
    {
        self.any_dyn(element, entry)
    }

    /// The body of [`Parser::any`].
    pub(crate) fn any_dyn(
        &mut self,
        element: OnElement<'_, 'de>,
        entry: OnEntry<'_, 'de>,
    ) -> Parsed<Val<'de>> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(Reason::EofValue));
        };
        match peek {
            b'n' => self.ident(b"null").map(|()| Val::Null),
            b't' => self.ident(b"true").map(|()| Val::Bool(true)),
            b'f' => self.ident(b"false").map(|()| Val::Bool(false)),
            b'-' => {
                self.at += 1;
                self.number(false)
            }
            b'0'..=b'9' => self.number(true),
            b'"' => {
                self.at += 1;
                self.string().map(Val::Str)
            }
            b'[' => self.list(element).map(|()| Val::List(Vec::new())),
            b'{' => self
                .object(
                    None,
                    on_tagged_entry(&mut |p, key, _| entry.entry(p, key.unwrap_or_default())),
                )
                .map(|()| Val::Object),
            _ => Err(self.peek_error(Reason::ExpectedValue)),
        }
    }

    /// Reads one value whole: lists with their elements, objects skipped.
    pub(crate) fn value(&mut self) -> Parsed<Val<'de>> {
        // Strings, numbers and lists, the values of records, without going through
        // `any` and its callbacks (as `any` reads them).
        match self.value_token() {
            Some(b'"') => {
                self.at += 1;
                self.string().map(Val::Str)
            }
            Some(b'-') => {
                self.at += 1;
                self.number(false)
            }
            Some(b'0'..=b'9') => self.number(true),
            Some(b'[') => {
                let mut items = Vec::new();
                self.list(on_element(&mut |p| {
                    items.push(p.value()?);
                    Ok(())
                }))?;
                Ok(Val::List(items))
            }
            _ => self.any(&mut |p| p.skip(), &mut |p, _| p.skip()),
        }
    }

    /// Steps into a list or an object, or fails when too deep.
    fn enter(&mut self) -> Parsed<()> {
        if self.depth <= 1 {
            return Err(self.peek_error(Reason::TooDeep));
        }
        self.depth -= 1;
        self.at += 1;
        Ok(())
    }

    /// A list, at its `[`.
    fn list(&mut self, element: OnElement<'_, 'de>) -> Parsed<()> {
        self.enter()?;
        let mut first = true;
        loop {
            match self.token() {
                None => return Err(self.peek_error(Reason::EofList)),
                Some(b']') => break,
                Some(_) if first => first = false,
                Some(b',') => {
                    self.at += 1;
                    match self.token() {
                        Some(b']') => return Err(self.peek_error(Reason::TrailingComma)),
                        Some(_) => {}
                        None => return Err(self.peek_error(Reason::EofValue)),
                    }
                }
                Some(_) => return Err(self.peek_error(Reason::ExpectedListComma)),
            }
            element.element(self)?;
        }
        self.at += 1;
        self.depth += 1;
        Ok(())
    }

    /// Reads one value as [`Parser::any`] does (lists skipped), but an object with its
    /// keys expected in the order `order` learnt (see [`Parser::object`]): the way
    /// records are read.
    pub(crate) fn record(
        &mut self,
        order: &mut KeyOrder<'de>,
        entry: OnTaggedEntry<'_, 'de>,
    ) -> Parsed<Val<'de>> {
        if self.whitespace() == Some(b'{') {
            return self.object(Some(order), entry).map(|()| Val::Object);
        }
        self.any(&mut |p| p.skip(), &mut |p, _| p.skip())
    }

    /// An object, at its `{`. With an `order`, its keys are expected in the order of the
    /// previous object read with it: each key is first compared in place with the one at
    /// its position last time and, when it is the same, handed to `entry` as the tag
    /// `entry` gave it then, without being scanned and looked up again (records of a feed
    /// nearly always list their keys in one order). Without, every key is read and handed
    /// over. Either way it accepts and refuses the same inputs, at the same places.
    fn object(
        &mut self,
        mut order: Option<&mut KeyOrder<'de>>,
        entry: OnTaggedEntry<'_, 'de>,
    ) -> Parsed<()> {
        self.enter()?;
        let mut first = true;
        let mut next = 0;
        loop {
            match self.token() {
                None => return Err(self.peek_error(Reason::EofObject)),
                Some(b'}') => break,
                Some(b'"') if first => first = false,
                Some(_) if first => return Err(self.peek_error(Reason::KeyNotString)),
                Some(b',') => {
                    self.at += 1;
                    match self.token() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error(Reason::TrailingComma)),
                        Some(_) => return Err(self.peek_error(Reason::KeyNotString)),
                        None => return Err(self.peek_error(Reason::EofValue)),
                    }
                }
                Some(_) => return Err(self.peek_error(Reason::ExpectedObjectComma)),
            }
            self.at += 1;
            match order.as_deref().and_then(|keys| self.known_key(keys, next)) {
                Some((index, key, mut tag)) => {
                    self.at += key.len();
                    next = index + 1;
                    self.colon()?;
                    entry.entry(self, None, &mut tag)?;
                }
                None => {
                    let start = self.at;
                    let key = self.string()?;
                    // The key and its closing quote, as the feed wrote them, when the key
                    // had no escapes (a `\"` would end a shorter key in another record).
                    let raw = match key {
                        Cow::Borrowed(_) => self.bytes.get(start..self.at),
                        Cow::Owned(_) => None,
                    };
                    self.colon()?;
                    let mut tag = 0;
                    entry.entry(self, Some(&key), &mut tag)?;
                    if let (Some(keys), Some(raw)) = (order.as_mut(), raw) {
                        if keys.len() < MAX_KNOWN_KEYS {
                            keys.push((raw, tag));
                            next = keys.len();
                        }
                    }
                }
            }
        }
        self.at += 1;
        self.depth += 1;
        Ok(())
    }

    /// The key of an object read with an order that is at the parser's place (after its
    /// opening quote) and its tag, and its index in `keys`: tried from the one after the
    /// previous key's (at `next`) on, round to the first (one loop, so one inline copy of
    /// the comparison). A key in `keys` was read without escapes, so it holds no `"`, `\\`
    /// or control character, and ends with its closing quote: when its bytes are here, the
    /// string here is exactly it, and no other key of `keys` can be.
    fn known_key(&self, keys: &[(&'de [u8], u8)], next: usize) -> Option<(usize, &'de [u8], u8)> {
        let here = self.bytes.get(self.at..)?;
        let mut index = next;
        for _ in 0..keys.len() {
            if index >= keys.len() {
                index = 0;
            }
            let &(key, tag) = keys.get(index)?;
            if starts_with(here, key) {
                return Some((index, key, tag));
            }
            index += 1;
        }
        None
    }

    #[inline(always)]
    fn colon(&mut self) -> Parsed<()> {
        if self.peek() == Some(b':') {
            self.at += 1;
            return Ok(());
        }
        self.colon_after_space()
    }

    /// [`Parser::colon`] when white space or a fault comes first.
    fn colon_after_space(&mut self) -> Parsed<()> {
        match self.whitespace() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_error(Reason::ExpectedColon)),
            None => Err(self.peek_error(Reason::EofObject)),
        }
    }

    /// `null`, `true` or `false`, at its first byte.
    fn ident(&mut self, word: &[u8]) -> Parsed<()> {
        self.at += 1;
        for &want in &word[1..] {
            match self.next() {
                None => return Err(self.error(Reason::EofValue)),
                Some(b) if b != want => return Err(self.error(Reason::ExpectedIdent)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Moves to the next `"`, `\` or control character of a string; whether every byte
    /// passed is ASCII. Eight bytes at a time (as serde_json does): this loop sees every
    /// byte of a feed's strings.
    fn scan_string(&mut self) -> bool {
        let mut high = 0;
        let mut chunks = self.bytes[self.at..].chunks_exact(8);
        for chunk in &mut chunks {
            let word = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
            let stops = (word.wrapping_sub(ONES * 0x20) & !word & HIGH)
                | bytes_equal(word, b'"')
                | bytes_equal(word, b'\\');
            if stops != 0 {
                // The first stop is exact (a false hit can only follow a true one); the
                // bytes before it are those whose high bits lie below its marker bit.
                let first = stops & stops.wrapping_neg();
                high |= (word & HIGH & (first - 1) != 0) as u8 * 0x80;
                self.at += first.trailing_zeros() as usize / 8;
                return high < 0x80;
            }
            high |= (word & HIGH != 0) as u8 * 0x80;
            self.at += 8;
        }
        for &b in chunks.remainder() {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            high |= b;
            self.at += 1;
        }
        high < 0x80
    }

    /// A string, after its opening quote: borrowed from the input unless it has escapes.
    fn string(&mut self) -> Parsed<Cow<'de, str>> {
        // The usual string, with no escape: borrowed at once, with no buffer to drop
        // (dropping even an empty `Vec` is a call in the wasm build, for every string).
        let start = self.at;
        let ascii = self.scan_string();
        let at = self.at;
        if !matches!(self.bytes.get(at), Some(b'"')) {
            return self.escaped_string(start);
        }
        self.at += 1;
        let raw = &self.bytes[start..at];
        if ascii {
            // SAFETY: every byte of `raw` is ASCII (`scan_string` saw none with the
            // high bit set), so it is valid UTF-8.
            return Ok(Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(raw) }));
        }
        let valid = utf8_prefix(raw);
        if valid < raw.len() {
            return Err(self.bad_utf8(raw.len() - valid));
        }
        // SAFETY: `utf8_prefix` found all of `raw` valid UTF-8.
        Ok(Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(raw) }))
    }

    /// [`Parser::string`] for a string that has an escape (or a fault) where the parser
    /// is, `start` being where its text starts: decoded into a buffer.
    #[inline(never)]
    fn escaped_string(&mut self, start: usize) -> Parsed<Cow<'de, str>> {
        let mut decoded = Vec::new();
        self.rest_of_string(start, Some(&mut decoded))?;
        utf8_string(decoded)
            .map(Cow::Owned)
            .map_err(|back| self.bad_utf8(back))
    }

    /// Skips a string, after its opening quote, checking its escapes (not its UTF-8).
    fn skip_string(&mut self) -> Parsed<()> {
        self.rest_of_string(self.at, None)
    }

    /// Reads a string to after its closing quote, from inside it, checking its escapes;
    /// with `decoded`, its text from `start` on goes there, escapes decoded (a skipped
    /// string is not decoded, nor its surrogates paired, as `serde_json` skips them).
    fn rest_of_string(
        &mut self,
        mut start: usize,
        mut decoded: Option<&mut Vec<u8>>,
    ) -> Parsed<()> {
        let bytes = self.bytes;
        loop {
            self.scan_string();
            let at = self.at;
            let stop = bytes.get(at);
            if let (Some(b'"' | b'\\'), Some(out)) = (stop, decoded.as_deref_mut()) {
                out.extend_from_slice(&bytes[start..at]);
            }
            match stop {
                None => return Err(self.error(Reason::EofString)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(decoded.as_deref_mut())?;
                    start = self.at;
                }
                Some(_) => {
                    // `serde_json` places this fault after the byte when it reads the
                    // string, at it when it skips the string.
                    if decoded.is_some() {
                        self.at += 1;
                    }
                    return Err(self.error(Reason::ControlCharacter));
                }
            }
        }
    }

    /// Invalid UTF-8 in a string just read, `back` bytes before its end (the column is
    /// approximate when the string had escapes, as serde_json's). The string holds no
    /// line break and `back` is less than the bytes it takes in the input (an escape
    /// decodes to fewer bytes than it is written with), so the fault is on the line of
    /// the string's end.
    fn bad_utf8(&self, back: usize) -> JsonError {
        JsonError::new(self.at.saturating_sub(back), Reason::InvalidCodePoint)
    }

    /// An escape, after its `\`, decoded into `out` when there is one.
    fn escape(&mut self, out: Option<&mut Vec<u8>>) -> Parsed<()> {
        let byte = match self.next() {
            None => return Err(self.error(Reason::EofString)),
            Some(b'"') => b'"',
            Some(b'\\') => b'\\',
            Some(b'/') => b'/',
            Some(b'b') => 0x08,
            Some(b'f') => 0x0C,
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b't') => b'\t',
            Some(b'u') => {
                return match out {
                    Some(out) => self.unicode_escape(out),
                    None => self.hex4().map(drop),
                }
            }
            Some(_) => return Err(self.error(Reason::InvalidEscape)),
        };
        if let Some(out) = out {
            out.push(byte);
        }
        Ok(())
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Parsed<u16> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error(Reason::EofString));
        };
        self.at += 4;
        let mut n = 0u16;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error(Reason::InvalidEscape)),
            };
            n = n * 16 + u16::from(v);
        }
        Ok(n)
    }

    /// A `\u` escape, after the `u`; a surrogate pair must be whole.
    fn unicode_escape(&mut self, out: &mut Vec<u8>) -> Parsed<()> {
        let n = self.hex4()?;
        let code = match n {
            0xDC00..=0xDFFF => return Err(self.error(Reason::LoneSurrogate)),
            0xD800..=0xDBFF => {
                for want in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error(Reason::EofString)),
                        Some(b) if b != want => return Err(self.error(Reason::HexEscapeEnd)),
                        Some(_) => {}
                    }
                }
                let low = self.hex4()?;
                if !matches!(low, 0xDC00..=0xDFFF) {
                    return Err(self.error(Reason::LoneSurrogate));
                }
                ((u32::from(n) - 0xD800) << 10 | (u32::from(low) - 0xDC00)) + 0x1_0000
            }
            _ => u32::from(n),
        };
        if let Some(c) = char::from_u32(code) {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
        Ok(())
    }

    /// A number, after its `-` when negative: a whole number as `Val::Int` when it fits,
    /// else `Val::Float`.
    fn number(&mut self, positive: bool) -> Parsed<Val<'de>> {
        let first = match self.next() {
            None => return Err(self.error(Reason::EofValue)),
            Some(b) => b,
        };
        let mut significand = 0u64;
        match first {
            b'0' => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(Reason::InvalidNumber));
                }
            }
            b'1'..=b'9' => {
                significand = u64::from(first - b'0');
                while let Some(c @ b'0'..=b'9') = self.peek() {
                    match grow(significand, c) {
                        Some(s) => significand = s,
                        None => return self.long_integer(positive, significand).map(Val::Float),
                    }
                    self.at += 1;
                }
            }
            _ => return Err(self.error(Reason::InvalidNumber)),
        }
        Ok(match self.peek() {
            Some(b'.') => Val::Float(self.decimal(positive, significand, 0)?),
            Some(b'e' | b'E') => Val::Float(self.exponent(positive, significand, 0)?),
            _ if positive => {
                i64::try_from(significand).map_or(Val::Float(significand as f64), Val::Int)
            }
            _ => {
                let negative = (significand as i64).wrapping_neg();
                if negative >= 0 {
                    Val::Float(-(significand as f64))
                } else {
                    Val::Int(negative)
                }
            }
        })
    }

    /// The digits of a whole number past what a `u64` holds: counted as a power of ten.
    fn long_integer(&mut self, positive: bool, significand: u64) -> Parsed<f64> {
        let mut exponent = 0i32;
        loop {
            match self.peek() {
                Some(b'0'..=b'9') => {
                    self.at += 1;
                    exponent = exponent.saturating_add(1);
                }
                Some(b'.') => return self.decimal(positive, significand, exponent),
                Some(b'e' | b'E') => return self.exponent(positive, significand, exponent),
                _ => return self.float(positive, significand, exponent),
            }
        }
    }

    /// The fraction, at its `.`.
    fn decimal(&mut self, positive: bool, mut significand: u64, before: i32) -> Parsed<f64> {
        self.at += 1;
        let mut after = 0i32;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            match grow(significand, c) {
                Some(s) => significand = s,
                None => {
                    // Digits past what a `u64` holds are dropped.
                    self.skip_digits();
                    return match self.peek() {
                        Some(b'e' | b'E') => self.exponent(positive, significand, before + after),
                        _ => self.float(positive, significand, before + after),
                    };
                }
            }
            self.at += 1;
            after -= 1;
        }
        if after == 0 {
            let reason = if self.peek().is_some() {
                Reason::InvalidNumber
            } else {
                Reason::EofValue
            };
            return Err(self.peek_error(reason));
        }
        match self.peek() {
            Some(b'e' | b'E') => self.exponent(positive, significand, before + after),
            _ => self.float(positive, significand, before + after),
        }
    }

    /// The exponent, at its `e`.
    fn exponent(&mut self, positive: bool, significand: u64, start: i32) -> Parsed<f64> {
        self.at += 1;
        let positive_exponent = match self.peek() {
            Some(b'+') => {
                self.at += 1;
                true
            }
            Some(b'-') => {
                self.at += 1;
                false
            }
            _ => true,
        };
        let mut exponent = match self.next() {
            None => return Err(self.error(Reason::EofValue)),
            Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
            Some(_) => return Err(self.error(Reason::InvalidNumber)),
        };
        while let Some(c @ b'0'..=b'9') = self.peek() {
            self.at += 1;
            match exponent
                .checked_mul(10)
                .and_then(|e| e.checked_add(i32::from(c - b'0')))
            {
                Some(e) => exponent = e,
                None => {
                    // The fault is at this digit; the rest are passed all the same, so
                    // that a skipped number ends where it should.
                    let fault = self.error(Reason::OutOfRange);
                    self.skip_digits();
                    if significand != 0 && positive_exponent {
                        return Err(fault);
                    }
                    return Ok(if positive { 0.0 } else { -0.0 });
                }
            }
        }
        let exponent = if positive_exponent {
            start.saturating_add(exponent)
        } else {
            start.saturating_sub(exponent)
        };
        self.float(positive, significand, exponent)
    }

    /// `significand × 10^exponent`, refused when it is too large for an `f64`. Exact
    /// powers of ten as serde_json's for exponents up to 22 (every coordinate), chained
    /// beyond.
    fn float(&self, positive: bool, significand: u64, mut exponent: i32) -> Parsed<f64> {
        let mut f = significand as f64;
        if f != 0.0 {
            if exponent > 308 {
                return Err(self.error(Reason::OutOfRange));
            }
            while exponent > 22 {
                f *= 1e22;
                exponent -= 22;
            }
            while exponent < -22 && f != 0.0 {
                f /= 1e22;
                exponent += 22;
            }
            // 10^0 … 10^22 are exact in an `f64`, and so is every product on the way:
            // the power multiplied up, rather than a table of 23 of them in the wasm.
            let mut pow = 1.0;
            for _ in 0..exponent.unsigned_abs().min(22) {
                pow *= 10.0;
            }
            f = if exponent >= 0 { f * pow } else { f / pow };
            if f.is_infinite() {
                return Err(self.error(Reason::OutOfRange));
            }
        }
        Ok(if positive { f } else { -f })
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    /// Skips one value, checking its syntax only.
    pub(crate) fn skip(&mut self) -> Parsed<()> {
        // The open lists (`[`) and objects (`{`) around the current value.
        let mut open: Vec<u8> = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(Reason::EofValue));
            };
            match peek {
                b'n' => self.ident(b"null")?,
                b't' => self.ident(b"true")?,
                b'f' => self.ident(b"false")?,
                b'-' => {
                    self.at += 1;
                    self.skip_number()?;
                }
                b'0'..=b'9' => self.skip_number()?,
                b'"' => {
                    self.at += 1;
                    self.skip_string()?;
                }
                b'[' | b'{' => {
                    self.at += 1;
                    open.push(peek);
                    // The first element, the first key, or the end.
                    match self.whitespace() {
                        Some(b']') if peek == b'[' => {}
                        Some(b'}') if peek == b'{' => {}
                        Some(_) => {
                            if peek == b'{' {
                                self.skip_key()?;
                            }
                            continue;
                        }
                        None => return Err(self.peek_error(eof_in(peek))),
                    }
                    self.at += 1;
                    open.pop();
                }
                _ => return Err(self.peek_error(Reason::ExpectedValue)),
            }
            // A value is done: a comma starts the next, a bracket closes its container.
            loop {
                let Some(&frame) = open.last() else {
                    return Ok(());
                };
                match self.whitespace() {
                    Some(b',') => {
                        self.at += 1;
                        if frame == b'{' {
                            self.whitespace();
                            self.skip_key()?;
                        }
                        break;
                    }
                    Some(b']') if frame == b'[' => {}
                    Some(b'}') if frame == b'{' => {}
                    Some(_) => {
                        let reason = if frame == b'[' {
                            Reason::ExpectedListComma
                        } else {
                            Reason::ExpectedObjectComma
                        };
                        return Err(self.peek_error(reason));
                    }
                    None => return Err(self.peek_error(eof_in(frame))),
                }
                self.at += 1;
                open.pop();
            }
        }
    }

    /// A key and its colon, in an object being skipped, at the key's quote.
    fn skip_key(&mut self) -> Parsed<()> {
        match self.peek() {
            Some(b'"') => self.at += 1,
            Some(_) => return Err(self.peek_error(Reason::KeyNotString)),
            None => return Err(self.peek_error(Reason::EofObject)),
        }
        self.skip_string()?;
        self.colon()
    }

    /// Skips a number, after its `-` when negative: read as [`Parser::number`] reads it
    /// (one copy of the number syntax), but checked as `serde_json` skips numbers: any
    /// size is allowed, and an early end is an invalid number rather than the end of a
    /// value.
    fn skip_number(&mut self) -> Parsed<()> {
        match self.number(true) {
            Err(e) if e.is(Reason::EofValue) => {
                Err(JsonError::new(e.index(), Reason::InvalidNumber))
            }
            // Refused only once read to its end, so the parser is past it.
            Err(e) if !e.is(Reason::OutOfRange) => Err(e),
            _ => Ok(()),
        }
    }
}

/// The end-of-input reason inside an open list or object.
fn eof_in(frame: u8) -> Reason {
    if frame == b'[' {
        Reason::EofList
    } else {
        Reason::EofObject
    }
}

/// Whether `here` starts with `key`, compared a word at a time (the library comparison
/// is a call, and in the wasm build a byte loop): the keys of every record pass here.
#[inline(always)]
fn starts_with(here: &[u8], key: &[u8]) -> bool {
    let n = key.len();
    if n > here.len() {
        return false;
    }
    if n < 8 {
        let mut at = 0;
        while at < n {
            if key.get(at) != here.get(at) {
                return false;
            }
            at += 1;
        }
        return true;
    }
    // Words at 0, 8, … and one ending at `n` (overlapping the one before): all within
    // the first `n` bytes of both.
    let mut at = 0;
    while at + 8 < n {
        if word_at(here, at) != word_at(key, at) {
            return false;
        }
        at += 8;
    }
    word_at(here, n - 8) == word_at(key, n - 8)
}

/// One in every byte of a word (little-endian words of eight bytes, as [`word_at`]
/// reads them).
pub(crate) const ONES: u64 = u64::MAX / 255;
/// The high bit of every byte of a word.
pub(crate) const HIGH: u64 = ONES << 7;

/// The high bit set of every byte of `word` that is `b`: a byte of `word ^ b…b` is zero
/// where `word` holds `b`, and `v - 1…1 & !v` marks such bytes (the classic zero-byte
/// test: exact about whether there is one, and about the first; a false mark can only
/// follow a true one).
#[inline(always)]
pub(crate) fn bytes_equal(word: u64, b: u8) -> u64 {
    let v = word ^ (ONES * u64::from(b));
    v.wrapping_sub(ONES) & !v & HIGH
}

/// The eight bytes of `s` from `at`, as a word (0 past the end).
#[inline(always)]
pub(crate) fn word_at(s: &[u8], at: usize) -> u64 {
    s.get(at..at.wrapping_add(8))
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
        .map_or(0, u64::from_le_bytes)
}

/// `significand` with one more decimal digit, unless that overflows a `u64`. Compared
/// with the largest that can take a digit rather than multiplied with a check: on
/// wasm32 a checked 64-bit multiply is a call to a 128-bit multiply, for every digit.
#[inline(always)]
fn grow(significand: u64, digit: u8) -> Option<u64> {
    if significand > u64::MAX / 10 {
        return None;
    }
    (significand * 10).checked_add(u64::from(digit - b'0'))
}

/// How many bytes at the start of `bytes` are valid UTF-8: `Utf8Error::valid_up_to`, or
/// the length when all are. The same checks as `core::str::from_utf8`, which is far
/// larger in the wasm build (it reads words at a time).
pub(crate) fn utf8_prefix(bytes: &[u8]) -> usize {
    // Where the character being read starts, how many continuation bytes it still
    // needs, and the range of the next one.
    let (mut start, mut need, mut low, mut high) = (0, 0, 0x80, 0xBF);
    for (at, &b) in bytes.iter().enumerate() {
        if need == 0 {
            start = at;
            (need, low, high) = match b {
                0..=0x7F => (0, 0x80, 0xBF),
                0xC2..=0xDF => (1, 0x80, 0xBF),
                0xE0 => (2, 0xA0, 0xBF),
                0xED => (2, 0x80, 0x9F),
                0xE1..=0xEF => (2, 0x80, 0xBF),
                0xF0 => (3, 0x90, 0xBF),
                0xF1..=0xF3 => (3, 0x80, 0xBF),
                0xF4 => (3, 0x80, 0x8F),
                _ => return at,
            };
        } else if (low..=high).contains(&b) {
            (need, low, high) = (need - 1, 0x80, 0xBF);
        } else {
            return start;
        }
    }
    if need == 0 {
        bytes.len()
    } else {
        start
    }
}

/// `bytes` as a `String` when they are valid UTF-8, else how many bytes before their
/// end the first fault is (as `String::from_utf8`, with [`utf8_prefix`]).
pub(crate) fn utf8_string(bytes: Vec<u8>) -> Result<String, usize> {
    let valid = utf8_prefix(&bytes);
    if valid < bytes.len() {
        return Err(bytes.len() - valid);
    }
    // SAFETY: `utf8_prefix` found all of `bytes` valid UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// `utf8_prefix` agrees with `core::str::from_utf8` on every sequence of up to three
    /// bytes from a set covering each boundary, and on longer mixes.
    #[test]
    fn utf8_prefix_matches_core() {
        let picks: Vec<u8> = vec![
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ];
        let mut cases: Vec<Vec<u8>> = vec![Vec::new(), "héllo wörld € 𝄞 end".into()];
        for &a in &picks {
            cases.push(vec![a]);
            for &b in &picks {
                cases.push(vec![a, b]);
                for &c in &picks {
                    cases.push(vec![a, b, c]);
                    cases.push(vec![0x41, a, b, c, 0x80]);
                    cases.push(vec![0xF0, a, b, c]);
                    cases.push(vec![a, 0x90, b, c]);
                }
            }
        }
        for case in cases {
            let want = std::str::from_utf8(&case).map_or_else(|e| e.valid_up_to(), str::len);
            assert_eq!(utf8_prefix(&case), want, "{case:x?}");
            let got = utf8_string(case.clone());
            match String::from_utf8(case.clone()) {
                Ok(s) => assert_eq!(got, Ok(s)),
                Err(_) => assert_eq!(got, Err(case.len() - want)),
            }
        }
    }

    /// serde_json's verdict: `Ok` or (line, column, reason).
    fn serde_verdict<T>(r: serde_json::Result<T>) -> Result<T, (usize, usize, String)> {
        r.map_err(|e| {
            let mut reason = e.to_string();
            if let Some(at) = reason.rfind(" at line ") {
                reason.truncate(at);
            }
            (e.line(), e.column(), reason)
        })
    }

    fn verdict<T>(bytes: &[u8], r: Parsed<T>) -> Result<T, (usize, usize, String)> {
        r.map_err(|e| {
            let (line, column) = e.line_column(bytes);
            (line, column, e.reason().to_owned())
        })
    }

    fn skip_all(bytes: &[u8]) -> Result<(), (usize, usize, String)> {
        let mut p = Parser::new(bytes);
        verdict(bytes, p.skip().and_then(|()| p.end()))
    }

    fn value_all(bytes: &[u8]) -> Result<Val<'_>, (usize, usize, String)> {
        let mut p = Parser::new(bytes);
        verdict(bytes, p.value().and_then(|v| p.end().map(|()| v)))
    }

    /// serde_json's value in this parser's terms (objects excepted).
    fn from_serde(v: serde_json::Value) -> Val<'static> {
        use serde_json::Value;
        match v {
            Value::Null => Val::Null,
            Value::Bool(b) => Val::Bool(b),
            Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => Val::Int(i),
                (None, Some(u), _) => Val::Float(u as f64),
                (_, _, f) => Val::Float(f.unwrap_or(f64::NAN)),
            },
            Value::String(s) => Val::Str(Cow::Owned(s)),
            Value::Array(items) => Val::List(items.into_iter().map(from_serde).collect()),
            Value::Object(_) => Val::Object,
        }
    }

    /// Compares with serde_json: skipping with `IgnoredAny` always, reading values when
    /// there is no object (serde_json's `Value` reads objects, this parser skips them).
    fn compare(bytes: &[u8]) {
        let want = serde_verdict(serde_json::from_slice::<serde::de::IgnoredAny>(bytes));
        assert_eq!(
            skip_all(bytes),
            want.map(|_| ()),
            "skip {:?}",
            String::from_utf8_lossy(bytes)
        );
        if !bytes.contains(&b'{') {
            let want = serde_verdict(serde_json::from_slice::<serde_json::Value>(bytes));
            let got = value_all(bytes);
            let same = match (&got, &want) {
                (Ok(a), Ok(b)) => same(a, &from_serde(b.clone())),
                (a, b) => a.as_ref().err() == b.as_ref().err(),
            };
            assert!(
                same,
                "value {:?}: {got:?} {want:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    /// Equal values, floats within a relative 1e-15: past 10^22 powers of ten are chained
    /// here rather than taken from serde_json's table of 309.
    fn same(a: &Val, b: &Val) -> bool {
        match (a, b) {
            (Val::Float(x), Val::Float(y)) => x == y || ((x - y) / y).abs() < 1e-15,
            (Val::List(x), Val::List(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
            }
            _ => a == b,
        }
    }

    #[test]
    fn powers_of_ten_multiplied_up_are_exact() {
        let mut pow = 1.0f64;
        for k in 0..=22 {
            assert_eq!(Ok(pow), format!("1e{k}").parse::<f64>(), "10^{k}");
            pow *= 10.0;
        }
    }

    #[test]
    fn every_reason_has_its_text() {
        assert_eq!(REASONS.split(';').count(), Reason::TooDeep as usize);
        let text = |reason| JsonError::new(7, reason).reason();
        assert_eq!(text(Reason::EofList), "EOF while parsing a list");
        assert_eq!(text(Reason::KeyNotString), "key must be a string");
        assert_eq!(text(Reason::TooDeep), "recursion limit exceeded");
    }

    #[test]
    fn agrees_with_serde_json_on_chosen_inputs() {
        let cases: &[&[u8]] = &[
            b"",
            b" ",
            b"null",
            b"nul",
            b"nulx",
            b"true",
            b"false",
            b"tru",
            b"0",
            b"-0",
            b"01",
            b"-",
            b"-a",
            b"1.",
            b"1.5",
            b"1.5e",
            b"1e5",
            b"1E+5",
            b"1e-5",
            b"2.5e-3",
            b"1e400",
            b"0e400",
            b"1e-400",
            b"-1e400",
            b"18446744073709551615",
            b"18446744073709551616",
            b"9223372036854775807",
            b"9223372036854775808",
            b"-9223372036854775808",
            b"-9223372036854775809",
            b"123456789012345678901234567890.5e3",
            b"0.123456789012345678901234567890",
            b"1e99999999999",
            b"0e99999999999",
            b"1e-99999999999",
            b"40.13753042722427",
            b"[1e99999999999,1]",
            b"[0e99999999999 1]",
            b"[1e400,-]",
            b"[-1.5e]",
            b"[18446744073709551616.5e3, 1.]",
            b"-75.33575348534859",
            b"\"\"",
            b"\"a\"",
            b"\"a",
            b"\"\\n\\t\\\"\\\\\\/\\b\\f\\r\"",
            b"\"\\x\"",
            b"\"\\u00e9\"",
            b"\"\\u00\"",
            b"\"\\u00g0\"",
            b"\"\\ud83d\\ude00\"",
            b"\"\\ud83d\"",
            b"\"\\ud83dx\"",
            b"\"\\ud83d\\n\"",
            b"\"\\ude00\"",
            b"\"\\ud83d\\u0041\"",
            b"\"a\x01b\"",
            b"\"\xff\"",
            b"\"ab\xc3\"",
            b"\"\\n\xff\"",
            "\"é\"".as_bytes(),
            b"[]",
            b"[",
            b"[1",
            b"[1,",
            b"[1,]",
            b"[,1]",
            b"[1 2]",
            b"[1]]",
            b"[1] x",
            b"\n\n  [1]\n x",
            b"{}",
            b"{",
            b"{\"a\"",
            b"{\"a\":",
            b"{\"a\":1",
            b"{\"a\":1,}",
            b"{\"a\" 1}",
            b"{1:2}",
            b"{,}",
            b"{\"a\":1 \"b\":2}",
            b"{\"a\":[1,{\"b\":\"\xff\"}]}",
            b"{\"\xff\":1}",
            b"[}",
            b"{]",
            b"[{]",
            b"[1,{\"a\":[]},[[]]]",
            b"x",
            b"]",
            b"\"\\u12",
        ];
        for case in cases {
            compare(case);
        }
    }

    #[test]
    fn agrees_with_serde_json_on_random_inputs() {
        let pieces: &[&[u8]] = &[
            b"[",
            b"]",
            b"{",
            b"}",
            b",",
            b":",
            b"\"",
            b"\"k\"",
            b"\\",
            b"\\u",
            b"d83d",
            b"\\ude00",
            b"0",
            b"7",
            b"-",
            b".",
            b"e",
            b"+",
            b"99999999999999999999",
            b"null",
            b"true",
            b"fals",
            b" ",
            b"\n",
            b"\x01",
            "é".as_bytes(),
            b"\xff",
            b"x",
            b"1e400",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..100_000 {
            let mut bytes = Vec::new();
            for _ in 0..next(12) {
                bytes.extend_from_slice(pieces[next(pieces.len())]);
            }
            compare(&bytes);
        }
    }

    #[test]
    fn deep_nesting_is_refused_or_skipped_without_overflow() {
        let deep = [b'['; 100_000];
        compare(&deep);
        let mut closed = deep.to_vec();
        closed.extend([b']'; 100_000]);
        compare(&closed);
        let mut in_object = b"{\"a\":".to_vec();
        in_object.extend_from_slice(&closed);
        in_object.push(b'}');
        compare(&in_object);
        assert!(Parser::new(&in_object).value().is_ok());
    }

    #[test]
    fn every_position_of_a_long_string_is_checked() {
        for len in 0..40 {
            for at in 0..len {
                for (insert, ok) in [
                    (&b"\xff"[..], false),
                    ("é".as_bytes(), true),
                    (b"\"", false),
                    (b"\x1f", false),
                ] {
                    let mut bytes = vec![b'"'];
                    bytes.extend(std::iter::repeat_n(b'a', at));
                    bytes.extend_from_slice(insert);
                    bytes.extend(std::iter::repeat_n(b'a', len - at));
                    bytes.push(b'"');
                    compare(&bytes);
                    assert_eq!(value_all(&bytes).is_ok(), ok);
                }
            }
        }
    }

    #[test]
    fn starts_with_agrees_with_the_library() {
        let hay = b"formatted_address\":\"1 Main St\",\"name\":\"A\"}";
        for from in 0..hay.len() {
            let here = &hay[from..];
            for at in 0..hay.len() {
                for len in 0..=hay.len() - at {
                    let key = &hay[at..at + len];
                    assert_eq!(
                        starts_with(here, key),
                        here.starts_with(key),
                        "{from} {at} {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let mut p = Parser::new(b"[\"plain\", \"caf\\u00e9\"]");
        let Ok(Val::List(items)) = p.value() else {
            panic!("a list");
        };
        assert!(matches!(&items[0], Val::Str(Cow::Borrowed("plain"))));
        assert!(matches!(&items[1], Val::Str(Cow::Owned(s)) if s == "café"));
    }
}
