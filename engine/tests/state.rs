//! The shareable state (URL fragment) with the RET advisor: every valid state round-trips
//! exactly, every damaged link gives an error or a valid state (never a panic), and old,
//! tampered and odd links give the right repairs and messages.

use std::sync::OnceLock;

use advies_engine::eval::{Answer, Scenario};
use advies_engine::model::InputKind;
use advies_engine::state::{
    DEFAULT_NAME, DecodeError, Decoded, FORMAT_VERSION, MAX_NAME_CHARS, MAX_PROBLEMS,
    MAX_SCENARIOS, MAX_TEXT_BYTES, NamedScenario, Problem, SharedState, decode, encode,
};
use advies_engine::weights::WEIGHT_MAX;
use advies_engine::{Advisor, Lang};
use proptest::prelude::*;

const RET: &str = include_str!("../../advisors/ret/definition.toml");

fn ret() -> &'static Advisor {
    static ADVISOR: OnceLock<Advisor> = OnceLock::new();
    ADVISOR.get_or_init(|| Advisor::parse(RET, "advisors/ret/definition.toml").unwrap())
}

/// RET as it might have been a version earlier: version 2023.2, up to 60 trips a week, and a
/// question `student_card` that the current version no longer has.
fn ret_2023() -> Advisor {
    let text = RET
        .replace("version = \"2024.1\"", "version = \"2023.2\"")
        .replace("min = 0\nmax = 40\ndefault = 8", "min = 0\nmax = 60\ndefault = 8")
        .replace(
            "[inputs.lives_in_rotterdam]",
            "[inputs.student_card]\nkind = \"yes_no\"\ndefault = false\n\
             label = { nl = \"Heb je een studentenkaart?\", en = \"Do you have a student card?\" }\n\n\
             [inputs.lives_in_rotterdam]",
        );
    assert!(text.contains("max = 60") && text.contains("student_card"));
    Advisor::parse(&text, "ret-2023.toml").unwrap()
}

fn scenario(inputs: &[f64], weights: &[f64]) -> Scenario {
    Scenario {
        inputs: inputs.to_vec(),
        weights: weights.to_vec(),
    }
}

/// Checked here without the library's own `is_valid`: what "valid for the advisor" means.
fn assert_valid(a: &Advisor, s: &SharedState) {
    assert_eq!(s.advisor, a.def.id);
    assert_eq!(s.version, a.def.version);
    assert!(
        (1..=MAX_SCENARIOS).contains(&s.scenarios.len()),
        "{} scenarios",
        s.scenarios.len()
    );
    assert!(s.active < s.scenarios.len(), "active {}", s.active);
    for ns in &s.scenarios {
        assert!(!ns.name.trim().is_empty(), "empty name");
        assert!(ns.name.chars().count() <= MAX_NAME_CHARS, "{:?}", ns.name);
        assert!(!ns.name.chars().any(char::is_control), "{:?}", ns.name);
        assert_eq!(ns.scenario.inputs.len(), a.inputs.len());
        for (i, &v) in ns.scenario.inputs.iter().enumerate() {
            let inp = &a.inputs[i];
            let answer = match inp.kind {
                InputKind::Integer | InputKind::Number => Answer::Number(v),
                InputKind::YesNo => {
                    assert!(v == 0.0 || v == 1.0, "{}: {v}", inp.id);
                    Answer::YesNo(v == 1.0)
                }
                InputKind::Choice => {
                    assert!(v.fract() == 0.0 && v >= 0.0, "{}: {v}", inp.id);
                    Answer::Choice(inp.choices[v as usize].clone())
                }
            };
            assert_eq!(a.answer_value(i, &answer), Ok(v), "{}", inp.id);
        }
        assert_eq!(ns.scenario.weights.len(), a.factors.len());
        for &w in &ns.scenario.weights {
            assert!(
                w.is_finite() && (0.0..=WEIGHT_MAX).contains(&w),
                "weight {w}"
            );
        }
    }
    assert!(s.is_valid(a));
}

/// Err, or a valid state with well-formed problems whose messages can be written.
fn check_decoded(a: &Advisor, text: &str) -> Result<Decoded, DecodeError> {
    let r = decode(a, text);
    match &r {
        Ok(d) => {
            assert_valid(a, &d.state);
            assert!(d.problems.len() <= MAX_PROBLEMS + 1, "{:?}", d.problems);
            for p in &d.problems {
                for lang in Lang::ALL {
                    assert!(!p.message(a, lang).trim().is_empty(), "{p:?}");
                }
            }
        }
        Err(e) => {
            for lang in Lang::ALL {
                assert!(!e.message(lang).is_empty());
            }
        }
    }
    r
}

