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

use std::cmp::Ordering;

use crate::advisor::Advisor;
use crate::eval::{Answer, AnswerError, Scenario};
use crate::explain;
use crate::format;
use crate::model::InputKind;
use crate::scenarios::{MAX_PERIOD_MONTHS, MAX_PERIODS, Period};
use crate::text::Lang;
use crate::weights::WEIGHT_MAX;

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

/// Longest piece of link text quoted in a problem (characters).
const SNIPPET_CHARS: usize = 30;

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

/// Changing the list of scenarios and the sequence. Each keeps `active` and `sequence`
/// pointing at the same scenarios as before, never panics, and changes nothing when an index
/// does not exist.
impl SharedState {
    /// Adds `named` as the last scenario and returns its index; `None` (nothing changed) when
    /// there are already [`MAX_SCENARIOS`]. The name is cleaned as by
    /// [`SharedState::rename`] (control characters removed, trimmed) and cut to
    /// [`MAX_NAME_CHARS`] characters; an empty name becomes [`SharedState::unique_name`] of
    /// [`DEFAULT_NAME`]. `active` and `sequence` stay as they are.
    pub fn add(&mut self, mut named: NamedScenario) -> Option<usize> {
        if self.scenarios.len() >= MAX_SCENARIOS {
            return None;
        }
        named.name = self.cleaned_or_unique(&named.name, DEFAULT_NAME);
        self.scenarios.push(named);
        Some(self.scenarios.len() - 1)
    }

    /// Inserts a copy of scenario `i`, named `name`, right after it and returns the copy's
    /// index (`i + 1`); `None` (nothing changed) when `i` does not exist or there are already
    /// [`MAX_SCENARIOS`]. The name is cleaned as in [`SharedState::add`]; an empty one becomes
    /// [`SharedState::unique_name`] of scenario `i`'s name. Scenarios after `i` move one place
    /// up; `active` and the periods follow them (so periods of `i` stay with the original,
    /// not the copy).
    pub fn duplicate(&mut self, i: usize, name: String) -> Option<usize> {
        if i >= self.scenarios.len() || self.scenarios.len() >= MAX_SCENARIOS {
            return None;
        }
        let mut copy = self.scenarios[i].clone();
        copy.name = self.cleaned_or_unique(&name, &copy.name);
        self.scenarios.insert(i + 1, copy);
        let shift = |k: usize| if k > i { k + 1 } else { k };
        self.active = shift(self.active);
        for p in &mut self.sequence {
            p.scenario = shift(p.scenario);
        }
        Some(i + 1)
    }

    /// Removes scenario `i` and its periods; true when done. False (nothing changed) when `i`
    /// does not exist or it is the only scenario (a state always has one). Scenarios after
    /// `i` move one place down and their periods follow them. When `i` was active, the
    /// scenario that takes its place (the next one) becomes active, or the one before it
    /// when `i` was the last; otherwise the same scenario stays active.
    pub fn remove(&mut self, i: usize) -> bool {
        if i >= self.scenarios.len() || self.scenarios.len() <= 1 {
            return false;
        }
        self.scenarios.remove(i);
        let last = self.scenarios.len() - 1;
        self.active = match self.active {
            a if a > i => a - 1,
            a if a == i => i.min(last),
            a => a,
        }
        .min(last);
        self.sequence.retain(|p| p.scenario != i);
        for p in &mut self.sequence {
            if p.scenario > i {
                p.scenario -= 1;
            }
        }
        true
    }

    /// Moves scenario `from` to place `to` (the others keep their order); true when both
    /// exist (also when `from == to`, which changes nothing). `active` and every period keep
    /// pointing at the same scenarios, at their new places.
    pub fn move_to(&mut self, from: usize, to: usize) -> bool {
        let n = self.scenarios.len();
        if from >= n || to >= n {
            return false;
        }
        let moved = self.scenarios.remove(from);
        self.scenarios.insert(to, moved);
        let place = |k: usize| {
            if k == from {
                to
            } else if from < to && (from + 1..=to).contains(&k) {
                k - 1
            } else if to < from && (to..from).contains(&k) {
                k + 1
            } else {
                k
            }
        };
        self.active = place(self.active);
        for p in &mut self.sequence {
            p.scenario = place(p.scenario);
        }
        true
    }

    /// Renames scenario `i` to `name` with control characters removed and white space trimmed
    /// at both ends. An error (nothing changed) when nothing is left ([`NameError::Empty`]) or
    /// more than [`MAX_NAME_CHARS`] characters are ([`NameError::TooLong`]). The name is checked
    /// also when `i` does not exist; a fine name for a scenario that does not exist changes
    /// nothing and gives `Ok`. Names need not be unique (see [`SharedState::unique_name`]).
    pub fn rename(&mut self, i: usize, name: &str) -> Result<(), NameError> {
        let name = clean_name(name);
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(NameError::TooLong);
        }
        if let Some(s) = self.scenarios.get_mut(i) {
            s.name = name;
        }
        Ok(())
    }

    /// `wanted` (cleaned as by [`SharedState::rename`], cut to [`MAX_NAME_CHARS`] characters,
    /// [`DEFAULT_NAME`] if empty) when no scenario has that name yet; else the same name with
    /// the lowest free number: "Nu" taken gives "Nu (2)", then "Nu (3)". A number the wanted
    /// name already ends with is replaced ("Nu (2)" taken gives "Nu (3)", not "Nu (2) (2)").
    /// The name is cut to leave room for the number, so the result is always a valid name
    /// ([`valid_name`]).
    pub fn unique_name(&self, wanted: &str) -> String {
        let mut name: String = clean_name(wanted).chars().take(MAX_NAME_CHARS).collect();
        name.truncate(name.trim_end().len());
        if name.is_empty() {
            name = DEFAULT_NAME.to_string();
        }
        let taken = |candidate: &str| self.scenarios.iter().any(|s| s.name.trim() == candidate);
        if !taken(&name) {
            return name;
        }
        let base = strip_number(&name);
        (2..)
            .map(|n| {
                let suffix = format!(" ({n})");
                let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
                let cut: String = base.chars().take(room).collect();
                format!("{}{suffix}", cut.trim_end())
            })
            .find(|candidate| !taken(candidate))
            .unwrap_or_default()
    }

    /// Adds period `p` at the end of the sequence; true when done. False (nothing changed)
    /// when the sequence has [`MAX_PERIODS`] periods already, `p`'s scenario does not exist
    /// or its length is not 1 to [`MAX_PERIOD_MONTHS`] months.
    pub fn add_period(&mut self, p: Period) -> bool {
        if self.sequence.len() >= MAX_PERIODS || !self.period_fits(p) {
            return false;
        }
        self.sequence.push(p);
        true
    }

    /// Removes period `k` of the sequence; false (nothing changed) when it does not exist.
    pub fn remove_period(&mut self, k: usize) -> bool {
        if k >= self.sequence.len() {
            return false;
        }
        self.sequence.remove(k);
        true
    }

    /// Moves period `from` to place `to` in the sequence (the others keep their order); true
    /// when both exist (also when `from == to`, which changes nothing).
    pub fn move_period(&mut self, from: usize, to: usize) -> bool {
        let n = self.sequence.len();
        if from >= n || to >= n {
            return false;
        }
        let p = self.sequence.remove(from);
        self.sequence.insert(to, p);
        true
    }

    /// Replaces period `k` by `p`; false (nothing changed) when period `k` does not exist,
    /// `p`'s scenario does not exist or its length is not 1 to [`MAX_PERIOD_MONTHS`] months.
    pub fn set_period(&mut self, k: usize, p: Period) -> bool {
        if k >= self.sequence.len() || !self.period_fits(p) {
            return false;
        }
        self.sequence[k] = p;
        true
    }

    /// `name` cleaned and cut to [`MAX_NAME_CHARS`]; [`SharedState::unique_name`] of
    /// `fallback` when nothing is left.
    fn cleaned_or_unique(&self, name: &str, fallback: &str) -> String {
        let mut cut: String = clean_name(name).chars().take(MAX_NAME_CHARS).collect();
        cut.truncate(cut.trim_end().len());
        if cut.is_empty() {
            self.unique_name(fallback)
        } else {
            cut
        }
    }
}

