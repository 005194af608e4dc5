//! The form around each radio group, so a browser lets its radios go when they are removed.

use leptos::prelude::*;

/// A form of its own around one radio group. Chromium keeps radios that were grouped by name in
/// a shadow root (the widget) alive after they are removed, with everything around them, unless
/// a form owns them. The form takes no part in the layout (display: contents) and has no role
/// for assistive technology (it has no name). Used for every radio group.
#[component]
pub fn RadioForm(children: Children) -> impl IntoView {
    view! {
        <form class="adv-radio-form" on:submit=|ev| ev.prevent_default()>
            {children()}
        </form>
    }
}
