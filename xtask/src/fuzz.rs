//! `cargo xtask fuzz [<target>|all [seconds]]` and the `fuzz` tier of `cargo xtask test`:
//! coverage-guided fuzzing of the engine with cargo-fuzz (libFuzzer). The targets live in
//! fuzz/ (their logic in fuzz/src/lib.rs); see there for what each one checks.
//!
//! - Seeds are made from the repository each time (advisors, template, broken definitions,
//!   their expressions, links the engine writes) by `engine/tests/fuzz_regressions.rs`, into
//!   target/fuzz/seeds/; the corpus that grows is fuzz/corpus/<target>/ and what crashes goes
//!   to fuzz/artifacts/<target>/ (both git-ignored). A finding, minimised, becomes a file in
//!   fuzz/regressions/<target>/, which that test runs natively from then on.
//! - Toolchain: `+nightly` when rustup has one, else the default toolchain with
//!   RUSTC_BOOTSTRAP=1 (`ADVIES_FUZZ_TOOLCHAIN=stable|nightly` chooses).
//! - No sanitizer by default: the engine is safe Rust, and what fuzzing looks for here (a
//!   panic, an overflow: built with debug assertions, a hang, running out of memory) needs
//!   none; AddressSanitizer made it four times slower. `ADVIES_FUZZ_SANITIZER=address` turns
//!   it on (when the toolchain has its runtime).
//! - Builds go to target/fuzz (not the main target dir).

use crate::exec::{Result, cmd, command_line, probe, run};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Where cargo-fuzz builds (relative to the repository root, where xtask runs).
const TARGET_DIR: &str = "target/fuzz";
/// The seed corpora and dictionaries, made at each run.
const SEEDS: &str = "target/fuzz/seeds";
/// libFuzzer's output of each run.
const LOGS: &str = "target/fuzz/logs";
/// Seconds per target in the `fuzz` tier, unless ADVIES_FUZZ_SECONDS says otherwise.
const TIER_SECONDS: u64 = 30;
/// Seconds per target for `cargo xtask fuzz <target>` without seconds.
const DEFAULT_SECONDS: u64 = 60;
/// One input that runs longer than this is a hang (a release build takes milliseconds).
const TIMEOUT_SECONDS: u64 = 10;
/// More memory than this is a finding (out of memory).
const RSS_LIMIT_MB: u64 = 2048;

/// The longest input libFuzzer makes for `target` (without it: 4096 bytes, or the longest
/// seed): room for the largest definitions (the seeds are up to 25 KB) and for links past the
/// engine's own limit (32 KB).
fn max_len(target: &str) -> u64 {
    match target {
        "definition" => 64 * 1024,
        "state" => 40 * 1024,
        _ => 4096,
    }
}

const USAGE: &str = "\
usage: cargo xtask fuzz <target> [seconds]   fuzz one target (default 60 seconds)
       cargo xtask fuzz all [seconds]        every target, as the `fuzz` tier of `test` does
       cargo xtask fuzz                      list the targets

environment: ADVIES_FUZZ_TOOLCHAIN=nightly|stable, ADVIES_FUZZ_SANITIZER=none|address,
             ADVIES_FUZZ_SECONDS (per target in `cargo xtask test`, default 30; 0 skips),
             ADVIES_FUZZ_SEED (libFuzzer -seed; the tier uses 20261127 unless set)";

