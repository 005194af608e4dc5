//! The third-language check: a translator adds a language by adding a catalogue file, with
//! no Rust. This makes a catalogue with a third language (German) from the real one and a
//! small test catalogue (engine/tests/third_language/de.toml: the `[language]` table and a
//! few German texts in place of the English ones), checks that every crate compiles with it
//! (`ADVIES_CATALOGUE`) and runs engine/tests/third_language.rs against it.

use crate::exec::{Result, cmd, run};
use std::path::Path;

const CATALOGUE: &str = "engine/catalogue";
const TEST_CATALOGUE: &str = "engine/tests/third_language/de.toml";
const THIRD: &str = "de";
/// The language the third one starts from, text for text.
const TRANSLATED_FROM: &str = "en";

/// Where the catalogue and the build go: a target folder of its own, so that the ordinary
/// build keeps its engine (built with the real catalogue) and is not rebuilt afterwards.
const TARGET: &str = "target/third-language";

/// Builds the catalogue and runs the test.
pub fn check() -> Result {
    let dir = Path::new(TARGET).join("catalogue");
    let dir = dir.as_path();
    make_catalogue(dir)?;
    let catalogue = io(std::fs::canonicalize(dir), dir)?;
    let with_third = |args: &[&str]| {
        let mut c = cmd("cargo", args);
        c.env("ADVIES_CATALOGUE", &catalogue)
            .env("CARGO_TARGET_DIR", Path::new(TARGET).join("build"));
        c
    };
    // Every crate compiles with it (no `match` on the languages left anywhere) ...
    run(&mut with_third(&["check", "--workspace", "--all-features"]))?;
    // ... and the engine speaks it.
    run(&mut with_third(&[
        "test",
        "-p",
        "advies-engine",
        "--test",
        "third_language",
        "--",
        "--ignored",
    ]))
}

/// `dir` with the real languages and a third made from [`TRANSLATED_FROM`]'s texts, each
/// line `Key = "..."` of the test catalogue put in place of the same key.
fn make_catalogue(dir: &Path) -> Result {
    if dir.exists() {
        io(std::fs::remove_dir_all(dir), dir)?;
    }
    io(std::fs::create_dir_all(dir), dir)?;
    for entry in io(std::fs::read_dir(CATALOGUE), Path::new(CATALOGUE))? {
        let from = io(entry, Path::new(CATALOGUE))?.path();
        copy_file(&from, &dir.join(from.file_name().unwrap()), None)?;
    }
    let overrides = Overrides::read(Path::new(TEST_CATALOGUE))?;
    let source = Path::new(CATALOGUE).join(format!("{TRANSLATED_FROM}.toml"));
    copy_file(
        &source,
        &dir.join(format!("{THIRD}.toml")),
        Some(&overrides),
    )?;
    overrides.check_all_used()
}

fn copy_file(from: &Path, to: &Path, overrides: Option<&Overrides>) -> Result {
    let text = io(std::fs::read_to_string(from), from)?;
    let text = match overrides {
        Some(o) => o.apply(&text),
        None => text,
    };
    io(std::fs::write(to, text), to)
}

/// The test catalogue: its `[language]` lines and its `Key = "..."` lines.
struct Overrides {
    language: Vec<String>,
    texts: Vec<(String, String)>,
    used: std::cell::RefCell<Vec<String>>,
}

impl Overrides {
    fn read(path: &Path) -> Result<Overrides> {
        let text = io(std::fs::read_to_string(path), path)?;
        let mut language = Vec::new();
        let mut texts = Vec::new();
        let mut in_language = false;
        for line in text.lines().map(str::trim) {
            if line.starts_with('[') {
                in_language = line == "[language]";
            } else if line.is_empty() || line.starts_with('#') {
            } else if in_language {
                language.push(line.to_string());
            } else if let Some(key) = key_of(line) {
                texts.push((key.to_string(), line.to_string()));
            }
        }
        Ok(Overrides {
            language,
            texts,
            used: Default::default(),
        })
    }

    /// A catalogue file with the test catalogue's lines in place of the same keys, and its
    /// `[language]` table in place of the original.
    fn apply(&self, text: &str) -> String {
        let mut out = String::new();
        let mut in_language = false;
        for line in text.lines() {
            let trimmed = line.trim();
            if trimmed.starts_with('[') {
                in_language = trimmed == "[language]";
                out.push_str(line);
                out.push('\n');
                if in_language {
                    for l in &self.language {
                        out.push_str(l);
                        out.push('\n');
                    }
                }
                continue;
            }
            if in_language && !trimmed.is_empty() && !trimmed.starts_with('#') {
                continue;
            }
            let replaced = key_of(trimmed)
                .and_then(|key| self.texts.iter().find(|(k, _)| k == key))
                .map(|(key, new)| {
                    self.used.borrow_mut().push(key.clone());
                    new.as_str()
                });
            out.push_str(replaced.unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// A German text for a key the catalogue does not have would test nothing: refuse it.
    fn check_all_used(&self) -> Result {
        let used = self.used.borrow();
        match self.texts.iter().find(|(k, _)| !used.contains(k)) {
            Some((key, _)) => {
                Err(format!("{TEST_CATALOGUE}: `{key}` is not a key of the catalogue").into())
            }
            None => Ok(()),
        }
    }
}

/// A file error with the path it is about.
fn io<T>(result: std::io::Result<T>, path: &Path) -> Result<T> {
    result.map_err(|e| format!("{}: {e}", path.display()).into())
}

/// `Kicker` in `Kicker = "..."`.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    key.chars()
        .all(|c| c.is_ascii_alphanumeric())
        .then_some(key)
        .filter(|k| !k.is_empty())
}
