use ruamjai_domain::accounts::Role;
use ruamjai_domain::participation::clock::{DayCount, ServiceTargets};
use ruamjai_domain::participation::submission::{NewSubmission, SubmissionInput};
use ruamjai_domain::participation::{Channel, Kind, Status, TrackingCode};
use ruamjai_store::audit::Actor;
use ruamjai_store::participation::{Assignee, InboxFilter, InboxScope, Step};
use ruamjai_store::{Store, StoreError};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use crate::support::add_user;

crate::store_tests!(
    an_officer_sees_only_the_services_of_their_division,
    the_inbox_filters_by_kind_channel_group_status_and_words,
    a_reply_falls_due_fifteen_days_after_filing_and_overdue_items_are_found,
    waiting_for_the_submitter_stops_the_clock_and_resuming_moves_the_due_date,
    assignment_is_audited_and_filtered,
    pages_follow_each_other_without_gaps,
    staff_see_contact_details_and_internal_notes,
    a_new_target_rereads_history_and_keeps_the_paused_time,
    holidays_move_working_day_deadlines,
    targets_outside_one_to_365_days_are_refused,
    search_finds_any_fragment_of_thai_text_newest_first_and_pages,
);

const FILED: OffsetDateTime = datetime!(2026-11-02 09:00 +7);

fn input(kind: &str, service: &str, group: &str, subject: &str) -> SubmissionInput {
    SubmissionInput {
        kind: kind.into(),
        service: service.into(),
        group: group.into(),
        subject: subject.into(),
        details: "รายละเอียด".into(),
        contact_phone: "081 234 5678".into(),
        ..SubmissionInput::default()
    }
}

async fn file(store: &Store, input: SubmissionInput, channel: Channel, at: OffsetDateTime) -> TrackingCode {
    let new: NewSubmission = input.parse(channel).unwrap();
    store.file_submission(&new, "t", None, at).await.unwrap().code
}

fn division(code: &str) -> InboxScope {
    InboxScope::Division(code.into())
}

async fn codes(store: &Store, scope: &InboxScope, filter: &InboxFilter, now: OffsetDateTime) -> Vec<String> {
    let rows = store.inbox(scope, filter, now, None, 100).await.unwrap();
    rows.iter().map(|r| r.subject.clone()).collect()
}

async fn an_officer_sees_only_the_services_of_their_division(store: Store) {
    file(&store, input("request", "msat", "provinces", "ดาวเทียม"), Channel::Web, FILED).await;
    file(&store, input("request", "network-status", "provinces", "เครือข่าย"), Channel::Web, FILED).await;
    file(&store, input("question", "general", "public", "ทั่วไป"), Channel::Web, FILED).await;
    let all = InboxFilter::default();
    assert_eq!(codes(&store, &division("communication-technology"), &all, FILED).await, ["ดาวเทียม"]);
    assert_eq!(codes(&store, &division("infrastructure"), &all, FILED).await, ["เครือข่าย"]);
    assert_eq!(
        codes(&store, &division("general-administration"), &all, FILED).await,
        ["ทั่วไป"],
        "general matters are triaged there"
    );
    assert_eq!(codes(&store, &InboxScope::Everything, &all, FILED).await, ["ทั่วไป", "เครือข่าย", "ดาวเทียม"]);
}

