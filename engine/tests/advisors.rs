//! Every advisor under `advisors/` parses, validates, and passes its own test cases.

use std::fs;
use std::path::{Path, PathBuf};

use advies_engine::cases::run_cases;
use advies_engine::{Advisor, Lang};

fn advisors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../advisors")
}

fn advisor_folders() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(advisors_dir())
        .expect("advisors/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("definition.toml").exists())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_advisor_validates_and_passes_its_cases() {
    let folders = advisor_folders();
    assert!(
        !folders.is_empty(),
        "no advisors found under {}",
        advisors_dir().display()
    );
    let mut report = Vec::new();
    let mut total = 0;
    for dir in folders {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let def_path = format!("advisors/{name}/definition.toml");
        let text = fs::read_to_string(dir.join("definition.toml")).unwrap();
        let advisor = match Advisor::parse(&text, &def_path) {
            Ok(a) => a,
            Err(e) => {
                report.push(format!("{name}: definition has errors:\n{e}"));
                continue;
            }
        };
        assert_eq!(
            advisor.def.id, name,
            "the folder name must equal the advisor id"
        );
        let cases_path = dir.join("cases.toml");
        let cases_text = fs::read_to_string(&cases_path).unwrap_or_else(|_| {
            panic!("{name}: every advisor needs a cases.toml next to its definition")
        });
        match run_cases(
            &advisor,
            &cases_text,
            &format!("advisors/{name}/cases.toml"),
        ) {
            Err(e) => report.push(format!("{name}: cases file has errors:\n{e}")),
            Ok(results) => {
                assert!(
                    results.len() >= 12,
                    "{name}: at least 12 cases expected, found {}",
                    results.len()
                );
                for r in results {
                    total += 1;
                    if !r.passed() {
                        report.push(format!(
                            "{name}: case '{}' failed:\n  {}",
                            r.name,
                            r.failures.join("\n  ")
                        ));
                    }
                }
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
    assert!(total >= 12);
}

#[test]
fn ret_default_scenario_evaluates() {
    let text = fs::read_to_string(advisors_dir().join("ret/definition.toml")).unwrap();
    let advisor = Advisor::parse(&text, "ret/definition.toml").unwrap();
    let ev = advisor.evaluate(&advisor.default_scenario()).unwrap();
    assert_eq!(
        ev.ranking.len(),
        5,
        "five paid options are possible for an adult"
    );
    assert!(
        ev.options
            .iter()
            .all(|o| o.score.is_finite() && (0.0..=1.0).contains(&o.score))
    );
    assert!((ev.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(
        advisor.has_illustrative(),
        "RET subscription prices are illustrative"
    );
}

#[test]
fn ret_definition_as_json_gives_the_same_advisor() {
    let text = fs::read_to_string(advisors_dir().join("ret/definition.toml")).unwrap();
    let toml_adv = Advisor::parse(&text, "ret/definition.toml").unwrap();
    let json = serde_json::to_string_pretty(&toml_adv.def).unwrap();
    let json_adv = Advisor::parse(&json, "ret/definition.json").unwrap();
    let sc = toml_adv.default_scenario();
    assert_eq!(
        toml_adv.evaluate(&sc).unwrap(),
        json_adv.evaluate(&sc).unwrap()
    );
    assert_eq!(toml_adv.events, json_adv.events);
    assert_eq!(toml_adv.contacts, json_adv.contacts);
    assert_eq!(toml_adv.cost_factor, json_adv.cost_factor);
}

#[test]
fn weights_are_relative() {
    let text = fs::read_to_string(advisors_dir().join("ret/definition.toml")).unwrap();
    let advisor = Advisor::parse(&text, "ret/definition.toml").unwrap();
    let mut sc = advisor.default_scenario();
    let a = advisor.evaluate(&sc).unwrap();
    for w in sc.weights.iter_mut() {
        *w *= 7.5;
    }
    let b = advisor.evaluate(&sc).unwrap();
    assert_eq!(a.ranking, b.ranking);
    for (x, y) in a.options.iter().zip(&b.options) {
        assert!((x.score - y.score).abs() < 1e-12);
    }
    // all-zero weights fall back to the defaults, and say so
    sc.weights.iter_mut().for_each(|w| *w = 0.0);
    let c = advisor.evaluate(&sc).unwrap();
    assert!(c.weights_fallback);
    assert_eq!(c.ranking, a.ranking);
}

fn ret() -> Advisor {
    let text = fs::read_to_string(advisors_dir().join("ret/definition.toml")).unwrap();
    Advisor::parse(&text, "ret/definition.toml").unwrap()
}

#[test]
fn ret_life_events_apply_cleanly() {
    let advisor = ret();
    assert!(
        advisor.events.len() >= 3,
        "RET declares at least three life events, found {}",
        advisor.events.len()
    );
    let base = advisor.default_scenario();
    for (e, event) in advisor.events.iter().enumerate() {
        assert_eq!(advisor.event_index(&event.id), Some(e));
        assert!(event.label.missing().is_empty());
        assert!(
            Lang::ALL
                .iter()
                .all(|l| event.name.get(*l).chars().count() <= 60)
        );
        let sc = advisor.apply_event(e, &base);
        advisor
            .evaluate(&sc)
            .unwrap_or_else(|err| panic!("event {}: {err}", event.id));
        assert_eq!(sc.weights, base.weights, "event {}: weights kept", event.id);
        let declared: Vec<usize> = event.changes.iter().map(|&(i, _)| i).collect();
        let event_def = &advisor.def.events[&event.id];
        assert_eq!(declared.len(), event_def.set.len(), "event {}", event.id);
        for (i, (old, new)) in base.inputs.iter().zip(&sc.inputs).enumerate() {
            if declared.contains(&i) {
                assert_ne!(
                    old, new,
                    "event {} changes `{}`",
                    event.id, advisor.inputs[i].id
                );
            } else {
                assert_eq!(
                    old, new,
                    "event {} leaves `{}` alone",
                    event.id, advisor.inputs[i].id
                );
            }
        }
    }
    // An index out of range changes nothing.
    assert_eq!(advisor.apply_event(advisor.events.len(), &base), base);
    assert_eq!(advisor.event_index("no_such_event"), None);
}

#[test]
fn ret_turn_65_sets_the_age_group() {
    let advisor = ret();
    let e = advisor
        .event_index("turn_65")
        .expect("RET has a turn_65 event");
    let age = advisor.input_index("age_group").unwrap();
    let senior = advisor.inputs[age]
        .choices
        .iter()
        .position(|c| c == "65+")
        .unwrap() as f64;
    assert_eq!(advisor.events[e].changes, vec![(age, senior)]);
    let sc = advisor.apply_event(e, &advisor.default_scenario());
    assert_eq!(sc.inputs[age], senior);
    // 34% discount on pay-per-trip: the fare drops from the default (19-64) fare.
    let base = advisor.evaluate(&advisor.default_scenario()).unwrap();
    let after = advisor.evaluate(&sc).unwrap();
    let fare = advisor.slot_of("fare").unwrap();
    assert!(after.slots[fare] < base.slots[fare]);
    // Values of other events, in the stored encoding.
    let m = advisor.event_index("move_further").unwrap();
    let km = advisor.input_index("distance_km").unwrap();
    assert_eq!(advisor.events[m].changes, vec![(km, 15.0)]);
}

#[test]
fn ret_contacts_and_cost_factor() {
    use advies_engine::advisor::ContactKind;
    let advisor = ret();
    assert!(!advisor.contacts.is_empty());
    let web = &advisor.contacts[0];
    assert_eq!(web.kind, ContactKind::Web);
    assert_eq!(web.value, "https://www.ret.nl");
    assert_eq!(web.href.as_deref(), Some("https://www.ret.nl"));
    assert_eq!(web.label.get(Lang::Nl), "RET klantenservice");
    assert!(web.note.is_some());
    assert!(web.hours.is_none(), "no verified opening hours");
    for c in &advisor.contacts {
        let href = c.href.as_deref().unwrap_or("");
        assert!(
            href.is_empty()
                || href.starts_with("https://")
                || href.starts_with("http://")
                || href.starts_with("tel:")
                || href.starts_with("mailto:"),
            "{href}"
        );
    }
    let cost = advisor.cost_factor.expect("RET names its cost factor");
    assert_eq!(advisor.factors[cost].id, "cost");
}

#[test]
fn contact_links_are_built_from_the_value() {
    use advies_engine::advisor::ContactKind;
    let base =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken/_valid.toml"))
            .unwrap();
    let text = format!(
        "{base}
[[contacts]]
kind = \"phone\"
label = {{ nl = \"Bel ons\", en = \"Call us\" }}
value = \"0900 123 4567\"
hours = {{ nl = \"Op werkdagen van 9 tot 17 uur\", en = \"Weekdays from 9 to 5\" }}

[[contacts]]
kind = \"phone\"
label = {{ nl = \"Vanuit het buitenland\", en = \"From abroad\" }}
value = \"+31 10-123 45 67\"

[[contacts]]
kind = \"email\"
label = {{ nl = \"Mail ons\", en = \"Mail us\" }}
value = \"info@example.org\"

[[contacts]]
kind = \"visit\"
label = {{ nl = \"Kom langs\", en = \"Visit us\" }}
value = \"Stationsplein 1, Rotterdam\"
url = \"https://example.org/adressen\"

[[contacts]]
kind = \"visit\"
label = {{ nl = \"Balie\", en = \"Desk\" }}
value = \"Centraal Station\"
"
    );
    let advisor = Advisor::parse(&text, "contacts.toml").unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<(ContactKind, Option<&str>)> = advisor
        .contacts
        .iter()
        .map(|c| (c.kind, c.href.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ContactKind::Phone, Some("tel:09001234567")),
            (ContactKind::Phone, Some("tel:+31101234567")),
            (ContactKind::Email, Some("mailto:info@example.org")),
            (ContactKind::Visit, Some("https://example.org/adressen")),
            (ContactKind::Visit, None),
        ]
    );
    assert!(advisor.contacts[0].hours.is_some());
    assert!(advisor.contacts[1].hours.is_none());
    assert_eq!(advisor.cost_factor, None, "cost_factor is optional");
}
