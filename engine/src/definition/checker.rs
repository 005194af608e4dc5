//! The [`Checker`] that collects located errors while the sections of a definition are
//! checked, and the [`DefScope`] through which formulas see the names defined so far.

use std::collections::{HashMap, HashSet};

use super::advisor::Input;
use super::limits::MAX_ERRORS;
use crate::diag::{Diagnostic, Locator, Seg, path_of};
use crate::expr::{self, Scope, Symbol};
use crate::text::Text;

/// Collects the located errors of one definition while its sections are checked.
pub(super) struct Checker<'a, 'l> {
    pub(super) loc: &'l Locator<'a>,
    pub(super) errors: Vec<Diagnostic>,
    pub(super) warnings: Vec<Diagnostic>,
    /// The option ids: `week.cost` in a formula is an option's value (see `expr_error_at`).
    pub(super) option_ids: HashSet<String>,
}

impl Checker<'_, '_> {
    /// True once [`MAX_ERRORS`] problems have been found: stop doing costly checks.
    pub(super) fn full(&self) -> bool {
        self.errors.len() >= MAX_ERRORS
    }

    pub(super) fn err(&mut self, path: &[&str], msg: impl Into<String>, hint: Option<String>) {
        let d = self.loc.at(&path_of(path), msg, hint);
        self.errors.push(d);
    }

    /// An error about the name (key) at the end of `path`, located at that key.
    pub(super) fn err_key(&mut self, path: &[&str], msg: impl Into<String>, hint: Option<String>) {
        let d = self.loc.at_key(&path_of(path), msg, hint);
        self.errors.push(d);
    }

    /// An error about the field `path`, located at the field `at` (e.g. a missing `note` is
    /// reported at the `status` that requires it).
    pub(super) fn err_at(
        &mut self,
        path: &[&str],
        at: &[&str],
        msg: impl Into<String>,
        hint: Option<String>,
    ) {
        let span = self.loc.span(&path_of(at));
        let d = self.loc.at_span(&path_of(path), span, msg, hint);
        self.errors.push(d);
    }

    /// Every language of the catalogue present (when `required`, or when one of them is
    /// given), and no language tag the catalogue does not have.
    pub(super) fn text(&mut self, path: &[&str], t: &Text, required: bool) {
        for tag in t.unknown_tags() {
            let mut at = path.to_vec();
            at.push(tag);
            let known =
                crate::text::Lang::CODES
                    .iter()
                    .fold(String::new(), |list, code| match list.is_empty() {
                        true => code.to_string(),
                        false => list + "`, `" + code,
                    });
            self.err(
                &at,
                format!("`{tag}` is not a language of this build"),
                Some(format!("the languages are `{known}`: a text for another language needs its catalogue file (engine/catalogue/)")),
            );
        }
        if !required && t.is_empty() {
            return;
        }
        for lang in t.missing() {
            let what = format!("{} text ({}) is missing", lang.english_name(), lang.code());
            self.err(path, what, Some(format!("add `{} = \"...\"`", lang.code())));
        }
    }

    pub(super) fn expr_error(&mut self, path: &[&str], src: &str, e: &expr::ExprError) {
        self.expr_error_at(&path_of(path), src, e);
    }

    /// An expression error, located at the offending part inside the string at `p`.
    pub(super) fn expr_error_at(&mut self, p: &[Seg], src: &str, e: &expr::ExprError) {
        let dotted = self.option_value(src, e);
        let e = dotted.as_ref().unwrap_or(e);
        let p = p.to_vec();
        let start = self.loc.offset_in_string(&p, e.start);
        let end = self.loc.offset_in_string(&p, e.end.max(e.start));
        let d = self
            .loc
            .at_span(&p, (start, end), e.message.clone(), e.hint.clone());
        self.errors.push(d);
    }

    /// `week.cost` in a formula, where `week` is an option: the lexer only sees an unexpected
    /// `.`; say that an option's value cannot be used there.
    fn option_value(&self, src: &str, e: &expr::ExprError) -> Option<expr::ExprError> {
        if e.message != "unexpected `.`" {
            return None;
        }
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let before = src.get(..e.start)?;
        let start = before.rfind(|c| !word(c)).map_or(0, |i| i + 1);
        let option = &before[start..];
        if !self.option_ids.contains(option) {
            return None;
        }
        let after = src.get(e.end..)?;
        let end = e.end + after.find(|c| !word(c)).unwrap_or(after.len());
        Some(expr::ExprError {
            start,
            end,
            message: format!(
                "an option's value cannot be used in a formula (`{}` is a value of the option `{option}`)",
                &src[start..end]
            ),
            hint: Some(
                "compute it under [derived] and use that name here and in the option".into(),
            ),
        })
    }
}

/// The names a formula can use at one place of the definition.
pub(super) struct DefScope<'a> {
    pub(super) symbols: &'a HashMap<String, Symbol>,
    pub(super) inputs: &'a [Input],
    /// For `visible_if`: only the questions before this one are visible.
    pub(super) inputs_before: Option<usize>,
    /// Names visible to this scope (for suggestions).
    pub(super) names: &'a [String],
}

impl Scope for DefScope<'_> {
    fn lookup(&self, name: &str) -> Option<Symbol> {
        let s = self.symbols.get(name).copied()?;
        match self.inputs_before {
            Some(n) if s.slot as usize >= n.min(self.inputs.len()) => None,
            _ => Some(s),
        }
    }
    fn names(&self) -> Vec<String> {
        self.names.to_vec()
    }
    fn choice_index(&self, input: u32, literal: &str) -> Option<u32> {
        self.inputs
            .get(input as usize)?
            .choices
            .iter()
            .position(|c| c == literal)
            .map(|i| i as u32)
    }
    fn choices(&self, input: u32) -> Vec<String> {
        self.inputs
            .get(input as usize)
            .map(|i| i.choices.clone())
            .unwrap_or_default()
    }
    fn choice_input_name(&self, input: u32) -> String {
        self.inputs
            .get(input as usize)
            .map(|i| i.id.clone())
            .unwrap_or_default()
    }
}