fn url_safe(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._+%;~,=".contains(&b))
}

// ---------------------------------------------------------------- generators

/// A valid answer for each RET question, on its step grid.
fn answers(a: &Advisor) -> BoxedStrategy<Vec<f64>> {
    a.inputs
        .iter()
        .map(|inp| {
            let steps = ((inp.max - inp.min) / inp.step).round() as u64;
            let (min, step) = (inp.min, inp.step);
            (0..=steps).prop_map(move |k| min + k as f64 * step).boxed()
        })
        .collect::<Vec<_>>()
        .boxed()
}

/// Weights from 0 to 10 with up to two decimals (the slider's resolution).
fn weights(n: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec((0u32..=1000).prop_map(|k| k as f64 / 100.0), n)
}

/// Names with any Unicode, and often the separators and escape characters of the format.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\PC]{1,60}",
        "[;~,=%#&?/+ a-zA-Z0-9éü€😀]{1,20}",
        Just(DEFAULT_NAME.to_string()),
        Just("Na de verhuizing; 2 kinderen ~ 50% = meer".to_string()),
    ]
    .prop_filter("a name has a visible character", |s| !s.trim().is_empty())
}

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Nl), Just(Lang::En)]
}

fn valid_state() -> impl Strategy<Value = SharedState> {
    let a = ret();
    let named =
        (name(), answers(a), weights(a.factors.len())).prop_map(|(name, i, w)| NamedScenario {
            name,
            scenario: scenario(&i, &w),
        });
    (prop::collection::vec(named, 1..=5), lang())
        .prop_flat_map(|(scenarios, lang)| {
            let n = scenarios.len();
            (Just(scenarios), Just(lang), 0..n)
        })
        .prop_map(|(scenarios, lang, active)| SharedState {
            advisor: ret().def.id.clone(),
            version: ret().def.version.clone(),
            lang,
            scenarios,
            active,
        })
}

/// One way to damage a link.
#[derive(Clone, Debug)]
enum Damage {
    Truncate(usize),
    Replace(usize, char),
    Insert(usize, String),
    Delete(usize, usize),
    SwapFields(usize, usize),
    RepeatField(usize, usize),
    FormatVersion(u32),
    AdvisorId(String),
    AdvisorVersion(String),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), any::<char>()).prop_map(|(p, c)| Damage::Replace(p, c)),
        (
            any::<usize>(),
            prop::sample::select(vec![';', '~', ',', '=', '%', '0', '.'])
        )
            .prop_map(|(p, c)| Damage::Replace(p, c)),
        (any::<usize>(), "[;~,=%0-9a-z.+-]{1,8}|\\PC{1,8}").prop_map(|(p, s)| Damage::Insert(p, s)),
        (any::<usize>(), 1usize..20).prop_map(|(p, n)| Damage::Delete(p, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Damage::SwapFields(a, b)),
        (any::<usize>(), 1usize..30).prop_map(|(f, n)| Damage::RepeatField(f, n)),
        prop_oneof![Just(0u32), Just(2u32), Just(u32::MAX), any::<u32>()]
            .prop_map(Damage::FormatVersion),
        prop_oneof![Just("rex".to_string()), "\\PC{0,12}".prop_map(|s| s)]
            .prop_map(Damage::AdvisorId),
        prop_oneof![Just("2023.2".to_string()), "\\PC{0,12}".prop_map(|s| s)]
            .prop_map(Damage::AdvisorVersion),
    ]
}

/// The byte offset of character `pos % (chars + 1)`.
fn char_at(text: &str, pos: usize) -> usize {
    let n = text.chars().count();
    text.char_indices()
        .map(|(i, _)| i)
        .nth(pos % (n + 1))
        .unwrap_or(text.len())
}

