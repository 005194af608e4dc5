//! `cargo xtask size`: raw and gzip -9 sizes of what a browser downloads.

use crate::exec::{Result, cmd, stdout_of};
use crate::tiers::DIST;
use std::fs;
use std::path::{Path, PathBuf};

const KINDS: [&str; 3] = ["wasm", "js", "css"];
const REPORT: &str = "target/size.json";

struct Entry {
    /// Path relative to dist/.
    path: String,
    kind: &'static str,
    raw: u64,
    gzip: u64,
}

pub fn report() -> Result {
    let dist = Path::new(DIST);
    if !dist.is_dir() {
        return Err(format!("{DIST}/ does not exist: run `cargo xtask build` first").into());
    }
    let mut entries = Vec::new();
    for path in files(dist)? {
        if let Some(kind) = kind_of(&path) {
            entries.push(measure(dist, &path, kind)?);
        }
    }
    entries.sort_by(|a, b| (a.kind, &a.path).cmp(&(b.kind, &b.path)));
    if entries.is_empty() {
        return Err(format!("no .wasm, .js or .css files in {DIST}/").into());
    }
    // The widget (dist/embed/, without the demo pages) is a copy of the site's files with
    // stable names: count it apart, as what a host page downloads for one widget.
    let (widget, site): (Vec<Entry>, Vec<Entry>) = entries
        .into_iter()
        .filter(|e| !e.path.starts_with("embed/demo/"))
        .partition(|e| e.path.starts_with("embed/"));
    print_table(&site);
    if !widget.is_empty() {
        let (raw, gzip) = totals(widget.iter());
        println!(
            "widget (embed/: loader, app JS, wasm, CSS): {} raw, {} gzip -9 (budget {} gzip)",
            kib(raw),
            kib(gzip),
            kib(WIDGET_BUDGET)
        );
    }
    write_json(&site, &widget)
}

/// What a host page may download for one widget, gzipped (issue 6).
const WIDGET_BUDGET: u64 = 150 * 1024;

/// All files under `dir`, recursively (Trunk puts JS snippets in subfolders).
fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let listing =
        fs::read_dir(dir).map_err(|err| format!("cannot list {}: {err}", dir.display()))?;
    for entry in listing {
        let path = entry
            .map_err(|err| format!("cannot list {}: {err}", dir.display()))?
            .path();
        if path.is_dir() {
            found.extend(files(&path)?);
        } else {
            found.push(path);
        }
    }
    Ok(found)
}

fn kind_of(path: &Path) -> Option<&'static str> {
    let extension = path.extension()?.to_str()?;
    KINDS.into_iter().find(|kind| *kind == extension)
}

fn measure(dist: &Path, path: &Path, kind: &'static str) -> Result<Entry> {
    let raw = fs::metadata(path)
        .map_err(|err| format!("cannot read {}: {err}", path.display()))?
        .len();
    let gzip = stdout_of(&mut cmd(
        "gzip",
        &["-9", "-c", "-n", &path.to_string_lossy()],
    ))?
    .len();
    let relative = path.strip_prefix(dist).unwrap_or(path);
    Ok(Entry {
        path: relative.to_string_lossy().into_owned(),
        kind,
        raw,
        gzip: gzip as u64,
    })
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn print_table(entries: &[Entry]) {
    let width = entries
        .iter()
        .map(|e| e.path.len())
        .max()
        .unwrap_or(4)
        .max(5);
    println!("bundle size of {DIST}/ (gzip -9 is roughly what travels over the network)");
    println!("{:<width$}  {:>12}  {:>12}", "file", "raw", "gzip -9");
    for entry in entries {
        println!(
            "{:<width$}  {:>12}  {:>12}",
            entry.path,
            kib(entry.raw),
            kib(entry.gzip)
        );
    }
    for kind in KINDS {
        let (raw, gzip) = totals(entries.iter().filter(|e| e.kind == kind));
        println!(
            "{:<width$}  {:>12}  {:>12}",
            format!("all .{kind}"),
            kib(raw),
            kib(gzip)
        );
    }
    let (raw, gzip) = totals(entries.iter());
    println!("{:<width$}  {:>12}  {:>12}", "total", kib(raw), kib(gzip));
}

fn totals<'a>(entries: impl Iterator<Item = &'a Entry>) -> (u64, u64) {
    entries.fold((0, 0), |(raw, gzip), e| (raw + e.raw, gzip + e.gzip))
}

/// target/size.json, bytes everywhere, for scripts and CI history.
fn write_json(entries: &[Entry], widget: &[Entry]) -> Result {
    let files: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "    {{\"path\": {}, \"kind\": \"{}\", \"raw\": {}, \"gzip\": {}}}",
                json_string(&e.path),
                e.kind,
                e.raw,
                e.gzip
            )
        })
        .collect();
    let kinds: Vec<String> = KINDS
        .iter()
        .map(|kind| {
            let (raw, gzip) = totals(entries.iter().filter(|e| e.kind == *kind));
            format!("    \"{kind}\": {{\"raw\": {raw}, \"gzip\": {gzip}}}")
        })
        .collect();
    let (raw, gzip) = totals(entries.iter());
    let (widget_raw, widget_gzip) = totals(widget.iter());
    let json = format!(
        "{{\n  \"unit\": \"bytes\",\n  \"files\": [\n{}\n  ],\n  \"by_kind\": {{\n{}\n  }},\n  \"total\": {{\"raw\": {raw}, \"gzip\": {gzip}}},\n  \"widget\": {{\"raw\": {widget_raw}, \"gzip\": {widget_gzip}, \"budget_gzip\": {WIDGET_BUDGET}}}\n}}\n",
        files.join(",\n"),
        kinds.join(",\n"),
    );
    fs::create_dir_all("target").map_err(|err| format!("cannot create target/: {err}"))?;
    fs::write(REPORT, json).map_err(|err| format!("cannot write {REPORT}: {err}"))?;
    println!("written to {REPORT}");
    Ok(())
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn escapes_json_strings() {
        assert_eq!(json_string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(json_string("tab\t"), "\"tab\\u0009\"");
    }
}
