//! Activities: each division works its own, the director every one,
//! evaluators read without the public's personal data.

use ruamjai_app::engagement::{activities, attendance, directory, invitations, registrations};
use ruamjai_app::{App, Caller, Error};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::engagement::activity::{ActivityInput, NewActivity, Status};
use ruamjai_domain::engagement::registration::RegistrationInput;
use ruamjai_store::engagement::{ActivityFilter, Invitees, Place};
use time::{Duration, OffsetDateTime};

use crate::support::{public, staff};

crate::app_tests!(
    an_officer_works_the_activities_of_their_own_division_only,
    an_activity_planned_without_a_division_is_the_planners_division,
    evaluators_read_activities_without_the_publics_names_and_contacts,
    the_public_registers_within_its_write_limit_and_is_mailed_a_confirmation,
    check_in_and_walk_ins_are_for_those_who_work_the_activity,
    the_directory_is_shared_by_every_division_and_closed_to_evaluators,
);

fn seminar(division: &str) -> NewActivity {
    let now = OffsetDateTime::now_utc();
    ActivityInput {
        title: "สัมมนาความร่วมมือด้าน ICT".into(),
        kind: "seminar".into(),
        starts_at: Some(now + Duration::days(7)),
        ends_at: Some(now + Duration::days(7) + Duration::hours(6)),
        venue: "ศาลาว่าการกระทรวงมหาดไทย".into(),
        capacity: "2".into(),
        group_codes: vec!["provinces".into()],
        service_codes: vec!["video-conference".into()],
        registration_opens_at: Some(now - Duration::days(1)),
        registration_closes_at: Some(now + Duration::days(5)),
        division_code: division.into(),
    }
    .parse()
    .expect("a valid seminar")
}

fn person(email: &str) -> ruamjai_domain::engagement::registration::NewRegistration {
    RegistrationInput {
        name: "ผู้แทนจังหวัด".into(),
        organisation: "ศาลากลางจังหวัดเชียงใหม่".into(),
        group: "provinces".into(),
        email: email.into(),
        phone: String::new(),
    }
    .parse()
    .expect("a valid person")
}

