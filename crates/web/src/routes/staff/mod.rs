//! The staff area: a dashboard and navigation by role. Each later milestone
//! adds its own pages here.

pub(crate) mod activities;
mod activity_report;
mod audit;
mod catalog;
pub(crate) mod check_in;
mod consultations;
mod directory;
mod improvements;
pub(crate) mod inbox;
pub(crate) mod invitations;
mod manuals;
mod outbox;
mod outcomes;
mod questionnaires;
mod reports;
mod submissions;
mod survey_exports;
mod survey_filter;
mod survey_intake;
mod survey_invitations;
mod survey_launch;
mod survey_print;
mod survey_responses;
mod survey_summary;
mod survey_trend;
pub(crate) mod surveys;
mod targets;
mod users;
mod you_said;

use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;

use crate::auth::session::Staff;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff", get(dashboard))
        .merge(catalog::router())
        .merge(inbox::router())
        .merge(submissions::router())
        .merge(targets::router())
        .merge(users::router())
        .merge(audit::router())
        .merge(outbox::router())
        .merge(reports::router())
        .merge(consultations::router())
        .merge(you_said::router())
        .merge(activities::router())
        .merge(check_in::router())
        .merge(outcomes::router())
        .merge(activity_report::router())
        .merge(directory::router())
        .merge(invitations::router())
        .merge(surveys::router())
        .merge(questionnaires::router())
        .merge(survey_invitations::router())
        .merge(survey_launch::router())
        .merge(survey_responses::router())
        .merge(survey_intake::router())
        .merge(survey_exports::router())
        .merge(survey_print::router())
        .merge(improvements::router())
        .merge(manuals::router())
}

/// `?year=2570`: a fiscal year by its B.E. name, the current one by default.
#[derive(serde::Deserialize)]
pub(crate) struct YearQuery {
    year: Option<i32>,
}

impl YearQuery {
    pub(crate) fn year(&self) -> ruamjai_domain::calendar::FiscalYear {
        use ruamjai_domain::calendar::FiscalYear;
        self.year.map_or_else(|| FiscalYear::of(time::OffsetDateTime::now_utc()), FiscalYear::from_be)
    }
}

/// A `datetime-local` field read as Bangkok time: `None` when empty, and
/// when it does not parse (after recording why under `field`).
pub(crate) fn local_instant(
    errors: &mut Vec<(&'static str, ruamjai_domain::accounts::FieldError)>,
    field: &'static str,
    raw: &str,
) -> Option<time::OffsetDateTime> {
    match (raw.trim(), ruamjai_domain::calendar::parse_instant(raw)) {
        ("", _) => None,
        (_, None) => {
            errors.push((field, ruamjai_domain::accounts::FieldError::InvalidDate));
            None
        }
        (_, parsed) => parsed,
    }
}

/// One entry of the staff navigation.
pub struct NavItem {
    pub href: &'static str,
    pub label_key: &'static str,
}

/// What this role may open, in menu order.
pub fn nav_for(staff: &Staff) -> Vec<NavItem> {
    let role = staff.user().role;
    let mut items = vec![
        NavItem { href: "/staff", label_key: "nav-dashboard" },
        NavItem { href: "/staff/inbox", label_key: "nav-inbox" },
        NavItem { href: "/staff/consultations", label_key: "nav-consultations" },
        NavItem { href: "/staff/you-said-we-did", label_key: "nav-you-said" },
        NavItem { href: "/staff/activities", label_key: "nav-activities" },
        NavItem { href: "/staff/surveys", label_key: "nav-surveys" },
        NavItem { href: "/staff/improvements", label_key: "nav-improvements" },
        NavItem { href: "/staff/service-standards", label_key: "nav-standards" },
        NavItem { href: "/staff/manuals", label_key: "nav-manuals" },
        NavItem { href: "/staff/reports", label_key: "nav-reports" },
    ];
    if role.can_write() {
        items.insert(9, NavItem { href: "/staff/directory", label_key: "nav-directory" });
        items.push(NavItem { href: "/staff/submissions/new", label_key: "nav-log-submission" });
    }
    if role.can_administer() {
        items.push(NavItem { href: "/staff/catalog", label_key: "nav-catalog" });
        items.push(NavItem { href: "/staff/users", label_key: "nav-users" });
        items.push(NavItem { href: "/staff/service-targets", label_key: "nav-targets" });
        items.push(NavItem { href: "/staff/outbox", label_key: "nav-outbox" });
    }
    if role.can_read_audit() {
        items.push(NavItem { href: "/staff/audit", label_key: "nav-audit" });
    }
    items.push(NavItem { href: "/api/docs", label_key: "nav-api" });
    items
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct DashboardTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    division_name: Option<String>,
}

async fn dashboard(
    axum::extract::State(state): axum::extract::State<AppState>,
    page: Page,
    staff: Staff,
) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let division_name = staff
        .user()
        .division_code
        .as_deref()
        .and_then(|code| catalog.division(code))
        .map(|d| page.pick(&d.name_th, &d.name_en).to_owned());
    page.render(&DashboardTemplate { page: &page, nav: nav_for(&staff), division_name })
}
