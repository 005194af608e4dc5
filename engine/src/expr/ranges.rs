//! Interval analysis: which parts of an expression can fail for some answer.
//!
//! Every name has an interval of the values it can take (a question its range, a parameter its
//! value, a derived value what its formula gives). Walking the syntax tree with intervals gives
//! a sound over-approximation of every value a part can take, so a divisor whose interval holds
//! 0 *can* be 0, and a result whose interval is not finite *can* be too large; a divisor whose
//! interval does not hold 0 never is. The evaluator's rules are followed exactly: `and` and
//! `or` only evaluate their right side when needed, `if` only the branch taken, comparisons with
//! their tolerance ([`EQ_TOLERANCE`]).
//!
//! Guards are understood: inside `if c then a else b`, `a` is walked knowing `c` (and `b`
//! knowing `not c`): a comparison narrows both of its sides (`early > 0` narrows `early`),
//! `!=` cuts a hole around a value (`if d != 0 then x / d else 0`), `a > b` and `a != b` are
//! known for `a - b` too, `and`, `or`, `not` and `in` combine, and a yes/no derived value is
//! followed into its formula. A name of a derived value is re-evaluated under what is known.
//! Only the part that can fail is reported; what follows from it is not reported again.

use super::eval::{ceil_tol, floor_tol, round_to};
use super::parser::{AstNode, BinOp, CmpOp, Kind};
use super::{Ast, EQ_TOLERANCE, Scope, Type};

const TOL: f64 = EQ_TOLERANCE;
/// At most this many facts are known at once (deeper guards are ignored: still sound).
const MAX_FACTS: usize = 64;
/// How deep a derived value's formula is followed from a condition or a name.
const MAX_FORMULA_DEPTH: u32 = 3;
/// Node visits for the extra work of guards (narrowing, formulas re-evaluated). When used up,
/// guards narrow nothing more: the check stays sound, only less precise.
const BUDGET: usize = 2_000_000;

/// A closed interval; `lo > hi` (or NaN) is empty: a value that is never reached.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    /// Anything: also what a part that can fail gives (its failure is reported once).
    pub const ALL: Interval = Interval {
        lo: f64::NEG_INFINITY,
        hi: f64::INFINITY,
    };
    const EMPTY: Interval = Interval {
        lo: f64::INFINITY,
        hi: f64::NEG_INFINITY,
    };
    const BOOL: Interval = Interval { lo: 0.0, hi: 1.0 };

    pub fn new(lo: f64, hi: f64) -> Interval {
        Interval { lo, hi }
    }
    pub fn point(v: f64) -> Interval {
        Interval { lo: v, hi: v }
    }
    pub fn is_empty(self) -> bool {
        // NaN bounds count as empty too.
        self.lo
            .partial_cmp(&self.hi)
            .is_none_or(|o| o == std::cmp::Ordering::Greater)
    }
    pub fn contains(self, v: f64) -> bool {
        self.lo <= v && v <= self.hi
    }
    fn finite(self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }
    fn meet(self, o: Interval) -> Interval {
        Interval::new(self.lo.max(o.lo), self.hi.min(o.hi))
    }
    fn hull(self, o: Interval) -> Interval {
        match (self.is_empty(), o.is_empty()) {
            (true, _) => o,
            (_, true) => self,
            _ => Interval::new(self.lo.min(o.lo), self.hi.max(o.hi)),
        }
    }
    fn neg(self) -> Interval {
        Interval::new(-self.hi, -self.lo)
    }
    /// The image under a non-decreasing function.
    fn map(self, f: impl Fn(f64) -> f64) -> Interval {
        Interval::new(f(self.lo), f(self.hi))
    }
    fn truth(b: bool) -> Interval {
        Interval::point(if b { 1.0 } else { 0.0 })
    }
    /// Of a yes/no value: Some when it is always the same.
    fn known(self) -> Option<bool> {
        if self.lo == 0.0 && self.hi == 0.0 {
            Some(false)
        } else if !self.is_empty() && !self.contains(0.0) {
            Some(true)
        } else {
            None
        }
    }
}

/// The smallest interval holding `f(a, b)` for `a`, `b` at the corners (exact for `*` and `/`
/// when the divisor does not hold 0: both are monotone in each argument there).
fn corners(x: Interval, y: Interval, f: impl Fn(f64, f64) -> f64) -> Interval {
    let v = [f(x.lo, y.lo), f(x.lo, y.hi), f(x.hi, y.lo), f(x.hi, y.hi)];
    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if v.iter().any(|r| r.is_nan()) {
        Interval::ALL
    } else {
        Interval::new(lo, hi)
    }
}

