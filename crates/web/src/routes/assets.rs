//! Static assets, embedded in the binary and cached for a year: their URL
//! carries a hash of their content, so a new version gets a new URL.

use std::sync::LazyLock;

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;
use sha2::{Digest, Sha256};

use crate::AppState;

const STYLE: &str = include_str!("../../static/style.css");

/// The stylesheet's URL, versioned by its content.
pub static STYLE_URL: LazyLock<String> = LazyLock::new(|| {
    let digest = Sha256::digest(STYLE.as_bytes());
    format!("/static/style.css?v={:02x}{:02x}{:02x}{:02x}", digest[0], digest[1], digest[2], digest[3])
});

pub fn router() -> Router<AppState> {
    Router::new().route("/static/style.css", get(style))
}

async fn style() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "text/css; charset=utf-8"), (CACHE_CONTROL, "public, max-age=31536000, immutable")],
        STYLE,
    )
}
