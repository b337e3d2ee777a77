//! The 情况说明 in twelve numbered sections (一 收支变动 … 十二 其他说明), the outline of the
//! national guidance that the Shanxi template (the 忻州 seed) prints, in its order and wording.
//! A template chooses it with `narrative: (outline: TwelveSections, …)`.

mod spending;

use spending::{assets, operating, other, performance, procurement, sangong};

use super::{ChangeWords, Para, Section, Topic, Words, common};
use crate::model::sections::NarrativeText;
use crate::model::{Figure, IncomeSource, Money, TableId};

/// How the seed names an income source in its text.
pub(super) fn source_label(source: IncomeSource) -> (&'static str, &'static str) {
    match source {
        IncomeSource::GeneralPublic => (
            "一般公共预算拨款收入",
            "general public budget appropriation",
        ),
        IncomeSource::GovernmentFund => ("政府性基金预算拨款收入", "government fund appropriation"),
        IncomeSource::StateCapital => (
            "国有资本经营预算拨款收入",
            "state capital operations appropriation",
        ),
        IncomeSource::FiscalSpecialAccount => ("财政专户管理资金收入", "fiscal special accounts"),
        IncomeSource::CarryOver => ("上年结转", "carried over from last year"),
        // Mid-sentence, the column headings' English starts in lower case.
        other => (
            other.label_zh(),
            match other {
                IncomeSource::UnitFunds => "unit funds",
                IncomeSource::ServiceIncome => "service income",
                IncomeSource::BusinessIncome => "business income",
                IncomeSource::SuperiorSubsidy => "subsidy from above",
                IncomeSource::SubordinateRemittance => "remittance from subordinates",
                _ => "other income",
            },
        ),
    }
}

/// A heading as the document writes it, without its number (`一、`, `1. `): the outline numbers
/// its sections.
fn heading(zh: &'static str, en: &'static str) -> Words {
    let zh = zh.split_once('、').map_or(zh, |(_, rest)| rest);
    let en = en.split_once(". ").map_or(en, |(_, rest)| rest);
    Words::fixed(zh, en)
}

/// Title and sections.
pub(super) fn outline(c: &common::Ctx) -> (Words, Vec<Section>) {
    let year = c.budget.profile.year;
    let title = Words {
        zh: format!("第三部分 {year} 年度单位预算情况说明").into(),
        en: format!("Part 3 Notes on the {year} budget").into(),
    };
    let mut sections = vec![
        changes(c),
        income(c),
        expenditure(c),
        fiscal(c),
        general_public(c),
        basic(c),
        sangong(c),
        operating(c),
        procurement(c),
        performance(c),
        assets(c),
        other(c),
    ];
    for (i, s) in sections.iter_mut().enumerate() {
        s.number = Some(i + 1);
    }
    (title, sections)
}

fn than_last_year() -> ChangeWords {
    ChangeWords {
        than_zh: "比上年".into(),
        same_zh: "与上年持平".into(),
        than_en: "on last year".into(),
        percent: true,
    }
}

fn changes(c: &common::Ctx) -> Section {
    let s = &c.summary;
    let carry = c.income(IncomeSource::CarryOver);
    let this_year = s.total.saturating_sub(carry);
    let total = c.link(TableId::IncomeExpenditure, None);
    let words = than_last_year();
    let n = &c.budget.narrative;
    let carried = c.link(TableId::Income, None);
    let mut p = Para::named("totals");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("度预算收入总计", " budget income totals ");
    p.slot("total", |p| {
        p.money(s.total, c.unit, total.clone());
    });
    p.t("，其中：本年收入", ", of which income of the year ");
    p.slot("this_year", |p| {
        p.money(this_year, c.unit, total.clone());
    });
    p.t("，上年结转", ", carried over ");
    p.slot("carried", |p| {
        p.money(carry, c.unit, carried.clone());
    });
    p.slot("income_change", |p| {
        if let Some(change) = s.income_change {
            p.t("，", ", ");
            c.change(p, change, c.unit, &words, total.as_ref(), false);
        }
    });
    p.slot("income_reason", |p| {
        c.reason(p, NarrativeText::ChangeReason, s.income_change);
    });
    p.t("；本年单位预算支出总计", "; budget expenditure totals ");
    p.slot("total", |p| {
        p.money(s.total, c.unit, total.clone());
    });
    p.t("，其中：本年预算安排", ", of which arranged this year ");
    p.slot("this_year", |p| {
        p.money(this_year, c.unit, total.clone());
    });
    p.t("，上年结转", ", carried over ");
    p.slot("carried", |p| {
        p.money(carry, c.unit, carried.clone());
    });
    p.slot("expenditure_change", |p| {
        if let Some(change) = s.expenditure_change {
            p.t("，", ", ");
            c.change(p, change, c.unit, &words, total.as_ref(), false);
        }
    });
    // The expenditure's own reason where the officer wrote one, otherwise the same as income's.
    let field = if n.expenditure_reason.trim().is_empty() {
        NarrativeText::ChangeReason
    } else {
        NarrativeText::ExpenditureReason
    };
    p.slot("expenditure_reason", |p| {
        c.reason(p, field, s.expenditure_change);
    });
    p.t("。", ".");
    Section {
        topic: Topic::Totals,
        number: None,
        heading: heading(
            "一、单位预算收支数据变动情况及原因",
            "1. Changes in income and expenditure, and why",
        ),
        paragraphs: vec![c.done(&mut p)],
    }
}

