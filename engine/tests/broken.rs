//! The corpus of broken definitions in `tests/broken/`: each one must be rejected (never with a
//! panic) with exactly the diagnostic it expects.
//!
//! Every file is the valid base `_valid.toml` with one thing broken. A TOML file starts with
//! `# expect: <diagnostic>`; a JSON file (JSON has no comments), and a file that is not UTF-8,
//! has its expectation in a sibling file `NAME.expect` (e.g. `NAME.json.expect`). The expectation is the `Display` of one diagnostic without the
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
        // A file that is not UTF-8 (latin1.toml) cannot be handed to the engine as text: the
        // command line reads it (tests/cli.rs).
        .filter_map(|n| {
            let bytes =
                fs::read(broken_dir().join(&n)).unwrap_or_else(|e| panic!("{n}: cannot read: {e}"));
            String::from_utf8(bytes).ok().map(|text| (n, text))
        })
        .collect();
    files.sort();
    files
}

fn expectation(name: &str, text: &str) -> String {
    let sibling = broken_dir().join(format!("{name}.expect"));
    if name.ends_with(".json") || sibling.is_file() {
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

fn warned_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/warned")
}

/// The definitions in `tests/warned/`: valid, each with exactly the warning on its first line
/// (`# warn: <diagnostic>`, without the `warned/NAME:` prefix), and nothing else.
fn warned() -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = fs::read_dir(warned_dir())
        .expect("tests/warned/ exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let text = fs::read_to_string(&p).unwrap();
            let warn = text
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("# warn: "))
                .unwrap_or_else(|| panic!("{name}: the first line must be `# warn: <diagnostic>`"))
                .trim()
                .to_string();
            (name, text, warn)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_warned_definition_is_valid_with_its_warning() {
    let all = warned();
    assert!(all.len() >= 2, "{} warned definitions", all.len());
    for (name, text, expected) in &all {
        let file = format!("warned/{name}");
        let advisor = Advisor::parse(text, &file).unwrap_or_else(|d| panic!("{name}:\n{d}"));
        let shown: Vec<String> = advisor
            .warnings
            .iter()
            .map(|w| w.to_string().replacen(&format!("{file}:"), "", 1))
            .collect();
        assert_eq!(shown, std::slice::from_ref(expected), "{name}");
    }
    // The base has none; a `short` on one of two questions with the same unit is enough.
    let base = fs::read_to_string(broken_dir().join("_valid.toml")).unwrap();
    assert!(Advisor::parse(&base, "b.toml").unwrap().warnings.is_empty());
    let (_, shared, _) = &all.iter().find(|w| w.0 == "shared_unit.toml").unwrap();
    let one_short = shared.replacen(
        "min = 0\nmax = 10",
        "short = { nl = \"ritten in het weekend\", en = \"weekend trips\" }\nmin = 0\nmax = 10",
        1,
    );
    assert_ne!(&one_short, shared);
    assert!(
        Advisor::parse(&one_short, "s.toml")
            .unwrap()
            .warnings
            .is_empty()
    );
}

/// An empty file, or one with only its id, gets every missing field at once (not one a run),
/// each under its own name (not `id.version`).
#[test]
fn every_missing_field_is_reported_at_once() {
    let fields = |text: &str, file: &str| -> Vec<String> {
        let d = Advisor::parse(text, file).expect_err("incomplete");
        d.0.iter().map(|d| d.field.clone()).collect()
    };
    let all = ["id", "version", "valid_from", "owner", "title"];
    assert_eq!(fields("", "e.toml"), all);
    assert_eq!(fields("{}", "e.json"), all);
    assert_eq!(fields("id = \"bus\"\n", "i.toml"), all[1..]);
    assert_eq!(fields("{\"id\": \"bus\"}", "i.json"), all[1..]);
    let base = fs::read_to_string(broken_dir().join("_valid.toml")).unwrap();
    let no_kind_no_label = base.replacen(
        "kind = \"integer\"\nlabel = { nl = \"Ritten per week\", en = \"Trips per week\" }\n",
        "",
        1,
    );
    assert_eq!(
        fields(&no_kind_no_label, "k.toml"),
        ["inputs.trips.kind", "inputs.trips.label"]
    );
}

/// The fields `required_fields` in advisor.rs names for each table are the schema's.
#[test]
fn the_required_fields_are_the_schemas() {
    let schema: serde_json::Value =
        serde_json::from_str(&advies_engine::schema::definition_schema()).unwrap();
    let required = |name: Option<&str>| -> Vec<String> {
        let node = match name {
            None => &schema,
            Some(n) => &schema["$defs"][n],
        };
        let list = node["required"].as_array().cloned().unwrap_or_default();
        list.iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    // What an empty table of each kind reports (with the whole file otherwise valid).
    let base = fs::read_to_string(broken_dir().join("_valid.toml")).unwrap();
    for (table, def) in [
        ("inputs.new", "InputDef"),
        ("parameters.new", "ParameterDef"),
        ("derived.new", "DerivedDef"),
        ("factors.new", "FactorDef"),
        ("presets.new", "PresetDef"),
        ("events.new", "EventDef"),
        ("reflection.new", "ReflectionDef"),
        ("options.new", "OptionDef"),
    ] {
        let text = format!("{base}\n[{table}]\n");
        let d = Advisor::parse(&text, "r.toml").expect_err(table);
        let got: Vec<String> =
            d.0.iter()
                .map(|d| d.field.replacen(&format!("{table}."), "", 1))
                .collect();
        let mut want = required(Some(def));
        want.sort();
        let mut got_sorted = got.clone();
        got_sorted.sort();
        assert_eq!(got_sorted, want, "[{table}]: {d}");
    }
    for (list, def) in [("sources", "Source"), ("contacts", "ContactDef")] {
        let text = format!("{base}\n[[{list}]]\n");
        let d = Advisor::parse(&text, "r.toml").expect_err(list);
        let n = if list == "sources" { 1 } else { 0 };
        let mut got: Vec<String> =
            d.0.iter()
                .map(|d| d.field.replacen(&format!("{list}[{n}]."), "", 1))
                .collect();
        got.sort();
        let mut want = required(Some(def));
        want.sort();
        assert_eq!(got, want, "[[{list}]]: {d}");
    }
    let mut root = required(None);
    root.sort();
    let mut got: Vec<String> = Advisor::parse("", "e.toml")
        .unwrap_err()
        .0
        .iter()
        .map(|d| d.field.clone())
        .collect();
    got.sort();
    assert_eq!(got, root);
}

/// Over the size limit, the message names the part that makes it so large, at its key (the
/// corpus files stay small, so these are made here).
#[test]
fn a_definition_over_the_size_limit_names_its_largest_part() {
    let base = fs::read_to_string(broken_dir().join("_valid.toml")).unwrap();
    let long = vec!["trips"; 250_000].join(" + ");
    let text = base.replace("[derived]\n", &format!("[derived]\nhuge = \"{long}\"\n"));
    let d = Advisor::parse(&text, "big.toml").unwrap_err();
    assert_eq!(
        d.to_string(),
        "big.toml:51:1: derived.huge: the definition is 2002 KB; the limit is 1000 KB; `derived.huge` alone is 2000 KB (split it up or remove unused parts)"
    );
    // The same as JSON, through the conversion of a smaller copy.
    let small = base.replace("[derived]\n", "[derived]\nhuge = \"trips\"\n");
    let json = advies_engine::cli::definition_json(
        &small,
        "s.toml",
        advies_engine::cli::JsonStyle::Compact,
    )
    .unwrap();
    let json = json.replacen("\"expr\":\"trips\"", &format!("\"expr\":\"{long}\""), 1);
    let d = Advisor::parse(&json, "big.json").unwrap_err();
    let shown = d.to_string();
    assert!(
        shown.starts_with("big.json:1:1649: derived.huge.expr: the definition is 2002 KB; the limit is 1000 KB; `derived.huge.expr` alone is 2000 KB"),
        "{shown}"
    );
    // Where no part holds half of it (a long comment), the message stays at 1:1.
    let comment = format!("{base}\n# {}\n", "x".repeat(1_100_000));
    let d = Advisor::parse(&comment, "c.toml").unwrap_err();
    assert!(
        d.to_string().starts_with("c.toml:1:1: the definition is 1"),
        "{d}"
    );
}
