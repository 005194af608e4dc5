//! The advisor command line (`src/cli.rs`, `cargo xtask advisor ...`): `check` passes for every
//! advisor and fails with the expected message for every broken definition; `new`, `json` and
//! `schema` do what they say; bad paths and bad ids give a message, never a panic.
#![cfg(feature = "toml")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use advies_engine::Advisor;
use advies_engine::cli::{
    self, EXIT_FAILED, EXIT_OK, EXIT_USAGE, JsonStyle, Outcome, TEMPLATE_CASES, TEMPLATE_DEFINITION,
};
use advies_engine::schema::{cases_schema, definition_schema};

fn engine_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn advisors_dir() -> PathBuf {
    engine_dir().join("../advisors")
}

fn schema_dir() -> PathBuf {
    engine_dir().join("../schema")
}

fn broken_dir() -> PathBuf {
    engine_dir().join("tests/broken")
}

fn run(words: &[&str]) -> Outcome {
    let args: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    cli::run(&args, &advisors_dir())
}

fn check(path: &Path) -> Outcome {
    cli::check(path)
}

/// A fresh folder under the system's temp folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "advies-cli-{label}-{}-{nanos}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The expected diagnostic of a broken definition, as `tests/broken.rs` reads it.
fn expectation(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let sibling = path.with_file_name(format!("{name}.expect"));
    if name.ends_with(".json") || sibling.is_file() {
        fs::read_to_string(sibling)
            .unwrap_or_else(|_| panic!("{name}: no {name}.expect"))
            .trim()
            .to_string()
    } else {
        let text = fs::read_to_string(path).unwrap();
        text.lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{name}: no `# expect: ` line"))
            .trim()
            .to_string()
    }
}

