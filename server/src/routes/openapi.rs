//! What every operation can answer besides its own results, added to the OpenAPI document in
//! one place, beside the layers that produce those answers: the request limits (408, 414, 431),
//! and for state-changing operations the browser rules (403, 415), the body limit (413) and
//! malformed JSON (400). A `lang` query parameter is `bg` or `en`; anything else is a 400.
//! And the rules between fields of a report and of a survey answer, which a field's own schema
//! cannot say (JSON Schema `anyOf`), so that what the document calls valid is accepted.
use utoipa::openapi::path::{Operation, Parameter, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{Content, OpenApi, Ref, RefOr, ResponseBuilder};

fn problem(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                Content::new(Some(Ref::from_schema_name("Problem"))),
            )
            .build(),
    )
}

const EVERY_OPERATION: [(&str, &str); 3] = [
    ("408", "the request took too long"),
    ("414", "the address is too long"),
    ("431", "the request headers are too large"),
];

const STATE_CHANGING: [(&str, &str); 5] = [
    ("400", "the body is not valid JSON"),
    ("403", "sent by another site's page"),
    ("413", "the body is too large"),
    ("415", "the body is not application/json"),
    ("422", "some fields are not valid"),
];

fn complete_operation(op: &mut Operation, changes_state: bool) {
    let mut add = |code: &str, description: &str| {
        op.responses
            .responses
            .entry(code.to_string())
            .or_insert_with(|| problem(description));
    };
    for (code, description) in EVERY_OPERATION {
        add(code, description);
    }
    if changes_state {
        for (code, description) in STATE_CHANGING {
            add(code, description);
        }
    }
    let mut has_lang = false;
    for p in op.parameters.iter_mut().flatten() {
        if is_idempotency_key(p) {
            p.schema = Some(RefOr::T(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .min_length(Some(16))
                    .max_length(Some(200))
                    .pattern(Some("^[!-~]+$"))
                    .into(),
            ));
        }
        if is_lang(p) {
            has_lang = true;
            p.schema = Some(RefOr::T(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(["bg", "en"]))
                    .into(),
            ));
        }
    }
    if has_lang {
        add("400", "an unsupported language or a malformed query");
    }
}

/// What `idempotency::valid_key` accepts.
fn is_idempotency_key(p: &Parameter) -> bool {
    p.name.eq_ignore_ascii_case("idempotency-key") && matches!(p.parameter_in, ParameterIn::Header)
}

fn is_lang(p: &Parameter) -> bool {
    p.name == "lang" && matches!(p.parameter_in, ParameterIn::Query)
}

/// Empty, or only blanks.
const BLANK: &str = "^\\s*$";
/// What `gishe_api::email_is_valid` accepts (blanks around it are forgiven).
const EMAIL: &str = "^\\s*[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s]*[^@\\s.]\\s*$";
/// What `gishe_api::phone_is_valid` accepts: 6–15 digits, spaces, `-`, `/`, brackets, one
/// leading `+`.
const PHONE: &str = "^\\s*\\+?[ ()/-]*(?:[0-9][ ()/-]*){6,15}\\s*$";

/// The rules `gishe_api::validate_report` holds a report to across its fields.
fn report_rules() -> serde_json::Value {
    let kinds_that_may_be_anonymous = serde_json::json!(["complaint", "praise"]);
    serde_json::json!({
        "properties": {
            "text": { "pattern": "\\S" },
            "email": { "anyOf": [{ "pattern": BLANK }, { "pattern": EMAIL, "maxLength": gishe_api::MAX_EMAIL }] },
            "phone": { "anyOf": [{ "pattern": BLANK }, { "pattern": PHONE }] },
            "address": { "maxLength": gishe_api::MAX_ADDRESS }
        },
        "anyOf": [
            {
                "description": "anonymous: a complaint or praise with no name and no way to reply",
                "properties": {
                    "kind": { "enum": kinds_that_may_be_anonymous },
                    "name": { "pattern": BLANK },
                    "email": { "pattern": BLANK },
                    "phone": { "pattern": BLANK },
                    "address": { "pattern": BLANK }
                }
            },
            {
                "description": "named: consent, a way to reply, and a name where the kind needs one",
                "required": ["consent"],
                "properties": { "consent": { "enum": [true] } },
                "allOf": [
                    { "anyOf": [
                        { "required": ["email"], "properties": { "email": { "pattern": EMAIL } } },
                        { "required": ["phone"], "properties": { "phone": { "pattern": PHONE } } },
                        { "required": ["address"], "properties": { "address": { "pattern": "\\S" } } }
                    ] },
                    { "anyOf": [
                        { "properties": { "kind": { "enum": kinds_that_may_be_anonymous } } },
                        { "required": ["name"], "properties": { "name": { "pattern": "\\S" } } }
                    ] }
                ]
            }
        ]
    })
}

/// A survey answer is tied to a request by both its number and its access code, or by neither.
fn feedback_rules() -> serde_json::Value {
    serde_json::json!({
        "anyOf": [
            { "description": "not tied to a request",
              "properties": { "registry_number": { "enum": [""] }, "access_code": { "enum": [""] } } },
            { "description": "tied to a request",
              "required": ["registry_number", "access_code"],
              "properties": { "registry_number": { "minLength": 1 }, "access_code": { "minLength": 1 } } }
        ]
    })
}

/// The document as JSON, with the rules between fields added to the schemas they belong to
/// (as `allOf: [schema, rules]`; utoipa's types have no place for them).
pub fn with_field_rules(doc: &OpenApi) -> serde_json::Value {
    let mut json = serde_json::to_value(doc).unwrap_or_default();
    for (name, rules) in [
        ("NewReport", report_rules()),
        ("NewFeedback", feedback_rules()),
    ] {
        if let Some(schema) = json.pointer_mut(&format!("/components/schemas/{name}")) {
            let own = schema.take();
            *schema = serde_json::json!({ "allOf": [own, rules] });
        }
    }
    json
}

pub fn complete(doc: &mut OpenApi) {
    for item in doc.paths.paths.values_mut() {
        for op in [&mut item.get, &mut item.head].into_iter().flatten() {
            complete_operation(op, false);
        }
        for op in [
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ]
        .into_iter()
        .flatten()
        {
            complete_operation(op, true);
        }
    }
}
