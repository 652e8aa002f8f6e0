//! Activities and registrations: exact capacity under concurrency, the
//! waitlist, and the refusals people meet.

use std::sync::Arc;

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::engagement::activity::ActivityInput;
use ruamjai_domain::engagement::activity::Status;
use ruamjai_domain::engagement::registration::{NewRegistration, RegistrationCode, RegistrationInput};
use ruamjai_domain::mail::{NewMail, Purpose};
use ruamjai_store::audit::Actor;
use ruamjai_store::engagement::{ActivityFilter, GroupCount, Place, Promoted, Registering};
use ruamjai_store::{Store, StoreError};
use time::OffsetDateTime;
use time::macros::datetime;

crate::store_tests!(
    two_hundred_concurrent_registrations_fill_fifty_places_exactly,
    a_cancelled_place_goes_to_the_first_on_the_waitlist,
    registrations_are_refused_outside_the_window_twice_per_email_and_for_other_groups,
    check_in_says_which_code_is_unknown_used_or_waitlisted,
    walk_ins_attend_without_taking_a_bookable_place,
    confirmations_and_promotions_are_mailed_in_the_same_transaction,
    capacity_cannot_drop_below_the_places_taken_and_a_cancelled_activity_takes_no_one,
    the_calendar_lists_what_has_not_ended_soonest_first,
    minutes_follow_ups_and_attendance_make_the_year_report,
);

const DURING: OffsetDateTime = datetime!(2026-12-10 12:00 +7);

async fn seminar(store: &Store, capacity: &str) -> i64 {
    let new = ActivityInput {
        title: "สัมมนาความร่วมมือด้าน ICT".into(),
        kind: "seminar".into(),
        starts_at: Some(datetime!(2027-01-20 09:00 +7)),
        ends_at: Some(datetime!(2027-01-20 16:00 +7)),
        venue: "ศาลาว่าการกระทรวงมหาดไทย".into(),
        capacity: capacity.into(),
        group_codes: vec!["provinces".into(), "private-sector".into()],
        service_codes: vec!["video-conference".into()],
        registration_opens_at: Some(datetime!(2026-12-01 00:00 +7)),
        registration_closes_at: Some(datetime!(2027-01-15 00:00 +7)),
        division_code: String::new(),
    }
    .parse()
    .unwrap();
    store.create_activity(&Actor::command("test"), &new, DURING).await.unwrap()
}

fn person(n: usize, group: &str) -> NewRegistration {
    RegistrationInput {
        name: format!("ผู้เข้าร่วม {n}"),
        group: group.into(),
        email: format!("p{n}@example.com"),
        ..RegistrationInput::default()
    }
    .parse()
    .unwrap()
}

/// A distinct code per number (random ones could collide in a test).
fn code(n: usize) -> RegistrationCode {
    let alphabet = ruamjai_domain::engagement::registration::CODE_ALPHABET;
    let mut digits = String::new();
    let mut rest = n;
    for _ in 0..8 {
        digits.push(char::from(alphabet[rest % alphabet.len()]));
        rest /= alphabet.len();
    }
    RegistrationCode::parse(&digits).unwrap()
}

/// Registers person `n` (token `token-n`) without a confirmation mail.
async fn register(
    store: &Store,
    id: i64,
    n: usize,
    group: &str,
    at: OffsetDateTime,
) -> Result<Place, StoreError> {
    let person = person(n, group);
    let code = code(n);
    let token = token(n);
    let registering = Registering {
        activity_id: id,
        person: &person,
        code: &code,
        token_hash: &token,
        confirmation: None,
        now: at,
    };
    store.register(&registering).await
}

fn token(n: usize) -> String {
    format!("token-{n}")
}

async fn cancel(store: &Store, n: usize) -> Result<Option<Promoted>, StoreError> {
    store.cancel_registration(&token(n), DURING, &|_| None).await
}

async fn two_hundred_concurrent_registrations_fill_fifty_places_exactly(store: Store) {
    let id = seminar(&store, "50").await;
    let store = Arc::new(store);
    let tasks: Vec<_> = (0..200)
        .map(|n| {
            let store = store.clone();
            tokio::spawn(async move { register(&store, id, n, "provinces", DURING).await })
        })
        .collect();
    let mut places = Vec::new();
    for task in tasks {
        places.push(task.await.unwrap().unwrap());
    }
    assert_eq!(places.iter().filter(|p| **p == Place::Registered).count(), 50);
    assert_eq!(places.iter().filter(|p| **p == Place::Waitlisted).count(), 150);
    let counts = store.activity_counts(id).await.unwrap();
    assert_eq!((counts.registered, counts.waitlisted), (50, 150));
}

