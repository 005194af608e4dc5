//! The definition format: what designers write (TOML, or JSON with the same shape).
//!
//! These are plain serde types; [`crate::Advisor::parse`] validates them and compiles the
//! expressions. The JSON Schema for editors is generated from these types
//! (`cargo xtask advisor schema`, see [`crate::schema`]).

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::text::Text;

/// A whole advisor definition.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// Short id, lowercase letters, digits, `-` and `_` (e.g. `ret`).
    pub id: String,
    /// Version of this definition (e.g. `2024.1`); shown with the advice and kept in shared links.
    pub version: String,
    /// Date (YYYY-MM-DD) from which the figures in this definition apply.
    pub valid_from: String,
    /// The organisation responsible for the content.
    pub owner: String,
    /// The question the advisor answers.
    pub title: Text,
    /// One or two sentences shown under the title.
    #[serde(default)]
    pub intro: Text,
    /// One line that says what the advisor is for, shown in the gallery of advisors (the
    /// site's start page). Optional; without it the gallery shows the intro.
    #[serde(default)]
    pub summary: Text,
    /// Published sources that parameters refer to.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Questions to the citizen, in the order they are asked.
    #[serde(default, deserialize_with = "unique_keys")]
    pub inputs: IndexMap<String, InputDef>,
    /// Named constants (tariffs, prices) with their source and status.
    #[serde(default, deserialize_with = "unique_keys")]
    pub parameters: IndexMap<String, ParameterDef>,
    /// Named intermediate values computed from inputs and parameters.
    #[serde(default, deserialize_with = "unique_keys")]
    pub derived: IndexMap<String, DerivedDef>,
    /// What the options are compared on. The first factor is the headline figure of the advice.
    #[serde(default, deserialize_with = "unique_keys")]
    pub factors: IndexMap<String, FactorDef>,
    /// Ready-made sets of weights the citizen can pick with one button, e.g. "Alleen de prijs
    /// telt". Shown in the order written. Optional.
    #[serde(default, deserialize_with = "unique_keys")]
    pub presets: IndexMap<String, PresetDef>,
    /// Life events: buttons that make a new scenario by changing some answers, e.g.
    /// "Ik word 65". Shown in the order written. Optional.
    #[serde(default, deserialize_with = "unique_keys")]
    pub events: IndexMap<String, EventDef>,
    /// Reflection questions for a user test of a prototype, e.g. "Hoe zeker ben je van je
    /// keuze?". Shown after the advice when the advisor is opened from a playground link;
    /// answers stay in the browser. Optional.
    #[serde(default, deserialize_with = "unique_keys")]
    pub reflection: IndexMap<String, ReflectionDef>,
    /// The products or choices the advice is about.
    #[serde(default, deserialize_with = "unique_keys")]
    pub options: IndexMap<String, OptionDef>,
    /// Ways to reach a person ("Liever met iemand praten?"), in the order written. Optional.
    #[serde(default)]
    pub contacts: Vec<ContactDef>,
    /// Settings of the analysis (tipping points, margin, cost factor).
    #[serde(default)]
    pub analysis: AnalysisSettings,
}

/// Settings of the analysis.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalysisSettings {
    /// Advice whose margin (the smallest relative change of one answer or one weight that
    /// changes the advice; an answer of 0 counts by fraction of its range) is below this number
    /// is called a borderline case. Default 0.10.
    #[serde(default = "default_borderline")]
    pub borderline_below: f64,
    /// Id of the factor that is an amount in euro per `per` (its `format` must be `euro`). It
    /// gives the cost of each scenario and the totals over time. Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_factor: Option<String>,
    /// The period of the cost factor's amounts: `week`, `month` (default) or `year`. Totals over
    /// time count a year as 12 months and as 52 weeks.
    #[serde(default, skip_serializing_if = "CostPeriod::is_month")]
    pub per: CostPeriod,
}

/// The period of an amount: the cost factor's `per`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CostPeriod {
    /// An amount per week.
    Week,
    /// An amount per month.
    #[default]
    Month,
    /// An amount per year.
    Year,
}

