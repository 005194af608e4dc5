//! The advisor command line for authors and CI: `cargo xtask advisor <command>` (the binary
//! `advisor`, `src/bin/advisor.rs`, is a thin wrapper around [`run`]).
//!
//! | command | what it does |
//! |---|---|
//! | `check <folder\|file>` | validates a definition and runs its test cases |
//! | `new <id>` | makes `advisors/<id>/` from the template in `engine/templates/` |
//! | `json <folder\|file>` | the definition as JSON (for the embeddable widget), validated |
//! | `schema [definition\|cases]` | the JSON Schema of the definition (or cases) format |
//!
//! Every command is a plain function that returns an [`Outcome`]: the exit code and the text
//! for stdout and stderr. Nothing here prints or exits, so it is all tested natively
//! (`tests/cli.rs`). Messages are the engine's own diagnostics (`file:line:column: field:
//! message (hint)`), so an author sees the same text here, in the build and on the page.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::advisor::{Advisor, MAX_DEFINITION_BYTES};
use crate::cases::{CaseResult, run_cases};
use crate::diag::{Diagnostic, Diagnostics, Format, Locator, Seg, closest, line_col};
use crate::schema::{cases_schema, definition_schema};

/// Exit code: all is well.
pub const EXIT_OK: u8 = 0;
/// Exit code: a problem was found (an error in a definition or cases file, a failing case, a
/// path that is not there, a folder that already exists).
pub const EXIT_FAILED: u8 = 1;
/// Exit code: the command line itself is wrong (unknown command, missing argument).
pub const EXIT_USAGE: u8 = 2;

/// The template definition (`engine/templates/definition.toml`): a small, complete,
/// commented advisor. Valid as it is (id [`TEMPLATE_ID`]); `new` puts in the new id.
pub const TEMPLATE_DEFINITION: &str = include_str!("../templates/definition.toml");
/// The template's test cases (`engine/templates/cases.toml`); they pass for the template.
pub const TEMPLATE_CASES: &str = include_str!("../templates/cases.toml");
/// The id written in [`TEMPLATE_DEFINITION`].
pub const TEMPLATE_ID: &str = "voorbeeld";

/// Test cases an advisor in the repository's `advisors/` needs at least (as
/// `engine/tests/advisors.rs` asks in CI). `check` mentions it; it does not fail on it.
pub const MIN_CASES: usize = 12;

/// The help text of the `advisor` command.
pub const USAGE: &str = "\
usage: cargo xtask advisor <command> [arguments]

commands:
  check <folder|file>         validate a definition and run its test cases
                              folder: <folder>/definition.toml (or .json) and cases.toml
                              file:   that definition, and cases.toml next to it if present
  new <id> [--dir FOLDER]     create advisors/<id>/ (or FOLDER/<id>/) with definition.toml
                              and cases.toml from the template; they pass `check` as they are
  json <folder|file> [--out FILE] [--pretty]
                              the definition as JSON, validated first (the embeddable widget
                              reads JSON only); to stdout, or to FILE
  schema [definition|cases]   the JSON Schema of the definition format (or of cases files)
  help                        this text

exit status: 0 all well, 1 problems found, 2 wrong command line
";

/// What a command has to say, and how it ended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// [`EXIT_OK`], [`EXIT_FAILED`] or [`EXIT_USAGE`].
    pub code: u8,
    /// The product: the check report, the JSON, the schema.
    pub stdout: String,
    /// Errors that stopped the command, notes, and what was written where.
    pub stderr: String,
}

impl Outcome {
    /// True if the exit code is [`EXIT_OK`].
    pub fn success(&self) -> bool {
        self.code == EXIT_OK
    }

    fn failed(message: impl fmt::Display) -> Outcome {
        Outcome {
            code: EXIT_FAILED,
            stdout: String::new(),
            stderr: format!("error: {message}\n"),
        }
    }

    fn usage(message: impl fmt::Display) -> Outcome {
        Outcome {
            code: EXIT_USAGE,
            stdout: String::new(),
            stderr: format!("error: {message}\n\n{USAGE}"),
        }
    }
}

