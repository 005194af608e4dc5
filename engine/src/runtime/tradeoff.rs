//! Weights from trade-off questions: "Wat weegt voor je zwaarder: € 20 per maand goedkoper, of
//! elke maand opzegbaar?", built from two concrete options of the citizen's own scenario.
//!
//! - [`questions`] picks, for each pair of factors, the pair of eligible options that differ
//!   most clearly on both: option `a` is better on the first factor, option `b` on the second.
//! - Each answer is a linear constraint on the weight shares `w` (`w >= 0`, `sum w = 1`):
//!   "the advantage on `first` weighs more" means `w[first] * gain_first > w[second] *
//!   gain_second`, where a gain is the difference in scaled value (0..1) that the score
//!   multiplies by the weight. [`weights_from_answers`] returns the centre of all weights that
//!   agree with every answer: the average of the vertices of that polytope. That keeps every
//!   answer true without leaning towards any corner of what the answers allow (factors no
//!   answer mentions keep a fair share). Answers that cannot all be true give a [`Conflict`] that names the first
//!   answer that contradicts the ones before it. (When the answers put all factors in one order
//!   with equal gains, the centre is exactly the rank-order-centroid of
//!   [`crate::weights::rank_order_centroid`]: both are the centre of the same set.)
//!
//! The result is a vector of shares summing to 1; [`crate::weights::to_slider_scale`] turns it
//! into slider positions.

use crate::eval::Evaluation;

/// Factor-count above which no trade-off questions are offered (and answers are not used):
/// with more factors the number of questions grows too fast for a citizen, and the vertex
/// enumeration in [`weights_from_answers`] too.
pub const MAX_FACTORS: usize = 6;

/// Smallest scaled advantage (on both sides) worth a question: a trivial difference makes a
/// poor question.
pub const MIN_GAIN: f64 = 0.05;

/// Tolerance of the feasibility checks and of the slack of the answers (shares sum to 1, and
/// the constraints are scaled so that the larger gain is 1).
const EPS: f64 = 1e-9;

/// Two scaled advantages closer than this count as equal when choosing the options of a question.
const GAIN_TIE: f64 = 1e-9;

/// One trade-off question: option `a` is better on factor `first`, option `b` on factor
/// `second`. "Which weighs more for you: `a`'s advantage on `first`, or `b`'s on `second`?"
#[derive(Clone, Debug, PartialEq)]
pub struct TradeOff {
    /// The first factor (the smaller index of the pair).
    pub first: usize,
    /// The second factor, not `first`.
    pub second: usize,
    /// The option that is better on `first`.
    pub a: usize,
    /// The option that is better on `second`.
    pub b: usize,
    /// Raw value of factor `first` for option `a` (as in [`Evaluation`]'s `values`).
    pub a_first: f64,
    /// Raw value of factor `first` for option `b`.
    pub b_first: f64,
    /// Raw value of factor `second` for option `a`.
    pub a_second: f64,
    /// Raw value of factor `second` for option `b`.
    pub b_second: f64,
    /// Scaled advantage of `a` over `b` on `first` (> 0): `scaled[a][first] - scaled[b][first]`.
    pub gain_first: f64,
    /// Scaled advantage of `b` over `a` on `second` (> 0): `scaled[b][second] -
    /// scaled[a][second]`.
    pub gain_second: f64,
}

/// The citizen's answer to a [`TradeOff`]: which advantage weighs more for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preference {
    /// The advantage on `first` (of option `a`) weighs more.
    First,
    /// Both weigh the same.
    Equal,
    /// The advantage on `second` (of option `b`) weighs more.
    Second,
}

/// Answers that cannot all be true at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Index (into the answers) of the first answer that cannot be reconciled with the answers
    /// before it: the answers before it are possible together, up to and including it they are
    /// not.
    pub answer: usize,
}

