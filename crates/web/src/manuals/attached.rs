//! A form to attach to a manual, as the editor and the API send it: a
//! title and one file (stored by `app::manuals`, served to the public only
//! while the manual in force links to it).

use ruamjai_app::manuals::NewForm;
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::text::Text;

use crate::auth::csrf::Upload;

/// The field names of a new form in the editor and the API.
pub(crate) const TITLE_FIELD: &str = "forms.new.title";
pub(crate) const FILE_FIELD: &str = "forms.new.file";

/// The form of a title and an upload, when either was given; a title
/// without a file, or a file without a title, is refused by name.
pub(crate) fn new_form(
    title: &str,
    upload: Option<&Upload>,
) -> Result<Option<NewForm>, Vec<(String, FieldError)>> {
    if title.trim().is_empty() && upload.is_none() {
        return Ok(None);
    }
    let title = Text::line(title, 300).map_err(|e| (TITLE_FIELD.to_owned(), e));
    let file = upload
        .ok_or(FieldError::Required)
        .and_then(|u| NewAttachment::check(&u.file_name, u.content.clone()))
        .map_err(|e| (FILE_FIELD.to_owned(), e));
    match (title, file) {
        (Ok(title), Ok(file)) => Ok(Some(NewForm { title: title.as_str().to_owned(), file })),
        (title, file) => Err(title.err().into_iter().chain(file.err()).collect()),
    }
}
