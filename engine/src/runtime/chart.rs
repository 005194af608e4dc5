//! Data for the tipping-point chart: for one numeric input, each option's headline value (when
//! only the headline factor counts) or score (otherwise) across the input's range, the winning
//! region of each option, and the tipping points. The view only draws what this returns.

use crate::advisor::Advisor;
use crate::analysis::{Analysis, Analyzer, Nearest, TippingPoint};
use crate::eval::{Evaluation, Scenario};
use crate::model::InputKind;

/// Most points per line; integer inputs with fewer values get one point per value.
pub const MAX_POINTS: usize = 121;

/// What the chart's vertical axis shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// The first factor's value (e.g. cost per month): only that factor has weight.
    Headline,
    /// The score, 0..100 points: several factors count.
    Score,
}

/// A stretch of the input's range where one option is best.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// First value of the stretch.
    pub from: f64,
    /// Last value of the stretch.
    pub to: f64,
    /// Best option there (None: nothing eligible).
    pub best: Option<usize>,
}

/// Everything the chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// The input on the horizontal axis.
    pub input: usize,
    /// What the vertical axis shows.
    pub metric: Metric,
    /// Sample positions.
    pub xs: Vec<f64>,
    /// Per option, per sample: the value, or None where the option is not possible.
    pub lines: Vec<Vec<Option<f64>>>,
    /// Winning regions, left to right.
    pub regions: Vec<Region>,
    /// Tipping points of this input.
    pub tipping_points: Vec<TippingPoint>,
    /// The citizen's current value.
    pub current: f64,
}

/// True when only the first (headline) factor has weight.
pub fn headline_only(ev: &Evaluation) -> bool {
    ev.weights.iter().skip(1).all(|w| *w == 0.0)
}

/// The numeric inputs the chart can show (visible ones).
pub fn chartable_inputs(advisor: &Advisor, ev: &Evaluation) -> Vec<usize> {
    (0..advisor.inputs.len())
        .filter(|&i| {
            ev.visible[i]
                && matches!(
                    advisor.inputs[i].kind,
                    InputKind::Integer | InputKind::Number
                )
        })
        .collect()
}

/// The default input of the chart: the one closest to flipping the advice, else the first
/// numeric input that has a tipping point, else the first numeric input.
pub fn default_input(advisor: &Advisor, ev: &Evaluation, an: &Analysis) -> Option<usize> {
    let inputs = chartable_inputs(advisor, ev);
    let nearest_input = an
        .tipping_points
        .iter()
        .filter(|t| inputs.contains(&t.input))
        .min_by(|a, b| {
            let d = |t: &TippingPoint| {
                let inp = &advisor.inputs[t.input];
                (t.at - ev.slots[t.input]).abs() / (inp.max - inp.min)
            };
            d(a).total_cmp(&d(b))
        })
        .map(|t| t.input);
    if let Some(Nearest::Input { input, .. }) = an.margin.nearest
        && inputs.contains(&input)
    {
        return Some(input);
    }
    nearest_input.or_else(|| inputs.first().copied())
}

