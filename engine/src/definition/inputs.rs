//! The questions (`[inputs.<id>]`): kind, range, step, choices and default checked and
//! compiled into [`Input`]s, and each `visible_if` compiled against the questions before it.

use std::collections::{HashMap, HashSet};

use super::advisor::Input;
use super::checker::{Checker, DefScope};
use super::spelling::tidy;
use crate::diag::{Seg, suggest};
use crate::expr::{self, Symbol, Type};
use crate::model::{Definition, InputDef, InputKind, Scalar};

/// Every question, in order, and per question whether its range, step and choices were
/// accepted (life events are checked against them only then, so a broken question does not
/// cause a second, confusing error).
pub(super) fn compile_inputs(c: &mut Checker, def: &Definition) -> (Vec<Input>, Vec<bool>) {
    let mut inputs: Vec<Input> = Vec::new();
    let mut input_ok: Vec<bool> = Vec::new();
    for (id, d) in &def.inputs {
        let (input, ok) = compile_input(c, id, d);
        inputs.push(input);
        input_ok.push(ok);
    }
    (inputs, input_ok)
}

/// One question, and whether it was accepted.
fn compile_input(c: &mut Checker, id: &str, d: &InputDef) -> (Input, bool) {
    let p = |f: &'static str| ["inputs", id, f];
    c.text(&p("label"), &d.label, true);
    c.text(&p("help"), &d.help, false);
    c.text(&p("unit"), &d.unit, false);
    c.text(&p("unit_one"), &d.unit_one, false);
    c.text(&p("short"), &d.short, false);
    let errors_before = c.errors.len();
    let numeric = matches!(d.kind, InputKind::Integer | InputKind::Number);
    let kind_name = match d.kind {
        InputKind::Integer => "integer",
        InputKind::Number => "number",
        InputKind::Choice => "choice",
        InputKind::YesNo => "yes_no",
    };
    if !numeric {
        for (f, present) in [
            ("min", d.min.is_some()),
            ("max", d.max.is_some()),
            ("step", d.step.is_some()),
        ] {
            if present {
                c.err(
                    &p(f),
                    format!("`{f}` is only for numbers, not for kind = \"{kind_name}\""),
                    Some(format!("remove `{f}`")),
                );
            }
        }
    }
    if d.kind != InputKind::Choice && !d.choices.is_empty() {
        c.err(
            &p("choices"),
            format!("`choices` is only for kind = \"choice\", not \"{kind_name}\""),
            Some("remove `choices` or set kind = \"choice\"".into()),
        );
    }
    let mut input = Input {
        id: id.to_string(),
        kind: d.kind,
        min: 0.0,
        max: 1.0,
        step: 1.0,
        default: 0.0,
        choices: Vec::new(),
        visible_if: None,
    };
    match d.kind {
        InputKind::Integer | InputKind::Number => {
            if !numeric_input(c, id, d, &mut input) {
                return (input, false);
            }
        }
        InputKind::Choice => choice_input(c, id, d, &mut input),
        InputKind::YesNo => match &d.default {
            Some(Scalar::Bool(b)) => input.default = if *b { 1.0 } else { 0.0 },
            Some(other) => c.err(
                &p("default"),
                format!("the default of a yes/no question must be true or false, not {other}"),
                None,
            ),
            None => c.err(
                &p("default"),
                "the question has no `default`",
                Some("add `default = true` or `default = false`".into()),
            ),
        },
    }
    let ok = c.errors.len() == errors_before;
    (input, ok)
}

