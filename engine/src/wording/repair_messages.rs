//! The repair messages: what [`Problem`], [`DecodeError`] and [`NameError`] say to the
//! citizen, each a sentence of the catalogue (`[repair]` in engine/catalogue/) filled with
//! the labels of the questions and factors, the numbers, and where the answers came from
//! ([`Source`]: a link, this device or a website).

use std::cmp::Ordering;

use crate::advisor::Advisor;
use crate::catalogue::{self as cat, Key};
use crate::explain::{self, capitalise};
use crate::format;
use crate::model::InputKind;
use crate::scenarios::MAX_PERIOD_MONTHS;
use crate::state::{DecodeError, MAX_NAME_CHARS, NameError, Problem, Source};
use crate::text::Lang;
use crate::weights::WEIGHT_MAX;

/// A catalogue sentence about an answer that was not used: (lang, question, answer, default).
type SourceSentence = fn(Lang, &str, &str, &str) -> String;

impl NameError {
    /// One or two plain sentences for the citizen, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        match self {
            NameError::Empty => Key::NameEmpty.get(lang).to_string(),
            NameError::TooLong => cat::name_too_long(lang, &MAX_NAME_CHARS.to_string()),
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

impl Source {
    /// The noun phrase in `lang`, as in "Bij ‘…’ stond 3 in de link".
    fn noun(self, lang: Lang) -> &'static str {
        match self {
            Source::Link => Key::LinkSourceLink,
            Source::Device => Key::LinkSourceDevice,
            Source::Website => Key::LinkSourceWebsite,
        }
        .get(lang)
    }
}

impl Problem {
    /// One or two plain sentences for the citizen (in Dutch at B1 level with "je"), with the
    /// questions and factors by their labels in `advisor`.
    pub fn message(&self, advisor: &Advisor, lang: Lang) -> String {
        self.message_from(advisor, lang, Source::Link)
    }

    /// [`Problem::message`] for answers that came from `source`: a link, what was saved on
    /// this device, or a host website's prefill. A sentence that starts with the source gets
    /// a capital; a problem in one of several scenarios is put after the scenario's name.
    pub fn message_from(&self, advisor: &Advisor, lang: Lang, source: Source) -> String {
        let text = capitalise(&Words::new(advisor, lang, source).sentence(self));
        match self.scenario() {
            Some(name) => cat::link_in_scenario(lang, name, &lower_first(&text)),
            None => text,
        }
    }
}

/// What the wording of one [`Problem`] needs: labels from the advisor, the language, and
/// where the answers came from (`noun`: "de link", "the link").
struct Words<'a> {
    advisor: &'a Advisor,
    lang: Lang,
    source: Source,
    noun: &'static str,
}

