//! The stakeholder directory: imports that take every row or none and can
//! be repeated, erasure that keeps counts, and invitations mailed once.

use ruamjai_domain::catalog::Code;
use ruamjai_domain::engagement::activity::ActivityInput;
use ruamjai_domain::engagement::directory::{ContactInput, OrganisationInput, PdpaBasis};
use ruamjai_domain::engagement::directory_import::{ImportRow, Vocabulary, parse_table};
use ruamjai_domain::engagement::registration::RegistrationCode;
use ruamjai_domain::mail::{NewMail, Purpose};
use ruamjai_store::audit::Actor;
use ruamjai_store::engagement::{ImportSummary, Invited, Invitees, Place};
use ruamjai_store::{Store, StoreError};
use time::OffsetDateTime;
use time::macros::datetime;

crate::store_tests!(
    an_import_takes_every_row_and_a_second_import_of_the_same_sheet_changes_nothing,
    an_import_that_fails_on_any_row_leaves_the_directory_as_it_was,
    an_erased_contact_keeps_its_organisation_basis_and_invitation_but_no_personal_data,
    a_group_is_invited_once_by_mail_and_contacts_without_an_address_are_counted,
    an_erased_registration_keeps_the_counts,
);

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 +7);

fn actor() -> Actor {
    Actor::command("test")
}

fn rows(sheet: &[&[&str]]) -> Vec<ImportRow> {
    let code = |c: &str| Code::parse(c).unwrap();
    let vocabulary = Vocabulary {
        groups: vec![
            ("จังหวัด".into(), code("provinces")),
            ("ภาคเอกชน".into(), code("private-sector")),
            ("unused-but-valid".into(), code("other-ministries")),
        ],
        ..Vocabulary::default()
    };
    let table: Vec<Vec<String>> = sheet.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect();
    parse_table(&table, &vocabulary).unwrap_or_else(|errors| panic!("{errors:?}"))
}

const HEADER: &[&str] = &[
    "organisation",
    "group",
    "province",
    "contact_name",
    "position",
    "email",
    "phone",
    "pdpa_basis",
    "given_on",
];

fn sheet() -> Vec<ImportRow> {
    rows(&[
        HEADER,
        &[
            "จังหวัดน่าน",
            "จังหวัด",
            "น่าน",
            "นายสมชาย ใจดี",
            "ผู้อำนวยการ",
            "somchai@nan.go.th",
            "",
            "public-task",
            "1/10/2569",
        ],
        &["จังหวัดน่าน", "จังหวัด", "น่าน", "นางสาวนภา ดาวเด่น", "", "", "054 710 000", "public-task", "1/10/2569"],
        &[
            "บริษัท ไทยดิจิทัล จำกัด",
            "ภาคเอกชน",
            "กรุงเทพมหานคร",
            "คุณวีระ",
            "",
            "weera@thaidigital.co.th",
            "",
            "consent",
            "2026-10-05",
        ],
        &["จังหวัดตาก", "จังหวัด", "ตาก", "", "", "", "", "", ""],
    ])
}

async fn an_import_takes_every_row_and_a_second_import_of_the_same_sheet_changes_nothing(store: Store) {
    let first = store.import_directory(&actor(), &sheet(), NOW).await.unwrap();
    assert_eq!(
        first,
        ImportSummary {
            organisations_created: 3,
            organisations_updated: 0,
            contacts_created: 3,
            contacts_updated: 0
        }
    );
    let again = store.import_directory(&actor(), &sheet(), NOW).await.unwrap();
    assert_eq!(again, ImportSummary::default(), "the same sheet twice is the same directory");

    let changed = rows(&[
        HEADER,
        &[
            "จังหวัดน่าน",
            "จังหวัด",
            "น่าน",
            "นายสมชาย ใจดี",
            "รองผู้ว่าราชการจังหวัด",
            "somchai@nan.go.th",
            "",
            "public-task",
            "1/10/2569",
        ],
    ]);
    let update = store.import_directory(&actor(), &changed, NOW).await.unwrap();
    assert_eq!(update.contacts_updated, 1);

    let directory = store.directory(None).await.unwrap();
    let names: Vec<_> =
        directory.iter().map(|o| (o.name.as_str(), o.group_code.as_str(), o.contacts.len())).collect();
    assert_eq!(
        names,
        [
            ("จังหวัดตาก", "provinces", 0),
            ("จังหวัดน่าน", "provinces", 2),
            ("บริษัท ไทยดิจิทัล จำกัด", "private-sector", 1)
        ]
    );
    let somchai = &directory[1].contacts[0];
    assert_eq!(somchai.position.as_deref(), Some("รองผู้ว่าราชการจังหวัด"));
    assert_eq!(somchai.pdpa_basis, PdpaBasis::PublicTask);
    assert_eq!(somchai.given_on.to_string(), "2026-10-01");
    assert_eq!(store.directory(Some("private-sector")).await.unwrap().len(), 1);
}

