//! "What needs me": each role's home counts the work waiting on it, in its
//! own reach, and a thing leaves the list once it is done.

use ruamjai_app::home::{Need, needs};
use ruamjai_app::manuals::work;
use ruamjai_app::participation::inbox;
use ruamjai_app::satisfaction::responses::{self, Sender};
use ruamjai_app::{App, Caller};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::participation::Channel;
use ruamjai_domain::satisfaction::response::{AnswerInput, ResponseInput};
use ruamjai_domain::satisfaction::standard::standard;
use ruamjai_domain::satisfaction::stats::{DEFAULT_MARGIN_BASIS_POINTS, yamane_required};
use ruamjai_domain::work_manual::control::Action as WorkAction;
use time::Duration;

use crate::kpi_facts::{NOW, center, file_through, standard_for_every_service, survey_of_provinces};
use crate::support::{public, staff};
use crate::work_manuals::complete;

crate::app_tests!(
    matters_past_their_target_wait_on_the_director_and_the_owning_division_only,
    an_officer_sees_the_matters_assigned_to_them,
    a_work_manual_waits_on_its_reviewer_then_its_approver_then_its_readers,
    the_director_sees_survey_groups_short_of_sample_and_services_below_standard,
    an_evaluator_is_asked_nothing,
);

/// The division that owns video conferencing, the service the builders use.
const OWNER: &str = "communication-technology";

fn overdue(needs: &[Need]) -> Option<(u64, u64)> {
    needs.iter().find_map(|n| match n {
        Need::Overdue { overdue, escalated } => Some((*overdue, *escalated)),
        _ => None,
    })
}

async fn matters_past_their_target_wait_on_the_director_and_the_owning_division_only(app: App) {
    let app = app.as_of(NOW);
    let center = center(&app).await;
    file_through(&app, &center.director, &[Channel::Web, Channel::Telephone]).await;
    let owner = center.divisions.iter().find(|d| d.code == OWNER).unwrap();
    let other = center.divisions.iter().find(|d| d.code != OWNER).unwrap();

    let now = needs(&app, &center.director).await.unwrap();
    assert_eq!(overdue(&now), None, "nothing is late on the day it came");
    assert!(now.contains(&Need::Open(2)));

    let later = app.as_of(NOW + Duration::days(30));
    ruamjai_app::jobs::escalate_overdue(&later).await.unwrap();
    assert_eq!(overdue(&needs(&later, &center.director).await.unwrap()), Some((2, 2)));
    assert_eq!(overdue(&needs(&later, &owner.collector).await.unwrap()), Some((2, 2)));
    let elsewhere = needs(&later, &other.collector).await.unwrap();
    assert_eq!(overdue(&elsewhere), None, "another division's matters are not theirs");
    assert!(!elsewhere.iter().any(|n| matches!(n, Need::Open(_))));
}

async fn an_officer_sees_the_matters_assigned_to_them(app: App) {
    let app = app.as_of(NOW);
    let center = center(&app).await;
    let codes = file_through(&app, &center.director, &[Channel::Web, Channel::Web]).await;
    let owner = center.divisions.iter().find(|d| d.code == OWNER).unwrap();
    let officer_id = owner.officer.staff().unwrap().id;
    assert!(!needs(&app, &owner.officer).await.unwrap().iter().any(|n| matches!(n, Need::AssignedToMe(_))));
    inbox::assign(&app, &owner.collector, &codes[0], Some(officer_id)).await.unwrap();
    let mine = needs(&app, &owner.officer).await.unwrap();
    assert!(mine.contains(&Need::AssignedToMe(1)), "{mine:?}");
    assert!(mine.contains(&Need::Open(2)), "and the division's open matters");
    let director = needs(&app, &center.director).await.unwrap();
    assert!(!director.iter().any(|n| matches!(n, Need::AssignedToMe(_))), "assigned to someone else");
}

fn readers_missing(needs: &[Need]) -> Vec<(u64, u64)> {
    needs
        .iter()
        .filter_map(|n| match n {
            Need::ReadersMissing { acknowledged, readers, .. } => Some((*acknowledged, *readers)),
            _ => None,
        })
        .collect()
}

