//! The staff navigation: what a role may open, in menu order.

use crate::auth::session::Staff;

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