/// `cargo xtask fuzz [<target>|all [seconds]]`.
pub fn command(args: &[String]) -> Result {
    let targets = targets()?;
    let (target, seconds) = match args {
        [] => {
            println!("fuzz targets (fuzz/fuzz_targets/):");
            for target in &targets {
                println!("  {target}");
            }
            println!("\n{USAGE}");
            return Ok(());
        }
        [target] => (target, DEFAULT_SECONDS),
        [target, seconds] => (
            target,
            seconds
                .parse()
                .map_err(|_| format!("`{seconds}` is not a number of seconds\n\n{USAGE}"))?,
        ),
        _ => return Err(format!("unexpected arguments {args:?}\n\n{USAGE}").into()),
    };
    if target == "all" {
        return all(seconds, seed_from_env()?);
    }
    if !targets.contains(target) {
        return Err(format!(
            "no fuzz target `{target}`; there are: {} (or `all`)",
            targets.join(", ")
        )
        .into());
    }
    let toolchain = prepare()?;
    let result = fuzz(&toolchain, target, seconds, seed_from_env()?)?;
    FuzzRun::print_header();
    result.print();
    result.verdict(&toolchain)
}

/// The `fuzz` tier: every target for ADVIES_FUZZ_SECONDS (default 30) seconds. `false`:
/// skipped (ADVIES_FUZZ_SECONDS=0).
pub fn tier() -> Result<bool> {
    let seconds = match std::env::var("ADVIES_FUZZ_SECONDS") {
        Ok(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("ADVIES_FUZZ_SECONDS=`{text}` is not a number of seconds"))?,
        Err(_) => TIER_SECONDS,
    };
    if seconds == 0 {
        return Ok(false);
    }
    // A fixed libFuzzer seed unless one is given, so that a CI run does not pass or fail by
    // chance (as PROPTEST_RNG_SEED for the property tests). `cargo xtask fuzz` draws a new one.
    all(seconds, Some(seed_from_env()?.unwrap_or(TIER_SEED)))?;
    Ok(true)
}

/// The seed of libFuzzer's random choices in the `fuzz` tier, unless ADVIES_FUZZ_SEED is set.
const TIER_SEED: u64 = 20261127;

/// ADVIES_FUZZ_SEED, if set: repeats a run's random choices (`-seed=`).
fn seed_from_env() -> Result<Option<u64>> {
    match std::env::var("ADVIES_FUZZ_SEED") {
        Ok(text) => text
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| format!("ADVIES_FUZZ_SEED=`{text}` is not a whole number").into()),
        Err(_) => Ok(None),
    }
}

/// Every target for `seconds`, after one build; a table of what each did. Fails when any
/// finds a crash, a hang or running out of memory (after all have run).
fn all(seconds: u64, seed: Option<u64>) -> Result {
    let toolchain = prepare()?;
    let mut results = Vec::new();
    for target in targets()? {
        results.push(fuzz(&toolchain, &target, seconds, seed)?);
    }
    FuzzRun::print_header();
    for result in &results {
        result.print();
    }
    let failed: Vec<&FuzzRun> = results.iter().filter(|r| !r.passed).collect();
    if failed.is_empty() {
        return Ok(());
    }
    for result in &failed {
        let _ = result.verdict(&toolchain);
    }
    let names: Vec<&str> = failed.iter().map(|r| r.target.as_str()).collect();
    Err(format!("fuzzing found a problem in: {}", names.join(", ")).into())
}

/// The target names: the `[[bin]]` names in fuzz/Cargo.toml.
fn targets() -> Result<Vec<String>> {
    let manifest = fs::read_to_string("fuzz/Cargo.toml")
        .map_err(|err| format!("cannot read fuzz/Cargo.toml: {err}"))?;
    let mut targets = Vec::new();
    let mut in_bin = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if let Some(value) = line.strip_prefix("name = ").filter(|_| in_bin) {
            targets.push(value.trim_matches('"').to_string());
        }
    }
    if targets.is_empty() {
        return Err("fuzz/Cargo.toml has no [[bin]] (no fuzz targets)".into());
    }
    Ok(targets)
}

/// The toolchain and sanitizer cargo-fuzz runs with.
struct Toolchain {
    /// `+nightly`, or nothing (the default toolchain with RUSTC_BOOTSTRAP=1).
    plus: Option<&'static str>,
    sanitizer: &'static str,
}