/// Trade-off questions for the current scenario, at most `max`, in a fixed order: for every
/// pair of factors `(f, g)` with `f < g` in factor order (so the pairs with factor 0, the
/// headline figure, come first), one question, if the eligible options offer a clear trade-off.
///
/// For a pair, of all eligible options `a` (better on `f`) and `b` (better on `g`) the pair with
/// the largest `min(gain_first, gain_second)` is taken; ties go to the pair whose better-ranked
/// member ranks higher, then to the smaller `a`, then the smaller `b`. A pair whose best
/// trade-off is smaller than [`MIN_GAIN`] on either side gets no question.
///
/// Empty with fewer than 2 or more than [`MAX_FACTORS`] factors.
pub fn questions(ev: &Evaluation, max: usize) -> Vec<TradeOff> {
    let nf = ev.weights.len();
    if !(2..=MAX_FACTORS).contains(&nf) || max == 0 {
        return Vec::new();
    }
    // Eligible options in ranking order (best first), with their place in the ranking.
    let mut eligible: Vec<usize> = Vec::new();
    for &o in &ev.ranking {
        let ok = ev.options.get(o).is_some_and(|r| {
            r.eligible
                && r.scaled.len() >= nf
                && r.values.len() >= nf
                && r.scaled[..nf].iter().all(|s| s.is_finite())
        });
        if ok && !eligible.contains(&o) {
            eligible.push(o);
        }
    }
    let place = |o: usize| eligible.iter().position(|&x| x == o).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    for f in 0..nf {
        for g in f + 1..nf {
            // (min gain, better place, a, b)
            let mut best: Option<(f64, usize, usize, usize)> = None;
            for &a in &eligible {
                for &b in &eligible {
                    if a == b {
                        continue;
                    }
                    let (sa, sb) = (&ev.options[a].scaled, &ev.options[b].scaled);
                    let (gf, gg) = (sa[f] - sb[f], sb[g] - sa[g]);
                    if !(gf > 0.0 && gg > 0.0) {
                        continue;
                    }
                    let m = gf.min(gg);
                    let cand = (m, place(a).min(place(b)), a, b);
                    let better = match best {
                        None => true,
                        Some((bm, bp, ba, bb)) => {
                            if m > bm + GAIN_TIE {
                                true
                            } else if m < bm - GAIN_TIE {
                                false
                            } else {
                                (cand.1, a, b) < (bp, ba, bb)
                            }
                        }
                    };
                    if better {
                        best = Some(cand);
                    }
                }
            }
            let Some((m, _, a, b)) = best else { continue };
            if m < MIN_GAIN {
                continue;
            }
            let (ra, rb) = (&ev.options[a], &ev.options[b]);
            out.push(TradeOff {
                first: f,
                second: g,
                a,
                b,
                a_first: ra.values[f],
                b_first: rb.values[f],
                a_second: ra.values[g],
                b_second: rb.values[g],
                gain_first: ra.scaled[f] - rb.scaled[f],
                gain_second: rb.scaled[g] - ra.scaled[g],
            });
            if out.len() >= max {
                return out;
            }
        }
    }
    out
}

/// Weight shares (one per factor, summing to 1) that agree with every answer: the centre of
/// all such weights.
///
/// Each answer is a constraint on the shares `w` (`w >= 0`, `sum w = 1`):
/// [`Preference::First`] means `w[first] * gain_first > w[second] * gain_second`,
/// [`Preference::Second`] the reverse, [`Preference::Equal`] that both are equal. The result is
/// the plain average of the distinct vertices of the polytope these constraints (with `>=` for
/// `>`) cut out of the simplex; every strict answer then holds with a slack of more than 1e-9
/// (relative to the larger gain), every equal answer within 1e-9.
///
/// - No answers: equal shares.
/// - Answers that cannot all hold: [`Conflict`] with the smallest `k` for which
///   `answers[..=k]` cannot all hold.
/// - Ignored (never a panic): answers about a factor `>= factors`, about one factor twice, or
///   with a gain that is not a number above 0; and all answers when `factors` is more than
///   [`MAX_FACTORS`] (no questions are offered then).
pub fn weights_from_answers(
    factors: usize,
    answers: &[(TradeOff, Preference)],
) -> Result<Vec<f64>, Conflict> {
    let n = factors;
    if n == 0 {
        return Ok(Vec::new());
    }
    let equal = vec![1.0 / n as f64; n];
    if n > MAX_FACTORS {
        return Ok(equal);
    }
    let valid: Vec<(usize, Constraint)> = answers
        .iter()
        .enumerate()
        .filter_map(|(k, (t, p))| Constraint::of(n, t, *p).map(|c| (k, c)))
        .collect();
    if valid.is_empty() {
        return Ok(equal);
    }
    let all: Vec<Constraint> = valid.iter().map(|(_, c)| *c).collect();
    if let Some(w) = centre(n, &all) {
        return Ok(w);
    }
    // The smallest prefix that cannot hold. Adding an answer only shrinks the set of weights,
    // so the prefixes hold up to some answer and none after it: bisect, then confirm that the
    // prefix before it holds (if rounding misled the bisection, search one by one).
    let holds = |j: usize| centre(n, &all[..=j]).is_some();
    let (mut lo, mut hi) = (0, valid.len() - 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if hi == 0 || holds(hi - 1) {
        return Err(Conflict {
            answer: valid[hi].0,
        });
    }
    let first = (0..valid.len())
        .find(|&j| !holds(j))
        .unwrap_or(valid.len() - 1);
    Err(Conflict {
        answer: valid[first].0,
    })
}

/// What an answer says, scaled so that the larger gain is 1: `p * w[f] - q * w[g]` is `> 0`
/// (`strict`) or `== 0`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Constraint {
    f: usize,
    g: usize,
    p: f64,
    q: f64,
    /// False: an equality.
    strict: bool,
}

