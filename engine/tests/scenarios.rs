//! Scenarios side by side (differences with "Nu", what changes the advice, the sentence) and
//! over time (the advice per period, following it or keeping one option), on the real RET
//! advisor; property tests for the totals and for robustness against any input.

use std::fs;
use std::path::Path;

use advies_engine::eval::Scenario;
use advies_engine::scenarios::{
    Change, Comparison, Difference, MAX_PERIOD_MONTHS, MAX_PERIODS, Period, PlanError,
    change_label, compare, comparison_sentence, differences, plan, plan_sentence,
};
use advies_engine::{Advisor, Lang};
use proptest::prelude::*;

fn ret() -> Advisor {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../advisors/ret/definition.toml");
    let text = fs::read_to_string(path).unwrap();
    Advisor::parse(&text, "ret/definition.toml").unwrap()
}

fn idx(a: &Advisor, input: &str) -> usize {
    a.input_index(input).unwrap()
}

fn opt(a: &Advisor, id: &str) -> usize {
    a.option_index(id).unwrap()
}

fn cost(a: &Advisor) -> usize {
    a.factor_index("cost").unwrap()
}

fn label(a: &Advisor, o: usize, lang: Lang) -> String {
    a.def.options[o].label.get(lang).to_string()
}

/// The default scenario with some answers changed.
fn with(a: &Advisor, answers: &[(&str, f64)]) -> Scenario {
    let mut sc = a.default_scenario();
    for (input, v) in answers {
        sc.inputs[idx(a, input)] = *v;
    }
    sc
}

fn diffs(a: &Advisor, base: &Scenario, other: &Scenario) -> Vec<Difference> {
    let (be, oe) = (a.evaluate(base).unwrap(), a.evaluate(other).unwrap());
    differences(a, base, &be, other, &oe)
}

/// Choice index of an age group.
fn age(a: &Advisor, id: &str) -> f64 {
    a.inputs[idx(a, "age_group")]
        .choices
        .iter()
        .position(|c| c == id)
        .unwrap() as f64
}

// ------------------------------------------------------------------ differences

#[test]
fn same_scenario_has_no_differences() {
    let a = ret();
    let sc = a.default_scenario();
    assert!(diffs(&a, &sc, &sc).is_empty());
    let c = compare(&a, &sc, &sc, Some(cost(&a))).unwrap();
    assert!(c.differences.is_empty() && c.decisive.is_empty());
    assert_eq!(c.base_best, c.other_best);
    assert_eq!(c.base_cost, c.other_cost);
    assert_eq!(
        comparison_sentence(&a, &c, "Nu", Lang::Nl),
        "Dit is hetzelfde als Nu."
    );
    assert_eq!(
        comparison_sentence(&a, &c, "Now", Lang::En),
        "This is the same as Now."
    );
}

#[test]
fn weights_compare_as_shares() {
    let a = ret();
    let mut base = a.default_scenario();
    base.weights = vec![2.0, 2.0, 2.0];
    let mut other = base.clone();
    other.weights = vec![1.0, 1.0, 1.0];
    assert!(diffs(&a, &base, &other).is_empty());
    // All zero falls back to the default weights 3, 1, 1: the same shares as 6, 2, 2.
    base.weights = vec![0.0, 0.0, 0.0];
    other.weights = vec![6.0, 2.0, 2.0];
    assert!(diffs(&a, &base, &other).is_empty());
    // 3, 1, 1 against 3, 1, 2: every share moves, and each is reported as a share.
    base.weights = vec![3.0, 1.0, 1.0];
    other.weights = vec![3.0, 1.0, 2.0];
    let d = diffs(&a, &base, &other);
    assert_eq!(
        d.iter().map(|d| d.change).collect::<Vec<_>>(),
        vec![Change::Weight(0), Change::Weight(1), Change::Weight(2)]
    );
    assert!((d[2].base - 0.2).abs() < 1e-12 && (d[2].other - 2.0 / 6.0).abs() < 1e-12);
    assert_eq!(
        change_label(&a, &d[2], Lang::Nl),
        "Hoe zwaar Gemak telt: 20% → 33%"
    );
    assert_eq!(
        change_label(&a, &d[0], Lang::En),
        "How much Cost per month counts: 60% → 50%"
    );
}

