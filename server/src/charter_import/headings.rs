//! Charter importer: section headings.

use super::*;

#[derive(Debug, Clone)]
pub(super) struct Heading {
    /// Index into the line vector.
    pub(super) idx: usize,
    pub(super) numeral: Option<String>,
    pub(super) title: String,
}

/// Roman-numbered headings that count up from `I` one by one.
pub(super) fn find_numbered_headings(lines: &[Line]) -> Vec<Heading> {
    let mut expected = 1;
    let mut out = Vec::new();
    for (idx, line) in lines.iter().enumerate() {
        if let Some((numeral, value, title)) = roman_heading(&line.text) {
            if value == expected {
                expected += 1;
                out.push(Heading {
                    idx,
                    numeral: Some(numeral),
                    title,
                });
            }
        }
    }
    out
}

/// `ІV. АДМИНИСТРАТИВНО ОБСЛУЖВАНЕ` → (`IV`, 4, `АДМИНИСТРАТИВНО ОБСЛУЖВАНЕ`). The numeral may
/// mix Latin `I V X L` with Cyrillic `І` (U+0406), `Ӏ` (U+04C0) and `Х` (U+0425); it must be a
/// well-formed Roman number followed by `.` (or by a space when the title is in capitals). The
/// title starts with a capital letter, has at most 20 words and does not end like a list item.
pub(super) fn roman_heading(text: &str) -> Option<(String, u32, String)> {
    let mut numeral = String::new();
    let mut rest = text;
    for c in text.chars() {
        let latin = match c {
            'I' | 'І' | 'Ӏ' => 'I',
            'V' => 'V',
            'X' | 'Х' => 'X',
            'L' => 'L',
            _ => break,
        };
        numeral.push(latin);
        rest = &rest[c.len_utf8()..];
    }
    if numeral.is_empty() {
        return None;
    }
    let value = roman_value(&numeral)?;
    let (dotted, title) = match rest.strip_prefix('.') {
        Some(after) => (true, after.trim()),
        None => (false, rest.strip_prefix(' ')?.trim()),
    };
    let title = title.trim_end_matches(':').trim_end();
    let first = title.chars().next()?;
    if !(first.is_uppercase() || matches!(first, '"' | '„' | '“' | '«' | '*')) {
        return None;
    }
    if !dotted && !is_upper_text(title) {
        return None;
    }
    if title.ends_with([';', ',']) || word_count(title) > 20 {
        return None;
    }
    Some((numeral, value, title.to_string()))
}

/// The value of a well-formed Roman numeral (`IIII`, `VX` and the like are refused).
pub(super) fn roman_value(numeral: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Vec<u32> = numeral.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= *v as i64,
            _ => total += *v as i64,
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    (to_roman(total) == numeral).then_some(total)
}

pub(super) fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(value, symbol) in TABLE {
        while n >= value {
            out.push_str(symbol);
            n -= value;
        }
    }
    out
}

/// A heading in capitals (only used when the document has no numbered heading): at least four
/// letters, some of them Cyrillic, every cased letter upper-case, no digits, at most 10 words,
/// only letters, spaces and `, - – — " „ “ ” ( )`; not a letter-spaced title, not ending in
/// `: ; , .` (so `ДЕЛОВОДСТВО:` or `УТВЪРДИЛ:` are no headings).
pub(super) fn is_caps_heading(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && text.chars().any(is_cyrillic)
        && is_upper_text(text)
        && word_count(text) <= 10
        && text.chars().all(|c| {
            c.is_alphabetic()
                || matches!(
                    c,
                    ' ' | ',' | '-' | '–' | '—' | '"' | '„' | '“' | '”' | '(' | ')'
                )
        })
        && !text.ends_with([':', ';', ',', '.'])
        && !is_letter_spaced(text)
}

/// Unnumbered headings: the preamble (title, letterhead, approval block) is skipped, the first
/// heading must be followed by content, and approval lines are never headings.
pub(super) fn find_caps_headings(lines: &[Line]) -> Vec<Heading> {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.is_empty())
        .collect();
    let mut pre = PreState::default();
    let mut approval = Approval::default();
    let mut out = Vec::new();
    for (k, &i) in content.iter().enumerate() {
        let text = &lines[i].text;
        if out.is_empty() {
            let kind = classify_preamble(text, &mut pre);
            if matches!(
                kind,
                Pre::Title(_) | Pre::TitleMore(_) | Pre::Letterhead | Pre::Approval
            ) {
                continue;
            }
            let followed_by_content = content
                .get(k + 1)
                .is_some_and(|&j| !is_caps_heading(&lines[j].text));
            if is_caps_heading(text) && followed_by_content {
                out.push(caps_heading(i, text));
            }
        } else if !approval.step(text) && is_caps_heading(text) {
            out.push(caps_heading(i, text));
        }
    }
    out
}

pub(super) fn caps_heading(idx: usize, text: &str) -> Heading {
    Heading {
        idx,
        numeral: None,
        title: text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_accept_cyrillic_look_alikes_and_refuse_malformed_ones() {
        assert_eq!(
            roman_heading("ІV. АДМИНИСТРАТИВНО ОБСЛУЖВАНЕ"),
            Some(("IV".into(), 4, "АДМИНИСТРАТИВНО ОБСЛУЖВАНЕ".into()))
        );
        assert_eq!(roman_heading("Х. СРОКОВЕ").map(|h| h.1), Some(10));
        assert_eq!(roman_heading("ХІІ. ДРУГИ").map(|h| h.0), Some("XII".into()));
        assert_eq!(roman_heading("IIII. X"), None);
        assert_eq!(roman_heading("VX. X"), None);
        assert_eq!(roman_heading("ISO 9001:2008"), None);
        assert_eq!(roman_heading("I. предоставяне;"), None);
        assert_eq!(roman_heading("II СТАНДАРТИ").map(|h| h.1), Some(2));
        assert_eq!(roman_heading("II Стандарти"), None);
    }
}
