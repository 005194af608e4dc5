//! The demo host pages in real NL Design System themes: for each theme of
//! `embed/themes/themes.toml`, `embed/demo/thema-<id>.html` with the RET widget and no widget
//! styling, the theme's CSS copied from its npm package (installed by `cargo xtask setup`),
//! its font where a free package has one, and `embed/demo/themes/index.json` for the e2e test.

use serde::Deserialize;
use std::path::{Path, PathBuf};

use crate::theme_map::ThemeMap;

/// The themes, from the repository's root.
const THEMES_FILE: &str = "embed/themes/themes.toml";
/// Where `cargo xtask setup` installs the packages.
const MODULES: &str = "embed/themes/node_modules";
/// The pinned versions.
const PACKAGE_JSON: &str = "embed/themes/package.json";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Themes {
    theme: Vec<Theme>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Theme {
    id: String,
    organisation: String,
    package: String,
    /// The package's file with the theme class.
    css: String,
    /// What goes on `<body>`, as the package documents it.
    class: String,
    /// The theme has a dark variant (`prefers-color-scheme: dark`).
    #[serde(default)]
    dark: bool,
    /// What the page shows for the theme's font, in a sentence.
    fonts: String,
    font: Option<Font>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Font {
    family: String,
    package: String,
    faces: Vec<Face>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Face {
    weight: String,
    file: String,
}

/// The characters of the fonts' Latin files (as their packages give them): Dutch and English.
const LATIN: &str = "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,\
                     U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD";

/// A file to write under `dist/embed/demo/`.
pub struct DemoFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Every theme's page, CSS and font files, and the index for the test.
pub fn files(root: &Path, theme_map: &ThemeMap) -> Result<Vec<DemoFile>, String> {
    let themes = read_themes(root)?;
    let versions = pinned_versions(root)?;
    let mut out = Vec::new();
    let mut index = Vec::new();
    for theme in &themes.theme {
        let version = installed(root, &theme.package, &versions)?;
        let css = read_file(&root.join(MODULES).join(&theme.package).join(&theme.css))?;
        out.push(DemoFile {
            path: format!("themes/{}.css", theme.id),
            bytes: css,
        });
        if let Some(font) = &theme.font {
            installed(root, &font.package, &versions)?;
            out.extend(font_files(root, theme, font)?);
        }
        out.push(DemoFile {
            path: format!("thema-{}.html", theme.id),
            bytes: page(theme, &version, &themes.theme).into_bytes(),
        });
        index.push(serde_json::json!({
            "id": theme.id,
            "organisation": theme.organisation,
            "package": theme.package,
            "version": version,
            "class": theme.class,
            "dark": theme.dark,
            "page": format!("thema-{}.html", theme.id),
        }));
    }
    let index = serde_json::json!({ "themes": index, "reads": theme_map.reads() });
    out.push(DemoFile {
        path: "themes/index.json".into(),
        bytes: index.to_string().into_bytes(),
    });
    Ok(out)
}

fn read_themes(root: &Path) -> Result<Themes, String> {
    let text = std::fs::read_to_string(root.join(THEMES_FILE))
        .map_err(|e| format!("{THEMES_FILE}: {e}"))?;
    toml::from_str(&text).map_err(|e| format!("{THEMES_FILE}: {e}"))
}

/// `package.json`'s dependencies: name to pinned version.
fn pinned_versions(root: &Path) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    let text = std::fs::read_to_string(root.join(PACKAGE_JSON))
        .map_err(|e| format!("{PACKAGE_JSON}: {e}"))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{PACKAGE_JSON}: {e}"))?;
    json["dependencies"]
        .as_object()
        .cloned()
        .ok_or_else(|| format!("{PACKAGE_JSON}: no `dependencies`"))
}

/// The installed version of `package`, which must be the pinned one.
fn installed(
    root: &Path,
    package: &str,
    pinned: &serde_json::Map<String, serde_json::Value>,
) -> Result<String, String> {
    let wanted = pinned[package]
        .as_str()
        .ok_or_else(|| format!("{THEMES_FILE}: `{package}` is not pinned in {PACKAGE_JSON}"))?;
    let path: PathBuf = root.join(MODULES).join(package).join("package.json");
    let setup = "run `cargo xtask setup`: it installs the theme packages of the demo pages";
    let text = std::fs::read_to_string(&path)
        .map_err(|_| format!("{MODULES}/{package} is not installed: {setup}"))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let version = json["version"].as_str().unwrap_or_default();
    if version != wanted {
        return Err(format!(
            "{MODULES}/{package} is {version}, {PACKAGE_JSON} pins {wanted}: {setup}"
        ));
    }
    Ok(version.to_string())
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The font's files, and `themes/<id>-font.css` with their `@font-face` rules.
fn font_files(root: &Path, theme: &Theme, font: &Font) -> Result<Vec<DemoFile>, String> {
    let mut out = Vec::new();
    let mut css = format!("/* {}: {} */\n", font.family, theme.fonts.replace("*/", ""));
    for face in &font.faces {
        let name = Path::new(&face.file)
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{THEMES_FILE}: `{}` is not a file name", face.file))?;
        out.push(DemoFile {
            path: format!("themes/fonts/{name}"),
            bytes: read_file(&root.join(MODULES).join(&font.package).join(&face.file))?,
        });
        css.push_str(&format!(
            "@font-face {{\n  font-family: \"{}\";\n  font-style: normal;\n  font-display: swap;\n  \
             font-weight: {};\n  src: url(fonts/{name}) format(\"woff2\");\n  unicode-range: {LATIN};\n}}\n",
            font.family, face.weight
        ));
    }
    out.push(DemoFile {
        path: format!("themes/{}-font.css", theme.id),
        bytes: css.into_bytes(),
    });
    Ok(out)
}

/// The host page: the theme's class on `<body>`, the RET widget, nothing for the widget itself.
fn page(theme: &Theme, version: &str, all: &[Theme]) -> String {
    let font_link = theme.font.as_ref().map_or(String::new(), |_| {
        format!(
            "\n    <link rel=\"stylesheet\" href=\"themes/{}-font.css\" />",
            theme.id
        )
    });
    let scheme = if theme.dark { "light dark" } else { "light" };
    let others = all
        .iter()
        .map(|t| {
            if t.id == theme.id {
                format!(
                    "<li><a href=\"thema-{}.html\" aria-current=\"page\">{}</a></li>",
                    t.id, t.organisation
                )
            } else {
                format!(
                    "<li><a href=\"thema-{}.html\">{}</a></li>",
                    t.id, t.organisation
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n          ");
    format!(
        r#"<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="{scheme}" />
    <title>Welk reisproduct past bij u? – demo in het thema van {org}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="themes/{id}.css" />{font_link}
    <link rel="stylesheet" href="thema.css" />
    <script type="module" src="../advies-module.js"></script>
  </head>
  <body class="{class}">
    <header class="demo-header">
      <p class="demo-organisation">{org}</p>
      <p>Demonstratie van een NL Design System-thema: <code>{package}@{version}</code></p>
    </header>
    <main class="demo-main">
      <h1>Welk reisproduct past bij u?</h1>
      <p>
        Deze pagina gebruikt het thema van {org}. De keuzehulp van de RET neemt de kleuren,
        letters en vormen van dat thema over. Hij heeft hier geen eigen opmaak gekregen.
      </p>
      <advies-module id="widget" advisor="ret" lang="nl"></advies-module>
    </main>
    <footer class="demo-footer">
      <p>
        Het thema en de huisstijl zijn van {org}. Ze staan hier alleen om de keuzehulp in dit
        thema te laten zien en te testen. Letters: {fonts}
      </p>
      <nav aria-label="Andere thema's">
        <ul>
          {others}
        </ul>
      </nav>
    </footer>
  </body>
</html>
"#,
        id = theme.id,
        org = theme.organisation,
        class = theme.class,
        package = theme.package,
        fonts = theme.fonts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    #[test]
    fn every_theme_package_is_pinned_to_an_exact_version() {
        let themes = read_themes(&root()).unwrap();
        let pinned = pinned_versions(&root()).unwrap();
        let packages = themes.theme.iter().flat_map(|t| {
            std::iter::once(t.package.as_str()).chain(t.font.as_ref().map(|f| f.package.as_str()))
        });
        for package in packages {
            let version = pinned[package]
                .as_str()
                .unwrap_or_else(|| panic!("{package} pinned"));
            assert!(
                version
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'),
                "{package} is pinned to `{version}`, not an exact version"
            );
        }
        assert_eq!(themes.theme.len(), 6);
    }

    #[test]
    fn a_page_puts_the_theme_class_on_the_body_and_styles_nothing_of_the_widget() {
        let themes = read_themes(&root()).unwrap();
        let utrecht = themes.theme.iter().find(|t| t.id == "utrecht").unwrap();
        let html = page(utrecht, "5.0.1", &themes.theme);
        assert!(
            html.contains(
                r#"<body class="utrecht-theme utrecht-theme--media-query-color-scheme">"#
            )
        );
        assert!(html.contains(r#"<meta name="color-scheme" content="light dark" />"#));
        assert!(html.contains(r#"<advies-module id="widget" advisor="ret" lang="nl">"#));
        assert!(!html.contains("--adv-"), "no widget tokens on the page");
        assert!(html.contains("<code>@utrecht/design-tokens@5.0.1</code>"));
    }

    #[test]
    fn a_missing_package_asks_for_setup() {
        let pinned = pinned_versions(&root()).unwrap();
        let mut fake = pinned.clone();
        fake.insert("@example/not-there".into(), "1.0.0".into());
        let err = installed(&root(), "@example/not-there", &fake).unwrap_err();
        assert_eq!(
            err,
            "embed/themes/node_modules/@example/not-there is not installed: run `cargo xtask \
             setup`: it installs the theme packages of the demo pages"
        );
    }
}
