//! The standalone site: the built-in RET advisor at `/`.

use std::sync::Arc;

mod bench;

use advies_components::{AdvisorPage, DefinitionErrorPage};
use advies_engine::Advisor;
use leptos::prelude::*;

/// The RET definition, validated and converted to JSON by build.rs (advisors/ret/definition.toml).
const RET_FILE: &str = "advisors/ret/definition.json";
const RET_DEFINITION: &str = include_str!(concat!(env!("OUT_DIR"), "/ret.json"));

fn main() {
    console_error_panic_hook::set_once();
    match Advisor::parse(RET_DEFINITION, RET_FILE) {
        Ok(advisor) => {
            let advisor = Arc::new(advisor);
            mount_to_body(move || view! { <AdvisorPage advisor /> });
        }
        Err(diagnostics) => mount_to_body(move || view! { <DefinitionErrorPage diagnostics /> }),
    }
}
