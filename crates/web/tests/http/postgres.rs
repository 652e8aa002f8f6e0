//! The same application on PostgreSQL: the scale-out path must serve the
//! same pages and keep the same evidence.

use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;

use crate::support::{PASSWORD, TestApp};

#[tokio::test]
async fn on_postgres_a_staff_member_logs_in_edits_the_catalog_and_the_audit_holds() {
    let Some(mut app) = TestApp::on_postgres().await else {
        eprintln!("skipped: RUAMJAI_TEST_POSTGRES_URL is not set");
        return;
    };
    let home = app.get("/").await;
    assert_eq!(home.text.matches(r#"id="service-"#).count(), 12);
    app.add_user("admin@ict.go.th", Role::Administrator, None).await;
    assert_eq!(app.login("admin@ict.go.th", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let csrf = app.get("/staff/catalog").await.csrf();
    let fields = [("csrf", csrf.as_str()), ("name_th", "ผู้บริหารระดับสูง"), ("name_en", "Senior executives")];
    assert_eq!(
        app.post_form("/staff/catalog/groups/executives", &fields).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(app.get("/").await.text.contains("ผู้บริหารระดับสูง"));
    let audit = app.get("/staff/audit").await;
    assert!(audit.text.contains("update stakeholder_group executives"));
    assert!(audit.text.contains("ลูกโซ่บันทึกครบถ้วน"));
    assert_eq!(app.get("/readyz").await.text, "ready");
}