impl CostPeriod {
    /// Weeks in a year, for totals over time: the number tariffs and the built-in advisors
    /// use (RET: "Een maand is 52/12 weken"), so a weekly price times 52 is its year.
    pub const WEEKS_PER_YEAR: u32 = 52;

    /// True for the default, a month.
    pub fn is_month(&self) -> bool {
        *self == CostPeriod::Month
    }

    /// An amount per period over `months` months: `amount * months` per month, `amount *
    /// months / 12` per year, `amount * months * 52 / 12` per week (a year is 12 months and
    /// 52 weeks). The factor is applied as one exact fraction, so 12 months of a weekly amount
    /// are exactly 52 times it.
    pub fn over_months(self, amount: f64, months: u32) -> f64 {
        let months = f64::from(months);
        match self {
            CostPeriod::Month => amount * months,
            CostPeriod::Year => amount * months / 12.0,
            CostPeriod::Week => amount * (months * f64::from(Self::WEEKS_PER_YEAR)) / 12.0,
        }
    }
}

/// Default of `[analysis] borderline_below`: advice whose margin is below this is called
/// borderline.
pub const DEFAULT_BORDERLINE: f64 = 0.10;

fn default_borderline() -> f64 {
    DEFAULT_BORDERLINE
}

impl Default for AnalysisSettings {
    fn default() -> Self {
        AnalysisSettings {
            borderline_below: default_borderline(),
            cost_factor: None,
            per: CostPeriod::Month,
        }
    }
}

/// A published source.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id that parameters use in `source = "..."`.
    pub id: String,
    /// Title of the page or document.
    pub title: String,
    /// Where to read it (http or https).
    pub url: String,
    /// Publication date of the source (YYYY-MM-DD).
    pub date: String,
    /// Who published it.
    #[serde(default)]
    pub publisher: String,
}

/// Kind of question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// A whole number with `min`, `max`, optional `step` (default 1).
    Integer,
    /// A number with `min`, `max` and `step`.
    Number,
    /// One of a list of `choices`.
    Choice,
    /// Yes or no.
    YesNo,
}

/// One question.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputDef {
    /// integer, number, choice or yes_no.
    pub kind: InputKind,
    /// The question as the citizen reads it.
    pub label: Text,
    /// Extra explanation shown under the question.
    #[serde(default)]
    pub help: Text,
    /// Unit shown after the number (e.g. "ritten per week").
    #[serde(default)]
    pub unit: Text,
    /// Unit after the number 1, when it differs (e.g. "rit per week").
    #[serde(default)]
    pub unit_one: Text,
    /// Short name of the question for generated sentences, e.g. "ritten voor 9 uur" (when
    /// several questions share a unit, sentences name the question with it). Optional; without
    /// it, sentences use the unit alone.
    #[serde(default)]
    pub short: Text,
    /// Lowest allowed value (integer and number).
    pub min: Option<f64>,
    /// Highest allowed value (integer and number).
    pub max: Option<f64>,
    /// Step between allowed values (integer: default 1; number: required).
    pub step: Option<f64>,
    /// Value before the citizen answers: a number, a choice id, or true/false.
    pub default: Option<Scalar>,
    /// The choices (kind = choice).
    #[serde(default)]
    pub choices: Vec<ChoiceDef>,
    /// Ask this question only when this yes/no expression holds; it may use earlier questions
    /// only. While hidden, the question counts with its default value.
    pub visible_if: Option<String>,
}

/// One choice of a choice question.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceDef {
    /// Id used in expressions, e.g. `age_group == '65+'`.
    pub id: String,
    /// What the citizen reads.
    pub label: Text,
}

/// Whether a figure comes from a published source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The figure appears literally in the cited source.
    Verified,
    /// No published figure was found; the page flags it as an example figure.
    Illustrative,
}

/// A named constant.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParameterDef {
    /// The value.
    pub value: f64,
    /// Unit, e.g. "EUR", "EUR/km", "%".
    #[serde(default)]
    pub unit: String,
    /// What the figure is, for the sources list.
    pub label: Text,
    /// Id of the source in `sources` (required when status = verified).
    pub source: Option<String>,
    /// verified or illustrative.
    pub status: Status,
    /// Remark shown with the figure (e.g. why it is illustrative).
    #[serde(default)]
    pub note: Text,
}

