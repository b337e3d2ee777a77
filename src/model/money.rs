//! Exact money: a decimal amount that never passes through a float, and the unit it is counted in.
//!
//! Tables of a disclosure are published in 万元 with two decimals (or in whole 元); performance-target
//! forms always use 元. An amount carries no unit of its own: the table or section it sits in says
//! which unit it is in, and conversions go through [`MoneyUnit`], which is exact in both directions.
//!
//! Arithmetic never panics. Every amount is below 10^15 元 when it is read or typed, so a sum of
//! fewer than 7.9×10^13 of them stays within a decimal's range (7.9×10^28); a budget made some
//! other way could still leave it. Hence [`Money`] has checked operations, which return `None` at
//! the edge, and saturating ones for roll-ups, which stop at the largest decimal — far beyond the
//! magnitude limit, so the checks report such a total as an error ([`Money::reaches_limit`]).
#![deny(clippy::arithmetic_side_effects)]

use std::fmt;
use std::ops::Neg;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize};

use super::strict::{self, NumberError, PlainNumber};

/// An exact amount of money in the unit of the table it belongs to.
///
/// Written to the budget file as a decimal string (`"676.66"`), so no float ever touches it.
///
/// Read strictly (see [`crate::model::strict`]): plain decimal notation, at most two significant
/// decimals, and a magnitude below 10^15 — the limit in 元, which no amount in any unit may reach.
/// The tighter limit of a 万元 section is checked once the file's units are known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Money(pub Decimal);

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_str(strict::DecimalVisitor {
                max_decimals: strict::MAX_DECIMALS,
                limit: strict::amount_limit_yuan(),
                what: ("金额", "amount"),
            })
            .map(Money)
    }
}

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// The underlying decimal.
    #[must_use]
    pub fn value(self) -> Decimal {
        self.0
    }

    /// True when the amount is exactly zero.
    #[must_use]
    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// `self + rhs`, or `None` when the sum leaves a decimal's range.
    #[must_use]
    pub fn checked_add(self, rhs: Money) -> Option<Money> {
        self.0.checked_add(rhs.0).map(Money)
    }

    /// `self - rhs`, or `None` when the difference leaves a decimal's range.
    #[must_use]
    pub fn checked_sub(self, rhs: Money) -> Option<Money> {
        self.0.checked_sub(rhs.0).map(Money)
    }

    /// `self + rhs`, stopping at the largest (or smallest) decimal. Such a figure is far beyond
    /// the magnitude limit, so [`Money::reaches_limit`] reports it.
    #[must_use]
    pub fn saturating_add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }

    /// `self - rhs`, stopping at the edge of a decimal's range like [`Money::saturating_add`].
    #[must_use]
    pub fn saturating_sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }

    /// The sum of `amounts`, or `None` when a partial sum leaves a decimal's range.
    #[must_use]
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// The sum of `amounts`, saturating like [`Money::saturating_add`].
    #[must_use]
    pub fn saturating_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Money {
        amounts
            .into_iter()
            .fold(Money::ZERO, |acc, m| acc.saturating_add(m))
    }

    /// True when the amount, counted in `unit`, is not below the magnitude limit every amount
    /// read or typed must stay under (10^15 元). A derived total that reaches it is either absurd
    /// or saturated, and the checks report it as an error.
    #[must_use]
    pub fn reaches_limit(self, unit: MoneyUnit) -> bool {
        self.0.abs() >= strict::amount_limit(unit)
    }

    /// The absolute value.
    #[must_use]
    pub fn abs(self) -> Money {
        Money(self.0.abs())
    }

    /// Rounded to `dp` decimals, halves away from zero (how published tables round).
    #[must_use]
    pub fn round_dp(self, dp: u32) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
                .normalize(),
        )
    }

    /// For drawing only: the amount as a float. Never use the result for arithmetic on money.
    #[must_use]
    pub fn to_f64_lossy(self) -> f64 {
        use rust_decimal::prelude::ToPrimitive as _;
        self.0.to_f64().unwrap_or(0.0)
    }

    /// Formats with thousands separators and exactly `dp` decimals: `10,441.41`.
    #[must_use]
    pub fn format_grouped(self, dp: u32) -> String {
        let rounded = self
            .0
            .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        let text = format!("{:.*}", dp as usize, rounded.abs());
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (text.as_str(), None),
        };
        let mut grouped =
            String::with_capacity(text.len().saturating_add(int.len() / 3).saturating_add(1));
        if rounded.is_sign_negative() && !rounded.is_zero() {
            grouped.push('-');
        }
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && int.len().saturating_sub(i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if let Some(frac) = frac {
            grouped.push('.');
            grouped.push_str(frac);
        }
        grouped
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

// Money deliberately implements no `+`, `-`, `+=` or `Sum`: rust_decimal's operators panic on
// overflow, and a panic in the app loses unsaved work. Every sum says what happens at the edge of
// the range instead (`checked_*` or `saturating_*`, see the methods above). Negation cannot
// overflow: a decimal's range is symmetric.
impl Neg for Money {
    type Output = Money;
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "a decimal's range is symmetric"
    )]
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl From<Decimal> for Money {
    fn from(d: Decimal) -> Self {
        Money(d)
    }
}

