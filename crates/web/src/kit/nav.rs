//! The staff navigation: what the signed-in role may open, in menu order,
//! read from the policy table so the menu never offers what would be refused.

use ruamjai_domain::accounts::policy::{Action, Subject};

use crate::auth::session::Staff;

/// One entry of the staff navigation.
pub struct NavItem {
    pub href: &'static str,
    pub label_key: &'static str,
}

/// What opening an entry asks of the policy; `None` for every role.
type Asks = Option<(Subject, Action)>;

/// Each entry: its address, its label and what it asks.
const MENU: [(&str, &str, Asks); 19] = [
    ("/staff", "nav-dashboard", None),
    ("/staff/kpi", "nav-kpi", Some((Subject::Indicator, Action::Read))),
    ("/staff/inbox", "nav-inbox", Some((Subject::Submission, Action::Read))),
    ("/staff/consultations", "nav-consultations", Some((Subject::Consultation, Action::Read))),
    ("/staff/you-said-we-did", "nav-you-said", Some((Subject::Submission, Action::Read))),
    ("/staff/activities", "nav-activities", Some((Subject::Activity, Action::Read))),
    ("/staff/surveys", "nav-surveys", Some((Subject::Survey, Action::Read))),
    ("/staff/improvements", "nav-improvements", Some((Subject::ImprovementAction, Action::Read))),
    ("/staff/service-standards", "nav-standards", Some((Subject::ServiceStandard, Action::Read))),
    ("/staff/manuals", "nav-manuals", Some((Subject::CitizenManual, Action::Read))),
    ("/staff/work-manuals", "nav-work-manuals", Some((Subject::WorkManual, Action::Read))),
    ("/staff/directory", "nav-directory", Some((Subject::Directory, Action::Read))),
    ("/staff/reports", "nav-reports", None),
    ("/staff/submissions/new", "nav-log-submission", Some((Subject::Submission, Action::Write))),
    ("/staff/catalog", "nav-catalog", Some((Subject::Catalog, Action::Write))),
    ("/staff/users", "nav-users", Some((Subject::Accounts, Action::Write))),
    ("/staff/service-targets", "nav-targets", Some((Subject::Catalog, Action::Write))),
    ("/staff/outbox", "nav-outbox", Some((Subject::Outbox, Action::Read))),
    ("/staff/audit", "nav-audit", Some((Subject::Audit, Action::Read))),
];

/// What this role may open, in menu order, and the API's documentation.
pub fn nav_for(staff: &Staff) -> Vec<NavItem> {
    let caller = staff.caller();
    MENU.iter()
        .filter(|(_, _, asks)| asks.is_none_or(|(subject, action)| caller.could(subject, action)))
        .map(|(href, label_key, _)| NavItem { href, label_key })
        .chain(std::iter::once(NavItem { href: "/api/docs", label_key: "nav-api" }))
        .collect()
}
