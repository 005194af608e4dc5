//! The build: the same steps for `serve` (debug) and `build` (release), so what is tested is
//! what is shipped. Trunk is not used: it cannot split a wasm (trunk-rs/trunk#1022).
//!
//! For each wasm (the app, shared by the site and the widget; the playground):
//!
//! 1. `cargo build --target wasm32-unknown-unknown` (`.cargo/config.toml` adds
//!    `--emit-relocs`, which step 2 needs);
//! 2. `wasm-split-cli`: the functions only the exploration parts use (`#[wasm_split]` in
//!    `components/src/lazy.rs`) move to a chunk of their own, `split_explore.wasm`, with
//!    `__wasm_split.js` to load it. This must come before wasm-bindgen, which would otherwise
//!    see the split point's imports as missing;
//! 3. `wasm-bindgen --target web` on the main part (`--keep-lld-exports`: the chunk links to
//!    the main part's functions by those exports);
//! 4. release only: `wasm-opt -Oz` on the main part and on each chunk (after wasm-bindgen, as
//!    cargo-leptos orders it: wasm-bindgen rewrites the main part);
//!
//! then `advies-prerender` (`crates/prerender`) places those files in `dist/` under a hashed
//! folder and renders every page to HTML. A copy of each main part before wasm-opt, with its
//! function names, stays in `target/size-profile/` for `cargo xtask size`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::exec::{Result, cmd, run};

pub const DIST: &str = "dist";
const TARGET: &str = "wasm32-unknown-unknown";
/// Where each wasm's files are put together before `advies-prerender` places them.
const WORK: &str = "target/pipeline";
/// Main parts before wasm-opt, with their names, for the size profile.
pub const PROFILE_DIR: &str = "target/size-profile";

/// One wasm binary of the root package.
struct Wasm {
    bin: &'static str,
    features: &'static [&'static str],
}

const APP: Wasm = Wasm {
    bin: "adviesmodule",
    features: &[],
};
const PLAYGROUND: Wasm = Wasm {
    bin: "playground",
    features: &["playground"],
};

/// Features of wasm-opt's input: what rustc 1.95 enables for wasm32-unknown-unknown.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds everything into dist/: release (`opt-level "z"`, LTO, wasm-opt) or debug.
pub fn build(release: bool) -> Result {
    let app = wasm(&APP, release)?;
    let playground = wasm(&PLAYGROUND, release)?;
    let mut prerender = cmd("cargo", &["run", "-q", "-p", "advies-prerender"]);
    if release {
        prerender.arg("--release");
    }
    prerender.args(["--", DIST]).arg(&app).arg(&playground);
    run(&mut prerender)
}

/// Steps 1 to 4 for one wasm; returns the folder with its files.
fn wasm(wasm: &Wasm, release: bool) -> Result<PathBuf> {
    let mut cargo = cmd(
        "cargo",
        &[
            "build",
            "--target",
            TARGET,
            "-p",
            "adviesmodule",
            "--bin",
            wasm.bin,
        ],
    );
    if release {
        cargo.arg("--release");
    }
    if !wasm.features.is_empty() {
        cargo.args(["--features", &wasm.features.join(",")]);
    }
    run(&mut cargo)?;
    let profile = if release { "release" } else { "debug" };
    let input = PathBuf::from(format!("target/{TARGET}/{profile}/{}.wasm", wasm.bin));
    let work = Path::new(WORK).join(wasm.bin);
    let split = work.join("split");
    let out = work.join("pkg");
    for dir in [&split, &out] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut splitter = cmd("wasm-split-cli", &[]);
    splitter
        .arg(&input)
        .arg(&split)
        .args(["--out-name", wasm.bin]);
    run(&mut splitter)?;
    let mut bindgen = cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-demangle",
            "--no-typescript",
            "--out-name",
            wasm.bin,
            "--out-dir",
        ],
    );
    bindgen
        .arg(&out)
        .arg(split.join(format!("{}.wasm", wasm.bin)));
    run(&mut bindgen)?;
    let main = out.join(format!("{}_bg.wasm", wasm.bin));
    keep_for_profile(&main, wasm.bin)?;
    for chunk in files_ending(&split, ".wasm")? {
        if chunk.file_name() != Some(format!("{}.wasm", wasm.bin).as_ref()) {
            copy(&chunk, &out.join(chunk.file_name().unwrap_or_default()))?;
        }
    }
    copy(&split.join("__wasm_split.js"), &out.join("__wasm_split.js"))?;
    if release {
        for file in files_ending(&out, ".wasm")? {
            optimize(&file)?;
        }
    }
    Ok(out)
}

/// `wasm-opt -Oz` in place.
fn optimize(file: &Path) -> Result {
    let mut opt = cmd("wasm-opt", &["-Oz"]);
    opt.args(WASM_FEATURES).arg(file).arg("-o").arg(file);
    run(&mut opt)
}

fn keep_for_profile(main: &Path, bin: &str) -> Result {
    fs::create_dir_all(PROFILE_DIR).map_err(|e| format!("{PROFILE_DIR}: {e}"))?;
    copy(main, &Path::new(PROFILE_DIR).join(format!("{bin}.wasm")))
}

fn files_ending(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.to_string_lossy().ends_with(suffix))
        .collect();
    found.sort();
    Ok(found)
}

fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()).into())
}
