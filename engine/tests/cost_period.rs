//! The cost period (`[analysis] per`): totals over time convert a cost per week or per year
//! exactly (a year is 12 months and 52 weeks), and the sentences say the author's period.

use advies_engine::Advisor;
use advies_engine::model::CostPeriod;
use advies_engine::scenarios::{Period, compare, comparison_sentence, plan, plan_sentence};
use advies_engine::text::Lang;

/// Visits a week at EUR 6 each, or a week pass of EUR 15: amounts per week.
const GYM: &str = r#"id = "gym"
version = "1"
valid_from = "2024-01-01"
owner = "test"
title = { nl = "t", en = "t" }
[inputs.visits]
kind = "integer"
min = 0
max = 7
default = 2
label = { nl = "Hoe vaak ga je per week?", en = "How often do you go per week?" }
unit = { nl = "bezoeken per week", en = "visits per week" }
[parameters.visit_price]
value = 6
label = { nl = "p", en = "p" }
status = "illustrative"
note = { nl = "n", en = "n" }
[parameters.week_pass]
value = 15
label = { nl = "p", en = "p" }
status = "illustrative"
note = { nl = "n", en = "n" }
[factors.cost]
label = { nl = "Kosten per week", en = "Cost per week" }
unit = { nl = "per week", en = "per week" }
direction = "lower_is_better"
weight = 1
scaling = { worst = 100, best = 0 }
format = "euro"
[options.single]
label = { nl = "Losse bezoeken", en = "Single visits" }
values = { cost = "visits * visit_price" }
[options.pass]
label = { nl = "Weekpas", en = "Week pass" }
values = { cost = "week_pass" }
[analysis]
cost_factor = "cost"
per = "week"
"#;

fn gym(per: &str) -> Advisor {
    Advisor::parse(
        &GYM.replace("per = \"week\"", &format!("per = \"{per}\"")),
        "gym.toml",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Two visits a week (single, EUR 12) for 3 months, then four (the pass, EUR 15) for 12.
fn two_periods(a: &Advisor) -> advies_engine::scenarios::Plan {
    let mut four = a.default_scenario();
    four.inputs[0] = 4.0;
    let scenarios = [a.default_scenario(), four];
    let periods = [
        Period {
            scenario: 0,
            months: 3,
        },
        Period {
            scenario: 1,
            months: 12,
        },
    ];
    plan(a, &scenarios, &periods, a.cost_factor.unwrap()).unwrap()
}

#[test]
fn a_cost_per_week_over_months() {
    // 3 months = 3 x 52/12 = 13 weeks: 12 x 13 = 156.00. 12 months = 52 weeks: 15 x 52 = 780.00.
    // Keeping single visits: 156 + 24 x 52 = 1,404.00; the pass: 15 x 13 + 780 = 975.00.
    let a = gym("week");
    assert_eq!(a.def.analysis.per, CostPeriod::Week);
    let p = two_periods(&a);
    assert_eq!(p.periods[0].cost, Some(12.0));
    assert_eq!(p.periods[0].subtotal, Some(156.0));
    assert_eq!(p.periods[1].subtotal, Some(780.0));
    assert_eq!(p.follow_total, Some(936.0));
    assert_eq!(p.keep[0].total, Some(1404.0));
    assert_eq!(p.keep[1].total, Some(975.0));
    assert_eq!(
        plan_sentence(&a, &p, Lang::Nl),
        "Als je overstapt bij elke verandering, betaal je in 15 maanden € 936,00. \
         Houd je de hele tijd Weekpas, dan betaal je € 975,00. Overstappen scheelt € 39,00. \
         We tellen alleen de kosten per week, geen opzegtermijnen. Een jaar heeft bij ons 52 weken."
    );
    assert!(plan_sentence(&a, &p, Lang::En).ends_with(
        "We only count the cost per week, not notice periods. We count a year as 52 weeks."
    ));
}

#[test]
fn a_cost_per_year_over_months() {
    // The same amounts per year: 12 x 3/12 = 3.00, 15 x 12/12 = 15.00.
    let a = gym("year");
    let p = two_periods(&a);
    assert_eq!(p.periods[0].subtotal, Some(3.0));
    assert_eq!(p.periods[1].subtotal, Some(15.0));
    assert_eq!(p.follow_total, Some(18.0));
    assert!(plan_sentence(&a, &p, Lang::Nl).ends_with(
        "We tellen alleen de kosten per jaar, geen opzegtermijnen. Voor een maand tellen we een twaalfde deel."
    ));
    // Per month (the default): 12 x 3 + 15 x 12 = 216.00.
    let a = gym("month");
    assert_eq!(two_periods(&a).follow_total, Some(216.0));
}

#[test]
fn conversion_is_exact() {
    assert_eq!(CostPeriod::Week.over_months(15.0, 12), 780.0);
    assert_eq!(CostPeriod::Week.over_months(3.0, 3), 39.0);
    assert_eq!(CostPeriod::Year.over_months(990.0, 12), 990.0);
    assert_eq!(CostPeriod::Month.over_months(99.0, 7), 693.0);
    // A weekly amount with cents: 12 months are exactly 52 weeks.
    for cents in 0..2000 {
        let amount = f64::from(cents) / 100.0;
        let year = CostPeriod::Week.over_months(amount, 12);
        assert_eq!(
            (year * 100.0).round(),
            (amount * 52.0 * 100.0).round(),
            "{amount}"
        );
    }
}

#[test]
fn the_comparison_says_the_period() {
    // 2 -> 4 visits: single 12.00 -> the pass 15.00: EUR 3.00 more per week.
    let a = gym("week");
    let mut four = a.default_scenario();
    four.inputs[0] = 4.0;
    let c = compare(&a, &a.default_scenario(), &four, a.cost_factor).unwrap();
    assert_eq!(
        comparison_sentence(&a, &c, "Nu", Lang::Nl),
        "Het advies wordt Weekpas in plaats van Losse bezoeken. \
         Dat komt vooral door: bezoeken per week (2 → 4). Je betaalt € 3,00 per week meer."
    );
    assert_eq!(
        comparison_sentence(&a, &c, "Now", Lang::En),
        "The advice becomes Week pass instead of Single visits. \
         This is mainly due to: visits per week (2 → 4). You pay €3.00 more per week."
    );
    let a = gym("year");
    let c = compare(&a, &a.default_scenario(), &four, a.cost_factor).unwrap();
    assert!(
        comparison_sentence(&a, &c, "Nu", Lang::Nl).ends_with("Je betaalt € 3,00 per jaar meer.")
    );
}

#[test]
fn an_unknown_period_is_refused() {
    let e = Advisor::parse(
        &GYM.replace("per = \"week\"", "per = \"fortnight\""),
        "gym.toml",
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        e,
        "gym.toml:38:7: analysis.per: unknown value `fortnight` (known: `week`, `month`, `year`)"
    );
}

#[test]
fn the_json_of_a_monthly_definition_does_not_change() {
    // `per` is left out of the JSON when it is the default, so built-in definitions converted
    // before keep their exact JSON.
    let a = gym("month");
    let json = serde_json::to_string(&a.def).unwrap();
    assert!(!json.contains("\"per\""), "{json}");
    let json = serde_json::to_string(&gym("week").def).unwrap();
    assert!(json.contains("\"per\":\"week\""), "{json}");
}
