//! A round handed over: packs made in the background one after the other,
//! the director's seal on a finished pack that does not move when facts
//! change, and the committee's remarks on a sealed round's steps.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use ruamjai_app::kpi::{self, rounds};
use ruamjai_app::{App, Caller, Error};
use ruamjai_domain::accounts::{FieldError, Role};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::Round;
use ruamjai_domain::kpi::seal::StepOutcome;
use ruamjai_store::kpi::packs::PackState;
use time::Duration;

use crate::kpi_facts::NOW;
use crate::support::staff;

crate::app_tests!(
    packs_requested_together_are_made_in_the_background_one_after_the_other,
    a_pack_whose_server_stopped_is_failed_when_the_next_one_is_claimed,
    only_the_director_seals_a_round_on_a_finished_pack_and_sealing_it_again_needs_a_reason,
    a_sealed_round_keeps_its_result_and_names_the_steps_that_changed_since,
    the_committee_remarks_on_a_sealed_step_and_the_director_answers_and_no_one_else_writes,
);

fn json() -> kpi::pack::ApiJson {
    Arc::new(|_, _| b"{\"sealed\":true}".to_vec())
}

fn year() -> FiscalYear {
    FiscalYear::of(NOW)
}

async fn until_done(app: &App, caller: &Caller, id: i64) -> ruamjai_store::kpi::packs::PackJob {
    for _ in 0..600 {
        let job = rounds::job(app, caller, id).await.unwrap();
        if matches!(job.state, PackState::Done | PackState::Failed) {
            return job;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    panic!("pack {id} did not finish");
}

async fn packed(app: &App, director: &Caller, round: Round) -> i64 {
    let id = rounds::request_pack(app, director, (year(), round), json()).await.unwrap();
    let job = until_done(app, director, id).await;
    assert_eq!(job.state, PackState::Done, "{:?}", job.error);
    id
}

async fn packs_requested_together_are_made_in_the_background_one_after_the_other(app: App) {
    let app = app.as_of(NOW);
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let first = rounds::request_pack(&app, &director, (year(), Round::Six), json()).await.unwrap();
    let second = rounds::request_pack(&app, &director, (year(), Round::Twelve), json()).await.unwrap();
    let (first, second) =
        (until_done(&app, &director, first).await, until_done(&app, &director, second).await);
    for job in [&first, &second] {
        assert_eq!(job.state, PackState::Done, "{:?}", job.error);
        assert!(job.total > 0 && job.done == job.total, "{job:?}");
        assert!(job.bytes > 0 && job.manifest_sha256.as_ref().is_some_and(|h| h.len() == 64));
        let (_, path) = rounds::pack_file(&app, &director, year(), job.id).await.unwrap();
        assert!(path.exists());
        assert!(kpi::pack::verify::verify(&path, |_| {}).unwrap().holds());
    }
    assert_eq!(first.requested_by, "director@ict.go.th");
    let listed = rounds::packs(&app, &director, year()).await.unwrap();
    assert_eq!(listed.iter().map(|j| j.id).collect::<Vec<_>>(), [second.id, first.id], "the newest first");
    let other_year = rounds::pack_file(&app, &director, year().previous(), first.id).await;
    assert!(matches!(other_year, Err(Error::NotFound)));
}

async fn a_pack_whose_server_stopped_is_failed_when_the_next_one_is_claimed(app: App) {
    let app = app.as_of(NOW);
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let actor = ruamjai_store::audit::Actor::command("test");
    let store = app.store();
    let cut_short = store.queue_pack(&actor, year(), Round::Six, NOW).await.unwrap();
    let claimed = store.claim_pack(NOW).await.unwrap().expect("the queued pack");
    assert_eq!((claimed.id, claimed.state), (cut_short, PackState::Running));
    let waiting = store.queue_pack(&actor, year(), Round::Twelve, NOW).await.unwrap();
    assert!(store.claim_pack(NOW + Duration::minutes(1)).await.unwrap().is_none(), "one runs at a time");
    assert_eq!(
        rounds::pack_file(&app, &director, year(), cut_short).await.unwrap_err(),
        Error::Conflict("pack-not-done")
    );

    let later = NOW + Duration::minutes(6);
    let next = store.claim_pack(later).await.unwrap().expect("the turn passes on");
    assert_eq!(next.id, waiting);
    let failed = rounds::job(&app, &director, cut_short).await.unwrap();
    assert_eq!(failed.state, PackState::Failed);
    assert!(failed.error.unwrap().contains("interrupted"));
}

async fn only_the_director_seals_a_round_on_a_finished_pack_and_sealing_it_again_needs_a_reason(app: App) {
    let app = app.as_of(NOW);
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let collector = staff(&app, "collector@ict.go.th", Role::Collector, Some("strategy")).await;
    let six = (year(), Round::Six);
    assert_eq!(rounds::seal(&app, &director, six, "").await.unwrap_err(), Error::Conflict("pack-first"));
    let pack = packed(&app, &director, Round::Six).await;
    assert_eq!(rounds::seal(&app, &collector, six, "").await.unwrap_err(), Error::Forbidden);

    let first = rounds::seal(&app, &director, six, "").await.unwrap();
    let again = rounds::seal(&app, &director, six, "   ").await.unwrap_err();
    assert_eq!(again, Error::field("reason", FieldError::Required));
    let long = "ก".repeat(rounds::TEXT_MAX + 1);
    let refused = rounds::seal(&app, &director, six, &long).await.unwrap_err();
    assert_eq!(refused, Error::field("reason", FieldError::TooLong { max: rounds::TEXT_MAX }));
    let second = rounds::seal(&app, &director, six, "แก้หลักฐานขั้นที่ 2 ตามที่คณะกรรมการขอ").await.unwrap();

    let seals = rounds::seals(&app, &collector, year()).await.unwrap();
    assert_eq!(
        seals.iter().map(|s| (s.seal.id, s.superseded)).collect::<Vec<_>>(),
        [(first, true), (second, false)]
    );
    let sealed = &seals[1].seal;
    assert_eq!(sealed.pack_id, pack);
    assert_eq!(sealed.evaluation_json, "{\"sealed\":true}", "the evaluation the pack carries");
    assert_eq!(sealed.by, "director@ict.go.th");
    let job = rounds::job(&app, &director, pack).await.unwrap();
    assert_eq!(
        (Some(&sealed.manifest_sha256), Some(sealed.audit_seq)),
        (job.manifest_sha256.as_ref(), job.audit_seq)
    );
    let (head, _) = app.store().audit_head().await.unwrap();
    let entries = app.store().audit_entries(0, head, 1_000).await.unwrap();
    let seal_entries: Vec<_> = entries.iter().filter(|e| e.record.action == "seal-round").collect();
    assert_eq!(seal_entries.len(), 2, "each seal is in the audit chain");
    assert!(seal_entries[1].record.after.contains(&sealed.manifest_sha256));
}

async fn a_sealed_round_keeps_its_result_and_names_the_steps_that_changed_since(app: App) {
    let app = app.as_of(NOW);
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    kpi::sign_off(&app, &director, year(), "4", (1, true, "ครบตามเกณฑ์"), &[]).await.unwrap();
    packed(&app, &director, Round::Six).await;
    rounds::seal(&app, &director, (year(), Round::Six), "").await.unwrap();
    let views = rounds::seals(&app, &director, year()).await.unwrap();
    assert_eq!(views[0].changed_steps, []);
    let step_one = |met| StepOutcome { code: "4".into(), step: 1, met };
    assert!(views[0].seal.steps.contains(&step_one(true)));

    let later = app.as_of(NOW + Duration::hours(1));
    kpi::sign_off(&later, &director, year(), "4", (1, false, "ช่องทางโทรสารปิดใช้"), &[]).await.unwrap();
    let views = rounds::seals(&later, &director, year()).await.unwrap();
    assert!(views[0].seal.steps.contains(&step_one(true)), "the sealed result does not move");
    assert_eq!(views[0].changed_steps, [step_one(false)]);
}

async fn the_committee_remarks_on_a_sealed_step_and_the_director_answers_and_no_one_else_writes(app: App) {
    let app = app.as_of(NOW);
    let director = staff(&app, "director@ict.go.th", Role::Director, None).await;
    let evaluator = staff(&app, "evaluator@ict.go.th", Role::Evaluator, None).await;
    let officer = staff(&app, "officer@ict.go.th", Role::Officer, Some("strategy")).await;
    let step = |n| (year(), Round::Six, n);
    let unsealed = rounds::comment(&app, &evaluator, step(2), "ขอดูรายชื่อผู้เข้าร่วม").await;
    assert_eq!(unsealed.unwrap_err(), Error::NotFound, "only a sealed round is discussed");
    packed(&app, &director, Round::Six).await;
    rounds::seal(&app, &director, (year(), Round::Six), "").await.unwrap();

    rounds::comment(&app, &evaluator, step(2), "ขอดูรายชื่อผู้เข้าร่วมกิจกรรม").await.unwrap();
    rounds::comment(&app, &director, step(2), "แนบไว้ใน step-2-relationships แล้ว").await.unwrap();
    assert_eq!(rounds::comment(&app, &officer, step(2), "ขอบคุณ").await.unwrap_err(), Error::Forbidden);
    assert_eq!(
        rounds::comment(&app, &evaluator, step(2), " ").await.unwrap_err(),
        Error::field("text", FieldError::Required)
    );
    assert_eq!(rounds::comment(&app, &evaluator, step(9), "ขั้นที่ 9?").await.unwrap_err(), Error::NotFound);

    let views = rounds::seals(&app, &officer, year()).await.unwrap();
    let said: Vec<_> = views[0].comments.iter().map(|c| (c.step, c.role.as_str(), c.by.as_str())).collect();
    assert_eq!(said, [(2, "evaluator", "evaluator@ict.go.th"), (2, "director", "director@ict.go.th")]);
}
