//! Demo matters for milestone 1: a living inbox with some of everything —
//! channels, kinds, groups, overdue items, a wait for the submitter, answered
//! and rejected ones. Loaded only into a database that has no submissions.

use ruamjai_app::App;
use ruamjai_app::participation::{consultations, filing, inbox};
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::participation::consultation::{
    CommentInput, ConsultationInput, Moderation, RESPONSE_MAX_CHARS, format_iso_date,
};
use ruamjai_domain::participation::submission::SubmissionInput;
use ruamjai_domain::participation::you_said::YouSaid;
use ruamjai_domain::participation::{Channel, Status, TrackingCode};
use ruamjai_domain::text::Text;
use ruamjai_store::participation::{InboxFilter, Step};
use time::{Duration, OffsetDateTime};

use super::{DEMO, someone};

struct Matter {
    kind: &'static str,
    service: &'static str,
    group: &'static str,
    channel: Channel,
    subject: &'static str,
    details: &'static str,
    days_ago: i64,
    /// (days after filing, new status, text, shown to the submitter)
    steps: &'static [(i64, Status, &'static str, bool)],
}

#[rustfmt::skip]
const MATTERS: &[Matter] = &[
    Matter { kind: "complaint", service: "video-conference", group: "provinces", channel: Channel::Web,
        subject: "ภาพและเสียงวีดิทัศน์ทางไกลขาดหายระหว่างประชุม",
        details: "ระหว่างการประชุมผู้ว่าราชการจังหวัดผ่านระบบวีดิทัศน์ทางไกล ภาพค้างและเสียงขาดเป็นช่วง ๆ ประมาณทุก 10 นาที",
        days_ago: 3, steps: &[(1, Status::Acknowledged, "ศูนย์ฯ รับเรื่องแล้ว อยู่ระหว่างตรวจสอบวงจรสื่อสาร", true)] },
    Matter { kind: "request", service: "msat", group: "moi-agencies", channel: Channel::Letter,
        subject: "ขอสนับสนุนติดตั้งระบบ MSAT งานพระราชพิธี",
        details: "ขอรับการสนับสนุนติดตั้งระบบสื่อสารผ่านดาวเทียมแบบเคลื่อนที่ สำหรับงานพระราชพิธี ณ จังหวัดนครปฐม",
        days_ago: 17, steps: &[(2, Status::InProgress, "อยู่ระหว่างจัดเตรียมอุปกรณ์และทีมงาน", false)] },
    Matter { kind: "request", service: "network-interconnection", group: "provinces", channel: Channel::Telephone,
        subject: "ขอเชื่อมต่อเครือข่ายสำนักงานจังหวัดแห่งใหม่",
        details: "สำนักงานจังหวัดย้ายอาคาร ขอเชื่อมต่อเครือข่ายโทรคมนาคมมหาดไทยที่อาคารใหม่",
        days_ago: 12, steps: &[(3, Status::WaitingForSubmitter, "กรุณาแจ้งแผนผังห้องเครื่องและผู้ประสานงาน", true)] },
    Matter { kind: "question", service: "ict-training", group: "public", channel: Channel::Web,
        subject: "หลักสูตรอบรมด้าน ICT สำหรับบุคคลทั่วไป",
        details: "อยากทราบว่าศูนย์ฯ เปิดอบรมหลักสูตรความปลอดภัยไซเบอร์ให้บุคคลทั่วไปหรือไม่",
        days_ago: 20, steps: &[(2, Status::Resolved, "หลักสูตรเปิดสำหรับบุคลากรของกระทรวงมหาดไทย ประชาชนติดตามหลักสูตรออนไลน์ได้ที่เว็บไซต์ของศูนย์ฯ", true)] },
    Matter { kind: "suggestion", service: "e-information", group: "other-ministries", channel: Channel::Email,
        subject: "เสนอให้เปิดข้อมูลสถิติในรูปแบบ CSV",
        details: "ข้อมูลสถิติบนเว็บไซต์เป็นไฟล์ PDF นำไปใช้ต่อยาก เสนอให้เผยแพร่เป็น CSV ด้วย",
        days_ago: 9, steps: &[(3, Status::Resolved, "ศูนย์ฯ เผยแพร่ข้อมูลสถิติเป็นไฟล์ CSV คู่กับ PDF แล้ว ที่หน้าข้อมูลเปิดของเว็บไซต์", true)] },
    Matter { kind: "complaint", service: "telephone-fax", group: "moi-agencies", channel: Channel::WalkIn,
        subject: "โทรสารมหาดไทยส่งเอกสารไม่ออก",
        details: "เครื่องโทรสารของกองส่งเอกสารไม่ออกตั้งแต่สัปดาห์ก่อน ขึ้นข้อความสายไม่ว่าง",
        days_ago: 13, steps: &[] },
    Matter { kind: "compliment", service: "computer-systems", group: "moi-agencies", channel: Channel::Web,
        subject: "ขอบคุณทีมซ่อมบำรุงคอมพิวเตอร์",
        details: "เจ้าหน้าที่มาซ่อมเครื่องแม่ข่ายได้รวดเร็ว อธิบายสาเหตุชัดเจน ขอบคุณมากครับ",
        days_ago: 6, steps: &[(1, Status::Resolved, "ขอบคุณสำหรับคำชม ศูนย์ฯ ได้แจ้งทีมงานแล้ว", true), (2, Status::Closed, "ปิดเรื่อง", false)] },
    Matter { kind: "request", service: "procurement-analysis", group: "provinces", channel: Channel::Letter,
        subject: "ขอให้วิเคราะห์โครงการจัดหาคอมพิวเตอร์ของจังหวัด",
        details: "จังหวัดส่งรายละเอียดโครงการจัดหาระบบคอมพิวเตอร์ ปีงบประมาณ 2570 เพื่อขอความเห็นประกอบการพิจารณา",
        days_ago: 4, steps: &[] },
    Matter { kind: "complaint", service: "security-equipment", group: "executives", channel: Channel::Meeting,
        subject: "กล้อง CCTV ศาลากลางจังหวัดภาพไม่ชัดตอนกลางคืน",
        details: "จากการประชุมผู้บริหาร กล้อง CCTV บริเวณลานจอดรถศาลากลางภาพไม่ชัดในเวลากลางคืน",
        days_ago: 8, steps: &[(1, Status::InProgress, "นัดตรวจสอบหน้างานวันพฤหัสบดี", true)] },
    Matter { kind: "question", service: "general", group: "private-sector", channel: Channel::Web,
        subject: "บริษัทเอกชนขอเชื่อมต่อระบบกับกระทรวงต้องติดต่อที่ใด",
        details: "บริษัทพัฒนาระบบให้หน่วยงานในสังกัด ต้องการทราบขั้นตอนขอเชื่อมต่อระบบ",
        days_ago: 2, steps: &[] },
    Matter { kind: "request", service: "information-systems", group: "independent-organisations", channel: Channel::Social,
        subject: "ขอบัญชีเข้าใช้ระบบสารสนเทศร่วม",
        details: "แจ้งทาง LINE Official: ขอบัญชีเข้าใช้ระบบสารสนเทศสำหรับเจ้าหน้าที่ประสานงาน 2 คน",
        days_ago: 11, steps: &[(1, Status::Rejected, "ระบบนี้ให้บริการเฉพาะหน่วยงานในสังกัดกระทรวงมหาดไทย กรุณาติดต่อผ่านช่องทางความร่วมมือระหว่างหน่วยงาน", true)] },
    Matter { kind: "complaint", service: "network-status", group: "provinces", channel: Channel::Api,
        subject: "แจ้งเตือนสถานะอุปกรณ์เครือข่ายไม่ตรงความจริง",
        details: "ระบบติดตามสถานะแสดงว่าอุปกรณ์ปลายทางล่ม แต่ใช้งานได้ปกติ",
        days_ago: 1, steps: &[] },
    Matter { kind: "suggestion", service: "video-conference", group: "provinces", channel: Channel::Web,
        subject: "อยากให้จองห้องประชุมวีดิทัศน์ทางไกลผ่าน LINE ได้",
        details: "การจองห้องประชุมต้องทำหนังสือทุกครั้ง เสนอให้จองผ่าน LINE Official ของศูนย์ฯ ได้",
        days_ago: 40, steps: &[(5, Status::InProgress, "รับข้อเสนอไปพิจารณา", true),
            (25, Status::Resolved, "เปิดให้จองผ่าน LINE Official ตั้งแต่วันที่ 1 ของเดือนนี้", true)] },
];

