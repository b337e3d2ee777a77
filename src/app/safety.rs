//! Keeping the officer's file safe while the app runs: the autosave copy after each change, the
//! offer to restore a copy left by a crash, and the question when another program changed the
//! open file (before a save, and when the window gets the focus back) — never an overwrite
//! behind anyone's back.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::Id;

use super::BudgetApp;
use super::files::Then;
use super::recovery::{Orphan, Recovery};
use crate::document::Document;
use crate::io::{self, FileStamp};
use crate::ui::i18n::Lang;

/// A question about the file's safety.
#[derive(Debug)]
pub enum SafetyDialog {
    /// Another program changed (or removed) the open file; what to do, and then `Then`.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// True when the question came from a save.
        saving: bool,
        /// What to do after a save.
        then: Then,
    },
    /// Copies left by a crash, newest first.
    Recover(Vec<Orphan>),
}

/// What the officer answered.
enum Answer {
    Overwrite(Then),
    SaveAs(Then),
    Reload(PathBuf),
    Keep,
    Restore(Orphan),
    Discard(Orphan),
    Later,
}

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

impl BudgetApp {
    /// Keeps a recovery copy in `dir` (the app's data folder), written `quiet` after the last
    /// change; offers to restore what a crashed app left there.
    pub fn enable_recovery(&mut self, dir: &Path, quiet: Duration) {
        match Recovery::open(dir, quiet) {
            Ok(recovery) => {
                let orphans = recovery.orphans();
                if !orphans.is_empty() {
                    self.safety = Some(SafetyDialog::Recover(orphans));
                }
                self.recovery = Some(recovery);
            }
            Err(e) => log::warn!("no recovery copies: {}: {e}", dir.display()),
        }
    }

