//! Formulas that can fail for an answer (`src/domain.rs`, `src/expr/ranges.rs`): `check`
//! refuses a division by zero or a result too large that a valid answer reaches, and accepts
//! the usual guards. Every accepted formula is then evaluated at every answer on a fine grid
//! (the check must be sound: no accepted definition fails), and every refused one fails at
//! the answer its message names.

use std::fs;
use std::path::Path;

use advies_engine::{Advisor, Scenario};

fn base() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken/_valid.toml");
    fs::read_to_string(path).unwrap()
}

/// The base with `line` added under `[derived]`, and `option` (values of `pass`) if given.
fn with(line: &str, pass_values: Option<&str>) -> String {
    let mut text = base().replace("[derived]\n", &format!("[derived]\n{line}\n"));
    if let Some(values) = pass_values {
        text = text.replace(
            "values = { cost = \"pass_price\", flexibility = 2 }",
            &format!("values = {values}"),
        );
    }
    text
}

/// Every answer: trips 0 to 20 in steps of 0.25 (between the integer steps too: the engine
/// accepts any value in range), both age groups, student or not.
fn every_answer(a: &Advisor) -> Vec<Scenario> {
    let base = a.default_scenario();
    let mut out = Vec::new();
    for q in 0..=80 {
        for age in [0.0, 1.0] {
            for student in [0.0, 1.0] {
                let mut sc = base.clone();
                sc.inputs = vec![f64::from(q) / 4.0, age, student];
                out.push(sc);
            }
        }
    }
    out
}

#[test]
fn guarded_divisions_are_accepted_and_never_fail() {
    let guarded = [
        "x = \"if trips > 0 then fare / trips else 0\"",
        "x = \"if trips != 0 then fare / trips else 0\"",
        "x = \"if trips == 0 then 0 else fare / trips\"",
        "x = \"if not (trips <= 0) then fare / trips else 0\"",
        "x = \"if 0 < trips then fare / trips else 0\"",
        "x = \"if trips >= 1 and student then fare / trips else 0\"",
        "x = \"if trips < 1 or student then 0 else fare / trips\"",
        "x = \"if trips > 3 then fare / (trips - 2) else 0\"",
        "x = \"if trips < 5 then fare / (trips - 7) else fare / (trips - 3)\"",
        "x = \"fare / max(trips, 1)\"",
        "x = \"fare / (trips + 1)\"",
        "x = \"fare / (trips * trips + 1)\"",
        "x = \"trips > 0 and fare / trips > 1\"",
        "x = \"trips == 0 or fare / trips > 1\"",
        "x = \"if trips > 0 then pass_price / trips_per_month else 0\"",
        "x = \"if trips - 2.5 != 0 then fare / (trips - 2.5) else 0\"",
        "x = \"if trips != pass_price / 4 then fare / (trips - pass_price / 4) else 0\"",
        "x = \"if trips > pass_price / 4 then fare / (trips - pass_price / 4) else 0\"",
        "x = \"if age_group == 'child' then 1 else fare / (if age_group == 'adult' then 2 else 0)\"",
        "x = \"if trips in [1, 2, 3] then fare / trips else 0\"",
        "some = \"trips > 0\"\nx = \"if some then fare / trips else 0\"",
        "x = \"round(fare / clamp(trips, 2, 10), 2)\"",
        "x = \"fare / abs(trips - 30)\"",
        "x = \"fare / (if trips > 0 then trips else 1)\"",
        "x = \"fare / abs(2 - (trips_per_month - trips_per_month))\"",
    ];
    // The guard in eligible_if: values are only evaluated where the option is possible.
    let eligible = with(
        "x = \"1\"",
        Some("{ cost = \"pass_price / trips\", flexibility = 2 }"),
    )
    .replace(
        "eligible_if = \"not student\"",
        "eligible_if = \"not student and trips > 0\"",
    );
    let mut texts: Vec<String> = guarded.iter().map(|l| with(l, None)).collect();
    texts.push(eligible);
    texts.push(with(
        "x = \"1\"",
        Some(
            "{ cost = \"if trips > 0 then pass_price / trips_per_month else 0\", flexibility = 2 }",
        ),
    ));
    for text in &texts {
        let a = Advisor::parse(text, "g.toml").unwrap_or_else(|d| panic!("refused:\n{d}"));
        for sc in every_answer(&a) {
            a.evaluate(&sc)
                .unwrap_or_else(|f| panic!("accepted, but fails at {:?}: {f}", sc.inputs));
        }
    }
}

