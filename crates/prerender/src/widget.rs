//! What the widget loader (`embed/advies-module.js`) needs besides the app: each built-in
//! advisor as a JSON file, its view rendered with the default answers (in each language, whole
//! and compact, to show before the app has arrived and then hydrate), and the manifest with
//! their hashed names, written into the loader itself.

use advies_components::{AdvisorWidget, WidgetOptions};
use advies_engine::Lang;
use leptos::prelude::*;

use crate::advisors::BuiltIn;
use crate::hash::content_hash;
use crate::pages::App;
use crate::render::html;

/// The line in `embed/advies-module.js` that the build replaces with the manifest.
pub const MANIFEST_LINE: &str = "const MANIFEST = null; // written by the build (crates/prerender)";

/// A file to write under `embed/`.
pub struct File {
    /// Path under `embed/`.
    pub path: String,
    pub text: String,
}

/// The views of one advisor as the widget first shows them: `(key, lang, compact)`, keys as
/// the loader names them (`nl`, `en-compact`): every language, whole and compact.
fn view_kinds() -> impl Iterator<Item = (String, Lang, bool)> {
    [false, true].into_iter().flat_map(|compact| {
        Lang::ALL.into_iter().map(move |lang| {
            let key = if compact {
                format!("{}-compact", lang.code())
            } else {
                lang.code().to_string()
            };
            (key, lang, compact)
        })
    })
}

/// What the loader says before the app is there, per language of the catalogue (default
/// first): its texts as templates, with `{placeholders}` the loader fills in.
fn loader_languages() -> serde_json::Value {
    use advies_engine::catalogue::{self as c, Key};
    Lang::ALL
        .into_iter()
        .map(|l| {
            serde_json::json!({
                "code": l.code(),
                "loading": Key::LoaderLoading.get(l),
                "failed": Key::LoaderFailed.get(l),
                "unknown": c::loader_unknown(l, "{id}", "{known}"),
                "notLoaded": c::loader_not_loaded(l, "{id}"),
                "badAddress": c::loader_bad_address(l, "{url}"),
                "otherOrigin": c::loader_other_origin(l, "{origin}"),
                "http": c::loader_http(l, "{path}", "{status}"),
                "offline": c::loader_offline(l, "{path}"),
            })
        })
        .collect()
}

/// A file named after its content: `advisors/<stem>.<hash>.<ext>`.
fn hashed(stem: &str, ext: &str, text: String) -> File {
    File {
        path: format!("advisors/{stem}.{}.{ext}", content_hash(text.as_bytes())),
        text,
    }
}

/// The widget's view of `built_in` in `lang`, as `mount_widget` hydrates it (no prefill).
fn view_html(built_in: &BuiltIn, lang: Lang, compact: bool) -> String {
    let advisor = built_in.advisor.clone();
    html(move || {
        let options = WidgetOptions {
            lang,
            prefill: String::new(),
            compact,
            share_answers: false,
            prototype: false,
        };
        let on_event = Callback::new(|_| {});
        view! { <AdvisorWidget advisor options on_event /> }
    })
}

/// Every advisor's files, and the manifest (JSON) that names them. `contrast` is
/// `{module, tokens}`: the contrast guard's file, and the tokens (without `--adv-`) whose
/// value, where a theme or the host changes it, makes the loader fetch that guard
/// ([`contrast_guard`]).
pub fn advisor_files(
    advisors: &[BuiltIn],
    app: &App,
    app_dir_in_embed: &str,
    contrast: serde_json::Value,
) -> (Vec<File>, String) {
    let mut files = Vec::new();
    let mut entries = serde_json::Map::new();
    for b in advisors {
        let json = hashed(&b.id, "json", b.json.clone());
        let mut views = serde_json::Map::new();
        for (key, lang, compact) in view_kinds() {
            let view = hashed(
                &format!("{}.{key}", b.id),
                "html",
                view_html(b, lang, compact),
            );
            views.insert(key, view.path.clone().into());
            files.push(view);
        }
        entries.insert(
            b.id.clone(),
            serde_json::json!({ "json": json.path, "file": b.json_file, "views": views }),
        );
        files.push(json);
    }
    let manifest = serde_json::json!({
        "app": app_dir_in_embed,
        "glue": app.glue,
        "wasm": app.wasm,
        "css": app.css,
        "advisors": entries,
        "languages": loader_languages(),
        "contrast": contrast,
    });
    (files, manifest.to_string())
}

/// The line of embed/advies-contrast.js where the build writes the contrast pairs.
pub const CHECKS_LINE: &str = "const CHECKS = null; // written by the build (crates/prerender)";

/// The contrast guard (embed/advies-contrast.js) with `checks` in place of [`CHECKS_LINE`],
/// as a file named after its content (in embed/), so a host may cache it for a year.
pub fn contrast_guard(source: &str, checks: &serde_json::Value) -> Result<File, String> {
    if !source.contains(CHECKS_LINE) {
        return Err(format!(
            "embed/advies-contrast.js: the line `{CHECKS_LINE}` is missing; the build writes the contrast pairs there"
        ));
    }
    let text = source.replace(CHECKS_LINE, &format!("const CHECKS = {checks};"));
    Ok(File {
        path: format!("advies-contrast.{}.js", content_hash(text.as_bytes())),
        text,
    })
}

/// The loader's source with the manifest in place of [`MANIFEST_LINE`].
pub fn loader(source: &str, manifest: &str) -> Result<String, String> {
    if !source.contains(MANIFEST_LINE) {
        return Err(format!(
            "embed/advies-module.js: the line `{MANIFEST_LINE}` is missing; the build writes the manifest there"
        ));
    }
    Ok(source.replace(MANIFEST_LINE, &format!("const MANIFEST = {manifest};")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contrast_guard_gets_its_pairs_and_a_name_after_its_content() {
        let source = format!("export const x = 1;\n{CHECKS_LINE}\n");
        let checks = serde_json::json!([{ "token": "--adv-color-link" }]);
        let guard = contrast_guard(&source, &checks).unwrap();
        assert!(
            guard
                .text
                .contains(r#"const CHECKS = [{"token":"--adv-color-link"}];"#)
        );
        let hash = guard
            .path
            .strip_prefix("advies-contrast.")
            .and_then(|rest| rest.strip_suffix(".js"))
            .unwrap();
        assert_eq!(hash, content_hash(guard.text.as_bytes()));
    }

    #[test]
    fn a_contrast_guard_without_its_line_is_named() {
        let Err(err) = contrast_guard("export const x = 1;\n", &serde_json::json!([])) else {
            panic!("a guard without its line was accepted");
        };
        assert!(err.starts_with("embed/advies-contrast.js: the line `const CHECKS = null;"));
    }
}
