//! Type checking and compilation of the syntax tree into evaluation nodes.

use super::eval::Node;
use super::parser::{AstNode, BinOp, CmpOp, Kind};
use super::{ExprError, FUNCTIONS, Scope, Type};

const TEXT_ONLY: &str =
    "text is only allowed when comparing with a choice, e.g. age_group == '65+'";

pub(super) fn compile(
    root: &AstNode,
    src: &str,
    scope: &dyn Scope,
    expected: Option<Type>,
) -> Result<(Node, Type), ExprError> {
    let c = Ctx { scope, src };
    let (node, ty) = c.node(root)?;
    if let Some(exp) = expected
        && exp != ty
    {
        let err = ExprError::new(
            root.start,
            root.end,
            format!(
                "this must be {}, but it is {}",
                c.describe(exp),
                c.describe(ty)
            ),
        );
        let hint = match (exp, ty) {
            (Type::Number, Type::Bool) => Some(format!(
                "to turn yes/no into a number, write: if {} then 1 else 0",
                c.snippet(root)
            )),
            (Type::Bool, Type::Number) => Some(format!(
                "compare it to get yes/no, e.g. {} > 0",
                c.snippet(root)
            )),
            (Type::Bool, Type::Choice(k)) => Some(c.choice_compare_hint(k)),
            _ => None,
        };
        return Err(err.maybe_hint(hint));
    }
    Ok((node, ty))
}

/// Optimal-string-alignment (restricted Damerau-Levenshtein) distance,
/// case-insensitive.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// The candidate closest to `name`, if within max(2, len/3) edits (and
/// strictly fewer edits than `name` has characters).
pub(super) fn closest<'c>(
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let len = name.chars().count();
    let limit = (len / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(name, c), c))
        .filter(|&(d, _)| d <= limit && d < len)
        .min()
        .map(|(_, c)| c)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

struct Ctx<'a> {
    scope: &'a dyn Scope,
    src: &'a str,
}