async fn a_cancelled_place_goes_to_the_first_on_the_waitlist(store: Store) {
    let id = seminar(&store, "2").await;
    for n in 0..4 {
        register(&store, id, n, "provinces", DURING).await.unwrap();
    }
    let promoted = cancel(&store, 0).await.unwrap().unwrap();
    assert_eq!(promoted.code, code(2), "first in line");
    assert_eq!(promoted.email.as_deref(), Some("p2@example.com"));
    assert!(cancel(&store, 0).await.unwrap().is_none(), "cancelling twice does nothing");
    assert!(cancel(&store, 3).await.unwrap().is_none(), "a waitlisted one frees no place");
    let counts = store.activity_counts(id).await.unwrap();
    assert_eq!((counts.registered, counts.waitlisted), (2, 0));
    assert_eq!(
        counts.by_group,
        vec![GroupCount { group_code: "provinces".into(), registered: 2, attended: 0 }]
    );
    assert!(matches!(cancel(&store, 99).await, Err(StoreError::NotFound)));
    let shown = store.registration_by_token(&token(2)).await.unwrap();
    assert_eq!((shown.place, shown.code), (Place::Registered, code(2)));
}

async fn registrations_are_refused_outside_the_window_twice_per_email_and_for_other_groups(store: Store) {
    let id = seminar(&store, "10").await;
    let early = register(&store, id, 1, "provinces", datetime!(2026-11-30 23:59 +7)).await;
    assert!(matches!(early, Err(StoreError::InvalidField { error: FieldError::NotOpen, .. })));
    let late = register(&store, id, 1, "provinces", datetime!(2027-01-15 00:00 +7)).await;
    assert!(matches!(late, Err(StoreError::InvalidField { error: FieldError::NotOpen, .. })));
    let public = register(&store, id, 1, "public", DURING).await;
    assert!(matches!(public, Err(StoreError::InvalidField { field: "group_id", .. })));

    assert_eq!(register(&store, id, 1, "provinces", DURING).await.unwrap(), Place::Registered);
    let mut again = person(1, "private-sector");
    again.name = ruamjai_domain::catalog::Name::parse("ชื่ออื่น").unwrap();
    let twice = store
        .register(&Registering {
            activity_id: id,
            person: &again,
            code: &code(2),
            token_hash: "token-again",
            confirmation: None,
            now: DURING,
        })
        .await;
    assert!(matches!(twice, Err(StoreError::Conflict("already-registered"))), "one registration per e-mail");
    assert_eq!(store.activity_counts(id).await.unwrap().registered, 1, "the refused one took no place");
    assert_eq!(store.registrations(id).await.unwrap().len(), 1);
    assert!(matches!(register(&store, id + 1, 3, "provinces", DURING).await, Err(StoreError::NotFound)));
}

async fn check_in_says_which_code_is_unknown_used_or_waitlisted(store: Store) {
    let id = seminar(&store, "1").await;
    let door = Actor::command("door");
    register(&store, id, 1, "provinces", DURING).await.unwrap();
    register(&store, id, 2, "provinces", DURING).await.unwrap();
    let checked = store.check_in(&door, id, &code(1), DURING).await.unwrap();
    assert_eq!((checked.name.as_deref(), checked.checked_in_at), (Some("ผู้เข้าร่วม 1"), Some(DURING)));
    assert!(matches!(
        store.check_in(&door, id, &code(1), DURING).await,
        Err(StoreError::Conflict("already-checked-in"))
    ));
    assert!(matches!(
        store.check_in(&door, id, &code(2), DURING).await,
        Err(StoreError::Conflict("waitlisted"))
    ));
    assert!(matches!(
        store.check_in(&door, id, &code(7), DURING).await,
        Err(StoreError::InvalidField { field: "code", error: FieldError::UnknownRegistration })
    ));
    let other = seminar(&store, "5").await;
    assert!(
        matches!(store.check_in(&door, other, &code(1), DURING).await, Err(StoreError::InvalidField { .. })),
        "a code checks in only at its own activity"
    );
    let counts = store.activity_counts(id).await.unwrap();
    assert_eq!((counts.registered, counts.attended), (1, 1));
}