impl Toolchain {
    /// Finds the toolchain (see the module documentation).
    fn find() -> Result<Toolchain> {
        let has_nightly = probe(&mut cmd("rustup", &["toolchain", "list"])).is_some_and(|list| {
            list.lines()
                .any(|line| line.trim_start().starts_with("nightly"))
        });
        let nightly = match std::env::var("ADVIES_FUZZ_TOOLCHAIN").as_deref() {
            Err(_) => has_nightly,
            Ok("stable") => false,
            Ok("nightly") if has_nightly => true,
            Ok("nightly") => {
                return Err("ADVIES_FUZZ_TOOLCHAIN=nightly, but rustup has no nightly \
                            toolchain (rustup toolchain install nightly)"
                    .into());
            }
            Ok(other) => {
                return Err(format!(
                    "ADVIES_FUZZ_TOOLCHAIN=`{other}`: expected `nightly` or `stable`"
                )
                .into());
            }
        };
        let plus = nightly.then_some("+nightly");
        let sanitizer = match std::env::var("ADVIES_FUZZ_SANITIZER").as_deref() {
            Err(_) | Ok("none") => "none",
            Ok("address") if asan_runtime(plus) => "address",
            Ok("address") => {
                eprintln!(
                    "note: the toolchain has no AddressSanitizer runtime; fuzzing without one"
                );
                "none"
            }
            Ok(other) => {
                return Err(format!(
                    "ADVIES_FUZZ_SANITIZER=`{other}`: expected `none` or `address`"
                )
                .into());
            }
        };
        let toolchain = Toolchain { plus, sanitizer };
        eprintln!("✓ fuzzing with {}", toolchain.describe());
        Ok(toolchain)
    }

    fn describe(&self) -> String {
        let rustc = probe(&mut self.rustc(&["--version"])).unwrap_or_else(|| "rustc".into());
        let how = match self.plus {
            Some(_) => "nightly",
            None => "the default toolchain with RUSTC_BOOTSTRAP=1",
        };
        format!("{rustc} ({how}), sanitizer: {}", self.sanitizer)
    }

    /// `command` as a person would type it, with RUSTC_BOOTSTRAP=1 when it needs it.
    fn show(&self, command: &Command) -> String {
        match self.plus {
            Some(_) => command_line(command),
            None => format!("RUSTC_BOOTSTRAP=1 {}", command_line(command)),
        }
    }

    fn rustc(&self, args: &[&str]) -> Command {
        let mut rustc = cmd("rustc", &[]);
        rustc.args(self.plus).args(args);
        rustc
    }

    /// `cargo [+nightly] fuzz <subcommand>` with the build options every subcommand shares
    /// (so `run` after `build` builds nothing again).
    fn cargo_fuzz(&self, subcommand: &str) -> Command {
        let mut cargo = cmd("cargo", &[]);
        cargo.args(self.plus).args(["fuzz", subcommand]);
        cargo.args([
            "--debug-assertions",
            "--sanitizer",
            self.sanitizer,
            "--target-dir",
            TARGET_DIR,
        ]);
        if self.plus.is_none() {
            cargo.env("RUSTC_BOOTSTRAP", "1");
        }
        cargo
    }
}

/// True if the toolchain has the AddressSanitizer runtime (`librustc-*_rt.asan.a`).
fn asan_runtime(plus: Option<&str>) -> bool {
    let mut rustc = cmd("rustc", &[]);
    rustc.args(plus).args(["--print", "target-libdir"]);
    let Some(dir) = probe(&mut rustc) else {
        return false;
    };
    fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains("_rt.asan"))
    })
}

