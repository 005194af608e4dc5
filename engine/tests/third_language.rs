//! A third language from files alone: `cargo xtask test` builds the engine with a catalogue
//! that has German beside Dutch and English (made from engine/tests/third_language/de.toml,
//! see xtask/src/third_language.rs) and runs these tests with `--ignored`. With the ordinary
//! catalogue they are ignored: they need the third language to exist.

use advies_engine::catalogue::Key;
use advies_engine::explain::explain;
use advies_engine::{Advisor, Lang, Text, format};

/// Single trips EUR 4 each, or a pass of EUR 10: from 3 trips the pass is cheaper. German
/// only for the unit; everything else is in Dutch and English, as in a definition written
/// before German was there.
const TRIPS: &str = r#"id = "trips"
version = "1"
valid_from = "2024-01-01"
owner = "test"
title = { nl = "Ritten", en = "Trips" }
[inputs.trips]
kind = "integer"
min = 0
max = 10
default = 2
label = { nl = "Hoeveel ritten maak je?", en = "How many trips do you make?" }
unit = { nl = "ritten per week", en = "trips per week", de = "Fahrten pro Woche" }
[factors.cost]
label = { nl = "Kosten per week", en = "Cost per week" }
direction = "lower_is_better"
weight = 1
scaling = { worst = 100, best = 0 }
format = "euro"
[options.single]
label = { nl = "Losse kaartjes", en = "Single tickets" }
values = { cost = "4 * trips" }
[options.pass]
label = { nl = "Spitspas", en = "Peak pass" }
values = { cost = "10" }
"#;

fn german() -> Lang {
    Lang::from_code("de").expect("the catalogue of this build has `de` (ADVIES_CATALOGUE)")
}

#[test]
#[ignore = "run by cargo xtask test, with a catalogue that has a third language"]
fn the_third_language_is_one_of_the_languages() {
    let de = german();
    assert_eq!(Lang::ALL.len(), 3);
    assert_eq!(Lang::ALL[0], Lang::Nl, "the default stays first");
    assert_eq!(de.code(), "de");
    assert_eq!(de.name(), "Deutsch");
    assert_eq!(de.english_name(), "German");
    assert_eq!(Lang::from_code("de-AT"), Some(de));
    // The default first, then the others by tag: nl, de, en; the switch goes round them.
    assert_eq!(Lang::ALL.as_slice(), [Lang::Nl, de, Lang::En]);
    assert_eq!(Lang::Nl.next(), de, "the language switch reaches it");
    assert_eq!(de.next(), Lang::En);
    assert_eq!(Lang::En.next(), Lang::Nl);
}

#[test]
#[ignore = "run by cargo xtask test, with a catalogue that has a third language"]
fn its_texts_numbers_and_dates_come_from_its_file() {
    let de = german();
    assert_eq!(Key::Kicker.get(de), "Entscheidungshilfe");
    assert_eq!(Key::Kicker.get(Lang::Nl), "Keuzehulp");
    assert_eq!(format::euro(1234.5, de), "1.234,50 €");
    assert_eq!(format::date("2027-03-01", de), "1 März 2027");
    for key in Key::ALL {
        assert!(
            !key.get(de).is_empty(),
            "{key:?} has a German (or copied) text"
        );
    }
}

#[test]
#[ignore = "run by cargo xtask test, with a catalogue that has a third language"]
fn definition_texts_are_keyed_by_language_tag() {
    let de = german();
    let t: Text = serde_json::from_str(r#"{"nl": "Ritten", "en": "Trips", "de": "Fahrten"}"#)
        .expect("a text with a `de` field reads");
    assert_eq!(t.get(de), "Fahrten");
    assert_eq!(
        t.unknown_tags().count(),
        0,
        "`de` is a language of this build"
    );
    let without: Text = serde_json::from_str(r#"{"nl": "Ritten", "en": "Trips"}"#).unwrap();
    assert_eq!(
        without.get(de),
        "Ritten",
        "without German, the default language"
    );
    assert!(
        without.missing().is_empty(),
        "German is `required = false` in de.toml"
    );
}

#[test]
#[ignore = "run by cargo xtask test, with a catalogue that has a third language"]
fn the_advice_is_explained_in_it() {
    let de = german();
    let a = Advisor::parse(TRIPS, "trips.toml").expect("a definition without German is valid");
    let (ev, an) = a.analyse(&a.default_scenario()).unwrap();
    // The sentence from de.toml, the unit from the definition's `de`, the option's name in
    // Dutch (the definition has no German for it).
    assert_eq!(
        explain(&a, &ev, &an, de).tipping,
        ["Ab 3 Fahrten pro Woche ist Spitspas günstiger."]
    );
    assert_eq!(
        explain(&a, &ev, &an, Lang::Nl).tipping,
        ["Bij 3 ritten per week of meer is Spitspas goedkoper."]
    );
}
