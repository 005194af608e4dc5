//! The designer playground (feature `playground`): a definition in an editor beside a live
//! preview. Errors with line and column as you type (click one: the cursor goes there); while
//! the text has errors, the last good preview stays. Test cases run on request. Start from the
//! template or a copy of a built-in advisor; download; a prototype link carries the whole
//! definition in the URL fragment (compressed), and opens as the advisor alone, for a test
//! participant, under a banner that says it is a prototype.
//!
//! No business rules here either: parsing, validation and the cases are the engine's.

mod actions;
mod code_area;
mod editing;
mod editor;
mod messages;
mod reflection;
mod start_from;

use std::sync::Arc;

use advies_engine::{Advisor, Diagnostics, Lang};
use leptos::prelude::*;

use crate::i18n::{Key, t};
use crate::page::AdvisorView;
use crate::state::AdvisorState;
use editor::Editor;
use reflection::Reflection;
pub use reflection::stored_rows;

/// The template a new advisor starts from (the same as `cargo xtask advisor new`).
pub const TEMPLATE: &str = include_str!("../../../engine/templates/definition.toml");
/// The template's test cases.
pub const TEMPLATE_CASES: &str = include_str!("../../../engine/templates/cases.toml");

/// File name used in messages, so they read like `definition.toml:12:3: …`.
const FILE: &str = "definition.toml";
const CASES_FILE: &str = "cases.toml";
/// Start of a prototype link's fragment: `#proto=<lz-string, URI-safe>`.
const PROTO: &str = "proto=";
/// Start of the fragment that opens the same definition in the editor: `#edit=…`.
const EDIT: &str = "edit=";
/// A definition longer than this is not put in a link (browsers and chat apps cut long links).
pub const MAX_LINK_CHARS: usize = 60_000;

/// A built-in advisor as written: id, definition TOML, cases TOML.
pub type Source = (&'static str, &'static str, &'static str);

/// The prototype link text (the part after `#`) for `definition`, or `None` when it is too long.
pub fn proto_fragment(definition: &str) -> Option<String> {
    let packed = lz_str::compress_to_encoded_uri_component(definition);
    (packed.len() + PROTO.len() <= MAX_LINK_CHARS).then(|| format!("{PROTO}{packed}"))
}

/// What a prototype link's fragment asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// `#proto=…`: the advisor alone, for a test participant.
    Participant,
    /// `#edit=…`: the editor with this definition, for the designer.
    Editor,
}

/// The definition in a prototype link's fragment (with or without `#`): `None` when the
/// fragment is not a prototype link, an `Err(())` when it is one that cannot be unpacked.
pub fn definition_from_fragment(fragment: &str) -> Option<(Opened, Result<String, ()>)> {
    let fragment = fragment.trim_start_matches('#');
    let (opened, packed) = if let Some(p) = fragment.strip_prefix(PROTO) {
        (Opened::Participant, p)
    } else {
        (Opened::Editor, fragment.strip_prefix(EDIT)?)
    };
    let text = lz_str::decompress_from_encoded_uri_component(packed)
        .and_then(|units| String::from_utf16(&units).ok())
        .filter(|text| !text.is_empty())
        .ok_or(());
    Some((opened, text))
}

/// Parses `text` as a definition: the advisor, or the diagnostics.
fn parse(text: &str) -> Result<Arc<Advisor>, Diagnostics> {
    Advisor::parse(text, FILE).map(Arc::new)
}