/// cargo-fuzz, the toolchain, the seeds (and the regression test: it makes them), one build.
fn prepare() -> Result<Toolchain> {
    crate::setup::cargo_fuzz()?;
    let toolchain = Toolchain::find()?;
    eprintln!(
        "→ the seed corpora, from the advisors and the broken definitions (and the saved findings run)"
    );
    let seeds = std::env::current_dir()
        .map_err(|err| format!("no current directory: {err}"))?
        .join(SEEDS);
    // As the `test` tier builds it, so that after that tier nothing is compiled again.
    let mut test = cmd(
        "cargo",
        &[
            "test",
            "-q",
            "--workspace",
            "--all-features",
            "--test",
            "fuzz_regressions",
        ],
    );
    test.env("ADVIES_FUZZ_SEEDS", &seeds);
    run(&mut test)?;
    eprintln!("→ building the fuzz targets into {TARGET_DIR} (the first build takes minutes)");
    let start = Instant::now();
    run(&mut toolchain.cargo_fuzz("build"))?;
    eprintln!("✓ built in {:.0} s", start.elapsed().as_secs_f64());
    Ok(toolchain)
}

/// What one run of one target did.
struct FuzzRun {
    target: String,
    seconds: f64,
    executions: Option<u64>,
    per_second: Option<u64>,
    peak_rss_mb: Option<u64>,
    corpus: (usize, u64),
    seeds: (usize, u64),
    /// New crash, timeout, out-of-memory or leak files in fuzz/artifacts/<target>/.
    findings: Vec<PathBuf>,
    /// libFuzzer ended well and found nothing.
    passed: bool,
    log: PathBuf,
}

/// Runs `target` for `seconds`; its output goes to target/fuzz/logs/<target>.log, with the
/// lines worth seeing also on the terminal.
fn fuzz(toolchain: &Toolchain, target: &str, seconds: u64, seed: Option<u64>) -> Result<FuzzRun> {
    let corpus = PathBuf::from("fuzz/corpus").join(target);
    let seeds = PathBuf::from(SEEDS).join(target);
    let artifacts = PathBuf::from("fuzz/artifacts").join(target);
    for dir in [&corpus, &artifacts, &PathBuf::from(LOGS)] {
        fs::create_dir_all(dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    }
    let dict = PathBuf::from(SEEDS).join(format!("{target}.dict"));
    let mut command = toolchain.cargo_fuzz("run");
    command.arg(target).arg(&corpus).arg(&seeds).args([
        "--".to_string(),
        format!("-max_total_time={seconds}"),
        format!("-timeout={TIMEOUT_SECONDS}"),
        format!("-rss_limit_mb={RSS_LIMIT_MB}"),
        format!("-max_len={}", max_len(target)),
        format!("-dict={}", dict.display()),
        "-print_final_stats=1".to_string(),
    ]);
    if let Some(seed) = seed {
        command.arg(format!("-seed={seed}"));
    }
    eprintln!("\n━━ fuzz {target}: {seconds} s ━━");
    eprintln!("  $ {}", toolchain.show(&command));
    let before = files_in(&artifacts);
    let log = PathBuf::from(LOGS).join(format!("{target}.log"));
    let start = Instant::now();
    let (passed, lines) = run_logged(&mut command, &log)?;
    let seconds = start.elapsed().as_secs_f64();
    let findings: Vec<PathBuf> = files_in(&artifacts)
        .into_iter()
        .filter(|p| !before.contains(p))
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            ["crash-", "timeout-", "oom-", "leak-"]
                .iter()
                .any(|prefix| name.starts_with(prefix))
        })
        .collect();
    let stat = |name: &str| {
        lines.iter().rev().find_map(|line| {
            let value = line.strip_prefix(&format!("stat::{name}:"))?;
            value.trim().parse::<u64>().ok()
        })
    };
    Ok(FuzzRun {
        target: target.to_string(),
        seconds,
        executions: stat("number_of_executed_units"),
        per_second: stat("average_exec_per_sec"),
        peak_rss_mb: stat("peak_rss_mb"),
        corpus: size_of(&corpus),
        seeds: size_of(&seeds),
        passed: passed && findings.is_empty(),
        findings,
        log,
    })
}

