//! The citizen's whole state as short text: the URL fragment of a shareable link (and what is
//! saved in the browser). A link restores the state exactly; a damaged, edited or old link is
//! repaired against the advisor and every repair is reported as a [`Problem`].
//!
//! # Format (version 2)
//!
//! ```text
//! v2;ret;2024.1;nl;1;0.6,1.18;k6g-;Nu~trips=8,distance=7,travel=4,age=19-64,lives=1,travels=1~cost=3,flexibility=1,convenience=1;Na%20de%20verhuizing~trips=10,distance=3,travel=5,age=19-64,lives=1,travels=1~cost=5,flexibility=1,convenience=2
//! ```
//!
//! Fields are separated by `;`:
//!
//! | field | meaning |
//! |---|---|
//! | `v2` | format version ([`FORMAT_VERSION`]); a later format gets `v3` and its own fields |
//! | `ret` | advisor id (`id` in the definition) |
//! | `2024.1` | advisor version (`version` in the definition) the link was made with |
//! | `nl` | interface language (`nl` or `en`) |
//! | `1` | index of the active scenario (counting from 0) |
//! | `0.6,1.18` | the sequence (scenarios over time), empty when there is none; see below |
//! | `k6g-` | check: 4 characters computed from all other fields (also the sequence) |
//! | one field per scenario | `name~answers~weights` (at least 1, at most [`MAX_SCENARIOS`]) |
//!
//! - The sequence is 0 to [`MAX_PERIODS`] periods in time order. A period is the index of
//!   its scenario (counting from 0, in the order of the scenario fields), a `.` and its
//!   length in whole months (1 to [`MAX_PERIOD_MONTHS`]): `0.6,1.18` is 6 months of the
//!   first scenario, then 18 months of the second. Only ASCII digits, `.` and `,`.
//! - The check notices a link that was cut off or changed.
//! - `answers` is `key=value,key=value,...` with one entry for **every** question (also those at
//!   their default: a later version of the advisor may change a default, and a link must keep
//!   what the citizen saw). Numbers are written as Rust writes an `f64` (shortest text that
//!   reads back to exactly the same number), yes/no as `1`/`0`, a choice as its choice id.
//! - `weights` is `key=value,...` with one entry for every factor.
//! - The key of a question or factor is its id, shortened to the fewest leading `_`-separated
//!   words that still identify it among the advisor's current ids (`trips` for
//!   `trips_per_week`, `travel` for `travel_days_per_week`, `travels` for
//!   `travels_with_adult`). Reading a key: an id that equals it, else the only id that starts
//!   with the key followed by `_`. Keyed by id (not position), an answer survives a new
//!   version of the advisor as long as its question still exists.
//! - Names, ids and values are percent-escaped: every byte other than ASCII letters, digits and
//!   `- . _ +` becomes `%XX` (UTF-8), so a name can hold `;`, `~`, `,`, `=`, `%` or any
//!   Unicode text and the whole text is URL-safe. Separators themselves are never escaped.
//!
//! Give [`decode`] the fragment exactly as the browser has it (`location.hash`, with or without
//! the `#`), **not** percent-decoded; a fragment that was percent-encoded once more on the way
//! (all `;` as `%3B`) is recognised and read as well.
//!
//! [`decode_answers`] reads the answers of one scenario alone (`trips=8,age=65+`), with the
//! same keys, values and repairs, for answers given before the citizen starts (a widget's
//! prefill).
//!
//! ## Version 1
//!
//! Links of format version 1 are still read, exactly as before. They have no sequence field
//! (the check follows the active index) and give an empty sequence, without a problem:
//!
//! ```text
//! v1;ret;2024.1;nl;0;s7en;Nu~trips=8,distance=7,travel=4,age=19-64,lives=1,travels=1~cost=3,flexibility=1,convenience=1
//! ```
//!
//! # Repairs
//!
//! [`decode`] returns a state that is always valid for the advisor ([`SharedState::is_valid`]):
//! answers in range and on their step, weights from 0 to [`WEIGHT_MAX`], 1 to
//! [`MAX_SCENARIOS`] scenarios with names of 1 to [`MAX_NAME_CHARS`] characters, the active
//! scenario in range, a sequence of at most [`MAX_PERIODS`] periods of existing scenarios,
//! each 1 to [`MAX_PERIOD_MONTHS`] months long. Whatever had to be repaired is listed in
//! [`Decoded::problems`] (at most [`MAX_PROBLEMS`], then one [`Problem::MoreProblems`]). Only
//! when nothing is usable does it return a [`DecodeError`]. It never panics, whatever the text.
//!
//! The sequence is repaired on its own, after the scenarios: damage inside the sequence field
//! never costs a scenario. Of more than [`MAX_PERIODS`] periods the first ones are kept
//! ([`Problem::TooManyPeriods`]); then each is checked. A period of a scenario that does not exist (also one of the scenarios dropped
//! beyond [`MAX_SCENARIOS`]) is left out ([`Problem::PeriodWithoutScenario`]), a length
//! outside 1 to [`MAX_PERIOD_MONTHS`] months is set to the nearest allowed length
//! ([`Problem::PeriodLength`]), and a period that cannot be read is left out
//! ([`Problem::BadPeriod`]). Empty entries (`0.6,,1.18`) are skipped.
//!
//! # Changing the scenarios
//!
//! [`SharedState::add`], [`SharedState::duplicate`], [`SharedState::remove`],
//! [`SharedState::move_to`] and [`SharedState::rename`] change the list of scenarios and keep
//! `active` and `sequence` pointing at the same scenarios (see each for its rules);
//! [`SharedState::add_period`], [`SharedState::remove_period`], [`SharedState::move_period`]
//! and [`SharedState::set_period`] change the sequence. None of them panics: an index that
//! does not exist changes nothing. On a valid state they keep it valid.

