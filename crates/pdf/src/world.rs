//! The little world Typst compiles a document in: the shared library and
//! fonts, and a handful of in-memory files. Nothing is read from disk.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use crate::engine::Shared;

/// The file every document starts from.
pub(crate) const MAIN: &str = "/main.typ";

pub(crate) struct DocumentWorld<'a> {
    shared: &'a Shared,
    main: FileId,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// The id of an in-memory file at `path` (absolute, as templates write it).
pub(crate) fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("the engine's own paths are valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl<'a> DocumentWorld<'a> {
    pub(crate) fn new(shared: &'a Shared, files: HashMap<FileId, Bytes>, today: Datetime) -> Self {
        Self { shared, main: file_id(MAIN), files, today }
    }

    fn bytes(&self, id: FileId) -> FileResult<&Bytes> {
        self.files.get(&id).ok_or_else(|| FileError::NotFound(format!("{id:?}").into()))
    }
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let text = std::str::from_utf8(self.bytes(id)?).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.bytes(id).cloned()
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
