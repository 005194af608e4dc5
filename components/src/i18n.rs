//! Every interface string, in Dutch (default, B1 level) and English.
//!
//! Fixed strings are [`Key`]s; sentences with a value in them are functions below. Texts that
//! come from a definition are not here: they go through [`advies_engine::Text::get`].

use advies_engine::Lang;
use advies_engine::model::CostPeriod;

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
    GalleryKicker => "Keuzehulpen", "Choice guides";
    GalleryTitle => "Kies een keuzehulp", "Choose a choice guide";
    GalleryIntro => "Elke keuzehulp geeft advies dat je zelf kunt onderzoeken. Vergelijk situaties, zeg wat je belangrijk vindt en zie waar het advies omslaat.",
        "Each choice guide gives advice you can explore yourself. Compare situations, say what matters to you and see where the advice changes.";
    GalleryMakers => "Maak je zelf een keuzehulp?", "Making a choice guide yourself?";
    GalleryPlayground => "Probeer het in de speelplaats.", "Try it in the playground.";
    GalleryIllustrative => "Met voorbeeldprijzen", "With example prices";
    /// Link from an advisor's page back to the gallery.
    ToGallery => "Alle keuzehulpen", "All choice guides";
    PrototypeTitle => "Prototype: niet gecontroleerd door de organisatie",
        "Prototype: not checked by the organisation";
    PrototypeBody => "Deze keuzehulp is een ontwerp om te testen. De cijfers en het advies kunnen fout zijn. Neem geen echte beslissing op basis van dit advies.",
        "This choice guide is a design for testing. The figures and the advice may be wrong. Do not make a real decision based on this advice.";
    ProtoLinkBroken => "Deze prototype-link is niet compleet of is veranderd. We laten het voorbeeld zien.",
        "This prototype link is incomplete or has been changed. We show the template.";
    ProtoLinkErrors => "De keuzehulp in deze prototype-link heeft fouten. Hieronder staan ze, met de plek.",
        "The choice guide in this prototype link has errors. They are listed below, with their place.";
    PreviewNone => "Nog geen voorbeeld: de tekst heeft fouten. Los ze op, dan zie je hier de keuzehulp.",
        "No preview yet: the text has errors. Fix them and the choice guide appears here.";
    ProtoOpenEditor => "Open deze keuzehulp in de speelplaats (voor ontwerpers)",
        "Open this choice guide in the playground (for designers)";
    PlaygroundTitle => "Speelplaats voor keuzehulpen", "Choice guide playground";
    PlaygroundIntro => "Schrijf of verander een keuzehulp. Rechts zie je meteen het resultaat. Alles blijft in je browser.",
        "Write or change a choice guide. On the right you see the result straight away. Everything stays in your browser.";
    PlaygroundEditor => "Beschrijving", "Definition";
    PlaygroundPreview => "Voorbeeld", "Preview";
    PlaygroundStartFrom => "Begin met", "Start from";
    PlaygroundTemplate => "Het voorbeeld (een nieuwe keuzehulp)", "The template (a new choice guide)";
    PlaygroundLoad => "Laden", "Load";
    ReflectionHeading => "Een paar vragen over dit advies", "A few questions about this advice";
    ReflectionIntro => "Dit is een test. Je antwoorden blijven op dit apparaat. Alleen de onderzoeker ziet ze.",
        "This is a test. Your answers stay on this device. Only the researcher sees them.";
    ReflectionSave => "Bewaar mijn antwoorden", "Save my answers";
    ReflectionSaved => "Dank je wel. Je antwoorden staan op dit apparaat.", "Thank you. Your answers are saved on this device.";
    DownloadAnswers => "Download antwoorden van testers (CSV)", "Download testers' answers (CSV)";
    NoAnswersYet => "Op dit apparaat zijn nog geen antwoorden van testers voor deze keuzehulp.",
        "There are no testers' answers for this choice guide on this device yet.";
    PlaygroundReplaced => "Je vorige tekst is vervangen.", "Your previous text was replaced.";
    PlaygroundPutBack => "Zet hem terug", "Put it back";
    PlaygroundFiles => "Bestanden", "Files";
    PlaygroundKeys => "Tab zet twee spaties. Wil je met Tab verder naar de volgende knop? Druk dan eerst op Esc.",
        "Tab inserts two spaces. To move on with Tab, press Esc first.";
    PlaygroundDefinitionLabel => "Beschrijving van de keuzehulp (definition.toml)", "Definition of the choice guide (definition.toml)";
    PlaygroundCasesLabel => "Testgevallen (cases.toml)", "Test cases (cases.toml)";
    PlaygroundValid => "Geen fouten. Het voorbeeld is bijgewerkt.", "No errors. The preview is up to date.";
    PreviewStale => "De tekst heeft fouten. Je ziet de laatste versie zonder fouten.",
        "The text has errors. You see the last version without errors.";
    RunCases => "Testgevallen uitvoeren", "Run the test cases";
    CasePassed => "goed", "passed";
    CaseFailed => "fout", "failed";
    CasesFileErrors => "Het bestand met testgevallen heeft fouten:", "The test cases file has errors:";
    DownloadDefinition => "Download definition.toml", "Download definition.toml";
    DownloadCases => "Download cases.toml", "Download cases.toml";
    MakeProtoLink => "Maak een link om te testen", "Make a link for testing";
    ProtoLinkLabel => "Link naar dit prototype", "Link to this prototype";
    ProtoLinkNote => "De hele beschrijving staat in de link. Wie hem opent, ziet alleen de keuzehulp, met de melding dat het een prototype is.",
        "The whole definition is in the link. Whoever opens it sees only the choice guide, with the notice that it is a prototype.";
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
    PerWeek => "per week", "per week";
    PerMonth => "per maand", "per month";
    PerYear => "per jaar", "per year";
    Version => "Versie", "Version";
    ValidFrom => "geldig vanaf", "valid from";
    Privacy => "Alles wordt in je eigen browser berekend. We versturen niets. We bewaren alleen iets op dit apparaat als jij daarom vraagt.",
        "Everything is calculated in your own browser. We do not send anything. We only store something on this device when you ask us to.";
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
    PrefillRepaired => "Niet alle antwoorden die al waren ingevuld konden we gebruiken:",
        "We could not use all of the answers that were filled in for you:";
    LinkFailed => "We konden je link niet gebruiken. Je ziet de keuzehulp zoals hij begint.",
        "We could not use your link. You see the choice guide as it starts.";
    Close => "Sluiten", "Close";
    /// A part loaded after the first advice (scenarios, comparison, chart, sharing, the
    /// summary) could not be fetched.
    ChunkFailedTitle => "Dit deel van de keuzehulp kon niet laden", "This part of the choice guide could not load";
    ChunkFailedBody => "Situaties vergelijken, de grafiek, delen en de samenvatting werken nu niet. Het advies hierboven werkt wel. Controleer je internet en probeer het opnieuw.",
        "Comparing situations, the chart, sharing and the summary do not work now. The advice above still works. Check your internet connection and try again.";
    ChunkRetry => "Opnieuw proberen", "Try again";
    /// On an advisor page with JavaScript turned off (the page was rendered at build time).
    NoScript => "JavaScript staat uit. Je ziet het advies bij de standaardantwoorden. Zet JavaScript aan om je eigen antwoorden in te vullen.",
        "JavaScript is turned off. You see the advice for the default answers. Turn on JavaScript to fill in your own answers.";
    /// While the summary for an employee is being fetched.
    SummaryLoading => "De samenvatting wordt geladen…", "Loading the summary…";
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
    // ---- scenarios
    ScenariosHeading => "Jouw situaties", "Your situations";
    ScenariosIntro => "Wat als er iets verandert? Maak een tweede situatie en vergelijk.",
        "What if something changes? Make a second situation and compare.";
    ScenarioDuplicate => "Maak een kopie van deze situatie", "Copy this situation";
    ScenarioLimit => "Je hebt al het grootste aantal situaties. Verwijder er eerst een.",
        "You already have the largest number of situations. Delete one first.";
    ScenarioRestored => "De situatie is terug.", "The situation is back.";
    ScenarioKeepOne => "Je hebt maar één situatie. Die kun je niet verwijderen.",
        "You have only one situation. You cannot delete it.";
    Undo => "Ongedaan maken", "Undo";
    LifeEventsSummary => "Er gaat iets veranderen in mijn leven", "Something is going to change in my life";
    LifeEventsIntro => "Kies wat er gaat gebeuren. We maken dan een nieuwe situatie met die verandering. Die kun je daarna nog aanpassen.",
        "Choose what is going to happen. We then make a new situation with that change. You can still change it afterwards.";
    ScenarioManage => "Deze situatie: naam, volgorde of verwijderen", "This situation: name, order or delete";
    ScenarioName => "Naam van deze situatie", "Name of this situation";
    ScenarioNameSave => "Naam opslaan", "Save name";
    ScenarioEarlier => "Eerder in de lijst", "Earlier in the list";
    ScenarioLater => "Later in de lijst", "Later in the list";
    ScenarioDelete => "Verwijder deze situatie", "Delete this situation";
    // ---- side by side
    CompareHeading => "Situaties naast elkaar", "Situations side by side";
    CompareEmpty => "Maak een tweede situatie. Dan zie je hier de situaties naast elkaar.",
        "Make a second situation. Then you see the situations side by side here.";
    CompareIsBase => "Hiermee vergelijken we de andere situaties.", "We compare the other situations with this one.";
    CompareAdvice => "Advies", "Advice";
    CompareCost => "Kosten per maand", "Cost per month";
    CompareCostWeek => "Kosten per week", "Cost per week";
    CompareCostYear => "Kosten per jaar", "Cost per year";
    CompareSolid => "Hoe zeker", "How solid";
    CompareWhat => "Wat verandert er", "What changes";
    CompareAnswers => "Antwoorden", "Answers";
    CompareWeights => "Wat je belangrijk vindt", "What matters to you";
    ComparePrevious => "Vorige situatie", "Previous situation";
    CompareNext => "Volgende situatie", "Next situation";
    ComparePick => "Kies welke situaties je naast elkaar ziet (hoogstens 4):",
        "Choose which situations you see side by side (at most 4):";
    NotAsked => "niet gevraagd", "not asked";
    // ---- over time
    TimelineHeading => "Over tijd: wat betaal je in totaal?", "Over time: what do you pay in total?";
    TimelineIntro => "Zet je situaties achter elkaar. Kies per periode hoeveel maanden die duurt. Je ziet dan per periode het beste advies en wat je in totaal betaalt.",
        "Put your situations in a row. Choose for each period how many months it lasts. You then see the best advice per period and what you pay in total.";
    TimelineStart => "Maak een tijdlijn", "Make a timeline";
    TimelineStarted => "De tijdlijn is gemaakt. Pas de maanden aan.", "The timeline is made. Change the months.";
    TimelineAdd => "Periode toevoegen", "Add a period";
    TimelineFull => "Je hebt al het grootste aantal periodes.", "You already have the largest number of periods.";
    TimelineResult => "Per periode en in totaal", "Per period and in total";
    TimelineKeep => "Wat kost het als je de hele tijd één product houdt?", "What does it cost to keep one product all the time?";
    NoAdvice => "geen advies", "no advice";
    Period => "Periode", "Period";
    Scenario => "Situatie", "Situation";
    Months => "Aantal maanden", "Number of months";
    Subtotal => "Samen", "Together";
    Product => "Product", "Product";
    Earlier => "Eerder", "Earlier";
    Later => "Later", "Later";
    Remove => "Verwijder", "Remove";
    // ---- share, device, person
    TalkToSomeone => "Liever met iemand praten?", "Rather talk to someone?";
    TalkIntro => "Maak een samenvatting voor een medewerker. Daarin staat alles wat je hebt ingevuld en het advies. Dan hoef je niets opnieuw te vertellen. Je ziet er ook hoe je contact opneemt.",
        "Make a summary for an employee. It holds everything you filled in and the advice. Then you do not have to explain it all again. It also shows how to get in touch.";
    OpenSummary => "Maak een samenvatting", "Make a summary";
    ShareHeading => "Bewaren en delen", "Save and share";
    ShareIntro => "Bewaar je situaties voor later, of deel ze met iemand die je helpt.",
        "Keep your situations for later, or share them with someone who helps you.";
    /// Heading and intro of the share section in a widget: only saving on the device.
    SaveHeading => "Bewaren", "Save";
    SaveIntro => "Bewaar je situaties voor later.", "Keep your situations for later.";
    ShareLinkLabel => "Link naar jouw situaties", "Link to your situations";
    CopyLink => "Kopieer de link", "Copy the link";
    Copied => "De link is gekopieerd.", "The link has been copied.";
    CopyFailed => "Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.",
        "Copying did not work. Select the link and copy it yourself.";
    LinkPrivacy => "Je antwoorden staan in de link zelf. Deel hem alleen met wie je vertrouwt. De link wordt niet naar ons gestuurd.",
        "Your answers are in the link itself. Only share it with people you trust. The link is not sent to us.";
    DeviceHeading => "Op dit apparaat bewaren", "Save on this device";
    DeviceIntro => "We bewaren alleen iets als je op de knop drukt. Het blijft in deze browser op dit apparaat. Je kunt het altijd weer verwijderen.",
        "We only save something when you press the button. It stays in this browser on this device. You can always delete it again.";
    SaveOnDevice => "Bewaar op dit apparaat", "Save on this device";
    SaveAgain => "Bewaar opnieuw op dit apparaat", "Save again on this device";
    DeleteFromDevice => "Verwijder van dit apparaat", "Delete from this device";
    DeletedFromDevice => "Verwijderd. Er staat niets meer van deze keuzehulp op dit apparaat.",
        "Deleted. Nothing of this choice guide is left on this device.";
    DeviceFailed => "We konden niet openen wat je op dit apparaat had bewaard.",
        "We could not open what you saved on this device.";
    DeviceManage => "Bewaren of verwijderen", "Save or delete";
    SummaryHeading => "Samenvatting van je advies", "Summary of your advice";
    SummaryIntro => "Neem deze samenvatting mee als je belt of langskomt. Of geef de link aan de medewerker. Dan hoeft niemand dezelfde vragen opnieuw te stellen.",
        "Take this summary with you when you call or visit. Or give the link to the employee. Then nobody has to ask the same questions again.";
    /// The summary's intro in a widget (no link to hand over).
    SummaryIntroNoLink => "Neem deze samenvatting mee als je belt of langskomt. Dan hoeft niemand dezelfde vragen opnieuw te stellen.",
        "Take this summary with you when you call or visit. Then nobody has to ask the same questions again.";
    BackToAdvisor => "Terug naar de keuzehulp", "Back to the choice guide";
    Print => "Afdrukken", "Print";
    ContactWeb => "website", "website";
    ContactPhone => "telefoon", "phone";
    ContactEmail => "e-mail", "email";
    ContactVisit => "langskomen", "visit";
}