/// The unit a table or section counts money in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MoneyUnit {
    /// 元, whole yuan or two decimals.
    Yuan,
    /// 万元 (10,000 yuan), two decimals.
    #[default]
    WanYuan,
}

impl MoneyUnit {
    /// How many yuan one of this unit is.
    #[must_use]
    pub fn yuan_factor(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::WanYuan => Decimal::from(10_000),
        }
    }

    /// Converts `amount`, counted in `self`, into `target`. Exact: no cent is lost either way.
    #[must_use]
    pub fn convert(self, amount: Money, target: MoneyUnit) -> Money {
        self.checked_convert(amount, target).unwrap_or_else(|| {
            // Only 万元 → 元 can overflow (×10,000); the result stops at the edge of the range,
            // where the checks report it.
            let edge = if amount.0.is_sign_negative() {
                Decimal::MIN
            } else {
                Decimal::MAX
            };
            Money(edge)
        })
    }

    /// Converts like [`MoneyUnit::convert`], or `None` when the result leaves a decimal's range.
    #[must_use]
    pub fn checked_convert(self, amount: Money, target: MoneyUnit) -> Option<Money> {
        if self == target {
            return Some(amount);
        }
        amount
            .0
            .checked_mul(self.yuan_factor())?
            .checked_div(target.yuan_factor())
            .map(|v| Money(v.normalize()))
    }

    /// The label printed in table headers: 万元 or 元.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::WanYuan => "万元",
        }
    }

    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "yuan",
            MoneyUnit::WanYuan => "10k yuan",
        }
    }

    /// How many decimals an amount in this unit may carry: two for both
    /// (cents in 元, hundreds of yuan in 万元).
    #[must_use]
    pub fn decimals(self) -> u32 {
        2
    }
}

/// Why a typed amount was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyParseError {
    /// Nothing but blanks.
    #[error("请输入金额 / enter an amount")]
    Empty,
    /// Not a number at all.
    #[error("“{0}”不是数字 / “{0}” is not a number")]
    NotANumber(String),
    /// A budget line cannot be negative.
    #[error("金额不能为负数 / an amount cannot be negative")]
    Negative,
    /// More decimals than the unit allows.
    #[error("最多{max}位小数 / at most {max} decimals")]
    TooManyDecimals {
        /// The most decimals allowed.
        max: u32,
    },
    /// Not below the magnitude limit of the unit (10^15 元).
    #[error(
        "金额须小于 {} {} / an amount must be below {} {}",
        strict::amount_limit(*unit).normalize(), unit.label_zh(),
        strict::amount_limit(*unit).normalize(), unit.label_en()
    )]
    TooLarge {
        /// The unit the amount was typed in.
        unit: MoneyUnit,
    },
}

impl MoneyParseError {
    /// The reason in one language.
    #[must_use]
    pub fn describe(&self, zh: bool) -> String {
        match (self, zh) {
            (MoneyParseError::Empty, true) => "请输入金额".to_owned(),
            (MoneyParseError::Empty, false) => "enter an amount".to_owned(),
            (MoneyParseError::NotANumber(t), true) => format!("“{t}”不是数字"),
            (MoneyParseError::NotANumber(t), false) => format!("“{t}” is not a number"),
            (MoneyParseError::Negative, true) => "金额不能为负数".to_owned(),
            (MoneyParseError::Negative, false) => "an amount cannot be negative".to_owned(),
            (MoneyParseError::TooManyDecimals { max }, true) => format!("最多{max}位小数"),
            (MoneyParseError::TooManyDecimals { max }, false) => format!("at most {max} decimals"),
            (MoneyParseError::TooLarge { unit }, true) => format!(
                "金额须小于 {} {}",
                strict::amount_limit(*unit).normalize(),
                unit.label_zh()
            ),
            (MoneyParseError::TooLarge { unit }, false) => format!(
                "an amount must be below {} {}",
                strict::amount_limit(*unit).normalize(),
                unit.label_en()
            ),
        }
    }
}

