//! Generates `Key` (every fixed interface string), `Key::ALL` and `Key::get` from the
//! catalogue: one TOML file per language in `catalogue/`, `Key = "text"`. The build fails,
//! naming the file and the key, when a language lacks a key of the default language (nl), holds
//! a key that nl does not have, a key is not a Rust name, or a value is not text.

use std::fmt::Write as _;
use std::path::Path;

/// The languages of the catalogue with their `Lang` variant (engine/src/wording/text.rs); the
/// first is the default, whose file defines the keys.
const LANGUAGES: [(&str, &str); 2] = [("nl", "Nl"), ("en", "En")];
const DIR: &str = "catalogue";

fn main() {
    println!("cargo::rerun-if-changed={DIR}");
    let tables: Vec<(&str, &str, toml::Table)> = LANGUAGES
        .iter()
        .map(|&(code, variant)| (code, variant, read(code)))
        .collect();
    check_no_other_files();
    let (default_code, _, default) = &tables[0];
    let keys: Vec<&String> = default.keys().collect();
    for key in &keys {
        if !is_key(key) {
            fail(&format!(
                "components/{DIR}/{default_code}.toml: `{key}` is not a key (a name like `BackToAdvisor`: a capital, then letters and digits)"
            ));
        }
    }
    for (code, _, table) in &tables {
        for key in &keys {
            match table.get(key.as_str()) {
                Some(toml::Value::String(_)) => {}
                Some(_) => fail(&format!(
                    "components/{DIR}/{code}.toml: `{key}` must be text in quotes"
                )),
                None => fail(&format!(
                    "components/{DIR}/{code}.toml: `{key}` is missing (it is in {default_code}.toml)"
                )),
            }
        }
        if let Some(extra) = table.keys().find(|k| !default.contains_key(k.as_str())) {
            fail(&format!(
                "components/{DIR}/{code}.toml: `{extra}` is not a key of {default_code}.toml (spelled differently, or add it there first)"
            ));
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogue.rs");
    std::fs::write(&out, generate(&keys, &tables)).unwrap();
}

/// The catalogue of one language.
fn read(code: &str) -> toml::Table {
    let path = format!("{DIR}/{code}.toml");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("components/{path}: {e}")));
    text.parse::<toml::Table>()
        .unwrap_or_else(|e| fail(&format!("components/{path}: {e}")))
}

/// A file for a language the app cannot show yet would be ignored without a word: refuse it.
fn check_no_other_files() {
    for entry in std::fs::read_dir(DIR).unwrap_or_else(|e| fail(&format!("components/{DIR}: {e}")))
    {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let known = LANGUAGES
            .iter()
            .any(|(code, _)| name == format!("{code}.toml"));
        if name.ends_with(".toml") && !known {
            fail(&format!(
                "components/{DIR}/{name}: a language this build does not list yet: add it to LANGUAGES in components/build.rs and to `Lang` in engine/src/wording/text.rs"
            ));
        }
    }
}

fn is_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_uppercase())
        && key.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The Rust source of `Key`.
fn generate(keys: &[&String], tables: &[(&str, &str, toml::Table)]) -> String {
    let text = |table: &toml::Table, key: &str| format!("{:?}", table[key].as_str().unwrap());
    let mut s = String::from(
        "/// A fixed interface string (components/catalogue/).\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n",
    );
    for key in keys {
        let nl = text(&tables[0].2, key);
        writeln!(s, "    /// nl: {}\n    {key},", nl.trim_matches('"')).unwrap();
    }
    s.push_str("}\n\nimpl Key {\n    /// Every key (for completeness tests).\n    pub const ALL: &'static [Key] = &[\n");
    for key in keys {
        writeln!(s, "        Key::{key},").unwrap();
    }
    s.push_str("    ];\n\n    /// The string in `lang`.\n    pub fn get(self, lang: Lang) -> &'static str {\n        match (self, lang) {\n");
    for key in keys {
        for (_, variant, table) in tables {
            writeln!(
                s,
                "            (Key::{key}, Lang::{variant}) => {},",
                text(table, key)
            )
            .unwrap();
        }
    }
    s.push_str("        }\n    }\n}\n");
    s
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    panic!("{message}");
}