mod codec;
mod list;
mod repair;

use crate::advisor::Advisor;
use crate::eval::{Answer, Scenario};
use crate::model::InputKind;
use crate::scenarios::{MAX_PERIOD_MONTHS, MAX_PERIODS, Period};
use crate::text::Lang;
use crate::weights::WEIGHT_MAX;

pub use codec::{advisor_id, answer_code, encode};
pub use repair::{decode, decode_answers};

/// The format version written by [`encode`]. A link with a higher version is refused with
/// [`DecodeError::NewerFormat`] (the page is older than the link: reloading helps).
pub const FORMAT_VERSION: u32 = 2;

/// Most scenarios in one state; a link with more keeps the first ones.
pub const MAX_SCENARIOS: usize = 12;

/// Longest scenario name, in characters (Unicode scalar values).
pub const MAX_NAME_CHARS: usize = 60;

/// Longest text [`decode`] reads (bytes); longer is [`DecodeError::Unreadable`]. Room for
/// [`MAX_SCENARIOS`] scenarios with names of [`MAX_NAME_CHARS`] escaped non-ASCII characters
/// and a sequence of [`MAX_PERIODS`] periods.
pub const MAX_TEXT_BYTES: usize = 32 * 1024;

/// Most problems listed for one link; the rest are counted in [`Problem::MoreProblems`].
pub const MAX_PROBLEMS: usize = 20;

/// The name of the scenario made by [`SharedState::single`].
pub const DEFAULT_NAME: &str = "Nu";

/// Fields before the scenarios: format, advisor, version, language, active, sequence, check.
const HEADER_FIELDS: usize = 7;

/// Fields before the scenarios in format version 1 (no sequence).
const HEADER_FIELDS_V1: usize = 6;

