//! The staff home: the dashboard and the navigation for the signed-in role.

use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;

use ruamjai_app::home;
use ruamjai_app::manuals::work;
use ruamjai_domain::accounts::Role;

use super::needs::{NeedLine, lines};
use crate::auth::session::Staff;
use crate::kit::{NavItem, nav_for};
use crate::kpi::home::{Panel, panel};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff", get(dashboard))
}

#[derive(Template)]
#[template(path = "site/dashboard.html")]
struct DashboardTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    division_name: Option<String>,
    /// Work manuals in force that the signed-in account is asked to read.
    to_read: Vec<work::ToRead>,
    /// Work manuals the account answers for that are past their yearly review.
    overdue: Vec<work::Summary>,
    /// The indicator's level now and what blocks the next one.
    kpi: Option<Panel>,
    /// What waits on the signed-in account, each linked to its list.
    needs: Vec<NeedLine>,
    /// Evaluators read evidence; no work waits on them.
    asks_work: bool,
}

impl DashboardTemplate<'_> {
    fn title(&self, th: &str, en: &str) -> String {
        self.page.pick(th, en).to_owned()
    }
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
    let caller = staff.caller();
    let to_read = work::to_read(&state.app, &caller).await?;
    let overdue = work::reviews_overdue(&state.app, &caller).await?;
    let kpi = panel(&state, &page, &caller).await?;
    let needs = lines(&page, &catalog, &home::needs(&state.app, &caller).await?);
    page.render(&DashboardTemplate {
        page: &page,
        nav: nav_for(&staff),
        division_name,
        to_read,
        overdue,
        kpi,
        needs,
        asks_work: staff.user().role != Role::Evaluator,
    })
}
