//! Checking a bag in its ZIP, as RFC 8493 §3 validates a bag: the
//! declaration, every payload file against the manifest and back, every
//! tag file against the tag manifest, and the payload's size and count.
//! Every problem found is named; the check does not stop at the first.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Seek};

use zip::ZipArchive;

use crate::{BagError, Hashing, paths};

/// Something that makes a bag invalid, with the file it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the archive should hold one folder, the bag, with everything inside it; it also holds `{0}`")]
    OutsideTheBag(String),
    #[error("`{0}` is missing")]
    TagFileMissing(&'static str),
    #[error("`bagit.txt` does not declare BagIt 1.0 in UTF-8")]
    NotABag,
    #[error("`{file}` line {line} is not `<sha256> <path>`")]
    BadManifestLine { file: &'static str, line: usize },
    #[error("`{0}` is listed in the manifest but not in the bag")]
    Missing(String),
    #[error("`{0}` is in the bag but not in the manifest")]
    Unlisted(String),
    #[error("`{0}` does not match its hash in the manifest")]
    Changed(String),
    #[error("`{path}` cannot be read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("`{0}` is a tag file not covered by `tagmanifest-sha256.txt`")]
    TagUnlisted(String),
    #[error("`{0}` does not match its hash in `tagmanifest-sha256.txt`")]
    TagChanged(String),
    #[error("`{0}` is listed in `tagmanifest-sha256.txt` but not in the bag")]
    TagMissing(String),
    #[error("Payload-Oxum says {declared}, the payload is {found}")]
    OxumMismatch { declared: String, found: String },
}

/// What a check found.
#[derive(Debug, Clone, Default)]
pub struct Verified {
    /// Payload files and octets read.
    pub files: u64,
    pub bytes: u64,
    pub problems: Vec<Problem>,
}

impl Verified {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// A bag opened from its ZIP.
pub struct Bag<R: Read + Seek> {
    zip: ZipArchive<R>,
    root: String,
}

impl<R: Read + Seek> std::fmt::Debug for Bag<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bag").field("root", &self.root).finish()
    }
}

const MANIFEST: &str = "manifest-sha256.txt";
const TAG_MANIFEST: &str = "tagmanifest-sha256.txt";

impl<R: Read + Seek> Bag<R> {
    /// Opens the archive; its bag is the folder of its first entry.
    pub fn open(archive: R) -> Result<Self, BagError> {
        let zip = ZipArchive::new(archive)?;
        let first = zip.file_names().next().transpose()?.unwrap_or_default().into_owned();
        let root = first.split('/').next().unwrap_or_default().to_owned();
        Ok(Self { zip, root })
    }

    /// The bag's folder name.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// The labels of `bag-info.txt`, in order.
    pub fn info(&mut self) -> Result<Vec<(String, String)>, BagError> {
        let text = self.text("bag-info.txt")?.unwrap_or_default();
        Ok(text
            .lines()
            .filter_map(|line| line.split_once(':'))
            .map(|(label, value)| (label.trim().to_owned(), value.trim().to_owned()))
            .collect())
    }

