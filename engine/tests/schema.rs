//! The committed JSON Schemas (schema/*.json, for editors) match the Rust types.
//! After changing the model, regenerate with: UPDATE_SCHEMA=1 cargo test -p advies-engine --test schema

use std::fs;
use std::path::Path;

use advies_engine::schema::{cases_schema, definition_schema};

fn check(name: &str, generated: String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schema")
        .join(name);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        fs::write(&path, &generated).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/{name} is out of date; run UPDATE_SCHEMA=1 cargo test -p advies-engine --test schema"
    );
    let v: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert!(v["properties"].is_object(), "schema has properties");
}

#[test]
fn definition_schema_is_current() {
    let s = definition_schema();
    for field in [
        "id",
        "inputs",
        "parameters",
        "derived",
        "factors",
        "options",
        "sources",
    ] {
        assert!(
            s.contains(&format!("\"{field}\"")),
            "schema mentions {field}"
        );
    }
    check("definition.schema.json", s);
}

#[test]
fn cases_schema_is_current() {
    check("cases.schema.json", cases_schema());
}
