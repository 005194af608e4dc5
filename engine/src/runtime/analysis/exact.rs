//! Closed-form tipping points of a finely stepped input: where every option's score is
//! piecewise linear in the input (see [`crate::expr::linear`]), the best option can only
//! change at a breakpoint of some score or where two scores' lines cross. This module finds
//! those values; the analyzer then evaluates the step values next to each of them, so `at`
//! is exactly the first step where the advice changes, with the page's own tie rules.
//!
//! Scores are piecewise linear when every formula that depends on the input is, every
//! fixed-range factor is (a clamp of a line), and every relative factor's range (best minus
//! worst eligible value) does not change with the input where the factor's values do.

use super::InputPlan;
use crate::advisor::Advisor;
use crate::eval::Evaluation;
use crate::expr::linear::Pl;
use crate::model::{Direction, Scaling};

/// Values of input `i` (within its range) next to which the best option may change, given
/// the base evaluation `base` (the other answers, the weights and the parameters). None when
/// some score is not piecewise linear in the input.
pub(super) fn candidates(
    a: &Advisor,
    plan: &InputPlan,
    base: &Evaluation,
    i: usize,
) -> Option<Vec<f64>> {
    let (lo, hi) = (a.inputs[i].min, a.inputs[i].max);
    let ni = a.inputs.len() + a.params.len();
    let mut derived: Vec<Option<Pl>> = vec![None; a.derived.len()];
    for &k in &plan.derived {
        let pl = {
            let look = |s: u32| {
                (s as usize)
                    .checked_sub(ni)
                    .and_then(|k| derived.get(k)?.as_ref())
            };
            a.derived[k]
                .expr
                .linear(&base.slots, i as u32, lo, hi, &look)?
        };
        derived[k] = Some(pl);
    }
    let look = |s: u32| {
        (s as usize)
            .checked_sub(ni)
            .and_then(|k| derived.get(k)?.as_ref())
    };
    let no = a.options.len();
    let mut eligible: Vec<Pl> = Vec::with_capacity(no);
    for o in 0..no {
        eligible.push(match &a.options[o].eligible_if {
            Some(e) if plan.eligibility.contains(&o) => {
                let pl = e.linear(&base.slots, i as u32, lo, hi, &look)?;
                if !pl.is_flat() {
                    return None;
                }
                pl
            }
            _ => Pl::constant(lo, hi, f64::from(u8::from(base.options[o].eligible))),
        });
    }
    let nf = a.factors.len();
    let mut touched = vec![false; no * nf];
    for &(o, f) in &plan.cells {
        touched[o * nf + f] = true;
    }
    let mut values: Vec<Vec<Pl>> = Vec::with_capacity(no);
    for (o, elig) in eligible.iter().enumerate() {
        let never = elig.pieces.iter().all(|p| p.a == 0.0);
        let mut row = Vec::with_capacity(nf);
        for f in 0..nf {
            let pl = if !never && touched[o * nf + f] {
                a.options[o].values[f].linear(&base.slots, i as u32, lo, hi, &look)?
            } else {
                Pl::constant(lo, hi, base.options[o].values[f])
            };
            row.push(pl);
        }
        values.push(row);
    }
    // Stretches with the same eligible options: between the breakpoints of the eligibility.
    let mut cuts: Vec<f64> = eligible.iter().flat_map(Pl::breakpoints).collect();
    cuts.extend([lo, hi]);
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    let mut out = cuts.clone();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if e <= s {
            continue;
        }
        let mid = (s + e) / 2.0;
        let set: Vec<usize> = (0..no).filter(|&o| eligible[o].value(mid) != 0.0).collect();
        let scores = scores_on(a, base, &values, &set, s, e)?;
        envelope_changes(&scores, &set, s, e, &mut out);
    }
    Some(out)
}

/// The score of each option in `set` on `[s, e]`, as piecewise-linear functions.
fn scores_on(
    a: &Advisor,
    base: &Evaluation,
    values: &[Vec<Pl>],
    set: &[usize],
    s: f64,
    e: f64,
) -> Option<Vec<Pl>> {
    let mut scores: Vec<Pl> = set.iter().map(|_| Pl::constant(s, e, 0.0)).collect();
    for (f, fac) in a.factors.iter().enumerate() {
        let w = base.weights[f];
        if w == 0.0 {
            continue;
        }
        let vals: Vec<Pl> = set.iter().map(|&o| values[o][f].restrict(s, e)).collect();
        let scaled = match fac.scaling {
            Scaling::Range { worst, best } => vals
                .iter()
                .map(|v| scale_range(v, worst, best))
                .collect::<Option<Vec<_>>>()?,
            Scaling::Relative(_) => scale_relative(&vals, fac.direction)?,
        };
        for (score, sc) in scores.iter_mut().zip(&scaled) {
            *score = score.binary(sc, &[], |_, x, y| Some((x.0 + w * y.0, x.1 + w * y.1)))?;
        }
    }
    Some(scores)
}

/// `clamp((v - worst) / (best - worst), 0, 1)`, as [`crate::eval::scale`] does.
fn scale_range(v: &Pl, worst: f64, best: f64) -> Option<Pl> {
    let d = best - worst;
    let t = v.unary(&[], |_, (a, b)| Some(((a - worst) / d, b / d)))?;
    t.unary(&[0.0, 1.0], |mid, (a, b)| {
        let x = a + b * mid;
        Some(if x < 0.0 {
            (0.0, 0.0)
        } else if x > 1.0 {
            (1.0, 0.0)
        } else {
            (a, b)
        })
    })
}

