//! Running commands: one helper that shows the command line and fails with it.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// An error is a message for a person; it already says what failed and why.
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Error {
    fn from(message: String) -> Self {
        Error(message)
    }
}

impl From<&str> for Error {
    fn from(message: &str) -> Self {
        Error(message.to_owned())
    }
}

pub type Result<T = ()> = std::result::Result<T, Error>;

/// The workspace root (the parent of xtask/). `cargo run` sets CARGO_MANIFEST_DIR
/// at run time too; that one is right even when target/ was copied from another
/// checkout (the compile-time value is only the fallback).
pub fn repo_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or(manifest_dir)
}

/// Where the npm package `binaryen` puts `wasm-opt` (git-ignored).
pub fn binaryen_bin_dir() -> PathBuf {
    repo_root().join(".tools/binaryen/node_modules/.bin")
}

/// Where `cargo install` puts binaries.
fn cargo_bin_dir() -> Option<PathBuf> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))?;
    Some(cargo_home.join("bin"))
}

/// PATH with our local wasm-opt and cargo's bin dir in front, so a freshly
/// installed tool is found even when the caller's PATH lacks it.
pub fn tool_path() -> OsString {
    let mut dirs = vec![binaryen_bin_dir()];
    dirs.extend(cargo_bin_dir());
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// A command for `program` that sees [`tool_path`].
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args).env("PATH", tool_path());
    command
}

/// The full path of `program` on [`tool_path`], if it is there.
pub fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&tool_path())
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// The command as a person would type it (with its directory if not the root).
pub fn command_line(command: &Command) -> String {
    let mut line = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        let arg = arg.to_string_lossy();
        let plain = |c: char| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c);
        line.push(' ');
        if !arg.is_empty() && arg.chars().all(plain) {
            line.push_str(&arg);
        } else {
            // Quoted as a shell would need it, so the line can be pasted.
            line.push_str(&format!("'{}'", arg.replace('\'', r"'\''")));
        }
    }
    if let Some(dir) = command.get_current_dir() {
        line = format!("(cd {} && {line})", dir.display());
    }
    line
}

/// Runs `command` with inherited output; an error names the command line.
pub fn run(command: &mut Command) -> Result {
    let line = command_line(command);
    eprintln!("  $ {line}");
    let status = command
        .status()
        .map_err(|err| format!("could not start `{line}`: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})").into())
    }
}

/// Runs `command` quietly and returns its stdout, or `None` if it could not
/// start or failed. For probes such as `trunk --version`.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Runs `command`, capturing stdout; an error names the command line.
pub fn stdout_of(command: &mut Command) -> Result<Vec<u8>> {
    let line = command_line(command);
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| format!("could not start `{line}`: {err}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!("`{line}` failed ({})", output.status).into())
    }
}

#[cfg(test)]
mod tests {
    use super::command_line;
    use std::process::Command;

    #[test]
    fn shows_a_command_line_that_can_be_pasted() {
        let mut command = Command::new("cargo");
        command.args(["bench", "--bench", "*", "--", "it's", ""]);
        assert_eq!(
            command_line(&command),
            r"cargo bench --bench '*' -- 'it'\''s' ''"
        );
        command.current_dir("tests/e2e");
        assert!(command_line(&command).starts_with("(cd tests/e2e && cargo bench"));
    }
}
