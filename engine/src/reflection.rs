//! Answers to the reflection questions of a user test ([`crate::model::ReflectionDef`]): one
//! [`Row`] per participant, and the CSV the designer downloads. The rows are kept in the
//! participant's browser (as JSON); nothing is sent anywhere.

use serde::{Deserialize, Serialize};

use crate::model::Definition;

/// At most this many rows are kept per advisor (oldest dropped first).
pub const MAX_ROWS: usize = 1000;
/// A free text answer is cut to this many characters.
pub const MAX_ANSWER_CHARS: usize = 2000;

/// One participant's answers, with when and what was advised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Moment of saving (ISO 8601, UTC).
    pub at: String,
    /// Version of the definition that was tested.
    pub version: String,
    /// The id of the advised option, if there was one.
    pub advice: Option<String>,
    /// Answers by question id; a question left open has no entry.
    pub answers: Vec<(String, String)>,
}

impl Row {
    /// A row with free text answers cut to [`MAX_ANSWER_CHARS`] and trimmed.
    pub fn new(
        at: String,
        version: String,
        advice: Option<String>,
        answers: Vec<(String, String)>,
    ) -> Row {
        let answers = answers
            .into_iter()
            .map(|(id, a)| (id, a.trim().chars().take(MAX_ANSWER_CHARS).collect()))
            .filter(|(_, a): &(String, String)| !a.is_empty())
            .collect();
        Row {
            at,
            version,
            advice,
            answers,
        }
    }
}

/// `rows` with `row` added, keeping at most [`MAX_ROWS`].
pub fn append(mut rows: Vec<Row>, row: Row) -> Vec<Row> {
    rows.push(row);
    if rows.len() > MAX_ROWS {
        rows.drain(..rows.len() - MAX_ROWS);
    }
    rows
}

/// The rows as CSV (comma separated, RFC 4180 quoting, CRLF line ends): the columns `moment`,
/// `version`, `advies`, then one per reflection question in the definition's order. Answers to
/// questions the definition no longer has are left out. A cell that a spreadsheet would read
/// as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`.
pub fn csv(def: &Definition, rows: &[Row]) -> String {
    let mut out = String::new();
    let mut header: Vec<&str> = vec!["moment", "version", "advies"];
    header.extend(def.reflection.keys().map(String::as_str));
    line(&mut out, header.iter().copied());
    for row in rows {
        let mut cells: Vec<&str> = vec![&row.at, &row.version, row.advice.as_deref().unwrap_or("")];
        for id in def.reflection.keys() {
            let answer = row
                .answers
                .iter()
                .find(|(q, _)| q == id)
                .map_or("", |(_, a)| a.as_str());
            cells.push(answer);
        }
        line(&mut out, cells.into_iter());
    }
    out
}

fn line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    let cells: Vec<String> = cells.map(cell).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}
