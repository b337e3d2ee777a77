//! Seeing a unit of the department, and starting a unit's budget of its own.

use super::BudgetApp;
use crate::calc::units::{has_unit_budgets, new_unit_budget};
use crate::document::Edit;
use crate::model::{EconomicTable, OperatingCosts, Procurement, Sangong};

impl BudgetApp {
    /// Sees unit `unit`'s budget, or the department's with `None`; an edit being typed is kept.
    pub fn see_unit(&mut self, unit: Option<usize>) {
        self.doc.commit_pending();
        self.view.editing = None;
        self.view.selected_code = None;
        self.view.narrative_draft = None;
        self.view.line_story = None;
        self.doc.set_scope(unit);
    }

    /// Gives unit `unit` a budget of its own, as one undo step, and sees it. The first one takes
    /// the department's figures as they stand — nothing typed is lost — and from then on the
    /// department's figures are the units' sum.
    pub fn start_unit_budget(&mut self, unit: usize) {
        let lang = self.view.lang;
        self.see_unit(None);
        let file = self.doc.file();
        let Some(u) = file.profile.units.get(unit) else {
            return;
        };
        let mut budget = new_unit_budget(file, u);
        let mut edits = Vec::new();
        if !has_unit_budgets(file) {
            budget.function_lines.clone_from(&file.function_lines);
            budget.economic = file.economic.clone();
            budget.sangong = file.sangong.clone();
            budget.operating_costs = file.operating_costs.clone();
            budget.procurement = file.procurement.clone();
            budget.projects.clone_from(&file.projects);
            budget.descriptions.clone_from(&file.descriptions);
            budget.assets = file.assets.clone();
            budget
                .performance_statement
                .clone_from(&file.performance_statement);
            edits.extend([
                Edit::FunctionLines(Vec::new()),
                Edit::Economic(Box::new(EconomicTable {
                    scheme: file.economic.scheme,
                    lines: Vec::new(),
                })),
                Edit::Sangong(Sangong {
                    unit: file.sangong.unit,
                    ..Sangong::default()
                }),
                Edit::OperatingCosts(OperatingCosts {
                    unit: file.operating_costs.unit,
                    ..OperatingCosts::default()
                }),
                Edit::Procurement(Procurement {
                    unit: file.procurement.unit,
                    ..Procurement::default()
                }),
                Edit::Projects(Vec::new()),
                Edit::Descriptions(Vec::new()),
                Edit::Assets(Box::default()),
                Edit::PerformanceStatement(None),
            ]);
        }
        let mut profile = file.profile.clone();
        let name = u.name.clone();
        if let Some(u) = profile.units.get_mut(unit) {
            u.budget = Some(Box::new(budget));
        }
        edits.insert(0, Edit::Profile(Box::new(profile)));
        let label = format!("{}{}", lang.pick("建立单位预算：", "Unit budget: "), name);
        match self.doc.apply(label, edits) {
            Ok(()) => self.see_unit(Some(unit)),
            Err(e) => self.set_status(crate::ui::i18n::one_language(&e.to_string(), lang)),
        }
    }
}
