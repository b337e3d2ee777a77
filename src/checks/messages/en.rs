//! Every finding's message in English.

use super::super::facts::Facts;
use super::*;

pub(super) fn english(facts: &Facts, template: &Template) -> String {
    let a = |value: Money, unit: MoneyUnit| amount(value, unit, false);
    match facts {
        Facts::CodeFormat { table, code, error } => {
            let reason = match error {
                CodeError::NotDigits => "must be digits only",
                _ => "must have 3, 5 or 7 digits",
            };
            format!("{}: code “{code}” {reason}", template.title(*table, false))
        }
        Facts::CodeParent {
            table,
            code,
            parent,
        } => format!(
            "{}: the parent [{parent}] of [{code}] is not in the table",
            template.title(*table, false)
        ),
        Facts::CodeUnknownClass { table, code } => format!(
            "{}: [{code}] is not a standard expenditure class",
            template.title(*table, false)
        ),
        Facts::CodeNameDiffers {
            table,
            code,
            name,
            catalogue,
        } => format!(
            "{}: [{code}] is named “{name}”, the catalogue says “{catalogue}”; select the line and correct it under Rename",
            template.title(*table, false)
        ),
        Facts::CodeDuplicate { table, code } => {
            format!(
                "{}: code [{code}] appears twice",
                template.title(*table, false)
            )
        }
        Facts::NameEmpty { table, code } => {
            format!("{}: [{code}] has no name", template.title(*table, false))
        }
        Facts::AmountNegative { table, code } => {
            format!(
                "{}: [{code}] has a negative amount",
                template.title(*table, false)
            )
        }
        Facts::AmountPrecision { table, code, unit } => format!(
            "{}: [{code}] has more than two decimals (unit {})",
            template.title(*table, false),
            unit.label_en()
        ),
        Facts::NotItemised {
            table,
            code,
            amount,
            unit,
        } => format!(
            "{}: {} of [{code}] is not itemised into its sub-lines",
            template.title(*table, false),
            a(*amount, *unit)
        ),
        Facts::StatedRowMissing { figure, .. } => format!(
            "the printed {} names a row that does not exist",
            figure_label(figure, false)
        ),
        Facts::StatedFigure {
            figure,
            printed,
            derived,
            difference,
            unit,
            ..
        } => format!(
            "{}: printed {}, the detail adds up to {}, difference {}",
            figure_label(figure, false),
            a(*printed, *unit),
            a(*derived, *unit),
            a(*difference, *unit)
        ),
        Facts::EconomicVsBasic {
            economic,
            basic,
            difference,
            unit,
        } => format!(
            "economic classes total {} differs from general-public basic expenditure {} by {}",
            a(*economic, *unit),
            a(*basic, *unit),
            a(*difference, *unit)
        ),
        Facts::EconomicUnclassified { code, amount, unit } => format!(
            "{} on economic line [{code}] is neither staff nor running costs; choose one",
            a(*amount, *unit)
        ),
        Facts::SangongVsEconomic {
            item,
            amount,
            must_equal,
            code,
            economic,
            difference,
            unit,
        } => format!(
            "\"three public\" {} {} {} economic line [{code}] {}, difference {}",
            item.label_en(),
            a(*amount, *unit),
            if *must_equal {
                "should equal"
            } else {
                "should be at least"
            },
            a(*economic, *unit),
            a(*difference, *unit)
        ),
        Facts::VehicleCostsWithoutVehicles { running, unit } => format!(
            "no vehicles are listed, yet vehicle running costs of {} are budgeted",
            a(*running, *unit)
        ),
        Facts::OfficeAreaTotal { stated, total } => {
            format!("office area printed as {stated} m², the units add up to {total} m²")
        }
        Facts::ProjectFundsSum {
            project: name,
            span,
            stated,
            sources,
            difference,
        } => format!(
            "“{}” {} funds {} differ from the sum of sources {} by {}",
            project(name, false),
            span_en(*span),
            a(*stated, MoneyUnit::Yuan),
            a(*sources, MoneyUnit::Yuan),
            a(*difference, MoneyUnit::Yuan)
        ),
        Facts::ProjectYearExceedsPeriod { project: name } => format!(
            "“{}”: the year's funds exceed the whole period's",
            project(name, false)
        ),
        Facts::ProjectUnitUnknown {
            project: name,
            unit_code,
        } => format!(
            "“{}”: implementing unit “{unit_code}” is not a budget unit of the department",
            project(name, false)
        ),
        Facts::ProjectFieldEmpty {
            project: name,
            field,
        } => format!(
            "“{}”: the field “{}” is empty",
            project(name, false),
            field.label_en()
        ),
        Facts::ProjectIndicatorGroups {
            project: name,
            span,
            missing,
        } => {
            let list: Vec<&str> = missing.iter().map(|g| g.label_en()).collect();
            format!(
                "“{}”: {} indicators lack {}",
                project(name, false),
                span_en(*span),
                list.join(", ")
            )
        }
        Facts::DescriptionQuarters {
            project: name,
            quarters,
            amount: printed,
            unit,
        } => format!(
            "the quarterly plan of “{}” adds up to {}, not its budget {}",
            project(name, false),
            a(*quarters, *unit),
            a(*printed, *unit)
        ),
        Facts::PerformanceStatement {
            funds,
            expenditure,
            difference,
            unit,
        } => {
            if difference.value().is_sign_negative() {
                format!(
                    "projects with performance targets hold {} of the project expenditure {}; {} has no targets",
                    a(*funds, *unit),
                    a(*expenditure, *unit),
                    a(difference.abs(), *unit)
                )
            } else {
                format!(
                    "projects with performance targets hold {}, more than the project expenditure {} by {}",
                    a(*funds, *unit),
                    a(*expenditure, *unit),
                    a(*difference, *unit)
                )
            }
        }
        Facts::UnitWithoutBudget { unit_name } => format!(
            "the department's figures are its units', but “{unit_name}” has no budget of its own \
             (nor is it merged): its money is in no table"
        ),
        Facts::UnitCodeTwice { code, names } => {
            format!(
                "unit code {code} is used more than once: {}",
                names.join(", ")
            )
        }
        Facts::OperatingScope { unit_name } => format!(
            "agency operating costs cover administrative and civil-service-managed units only; “{unit_name}” is a public institution"
        ),
        Facts::ProjectsVsProjectExpenditure {
            funds,
            per_unit,
            expenditure,
            difference,
            unit,
        } => {
            let units: Vec<String> = per_unit
                .iter()
                .map(|(name, value)| format!("{name} {}", a(*value, *unit)))
                .collect();
            format!(
                "performance forms' year funds total {} ({}) differ from the budget's project expenditure {} by {}",
                a(*funds, *unit),
                units.join(", "),
                a(*expenditure, *unit),
                a(*difference, *unit)
            )
        }
        Facts::ProjectLinkMissing {
            project: name,
            code,
        } => format!(
            "“{}” is linked to [{code}], which does not exist",
            project(name, false)
        ),
        Facts::ProjectVsLine {
            code,
            funds,
            line,
            difference,
            unit,
        } => format!(
            "year funds of projects linked to [{code}] {} differ from its project expenditure {} by {}",
            a(*funds, *unit),
            a(*line, *unit),
            a(*difference, *unit)
        ),
        Facts::Placeholder { place, mark } => {
            format!("the placeholder “{mark}” is still in {}", place_en(place))
        }
        Facts::YearInText {
            place,
            year,
            budget_year,
        } => format!(
            "{year} is mentioned in {}; the budget year is {budget_year}",
            place_en(place)
        ),
        Facts::SectionMissing(section) => format!("{} is missing", section_en(*section)),
        Facts::ReasonMissing(text) => format!(
            "the narrative states a change but {} giving its reason is empty",
            place_en(&TextPlace::Narrative(*text))
        ),
        Facts::LineReasonMissing { code } => format!(
            "[{code}]'s paragraph states its change against last year's execution, but the \
             line's reason is empty"
        ),
        Facts::StatedPercent {
            figure,
            printed,
            derived,
            from_rounded,
            ..
        } => match derived {
            Some(d) => format!(
                "{}: printed {printed:+.2}%, the figures give {d:+.2}%{}",
                figure_label(figure, false),
                if *from_rounded {
                    " (the printed one divides the figures rounded to 万元)"
                } else {
                    ""
                }
            ),
            None => format!(
                "{}: printed {printed:+.2}%, but last year's execution is missing or zero, so \
                 no percentage can be computed",
                figure_label(figure, false)
            ),
        },
        Facts::EconomicScheme { code, scheme } => format!(
            "{}: [{code}] is not in the table's code set, the {} ({}); the two sets cannot be mixed",
            template.title(TableId::BasicByEconomic, false),
            scheme.label_en(),
            scheme_prefix(*scheme)
        ),
        Facts::DepartmentCodeEmpty => {
            "profile: the department code is empty, and this template prints it".to_owned()
        }
        Facts::UnitCodeEmpty { name } => format!("profile: budget unit \"{name}\" has no code"),
        Facts::IncomeOutsideColumns {
            code,
            source,
            amount,
            unit,
        } => format!(
            "[{code}] has {} from {}, a source the document's tables have no column for: it would not be printed",
            a(*amount, *unit),
            source.label_en()
        ),
        Facts::TotalOutOfRange {
            table,
            amount,
            unit,
        } => format!(
            "{}: the total {} reaches the limit of amounts (10^15 yuan) and cannot be computed exactly",
            template.title(*table, false),
            a(*amount, *unit)
        ),
    }
}
