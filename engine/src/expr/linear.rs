//! Piecewise-linear functions of one numeric input, for exact tipping points
//! (`analysis`): an expression is evaluated over an interval of the input instead of at
//! one value, with every other slot fixed.
//!
//! The result is exact where the expression is piecewise linear in the input: sums,
//! differences, multiples and divisions by something that does not depend on the input,
//! `min`, `max`, `abs`, `clamp`, comparisons, `and`/`or`/`not`, `in` and `if`. Anything
//! else gives `None` and the caller falls back to sampling: the input times itself, a
//! division by the input, `round`, `floor` or `ceil` of something that changes with the
//! input, a division by zero or a value that is not finite anywhere in the interval.
//!
//! Values at a breakpoint itself are not defined here (an `if` may jump there); callers
//! use breakpoints only as candidates and evaluate there for real.

use super::eval::{Node, ceil_tol, floor_tol, round_to};
use super::{EQ_TOLERANCE, Expr};

/// Most pieces in one function; beyond this the caller falls back to sampling.
pub const MAX_PIECES: usize = 1024;

/// One piece: the value `a + b * x` from the previous piece's end (or the start) to `end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    /// Where the piece ends.
    pub end: f64,
    /// Value at x = 0 of the piece's line.
    pub a: f64,
    /// Slope of the piece's line.
    pub b: f64,
}

impl Piece {
    /// The piece's line at `x`.
    pub fn at(&self, x: f64) -> f64 {
        self.a + self.b * x
    }
}

/// A piecewise-linear function on `[start, end of the last piece]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pl {
    /// Start of the domain.
    pub start: f64,
    /// The pieces, left to right; never empty.
    pub pieces: Vec<Piece>,
}

/// A line: (a, b) for `a + b * x`.
type Line = (f64, f64);

impl Pl {
    /// The constant `c` on `[start, end]`.
    pub fn constant(start: f64, end: f64, c: f64) -> Pl {
        Pl::line(start, end, (c, 0.0))
    }

    /// The input itself on `[start, end]`.
    pub fn identity(start: f64, end: f64) -> Pl {
        Pl::line(start, end, (0.0, 1.0))
    }

    fn line(start: f64, end: f64, (a, b): Line) -> Pl {
        Pl {
            start,
            pieces: vec![Piece { end, a, b }],
        }
    }

    /// End of the domain.
    pub fn end(&self) -> f64 {
        self.pieces.last().map_or(self.start, |p| p.end)
    }