/// Shorthand for [`Key::get`].
pub fn t(key: Key, lang: Lang) -> &'static str {
    key.get(lang)
}

/// "per maand", "per week" or "per jaar": the period of the cost factor's amounts.
pub fn per_period(per: CostPeriod) -> Key {
    match per {
        CostPeriod::Week => Key::PerWeek,
        CostPeriod::Month => Key::PerMonth,
        CostPeriod::Year => Key::PerYear,
    }
}

/// "Kosten per maand" (per week, per jaar): the row of the advice's cost per situation.
pub fn cost_per_period(per: CostPeriod) -> Key {
    match per {
        CostPeriod::Week => Key::CompareCostWeek,
        CostPeriod::Month => Key::CompareCost,
        CostPeriod::Year => Key::CompareCostYear,
    }
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
/// Under an advisor in the gallery: who it is for, and the date of its figures.
pub fn gallery_meta(owner: &str, date: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Voor {owner} · cijfers vanaf {date}"),
        Lang::En => format!("For {owner} · figures from {date}"),
    }
}

/// Above the playground's messages.
pub fn playground_errors(count: usize, lang: Lang) -> String {
    match (count, lang) {
        (1, Lang::Nl) => "1 fout. Klik op de fout om ernaar toe te gaan.".into(),
        (n, Lang::Nl) => format!("{n} fouten. Klik op een fout om ernaar toe te gaan."),
        (1, Lang::En) => "1 error. Click it to go there.".into(),
        (n, Lang::En) => format!("{n} errors. Click one to go there."),
    }
}

