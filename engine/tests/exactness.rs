//! Tipping points on fine grids are exact: compared with brute force over every step value
//! (closed form where the scores are piecewise linear; each point exact to the step where
//! they are not), and an evaluation that fails is never a tipping point.

use advies_engine::Advisor;
use advies_engine::analysis::{Analyzer, Method, TippingPoint};
use advies_engine::eval::Scenario;
use proptest::prelude::*;

const NS: &str = include_str!("../../advisors/ns/definition.toml");

const HEAD: &str = r#"id = "gen"
version = "1"
valid_from = "2024-01-01"
owner = "test"
title = { nl = "t", en = "t" }
"#;

/// One numeric input `x` (0..max by step), a cost with a fixed range and a relative
/// flexibility factor, and the options as (cost formula, flexibility, eligible_if).
fn advisor(
    max: f64,
    step: f64,
    options: &[(String, u32, Option<String>)],
    w: (u32, u32),
) -> Advisor {
    scaled_advisor("{ worst = 1000, best = 0 }", max, step, options, w)
}

/// [`advisor`] with another scaling of the cost.
fn scaled_advisor(
    scaling: &str,
    max: f64,
    step: f64,
    options: &[(String, u32, Option<String>)],
    w: (u32, u32),
) -> Advisor {
    let mut s = format!(
        "{HEAD}[inputs.x]\nkind = \"number\"\nmin = 0\nmax = {max}\nstep = {step}\ndefault = 0\n\
         label = {{ nl = \"x\", en = \"x\" }}\n\
         [derived]\nhalf = \"x / 2\"\n\
         [factors.cost]\nlabel = {{ nl = \"c\", en = \"c\" }}\ndirection = \"lower_is_better\"\n\
         weight = {}\nscaling = {scaling}\n\
         [factors.flex]\nlabel = {{ nl = \"f\", en = \"f\" }}\ndirection = \"higher_is_better\"\n\
         weight = {}\nscaling = \"relative\"\n",
        w.0, w.1
    );
    for (n, (cost, flex, elig)) in options.iter().enumerate() {
        s += &format!("[options.o{n}]\nlabel = {{ nl = \"o{n}\", en = \"o{n}\" }}\n");
        if let Some(e) = elig {
            s += &format!("eligible_if = \"{e}\"\nnot_eligible = {{ nl = \"n\", en = \"n\" }}\n");
        }
        s += &format!("values = {{ cost = \"{cost}\", flex = {flex} }}\n");
    }
    Advisor::parse(&s, "gen.toml").unwrap_or_else(|e| panic!("{e}\n{s}"))
}

/// Every change of the best option over the step grid, by full evaluation at every step
/// value; a value that fails to evaluate keeps the advice before it.
fn brute_force(a: &Advisor, sc: &Scenario, i: usize) -> Vec<TippingPoint> {
    let inp = &a.inputs[i];
    let steps = ((inp.max - inp.min) / inp.step).round() as usize;
    let mut out = Vec::new();
    let mut prev: Option<Option<usize>> = None;
    let mut s = sc.clone();
    for k in 0..=steps {
        let v = (((inp.min + k as f64 * inp.step) * 1e9).round() / 1e9).min(inp.max);
        s.inputs[i] = v;
        let Ok(ev) = a.evaluate(&s) else { continue };
        let cur = ev.best();
        if let Some(p) = prev
            && p != cur
        {
            out.push(TippingPoint {
                input: i,
                at: v,
                from: p,
                to: cur,
            });
        }
        prev = Some(cur);
    }
    out
}

/// A piecewise-linear cost formula from a few numbers.
fn pl_formula(kind: u8, a: i32, b: i32, c: i32) -> String {
    match kind % 5 {
        0 => format!("max(0, {a} + {b} * x)"),
        1 => format!("if x > {c} then {a} + {b} * half else {}", a + 40),
        2 => format!("clamp({a} + {b} * x, 20, 600)"),
        3 => format!("abs({a} - {b} * x) + {c}"),
        _ => format!("min({a} + {b} * x, {} - x)", a + 300),
    }
}

