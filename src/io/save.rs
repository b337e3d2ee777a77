//! Saving without losing anything and without changing what the file *is*.
//!
//! A save writes a uniquely named temporary file in the target's folder, flushes it to disk, gives
//! it the target's mode (and owner, where the system permits), keeps the previous version as
//! `NAME.bak` beside the file and renames the temporary over the target, then flushes the folder.
//! An interrupted save therefore leaves either the complete old or the complete new file.
//!
//! - A symbolic link is followed: the real file is written (and its backup sits beside it), the
//!   link stays a link.
//! - A read-only file is refused, never replaced behind the user's back.
//! - A file with other hard links is written in place (after the backup is safely on disk), so
//!   every name sees the new content; a rename would leave the other names on the old content.
//!   This one case is not atomic: if it is interrupted, the backup holds the previous version.
//! - Temporary names are short (`.` + 8 hex digits of the file name's hash + 6 random characters +
//!   `.tmp`), so a file with a 250-byte name can still be saved. A save holds a lock on its
//!   temporary while writing; a later save of the same file removes the temporaries nobody holds,
//!   i.e. the ones interrupted saves left behind, and never one that is being written.
//! - An expected [`FileStamp`] makes the save refuse to overwrite a file another program changed.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, Metadata, OpenOptions, TryLockError};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use siphasher::sip128::SipHasher13;
use tempfile::NamedTempFile;

use super::os_reason_zh;
use super::stamp::FileStamp;

/// Why a budget could not be saved. In every case the target keeps its previous content.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Serialising failed (should not happen for a valid budget).
    #[error("无法生成文件内容: {0} / cannot serialise: {0}")]
    Serialise(String),
    /// Reading, writing or renaming failed.
    #[error(
        "无法保存 {path}（{}）/ cannot save {path}: {error}",
        os_reason_zh(error)
    )]
    Io {
        /// The target.
        path: PathBuf,
        /// What the OS said (shown in the message, so not a `source`: it would print twice).
        error: io::Error,
    },
    /// The file is read-only (or not writable by this user): it is not replaced.
    #[error(
        "无法保存 {path}：文件是只读的，请另存为其他文件或先取消只读 / cannot save {path}: the file is read-only; save under another name or make it writable first"
    )]
    ReadOnly {
        /// The target.
        path: PathBuf,
    },
    /// Another program changed (or removed) the file since it was last read or written.
    #[error(
        "{path} 已被其他程序修改或删除，未覆盖 / {path} was changed or removed by another program; it was not overwritten"
    )]
    ChangedOnDisk {
        /// The target.
        path: PathBuf,
        /// The file's stamp now; `None` when it no longer exists.
        found: Option<FileStamp>,
    },
}

/// How [`write_file`] treats the previous content.
#[derive(Clone, Copy, Debug, Default)]
pub struct WriteOptions<'a> {
    /// Keep the previous version as `NAME.bak` beside the file.
    pub backup: bool,
    /// Refuse unless the file still has this content (see [`check_unchanged`]).
    pub expected: Option<&'a FileStamp>,
}

/// Checks that the file at `path` still has the content `expected` describes.
///
/// # Errors
/// [`SaveError::ChangedOnDisk`] when it differs or is gone, [`SaveError::Io`] when it cannot be
/// read.
pub fn check_unchanged(path: &Path, expected: &FileStamp) -> Result<(), SaveError> {
    match FileStamp::read(path) {
        Ok(now) if now.same_content(expected) => Ok(()),
        Ok(now) => Err(SaveError::ChangedOnDisk {
            path: path.to_owned(),
            found: Some(now),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(SaveError::ChangedOnDisk {
            path: path.to_owned(),
            found: None,
        }),
        Err(error) => Err(SaveError::Io {
            path: path.to_owned(),
            error,
        }),
    }
}

/// Writes `bytes` to `path` as described in the module documentation; returns the stamp of what
/// was written.
///
/// # Errors
/// [`SaveError`]; the target keeps its previous content.
pub fn write_file(
    path: &Path,
    bytes: &[u8],
    options: &WriteOptions<'_>,
) -> Result<FileStamp, SaveError> {
    let io_error = |error| SaveError::Io {
        path: path.to_owned(),
        error,
    };
    let target = resolve_links(path).map_err(io_error)?;
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_error(e)),
    };
    if let Some(meta) = &existing {
        refuse_unwritable(&target, meta).map_err(|e| match e {
            Some(error) => io_error(error),
            None => SaveError::ReadOnly {
                path: path.to_owned(),
            },
        })?;
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io_error(io::Error::other("not a file name")))?
        .to_owned();
    remove_stale_temporaries(&dir, &name);
    let check = || match options.expected {
        Some(expected) => check_unchanged(&target, expected).map_err(|e| match e {
            SaveError::ChangedOnDisk { found, .. } => SaveError::ChangedOnDisk {
                path: path.to_owned(),
                found,
            },
            other => other,
        }),
        None => Ok(()),
    };
    match &existing {
        Some(meta) if other_links(&target, meta) => {
            check()?;
            write_in_place(&target, bytes, options.backup).map_err(io_error)
        }
        _ => {
            let temporary =
                write_temporary(&dir, &name, bytes, existing.as_ref()).map_err(io_error)?;
            // Checked as late as possible, so a change made while the temporary was written
            // is still seen; the temporary is removed when it is dropped.
            check()?;
            replace(
                &target,
                &dir,
                temporary,
                options.backup && existing.is_some(),
                bytes,
            )
            .map_err(io_error)
        }
    }
}

