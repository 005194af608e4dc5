//! The widget's tokens that follow an NL Design System theme: `style/nl-design-system.toml`
//! read into [`ThemeMap`], and written out three ways from that one file:
//!
//! - [`ThemeMap::css`]: the tokens' declarations, each `var()` over the theme tokens it reads
//!   with our own value (`--adv-own-*`) last, bundled right after `style/tokens.css`;
//! - [`ThemeMap::contrast_checks`]: the loader's list of pairs to keep at WCAG 2.1 AA, with
//!   the theme tokens each one reads, so it can name the one it overrides;
//! - [`ThemeMap::docs_table`]: the mapping table in `docs/theming.md`;
//! - [`ThemeMap::reads`]: the same mapping for the e2e test of the theme pages.

use serde::Deserialize;
use std::path::Path;

/// The file, from the repository's root.
pub const FILE: &str = "style/nl-design-system.toml";

/// One of our tokens and where its value comes from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// Theme tokens, first found wins.
    reads: Vec<String>,
    /// Our value where no theme sets one.
    own: String,
    /// Our value on a dark page: where the host declares `color-scheme: dark` (or `light dark`
    /// and the citizen prefers dark), through `light-dark()` where the browser has it.
    #[serde(rename = "own-dark")]
    own_dark: Option<String>,
    contrast: Option<Contrast>,
    /// The page's own colour, which the contrast check never replaces (only what is on it).
    #[serde(default)]
    keep: bool,
    /// One of our tints: what it takes where something on it lacks contrast (before the
    /// theme's colours on it give way).
    mend: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Contrast {
    /// The tokens (without `--adv-`) this one is seen on or against: every surface it is on.
    against: Vec<String>,
    /// The WCAG 2.1 ratio to keep: 4.5 for text, 3 for other parts.
    min: f64,
}

/// The whole file, in its order.
pub struct ThemeMap(Vec<(String, Entry)>);

impl ThemeMap {
    /// Reads and checks `style/nl-design-system.toml` under `root`.
    pub fn read(root: &Path) -> Result<ThemeMap, String> {
        let path = root.join(FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{FILE}: {e}"))?;
        ThemeMap::parse(&text).map_err(|e| format!("{FILE}: {e}"))
    }

    fn parse(text: &str) -> Result<ThemeMap, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut entries = Vec::new();
        for (name, value) in table {
            let entry: Entry = value.try_into().map_err(|e| format!("[{name}]: {e}"))?;
            entries.push((name, entry));
        }
        let map = ThemeMap(entries);
        map.check()?;
        Ok(map)
    }

    /// Every name a token, every `against` one of ours here, every ratio a WCAG one.
    fn check(&self) -> Result<(), String> {
        for (name, entry) in &self.0 {
            if let Some(bad) = entry.reads.iter().find(|r| !is_token(r)) {
                return Err(format!(
                    "[{name}]: `{bad}` in reads is not a custom property"
                ));
            }
            if let Some(contrast) = &entry.contrast {
                if contrast.against.is_empty() {
                    return Err(format!("[{name}]: contrast against no token"));
                }
                let unknown = contrast
                    .against
                    .iter()
                    .find(|against| !self.0.iter().any(|(other, _)| other == *against));
                if let Some(unknown) = unknown {
                    return Err(format!(
                        "[{name}]: contrast against `{unknown}`, which is not a token in this file"
                    ));
                }
                if contrast.min != 3.0 && contrast.min != 4.5 {
                    return Err(format!(
                        "[{name}]: contrast min {} is not a WCAG 2.1 AA ratio (3 or 4.5)",
                        contrast.min
                    ));
                }
            }
        }
        Ok(())
    }

    /// The declarations on `:root` (the site) and `:host` (the widget).
    pub fn css(&self) -> String {
        let mut out = String::from(
            "/* Generated from style/nl-design-system.toml: the tokens that follow an NL Design \
             System theme on the host page (docs/theming.md). */\n:root,\n:host {\n",
        );
        for (name, entry) in &self.0 {
            out.push_str(&format!("  --adv-own-{name}: {};\n", entry.own));
            out.push_str(&format!("  --adv-{name}: {};\n", chain(name, &entry.reads)));
        }
        out.push_str("}\n");
        let dark: Vec<_> = self
            .0
            .iter()
            .filter_map(|(name, e)| e.own_dark.as_ref().map(|dark| (name, &e.own, dark)))
            .collect();
        if !dark.is_empty() {
            out.push_str("@supports (color: light-dark(#000, #fff)) {\n  :root,\n  :host {\n");
            for (name, light, dark) in dark {
                out.push_str(&format!(
                    "    --adv-own-{name}: light-dark({light}, {dark});\n"
                ));
            }
            out.push_str("  }\n}\n");
        }
        out
    }

