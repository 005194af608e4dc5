//! The standalone site: the gallery of built-in advisors at `/`, each advisor at
//! `?advisor=<id>` (and `?lang=en`), shared links `#v2;<id>;…` open their advisor.

use std::sync::Arc;

mod bench;
mod embed;

use advies_components::{AdvisorPage, DefinitionErrorPage, Gallery, GalleryEntry};
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;

// Every advisor under advisors/, validated and converted to JSON by build.rs.
include!(concat!(env!("OUT_DIR"), "/built_in.rs"));

/// The built-in advisor `id`: its definition text and file name.
pub fn built_in(id: &str) -> Option<(&'static str, &'static str)> {
    BUILT_IN
        .iter()
        .find(|(known, _, _)| *known == id)
        .map(|(_, text, file)| (*text, *file))
}

fn main() {
    console_error_panic_hook::set_once();
    // The same wasm serves the site and the widget: only the site's page (index.html, with
    // `data-adviesmodule-site` on <body>) mounts a page; the widget loader mounts widgets
    // through `embed::mount_widget`.
    let site = document()
        .body()
        .is_some_and(|b| b.has_attribute("data-adviesmodule-site"));
    if !site {
        return;
    }
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let lang = query(&search, "lang").and_then(|code| Lang::from_code(&code));
    match page_for(&search, &hash) {
        Page::Advisor(id) => match built_in(&id) {
            Some((text, file)) => match Advisor::parse(text, file) {
                Ok(advisor) => {
                    let advisor = Arc::new(advisor);
                    mount_to_body(
                        move || view! { <AdvisorPage advisor lang=lang.unwrap_or_default() /> },
                    );
                }
                Err(diagnostics) => {
                    mount_to_body(move || view! { <DefinitionErrorPage diagnostics /> })
                }
            },
            None => gallery(Some(id), lang),
        },
        Page::Gallery => gallery(None, lang),
    }
}

/// What the site's address asks for.
#[derive(Debug, PartialEq)]
enum Page {
    Gallery,
    Advisor(String),
}

/// `?advisor=<id>` opens that advisor. Without it, a shared link (`#v2;<id>;…`, also the links
/// made before the gallery existed, when the site opened RET at `/`) opens the advisor it
/// names. Anything else is the gallery.
fn page_for(search: &str, hash: &str) -> Page {
    if let Some(id) = query(search, "advisor") {
        return Page::Advisor(id);
    }
    match advies_engine::state::advisor_id(hash) {
        Some(id) => Page::Advisor(id),
        None => Page::Gallery,
    }
}

/// The value of `key` in a query string (`?a=1&b=2`), if present and not empty; at most 40
/// characters (ids and language codes are short; a tampered address is only quoted back).
/// Not percent-decoded: advisor ids and language codes need no escaping.
fn query(search: &str, key: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.trim().chars().take(40).collect::<String>())
        .filter(|v| !v.is_empty())
}

/// The gallery of every built-in advisor (one that does not read is left out, with a console
/// message for the makers; build.rs has already refused broken built-ins).
fn gallery(unknown: Option<String>, lang: Option<Lang>) {
    let entries: Vec<GalleryEntry> = BUILT_IN
        .iter()
        .filter_map(|(id, text, file)| match Advisor::parse(text, file) {
            Ok(advisor) => Some(GalleryEntry {
                id: id.to_string(),
                advisor: Arc::new(advisor),
            }),
            Err(diagnostics) => {
                leptos::logging::error!("{file}: {diagnostics}");
                None
            }
        })
        .collect();
    mount_to_body(move || {
        view! { <Gallery entries unknown=unknown.clone() lang=lang.unwrap_or_default() /> }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_picks_the_page() {
        assert_eq!(page_for("", ""), Page::Gallery);
        assert_eq!(page_for("?advisor=ret", ""), Page::Advisor("ret".into()));
        assert_eq!(
            page_for("?lang=en&advisor=ns", ""),
            Page::Advisor("ns".into())
        );
        // Links shared before the gallery existed open their advisor at `/`.
        assert_eq!(
            page_for("", "#v1;ret;2024.1;nl;0;s7en;Nu~trips=8"),
            Page::Advisor("ret".into())
        );
        assert_eq!(
            page_for("", "#v2;ns;1;nl;0;;abcd;Nu~x=1"),
            Page::Advisor("ns".into())
        );
        // The address wins over the link.
        assert_eq!(
            page_for("?advisor=ns", "#v2;ret;1"),
            Page::Advisor("ns".into())
        );
        // An in-page anchor or junk is the gallery.
        // A link percent-encoded once more on the way still opens its advisor.
        assert_eq!(
            page_for("", "#v2%3Bns%3B1%3Bnl"),
            Page::Advisor("ns".into())
        );
        for hash in ["#share", "#v;ret", "#vx;ret", "#v2;", "#v2", "#"] {
            assert_eq!(page_for("", hash), Page::Gallery, "{hash}");
        }
        assert_eq!(page_for("?advisor=", ""), Page::Gallery);
        assert_eq!(
            query("?advisor=%3Cscript%3E", "advisor").as_deref(),
            Some("%3Cscript%3E")
        );
        assert_eq!(
            query(&format!("?advisor={}", "x".repeat(100)), "advisor").map(|v| v.len()),
            Some(40)
        );
        assert_eq!(
            query("?lang=en", "lang").and_then(|c| Lang::from_code(&c)),
            Some(Lang::En)
        );
    }
}
