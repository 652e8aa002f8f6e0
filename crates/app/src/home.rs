//! "What needs me": each role's home, the work waiting on the signed-in
//! account, counted where it is kept. The director sees what waits for
//! approval and where the year's evidence falls short; a collector the
//! division's overdue matters and drafts to review; an officer the matters
//! assigned and the week's activities. The indicator itself is `kpi`'s.

use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::{FiscalYear, bangkok_date, bangkok_midnight};
use ruamjai_domain::satisfaction::improvement::{Measured, Standard};
use ruamjai_store::kpi::facts::AsOf;
use ruamjai_store::needs::{Matters, NeedsScope, Queues, Upcoming};

use ruamjai_store::accounts::StaffUser;

use crate::{App, Caller, Result};

/// One thing waiting, with what it counts.
#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// Unanswered past the reply target; some of them escalated.
    Overdue {
        overdue: u64,
        escalated: u64,
    },
    Open(u64),
    AssignedToMe(u64),
    CommentsToModerate(u64),
    CitizenManualsToApprove(u64),
    WorkManualsToReview(u64),
    WorkManualsToApprove(u64),
    FollowUpsDue(u64),
    /// A work manual in force whose audience has not all acknowledged it.
    ReadersMissing {
        manual_id: i64,
        code: String,
        acknowledged: u64,
        readers: u64,
    },
    /// A survey group of known size with fewer answers than its sample.
    ShortOfSample {
        survey_id: i64,
        survey: String,
        group: String,
        achieved: u64,
        required: u64,
    },
    /// A service whose surveys fall short of its satisfaction standard.
    BelowStandard {
        service: String,
        satisfied_pct: f64,
        min_pct: f64,
    },
    ActivityThisWeek(Upcoming),
}

/// The caller's home: what waits, most pressing first; empty when nothing
/// does. Read once a minute between two writes: a matter falls overdue
/// with time alone, and a minute late is soon enough on a home page.
pub async fn needs(app: &App, caller: &Caller) -> Result<Vec<Need>> {
    let Some(user) = caller.staff() else { return Ok(Vec::new()) };
    let minute = app.now().unix_timestamp().div_euclid(60);
    let kept =
        app.caches().needs.get_or_load(app, (user.id, minute), async || read_needs(app, caller, user).await);
    Ok(kept.await?.as_ref().clone())
}

async fn read_needs(app: &App, caller: &Caller, user: &StaffUser) -> Result<Vec<Need>> {
    let now = app.now();
    let today = bangkok_date(now);
    let division = caller.own_division();
    let scope = NeedsScope { division, user_id: Some(user.id) };
    let store = app.store();
    let mut needs = Vec::new();
    if user.role == Role::Evaluator {
        return Ok(needs);
    }
    let matters = store.matters(scope, now).await?;
    let queues = store.queues(scope, today).await?;
    match user.role {
        Role::Director => {
            needs.extend(matter_needs(matters, false));
            needs.extend(approval_needs(queues, Role::Director));
            needs.extend(evidence_needs(app, None, today).await?);
        }
        Role::Collector => {
            needs.extend(matter_needs(matters, false));
            needs.extend(approval_needs(queues, Role::Collector));
            needs.extend(evidence_needs(app, division, today).await?);
        }
        Role::Officer => {
            needs.extend(matter_needs(matters, true));
            let week = store.activities_this_week(scope, bangkok_midnight(today)).await?;
            needs.extend(week.into_iter().map(Need::ActivityThisWeek));
        }
        Role::Administrator | Role::Evaluator => needs.extend(matter_needs(matters, false)),
    }
    Ok(needs)
}

fn matter_needs(matters: Matters, assigned: bool) -> Vec<Need> {
    let mut needs = Vec::new();
    if matters.overdue > 0 {
        needs.push(Need::Overdue { overdue: matters.overdue, escalated: matters.escalated });
    }
    if assigned && matters.assigned > 0 {
        needs.push(Need::AssignedToMe(matters.assigned));
    }
    if matters.open > 0 {
        needs.push(Need::Open(matters.open));
    }
    needs
}