/// Runs the command line `args` (without the program name). `advisors` is the folder `new`
/// creates advisors in unless `--dir` is given (the binary passes the repository's
/// `advisors/`).
pub fn run(args: &[String], advisors: &Path) -> Outcome {
    let Some((command, rest)) = args.split_first() else {
        return Outcome::usage("no command given");
    };
    let parsed = match Args::parse(rest) {
        Ok(parsed) => parsed,
        Err(message) => return Outcome::usage(format!("{command}: {message}")),
    };
    if parsed.has("--help") || parsed.has("-h") {
        return run(&["help".to_string()], advisors);
    }
    match command.as_str() {
        "check" => match parsed.only(&[]).and_then(|()| parsed.one_path()) {
            Ok(path) => check(Path::new(path)),
            Err(message) => Outcome::usage(format!("check: {message}")),
        },
        "new" => match parsed
            .only(&["--dir"])
            .and_then(|()| parsed.one("an advisor id"))
        {
            Ok(id) => {
                let dir = parsed.value("--dir").map_or(advisors, Path::new);
                let schemas = advisors.parent().unwrap_or(Path::new(".")).join("schema");
                new_advisor(dir, id, &schemas)
            }
            Err(message) => Outcome::usage(format!("new: {message}")),
        },
        "json" => match parsed
            .only(&["--out", "--pretty"])
            .and_then(|()| parsed.one_path())
        {
            Ok(path) => {
                let style = if parsed.has("--pretty") {
                    JsonStyle::Pretty
                } else {
                    JsonStyle::Compact
                };
                json(Path::new(path), parsed.value("--out").map(Path::new), style)
            }
            Err(message) => Outcome::usage(format!("json: {message}")),
        },
        "schema" => match (parsed.only(&[]), parsed.positional.as_slice()) {
            (Err(message), _) => Outcome::usage(format!("schema: {message}")),
            (Ok(()), []) => schema(SchemaKind::Definition),
            (Ok(()), [which]) if which == "definition" => schema(SchemaKind::Definition),
            (Ok(()), [which]) if which == "cases" => schema(SchemaKind::Cases),
            (Ok(()), _) => Outcome::usage(format!(
                "schema: expected `definition` or `cases`, got {}",
                quoted(&parsed.positional)
            )),
        },
        "help" | "-h" | "--help" => Outcome {
            code: EXIT_OK,
            stdout: USAGE.to_string(),
            stderr: String::new(),
        },
        other => Outcome::usage(format!("unknown command `{other}`")),
    }
}

/// The arguments after the command: words, and options (`--out FILE`, `--out=FILE`,
/// `--pretty`).
struct Args {
    positional: Vec<String>,
    options: Vec<(String, Option<String>)>,
}

/// Options that take a value.
const VALUE_OPTIONS: &[&str] = &["--out", "--dir"];

