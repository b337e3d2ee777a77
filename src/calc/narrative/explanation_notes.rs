//! The 情况说明 as a 编制说明 (totals, changes, each 项 of the 财政拨款 with its amount) and 其他相关
//! 情况说明 (三公, 机关运行经费, 政府采购 with the SME reservation, 绩效目标, 国有资产), in the
//! wording of the 2025 Putuo disclosure. A template chooses it with
//! `narrative: (outline: ExplanationAndOtherNotes, …)`.

mod other_notes;

use other_notes::{assets, operating, performance, procurement, sangong};

use super::{ChangeWords, Link, Para, Paragraph, Section, Topic, Value, Words, common::Ctx};
use crate::calc::Change;
use crate::model::codes::Level;
use crate::model::sections::NarrativeText;
use crate::model::template::outline::LineNames;
use crate::model::{IncomeSource, Money, MoneyUnit, TableId};

/// Title and sections.
pub(super) fn outline(c: &Ctx) -> (Words, Vec<Section>) {
    let year = c.year;
    let dept = &c.budget.profile.department_name;
    let title = Words {
        zh: format!("{dept}{year}年部门预算情况说明").into(),
        en: format!("{dept}: notes on the {year} budget").into(),
    };
    (title, vec![preparation(c), others(c)])
}

impl Ctx<'_> {
    /// The text's unit (万元), which the 编制说明 uses beside tables in 元.
    fn text_unit(&self) -> MoneyUnit {
        self.budget.template().text_unit
    }

    /// A money figure of the tables, in the text's unit, whole amounts without decimals.
    fn text_money(&self, p: &mut Para, amount: Money, link: Option<Link>) {
        let unit = self.text_unit();
        p.fig(
            Value::Money(self.unit.convert(amount, unit), unit),
            link,
            self.trim,
        );
    }

    fn text_change(&self, p: &mut Para, change: Option<Change>, link: Option<&Link>) {
        let Some(change) = change else { return };
        let last = self.year.saturating_sub(1);
        let words = ChangeWords {
            than_zh: format!("比{last}年预算"),
            same_zh: format!("比{last}年预算持平"),
            than_en: format!("on {last}'s budget"),
            percent: false,
        };
        let unit = self.text_unit();
        p.t("，", ", ");
        self.change(
            p,
            super::change_in(change, self.unit, unit),
            unit,
            &words,
            link,
            true,
        );
    }
}

fn preparation(c: &Ctx) -> Section {
    let s = &c.summary;
    let dept = &c.budget.profile.department_name;
    let income_link = c.link(TableId::Income, None);
    let mut p = Para::named("income_plan");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("，", ", ");
    p.slot("department", |p| {
        p.s(dept.clone(), dept.clone());
    });
    p.t("收入预算", ": income ");
    p.slot("total", |p| c.text_money(p, s.total, income_link.clone()));
    p.t("，其中：财政拨款收入", ", of which fiscal appropriations ");
    p.slot("fiscal", |p| c.text_money(p, s.fiscal, income_link.clone()));
    p.slot("fiscal_change", |p| {
        c.text_change(p, s.fiscal_change, income_link.as_ref());
    });
    p.slot("others", |p| {
        for f in s.income.iter().filter(|f| !f.source.is_fiscal()) {
            p.s(
                format!("；{}", f.source.label_zh()),
                format!("; {} ", f.source.label_en().to_lowercase()),
            );
            c.text_money(p, f.amount, income_link.clone());
        }
    });
    p.t("。", ".");
    let first = c.done(&mut p);

    let fiscal_link = c.link(TableId::Fiscal, None);
    let mut p = Para::named("expenditure_plan");
    p.t("支出预算", "Expenditure ");
    p.slot("total", |p| {
        c.text_money(p, s.total, c.link(TableId::Expenditure, None));
    });
    p.t(
        "，其中：财政拨款支出预算",
        ", of which fiscal appropriations ",
    );
    p.slot("fiscal", |p| c.text_money(p, s.fiscal, fiscal_link.clone()));
    p.slot("fiscal_change", |p| {
        c.text_change(p, s.fiscal_change, fiscal_link.as_ref());
    });
    p.t("。财政拨款支出预算中，", ". Within fiscal appropriations, ");
    p.slot("funds", |p| funds(c, p));
    p.t("。", ".");
    let second = c.done(&mut p);
    let mut paragraphs = vec![first, second];
    let changed = [s.fiscal_change, s.income_change, s.expenditure_change]
        .iter()
        .flatten()
        .any(|c| !c.amount.is_zero());
    let mut p = Para::new();
    c.reason_after(
        &mut p,
        NarrativeText::ChangeReason,
        s.fiscal_change.or(s.income_change).filter(|_| changed),
    );
    if !p.runs.is_empty() {
        paragraphs.push(p.done());
    }
    let mut p = Para::named("items_intro");
    p.t(
        "财政拨款支出主要内容如下：",
        "Fiscal expenditure goes mainly to:",
    );
    paragraphs.push(c.done(&mut p));
    items(c, &mut paragraphs);
    Section {
        topic: Topic::Totals,
        number: None,
        heading: Words {
            zh: format!("{}年部门预算编制说明", c.year).into(),
            en: format!("Notes on the preparation of the {} budget", c.year).into(),
        },
        paragraphs,
    }
}

