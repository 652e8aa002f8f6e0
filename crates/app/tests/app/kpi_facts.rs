//! Builders of indicator 4's facts, each made as the Center's people make
//! it: through the use cases of the area it belongs to, on the day [`NOW`].

use std::sync::Arc;

use ruamjai_app::engagement::{activities, attendance, outcomes};
use ruamjai_app::manuals::{self, work};
use ruamjai_app::participation::{filing, inbox};
use ruamjai_app::satisfaction::responses::{self, Sender};
use ruamjai_app::satisfaction::{improvements, surveys};
use ruamjai_app::{App, Caller};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::{FiscalYear, bangkok_date};
use ruamjai_domain::engagement::activity::{ActivityInput, Status as ActivityStatus};
use ruamjai_domain::engagement::registration::{NewRegistration, RegistrationInput};
use ruamjai_domain::manual::{ChannelInput, DurationInput, ListInput, Loose, Manual, ManualInput, StepInput};
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::{Channel, Status};
use ruamjai_domain::publication::{Action as Publication, Announcement, Channel as Medium};
use ruamjai_domain::satisfaction::improvement::{ImprovementInput, StandardInput};
use ruamjai_domain::satisfaction::response::{AnswerInput, ResponseInput};
use ruamjai_domain::satisfaction::standard::standard;
use ruamjai_domain::satisfaction::survey::SurveyInput;
use ruamjai_domain::text::Text;
use ruamjai_domain::work_manual::control::Action as WorkAction;
use ruamjai_store::participation::Step;
use ruamjai_store::satisfaction::Survey;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use crate::support::{public, staff};
use crate::work_manuals::complete;

/// The day the tests stand on: mid-January of fiscal year 2570, so that a
/// fortnight back and a month ahead stay inside the year.
pub(crate) const NOW: OffsetDateTime = datetime!(2027-01-15 10:00 +7);

/// The stakeholder groups an activity reaches: the three step 2 asks for.
pub(crate) const GROUPS: [&str; 3] = ["provinces", "moi-agencies", "private-sector"];

/// A division that owns services, with the officer who writes its work
/// manuals (and is their one reader) and the collector who reviews them.
pub(crate) struct Division {
    pub code: String,
    pub officer: Caller,
    pub collector: Caller,
}

pub(crate) struct Center {
    pub director: Caller,
    pub divisions: Vec<Division>,
}

impl Center {
    fn division(&self, code: &str) -> &Division {
        self.divisions.iter().find(|d| d.code == code).expect("a division that owns a service")
    }
}

/// The director, and a team in every division of the catalog's services.
pub(crate) async fn center(app: &App) -> Center {
    let director = staff(app, "director@ict.go.th", Role::Director, None).await;
    let mut divisions: Vec<Division> = Vec::new();
    for service in &app.catalog().await.unwrap().services {
        let code = service.division_code.as_str();
        if divisions.iter().all(|d| d.code != code) {
            divisions.push(Division {
                code: code.to_owned(),
                officer: staff(app, &format!("officer.{code}@ict.go.th"), Role::Officer, Some(code)).await,
                collector: staff(app, &format!("collector.{code}@ict.go.th"), Role::Collector, Some(code))
                    .await,
            });
        }
    }
    Center { director, divisions }
}

/// One matter through each channel: filed by the public on the web and
/// the API, logged by the director from the others; returns their codes.
pub(crate) async fn file_through(app: &App, director: &Caller, channels: &[Channel]) -> Vec<String> {
    let mut codes = Vec::new();
    for (n, channel) in (1..).zip(channels) {
        let matter = SubmissionInput {
            kind: "request".into(),
            service: "video-conference".into(),
            group: "provinces".into(),
            subject: "ขอเปิดห้องประชุมทางไกลเพิ่ม".into(),
            details: "จังหวัดต้องการห้องประชุมทางไกลสำหรับการประชุมประจำเดือน".into(),
            contact_name: "สมชาย ใจดี".into(),
            contact_email: "somchai@example.com".into(),
            contact_phone: String::new(),
        }
        .parse(*channel)
        .expect("a valid matter");
        let from = if channel.logged_by_staff() { director.clone() } else { public(n) };
        codes.push(filing::file(app, &from, &matter, &[], None).await.unwrap().filed.code.to_string());
    }
    codes
}

