//! The 情况说明 as the printed document takes it: sections with a heading and paragraphs of text
//! runs (figures marked, so they can be set apart). [`narrative_sections`] fills them from what the
//! budget and its derived summary already hold; it is the one place where a generated narrative
//! plugs into the PDF.

use serde::Serialize;

use crate::calc::{Change, Derived};
use crate::model::template::TemplateId;
use crate::model::{Budget, Money};

/// Which topic a section covers. The document places sections by topic: the Shanghai district
/// template prints the totals in 部门预算编制说明 and the rest in 其他相关情况说明, and the
/// performance forms follow the section on performance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    /// Totals and their change against last year.
    Totals,
    /// Income by source.
    Income,
    /// Basic and project expenditure.
    Expenditure,
    /// 财政拨款.
    Fiscal,
    /// 一般公共预算 expenditure and its structure.
    GeneralPublic,
    /// 人员经费 and 公用经费.
    Basic,
    /// 三公经费.
    Sangong,
    /// 机关运行经费.
    Operating,
    /// 政府采购.
    Procurement,
    /// 绩效管理 / 绩效目标设置情况.
    Performance,
    /// 国有资产占有使用情况.
    Assets,
    /// 其他说明.
    Other,
}

impl Topic {
    /// True for the topics the Shanghai district template prints under 其他相关情况说明.
    #[must_use]
    pub fn is_other_information(self) -> bool {
        matches!(
            self,
            Topic::Sangong
                | Topic::Operating
                | Topic::Procurement
                | Topic::Performance
                | Topic::Assets
                | Topic::Other
        )
    }
}

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Run {
    /// The text as printed.
    pub text: String,
    /// True when the run is a figure (an amount, a share, a change).
    pub figure: bool,
}

/// A paragraph: runs printed one after another.
pub type Paragraph = Vec<Run>;

/// One section of the 情况说明.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// What it is about.
    pub topic: Topic,
    /// The heading without its numeral (`收入预算情况说明`); the document numbers sections.
    pub heading: String,
    /// Its paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

/// Builds a paragraph from alternating text and figures.
struct Para {
    runs: Vec<Run>,
}

impl Para {
    fn new() -> Self {
        Para { runs: Vec::new() }
    }

    fn text(mut self, text: impl Into<String>) -> Self {
        self.runs.push(Run {
            text: text.into(),
            figure: false,
        });
        self
    }

    fn figure(mut self, text: impl Into<String>) -> Self {
        self.runs.push(Run {
            text: text.into(),
            figure: true,
        });
        self
    }

    fn done(self) -> Paragraph {
        self.runs
    }
}

/// How the text prints an amount: the seed (Shanxi) prints `10441.41`, the Shanghai district
/// template `9,101.68`.
fn amount(budget: &Budget, value: Money) -> String {
    let grouped = value.format_grouped(2);
    if budget.template == TemplateId::Shanxi {
        grouped.replace(',', "")
    } else {
        grouped
    }
}

