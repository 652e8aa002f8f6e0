//! Prometheus metrics: requests by route, method and status, and their latency.

use std::collections::HashSet;
use std::sync::RwLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::AppState;

// Labels borrow interned strings: counting a request allocates nothing.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: &'static str,
}

pub(crate) struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    routes: RwLock<HashSet<&'static str>>,
}

impl Metrics {
    /// The route pattern as a string that lives as long as the process.
    /// Patterns come from the router, never from the request, so the set
    /// stays as small as the route table.
    fn route(&self, pattern: &str) -> &'static str {
        if let Some(route) = self.routes.read().expect("routes lock").get(pattern) {
            return route;
        }
        let mut routes = self.routes.write().expect("routes lock");
        if let Some(route) = routes.get(pattern) {
            return route;
        }
        let route: &'static str = Box::leak(pattern.to_owned().into_boxed_str());
        routes.insert(route);
        route
    }
}

/// The method's name; others than the standard ones share one label.
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    [Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE, Method::HEAD, Method::OPTIONS]
        .iter()
        .zip(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
        .find_map(|(known, name)| (known == method).then_some(name))
        .unwrap_or("OTHER")
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("ruamjai");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
        });
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register("http_request_duration_seconds", "Time to answer an HTTP request", latency.clone());
        Self { registry, requests, latency, routes: RwLock::default() }
    }
}

pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let metrics = &state.metrics;
    // Unmatched paths share one label so that scanners cannot grow the series.
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", |p| metrics.route(p.as_str()));
    let method = method_label(request.method());
    let response = next.run(request).await;
    metrics.latency.get_or_create(&RouteLabels { route }).observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .get_or_create(&RequestLabels { method, route, status: response.status().as_u16() })
        .inc();
    response
}

pub async fn export(State(state): State<AppState>) -> Response {
    let mut text = String::new();
    match prometheus_client::encoding::text::encode(&mut text, &state.metrics.registry) {
        Ok(()) => ([(CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], text)
            .into_response(),
        Err(_) => crate::AppError::Internal("metrics encoding".into()).into_response(),
    }
}
