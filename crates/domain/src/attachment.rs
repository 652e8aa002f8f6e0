//! Files people attach (to a submission, a consultation, a comment): the
//! limits, and the type read from the content, never from the name.
//!
//! A name says what someone claims; the first bytes say what a program will
//! open. A `.pdf` that is really an executable, or a `.docx` that is a plain
//! ZIP of anything, is refused.

use crate::accounts::FieldError;

/// At most this many files per submission.
pub const MAX_FILES: usize = 5;
/// At most this many bytes per file (10 MiB).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Longest kept file name, in characters.
const MAX_NAME_CHARS: usize = 120;

/// The types accepted, identified by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    Pdf,
    Jpeg,
    Png,
    Docx,
    Xlsx,
}

impl MediaType {
    pub const ALL: [Self; 5] = [Self::Pdf, Self::Jpeg, Self::Png, Self::Docx, Self::Xlsx];

    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    pub fn from_mime(mime: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.mime() == mime)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
        }
    }

    /// Images can be shown inline; everything else is downloaded.
    pub fn is_image(self) -> bool {
        matches!(self, Self::Jpeg | Self::Png)
    }

    /// The type of `content`, or `None` when it is none of the accepted ones.
    pub fn sniff(content: &[u8]) -> Option<Self> {
        if content.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if content.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if content.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if content.starts_with(b"PK\x03\x04") {
            office_document(content)
        } else {
            None
        }
    }
}

/// A file checked against the limits, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub file_name: String,
    pub media_type: MediaType,
    pub content: Vec<u8>,
}

impl NewAttachment {
    /// Checks up to `max` files at once: the files that pass, and every
    /// refusal (too many, and each refused file), so a form says all of it.
    pub fn check_all<'a>(
        files: impl ExactSizeIterator<Item = (&'a str, Vec<u8>)>,
        max: usize,
    ) -> (Vec<Self>, Vec<FieldError>) {
        let mut refused = Vec::new();
        if files.len() > max {
            refused.push(FieldError::TooManyFiles { max });
        }
        let mut passed = Vec::with_capacity(files.len().min(max));
        for (file_name, content) in files.take(max) {
            match Self::check(file_name, content) {
                Ok(file) => passed.push(file),
                Err(error) => refused.push(error),
            }
        }
        (passed, refused)
    }

    /// Checks one uploaded file: not empty, not too large, an accepted type.
    pub fn check(file_name: &str, content: Vec<u8>) -> Result<Self, FieldError> {
        if content.is_empty() {
            return Err(FieldError::Required);
        }
        if content.len() > MAX_BYTES {
            return Err(FieldError::FileTooLarge { max_mib: MAX_BYTES / (1024 * 1024) });
        }
        let media_type = MediaType::sniff(&content).ok_or(FieldError::FileType)?;
        Ok(Self { file_name: clean_file_name(file_name, media_type), media_type, content })
    }
}

/// A file name safe to show and to offer for download: no path, no control
/// characters, a bounded length, and the extension of the real type.
pub fn clean_file_name(raw: &str, media_type: MediaType) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let stem: String =
        stem.chars().filter(|c| !c.is_control() && !"\"<>|:*?".contains(*c)).take(MAX_NAME_CHARS).collect();
    let stem = stem.trim().trim_start_matches('.');
    let stem = if stem.is_empty() { "file" } else { stem };
    format!("{stem}.{}", media_type.extension())
}

/// DOCX and XLSX are ZIP archives; the entries in the central directory tell
/// a word-processing document from a workbook from any other archive.
fn office_document(zip: &[u8]) -> Option<MediaType> {
    let names = zip_entry_names(zip)?;
    let has = |wanted: &str| names.contains(&wanted.as_bytes());
    if !has("[Content_Types].xml") {
        return None;
    }
    if has("word/document.xml") {
        Some(MediaType::Docx)
    } else if has("xl/workbook.xml") {
        Some(MediaType::Xlsx)
    } else {
        None
    }
}

