//! The site's start page: every built-in advisor with one line on what it is for, and a link to
//! its own page (`?advisor=<id>`). Also says so when an address names an advisor that does not
//! exist, instead of showing nothing.

use advies_engine::format;
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;

use crate::i18n::{self, Key, t};
use crate::lang_switch::LangSwitch;

/// One advisor in the gallery, taken from its definition.
#[derive(Clone, Debug)]
pub struct GalleryEntry {
    /// The advisor's id: its page is `?advisor=<id>`.
    pub id: String,
    pub advisor: std::sync::Arc<Advisor>,
}

/// The gallery page. `unknown`: the advisor id an address asked for that is not built in.
#[component]
pub fn Gallery(entries: Vec<GalleryEntry>, unknown: Option<String>, lang: Lang) -> impl IntoView {
    let lang = RwSignal::new(lang);
    Effect::new(move |_| {
        let l = lang.get();
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", l.code());
        }
        doc.set_title(t(Key::GalleryTitle, l));
    });
    let cards = move || {
        let l = lang.get();
        entries
            .iter()
            .map(|e| {
                let def = &e.advisor.def;
                let summary = if def.summary.is_empty() {
                    def.intro.get(l).to_string()
                } else {
                    def.summary.get(l).to_string()
                };
                let href = match l {
                    Lang::Nl => format!("?advisor={}", e.id),
                    Lang::En => format!("?advisor={}&lang=en", e.id),
                };
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
            .collect_view()
    };
    let unknown_notice = unknown.map(|id| {
        view! {
            <div class="adv-alert" role="alert" data-testid="unknown-advisor">
                <p>{move || i18n::unknown_advisor(&id, lang.get())}</p>
            </div>
        }
    });
    view! {
        <div class="adv-root adv-gallery" lang=move || lang.get().code()>
            <header class="adv-header">
                <div class="adv-header__bar">
                    <p class="adv-header__kicker">{move || t(Key::GalleryKicker, lang.get())}</p>
                    <div class="adv-header__tools">
                        <LangSwitch lang />
                    </div>
                </div>
                <h1 class="adv-title">{move || t(Key::GalleryTitle, lang.get())}</h1>
                <p class="adv-intro">{move || t(Key::GalleryIntro, lang.get())}</p>
            </header>
            <main class="adv-main">
                {unknown_notice}
                <ul class="adv-gallery__list">{cards}</ul>
                <p class="adv-gallery__makers">
                    {move || t(Key::GalleryMakers, lang.get())} " "
                    <a class="adv-link" href="playground/" id="to-playground">
                        {move || t(Key::GalleryPlayground, lang.get())}
                    </a>
                </p>
            </main>
            <footer class="adv-footer">
                <p>{move || t(Key::Privacy, lang.get())}</p>
            </footer>
        </div>
    }
}
