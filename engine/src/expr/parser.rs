//! Recursive-descent parser producing an untyped syntax tree with byte spans.

use std::fmt;

use super::lexer::{Tok, Token, lex};
use super::{ExprError, MAX_DEPTH, MAX_NESTING};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    And,
    Or,
}

impl BinOp {
    pub(super) fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::And => "and",
            BinOp::Or => "or",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub(super) fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

#[derive(Clone, Debug)]
pub(super) struct AstNode {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub depth: u32,
}

#[derive(Clone, Debug)]
pub(super) enum Kind {
    Num(f64),
    Bool(bool),
    Str(String),
    Name(String),
    Paren(Box<AstNode>),
    Neg(Box<AstNode>),
    Not(Box<AstNode>),
    Bin(BinOp, Box<AstNode>, Box<AstNode>),
    Cmp(CmpOp, Box<AstNode>, Box<AstNode>),
    In {
        value: Box<AstNode>,
        items: Vec<AstNode>,
        negated: bool,
    },
    If(Box<AstNode>, Box<AstNode>, Box<AstNode>),
    /// The function name spans `start..name_end` of the node.
    Call {
        name: String,
        name_end: usize,
        args: Vec<AstNode>,
    },
}

impl AstNode {
    /// The node with any enclosing brackets removed.
    pub(super) fn strip_parens(&self) -> &AstNode {
        let mut n = self;
        while let Kind::Paren(inner) = &n.kind {
            n = inner;
        }
        n
    }

    pub(super) fn collect_names(&self, out: &mut Vec<(String, usize, usize)>) {
        match &self.kind {
            Kind::Num(_) | Kind::Bool(_) | Kind::Str(_) => {}
            Kind::Name(name) => out.push((name.clone(), self.start, self.end)),
            Kind::Paren(a) | Kind::Neg(a) | Kind::Not(a) => a.collect_names(out),
            Kind::Bin(_, a, b) | Kind::Cmp(_, a, b) => {
                a.collect_names(out);
                b.collect_names(out);
            }
            Kind::In { value, .. } => value.collect_names(out),
            Kind::If(c, a, b) => {
                c.collect_names(out);
                a.collect_names(out);
                b.collect_names(out);
            }
            Kind::Call { args, .. } => args.iter().for_each(|a| a.collect_names(out)),
        }
    }
}

fn write_literal(f: &mut fmt::Formatter<'_>, kind: &Kind) -> fmt::Result {
    match kind {
        Kind::Num(v) => write!(f, "{v}"),
        Kind::Str(s) if s.contains('\'') => write!(f, "\"{s}\""),
        Kind::Str(s) => write!(f, "'{s}'"),
        _ => Ok(()),
    }
}

impl fmt::Display for AstNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Num(v) if v.is_sign_negative() => write!(f, "({v})"),
            Kind::Num(_) | Kind::Str(_) => write_literal(f, &self.kind),
            Kind::Bool(b) => write!(f, "{b}"),
            Kind::Name(n) => write!(f, "{n}"),
            Kind::Paren(a) => a.fmt(f),
            Kind::Neg(a) => write!(f, "(-{a})"),
            Kind::Not(a) => write!(f, "(not {a})"),
            Kind::Bin(op, a, b) => write!(f, "({a} {} {b})", op.symbol()),
            Kind::Cmp(op, a, b) => write!(f, "({a} {} {b})", op.symbol()),
            Kind::In {
                value,
                items,
                negated,
            } => {
                write!(f, "({value} {}in [", if *negated { "not " } else { "" })?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write_literal(f, &item.kind)?;
                }
                f.write_str("])")
            }
            Kind::If(c, a, b) => write!(f, "(if {c} then {a} else {b})"),
            Kind::Call { name, args, .. } => {
                write!(f, "{name}(")?;
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    a.fmt(f)?;
                }
                f.write_str(")")
            }
        }
    }
}

const IF_HINT: &str = "write: if condition then value else other_value";

struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    nesting: u32,
}