/// What can go wrong in a part of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Risk {
    /// A divisor can be 0.
    DivideByZero,
    /// A result can be too large (beyond about 1e308) to compute.
    TooLarge,
}

/// A part of an expression that can fail for some answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Hazard {
    /// Byte span in the expression: the divisor, or the part whose result can be too large.
    pub start: usize,
    pub end: usize,
    pub risk: Risk,
    /// The values the divisor (or the operands' result) can take.
    pub range: Interval,
    /// The names the divisor (or the part) uses, in order, without repeats.
    pub names: Vec<String>,
}

/// What is known about the names: an interval per slot, and for a derived value its formula
/// (followed from conditions, and re-evaluated under what a guard tells).
pub struct Domain<'a> {
    pub slots: Vec<Interval>,
    pub formulas: Vec<Option<&'a Ast>>,
}

/// The values `ast` can take and the parts of it that can fail, when `given` (an `eligible_if`,
/// for an option's values) holds. Nothing is reported when `given` can never hold.
pub fn hazards<'a>(
    ast: &'a Ast,
    scope: &dyn Scope,
    domain: &Domain<'a>,
    given: Option<&'a Ast>,
) -> (Interval, Vec<Hazard>) {
    let mut w = Walk {
        scope,
        domain,
        facts: Vec::new(),
        hazards: Vec::new(),
        quiet: 0,
        budget: BUDGET,
        depth: 0,
    };
    if let Some(g) = given
        && !w.refine(&g.root, true)
    {
        return (Interval::EMPTY, Vec::new());
    }
    let range = w.iv(&ast.root);
    (range, w.hazards)
}

/// What is known inside a branch: the value of a node (or of the difference of two nodes) lies
/// within `keep`, or outside it.
struct Fact<'a> {
    target: Target<'a>,
    inside: bool,
    keep: Interval,
}

enum Target<'a> {
    One(&'a AstNode),
    Diff(&'a AstNode, &'a AstNode),
}

/// The same expression, brackets aside.
fn same(a: &AstNode, b: &AstNode) -> bool {
    let (a, b) = (a.strip_parens(), b.strip_parens());
    if std::ptr::eq(a, b) {
        return true;
    }
    let all = |x: &[AstNode], y: &[AstNode]| {
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
    };
    match (&a.kind, &b.kind) {
        (Kind::Num(x), Kind::Num(y)) => x == y,
        (Kind::Bool(x), Kind::Bool(y)) => x == y,
        (Kind::Str(x), Kind::Str(y)) | (Kind::Name(x), Kind::Name(y)) => x == y,
        (Kind::Neg(x), Kind::Neg(y)) | (Kind::Not(x), Kind::Not(y)) => same(x, y),
        (Kind::Bin(o, x1, x2), Kind::Bin(p, y1, y2)) => o == p && same(x1, y1) && same(x2, y2),
        (Kind::Cmp(o, x1, x2), Kind::Cmp(p, y1, y2)) => o == p && same(x1, y1) && same(x2, y2),
        (
            Kind::In {
                value: x,
                items: xs,
                negated: n,
            },
            Kind::In {
                value: y,
                items: ys,
                negated: m,
            },
        ) => n == m && same(x, y) && all(xs, ys),
        (Kind::If(c, x1, x2), Kind::If(d, y1, y2)) => same(c, d) && same(x1, y1) && same(x2, y2),
        (
            Kind::Call {
                name: f, args: x, ..
            },
            Kind::Call {
                name: g, args: y, ..
            },
        ) => f == g && all(x, y),
        _ => false,
    }
}

fn negate(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Eq => CmpOp::Ne,
        CmpOp::Ne => CmpOp::Eq,
        CmpOp::Lt => CmpOp::Ge,
        CmpOp::Ge => CmpOp::Lt,
        CmpOp::Le => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Le,
    }
}

fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    }
}

