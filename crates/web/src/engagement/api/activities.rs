//! Activities over the API: the public calendar and registration, and the
//! staff endpoints (create, update, status, invitations, counts,
//! registrations, check-in).
//! Registrations as staff read them, and check-in, are in `attendance`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ruamjai_app::engagement::{activities, invitations};
use ruamjai_domain::engagement::activity::{ActivityInput, Status};
use ruamjai_domain::engagement::registration::RegistrationInput;
use ruamjai_store::engagement::{Activity, ActivityCounts, ActivityFilter, Invitees};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::auth::ClientAddress;
use crate::engagement::register_public;
use crate::kit::ApiCaller;
use crate::kit::ApiJson;
use crate::kit::Refusal;
use crate::kit::json::rfc3339;
use crate::{AppError, AppState, mail};

/// An activity as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct ActivityDto {
    pub id: i64,
    pub title: String,
    /// meeting, seminar, training, site-visit, workshop, focus-group, public-hearing or relationship-event.
    pub kind: String,
    pub starts_at: String,
    pub ends_at: String,
    pub venue: String,
    pub capacity: i64,
    pub registered: i64,
    pub registration_opens_at: String,
    pub registration_closes_at: String,
    /// planned, held, cancelled or postponed.
    pub status: String,
    /// open, full, not-yet-open, closed or not-taking-place, now.
    pub registration: String,
    pub group_ids: Vec<String>,
    pub service_ids: Vec<String>,
    pub division_id: Option<String>,
    pub public_url: String,
}

fn dto(state: &AppState, a: Activity, now: OffsetDateTime) -> ActivityDto {
    let registration = a.registration(now).code();
    ActivityDto {
        public_url: public_url(state, a.id),
        id: a.id,
        title: a.title,
        kind: a.kind.code().into(),
        starts_at: rfc3339(a.starts_at),
        ends_at: rfc3339(a.ends_at),
        venue: a.venue,
        capacity: a.capacity,
        registered: a.registered,
        registration_opens_at: rfc3339(a.registration_opens_at),
        registration_closes_at: rfc3339(a.registration_closes_at),
        status: a.status.code().into(),
        registration: registration.into(),
        group_ids: a.group_codes,
        service_ids: a.service_codes,
        division_id: a.division_code,
    }
}

fn public_url(state: &AppState, id: i64) -> String {
    format!("{}/activities/{id}", state.config.public_url.trim_end_matches('/'))
}

/// Upcoming activities (not yet ended), soonest first.
#[utoipa::path(get, path = "/api/v1/activities", tag = "activities",
    responses((status = 200, description = "Upcoming activities", body = [ActivityDto])))]
pub async fn upcoming(State(state): State<AppState>) -> Result<Json<Vec<ActivityDto>>, AppError> {
    let now = OffsetDateTime::now_utc();
    let activities = state.store.activities(ActivityFilter::Upcoming(now)).await?;
    Ok(Json(activities.into_iter().map(|a| dto(&state, a, now)).collect()))
}

/// A registration for an activity; an e-mail address or a phone number is required.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationRequest {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation: Option<String>,
    /// A group code from `/api/v1/stakeholder-groups`, one the activity is for.
    #[schema(example = "provinces")]
    pub group_id: String,
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationReceipt {
    /// Shown at the door, e.g. `K7QX-2MHD`.
    pub code: String,
    /// registered, or waitlisted when every place is taken.
    pub status: String,
    /// Shows the registration with its QR code, and cancels it. Keep it secret.
    pub registration_url: String,
}

