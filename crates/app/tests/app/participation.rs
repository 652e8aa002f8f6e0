//! Submissions: filed by the public or logged by any working role, read and
//! worked by their service's division, read by evaluators without the
//! submitter's contacts.

use ruamjai_app::participation::filing::{self, Retry};
use ruamjai_app::participation::{inbox, reports};
use ruamjai_app::{App, Error};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::participation::report::Period;
use ruamjai_domain::participation::submission::{NewSubmission, SubmissionInput};
use ruamjai_domain::participation::{Channel, Status};
use ruamjai_store::participation::{InboxFilter, Step};

use crate::support::{public, staff};

crate::app_tests!(
    a_submission_is_read_and_worked_by_its_services_division_only,
    evaluators_read_submissions_without_the_submitters_contacts,
    any_working_role_logs_a_call_and_it_lands_in_the_services_division,
    a_retried_public_filing_returns_the_first_code_and_token,
    every_staff_role_reads_the_whole_centers_participation_report_and_the_public_none,
    a_submission_is_assigned_only_to_a_colleague_who_may_work_it,
);

/// A complaint about video conferencing (the Communication Technology division's service).
fn complaint(channel: Channel) -> NewSubmission {
    SubmissionInput {
        kind: "complaint".into(),
        service: "video-conference".into(),
        group: "provinces".into(),
        subject: "ภาพค้างระหว่างประชุม".into(),
        details: "ภาพและเสียงขาดหายทุก 10 นาที".into(),
        contact_name: "สมชาย ใจดี".into(),
        contact_email: "somchai@example.com".into(),
        contact_phone: String::new(),
    }
    .parse(channel)
    .expect("a valid complaint")
}

fn note(text: &str) -> Step<'_> {
    Step { to: None, text: Some(text), public: false }
}

async fn a_submission_is_read_and_worked_by_its_services_division_only(app: App) {
    let receipt = filing::file(&app, &public(1), &complaint(Channel::Web), &[], None).await.unwrap();
    let code = receipt.filed.code.to_string();
    let division = inbox::detail(&app, &staff(&app, "d@ict.go.th", Role::Director, None).await, &code)
        .await
        .unwrap()
        .division_code;
    let ours = staff(&app, "ours@ict.go.th", Role::Officer, Some(&division)).await;
    let theirs = staff(&app, "theirs@ict.go.th", Role::Officer, Some("strategy")).await;
    assert_ne!(division, "strategy");

    assert!(matches!(inbox::detail(&app, &theirs, &code).await, Err(Error::Forbidden)));
    assert!(matches!(inbox::step(&app, &theirs, &code, note("ดูให้")).await, Err(Error::Forbidden)));
    assert!(inbox::page(&app, &theirs, &InboxFilter::default(), None, 50).await.unwrap().is_empty());
    assert_eq!(inbox::page(&app, &ours, &InboxFilter::default(), None, 50).await.unwrap().len(), 1);

    let in_progress = Step { to: Some(Status::InProgress), text: None, public: false };
    let (_, status) = inbox::step(&app, &ours, &code, in_progress).await.unwrap();
    assert_eq!(status, Status::InProgress);
    let empty = inbox::step(&app, &ours, &code, note("  ")).await;
    assert!(matches!(empty, Err(Error::Invalid(ref f)) if f[0].0 == "text"), "{empty:?}");
    assert!(matches!(inbox::detail(&app, &ours, "RJ-0000-bad").await, Err(Error::NotFound)));
}

async fn evaluators_read_submissions_without_the_submitters_contacts(app: App) {
    let receipt = filing::file(&app, &public(1), &complaint(Channel::Web), &[], None).await.unwrap();
    let code = receipt.filed.code.to_string();
    let evaluator = staff(&app, "eval@ict.go.th", Role::Evaluator, None).await;
    let seen = inbox::detail(&app, &evaluator, &code).await.unwrap();
    assert_eq!((&seen.contact_name, &seen.contact_email), (&None, &None));
    assert_eq!(seen.subject, "ภาพค้างระหว่างประชุม", "the matter itself is evidence");
    assert!(!inbox::may_work(&evaluator, &seen));
    assert!(matches!(inbox::assign(&app, &evaluator, &code, None).await, Err(Error::Forbidden)));
    let director = staff(&app, "d@ict.go.th", Role::Director, None).await;
    let full = inbox::detail(&app, &director, &code).await.unwrap();
    assert_eq!(full.contact_email.as_deref(), Some("somchai@example.com"));
}

