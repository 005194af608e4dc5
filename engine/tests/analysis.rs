//! Analysis: tipping points, weight stability, margin, contributions.
//! Property tests on generated advisors and on RET, and a hand-checked closed-form example.

use advies_engine::Advisor;
use advies_engine::analysis::{Analyzer, DEFAULT_BORDERLINE, weight_interval};
use advies_engine::eval::Scenario;
use proptest::prelude::*;

const RET: &str = include_str!("../../advisors/ret/definition.toml");

/// A generated advisor: one numeric input `x`, options with cost = a + b*x and a fixed
/// flexibility, factors cost (fixed range 0..worst) and flexibility (0..5).
fn generated(
    kind: &str,
    max: f64,
    step: f64,
    options: &[(i32, i32, i32)],
    weights: (u32, u32),
) -> String {
    let mut s = format!(
        r#"id = "gen"
version = "1"
valid_from = "2024-01-01"
owner = "test"
title = {{ nl = "t", en = "t" }}
[inputs.x]
kind = "{kind}"
min = 0
max = {max}
step = {step}
default = 0
label = {{ nl = "x", en = "x" }}
[inputs.mode]
kind = "yes_no"
default = false
label = {{ nl = "m", en = "m" }}
[factors.cost]
label = {{ nl = "c", en = "c" }}
direction = "lower_is_better"
weight = {}
scaling = {{ worst = 100000, best = 0 }}
[factors.flex]
label = {{ nl = "f", en = "f" }}
direction = "higher_is_better"
weight = {}
scaling = {{ worst = 0, best = 5 }}
"#,
        weights.0, weights.1
    );
    for (n, (a, b, flex)) in options.iter().enumerate() {
        s += &format!(
            "[options.o{n}]\nlabel = {{ nl = \"o{n}\", en = \"o{n}\" }}\nvalues = {{ cost = \"max(0, {a} + {b} * x + (if mode then {n} else 0))\", flex = {flex} }}\n"
        );
    }
    s
}

fn best_at(a: &Advisor, sc: &Scenario, i: usize, v: f64) -> Option<usize> {
    let mut s = sc.clone();
    s.inputs[i] = v;
    a.evaluate(&s).ok().and_then(|e| e.best())
}

fn with_share(sc: &Scenario, ev_weights: &[f64], k: usize, t: f64) -> Scenario {
    let mut s = sc.clone();
    let wk = ev_weights[k];
    s.weights = ev_weights
        .iter()
        .enumerate()
        .map(|(f, w)| {
            if f == k {
                t
            } else if wk < 1.0 {
                w * (1.0 - t) / (1.0 - wk)
            } else {
                (1.0 - t) / (ev_weights.len() - 1) as f64
            }
        })
        .collect();
    s
}

