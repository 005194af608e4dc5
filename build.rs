//! Converts the built-in advisor definitions (TOML, written by designers) to JSON at build
//! time, so the web app needs no TOML reader (smaller wasm). Each definition is validated
//! here: a definition with an error stops the build with the same messages the page would
//! show. The JSON is checked to read back to the same definition.

use std::path::{Path, PathBuf};

use advies_engine::Advisor;

/// Built-in advisors: folder names under `advisors/`.
const BUILT_IN: &[&str] = &["ret"];

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for id in BUILT_IN {
        let path = format!("advisors/{id}/definition.toml");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
        let json = to_json(&text, &path);
        write(&out.join(format!("{id}.json")), &json);
    }
}

/// The definition in `text` as JSON, after validation and a read-back check.
fn to_json(text: &str, file: &str) -> String {
    let advisor = Advisor::parse(text, file).unwrap_or_else(|diagnostics| {
        let lines: Vec<String> = diagnostics.0.iter().map(|d| d.to_string()).collect();
        fail(&lines.join("\n"))
    });
    let json = serde_json::to_string(&advisor.def).unwrap_or_else(|e| fail(&e.to_string()));
    let json_file = file.replace(".toml", ".json");
    let again = Advisor::parse(&json, &json_file).unwrap_or_else(|diagnostics| {
        let lines: Vec<String> = diagnostics.0.iter().map(|d| d.to_string()).collect();
        fail(&format!(
            "{file} as JSON does not read back:\n{}",
            lines.join("\n")
        ))
    });
    let same = serde_json::to_value(&advisor.def).ok() == serde_json::to_value(&again.def).ok();
    if !same {
        fail(&format!("{file} as JSON reads back to another definition"));
    }
    json
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error in a built-in advisor definition:\n{message}");
    std::process::exit(1);
}
