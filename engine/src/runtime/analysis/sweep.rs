//! The sweeps that find the tipping points of one numeric input on its step grid: at every
//! step, at the step values next to the closed-form candidates (`exact.rs`), or by sampling
//! and bisection. A value whose evaluation fails keeps the advice before it.

use super::{Analyzer, SAMPLES, TippingPoint};
use crate::eval::Scenario;

/// The step grid of one numeric input.
pub(super) struct Grid {
    input: usize,
    pub(super) min: f64,
    max: f64,
    pub(super) step: f64,
    /// Number of steps from `min` to `max`.
    pub(super) steps: usize,
}

impl Grid {
    /// The grid of numeric input `i`.
    pub(super) fn of(advisor: &crate::advisor::Advisor, i: usize) -> Grid {
        let inp = &advisor.inputs[i];
        Grid {
            input: i,
            min: inp.min,
            max: inp.max,
            step: inp.step,
            steps: ((inp.max - inp.min) / inp.step).round() as usize,
        }
    }

    /// Step value `k`: `min + k * step`, without float dust, at most `max`.
    fn value(&self, k: usize) -> f64 {
        grid_value(self.min, self.step, k, self.max)
    }

    fn point(&self, at: f64, from: Option<usize>, to: Option<usize>) -> TippingPoint {
        TippingPoint {
            input: self.input,
            at,
            from,
            to,
        }
    }
}

impl Analyzer<'_> {
    /// Tipping points from the best option at every step value.
    pub(super) fn every_step(
        &mut self,
        base: &Scenario,
        g: &Grid,
        incremental: bool,
    ) -> Vec<TippingPoint> {
        let mut out = Vec::new();
        let mut prev: Option<Option<usize>> = None;
        for k in 0..=g.steps {
            let v = g.value(k);
            let outcome = if incremental {
                self.best_incremental(g.input, v)
            } else {
                self.best_with(base, g.input, v)
            };
            let Ok(cur) = outcome else { continue };
            if let Some(p) = prev
                && p != cur
            {
                out.push(g.point(v, p, cur));
            }
            prev = Some(cur);
        }
        out
    }

    /// Tipping points of a fine grid whose scores are piecewise linear: the step values next
    /// to each candidate (see [`exact::candidates`]) are evaluated; between two of them
    /// nothing can change, so the advice changes exactly where two neighbours differ.
    pub(super) fn at_candidates(
        &mut self,
        base: &Scenario,
        g: &Grid,
        candidates: &[f64],
    ) -> Vec<TippingPoint> {
        let mut ks: Vec<usize> = vec![0, g.steps];
        for &c in candidates {
            let k = ((c - g.min) / g.step).floor();
            if !k.is_finite() {
                continue;
            }
            for d in -1..=2 {
                let k = k + f64::from(d);
                if k >= 0.0 && k <= g.steps as f64 {
                    ks.push(k as usize);
                }
            }
        }
        ks.sort_unstable();
        ks.dedup();
        self.between(base, g, &ks, false)
    }

    /// Tipping points of a fine grid by sampling ([`SAMPLES`] values) and bisection of every
    /// stretch where the advice differs at its two ends, down to one step.
    pub(super) fn sampled(
        &mut self,
        base: &Scenario,
        g: &Grid,
        incremental: bool,
    ) -> Vec<TippingPoint> {
        let mut ks: Vec<usize> = (0..=SAMPLES)
            .map(|j| (g.steps * j + SAMPLES / 2) / SAMPLES)
            .collect();
        ks.dedup();
        self.between(base, g, &ks, incremental)
    }

    /// Evaluates the step values `ks` (sorted) and finds, by bisection, every change between
    /// two neighbours whose advice differs.
    fn between(
        &mut self,
        base: &Scenario,
        g: &Grid,
        ks: &[usize],
        incremental: bool,
    ) -> Vec<TippingPoint> {
        let mut out = Vec::new();
        let mut last: Option<(usize, Option<usize>)> = None;
        for &k in ks {
            let v = g.value(k);
            let outcome = if incremental {
                self.best_incremental(g.input, v)
            } else {
                self.best_with(base, g.input, v)
            };
            // A failure keeps the advice before it: the stretch goes on to the next value.
            let Ok(b) = outcome else { continue };
            if let Some((k0, b0)) = last
                && b0 != b
            {
                self.bisect(base, g, (k0, b0), (k, b), &mut out);
            }
            last = Some((k, b));
        }
        out
    }

    /// Every change of advice between step `lo.0` (advice `lo.1`) and step `hi.0` (advice
    /// `hi.1`), left to right: bisection to one step finds the first change after the left
    /// end, then the search goes on from there. Bisection evaluates in full, as the page does,
    /// so an exact tie breaks the same way.
    fn bisect(
        &mut self,
        base: &Scenario,
        g: &Grid,
        lo: (usize, Option<usize>),
        hi: (usize, Option<usize>),
        out: &mut Vec<TippingPoint>,
    ) {
        let (mut left, mut from) = lo;
        while from != hi.1 {
            let (mut l, mut h, mut to) = (left, hi.0, hi.1);
            while h - l > 1 {
                let m = l + (h - l) / 2;
                match self.best_with(base, g.input, g.value(m)) {
                    Ok(b) if b != from => (h, to) = (m, b),
                    // The same advice, or a failure (which keeps the advice before it).
                    _ => l = m,
                }
            }
            out.push(g.point(g.value(h), from, to));
            if h >= hi.0 {
                break;
            }
            (left, from) = (h, to);
        }
    }
}

fn grid_value(min: f64, step: f64, k: usize, max: f64) -> f64 {
    let v = min + k as f64 * step;
    ((v * 1e9).round() / 1e9).min(max)
}
