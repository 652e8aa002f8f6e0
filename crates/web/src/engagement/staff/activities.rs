//! Staff plan activities, follow their registrations and set their status.
//! Check-in at the door is in `check_in`, outcomes in `outcomes`.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_app::engagement::{activities, directory, invitations};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Subject};
use ruamjai_domain::calendar::{FiscalYear, local_input_value};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::engagement::activity::{ActivityInput, Kind, Status};
use ruamjai_store::engagement::{Activity, ActivityCounts, ActivityFilter, Organisation, RegistrationView};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::auth::session::Staff;
use crate::kit::Names;
use crate::kit::{Flash, FormErrors, NavItem, YearQuery, local_instant, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/activities", get(list).post(create))
        .route("/staff/activities/{id}", get(show))
        .route("/staff/activities/{id}/edit", get(edit).post(update))
        .route("/staff/activities/{id}/status", post(set_status))
}

/// The activity form as typed, kept to show it again with its errors.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ActivityFields {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub capacity: String,
    #[serde(default)]
    pub registration_opens_at: String,
    #[serde(default)]
    pub registration_closes_at: String,
    #[serde(default)]
    pub division: String,
    #[serde(skip)]
    pub groups: Vec<String>,
    #[serde(skip)]
    pub services: Vec<String>,
}

impl ActivityFields {
    fn from_form(multipart: &CsrfMultipart) -> Result<Self, AppError> {
        Ok(Self {
            groups: multipart.values("groups"),
            services: multipart.values("services"),
            ..multipart.fields()?
        })
    }

    fn of(a: &Activity) -> Self {
        Self {
            title: a.title.clone(),
            kind: a.kind.code().into(),
            starts_at: local_input_value(a.starts_at),
            ends_at: local_input_value(a.ends_at),
            venue: a.venue.clone(),
            capacity: a.capacity.to_string(),
            registration_opens_at: local_input_value(a.registration_opens_at),
            registration_closes_at: local_input_value(a.registration_closes_at),
            division: a.division_code.clone().unwrap_or_default(),
            groups: a.group_codes.clone(),
            services: a.service_codes.clone(),
        }
    }

    /// The domain's input; a date that does not parse is reported as such.
    pub fn input(&self) -> (ActivityInput, Vec<(&'static str, FieldError)>) {
        let mut errors = Vec::new();
        let input = ActivityInput {
            title: self.title.clone(),
            kind: self.kind.clone(),
            starts_at: local_instant(&mut errors, "starts_at", &self.starts_at),
            ends_at: local_instant(&mut errors, "ends_at", &self.ends_at),
            venue: self.venue.clone(),
            capacity: self.capacity.clone(),
            group_codes: self.groups.clone(),
            service_codes: self.services.clone(),
            registration_opens_at: local_instant(
                &mut errors,
                "registration_opens_at",
                &self.registration_opens_at,
            ),
            registration_closes_at: local_instant(
                &mut errors,
                "registration_closes_at",
                &self.registration_closes_at,
            ),
            division_code: self.division.clone(),
        };
        (input, errors)
    }
}

#[derive(Template)]
#[template(path = "engagement/staff/activities.html")]
struct ListTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: &'a Catalog,
    year: FiscalYear,
    activities: Vec<Activity>,
    form: ActivityFields,
    errors: FormErrors,
    can_write: bool,
    kinds: [Kind; 8],
}

impl ListTemplate<'_> {}