impl Constraint {
    fn of(n: usize, t: &TradeOff, pref: Preference) -> Option<Constraint> {
        let (f, g) = (t.first, t.second);
        let (gf, gg) = (t.gain_first, t.gain_second);
        let usable = |x: f64| x.is_finite() && x > 0.0;
        if f >= n || g >= n || f == g || !usable(gf) || !usable(gg) {
            return None;
        }
        let m = gf.max(gg);
        let (p, q) = (gf / m, gg / m);
        if !(p > 0.0 && q > 0.0) {
            // A ratio beyond the range of f64 (e.g. 1e-300 against 1e300): no usable constraint.
            return None;
        }
        Some(match pref {
            Preference::First => Constraint {
                f,
                g,
                p,
                q,
                strict: true,
            },
            Preference::Second => Constraint {
                f: g,
                g: f,
                p: q,
                q: p,
                strict: true,
            },
            Preference::Equal => Constraint {
                f,
                g,
                p,
                q,
                strict: false,
            },
        })
    }

    /// `p * w[f] - q * w[g]`.
    fn value(&self, w: &[f64]) -> f64 {
        self.p * w[self.f] - self.q * w[self.g]
    }

    /// The row of the constraint (its coefficients per factor).
    fn row(&self) -> Row {
        let mut r = [0.0; MAX_FACTORS];
        r[self.f] += self.p;
        r[self.g] -= self.q;
        r
    }

    /// True when `w` satisfies the answer itself (strictly, for a strict one).
    fn holds(&self, w: &[f64]) -> bool {
        let v = self.value(w);
        if self.strict { v > EPS } else { v.abs() <= EPS }
    }
}

/// A row of coefficients, or a weight vector: the first `n` entries are used.
type Row = [f64; MAX_FACTORS];

/// The centre (average of the distinct vertices) of `{w >= 0, sum w = 1, constraints with >=}`,
/// if it exists and satisfies every constraint itself (strict ones strictly).
fn centre(n: usize, cs: &[Constraint]) -> Option<Vec<f64>> {
    let vertices = vertices(n, cs);
    if vertices.is_empty() {
        return None;
    }
    let mut w = vec![0.0; n];
    for v in &vertices {
        for (x, y) in w.iter_mut().zip(v) {
            *x += y;
        }
    }
    let count = vertices.len() as f64;
    for x in w.iter_mut() {
        *x = (*x / count).max(0.0);
    }
    let total: f64 = w.iter().sum();
    if !(total > 0.0 && total.is_finite()) {
        return None;
    }
    for x in w.iter_mut() {
        *x /= total;
    }
    cs.iter().all(|c| c.holds(&w)).then_some(w)
}

