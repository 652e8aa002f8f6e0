//! What a work manual carries besides its procedure: the forms its work
//! uses, attached as files, and its details (code, titles, audience),
//! which change under rules of their own.

use ruamjai_app::manuals::NewForm;
use ruamjai_app::manuals::work;
use ruamjai_app::{App, Error};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::work_manual::control::Action;

use crate::support::staff;
use crate::work_manuals::{DIVISION, complete, new_manual, take_to_approval, team, today};

crate::app_tests!(
    a_form_is_attached_to_the_draft_and_reaches_the_public_only_in_force,
    code_and_titles_change_until_review_and_the_audience_at_any_time,
);

async fn a_form_is_attached_to_the_draft_and_reaches_the_public_only_in_force(app: App) {
    let team = team(&app).await;
    let form = || NewForm {
        title: "แบบคำขอใช้บริการ (สท.01)".into(),
        file: NewAttachment::check("request.pdf", b"%PDF-1.7 the form".to_vec()).unwrap(),
    };
    let id = work::create(&app, &team.officer, new_manual(false)).await.unwrap().id;
    let refused = work::attach_form(&app, &team.officer, id, form()).await.unwrap_err();
    assert!(matches!(refused, Error::Conflict("no-draft")), "nothing to attach to yet: {refused:?}");
    work::save_draft(&app, &team.officer, id, &complete(2)).await.unwrap();
    let (stored, url) = work::attach_form(&app, &team.officer, id, form()).await.unwrap();
    assert_eq!(url, work::form_url(id, stored.id));
    let detail = work::detail(&app, &team.officer, id).await.unwrap();
    let forms = detail.open().unwrap().revision.content().unwrap().forms;
    assert_eq!(
        forms.iter().map(|f| (f.title.as_str(), f.url.as_str())).collect::<Vec<_>>(),
        [("แบบคำขอใช้บริการ (สท.01)", url.as_str())]
    );
    let staff_copy = work::form_file(&app, Some(&team.colleague), id, stored.id).await.unwrap();
    assert_eq!(staff_copy.content, b"%PDF-1.7 the form", "staff read the draft's forms");
    let public = work::form_file(&app, None, id, stored.id).await.unwrap_err();
    assert!(matches!(public, Error::NotFound), "a draft's form is not the public's: {public:?}");

    work::act(&app, &team.officer, id, Action::Submit, "", None).await.unwrap();
    let in_review = work::attach_form(&app, &team.officer, id, form()).await.unwrap_err();
    assert!(matches!(in_review, Error::Conflict("version-not-draft")), "{in_review:?}");
    work::act(&app, &team.collector, id, Action::Review, "", None).await.unwrap();
    work::act(&app, &team.director, id, Action::Approve, "", Some(today(&app))).await.unwrap();
    let internal = work::form_file(&app, None, id, stored.id).await.unwrap_err();
    assert!(matches!(internal, Error::NotFound), "an internal manual's forms stay inside: {internal:?}");
    work::set_public(&app, &team.director, id, true).await.unwrap();
    let public = work::form_file(&app, None, id, stored.id).await.unwrap();
    assert_eq!(public.meta.file_name, "request.pdf");
}

async fn code_and_titles_change_until_review_and_the_audience_at_any_time(app: App) {
    let team = team(&app).await;
    let outside = staff(&app, "infra@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let record = work::create(&app, &team.officer, new_manual(false)).await.unwrap();
    let id = record.id;
    let draft_hash = work::save_draft(&app, &team.officer, id, &complete(2)).await.unwrap().content_hash;
    let renamed = work::Details {
        code: "WM-IT-E-INFORMATION-INTAKE".into(),
        title_th: "การรับคำขอบริการสารสนเทศ".into(),
        ..work::Details::from(&record)
    };
    let updated = work::update_details(&app, &team.officer, id, renamed.clone()).await.unwrap();
    assert_eq!(
        (updated.code.as_str(), updated.title_th.as_str()),
        ("WM-IT-E-INFORMATION-INTAKE", "การรับคำขอบริการสารสนเทศ")
    );
    let detail = work::detail(&app, &team.officer, id).await.unwrap();
    assert_ne!(
        detail.open().unwrap().revision.content_hash,
        draft_hash,
        "the draft is hashed under its new name"
    );

    let bad = work::Details { code: "WM/1".into(), title_th: " ".into(), ..renamed.clone() };
    let refused = work::update_details(&app, &team.officer, id, bad).await.unwrap_err();
    let Error::InvalidItems(fields) = refused else { panic!("{refused:?}") };
    let names: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(names, ["title_th", "code"]);
    let other = work::update_details(&app, &outside, id, renamed.clone()).await.unwrap_err();
    assert!(matches!(other, Error::Forbidden), "{other:?}");

    take_to_approval(&app, &team, id).await;
    let late = work::Details { title_th: "ชื่อใหม่".into(), ..renamed.clone() };
    let fixed = work::update_details(&app, &team.officer, id, late).await.unwrap_err();
    assert!(
        matches!(fixed, Error::Conflict("details-fixed")),
        "the approved revision carries its title: {fixed:?}"
    );
    assert!(work::to_read(&app, &outside).await.unwrap().is_empty());
    let wider = work::Details { divisions: vec![DIVISION.into(), "infrastructure".into()], ..renamed };
    work::update_details(&app, &team.officer, id, wider).await.unwrap();
    assert_eq!(
        work::to_read(&app, &outside).await.unwrap().len(),
        1,
        "who joins the audience is asked to read"
    );
}
