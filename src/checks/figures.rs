//! Figure rules: printed figures against derived ones, the economic table against basic
//! expenditure, 三公 against economic lines, vehicles against vehicle costs, office areas.

use super::{Facts, Finding, Location, Severity, severity_of};
use crate::calc::{Change, Derived};
use crate::model::economic::sangong_lines;
use crate::model::sections::SangongItem;
use crate::model::{Budget, Figure, IncomeSource, Money, TableId};

pub(super) fn check(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    stated(budget, derived, out);
    economic(budget, derived, out);
    sangong(budget, derived, out);
    operating_scope(budget, out);
    assets(budget, out);
}

/// 机关运行经费 covers 行政 and 参公 units: an entry for a 事业单位 is out of scope.
fn operating_scope(budget: &Budget, out: &mut Vec<Finding>) {
    for entry in &budget.operating_costs.entries {
        let Some(unit) = budget
            .profile
            .units
            .iter()
            .find(|u| !entry.unit_code.is_empty() && u.code == entry.unit_code)
        else {
            continue;
        };
        if !unit.kind.counts_as_agency() {
            out.push(Finding::new(
                Severity::Warning,
                Location::Table {
                    table: TableId::OperatingCosts,
                    code: None,
                },
                Facts::OperatingScope {
                    unit_name: unit.name.clone(),
                },
            ));
        }
    }
}

fn figure_location(figure: &Figure) -> Location {
    match figure {
        Figure::IncomeTotal | Figure::ExpenditureTotal | Figure::Income(_) => Location::Table {
            table: TableId::IncomeExpenditure,
            code: None,
        },
        Figure::Function { code, .. }
        | Figure::LineFiscal(code)
        | Figure::ExecutionChange(code) => Location::Table {
            table: TableId::Expenditure,
            code: Some(code.clone()),
        },
        Figure::Economic(code) => Location::Table {
            table: TableId::BasicByEconomic,
            code: code.clone(),
        },
        Figure::StaffCosts | Figure::RunningCosts => Location::Table {
            table: TableId::BasicByEconomic,
            code: None,
        },
        Figure::ProjectFunds(_) => Location::Projects,
    }
}

fn stated(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    for stated in &budget.stated {
        if let Figure::ExecutionChange(code) = &stated.figure {
            // A percentage: compared as printed, to its two decimals.
            let change = derived.execution_change(budget, code);
            let exact = change.and_then(|c| c.percent);
            if exact != Some(stated.value.0) {
                // The same division of the figures as printed (万元, two decimals).
                let text = budget.template().text_unit;
                let printed = |m| budget.unit.convert(m, text).round_dp(2);
                let from_rounded = change
                    .and_then(|c| Change::new(printed(c.this_year), printed(c.last_year)).percent)
                    == Some(stated.value.0);
                out.push(Finding::new(
                    Severity::Warning,
                    figure_location(&stated.figure),
                    Facts::StatedPercent {
                        figure: stated.figure.clone(),
                        source: stated.source.clone(),
                        printed: stated.value.0,
                        derived: exact,
                        from_rounded,
                    },
                ));
            }
            continue;
        }
        let unit = stated.unit.unwrap_or(budget.unit);
        let Some(value) = derived.figure(&stated.figure) else {
            out.push(Finding::new(
                Severity::Error,
                figure_location(&stated.figure),
                Facts::StatedRowMissing {
                    figure: stated.figure.clone(),
                    source: stated.source.clone(),
                },
            ));
            continue;
        };
        // Compare in the printed unit, rounded as printed: a 万元 figure in the text beside 元
        // tables is not a difference of its rounding.
        let value = budget
            .unit
            .convert(value, unit)
            .round_dp(stated.decimals.unwrap_or(2));
        let difference = stated.value.saturating_sub(value);
        // The app derives the figure from the detail; a print that disagrees is the published
        // document's own mistake, shown as a warning (DOMAIN: "a figure that the published
        // document itself gets wrong is a warning").
        if !difference.is_zero() {
            out.push(
                Finding::new(
                    Severity::Warning,
                    figure_location(&stated.figure),
                    Facts::StatedFigure {
                        figure: stated.figure.clone(),
                        source: stated.source.clone(),
                        printed: stated.value,
                        derived: value,
                        difference,
                        unit,
                    },
                )
                .with_difference(difference, unit),
            );
        }
    }
}

