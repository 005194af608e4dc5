//! Compiled node tree and its evaluator. Evaluation never allocates.

use super::{EQ_TOLERANCE, EvalError};

/// Compiled expression node. 16 bytes; children are boxed.
#[derive(Clone, Debug)]
#[allow(
    clippy::box_collection,
    reason = "Box<Vec> keeps Node at 16 bytes; Box<[Node]> would make it 24"
)]
pub(super) enum Node {
    Const(f64),
    Slot(u32),
    Neg(Box<Node>),
    Not(Box<Node>),
    Add(Box<(Node, Node)>),
    Sub(Box<(Node, Node)>),
    Mul(Box<(Node, Node)>),
    Div(Box<(Node, Node)>),
    And(Box<(Node, Node)>),
    Or(Box<(Node, Node)>),
    Eq(Box<(Node, Node)>),
    Ne(Box<(Node, Node)>),
    Lt(Box<(Node, Node)>),
    Le(Box<(Node, Node)>),
    Gt(Box<(Node, Node)>),
    Ge(Box<(Node, Node)>),
    In(Box<(Node, Box<[f64]>)>),
    If(Box<(Node, Node, Node)>),
    Min(Box<Vec<Node>>),
    Max(Box<Vec<Node>>),
    /// Round to the given number of decimals (0..=6).
    Round(Box<Node>, u8),
    Floor(Box<Node>),
    Ceil(Box<Node>),
    Abs(Box<Node>),
    /// clamp(x, lo, hi) = max(lo, min(x, hi))
    Clamp(Box<(Node, Node, Node)>),
}

/// Tolerance used by `round`, `floor` and `ceil` to absorb binary
/// floating-point error (e.g. 2.675 is stored as 2.67499999999999982236431605997495353221893310546875):
/// a value within `slack(v)` below a rounding boundary counts as on it.
/// `slack(v) = min(|v| * REL_EPS, MAX_SLACK) + ABS_EPS`, in units of the last
/// kept digit (cents for `round(x, 2)`).
pub(super) const REL_EPS: f64 = 1e-12;
/// Absolute part of the tolerance (matters only near zero).
pub(super) const ABS_EPS: f64 = 1e-12;
/// Cap so that very large values are not pushed across a boundary.
pub(super) const MAX_SLACK: f64 = 1e-3;

const POW10: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];

#[inline(always)]
fn slack(v: f64) -> f64 {
    (v.abs() * REL_EPS).min(MAX_SLACK) + ABS_EPS
}

/// 2^52: every f64 at least this large (in magnitude) is an integer.
const INTEGRAL: f64 = 4_503_599_627_370_496.0;

/// Floor without a libm call (`f64::floor` is a function call on baseline
/// x86-64 and wasm32 may also not inline it). Exact for all finite inputs.
#[inline(always)]
fn fast_floor(x: f64) -> f64 {
    if x.abs() >= INTEGRAL {
        return x;
    }
    let t = x as i64 as f64; // truncates toward zero
    if t > x { t - 1.0 } else { t }
}

/// Round half away from zero to `decimals` decimals, treating values within
/// `slack` of a half as that half.
pub(super) fn round_to(x: f64, decimals: u8) -> f64 {
    let scale = POW10[(decimals as usize).min(6)];
    let y = x * scale;
    if !y.is_finite() {
        return y;
    }
    if y.abs() >= INTEGRAL {
        return x;
    }
    let a = y.abs() + slack(y);
    // a < 2^52 + slack, so the cast is exact truncation of a non-negative value
    let r = ((a + 0.5) as u64 as f64).copysign(y) / scale;
    r + 0.0 // turn -0.0 into 0.0
}

pub(super) fn floor_tol(x: f64) -> f64 {
    fast_floor(x + slack(x)) + 0.0
}

pub(super) fn ceil_tol(x: f64) -> f64 {
    -fast_floor(-(x - slack(x))) + 0.0
}

/// Record the first evaluation error; the NaN returned makes the rest of the
/// evaluation meaningless, and `Node::eval` reports the recorded error.
#[cold]
#[inline(never)]
fn fail(err: &mut Option<EvalError>, e: EvalError) -> f64 {
    if err.is_none() {
        *err = Some(e);
    }
    f64::NAN
}

#[inline(always)]
fn finite(v: f64, err: &mut Option<EvalError>) -> f64 {
    if v.is_finite() {
        v
    } else {
        fail(err, EvalError::NotFinite)
    }
}

#[inline(always)]
fn b(v: bool) -> f64 {
    if v { 1.0 } else { 0.0 }
}

impl Node {
    /// Evaluate. Never returns a non-finite value.
    #[inline]
    pub(super) fn eval(&self, s: &[f64]) -> Result<f64, EvalError> {
        let mut err = None;
        let v = self.ev(s, &mut err);
        match err {
            Some(e) => Err(e),
            None if v.is_finite() => Ok(v),
            None => Err(EvalError::NotFinite),
        }
    }