pub(super) fn parse(src: &str) -> Result<AstNode, ExprError> {
    let toks = lex(src)?;
    if toks.len() == 1 {
        return Err(ExprError::new(0, src.len(), "the expression is empty")
            .hint("write a value such as 0, a name, or a formula"));
    }
    let mut p = Parser {
        src,
        toks,
        pos: 0,
        nesting: 0,
    };
    let e = p.expr()?;
    if p.peek() != &Tok::Eof {
        return Err(p.trailing());
    }
    Ok(e)
}

fn cmp_op(t: &Tok) -> Option<CmpOp> {
    Some(match t {
        Tok::EqEq => CmpOp::Eq,
        Tok::Ne => CmpOp::Ne,
        Tok::Lt => CmpOp::Lt,
        Tok::Le => CmpOp::Le,
        Tok::Gt => CmpOp::Gt,
        Tok::Ge => CmpOp::Ge,
        _ => return None,
    })
}

fn child_depth(kind: &Kind) -> u32 {
    match kind {
        Kind::Num(_) | Kind::Bool(_) | Kind::Str(_) | Kind::Name(_) => 0,
        Kind::Paren(a) | Kind::Neg(a) | Kind::Not(a) => a.depth,
        Kind::Bin(_, a, b) | Kind::Cmp(_, a, b) => a.depth.max(b.depth),
        Kind::In { value, .. } => value.depth,
        Kind::If(c, a, b) => c.depth.max(a.depth).max(b.depth),
        Kind::Call { args, .. } => args.iter().map(|a| a.depth).max().unwrap_or(0),
    }
}

impl<'a> Parser<'a> {
    fn tok(&self) -> &Token {
        &self.toks[self.pos]
    }

    fn peek(&self) -> &Tok {
        &self.toks[self.pos].tok
    }

    fn peek_at(&self, ahead: usize) -> &Tok {
        let i = (self.pos + ahead).min(self.toks.len() - 1);
        &self.toks[i].tok
    }

    /// Consume and return the current token (Eof is never consumed).
    fn advance(&mut self) -> Token {
        let t = self.toks[self.pos].clone();
        if t.tok != Tok::Eof {
            self.pos += 1;
        }
        t
    }

