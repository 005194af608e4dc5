//! The `shape` tier: no Rust file of ours is longer than [`MAX_FILE_LINES`] before its tests,
//! and no function longer than [`MAX_FN_LINES`], so each thing keeps a place a reader can
//! take in. Counted from the text (comments and string literals blanked, braces matched),
//! which is exact enough for code that `cargo fmt` has laid out. Also: every file that
//! matches on the input kinds is in ARCHITECTURE.md's list of them ([`KINDS_SECTION`]).

use crate::exec::Result;
use std::fs;
use std::path::{Path, PathBuf};

/// Lines of a file before its `#[cfg(test)]` module.
pub const MAX_FILE_LINES: usize = 1000;
/// Lines of one function, from its `fn` line to its closing brace.
pub const MAX_FN_LINES: usize = 200;
/// The folders with our Rust code (test files, vendor/ and target/ are left out).
const ROOTS: [&str; 6] = [
    "engine/src",
    "components/src",
    "src",
    "crates",
    "xtask/src",
    "fuzz/src",
];

/// The section of ARCHITECTURE.md that lists every place that knows the input kinds.
const KINDS_SECTION: &str = "## Adding an input kind";

/// Fails with every file and function over its limit, in the repository at the current
/// directory.
pub fn check() -> Result {
    check_in(Path::new("."))
}

fn check_in(repo: &Path) -> Result {
    let mut over = Vec::new();
    let mut files = Vec::new();
    for root in ROOTS {
        rust_files(&repo.join(root), &mut files)?;
    }
    for file in &files {
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        over.extend(problems(&file.display().to_string(), &text));
        over.extend(unlisted_kind_match(repo, file, &text)?);
    }
    if over.is_empty() {
        println!(
            "✓ {} Rust files: none over {MAX_FILE_LINES} lines before its tests, no function over {MAX_FN_LINES} lines",
            files.len()
        );
        return Ok(());
    }
    Err(format!(
        "split these by responsibility (ARCHITECTURE.md):\n  {}",
        over.join("\n  ")
    )
    .into())
}

/// `file` (engine or components) matches on `InputKind` before its tests, but the list in
/// ARCHITECTURE.md does not name it: a new kind would then miss this place.
fn unlisted_kind_match(repo: &Path, file: &Path, text: &str) -> Result<Option<String>> {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or("");
    let path = file
        .strip_prefix(repo)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/");
    let listed_as = match path.strip_prefix("engine/src/") {
        Some(inside) => inside.to_string(),
        None if path.starts_with("components/src/") => path.clone(),
        None => return Ok(None),
    };
    if !before_tests.contains("InputKind::") || listed_as == "definition/model.rs" {
        return Ok(None);
    }
    let architecture = repo.join("ARCHITECTURE.md");
    let doc = fs::read_to_string(&architecture)
        .map_err(|e| format!("{}: {e}", architecture.display()))?;
    let section = doc
        .split_once(KINDS_SECTION)
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or(""))
        .unwrap_or("");
    Ok((!section.contains(&listed_as)).then(|| {
        format!("{path}: matches on InputKind; name it in ARCHITECTURE.md, \"{KINDS_SECTION}\"")
    }))
}

/// What is too long in one file's `text`, each as `path:line: ...`.
fn problems(path: &str, text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let before_tests = lines
        .iter()
        .position(|l| l.trim_start().starts_with("#[cfg(test)]"))
        .unwrap_or(lines.len());
    let mut out = Vec::new();
    if before_tests > MAX_FILE_LINES {
        out.push(format!(
            "{path}: {before_tests} lines before its tests (at most {MAX_FILE_LINES})"
        ));
    }
    for (line, name, length) in functions(&blank_literals(text)) {
        if length > MAX_FN_LINES && line <= before_tests {
            out.push(format!(
                "{path}:{line}: fn {name} has {length} lines (at most {MAX_FN_LINES})"
            ));
        }
    }
    out
}

/// Every function with a body: (1-based line of `fn`, name, lines up to its closing brace).
fn functions(code: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line) else { continue };
        if let Some(end) = body_end(&lines, i) {
            out.push((i + 1, name, end - i + 1));
        }
    }
    out
}

/// The name when `line` starts a function (`pub fn x`, `async fn x`, `const fn x`, ...).
fn fn_name(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "fn")?;
    let qualifiers = ["pub", "const", "async", "unsafe", "extern", "default"];
    let before_ok = words[..at]
        .iter()
        .all(|w| qualifiers.contains(w) || w.starts_with("pub(") || w.starts_with('"'));
    let name: String = words
        .get(at + 1)?
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (before_ok && !name.is_empty()).then_some(name)
}

