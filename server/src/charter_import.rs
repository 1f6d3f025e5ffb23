//! Charter importer: turns a charter text document into sections → subsections → blocks.
//!
//! The input is the plain text of a Bulgarian municipality's "Харта на клиента" (Client
//! Charter), as copied out of a Word file or scraped from a web page. The importer works in
//! passes, each a small rule that can be read on its own:
//!
//! 1. **Lines.** A BOM is skipped, every line's runs of spaces, tabs and non-breaking spaces
//!    are collapsed to one space and the line is trimmed. Line numbers (1-based) are those of
//!    the original text and are kept for errors and for `line` fields.
//! 2. **Cuts.** `Hints::cut_from` cuts the document where the text first occurs (mid-line
//!    allowed). By rule, a trailing run of web-page furniture (download widgets, "Популярни
//!    документи", `@ 768 kbit/s`, …; see `is_web_chrome`) is cut as well, together with a
//!    short tail glued to the last sentence (`…показатели.Автор Община Русе` keeps
//!    `…показатели.`). `Hints::drop_lines` then drops lines by prefix.
//! 3. **Refusals.** HTML/XML markup, NUL bytes, an empty text or a text without section
//!    headings are errors naming the line (see `ImportError`).
//! 4. **Sections.** Headings numbered with Roman numerals (Latin or the Cyrillic look-alikes
//!    `І`, `Х`), which must count up from `I` one by one — a stray `Х. Христов` is no heading.
//!    Only when there is no numbered heading at all: lines in capitals (see
//!    `is_caps_heading`); at least two are needed, and the first must be followed by content.
//! 5. **Preamble.** Everything before the first section. A title (`ХАРТА`, also letter-spaced,
//!    with its continuation lines that begin with a preposition) goes to `title`, contact
//!    details of the letterhead go to `letterhead`, approval blocks, mottos and the rest of
//!    the letterhead are dropped. A long prose line there is an error rather than silently
//!    lost text (see `ImportError::ProseBeforeFirstSection`).
//! 6. **Subsections and blocks** inside each section; see `split_subsections` and
//!    `build_blocks` for the rules that decide between a subsection heading, a list lead-in
//!    and a paragraph.
//! 7. **Roles and ids.** Roles are guessed from the heading (see `guess_role`) and then
//!    overridden by `Hints`. Ids are derived from the text only, so a re-import of the same
//!    text gives the same ids.
//!
//! `**emphasis**` markers are kept as they are; no HTML is ever produced.

use gishe_api::{ContactKind, SectionRole};
use std::collections::HashSet;
use std::fmt;

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/// What a profile can tell the importer where its rules cannot decide.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Hints {
    /// Lines (after whitespace normalisation) that start with one of these are dropped.
    pub drop_lines: Vec<String>,
    /// The document is cut where this text first occurs (it may start mid-line), e.g. "Автор Община Русе".
    pub cut_from: Vec<String>,
    /// Section ids that hold the standards / the citizens' duties / the contacts.
    pub standards: Vec<String>,
    pub duties: Vec<String>,
    pub contacts: Vec<String>,
    /// Lines (after whitespace normalisation) that start with one of these are list lead-ins,
    /// never subsection headings, even when they are short and end in a colon.
    pub lead_ins: Vec<String>,
}