/// Everything the citizen has set: which advisor, the language, one or more named scenarios
/// (answers and weights), one of which is shown, and the sequence of scenarios over time.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedState {
    /// Advisor id (`id` in the definition).
    pub advisor: String,
    /// Advisor version (`version` in the definition) the answers belong to.
    pub version: String,
    /// Interface language.
    pub lang: Lang,
    /// The scenarios, in the citizen's order; 1 to [`MAX_SCENARIOS`].
    pub scenarios: Vec<NamedScenario>,
    /// Index into `scenarios` of the one shown.
    pub active: usize,
    /// The scenarios over time, in time order: each period an index into `scenarios` and a
    /// length of 1 to [`MAX_PERIOD_MONTHS`] months; at most [`MAX_PERIODS`] periods. Empty
    /// when the citizen made no sequence. A scenario may appear in several periods.
    pub sequence: Vec<Period>,
}

/// A scenario with the name the citizen gave it ("Nu", "Na de verhuizing").
#[derive(Clone, Debug, PartialEq)]
pub struct NamedScenario {
    /// 1 to [`MAX_NAME_CHARS`] characters, not only spaces, no control characters.
    pub name: String,
    /// Answers and weights.
    pub scenario: Scenario,
}

impl SharedState {
    /// The state with one scenario named [`DEFAULT_NAME`] ("Nu"), active, and no sequence, for
    /// the current version of `advisor`.
    pub fn single(advisor: &Advisor, scenario: Scenario, lang: Lang) -> SharedState {
        SharedState {
            advisor: advisor.def.id.clone(),
            version: advisor.def.version.clone(),
            lang,
            scenarios: vec![NamedScenario {
                name: DEFAULT_NAME.to_string(),
                scenario,
            }],
            active: 0,
            sequence: Vec::new(),
        }
    }

    /// The active scenario (the first if `active` is out of range; `None` if there are none).
    pub fn active_scenario(&self) -> Option<&NamedScenario> {
        self.scenarios
            .get(self.active)
            .or_else(|| self.scenarios.first())
    }

    /// True when the state is one [`decode`] could return without repairs: this advisor and
    /// version, 1 to [`MAX_SCENARIOS`] scenarios with valid names ([`valid_name`]), `active` in
    /// range, one accepted answer per question ([`Advisor::answer_value`]), one weight per
    /// factor from 0 to [`WEIGHT_MAX`], and at most [`MAX_PERIODS`] periods, each of an
    /// existing scenario and 1 to [`MAX_PERIOD_MONTHS`] months long. For such a state,
    /// `decode(encode(s))` gives `s` back exactly, without problems.
    pub fn is_valid(&self, advisor: &Advisor) -> bool {
        self.advisor == advisor.def.id
            && self.version == advisor.def.version
            && (1..=MAX_SCENARIOS).contains(&self.scenarios.len())
            && self.active < self.scenarios.len()
            && self.scenarios.iter().all(|s| {
                valid_name(&s.name)
                    && s.scenario.inputs.len() == advisor.inputs.len()
                    && s.scenario.weights.len() == advisor.factors.len()
                    && s.scenario
                        .inputs
                        .iter()
                        .enumerate()
                        .all(|(i, &v)| answer_accepted(advisor, i, v))
                    && s.scenario.weights.iter().all(|&w| weight_valid(w))
            })
            && self.sequence.len() <= MAX_PERIODS
            && self.sequence.iter().all(|&p| self.period_fits(p))
    }

    /// True when `p` can be a period of this state: its scenario exists and it is 1 to
    /// [`MAX_PERIOD_MONTHS`] months long.
    fn period_fits(&self, p: Period) -> bool {
        p.scenario < self.scenarios.len() && (1..=MAX_PERIOD_MONTHS).contains(&p.months)
    }
}

/// Why [`SharedState::rename`] refused a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    /// Nothing left after removing spaces (and control characters).
    Empty,
    /// Longer than [`MAX_NAME_CHARS`] characters.
    TooLong,
}

/// True for a scenario name [`decode`] keeps as is: 1 to [`MAX_NAME_CHARS`] characters, not
/// only white space, no control characters.
pub fn valid_name(name: &str) -> bool {
    !name.trim().is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && !name.chars().any(char::is_control)
}