/// What the demo's "You said, we did" page tells about the last matter.
const YOU_SAID: (&str, &str) = (
    "จังหวัดเสนอให้จองห้องประชุมวีดิทัศน์ทางไกลได้โดยไม่ต้องทำหนังสือทุกครั้ง",
    "ศูนย์ฯ เปิดให้จองห้องประชุมผ่าน LINE Official และยืนยันการจองภายใน 1 วันทำการ",
);

/// Files the demo matters once, the public's as the public and the rest as
/// logged by staff; returns the first one's code and secret for the welcome
/// text.
pub async fn load(app: &App) -> anyhow::Result<Option<(TrackingCode, String)>> {
    if !inbox::page(app, &DEMO, &InboxFilter::default(), None, 1).await?.is_empty() {
        return Ok(None);
    }
    let now = app.now();
    let mut first = None;
    let mut last = None;
    for (n, matter) in MATTERS.iter().enumerate() {
        let input = SubmissionInput {
            kind: matter.kind.into(),
            service: matter.service.into(),
            group: matter.group.into(),
            subject: matter.subject.into(),
            details: matter.details.into(),
            ..SubmissionInput::default()
        };
        let filed_at = now - Duration::days(matter.days_ago);
        let new = input
            .parse(matter.channel)
            .map_err(|errors| anyhow::anyhow!("demo matter {n} is invalid: {errors:?}"))?;
        let from = if matter.channel.logged_by_staff() { DEMO } else { someone(n as u64) };
        let receipt = filing::file(&app.as_of(filed_at), &from, &new, &[], None).await?;
        let code = receipt.filed.code.to_string();
        for (after_days, to, text, public) in matter.steps {
            let step = Step { to: Some(*to), text: Some(text), public: *public };
            inbox::step(&app.as_of(filed_at + Duration::days(*after_days)), &DEMO, &code, step).await?;
        }
        first.get_or_insert((receipt.filed.code, receipt.token));
        last = Some(code);
    }
    if let Some(code) = last {
        let text = YouSaid::parse(YOU_SAID.0, YOU_SAID.1).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        inbox::publish_you_said(&app.as_of(now - Duration::days(10)), &DEMO, &code, &text).await?;
    }
    load_consultations(app, now).await?;
    Ok(first)
}

