//! What fuzzing found, kept: every file under `fuzz/regressions/<target>/` runs through the
//! same code as that fuzz target (`fuzz/src/lib.rs`, included here), natively and without
//! libFuzzer. None may panic, and each must say what happened (for a definition: valid, or
//! its first diagnostic). The seed corpora (the advisors, the template, the broken
//! definitions, their expressions and the engine's own links) run through the targets too.
//!
//! With `ADVIES_FUZZ_SEEDS=<dir>`, the seeds are also written to `<dir>/<target>/` and the
//! dictionaries to `<dir>/<target>.dict`: `cargo xtask fuzz` makes its seed corpora this way.

#[allow(dead_code)] // Some of it only the fuzz binaries use.
#[path = "../../fuzz/src/lib.rs"]
mod fuzz;

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

/// Longer than this for one input (in a debug build) counts as a hang.
const HANG: Duration = Duration::from_secs(60);

/// Runs each (target, name, data); returns what went wrong, one line each.
fn run_all<'a>(inputs: impl IntoIterator<Item = (&'a str, String, &'a [u8])>) -> Vec<String> {
    let mut failures = Vec::new();
    for (target, name, data) in inputs {
        let start = Instant::now();
        match catch_unwind(AssertUnwindSafe(|| fuzz::run(target, data))) {
            Ok(Some(said)) if said.trim().is_empty() => {
                failures.push(format!("{target}/{name}: says nothing"))
            }
            Ok(Some(said)) => println!("{target}/{name}: {said}"),
            Ok(None) => failures.push(format!("{target}/{name}: no such target")),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "(no message)".into());
                failures.push(format!("{target}/{name}: panicked: {message}"));
            }
        }
        if start.elapsed() > HANG {
            failures.push(format!("{target}/{name}: took {:?}", start.elapsed()));
        }
    }
    failures
}

#[test]
fn every_saved_finding_is_handled() {
    let dir = fuzz::repo_root().join("fuzz/regressions");
    let mut files = Vec::new();
    for target in fuzz::TARGETS {
        let Ok(entries) = fs::read_dir(dir.join(target)) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()).filter(|p| p.is_file()) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if name.starts_with('.') || name.ends_with(".md") {
                continue;
            }
            let data = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            files.push((target, name.to_string(), data));
        }
    }
    files.sort();
    let failures = run_all(files.iter().map(|(t, n, d)| (*t, n.clone(), d.as_slice())));
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    println!("{} saved findings handled", files.len());
}

#[test]
fn every_seed_passes_and_is_written_when_asked() {
    let seeds = fuzz::seeds();
    for target in fuzz::TARGETS {
        let n = seeds.iter().filter(|s| s.target == target).count();
        assert!(n >= 10, "only {n} seeds for {target}");
        assert!(fuzz::dictionary(target).is_some_and(|d| !d.is_empty()));
    }
    let failures = run_all(
        seeds
            .iter()
            .map(|s| (s.target, s.name.clone(), &s.data[..])),
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    if let Some(out) = std::env::var_os("ADVIES_FUZZ_SEEDS") {
        write_seeds(Path::new(&out), &seeds);
    }
}

/// Replaces `<out>/<target>/` with the seeds, and writes `<out>/<target>.dict`.
fn write_seeds(out: &Path, seeds: &[fuzz::Seed]) {
    for target in fuzz::TARGETS {
        let dir = out.join(target);
        if dir.exists() {
            fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for seed in seeds.iter().filter(|s| s.target == target) {
            let path = dir.join(&seed.name);
            fs::write(&path, &seed.data).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let dict = out.join(format!("{target}.dict"));
        let words = fuzz::dictionary(target).unwrap_or_default();
        fs::write(&dict, words).unwrap_or_else(|e| panic!("{}: {e}", dict.display()));
    }
}
