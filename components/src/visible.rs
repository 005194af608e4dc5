//! Whether an element is on screen (or close to it), as a signal: parts far below the advice
//! (the chart) skip their most expensive work while nobody can see them, and catch up when
//! they come into view. An `IntersectionObserver` on that element only: no global listener.

use leptos::html::ElementType;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, closure::Closure};
use web_sys::js_sys::Array;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How far outside the viewport an element still counts as visible (so it is ready just
/// before it scrolls in).
const MARGIN: &str = "50% 0px";

/// The observer and its callback, kept until the view goes.
type Observing = (IntersectionObserver, Closure<dyn FnMut(Array)>);

/// True while the element behind `node` is within [`MARGIN`] of the viewport. False until the
/// observer has reported (and on the server). Where the browser has no IntersectionObserver,
/// always true.
pub fn visible<E>(node: NodeRef<E>) -> ReadSignal<bool>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let (on_screen, set_on_screen) = signal(false);
    let kept: StoredValue<Option<Observing>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = node.get() else {
            return;
        };
        let Some(el) = el.dyn_ref::<web_sys::Element>() else {
            return;
        };
        let report = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
            let last = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok());
            if let Some(entry) = last {
                let _ = set_on_screen.try_set(entry.is_intersecting());
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(MARGIN);
        match IntersectionObserver::new_with_options(report.as_ref().unchecked_ref(), &options) {
            Ok(observer) => {
                observer.observe(el);
                let old = kept
                    .try_update_value(|k| k.replace((observer, report)))
                    .flatten();
                if let Some((old, _)) = old {
                    old.disconnect();
                }
            }
            Err(_) => set_on_screen.set(true),
        }
    });
    on_cleanup(move || {
        kept.try_update_value(|k| {
            if let Some((observer, _)) = k.take() {
                observer.disconnect();
            }
        });
    });
    on_screen
}
