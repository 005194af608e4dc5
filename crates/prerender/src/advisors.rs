//! The built-in advisors: every folder under `advisors/` with a `definition.toml` (names that
//! start with `_` or `.` are skipped), validated, with its JSON (what pages and widgets read).

use std::path::Path;
use std::sync::Arc;

use advies_engine::Advisor;
use advies_engine::cli::{JsonStyle, definition_json};

/// One built-in advisor, checked.
pub struct BuiltIn {
    /// The folder name, which is also its `id`.
    pub id: String,
    /// The definition as JSON (validated, and checked to read back to the same definition).
    pub json: String,
    /// The file named in messages about the JSON (`advisors/<id>/definition.json`).
    pub json_file: String,
    pub advisor: Arc<Advisor>,
}

/// Every built-in advisor under `dir`, sorted by id. Any error stops the build, with the
/// engine's own messages (file, line, column).
pub fn read_all(dir: &Path) -> Result<Vec<BuiltIn>, String> {
    let ids = crate::listing::advisor_ids(dir)?;
    ids.iter().map(|id| read_one(dir, id)).collect()
}

fn read_one(dir: &Path, id: &str) -> Result<BuiltIn, String> {
    let file = format!("advisors/{id}/definition.toml");
    let path = dir.join(id).join("definition.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
    let json = definition_json(&text, &file, JsonStyle::Compact).map_err(|e| e.to_string())?;
    let json_file = format!("advisors/{id}/definition.json");
    let advisor = Advisor::parse(&json, &json_file).map_err(|d| d.to_string())?;
    if advisor.def.id != id {
        return Err(format!(
            "{file}: the id ({}) must be the folder name ({id})",
            advisor.def.id
        ));
    }
    Ok(BuiltIn {
        id: id.to_string(),
        json,
        json_file,
        advisor: Arc::new(advisor),
    })
}
