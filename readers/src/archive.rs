//! ZIP and gzip archives: each file inside is read as if it had been opened
//! on its own, by its extension, archives inside archives too.
//!
//! A ZIP member is named after the archive and its path inside it
//! (`news.zip/2005/march.html`), and keeps the folders between the two as
//! its `folder` (`2005`; `2005/old.zip/march` for a member of an archive
//! inside the first). A gzip file is read as the file it holds, named
//! without its `.gz` (`speeches.jsonl.gz` is read as `speeches.jsonl`).
//!
//! Against decompression bombs, all the archives of one file share one
//! budget of inflated bytes, and archives nest only so deep ([`Limits`]).

use std::io::Cursor;

use flate2::read::MultiGzDecoder;
use zip::ZipArchive;

use crate::{extension, read_within, reader_for, unsupported, Read};

/// The default of [`Limits::decompressed`]: 1 GiB, more than a browser
/// tab holds comfortably as text, far less than a bomb unpacks to.
pub const DECOMPRESSED_LIMIT: u64 = 1 << 30;

/// The default of [`Limits::depth`]: archives eight deep, more than any
/// archive of documents we have seen and few enough to stop a ZIP quine.
pub const DEPTH_LIMIT: usize = 8;

/// Limits on what the archives of one file may unpack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes all the archives in one file may inflate together,
    /// Word files' parts included. A member that would pass it is a
    /// [`Failure`](crate::Failure) of kind `too-large`, and so is every
    /// member with content after it. From 0 (no member with content is
    /// read) to `u64::MAX` (no limit but memory); [`DECOMPRESSED_LIMIT`] by
    /// default.
    pub decompressed: u64,
    /// How many archives deep a file may sit. An archive deeper is a
    /// failure of kind `too-deep`. From 0 (no archive is opened) through 1
    /// (the archive opened, but not the archives in it) to `usize::MAX` (no
    /// limit but the decompressed bytes); [`DEPTH_LIMIT`] by default.
    pub depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            decompressed: DECOMPRESSED_LIMIT,
            depth: DEPTH_LIMIT,
        }
    }
}

/// What is left of the [`Limits`] while one file is read.
#[derive(Debug)]
pub(crate) struct Budget {
    limits: Limits,
    /// Bytes that may still be inflated.
    left: u64,
    /// How many archives deep the file being read sits.
    depth: usize,
}

/// Why inflating failed.
enum Inflate {
    /// More bytes than the budget has left.
    TooLarge,
    /// The compressed data is damaged (or of a method not supported).
    Damaged(std::io::Error),
    /// Memory ran out first.
    OutOfMemory,
}

impl Budget {
    /// The whole budget of `limits`.
    pub(crate) fn new(limits: &Limits) -> Self {
        Budget {
            limits: *limits,
            left: limits.decompressed,
            depth: 0,
        }
    }

    /// All that `reader` inflates to, counted against the budget whether it
    /// is kept or not, so that a bomb spends the budget once, not at every
    /// member. Memory grows with what is inflated, never past what is left
    /// of the budget, and an allocation that fails is a failure of the
    /// member, not an abort.
    fn inflate(&mut self, mut reader: impl std::io::Read) -> Result<Vec<u8>, Inflate> {
        let mut bytes: Vec<u8> = Vec::new();
        let mut chunk = [0; 16 * 1024];
        let left = usize::try_from(self.left).unwrap_or(usize::MAX);
        loop {
            let read = match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(read) => read,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    self.spend(bytes.len());
                    return Err(Inflate::Damaged(error));
                }
            };
            if read > left - bytes.len() {
                self.left = 0;
                return Err(Inflate::TooLarge);
            }
            if bytes.capacity() - bytes.len() < read {
                // Doubling, as Vec does, but not past the budget.
                let wanted = (bytes.capacity() * 2).max(bytes.len() + read).min(left);
                if bytes.try_reserve_exact(wanted - bytes.len()).is_err() {
                    self.spend(bytes.len());
                    return Err(Inflate::OutOfMemory);
                }
            }
            bytes.extend_from_slice(&chunk[..read]);
        }
        self.spend(bytes.len());
        Ok(bytes)
    }

    fn spend(&mut self, inflated: usize) {
        let inflated = u64::try_from(inflated).unwrap_or(u64::MAX);
        self.left = self.left.saturating_sub(inflated);
    }

    /// The failure of a part that would pass the limit.
    fn too_large(&self, name: &str) -> Read {
        let limit = self.limits.decompressed;
        Read::failure(
            name,
            "too-large",
            format!(
                "inflating it would pass the limit of {limit} bytes decompressed \
                 from one file, so it is not read"
            ),
        )
    }

    /// `read` run one archive deeper, or a failure if that is too deep.
    fn deeper(&mut self, name: &str, read: impl FnOnce(&mut Self) -> Vec<Read>) -> Vec<Read> {
        if self.depth >= self.limits.depth {
            let depth = self.limits.depth;
            let message = format!("an archive more than {depth} archives deep is not opened");
            return vec![Read::failure(name, "too-deep", message)];
        }
        self.depth += 1;
        let reads = read(self);
        self.depth -= 1;
        reads
    }
}

/// The files inside the ZIP archive `name`; a failure if it is not one.
pub(crate) fn read_zip(name: &str, bytes: &[u8], budget: &mut Budget) -> Vec<Read> {
    let mut archive = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(error) => {
            let message = format!("not a ZIP archive that can be read: {error}");
            return vec![Read::failure(name, "damaged-archive", message)];
        }
    };
    let mut reads = budget.deeper(name, |budget| {
        (0..archive.len())
            .flat_map(|index| member(&mut archive, index, name, budget))
            .collect()
    });
    for read in &mut reads {
        read.folder = folder_in(name, &read.name);
    }
    reads
}