/// After downloading the user-test answers.
pub fn answers_downloaded(rows: usize, lang: Lang) -> String {
    match (rows, lang) {
        (1, Lang::Nl) => "1 rij met antwoorden gedownload.".into(),
        (n, Lang::Nl) => format!("{n} rijen met antwoorden gedownload."),
        (1, Lang::En) => "1 row of answers downloaded.".into(),
        (n, Lang::En) => format!("{n} rows of answers downloaded."),
    }
}

/// After running the test cases.
pub fn cases_summary(passed: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{passed} van de {total} testgevallen gaan goed."),
        Lang::En => format!("{passed} of {total} test cases passed."),
    }
}

/// A choice in the playground's "start from" list.
pub fn copy_of(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Een kopie van: {title}"),
        Lang::En => format!("A copy of: {title}"),
    }
}

/// The definition is too long for a link.
pub fn proto_too_long(max: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Deze beschrijving is te lang voor een link (meer dan {max} tekens). Download het bestand en deel dat."
        ),
        Lang::En => format!(
            "This definition is too long for a link (more than {max} characters). Download the file and share that."
        ),
    }
}

/// The address asked for an advisor that does not exist.
pub fn unknown_advisor(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Er is geen keuzehulp ‘{id}’. Kies hieronder een keuzehulp."),
        Lang::En => format!("There is no choice guide ‘{id}’. Choose one below."),
    }
}