#[test]
fn divisions_that_can_be_zero_are_refused_where_they_fail() {
    // (formula, the message, the answer at which it fails: trips, age group, student)
    let cases: [(&str, &str, [f64; 3]); 7] = [
        (
            "x = \"fare * trips / trips\"",
            "derived.x: can divide by zero when `trips` is 0 (it ranges from 0 to 20)",
            [0.0, 1.0, 0.0],
        ),
        (
            "x = \"fare / (trips - 2)\"",
            "derived.x: can divide by zero when `trips` is 2 (it ranges from 0 to 20)",
            [2.0, 1.0, 0.0],
        ),
        (
            "x = \"fare / trips_per_month\"",
            "derived.x: can divide by zero when `trips` is 0 (it ranges from 0 to 20)",
            [0.0, 1.0, 0.0],
        ),
        (
            "x = \"if trips > 0 then fare / trips else fare / trips\"",
            "derived.x: can divide by zero when `trips` is 0",
            [0.0, 1.0, 0.0],
        ),
        (
            "x = \"if student then fare / (trips - 3) else 0\"",
            "derived.x: can divide by zero when `trips` is 3 and `student` is yes (`trips` ranges from 0 to 20)",
            [3.0, 1.0, 1.0],
        ),
        (
            "x = \"fare / (if age_group == 'child' then 0 else 1)\"",
            "derived.x: can divide by zero when `age_group` is 'child'",
            [5.0, 0.0, 0.0],
        ),
        (
            "x = \"if trips >= 0 then fare / (trips - 2.5) else 0\"",
            "derived.x: can divide by zero: `(trips - 2.5)` can be 0 within the ranges of the answers (`trips` ranges from 0 to 20)",
            [2.5, 1.0, 0.0],
        ),
    ];
    for (line, message, at) in cases {
        let text = with(line, None);
        let d = Advisor::parse(&text, "d.toml").expect_err(line);
        assert_eq!(d.0.len(), 1, "{d}");
        assert!(d.0[0].to_string().contains(message), "{line}:\n{d}");
        // Without the check it would fail there: the formula alone, evaluated at that answer.
        let a = Advisor::parse(&base(), "b.toml").unwrap();
        let scope_check = advies_engine::expr::compile_str(
            &line["x = \"".len()..line.len() - 1].replace("trips_per_month", "(trips * 52 / 12)"),
            &Names(&a),
            None,
        )
        .unwrap_or_else(|e| panic!("{line}: {e}"));
        let mut slots = a.evaluate(&a.default_scenario()).unwrap().slots;
        slots[..3].copy_from_slice(&at);
        assert!(
            scope_check.eval(&slots).is_err(),
            "{line} does not fail at {at:?}"
        );
    }
    // A divisor that is a parameter of 0, or that parameters make 0: always.
    let d = Advisor::parse(&with("x = \"fare / (pass_price - 40)\"", None), "p.toml").unwrap_err();
    assert!(
        d.to_string().contains(
            "derived.x: always divides by zero: `(pass_price - 40)` is 0 (with `pass_price` = 40)"
        ),
        "{d}"
    );
    // In an option's value, without a guard in its eligible_if.
    let d = Advisor::parse(
        &with(
            "x = \"1\"",
            Some("{ cost = \"pass_price / trips\", flexibility = 2 }"),
        ),
        "o.toml",
    )
    .unwrap_err();
    assert!(
        d.to_string()
            .contains("options.pass.values.cost: can divide by zero when `trips` is 0"),
        "{d}"
    );
}

#[test]
fn results_too_large_are_refused() {
    let text = base().replace(
        "[parameters.fare]",
        "[inputs.km]\nkind = \"number\"\nlabel = { nl = \"Afstand\", en = \"Distance\" }\nmin = 0\nmax = 1e200\nstep = 1e195\ndefault = 0\n\n[parameters.fare]",
    );
    let square = text.replace("[derived]\n", "[derived]\nsquare = \"km * km\"\n");
    let d = Advisor::parse(&square, "t.toml").unwrap_err();
    assert!(
        d.to_string().contains("derived.square: can be too large to compute when `km` is 1e200 (it ranges from 0 to 1e200)"),
        "{d}"
    );
    // round(x, 2) works with hundredths: 1.7e308 has none.
    let cents = text
        .replace("max = 1e200\nstep = 1e195", "max = 1.7e308\nstep = 1e304")
        .replace("[derived]\n", "[derived]\ncents = \"round(km, 2)\"\n");
    let d = Advisor::parse(&cents, "t.toml").unwrap_err();
    assert!(
        d.to_string()
            .contains("derived.cents: can be too large to compute when `km` is 1.7e308"),
        "{d}"
    );
    // km alone, and km / 1e100, are fine.
    let fine = text.replace(
        "[derived]\n",
        "[derived]\nsmall = \"km / (1 + km) + km * 1000\"\n",
    );
    Advisor::parse(&fine, "t.toml").unwrap_or_else(|d| panic!("{d}"));
}

/// The names of an advisor for compiling one formula alone.
struct Names<'a>(&'a Advisor);

