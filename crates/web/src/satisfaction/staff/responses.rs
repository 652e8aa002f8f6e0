//! Every response of a survey as one XLSX sheet, streamed: the database is
//! read a page at a time, each page encoded and compressed on a blocking
//! thread, and the bytes sent as they are made, so memory stays flat at any
//! size. A failure midway aborts the download rather than end it short.

use std::io::{self, Write};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::satisfaction::export::Columns;
use ruamjai_app::satisfaction::responses;
use ruamjai_docs::streamed::StreamedSheet;
use ruamjai_store::satisfaction::ResponseRow;
use tokio::sync::mpsc;

use crate::auth::session::Staff;
use crate::download::{XLSX, streamed_download};
use crate::kit::Names;
use crate::page::Page;
use crate::{AppError, AppState};

/// Responses read per query: a few hundred kilobytes of rows.
const PAGE: i64 = 2_000;
/// Compressed chunks handed to the connection at a time.
const CHUNK: usize = 64 * 1024;

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/surveys/{id}/responses.xlsx", get(responses))
}

/// Hands the sheet's bytes to the connection in chunks; blocks the writing
/// thread while the client is slower than the export.
struct ChannelWriter {
    buffer: Vec<u8>,
    out: mpsc::Sender<io::Result<Bytes>>,
}

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buffer, Vec::with_capacity(CHUNK)));
        self.out
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "download cancelled"))
    }
}

async fn responses(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (survey, source) = responses::pages(&state.app, &staff.caller(), id).await?;
    let catalog = state.catalog().await?;
    let columns = Columns::new(&survey, page.locale, &Names { locale: page.locale, catalog: &catalog });
    let (pages_in, mut pages) = mpsc::channel::<Result<Vec<ResponseRow>, io::Error>>(2);
    let (bytes_in, bytes) = mpsc::channel::<io::Result<Bytes>>(8);
    tokio::spawn(async move {
        let mut after = 0;
        loop {
            match source.after(after, PAGE).await {
                Ok(rows) if rows.is_empty() => break,
                Ok(rows) => {
                    after = rows.last().map_or(after, |r| r.id);
                    if pages_in.send(Ok(rows)).await.is_err() {
                        break;
                    }
                }
                Err(error) => {
                    let _ = pages_in.send(Err(io::Error::other(error))).await;
                    break;
                }
            }
        }
    });
    let sheet_name = survey.name.clone();
    tokio::task::spawn_blocking(move || {
        let out = ChannelWriter { buffer: Vec::with_capacity(CHUNK), out: bytes_in.clone() };
        let written = (|| -> io::Result<()> {
            let headings: Vec<&str> = columns.headings.iter().map(String::as_str).collect();
            let mut sheet = StreamedSheet::new(out, &sheet_name, &headings)?;
            while let Some(rows) = pages.blocking_recv() {
                for row in &rows? {
                    sheet.row(&columns.cells(row))?;
                }
            }
            sheet.finish()?.flush()
        })();
        if let Err(error) = written {
            tracing::warn!(%error, survey = id, "the responses export stopped");
            let _ = bytes_in.blocking_send(Err(error));
        }
    });
    let stream =
        futures_util::stream::unfold(bytes, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    Ok(streamed_download(&format!("survey-{id}-responses.xlsx"), XLSX, Body::from_stream(stream)))
}
