//! Staff work manuals: drafted by the division, reviewed by its collector,
//! approved by the director — three different people — then read and
//! acknowledged by the staff they are addressed to, and reviewed each year.

use ruamjai_app::manuals::work::{self, NewManual};
use ruamjai_app::{App, Caller, Error};
use ruamjai_domain::accounts::{FieldError, Role};
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::manual::{
    ChannelInput, DurationInput, ListInput, Loose, ManualInput, StepInput as CitizenStep,
};
use ruamjai_domain::publication::{Action as CitizenAction, Announcement, Channel};
use ruamjai_domain::work_manual::control::{Action, ReviewOutcome, RevisionNumber, Stage, Standing};
use ruamjai_domain::work_manual::diff::StepChangeKind;
use ruamjai_domain::work_manual::{Draft, WorkManualInput};
use ruamjai_store::work_manuals::{Duty, WorkManualFilter};
use serde_json::json;
use time::{Date, Duration};

use crate::support::staff;

crate::app_tests!(
    a_draft_from_the_citizen_manual_carries_its_steps_and_is_checked_against_its_promise,
    author_reviewer_and_approver_are_three_different_people,
    only_a_draft_is_edited_and_only_a_complete_one_is_submitted,
    an_officer_of_another_division_reads_but_does_not_edit,
    the_audience_is_told_once_and_acknowledges_once_per_major_revision,
    a_review_falls_due_a_year_after_taking_effect_and_revise_opens_a_draft,
    two_revisions_compare_step_by_step,
);

const SERVICE: &str = "e-information";
pub(crate) const DIVISION: &str = "information-technology";

/// The people of one division and the director.
pub(crate) struct Team {
    pub officer: Caller,
    pub colleague: Caller,
    pub collector: Caller,
    pub director: Caller,
}

pub(crate) async fn team(app: &App) -> Team {
    Team {
        officer: staff(app, "author@ict.go.th", Role::Officer, Some(DIVISION)).await,
        colleague: staff(app, "reader@ict.go.th", Role::Officer, Some(DIVISION)).await,
        collector: staff(app, "collector@ict.go.th", Role::Collector, Some(DIVISION)).await,
        director: staff(app, "director@ict.go.th", Role::Director, None).await,
    }
}

pub(crate) fn today(app: &App) -> Date {
    bangkok_date(app.now())
}

pub(crate) fn new_manual(from_citizen_manual: bool) -> NewManual {
    NewManual {
        service: SERVICE.into(),
        title_th: "การให้บริการสารสนเทศอิเล็กทรอนิกส์".into(),
        title_en: "Electronic information services".into(),
        roles: vec!["officer".into()],
        divisions: vec![DIVISION.into()],
        from_citizen_manual,
        ..NewManual::default()
    }
}

fn draft(value: serde_json::Value) -> Draft {
    serde_json::from_value::<WorkManualInput>(value).expect("the API's shape").parse().expect("a valid draft")
}

pub(crate) fn complete(days: u32) -> Draft {
    draft(json!({
        "objective": "เพื่อให้การให้บริการสารสนเทศเป็นมาตรฐานเดียวกัน",
        "scope": "ตั้งแต่รับคำขอจนแจ้งผล",
        "responsibilities": [{"role": "เจ้าหน้าที่", "duties": "ตรวจสอบและดำเนินการตามคำขอ"}],
        "steps": [
            {"title": "รับคำขอ", "duration": {"value": 30, "unit": "minutes"}},
            {"title": "ดำเนินการ", "duration": {"value": days, "unit": "working_days"}, "standard": "ตรวจทานก่อนส่ง"},
            {"title": "แจ้งผล", "kind": "end"}
        ],
        "standards": "แล้วเสร็จภายในเวลาที่ประกาศ",
        "monitoring": "หัวหน้าส่วนตรวจสอบทุกเดือน",
        "change_summary": "จัดทำครั้งแรก"
    }))
}

