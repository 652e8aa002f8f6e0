//! `TestApp`: the real router on a fresh SQLite database, with a cookie jar,
//! driven in-process (no sockets) so that each test takes milliseconds.

use std::collections::HashMap;

use axum::Router;
use axum::body::Body;
use axum::http::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use ruamjai_app::password;
use ruamjai_app::secrets::{random_token, token_hash};
use ruamjai_domain::accounts::{Email, Password, Role};
use ruamjai_domain::catalog::{Code, Name};
use ruamjai_store::accounts::{NewUser, StaffUser};
use ruamjai_store::audit::Actor;
use ruamjai_store::testing::TestDatabase;
use ruamjai_web::{AppState, WebConfig};
use tower::ServiceExt;

pub const PASSWORD: &str = "correct horse battery staple";

pub struct TestApp {
    pub state: AppState,
    router: Router,
    cookies: HashMap<String, String>,
    /// Headers added to every request (e.g. `Accept-Language`).
    pub extra_headers: Vec<(&'static str, String)>,
    _db: TestDatabase,
    _packs: PackDir,
}

/// The test's own folder of evidence packs, removed with it.
struct PackDir(std::path::PathBuf);

impl PackDir {
    fn new() -> Self {
        static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self(std::env::temp_dir().join(format!("ruamjai-web-test-packs-{}-{n}", std::process::id())))
    }
}

impl Drop for PackDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
    /// The body as sent, for downloads that are not text.
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// The CSRF token of the first form on the page.
    pub fn csrf(&self) -> String {
        let start = self.text.find(r#"name="csrf" value=""#).expect("a form with a CSRF field") + 19;
        self.text[start..].split('"').next().unwrap().to_owned()
    }
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(WebConfig::default()).await
    }

    pub async fn with_config(config: WebConfig) -> Self {
        Self::on(TestDatabase::sqlite().await, config).await
    }

    /// The app on a fresh PostgreSQL database, when one is configured.
    pub async fn on_postgres() -> Option<Self> {
        Some(Self::on(TestDatabase::postgres().await?, WebConfig::default()).await)
    }

    async fn on(db: TestDatabase, config: WebConfig) -> Self {
        let packs = PackDir::new();
        let config = WebConfig { pack_dir: packs.0.clone(), ..config };
        let state = AppState::new(db.open().await, config);
        let router = ruamjai_web::app(state.clone());
        Self { state, router, cookies: HashMap::new(), extra_headers: Vec::new(), _db: db, _packs: packs }
    }

    pub async fn add_user(&self, email: &str, role: Role, division: Option<&str>) -> StaffUser {
        let new = NewUser {
            email: Email::parse(email).unwrap(),
            name: Name::parse("เจ้าหน้าที่ทดสอบ").unwrap(),
            role,
            division: division.map(|d| Code::parse(d).unwrap()),
            password_hash: password::hash(&Password::parse(PASSWORD).unwrap()),
        };
        self.state.store.create_user(&Actor::command("test"), new).await.unwrap()
    }

    /// A new account of `role` and a bearer token for it.
    pub async fn token_as(&self, email: &str, role: Role, division: Option<&str>) -> String {
        let user = self.add_user(email, role, division).await;
        self.token_for(&user).await
    }

    /// A JSON API call with a bearer token: the status and the body (`null` when empty).
    pub async fn call(
        &mut self,
        method: Method,
        path: &str,
        body: serde_json::Value,
        token: &str,
    ) -> (StatusCode, serde_json::Value) {
        let body = if body.is_null() { String::new() } else { body.to_string() };
        let response = self.send(method, path, "application/json", body, Some(token)).await;
        let json = if response.text.is_empty() { serde_json::Value::Null } else { response.json() };
        (response.status, json)
    }

    /// A new bearer token for an account.
    pub async fn token_for(&self, user: &StaffUser) -> String {
        let token = random_token();
        self.state
            .store
            .create_api_token(&Actor::command("test"), user.id, &token_hash(&token), "test")
            .await
            .unwrap();
        token
    }

    pub async fn request(&mut self, mut request: Request<Body>) -> TestResponse {
        let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        if !jar.is_empty() {
            request.headers_mut().insert(COOKIE, jar.join("; ").parse().unwrap());
        }
        request.headers_mut().insert("host", "ruamjai.test".parse().unwrap());
        for (name, value) in &self.extra_headers {
            request.headers_mut().insert(*name, value.parse().unwrap());
        }
        let response = self.router.clone().oneshot(request).await.unwrap();
        for set in response.headers().get_all(SET_COOKIE) {
            let pair = set.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || set.to_str().unwrap().contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        TestResponse {
            status,
            headers,
            text: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.request(Request::get(path).body(Body::empty()).unwrap()).await
    }

    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let request = Request::post(path)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.request(request).await
    }

    /// Posts `multipart/form-data` as a browser does: text fields, then files
    /// as `(field, file name, content)`.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> TestResponse {
        let (content_type, body) = multipart_body(fields, files);
        self.send(Method::POST, path, &content_type, body, None).await
    }

    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        content_type: &str,
        body: impl Into<Body>,
        bearer: Option<&str>,
    ) -> TestResponse {
        let mut request = Request::builder().method(method).uri(path).header(CONTENT_TYPE, content_type);
        if let Some(token) = bearer {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        self.request(request.body(body.into()).unwrap()).await
    }

    /// Logs in through the form, as a browser would.
    pub async fn login(&mut self, email: &str, password: &str) -> TestResponse {
        let csrf = self.get("/login").await.csrf();
        self.post_form(
            "/login",
            &[("csrf", &csrf), ("email", email), ("password", password), ("next", "/staff")],
        )
        .await
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.get(name).cloned()
    }

    pub fn has_cookie(&self, name: &str) -> bool {
        self.cookies.contains_key(name)
    }

    pub fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_owned(), value.to_owned());
    }

    /// Drops every cookie: the next request comes from a new visitor.
    pub fn forget_cookies(&mut self) {
        self.cookies.clear();
    }
}

/// A `multipart/form-data` body and its content type: text fields, then
/// files as `(field, file name, content)`.
pub fn multipart_body(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    const BOUNDARY: &str = "----ruamjai-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    for (name, file_name, content) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

/// The text layer of a PDF, words run together so line breaks do not matter.
pub fn pdf_text(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("ruamjai-http-{}-{:p}.pdf", std::process::id(), pdf));
    std::fs::write(&path, pdf).expect("write the PDF");
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is needed (Debian package poppler-utils)");
    std::fs::remove_file(&path).ok();
    assert!(out.status.success(), "pdftotext read the file");
    String::from_utf8(out.stdout).expect("UTF-8").split_whitespace().collect()
}