fn income(c: &common::Ctx) -> Section {
    let s = &c.summary;
    let link = c.link(TableId::Income, None);
    let mut p = Para::named("income");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("度预算收入", " budget income ");
    p.slot("total", |p| {
        p.money(s.total, c.unit, link.clone());
    });
    p.t("，主要包括", ", mainly ");
    p.slot("sources", |p| sources(c, p));
    p.t("。", ".");
    Section {
        topic: Topic::Income,
        number: None,
        heading: heading("二、收入预算情况说明", "2. Income"),
        paragraphs: vec![c.done(&mut p)],
    }
}

/// `一般公共预算拨款收入 X 万元，占 Y%；…；上年结转 0.00 万元，占 0.00%`.
fn sources(c: &common::Ctx, p: &mut Para) {
    let s = &c.summary;
    let mut first = true;
    let mut sep = |p: &mut Para| {
        if !first {
            p.t("；", "; ");
        }
        first = false;
    };
    for f in &s.income {
        sep(p);
        let (zh, en) = source_label(f.source);
        p.t(zh, en).t("", " ");
        p.money(f.amount, c.unit, c.link(TableId::Income, None));
        p.t("，占", ", ");
        p.pct(f.share, c.link(TableId::Income, None));
    }
    if !s.income.iter().any(|f| f.source == IncomeSource::CarryOver) {
        // The seed closes the list with 上年结转 even where nothing is carried over.
        sep(p);
        p.t("上年结转", "carried over ");
        p.money(Money::ZERO, c.unit, c.link(TableId::Income, None));
        p.t("，占", ", ");
        p.pct(
            rust_decimal::Decimal::new(0, 2),
            c.link(TableId::Income, None),
        );
    }
}

fn expenditure(c: &common::Ctx) -> Section {
    let s = &c.summary;
    let link = c.link(TableId::Expenditure, None);
    let mut p = Para::named("expenditure");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("度支出预算", " budget expenditure ");
    p.slot("total", |p| {
        p.money(s.total, c.unit, link.clone());
    });
    p.t("，其中：基本支出", ", of which basic expenditure ");
    p.slot("basic", |p| {
        p.money(s.basic, c.unit, link.clone());
    });
    p.t("，占", ", ");
    p.slot("basic_share", |p| {
        p.pct(s.basic_share, link.clone());
    });
    p.t("；项目支出", "; project expenditure ");
    p.slot("project", |p| {
        p.money(s.project, c.unit, link.clone());
    });
    p.t("，占", ", ");
    p.slot("project_share", |p| {
        p.pct(s.project_share, link.clone());
    });
    p.t("。", ".");
    Section {
        topic: Topic::Expenditure,
        number: None,
        heading: heading("三、支出预算情况说明", "3. Expenditure"),
        paragraphs: vec![c.done(&mut p)],
    }
}

fn fiscal(c: &common::Ctx) -> Section {
    let s = &c.summary;
    let link = c.link(TableId::Fiscal, None);
    let mut p = Para::named("fiscal");
    let money = |p: &mut Para, amount: Money| {
        p.money(amount, c.unit, link.clone());
    };
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t("度财政拨款收支总预算", " fiscal appropriations total ");
    p.slot("fiscal", |p| money(p, s.fiscal));
    p.t(
        "。收入为一般公共预算拨款",
        ". Income: general public budget ",
    );
    p.slot("general_public", |p| {
        money(p, c.income(IncomeSource::GeneralPublic));
    });
    p.t("，政府性基金预算拨款", ", government funds ");
    p.slot("government_fund", |p| {
        money(p, c.income(IncomeSource::GovernmentFund));
    });
    p.t("，国有资本经营预算拨款", ", state capital operations ");
    p.slot("state_capital", |p| {
        money(p, c.income(IncomeSource::StateCapital));
    });
    p.t("。其中：当年拨款收入", ". Of this, appropriated this year ");
    p.slot("fiscal", |p| money(p, s.fiscal));
    p.t("，上年结转收入", ", carried over ");
    p.slot("carried", |p| money(p, c.income(IncomeSource::CarryOver)));
    p.t("。支出包括：", ". Expenditure: ");
    p.slot("classes", |p| {
        for (i, class) in s.fiscal_classes.iter().enumerate() {
            if i > 0 {
                p.t("、", ", ");
            }
            p.s(class.name.clone(), format!("[{}] ", class.code));
            p.money(
                class.amounts.total(),
                c.unit,
                c.link(TableId::Fiscal, Some(&class.code)),
            );
        }
    });
    p.t("。", ".");
    Section {
        topic: Topic::Fiscal,
        number: None,
        heading: heading(
            "四、财政拨款收支预算总体情况说明",
            "4. Fiscal appropriations overall",
        ),
        paragraphs: vec![c.done(&mut p)],
    }
}

