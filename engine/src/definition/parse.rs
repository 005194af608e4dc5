//! Definition text (TOML or JSON) into the model: the size limit, then serde, with every
//! parser error turned into a located diagnostic ([`super::syntax`], [`super::data_errors`]).

use super::data_errors::data_error;
use super::limits::MAX_DEFINITION_BYTES;
use super::syntax::json_syntax_message;
#[cfg(feature = "toml")]
use super::syntax::{toml_syntax_message, toml_syntax_special};
use crate::diag::{Diagnostic, Diagnostics, Format, Locator, json_path_at};

/// A definition over [`MAX_DEFINITION_BYTES`]: at its largest part when one part holds at
/// least half of it (else at 1:1).
pub(super) fn too_big(text: &str, file: &str, format: Format) -> Diagnostic {
    let loc = Locator::new(file, text, format);
    let mut message = format!(
        "the definition is {} KB; the limit is {} KB",
        text.len() / 1000,
        MAX_DEFINITION_BYTES / 1000
    );
    let hint = Some("split it up or remove unused parts".into());
    match crate::diag::largest_part(text, format) {
        Some((path, span, size)) => {
            message += &format!(
                "; `{}` alone is {} KB",
                crate::diag::path_string(&path),
                size / 1000
            );
            loc.at_span(&path, span, message, hint)
        }
        None => loc.at_span(&[], (0, 0), message, hint),
    }
}

/// Deserializes a TOML or JSON document, turning serde errors into located diagnostics that
/// name the field (from the error's position) and say in plain words what is wrong.
pub fn deserialize<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
    format: Format,
) -> Result<T, Diagnostics> {
    match format {
        #[cfg(not(feature = "toml"))]
        Format::Toml => Err(Diagnostics(vec![Locator::new(file, text, format).at_span(
            &[],
            (0, 0),
            "this build reads JSON definitions only (the TOML reader is left out to keep it small)",
            Some("convert the definition to JSON first".into()),
        )])),
        #[cfg(feature = "toml")]
        Format::Toml => {
            // Parse once; a syntax error needs no second parse to be located.
            let parsed = toml::de::DeTable::parse(text);
            let syntax = parsed.is_err();
            let result = parsed.and_then(|root| T::deserialize(toml::de::Deserializer::from(root)));
            result.map_err(|e| {
                let loc = Locator::new(file, text, format);
                let span = e.span().map(|r| (r.start, r.end)).unwrap_or((0, 0));
                if syntax {
                    if let Some(d) = toml_syntax_special(&loc, text, span, e.message()) {
                        return Diagnostics(vec![d]);
                    }
                    let path = loc.path_at_toml(span.0, true);
                    let snippet = text.get(span.0..span.1).unwrap_or("");
                    let (message, hint) = toml_syntax_message(e.message(), snippet);
                    return Diagnostics(vec![loc.at_span(&path, span, message, hint)]);
                }
                // A field missing from the whole document: the error spans all of it.
                let whole = span.1 == 0 || (span.0 == 0 && span.1 >= text.trim_end().len());
                let path = if whole {
                    Vec::new()
                } else {
                    loc.path_at(span.0)
                };
                Diagnostics(data_error(&loc, format, e.message(), path, span))
            })
        }
        Format::Json => serde_json::from_str::<T>(text).map_err(|e| {
            let loc = Locator::new(file, text, format);
            // serde_json's column is that of the last character it read.
            let offset = offset_of_line_col(text, e.line(), e.column());
            let (path, span) = json_path_at(text, offset);
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            if e.classify() == serde_json::error::Category::Data {
                let span = span.unwrap_or((offset, offset));
                return Diagnostics(data_error(&loc, format, &msg, path, span));
            }
            let (message, hint) = json_syntax_message(&msg);
            Diagnostics(vec![loc.at_span(&path, (offset, offset), message, hint)])
        }),
    }
}

fn offset_of_line_col(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let col: usize = l
                .chars()
                .take(column.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return offset + col;
        }
        offset += l.len();
    }
    text.len()
}