/// Register for an activity. Beyond its capacity the registration joins the
/// waitlist, promoted in order when someone cancels.
#[utoipa::path(post, path = "/api/v1/activities/{id}/registrations", tag = "activities",
    params(("id" = i64, Path)), request_body = RegistrationRequest,
    responses((status = 201, description = "Registered or waitlisted", body = RegistrationReceipt),
              (status = 404, description = "No such activity", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 409, description = "This e-mail address is already registered", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A field is refused, or registration is not open", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn register(
    State(state): State<AppState>,
    address: ClientAddress,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<RegistrationRequest>,
) -> Result<Response, AppError> {
    let input = RegistrationInput {
        name: body.name,
        organisation: body.organisation.unwrap_or_default(),
        group: body.group_id,
        email: body.email.unwrap_or_default(),
        phone: body.phone.unwrap_or_default(),
    };
    match register_public(&state, id, &input, address).await {
        Ok(taken) => {
            let receipt = RegistrationReceipt {
                code: taken.code.to_string(),
                status: taken.place.code().into(),
                registration_url: mail::registration_url(&state.config.public_url, &taken.token),
            };
            Ok((StatusCode::CREATED, Json(receipt)).into_response())
        }
        Err(Refusal::Fields(errors)) => Err(AppError::Invalid(errors)),
        Err(Refusal::Other(error)) => Err(error),
    }
}

/// A new or edited activity. Instants are RFC 3339 (`2027-01-20T09:00:00+07:00`).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityRequest {
    pub title: String,
    #[schema(example = "seminar")]
    pub kind: String,
    pub starts_at: String,
    pub ends_at: String,
    pub venue: String,
    pub capacity: u32,
    pub group_ids: Vec<String>,
    #[serde(default)]
    pub service_ids: Vec<String>,
    pub registration_opens_at: String,
    pub registration_closes_at: String,
    pub division_id: Option<String>,
}