/// `name` without control characters and without white space at both ends.
fn clean_name(name: &str) -> String {
    let no_control: String = name.chars().filter(|c| !c.is_control()).collect();
    no_control.trim().to_string()
}

/// `name` without a trailing number in brackets: "Nu (2)" gives "Nu"; "(2)" stays.
fn strip_number(name: &str) -> &str {
    let Some(open) = name.strip_suffix(')').and_then(|rest| rest.rfind(" (")) else {
        return name;
    };
    let digits = &name[open + 2..name.len() - 1];
    let base = name[..open].trim_end();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !base.is_empty() {
        base
    } else {
        name
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

impl NameError {
    /// One or two plain sentences for the citizen (Dutch at B1 level, or English).
    pub fn message(self, lang: Lang) -> String {
        match (self, lang) {
            (NameError::Empty, Lang::Nl) => "Geef de situatie een naam.".into(),
            (NameError::Empty, Lang::En) => "Give the scenario a name.".into(),
            (NameError::TooLong, Lang::Nl) => {
                format!("Deze naam is te lang. Een naam heeft maximaal {MAX_NAME_CHARS} tekens.")
            }
            (NameError::TooLong, Lang::En) => {
                format!("This name is too long. A name has at most {MAX_NAME_CHARS} characters.")
            }
        }
    }
}

impl std::fmt::Display for NameError {
    /// The English message ([`NameError::message`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for NameError {}

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

/// An answer as a link (and a prefill) writes it, unescaped: a choice as its choice id,
/// yes/no as `1`/`0`, a number as Rust writes an `f64` (`8`, `7.5`).
pub fn answer_code(input: &crate::advisor::Input, v: f64) -> String {
    match input.kind {
        InputKind::Choice if v >= 0.0 && v.fract() == 0.0 => input
            .choices
            .get(v as usize)
            .cloned()
            .unwrap_or_else(|| v.to_string()),
        InputKind::YesNo if v == 1.0 => "1".to_string(),
        InputKind::YesNo if v == 0.0 => "0".to_string(),
        _ => v.to_string(),
    }
}

/// Writes `state` as the fragment text (without `#`). The header carries `state.advisor` and
/// `state.version` as they are; questions, choices and factors come from `advisor`. A state
/// that is not valid is written as it is (values the advisor does not know are written as
/// numbers), so [`decode`] repairs and reports it. Never panics.
pub fn encode(advisor: &Advisor, state: &SharedState) -> String {
    let input_ids: Vec<&str> = advisor.inputs.iter().map(|i| i.id.as_str()).collect();
    let factor_ids: Vec<&str> = advisor.factors.iter().map(|f| f.id.as_str()).collect();
    let input_keys: Vec<&str> = (0..input_ids.len())
        .map(|i| short_key(&input_ids, i))
        .collect();
    let factor_keys: Vec<&str> = (0..factor_ids.len())
        .map(|f| short_key(&factor_ids, f))
        .collect();

    let mut fields = Vec::with_capacity(HEADER_FIELDS - 1 + state.scenarios.len());
    fields.push(format!("v{FORMAT_VERSION}"));
    fields.push(escape(&state.advisor));
    fields.push(escape(&state.version));
    fields.push(state.lang.code().to_string());
    fields.push(state.active.to_string());
    let sequence: Vec<String> = state
        .sequence
        .iter()
        .map(|p| format!("{}.{}", p.scenario, p.months))
        .collect();
    fields.push(sequence.join(","));
    for ns in &state.scenarios {
        let mut s = escape(&ns.name);
        s.push('~');
        let mut first = true;
        for (i, inp) in advisor.inputs.iter().enumerate() {
            let Some(&v) = ns.scenario.inputs.get(i) else {
                continue;
            };
            if !first {
                s.push(',');
            }
            first = false;
            s.push_str(&escape(input_keys[i]));
            s.push('=');
            s.push_str(&escape(&answer_code(inp, v)));
        }
        s.push('~');
        for (f, key) in factor_keys.iter().enumerate() {
            let Some(&w) = ns.scenario.weights.get(f) else {
                continue;
            };
            if f > 0 {
                s.push(',');
            }
            s.push_str(&escape(key));
            s.push('=');
            s.push_str(&escape(&w.to_string()));
        }
        fields.push(s);
    }
    let check = checksum(&fields);
    fields.insert(HEADER_FIELDS - 1, check);
    fields.join(";")
}

/// The text of a link without `#` and surrounding space, with a second round of
/// percent-encoding undone (every `;` as `%3B`).
fn link_text(text: &str) -> Result<std::borrow::Cow<'_, str>, DecodeError> {
    let text = text.trim();
    let text = text.strip_prefix('#').unwrap_or(text).trim();
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(DecodeError::Unreadable);
    }
    if !text.contains(';') && text.to_ascii_lowercase().contains("%3b") {
        Ok(std::borrow::Cow::Owned(unescape(text).0))
    } else {
        Ok(std::borrow::Cow::Borrowed(text))
    }
}

/// The format version in a link's first field (`v2`), if it is one.
fn format_version(tag: &str) -> Option<u32> {
    match tag.strip_prefix(['v', 'V']) {
        Some(d) if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) => {
            Some(d.parse::<u32>().unwrap_or(u32::MAX))
        }
        _ => None,
    }
}