#[test]
fn hidden_input_differences_are_ignored() {
    let a = ret();
    let travels = idx(&a, "travels_with_adult");
    // An adult: "travels with an adult" is not asked on either side.
    let base = a.default_scenario();
    let other = with(&a, &[("travels_with_adult", 0.0)]);
    assert!(diffs(&a, &base, &other).is_empty());
    let c = compare(&a, &base, &other, Some(cost(&a))).unwrap();
    assert_eq!(
        comparison_sentence(&a, &c, "Nu", Lang::Nl),
        "Dit is hetzelfde als Nu."
    );
    // A child of 4-11 in Rotterdam on one side: the question is asked there, so it counts.
    let child = with(
        &a,
        &[("age_group", age(&a, "4-11")), ("travels_with_adult", 1.0)],
    );
    let d = diffs(&a, &child, &other);
    assert_eq!(
        d.iter().map(|d| d.change).collect::<Vec<_>>(),
        vec![Change::Input(idx(&a, "age_group")), Change::Input(travels)]
    );
    assert_eq!(
        change_label(&a, &d[0], Lang::Nl),
        "Hoe oud ben je: 4 tot en met 11 jaar → 19 tot en met 64 jaar"
    );
    assert_eq!(
        change_label(&a, &d[1], Lang::En),
        "Does the child travel with an adult: yes → no"
    );
}

#[test]
fn answers_compare_as_the_evaluation_reads_them() {
    let a = ret();
    let base = a.default_scenario();
    // 99 trips is clamped to 40, the same as 40; a missing answer is the default.
    let mut other = with(&a, &[("trips_per_week", 99.0)]);
    let forty = with(&a, &[("trips_per_week", 40.0)]);
    assert!(diffs(&a, &forty, &other).is_empty());
    other.inputs.truncate(1);
    let d = diffs(&a, &forty, &other);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(diffs(&a, &base, &forty).len(), 1);
}

// ------------------------------------------------------------------ compare and sentences

#[test]
fn more_trips_flip_the_advice_to_a_pass() {
    let a = ret();
    let base = a.default_scenario();
    let other = with(&a, &[("trips_per_week", 14.0)]);
    let c = compare(&a, &base, &other, Some(cost(&a))).unwrap();
    let (ppt, month) = (opt(&a, "pay_per_trip"), opt(&a, "month_pass"));
    assert_eq!(c.base_best, Some(ppt));
    assert_eq!(c.other_best, Some(month));
    assert_eq!(c.differences.len(), 1);
    assert_eq!(
        c.differences[0].change,
        Change::Input(idx(&a, "trips_per_week"))
    );
    assert_eq!(c.decisive, vec![0]);
    // 8 trips: round(8 * 52/12 * 2.24, 2) = 77.65 (fare 1.08 + 7 * 0.166 = 2.242 -> 2.24);
    // the monthly pass costs 99.00.
    assert_eq!(c.base_cost, Some(77.65));
    assert_eq!(c.other_cost, Some(99.0));
    assert_eq!(
        change_label(&a, &c.differences[0], Lang::Nl),
        "Ritten per week: 8 → 14"
    );
    let nl = comparison_sentence(&a, &c, "Nu", Lang::Nl);
    assert_eq!(
        nl,
        "Het advies wordt RET maandabonnement in plaats van Reizen op saldo (OV-chipkaart of \
         OVpay). Dat komt vooral door: ritten per week (8 → 14). Je betaalt € 21,35 per maand meer."
    );
    for lang in Lang::ALL {
        let s = comparison_sentence(&a, &c, "Nu", lang);
        assert!(s.contains(&label(&a, ppt, lang)), "{s}");
        assert!(s.contains(&label(&a, month, lang)), "{s}");
    }
    let en = comparison_sentence(&a, &c, "Now", Lang::En);
    assert_eq!(
        en,
        "The advice becomes RET monthly pass instead of Pay per trip (OV-chipkaart or OVpay). \
         This is mainly due to: trips per week (8 → 14). You pay €21.35 more per month."
    );
}

