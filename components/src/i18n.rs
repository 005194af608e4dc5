//! Every interface string, in Dutch (default, B1 level) and English.
//!
//! Fixed strings are [`Key`]s; sentences with a value in them are functions below. Texts that
//! come from a definition are not here: they go through [`advies_engine::Text::get`].

use advies_engine::Lang;

macro_rules! keys {
    ($($(#[$doc:meta])* $name:ident => $nl:literal, $en:literal;)*) => {
        /// A fixed interface string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $name,)*
        }

        impl Key {
            /// Every key (for completeness tests).
            pub const ALL: &'static [Key] = &[$(Key::$name,)*];

            /// The string in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Key::$name, Lang::Nl) => $nl, (Key::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

keys! {
    /// Text of the language switch: the name of the *other* language, in that language.
    SwitchLanguage => "English", "Nederlands";
    /// Small line above the title.
    Kicker => "Keuzehulp", "Choice guide";
    QuestionsHeading => "Jouw situatie", "Your situation";
    AdviceHeading => "Ons advies", "Our advice";
    BestFits => "Dit past het best bij jou:", "This suits you best:";
    ToFullAdvice => "Bekijk het hele advies", "See the full advice";
    NoneEligible => "Geen van deze mogelijkheden past bij jouw antwoorden.",
        "None of these options fits your answers.";
    NoneEligibleHint => "Hieronder staat waarom. Heb je vragen? Neem contact op met de aanbieder.",
        "Below you can read why. Any questions? Contact the provider.";
    EvalFailed => "Het advies kan nu niet worden berekend. Je antwoorden blijven staan. Probeer een ander antwoord, of kom later terug.",
        "The advice cannot be calculated right now. Your answers are kept. Try another answer, or come back later.";
    TechnicalMessage => "Technische melding voor de makers:", "Technical message for the makers:";
    AllOptions => "Alle mogelijkheden", "All options";
    AllOptionsIntro => "Van best naar minst passend. De score gaat van 0 tot 100: hoe hoger, hoe beter het bij jou past.",
        "From best to least suitable. The score goes from 0 to 100: the higher, the better it suits you.";
    Place => "Plaats", "Place";
    BestTag => "Beste keus", "Best choice";
    NotEligibleHeading => "Niet mogelijk voor jou", "Not possible for you";
    NotEligibleTag => "Niet mogelijk", "Not possible";
    /// Badge on a figure that rests on an illustrative price.
    IllustrativePrice => "voorbeeldprijs", "example price";
    IllustrativePriceNote => "Voorbeeldprijs: wij vonden geen gepubliceerde prijs. Kijk op de site van de aanbieder voor de echte prijs.",
        "Example price: we found no published price. Check the provider's website for the real price.";
    HowWeCompare => "Hoe we vergelijken", "How we compare";
    HowWeCompareIntro => "Elke mogelijkheid krijgt een score van 0 tot 100. Deze punten tellen mee:",
        "Each option gets a score from 0 to 100. These points count:";
    SourcesHeading => "Bronnen en cijfers", "Sources and figures";
    ChartTitle => "Wanneer verandert het advies?", "When does the advice change?";
    ChartPick => "Kijk naar de vraag:", "Look at the question:";
    ChartCaption => "Grafiek", "Chart";
    ChartScoreAxis => "score van 0 tot 100", "score from 0 to 100";
    ChartYou => "jij", "you";
    ChartTable => "Bekijk de cijfers als tabel", "Show the figures as a table";
    WhyHeading => "Waarom dit advies?", "Why this advice?";
    SolidTag => "Stevig advies", "Solid advice";
    BorderlineTag => "Grensgeval", "Borderline case";
    TippingHeading => "Wanneer verandert het advies?", "When would the advice change?";
    SourcesIntro => "Hier zie je op welke cijfers het advies rust, en waar ze vandaan komen.",
        "Here you can see which figures the advice rests on, and where they come from.";
    SourcesListHeading => "Bronnen", "Sources";
    FiguresHeading => "Cijfers", "Figures";
    Value => "Waarde", "Value";
    Status => "Status", "Status";
    Source => "Bron", "Source";
    Note => "Toelichting", "Note";
    NoSource => "Geen gepubliceerde bron gevonden", "No published source found";
    Verified => "gecontroleerd", "checked";
    /// Badge on a parameter with status illustrative.
    IllustrativeAmount => "voorbeeldbedrag", "example amount";
    /// Suffix of the accessible name of a number box.
    NumberSuffix => "(getal)", "(number)";
    Yes => "Ja", "Yes";
    No => "Nee", "No";
    PerKm => "per km", "per km";
    PerMonth => "per maand", "per month";
    PerYear => "per jaar", "per year";
    Version => "Versie", "Version";
    ValidFrom => "geldig vanaf", "valid from";
    Privacy => "Alles wordt in je eigen browser berekend. We bewaren en versturen niets.",
        "Everything is calculated in your own browser. We do not store or send anything.";
    StartFailedTitle => "Deze keuzehulp kan niet starten", "This choice guide cannot start";
    StartFailedBody => "Er staat een fout in de beschrijving van deze keuzehulp. Dat ligt niet aan jou. Probeer het later nog eens.",
        "There is a mistake in the description of this choice guide. It is not your fault. Please try again later.";
    StartFailedDetails => "Meldingen voor de makers:", "Messages for the makers:";
}

/// Shorthand for [`Key::get`].
pub fn t(key: Key, lang: Lang) -> &'static str {
    key.get(lang)
}

/// Accessible name and visible text of the link to an option's page.
pub fn more_info(option: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Meer informatie over {option}"),
        Lang::En => format!("More information about {option}"),
    }
}

/// The sentence the live region reads out when the advice changes.
pub fn announce(option: &str, figure: &str, illustrative: bool, lang: Lang) -> String {
    let (before, after) = announce_around(option, illustrative, lang);
    format!("{before}{figure}{after}")
}

/// [`announce`] without the figure: the text before and after it (so a view can keep the figure
/// on one line).
pub fn announce_around(option: &str, illustrative: bool, lang: Lang) -> (String, String) {
    let note = if illustrative {
        format!(" ({})", t(Key::IllustrativePrice, lang))
    } else {
        String::new()
    };
    let before = match lang {
        Lang::Nl => format!("Advies: {option}, "),
        Lang::En => format!("Advice: {option}, "),
    };
    (before, format!("{note}."))
}

/// The live-region sentence when no option is possible.
pub fn announce_none(lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Advies: {}", t(Key::NoneEligible, lang).to_lowercase()),
        Lang::En => format!("Advice: {}", t(Key::NoneEligible, lang).to_lowercase()),
    }
}

/// Message next to a number box whose text is not an allowed value.
pub fn choose_number(min: &str, max: &str, whole: bool, lang: Lang) -> String {
    match (lang, whole) {
        (Lang::Nl, true) => format!("Kies een heel getal van {min} tot en met {max}."),
        (Lang::Nl, false) => format!("Kies een getal van {min} tot en met {max}."),
        (Lang::En, true) => format!("Choose a whole number from {min} to {max}."),
        (Lang::En, false) => format!("Choose a number from {min} to {max}."),
    }
}

/// Added to [`choose_number`] after the box was put back to an allowed value.
pub fn filled_in(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("We hebben {value} ingevuld."),
        Lang::En => format!("We filled in {value}."),
    }
}

