//! The word index: which meetings hold which folded words, for the `text` filter.
//!
//! A sorted vocabulary of folded words (a query word is a prefix, so it is a contiguous
//! range of the vocabulary), postings listing the meetings of each word, and each meeting's
//! sorted word ids, so a very common prefix is checked per candidate row instead of
//! unioning huge posting lists. It is the costliest part of the index to build and only a
//! typed word needs it, so [`super::Index`] builds it on first use (or when asked to, once
//! the first results are on screen).

use super::sort::{group, grouped, order_by};
use super::text::for_each_word;
use crate::hash::TextMap;
use crate::model::Meeting;
use crate::types::TypeNames;

/// The word index over the meetings of an [`super::Index`].
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// Sorted folded vocabulary.
    pub(crate) vocab: Vec<String>,
    /// Word `w`'s meetings are `postings[posting_start[w]..posting_start[w + 1]]`.
    pub(crate) posting_start: Vec<u32>,
    pub(crate) postings: Vec<u32>,
    /// Meeting `m`'s sorted word ids are `meeting_words[meeting_word_start[m]..[m + 1]]`.
    pub(crate) meeting_word_start: Vec<u32>,
    pub(crate) meeting_words: Vec<u32>,
}

impl Words {
    /// No words.
    pub(crate) const EMPTY: Words = Words {
        vocab: Vec::new(),
        posting_start: Vec::new(),
        postings: Vec::new(),
        meeting_word_start: Vec::new(),
        meeting_words: Vec::new(),
    };

    /// The range of vocabulary ids whose words begin with `prefix` (already folded).
    pub(crate) fn prefix_range(&self, prefix: &str) -> (usize, usize) {
        (
            vocab_bound(&self.vocab, prefix, false),
            vocab_bound(&self.vocab, prefix, true),
        )
    }

    /// The meetings of the words with ids in `lo..hi`, word by word (a meeting once per
    /// word it has).
    pub(crate) fn postings(&self, lo: usize, hi: usize) -> &[u32] {
        grouped(&self.posting_start, &self.postings, lo, hi)
    }

    /// Whether meeting `m` has a word with an id in `lo..hi`.
    pub(crate) fn meeting_has_word_in(&self, m: usize, lo: usize, hi: usize) -> bool {
        // (A scan of the meeting's few ids, not a binary search: no `partition_point`
        // copy in the wasm.)
        grouped(&self.meeting_word_start, &self.meeting_words, m, m + 1)
            .iter()
            .any(|&w| (lo..hi).contains(&(w as usize)))
    }
}