/// A weight a slider can show: finite, from 0 to [`WEIGHT_MAX`].
fn weight_valid(w: f64) -> bool {
    w.is_finite() && (0.0..=WEIGHT_MAX).contains(&w)
}

/// True when slot value `v` is an answer [`Advisor::answer_value`] accepts for input `i`, and
/// gives back as is.
fn answer_accepted(advisor: &Advisor, i: usize, v: f64) -> bool {
    let inp = &advisor.inputs[i];
    let answer = match inp.kind {
        InputKind::Integer | InputKind::Number => Answer::Number(v),
        InputKind::YesNo if v == 0.0 || v == 1.0 => Answer::YesNo(v == 1.0),
        InputKind::Choice if v >= 0.0 && v.fract() == 0.0 && v < inp.choices.len() as f64 => {
            Answer::Choice(inp.choices[v as usize].clone())
        }
        _ => return false,
    };
    advisor.answer_value(i, &answer) == Ok(v)
}

/// The result of [`decode`]: a usable state and what was repaired to get it.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// Always valid for the advisor passed to [`decode`] ([`SharedState::is_valid`]).
    pub state: SharedState,
    /// What was repaired, in the order found; empty for an intact link of this version.
    pub problems: Vec<Problem>,
}

/// Something in a link that was repaired. Each says enough for a clear message
/// ([`Problem::message`]). `scenario` is the (repaired) name of the scenario it was found in
/// when the link has more than one scenario, else `None`. Texts quoted from the link are cut
/// to 30 characters.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The link was made with another version of this advisor; answers whose question still
    /// exists were kept, the others repaired (and reported on their own).
    OtherVersion {
        /// Version in the link.
        link: String,
        /// Version of the advisor now.
        current: String,
    },
    /// The check does not match: the link was cut off or changed. What could be read was used.
    Incomplete,
    /// The language is not one the advisor has; Dutch is used.
    UnknownLanguage {
        /// The language code in the link.
        found: String,
    },
    /// The link has more scenarios than [`MAX_SCENARIOS`]; the first ones were kept.
    TooManyScenarios {
        /// Scenarios in the link.
        found: usize,
        /// Scenarios kept.
        kept: usize,
    },
    /// The active scenario is not a number or does not exist; the first one is shown.
    BadActive {
        /// The text in the link.
        found: String,
    },
    /// A scenario name was longer than [`MAX_NAME_CHARS`]; it was cut.
    NameTooLong {
        /// The name as kept.
        name: String,
        /// Its length in the link, in characters.
        chars: usize,
    },
    /// A scenario name was empty, only spaces, or had control characters or broken escapes;
    /// it was cleaned or replaced.
    BadName {
        /// The name now used.
        name: String,
    },
    /// An answer to a question this version does not have (or a key that fits several
    /// questions); it was ignored.
    UnknownInput {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// The key in the link.
        id: String,
    },
    /// A weight for a factor this version does not have; it was ignored.
    UnknownFactor {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// The key in the link.
        id: String,
    },
    /// A number outside the question's range; the nearest allowed value was used.
    OutOfRange {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// Input id.
        input: String,
        /// The value in the link.
        value: f64,
        /// The value used.
        clamped: f64,
    },
    /// A number between the question's steps; it was rounded to the nearest step.
    OffStep {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// Input id.
        input: String,
        /// The value in the link.
        value: f64,
        /// The value used.
        snapped: f64,
    },
    /// A choice the question does not have; the default answer was used.
    NotAChoice {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// Input id.
        input: String,
        /// The text in the link.
        text: String,
    },
    /// An answer that is not a number (number questions) or not yes/no (yes/no questions);
    /// the default answer was used.
    BadAnswer {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// Input id.
        input: String,
        /// The text in the link.
        text: String,
    },
    /// Questions without an answer in the link (e.g. new in this version); their default
    /// answers were used.
    MissingAnswers {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// Input ids, in question order.
        inputs: Vec<String>,
    },
    /// A weight that is not a number; the factor's default weight was used.
    BadWeight {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// Factor id.
        factor: String,
        /// The text in the link.
        text: String,
    },
    /// A weight below 0 or above [`WEIGHT_MAX`]; the nearest allowed weight was used.
    WeightOutOfRange {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// Factor id.
        factor: String,
        /// The weight in the link.
        value: f64,
        /// The weight used.
        clamped: f64,
    },
    /// Factors without a weight in the link; their default weights were used.
    MissingWeights {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// Factor ids, in factor order.
        factors: Vec<String>,
    },
    /// A part of the link that could not be read (no `=`, a key given twice, extra parts);
    /// it was skipped.
    Unreadable {
        /// Scenario name, when there are several.
        scenario: Option<String>,
        /// The text in the link.
        text: String,
    },
    /// The sequence has more periods than [`MAX_PERIODS`]; the first ones were kept.
    TooManyPeriods {
        /// Periods in the link.
        found: usize,
        /// Periods kept.
        kept: usize,
    },
    /// A period of the sequence belongs to a scenario that does not exist (or that was
    /// dropped, see [`Problem::TooManyScenarios`]); the period was left out.
    PeriodWithoutScenario {
        /// Place of the period in the link's sequence, counting from 1.
        period: usize,
        /// The scenario index in the link (counting from 0).
        found: String,
    },
    /// A period shorter than 1 month or longer than [`MAX_PERIOD_MONTHS`]; the nearest
    /// allowed length was used.
    PeriodLength {
        /// Place of the period in the link's sequence, counting from 1.
        period: usize,
        /// The months in the link (a huge number as `i64::MAX` or `i64::MIN`).
        value: i64,
        /// The months used.
        months: u32,
    },
    /// A period of the sequence that could not be read (not `scenario.months` with whole
    /// numbers); it was left out.
    BadPeriod {
        /// Place of the period in the link's sequence, counting from 1.
        period: usize,
        /// The text in the link.
        text: String,
    },
    /// More problems than [`MAX_PROBLEMS`]; this many more were not listed.
    MoreProblems {
        /// Problems not listed.
        count: usize,
    },
}