async fn the_inbox_filters_by_kind_channel_group_status_and_words(store: Store) {
    file(&store, input("complaint", "msat", "provinces", "สัญญาณ MSAT ขาดหาย"), Channel::Web, FILED).await;
    let call =
        file(&store, input("request", "msat", "executives", "ขอติดตั้งจานดาวเทียม"), Channel::Telephone, FILED)
            .await;
    file(&store, input("question", "video-conference", "public", "ถามเรื่องวีดิทัศน์"), Channel::Api, FILED).await;
    let everything = InboxScope::Everything;
    let by = |f: InboxFilter| f;
    assert_eq!(
        codes(
            &store,
            &everything,
            &by(InboxFilter { kind: Some(Kind::Complaint), ..Default::default() }),
            FILED
        )
        .await,
        ["สัญญาณ MSAT ขาดหาย"]
    );
    assert_eq!(
        codes(
            &store,
            &everything,
            &by(InboxFilter { channel: Some(Channel::Telephone), ..Default::default() }),
            FILED
        )
        .await,
        ["ขอติดตั้งจานดาวเทียม"]
    );
    assert_eq!(
        codes(
            &store,
            &everything,
            &by(InboxFilter { group: Some("public".into()), ..Default::default() }),
            FILED
        )
        .await,
        ["ถามเรื่องวีดิทัศน์"]
    );
    assert_eq!(
        codes(
            &store,
            &everything,
            &by(InboxFilter { service: Some("msat".into()), ..Default::default() }),
            FILED
        )
        .await
        .len(),
        2
    );
    assert_eq!(
        codes(
            &store,
            &everything,
            &by(InboxFilter { search: Some("msat".into()), ..Default::default() }),
            FILED
        )
        .await,
        ["สัญญาณ MSAT ขาดหาย"],
        "search ignores Latin case"
    );
    assert_eq!(
        codes(
            &store,
            &everything,
            &by(InboxFilter { search: Some("ดาวเทียม".into()), ..Default::default() }),
            FILED
        )
        .await,
        ["ขอติดตั้งจานดาวเทียม"]
    );
    let resolve =
        Step { to: Some(Status::Resolved), text: Some("ติดตั้งแล้ว"), public: true };
    store.step_submission(&Actor::command("test"), call, resolve, FILED + Duration::days(1)).await.unwrap();
    assert_eq!(
        codes(&store, &everything, &by(InboxFilter { open_only: true, ..Default::default() }), FILED)
            .await
            .len(),
        2
    );
    assert_eq!(
        codes(
            &store,
            &everything,
            &by(InboxFilter { status: Some(Status::Resolved), ..Default::default() }),
            FILED
        )
        .await,
        ["ขอติดตั้งจานดาวเทียม"]
    );
}

async fn a_reply_falls_due_fifteen_days_after_filing_and_overdue_items_are_found(store: Store) {
    let code = file(&store, input("complaint", "msat", "provinces", "เก่า"), Channel::Web, FILED).await;
    file(&store, input("complaint", "msat", "provinces", "ใหม่"), Channel::Web, FILED + Duration::days(10))
        .await;
    let detail = store.submission_detail(code).await.unwrap();
    assert_eq!(detail.reply_due_at, Some(FILED + Duration::days(15)));
    assert_eq!(detail.update_due_at, Some(FILED + Duration::days(7)));
    let overdue = InboxFilter { overdue_only: true, ..Default::default() };
    assert!(codes(&store, &InboxScope::Everything, &overdue, FILED + Duration::days(14)).await.is_empty());
    assert_eq!(codes(&store, &InboxScope::Everything, &overdue, FILED + Duration::days(15)).await, ["เก่า"]);
    let reply = Step { to: Some(Status::Resolved), text: Some("แก้ไขแล้ว"), public: true };
    store.step_submission(&Actor::command("test"), code, reply, FILED + Duration::days(16)).await.unwrap();
    assert!(
        codes(&store, &InboxScope::Everything, &overdue, FILED + Duration::days(16)).await.is_empty(),
        "answered is never overdue"
    );
    assert_eq!(store.submission_detail(code).await.unwrap().reply_due_at, None);
}

async fn waiting_for_the_submitter_stops_the_clock_and_resuming_moves_the_due_date(store: Store) {
    let code = file(&store, input("request", "msat", "provinces", "ขอข้อมูลเพิ่ม"), Channel::Web, FILED).await;
    let actor = Actor::command("test");
    let ask = Step {
        to: Some(Status::WaitingForSubmitter), text: Some("กรุณาแจ้งสถานที่ติดตั้ง"), public: true
    };
    store.step_submission(&actor, code, ask, FILED + Duration::days(2)).await.unwrap();
    assert_eq!(store.submission_detail(code).await.unwrap().reply_due_at, None, "no deadline while waiting");
    let resume = Step { to: Some(Status::InProgress), text: None, public: false };
    store.step_submission(&actor, code, resume, FILED + Duration::days(6)).await.unwrap();
    let detail = store.submission_detail(code).await.unwrap();
    assert_eq!(detail.reply_due_at, Some(FILED + Duration::days(19)), "15 days plus the 4 spent waiting");
    assert_eq!(
        detail.update_due_at,
        Some(FILED + Duration::days(2 + 7 + 4)),
        "7 days after the last public word, plus the wait"
    );
}

