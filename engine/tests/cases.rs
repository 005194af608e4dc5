//! The case runner: a case's `parameters` count in its tipping points, weight intervals and
//! margin; `expect.margin` and `expect.borderline`; exact ties.

use advies_engine::Advisor;
use advies_engine::analysis::{Analyzer, Nearest};
use advies_engine::cases::run_cases;
use advies_engine::explain::explain;
use advies_engine::text::Lang;

const RET: &str = include_str!("../../advisors/ret/definition.toml");

/// Trips `n` (0..20) at EUR 2 each against a pass at `price` (10): only cost counts, but a
/// flexibility factor may be weighted in a case.
const PASS: &str = r#"id = "pass"
version = "1"
valid_from = "2024-01-01"
owner = "test"
title = { nl = "t", en = "t" }
[inputs.n]
kind = "integer"
min = 0
max = 20
default = 2
label = { nl = "n", en = "n" }
[parameters.price]
value = 10
label = { nl = "p", en = "p" }
status = "illustrative"
note = { nl = "n", en = "n" }
[factors.cost]
label = { nl = "c", en = "c" }
direction = "lower_is_better"
weight = 1
scaling = { worst = 100, best = 0 }
[factors.flex]
label = { nl = "f", en = "f" }
direction = "higher_is_better"
weight = 0
scaling = { worst = 0, best = 1 }
[options.trips]
label = { nl = "Losse ritten", en = "Single trips" }
values = { cost = "2 * n", flex = 1 }
[options.pass]
label = { nl = "Abonnement", en = "Pass" }
values = { cost = "price", flex = 0 }
"#;

fn failures(cases: &str) -> Vec<String> {
    let a = Advisor::parse(PASS, "pass.toml").unwrap();
    run_cases(&a, cases, "cases.toml")
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .flat_map(|r| r.failures)
        .collect()
}

#[test]
fn tipping_points_use_the_case_parameters() {
    // price 20: trips cost 2n, equal at n = 10 (a tie: trips first), the pass from 11.
    // With the definition's price 10 it would be 6; before the fix the runner said so.
    let cases = r#"
[[case]]
name = "pass of 20"
parameters = { price = 20 }
expect.tipping_points.n = [{ at = 11, from = "trips", to = "pass" }]
"#;
    assert_eq!(failures(cases), Vec::<String>::new());
    let wrong = cases.replace("at = 11", "at = 6");
    assert_eq!(
        failures(&wrong),
        vec!["tipping points of n: expected [6 (trips -> pass)], got [11 (trips -> pass)]"]
    );
}

#[test]
fn weight_intervals_use_the_case_parameters() {
    // n = 2, price 20, weights cost 1 and flex 1 (shares 1/2): trips cost 4 (scaled 0.96,
    // flex 1), pass 20 (0.8, 0). Trips stay best for every cost share t: t 0.96 + (1 - t) >=
    // t 0.8. With flex share s: s + (1 - s) 0.96 >= (1 - s) 0.8 for every s. So 0..1 both.
    // Raise the price's effect: trips at 12 (n = 6) cost 12 (0.88), pass 20 (0.8); still
    // nobody. A pass of 5 (0.95) against trips 12 (0.88): trips best while
    // s + (1 - s) 0.88 >= (1 - s) 0.95  <=>  s >= 0.07 / 1.07 = 0.065421.
    let cases = r#"
[[case]]
name = "pass of 5, 6 trips"
inputs = { n = 6 }
weights = { cost = 1, flex = 1 }
parameters = { price = 5 }
expect.advice = "trips"
expect.weight_intervals.flex = { from = 0.065421, to = 1.0, below = "pass" }
"#;
    assert_eq!(failures(cases), Vec::<String>::new());
}

#[test]
fn margin_and_borderline_can_be_expected() {
    // n = 8, price 20: the pass takes over at 11, +3/8 = 0.375 (flex has no weight: its
    // share 0 would have to rise to t with t + (1 - t) 0.84 < (1 - t) 0.8: never). Solid.
    let cases = r#"
[[case]]
name = "eight trips"
inputs = { n = 8 }
parameters = { price = 20 }
expect.margin = 0.375
expect.borderline = false
"#;
    assert_eq!(failures(cases), Vec::<String>::new());
    let wrong = cases.replace("0.375", "0.25").replace("= false", "= true");
    assert_eq!(
        failures(&wrong),
        vec![
            "margin: expected 0.25 (±0.005), got 0.375",
            "borderline: expected true, got false (margin 0.375)"
        ]
    );
}

#[test]
fn an_exact_tie_has_margin_zero_and_is_borderline() {
    // n = 10, price 20: both cost 20, a tie (trips first by the definition order).
    let cases = r#"
[[case]]
name = "a tie"
inputs = { n = 10 }
parameters = { price = 20 }
expect.advice = "trips"
expect.margin = 0
expect.borderline = true
"#;
    assert_eq!(failures(cases), Vec::<String>::new());
    // Before the fix the margin was the distance to the tipping point at 11: 1/10.
    let a = Advisor::parse(PASS, "pass.toml").unwrap();
    let mut sc = a.default_scenario();
    sc.inputs[0] = 10.0;
    let params = [20.0];
    let mut ev = a.empty_evaluation();
    a.evaluate_into(&sc, Some(&params), &mut ev).unwrap();
    let an = Analyzer::with_parameters(&a, &params).analyse(&sc, &ev, 0.10);
    assert_eq!(an.margin.value, Some(0.0));
    assert!(an.margin.borderline);
    assert_eq!(an.margin.nearest, Some(Nearest::Tie { option: 1 }));
    // Even with a threshold of 0 a tie is borderline.
    let an = Analyzer::with_parameters(&a, &params).analyse(&sc, &ev, 0.0);
    assert!(an.margin.borderline);
}

#[test]
fn an_exact_tie_is_explained_as_scoring_the_same() {
    // RET with a monthly pass of 77.65, the pay-per-trip cost at the default answers: both
    // score 0.68705 (cases.toml).
    let a = Advisor::parse(RET, "ret.toml").unwrap();
    let mut params: Vec<f64> = a.params.iter().map(|p| p.value).collect();
    params[a.param_index("month_pass_price").unwrap()] = 77.65;
    let sc = a.default_scenario();
    let mut ev = a.empty_evaluation();
    a.evaluate_into(&sc, Some(&params), &mut ev).unwrap();
    let an = Analyzer::with_parameters(&a, &params).analyse(&sc, &ev, 0.10);
    let nl = explain(&a, &ev, &an, Lang::Nl);
    assert_eq!(
        nl.why,
        "Reizen op saldo (OV-chipkaart of OVpay) en RET maandabonnement scoren gelijk. Ze passen even goed."
    );
    assert!(nl.borderline);
    let en = explain(&a, &ev, &an, Lang::En);
    assert_eq!(
        en.why,
        "Pay per trip (OV-chipkaart or OVpay) and RET monthly pass score the same. They fit equally well."
    );
}

#[test]
fn a_margin_below_zero_is_refused() {
    let a = Advisor::parse(PASS, "pass.toml").unwrap();
    let cases = "[[case]]\nname = \"x\"\nexpect.margin = -1\n";
    let e = run_cases(&a, cases, "cases.toml").unwrap_err().to_string();
    assert_eq!(
        e,
        "cases.toml:3:17: case[0].expect.margin: the margin is a relative change: a number of 0 or more (0.375 means 37.5 %)"
    );
}
