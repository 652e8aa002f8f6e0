//! BagIt bags (RFC 8493) serialized as one ZIP with the bag's directory at
//! its top, the way evaluators receive them: any BagIt tool validates the
//! unzipped folder, and [`Bag::verify`] validates the ZIP as it is.
//!
//! Both directions stream: a file goes through a SHA-256 on its way into or
//! out of the archive, so memory stays the same whatever the bag holds.

mod paths;
mod read;
mod write;

pub use read::{Bag, Problem, Verified};
pub use write::{Added, BagInfo, BagWriter};

/// What cannot be read or written at all (as opposed to a [`Problem`] found
/// in a bag that could be read).
#[derive(Debug, thiserror::Error)]
pub enum BagError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the ZIP archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("the path `{0}` cannot name a file in a bag")]
    BadPath(String),
    #[error("the bag already holds `{0}`")]
    Duplicate(String),
}

/// Hashes what passes through a reader.
struct Hashing<R> {
    inner: R,
    hasher: sha2::Sha256,
    bytes: u64,
}

impl<R: std::io::Read> Hashing<R> {
    fn new(inner: R) -> Self {
        Self { inner, hasher: sha2::Digest::new(), bytes: 0 }
    }

    /// Reads to the end; gives the hex digest and the length.
    fn drain(mut self) -> std::io::Result<(String, u64)> {
        std::io::copy(&mut self, &mut std::io::sink())?;
        Ok(self.finish())
    }

    fn finish(self) -> (String, u64) {
        (hex(&sha2::Digest::finalize(self.hasher)), self.bytes)
    }
}

impl<R: std::io::Read> std::io::Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        sha2::Digest::update(&mut self.hasher, &buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// The SHA-256 of a byte string, as the manifests write it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(bytes)))
}
