//! JSON Schemas generated from the Rust types, so editors can autocomplete definitions.

use crate::cases::CasesFile;
use crate::model::Definition;

/// The JSON Schema of a definition, pretty-printed.
pub fn definition_schema() -> String {
    let schema = schemars::schema_for!(Definition);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// The JSON Schema of a test-cases file, pretty-printed.
pub fn cases_schema() -> String {
    let schema = schemars::schema_for!(CasesFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