/// The advisor id a link names (its second field), read without the advisor: for a site that
/// opens the advisor a link belongs to. `None` for text that is not a link of this format (an
/// in-page anchor, for example).
pub fn advisor_id(text: &str) -> Option<String> {
    let text = link_text(text).ok()?;
    let mut fields = text.split(';');
    format_version(fields.next()?)?;
    // Read as `decode` reads it (percent-decoded, not trimmed), so both name the same advisor.
    Some(unescape(fields.next()?).0).filter(|id| !id.trim().is_empty())
}

/// Reads a fragment text (as [`encode`] writes it; a leading `#` and surrounding white space
/// are ignored) into a state that is valid for `advisor`, repairing what it must and listing
/// each repair. Never panics.
pub fn decode(advisor: &Advisor, text: &str) -> Result<Decoded, DecodeError> {
    let text = link_text(text)?;
    let fields: Vec<&str> = text.split(';').collect();
    let format_version = format_version(fields[0]).ok_or(DecodeError::NotOurs)?;
    if format_version > FORMAT_VERSION {
        return Err(DecodeError::NewerFormat {
            found: format_version,
        });
    }
    let header = match format_version {
        1 => HEADER_FIELDS_V1,
        FORMAT_VERSION => HEADER_FIELDS,
        _ => return Err(DecodeError::Unreadable),
    };
    if fields.len() <= header {
        return Err(DecodeError::Unreadable);
    }
    let link_advisor = unescape(fields[1]).0;
    if link_advisor != advisor.def.id {
        return Err(DecodeError::OtherAdvisor {
            found: snippet(&link_advisor),
        });
    }

    let mut problems = Problems::default();
    let link_version = unescape(fields[2]).0;
    if link_version != advisor.def.version {
        problems.push(Problem::OtherVersion {
            link: snippet(&link_version),
            current: advisor.def.version.clone(),
        });
    }
    let mut checked: Vec<&str> = fields[..header - 1].to_vec();
    checked.extend_from_slice(&fields[header..]);
    if fields[header - 1] != checksum(&checked) {
        problems.push(Problem::Incomplete);
    }
    let lang_text = unescape(fields[3]).0;
    let lang = Lang::from_code(&lang_text).unwrap_or_else(|| {
        problems.push(Problem::UnknownLanguage {
            found: snippet(&lang_text),
        });
        Lang::default()
    });

    let mut raw_scenarios = &fields[header..];
    if raw_scenarios.len() > MAX_SCENARIOS {
        problems.push(Problem::TooManyScenarios {
            found: raw_scenarios.len(),
            kept: MAX_SCENARIOS,
        });
        raw_scenarios = &raw_scenarios[..MAX_SCENARIOS];
    }
    let several = raw_scenarios.len() > 1;
    let reader = Reader::new(advisor);
    let scenarios: Vec<NamedScenario> = raw_scenarios
        .iter()
        .enumerate()
        .map(|(k, raw)| reader.scenario(k, raw, several, &mut problems))
        .collect();

    let active = match fields[4].parse::<usize>() {
        Ok(a) if a < scenarios.len() => a,
        _ => {
            problems.push(Problem::BadActive {
                found: snippet(&unescape(fields[4]).0),
            });
            0
        }
    };
    // Version 1 has no sequence field.
    let sequence = match format_version {
        1 => Vec::new(),
        _ => read_sequence(fields[5], scenarios.len(), &mut problems),
    };

    Ok(Decoded {
        state: SharedState {
            advisor: advisor.def.id.clone(),
            version: advisor.def.version.clone(),
            lang,
            scenarios,
            active,
            sequence,
        },
        problems: problems.finish(),
    })
}

/// Reads answers alone, written as the answers of one scenario in a link (`key=value,...`:
/// keys are question ids or the short keys [`encode`] writes, yes/no as `1`/`0` (or
/// `ja`/`nee`, `yes`/`no`), a choice as its choice id, numbers as written; percent escapes
/// allowed): `trips_per_week=8,age_group=65+,lives=1`. For answers given before the citizen
/// starts, such as a widget's prefill. White space around entries, keys and values is ignored.
///
/// Returns a scenario for `advisor` with every given answer, repaired as [`decode`] repairs
/// it, every other question at its default (not a problem here: leaving questions out is the
/// point) and the default weights; and what was repaired, as the same [`Problem`]s (at most
/// [`MAX_PROBLEMS`], then [`Problem::MoreProblems`]): [`Problem::UnknownInput`],
/// [`Problem::OutOfRange`], [`Problem::OffStep`], [`Problem::NotAChoice`],
/// [`Problem::BadAnswer`], or [`Problem::Unreadable`] (no `=`, a question given twice, or a
/// text longer than [`MAX_TEXT_BYTES`], which is not read at all). Empty text gives the
/// default scenario and no problems. Never panics.
pub fn decode_answers(advisor: &Advisor, text: &str) -> (Scenario, Vec<Problem>) {
    let mut scenario = advisor.default_scenario();
    let mut problems = Problems::default();
    let text = text.trim();
    if text.len() > MAX_TEXT_BYTES {
        problems.push(Problem::Unreadable {
            scenario: None,
            text: snippet(text),
        });
        return (scenario, problems.finish());
    }
    let tidy: Vec<String> = text
        .split(',')
        .map(|entry| match entry.split_once('=') {
            Some((key, value)) => format!("{}={}", key.trim(), value.trim()),
            None => entry.trim().to_string(),
        })
        .collect();
    let values = Reader::new(advisor).given_answers(&tidy.join(","), &None, &mut problems);
    scenario.inputs = with_defaults(advisor, &values);
    (scenario, problems.finish())
}

/// Problems found so far, at most [`MAX_PROBLEMS`] listed.
#[derive(Default)]
struct Problems {
    list: Vec<Problem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, p: Problem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(p);
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<Problem> {
        if self.more > 0 {
            self.list.push(Problem::MoreProblems { count: self.more });
        }
        self.list
    }
}

/// Reads scenarios against one advisor.
struct Reader<'a> {
    advisor: &'a Advisor,
    input_ids: Vec<&'a str>,
    factor_ids: Vec<&'a str>,
}