/// The matter resolved with a reply to the person, within the hour it came.
pub(crate) async fn answer(app: &App, director: &Caller, code: &str) {
    let reply = Step {
        to: Some(Status::Resolved), text: Some("เปิดห้องประชุมเพิ่มให้แล้ว"), public: true
    };
    inbox::step(app, director, code, reply).await.unwrap();
}

fn walk_in(group: &str, n: usize) -> NewRegistration {
    RegistrationInput {
        name: format!("ผู้แทนคนที่ {n}"),
        organisation: "หน่วยงานผู้รับบริการ".into(),
        group: group.into(),
        email: format!("guest{n}@example.com"),
        phone: String::new(),
    }
    .parse()
    .expect("a valid person")
}

/// A meeting of [`GROUPS`] held this morning, one person of each group
/// come to the door; its minutes not written yet.
pub(crate) async fn held_activity(app: &App, director: &Caller) -> i64 {
    let now = app.now();
    let meeting = ActivityInput {
        title: "ประชุมรับฟังความต้องการด้านเทคโนโลยีสารสนเทศ".into(),
        kind: "meeting".into(),
        starts_at: Some(now - Duration::hours(3)),
        ends_at: Some(now - Duration::hours(1)),
        venue: "ห้องประชุมศูนย์ฯ ศาลาว่าการกระทรวงมหาดไทย".into(),
        capacity: "30".into(),
        group_codes: GROUPS.map(String::from).to_vec(),
        service_codes: vec!["video-conference".into()],
        registration_opens_at: Some(now - Duration::days(14)),
        registration_closes_at: Some(now - Duration::days(1)),
        division_code: String::new(),
    }
    .parse()
    .expect("a valid meeting");
    let planned = app.as_of(now - Duration::days(14));
    let id = activities::create(&planned, director, meeting).await.unwrap();
    for (n, group) in GROUPS.iter().enumerate() {
        attendance::walk_in(app, director, id, &walk_in(group, n)).await.unwrap();
    }
    activities::set_status(app, director, id, ActivityStatus::Held).await.unwrap();
    id
}

pub(crate) async fn write_minutes(app: &App, director: &Caller, activity: i64) {
    let minutes =
        Text::paragraphs("ผู้แทนทั้งสามกลุ่มเสนอให้เพิ่มรอบการประชุมทางไกล ศูนย์ฯ รับไปดำเนินการ", 5_000).unwrap();
    outcomes::record_minutes(app, director, activity, &minutes).await.unwrap();
}

/// A survey of the provinces about video conferencing, opened yesterday,
/// with the provinces' population known.
pub(crate) async fn survey_of_provinces(app: &App, director: &Caller, population: u64) -> Arc<Survey> {
    let now = app.now();
    let survey = SurveyInput {
        name: "สำรวจความพึงพอใจต่อการประชุมทางไกล".into(),
        questionnaire: "standard".into(),
        service_codes: vec!["video-conference".into()],
        group_codes: vec!["provinces".into()],
        opens_at: Some(now - Duration::days(1)),
        closes_at: Some(now + Duration::days(30)),
        populations: vec![("provinces".into(), population.to_string())],
        ..SurveyInput::default()
    }
    .parse()
    .expect("a valid survey");
    let id = surveys::launch(app, director, &survey).await.unwrap();
    app.public_survey(id).await.unwrap()
}

/// One province's answers, satisfied throughout, from respondent `n`'s own address.
pub(crate) async fn respond(app: &App, survey: &Arc<Survey>, n: u8) {
    let answers =
        standard().scale_items().map(|(_, item)| (item.code.clone(), AnswerInput::One("4".into()))).collect();
    let input = ResponseInput { group: "provinces".into(), service: "video-conference".into(), answers };
    responses::take(app, &public(100 + n), survey, &input, &Sender::default(), app.now()).await.unwrap();
}