impl Args {
    fn parse(args: &[String]) -> Result<Args, String> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if arg == "--" {
                positional.extend(rest.by_ref().cloned());
            } else if let Some((name, value)) =
                arg.split_once('=').filter(|_| arg.starts_with("--"))
            {
                options.push((name.to_string(), Some(value.to_string())));
            } else if VALUE_OPTIONS.contains(&arg.as_str()) {
                let value = rest
                    .next()
                    .filter(|v| !v.starts_with('-'))
                    .ok_or_else(|| format!("`{arg}` needs a value, e.g. `{arg} FILE`"))?;
                options.push((arg.clone(), Some(value.clone())));
            } else if arg.starts_with('-') && arg.len() > 1 {
                options.push((arg.clone(), None));
            } else {
                positional.push(arg.clone());
            }
        }
        Ok(Args {
            positional,
            options,
        })
    }

    /// Fails on an option not in `allowed`, an option given twice, or a value where none
    /// belongs.
    fn only(&self, allowed: &[&str]) -> Result<(), String> {
        for (i, (name, value)) in self.options.iter().enumerate() {
            if !allowed.contains(&name.as_str()) {
                return Err(if allowed.is_empty() {
                    format!("unknown option `{name}`; this command takes none")
                } else {
                    format!(
                        "unknown option `{name}`; known: {}",
                        quoted(
                            allowed
                                .iter()
                                .map(|a| a.to_string())
                                .collect::<Vec<_>>()
                                .as_slice()
                        )
                    )
                });
            }
            if self.options[..i].iter().any(|(earlier, _)| earlier == name) {
                return Err(format!("`{name}` is given twice"));
            }
            if VALUE_OPTIONS.contains(&name.as_str()) != value.is_some() {
                return Err(match value {
                    Some(_) => format!("`{name}` takes no value"),
                    None => format!("`{name}` needs a value"),
                });
            }
            if value.as_deref() == Some("") {
                return Err(format!("`{name}` needs a value, not an empty one"));
            }
        }
        Ok(())
    }

    fn one(&self, what: &str) -> Result<&str, String> {
        match self.positional.as_slice() {
            [one] => Ok(one),
            [] => Err(format!("expected {what}")),
            more => Err(format!("expected one {what}, got {}", quoted(more))),
        }
    }

    fn one_path(&self) -> Result<&str, String> {
        let path = self.one("an advisor folder or definition file")?;
        if path.is_empty() {
            Err("the path is empty".into())
        } else {
            Ok(path)
        }
    }

    fn has(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

// ------------------------------------------------------------------------------ paths

/// A definition to work on, found from a path given on the command line.
struct Target {
    /// The path as given, without a trailing `/` (for the summary line).
    name: String,
    /// The definition file.
    definition: PathBuf,
    /// The cases file, if there is one.
    cases: Option<PathBuf>,
    /// The folder, when a folder was given (then a cases file is required).
    folder: Option<PathBuf>,
}

/// Names of a definition file in an advisor folder, in order of preference.
const DEFINITION_FILES: [&str; 2] = ["definition.toml", "definition.json"];
/// Names of a cases file next to a definition, in order of preference.
const CASES_FILES: [&str; 2] = ["cases.toml", "cases.json"];

/// Finds the definition (and cases) for `path`, or says clearly why there is none.
fn resolve(path: &Path) -> Result<Target, String> {
    let shown = path.display().to_string();
    let name = match shown.trim_end_matches('/') {
        "" => shown.clone(),
        trimmed => trimmed.to_string(),
    };
    let meta = fs::metadata(path).map_err(|err| missing_path(path, &err))?;
    let first_existing =
        |dir: &Path, names: &[&str]| names.iter().map(|n| dir.join(n)).find(|p| p.is_file());
    if meta.is_dir() {
        let definition = first_existing(path, &DEFINITION_FILES).ok_or_else(|| {
            format!(
                "{name}: no definition.toml (or definition.json) in this folder; \
                 an advisor folder holds definition.toml and cases.toml"
            )
        })?;
        Ok(Target {
            name,
            cases: first_existing(path, &CASES_FILES),
            definition,
            folder: Some(path.to_path_buf()),
        })
    } else if meta.is_file() {
        let file_name = path.file_name().map(|n| n.to_string_lossy().to_string());
        if file_name
            .as_deref()
            .is_some_and(|n| CASES_FILES.contains(&n))
        {
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| ".".to_string(), |p| p.display().to_string());
            return Err(format!(
                "{name} is a cases file; give the advisor folder ({folder}) or its definition file"
            ));
        }
        let dir = path.parent().unwrap_or(Path::new(""));
        Ok(Target {
            name,
            cases: first_existing(dir, &CASES_FILES),
            definition: path.to_path_buf(),
            folder: None,
        })
    } else {
        Err(format!("{name}: not a file or folder"))
    }
}

/// "No such file or folder", with a near name in the same folder if there is one.
fn missing_path(path: &Path, err: &io::Error) -> String {
    let shown = path.display();
    if err.kind() != io::ErrorKind::NotFound {
        return format!("{shown}: {err}");
    }
    let mut message = format!("{shown}: no such file or folder");
    let parent = match path.parent() {
        Some(p) if p.as_os_str().is_empty() => Path::new("."),
        Some(p) => p,
        None => return message,
    };
    let (Some(wanted), Ok(entries)) = (path.file_name(), fs::read_dir(parent)) else {
        return message;
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| !n.starts_with('.'))
        .collect();
    if let Some(near) = closest(&wanted.to_string_lossy(), names.iter().map(String::as_str)) {
        message += &format!(" (did you mean {}?)", path.with_file_name(near).display());
    }
    message
}

