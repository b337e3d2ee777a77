//! State-owned assets (国有资产占有使用情况): vehicles and office floor area per unit.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The assets section of the disclosure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// Vehicles, grouped by kind and unit.
    pub vehicles: Vec<VehicleGroup>,
    /// Office floor area per budget unit, in square metres.
    pub office_areas: Vec<OfficeArea>,
    /// The total office area the document prints, if any (the total itself is derived).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::strict::optional_area"
    )]
    pub stated_total_area: Option<Decimal>,
    /// The date the asset figures are as of, as printed (e.g. `2021年12月31日`).
    pub as_of: String,
    /// Other assets and remarks, as free text.
    pub notes: String,
    /// Vehicles the budget plans to buy this year, by kind.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub planned_vehicles: Vec<VehicleGroup>,
    /// Pieces of equipment worth 100万元 or more each (单价100万元（含）以上设备，不含车辆), where stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub large_equipment: Option<u32>,
    /// Such equipment the budget plans to buy this year, where stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_large_equipment: Option<u32>,
}

/// The official vehicle kinds (公务用车分类) the Shanghai template lists one by one.
pub const OFFICIAL_VEHICLE_KINDS: [&str; 8] = [
    "部级领导干部用车",
    "主要领导干部用车",
    "机要通信用车",
    "应急保障用车",
    "执法执勤用车",
    "特种专业技术用车",
    "离退休干部用车",
    "其他用车",
];

/// A number of vehicles of one kind held by one unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct VehicleGroup {
    /// Budget unit code holding the vehicles (empty: the department as a whole).
    pub unit_code: String,
    /// Kind, e.g. 一般公务用车, 执法执勤用车.
    pub kind: String,
    /// How many (at most [`super::strict::MAX_COUNT`] when read from a file).
    #[serde(deserialize_with = "super::strict::count")]
    pub count: u32,
}

/// Office floor area of one budget unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct OfficeArea {
    /// Budget unit code.
    pub unit_code: String,
    /// Square metres.
    #[serde(deserialize_with = "super::strict::area")]
    pub area: Decimal,
}

impl Assets {
    /// Total office area (derived).
    #[must_use]
    pub fn total_area(&self) -> Decimal {
        self.office_areas.iter().map(|a| a.area).sum()
    }

    /// Total number of vehicles (derived). Summed in 64 bits and saturating, so no number of
    /// groups can make it wrap (`4294967295 + 2` is `4294967297`, not `1`).
    #[must_use]
    pub fn vehicle_count(&self) -> u64 {
        self.vehicles
            .iter()
            .fold(0_u64, |sum, v| sum.saturating_add(u64::from(v.count)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vehicle_counts_do_not_wrap() {
        let group = |count| VehicleGroup {
            count,
            ..VehicleGroup::default()
        };
        let assets = Assets {
            vehicles: vec![group(u32::MAX), group(2)],
            ..Assets::default()
        };
        assert_eq!(assets.vehicle_count(), 4_294_967_297);
    }
}