#[test]
fn same_advice_names_the_cost_change() {
    let a = ret();
    let base = a.default_scenario();
    // 9 trips: round(39 * 2.24, 2) = 87.36, still pay per trip with the default weights.
    let other = with(&a, &[("trips_per_week", 9.0)]);
    let c = compare(&a, &base, &other, Some(cost(&a))).unwrap();
    assert_eq!(c.base_best, c.other_best);
    assert!(c.decisive.is_empty());
    assert_eq!(
        comparison_sentence(&a, &c, "Nu", Lang::Nl),
        "Het advies blijft Reizen op saldo (OV-chipkaart of OVpay). Je betaalt € 9,71 per maand meer."
    );
    // Without a cost factor: no amount.
    let c = compare(&a, &base, &other, None).unwrap();
    assert_eq!(c.base_cost, None);
    assert_eq!(
        comparison_sentence(&a, &c, "Now", Lang::En),
        "The advice stays Pay per trip (OV-chipkaart or OVpay)."
    );
    // Fewer trips, cheaper.
    let other = with(&a, &[("trips_per_week", 7.0)]);
    let c = compare(&a, &base, &other, Some(cost(&a))).unwrap();
    assert!(
        comparison_sentence(&a, &c, "Now", Lang::En).ends_with("per month."),
        "{}",
        comparison_sentence(&a, &c, "Now", Lang::En)
    );
    assert!(comparison_sentence(&a, &c, "Nu", Lang::Nl).contains("per maand minder."));
}

#[test]
fn one_decisive_change_among_several() {
    let a = ret();
    let base = a.default_scenario();
    // More trips flips the advice on its own; living elsewhere does nothing for an adult.
    let other = with(&a, &[("trips_per_week", 14.0), ("lives_in_rotterdam", 0.0)]);
    let c = compare(&a, &base, &other, Some(cost(&a))).unwrap();
    assert_eq!(c.differences.len(), 2);
    assert_eq!(c.decisive, vec![0]);
    let s = comparison_sentence(&a, &c, "Nu", Lang::Nl);
    assert!(
        s.contains("Dat komt vooral door: ritten per week (8 → 14)."),
        "{s}"
    );
    assert!(!s.contains("Rotterdam ("), "{s}");
}

#[test]
fn combination_of_changes_flips_the_advice() {
    let a = ret();
    let base = a.default_scenario();
    // Neither 10 trips (97.07 against the pass's 99.00) nor 9 km (89.09) alone moves the advice
    // away from pay per trip; together (10 trips of 2.57: 111.37) the monthly pass wins.
    let other = with(&a, &[("trips_per_week", 10.0), ("distance_km", 9.0)]);
    for single in [
        with(&a, &[("trips_per_week", 10.0)]),
        with(&a, &[("distance_km", 9.0)]),
    ] {
        assert_eq!(
            a.evaluate(&single).unwrap().best(),
            Some(opt(&a, "pay_per_trip"))
        );
    }
    let c = compare(&a, &base, &other, Some(cost(&a))).unwrap();
    assert_eq!(c.other_best, Some(opt(&a, "month_pass")));
    assert_eq!(c.differences.len(), 2);
    assert!(c.decisive.is_empty());
    assert_eq!(
        comparison_sentence(&a, &c, "Nu", Lang::Nl),
        "Het advies wordt RET maandabonnement in plaats van Reizen op saldo (OV-chipkaart of \
         OVpay). Dat komt door de combinatie van: ritten per week (8 → 10) en hoe lang is een rit \
         meestal (7 km → 9 km). Je betaalt € 21,35 per maand meer."
    );
    assert!(comparison_sentence(&a, &c, "Now", Lang::En).contains(
        "combination of: trips per week (8 → 10) and how long is a trip usually (7 km → 9 km)."
    ),);
}

