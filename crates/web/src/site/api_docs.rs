//! A readable page of the API, rendered on the server from the same OpenAPI
//! document (no third-party script, so it works offline and under our CSP).

use askama::Template;
use axum::response::Response;
use utoipa::openapi::path::Operation;

use super::openapi::document_value;
use crate::AppError;
use crate::page::Page;

pub struct Endpoint {
    pub method: &'static str,
    pub path: String,
    pub summary: String,
    pub needs_token: bool,
    pub statuses: Vec<String>,
}

#[derive(Template)]
#[template(path = "site/api_docs.html")]
struct DocsTemplate<'a> {
    page: &'a Page,
    endpoints: Vec<Endpoint>,
}

pub async fn page(page: Page) -> Result<Response, AppError> {
    page.render(&DocsTemplate { page: &page, endpoints: endpoints() })
}

fn endpoints() -> Vec<Endpoint> {
    let doc = document_value();
    let mut out = Vec::new();
    for (path, item) in &doc.paths.paths {
        let methods = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ];
        for (method, operation) in methods {
            if let Some(operation) = operation {
                out.push(endpoint(method, path, operation));
            }
        }
    }
    out
}

fn endpoint(method: &'static str, path: &str, operation: &Operation) -> Endpoint {
    Endpoint {
        method,
        path: path.to_owned(),
        summary: operation.summary.clone().or_else(|| operation.description.clone()).unwrap_or_default(),
        needs_token: operation.security.as_ref().is_some_and(|s| !s.is_empty()),
        statuses: operation.responses.responses.keys().cloned().collect(),
    }
}
