//! The life events (`[events.<id>]`): buttons that make a new scenario by changing some
//! answers, each new answer checked against its question.

use super::advisor::{Input, LifeEvent};
use super::checker::Checker;
use super::limits::MAX_EVENT_NAME_CHARS;
use super::spelling::tidy;
use crate::diag::suggest;
use crate::model::{Definition, InputKind, Scalar};
use crate::text::Lang;

/// Every life event, in order; `input_ok` says which questions were accepted (only their
/// answers are checked).
pub(super) fn compile_events(
    c: &mut Checker,
    def: &Definition,
    inputs: &[Input],
    input_ok: &[bool],
) -> Vec<LifeEvent> {
    let input_list: Vec<&str> = def.inputs.keys().map(String::as_str).collect();
    let mut events = Vec::new();
    for (id, d) in &def.events {
        let p = |f: &'static str| ["events", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("name"), &d.name, true);
        c.text(&p("description"), &d.description, false);
        for lang in Lang::ALL {
            let name = d.name.raw(lang).unwrap_or("");
            let n = name.trim().chars().count();
            if n > MAX_EVENT_NAME_CHARS {
                let which = lang.english_name();
                c.err(
                    &["events", id, "name", lang.code()],
                    format!(
                        "the {which} name is {n} characters long; the limit is {MAX_EVENT_NAME_CHARS}"
                    ),
                    Some("make it shorter: it is the default name of the new scenario; the description can say more".into()),
                );
            }
        }
        if d.set.is_empty() {
            c.err(
                &p("set"),
                "the event changes no answers",
                Some(format!(
                    "add a question id and its new value, e.g. `set = {{ {} = ... }}`",
                    input_list.first().copied().unwrap_or("trips")
                )),
            );
        }
        let mut changes = Vec::new();
        for (key, value) in &d.set {
            let path = ["events", id.as_str(), "set", key.as_str()];
            let Some(i) = def.inputs.get_index_of(key) else {
                c.err_key(
                    &path,
                    format!("unknown question `{key}`"),
                    if c.full() {
                        None
                    } else {
                        suggest(key, &input_list)
                    },
                );
                continue;
            };
            if !input_ok[i] {
                continue;
            }
            match event_value(&inputs[i], value) {
                Ok(v) => changes.push((i, v)),
                Err((message, hint)) => c.err(&path, message, hint),
            }
        }
        events.push(LifeEvent {
            id: id.clone(),
            label: d.label.clone(),
            name: d.name.clone(),
            description: d.description.clone(),
            changes,
        });
    }
    events
}

/// The value a life event gives input `inp`, in the slot encoding (number, choice index, 1/0),
/// or what is wrong with it (message, hint).
fn event_value(inp: &Input, value: &Scalar) -> Result<f64, (String, Option<String>)> {
    let id = &inp.id;
    match (inp.kind, value) {
        (InputKind::Integer | InputKind::Number, Scalar::Number(v)) => {
            let (v, min, max, step) = (*v, inp.min, inp.max, inp.step);
            if !v.is_finite() {
                return Err(("the value must be an ordinary number".into(), None));
            }
            if v < min - 1e-9 || v > max + 1e-9 {
                return Err((
                    format!("the value {v} is outside the range {min} to {max} of `{id}`"),
                    Some(format!("choose a value from {min} to {max}")),
                ));
            }
            let k = (v - min) / step;
            if (k - k.round()).abs() > 1e-9 {
                let below = min + k.floor() * step;
                let above = (below + step).min(max);
                let allowed = if above > below {
                    format!("use {} or {}", tidy(below), tidy(above))
                } else {
                    format!("use {}", tidy(below))
                };
                return Err((
                    format!(
                        "the value {v} is not an allowed answer to `{id}`: from {min} the answers go in steps of {step}"
                    ),
                    Some(allowed),
                ));
            }
            Ok(v)
        }
        (InputKind::Integer | InputKind::Number, other) => Err((
            format!("`{id}` is a number question: the value must be a number, not {other}"),
            match other {
                Scalar::Text(t) if t.trim().parse::<f64>().is_ok() => {
                    Some(format!("remove the quotes: `{id} = {}`", t.trim()))
                }
                _ => None,
            },
        )),
        (InputKind::YesNo, Scalar::Bool(b)) => Ok(if *b { 1.0 } else { 0.0 }),
        (InputKind::YesNo, other) => Err((
            format!("`{id}` is a yes/no question: the value must be true or false, not {other}"),
            Some(format!(
                "write `{id} = true` or `{id} = false`, without quotes"
            )),
        )),
        (InputKind::Choice, Scalar::Text(t)) => match inp.choices.iter().position(|x| x == t) {
            Some(k) => Ok(k as f64),
            None => {
                let list: Vec<&str> = inp.choices.iter().map(String::as_str).collect();
                Err((
                    format!("'{t}' is not one of the choices of `{id}`"),
                    suggest(t, &list),
                ))
            }
        },
        (InputKind::Choice, other) => Err((
            format!(
                "`{id}` is a choice question: the value must be one of its choice ids in quotes, not {other}"
            ),
            match other {
                Scalar::Number(n) if inp.choices.iter().any(|c| *c == n.to_string()) => {
                    Some(format!("put it in quotes: `{id} = \"{n}\"`"))
                }
                _ => inp
                    .choices
                    .first()
                    .map(|first| format!("e.g. `{id} = \"{first}\"`")),
            },
        )),
    }
}
