//! `cargo xtask setup [--browser]`: install what is missing, one line per step.
//!
//! Every step first checks and prints `✓ … already …` when there is nothing to
//! do, so a second run is quick and changes nothing.

use crate::exec::{self, Result, cmd, probe, which};
use std::fs;
use std::path::{Path, PathBuf};

/// Splits the app's wasm at `#[wasm_split]` (components/src/lazy.rs); the crate cargo-leptos
/// uses for the same step.
const WASM_SPLIT_VERSION: &str = "0.2.4";
/// The size profile of `cargo xtask size`.
const TWIGGY_VERSION: &str = "0.8.0";
/// binaryen from npm: Debian's wasm-opt (108) produced a wasm that did not start.
const BINARYEN_VERSION: &str = "132.0.0";
const MIN_NODE_MAJOR: u32 = 20;
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const E2E_DIR: &str = "tests/e2e";
/// The NL Design System theme packages of the demo host pages (embed/themes/package.json).
const THEMES_DIR: &str = "embed/themes";

pub struct Scope {
    /// Also chromium and the end-to-end npm packages.
    pub browser: bool,
}

pub fn run(scope: Scope) -> Result {
    eprintln!("setup");
    prerequisites()?;
    wasm_target()?;
    wasm_bindgen_cli()?;
    wasm_split_cli()?;
    twiggy()?;
    wasm_opt()?;
    crates()?;
    npm_packages(THEMES_DIR)?;
    if scope.browser {
        chromium()?;
        npm_packages(E2E_DIR)?;
    }
    Ok(())
}

fn done(what: &str) {
    eprintln!("✓ {what}");
}

fn doing(what: &str) {
    eprintln!("→ {what}");
}

/// Tools we cannot install ourselves.
fn prerequisites() -> Result {
    let needed = [
        ("rustup", "install Rust with rustup (https://rustup.rs)"),
        ("cargo", "install Rust with rustup (https://rustup.rs)"),
        (
            "node",
            "install Node.js 20 or newer (Debian: apt-get install nodejs)",
        ),
        ("npm", "install npm (Debian: apt-get install npm)"),
    ];
    let missing: Vec<String> = needed
        .iter()
        .filter(|(program, _)| which(program).is_none())
        .map(|(program, how)| format!("  `{program}` not found on PATH: {how}"))
        .collect();
    if !missing.is_empty() {
        return Err(format!("missing prerequisites:\n{}", missing.join("\n")).into());
    }
    let node = probe(&mut cmd("node", &["--version"])).unwrap_or_default();
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|major| major.parse().ok())
        .unwrap_or(0);
    if major < MIN_NODE_MAJOR {
        return Err(format!(
            "node {node} is too old: the end-to-end tests need Node.js {MIN_NODE_MAJOR} or newer"
        )
        .into());
    }
    done(&format!("rustup, cargo, node {node} and npm found"));
    Ok(())
}

fn wasm_target() -> Result {
    let installed = probe(&mut cmd("rustup", &["target", "list", "--installed"]))
        .is_some_and(|list| list.lines().any(|line| line.trim() == WASM_TARGET));
    if installed {
        done(&format!("rust target {WASM_TARGET} already installed"));
        return Ok(());
    }
    doing(&format!(
        "installing rust target {WASM_TARGET} (takes about a minute)"
    ));
    exec::run(&mut cmd("rustup", &["target", "add", WASM_TARGET]))
}

/// `twiggy 0.8.0` -> `0.8.0`; `wasm-bindgen 0.2.130` -> `0.2.130`.
fn installed_version(program: &str) -> Option<String> {
    let text = probe(&mut cmd(program, &["--version"]))?;
    text.split_whitespace().nth(1).map(str::to_owned)
}

/// Installs `krate` at `version` with cargo unless `program` already reports it.
fn cargo_tool(program: &str, krate: &str, version: &str, minutes: u32, locked: bool) -> Result {
    let found = installed_version(program);
    if found.as_deref() == Some(version) {
        done(&format!("{program} {version} already installed"));
        return Ok(());
    }
    let replacing = found
        .map(|old| format!(", replacing {old}"))
        .unwrap_or_default();
    doing(&format!(
        "installing {krate} {version}{replacing} (takes about {minutes} minutes on 2 cores)"
    ));
    let mut install = cmd(
        "cargo",
        &["install", krate, "--version", version, "--force"],
    );
    if locked {
        install.arg("--locked");
    }
    exec::run(&mut install)
}

/// cargo-deny, for the `licences` tier of `cargo xtask test` only (not part of `setup`).
pub const CARGO_DENY_VERSION: &str = "0.20.2";

/// Installs cargo-deny at [`CARGO_DENY_VERSION`] unless it is there.
pub fn cargo_deny() -> Result {
    cargo_tool("cargo-deny", "cargo-deny", CARGO_DENY_VERSION, 4, true)
}

/// cargo-fuzz, for `cargo xtask fuzz` and the `fuzz` tier of `cargo xtask test` only (not
/// part of `setup`: nothing else needs it).
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// Installs cargo-fuzz unless `cargo fuzz --version` already works (then any version is
/// kept: its command line has been stable for years).
pub fn cargo_fuzz() -> Result {
    if let Some(found) = probe(&mut cmd("cargo", &["fuzz", "--version"])) {
        done(&format!("{found} already installed"));
        return Ok(());
    }
    doing(&format!(
        "installing cargo-fuzz {CARGO_FUZZ_VERSION} (takes about 1 minute on 2 cores)"
    ));
    exec::run(&mut cmd(
        "cargo",
        &[
            "install",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
            "--locked",
        ],
    ))
}

