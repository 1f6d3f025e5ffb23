//! Administrative services: the catalogue, one service's start page, and its form definition
//! (the same shape Open311 calls service attributes).
use crate::calendar::Deadline;
use crate::money::Money;
use crate::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub id: String,
    pub name: Text,
}

/// One entry of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceSummary {
    /// The service's code, in the style of the national register of administrative services.
    pub code: String,
    pub name: Text,
    pub category: String,
    pub summary: Text,
    /// The lowest fee over the urgency tiers.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub fee_from: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Catalogue {
    pub municipality: String,
    /// True when the catalogue, fees and deadlines are demonstration data.
    pub demo: bool,
    pub categories: Vec<Category>,
    /// What the search found, best first; without a search, the whole catalogue (or the
    /// category) in the municipality's order.
    pub services: Vec<ServiceSummary>,
    /// Only when a search found nothing: the services closest to it (at most three, possibly
    /// none), so the citizen is not left at a dead end.
    #[serde(default)]
    pub nearest: Vec<ServiceSummary>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DeliveryMethod {
    /// Collected at the counter.
    Counter,
    /// Sent by licensed postal operator to an address.
    Post,
    /// Sent electronically by e-mail.
    Email,
}

impl DeliveryMethod {
    pub const ALL: [DeliveryMethod; 3] = [
        DeliveryMethod::Counter,
        DeliveryMethod::Post,
        DeliveryMethod::Email,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeliveryMethod::Counter => "counter",
            DeliveryMethod::Post => "post",
            DeliveryMethod::Email => "email",
        }
    }
}

/// A fee and a deadline for one urgency tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tier {
    pub tier: UrgencyTier,
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub fee: Money,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub deadline: Deadline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldOption {
    pub value: String,
    pub label: Text,
}

/// The kind of answer a service's own question takes, with its limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum FieldKind {
    Text {
        max_length: u32,
    },
    LongText {
        max_length: u32,
    },
    Number {
        min: Option<i64>,
        max: Option<i64>,
    },
    Date {
        not_in_future: bool,
    },
    SingleChoice {
        options: Vec<FieldOption>,
    },
    MultipleChoice {
        options: Vec<FieldOption>,
        min: Option<u32>,
        max: Option<u32>,
    },
    YesNo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldDef {
    /// Stable id, the key of the answer in a request.
    pub id: String,
    pub label: Text,
    pub hint: Option<Text>,
    pub required: bool,
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// Everything the service's start page shows, and the definition of its form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Service {
    pub code: String,
    pub municipality: String,
    pub demo: bool,
    pub name: Text,
    pub category: Category,
    pub summary: Text,
    pub description: Text,
    pub legal_basis: Vec<Text>,
    /// The department responsible.
    pub department: Option<Text>,
    /// Where and how the result is collected.
    pub result_collection: Option<Text>,
    pub documents: Vec<Text>,
    pub tiers: Vec<Tier>,
    pub delivery: Vec<DeliveryMethod>,
    /// Other ways to apply (in person, by post, through the e-services portal).
    pub channels: Vec<Text>,
    pub fields: Vec<FieldDef>,
}

/// The urgency a requester pays for. Serialized as `ordinary`, `fast`, `express`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum UrgencyTier {
    Ordinary,
    Fast,
    Express,
}

impl UrgencyTier {
    pub const ALL: [UrgencyTier; 3] = [
        UrgencyTier::Ordinary,
        UrgencyTier::Fast,
        UrgencyTier::Express,
    ];

    pub fn code(self) -> &'static str {
        match self {
            UrgencyTier::Ordinary => "ordinary",
            UrgencyTier::Fast => "fast",
            UrgencyTier::Express => "express",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgency_tier_serializes_lowercase() {
        assert_eq!(
            serde_json::to_string(&UrgencyTier::ALL).unwrap(),
            r#"["ordinary","fast","express"]"#
        );
        assert_eq!(
            serde_json::from_str::<UrgencyTier>("\"express\"").unwrap(),
            UrgencyTier::Express
        );
        assert!(UrgencyTier::Ordinary < UrgencyTier::Express);
        assert_eq!(UrgencyTier::Fast.code(), "fast");
    }
}