impl<'a> Reader<'a> {
    fn new(advisor: &'a Advisor) -> Reader<'a> {
        Reader {
            advisor,
            input_ids: advisor.inputs.iter().map(|i| i.id.as_str()).collect(),
            factor_ids: advisor.factors.iter().map(|f| f.id.as_str()).collect(),
        }
    }

    /// Scenario `k` from its field `name~answers~weights`.
    fn scenario(
        &self,
        k: usize,
        raw: &str,
        several: bool,
        problems: &mut Problems,
    ) -> NamedScenario {
        let mut parts = raw.splitn(4, '~');
        let name = read_name(k, parts.next().unwrap_or(""), problems);
        let at = several.then(|| name.clone());
        let inputs = self.answers(parts.next().unwrap_or(""), &at, problems);
        let weights = self.weights(parts.next().unwrap_or(""), &at, problems);
        if let Some(rest) = parts.next() {
            problems.push(Problem::Unreadable {
                scenario: at,
                text: snippet(&unescape(rest).0),
            });
        }
        NamedScenario {
            name,
            scenario: Scenario { inputs, weights },
        }
    }

    /// Every answer, from `key=value,...`; a question without an answer is reported and
    /// gets its default.
    fn answers(&self, part: &str, at: &Option<String>, problems: &mut Problems) -> Vec<f64> {
        let advisor = self.advisor;
        let values = self.given_answers(part, at, problems);
        let missing: Vec<String> = values
            .iter()
            .zip(&advisor.inputs)
            .filter(|(v, _)| v.is_none())
            .map(|(_, inp)| inp.id.clone())
            .collect();
        if !missing.is_empty() {
            problems.push(Problem::MissingAnswers {
                scenario: at.clone(),
                inputs: missing,
            });
        }
        with_defaults(advisor, &values)
    }

    /// The answers given in `key=value,...`, repaired, one per question (`None`: not given).
    fn given_answers(
        &self,
        part: &str,
        at: &Option<String>,
        problems: &mut Problems,
    ) -> Vec<Option<f64>> {
        let advisor = self.advisor;
        let mut values: Vec<Option<f64>> = vec![None; advisor.inputs.len()];
        for entry in part.split(',').filter(|e| !e.is_empty()) {
            let Some((key, text)) = entry.split_once('=') else {
                problems.push(unreadable(at, entry));
                continue;
            };
            let key = unescape(key).0;
            let Some(i) = resolve(&self.input_ids, &key) else {
                problems.push(Problem::UnknownInput {
                    scenario: at.clone(),
                    id: snippet(&key),
                });
                continue;
            };
            if values[i].is_some() {
                problems.push(unreadable(at, entry));
                continue;
            }
            values[i] = Some(self.answer(i, &unescape(text).0, at, problems));
        }
        values
    }

    /// The slot value of one answer to input `i`, repaired if needed.
    fn answer(&self, i: usize, text: &str, at: &Option<String>, problems: &mut Problems) -> f64 {
        let advisor = self.advisor;
        let inp = &advisor.inputs[i];
        let bad = |problems: &mut Problems| {
            problems.push(Problem::BadAnswer {
                scenario: at.clone(),
                input: inp.id.clone(),
                text: snippet(text),
            });
            inp.default
        };
        match inp.kind {
            InputKind::Choice => match inp.choices.iter().position(|c| c == text) {
                Some(k) => k as f64,
                None => {
                    problems.push(Problem::NotAChoice {
                        scenario: at.clone(),
                        input: inp.id.clone(),
                        text: snippet(text),
                    });
                    inp.default
                }
            },
            InputKind::YesNo => match text.to_lowercase().as_str() {
                "1" | "y" | "yes" | "j" | "ja" | "true" => 1.0,
                "0" | "n" | "no" | "nee" | "false" => 0.0,
                _ => bad(problems),
            },
            InputKind::Integer | InputKind::Number => {
                let v = match text.parse::<f64>() {
                    Ok(v) if v.is_finite() => v,
                    _ => return bad(problems),
                };
                match advisor.answer_value(i, &Answer::Number(v)) {
                    Ok(x) => x,
                    Err(e) => {
                        let mut repaired = advisor.clamp_input(i, v);
                        if !answer_accepted(advisor, i, repaired) {
                            repaired = inp.default;
                        }
                        problems.push(match e {
                            AnswerError::OffStep { .. } => Problem::OffStep {
                                scenario: at.clone(),
                                input: inp.id.clone(),
                                value: v,
                                snapped: repaired,
                            },
                            _ => Problem::OutOfRange {
                                scenario: at.clone(),
                                input: inp.id.clone(),
                                value: v,
                                clamped: repaired,
                            },
                        });
                        repaired
                    }
                }
            }
        }
    }

    /// Every weight, from `key=value,...`.
    fn weights(&self, part: &str, at: &Option<String>, problems: &mut Problems) -> Vec<f64> {
        let factors = &self.advisor.factors;
        let mut values: Vec<Option<f64>> = vec![None; factors.len()];
        for entry in part.split(',').filter(|e| !e.is_empty()) {
            let Some((key, text)) = entry.split_once('=') else {
                problems.push(unreadable(at, entry));
                continue;
            };
            let key = unescape(key).0;
            let Some(f) = resolve(&self.factor_ids, &key) else {
                problems.push(Problem::UnknownFactor {
                    scenario: at.clone(),
                    id: snippet(&key),
                });
                continue;
            };
            if values[f].is_some() {
                problems.push(unreadable(at, entry));
                continue;
            }
            let text = unescape(text).0;
            let w = match text.parse::<f64>() {
                Ok(w) if weight_valid(w) => w,
                Ok(w) if w.is_finite() => {
                    let clamped = w.clamp(0.0, WEIGHT_MAX);
                    problems.push(Problem::WeightOutOfRange {
                        scenario: at.clone(),
                        factor: factors[f].id.clone(),
                        value: w,
                        clamped,
                    });
                    clamped
                }
                _ => {
                    problems.push(Problem::BadWeight {
                        scenario: at.clone(),
                        factor: factors[f].id.clone(),
                        text: snippet(&text),
                    });
                    factors[f].weight
                }
            };
            values[f] = Some(w);
        }
        let missing: Vec<String> = values
            .iter()
            .zip(factors)
            .filter(|(v, _)| v.is_none())
            .map(|(_, fac)| fac.id.clone())
            .collect();
        if !missing.is_empty() {
            problems.push(Problem::MissingWeights {
                scenario: at.clone(),
                factors: missing,
            });
        }
        values
            .iter()
            .zip(factors)
            .map(|(v, fac)| v.unwrap_or(fac.weight))
            .collect()
    }
}

/// One answer per question: the given one, else the question's default.
fn with_defaults(advisor: &Advisor, values: &[Option<f64>]) -> Vec<f64> {
    values
        .iter()
        .zip(&advisor.inputs)
        .map(|(v, inp)| v.unwrap_or(inp.default))
        .collect()
}

fn unreadable(at: &Option<String>, raw: &str) -> Problem {
    Problem::Unreadable {
        scenario: at.clone(),
        text: snippet(&unescape(raw).0),
    }
}

/// The name of scenario `k`, cleaned: control characters removed, cut to
/// [`MAX_NAME_CHARS`], replaced when nothing is left.
fn read_name(k: usize, raw: &str, problems: &mut Problems) -> String {
    let (text, intact) = unescape(raw);
    let cleaned: String = text.chars().filter(|c| !c.is_control()).collect();
    let chars = cleaned.chars().count();
    let mut name: String = cleaned.chars().take(MAX_NAME_CHARS).collect();
    if name.trim().is_empty() {
        name = default_name(k);
        problems.push(Problem::BadName { name: name.clone() });
    } else if chars > MAX_NAME_CHARS {
        problems.push(Problem::NameTooLong {
            name: name.clone(),
            chars,
        });
    } else if !intact || cleaned.len() != text.len() {
        problems.push(Problem::BadName { name: name.clone() });
    }
    name
}

/// The sequence from its field `scenario.months,...`, for a state with `scenarios` scenarios:
/// at most [`MAX_PERIODS`] periods, each of an existing scenario, lengths clamped to 1 to
/// [`MAX_PERIOD_MONTHS`] months. Empty entries (`0.4,,1.8`) are skipped.
fn read_sequence(field: &str, scenarios: usize, problems: &mut Problems) -> Vec<Period> {
    let mut entries: Vec<&str> = field.split(',').filter(|e| !e.is_empty()).collect();
    if entries.len() > MAX_PERIODS {
        problems.push(Problem::TooManyPeriods {
            found: entries.len(),
            kept: MAX_PERIODS,
        });
        entries.truncate(MAX_PERIODS);
    }
    let mut sequence = Vec::with_capacity(entries.len());
    for (k, entry) in entries.iter().enumerate() {
        let period = k + 1;
        let parsed = entry.split_once('.').and_then(|(index_text, months_text)| {
            Some((
                index_text,
                whole_number(index_text)?,
                whole_number(months_text)?,
            ))
        });
        let Some((index_text, index, value)) = parsed else {
            problems.push(Problem::BadPeriod {
                period,
                text: snippet(&unescape(entry).0),
            });
            continue;
        };
        let scenario = match usize::try_from(index) {
            Ok(i) if i < scenarios => i,
            _ => {
                problems.push(Problem::PeriodWithoutScenario {
                    period,
                    found: snippet(index_text),
                });
                continue;
            }
        };
        let months = value.clamp(1, i64::from(MAX_PERIOD_MONTHS)) as u32;
        if i64::from(months) != value {
            problems.push(Problem::PeriodLength {
                period,
                value,
                months,
            });
        }
        sequence.push(Period { scenario, months });
    }
    sequence
}

/// A whole number written as ASCII digits with an optional `-` in front (`7`, `007`, `-3`);
/// too large numbers saturate to `i64::MAX` or `i64::MIN`. `None` for anything else.
fn whole_number(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match digits.parse::<i64>() {
        Ok(v) if negative => -v,
        Ok(v) => v,
        Err(_) if negative => i64::MIN,
        Err(_) => i64::MAX,
    })
}