/// A derived value: an expression, optionally with a label and unit for display.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct DerivedDef {
    /// The expression.
    pub expr: String,
    /// Label for display (optional).
    #[serde(default)]
    pub label: Text,
    /// Unit for display (optional).
    #[serde(default)]
    pub unit: Text,
}

/// Direction of a factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// e.g. cost.
    LowerIsBetter,
    /// e.g. flexibility.
    HigherIsBetter,
}

/// How a factor's values become scores from 0 (worst) to 1 (best).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Scaling {
    /// `"relative"`: the worst eligible option gets 0, the best 1.
    Relative(RelativeTag),
    /// `{ worst = .., best = .. }`: a fixed range; values outside it are clamped.
    Range {
        /// Value that scores 0.
        worst: f64,
        /// Value that scores 1.
        best: f64,
    },
}

/// The literal `"relative"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RelativeTag {
    /// Scale relative to the options.
    Relative,
}

/// How a factor's value is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueFormat {
    /// An amount in euro with cents.
    Euro,
    /// A plain number.
    #[default]
    Number,
}

/// Something the options are compared on.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactorDef {
    /// Name of the factor.
    pub label: Text,
    /// What the factor means and how values were chosen.
    #[serde(default)]
    pub help: Text,
    /// Unit shown after values (e.g. "per maand", "van 5").
    #[serde(default)]
    pub unit: Text,
    /// lower_is_better or higher_is_better.
    pub direction: Direction,
    /// Default weight, from 0 to 10 (the range of the weight sliders). Weights are relative:
    /// only their ratios matter.
    #[schemars(range(min = 0, max = 10))]
    pub weight: f64,
    /// "relative" or { worst = .., best = .. }.
    pub scaling: Scaling,
    /// euro or number.
    #[serde(default)]
    pub format: ValueFormat,
    /// Decimals shown for number format (default 0).
    pub decimals: Option<u8>,
}

/// A named set of weights the citizen can pick with one button, e.g. "Alleen de prijs telt"
/// with `weights = { cost = 10 }`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PresetDef {
    /// The text on the button, e.g. "Alleen de prijs telt".
    pub label: Text,
    /// One sentence that says what the choice means for the advice.
    #[serde(default)]
    pub description: Text,
    /// A weight from 0 to 10 per factor id, e.g. `{ cost = 10, flexibility = 2 }`. Factors left
    /// out get 0. At least one weight must be above 0. Weights are relative: only their ratios
    /// matter.
    #[serde(deserialize_with = "unique_keys")]
    #[schemars(extend("additionalProperties" = { "type": "number", "minimum": 0, "maximum": 10 }))]
    pub weights: IndexMap<String, f64>,
}

/// A life event: a button that makes a new scenario from the current one by changing some
/// answers, e.g. "Ik word 65" with `set = { age_group = "65+" }`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    /// The text on the button, e.g. "Ik word 65".
    pub label: Text,
    /// The name of the new scenario, e.g. "Vanaf mijn 65e" (at most 60 characters). The citizen
    /// can change it.
    pub name: Text,
    /// One or two short sentences about what changes (optional).
    #[serde(default)]
    pub description: Text,
    /// The new answers: a question id and its new value. A number for integer and number
    /// questions, true or false for yes_no, a choice id in quotes for choice. Questions left
    /// out keep their answer.
    #[serde(deserialize_with = "unique_keys")]
    pub set: IndexMap<String, Scalar>,
}

/// A reflection question in a user test ([`Definition::reflection`]).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReflectionDef {
    /// The question, e.g. "Hoe zeker ben je van je keuze?".
    pub question: Text,
    /// `scale` (1 to 5) or `text` (a free answer). Default: scale.
    #[serde(default)]
    pub kind: ReflectionKind,
    /// For a scale: what 1 means, e.g. "Helemaal niet zeker" (optional).
    #[serde(default)]
    pub low: Text,
    /// For a scale: what 5 means, e.g. "Heel zeker" (optional).
    #[serde(default)]
    pub high: Text,
}

/// The kind of answer to a reflection question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReflectionKind {
    /// A choice from 1 to 5.
    #[default]
    Scale,
    /// A free text answer.
    Text,
}

