//! Charter importer: lines, cuts and refusals.

use super::*;

#[derive(Debug, Clone)]
pub(super) struct Line {
    /// 1-based line number in the original text.
    pub(super) no: usize,
    /// Whitespace-normalised text; empty for a blank line.
    pub(super) text: String,
}

pub(super) fn read_lines(text: &str) -> Result<Vec<Line>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| {
            if raw.contains('\0') {
                return Err(ImportError::Binary { line: i + 1 });
            }
            Ok(Line {
                no: i + 1,
                text: normalise(raw),
            })
        })
        .collect()
}

/// Collapses runs of whitespace (spaces, tabs, U+00A0 and the other Unicode spaces, stray
/// control characters such as `\r`) to one space and trims; drops soft hyphens and zero-width
/// characters.
pub(super) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if matches!(
            c,
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
        ) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

pub(super) fn apply_cut_hints(lines: &mut Vec<Line>, cuts: &[String]) {
    let needles: Vec<String> = cuts
        .iter()
        .map(|c| normalise(c))
        .filter(|c| !c.is_empty())
        .collect();
    if needles.is_empty() {
        return;
    }
    for i in 0..lines.len() {
        let hit = needles
            .iter()
            .filter_map(|n| lines[i].text.find(n.as_str()))
            .min();
        if let Some(pos) = hit {
            let kept = lines[i].text[..pos].trim_end().to_string();
            lines[i].text = kept;
            lines.truncate(i + 1);
            return;
        }
    }
}

pub(super) fn apply_drop_hints(lines: &mut [Line], drops: &[String]) {
    let prefixes: Vec<String> = drops
        .iter()
        .map(|d| normalise(d))
        .filter(|d| !d.is_empty())
        .collect();
    for line in lines.iter_mut() {
        if prefixes.iter().any(|p| line.text.starts_with(p.as_str())) {
            line.text.clear();
        }
    }
}

/// Lines that belong to a web page around the document rather than to the document: the
/// download widget of the municipal sites' CMS, "new galleries / popular documents / new
/// links" boxes, copyright lines.
pub(super) fn is_web_chrome(s: &str) -> bool {
    const STARTS: &[&str] = &[
        "Размер на файла",
        "Време за смъкване",
        "Време за изтегляне",
        "Зареждания",
        "Оставащи зареждания",
        "Нови галерии",
        "Популярни документи",
        "Нови връзки",
        "Последни новини",
        "Всички права запазени",
        "Copyright",
        "©",
    ];
    if STARTS.iter().any(|p| s.starts_with(p)) || s.contains("kbit/s") {
        return true;
    }
    if let Some(rest) = s.strip_prefix("@ ").or_else(|| s.strip_prefix("< ")) {
        return rest.starts_with(|c: char| c.is_ascii_alphanumeric());
    }
    let words: Vec<&str> = s.split(' ').collect();
    if let [.., number, unit] = words.as_slice() {
        let is_unit = matches!(*unit, "KB" | "kB" | "MB" | "GB" | "Bytes" | "bytes");
        return is_unit
            && number
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    }
    false
}

/// Cuts a trailing run of web-page furniture: the first chrome line that has at least 4
/// chrome lines among the 8 content lines from it on starts the cut, and everything after it
/// goes. A short tail glued to the sentence before (`показатели.Автор Община Русе`) goes too.
pub(super) fn cut_web_trailer(lines: &mut Vec<Line>) {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.is_empty())
        .collect();
    for (k, &i) in content.iter().enumerate() {
        if !is_web_chrome(&lines[i].text) {
            continue;
        }
        let window = &content[k..content.len().min(k + 8)];
        let hits = window
            .iter()
            .filter(|&&j| is_web_chrome(&lines[j].text))
            .count();
        if hits >= 4 {
            lines.truncate(i);
            if let Some(&prev) = k.checked_sub(1).and_then(|p| content.get(p)) {
                strip_glued_tail(&mut lines[prev].text);
            }
            return;
        }
    }
}

/// `…показатели.Автор Община Русе` → `…показатели.`: a sentence end glued (no space) to a
/// capitalised short tail without final punctuation.
pub(super) fn strip_glued_tail(text: &mut String) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in (1..chars.len().saturating_sub(1)).rev() {
        let (pos, c) = chars[w];
        if !matches!(c, '.' | '!' | '?') || !chars[w + 1].1.is_uppercase() {
            continue;
        }
        let word_len = chars[..w]
            .iter()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .count();
        let tail = &text[pos + c.len_utf8()..];
        if word_len >= 4 && word_count(tail) <= 6 && !ends_terminal(tail) {
            text.truncate(pos + c.len_utf8());
        }
        return;
    }
}

/// `<html>`, `<div class="x">`, `</p>`, `<br/>`, `<!DOCTYPE html>`, `<!-- … -->`. Not `<http://…>`
/// (an autolink in a letterhead) and not `< 1 секунди`.
pub(super) fn has_markup(s: &str) -> bool {
    let b = s.as_bytes();
    for (i, _) in s.match_indices('<') {
        let mut j = i + 1;
        if s[j..].starts_with("!--") {
            return true;
        }
        if matches!(b.get(j), Some(b'/') | Some(b'!')) {
            j += 1;
        }
        let start = j;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        if j == start || !b[start].is_ascii_alphabetic() {
            continue;
        }
        match b.get(j) {
            None => return true,
            Some(c) if *c == b'>' || *c == b'/' || c.is_ascii_whitespace() => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_autolink_in_angle_brackets_is_not_markup() {
        assert!(!has_markup(
            "<http://www.kostinbrod.bg>, e-mail: obshtina@kbrod.net"
        ));
        assert!(!has_markup("< 1 секунди"));
        assert!(has_markup("</p>"));
        assert!(has_markup("<br/>"));
        assert!(has_markup("<!-- x -->"));
    }
}
