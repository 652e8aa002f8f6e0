//! Files handed back to a browser: always as a download, never rendered in
//! our origin, with the name people gave them.

use axum::body::Bytes;
use axum::extract::FromRequestParts;
use axum::http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH,
    VARY,
};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use serde::Deserialize;

use crate::AppError;

/// How a printed document writes numbers: `?digits=thai` for ๐–๙.
#[derive(Debug, Default, Deserialize)]
pub struct PrintQuery {
    #[serde(default)]
    digits: String,
}

impl PrintQuery {
    pub fn thai_numerals(&self) -> bool {
        self.digits == "thai"
    }
}

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV: &str = "text/csv; charset=utf-8";
pub const PDF: &str = "application/pdf";
pub const PNG: &str = "image/png";
pub const SVG: &str = "image/svg+xml";
pub const ZIP: &str = "application/zip";

/// A download response. Attachments may hold personal data: browsers and
/// proxies must not keep them.
pub fn file_download(file_name: &str, mime: &'static str, content: impl Into<axum::body::Body>) -> Response {
    streamed_download(file_name, mime, content.into())
}

/// A download sent as it is made (a large export).
pub fn streamed_download(file_name: &str, mime: &'static str, body: axum::body::Body) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(mime));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if let Ok(value) = HeaderValue::from_str(&content_disposition("attachment", file_name)) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    response
}

/// A file on the server's disk (an evidence pack), streamed in pieces so
/// that its size never sits in memory.
pub async fn disk_download(
    path: &std::path::Path,
    file_name: &str,
    mime: &'static str,
) -> Result<Response, AppError> {
    use tokio::io::AsyncReadExt;
    let file = tokio::fs::File::open(path).await.map_err(|_| AppError::NotFound)?;
    let length = file.metadata().await.map_err(|e| AppError::Internal(e.to_string()))?.len();
    let chunks = futures_util::stream::unfold(file, |mut file| async move {
        let mut chunk = vec![0; 256 * 1024];
        match file.read(&mut chunk).await {
            Ok(0) => None,
            Ok(n) => {
                chunk.truncate(n);
                Some((Ok::<_, std::io::Error>(Bytes::from(chunk)), file))
            }
            Err(error) => Some((Err(error), file)),
        }
    });
    let mut response = streamed_download(file_name, mime, axum::body::Body::from_stream(chunks));
    response.headers_mut().insert(axum::http::header::CONTENT_LENGTH, HeaderValue::from(length));
    Ok(response)
}

/// A public document (a published manual): shown in the browser, saved
/// under its name, and kept a few minutes by browsers and proxies.
pub fn public_document(file_name: &str, mime: &'static str, content: Bytes) -> Response {
    let mut response = content.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(mime));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    if let Ok(value) = HeaderValue::from_str(&content_disposition("inline", file_name)) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    response
}

/// A typeset PDF for the public: `304 Not Modified` when the browser
/// already has these bytes, else gzipped when it takes gzip (about half the
/// bytes for a phone on a slow line), each with its tag.
pub(crate) fn public_pdf(
    file_name: &str,
    pdf: crate::pdf_cache::TypesetPdf,
    AcceptsGzip(gzip): AcceptsGzip,
    IfNoneMatch(tag): IfNoneMatch,
) -> Response {
    if tag.is_some_and(|tag| tag == pdf.etag) {
        return (StatusCode::NOT_MODIFIED, [(ETAG, pdf.etag)]).into_response();
    }
    let mut response = public_document(file_name, PDF, if gzip { pdf.gzip } else { pdf.pdf });
    let headers = response.headers_mut();
    headers.insert(ETAG, pdf.etag);
    headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    if gzip {
        headers.insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

/// `bytes` gzipped at `level`.
pub(crate) fn gzip(bytes: &[u8], level: flate2::Compression) -> Result<Vec<u8>, AppError> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 2), level);
    encoder.write_all(bytes).map_err(|e| AppError::Internal(e.to_string()))?;
    encoder.finish().map_err(|e| AppError::Internal(e.to_string()))
}

/// Whether the client takes gzip (every browser does; `gzip;q=0` refuses
/// it), read without copying the request's headers.
pub(crate) struct AcceptsGzip(pub bool);

impl<S: Send + Sync> FromRequestParts<S> for AcceptsGzip {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let codings = parts.headers.get_all(ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok());
        Ok(Self(codings.flat_map(|v| v.split(',')).any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            parts.next() == Some("gzip") && parts.all(|p| p.replace(' ', "") != "q=0")
        })))
    }
}

/// The tag of the copy the browser has, if it sent one.
pub(crate) struct IfNoneMatch(pub Option<HeaderValue>);

impl<S: Send + Sync> FromRequestParts<S> for IfNoneMatch {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(parts.headers.get(IF_NONE_MATCH).cloned()))
    }
}

/// A document built on the blocking pool (building one is CPU work that
/// must not hold up the async threads), handed back as a download.
pub async fn built_download<E: std::fmt::Display + Send + 'static>(
    file_name: &str,
    mime: &'static str,
    build: impl FnOnce() -> Result<Vec<u8>, E> + Send + 'static,
) -> Result<Response, AppError> {
    let content = tokio::task::spawn_blocking(build)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(file_download(file_name, mime, content))
}

/// `attachment` or `inline` with an ASCII fallback name and the real (Thai)
/// name percent-encoded as RFC 6266 asks.
fn content_disposition(disposition: &str, file_name: &str) -> String {
    let fallback: String = file_name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' })
        .collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

/// A file size people read: bytes, KB or MB (decimal, as phones show them).
pub fn size_label(bytes: i64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{:.0} KB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_file_names_survive_the_header_and_quotes_cannot_break_it() {
        assert_eq!(
            content_disposition("attachment", "หนังสือ.pdf"),
            "attachment; filename=\"_______.pdf\"; filename*=UTF-8''%E0%B8%AB%E0%B8%99%E0%B8%B1%E0%B8%87%E0%B8%AA%E0%B8%B7%E0%B8%AD.pdf"
        );
        assert!(
            content_disposition("attachment", "a\"b\r\nc.pdf")
                .starts_with("attachment; filename=\"a_b__c.pdf\"")
        );
    }

    #[test]
    fn sizes_read_like_a_phone_shows_them() {
        assert_eq!(size_label(999), "999 B");
        assert_eq!(size_label(2_400), "2 KB");
        assert_eq!(size_label(10_485_760), "10.5 MB");
    }
}
