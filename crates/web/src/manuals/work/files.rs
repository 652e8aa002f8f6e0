//! A revision as a file: `2.pdf` typeset in the Thai SOP layout, `2.docx`
//! for Word. An approved revision's PDF is typeset once and kept (a new
//! key when it is superseded and gains its watermark); a draft's is made
//! afresh, since it changes with every save.

use axum::response::Response;
use ruamjai_app::Caller;
use ruamjai_app::manuals::work::{self, Printed};
use ruamjai_domain::work_manual::control::{RevisionNumber, Standing};

use crate::download::{PDF, PrintQuery, built_download, file_download};
use crate::page::Page;
use crate::pdf_cache::PdfKey;
use crate::{AppError, AppState};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

enum Format {
    Pdf,
    Docx,
}

/// `2.pdf`, `2.1.docx`: the revision and the kind of file.
fn parse(file: &str) -> Result<(RevisionNumber, Format), AppError> {
    let (label, format) = match file.rsplit_once('.') {
        Some((label, "pdf")) => (label, Format::Pdf),
        Some((label, "docx")) => (label, Format::Docx),
        _ => return Err(AppError::NotFound),
    };
    Ok((RevisionNumber::parse(label).map_err(|_| AppError::NotFound)?, format))
}

pub(super) async fn revision_file(
    state: &AppState,
    caller: &Caller,
    page: &Page,
    id: i64,
    file: &str,
    print: &PrintQuery,
) -> Result<Response, AppError> {
    let (number, format) = parse(file)?;
    let detail = work::detail(&state.app, caller, id).await?;
    let catalog = state.catalog().await?;
    let locale = page.locale;
    let thai_numerals = print.thai_numerals();
    let printed = Printed::of(locale, &catalog, &detail, number)?;
    let name = format!("{}-{}-{}", detail.record.code, number.label(), page.lang());
    let document = printed.work_manual();
    let date = printed.date();
    match format {
        Format::Docx => {
            built_download(&format!("{name}.docx"), DOCX, move || {
                let digits = |t: &str| {
                    if thai_numerals { ruamjai_pdf::thai_digits_but_addresses(t) } else { t.to_owned() }
                };
                document.docx(&digits)
            })
            .await
        }
        Format::Pdf if printed.is_final() => {
            let superseded = printed.line.standing == Standing::Superseded;
            let key = PdfKey {
                document: if superseded { "work-manual-superseded" } else { "work-manual" },
                version: printed.line.revision.id,
                lang: page.lang(),
                thai_numerals,
            };
            let pdf = state
                .pdfs
                .get_or_render(key, move |engine| document.render(engine, date, thai_numerals))
                .await?;
            Ok(file_download(&format!("{name}.pdf"), PDF, pdf.pdf))
        }
        Format::Pdf => {
            built_download(&format!("{name}.pdf"), PDF, move || {
                let engine = ruamjai_pdf::shared().map_err(|e| e.to_string())?;
                document.render(engine, date, thai_numerals).map_err(|e| e.to_string())
            })
            .await
        }
    }
}
