//! `dist/embed/`: the widget with stable file names, next to the standalone site.
//!
//! Trunk writes the site with hashed names (`adviesmodule-<hash>.js`, `..._bg.wasm`,
//! `main-<hash>.css`). A host page needs names that do not change between releases, so this
//! copies them to `dist/embed/advies-module-app.js`, `advies-module_bg.wasm` and
//! `advies-module.css`, adds the loader `embed/advies-module.js` and the demo host pages
//! `embed/demo/*`.

use std::fs;
use std::path::Path;

use crate::exec::Result;

/// Source folder of the loader and the demo pages.
const SOURCE: &str = "embed";

/// Writes `<dist>/embed/` from the Trunk output in `dist`.
pub fn write(dist: &Path) -> Result {
    let out = dist.join("embed");
    fs::create_dir_all(out.join("demo"))
        .map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let names: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("cannot list {}: {e}", dist.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let find = |what: &str, pick: &dyn Fn(&str) -> bool| -> std::result::Result<String, String> {
        let found: Vec<&String> = names.iter().filter(|n| pick(n)).collect();
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(format!(
                "no {what} in {}: build the site first",
                dist.display()
            )),
            _ => Err(format!(
                "more than one {what} in {}: {found:?}",
                dist.display()
            )),
        }
    };
    let wasm = find("app wasm", &|n| {
        n.starts_with("adviesmodule-") && n.ends_with("_bg.wasm")
    })?;
    let glue = find("app JS", &|n| {
        n.starts_with("adviesmodule-") && n.ends_with(".js")
    })?;
    let css = find("style sheet", &|n| {
        n.starts_with("main-") && n.ends_with(".css")
    })?;
    copy(&dist.join(&wasm), &out.join("advies-module_bg.wasm"))?;
    copy(&dist.join(&glue), &out.join("advies-module-app.js"))?;
    copy(&dist.join(&css), &out.join("advies-module.css"))?;
    copy(
        &Path::new(SOURCE).join("advies-module.js"),
        &out.join("advies-module.js"),
    )?;
    let demo = Path::new(SOURCE).join("demo");
    for entry in fs::read_dir(&demo).map_err(|e| format!("cannot list {}: {e}", demo.display()))? {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", demo.display()))?;
        if entry.path().is_file() {
            copy(&entry.path(), &out.join("demo").join(entry.file_name()))?;
        }
    }
    println!("✓ widget written to {}", out.display());
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()).into())
}