    /// A surface as the loader sees it: `{token, own, reads, keep, tint, fallback}`.
    fn surface(&self, name: &str) -> serde_json::Value {
        let entry = self
            .0
            .iter()
            .find(|(other, _)| other == name)
            .map(|(_, e)| e);
        let mend = entry.and_then(|e| e.mend.clone());
        serde_json::json!({
            "token": format!("--adv-{name}"),
            "own": format!("--adv-own-{name}"),
            "reads": entry.map_or(&[][..], |e| &e.reads[..]),
            "keep": entry.is_some_and(|e| e.keep),
            "tint": mend.is_some(),
            "fallback": mend.unwrap_or_else(|| format!("var(--adv-own-{name})")),
        })
    }

    /// For the loader: `[{token, own, fallback, reads, against: [surface], min}]` for each
    /// token with a contrast (see [`ThemeMap::surface`]).
    pub fn contrast_checks(&self) -> serde_json::Value {
        self.0
            .iter()
            .filter_map(|(name, entry)| {
                let contrast = entry.contrast.as_ref()?;
                Some(serde_json::json!({
                    "token": format!("--adv-{name}"),
                    "own": format!("--adv-own-{name}"),
                    "fallback": format!("var(--adv-own-{name})"),
                    "reads": entry.reads,
                    "against": contrast.against.iter().map(|a| self.surface(a)).collect::<Vec<_>>(),
                    "min": contrast.min,
                }))
            })
            .collect()
    }

    /// Every token (without `--adv-`) in a contrast pair, either side: where a theme or the
    /// host gives one of them another value than our own, the loader fetches the guard.
    pub fn contrast_tokens(&self) -> Vec<String> {
        let mut tokens: Vec<String> = Vec::new();
        for (name, entry) in &self.0 {
            let Some(contrast) = &entry.contrast else {
                continue;
            };
            for token in std::iter::once(name).chain(&contrast.against) {
                if !tokens.contains(token) {
                    tokens.push(token.clone());
                }
            }
        }
        tokens
    }

    /// For the e2e test of the theme pages: each of our tokens (`--adv-*`) and what it reads.
    pub fn reads(&self) -> serde_json::Value {
        self.0
            .iter()
            .map(|(name, entry)| (format!("--adv-{name}"), serde_json::json!(entry.reads)))
            .collect::<serde_json::Map<_, _>>()
            .into()
    }