async fn assignment_is_audited_and_filtered(store: Store) {
    let officer = add_user(&store, "o@ict.go.th", Role::Officer, Some("communication-technology")).await;
    let code = file(&store, input("request", "msat", "provinces", "มอบหมาย"), Channel::Web, FILED).await;
    file(&store, input("request", "msat", "provinces", "ยังไม่มอบหมาย"), Channel::Web, FILED).await;
    let actor = Actor::command("test");
    store.assign_submission(&actor, code, Some(officer.id)).await.unwrap();
    let mine = InboxFilter { assignee: Some(Assignee::User(officer.id)), ..Default::default() };
    let nobody = InboxFilter { assignee: Some(Assignee::Nobody), ..Default::default() };
    assert_eq!(codes(&store, &InboxScope::Everything, &mine, FILED).await, ["มอบหมาย"]);
    assert_eq!(codes(&store, &InboxScope::Everything, &nobody, FILED).await, ["ยังไม่มอบหมาย"]);
    let rows = store.inbox(&InboxScope::Everything, &mine, FILED, None, 10).await.unwrap();
    assert_eq!(rows[0].assignee_name.as_deref(), Some("เจ้าหน้าที่ทดสอบ"));
    assert_eq!(store.recent_audit(1).await.unwrap()[0].action, "assign");
    let err = store.assign_submission(&actor, code, Some(9999)).await.unwrap_err();
    assert!(matches!(err, StoreError::InvalidField { field: "assignee", .. }), "{err:?}");
}

async fn pages_follow_each_other_without_gaps(store: Store) {
    for n in 0..7 {
        file(&store, input("question", "ict-training", "public", &format!("คำถาม {n}")), Channel::Web, FILED)
            .await;
    }
    let everything = InboxScope::Everything;
    let filter = InboxFilter::default();
    let first = store.inbox(&everything, &filter, FILED, None, 3).await.unwrap();
    let second = store.inbox(&everything, &filter, FILED, Some(first[2].id), 3).await.unwrap();
    let third = store.inbox(&everything, &filter, FILED, Some(second[2].id), 3).await.unwrap();
    let subjects: Vec<_> = first.iter().chain(&second).chain(&third).map(|r| r.subject.clone()).collect();
    assert_eq!(subjects, (0..7).rev().map(|n| format!("คำถาม {n}")).collect::<Vec<_>>());
}

async fn staff_see_contact_details_and_internal_notes(store: Store) {
    let code =
        file(&store, input("complaint", "telephone-fax", "moi-agencies", "โทรสารเสีย"), Channel::Web, FILED)
            .await;
    let note = Step {
        to: None, text: Some("ตรวจสอบสายแล้ว (ภายใน)"), public: false
    };
    store.step_submission(&Actor::command("test"), code, note, FILED + Duration::hours(2)).await.unwrap();
    let detail = store.submission_detail(code).await.unwrap();
    assert_eq!(detail.contact_phone.as_deref(), Some("081 234 5678"));
    assert_eq!(detail.division_code, "communication-technology");
    assert_eq!(detail.events.len(), 2);
    assert!(!detail.events[1].public && detail.events[1].text.as_deref() == Some("ตรวจสอบสายแล้ว (ภายใน)"));
    assert_eq!(detail.status, Status::Received, "a note alone does not change the status");
}

async fn a_new_target_rereads_history_and_keeps_the_paused_time(store: Store) {
    let code = file(&store, input("request", "msat", "provinces", "เปลี่ยนเป้าหมาย"), Channel::Web, FILED).await;
    let actor = Actor::command("test");
    let ask =
        Step { to: Some(Status::WaitingForSubmitter), text: Some("ขอข้อมูล"), public: true };
    store.step_submission(&actor, code, ask, FILED + Duration::days(1)).await.unwrap();
    let resume = Step { to: Some(Status::InProgress), text: None, public: false };
    store.step_submission(&actor, code, resume, FILED + Duration::days(4)).await.unwrap();
    let quicker = ServiceTargets { reply_days: 10, update_days: 5, count: DayCount::Calendar };
    store.set_service_targets(&actor, "msat", quicker).await.unwrap();
    let detail = store.submission_detail(code).await.unwrap();
    assert_eq!(detail.reply_due_at, Some(FILED + Duration::days(13)), "10 days plus the 3 spent waiting");
    let rows = store.service_targets().await.unwrap();
    let msat = rows.iter().find(|r| r.service_code == "msat").unwrap();
    assert!(msat.custom && msat.targets == quicker);
    assert!(!rows.iter().find(|r| r.service_code == "ict-training").unwrap().custom);
}

