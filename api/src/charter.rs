//! The Client Charter as the API serves it: sections → subsections → blocks.
use crate::{Lang, Text};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Charter {
    /// The municipality's slug.
    pub municipality: String,
    /// The language asked for; texts that had no translation carry their own `lang`.
    pub lang: Lang,
    /// True when the English texts are a translation written for the demonstration.
    pub translated: bool,
    pub sections: Vec<Section>,
}

/// What a section is for, when the importer (or the profile's hints) could tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionRole {
    #[default]
    General,
    Standards,
    Duties,
    Contacts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Section {
    /// Stable id, the same after a re-import: the numeral (`iv`) or a transliterated heading.
    pub id: String,
    /// The numeral as printed (`IV`), normalised to Latin letters; absent for unnumbered headings.
    pub numeral: Option<String>,
    pub title: Text,
    pub role: SectionRole,
    /// Blocks before the first subsection.
    pub blocks: Vec<Block>,
    pub subsections: Vec<Subsection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subsection {
    /// Stable id, unique in the charter (`ii-3`, `standarti-otnoshenie-kam-vas-klienti`).
    pub id: String,
    pub number: Option<u32>,
    pub title: Text,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: Text,
    },
    List {
        lead: Option<Text>,
        ordered: bool,
        items: Vec<Text>,
    },
    Contacts {
        items: Vec<Contact>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Phone,
    Fax,
    Email,
    Web,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub kind: ContactKind,
    /// What the number is for (`ДЕЛОВОДСТВО`), when the document says.
    pub label: Option<Text>,
    /// As shown to people (`0777 80 381`).
    pub display: String,
    /// Machine form: `+35977780381`, an e-mail address, or an `https://` URL.
    pub value: String,
}

impl Contact {
    /// The link target: `tel:`, `mailto:` or the web address.
    pub fn href(&self) -> String {
        match self.kind {
            ContactKind::Phone | ContactKind::Fax => format!("tel:{}", self.value),
            ContactKind::Email => format!("mailto:{}", self.value),
            ContactKind::Web => self.value.clone(),
        }
    }
}
