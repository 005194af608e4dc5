//! The size profile: what takes the room in the main part of the app's wasm, by crate and by
//! item, read with `twiggy top` from the copy before wasm-opt (function names kept). wasm-opt
//! shrinks every part by a similar share, so the proportions hold for the shipped file.

use std::collections::BTreeMap;
use std::path::Path;

use crate::exec::{Result, cmd, stdout_of};

/// Items and their shallow size in bytes, largest first.
pub struct Profile {
    pub total: u64,
    pub crates: Vec<(String, u64)>,
    pub top: Vec<(String, u64)>,
}

const TOP: usize = 20;

pub fn read(wasm: &Path) -> Result<Profile> {
    if !wasm.is_file() {
        return Err(format!(
            "{} is missing: run `cargo xtask build` first",
            wasm.display()
        )
        .into());
    }
    let csv = stdout_of(&mut cmd(
        "twiggy",
        &["top", "-n", "1000000", "-f", "csv", &wasm.to_string_lossy()],
    ))?;
    Ok(profile_of(&String::from_utf8_lossy(&csv)))
}

/// The profile of twiggy's CSV (`Name,ShallowSize,...`).
fn profile_of(csv: &str) -> Profile {
    let mut items: Vec<(String, u64)> = csv
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields = csv_fields(line);
            let size = fields.get(1)?.parse().ok()?;
            Some((fields.first()?.clone(), size))
        })
        .filter(|(name, _)| !is_metadata(name))
        .collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut crates: BTreeMap<String, u64> = BTreeMap::new();
    for (name, size) in &items {
        *crates.entry(crate_of(name)).or_default() += size;
    }
    let mut crates: Vec<(String, u64)> = crates.into_iter().collect();
    crates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Profile {
        total: items.iter().map(|(_, s)| s).sum(),
        crates,
        top: items.into_iter().take(TOP).collect(),
    }
}

/// Sections that are not in the shipped file (names, custom sections) or are counted apart.
fn is_metadata(name: &str) -> bool {
    name.starts_with('"') || name.starts_with("custom section") || name.starts_with("export ")
}

/// One CSV line's fields (quoted fields may hold commas and doubled quotes).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// The crate an item belongs to: `tachys::html::…` is tachys; `<T as serde::Deserialize>::…`
/// counts for the type's crate, or the trait's when the type is generic or primitive; data is
/// `data`.
fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") {
        return "(data)".into();
    }
    if let Some(inner) = name.strip_prefix('<')
        && let Some((ty, rest)) = inner.split_once(" as ")
    {
        let ty = first_path(ty);
        let generic = ty.len() <= 2 || PRIMITIVE.contains(&ty.as_str());
        return if generic { first_path(rest) } else { ty };
    }
    first_path(name)
}

const PRIMITIVE: [&str; 12] = [
    "str", "f64", "f32", "u8", "u32", "u64", "i32", "i64", "usize", "isize", "char", "bool",
];

/// The first path segment of a name, without `&`, `mut`, `dyn` or brackets; `core[1234]` is
/// `core`.
fn first_path(name: &str) -> String {
    let name = name.trim_start_matches(['<', '&', '[', '(', ' ']);
    let name = name
        .strip_prefix("mut ")
        .or_else(|| name.strip_prefix("dyn "))
        .unwrap_or(name);
    let end = name
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(name.len());
    match &name[..end] {
        "" => "(other)".into(),
        segment => segment.to_string(),
    }
}

pub fn print(p: &Profile) {
    println!(
        "wasm profile (main part before wasm-opt, {} KiB of code and data), by crate:",
        p.total / 1024
    );
    for (name, size) in p.crates.iter().take(12) {
        println!(
            "  {:<24} {:>8.1} KiB  {:>5.1} %",
            name,
            *size as f64 / 1024.0,
            percent(*size, p.total)
        );
    }
    println!("largest items:");
    for (name, size) in &p.top {
        let short: String = name.chars().take(100).collect();
        println!("  {:>8} B  {short}", size);
    }
}

fn percent(part: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 * 100.0 / total as f64
    }
}

pub fn json(p: &Profile) -> String {
    let list = |items: &[(String, u64)]| {
        items
            .iter()
            .map(|(name, size)| {
                format!(
                    "{{\"name\": {}, \"bytes\": {size}}}",
                    super::json_string(name)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "{{\"wasm\": \"adviesmodule_bg.wasm before wasm-opt\", \"total_bytes\": {}, \"crates\": [{}], \"top\": [{}]}}",
        p.total,
        list(&p.crates),
        list(&p.top)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_count_for_their_crate() {
        assert_eq!(crate_of("tachys::html::element::foo::h12"), "tachys");
        assert_eq!(
            crate_of("<serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::x"),
            "serde_json"
        );
        assert_eq!(crate_of("<T as core::clone::Clone>::clone"), "core");
        assert_eq!(crate_of("<&mut f64 as core::fmt::Display>::fmt"), "core");
        assert_eq!(crate_of("core[c5930c85a12de822]::fmt::float::x"), "core");
        assert_eq!(crate_of("data segment \".rodata\""), "(data)");
    }

    #[test]
    fn reads_twiggy_csv() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
                   \"\"\"function names\"\" subsection\",900,1,,\n\
                   \"<abc::B as c::D>::e, f\",30,1,,\n\
                   tachys::x,50,1,,\n\
                   advies_engine::y,20,1,,\n";
        let p = profile_of(csv);
        assert_eq!(p.total, 100);
        assert_eq!(p.top[0], ("tachys::x".to_string(), 50));
        assert_eq!(p.crates[1], ("abc".to_string(), 30));
    }
}