/// What the role approves, reviews or moderates.
fn approval_needs(queues: Queues, role: Role) -> Vec<Need> {
    let candidates = match role {
        Role::Director => [
            Need::CitizenManualsToApprove(queues.citizen_manuals_in_review),
            Need::WorkManualsToApprove(queues.work_manuals_reviewed),
            Need::CommentsToModerate(queues.comments_pending),
        ],
        _ => [
            Need::CitizenManualsToApprove(queues.citizen_manuals_in_review),
            Need::WorkManualsToReview(queues.work_manuals_in_review),
            Need::FollowUpsDue(queues.follow_ups_due),
        ],
    };
    candidates.into_iter().filter(|need| need.count() > 0).collect()
}

/// Where the year's evidence falls short, for the whole Center or the
/// services of one division: the same facts the indicator reads, computed
/// once between two writes.
async fn evidence_needs(app: &App, division: Option<&str>, today: time::Date) -> Result<Vec<Need>> {
    let key = (division.map(str::to_owned), today);
    let needs = app
        .caches()
        .evidence_needs
        .get_or_load(app, key, async || read_evidence_needs(app, division, today).await);
    Ok(needs.await?.as_ref().clone())
}

async fn read_evidence_needs(app: &App, division: Option<&str>, today: time::Date) -> Result<Vec<Need>> {
    let store = app.store();
    let catalog = app.catalog().await?;
    let ours = |service: &str| {
        division.is_none_or(|d| catalog.service(service).is_some_and(|s| s.division_code == d))
    };
    let year = FiscalYear::of_date(today);
    let at = AsOf::new(year, today);
    let mut needs = Vec::new();
    for service in store.work_manual_facts(at).await?.services {
        if !ours(&service.service.code) {
            continue;
        }
        for manual in service.manuals.into_iter().filter(|m| m.in_force && m.acknowledged < m.readers) {
            needs.push(Need::ReadersMissing {
                manual_id: manual.id,
                code: manual.code,
                acknowledged: manual.acknowledged,
                readers: manual.readers,
            });
        }
    }
    for survey in store.satisfaction_facts(at).await?.surveys {
        for group in &survey.groups {
            if let Some(required) = group.required().filter(|r| group.achieved < *r) {
                needs.push(Need::ShortOfSample {
                    survey_id: survey.id,
                    survey: survey.name.clone(),
                    group: group.group.name.clone(),
                    achieved: group.achieved,
                    required,
                });
            }
        }
    }
    for (service, standard, measured) in store.satisfaction_against_standards(year).await? {
        if ours(&service)
            && let Some(need) = below_standard(service, &standard, &measured)
        {
            needs.push(need);
        }
    }
    Ok(needs)
}

fn below_standard(service: String, standard: &Standard, measured: &Measured) -> Option<Need> {
    if standard.verdicts(measured).satisfied != Some(false) {
        return None;
    }
    Some(Need::BelowStandard {
        service,
        satisfied_pct: measured.satisfied_pct?,
        min_pct: f64::from(standard.satisfied_min_permille?) / 10.0,
    })
}

impl Need {
    /// How many things it counts (one for a named item).
    pub fn count(&self) -> u64 {
        match self {
            Self::Overdue { overdue: n, .. }
            | Self::Open(n)
            | Self::AssignedToMe(n)
            | Self::CommentsToModerate(n)
            | Self::CitizenManualsToApprove(n)
            | Self::WorkManualsToReview(n)
            | Self::WorkManualsToApprove(n)
            | Self::FollowUpsDue(n) => *n,
            Self::ReadersMissing { .. }
            | Self::ShortOfSample { .. }
            | Self::BelowStandard { .. }
            | Self::ActivityThisWeek(_) => 1,
        }
    }
}
