//! The repair messages: what [`Problem`], [`DecodeError`] and [`NameError`] say to the
//! citizen, in Dutch (B1) and English.

use std::cmp::Ordering;

use super::{DecodeError, MAX_NAME_CHARS, NameError, Problem, Source};
use crate::advisor::Advisor;
use crate::explain::{self, capitalise};
use crate::format;
use crate::model::InputKind;
use crate::scenarios::MAX_PERIOD_MONTHS;
use crate::text::Lang;
use crate::weights::WEIGHT_MAX;

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

impl Problem {
    /// One or two plain sentences for the citizen (Dutch at B1 level with "je", or English),
    /// with the questions and factors by their labels in `advisor`.
    pub fn message(&self, advisor: &Advisor, lang: Lang) -> String {
        self.message_from(advisor, lang, Source::Link)
    }

    /// [`Problem::message`] for answers that came from `source`: a link, what was saved on
    /// this device, or a host website's prefill.
    pub fn message_from(&self, advisor: &Advisor, lang: Lang, source: Source) -> String {
        let w = Words::new(advisor, lang, source);
        let text = match self {
            Problem::OtherVersion { link, current } => w.other_version(link, current),
            Problem::Incomplete => w.incomplete(),
            Problem::UnknownLanguage { found } => w.unknown_language(found),
            Problem::TooManyScenarios { found, kept } => w.too_many_scenarios(*found, *kept),
            Problem::BadActive { .. } => w.bad_active(),
            Problem::NameTooLong { name, chars } => w.name_too_long(name, *chars),
            Problem::BadName { name } => w.bad_name(name),
            Problem::UnknownInput { id, .. } => w.unknown_input(id),
            Problem::UnknownFactor { id, .. } => w.unknown_factor(id),
            Problem::OutOfRange {
                input,
                value,
                clamped,
                ..
            } => w.out_of_range(input, *value, *clamped),
            Problem::OffStep {
                input,
                value,
                snapped,
                ..
            } => w.off_step(input, *value, *snapped),
            Problem::NotAChoice { input, text, .. } => w.not_a_choice(input, text),
            Problem::BadAnswer { input, text, .. } => w.bad_answer(input, text),
            Problem::MissingAnswers { inputs, .. } => w.missing_answers(inputs),
            Problem::BadWeight { factor, text, .. } => w.bad_weight(factor, text),
            Problem::WeightOutOfRange {
                factor,
                value,
                clamped,
                ..
            } => w.weight_out_of_range(factor, *value, *clamped),
            Problem::MissingWeights { factors, .. } => w.missing_weights(factors),
            Problem::Unreadable { text, .. } => w.unreadable(text),
            Problem::TooManyPeriods { found, kept } => w.too_many_periods(*found, *kept),
            Problem::PeriodWithoutScenario { period, .. } => w.period_without_scenario(*period),
            Problem::PeriodLength {
                period,
                value,
                months,
            } => w.period_length(*period, *value, *months),
            Problem::BadPeriod { period, text } => w.bad_period(*period, text),
            Problem::MoreProblems { count } => w.more_problems(*count),
        };
        match self.scenario() {
            Some(name) => format!("In ‘{name}’: {}", lower_first(&text)),
            None => text,
        }
    }
}

/// What the wording of one [`Problem`] needs: labels from the advisor, the language, and
/// where the answers came from ("de link", "the link"; capitalised at the start of a sentence).
struct Words<'a> {
    advisor: &'a Advisor,
    lang: Lang,
    src_nl: &'static str,
    src_en: &'static str,
    up_nl: String,
    up_en: String,
}

