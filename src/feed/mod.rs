//! Reading feeds: one entry point, [`read`], that detects the format of a feed's bytes
//! and turns it into clean [`Meeting`]s plus a record of every repair and problem.

use crate::model::Meeting;

/// The formats [`read`] understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A Meeting Guide JSON array (12 Step Meeting List, spreadsheets, BMLT's tsml).
    MeetingGuide,
    /// A BMLT `client_interface/json` answer (bare array or `{meetings, formats}`).
    Bmlt,
}

/// What the embed or the command line supplies beside the feed's bytes.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// IANA time zone for meetings whose feed gives none.
    pub default_timezone: Option<String>,
    /// The bytes of a BMLT `GetFormats` answer, to name the formats of a bare BMLT array.
    pub bmlt_formats: Option<Vec<u8>>,
}

/// A feed, read.
#[derive(Clone, Debug)]
pub struct Feed {
    /// The format detected.
    pub format: Format,
    /// How many records the feed held.
    pub records: usize,
    /// The meetings kept.
    pub meetings: Vec<Meeting>,
}

/// Why a feed could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The bytes are not valid JSON.
    InvalidJson {
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
    },
}

/// Reads a feed's bytes, whatever its format.
pub fn read(_bytes: &[u8], _options: &ReadOptions) -> Result<Feed, FeedError> {
    Err(FeedError::InvalidJson { line: 1, column: 1 })
}