/// The vertices of `{w >= 0, sum w = 1, strict constraints with >=, equalities}` (`n` at most
/// [`MAX_FACTORS`]): every solution of `n` independent active constraints (the sum, the
/// equalities, and a choice among the inequalities) that satisfies all the others, without
/// duplicates.
///
/// The choices are enumerated depth first; a choice that depends linearly on the rows chosen
/// before it is skipped with everything that would follow it (its system is singular).
fn vertices(n: usize, cs: &[Constraint]) -> Vec<Row> {
    let mut vs = Vertices {
        n,
        cs,
        ineq: Vec::new(),
        rows: Vec::with_capacity(n),
        basis: Vec::with_capacity(n),
        out: Vec::new(),
    };
    let mut sum = [0.0; MAX_FACTORS];
    sum[..n].fill(1.0);
    vs.push(&sum);
    // Equalities: those independent of the sum and of each other. The others are implied or
    // contradictory; the feasibility check of every vertex tells which.
    for c in cs.iter().filter(|c| !c.strict) {
        vs.push(&c.row());
    }
    // Inequalities: `w[i] >= 0`, and the strict answers as `>=`, without those that the others
    // imply (they describe the same set, and each one multiplies the choices).
    for i in 0..n {
        let mut r = [0.0; MAX_FACTORS];
        r[i] = 1.0;
        vs.ineq.push(r);
    }
    for c in drop_implied(n, tightest(cs), cs) {
        vs.ineq.push(c.row());
    }
    vs.search(0);
    vs.out
}

/// State of the vertex enumeration.
struct Vertices<'a> {
    n: usize,
    cs: &'a [Constraint],
    /// The inequalities to choose from.
    ineq: Vec<Row>,
    /// The rows of the system so far: the sum, the independent equalities, chosen inequalities.
    rows: Vec<Row>,
    /// An orthonormal basis of the span of `rows` (Gram-Schmidt), to test independence.
    basis: Vec<Row>,
    /// Distinct vertices found.
    out: Vec<Row>,
}

impl Vertices<'_> {
    /// Adds `row` to the system if it is independent of the rows already in it.
    fn push(&mut self, row: &Row) -> bool {
        let n = self.n;
        let norm = |v: &Row| v[..n].iter().map(|x| x * x).sum::<f64>().sqrt();
        let size = norm(row);
        let mut v = *row;
        // Twice: one more pass repairs what rounding left of the projections.
        for _ in 0..2 {
            for q in &self.basis {
                let d: f64 = (0..n).map(|i| v[i] * q[i]).sum();
                for i in 0..n {
                    v[i] -= d * q[i];
                }
            }
        }
        let rest = norm(&v);
        if rest.is_nan() || rest <= DEPENDENT * size {
            return false;
        }
        for x in v[..n].iter_mut() {
            *x /= rest;
        }
        self.basis.push(v);
        self.rows.push(*row);
        true
    }

    fn pop(&mut self) {
        self.basis.pop();
        self.rows.pop();
    }

    /// Chooses the remaining rows among `ineq[start..]`; with `n` rows, solves and keeps the
    /// solution when it is a new feasible point.
    fn search(&mut self, start: usize) {
        let n = self.n;
        if self.rows.len() >= n {
            if let Some(w) = solve(n, &self.rows)
                && feasible(n, &w, self.cs)
                && !self
                    .out
                    .iter()
                    .any(|v| (0..n).all(|i| (v[i] - w[i]).abs() <= EPS))
            {
                self.out.push(w);
            }
            return;
        }
        let need = n - self.rows.len();
        for i in start..self.ineq.len() {
            if self.ineq.len() - i < need {
                break;
            }
            let row = self.ineq[i];
            if self.push(&row) {
                self.search(i + 1);
                self.pop();
            }
        }
    }
}

/// A row whose part outside the span of the others is less than this (relative to its length)
/// depends on them.
const DEPENDENT: f64 = 1e-10;

/// Per ordered pair of factors, the strict constraint `p * w[f] >= q * w[g]` with the largest
/// `q / p` (it implies the others of that pair, as `w >= 0`). Equalities are left out.
fn tightest(cs: &[Constraint]) -> Vec<Constraint> {
    let mut out: Vec<Constraint> = Vec::new();
    for c in cs.iter().filter(|c| c.strict) {
        match out.iter_mut().find(|o| o.f == c.f && o.g == c.g) {
            Some(o) => {
                if c.q * o.p > o.q * c.p {
                    *o = *c;
                }
            }
            None => out.push(*c),
        }
    }
    out
}