/// What `x op o` tells about `x` when `o` lies in `o` (inside, keep), with margins that stay on
/// the safe side of the evaluator's tolerance and of rounding.
fn relation(op: CmpOp, o: Interval) -> Option<(bool, Interval)> {
    let (inf, ninf) = (f64::INFINITY, f64::NEG_INFINITY);
    Some(match op {
        CmpOp::Gt => (true, Interval::new(o.lo + TOL / 2.0, inf)),
        CmpOp::Ge => (true, Interval::new(o.lo - 2.0 * TOL, inf)),
        CmpOp::Lt => (true, Interval::new(ninf, o.hi - TOL / 2.0)),
        CmpOp::Le => (true, Interval::new(ninf, o.hi + 2.0 * TOL)),
        CmpOp::Eq => (true, Interval::new(o.lo - 2.0 * TOL, o.hi + 2.0 * TOL)),
        CmpOp::Ne if o.lo == o.hi => (false, Interval::new(o.lo - TOL / 2.0, o.hi + TOL / 2.0)),
        CmpOp::Ne => return None,
    })
}

/// Whether `x op y` holds for all, none, or some values (the evaluator's comparisons).
fn compare(op: CmpOp, x: Interval, y: Interval) -> Interval {
    let (yes, no) = match op {
        CmpOp::Lt => (x.hi < y.lo - TOL, x.lo >= y.hi - TOL),
        CmpOp::Le => (x.hi <= y.lo + TOL, x.lo > y.hi + TOL),
        CmpOp::Gt => (x.lo > y.hi + TOL, x.hi <= y.lo + TOL),
        CmpOp::Ge => (x.lo >= y.hi - TOL, x.hi < y.lo - TOL),
        CmpOp::Eq | CmpOp::Ne => {
            let d = Interval::new(x.lo - y.hi, x.hi - y.lo);
            let eq = (d.lo >= -TOL && d.hi <= TOL, d.lo > TOL || d.hi < -TOL);
            if op == CmpOp::Eq { eq } else { (eq.1, eq.0) }
        }
    };
    match (yes, no) {
        (true, _) => Interval::truth(true),
        (_, true) => Interval::truth(false),
        _ => Interval::BOOL,
    }
}

struct Walk<'s, 'a> {
    scope: &'s dyn Scope,
    domain: &'s Domain<'a>,
    facts: Vec<Fact<'a>>,
    hazards: Vec<Hazard>,
    /// Above 0: only values are wanted (narrowing, formulas), nothing is reported.
    quiet: u32,
    budget: usize,
    depth: u32,
}