fn general_public(c: &common::Ctx) -> Section {
    let s = &c.summary;
    let link = c.link(TableId::GeneralPublic, None);
    let gp = s.general_public.total();
    let mut scale = Para::named("general_public_scale");
    scale.slot("year", |p| {
        p.year(c.year);
    });
    scale.t(
        "度一般公共预算当年拨款",
        " general public budget appropriation ",
    );
    scale.slot("general_public", |p| {
        p.money(gp, c.unit, link.clone());
    });
    let gp_change = s
        .income
        .iter()
        .find(|f| f.source == IncomeSource::GeneralPublic)
        .and_then(|f| f.change)
        .or(s.general_public_change);
    scale.slot("change", |p| {
        if let Some(change) = gp_change {
            p.t("，", ", ");
            c.change(p, change, c.unit, &than_last_year(), link.as_ref(), false);
        }
    });
    scale.t("。", ".");
    let mut structure = Para::named("general_public_structure");
    structure.slot("year", |p| {
        p.year(c.year);
    });
    structure.t(
        "度一般公共预算当年拨款",
        " general public budget appropriation ",
    );
    structure.slot("general_public", |p| {
        p.money(gp, c.unit, link.clone());
    });
    structure.t("，主要用于以下方面：", ", mainly for: ");
    structure.slot("classes", |p| {
        for (i, class) in s.general_public_classes.iter().enumerate() {
            if i > 0 {
                p.t("；", "; ");
            }
            let row = c.link(TableId::GeneralPublic, Some(&class.code));
            p.s(class.name.clone(), format!("[{}] ", class.code));
            p.money(class.amounts.total(), c.unit, row.clone());
            p.t("，占比", ", ");
            p.pct(class.share, row);
        }
    });
    structure.t("。", ".");
    Section {
        topic: Topic::GeneralPublic,
        number: None,
        heading: heading(
            "五、一般公共预算支出情况说明",
            "5. General public budget expenditure",
        ),
        paragraphs: vec![
            Para::sub(
                "（一）一般公共预算当年拨款规模变化情况",
                "(1) Change in size",
            ),
            c.done(&mut scale),
            Para::sub("（二）一般公共预算当年拨款结构情况", "(2) Structure"),
            c.done(&mut structure),
        ],
    }
}

fn basic(c: &common::Ctx) -> Section {
    let s = &c.summary;
    let econ = c.link(TableId::BasicByEconomic, None);
    let mut p = Para::named("basic");
    p.slot("year", |p| {
        p.year(c.year);
    });
    p.t(
        "度一般公共预算基本支出",
        " general public budget basic expenditure ",
    );
    p.slot("basic", |p| {
        p.money(s.general_public.basic, c.unit, econ.clone());
    });
    p.t("，其中：人员经费", ", of which staff costs ");
    p.slot("staff", |p| {
        p.money(s.staff, c.unit, econ.clone());
    });
    p.t("，主要包括：", ", mainly: ");
    p.slot("staff_items", |p| c.items(p, NarrativeText::StaffItems));
    p.t("；公用经费", "; running costs ");
    p.slot("running", |p| {
        p.money(s.running, c.unit, econ.clone());
    });
    p.t("，主要包括：", ", mainly: ");
    p.slot("running_items", |p| c.items(p, NarrativeText::RunningItems));
    p.t("。", ".");
    Section {
        topic: Topic::Basic,
        number: None,
        heading: heading(
            "六、一般公共预算基本支出情况说明",
            "6. General public budget basic expenditure",
        ),
        paragraphs: vec![c.done(&mut p)],
    }
}

impl common::Ctx<'_> {
    /// A 收入 figure of the budget.
    pub(super) fn income(&self, source: IncomeSource) -> Money {
        self.derived
            .figure(&Figure::Income(source))
            .unwrap_or_default()
    }
}