/// The name given to scenario `k` when its own cannot be used.
fn default_name(k: usize) -> String {
    if k == 0 {
        DEFAULT_NAME.to_string()
    } else {
        format!("Situatie {}", k + 1)
    }
}

// ---------------------------------------------------------------- keys

/// True when `key` names `id`: equal, or `id` continues with `_` after it.
fn key_matches(id: &str, key: &str) -> bool {
    id == key
        || (!key.is_empty()
            && id.len() > key.len()
            && id.starts_with(key)
            && id.as_bytes()[key.len()] == b'_')
}

/// The key of `ids[i]`: its fewest leading `_`-separated words that no other id matches
/// ([`key_matches`]), else the whole id. [`resolve`] reads it back to `i`.
fn short_key<'a>(ids: &[&'a str], i: usize) -> &'a str {
    let id = ids[i];
    let cuts = id
        .bytes()
        .enumerate()
        .filter(|&(p, b)| b == b'_' && p > 0)
        .map(|(p, _)| p);
    for p in cuts {
        let key = &id[..p];
        let clash = ids
            .iter()
            .enumerate()
            .any(|(j, other)| j != i && key_matches(other, key));
        if !clash {
            return key;
        }
    }
    id
}

/// The index of the id a key names: the id equal to it, else the only id it matches.
fn resolve(ids: &[&str], key: &str) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    if let Some(i) = ids.iter().position(|id| *id == key) {
        return Some(i);
    }
    let mut found = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| key_matches(id, key));
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

// ---------------------------------------------------------------- escaping and check

const HEX: &[u8; 16] = b"0123456789ABCDEF";
const CHECK_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `s` with every byte other than ASCII letters, digits and `- . _ +` as `%XX`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'+') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// `%XX` back to bytes (a `%` without two hex digits stays as it is). False when the bytes
/// are not UTF-8 (broken characters become U+FFFD).
fn unescape(s: &str) -> (String, bool) {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |k: usize| b.get(k).and_then(|c| (*c as char).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(s) => (s, true),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    }
}

/// Four characters from the fields (FNV-1a, 24 bits): notices a link that was cut off or
/// changed. Not a security measure: anyone can compute it.
fn checksum<S: AsRef<str>>(fields: &[S]) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for (k, field) in fields.iter().enumerate() {
        let sep: &[u8] = if k > 0 { b";" } else { b"" };
        for &b in sep.iter().chain(field.as_ref().as_bytes()) {
            h ^= b as u32;
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    let h = (h >> 8) ^ (h & 0xff);
    (0..4)
        .map(|k| CHECK_ALPHABET[((h >> (18 - 6 * k)) & 63) as usize] as char)
        .collect()
}

/// At most [`SNIPPET_CHARS`] characters of link text, without control characters.
fn snippet(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_control())
        .take(SNIPPET_CHARS)
        .collect();
    if s.chars()
        .filter(|c| !c.is_control())
        .nth(SNIPPET_CHARS)
        .is_some()
    {
        out.push('…');
    }
    out
}

// ---------------------------------------------------------------- messages

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

impl Source {
    /// The Dutch and English noun phrase, as in "Bij ‘…’ stond 3 in de link".
    fn nouns(self) -> (&'static str, &'static str) {
        match self {
            Source::Link => ("de link", "the link"),
            Source::Device => (
                "wat op dit apparaat bewaard was",
                "what was saved on this device",
            ),
            Source::Website => ("wat de website doorgaf", "what the website passed on"),
        }
    }
}

