//! Hydrates an advisor page of the site: the HTML that the build rendered from the same
//! components, with the definition (JSON) in a `<script type="application/json">` of the page.

use std::sync::Arc;

use advies_components::page::{APP_ELEMENT_ID, DEFINITION_ELEMENT_ID};
use advies_components::{AdvisorPage, DefinitionErrorPage};
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Hydrates the advisor in `#adv-app`, if this page has one (a widget's host page has not).
/// A definition that does not read (it was checked at build time, so only a damaged file)
/// replaces the page with the makers' messages: never a dead page.
pub fn hydrate_advisor_page() {
    let doc = document();
    let Some(app) = doc
        .get_element_by_id(APP_ELEMENT_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let (text, file) = doc
        .get_element_by_id(DEFINITION_ELEMENT_ID)
        .map(|el| {
            (
                el.text_content().unwrap_or_default(),
                el.get_attribute("data-file").unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    let lang = doc
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code));
    // The build checked this definition: read it without the search for failing formulas.
    match Advisor::parse_built_in(&text, &file) {
        // In a task of its own, after reading the definition: two shorter tasks keep the page
        // responsive on a slow phone.
        Ok(advisor) => set_timeout(
            move || {
                let advisor = Arc::new(advisor);
                leptos::mount::hydrate_from(
                    app,
                    move || view! { <AdvisorPage advisor lang=lang.unwrap_or_default() /> },
                )
                .forget();
            },
            std::time::Duration::ZERO,
        ),
        Err(diagnostics) => {
            app.set_inner_html("");
            leptos::mount::mount_to(app, move || view! { <DefinitionErrorPage diagnostics /> })
                .forget();
        }
    }
}