/// One sentence (or two) per kind of [`Problem`], its first letter as in the catalogue.
impl<'a> Words<'a> {
    fn new(advisor: &'a Advisor, lang: Lang, source: Source) -> Words<'a> {
        Words {
            advisor,
            lang,
            source,
            noun: source.noun(lang),
        }
    }

    fn sentence(&self, problem: &Problem) -> String {
        let (lang, src) = (self.lang, self.noun);
        match problem {
            Problem::OtherVersion { link, current } => self.other_version(link, current),
            Problem::Incomplete => cat::link_incomplete(lang, src),
            Problem::UnknownLanguage { found } => cat::link_unknown_language(lang, src, found),
            Problem::TooManyScenarios { found, kept } => {
                cat::link_too_many_scenarios(lang, src, &found.to_string(), &kept.to_string())
            }
            Problem::BadActive { .. } => cat::link_bad_active(lang, src),
            Problem::NameTooLong { name, chars } => {
                cat::link_name_too_long(lang, name, &chars.to_string(), &MAX_NAME_CHARS.to_string())
            }
            Problem::BadName { name } => cat::link_bad_name(lang, name),
            Problem::UnknownInput { id, .. } => cat::link_unknown_input(lang, src, id),
            Problem::UnknownFactor { id, .. } => cat::link_unknown_factor(lang, src, id),
            Problem::OutOfRange {
                input,
                value,
                clamped,
                ..
            } => self.out_of_range(input, *value, *clamped),
            Problem::OffStep {
                input,
                value,
                snapped,
                ..
            } => self.off_step(input, *value, *snapped),
            Problem::NotAChoice { input, text, .. } => self.not_a_choice(input, text),
            Problem::BadAnswer { input, text, .. } => self.bad_answer(input, text),
            Problem::MissingAnswers { inputs, .. } => self.missing_answers(inputs),
            Problem::BadWeight { factor, text, .. } => self.bad_weight(factor, text),
            Problem::WeightOutOfRange {
                factor,
                value,
                clamped,
                ..
            } => self.weight_out_of_range(factor, *value, *clamped),
            Problem::MissingWeights { factors, .. } => self.missing_weights(factors),
            Problem::Unreadable { text, .. } => cat::link_unreadable_part(lang, src, text),
            Problem::TooManyPeriods { found, kept } => {
                cat::link_too_many_periods(lang, src, &found.to_string(), &kept.to_string())
            }
            Problem::PeriodWithoutScenario { period, .. } => {
                cat::link_period_without_scenario(lang, &period.to_string())
            }
            Problem::PeriodLength {
                period,
                value,
                months,
            } => self.period_length(*period, *value, *months),
            Problem::BadPeriod { period, text } => {
                cat::link_bad_period(lang, &period.to_string(), text)
            }
            Problem::MoreProblems { count } => self.more_problems(*count),
        }
    }

    /// The link came from an older, a newer or another version of the advisor.
    fn other_version(&self, link: &str, current: &str) -> String {
        let sentence = match compare_versions(link, current) {
            Some(Ordering::Less) => cat::link_older_version,
            Some(Ordering::Greater) => cat::link_newer_version,
            _ => cat::link_other_version,
        };
        sentence(self.lang, self.noun, link)
    }

    /// A number outside the question's range.
    fn out_of_range(&self, input: &str, value: f64, clamped: f64) -> String {
        let (advisor, lang) = (self.advisor, self.lang);
        cat::link_out_of_range(
            lang,
            &input_label(advisor, input, lang),
            &show_number(value, lang),
            self.noun,
            &answer_text(advisor, input, clamped, lang),
        )
    }

    /// A number between the question's steps.
    fn off_step(&self, input: &str, value: f64, snapped: f64) -> String {
        let (advisor, lang) = (self.advisor, self.lang);
        cat::link_off_step(
            lang,
            &input_label(advisor, input, lang),
            &show_number(value, lang),
            self.noun,
            &answer_text(advisor, input, snapped, lang),
        )
    }

    /// A choice the question does not have (one sentence per source: Dutch leaves it out).
    fn not_a_choice(&self, input: &str, text: &str) -> String {
        self.answer_not_used(
            [
                cat::link_not_a_choice_from_link,
                cat::link_not_a_choice_from_device,
                cat::link_not_a_choice_from_website,
            ],
            input,
            text,
        )
    }

    /// An answer that cannot be read (one sentence per source, as [`Words::not_a_choice`]).
    fn bad_answer(&self, input: &str, text: &str) -> String {
        self.answer_not_used(
            [
                cat::link_bad_answer_from_link,
                cat::link_bad_answer_from_device,
                cat::link_bad_answer_from_website,
            ],
            input,
            text,
        )
    }

    /// An answer `text` to `input` that was not used, in the sentence for this source (link,
    /// device, website), with the question and the default answer that took its place.
    fn answer_not_used(&self, sentences: [SourceSentence; 3], input: &str, text: &str) -> String {
        let sentence = match self.source {
            Source::Link => sentences[0],
            Source::Device => sentences[1],
            Source::Website => sentences[2],
        };
        let (advisor, lang) = (self.advisor, self.lang);
        let question = input_label(advisor, input, lang);
        sentence(lang, &question, text, &default_text(advisor, input, lang))
    }

    /// Questions without an answer: one, or several.
    fn missing_answers(&self, inputs: &[String]) -> String {
        let (advisor, lang) = (self.advisor, self.lang);
        let labels: Vec<String> = inputs
            .iter()
            .map(|i| input_label(advisor, i, lang))
            .collect();
        match labels.as_slice() {
            [label] => cat::link_missing_answer(lang, self.noun, label),
            _ => cat::link_missing_answers(
                lang,
                self.noun,
                &labels.len().to_string(),
                &list_of(&labels, lang),
            ),
        }
    }

    /// A weight that is not a number.
    fn bad_weight(&self, factor: &str, text: &str) -> String {
        let (advisor, lang) = (self.advisor, self.lang);
        let weight = advisor
            .factor_index(factor)
            .map(|f| show_number(advisor.factors[f].weight, lang))
            .unwrap_or_default();
        cat::link_bad_weight(lang, &factor_label(advisor, factor, lang), text, &weight)
    }

    /// A weight outside 0 to the maximum.
    fn weight_out_of_range(&self, factor: &str, value: f64, clamped: f64) -> String {
        let (advisor, lang) = (self.advisor, self.lang);
        cat::link_weight_out_of_range(
            lang,
            &factor_label(advisor, factor, lang),
            &show_number(value, lang),
            &show_number(WEIGHT_MAX, lang),
            &show_number(clamped, lang),
        )
    }

    /// Factors without a weight: one, or several.
    fn missing_weights(&self, factors: &[String]) -> String {
        let (advisor, lang) = (self.advisor, self.lang);
        let labels: Vec<String> = factors
            .iter()
            .map(|f| factor_label(advisor, f, lang))
            .collect();
        match labels.as_slice() {
            [label] => cat::link_missing_weight(lang, self.noun, label),
            _ => cat::link_missing_weights(lang, self.noun, &list_of(&labels, lang)),
        }
    }

    /// A period that was too short or too long.
    fn period_length(&self, period: usize, value: i64, months: u32) -> String {
        let (lang, period, value) = (self.lang, period.to_string(), value.to_string());
        let max = MAX_PERIOD_MONTHS.to_string();
        if months == 1 {
            cat::link_period_length_one_month(lang, &period, &value, &max)
        } else {
            cat::link_period_length(lang, &period, &value, &max, &months.to_string())
        }
    }

    /// Problems that were not listed: one, or several.
    fn more_problems(&self, count: usize) -> String {
        match count {
            1 => cat::link_one_more_problem(self.lang, self.noun),
            n => cat::link_more_problems(self.lang, &n.to_string(), self.noun),
        }
    }
}

impl DecodeError {
    /// One or two plain sentences for the citizen, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let key = match self {
            DecodeError::OtherAdvisor { found } => {
                return cat::link_refused_other_advisor(lang, found);
            }
            DecodeError::Empty => Key::LinkRefusedEmpty,
            DecodeError::NotOurs => Key::LinkRefusedNotOurs,
            DecodeError::NewerFormat { .. } => Key::LinkRefusedNewerFormat,
            DecodeError::Unreadable => Key::LinkRefusedUnreadable,
        };
        key.get(lang).to_string()
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
            let word = if v == 1.0 { Key::LinkYes } else { Key::LinkNo };
            cat::link_quoted(lang, word.get(lang))
        }
        InputKind::Choice => {
            let label = advisor
                .def
                .inputs
                .get(id)
                .and_then(|d| (v >= 0.0).then(|| d.choices.get(v as usize)).flatten())
                .map(|c| c.label.get(lang).to_string())
                .unwrap_or_else(|| show_number(v, lang));
            cat::link_quoted(lang, &label)
        }
    }
}