#[test]
fn a_weight_change_can_be_decisive() {
    let a = ret();
    let base = a.default_scenario();
    // Only the price counts: with 10 trips the yearly pass (82.50) is cheapest.
    let mut other = with(&a, &[("trips_per_week", 10.0)]);
    other.weights = vec![10.0, 0.0, 0.0];
    let c = compare(&a, &base, &other, Some(cost(&a))).unwrap();
    assert_eq!(c.base_best, Some(opt(&a, "pay_per_trip")));
    assert_eq!(c.other_best, Some(opt(&a, "year_pass")));
    let changes: Vec<Change> = c.differences.iter().map(|d| d.change).collect();
    assert_eq!(
        changes,
        vec![
            Change::Input(idx(&a, "trips_per_week")),
            Change::Weight(0),
            Change::Weight(1),
            Change::Weight(2),
        ]
    );
    // The cost share alone at 100% gives the cheapest option at 8 trips: pay per trip, so it
    // is not decisive; nor is the 10 trips alone. The flexibility share at 0 (others kept)
    // favours the yearly pass: decisive.
    let decisive: Vec<Change> = c
        .decisive
        .iter()
        .map(|&k| c.differences[k].change)
        .collect();
    assert!(decisive.contains(&Change::Weight(1)), "{decisive:?}");
    assert!(!decisive.contains(&Change::Weight(0)), "{decisive:?}");
    let s = comparison_sentence(&a, &c, "Nu", Lang::Nl);
    assert!(s.contains("hoe zwaar Vrijheid telt (20% → 0%)"), "{s}");
}

/// A small advisor where no option may fit: both options need x > 5.
const TINY: &str = r#"id = "tiny"
version = "1"
valid_from = "2024-01-01"
owner = "test"
title = { nl = "t", en = "t" }
[inputs.x]
kind = "integer"
min = 0
max = 10
default = 8
label = { nl = "Hoeveel?", en = "How many?" }
[factors.cost]
label = { nl = "Kosten", en = "Cost" }
direction = "lower_is_better"
weight = 1
scaling = { worst = 100, best = 0 }
format = "euro"
[options.a]
label = { nl = "Optie A", en = "Option A" }
eligible_if = "x > 5"
not_eligible = { nl = "Te weinig.", en = "Too few." }
values = { cost = "x" }
[options.b]
label = { nl = "Optie B", en = "Option B" }
eligible_if = "x > 5"
not_eligible = { nl = "Te weinig.", en = "Too few." }
values = { cost = "x + 1" }
"#;

#[test]
fn no_option_fits_on_one_side() {
    let a = Advisor::parse(TINY, "tiny.toml").unwrap();
    let base = a.default_scenario();
    let mut other = base.clone();
    other.inputs[0] = 2.0;
    let c = compare(&a, &base, &other, Some(0)).unwrap();
    assert_eq!((c.base_best, c.other_best), (Some(0), None));
    assert_eq!(c.other_cost, None);
    assert_eq!(c.decisive, vec![0]);
    assert_eq!(
        comparison_sentence(&a, &c, "Nu", Lang::Nl),
        "Hier past geen enkele keuze. Bij Nu is het advies Optie A. Dat komt vooral door: hoeveel (8 → 2)."
    );
    let back = compare(&a, &other, &base, Some(0)).unwrap();
    assert_eq!(
        comparison_sentence(&a, &back, "Now", Lang::En),
        "The advice becomes Option A. With Now, none of the options fits. This is mainly due to: how many (2 → 8)."
    );
    let mut third = other.clone();
    third.inputs[0] = 3.0;
    let both = compare(&a, &other, &third, Some(0)).unwrap();
    assert_eq!(
        comparison_sentence(&a, &both, "Nu", Lang::Nl),
        "Net als bij Nu past geen enkele keuze bij deze antwoorden."
    );
}

// ------------------------------------------------------------------ plans

fn p(scenario: usize, months: u32) -> Period {
    Period { scenario, months }
}

