//! `cargo xtask size`: what a browser downloads, raw and gzip -9, and what fills the wasm.
//!
//! Per page and for the widget it reports three figures:
//! - **first paint**: the files needed before the first advice is on screen (the page's HTML,
//!   or for the widget its loader and the view the build rendered, with the style sheet);
//! - **first load**: every file fetched before the first advice responds to an answer (those,
//!   plus the app's JS and the main part of its wasm, and for the widget the definition);
//! - **total**: with the exploration chunk, which comes after the first advice.
//!
//! The profile (`twiggy`) reads the main part of the app's wasm as it was before wasm-opt
//! (`target/size-profile/`, with function names): bytes per crate and the 20 largest items.

use crate::exec::{Result, cmd, stdout_of};
use crate::pipeline::{DIST, PROFILE_DIR};
use std::fs;
use std::path::{Path, PathBuf};

mod profile;

const REPORT: &str = "target/size.json";
/// What a host page may download before the widget's first advice responds (issue 15).
const FIRST_LOAD_BUDGET: u64 = 150 * 1024;
/// All the widget's files (issue 15).
const TOTAL_BUDGET: u64 = 350 * 1024;
/// The advisor whose page and widget are measured.
const ADVISOR: &str = "ret";

/// One file as the browser gets it.
#[derive(Clone)]
struct Entry {
    /// Path under dist/.
    path: String,
    raw: u64,
    gzip: u64,
}

/// A named set of files.
struct Bundle {
    name: &'static str,
    what: &'static str,
    first_paint: Vec<Entry>,
    first_load: Vec<Entry>,
    total: Vec<Entry>,
}

pub fn report() -> Result {
    let dist = Path::new(DIST);
    if !dist.join("index.html").is_file() {
        return Err(format!("{DIST}/ has no site: run `cargo xtask build` first").into());
    }
    let app = app_dir(dist)?;
    let bundles = bundles(dist, &app)?;
    for bundle in &bundles {
        print_bundle(bundle);
    }
    let start = measure(dist, "index.html")?;
    let start_wasm = fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{DIST}/index.html: {e}"))?
        .contains(".wasm");
    println!(
        "start page (gallery): index.html {} gzip, loads {}",
        kib(start.gzip),
        if start_wasm {
            "WASM (it should not)"
        } else {
            "no wasm"
        }
    );
    let profile = profile::read(&Path::new(PROFILE_DIR).join("adviesmodule.wasm"))?;
    profile::print(&profile);
    write_json(&bundles, &start, start_wasm, &profile)
}