fn economic(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    let unit = budget.unit;
    let econ = &derived.economic;
    let basic = derived.function.grand_of(IncomeSource::GeneralPublic).basic;
    if budget.economic.lines.is_empty() && basic.is_zero() {
        return;
    }
    let difference = econ.total.saturating_sub(basic);
    if let Some(severity) = severity_of(budget, difference, unit) {
        out.push(
            Finding::new(
                severity,
                Location::Table {
                    table: TableId::BasicByEconomic,
                    code: None,
                },
                Facts::EconomicVsBasic {
                    economic: econ.total,
                    basic,
                    difference,
                    unit,
                },
            )
            .with_difference(difference, unit),
        );
    }
    for (index, amount) in &econ.unclassified {
        let Some(line) = budget.economic.lines.get(*index) else {
            continue;
        };
        out.push(
            Finding::new(
                Severity::Warning,
                Location::Table {
                    table: TableId::BasicByEconomic,
                    code: Some(line.code.clone()),
                },
                Facts::EconomicUnclassified {
                    code: line.code.clone(),
                    amount: *amount,
                    unit,
                },
            )
            .with_difference(*amount, unit),
        );
    }
}

fn sangong(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    if budget.economic.lines.is_empty() {
        return;
    }
    let table_unit = budget.unit;
    let lines = sangong_lines(budget.economic.scheme);
    for (item, amount) in budget.sangong.this_year.items() {
        let code = lines[item.index()];
        // A line at the code named for something else is the document's own numbering (社会福利院
        // 2024 prints 机关事业单位退休人员活动费 as 30212): not the 三公 line.
        let word = match item {
            SangongItem::Abroad => "出国",
            SangongItem::VehiclePurchase => "购置",
            SangongItem::VehicleRunning => "运行",
            SangongItem::Reception => "接待",
        };
        let renamed = budget
            .economic
            .lines
            .iter()
            .any(|l| l.code == code && !l.name.contains(word));
        if renamed {
            continue;
        }
        let item_amount = budget.sangong.unit.convert(amount, table_unit);
        let econ_amount = derived.economic.amount(code);
        let difference = item_amount.saturating_sub(econ_amount);
        // The item as printed: the economic line rounded to the 三公 table's unit and two
        // decimals is the same figure (0.83 万元 is 8,265 元 printed in 万元).
        let printed = table_unit
            .convert(econ_amount, budget.sangong.unit)
            .round_dp(2);
        let amount = amount.round_dp(2);
        let broken = if budget.sangong.all_basic {
            !difference.is_zero() && printed != amount
        } else {
            difference < Money::ZERO && printed > amount
        };
        if !broken {
            continue;
        }
        let severity = severity_of(budget, difference, table_unit).unwrap_or(Severity::Error);
        out.push(
            Finding::new(
                severity,
                Location::Table {
                    table: TableId::Sangong,
                    code: None,
                },
                Facts::SangongVsEconomic {
                    item,
                    amount: item_amount,
                    must_equal: budget.sangong.all_basic,
                    code,
                    economic: econ_amount,
                    difference,
                    unit: table_unit,
                },
            )
            .with_difference(difference, table_unit),
        );
    }
}

fn assets(budget: &Budget, out: &mut Vec<Finding>) {
    let running = budget.sangong.this_year.vehicle_running;
    if budget.assets.vehicle_count() == 0 && !running.is_zero() {
        out.push(Finding::new(
            Severity::Warning,
            Location::Assets,
            Facts::VehicleCostsWithoutVehicles {
                running,
                unit: budget.sangong.unit,
            },
        ));
    }
    if let Some(stated) = budget.assets.stated_total_area {
        let total = budget.assets.total_area();
        if stated != total {
            out.push(Finding::new(
                Severity::Error,
                Location::Assets,
                Facts::OfficeAreaTotal { stated, total },
            ));
        }
    }
}