fn apply(text: &str, d: &Damage) -> String {
    let mut fields: Vec<String> = text.split(';').map(str::to_string).collect();
    let nf = fields.len();
    if matches!(d, Damage::AdvisorId(_) | Damage::AdvisorVersion(_)) {
        fields.resize(nf.max(3), String::new());
    }
    match d {
        Damage::Truncate(p) => text[..char_at(text, *p)].to_string(),
        Damage::Replace(p, c) => {
            let at = char_at(text, *p);
            let mut s = text[..at].to_string();
            s.push(*c);
            let rest = &text[at..];
            s.push_str(rest.chars().next().map_or("", |ch| &rest[ch.len_utf8()..]));
            s
        }
        Damage::Insert(p, ins) => {
            let at = char_at(text, *p);
            format!("{}{ins}{}", &text[..at], &text[at..])
        }
        Damage::Delete(p, n) => text
            .chars()
            .enumerate()
            .filter(|(k, _)| {
                let start = p % (text.chars().count() + 1);
                *k < start || *k >= start + n
            })
            .map(|(_, c)| c)
            .collect(),
        Damage::SwapFields(a, b) => {
            fields.swap(a % nf, b % nf);
            fields.join(";")
        }
        Damage::RepeatField(f, n) => {
            let field = fields[f % nf].clone();
            for _ in 0..*n {
                fields.push(field.clone());
            }
            fields.join(";")
        }
        Damage::FormatVersion(v) => {
            fields[0] = format!("v{v}");
            fields.join(";")
        }
        Damage::AdvisorId(id) => {
            fields[1] = id.clone();
            fields.join(";")
        }
        Damage::AdvisorVersion(v) => {
            fields[2] = v.clone();
            fields.join(";")
        }
    }
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Any valid state comes back exactly, without problems, from URL-safe text.
    #[test]
    fn valid_states_round_trip_exactly(state in valid_state()) {
        let a = ret();
        prop_assert!(state.is_valid(a));
        let text = encode(a, &state);
        prop_assert!(url_safe(&text), "{}", text);
        let back = decode(a, &text);
        prop_assert_eq!(back, Ok(Decoded { state: state.clone(), problems: vec![] }), "{}", text);
        // With a `#`, as `location.hash` gives it.
        prop_assert_eq!(decode(a, &format!("#{text}")).map(|d| d.state), Ok(state));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    /// Any damage to a valid link gives an error or a valid state; never a panic. A link that
    /// was changed always gives an error or at least one problem (the check notices it).
    #[test]
    fn damaged_links_give_an_error_or_a_valid_state(
        state in valid_state(),
        damages in prop::collection::vec(damage(), 1..=3),
    ) {
        let a = ret();
        let text = encode(a, &state);
        let mut bad = text.clone();
        for d in &damages {
            bad = apply(&bad, d);
        }
        let r = check_decoded(a, &bad);
        if bad.trim() != text {
            prop_assert!(r.as_ref().map_or(true, |d| !d.problems.is_empty()), "{}", bad);
        }
    }

    /// Text that never was a link.
    #[test]
    fn random_text_gives_an_error_or_a_valid_state(
        text in prop_oneof![
            "\\PC{0,200}",
            "[v0-9;~,=%a-z.+-]{0,200}",
            "v1;ret;2024.1;(nl|en|de);[0-9]{1,3};[A-Za-z0-9_-]{0,5};[\\PC;~,=%]{0,200}",
            "v1;ret;2024.1;nl;0;AAAA;[a-z]{0,8}~([a-z_]{1,12}=[0-9.e+-]{0,6},){0,12}~([a-z]{1,12}=[0-9.a-z-]{0,6},){0,5}",
        ],
    ) {
        let _ = check_decoded(ret(), &text);
    }
}

/// Exhaustive: every truncation, every deletion and every replacement by characters that matter
/// to the format, of a link with three scenarios (Unicode names, separators in names).
#[test]
fn every_truncation_and_replacement_of_one_link() {
    let a = ret();
    let d = a.default_scenario();
    let state = SharedState {
        advisor: "ret".into(),
        version: "2024.1".into(),
        lang: Lang::En,
        scenarios: vec![
            NamedScenario {
                name: "Nu".into(),
                scenario: d.clone(),
            },
            NamedScenario {
                name: "Na de verhuizing; 5 km ~ 50%".into(),
                scenario: scenario(&[20.0, 5.0, 5.0, 4.0, 0.0, 1.0], &[7.25, 0.0, 10.0]),
            },
            NamedScenario {
                name: "Ouder 😀 €".into(),
                scenario: scenario(&[3.0, 50.0, 1.0, 1.0, 1.0, 0.0], &[0.01, 9.99, 3.0]),
            },
        ],
        active: 2,
    };
    let text = encode(a, &state);
    assert_eq!(decode(a, &text).unwrap().state, state);
    let replacements = [
        ';', '~', ',', '=', '%', 'x', '9', '.', '-', '+', 'é', '\0', ' ', '#', 'v', '😀',
    ];
    let mut cases = 0;
    for cut in 0..text.len() {
        let r = check_decoded(a, &text[..cut]);
        assert!(
            r.is_err() || !r.unwrap().problems.is_empty(),
            "cut at {cut}"
        );
        let deleted = format!("{}{}", &text[..cut], &text[cut + 1..]);
        let r = check_decoded(a, &deleted);
        assert!(r.is_err() || !r.unwrap().problems.is_empty(), "{deleted}");
        cases += 2;
        for c in replacements {
            let changed = format!("{}{c}{}", &text[..cut], &text[cut + 1..]);
            let r = check_decoded(a, &changed);
            if changed.trim() != text && changed.trim_start_matches('#') != text {
                assert!(r.is_err() || !r.unwrap().problems.is_empty(), "{changed}");
            }
            cases += 1;
        }
    }
    println!("{cases} damaged links checked ({} characters)", text.len());
    assert!(cases > 5000, "{cases} cases");
}

// ---------------------------------------------------------------- length and format

/// The RET state with every answer and weight at its longest still fits in 150 characters.
#[test]
fn ret_state_is_short() {
    let a = ret();
    let d = SharedState::single(a, a.default_scenario(), Lang::Nl);
    let text = encode(a, &d);
    println!("RET defaults ({} characters): {text}", text.len());
    assert!(text.starts_with("v1;ret;2024.1;nl;0;"));
    assert!(text.ends_with(
        ";Nu~trips=8,distance=7,travel=4,age=19-64,lives=1,travels=1~cost=3,flexibility=1,convenience=1"
    ));
    // The longest value of every question and weight (two decimals).
    let longest = SharedState::single(
        a,
        scenario(&[40.0, 50.0, 7.0, 2.0, 0.0, 0.0], &[9.99, 0.01, 7.25]),
        Lang::En,
    );
    let text = encode(a, &longest);
    println!("RET longest ({} characters): {text}", text.len());
    assert!(text.len() < 150, "{} characters: {text}", text.len());
    assert_eq!(decode(a, &text).unwrap().state, longest);
}

#[test]
fn single_names_the_scenario_nu() {
    let a = ret();
    let s = SharedState::single(a, a.default_scenario(), Lang::En);
    assert_eq!(s.scenarios.len(), 1);
    assert_eq!(s.scenarios[0].name, "Nu");
    assert_eq!(s.active, 0);
    assert_eq!((s.advisor.as_str(), s.version.as_str()), ("ret", "2024.1"));
    assert!(s.is_valid(a));
    assert_eq!(FORMAT_VERSION, 1);
}

// ---------------------------------------------------------------- hand cases

#[test]
fn link_from_an_older_version_keeps_what_still_fits() {
    let old = ret_2023();
    let a = ret();
    // trips 55 (allowed then), distance 12, 3 days, 65+, not in Rotterdam, with adult,
    // student card yes; weights 5, 2, 0.5.
    let state = SharedState::single(
        &old,
        scenario(&[55.0, 12.0, 3.0, 4.0, 1.0, 0.0, 1.0], &[5.0, 2.0, 0.5]),
        Lang::En,
    );
    let link = encode(&old, &state);
    assert!(
        link.contains("student=1") && link.contains(";2023.2;"),
        "{link}"
    );
    let d = decode(a, &link).unwrap();
    assert_eq!(
        d.problems,
        vec![
            Problem::OtherVersion {
                link: "2023.2".into(),
                current: "2024.1".into()
            },
            Problem::OutOfRange {
                scenario: None,
                input: "trips_per_week".into(),
                value: 55.0,
                clamped: 40.0
            },
            Problem::UnknownInput {
                scenario: None,
                id: "student".into()
            },
        ]
    );
    assert_eq!(
        d.state,
        SharedState::single(
            a,
            scenario(&[40.0, 12.0, 3.0, 4.0, 0.0, 1.0], &[5.0, 2.0, 0.5]),
            Lang::En
        )
    );
    assert_eq!(
        d.problems[0].message(a, Lang::Nl),
        "De link kwam van een oudere versie van deze keuzehulp (2023.2). We hebben de \
         antwoorden die nog passen overgenomen."
    );
    assert_eq!(
        d.problems[0].message(a, Lang::En),
        "The link came from an older version of this advisor (2023.2). We kept the answers \
         that still fit."
    );
    assert_eq!(
        d.problems[2].message(a, Lang::Nl),
        "De link had een antwoord op een vraag die niet meer bestaat (student). Dat antwoord \
         hebben we niet gebruikt."
    );
    assert_eq!(
        d.problems[1].message(a, Lang::Nl),
        "Bij ‘Hoeveel ritten maak je per week met de RET?’ stond 55 in de link. Dat kan niet, \
         dus we hebben 40 ritten per week ingevuld."
    );
    // The other way round: a current link opened by the older page.
    let now = SharedState::single(a, a.default_scenario(), Lang::Nl);
    let d = decode(&old, &encode(a, &now)).unwrap();
    assert_eq!(
        d.problems,
        vec![
            Problem::OtherVersion {
                link: "2024.1".into(),
                current: "2023.2".into()
            },
            Problem::MissingAnswers {
                scenario: None,
                inputs: vec!["student_card".into()]
            },
        ]
    );
    assert!(
        d.problems[0]
            .message(&old, Lang::Nl)
            .contains("nieuwere versie")
    );
    assert_eq!(
        d.problems[1].message(&old, Lang::Nl),
        "De link had geen antwoord op ‘Heb je een studentenkaart?’. We hebben het \
         standaardantwoord ingevuld."
    );
}

/// A valid link with one part replaced by hand.
fn tampered(from: &str, to: &str) -> (SharedState, Decoded) {
    let a = ret();
    let state = SharedState::single(
        a,
        scenario(&[8.0, 7.0, 4.0, 3.0, 1.0, 1.0], &[7.0, 2.0, 1.0]),
        Lang::Nl,
    );
    let text = encode(a, &state);
    assert!(text.contains(from), "{text}");
    let d = check_decoded(a, &text.replace(from, to)).unwrap();
    (state, d)
}

#[test]
fn out_of_range_and_off_step_answers_are_repaired() {
    let a = ret();
    let (_, d) = tampered("trips=8", "trips=99");
    assert_eq!(
        d.problems,
        vec![
            Problem::Incomplete,
            Problem::OutOfRange {
                scenario: None,
                input: "trips_per_week".into(),
                value: 99.0,
                clamped: 40.0
            }
        ]
    );
    assert_eq!(d.state.scenarios[0].scenario.inputs[0], 40.0);
    assert_eq!(
        d.problems[0].message(a, Lang::Nl),
        "De link is niet compleet of is veranderd. Kijk je antwoorden goed na."
    );
    let (_, d) = tampered("trips=8", "trips=-3");
    assert_eq!(d.state.scenarios[0].scenario.inputs[0], 0.0);
    let (_, d) = tampered("distance=7", "distance=7.5");
    assert_eq!(
        d.problems[1],
        Problem::OffStep {
            scenario: None,
            input: "distance_km".into(),
            value: 7.5,
            snapped: 8.0
        }
    );
    assert_eq!(
        d.problems[1].message(a, Lang::Nl),
        "Bij ‘Hoe lang is een rit meestal?’ stond 7,5 in de link. We hebben dat afgerond op 8 km."
    );
    assert_eq!(
        d.problems[1].message(a, Lang::En),
        "For ‘How long is a trip usually?’ the link said 7.5. We rounded it to 8 km."
    );
    // The full id is read as well as the short key.
    let (_, d) = tampered("distance=7", "distance_km=9");
    assert_eq!(d.problems, vec![Problem::Incomplete]);
    assert_eq!(d.state.scenarios[0].scenario.inputs[1], 9.0);
}

#[test]
fn unknown_choices_and_unreadable_answers_get_the_default() {
    let a = ret();
    let (_, d) = tampered("age=19-64", "age=100%2B");
    assert_eq!(
        d.problems[1],
        Problem::NotAChoice {
            scenario: None,
            input: "age_group".into(),
            text: "100+".into()
        }
    );
    assert_eq!(d.state.scenarios[0].scenario.inputs[3], 3.0);
    assert_eq!(
        d.problems[1].message(a, Lang::Nl),
        "Bij ‘Hoe oud ben je?’ stond een antwoord dat niet bestaat (‘100+’). We hebben \
         ‘19 tot en met 64 jaar’ ingevuld."
    );
    let (_, d) = tampered("lives=1", "lives=misschien");
    assert_eq!(
        d.problems[1],
        Problem::BadAnswer {
            scenario: None,
            input: "lives_in_rotterdam".into(),
            text: "misschien".into()
        }
    );
    assert!(
        d.problems[1]
            .message(a, Lang::Nl)
            .ends_with("We hebben ‘ja’ ingevuld.")
    );
    let (_, d) = tampered("trips=8", "trips=NaN");
    assert!(matches!(d.problems[1], Problem::BadAnswer { .. }));
    assert_eq!(d.state.scenarios[0].scenario.inputs[0], 8.0);
    // Yes/no also as words.
    let (_, d) = tampered("lives=1", "lives=nee");
    assert_eq!(d.problems, vec![Problem::Incomplete]);
    assert_eq!(d.state.scenarios[0].scenario.inputs[4], 0.0);
}

#[test]
fn tampered_weight_gets_the_default_weight() {
    let a = ret();
    let (state, d) = tampered("cost=7", "cost=abc");
    assert_eq!(
        d.problems,
        vec![
            Problem::Incomplete,
            Problem::BadWeight {
                scenario: None,
                factor: "cost".into(),
                text: "abc".into()
            }
        ]
    );
    // The default weight of cost is 3; the others are kept.
    assert_eq!(d.state.scenarios[0].scenario.weights, vec![3.0, 2.0, 1.0]);
    assert_eq!(
        d.state.scenarios[0].scenario.inputs,
        state.scenarios[0].scenario.inputs
    );
    assert_eq!(
        d.problems[1].message(a, Lang::Nl),
        "We konden het gewicht van ‘Kosten per maand’ niet lezen (‘abc’). We gebruiken het \
         standaardgewicht: 3."
    );
    let (_, d) = tampered("cost=7", "cost=12.5");
    assert_eq!(
        d.problems[1],
        Problem::WeightOutOfRange {
            scenario: None,
            factor: "cost".into(),
            value: 12.5,
            clamped: 10.0
        }
    );
    assert_eq!(
        d.problems[1].message(a, Lang::Nl),
        "Het gewicht van ‘Kosten per maand’ was 12,5. Een gewicht gaat van 0 tot 10, dus we \
         gebruiken 10."
    );
    let (_, d) = tampered("cost=7", "cost=inf");
    assert!(matches!(d.problems[1], Problem::BadWeight { .. }));
    let (_, d) = tampered(",flexibility=2", "");
    assert_eq!(
        d.problems[1],
        Problem::MissingWeights {
            scenario: None,
            factors: vec!["flexibility".into()]
        }
    );
    assert_eq!(d.state.scenarios[0].scenario.weights, vec![7.0, 1.0, 1.0]);
    let (_, d) = tampered("cost=7", "cost=7,speed=4,cost=1");
    assert_eq!(
        &d.problems[1..],
        &[
            Problem::UnknownFactor {
                scenario: None,
                id: "speed".into()
            },
            Problem::Unreadable {
                scenario: None,
                text: "cost=1".into()
            }
        ]
    );
    assert_eq!(d.state.scenarios[0].scenario.weights[0], 7.0);
}

#[test]
fn missing_answers_get_their_defaults() {
    let a = ret();
    let (_, d) = tampered("travel=4,age=19-64,lives=1,", "");
    assert_eq!(
        d.problems[1],
        Problem::MissingAnswers {
            scenario: None,
            inputs: vec![
                "travel_days_per_week".into(),
                "age_group".into(),
                "lives_in_rotterdam".into()
            ]
        }
    );
    assert_eq!(
        d.problems[1].message(a, Lang::En),
        "The link had no answer to 3 questions: ‘On how many days a week do you travel?’, \
         ‘How old are you?’ and ‘Do you live in the municipality of Rotterdam?’. We filled in \
         the default answers."
    );
}

#[test]
fn scenarios_names_language_and_active_are_repaired() {
    let a = ret();
    let d = a.default_scenario();
    let named = |name: &str| NamedScenario {
        name: name.into(),
        scenario: d.clone(),
    };
    let mut state = SharedState::single(a, d.clone(), Lang::Nl);

    // Too many scenarios: the first 12 are kept; the active one (13th) is not there.
    state.scenarios = (0..13).map(|k| named(&format!("S{k}"))).collect();
    state.active = 12;
    let r = check_decoded(a, &encode(a, &state)).unwrap();
    assert_eq!(
        r.problems,
        vec![
            Problem::TooManyScenarios {
                found: 13,
                kept: 12
            },
            Problem::BadActive { found: "12".into() }
        ]
    );
    assert_eq!(r.state.scenarios.len(), 12);
    assert_eq!(r.state.active, 0);

    // A name of 61 characters is cut to 60; an empty one is replaced; control characters go.
    let long: String = "é".repeat(61);
    state.scenarios = vec![named(&long), named("  "), named("a\u{7}b")];
    state.active = 1;
    let r = check_decoded(a, &encode(a, &state)).unwrap();
    assert_eq!(
        r.problems,
        vec![
            Problem::NameTooLong {
                name: "é".repeat(60),
                chars: 61
            },
            Problem::BadName {
                name: "Situatie 2".into()
            },
            Problem::BadName { name: "ab".into() },
        ]
    );
    assert_eq!(r.state.active, 1);

    // Unknown language: Dutch.
    let text = encode(a, &SharedState::single(a, d.clone(), Lang::En));
    let r = check_decoded(a, &text.replacen(";en;", ";de;", 1)).unwrap();
    assert_eq!(r.state.lang, Lang::Nl);
    assert!(
        r.problems
            .contains(&Problem::UnknownLanguage { found: "de".into() })
    );
    // A regional variant is fine (only the check notices the change).
    let r = check_decoded(a, &text.replacen(";en;", ";en-GB;", 1)).unwrap();
    assert_eq!(
        (r.state.lang, r.problems),
        (Lang::En, vec![Problem::Incomplete])
    );
}

#[test]
fn problems_in_one_of_several_scenarios_name_it() {
    let a = ret();
    let d = a.default_scenario();
    let state = SharedState {
        advisor: "ret".into(),
        version: "2024.1".into(),
        lang: Lang::Nl,
        scenarios: vec![
            NamedScenario {
                name: "Nu".into(),
                scenario: d.clone(),
            },
            NamedScenario {
                name: "Later".into(),
                scenario: scenario(&[12.0, 7.0, 4.0, 3.0, 1.0, 1.0], &[3.0, 1.0, 1.0]),
            },
        ],
        active: 1,
    };
    let text = encode(a, &state);
    let bad = text.replace("Later~trips=12", "Later~trips=12,bike=3");
    let r = check_decoded(a, &bad).unwrap();
    let p = Problem::UnknownInput {
        scenario: Some("Later".into()),
        id: "bike".into(),
    };
    assert_eq!(r.problems, vec![Problem::Incomplete, p.clone()]);
    assert_eq!(p.scenario(), Some("Later"));
    assert_eq!(
        p.message(a, Lang::Nl),
        "In ‘Later’: de link had een antwoord op een vraag die niet meer bestaat (bike). Dat \
         antwoord hebben we niet gebruikt."
    );
    assert_eq!(r.state, state);
}

#[test]
fn many_problems_are_counted_not_listed() {
    let a = ret();
    let text = encode(a, &SharedState::single(a, a.default_scenario(), Lang::Nl));
    let junk: Vec<String> = (0..30).map(|k| format!("q{k}=1")).collect();
    let bad = text.replace("~cost", &format!(",{}~cost", junk.join(",")));
    let r = check_decoded(a, &bad).unwrap();
    assert_eq!(r.problems.len(), MAX_PROBLEMS + 1);
    assert_eq!(
        r.problems.last(),
        Some(&Problem::MoreProblems {
            count: 31 - MAX_PROBLEMS
        })
    );
    assert_eq!(
        r.problems.last().unwrap().message(a, Lang::Nl),
        "Er waren nog 11 andere problemen met de link."
    );
}

#[test]
fn what_is_not_a_usable_link() {
    let a = ret();
    let good = encode(a, &SharedState::single(a, a.default_scenario(), Lang::Nl));
    assert_eq!(decode(a, ""), Err(DecodeError::Empty));
    assert_eq!(decode(a, "#"), Err(DecodeError::Empty));
    assert_eq!(decode(a, "  # "), Err(DecodeError::Empty));
    assert_eq!(decode(a, "#main"), Err(DecodeError::NotOurs));
    assert_eq!(decode(a, "v2-intro"), Err(DecodeError::NotOurs));
    assert_eq!(
        decode(a, &good.replacen("v1;", "v2;", 1)),
        Err(DecodeError::NewerFormat { found: 2 })
    );
    assert_eq!(
        decode(a, &good.replacen("v1;", "v99999999999;", 1)),
        Err(DecodeError::NewerFormat { found: u32::MAX })
    );
    assert_eq!(
        decode(a, &good.replacen("v1;", "v0;", 1)),
        Err(DecodeError::Unreadable)
    );
    assert_eq!(
        decode(a, &good.replacen(";ret;", ";belasting;", 1)),
        Err(DecodeError::OtherAdvisor {
            found: "belasting".into()
        })
    );
    assert_eq!(
        decode(a, "v1;ret;2024.1;nl;0;AAAA"),
        Err(DecodeError::Unreadable)
    );
    assert_eq!(decode(a, "v1;ret"), Err(DecodeError::Unreadable));
    let huge = format!("{good};{}", "x".repeat(MAX_TEXT_BYTES));
    assert_eq!(decode(a, &huge), Err(DecodeError::Unreadable));
    for e in [
        DecodeError::Empty,
        DecodeError::NotOurs,
        DecodeError::OtherAdvisor { found: "x".into() },
        DecodeError::NewerFormat { found: 2 },
        DecodeError::Unreadable,
    ] {
        let (nl, en) = (e.message(Lang::Nl), e.message(Lang::En));
        assert!(nl.ends_with('.') && en.ends_with('.') && nl != en, "{e:?}");
    }
    assert_eq!(
        DecodeError::NewerFormat { found: 2 }.message(Lang::Nl),
        "Deze link is gemaakt met een nieuwere versie van deze website. Laad de pagina opnieuw \
         en open de link nog een keer."
    );
}

#[test]
fn a_link_percent_encoded_once_more_still_reads() {
    let a = ret();
    let state = SharedState::single(a, a.default_scenario(), Lang::En);
    let mut state2 = state.clone();
    state2.scenarios[0].name = "Na 1 jan; 50% ~ €".into();
    for s in [state, state2] {
        let text = encode(a, &s);
        let wrapped: String = text
            .bytes()
            .map(|b| match b {
                b';' | b'~' | b',' | b'=' | b'%' => format!("%{b:02X}"),
                _ => (b as char).to_string(),
            })
            .collect();
        assert!(!wrapped.contains(';'));
        assert_eq!(
            decode(a, &wrapped),
            Ok(Decoded {
                state: s,
                problems: vec![]
            })
        );
    }
}

/// Every problem has a message in both languages, one or two sentences, different per language.
#[test]
fn every_problem_has_a_message_in_both_languages() {
    let a = ret();
    let at = Some("Later".to_string());
    let all = vec![
        Problem::OtherVersion {
            link: "2023.2".into(),
            current: "2024.1".into(),
        },
        Problem::OtherVersion {
            link: "2025.1".into(),
            current: "2024.1".into(),
        },
        Problem::OtherVersion {
            link: "test".into(),
            current: "2024.1".into(),
        },
        Problem::Incomplete,
        Problem::UnknownLanguage { found: "de".into() },
        Problem::TooManyScenarios {
            found: 13,
            kept: 12,
        },
        Problem::BadActive { found: "x".into() },
        Problem::NameTooLong {
            name: "a".repeat(60),
            chars: 70,
        },
        Problem::BadName { name: "Nu".into() },
        Problem::UnknownInput {
            scenario: None,
            id: "bike".into(),
        },
        Problem::UnknownFactor {
            scenario: at.clone(),
            id: "speed".into(),
        },
        Problem::OutOfRange {
            scenario: None,
            input: "trips_per_week".into(),
            value: 1e300,
            clamped: 40.0,
        },
        Problem::OffStep {
            scenario: at.clone(),
            input: "distance_km".into(),
            value: 1.5,
            snapped: 2.0,
        },
        Problem::NotAChoice {
            scenario: None,
            input: "age_group".into(),
            text: "x".into(),
        },
        Problem::BadAnswer {
            scenario: None,
            input: "trips_per_week".into(),
            text: "x".into(),
        },
        Problem::BadAnswer {
            scenario: None,
            input: "gone".into(),
            text: "x".into(),
        },
        Problem::MissingAnswers {
            scenario: None,
            inputs: a.inputs.iter().map(|i| i.id.clone()).collect(),
        },
        Problem::BadWeight {
            scenario: None,
            factor: "convenience".into(),
            text: "x".into(),
        },
        Problem::WeightOutOfRange {
            scenario: None,
            factor: "flexibility".into(),
            value: -1.0,
            clamped: 0.0,
        },
        Problem::MissingWeights {
            scenario: at.clone(),
            factors: vec!["cost".into(), "convenience".into()],
        },
        Problem::Unreadable {
            scenario: None,
            text: "x".into(),
        },
        Problem::MoreProblems { count: 1 },
        Problem::MoreProblems { count: 5 },
    ];
    for p in &all {
        let (nl, en) = (p.message(a, Lang::Nl), p.message(a, Lang::En));
        println!("{nl}\n{en}\n");
        assert!(nl.ends_with('.') && en.ends_with('.'), "{p:?}");
        assert_ne!(nl, en, "{p:?}");
        assert!(!nl.contains("{") && !en.contains("{"), "{p:?}");
        if p.scenario().is_some() {
            assert!(nl.starts_with("In ‘Later’: "), "{nl}");
        }
    }
    let m = Problem::MissingAnswers {
        scenario: None,
        inputs: a.inputs.iter().map(|i| i.id.clone()).collect(),
    };
    assert!(m.message(a, Lang::Nl).contains("en 3 andere"));
}
