//! Every response of a survey as one XLSX sheet, streamed: the database is
//! read a page at a time, each page encoded and compressed on a blocking
//! thread, and the bytes sent as they are made, so memory stays flat at any
//! size. A failure midway aborts the download rather than end it short.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_app::satisfaction::responses;
use ruamjai_docs::streamed::{Cell, StreamedSheet};
use ruamjai_domain::satisfaction::questionnaire::ItemKind;
use ruamjai_store::satisfaction::{ResponseRow, Survey};
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

/// What a row's cells say, in the page's language, fixed before streaming.
struct Columns {
    headings: Vec<String>,
    identified: bool,
    /// Item code → its column after the fixed ones.
    items: HashMap<String, usize>,
    /// (item, choice code) → the choice's text.
    choices: HashMap<(String, String), String>,
    services: HashMap<String, String>,
    groups: HashMap<String, String>,
    sources: [String; 2],
    not_applicable: String,
}

impl Columns {
    fn new(survey: &Survey, page: &Page, names: &Names) -> Self {
        let identified = survey.mode == ruamjai_domain::satisfaction::survey::Mode::Identified;
        let mut headings: Vec<String> = [
            "survey-col-response",
            "survey-col-received",
            "survey-col-source",
            "survey-service-used",
            "directory-col-group",
        ]
        .iter()
        .map(|k| page.t(k))
        .collect();
        if identified {
            headings.extend([page.t("survey-col-name"), page.t("survey-col-email")]);
        }
        let mut items = HashMap::new();
        let mut choices = HashMap::new();
        for (n, item) in survey.questionnaire.items().enumerate() {
            items.insert(item.code.clone(), n);
            headings.push(format!("{}. {}", n + 1, page.pick(&item.text_th, &item.text_en)));
            if let ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } = &item.kind {
                for c in options {
                    choices.insert(
                        (item.code.clone(), c.code.clone()),
                        page.pick(&c.text_th, &c.text_en).to_owned(),
                    );
                }
            }
        }
        Self {
            headings,
            identified,
            items,
            choices,
            services: survey.service_codes.iter().map(|c| (c.clone(), names.service(c))).collect(),
            groups: survey.groups.iter().map(|(c, _)| (c.clone(), names.group(c))).collect(),
            sources: [page.t("survey-source-web"), page.t("survey-source-paper")],
            not_applicable: page.t("scale-na"),
        }
    }

    fn cells<'a>(&'a self, row: &'a ResponseRow) -> Vec<Cell<'a>> {
        let fixed = if self.identified { 7 } else { 5 };
        let mut cells = vec![Cell::Empty; fixed + self.items.len()];
        let name = |map: &'a HashMap<String, String>, code: &'a str| {
            Cell::Text(Cow::Borrowed(map.get(code).map_or(code, String::as_str)))
        };
        cells[0] = Cell::Number(row.id as f64);
        cells[1] = Cell::Day(row.received_on);
        cells[2] = Cell::Text(Cow::Borrowed(&self.sources[usize::from(row.source == "paper")]));
        cells[3] = name(&self.services, &row.service);
        cells[4] = name(&self.groups, &row.group);
        if let (true, Some((who, email))) = (self.identified, &row.respondent) {
            cells[5] = Cell::Text(Cow::Borrowed(who));
            cells[6] = Cell::Text(Cow::Borrowed(email));
        }
        for answer in &row.answers {
            let Some(column) = self.items.get(&answer.item) else { continue };
            cells[fixed + column] = match (answer.score, answer.value.as_deref()) {
                (Some(score), _) => Cell::Number(score as f64),
                (None, None) => Cell::Text(Cow::Borrowed(&self.not_applicable)),
                (None, Some(value)) => Cell::Text(self.value(&answer.item, value)),
            };
        }
        cells
    }

    /// A choice's text, several choices' texts, or the text typed.
    fn value<'a>(&'a self, item: &str, value: &'a str) -> Cow<'a, str> {
        let choice = |code: &str| self.choices.get(&(item.to_owned(), code.to_owned())).cloned();
        if let Ok(codes) = serde_json::from_str::<Vec<String>>(value) {
            return Cow::Owned(
                codes.iter().map(|c| choice(c).unwrap_or_else(|| c.clone())).collect::<Vec<_>>().join(", "),
            );
        }
        choice(value).map_or(Cow::Borrowed(value), Cow::Owned)
    }
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
    let columns = Columns::new(&survey, &page, &Names { locale: page.locale, catalog: &catalog });
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