/// Why a file could not be read.
enum Unread {
    /// It cannot be read at all (shown as `error: ...`).
    Io(String),
    /// It is not UTF-8: a diagnostic at the first byte that is not.
    NotUtf8(Box<Diagnostic>),
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::Io(message) => f.write_str(message),
            Unread::NotUtf8(d) => write!(f, "{d}"),
        }
    }
}

/// Reads a text file; a message names the file and says what went wrong.
fn read_text(path: &Path) -> Result<String, Unread> {
    let shown = path.display();
    // A definition is at most MAX_DEFINITION_BYTES; far larger files are not read at all.
    if let Ok(meta) = fs::metadata(path)
        && meta.len() > 10 * MAX_DEFINITION_BYTES as u64
    {
        return Err(Unread::Io(format!(
            "{shown}: the file is {} KB; a definition is at most {} KB",
            meta.len() / 1000,
            MAX_DEFINITION_BYTES / 1000
        )));
    }
    let bytes = fs::read(path).map_err(|err| Unread::Io(format!("{shown}: cannot read: {err}")))?;
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        Unread::NotUtf8(Box::new(not_utf8(&shown.to_string(), err.as_bytes(), at)))
    })
}

/// The first byte of a file that is not UTF-8 (often a Latin-1 or Windows text), with its
/// line and column.
fn not_utf8(file: &str, bytes: &[u8], at: usize) -> Diagnostic {
    let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let (line, column) = line_col(before, before.len());
    let byte = bytes.get(at).copied().unwrap_or(0);
    let latin1 = if byte >= 0xA0 {
        format!(" (`{}` in Latin-1)", char::from(byte))
    } else {
        String::new()
    };
    Diagnostic {
        file: file.to_string(),
        line,
        column,
        field: String::new(),
        message: format!("the file is not UTF-8 text: byte 0x{byte:02X}{latin1} cannot be read"),
        hint: Some("save it as UTF-8: editors offer this as the encoding when saving".into()),
        span: (at, at + 1),
    }
}

/// The notes for a file name that is neither `.toml` nor `.json`.
fn format_note(file: &str, text: &str) -> Option<String> {
    if file.ends_with(".toml") || file.ends_with(".json") {
        return None;
    }
    let read_as = match Format::detect(file, text) {
        Format::Json => "JSON (it starts with `{`)",
        Format::Toml => "TOML",
    };
    Some(format!(
        "note: {file}: the name ends in neither .toml nor .json; read as {read_as}\n"
    ))
}

/// True if `dir` is a folder directly under a folder called `advisors` (the repository's
/// layout, where the build includes every folder as a built-in advisor).
fn in_advisors_folder(dir: &Path) -> bool {
    let real = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    real.parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "advisors")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

// ------------------------------------------------------------------------------ check

/// `check <folder|file>`: validates the definition and runs its test cases. Diagnostics,
/// failing cases, notes and a summary line go to stdout; an unusable path to stderr.
pub fn check(path: &Path) -> Outcome {
    let target = match resolve(path) {
        Ok(target) => target,
        Err(message) => return Outcome::failed(message),
    };
    let mut report = String::new();
    let summary = check_target(&target, &mut report);
    let code = if summary.ok { EXIT_OK } else { EXIT_FAILED };
    report += &format!("{}: {}\n", target.name, summary.text);
    Outcome {
        code,
        stdout: report,
        stderr: String::new(),
    }
}

struct Summary {
    ok: bool,
    text: String,
}

impl Summary {
    fn failed(text: impl Into<String>) -> Summary {
        Summary {
            ok: false,
            text: text.into(),
        }
    }
}

