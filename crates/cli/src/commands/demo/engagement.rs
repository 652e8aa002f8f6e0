//! Demo activities: a seminar open for registration now, to which the
//! provinces in the directory were invited, and a workshop held three weeks
//! ago with its attendance, minutes and follow-ups.

use ruamjai_app::App;
use ruamjai_app::engagement::{activities, attendance, directory, invitations, outcomes, registrations};
use ruamjai_domain::calendar::{bangkok_date, local_input_value};
use ruamjai_domain::catalog::Code;
use ruamjai_domain::engagement::activity::{ActivityInput, Status};
use ruamjai_domain::engagement::directory_import::{Vocabulary, parse_table};
use ruamjai_domain::engagement::outcome::{FollowUpInput, FollowUpStatus};
use ruamjai_domain::engagement::registration::RegistrationInput;
use ruamjai_domain::participation::consultation::format_iso_date;
use ruamjai_domain::text::Text;
use ruamjai_store::engagement::{ActivityFilter, Invitees};
use time::Duration;

use super::{DEMO, someone};

const PEOPLE: [(&str, &str, &str, &str); 6] = [
    ("นายสมชาย ใจดี", "สำนักงานจังหวัดเชียงใหม่", "provinces", "somchai@chiangmai.example"),
    ("นางสาวสุดา แก้วมณี", "สำนักงานจังหวัดขอนแก่น", "provinces", "suda@khonkaen.example"),
    ("นายวิทยา ศรีสุข", "บริษัท ไทยเน็ตเวิร์ค จำกัด", "private-sector", "wittaya@thainet.example"),
    ("นางพรทิพย์ บุญมา", "กรมการปกครอง", "moi-agencies", "porntip@dopa.example"),
    ("นายอนันต์ วงศ์ไทย", "บริษัท ดาต้าเซ็นเตอร์ไทย จำกัด", "private-sector", "anan@dc.example"),
    ("นางสาวกมลา จันทร์เพ็ญ", "สำนักงานจังหวัดอุดรธานี", "provinces", "kamala@udon.example"),
];

/// Loads the demo activities once, into a database without any.
pub async fn load(app: &App) -> anyhow::Result<()> {
    let now = app.now();
    let ever = ActivityFilter::Upcoming(now - Duration::days(3650));
    if !activities::list(app, &DEMO, ever).await?.is_empty() {
        return Ok(());
    }
    let at = |days: i64, hour: i64| {
        let day = bangkok_date(now + Duration::days(days));
        ruamjai_domain::calendar::bangkok_midnight(day) + Duration::hours(hour)
    };
    let seminar = ActivityInput {
        title: "สัมมนาความร่วมมือด้านเทคโนโลยีสารสนเทศกับจังหวัดและภาคเอกชน".into(),
        kind: "seminar".into(),
        starts_at: Some(at(14, 9)),
        ends_at: Some(at(14, 16)),
        venue: "ห้องประชุมชั้น 5 ศาลาว่าการกระทรวงมหาดไทย ถนนอัษฎางค์ กรุงเทพฯ".into(),
        capacity: "60".into(),
        group_codes: vec!["provinces".into(), "private-sector".into()],
        service_codes: vec!["video-conference".into(), "network-interconnection".into()],
        registration_opens_at: Some(at(-7, 0)),
        registration_closes_at: Some(at(12, 0)),
        division_code: "strategy".into(),
    };
    let seminar = activities::create(&app.as_of(now - Duration::days(7)), &DEMO, parse(&seminar)?).await?;
    load_directory(&app.as_of(now - Duration::days(10))).await?;
    let provinces = ["provinces".to_owned()];
    let invitees = Invitees { group_codes: &provinces, contact_ids: &[] };
    invitations::invite(&app.as_of(now - Duration::days(6)), &DEMO, seminar, invitees).await?;
    for (n, person) in PEOPLE[..3].iter().enumerate() {
        register(&app.as_of(now - Duration::days(2)), seminar, n, person).await?;
    }

    let workshop = ActivityInput {
        title: "ประชุมเชิงปฏิบัติการการใช้ระบบประชุมทางไกลสำหรับจังหวัด".into(),
        kind: "workshop".into(),
        starts_at: Some(at(-21, 9)),
        ends_at: Some(at(-21, 12)),
        venue: format!("ออนไลน์ผ่านระบบประชุมทางไกล และห้องประชุมศูนย์ฯ ({})", local_input_value(at(-21, 9))),
        capacity: "30".into(),
        group_codes: vec!["provinces".into(), "moi-agencies".into(), "private-sector".into()],
        service_codes: vec!["video-conference".into()],
        registration_opens_at: Some(at(-40, 0)),
        registration_closes_at: Some(at(-22, 0)),
        division_code: "communication-technology".into(),
    };
    let workshop = activities::create(&app.as_of(now - Duration::days(40)), &DEMO, parse(&workshop)?).await?;
    let mut codes = Vec::new();
    for (n, person) in PEOPLE.iter().enumerate() {
        codes.push(register(&app.as_of(now - Duration::days(30)), workshop, 10 + n, person).await?);
    }
    for code in &codes[..5] {
        attendance::check_in(&app.as_of(at(-21, 9)), &DEMO, workshop, &code.to_string()).await?;
    }
    activities::set_status(&app.as_of(at(-21, 12)), &DEMO, workshop, Status::Held).await?;
    let minutes = Text::paragraphs(
        "ผู้เข้าร่วม 5 จาก 6 คน ทดลองจองห้องและเชื่อมต่อระบบประชุมทางไกลได้ครบทุกจังหวัด\n\
         ข้อเสนอ: ให้ศูนย์ฯ ทดสอบระบบก่อนประชุม 60 นาที และมีสายด่วนแจ้งเหตุขัดข้อง\n\
         ข้อตกลง: ปรับคู่มือการจองห้องประชุม และจัดอบรมรอบสองสำหรับภาคเอกชน",
        5000,
    )?;
    outcomes::record_minutes(&app.as_of(at(-20, 10)), &DEMO, workshop, &minutes).await?;
    let follow_ups = [
        ("ปรับปรุงคู่มือการจองห้องประชุมทางไกลให้มีขั้นตอนทดสอบระบบ 60 นาที", "ส่วนเทคโนโลยีการสื่อสาร", 10, true),
        ("จัดอบรมรอบสองสำหรับหน่วยงานภาคเอกชน", "ส่วนยุทธศาสตร์ฯ", 45, false),
    ];
    for (what, owner, due_in, done) in follow_ups {
        let input = FollowUpInput {
            what: what.into(),
            owner: owner.into(),
            due_on: format_iso_date(bangkok_date(now + Duration::days(due_in))),
            submission: String::new(),
        };
        let new = input.parse().map_err(|e| anyhow::anyhow!("demo follow-up: {e:?}"))?;
        let id = outcomes::add_follow_up(&app.as_of(at(-20, 11)), &DEMO, workshop, &new).await?;
        if done {
            let then = app.as_of(at(-5, 10));
            outcomes::set_follow_up_status(&then, &DEMO, workshop, id, FollowUpStatus::Done).await?;
        }
    }
    Ok(())
}

