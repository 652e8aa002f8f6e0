//! A work manual's details after it was started: who it is addressed to
//! may change at any time (those who join are asked to read it); its code
//! and titles only until a revision goes to review, since a revision's hash
//! and its printed pages carry them.

use ruamjai_domain::accounts::NamedErrors;
use ruamjai_domain::accounts::policy::Action as Policy;
use ruamjai_domain::work_manual::control::Stage;
use ruamjai_domain::work_manual::{DocumentCode, Draft};
use ruamjai_store::work_manuals::{WorkManualDetails, WorkManualRecord};

use super::{audience, line, may, open, write_draft};
use crate::{App, Caller, Error, Result};

/// A manual's details as asked for, before they are checked.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub code: String,
    pub title_th: String,
    pub title_en: String,
    pub roles: Vec<String>,
    pub divisions: Vec<String>,
}

impl From<&WorkManualRecord> for Details {
    fn from(record: &WorkManualRecord) -> Self {
        Self {
            code: record.code.clone(),
            title_th: record.title_th.clone(),
            title_en: record.title_en.clone(),
            roles: record.audience.roles.iter().map(|r| r.as_str().to_owned()).collect(),
            divisions: record.audience.divisions.clone(),
        }
    }
}

/// Changes the manual's code, titles and audience; an open draft is
/// hashed again under its new code and titles.
#[tracing::instrument(skip(app, caller, details))]
pub async fn update_details(
    app: &App,
    caller: &Caller,
    id: i64,
    details: Details,
) -> Result<WorkManualRecord> {
    let record = app.store().work_manual(id).await?;
    let actor = may(caller, &record, Policy::Write)?;
    let catalog = app.catalog().await?;
    let mut errors: NamedErrors = Vec::new();
    let mut check = |field: &str, result: std::result::Result<String, _>| {
        result.map_err(|e| errors.push((field.to_owned(), e))).unwrap_or_default()
    };
    let title_th = check("title_th", line(&details.title_th, true));
    let title_en = check("title_en", line(&details.title_en, false));
    let code = check("code", DocumentCode::parse(&details.code).map(|c| c.as_str().to_owned()));
    let audience = audience(&catalog, &details.roles, &details.divisions).map_err(|e| errors.push(e)).ok();
    let (Some(audience), true) = (audience, errors.is_empty()) else {
        return Err(Error::InvalidItems(errors));
    };
    let revisions = app.store().work_manual_revisions(id).await?;
    let renamed = (&code, &title_th, &title_en) != (&record.code, &record.title_th, &record.title_en);
    if renamed && revisions.iter().any(|r| r.stage != Stage::Draft) {
        return Err(Error::Conflict("details-fixed"));
    }
    let new =
        WorkManualDetails { code: &code, title_th: &title_th, title_en: &title_en, audience: &audience };
    let updated = app.store().update_work_manual_details(&actor, id, &new).await?;
    if renamed && let Some(draft) = open(&revisions) {
        let draft = Draft {
            content: draft.content()?,
            change_summary: draft.change_summary.clone(),
            requires_reading: draft.requires_reading,
            change: draft.change.clone(),
        };
        write_draft(app, &actor, &updated, &draft).await?;
    }
    app.work_manuals_changed();
    Ok(updated)
}