/// Follows symbolic links to the file that is really written (which need not exist yet).
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    // As many hops as Linux follows before it gives up with ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// `Err(None)` when the file is read-only or this user may not write it; `Err(Some(e))` when it
/// is not a regular file or cannot be examined.
fn refuse_unwritable(target: &Path, meta: &Metadata) -> Result<(), Option<io::Error>> {
    if !meta.is_file() {
        return Err(Some(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    if meta.permissions().readonly() {
        return Err(None);
    }
    // Write permission as the system decides it (owner, group, ACLs): opening for writing
    // without truncating changes nothing.
    match OpenOptions::new().write(true).open(target) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Err(None),
        Err(e) => Err(Some(e)),
    }
}

/// The backup's path: `NAME.bak` beside the file, the name shortened if `.bak` would make it
/// longer than file systems allow (255 bytes).
#[must_use]
pub fn backup_path(target: &Path) -> PathBuf {
    const MAX_NAME: usize = 255;
    let name = target.file_name().unwrap_or_else(|| OsStr::new("budget"));
    let mut backup = OsString::from(name);
    backup.push(".bak");
    if backup.len() > MAX_NAME {
        let lossy = name.to_string_lossy();
        let mut end = MAX_NAME - ".bak".len();
        while !lossy.is_char_boundary(end) {
            end -= 1;
        }
        backup = OsString::from(format!("{}.bak", lossy.get(..end).unwrap_or("budget")));
    }
    target.with_file_name(backup)
}

/// True when the file has hard links other than the one an interrupted save may have left as its
/// backup (that one is replaced by the next backup anyway).
#[cfg(unix)]
fn other_links(target: &Path, meta: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    let mut links = meta.nlink();
    if links > 1
        && let Ok(backup) = fs::symlink_metadata(backup_path(target))
        && backup.dev() == meta.dev()
        && backup.ino() == meta.ino()
    {
        links -= 1;
    }
    links > 1
}

#[cfg(not(unix))]
fn other_links(_target: &Path, _meta: &Metadata) -> bool {
    // The link count is not available on this platform in stable Rust; rename is used.
    false
}

/// Prefix of the temporaries of the file called `name`: a dot, then 8 hex digits of the name's
/// hash, which keeps the name short whatever the file's name is and tells this file's temporaries
/// from other files'. Six random characters and `.tmp` follow.
#[must_use]
pub fn temporary_prefix(name: &OsStr) -> String {
    let hash = SipHasher13::new().hash(name.as_encoded_bytes()).as_u128();
    format!(".{:08x}", hash >> 96)
}

const TEMPORARY_SUFFIX: &str = ".tmp";
const RANDOM_CHARS: usize = 6;

/// Writes `bytes` to a new, locked temporary in `dir`, with the target's mode and owner, and
/// flushes it to disk.
fn write_temporary(
    dir: &Path,
    name: &OsStr,
    bytes: &[u8],
    existing: Option<&Metadata>,
) -> io::Result<NamedTempFile> {
    let prefix = temporary_prefix(name);
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(TEMPORARY_SUFFIX)
        .rand_bytes(RANDOM_CHARS);
    #[cfg(unix)]
    if existing.is_none() {
        // A new file gets the mode any new file gets (0666 less the umask), not tempfile's 0600.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temporary = locked_temporary(&builder, dir)?;
    temporary.write_all(bytes)?;
    if let Some(meta) = existing {
        keep_identity(temporary.as_file(), meta)?;
    }
    temporary.as_file().sync_all()?;
    Ok(temporary)
}

/// Creates a temporary and takes its lock. Between creating and locking, a concurrent save's
/// clean-up could take the lock and delete the file; then the name no longer leads to our file
/// and a new one is made.
fn locked_temporary(builder: &tempfile::Builder<'_, '_>, dir: &Path) -> io::Result<NamedTempFile> {
    let mut last = io::Error::other("could not lock a temporary file");
    for _ in 0..8 {
        let temporary = builder.tempfile_in(dir)?;
        match temporary.as_file().try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => continue,
            // File systems without locks: nothing to coordinate with, go on unlocked.
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
            Err(TryLockError::Error(e)) => {
                last = e;
                continue;
            }
        }
        if is_same_file(temporary.as_file(), temporary.path()) {
            return Ok(temporary);
        }
    }
    Err(last)
}

#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// Gives the new file the old one's owner (where permitted) and mode.
#[cfg(unix)]
fn keep_identity(file: &File, meta: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt as _, fchown};
    // Only root may give a file away; a member of the file's group may still keep the group.
    if fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = fchown(file, None, Some(meta.gid()));
    }
    // After chown, which may clear set-id bits.
    file.set_permissions(meta.permissions())
}