/// Why a link gave nothing usable. The page then starts from the defaults.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// No text (or only `#`).
    Empty,
    /// Not a state link at all (e.g. an in-page anchor such as `#main`): show nothing.
    NotOurs,
    /// A state link for another advisor.
    OtherAdvisor {
        /// The advisor id in the link (cut to 30 characters).
        found: String,
    },
    /// Made with a newer format than this page knows: the page is out of date.
    NewerFormat {
        /// The format version in the link.
        found: u32,
    },
    /// Too long, or nothing but the header could be read.
    Unreadable,
}

/// Where repaired answers came from, for the wording of a [`Problem`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A shared link (its `#fragment`).
    Link,
    /// What the citizen saved on this device.
    Device,
    /// Answers a host website passed on to the widget (`prefill`).
    Website,
}

impl Problem {
    /// The scenario the problem was found in, when the link has several.
    pub fn scenario(&self) -> Option<&str> {
        match self {
            Problem::UnknownInput { scenario, .. }
            | Problem::UnknownFactor { scenario, .. }
            | Problem::OutOfRange { scenario, .. }
            | Problem::OffStep { scenario, .. }
            | Problem::NotAChoice { scenario, .. }
            | Problem::BadAnswer { scenario, .. }
            | Problem::MissingAnswers { scenario, .. }
            | Problem::BadWeight { scenario, .. }
            | Problem::WeightOutOfRange { scenario, .. }
            | Problem::MissingWeights { scenario, .. }
            | Problem::Unreadable { scenario, .. } => scenario.as_deref(),
            _ => None,
        }
    }
}