/// Parses what an officer types into an amount cell: plain decimal notation, optional thousands
/// separators (`10,441.41`) and full-width digits. Blank means zero is *not* assumed: the caller
/// decides (an empty cell can mean "clear to zero").
///
/// # Errors
/// Refuses letters, exponents, a plus sign or a bare point, negative amounts, more decimals than
/// `unit` allows and amounts not below the magnitude limit (10^15 元, so 10^11 万元).
pub fn parse_amount(text: &str, unit: MoneyUnit) -> Result<Money, MoneyParseError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => {
                char::from_digit((c as u32).wrapping_sub('０' as u32), 10).unwrap_or(c)
            }
            '．' => '.',
            '－' => '-',
            _ => c,
        })
        .collect();
    if cleaned.is_empty() {
        return Err(MoneyParseError::Empty);
    }
    let not_a_number = || MoneyParseError::NotANumber(text.trim().to_owned());
    let number = PlainNumber::parse(&cleaned).ok_or_else(not_a_number)?;
    if number.is_negative() {
        return Err(MoneyParseError::Negative);
    }
    let value = number
        .to_decimal(unit.decimals(), strict::amount_limit(unit))
        .map_err(|e| match e {
            NumberError::NotPlain => not_a_number(),
            NumberError::TooManyDecimals { max } => MoneyParseError::TooManyDecimals { max },
            NumberError::TooLarge { .. } => MoneyParseError::TooLarge { unit },
        })?
        .abs();
    // Tables in 万元 print two decimals; keep them so the file reads like the table.
    Ok(Money(match unit {
        MoneyUnit::WanYuan => {
            let mut v = value;
            v.rescale(2);
            v
        }
        MoneyUnit::Yuan => value.normalize(),
    }))
}

/// Builds a [`Money`] from a literal in tests and fixtures. Panics on a malformed literal,
/// so it is only for text written by programmers, never for user input.
#[cfg(test)]
#[must_use]
pub fn m(text: &str) -> Money {
    Money(text.parse().expect("money literal"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_matches_published_style() {
        assert_eq!(m("10441.41").format_grouped(2), "10,441.41");
        assert_eq!(m("9000").format_grouped(2), "9,000.00");
        assert_eq!(m("0.725").format_grouped(2), "0.73");
        assert_eq!(m("90000000").format_grouped(0), "90,000,000");
        assert_eq!(m("-1234.5").format_grouped(2), "-1,234.50");
        assert_eq!(m("0").format_grouped(2), "0.00");
    }

    #[test]
    fn conversion_is_exact_both_ways() {
        let yuan = m("1234.56");
        let wan = MoneyUnit::Yuan.convert(yuan, MoneyUnit::WanYuan);
        assert_eq!(wan, m("0.123456"));
        assert_eq!(MoneyUnit::WanYuan.convert(wan, MoneyUnit::Yuan), yuan);
        assert_eq!(
            MoneyUnit::Yuan.convert(m("92691700"), MoneyUnit::WanYuan),
            m("9269.17")
        );
    }

    #[test]
    fn parse_accepts_what_officers_type() {
        let cases = [
            ("676.66", "676.66"),
            ("10,441.41", "10441.41"),
            (" 5 ", "5"),
            ("１２.５", "12.5"),
            ("0", "0"),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse_amount(input, MoneyUnit::WanYuan),
                Ok(m(want)),
                "{input}"
            );
        }
    }

    #[test]
    fn parse_refuses_bad_input_with_reason() {
        assert_eq!(
            parse_amount("", MoneyUnit::WanYuan),
            Err(MoneyParseError::Empty)
        );
        assert!(matches!(
            parse_amount("12a", MoneyUnit::WanYuan),
            Err(MoneyParseError::NotANumber(_))
        ));
        assert_eq!(
            parse_amount("-3", MoneyUnit::WanYuan),
            Err(MoneyParseError::Negative)
        );
        assert_eq!(
            parse_amount("1.234", MoneyUnit::WanYuan),
            Err(MoneyParseError::TooManyDecimals { max: 2 })
        );
        // Trailing zeros are not extra precision.
        assert_eq!(parse_amount("1.2300", MoneyUnit::WanYuan), Ok(m("1.23")));
    }

    #[test]
    fn exponent_amount_is_refused() {
        for text in ["1e3", "1E3", "1_000", ".5", "5.", "+5", "1.2.3"] {
            assert!(
                matches!(
                    parse_amount(text, MoneyUnit::WanYuan),
                    Err(MoneyParseError::NotANumber(_))
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn huge_amount_is_refused_in_the_cell() {
        assert_eq!(
            parse_amount("79228162514264337593543950335", MoneyUnit::Yuan),
            Err(MoneyParseError::TooLarge {
                unit: MoneyUnit::Yuan
            })
        );
        assert_eq!(
            parse_amount("100,000,000,000", MoneyUnit::WanYuan),
            Err(MoneyParseError::TooLarge {
                unit: MoneyUnit::WanYuan
            })
        );
        assert_eq!(
            parse_amount("99,999,999,999.99", MoneyUnit::WanYuan),
            Ok(m("99999999999.99"))
        );
        assert_eq!(
            parse_amount("999999999999999", MoneyUnit::Yuan),
            Ok(m("999999999999999"))
        );
        let text = MoneyParseError::TooLarge {
            unit: MoneyUnit::WanYuan,
        }
        .to_string();
        assert!(text.contains("100000000000 万元"), "{text}");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(m("88.805").round_dp(2), m("88.81"));
        assert_eq!(m("0.0049").round_dp(2), m("0"));
    }
}