/// One sentence (or two) per kind of [`Problem`].
impl<'a> Words<'a> {
    fn new(advisor: &'a Advisor, lang: Lang, source: Source) -> Words<'a> {
        let (src_nl, src_en) = source.nouns();
        Words {
            advisor,
            lang,
            src_nl,
            src_en,
            up_nl: capitalise(src_nl),
            up_en: capitalise(src_en),
        }
    }

    /// The Dutch or the English text, by the language.
    fn pick(&self, nl: String, en: String) -> String {
        if self.lang == Lang::Nl { nl } else { en }
    }

    /// The link came from another version of the advisor.
    fn other_version(&self, link: &str, current: &str) -> String {
        let up_nl = &self.up_nl;
        let up_en = &self.up_en;
        let (n, e) = match compare_versions(link, current) {
            Some(Ordering::Less) => ("een oudere", "an older"),
            Some(Ordering::Greater) => ("een nieuwere", "a newer"),
            _ => ("een andere", "another"),
        };
        self.pick(
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

    /// The check does not match.
    fn incomplete(&self) -> String {
        let up_nl = &self.up_nl;
        let up_en = &self.up_en;
        self.pick(
            format!("{up_nl} is niet compleet of is veranderd. Kijk je antwoorden goed na."),
            format!("{up_en} is incomplete or has been changed. Please check your answers."),
        )
    }

    /// A language the advisor does not have.
    fn unknown_language(&self, found: &str) -> String {
        let up_nl = &self.up_nl;
        let up_en = &self.up_en;
        self.pick(
            format!(
                "{up_nl} vroeg om een taal die we niet hebben ({found}). Je ziet de \
                 keuzehulp in het Nederlands."
            ),
            format!(
                "{up_en} asked for a language we do not have ({found}). You see the \
                 advisor in Dutch."
            ),
        )
    }

    /// More scenarios than allowed.
    fn too_many_scenarios(&self, found: usize, kept: usize) -> String {
        let up_nl = &self.up_nl;
        let up_en = &self.up_en;
        self.pick(
            format!(
                "{up_nl} had {found} situaties. We hebben alleen de eerste {kept} \
                 overgenomen."
            ),
            format!("{up_en} had {found} scenarios. We kept only the first {kept}."),
        )
    }

    /// The active scenario does not exist.
    fn bad_active(&self) -> String {
        let up_nl = &self.up_nl;
        let up_en = &self.up_en;
        self.pick(
            format!(
                "{up_nl} wees naar een situatie die er niet is. We laten de eerste situatie \
                 zien."
            ),
            format!("{up_en} pointed to a scenario that does not exist. We show the first one."),
        )
    }

    /// A scenario name that was cut.
    fn name_too_long(&self, name: &str, chars: usize) -> String {
        self.pick(
            format!(
                "De naam ‘{name}…’ was te lang ({chars} tekens). We hebben de eerste \
                 {MAX_NAME_CHARS} tekens bewaard."
            ),
            format!(
                "The name ‘{name}…’ was too long ({chars} characters). We kept the first \
                 {MAX_NAME_CHARS}."
            ),
        )
    }

    /// A scenario name that was cleaned or replaced.
    fn bad_name(&self, name: &str) -> String {
        self.pick(
            format!("Een situatie had geen goede naam. We noemen hem nu ‘{name}’."),
            format!("A scenario had a name we could not use. We now call it ‘{name}’."),
        )
    }

    /// An answer to a question that no longer exists.
    fn unknown_input(&self, id: &str) -> String {
        let up_nl = &self.up_nl;
        let up_en = &self.up_en;
        self.pick(
            format!(
                "{up_nl} had een antwoord op een vraag die niet meer bestaat ({id}). Dat \
                 antwoord hebben we niet gebruikt."
            ),
            format!(
                "{up_en} had an answer to a question that no longer exists ({id}). We did \
                 not use it."
            ),
        )
    }

    /// A weight for a factor that no longer exists.
    fn unknown_factor(&self, id: &str) -> String {
        let up_nl = &self.up_nl;
        let up_en = &self.up_en;
        self.pick(
            format!(
                "{up_nl} had een gewicht voor iets wat niet meer meetelt ({id}). Dat gewicht \
                 hebben we niet gebruikt."
            ),
            format!(
                "{up_en} had a weight for something that no longer counts ({id}). We did \
                 not use it."
            ),
        )
    }

    /// A number outside the question's range.
    fn out_of_range(&self, input: &str, value: f64, clamped: f64) -> String {
        let advisor = self.advisor;
        let lang = self.lang;
        let src_nl = self.src_nl;
        let src_en = self.src_en;
        let q = input_label(advisor, input, lang);
        let v = show_number(value, lang);
        let c = answer_text(advisor, input, clamped, lang);
        self.pick(
            format!(
                "Bij ‘{q}’ stond {v} in {src_nl}. Dat kan niet, dus we hebben {c} \
                 ingevuld."
            ),
            format!("For ‘{q}’ {src_en} said {v}. That is not possible, so we filled in {c}."),
        )
    }

    /// A number between the question's steps.
    fn off_step(&self, input: &str, value: f64, snapped: f64) -> String {
        let advisor = self.advisor;
        let lang = self.lang;
        let src_nl = self.src_nl;
        let src_en = self.src_en;
        let q = input_label(advisor, input, lang);
        let v = show_number(value, lang);
        let c = answer_text(advisor, input, snapped, lang);
        self.pick(
            format!("Bij ‘{q}’ stond {v} in {src_nl}. We hebben dat afgerond op {c}."),
            format!("For ‘{q}’ {src_en} said {v}. We rounded it to {c}."),
        )
    }

    /// A choice the question does not have.
    fn not_a_choice(&self, input: &str, text: &str) -> String {
        let advisor = self.advisor;
        let lang = self.lang;
        let src_en = self.src_en;
        let q = input_label(advisor, input, lang);
        let d = default_text(advisor, input, lang);
        self.pick(
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

    /// An answer that cannot be read.
    fn bad_answer(&self, input: &str, text: &str) -> String {
        let advisor = self.advisor;
        let lang = self.lang;
        let src_en = self.src_en;
        let q = input_label(advisor, input, lang);
        let d = default_text(advisor, input, lang);
        self.pick(
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

    /// Questions without an answer.
    fn missing_answers(&self, inputs: &[String]) -> String {
        let advisor = self.advisor;
        let lang = self.lang;
        let up_nl = &self.up_nl;
        let up_en = &self.up_en;
        let nl = self.lang == Lang::Nl;
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

    /// A weight that is not a number.
    fn bad_weight(&self, factor: &str, text: &str) -> String {
        let advisor = self.advisor;
        let lang = self.lang;
        let l = factor_label(advisor, factor, lang);
        let w = advisor
            .factor_index(factor)
            .map(|f| show_number(advisor.factors[f].weight, lang))
            .unwrap_or_default();
        self.pick(
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

    /// A weight outside 0 to the maximum.
    fn weight_out_of_range(&self, factor: &str, value: f64, clamped: f64) -> String {
        let advisor = self.advisor;
        let lang = self.lang;
        let l = factor_label(advisor, factor, lang);
        let v = show_number(value, lang);
        let c = show_number(clamped, lang);
        let max = show_number(WEIGHT_MAX, lang);
        self.pick(
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

    /// Factors without a weight.
    fn missing_weights(&self, factors: &[String]) -> String {
        let advisor = self.advisor;
        let lang = self.lang;
        let up_nl = &self.up_nl;
        let up_en = &self.up_en;
        let nl = self.lang == Lang::Nl;
        let labels: Vec<String> = factors
            .iter()
            .map(|f| factor_label(advisor, f, lang))
            .collect();
        let list = list_of(&labels, lang);
        match (factors.len(), nl) {
            (1, true) => {
                format!("{up_nl} had geen gewicht voor {list}. We gebruiken het standaardgewicht.")
            }
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

    /// A part that could not be read.
    fn unreadable(&self, text: &str) -> String {
        let src_nl = self.src_nl;
        let src_en = self.src_en;
        self.pick(
            format!(
                "Een deel van {src_nl} konden we niet lezen (‘{text}’). Dat deel hebben we \
                 overgeslagen."
            ),
            format!("We could not read part of {src_en} (‘{text}’). We skipped that part."),
        )
    }

    /// More periods than allowed.
    fn too_many_periods(&self, found: usize, kept: usize) -> String {
        let src_nl = self.src_nl;
        let src_en = self.src_en;
        self.pick(
            format!(
                "De tijdlijn in {src_nl} had {found} periodes. We hebben alleen de eerste \
                 {kept} overgenomen."
            ),
            format!("The timeline in {src_en} had {found} periods. We kept only the first {kept}."),
        )
    }

    /// A period of a scenario that does not exist.
    fn period_without_scenario(&self, period: usize) -> String {
        self.pick(
            format!(
                "Periode {period} van de tijdlijn hoorde bij een situatie die er niet is. We \
                 hebben die periode weggelaten."
            ),
            format!(
                "Period {period} of the timeline belonged to a scenario that does not exist. \
                 We left that period out."
            ),
        )
    }

    /// A period that was too short or too long.
    fn period_length(&self, period: usize, value: i64, months: u32) -> String {
        let (m_nl, m_en) = if months == 1 {
            ("maand", "month")
        } else {
            ("maanden", "months")
        };
        self.pick(
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

    /// A period that could not be read.
    fn bad_period(&self, period: usize, text: &str) -> String {
        self.pick(
            format!(
                "Periode {period} van de tijdlijn konden we niet lezen (‘{text}’). We hebben \
                 die periode weggelaten."
            ),
            format!(
                "We could not read period {period} of the timeline (‘{text}’). We left that \
                 period out."
            ),
        )
    }

    /// Problems that were not listed.
    fn more_problems(&self, count: usize) -> String {
        let src_nl = self.src_nl;
        let src_en = self.src_en;
        let nl = self.lang == Lang::Nl;
        match (count, nl) {
            (1, true) => format!("Er was nog 1 ander probleem met {src_nl}."),
            (1, false) => format!("There was 1 more problem with {src_en}."),
            (n, true) => format!("Er waren nog {n} andere problemen met {src_nl}."),
            (n, false) => format!("There were {n} more problems with {src_en}."),
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
