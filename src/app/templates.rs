//! Templates in the app: the officer's templates folder, read at start, and File → 载入模板….
//! A loaded template is offered in 新建 and in 部门概况's template switcher beside the built-in
//! ones; a budget that names it is laid out in it at once.

use std::path::Path;

use super::dialogs::Purpose;
use super::{BudgetApp, Dialog};
use crate::io::templates::{self, TemplateFileError};
use crate::ui::dialogs::FileKind;

impl BudgetApp {
    /// Says which files of the templates folder were not loaded, and why.
    pub(super) fn report_template_errors(&mut self, errors: &[TemplateFileError]) {
        if errors.is_empty() {
            return;
        }
        let lang = self.view.lang;
        let body: Vec<String> = errors.iter().map(|e| e.describe(lang.zh())).collect();
        self.dialog = Some(Dialog::Message(
            lang.pick("部分模板文件未载入", "Some template files were not loaded")
                .to_owned(),
            body.join("\n"),
        ));
    }

    /// Asks for a template file.
    pub(super) fn load_template(&mut self) {
        if let Some(path) = self.ask_path(FileKind::Template, String::new(), Purpose::LoadTemplate)
        {
            self.load_template_from(&path);
        }
    }

    /// Loads the template file at `path` and keeps a copy in the templates folder, so that it is
    /// there next time. A bad file is reported with its line and column and changes nothing.
    pub fn load_template_from(&mut self, path: &Path) {
        let lang = self.view.lang;
        let template = match templates::load_file(path) {
            Ok(t) => t,
            Err(e) => {
                self.report_failure(
                    lang.pick("模板未载入", "The template was not loaded"),
                    &e.describe(lang.zh()),
                );
                return;
            }
        };
        let kept = self.templates_dir.clone().map(|dir| {
            let target = dir.join(format!("{}.ron", template.id));
            let same = std::fs::canonicalize(path).ok() == std::fs::canonicalize(&target).ok();
            std::fs::create_dir_all(&dir)
                .and_then(|()| {
                    if same {
                        Ok(0)
                    } else {
                        std::fs::copy(path, &target)
                    }
                })
                .map(|_| target)
        });
        if self.doc.budget().template == template.id {
            self.doc.rederive();
        }
        let name = template.name.get(lang.zh());
        let mut status = if lang.zh() {
            format!(
                "已载入模板“{name}”（{} 版本 {}）",
                template.id, template.version
            )
        } else {
            format!(
                "Loaded the template “{name}” ({} version {})",
                template.id, template.version
            )
        };
        match kept {
            Some(Ok(target)) => status.push_str(&if lang.zh() {
                format!("，已保存到 {}", target.display())
            } else {
                format!(", kept in {}", target.display())
            }),
            Some(Err(e)) => status.push_str(&if lang.zh() {
                format!("，仅本次使用（未能保存到模板文件夹：{e}）")
            } else {
                format!(", for this session only (not kept in the templates folder: {e})")
            }),
            None => {}
        }
        self.set_status(status);
    }

    /// Where 载入模板… keeps its copies (the app sets the settings folder's; tests a scratch one).
    pub fn set_templates_dir(&mut self, dir: impl Into<std::path::PathBuf>) {
        self.templates_dir = Some(dir.into());
    }
}