/// Relative scaling over the options in `vals`: linear only where the range (largest minus
/// smallest value) is the same all along. A range that is (almost) 0 scores everyone 1, as
/// [`crate::eval::scale`] does; a range near its threshold gives None.
fn scale_relative(vals: &[Pl], direction: Direction) -> Option<Vec<Pl>> {
    let Some(first) = vals.first() else {
        return Some(Vec::new());
    };
    let (mut low, mut high) = (first.clone(), first.clone());
    for v in &vals[1..] {
        low = low.binary(v, &[0.0], |mid, x, y| Some(pick(mid, x, y, false)))?;
        high = high.binary(v, &[0.0], |mid, x, y| Some(pick(mid, x, y, true)))?;
    }
    // Per piece: 1 / range (0 when the range is 0) and 1 when the range is 0, so that the
    // scaled value is (high - v) * inv + one (or (v - low) * inv + one).
    let inv = high.binary(&low, &[], |mid, h, l| {
        if h.1 != l.1 {
            return None;
        }
        let r = h.0 - l.0;
        let size = 1.0 + (h.0 + h.1 * mid).abs().max((l.0 + l.1 * mid).abs());
        if r == 0.0 {
            Some((0.0, 0.0))
        } else if r > 1e-6 * size {
            Some((1.0 / r, 0.0))
        } else {
            None
        }
    })?;
    let one = inv.unary(&[], |_, (a, _)| Some((f64::from(u8::from(a == 0.0)), 0.0)))?;
    vals.iter()
        .map(|v| {
            let num = match direction {
                Direction::LowerIsBetter => {
                    high.binary(v, &[], |_, h, x| Some((h.0 - x.0, h.1 - x.1)))
                }
                Direction::HigherIsBetter => {
                    v.binary(&low, &[], |_, x, l| Some((x.0 - l.0, x.1 - l.1)))
                }
            }?;
            let part = num.binary(&inv, &[], |_, n, c| Some((n.0 * c.0, n.1 * c.0)))?;
            part.binary(&one, &[], |_, x, y| Some((x.0 + y.0, x.1)))
        })
        .collect()
}

fn pick(mid: f64, x: (f64, f64), y: (f64, f64), max: bool) -> (f64, f64) {
    let (vx, vy) = (x.0 + x.1 * mid, y.0 + y.1 * mid);
    if (vx >= vy) == max { x } else { y }
}

/// Adds to `out` every value in `[s, e]` where the highest of the scores changes: at a
/// breakpoint of a score where the leader differs on the two sides, and where a steeper line
/// overtakes the leader inside a piece.
fn envelope_changes(scores: &[Pl], set: &[usize], s: f64, e: f64, out: &mut Vec<f64>) {
    if scores.len() < 2 {
        return;
    }
    let mut cuts: Vec<f64> = scores.iter().flat_map(Pl::breakpoints).collect();
    cuts.extend([s, e]);
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    let mut last: Option<usize> = None;
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if e <= s {
            continue;
        }
        let mid = (s + e) / 2.0;
        let lines: Vec<(f64, f64)> = scores
            .iter()
            .map(|p| {
                let piece = p.pieces.iter().find(|q| mid <= q.end).or(p.pieces.last());
                piece.map_or((0.0, 0.0), |q| (q.a, q.b))
            })
            .collect();
        let mut t = s;
        let mut lead = leader(&lines, set, t);
        if last.is_some_and(|l| l != lead) {
            out.push(s);
        }
        // Kinetic sweep: the next line to overtake the leader is the first crossing to the
        // right among the steeper lines; slopes only grow, so this ends.
        loop {
            let (la, lb) = lines[lead];
            let crossings: Vec<(usize, f64)> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.1 > lb)
                .map(|(k, l)| (k, (la - l.0) / (l.1 - lb)))
                .filter(|(_, x)| *x > t && *x < e)
                .collect();
            let Some(x) = crossings.iter().map(|c| c.1).min_by(f64::total_cmp) else {
                break;
            };
            out.push(x);
            // Of the lines that cross the leader there, the steepest leads beyond it.
            let near = 1e-12 * (1.0 + x.abs());
            let Some(&(k, _)) = crossings.iter().filter(|c| c.1 <= x + near).max_by(|p, q| {
                lines[p.0]
                    .1
                    .total_cmp(&lines[q.0].1)
                    .then(set[q.0].cmp(&set[p.0]))
            }) else {
                break;
            };
            t = x;
            lead = k;
        }
        last = Some(lead);
    }
}

/// The line that is highest just right of `t`: the highest value, then the steepest, then
/// the first in definition order.
fn leader(lines: &[(f64, f64)], set: &[usize], t: f64) -> usize {
    let mut best = 0;
    for k in 1..lines.len() {
        let (v, b) = (lines[k].0 + lines[k].1 * t, lines[k].1);
        let (bv, bb) = (lines[best].0 + lines[best].1 * t, lines[best].1);
        if v > bv || (v == bv && (b > bb || (b == bb && set[k] < set[best]))) {
            best = k;
        }
    }
    best
}
