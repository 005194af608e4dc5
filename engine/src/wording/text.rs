//! Languages and texts in several languages. The languages are those of the catalogue
//! (`engine/catalogue/`, one file each): Dutch is the default, English is alongside, and a
//! translator adds one by adding a file. A definition's texts are keyed by language tag.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::catalogue::Lang;

impl Lang {
    /// The language tag (`nl`, `en`).
    pub fn code(self) -> &'static str {
        Lang::CODES[self as usize]
    }

    /// The language's name in that language ("Nederlands", "English"): the language switch.
    pub fn name(self) -> &'static str {
        Lang::NAMES[self as usize]
    }

    /// The language's name in English ("Dutch"), for messages to authors.
    pub fn english_name(self) -> &'static str {
        Lang::ENGLISH_NAMES[self as usize]
    }

    /// Whether every text of a definition must be given in this language (`required` in
    /// its catalogue file; true unless it says false). Where one that is not required is
    /// left out, the default language's text shows.
    pub fn required(self) -> bool {
        Lang::REQUIRED[self as usize]
    }

    /// The decimal sign: `,` in Dutch.
    pub fn decimal(self) -> &'static str {
        Lang::DECIMAL[self as usize]
    }

    /// The thousands sign: `.` in Dutch.
    pub fn group(self) -> &'static str {
        Lang::GROUP[self as usize]
    }

    /// An amount in euro written out around `amount`: "€ 12,34" in Dutch.
    pub fn euro(self, amount: &str) -> String {
        Lang::EURO[self as usize].replace("{amount}", amount)
    }

    /// Month `m` (1 is January), or "" for a month that does not exist.
    pub fn month(self, m: usize) -> &'static str {
        m.checked_sub(1)
            .and_then(|k| Lang::MONTHS[self as usize].get(k))
            .copied()
            .unwrap_or("")
    }

    /// Parses a language tag: the whole tag if the catalogue has it (`nl-eenvoudig`), else
    /// its first part, so regional variants such as `nl-NL` or `en-GB` work.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase().replace('_', "-");
        let find = |tag: &str| Lang::ALL.into_iter().find(|l| l.code() == tag);
        find(&code).or_else(|| find(code.split('-').next().unwrap_or("")))
    }

    /// The next language of the catalogue, after the last the first: the language switch
    /// (with two languages, the other one).
    pub fn next(self) -> Lang {
        Lang::ALL[(self as usize + 1) % Lang::ALL.len()]
    }
}

/// A text in each language, keyed by language tag: `{ nl = "...", en = "..." }`.
/// Validation demands every language of the catalogue where a text is required.
// Kept as a short list of (tag, text) in the order written: two or three entries need no
// map, and the wasm then holds no map code.
#[derive(Clone, Debug, Default, JsonSchema)]
#[schemars(transparent)]
pub struct Text(
    #[schemars(
        with = "BTreeMap<String, String>",
        extend("propertyNames" = { "enum": Lang::CODES }),
        description = "The text per language tag (`nl`, `en`): every language of the catalogue."
    )]
    Vec<(String, String)>,
);

/// Equal when they say the same in every language: `{ nl = "", en = "" }` equals `{}`.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        let given = |t: &Text| t.0.iter().filter(|(_, v)| !v.is_empty()).count();
        given(self) == given(other)
            && self
                .0
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .all(|(tag, v)| other.tagged(tag) == Some(v.as_str()))
    }
}

impl Eq for Text {}

/// Writes every language of the catalogue in its order (nl first), empty where there is no
/// text, then any other tag: the same JSON for the same text, whichever way it was written.
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for lang in Lang::ALL {
            map.serialize_entry(lang.code(), self.raw(lang).unwrap_or(""))?;
        }
        for tag in self.unknown_tags() {
            map.serialize_entry(tag, self.tagged(tag).unwrap_or(""))?;
        }
        map.end()
    }
}

/// Reads a table of language tag to text. By hand, so that a text that is not a table is
/// described as serde describes a struct (`expected struct Text`): the definition checker
/// turns that into "a text in Dutch and English, { nl = ..., en = ... }".
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct Texts;
        impl<'de> serde::de::Visitor<'de> for Texts {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("struct Text")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Text, M::Error> {
                let mut texts = Text::default();
                while let Some((tag, text)) = map.next_entry::<String, String>()? {
                    texts.set(tag, text);
                }
                Ok(texts)
            }
        }
        deserializer.deserialize_map(Texts)
    }
}

impl Text {
    /// A text in Dutch and English.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Text {
        Text(vec![("nl".into(), nl.into()), ("en".into(), en.into())])
    }

    /// Sets the text for `tag` (a second text for the same tag replaces the first).
    fn set(&mut self, tag: String, text: String) {
        match self.0.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, old)) => *old = text,
            None => self.0.push((tag, text)),
        }
    }

    /// The text for language tag `tag`, if any.
    fn tagged(&self, tag: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, text)| text.as_str())
    }

    /// The text in `lang`; when that is empty, the default language's, then any other.
    pub fn get(&self, lang: Lang) -> &str {
        let given = |l: Lang| self.raw(l).filter(|t| !t.trim().is_empty());
        given(lang)
            .or_else(|| given(Lang::default()))
            .or_else(|| Lang::ALL.into_iter().find_map(given))
            .unwrap_or("")
    }

    /// The text exactly as written for `lang`, if any.
    pub fn raw(&self, lang: Lang) -> Option<&str> {
        self.tagged(lang.code())
    }

    /// True if no language has text.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|(_, t)| t.trim().is_empty())
    }

    /// The languages of the catalogue that a definition must have ([`Lang::required`]) and
    /// that are missing here (empty after trimming).
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| l.required() && self.raw(*l).is_none_or(|t| t.trim().is_empty()))
            .collect()
    }

    /// The language tags that are not languages of the catalogue (`de` in a build without it).
    pub fn unknown_tags(&self) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .map(|(tag, _)| tag.as_str())
            .filter(|tag| !Lang::CODES.contains(tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_falls_back_to_the_default_language() {
        let t = Text::new("Hallo", "");
        assert_eq!(t.get(Lang::En), "Hallo");
        assert_eq!(t.get(Lang::Nl), "Hallo");
        assert_eq!(t.missing(), vec![Lang::En]);
        let t = Text::new("Hallo", "Hello");
        assert_eq!(t.get(Lang::En), "Hello");
        assert!(t.missing().is_empty());
        let t = Text::new("", "Hello");
        assert_eq!(t.get(Lang::Nl), "Hello");
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("nl-NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::Nl.next(), Lang::En);
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(Lang::Nl.name(), "Nederlands");
    }

    #[test]
    fn texts_read_as_a_map_of_language_tags() {
        let t: Text = serde_json::from_str(r#"{"nl": "Hallo", "en": "Hello"}"#).unwrap();
        assert_eq!(t, Text::new("Hallo", "Hello"));
        let t: Text = serde_json::from_str(r#"{"nl": "Hallo", "xx": "?"}"#).unwrap();
        assert_eq!(t.unknown_tags().collect::<Vec<_>>(), ["xx"]);
    }
}
