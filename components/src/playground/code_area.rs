//! One file's editor: line numbers beside a textarea. Tab puts in two spaces; Escape, then
//! Tab, leaves it (no keyboard trap).

use advies_engine::Lang;
use leptos::html::{Pre, Textarea};
use leptos::prelude::*;
use leptos::web_sys;

use super::editing::{Editing, Tab};
use crate::i18n::{Key, t};

/// Tab inserts two spaces; Escape first, then Tab, leaves the editor (no keyboard trap).
fn on_keydown(
    ed: Editing,
    ev: web_sys::KeyboardEvent,
    target: NodeRef<Textarea>,
    signal: RwSignal<String>,
) {
    if ev.key() == "Escape" {
        ed.escape_pressed.set_value(true);
        return;
    }
    let after_escape = ed.escape_pressed.get_value();
    ed.escape_pressed.set_value(false);
    if ev.key() != "Tab"
        || ev.shift_key()
        || ev.ctrl_key()
        || ev.alt_key()
        || ev.meta_key()
        || after_escape
    {
        return;
    }
    let Some(area) = target.get_untracked() else {
        return;
    };
    ev.prevent_default();
    let value = area.value();
    let start = area.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = area.selection_end().ok().flatten().unwrap_or(start as u32) as usize;
    let units: Vec<u16> = value.encode_utf16().collect();
    let (start, end) = (start.min(units.len()), end.min(units.len()));
    let mut next: Vec<u16> = units[..start].to_vec();
    next.extend("  ".encode_utf16());
    next.extend_from_slice(&units[end..]);
    let next = String::from_utf16_lossy(&next);
    area.set_value(&next);
    let caret = (start + 2) as u32;
    let _ = area.set_selection_range(caret, caret);
    signal.set(next);
}

/// The line numbers of the text in `signal`, one a line.
fn line_numbers(signal: RwSignal<String>) -> impl Fn() -> String + Copy {
    move || {
        let n = signal.with(|t| t.lines().count().max(1) + usize::from(t.ends_with('\n')));
        (1..=n)
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Keeps the line numbers beside the lines when the textarea scrolls.
fn sync_scroll(area: NodeRef<Textarea>, gutter: NodeRef<Pre>) {
    if let (Some(a), Some(g)) = (area.get_untracked(), gutter.get_untracked()) {
        g.set_scroll_top(a.scroll_top());
    }
}

/// One file's editor: line numbers beside a textarea, shown when its tab is chosen.
#[component]
pub(super) fn CodeArea(
    ed: Editing,
    which: Tab,
    id: &'static str,
    label: Key,
    lang: Lang,
    initial: String,
) -> impl IntoView {
    let (signal, area) = ed.file(which);
    let numbers: NodeRef<Pre> = NodeRef::new();
    view! {
        <div class="adv-playground__code" hidden=move || ed.tab.get() != which>
            <pre class="adv-playground__gutter" aria-hidden="true" node_ref=numbers>{line_numbers(signal)}</pre>
            <textarea
                id=id
                class="adv-playground__textarea"
                spellcheck="false"
                autocomplete="off"
                wrap="off"
                aria-label=t(label, lang)
                aria-describedby="editor-help"
                node_ref=area
                on:input=move |ev| signal.set(event_target_value(&ev))
                on:keydown=move |ev| on_keydown(ed, ev, area, signal)
                on:scroll=move |_| sync_scroll(area, numbers)
                prop:value=initial
            ></textarea>
        </div>
    }
}
