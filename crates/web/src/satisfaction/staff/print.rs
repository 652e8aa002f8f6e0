//! A survey on paper and in pictures: the summary report as a formal PDF,
//! an A4 poster with the survey's QR code, and the code alone as PNG or SVG
//! for LINE, slides and letters.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use ruamjai_domain::calendar::{DateStyle, bangkok_date, format_date};
use ruamjai_domain::satisfaction::survey::Mode;
use ruamjai_pdf::documents::poster::Poster;
use time::OffsetDateTime;

use super::filter::FilterQuery;
use crate::auth::session::Staff;
use crate::download::{PDF, PNG, PrintQuery, SVG, built_download, file_download};
use crate::kit::Names;
use crate::page::Page;
use crate::{AppError, AppState};
use ruamjai_app::satisfaction::{findings, summary, surveys};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/surveys/{id}/report.pdf", get(report_pdf))
        .route("/staff/surveys/{id}/poster.pdf", get(poster_pdf))
        .route("/staff/surveys/{id}/qr.png", get(qr_png))
        .route("/staff/surveys/{id}/qr.svg", get(qr_svg))
}

/// Typesets on the blocking pool (tens of milliseconds of CPU) and hands
/// the PDF back as a download.
pub(crate) async fn pdf_download(
    file_name: &str,
    render: impl FnOnce(&ruamjai_pdf::Engine) -> Result<Vec<u8>, ruamjai_pdf::PdfError> + Send + 'static,
) -> Result<Response, AppError> {
    built_download(file_name, PDF, move || {
        let engine = ruamjai_pdf::shared().map_err(|e| e.to_string())?;
        render(engine).map_err(|e| e.to_string())
    })
    .await
}

async fn report_pdf(
    State(state): State<AppState>,
    page: Page,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<FilterQuery>,
    Query(print): Query<PrintQuery>,
) -> Result<Response, AppError> {
    let filter = query.filter()?;
    let found = findings::of(&state.app, &staff.caller(), id, &filter).await?;
    let catalog = state.catalog().await?;
    let months = query.months();
    let report =
        summary::document(&found, page.locale, &catalog, &filter, months.as_deref(), state.app.now());
    let today = bangkok_date(OffsetDateTime::now_utc());
    let thai_numerals = print.thai_numerals();
    pdf_download(&format!("survey-{id}-report.pdf"), move |engine| {
        report.render(engine, today, thai_numerals)
    })
    .await
}

async fn poster_pdf(
    State(state): State<AppState>,
    page: Page,
    _staff: Staff,
    Path(id): Path<i64>,
    Query(print): Query<PrintQuery>,
) -> Result<Response, AppError> {
    let survey = state.store.survey(id).await?;
    if survey.mode == Mode::Token {
        // A token survey is answered through personal links; a poster
        // would lead everyone else to a page that turns them away.
        return Err(AppError::Conflict("token-survey-poster"));
    }
    let catalog = state.catalog().await?;
    let names = Names { locale: page.locale, catalog: &catalog };
    let url = surveys::public_link(&state.app, id);
    let closes = format_date(survey.closes_at, DateStyle::Long, page.lang() == "th");
    let mut lines: Vec<String> = survey.service_codes.iter().map(|code| names.service(code)).collect();
    lines.push(page.locale.ta("poster-survey-open-until", &[("when", closes.into())]));
    let privacy = if survey.mode == Mode::Identified {
        "survey-privacy-identified"
    } else {
        "survey-privacy-anonymous"
    };
    let poster = Poster {
        organization: page.t("office-name"),
        heading: page.t("poster-survey-heading"),
        heading_en: page.t("poster-survey-heading-second"),
        title: survey.name,
        lines,
        instruction: page.t("poster-scan"),
        qr_alt: page.t("poster-qr-alt"),
        url: url.clone(),
        footer: vec![page.t(privacy)],
    };
    let qr = ruamjai_docs::qr::svg(&url, 400).ok_or_else(|| AppError::Internal("QR code".into()))?;
    let today = bangkok_date(OffsetDateTime::now_utc());
    let thai_numerals = print.thai_numerals();
    pdf_download(&format!("survey-{id}-poster.pdf"), move |engine| {
        poster.render(engine, qr, today, thai_numerals)
    })
    .await
}

async fn qr_png(
    State(state): State<AppState>,
    _staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    state.store.survey(id).await?;
    let png = ruamjai_docs::qr::png(&surveys::public_link(&state.app, id), 600)
        .ok_or_else(|| AppError::Internal("QR".into()))?;
    Ok(file_download(&format!("survey-{id}-qr.png"), PNG, png))
}

async fn qr_svg(
    State(state): State<AppState>,
    _staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    state.store.survey(id).await?;
    let svg = ruamjai_docs::qr::svg(&surveys::public_link(&state.app, id), 600)
        .ok_or_else(|| AppError::Internal("QR".into()))?;
    Ok(file_download(&format!("survey-{id}-qr.svg"), SVG, svg.into_bytes()))
}