/// `embed/<hash>/`: the app's folder (the one with the app's wasm).
fn app_dir(dist: &Path) -> Result<String> {
    let embed = dist.join("embed");
    let found: Vec<String> = fs::read_dir(&embed)
        .map_err(|e| format!("{}: {e}", embed.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("adviesmodule_bg.wasm").is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    match found.as_slice() {
        [one] => Ok(format!("embed/{one}/")),
        [] => Err(format!(
            "no app folder with adviesmodule_bg.wasm in {}",
            embed.display()
        )
        .into()),
        more => Err(format!("more than one app folder in {}: {more:?}", embed.display()).into()),
    }
}

/// The advisor's files under `embed/advisors/` whose names start with `prefix.` and end with
/// `ext` after the hash.
fn advisor_file(dist: &Path, prefix: &str, ext: &str) -> Result<String> {
    hashed_file(dist, "embed/advisors", prefix, ext)
}

/// The one `<prefix>.<16 hex>.<ext>` in `folder` (under dist/), as a path from dist/.
fn hashed_file(dist: &Path, folder: &str, prefix: &str, ext: &str) -> Result<String> {
    let dir = dist.join(folder);
    let found: Vec<String> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            n.strip_prefix(&format!("{prefix}."))
                .and_then(|rest| rest.strip_suffix(ext))
                .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(format!("{folder}/{one}")),
        _ => Err(format!(
            "expected one {prefix}.<hash>{ext} in {}, found {found:?}",
            dir.display()
        )
        .into()),
    }
}

fn bundles(dist: &Path, app: &str) -> Result<Vec<Bundle>> {
    let m = |path: &str| measure(dist, path);
    let css = m(&format!("{app}advies-module.css"))?;
    let code = vec![
        m(&format!("{app}adviesmodule.js"))?,
        m(&format!("{app}__wasm_split.js"))?,
        m(&format!("{app}adviesmodule_bg.wasm"))?,
    ];
    let chunks: Vec<Entry> = files(&dist.join(app))?
        .iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .filter(|n| n.ends_with(".wasm") && n != "adviesmodule_bg.wasm")
        .map(|n| m(&format!("{app}{n}")))
        .collect::<Result<_>>()?;
    let page = m(&format!("{ADVISOR}/index.html"))?;
    let site_paint = vec![page, css.clone()];
    let site_load = [site_paint.clone(), code.clone()].concat();
    let loader = m("embed/advies-module.js")?;
    let view = m(&advisor_file(dist, &format!("{ADVISOR}.nl"), ".html")?)?;
    let json = m(&advisor_file(dist, ADVISOR, ".json")?)?;
    let widget_paint = vec![loader, view, css];
    let widget_load = [widget_paint.clone(), code, vec![json]].concat();
    let guard = m(&hashed_file(dist, "embed", "advies-contrast", ".js")?)?;
    let themed_load = [widget_load.clone(), vec![guard]].concat();
    Ok(vec![
        Bundle {
            name: "site",
            what: "the RET page, /ret/",
            total: [site_load.clone(), chunks.clone()].concat(),
            first_paint: site_paint,
            first_load: site_load,
        },
        Bundle {
            name: "widget",
            what: "one RET widget on a host page",
            total: [widget_load.clone(), chunks.clone()].concat(),
            first_paint: widget_paint.clone(),
            first_load: widget_load,
        },
        Bundle {
            name: "widget-themed",
            what: "the same under an NL Design System theme, with the contrast guard",
            total: [themed_load.clone(), chunks].concat(),
            first_paint: widget_paint,
            first_load: themed_load,
        },
    ])
}

/// All files under `dir`, recursively.
fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            found.extend(files(&path)?);
        } else {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

fn measure(dist: &Path, path: &str) -> Result<Entry> {
    let file = dist.join(path);
    let raw = fs::metadata(&file)
        .map_err(|err| format!("cannot read {}: {err}", file.display()))?
        .len();
    let gzip = stdout_of(&mut cmd(
        "gzip",
        &["-9", "-c", "-n", &file.to_string_lossy()],
    ))?
    .len();
    Ok(Entry {
        path: path.to_string(),
        raw,
        gzip: gzip as u64,
    })
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn gzip_of(entries: &[Entry]) -> u64 {
    entries.iter().map(|e| e.gzip).sum()
}

fn print_bundle(b: &Bundle) {
    println!("{} ({}), gzip -9:", b.name, b.what);
    for e in &b.total {
        let when = if b.first_paint.iter().any(|p| p.path == e.path) {
            "first paint"
        } else if b.first_load.iter().any(|p| p.path == e.path) {
            "first load"
        } else {
            "later"
        };
        println!(
            "  {:<58} {:>11} {:>11}  {when}",
            e.path,
            kib(e.raw),
            kib(e.gzip)
        );
    }
    println!(
        "  first paint {}, first load {} (budget {}), total {} (budget {})\n",
        kib(gzip_of(&b.first_paint)),
        kib(gzip_of(&b.first_load)),
        kib(FIRST_LOAD_BUDGET),
        kib(gzip_of(&b.total)),
        kib(TOTAL_BUDGET),
    );
}

/// target/size.json: bytes everywhere, for scripts and CI history.
fn write_json(
    bundles: &[Bundle],
    start: &Entry,
    start_wasm: bool,
    profile: &profile::Profile,
) -> Result {
    let mut parts = vec!["  \"unit\": \"bytes\"".to_string()];
    for b in bundles {
        let files: Vec<String> = b
            .total
            .iter()
            .map(|e| {
                format!(
                    "{{\"path\": {}, \"raw\": {}, \"gzip\": {}}}",
                    json_string(&e.path),
                    e.raw,
                    e.gzip
                )
            })
            .collect();
        parts.push(format!(
            "  \"{}\": {{\"first_paint_gzip\": {}, \"first_load_gzip\": {}, \"total_gzip\": {}, \"files\": [{}]}}",
            b.name,
            gzip_of(&b.first_paint),
            gzip_of(&b.first_load),
            gzip_of(&b.total),
            files.join(", ")
        ));
    }
    parts.push(format!(
        "  \"start\": {{\"total_gzip\": {}, \"loads_wasm\": {start_wasm}}}",
        start.gzip
    ));
    parts.push(format!(
        "  \"budgets\": {{\"first_load_gzip\": {FIRST_LOAD_BUDGET}, \"total_gzip\": {TOTAL_BUDGET}}}"
    ));
    parts.push(format!("  \"profile\": {}", profile::json(profile)));
    let json = format!("{{\n{}\n}}\n", parts.join(",\n"));
    fs::create_dir_all("target").map_err(|err| format!("cannot create target/: {err}"))?;
    fs::write(REPORT, json).map_err(|err| format!("cannot write {REPORT}: {err}"))?;
    println!("written to {REPORT}");
    Ok(())
}

pub fn json_string(text: &str) -> String {
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
