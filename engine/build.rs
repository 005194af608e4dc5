//! Generates the catalogue code (`wording/catalogue.rs` includes it) from the catalogue: one
//! TOML file per language in `catalogue/` (or in the folder named by `ADVIES_CATALOGUE`, for
//! the third-language test). The languages are the files that are there: `nl.toml` is the
//! default and defines the keys; a translator adds a language by adding a file.
//!
//! Each file has a `[language]` table (its name, number signs, months) and sections of
//! `Key = "text"`. A text without `{placeholders}` becomes a [`Key`]; a text with them becomes
//! a function named after the key (`TippingFrom` -> `tipping_from(lang, value, option)`), its
//! arguments in the order they first appear in nl. The build fails, naming the file and the
//! key, when a key is missing, unknown, not a Rust name, not text, or when a language's
//! placeholders differ from nl's.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const DEFAULT: &str = "nl";
/// Where a value goes in a generated template (followed by its letter); the same in
/// wording/catalogue.rs.
const MARK: char = '\u{1}';
/// What every `[language]` table holds, as text (and `months`, a list of 12).
const LANGUAGE_FIELDS: [&str; 5] = ["name", "english_name", "decimal", "group", "euro"];

fn main() {
    println!("cargo::rerun-if-env-changed=ADVIES_CATALOGUE");
    let dir = std::env::var("ADVIES_CATALOGUE")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("catalogue"));
    println!("cargo::rerun-if-changed={}", dir.display());
    let catalogue = Catalogue::read(&dir).unwrap_or_else(|e| fail(&e));
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogue.rs");
    std::fs::write(&out, catalogue.generate()).unwrap();
}

/// One language's file.
struct Language {
    code: String,
    file: String,
    info: toml::Table,
    /// Every key with its text, in file order (sections flattened).
    texts: Vec<(String, String)>,
}

struct Catalogue {
    /// The default language first, then the others by code.
    languages: Vec<Language>,
}

