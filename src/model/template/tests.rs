//! Tests of the template model.

use super::*;

#[test]
fn each_template_numbers_its_tables_from_one_without_gaps() {
    for id in TemplateId::all() {
        let t = id.get();
        assert_eq!(t.id, id);
        for (i, spec) in t.tables.iter().enumerate() {
            assert_eq!(usize::from(spec.number), i + 1, "{id:?}");
            assert_eq!(t.table(spec.kind), Some(spec), "{id:?} lists a kind once");
        }
    }
}

#[test]
fn titles_follow_the_template() {
    let shanxi = TemplateId::SHANXI.get();
    let shanghai = TemplateId::SHANGHAI_DISTRICT.get();
    assert_eq!(
        shanxi.numbered_title(TableId::Expenditure, true, 2025),
        "预算公开表3 预算支出总表"
    );
    assert_eq!(
        shanghai.numbered_title(TableId::Expenditure, true, 2025),
        "3. 2025年部门支出预算总表"
    );
    assert_eq!(
        shanghai.numbered_title(TableId::Expenditure, false, 2025),
        "3. Expenditure 2025"
    );
    // Shanghai folds 三公 into table 9.
    assert_eq!(
        shanghai.numbered_title(TableId::Sangong, true, 2025),
        "9. 2025年部门“三公”经费和机关运行经费预算表"
    );
    assert!(shanghai.table(TableId::GovFundIncome).is_none());
}

#[test]
fn a_number_format_prints_amounts_and_zeros_as_the_template_says() {
    use crate::model::money::m;
    let plain = NumberFormat {
        grouped: false,
        zeros: Zeros::Decimals,
        decimals: 2,
        trim: false,
    };
    assert_eq!(plain.text(m("10441.41")), "10441.41");
    assert_eq!(plain.text(m("0")), "0.00");
    let whole = NumberFormat {
        grouped: true,
        zeros: Zeros::Whole,
        decimals: 2,
        trim: false,
    };
    assert_eq!(whole.text(m("10441.41")), "10,441.41");
    assert_eq!(whole.text(m("0")), "0");
    assert_eq!(NumberFormat::GROUPED_BLANK.text(m("0")), "");
    // Whole 元 (万里街道 2024's tables), and 万元 without trailing zeros (its 三公 table).
    let yuan = NumberFormat {
        decimals: 0,
        ..whole
    };
    assert_eq!(yuan.text(m("156211123")), "156,211,123");
    let trimmed = NumberFormat {
        trim: true,
        ..whole
    };
    assert_eq!(trimmed.text(m("25")), "25");
    assert_eq!(trimmed.text(m("6.40")), "6.4");
    assert_eq!(trimmed.text(m("21.56")), "21.56");
    assert_eq!(trimmed.text(m("1200")), "1,200");
    // A table's own format wins over the template's.
    let mut t = TemplateId::SHANGHAI_DISTRICT.get().clone();
    if let Some(spec) = t
        .tables
        .iter_mut()
        .find(|s| s.kind == TableId::SangongAndOperating)
    {
        spec.number_format = Some(whole);
    }
    assert_eq!(t.number_format(TableId::Sangong), whole);
    assert_eq!(t.number_format(TableId::Expenditure), t.number_format);
}

#[test]
fn an_id_is_an_identifier_written_bare() {
    assert_eq!(TemplateId::parse("Shanxi"), Some(TemplateId::SHANXI));
    assert_eq!(
        TemplateId::parse("Shanghai2026"),
        TemplateId::parse("Shanghai2026")
    );
    for bad in ["", "2026Shanghai", "上海", "a-b", "a b"] {
        assert_eq!(TemplateId::parse(bad), None, "{bad}");
    }
    let text = ron::to_string(&TemplateId::SHANGHAI_DISTRICT).unwrap();
    assert_eq!(text, "ShanghaiDistrict");
    let back: TemplateId = ron::from_str("ShanghaiDistrict").unwrap();
    assert_eq!(back, TemplateId::SHANGHAI_DISTRICT);
}