async fn any_working_role_logs_a_call_and_it_lands_in_the_services_division(app: App) {
    let strategy = staff(&app, "s@ict.go.th", Role::Officer, Some("strategy")).await;
    let logged = filing::file(&app, &strategy, &complaint(Channel::Telephone), &[], None).await.unwrap();
    let director = staff(&app, "d@ict.go.th", Role::Director, None).await;
    let detail = inbox::detail(&app, &director, &logged.filed.code.to_string()).await.unwrap();
    assert_ne!(detail.division_code, "strategy", "it belongs to the service's division");
    assert_eq!(detail.channel, Channel::Telephone);
    let evaluator = staff(&app, "eval@ict.go.th", Role::Evaluator, None).await;
    let refused = filing::file(&app, &evaluator, &complaint(Channel::Telephone), &[], None).await;
    assert!(matches!(refused, Err(Error::Forbidden)));
}

async fn a_retried_public_filing_returns_the_first_code_and_token(app: App) {
    let retry = Retry { key: "0f9c5d7e-retry", body: b"{\"same\":true}" };
    let first = filing::file(&app, &public(1), &complaint(Channel::Api), &[], Some(retry)).await.unwrap();
    let again = filing::file(&app, &public(1), &complaint(Channel::Api), &[], Some(retry)).await.unwrap();
    assert_eq!((first.filed.code, &first.token), (again.filed.code, &again.token));
    let other = Retry { key: "0f9c5d7e-retry", body: b"{\"same\":false}" };
    let reused = filing::file(&app, &public(1), &complaint(Channel::Api), &[], Some(other)).await;
    assert!(matches!(reused, Err(Error::Invalid(_) | Error::Conflict(_))), "{reused:?}");
}

async fn every_staff_role_reads_the_whole_centers_participation_report_and_the_public_none(app: App) {
    filing::file(&app, &public(1), &complaint(Channel::Web), &[], None).await.unwrap();
    let period = Period { year: FiscalYear::of(time::OffsetDateTime::now_utc()), half: None };
    // The report holds counts, not people: an officer of another division
    // reads the Center's, as the page always showed it.
    for caller in [
        staff(&app, "strategy@ict.go.th", Role::Officer, Some("strategy")).await,
        staff(&app, "eval@opdc.go.th", Role::Evaluator, None).await,
    ] {
        let report = reports::of(&app, &caller, period).await.unwrap();
        assert_eq!((report.total, report.open), (1, 1));
    }
    assert!(matches!(reports::of(&app, &public(1), period).await, Err(Error::Unauthenticated)));
}

async fn a_submission_is_assigned_only_to_a_colleague_who_may_work_it(app: App) {
    let receipt = filing::file(&app, &public(1), &complaint(Channel::Web), &[], None).await.unwrap();
    let code = receipt.filed.code.to_string();
    let director = staff(&app, "d@ict.go.th", Role::Director, None).await;
    let division = inbox::detail(&app, &director, &code).await.unwrap().division_code;
    staff(&app, "ours@ict.go.th", Role::Officer, Some(&division)).await;
    staff(&app, "theirs@ict.go.th", Role::Officer, Some("strategy")).await;
    staff(&app, "eval@opdc.go.th", Role::Evaluator, None).await;
    let detail = inbox::detail(&app, &director, &code).await.unwrap();
    let mut names: Vec<String> =
        inbox::assignees(&app, &detail).await.unwrap().into_iter().map(|u| u.email).collect();
    names.sort();
    assert_eq!(names, ["d@ict.go.th", "ours@ict.go.th"], "the division's officer and the director");

    let users = app.store().list_users().await.unwrap();
    let id_of = |email: &str| users.iter().find(|u| u.email == email).unwrap().id;
    for outsider in ["theirs@ict.go.th", "eval@opdc.go.th"] {
        let refused = inbox::assign(&app, &director, &code, Some(id_of(outsider))).await;
        assert!(
            matches!(refused, Err(Error::Invalid(ref f)) if f[0].0 == "assignee"),
            "{outsider}: {refused:?}"
        );
    }
    inbox::assign(&app, &director, &code, Some(id_of("ours@ict.go.th"))).await.unwrap();
}