/// `text` with its first letter as a capital.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

impl Problem {
    /// One or two plain sentences for the citizen (Dutch at B1 level with "je", or English),
    /// with the questions and factors by their labels in `advisor`.
    pub fn message(&self, advisor: &Advisor, lang: Lang) -> String {
        self.message_from(advisor, lang, Source::Link)
    }

    /// [`Problem::message`] for answers that came from `source`: a link, what was saved on
    /// this device, or a host website's prefill.
    pub fn message_from(&self, advisor: &Advisor, lang: Lang, source: Source) -> String {
        let nl = lang == Lang::Nl;
        let (src_nl, src_en) = source.nouns();
        let (up_nl, up_en) = (capitalise(src_nl), capitalise(src_en));
        let pick = |n: String, e: String| if nl { n } else { e };
        let text = match self {
            Problem::OtherVersion { link, current } => {
                let (n, e) = match compare_versions(link, current) {
                    Some(Ordering::Less) => ("een oudere", "an older"),
                    Some(Ordering::Greater) => ("een nieuwere", "a newer"),
                    _ => ("een andere", "another"),
                };
                pick(
                    format!(
                        "{up_nl} kwam van {n} versie van deze keuzehulp ({link}). We hebben de \
                         antwoorden die nog passen overgenomen."
                    ),
                    format!(
                        "{up_en} came from {e} version of this advisor ({link}). We kept the \
                         answers that still fit."
                    ),
                )
            }
            Problem::Incomplete => pick(
                format!("{up_nl} is niet compleet of is veranderd. Kijk je antwoorden goed na."),
                format!("{up_en} is incomplete or has been changed. Please check your answers."),
            ),
            Problem::UnknownLanguage { found } => pick(
                format!(
                    "{up_nl} vroeg om een taal die we niet hebben ({found}). Je ziet de \
                     keuzehulp in het Nederlands."
                ),
                format!(
                    "{up_en} asked for a language we do not have ({found}). You see the \
                     advisor in Dutch."
                ),
            ),
            Problem::TooManyScenarios { found, kept } => pick(
                format!(
                    "{up_nl} had {found} situaties. We hebben alleen de eerste {kept} \
                     overgenomen."
                ),
                format!("{up_en} had {found} scenarios. We kept only the first {kept}."),
            ),
            Problem::BadActive { .. } => pick(
                format!(
                    "{up_nl} wees naar een situatie die er niet is. We laten de eerste situatie \
                     zien."
                ),
                format!(
                    "{up_en} pointed to a scenario that does not exist. We show the first one."
                ),
            ),
            Problem::NameTooLong { name, chars } => pick(
                format!(
                    "De naam ‘{name}…’ was te lang ({chars} tekens). We hebben de eerste \
                     {MAX_NAME_CHARS} tekens bewaard."
                ),
                format!(
                    "The name ‘{name}…’ was too long ({chars} characters). We kept the first \
                     {MAX_NAME_CHARS}."
                ),
            ),
            Problem::BadName { name } => pick(
                format!("Een situatie had geen goede naam. We noemen hem nu ‘{name}’."),
                format!("A scenario had a name we could not use. We now call it ‘{name}’."),
            ),
            Problem::UnknownInput { id, .. } => pick(
                format!(
                    "{up_nl} had een antwoord op een vraag die niet meer bestaat ({id}). Dat \
                     antwoord hebben we niet gebruikt."
                ),
                format!(
                    "{up_en} had an answer to a question that no longer exists ({id}). We did \
                     not use it."
                ),
            ),
            Problem::UnknownFactor { id, .. } => pick(
                format!(
                    "{up_nl} had een gewicht voor iets wat niet meer meetelt ({id}). Dat gewicht \
                     hebben we niet gebruikt."
                ),
                format!(
                    "{up_en} had a weight for something that no longer counts ({id}). We did \
                     not use it."
                ),
            ),
            Problem::OutOfRange {
                input,
                value,
                clamped,
                ..
            } => {
                let q = input_label(advisor, input, lang);
                let v = show_number(*value, lang);
                let c = answer_text(advisor, input, *clamped, lang);
                pick(
                    format!(
                        "Bij ‘{q}’ stond {v} in {src_nl}. Dat kan niet, dus we hebben {c} \
                         ingevuld."
                    ),
                    format!(
                        "For ‘{q}’ {src_en} said {v}. That is not possible, so we filled in {c}."
                    ),
                )
            }
            Problem::OffStep {
                input,
                value,
                snapped,
                ..
            } => {
                let q = input_label(advisor, input, lang);
                let v = show_number(*value, lang);
                let c = answer_text(advisor, input, *snapped, lang);
                pick(
                    format!("Bij ‘{q}’ stond {v} in {src_nl}. We hebben dat afgerond op {c}."),
                    format!("For ‘{q}’ {src_en} said {v}. We rounded it to {c}."),
                )
            }
            Problem::NotAChoice { input, text, .. } => {
                let q = input_label(advisor, input, lang);
                let d = default_text(advisor, input, lang);
                pick(
                    format!(
                        "Bij ‘{q}’ stond een antwoord dat niet bestaat (‘{text}’). We hebben {d} \
                         ingevuld."
                    ),
                    format!(
                        "For ‘{q}’ {src_en} had an answer that does not exist (‘{text}’). We \
                         filled in {d}."
                    ),
                )
            }
            Problem::BadAnswer { input, text, .. } => {
                let q = input_label(advisor, input, lang);
                let d = default_text(advisor, input, lang);
                pick(
                    format!(
                        "Bij ‘{q}’ stond iets wat we niet kunnen lezen (‘{text}’). We hebben {d} \
                         ingevuld."
                    ),
                    format!(
                        "For ‘{q}’ {src_en} had something we cannot read (‘{text}’). We filled \
                         in {d}."
                    ),
                )
            }
            Problem::MissingAnswers { inputs, .. } => {
                let labels: Vec<String> = inputs
                    .iter()
                    .map(|i| input_label(advisor, i, lang))
                    .collect();
                let list = list_of(&labels, lang);
                match (inputs.len(), nl) {
                    (1, true) => format!(
                        "{up_nl} had geen antwoord op {list}. We hebben het standaardantwoord \
                         ingevuld."
                    ),
                    (1, false) => {
                        format!("{up_en} had no answer to {list}. We filled in the default answer.")
                    }
                    (n, true) => format!(
                        "{up_nl} had geen antwoord op {n} vragen: {list}. We hebben de \
                         standaardantwoorden ingevuld."
                    ),
                    (n, false) => format!(
                        "{up_en} had no answer to {n} questions: {list}. We filled in the \
                         default answers."
                    ),
                }
            }
            Problem::BadWeight { factor, text, .. } => {
                let l = factor_label(advisor, factor, lang);
                let w = advisor
                    .factor_index(factor)
                    .map(|f| show_number(advisor.factors[f].weight, lang))
                    .unwrap_or_default();
                pick(
                    format!(
                        "We konden het gewicht van ‘{l}’ niet lezen (‘{text}’). We gebruiken het \
                         standaardgewicht: {w}."
                    ),
                    format!(
                        "We could not read the weight of ‘{l}’ (‘{text}’). We use the default \
                         weight: {w}."
                    ),
                )
            }
            Problem::WeightOutOfRange {
                factor,
                value,
                clamped,
                ..
            } => {
                let l = factor_label(advisor, factor, lang);
                let v = show_number(*value, lang);
                let c = show_number(*clamped, lang);
                let max = show_number(WEIGHT_MAX, lang);
                pick(
                    format!(
                        "Het gewicht van ‘{l}’ was {v}. Een gewicht gaat van 0 tot {max}, dus we \
                         gebruiken {c}."
                    ),
                    format!(
                        "The weight of ‘{l}’ was {v}. A weight goes from 0 to {max}, so we use \
                         {c}."
                    ),
                )
            }
            Problem::MissingWeights { factors, .. } => {
                let labels: Vec<String> = factors
                    .iter()
                    .map(|f| factor_label(advisor, f, lang))
                    .collect();
                let list = list_of(&labels, lang);
                match (factors.len(), nl) {
                    (1, true) => format!(
                        "{up_nl} had geen gewicht voor {list}. We gebruiken het standaardgewicht."
                    ),
                    (1, false) => {
                        format!("{up_en} had no weight for {list}. We use the default weight.")
                    }
                    (_, true) => format!(
                        "{up_nl} had geen gewichten voor {list}. We gebruiken de \
                         standaardgewichten."
                    ),
                    (_, false) => {
                        format!("{up_en} had no weights for {list}. We use the default weights.")
                    }
                }
            }
            Problem::Unreadable { text, .. } => pick(
                format!(
                    "Een deel van {src_nl} konden we niet lezen (‘{text}’). Dat deel hebben we \
                     overgeslagen."
                ),
                format!("We could not read part of {src_en} (‘{text}’). We skipped that part."),
            ),
            Problem::TooManyPeriods { found, kept } => pick(
                format!(
                    "De tijdlijn in {src_nl} had {found} periodes. We hebben alleen de eerste \
                     {kept} overgenomen."
                ),
                format!(
                    "The timeline in {src_en} had {found} periods. We kept only the first {kept}."
                ),
            ),
            Problem::PeriodWithoutScenario { period, .. } => pick(
                format!(
                    "Periode {period} van de tijdlijn hoorde bij een situatie die er niet is. We \
                     hebben die periode weggelaten."
                ),
                format!(
                    "Period {period} of the timeline belonged to a scenario that does not exist. \
                     We left that period out."
                ),
            ),
            Problem::PeriodLength {
                period,
                value,
                months,
            } => {
                let (m_nl, m_en) = if *months == 1 {
                    ("maand", "month")
                } else {
                    ("maanden", "months")
                };
                pick(
                    format!(
                        "Periode {period} van de tijdlijn duurde {value} maanden. Een periode \
                         duurt 1 tot en met {MAX_PERIOD_MONTHS} maanden, dus we gebruiken \
                         {months} {m_nl}."
                    ),
                    format!(
                        "Period {period} of the timeline lasted {value} months. A period lasts 1 \
                         to {MAX_PERIOD_MONTHS} months, so we use {months} {m_en}."
                    ),
                )
            }
            Problem::BadPeriod { period, text } => pick(
                format!(
                    "Periode {period} van de tijdlijn konden we niet lezen (‘{text}’). We hebben \
                     die periode weggelaten."
                ),
                format!(
                    "We could not read period {period} of the timeline (‘{text}’). We left that \
                     period out."
                ),
            ),
            Problem::MoreProblems { count } => match (count, nl) {
                (1, true) => format!("Er was nog 1 ander probleem met {src_nl}."),
                (1, false) => format!("There was 1 more problem with {src_en}."),
                (n, true) => format!("Er waren nog {n} andere problemen met {src_nl}."),
                (n, false) => format!("There were {n} more problems with {src_en}."),
            },
        };
        match self.scenario() {
            Some(name) => format!("In ‘{name}’: {}", lower_first(&text)),
            None => text,
        }
    }

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

impl DecodeError {
    /// One or two plain sentences for the citizen (Dutch at B1 level, or English).
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match (self, nl) {
            (DecodeError::Empty, true) => "De link bevat geen antwoorden.".into(),
            (DecodeError::Empty, false) => "The link contains no answers.".into(),
            (DecodeError::NotOurs, true) => {
                "Deze link bevat geen antwoorden voor deze keuzehulp.".into()
            }
            (DecodeError::NotOurs, false) => {
                "This link does not contain answers for this advisor.".into()
            }
            (DecodeError::OtherAdvisor { found }, true) => format!(
                "Deze link hoort bij een andere keuzehulp ({found}). Je begint met de \
                 standaardantwoorden."
            ),
            (DecodeError::OtherAdvisor { found }, false) => format!(
                "This link belongs to another advisor ({found}). You start with the default \
                 answers."
            ),
            (DecodeError::NewerFormat { .. }, true) => {
                "Deze link is gemaakt met een nieuwere versie van deze website. Laad de pagina \
                 opnieuw en open de link nog een keer."
                    .into()
            }
            (DecodeError::NewerFormat { .. }, false) => {
                "This link was made with a newer version of this website. Reload the page and \
                 open the link again."
                    .into()
            }
            (DecodeError::Unreadable, true) => {
                "We konden deze link niet lezen. Misschien is hij niet compleet. Je begint met de \
                 standaardantwoorden."
                    .into()
            }
            (DecodeError::Unreadable, false) => {
                "We could not read this link. It may be incomplete. You start with the default \
                 answers."
                    .into()
            }
        }
    }
}

