//! The Gishe API contract: the JSON types the server sends and the app reads, shared by both.
#![forbid(unsafe_code)]

pub mod access_code;
pub mod accountability;
pub mod calendar;
pub mod charter;
pub mod date_input;
pub mod ids;
pub mod money;
pub mod municipality;
pub mod problem;
pub mod report;
pub mod request;
pub mod service;
pub mod status;

pub use access_code::{normalize_access_code, AccessCode, CROCKFORD};
pub use accountability::*;
pub use charter::*;
pub use date_input::{date_answer, parse_date_answer, parse_date_parts, DatePartsError};
pub use ids::RegistryNumber;
pub use municipality::*;
pub use problem::*;
pub use report::*;
pub use request::*;
pub use service::*;
pub use status::*;

use serde::{Deserialize, Serialize};

/// A content language. Bulgarian is the source language of every charter; English is a
/// translation written for the demo.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Bg,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Bg, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Bg => "bg",
            Lang::En => "en",
        }
    }

    /// Parses a language code or a language tag such as `en-GB`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "bg" => Some(Lang::Bg),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the first supported language of an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("");
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag) {
                if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, lang));
                }
            }
        }
        best.map(|(_, l)| l)
    }
}

/// A piece of content text in the language it is actually written in. When the language
/// asked for has no translation, `lang` says which language the text fell back to, so the
/// app can mark it with a `lang` attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Text {
    pub lang: Lang,
    /// The text as runs; a run with `strong` is emphasised in the source document.
    pub runs: Vec<Run>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strong: bool,
}

impl Text {
    /// Builds a text from the stored form, where `**…**` marks emphasis.
    pub fn from_marked(lang: Lang, marked: &str) -> Text {
        let mut runs = Vec::new();
        for (i, piece) in marked.split("**").enumerate() {
            if piece.is_empty() {
                continue;
            }
            let strong = i % 2 == 1;
            match runs.last_mut() {
                Some(Run { text, strong: s }) if *s == strong => text.push_str(piece),
                _ => runs.push(Run {
                    text: piece.to_string(),
                    strong,
                }),
            }
        }
        Text { lang, runs }
    }

    pub fn plain(lang: Lang, text: impl Into<String>) -> Text {
        Text {
            lang,
            runs: vec![Run {
                text: text.into(),
                strong: false,
            }],
        }
    }

    /// The text without emphasis, for titles and attributes.
    pub fn to_plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_text_becomes_runs_with_emphasis() {
        let t = Text::from_marked(Lang::Bg, "притежава **сертификат по ISO 9001**, с обхват");
        assert_eq!(t.runs.len(), 3);
        assert!(!t.runs[0].strong);
        assert!(t.runs[1].strong);
        assert_eq!(t.runs[1].text, "сертификат по ISO 9001");
        assert_eq!(t.to_plain(), "притежава сертификат по ISO 9001, с обхват");
    }

    #[test]
    fn accept_language_picks_highest_quality_supported_language() {
        assert_eq!(
            Lang::from_accept_language("de-DE,en;q=0.8,bg;q=0.9"),
            Some(Lang::Bg)
        );
        assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de, fr;q=0.5"), None);
        assert_eq!(
            Lang::from_accept_language("bg;q=0, en;q=0.1"),
            Some(Lang::En)
        );
    }
}
