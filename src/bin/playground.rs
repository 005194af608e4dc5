//! The designer playground (playground.html): a definition editor beside a live preview. A
//! separate wasm from the site and the widget, because it reads TOML (the engine's `toml`
//! feature), which the others leave out to stay small.

use advies_components::playground::{Playground, Source};
use advies_engine::Lang;
use leptos::prelude::*;

// The built-in advisors as written (TOML with comments, and their cases), by build.rs.
include!(concat!(env!("OUT_DIR"), "/built_in_sources.rs"));

fn main() {
    console_error_panic_hook::set_once();
    let location = window().location();
    let fragment = location.hash().unwrap_or_default();
    let lang = location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::from_code)
        .unwrap_or_default();
    // A prototype link opened from the participant view ("open in the playground") changes
    // only the fragment: start again with it.
    let reload = leptos::wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        let _ = window().location().reload();
    });
    window().set_onhashchange(Some(leptos::wasm_bindgen::JsCast::unchecked_ref(
        reload.as_ref(),
    )));
    reload.forget();
    let sources: Vec<Source> = BUILT_IN_SOURCES.to_vec();
    mount_to_body(
        move || view! { <Playground sources=sources.clone() fragment=fragment.clone() lang /> },
    );
}