impl Catalogue {
    fn read(dir: &Path) -> Result<Catalogue, String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        let mut languages = files
            .iter()
            .map(|p| Language::read(p))
            .collect::<Result<Vec<_>, _>>()?;
        let Some(at) = languages.iter().position(|l| l.code == DEFAULT) else {
            return Err(format!(
                "{}: no {DEFAULT}.toml (the default language)",
                dir.display()
            ));
        };
        let default = languages.remove(at);
        languages.insert(0, default);
        let catalogue = Catalogue { languages };
        catalogue.check()?;
        Ok(catalogue)
    }

    fn check(&self) -> Result<(), String> {
        let default = &self.languages[0];
        let mut seen = BTreeSet::new();
        for (key, _) in &default.texts {
            if !is_key(key) {
                return Err(format!(
                    "{}: `{key}` is not a key (a name like `BackToAdvisor`: a capital, then letters and digits)",
                    default.file
                ));
            }
            if !seen.insert(key) {
                return Err(format!("{}: `{key}` is there twice", default.file));
            }
        }
        for lang in &self.languages {
            for (key, text) in &default.texts {
                let Some(theirs) = lang.text(key) else {
                    return Err(format!(
                        "{}: `{key}` is missing (it is in {DEFAULT}.toml)",
                        lang.file
                    ));
                };
                let ours =
                    placeholders(text).map_err(|e| format!("{}: `{key}`: {e}", default.file))?;
                let found =
                    placeholders(theirs).map_err(|e| format!("{}: `{key}`: {e}", lang.file))?;
                let (a, b): (BTreeSet<_>, BTreeSet<_>) =
                    (ours.iter().collect(), found.iter().collect());
                if a != b {
                    return Err(format!(
                        "{}: `{key}` has the placeholders {{{}}}, but {DEFAULT}.toml has {{{}}}",
                        lang.file,
                        join(&found),
                        join(&ours)
                    ));
                }
            }
            if let Some((extra, _)) = lang.texts.iter().find(|(k, _)| default.text(k).is_none()) {
                return Err(format!(
                    "{}: `{extra}` is not a key of {DEFAULT}.toml (spelled differently, or add it there first)",
                    lang.file
                ));
            }
        }
        Ok(())
    }

    /// The Rust source: `Lang`, `Key` and one function per sentence with placeholders.
    fn generate(&self) -> String {
        let mut s = String::new();
        self.generate_lang(&mut s);
        let default = &self.languages[0];
        let fixed: Vec<&(String, String)> = default
            .texts
            .iter()
            .filter(|(_, t)| placeholders(t).unwrap().is_empty())
            .collect();
        let sentences: Vec<&(String, String)> = default
            .texts
            .iter()
            .filter(|(_, t)| !placeholders(t).unwrap().is_empty())
            .collect();
        self.generate_keys(&mut s, &fixed);
        for (key, text) in sentences {
            self.generate_sentence(&mut s, key, text);
        }
        s
    }

    fn generate_lang(&self, s: &mut String) {
        let n = self.languages.len();
        s.push_str(
            "/// An interface language: one per file in the catalogue, the default first.\n\
             #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]\n\
             pub enum Lang {\n",
        );
        for (k, lang) in self.languages.iter().enumerate() {
            let name = lang.info["name"].as_str().unwrap();
            let default = if k == 0 { "    #[default]\n" } else { "" };
            writeln!(
                s,
                "    /// {name} (`{}`).\n{default}    {},",
                lang.code,
                variant(&lang.code)
            )
            .unwrap();
        }
        s.push_str("}\n\nimpl Lang {\n    /// Every language of the catalogue, default first.\n");
        writeln!(s, "    pub const ALL: [Lang; {n}] = [").unwrap();
        for lang in &self.languages {
            writeln!(s, "        Lang::{},", variant(&lang.code)).unwrap();
        }
        s.push_str("    ];\n");
        let field = |name: &str| -> Vec<String> {
            self.languages
                .iter()
                .map(|l| format!("{:?}", l.info[name].as_str().unwrap()))
                .collect()
        };
        let codes: Vec<String> = self
            .languages
            .iter()
            .map(|l| format!("{:?}", l.code))
            .collect();
        for (name, doc, values) in [
            (
                "CODES",
                "The language tags, in the order of [`Lang::ALL`].",
                codes,
            ),
            (
                "NAMES",
                "Each language's name, in that language.",
                field("name"),
            ),
            (
                "ENGLISH_NAMES",
                "Each language's name in English (for authors' messages).",
                field("english_name"),
            ),
            ("DECIMAL", "The decimal sign (`,` in nl).", field("decimal")),
            ("GROUP", "The thousands sign (`.` in nl).", field("group")),
            (
                "EURO",
                "An amount in euro, around `{amount}`.",
                field("euro"),
            ),
        ] {
            writeln!(
                s,
                "    /// {doc}\n    pub const {name}: [&'static str; {n}] = [{}];",
                values.join(", ")
            )
            .unwrap();
        }
        let required: Vec<String> = self
            .languages
            .iter()
            .map(|l| l.required().to_string())
            .collect();
        writeln!(
            s,
            "    /// Whether a definition must have a text in the language (`required` in its\n    \
             /// `[language]` table; true when absent).\n    pub const REQUIRED: [bool; {n}] = [{}];",
            required.join(", ")
        )
        .unwrap();
        let months: Vec<String> = self
            .languages
            .iter()
            .map(|l| format!("{:?}", l.months()))
            .collect();
        writeln!(
            s,
            "    /// The months, January first.\n    pub const MONTHS: [[&'static str; 12]; {n}] = [{}];\n}}\n",
            months.join(", ")
        )
        .unwrap();
    }

    fn generate_keys(&self, s: &mut String, fixed: &[&(String, String)]) {
        s.push_str(
            "/// A fixed text of the catalogue (engine/catalogue/).\n\
             #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n",
        );
        for (key, text) in fixed {
            writeln!(s, "    /// nl: {}\n    {key},", doc_text(text)).unwrap();
        }
        s.push_str("}\n\nimpl Key {\n    /// Every key (for completeness tests).\n    pub const ALL: &'static [Key] = &[\n");
        for (key, _) in fixed {
            writeln!(s, "        Key::{key},").unwrap();
        }
        s.push_str(
            "    ];\n\n    /// The text in `lang`.\n    pub fn get(self, lang: Lang) -> &'static str {\n        \
             let (all, ends) = (TEXTS[lang as usize], ENDS[lang as usize]);\n        \
             let k = self as usize;\n        \
             let start = if k == 0 { 0 } else { ends[k - 1] as usize };\n        \
             all.get(start..ends[k] as usize).unwrap_or(\"\")\n    }\n}\n\n",
        );
        // Per language all texts in one string, and where each ends: two or four bytes a
        // text instead of a pointer and a length.
        let blobs: Vec<(String, Vec<usize>)> = self
            .languages
            .iter()
            .map(|lang| {
                let mut all = String::new();
                let mut ends = Vec::new();
                for (key, _) in fixed {
                    all.push_str(lang.text(key).unwrap());
                    ends.push(all.len());
                }
                (all, ends)
            })
            .collect();
        let wide = blobs
            .iter()
            .any(|(all, _)| all.len() > usize::from(u16::MAX));
        let end_type = if wide { "u32" } else { "u16" };
        let (n, langs) = (fixed.len(), self.languages.len());
        writeln!(s, "static TEXTS: [&str; {langs}] = [").unwrap();
        for (all, _) in &blobs {
            writeln!(s, "    {all:?},").unwrap();
        }
        writeln!(s, "];\n\nstatic ENDS: [[{end_type}; {n}]; {langs}] = [").unwrap();
        for (_, ends) in &blobs {
            let list: Vec<String> = ends.iter().map(usize::to_string).collect();
            writeln!(s, "    [{}],", list.join(", ")).unwrap();
        }
        s.push_str("];\n\n");
    }

    fn generate_sentence(&self, s: &mut String, key: &str, text: &str) {
        let names = placeholders(text).unwrap();
        let function = snake(key);
        let args: String = names.iter().map(|n| format!(", {n}: &str")).collect();
        let values: Vec<&str> = names.iter().map(String::as_str).collect();
        let templates: Vec<String> = self
            .languages
            .iter()
            .map(|l| format!("{:?}", marked(l.text(key).unwrap(), &names)))
            .collect();
        writeln!(
            s,
            "/// nl: {}\npub fn {function}(lang: Lang{args}) -> String {{\n    \
             const T: [&str; {}] = [{}];\n    \
             fill(T[lang as usize], &[{}])\n}}\n",
            doc_text(text),
            templates.len(),
            templates.join(", "),
            values.join(", ")
        )
        .unwrap();
    }
}

