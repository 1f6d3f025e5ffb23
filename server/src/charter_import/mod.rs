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

mod body;
mod contacts;
mod headings;
mod lines;
mod preamble;
mod text;

use body::*;
use contacts::*;
use gishe_api::{ContactKind, SectionRole};
use headings::*;
use lines::*;
use preamble::*;
use std::collections::HashSet;
use std::fmt;
use text::*;

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