/// The range, step and default of a number question; false when the range or step is
/// unusable (the default is then not checked).
fn numeric_input(c: &mut Checker, id: &str, d: &InputDef, input: &mut Input) -> bool {
    let p = |f: &'static str| ["inputs", id, f];
    let (Some(min), Some(max)) = (d.min, d.max) else {
        for (f, present, example) in [("min", d.min.is_some(), 0), ("max", d.max.is_some(), 40)] {
            if !present {
                c.err(
                    &p(f),
                    format!("a number question needs `{f}`"),
                    Some(format!("add e.g. `{f} = {example}`")),
                );
            }
        }
        return false;
    };
    let step = match (d.kind, d.step) {
        (_, Some(s)) => s,
        (InputKind::Integer, None) => 1.0,
        _ => {
            c.err(
                &p("step"),
                "a question with kind = \"number\" needs a `step`",
                Some("add e.g. `step = 0.5`, or use kind = \"integer\" for whole numbers".into()),
            );
            1.0
        }
    };
    let mut ok = true;
    for (f, v, example) in [("min", min, 0), ("max", max, 40), ("step", step, 1)] {
        if !v.is_finite() {
            c.err(
                &p(f),
                format!(
                    "`{f}` must be an ordinary number, not {}",
                    format!("{v}").to_lowercase()
                ),
                Some(format!(
                    "e.g. `{f} = {example}`: inf and nan are not allowed"
                )),
            );
            ok = false;
        }
    }
    if !ok {
        return false;
    }
    if d.kind == InputKind::Integer {
        for (f, v) in [("min", min), ("max", max), ("step", step)] {
            if v.fract() != 0.0 {
                c.err(
                    &p(f),
                    format!("`{f}` is {v}, but this question asks for whole numbers"),
                    Some("use a whole number, or kind = \"number\"".to_string()),
                );
                ok = false;
            }
        }
    }
    if min > max {
        c.err(
            &p("min"),
            format!("min ({min}) is greater than max ({max})"),
            Some("swap them, or correct one of them".into()),
        );
        ok = false;
    } else if min == max {
        c.err(
            &p("max"),
            format!("min and max are both {min}: there is nothing to choose"),
            Some("make max greater than min".into()),
        );
        ok = false;
    }
    if step <= 0.0 {
        c.err(
            &p("step"),
            format!("step must be greater than 0, not {step}"),
            Some("e.g. `step = 1`".into()),
        );
        ok = false;
    } else if ok && (max - min) / step > 1_000_000.0 {
        c.err(
            &p("step"),
            format!("step {step} gives more than a million values between {min} and {max}"),
            Some("use a larger step".into()),
        );
        ok = false;
    }
    let default = numeric_default(c, id, d, (min, max, step), ok);
    input.min = min;
    input.max = max;
    input.step = step;
    input.default = default.unwrap_or(min).clamp(min.min(max), max.max(min));
    true
}

/// The default of a number question, if it is a number; checked against the range and step
/// when those are `ok`.
fn numeric_default(
    c: &mut Checker,
    id: &str,
    d: &InputDef,
    (min, max, step): (f64, f64, f64),
    ok: bool,
) -> Option<f64> {
    let p = |f: &'static str| ["inputs", id, f];
    let default = match &d.default {
        Some(Scalar::Number(v)) if !v.is_finite() => {
            c.err(
                &p("default"),
                format!(
                    "the default must be an ordinary number, not {}",
                    format!("{v}").to_lowercase()
                ),
                Some(format!("choose a default from {min} to {max}")),
            );
            None
        }
        Some(Scalar::Number(v)) => Some(*v),
        Some(other) => {
            c.err(
                &p("default"),
                format!("the default must be a number, not {other}"),
                None,
            );
            None
        }
        None => {
            c.err(
                &p("default"),
                "the question has no `default`",
                Some(format!(
                    "add e.g. `default = {min}`; the advice is shown before the citizen answers"
                )),
            );
            None
        }
    };
    if let (Some(v), true) = (default, ok) {
        if v < min || v > max {
            c.err(
                &p("default"),
                format!("the default {v} is outside the range {min} to {max}"),
                Some(format!(
                    "choose a default from {min} to {max}, or change `min` or `max`"
                )),
            );
        } else if ((v - min) / step - ((v - min) / step).round()).abs() > 1e-9 {
            let below = min + ((v - min) / step).floor() * step;
            let above = (below + step).min(max);
            let allowed = if above > below {
                format!("use {} or {}", tidy(below), tidy(above))
            } else {
                format!("use {}", tidy(below))
            };
            c.err(
                            &p("default"),
                            format!(
                                "the default {v} is not an allowed value: from {min} the answers go in steps of {step}"
                            ),
                            Some(allowed),
                        );
        }
    }
    default
}

