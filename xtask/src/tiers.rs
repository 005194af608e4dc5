//! `serve`, `build`, `bench` and the test tiers of `cargo xtask test`.

use crate::exec::{Result, cmd, run, stdout_of};
use crate::setup::E2E_DIR;
use crate::size;
use std::path::Path;
use std::time::{Duration, Instant};

const ADDRESS: &str = "127.0.0.1";
const PORT: &str = "8080";
pub use crate::pipeline::DIST;

/// Builds the site, the playground and the widget into dist/ (a debug build unless
/// `release`), then serves dist/ (see [`crate::serve`]). Rebuild with the same command.
pub fn serve(release: bool) -> Result {
    crate::pipeline::build(release)?;
    crate::serve::serve(Path::new(DIST), &format!("{ADDRESS}:{PORT}"))
}

/// The release build into dist/ ([`crate::pipeline`]).
pub fn release_build() -> Result {
    crate::pipeline::build(true)
}

/// Only the [[bench]] targets (`--bench '*'`), not the library's unit tests again.
const ENGINE_BENCHES: [&str; 5] = ["bench", "-p", "advies-engine", "--bench", "*"];

pub fn bench() -> Result {
    run(&mut cmd("cargo", &ENGINE_BENCHES))?;
    release_build()?;
    size::report()?;
    browser_bench()
}

/// The browser benchmark (tests/e2e/bench.mjs): interaction latency and the engine's analysis
/// inside Chromium, on the release build in dist/.
fn browser_bench() -> Result {
    let dist = std::env::current_dir()
        .map_err(|err| format!("no current directory: {err}"))?
        .join(DIST);
    // The generated advisor (20 inputs, 100 options, 20 factors) is passed in by the
    // benchmark, so it is not built into the wasm that citizens download.
    let generated = std::path::PathBuf::from("target/generated-20-100-20.json");
    let json = stdout_of(&mut cmd(
        "cargo",
        &[
            "run",
            "-q",
            "-p",
            "advies-engine",
            "--example",
            "generated_json",
            "--",
            "20",
            "100",
            "20",
        ],
    ))?;
    std::fs::write(&generated, json).map_err(|err| format!("{}: {err}", generated.display()))?;
    let mut node = cmd("node", &["bench.mjs"]);
    node.current_dir(E2E_DIR).env("DIST_DIR", &dist).env(
        "BENCH_DEFINITION",
        std::env::current_dir().unwrap_or_default().join(&generated),
    );
    run(&mut node)
}

/// One tier of `cargo xtask test`.
struct Tier {
    name: &'static str,
    what: &'static str,
    step: fn() -> Result<Outcome>,
}