/// The first word of the sorted `vocab` not before `prefix`, or, when `past`, the first
/// after the run of words that begin with it: one binary search for both ends of the run
/// (`partition_point` compiled to one copy of WebAssembly per end).
fn vocab_bound(vocab: &[String], prefix: &str, past: bool) -> usize {
    let (mut lo, mut hi) = (0, vocab.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let w = vocab.get(mid).map_or("", String::as_str);
        if w < prefix || (past && w.starts_with(prefix)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The word index part-built: the meetings' words are read a slice at a time
/// ([`WordsBuilder::read`]), so that building it in the background never holds the
/// page for long, then [`WordsBuilder::finish`] sorts the vocabulary and makes the
/// postings.
#[derive(Debug, Default)]
pub(crate) struct WordsBuilder {
    words: WordIds,
    /// Word ids of the meetings read so far, meeting `m`'s at `starts[m]..starts[m + 1]`
    /// (unsorted, repeats kept, until [`WordsBuilder::finish`]).
    per_meeting: Vec<u32>,
    starts: Vec<u32>,
}

impl WordsBuilder {
    /// Reads the words of up to `count` more meetings of `meetings`; `true` once every
    /// meeting is read.
    pub(crate) fn read(&mut self, meetings: &[Meeting], names: &TypeNames, count: usize) -> bool {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let done = self.starts.len() - 1;
        let rest = meetings.get(done..).unwrap_or_default();
        let Self {
            words,
            per_meeting,
            starts,
        } = self;
        for meeting in &rest[..count.min(rest.len())] {
            let p = &meeting.place;
            let out = &mut *per_meeting;
            for field in [
                &meeting.name,
                &p.address,
                &p.formatted_address,
                &meeting.group,
                &meeting.notes,
            ] {
                words.push(field, out);
            }
            // Fields that repeat from meeting to meeting are split into words once.
            for field in [
                &p.location,
                &p.city,
                &p.state,
                &p.postal_code,
                &p.neighborhood,
                &p.notes,
                &meeting.group_notes,
            ] {
                words.push_memo(field, out);
            }
            for region in &meeting.regions {
                words.push_memo(region, out);
            }
            for code in &meeting.types {
                words.push_type(code, names, out);
            }
            starts.push(per_meeting.len() as u32);
        }
        starts.len() > meetings.len()
    }

    /// The word index over the meetings read.
    pub(crate) fn finish(self) -> Words {
        let WordsBuilder {
            words,
            mut per_meeting,
            mut starts,
        } = self;
        if starts.is_empty() {
            starts.push(0);
        }
        let n = starts.len() - 1;
        let mut vocab = words.vocab;
        // Renumber words by their rank in the sorted vocabulary ...
        let order = order_by(vocab.len(), &mut |a, b| vocab[a].cmp(&vocab[b]));
        let mut rank = vec![0u32; vocab.len()];
        for (r, &id) in order.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        let mut sorted_vocab: Vec<String> = Vec::with_capacity(vocab.len());
        for &id in &order {
            sorted_vocab.push(std::mem::take(&mut vocab[id as usize]));
        }
        // ... keeping each meeting's words once each, in place: `last[w]` is the last
        // meeting seen with word `w` (no sort per meeting; `order`'s memory reused, so the
        // build needs no more than before).
        let mut last = order;
        last.fill(u32::MAX);
        let mut w = 0;
        for m in 0..n {
            let (s, e) = (starts[m] as usize, starts[m + 1] as usize);
            starts[m] = w as u32;
            for r in s..e {
                let id = per_meeting[r] as usize;
                if last[id] != m as u32 {
                    last[id] = m as u32;
                    per_meeting[w] = rank[id];
                    w += 1;
                }
            }
        }
        per_meeting.truncate(w);
        starts[n] = w as u32;
        drop((last, rank));
        // Postings: word → meetings, in meeting order; then, read back by word, meeting →
        // words in word order, which is each meeting's ids sorted.
        let (posting_start, postings) = group(&per_meeting, sorted_vocab.len(), &starts);
        drop(per_meeting);
        let (meeting_word_start, meeting_words) = group(&postings, n, &posting_start);
        Words {
            vocab: sorted_vocab,
            posting_start,
            postings,
            meeting_word_start,
            meeting_words,
        }
    }
}

/// Word ids while the index is built: each distinct folded word gets the next id, and
/// the words of a field that repeats (a town, a type name) are remembered whole.
///
/// The maps are the crate's one [`TextMap`] type; a range `(s, e)` is kept as `s << 32 | e`.
#[derive(Debug, Default)]
struct WordIds {
    ids: TextMap,
    vocab: Vec<String>,
    /// Text → the range of its word ids in `memo_ids`.
    memo: TextMap,
    /// Type code as the feed spells it → the range of its name's ids in `memo_ids`.
    codes: TextMap,
    memo_ids: Vec<u32>,
    buf: String,
}

/// A range packed as the maps of [`WordIds`] keep it.
fn pack(range: (u32, u32)) -> u64 {
    (range.0 as u64) << 32 | range.1 as u64
}

/// The inverse of [`pack`].
fn unpack(v: u64) -> (u32, u32) {
    ((v >> 32) as u32, v as u32)
}

impl WordIds {
    /// Appends the ids of the words of `text` to `out`.
    fn push(&mut self, text: &str, out: &mut Vec<u32>) {
        let (ids, vocab) = (&mut self.ids, &mut self.vocab);
        for_each_word(text, &mut self.buf, |w| {
            let id = match ids.get(w) {
                Some(id) => id as u32,
                None => {
                    let id = vocab.len() as u32;
                    ids.insert(w.into(), id as u64);
                    vocab.push(w.into());
                    id
                }
            };
            out.push(id);
        });
    }

    /// Like [`WordIds::push`], remembering the result for the same text.
    fn push_memo(&mut self, text: &str, out: &mut Vec<u32>) {
        if text.is_empty() {
            return;
        }
        let range = self.memo_range(text);
        self.push_range(range, out);
    }

    /// Like [`WordIds::push_memo`] for the name of type `code`, looked up once per spelling.
    fn push_type(&mut self, code: &str, names: &TypeNames, out: &mut Vec<u32>) {
        let range = match self.codes.get(code) {
            Some(range) => unpack(range),
            None => {
                let range = self.memo_range(names.name(code));
                self.codes.insert(code.into(), pack(range));
                range
            }
        };
        self.push_range(range, out);
    }

    /// Appends the ids of `memo_ids` in `range` (one that [`WordIds::memo_range`] gave).
    fn push_range(&self, (s, e): (u32, u32), out: &mut Vec<u32>) {
        out.extend_from_slice(
            self.memo_ids
                .get(s as usize..e as usize)
                .unwrap_or_default(),
        );
    }

    /// The range of `text`'s word ids in `memo_ids`, splitting it on first sight.
    fn memo_range(&mut self, text: &str) -> (u32, u32) {
        match self.memo.get(text) {
            Some(range) => unpack(range),
            None => {
                let mut ids = std::mem::take(&mut self.memo_ids);
                let s = ids.len() as u32;
                self.push(text, &mut ids);
                let range = (s, ids.len() as u32);
                self.memo_ids = ids;
                self.memo.insert(text.into(), pack(range));
                range
            }
        }
    }
}