/// The playground page. `sources`: the built-in advisors to copy from. `fragment`: the URL
/// fragment the page was opened with (a prototype link opens the participant view).
#[component]
pub fn Playground(sources: Vec<Source>, fragment: String, lang: Lang) -> impl IntoView {
    let opened = definition_from_fragment(&fragment);
    match opened {
        Some((Opened::Participant, Ok(text))) => match parse(&text) {
            Ok(advisor) => view! { <Participant advisor fragment lang /> }.into_any(),
            // The link's text has errors: the editor shows it with its messages.
            Err(_) => view! {
                <Editor sources initial=text cases=String::new() lang problem=Some(t(Key::ProtoLinkErrors, lang).to_string()) />
            }
            .into_any(),
        },
        Some((Opened::Editor, Ok(text))) => {
            view! { <Editor sources initial=text cases=String::new() lang problem=None /> }.into_any()
        }
        Some((_, Err(()))) => view! {
            <Editor
                sources
                initial=TEMPLATE.to_string()
                cases=TEMPLATE_CASES.to_string()
                lang
                problem=Some(t(Key::ProtoLinkBroken, lang).to_string())
            />
        }
        .into_any(),
        None => view! {
            <Editor sources initial=TEMPLATE.to_string() cases=TEMPLATE_CASES.to_string() lang problem=None />
        }
        .into_any(),
    }
}

/// A test participant's view of a prototype link: the banner and the advisor, nothing else
/// (and a way into the editor with the same definition, for the designer).
#[component]
fn Participant(advisor: Arc<Advisor>, fragment: String, lang: Lang) -> impl IntoView {
    let state = AdvisorState {
        prototype: true,
        ..AdvisorState::new_embedded(advisor, lang)
    };
    let to_editor = format!(
        "#{EDIT}{}",
        fragment.trim_start_matches('#').trim_start_matches(PROTO)
    );
    view! {
        <div class="adv-root adv-playground adv-playground--participant" lang=lang.code()>
            <main class="adv-main">
                <AdvisorView state />
                <Reflection state lang />
                <p class="adv-playground__to-editor">
                    <a class="adv-link" href=to_editor id="open-editor">{t(Key::ProtoOpenEditor, lang)}</a>
                </p>
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use advies_engine::cases::run_cases;

    #[test]
    fn a_prototype_link_carries_the_definition_exactly() {
        let fragment = proto_fragment(TEMPLATE).unwrap();
        assert!(
            fragment.len() < TEMPLATE.len(),
            "compressed: {} < {}",
            fragment.len(),
            TEMPLATE.len()
        );
        assert!(
            fragment.bytes().all(|b| b.is_ascii_graphic()),
            "safe in a URL"
        );
        assert_eq!(
            definition_from_fragment(&format!("#{fragment}")),
            Some((Opened::Participant, Ok(TEMPLATE.to_string())))
        );
        let edit = fragment.replacen(PROTO, EDIT, 1);
        assert_eq!(
            definition_from_fragment(&edit),
            Some((Opened::Editor, Ok(TEMPLATE.to_string())))
        );
        let with_accents = "title = { nl = \"Café €\" }\n";
        let f = proto_fragment(with_accents).unwrap();
        assert_eq!(
            definition_from_fragment(&f).map(|d| d.1),
            Some(Ok(with_accents.to_string()))
        );
    }

    #[test]
    fn other_fragments_and_broken_links() {
        assert_eq!(definition_from_fragment(""), None);
        assert_eq!(definition_from_fragment("#v2;ret;1"), None);
        assert_eq!(
            definition_from_fragment("#proto=").map(|d| d.1),
            Some(Err(()))
        );
        assert_eq!(
            definition_from_fragment("#edit=%%%not-lz").map(|d| d.1),
            Some(Err(()))
        );
        let long = "x".repeat(400_000);
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let random: String = (0..200_000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                char::from(b'!' + (seed % 90) as u8)
            })
            .collect();
        assert!(
            proto_fragment(&long).is_some(),
            "repetitive text packs well"
        );
        assert_eq!(proto_fragment(&random), None, "too long for a link");
    }

    #[test]
    fn the_template_is_a_valid_advisor_with_passing_cases() {
        let a = parse(TEMPLATE).expect("template parses");
        let results = run_cases(&a, TEMPLATE_CASES, CASES_FILE).expect("cases parse");
        assert!(results.len() >= 12);
        assert!(results.iter().all(|r| r.passed()));
    }
}