/// How a citizen can reach a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// A web page (`value` is an http or https link).
    Web,
    /// A phone number (`value`: digits, spaces, `+` and `-`).
    Phone,
    /// An e-mail address.
    Email,
    /// A desk or office to visit (`value`: an address or place, as text).
    Visit,
}

impl ContactKind {
    /// The word used in the definition (`web`, `phone`, `email`, `visit`).
    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Web => "web",
            ContactKind::Phone => "phone",
            ContactKind::Email => "email",
            ContactKind::Visit => "visit",
        }
    }
}

/// One way to reach a person: a web page, phone number, e-mail address or desk.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactDef {
    /// web, phone, email or visit.
    pub kind: ContactKind,
    /// What the citizen reads, e.g. "RET klantenservice".
    pub label: Text,
    /// web: an http(s) link; phone: the number (digits, spaces, `+`, `-`); email: the address;
    /// visit: an address or place.
    pub value: String,
    /// When: opening hours (optional).
    #[serde(default)]
    pub hours: Text,
    /// A remark (optional).
    #[serde(default)]
    pub note: Text,
    /// Only for kind = visit: a page with the addresses (http or https). Optional.
    pub url: Option<String>,
}

/// One option (product, choice).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    /// Name of the option.
    pub label: Text,
    /// One or two sentences about it.
    #[serde(default)]
    pub description: Text,
    /// Where to buy or read more (http or https).
    pub link: Option<String>,
    /// A yes/no expression: when false, the option is not possible for this citizen.
    pub eligible_if: Option<String>,
    /// The reason shown when `eligible_if` is false (required with `eligible_if`).
    #[serde(default)]
    pub not_eligible: Text,
    /// One expression (or number) per factor.
    #[serde(default, deserialize_with = "unique_keys")]
    pub values: IndexMap<String, ExprSrc>,
}

/// Expression source text; a bare number in the definition is accepted as well.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct ExprSrc(pub String);

/// A scalar value: number, yes/no, or a choice id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    /// true / false.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A choice id.
    Text(String),
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Bool(b) => write!(f, "{b}"),
            Scalar::Number(n) => write!(f, "{n}"),
            Scalar::Text(s) => write!(f, "'{s}'"),
        }
    }
}

// ---- hand-written Deserialize impls: they keep serde's precise error positions ----

/// A map that rejects a key given twice. TOML does that itself; JSON would silently keep the
/// last one (and a duplicated option would vanish without a word).
fn unique_keys<'de, D, V>(d: D) -> Result<IndexMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct M<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for M<V> {
        type Value = IndexMap<String, V>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a table")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = IndexMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(M(std::marker::PhantomData))
}

impl<'de> Deserialize<'de> for ExprSrc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ExprSrc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an expression in quotes, or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ExprSrc, E> {
                Ok(ExprSrc(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ExprSrc, E> {
                Ok(ExprSrc(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ExprSrc, E> {
                Ok(ExprSrc(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ExprSrc, E> {
                Ok(ExprSrc(format!("{v:?}")))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ExprSrc, E> {
                Ok(ExprSrc(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DerivedTable {
    expr: String,
    #[serde(default)]
    label: Text,
    #[serde(default)]
    unit: Text,
}

impl<'de> Deserialize<'de> for DerivedDef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DerivedDef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an expression in quotes, or a table with `expr`, `label` and `unit`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DerivedDef, E> {
                Ok(DerivedDef {
                    expr: v.to_string(),
                    label: Text::default(),
                    unit: Text::default(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DerivedDef, A::Error> {
                let t = DerivedTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(DerivedDef {
                    expr: t.expr,
                    label: t.label,
                    unit: t.unit,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RangeTable {
    worst: f64,
    best: f64,
}

impl<'de> Deserialize<'de> for Scaling {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scaling;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"relative\" or a table { worst = .., best = .. }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scaling, E> {
                if v == "relative" {
                    Ok(Scaling::Relative(RelativeTag::Relative))
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scaling, A::Error> {
                let t = RangeTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Scaling::Range {
                    worst: t.worst,
                    best: t.best,
                })
            }
        }
        d.deserialize_any(V)
    }
}
