//! The desktop UI: one module per tab, shared widgets, theme, strings and commands. Views read the
//! [`Document`](crate::document::Document) and return [`Action`]s; the app applies them after the
//! frame, so no view ever changes the budget while drawing it.

pub mod assets;
pub mod base_figures;
pub mod charts;
pub mod commands;
pub mod compare_chart;
pub mod dialogs;
pub mod fonts;
pub mod i18n;
pub mod last_year;
pub mod narrative;
pub mod overview;
pub mod performance;
pub mod profile;
pub mod tables;
pub mod theme;
pub mod units;
pub mod widgets;

use serde::{Deserialize, Serialize};

use crate::calc::charts::{Chart, ChartKind};
use crate::checks::Location;
use crate::document::Edit;
use crate::model::TableId;
use commands::UiCommand;
use i18n::{Lang, Tr};
use theme::ThemeChoice;
use widgets::CellEditing;

/// The five tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    /// Key figures, charts, checks.
    #[default]
    Overview,
    /// The standard tables.
    Tables,
    /// Performance-target forms.
    Performance,
    /// Vehicles, buildings, procurement.
    Assets,
    /// The 情况说明 written from the figures.
    Narrative,
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Tables,
        Tab::Performance,
        Tab::Assets,
        Tab::Narrative,
    ];

    /// Tab label.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tab::Overview => Tr::TabOverview,
            Tab::Tables => Tr::TabTables,
            Tab::Performance => Tr::TabPerformance,
            Tab::Assets => Tr::TabAssets,
            Tab::Narrative => Tr::TabNarrative,
        }
        .get(lang)
    }
}

/// What a view asks the app to do after the frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show `edit` as if applied (typing in a cell).
    Preview {
        /// Undo label.
        label: String,
        /// The edit.
        edit: Edit,
    },
    /// Withdraw the preview.
    CancelPreview,
    /// Make the preview an undo step.
    CommitPreview,
    /// Apply edits as one undo step.
    Apply {
        /// Undo label.
        label: String,
        /// The edits.
        edits: Vec<Edit>,
    },
    /// Show a message in the status bar.
    Status(String),
    /// Go to where a finding is.
    Jump(Location),
    /// Open the officer's text `field` on the Narrative tab, scrolled to and focused (a finding
    /// that says it is missing leads there).
    WriteText(crate::model::sections::NarrativeText),
    /// Run a command, as if chosen from the menu.
    Command(UiCommand),
    /// See unit `n`'s budget, or the department's with `None`.
    Scope(Option<usize>),
    /// Start unit `n`'s budget of its own.
    StartUnitBudget(usize),
    /// Select the line with this code (on the Tables tab).
    Select(String),
}

