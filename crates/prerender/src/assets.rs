//! The app's files in the site: each wasm build's files (JS, wasm, the split loader and its
//! chunks) with the style sheet, in a folder named after the hash of all of them, so a browser
//! or CDN may keep every file for a year. Only the pages and the widget's loader have names
//! that stay the same.

use std::path::Path;

use crate::hash::content_hash;

/// The files of a folder (not recursive), sorted by name, as (name, bytes).
fn files_of(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let listing = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in listing {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if entry.path().is_file() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(entry.path()).map_err(|e| format!("{name}: {e}"))?;
            files.push((name, bytes));
        }
    }
    files.sort();
    Ok(files)
}

/// The hash of a set of files: their names and contents.
fn hash_of(files: &[(String, Vec<u8>)]) -> String {
    let mut all = Vec::new();
    for (name, bytes) in files {
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        all.extend_from_slice(bytes);
    }
    content_hash(&all)
}

/// Copies the files of `from` and the style sheet `style` (as `css_name`) into
/// `<dist>/<under>/<hash>/`; returns that folder relative to `dist`, with a slash at its end.
pub fn place(
    from: &Path,
    style: Vec<u8>,
    css_name: &str,
    dist: &Path,
    under: &str,
) -> Result<String, String> {
    let mut files = files_of(from)?;
    files.retain(|(name, _)| name != css_name);
    files.push((css_name.to_string(), style));
    files.sort();
    if !files.iter().any(|(name, _)| name.ends_with(".wasm")) {
        return Err(format!(
            "{}: no .wasm file; build the app first",
            from.display()
        ));
    }
    let folder = format!("{under}/{}/", hash_of(&files));
    let target = dist.join(&folder);
    std::fs::create_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
    for (name, bytes) in &files {
        let path = target.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(folder)
}

/// Copies every file of `from` into `to` (the demo host pages).
pub fn copy_all(from: &Path, to: &Path) -> Result<usize, String> {
    let files = files_of(from)?;
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for (name, bytes) in &files {
        let path = to.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::hash_of;

    #[test]
    fn the_hash_follows_names_and_contents() {
        let a = vec![("a.js".to_string(), b"x".to_vec())];
        let b = vec![("b.js".to_string(), b"x".to_vec())];
        let c = vec![("a.js".to_string(), b"y".to_vec())];
        assert_ne!(hash_of(&a), hash_of(&b));
        assert_ne!(hash_of(&a), hash_of(&c));
        assert_eq!(hash_of(&a), hash_of(&a.clone()));
    }
}