/// Runs `command` with its stderr written to `log` and the lines worth seeing echoed (not
/// libFuzzer's lines per new input, nor its recommended dictionary). Returns whether it
/// succeeded, and the lines.
fn run_logged(command: &mut Command, log: &Path) -> Result<(bool, Vec<String>)> {
    let line = command_line(command);
    let mut file =
        fs::File::create(log).map_err(|err| format!("cannot create {}: {err}", log.display()))?;
    let mut child = command
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("could not start `{line}`: {err}"))?;
    let mut lines = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        let mut reader = BufReader::new(stderr);
        let mut buffer = Vec::new();
        let mut in_dictionary = false;
        while reader.read_until(b'\n', &mut buffer).unwrap_or(0) > 0 {
            let text = String::from_utf8_lossy(&buffer).trim_end().to_string();
            buffer.clear();
            let _ = writeln!(file, "{text}");
            if text.starts_with("###### Recommended dictionary") {
                in_dictionary = true;
            }
            if !in_dictionary && worth_showing(&text) {
                eprintln!("{text}");
            }
            if text.starts_with("###### End of recommended dictionary") {
                in_dictionary = false;
            }
            lines.push(text);
        }
    }
    let status = child
        .wait()
        .map_err(|err| format!("`{line}` did not finish: {err}"))?;
    Ok((status.success(), lines))
}

/// Not libFuzzer's lines per new input or new function, nor its warnings about sanitizer
/// hooks that are not there without a sanitizer.
fn worth_showing(line: &str) -> bool {
    let progress = line.starts_with('#') && (line.contains("\tNEW ") || line.contains("\tREDUCE "));
    let new_function = line.trim_start().starts_with("NEW_FUNC[");
    let no_hook = line.starts_with("WARNING: Failed to find function \"__sanitizer");
    !(progress || new_function || no_hook)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect()
}

/// Files and bytes in `dir`.
fn size_of(dir: &Path) -> (usize, u64) {
    let files = files_in(dir);
    let bytes = files
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    (files.len(), bytes)
}

fn kb(bytes: u64) -> String {
    format!("{:.0} KB", bytes as f64 / 1000.0)
}

impl FuzzRun {
    fn print_header() {
        println!(
            "\n{:<11} {:>7} {:>12} {:>8}  {:>16}  {:>12}  {:>6}  found",
            "target", "time", "executions", "exec/s", "corpus", "seeds", "memory"
        );
    }

    fn print(&self) {
        let number = |n: Option<u64>| n.map_or_else(|| "?".to_string(), |n| n.to_string());
        let found = match (self.passed, self.findings.len()) {
            (true, _) => "0".to_string(),
            (false, 0) => "FAILED".to_string(),
            (false, n) => format!("{n} FAILED"),
        };
        let files = |(n, bytes): (usize, u64)| format!("{n} / {}", kb(bytes));
        println!(
            "{:<11} {:>5.0} s {:>12} {:>8}  {:>16}  {:>12}  {:>6}  {found}",
            self.target,
            self.seconds,
            number(self.executions),
            number(self.per_second),
            files(self.corpus),
            files(self.seeds),
            self.peak_rss_mb
                .map_or_else(|| "?".into(), |mb| format!("{mb} MB")),
        );
    }

    /// Ok if nothing was found; else what was found and what to do next.
    fn verdict(&self, toolchain: &Toolchain) -> Result {
        if self.passed {
            return Ok(());
        }
        eprintln!("\n✗ fuzz {}: see {}", self.target, self.log.display());
        for finding in &self.findings {
            let mut tmin = toolchain.cargo_fuzz("tmin");
            tmin.arg(&self.target).arg(finding);
            eprintln!(
                "  found {}\n  minimise it:  {}\n  then keep the minimised file as \
                 fuzz/regressions/{}/<what-it-is>, fix the engine, and check with\n  \
                 cargo test -p advies-engine --test fuzz_regressions",
                finding.display(),
                toolchain.show(&tmin),
                self.target
            );
        }
        Err(format!("fuzz target `{}` failed", self.target).into())
    }
}