/// View state that is not part of the document.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// UI language.
    pub lang: Lang,
    /// Light or dark.
    pub theme: ThemeChoice,
    /// The open tab.
    pub tab: Tab,
    /// The PDF's charts appendix as the officer chose it this session; `None`: as the template
    /// prints.
    #[serde(skip)]
    pub pdf_charts: Option<bool>,
    /// The workbook is exported for publishing: the tables only.
    pub workbook_tables_only: bool,
    /// A unit holding money the officer asked to remove, awaiting confirmation.
    pub confirm_unit_removal: Option<usize>,
    /// The table shown on the Tables tab.
    pub table: Option<TableId>,
    /// The selected row (by code) on the Tables tab.
    #[serde(skip)]
    pub selected_code: Option<String>,
    /// A row to scroll to on the next frame.
    #[serde(skip)]
    pub scroll_to_code: Option<String>,
    /// The cell being typed into.
    #[serde(skip)]
    pub editing: Option<CellEditing>,
    /// The add-line form.
    #[serde(skip)]
    pub new_line: NewLineForm,
    /// Name being edited for the selected line.
    #[serde(skip)]
    pub rename: Option<(String, String)>,
    /// The officer's text to scroll to on the Narrative tab (its editor is opened).
    #[serde(skip)]
    pub narrative_focus: Option<crate::model::sections::NarrativeText>,
    /// The narrative last written, kept until the budget or the base changes.
    #[serde(skip)]
    pub narrative_cache: Option<narrative::NarrativeCache>,
    /// Note being edited for the selected line.
    #[serde(skip)]
    pub line_note: Option<(String, String)>,
    /// The 用途 being typed for the selected function line: its code and the text.
    #[serde(skip)]
    pub line_story: Option<tables::story::StoryDraft>,
    /// The selected performance project.
    #[serde(skip)]
    pub project: usize,
    /// The performance form being edited (texts are committed when a field is left).
    #[serde(skip)]
    pub project_draft: Option<ProjectDraft>,
    /// What the Performance tab shows, where the budget has both forms and descriptions.
    #[serde(skip)]
    pub performance_section: PerformanceSection,
    /// The selected 项目经费情况说明.
    #[serde(skip)]
    pub description: usize,
    /// The description being edited (texts are committed when a field is left).
    #[serde(skip)]
    pub description_draft: Option<Draft<crate::model::ProjectDescription>>,
    /// The note under an empty table being edited, by table.
    #[serde(skip)]
    pub note_draft: Option<Draft<String, TableId>>,
    /// Performance list: only this implementing unit (`None`: all).
    #[serde(skip)]
    pub project_unit_filter: Option<String>,
    /// Performance list order.
    #[serde(skip)]
    pub project_sort: ProjectSort,
    /// Search text of the 功能分类 link picker, while it is open.
    #[serde(skip)]
    pub link_search: Option<String>,
    /// Assets being edited (texts and counts are committed when a field is left).
    #[serde(skip)]
    pub assets_draft: Option<(crate::model::Assets, crate::model::Assets)>,
    /// Last year's budget attached as the comparison base (kept in the app, not in the file).
    #[serde(skip)]
    pub base: Option<Box<last_year::LastYearBase>>,
    /// The Tables tab shows last year / change / % beside the 支出总表 and the economic table,
    /// when a base is attached.
    pub compare_columns: bool,
    /// The officer's text being typed on the 情况说明 tab.
    #[serde(skip)]
    pub narrative_draft: Option<narrative::NarrativeDraft>,
    /// What the 情况说明 tab shows: the text, the profile or last year's figures.
    #[serde(skip)]
    pub narrative_section: NarrativeSection,
    /// The profile being edited (texts are committed when a field is left).
    #[serde(skip)]
    pub profile_draft: Option<Draft<profile::ProfileForm, ()>>,
    /// The note on last year's figures being typed.
    #[serde(skip)]
    pub base_note_draft: Option<String>,
    /// The chart shown on the Overview and in presentation mode.
    pub chart: ChartKind,
    /// Drill-down path of the class chart (类, then 款 codes).
    #[serde(skip)]
    pub drill: Vec<String>,
    /// The figures of the chart drawn last (what the room sees).
    #[serde(skip)]
    pub shown_chart: Option<Chart>,
    /// The slide of this year against last year is shown (presentation mode, with last year's
    /// budget attached).
    #[serde(skip)]
    pub compare_slide: bool,
    /// True in presentation mode.
    #[serde(skip)]
    pub presenting: bool,
    /// The 科目 catalogue the officer loaded (searched before the built-in one).
    #[serde(skip)]
    pub catalogue: Option<crate::model::catalogue::Catalogue>,
}

impl ViewState {
    /// The table shown (the expenditure table by default).
    #[must_use]
    pub fn table(&self) -> TableId {
        self.table.unwrap_or(TableId::Expenditure)
    }
}

/// Something being edited field by field: as in the document (`base`) and as typed (`value`).
/// Typing changes only the draft; leaving a field commits it as one undo step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft<T, K = usize> {
    /// What is edited (a position in the budget, a table).
    pub key: K,
    /// As in the document when the draft was taken.
    pub base: T,
    /// As edited.
    pub value: T,
}

impl<T: Clone + PartialEq, K: PartialEq> Draft<T, K> {
    /// Keeps `slot` in step with the document: a new key, an undo or any outside change
    /// replaces the draft; otherwise what is typed stays.
    pub fn sync(slot: &mut Option<Self>, key: K, current: &T) {
        let stale = slot
            .as_ref()
            .is_none_or(|d| d.key != key || d.base != *current);
        if stale {
            *slot = Some(Draft {
                key,
                base: current.clone(),
                value: current.clone(),
            });
        }
    }

    /// The edited value, when it differs from the document's; the draft's base then becomes it,
    /// so one gesture is committed once.
    pub fn take_change(&mut self) -> Option<T> {
        if self.value == self.base {
            return None;
        }
        self.base = self.value.clone();
        Some(self.value.clone())
    }
}

/// A performance form being edited.
pub type ProjectDraft = Draft<crate::model::Project>;

/// The two halves of the Performance tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PerformanceSection {
    /// 项目支出绩效目标申报表, one per project.
    #[default]
    Forms,
    /// 项目经费情况说明 and the 绩效目标设置情况 statement.
    Descriptions,
}

/// The three parts of the 情况说明 tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NarrativeSection {
    /// The text as it will be published.
    #[default]
    Text,
    /// 部门概况: identity, duties, units, organisation, glossary.
    Profile,
    /// Last year's totals.
    LastYear,
}

/// Order of the performance list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProjectSort {
    /// As in the document.
    #[default]
    Document,
    /// By name.
    Name,
    /// By the year's funds, largest first.
    Funds,
}

/// The form for adding a line to a table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewLineForm {
    /// True while the form is shown.
    pub open: bool,
    /// Typed code.
    pub code: String,
    /// Typed name.
    pub name: String,
    /// Search text of the catalogue picker.
    pub search: String,
    /// The search field takes the keyboard on the next frame (the form was just opened).
    pub focus_search: bool,
    /// Why the code is refused.
    pub error: Option<String>,
}
