//! Diagnostics: every problem in a definition names file, line, column, field, what is wrong
//! and what would be right.
//!
//! Validation works on the deserialized model and reports a *path* (`options.day_ticket.values.cost`);
//! [`Locator`] maps that path back to a byte span in the original text, for TOML and JSON alike.

use std::fmt;

/// One problem in a definition (or in a test-case file).
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// File name as given by the caller (e.g. `advisors/ret/definition.toml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// Dotted path of the field (e.g. `inputs.trips_per_week.max`); empty for syntax errors.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// What would be right, if we can tell.
    pub hint: Option<String>,
    /// Byte range in the file (for editors).
    pub span: (usize, usize),
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

/// A list of diagnostics, displayed one per line.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// One step in a path into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// A key of a table / object.
    Key(String),
    /// An index of an array.
    Index(usize),
}

/// Builds a path from string keys and indices: `path!["options", id, "values", factor]`.
pub fn path_of(parts: &[&str]) -> Vec<Seg> {
    parts.iter().map(|p| Seg::Key((*p).to_string())).collect()
}

/// Renders a path as `a.b[2].c`.
pub fn path_string(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Source format of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TOML (what authors write).
    Toml,
    /// JSON (same shape).
    Json,
}

impl Format {
    /// Guess the format from a file name, falling back to the first non-blank character.
    pub fn detect(file: &str, text: &str) -> Format {
        if file.ends_with(".json") {
            Format::Json
        } else if file.ends_with(".toml") {
            Format::Toml
        } else if text.trim_start().starts_with('{') {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

mod json_paths;
mod largest;
mod locate;
mod suggest;
mod toml_paths;

pub use json_paths::json_path_at;
pub use largest::largest_part;
pub(crate) use locate::derived_path;
pub use locate::{Locator, line_col};
pub use suggest::{closest, edit_distance, non_ascii, suggest};
#[cfg(feature = "toml")]
pub(crate) use toml_paths::split_dotted_key;
#[cfg(feature = "toml")]
pub use toml_paths::toml_path_at;

#[cfg(test)]
mod tests {
    use super::locate::raw_offset_in_string;
    use super::*;

    #[test]
    fn line_and_column() {
        let t = "a = 1\nbé = 2\n";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 6), (2, 1));
        // after the two-byte é
        assert_eq!(line_col(t, 9), (2, 3));
    }

    #[test]
    fn toml_paths() {
        let t =
            "id = \"x\"\n[inputs.trips]\nkind = \"integer\"\nmax = 4\n[[cases]]\nname = \"a\"\n";
        let l = Locator::new("f.toml", t, Format::Toml);
        let (s, _) = l.span(&path_of(&["inputs", "trips", "max"]));
        assert_eq!(l.line_col(s), (4, 7));
        let (s, _) = l.span(&[
            Seg::Key("cases".into()),
            Seg::Index(0),
            Seg::Key("name".into()),
        ]);
        assert_eq!(l.line_col(s), (6, 8));
        // a missing key falls back to its parent table
        let (s, _) = l.span(&path_of(&["inputs", "trips", "min"]));
        assert_eq!(l.line_col(s).0, 2);
    }

    #[test]
    fn json_paths() {
        let t = "{\n  \"id\": \"x\",\n  \"inputs\": {\"trips\": {\"kind\": \"integer\", \"max\": 4}},\n  \"l\": [1, {\"a\": 2}]\n}";
        let l = Locator::new("f.json", t, Format::Json);
        let (s, e) = l.span(&path_of(&["inputs", "trips", "max"]));
        assert_eq!(&t[s..e], "4");
        let (s, e) = l.span(&[Seg::Key("l".into()), Seg::Index(1), Seg::Key("a".into())]);
        assert_eq!(&t[s..e], "2");
        assert_eq!(l.line_col(s).0, 4);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            closest("distnce_km", ["distance_km", "trips"]),
            Some("distance_km")
        );
        assert_eq!(closest("xyz", ["distance_km"]), None);
        assert_eq!(suggest("q", &["a", "b"]).unwrap(), "known: `a`, `b`");
    }

    #[test]
    fn toml_path_at_finds_fields_in_header_and_inline_tables() {
        let t = "[derived]\na = \"x\"\n\n[derived.fare]\nexpr = \"y\"\nexp = 1\n\n[factors.cost]\nscaling = { worst = 1, bets = 0 }\n\n[[sources]]\nid = \"a\"\n[[sources]]\nid = \"b\"\n";
        let at = |needle: &str| path_string(&toml_path_at(t, t.find(needle).unwrap()));
        assert_eq!(at("exp ="), "derived.fare.exp");
        assert_eq!(at("\"y\""), "derived.fare.expr");
        assert_eq!(at("bets"), "factors.cost.scaling.bets");
        assert_eq!(at("[derived.fare]"), "derived.fare");
        assert_eq!(at("\"b\""), "sources[1].id");
    }