/// The entry names of a ZIP archive's central directory, or `None` when the
/// archive is malformed. Reads only what the end record points to.
fn zip_entry_names(zip: &[u8]) -> Option<Vec<&[u8]>> {
    const END_SIGNATURE: &[u8] = b"PK\x05\x06";
    const ENTRY_SIGNATURE: &[u8] = b"PK\x01\x02";
    const END_LEN: usize = 22;
    // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
    let search_from = zip.len().saturating_sub(END_LEN + usize::from(u16::MAX));
    let end = (search_from..=zip.len().checked_sub(END_LEN)?)
        .rev()
        .find(|&at| zip[at..].starts_with(END_SIGNATURE))?;
    let entries = usize::from(u16_at(zip, end + 10)?);
    let mut at = usize::try_from(u32_at(zip, end + 16)?).ok()?;
    let mut names = Vec::with_capacity(entries.min(1024));
    for _ in 0..entries {
        if !zip.get(at..)?.starts_with(ENTRY_SIGNATURE) {
            return None;
        }
        let name_len = usize::from(u16_at(zip, at + 28)?);
        let extra_len = usize::from(u16_at(zip, at + 30)?);
        let comment_len = usize::from(u16_at(zip, at + 32)?);
        names.push(zip.get(at + 46..at + 46 + name_len)?);
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(names)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal stored (uncompressed) ZIP archive holding empty entries.
    pub fn zip_with(names: &[&str]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut directory = Vec::new();
        for name in names {
            let offset = u32::try_from(out.len()).unwrap();
            out.extend_from_slice(b"PK\x03\x04");
            out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            out.extend_from_slice(&[0; 12]);
            out.extend_from_slice(&u16::try_from(name.len()).unwrap().to_le_bytes());
            out.extend_from_slice(&[0, 0]);
            out.extend_from_slice(name.as_bytes());
            directory.extend_from_slice(b"PK\x01\x02");
            directory.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            directory.extend_from_slice(&[0; 12]);
            directory.extend_from_slice(&u16::try_from(name.len()).unwrap().to_le_bytes());
            directory.extend_from_slice(&[0; 12]);
            directory.extend_from_slice(&offset.to_le_bytes());
            directory.extend_from_slice(name.as_bytes());
        }
        let directory_at = u32::try_from(out.len()).unwrap();
        let count = u16::try_from(names.len()).unwrap().to_le_bytes();
        out.extend_from_slice(&directory);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&count);
        out.extend_from_slice(&count);
        out.extend_from_slice(&u32::try_from(directory.len()).unwrap().to_le_bytes());
        out.extend_from_slice(&directory_at.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    #[test]
    fn the_type_comes_from_the_content() {
        assert_eq!(MediaType::sniff(b"%PDF-1.7\n..."), Some(MediaType::Pdf));
        assert_eq!(MediaType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), Some(MediaType::Jpeg));
        assert_eq!(MediaType::sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(MediaType::Png));
        assert_eq!(MediaType::sniff(b"MZ\x90\0 an executable"), None);
        assert_eq!(MediaType::sniff(b"<html><script>alert(1)</script>"), None);
    }

    #[test]
    fn office_documents_are_told_apart_by_their_entries() {
        let docx = zip_with(&["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
        let xlsx = zip_with(&["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
        assert_eq!(MediaType::sniff(&docx), Some(MediaType::Docx));
        assert_eq!(MediaType::sniff(&xlsx), Some(MediaType::Xlsx));
        assert_eq!(MediaType::sniff(&zip_with(&["evil.exe"])), None);
        assert_eq!(MediaType::sniff(&zip_with(&["[Content_Types].xml", "ppt/presentation.xml"])), None);
    }

    #[test]
    fn a_truncated_archive_is_refused_not_misread() {
        let docx = zip_with(&["[Content_Types].xml", "word/document.xml"]);
        for cut in 0..docx.len() {
            assert_eq!(MediaType::sniff(&docx[..cut]), None, "cut at {cut}");
        }
    }

    #[test]
    fn several_files_are_checked_at_once_and_every_refusal_is_said() {
        let pdf = b"%PDF-1.4 x".to_vec();
        let files =
            [("a.pdf", pdf.clone()), ("empty.pdf", Vec::new()), ("b.pdf", pdf.clone()), ("c.pdf", pdf)];
        let (passed, refused) = NewAttachment::check_all(files.into_iter(), 3);
        assert_eq!(passed.iter().map(|f| f.file_name.as_str()).collect::<Vec<_>>(), ["a.pdf", "b.pdf"]);
        assert_eq!(refused, [FieldError::TooManyFiles { max: 3 }, FieldError::Required]);
    }

    #[test]
    fn files_are_checked_against_the_limits() {
        assert_eq!(NewAttachment::check("a.pdf", Vec::new()), Err(FieldError::Required));
        let mut huge = b"%PDF-".to_vec();
        huge.resize(MAX_BYTES + 1, b' ');
        assert_eq!(NewAttachment::check("a.pdf", huge), Err(FieldError::FileTooLarge { max_mib: 10 }));
        assert_eq!(NewAttachment::check("photo.jpg", b"GIF89a".to_vec()), Err(FieldError::FileType));
        let ok = NewAttachment::check("C:\\Users\\me\\หนังสือ.PDF", b"%PDF-1.4".to_vec()).unwrap();
        assert_eq!(ok.file_name, "หนังสือ.pdf");
    }

    #[test]
    fn file_names_lose_paths_and_lies_about_their_type() {
        assert_eq!(clean_file_name("../../etc/passwd", MediaType::Png), "passwd.png");
        assert_eq!(clean_file_name("invoice.pdf.exe", MediaType::Pdf), "invoice.pdf.pdf");
        assert_eq!(clean_file_name("<script>.jpg", MediaType::Jpeg), "script.jpg");
        assert_eq!(clean_file_name(".hidden", MediaType::Pdf), "file.pdf");
        assert_eq!(clean_file_name("", MediaType::Xlsx), "file.xlsx");
    }

    proptest::proptest! {
        #[test]
        fn sniffing_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = MediaType::sniff(&bytes);
            let mut zip = b"PK\x03\x04".to_vec();
            zip.extend_from_slice(&bytes);
            let _ = MediaType::sniff(&zip);
        }
    }
}
