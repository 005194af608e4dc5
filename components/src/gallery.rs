//! The site's start page: every built-in advisor with one line on what it is for, and a link to
//! its own page (`/<id>/`, in English `/<id>/en/`). Static HTML, made at build time. Its
//! script says so when an address names an advisor that does not exist, instead of showing
//! nothing.

use advies_engine::format;
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;

use crate::i18n::{self, Key, t};

/// One advisor in the gallery, taken from its definition.
#[derive(Clone, Debug)]
pub struct GalleryEntry {
    /// The advisor's id: its page is `/<id>/`.
    pub id: String,
    pub advisor: std::sync::Arc<Advisor>,
}

/// The placeholder for the unknown id in [`i18n::unknown_advisor`]: the page's script puts the
/// address's id in its place, as text.
pub const UNKNOWN_ID_SLOT: &str = "\u{1}";

/// The gallery page, as static HTML (rendered at build time; no wasm runs on it). `root` leads
/// from this page to the site's root (`""` at `/`, `"../"` at `/en/`). The notice for an
/// unknown advisor id is there, hidden: the page's script fills in the id and shows it.
#[component]
pub fn Gallery(entries: Vec<GalleryEntry>, lang: Lang, root: String) -> impl IntoView {
    let l = lang;
    let cards = entries
        .iter()
        .map(|e| {
            let def = &e.advisor.def;
            let summary = if def.summary.is_empty() {
                def.intro.get(l).to_string()
            } else {
                def.summary.get(l).to_string()
            };
            let href = format!("{root}{}", page_path(&e.id, l));
            let meta = i18n::gallery_meta(&def.owner, &format::date(&def.valid_from, l), l);
            let prototype = e
                .advisor
                .has_illustrative()
                .then(|| view! { <p class="adv-badge adv-badge--illustrative">{t(Key::GalleryIllustrative, l)}</p> });
            view! {
                <li class="adv-gallery__item" data-testid="gallery-item">
                    <h2 class="adv-heading-3">
                        <a class="adv-link adv-gallery__link" href=href id=format!("open-{}", e.id)>
                            {def.title.get(l).to_string()}
                        </a>
                    </h2>
                    <p>{summary}</p>
                    <p class="adv-gallery__meta">{meta}</p>
                    {prototype}
                </li>
            }
        })
        .collect_view();
    let unknown = i18n::unknown_advisor(UNKNOWN_ID_SLOT, l);
    let (before, after) = unknown
        .split_once(UNKNOWN_ID_SLOT)
        .unwrap_or((&unknown, ""));
    let other = l.next();
    let other_href = if other == Lang::default() {
        if root.is_empty() {
            "./".to_string()
        } else {
            root.clone()
        }
    } else {
        format!("{root}{}/", other.code())
    };
    view! {
        <div class="adv-root adv-gallery" lang=l.code()>
            <header class="adv-header">
                <div class="adv-header__bar">
                    <p class="adv-header__kicker">{t(Key::GalleryKicker, l)}</p>
                    <div class="adv-header__tools">
                        <a
                            id="lang-switch"
                            class="adv-button adv-button--secondary adv-lang-switch"
                            href=other_href
                            hreflang=other.code()
                        >
                            <span lang=other.code()>{other.name()}</span>
                        </a>
                    </div>
                </div>
                <h1 class="adv-title">{t(Key::GalleryTitle, l)}</h1>
                <p class="adv-intro">{t(Key::GalleryIntro, l)}</p>
            </header>
            <main class="adv-main">
                <div
                    class="adv-alert"
                    role="alert"
                    id="unknown-advisor"
                    data-testid="unknown-advisor"
                    data-before=before.to_string()
                    data-after=after.to_string()
                    hidden
                >
                    <p></p>
                </div>
                <ul class="adv-gallery__list">{cards}</ul>
                <p class="adv-gallery__makers">
                    {t(Key::GalleryMakers, l)} " "
                    <a class="adv-link" href=format!("{root}playground/") id="to-playground">
                        {t(Key::GalleryPlayground, l)}
                    </a>
                </p>
            </main>
            <footer class="adv-footer">
                <p>{t(Key::Privacy, l)}</p>
            </footer>
        </div>
    }
}

/// Where the page of advisor `id` in `lang` is, from the site's root: `ret/`, `ret/en/`.
pub fn page_path(id: &str, lang: Lang) -> String {
    format!("{id}/{}", lang_folder(lang))
}

/// The folder of a language's pages below a page of the default language: empty for the
/// default language, `en/` for English (its code and a slash).
pub fn lang_folder(lang: Lang) -> String {
    if lang == Lang::default() {
        String::new()
    } else {
        format!("{}/", lang.code())
    }
}
