//! Writing a bag into a ZIP as its files arrive: each payload file is hashed
//! on its way in, and the tag files (`bagit.txt`, `bag-info.txt`, the
//! manifests) are written last, when every hash is known.

use std::collections::HashSet;
use std::io::{Read, Seek, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use crate::{BagError, Hashing, paths, sha256_hex};

/// The labels of `bag-info.txt`, in the order given. `Payload-Oxum` is
/// added by [`BagWriter::finish`].
#[derive(Debug, Clone, Default)]
pub struct BagInfo(Vec<(String, String)>);

impl BagInfo {
    /// Adds a label; line breaks in the value become spaces, since a line
    /// of `bag-info.txt` is one label.
    pub fn with(mut self, label: &str, value: &str) -> Self {
        let value = value.split(['\r', '\n']).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join(" ");
        self.0.push((label.to_owned(), value));
        self
    }

    fn text(&self, oxum: (u64, u64)) -> String {
        let mut text = String::new();
        for (label, value) in &self.0 {
            text.push_str(&format!("{label}: {value}\n"));
        }
        text.push_str(&format!("Payload-Oxum: {}.{}\n", oxum.0, oxum.1));
        text
    }
}

/// A payload file as it went in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// Its path in the bag, `data/…`.
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

pub struct BagWriter<W: Write + Seek> {
    zip: ZipWriter<W>,
    root: String,
    manifest: Vec<Added>,
    names: HashSet<String>,
}

impl<W: Write + Seek> std::fmt::Debug for BagWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BagWriter").field("root", &self.root).field("files", &self.manifest.len()).finish()
    }
}

const BAGIT_TXT: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

impl<W: Write + Seek> BagWriter<W> {
    /// A bag whose folder in the ZIP is `root`.
    pub fn new(out: W, root: &str) -> Result<Self, BagError> {
        if !paths::is_safe(root) || root.contains('/') {
            return Err(BagError::BadPath(root.to_owned()));
        }
        Ok(Self {
            zip: ZipWriter::new(out),
            root: root.to_owned(),
            manifest: Vec::new(),
            names: HashSet::new(),
        })
    }

    /// Streams a payload file to `data/<path>`.
    pub fn add(&mut self, path: &str, source: impl Read) -> Result<Added, BagError> {
        if !paths::is_safe(path) {
            return Err(BagError::BadPath(path.to_owned()));
        }
        let path = format!("data/{path}");
        if !self.names.insert(path.clone()) {
            return Err(BagError::Duplicate(path));
        }
        self.zip.start_file(format!("{}/{path}", self.root), options_for(&path))?;
        let mut hashing = Hashing::new(source);
        std::io::copy(&mut hashing, &mut self.zip)?;
        let (sha256, bytes) = hashing.finish();
        let added = Added { path, sha256, bytes };
        self.manifest.push(added.clone());
        Ok(added)
    }

    /// The payload so far: octets and files, as `Payload-Oxum` counts them.
    pub fn oxum(&self) -> (u64, u64) {
        (self.manifest.iter().map(|a| a.bytes).sum(), self.manifest.len() as u64)
    }

    /// The payload manifest's text so far (its hash is what a seal keeps).
    pub fn manifest_text(&self) -> String {
        self.manifest.iter().map(|a| format!("{}  {}\n", a.sha256, paths::encode(&a.path))).collect()
    }

    /// Writes the tag files and closes the archive; gives back the output
    /// and the SHA-256 of the payload manifest.
    pub fn finish(mut self, info: &BagInfo) -> Result<(W, String), BagError> {
        let manifest = self.manifest_text();
        let info = info.text(self.oxum());
        let mut tag_lines = String::new();
        for (name, text) in [
            ("bagit.txt", BAGIT_TXT),
            ("bag-info.txt", info.as_str()),
            ("manifest-sha256.txt", manifest.as_str()),
        ] {
            self.tag(name, text)?;
            tag_lines.push_str(&format!("{}  {name}\n", sha256_hex(text.as_bytes())));
        }
        self.tag("tagmanifest-sha256.txt", &tag_lines)?;
        Ok((self.zip.finish()?, sha256_hex(manifest.as_bytes())))
    }

    fn tag(&mut self, name: &str, text: &str) -> Result<(), BagError> {
        self.zip.start_file(format!("{}/{name}", self.root), options_for(name))?;
        self.zip.write_all(text.as_bytes())?;
        Ok(())
    }
}

/// Files that are compressed already are stored as they are; deflating
/// them again costs time and gains nothing.
fn options_for(path: &str) -> SimpleFileOptions {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let method = match extension.as_str() {
        "pdf" | "jpg" | "jpeg" | "png" | "zip" | "xlsx" | "docx" | "gz" => CompressionMethod::Stored,
        _ => CompressionMethod::Deflated,
    };
    // Large files get ZIP64 headers; below 4 GiB the classic ones are read everywhere.
    SimpleFileOptions::default().compression_method(method).large_file(false)
}