/// The sections of 第三部分 情况说明 (Shanxi) or of 编制说明 and 其他相关情况说明 (Shanghai).
///
/// **This is the integration point of the generated narrative.** Today it states the headline
/// figures of [`crate::calc::Summary`] in plain sentences and adds the officer's texts
/// (`budget.narrative`: reasons for changes, 其他说明); the full narrative generator replaces this
/// body and keeps the signature, so nothing else in the PDF changes.
#[must_use]
pub fn narrative_sections(budget: &Budget, derived: &Derived, zh: bool) -> Vec<Section> {
    let s = &derived.summary;
    let text_unit = budget.template().text_unit;
    let wan = |m: Money| amount(budget, s.unit.convert(m, text_unit));
    let unit = text_unit.label(zh).to_owned();
    let year = budget.profile.year;
    let mut out = Vec::new();
    let mut push = |topic, heading_zh: &str, heading_en: &str, paragraphs: Vec<Paragraph>| {
        out.push(Section {
            topic,
            heading: if zh { heading_zh } else { heading_en }.to_owned(),
            paragraphs,
        });
    };

    let change = |c: Option<&Change>| -> Option<String> {
        c.map(|c| {
            let pct = c.percent.map_or_else(String::new, |p| format!("，{p}%"));
            if zh {
                format!("比上年增减 {} {unit}{pct}", wan(c.amount))
            } else {
                format!(" ({} {unit} against last year{pct})", wan(c.amount))
            }
        })
    };

    // 一、收支总体情况
    let mut p = Para::new()
        .text(if zh {
            format!("{year}年度预算收入总计 ")
        } else {
            format!("Total income {year}: ")
        })
        .figure(format!("{} {unit}", wan(s.total)));
    if let Some(c) = change(s.income_change.as_ref()) {
        p = p.text("，").figure(c);
    }
    p = p.text(if zh {
        "；支出总计 "
    } else {
        "; total expenditure "
    });
    p = p.figure(format!("{} {unit}", wan(s.total))).text("。");
    let mut paragraphs = vec![p.done()];
    if !budget.narrative.change_reason.is_empty() {
        paragraphs.push(Para::new().text(&budget.narrative.change_reason).done());
    }
    push(
        Topic::Totals,
        "单位预算收支数据变动情况及原因",
        "Income and expenditure and why they changed",
        paragraphs,
    );

    // 二、收入
    let mut p = Para::new().text(if zh {
        format!("{year}年度预算收入 ")
    } else {
        format!("Income {year}: ")
    });
    p = p.figure(format!("{} {unit}", wan(s.total)));
    for (k, source) in s.income.iter().enumerate() {
        p = p.text(if k == 0 {
            if zh { "，其中：" } else { ", of which " }
        } else if zh {
            "；"
        } else {
            "; "
        });
        let name = if zh {
            source.source.label_zh()
        } else {
            source.source.label_en()
        };
        p = p
            .text(format!("{name} "))
            .figure(format!("{} {unit}", wan(source.amount)));
        p = p.text(if zh { "，占 " } else { ", " });
        p = p.figure(format!("{:.2}%", source.share));
    }
    push(
        Topic::Income,
        "收入预算情况说明",
        "Income",
        vec![p.text("。").done()],
    );

    // 三、支出
    let p = Para::new()
        .text(if zh {
            format!("{year}年度支出预算 ")
        } else {
            format!("Expenditure {year}: ")
        })
        .figure(format!("{} {unit}", wan(s.total)))
        .text(if zh {
            "，其中：基本支出 "
        } else {
            ", basic "
        })
        .figure(format!("{} {unit}", wan(s.basic)))
        .text(if zh { "，占 " } else { ", " })
        .figure(format!("{:.2}%", s.basic_share))
        .text(if zh { "；项目支出 " } else { "; project " })
        .figure(format!("{} {unit}", wan(s.project)))
        .text(if zh { "，占 " } else { ", " })
        .figure(format!("{:.2}%", s.project_share))
        .text("。");
    push(
        Topic::Expenditure,
        "支出预算情况说明",
        "Expenditure",
        vec![p.done()],
    );

    // 五、一般公共预算
    let mut p = Para::new()
        .text(if zh {
            format!("{year}年度一般公共预算当年拨款 ")
        } else {
            format!("General public budget {year}: ")
        })
        .figure(format!("{} {unit}", wan(s.general_public.total())));
    if let Some(c) = change(s.general_public_change.as_ref()) {
        p = p.text("，").figure(c);
    }
    p = p.text(if zh {
        "，主要用于："
    } else {
        ", spent on: "
    });
    for (k, class) in s.general_public_classes.iter().enumerate() {
        if k > 0 {
            p = p.text(if zh { "；" } else { "; " });
        }
        p = p
            .text(format!("{} ", class.name))
            .figure(format!("{} {unit}", wan(class.amounts.total())))
            .text(if zh { "，占比 " } else { ", " })
            .figure(format!("{:.2}%", class.share));
    }
    push(
        Topic::GeneralPublic,
        "一般公共预算支出情况说明",
        "General public budget expenditure",
        vec![p.text("。").done()],
    );

    // 六、基本支出
    let p = Para::new()
        .text(if zh {
            format!("{year}年度一般公共预算基本支出 ")
        } else {
            format!("Basic expenditure {year}: ")
        })
        .figure(format!("{} {unit}", wan(s.economic_total)))
        .text(if zh {
            "，其中：人员经费 "
        } else {
            ", staff costs "
        })
        .figure(format!("{} {unit}", wan(s.staff)))
        .text(if zh {
            "；公用经费 "
        } else {
            "; running costs "
        })
        .figure(format!("{} {unit}", wan(s.running)))
        .text("。");
    push(
        Topic::Basic,
        "一般公共预算基本支出情况说明",
        "Basic expenditure",
        vec![p.done()],
    );

    // 七、三公 (in the 三公 table's unit)
    let sg = &s.sangong.this_year;
    let sg_unit = budget.sangong.unit;
    let sg_amount = |m: Money| format!("{} {}", amount(budget, m), sg_unit.label(zh));
    let mut paragraphs = vec![
        Para::new()
            .text(if zh {
                "“三公”经费预算 "
            } else {
                "\"Three public\" costs: "
            })
            .figure(sg_amount(sg.total()))
            .text(if zh {
                "，其中：因公出国（境）费 "
            } else {
                ", abroad "
            })
            .figure(sg_amount(sg.abroad))
            .text(if zh {
                "；公务接待费 "
            } else {
                "; reception "
            })
            .figure(sg_amount(sg.reception))
            .text(if zh {
                "；公务用车购置及运行费 "
            } else {
                "; vehicles "
            })
            .figure(sg_amount(sg.vehicles()))
            .text("。")
            .done(),
    ];
    if !budget.narrative.sangong_reason.is_empty() {
        paragraphs.push(Para::new().text(&budget.narrative.sangong_reason).done());
    }
    push(
        Topic::Sangong,
        "“三公”经费增减变动原因说明",
        "\"Three public\" costs",
        paragraphs,
    );

    // 八、机关运行经费
    let op_unit = budget.operating_costs.unit;
    let mut paragraphs = vec![
        Para::new()
            .text(if zh {
                "机关运行经费财政拨款预算 "
            } else {
                "Agency running costs: "
            })
            .figure(format!(
                "{} {}",
                amount(budget, s.operating),
                op_unit.label(zh)
            ))
            .text("。")
            .done(),
    ];
    if !budget.narrative.operating_reason.is_empty() {
        paragraphs.push(Para::new().text(&budget.narrative.operating_reason).done());
    }
    push(
        Topic::Operating,
        "机关运行经费增减变动原因说明",
        "Agency running costs",
        paragraphs,
    );

    // 九、政府采购
    let pr = &budget.procurement;
    let pr_amount = |m: Money| format!("{} {}", amount(budget, m), pr.unit.label(zh));
    let p = Para::new()
        .text(if zh {
            "政府采购预算总额 "
        } else {
            "Government procurement: "
        })
        .figure(pr_amount(s.procurement))
        .text(if zh {
            "，其中：货物 "
        } else {
            ", goods "
        })
        .figure(pr_amount(pr.goods))
        .text(if zh { "、工程 " } else { ", works " })
        .figure(pr_amount(pr.works))
        .text(if zh { "、服务 " } else { ", services " })
        .figure(pr_amount(pr.services))
        .text("。");
    push(
        Topic::Procurement,
        "政府采购情况",
        "Government procurement",
        vec![p.done()],
    );

    // 十、绩效
    let mut paragraphs = Vec::new();
    for u in &s.project_funds {
        paragraphs.push(
            Para::new()
                .text(if zh {
                    format!(
                        "{}实行绩效目标管理的项目 {} 个，涉及 ",
                        u.unit_name, u.count
                    )
                } else {
                    format!("{}: {} projects with targets, ", u.unit_name, u.count)
                })
                .figure(format!("{} {unit}", wan(u.in_table_unit)))
                .text("。")
                .done(),
        );
    }
    if let Some(st) = &budget.performance_statement {
        paragraphs.push(
            Para::new()
                .text(if zh {
                    format!(
                        "{} 个预算单位编报绩效目标的项目 {} 个，涉及项目预算资金 ",
                        st.units, st.projects
                    )
                } else {
                    format!(
                        "{} budget units, {} projects with targets, funds ",
                        st.units, st.projects
                    )
                })
                .figure(format!("{} {unit}", amount(budget, st.funds)))
                .text("。")
                .done(),
        );
    }
    push(
        Topic::Performance,
        "绩效管理情况",
        "Performance management",
        paragraphs,
    );

    // 十一、国有资产
    let a = &budget.assets;
    let vehicles: u32 = a.vehicles.iter().map(|v| v.count).sum();
    let area = a
        .office_areas
        .iter()
        .map(|o| o.area)
        .sum::<rust_decimal::Decimal>();
    let mut paragraphs = vec![
        Para::new()
            .text(if zh { "车辆 " } else { "Vehicles: " })
            .figure(if zh {
                format!("{vehicles} 辆")
            } else {
                vehicles.to_string()
            })
            .text(if zh {
                "；办公用房面积 "
            } else {
                "; office floor area "
            })
            .figure(format!("{} ㎡", area.normalize()))
            .text("。")
            .done(),
    ];
    if !a.notes.is_empty() {
        paragraphs.push(Para::new().text(&a.notes).done());
    }
    push(
        Topic::Assets,
        "国有资产占有使用情况",
        "State assets",
        paragraphs,
    );

    // 十二、其他
    let other = if budget.narrative.other.is_empty() {
        if zh { "无其他说明。" } else { "None." }.to_owned()
    } else {
        budget.narrative.other.clone()
    };
    push(
        Topic::Other,
        "其他说明",
        "Other remarks",
        vec![Para::new().text(other).done()],
    );
    out
}