#[test]
fn two_period_plan_totals() {
    let a = ret();
    let now = a.default_scenario();
    let busy = with(&a, &[("trips_per_week", 20.0)]);
    let scenarios = [now.clone(), busy.clone()];
    let pl = plan(&a, &scenarios, &[p(0, 5), p(1, 7)], cost(&a)).unwrap();
    assert_eq!(pl.total_months, 12);
    assert_eq!(pl.periods.len(), 2);
    assert_eq!(
        (pl.periods[0].first_month, pl.periods[1].first_month),
        (1, 6)
    );
    let (ppt, month, year, free) = (
        opt(&a, "pay_per_trip"),
        opt(&a, "month_pass"),
        opt(&a, "year_pass"),
        opt(&a, "free_child"),
    );
    assert_eq!(pl.periods[0].best, Some(ppt));
    assert_eq!(pl.periods[1].best, Some(month));
    assert!(pl.switches);

    // Expected totals from the engine's own per-option costs.
    let (e0, e1) = (a.evaluate(&now).unwrap(), a.evaluate(&busy).unwrap());
    let c = cost(&a);
    let cents = |x: f64| (x * 100.0).round() / 100.0;
    let follow =
        cents(cents(e0.options[ppt].values[c] * 5.0) + cents(e1.options[month].values[c] * 7.0));
    assert_eq!(pl.follow_total, Some(follow));
    for k in &pl.keep {
        let o = k.option;
        if o == free {
            continue;
        }
        let expected =
            cents(cents(e0.options[o].values[c] * 5.0) + cents(e1.options[o].values[c] * 7.0));
        assert_eq!(k.total, Some(expected), "option {o}");
        assert_eq!(k.not_eligible_in, None);
    }

    // By hand from the definition's figures: a trip of 7 km costs round(1.08 + 7 * 0.166, 2)
    // = 2.24; 8 trips a week is 8 * 52/12 = 34.67 trips a month: round(34.67 * 2.24, 2) =
    // 77.65 a month, 388.25 for 5 months. Then 7 months of the monthly pass at 99.00: 693.00.
    assert_eq!(pl.periods[0].cost, Some(77.65));
    assert_eq!(pl.periods[0].subtotal, Some(388.25));
    assert_eq!(pl.periods[1].subtotal, Some(693.0));
    assert_eq!(pl.follow_total, Some(1081.25));
    // 20 trips: 86.67 trips a month, round(86.67 * 2.24, 2) = 194.13; 5 * 77.65 + 7 * 194.13.
    assert_eq!(pl.keep[ppt].total, Some(1747.16));
    // The yearly pass at 990 / 12 = 82.50 a month: 990.00 for 12 months, the cheapest kept.
    assert_eq!(pl.keep[year].total, Some(990.0));
    assert_eq!(pl.best_keep, Some(year));

    // Free travel for children: never possible for an adult.
    assert_eq!(pl.keep[free].total, None);
    assert_eq!(pl.keep[free].not_eligible_in, Some(0));

    // Following the advice (which weighs more than price) is dearer than keeping the yearly
    // pass.
    assert_eq!(
        plan_sentence(&a, &pl, Lang::Nl),
        "Als je overstapt bij elke verandering, betaal je in 12 maanden € 1.081,25. Eén product \
         houden is even duur of goedkoper: met RET jaarabonnement betaal je € 990,00. We tellen \
         alleen de kosten per maand, geen opzegtermijnen."
    );
}

#[test]
fn switching_pays_off_when_only_the_price_counts() {
    let a = ret();
    let mut now = a.default_scenario();
    now.weights = vec![10.0, 0.0, 0.0];
    let mut busy = with(&a, &[("trips_per_week", 20.0)]);
    busy.weights = now.weights.clone();
    let pl = plan(&a, &[now, busy], &[p(0, 5), p(1, 7)], cost(&a)).unwrap();
    // 5 * 77.65 + 7 * 82.50 = 388.25 + 577.50 = 965.75 against 990.00 for the yearly pass.
    assert_eq!(pl.periods[1].best, Some(opt(&a, "year_pass")));
    assert_eq!(pl.follow_total, Some(965.75));
    assert_eq!(pl.best_keep, Some(opt(&a, "year_pass")));
    assert_eq!(
        plan_sentence(&a, &pl, Lang::Nl),
        "Als je overstapt bij elke verandering, betaal je in 12 maanden € 965,75. Houd je de hele \
         tijd RET jaarabonnement, dan betaal je € 990,00. Overstappen scheelt € 24,25. We tellen \
         alleen de kosten per maand, geen opzegtermijnen."
    );
    assert_eq!(
        plan_sentence(&a, &pl, Lang::En),
        "If you switch at every change, you pay €965.75 in 12 months. If you keep RET yearly pass \
         all the time, you pay €990.00. Switching saves €24.25. We only count the cost per month, \
         not notice periods."
    );
}

