//! Percent shares as the narrative prints them, and year-on-year changes.
//!
//! The seed's narrative rounds each share half-up to two decimals and then gives the largest part
//! whatever is needed for the shares to sum to exactly 100.00%: its classes are 88.99%, 0.38%,
//! 0.08%, 9.72% and 0.83%, where plain rounding would give 89.00% for the first and 100.01% in all,
//! and largest-remainder apportionment would give 9.71% for the fourth.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Money;

/// Shares of `parts` in their sum, in percent with two decimals, summing to exactly 100.00
/// (or all zero when the sum is zero).
#[must_use]
pub fn percent_shares(parts: &[Money]) -> Vec<Decimal> {
    let total = Money::saturating_sum(parts.iter().copied());
    if total.is_zero() {
        return vec![Decimal::ZERO; parts.len()];
    }
    let hundred = Decimal::ONE_HUNDRED;
    let mut shares: Vec<Decimal> = parts
        .iter()
        .map(|p| percent_of(*p, total).unwrap_or(Decimal::ZERO))
        .collect();
    let sum: Decimal = shares.iter().sum();
    let residual = hundred - sum;
    if !residual.is_zero() {
        // The first of the largest parts absorbs the rounding residual.
        let mut largest = 0;
        for (i, p) in parts.iter().enumerate() {
            if *p > parts[largest] {
                largest = i;
            }
        }
        shares[largest] += residual;
    }
    shares
}

/// `part / whole` in percent, rounded half-up to two decimals; `None` when `whole` is zero.
#[must_use]
pub fn percent_of(part: Money, whole: Money) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let ratio = part
        .value()
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(whole.value())?;
    let mut rounded = ratio.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    Some(rounded)
}

/// A year-on-year change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    /// This year's figure.
    pub this_year: Money,
    /// Last year's figure.
    pub last_year: Money,
    /// this year − last year.
    pub amount: Money,
    /// amount / last year, in percent with two decimals; `None` when last year was zero.
    pub percent: Option<Decimal>,
}

impl Change {
    /// The change from `last_year` to `this_year`.
    #[must_use]
    pub fn new(this_year: Money, last_year: Money) -> Change {
        let amount = this_year.saturating_sub(last_year);
        Change {
            this_year,
            last_year,
            amount,
            percent: percent_of(amount, last_year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::money::m;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn seed_class_shares_are_reproduced() {
        let parts = [
            m("9292.71"),
            m("39.68"),
            m("8.25"),
            m("1014.42"),
            m("86.35"),
        ];
        let shares = percent_shares(&parts);
        assert_eq!(
            shares,
            vec![d("88.99"), d("0.38"), d("0.08"), d("9.72"), d("0.83")]
        );
        assert_eq!(shares.iter().sum::<Decimal>(), d("100.00"));
    }

    #[test]
    fn basic_and_project_shares() {
        let shares = percent_shares(&[m("1168.84"), m("9272.57")]);
        assert_eq!(shares, vec![d("11.19"), d("88.81")]);
    }

    #[test]
    fn thirds_still_sum_to_100() {
        let shares = percent_shares(&[m("1"), m("1"), m("1")]);
        assert_eq!(shares.iter().sum::<Decimal>(), d("100"));
        assert_eq!(shares[0], d("33.34"));
    }

    #[test]
    fn zero_total_gives_zero_shares() {
        assert_eq!(percent_shares(&[m("0"), m("0")]), vec![d("0"), d("0")]);
        assert!(percent_shares(&[]).is_empty());
    }

    #[test]
    fn seed_year_on_year_change() {
        let change = Change::new(m("10441.41"), m("1574.77"));
        assert_eq!(change.amount, m("8866.64"));
        assert_eq!(change.percent, Some(d("563.04")));
        assert_eq!(Change::new(m("5"), m("0")).percent, None);
    }
}
