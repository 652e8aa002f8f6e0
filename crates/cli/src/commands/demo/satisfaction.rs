//! A demo survey: the standard questionnaire put to three services a month
//! ago, with 180 responses that look like real ones (mostly satisfied, one
//! weak item about waiting, a few dissatisfied comments), the improvement
//! planned from it and the service standards of the year.

use ruamjai_app::App;
use ruamjai_app::satisfaction::responses::{self, Sender};
use ruamjai_app::satisfaction::{improvements, surveys};
use ruamjai_domain::satisfaction::improvement::{ImprovementInput, StandardInput};
use ruamjai_domain::satisfaction::response::{AnswerInput, ResponseInput};
use ruamjai_domain::satisfaction::standard::{DISSATISFIED_ITEM, IMPROVE_ITEM, standard};
use ruamjai_domain::satisfaction::survey::SurveyInput;
use time::{Duration, OffsetDateTime};

use super::{DEMO, someone};

const SERVICES: [&str; 3] = ["video-conference", "network-interconnection", "e-information"];
const GROUPS: [(&str, &str); 3] = [("provinces", "76"), ("moi-agencies", "120"), ("public", "")];
/// Answers over the survey's first 30 days: enough for the sample of the
/// groups of known size taken together, not for every group on its own.
const RESPONSES: u64 = 260;
const COMMENTS: [(&str, &str); 4] = [
    ("รอสายแจ้งปัญหานานเกินไป", "เพิ่มช่องทางแจ้งปัญหาผ่าน LINE"),
    ("ระบบประชุมทางไกลหลุดระหว่างประชุมสองครั้ง", "ทดสอบระบบก่อนประชุมทุกครั้ง"),
    ("ไม่ได้รับแจ้งความคืบหน้าของเรื่อง", "แจ้งสถานะทางอีเมลเมื่อเรื่องเปลี่ยนขั้นตอน"),
    ("คู่มือการใช้งานเข้าใจยาก", "ทำคู่มือแบบภาพและวิดีโอสั้น"),
];

/// A small deterministic generator, so that every demo database is the same.
struct Draw(u64);

impl Draw {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }

    /// How a respondent leans, from −30 (grumpy) to +30 (pleased): the
    /// same for all their answers, as with real people, so the items of a
    /// dimension agree and Cronbach's alpha comes out as in real surveys.
    fn mood(&mut self) -> i64 {
        i64::try_from(self.next(61)).unwrap_or(0) - 30
    }

    /// Mostly 4 and 5, shifted by the respondent's mood; the waiting-time
    /// item leans lower; 3 % "not applicable".
    fn score(&mut self, weak: bool, mood: i64) -> &'static str {
        if self.next(100) >= 97 {
            return "na";
        }
        let roll = (i64::try_from(self.next(97)).unwrap_or(0) + mood).clamp(0, 96);
        let thresholds: [i64; 4] = if weak { [8, 20, 45, 80] } else { [1, 4, 15, 55] };
        match thresholds.iter().position(|t| roll < *t) {
            Some(0) => "1",
            Some(1) => "2",
            Some(2) => "3",
            Some(_) => "4",
            None => "5",
        }
    }
}