    /// Writes or removes the recovery copy as the document requires; asks for a frame when a
    /// copy is due later.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        if self.close_confirmed {
            return;
        }
        let Some(recovery) = &mut self.recovery else {
            return;
        };
        match recovery.tick(&self.doc, self.stamp.as_ref(), Instant::now()) {
            Ok(Some(wait)) => ctx.request_repaint_after(wait),
            Ok(None) => {}
            Err(e) => log::warn!("recovery copy not written: {e}"),
        }
    }

    /// Deletes the recovery copy (the changes were discarded on purpose).
    pub(super) fn drop_recovery_copy(&mut self) {
        if let Some(recovery) = &mut self.recovery {
            recovery.clear();
        }
    }

    /// When the window gets the focus back, checks whether another program changed the file.
    pub(super) fn check_on_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        let regained = focused && !self.was_focused;
        self.was_focused = focused;
        if regained {
            self.check_external_change();
        }
    }

    /// Asks what to do when the open file is no longer what was last read or written (once per
    /// change: a change the officer already kept is not asked about again until the next save).
    pub fn check_external_change(&mut self) {
        let (Some(path), Some(stamp)) = (self.doc.path().map(Path::to_owned), &self.stamp) else {
            return;
        };
        if self.safety.is_some() {
            return;
        }
        let now = FileStamp::read(&path).ok();
        if now.as_ref().is_some_and(|n| n.same_content(stamp)) {
            return;
        }
        if now.is_some() && now == self.dismissed {
            return;
        }
        self.dismissed = now;
        self.safety = Some(SafetyDialog::ChangedOnDisk {
            path,
            saving: false,
            then: Then::Stay,
        });
    }

    /// Draws the safety question, if any, and acts on the answer.
    pub(super) fn safety_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.safety.take() else {
            return;
        };
        let lang = self.view.lang;
        let mut answer = None;
        egui::Modal::new(Id::unique("budget-studio-safety")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            match &dialog {
                SafetyDialog::ChangedOnDisk { path, saving, then } => {
                    ui.heading(t(lang, "文件已被其他程序修改", "The file was changed elsewhere"));
                    ui.label(format!(
                        "{}\n{}",
                        path.display(),
                        t(
                            lang,
                            "自上次打开或保存以来，另一个程序修改或删除了这个文件。",
                            "Another program changed or removed this file since it was last opened or saved.",
                        )
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(t(lang, "覆盖", "Overwrite")).clicked() {
                            answer = Some(Answer::Overwrite(then.clone()));
                        }
                        if ui.button(t(lang, "另存为…", "Save as…")).clicked() {
                            answer = Some(Answer::SaveAs(then.clone()));
                        }
                        if ui
                            .button(t(lang, "重新载入（放弃本地修改）", "Reload (drop my changes)"))
                            .clicked()
                        {
                            answer = Some(Answer::Reload(path.clone()));
                        }
                        let keep = if *saving {
                            t(lang, "取消", "Cancel")
                        } else {
                            t(lang, "保留当前内容", "Keep what I have")
                        };
                        if ui.button(keep).clicked() {
                            answer = Some(Answer::Keep);
                        }
                    });
                }
                SafetyDialog::Recover(orphans) => {
                    let Some(first) = orphans.first() else {
                        answer = Some(Answer::Later);
                        return;
                    };
                    ui.heading(t(lang, "发现未保存的修改", "Unsaved changes were recovered"));
                    let original = first.meta.original.as_ref().map_or_else(
                        || first.meta.name.clone(),
                        |p| p.display().to_string(),
                    );
                    let state = match (&first.meta.original, first.original_changed()) {
                        (None, _) => t(lang, "（从未保存过）", "(never saved)"),
                        (Some(_), true) => t(
                            lang,
                            "原文件在此之后已被修改。",
                            "The original file has changed since.",
                        ),
                        (Some(_), false) => t(
                            lang,
                            "原文件在此之后没有变化。",
                            "The original file has not changed since.",
                        ),
                    };
                    ui.label(format!(
                        "{}\n{original}\n{state}",
                        t(
                            lang,
                            "程序上次意外退出时，以下预算有未保存的修改：",
                            "When the app last stopped unexpectedly, this budget had unsaved changes:",
                        )
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(t(lang, "恢复", "Restore")).clicked() {
                            answer = Some(Answer::Restore(first.clone()));
                        }
                        if ui.button(t(lang, "丢弃", "Discard")).clicked() {
                            answer = Some(Answer::Discard(first.clone()));
                        }
                        if ui.button(t(lang, "稍后", "Later")).clicked() {
                            answer = Some(Answer::Later);
                        }
                    });
                }
            }
        });
        let Some(answer) = answer else {
            self.safety = Some(dialog);
            return;
        };
        match answer {
            Answer::Overwrite(then) => {
                if let Some(path) = self.doc.path().map(Path::to_owned) {
                    self.write_unchecked(ctx, &path, then);
                }
            }
            Answer::SaveAs(then) => {
                self.save_as(ctx, then);
            }
            Answer::Reload(path) => {
                self.drop_recovery_copy();
                self.open_path(&path);
            }
            Answer::Keep | Answer::Later => {}
            Answer::Restore(orphan) => self.restore_copy(&orphan, dialog),
            Answer::Discard(orphan) => {
                orphan.discard();
                self.next_orphan(dialog);
            }
        }
    }

    /// Replaces the document with a recovery copy: it belongs to its original file and counts
    /// as unsaved.
    fn restore_copy(&mut self, orphan: &Orphan, dialog: SafetyDialog) {
        match io::load(&orphan.data) {
            Ok(budget) => {
                let original = orphan.meta.original.clone();
                self.doc = Document::recovered(budget, original, orphan.meta.name.clone());
                self.stamp.clone_from(&orphan.meta.stamp);
                self.view.editing = None;
                orphan.discard();
                let lang = self.view.lang;
                self.set_status(t(lang, "已恢复未保存的修改", "Unsaved changes restored"));
            }
            Err(e) => {
                log::warn!("recovery copy unreadable: {e}");
                orphan.discard();
            }
        }
        self.next_orphan(dialog);
    }

    fn next_orphan(&mut self, dialog: SafetyDialog) {
        if let SafetyDialog::Recover(mut orphans) = dialog {
            orphans.remove(0);
            if !orphans.is_empty() {
                self.safety = Some(SafetyDialog::Recover(orphans));
            }
        }
    }
}