/// The default answer of input `id` as the citizen reads it.
fn default_text(advisor: &Advisor, id: &str, lang: Lang) -> String {
    match advisor.input_index(id) {
        Some(i) => answer_text(advisor, id, advisor.inputs[i].default, lang),
        None => Key::LinkDefaultAnswer.get(lang).to_string(),
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

/// ‘a’, ‘b’ en ‘c’: each between quotes, at most three, then "en 2 andere".
fn list_of(labels: &[String], lang: Lang) -> String {
    let quoted: Vec<String> = labels.iter().map(|l| cat::link_quoted(lang, l)).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] => cat::link_list_of_two(lang, first, second),
        [first, second, third] => cat::link_list_of_three(lang, first, second, third),
        [first, second, third, rest @ ..] => {
            cat::link_list_of_more(lang, first, second, third, &rest.len().to_string())
        }
    }
}

/// Version numbers such as `2023.2` compared part by part; `None` when
/// either is not made of numbers.
fn compare_versions(a: &str, b: &str) -> Option<Ordering> {
    let parts = |s: &str| -> Option<Vec<u64>> {
        s.split(['.', '-']).map(|p| p.parse::<u64>().ok()).collect()
    };
    Some(parts(a)?.cmp(&parts(b)?))
}

/// `s` with a small first letter, to follow the scenario's name ("In ‘Later’: de link …").
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
