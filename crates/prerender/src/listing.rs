//! Which folders under `advisors/` are built-in advisors: the one rule, shared by the prerender
//! step and by the app's build.rs (which includes this file with `#[path]`, so keep it to std).

use std::path::Path;

/// The ids of the built-in advisors under `dir`, sorted: every folder with a `definition.toml`,
/// except those whose name starts with `_` or `.` (drafts, hidden folders).
pub fn advisor_ids(dir: &Path) -> Result<Vec<String>, String> {
    let listing = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut ids: Vec<String> = listing
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("definition.toml").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('_') && !name.starts_with('.'))
        .collect();
    ids.sort();
    Ok(ids)
}