async fn render_list(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    year: FiscalYear,
    form: ActivityFields,
    errors: &[(&'static str, FieldError)],
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let template = ListTemplate {
        page,
        nav: nav_for(staff),
        catalog: &catalog,
        year,
        activities: activities::list(&state.app, &staff.caller(), ActivityFilter::FiscalYear(year)).await?,
        form,
        errors: FormErrors::of(page.locale, errors),
        can_write: staff.caller().could(Subject::Activity, Action::Write),
        kinds: Kind::ALL,
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page.render_with_status(status, &template)
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Query(query): Query<YearQuery>,
) -> Result<Response, AppError> {
    let year = query.year();
    // Officers and collectors plan for their own division.
    let division = staff.caller().own_division().unwrap_or_default().to_owned();
    let form = ActivityFields { kind: Kind::Seminar.code().into(), division, ..ActivityFields::default() };
    render_list(&state, &page, &staff, year, form, &[]).await
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    let form = ActivityFields::from_form(&multipart)?;
    let year = FiscalYear::of(OffsetDateTime::now_utc());
    let (input, mut errors) = form.input();
    let new = match input.parse() {
        Ok(new) if errors.is_empty() => new,
        Ok(_) => return render_list(&state, &page, &staff, year, form, &errors).await,
        Err(more) => {
            errors.extend(more);
            return render_list(&state, &page, &staff, year, form, &errors).await;
        }
    };
    match activities::create(&state.app, &staff.caller(), new).await {
        Ok(id) => Ok(page.redirect(&format!("/staff/activities/{id}"), Flash::Created)),
        Err(ruamjai_app::Error::Invalid(errors)) => {
            render_list(&state, &page, &staff, year, form, &errors).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "engagement/staff/activity.html")]
struct ShowTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    names: Names<'a>,
    a: Activity,
    counts: ActivityCounts,
    registrations: Vec<RegistrationView>,
    statuses: [Status; 4],
    can_write: bool,
    /// The directory to invite from (empty for roles that may not see it).
    directory: Vec<Organisation>,
    invited_count: usize,
    /// What the last invitation did, shown once after the redirect.
    invited: Option<String>,
}

impl ShowTemplate<'_> {
    fn targets(&self, group: &str) -> bool {
        self.a.group_codes.iter().any(|g| g == group)
    }
}

#[derive(Deserialize)]
struct ShowQuery {
    invited: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<ShowQuery>,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let caller = staff.caller();
    let (a, counts) = activities::detail(&state.app, &caller, id).await?;
    let can_write = activities::may_write(&caller, &a);
    let (directory, invited_count) = if can_write {
        (
            directory::list(&state.app, &caller, None).await?,
            invitations::list(&state.app, &caller, id).await?.len(),
        )
    } else {
        (Vec::new(), 0)
    };
    let template = ShowTemplate {
        page: &page,
        nav: nav_for(&staff),
        names: Names { locale: page.locale, catalog: &catalog },
        a,
        counts,
        registrations: activities::registrations(&state.app, &caller, id).await?,
        statuses: Status::ALL,
        can_write,
        directory,
        invited_count,
        invited: query.invited,
    };
    page.render(&template)
}

#[derive(Template)]
#[template(path = "engagement/staff/activity_edit.html")]
struct EditTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: &'a Catalog,
    id: i64,
    form: ActivityFields,
    errors: FormErrors,
    kinds: [Kind; 8],
}

impl EditTemplate<'_> {}

async fn render_edit(
    state: &AppState,
    page: &Page,
    staff: &Staff,
    id: i64,
    form: ActivityFields,
    errors: &[(&'static str, FieldError)],
    status: StatusCode,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let template = EditTemplate {
        page,
        nav: nav_for(staff),
        catalog: &catalog,
        id,
        form,
        errors: FormErrors::of(page.locale, errors),
        kinds: Kind::ALL,
    };
    page.render_with_status(status, &template)
}

async fn edit(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (activity, _) = activities::detail(&state.app, &staff.caller(), id).await?;
    if !activities::may_write(&staff.caller(), &activity) {
        return Err(AppError::Forbidden);
    }
    let form = ActivityFields::of(&activity);
    render_edit(&state, &page, &staff, id, form, &[], StatusCode::OK).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    multipart: CsrfMultipart,
) -> Result<Response, AppError> {
    let form = ActivityFields::from_form(&multipart)?;
    let (input, mut errors) = form.input();
    let refused = StatusCode::UNPROCESSABLE_ENTITY;
    let new = match input.parse() {
        Ok(new) if errors.is_empty() => new,
        Ok(_) => return render_edit(&state, &page, &staff, id, form, &errors, refused).await,
        Err(more) => {
            errors.extend(more);
            return render_edit(&state, &page, &staff, id, form, &errors, refused).await;
        }
    };
    match activities::update(&state.app, &staff.caller(), id, new).await {
        Ok(_) => Ok(page.redirect(&format!("/staff/activities/{id}"), Flash::Saved)),
        Err(ruamjai_app::Error::Invalid(errors)) => {
            render_edit(&state, &page, &staff, id, form, &errors, refused).await
        }
        Err(ruamjai_app::Error::ConflictOn { field, reason, .. }) => {
            render_edit(&state, &page, &staff, id, form, &[(field, reason)], StatusCode::CONFLICT).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
struct StatusForm {
    #[serde(default)]
    status: String,
}

async fn set_status(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response, AppError> {
    let status = Status::parse(&form.status).map_err(|e| AppError::Invalid(vec![("status", e)]))?;
    activities::set_status(&state.app, &staff.caller(), id, status).await?;
    Ok(page.redirect(&format!("/staff/activities/{id}"), Flash::Saved))
}