async fn officers(app: &App) -> (Caller, Caller) {
    let it = staff(app, "it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let infra = staff(app, "infra@ict.go.th", Role::Officer, Some("infrastructure")).await;
    (it, infra)
}

async fn an_officer_works_the_activities_of_their_own_division_only(app: App) {
    let (it, infra) = officers(&app).await;
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let id = activities::create(&app, &it, seminar("information-technology")).await.unwrap();

    let mut renamed = seminar("information-technology");
    renamed.title = ruamjai_domain::text::Text::line("ชื่อใหม่", 200).unwrap();
    let refused = activities::update(&app, &infra, id, renamed.clone()).await;
    assert!(matches!(refused, Err(Error::Forbidden)), "{refused:?}");
    assert!(matches!(
        activities::set_status(&app, &infra, id, Status::Cancelled).await,
        Err(Error::Forbidden)
    ));
    let groups = ["provinces".to_owned()];
    let invitees = Invitees { group_codes: &groups, contact_ids: &[] };
    assert!(matches!(invitations::invite(&app, &infra, id, invitees).await, Err(Error::Forbidden)));
    assert!(
        matches!(
            activities::create(&app, &infra, seminar("information-technology")).await,
            Err(Error::Forbidden)
        ),
        "nor plan one for another division"
    );
    let moved = activities::update(&app, &it, id, seminar("infrastructure")).await;
    assert!(matches!(moved, Err(Error::Forbidden)), "nor hand one over to another division");

    assert_eq!(activities::update(&app, &director, id, renamed).await.unwrap().title, "ชื่อใหม่");
    let year = ruamjai_domain::calendar::FiscalYear::of(OffsetDateTime::now_utc());
    let listed = activities::list(&app, &infra, ActivityFilter::FiscalYear(year)).await.unwrap();
    assert_eq!(listed.len(), 1, "reading is open to every division");
}

async fn an_activity_planned_without_a_division_is_the_planners_division(app: App) {
    let (it, infra) = officers(&app).await;
    let id = activities::create(&app, &it, seminar("")).await.unwrap();
    let (activity, _) = activities::detail(&app, &it, id).await.unwrap();
    assert_eq!(activity.division_code.as_deref(), Some("information-technology"));
    assert!(activities::may_write(&it, &activity) && !activities::may_write(&infra, &activity));

    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let center = activities::create(&app, &director, seminar("")).await.unwrap();
    let (activity, _) = activities::detail(&app, &director, center).await.unwrap();
    assert_eq!(activity.division_code, None, "the director's own is the Center's");
    assert!(!activities::may_write(&it, &activity));
}

async fn evaluators_read_activities_without_the_publics_names_and_contacts(app: App) {
    let (it, _) = officers(&app).await;
    let evaluator = staff(&app, "eval@ict.go.th", Role::Evaluator, None).await;
    let id = activities::create(&app, &it, seminar("information-technology")).await.unwrap();
    registrations::register(&app, &public(1), id, &person("a@example.com")).await.unwrap();

    let seen = activities::registrations(&app, &it, id).await.unwrap();
    assert_eq!(seen[0].email.as_deref(), Some("a@example.com"));
    let masked = activities::registrations(&app, &evaluator, id).await.unwrap();
    assert_eq!((masked.len(), &masked[0].name, &masked[0].email, &masked[0].phone), (1, &None, &None, &None));
    assert_eq!(masked[0].organisation.as_deref(), Some("ศาลากลางจังหวัดเชียงใหม่"), "the agency stays");
    let refused = activities::set_status(&app, &evaluator, id, Status::Held).await;
    assert!(matches!(refused, Err(Error::Forbidden)));
}

async fn the_public_registers_within_its_write_limit_and_is_mailed_a_confirmation(app: App) {
    let (it, _) = officers(&app).await;
    let id = activities::create(&app, &it, seminar("information-technology")).await.unwrap();
    let first = registrations::register(&app, &public(1), id, &person("a@example.com")).await.unwrap();
    let second = registrations::register(&app, &public(1), id, &person("b@example.com")).await.unwrap();
    let third = registrations::register(&app, &public(1), id, &person("c@example.com")).await.unwrap();
    assert_eq!(
        (first.place, second.place, third.place),
        (Place::Registered, Place::Registered, Place::Waitlisted)
    );
    let over = registrations::register(&app, &public(1), id, &person("d@example.com")).await;
    assert!(matches!(over, Err(Error::TooManyRequests { .. })), "{over:?}");
    registrations::register(&app, &public(2), id, &person("d@example.com")).await.expect("another address");

    let (found, activity) = registrations::by_token(&app, &first.token).await.unwrap();
    assert_eq!((found.code, activity.id), (first.code, id));
    registrations::cancel(&app, &first.token).await.unwrap();
    let places: Vec<_> =
        activities::registrations(&app, &it, id).await.unwrap().iter().map(|r| r.place).collect();
    assert_eq!(
        places[..3],
        [Place::Cancelled, Place::Registered, Place::Registered],
        "the waitlist moved up"
    );
    let mails = app.store().outbox(100).await.unwrap();
    assert!(mails.iter().filter(|m| m.recipient == "a@example.com").count() >= 1, "a confirmation went out");
}

async fn check_in_and_walk_ins_are_for_those_who_work_the_activity(app: App) {
    let (it, infra) = officers(&app).await;
    let id = activities::create(&app, &it, seminar("information-technology")).await.unwrap();
    let taken = registrations::register(&app, &public(1), id, &person("a@example.com")).await.unwrap();
    let code = taken.code.to_string();
    assert!(matches!(attendance::check_in(&app, &infra, id, &code).await, Err(Error::Forbidden)));
    let checked = attendance::check_in(&app, &it, id, &code.to_lowercase()).await.unwrap();
    assert!(checked.checked_in_at.is_some());
    let again = attendance::check_in(&app, &it, id, &code).await;
    assert!(matches!(again, Err(Error::Conflict("already-checked-in"))), "{again:?}");
    let wrong = attendance::check_in(&app, &it, id, "??").await;
    assert!(matches!(wrong, Err(Error::Invalid(ref f)) if f[0].0 == "code"), "{wrong:?}");

    assert!(matches!(
        attendance::walk_in(&app, &infra, id, &person("w@example.com")).await,
        Err(Error::Forbidden)
    ));
    attendance::walk_in(&app, &it, id, &person("w@example.com")).await.unwrap();
    let (_, counts) = activities::detail(&app, &it, id).await.unwrap();
    assert_eq!((counts.attended, counts.walk_ins), (2, 1));
}

async fn the_directory_is_shared_by_every_division_and_closed_to_evaluators(app: App) {
    let (it, infra) = officers(&app).await;
    let evaluator = staff(&app, "eval@ict.go.th", Role::Evaluator, None).await;
    let new = ruamjai_domain::engagement::directory::OrganisationInput {
        name: "ศาลากลางจังหวัดเชียงใหม่".into(),
        group: "provinces".into(),
        province: "เชียงใหม่".into(),
        org_type: String::new(),
    }
    .parse()
    .unwrap();
    let id = directory::create_organisation(&app, &it, &new).await.unwrap();
    let listed = directory::list(&app, &infra, None).await.unwrap();
    assert_eq!(listed.iter().map(|o| o.id).collect::<Vec<_>>(), [id], "another division sees it");
    assert!(matches!(directory::list(&app, &evaluator, None).await, Err(Error::Forbidden)));
    assert!(matches!(directory::create_organisation(&app, &evaluator, &new).await, Err(Error::Forbidden)));
}
