//! Charter importer: section bodies.

use super::*;

#[derive(Debug, Clone)]
pub(super) enum Entry {
    /// `• text`, `· text`, `- text`
    Bullet(String),
    /// `3. text` / `3) text`
    Num(u32, String),
    Contact(Vec<ImportedContact>),
    Plain(String),
}

#[derive(Debug, Clone)]
pub(super) struct Ent {
    pub(super) line: usize,
    pub(super) kind: Entry,
}

#[derive(Default)]
pub(super) struct IdSet {
    pub(super) used: HashSet<String>,
}

impl IdSet {
    /// The id itself, or with `-2`, `-3`, … when it is taken.
    pub(super) fn unique(&mut self, base: String) -> String {
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

pub(super) fn build_section(
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
pub(super) fn classify_body(body: &[Line]) -> Vec<Ent> {
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
pub(super) fn strip_bullet(text: &str) -> Option<&str> {
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
pub(super) fn numbered(text: &str) -> Option<(u32, &str)> {
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
pub(super) fn join_continuations(entries: Vec<Ent>) -> Vec<Ent> {
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

pub(super) struct SubDraft {
    pub(super) number: Option<u32>,
    pub(super) title: String,
    pub(super) line: usize,
    pub(super) entries: Vec<Ent>,
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
pub(super) fn split_subsections(entries: Vec<Ent>, hints: &Hints) -> (Vec<Ent>, Vec<SubDraft>) {
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

pub(super) fn is_numbered_sub_title(text: &str) -> bool {
    word_count(text) <= 12
        && text.chars().count() <= 120
        && !text.ends_with([';', ',', '.'])
        && sentence_breaks(text).is_empty()
}

pub(super) fn is_group_heading(text: &str, hints: &Hints) -> bool {
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
pub(super) fn build_blocks(entries: &[Ent]) -> Vec<ImportedBlock> {
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

pub(super) fn is_unmarked_item(text: &str) -> bool {
    word_count(text) <= 20
        && text.chars().count() <= 160
        && !text.ends_with(':')
        && sentence_breaks(text).is_empty()
}

pub(super) fn collect_bullets(
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

pub(super) fn collect_numbered(
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
pub(super) fn split_trailing_lead(text: &str) -> Option<(String, String)> {
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
pub(super) fn sentence_breaks(text: &str) -> Vec<usize> {
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
pub(super) fn guess_role(
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

pub(super) fn apply_role_hints(
    sections: &mut [ImportedSection],
    hints: &Hints,
) -> Result<(), ImportError> {
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
