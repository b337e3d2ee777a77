//! What a 功能分类 line's paragraph of the 编制说明 says besides its amount: what the money is
//! mainly for (用途), last year's execution (上年当年预算执行数) and the reason of the change.
//! Typed in place beside the selected line; leaving a field applies it as one undo step.

use egui::{RichText, Ui};

use crate::document::Edit;
use crate::model::money::parse_amount;
use crate::model::{Budget, FunctionLine};
use crate::ui::i18n::Tr;
use crate::ui::widgets::text_field;
use crate::ui::{Action, ViewState, theme};

/// The fields of one line as typed, kept while that line stays selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryDraft {
    /// The line's code.
    pub code: String,
    /// 用途.
    pub purpose: String,
    /// Last year's execution, as typed (blank: not known).
    pub executed: String,
    /// The reason of the change.
    pub reason: String,
    /// Why the execution typed was refused.
    pub error: Option<String>,
}

impl StoryDraft {
    fn of(budget: &Budget, line: &FunctionLine) -> StoryDraft {
        StoryDraft {
            code: line.code.clone(),
            purpose: line.purpose.clone(),
            executed: line
                .executed_last_year
                .map(|m| m.format_grouped(budget.unit.decimals()))
                .unwrap_or_default(),
            reason: line.reason.clone(),
            error: None,
        }
    }
}

/// The three fields of function line `code`.
pub fn story_fields(
    ui: &mut Ui,
    budget: &Budget,
    code: &str,
    view: &mut ViewState,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let Some(line) = budget
        .function_line_index(code)
        .and_then(|i| budget.function_lines.get(i))
    else {
        return;
    };
    let draft = match &mut view.line_story {
        Some(d) if d.code == code => d,
        other => other.insert(StoryDraft::of(budget, line)),
    };
    let mut changed: Option<FunctionLine> = None;
    let mut label = Tr::LinePurpose;

    ui.label(Tr::LinePurpose.get(lang));
    let response = text_field(ui, &mut draft.purpose, Tr::LinePurpose.get(lang), 160.0)
        .on_hover_text(Tr::LinePurposeHint.get(lang));
    if response.lost_focus() && draft.purpose.trim() != line.purpose {
        let mut l = line.clone();
        draft.purpose.trim().clone_into(&mut l.purpose);
        changed = Some(l);
    }

    ui.label(Tr::LineExecuted.get(lang));
    let response = text_field(ui, &mut draft.executed, Tr::LineExecuted.get(lang), 110.0)
        .on_hover_text(Tr::LineExecutedHint.get(lang));
    if response.lost_focus() {
        let typed = draft.executed.trim();
        let parsed = if typed.is_empty() {
            Ok(None)
        } else {
            parse_amount(typed, budget.unit).map(Some)
        };
        match parsed {
            Ok(value) => {
                draft.error = None;
                if value != line.executed_last_year {
                    let mut l = line.clone();
                    l.executed_last_year = value;
                    changed = Some(l);
                    label = Tr::LineExecuted;
                }
            }
            // Refused: the line keeps its figure, the field what was typed, with the reason.
            Err(e) => draft.error = Some(e.describe(lang.zh())),
        }
    }
    if let Some(error) = &draft.error {
        ui.label(RichText::new(error).color(theme::error_colour(ui.visuals().dark_mode)));
    }

    ui.label(Tr::LineReason.get(lang));
    let response = text_field(ui, &mut draft.reason, Tr::LineReason.get(lang), 160.0)
        .on_hover_text(Tr::LineReasonHint.get(lang));
    if response.lost_focus() && draft.reason.trim() != line.reason {
        let mut l = line.clone();
        draft.reason.trim().clone_into(&mut l.reason);
        changed = Some(l);
        label = Tr::LineReason;
    }

    if let Some(line) = changed {
        actions.push(Action::Apply {
            label: format!("{} [{code}]", label.get(lang)),
            edits: vec![Edit::FunctionLine {
                code: code.to_owned(),
                line: Some(line),
            }],
        });
    }
}