async fn a_work_manual_waits_on_its_reviewer_then_its_approver_then_its_readers(app: App) {
    let app = app.as_of(NOW);
    let center = center(&app).await;
    let owner = center.divisions.iter().find(|d| d.code == OWNER).unwrap();
    let new = work::NewManual {
        service: "video-conference".into(),
        title_th: "คู่มือการติดตั้งระบบวีดิทัศน์ทางไกล".into(),
        title_en: "Installing video conferencing".into(),
        roles: vec!["officer".into()],
        divisions: vec![OWNER.into()],
        ..work::NewManual::default()
    };
    let id = work::create(&app, &owner.officer, new).await.unwrap().id;
    work::save_draft(&app, &owner.officer, id, &complete(2)).await.unwrap();
    work::act(&app, &owner.officer, id, WorkAction::Submit, "", None).await.unwrap();
    assert!(needs(&app, &owner.collector).await.unwrap().contains(&Need::WorkManualsToReview(1)));
    assert!(!needs(&app, &center.director).await.unwrap().contains(&Need::WorkManualsToApprove(1)));

    work::act(&app, &owner.collector, id, WorkAction::Review, "", None).await.unwrap();
    assert!(!needs(&app, &owner.collector).await.unwrap().contains(&Need::WorkManualsToReview(1)));
    assert!(needs(&app, &center.director).await.unwrap().contains(&Need::WorkManualsToApprove(1)));

    let today = bangkok_date(app.now());
    work::act(&app, &center.director, id, WorkAction::Approve, "", Some(today)).await.unwrap();
    assert_eq!(readers_missing(&needs(&app, &owner.collector).await.unwrap()), [(0, 1)]);
    assert_eq!(readers_missing(&needs(&app, &center.director).await.unwrap()), [(0, 1)]);
    let other = center.divisions.iter().find(|d| d.code != OWNER).unwrap();
    assert!(readers_missing(&needs(&app, &other.collector).await.unwrap()).is_empty());

    work::acknowledge(&app, &owner.officer, id, 0).await.unwrap();
    assert!(
        readers_missing(&needs(&app, &owner.collector).await.unwrap()).is_empty(),
        "everyone has read it"
    );
}

async fn the_director_sees_survey_groups_short_of_sample_and_services_below_standard(app: App) {
    let app = app.as_of(NOW);
    let center = center(&app).await;
    standard_for_every_service(&app, &center.director).await;
    let survey = survey_of_provinces(&app, &center.director, 120).await;
    for n in 0..3 {
        // Dissatisfied throughout: every answer a 2.
        let answers = standard()
            .scale_items()
            .map(|(_, item)| (item.code.clone(), AnswerInput::One("2".into())))
            .collect();
        let input = ResponseInput { group: "provinces".into(), service: "video-conference".into(), answers };
        responses::take(&app, &public(100 + n), &survey, &input, &Sender::default(), app.now())
            .await
            .unwrap();
    }
    let home = needs(&app, &center.director).await.unwrap();
    let required = yamane_required(120, DEFAULT_MARGIN_BASIS_POINTS);
    assert!(
        home.iter().any(|n| matches!(n, Need::ShortOfSample { survey_id, achieved: 3, required: r, .. }
            if *survey_id == survey.id && *r == required)),
        "{home:?}"
    );
    assert!(
        home.iter().any(|n| matches!(n, Need::BelowStandard { service, satisfied_pct, min_pct }
            if service == "video-conference" && *satisfied_pct == 0.0 && *min_pct == 85.0)),
        "{home:?}"
    );
    let elsewhere = center.divisions.iter().find(|d| d.code != OWNER).unwrap();
    let theirs = needs(&app, &elsewhere.collector).await.unwrap();
    assert!(!theirs.iter().any(|n| matches!(n, Need::BelowStandard { .. })), "not their service");
}

async fn an_evaluator_is_asked_nothing(app: App) {
    let app = app.as_of(NOW);
    let center = center(&app).await;
    file_through(&app, &center.director, &[Channel::Web]).await;
    let evaluator: Caller = staff(&app, "evaluator@opdc.go.th", Role::Evaluator, None).await;
    assert!(needs(&app, &evaluator).await.unwrap().is_empty());
}
