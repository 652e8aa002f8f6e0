//! Administrators set each service's reply and progress targets and keep the
//! holiday calendar for targets counted in working days.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use ruamjai_app::catalog;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::clock::{DayCount, ServiceTargets};
use ruamjai_store::participation::ServiceTargetRow;
use serde::Deserialize;
use time::Date;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::Staff;
use crate::kit::{Flash, NavItem, nav_for};
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/service-targets", get(show))
        .route("/staff/service-targets/{code}", post(set_targets))
        .route("/staff/holidays", post(set_holiday))
}

#[derive(Template)]
#[template(path = "catalog/targets.html")]
struct TargetsTemplate<'a> {
    page: &'a Page,
    nav: Vec<NavItem>,
    catalog: &'a Catalog,
    rows: Vec<ServiceTargetRow>,
    holidays: Vec<(Date, String)>,
}

impl TargetsTemplate<'_> {
    fn service_name(&self, code: &str) -> String {
        let service = self.catalog.services.iter().find(|s| s.code == code);
        service
            .map(|s| format!("{}. {}", s.number, self.page.pick(&s.name_th, &s.name_en)))
            .unwrap_or_default()
    }

    fn is_working(&self, row: &ServiceTargetRow) -> bool {
        row.targets.count == DayCount::Working
    }

    fn be_date(&self, date: &Date) -> String {
        let midday =
            date.with_hms(12, 0, 0).expect("noon exists").assume_offset(ruamjai_domain::calendar::BANGKOK);
        self.page.locale.date(midday)
    }

    fn iso(&self, date: &Date) -> String {
        format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
    }
}

async fn show(State(state): State<AppState>, page: Page, staff: Staff) -> Result<Response, AppError> {
    let catalog = state.catalog().await?;
    let rows = catalog::targets(&state.app, &staff.caller()).await?;
    let holidays = catalog::holidays(&state.app, &staff.caller()).await?;
    page.render(&TargetsTemplate { page: &page, nav: nav_for(&staff), catalog: &catalog, rows, holidays })
}

#[derive(Deserialize)]
struct TargetsForm {
    reply_days: String,
    update_days: String,
    count: String,
}

fn days(field: &'static str, raw: &str) -> Result<u32, AppError> {
    raw.trim().parse().map_err(|_| AppError::Invalid(vec![(field, FieldError::UnknownChoice)]))
}

async fn set_targets(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<TargetsForm>,
) -> Result<Response, AppError> {
    let targets = ServiceTargets {
        reply_days: days("reply_days", &form.reply_days)?,
        update_days: days("update_days", &form.update_days)?,
        count: if form.count == "working" { DayCount::Working } else { DayCount::Calendar },
    };
    catalog::set_targets(&state.app, &staff.caller(), &code, targets).await?;
    Ok(page.redirect("/staff/service-targets", Flash::Saved))
}

#[derive(Deserialize)]
struct HolidayForm {
    day: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    remove: String,
}

async fn set_holiday(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    CsrfForm(form): CsrfForm<HolidayForm>,
) -> Result<Response, AppError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = Date::parse(form.day.trim(), format)
        .map_err(|_| AppError::Invalid(vec![("day", FieldError::Required)]))?;
    let name = form.name.trim();
    let name = if form.remove == "1" {
        None
    } else if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::Invalid(vec![("name", FieldError::Required)]));
    } else {
        Some(name)
    };
    catalog::set_holiday(&state.app, &staff.caller(), day, name).await?;
    Ok(page.redirect("/staff/service-targets#holidays", Flash::Saved))
}