/// Checks one target, writing diagnostics and notes to `report`; returns the summary.
fn check_target(target: &Target, report: &mut String) -> Summary {
    let def_file = target.definition.display().to_string();
    let text = match read_text(&target.definition) {
        Ok(text) => text,
        Err(Unread::NotUtf8(d)) => {
            *report += &format!("{d}\n");
            return Summary::failed("1 error in the definition; cases not run");
        }
        Err(Unread::Io(message)) => {
            *report += &format!("error: {message}\n");
            return Summary::failed("definition not read");
        }
    };
    report.extend(format_note(&def_file, &text));
    let advisor = match Advisor::parse(&text, &def_file) {
        Ok(advisor) => advisor,
        Err(diagnostics) => {
            *report += &format!("{diagnostics}\n");
            let n = diagnostics.0.len();
            return Summary::failed(format!(
                "{} in the definition; cases not run",
                plural(n, "error", "errors")
            ));
        }
    };

    // Warnings do not fail the check; they are counted in the summary.
    for warning in &advisor.warnings {
        *report += &format!("warning: {warning}\n");
    }
    let valid = match advisor.warnings.len() {
        0 => "definition valid".to_string(),
        n => format!("definition valid, {}", plural(n, "warning", "warnings")),
    };
    let mut ok = true;
    if let Some(folder) = &target.folder
        && in_advisors_folder(folder)
    {
        let real = fs::canonicalize(folder).unwrap_or_else(|_| folder.clone());
        let folder_name = real
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if folder_name != advisor.def.id {
            let (line, column) = id_position(&text, &def_file);
            *report += &format!(
                "{def_file}:{line}:{column}: id: the id `{}` must equal the folder name `{folder_name}` \
                 (the site finds advisors by folder: rename the folder or change the id)\n",
                advisor.def.id
            );
            ok = false;
        }
    }

    let Some(cases_path) = &target.cases else {
        let expected = target
            .definition
            .with_file_name(CASES_FILES[0])
            .display()
            .to_string();
        return if target.folder.is_some() {
            *report += &format!(
                "error: {expected}: missing; every advisor needs test cases next to its \
                 definition (see docs/definition-format.md, \"Test cases\")\n"
            );
            Summary::failed(format!("{valid}; no cases file"))
        } else {
            *report += &format!("note: no {expected}, so no cases were run\n");
            Summary {
                ok,
                text: format!("{valid}, no cases"),
            }
        };
    };
    let cases_file = cases_path.display().to_string();
    let cases_text = match read_text(cases_path) {
        Ok(text) => text,
        Err(unread) => {
            *report += &match unread {
                Unread::NotUtf8(d) => format!("{d}\n"),
                Unread::Io(message) => format!("error: {message}\n"),
            };
            return Summary::failed(format!("{valid}; cases file not read"));
        }
    };
    report.extend(format_note(&cases_file, &cases_text));
    let results = match run_cases(&advisor, &cases_text, &cases_file) {
        Ok(results) => results,
        Err(diagnostics) => {
            *report += &format!("{diagnostics}\n");
            return Summary::failed(format!(
                "{valid}; {} in the cases file; cases not run",
                plural(diagnostics.0.len(), "error", "errors")
            ));
        }
    };
    let total = results.len();
    let failed: Vec<(usize, &CaseResult)> = results
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.passed())
        .collect();
    for (n, result) in &failed {
        *report += &case_failure(&cases_text, &cases_file, *n, result);
    }
    if total == 0 {
        *report += &format!("{cases_file}: no [[case]] in this file\n");
        if target.folder.is_some() {
            return Summary::failed(format!("{valid}; the cases file has no cases"));
        }
    } else if total < MIN_CASES && target.folder.as_deref().is_some_and(in_advisors_folder) {
        *report += &format!(
            "note: {}; an advisor in advisors/ needs at least {MIN_CASES} before CI passes \
             (engine/tests/advisors.rs)\n",
            plural(total, "case", "cases")
        );
    }
    if failed.is_empty() {
        Summary {
            ok,
            text: format!("{valid}, {} passed", plural(total, "case", "cases")),
        }
    } else {
        Summary::failed(format!(
            "{valid}, {} of {} passed, {} failed",
            total - failed.len(),
            plural(total, "case", "cases"),
            failed.len()
        ))
    }
}

/// Where `id` is written in a definition (1:1 if it cannot be found).
fn id_position(text: &str, file: &str) -> (usize, usize) {
    let loc = Locator::new(file, text, Format::detect(file, text));
    let (start, _) = loc.span(&[Seg::Key("id".into())]);
    line_col(text, start)
}

