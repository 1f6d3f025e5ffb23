//! Queries for Client Charters: replace one whole charter atomically, read it in a language.
use super::Db;
use crate::charter_import::{ImportedBlock, ImportedCharter};
use gishe_api::{
    Block, Charter, Contact, ContactKind, Lang, Section, SectionRole, Subsection, Text,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A block as stored: Bulgarian text with `**emphasis**` marks.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum StoredBlock {
    Paragraph {
        text: String,
    },
    List {
        lead: Option<String>,
        ordered: bool,
        items: Vec<String>,
    },
    Contacts {
        items: Vec<StoredContact>,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredContact {
    kind: ContactKind,
    label: Option<String>,
    display: String,
    value: String,
}

impl From<&ImportedBlock> for StoredBlock {
    fn from(b: &ImportedBlock) -> Self {
        match b {
            ImportedBlock::Paragraph(text) => StoredBlock::Paragraph { text: text.clone() },
            ImportedBlock::List {
                lead,
                ordered,
                items,
            } => StoredBlock::List {
                lead: lead.clone(),
                ordered: *ordered,
                items: items.clone(),
            },
            ImportedBlock::Contacts(items) => StoredBlock::Contacts {
                items: items
                    .iter()
                    .map(|c| StoredContact {
                        kind: c.kind,
                        label: c.label.clone(),
                        display: c.display.clone(),
                        value: c.value.clone(),
                    })
                    .collect(),
            },
        }
    }
}

fn role_code(role: SectionRole) -> &'static str {
    match role {
        SectionRole::General => "general",
        SectionRole::Standards => "standards",
        SectionRole::Duties => "duties",
        SectionRole::Contacts => "contacts",
    }
}

fn role_from_code(code: &str) -> SectionRole {
    match code {
        "standards" => SectionRole::Standards,
        "duties" => SectionRole::Duties,
        "contacts" => SectionRole::Contacts,
        _ => SectionRole::General,
    }
}

/// Replaces the municipality's charter and its translations in one transaction: either
/// all of it is written, or nothing.
pub async fn replace(
    db: &Db,
    municipality_id: i64,
    source_name: &str,
    charter: &ImportedCharter,
    translations: &BTreeMap<Lang, BTreeMap<String, String>>,
) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    for table in [
        "charter_translations",
        "charter_blocks",
        "charter_subsections",
        "charter_sections",
        "charter_imports",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE municipality_id = $1"))
            .bind(municipality_id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO charter_imports (municipality_id, source_name, title) VALUES ($1, $2, $3)",
    )
    .bind(municipality_id)
    .bind(source_name)
    .bind(&charter.title)
    .execute(&mut *tx)
    .await?;
    for (si, s) in charter.sections.iter().enumerate() {
        sqlx::query(
            "INSERT INTO charter_sections (municipality_id, id, position, numeral, title, role) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(municipality_id)
        .bind(&s.id)
        .bind(si as i64)
        .bind(&s.numeral)
        .bind(&s.title)
        .bind(role_code(s.role))
        .execute(&mut *tx)
        .await?;
        insert_blocks(&mut tx, municipality_id, &s.id, None, &s.blocks).await?;
        for (ui, sub) in s.subsections.iter().enumerate() {
            sqlx::query(
                "INSERT INTO charter_subsections (municipality_id, id, section_id, position, number, title) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(municipality_id)
            .bind(&sub.id)
            .bind(&s.id)
            .bind(ui as i64)
            .bind(sub.number.map(i64::from))
            .bind(&sub.title)
            .execute(&mut *tx)
            .await?;
            insert_blocks(&mut tx, municipality_id, &s.id, Some(&sub.id), &sub.blocks).await?;
        }
    }
    for (lang, texts) in translations {
        for (key, text) in texts {
            sqlx::query("INSERT INTO charter_translations (municipality_id, lang, key, text) VALUES ($1, $2, $3, $4)")
                .bind(municipality_id)
                .bind(lang.code())
                .bind(key)
                .bind(text)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn insert_blocks(
    tx: &mut super::Tx<'_>,
    municipality_id: i64,
    section_id: &str,
    subsection_id: Option<&str>,
    blocks: &[ImportedBlock],
) -> anyhow::Result<()> {
    for (bi, b) in blocks.iter().enumerate() {
        let body = serde_json::to_string(&StoredBlock::from(b))?;
        sqlx::query(
            "INSERT INTO charter_blocks (municipality_id, section_id, subsection_id, position, body) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(municipality_id)
        .bind(section_id)
        .bind(subsection_id)
        .bind(bi as i64)
        .bind(body)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Reads the charter in `lang`; texts without a translation stay Bulgarian and say so.
pub async fn load(
    db: &Db,
    municipality_id: i64,
    slug: &str,
    lang: Lang,
) -> anyhow::Result<Option<Charter>> {
    let imported: Option<(String,)> =
        sqlx::query_as("SELECT source_name FROM charter_imports WHERE municipality_id = $1")
            .bind(municipality_id)
            .fetch_optional(db)
            .await?;
    if imported.is_none() {
        return Ok(None);
    }
    let translations: HashMap<String, String> = if lang == Lang::Bg {
        HashMap::new()
    } else {
        sqlx::query_as::<_, (String, String)>(
            "SELECT key, text FROM charter_translations WHERE municipality_id = $1 AND lang = $2",
        )
        .bind(municipality_id)
        .bind(lang.code())
        .fetch_all(db)
        .await?
        .into_iter()
        .collect()
    };
    let tr = Translator {
        lang,
        texts: &translations,
    };

    let sections: Vec<(String, Option<String>, String, String)> = sqlx::query_as(
        "SELECT id, numeral, title, role FROM charter_sections WHERE municipality_id = $1 ORDER BY position",
    )
    .bind(municipality_id)
    .fetch_all(db)
    .await?;
    let subsections: Vec<(String, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT id, section_id, number, title FROM charter_subsections WHERE municipality_id = $1 ORDER BY position",
    )
    .bind(municipality_id)
    .fetch_all(db)
    .await?;
    let blocks: Vec<(String, Option<String>, String)> = sqlx::query_as(
        "SELECT section_id, subsection_id, body FROM charter_blocks WHERE municipality_id = $1 ORDER BY position",
    )
    .bind(municipality_id)
    .fetch_all(db)
    .await?;

    let mut blocks_by_owner: HashMap<String, Vec<StoredBlock>> = HashMap::new();
    for (section_id, subsection_id, body) in blocks {
        let owner = subsection_id.unwrap_or(section_id);
        blocks_by_owner
            .entry(owner)
            .or_default()
            .push(serde_json::from_str(&body)?);
    }
    let mut render_blocks = |owner: &str| -> Vec<Block> {
        blocks_by_owner
            .remove(owner)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(n, b)| tr.block(&format!("{owner}.b{n}"), b))
            .collect()
    };

    let mut out = Vec::with_capacity(sections.len());
    for (id, numeral, title, role) in sections {
        let blocks = render_blocks(&id);
        let subs = subsections
            .iter()
            .filter(|(_, sid, _, _)| *sid == id)
            .map(|(sub_id, _, number, title)| Subsection {
                id: sub_id.clone(),
                number: number.and_then(|n| u32::try_from(n).ok()),
                title: tr.text(&format!("{sub_id}.title"), title),
                blocks: render_blocks(sub_id),
            })
            .collect();
        out.push(Section {
            title: tr.text(&format!("{id}.title"), &title),
            id,
            numeral,
            role: role_from_code(&role),
            blocks,
            subsections: subs,
        });
    }
    Ok(Some(Charter {
        municipality: slug.to_string(),
        lang,
        translated: !translations.is_empty(),
        sections: out,
    }))
}

struct Translator<'a> {
    lang: Lang,
    texts: &'a HashMap<String, String>,
}

impl Translator<'_> {
    fn text(&self, key: &str, bg: &str) -> Text {
        match self.texts.get(key) {
            Some(t) => Text::from_marked(self.lang, t),
            None => Text::from_marked(Lang::Bg, bg),
        }
    }

    fn block(&self, key: &str, b: &StoredBlock) -> Block {
        match b {
            StoredBlock::Paragraph { text } => Block::Paragraph {
                text: self.text(key, text),
            },
            StoredBlock::List {
                lead,
                ordered,
                items,
            } => Block::List {
                lead: lead.as_ref().map(|l| self.text(&format!("{key}.lead"), l)),
                ordered: *ordered,
                items: items
                    .iter()
                    .enumerate()
                    .map(|(k, i)| self.text(&format!("{key}.i{k}"), i))
                    .collect(),
            },
            StoredBlock::Contacts { items } => Block::Contacts {
                items: items
                    .iter()
                    .enumerate()
                    .map(|(k, c)| Contact {
                        kind: c.kind,
                        label: c
                            .label
                            .as_ref()
                            .map(|l| self.text(&format!("{key}.c{k}"), l)),
                        display: c.display.clone(),
                        value: c.value.clone(),
                    })
                    .collect(),
            },
        }
    }
}