/// The line where the body opened at or after line `start` closes; None for a declaration
/// without a body (`fn x();` in a trait).
fn body_end(lines: &[&str], start: usize) -> Option<usize> {
    let mut depth = 0i64;
    let mut opened = false;
    for (k, line) in lines.iter().enumerate().skip(start) {
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                ';' if !opened && depth == 0 => return None,
                _ => {}
            }
            if opened && depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// `text` with comments, string literals (raw ones too) and char literals replaced by spaces,
/// newlines kept, so braces inside them do not count.
fn blank_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let end = literal_end(&chars, i);
        if end > i {
            out.extend(
                chars[i..end]
                    .iter()
                    .map(|&c| if c == '\n' { '\n' } else { ' ' }),
            );
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Where a comment or literal that starts at `i` ends (exclusive); `i` when none starts there.
fn literal_end(c: &[char], i: usize) -> usize {
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let find = |from: usize, pat: &[char]| {
        (from..c.len())
            .find(|&k| c[k..].starts_with(pat))
            .map_or(c.len(), |k| k + pat.len())
    };
    let word_before = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
    match (at(i), at(i + 1)) {
        ('/', '/') => (i..c.len()).find(|&k| c[k] == '\n').unwrap_or(c.len()),
        ('/', '*') => find(i + 2, &['*', '/']),
        ('r', '"' | '#') if !word_before => {
            let hashes = (i + 1..c.len()).take_while(|&k| c[k] == '#').count();
            if at(i + 1 + hashes) != '"' {
                return i;
            }
            let mut close = vec!['"'];
            close.extend(std::iter::repeat_n('#', hashes));
            find(i + 2 + hashes, &close)
        }
        ('"', _) => {
            let mut k = i + 1;
            while k < c.len() && c[k] != '"' {
                k += if c[k] == '\\' { 2 } else { 1 };
            }
            (k + 1).min(c.len())
        }
        ('\'', _) => char_literal_end(c, i),
        _ => i,
    }
}

/// The end of a char literal at `i` (`'a'`, `'\n'`, `'\u{1F600}'`), or `i` for a lifetime.
fn char_literal_end(c: &[char], i: usize) -> usize {
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    if at(i + 1) == '\\' {
        let close = (i + 2..c.len().min(i + 12)).find(|&k| c[k] == '\'');
        return close.map_or(i, |k| k + 1);
    }
    if at(i + 2) == '\'' { i + 3 } else { i }
}

/// Every `.rs` file under `dir`, leaving out test files (`tests/` folders, `tests.rs`) and
/// `target/`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    if !dir.exists() {
        return Ok(());
    }
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !matches!(name, "tests" | "target" | "node_modules") {
                rust_files(&path, out)?;
            }
        } else if name.ends_with(".rs") && name != "tests.rs" {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize) -> String {
        (0..n).map(|k| format!("    let x{k} = 1;\n")).collect()
    }

    #[test]
    fn this_repository_keeps_its_shape() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        if let Err(e) = check_in(&repo) {
            panic!("{e}");
        }
    }

    #[test]
    fn a_long_function_is_named_with_its_line() {
        let text = format!(
            "fn short() {{}}\n\npub fn long() {{\n{}}}\n",
            body(MAX_FN_LINES)
        );
        let found = problems("a.rs", &text);
        assert_eq!(
            found,
            vec![format!(
                "a.rs:3: fn long has {} lines (at most {MAX_FN_LINES})",
                MAX_FN_LINES + 2
            )]
        );
    }

    #[test]
    fn braces_in_strings_comments_and_chars_do_not_count() {
        let text = "fn a() {\n    let s = \"}}}\";\n    // }\n    let c = '}';\n    let r = r#\"}\"#;\n    /* } */\n}\nfn b<'a>(x: &'a str) -> &'a str {\n    x\n}\n";
        let f = functions(&blank_literals(text));
        assert_eq!(f, vec![(1, "a".to_string(), 7), (8, "b".to_string(), 3)]);
    }

    #[test]
    fn tests_and_declarations_are_not_counted() {
        let long_test = format!(
            "#[cfg(test)]\nmod tests {{\n    fn t() {{\n{}    }}\n}}\n",
            body(300)
        );
        assert!(problems("a.rs", &long_test).is_empty());
        assert!(functions("trait T {\n    fn x(&self);\n}\n").is_empty());
    }

    #[test]
    fn a_long_file_is_counted_before_its_tests() {
        let text = "const X: u8 = 0;\n".repeat(MAX_FILE_LINES + 1);
        assert_eq!(problems("a.rs", &text).len(), 1);
        let with_tests = format!(
            "{}#[cfg(test)]\n{}",
            "const X: u8 = 0;\n".repeat(10),
            "x\n".repeat(2000)
        );
        assert!(problems("a.rs", &with_tests).is_empty());
    }
}