impl Ctx<'_> {
    fn describe(&self, ty: Type) -> String {
        match ty {
            Type::Number => "a number".into(),
            Type::Bool => "yes/no".into(),
            Type::Choice(k) => format!("a choice of `{}`", self.scope.choice_input_name(k)),
        }
    }

    /// Source text of a node, shortened if long.
    fn snippet(&self, n: &AstNode) -> String {
        match self.src.get(n.start..n.end) {
            Some(s) if s.len() <= 40 => s.to_string(),
            _ => "...".to_string(),
        }
    }

    fn choice_list(&self, k: u32) -> String {
        let choices = self.scope.choices(k);
        let list: Vec<String> = choices.iter().map(|c| format!("'{c}'")).collect();
        list.join(", ")
    }

    fn choice_compare_hint(&self, k: u32) -> String {
        let name = self.scope.choice_input_name(k);
        let first = self.scope.choices(k).into_iter().next().unwrap_or_default();
        format!("compare a choice with one of its options, e.g. {name} == '{first}'")
    }

    /// Hint for a value of type `got` used where `need` was required.
    fn type_hint(&self, need: Type, got: Type, n: &AstNode) -> Option<String> {
        match (need, got) {
            (Type::Number, Type::Bool) => {
                Some("to use yes/no as a number, write: if ... then 1 else 0".into())
            }
            (Type::Bool, Type::Number) => Some(format!(
                "compare the number to get yes/no, e.g. {} > 0",
                self.snippet(n)
            )),
            (_, Type::Choice(k)) => Some(self.choice_compare_hint(k)),
            _ => None,
        }
    }

    fn need(
        &self,
        need: Type,
        got: Type,
        n: &AstNode,
        msg: impl FnOnce(String) -> String,
    ) -> Result<(), ExprError> {
        if need == got {
            return Ok(());
        }
        Err(ExprError::new(n.start, n.end, msg(self.describe(got)))
            .maybe_hint(self.type_hint(need, got, n)))
    }

    /// Replace a node that reads no slots by its value; a constant part that
    /// always fails is an authoring error.
    fn fold(&self, node: Node, n: &AstNode) -> Result<Node, ExprError> {
        if matches!(node, Node::Const(_)) || node.reads_slots() {
            return Ok(node);
        }
        match node.eval(&[]) {
            Ok(v) if v.is_finite() => Ok(Node::Const(v)),
            Ok(_) => Err(ExprError::new(
                n.start,
                n.end,
                "this part always fails: result is too large or undefined",
            )),
            Err(e) => Err(ExprError::new(
                n.start,
                n.end,
                format!("this part always fails: {e}"),
            )),
        }
    }

    fn node(&self, n: &AstNode) -> Result<(Node, Type), ExprError> {
        match &n.kind {
            Kind::Num(v) => Ok((Node::Const(*v), Type::Number)),
            Kind::Bool(b) => Ok((Node::Const(if *b { 1.0 } else { 0.0 }), Type::Bool)),
            Kind::Str(_) => Err(ExprError::new(n.start, n.end, TEXT_ONLY)),
            Kind::Name(name) => match self.scope.lookup(name) {
                Some(sym) => Ok((Node::Slot(sym.slot), sym.ty)),
                None => Err(self.unknown_name(name, n)),
            },
            Kind::Paren(a) => self.node(a),
            Kind::Neg(a) => {
                let (x, t) = self.node(a)?;
                self.need(Type::Number, t, a, |d| {
                    format!("`-` needs a number, but this is {d}")
                })?;
                Ok((self.fold(Node::Neg(Box::new(x)), n)?, Type::Number))
            }
            Kind::Not(a) => {
                let (x, t) = self.node(a)?;
                self.need(Type::Bool, t, a, |d| {
                    format!("`not` needs a yes/no value, but this is {d}")
                })?;
                Ok((self.fold(Node::Not(Box::new(x)), n)?, Type::Bool))
            }
            Kind::Bin(op, a, b) => self.binary(*op, a, b, n),
            Kind::Cmp(op, a, b) => self.compare(*op, a, b, n),
            Kind::In {
                value,
                items,
                negated,
            } => self.in_list(value, items, *negated, n),
            Kind::If(c, a, b) => {
                let (cn, ct) = self.node(c)?;
                self.need(Type::Bool, ct, c, |d| {
                    format!("the condition after `if` must be yes/no, but it is {d}")
                })?;
                let (x, tx) = self.node(a)?;
                let (y, ty) = self.node(b)?;
                if tx != ty {
                    return Err(ExprError::new(
                        b.start,
                        b.end,
                        format!(
                            "both parts of `if` must give the same kind of value, but the `then` part is {} and the `else` part is {}",
                            self.describe(tx),
                            self.describe(ty)
                        ),
                    ));
                }
                let node = match cn {
                    Node::Const(v) => {
                        if v != 0.0 {
                            x
                        } else {
                            y
                        }
                    }
                    _ => Node::If(Box::new((cn, x, y))),
                };
                Ok((self.fold(node, n)?, tx))
            }
            Kind::Call {
                name,
                name_end,
                args,
            } => self.call(name, *name_end, args, n),
        }
    }

    fn unknown_name(&self, name: &str, n: &AstNode) -> ExprError {
        if FUNCTIONS.contains(&name) {
            return ExprError::new(n.start, n.end, format!("`{name}` is a function"))
                .hint(format!("write {name}(...) with its arguments in brackets"));
        }
        let names = self.scope.names();
        let err = ExprError::new(n.start, n.end, format!("unknown name `{name}`"));
        if let Some(best) = closest(name, names.iter().map(String::as_str)) {
            return err.hint(format!("did you mean `{best}`?"));
        }
        if names.is_empty() {
            return err;
        }
        let mut list: Vec<String> = names.iter().take(8).map(|s| format!("`{s}`")).collect();
        if names.len() > 8 {
            list.push("...".into());
        }
        err.hint(format!("known names: {}", list.join(", ")))
    }

    fn binary(
        &self,
        op: BinOp,
        a: &AstNode,
        b: &AstNode,
        n: &AstNode,
    ) -> Result<(Node, Type), ExprError> {
        let (x, tx) = self.node(a)?;
        let (y, ty) = self.node(b)?;
        let sym = op.symbol();
        let (need, what) = match op {
            BinOp::And | BinOp::Or => (Type::Bool, "yes/no values"),
            _ => (Type::Number, "numbers"),
        };
        self.need(need, tx, a, |d| {
            format!("`{sym}` needs {what} on both sides, but the left side is {d}")
        })?;
        self.need(need, ty, b, |d| {
            format!("`{sym}` needs {what} on both sides, but the right side is {d}")
        })?;
        if op == BinOp::Div && matches!(y, Node::Const(v) if v == 0.0) {
            return Err(ExprError::new(b.start, b.end, "division by zero"));
        }
        let pair = Box::new((x, y));
        let node = match op {
            BinOp::Add => Node::Add(pair),
            BinOp::Sub => Node::Sub(pair),
            BinOp::Mul => Node::Mul(pair),
            BinOp::Div => Node::Div(pair),
            BinOp::And => Node::And(pair),
            BinOp::Or => Node::Or(pair),
        };
        Ok((self.fold(node, n)?, need))
    }

    /// Index of a choice literal, or an error listing the choices.
    fn choice_index(&self, k: u32, lit: &str, at: &AstNode) -> Result<f64, ExprError> {
        if let Some(i) = self.scope.choice_index(k, lit) {
            return Ok(f64::from(i));
        }
        let name = self.scope.choice_input_name(k);
        let choices = self.scope.choices(k);
        let mut hint = String::new();
        if let Some(best) = closest(lit, choices.iter().map(String::as_str)) {
            hint.push_str(&format!("did you mean '{best}'? "));
        }
        hint.push_str(&format!("the choices are: {}", self.choice_list(k)));
        Err(ExprError::new(
            at.start,
            at.end,
            format!("'{lit}' is not a choice of `{name}`"),
        )
        .hint(hint))
    }

    /// `value` is an unknown bare name that is a choice of `other`'s input:
    /// the author forgot the quotes.
    fn bare_choice(
        &self,
        value: &AstNode,
        other: &Result<(Node, Type), ExprError>,
    ) -> Option<ExprError> {
        let Kind::Name(name) = &value.strip_parens().kind else {
            return None;
        };
        let Ok((_, Type::Choice(k))) = other else {
            return None;
        };
        if self.scope.lookup(name).is_some() || self.scope.choice_index(*k, name).is_none() {
            return None;
        }
        let v = value.strip_parens();
        Some(
            ExprError::new(
                v.start,
                v.end,
                format!("`{name}` is a choice, so it must be written in quotes"),
            )
            .hint(format!("write '{name}'")),
        )
    }

    fn compare(
        &self,
        op: CmpOp,
        a: &AstNode,
        b: &AstNode,
        n: &AstNode,
    ) -> Result<(Node, Type), ExprError> {
        let sym = op.symbol();
        let (sa, sb) = (a.strip_parens(), b.strip_parens());
        match (&sa.kind, &sb.kind) {
            (Kind::Str(_), Kind::Str(_)) => {
                return Err(ExprError::new(sa.start, sa.end, TEXT_ONLY));
            }
            (Kind::Str(lit), _) => return self.compare_text(op, b, lit, sa, n),
            (_, Kind::Str(lit)) => return self.compare_text(op, a, lit, sb, n),
            _ => {}
        }
        let ra = self.node(a);
        let rb = self.node(b);
        if ra.is_err()
            && let Some(e) = self.bare_choice(a, &rb)
        {
            return Err(e);
        }
        if rb.is_err()
            && let Some(e) = self.bare_choice(b, &ra)
        {
            return Err(e);
        }
        let (x, tx) = ra?;
        let (y, ty) = rb?;
        let pair = Box::new((x, y));
        let node = match op {
            CmpOp::Eq | CmpOp::Ne => {
                if tx != ty {
                    let err = ExprError::new(
                        n.start,
                        n.end,
                        format!(
                            "`{sym}` cannot compare {} with {}",
                            self.describe(tx),
                            self.describe(ty)
                        ),
                    );
                    let hint = match (tx, ty) {
                        (Type::Choice(k), Type::Number | Type::Bool)
                        | (Type::Number | Type::Bool, Type::Choice(k)) => {
                            Some(self.choice_compare_hint(k))
                        }
                        _ => None,
                    };
                    return Err(err.maybe_hint(hint));
                }
                if op == CmpOp::Eq {
                    Node::Eq(pair)
                } else {
                    Node::Ne(pair)
                }
            }
            _ => {
                self.need(Type::Number, tx, a, |d| {
                    format!("`{sym}` needs numbers on both sides, but the left side is {d}")
                })?;
                self.need(Type::Number, ty, b, |d| {
                    format!("`{sym}` needs numbers on both sides, but the right side is {d}")
                })?;
                match op {
                    CmpOp::Lt => Node::Lt(pair),
                    CmpOp::Le => Node::Le(pair),
                    CmpOp::Gt => Node::Gt(pair),
                    _ => Node::Ge(pair),
                }
            }
        };
        Ok((self.fold(node, n)?, Type::Bool))
    }

    /// `value op 'lit'` (either order in the source).
    fn compare_text(
        &self,
        op: CmpOp,
        value: &AstNode,
        lit: &str,
        lit_node: &AstNode,
        n: &AstNode,
    ) -> Result<(Node, Type), ExprError> {
        let (x, t) = self.node(value)?;
        let Type::Choice(k) = t else {
            return Err(
                ExprError::new(lit_node.start, lit_node.end, TEXT_ONLY).hint(format!(
                    "{} is {}, not a choice",
                    self.snippet(value),
                    self.describe(t)
                )),
            );
        };
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Err(ExprError::new(
                n.start,
                n.end,
                format!("`{}` cannot be used with a choice", op.symbol()),
            )
            .hint("use `==`, `!=` or `in` with choices"));
        }
        let idx = self.choice_index(k, lit, lit_node)?;
        let pair = Box::new((x, Node::Const(idx)));
        let node = if op == CmpOp::Eq {
            Node::Eq(pair)
        } else {
            Node::Ne(pair)
        };
        Ok((self.fold(node, n)?, Type::Bool))
    }

    fn in_list(
        &self,
        value: &AstNode,
        items: &[AstNode],
        negated: bool,
        n: &AstNode,
    ) -> Result<(Node, Type), ExprError> {
        let sv = value.strip_parens();
        if let Kind::Str(_) = sv.kind {
            return Err(ExprError::new(sv.start, sv.end, TEXT_ONLY));
        }
        let (x, t) = self.node(value)?;
        let mut set = Vec::with_capacity(items.len());
        for item in items {
            let v = match (t, &item.kind) {
                (Type::Choice(k), Kind::Str(lit)) => self.choice_index(k, lit, item)?,
                (Type::Choice(k), _) => {
                    let name = self.scope.choice_input_name(k);
                    return Err(ExprError::new(
                        item.start,
                        item.end,
                        format!(
                            "`{name}` is a choice, so the list must contain its options in quotes"
                        ),
                    )
                    .hint(format!("the choices are: {}", self.choice_list(k))));
                }
                (Type::Number, Kind::Num(v)) => *v,
                (Type::Number, _) => {
                    return Err(
                        ExprError::new(item.start, item.end, TEXT_ONLY).hint(format!(
                            "{} is a number, so the list must contain numbers",
                            self.snippet(value)
                        )),
                    );
                }
                (Type::Bool, _) => {
                    return Err(ExprError::new(
                        value.start,
                        value.end,
                        "`in` needs a number or a choice on its left side, but it is yes/no",
                    )
                    .hint("use `==` to compare yes/no values"));
                }
            };
            set.push(v);
        }
        let node = Node::In(Box::new((x, set.into_boxed_slice())));
        let node = if negated {
            Node::Not(Box::new(node))
        } else {
            node
        };
        Ok((self.fold(node, n)?, Type::Bool))
    }

    fn call(
        &self,
        name: &str,
        name_end: usize,
        args: &[AstNode],
        n: &AstNode,
    ) -> Result<(Node, Type), ExprError> {
        let (min, max, sig) = match name {
            "min" => (2, usize::MAX, "min(a, b, ...)"),
            "max" => (2, usize::MAX, "max(a, b, ...)"),
            "round" => (1, 2, "round(x) or round(x, decimals)"),
            "floor" => (1, 1, "floor(x)"),
            "ceil" => (1, 1, "ceil(x)"),
            "abs" => (1, 1, "abs(x)"),
            "clamp" => (3, 3, "clamp(x, low, high)"),
            _ => {
                if self.scope.lookup(name).is_some() {
                    return Err(ExprError::new(
                        n.start,
                        name_end,
                        format!("`{name}` is not a function"),
                    )
                    .hint(format!("to multiply, write {name} * (...)")));
                }
                let err = ExprError::new(n.start, name_end, format!("unknown function `{name}`"));
                return Err(match closest(name, FUNCTIONS.iter().copied()) {
                    Some(best) => err.hint(format!("did you mean `{best}`?")),
                    None => err.hint(format!("the functions are: {}", FUNCTIONS.join(", "))),
                });
            }
        };
        let count = args.len();
        if count < min || count > max {
            let expected = if max == usize::MAX {
                format!("at least {min} arguments")
            } else if min == max {
                plural(min, "argument")
            } else {
                format!("{min} or {max} arguments")
            };
            return Err(ExprError::new(
                n.start,
                n.end,
                format!("`{name}` takes {expected}: {sig}, but got {count}"),
            ));
        }
        // Decimals of `round` must be a literal.
        let decimals = if name == "round" && count == 2 {
            let d = args[1].strip_parens();
            let Kind::Num(v) = d.kind else {
                return Err(ExprError::new(
                    d.start,
                    d.end,
                    "the number of decimals must be written as a whole number, like 2",
                ));
            };
            if v.fract() != 0.0 || !(0.0..=6.0).contains(&v) {
                return Err(ExprError::new(
                    d.start,
                    d.end,
                    format!("`round` can keep 0 to 6 decimals, but this asks for {v}"),
                )
                .hint("write a whole number from 0 to 6, e.g. round(x, 2) for cents"));
            }
            v as u8
        } else {
            0
        };
        let used = if name == "round" { 1 } else { count };
        let mut nodes = Vec::with_capacity(used);
        for (i, a) in args[..used].iter().enumerate() {
            let (x, t) = self.node(a)?;
            self.need(Type::Number, t, a, |d| {
                format!(
                    "argument {} of `{name}` must be a number, but it is {d}",
                    i + 1
                )
            })?;
            nodes.push(x);
        }
        let node = match name {
            "min" => Node::Min(Box::new(nodes)),
            "max" => Node::Max(Box::new(nodes)),
            "clamp" => {
                let mut it = nodes.into_iter();
                let (x, lo, hi) = match (it.next(), it.next(), it.next()) {
                    (Some(x), Some(lo), Some(hi)) => (x, lo, hi),
                    _ => return Err(ExprError::new(n.start, n.end, "`clamp` takes 3 arguments")),
                };
                if let (Node::Const(l), Node::Const(h)) = (&lo, &hi)
                    && l > h
                {
                    return Err(ExprError::new(
                        n.start,
                        n.end,
                        "the low limit of `clamp` is above its high limit",
                    )
                    .hint("write clamp(x, low, high)"));
                }
                Node::Clamp(Box::new((x, lo, hi)))
            }
            _ => {
                let Some(x) = nodes.pop() else {
                    return Err(ExprError::new(
                        n.start,
                        n.end,
                        format!("`{name}` needs an argument"),
                    ));
                };
                let x = Box::new(x);
                match name {
                    "round" => Node::Round(x, decimals),
                    "floor" => Node::Floor(x),
                    "ceil" => Node::Ceil(x),
                    _ => Node::Abs(x),
                }
            }
        };
        Ok((self.fold(node, n)?, Type::Number))
    }
}