    /// Each piece with its start.
    pub fn spans(&self) -> impl Iterator<Item = (f64, Piece)> + '_ {
        let starts = std::iter::once(self.start).chain(self.pieces.iter().map(|p| p.end));
        starts.zip(self.pieces.iter().copied())
    }

    /// The breakpoints inside the domain (every piece's end but the last).
    pub fn breakpoints(&self) -> impl Iterator<Item = f64> + '_ {
        let n = self.pieces.len().saturating_sub(1);
        self.pieces[..n].iter().map(|p| p.end)
    }

    /// True when every piece is constant (a yes/no, or a step function).
    pub fn is_flat(&self) -> bool {
        self.pieces.iter().all(|p| p.b == 0.0)
    }

    /// The value inside the piece that contains `x` (for points that are not breakpoints).
    pub fn value(&self, x: f64) -> f64 {
        let p = self
            .pieces
            .iter()
            .find(|p| x <= p.end)
            .or(self.pieces.last())
            .copied()
            .unwrap_or(Piece {
                end: x,
                a: 0.0,
                b: 0.0,
            });
        p.at(x)
    }

    /// The function restricted to `[start, end]` (inside its domain).
    pub fn restrict(&self, start: f64, end: f64) -> Pl {
        let mut pieces: Vec<Piece> = self
            .spans()
            .filter(|(s, p)| p.end > start && *s < end)
            .map(|(_, p)| Piece {
                end: p.end.min(end),
                ..p
            })
            .collect();
        if pieces.is_empty() {
            pieces.push(Piece {
                end,
                a: self.value(start),
                b: 0.0,
            });
        }
        Pl { start, pieces }
    }

    /// One function from the pieces, with equal neighbours merged; None when a value is not
    /// finite or there are too many pieces.
    fn build(start: f64, raw: Vec<Piece>) -> Option<Pl> {
        let mut pieces: Vec<Piece> = Vec::with_capacity(raw.len());
        for p in raw {
            if !(p.a.is_finite() && p.b.is_finite()) {
                return None;
            }
            match pieces.last_mut() {
                Some(last) if last.a == p.a && last.b == p.b => last.end = p.end,
                _ => pieces.push(p),
            }
        }
        (!pieces.is_empty() && pieces.len() <= MAX_PIECES).then_some(Pl { start, pieces })
    }

    /// `op` applied piece by piece, each piece cut where the value crosses one of `levels`;
    /// `op` gets the piece's midpoint and line.
    pub fn unary(&self, levels: &[f64], op: impl Fn(f64, Line) -> Option<Line>) -> Option<Pl> {
        let mut out = Vec::with_capacity(self.pieces.len());
        for (s, p) in self.spans() {
            for (s2, e2) in cut(s, p.end, (p.a, p.b), levels) {
                let (a, b) = op((s2 + e2) / 2.0, (p.a, p.b))?;
                out.push(Piece { end: e2, a, b });
            }
        }
        Pl::build(self.start, out)
    }

    /// `op` applied to two functions on the same domain, on their common pieces, each cut
    /// where the difference `self - other` crosses one of `levels`.
    pub fn binary(
        &self,
        other: &Pl,
        levels: &[f64],
        op: impl Fn(f64, Line, Line) -> Option<Line>,
    ) -> Option<Pl> {
        let mut out = Vec::with_capacity(self.pieces.len() + other.pieces.len());
        let (mut i, mut j, mut s) = (0, 0, self.start);
        while i < self.pieces.len() && j < other.pieces.len() {
            let (p, q) = (self.pieces[i], other.pieces[j]);
            let e = p.end.min(q.end);
            if e > s {
                let d = (p.a - q.a, p.b - q.b);
                for (s2, e2) in cut(s, e, d, levels) {
                    let (a, b) = op((s2 + e2) / 2.0, (p.a, p.b), (q.a, q.b))?;
                    out.push(Piece { end: e2, a, b });
                }
                s = e;
            }
            if p.end <= e {
                i += 1;
            }
            if q.end <= e {
                j += 1;
            }
        }
        Pl::build(self.start, out)
    }
}

/// `[s, e]` cut where the line `d` crosses one of `levels` strictly inside.
fn cut(s: f64, e: f64, (a, b): Line, levels: &[f64]) -> Vec<(f64, f64)> {
    let mut points: Vec<f64> = if b == 0.0 {
        Vec::new()
    } else {
        levels
            .iter()
            .map(|l| (l - a) / b)
            .filter(|x| *x > s && *x < e)
            .collect()
    };
    points.sort_by(f64::total_cmp);
    points.dedup();
    let mut out = Vec::with_capacity(points.len() + 1);
    let mut from = s;
    for x in points {
        out.push((from, x));
        from = x;
    }
    out.push((from, e));
    out
}

fn bool_line(v: bool) -> Option<Line> {
    Some((if v { 1.0 } else { 0.0 }, 0.0))
}

/// A flat line's value (None: the line has a slope).
fn flat((a, b): Line) -> Option<f64> {
    (b == 0.0).then_some(a)
}

/// The context of one evaluation over an interval.
struct Ctx<'s> {
    slots: &'s [f64],
    var: u32,
    start: f64,
    end: f64,
    lookup: &'s dyn Fn(u32) -> Option<&'s Pl>,
}

impl Expr {
    /// This expression as a piecewise-linear function of slot `var` on `[start, end]`, with
    /// every other slot at its value in `slots`, except slots for which `lookup` gives a
    /// function of `var` (derived values that depend on it). None when the expression is not
    /// piecewise linear in `var` there (see the module documentation).
    pub fn linear<'s>(
        &self,
        slots: &'s [f64],
        var: u32,
        start: f64,
        end: f64,
        lookup: &'s dyn Fn(u32) -> Option<&'s Pl>,
    ) -> Option<Pl> {
        let ctx = Ctx {
            slots,
            var,
            start,
            end,
            lookup,
        };
        ctx.node(&self.root)
    }
}

