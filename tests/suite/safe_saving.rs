//! Saving keeps what the file is: one test per problem found by saving over links, restricted and
//! read-only files, long names and interrupted saves, plus the backup and the external-change check.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::fs;
use std::path::{Path, PathBuf};

use budget_studio::io::save::backup_path;
use budget_studio::io::{
    FileStamp, SaveError, check_unchanged, load, load_file, save, save_checked, to_ron_string,
};
use budget_studio::model::Budget;
use budget_studio::sample::{SAMPLE_RON, sample_budget};

/// The sample, and a second budget that differs from it.
fn two_budgets() -> (Budget, Budget) {
    let first = sample_budget().unwrap();
    let mut second = first.clone();
    second.profile.notes = "第二版".to_owned();
    (first, second)
}

fn text_of(budget: &Budget) -> String {
    to_ron_string(budget).unwrap()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn previous_version_is_kept_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    let (first, second) = two_budgets();
    save(&first, &path).unwrap();
    assert_eq!(
        names(dir.path()),
        ["b.ron"],
        "a new file has nothing to back up"
    );
    save(&second, &path).unwrap();
    assert_eq!(names(dir.path()), ["b.ron", "b.ron.bak"]);
    assert_eq!(fs::read_to_string(&path).unwrap(), text_of(&second));
    assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), SAMPLE_RON);
    save(&first, &path).unwrap();
    assert_eq!(
        fs::read_to_string(backup_path(&path)).unwrap(),
        text_of(&second)
    );
}

#[test]
fn long_file_name_saves() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = two_budgets();
    for len in [250, 255] {
        // A Chinese character (three bytes) first, so the name is not plain ASCII.
        let name = format!("预{}.ron", "a".repeat(len - 3 - 4));
        assert_eq!(name.len(), len);
        let path = dir.path().join(&name);
        save(&first, &path).unwrap();
        save(&second, &path).unwrap();
        assert_eq!(load(&path).unwrap(), second);
        let backup = backup_path(&path);
        assert!(backup.file_name().unwrap().len() <= 255);
        assert_eq!(fs::read_to_string(backup).unwrap(), SAMPLE_RON);
    }
}

#[test]
fn read_only_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    let (first, second) = two_budgets();
    save(&first, &path).unwrap();
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let err = save(&second, &path).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("只读") && err.to_string().contains("read-only"));
    assert_eq!(fs::read_to_string(&path).unwrap(), SAMPLE_RON);
    assert!(fs::metadata(&path).unwrap().permissions().readonly());
    assert_eq!(names(dir.path()), ["b.ron"]);
}

#[test]
fn changed_on_disk_is_reported_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.ron");
    let (first, second) = two_budgets();
    save(&first, &path).unwrap();
    let stamp = load_file(&path).unwrap().stamp;
    // Saving over an unchanged file is fine and returns the new stamp.
    let stamp = save_checked(&second, &path, Some(&stamp)).unwrap();
    assert!(stamp.same_content(&FileStamp::read(&path).unwrap()));
    assert_eq!(stamp, FileStamp::read(&path).unwrap());
    check_unchanged(&path, &stamp).unwrap();

    // Another program writes the file: the save is refused and its change stays.
    let theirs = SAMPLE_RON.replacen("\"573.48\"", "\"573.49\"", 1);
    fs::write(&path, &theirs).unwrap();
    let err = save_checked(&first, &path, Some(&stamp)).unwrap_err();
    match &err {
        SaveError::ChangedOnDisk {
            found: Some(now), ..
        } => {
            assert_eq!(now.len, theirs.len() as u64);
        }
        other => panic!("{other}"),
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert!(matches!(
        check_unchanged(&path, &stamp),
        Err(SaveError::ChangedOnDisk { .. })
    ));

    // Removed by another program: also reported.
    fs::remove_file(&path).unwrap();
    assert!(matches!(
        save_checked(&first, &path, Some(&stamp)),
        Err(SaveError::ChangedOnDisk { found: None, .. })
    ));
    assert!(!path.exists());
}