pub fn owner(owner: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Deze keuzehulp is gemaakt voor {owner}."),
        Lang::En => format!("This choice guide was made for {owner}."),
    }
}

/// Accessible name of a scenario button: "Nu, situatie 1 van 3".
pub fn scenario_tab(name: &str, pos: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{name}, situatie {pos} van {of}"),
        Lang::En => format!("{name}, situation {pos} of {of}"),
    }
}

/// Status after switching scenarios.
pub fn scenario_shown(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Je kijkt nu naar: {name}."),
        Lang::En => format!("You are now looking at: {name}."),
    }
}

/// Status after adding a scenario.
pub fn scenario_added(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Nieuwe situatie: {name}. Je kijkt er nu naar. Pas de antwoorden aan."),
        Lang::En => {
            format!("New situation: {name}. You are looking at it now. Change the answers.")
        }
    }
}

/// Status after deleting a scenario.
pub fn scenario_removed(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("De situatie {name} is verwijderd."),
        Lang::En => format!("The situation {name} has been deleted."),
    }
}

/// Status after renaming.
pub fn scenario_renamed(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("De naam is nu: {name}."),
        Lang::En => format!("The name is now: {name}."),
    }
}

/// Status after moving a scenario.
pub fn scenario_moved(name: &str, pos: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{name} staat nu op plaats {pos} van {of}."),
        Lang::En => format!("{name} is now in place {pos} of {of}."),
    }
}