impl Ctx<'_> {
    fn node(&self, n: &Node) -> Option<Pl> {
        let tol = EQ_TOLERANCE;
        match n {
            Node::Const(v) => Some(Pl::constant(self.start, self.end, *v)),
            Node::Slot(s) if *s == self.var => Some(Pl::identity(self.start, self.end)),
            Node::Slot(s) => match (self.lookup)(*s) {
                Some(pl) => Some(pl.clone()),
                None => {
                    let v = *self.slots.get(*s as usize)?;
                    v.is_finite().then(|| Pl::constant(self.start, self.end, v))
                }
            },
            Node::Neg(x) => self.node(x)?.unary(&[], |_, (a, b)| Some((-a, -b))),
            Node::Not(x) => self.node(x)?.unary(&[], |_, l| bool_line(flat(l)? == 0.0)),
            Node::Add(p) => self.pair(p, &[], |_, x, y| Some((x.0 + y.0, x.1 + y.1))),
            Node::Sub(p) => self.pair(p, &[], |_, x, y| Some((x.0 - y.0, x.1 - y.1))),
            Node::Mul(p) => self.pair(p, &[], |_, x, y| match (flat(x), flat(y)) {
                (Some(c), _) => Some((c * y.0, c * y.1)),
                (_, Some(c)) => Some((x.0 * c, x.1 * c)),
                _ => None,
            }),
            Node::Div(p) => self.pair(p, &[], |_, x, y| {
                let c = flat(y).filter(|c| *c != 0.0)?;
                Some((x.0 / c, x.1 / c))
            }),
            Node::And(p) => self.pair(p, &[], |_, x, y| {
                bool_line(flat(x)? != 0.0 && flat(y)? != 0.0)
            }),
            Node::Or(p) => self.pair(p, &[], |_, x, y| {
                bool_line(flat(x)? != 0.0 || flat(y)? != 0.0)
            }),
            Node::Eq(p) => self.compare(p, &[-tol, tol], |d| d.abs() <= tol),
            Node::Ne(p) => self.compare(p, &[-tol, tol], |d| d.abs() > tol),
            Node::Lt(p) => self.compare(p, &[-tol], |d| d < -tol),
            Node::Le(p) => self.compare(p, &[tol], |d| d <= tol),
            Node::Gt(p) => self.compare(p, &[tol], |d| d > tol),
            Node::Ge(p) => self.compare(p, &[-tol], |d| d >= -tol),
            Node::In(p) => {
                let levels: Vec<f64> = p.1.iter().flat_map(|v| [v - tol, v + tol]).collect();
                self.node(&p.0)?.unary(&levels, |mid, (a, b)| {
                    let x = a + b * mid;
                    bool_line(p.1.iter().any(|v| (x - v).abs() <= tol))
                })
            }
            Node::If(p) => {
                let c = self.node(&p.0)?;
                let (x, y) = (self.node(&p.1)?, self.node(&p.2)?);
                let then = c.binary(&x, &[], |_, c, l| {
                    Some(if flat(c)? != 0.0 { l } else { (0.0, 0.0) })
                })?;
                let other = c.binary(&y, &[], |_, c, l| {
                    Some(if flat(c)? != 0.0 { (0.0, 0.0) } else { l })
                })?;
                then.binary(&other, &[], |_, x, y| Some((x.0 + y.0, x.1 + y.1)))
            }
            Node::Min(args) => self.extreme(args, false),
            Node::Max(args) => self.extreme(args, true),
            Node::Round(x, d) => self
                .node(x)?
                .unary(&[], |_, l| Some((round_to(flat(l)?, *d), 0.0))),
            Node::Floor(x) => self
                .node(x)?
                .unary(&[], |_, l| Some((floor_tol(flat(l)?), 0.0))),
            Node::Ceil(x) => self
                .node(x)?
                .unary(&[], |_, l| Some((ceil_tol(flat(l)?), 0.0))),
            Node::Abs(x) => self.node(x)?.unary(&[0.0], |mid, (a, b)| {
                Some(if a + b * mid < 0.0 { (-a, -b) } else { (a, b) })
            }),
            Node::Clamp(p) => {
                let (x, lo, hi) = (self.node(&p.0)?, self.node(&p.1)?, self.node(&p.2)?);
                let low = x.binary(&hi, &[0.0], |mid, x, h| Some(pick(mid, x, h, false)))?;
                lo.binary(&low, &[0.0], |mid, l, x| Some(pick(mid, l, x, true)))
            }
        }
    }

    fn pair(
        &self,
        p: &(Node, Node),
        levels: &[f64],
        op: impl Fn(f64, Line, Line) -> Option<Line>,
    ) -> Option<Pl> {
        self.node(&p.0)?.binary(&self.node(&p.1)?, levels, op)
    }

    /// A comparison: yes/no per piece, cut where the difference crosses the tolerance.
    fn compare(&self, p: &(Node, Node), levels: &[f64], holds: impl Fn(f64) -> bool) -> Option<Pl> {
        self.pair(p, levels, |mid, x, y| {
            let d = (x.0 + x.1 * mid) - (y.0 + y.1 * mid);
            bool_line(holds(d))
        })
    }

    /// `min` or `max` of the arguments, cut where two of them cross.
    fn extreme(&self, args: &[Node], max: bool) -> Option<Pl> {
        let mut acc = self.node(args.first()?)?;
        for a in &args[1..] {
            let next = self.node(a)?;
            acc = acc.binary(&next, &[0.0], |mid, x, y| Some(pick(mid, x, y, max)))?;
        }
        Some(acc)
    }
}

