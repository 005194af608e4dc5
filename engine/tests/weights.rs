//! Weights as the citizen sets them: rank-order-centroid, whole-percent shares, presets from the
//! definition, and weights from trade-off answers (checked against an independent feasibility
//! test).

use std::fs;
use std::path::Path;

use advies_engine::eval::{Evaluation, OptionResult};
use advies_engine::tradeoff::{
    Conflict, MAX_FACTORS, MIN_GAIN, Preference, TradeOff, questions, weights_from_answers,
};
use advies_engine::weights::{
    WEIGHT_MAX, rank_order_centroid, shares_percent, to_slider_scale, weights_from_order,
};
use advies_engine::{Advisor, Lang};
use proptest::prelude::*;

// ---------------------------------------------------------------- rank-order-centroid

/// `w_i = (1/n) * sum_{k=i}^{n} 1/k` for places `i = 1..=n`, written out as the formula reads.
fn roc_formula(n: usize) -> Vec<f64> {
    (1..=n)
        .map(|i| (i..=n).map(|k| 1.0 / k as f64).sum::<f64>() / n as f64)
        .collect()
}

#[test]
fn rank_order_centroid_matches_the_formula() {
    for n in 2..=6 {
        let w = rank_order_centroid(n);
        let want = roc_formula(n);
        assert_eq!(w.len(), n);
        for (a, b) in w.iter().zip(&want) {
            assert!((a - b).abs() < 1e-12, "n = {n}: {w:?} vs {want:?}");
        }
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12, "n = {n}: sum");
        assert!(w.windows(2).all(|p| p[0] > p[1]), "n = {n}: descending");
    }
    // n = 2: 3/4 and 1/4; n = 3: 11/18, 5/18, 2/18.
    assert_eq!(rank_order_centroid(2), vec![0.75, 0.25]);
    let w = rank_order_centroid(3);
    for (a, b) in w.iter().zip([11.0 / 18.0, 5.0 / 18.0, 2.0 / 18.0]) {
        assert!((a - b).abs() < 1e-12);
    }
    assert!(rank_order_centroid(0).is_empty());
    assert_eq!(rank_order_centroid(1), vec![1.0]);
}

#[test]
fn weights_from_order_maps_places_to_factors() {
    // Order: factor 2 most important, then 0, then 1 (of 4 factors; factor 3 not placed).
    let w = weights_from_order(&[2, 0, 1], 4);
    let roc = roc_formula(3);
    let slider = |x: f64| ((x / roc[0] * WEIGHT_MAX) * 100.0).round() / 100.0;
    assert_eq!(w, vec![slider(roc[1]), slider(roc[2]), WEIGHT_MAX, 0.0]);
    // 11/18 : 5/18 : 2/18 on the slider scale: 10, 4.55, 1.82.
    assert_eq!(w, vec![4.55, 1.82, 10.0, 0.0]);
    // A factor out of range is skipped, never a panic.
    let w = weights_from_order(&[1, 7], 2);
    assert_eq!(w, vec![0.0, WEIGHT_MAX]);
    assert_eq!(weights_from_order(&[], 3), vec![0.0; 3]);
}

// ---------------------------------------------------------------- whole-percent shares

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        2 => Just(0.0),
        1 => (0u32..=10).prop_map(f64::from),
        3 => 0.0..=WEIGHT_MAX,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn shares_sum_to_100_and_each_is_its_exact_share_rounded(
        ws in prop::collection::vec(weight(), 1..=8)
    ) {
        prop_assume!(ws.iter().any(|&w| w > 0.0));
        let shown = shares_percent(&ws);
        prop_assert_eq!(shown.len(), ws.len());
        prop_assert_eq!(shown.iter().sum::<u32>(), 100);
        let total: f64 = ws.iter().sum();
        for (&w, &s) in ws.iter().zip(&shown) {
            let exact = w / total * 100.0;
            let s = f64::from(s);
            if w == 0.0 {
                prop_assert_eq!(s, 0.0);
            } else if (exact - exact.round()).abs() < 1e-9 {
                // An exact whole number is shown as it is.
                prop_assert_eq!(s, exact.round(), "{:?} -> {:?}", ws, shown);
            } else {
                prop_assert!(
                    s == exact.floor() || s == exact.ceil(),
                    "{:?} -> {:?}: {} is not {} rounded down or up", ws, shown, s, exact
                );
            }
        }
    }

    #[test]
    fn all_zero_weights_show_all_zero(n in 0usize..=8) {
        prop_assert_eq!(shares_percent(&vec![0.0; n]), vec![0; n]);
    }
}

// ---------------------------------------------------------------- presets

