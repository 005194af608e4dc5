//! The site's pages as HTML files: the gallery (static, no wasm), each advisor's page
//! (rendered with the default answers, hydrated by the app's wasm) and the playground's shell.

use advies_components::page::{APP_ELEMENT_ID, DEFINITION_ELEMENT_ID};
use advies_components::{AdvisorPage, Gallery, GalleryEntry};
use advies_engine::Lang;
use leptos::prelude::*;

use crate::advisors::BuiltIn;
use crate::render::{escape, html, script_json};

/// Where the app's files are, from the site's root (`embed/<hash>/`).
pub struct App<'a> {
    pub dir: &'a str,
    pub glue: &'a str,
    pub wasm: &'a str,
    pub css: &'a str,
}

/// One page: its path under the site's root and its HTML.
pub struct Page {
    pub path: String,
    pub html: String,
}

/// `""` for a page at the root, `"../"` one folder down, and so on.
fn root_from(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The folder of a page in `lang` under `base` (`""`, `"ret/"`): `ret/`, `ret/en/`.
fn lang_dir(base: &str, lang: Lang) -> String {
    if lang == Lang::default() {
        base.to_string()
    } else {
        format!("{base}{}/", lang.code())
    }
}

/// The head every page shares; `extra` goes at its end.
fn document(
    lang: Lang,
    title: &str,
    description: &str,
    css: &str,
    extra: &str,
    body: &str,
) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n\
         <link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"{css}\">\n{extra}</head>\n\
         <body>\n{body}\n</body>\n</html>\n",
        lang = lang.code(),
        title = escape(title),
        description = escape(description),
    )
}

/// The gallery in both languages: `index.html`, `en/index.html`.
pub fn galleries(advisors: &[BuiltIn], app: &App) -> Vec<Page> {
    let known: Vec<&str> = advisors.iter().map(|b| b.id.as_str()).collect();
    let known = serde_json::to_string(&known).unwrap_or_else(|_| "[]".into());
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let path = format!("{}index.html", lang_dir("", lang));
            let root = root_from(&path);
            let entries: Vec<GalleryEntry> = advisors
                .iter()
                .map(|b| GalleryEntry {
                    id: b.id.clone(),
                    advisor: b.advisor.clone(),
                })
                .collect();
            let view_root = root.clone();
            let body = html(move || view! { <Gallery entries lang root=view_root /> });
            let script = include_str!("gallery.js")
                .replace("__KNOWN__", &known)
                .replace("__ROOT__", &root)
                .replace("__LANG__", lang.code());
            let key = advies_components::i18n::Key::GalleryTitle;
            let intro = advies_components::i18n::Key::GalleryIntro;
            let alternates = alternates(&root, "", lang);
            Page {
                html: document(
                    lang,
                    key.get(lang),
                    intro.get(lang),
                    &format!("{root}{}{}", app.dir, app.css),
                    &alternates,
                    &format!("{body}\n<script>\n{script}</script>"),
                ),
                path,
            }
        })
        .collect()
}

/// `<link rel="alternate" hreflang>` to the page in each other language.
fn alternates(root: &str, base: &str, lang: Lang) -> String {
    Lang::ALL
        .into_iter()
        .filter(|other| *other != lang)
        .map(|other| {
            format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{root}{}\">\n",
                other.code(),
                lang_dir(base, other)
            )
        })
        .collect()
}

/// The advisor's page in both languages: `<id>/index.html`, `<id>/en/index.html`.
pub fn advisor_pages(built_in: &BuiltIn, app: &App) -> Vec<Page> {
    Lang::ALL
        .into_iter()
        .map(|lang| advisor_page(built_in, app, lang))
        .collect()
}

fn advisor_page(built_in: &BuiltIn, app: &App, lang: Lang) -> Page {
    let base = format!("{}/", built_in.id);
    let path = format!("{}index.html", lang_dir(&base, lang));
    let root = root_from(&path);
    let def = &built_in.advisor.def;
    let description = if def.summary.is_empty() {
        def.intro.get(lang)
    } else {
        def.summary.get(lang)
    };
    let advisor = built_in.advisor.clone();
    let view = html(move || view! { <AdvisorPage advisor lang /> });
    let app_dir = format!("{root}{}", app.dir);
    let extra = alternates(&root, &base, lang);
    let noscript = advies_components::i18n::Key::NoScript.get(lang);
    let glue = format!("{app_dir}{}", app.glue);
    let boot = boot_script(&glue, &format!("{app_dir}{}", app.wasm));
    let body = format!(
        "<noscript><p class=\"adv-noscript\">{noscript}</p></noscript>\n\
         <div id=\"{APP_ELEMENT_ID}\">{view}</div>\n\
         <script type=\"application/json\" id=\"{DEFINITION_ELEMENT_ID}\" data-file=\"{file}\">{json}</script>\n\
         <script type=\"module\" id=\"adv-boot\" data-app=\"{glue}\">{boot}</script>",
        noscript = escape(noscript),
        file = escape(&built_in.json_file),
        json = script_json(&built_in.json),
    );
    Page {
        html: document(
            lang,
            def.title.get(lang),
            description,
            &format!("{app_dir}{}", app.css),
            &extra,
            &body,
        ),
        path,
    }
}

/// Starts the app once the page has been painted: the page is readable at once, and the wasm
/// does not compete with what the first paint needs (HTML, style sheet).
fn boot_script(glue: &str, wasm: &str) -> String {
    format!(
        "requestAnimationFrame(() => setTimeout(async () => {{ const app = await import('{glue}'); \
         await app.default({{ module_or_path: '{wasm}' }}); }}, 0));"
    )
}

/// The playground's page: the editor is built by its own wasm (`playground/<hash>/`).
pub fn playground(playground_dir: &str, glue: &str, wasm: &str, css: &str) -> Page {
    let path = "playground/index.html".to_string();
    let root = root_from(&path);
    let lang = Lang::Nl;
    let key = advies_components::i18n::Key::PlaygroundTitle;
    let intro = advies_components::i18n::Key::PlaygroundIntro;
    let dir = format!("{root}{playground_dir}");
    // Every language: the playground has no page per language.
    let noscript: String = Lang::ALL
        .into_iter()
        .map(|l| {
            let text = escape(advies_components::i18n::Key::PlaygroundNoScript.get(l));
            format!("<p lang=\"{}\">{text}</p>\n", l.code())
        })
        .collect();
    let body = format!(
        "<noscript>\n{noscript}</noscript>\n\
         <script type=\"module\">import init from '{dir}{glue}'; init({{ module_or_path: '{dir}{wasm}' }});</script>"
    );
    Page {
        html: document(
            lang,
            key.get(lang),
            intro.get(lang),
            &format!("{dir}{css}"),
            "",
            &body,
        ),
        path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_lead_back_to_the_site() {
        assert_eq!(root_from("index.html"), "");
        assert_eq!(root_from("en/index.html"), "../");
        assert_eq!(root_from("ret/en/index.html"), "../../");
        assert_eq!(lang_dir("ret/", Lang::En), "ret/en/");
        assert_eq!(lang_dir("", Lang::Nl), "");
    }
}
