//! Autosave and recovery. While the budget has unsaved changes, a copy is written into the app's
//! own data folder (never beside the officer's file) a moment after the last edit and at least
//! every 30 seconds; it is deleted when the budget is saved or the changes are discarded. After a
//! crash or a kill, the next start finds the copy and offers to restore it.
//!
//! Each running app holds an exclusive lock on its own lock file for as long as it runs, so two
//! copies of the app never take over each other's recovery files: a copy is offered only when the
//! lock of the app that wrote it can be taken, which means that app is gone.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::io::{self, FileStamp};

/// What a recovery copy is a copy of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryMeta {
    /// The budget file the document belongs to (`None`: never saved).
    pub original: Option<PathBuf>,
    /// The document's name in the title bar.
    pub name: String,
    /// The original file as it was last read or written, to tell whether it changed since.
    pub stamp: Option<FileStamp>,
    /// When the copy was written.
    pub written: SystemTime,
}

/// A recovery copy left by an app that is no longer running.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    /// The copy (RON).
    pub data: PathBuf,
    /// What it is a copy of.
    pub meta: RecoveryMeta,
    /// The lock file of the app that wrote it.
    lock: PathBuf,
}

impl Orphan {
    /// True when the original file is no longer what it was when the copy was written (changed
    /// or removed by something else since).
    #[must_use]
    pub fn original_changed(&self) -> bool {
        match (&self.meta.original, &self.meta.stamp) {
            (Some(path), Some(stamp)) => {
                FileStamp::read(path).map_or(true, |now| !now.same_content(stamp))
            }
            _ => false,
        }
    }

    /// Deletes the copy and its files.
    pub fn discard(&self) {
        for path in [&self.data, &meta_path(&self.data), &self.lock] {
            let _ = fs::remove_file(path);
        }
    }
}

/// This app's recovery copy: where it goes and when it is written.
#[derive(Debug)]
pub struct Recovery {
    dir: PathBuf,
    data: PathBuf,
    lock_path: PathBuf,
    /// Held (locked) while the app runs.
    _lock: File,
    /// How long after the last change the copy is written.
    quiet: Duration,
    /// The longest a changed budget goes without a copy.
    every: Duration,
    /// The document generation and when it was first seen.
    seen: Option<(u64, Instant)>,
    /// The generation the copy on disk holds.
    written: Option<u64>,
    /// When a copy was last written.
    written_at: Option<Instant>,
}

fn meta_path(data: &Path) -> PathBuf {
    data.with_extension("json")
}

impl Recovery {
    /// Opens this app's place in `dir` (created if missing) and locks it.
    ///
    /// # Errors
    /// When the folder cannot be created or the lock file written.
    pub fn open(dir: &Path, quiet: Duration) -> std::io::Result<Self> {
        fs::create_dir_all(dir)?;
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id = format!("{}-{nanos:x}", std::process::id());
        let lock_path = dir.join(format!("{id}.lock"));
        let lock = File::create(&lock_path)?;
        lock.try_lock().map_err(std::io::Error::other)?;
        Ok(Recovery {
            dir: dir.to_owned(),
            data: dir.join(format!("{id}.ron")),
            lock_path,
            _lock: lock,
            quiet,
            every: Duration::from_secs(30),
            seen: None,
            written: None,
            written_at: None,
        })
    }