/// A failed case: its place in the cases file (at its name), its name, and each difference.
fn case_failure(text: &str, file: &str, n: usize, result: &CaseResult) -> String {
    let loc = Locator::new(file, text, Format::detect(file, text));
    let (start, _) = loc.span(&[
        Seg::Key("case".into()),
        Seg::Index(n),
        Seg::Key("name".into()),
    ]);
    let (line, column) = line_col(text, start);
    let mut out = format!(
        "{file}:{line}:{column}: case[{n}]: case \"{}\" failed\n",
        result.name
    );
    for failure in &result.failures {
        out += &format!("    {failure}\n");
    }
    out
}

// ------------------------------------------------------------------------------ json

/// How [`definition_json`] writes JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonStyle {
    /// One line, as the app embeds it (smallest).
    Compact,
    /// Indented, for people to read.
    Pretty,
}

/// Why a definition could not be turned into JSON.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonError {
    /// The definition has errors (the engine's diagnostics).
    Invalid(Diagnostics),
    /// The JSON does not read back to the same definition (a bug in the engine, never the
    /// author's fault).
    ReadBack(String),
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::Invalid(diagnostics) => write!(f, "{diagnostics}"),
            JsonError::ReadBack(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for JsonError {}

/// The definition in `text` (TOML or JSON; `file` names it in messages and its extension picks
/// the format) as JSON: validated first, and checked to read back to the same definition.
/// This is what the app's build script does for the built-in advisors, and what the
/// embeddable widget reads.
pub fn definition_json(text: &str, file: &str, style: JsonStyle) -> Result<String, JsonError> {
    let advisor = Advisor::parse(text, file).map_err(JsonError::Invalid)?;
    let written = match style {
        JsonStyle::Compact => serde_json::to_string(&advisor.def),
        JsonStyle::Pretty => serde_json::to_string_pretty(&advisor.def),
    };
    let json = written.map_err(|err| JsonError::ReadBack(format!("{file} as JSON: {err}")))?;
    let json_file = match file.strip_suffix(".toml") {
        Some(stem) => format!("{stem}.json"),
        None => file.to_string(),
    };
    let again = Advisor::parse(&json, &json_file).map_err(|diagnostics| {
        JsonError::ReadBack(format!("{file} as JSON does not read back:\n{diagnostics}"))
    })?;
    let same = serde_json::to_value(&advisor.def).ok() == serde_json::to_value(&again.def).ok();
    if same {
        Ok(json)
    } else {
        Err(JsonError::ReadBack(format!(
            "{file} as JSON reads back to another definition"
        )))
    }
}

/// `json <folder|file> [--out FILE]`: the JSON on stdout (or in `out`); problems on stderr.
pub fn json(path: &Path, out: Option<&Path>, style: JsonStyle) -> Outcome {
    let target = match resolve(path) {
        Ok(target) => target,
        Err(message) => return Outcome::failed(message),
    };
    let file = target.definition.display().to_string();
    let text = match read_text(&target.definition) {
        Ok(text) => text,
        Err(unread) => return Outcome::failed(unread),
    };
    let mut stderr = format_note(&file, &text).unwrap_or_default();
    let json = match definition_json(&text, &file, style) {
        Ok(json) => json + "\n",
        Err(err) => {
            stderr += &format!("{err}\nerror: {file}: not converted; fix the problems above\n");
            return Outcome {
                code: EXIT_FAILED,
                stdout: String::new(),
                stderr,
            };
        }
    };
    match out {
        None => Outcome {
            code: EXIT_OK,
            stdout: json,
            stderr,
        },
        Some(out) => match fs::write(out, &json) {
            Ok(()) => Outcome {
                code: EXIT_OK,
                stdout: String::new(),
                stderr: stderr + &format!("wrote {} ({} bytes)\n", out.display(), json.len()),
            },
            Err(err) => Outcome::failed(format!("{}: cannot write: {err}", out.display())),
        },
    }
}

// ------------------------------------------------------------------------------ schema

/// Which JSON Schema `schema` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaKind {
    /// Of a definition ([`definition_schema`]).
    Definition,
    /// Of a cases file ([`cases_schema`]).
    Cases,
}

