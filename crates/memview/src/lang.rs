//! The languages the explainer speaks. Every word a reader sees — captions,
//! canvas labels, the text alternative, buttons — is chosen by one of these;
//! code, compiler messages and program output stay as the tools print them.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    En,
    Ja,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Ja];

    /// The BCP 47 code, as links and `<html lang>` spell it.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
        }
    }

    /// The language's own name for itself, as a language menu shows it.
    pub fn autonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Ja => "日本語",
        }
    }

    /// A code as a link carries it (`en`, `ja`; any case).
    pub fn parse(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The first of a browser's preferred languages (`navigator.languages`,
    /// e.g. `ja-JP`, `en-GB`) that the explainer speaks, matched on the
    /// primary subtag.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Language> {
        tags.into_iter().find_map(|t| Language::parse(t.split(['-', '_']).next().unwrap_or("")))
    }

    /// `en` in English, `ja` in Japanese.
    pub fn pick<T>(self, en: T, ja: T) -> T {
        match self {
            Language::En => en,
            Language::Ja => ja,
        }
    }
}

/// A word or phrase in every language, for static tables (knob labels):
/// a table cannot leave one out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    pub en: &'static str,
    pub ja: &'static str,
}

impl Tr {
    pub const fn get(self, lang: Language) -> &'static str {
        match lang {
            Language::En => self.en,
            Language::Ja => self.ja,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_browser_tags_match_on_the_primary_subtag() {
        for l in Language::ALL {
            assert_eq!(Language::parse(l.code()), Some(l));
        }
        assert_eq!(Language::parse("JA"), Some(Language::Ja));
        assert_eq!(Language::parse("jp"), None);
        assert_eq!(Language::parse(""), None);
        assert_eq!(Language::preferred(["fr-FR", "ja-JP", "en"]), Some(Language::Ja));
        assert_eq!(Language::preferred(["en-GB"]), Some(Language::En));
        assert_eq!(Language::preferred(["fr", "de"]), None);
        assert_eq!(Language::Ja.pick("a", "b"), "b");
    }
}