#[test]
fn same_advice_in_every_period() {
    let a = ret();
    let now = a.default_scenario();
    let more = with(&a, &[("trips_per_week", 9.0)]);
    let pl = plan(&a, &[now, more], &[p(0, 3), p(1, 3), p(0, 1)], cost(&a)).unwrap();
    assert!(!pl.switches);
    assert_eq!(pl.total_months, 7);
    // 3 * 77.65 + 3 * 87.36 + 77.65 = 232.95 + 262.08 + 77.65.
    assert_eq!(pl.follow_total, Some(572.68));
    assert_eq!(pl.keep[opt(&a, "pay_per_trip")].total, Some(572.68));
    assert_eq!(
        plan_sentence(&a, &pl, Lang::Nl),
        "Het advies is in elke periode hetzelfde: Reizen op saldo (OV-chipkaart of OVpay). \
         Daarmee betaal je in 7 maanden € 572,68. We tellen alleen de kosten per maand, geen \
         opzegtermijnen."
    );
}

#[test]
fn a_child_who_grows_up() {
    let a = ret();
    // A toddler (only free travel) for 6 months, then 4-11 travelling alone (free travel not
    // possible), then with an adult again.
    let toddler = with(&a, &[("age_group", age(&a, "0-3"))]);
    let alone = with(
        &a,
        &[("age_group", age(&a, "4-11")), ("travels_with_adult", 0.0)],
    );
    let with_adult = with(&a, &[("age_group", age(&a, "4-11"))]);
    let pl = plan(
        &a,
        &[toddler, alone, with_adult],
        &[p(0, 6), p(1, 6), p(2, 6)],
        cost(&a),
    )
    .unwrap();
    let free = opt(&a, "free_child");
    assert_eq!(pl.periods[0].best, Some(free));
    assert_eq!(pl.periods[0].subtotal, Some(0.0));
    assert_eq!(pl.keep[free].not_eligible_in, Some(1));
    assert_eq!(pl.keep[free].total, None);
    // Every paid option is not possible for the toddler.
    assert_eq!(pl.keep[opt(&a, "month_pass")].not_eligible_in, Some(0));
    assert_eq!(pl.best_keep, None);
    assert!(pl.switches);
    assert!(pl.follow_total.is_some());
    assert_eq!(
        plan_sentence(&a, &pl, Lang::En),
        format!(
            "If you switch at every change, you pay {} in 18 months. No single product fits in \
             every period. We only count the cost per month, not notice periods.",
            advies_engine::format::euro(pl.follow_total.unwrap(), Lang::En)
        )
    );
}

#[test]
fn plan_errors_and_limits() {
    let a = ret();
    let sc = [a.default_scenario()];
    assert_eq!(plan(&a, &sc, &[], cost(&a)), Err(PlanError::NoPeriods));
    assert_eq!(
        plan(&a, &[], &[p(0, 1)], cost(&a)),
        Err(PlanError::BadScenario(0))
    );
    assert_eq!(
        plan(&a, &sc, &[p(0, 1), p(3, 1)], cost(&a)),
        Err(PlanError::BadScenario(1))
    );
    assert_eq!(
        PlanError::BadScenario(1).to_string(),
        "period 2 refers to a scenario that does not exist"
    );
    // Months clamped to 1..=MAX_PERIOD_MONTHS; periods beyond MAX_PERIODS ignored (even one
    // with a bad scenario).
    let mut periods = vec![p(0, 0), p(0, 1000)];
    periods.extend((0..20).map(|_| p(0, 2)));
    periods.push(p(9, 1));
    let pl = plan(&a, &sc, &periods, cost(&a)).unwrap();
    assert_eq!(pl.periods.len(), MAX_PERIODS);
    assert_eq!(pl.periods[0].months, 1);
    assert_eq!(pl.periods[1].months, MAX_PERIOD_MONTHS);
    assert_eq!(pl.periods[2].first_month, 2 + MAX_PERIOD_MONTHS);
    assert_eq!(
        pl.total_months,
        1 + MAX_PERIOD_MONTHS + 2 * (MAX_PERIODS as u32 - 2)
    );
    // A cost factor out of range: every cost unknown, the advice still there.
    let pl = plan(&a, &sc, &[p(0, 1)], 99).unwrap();
    assert_eq!(pl.periods[0].best, Some(opt(&a, "pay_per_trip")));
    assert_eq!(pl.follow_total, None);
    assert_eq!(pl.best_keep, None);
    assert!(pl.keep.iter().all(|k| k.total.is_none()));
    assert_eq!(pl.keep[opt(&a, "month_pass")].not_eligible_in, None);
}

