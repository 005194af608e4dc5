//! Converts the built-in advisor definitions (TOML, written by designers) to JSON at build
//! time, so the web app needs no TOML reader (smaller wasm). Each definition is validated
//! here: a definition with an error stops the build with the same messages the page would
//! show. The JSON is checked to read back to the same definition.

use std::path::{Path, PathBuf};

/// Every folder under `advisors/` with a `definition.toml` is a built-in advisor (folders whose
/// name starts with `_` or `.` are skipped). Adding an advisor needs no Rust: this script
/// writes `built_in.rs` (the list the app includes) next to the JSON.
fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=advisors");
    let mut ids: Vec<String> = std::fs::read_dir("advisors")
        .unwrap_or_else(|e| fail(&format!("advisors/: {e}")))
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("definition.toml").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('_') && !name.starts_with('.'))
        .collect();
    ids.sort();
    let mut list = String::from(
        "/// Built-in advisors, sorted by id: (id, definition JSON, file name for messages).\n\
         /// Written by build.rs from `advisors/*/definition.toml`.\n\
         pub const BUILT_IN: &[(&str, &str, &str)] = &[\n",
    );
    for id in &ids {
        let path = format!("advisors/{id}/definition.toml");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
        let json = to_json(&text, &path);
        let advisor_id = serde_json::from_str::<serde_json::Value>(&json)
            .ok()
            .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_owned));
        if advisor_id.as_deref() != Some(id.as_str()) {
            fail(&format!(
                "{path}: the id ({}) must be the folder name ({id})",
                advisor_id.unwrap_or_default()
            ));
        }
        write(&out.join(format!("{id}.json")), &json);
        list += &format!(
            "    (\"{id}\", include_str!(concat!(env!(\"OUT_DIR\"), \"/{id}.json\")), \"advisors/{id}/definition.json\"),\n"
        );
    }
    list += "];\n";
    write(&out.join("built_in.rs"), &list);
    // For the playground: the original TOML with its comments, and the test cases.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut sources = String::from(
        "/// Built-in advisors as written: (id, definition TOML, cases TOML). By build.rs.\n\
         pub const BUILT_IN_SOURCES: &[(&str, &str, &str)] = &[\n",
    );
    for id in &ids {
        let cases = format!("advisors/{id}/cases.toml");
        println!("cargo::rerun-if-changed={cases}");
        let cases = if Path::new(&cases).is_file() {
            format!("include_str!({:?})", format!("{root}/{cases}"))
        } else {
            "\"\"".to_string()
        };
        sources += &format!(
            "    (\"{id}\", include_str!({:?}), {cases}),\n",
            format!("{root}/advisors/{id}/definition.toml")
        );
    }
    sources += "];\n";
    write(&out.join("built_in_sources.rs"), &sources);
}

/// The definition in `text` as JSON, after validation and a read-back check (the same
/// conversion as `cargo xtask advisor json`).
fn to_json(text: &str, file: &str) -> String {
    advies_engine::cli::definition_json(text, file, advies_engine::cli::JsonStyle::Compact)
        .unwrap_or_else(|e| fail(&e.to_string()))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error in a built-in advisor definition:\n{message}");
    std::process::exit(1);
}
