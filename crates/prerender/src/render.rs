//! Renders a Leptos view to HTML, natively, with the hydration markers the app's wasm expects.

use leptos::prelude::*;

/// The HTML of the view `make` builds, in a reactive owner of its own (dropped afterwards).
pub fn html<V: IntoView + 'static>(make: impl FnOnce() -> V) -> String {
    let owner = Owner::new_root(None);
    let html = owner.with(|| make().into_view().to_html());
    owner.unset();
    html
}

/// `text` for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON to stand inside `<script>`: no `<` can end the element or open a comment (`<` only
/// occurs inside JSON strings, where `\u003c` means the same).
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_script_json() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            script_json(r#"{"t":"</script><!--"}"#),
            r#"{"t":"\u003c/script>\u003c!--"}"#
        );
        let back: serde_json::Value =
            serde_json::from_str(&script_json(r#"{"t":"</script>"}"#)).unwrap();
        assert_eq!(back["t"], "</script>");
    }
}