async fn an_import_that_fails_on_any_row_leaves_the_directory_as_it_was(store: Store) {
    store.import_directory(&actor(), &sheet(), NOW).await.unwrap();
    // A group the catalog had when the sheet was checked but not when it is
    // stored fails in the store: nothing of the sheet may remain.
    let mut late = rows(&[
        HEADER,
        &["จังหวัดแพร่", "จังหวัด", "แพร่", "นายก", "", "k@phrae.go.th", "", "consent", "2026-10-01"],
        &["องค์กรที่ไม่มีกลุ่ม", "unused-but-valid", "", "", "", "", "", "", ""],
    ]);
    late[1].organisation.group = Code::parse("no-such-group").unwrap();
    let refused = store.import_directory(&actor(), &late, NOW).await.unwrap_err();
    assert!(matches!(refused, StoreError::InvalidField { field: "group_id", .. }), "{refused:?}");
    let names: Vec<_> = store.directory(None).await.unwrap().into_iter().map(|o| o.name).collect();
    assert!(!names.contains(&"จังหวัดแพร่".to_owned()), "the first row was rolled back: {names:?}");
    assert_eq!(names.len(), 3);
}

async fn seminar(store: &Store) -> i64 {
    let new = ActivityInput {
        title: "ประชุมเครือข่าย ICT จังหวัด".into(),
        kind: "meeting".into(),
        starts_at: Some(datetime!(2027-01-20 09:00 +7)),
        ends_at: Some(datetime!(2027-01-20 12:00 +7)),
        venue: "ห้องประชุมศูนย์เทคโนโลยีสารสนเทศ".into(),
        capacity: "40".into(),
        group_codes: vec!["provinces".into(), "private-sector".into()],
        registration_opens_at: Some(datetime!(2026-11-01 00:00 +7)),
        registration_closes_at: Some(datetime!(2027-01-15 00:00 +7)),
        ..ActivityInput::default()
    }
    .parse()
    .unwrap();
    store.create_activity(&actor(), &new, NOW).await.unwrap()
}

fn invitation(invited: &Invited) -> NewMail {
    NewMail {
        to: invited.email.clone(),
        subject: format!("เชิญ {} ({})", invited.name, invited.organisation),
        body: "…".into(),
        purpose: Purpose::ActivityInvitation,
    }
}

async fn a_group_is_invited_once_by_mail_and_contacts_without_an_address_are_counted(store: Store) {
    store.import_directory(&actor(), &sheet(), NOW).await.unwrap();
    let activity = seminar(&store).await;
    let provinces = ["provinces".to_owned()];
    let everyone = Invitees { group_codes: &provinces, contact_ids: &[] };
    let outcome = store.invite(&actor(), activity, everyone, &invitation, NOW).await.unwrap();
    assert_eq!((outcome.invited, outcome.without_email, outcome.already_invited), (2, 1, 0));
    let weera = store.directory(Some("private-sector")).await.unwrap()[0].contacts[0].id;
    let again = Invitees { group_codes: &provinces, contact_ids: &[weera] };
    let outcome = store.invite(&actor(), activity, again, &invitation, NOW).await.unwrap();
    assert_eq!((outcome.invited, outcome.without_email, outcome.already_invited), (1, 0, 2));

    let outbox = store.outbox(10).await.unwrap();
    let mut recipients: Vec<_> = outbox.iter().map(|m| m.recipient.as_str()).collect();
    recipients.sort_unstable();
    assert_eq!(recipients, ["somchai@nan.go.th", "weera@thaidigital.co.th"], "each address mailed once");

    let list = store.invitations(activity).await.unwrap();
    let lines: Vec<_> =
        list.iter().map(|l| (l.organisation.as_str(), l.name.as_deref(), l.registered)).collect();
    assert_eq!(
        lines,
        [
            ("จังหวัดน่าน", Some("นายสมชาย ใจดี"), false),
            ("จังหวัดน่าน", Some("นางสาวนภา ดาวเด่น"), false),
            ("บริษัท ไทยดิจิทัล จำกัด", Some("คุณวีระ"), false),
        ]
    );
}

