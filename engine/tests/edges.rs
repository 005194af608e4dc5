//! Numeric edge cases on every advisor under `advisors/` (and the template): every number
//! question at its minimum, at its maximum, and each one alone at an end; all weights zero; one
//! weight only. Whatever the answers, no value, score, share or sentence is NaN or infinite,
//! and the explanation is never empty.

use std::fs;
use std::path::Path;

use advies_engine::eval::Scenario;
use advies_engine::explain::explain;
use advies_engine::model::InputKind;
use advies_engine::{Advisor, Lang};

fn advisors() -> Vec<(String, Advisor)> {
    sources()
        .into_iter()
        .map(|(name, text)| {
            let a = Advisor::parse(&text, "definition.toml").unwrap();
            (name, a)
        })
        .collect()
}

/// Scenarios at the edges: all numbers at min, all at max, each alone at min and max, and the
/// same with every choice and yes/no at its first and last value; weights as given.
fn edge_scenarios(a: &Advisor) -> Vec<Scenario> {
    let base = a.default_scenario();
    let mut all = Vec::new();
    let ends = |i: usize, high: bool| -> f64 {
        let inp = &a.inputs[i];
        match (inp.kind, high) {
            (InputKind::Integer | InputKind::Number, false) => inp.min,
            (InputKind::Integer | InputKind::Number, true) => inp.max,
            (InputKind::YesNo | InputKind::Choice, false) => 0.0,
            (InputKind::YesNo, true) => 1.0,
            (InputKind::Choice, true) => (inp.choices.len().max(1) - 1) as f64,
        }
    };
    for high in [false, true] {
        let mut sc = base.clone();
        for i in 0..a.inputs.len() {
            sc.inputs[i] = ends(i, high);
        }
        all.push(sc);
        for i in 0..a.inputs.len() {
            let mut one = base.clone();
            one.inputs[i] = ends(i, high);
            all.push(one);
        }
    }
    all
}

fn check(name: &str, a: &Advisor, sc: &Scenario) {
    let Ok((ev, an)) = a.analyse(sc) else {
        // An evaluation failure is reported to the citizen as such (tested elsewhere); here
        // the advisors must simply evaluate.
        panic!("{name}: does not evaluate at {:?}", sc.inputs);
    };
    for (o, r) in ev.options.iter().enumerate() {
        assert!(
            r.score.is_finite(),
            "{name}: option {o} score {} at {:?}",
            r.score,
            sc.inputs
        );
        for v in r.values.iter().chain(&r.scaled) {
            assert!(
                v.is_finite(),
                "{name}: option {o} value {v} at {:?}",
                sc.inputs
            );
        }
    }
    assert!(ev.weights.iter().all(|w| w.is_finite()));
    assert!(
        an.contributions.iter().all(|c| c.is_finite()),
        "{name}: contributions {:?}",
        an.contributions
    );
    for w in &an.weight_intervals {
        assert!(
            w.low.is_finite() && w.high.is_finite() && w.share.is_finite(),
            "{name}: {w:?}"
        );
    }
    for tp in &an.tipping_points {
        assert!(tp.at.is_finite(), "{name}: {tp:?}");
    }
    for lang in [Lang::Nl, Lang::En] {
        let e = explain(a, &ev, &an, lang);
        let text = format!("{} {} {}", e.why, e.solidity, e.tipping.join(" "));
        assert!(
            !e.why.trim().is_empty(),
            "{name}: an empty explanation at {:?}",
            sc.inputs
        );
        for bad in ["NaN", "inf", "Infinity"] {
            assert!(!text.contains(bad), "{name}: `{bad}` in `{text}`");
        }
    }
}

#[test]
fn every_advisor_at_the_ends_of_its_answers() {
    let mut checked = 0;
    for (name, a) in advisors() {
        for sc in edge_scenarios(&a) {
            check(&name, &a, &sc);
            checked += 1;
        }
    }
    println!("{checked} edge scenarios checked");
}

#[test]
fn all_weights_zero_falls_back_to_the_defaults_and_one_weight_alone_works() {
    for (name, a) in advisors() {
        let mut zero = a.default_scenario();
        zero.weights.iter_mut().for_each(|w| *w = 0.0);
        let ev = a.evaluate(&zero).unwrap();
        assert!(ev.weights_fallback, "{name}: all zero uses the defaults");
        check(&name, &a, &zero);
        for k in 0..a.factors.len() {
            let mut one = a.default_scenario();
            one.weights
                .iter_mut()
                .enumerate()
                .for_each(|(f, w)| *w = if f == k { 1.0 } else { 0.0 });
            check(&name, &a, &one);
        }
    }
}