/// The member at `index` of `archive` (called `archive_name`): nothing if it
/// is a folder or metadata, else what it holds or why it cannot be read.
fn member(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    index: usize,
    archive_name: &str,
    budget: &mut Budget,
) -> Vec<Read> {
    let path = match archive.name_for_index(index) {
        Some(path) => clean(path),
        None => format!("#{index}"),
    };
    let name = format!("{archive_name}/{path}");
    if path.ends_with('/') || is_metadata(&path) {
        return Vec::new();
    }
    let Some(reader) = reader_for(&extension(&path)) else {
        return vec![unsupported(&name)];
    };
    let file = match archive.by_index(index) {
        Ok(file) => file,
        Err(error) => {
            let message = format!("the member {path} cannot be opened: {error}");
            return vec![Read::failure(&name, "damaged-member", message)];
        }
    };
    if file.size() > budget.left {
        // Its header says so: not worth inflating to find out.
        return vec![budget.too_large(&name)];
    }
    match budget.inflate(file) {
        Ok(bytes) => reader(&name, &bytes, budget),
        Err(Inflate::TooLarge) => vec![budget.too_large(&name)],
        Err(Inflate::OutOfMemory) => vec![out_of_memory(&name)],
        Err(Inflate::Damaged(error)) => {
            let message = format!("the member {path} cannot be decompressed: {error}");
            vec![Read::failure(&name, "damaged-member", message)]
        }
    }
}

/// The inflated bytes of the member at `path` of a ZIP archive (a part of a
/// Word file), counted against `budget`; `None` if there is no such member.
///
/// # Errors
///
/// Why the member cannot be read: damaged, or past the limit.
pub(crate) fn part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    path: &str,
    budget: &mut Budget,
) -> Result<Option<Vec<u8>>, String> {
    let file = match archive.by_name(path) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(format!("its part {path} cannot be opened: {error}")),
    };
    let limit = budget.limits.decompressed;
    let too_large = || format!("its part {path} inflates past the limit of {limit} bytes");
    if file.size() > budget.left {
        return Err(too_large());
    }
    match budget.inflate(file) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(Inflate::TooLarge) => Err(too_large()),
        Err(Inflate::OutOfMemory) => Err(format!(
            "there is not memory enough to inflate its part {path}"
        )),
        Err(Inflate::Damaged(error)) => {
            Err(format!("its part {path} cannot be decompressed: {error}"))
        }
    }
}

/// A member's path with `/` between folders (Windows tools write `\\`),
/// without empty or `.` segments (`/`, `./`, `a//b`); a folder's ends in `/`.
fn clean(path: &str) -> String {
    let is_folder = path.ends_with(['/', '\\']);
    let mut clean = path
        .split(['/', '\\'])
        .filter(|segment| !segment.is_empty() && *segment != ".")
        .collect::<Vec<_>>()
        .join("/");
    if is_folder || clean.is_empty() {
        clean.push('/');
    }
    clean
}

/// Whether a member is what an operating system adds to an archive about
/// its files rather than a file put in it, and is skipped without a word:
/// macOS's `__MACOSX/` folder, `.DS_Store` and `._name` (AppleDouble)
/// files, and Windows' `Thumbs.db` and `desktop.ini`. Other dot-files are
/// read, or reported as unsupported, like any file.
fn is_metadata(path: &str) -> bool {
    let base = path.rsplit('/').next().unwrap_or(path);
    path.starts_with("__MACOSX/")
        || base == ".DS_Store"
        || base.starts_with("._")
        || base.eq_ignore_ascii_case("Thumbs.db")
        || base.eq_ignore_ascii_case("desktop.ini")
}

/// The folders between the archive's name and the file's own in `name`.
fn folder_in(archive: &str, name: &str) -> Option<String> {
    let path = name.strip_prefix(archive)?.strip_prefix('/')?;
    let (folder, _) = path.rsplit_once('/')?;
    Some(folder.to_string())
}

/// The failure of a part that memory cannot hold inflated.
fn out_of_memory(name: &str) -> Read {
    let message = "there is not memory enough to inflate it".to_string();
    Read::failure(name, "too-large", message)
}

/// The file inside the gzip file `name`, read as if it were called `name`
/// without `.gz`; a failure if it is not gzip or is damaged.
pub(crate) fn read_gz(name: &str, bytes: &[u8], budget: &mut Budget) -> Vec<Read> {
    let inner = name.get(..name.len().saturating_sub(3)).unwrap_or(name);
    if bytes.is_empty() {
        let message = "an empty file, not gzip".to_string();
        return vec![Read::failure(name, "damaged-archive", message)];
    }
    budget.deeper(name, |budget| {
        match budget.inflate(MultiGzDecoder::new(bytes)) {
            Ok(inflated) => read_within(inner, &inflated, budget),
            Err(Inflate::TooLarge) => vec![budget.too_large(name)],
            Err(Inflate::OutOfMemory) => vec![out_of_memory(name)],
            Err(Inflate::Damaged(error)) => {
                let message = format!("not a gzip file that can be read: {error}");
                vec![Read::failure(name, "damaged-archive", message)]
            }
        }
    })
}

#[cfg(test)]
mod tests;