/// Name of a copy.
pub fn copy_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Kopie van {name}"),
        Lang::En => format!("Copy of {name}"),
    }
}

/// Marker on an answer that differs from the first scenario.
pub fn differs_from(base: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("anders dan {base}"),
        Lang::En => format!("differs from {base}"),
    }
}

/// Row header of a weight in the comparison.
pub fn weight_row(factor: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Hoe zwaar telt: {factor}"),
        Lang::En => format!("How much counts: {factor}"),
    }
}

/// Where the narrow comparison is.
pub fn compare_position(name: &str, pos: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Situatie {pos} van {of}: {name}"),
        Lang::En => format!("Situation {pos} of {of}: {name}"),
    }
}

/// Title of period `k`.
pub fn period_title(k: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Periode {k}"),
        Lang::En => format!("Period {k}"),
    }
}

/// "Periode 2 (maand 5 tot en met 12)".
pub fn period_span(k: usize, first: u32, months: u32, lang: Lang) -> String {
    let last = first + months.saturating_sub(1);
    match (lang, months) {
        (Lang::Nl, 1) => format!("Periode {k} (maand {first})"),
        (Lang::Nl, _) => format!("Periode {k} (maand {first} tot en met {last})"),
        (Lang::En, 1) => format!("Period {k} (month {first})"),
        (Lang::En, _) => format!("Period {k} (months {first} to {last})"),
    }
}