    /// The Markdown table of docs/theming.md (kept current by a test).
    #[cfg(test)]
    pub fn docs_table(&self) -> String {
        let mut out = String::from(
            "| our token | reads, first found wins | own value | contrast kept |\n\
             | --- | --- | --- | --- |\n",
        );
        for (name, entry) in &self.0 {
            let reads = if entry.reads.is_empty() {
                "(none: follows our other tokens)".to_string()
            } else {
                entry
                    .reads
                    .iter()
                    .map(|r| format!("`{r}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let contrast = entry.contrast.as_ref().map_or(String::new(), |c| {
                let against: Vec<String> =
                    c.against.iter().map(|a| format!("`--adv-{a}`")).collect();
                format!("{}:1 against {}", c.min, against.join(", "))
            });
            let own = match &entry.own_dark {
                Some(dark) => format!("`{}` (dark: `{dark}`)", entry.own),
                None => format!("`{}`", entry.own),
            }
            .replace('|', "\\|");
            out.push_str(&format!(
                "| `--adv-{name}` | {reads} | {own} | {contrast} |\n"
            ));
        }
        out
    }
}

/// `var(--a, var(--b, var(--adv-own-name)))`.
fn chain(name: &str, reads: &[String]) -> String {
    let mut value = format!("var(--adv-own-{name})");
    for token in reads.iter().rev() {
        value = format!("var({token}, {value})");
    }
    value
}

fn is_token(name: &str) -> bool {
    name.len() > 2
        && name.starts_with("--")
        && name[2..]
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    #[test]
    fn a_token_reads_the_theme_first_and_its_own_value_last() {
        let map = ThemeMap::parse(
            "[color-link]\nreads = [\"--nl-link-color\", \"--utrecht-link-color\"]\nown = \"#01689b\"\n",
        )
        .unwrap();
        let css = map.css();
        assert!(css.contains("  --adv-own-color-link: #01689b;\n"), "{css}");
        assert!(
            css.contains(
                "  --adv-color-link: var(--nl-link-color, var(--utrecht-link-color, var(--adv-own-color-link)));\n"
            ),
            "{css}"
        );
    }

    #[test]
    fn mistakes_in_the_file_are_named() {
        let unknown = ThemeMap::parse(
            "[color-text]\nreads = []\nown = \"#000\"\ncontrast = { against = [\"color-paper\"], min = 4.5 }\n",
        );
        assert_eq!(
            unknown.err().unwrap(),
            "[color-text]: contrast against `color-paper`, which is not a token in this file"
        );
        let not_a_token =
            ThemeMap::parse("[color-text]\nreads = [\"utrecht-color\"]\nown = \"#000\"\n");
        assert_eq!(
            not_a_token.err().unwrap(),
            "[color-text]: `utrecht-color` in reads is not a custom property"
        );
        let ratio = ThemeMap::parse(
            "[a]\nreads = []\nown = \"#000\"\ncontrast = { against = [\"a\"], min = 2 }\n",
        );
        assert!(ratio.err().unwrap().contains("not a WCAG 2.1 AA ratio"));
        let typo = ThemeMap::parse("[a]\nread = []\nown = \"#000\"\n");
        assert!(typo.err().unwrap().starts_with("[a]: unknown field `read`"));
    }

    #[test]
    fn the_loader_watches_every_token_of_a_contrast_pair_once() {
        let map = ThemeMap::parse(
            "[a]\nreads = []\nown = \"#000\"\ncontrast = { against = [\"b\", \"c\"], min = 4.5 }\n\
             [b]\nreads = []\nown = \"#fff\"\n\
             [c]\nreads = []\nown = \"#eee\"\n\
             [d]\nreads = []\nown = \"#111\"\ncontrast = { against = [\"b\"], min = 3 }\n",
        )
        .unwrap();
        assert_eq!(map.contrast_tokens(), ["a", "b", "c", "d"]);
    }

    #[test]
    fn the_loader_gets_each_contrast_pair_with_the_tokens_it_reads() {
        let map = ThemeMap::read(&root()).unwrap();
        let checks = map.contrast_checks();
        let link = checks
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["token"] == "--adv-color-link")
            .unwrap();
        let against: Vec<_> = link["against"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["token"].as_str().unwrap())
            .collect();
        assert_eq!(
            against,
            [
                "--adv-color-background",
                "--adv-color-surface",
                "--adv-color-surface-accent"
            ]
        );
        assert_eq!(link["against"][1]["own"], "--adv-own-color-surface");
        assert_eq!(
            link["against"][1]["reads"][0],
            "--basis-color-default-bg-subtle"
        );
        assert_eq!(link["own"], "--adv-own-color-link");
        assert_eq!(link["min"], 4.5);
        assert_eq!(link["reads"][0], "--nl-link-color");
    }

    #[test]
    fn the_mapping_declares_no_token_twice_with_tokens_css() {
        let map = ThemeMap::read(&root()).unwrap();
        let tokens = std::fs::read_to_string(root().join("style/tokens.css")).unwrap();
        for (name, _) in &map.0 {
            assert!(
                !tokens.contains(&format!("--adv-{name}:")),
                "--adv-{name} is in style/nl-design-system.toml and style/tokens.css: keep one"
            );
        }
    }

    /// docs/theming.md holds the table between two markers; `UPDATE_DOCS=1` writes it.
    #[test]
    fn docs_theming_has_the_current_table() {
        let map = ThemeMap::read(&root()).unwrap();
        let path = root().join("docs/theming.md");
        let doc = std::fs::read_to_string(&path).unwrap();
        let (start, end) = ("<!-- mapping: start -->\n", "<!-- mapping: end -->");
        let from = doc.find(start).expect("docs/theming.md: the start marker") + start.len();
        let to = doc.find(end).expect("docs/theming.md: the end marker");
        let table = map.docs_table();
        if doc[from..to] != table {
            if std::env::var_os("UPDATE_DOCS").is_some() {
                std::fs::write(&path, format!("{}{table}{}", &doc[..from], &doc[to..])).unwrap();
            } else {
                panic!(
                    "docs/theming.md's mapping table differs from {FILE}: run \
                     `UPDATE_DOCS=1 cargo test -p advies-prerender docs_theming`"
                );
            }
        }
    }
}
