//! What a budget file looked like when it was last read or written: its length, modification time
//! and a hash of its bytes. Comparing a fresh stamp with the remembered one tells whether another
//! program changed the file since, so a save never overwrites such a change silently.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use siphasher::sip128::SipHasher13;

/// The identity of a file's content at one moment.
///
/// Two stamps describe the same content when length and hash agree; the modification time is
/// kept for display and for cheap "probably unchanged" checks, but a file rewritten with the same
/// bytes (or only touched) counts as unchanged. The hash is SipHash-1-3 (128 bits) with fixed
/// keys, so a stamp stays comparable across runs and program versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Length in bytes.
    pub len: u64,
    /// Last modification time, where the file system reports one.
    pub modified: Option<SystemTime>,
    /// Hash of the bytes.
    pub hash: u128,
}

impl FileStamp {
    /// The stamp of `bytes` as a file holding them, modified at `modified`.
    #[must_use]
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        FileStamp {
            len: bytes.len() as u64,
            modified,
            hash: SipHasher13::new().hash(bytes).as_u128(),
        }
    }

    /// Reads the file at `path` (following symbolic links) and stamps it.
    ///
    /// # Errors
    /// When the file cannot be opened or read.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        read_with_stamp(path).map(|(_, stamp)| stamp)
    }

    /// True when `other` describes the same bytes.
    #[must_use]
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// Reads a whole file and stamps what was read; the time is taken from the same open file, so
/// bytes and stamp belong together even while another program writes.
///
/// # Errors
/// When the file cannot be opened or read.
pub fn read_with_stamp(path: &Path) -> std::io::Result<(Vec<u8>, FileStamp)> {
    let mut file = File::open(path)?;
    let meta = file.metadata()?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    let stamp = FileStamp::of_bytes(&bytes, meta.modified().ok());
    Ok((bytes, stamp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_same_stamp_whatever_the_time() {
        let a = FileStamp::of_bytes(b"(format_version: 1)", None);
        let b = FileStamp::of_bytes(b"(format_version: 1)", Some(SystemTime::UNIX_EPOCH));
        let c = FileStamp::of_bytes(b"(format_version: 2)", None);
        assert!(a.same_content(&b));
        assert!(!a.same_content(&c));
        // Fixed keys: a given text has the same hash in every run and every release, so a
        // remembered stamp stays comparable.
        assert_eq!(
            FileStamp::of_bytes(b"budget", None).hash,
            0xc0e1_7650_4344_02ce_b9c4_6450_ce14_67db
        );
    }
}