/// A template with each `{name}` as [`MARK`] and the letter of its place among `names`
/// (`a` for the first): what `fill` reads at run time, without the names.
fn marked(text: &str, names: &[String]) -> String {
    let mut out = text.to_string();
    for (k, name) in names.iter().enumerate() {
        let letter = char::from(b'a' + u8::try_from(k).unwrap());
        out = out.replace(&format!("{{{name}}}"), &format!("{MARK}{letter}"));
    }
    out
}

impl Language {
    /// A language's file, `<code>.toml`.
    fn read(path: &Path) -> Result<Language, String> {
        let code = path.file_stem().unwrap().to_string_lossy().into_owned();
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{file}: {e}"))?;
        let table: toml::Table = text.parse().map_err(|e| format!("{file}: {e}"))?;
        if !code
            .split('-')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        {
            return Err(format!(
                "{file}: the file name must be a language tag in small letters, such as `de.toml` or `nl-eenvoudig.toml`"
            ));
        }
        let mut info = None;
        let mut texts = Vec::new();
        for (section, value) in table {
            let toml::Value::Table(entries) = value else {
                return Err(format!(
                    "{file}: `{section}` must be a section (`[{section}]`) of `Key = \"text\"` lines"
                ));
            };
            if section == "language" {
                info = Some(entries);
                continue;
            }
            for (key, value) in entries {
                let toml::Value::String(text) = value else {
                    return Err(format!("{file}: `{key}` must be text in quotes"));
                };
                texts.push((key, text));
            }
        }
        let info = info.ok_or_else(|| format!("{file}: no [language] section"))?;
        for field in LANGUAGE_FIELDS {
            if !info.get(field).is_some_and(toml::Value::is_str) {
                return Err(format!("{file}: [language] needs `{field} = \"...\"`"));
            }
        }
        let language = Language {
            code,
            file,
            info,
            texts,
        };
        language.months_checked()?;
        Ok(language)
    }

    fn text(&self, key: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t.as_str())
    }

    /// `required = false`: definitions may leave this language out (they then show the
    /// default language's text in it).
    fn required(&self) -> bool {
        self.info
            .get("required")
            .and_then(toml::Value::as_bool)
            .unwrap_or(true)
    }

    fn months_checked(&self) -> Result<(), String> {
        if self.info.get("required").is_some_and(|v| !v.is_bool()) {
            return Err(format!(
                "{}: [language] `required` must be true or false",
                self.file
            ));
        }
        match self.info.get("months").and_then(toml::Value::as_array) {
            Some(m) if m.len() == 12 && m.iter().all(toml::Value::is_str) => Ok(()),
            _ => Err(format!(
                "{}: [language] needs `months = [...]`, the 12 months as text",
                self.file
            )),
        }
    }

    fn months(&self) -> [&str; 12] {
        let m = self.info["months"].as_array().unwrap();
        std::array::from_fn(|k| m[k].as_str().unwrap())
    }
}

/// The `{name}`s of a text, in order of first appearance; an error for a stray brace.
fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut rest = text;
    if text.contains(MARK) {
        return Err("a control character (U+0001) in the text".into());
    }
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a `}` without a `{` before it".into());
        }
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or("a `{` without a `}` after it".to_string())?;
        let name = &after[..close];
        if name.is_empty()
            || !name.starts_with(|c: char| c.is_ascii_lowercase())
            || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        {
            return Err(format!(
                "`{{{name}}}` is not a placeholder (small letters and _, such as `{{option}}`)"
            ));
        }
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        if names.len() > 26 {
            return Err("more than 26 placeholders in one text".into());
        }
        rest = &after[close + 1..];
    }
    Ok(names)
}

fn join(names: &[String]) -> String {
    names.join("}, {")
}

fn is_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_uppercase())
        && key.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `nl-eenvoudig` -> `NlEenvoudig`.
fn variant(code: &str) -> String {
    code.split('-')
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// `TippingFrom` -> `tipping_from`.
fn snake(key: &str) -> String {
    let mut out = String::new();
    for (k, c) in key.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if k > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A text for a doc comment: one line, no characters that start Markdown.
fn doc_text(text: &str) -> String {
    text.replace('\n', " ")
        .replace(['[', ']', '`', '<', '>'], "")
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    panic!("{message}");
}