fn option_strategy() -> impl Strategy<Value = (String, u32, Option<String>)> {
    (
        0u8..5,
        0i32..400,
        -20i32..20,
        0i32..50,
        0u32..=5,
        0u8..6,
        0i32..50,
    )
        .prop_map(|(kind, a, b, c, flex, e, at)| {
            let elig = match e {
                0 => Some(format!("x >= {at}")),
                1 => Some(format!("x < {at} or x > {}", at + 3)),
                // A window of 1 to 10 steps, narrower than the distance between two samples.
                2 => {
                    let start = f64::from(at) + f64::from(a % 9 + 1) / 100.0;
                    let end = start + f64::from(c % 10) / 100.0;
                    Some(format!("x >= {start:.2} and x <= {end:.2}"))
                }
                _ => None,
            };
            // The option in a narrow window is cheap, so that it is often best there.
            let cost = if e == 2 {
                c.to_string()
            } else {
                pl_formula(kind, a, b, c)
            };
            (cost, flex, elig)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Piecewise-linear scores on a grid of 5,001 values: the closed form gives exactly the
    /// changes that brute force over every step finds.
    #[test]
    fn closed_form_equals_brute_force(
        options in prop::collection::vec(option_strategy(), 2..6),
        wc in 1u32..10, wf in 0u32..10,
    ) {
        let a = advisor(50.0, 0.01, &options, (wc, wf));
        let sc = a.default_scenario();
        let mut an = Analyzer::new(&a);
        let got = an.tipping_points(&sc, 0);
        let want = brute_force(&a, &sc, 0);
        // The flexibility values are constants: relative scaling stays linear.
        prop_assert_eq!(an.method(&sc, 0), Method::ClosedForm);
        prop_assert_eq!(got, want);
    }

    /// Relative scaling of costs that all rise by the same slope: the range stays the same,
    /// so the closed form applies, and gives what brute force gives. With different slopes
    /// the range moves: sampled, and every point found is a real change.
    #[test]
    fn relative_scaling_in_closed_form(
        options in prop::collection::vec((0i32..400, 0u32..=5, 0u8..4, 0i32..50), 2..6),
        slope in -10i32..10, wc in 1u32..10, wf in 0u32..10, same in any::<bool>(),
    ) {
        let opts: Vec<_> = options
            .iter()
            .enumerate()
            .map(|(n, (a, flex, e, at))| {
                let b = if same { slope } else { slope + n as i32 };
                let elig = (*e == 0).then(|| format!("x >= {at}"));
                (format!("{a} + {b} * x"), *flex, elig)
            })
            .collect();
        let a = scaled_advisor("\"relative\"", 50.0, 0.01, &opts, (wc, wf));
        let sc = a.default_scenario();
        let mut an = Analyzer::new(&a);
        let got = an.tipping_points(&sc, 0);
        let want = brute_force(&a, &sc, 0);
        if same {
            prop_assert_eq!(an.method(&sc, 0), Method::ClosedForm);
            prop_assert_eq!(got, want);
        } else {
            for tp in &got {
                prop_assert!(want.contains(tp), "{:?} not in {:?}", tp, want);
            }
        }
    }

    /// Scores that are not piecewise linear (x squared): sampled, and every tipping point
    /// found is exactly a change that brute force finds too.
    #[test]
    fn sampled_points_are_exact_steps(
        options in prop::collection::vec((0i32..400, -20i32..20, 1u32..4), 2..5),
        wc in 1u32..10,
    ) {
        let opts: Vec<_> = options
            .iter()
            .map(|(a, b, q)| (format!("max(0, {a} + {b} * x + x * x / {q})"), 1, None))
            .collect();
        let a = advisor(50.0, 0.01, &opts, (wc, 0));
        let sc = a.default_scenario();
        let mut an = Analyzer::new(&a);
        prop_assert_eq!(an.method(&sc, 0), Method::Sampled);
        let want = brute_force(&a, &sc, 0);
        for tp in an.tipping_points(&sc, 0) {
            prop_assert!(want.contains(&tp), "{:?} not in {:?}", tp, want);
        }
    }
}

/// An option that is best only from 10.02 to 10.05 (four steps of 0.01), narrower than the
/// distance between two samples (50 / 400 = 0.125): sampling alone missed it.
#[test]
fn a_narrow_stretch_is_found() {
    let options = [
        ("100 + x".to_string(), 0, None),
        (
            "50".to_string(),
            0,
            Some("x >= 10.02 and x <= 10.05".to_string()),
        ),
    ];
    let a = advisor(50.0, 0.01, &options, (1, 0));
    let sc = a.default_scenario();
    let mut an = Analyzer::new(&a);
    assert_eq!(an.method(&sc, 0), Method::ClosedForm);
    let got: Vec<_> = an
        .tipping_points(&sc, 0)
        .iter()
        .map(|t| (t.at, t.from, t.to))
        .collect();
    assert_eq!(
        got,
        vec![(10.02, Some(0), Some(1)), (10.06, Some(1), Some(0))]
    );
    assert_eq!(an.tipping_points(&sc, 0), brute_force(&a, &sc, 0));
}

/// A step of 0.01 on a range of 5,000 (500,001 values): `at` is the first step where the
/// advice changes, in closed form and when sampled and bisected.
#[test]
fn a_fine_step_on_a_wide_range_is_exact() {
    let options = [
        ("10 + x / 100".to_string(), 0, None),
        ("59.90005".to_string(), 0, None),
    ];
    let a = advisor(5_000.0, 0.01, &options, (1, 0));
    let sc = a.default_scenario();
    // 10 + x/100 > 59.90005  <=>  x > 4,990.005: the first step beyond is 4,990.01 (there the
    // cost is 5e-5 above, a score 5e-8 lower: more than a tie of 1e-9).
    let tps = Analyzer::new(&a).tipping_points(&sc, 0);
    assert_eq!(tps.len(), 1, "{tps:?}");
    assert_eq!(
        (tps[0].at, tps[0].from, tps[0].to),
        (4990.01, Some(0), Some(1))
    );
    // The same with a formula that is not linear (sampled and bisected): still to the step.
    let options = [
        ("10 + x * x / 10000000".to_string(), 0, None),
        ("12.400005".to_string(), 0, None),
    ];
    let a = advisor(5_000.0, 0.01, &options, (1, 0));
    let mut an = Analyzer::new(&a);
    assert_eq!(an.method(&sc, 0), Method::Sampled);
    // 10 + x^2/1e7 > 12.400005  <=>  x^2 > 24,000,050  <=>  x > 4,898.9845: first step
    // 4,898.99 (the cost there is 5.3e-6 above, a score 5.3e-9 lower: more than a tie).
    let tps = an.tipping_points(&sc, 0);
    assert_eq!(tps.len(), 1, "{tps:?}");
    assert_eq!(
        (tps[0].at, tps[0].from, tps[0].to),
        (4898.99, Some(0), Some(1))
    );
}

/// NS's spend (0 to 1000 in cents: 100,001 values) is linear in every option: closed form,
/// and the same points as brute force at the default answers and weights.
#[test]
fn ns_spend_is_closed_form_and_matches_brute_force() {
    let a = Advisor::parse(NS, "ns.toml").unwrap();
    let sc = a.default_scenario();
    let spend = a.input_index("spend").unwrap();
    let mut an = Analyzer::new(&a);
    assert_eq!(an.method(&sc, spend), Method::ClosedForm);
    assert_eq!(an.tipping_points(&sc, spend), brute_force(&a, &sc, spend));
}

// ---------------------------------------------------------------- failures

/// Option a costs `total / (early + shift)`, option b 30. With the definition's `shift = 1`
/// the divisor is at least 1, so `check` accepts it; a case (or a policy sketch) may set
/// `shift = 0`, and then `early = 0` divides by zero at run time. With shift 0, a is cheaper
/// from 100 / early < 30, early > 3.33, so from 4.
fn division_advisor(kind: &str, step: f64) -> Advisor {
    let text = format!(
        "{HEAD}[inputs.early]\nkind = \"{kind}\"\nmin = 0\nmax = 20\nstep = {step}\ndefault = 5\n\
         label = {{ nl = \"e\", en = \"e\" }}\n\
         [parameters.total]\nvalue = 100\nlabel = {{ nl = \"t\", en = \"t\" }}\nstatus = \"illustrative\"\n\
         note = {{ nl = \"n\", en = \"n\" }}\n\
         [parameters.shift]\nvalue = 1\nlabel = {{ nl = \"s\", en = \"s\" }}\nstatus = \"illustrative\"\n\
         note = {{ nl = \"n\", en = \"n\" }}\n\
         [factors.cost]\nlabel = {{ nl = \"c\", en = \"c\" }}\ndirection = \"lower_is_better\"\n\
         weight = 1\nscaling = {{ worst = 1000, best = 0 }}\n\
         [options.a]\nlabel = {{ nl = \"a\", en = \"a\" }}\nvalues = {{ cost = \"total / (early + shift)\" }}\n\
         [options.b]\nlabel = {{ nl = \"b\", en = \"b\" }}\nvalues = {{ cost = 30 }}\n"
    );
    Advisor::parse(&text, "div.toml").unwrap()
}

/// The parameter values with `shift = 0`.
const SHIFT_ZERO: [f64; 2] = [100.0, 0.0];

/// The evaluation of `sc` and its analysis with `shift = 0`.
fn analyse_shift_zero(
    a: &Advisor,
    sc: &advies_engine::Scenario,
) -> (advies_engine::Evaluation, advies_engine::analysis::Analysis) {
    let mut ev = a.empty_evaluation();
    a.evaluate_into(sc, Some(&SHIFT_ZERO), &mut ev).unwrap();
    let an = Analyzer::with_parameters(a, &SHIFT_ZERO).analyse(sc, &ev, 0.1);
    (ev, an)
}

#[test]
fn a_failed_evaluation_is_no_tipping_point() {
    let a = division_advisor("integer", 1.0);
    let sc = a.default_scenario();
    let mut z = sc.clone();
    z.inputs[0] = 0.0;
    let mut ev = a.empty_evaluation();
    assert!(
        a.evaluate_into(&z, Some(&SHIFT_ZERO), &mut ev).is_err(),
        "early = 0 divides by zero"
    );
    let (ev, an) = analyse_shift_zero(&a, &sc);
    assert_eq!(ev.best(), Some(0));
    // Before: a phantom tipping point at 1 ("no option possible" -> b), then the real one.
    let got: Vec<_> = an
        .tipping_points
        .iter()
        .map(|t| (t.at, t.from, t.to))
        .collect();
    assert_eq!(got, vec![(4.0, Some(1), Some(0))]);
}

#[test]
fn a_failed_evaluation_is_no_tipping_point_on_a_fine_grid() {
    // 20,001 values: sampled (a division by the input is not linear) and bisected.
    let a = division_advisor("number", 0.001);
    let sc = a.default_scenario();
    let mut an = Analyzer::with_parameters(&a, &SHIFT_ZERO);
    assert_eq!(an.method(&sc, 0), Method::Sampled);
    let got: Vec<_> = an
        .tipping_points(&sc, 0)
        .iter()
        .map(|t| (t.at, t.from, t.to))
        .collect();
    // 100 / early < 30  <=>  early > 3.3333...: first step 3.334.
    assert_eq!(got, vec![(3.334, Some(1), Some(0))]);
}

#[test]
fn the_chart_of_a_guarded_division_has_its_two_regions() {
    // `check` refuses a division that a valid answer can make fail (tests/formulas.rs), so the
    // chart, which uses the definition's own figures, meets no failure here: with shift = 1,
    // a is cheaper from 100 / (early + 1) < 30, early >= 3.
    let a = division_advisor("integer", 1.0);
    let sc = a.default_scenario();
    let (ev, an) = a.analyse(&sc).unwrap();
    let d = advies_engine::chart::chart_data(&a, &sc, &ev, &an, 0);
    let regions: Vec<_> = d.regions.iter().map(|r| (r.from, r.to, r.best)).collect();
    assert_eq!(regions, vec![(0.0, 2.0, Some(1)), (3.0, 20.0, Some(0))]);
}