async fn holidays_move_working_day_deadlines(store: Store) {
    let actor = Actor::command("test");
    let working = ServiceTargets { reply_days: 5, update_days: 3, count: DayCount::Working };
    store.set_service_targets(&actor, "video-conference", working).await.unwrap();
    // Monday 2 November 2026, 09:00: five working days end Monday 9 November, 09:00.
    let code =
        file(&store, input("complaint", "video-conference", "provinces", "วันหยุด"), Channel::Web, FILED).await;
    assert_eq!(
        store.submission_detail(code).await.unwrap().reply_due_at,
        Some(datetime!(2026-11-09 09:00 +7))
    );
    store.set_holiday(&actor, time::macros::date!(2026 - 11 - 05), Some("วันหยุดทดสอบ")).await.unwrap();
    assert_eq!(
        store.submission_detail(code).await.unwrap().reply_due_at,
        Some(datetime!(2026-11-10 09:00 +7))
    );
    assert_eq!(store.holidays().await.unwrap().len(), 1);
    store.set_holiday(&actor, time::macros::date!(2026 - 11 - 05), None).await.unwrap();
    assert_eq!(
        store.submission_detail(code).await.unwrap().reply_due_at,
        Some(datetime!(2026-11-09 09:00 +7))
    );
}

async fn targets_outside_one_to_365_days_are_refused(store: Store) {
    let zero = ServiceTargets { reply_days: 0, update_days: 7, count: DayCount::Calendar };
    let err = store.set_service_targets(&Actor::command("test"), "msat", zero).await.unwrap_err();
    assert!(matches!(err, StoreError::InvalidField { field: "days", .. }), "{err:?}");
    let fine = ServiceTargets::default();
    assert!(matches!(
        store.set_service_targets(&Actor::command("test"), "nope", fine).await,
        Err(StoreError::NotFound)
    ));
}

async fn search_finds_any_fragment_of_thai_text_newest_first_and_pages(store: Store) {
    let subjects = [
        "ระบบวีดิทัศน์ทางไกลของจังหวัดขัดข้อง",
        "ขอใช้ห้องประชุมวีดิทัศน์",
        "เครือข่ายอินเทอร์เน็ตช้า",
        "ติดต่อคุณ \"สมชาย\" ที่ 02-222-1141",
    ];
    for (n, subject) in subjects.into_iter().enumerate() {
        let at = FILED + Duration::minutes(i64::try_from(n).unwrap());
        file(&store, input("complaint", "video-conference", "provinces", subject), Channel::Web, at).await;
    }
    let everything = InboxScope::Everything;
    let find = |words: &str| InboxFilter { search: Some(words.into()), ..Default::default() };
    assert_eq!(
        codes(&store, &everything, &find("ดิทัศน์"), FILED).await,
        ["ขอใช้ห้องประชุมวีดิทัศน์", "ระบบวีดิทัศน์ทางไกลของจังหวัดขัดข้อง"],
        "half a word, in the middle of text without spaces, newest first"
    );
    assert_eq!(codes(&store, &everything, &find("ช้า"), FILED).await, ["เครือข่ายอินเทอร์เน็ตช้า"]);
    assert_eq!(codes(&store, &everything, &find("ขอ"), FILED).await.len(), 2, "two characters still search");
    assert_eq!(codes(&store, &everything, &find("\"สมชาย\""), FILED).await.len(), 1, "quotes are text");
    assert_eq!(codes(&store, &everything, &find("222-1141"), FILED).await.len(), 1);
    assert!(codes(&store, &everything, &find("ดาวเทียม"), FILED).await.is_empty());
    let first = store.inbox(&everything, &find("วีดิทัศน์"), FILED, None, 1).await.unwrap();
    let next = store.inbox(&everything, &find("วีดิทัศน์"), FILED, Some(first[0].id), 1).await.unwrap();
    assert_eq!(next[0].subject, "ระบบวีดิทัศน์ทางไกลของจังหวัดขัดข้อง", "keyset paging works with search");
}