impl ActivityRequest {
    fn parse(self) -> Result<ruamjai_domain::engagement::activity::NewActivity, AppError> {
        let mut errors = Vec::new();
        let mut instant = |field: &'static str, raw: &str| {
            let parsed = ruamjai_domain::calendar::parse_instant(raw);
            if parsed.is_none() {
                errors.push((field, ruamjai_domain::accounts::FieldError::InvalidDate));
            }
            parsed
        };
        let input = ActivityInput {
            starts_at: instant("starts_at", &self.starts_at),
            ends_at: instant("ends_at", &self.ends_at),
            registration_opens_at: instant("registration_opens_at", &self.registration_opens_at),
            registration_closes_at: instant("registration_closes_at", &self.registration_closes_at),
            title: self.title,
            kind: self.kind,
            venue: self.venue,
            capacity: self.capacity.to_string(),
            group_codes: self.group_ids,
            service_codes: self.service_ids,
            division_code: self.division_id.unwrap_or_default(),
        };
        match input.parse() {
            Ok(new) if errors.is_empty() => Ok(new),
            Ok(_) => Err(AppError::Invalid(errors)),
            Err(more) => Err(AppError::Invalid(errors.into_iter().chain(more).collect())),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CreatedActivity {
    pub id: i64,
    pub public_url: String,
}

/// Create an activity, open for registration within its window.
#[utoipa::path(post, path = "/api/v1/staff/activities", tag = "staff", security(("bearer" = [])),
    request_body = ActivityRequest,
    responses((status = 201, description = "Created", body = CreatedActivity),
              (status = 422, description = "A field is refused; `errors` names it", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<ActivityRequest>,
) -> Result<Response, AppError> {
    let id = activities::create(&state.app, &caller, body.parse()?).await?;
    Ok((StatusCode::CREATED, Json(CreatedActivity { id, public_url: public_url(&state, id) }))
        .into_response())
}

/// Replace an activity's details (the capacity cannot drop below the places taken).
#[utoipa::path(put, path = "/api/v1/staff/activities/{id}", tag = "staff", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = ActivityRequest,
    responses((status = 200, description = "Updated", body = ActivityDto),
              (status = 409, description = "Capacity below the places taken", body = crate::kit::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A field is refused", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn update(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ActivityRequest>,
) -> Result<Json<ActivityDto>, AppError> {
    let activity = activities::update(&state.app, &caller, id, body.parse()?).await.map_err(|e| match e {
        // The API names the conflict; the form shows the field.
        ruamjai_app::Error::ConflictOn { key, .. } => AppError::Conflict(key),
        other => other.into(),
    })?;
    Ok(Json(dto(&state, activity, OffsetDateTime::now_utc())))
}

#[derive(Serialize, ToSchema)]
pub struct GroupCountDto {
    pub group_id: String,
    pub registered: i64,
    pub attended: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CountsDto {
    pub registered: i64,
    pub waitlisted: i64,
    pub walk_ins: i64,
    pub attended: i64,
    pub by_group: Vec<GroupCountDto>,
}

impl From<ActivityCounts> for CountsDto {
    fn from(c: ActivityCounts) -> Self {
        Self {
            registered: c.registered,
            waitlisted: c.waitlisted,
            walk_ins: c.walk_ins,
            attended: c.attended,
            by_group: c
                .by_group
                .into_iter()
                .map(|g| GroupCountDto {
                    group_id: g.group_code,
                    registered: g.registered,
                    attended: g.attended,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ActivityDetail {
    #[serde(flatten)]
    pub activity: ActivityDto,
    pub counts: CountsDto,
}

/// An activity with its counts: registered, waitlisted, attended, by group.
#[utoipa::path(get, path = "/api/v1/staff/activities/{id}", tag = "staff", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "The activity and its counts", body = ActivityDetail)))]
pub async fn detail(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
) -> Result<Json<ActivityDetail>, AppError> {
    let (activity, counts) = activities::detail(&state.app, &caller, id).await?;
    let activity = dto(&state, activity, OffsetDateTime::now_utc());
    Ok(Json(ActivityDetail { activity, counts: counts.into() }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// `planned`, `held`, `cancelled` or `postponed` ("open" and "full" follow
    /// from the registration window and the places taken).
    #[schema(example = "held")]
    pub status: String,
}

/// Set an activity's status. Cancelling or postponing stops registration.
#[utoipa::path(put, path = "/api/v1/staff/activities/{id}/status", tag = "staff", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = StatusRequest,
    responses((status = 200, description = "Updated", body = ActivityDto),
              (status = 422, description = "Unknown status", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn set_status(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<StatusRequest>,
) -> Result<Json<ActivityDto>, AppError> {
    let status = Status::parse(&body.status).map_err(|e| AppError::Invalid(vec![("status", e)]))?;
    let activity = activities::set_status(&state.app, &caller, id, status).await?;
    Ok(Json(dto(&state, activity, OffsetDateTime::now_utc())))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationRequest {
    /// Every directory contact in these stakeholder groups.
    #[serde(default)]
    pub group_ids: Vec<String>,
    /// And these contacts (directory ids).
    #[serde(default)]
    pub contact_ids: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationOutcome {
    /// Newly invited; mailed through the outbox when they have an address.
    pub invited: usize,
    /// Newly invited without an e-mail address: to be reached another way.
    pub without_email: usize,
    /// Invited before, not mailed again.
    pub already_invited: usize,
}

/// Invite directory contacts, whole groups or one by one; no one is mailed twice.
#[utoipa::path(post, path = "/api/v1/staff/activities/{id}/invitations", tag = "staff", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = InvitationRequest,
    responses((status = 200, description = "Invited", body = InvitationOutcome),
              (status = 422, description = "Nobody chosen", body = crate::kit::Problem, content_type = "application/problem+json")))]
pub async fn invite(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<InvitationRequest>,
) -> Result<Json<InvitationOutcome>, AppError> {
    let invitees = Invitees { group_codes: &body.group_ids, contact_ids: &body.contact_ids };
    let outcome = invitations::invite(&state.app, &caller, id, invitees).await?;
    Ok(Json(InvitationOutcome {
        invited: outcome.invited,
        without_email: outcome.without_email,
        already_invited: outcome.already_invited,
    }))
}