    /// A file of the bag by its path inside it (`data/…`, `bag-info.txt`),
    /// read as a stream; `None` when the bag has no such file.
    pub fn file(&mut self, path: &str) -> Result<Option<impl Read + '_>, BagError> {
        let name = format!("{}/{path}", self.root);
        match self.zip.by_name(&name) {
            Ok(file) => Ok(Some(file)),
            Err(zip::result::ZipError::FileNotFound) => Ok(None),
            Err(other) => Err(other.into()),
        }
    }

    fn text(&mut self, path: &str) -> Result<Option<String>, BagError> {
        let Some(mut file) = self.file(path)? else { return Ok(None) };
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        Ok(Some(text))
    }

    /// Checks the whole bag; `on_file` hears each payload file's size as
    /// it is read, for a progress bar.
    pub fn verify(&mut self, mut on_file: impl FnMut(u64)) -> Result<Verified, BagError> {
        let mut verified = Verified::default();
        let problems = &mut verified.problems;
        let (mut payload, mut tags) = (BTreeSet::new(), BTreeSet::new());
        let prefix = format!("{}/", self.root);
        for name in self.zip.file_names() {
            let name = name?;
            match name.strip_prefix(&prefix) {
                Some(inside) if inside.starts_with("data/") => payload.insert(inside.to_owned()),
                Some(inside) if !inside.is_empty() && !inside.ends_with('/') => {
                    tags.insert(inside.to_owned())
                }
                Some(_) => false,
                None => {
                    problems.push(Problem::OutsideTheBag(name.into_owned()));
                    false
                }
            };
        }
        match self.text("bagit.txt")? {
            None => problems.push(Problem::TagFileMissing("bagit.txt")),
            Some(text) if !declares_bagit(&text) => problems.push(Problem::NotABag),
            Some(_) => {}
        }
        let manifest = match self.text(MANIFEST)? {
            Some(text) => manifest_lines(&text, MANIFEST, problems),
            None => {
                problems.push(Problem::TagFileMissing(MANIFEST));
                BTreeMap::new()
            }
        };
        for path in &payload {
            if path.ends_with('/') {
                continue;
            }
            let Some(expected) = manifest.get(path) else {
                problems.push(Problem::Unlisted(path.clone()));
                continue;
            };
            match self.hash(path)? {
                Ok((sha256, bytes)) => {
                    verified.files += 1;
                    verified.bytes += bytes;
                    on_file(bytes);
                    if &sha256 != expected {
                        problems.push(Problem::Changed(path.clone()));
                    }
                }
                Err(reason) => problems.push(Problem::Unreadable { path: path.clone(), reason }),
            }
        }
        problems
            .extend(manifest.keys().filter(|p| !payload.contains(*p)).map(|p| Problem::Missing(p.clone())));
        self.check_tags(&tags, problems)?;
        self.check_oxum(&payload, problems)?;
        Ok(verified)
    }

    fn check_tags(&mut self, tags: &BTreeSet<String>, problems: &mut Vec<Problem>) -> Result<(), BagError> {
        let Some(text) = self.text(TAG_MANIFEST)? else {
            problems.push(Problem::TagFileMissing(TAG_MANIFEST));
            return Ok(());
        };
        let listed = manifest_lines(&text, TAG_MANIFEST, problems);
        for tag in tags.iter().filter(|t| *t != TAG_MANIFEST) {
            let Some(expected) = listed.get(tag) else {
                problems.push(Problem::TagUnlisted(tag.clone()));
                continue;
            };
            match self.hash(tag)? {
                Ok((sha256, _)) if &sha256 == expected => {}
                Ok(_) => problems.push(Problem::TagChanged(tag.clone())),
                Err(reason) => problems.push(Problem::Unreadable { path: tag.clone(), reason }),
            }
        }
        problems.extend(listed.keys().filter(|t| !tags.contains(*t)).map(|t| Problem::TagMissing(t.clone())));
        Ok(())
    }

    fn check_oxum(
        &mut self,
        payload: &BTreeSet<String>,
        problems: &mut Vec<Problem>,
    ) -> Result<(), BagError> {
        let Some(declared) = self.info()?.into_iter().find(|(l, _)| l == "Payload-Oxum").map(|(_, v)| v)
        else {
            return Ok(());
        };
        let mut bytes = 0;
        for path in payload {
            bytes += self.zip.by_name(&format!("{}/{path}", self.root))?.size();
        }
        let found = format!("{bytes}.{}", payload.len());
        if declared != found {
            problems.push(Problem::OxumMismatch { declared, found });
        }
        Ok(())
    }

    /// A file's SHA-256 and size, or why it could not be read (a damaged
    /// archive, whose CRC fails, is named rather than fatal).
    fn hash(&mut self, path: &str) -> Result<Result<(String, u64), String>, BagError> {
        let name = format!("{}/{path}", self.root);
        let file = match self.zip.by_name(&name) {
            Ok(file) => file,
            Err(error) => return Ok(Err(error.to_string())),
        };
        Ok(Hashing::new(file).drain().map_err(|e| e.to_string()))
    }
}

fn declares_bagit(text: &str) -> bool {
    let labels: Vec<(&str, &str)> =
        text.lines().filter_map(|l| l.split_once(':')).map(|(l, v)| (l.trim(), v.trim())).collect();
    labels.contains(&("BagIt-Version", "1.0")) && labels.contains(&("Tag-File-Character-Encoding", "UTF-8"))
}

/// `path → sha256` of a manifest; lines that do not parse are problems.
fn manifest_lines(text: &str, file: &'static str, problems: &mut Vec<Problem>) -> BTreeMap<String, String> {
    let mut lines = BTreeMap::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let parsed = line.split_once(char::is_whitespace).and_then(|(hash, path)| {
            let path = paths::decode(path.trim_start());
            let hash = hash.to_ascii_lowercase();
            (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && paths::is_safe(&path))
                .then_some((path, hash))
        });
        match parsed {
            Some((path, hash)) => {
                lines.insert(path, hash);
            }
            None => problems.push(Problem::BadManifestLine { file, line: number + 1 }),
        }
    }
    lines
}