    /// Evaluation core. Errors are recorded in `err` (first one wins) and
    /// yield NaN; returning a plain f64 keeps the hot path in registers.
    /// Once `err` is set the returned value is meaningless.
    /// Child evaluation with leaves (constants and slots) handled inline,
    /// saving a call for about half of all nodes.
    #[inline(always)]
    fn val(&self, s: &[f64], err: &mut Option<EvalError>) -> f64 {
        match self {
            Node::Const(v) => *v,
            Node::Slot(i) => match s.get(*i as usize) {
                Some(&v) if v.is_finite() => v,
                Some(_) => fail(err, EvalError::NotFinite),
                None => fail(err, EvalError::SlotOutOfRange),
            },
            _ => self.ev(s, err),
        }
    }

    fn ev(&self, s: &[f64], err: &mut Option<EvalError>) -> f64 {
        match self {
            Node::Const(v) => *v,
            Node::Slot(i) => match s.get(*i as usize) {
                Some(&v) if v.is_finite() => v,
                Some(_) => fail(err, EvalError::NotFinite),
                None => fail(err, EvalError::SlotOutOfRange),
            },
            Node::Neg(a) => -a.val(s, err),
            Node::Not(a) => b(a.val(s, err) == 0.0),
            Node::Add(p) => finite(p.0.val(s, err) + p.1.val(s, err), err),
            Node::Sub(p) => finite(p.0.val(s, err) - p.1.val(s, err), err),
            Node::Mul(p) => finite(p.0.val(s, err) * p.1.val(s, err), err),
            Node::Div(p) => {
                let x = p.0.val(s, err);
                let y = p.1.val(s, err);
                if y == 0.0 {
                    return fail(err, EvalError::DivisionByZero);
                }
                finite(x / y, err)
            }
            Node::And(p) => {
                if p.0.val(s, err) == 0.0 {
                    0.0
                } else {
                    b(p.1.val(s, err) != 0.0)
                }
            }
            Node::Or(p) => {
                if p.0.val(s, err) != 0.0 {
                    1.0
                } else {
                    b(p.1.val(s, err) != 0.0)
                }
            }
            Node::Eq(p) => b((p.0.val(s, err) - p.1.val(s, err)).abs() <= EQ_TOLERANCE),
            Node::Ne(p) => b((p.0.val(s, err) - p.1.val(s, err)).abs() > EQ_TOLERANCE),
            Node::Lt(p) => b(p.0.val(s, err) < p.1.val(s, err) - EQ_TOLERANCE),
            Node::Le(p) => b(p.0.val(s, err) <= p.1.val(s, err) + EQ_TOLERANCE),
            Node::Gt(p) => b(p.0.val(s, err) > p.1.val(s, err) + EQ_TOLERANCE),
            Node::Ge(p) => b(p.0.val(s, err) >= p.1.val(s, err) - EQ_TOLERANCE),
            Node::In(p) => {
                let x = p.0.val(s, err);
                b(p.1.iter().any(|&v| (x - v).abs() <= EQ_TOLERANCE))
            }
            Node::If(p) => {
                if p.0.val(s, err) != 0.0 {
                    p.1.val(s, err)
                } else {
                    p.2.val(s, err)
                }
            }
            Node::Min(args) => {
                let mut m = f64::INFINITY;
                for a in args.iter() {
                    m = m.min(a.val(s, err));
                }
                m
            }
            Node::Max(args) => {
                let mut m = f64::NEG_INFINITY;
                for a in args.iter() {
                    m = m.max(a.val(s, err));
                }
                m
            }
            Node::Round(a, d) => finite(round_to(a.val(s, err), *d), err),
            Node::Floor(a) => floor_tol(a.val(s, err)),
            Node::Ceil(a) => ceil_tol(a.val(s, err)),
            Node::Abs(a) => a.val(s, err).abs(),
            Node::Clamp(p) => {
                let x = p.0.val(s, err);
                let lo = p.1.val(s, err);
                let hi = p.2.val(s, err);
                lo.max(x.min(hi))
            }
        }
    }

    /// Whether any slot is read by this node or its children.
    pub(super) fn reads_slots(&self) -> bool {
        let mut any = false;
        self.visit(&mut |n| any |= matches!(n, Node::Slot(_)));
        any
    }

    pub(super) fn collect_slots(&self, out: &mut Vec<u32>) {
        self.visit(&mut |n| {
            if let Node::Slot(i) = n {
                out.push(*i);
            }
        });
    }

    fn visit(&self, f: &mut dyn FnMut(&Node)) {
        f(self);
        match self {
            Node::Const(_) | Node::Slot(_) => {}
            Node::Neg(a)
            | Node::Not(a)
            | Node::Round(a, _)
            | Node::Floor(a)
            | Node::Ceil(a)
            | Node::Abs(a) => a.visit(f),
            Node::Add(p)
            | Node::Sub(p)
            | Node::Mul(p)
            | Node::Div(p)
            | Node::And(p)
            | Node::Or(p)
            | Node::Eq(p)
            | Node::Ne(p)
            | Node::Lt(p)
            | Node::Le(p)
            | Node::Gt(p)
            | Node::Ge(p) => {
                p.0.visit(f);
                p.1.visit(f);
            }
            Node::In(p) => p.0.visit(f),
            Node::If(p) | Node::Clamp(p) => {
                p.0.visit(f);
                p.1.visit(f);
                p.2.visit(f);
            }
            Node::Min(args) | Node::Max(args) => args.iter().for_each(|a| a.visit(f)),
        }
    }
}
