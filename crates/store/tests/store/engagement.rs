//! Activities and registrations: exact capacity under concurrency, the
//! waitlist, and the refusals people meet.

use std::sync::Arc;

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::engagement::activity::ActivityInput;
use ruamjai_domain::engagement::registration::{NewRegistration, RegistrationCode, RegistrationInput};
use ruamjai_store::audit::Actor;
use ruamjai_store::engagement::Place;
use ruamjai_store::{Store, StoreError};
use time::OffsetDateTime;
use time::macros::datetime;

crate::store_tests!(
    two_hundred_concurrent_registrations_fill_fifty_places_exactly,
    a_cancelled_place_goes_to_the_first_on_the_waitlist,
    registrations_are_refused_outside_the_window_twice_per_email_and_for_other_groups,
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

async fn two_hundred_concurrent_registrations_fill_fifty_places_exactly(store: Store) {
    let id = seminar(&store, "50").await;
    let store = Arc::new(store);
    let tasks: Vec<_> = (0..200)
        .map(|n| {
            let store = store.clone();
            tokio::spawn(async move { store.register(id, &person(n, "provinces"), &code(n), DURING).await })
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
        store.register(id, &person(n, "provinces"), &code(n), DURING).await.unwrap();
    }
    assert_eq!(store.cancel_registration(&code(0), DURING).await.unwrap(), Some(code(2)), "first in line");
    assert_eq!(
        store.cancel_registration(&code(0), DURING).await.unwrap(),
        None,
        "cancelling twice does nothing"
    );
    assert_eq!(
        store.cancel_registration(&code(3), DURING).await.unwrap(),
        None,
        "a waitlisted one frees no place"
    );
    let counts = store.activity_counts(id).await.unwrap();
    assert_eq!((counts.registered, counts.waitlisted), (2, 0));
    assert_eq!(counts.by_group, vec![("provinces".to_owned(), 2, 0)]);
    assert!(matches!(store.cancel_registration(&code(99), DURING).await, Err(StoreError::NotFound)));
}

async fn registrations_are_refused_outside_the_window_twice_per_email_and_for_other_groups(store: Store) {
    let id = seminar(&store, "10").await;
    let early = store.register(id, &person(1, "provinces"), &code(1), datetime!(2026-11-30 23:59 +7)).await;
    assert!(matches!(early, Err(StoreError::InvalidField { error: FieldError::NotOpen, .. })));
    let late = store.register(id, &person(1, "provinces"), &code(1), datetime!(2027-01-15 00:00 +7)).await;
    assert!(matches!(late, Err(StoreError::InvalidField { error: FieldError::NotOpen, .. })));
    let public = store.register(id, &person(1, "public"), &code(1), DURING).await;
    assert!(matches!(public, Err(StoreError::InvalidField { field: "group_id", .. })));

    assert_eq!(
        store.register(id, &person(1, "provinces"), &code(1), DURING).await.unwrap(),
        Place::Registered
    );
    let twice = store.register(id, &person(1, "private-sector"), &code(2), DURING).await;
    assert!(matches!(twice, Err(StoreError::Conflict("already-registered"))), "one registration per e-mail");
    assert_eq!(store.activity_counts(id).await.unwrap().registered, 1, "the refused one took no place");
    assert!(matches!(
        store.register(id + 1, &person(3, "provinces"), &code(3), DURING).await,
        Err(StoreError::NotFound)
    ));
}
