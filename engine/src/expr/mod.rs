//! Small expression language used inside advisor definitions.
//!
//! Grammar (lowest to highest precedence):
//!
//! ```text
//! expr    := "if" expr "then" expr "else" expr | or
//! or      := and ("or" and)*
//! and     := not ("and" not)*
//! not     := "not" not | cmp
//! cmp     := in (("==" | "!=" | "<" | "<=" | ">" | ">=") in)?      -- not chainable
//! in      := sum (("in" | "not" "in") "[" item ("," item)* ","? "]")?
//! sum     := product (("+" | "-") product)*
//! product := unary (("*" | "/") unary)*
//! unary   := "-" unary | atom
//! atom    := number | "true" | "false" | "yes" | "no" | 'text' | "text"
//!          | name | name "(" expr ("," expr)* ")" | "(" expr ")"
//! item    := 'text' | "text" | number | "-" number
//! ```
//!
//! `if` is only allowed where a whole expression is expected (top level, inside
//! brackets, as a function argument, or as a part of another `if`); its `else`
//! part extends as far right as possible. Inside a larger formula it must be
//! bracketed: `1 + (if a then 2 else 3)`.
//!
//! Values are encoded as `f64`: numbers as themselves, yes/no as 0.0/1.0 and a
//! choice as the index of the chosen option.

mod compile;
mod eval;
mod lexer;
pub mod linear;
mod parser;
pub mod ranges;
#[cfg(test)]
mod tests;

use std::fmt;

/// Static type of an expression or a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    Number,
    Bool,
    /// A value of choice input number k (choices are compared only with
    /// literals of that same input).
    Choice(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub slot: u32,
    pub ty: Type,
}

/// What the caller knows about names. Implemented by the engine.
pub trait Scope {
    fn lookup(&self, name: &str) -> Option<Symbol>;
    /// All names that could be referenced (for "did you mean" suggestions).
    fn names(&self) -> Vec<String>;
    /// Index of `literal` among the choices of choice-input `input`, if it is one.
    fn choice_index(&self, input: u32, literal: &str) -> Option<u32>;
    /// The choices of choice-input `input` (for messages), and the input's name.
    fn choices(&self, input: u32) -> Vec<String>;
    fn choice_input_name(&self, input: u32) -> String;
}

/// An authoring error, with byte offsets into the expression source text.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl ExprError {
    fn new(start: usize, end: usize, message: impl Into<String>) -> Self {
        ExprError {
            start,
            end,
            message: message.into(),
            hint: None,
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    fn maybe_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ExprError {}

/// Function names known to the language.
pub const FUNCTIONS: &[&str] = &["min", "max", "round", "floor", "ceil", "clamp", "abs"];

/// Reserved words; they can never be used as names.
pub const KEYWORDS: &[&str] = &[
    "if", "then", "else", "and", "or", "not", "in", "true", "false", "yes", "no",
];

/// Two numbers whose difference is at most this are equal for `==`, `!=`,
/// `in`, and the ordering comparisons (`a < b` means `a < b - EQ_TOLERANCE`,
/// `a <= b` means `a <= b + EQ_TOLERANCE`, and so on).
pub const EQ_TOLERANCE: f64 = 1e-9;

/// Maximum nesting of brackets / `if` / prefix operators accepted by the parser.
pub const MAX_NESTING: u32 = 50;

/// Maximum depth of the syntax tree (e.g. a sum of more than this many terms is rejected).
pub const MAX_DEPTH: u32 = 200;

/// Whether `name` can be used as a name in expressions: `[A-Za-z_][A-Za-z0-9_]*`
/// and not a keyword. The engine can use this to validate input ids.
pub fn is_valid_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    match bytes.next() {
        Some(b) if b.is_ascii_alphabetic() || b == b'_' => {}
        _ => return false,
    }
    bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_') && !KEYWORDS.contains(&name)
}

/// Parsed, not yet type-checked.
#[derive(Clone, Debug)]
pub struct Ast {
    root: parser::AstNode,
}

impl Ast {
    /// Every name the expression references, with its byte span, in order of
    /// appearance (duplicates allowed). Function names are not included.
    pub fn names(&self) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        self.root.collect_names(&mut out);
        out
    }

    /// Byte span of the whole expression.
    pub fn span(&self) -> (usize, usize) {
        (self.root.start, self.root.end)
    }
}

/// Fully parenthesised rendering, e.g. `2 * 3 + 4` prints as `((2 * 3) + 4)`.
/// The output parses back to the same tree.
impl fmt::Display for Ast {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.root.fmt(f)
    }
}

pub fn parse(src: &str) -> Result<Ast, ExprError> {
    parser::parse(src).map(|root| Ast { root })
}

/// Type-check against a scope and compile. `expected` = the type the caller needs (None = any).
pub fn compile(
    ast: &Ast,
    src: &str,
    scope: &dyn Scope,
    expected: Option<Type>,
) -> Result<Expr, ExprError> {
    let (root, ty) = compile::compile(&ast.root, src, scope, expected)?;
    let mut slots = Vec::new();
    root.collect_slots(&mut slots);
    slots.sort_unstable();
    slots.dedup();
    Ok(Expr {
        root,
        ty,
        slots: slots.into_boxed_slice(),
    })
}

/// parse + compile in one step.
pub fn compile_str(
    src: &str,
    scope: &dyn Scope,
    expected: Option<Type>,
) -> Result<Expr, ExprError> {
    let ast = parse(src)?;
    compile(&ast, src, scope, expected)
}

/// Compiled form. Evaluation does no allocation and no name lookups.
#[derive(Clone, Debug)]
pub struct Expr {
    root: eval::Node,
    ty: Type,
    slots: Box<[u32]>,
}

impl Expr {
    pub fn ty(&self) -> Type {
        self.ty
    }

    /// Evaluate with all values in `slots` (numbers as f64; yes/no as 0.0/1.0;
    /// a choice as its index as f64). Result uses the same encoding.
    /// Never returns NaN or infinity. A non-finite slot value that is read
    /// gives `EvalError::NotFinite`.
    #[inline]
    pub fn eval(&self, slots: &[f64]) -> Result<f64, EvalError> {
        self.root.eval(slots)
    }

    /// Slots this expression reads (sorted, deduplicated).
    pub fn slots(&self) -> Vec<u32> {
        self.slots.to_vec()
    }

    /// If the expression is a constant (no slot references), its value.
    /// Constant parts are folded at compile time.
    pub fn constant(&self) -> Option<f64> {
        match self.root {
            eval::Node::Const(v) => Some(v),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvalError {
    DivisionByZero,
    /// NaN or ±infinity arose (overflow, etc.), or a slot held such a value.
    NotFinite,
    SlotOutOfRange,
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EvalError::DivisionByZero => "division by zero",
            EvalError::NotFinite => "result is too large or undefined",
            EvalError::SlotOutOfRange => "slot index out of range",
        })
    }
}

impl std::error::Error for EvalError {}
