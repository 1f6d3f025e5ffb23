//! Charter importer: preamble: title, letterhead, approval block.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Pre {
    Title(String),
    TitleMore(String),
    Letterhead,
    Approval,
    Short,
    Prose,
}

#[derive(Debug, Default)]
pub(super) struct PreState {
    pub(super) title_seen: bool,
    pub(super) in_title: bool,
    pub(super) approval: Approval,
}

/// Tracks approval and signature blocks: `УТВЪРДИЛ:`, `СЪГЛАСУВАЛ`, `КМЕТ:`, `СЕКРЕТАР:`,
/// `КМЕТ НА ОБЩИНА …`, `Дата:29.01.2015 г.` open a window of three lines in which names in
/// capitals (`НИКОЛАЙ ГРОЗЕВ`) are dropped too; `/МИЛЕН ДИМИТРОВ/` and `Н. Грозев` are names
/// anywhere.
#[derive(Debug, Default)]
pub(super) struct Approval {
    pub(super) window: u8,
}

impl Approval {
    /// Whether the (non-blank) line belongs to an approval block.
    pub(super) fn step(&mut self, text: &str) -> bool {
        if is_approval_keyword(text) {
            self.window = 3;
            return true;
        }
        if is_slashed_name(text) || is_initials_name(text) {
            self.window = self.window.saturating_sub(1);
            return true;
        }
        if self.window > 0 && is_caps_name(text) {
            self.window -= 1;
            return true;
        }
        self.window = 0;
        false
    }
}

pub(super) fn is_approval_keyword(text: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "УТВЪРДИЛ",
        "УТВЪРЖДАВАМ",
        "СЪГЛАСУВАЛ",
        "СЪГЛАСУВАНО",
        "ОДОБРИЛ",
        "ИЗГОТВИЛ",
        "ЗАМ.-КМЕТ",
        "ЗАМ. КМЕТ",
        "ЗАМЕСТНИК-КМЕТ",
        "КМЕТ",
        "СЕКРЕТАР",
        "ДАТА",
    ];
    if word_count(text) > 8 {
        return false;
    }
    let upper = text.to_uppercase();
    for kw in KEYWORDS {
        let Some(rest) = upper.strip_prefix(kw) else {
            continue;
        };
        if rest.starts_with(char::is_alphabetic) {
            continue;
        }
        let colon = rest.trim_start().starts_with(':') || rest.is_empty();
        if *kw == "ДАТА" {
            return colon || rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
        }
        // Written in capitals, or followed by a colon: `Кметът на общината …` is prose.
        return text.starts_with(kw) || colon;
    }
    false
}

/// `/МИЛЕН ДИМИТРОВ/`
pub(super) fn is_slashed_name(text: &str) -> bool {
    text.len() > 2
        && text.starts_with('/')
        && text.ends_with('/')
        && word_count(text) <= 4
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// `Н. Грозев`, `В. Грѣнова`, `Н.Грозев`.
pub(super) fn is_initials_name(text: &str) -> bool {
    let mut chars = text.chars();
    let (Some(initial), Some('.')) = (chars.next(), chars.next()) else {
        return false;
    };
    let rest = chars.as_str().trim_start();
    let words: Vec<&str> = rest.split(' ').collect();
    initial.is_uppercase()
        && !rest.is_empty()
        && words.len() <= 2
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.clone().count() >= 2
                && cs.all(|c| c.is_lowercase() || c == '-')
        })
}

/// `НИКОЛАЙ ГРОЗЕВ`: 1–4 words in capitals, letters only.
pub(super) fn is_caps_name(text: &str) -> bool {
    let words = word_count(text);
    (1..=4).contains(&words)
        && is_upper_text(text)
        && text
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-'))
}

/// Letterhead lines: `ОБЩИНА КОСТИНБРОД`, `Общинска администрация – гр.Костинброд, …`, address
/// lines (`гр.`, `п.к.`, `ул.`, `бул.`), lines with a phone, e-mail or web address, `ISO
/// 9001:2008`, `Certificate № …`.
pub(super) fn is_letterhead(text: &str) -> bool {
    let words = word_count(text);
    let upper = text.to_uppercase();
    if upper.starts_with("ОБЩИНА ") && words <= 5 && !ends_terminal(text) {
        return true;
    }
    if upper.starts_with("ОБЩИНСКА АДМИНИСТРАЦИЯ") && words <= 10 && !text.ends_with('.')
    {
        return true;
    }
    if !find_contact_tokens(text).is_empty() {
        return true;
    }
    const ADDRESS: &[&str] = &["гр.", "п.к.", "ул.", "бул.", "пл.", "тел.", "обл."];
    let address = text
        .split([' ', ','])
        .any(|w| ADDRESS.iter().any(|a| w.starts_with(a)));
    if address && words <= 16 {
        return true;
    }
    (upper.contains("ISO 9001") && words <= 8)
        || ((upper.starts_with("CERTIFICATE") || upper.starts_with("СЕРТИФИКАТ")) && words <= 10)
}

