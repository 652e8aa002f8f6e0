//! Static assets, embedded in the binary and cached for a year: their URL
//! carries a hash of their content, so a new version gets a new URL.

use std::sync::LazyLock;

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;
use sha2::{Digest, Sha256};

use crate::AppState;

const STYLE: &str = include_str!("../static/style.css");
/// The only scripts, both optional: QR scanning on the check-in page and the
/// live flowchart of the manual editor (every page works without them).
const CHECKIN: &str = include_str!("../static/checkin.js");
const MANUAL_EDITOR: &str = include_str!("../static/manual-editor.js");

/// The stylesheet's URL, versioned by its content.
pub static STYLE_URL: LazyLock<String> = LazyLock::new(|| versioned("/static/style.css", STYLE));
pub static CHECKIN_URL: LazyLock<String> = LazyLock::new(|| versioned("/static/checkin.js", CHECKIN));
pub static MANUAL_EDITOR_URL: LazyLock<String> =
    LazyLock::new(|| versioned("/static/manual-editor.js", MANUAL_EDITOR));

fn versioned(path: &str, content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!("{path}?v={:02x}{:02x}{:02x}{:02x}", digest[0], digest[1], digest[2], digest[3])
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/static/style.css", get(|| immutable("text/css; charset=utf-8", STYLE)))
        .route("/static/checkin.js", get(|| immutable("text/javascript; charset=utf-8", CHECKIN)))
        .route("/static/manual-editor.js", get(|| immutable("text/javascript; charset=utf-8", MANUAL_EDITOR)))
}

async fn immutable(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(CONTENT_TYPE, content_type), (CACHE_CONTROL, "public, max-age=31536000, immutable")], body)
}
