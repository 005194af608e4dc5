//! `cargo xtask advisor <command>`: forwards to the engine's `advisor` binary, so xtask stays
//! std-only and quick to compile. The work is in `engine/src/cli.rs`.

use std::path::Path;

use crate::exec::{self, cmd, command_line};

/// Runs `cargo run -q -p advies-engine --bin advisor -- <args>` in the folder `cargo xtask` was
/// started from (paths on the command line are relative to it), and ends this process with the
/// binary's exit status: 0 all well, 1 problems found, 2 wrong command line.
pub fn run(args: &[String], invoked_from: &Path) -> exec::Result {
    let manifest = exec::repo_root().join("Cargo.toml");
    let manifest = manifest.to_string_lossy();
    let mut command = cmd(
        "cargo",
        &[
            "run",
            "-q",
            "--manifest-path",
            &manifest,
            "-p",
            "advies-engine",
            "--bin",
            "advisor",
            "--",
        ],
    );
    command.args(args).current_dir(invoked_from);
    let status = command
        .status()
        .map_err(|err| format!("could not start `{}`: {err}", command_line(&command)))?;
    if status.success() {
        Ok(())
    } else {
        // The binary has said what is wrong; only its exit status is passed on (a build error
        // of the engine is cargo's 101).
        std::process::exit(status.code().unwrap_or(1))
    }
}
