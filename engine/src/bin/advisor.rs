//! `advisor`: the command line for advisor authors and CI. Run it as `cargo xtask advisor
//! <command>` (xtask forwards to `cargo run -q -p advies-engine --bin advisor -- <command>`).
//! All the work is in [`advies_engine::cli`]; this only reads the arguments, prints and exits.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use advies_engine::cli;

fn main() -> ExitCode {
    // Arguments that are not valid UTF-8 are passed on lossily (and then name no file),
    // rather than stopping with a panic.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let outcome = cli::run(&args, &advisors_dir());
    // A closed pipe (`... | head`) is not worth a panic.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.code)
}

/// The repository's `advisors/` folder, where `new` creates advisors: next to this crate's
/// folder. `cargo run` sets CARGO_MANIFEST_DIR at run time too; that one is right even when
/// target/ was copied from another checkout. Shown relative to the current folder when it
/// lies below it.
fn advisors_dir() -> PathBuf {
    let engine = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let root = engine.parent().unwrap_or(Path::new("."));
    let advisors = root.join("advisors");
    std::env::current_dir()
        .ok()
        .and_then(|cwd| advisors.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .filter(|relative| !relative.as_os_str().is_empty())
        .unwrap_or(advisors)
}
