//! The options (`[options.<id>]`): label, link, `eligible_if` with its reason, and one value
//! per factor, each formula compiled.

use std::collections::{HashMap, HashSet};

use super::advisor::{AdvOption, Input};
use super::checker::{Checker, DefScope};
use super::factors::factor_ids;
use super::spelling::is_web_url;
use super::values::uses_broken;
use crate::diag::suggest;
use crate::expr::{self, Symbol, Type};
use crate::model::Definition;

/// Every option, in order. Formulas that use a `broken` derived value are not compiled.
pub(super) fn compile_options(
    c: &mut Checker,
    def: &Definition,
    symbols: &HashMap<String, Symbol>,
    inputs: &[Input],
    names: &[String],
    broken: &HashSet<&str>,
) -> Vec<AdvOption> {
    let factor_list = factor_ids(def);
    if def.options.len() < 2 {
        c.err(
            &["options"],
            match def.options.len() {
                0 => "the definition has no options; advice needs at least two".to_string(),
                n => format!("the definition has only {n} option; advice needs at least two"),
            },
            Some("add options under [options.<id>]".into()),
        );
    }
    let scope = DefScope {
        symbols,
        inputs,
        inputs_before: None,
        names,
    };
    let mut options = Vec::new();
    for (id, d) in &def.options {
        let p = |f: &'static str| ["options", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("description"), &d.description, false);
        if let Some(link) = &d.link
            && !is_web_url(link)
        {
            c.err(
                &p("link"),
                format!("`{link}` is not a web address"),
                Some("use a link that starts with https:// or http://".into()),
            );
        }
        let eligible_if = match &d.eligible_if {
            Some(src) => {
                if d.not_eligible.is_empty() {
                    c.err_at(
                        &p("not_eligible"),
                        &p("eligible_if"),
                        "`eligible_if` needs a `not_eligible` reason that citizens can read",
                        Some("add `not_eligible = { nl = \"...\", en = \"...\" }`".into()),
                    );
                } else {
                    c.text(&p("not_eligible"), &d.not_eligible, true);
                }
                if c.full() || uses_broken(broken, src) {
                    None
                } else {
                    match expr::compile_str(src, &scope, Some(Type::Bool)) {
                        Ok(e) => Some(e),
                        Err(e) => {
                            c.expr_error(&p("eligible_if"), src, &e);
                            None
                        }
                    }
                }
            }
            None => {
                if !d.not_eligible.is_empty() {
                    c.err(
                        &p("not_eligible"),
                        "`not_eligible` has no `eligible_if` to go with it",
                        Some("add `eligible_if = \"...\"` or remove the reason".into()),
                    );
                }
                None
            }
        };
        for key in d.values.keys() {
            if !def.factors.contains_key(key) {
                c.err_key(
                    &["options", id, "values", key],
                    format!("unknown factor `{key}`"),
                    if c.full() {
                        None
                    } else {
                        suggest(key, &factor_list)
                    },
                );
            }
        }
        let mut values = Vec::new();
        for fid in def.factors.keys() {
            match d.values.get(fid) {
                None => c.err(
                    &["options", id, "values"],
                    format!("no value for factor `{fid}`"),
                    Some(format!(
                        "add `{fid} = ...` with a number or an expression in quotes"
                    )),
                ),
                Some(src) if c.full() || uses_broken(broken, &src.0) => {}
                Some(src) => match expr::compile_str(&src.0, &scope, Some(Type::Number)) {
                    Ok(e) => values.push(e),
                    Err(e) => c.expr_error(&["options", id, "values", fid], &src.0, &e),
                },
            }
        }
        options.push(AdvOption {
            id: id.clone(),
            eligible_if,
            values,
        });
    }
    options
}
