//! Reflection questions of a user test: the rows kept in the browser and the CSV for the
//! designer.

use advies_engine::Advisor;
use advies_engine::model::ReflectionKind;
use advies_engine::reflection::{MAX_ANSWER_CHARS, MAX_ROWS, Row, append, csv};

const TEMPLATE: &str = include_str!("../templates/definition.toml");

fn template() -> Advisor {
    Advisor::parse(TEMPLATE, "definition.toml").expect("the template is valid")
}

#[test]
fn the_template_declares_a_scale_and_a_text_question() {
    let a = template();
    let kinds: Vec<(&str, ReflectionKind)> = a
        .def
        .reflection
        .iter()
        .map(|(id, r)| (id.as_str(), r.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("sure", ReflectionKind::Scale),
            ("call", ReflectionKind::Text)
        ]
    );
}

#[test]
fn csv_has_a_column_per_question_in_definition_order_and_quotes_what_needs_it() {
    let a = template();
    let rows = vec![
        Row::new(
            "2026-11-27T10:00:00Z".into(),
            "2026.1".into(),
            Some("ten_card".into()),
            vec![
                // Out of order, an answer to a question that no longer exists, and text that
                // needs quoting.
                (
                    "call".into(),
                    "Ja, \"voor de zekerheid\", want\nik twijfel".into(),
                ),
                ("gone".into(), "weg".into()),
                ("sure".into(), "4".into()),
            ],
        ),
        Row::new("2026-11-27T10:05:00Z".into(), "2026.1".into(), None, vec![]),
        Row::new(
            "2026-11-27T10:09:00Z".into(),
            "2026.1".into(),
            Some("month_pass".into()),
            vec![
                ("call".into(), "=HYPERLINK(\"http://x\")".into()),
                ("sure".into(), "  2 ".into()),
            ],
        ),
    ];
    assert_eq!(
        csv(&a.def, &rows),
        "moment,version,advies,sure,call\r\n\
         2026-11-27T10:00:00Z,2026.1,ten_card,4,\"Ja, \"\"voor de zekerheid\"\", want\nik twijfel\"\r\n\
         2026-11-27T10:05:00Z,2026.1,,,\r\n\
         2026-11-27T10:09:00Z,2026.1,month_pass,2,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
    );
}

#[test]
fn rows_are_bounded_and_answers_cut() {
    let long = "x".repeat(MAX_ANSWER_CHARS + 50);
    let row = Row::new(
        "t".into(),
        "1".into(),
        None,
        vec![("call".into(), long), ("sure".into(), "   ".into())],
    );
    assert_eq!(row.answers.len(), 1, "an empty answer is left out");
    assert_eq!(row.answers[0].1.chars().count(), MAX_ANSWER_CHARS);
    let mut rows = Vec::new();
    for k in 0..MAX_ROWS + 5 {
        rows = append(rows, Row::new(format!("{k}"), "1".into(), None, vec![]));
    }
    assert_eq!(rows.len(), MAX_ROWS);
    assert_eq!(rows[0].at, "5", "the oldest go first");
    // Rows survive the trip through JSON (how the browser keeps them).
    let json = serde_json::to_string(&rows[..2]).unwrap();
    let back: Vec<Row> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, rows[..2]);
}
