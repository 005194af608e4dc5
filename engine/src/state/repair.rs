//! Reading a link (or a prefill's answers) against an advisor: every value that does not fit
//! is repaired and reported as a [`Problem`].

use super::codec::{checksum, format_version, link_text, resolve, unescape};
use super::{
    DEFAULT_NAME, DecodeError, Decoded, FORMAT_VERSION, HEADER_FIELDS, HEADER_FIELDS_V1,
    MAX_NAME_CHARS, MAX_PROBLEMS, MAX_SCENARIOS, MAX_TEXT_BYTES, NamedScenario, Problem,
    SharedState, answer_accepted, weight_valid,
};
use crate::advisor::Advisor;
use crate::eval::{Answer, AnswerError, Scenario};
use crate::model::InputKind;
use crate::scenarios::{MAX_PERIOD_MONTHS, MAX_PERIODS, Period};
use crate::text::Lang;
use crate::weights::WEIGHT_MAX;

/// Longest piece of link text quoted in a problem (characters).
const SNIPPET_CHARS: usize = 30;

/// Reads a fragment text (as [`encode`] writes it; a leading `#` and surrounding white space
/// are ignored) into a state that is valid for `advisor`, repairing what it must and listing
/// each repair. Never panics.
///
/// [`encode`]: super::encode
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
///
/// [`encode`]: super::encode
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
