//! Following a request through the log: every request gets an id (the
//! trusted proxy's `X-Request-Id`, or a new one), returned in the response
//! header and carried by the request's span, so every line logged while it
//! runs names it; its end is one `info` line with method, route, status and
//! latency. A panic becomes a logged 500 with a localized page, never a
//! dropped connection.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, Response, StatusCode};
use axum::response::IntoResponse;
use tower_http::request_id::{MakeRequestId, RequestId};
use tracing::Span;

use crate::auth::ClientAddress;
use crate::auth::proxies::TrustedProxies;

pub(crate) const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Ids unique within the process and across restarts: a random prefix drawn
/// at start, then a counter (no system call per request).
#[derive(Clone)]
pub(crate) struct NewRequestId {
    prefix: u32,
    next: std::sync::Arc<AtomicU64>,
}

impl NewRequestId {
    pub(crate) fn new() -> Self {
        let mut bytes = [0_u8; 4];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        Self { prefix: u32::from_be_bytes(bytes), next: std::sync::Arc::default() }
    }
}

impl MakeRequestId for NewRequestId {
    fn make_request_id<B>(&mut self, _request: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let id = format!("{:08x}-{n:x}", self.prefix);
        HeaderValue::from_str(&id).ok().map(RequestId::new)
    }
}

/// Runs first: works out the client's address (through trusted proxies
/// only) and drops a request id that did not come from one, or that could
/// garble a log line. Synchronous, so it adds no future to every request.
pub(crate) fn trust_proxies(proxies: &TrustedProxies, mut request: Request) -> Request {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    let forwarded = request.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok());
    let client = proxies.client(peer, forwarded);
    let believed = proxies.contains(peer)
        && request.headers().get(&REQUEST_ID).is_some_and(|id| is_plain_id(id.as_bytes()));
    if !believed {
        request.headers_mut().remove(&REQUEST_ID);
    }
    request.extensions_mut().insert(ClientAddress(client));
    request
}

fn is_plain_id(id: &[u8]) -> bool {
    (1..=64).contains(&id.len()) && id.iter().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
}

/// The request's span: no query string (it may carry a link's secret) and
/// nothing personal, only what finds the request again.
pub(crate) fn span(request: &axum::http::Request<Body>) -> Span {
    let route = request.extensions().get::<MatchedPath>().map_or("-", MatchedPath::as_str);
    let id = request.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
    tracing::info_span!("request", request_id = id, method = %request.method(), route)
}

/// The request's one closing line.
pub(crate) fn finished(response: &Response<Body>, latency: Duration, _span: &Span) {
    let latency_ms = latency.as_secs_f64() * 1000.0;
    tracing::info!(status = response.status().as_u16(), latency_ms, "request finished");
}

/// A panic in a handler: logged with its message, answered as a 500 that
/// the error layer renders in the user's language.
pub(crate) fn panicked(payload: Box<dyn std::any::Any + Send + 'static>) -> Response<Body> {
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "request handler panicked");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::routing::get;
    use ruamjai_store::testing::TestDatabase;
    use tower::ServiceExt;

    use crate::{AppState, WebConfig};

    async fn a_bug() -> &'static str {
        panic!("a bug")
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_a_localized_500_with_its_request_id() {
        let db = TestDatabase::sqlite().await;
        let state = AppState::new(db.open().await, WebConfig::default());
        let boom = Router::new().route("/boom", get(a_bug));
        let app = crate::layered(boom, state);
        let request = axum::http::Request::get("/boom").body(axum::body::Body::empty()).unwrap();
        let response = app.oneshot(request).await.expect("answered, not dropped");
        assert_eq!(response.status(), 500);
        assert!(response.headers().get("x-request-id").is_some());
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let page = String::from_utf8_lossy(&body);
        assert!(page.contains("<html lang=\"th\""), "the error page, in Thai: {page}");
    }
}
