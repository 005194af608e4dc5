//! Languages and bilingual texts. Dutch is the default; English is always alongside.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An interface language.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch (default).
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, default first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 code (`nl`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Parses a language code; accepts regional variants such as `nl-NL` or `en-GB`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (for the language switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }
}

/// A text in Dutch and English. Validation demands both where a text is required.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Dutch, at B1 level: short sentences, common words.
    #[serde(default)]
    pub nl: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// A text with both languages.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`; falls back to the other language if that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Nl => (&self.nl, &self.en),
            Lang::En => (&self.en, &self.nl),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// True if neither language has text.
    pub fn is_empty(&self) -> bool {
        self.nl.trim().is_empty() && self.en.trim().is_empty()
    }

    /// The languages that are missing (empty after trimming).
    pub fn missing(&self) -> Vec<Lang> {
        let mut out = Vec::new();
        if self.nl.trim().is_empty() {
            out.push(Lang::Nl);
        }
        if self.en.trim().is_empty() {
            out.push(Lang::En);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_falls_back_to_other_language() {
        let t = Text::new("Hallo", "");
        assert_eq!(t.get(Lang::En), "Hallo");
        assert_eq!(t.get(Lang::Nl), "Hallo");
        assert_eq!(t.missing(), vec![Lang::En]);
        let t = Text::new("Hallo", "Hello");
        assert_eq!(t.get(Lang::En), "Hello");
        assert!(t.missing().is_empty());
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("nl-NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::Nl.other(), Lang::En);
        assert_eq!(Lang::En.code(), "en");
    }
}