/// A manual taken from a complete draft to approved, effective today.
async fn approved(app: &App, team: &Team, days: u32) -> i64 {
    let record = work::create(app, &team.officer, new_manual(false)).await.unwrap();
    work::save_draft(app, &team.officer, record.id, &complete(days)).await.unwrap();
    take_to_approval(app, team, record.id).await;
    record.id
}

pub(crate) async fn take_to_approval(app: &App, team: &Team, id: i64) {
    work::act(app, &team.officer, id, Action::Submit, "", None).await.unwrap();
    work::act(app, &team.collector, id, Action::Review, "", None).await.unwrap();
    work::act(app, &team.director, id, Action::Approve, "", Some(today(app))).await.unwrap();
}

async fn publish_citizen_manual(app: &App, director: &Caller) {
    let manual = ManualInput {
        responsible_unit: "ส่วนเทคโนโลยีสารสนเทศ".into(),
        legal_basis: "ระเบียบกระทรวงมหาดไทย".into(),
        channels: vec![ChannelInput {
            place: "ศาลาว่าการกระทรวงมหาดไทย".into(), ..ChannelInput::default()
        }],
        criteria: "หน่วยงานในสังกัด".into(),
        steps: vec![
            CitizenStep {
                title: "รับคำขอ".into(),
                duration: DurationInput { value: Loose::Integer(30), unit: "minutes".into() },
                responsible_unit: "ฝ่ายบริการ".into(),
                ..CitizenStep::default()
            },
            CitizenStep {
                title: "ดำเนินการ".into(),
                duration: DurationInput { value: Loose::Integer(2), unit: "working_days".into() },
                ..CitizenStep::default()
            },
        ],
        documents: ListInput::Word("none".into()),
        fees: ListInput::Word("none".into()),
        complaint_channels: "สายด่วน 1567".into(),
        ..ManualInput::default()
    }
    .parse()
    .unwrap();
    let manuals = ruamjai_app::manuals::save_draft;
    manuals(app, director, SERVICE, manual, "ฉบับแรก", None).await.unwrap();
    for action in [CitizenAction::Submit, CitizenAction::Approve] {
        ruamjai_app::manuals::act(app, director, SERVICE, action, "").await.unwrap();
    }
    let announcement =
        Announcement { date: today(app), channels: vec![Channel::Website], note: String::new() };
    ruamjai_app::manuals::publish(app, director, SERVICE, app.now(), &announcement, &[]).await.unwrap();
}

async fn a_draft_from_the_citizen_manual_carries_its_steps_and_is_checked_against_its_promise(app: App) {
    let team = team(&app).await;
    let refused = work::create(&app, &team.officer, new_manual(true)).await.unwrap_err();
    assert!(
        matches!(&refused, Error::InvalidItems(f) if f == &[("from_citizen_manual".to_owned(), FieldError::NothingPublished)]),
        "{refused:?}"
    );
    publish_citizen_manual(&app, &team.director).await;
    let record = work::create(&app, &team.officer, new_manual(true)).await.unwrap();
    assert_eq!(record.code, "WM-INFORMATION-TECHNOLOGY-E-INFORMATION-01");
    let detail = work::detail(&app, &team.officer, record.id).await.unwrap();
    let open = detail.open().expect("a first draft");
    let content = open.revision.content().unwrap();
    let titles: Vec<&str> = content.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["รับคำขอ", "ดำเนินการ"]);
    assert_eq!(content.steps[0].responsible, "ฝ่ายบริการ");
    assert_eq!(open.revision.number, RevisionNumber::FIRST);
    assert_eq!(open.revision.signature(Duty::Author).map(|s| s.user_id), team.officer.staff().map(|u| u.id));
    assert!(!detail.promise.unwrap().exceeded, "the same steps take the promised time");

    work::save_draft(&app, &team.officer, record.id, &complete(5)).await.unwrap();
    let detail = work::detail(&app, &team.officer, record.id).await.unwrap();
    assert!(detail.promise.unwrap().exceeded, "five working days is more than the public's two");
    let second = work::create(&app, &team.officer, new_manual(false)).await.unwrap();
    assert_eq!(second.code, "WM-INFORMATION-TECHNOLOGY-E-INFORMATION-02", "numbered among the service's");
}