    /// Copies left by apps that are no longer running, newest first. Lock files of such apps
    /// that left no copy are removed.
    #[must_use]
    pub fn orphans(&self) -> Vec<Orphan> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let lock = entry.path();
            if lock.extension().is_none_or(|e| e != "lock") || lock == self.lock_path {
                continue;
            }
            // Taking the lock succeeds only when the app that holds it is gone.
            let free = File::open(&lock).is_ok_and(|f| f.try_lock().is_ok());
            if !free {
                continue;
            }
            let data = lock.with_extension("ron");
            let meta = fs::read(meta_path(&data))
                .ok()
                .and_then(|bytes| serde_json::from_slice::<RecoveryMeta>(&bytes).ok());
            match meta {
                Some(meta) if data.exists() => found.push(Orphan { data, meta, lock }),
                _ => {
                    for path in [&data, &meta_path(&data), &lock] {
                        let _ = fs::remove_file(path);
                    }
                }
            }
        }
        found.sort_by_key(|o| std::cmp::Reverse(o.meta.written));
        found
    }

    /// Called every frame: writes a copy when the document has changes that settled (or have
    /// waited too long), deletes it when there are none. Returns how long until it wants to be
    /// called again, so the app can ask for a frame then.
    ///
    /// # Errors
    /// When the copy cannot be written (the document itself is untouched).
    pub fn tick(
        &mut self,
        doc: &Document,
        stamp: Option<&FileStamp>,
        now: Instant,
    ) -> Result<Option<Duration>, String> {
        if !doc.is_modified() {
            self.clear();
            return Ok(None);
        }
        let generation = doc.generation();
        if self.written == Some(generation) {
            return Ok(None);
        }
        let since = match self.seen {
            Some((g, at)) if g == generation => at,
            _ => {
                self.seen = Some((generation, now));
                now
            }
        };
        let settled = now.saturating_duration_since(since) >= self.quiet;
        let overdue = self
            .written_at
            .is_some_and(|at| now.saturating_duration_since(at) >= self.every);
        if settled || overdue {
            self.write(doc, stamp)?;
            self.written = Some(generation);
            self.written_at = Some(now);
            return Ok(None);
        }
        Ok(Some(
            self.quiet
                .saturating_sub(now.saturating_duration_since(since)),
        ))
    }

    fn write(&self, doc: &Document, stamp: Option<&FileStamp>) -> Result<(), String> {
        let text = io::to_ron_string(doc.file()).map_err(|e| e.to_string())?;
        let meta = RecoveryMeta {
            original: doc.path().map(Path::to_owned),
            name: doc.name().to_owned(),
            stamp: stamp.cloned(),
            written: SystemTime::now(),
        };
        let meta = serde_json::to_vec_pretty(&meta).map_err(|e| e.to_string())?;
        // The copy first, then what it is a copy of: a copy without its description is ignored.
        atomic_write(&self.data, text.as_bytes()).map_err(|e| e.to_string())?;
        atomic_write(&meta_path(&self.data), &meta).map_err(|e| e.to_string())
    }

    /// Deletes this app's copy (saved or discarded).
    pub fn clear(&mut self) {
        if self.written.take().is_some() {
            let _ = fs::remove_file(meta_path(&self.data));
            let _ = fs::remove_file(&self.data);
        }
        self.seen = None;
        self.written_at = None;
    }
}

impl Drop for Recovery {
    fn drop(&mut self) {
        // A clean exit leaves nothing behind; a crash leaves the copy and the (now free) lock.
        if self.written.is_none() {
            let _ = fs::remove_file(&self.lock_path);
        }
    }
}

fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Edit;
    use crate::sample::sample_budget;

    fn edited_doc() -> Document {
        let mut doc = Document::new(sample_budget().unwrap(), None, "s.ron");
        let mut sangong = doc.budget().sangong.clone();
        sangong.all_basic = !sangong.all_basic;
        doc.apply("scope", vec![Edit::Sangong(sangong)]).unwrap();
        doc
    }

    #[test]
    fn a_copy_is_written_once_changes_settle_and_removed_when_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Recovery::open(dir.path(), Duration::from_secs(2)).unwrap();
        let mut doc = edited_doc();
        let t0 = Instant::now();
        let wait = r.tick(&doc, None, t0).unwrap();
        assert!(
            wait.is_some() && !r.data.exists(),
            "not before the edit settles"
        );
        r.tick(&doc, None, t0 + Duration::from_secs(3)).unwrap();
        assert!(r.data.exists() && meta_path(&r.data).exists());
        doc.mark_saved(dir.path().join("s.ron"));
        r.tick(&doc, None, t0 + Duration::from_secs(4)).unwrap();
        assert!(!r.data.exists());
    }

    #[test]
    fn a_running_apps_copy_is_not_offered_to_another() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = Recovery::open(dir.path(), Duration::ZERO).unwrap();
        first.tick(&edited_doc(), None, Instant::now()).unwrap();
        let second = Recovery::open(dir.path(), Duration::ZERO).unwrap();
        assert!(second.orphans().is_empty(), "the first app still runs");
        // The first app ends with its copy still on disk, as after a crash: its lock is released
        // with its file handle, the copy stays.
        drop(first);
        let orphans = second.orphans();
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].meta.name, "s.ron");
        orphans[0].discard();
        assert!(second.orphans().is_empty());
    }
}
