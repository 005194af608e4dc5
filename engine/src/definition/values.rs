//! The values formulas compute with: parameters (`[parameters.<id>]`, each with its source
//! or note), the scope of questions and parameters, and the derived values
//! (`[derived]`), compiled in dependency order with every circle reported.

use std::collections::{HashMap, HashSet};

use super::advisor::{Derived, Input, Param};
use super::checker::{Checker, DefScope};
use crate::diag::{derived_path, path_of, suggest};
use crate::expr::{self, Symbol, Type};
use crate::model::{Definition, InputKind, Status};

/// Every parameter, in order; `source_ids` are the ids of `[[sources]]`.
pub(super) fn compile_params(
    c: &mut Checker,
    def: &Definition,
    source_ids: &HashSet<&str>,
) -> Vec<Param> {
    let source_list: Vec<&str> = def.sources.iter().map(|s| s.id.as_str()).collect();
    let mut params = Vec::new();
    for (id, d) in &def.parameters {
        let p = |f: &'static str| ["parameters", id.as_str(), f];
        c.text(&p("label"), &d.label, true);
        c.text(&p("note"), &d.note, false);
        if !d.value.is_finite() {
            c.err(&p("value"), "the value must be an ordinary number", None);
        }
        match (&d.source, d.status) {
            (Some(s), _) if !source_ids.contains(s.as_str()) => {
                c.err(
                    &p("source"),
                    format!("unknown source `{s}`"),
                    if c.full() {
                        None
                    } else {
                        suggest(s, &source_list).or(Some("add it under [[sources]]".into()))
                    },
                );
            }
            (None, Status::Verified) => {
                c.err_at(
                    &p("source"),
                    &p("status"),
                    "a verified figure needs a `source`",
                    Some(match source_list.first() {
                        Some(s) => format!("add e.g. `source = \"{s}\"` (an id from [[sources]]), or set status = \"illustrative\" if no published figure exists"),
                        None => "add the source under [[sources]] and refer to it with `source = \"...\"`, or set status = \"illustrative\" if no published figure exists".into(),
                    }),
                );
            }
            _ => {}
        }
        if d.status == Status::Illustrative && d.note.is_empty() {
            c.err_at(
                &p("note"),
                &p("status"),
                "an illustrative figure needs a `note` that says where the number comes from",
                Some("add `note = { nl = \"...\", en = \"...\" }`".into()),
            );
        }
        params.push(Param {
            id: id.clone(),
            value: d.value,
            status: d.status,
        });
    }
    params
}

/// The names questions and parameters give formulas: input `i` in slot `i`, parameter `j` after
/// the questions.
pub(super) fn symbols_of(inputs: &[Input], params: &[Param]) -> HashMap<String, Symbol> {
    let ni = inputs.len();
    let mut symbols: HashMap<String, Symbol> = HashMap::new();
    for (i, inp) in inputs.iter().enumerate() {
        symbols.insert(
            inp.id.clone(),
            Symbol {
                slot: i as u32,
                ty: input_type(i, inp.kind),
            },
        );
    }
    for (j, par) in params.iter().enumerate() {
        symbols.insert(
            par.id.clone(),
            Symbol {
                slot: (ni + j) as u32,
                ty: Type::Number,
            },
        );
    }
    symbols
}

fn input_type(i: usize, kind: InputKind) -> Type {
    match kind {
        InputKind::Integer | InputKind::Number => Type::Number,
        InputKind::YesNo => Type::Bool,
        InputKind::Choice => Type::Choice(i as u32),
    }
}

/// The derived values, compiled (None where a value could not be).
pub(super) struct DerivedValues {
    /// One per derived value, in definition order.
    pub(super) derived: Vec<Option<Derived>>,
    /// Evaluation order (dependencies first).
    pub(super) order: Vec<usize>,
    /// Every name a formula can use (for suggestions).
    pub(super) names: Vec<String>,
}

