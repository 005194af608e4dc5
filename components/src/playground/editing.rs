//! What the playground editor's parts share ([`Editing`]: the texts, the parsed definition,
//! the textareas and the results of the actions; [`Tab`]: which file), and where a byte
//! offset is in a textarea. The editor and its parts (code area, messages, actions, start
//! from) import this; it imports none of them.

use std::sync::Arc;

use advies_engine::cases::CaseResult;
use advies_engine::{Advisor, Diagnostics};
use leptos::html::Textarea;
use leptos::prelude::*;

/// The two files in the editor.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Tab {
    Definition,
    Cases,
}

/// What the editor's parts share: the texts, the parsed definition, the textareas and the
/// results of the actions.
#[derive(Clone, Copy)]
pub(super) struct Editing {
    /// The definition's text.
    pub text: RwSignal<String>,
    /// The cases' text.
    pub cases_text: RwSignal<String>,
    /// The file shown.
    pub tab: RwSignal<Tab>,
    pub parsed: Memo<Result<Arc<Advisor>, Diagnostics>>,
    /// The last definition without errors: the preview keeps showing it while the text has
    /// errors.
    pub last_good: RwSignal<Option<Arc<Advisor>>>,
    pub editor: NodeRef<Textarea>,
    pub cases_editor: NodeRef<Textarea>,
    /// Escape was the last key in a textarea (then Tab leaves it: no keyboard trap).
    pub escape_pressed: StoredValue<bool>,
    pub case_results: RwSignal<Option<Result<Vec<CaseResult>, Diagnostics>>>,
    /// The prototype link made last (`Err`: too long).
    pub link: RwSignal<Option<Result<String, ()>>>,
}

impl Editing {
    /// A file's text and textarea.
    pub fn file(self, which: Tab) -> (RwSignal<String>, NodeRef<Textarea>) {
        match which {
            Tab::Definition => (self.text, self.editor),
            Tab::Cases => (self.cases_text, self.cases_editor),
        }
    }

    /// A message's place: focus the editor with the cursor there.
    pub fn go_to(self, which: Tab, span: (usize, usize)) {
        self.tab.set(which);
        let (signal, target) = self.file(which);
        request_animation_frame(move || {
            if let Some(area) = target.get_untracked() {
                let value = signal.get_untracked();
                let (from, to) = (
                    utf16_offset(&value, span.0),
                    utf16_offset(&value, span.1.max(span.0)),
                );
                let _ = area.focus();
                let _ = area.set_selection_range(from, to);
            }
        });
    }
}

/// The UTF-16 offset (what a textarea's selection counts) of byte offset `byte` in `text`.
pub(super) fn utf16_offset(text: &str, byte: usize) -> u32 {
    let byte = byte.min(text.len());
    let byte = (0..=byte)
        .rev()
        .find(|b| text.is_char_boundary(*b))
        .unwrap_or(0);
    text[..byte].encode_utf16().count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textarea_offsets_count_utf16_units() {
        let text = "a€b\n😀c";
        assert_eq!(utf16_offset(text, 0), 0);
        assert_eq!(utf16_offset(text, 1), 1);
        assert_eq!(utf16_offset(text, 4), 2); // after the euro sign (3 bytes, 1 unit)
        assert_eq!(utf16_offset(text, 2), 1); // inside the euro sign: its start
        assert_eq!(utf16_offset(text, 10), 6); // after the emoji (4 bytes, 2 units)
        assert_eq!(utf16_offset(text, 999), 7);
    }
}