impl<'s, 'a: 's> Walk<'s, 'a> {
    /// The values `n` can take, reporting what can fail (unless quiet).
    fn iv(&mut self, n: &'a AstNode) -> Interval {
        if self.quiet > 0 {
            if self.budget == 0 {
                return Interval::ALL;
            }
            self.budget -= 1;
        }
        let v = match &n.kind {
            Kind::Num(v) => Interval::point(*v),
            Kind::Bool(b) => Interval::truth(*b),
            Kind::Str(_) => Interval::ALL,
            Kind::Name(name) => self.name(name),
            Kind::Paren(a) => self.iv(a),
            Kind::Neg(a) => self.iv(a).neg(),
            Kind::Not(a) => match self.iv(a).known() {
                Some(b) => Interval::truth(!b),
                None => Interval::BOOL,
            },
            Kind::Bin(op @ (BinOp::And | BinOp::Or), a, b) => self.logic(*op == BinOp::And, a, b),
            Kind::Bin(op, a, b) => self.arith(*op, n, a, b),
            Kind::Cmp(op, a, b) => {
                let (x, y) = (self.side(a, b), self.side(b, a));
                compare(*op, x, y)
            }
            Kind::In {
                value,
                items,
                negated,
            } => self.in_list(value, items, *negated),
            Kind::If(c, a, b) => self.branch(c, a, b),
            Kind::Call { name, args, .. } => self.call(name, args, n),
        };
        if self.facts.is_empty() || v.is_empty() {
            return v;
        }
        let v = self.apply_facts(n, v);
        match &n.kind {
            // A yes/no value or a choice is a whole number (0/1, an index): narrowed, it keeps
            // only the whole numbers in its interval.
            Kind::Name(name)
                if self
                    .scope
                    .lookup(name)
                    .is_some_and(|s| s.ty != Type::Number) =>
            {
                Interval::new(v.lo.ceil(), v.hi.floor())
            }
            _ => v,
        }
    }

    fn quiet_iv(&mut self, n: &'a AstNode) -> Interval {
        self.quiet += 1;
        let v = self.iv(n);
        self.quiet -= 1;
        v
    }

    fn name(&mut self, name: &str) -> Interval {
        let Some(sym) = self.scope.lookup(name) else {
            return Interval::ALL;
        };
        let slot = sym.slot as usize;
        let base = self
            .domain
            .slots
            .get(slot)
            .copied()
            .unwrap_or(Interval::ALL);
        let formula = self.domain.formulas.get(slot).copied().flatten();
        match formula {
            // Under a guard, a derived value may be narrower than over all answers.
            Some(f) if !self.facts.is_empty() && self.depth < MAX_FORMULA_DEPTH => {
                self.depth += 1;
                let again = self.quiet_iv(&f.root);
                self.depth -= 1;
                base.meet(again)
            }
            _ => base,
        }
    }

    /// One side of a comparison: a choice in quotes is its index among the other side's choices.
    fn side(&mut self, n: &'a AstNode, other: &'a AstNode) -> Interval {
        match &n.strip_parens().kind {
            Kind::Str(lit) => self.choice_index(other, lit),
            _ => self.iv(n),
        }
    }

    fn choice_index(&self, value: &AstNode, lit: &str) -> Interval {
        let index = self
            .choice_input(value)
            .and_then(|k| self.scope.choice_index(k, lit));
        index.map_or(Interval::ALL, |i| Interval::point(f64::from(i)))
    }

    /// The choice question a choice-valued node belongs to.
    fn choice_input(&self, n: &AstNode) -> Option<u32> {
        match &n.strip_parens().kind {
            Kind::Name(name) => match self.scope.lookup(name)?.ty {
                Type::Choice(k) => Some(k),
                _ => None,
            },
            Kind::If(_, a, b) => self.choice_input(a).or_else(|| self.choice_input(b)),
            _ => None,
        }
    }

    fn apply_facts(&self, n: &AstNode, mut v: Interval) -> Interval {
        for f in &self.facts {
            let keep = match (&f.target, &n.strip_parens().kind) {
                (Target::One(m), _) if same(m, n) => f.keep,
                (Target::Diff(a, b), Kind::Bin(BinOp::Sub, x, y)) => {
                    if same(x, a) && same(y, b) {
                        f.keep
                    } else if same(x, b) && same(y, a) {
                        f.keep.neg()
                    } else {
                        continue;
                    }
                }
                _ => continue,
            };
            if f.inside {
                v = v.meet(keep);
            } else {
                // A hole: it can only cut off an end.
                let (lo, hi) = (v.lo, v.hi);
                if keep.contains(lo) {
                    v.lo = keep.hi;
                }
                if keep.contains(hi) {
                    v.hi = keep.lo;
                }
            }
        }
        v
    }

    /// The half-width around 0 that a known hole keeps `n` out of, if any.
    fn hole_around_zero(&self, n: &AstNode) -> Option<f64> {
        let mut best: Option<f64> = None;
        for f in self.facts.iter().filter(|f| !f.inside) {
            let hit = match (&f.target, &n.strip_parens().kind) {
                (Target::One(m), _) => same(m, n),
                (Target::Diff(a, b), Kind::Bin(BinOp::Sub, x, y)) => {
                    (same(x, a) && same(y, b)) || (same(x, b) && same(y, a))
                }
                _ => false,
            };
            let h = (-f.keep.lo).min(f.keep.hi);
            if hit && h > 0.0 {
                best = Some(best.map_or(h, |b| b.max(h)));
            }
        }
        best
    }

    fn hazard(&mut self, at: &AstNode, risk: Risk, range: Interval) {
        if self.quiet > 0
            || self
                .hazards
                .iter()
                .any(|h| (h.start, h.end) == (at.start, at.end))
        {
            return;
        }
        let mut names = Vec::new();
        at.collect_names(&mut names);
        let mut seen: Vec<String> = Vec::new();
        for (name, _, _) in names {
            if !seen.contains(&name) {
                seen.push(name);
            }
        }
        self.hazards.push(Hazard {
            start: at.start,
            end: at.end,
            risk,
            range,
            names: seen,
        });
    }

    fn arith(&mut self, op: BinOp, n: &'a AstNode, a: &'a AstNode, b: &'a AstNode) -> Interval {
        let (x, y) = (self.iv(a), self.iv(b));
        if x.is_empty() || y.is_empty() {
            return Interval::EMPTY;
        }
        if !(x.finite() && y.finite()) {
            return Interval::ALL; // follows from a part already reported
        }
        let r = match op {
            BinOp::Add => Interval::new(x.lo + y.lo, x.hi + y.hi),
            // The same value twice: x - x is exactly 0 (x is finite here).
            BinOp::Sub if same(a, b) => Interval::point(0.0),
            BinOp::Sub => Interval::new(x.lo - y.hi, x.hi - y.lo),
            BinOp::Mul if same(a, b) => {
                let m = corners(x, x, |p, q| p * q);
                let lo = if x.contains(0.0) { 0.0 } else { m.lo.max(0.0) };
                Interval::new(lo, m.hi)
            }
            BinOp::Mul => corners(x, y, |p, q| p * q),
            _ if !y.contains(0.0) => corners(x, y, |p, q| p / q),
            _ => match self.hole_around_zero(b) {
                Some(h) => {
                    let m = x.lo.abs().max(x.hi.abs()) / h;
                    Interval::new(-m, m)
                }
                None => {
                    self.hazard(b, Risk::DivideByZero, y);
                    return Interval::ALL;
                }
            },
        };
        if r.finite() {
            r
        } else {
            self.hazard(n, Risk::TooLarge, r);
            Interval::ALL
        }
    }

    /// `and` / `or`: the right side is only evaluated when the left one does not decide.
    fn logic(&mut self, and: bool, a: &'a AstNode, b: &'a AstNode) -> Interval {
        let x = self.iv(a);
        if x.known() == Some(!and) {
            return Interval::truth(!and);
        }
        let mark = self.facts.len();
        let y = if self.refine(a, and) {
            self.iv(b)
        } else {
            Interval::EMPTY
        };
        self.facts.truncate(mark);
        match (x.known(), y.known()) {
            (Some(_), Some(v)) => Interval::truth(v),
            (_, Some(v)) if v != and => Interval::truth(v),
            _ if y.is_empty() => Interval::truth(!and),
            _ => Interval::BOOL,
        }
    }

    fn in_list(&mut self, value: &'a AstNode, items: &'a [AstNode], negated: bool) -> Interval {
        let x = self.iv(value);
        let set: Vec<Interval> = items.iter().map(|i| self.item(value, i)).collect();
        let hit = |s: &Interval| compare(CmpOp::Eq, x, *s);
        let r = if set.iter().any(|s| hit(s) == Interval::truth(true)) {
            Interval::truth(true)
        } else if set.iter().all(|s| hit(s) == Interval::truth(false)) {
            Interval::truth(false)
        } else {
            Interval::BOOL
        };
        match (negated, r.known()) {
            (true, Some(b)) => Interval::truth(!b),
            _ => r,
        }
    }

    fn item(&self, value: &AstNode, item: &AstNode) -> Interval {
        match &item.kind {
            Kind::Num(v) => Interval::point(*v),
            Kind::Str(lit) => self.choice_index(value, lit),
            _ => Interval::ALL,
        }
    }

    fn branch(&mut self, c: &'a AstNode, a: &'a AstNode, b: &'a AstNode) -> Interval {
        let known = self.iv(c).known();
        let mut out = Interval::EMPTY;
        for (truth, part) in [(true, a), (false, b)] {
            if known == Some(!truth) {
                continue;
            }
            let mark = self.facts.len();
            if self.refine(c, truth) {
                out = out.hull(self.iv(part));
            }
            self.facts.truncate(mark);
        }
        out
    }

    fn call(&mut self, name: &str, args: &'a [AstNode], n: &'a AstNode) -> Interval {
        let first = args.first().map_or(Interval::ALL, |a| self.iv(a));
        match name {
            "min" | "max" => {
                let mut r = first;
                for a in &args[1..] {
                    let y = self.iv(a);
                    r = if name == "min" {
                        Interval::new(r.lo.min(y.lo), r.hi.min(y.hi))
                    } else {
                        Interval::new(r.lo.max(y.lo), r.hi.max(y.hi))
                    };
                }
                r
            }
            "round" => {
                let d = match args.get(1).map(|d| &d.strip_parens().kind) {
                    Some(Kind::Num(v)) => *v as u8,
                    _ => 0,
                };
                let scale = 10f64.powi(i32::from(d));
                if first.finite() && !(first.lo.abs().max(first.hi.abs()) * scale).is_finite() {
                    self.hazard(n, Risk::TooLarge, first);
                    return Interval::ALL;
                }
                first.map(|v| round_to(v, d))
            }
            "floor" => first.map(floor_tol),
            "ceil" => first.map(ceil_tol),
            "abs" if first.lo >= 0.0 => first,
            "abs" if first.hi <= 0.0 => first.neg(),
            "abs" => Interval::new(0.0, (-first.lo).max(first.hi)),
            "clamp" if args.len() == 3 => {
                let (lo, hi) = (self.iv(&args[1]), self.iv(&args[2]));
                let m = Interval::new(first.lo.min(hi.lo), first.hi.min(hi.hi));
                Interval::new(m.lo.max(lo.lo), m.hi.max(lo.hi))
            }
            _ => Interval::ALL,
        }
    }

    // ---- what a condition tells ----

    /// Adds what `c` being `truth` tells; false when it cannot be (that branch is never taken).
    fn refine(&mut self, c: &'a AstNode, truth: bool) -> bool {
        match &c.kind {
            Kind::Paren(a) => self.refine(a, truth),
            Kind::Not(a) => self.refine(a, !truth),
            Kind::Bool(b) => *b == truth,
            Kind::Bin(BinOp::And, a, b) if truth => self.refine(a, true) && self.refine(b, true),
            Kind::Bin(BinOp::Or, a, b) if !truth => self.refine(a, false) && self.refine(b, false),
            Kind::Cmp(op, a, b) => self.refine_cmp(if truth { *op } else { negate(*op) }, a, b),
            Kind::In {
                value,
                items,
                negated,
            } => self.refine_in(value, items, truth != *negated),
            Kind::Name(name) => {
                let ok = self.know(Target::One(c), true, Interval::truth(truth));
                let slot = self.scope.lookup(name).map(|s| s.slot as usize);
                let formula = slot.and_then(|s| self.domain.formulas.get(s).copied().flatten());
                match formula {
                    Some(f) if ok && self.depth < MAX_FORMULA_DEPTH => {
                        self.depth += 1;
                        let r = self.refine(&f.root, truth);
                        self.depth -= 1;
                        r
                    }
                    _ => ok,
                }
            }
            _ => true,
        }
    }

    fn refine_cmp(&mut self, op: CmpOp, a: &'a AstNode, b: &'a AstNode) -> bool {
        self.quiet += 1;
        let (x, y) = (self.side(a, b), self.side(b, a));
        self.quiet -= 1;
        if compare(op, x, y) == Interval::truth(false) {
            return false;
        }
        let literal = |n: &AstNode| matches!(n.strip_parens().kind, Kind::Num(_) | Kind::Str(_));
        let mut ok = true;
        for (side, other, op) in [(a, y, op), (b, x, flip(op))] {
            if !literal(side)
                && let Some((inside, keep)) = relation(op, other)
            {
                ok &= self.know(Target::One(side), inside, keep);
            }
        }
        if !literal(a) && !literal(b) {
            let q = TOL / 4.0;
            let diff = match op {
                CmpOp::Gt => Some((true, Interval::new(q, f64::INFINITY))),
                CmpOp::Lt => Some((true, Interval::new(f64::NEG_INFINITY, -q))),
                CmpOp::Ne => Some((false, Interval::new(-TOL, TOL))),
                CmpOp::Eq => Some((true, Interval::new(-TOL, TOL))),
                _ => None,
            };
            if let Some((inside, keep)) = diff {
                ok &= self.know(Target::Diff(a, b), inside, keep);
            }
        }
        ok
    }

    fn refine_in(&mut self, value: &'a AstNode, items: &'a [AstNode], member: bool) -> bool {
        let set: Vec<Interval> = items.iter().map(|i| self.item(value, i)).collect();
        let hull = set.iter().fold(Interval::EMPTY, |h, s| h.hull(*s));
        match (member, set.as_slice()) {
            (true, _) => self.know(
                Target::One(value),
                true,
                Interval::new(hull.lo - 2.0 * TOL, hull.hi + 2.0 * TOL),
            ),
            (false, [one]) if one.lo == one.hi => self.know(
                Target::One(value),
                false,
                Interval::new(one.lo - TOL / 2.0, one.hi + TOL / 2.0),
            ),
            _ => true,
        }
    }

    /// Records a fact; false when it contradicts what is known (the branch is never taken).
    fn know(&mut self, target: Target<'a>, inside: bool, keep: Interval) -> bool {
        if keep.is_empty() || keep.lo.is_nan() || keep.hi.is_nan() {
            return true;
        }
        let reachable = match &target {
            Target::One(n) => {
                let now = self.quiet_iv(n);
                if inside {
                    !now.meet(keep).is_empty()
                } else {
                    !(keep.contains(now.lo) && keep.contains(now.hi))
                }
            }
            Target::Diff(..) => true,
        };
        if reachable && self.facts.len() < MAX_FACTS {
            self.facts.push(Fact {
                target,
                inside,
                keep,
            });
        }
        reachable
    }
}