#[cfg(not(unix))]
fn keep_identity(file: &File, meta: &Metadata) -> io::Result<()> {
    file.set_permissions(meta.permissions())
}

/// Backs the target up (if asked), renames the temporary over it and flushes the folder.
fn replace(
    target: &Path,
    dir: &Path,
    temporary: NamedTempFile,
    backup: bool,
    bytes: &[u8],
) -> io::Result<FileStamp> {
    let modified = temporary.as_file().metadata()?.modified().ok();
    if backup {
        make_backup(target, true)?;
    }
    // The returned file keeps the lock until the rename is durable.
    let file = temporary.persist(target).map_err(|e| e.error)?;
    sync_dir(dir);
    drop(file);
    Ok(FileStamp::of_bytes(bytes, modified))
}

/// Writes into the existing file, after a backup copy is on disk.
fn write_in_place(target: &Path, bytes: &[u8], backup: bool) -> io::Result<FileStamp> {
    if backup {
        make_backup(target, false)?;
    }
    let mut file = OpenOptions::new().write(true).truncate(true).open(target)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    let modified = file.metadata()?.modified().ok();
    Ok(FileStamp::of_bytes(bytes, modified))
}

/// Makes `NAME.bak` the current content of `target`: a second name for it when `link` (the
/// rename that follows gives the target a new file, leaving the old one as the backup), else a
/// copy flushed to disk. An interruption here leaves the target untouched.
fn make_backup(target: &Path, link: bool) -> io::Result<()> {
    let backup = backup_path(target);
    match fs::remove_file(&backup) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    // File systems without hard links get a copy.
    if link && fs::hard_link(target, &backup).is_ok() {
        return Ok(());
    }
    fs::copy(target, &backup)?;
    File::open(&backup)?.sync_all()
}

/// Makes a rename durable where the platform allows syncing a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        // Some file systems cannot sync a folder; the rename has happened all the same.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Temporaries of older releases (`.NAME.<pid>.tmp`) were not locked, so they are only removed
/// once no save could still be writing them.
const LEGACY_AGE: Duration = Duration::from_secs(600);

/// Removes the temporaries of `name` that interrupted saves left in `dir`: ours when their lock
/// is free (no save is writing them), older releases' when they are old enough.
fn remove_stale_temporaries(dir: &Path, name: &OsStr) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = temporary_prefix(name);
    let legacy_prefix = format!(".{}.", name.to_string_lossy());
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let ours = file_name.len() == prefix.len() + RANDOM_CHARS + TEMPORARY_SUFFIX.len()
            && file_name.starts_with(&prefix)
            && file_name.ends_with(TEMPORARY_SUFFIX);
        let legacy = file_name
            .strip_prefix(&legacy_prefix)
            .and_then(|rest| rest.strip_suffix(TEMPORARY_SUFFIX))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        if ours || legacy {
            remove_if_stale(&entry.path(), legacy);
        }
    }
}

fn remove_if_stale(path: &Path, legacy: bool) {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return;
    };
    if !meta.is_file() {
        return;
    }
    if legacy {
        let age = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok());
        if age.is_some_and(|age| age >= LEGACY_AGE) {
            let _ = fs::remove_file(path);
        }
        return;
    }
    let Ok(file) = File::open(path) else {
        return;
    };
    // Holding the lock while deleting: a save that still writes this temporary holds it, so
    // only abandoned ones are removed. Failures leave the file for the next save.
    if file.try_lock().is_ok() {
        let _ = fs::remove_file(path);
    }
}