    #[test]
    fn toml_path_guess_for_syntax_errors() {
        let t = "id = \"x\"\n[inputs.trips]\nmax = 20 20\n";
        assert_eq!(
            path_string(&toml_path_at(t, t.find("20 20").unwrap())),
            "inputs.trips.max"
        );
        let t = "[inputs.age]\nchoices = [\n  { id = \"a\" },\n  { id = \"b\" } { }\n]\n";
        assert_eq!(
            path_string(&toml_path_at(t, t.find("{ }").unwrap())),
            "inputs.age.choices"
        );
        let t = "[[sources]]\nid = \"a\"\n[[sources]]\ntitle = \"b\nid = 1\n";
        assert_eq!(
            path_string(&toml_path_at(t, t.find("\"b").unwrap())),
            "sources[1].title"
        );
        // before any table, a line without `key =`: no field
        assert!(toml_path_at("what\n", 1).is_empty());
    }

    #[test]
    fn json_path_at_names_keys_and_values() {
        let t =
            "{\"inputs\": {\"trips\": {\"maxx\": 20, \"min\": \"0\"}}, \"l\": [1, {\"a\": true}]}";
        let (p, s) = json_path_at(t, t.find("maxx").unwrap());
        assert_eq!(path_string(&p), "inputs.trips.maxx");
        assert_eq!(&t[s.unwrap().0..s.unwrap().1], "\"maxx\"");
        let (p, s) = json_path_at(t, t.find("\"0\"").unwrap() + 2);
        assert_eq!(path_string(&p), "inputs.trips.min");
        assert_eq!(&t[s.unwrap().0..s.unwrap().1], "\"0\"");
        // at the closing brace of an object: the object, located at its key
        let (p, s) = json_path_at(t, t.find("}}").unwrap());
        assert_eq!(path_string(&p), "inputs.trips");
        assert_eq!(&t[s.unwrap().0..s.unwrap().1], "\"trips\"");
        let (p, _) = json_path_at(t, t.find("true").unwrap());
        assert_eq!(path_string(&p), "l[1].a");
        // broken JSON does not trip it up
        for cut in 0..t.len() {
            let _ = json_path_at(&t[..cut], cut);
        }
    }

    #[test]
    fn offsets_inside_strings_account_for_escapes() {
        let pos = |raw: &str, decoded: &str, needle: &str| {
            let i = raw_offset_in_string(raw, decoded.find(needle).unwrap());
            raw[i..].to_string()
        };
        assert!(pos(r#""a == \"b\" and c""#, "a == \"b\" and c", "c").starts_with("c\""));
        assert!(pos(r#""\u00e9 + x""#, "é + x", "x").starts_with('x'));
        assert!(pos(r#""\\ y""#, "\\ y", "y").starts_with('y'));
        assert!(pos(r"'a\b + z'", "a\\b + z", "z").starts_with('z'));
        assert!(pos("\"\"\"\nab + w\"\"\"", "ab + w", "w").starts_with('w'));
        assert!(pos("\"\"\"a \\\n    + v\"\"\"", "a + v", "v").starts_with('v'));
        assert!(pos(r#""\ud83d\ude00 + u""#, "😀 + u", "u").starts_with('u'));
        assert_eq!(raw_offset_in_string("12", 1), 1);
        // offsets past the end stay inside the text
        assert!(raw_offset_in_string("\"ab", 10) <= 3);
    }

    #[test]
    fn key_spans() {
        let t = "[parameters.trips]\nvalue = 1\n[derived]\nif = \"x\"\n";
        let l = Locator::new("f.toml", t, Format::Toml);
        let (s, e) = l.key_span(&path_of(&["parameters", "trips"]));
        assert_eq!(&t[s..e], "trips");
        let (s, e) = l.key_span(&path_of(&["derived", "if"]));
        assert_eq!(&t[s..e], "if");
        // a missing key: the nearest ancestor
        let (s, _) = l.key_span(&path_of(&["derived", "nope"]));
        assert_eq!(l.line_col(s).0, 3);
        let t = "{\"derived\": {\"if\": \"x\"}}";
        let l = Locator::new("f.json", t, Format::Json);
        let (s, e) = l.key_span(&path_of(&["derived", "if"]));
        assert_eq!(&t[s..e], "\"if\"");
    }

    #[test]
    fn swapped_letters_are_one_edit() {
        assert_eq!(edit_distance("bets", "best"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(closest("bets", ["worst", "best"]), Some("best"));
        let long = "x".repeat(100_000);
        assert_eq!(closest(&long, [long.as_str()]), None);
    }
}
