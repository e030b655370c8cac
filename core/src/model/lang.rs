//! The language of messages: Chinese by default, English on request.

/// A language for messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Reads `zh` or `en` (also `zh-CN`, `en-US` and the like).
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.to_ascii_lowercase();
        match lower.split(['-', '_']).next() {
            Some("zh") => Some(Lang::Zh),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