/// `schema [definition|cases]`: the JSON Schema on stdout, byte for byte as in `schema/*.json`
/// (no newline added), so `schema > schema/definition.schema.json` regenerates that file.
pub fn schema(kind: SchemaKind) -> Outcome {
    let stdout = match kind {
        SchemaKind::Definition => definition_schema(),
        SchemaKind::Cases => cases_schema(),
    };
    Outcome {
        code: EXIT_OK,
        stdout,
        stderr: String::new(),
    }
}

// ------------------------------------------------------------------------------ new

/// The template definition with `id` in place of [`TEMPLATE_ID`] (`id` is written as given:
/// check it first, see [`id_problem`]).
pub fn template_definition(id: &str) -> String {
    TEMPLATE_DEFINITION.replacen(
        &format!("\nid = \"{TEMPLATE_ID}\"\n"),
        &format!("\nid = \"{id}\"\n"),
        1,
    )
}

/// Why `id` cannot be an advisor id, in the engine's words; `None` if it can. The engine
/// decides: the template with this id is validated (as JSON, so no character in the id can
/// break the syntax around it).
pub fn id_problem(id: &str) -> Option<String> {
    let mut def = match Advisor::parse(TEMPLATE_DEFINITION, "templates/definition.toml") {
        Ok(advisor) => advisor.def,
        Err(diagnostics) => return Some(format!("the template itself has errors:\n{diagnostics}")),
    };
    def.id = id.to_string();
    let json = serde_json::to_string(&def).ok()?;
    let diagnostics = Advisor::parse(&json, "definition.json").err()?;
    let about_id = diagnostics.0.iter().find(|d| d.field == "id");
    Some(match about_id {
        Some(d) => match &d.hint {
            Some(hint) => format!("{} ({hint})", d.message),
            None => d.message.clone(),
        },
        None => format!("`{id}` cannot be used as an id:\n{diagnostics}"),
    })
}

/// `text` with its `#:schema` line (the template's first line) pointing from `dir` to `file` in
/// the folder `schemas`, so an editor finds the schema wherever the advisor is made. Unchanged
/// when the schema is not there.
fn with_schema_line(text: &str, dir: &Path, schemas: &Path, file: &str) -> String {
    let (Ok(from), Ok(to)) = (fs::canonicalize(dir), fs::canonicalize(schemas.join(file))) else {
        return text.to_string();
    };
    let (Some(first), Some(rest)) = (text.lines().next(), text.split_once('\n')) else {
        return text.to_string();
    };
    if !first.starts_with("#:schema ") {
        return text.to_string();
    }
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let path = if common == 0 {
        to.iter().collect::<PathBuf>().display().to_string()
    } else {
        let up = std::iter::repeat_n("..".to_string(), from.len() - common);
        let down = to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().to_string());
        up.chain(down).collect::<Vec<_>>().join("/")
    };
    format!("#:schema {path}\n{}", rest.1)
}