/// The choices and the default of a choice question.
fn choice_input(c: &mut Checker, id: &str, d: &InputDef, input: &mut Input) {
    let loc = c.loc;
    let p = |f: &'static str| ["inputs", id, f];
    if d.choices.len() < 2 {
        c.err(
            &p("choices"),
            "a choice question needs at least two choices",
            None,
        );
    }
    let mut ids = HashSet::new();
    for (k, ch) in d.choices.iter().enumerate() {
        let cp = vec![
            Seg::Key("inputs".into()),
            Seg::Key(id.to_string()),
            Seg::Key("choices".into()),
            Seg::Index(k),
        ];
        if ch.id.trim().is_empty() {
            let e = loc.at(&cp, "a choice has an empty id", None);
            c.errors.push(e);
        }
        if !ids.insert(ch.id.as_str()) {
            let mut idp = cp.clone();
            idp.push(Seg::Key("id".into()));
            let e = loc.at(
                &idp,
                format!("the choice `{}` appears twice", ch.id),
                Some("every choice needs its own id".into()),
            );
            c.errors.push(e);
        }
        for lang in ch.label.missing() {
            let mut lp = cp.clone();
            lp.push(Seg::Key("label".into()));
            let e = loc.at(
                &lp,
                format!(
                    "the label of choice `{}` has no {} text",
                    ch.id,
                    if lang == crate::text::Lang::Nl {
                        "Dutch (nl)"
                    } else {
                        "English (en)"
                    }
                ),
                Some(format!("add `{} = \"...\"`", lang.code())),
            );
            c.errors.push(e);
        }
    }
    input.choices = d.choices.iter().map(|ch| ch.id.clone()).collect();
    input.max = (input.choices.len().max(1) - 1) as f64;
    match &d.default {
        Some(Scalar::Text(s)) => match input.choices.iter().position(|x| x == s) {
            Some(k) => input.default = k as f64,
            None => {
                let mut list: Vec<&str> = Vec::new();
                for ch in &input.choices {
                    if !list.contains(&ch.as_str()) {
                        list.push(ch);
                    }
                }
                c.err(
                    &p("default"),
                    format!("the default '{s}' is not one of the choices"),
                    suggest(s, &list),
                );
            }
        },
        Some(other) => c.err(
            &p("default"),
            format!("the default must be one of the choice ids in quotes, not {other}"),
            None,
        ),
        None => c.err(
            &p("default"),
            "the question has no `default`",
            Some(match input.choices.first() {
                Some(first) => format!("add e.g. `default = \"{first}\"`"),
                None => "add `default = \"...\"` with one of the choice ids".into(),
            }),
        ),
    }
}

/// Each `visible_if`, compiled with only the questions asked before it in scope.
pub(super) fn compile_visible_if(
    c: &mut Checker,
    def: &Definition,
    symbols: &HashMap<String, Symbol>,
    inputs: &mut [Input],
) {
    let input_names: Vec<String> = def.inputs.keys().cloned().collect();
    for (i, (id, d)) in def.inputs.iter().enumerate() {
        let Some(src) = &d.visible_if else { continue };
        if c.full() {
            break;
        }
        let scope = DefScope {
            symbols,
            inputs: &*inputs,
            inputs_before: Some(i),
            names: &input_names[..i],
        };
        let path = ["inputs", id.as_str(), "visible_if"];
        match expr::compile_str(src, &scope, Some(Type::Bool)) {
            Ok(e) => inputs[i].visible_if = Some(e),
            Err(e) => {
                let mut e = e;
                // A known name that is not in scope here: say why instead of "unknown name".
                let name = src.get(e.start..e.end).unwrap_or("");
                if let Some(later) = def.inputs.get_index_of(name)
                    && later >= i
                {
                    if later == i {
                        e.message = format!("a question cannot depend on itself (`{name}`)");
                        e.hint = Some(
                            "`visible_if` may only use questions asked before this one".into(),
                        );
                    } else {
                        e.message = format!("`{name}` is asked after this question");
                        e.hint = Some(format!(
                            "`visible_if` may only use questions asked before this one: move [inputs.{name}] above [inputs.{id}]"
                        ));
                    }
                } else if def.parameters.contains_key(name) || def.derived.contains_key(name) {
                    let what = if def.parameters.contains_key(name) {
                        "a parameter"
                    } else {
                        "a derived value"
                    };
                    e.message = format!("`{name}` is {what}; `visible_if` can only use questions");
                    e.hint =
                        Some("`visible_if` may only use questions asked before this one".into());
                }
                c.expr_error(&path, src, &e);
            }
        }
    }
}