impl std::fmt::Display for DecodeError {
    /// The English message ([`DecodeError::message`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DecodeError {}

/// The question of input `id`, or the id when the advisor does not have it.
fn input_label(advisor: &Advisor, id: &str, lang: Lang) -> String {
    advisor
        .def
        .inputs
        .get(id)
        .map_or(id, |d| d.label.get(lang))
        .to_string()
}

/// The name of factor `id`, or the id when the advisor does not have it.
fn factor_label(advisor: &Advisor, id: &str, lang: Lang) -> String {
    advisor
        .def
        .factors
        .get(id)
        .map_or(id, |d| d.label.get(lang))
        .to_string()
}

/// An answer to input `id` as the citizen reads it: "40 ritten per week", "‘ja’",
/// "‘19 tot en met 64 jaar’".
fn answer_text(advisor: &Advisor, id: &str, v: f64, lang: Lang) -> String {
    let Some(i) = advisor.input_index(id) else {
        return show_number(v, lang);
    };
    match advisor.inputs[i].kind {
        InputKind::Integer | InputKind::Number => explain::input_value(advisor, i, v, lang),
        InputKind::YesNo => {
            let word = match (v == 1.0, lang) {
                (true, Lang::Nl) => "ja",
                (false, Lang::Nl) => "nee",
                (true, Lang::En) => "yes",
                (false, Lang::En) => "no",
            };
            format!("‘{word}’")
        }
        InputKind::Choice => {
            let label = advisor
                .def
                .inputs
                .get(id)
                .and_then(|d| (v >= 0.0).then(|| d.choices.get(v as usize)).flatten())
                .map(|c| c.label.get(lang).to_string())
                .unwrap_or_else(|| show_number(v, lang));
            format!("‘{label}’")
        }
    }
}

/// The default answer of input `id` as the citizen reads it.
fn default_text(advisor: &Advisor, id: &str, lang: Lang) -> String {
    match advisor.input_index(id) {
        Some(i) => answer_text(advisor, id, advisor.inputs[i].default, lang),
        None => match lang {
            Lang::Nl => "het standaardantwoord".into(),
            Lang::En => "the default answer".into(),
        },
    }
}

/// A number with as many decimals as it has (at most 6), nl `7,5`, en `7.5`; very large or
/// small numbers in scientific notation.
fn show_number(v: f64, lang: Lang) -> String {
    if !v.is_finite() || (v != 0.0 && !(1e-6..1e12).contains(&v.abs())) {
        return format!("{v:e}");
    }
    let decimals = (0..=6)
        .find(|&d| {
            let s = 10f64.powi(d);
            ((v * s).round() / s - v).abs() <= 1e-9 * v.abs().max(1.0)
        })
        .unwrap_or(6) as usize;
    format::number(v, decimals, lang)
}

/// ‘a’, ‘b’ en ‘c’ (at most three, then "en nog 2 andere").
fn list_of(labels: &[String], lang: Lang) -> String {
    let (and, more) = match lang {
        Lang::Nl => ("en", "andere"),
        Lang::En => ("and", "more"),
    };
    let shown: Vec<String> = labels.iter().take(3).map(|l| format!("‘{l}’")).collect();
    let rest = labels.len().saturating_sub(3);
    match (shown.len(), rest) {
        (0, _) => String::new(),
        (1, 0) => shown[0].clone(),
        (n, 0) => format!("{} {and} {}", shown[..n - 1].join(", "), shown[n - 1]),
        (_, r) => format!("{} {and} {r} {more}", shown.join(", ")),
    }
}

/// Dutch and English version numbers such as `2023.2` compared part by part; `None` when
/// either is not made of numbers.
fn compare_versions(a: &str, b: &str) -> Option<Ordering> {
    let parts = |s: &str| -> Option<Vec<u64>> {
        s.split(['.', '-']).map(|p| p.parse::<u64>().ok()).collect()
    };
    Some(parts(a)?.cmp(&parts(b)?))
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_short_and_read_back() {
        let ids = [
            "trips_per_week",
            "trips_per_month",
            "travel_days",
            "travels_with_adult",
            "a",
            "a_b",
            "x_y_1",
            "x_z",
            "solo",
            "_lead",
            "c__d",
        ];
        let keys: Vec<&str> = (0..ids.len()).map(|i| short_key(&ids, i)).collect();
        assert_eq!(
            keys,
            [
                "trips_per_week",
                "trips_per_month",
                "travel",
                "travels",
                "a",
                "a_b",
                "x_y",
                "x_z",
                "solo",
                "_lead",
                "c"
            ]
        );
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(resolve(&ids, k), Some(i), "{k}");
            assert_eq!(resolve(&ids, ids[i]), Some(i), "{}", ids[i]);
        }
        assert_eq!(resolve(&ids, "trips"), None, "ambiguous");
        assert_eq!(resolve(&ids, ""), None);
        assert_eq!(resolve(&ids, "nothing"), None);
    }