/// Accessible name of a period button: "Eerder: periode 2".
pub fn period_action(action: &str, k: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{action}: periode {k}"),
        Lang::En => format!("{action}: period {k}"),
    }
}

/// Status after adding a period.
pub fn period_added(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Periode {count} is toegevoegd."),
        Lang::En => format!("Period {count} has been added."),
    }
}

/// Status after moving a period.
pub fn period_moved(from: usize, to: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Periode {from} is nu periode {to}."),
        Lang::En => format!("Period {from} is now period {to}."),
    }
}

/// Status after removing a period.
pub fn period_removed(k: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Periode {k} is verwijderd."),
        Lang::En => format!("Period {k} has been removed."),
    }
}

/// A wrong number of months.
pub fn months_range(typed: &str, max: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Kies een heel aantal maanden van 1 tot en met {max}. \"{typed}\" kan niet. We houden het vorige aantal."
        ),
        Lang::En => format!(
            "Choose a whole number of months from 1 to {max}. \"{typed}\" is not possible. We keep the previous number."
        ),
    }
}

/// Header of the total.
pub fn total_over(months: u32, lang: Lang) -> String {
    match (lang, months) {
        (Lang::Nl, 1) => "Totaal over 1 maand".into(),
        (Lang::Nl, _) => format!("Totaal over {months} maanden"),
        (Lang::En, 1) => "Total over 1 month".into(),
        (Lang::En, _) => format!("Total over {months} months"),
    }
}

/// An option that cannot be kept all the time.
pub fn not_possible_in_period(k: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("niet mogelijk in periode {k}"),
        Lang::En => format!("not possible in period {k}"),
    }
}

/// Status after saving on the device.
pub fn saved_on_device(moment: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Bewaard op dit apparaat, {moment}."),
        Lang::En => format!("Saved on this device, {moment}."),
    }
}

/// What is saved on the device.
pub fn saved_since(moment: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Op dit apparaat staat een versie die je bewaarde op {moment}."),
        Lang::En => format!("This device holds a version you saved on {moment}."),
    }
}

/// Notice when the page opened what was saved on the device.
pub fn opened_from_device(moment: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("We hebben geopend wat je op dit apparaat bewaarde ({moment})."),
        Lang::En => format!("We opened what you saved on this device ({moment})."),
    }
}

/// Which advisor and version the summary is about.
pub fn summary_meta(title: &str, version: &str, valid_from: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Keuzehulp: {title}. Versie {version}, geldig vanaf {valid_from}."),
        Lang::En => format!("Choice guide: {title}. Version {version}, valid from {valid_from}."),
    }
}

/// The date of the advice.
pub fn advice_date(today: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Datum van dit advies: {today}"),
        Lang::En => format!("Date of this advice: {today}"),
    }
}

/// Heading of the contact options.
pub fn contact_heading(owner: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Contact met {owner}"),
        Lang::En => format!("Contact {owner}"),
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
    fn cost_labels_follow_the_cost_period() {
        assert_eq!(t(per_period(CostPeriod::Week), Lang::Nl), "per week");
        assert_eq!(t(per_period(CostPeriod::Month), Lang::Nl), "per maand");
        assert_eq!(t(per_period(CostPeriod::Year), Lang::En), "per year");
        assert_eq!(
            t(cost_per_period(CostPeriod::Week), Lang::Nl),
            "Kosten per week"
        );
        assert_eq!(
            t(cost_per_period(CostPeriod::Month), Lang::En),
            "Cost per month"
        );
        assert_eq!(
            t(cost_per_period(CostPeriod::Year), Lang::Nl),
            "Kosten per jaar"
        );
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