impl advies_engine::expr::Scope for Names<'_> {
    fn lookup(&self, name: &str) -> Option<advies_engine::expr::Symbol> {
        use advies_engine::expr::{Symbol, Type};
        let a = self.0;
        let slot = a.slot_of(name)? as u32;
        let ty = match a.input_index(name) {
            Some(0) => Type::Number,
            Some(1) => Type::Choice(1),
            Some(_) => Type::Bool,
            None => Type::Number,
        };
        Some(Symbol { slot, ty })
    }
    fn names(&self) -> Vec<String> {
        Vec::new()
    }
    fn choice_index(&self, input: u32, literal: &str) -> Option<u32> {
        let choices = &self.0.inputs[input as usize].choices;
        choices.iter().position(|c| c == literal).map(|i| i as u32)
    }
    fn choices(&self, input: u32) -> Vec<String> {
        self.0.inputs[input as usize].choices.clone()
    }
    fn choice_input_name(&self, input: u32) -> String {
        self.0.inputs[input as usize].id.clone()
    }
}

mod random {
    //! Random formulas: whatever `check` accepts never fails at any answer on the grid, and
    //! whatever it refuses for dividing by zero does fail somewhere in the ranges (or between
    //! the steps, which the grid of 0.25 does not always reach: then only the first holds).
    use super::*;
    use proptest::prelude::*;

    fn number() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("trips".to_string()),
            Just("fare".to_string()),
            Just("pass_price".to_string()),
            Just("trips_per_month".to_string()),
            (0..6u8).prop_map(|n| ["0", "1", "2", "2.5", "3", "40"][n as usize].to_string()),
        ];
        leaf.prop_recursive(4, 24, 3, |inner| {
            prop_oneof![
                (inner.clone(), inner.clone(), 0..4u8).prop_map(|(a, b, op)| {
                    format!("({a} {} {b})", ["+", "-", "*", "/"][op as usize])
                }),
                (condition(inner.clone()), inner.clone(), inner.clone())
                    .prop_map(|(c, a, b)| format!("(if {c} then {a} else {b})")),
                (inner.clone(), inner.clone(), 0..3u8).prop_map(|(a, b, f)| match f {
                    0 => format!("max({a}, {b})"),
                    1 => format!("min({a}, {b})"),
                    _ => format!("abs({a} - {b})"),
                }),
            ]
        })
    }

    fn condition(n: impl Strategy<Value = String> + Clone) -> impl Strategy<Value = String> {
        let cmp = (n.clone(), n, 0..6u8).prop_map(|(a, b, op)| {
            format!(
                "{a} {} {b}",
                ["<", "<=", ">", ">=", "==", "!="][op as usize]
            )
        });
        prop_oneof![
            cmp.clone(),
            Just("student".to_string()),
            Just("age_group == 'child'".to_string()),
            (cmp.clone(), cmp.clone()).prop_map(|(a, b)| format!("({a} and {b})")),
            (cmp.clone(), cmp.clone()).prop_map(|(a, b)| format!("({a} or {b})")),
            cmp.prop_map(|a| format!("not ({a})")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]
        #[test]
        fn what_check_accepts_never_fails(formula in number()) {
            let text = with(&format!("x = \"{formula}\""), None);
            if let Ok(a) = Advisor::parse(&text, "r.toml") {
                for sc in every_answer(&a) {
                    prop_assert!(
                        a.evaluate(&sc).is_ok(),
                        "`{}` accepted, but fails at {:?}",
                        formula,
                        sc.inputs
                    );
                }
            }
        }
    }
}

/// `Advisor::parse_built_in` (for definitions `check` passed at build time) skips only the
/// search for formulas that can fail: a built-in advisor reads the same as with `parse`, and a
/// definition refused for a division by zero reads, every other error still refused.
#[test]
fn built_in_reading_skips_only_the_formula_search() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for id in ["ret", "eigen-risico", "ns"] {
        let file = format!("advisors/{id}/definition.toml");
        let text = fs::read_to_string(root.join(&file)).unwrap();
        let full = Advisor::parse(&text, &file).unwrap();
        let built = Advisor::parse_built_in(&text, &file).unwrap();
        assert_eq!(
            serde_json::to_string(&full.def).unwrap(),
            serde_json::to_string(&built.def).unwrap(),
            "{id}"
        );
        let sc = full.default_scenario();
        assert_eq!(sc, built.default_scenario(), "{id}");
        let (a, b) = (full.evaluate(&sc).unwrap(), built.evaluate(&sc).unwrap());
        assert_eq!(a.ranking, b.ranking, "{id}");
        assert_eq!(full.warnings, built.warnings, "{id}");
    }
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let divide = fs::read_to_string(broken.join("divide_by_zero.toml")).unwrap();
    assert!(Advisor::parse(&divide, "d.toml").is_err());
    assert!(Advisor::parse_built_in(&divide, "d.toml").is_ok());
    let other = fs::read_to_string(broken.join("max_nan.toml")).unwrap();
    assert!(Advisor::parse_built_in(&other, "m.toml").is_err());
}