async fn author_reviewer_and_approver_are_three_different_people(app: App) {
    let team = team(&app).await;
    let record = work::create(&app, &team.collector, new_manual(false)).await.unwrap();
    let id = record.id;
    work::save_draft(&app, &team.collector, id, &complete(2)).await.unwrap();
    let not_author = work::act(&app, &team.officer, id, Action::Submit, "", None).await.unwrap_err();
    assert!(matches!(not_author, Error::Refused("not-the-author")), "{not_author:?}");
    work::act(&app, &team.collector, id, Action::Submit, "", None).await.unwrap();
    let own = work::act(&app, &team.collector, id, Action::Review, "", None).await.unwrap_err();
    assert!(matches!(own, Error::Refused("own-revision")), "{own:?}");
    let officer = work::act(&app, &team.officer, id, Action::Review, "", None).await.unwrap_err();
    assert!(matches!(officer, Error::Forbidden), "officers do not review: {officer:?}");
    let early =
        work::act(&app, &team.director, id, Action::Approve, "", Some(today(&app))).await.unwrap_err();
    assert!(matches!(early, Error::Conflict("transition")), "not before review: {early:?}");

    work::act(&app, &team.director, id, Action::Review, "", None).await.unwrap();
    let twice =
        work::act(&app, &team.director, id, Action::Approve, "", Some(today(&app))).await.unwrap_err();
    assert!(matches!(twice, Error::Refused("already-reviewed")), "{twice:?}");
    let no_comment = work::act(&app, &team.director, id, Action::Return, " ", None).await.unwrap_err();
    assert!(matches!(&no_comment, Error::Invalid(f) if f[0].0 == "comment"), "{no_comment:?}");
    let returned =
        work::act(&app, &team.director, id, Action::Return, "ระบุมาตรฐานเวลาให้ชัด", None).await.unwrap();
    assert_eq!((returned.stage, returned.return_comment.as_str()), (Stage::Draft, "ระบุมาตรฐานเวลาให้ชัด"));
    assert!(returned.signature(Duty::Reviewer).is_none(), "the next round is reviewed anew");

    let second_collector = staff(&app, "collector2@ict.go.th", Role::Collector, Some(DIVISION)).await;
    work::act(&app, &team.collector, id, Action::Submit, "", None).await.unwrap();
    work::act(&app, &second_collector, id, Action::Review, "", None).await.unwrap();
    let yesterday = today(&app) - Duration::days(1);
    let past = work::act(&app, &team.director, id, Action::Approve, "", Some(yesterday)).await.unwrap_err();
    assert!(
        matches!(&past, Error::Invalid(f) if f == &[("effective_date", FieldError::BeforeToday)]),
        "{past:?}"
    );
    let approved = work::act(&app, &team.director, id, Action::Approve, "", Some(today(&app))).await.unwrap();
    let signers: Vec<(Duty, i64)> = approved.signatures.iter().map(|s| (s.duty, s.user_id)).collect();
    let id_of = |c: &Caller| c.staff().unwrap().id;
    assert_eq!(
        signers,
        [
            (Duty::Author, id_of(&team.collector)),
            (Duty::Reviewer, id_of(&second_collector)),
            (Duty::Approver, id_of(&team.director))
        ]
    );
    assert_eq!(approved.content_hash.len(), 64);
    let detail = work::detail(&app, &team.officer, id).await.unwrap();
    assert_eq!(detail.effective().map(|l| l.revision.number), Some(RevisionNumber::FIRST));
}