/// One consultation open now with comments to moderate, one closed and answered.
async fn load_consultations(app: &App, now: OffsetDateTime) -> anyhow::Result<()> {
    let day = |offset: i64| format_iso_date(bangkok_date(now + Duration::days(offset)));
    let open = ConsultationInput {
        title: "ร่างมาตรฐานการให้บริการประชุมวีดิทัศน์ทางไกล ปีงบประมาณ 2570".into(),
        subject: "service-standard".into(),
        draft: "1. ผู้ขอใช้บริการจองห้องล่วงหน้าอย่างน้อย 3 วันทำการ\n2. ศูนย์ฯ ยืนยันการจองภายใน 1 วันทำการ\n\
                3. ทดสอบระบบก่อนการประชุม 30 นาที\n4. แก้ไขเหตุขัดข้องระหว่างประชุมภายใน 15 นาที"
            .into(),
        groups: vec!["provinces".into(), "moi-agencies".into(), "executives".into()],
        opens_on: day(-7),
        closes_on: day(14),
    };
    let open = open.parse().map_err(|e| anyhow::anyhow!("demo consultation: {e:?}"))?;
    let id = consultations::open(&app.as_of(now - Duration::days(7)), &DEMO, &open, &[]).await?;
    let comments = [
        ("provinces", "ขอให้ทดสอบระบบก่อนประชุม 60 นาทีสำหรับการประชุมที่มีผู้ว่าราชการจังหวัดเข้าร่วม", true),
        ("moi-agencies", "ควรมีช่องทางแจ้งเหตุขัดข้องระหว่างประชุมทางโทรศัพท์สายตรง", true),
        ("executives", "เห็นด้วยกับร่างนี้", false),
    ];
    for (n, (group, body, _)) in comments.into_iter().enumerate() {
        let comment = CommentInput { body: body.into(), group: group.into(), ..CommentInput::default() };
        let comment = comment.parse().map_err(|e| anyhow::anyhow!("demo comment: {e:?}"))?;
        let then = app.as_of(now - Duration::days(5 - i64::try_from(n)?));
        consultations::comment(&then, &someone(100 + n as u64), id, &comment).await?;
    }
    let pending = consultations::comments(app, &DEMO, id, Moderation::Pending).await?;
    let yesterday = app.as_of(now - Duration::days(1));
    for (comment, (_, _, publish)) in pending.iter().zip(comments) {
        if publish {
            consultations::moderate(&yesterday, &DEMO, id, comment.id, Moderation::Published).await?;
        }
    }
    let past = ConsultationInput {
        title: "ร่างคู่มือการขอเชื่อมต่อเครือข่ายโทรคมนาคมมหาดไทย".into(),
        subject: "manual".into(),
        draft: "ขั้นตอนการขอเชื่อมต่อเครือข่ายสำหรับหน่วยงานในสังกัด".into(),
        groups: vec!["provinces".into(), "moi-agencies".into()],
        opens_on: day(-60),
        closes_on: day(-30),
    };
    let past = past.parse().map_err(|e| anyhow::anyhow!("demo consultation: {e:?}"))?;
    let id = consultations::open(&app.as_of(now - Duration::days(60)), &DEMO, &past, &[]).await?;
    let response = Text::paragraphs(
        "ได้รับความเห็น 12 รายการ ศูนย์ฯ ปรับคู่มือโดยเพิ่มแบบฟอร์มออนไลน์ และลดเอกสารประกอบจาก 4 รายการเหลือ 2 รายการ",
        RESPONSE_MAX_CHARS,
    )?;
    consultations::respond(&app.as_of(now - Duration::days(20)), &DEMO, id, &response).await?;
    Ok(())
}