// ------------------------------------------------------------------ properties

fn ret_scenario() -> impl Strategy<Value = Vec<f64>> {
    (0u32..=40, 1u32..=50, 1u32..=7, 0u32..5, 0u32..2, 0u32..2).prop_map(
        |(t, d, days, age, lives, adult)| {
            vec![
                f64::from(t),
                f64::from(d),
                f64::from(days),
                f64::from(age),
                f64::from(lives),
                f64::from(adult),
            ]
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// With only the price counting, each period's advice is its cheapest option, so following
    /// the advice never costs more than keeping any one option.
    #[test]
    fn following_price_only_advice_is_never_dearer(
        inputs in prop::collection::vec(ret_scenario(), 1..4),
        periods in prop::collection::vec((0usize..3, 1u32..=24), 1..5),
    ) {
        let a = ret();
        let c = cost(&a);
        let scenarios: Vec<Scenario> = inputs
            .into_iter()
            .map(|inputs| Scenario { inputs, weights: vec![10.0, 0.0, 0.0] })
            .collect();
        let periods: Vec<Period> = periods
            .into_iter()
            .map(|(s, months)| p(s % scenarios.len(), months))
            .collect();
        let pl = plan(&a, &scenarios, &periods, c).unwrap();
        let follow = pl.follow_total.expect("RET always has an option");
        let sum: f64 = pl.periods.iter().map(|r| r.subtotal.unwrap()).sum();
        prop_assert!((follow - (sum * 100.0).round() / 100.0).abs() < 1e-9);
        prop_assert_eq!(pl.total_months, periods.iter().map(|p| p.months).sum::<u32>());
        for k in &pl.keep {
            if let Some(t) = k.total {
                prop_assert!(follow <= t + 1e-9, "follow {} > keep {} of {}", follow, t, k.option);
                prop_assert_eq!(k.not_eligible_in, None);
            } else {
                prop_assert!(k.not_eligible_in.is_some());
            }
        }
        if let Some(b) = pl.best_keep {
            let bt = pl.keep[b].total.unwrap();
            prop_assert!(pl.keep.iter().filter_map(|k| k.total).all(|t| bt <= t));
        }
        for lang in Lang::ALL {
            let s = plan_sentence(&a, &pl, lang);
            prop_assert!(!s.is_empty());
            if pl.switches {
                prop_assert!(!s.contains("Eén product houden is even duur") || pl.best_keep.is_some());
            }
        }
    }

    /// Comparing two scenarios: differences are symmetric in number, every decisive change
    /// really gives the other advice, and the sentence mentions both advices when they differ.
    #[test]
    fn comparisons_are_consistent(
        x in ret_scenario(), y in ret_scenario(),
        wx in prop::collection::vec(0u32..=10, 3), wy in prop::collection::vec(0u32..=10, 3),
    ) {
        let a = ret();
        let base = Scenario { inputs: x, weights: wx.into_iter().map(f64::from).collect() };
        let other = Scenario { inputs: y, weights: wy.into_iter().map(f64::from).collect() };
        let c = compare(&a, &base, &other, Some(cost(&a))).unwrap();
        let back = compare(&a, &other, &base, Some(cost(&a))).unwrap();
        prop_assert_eq!(c.differences.len(), back.differences.len());
        if c.base_best == c.other_best {
            prop_assert!(c.decisive.is_empty());
        }
        for lang in Lang::ALL {
            let s = comparison_sentence(&a, &c, "Nu", lang);
            if let (Some(b), Some(o)) = (c.base_best, c.other_best)
                && b != o
            {
                prop_assert!(s.contains(&label(&a, b, lang)) && s.contains(&label(&a, o, lang)), "{}", s);
            }
            for d in &c.differences {
                prop_assert!(change_label(&a, d, lang).contains(" → "));
            }
        }
        check_decisive(&a, &base, &c)?;
    }

    /// Nothing panics on any numbers, lengths or indexes.
    #[test]
    fn never_panics(
        xs in prop::collection::vec(prop_oneof![any::<f64>(), -5.0f64..50.0], 0..9),
        ys in prop::collection::vec(any::<f64>(), 0..9),
        wx in prop::collection::vec(any::<f64>(), 0..5),
        wy in prop::collection::vec(prop_oneof![any::<f64>(), 0.0f64..10.0], 0..5),
        periods in prop::collection::vec((0usize..4, any::<u32>()), 0..16),
        cf in 0usize..5,
    ) {
        let a = ret();
        let base = Scenario { inputs: xs, weights: wx };
        let other = Scenario { inputs: ys, weights: wy };
        let cfo = if cf == 4 { None } else { Some(cf) };
        if let Ok(c) = compare(&a, &base, &other, cfo) {
            for lang in Lang::ALL {
                comparison_sentence(&a, &c, "Nu", lang);
                for d in &c.differences {
                    change_label(&a, d, lang);
                }
            }
        }
        // Made-up differences with indexes out of range.
        let odd = Comparison {
            differences: vec![
                Difference { change: Change::Input(99), base: f64::NAN, other: 1.0 },
                Difference { change: Change::Weight(99), base: f64::INFINITY, other: -1.0 },
            ],
            base_best: Some(99),
            other_best: Some(98),
            base_cost: Some(f64::NAN),
            other_cost: Some(1.0),
            decisive: vec![0, 7],
        };
        comparison_sentence(&a, &odd, "", Lang::Nl);
        let periods: Vec<Period> = periods.into_iter().map(|(s, months)| p(s, months)).collect();
        if let Ok(pl) = plan(&a, &[base, other], &periods, cf) {
            for lang in Lang::ALL {
                plan_sentence(&a, &pl, lang);
            }
        }
    }
}

fn check_decisive(a: &Advisor, base: &Scenario, c: &Comparison) -> Result<(), TestCaseError> {
    let base_ev = a.evaluate(base).unwrap();
    for &k in &c.decisive {
        let sc = advies_engine::scenarios::apply(base, &base_ev, &c.differences[k]);
        prop_assert_eq!(a.evaluate(&sc).unwrap().best(), c.other_best);
    }
    Ok(())
}

/// NS: two questions in %. A change names the question by its short label, with the unit
/// on the values, because "%" alone does not say which share changed.
#[test]
fn a_change_of_a_question_with_a_shared_unit_is_named() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../advisors/ns/definition.toml");
    let a = Advisor::parse(&fs::read_to_string(path).unwrap(), "ns/definition.toml").unwrap();
    let base = a.default_scenario();
    let other = with(&a, &[("peak_share", 90.0)]);
    let c = compare(&a, &base, &other, a.cost_factor).unwrap();
    assert_eq!(
        change_label(&a, &c.differences[0], Lang::Nl),
        "Deel in de spits: 20 % → 90 %"
    );
    assert_eq!(
        change_label(&a, &c.differences[0], Lang::En),
        "Share in peak hours: 20 % → 90 %"
    );
    // 90% peak, weekend min(30, 10) = 10%: Dal Voordeel 4.1667 + 100 x (0.9 + 0.6 x 0.1) =
    // 100.17 against none 100 (cost and fixed both favour none now); before: Dal Voordeel
    // 72.17. So none, EUR 100 - 72.17 = 27.83 more.
    assert_eq!(
        comparison_sentence(&a, &c, "Nu", Lang::Nl),
        "Het advies wordt Geen abonnement in plaats van Dal Voordeel. \
         Dat komt vooral door: deel in de spits (20 % → 90 %). Je betaalt € 27,83 per maand meer."
    );
}