/// Score in words, for screen readers and as visible text next to the bar.
pub fn score(points: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("score {points} van 100"),
        Lang::En => format!("score {points} out of 100"),
    }
}

/// How much a factor counts in the score, e.g. "telt voor 60% mee".
pub fn weight_share(percent: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("telt voor {percent}% mee"),
        Lang::En => format!("counts for {percent}%"),
    }
}

/// Who is responsible for the content.
pub fn owner(owner: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Deze keuzehulp is gemaakt voor {owner}."),
        Lang::En => format!("This choice guide was made for {owner}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for &key in Key::ALL {
            for lang in Lang::ALL {
                assert!(
                    !key.get(lang).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn language_switch_names_the_other_language() {
        assert_eq!(t(Key::SwitchLanguage, Lang::Nl), "English");
        assert_eq!(t(Key::SwitchLanguage, Lang::En), "Nederlands");
    }

    #[test]
    fn sentences() {
        assert_eq!(
            announce("RET maandabonnement", "€ 99,00 per maand", false, Lang::Nl),
            "Advies: RET maandabonnement, € 99,00 per maand."
        );
        assert_eq!(
            announce("RET monthly pass", "€99.00 per month", true, Lang::En),
            "Advice: RET monthly pass, €99.00 per month (example price)."
        );
        assert_eq!(
            choose_number("1", "50", true, Lang::Nl),
            "Kies een heel getal van 1 tot en met 50."
        );
        assert_eq!(score(69, Lang::Nl), "score 69 van 100");
        assert_eq!(weight_share(60, Lang::En), "counts for 60%");
        assert!(announce_none(Lang::Nl).starts_with("Advies: geen van"));
        for lang in Lang::ALL {
            assert!(!more_info("x", lang).is_empty());
            assert!(!filled_in("3", lang).is_empty());
            assert!(!owner("RET", lang).is_empty());
        }
    }
}