fn ret() -> Advisor {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../advisors/ret/definition.toml");
    let text = fs::read_to_string(path).unwrap();
    Advisor::parse(&text, "advisors/ret/definition.toml").unwrap()
}

#[test]
fn ret_presets_compile_to_weights_in_factor_order() {
    let adv = ret();
    let ids: Vec<&str> = adv.presets.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["price_only", "flexible", "easy"]);
    // factors: cost, flexibility, convenience
    assert_eq!(adv.presets[0].weights, vec![10.0, 0.0, 0.0]);
    assert_eq!(adv.presets[1].weights, vec![4.0, 10.0, 2.0]);
    assert_eq!(adv.presets[2].weights, vec![4.0, 2.0, 10.0]);
    assert_eq!(adv.presets[0].label.get(Lang::Nl), "Alleen de prijs telt");
    assert_eq!(adv.preset_index("easy"), Some(2));
    for p in &adv.presets {
        assert!(p.label.missing().is_empty(), "{}: label", p.id);
        assert!(!p.description.is_empty(), "{}: description", p.id);
        // Already on the slider scale: the largest is the maximum.
        assert_eq!(to_slider_scale(&p.weights), p.weights, "{}", p.id);
    }
    // "Only the price counts" at 9 trips a week: the cheapest, the yearly pass (cases.toml).
    let mut sc = adv.default_scenario();
    sc.inputs[adv.input_index("trips_per_week").unwrap()] = 9.0;
    sc.weights = adv.presets[0].weights.clone();
    let ev = adv.evaluate(&sc).unwrap();
    assert_eq!(ev.best(), adv.option_index("year_pass"));
}

#[test]
fn a_definition_without_presets_has_none() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken/_valid.toml");
    let text = fs::read_to_string(path).unwrap();
    let adv = Advisor::parse(&text, "broken/_valid.toml").unwrap();
    assert!(adv.presets.is_empty());
    // The same with a preset, in TOML and in JSON.
    let with = text.replace(
        "[options.tickets]",
        "[presets.flex]\nlabel = { nl = \"Vrijheid\", en = \"Freedom\" }\nweights = { flexibility = 10, cost = 2.5 }\n\n[options.tickets]",
    );
    let adv = Advisor::parse(&with, "with_preset.toml").unwrap();
    assert_eq!(adv.presets.len(), 1);
    assert_eq!(adv.presets[0].weights, vec![2.5, 10.0]);
    assert!(adv.presets[0].description.is_empty());
    let json = serde_json::to_string(&adv.def).unwrap();
    let again = Advisor::parse(&json, "with_preset.json").unwrap();
    assert_eq!(again.presets, adv.presets);
}

// ---------------------------------------------------------------- trade-off answers

fn tradeoff(first: usize, second: usize, gain_first: f64, gain_second: f64) -> TradeOff {
    TradeOff {
        first,
        second,
        a: 0,
        b: 1,
        a_first: 0.0,
        b_first: 0.0,
        a_second: 0.0,
        b_second: 0.0,
        gain_first,
        gain_second,
    }
}

/// Does `w` say what the answer says? Strict answers with a slack of more than 1e-9 relative
/// to the larger gain, equal ones within 1e-9.
fn reproduces(w: &[f64], (t, p): &(TradeOff, Preference)) -> bool {
    let d =
        (w[t.first] * t.gain_first - w[t.second] * t.gain_second) / t.gain_first.max(t.gain_second);
    match p {
        Preference::First => d > 1e-9,
        Preference::Second => d < -1e-9,
        Preference::Equal => d.abs() <= 1e-9,
    }
}

fn check_shares(w: &[f64], n: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(w.len(), n);
    prop_assert!(w.iter().all(|x| x.is_finite() && *x >= 0.0), "{:?}", w);
    prop_assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{:?}", w);
    Ok(())
}