async fn only_a_draft_is_edited_and_only_a_complete_one_is_submitted(app: App) {
    let team = team(&app).await;
    let record = work::create(&app, &team.officer, new_manual(false)).await.unwrap();
    work::save_draft(&app, &team.officer, record.id, &draft(json!({"objective": "เพื่อ"}))).await.unwrap();
    let incomplete = work::act(&app, &team.officer, record.id, Action::Submit, "", None).await.unwrap_err();
    let Error::InvalidItems(fields) = incomplete else { panic!("{incomplete:?}") };
    let names: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(names, ["scope", "responsibilities", "steps", "standards", "monitoring"]);
    work::save_draft(&app, &team.officer, record.id, &complete(2)).await.unwrap();
    work::act(&app, &team.officer, record.id, Action::Submit, "", None).await.unwrap();
    let editing = work::save_draft(&app, &team.officer, record.id, &complete(3)).await.unwrap_err();
    assert!(matches!(editing, Error::Conflict("version-not-draft")), "{editing:?}");
}

async fn an_officer_of_another_division_reads_but_does_not_edit(app: App) {
    let team = team(&app).await;
    let record = work::create(&app, &team.officer, new_manual(false)).await.unwrap();
    let other = staff(&app, "infra@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let edit = work::save_draft(&app, &other, record.id, &complete(2)).await.unwrap_err();
    assert!(matches!(edit, Error::Forbidden), "{edit:?}");
    let start = work::create(&app, &other, new_manual(false)).await.unwrap_err();
    assert!(matches!(start, Error::Forbidden), "not for the service of another division: {start:?}");
    assert_eq!(work::detail(&app, &other, record.id).await.unwrap().record.code, record.code);
    let evaluator = staff(&app, "evaluator@ict.go.th", Role::Evaluator, None).await;
    let listed = work::list(&app, &evaluator, WorkManualFilter::default()).await.unwrap();
    assert_eq!(listed.len(), 1);
    let write = work::save_draft(&app, &evaluator, record.id, &complete(2)).await.unwrap_err();
    assert!(matches!(write, Error::Forbidden));
}

async fn the_audience_is_told_once_and_acknowledges_once_per_major_revision(app: App) {
    let team = team(&app).await;
    let outside = staff(&app, "infra@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let id = approved(&app, &team, 2).await;
    let mails: Vec<String> = app.store().outbox(50).await.unwrap().into_iter().map(|m| m.recipient).collect();
    let mut told = mails.clone();
    told.sort();
    assert_eq!(told, ["author@ict.go.th", "reader@ict.go.th"], "the division's officers, once each");
    assert_eq!(work::announce_effective(&app).await.unwrap(), 0, "nothing is told twice");

    let to_read = work::to_read(&app, &team.colleague).await.unwrap();
    assert_eq!(to_read.len(), 1);
    assert!(work::to_read(&app, &outside).await.unwrap().is_empty());
    assert!(work::acknowledge(&app, &team.colleague, id, 0).await.unwrap(), "recorded");
    assert!(!work::acknowledge(&app, &team.colleague, id, 0).await.unwrap(), "once");
    let not_addressed = work::acknowledge(&app, &outside, id, 0).await.unwrap_err();
    assert!(matches!(not_addressed, Error::Refused("not-addressed")), "{not_addressed:?}");
    let not_in_force = work::acknowledge(&app, &team.colleague, id, 1).await.unwrap_err();
    assert!(matches!(not_in_force, Error::Conflict("not-in-force")), "{not_in_force:?}");
    let detail = work::detail(&app, &team.collector, id).await.unwrap();
    assert_eq!(detail.effective().unwrap().acknowledged, 1);
    let missing: Vec<&str> = detail.missing_readers(0).iter().map(|r| r.email.as_str()).collect();
    assert_eq!(missing, ["author@ict.go.th"]);
    assert_eq!(detail.by_division(0), [(Some(DIVISION.to_owned()), 1, 2)]);
    let newcomer = staff(&app, "newcomer@ict.go.th", Role::Officer, Some(DIVISION)).await;
    assert_eq!(work::to_read(&app, &newcomer).await.unwrap().len(), 1, "who joins the audience is asked too");

    let mut minor = complete(2);
    minor.change =
        ruamjai_domain::work_manual::control::Change::Minor { reason: "แก้คำผิด".into() };
    work::save_draft(&app, &team.officer, id, &minor).await.unwrap();
    take_to_approval(&app, &team, id).await;
    let detail = work::detail(&app, &team.collector, id).await.unwrap();
    assert_eq!(detail.effective().unwrap().revision.number.label(), "0.1");
    assert!(
        work::to_read(&app, &team.colleague).await.unwrap().is_empty(),
        "a correction keeps the acknowledgement"
    );

    work::save_draft(&app, &team.officer, id, &complete(3)).await.unwrap();
    take_to_approval(&app, &team, id).await;
    let again = work::to_read(&app, &team.colleague).await.unwrap();
    assert_eq!((again[0].revision.number.label(), again[0].read_before), ("1".to_owned(), Some(0)));
}

async fn a_review_falls_due_a_year_after_taking_effect_and_revise_opens_a_draft(app: App) {
    let team = team(&app).await;
    let id = approved(&app, &team, 2).await;
    let detail = work::detail(&app, &team.officer, id).await.unwrap();
    let due = detail.review_due.unwrap();
    assert_eq!(due, ruamjai_domain::work_manual::control::add_months(today(&app), 12));
    assert!(!detail.review_overdue);
    let later = app.as_of(app.now() + Duration::days(400));
    let lines = work::list(
        &later,
        &team.collector,
        WorkManualFilter { division: Some(DIVISION), ..Default::default() },
    )
    .await
    .unwrap();
    assert!(lines[0].review_overdue, "overdue a year and a month on");
    assert_eq!(work::reviews_overdue(&later, &team.collector).await.unwrap().len(), 1, "on the owners' home");
    assert_eq!(work::reviews_overdue(&later, &team.director).await.unwrap().len(), 1);
    let other = staff(&later, "infra@ict.go.th", Role::Officer, Some("infrastructure")).await;
    assert!(work::reviews_overdue(&later, &other).await.unwrap().is_empty(), "not another division's");

    let officer = work::review(&later, &team.officer, id, ReviewOutcome::NoChange, "").await.unwrap_err();
    assert!(matches!(officer, Error::Forbidden), "the division's collector reviews");
    work::review(&later, &team.collector, id, ReviewOutcome::NoChange, "ยังเป็นปัจจุบัน").await.unwrap();
    let detail = work::detail(&later, &team.officer, id).await.unwrap();
    assert!(!detail.review_overdue);
    assert_eq!(detail.review_due, Some(ruamjai_domain::work_manual::control::add_months(today(&later), 12)));
    assert_eq!(
        detail.effective().unwrap().revision.number,
        RevisionNumber::FIRST,
        "no change keeps the revision"
    );

    work::review(&later, &team.collector, id, ReviewOutcome::Revise, "ปรับขั้นตอนตามระบบใหม่").await.unwrap();
    let detail = work::detail(&later, &team.officer, id).await.unwrap();
    let open = detail.open().expect("a draft to revise");
    assert_eq!((open.standing, open.revision.number.label()), (Standing::Draft, "1".to_owned()));
    assert_eq!(detail.reviews.len(), 2);
}

async fn two_revisions_compare_step_by_step(app: App) {
    let team = team(&app).await;
    let id = approved(&app, &team, 2).await;
    work::save_draft(&app, &team.officer, id, &complete(3)).await.unwrap();
    let comparison = work::compare(
        &app,
        &team.colleague,
        id,
        RevisionNumber::FIRST,
        RevisionNumber { number: 1, correction: 0 },
    )
    .await
    .unwrap();
    let steps: Vec<(u32, StepChangeKind, Vec<&str>)> = comparison
        .steps
        .iter()
        .map(|s| (s.number, s.change, s.fields.iter().map(|f| f.field).collect()))
        .collect();
    assert_eq!(steps, [(2, StepChangeKind::Changed, vec!["duration"])]);
    assert!(comparison.sections.iter().all(|s| !s.is_changed()));
    let unknown = work::compare(
        &app,
        &team.colleague,
        id,
        RevisionNumber::FIRST,
        RevisionNumber { number: 7, correction: 0 },
    )
    .await
    .unwrap_err();
    assert!(matches!(&unknown, Error::Invalid(f) if f[0].0 == "to"), "{unknown:?}");
}