pub(crate) async fn improvement_from(app: &App, director: &Caller, survey: i64) {
    let action = ImprovementInput {
        source: "item".into(),
        source_ref: "process-2".into(),
        service: "video-conference".into(),
        what: "ทดสอบระบบก่อนการประชุมทุกครั้ง 60 นาที".into(),
        owner: "ส่วนเทคโนโลยีการสื่อสาร".into(),
        due_on: "2027-03-31".into(),
        ..ImprovementInput::default()
    }
    .parse()
    .expect("a valid action");
    improvements::create(app, director, Some(survey), &action).await.unwrap();
}

/// The year's standard of every service: 85 % satisfied at least.
pub(crate) async fn standard_for_every_service(app: &App, director: &Caller) {
    let year = FiscalYear::of(app.now());
    let standard = StandardInput {
        satisfied_min_pct: "85".into(),
        dissatisfied_max_pct: "5".into(),
        resolution_days: "15".into(),
    }
    .parse()
    .expect("a valid standard");
    for service in &app.catalog().await.unwrap().services {
        improvements::set_standard(app, director, &service.code, year, &standard).await.unwrap();
    }
}

fn citizen_manual() -> Manual {
    ManualInput {
        responsible_unit: "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร".into(),
        legal_basis: "ระเบียบกระทรวงมหาดไทย".into(),
        channels: vec![ChannelInput {
            place: "ศาลาว่าการกระทรวงมหาดไทย".into(), ..ChannelInput::default()
        }],
        criteria: "หน่วยงานในสังกัด".into(),
        steps: vec![
            StepInput {
                title: "รับคำขอ".into(),
                duration: DurationInput { value: Loose::Integer(30), unit: "minutes".into() },
                responsible_unit: "ฝ่ายบริการ".into(),
                ..StepInput::default()
            },
            StepInput {
                title: "ดำเนินการ".into(),
                duration: DurationInput { value: Loose::Integer(2), unit: "working_days".into() },
                ..StepInput::default()
            },
        ],
        documents: ListInput::Word("none".into()),
        fees: ListInput::Word("none".into()),
        complaint_channels: "สายด่วน 1567".into(),
        ..ManualInput::default()
    }
    .parse()
    .expect("a complete manual")
}

/// Every service's citizen manual drafted, approved and published today,
/// announced on the website today.
pub(crate) async fn citizen_manual_for_every_service(app: &App, director: &Caller) {
    let announcement =
        Announcement { date: bangkok_date(app.now()), channels: vec![Medium::Website], note: String::new() };
    for service in &app.catalog().await.unwrap().services {
        let service = service.code.as_str();
        manuals::save_draft(app, director, service, citizen_manual(), "ฉบับแรก", None).await.unwrap();
        for action in [Publication::Submit, Publication::Approve] {
            manuals::act(app, director, service, action, "").await.unwrap();
        }
        manuals::publish(app, director, service, app.now(), &announcement, &[]).await.unwrap();
    }
}

/// Every service's work manual written by its division's officer, reviewed
/// by its collector, approved by the director and in force today, addressed
/// to the division's officers; each with the officer who is to read it.
pub(crate) async fn work_manual_for_every_service(app: &App, center: &Center) -> Vec<(i64, Caller)> {
    let today = bangkok_date(app.now());
    let mut manuals = Vec::new();
    for service in &app.catalog().await.unwrap().services {
        let division = center.division(&service.division_code);
        let new = work::NewManual {
            service: service.code.clone(),
            title_th: format!("คู่มือการปฏิบัติงาน{}", service.name_th),
            title_en: format!("Work manual: {}", service.name_en),
            roles: vec!["officer".into()],
            divisions: vec![division.code.clone()],
            ..work::NewManual::default()
        };
        let id = work::create(app, &division.officer, new).await.unwrap().id;
        work::save_draft(app, &division.officer, id, &complete(2)).await.unwrap();
        work::act(app, &division.officer, id, WorkAction::Submit, "", None).await.unwrap();
        work::act(app, &division.collector, id, WorkAction::Review, "", None).await.unwrap();
        work::act(app, &center.director, id, WorkAction::Approve, "", Some(today)).await.unwrap();
        manuals.push((id, division.officer.clone()));
    }
    manuals
}