enum Outcome {
    Passed,
    Skipped(&'static str),
}

const TIERS: [Tier; 10] = [
    Tier {
        name: "fmt",
        what: "formatting (cargo fmt --check)",
        step: fmt,
    },
    Tier {
        name: "clippy",
        what: "lints, warnings are errors",
        step: clippy,
    },
    Tier {
        name: "shape",
        what: "no file over 1,000 lines before its tests, no function over 200 lines",
        step: shape,
    },
    Tier {
        name: "licences",
        what: "every dependency's licence allowed with our EUPL-1.2 (cargo deny, deny.toml)",
        step: licences,
    },
    Tier {
        name: "test",
        what: "native tests: engine, advisor cases, a third language from a test catalogue",
        step: native_tests,
    },
    Tier {
        name: "fuzz",
        what: "each fuzz target for a short time (ADVIES_FUZZ_SECONDS, default 30 s)",
        step: fuzz,
    },
    Tier {
        name: "bench",
        what: "each engine benchmark once, untimed",
        step: bench_once,
    },
    Tier {
        name: "build",
        what: "release build into dist/ (cargo, wasm-split, wasm-bindgen, wasm-opt, prerender)",
        step: build,
    },
    Tier {
        name: "size",
        what: "bundle size report",
        step: size_report,
    },
    Tier {
        name: "e2e",
        what: "browser tests on dist/ in Chromium",
        step: e2e,
    },
];

/// Runs every tier in order and stops at the first failure.
pub fn test_all() -> Result {
    let mut results: Vec<(&Tier, Duration, std::result::Result<Outcome, String>)> = Vec::new();
    for tier in &TIERS {
        eprintln!("\n━━ tier {}: {} ━━", tier.name, tier.what);
        let start = Instant::now();
        let outcome = (tier.step)().map_err(|err| err.to_string());
        let failed = outcome.is_err();
        results.push((tier, start.elapsed(), outcome));
        if failed {
            break;
        }
    }
    print_summary(&results)
}

fn print_summary(results: &[(&Tier, Duration, std::result::Result<Outcome, String>)]) -> Result {
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    println!("\n━━ summary ━━");
    for (tier, duration, outcome) in results {
        let seconds = duration.as_secs_f64();
        match outcome {
            Ok(Outcome::Passed) => {
                passed += 1;
                println!("✓ {:<7} {seconds:>7.1}s  {}", tier.name, tier.what);
            }
            Ok(Outcome::Skipped(why)) => {
                skipped += 1;
                println!("- {:<7} {seconds:>7.1}s  skipped: {why}", tier.name);
            }
            Err(err) => {
                failed += 1;
                println!("✗ {:<7} {seconds:>7.1}s  FAILED: {err}", tier.name);
            }
        }
    }
    for tier in TIERS.iter().skip(results.len()) {
        println!("· {:<7}           not run", tier.name);
    }
    println!("tiers: {passed} passed, {failed} failed, {skipped} skipped");
    match results.iter().find(|(_, _, outcome)| outcome.is_err()) {
        Some((tier, _, _)) => Err(format!("tier `{}` failed", tier.name).into()),
        None => Ok(()),
    }
}

fn fmt() -> Result<Outcome> {
    run(&mut cmd("cargo", &["fmt", "--all", "--", "--check"]))?;
    Ok(Outcome::Passed)
}

fn clippy() -> Result<Outcome> {
    run(&mut cmd(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            // Also the playground (components and app feature `playground`).
            "--all-features",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    // The engine as the web app builds it: without the TOML reader.
    run(&mut cmd(
        "cargo",
        &[
            "clippy",
            "--package",
            "advies-engine",
            "--no-default-features",
            "--lib",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    Ok(Outcome::Passed)
}

/// Seed for the property tests in this tier, so that a run of CI does not pass or fail by
/// chance. Plain `cargo test` draws a new seed each time and explores new cases; a case that
/// fails is saved in the test's `.proptest-regressions` file and runs first from then on.
const PROPTEST_SEED: &str = "20261127";

fn native_tests() -> Result<Outcome> {
    // `--all-features`: also the playground's tests (feature `playground`).
    let mut test = cmd("cargo", &["test", "--workspace", "--all-features"]);
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        test.env("PROPTEST_RNG_SEED", PROPTEST_SEED);
    }
    run(&mut test)?;
    crate::third_language::check()?;
    Ok(Outcome::Passed)
}

/// `cargo deny check licenses`, offline: it reads the licences from Cargo's metadata and
/// needs no advisory database.
fn licences() -> Result<Outcome> {
    crate::setup::cargo_deny()?;
    run(&mut cmd(
        "cargo",
        &["deny", "--offline", "check", "licenses"],
    ))?;
    Ok(Outcome::Passed)
}

fn shape() -> Result<Outcome> {
    crate::shape::check()?;
    Ok(Outcome::Passed)
}

fn fuzz() -> Result<Outcome> {
    if crate::fuzz::tier()? {
        Ok(Outcome::Passed)
    } else {
        Ok(Outcome::Skipped("ADVIES_FUZZ_SECONDS=0"))
    }
}

fn bench_once() -> Result<Outcome> {
    if !Path::new("engine/benches").is_dir() {
        return Ok(Outcome::Skipped("engine/benches does not exist"));
    }
    let mut once = cmd("cargo", &ENGINE_BENCHES);
    once.args(["--", "--test"]);
    run(&mut once)?;
    Ok(Outcome::Passed)
}

fn build() -> Result<Outcome> {
    release_build()?;
    Ok(Outcome::Passed)
}

fn size_report() -> Result<Outcome> {
    size::report()?;
    Ok(Outcome::Passed)
}

/// `node --test` on every tests/e2e/*.test.mjs, one file at a time.
fn e2e() -> Result<Outcome> {
    let dist = std::env::current_dir()
        .map_err(|err| format!("no current directory: {err}"))?
        .join(DIST);
    let mut files: Vec<String> = std::fs::read_dir(E2E_DIR)
        .map_err(|err| format!("cannot list {E2E_DIR}: {err}"))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.test.mjs files in {E2E_DIR}").into());
    }
    let mut node = cmd(
        "node",
        &["--test", "--test-reporter=spec", "--test-concurrency=1"],
    );
    node.args(&files)
        .current_dir(E2E_DIR)
        .env("DIST_DIR", &dist);
    run(&mut node)?;
    Ok(Outcome::Passed)
}