async fn an_erased_contact_keeps_its_organisation_basis_and_invitation_but_no_personal_data(store: Store) {
    let organisation =
        OrganisationInput {
            name: "จังหวัดลำปาง".into(), group: "provinces".into(), ..Default::default()
        };
    let organisation =
        store.create_organisation(&actor(), &organisation.parse().unwrap(), NOW).await.unwrap();
    let duplicate =
        OrganisationInput {
            name: "จังหวัดลำปาง".into(), group: "provinces".into(), ..Default::default()
        };
    let refused = store.create_organisation(&actor(), &duplicate.parse().unwrap(), NOW).await;
    assert!(matches!(refused, Err(StoreError::Conflict("organisation-exists"))));
    let contact = ContactInput {
        name: "นายแดง ลำปาง".into(),
        email: "daeng@lampang.go.th".into(),
        pdpa_basis: "consent".into(),
        given_on: "2026-11-01".into(),
        ..Default::default()
    };
    let contact = store.add_contact(&actor(), organisation, &contact.parse().unwrap(), NOW).await.unwrap();
    let activity = seminar(&store).await;
    let one = Invitees { group_codes: &[], contact_ids: &[contact] };
    store.invite(&actor(), activity, one, &invitation, NOW).await.unwrap();

    store.erase_contact(&actor(), contact, NOW).await.unwrap();
    let erased = store.contact(contact).await.unwrap();
    assert_eq!((erased.name, erased.email, erased.phone, erased.position), (None, None, None, None));
    assert_eq!(erased.pdpa_basis, PdpaBasis::Consent);
    assert!(erased.erased_at.is_some());
    let list = store.invitations(activity).await.unwrap();
    assert_eq!(list.len(), 1, "the invitation still counts");
    assert_eq!(list[0].name, None);
    let log = store.recent_audit(100).await.unwrap();
    assert!(log.iter().all(|e| !format!("{e:?}").contains("daeng")), "the log never held the person");
    let again = Invitees { group_codes: &["provinces".to_owned()], contact_ids: &[] };
    let outcome = store.invite(&actor(), activity, again, &invitation, NOW).await.unwrap();
    assert_eq!(outcome.invited, 0, "an erased contact is never invited again");
}

async fn an_erased_registration_keeps_the_counts(store: Store) {
    let activity = seminar(&store).await;
    let person = ruamjai_domain::engagement::registration::RegistrationInput {
        name: "นางสาวมะลิ".into(),
        group: "provinces".into(),
        email: "mali@example.com".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    let code = RegistrationCode::parse("KKKK-MMMM").unwrap();
    let registering = ruamjai_store::engagement::Registering {
        activity_id: activity,
        person: &person,
        code: &code,
        token_hash: "token-mali",
        confirmation: None,
        now: NOW,
    };
    assert_eq!(store.register(&registering).await.unwrap(), Place::Registered);
    store.check_in(&actor(), activity, &code, NOW).await.unwrap();
    let before = store.activity_counts(activity).await.unwrap();

    store.erase_registration(&actor(), activity, &code, NOW).await.unwrap();
    assert_eq!(store.activity_counts(activity).await.unwrap(), before);
    let registration = &store.registrations(activity).await.unwrap()[0];
    assert_eq!((registration.name.as_deref(), registration.email.as_deref()), (None, None));
    assert!(registration.checked_in_at.is_some());
    let unknown = RegistrationCode::parse("AAAA-AAAA").unwrap();
    assert!(matches!(
        store.erase_registration(&actor(), activity, &unknown, NOW).await,
        Err(StoreError::NotFound)
    ));
}