#[test]
fn os_error_of_a_save_is_printed_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing").join("b.ron");
    let err = save(&sample_budget().unwrap(), &path).unwrap_err();
    let text = format!("{:#}", anyhow::Error::from(err));
    assert_eq!(text.matches("(os error").count(), 1, "{text}");
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _, symlink};

    use super::*;

    #[test]
    fn symlinked_budget_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("real");
        fs::create_dir(&real_dir).unwrap();
        let real = real_dir.join("budget.ron");
        let link = dir.path().join("link.ron");
        let (first, second) = two_budgets();
        save(&first, &real).unwrap();
        // A relative link, as `ln -s real/budget.ron link.ron` makes it.
        symlink(Path::new("real").join("budget.ron"), &link).unwrap();
        save(&second, &link).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), text_of(&second));
        assert_eq!(fs::read_to_string(backup_path(&real)).unwrap(), SAMPLE_RON);
        assert_eq!(names(dir.path()), ["link.ron", "real"]);
    }

    #[test]
    fn mode_0600_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let (first, second) = two_budgets();
        save(&first, &path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let before = fs::metadata(&path).unwrap();
        save(&second, &path).unwrap();
        let after = fs::metadata(&path).unwrap();
        assert_eq!(after.mode() & 0o7777, 0o600);
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
        assert_ne!(
            after.ino(),
            before.ino(),
            "replaced by rename, not rewritten"
        );
    }

    #[test]
    fn a_new_file_gets_the_mode_of_any_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let reference = dir.path().join("plain");
        fs::File::create(&reference).unwrap();
        let path = dir.path().join("b.ron");
        save(&sample_budget().unwrap(), &path).unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().mode() & 0o7777,
            fs::metadata(&reference).unwrap().mode() & 0o7777
        );
    }

    #[test]
    fn hard_linked_budget_is_updated_under_every_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let other = dir.path().join("also.ron");
        let (first, second) = two_budgets();
        save(&first, &path).unwrap();
        fs::hard_link(&path, &other).unwrap();
        save(&second, &path).unwrap();
        assert_eq!(fs::read_to_string(&other).unwrap(), text_of(&second));
        assert_eq!(fs::read_to_string(&path).unwrap(), text_of(&second));
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), SAMPLE_RON);
        assert_eq!(fs::metadata(&path).unwrap().nlink(), 2);
    }

    #[test]
    fn a_backup_link_left_by_an_interrupted_save_is_not_a_hard_link() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let (first, second) = two_budgets();
        save(&first, &path).unwrap();
        // Interrupted after the backup link was made, before the rename.
        fs::hard_link(&path, backup_path(&path)).unwrap();
        let before = fs::metadata(&path).unwrap().ino();
        save(&second, &path).unwrap();
        assert_ne!(
            fs::metadata(&path).unwrap().ino(),
            before,
            "renamed, not in place"
        );
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), SAMPLE_RON);
    }

    #[test]
    fn stale_temporaries_are_removed_on_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let (first, second) = two_budgets();
        save(&first, &path).unwrap();
        let prefix = budget_studio::io::save::temporary_prefix(path.file_name().unwrap());
        let stale = dir.path().join(format!("{prefix}Ab12Cd.tmp"));
        let busy = dir.path().join(format!("{prefix}Zz98Yy.tmp"));
        let other_file = dir.path().join(".0badf00dAb12Cd.tmp");
        let legacy_old = dir.path().join(".b.ron.4242.tmp");
        let legacy_new = dir.path().join(".b.ron.4343.tmp");
        for p in [&stale, &busy, &other_file, &legacy_old, &legacy_new] {
            fs::write(p, "half a budget").unwrap();
        }
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&legacy_old)
            .unwrap()
            .set_modified(old)
            .unwrap();
        // Another process is still writing `busy`: it holds the lock.
        let writer = fs::File::open(&busy).unwrap();
        writer.lock().unwrap();

        save(&second, &path).unwrap();
        let left: Vec<PathBuf> = [&stale, &busy, &other_file, &legacy_old, &legacy_new]
            .into_iter()
            .filter(|p| p.exists())
            .cloned()
            .collect();
        assert_eq!(left, [busy.clone(), other_file.clone(), legacy_new.clone()]);

        drop(writer);
        save(&first, &path).unwrap();
        assert!(!busy.exists());
    }
}