/// A charter as the importer read it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportedCharter {
    /// The document's own title (`ХАРТА НА КЛИЕНТА`), when the preamble had one.
    pub title: Option<String>,
    /// Contact details found in the preamble (the letterhead).
    pub letterhead: Vec<ImportedContact>,
    pub sections: Vec<ImportedSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportedSection {
    /// `iv` for numbered sections, a transliterated slug of the heading otherwise.
    pub id: String,
    /// The numeral normalised to Latin letters (`IV`); `None` for unnumbered headings.
    pub numeral: Option<String>,
    pub title: String,
    pub role: SectionRole,
    /// The heading's line (1-based).
    pub line: usize,
    /// Blocks before the first subsection.
    pub blocks: Vec<ImportedBlock>,
    pub subsections: Vec<ImportedSubsection>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportedSubsection {
    /// `{section_id}-{number}` or `{section_id}-{slug of the title}`.
    pub id: String,
    pub number: Option<u32>,
    pub title: String,
    /// The heading's line (1-based).
    pub line: usize,
    pub blocks: Vec<ImportedBlock>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportedBlock {
    Paragraph(String),
    List {
        lead: Option<String>,
        ordered: bool,
        items: Vec<String>,
    },
    Contacts(Vec<ImportedContact>),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportedContact {
    pub kind: ContactKind,
    /// What the contact is for (`ДЕЛОВОДСТВО`); `None` when the text only said `тел.`/`Fax`/`e-mail`.
    pub label: Option<String>,
    /// As shown to people: `0777 80 381`, `www.radomir.bg`, the e-mail address.
    pub display: String,
    /// Machine form: `+35977780381`, `https://www.radomir.bg`, the e-mail address.
    pub value: String,
    /// The line it was found on (1-based).
    pub line: usize,
}

/// Why a text could not be imported. Every variant names a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but whitespace (always line 1).
    Empty { line: usize },
    /// The bytes are not UTF-8; the line holds the first bad byte.
    InvalidUtf8 { line: usize },
    /// A NUL character: a binary file, not text.
    Binary { line: usize },
    /// HTML/XML markup (`<html>`, `<div class=…>`, `</p>`, `<!DOCTYPE …>`).
    Markup { line: usize },
    /// No section heading at all; the line is the first line with content.
    NoSections { line: usize },
    /// Long prose before the first section heading that is neither title, letterhead nor
    /// approval block. Dropping it silently could lose charter text, so the importer refuses;
    /// a `drop_lines` hint (or fixing the heading) resolves it.
    ProseBeforeFirstSection { line: usize },
    /// A role hint names a section id the document does not have. The hints apply to the
    /// whole document, so the line is 1.
    UnknownHintSection { id: String, line: usize },
}

impl ImportError {
    /// A stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty { .. } => "empty",
            ImportError::InvalidUtf8 { .. } => "invalid_utf8",
            ImportError::Binary { .. } => "binary",
            ImportError::Markup { .. } => "markup",
            ImportError::NoSections { .. } => "no_sections",
            ImportError::ProseBeforeFirstSection { .. } => "prose_before_first_section",
            ImportError::UnknownHintSection { .. } => "unknown_hint_section",
        }
    }

    /// The 1-based line the error is about.
    pub fn line(&self) -> usize {
        match self {
            ImportError::Empty { line }
            | ImportError::InvalidUtf8 { line }
            | ImportError::Binary { line }
            | ImportError::Markup { line }
            | ImportError::NoSections { line }
            | ImportError::ProseBeforeFirstSection { line }
            | ImportError::UnknownHintSection { line, .. } => *line,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty { line } => write!(f, "line {line}: the document is empty"),
            ImportError::InvalidUtf8 { line } => {
                write!(f, "line {line}: the text is not valid UTF-8")
            }
            ImportError::Binary { line } => write!(
                f,
                "line {line}: the text contains a NUL character; it looks like a binary file"
            ),
            ImportError::Markup { line } => write!(
                f,
                "line {line}: the text contains HTML/XML markup; import the plain text instead"
            ),
            ImportError::NoSections { line } => write!(
                f,
                "line {line}: no section heading found (expected headings numbered with Roman \
                 numerals such as `I. ОБЩИ ПОЛОЖЕНИЯ`, or headings in capitals)"
            ),
            ImportError::ProseBeforeFirstSection { line } => write!(
                f,
                "line {line}: prose before the first section heading; add a `drop_lines` hint \
                 for it or give it a heading"
            ),
            ImportError::UnknownHintSection { id, line } => write!(
                f,
                "line {line}: the hints name section `{id}`, which the document does not have"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportedCharter {
    /// Translation keys, so English translations written beside the charter can be matched by
    /// stable id: section title `{section.id}.title`, subsection title `{sub.id}.title`, blocks
    /// `{owner_id}.b{n}` (paragraph), `{owner_id}.b{n}.lead`, `{owner_id}.b{n}.i{k}` (list
    /// items), `{owner_id}.b{n}.c{k}` (contact label) where owner_id is the section or
    /// subsection id and n, k are 0-based. Returns (key, Bulgarian text) in document order.
    pub fn texts(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for section in &self.sections {
            out.push((format!("{}.title", section.id), section.title.clone()));
            push_block_texts(&mut out, &section.id, &section.blocks);
            for sub in &section.subsections {
                out.push((format!("{}.title", sub.id), sub.title.clone()));
                push_block_texts(&mut out, &sub.id, &sub.blocks);
            }
        }
        out
    }
}

fn push_block_texts(out: &mut Vec<(String, String)>, owner: &str, blocks: &[ImportedBlock]) {
    for (n, block) in blocks.iter().enumerate() {
        match block {
            ImportedBlock::Paragraph(text) => out.push((format!("{owner}.b{n}"), text.clone())),
            ImportedBlock::List { lead, items, .. } => {
                if let Some(lead) = lead {
                    out.push((format!("{owner}.b{n}.lead"), lead.clone()));
                }
                for (k, item) in items.iter().enumerate() {
                    out.push((format!("{owner}.b{n}.i{k}"), item.clone()));
                }
            }
            ImportedBlock::Contacts(contacts) => {
                for (k, contact) in contacts.iter().enumerate() {
                    if let Some(label) = &contact.label {
                        out.push((format!("{owner}.b{n}.c{k}"), label.clone()));
                    }
                }
            }
        }
    }
}

/// Imports a charter from bytes: a UTF-8 BOM is skipped; invalid UTF-8 is an error naming the
/// line of the first bad byte.
pub fn parse_charter_bytes(bytes: &[u8], hints: &Hints) -> Result<ImportedCharter, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_charter(text, hints),
        Err(err) => {
            let good = bytes.get(..err.valid_up_to()).unwrap_or_default();
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
            Err(ImportError::InvalidUtf8 { line })
        }
    }
}

/// Imports a charter from its plain text.
pub fn parse_charter(text: &str, hints: &Hints) -> Result<ImportedCharter, ImportError> {
    let mut lines = read_lines(text)?;
    apply_cut_hints(&mut lines, &hints.cut_from);
    cut_web_trailer(&mut lines);
    apply_drop_hints(&mut lines, &hints.drop_lines);

    let first_content = match lines.iter().find(|l| !l.text.is_empty()) {
        Some(l) => l.no,
        None => return Err(ImportError::Empty { line: 1 }),
    };
    if let Some(l) = lines.iter().find(|l| has_markup(&l.text)) {
        return Err(ImportError::Markup { line: l.no });
    }

    let mut headings = find_numbered_headings(&lines);
    if headings.is_empty() {
        headings = find_caps_headings(&lines);
        if headings.len() < 2 {
            return Err(ImportError::NoSections {
                line: first_content,
            });
        }
    }

    let (title, letterhead) = read_preamble(&lines[..headings[0].idx])?;

    let mut ids = IdSet::default();
    let mut sections = Vec::with_capacity(headings.len());
    for (h, heading) in headings.iter().enumerate() {
        let end = headings.get(h + 1).map_or(lines.len(), |next| next.idx);
        let body = lines.get(heading.idx + 1..end).unwrap_or_default();
        sections.push(build_section(
            heading,
            &lines[heading.idx],
            body,
            hints,
            &mut ids,
        ));
    }
    apply_role_hints(&mut sections, hints)?;

    Ok(ImportedCharter {
        title,
        letterhead,
        sections,
    })
}

// ---------------------------------------------------------------------------------------------
// Lines, cuts and refusals
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Line {
    /// 1-based line number in the original text.
    no: usize,
    /// Whitespace-normalised text; empty for a blank line.
    text: String,
}

fn read_lines(text: &str) -> Result<Vec<Line>, ImportError> {
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
fn normalise(s: &str) -> String {
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

fn apply_cut_hints(lines: &mut Vec<Line>, cuts: &[String]) {
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

fn apply_drop_hints(lines: &mut [Line], drops: &[String]) {
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
fn is_web_chrome(s: &str) -> bool {
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
fn cut_web_trailer(lines: &mut Vec<Line>) {
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
fn strip_glued_tail(text: &mut String) {
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
fn has_markup(s: &str) -> bool {
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

// ---------------------------------------------------------------------------------------------
// Section headings
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Heading {
    /// Index into the line vector.
    idx: usize,
    numeral: Option<String>,
    title: String,
}

/// Roman-numbered headings that count up from `I` one by one.
fn find_numbered_headings(lines: &[Line]) -> Vec<Heading> {
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
fn roman_heading(text: &str) -> Option<(String, u32, String)> {
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
fn roman_value(numeral: &str) -> Option<u32> {
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

fn to_roman(mut n: u32) -> String {
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
fn is_caps_heading(text: &str) -> bool {
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
fn find_caps_headings(lines: &[Line]) -> Vec<Heading> {
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

fn caps_heading(idx: usize, text: &str) -> Heading {
    Heading {
        idx,
        numeral: None,
        title: text.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Preamble: title, letterhead, approval block
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Pre {
    Title(String),
    TitleMore(String),
    Letterhead,
    Approval,
    Short,
    Prose,
}

#[derive(Debug, Default)]
struct PreState {
    title_seen: bool,
    in_title: bool,
    approval: Approval,
}

/// Tracks approval and signature blocks: `УТВЪРДИЛ:`, `СЪГЛАСУВАЛ`, `КМЕТ:`, `СЕКРЕТАР:`,
/// `КМЕТ НА ОБЩИНА …`, `Дата:29.01.2015 г.` open a window of three lines in which names in
/// capitals (`НИКОЛАЙ ГРОЗЕВ`) are dropped too; `/МИЛЕН ДИМИТРОВ/` and `Н. Грозев` are names
/// anywhere.
#[derive(Debug, Default)]
struct Approval {
    window: u8,
}

impl Approval {
    /// Whether the (non-blank) line belongs to an approval block.
    fn step(&mut self, text: &str) -> bool {
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

fn is_approval_keyword(text: &str) -> bool {
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
fn is_slashed_name(text: &str) -> bool {
    text.len() > 2
        && text.starts_with('/')
        && text.ends_with('/')
        && word_count(text) <= 4
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// `Н. Грозев`, `В. Грѣнова`, `Н.Грозев`.
fn is_initials_name(text: &str) -> bool {
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
fn is_caps_name(text: &str) -> bool {
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
fn is_letterhead(text: &str) -> bool {
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
fn is_letter_spaced(text: &str) -> bool {
    let tokens: Vec<&str> = text.split(' ').collect();
    let singles = tokens
        .iter()
        .filter(|t| t.chars().count() == 1 && t.chars().all(char::is_alphabetic))
        .count();
    singles >= 4 && singles * 2 >= tokens.len()
}

/// `Х А Р Т А НА К Л И Е Н Т А` → `ХАРТА НА КЛИЕНТА`.
fn unspace(text: &str) -> String {
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
fn is_title_continuation(text: &str) -> bool {
    const JOINERS: &[&str] = &[
        "НА", "ЗА", "В", "ВЪВ", "И", "КЪМ", "ОТ", "С", "СЪС", "ПО", "ПРИ",
    ];
    let first = text.split(' ').next().unwrap_or_default();
    word_count(text) <= 12
        && !text.ends_with(['.', ';', ':', ','])
        && (JOINERS.contains(&first.to_uppercase().as_str())
            || first.starts_with(char::is_lowercase))
}

fn classify_preamble(text: &str, st: &mut PreState) -> Pre {
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
fn read_preamble(lines: &[Line]) -> Result<(Option<String>, Vec<ImportedContact>), ImportError> {
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

// ---------------------------------------------------------------------------------------------
// Section bodies
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Entry {
    /// `• text`, `· text`, `- text`
    Bullet(String),
    /// `3. text` / `3) text`
    Num(u32, String),
    Contact(Vec<ImportedContact>),
    Plain(String),
}

#[derive(Debug, Clone)]
struct Ent {
    line: usize,
    kind: Entry,
}

#[derive(Default)]
struct IdSet {
    used: HashSet<String>,
}

impl IdSet {
    /// The id itself, or with `-2`, `-3`, … when it is taken.
    fn unique(&mut self, base: String) -> String {
        let mut candidate = base.clone();
        let mut n = 2;
        while self.used.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

fn build_section(
    heading: &Heading,
    heading_line: &Line,
    body: &[Line],
    hints: &Hints,
    ids: &mut IdSet,
) -> ImportedSection {
    let id = ids.unique(match &heading.numeral {
        Some(numeral) => numeral.to_lowercase(),
        None => non_empty_slug(&heading.title, "section"),
    });
    let entries = join_continuations(classify_body(body));
    let (own, subs) = split_subsections(entries, hints);
    let blocks = build_blocks(&own);
    let subsections: Vec<ImportedSubsection> = subs
        .into_iter()
        .map(|sub| ImportedSubsection {
            id: ids.unique(match sub.number {
                Some(n) => format!("{id}-{n}"),
                None => format!("{id}-{}", non_empty_slug(&sub.title, "sub")),
            }),
            number: sub.number,
            title: sub.title,
            line: sub.line,
            blocks: build_blocks(&sub.entries),
        })
        .collect();
    let role = guess_role(&heading.title, &blocks, &subsections);
    ImportedSection {
        id,
        numeral: heading.numeral.clone(),
        title: heading.title.clone(),
        role,
        line: heading_line.no,
        blocks,
        subsections,
    }
}

/// Turns body lines into entries; blank lines, lines without a letter or digit (`-`, `•`,
/// `______` separators) and approval/signature lines are dropped.
fn classify_body(body: &[Line]) -> Vec<Ent> {
    let mut approval = Approval::default();
    let mut out = Vec::new();
    for line in body
        .iter()
        .filter(|l| l.text.chars().any(char::is_alphanumeric))
    {
        let text = line.text.as_str();
        if approval.step(text) {
            continue;
        }
        let kind = if let Some(item) = strip_bullet(text) {
            if item.is_empty() {
                continue;
            }
            Entry::Bullet(item.to_string())
        } else if let Some((n, item)) = numbered(text) {
            Entry::Num(n, item.to_string())
        } else if let Some(contacts) = contact_line(text, line.no) {
            Entry::Contact(contacts)
        } else {
            Entry::Plain(text.to_string())
        };
        out.push(Ent {
            line: line.no,
            kind,
        });
    }
    out
}

/// `• x`, `· x`, `▪ x`, `- x`, `– x`, `* x` (but not `**emphasis**`) → `x`.
fn strip_bullet(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    let rest = &text[first.len_utf8()..];
    match first {
        '•' | '·' | '●' | '▪' | '■' | '◦' | '○' | '‣' | '∙' | '►' | '➢' | '➤' | '✓' | '✔' | '→' => {
            Some(rest.trim_start())
        }
        '-' | '–' | '—' | '*' => rest.strip_prefix(' ').map(str::trim_start),
        _ => None,
    }
}

/// `2. Информация за клиента:` → (2, `Информация за клиента:`); also `2) …`.
fn numbered(text: &str) -> Option<(u32, &str)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let n: u32 = text[..digits].parse().ok()?;
    let rest = text[digits..]
        .strip_prefix(['.', ')'])?
        .strip_prefix(' ')?
        .trim_start();
    (n > 0 && !rest.is_empty()).then_some((n, rest))
}

/// Joins a sentence that was split over lines (or by a blank line): an unmarked line starting
/// in lower case continues the paragraph or item before it when that one ends without terminal
/// punctuation (`.`, `!`, `?`, `;`, `:`, `…`).
fn join_continuations(entries: Vec<Ent>) -> Vec<Ent> {
    let mut out: Vec<Ent> = Vec::with_capacity(entries.len());
    for ent in entries {
        if let Entry::Plain(text) = &ent.kind {
            if starts_lowercase(text) {
                if let Some(Entry::Plain(prev) | Entry::Bullet(prev) | Entry::Num(_, prev)) =
                    out.last_mut().map(|e| &mut e.kind)
                {
                    if !ends_terminal(prev) {
                        prev.push(' ');
                        prev.push_str(text);
                        continue;
                    }
                }
            }
        }
        out.push(ent);
    }
    out
}

struct SubDraft {
    number: Option<u32>,
    title: String,
    line: usize,
    entries: Vec<Ent>,
}

/// Splits a section's entries into its own (before the first subsection) and subsections.
///
/// A **numbered** line `N. Title` opens subsection N when N is the next expected number (1, 2,
/// …), the title has at most 12 words and does not end in `;`, `,` or `.` (those are list
/// items, as in `1. Равен достъп …;`), and neither the line before nor the line after is
/// another numbered line (a run of numbered lines is an ordered list).
///
/// A **colon line** opens a named subsection (`Отношение към Вас, клиенти:`) when it has at
/// most 6 words, is one phrase (no sentence punctuation inside), is not listed in
/// `Hints::lead_ins`, and is directly followed by list items. Longer colon lines read like a
/// lead-in sentence (`За достигане на добро ниво …, общинската администрация се основава на
/// принципите:`) and become the lead of the list that follows.
fn split_subsections(entries: Vec<Ent>, hints: &Hints) -> (Vec<Ent>, Vec<SubDraft>) {
    let mut own = Vec::new();
    let mut subs: Vec<SubDraft> = Vec::new();
    let mut expected = 1;
    for k in 0..entries.len() {
        let prev = k
            .checked_sub(1)
            .and_then(|p| entries.get(p))
            .map(|e| &e.kind);
        let next = entries.get(k + 1).map(|e| &e.kind);
        let ent = &entries[k];
        let heading = match &ent.kind {
            Entry::Num(n, text)
                if *n == expected
                    && is_numbered_sub_title(text)
                    && !matches!(prev, Some(Entry::Num(..)))
                    && !matches!(next, Some(Entry::Num(..)) | None) =>
            {
                expected += 1;
                Some((Some(*n), text))
            }
            Entry::Plain(text)
                if is_group_heading(text, hints)
                    && matches!(next, Some(Entry::Bullet(_) | Entry::Num(..))) =>
            {
                Some((None, text))
            }
            _ => None,
        };
        match heading {
            Some((number, text)) => subs.push(SubDraft {
                number,
                title: text.trim_end_matches(':').trim_end().to_string(),
                line: ent.line,
                entries: Vec::new(),
            }),
            None => match subs.last_mut() {
                Some(sub) => sub.entries.push(ent.clone()),
                None => own.push(ent.clone()),
            },
        }
    }
    (own, subs)
}

fn is_numbered_sub_title(text: &str) -> bool {
    word_count(text) <= 12
        && text.chars().count() <= 120
        && !text.ends_with([';', ',', '.'])
        && sentence_breaks(text).is_empty()
}

fn is_group_heading(text: &str, hints: &Hints) -> bool {
    let body = text.trim_end_matches(':');
    text.ends_with(':')
        && word_count(body) <= 6
        && body.starts_with(char::is_uppercase)
        && !body.contains(['.', ';', '!', '?'])
        && !hints
            .lead_ins
            .iter()
            .map(|l| normalise(l))
            .any(|l| !l.is_empty() && text.starts_with(l.as_str()))
}

/// Groups entries into blocks:
/// - consecutive bullet items form a list; consecutive numbered items form an ordered list;
/// - an unmarked line ending in `:` directly before such a list is its lead;
/// - an unmarked line ending in `:` followed by at least two short unmarked lines (≤ 20 words,
///   ≤ 160 characters, one sentence, not ending in `:`) makes an unmarked list of them, as
///   after `Хартата на клиента определя:`; the run stops at the first longer line;
/// - a bullet item that ends with a further sentence ending in `:` and is followed by more
///   items is split: the sentence becomes the lead of a new list (`… от дейността. За тази цел
///   общинската администрация се ангажира да извърши следното:`);
/// - consecutive contact lines form one contacts block (a colon line before them, such as `…
///   на телефони:`, stays a paragraph);
/// - everything else is a paragraph, one per line.
fn build_blocks(entries: &[Ent]) -> Vec<ImportedBlock> {
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        match &entries[i].kind {
            Entry::Plain(text) => {
                if text.ends_with(':') {
                    let run = entries[i + 1..]
                        .iter()
                        .take_while(|e| matches!(&e.kind, Entry::Plain(t) if is_unmarked_item(t)))
                        .count();
                    if run >= 2 {
                        let items = entries[i + 1..=i + run]
                            .iter()
                            .filter_map(|e| match &e.kind {
                                Entry::Plain(t) => Some(t.clone()),
                                _ => None,
                            })
                            .collect();
                        blocks.push(ImportedBlock::List {
                            lead: Some(text.clone()),
                            ordered: false,
                            items,
                        });
                        i += 1 + run;
                        continue;
                    }
                    match entries.get(i + 1).map(|e| &e.kind) {
                        Some(Entry::Bullet(_)) => {
                            i = collect_bullets(entries, i + 1, Some(text.clone()), &mut blocks);
                            continue;
                        }
                        Some(Entry::Num(..)) => {
                            i = collect_numbered(entries, i + 1, Some(text.clone()), &mut blocks);
                            continue;
                        }
                        _ => {}
                    }
                }
                blocks.push(ImportedBlock::Paragraph(text.clone()));
                i += 1;
            }
            Entry::Bullet(_) => i = collect_bullets(entries, i, None, &mut blocks),
            Entry::Num(..) => i = collect_numbered(entries, i, None, &mut blocks),
            Entry::Contact(_) => {
                let mut contacts = Vec::new();
                while let Some(Entry::Contact(found)) = entries.get(i).map(|e| &e.kind) {
                    contacts.extend(found.iter().cloned());
                    i += 1;
                }
                blocks.push(ImportedBlock::Contacts(contacts));
            }
        }
    }
    blocks
}

fn is_unmarked_item(text: &str) -> bool {
    word_count(text) <= 20
        && text.chars().count() <= 160
        && !text.ends_with(':')
        && sentence_breaks(text).is_empty()
}

fn collect_bullets(
    entries: &[Ent],
    mut i: usize,
    mut lead: Option<String>,
    blocks: &mut Vec<ImportedBlock>,
) -> usize {
    let mut items = Vec::new();
    while let Some(Entry::Bullet(text)) = entries.get(i).map(|e| &e.kind) {
        let more = matches!(entries.get(i + 1).map(|e| &e.kind), Some(Entry::Bullet(_)));
        if more {
            if let Some((head, tail)) = split_trailing_lead(text) {
                items.push(head);
                blocks.push(ImportedBlock::List {
                    lead: lead.take(),
                    ordered: false,
                    items: std::mem::take(&mut items),
                });
                lead = Some(tail);
                i += 1;
                continue;
            }
        }
        items.push(text.clone());
        i += 1;
    }
    blocks.push(ImportedBlock::List {
        lead,
        ordered: false,
        items,
    });
    i
}

fn collect_numbered(
    entries: &[Ent],
    mut i: usize,
    lead: Option<String>,
    blocks: &mut Vec<ImportedBlock>,
) -> usize {
    let mut items = Vec::new();
    while let Some(Entry::Num(_, text)) = entries.get(i).map(|e| &e.kind) {
        items.push(text.clone());
        i += 1;
    }
    blocks.push(ImportedBlock::List {
        lead,
        ordered: true,
        items,
    });
    i
}

/// `A. B:` → (`A.`, `B:`) when the item's last sentence ends in a colon and has ≥ 3 words.
fn split_trailing_lead(text: &str) -> Option<(String, String)> {
    if !text.ends_with(':') {
        return None;
    }
    let &cut = sentence_breaks(text).last()?;
    let head = text[..cut].trim();
    let tail = text[cut..].trim();
    (!head.is_empty() && word_count(tail) >= 3).then(|| (head.to_string(), tail.to_string()))
}

/// Byte offsets just after a sentence end inside the text: `.`, `!` or `?` after a word of at
/// least four letters (so `гр. София`, `т.е. Вие` are no breaks), then a space and a capital.
fn sentence_breaks(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for w in 0..chars.len() {
        let (pos, c) = chars[w];
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let space = chars.get(w + 1).is_some_and(|&(_, c)| c == ' ');
        let capital = chars.get(w + 2).is_some_and(|&(_, c)| c.is_uppercase());
        let word_len = chars[..w]
            .iter()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .count();
        if space && capital && word_len >= 4 {
            out.push(pos + c.len_utf8());
        }
    }
    out
}

/// Roles by rule: a heading with `СТАНДАРТ` → Standards; with `ПАРТНЬОРСК`, or a first block
/// that says `очакваме от гражданите` / `очакваме от Вас` → Duties; with `АДМИНИСТРАТИВНО
/// ОБСЛУЖВАНЕ` or `КОНТАКТ` and a contacts block → Contacts. Hints override.
fn guess_role(
    title: &str,
    blocks: &[ImportedBlock],
    subsections: &[ImportedSubsection],
) -> SectionRole {
    let upper = title.to_uppercase();
    let first_text = match blocks.first() {
        Some(ImportedBlock::Paragraph(t)) => t.to_lowercase(),
        Some(ImportedBlock::List { lead: Some(t), .. }) => t.to_lowercase(),
        _ => String::new(),
    };
    let has_contacts = blocks
        .iter()
        .chain(subsections.iter().flat_map(|s| s.blocks.iter()))
        .any(|b| matches!(b, ImportedBlock::Contacts(_)));
    if upper.contains("СТАНДАРТ") {
        SectionRole::Standards
    } else if upper.contains("ПАРТНЬОРСК")
        || first_text.contains("очакваме от гражданите")
        || first_text.contains("очакваме от вас")
    {
        SectionRole::Duties
    } else if (upper.contains("АДМИНИСТРАТИВНО ОБСЛУЖВАНЕ") || upper.contains("КОНТАКТ"))
        && has_contacts
    {
        SectionRole::Contacts
    } else {
        SectionRole::General
    }
}

fn apply_role_hints(sections: &mut [ImportedSection], hints: &Hints) -> Result<(), ImportError> {
    let lists = [
        (&hints.standards, SectionRole::Standards),
        (&hints.duties, SectionRole::Duties),
        (&hints.contacts, SectionRole::Contacts),
    ];
    for (ids, role) in lists {
        for id in ids {
            match sections.iter_mut().find(|s| &s.id == id) {
                Some(section) => section.role = role,
                None => {
                    return Err(ImportError::UnknownHintSection {
                        id: id.clone(),
                        line: 1,
                    })
                }
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    kind: ContactKind,
    display: String,
    value: String,
}

/// Finds e-mail addresses, web addresses (`http(s)://…`, `www.…`) and Bulgarian phone numbers
/// (`0777 / 80 381`, `0721 68701`, `+359 2 123 4567`) in a line, in text order.
fn find_contact_tokens(s: &str) -> Vec<Token> {
    let b = s.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let overlaps =
        |tokens: &[Token], a: usize, z: usize| tokens.iter().any(|t| a < t.end && t.start < z);

    for (at, _) in s.match_indices('@') {
        let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
        let domain = |c: u8| c.is_ascii_alphanumeric() || b".-".contains(&c);
        let mut a = at;
        while a > 0 && local(b[a - 1]) {
            a -= 1;
        }
        let mut z = at + 1;
        while z < b.len() && domain(b[z]) {
            z += 1;
        }
        while z > at + 1 && matches!(b[z - 1], b'.' | b'-') {
            z -= 1;
        }
        let host = &s[at + 1..z];
        if a == at || !host.contains('.') || host.starts_with('.') {
            continue;
        }
        let address = s[a..z].to_string();
        tokens.push(Token {
            start: a,
            end: z,
            kind: ContactKind::Email,
            display: address.clone(),
            value: address,
        });
    }

    let lower = s.to_ascii_lowercase();
    for pattern in ["https://", "http://", "www."] {
        for (a, _) in lower.match_indices(pattern) {
            if a > 0 && (b[a - 1].is_ascii_alphanumeric() || matches!(b[a - 1], b'.' | b'/' | b'@'))
            {
                continue;
            }
            let mut z = a;
            while z < b.len()
                && b[z].is_ascii()
                && !b[z].is_ascii_whitespace()
                && !b"<>\"'".contains(&b[z])
            {
                z += 1;
            }
            while z > a && b".,;:!?)".contains(&b[z - 1]) {
                z -= 1;
            }
            if overlaps(&tokens, a, z) {
                continue;
            }
            let raw = &s[a..z];
            let bare = raw
                .strip_prefix("https://")
                .or_else(|| raw.strip_prefix("http://"))
                .unwrap_or(raw);
            let host = bare.split('/').next().unwrap_or_default();
            let valid_host = host.contains('.')
                && !host.ends_with('.')
                && host
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b".-".contains(&c));
            if !valid_host {
                continue;
            }
            let value = if bare.len() == raw.len() {
                format!("https://{raw}")
            } else {
                raw.to_string()
            };
            tokens.push(Token {
                start: a,
                end: z,
                kind: ContactKind::Web,
                display: bare.trim_end_matches('/').to_string(),
                value,
            });
        }
    }

    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
        let starts = c.is_ascii_digit() || (matches!(c, b'+' | b'(') && next_digit);
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80);
        if !starts || !boundary || overlaps(&tokens, i, i + 1) {
            i += 1;
            continue;
        }
        let mut z = i + 1;
        while z < b.len() {
            match b[z] {
                b'0'..=b'9' | b'/' | b'-' | b'(' | b')' => z += 1,
                b' ' if b
                    .get(z + 1)
                    .is_some_and(|n| n.is_ascii_digit() || b"/-(".contains(n)) =>
                {
                    z += 1
                }
                _ => break,
            }
        }
        while z > i && matches!(b[z - 1], b' ' | b'/' | b'-' | b'(') {
            z -= 1;
        }
        let raw = &s[i..z];
        if let Some(value) = e164(raw) {
            let display = raw
                .replace(['(', ')'], "")
                .replace(['/', '-'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            tokens.push(Token {
                start: i,
                end: z,
                kind: ContactKind::Phone,
                display,
                value,
            });
        }
        i = z.max(i + 1);
    }

    tokens.sort_by_key(|t| t.start);
    tokens
}

/// A Bulgarian number in E.164: `0777 / 80 381` → `+35977780381` (the trunk 0 dropped), also
/// `+359 …` and `00359 …`; 8 or 9 digits after the country code.
fn e164(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = digits.strip_prefix("00359") {
        rest
    } else if raw.starts_with('+') {
        digits.strip_prefix("359")?
    } else {
        digits.strip_prefix('0')?
    };
    let ok = (8..=9).contains(&national.len()) && !national.starts_with('0');
    ok.then(|| format!("+359{national}"))
}

/// The words that only say what kind a contact is; a label of only these is no label.
fn is_marker_label(label: &str) -> bool {
    const MARKERS: &[&str] = &[
        "тел",
        "телефон",
        "телефони",
        "tel",
        "phone",
        "gsm",
        "моб",
        "мобилен",
        "факс",
        "fax",
        "e",
        "е",
        "mail",
        "email",
        "имейл",
        "ел",
        "поща",
        "електронна",
        "web",
        "уеб",
        "сайт",
        "уебсайт",
        "website",
        "url",
        "адрес",
    ];
    let lower = label.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| MARKERS.contains(&w))
}

/// The label from the text before a contact: after the last `,`/`;`, without dot leaders,
/// colons and dashes, without a final copula (`… Радомир е:`); `None` for bare markers such as
/// `тел.:` or `e-mail:`.
fn label_from(segment: &str) -> Option<String> {
    let part = segment.rsplit([',', ';']).next().unwrap_or_default();
    let trim = |c: char| {
        c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–' | '—' | '…' | '<' | '>' | '|')
    };
    let mut label = part.trim_matches(trim).to_string();
    for copula in [" е", " са"] {
        if let Some(stripped) = label.strip_suffix(copula) {
            label = stripped.trim_matches(trim).to_string();
        }
    }
    (!label.is_empty() && !is_marker_label(&label)).then_some(label)
}

fn contact_from(token: &Token, segment: &str, line: usize) -> ImportedContact {
    let lower = segment.to_lowercase();
    let kind = if token.kind == ContactKind::Phone
        && (lower.contains("факс") || lower.contains("fax"))
    {
        ContactKind::Fax
    } else {
        token.kind
    };
    ImportedContact {
        kind,
        label: label_from(segment),
        display: token.display.clone(),
        value: token.value.clone(),
        line,
    }
}

/// All contacts in a (letterhead) line, whatever else the line says.
fn contacts_in(text: &str, line: usize) -> Vec<ImportedContact> {
    let mut prev = 0;
    find_contact_tokens(text)
        .iter()
        .map(|t| {
            let contact = contact_from(t, &text[prev..t.start], line);
            prev = t.end;
            contact
        })
        .collect()
}

/// A body line that is only contacts: `ДЕЛОВОДСТВО: ......0777 / 80 381`, `тел.: 0721 68701,
/// Fax: 0721 68777`, `Интернет страницата на община Радомир е: www.radomir.bg`. The text before
/// the first contact has at most 8 words, between contacts at most 4, and nothing but
/// punctuation follows the last one; otherwise the line is prose that mentions a contact.
fn contact_line(text: &str, line: usize) -> Option<Vec<ImportedContact>> {
    let tokens = find_contact_tokens(text);
    if tokens.is_empty() {
        return None;
    }
    let mut prev = 0;
    let mut out = Vec::with_capacity(tokens.len());
    for (k, token) in tokens.iter().enumerate() {
        let segment = &text[prev..token.start];
        if word_count(segment) > if k == 0 { 8 } else { 4 } {
            return None;
        }
        out.push(contact_from(token, segment, line));
        prev = token.end;
    }
    let tail = text[prev..].trim_matches(|c: char| c.is_whitespace() || ".,;:>".contains(c));
    tail.is_empty().then_some(out)
}

// ---------------------------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------------------------

/// Words that hold a letter or digit (dot leaders and dashes are no words).
fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Ends in `.`, `!`, `?`, `;`, `:` or `…`, possibly followed by closing quotes, brackets or
/// emphasis markers.
fn ends_terminal(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '“', '»', '\'', '’', ')', '*'])
        .ends_with(['.', '!', '?', ';', ':', '…'])
}

fn starts_lowercase(s: &str) -> bool {
    s.trim_start_matches(['"', '„', '“', '«', '(', '*'])
        .starts_with(char::is_lowercase)
}

/// Has a cased letter and no lower-case letter.
fn is_upper_text(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04ff}').contains(&c)
}

/// Bulgarian official streamlined transliteration (the table of the Transliteration Act,
/// without the `-ия` → `-ia` word-end exception), lower case. Also used by catalogue search.
pub fn translit(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'ѝ' | 'і' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "sht",
        'ъ' | 'ѫ' => "a",
        'ь' => "y",
        'ю' => "yu",
        'я' | 'ѣ' => "ya",
        _ => return None,
    })
}

/// A slug of at most six words: transliterated, lower case, hyphen-separated; anything that is
/// not a letter or digit separates words and is dropped.
fn slug(text: &str) -> String {
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

fn non_empty_slug(text: &str, fallback: &str) -> String {
    let s = slug(text);
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    const RADOMIR: &str = include_str!("../data/charters/radomir.txt");
    const RUSE: &str = include_str!("../data/charters/ruse.txt");
    const KOSTINBROD: &str = include_str!("../data/charters/kostinbrod.txt");
    const NOVA_ZAGORA: &str = include_str!("../data/charters/nova-zagora.txt");
    const RUSE_FIXTURE: &str = include_str!("../tests/fixtures/charter-000-ruse-standards.txt");

    fn import(text: &str) -> ImportedCharter {
        parse_charter(text, &Hints::default()).expect("the charter imports")
    }

    fn lists(blocks: &[ImportedBlock]) -> Vec<(Option<&str>, bool, &[String])> {
        blocks
            .iter()
            .filter_map(|b| match b {
                ImportedBlock::List {
                    lead,
                    ordered,
                    items,
                } => Some((lead.as_deref(), *ordered, items.as_slice())),
                _ => None,
            })
            .collect()
    }

    fn paragraphs(blocks: &[ImportedBlock]) -> Vec<&str> {
        blocks
            .iter()
            .filter_map(|b| match b {
                ImportedBlock::Paragraph(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    fn all_blocks(section: &ImportedSection) -> Vec<&ImportedBlock> {
        section
            .blocks
            .iter()
            .chain(section.subsections.iter().flat_map(|s| s.blocks.iter()))
            .collect()
    }

    fn item_count(section: &ImportedSection) -> usize {
        all_blocks(section)
            .iter()
            .map(|b| match b {
                ImportedBlock::List { items, .. } => items.len(),
                _ => 0,
            })
            .sum()
    }

    fn all_items(charter: &ImportedCharter) -> Vec<String> {
        charter
            .sections
            .iter()
            .flat_map(all_blocks)
            .flat_map(|b| match b {
                ImportedBlock::List { items, .. } => items.clone(),
                _ => Vec::new(),
            })
            .collect()
    }

    fn ids(charter: &ImportedCharter) -> Vec<String> {
        charter
            .sections
            .iter()
            .flat_map(|s| {
                std::iter::once(s.id.clone()).chain(s.subsections.iter().map(|x| x.id.clone()))
            })
            .collect()
    }

    fn without_lines(mut sections: Vec<ImportedSection>) -> Vec<ImportedSection> {
        for s in &mut sections {
            s.line = 0;
            for sub in &mut s.subsections {
                sub.line = 0;
            }
        }
        sections
    }

    // ---- radomir (seed 001)

    #[test]
    fn radomir_has_four_numbered_sections_with_latin_numerals_and_roles() {
        let c = import(RADOMIR);
        let got: Vec<(&str, Option<&str>, SectionRole)> = c
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.numeral.as_deref(), s.role))
            .collect();
        assert_eq!(
            got,
            vec![
                ("i", Some("I"), SectionRole::General),
                ("ii", Some("II"), SectionRole::Standards),
                ("iii", Some("III"), SectionRole::Duties),
                ("iv", Some("IV"), SectionRole::Contacts),
            ]
        );
        assert_eq!(c.sections[0].title, "ЦЕЛ, ПРИНЦИПИ, ПРИОРИТЕТИ");
        assert_eq!(c.sections[3].title, "АДМИНИСТРАТИВНО ОБСЛУЖВАНЕ");
        assert_eq!(c.sections[3].line, 85);
    }

    #[test]
    fn radomir_letter_spaced_title_is_the_title_and_not_content() {
        let c = import(RADOMIR);
        assert_eq!(c.title.as_deref(), Some("ХАРТА НА КЛИЕНТА"));
        assert!(c.letterhead.is_empty());
    }

    #[test]
    fn radomir_counts_subsections_and_items() {
        let c = import(RADOMIR);
        let subs: Vec<usize> = c.sections.iter().map(|s| s.subsections.len()).collect();
        assert_eq!(subs, vec![0, 7, 0, 0]);
        let items: Vec<usize> = c.sections.iter().map(item_count).collect();
        assert_eq!(items, vec![22, 24, 7, 0]);
        let per_sub: Vec<usize> = c.sections[1]
            .subsections
            .iter()
            .map(|s| lists(&s.blocks).iter().map(|l| l.2.len()).sum())
            .collect();
        assert_eq!(per_sub, vec![3, 3, 4, 3, 4, 3, 4]);
        let items = all_items(&c);
        assert_eq!(
            items.first().map(String::as_str),
            Some("Насърчаване на планиран целенасочен растеж;")
        );
        assert_eq!(
            items.last().map(String::as_str),
            Some("да уважават институцията, като посещават общината в подходящо облекло.")
        );
    }

    #[test]
    fn radomir_numbered_subsections_get_number_ids_and_clean_titles() {
        let c = import(RADOMIR);
        let subs = &c.sections[1].subsections;
        let got: Vec<(&str, Option<u32>, &str)> = subs
            .iter()
            .map(|s| (s.id.as_str(), s.number, s.title.as_str()))
            .collect();
        assert_eq!(got[0], ("ii-1", Some(1), "Отношение към клиента"));
        assert_eq!(got[1], ("ii-2", Some(2), "Информация за клиента"));
        assert_eq!(got[4], ("ii-5", Some(5), "Изпълнение на сроковете"));
        assert_eq!(got[6], ("ii-7", Some(7), "Отговорност и отчетност"));
    }

    #[test]
    fn radomir_long_colon_lines_are_list_leads_and_an_item_ending_in_a_lead_is_split() {
        let c = import(RADOMIR);
        let l = lists(&c.sections[0].blocks);
        assert_eq!(l.len(), 3);
        assert!(l[0].0.is_some_and(|t| t.ends_with("посредством:")));
        assert_eq!(l[0].2.len(), 8);
        assert_eq!(
            l[1].0,
            Some("За достигане на добро ниво на административното обслужване, общинската администрация се основава на принципите:")
        );
        assert_eq!(l[1].2.len(), 6);
        assert_eq!(
            l[1].2[5],
            "Спазване на стандарти за обслужване и публикуване резултатите от дейността."
        );
        assert_eq!(
            l[2].0,
            Some("За тази цел общинската администрация се ангажира да извърши следното:")
        );
        assert_eq!(l[2].2.len(), 8);
        assert_eq!(paragraphs(&c.sections[0].blocks).len(), 5);
        let duties = lists(&c.sections[2].blocks);
        assert!(duties[0]
            .0
            .is_some_and(|t| t.contains("очакваме от гражданите")));
    }

    #[test]
    fn radomir_contacts_block_has_three_phones_in_e164_and_the_web_address() {
        let c = import(RADOMIR);
        let iv = &c.sections[3];
        assert_eq!(paragraphs(&iv.blocks).len(), 5);
        assert!(
            matches!(&iv.blocks[4], ImportedBlock::Paragraph(t) if t.ends_with("на телефони:"))
        );
        let Some(ImportedBlock::Contacts(contacts)) = iv.blocks.last() else {
            panic!("no contacts block: {:?}", iv.blocks);
        };
        let got: Vec<(ContactKind, Option<&str>, &str, &str, usize)> = contacts
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.label.as_deref(),
                    c.display.as_str(),
                    c.value.as_str(),
                    c.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    ContactKind::Phone,
                    Some("ДЕЛОВОДСТВО"),
                    "0777 80 381",
                    "+35977780381",
                    97
                ),
                (
                    ContactKind::Phone,
                    Some("МЕСТНИ ДАНЪЦИ И ТАКСИ"),
                    "0777 80 147",
                    "+35977780147",
                    98
                ),
                (
                    ContactKind::Phone,
                    Some("ТСУ"),
                    "0777 80 512",
                    "+35977780512",
                    99
                ),
                (
                    ContactKind::Web,
                    Some("Интернет страницата на община Радомир"),
                    "www.radomir.bg",
                    "https://www.radomir.bg",
                    100
                ),
            ]
        );
    }

    // ---- ruse (seed 002) and the fixture (seed 000)

    #[test]
    fn ruse_fixture_has_six_sections_and_twenty_one_items() {
        let c = import(RUSE_FIXTURE);
        assert_eq!(c.title, None);
        let got: Vec<(&str, &str)> = c
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("i", "ОТНОШЕНИЕ КЪМ КЛИЕНТИТЕ"),
                ("ii", "ИНФОРМАЦИЯ ЗА КЛИЕНТИТЕ"),
                ("iii", "КОМУНИКАЦИЯ С КЛИЕНТИТЕ"),
                ("iv", "СПАЗВАНЕ НА СРОКОВЕ"),
                ("v", "МЕХАНИЗМИ ЗА ОБРАТНА ВРЪЗКА"),
                ("vi", "ОТГОВОРНОСТ И ОТЧЕТНОСТ"),
            ]
        );
        let items: Vec<usize> = c.sections.iter().map(item_count).collect();
        assert_eq!(items, vec![4, 4, 4, 2, 2, 5]);
        assert!(c.sections.iter().all(|s| s.subsections.is_empty()));
        assert!(c.sections.iter().all(|s| s.role == SectionRole::General));
        let items = all_items(&c);
        assert!(items[0].starts_with("Предоставяне на еднакъв достъп до услугите"));
        assert_eq!(
            items[3],
            "Служителите отговарят на въпроси на гражданите, в рамките на своите правомощия и \
             компетентност и при необходимост ги пренасочват към служители, притежаващи по – \
             висока компетентност."
        );
        assert_eq!(
            items.last().map(String::as_str),
            Some("Регулярно отчитане и запознаване на всички заинтересовани страни за постигнатите резултати, спрямо заложените цели и показатели.")
        );
    }

    #[test]
    fn ruse_with_cut_hint_matches_the_fixture() {
        let hints = Hints {
            cut_from: vec!["Автор Община Русе".into()],
            ..Hints::default()
        };
        let ruse = parse_charter(RUSE, &hints).expect("imports");
        let fixture = import(RUSE_FIXTURE);
        assert_eq!(
            without_lines(ruse.sections),
            without_lines(fixture.sections)
        );
        assert_eq!(ruse.title.as_deref(), Some("Стандарти за обслужване"));
    }

    #[test]
    fn ruse_web_page_leftovers_are_cut_by_rule_without_hints() {
        let ruse = import(RUSE);
        let fixture = import(RUSE_FIXTURE);
        assert_eq!(
            without_lines(ruse.sections.clone()),
            without_lines(fixture.sections)
        );
        assert!(all_items(&ruse)
            .last()
            .is_some_and(|t| t.ends_with("показатели.")));
        let text: String = ruse.texts().into_iter().map(|(_, t)| t).collect();
        for junk in ["Автор", "kbit", "Популярни", "ЕООД", "секунди"] {
            assert!(!text.contains(junk), "{junk} leaked");
        }
    }

    #[test]
    fn role_hints_override_the_guess() {
        let hints = Hints {
            standards: ["i", "ii", "iii", "iv", "v", "vi"]
                .map(String::from)
                .to_vec(),
            ..Hints::default()
        };
        let c = parse_charter(RUSE_FIXTURE, &hints).expect("imports");
        assert!(c.sections.iter().all(|s| s.role == SectionRole::Standards));
        let hints = Hints {
            contacts: vec!["ii".into()],
            duties: vec!["iv".into()],
            ..Hints::default()
        };
        let c = parse_charter(RADOMIR, &hints).expect("imports");
        assert_eq!(c.sections[1].role, SectionRole::Contacts);
        assert_eq!(c.sections[3].role, SectionRole::Duties);
    }

    #[test]
    fn a_role_hint_for_a_missing_section_is_an_error() {
        let hints = Hints {
            duties: vec!["vii".into()],
            ..Hints::default()
        };
        let err = parse_charter(RUSE_FIXTURE, &hints).unwrap_err();
        assert_eq!(err.code(), "unknown_hint_section");
        assert!(err.to_string().contains("`vii`"));
    }

    #[test]
    fn drop_lines_hint_drops_lines_by_prefix() {
        let hints = Hints {
            drop_lines: vec!["· Любезно".into()],
            ..Hints::default()
        };
        let c = parse_charter(RUSE_FIXTURE, &hints).expect("imports");
        assert_eq!(item_count(&c.sections[0]), 3);
    }

    // ---- kostinbrod (seed 003)

    #[test]
    fn kostinbrod_unnumbered_capital_headings_become_sections_with_slug_ids() {
        let c = import(KOSTINBROD);
        let got: Vec<(&str, Option<&str>, &str, SectionRole, usize)> = c
            .sections
            .iter()
            .map(|s| {
                (
                    s.id.as_str(),
                    s.numeral.as_deref(),
                    s.title.as_str(),
                    s.role,
                    s.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "obshti-polozheniya",
                    None,
                    "ОБЩИ ПОЛОЖЕНИЯ",
                    SectionRole::General,
                    29
                ),
                (
                    "osnovni-tseli-na-hartata",
                    None,
                    "ОСНОВНИ ЦЕЛИ НА ХАРТАТА",
                    SectionRole::General,
                    33
                ),
                (
                    "standarti-na-administrativno-obsluzhdane",
                    None,
                    "СТАНДАРТИ НА АДМИНИСТРАТИВНО ОБСЛУЖДАНЕ",
                    SectionRole::Standards,
                    43
                ),
            ]
        );
    }

    #[test]
    fn kostinbrod_title_spans_three_lines_and_the_letterhead_gives_contacts() {
        let c = import(KOSTINBROD);
        assert_eq!(
            c.title.as_deref(),
            Some("ХАРТА НА КЛИЕНТА И СТАНДАРТИ ЗА АДМИНИСТРАТИВНО ОБСЛУЖВАНЕ В ОБЩИНА КОСТИНБРОД")
        );
        let got: Vec<(ContactKind, Option<&str>, &str, &str, usize)> = c
            .letterhead
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.label.as_deref(),
                    c.display.as_str(),
                    c.value.as_str(),
                    c.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (ContactKind::Phone, None, "0721 68701", "+35972168701", 8),
                (ContactKind::Fax, None, "0721 68777", "+35972168777", 8),
                (
                    ContactKind::Web,
                    None,
                    "www.kostinbrod.bg",
                    "http://www.kostinbrod.bg",
                    9
                ),
                (
                    ContactKind::Email,
                    None,
                    "obshtina@kbrod.net",
                    "obshtina@kbrod.net",
                    9
                ),
            ]
        );
        let text: String = c.texts().into_iter().map(|(_, t)| t).collect();
        for junk in [
            "УТВЪРДИЛ",
            "ДИМИТРОВ",
            "Дата",
            "ISO 9001",
            "Certificate",
            "Софийска",
        ] {
            assert!(!text.contains(junk), "{junk} leaked into the sections");
        }
    }

    #[test]
    fn kostinbrod_short_colon_lines_are_subsections_with_slug_ids() {
        let c = import(KOSTINBROD);
        let standards = &c.sections[2];
        assert!(standards.blocks.is_empty());
        let got: Vec<(&str, Option<u32>, &str, usize)> = standards
            .subsections
            .iter()
            .map(|s| {
                (
                    s.id.as_str(),
                    s.number,
                    s.title.as_str(),
                    item_count_blocks(&s.blocks),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "standarti-na-administrativno-obsluzhdane-otnoshenie-kam-vas-klienti",
                    None,
                    "Отношение към Вас, клиенти",
                    9
                ),
                (
                    "standarti-na-administrativno-obsluzhdane-informatsiya-za-vas-klienti",
                    None,
                    "Информация за Вас, клиенти",
                    3
                ),
            ]
        );
        let items: Vec<usize> = c.sections.iter().map(item_count).collect();
        assert_eq!(items, vec![0, 5, 12]);
        let all = all_items(&c);
        assert_eq!(all[0], "Да подобрява достъпа до административни услуги;");
        assert_eq!(
            all.last().map(String::as_str),
            Some("За Вас сме подготвили ясни и лесно разбираеми формуляри и заявления, за да се опрости процеса на обслужване;")
        );
        // A web address inside a list item stays in the item.
        assert!(all.iter().any(|i| i.ends_with("www.kostinbrod.bg;")));
        assert_eq!(
            paragraphs(&c.sections[1].blocks),
            vec!["За осъществяване на тези цели ние имаме нужда от Вашето съдействие и бихме оценили високо всяко изказано от Вас мнение, критика или препоръка."]
        );
    }

    fn item_count_blocks(blocks: &[ImportedBlock]) -> usize {
        lists(blocks).iter().map(|l| l.2.len()).sum()
    }

    // ---- nova-zagora (seed 004)

    #[test]
    fn nova_zagora_drops_approval_block_and_motto_and_keeps_the_title() {
        let c = import(NOVA_ZAGORA);
        assert_eq!(c.title.as_deref(), Some("ХАРТА НА КЛИЕНТА"));
        let got: Vec<(&str, &str, SectionRole)> = c
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str(), s.role))
            .collect();
        assert_eq!(
            got,
            vec![
                ("i", "ОБЩИ ПОЛОЖЕНИЯ", SectionRole::General),
                (
                    "ii",
                    "ОСНОВНИ ПРИНЦИПИ НА АДМИНИСТРАТИВНОТО ОБСЛУЖВАНЕ",
                    SectionRole::General
                ),
            ]
        );
        let text: String = c.texts().into_iter().map(|(_, t)| t).collect();
        for junk in [
            "СЛИЦЕ",
            "Грозев",
            "ГРЪНОВА",
            "Грѣнова",
            "СЕКРЕТАР",
            "УТВЪРДИЛ",
        ] {
            assert!(!text.contains(junk), "{junk} leaked");
        }
    }

    #[test]
    fn nova_zagora_unmarked_short_lines_after_a_lead_form_a_five_item_list() {
        let c = import(NOVA_ZAGORA);
        let l = lists(&c.sections[0].blocks);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].0, Some("Хартата на клиента определя:"));
        assert!(!l[0].1);
        assert_eq!(l[0].2.len(), 5);
        assert_eq!(
            l[0].2[0],
            "Общите и собствените стандарти за качество на административното обслужване."
        );
        assert!(l[0].2[4].starts_with("Възможностите за Вашето активно участие"));
        let p = paragraphs(&c.sections[0].blocks);
        assert_eq!(p.len(), 8);
        assert!(p[4].starts_with("Вашето съдействие"));
    }

    #[test]
    fn nova_zagora_sentence_split_by_a_blank_line_is_joined() {
        let c = import(NOVA_ZAGORA);
        let p = paragraphs(&c.sections[0].blocks);
        let joined = p
            .iter()
            .find(|t| t.starts_with("Тази **Харта**"))
            .expect("the paragraph");
        assert!(joined.contains("поетите към Вас ангажменти, за да бъде"));
        assert!(!p.iter().any(|t| t.starts_with("ангажменти")));
    }

    #[test]
    fn nova_zagora_emphasis_markers_are_kept() {
        let c = import(NOVA_ZAGORA);
        let p = paragraphs(&c.sections[0].blocks);
        assert!(p.iter().any(|t| t.contains("**сертификат по ISO 9001**")));
        let l = lists(&c.sections[1].blocks);
        assert!(l[0]
            .0
            .is_some_and(|t| t.contains("**Общинска администрация Нова Загора се ръководи**")));
        assert!(c.texts().iter().all(|(_, t)| !t.contains('<')));
    }

    #[test]
    fn nova_zagora_numbered_lines_ending_in_semicolons_are_an_ordered_list_not_subsections() {
        let c = import(NOVA_ZAGORA);
        let ii = &c.sections[1];
        assert!(ii.subsections.is_empty());
        let l = lists(&ii.blocks);
        assert_eq!(l.len(), 1);
        assert!(l[0].1, "ordered");
        assert!(l[0].0.is_some_and(|t| t.ends_with("гарантиране на:")));
        assert_eq!(l[0].2.len(), 6);
        assert_eq!(
            l[0].2[0],
            "Равен достъп до административните услуги и до информация за административното обслужване;"
        );
        assert_eq!(
            l[0].2[5],
            "изпълнение на задълженията във връзка с административното обслужване по предварително разработени и обявени правила;"
        );
    }

    // ---- all seeds

    fn seeds() -> Vec<(&'static str, &'static str)> {
        vec![
            ("000", RUSE_FIXTURE),
            ("001", RADOMIR),
            ("002", RUSE),
            ("003", KOSTINBROD),
            ("004", NOVA_ZAGORA),
        ]
    }

    #[test]
    fn each_seed_has_the_expected_section_subsection_and_item_counts_and_edge_items() {
        let expected = [
            (
                "000",
                6,
                0,
                21,
                "Предоставяне на еднакъв достъп",
                "цели и показатели.",
            ),
            (
                "001",
                4,
                7,
                53,
                "Насърчаване на планиран",
                "в подходящо облекло.",
            ),
            (
                "002",
                6,
                0,
                21,
                "Предоставяне на еднакъв достъп",
                "цели и показатели.",
            ),
            (
                "003",
                3,
                2,
                17,
                "Да подобрява достъпа",
                "процеса на обслужване;",
            ),
            (
                "004",
                2,
                0,
                11,
                "Общите и собствените",
                "разработени и обявени правила;",
            ),
        ];
        for ((seed, text), (want_seed, sections, subsections, items, first, last)) in
            seeds().into_iter().zip(expected)
        {
            assert_eq!(seed, want_seed);
            let c = import(text);
            let subs: usize = c.sections.iter().map(|s| s.subsections.len()).sum();
            let all = all_items(&c);
            assert_eq!(
                (c.sections.len(), subs, all.len()),
                (sections, subsections, items),
                "seed {seed}"
            );
            assert!(
                all.first().is_some_and(|i| i.starts_with(first)),
                "seed {seed}"
            );
            assert!(all.last().is_some_and(|i| i.ends_with(last)), "seed {seed}");
        }
    }

    #[test]
    fn lines_without_letters_or_digits_are_dropped_from_bodies() {
        let c = import("I. ОБЩИ\n•\n- \n________\n• едно;\n***\n• две.\n");
        assert_eq!(c.sections[0].blocks.len(), 1);
        assert_eq!(item_count(&c.sections[0]), 2);
    }

    #[test]
    fn reimport_gives_identical_ids_and_structures() {
        for (seed, text) in seeds() {
            let a = import(text);
            let b = import(text);
            assert_eq!(ids(&a), ids(&b), "seed {seed}");
            assert_eq!(a, b, "seed {seed}");
        }
    }

    #[test]
    fn ids_and_translation_keys_are_unique() {
        for (seed, text) in seeds() {
            let c = import(text);
            let ids = ids(&c);
            let unique: HashSet<&String> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "seed {seed}");
            let keys: Vec<String> = c.texts().into_iter().map(|(k, _)| k).collect();
            let unique: HashSet<&String> = keys.iter().collect();
            assert_eq!(unique.len(), keys.len(), "seed {seed}");
        }
    }

    #[test]
    fn no_output_text_has_double_spaces_nbsp_tabs_or_edge_whitespace() {
        for (seed, text) in seeds() {
            let c = import(text);
            let mut all: Vec<String> = c.texts().into_iter().map(|(_, t)| t).collect();
            all.extend(c.title.clone());
            for contact in c.letterhead.iter().chain(c.sections.iter().flat_map(|s| {
                all_blocks(s).into_iter().flat_map(|b| match b {
                    ImportedBlock::Contacts(cs) => cs.iter().collect(),
                    _ => Vec::new(),
                })
            })) {
                all.push(contact.display.clone());
            }
            for t in all {
                assert!(!t.contains("  "), "seed {seed}: double space in {t:?}");
                assert!(!t.contains('\u{a0}'), "seed {seed}: NBSP in {t:?}");
                assert!(!t.contains('\t'), "seed {seed}: tab in {t:?}");
                assert_eq!(t.trim(), t, "seed {seed}");
                assert!(!t.is_empty(), "seed {seed}");
            }
        }
    }

    #[test]
    fn list_items_have_their_markers_stripped() {
        for (seed, text) in seeds() {
            for item in all_items(&import(text)) {
                assert!(
                    !item.starts_with(['•', '·', '-', '–']) && numbered(&item).is_none(),
                    "seed {seed}: {item:?}"
                );
            }
        }
    }

    #[test]
    fn texts_use_the_documented_keys_in_document_order() {
        let c = import(RADOMIR);
        let texts = c.texts();
        assert_eq!(
            texts[0],
            ("i.title".into(), "ЦЕЛ, ПРИНЦИПИ, ПРИОРИТЕТИ".into())
        );
        assert_eq!(texts[1].0, "i.b0");
        let keys: Vec<&str> = texts.iter().map(|(k, _)| k.as_str()).collect();
        assert!(keys.contains(&"i.b2.lead"));
        assert!(keys.contains(&"i.b2.i0"));
        assert!(keys.contains(&"ii-1.title"));
        assert!(keys.contains(&"ii-1.b0.i2"));
        let i = keys
            .iter()
            .position(|k| *k == "iv.b5.c0")
            .expect("contact label key");
        assert_eq!(texts[i].1, "ДЕЛОВОДСТВО");
        assert_eq!(keys.last(), Some(&"iv.b5.c3"));
        let c = import(KOSTINBROD);
        let keys: Vec<String> = c.texts().into_iter().map(|(k, _)| k).collect();
        assert!(keys.contains(
            &"standarti-na-administrativno-obsluzhdane-otnoshenie-kam-vas-klienti.b0.i8"
                .to_string()
        ));
    }

    // ---- refusals

    #[test]
    fn empty_or_blank_input_is_an_error_at_line_1() {
        for text in ["", "\n\n", "  \t\u{a0}\n \n", "\u{feff}"] {
            let err = parse_charter(text, &Hints::default()).unwrap_err();
            assert_eq!(err, ImportError::Empty { line: 1 }, "{text:?}");
            assert_eq!(err.code(), "empty");
        }
    }

    #[test]
    fn html_is_refused_at_the_line_of_the_first_tag() {
        let html = "\n\n<!DOCTYPE html>\n<html><body><h1>I. ОБЩИ</h1></body></html>\n";
        assert_eq!(
            parse_charter(html, &Hints::default()),
            Err(ImportError::Markup { line: 3 })
        );
        let mixed = "I. ОБЩИ ПОЛОЖЕНИЯ\nТекст.\n<div class=\"x\">\nII. СТАНДАРТИ\n";
        let err = parse_charter(mixed, &Hints::default()).unwrap_err();
        assert_eq!(err, ImportError::Markup { line: 3 });
        assert!(err.to_string().starts_with("line 3:"));
    }

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

    #[test]
    fn csv_like_text_has_no_sections() {
        let csv = "\nname,phone,email\nДеловодство,0777 80 381,info@radomir.bg\nТСУ,0777 80 512,tsu@radomir.bg\n";
        assert_eq!(
            parse_charter(csv, &Hints::default()),
            Err(ImportError::NoSections { line: 2 })
        );
    }

    #[test]
    fn prose_without_headings_is_refused_at_its_first_line() {
        let prose = "\n\nОбщината работи за своите граждани всеки ден.\nТова е обикновен текст без заглавия, който не е харта.\n\nИ още един ред.\n";
        let err = parse_charter(prose, &Hints::default()).unwrap_err();
        assert_eq!(err, ImportError::NoSections { line: 3 });
        assert_eq!(err.code(), "no_sections");
        assert!(err.to_string().contains("line 3"));
    }

    #[test]
    fn a_single_capital_line_is_not_enough_for_sections() {
        let text = "ВАЖНО СЪОБЩЕНИЕ\nУтре общината не работи.\n";
        assert_eq!(
            parse_charter(text, &Hints::default()),
            Err(ImportError::NoSections { line: 1 })
        );
    }

    #[test]
    fn long_prose_before_the_first_section_is_refused_short_lines_are_dropped() {
        let text = "ХАРТА НА КЛИЕНТА\nКратък девиз\nТова е дълъг уводен текст преди първия раздел, който съдържа много думи и не бива да изчезне тихо.\nI. ОБЩИ ПОЛОЖЕНИЯ\nТекст.\n";
        assert_eq!(
            parse_charter(text, &Hints::default()),
            Err(ImportError::ProseBeforeFirstSection { line: 3 })
        );
        let hints = Hints {
            drop_lines: vec!["Това е дълъг уводен".into()],
            ..Hints::default()
        };
        let c = parse_charter(text, &hints).expect("imports with the hint");
        assert_eq!(c.title.as_deref(), Some("ХАРТА НА КЛИЕНТА"));
        assert_eq!(c.sections.len(), 1);
    }

    #[test]
    fn invalid_utf8_is_refused_at_the_line_of_the_bad_byte() {
        let mut bytes = "I. ОБЩИ\nТекст\nоще".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice(b"\nII. X\n");
        let err = parse_charter_bytes(&bytes, &Hints::default()).unwrap_err();
        assert_eq!(err, ImportError::InvalidUtf8 { line: 3 });
        assert_eq!(err.code(), "invalid_utf8");
        // A bad byte in the first line, right after a BOM.
        let err = parse_charter_bytes(b"\xEF\xBB\xBF\xC3\x28", &Hints::default()).unwrap_err();
        assert_eq!(err, ImportError::InvalidUtf8 { line: 1 });
    }

    #[test]
    fn bytes_with_a_bom_import_like_the_text() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(RADOMIR.as_bytes());
        let from_bytes = parse_charter_bytes(&bytes, &Hints::default()).expect("imports");
        assert_eq!(from_bytes, import(RADOMIR));
        assert_eq!(
            parse_charter(&format!("\u{feff}{RADOMIR}"), &Hints::default()),
            Ok(import(RADOMIR))
        );
    }

    #[test]
    fn crlf_line_ends_import_like_lf() {
        let crlf = NOVA_ZAGORA.replace('\n', "\r\n");
        assert_eq!(import(&crlf), import(NOVA_ZAGORA));
    }

    #[test]
    fn nul_bytes_are_refused_as_binary() {
        let err = parse_charter("I. ОБЩИ\nx\0y\n", &Hints::default()).unwrap_err();
        assert_eq!(err, ImportError::Binary { line: 2 });
    }

    // ---- units

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

    #[test]
    fn stray_roman_initials_out_of_sequence_are_no_headings() {
        let text = "I. ОБЩИ ПОЛОЖЕНИЯ\nТекст.\nХ. Христов\nII. СТАНДАРТИ\nТекст.\n";
        let c = import(text);
        assert_eq!(c.sections.len(), 2);
        assert_eq!(paragraphs(&c.sections[0].blocks), vec!["Текст."]);
    }

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

    #[test]
    fn duplicate_headings_get_suffixed_ids() {
        let text = "ОБЩИ ПОЛОЖЕНИЯ\nТекст.\nОБЩИ ПОЛОЖЕНИЯ\nОще текст.\n";
        let c = import(text);
        let got: Vec<&str> = c.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, vec!["obshti-polozheniya", "obshti-polozheniya-2"]);
    }

    #[test]
    fn phones_become_e164_with_readable_display() {
        let t = find_contact_tokens("ДЕЛОВОДСТВО: ....0777 / 80 381");
        assert_eq!(
            (t[0].display.as_str(), t[0].value.as_str()),
            ("0777 80 381", "+35977780381")
        );
        let t = find_contact_tokens("тел. +359 2 981 2345, GSM 0888 123 456");
        let values: Vec<&str> = t.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, vec!["+35929812345", "+359888123456"]);
        assert!(find_contact_tokens("Дата:29.01.2015 г., п.к. 2230, ISO 9001:2008").is_empty());
    }

    #[test]
    fn prose_mentioning_a_phone_is_a_paragraph_not_a_contact_line() {
        assert!(contact_line(
            "За повече информация можете да се обадите в рабочно време на телефон 0777 80 381 или да дойдете.",
            1
        )
        .is_none());
        let c = contact_line("тел.: 0721 68701, Fax: 0721 68777", 1).expect("contact line");
        assert_eq!(
            c.iter().map(|c| c.kind).collect::<Vec<_>>(),
            vec![ContactKind::Phone, ContactKind::Fax]
        );
        assert!(c.iter().all(|c| c.label.is_none()));
    }

    #[test]
    fn a_short_colon_line_named_as_lead_in_by_hint_is_no_subsection() {
        let text = "I. ПРИНЦИПИ\nНашите задължения:\n- първо;\n- второ.\n";
        let c = import(text);
        assert_eq!(c.sections[0].subsections.len(), 1);
        let hints = Hints {
            lead_ins: vec!["Нашите задължения".into()],
            ..Hints::default()
        };
        let c = parse_charter(text, &hints).expect("imports");
        assert!(c.sections[0].subsections.is_empty());
        assert_eq!(
            lists(&c.sections[0].blocks)[0].0,
            Some("Нашите задължения:")
        );
    }
}
