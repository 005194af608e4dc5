//! The app's wasm, shared by the site and the widget.
//!
//! On an advisor page of the site (`/<id>/`, rendered to HTML at build time by
//! `crates/prerender`) it hydrates that page: the definition is in the page itself, so nothing
//! else is fetched before the advice responds. The widget loader (`embed/advies-module.js`)
//! mounts widgets through [`embed::mount_widget`]. The gallery at `/` is static HTML and
//! loads no wasm.

mod bench;
mod embed;
mod page;

fn main() {
    console_error_panic_hook::set_once();
    page::hydrate_advisor_page();
}