/// Independent test whether some `w >= 0` with `sum w = 1` satisfies every answer (strict ones
/// strictly): for every choice of the factors with a weight above 0, the answers between two of
/// them are bounds on `ln w_f - ln w_g` (a system of difference constraints, feasible if no
/// circle of bounds adds up to less than 0, or to 0 through a strict one; Floyd-Warshall), and
/// the answers with a factor at 0 hold or fail outright.
fn oracle_feasible(n: usize, answers: &[(TradeOff, Preference)]) -> bool {
    // (f, g, c, strict): ln w_f - ln w_g > c (strict) or = c.
    let cs: Vec<(usize, usize, f64, bool)> = answers
        .iter()
        .map(|(t, p)| {
            let (f, g, gf, gg) = (t.first, t.second, t.gain_first, t.gain_second);
            match p {
                // gf w_f > gg w_g
                Preference::First => (f, g, (gg / gf).ln(), true),
                Preference::Second => (g, f, (gf / gg).ln(), true),
                Preference::Equal => (f, g, (gg / gf).ln(), false),
            }
        })
        .collect();
    const TOL: f64 = 1e-9;
    // A path length: (sum, number of strict edges); a strict edge counts as "a bit less".
    let less =
        |a: (f64, i32), b: (f64, i32)| a.0 < b.0 - TOL || ((a.0 - b.0).abs() <= TOL && a.1 > b.1);
    'subsets: for mask in 1u32..(1 << n) {
        let pos = |i: usize| mask & (1 << i) != 0;
        let inf = (f64::INFINITY, 0);
        let mut d = vec![vec![inf; n]; n];
        for (i, row) in d.iter_mut().enumerate() {
            row[i] = (0.0, 0);
        }
        let edge = |d: &mut Vec<Vec<(f64, i32)>>, u: usize, v: usize, e: (f64, i32)| {
            if less(e, d[u][v]) {
                d[u][v] = e;
            }
        };
        for &(f, g, c, strict) in &cs {
            match (pos(f), pos(g), strict) {
                (false, _, true) => continue 'subsets, // w_f = 0 cannot be more
                (true, false, true) => {}              // w_f > 0 = w_g
                (true, true, true) => edge(&mut d, f, g, (-c, 1)), // x_g < x_f - c
                (false, false, false) => {}
                (true, true, false) => {
                    edge(&mut d, f, g, (-c, 0));
                    edge(&mut d, g, f, (c, 0));
                }
                _ => continue 'subsets, // equal, one side 0 and the other not
            }
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    if d[i][k].0.is_finite() && d[k][j].0.is_finite() {
                        let via = (d[i][k].0 + d[k][j].0, d[i][k].1 + d[k][j].1);
                        if less(via, d[i][j]) {
                            d[i][j] = via;
                        }
                    }
                }
            }
        }
        if (0..n).all(|i| !less(d[i][i], (0.0, 0))) {
            return true;
        }
    }
    false
}

#[test]
fn the_oracle_agrees_with_hand_checked_cases() {
    let f = |a, b, x, y, p| (tradeoff(a, b, x, y), p);
    use Preference::*;
    assert!(oracle_feasible(2, &[f(0, 1, 0.5, 0.5, First)]));
    assert!(!oracle_feasible(
        2,
        &[f(0, 1, 0.5, 0.5, First), f(0, 1, 0.5, 0.5, Second)]
    ));
    assert!(!oracle_feasible(
        3,
        &[
            f(0, 1, 0.5, 0.5, First),
            f(1, 2, 0.5, 0.5, First),
            f(2, 0, 0.5, 0.5, First)
        ]
    ));
    // Two different ratios for one pair: only with both at 0, so only with a third factor.
    let two = [f(0, 1, 0.4, 0.8, Equal), f(0, 1, 0.5, 0.5, Equal)];
    assert!(!oracle_feasible(2, &two));
    assert!(oracle_feasible(3, &two));
    let w = weights_from_answers(3, &two).unwrap();
    assert!(w[0].abs() < 1e-12 && w[1].abs() < 1e-12 && (w[2] - 1.0).abs() < 1e-12);
}

#[test]
fn a_conflict_names_the_answer_that_closes_a_circle() {
    let answers = [
        (tradeoff(0, 1, 0.5, 0.5), Preference::First),
        (tradeoff(1, 2, 0.5, 0.5), Preference::First),
        (tradeoff(0, 2, 0.5, 0.5), Preference::Second),
    ];
    assert_eq!(
        weights_from_answers(3, &answers),
        Err(Conflict { answer: 2 })
    );
}

/// Answers that a citizen with `hidden` weights would give. Strict answers only where the two
/// sides differ clearly (by 1e-3 of the larger gain); `equal` questions get gains in the ratio
/// of the hidden weights, so that both sides weigh exactly the same.
fn answers_of(
    hidden: &[f64],
    qs: &[(usize, usize, f64, f64, bool)],
) -> Vec<(TradeOff, Preference)> {
    let n = hidden.len();
    let mut out = Vec::new();
    for &(f, step, g1, g2, equal) in qs {
        let g = (f + step) % n;
        if f == g {
            continue;
        }
        if equal {
            let s = g1 / hidden[f].max(hidden[g]);
            out.push((
                tradeoff(f, g, hidden[g] * s, hidden[f] * s),
                Preference::Equal,
            ));
            continue;
        }
        let d = hidden[f] * g1 - hidden[g] * g2;
        if d.abs() < 1e-3 * g1.max(g2) {
            continue;
        }
        let p = if d > 0.0 {
            Preference::First
        } else {
            Preference::Second
        };
        out.push((tradeoff(f, g, g1, g2), p));
    }
    out
}