/// Loads the demo survey once, into a database without any survey.
pub async fn load(app: &App) -> anyhow::Result<()> {
    if !surveys::list(app, &DEMO).await?.is_empty() {
        return Ok(());
    }
    let now = app.now();
    let opened = now - Duration::days(30);
    let input = SurveyInput {
        name: "สำรวจความพึงพอใจและความไม่พึงพอใจต่อการให้บริการ ปีงบประมาณ 2570".into(),
        questionnaire: "standard".into(),
        service_codes: SERVICES.map(String::from).to_vec(),
        group_codes: GROUPS.map(|(g, _)| g.to_owned()).to_vec(),
        opens_at: Some(opened),
        closes_at: Some(now + Duration::days(60)),
        populations: GROUPS.map(|(g, n)| (g.to_owned(), n.to_owned())).to_vec(),
        ..SurveyInput::default()
    };
    let survey = input.parse().map_err(|e| anyhow::anyhow!("demo survey: {e:?}"))?;
    let id = surveys::launch(&app.as_of(opened), &DEMO, &survey).await?;
    let survey = app.public_survey(id).await?;
    let questionnaire = standard();
    let mut draw = Draw(0x5eed_2570);
    for n in 0..RESPONSES {
        let mood = draw.mood();
        let mut answers: Vec<(String, AnswerInput)> = questionnaire
            .scale_items()
            .map(|(_, item)| {
                (item.code.clone(), AnswerInput::One(draw.score(item.code == "process-2", mood).into()))
            })
            .collect();
        answers.push(("recommend".into(), AnswerInput::One((5 + draw.next(6)).to_string())));
        let dissatisfied =
            answers.iter().any(|(_, a)| matches!(a, AnswerInput::One(s) if s == "1" || s == "2"));
        if dissatisfied && draw.next(3) > 0 {
            let (what, improve) = COMMENTS[usize::try_from(draw.next(4)).unwrap_or(0)];
            answers.push((DISSATISFIED_ITEM.into(), AnswerInput::One(what.into())));
            answers.push((IMPROVE_ITEM.into(), AnswerInput::One(improve.into())));
        }
        let response = ResponseInput {
            group: GROUPS[usize::try_from(draw.next(3)).unwrap_or(0)].0.into(),
            service: SERVICES[usize::try_from(draw.next(3)).unwrap_or(0)].into(),
            answers,
        };
        let at = opened + Duration::minutes(i64::try_from(n * 165).unwrap_or(0));
        let sender = Sender { token: String::new(), name: String::new(), email: String::new() };
        responses::take(app, &someone(n), &survey, &response, &sender, at).await?;
    }
    improve(app, id, now).await
}

/// What the demo survey led to: a plan for its weak item, shown to the
/// public, and the standard every service is held to this year.
async fn improve(app: &App, survey: i64, now: OffsetDateTime) -> anyhow::Result<()> {
    let action = ImprovementInput {
        source: "item".into(),
        source_ref: "process-2".into(),
        service: "video-conference".into(),
        what: "กำหนดให้ทดสอบระบบวีดิทัศน์ทางไกลก่อนการประชุม 60 นาที และแจ้งผู้ใช้ทาง LINE เมื่อระบบพร้อม".into(),
        owner: "ส่วนเทคโนโลยีการสื่อสาร".into(),
        division: "communication-technology".into(),
        due_on: ruamjai_domain::participation::consultation::format_iso_date(
            ruamjai_domain::calendar::bangkok_date(now + Duration::days(45)),
        ),
        status: "in-progress".into(),
        progress: "40".into(),
        public_text: "ท่านบอกว่ารอนานและระบบไม่พร้อมเมื่อเริ่มประชุม เราจึงทดสอบระบบล่วงหน้า 60 นาทีก่อนทุกการประชุม และจะแจ้งทาง LINE เมื่อพร้อม".into(),
    };
    let action = action.parse().map_err(|e| anyhow::anyhow!("demo improvement: {e:?}"))?;
    improvements::create(app, &DEMO, Some(survey), &action).await?;
    let year = ruamjai_domain::calendar::FiscalYear::of(now);
    for service in app.catalog().await?.services.iter().map(|s| s.code.as_str()) {
        let standard = StandardInput {
            satisfied_min_pct: "85".into(),
            dissatisfied_max_pct: "5".into(),
            resolution_days: "15".into(),
        };
        let standard = standard.parse().map_err(|e| anyhow::anyhow!("demo standard: {e:?}"))?;
        improvements::set_standard(app, &DEMO, service, year, &standard).await?;
    }
    Ok(())
}
