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
    AllOptionsIntro => "Van best naar minst passend. De score gaat van 0 tot 100: hoe hoger, hoe beter het bij jou past. De balk laat zien hoeveel punten elk onderdeel geeft.",
        "From best to least suitable. The score goes from 0 to 100: the higher, the better it suits you. The bar shows how many points each part gives.";
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
    WeightsHeading => "Wat vind je belangrijk?", "What matters to you?";
    WeightsIntro => "Zet met de schuifjes hoe zwaar elk punt voor jou weegt. Het advies past zich direct aan.",
        "Use the sliders to set how much each point matters to you. The advice follows at once.";
    WeightsRounded => "De procenten zijn afgerond op hele getallen. Samen zijn ze 100%.",
        "The percentages are rounded to whole numbers. Together they make 100%.";
    WeightsAllZero => "Alle schuifjes staan op 0. Dan tellen de punten mee zoals de makers van deze keuzehulp het hebben ingesteld.",
        "All sliders are at 0. Then the points count as the makers of this choice guide set them.";
    PresetsLabel => "Snel kiezen:", "Quick choice:";
    LinkRepaired => "We hebben je link geopend. Niet alles kon blijven zoals het was:",
        "We opened your link. Not everything could stay as it was:";
    LinkFailed => "We konden je link niet gebruiken. Je ziet de keuzehulp zoals hij begint.",
        "We could not use your link. You see the choice guide as it starts.";
    Close => "Sluiten", "Close";
    BandLegend => "De groene streep onder een schuifje laat zien waar het advies hetzelfde blijft.",
        "The green line under a slider shows where the advice stays the same.";
    WeightsReset => "Zoals de makers het instelden", "As the makers set it";
    WeightNone => "telt niet mee", "does not count";
    WeightMuch => "telt heel zwaar", "counts a lot";
    RankSummary => "Liever op volgorde zetten?", "Rather put them in order?";
    RankIntro => "Zet bovenaan wat voor jou het zwaarst weegt. Wij maken daar gewichten van. Je ziet ze bij de schuifjes.",
        "Put what matters most to you at the top. We turn the order into weights. You see them at the sliders.";
    RankApply => "Gebruik deze volgorde", "Use this order";
    TradeOffSummary => "Liever kiezen tussen twee voorbeelden?", "Rather choose between two examples?";
    TradeOffIntro => "Een paar vragen over jouw eigen situatie. Kies steeds wat voor jou zwaarder weegt. Wij maken daar gewichten van. Je ziet ze bij de schuifjes.",
        "A few questions about your own situation. Each time, choose what matters more to you. We turn your answers into weights. You see them at the sliders.";
    TradeOffEqual => "Allebei even zwaar", "Both matter equally";
    TradeOffNone => "Er is nu niets om af te wegen: de mogelijkheden verschillen niet zo dat je hoeft te kiezen.",
        "There is nothing to weigh right now: the options do not differ in a way that makes you choose.";
    TradeOffConflict => "Dit antwoord past niet bij je eerdere antwoorden. We houden de gewichten van je eerdere antwoorden. Kies opnieuw, of verander een eerder antwoord.",
        "This answer does not fit your earlier answers. We keep the weights from your earlier answers. Choose again, or change an earlier answer.";
    TradeOffRestart => "Opnieuw beginnen met nieuwe voorbeelden", "Start again with new examples";
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

/// How far a weight can move before the advice changes, in percent of the total weight.
/// `low`/`high`: the ends inside the slider's range (None: the advice holds to that end).
#[allow(clippy::too_many_arguments)]
pub fn weight_stability(
    best: &str,
    low: Option<f64>,
    high: Option<f64>,
    decimals: usize,
    below: Option<&str>,
    above: Option<&str>,
    lang: Lang,
) -> String {
    let pct = |v: f64| format!("{}%", advies_engine::format::number(v, decimals, lang));
    let nl = lang == Lang::Nl;
    let mut s = match (low, high, nl) {
        (None, None, true) => {
            return format!("Hoe zwaar dit punt ook meetelt: het advies blijft {best}.");
        }
        (None, None, false) => {
            return format!("However much this point counts: the advice stays {best}.");
        }
        (Some(l), Some(h), true) => format!(
            "Het advies blijft {best} zolang dit punt tussen {} en {} meetelt.",
            pct(l),
            pct(h)
        ),
        (Some(l), Some(h), false) => format!(
            "The advice stays {best} while this point counts between {} and {}.",
            pct(l),
            pct(h)
        ),
        (Some(l), None, true) => format!(
            "Het advies blijft {best} zolang dit punt {} of meer meetelt.",
            pct(l)
        ),
        (Some(l), None, false) => format!(
            "The advice stays {best} while this point counts {} or more.",
            pct(l)
        ),
        (None, Some(h), true) => format!(
            "Het advies blijft {best} zolang dit punt {} of minder meetelt.",
            pct(h)
        ),
        (None, Some(h), false) => format!(
            "The advice stays {best} while this point counts {} or less.",
            pct(h)
        ),
    };
    if let (Some(_), Some(o)) = (low, below) {
        s += &if nl {
            format!(" Minder: dan wordt het {o}.")
        } else {
            format!(" Less: then it becomes {o}.")
        };
    }
    if let (Some(_), Some(o)) = (high, above) {
        s += &if nl {
            format!(" Meer: dan wordt het {o}.")
        } else {
            format!(" More: then it becomes {o}.")
        };
    }
    s
}

/// Accessible name of the "move up" button of a factor in the order.
pub fn rank_up(factor: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{factor} hoger zetten"),
        Lang::En => format!("Move {factor} up"),
    }
}

/// Accessible name of the "move down" button of a factor in the order.
pub fn rank_down(factor: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{factor} lager zetten"),
        Lang::En => format!("Move {factor} down"),
    }
}

/// Read out after a move in the order.
pub fn rank_moved(factor: &str, place: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{factor} staat nu op plaats {place} van {of}."),
        Lang::En => format!("{factor} is now in place {place} of {of}."),
    }
}

/// Legend of a trade-off question.
pub fn trade_off_question(k: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Vraag {k} van {of}: wat weegt voor jou zwaarder?"),
        Lang::En => format!("Question {k} of {of}: what matters more to you?"),
    }
}

/// One side of a trade-off: "Kosten per maand: € 20,20 lager".
pub fn trade_off_gain(factor: &str, amount: &str, lower: bool, lang: Lang) -> String {
    let word = match (lang, lower) {
        (Lang::Nl, true) => "lager",
        (Lang::Nl, false) => "hoger",
        (Lang::En, true) => "lower",
        (Lang::En, false) => "higher",
    };
    format!("{factor}: {amount} {word}")
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