/// The larger (`max`) or smaller of two lines at `mid`.
fn pick(mid: f64, x: Line, y: Line, max: bool) -> Line {
    let (vx, vy) = (x.0 + x.1 * mid, y.0 + y.1 * mid);
    if (vx >= vy) == max { x } else { y }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(src: &str) -> Option<Pl> {
        struct S;
        impl super::super::Scope for S {
            fn lookup(&self, name: &str) -> Option<super::super::Symbol> {
                let slot = ["x", "y"].iter().position(|n| *n == name)? as u32;
                Some(super::super::Symbol {
                    slot,
                    ty: super::super::Type::Number,
                })
            }
            fn names(&self) -> Vec<String> {
                vec!["x".into(), "y".into()]
            }
            fn choice_index(&self, _: u32, _: &str) -> Option<u32> {
                None
            }
            fn choices(&self, _: u32) -> Vec<String> {
                Vec::new()
            }
            fn choice_input_name(&self, _: u32) -> String {
                String::new()
            }
        }
        let e = super::super::compile_str(src, &S, None).unwrap();
        e.linear(&[0.0, 3.0], 0, 0.0, 10.0, &|_| None)
    }

    #[test]
    fn lines_and_their_breakpoints() {
        let p = f("2 * x + y").unwrap();
        assert_eq!(
            p.pieces,
            vec![Piece {
                end: 10.0,
                a: 3.0,
                b: 2.0
            }]
        );
        let p = f("max(0, 12 - 2 * x)").unwrap();
        assert_eq!(p.breakpoints().collect::<Vec<_>>(), vec![6.0]);
        assert_eq!(p.value(2.0), 8.0);
        assert_eq!(p.value(8.0), 0.0);
        let p = f("if x > 4 then x else 1").unwrap();
        assert_eq!(p.value(2.0), 1.0);
        assert_eq!(p.value(5.0), 5.0);
        let p = f("clamp(x - 2, 1, 5) / y").unwrap();
        assert_eq!(p.breakpoints().collect::<Vec<_>>(), vec![3.0, 7.0]);
        assert!((p.value(5.0) - 1.0).abs() < 1e-12);
        let p = f("abs(x - 5) + round(y * 1.5)").unwrap();
        assert_eq!(p.value(0.0), 10.0);
        assert_eq!(p.value(9.0), 9.0);
    }

    #[test]
    fn what_is_not_piecewise_linear() {
        assert!(f("x * x").is_none());
        assert!(f("y / x").is_none());
        assert!(f("round(x)").is_none());
        assert!(f("y / (y - 3)").is_none());
    }
}