/// Every derived value, in dependency order; each compiled one joins `symbols`.
pub(super) fn compile_derived(
    c: &mut Checker,
    def: &Definition,
    symbols: &mut HashMap<String, Symbol>,
    inputs: &[Input],
    np: usize,
) -> DerivedValues {
    let loc = c.loc;
    let ni = inputs.len();
    let derived_ids: Vec<&String> = def.derived.keys().collect();
    let derived_index: HashMap<&str, usize> = derived_ids
        .iter()
        .enumerate()
        .map(|(k, id)| (id.as_str(), k))
        .collect();
    let expr_path = |id: &str| derived_path(loc, id);
    let mut asts = Vec::new();
    let mut deps: Vec<Vec<usize>> = Vec::new();
    for (id, d) in &def.derived {
        match expr::parse(&d.expr) {
            Ok(ast) => {
                let ds: Vec<usize> = ast
                    .names()
                    .iter()
                    .filter_map(|(n, _, _)| derived_index.get(n.as_str()).copied())
                    .collect();
                deps.push(ds);
                asts.push(Some(ast));
            }
            Err(e) => {
                c.expr_error_at(&expr_path(id), &d.expr, &e);
                deps.push(Vec::new());
                asts.push(None);
            }
        }
    }
    let (order, cycles) = topo_order(&deps);
    for cycle in cycles.iter().take(MAX_CYCLES_REPORTED) {
        let names: Vec<&str> = cycle.iter().map(|&k| derived_ids[k].as_str()).collect();
        let first = names[0];
        let next = names.get(1).copied().unwrap_or(first);
        let message = if names.len() == 1 {
            format!("the derived value `{first}` uses itself: {first} -> {first}")
        } else {
            format!(
                "these derived values depend on each other in a circle: {} -> {first}",
                names.join(" -> ")
            )
        };
        // Point at the first use of the next name of the circle inside `first`'s expression.
        let path = expr_path(first);
        let span = asts[cycle[0]]
            .as_ref()
            .and_then(|a| a.names().into_iter().find(|(n, _, _)| n == next))
            .map(|(_, s, e)| {
                (
                    loc.offset_in_string(&path, s),
                    loc.offset_in_string(&path, e),
                )
            })
            .unwrap_or_else(|| loc.span(&path));
        let d = loc.at_span(
            &path_of(&["derived", first]),
            span,
            message,
            Some("break the circle: one of them must be computed without the others".into()),
        );
        c.errors.push(d);
    }
    let mut derived: Vec<Option<Derived>> = vec![None; def.derived.len()];
    let mut names_all: Vec<String> = symbols.keys().cloned().collect();
    names_all.extend(def.derived.keys().cloned());
    for &k in &order {
        let id = derived_ids[k];
        c.text(&["derived", id, "label"], &def.derived[k].label, false);
        c.text(&["derived", id, "unit"], &def.derived[k].unit, false);
        let Some(ast) = &asts[k] else { continue };
        // A value that uses a broken one (an error already reported, or in a circle) is not
        // compiled: that would only repeat the error as "unknown name".
        if deps[k].iter().any(|&d| derived[d].is_none()) || c.full() {
            continue;
        }
        let src = &def.derived[k].expr;
        let compiled = {
            let scope = DefScope {
                symbols,
                inputs,
                inputs_before: None,
                names: &names_all,
            };
            expr::compile(ast, src, &scope, None)
        };
        match compiled {
            Ok(e) => {
                symbols.insert(
                    id.clone(),
                    Symbol {
                        slot: (ni + np + k) as u32,
                        ty: e.ty(),
                    },
                );
                derived[k] = Some(Derived {
                    id: id.clone(),
                    expr: e,
                });
            }
            Err(e) => c.expr_error_at(&expr_path(id), src, &e),
        }
    }
    DerivedValues {
        derived,
        order,
        names: names_all,
    }
}

/// The derived values that could not be compiled: expressions that use them are skipped.
pub(super) fn broken_names<'d>(
    def: &'d Definition,
    derived: &[Option<Derived>],
) -> HashSet<&'d str> {
    def.derived
        .keys()
        .zip(derived)
        .filter(|(_, d)| d.is_none())
        .map(|(id, _)| id.as_str())
        .collect()
}

/// True if the expression `src` uses one of the `broken` derived values.
pub(super) fn uses_broken(broken: &HashSet<&str>, src: &str) -> bool {
    !broken.is_empty()
        && expr::parse(src).is_ok_and(|a| {
            a.names()
                .iter()
                .any(|(n, _, _)| broken.contains(n.as_str()))
        })
}

/// Most circles among derived values reported at once.
const MAX_CYCLES_REPORTED: usize = 10;

/// Topological order of nodes given each node's dependencies (dependencies first), and the
/// circles found (one per edge that closes a circle). Iterative: long chains do not overflow
/// the stack.
pub(super) fn topo_order(deps: &[Vec<usize>]) -> (Vec<usize>, Vec<Vec<usize>>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let n = deps.len();
    let mut mark = vec![Mark::New; n];
    let mut order = Vec::with_capacity(n);
    let mut cycles = Vec::new();
    // (node, index of the next dependency to visit)
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        mark[root] = Mark::Active;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (v, next) = *top;
            if let Some(&d) = deps[v].get(next) {
                top.1 += 1;
                match mark[d] {
                    Mark::New => {
                        mark[d] = Mark::Active;
                        stack.push((d, 0));
                    }
                    Mark::Active => {
                        if cycles.len() < MAX_CYCLES_REPORTED {
                            let from = stack.iter().position(|&(x, _)| x == d).unwrap_or(0);
                            cycles.push(stack[from..].iter().map(|&(x, _)| x).collect());
                        }
                    }
                    Mark::Done => {}
                }
            } else {
                mark[v] = Mark::Done;
                order.push(v);
                stack.pop();
            }
        }
    }
    (order, cycles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topo_finds_cycles() {
        let (order, cycles) = topo_order(&[vec![1], vec![], vec![0]]);
        assert_eq!(order, vec![1, 0, 2]);
        assert!(cycles.is_empty());
        let (order, cycles) = topo_order(&[vec![1], vec![2], vec![0]]);
        assert_eq!(cycles, vec![vec![0, 1, 2]]);
        assert_eq!(order.len(), 3);
        let (_, cycles) = topo_order(&[vec![0], vec![2], vec![1]]);
        assert_eq!(cycles, vec![vec![0], vec![1, 2]]);
        // a long chain does not overflow the stack
        let chain: Vec<Vec<usize>> = (0..200_000).map(|k| vec![k + 1]).chain([vec![]]).collect();
        let (order, cycles) = topo_order(&chain);
        assert!(cycles.is_empty());
        assert_eq!(order[0], 200_000);
    }
}
