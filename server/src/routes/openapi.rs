//! What every operation can answer besides its own results, added to the OpenAPI document in
//! one place, beside the layers that produce those answers: the request limits (408, 414, 431),
//! and for state-changing operations the browser rules (403, 415), the body limit (413) and
//! malformed JSON (400). A `lang` query parameter is `bg` or `en`; anything else is a 400.
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
