//! The widget entry points for `embed/advies-module.js` (the `<advies-module>` custom element):
//! mount one advisor into an element inside the element's shadow root, and unmount it again.
//! Several widgets on one page each get their own Leptos root and state.
//!
//! The definition is read at once; the view is built (or the build's view hydrated) in a task
//! of its own right after, so a page with widgets never does it all in one long task.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use advies_components::{AdvisorWidget, DefinitionErrorPage, WidgetEvent, WidgetOptions};
use advies_engine::catalogue::Key;
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::js_sys;

/// What a widget is: not mounted yet, mounted (its Leptos root), or removed.
enum Mounted {
    Pending,
    /// Held only: dropping it unmounts the widget.
    #[allow(dead_code)]
    Root(Box<dyn Any>),
    Removed,
}

/// A widget; `unmount` (or dropping it) removes it and its reactive state, also before it was
/// mounted.
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Rc<RefCell<Mounted>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget from the page and frees its state. Safe to call twice.
    pub fn unmount(&mut self) {
        *self.mounted.borrow_mut() = Mounted::Removed;
    }
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        self.unmount();
    }
}

/// The detail object of a host event.
fn detail(advisor: &str, option: Option<&str>, answers: Option<&[(String, String)]>) -> JsValue {
    let obj = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), &v);
    };
    set("advisor", JsValue::from_str(advisor));
    set("option", option.map_or(JsValue::NULL, JsValue::from_str));
    if let Some(answers) = answers {
        let map = js_sys::Object::new();
        for (k, v) in answers {
            let _ = js_sys::Reflect::set(&map, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        set("answers", map.into());
    }
    obj.into()
}

/// Mounts a widget into `host`.
///
/// - `advisor`: a built-in id, or the URL the loader fetched `definition` from;
/// - `definition`, `file`: the fetched definition text (JSON) and its path;
/// - `built_in`: the definition is one of the site's own (the loader fetched it from its
///   manifest), so it is not marked as a prototype;
/// - `load_error`: why the loader could not fetch it (shown in the widget), else empty;
/// - `prerendered`: `host` holds this advisor's view as the build rendered it (default answers,
///   this language and `compact`): it is hydrated instead of built;
/// - `emit(type, detail)`: called with "advice" or "contact" and a detail object.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn mount_widget(
    host: web_sys::HtmlElement,
    definition: String,
    file: String,
    built_in: bool,
    load_error: String,
    lang: String,
    prefill: String,
    compact: bool,
    share_answers: bool,
    prerendered: bool,
    emit: js_sys::Function,
) -> WidgetHandle {
    let lang_choice = Lang::from_code(lang.trim()).unwrap_or_default();
    let loaded: Result<Arc<Advisor>, LoadProblem> = if !load_error.is_empty() {
        Err(LoadProblem::Message(load_error))
    } else {
        let read = if built_in {
            Advisor::parse_built_in
        } else {
            Advisor::parse
        };
        read(&definition, &file)
            .map(Arc::new)
            .map_err(LoadProblem::Definition)
    };
    let options = WidgetOptions {
        lang: lang_choice,
        prefill,
        compact,
        share_answers,
        // A definition the host page supplied is not one the organisation checked.
        prototype: !built_in,
    };
    let mounted = Rc::new(RefCell::new(Mounted::Pending));
    let slot = mounted.clone();
    set_timeout(
        move || {
            if !matches!(*slot.borrow(), Mounted::Pending) {
                return;
            }
            let root = mount(host.clone(), loaded, options, prerendered, emit);
            *slot.borrow_mut() = Mounted::Root(root);
            // The build's view answers now: no longer busy (the loader set it while it waited).
            let _ = host.remove_attribute("aria-busy");
        },
        std::time::Duration::ZERO,
    );
    WidgetHandle { mounted }
}

/// Builds the widget in `host`, or hydrates the view of it that `host` holds (`prerendered`).
fn mount(
    host: web_sys::HtmlElement,
    loaded: Result<Arc<Advisor>, LoadProblem>,
    options: WidgetOptions,
    prerendered: bool,
    emit: js_sys::Function,
) -> Box<dyn Any> {
    match loaded {
        Ok(a) => {
            let widget = move || {
                // The callback is made inside the widget's root, so unmounting frees it too.
                let on_event = Callback::new(move |event: WidgetEvent| {
                    let (kind, d) = match &event {
                        WidgetEvent::AdviceChanged {
                            advisor,
                            option,
                            answers,
                        } => (
                            "advice",
                            detail(advisor, option.as_deref(), answers.as_deref()),
                        ),
                        WidgetEvent::ContactRequested {
                            advisor,
                            option,
                            answers,
                        } => (
                            "contact",
                            detail(advisor, option.as_deref(), answers.as_deref()),
                        ),
                    };
                    let _ = emit.call2(&JsValue::NULL, &JsValue::from_str(kind), &d);
                });
                view! { <AdvisorWidget advisor=a options on_event /> }
            };
            clear_current_owner();
            let root: Box<dyn Any> = if prerendered {
                Box::new(leptos::mount::hydrate_from(host, widget))
            } else {
                host.set_inner_html("");
                Box::new(mount_to(host, widget))
            };
            clear_current_owner();
            root
        }
        Err(problem) => {
            clear_current_owner();
            host.set_inner_html("");
            match problem {
                LoadProblem::Definition(diagnostics) => Box::new(mount_to(host, move || {
                    view! { <DefinitionErrorPage diagnostics embedded=true /> }
                })),
                LoadProblem::Message(message) => Box::new(mount_to(host, move || {
                    view! { <LoadFailed message /> }
                })),
            }
        }
    }
}

/// Leaves no reactive owner current, so each widget's root stands alone.
///
/// `hydrate_from` makes its root with `Owner::new_root`, which stays the current owner after it
/// returns; `mount_to` makes its root a child of whatever owner is current. Without this, a
/// widget mounted again later (the host changed an attribute) became a child of the widget
/// hydrated last, and was disposed with it when that one was mounted again: its buttons then
/// touched disposed signals (a panic, found by the soak test on a host page with two widgets).
fn clear_current_owner() {
    if let Some(owner) = Owner::current() {
        owner.unset();
    }
}

enum LoadProblem {
    Message(String),
    Definition(advies_engine::Diagnostics),
}

/// Shown inside the widget when the advisor cannot be loaded; nothing else on the page changes.
#[component]
fn LoadFailed(message: String) -> impl IntoView {
    // Every language, the default first: which one the host asked for may be what failed.
    let titles = Lang::ALL
        .into_iter()
        .map(|l| {
            let lang = (l != Lang::default()).then(|| l.code());
            view! { <p lang=lang class="adv-alert__title">{Key::WidgetLoadFailed.get(l)}</p> }
        })
        .collect_view();
    view! {
        <div class="adv-root" lang=Lang::default().code()>
            <div class="adv-alert" role="alert" data-testid="widget-load-failed">
                {titles}
                <p>{message}</p>
            </div>
        </div>
    }
}
