//! Performance forms: indicators understood, funds added up.

use super::*;

#[test]
fn targets_from_the_seed() {
    type Want<'a> = Option<(Option<char>, &'a str, &'a str)>;
    let cases: [(&str, Want); 9] = [
        (">500 个", Some((Some('>'), "500", "个"))),
        ("≥85%", Some((Some('≥'), "85", "%"))),
        ("≤72 小时", Some((Some('≤'), "72", "小时"))),
        (">3 个月/次", Some((Some('>'), "3", "个月/次"))),
        ("348人", Some((None, "348", "人"))),
        ("364.31万元", Some((None, "364.31", "万元"))),
        (">=90%", Some((Some('≥'), "90", "%"))),
        ("显著提高", None),
        ("12月31日前", None),
    ];
    for (text, want) in cases {
        let got = parse_target(text).map(|p| (p.comparison, p.number, p.unit));
        let want = want.map(|(c, n, u)| (c, n.to_owned(), u.to_owned()));
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn every_text_field_is_reached_once() {
    let mut p = Project::default();
    for (k, field) in ProjectText::ALL.into_iter().enumerate() {
        *field.get_mut(&mut p) = format!("t{k}");
    }
    for (k, field) in ProjectText::ALL.into_iter().enumerate() {
        assert_eq!(field.get(&p), format!("t{k}"), "{field:?}");
    }
    for field in ProjectText::DESCRIPTIONS
        .iter()
        .chain(&ProjectText::CONTACTS)
    {
        assert!(ProjectText::ALL.contains(field));
    }
}

#[test]
fn every_kind_has_its_group() {
    assert_eq!(IndicatorKind::Cost.group(), IndicatorGroup::Output);
    assert_eq!(
        IndicatorKind::Sustainability.group(),
        IndicatorGroup::Benefit
    );
    assert_eq!(
        IndicatorKind::ServiceSatisfaction.group(),
        IndicatorGroup::Satisfaction
    );
    for group in IndicatorGroup::ALL {
        assert!(IndicatorKind::ALL.iter().any(|k| k.group() == group));
    }
}
