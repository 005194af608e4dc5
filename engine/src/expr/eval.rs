//! Compiled node tree and its evaluator. Evaluation never allocates.

use super::{EQ_TOLERANCE, EvalError};

/// Compiled expression node. 16 bytes; children are boxed.
#[derive(Clone, Debug)]
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

/// Relative tolerance used by `round`, `floor` and `ceil` to absorb binary
/// floating-point error (e.g. 2.675 is stored as 2.67499999999999982236431605997495353221893310546875).
pub(super) const REL_EPS: f64 = 1e-10;
/// Absolute part of that tolerance (matters only near zero).
pub(super) const ABS_EPS: f64 = 1e-12;

const POW10: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];

#[inline(always)]
fn slack(v: f64) -> f64 {
    v.abs() * REL_EPS + ABS_EPS
}

/// Round half away from zero to `decimals` decimals, treating values within
/// `slack` of a half as that half.
pub(super) fn round_to(x: f64, decimals: u8) -> f64 {
    let scale = POW10[(decimals as usize).min(6)];
    let y = x * scale;
    if !y.is_finite() {
        return y;
    }
    if y.abs() >= 4_503_599_627_370_496.0 {
        // 2^52: already an integer at this scale.
        return x;
    }
    let r = (y.abs() + slack(y)).round().copysign(y) / scale;
    r + 0.0 // turn -0.0 into 0.0
}

pub(super) fn floor_tol(x: f64) -> f64 {
    (x + slack(x)).floor() + 0.0
}

pub(super) fn ceil_tol(x: f64) -> f64 {
    (x - slack(x)).ceil() + 0.0
}

#[inline(always)]
fn finite(v: f64) -> Result<f64, EvalError> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(EvalError::NotFinite)
    }
}

#[inline(always)]
fn b(v: bool) -> f64 {
    if v { 1.0 } else { 0.0 }
}

impl Node {
    pub(super) fn eval(&self, s: &[f64]) -> Result<f64, EvalError> {
        Ok(match self {
            Node::Const(v) => *v,
            Node::Slot(i) => match s.get(*i as usize) {
                Some(&v) if v.is_finite() => v,
                Some(_) => return Err(EvalError::NotFinite),
                None => return Err(EvalError::SlotOutOfRange),
            },
            Node::Neg(a) => -a.eval(s)?,
            Node::Not(a) => b(a.eval(s)? == 0.0),
            Node::Add(p) => finite(p.0.eval(s)? + p.1.eval(s)?)?,
            Node::Sub(p) => finite(p.0.eval(s)? - p.1.eval(s)?)?,
            Node::Mul(p) => finite(p.0.eval(s)? * p.1.eval(s)?)?,
            Node::Div(p) => {
                let x = p.0.eval(s)?;
                let y = p.1.eval(s)?;
                if y == 0.0 {
                    return Err(EvalError::DivisionByZero);
                }
                finite(x / y)?
            }
            Node::And(p) => {
                if p.0.eval(s)? == 0.0 {
                    0.0
                } else {
                    b(p.1.eval(s)? != 0.0)
                }
            }
            Node::Or(p) => {
                if p.0.eval(s)? != 0.0 {
                    1.0
                } else {
                    b(p.1.eval(s)? != 0.0)
                }
            }
            Node::Eq(p) => b((p.0.eval(s)? - p.1.eval(s)?).abs() <= EQ_TOLERANCE),
            Node::Ne(p) => b((p.0.eval(s)? - p.1.eval(s)?).abs() > EQ_TOLERANCE),
            Node::Lt(p) => b(p.0.eval(s)? < p.1.eval(s)? - EQ_TOLERANCE),
            Node::Le(p) => b(p.0.eval(s)? <= p.1.eval(s)? + EQ_TOLERANCE),
            Node::Gt(p) => b(p.0.eval(s)? > p.1.eval(s)? + EQ_TOLERANCE),
            Node::Ge(p) => b(p.0.eval(s)? >= p.1.eval(s)? - EQ_TOLERANCE),
            Node::In(p) => {
                let x = p.0.eval(s)?;
                b(p.1.iter().any(|&v| (x - v).abs() <= EQ_TOLERANCE))
            }
            Node::If(p) => {
                if p.0.eval(s)? != 0.0 {
                    p.1.eval(s)?
                } else {
                    p.2.eval(s)?
                }
            }
            Node::Min(args) => {
                let mut m = f64::INFINITY;
                for a in args.iter() {
                    m = m.min(a.eval(s)?);
                }
                finite(m)?
            }
            Node::Max(args) => {
                let mut m = f64::NEG_INFINITY;
                for a in args.iter() {
                    m = m.max(a.eval(s)?);
                }
                finite(m)?
            }
            Node::Round(a, d) => finite(round_to(a.eval(s)?, *d))?,
            Node::Floor(a) => floor_tol(a.eval(s)?),
            Node::Ceil(a) => ceil_tol(a.eval(s)?),
            Node::Abs(a) => a.eval(s)?.abs(),
            Node::Clamp(p) => {
                let x = p.0.eval(s)?;
                let lo = p.1.eval(s)?;
                let hi = p.2.eval(s)?;
                lo.max(x.min(hi))
            }
        })
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