/// `一般公共预算拨款支出预算 X 万元，比… ；政府性基金…；国有资本经营…`.
fn funds(c: &Ctx, p: &mut Para) {
    let s = &c.summary;
    let fiscal_link = c.link(TableId::Fiscal, None);
    let funds = [
        (
            IncomeSource::GeneralPublic,
            "一般公共预算拨款支出预算",
            "general public budget ",
        ),
        (
            IncomeSource::GovernmentFund,
            "政府性基金拨款支出预算",
            "government funds ",
        ),
        (
            IncomeSource::StateCapital,
            "国有资本经营预算拨款支出预算",
            "state capital operations ",
        ),
    ];
    for (i, (source, zh, en)) in funds.into_iter().enumerate() {
        if i > 0 {
            p.t("；", "; ");
        }
        p.t(zh, en);
        let figure = s.income.iter().find(|f| f.source == source);
        c.text_money(
            p,
            figure.map_or(Money::ZERO, |f| f.amount),
            fiscal_link.clone(),
        );
        c.text_change(p, figure.and_then(|f| f.change), fiscal_link.as_ref());
    }
}

/// One paragraph per 项 with 财政拨款 money: `1. “类-款-项”科目1,202.95万元。`
fn items(c: &Ctx, paragraphs: &mut Vec<Paragraph>) {
    if !c.line_lists {
        return;
    }
    let table = &c.derived.function;
    let mut n = 0_usize;
    let line_names = c.budget.template().outline.line_names;
    // One builder for every 项: its figure marks are kept from one to the next.
    let mut p = Para::named("item");
    for (i, row) in table.rows.iter().enumerate() {
        if row.has_children || row.level != Level::Item {
            continue;
        }
        let amount = table.cell_sum(i, &IncomeSource::FISCAL).total();
        if amount.is_zero() {
            continue;
        }
        n += 1;
        // 项, 款, 类 names and codes up the tree, then joined from the 类 down (three levels
        // at most).
        let mut path: [(&str, &str); 3] = [("", ""); 3];
        let mut depth = 0;
        let mut at = Some(i);
        while let (Some(k), true) = (at, depth < path.len()) {
            let Some(r) = table.rows.get(k) else { break };
            let name = r
                .line
                .and_then(|l| c.budget.function_lines.get(l))
                .map_or("", |l| l.name.as_str());
            path[depth] = (r.code.as_str(), name);
            depth += 1;
            at = r.parent;
        }
        // Both languages' texts built in one pass each, sized up front: with 100,000 项 the
        // reallocations of `format!` were a third of the time.
        let names: usize = path[..depth].iter().map(|(_, s)| s.len() + 12).sum();
        let mut zh = String::with_capacity(names);
        let mut en = String::with_capacity(names + row.code.len() + 3);
        en.push('[');
        en.push_str(&row.code);
        en.push_str("] ");
        let level_words = ["类", "款", "项"];
        let mut above = 0;
        for (k, (code, name)) in path[..depth].iter().rev().enumerate() {
            if k > 0 {
                en.push('-');
            }
            en.push_str(name);
            zh.push_str(name);
            let word = level_words.get(k).copied().unwrap_or_default();
            match line_names {
                LineNames::Dashed if k + 1 < depth => zh.push('-'),
                LineNames::Dashed => {}
                LineNames::Levels => {
                    zh.push('（');
                    zh.push_str(word);
                    zh.push('）');
                }
                LineNames::CodedLevels => {
                    zh.push('（');
                    zh.push_str(code.get(above..).unwrap_or(code));
                    zh.push_str(word);
                    zh.push('）');
                }
            }
            above = code.len();
        }
        p.slot("number", |p| {
            p.fig(Value::Number(n as u64), None, false);
        });
        p.t(". “", ". ");
        p.slot("name", |p| {
            p.s(zh, en);
        });
        p.t("”科目", ": ");
        // The 项's figures lead to its row of the 支出总表, where the line's 用途, execution
        // and reason are edited beside it (the 财政拨款 table lists only the 类).
        p.slot("amount", |p| {
            c.text_money(p, amount, c.link(TableId::Expenditure, Some(&row.code)));
        });
        // What the money is mainly for, where the officer wrote it (万里街道 2024: 25.77万元，
        // 主要用于专项普查活动).
        p.slot("purpose", |p| {
            let purpose = row
                .line
                .and_then(|l| c.budget.function_lines.get(l))
                .map_or("", |l| l.purpose.trim().trim_end_matches(['。', '.']));
            if !purpose.is_empty() {
                p.s(
                    format!("，主要用于{purpose}"),
                    format!(", mainly for {purpose}"),
                );
            }
        });
        p.t("。", ".");
        let line = row.line.and_then(|l| c.budget.function_lines.get(l));
        let change = line
            .filter(|l| l.executed_last_year.is_some())
            .and_then(|_| c.derived.execution_change_at(c.budget, i));
        // Last year's execution, where the officer entered it: `2023年当年预算执行数为60.13万元，
        // 2024年预算安排25.77万元，比2023年预算执行数减少57.14%。`
        p.slot("execution", |p| {
            let Some(change) = change else {
                return;
            };
            let link = c.link(TableId::Expenditure, Some(&row.code));
            let last = c.year.saturating_sub(1);
            p.s(
                format!("{last}年当年预算执行数为"),
                format!(" Executed in {last}: "),
            );
            c.text_money(p, change.last_year, link.clone());
            p.s(
                format!("，{}年预算安排", c.year),
                format!("; budgeted for {}: ", c.year),
            );
            c.text_money(p, change.this_year, link.clone());
            p.s(format!("，比{last}年预算执行数"), "; ");
            match (change.amount.value().is_sign_negative(), change.percent) {
                _ if change.amount.is_zero() => {
                    p.s("持平", format!("unchanged against {last}'s execution"));
                }
                // Nothing was executed last year: there is no percentage to give.
                (_, None) => {
                    p.s("增加", "up ");
                    c.text_money(p, change.amount, link);
                }
                (down, Some(_)) => {
                    p.s(
                        if down { "减少" } else { "增加" },
                        if down { "down " } else { "up " },
                    );
                    p.fig(Value::ChangePercent(Box::new(change)), link, false);
                }
            }
            p.s("。", ".");
        });
        // The reason, where written or needed: a change wants one.
        p.slot("reason", |p| {
            let reason = line.map_or("", |l| l.reason.trim().trim_end_matches(['。', '.']));
            let changed = change.is_some_and(|ch| !ch.amount.is_zero());
            if changed || !reason.is_empty() {
                p.line_reason(&row.code, reason);
            }
        });
        paragraphs.push(c.done(&mut p));
    }
}

fn others(c: &Ctx) -> Section {
    let mut paragraphs = Vec::new();
    sangong(c, &mut paragraphs);
    operating(c, &mut paragraphs);
    procurement(c, &mut paragraphs);
    performance(c, &mut paragraphs);
    assets(c, &mut paragraphs);
    let other = &c.budget.narrative.other;
    if !other.trim().is_empty() {
        paragraphs.push(Para::sub("六、其他说明", "6. Other notes"));
        let mut p = Para::new();
        p.officer(NarrativeText::Other, other);
        paragraphs.push(p.done());
    }
    Section {
        topic: Topic::Other,
        number: None,
        heading: Words::fixed("其他相关情况说明", "Other notes"),
        paragraphs,
    }
}
