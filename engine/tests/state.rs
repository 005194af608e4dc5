//! The shareable state (URL fragment) with the RET advisor: every valid state (with a
//! sequence) round-trips exactly, every damaged link gives an error or a valid state (never a
//! panic), and old (version 1), tampered and odd links give the right repairs and messages.
//! Also the list operations on the scenarios and the sequence, and the length of a link.

use std::sync::OnceLock;

use advies_engine::eval::{Answer, Scenario};
use advies_engine::model::InputKind;
use advies_engine::scenarios::{MAX_PERIOD_MONTHS, MAX_PERIODS, Period};
use advies_engine::state::{
    DEFAULT_NAME, DecodeError, Decoded, FORMAT_VERSION, MAX_NAME_CHARS, MAX_PROBLEMS,
    MAX_SCENARIOS, MAX_TEXT_BYTES, NameError, NamedScenario, Problem, SharedState, Source, decode,
    decode_answers, encode, valid_name,
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
    assert!(
        s.sequence.len() <= MAX_PERIODS,
        "{} periods",
        s.sequence.len()
    );
    for p in &s.sequence {
        assert!(p.scenario < s.scenarios.len(), "{p:?}");
        assert!((1..=MAX_PERIOD_MONTHS).contains(&p.months), "{p:?}");
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

/// A valid sequence for `n` scenarios: often none, else up to [`MAX_PERIODS`] periods, with
/// the shortest and longest lengths often.
fn sequence(n: usize) -> impl Strategy<Value = Vec<Period>> {
    let months = prop_oneof![Just(1u32), Just(MAX_PERIOD_MONTHS), 1..=MAX_PERIOD_MONTHS];
    let period = (0..n, months).prop_map(|(scenario, months)| Period { scenario, months });
    prop_oneof![
        1 => Just(Vec::new()),
        3 => prop::collection::vec(period, 1..=MAX_PERIODS),
    ]
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
            (Just(scenarios), Just(lang), 0..n, sequence(n))
        })
        .prop_map(|(scenarios, lang, active, sequence)| SharedState {
            advisor: ret().def.id.clone(),
            version: ret().def.version.clone(),
            lang,
            scenarios,
            active,
            sequence,
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
    /// The sequence field (field 5) replaced.
    Sequence(String),
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
        prop_oneof![
            Just(0u32),
            Just(1u32),
            Just(3u32),
            Just(u32::MAX),
            any::<u32>()
        ]
        .prop_map(Damage::FormatVersion),
        prop_oneof![Just("rex".to_string()), "\\PC{0,12}".prop_map(|s| s)]
            .prop_map(Damage::AdvisorId),
        prop_oneof![Just("2023.2".to_string()), "\\PC{0,12}".prop_map(|s| s)]
            .prop_map(Damage::AdvisorVersion),
        prop_oneof![
            "([0-9]{1,3}\\.-?[0-9]{1,4},?){0,15}",
            "[0-9.,;~=%a-z+-]{0,30}",
            "\\PC{0,12}",
        ]
        .prop_map(Damage::Sequence),
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
    if matches!(
        d,
        Damage::AdvisorId(_) | Damage::AdvisorVersion(_) | Damage::Sequence(_)
    ) {
        fields.resize(nf.max(6), String::new());
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
        Damage::Sequence(seq) => {
            fields[5] = seq.clone();
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
            "v2;ret;2024.1;(nl|en|de);[0-9]{1,3};[0-9.,-]{0,30};[A-Za-z0-9_-]{0,5};[\\PC;~,=%]{0,200}",
            "v2;ret;2024.1;nl;[0-9];([0-9]{1,2}\\.-?[0-9]{1,4},){0,16};AAAA;([a-z]{0,8}~([a-z_]{1,12}=[0-9.e+-]{0,6},){0,6}~([a-z]{1,12}=[0-9.a-z-]{0,6},){0,3};?){1,14}",
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
        sequence: vec![
            Period {
                scenario: 0,
                months: 6,
            },
            Period {
                scenario: 1,
                months: 120,
            },
            Period {
                scenario: 2,
                months: 1,
            },
            Period {
                scenario: 1,
                months: 18,
            },
        ],
    };
    let text = encode(a, &state);
    assert!(text.contains(";0.6,1.120,2.1,1.18;"), "{text}");
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
    assert!(text.starts_with("v2;ret;2024.1;nl;0;;"));
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
    assert!(s.sequence.is_empty());
    assert!(s.is_valid(a));
    assert_eq!(FORMAT_VERSION, 2);
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

    // Too many scenarios: the first 12 are kept; the active one (13th) is not there, and its
    // period is dropped with it.
    state.scenarios = (0..13).map(|k| named(&format!("S{k}"))).collect();
    state.active = 12;
    state.sequence = vec![
        Period {
            scenario: 11,
            months: 3,
        },
        Period {
            scenario: 12,
            months: 4,
        },
        Period {
            scenario: 0,
            months: 5,
        },
    ];
    let r = check_decoded(a, &encode(a, &state)).unwrap();
    assert_eq!(
        r.problems,
        vec![
            Problem::TooManyScenarios {
                found: 13,
                kept: 12
            },
            Problem::BadActive { found: "12".into() },
            Problem::PeriodWithoutScenario {
                period: 2,
                found: "12".into()
            },
        ]
    );
    assert_eq!(r.state.scenarios.len(), 12);
    assert_eq!(r.state.active, 0);
    assert_eq!(
        r.state.sequence,
        vec![
            Period {
                scenario: 11,
                months: 3
            },
            Period {
                scenario: 0,
                months: 5
            }
        ]
    );
    state.sequence.clear();

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
        sequence: vec![],
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
        decode(a, &good.replacen("v2;", "v3;", 1)),
        Err(DecodeError::NewerFormat { found: 3 })
    );
    assert_eq!(
        decode(a, &good.replacen("v2;", "v9;", 1)),
        Err(DecodeError::NewerFormat { found: 9 })
    );
    assert_eq!(
        decode(a, &good.replacen("v2;", "v99999999999;", 1)),
        Err(DecodeError::NewerFormat { found: u32::MAX })
    );
    assert_eq!(
        decode(a, &good.replacen("v2;", "v0;", 1)),
        Err(DecodeError::Unreadable)
    );
    assert_eq!(
        decode(a, &good.replacen("v2;", "v00;", 1)),
        Err(DecodeError::Unreadable)
    );
    assert_eq!(
        decode(a, &V1_DOC_EXAMPLE.replacen("v1;", "v0;", 1)),
        Err(DecodeError::Unreadable)
    );
    assert_eq!(
        decode(a, &V1_DOC_EXAMPLE.replacen("v1;", "v9;", 1)),
        Err(DecodeError::NewerFormat { found: 9 })
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
    assert_eq!(
        decode(a, "v2;ret;2024.1;nl;0;0.4,1.8;AAAA"),
        Err(DecodeError::Unreadable)
    );
    assert_eq!(decode(a, "v1;ret"), Err(DecodeError::Unreadable));
    assert_eq!(decode(a, "v2;ret"), Err(DecodeError::Unreadable));
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
        Problem::TooManyPeriods {
            found: 15,
            kept: 12,
        },
        Problem::PeriodWithoutScenario {
            period: 2,
            found: "7".into(),
        },
        Problem::PeriodLength {
            period: 1,
            value: 0,
            months: 1,
        },
        Problem::PeriodLength {
            period: 3,
            value: 500,
            months: 120,
        },
        Problem::BadPeriod {
            period: 4,
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
        // A host's prefill or a saved state is not "a link": the wording names the source.
        for (source, nl_noun, en_noun) in [
            (Source::Website, "de website", "the website"),
            (Source::Device, "dit apparaat", "this device"),
        ] {
            let (n, e) = (
                p.message_from(a, Lang::Nl, source),
                p.message_from(a, Lang::En, source),
            );
            assert!(
                !n.contains("link") && !e.contains("link"),
                "{source:?}: {n} / {e}"
            );
            assert!(
                !n.contains("{") && !e.contains("{"),
                "{source:?}: {n} / {e}"
            );
            for (plain, from, noun) in [(&nl, &n, nl_noun), (&en, &e, en_noun)] {
                if plain.contains("link") {
                    assert!(from.contains(noun), "{from}");
                } else {
                    assert_eq!(from, plain);
                }
            }
        }
    }
    assert_eq!(
        Problem::Unreadable {
            scenario: None,
            text: "x".into()
        }
        .message_from(a, Lang::Nl, Source::Website),
        "Een deel van wat de website doorgaf konden we niet lezen (‘x’). Dat deel hebben we \
         overgeslagen."
    );
    let m = Problem::MissingAnswers {
        scenario: None,
        inputs: a.inputs.iter().map(|i| i.id.clone()).collect(),
    };
    assert!(m.message(a, Lang::Nl).contains("en 3 andere"));
}

// ---------------------------------------------------------------- format version 2: sequence

fn period(scenario: usize, months: u32) -> Period {
    Period { scenario, months }
}

fn named(name: &str, scenario: Scenario) -> NamedScenario {
    NamedScenario {
        name: name.into(),
        scenario,
    }
}

/// The example of format version 1 in the module documentation before version 2.
const V1_DOC_EXAMPLE: &str = "v1;ret;2024.1;nl;0;s7en;Nu~trips=8,distance=7,travel=4,age=19-64,lives=1,travels=1~cost=3,flexibility=1,convenience=1";

/// The example of format version 2 in the module documentation.
const V2_DOC_EXAMPLE: &str = "v2;ret;2024.1;nl;1;0.6,1.18;k6g-;Nu~trips=8,distance=7,travel=4,age=19-64,lives=1,travels=1~cost=3,flexibility=1,convenience=1;Na%20de%20verhuizing~trips=10,distance=3,travel=5,age=19-64,lives=1,travels=1~cost=5,flexibility=1,convenience=2";

/// Two scenarios, the second active, 6 months of "Nu" then 18 months of "Na de verhuizing".
fn two_with_sequence() -> SharedState {
    let a = ret();
    let mut s = SharedState::single(a, a.default_scenario(), Lang::Nl);
    s.scenarios.push(named(
        "Na de verhuizing",
        scenario(&[10.0, 3.0, 5.0, 3.0, 1.0, 1.0], &[5.0, 1.0, 2.0]),
    ));
    s.active = 1;
    s.sequence = vec![period(0, 6), period(1, 18)];
    s
}

#[test]
fn the_documented_examples_read_back() {
    let a = ret();
    let s = two_with_sequence();
    let text = encode(a, &s);
    println!("{text}");
    assert_eq!(text, V2_DOC_EXAMPLE);
    assert_eq!(
        decode(a, V2_DOC_EXAMPLE),
        Ok(Decoded {
            state: s,
            problems: vec![]
        })
    );
    let d = decode(a, V1_DOC_EXAMPLE).unwrap();
    assert_eq!(d.problems, vec![]);
    assert_eq!(
        d.state,
        SharedState::single(a, a.default_scenario(), Lang::Nl)
    );
}

/// Links written by format version 1 (before sequences) read exactly as they did: the same
/// scenarios, an empty sequence, the same repairs.
#[test]
fn version_1_links_still_read() {
    let a = ret();
    // Written by the version 1 encoder (commit 6792b63): three scenarios, Unicode and
    // separators in names.
    let three = "v1;ret;2024.1;en;2;wsdb;Nu~trips=8,distance=7,travel=4,age=19-64,lives=1,travels=1~cost=3,flexibility=1,convenience=1;Na%20de%20verhuizing%3B%205%20km%20%7E%2050%25~trips=20,distance=5,travel=5,age=19-64,lives=0,travels=1~cost=7.25,flexibility=0,convenience=10;Ouder%20%F0%9F%98%80%20%E2%82%AC~trips=3,distance=50,travel=1,age=4-11,lives=1,travels=0~cost=0.01,flexibility=9.99,convenience=3";
    let d = decode(a, three).unwrap();
    assert_eq!(d.problems, vec![]);
    assert_eq!(
        d.state,
        SharedState {
            advisor: "ret".into(),
            version: "2024.1".into(),
            lang: Lang::En,
            scenarios: vec![
                named("Nu", a.default_scenario()),
                named(
                    "Na de verhuizing; 5 km ~ 50%",
                    scenario(&[20.0, 5.0, 5.0, 3.0, 0.0, 1.0], &[7.25, 0.0, 10.0])
                ),
                named(
                    "Ouder 😀 €",
                    scenario(&[3.0, 50.0, 1.0, 1.0, 1.0, 0.0], &[0.01, 9.99, 3.0])
                ),
            ],
            active: 2,
            sequence: vec![],
        }
    );
    // Written again, it is a version 2 link for the same state.
    let again = encode(a, &d.state);
    assert!(again.starts_with("v2;ret;2024.1;en;2;;"), "{again}");
    assert_eq!(decode(a, &again).unwrap().state, d.state);

    // A tampered version 1 link is repaired as before.
    let d = check_decoded(a, &V1_DOC_EXAMPLE.replace("trips=8", "trips=99")).unwrap();
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
    assert!(d.state.sequence.is_empty());
    // A version 1 link from the older advisor version, cut short by hand.
    let old = "v1;ret;2023.2;en;0;AAAA;Nu~trips=55,distance=12~cost=5";
    let d = check_decoded(a, old).unwrap();
    assert!(d.problems.contains(&Problem::Incomplete));
    assert_eq!(d.state.scenarios[0].scenario.inputs[..2], [40.0, 12.0]);
    // Percent-encoded once more.
    let wrapped = V1_DOC_EXAMPLE.replace(';', "%3B").replace(',', "%2C");
    assert_eq!(decode(a, &wrapped).unwrap().problems, vec![]);
}

/// The sequence field of a valid link replaced by `sequence`; the state as decoded.
fn with_sequence(sequence: &str) -> Decoded {
    let a = ret();
    let text = encode(a, &two_with_sequence());
    assert!(text.contains(";0.6,1.18;"));
    check_decoded(a, &text.replacen(";0.6,1.18;", &format!(";{sequence};"), 1)).unwrap()
}

#[test]
fn a_damaged_sequence_is_repaired_period_by_period() {
    let a = ret();
    let whole = two_with_sequence();

    // A period of a scenario that does not exist is left out.
    let d = with_sequence("0.6,2.3,1.18");
    assert_eq!(
        d.problems,
        vec![
            Problem::Incomplete,
            Problem::PeriodWithoutScenario {
                period: 2,
                found: "2".into()
            }
        ]
    );
    assert_eq!(d.state.sequence, whole.sequence);
    assert_eq!(
        d.problems[1].message(a, Lang::Nl),
        "Periode 2 van de tijdlijn hoorde bij een situatie die er niet is. We hebben die \
         periode weggelaten."
    );
    assert_eq!(
        d.problems[1].message(a, Lang::En),
        "Period 2 of the timeline belonged to a scenario that does not exist. We left that \
         period out."
    );
    let d = with_sequence("99999999999999999999999.4,-1.4,1.18");
    assert_eq!(
        &d.problems[1..],
        &[
            Problem::PeriodWithoutScenario {
                period: 1,
                found: "99999999999999999999999".into()
            },
            Problem::PeriodWithoutScenario {
                period: 2,
                found: "-1".into()
            }
        ]
    );
    assert_eq!(d.state.sequence, vec![period(1, 18)]);

    // Months out of range are clamped.
    let d = with_sequence("0.0,1.121");
    assert_eq!(
        &d.problems[1..],
        &[
            Problem::PeriodLength {
                period: 1,
                value: 0,
                months: 1
            },
            Problem::PeriodLength {
                period: 2,
                value: 121,
                months: MAX_PERIOD_MONTHS
            }
        ]
    );
    assert_eq!(d.state.sequence, vec![period(0, 1), period(1, 120)]);
    assert_eq!(
        d.problems[1].message(a, Lang::Nl),
        "Periode 1 van de tijdlijn duurde 0 maanden. Een periode duurt 1 tot en met 120 \
         maanden, dus we gebruiken 1 maand."
    );
    assert_eq!(
        d.problems[2].message(a, Lang::En),
        "Period 2 of the timeline lasted 121 months. A period lasts 1 to 120 months, so we use \
         120 months."
    );
    let d = with_sequence("0.-5,1.99999999999999999999999");
    assert_eq!(
        &d.problems[1..],
        &[
            Problem::PeriodLength {
                period: 1,
                value: -5,
                months: 1
            },
            Problem::PeriodLength {
                period: 2,
                value: i64::MAX,
                months: MAX_PERIOD_MONTHS
            }
        ]
    );

    // An unreadable period is left out.
    let d = with_sequence("0.6,zes,1.18,1.,.4,1.2.3,1.1e2,0~6,%41");
    assert_eq!(
        &d.problems[1..],
        &["zes", "1.", ".4", "1.2.3", "1.1e2", "0~6", "A"]
            .iter()
            .zip([2, 4, 5, 6, 7, 8, 9])
            .map(|(text, period)| Problem::BadPeriod {
                period,
                text: text.to_string()
            })
            .collect::<Vec<_>>()
    );
    assert_eq!(d.state.sequence, whole.sequence);
    assert_eq!(
        d.problems[1].message(a, Lang::Nl),
        "Periode 2 van de tijdlijn konden we niet lezen (‘zes’). We hebben die periode \
         weggelaten."
    );
    // Empty entries are skipped (only the check notices).
    let d = with_sequence(",0.6,,1.18,");
    assert_eq!(d.problems, vec![Problem::Incomplete]);
    assert_eq!(d.state.sequence, whole.sequence);

    // Too many periods: the first 12 are kept (and then repaired).
    let many: Vec<String> = (0..15).map(|k| format!("{}.{}", k % 3, k + 1)).collect();
    let d = with_sequence(&many.join(","));
    assert_eq!(
        &d.problems[1..],
        &[
            Problem::TooManyPeriods {
                found: 15,
                kept: 12
            },
            Problem::PeriodWithoutScenario {
                period: 3,
                found: "2".into()
            },
            Problem::PeriodWithoutScenario {
                period: 6,
                found: "2".into()
            },
            Problem::PeriodWithoutScenario {
                period: 9,
                found: "2".into()
            },
            Problem::PeriodWithoutScenario {
                period: 12,
                found: "2".into()
            },
        ]
    );
    assert_eq!(d.state.sequence.len(), 8);
    assert_eq!(d.state.sequence[7], period(1, 11));
    assert_eq!(
        d.problems[1].message(a, Lang::Nl),
        "De tijdlijn in de link had 15 periodes. We hebben alleen de eerste 12 overgenomen."
    );

    // Whatever the sequence field holds, both scenarios and their answers stay.
    for junk in [
        "", ";", "~~", "x", "%", "0.6;1.18", "=,=,=", "😀", "0.6~Nu~",
    ] {
        let text = encode(a, &whole).replacen(";0.6,1.18;", &format!(";{junk};"), 1);
        let d = check_decoded(a, &text).unwrap();
        if !junk.contains(';') {
            assert_eq!(d.state.scenarios, whole.scenarios, "{junk}");
            assert_eq!(d.state.active, 1, "{junk}");
        }
    }
}

#[test]
fn a_state_with_a_bad_sequence_is_not_valid() {
    let a = ret();
    let mut s = two_with_sequence();
    assert!(s.is_valid(a));
    for bad in [period(2, 4), period(0, 0), period(1, MAX_PERIOD_MONTHS + 1)] {
        s.sequence.push(bad);
        assert!(!s.is_valid(a), "{bad:?}");
        s.sequence.pop();
    }
    s.sequence = vec![period(0, 1); MAX_PERIODS];
    assert!(s.is_valid(a));
    s.sequence.push(period(0, 1));
    assert!(!s.is_valid(a));
    // Written as it is; read back repaired.
    let d = check_decoded(a, &encode(a, &s)).unwrap();
    assert_eq!(
        d.problems,
        vec![Problem::TooManyPeriods {
            found: 13,
            kept: 12
        }]
    );
}

// ---------------------------------------------------------------- list operations

/// Four scenarios A, B, C, D (answers differ in the trips), C active, a sequence over all.
fn four() -> SharedState {
    let a = ret();
    let mut s = SharedState::single(a, a.default_scenario(), Lang::Nl);
    s.scenarios = ["A", "B", "C", "D"]
        .iter()
        .enumerate()
        .map(|(k, n)| {
            named(
                n,
                scenario(&[k as f64, 7.0, 4.0, 3.0, 1.0, 1.0], &[3.0, 1.0, 1.0]),
            )
        })
        .collect();
    s.active = 2;
    s.sequence = vec![
        period(0, 1),
        period(1, 2),
        period(2, 3),
        period(3, 4),
        period(1, 5),
    ];
    assert!(s.is_valid(a));
    s
}

fn names(s: &SharedState) -> Vec<&str> {
    s.scenarios.iter().map(|n| n.name.as_str()).collect()
}

/// The sequence as (scenario name, months), which list operations keep.
fn by_name(s: &SharedState) -> Vec<(String, u32)> {
    s.sequence
        .iter()
        .map(|p| (s.scenarios[p.scenario].name.clone(), p.months))
        .collect()
}

fn active_name(s: &SharedState) -> &str {
    &s.scenarios[s.active].name
}

#[test]
fn remove_drops_the_periods_and_shifts_the_rest() {
    let a = ret();
    let mut s = four();
    assert!(s.remove(1));
    assert_eq!(names(&s), ["A", "C", "D"]);
    assert_eq!(s.sequence, vec![period(0, 1), period(1, 3), period(2, 4)]);
    assert_eq!(active_name(&s), "C");
    assert!(s.is_valid(a));

    // Removing the active one: the next becomes active, or the one before for the last.
    let mut s = four();
    assert!(s.remove(2));
    assert_eq!((names(&s), active_name(&s)), (vec!["A", "B", "D"], "D"));
    assert_eq!(
        by_name(&s),
        [("A", 1), ("B", 2), ("D", 4), ("B", 5)].map(|(n, m)| (n.to_string(), m))
    );
    let mut s = four();
    s.active = 3;
    assert!(s.remove(3));
    assert_eq!((names(&s), active_name(&s)), (vec!["A", "B", "C"], "C"));
    assert!(s.is_valid(a));

    // Down to one; the last one is never removed; bad indexes change nothing.
    let mut s = four();
    assert!(!s.remove(4) && !s.remove(usize::MAX));
    assert_eq!(s, four());
    assert!(s.remove(0) && s.remove(0) && s.remove(0));
    assert_eq!((names(&s), s.active), (vec!["D"], 0));
    assert_eq!(s.sequence, vec![period(0, 4)]);
    assert!(!s.remove(0));
    assert_eq!(names(&s), ["D"]);
    assert!(s.is_valid(a));
}

#[test]
fn move_to_keeps_periods_and_active_with_their_scenarios() {
    let a = ret();
    for from in 0..4 {
        for to in 0..4 {
            let mut s = four();
            let before = by_name(&s);
            assert!(s.move_to(from, to));
            let mut order = vec!["A", "B", "C", "D"];
            let moved = order.remove(from);
            order.insert(to, moved);
            assert_eq!(names(&s), order, "{from} → {to}");
            assert_eq!(by_name(&s), before, "{from} → {to}");
            assert_eq!(active_name(&s), "C", "{from} → {to}");
            assert!(s.is_valid(a));
        }
    }
    let mut s = four();
    assert!(s.move_to(0, 3));
    assert_eq!(names(&s), ["B", "C", "D", "A"]);
    assert_eq!(s.sequence[0], period(3, 1));
    assert!(!s.move_to(0, 4) && !s.move_to(4, 0) && !s.move_to(usize::MAX, usize::MAX));
    assert_eq!(names(&s), ["B", "C", "D", "A"]);
}

#[test]
fn add_and_duplicate() {
    let a = ret();
    let mut s = four();
    let x = named("  X\n ", a.default_scenario());
    assert_eq!(s.add(x), Some(4));
    assert_eq!(names(&s), ["A", "B", "C", "D", "X"]);
    assert_eq!(
        (s.active, s.sequence.clone()),
        (four().active, four().sequence)
    );
    assert!(s.is_valid(a));
    // An empty name gets a free default name.
    assert_eq!(s.add(named("", a.default_scenario())), Some(5));
    assert_eq!(s.scenarios[5].name, "Nu");
    assert_eq!(s.add(named(" ", a.default_scenario())), Some(6));
    assert_eq!(s.scenarios[6].name, "Nu (2)");

    // A copy goes right after its original; later scenarios and their periods shift.
    let mut s = four();
    let before = by_name(&s);
    assert_eq!(s.duplicate(1, "B (kopie)".into()), Some(2));
    assert_eq!(names(&s), ["A", "B", "B (kopie)", "C", "D"]);
    assert_eq!(s.scenarios[2].scenario, s.scenarios[1].scenario);
    assert_eq!(by_name(&s), before);
    assert_eq!(active_name(&s), "C");
    assert!(s.is_valid(a));
    assert_eq!(s.duplicate(4, String::new()), Some(5));
    assert_eq!(s.scenarios[5].name, "D (2)");
    let long = "é".repeat(MAX_NAME_CHARS + 5);
    assert_eq!(s.duplicate(0, long), Some(1));
    assert_eq!(s.scenarios[1].name, "é".repeat(MAX_NAME_CHARS));
    assert!(s.is_valid(a));
    assert_eq!(s.duplicate(7, "x".into()), None);
    assert_eq!(s.duplicate(usize::MAX, "x".into()), None);

    // Full.
    let mut s = four();
    while s.scenarios.len() < MAX_SCENARIOS {
        assert!(s.duplicate(0, "copy".into()).is_some());
    }
    assert!(s.is_valid(a));
    let full = s.clone();
    assert_eq!(s.add(named("Y", a.default_scenario())), None);
    assert_eq!(s.duplicate(0, "Y".into()), None);
    assert_eq!(s, full);
}

#[test]
fn rename_trims_and_refuses_bad_names() {
    let a = ret();
    let mut s = four();
    assert_eq!(s.rename(0, "  Na de verhuizing \t"), Ok(()));
    assert_eq!(s.scenarios[0].name, "Na de verhuizing");
    assert_eq!(s.rename(1, "a\u{7}b"), Ok(()));
    assert_eq!(s.scenarios[1].name, "ab");
    assert_eq!(s.rename(2, "   "), Err(NameError::Empty));
    assert_eq!(s.rename(2, ""), Err(NameError::Empty));
    assert_eq!(
        s.rename(2, &"é".repeat(MAX_NAME_CHARS + 1)),
        Err(NameError::TooLong)
    );
    assert_eq!(s.scenarios[2].name, "C");
    assert_eq!(
        s.rename(2, &format!(" {} ", "é".repeat(MAX_NAME_CHARS))),
        Ok(())
    );
    assert!(s.is_valid(a));
    // A scenario that does not exist: the name is still checked, nothing changes.
    let before = s.clone();
    assert_eq!(s.rename(9, "Z"), Ok(()));
    assert_eq!(s.rename(9, ""), Err(NameError::Empty));
    assert_eq!(s, before);

    for e in [NameError::Empty, NameError::TooLong] {
        let (nl, en) = (e.message(Lang::Nl), e.message(Lang::En));
        println!("{nl}\n{en}");
        assert!(nl.ends_with('.') && en.ends_with('.') && nl != en);
        assert_eq!(e.to_string(), en);
    }
    assert_eq!(
        NameError::TooLong.message(Lang::Nl),
        "Deze naam is te lang. Een naam heeft maximaal 60 tekens."
    );
    assert_eq!(
        NameError::Empty.message(Lang::Nl),
        "Geef de situatie een naam."
    );
}

#[test]
fn unique_name_counts_up() {
    let a = ret();
    let mut s = SharedState::single(a, a.default_scenario(), Lang::Nl);
    assert_eq!(s.unique_name("Later"), "Later");
    assert_eq!(s.unique_name("Nu"), "Nu (2)");
    assert_eq!(s.unique_name("  Nu "), "Nu (2)");
    assert_eq!(s.unique_name(""), "Nu (2)");
    s.add(named("Nu (2)", a.default_scenario()));
    assert_eq!(s.unique_name("Nu"), "Nu (3)");
    assert_eq!(s.unique_name("Nu (2)"), "Nu (3)");
    s.add(named("Nu (4)", a.default_scenario()));
    assert_eq!(s.unique_name("Nu"), "Nu (3)");
    s.add(named("Nu (3)", a.default_scenario()));
    assert_eq!(s.unique_name("Nu (3)"), "Nu (5)");
    // "(2)" alone is a name, not a number.
    s.add(named("(2)", a.default_scenario()));
    assert_eq!(s.unique_name("(2)"), "(2) (2)");

    // Room is made for the number.
    let long = "é".repeat(MAX_NAME_CHARS);
    s.add(named(&long, a.default_scenario()));
    let u = s.unique_name(&long);
    assert_eq!(u, format!("{} (2)", "é".repeat(MAX_NAME_CHARS - 4)));
    assert!(valid_name(&u));
    let longer = "x".repeat(MAX_NAME_CHARS + 10);
    assert_eq!(s.unique_name(&longer), "x".repeat(MAX_NAME_CHARS));
    // Every scenario can get a unique name.
    let mut s = SharedState::single(a, a.default_scenario(), Lang::Nl);
    while s.scenarios.len() < MAX_SCENARIOS {
        let n = s.unique_name(&long);
        assert!(valid_name(&n) && !names(&s).contains(&n.as_str()), "{n}");
        s.add(named(&n, a.default_scenario()));
    }
    assert!(s.is_valid(a));
}

#[test]
fn sequence_helpers_check_their_periods() {
    let a = ret();
    let mut s = four();
    let before = s.clone();
    assert!(!s.add_period(period(4, 1)));
    assert!(!s.add_period(period(0, 0)));
    assert!(!s.add_period(period(0, MAX_PERIOD_MONTHS + 1)));
    assert!(!s.set_period(0, period(4, 1)));
    assert!(!s.set_period(0, period(0, 0)));
    assert!(!s.set_period(5, period(0, 1)));
    assert!(!s.remove_period(5) && !s.remove_period(usize::MAX));
    assert!(!s.move_period(0, 5) && !s.move_period(5, 0));
    assert_eq!(s, before);

    assert!(s.add_period(period(3, MAX_PERIOD_MONTHS)));
    assert_eq!(s.sequence.len(), 6);
    assert!(s.set_period(0, period(2, 9)));
    assert_eq!(s.sequence[0], period(2, 9));
    assert!(s.move_period(0, 5));
    assert_eq!(s.sequence[5], period(2, 9));
    assert_eq!(s.sequence[0], period(1, 2));
    assert!(s.move_period(5, 5));
    assert!(s.remove_period(0));
    assert_eq!(s.sequence[0], period(2, 3));
    assert!(s.is_valid(a));
    while s.sequence.len() < MAX_PERIODS {
        assert!(s.add_period(period(0, 1)));
    }
    assert!(!s.add_period(period(0, 1)));
    assert_eq!(s.sequence.len(), MAX_PERIODS);
    assert!(s.is_valid(a));
    while s.remove_period(0) {}
    assert!(s.sequence.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any list operation with any indexes on a valid state: no panic, the state stays valid,
    /// and each period and `active` keep pointing at the same scenario (unless it was removed).
    #[test]
    fn list_operations_keep_the_state_valid(
        state in valid_state(),
        ops in prop::collection::vec((0u8..9, 0usize..14, 0usize..14, 0u32..=130), 1..20),
    ) {
        let a = ret();
        let mut s = state;
        for (op, i, j, m) in ops {
            // Tag each scenario so it can be followed.
            for (k, ns) in s.scenarios.iter_mut().enumerate() {
                ns.scenario.inputs[0] = k as f64;
            }
            let tag = |s: &SharedState, k: usize| s.scenarios[k].scenario.inputs[0];
            let periods: Vec<(f64, u32)> =
                s.sequence.iter().map(|p| (tag(&s, p.scenario), p.months)).collect();
            let active = tag(&s, s.active);
            let n = s.scenarios.len();
            let changed = match op {
                0 => s.add(named("x", a.default_scenario())).is_some(),
                1 => s.duplicate(i, "kopie".into()).is_some(),
                2 => s.remove(i),
                3 => s.move_to(i, j),
                4 => s.rename(i, "nieuw").is_ok(),
                5 => s.add_period(period(i, m)),
                6 => s.remove_period(i),
                7 => s.move_period(i, j),
                _ => s.set_period(i, period(j, m)),
            };
            prop_assert!(s.is_valid(a), "op {} {} {} {}: {:?}", op, i, j, m, s);
            if op <= 3 {
                let expected: Vec<(f64, u32)> = if op == 2 && changed {
                    periods.into_iter().filter(|&(t, _)| t != i as f64).collect()
                } else {
                    periods
                };
                let now: Vec<(f64, u32)> =
                    s.sequence.iter().map(|p| (tag(&s, p.scenario), p.months)).collect();
                prop_assert_eq!(now, expected);
                if !(op == 2 && changed && active == i as f64) {
                    prop_assert_eq!(tag(&s, s.active), active);
                }
            }
            if !changed {
                prop_assert_eq!(s.scenarios.len(), n);
            }
        }
    }
}

// ---------------------------------------------------------------- link length

/// Links must stay well under the 2,000 characters that every browser, chat app and mail
/// program takes.
#[test]
fn four_scenarios_with_a_sequence_fit_in_a_link() {
    let a = ret();
    let realistic = SharedState {
        advisor: "ret".into(),
        version: "2024.1".into(),
        lang: Lang::Nl,
        scenarios: vec![
            named(
                "Nu",
                scenario(&[10.0, 12.0, 5.0, 3.0, 1.0, 1.0], &[6.5, 2.0, 1.25]),
            ),
            named(
                "Na de verhuizing",
                scenario(&[6.0, 23.0, 3.0, 3.0, 0.0, 1.0], &[7.0, 3.5, 1.0]),
            ),
            named(
                "Thuiswerken 3 dagen",
                scenario(&[4.0, 23.0, 2.0, 3.0, 0.0, 1.0], &[8.0, 1.0, 0.5]),
            ),
            named(
                "Met pensioen (65+)",
                scenario(&[14.0, 5.0, 7.0, 4.0, 1.0, 1.0], &[4.0, 6.0, 3.25]),
            ),
        ],
        active: 1,
        sequence: vec![period(0, 6), period(1, 18), period(2, 36), period(3, 60)],
    };
    assert!(realistic.is_valid(a));
    let text = encode(a, &realistic);
    println!(
        "4 realistic scenarios, 4 periods: {} characters\n{text}",
        text.len()
    );
    assert!(text.len() < 2000, "{} characters", text.len());
    assert_eq!(decode(a, &text).unwrap().state, realistic);

    // Worst case with 2-byte characters: 4 names of 60 × 'é' (6 characters escaped each),
    // the longest answers and weights, 12 periods of 120 months.
    let mut worst = realistic.clone();
    for ns in &mut worst.scenarios {
        ns.name = "é".repeat(MAX_NAME_CHARS);
        ns.scenario = scenario(&[40.0, 50.0, 7.0, 2.0, 0.0, 0.0], &[9.99, 0.01, 7.25]);
    }
    worst.sequence = vec![period(3, MAX_PERIOD_MONTHS); MAX_PERIODS];
    assert!(worst.is_valid(a));
    let text = encode(a, &worst);
    println!(
        "worst case, 4 names of {MAX_NAME_CHARS} × 'é', 12 periods: {} characters",
        text.len()
    );
    assert_eq!(decode(a, &text).unwrap().state, worst);
    // With 4-byte characters (12 characters escaped each) it is longer still.
    for ns in &mut worst.scenarios {
        ns.name = "😀".repeat(MAX_NAME_CHARS);
    }
    let text = encode(a, &worst);
    println!(
        "worst case, 4 names of {MAX_NAME_CHARS} × '😀', 12 periods: {} characters",
        text.len()
    );
    assert_eq!(decode(a, &text).unwrap().state, worst);
    // All 12 scenarios at their longest still fit what decode reads.
    worst.scenarios = vec![worst.scenarios[0].clone(); MAX_SCENARIOS];
    let text = encode(a, &worst);
    println!(
        "12 names of {MAX_NAME_CHARS} × '😀', 12 periods: {} characters",
        text.len()
    );
    assert!(text.len() <= MAX_TEXT_BYTES);
    assert_eq!(decode(a, &text).unwrap().state, worst);
}

// ---------------------------------------------------------------- answers alone (prefill)

/// RET's questions in order: trips_per_week, distance_km, travel_days_per_week, age_group,
/// lives_in_rotterdam, travels_with_adult. Choices of age_group: 0-3, 4-11, 12-18, 19-64, 65+.
fn defaults_with(a: &Advisor, changes: &[(usize, f64)]) -> Scenario {
    let mut sc = a.default_scenario();
    for &(i, v) in changes {
        sc.inputs[i] = v;
    }
    sc
}

#[test]
fn answers_alone_with_full_ids() {
    let a = ret();
    let (sc, problems) = decode_answers(a, "trips_per_week=8,age_group=65+,lives_in_rotterdam=1");
    assert_eq!(problems, vec![]);
    assert_eq!(sc, defaults_with(a, &[(0, 8.0), (3, 4.0), (4, 1.0)]));
    // Every question, other values; the weights stay the defaults.
    let (sc, problems) = decode_answers(
        a,
        "trips_per_week=12,distance_km=30,travel_days_per_week=5,age_group=4-11,\
         lives_in_rotterdam=0,travels_with_adult=0",
    );
    assert_eq!(problems, vec![]);
    assert_eq!(sc.inputs, vec![12.0, 30.0, 5.0, 1.0, 0.0, 0.0]);
    assert_eq!(sc.weights, a.default_scenario().weights);
}

#[test]
fn answers_alone_with_short_keys_as_in_a_link() {
    let a = ret();
    let (sc, problems) = decode_answers(
        a,
        "trips=20,distance=3,travel=2,age=12-18,lives=0,travels=1",
    );
    assert_eq!(problems, vec![]);
    assert_eq!(sc.inputs, vec![20.0, 3.0, 2.0, 2.0, 0.0, 1.0]);
    // Exactly the answers part of a link reads back to the same answers.
    let state = SharedState::single(a, sc.clone(), Lang::Nl);
    let link = encode(a, &state);
    let answers_part = link.rsplit(';').next().unwrap().split('~').nth(1).unwrap();
    assert_eq!(
        answers_part,
        "trips=20,distance=3,travel=2,age=12-18,lives=0,travels=1"
    );
    assert_eq!(decode_answers(a, answers_part), (sc, vec![]));
    // Other spellings of yes/no, percent escapes, white space, an empty entry.
    let (sc, problems) = decode_answers(a, " lives = nee ,, age=65%2B , travels=yes ");
    assert_eq!(problems, vec![]);
    assert_eq!(sc, defaults_with(a, &[(3, 4.0), (4, 0.0), (5, 1.0)]));
}

#[test]
fn answers_alone_out_of_range_or_off_step_are_repaired() {
    let a = ret();
    let (sc, problems) = decode_answers(a, "trips=99,distance=7.5,travel=0");
    assert_eq!(
        problems,
        vec![
            Problem::OutOfRange {
                scenario: None,
                input: "trips_per_week".into(),
                value: 99.0,
                clamped: 40.0
            },
            Problem::OffStep {
                scenario: None,
                input: "distance_km".into(),
                value: 7.5,
                snapped: 8.0
            },
            Problem::OutOfRange {
                scenario: None,
                input: "travel_days_per_week".into(),
                value: 0.0,
                clamped: 1.0
            },
        ]
    );
    assert_eq!(sc, defaults_with(a, &[(0, 40.0), (1, 8.0), (2, 1.0)]));
}

#[test]
fn answers_alone_unknown_keys_and_bad_values_are_named() {
    let a = ret();
    let (sc, problems) = decode_answers(
        a,
        "student_card=1,trips=abc,age=70+,lives=perhaps,travel,trips=9,t=3,distance=12",
    );
    assert_eq!(
        problems,
        vec![
            Problem::UnknownInput {
                scenario: None,
                id: "student_card".into()
            },
            Problem::BadAnswer {
                scenario: None,
                input: "trips_per_week".into(),
                text: "abc".into()
            },
            Problem::NotAChoice {
                scenario: None,
                input: "age_group".into(),
                text: "70+".into()
            },
            Problem::BadAnswer {
                scenario: None,
                input: "lives_in_rotterdam".into(),
                text: "perhaps".into()
            },
            // No `=`.
            Problem::Unreadable {
                scenario: None,
                text: "travel".into()
            },
            // Given twice: the first one counts.
            Problem::Unreadable {
                scenario: None,
                text: "trips=9".into()
            },
            // No question is called `t` or starts with `t_`.
            Problem::UnknownInput {
                scenario: None,
                id: "t".into()
            },
        ]
    );
    // What could not be used keeps its default; what could is used.
    assert_eq!(sc, defaults_with(a, &[(1, 12.0)]));
    assert_eq!(
        problems[0].message(a, Lang::En),
        "The link had an answer to a question that no longer exists (student_card). We did not \
         use it."
    );
}

#[test]
fn answers_alone_empty_or_too_long() {
    let a = ret();
    for text in ["", "   ", ",", " , ,"] {
        assert_eq!(
            decode_answers(a, text),
            (a.default_scenario(), vec![]),
            "{text:?}"
        );
    }
    let long = "trips=8,".repeat(MAX_TEXT_BYTES / 8 + 1);
    let (sc, problems) = decode_answers(a, &long);
    assert_eq!(sc, a.default_scenario());
    assert!(matches!(
        problems.as_slice(),
        [Problem::Unreadable { scenario: None, .. }]
    ));
    // Many problems: at most MAX_PROBLEMS listed, then the count of the rest.
    let many: Vec<String> = (0..MAX_PROBLEMS + 5).map(|k| format!("x{k}=1")).collect();
    let (_, problems) = decode_answers(a, &many.join(","));
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    assert_eq!(problems[MAX_PROBLEMS], Problem::MoreProblems { count: 5 });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The answers of any valid scenario, as a link writes them, read back exactly; any text
    /// gives answers every question accepts, and never a panic.
    #[test]
    fn answers_alone_round_trip_and_never_panic(inputs in answers(ret()), junk in "[\\PC]{0,80}|((trips|distance|travel|age|lives|travels|x)=[-0-9a-z.+%]{0,6},?){0,8}") {
        let a = ret();
        let sc = Scenario { inputs, weights: a.default_scenario().weights };
        let link = encode(a, &SharedState::single(a, sc.clone(), Lang::Nl));
        let answers_part = link.rsplit(';').next().unwrap().split('~').nth(1).unwrap().to_string();
        prop_assert_eq!(decode_answers(a, &answers_part), (sc, vec![]));
        let (repaired, problems) = decode_answers(a, &junk);
        prop_assert!(problems.len() <= MAX_PROBLEMS + 1);
        let state = SharedState::single(a, repaired, Lang::Nl);
        prop_assert!(state.is_valid(a), "{:?}", junk);
    }
}

/// The advisor a link belongs to, read without the advisor (the site opens that advisor).
#[test]
fn the_advisor_id_of_a_link() {
    use advies_engine::state::advisor_id;
    assert_eq!(advisor_id(V2_DOC_EXAMPLE).as_deref(), Some("ret"));
    assert_eq!(
        advisor_id(&format!("#{V1_DOC_EXAMPLE}")).as_deref(),
        Some("ret")
    );
    assert_eq!(advisor_id(" #V2;ns;1 ").as_deref(), Some("ns"));
    // An id escaped by hand is read as `decode` reads it (found by fuzzing the links).
    assert_eq!(advisor_id("v2;r%65t;1").as_deref(), Some("ret"));
    let escaped = encode(
        ret(),
        &SharedState::single(ret(), ret().default_scenario(), Lang::Nl),
    )
    .replacen(";ret;", ";r%65t;", 1);
    assert!(decode(ret(), &escaped).is_ok());
    assert_eq!(advisor_id(&escaped).as_deref(), Some("ret"));
    assert_eq!(
        advisor_id("v2%3Beigen-risico%3B2021.1").as_deref(),
        Some("eigen-risico")
    );
    for not_a_link in ["", "#", "#share", "v;ret", "vx;ret", "v2", "v2;", "v2; ;x"] {
        assert_eq!(advisor_id(not_a_link), None, "{not_a_link}");
    }
    assert_eq!(
        advisor_id(&format!("v2;ret;{}", "x".repeat(MAX_TEXT_BYTES))),
        None,
        "too long"
    );
    // The same text decodes for that advisor.
    assert!(decode(ret(), V2_DOC_EXAMPLE).is_ok());
}