    #[test]
    fn escaping_round_trips() {
        for s in ["", "Nu", "a;b~c,d=e%f", "é ü 😀", "%41", "%", "%4", "+-._"] {
            let e = escape(s);
            assert!(
                e.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._+%".contains(&b)),
                "{e}"
            );
            assert_eq!(unescape(&e), (s.to_string(), true));
        }
        assert_eq!(unescape("%e9"), ("\u{fffd}".to_string(), false));
        assert_eq!(unescape("50%"), ("50%".to_string(), true));
        assert_eq!(unescape("%zz%"), ("%zz%".to_string(), true));
    }

    #[test]
    fn checksum_is_four_url_safe_characters() {
        let c = checksum(&["v1", "ret", "x"]);
        assert_eq!(c.len(), 4);
        assert!(c.bytes().all(|b| CHECK_ALPHABET.contains(&b)));
        assert_ne!(c, checksum(&["v1", "ret", "y"]));
        assert_ne!(checksum(&["a", "b"]), checksum(&["ab"]));
    }

    #[test]
    fn numbers_and_lists_for_messages() {
        assert_eq!(show_number(7.5, Lang::Nl), "7,5");
        assert_eq!(show_number(7.5, Lang::En), "7.5");
        assert_eq!(show_number(99.0, Lang::Nl), "99");
        assert_eq!(show_number(-3.0, Lang::Nl), "-3");
        assert_eq!(show_number(1e300, Lang::En), "1e300");
        let l: Vec<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
        assert_eq!(list_of(&l[..1], Lang::Nl), "‘a’");
        assert_eq!(list_of(&l[..2], Lang::Nl), "‘a’ en ‘b’");
        assert_eq!(list_of(&l[..3], Lang::En), "‘a’, ‘b’ and ‘c’");
        assert_eq!(list_of(&l, Lang::Nl), "‘a’, ‘b’, ‘c’ en 1 andere");
        assert_eq!(compare_versions("2023.2", "2024.1"), Some(Ordering::Less));
        assert_eq!(compare_versions("2025", "2024.1"), Some(Ordering::Greater));
        assert_eq!(compare_versions("beta", "2024.1"), None);
    }
}