/// Gains from a coarse grid (0.1, 0.2, ..., 1.0): circles of answers then either close exactly
/// or miss by far more than the tolerances.
fn grid_gain() -> impl Strategy<Value = f64> {
    (1u32..=10).prop_map(|k| f64::from(k) / 10.0)
}

fn preference() -> impl Strategy<Value = Preference> {
    prop_oneof![
        Just(Preference::First),
        Just(Preference::Equal),
        Just(Preference::Second)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A citizen with fixed (hidden) weights never contradicts themselves: the answers give
    /// weights that say exactly what the citizen said.
    #[test]
    fn honest_answers_are_reproduced(
        (hidden, qs) in (2usize..=MAX_FACTORS).prop_flat_map(|n| (
            prop::collection::vec(0.05..1.0f64, n),
            prop::collection::vec(
                (0..n, 1..n, 0.05..1.0f64, 0.05..1.0f64, prop::bool::weighted(0.25)),
                0..=10,
            ),
        ))
    ) {
        let n = hidden.len();
        let answers = answers_of(&hidden, &qs);
        let w = weights_from_answers(n, &answers);
        prop_assert!(w.is_ok(), "{:?} from {:?}", w, answers);
        let w = w.unwrap();
        check_shares(&w, n)?;
        for a in &answers {
            prop_assert!(reproduces(&w, a), "{:?} does not say {:?}", w, a);
        }
    }

    /// Any answers at all: never a panic; either weights that say every answer, or the first
    /// answer that contradicts the ones before it.
    #[test]
    fn any_answers_are_reproduced_or_the_first_contradiction_is_named(
        (n, raw) in (2usize..=MAX_FACTORS).prop_flat_map(|n| (
            Just(n),
            prop::collection::vec((0..n, 1..n, grid_gain(), grid_gain(), preference()), 1..=10),
        ))
    ) {
        let answers: Vec<(TradeOff, Preference)> = raw
            .iter()
            .map(|&(f, step, g1, g2, p)| (tradeoff(f, (f + step) % n, g1, g2), p))
            .collect();
        match weights_from_answers(n, &answers) {
            Ok(w) => {
                check_shares(&w, n)?;
                for a in &answers {
                    prop_assert!(reproduces(&w, a), "{:?} does not say {:?}", w, a);
                }
                prop_assert!(oracle_feasible(n, &answers));
            }
            Err(Conflict { answer: k }) => {
                prop_assert!(k < answers.len());
                prop_assert!(
                    !oracle_feasible(n, &answers[..=k]),
                    "answers up to {} are possible together: {:?}", k, &answers[..=k]
                );
                prop_assert!(oracle_feasible(n, &answers[..k]));
                let before = weights_from_answers(n, &answers[..k]);
                prop_assert!(before.is_ok(), "{:?}", before);
                let w = before.unwrap();
                check_shares(&w, n)?;
                for a in &answers[..k] {
                    prop_assert!(reproduces(&w, a), "{:?} does not say {:?}", w, a);
                }
            }
        }
    }

    /// Garbage in (factors out of range, one factor twice, gains that are no numbers above 0):
    /// no panic, shares that sum to 1.
    #[test]
    fn nonsense_answers_never_panic(
        n in 0usize..=8,
        raw in prop::collection::vec(
            (0usize..10, 0usize..10, prop_oneof![Just(0.0), Just(f64::NAN), Just(-1.0), Just(f64::INFINITY), 0.0..2.0f64],
             prop_oneof![Just(0.0), Just(1e-300), 0.0..2.0f64], preference()),
            0..=8,
        )
    ) {
        let answers: Vec<(TradeOff, Preference)> = raw
            .iter()
            .map(|&(f, g, g1, g2, p)| (tradeoff(f, g, g1, g2), p))
            .collect();
        match weights_from_answers(n, &answers) {
            Ok(w) if n == 0 => prop_assert!(w.is_empty()),
            Ok(w) => check_shares(&w, n)?,
            Err(Conflict { answer }) => prop_assert!(answer < answers.len()),
        }
    }

    /// The questions for any evaluation: a real trade-off between eligible options, at least
    /// MIN_GAIN on both sides, the best one for each pair of factors, in pair order.
    #[test]
    fn questions_offer_the_clearest_trade_off(
        (nf, opts) in (1usize..=MAX_FACTORS + 1).prop_flat_map(|nf| (
            Just(nf),
            prop::collection::vec(
                (prop::bool::weighted(0.8), prop::collection::vec((0u32..=20).prop_map(|k| f64::from(k) / 20.0), nf)),
                0..=6,
            ),
        )),
        max in 0usize..=16,
    ) {
        let ev = evaluation(nf, &opts);
        let qs = questions(&ev, max);
        if !(2..=MAX_FACTORS).contains(&nf) {
            prop_assert!(qs.is_empty());
        }
        prop_assert!(qs.len() <= max);
        let pairs: Vec<(usize, usize)> = qs.iter().map(|q| (q.first, q.second)).collect();
        let mut sorted = pairs.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(&pairs, &sorted, "one question per pair, in order");
        for q in &qs {
            let (a, b) = (&ev.options[q.a], &ev.options[q.b]);
            prop_assert!(a.eligible && b.eligible && q.a != q.b);
            prop_assert!(q.first < q.second);
            prop_assert_eq!(q.gain_first, a.scaled[q.first] - b.scaled[q.first]);
            prop_assert_eq!(q.gain_second, b.scaled[q.second] - a.scaled[q.second]);
            prop_assert!(q.gain_first >= MIN_GAIN && q.gain_second >= MIN_GAIN);
            prop_assert_eq!((q.a_first, q.b_first), (a.values[q.first], b.values[q.first]));
            prop_assert_eq!((q.a_second, q.b_second), (a.values[q.second], b.values[q.second]));
            // No pair of eligible options offers a clearer trade-off on these two factors.
            let m = q.gain_first.min(q.gain_second);
            for x in ev.ranking.iter().copied() {
                for y in ev.ranking.iter().copied() {
                    let gx = ev.options[x].scaled[q.first] - ev.options[y].scaled[q.first];
                    let gy = ev.options[y].scaled[q.second] - ev.options[x].scaled[q.second];
                    if gx > 0.0 && gy > 0.0 {
                        prop_assert!(gx.min(gy) <= m + 1e-9);
                    }
                }
            }
        }
        // Every pair with a clear enough trade-off (and room under `max`) has its question.
        if (2..=MAX_FACTORS).contains(&nf) && qs.len() < max {
            for f in 0..nf {
                for g in f + 1..nf {
                    let clear = ev.ranking.iter().any(|&x| ev.ranking.iter().any(|&y| {
                        let gx = ev.options[x].scaled[f] - ev.options[y].scaled[f];
                        let gy = ev.options[y].scaled[g] - ev.options[x].scaled[g];
                        gx.min(gy) >= MIN_GAIN + 1e-9
                    }));
                    if clear {
                        prop_assert!(pairs.contains(&(f, g)), "no question for ({}, {})", f, g);
                    }
                }
            }
        }
    }
}

/// An evaluation with the given options (eligible, scaled values); raw values are the scaled
/// ones times 100, the ranking is by equal-weight score.
fn evaluation(nf: usize, opts: &[(bool, Vec<f64>)]) -> Evaluation {
    let options: Vec<OptionResult> = opts
        .iter()
        .map(|(eligible, scaled)| OptionResult {
            eligible: *eligible,
            values: scaled.iter().map(|s| s * 100.0).collect(),
            scaled: scaled.clone(),
            score: if *eligible {
                scaled.iter().sum::<f64>() / nf as f64
            } else {
                0.0
            },
        })
        .collect();
    let mut ranking: Vec<usize> = (0..options.len())
        .filter(|&o| options[o].eligible)
        .collect();
    ranking.sort_by(|&a, &b| {
        options[b]
            .score
            .total_cmp(&options[a].score)
            .then(a.cmp(&b))
    });
    Evaluation {
        slots: Vec::new(),
        visible: Vec::new(),
        options,
        ranking,
        weights: vec![1.0 / nf as f64; nf],
        weights_fallback: false,
    }
}

#[test]
fn ret_questions_answered_like_the_price_only_preset() {
    // A citizen for whom only the price counts prefers the cheaper side of every cost
    // question; the weights then favour cost over both other factors.
    let adv = ret();
    let ev = adv.evaluate(&adv.default_scenario()).unwrap();
    let qs = questions(&ev, 10);
    assert_eq!(qs.len(), 3);
    let answers: Vec<(TradeOff, Preference)> = qs
        .iter()
        .filter(|q| q.first == 0)
        .map(|q| (q.clone(), Preference::First))
        .collect();
    let w = weights_from_answers(3, &answers).unwrap();
    assert!(w[0] > w[1] && w[0] > w[2], "{w:?}");
    let slider = to_slider_scale(&w);
    assert_eq!(slider[0], WEIGHT_MAX);
}