/// Letter-spaced lines such as ` Х А Р Т А НА К Л И Е Н Т А`: at least four one-letter tokens,
/// making up at least half of the tokens.
pub(super) fn is_letter_spaced(text: &str) -> bool {
    let tokens: Vec<&str> = text.split(' ').collect();
    let singles = tokens
        .iter()
        .filter(|t| t.chars().count() == 1 && t.chars().all(char::is_alphabetic))
        .count();
    singles >= 4 && singles * 2 >= tokens.len()
}

/// `Х А Р Т А НА К Л И Е Н Т А` → `ХАРТА НА КЛИЕНТА`.
pub(super) fn unspace(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut run = String::new();
    for token in text.split(' ') {
        if token.chars().count() == 1 && token.chars().all(char::is_alphabetic) {
            run.push_str(token);
        } else {
            if !run.is_empty() {
                words.push(std::mem::take(&mut run));
            }
            words.push(token.to_string());
        }
    }
    if !run.is_empty() {
        words.push(run);
    }
    words.join(" ")
}

/// A title line continues with lines that begin with a preposition or conjunction (`НА
/// КЛИЕНТА И СТАНДАРТИ …`, `В ОБЩИНА КОСТИНБРОД`) or in lower case.
pub(super) fn is_title_continuation(text: &str) -> bool {
    const JOINERS: &[&str] = &[
        "НА", "ЗА", "В", "ВЪВ", "И", "КЪМ", "ОТ", "С", "СЪС", "ПО", "ПРИ",
    ];
    let first = text.split(' ').next().unwrap_or_default();
    word_count(text) <= 12
        && !text.ends_with(['.', ';', ':', ','])
        && (JOINERS.contains(&first.to_uppercase().as_str())
            || first.starts_with(char::is_lowercase))
}

pub(super) fn classify_preamble(text: &str, st: &mut PreState) -> Pre {
    let spaced = is_letter_spaced(text);
    let plain = if spaced {
        unspace(text)
    } else {
        text.to_string()
    };
    let names_charter = plain
        .to_uppercase()
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w == "ХАРТА");
    if (spaced || names_charter) && word_count(&plain) <= 12 && !plain.ends_with('.') {
        st.approval.window = 0;
        if !st.title_seen {
            st.title_seen = true;
            st.in_title = true;
            return Pre::Title(plain);
        }
        st.in_title = false;
        return Pre::Short;
    }
    if st.in_title && is_title_continuation(text) {
        return Pre::TitleMore(text.to_string());
    }
    st.in_title = false;
    if st.approval.step(text) {
        return Pre::Approval;
    }
    if is_letterhead(text) {
        return Pre::Letterhead;
    }
    if word_count(text) >= 12 || text.chars().count() >= 100 {
        Pre::Prose
    } else {
        Pre::Short
    }
}

/// Reads the lines before the first section: the title (a `ХАРТА` line and its continuation,
/// else the first short title-like line, e.g. `Стандарти за обслужване`), the letterhead's
/// contacts. Approval blocks, the rest of the letterhead and short lines (mottos such as
/// `СЛИЦЕ КЪМ ХОРАТА`) are dropped; a long prose line is an error.
pub(super) fn read_preamble(
    lines: &[Line],
) -> Result<(Option<String>, Vec<ImportedContact>), ImportError> {
    let mut st = PreState::default();
    let mut title: Option<String> = None;
    let mut fallback: Option<String> = None;
    let mut letterhead = Vec::new();
    for line in lines.iter().filter(|l| !l.text.is_empty()) {
        match classify_preamble(&line.text, &mut st) {
            Pre::Title(t) => title = Some(t),
            Pre::TitleMore(t) => {
                if let Some(title) = title.as_mut() {
                    title.push(' ');
                    title.push_str(&t);
                }
            }
            Pre::Letterhead => letterhead.extend(contacts_in(&line.text, line.no)),
            Pre::Approval => {}
            Pre::Short => {
                let t = &line.text;
                let title_like = word_count(t) <= 8
                    && t.starts_with(char::is_uppercase)
                    && !t.ends_with(['.', ';', ':', ',']);
                if fallback.is_none() && title_like {
                    fallback = Some(t.clone());
                }
            }
            Pre::Prose => return Err(ImportError::ProseBeforeFirstSection { line: line.no }),
        }
    }
    Ok((title.or(fallback), letterhead))
}
