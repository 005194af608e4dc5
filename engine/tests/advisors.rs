//! Every advisor under `advisors/` parses, validates, and passes its own test cases.

use std::fs;
use std::path::{Path, PathBuf};

use advies_engine::Advisor;
use advies_engine::cases::run_cases;

fn advisors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../advisors")
}

fn advisor_folders() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(advisors_dir())
        .expect("advisors/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("definition.toml").exists())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_advisor_validates_and_passes_its_cases() {
    let folders = advisor_folders();
    assert!(
        !folders.is_empty(),
        "no advisors found under {}",
        advisors_dir().display()
    );
    let mut report = Vec::new();
    let mut total = 0;
    for dir in folders {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let def_path = format!("advisors/{name}/definition.toml");
        let text = fs::read_to_string(dir.join("definition.toml")).unwrap();
        let advisor = match Advisor::parse(&text, &def_path) {
            Ok(a) => a,
            Err(e) => {
                report.push(format!("{name}: definition has errors:\n{e}"));
                continue;
            }
        };
        assert_eq!(
            advisor.def.id, name,
            "the folder name must equal the advisor id"
        );
        let cases_path = dir.join("cases.toml");
        let cases_text = fs::read_to_string(&cases_path).unwrap_or_else(|_| {
            panic!("{name}: every advisor needs a cases.toml next to its definition")
        });
        match run_cases(
            &advisor,
            &cases_text,
            &format!("advisors/{name}/cases.toml"),
        ) {
            Err(e) => report.push(format!("{name}: cases file has errors:\n{e}")),
            Ok(results) => {
                assert!(
                    results.len() >= 12,
                    "{name}: at least 12 cases expected, found {}",
                    results.len()
                );
                for r in results {
                    total += 1;
                    if !r.passed() {
                        report.push(format!(
                            "{name}: case '{}' failed:\n  {}",
                            r.name,
                            r.failures.join("\n  ")
                        ));
                    }
                }
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
    assert!(total >= 12);
}

#[test]
fn ret_default_scenario_evaluates() {
    let text = fs::read_to_string(advisors_dir().join("ret/definition.toml")).unwrap();
    let advisor = Advisor::parse(&text, "ret/definition.toml").unwrap();
    let ev = advisor.evaluate(&advisor.default_scenario()).unwrap();
    assert_eq!(
        ev.ranking.len(),
        5,
        "five paid options are possible for an adult"
    );
    assert!(
        ev.options
            .iter()
            .all(|o| o.score.is_finite() && (0.0..=1.0).contains(&o.score))
    );
    assert!((ev.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(
        advisor.has_illustrative(),
        "RET subscription prices are illustrative"
    );
}

#[test]
fn ret_definition_as_json_gives_the_same_advisor() {
    let text = fs::read_to_string(advisors_dir().join("ret/definition.toml")).unwrap();
    let toml_adv = Advisor::parse(&text, "ret/definition.toml").unwrap();
    let json = serde_json::to_string_pretty(&toml_adv.def).unwrap();
    let json_adv = Advisor::parse(&json, "ret/definition.json").unwrap();
    let sc = toml_adv.default_scenario();
    assert_eq!(
        toml_adv.evaluate(&sc).unwrap(),
        json_adv.evaluate(&sc).unwrap()
    );
}

#[test]
fn weights_are_relative() {
    let text = fs::read_to_string(advisors_dir().join("ret/definition.toml")).unwrap();
    let advisor = Advisor::parse(&text, "ret/definition.toml").unwrap();
    let mut sc = advisor.default_scenario();
    let a = advisor.evaluate(&sc).unwrap();
    for w in sc.weights.iter_mut() {
        *w *= 7.5;
    }
    let b = advisor.evaluate(&sc).unwrap();
    assert_eq!(a.ranking, b.ranking);
    for (x, y) in a.options.iter().zip(&b.options) {
        assert!((x.score - y.score).abs() < 1e-12);
    }
    // all-zero weights fall back to the defaults, and say so
    sc.weights.iter_mut().for_each(|w| *w = 0.0);
    let c = advisor.evaluate(&sc).unwrap();
    assert!(c.weights_fallback);
    assert_eq!(c.ranking, a.ranking);
}
