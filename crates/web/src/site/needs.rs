//! The staff home's "what needs you": each waiting thing as a sentence in
//! the reader's language, linked to the list or record behind it.

use ruamjai_app::home::Need;
use ruamjai_domain::catalog::Catalog;

use crate::page::Page;

pub struct NeedLine {
    pub text: String,
    pub href: String,
    /// Past a deadline: shown first and marked.
    pub late: bool,
}

pub fn lines(page: &Page, catalog: &Catalog, needs: &[Need]) -> Vec<NeedLine> {
    needs.iter().map(|need| line(page, catalog, need)).collect()
}

fn line(page: &Page, catalog: &Catalog, need: &Need) -> NeedLine {
    let t = |key: &str, count: u64| page.locale.ta(key, &[("count", count.into())]);
    let plain = |text: String, href: &str| NeedLine { text, href: href.to_owned(), late: false };
    match need {
        Need::Overdue { overdue, escalated } => NeedLine {
            text: page
                .locale
                .ta("needs-overdue", &[("overdue", (*overdue).into()), ("escalated", (*escalated).into())]),
            href: "/staff/inbox?show=overdue".into(),
            late: true,
        },
        Need::Open(n) => plain(t("needs-open", *n), "/staff/inbox?show=open"),
        Need::AssignedToMe(n) => plain(t("needs-assigned", *n), "/staff/inbox?show=open&assignee=me"),
        Need::CommentsToModerate(n) => plain(t("needs-comments", *n), "/staff/consultations"),
        Need::CitizenManualsToApprove(n) => plain(t("needs-citizen-manuals", *n), "/staff/manuals"),
        Need::WorkManualsToReview(n) => plain(t("needs-work-manuals-review", *n), "/staff/work-manuals"),
        Need::WorkManualsToApprove(n) => plain(t("needs-work-manuals-approve", *n), "/staff/work-manuals"),
        Need::FollowUpsDue(n) => plain(t("needs-follow-ups", *n), "/staff/activities"),
        Need::ReadersMissing { manual_id, code, acknowledged, readers } => plain(
            page.locale.ta(
                "needs-readers",
                &[
                    ("code", code.clone().into()),
                    ("acknowledged", (*acknowledged).into()),
                    ("readers", (*readers).into()),
                ],
            ),
            &format!("/staff/work-manuals/{manual_id}"),
        ),
        Need::ShortOfSample { survey_id, survey, group, achieved, required } => plain(
            page.locale.ta(
                "needs-sample",
                &[
                    ("survey", survey.clone().into()),
                    ("group", group.clone().into()),
                    ("achieved", (*achieved).into()),
                    ("required", (*required).into()),
                ],
            ),
            &format!("/staff/surveys/{survey_id}/report"),
        ),
        Need::BelowStandard { service, satisfied_pct, min_pct } => {
            let name = catalog
                .service(service)
                .map_or_else(|| service.clone(), |s| page.pick(&s.name_th, &s.name_en).to_owned());
            plain(
                page.locale.ta(
                    "needs-standard",
                    &[
                        ("service", name.into()),
                        ("satisfied", format!("{satisfied_pct:.1}").into()),
                        ("min", format!("{min_pct:.1}").into()),
                    ],
                ),
                "/staff/service-standards",
            )
        }
        Need::ActivityThisWeek(activity) => plain(
            page.locale.ta(
                "needs-activity",
                &[
                    ("title", activity.title.clone().into()),
                    ("when", page.locale.datetime(activity.starts_at).into()),
                ],
            ),
            &format!("/staff/activities/{}", activity.id),
        ),
    }
}