/// The definitions' texts: every advisor under `advisors/` and the template.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    for entry in fs::read_dir(root.join("advisors")).unwrap() {
        let path = entry.unwrap().path().join("definition.toml");
        if path.is_file() {
            out.push((
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    out.push((
        "template".into(),
        fs::read_to_string(root.join("engine/templates/definition.toml")).unwrap(),
    ));
    assert!(out.len() >= 4);
    out
}

/// `text` with `change(section, line)` applied to each line; `section` is the last `[...]`
/// header seen.
fn edit_lines(text: &str, change: impl Fn(&str, &str) -> Option<String>) -> String {
    let mut section = String::new();
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with('[') {
            section = line.trim_matches(|c| c == '[' || c == ']').to_string();
        }
        out.push_str(&change(&section, line).unwrap_or_else(|| line.to_string()));
        out.push('\n');
    }
    out
}

/// Splits the inside of a one-line inline table at the commas outside quotes and brackets.
fn split_entries(inner: &str) -> Vec<String> {
    let (mut parts, mut current, mut quoted, mut depth) = (Vec::new(), String::new(), false, 0);
    for c in inner.chars() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                parts.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        parts.push(current.trim().to_string());
    }
    parts
}

/// Either the advisor evaluates and everything passes `check`, or evaluation fails with a
/// message that names the expression (the page shows that message; never NaN on screen).
fn check_or_clear_failure(name: &str, a: &Advisor, sc: &Scenario) -> bool {
    match a.analyse(sc) {
        Ok(_) => {
            check(name, a, sc);
            true
        }
        Err(failure) => {
            let said = failure.to_string();
            eprintln!("{name}: {said}");
            assert!(
                !failure.expr.is_empty() && said.len() > failure.expr.len() + 2,
                "{name}: an unclear failure `{said}`"
            );
            false
        }
    }
}

#[test]
fn every_parameter_at_zero() {
    let (mut evaluated, mut failed) = (0, 0);
    for (name, text) in sources() {
        let zeroed = edit_lines(&text, |section, line| {
            (section.starts_with("parameters.") && line.starts_with("value = "))
                .then(|| "value = 0".to_string())
        });
        assert_ne!(zeroed, text, "{name}: has parameters");
        // A figure of 0 that a formula divides by is refused by `check`, with a clear message.
        let a = match Advisor::parse(&zeroed, "definition.toml") {
            Ok(a) => a,
            Err(d) => {
                assert!(
                    d.0.iter()
                        .all(|d| d.message.starts_with("always divides by zero")),
                    "{name}: with every parameter 0: {d}"
                );
                eprintln!("{name}: refused with every parameter 0: {d}");
                failed += 1;
                continue;
            }
        };
        for sc in std::iter::once(a.default_scenario()).chain(edge_scenarios(&a)) {
            if check_or_clear_failure(&name, &a, &sc) {
                evaluated += 1;
            } else {
                failed += 1;
            }
        }
    }
    println!("parameters at zero: {evaluated} scenarios evaluated, {failed} failed clearly");
    assert!(evaluated > 0);
}

#[test]
fn a_factor_on_which_all_options_are_equal() {
    let mut checked = 0;
    for (name, text) in sources() {
        let a = Advisor::parse(&text, "definition.toml").unwrap();
        let factors: Vec<String> = a.factors.iter().map(|f| f.id.clone()).collect();
        for factor in &factors {
            let equal = edit_lines(&text, |section, line| {
                let inner = line.strip_prefix("values = {")?.strip_suffix('}')?;
                section.starts_with("options.").then(|| {
                    let entries: Vec<String> = split_entries(inner)
                        .into_iter()
                        .map(|e| match e.split_once(" = ") {
                            Some((key, _)) if key == factor => format!("{key} = 1"),
                            _ => e,
                        })
                        .collect();
                    format!("values = {{ {} }}", entries.join(", "))
                })
            });
            let b = Advisor::parse(&equal, "definition.toml")
                .unwrap_or_else(|d| panic!("{name}: all equal on {factor}: {d}"));
            for sc in std::iter::once(b.default_scenario()).chain(edge_scenarios(&b)) {
                check(&format!("{name}, all equal on {factor}"), &b, &sc);
                checked += 1;
            }
            // All options equal on every factor but this one is tested by the loop too; and
            // with only this factor weighted, every option ties: still an advice and a reason.
            let mut only = b.default_scenario();
            only.weights
                .iter_mut()
                .zip(&factors)
                .for_each(|(w, f)| *w = if f == factor { 1.0 } else { 0.0 });
            check(&format!("{name}, only {factor}, all equal"), &b, &only);
        }
    }
    println!("{checked} scenarios with a factor on which all options are equal");
}
