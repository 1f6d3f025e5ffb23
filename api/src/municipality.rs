//! Municipalities: the list, and one municipality's published profile.
use crate::{Contact, Text};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MunicipalitySummary {
    pub slug: String,
    pub name: Text,
    /// True when this municipality's catalogue and history are demonstration data.
    pub demo: bool,
    /// Whether a Client Charter has been imported.
    pub has_charter: bool,
}

/// A fact of the profile with where it was published. A fact no source gives is absent,
/// and the app shows it as not published: contact data is never invented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fact {
    pub text: Text,
    /// Where the fact comes from, e.g. `charter, line 8`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourcedContact {
    #[serde(flatten)]
    pub contact: Contact,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Department {
    pub id: String,
    pub name: Text,
    pub phones: Vec<SourcedContact>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Municipality {
    pub slug: String,
    pub name: Text,
    pub demo: bool,
    pub has_charter: bool,
    /// Whether a service catalogue has been loaded.
    pub has_services: bool,
    /// Prefix of registry numbers, e.g. `RDM`.
    pub registry_prefix: Option<String>,
    pub address: Option<Fact>,
    /// Where the service counter is.
    pub counter: Option<Fact>,
    pub opening_hours: Option<Fact>,
    pub phones: Vec<SourcedContact>,
    pub emails: Vec<SourcedContact>,
    pub web: Vec<SourcedContact>,
    pub certificates: Vec<Fact>,
    pub departments: Vec<Department>,
}

impl Municipality {
    /// True when no contact fact at all is published.
    pub fn has_no_contacts(&self) -> bool {
        self.address.is_none()
            && self.counter.is_none()
            && self.opening_hours.is_none()
            && self.phones.is_empty()
            && self.emails.is_empty()
            && self.web.is_empty()
            && self.departments.is_empty()
    }
}