/// Computes the chart data for `input`.
pub fn chart_data(
    advisor: &Advisor,
    sc: &Scenario,
    ev: &Evaluation,
    an: &Analysis,
    input: usize,
) -> ChartData {
    let inp = &advisor.inputs[input];
    let metric = if headline_only(ev) {
        Metric::Headline
    } else {
        Metric::Score
    };
    let steps = ((inp.max - inp.min) / inp.step).round() as usize;
    let n = (steps + 1).min(MAX_POINTS);
    let xs: Vec<f64> = (0..n)
        .map(|k| {
            let v = if n == steps + 1 {
                inp.min + k as f64 * inp.step
            } else {
                inp.min + (inp.max - inp.min) * k as f64 / (n - 1) as f64
            };
            advisor.clamp_input(input, v)
        })
        .collect();
    let mut lines = vec![Vec::with_capacity(n); advisor.options.len()];
    let mut s = sc.clone();
    let mut e = advisor.empty_evaluation();
    for &x in &xs {
        s.inputs[input] = x;
        let ok = advisor.evaluate_into(&s, None, &mut e).is_ok();
        for (o, line) in lines.iter_mut().enumerate() {
            let r = &e.options[o];
            line.push(if ok && r.eligible {
                Some(match metric {
                    Metric::Headline => r.values[0],
                    Metric::Score => r.score * 100.0,
                })
            } else {
                None
            });
        }
    }
    // The analysis covers visible inputs; a hidden one is analysed here.
    let tipping_points: Vec<TippingPoint> = if ev.visible[input] {
        an.tipping_points
            .iter()
            .filter(|t| t.input == input)
            .cloned()
            .collect()
    } else {
        Analyzer::new(advisor).tipping_points(sc, input)
    };
    // Regions from the tipping points (exact), starting with the best option at the minimum.
    let mut regions = Vec::new();
    let mut start = inp.min;
    s.inputs[input] = inp.min;
    // Where the minimum fails to evaluate, it is not "no option": the first region's advice
    // is the one the first tipping point starts from (or the current advice).
    let mut current_best = match advisor.evaluate_into(&s, None, &mut e) {
        Ok(()) => e.best(),
        Err(_) => tipping_points.first().map_or(ev.best(), |t| t.from),
    };
    for tp in &tipping_points {
        let end = advisor.clamp_input(input, tp.at - inp.step).max(start);
        regions.push(Region {
            from: start,
            to: end,
            best: current_best,
        });
        start = tp.at;
        current_best = tp.to;
    }
    regions.push(Region {
        from: start,
        to: inp.max,
        best: current_best,
    });
    ChartData {
        input,
        metric,
        xs,
        lines,
        regions,
        tipping_points,
        current: ev.slots[input],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RET: &str = include_str!("../../../advisors/ret/definition.toml");

    #[test]
    fn ret_trips_chart() {
        let a = Advisor::parse(RET, "ret.toml").unwrap();
        let sc = a.default_scenario();
        let (ev, an) = a.analyse(&sc).unwrap();
        let trips = a.input_index("trips_per_week").unwrap();
        let d = chart_data(&a, &sc, &ev, &an, trips);
        assert_eq!(d.metric, Metric::Score);
        assert_eq!(d.xs.len(), 41);
        assert_eq!(d.current, 8.0);
        // pay per trip up to 10, monthly pass from 11 (cases.toml)
        let pay = a.option_index("pay_per_trip");
        let month = a.option_index("month_pass");
        assert_eq!(
            d.regions,
            vec![
                Region {
                    from: 0.0,
                    to: 10.0,
                    best: pay
                },
                Region {
                    from: 11.0,
                    to: 40.0,
                    best: month
                }
            ]
        );
        // free travel is not possible for an adult: no line
        let free = a.option_index("free_child").unwrap();
        assert!(d.lines[free].iter().all(Option::is_none));
        // with only cost counting, the chart shows euros
        let mut sc2 = sc.clone();
        sc2.weights = vec![1.0, 0.0, 0.0];
        let (ev2, an2) = a.analyse(&sc2).unwrap();
        let d2 = chart_data(&a, &sc2, &ev2, &an2, trips);
        assert_eq!(d2.metric, Metric::Headline);
        assert!((d2.lines[pay.unwrap()][8].unwrap() - 77.65).abs() < 1e-9);
    }

    #[test]
    fn default_input_is_nearest_to_flipping() {
        let a = Advisor::parse(RET, "ret.toml").unwrap();
        let mut sc = a.default_scenario();
        sc.inputs[a.input_index("distance_km").unwrap()] = 10.0; // one km from the flip at 11
        let (ev, an) = a.analyse(&sc).unwrap();
        assert_eq!(default_input(&a, &ev, &an), a.input_index("distance_km"));
    }
}