async fn walk_ins_attend_without_taking_a_bookable_place(store: Store) {
    let id = seminar(&store, "1").await;
    register(&store, id, 1, "provinces", DURING).await.unwrap();
    let walk_in = person(2, "private-sector");
    let registering = Registering {
        activity_id: id,
        person: &walk_in,
        code: &code(2),
        token_hash: &token(2),
        confirmation: None,
        now: datetime!(2027-01-20 09:05 +7),
    };
    store.register_walk_in(&Actor::command("door"), &registering).await.unwrap();
    let counts = store.activity_counts(id).await.unwrap();
    assert_eq!((counts.registered, counts.walk_ins, counts.attended), (1, 1, 1));
    assert_eq!(
        counts.by_group,
        vec![
            GroupCount { group_code: "provinces".into(), registered: 1, attended: 0 },
            GroupCount { group_code: "private-sector".into(), registered: 0, attended: 1 },
        ]
    );
}

async fn confirmations_and_promotions_are_mailed_in_the_same_transaction(store: Store) {
    let id = seminar(&store, "1").await;
    let confirm = |place: Place| NewMail {
        to: ruamjai_domain::accounts::Email::parse("p1@example.com").unwrap(),
        subject: format!("ลงทะเบียน {}", place.code()),
        body: "ลิงก์ยกเลิก".into(),
        purpose: Purpose::RegistrationConfirmation,
    };
    let first = person(1, "provinces");
    let registering = Registering {
        activity_id: id,
        person: &first,
        code: &code(1),
        token_hash: &token(1),
        confirmation: Some(&confirm),
        now: DURING,
    };
    store.register(&registering).await.unwrap();
    register(&store, id, 2, "provinces", DURING).await.unwrap();
    let tell = |promoted: &Promoted| {
        Some(NewMail {
            to: ruamjai_domain::accounts::Email::parse(promoted.email.as_deref()?).ok()?,
            subject: format!("ได้ที่นั่ง {}", promoted.activity_title),
            body: promoted.code.to_string(),
            purpose: Purpose::WaitlistPromotion,
        })
    };
    store.cancel_registration(&token(1), DURING, &tell).await.unwrap();
    let outbox = store.outbox(10).await.unwrap();
    let subjects: Vec<_> = outbox.iter().map(|m| (m.recipient.as_str(), m.subject.as_str())).collect();
    assert!(subjects.contains(&("p1@example.com", "ลงทะเบียน registered")), "{subjects:?}");
    assert!(subjects.contains(&("p2@example.com", "ได้ที่นั่ง สัมมนาความร่วมมือด้าน ICT")), "{subjects:?}");
}

async fn capacity_cannot_drop_below_the_places_taken_and_a_cancelled_activity_takes_no_one(store: Store) {
    let id = seminar(&store, "3").await;
    let actor = Actor::command("test");
    for n in 0..2 {
        register(&store, id, n, "provinces", DURING).await.unwrap();
    }
    let mut edit = store.activity(id).await.unwrap();
    assert_eq!(edit.registered, 2);
    let shrink = |capacity: &str| {
        ActivityInput {
            title: "สัมมนา (เลื่อนห้อง)".into(),
            kind: "seminar".into(),
            starts_at: Some(edit.starts_at),
            ends_at: Some(edit.ends_at),
            venue: edit.venue.clone(),
            capacity: capacity.into(),
            group_codes: edit.group_codes.clone(),
            service_codes: edit.service_codes.clone(),
            registration_opens_at: Some(edit.registration_opens_at),
            registration_closes_at: Some(edit.registration_closes_at),
            division_code: "strategy".into(),
        }
        .parse()
        .unwrap()
    };
    assert!(matches!(
        store.update_activity(&actor, id, &shrink("1"), DURING).await,
        Err(StoreError::Conflict("capacity-below-registered"))
    ));
    store.update_activity(&actor, id, &shrink("2"), DURING).await.unwrap();
    edit = store.activity(id).await.unwrap();
    assert_eq!(
        (edit.capacity, edit.title.as_str(), edit.division_code.as_deref()),
        (2, "สัมมนา (เลื่อนห้อง)", Some("strategy"))
    );
    assert_eq!(register(&store, id, 5, "provinces", DURING).await.unwrap(), Place::Waitlisted);

    store.set_activity_status(&actor, id, Status::Cancelled).await.unwrap();
    assert!(matches!(
        register(&store, id, 6, "provinces", DURING).await,
        Err(StoreError::InvalidField { error: FieldError::NotOpen, .. })
    ));
}