/// `new <id>`: creates `<advisors>/<id>/` with the template's definition (with this id) and
/// cases, then checks it; what was created and the check go to stdout. Refuses an invalid id
/// and an existing folder, before writing anything.
/// `schemas` is the repository's `schema/` folder: the files' `#:schema` lines point there.
pub fn new_advisor(advisors: &Path, id: &str, schemas: &Path) -> Outcome {
    if let Some(problem) = id_problem(id) {
        let start = if id.starts_with(['-', '_']) {
            "; an id must start with a letter or a digit"
        } else {
            ""
        };
        return Outcome::failed(format!(
            "{problem}{start}; the id is also the name of the advisor's folder"
        ));
    }
    if !advisors.is_dir() {
        return Outcome::failed(format!(
            "{}: no such folder (advisors are created in an existing folder)",
            advisors.display()
        ));
    }
    let dir = advisors.join(id);
    let shown = dir.display();
    let exists = format!(
        "{shown} already exists; choose another id, or check that advisor with \
         `cargo xtask advisor check {shown}`"
    );
    if fs::symlink_metadata(&dir).is_ok() {
        return Outcome::failed(exists);
    }
    // create_dir (not create_dir_all): it fails if the folder appeared in the meantime.
    if let Err(err) = fs::create_dir(&dir) {
        return Outcome::failed(match err.kind() {
            io::ErrorKind::AlreadyExists => exists,
            _ => format!("{shown}: cannot create the folder: {err}"),
        });
    }
    let files = [
        (
            DEFINITION_FILES[0],
            with_schema_line(
                &template_definition(id),
                &dir,
                schemas,
                "definition.schema.json",
            ),
        ),
        (
            CASES_FILES[0],
            with_schema_line(TEMPLATE_CASES, &dir, schemas, "cases.schema.json"),
        ),
    ];
    let mut report = String::new();
    for (name, text) in &files {
        let path = dir.join(name);
        if let Err(err) = fs::write(&path, text) {
            // Only the folder made just now is removed.
            let _ = fs::remove_dir_all(&dir);
            return Outcome::failed(format!("{}: cannot write: {err}", path.display()));
        }
        report += &format!("created {}\n", path.display());
    }
    let checked = check(&dir);
    let next = if checked.success() {
        format!(
            "\nnext: edit {shown}/definition.toml and {shown}/cases.toml (the comments explain \
             every part), then run `cargo xtask advisor check {shown}` after every change\n"
        )
    } else {
        String::new()
    };
    Outcome {
        code: checked.code,
        stdout: report + &checked.stdout + &next,
        stderr: checked.stderr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn the_template_id_is_written_once() {
        let line = format!("\nid = \"{TEMPLATE_ID}\"\n");
        assert_eq!(TEMPLATE_DEFINITION.matches(&line).count(), 1);
        let made = template_definition("zwembad-2");
        assert!(made.contains("\nid = \"zwembad-2\"\n"));
        assert!(!made.contains(&line));
    }

    #[test]
    fn ids_are_judged_by_the_engine() {
        assert_eq!(id_problem("zwembad"), None);
        assert_eq!(id_problem("a-1_b"), None);
        for bad in [
            "", "Zwembad", "zwem bad", "../x", "a/b", "_x", "é", "a\"b", "a\nb",
        ] {
            let problem = id_problem(bad).unwrap_or_else(|| panic!("`{bad}` accepted"));
            assert!(problem.contains("not a valid id"), "{bad}: {problem}");
        }
    }

    #[test]
    fn options_are_parsed_strictly() {
        let a = Args::parse(&args(&["x", "--out", "f.json", "--pretty"])).unwrap();
        assert_eq!(a.positional, ["x"]);
        assert_eq!(a.value("--out"), Some("f.json"));
        assert!(a.has("--pretty"));
        assert!(a.only(&["--out", "--pretty"]).is_ok());
        assert!(a.only(&["--out"]).is_err());
        let a = Args::parse(&args(&["--out=f.json", "x"])).unwrap();
        assert_eq!(a.value("--out"), Some("f.json"));
        assert!(Args::parse(&args(&["x", "--out"])).is_err());
        assert!(Args::parse(&args(&["x", "--out", "--pretty"])).is_err());
        let a = Args::parse(&args(&["--pretty=yes"])).unwrap();
        assert!(a.only(&["--pretty"]).is_err());
        let a = Args::parse(&args(&["--out", "a", "--out", "b"])).unwrap();
        assert!(a.only(&["--out"]).is_err());
        let a = Args::parse(&args(&["--", "--odd-name"])).unwrap();
        assert_eq!(a.positional, ["--odd-name"]);
    }

    #[test]
    fn usage_errors_exit_with_2() {
        let dir = Path::new("advisors");
        for words in [
            &[][..],
            &["frobnicate"],
            &["check"],
            &["check", "a", "b"],
            &["check", "--fast", "a"],
            &["new"],
            &["json", "x", "--out"],
            &["schema", "both"],
        ] {
            let out = run(&args(words), dir);
            assert_eq!(out.code, EXIT_USAGE, "{words:?}: {out:?}");
            assert!(out.stderr.starts_with("error: "), "{words:?}");
            assert!(out.stderr.contains("usage: cargo xtask advisor"));
        }
        let help = run(&args(&["help"]), dir);
        assert!(help.success());
        assert_eq!(help.stdout, USAGE);
        assert_eq!(run(&args(&["check", "--help"]), dir), help);
    }
}
