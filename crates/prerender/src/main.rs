//! `advies-prerender`: the build step after the app's wasm (see `xtask/src/pipeline.rs`).
//!
//! It renders the site's pages with the same Leptos components the wasm hydrates (Leptos
//! `ssr`, natively), so every page is real HTML: readable without JavaScript and on screen
//! before the wasm has arrived. It writes
//!
//! - `index.html`, `en/index.html`: the gallery (static, no wasm);
//! - `<id>/index.html`, `<id>/en/index.html`: each built-in advisor's page, with its
//!   definition (JSON) inside, hydrated by the app;
//! - `playground/index.html`: the playground's page (its own wasm);
//! - `embed/advisors/`: each advisor as a hashed JSON file and its widget views, and
//!   `embed/advies-module.js`, the loader with the manifest of those names, and
//!   `embed/advies-contrast.<hash>.js`, the contrast guard it fetches under a theme.
//!
//! It also places the wasm builds (`assets.rs`): the app's files with the citizen's style sheet
//! in `embed/<hash>/`, the playground's with its own in `playground/<hash>/` (`style.rs`), and the demo host pages in
//! `embed/demo/`, with a page per NL Design System theme (`theme_demos.rs`). The widget's
//! tokens that follow such a theme come from `style/nl-design-system.toml` (`theme_map.rs`).
//!
//! Usage, from the repository's root: `advies-prerender <dist> <app files> <playground files>`,
//! the two folders as `xtask/src/pipeline.rs` leaves them (wasm-bindgen's output and the
//! split chunks). `<dist>` is emptied first.

mod advisors;
mod assets;
mod hash;
mod listing;
mod pages;
mod render;
mod style;
mod theme_demos;
mod theme_map;
mod widget;

use std::path::Path;
use std::process::ExitCode;

use pages::{App, Page};

const GLUE: &str = "adviesmodule.js";
const WASM: &str = "adviesmodule_bg.wasm";
const CSS: &str = "advies-module.css";
const PLAYGROUND_GLUE: &str = "playground.js";
const PLAYGROUND_WASM: &str = "playground_bg.wasm";
const LOADER_SOURCE: &str = "embed/advies-module.js";
const GUARD_SOURCE: &str = "embed/advies-contrast.js";
const DEMO: &str = "embed/demo";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist, app_files, playground_files] = args.as_slice() else {
        eprintln!("usage: advies-prerender <dist> <app files> <playground files>");
        return ExitCode::from(2);
    };
    match run(
        Path::new(dist),
        Path::new(app_files),
        Path::new(playground_files),
    ) {
        Ok(count) => {
            println!("✓ {count} pages and files written by advies-prerender");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path, app_files: &Path, playground_files: &Path) -> Result<usize, String> {
    let advisors = advisors::read_all(Path::new("advisors"))?;
    if dist.exists() {
        std::fs::remove_dir_all(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    }
    let style_dir = Path::new(style::STYLE_DIR);
    style::check_all_bundled(style_dir)?;
    let theme_map = theme_map::ThemeMap::read(Path::new("."))?;
    let theme_tokens = theme_map.css();
    let citizen_css = style::citizen().read(style_dir, &theme_tokens)?;
    let playground_css = style::playground().read(style_dir, &theme_tokens)?;
    let app_dir = assets::place(app_files, citizen_css, CSS, dist, "embed")?;
    let playground_dir = assets::place(playground_files, playground_css, CSS, dist, "playground")?;
    let demos = assets::copy_all(Path::new(DEMO), &dist.join("embed/demo"))?;
    let theme_demos = theme_demos::files(Path::new("."), &theme_map)?;
    let app = App {
        dir: &app_dir,
        glue: GLUE,
        wasm: WASM,
        css: CSS,
    };
    let mut pages: Vec<Page> = pages::galleries(&advisors, &app);
    for b in &advisors {
        pages.extend(pages::advisor_pages(b, &app));
    }
    pages.push(pages::playground(
        &playground_dir,
        PLAYGROUND_GLUE,
        PLAYGROUND_WASM,
        CSS,
    ));
    let in_embed = app_dir
        .strip_prefix("embed/")
        .ok_or_else(|| format!("the app's folder `{app_dir}` must be under embed/"))?;
    let guard_source =
        std::fs::read_to_string(GUARD_SOURCE).map_err(|e| format!("{GUARD_SOURCE}: {e}"))?;
    let guard = widget::contrast_guard(&guard_source, &theme_map.contrast_checks())?;
    let contrast = serde_json::json!({
        "module": guard.path,
        "tokens": theme_map.contrast_tokens(),
    });
    let (mut files, manifest) = widget::advisor_files(&advisors, &app, in_embed, contrast);
    files.push(guard);
    let source =
        std::fs::read_to_string(LOADER_SOURCE).map_err(|e| format!("{LOADER_SOURCE}: {e}"))?;
    let loader = widget::loader(&source, &manifest)?;
    let mut count = 0;
    for page in &pages {
        write(&dist.join(&page.path), &page.html)?;
        count += 1;
    }
    for file in &files {
        write(&dist.join("embed").join(&file.path), &file.text)?;
        count += 1;
    }
    for file in &theme_demos {
        write(&dist.join("embed/demo").join(&file.path), &file.bytes)?;
        count += 1;
    }
    write(&dist.join("embed/advies-module.js"), &loader)?;
    Ok(count + 1 + demos)
}

fn write(path: &Path, text: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
