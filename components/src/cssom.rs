//! Inline styles set through the CSSOM, after the view is on screen.
//!
//! A strict Content Security Policy (`style-src 'self'`, no `'unsafe-inline'`) blocks `style`
//! attributes in HTML, and the views the build renders for the widget are HTML put into a
//! host's page. So computed styles (a score bar's colours, a weight's stable band) are never
//! written as attributes: this sets them on the element itself once it is mounted, and again
//! on every change. Without JavaScript those few decorations are missing; every figure is
//! also in the text.

use leptos::html::ElementType;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Keeps CSS property `property` of the element behind `node` equal to `value()`, removing it
/// while that is `None`. A render effect, like the view's own attributes: it runs in step with
/// the view and goes with it.
pub fn keep_style<E>(
    node: NodeRef<E>,
    property: &'static str,
    value: impl Fn() -> Option<String> + 'static,
) where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let effect = RenderEffect::new(move |_| {
        let value = value();
        let Some(el) = node.get() else {
            return;
        };
        let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() else {
            return;
        };
        let style = el.style();
        let _ = match value {
            Some(v) => style.set_property(property, &v),
            None => style.remove_property(property).map(|_| ()),
        };
    }); // A render effect stops when dropped: the view's owner keeps it until the view goes.
    on_cleanup(move || drop(effect));
}
