//! For the designer playground (`src/bin/playground.rs`): every built-in advisor as written
//! (its TOML with the comments, and its test cases), so a designer can start from a copy.
//!
//! The site and the widget hold no advisor: the build (`crates/prerender`) writes each one as a
//! JSON file of its own and into its page.

use std::path::{Path, PathBuf};

// The same rule for which folders are advisors as the prerender step.
#[path = "crates/prerender/src/listing.rs"]
mod listing;

/// Every folder under `advisors/` with a `definition.toml` is a built-in advisor (folders whose
/// name starts with `_` or `.` are skipped): `listing::advisor_ids`, shared with
/// `crates/prerender`.
fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=advisors");
    let ids = listing::advisor_ids(Path::new("advisors")).unwrap_or_else(|e| fail(&e));
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut sources = String::from(
        "/// Built-in advisors as written: (id, definition TOML, cases TOML). By build.rs.\n\
         pub const BUILT_IN_SOURCES: &[(&str, &str, &str)] = &[\n",
    );
    for id in &ids {
        let definition = format!("advisors/{id}/definition.toml");
        let cases = format!("advisors/{id}/cases.toml");
        println!("cargo::rerun-if-changed={definition}");
        println!("cargo::rerun-if-changed={cases}");
        let cases = if Path::new(&cases).is_file() {
            format!("include_str!({:?})", format!("{root}/{cases}"))
        } else {
            "\"\"".to_string()
        };
        sources += &format!(
            "    (\"{id}\", include_str!({:?}), {cases}),\n",
            format!("{root}/{definition}")
        );
    }
    sources += "];\n";
    let path = out.join("built_in_sources.rs");
    std::fs::write(&path, sources).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error in build.rs: {message}");
    std::process::exit(1);
}