/// `wasm-split-cli` (its binary needs the crate's `build-binary` feature). It prints no
/// version, so the one cargo installed is read from cargo's list.
fn wasm_split_cli() -> Result {
    let listed = probe(&mut cmd("cargo", &["install", "--list"])).unwrap_or_default();
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    if listed.lines().any(|line| line.trim() == wanted) && which("wasm-split-cli").is_some() {
        done(&format!(
            "wasm-split-cli {WASM_SPLIT_VERSION} already installed"
        ));
        return Ok(());
    }
    doing(&format!(
        "installing wasm_split_cli_support {WASM_SPLIT_VERSION} (takes about 2 minutes on 2 cores)"
    ));
    exec::run(&mut cmd(
        "cargo",
        &[
            "install",
            "wasm_split_cli_support",
            "--version",
            WASM_SPLIT_VERSION,
            "--features",
            "build-binary",
            "--locked",
            "--force",
        ],
    ))
}

fn twiggy() -> Result {
    cargo_tool("twiggy", "twiggy", TWIGGY_VERSION, 2, true)
}

/// wasm-bindgen-cli must equal the `wasm-bindgen` crate in Cargo.lock.
fn wasm_bindgen_cli() -> Result {
    let version = wasm_bindgen_version_in_lock()?;
    // Without --locked: its lock file pins crates that no longer build on new rustc.
    cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &version, 5, false)
}

pub fn wasm_bindgen_version_in_lock() -> Result<String> {
    let lock = fs::read_to_string("Cargo.lock")
        .map_err(|err| format!("cannot read Cargo.lock: {err} (run `cargo generate-lockfile`)"))?;
    lock_version(&lock, "wasm-bindgen").ok_or_else(|| {
        "Cargo.lock has no `wasm-bindgen` package; does the app depend on leptos?".into()
    })
}

/// The version of package `name` in a Cargo.lock text.
fn lock_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    lines.find(|line| line.trim() == wanted)?;
    let version = lines.next()?.trim().strip_prefix("version = \"")?;
    Some(version.trim_end_matches('"').to_owned())
}

/// wasm-opt from the npm package `binaryen`, in the git-ignored .tools/.
fn wasm_opt() -> Result {
    let wasm_opt = exec::binaryen_bin_dir().join("wasm-opt");
    let major = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    let found = probe(&mut cmd(&wasm_opt.to_string_lossy(), &["--version"]));
    if found.is_some_and(|text| text.contains(&format!("version {major}"))) {
        done(&format!(
            "wasm-opt (binaryen {major}) already installed in .tools/"
        ));
        return Ok(());
    }
    doing(&format!(
        "installing wasm-opt (npm binaryen@{BINARYEN_VERSION}) into .tools/binaryen"
    ));
    let prefix = exec::repo_root().join(".tools/binaryen");
    fs::create_dir_all(&prefix)
        .map_err(|err| format!("cannot create {}: {err}", prefix.display()))?;
    exec::run(&mut cmd(
        "npm",
        &[
            "install",
            "--prefix",
            &prefix.to_string_lossy(),
            "--no-audit",
            "--no-fund",
            "--save-exact",
            &format!("binaryen@{BINARYEN_VERSION}"),
        ],
    ))
}

/// Every crate fetched once, so later builds need no network.
fn crates() -> Result {
    let fetched = probe(&mut cmd("cargo", &["fetch", "--offline", "--quiet"])).is_some();
    if fetched {
        done("crates already fetched");
        return Ok(());
    }
    doing("fetching crates (cargo fetch)");
    exec::run(&mut cmd("cargo", &["fetch"]))
}

fn chromium() -> Result {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|path| !Path::new(path).exists())
        .collect();
    if missing.is_empty() {
        done(&format!("{CHROMIUM} and {CHROMEDRIVER} found"));
        return Ok(());
    }
    let missing = missing.join(", ");
    if !is_root() {
        return Err(format!(
            "{missing} missing: install Debian's browser packages as root:\n  \
             sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
        )
        .into());
    }
    doing(&format!(
        "installing chromium and chromium-driver with apt-get ({missing} missing)"
    ));
    exec::run(&mut cmd("apt-get", &["update"]))?;
    exec::run(
        cmd(
            "apt-get",
            &[
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ],
        )
        .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn is_root() -> bool {
    probe(&mut cmd("id", &["-u"])).as_deref() == Some("0")
}

/// `npm ci` in `dir`, unless node_modules was installed from this very lock file.
fn npm_packages(dir: &str) -> Result {
    let lock = PathBuf::from(dir).join("package-lock.json");
    let stamp = PathBuf::from(dir).join("node_modules/.xtask-installed-lock.json");
    let wanted = fs::read(&lock).map_err(|err| format!("cannot read {}: {err}", lock.display()))?;
    if fs::read(&stamp).is_ok_and(|installed| installed == wanted) {
        done(&format!(
            "npm packages in {dir} up to date with package-lock.json"
        ));
        return Ok(());
    }
    doing(&format!("installing npm packages in {dir} (npm ci)"));
    exec::run(cmd("npm", &["ci", "--no-audit", "--no-fund"]).current_dir(dir))?;
    fs::write(&stamp, wanted)
        .map_err(|err| format!("cannot write {}: {err}", stamp.display()).into())
}

#[cfg(test)]
mod tests {
    use super::lock_version;

    #[test]
    fn reads_a_version_from_a_lock_file() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.1.0\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\nsource = \"x\"\n";
        assert_eq!(
            lock_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(lock_version(lock, "leptos"), None);
    }
}
