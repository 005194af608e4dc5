//! The widget entry points for `embed/advies-module.js` (the `<advies-module>` custom element):
//! mount one advisor into an element inside the element's shadow root, and unmount it again.
//! Several widgets on one page each get their own Leptos root and state.

use std::any::Any;
use std::sync::Arc;

use advies_components::{AdvisorWidget, DefinitionErrorPage, WidgetEvent, WidgetOptions};
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::js_sys;

/// A mounted widget; `unmount` (or dropping it) removes it and its reactive state.
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Option<Box<dyn Any>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget from the page and frees its state. Safe to call twice.
    pub fn unmount(&mut self) {
        self.mounted = None;
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
/// - `definition`, `file`: the fetched definition text (JSON) and its path, empty for built-ins;
/// - `load_error`: why the loader could not fetch it (shown in the widget), else empty;
/// - `emit(type, detail)`: called with "advice" or "contact" and a detail object.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn mount_widget(
    host: web_sys::HtmlElement,
    advisor: String,
    definition: String,
    file: String,
    load_error: String,
    lang: String,
    prefill: String,
    compact: bool,
    share_answers: bool,
    emit: js_sys::Function,
) -> WidgetHandle {
    let lang_choice = Lang::from_code(lang.trim()).unwrap_or_default();
    // A definition the host page supplied is not one the organisation checked.
    let prototype = !definition.is_empty();
    let loaded: Result<Arc<Advisor>, LoadProblem> = if !load_error.is_empty() {
        Err(LoadProblem::Message(load_error))
    } else if !definition.is_empty() {
        Advisor::parse(&definition, &file)
            .map(Arc::new)
            .map_err(LoadProblem::Definition)
    } else {
        match crate::built_in(advisor.trim()) {
            Some((text, file)) => Advisor::parse(text, file)
                .map(Arc::new)
                .map_err(LoadProblem::Definition),
            None => Err(LoadProblem::Message(unknown_advisor(&advisor))),
        }
    };
    let mounted: Box<dyn Any> = match loaded {
        Ok(a) => {
            let options = WidgetOptions {
                lang: lang_choice,
                prefill,
                compact,
                share_answers,
                prototype,
            };
            // The callback is made inside the widget's root, so unmounting frees it too.
            Box::new(mount_to(host, move || {
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
            }))
        }
        Err(LoadProblem::Definition(diagnostics)) => Box::new(mount_to(host, move || {
            view! { <DefinitionErrorPage diagnostics embedded=true /> }
        })),
        Err(LoadProblem::Message(message)) => Box::new(mount_to(host, move || {
            view! { <LoadFailed message /> }
        })),
    };
    WidgetHandle {
        mounted: Some(mounted),
    }
}

enum LoadProblem {
    Message(String),
    Definition(advies_engine::Diagnostics),
}

fn unknown_advisor(id: &str) -> String {
    let known = crate::BUILT_IN
        .iter()
        .map(|(id, _, _)| *id)
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "Er is geen keuzehulp \"{id}\". Bekende keuzehulpen: {known}. / There is no advisor \"{id}\". Known advisors: {known}."
    )
}

/// Shown inside the widget when the advisor cannot be loaded; nothing else on the page changes.
#[component]
fn LoadFailed(message: String) -> impl IntoView {
    view! {
        <div class="adv-root" lang="nl">
            <div class="adv-alert" role="alert" data-testid="widget-load-failed">
                <p class="adv-alert__title">"Deze keuzehulp kan niet laden"</p>
                <p lang="en" class="adv-alert__title">"This advisor cannot load"</p>
                <p>{message}</p>
            </div>
        </div>
    }
}
