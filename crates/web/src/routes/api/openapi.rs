//! The OpenAPI 3 document, generated from the handlers' annotations and types.

use std::sync::LazyLock;

use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use super::{
    activities, attendance, catalog, manuals, me, questionnaires, staff_catalog, staff_submissions,
    submissions, survey_aliases, survey_intake, surveys,
};

#[allow(deprecated)]
#[derive(OpenApi)]
#[openapi(
    info(title = "ruamjai API", version = "1", description = "ร่วมใจ — the participation platform of the ICT Center. \
        Public endpoints need no authentication; staff endpoints take `Authorization: Bearer <token>` \
        (created with `ruamjai token create`). Errors are RFC 9457 problem details with a localized `detail` \
        (Thai by default, English with `Accept-Language: en`)."),
    paths(catalog::services, catalog::groups, catalog::divisions, submissions::create, submissions::track, me::me, staff_catalog::update_service,
        staff_submissions::list, staff_submissions::transition, staff_submissions::reply, staff_submissions::assign,
        activities::upcoming, activities::register, activities::create, activities::update, activities::detail,
        attendance::registrations, attendance::check_in, activities::set_status, activities::invite,
        surveys::create, surveys::report, surveys::questionnaire, surveys::respond,
        survey_aliases::create, survey_aliases::report, survey_aliases::questionnaire, survey_aliases::respond,
        questionnaires::list, questionnaires::show, questionnaires::create, questionnaires::save,
        survey_intake::issue, survey_intake::import,
        manuals::published, manuals::save, manuals::versions, manuals::act, manuals::publish,
        manuals::forms::attach),
    components(schemas(Problem, FieldProblem)),
    modifiers(&BearerScheme),
    tags((name = "catalog", description = "Services, stakeholder groups and divisions"),
         (name = "participation", description = "Requests, suggestions, complaints, compliments and questions"),
         (name = "activities", description = "Relationship activities: the calendar and registration"),
         (name = "surveys", description = "Satisfaction surveys: the questionnaire and the response"),
         (name = "manuals", description = "Citizen manuals: the published manual, and its drafting, review and publication"),
         (name = "staff", description = "Endpoints for signed-in staff"))
)]
pub struct ApiDoc;

/// An error, as `application/problem+json`.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    #[schema(example = "about:blank")]
    pub r#type: String,
    pub status: u16,
    pub title: String,
    /// What went wrong, in the client's language.
    pub detail: String,
    pub errors: Option<Vec<FieldProblem>>,
}

/// One refused field.
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
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
    ApiDoc::openapi().to_pretty_json().expect("the OpenAPI document serializes")
}

pub async fn document() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], JSON.as_str())
}
