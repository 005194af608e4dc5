//! The corpus of broken definitions in `tests/broken/`: each one must be rejected (never with a
//! panic) with exactly the diagnostic it expects.
//!
//! Every file is the valid base `_valid.toml` with one thing broken. A TOML file starts with
//! `# expect: <diagnostic>`; a JSON file (JSON has no comments) has its expectation in a sibling
//! file `NAME.json.expect`. The expectation is the `Display` of one diagnostic without the
//! `broken/NAME:` prefix, e.g. `18:7: inputs.trips.min: min (30) is greater than max (20) (...)`.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use advies_engine::{Advisor, Diagnostics};

fn broken_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken")
}

/// The broken definitions, sorted by name (not the base, not the `.expect` files).
fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(broken_dir())
        .expect("tests/broken/ exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.is_file())
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .filter(|n| !n.starts_with('_') && (n.ends_with(".toml") || n.ends_with(".json")))
        .map(|n| {
            let text = fs::read_to_string(broken_dir().join(&n))
                .unwrap_or_else(|e| panic!("{n}: cannot read: {e}"));
            (n, text)
        })
        .collect();
    files.sort();
    files
}

fn expectation(name: &str, text: &str) -> String {
    if name.ends_with(".json") {
        let path = broken_dir().join(format!("{name}.expect"));
        let exp = fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("{name}: a JSON file needs its expectation in {name}.expect")
        });
        exp.trim().to_string()
    } else {
        let first = text.lines().next().unwrap_or("");
        first
            .strip_prefix("# expect: ")
            .unwrap_or_else(|| panic!("{name}: the first line must be `# expect: <diagnostic>`"))
            .trim()
            .to_string()
    }
}

/// Parses without letting a panic escape: a panic becomes an `Err(message)`.
fn parse_no_panic(text: &str, file: &str) -> Result<Result<Advisor, Diagnostics>, String> {
    catch_unwind(AssertUnwindSafe(|| Advisor::parse(text, file))).map_err(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "(no message)".into())
    })
}

#[test]
fn the_valid_base_parses() {
    let text = fs::read_to_string(broken_dir().join("_valid.toml")).unwrap();
    match Advisor::parse(&text, "broken/_valid.toml") {
        Ok(a) => {
            assert_eq!(a.def.id, "bus");
            assert_eq!(a.options.len(), 2);
        }
        Err(e) => panic!("the valid base has errors:\n{e}"),
    }
}

#[test]
fn every_broken_definition_gives_its_expected_message() {
    let files = corpus();
    assert!(
        files.len() >= 20,
        "at least 20 broken definitions expected, found {}",
        files.len()
    );
    assert!(
        files.iter().filter(|(n, _)| n.ends_with(".json")).count() >= 3,
        "at least 3 broken JSON definitions expected"
    );
    let mut report = Vec::new();
    for (name, text) in &files {
        let expected = expectation(name, text);
        let file = format!("broken/{name}");
        let diags = match parse_no_panic(text, &file) {
            Err(panic) => {
                report.push(format!("{name}: PANICKED: {panic}"));
                continue;
            }
            Ok(Ok(_)) => {
                report.push(format!("{name}: was accepted, expected: {expected}"));
                continue;
            }
            Ok(Err(d)) => d,
        };
        let prefix = format!("{file}:");
        let shown: Vec<String> = diags
            .0
            .iter()
            .map(|d| {
                assert_eq!(d.file, file, "{name}: the diagnostic names another file");
                let s = d.to_string();
                s.strip_prefix(&prefix).unwrap_or(&s).to_string()
            })
            .collect();
        if !shown.contains(&expected) {
            report.push(format!(
                "{name}:\n  expected: {expected}\n  got:\n    {}",
                shown.join("\n    ")
            ));
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} broken definitions did not give their message:\n{}",
        report.len(),
        files.len(),
        report.join("\n")
    );
}

/// Every prefix of every definition in the corpus (cut at every 7th byte) is rejected or
/// accepted, never a panic. Cuts inside a multi-byte character are fed with the partial
/// character replaced. The files are shared out over a few threads.
#[test]
fn truncated_definitions_never_panic() {
    let mut files = corpus();
    files.push((
        "_valid.toml".into(),
        fs::read_to_string(broken_dir().join("_valid.toml")).unwrap(),
    ));
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let panics: Vec<String> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let files = &files;
                s.spawn(move || {
                    let mut panics = Vec::new();
                    for (name, text) in files.iter().skip(t).step_by(threads) {
                        let bytes = text.as_bytes();
                        let file = format!("broken/{name}");
                        for cut in (0..=bytes.len()).step_by(7) {
                            let prefix = String::from_utf8_lossy(&bytes[..cut]);
                            if let Err(p) = parse_no_panic(&prefix, &file) {
                                panics.push(format!("{name} cut at byte {cut}: {p}"));
                            }
                        }
                    }
                    panics
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker finished"))
            .collect()
    });
    assert!(panics.is_empty(), "panics:\n{}", panics.join("\n"));
}

/// A definition with very many mistakes reports the first ones and says there are more,
/// instead of taking ages.
#[test]
fn very_many_problems_are_capped() {
    let base = fs::read_to_string(broken_dir().join("_valid.toml")).unwrap();
    let many: String = (0..500)
        .map(|k| format!("d{k} = \"unknown_{k} + 1\"\n"))
        .collect();
    let text = base.replace("[derived]\n", &format!("[derived]\n{many}"));
    let diags = match Advisor::parse(&text, "broken/many.toml") {
        Err(d) => d.0,
        Ok(_) => panic!("accepted"),
    };
    let max = advies_engine::advisor::MAX_ERRORS;
    assert_eq!(diags.len(), max + 1);
    assert!(diags[0].to_string().contains("unknown name `unknown_0`"));
    assert!(
        diags[max].message.contains("more problems"),
        "{}",
        diags[max]
    );
}