/// The strict rows without those implied by the others and the equalities. As all weights are
/// 0 or more, `w[f] >= r1 * w[g]` and `w[g] >= r2 * w[h]` give `w[f] >= r1 * r2 * w[h]`: a row
/// whose bound is no tighter than the product along some chain of other rows adds nothing.
/// Checked one by one against the rows still kept, so the kept rows imply every dropped one.
fn drop_implied(n: usize, strict: Vec<Constraint>, cs: &[Constraint]) -> Vec<Constraint> {
    let mut keep = vec![true; strict.len()];
    for k in 0..strict.len() {
        // bound[f][g]: the largest r for which the other rows give w[f] >= r * w[g].
        let mut bound = [[0.0f64; MAX_FACTORS]; MAX_FACTORS];
        for (i, row) in bound.iter_mut().enumerate().take(n) {
            row[i] = 1.0;
        }
        let mut add = |f: usize, g: usize, r: f64| {
            if r > bound[f][g] {
                bound[f][g] = r;
            }
        };
        for (j, c) in strict.iter().enumerate() {
            if j != k && keep[j] {
                add(c.f, c.g, c.q / c.p);
            }
        }
        for c in cs.iter().filter(|c| !c.strict) {
            add(c.f, c.g, c.q / c.p);
            add(c.g, c.f, c.p / c.q);
        }
        for m in 0..n {
            for i in 0..n {
                for j in 0..n {
                    let via = bound[i][m] * bound[m][j];
                    if via > bound[i][j] {
                        bound[i][j] = via;
                    }
                }
            }
        }
        let c = &strict[k];
        if bound[c.f][c.g] >= c.q / c.p * (1.0 - 1e-12) {
            keep[k] = false;
        }
    }
    strict
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// Within [`EPS`]: `w >= 0`, sum 1, strict constraints `>= 0`, equalities `== 0`.
fn feasible(n: usize, w: &Row, cs: &[Constraint]) -> bool {
    let w = &w[..n];
    w.iter().all(|x| x.is_finite() && *x >= -EPS)
        && (w.iter().sum::<f64>() - 1.0).abs() <= EPS
        && cs.iter().all(|c| {
            let v = c.value(w);
            if c.strict { v >= -EPS } else { v.abs() <= EPS }
        })
}

/// Pivots smaller than this make a matrix singular (rows have entries of at most 1).
const PIVOT_MIN: f64 = 1e-10;

/// Solves the `n x n` system whose first row is the sum (right-hand side 1) and whose other
/// rows have right-hand side 0, by Gaussian elimination with partial pivoting. None when it is
/// (nearly) singular.
fn solve(n: usize, rows: &[Row]) -> Option<Row> {
    if rows.len() != n || n == 0 || n > MAX_FACTORS {
        return None;
    }
    let mut a = [[0.0; MAX_FACTORS]; MAX_FACTORS];
    a[..n].copy_from_slice(rows);
    let mut b = [0.0; MAX_FACTORS];
    b[0] = 1.0;
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        let p = a[pivot][col];
        if p.is_nan() || p.abs() < PIVOT_MIN {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (top, below) = a.split_at_mut(col + 1);
        let prow = &top[col];
        for (k, row) in below[..n - col - 1].iter_mut().enumerate() {
            let factor = row[col] / p;
            if factor != 0.0 {
                for (x, y) in row[col..n].iter_mut().zip(&prow[col..n]) {
                    *x -= factor * y;
                }
                b[col + 1 + k] -= factor * b[col];
            }
        }
    }
    let mut x = [0.0; MAX_FACTORS];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|c| a[r][c] * x[c]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    x[..n].iter().all(|v| v.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Advisor;

    fn t(first: usize, second: usize, gain_first: f64, gain_second: f64) -> TradeOff {
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

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
    }

    #[test]
    fn no_answers_give_equal_shares() {
        assert_eq!(weights_from_answers(4, &[]), Ok(vec![0.25; 4]));
        assert_eq!(weights_from_answers(0, &[]), Ok(vec![]));
        assert_eq!(weights_from_answers(1, &[]), Ok(vec![1.0]));
    }

    #[test]
    fn one_strict_answer() {
        // Vertices: (1, 0) (w0 = 1 satisfies 0.5 w0 >= 0.5 w1) and (1/2, 1/2) (the answer
        // active); (0, 1) violates it. Centre (3/4, 1/4).
        let w = weights_from_answers(2, &[(t(0, 1, 0.5, 0.5), Preference::First)]).unwrap();
        assert!(close(&w, &[0.75, 0.25]), "{w:?}");
        let w = weights_from_answers(2, &[(t(0, 1, 0.5, 0.5), Preference::Second)]).unwrap();
        assert!(close(&w, &[0.25, 0.75]), "{w:?}");
    }

    #[test]
    fn equal_answer_fixes_the_ratio() {
        // 0.4 w0 = 0.8 w1 and w0 + w1 = 1: w0 = 2 w1 = 2/3.
        let w = weights_from_answers(2, &[(t(0, 1, 0.4, 0.8), Preference::Equal)]).unwrap();
        assert!(close(&w, &[2.0 / 3.0, 1.0 / 3.0]), "{w:?}");
    }

    #[test]
    fn a_full_order_gives_the_rank_order_centroid() {
        // Every pair answered "the more important one weighs more" with equal gains: the
        // weights of the order polytope's centre are exactly rank-order-centroid.
        for n in 2..=MAX_FACTORS {
            let answers: Vec<(TradeOff, Preference)> = (0..n)
                .flat_map(|f| (f + 1..n).map(move |g| (t(f, g, 0.5, 0.5), Preference::First)))
                .collect();
            let w = weights_from_answers(n, &answers).unwrap();
            assert!(close(&w, &crate::weights::rank_order_centroid(n)), "{w:?}");
        }
    }

    #[test]
    fn implied_rows_are_dropped() {
        let c = |f, g, q| Constraint {
            f,
            g,
            p: 1.0,
            q,
            strict: true,
        };
        // w0 >= w1, w1 >= w2 imply w0 >= w2 and w0 >= 0.5 w2, not w0 >= 2 w2.
        let rows = vec![
            c(0, 2, 1.0),
            c(0, 1, 1.0),
            c(1, 2, 1.0),
            c(0, 2, 0.5),
            c(0, 2, 2.0),
        ];
        let kept = drop_implied(3, rows, &[]);
        assert_eq!(kept, vec![c(0, 1, 1.0), c(1, 2, 1.0), c(0, 2, 2.0)]);
        // Two identical rows: one stays.
        assert_eq!(
            drop_implied(2, vec![c(0, 1, 1.0), c(0, 1, 1.0)], &[]).len(),
            1
        );
    }

    #[test]
    fn untouched_factors_keep_a_fair_share() {
        // 3 factors, w0 > w1 (equal gains). Vertices: e0, e2, (1/2, 1/2, 0); e1 violates it.
        // Centre: (1/2, 1/6, 1/3).
        let w = weights_from_answers(3, &[(t(0, 1, 0.3, 0.3), Preference::First)]).unwrap();
        assert!(close(&w, &[0.5, 1.0 / 6.0, 1.0 / 3.0]), "{w:?}");
    }

    #[test]
    fn a_circle_is_a_conflict_at_the_answer_that_closes_it() {
        let answers = [
            (t(0, 1, 0.5, 0.5), Preference::First),
            (t(1, 2, 0.5, 0.5), Preference::First),
            (t(0, 2, 0.5, 0.5), Preference::Second),
        ];
        assert_eq!(
            weights_from_answers(3, &answers),
            Err(Conflict { answer: 2 })
        );
        assert!(weights_from_answers(3, &answers[..2]).is_ok());
        // w0 > w1, then 0.2 w0 = 0.9 w1 (w0 = 4.5 w1: fine), then w0 = w1: a contradiction of
        // the first.
        let answers = [
            (t(0, 1, 0.5, 0.5), Preference::First),
            (t(0, 1, 0.2, 0.9), Preference::Equal),
            (t(0, 1, 0.5, 0.5), Preference::Equal),
        ];
        assert_eq!(
            weights_from_answers(2, &answers),
            Err(Conflict { answer: 2 })
        );
        let w = weights_from_answers(2, &answers[..2]).unwrap();
        assert!(close(&w, &[0.9 / 1.1, 0.2 / 1.1]), "{w:?}");
        // 0.9 w0 = 0.2 w1 says w0 < w1: a contradiction right away.
        let answers = [
            (t(0, 1, 0.5, 0.5), Preference::First),
            (t(0, 1, 0.9, 0.2), Preference::Equal),
        ];
        assert_eq!(
            weights_from_answers(2, &answers),
            Err(Conflict { answer: 1 })
        );
    }

    #[test]
    fn consistent_equalities_and_bounds() {
        // w0 = 2 w1 (Equal 0.4/0.8), w1 = w2 (Equal 0.5/0.5): (1/2, 1/4, 1/4).
        let answers = [
            (t(0, 1, 0.4, 0.8), Preference::Equal),
            (t(1, 2, 0.5, 0.5), Preference::Equal),
            // implied by the two above: w0 = 2 w2
            (t(0, 2, 0.3, 0.6), Preference::Equal),
            // holds: w0 > w2
            (t(0, 2, 0.5, 0.5), Preference::First),
        ];
        let w = weights_from_answers(3, &answers).unwrap();
        assert!(close(&w, &[0.5, 0.25, 0.25]), "{w:?}");
    }

    #[test]
    fn nonsense_answers_are_ignored() {
        let answers = [
            (t(0, 5, 0.5, 0.5), Preference::First),
            (t(1, 1, 0.5, 0.5), Preference::First),
            (t(0, 1, f64::NAN, 0.5), Preference::First),
            (t(0, 1, 0.0, 0.5), Preference::Second),
            (t(0, 1, -1.0, f64::INFINITY), Preference::Equal),
        ];
        assert_eq!(weights_from_answers(2, &answers), Ok(vec![0.5, 0.5]));
        // More factors than MAX_FACTORS: answers are not used.
        let many = weights_from_answers(7, &[(t(0, 1, 0.5, 0.5), Preference::First)]).unwrap();
        assert!(close(&many, &[1.0 / 7.0; 7]));
        // A conflict after an ignored answer is reported at its own index.
        let answers = [
            (t(0, 1, 0.5, 0.5), Preference::First),
            (t(0, 9, 0.5, 0.5), Preference::First),
            (t(0, 1, 0.5, 0.5), Preference::Second),
        ];
        assert_eq!(
            weights_from_answers(2, &answers),
            Err(Conflict { answer: 2 })
        );
    }

    #[test]
    fn linear_algebra() {
        let row = |v: &[f64]| {
            let mut r = [0.0; MAX_FACTORS];
            r[..v.len()].copy_from_slice(v);
            r
        };
        let x = solve(2, &[row(&[1.0, 1.0]), row(&[1.0, -1.0])]).unwrap();
        assert!(close(&x[..2], &[0.5, 0.5]));
        assert!(solve(2, &[row(&[1.0, 1.0]), row(&[2.0, 2.0])]).is_none());
        assert!(solve(2, &[row(&[1.0, 1.0])]).is_none());
        // The square [0, 1]^2 cut by w0 >= w1 in the simplex of 2: (1, 0) and (1/2, 1/2).
        let c = Constraint {
            f: 0,
            g: 1,
            p: 1.0,
            q: 1.0,
            strict: true,
        };
        let vs = vertices(2, &[c]);
        assert_eq!(vs.len(), 2);
        assert!(close(&vs[0][..2], &[1.0, 0.0]) && close(&vs[1][..2], &[0.5, 0.5]));
    }

    fn ret() -> Advisor {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../advisors/ret/definition.toml"
        );
        let text = std::fs::read_to_string(path).expect("the RET definition");
        Advisor::parse(&text, "advisors/ret/definition.toml").expect("RET parses")
    }

    /// The RET advisor with its default answers (8 trips of 7 km a week, 4 travel days, 19-64).
    ///
    /// Eligible options, cost per month / flexibility / convenience (see cases.toml):
    ///   pay_per_trip 77.65 / 5 / 3, two_hour_ticket 34.667 x 4.50 = 156.00 / 5 / 2,
    ///   day_ticket 17.333 x 9.50 = 164.67 / 5 / 3, month_pass 99.00 / 3 / 5,
    ///   year_pass 82.50 / 1 / 5. (free_child is not eligible.)
    /// Scaled: cost 1 - c/200: 0.61175, 0.22, 0.17665, 0.505, 0.5875; flexibility /5: 1, 1, 1,
    /// 0.6, 0.2; convenience /5: 0.6, 0.4, 0.6, 1, 1.
    /// Ranking with weights 3/1/1: pay_per_trip 0.687, month_pass 0.623, year_pass 0.5925,
    /// day_ticket 0.426, two_hour_ticket 0.412.
    ///
    /// - cost vs flexibility: the cheaper option must be less flexible. year_pass against
    ///   day_ticket: cost 0.5875 - 0.17665 = 0.41085, flexibility 1 - 0.2 = 0.8: min 0.41085.
    ///   Others: year/two_hour min(0.3675, 0.8), month/day min(0.32835, 0.4), month/two_hour
    ///   min(0.285, 0.4), year/month min(0.0825, 0.4). pay_per_trip is the cheapest and among
    ///   the most flexible, so it never takes part.
    /// - cost vs convenience: pay_per_trip against month_pass: cost 0.61175 - 0.505 = 0.10675,
    ///   convenience 1 - 0.6 = 0.4: min 0.10675; pay_per_trip/year_pass only min(0.02425, 0.4).
    /// - flexibility vs convenience: two_hour_ticket against year_pass: flexibility 1 - 0.2 =
    ///   0.8, convenience 1 - 0.4 = 0.6: min 0.6. (pay_per_trip/year_pass and day/year have
    ///   min(0.8, 0.4); the pairs with month_pass at most min(0.4, 0.6).)
    #[test]
    fn ret_default_questions() {
        let adv = ret();
        let ev = adv.evaluate(&adv.default_scenario()).unwrap();
        let o = |id: &str| adv.option_index(id).unwrap();
        let qs = questions(&ev, 10);
        let got: Vec<(usize, usize, usize, usize)> =
            qs.iter().map(|q| (q.first, q.second, q.a, q.b)).collect();
        assert_eq!(
            got,
            vec![
                (0, 1, o("year_pass"), o("day_ticket")),
                (0, 2, o("pay_per_trip"), o("month_pass")),
                (1, 2, o("two_hour_ticket"), o("year_pass")),
            ]
        );
        let q = &qs[0];
        assert_eq!((q.a_first, q.b_first), (82.5, 164.67));
        assert_eq!((q.a_second, q.b_second), (1.0, 5.0));
        assert!((q.gain_first - 0.41085).abs() < 1e-9 && (q.gain_second - 0.8).abs() < 1e-9);
        let q = &qs[1];
        assert_eq!((q.a_first, q.b_first), (77.65, 99.0));
        assert_eq!((q.a_second, q.b_second), (3.0, 5.0));
        assert!((q.gain_first - 0.10675).abs() < 1e-9 && (q.gain_second - 0.4).abs() < 1e-9);
        let q = &qs[2];
        assert_eq!((q.a_first, q.b_first), (5.0, 1.0));
        assert_eq!((q.a_second, q.b_second), (2.0, 5.0));
        assert!((q.gain_first - 0.8).abs() < 1e-9 && (q.gain_second - 0.6).abs() < 1e-9);
        // At most `max`, the headline factor first.
        assert_eq!(questions(&ev, 1), qs[..1].to_vec());
        assert!(questions(&ev, 0).is_empty());
    }

    #[test]
    fn ret_answers_reproduce_a_citizen_who_cares_about_price() {
        // "Price weighs more" on both cost questions, "flexibility weighs more" on the third:
        // w0 * 0.41085 > w1 * 0.8, w0 * 0.10675 > w2 * 0.4, w1 * 0.8 > w2 * 0.6.
        let adv = ret();
        let ev = adv.evaluate(&adv.default_scenario()).unwrap();
        let qs = questions(&ev, 10);
        let answers: Vec<(TradeOff, Preference)> = qs
            .iter()
            .cloned()
            .zip([Preference::First, Preference::First, Preference::First])
            .collect();
        let w = weights_from_answers(3, &answers).unwrap();
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(w[0] * 0.41085 > w[1] * 0.8 && w[0] * 0.10675 > w[2] * 0.4);
        assert!(w[1] * 0.8 > w[2] * 0.6);
    }

    #[test]
    fn too_few_or_too_many_factors_or_options_give_no_questions() {
        let adv = ret();
        let mut ev = adv.evaluate(&adv.default_scenario()).unwrap();
        // Only one eligible option: nothing to trade off.
        ev.ranking.truncate(1);
        assert!(questions(&ev, 10).is_empty());
        let mut ev = adv.evaluate(&adv.default_scenario()).unwrap();
        ev.weights.truncate(1);
        assert!(questions(&ev, 10).is_empty());
        ev.weights = vec![0.1; MAX_FACTORS + 1];
        assert!(questions(&ev, 10).is_empty());
    }
}
