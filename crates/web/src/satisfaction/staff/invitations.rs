//! How a token survey invites, per service, the people whose requests were
//! resolved: the share drawn, the hours before the mail goes, and the days
//! its single-use link stays valid. The invitations themselves are queued
//! by the server's worker (`Store::invite_resolved_requests`).

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use ruamjai_app::satisfaction::surveys;
use ruamjai_domain::satisfaction::invitation::InvitationRule;
use ruamjai_store::satisfaction::Survey;

use super::surveys::{FilterQuery, Shown, render_report};
use crate::auth::csrf::CsrfMultipart;
use crate::auth::session::Staff;
use crate::error::field_message;
use crate::kit::Names;
use crate::page::Page;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/surveys/{id}/invitations", post(save))
}

/// A service's rule as the form shows it.
pub(crate) struct RuleRow {
    pub(crate) service: String,
    pub(crate) rate: String,
    pub(crate) delay: String,
    pub(crate) expiry: String,
}

pub(super) async fn rule_rows(state: &AppState, survey: &Survey) -> Result<Vec<RuleRow>, AppError> {
    let rules = state.store.invitation_rules(survey.id).await?;
    Ok(rules
        .into_iter()
        .map(|(service, r)| RuleRow {
            service,
            rate: r.rate_pct.to_string(),
            delay: r.delay_hours.to_string(),
            expiry: r.expiry_days.to_string(),
        })
        .collect())
}

async fn save(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    form: CsrfMultipart,
) -> Result<Response, AppError> {
    let survey = surveys::of(&state.app, &staff.caller(), id).await?;
    let typed: Vec<RuleRow> = (survey.service_codes.iter())
        .map(|s| RuleRow {
            service: s.clone(),
            rate: form.values(&format!("rate-{s}")).concat(),
            delay: form.values(&format!("delay-{s}")).concat(),
            expiry: form.values(&format!("expiry-{s}")).concat(),
        })
        .collect();
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for row in &typed {
        match InvitationRule::parse(&row.rate, &row.delay, &row.expiry) {
            Ok(rule) => rules.push((row.service.clone(), rule)),
            Err(refused) => errors.extend(refused.into_iter().map(|(field, e)| {
                let name = field.split('_').next().unwrap_or(field);
                (format!("{name}-{}", row.service), field_message(page.locale, &e))
            })),
        }
    }
    if !errors.is_empty() {
        let shown = Shown { typed_rules: Some((typed, errors)), ..Shown::default() };
        return render_report(&state, &page, &staff, id, FilterQuery::default(), shown).await;
    }
    surveys::set_invitation_rules(&state.app, &staff.caller(), id, &rules).await?;
    Ok(Redirect::to(&format!("/staff/surveys/{id}?rules_saved=true#invitations")).into_response())
}

impl RuleRow {
    pub(crate) fn service_name(&self, names: &Names) -> String {
        names.service(&self.service)
    }

    /// Each box: its field name, its label's key, and its value.
    pub(crate) fn cells(&self) -> [(String, &'static str, &str); 3] {
        [
            (format!("rate-{}", self.service), "survey-invite-rate", &self.rate),
            (format!("delay-{}", self.service), "survey-invite-delay", &self.delay),
            (format!("expiry-{}", self.service), "survey-invite-expiry", &self.expiry),
        ]
    }
}