/// The directory as an office would import it from its own sheet: the
/// people of the demo activities, a contact reached by phone only, and an
/// organisation without a contact yet.
async fn load_directory(app: &App) -> anyhow::Result<()> {
    let mut sheet: Vec<Vec<String>> = vec![
        [
            "organisation",
            "group",
            "province",
            "contact_name",
            "position",
            "email",
            "phone",
            "pdpa_basis",
            "given_on",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for (name, organisation, group, email) in PEOPLE {
        let province = organisation.strip_prefix("สำนักงานจังหวัด").unwrap_or("กรุงเทพมหานคร");
        let basis = if group == "provinces" { "public-task" } else { "consent" };
        sheet.push(
            [
                organisation,
                group,
                province,
                name,
                "ผู้ประสานงานด้านเทคโนโลยีสารสนเทศ",
                email,
                "",
                basis,
                "2026-10-01",
            ]
            .map(String::from)
            .to_vec(),
        );
    }
    let more = [
        [
            "สำนักงานจังหวัดน่าน",
            "provinces",
            "น่าน",
            "นางสาวนภา ดาวเด่น",
            "นักวิชาการคอมพิวเตอร์",
            "",
            "054 710 000",
            "public-task",
            "2026-10-03",
        ],
        ["สำนักงานจังหวัดตาก", "provinces", "ตาก", "", "", "", "", "", ""],
        [
            "สำนักงานคณะกรรมการการเลือกตั้ง",
            "independent-organisations",
            "กรุงเทพมหานคร",
            "นายประเสริฐ มั่นคง",
            "ผู้อำนวยการกลุ่มงานเทคโนโลยี",
            "prasert@ect.example",
            "",
            "public-task",
            "2026-10-05",
        ],
    ];
    sheet.extend(more.iter().map(|row| row.map(String::from).to_vec()));
    let groups = ["provinces", "moi-agencies", "private-sector", "independent-organisations"];
    let vocabulary = Vocabulary {
        groups: groups.iter().filter_map(|g| Code::parse(g).ok().map(|c| ((*g).to_owned(), c))).collect(),
        ..Vocabulary::default()
    };
    let rows = parse_table(&sheet, &vocabulary).map_err(|e| anyhow::anyhow!("demo directory: {e:?}"))?;
    directory::import(app, &DEMO, &rows).await?;
    Ok(())
}

fn parse(input: &ActivityInput) -> anyhow::Result<ruamjai_domain::engagement::activity::NewActivity> {
    input.parse().map_err(|e| anyhow::anyhow!("demo activity: {e:?}"))
}

/// Someone of the public registers on the activity's page.
async fn register(
    app: &App,
    activity_id: i64,
    n: usize,
    (name, organisation, group, email): &(&str, &str, &str, &str),
) -> anyhow::Result<ruamjai_domain::engagement::registration::RegistrationCode> {
    let input = RegistrationInput {
        name: (*name).into(),
        organisation: (*organisation).into(),
        group: (*group).into(),
        email: (*email).into(),
        phone: String::new(),
    };
    let person = input.parse().map_err(|e| anyhow::anyhow!("demo registration: {e:?}"))?;
    let taken = registrations::register(app, &someone(200 + n as u64), activity_id, &person).await?;
    Ok(taken.code)
}