async fn the_calendar_lists_what_has_not_ended_soonest_first(store: Store) {
    let later = seminar(&store, "5").await;
    let mut input = ActivityInput {
        title: "ประชุมกลุ่มย่อยจังหวัด".into(),
        kind: "focus-group".into(),
        starts_at: Some(datetime!(2027-01-10 09:00 +7)),
        ends_at: Some(datetime!(2027-01-10 12:00 +7)),
        venue: "ออนไลน์ https://meet.example.go.th/x".into(),
        capacity: "20".into(),
        group_codes: vec!["provinces".into()],
        registration_opens_at: Some(datetime!(2026-12-01 00:00 +7)),
        registration_closes_at: Some(datetime!(2027-01-09 00:00 +7)),
        ..ActivityInput::default()
    };
    let sooner =
        store.create_activity(&Actor::command("test"), &input.parse().unwrap(), DURING).await.unwrap();
    input.starts_at = Some(datetime!(2026-10-05 09:00 +7));
    input.ends_at = Some(datetime!(2026-10-05 12:00 +7));
    input.registration_closes_at = Some(datetime!(2026-10-04 00:00 +7));
    input.registration_opens_at = Some(datetime!(2026-10-01 00:00 +7));
    let past = store.create_activity(&Actor::command("test"), &input.parse().unwrap(), DURING).await.unwrap();
    let upcoming: Vec<_> =
        store.activities(ActivityFilter::Upcoming(DURING)).await.unwrap().into_iter().map(|a| a.id).collect();
    assert_eq!(upcoming, [sooner, later]);
    let year = ruamjai_domain::calendar::FiscalYear::from_be(2570);
    let in_year: Vec<_> =
        store.activities(ActivityFilter::FiscalYear(year)).await.unwrap().into_iter().map(|a| a.id).collect();
    assert_eq!(in_year, [later, sooner, past], "newest first");
}

async fn minutes_follow_ups_and_attendance_make_the_year_report(store: Store) {
    use ruamjai_domain::engagement::outcome::{FollowUpInput, FollowUpStatus};
    use ruamjai_domain::engagement::report::{Attendance, EngagementReport};
    let id = seminar(&store, "10").await;
    let actor = Actor::command("test");
    for n in 0..3 {
        register(&store, id, n, "provinces", DURING).await.unwrap();
    }
    store.check_in(&actor, id, &code(0), DURING).await.unwrap();
    store.check_in(&actor, id, &code(1), DURING).await.unwrap();
    store.set_activity_status(&actor, id, Status::Held).await.unwrap();
    let minutes = ruamjai_domain::text::Text::paragraphs("ที่ประชุมเห็นชอบให้จัดอบรมเพิ่ม", 1000).unwrap();
    store.record_minutes(&actor, id, &minutes, DURING).await.unwrap();
    assert_eq!(store.activity(id).await.unwrap().minutes.as_deref(), Some("ที่ประชุมเห็นชอบให้จัดอบรมเพิ่ม"));
    let follow_up = |what: &str, submission: &str| {
        FollowUpInput {
            what: what.into(),
            owner: "ส่วนยุทธศาสตร์".into(),
            due_on: "2027-02-28".into(),
            submission: submission.into(),
        }
        .parse()
        .unwrap()
    };
    let first = store.add_follow_up(&actor, id, &follow_up("จัดอบรมรอบสอง", ""), DURING).await.unwrap();
    store.add_follow_up(&actor, id, &follow_up("ปรับคู่มือ", ""), DURING).await.unwrap();
    let unknown = store.add_follow_up(&actor, id, &follow_up("x", "RJ-2570-999999"), DURING).await;
    assert!(matches!(unknown, Err(StoreError::InvalidField { field: "submission", .. })));
    store.set_follow_up_status(&actor, id, first, FollowUpStatus::Done, DURING).await.unwrap();
    let listed = store.follow_ups(id).await.unwrap();
    assert_eq!(
        listed.iter().map(|f| f.status).collect::<Vec<_>>(),
        [FollowUpStatus::Done, FollowUpStatus::Open]
    );
    assert!(listed[0].done_at.is_some());

    let year = ruamjai_domain::calendar::FiscalYear::from_be(2570);
    let report = EngagementReport::build(&store.engagement_lines(year).await.unwrap());
    assert_eq!(report.held, 1);
    assert_eq!(report.held_by_kind.get("seminar"), Some(&1));
    assert_eq!(report.held_by_target_group.len(), 2, "provinces and private sector");
    assert_eq!(report.attendance_by_group["provinces"], Attendance { registered: 3, attended: 2 });
    assert_eq!((report.follow_ups, report.follow_ups_done), (2, 1));
}
