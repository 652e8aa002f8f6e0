//! Demo activities: a seminar open for registration now, and a workshop held
//! three weeks ago with its attendance, minutes and follow-ups.

use ruamjai_domain::calendar::{bangkok_date, local_input_value};
use ruamjai_domain::engagement::activity::{ActivityInput, Status};
use ruamjai_domain::engagement::outcome::{FollowUpInput, FollowUpStatus};
use ruamjai_domain::engagement::registration::RegistrationInput;
use ruamjai_domain::participation::consultation::format_iso_date;
use ruamjai_domain::text::Text;
use ruamjai_store::Store;
use ruamjai_store::audit::Actor;
use ruamjai_store::engagement::{ActivityFilter, Registering};
use ruamjai_web::auth::token::{random_token, token_hash};
use ruamjai_web::new_registration_code as new_code;
use time::{Duration, OffsetDateTime};

const PEOPLE: [(&str, &str, &str, &str); 6] = [
    ("นายสมชาย ใจดี", "สำนักงานจังหวัดเชียงใหม่", "provinces", "somchai@chiangmai.example"),
    ("นางสาวสุดา แก้วมณี", "สำนักงานจังหวัดขอนแก่น", "provinces", "suda@khonkaen.example"),
    ("นายวิทยา ศรีสุข", "บริษัท ไทยเน็ตเวิร์ค จำกัด", "private-sector", "wittaya@thainet.example"),
    ("นางพรทิพย์ บุญมา", "สำนักงานจังหวัดสงขลา", "provinces", "porntip@songkhla.example"),
    ("นายอนันต์ วงศ์ไทย", "บริษัท ดาต้าเซ็นเตอร์ไทย จำกัด", "private-sector", "anan@dc.example"),
    ("นางสาวกมลา จันทร์เพ็ญ", "สำนักงานจังหวัดอุดรธานี", "provinces", "kamala@udon.example"),
];

/// Loads the demo activities once, into a database without any.
pub async fn load(store: &Store) -> anyhow::Result<()> {
    let now = OffsetDateTime::now_utc();
    if !store.activities(ActivityFilter::Upcoming(now - Duration::days(3650))).await?.is_empty() {
        return Ok(());
    }
    let actor = Actor::command("demo");
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
    let seminar = store.create_activity(&actor, &parse(&seminar)?, now - Duration::days(7)).await?;
    for person in &PEOPLE[..3] {
        register(store, seminar, person, now - Duration::days(2)).await?;
    }

    let workshop = ActivityInput {
        title: "ประชุมเชิงปฏิบัติการการใช้ระบบประชุมทางไกลสำหรับจังหวัด".into(),
        kind: "workshop".into(),
        starts_at: Some(at(-21, 9)),
        ends_at: Some(at(-21, 12)),
        venue: format!("ออนไลน์ผ่านระบบประชุมทางไกล และห้องประชุมศูนย์ฯ ({})", local_input_value(at(-21, 9))),
        capacity: "30".into(),
        group_codes: vec!["provinces".into(), "private-sector".into()],
        service_codes: vec!["video-conference".into()],
        registration_opens_at: Some(at(-40, 0)),
        registration_closes_at: Some(at(-22, 0)),
        division_code: "communication-technology".into(),
    };
    let workshop = store.create_activity(&actor, &parse(&workshop)?, now - Duration::days(40)).await?;
    let mut codes = Vec::new();
    for person in &PEOPLE {
        codes.push(register(store, workshop, person, now - Duration::days(30)).await?);
    }
    for code in &codes[..5] {
        store.check_in(&actor, workshop, code, at(-21, 9)).await?;
    }
    store.set_activity_status(&actor, workshop, Status::Held).await?;
    let minutes = Text::paragraphs(
        "ผู้เข้าร่วม 5 จาก 6 คน ทดลองจองห้องและเชื่อมต่อระบบประชุมทางไกลได้ครบทุกจังหวัด\n\
         ข้อเสนอ: ให้ศูนย์ฯ ทดสอบระบบก่อนประชุม 60 นาที และมีสายด่วนแจ้งเหตุขัดข้อง\n\
         ข้อตกลง: ปรับคู่มือการจองห้องประชุม และจัดอบรมรอบสองสำหรับภาคเอกชน",
        5000,
    )?;
    store.record_minutes(&actor, workshop, &minutes, at(-20, 10)).await?;
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
        let id = store.add_follow_up(&actor, workshop, &new, at(-20, 11)).await?;
        if done {
            store.set_follow_up_status(&actor, workshop, id, FollowUpStatus::Done, at(-5, 10)).await?;
        }
    }
    Ok(())
}

fn parse(input: &ActivityInput) -> anyhow::Result<ruamjai_domain::engagement::activity::NewActivity> {
    input.parse().map_err(|e| anyhow::anyhow!("demo activity: {e:?}"))
}

async fn register(
    store: &Store,
    activity_id: i64,
    (name, organisation, group, email): &(&str, &str, &str, &str),
    at: OffsetDateTime,
) -> anyhow::Result<ruamjai_domain::engagement::registration::RegistrationCode> {
    let input = RegistrationInput {
        name: (*name).into(),
        organisation: (*organisation).into(),
        group: (*group).into(),
        email: (*email).into(),
        phone: String::new(),
    };
    let person = input.parse().map_err(|e| anyhow::anyhow!("demo registration: {e:?}"))?;
    let code = new_code();
    let registering = Registering {
        activity_id,
        person: &person,
        code: &code,
        token_hash: &token_hash(&random_token()),
        confirmation: None,
        now: at,
    };
    store.register(&registering).await?;
    Ok(code)
}
