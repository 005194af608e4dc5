//! The style sheets the build writes: the tokens and the component files of `style/`,
//! concatenated in a fixed order into one sheet per kind of page.
//!
//! - [`CITIZEN`]: the advisor pages, the widget and the gallery;
//! - [`PLAYGROUND`]: the same, then the playground's own rules, so no citizen downloads them.
//!
//! The order is the cascade: a later file wins over an earlier one at equal specificity, so a
//! new file goes where its rules must win. Every `.css` file under `style/` must be in a
//! bundle; one that is not fails the build with its name ([`check_all_bundled`]).

use std::path::{Path, PathBuf};

/// The folder of the style files, from the repository's root.
pub const STYLE_DIR: &str = "style";

/// Our own tokens; the theme-following ones come right after it.
const TOKENS: &str = "tokens.css";

/// What a citizen's page (and the widget) gets, in cascade order.
pub const CITIZEN: &[&str] = &[
    TOKENS,
    "components/base.css",
    "components/buttons.css",
    "components/header.css",
    "components/layout.css",
    "components/slider.css",
    "components/questions.css",
    "components/advice.css",
    "components/options.css",
    "components/badges.css",
    "components/details.css",
    "components/small-screens.css",
    "components/sources.css",
    "components/footer.css",
    "components/preferences.css",
    "components/explanation.css",
    "components/chart.css",
    "components/weights.css",
    "components/score.css",
    "components/below-the-fold.css",
    "components/link-notice.css",
    "components/header-tools.css",
    "components/scenarios.css",
    "components/compare.css",
    "components/timeline.css",
    "components/share.css",
    "components/summary.css",
    "components/site.css",
    "components/notices.css",
    "components/radio-form.css",
];

/// Only on the playground's page, after [`CITIZEN`].
pub const PLAYGROUND_ONLY: &[&str] = &["components/playground.css"];

/// A bundle: the files of `style/` it holds, in order.
pub struct Bundle(Vec<&'static str>);

/// The citizen's sheet.
pub fn citizen() -> Bundle {
    Bundle(CITIZEN.to_vec())
}

/// The playground's sheet: the citizen's, then the playground's own rules.
pub fn playground() -> Bundle {
    Bundle(CITIZEN.iter().chain(PLAYGROUND_ONLY).copied().collect())
}

impl Bundle {
    /// The files of `style_dir` in this bundle, concatenated (a newline between files), with
    /// `theme_tokens` (the tokens that follow an NL Design System theme, from
    /// [`crate::theme_map`]) right after `tokens.css`.
    pub fn read(&self, style_dir: &Path, theme_tokens: &str) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        for name in &self.0 {
            let path = style_dir.join(name);
            let text = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            if !out.is_empty() {
                out.push(b'\n');
            }
            out.extend_from_slice(&text);
            if *name == TOKENS {
                out.push(b'\n');
                out.extend_from_slice(theme_tokens.as_bytes());
            }
        }
        Ok(out)
    }
}

/// Fails, naming the file, when a `.css` file under `style_dir` is in no bundle (it would
/// silently not ship), or a bundle names a file twice.
pub fn check_all_bundled(style_dir: &Path) -> Result<(), String> {
    let listed: Vec<&str> = CITIZEN.iter().chain(PLAYGROUND_ONLY).copied().collect();
    for (i, name) in listed.iter().enumerate() {
        if listed[..i].contains(name) {
            return Err(format!(
                "{STYLE_DIR}/{name} is in the style bundles twice (crates/prerender/src/style.rs)"
            ));
        }
    }
    for path in css_files(style_dir)? {
        let name = path
            .strip_prefix(style_dir)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        if !listed.contains(&name.as_str()) {
            return Err(format!(
                "{STYLE_DIR}/{name} is in no style bundle: add it to CITIZEN or PLAYGROUND_ONLY \
                 in crates/prerender/src/style.rs, where its rules must come in the cascade"
            ));
        }
    }
    Ok(())
}

/// Every `.css` file under `dir`, in subfolders too.
fn css_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            out.extend(css_files(&path)?);
        } else if path.extension().is_some_and(|x| x == "css") {
            out.push(path);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme_tokens() -> String {
        crate::theme_map::ThemeMap::read(&style_dir().join(".."))
            .unwrap()
            .css()
    }

    fn style_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(STYLE_DIR)
    }

    #[test]
    fn every_style_file_is_in_a_bundle_once() {
        check_all_bundled(&style_dir()).unwrap();
    }

    #[test]
    fn the_playground_sheet_starts_with_the_citizen_sheet() {
        let citizen = citizen().read(&style_dir(), &theme_tokens()).unwrap();
        let playground = playground().read(&style_dir(), &theme_tokens()).unwrap();
        assert!(playground.len() > citizen.len());
        assert!(playground.starts_with(&citizen));
    }

    #[test]
    fn no_playground_rule_reaches_a_citizen() {
        let citizen =
            String::from_utf8(citizen().read(&style_dir(), &theme_tokens()).unwrap()).unwrap();
        assert!(!citizen.contains(".adv-playground"));
        assert!(!citizen.contains(".adv-reflection"));
        // Every custom property a component reads is declared: in tokens.css, or (a few, for
        // one component) in that component.
        let tokens = std::fs::read_to_string(style_dir().join("tokens.css")).unwrap();
        for used in citizen.split("var(--adv-").skip(1) {
            let name: String = used
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            assert!(
                tokens.contains(&format!("--adv-{name}:"))
                    || citizen.contains(&format!("--adv-{name}:")),
                "--adv-{name} is read but declared nowhere"
            );
        }
    }
}
