//! The standalone site: the built-in RET advisor at `/`.

use std::sync::Arc;

mod bench;
mod embed;

use advies_components::{AdvisorPage, DefinitionErrorPage};
use advies_engine::Advisor;
use leptos::prelude::*;

/// The RET definition, validated and converted to JSON by build.rs (advisors/ret/definition.toml).
const RET_FILE: &str = "advisors/ret/definition.json";
const RET_DEFINITION: &str = include_str!(concat!(env!("OUT_DIR"), "/ret.json"));

/// Built-in advisors: (id, definition JSON, file name for messages).
pub const BUILT_IN: &[(&str, &str, &str)] = &[("ret", RET_DEFINITION, RET_FILE)];

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
    // `data-adviesmodule-site` on <body>) mounts the page; the widget loader mounts widgets
    // through `embed::mount_widget`.
    let site = document()
        .body()
        .is_some_and(|b| b.has_attribute("data-adviesmodule-site"));
    if !site {
        return;
    }
    match Advisor::parse(RET_DEFINITION, RET_FILE) {
        Ok(advisor) => {
            let advisor = Arc::new(advisor);
            mount_to_body(move || view! { <AdvisorPage advisor /> });
        }
        Err(diagnostics) => mount_to_body(move || view! { <DefinitionErrorPage diagnostics /> }),
    }
}
