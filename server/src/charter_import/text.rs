//! Charter importer: small text helpers.

use crate::transliteration::translit;

/// Words that hold a letter or digit (dot leaders and dashes are no words).
pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Ends in `.`, `!`, `?`, `;`, `:` or `…`, possibly followed by closing quotes, brackets or
/// emphasis markers.
pub(super) fn ends_terminal(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '“', '»', '\'', '’', ')', '*'])
        .ends_with(['.', '!', '?', ';', ':', '…'])
}

pub(super) fn starts_lowercase(s: &str) -> bool {
    s.trim_start_matches(['"', '„', '“', '«', '(', '*'])
        .starts_with(char::is_lowercase)
}

/// Has a cased letter and no lower-case letter.
pub(super) fn is_upper_text(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

pub(super) fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04ff}').contains(&c)
}

/// A slug of at most six words: transliterated, lower case, hyphen-separated; anything that is
/// not a letter or digit separates words and is dropped.
pub(super) fn slug(text: &str) -> String {
    const MAX_WORDS: usize = 6;
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if let Some(latin) = translit(c) {
            word.push_str(latin);
        } else if c.is_ascii_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.truncate(MAX_WORDS);
    words.join("-")
}

pub(super) fn non_empty_slug(text: &str, fallback: &str) -> String {
    let s = slug(text);
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_use_the_streamlined_transliteration() {
        assert_eq!(slug("ОБЩИ ПОЛОЖЕНИЯ"), "obshti-polozheniya");
        assert_eq!(slug("Щастие, жълт чорап: юг"), "shtastie-zhalt-chorap-yug");
        assert_eq!(slug("Цех ЬО й"), "tseh-yo-y");
        assert_eq!(
            slug("едно две три четири пет шест седем"),
            "edno-dve-tri-chetiri-pet-shest"
        );
        assert_eq!(slug("**Харта** 2015"), "harta-2015");
    }
}