#[test]
fn every_advisor_folder_passes_check() {
    let mut folders: Vec<PathBuf> = fs::read_dir(advisors_dir())
        .expect("advisors/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("definition.toml").is_file())
        .collect();
    folders.sort();
    assert!(!folders.is_empty(), "no advisors found");
    let mut report = Vec::new();
    for dir in &folders {
        let out = check(dir);
        let name = dir.display().to_string();
        let summary = out.stdout.lines().last().unwrap_or("");
        if !out.success()
            || !summary.starts_with(&format!("{name}: definition valid, "))
            || !summary.ends_with(" cases passed")
        {
            report.push(format!(
                "{name} (exit {}):\n{}{}",
                out.code, out.stdout, out.stderr
            ));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn ret_check_reports_its_cases() {
    let out = run(&["check", &advisors_dir().join("ret").display().to_string()]);
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    assert_eq!(
        out.stdout.lines().count(),
        1,
        "only the summary: {}",
        out.stdout
    );
    assert!(
        out.stdout.contains("/ret: definition valid, "),
        "{}",
        out.stdout
    );
    // The same advisor through its definition file: the cases next to it run too.
    let file = check(&advisors_dir().join("ret/definition.toml"));
    assert!(file.success());
    assert!(file.stdout.contains("cases passed"), "{}", file.stdout);
}

#[test]
fn every_broken_definition_fails_check_with_its_diagnostic() {
    let mut files: Vec<PathBuf> = fs::read_dir(broken_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            !n.starts_with('_') && (n.ends_with(".toml") || n.ends_with(".json"))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus has {} files", files.len());
    let mut report = Vec::new();
    for path in &files {
        let expected = format!("{}:{}", path.display(), expectation(path));
        let out = std::panic::catch_unwind(|| check(path));
        match out {
            Err(_) => report.push(format!("{}: PANICKED", path.display())),
            Ok(out) if out.code != EXIT_FAILED || !out.stdout.lines().any(|l| l == expected) => {
                report.push(format!(
                    "{} (exit {}):\n  expected: {expected}\n  got:\n{}{}",
                    path.display(),
                    out.code,
                    out.stdout,
                    out.stderr
                ))
            }
            Ok(out) => {
                let summary = out.stdout.lines().last().unwrap_or("");
                assert!(
                    summary.ends_with("in the definition; cases not run"),
                    "{summary}"
                );
            }
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} broken definitions:\n{}",
        report.len(),
        files.len(),
        report.join("\n")
    );
}

#[test]
fn a_single_file_without_cases_passes_with_a_note() {
    let out = check(&broken_dir().join("_valid.toml"));
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    assert!(out.stdout.contains("note: no "), "{}", out.stdout);
    assert!(out.stdout.contains("cases.toml, so no cases were run"));
    assert!(
        out.stdout
            .ends_with("_valid.toml: definition valid, no cases\n")
    );
}

#[test]
fn a_folder_without_cases_fails() {
    let tmp = TempDir::new("nocases");
    fs::copy(
        broken_dir().join("_valid.toml"),
        tmp.path().join("definition.toml"),
    )
    .unwrap();
    let out = check(tmp.path());
    assert_eq!(out.code, EXIT_FAILED, "{out:?}");
    assert!(
        out.stdout
            .contains("cases.toml: missing; every advisor needs test cases")
    );
    assert!(
        out.stdout.ends_with(": definition valid; no cases file\n"),
        "{}",
        out.stdout
    );
}

/// `_valid.toml` with cases: one passes, one expects the wrong advice and a wrong figure.
fn bus_with_cases(dir: &Path, cases: &str) {
    fs::copy(
        broken_dir().join("_valid.toml"),
        dir.join("definition.toml"),
    )
    .unwrap();
    fs::write(dir.join("cases.toml"), cases).unwrap();
}

#[test]
fn a_failing_case_fails_check_and_shows_the_difference() {
    let tmp = TempDir::new("failing");
    bus_with_cases(
        tmp.path(),
        "[[case]]\nname = \"passes\"\ninputs = { trips = 0 }\nexpect.advice = \"tickets\"\n\n\
         [[case]]\nname = \"expects the pass\"\ninputs = { trips = 2 }\n\
         expect.advice = \"pass\"\nexpect.values = { ticket_cost = 99 }\n",
    );
    let out = check(tmp.path());
    assert_eq!(out.code, EXIT_FAILED, "{out:?}");
    let cases = tmp.path().join("cases.toml").display().to_string();
    let text = &out.stdout;
    assert!(
        text.contains(&format!(
            "{cases}:7:8: case[1]: case \"expects the pass\" failed\n"
        )),
        "{text}"
    );
    assert!(
        text.contains("    advice: expected `pass`, got `tickets`\n"),
        "{text}"
    );
    // 2 trips a week: 2 x 52 / 12 = 8.667 trips a month x 2.50 = 21.67
    assert!(
        text.contains("    ticket_cost: expected 99 (±0.005), got 21.6"),
        "{text}"
    );
    assert!(
        text.ends_with(": definition valid, 1 of 2 cases passed, 1 failed\n"),
        "{text}"
    );
}

#[test]
fn an_error_in_the_cases_file_fails_check() {
    let tmp = TempDir::new("badcases");
    bus_with_cases(
        tmp.path(),
        "[[case]]\nname = \"typo\"\nexpect.advice = \"pas\"\n",
    );
    let out = check(tmp.path());
    assert_eq!(out.code, EXIT_FAILED);
    let cases = tmp.path().join("cases.toml").display().to_string();
    assert!(
        out.stdout.contains(&format!(
            "{cases}:3:17: case[0].expect.advice: unknown option `pas` (did you mean `pass`?)"
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .ends_with("1 error in the cases file; cases not run\n")
    );
}

#[test]
fn bad_paths_give_a_message() {
    let tmp = TempDir::new("paths");
    // not there; a near name is suggested
    let out = check(&advisors_dir().join("rett"));
    assert_eq!(out.code, EXIT_FAILED);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .contains("rett: no such file or folder (did you mean "),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("/ret?)"), "{}", out.stderr);
    // a folder without a definition
    let out = check(tmp.path());
    assert_eq!(out.code, EXIT_FAILED);
    assert!(
        out.stderr
            .contains("no definition.toml (or definition.json) in this folder")
    );
    // a cases file instead of the definition
    let out = check(&advisors_dir().join("ret/cases.toml"));
    assert_eq!(out.code, EXIT_FAILED);
    assert!(
        out.stderr
            .contains("is a cases file; give the advisor folder"),
        "{}",
        out.stderr
    );
    // not text
    let binary = tmp.path().join("definition.toml");
    fs::write(&binary, [0x41, 0x0a, 0x42, 0xff, 0xfe, 0x00, 0x41]).unwrap();
    let out = check(&binary);
    assert_eq!(out.code, EXIT_FAILED);
    assert!(
        out.stdout.contains(&format!(
            "{}:2:2: the file is not UTF-8 text: byte 0xFF (`ÿ` in Latin-1) cannot be read (save it as UTF-8",
            binary.display()
        )),
        "{out:?}"
    );
    // an empty path, and the same through `json`
    assert_eq!(run(&["check", ""]).code, EXIT_USAGE);
    let out = run(&["json", &tmp.path().join("nope").display().to_string()]);
    assert_eq!(out.code, EXIT_FAILED);
    assert!(out.stderr.contains("nope: no such file or folder"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_json_definition_is_checked_with_its_cases() {
    let tmp = TempDir::new("jsondef");
    let text = fs::read_to_string(advisors_dir().join("ret/definition.toml")).unwrap();
    let json = cli::definition_json(&text, "ret/definition.toml", JsonStyle::Pretty).unwrap();
    let folder = tmp.path().join("ret");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("definition.json"), json).unwrap();
    fs::copy(
        advisors_dir().join("ret/cases.toml"),
        folder.join("cases.toml"),
    )
    .unwrap();
    let from_toml = check(&advisors_dir().join("ret"));
    let out = check(&folder);
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    let count = |o: &Outcome| o.stdout.split(": ").last().unwrap().to_string();
    assert_eq!(count(&out), count(&from_toml), "the same cases pass");
    let out = check(&folder.join("definition.json"));
    assert_eq!(out.code, EXIT_OK, "{out:?}");
}

#[test]
fn new_creates_an_advisor_that_passes_check() {
    let tmp = TempDir::new("new");
    // Under a folder called `advisors`, as in the repository: then the folder name must be the
    // id, and the note about the minimum number of cases applies.
    let advisors = tmp.path().join("advisors");
    fs::create_dir(&advisors).unwrap();
    let out = cli::new_advisor(&advisors, "zwembad-noord", &schema_dir());
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    let dir = advisors.join("zwembad-noord");
    let definition = fs::read_to_string(dir.join("definition.toml")).unwrap();
    assert!(definition.contains("\nid = \"zwembad-noord\"\n"));
    // The template's cases; the `#:schema` line leads to this repository's schema (see
    // `new_points_the_schema_lines_at_the_repository_from_anywhere`).
    let cases = fs::read_to_string(dir.join("cases.toml")).unwrap();
    assert_eq!(
        cases.split_once('\n').unwrap().1,
        TEMPLATE_CASES.split_once('\n').unwrap().1
    );
    assert!(
        out.stdout.starts_with(&format!(
            "created {}",
            dir.join("definition.toml").display()
        )),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("next: edit "), "{}", out.stdout);
    let checked = check(&dir);
    assert_eq!(checked.code, EXIT_OK, "{checked:?}");
    assert!(
        checked
            .stdout
            .ends_with("zwembad-noord: definition valid, 12 cases passed\n"),
        "{}",
        checked.stdout
    );
    assert!(
        !checked.stdout.contains("note:"),
        "no notes: {}",
        checked.stdout
    );

    // An existing folder is refused and left alone.
    fs::write(dir.join("cases.toml"), "# mine\n").unwrap();
    let again = cli::new_advisor(&advisors, "zwembad-noord", &schema_dir());
    assert_eq!(again.code, EXIT_FAILED);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        fs::read_to_string(dir.join("cases.toml")).unwrap(),
        "# mine\n"
    );
    // ... also when it is a file.
    fs::write(advisors.join("taken"), "").unwrap();
    assert_eq!(
        cli::new_advisor(&advisors, "taken", &schema_dir()).code,
        EXIT_FAILED
    );

    // Bad ids are refused before anything is written.
    for bad in [
        "Zwembad", "zwem bad", "../evil", "a/b", "_x", "", "zwëmbad", "x.y",
    ] {
        let out = cli::new_advisor(&advisors, bad, &schema_dir());
        assert_eq!(out.code, EXIT_FAILED, "`{bad}`: {out:?}");
        let expected = match bad {
            "zwëmbad" => {
                "is not a valid id: `ë` (U+00EB, a Latin letter with an accent) is not an ASCII letter (write `zwembad`)"
            }
            _ => "is not a valid id (use lowercase letters",
        };
        assert!(out.stderr.contains(expected), "`{bad}`: {}", out.stderr);
    }
    let mut left: Vec<String> = fs::read_dir(&advisors)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    left.sort();
    assert_eq!(left, ["taken", "zwembad-noord"]);
    assert!(!tmp.path().join("evil").exists());

    // A folder to create in that is not there.
    let out = cli::new_advisor(&tmp.path().join("nope"), "zwembad", &schema_dir());
    assert_eq!(out.code, EXIT_FAILED);
    assert!(
        out.stderr.contains("nope: no such folder"),
        "{}",
        out.stderr
    );

    // Through the command line, with --dir.
    let out = run(&[
        "new",
        "zwembad-zuid",
        "--dir",
        &advisors.display().to_string(),
    ]);
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    assert!(advisors.join("zwembad-zuid/definition.toml").is_file());
}

#[test]
fn check_insists_that_an_advisor_folder_is_named_after_its_id() {
    let tmp = TempDir::new("rename");
    let advisors = tmp.path().join("advisors");
    fs::create_dir(&advisors).unwrap();
    assert!(cli::new_advisor(&advisors, "zwembad", &schema_dir()).success());
    fs::rename(advisors.join("zwembad"), advisors.join("sportpark")).unwrap();
    let out = check(&advisors.join("sportpark"));
    assert_eq!(out.code, EXIT_FAILED, "{out:?}");
    assert!(
        out.stdout.contains(
            "definition.toml:35:6: id: the id `zwembad` must equal the folder name `sportpark`"
        ),
        "{}",
        out.stdout
    );
    // Outside an `advisors` folder the name is free (e.g. a host's own definition).
    let elsewhere = tmp.path().join("mine");
    fs::rename(advisors.join("sportpark"), &elsewhere).unwrap();
    assert!(check(&elsewhere).success());
}

#[test]
fn the_template_is_small_complete_and_valid_as_it_is() {
    let advisor = Advisor::parse(TEMPLATE_DEFINITION, "templates/definition.toml")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(advisor.def.id, cli::TEMPLATE_ID);
    assert_eq!(advisor.inputs.len(), 2);
    assert!((2..=3).contains(&advisor.options.len()));
    assert_eq!(advisor.factors.len(), 2);
    assert!(advisor.has_illustrative(), "one figure is illustrative");
    assert!(
        advisor
            .params
            .iter()
            .any(|p| p.status == advies_engine::model::Status::Verified)
    );
    let results = advies_engine::cases::run_cases(&advisor, TEMPLATE_CASES, "templates/cases.toml")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(results.len() >= cli::MIN_CASES);
    for r in &results {
        assert!(r.passed(), "{}: {:?}", r.name, r.failures);
    }
    let cases: advies_engine::cases::CasesFile = toml::from_str(TEMPLATE_CASES).unwrap();
    assert!(
        cases.cases.iter().all(|c| !c.derivation.trim().is_empty()),
        "every case says how it was worked out"
    );
    // Every section of the template explains itself in both languages.
    for (nl, en) in [
        ("VRAGEN", "QUESTIONS"),
        ("BEDRAGEN", "FIGURES"),
        ("BEREKENINGEN", "DERIVED VALUES"),
        ("FACTOREN", "FACTORS"),
        ("KEUZES", "OPTIONS"),
    ] {
        assert!(
            TEMPLATE_DEFINITION.contains(&format!("# {nl} / {en}")),
            "{nl}"
        );
    }
}

#[test]
fn schema_prints_the_json_schema() {
    let out = run(&["schema"]);
    assert_eq!(out.code, EXIT_OK);
    let printed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let expected: serde_json::Value = serde_json::from_str(&definition_schema()).unwrap();
    assert_eq!(printed, expected);
    assert_eq!(out.stdout, definition_schema());
    assert_eq!(run(&["schema", "definition"]).stdout, out.stdout);
    let cases = run(&["schema", "cases"]);
    assert_eq!(cases.code, EXIT_OK);
    assert_eq!(cases.stdout, cases_schema());
    serde_json::from_str::<serde_json::Value>(&cases.stdout).unwrap();
}

#[test]
fn json_reads_back_to_the_same_definition() {
    let ret = advisors_dir().join("ret");
    let toml_text = fs::read_to_string(ret.join("definition.toml")).unwrap();
    let original = Advisor::parse(&toml_text, "definition.toml").unwrap();
    let out = run(&["json", &ret.display().to_string()]);
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    assert_eq!(out.stdout.lines().count(), 1, "compact: one line");
    let again = Advisor::parse(&out.stdout, "definition.json").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        serde_json::to_value(&original.def).unwrap(),
        serde_json::to_value(&again.def).unwrap()
    );
    let sc = original.default_scenario();
    assert_eq!(
        original.evaluate(&sc).unwrap(),
        again.evaluate(&sc).unwrap()
    );

    // --pretty and --out
    let tmp = TempDir::new("json");
    let file = tmp.path().join("ret.json");
    let out = run(&[
        "json",
        &ret.join("definition.toml").display().to_string(),
        "--pretty",
        "--out",
        &file.display().to_string(),
    ]);
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    assert!(out.stdout.is_empty());
    assert!(out.stderr.starts_with("wrote "), "{}", out.stderr);
    let written = fs::read_to_string(&file).unwrap();
    assert!(written.lines().count() > 100, "pretty: many lines");
    let from_file = Advisor::parse(&written, "ret.json").unwrap();
    assert_eq!(
        serde_json::to_value(&original.def).unwrap(),
        serde_json::to_value(&from_file.def).unwrap()
    );
    // What the build does (build.rs): the same compact JSON.
    assert_eq!(
        cli::definition_json(&toml_text, "definition.toml", JsonStyle::Compact).unwrap() + "\n",
        run(&["json", &ret.display().to_string()]).stdout
    );
    // A JSON definition converts to itself.
    let out = run(&["json", &file.display().to_string()]);
    assert_eq!(out.code, EXIT_OK);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out.stdout).unwrap(),
        serde_json::from_str::<serde_json::Value>(&written).unwrap()
    );
}

#[test]
fn json_refuses_a_broken_definition() {
    let broken = broken_dir().join("min_greater_than_max.toml");
    let tmp = TempDir::new("jsonbroken");
    let file = tmp.path().join("out.json");
    let out = run(&[
        "json",
        &broken.display().to_string(),
        "--out",
        &file.display().to_string(),
    ]);
    assert_eq!(out.code, EXIT_FAILED);
    assert!(out.stdout.is_empty());
    let expected = format!("{}:{}", broken.display(), expectation(&broken));
    assert!(out.stderr.lines().any(|l| l == expected), "{}", out.stderr);
    assert!(out.stderr.contains("not converted; fix the problems above"));
    assert!(!file.exists(), "nothing written");
}

/// The binary passes the exit status on: what CI sees.
#[test]
fn the_binary_exits_with_the_outcome() {
    let bin = env!("CARGO_BIN_EXE_advisor");
    let output = Command::new(bin)
        .arg("check")
        .arg(advisors_dir().join("ret"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("cases passed"));
    let output = Command::new(bin)
        .arg("check")
        .arg(broken_dir().join("cycle.toml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let output = Command::new(bin).arg("frobnicate").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown command `frobnicate`"));
}

/// The widget demo page `embed/demo/eigen-definitie.html` loads `embed/demo/zwembad.json`: the
/// template as JSON. When the template changes, regenerate it with
/// `cargo xtask advisor json engine/templates/definition.toml --out embed/demo/zwembad.json`.
#[test]
fn the_widget_demo_json_is_the_template() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let template = std::fs::read_to_string(root.join("engine/templates/definition.toml")).unwrap();
    let demo = std::fs::read_to_string(root.join("embed/demo/zwembad.json")).unwrap();
    let expected = cli::definition_json(&template, "definition.toml", cli::JsonStyle::Compact)
        .expect("the template converts");
    assert_eq!(
        demo.trim_end(),
        expected,
        "embed/demo/zwembad.json is out of date: cargo xtask advisor json engine/templates/definition.toml --out embed/demo/zwembad.json"
    );
}

/// A warned-but-valid definition (`tests/warned/`) passes `check` (exit 0) with its warning,
/// `warning: ` in front, counted in the summary.
#[test]
fn warnings_are_shown_and_counted_but_do_not_fail_check() {
    let dir = engine_dir().join("tests/warned");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 2);
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        let warn = text
            .lines()
            .next()
            .unwrap()
            .strip_prefix("# warn: ")
            .unwrap();
        let out = check(path);
        assert_eq!(out.code, EXIT_OK, "{out:?}");
        let expected = format!("warning: {}:{warn}", path.display());
        assert!(out.stdout.lines().any(|l| l == expected), "{}", out.stdout);
        assert!(
            out.stdout
                .ends_with(": definition valid, 1 warning, no cases\n"),
            "{}",
            out.stdout
        );
    }
    // With cases: the count sits between "valid" and the cases.
    let tmp = TempDir::new("warned");
    fs::copy(&files[0], tmp.path().join("definition.toml")).unwrap();
    fs::write(
        tmp.path().join("cases.toml"),
        "[[case]]\nname = \"a\"\nexpect.advice = \"tickets\"\n",
    )
    .unwrap();
    let out = check(tmp.path());
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    assert!(
        out.stdout
            .ends_with(": definition valid, 1 warning, 1 case passed\n"),
        "{}",
        out.stdout
    );
}

/// `new --dir` outside `advisors/` writes `#:schema` lines that lead from the new folder to
/// this repository's schemas (the template's `../../schema/...` only fits `advisors/<id>/`).
#[test]
fn new_points_the_schema_lines_at_the_repository_from_anywhere() {
    let tmp = TempDir::new("schema");
    let deep = tmp.path().join("a/b");
    fs::create_dir_all(&deep).unwrap();
    let out = run(&["new", "zwembad", "--dir", &deep.display().to_string()]);
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    for (file, schema) in [
        ("definition.toml", "definition.schema.json"),
        ("cases.toml", "cases.schema.json"),
    ] {
        let dir = deep.join("zwembad");
        let text = fs::read_to_string(dir.join(file)).unwrap();
        let first = text.lines().next().unwrap();
        let relative = first
            .strip_prefix("#:schema ")
            .unwrap_or_else(|| panic!("{first}"));
        assert!(!relative.starts_with('/'), "relative: {relative}");
        assert_eq!(
            fs::canonicalize(dir.join(relative)).unwrap(),
            fs::canonicalize(schema_dir().join(schema)).unwrap(),
            "{file}: {first}"
        );
        // The rest of the file is the template's.
        let template = if file == "cases.toml" {
            TEMPLATE_CASES.to_string()
        } else {
            cli::template_definition("zwembad")
        };
        assert_eq!(
            text.split_once('\n').unwrap().1,
            template.split_once('\n').unwrap().1
        );
    }
    // In the repository's own layout the template's line is already right.
    let advisors = tmp.path().join("repo/advisors");
    fs::create_dir_all(&advisors).unwrap();
    fs::create_dir_all(tmp.path().join("repo/schema")).unwrap();
    fs::copy(
        schema_dir().join("definition.schema.json"),
        tmp.path().join("repo/schema/definition.schema.json"),
    )
    .unwrap();
    let out = cli::new_advisor(&advisors, "zwembad", &tmp.path().join("repo/schema"));
    assert_eq!(out.code, EXIT_OK, "{out:?}");
    let text = fs::read_to_string(advisors.join("zwembad/definition.toml")).unwrap();
    assert!(text.starts_with("#:schema ../../schema/definition.schema.json\n"));
}
