//! The OpenAPI 3 document, generated from the handlers' annotations and types.

use std::sync::LazyLock;

use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::kit::problem::{FieldProblem, Problem};
use crate::{accounts, audit, catalog, engagement, kpi, manuals, participation, satisfaction};

/// What the whole document says of itself; the areas bring their paths and
/// tags (`document`).
#[derive(OpenApi)]
#[openapi(
    info(title = "ruamjai API", version = "1", description = "ร่วมใจ — the participation platform of the ICT Center. \
        Public endpoints need no authentication; staff endpoints take `Authorization: Bearer <token>` \
        (created with `ruamjai token create`). Errors are RFC 9457 problem details with a localized `detail` \
        (Thai by default, English with `Accept-Language: en`)."),
    components(schemas(Problem, FieldProblem)),
    modifiers(&BearerScheme)
)]
struct Frame;

/// The document: the frame with every area's part, in menu order.
pub(crate) fn document_value() -> utoipa::openapi::OpenApi {
    let mut document = Frame::openapi();
    for part in [
        catalog::ApiDoc::openapi(),
        participation::ApiDoc::openapi(),
        engagement::ApiDoc::openapi(),
        satisfaction::ApiDoc::openapi(),
        manuals::ApiDoc::openapi(),
        manuals::WorkApiDoc::openapi(),
        kpi::ApiDoc::openapi(),
        audit::ApiDoc::openapi(),
        accounts::ApiDoc::openapi(),
    ] {
        document.merge(part);
    }
    document
}

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

static JSON: LazyLock<String> = LazyLock::new(openapi_json);

/// The document as JSON text.
pub fn openapi_json() -> String {
    document_value().to_pretty_json().expect("the OpenAPI document serializes")
}

pub async fn document() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], JSON.as_str())
}
