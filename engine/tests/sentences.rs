//! Generated sentences name their question when several questions share a unit (issue 21):
//! the example of the issue, three counts in "ritten per week".

use advies_engine::explain::{chart_summary, explain};
use advies_engine::scenarios::{change_label, compare};
use advies_engine::{Advisor, Lang};

/// Trips before 9 (with a peak pass), other weekday trips and weekend trips, all in "ritten
/// per week"; the weekend question has no short label. Costs per week: single trips EUR 3 each
/// (EUR 4 before 9), a peak pass EUR 10 plus EUR 3 for each other trip.
const TRIPS: &str = r#"id = "trips"
version = "1"
valid_from = "2024-01-01"
owner = "test"
title = { nl = "t", en = "t" }
[inputs.early]
kind = "integer"
min = 0
max = 10
default = 1
label = { nl = "Hoeveel ritten maak je voor 9 uur?", en = "How many trips do you make before 9?" }
unit = { nl = "ritten per week", en = "trips per week" }
unit_one = { nl = "rit per week", en = "trip per week" }
short = { nl = "ritten voor 9 uur", en = "trips before 9" }
[inputs.weekday]
kind = "integer"
min = 0
max = 10
default = 2
label = { nl = "Hoeveel andere ritten maak je op werkdagen?", en = "How many other weekday trips do you make?" }
unit = { nl = "ritten per week", en = "trips per week" }
unit_one = { nl = "rit per week", en = "trip per week" }
short = { nl = "andere ritten op werkdagen", en = "other weekday trips" }
[inputs.weekend]
kind = "integer"
min = 0
max = 10
default = 1
label = { nl = "Hoeveel ritten maak je in het weekend?", en = "How many trips do you make at the weekend?" }
unit = { nl = "ritten per week", en = "trips per week" }
unit_one = { nl = "rit per week", en = "trip per week" }
[factors.cost]
label = { nl = "Kosten per week", en = "Cost per week" }
direction = "lower_is_better"
weight = 1
scaling = { worst = 100, best = 0 }
format = "euro"
[options.single]
label = { nl = "Losse kaartjes", en = "Single tickets" }
values = { cost = "4 * early + 3 * (weekday + weekend)" }
[options.peak]
label = { nl = "Spitspas", en = "Peak pass" }
values = { cost = "10 + 3 * (weekday + weekend)" }
"#;

#[test]
fn tipping_sentences_name_the_question() {
    // Single tickets cost 4 x early more before 9; the pass 10: single while 4 x early < 10,
    // so up to 2, and at 3 or more (12 > 10) the peak pass. The other counts cost the same
    // in both: no tipping point.
    let a = Advisor::parse(TRIPS, "trips.toml").unwrap();
    let mut sc = a.default_scenario();
    sc.inputs[0] = 2.0;
    let (ev, an) = a.analyse(&sc).unwrap();
    let nl = explain(&a, &ev, &an, Lang::Nl);
    assert_eq!(
        nl.tipping,
        vec!["Ritten voor 9 uur: bij 3 ritten per week of meer is Spitspas goedkoper."]
    );
    let en = explain(&a, &ev, &an, Lang::En);
    assert_eq!(
        en.tipping,
        vec!["Trips before 9: at 3 trips per week or more, Peak pass is cheaper."]
    );
    let d = advies_engine::chart::chart_data(&a, &sc, &ev, &an, 0);
    assert_eq!(
        chart_summary(&a, &d, Lang::Nl),
        "Ritten voor 9 uur: tot en met 2 ritten per week past Losse kaartjes het best. \
         Vanaf 3 ritten per week past Spitspas het best. Jij zit nu op 2 ritten per week."
    );
}

#[test]
fn a_change_names_the_question() {
    let a = Advisor::parse(TRIPS, "trips.toml").unwrap();
    let base = a.default_scenario();
    let mut other = base.clone();
    other.inputs = vec![4.0, 2.0, 3.0];
    let c = compare(&a, &base, &other, None).unwrap();
    let labels: Vec<String> = c
        .differences
        .iter()
        .map(|d| change_label(&a, d, Lang::Nl))
        .collect();
    // Before: "Ritten per week: 1 → 4" and "Ritten per week: 1 → 3", side by side.
    assert_eq!(
        labels,
        vec![
            "Ritten voor 9 uur: 1 rit per week → 4 ritten per week",
            "Hoeveel ritten maak je in het weekend: 1 rit per week → 3 ritten per week",
        ]
    );
}
