//! A real server on a free port, a chromedriver, and a Chromium session at
//! 360×800 (a cheap phone); all stopped when the harness is dropped.

use std::net::SocketAddr;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use ruamjai_app::password;
use ruamjai_domain::accounts::{Email, Password, Role};
use ruamjai_domain::catalog::Name;
use ruamjai_store::accounts::NewUser;
use ruamjai_store::audit::Actor;
use ruamjai_store::testing::TestDatabase;
use ruamjai_web::{AppState, WebConfig};
use serde_json::json;

/// The Center's director: the one role that works every division's matters.
pub const DIRECTOR: &str = "director@ict.go.th";
pub const PASSWORD: &str = "correct horse battery staple";

pub struct Harness {
    pub browser: Client,
    pub store: ruamjai_store::Store,
    base: String,
    driver: Child,
    _profile: TempDir,
    _packs: TempDir,
    _db: TestDatabase,
}

impl Harness {
    pub async fn start() -> Self {
        let db = TestDatabase::sqlite().await;
        let store = db.open().await;
        let director = NewUser {
            email: Email::parse(DIRECTOR).unwrap(),
            name: Name::parse("ผู้อำนวยการทดสอบ").unwrap(),
            role: Role::Director,
            division: None,
            password_hash: password::hash(&Password::parse(PASSWORD).unwrap()),
        };
        store.create_user(&Actor::command("test"), director).await.unwrap();
        let packs = TempDir::new();
        let config = WebConfig { pack_dir: packs.0.clone(), ..WebConfig::default() };
        let app = ruamjai_web::app(AppState::new(store.clone(), config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await.unwrap();
        });
        let (driver, driver_url) = start_chromedriver();
        let profile = TempDir::new();
        let browser = connect(&driver_url, &profile).await;
        Self { browser, store, base, driver, _profile: profile, _packs: packs, _db: db }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Waits (up to 10 s) until the browser shows `path` and its page has loaded.
    pub async fn wait_for_path(&self, path: &str) {
        for _ in 0..100 {
            let here = self.browser.current_url().await.unwrap();
            if here.path() == path && self.eval("return document.readyState").await == "complete" {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the browser never reached {path}: it shows {}", self.browser.current_url().await.unwrap());
    }

    /// Waits (up to 10 s) until the path starts with `prefix`; returns the path.
    pub async fn wait_for_path_prefix(&self, prefix: &str) -> String {
        for _ in 0..100 {
            let path = self.browser.current_url().await.unwrap().path().to_owned();
            if path.starts_with(prefix) && self.eval("return document.readyState").await == "complete" {
                return path;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the browser never reached {prefix}…");
    }

    /// Waits (up to 10 s) until `<main>` shows `text`.
    pub async fn wait_for_text(&self, text: &str) {
        let mut shown = String::new();
        for _ in 0..100 {
            shown = self
                .eval("return document.querySelector('main') ? document.querySelector('main').innerText : ''")
                .await;
            if shown.contains(text) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let here = self.browser.current_url().await.unwrap();
        panic!("the page never showed {text:?}; {here} shows:\n{shown}");
    }

    /// Logs in through the form as the seeded director.
    pub async fn log_in_as_director(&self) {
        self.log_in(DIRECTOR).await;
    }

    /// Logs in through the form as an account made with [`PASSWORD`].
    pub async fn log_in(&self, email: &str) {
        self.browser.goto(&self.url("/login")).await.unwrap();
        self.fill("email", email).await;
        self.fill("password", PASSWORD).await;
        self.click("form.form button[type='submit']").await;
        self.wait_for_path("/staff").await;
    }

    /// Ends the session by forgetting its cookie, as a shared phone's next user would find it.
    pub async fn log_out(&self) {
        self.browser.delete_all_cookies().await.unwrap();
    }

    /// A staff account that can log in with [`PASSWORD`].
    pub async fn add_staff(&self, email: &str, role: Role, division: Option<&str>) {
        let user = NewUser {
            email: Email::parse(email).unwrap(),
            name: Name::parse(&format!("เจ้าหน้าที่ {email}")).unwrap(),
            role,
            division: division.map(|d| ruamjai_domain::catalog::Code::parse(d).unwrap()),
            password_hash: password::hash(&Password::parse(PASSWORD).unwrap()),
        };
        self.store.create_user(&Actor::command("test"), user).await.unwrap();
    }

    /// Types `text` into the field with id `id` (ids may hold dots: `steps.1.title`).
    pub async fn fill(&self, id: &str, text: &str) {
        let field = self.browser.find(fantoccini::Locator::Css(&format!("[id='{id}']"))).await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Clicks a form's button and waits for the next page to show `text`:
    /// not the page the click left, which may show the same flash.
    pub async fn submit_and_wait_for(&self, selector: &str, text: &str) {
        self.eval("window.ruamjaiLeft = true; return ''").await;
        self.click(selector).await;
        for _ in 0..100 {
            if self.eval("return String(window.ruamjaiLeft === true)").await == "false" {
                return self.wait_for_text(text).await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{selector} led to no new page");
    }

    /// Clicks the element a CSS selector finds.
    pub async fn click(&self, selector: &str) {
        self.browser.find(fantoccini::Locator::Css(selector)).await.unwrap().click().await.unwrap();
    }

    /// Runs a script that returns a string.
    pub async fn eval(&self, script: &str) -> String {
        let value = self.browser.execute(script, vec![]).await.unwrap();
        value.as_str().map(str::to_owned).unwrap_or_else(|| value.to_string())
    }

    /// Injects axe-core and returns the rules the page violates, with their nodes.
    pub async fn axe_violations(&self) -> Vec<String> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/browser-tools/node_modules/axe-core/axe.min.js"
        );
        let axe = std::fs::read_to_string(path).unwrap_or_else(|_| {
            panic!("{path} is missing: run `npm ci --prefix tests/browser-tools` (scripts/test does)")
        });
        self.browser.execute(&format!("{axe}\nreturn true;"), vec![]).await.unwrap();
        let script = "const done = arguments[arguments.length - 1];
            axe.run(document).then(r => done(r.violations.map(v =>
                v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))));";
        let result = self.browser.execute_async(script, vec![]).await.unwrap();
        serde_json::from_value(result).unwrap()
    }

    /// Saves a screenshot under `target/browser-screenshots/` for people to look at.
    pub async fn screenshot(&self, name: &str) {
        let png = self.browser.screenshot().await.unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/browser-screenshots");
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(format!("{dir}/{name}.png"), png).unwrap();
    }
}

impl Drop for Harness {
    /// Ends the driver and every browser process it started: they share the
    /// driver's process group, and a browser outliving its driver would stay
    /// behind after the tests (a passing test or a panicking one alike).
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn start_chromedriver() -> (Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let program = std::env::var("RUAMJAI_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let child = Command::new(&program)
        .arg(format!("--port={port}"))
        // Its own process group, so that dropping the harness ends the browsers too.
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {program} ({e}): install chromium-driver (scripts/test does)")
        });
    (child, format!("http://127.0.0.1:{port}"))
}

async fn connect(driver_url: &str, profile: &TempDir) -> Client {
    let chromium = std::env::var("RUAMJAI_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=360,800",
        "--lang=th",
    ];
    let mut args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    args.push(format!("--user-data-dir={}", profile.0.display()));
    let mut caps = serde_json::Map::new();
    // Desktop windows cannot be narrower than 500 px: emulate a 360 px phone.
    let phone = json!({ "deviceMetrics": { "width": 360, "height": 800, "pixelRatio": 2.0, "touch": true } });
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": chromium, "args": args, "mobileEmulation": phone }),
    );
    let mut last_error = None;
    for _ in 0..50 {
        match ClientBuilder::new(HttpConnector::new()).capabilities(caps.clone()).connect(driver_url).await {
            Ok(client) => return client,
            Err(error) => last_error = Some(error),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("chromedriver did not start a browser: {last_error:?}");
}

/// A directory removed on drop, for the browser profile.
pub struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new() -> Self {
        let dir =
            std::env::temp_dir().join(format!("ruamjai-chromium-{}-{}", std::process::id(), rand_suffix()));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::time::SystemTime::now())
}