/// Checks every property of one advisor and scenario.
fn check_properties(a: &Advisor, sc: &Scenario) -> Result<(), TestCaseError> {
    let ev = a.evaluate(sc).unwrap();
    let mut an = Analyzer::new(a);
    let analysis = an.analyse(sc, &ev, DEFAULT_BORDERLINE);
    // Tipping points: one step apart, the best option differs as reported.
    for (i, inp) in a.inputs.iter().enumerate() {
        if !matches!(
            inp.kind,
            advies_engine::model::InputKind::Integer | advies_engine::model::InputKind::Number
        ) {
            continue;
        }
        let tps: Vec<_> = analysis
            .tipping_points
            .iter()
            .filter(|t| t.input == i)
            .collect();
        let exact = (((inp.max - inp.min) / inp.step).round() as usize)
            < advies_engine::analysis::EXACT_GRID_LIMIT;
        for tp in &tps {
            prop_assert_ne!(tp.from, tp.to);
            prop_assert_eq!(best_at(a, sc, i, tp.at), tp.to, "at {}", tp.at);
            let below = ((tp.at - inp.step) * 1e9).round() / 1e9;
            if exact {
                prop_assert_eq!(
                    best_at(a, sc, i, below),
                    tp.from,
                    "one step below {}",
                    tp.at
                );
            } else {
                // Continuous inputs: exact to the step or to 1e-6 of the range.
                let tol = inp.step.max((inp.max - inp.min) * 1e-6);
                prop_assert_eq!(
                    best_at(a, sc, i, ((tp.at - tol) * 1e9).round() / 1e9),
                    tp.from,
                    "just below {}",
                    tp.at
                );
            }
        }
        // Dense grid between reported points: the best option never changes.
        let mut bounds: Vec<f64> = vec![inp.min];
        bounds.extend(tps.iter().map(|t| t.at));
        bounds.push(inp.max + inp.step);
        for w in bounds.windows(2) {
            let (lo, hi) = (w[0], w[1] - inp.step);
            if hi < lo {
                continue;
            }
            let expect = best_at(a, sc, i, lo);
            let n = 200;
            for k in 0..=n {
                let v = lo + (hi - lo) * k as f64 / n as f64;
                let v = a.clamp_input(i, v);
                if v < lo || v > hi {
                    continue;
                }
                prop_assert_eq!(
                    best_at(a, sc, i, v),
                    expect,
                    "between {} and {}, at {}",
                    lo,
                    hi,
                    v
                );
            }
        }
    }
    // Weight intervals: inside, the advice holds; just beyond each end, the reported option takes over.
    if let Some(b) = ev.best() {
        for wi in &analysis.weight_intervals {
            prop_assert!(wi.low <= wi.share + 1e-9 && wi.share <= wi.high + 1e-9);
            let mid = (wi.low + wi.high) / 2.0;
            prop_assert_eq!(
                a.evaluate(&with_share(sc, &ev.weights, wi.factor, mid))
                    .unwrap()
                    .best(),
                Some(b)
            );
            // Step just beyond each end (further each time, since scores within 1e-9 count as a
            // tie): the first option other than b to win must be the one reported.
            let beyond = |dir: f64, end: f64| -> Option<usize> {
                [1e-7, 1e-6, 1e-5, 1e-4].iter().find_map(|d| {
                    let t = (end + dir * d).clamp(0.0, 1.0);
                    let best = a
                        .evaluate(&with_share(sc, &ev.weights, wi.factor, t))
                        .unwrap()
                        .best();
                    (best != Some(b)).then_some(best).flatten()
                })
            };
            if let Some(o) = wi.below
                && wi.low > 1e-4
            {
                prop_assert_eq!(beyond(-1.0, wi.low), Some(o), "below {}", wi.low);
            }
            if let Some(o) = wi.above
                && wi.high < 1.0 - 1e-4
            {
                prop_assert_eq!(beyond(1.0, wi.high), Some(o), "above {}", wi.high);
            }
        }
        // Contributions sum to 1 when there is a runner-up with a real lead.
        if let Some(r) = ev.runner_up()
            && (ev.options[b].score - ev.options[r].score) > 1e-9
        {
            let sum: f64 = analysis.contributions.iter().sum();
            prop_assert!((sum - 1.0).abs() < 1e-9, "contributions sum to {}", sum);
        }
    }
    // Multiplying all weights by a constant changes nothing.
    let mut scaled = sc.clone();
    scaled.weights.iter_mut().for_each(|w| *w *= 3.7);
    let ev2 = a.evaluate(&scaled).unwrap();
    let analysis2 = Analyzer::new(a).analyse(&scaled, &ev2, DEFAULT_BORDERLINE);
    prop_assert_eq!(&analysis.tipping_points, &analysis2.tipping_points);
    prop_assert_eq!(analysis.best, analysis2.best);
    for (x, y) in analysis
        .weight_intervals
        .iter()
        .zip(&analysis2.weight_intervals)
    {
        prop_assert!((x.low - y.low).abs() < 1e-9 && (x.high - y.high).abs() < 1e-9);
        prop_assert_eq!(x.below, y.below);
        prop_assert_eq!(x.above, y.above);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_integer_advisors(
        options in prop::collection::vec((0i32..400, -20i32..40, 0i32..=5), 2..6),
        wc in 1u32..10, wf in 0u32..10, x in 0u32..=60,
    ) {
        let text = generated("integer", 60.0, 1.0, &options, (wc, wf));
        let a = Advisor::parse(&text, "gen.toml").unwrap();
        let mut sc = a.default_scenario();
        sc.inputs[0] = f64::from(x);
        check_properties(&a, &sc)?;
    }

    #[test]
    fn generated_continuous_advisors(
        options in prop::collection::vec((0i32..400, -20i32..40, 0i32..=5), 2..5),
        wc in 1u32..10, wf in 0u32..10,
    ) {
        // 100 001 values on the grid: sampled and bisected, not evaluated one by one.
        let text = generated("number", 100.0, 0.001, &options, (wc, wf));
        let a = Advisor::parse(&text, "gen.toml").unwrap();
        check_properties(&a, &a.default_scenario())?;
    }

    #[test]
    fn ret_scenarios(trips in 0u32..=40, km in 1u32..=50, days in 1u32..=7, age in 0usize..5, rdam: bool,
                     wc in 0u32..6, wf in 0u32..6, wv in 0u32..6) {
        let a = Advisor::parse(RET, "ret.toml").unwrap();
        let mut sc = a.default_scenario();
        sc.inputs[a.input_index("trips_per_week").unwrap()] = f64::from(trips);
        sc.inputs[a.input_index("distance_km").unwrap()] = f64::from(km);
        sc.inputs[a.input_index("travel_days_per_week").unwrap()] = f64::from(days);
        sc.inputs[a.input_index("age_group").unwrap()] = age as f64;
        sc.inputs[a.input_index("lives_in_rotterdam").unwrap()] = if rdam { 1.0 } else { 0.0 };
        sc.weights = vec![f64::from(wc), f64::from(wf), f64::from(wv)];
        check_properties(&a, &sc)?;
    }
}

/// Hand-checked closed form (worked on paper):
///
/// Two factors with equal weight (shares 0.5 / 0.5), scaled values
///   A = (1.0, 0.2) -> 0.60,  B = (0.4, 0.9) -> 0.65,  C = (0.0, 1.0) -> 0.50.  Best: B.
/// Let t be the share of factor 0; factor 1 gets 1 - t.
///   A(t) = t*1.0 + (1-t)*0.2 = 0.2 + 0.8t
///   B(t) = t*0.4 + (1-t)*0.9 = 0.9 - 0.5t
///   C(t) = t*0.0 + (1-t)*1.0 = 1.0 - t
/// B >= A  <=>  0.9 - 0.5t >= 0.2 + 0.8t  <=>  t <= 0.7/1.3 = 7/13 = 0.538461...  (above: A)
/// B >= C  <=>  0.9 - 0.5t >= 1.0 - t     <=>  t >= 0.1/0.5 = 0.2                 (below: C)
/// So factor 0's share may move within [0.2, 7/13]; for factor 1 (share 1 - t) that is
/// [6/13, 0.8], with A taking over below and C above.
/// Lead of B over A = 0.05 = 0.5*(0.4-1.0) + 0.5*(0.9-0.2) = -0.30 + 0.35:
/// contributions -6 and +7 (factor 0 favours A; factor 1 carries B).
#[test]
fn closed_form_hand_checked() {
    let text = r#"
id = "paper"
version = "1"
valid_from = "2024-01-01"
owner = "test"
title = { nl = "t", en = "t" }
[inputs.dummy]
kind = "yes_no"
default = false
label = { nl = "d", en = "d" }
[factors.f0]
label = { nl = "f0", en = "f0" }
direction = "higher_is_better"
weight = 1
scaling = { worst = 0, best = 1 }
[factors.f1]
label = { nl = "f1", en = "f1" }
direction = "higher_is_better"
weight = 1
scaling = { worst = 0, best = 1 }
[options.a]
label = { nl = "A", en = "A" }
values = { f0 = 1.0, f1 = 0.2 }
[options.b]
label = { nl = "B", en = "B" }
values = { f0 = 0.4, f1 = 0.9 }
[options.c]
label = { nl = "C", en = "C" }
values = { f0 = 0.0, f1 = 1.0 }
"#;
    let a = Advisor::parse(text, "paper.toml").unwrap();
    let ev = a.evaluate(&a.default_scenario()).unwrap();
    assert_eq!(ev.best(), Some(1));
    let w0 = weight_interval(&ev, 1, 0);
    assert!((w0.low - 0.2).abs() < 1e-12, "{w0:?}");
    assert!((w0.high - 7.0 / 13.0).abs() < 1e-12, "{w0:?}");
    assert_eq!((w0.below, w0.above), (Some(2), Some(0)));
    let w1 = weight_interval(&ev, 1, 1);
    assert!(
        (w1.low - 6.0 / 13.0).abs() < 1e-12 && (w1.high - 0.8).abs() < 1e-12,
        "{w1:?}"
    );
    assert_eq!((w1.below, w1.above), (Some(0), Some(2)));
    let an = Analyzer::new(&a).analyse(&a.default_scenario(), &ev, DEFAULT_BORDERLINE);
    assert!(
        (an.contributions[0] + 6.0).abs() < 1e-9 && (an.contributions[1] - 7.0).abs() < 1e-9,
        "{:?}",
        an.contributions
    );
    // Nearest flip: factor 0's share 0.5 -> 7/13. With factor 1's raw weight 1 kept, factor 0's
    // raw weight goes from 1 to (7/13)/(6/13) = 7/6: a relative change of 1/6. The other end,
    // factor 1's share 0.5 -> 6/13 (raw 1 -> 6/7), is a change of 1/7 = 0.143: the nearest.
    assert!(
        (an.margin.value.unwrap() - 1.0 / 7.0).abs() < 1e-9,
        "{:?}",
        an.margin
    );
    assert!(
        !an.margin.borderline,
        "0.143 is above the default threshold 0.10"
    );
}

#[test]
fn ret_trips_tipping_point_matches_hand_derivation() {
    // cases.toml: at 7 km, 10 trips -> pay_per_trip (97.07), 11 trips -> month_pass (106.77).
    let a = Advisor::parse(RET, "ret.toml").unwrap();
    let sc = a.default_scenario();
    let (_, an) = a.analyse(&sc).unwrap();
    let trips = a.input_index("trips_per_week").unwrap();
    let tp = an
        .tipping_points
        .iter()
        .find(|t| t.input == trips && t.at == 11.0)
        .expect("tipping point at 11 trips");
    assert_eq!(tp.from, a.option_index("pay_per_trip"));
    assert_eq!(tp.to, a.option_index("month_pass"));
    // What-if: a Rotterdam child of 4-11 (with adult by default) travels free.
    let age = a.input_index("age_group").unwrap();
    let child = an
        .what_ifs
        .iter()
        .find(|w| w.input == age && w.value == 1.0)
        .unwrap();
    assert_eq!(child.best, a.option_index("free_child"));
}

#[test]
fn ret_default_margin_is_relative_to_the_answer() {
    // Default answers: the nearest flip is trips 8 -> 11 (+3/8 = 0.375); distance 7 -> 11 is
    // 4/7; travel days 4 -> 1 is 3/4; weights: flexibility share 0.2 -> 0.0928 is a raw-weight
    // change of 0.59, convenience 0.2 -> 0.310 of 0.80. So the margin is 0.375: solid.
    let a = Advisor::parse(RET, "ret.toml").unwrap();
    let (_, an) = a.analyse(&a.default_scenario()).unwrap();
    assert!(
        (an.margin.value.unwrap() - 0.375).abs() < 1e-9,
        "{:?}",
        an.margin
    );
    assert_eq!(
        an.margin.nearest,
        Some(advies_engine::analysis::Nearest::Input { input: 0, at: 11.0 })
    );
    assert!(!an.margin.borderline);
    // At 10 trips the flip at 11 is +1/10 = 0.10: not below the threshold; at 10 km...
    let mut sc = a.default_scenario();
    sc.inputs[a.input_index("distance_km").unwrap()] = 10.0; // 10 -> 11 km is +10%
    sc.inputs[a.input_index("trips_per_week").unwrap()] = 8.0;
    let (_, an) = a.analyse(&sc).unwrap();
    assert!(
        (an.margin.value.unwrap() - 0.1).abs() < 1e-9,
        "{:?}",
        an.margin
    );
}

/// Two flips in one sample interval (found by proptest in CI): samples lie 0.25 apart, and the
/// cheapest option changes at x = 0.2 (o0 -> o1: 267 + 36x = 273 + 6x) and again at
/// x = 3/13 = 0.2308 (o1 -> o2: 273 + 6x = 276 - 7x). Both are found to the step of 0.001.
#[test]
fn two_flips_between_samples() {
    let text = generated(
        "number",
        100.0,
        0.001,
        &[(267, 36, 0), (273, 6, 0), (276, -7, 0)],
        (1, 0),
    );
    let a = Advisor::parse(&text, "gen.toml").unwrap();
    let sc = a.default_scenario();
    let tps = Analyzer::new(&a).tipping_points(&sc, 0);
    let found: Vec<_> = tps.iter().map(|t| (t.at, t.from, t.to)).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].1, found[0].2), (Some(0), Some(1)));
    assert!((found[0].0 - 0.2).abs() <= 0.001 + 1e-9, "{found:?}");
    assert_eq!(found[1], (0.231, Some(1), Some(2)));
    check_properties(&a, &sc).unwrap();
}
