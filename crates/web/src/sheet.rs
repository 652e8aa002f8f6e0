//! A spreadsheet uploaded by staff (the directory, paper responses), read
//! into rows of text off the async threads, or the reason it cannot be.

use ruamjai_docs::table::{self, TableError};
use ruamjai_domain::accounts::FieldError;

use crate::AppError;
use crate::auth::csrf::Upload;

/// The first uploaded file's first sheet. Refused, as a field error of the
/// file: none sent, too large (as sent or once inflated), not XLSX or CSV.
pub async fn read_upload(files: Vec<Upload>) -> Result<Result<Vec<Vec<String>>, FieldError>, AppError> {
    let Some(upload) = files.into_iter().next() else {
        return Ok(Err(FieldError::Required));
    };
    if upload.content.len() > ruamjai_domain::attachment::MAX_BYTES {
        let max_mib = ruamjai_domain::attachment::MAX_BYTES / (1024 * 1024);
        return Ok(Err(FieldError::FileTooLarge { max_mib }));
    }
    let Some(format) = table::Format::of_file_name(&upload.file_name) else {
        return Ok(Err(FieldError::FileType));
    };
    let content = upload.content;
    let sheet = tokio::task::spawn_blocking(move || table::read(&content, format))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(sheet.map_err(|error| match error {
        TableError::TooLarge => FieldError::FileTooLarge {
            max_mib: usize::try_from(table::MAX_INFLATED_BYTES / (1024 * 1024)).unwrap_or(usize::MAX),
        },
        TableError::Unreadable => FieldError::FileType,
    }))
}