    fn text(&self, t: &Token) -> &'a str {
        if t.tok == Tok::Eof {
            "the end of the expression"
        } else {
            &self.src[t.start..t.end]
        }
    }

    fn enter(&mut self, at: &Token) -> Result<(), ExprError> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(
                ExprError::new(at.start, at.end, "this expression is nested too deeply")
                    .hint("split it into smaller steps"),
            );
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting -= 1;
    }

    fn mk(&self, kind: Kind, start: usize, end: usize) -> Result<AstNode, ExprError> {
        let depth = child_depth(&kind) + 1;
        if depth > MAX_DEPTH {
            return Err(ExprError::new(
                start,
                end,
                "this expression is too long or too deeply nested",
            )
            .hint("split it into smaller steps"));
        }
        Ok(AstNode {
            kind,
            start,
            end,
            depth,
        })
    }

    /// If the token at `idx` is a comma used as a decimal separator (`1,5`),
    /// the error for it.
    fn decimal_comma(&self, idx: usize) -> Option<ExprError> {
        if idx == 0 || idx + 1 >= self.toks.len() {
            return None;
        }
        let (prev, comma, next) = (&self.toks[idx - 1], &self.toks[idx], &self.toks[idx + 1]);
        let whole = &self.src[prev.start..prev.end];
        let frac = &self.src[next.start..next.end];
        if matches!(prev.tok, Tok::Num(_))
            && matches!(next.tok, Tok::Num(_))
            && prev.end == comma.start
            && comma.end == next.start
            && !whole.contains('.')
            && !frac.contains('.')
        {
            Some(
                ExprError::new(prev.start, next.end, "unexpected `,` in a number")
                    .hint(format!("use a point as decimal separator: {whole}.{frac}")),
            )
        } else {
            None
        }
    }

    /// Error for the current token when `expected` was needed.
    fn unexpected(&self, expected: &str) -> ExprError {
        if self.peek() == &Tok::Comma
            && let Some(e) = self.decimal_comma(self.pos)
        {
            return e;
        }
        let t = self.tok();
        ExprError::new(
            t.start,
            t.end,
            format!("expected {expected}, but found `{}`", self.text(t)),
        )
    }

    /// Error for input left over after a complete expression.
    fn trailing(&self) -> ExprError {
        let t = self.tok();
        let text = self.text(t);
        let e = |msg: String| ExprError::new(t.start, t.end, msg);
        match &t.tok {
            Tok::Comma => self.decimal_comma(self.pos).unwrap_or_else(|| {
                e("unexpected `,`".into())
                    .hint("a comma only separates the arguments of a function, e.g. max(a, b)")
            }),
            Tok::RParen => e("this `)` has no matching `(`".into())
                .hint("remove it, or add a `(` where the bracketed part starts"),
            Tok::RBracket => e("this `]` has no matching `[`".into()),
            Tok::Then | Tok::Else => e(format!("`{text}` without `if`")).hint(IF_HINT),
            Tok::LBracket => e("a list in square brackets can only follow `in`".into())
                .hint("write e.g. age_group in ['4-11', '65+']"),
            _ => e(format!("unexpected `{text}` after a complete expression"))
                .hint("is an operator such as `+`, `*`, `and` or `or` missing?"),
        }
    }

    fn expr(&mut self) -> Result<AstNode, ExprError> {
        let t = self.tok().clone();
        self.enter(&t)?;
        let r = if t.tok == Tok::If {
            self.if_expr()
        } else {
            self.or_expr()
        };
        self.leave();
        r
    }

    fn if_expr(&mut self) -> Result<AstNode, ExprError> {
        let if_tok = self.advance();
        let cond = self.expr()?;
        if self.peek() != &Tok::Then {
            return Err(if self.peek() == &Tok::Eof {
                ExprError::new(if_tok.start, if_tok.end, "this `if` has no `then`").hint(IF_HINT)
            } else {
                let e = self.unexpected("`then` after the condition of `if`");
                if e.hint.is_some() { e } else { e.hint(IF_HINT) }
            });
        }
        self.advance();
        let a = self.expr()?;
        if self.peek() != &Tok::Else {
            return Err(if self.peek() == &Tok::Eof {
                ExprError::new(if_tok.start, if_tok.end, "this `if` has no `else` part")
                    .hint(IF_HINT)
            } else {
                let e = self.unexpected("`else`");
                if e.hint.is_some() { e } else { e.hint(IF_HINT) }
            });
        }
        self.advance();
        let b = self.expr()?;
        let end = b.end;
        self.mk(
            Kind::If(Box::new(cond), Box::new(a), Box::new(b)),
            if_tok.start,
            end,
        )
    }

    fn binary_loop(
        &mut self,
        next: fn(&mut Self) -> Result<AstNode, ExprError>,
        op_of: fn(&Tok) -> Option<BinOp>,
    ) -> Result<AstNode, ExprError> {
        let mut left = next(self)?;
        while let Some(op) = op_of(self.peek()) {
            self.advance();
            let right = next(self)?;
            let (start, end) = (left.start, right.end);
            left = self.mk(Kind::Bin(op, Box::new(left), Box::new(right)), start, end)?;
        }
        Ok(left)
    }

    fn or_expr(&mut self) -> Result<AstNode, ExprError> {
        self.binary_loop(Self::and_expr, |t| (t == &Tok::Or).then_some(BinOp::Or))
    }

    fn and_expr(&mut self) -> Result<AstNode, ExprError> {
        self.binary_loop(Self::not_expr, |t| (t == &Tok::And).then_some(BinOp::And))
    }

    fn not_expr(&mut self) -> Result<AstNode, ExprError> {
        if self.peek() != &Tok::Not {
            return self.cmp_expr();
        }
        let t = self.advance();
        self.enter(&t)?;
        let inner = self.not_expr()?;
        self.leave();
        let end = inner.end;
        self.mk(Kind::Not(Box::new(inner)), t.start, end)
    }

    fn cmp_expr(&mut self) -> Result<AstNode, ExprError> {
        let left = self.in_expr()?;
        let Some(op) = cmp_op(self.peek()) else {
            return Ok(left);
        };
        self.advance();
        let right = self.in_expr()?;
        if cmp_op(self.peek()).is_some() {
            let t = self.tok();
            return Err(
                ExprError::new(t.start, t.end, "comparisons cannot be chained like this")
                    .hint("combine two comparisons with `and`, e.g. 0 < x and x < 10"),
            );
        }
        let (start, end) = (left.start, right.end);
        self.mk(Kind::Cmp(op, Box::new(left), Box::new(right)), start, end)
    }

    fn in_expr(&mut self) -> Result<AstNode, ExprError> {
        let value = self.add_expr()?;
        let negated = match self.peek() {
            Tok::In => false,
            Tok::Not if self.peek_at(1) == &Tok::In => true,
            _ => return Ok(value),
        };
        if negated {
            self.advance();
        }
        let in_tok = self.advance();
        if self.peek() != &Tok::LBracket {
            let t = if self.peek() == &Tok::Eof {
                &in_tok
            } else {
                self.tok()
            };
            return Err(ExprError::new(
                t.start,
                t.end,
                "expected a list in square brackets after `in`",
            )
            .hint("write e.g. age_group in ['4-11', '65+']"));
        }
        let open = self.advance();
        let unclosed =
            || ExprError::new(open.start, open.end, "this `[` is never closed").hint("add a `]`");
        let mut items = Vec::new();
        let end = loop {
            match self.peek() {
                Tok::RBracket => {
                    let close = self.advance();
                    if items.is_empty() {
                        return Err(ExprError::new(open.start, close.end, "the list is empty")
                            .hint("write at least one value between [ and ]"));
                    }
                    break close.end;
                }
                Tok::Eof => return Err(unclosed()),
                _ => {}
            }
            items.push(self.list_item()?);
            match self.peek() {
                Tok::Comma => {
                    self.advance();
                }
                Tok::RBracket => {}
                Tok::Eof => return Err(unclosed()),
                _ => return Err(self.unexpected("`,` or `]` in the list")),
            }
        };
        let start = value.start;
        self.mk(
            Kind::In {
                value: Box::new(value),
                items,
                negated,
            },
            start,
            end,
        )
    }

    fn list_item(&mut self) -> Result<AstNode, ExprError> {
        let t = self.advance();
        match t.tok {
            Tok::Str(s) => self.mk(Kind::Str(s), t.start, t.end),
            Tok::Num(v) => self.mk(Kind::Num(v), t.start, t.end),
            Tok::Minus => {
                if let Tok::Num(v) = *self.peek() {
                    let num = self.advance();
                    self.mk(Kind::Num(-v), t.start, num.end)
                } else {
                    let n = self.tok();
                    Err(ExprError::new(
                        n.start,
                        n.end,
                        format!("expected a number after `-`, but found `{}`", self.text(n)),
                    ))
                }
            }
            Tok::Ident(name) => Err(ExprError::new(
                t.start,
                t.end,
                "the values in the list must be written out, not as names",
            )
            .hint(format!(
                "if `{name}` is a choice, put it in quotes: '{name}'"
            ))),
            _ => Err(ExprError::new(
                t.start,
                t.end,
                format!(
                    "expected a text in quotes or a number in the list, but found `{}`",
                    self.text(&t)
                ),
            )),
        }
    }

    fn add_expr(&mut self) -> Result<AstNode, ExprError> {
        self.binary_loop(Self::mul_expr, |t| match t {
            Tok::Plus => Some(BinOp::Add),
            Tok::Minus => Some(BinOp::Sub),
            _ => None,
        })
    }

    fn mul_expr(&mut self) -> Result<AstNode, ExprError> {
        self.binary_loop(Self::unary, |t| match t {
            Tok::Star => Some(BinOp::Mul),
            Tok::Slash => Some(BinOp::Div),
            _ => None,
        })
    }

    fn unary(&mut self) -> Result<AstNode, ExprError> {
        if self.peek() != &Tok::Minus {
            return self.atom();
        }
        let t = self.advance();
        self.enter(&t)?;
        let inner = self.unary()?;
        self.leave();
        let end = inner.end;
        if let Kind::Num(v) = inner.kind {
            // Fold `-literal` so that `-5` is a plain literal.
            return self.mk(Kind::Num(-v), t.start, end);
        }
        self.mk(Kind::Neg(Box::new(inner)), t.start, end)
    }

    fn atom(&mut self) -> Result<AstNode, ExprError> {
        if self.peek() == &Tok::If {
            let t = self.tok();
            return Err(ExprError::new(
                t.start,
                t.end,
                "an `if` inside a larger formula must be put in brackets",
            )
            .hint("write (if condition then value else other_value)"));
        }
        let t = self.advance();
        match t.tok {
            Tok::Num(v) => self.mk(Kind::Num(v), t.start, t.end),
            Tok::Bool(b) => self.mk(Kind::Bool(b), t.start, t.end),
            Tok::Str(s) => self.mk(Kind::Str(s), t.start, t.end),
            Tok::Ident(name) => {
                if self.peek() == &Tok::LParen {
                    self.call(name, t.start, t.end)
                } else {
                    self.mk(Kind::Name(name), t.start, t.end)
                }
            }
            Tok::LParen => {
                let inner = self.expr()?;
                match self.peek() {
                    Tok::RParen => {
                        let close = self.advance();
                        self.mk(Kind::Paren(Box::new(inner)), t.start, close.end)
                    }
                    Tok::Eof => Err(ExprError::new(t.start, t.end, "this `(` is never closed")
                        .hint("add a `)`")),
                    _ => Err(self.unexpected("`)`")),
                }
            }
            Tok::Eof => {
                let prev = &self.toks[self.pos.saturating_sub(1)];
                Err(ExprError::new(
                    prev.start,
                    prev.end,
                    format!(
                        "the expression ends too early: expected a value after `{}`",
                        self.text(prev)
                    ),
                ))
            }
            Tok::LBracket => Err(ExprError::new(
                t.start,
                t.end,
                "a list in square brackets can only follow `in`",
            )
            .hint("write e.g. age_group in ['4-11', '65+']")),
            _ => {
                let err = ExprError::new(
                    t.start,
                    t.end,
                    format!("expected a value, but found `{}`", self.text(&t)),
                );
                Err(match t.tok {
                    Tok::Plus => err.hint("a `+` in front of a value is not needed"),
                    Tok::Not => err.hint("put `not ...` in brackets here: (not ...)"),
                    Tok::RParen => err.hint("there is nothing before this `)`"),
                    _ => err,
                })
            }
        }
    }

    fn call(&mut self, name: String, start: usize, name_end: usize) -> Result<AstNode, ExprError> {
        let open = self.advance();
        let mut args = Vec::new();
        let end = if self.peek() == &Tok::RParen {
            self.advance().end
        } else {
            loop {
                args.push(self.expr()?);
                match self.peek() {
                    Tok::Comma => {
                        self.advance();
                    }
                    Tok::RParen => break self.advance().end,
                    Tok::Eof => {
                        return Err(ExprError::new(
                            open.start,
                            open.end,
                            "this `(` is never closed",
                        )
                        .hint(format!("add a `)` after the arguments of `{name}`")));
                    }
                    _ => {
                        let t = self.tok();
                        return Err(ExprError::new(
                            t.start,
                            t.end,
                            format!(
                                "expected `,` or `)` after an argument of `{name}`, but found `{}`",
                                self.text(t)
                            ),
                        ));
                    }
                }
            }
        };
        self.mk(
            Kind::Call {
                name,
                name_end,
                args,
            },
            start,
            end,
        )
    }
}
