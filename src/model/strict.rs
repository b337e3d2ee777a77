//! Strict reading of numbers: amounts in plain decimal notation with a magnitude limit, counts with
//! a sane upper bound, and the bilingual messages a refused value carries out of a deserializer.
//!
//! A budget file is edited by hand as well as by the app, so what it may contain is narrower than
//! what `rust_decimal` would parse: `1e3`, `1_000`, `.5`, `5.` and `+5` are all refused, because an
//! officer reading the file would not read them as the amount the program sees.

use std::str::FromStr as _;

use rust_decimal::Decimal;
use serde::Deserializer;
use serde::de::{self, Visitor};

use super::money::MoneyUnit;

/// Separates the Chinese and the English text of a message raised inside a deserializer; the
/// file reader splits on it (serde errors carry a single string). User text in such a message is
/// always quoted with `{:?}`, which escapes control characters, so the separator cannot occur
/// in it.
pub const MESSAGE_SEPARATOR: char = '\u{1e}';

/// The largest number of decimals an amount may carry (cents in 元, hundreds of yuan in 万元).
pub const MAX_DECIMALS: u32 = 2;

/// The most vehicles (or other counted things) one entry may hold. Far above any department's
/// fleet, far below where a sum of counts could wrap.
pub const MAX_COUNT: u32 = 100_000;

/// Amounts must stay below 10^15 元 (a thousand trillion yuan): no budget comes near it, and
/// sums of a million such amounts stay far inside what a decimal can hold.
#[must_use]
pub fn amount_limit_yuan() -> Decimal {
    Decimal::from(1_000_000_000_000_000_i64)
}

/// The magnitude limit in `unit`: 10^15 in 元, 10^11 in 万元.
#[must_use]
pub fn amount_limit(unit: MoneyUnit) -> Decimal {
    amount_limit_yuan() / unit.yuan_factor()
}

/// Office floor areas, in square metres, stay below this.
#[must_use]
pub fn area_limit() -> Decimal {
    Decimal::from(1_000_000_000_000_i64)
}

/// Builds a deserializer error that carries both languages (see [`MESSAGE_SEPARATOR`]).
pub fn bilingual_error<E: de::Error>(zh: &str, en: &str) -> E {
    E::custom(format_args!("{zh}{MESSAGE_SEPARATOR}{en}"))
}

/// A number written in plain decimal notation: an optional minus, digits, and optionally a point
/// followed by digits. Holds slices of the text it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlainNumber<'a> {
    /// The whole text as written.
    text: &'a str,
    negative: bool,
    /// The integer digits without leading zeros (empty for zero).
    int: &'a str,
    /// The fraction digits as written (possibly with trailing zeros).
    frac: &'a str,
}

impl<'a> PlainNumber<'a> {
    /// Reads `text` if it is plain decimal notation; `None` otherwise (exponent, underscore, plus
    /// sign, bare or trailing point, blanks, anything else).
    #[must_use]
    pub fn parse(text: &'a str) -> Option<Self> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int, frac) = match rest.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (rest, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || frac.is_some_and(|f| !digits(f)) {
            return None;
        }
        Some(PlainNumber {
            text,
            negative,
            int: int.trim_start_matches('0'),
            frac: frac.unwrap_or(""),
        })
    }

    /// Decimals that matter: trailing zeros are not extra precision (`1.2300` has two).
    #[must_use]
    pub fn decimals(&self) -> usize {
        self.frac.trim_end_matches('0').len()
    }

    /// True for a negative number other than zero.
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.negative && !(self.int.is_empty() && self.decimals() == 0)
    }

    /// The value, keeping the written decimals up to `max_decimals` (so `"2.00"` stays `2.00`).
    ///
    /// # Errors
    /// More significant decimals than `max_decimals`, or a magnitude not below `limit`.
    pub fn to_decimal(&self, max_decimals: u32, limit: Decimal) -> Result<Decimal, NumberError> {
        let max = max_decimals as usize;
        if self.decimals() > max {
            return Err(NumberError::TooManyDecimals { max: max_decimals });
        }
        // More integer digits than any limit allows: refuse before the decimal parser could
        // overflow on them.
        if self.int.len() > 20 {
            return Err(NumberError::TooLarge { limit });
        }
        // The usual case, a number written the way it is kept, is parsed where it stands; only
        // a long run of leading or trailing zeros is rewritten first (a file has 100,000s).
        let value = if self.frac.len() <= max && self.text.len() <= 24 {
            Decimal::from_str(self.text)
        } else {
            let kept = self.frac.get(..self.frac.len().min(max)).unwrap_or("");
            let int = if self.int.is_empty() { "0" } else { self.int };
            let sign = if self.negative { "-" } else { "" };
            Decimal::from_str(&if kept.is_empty() {
                format!("{sign}{int}")
            } else {
                format!("{sign}{int}.{kept}")
            })
        }
        .map_err(|_| NumberError::TooLarge { limit })?;
        if value.abs() >= limit {
            return Err(NumberError::TooLarge { limit });
        }
        Ok(value)
    }
}

/// Why a number was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} / {}", self.zh(), self.en())]
pub enum NumberError {
    /// Not plain decimal notation.
    NotPlain,
    /// More significant decimals than allowed.
    TooManyDecimals {
        /// The most decimals allowed.
        max: u32,
    },
    /// Not below the magnitude limit.
    TooLarge {
        /// The limit.
        limit: Decimal,
    },
}

impl NumberError {
    /// The reason in Chinese.
    #[must_use]
    pub fn zh(&self) -> String {
        match self {
            NumberError::NotPlain => {
                "须为普通小数写法，如 \"676.66\"（不可用指数、下划线、加号或缺位的小数点）"
                    .to_owned()
            }
            NumberError::TooManyDecimals { max } => format!("最多{max}位小数"),
            NumberError::TooLarge { limit } => format!("绝对值须小于 {limit}"),
        }
    }

    /// The reason in English.
    #[must_use]
    pub fn en(&self) -> String {
        match self {
            NumberError::NotPlain => "must be plain decimal notation such as \"676.66\" (no exponent, underscore, plus sign or bare point)".to_owned(),
            NumberError::TooManyDecimals { max } => format!("has more than {max} decimals"),
            NumberError::TooLarge { limit } => format!("is not below {limit} in magnitude"),
        }
    }
}

/// Reads a decimal string strictly: plain notation, at most `max_decimals` significant decimals,
/// magnitude below `limit`. `what` names the kind of value in messages (Chinese, English).
///
/// # Errors
/// A bilingual deserializer error saying which rule the text breaks.
pub fn read_decimal<E: de::Error>(
    text: &str,
    max_decimals: u32,
    limit: Decimal,
    what: (&str, &str),
) -> Result<Decimal, E> {
    let result = PlainNumber::parse(text)
        .ok_or(NumberError::NotPlain)
        .and_then(|n| n.to_decimal(max_decimals, limit));
    result.map_err(|e| {
        bilingual_error(
            &format!("{} {text:?} {}", what.0, e.zh()),
            &format!("{} {text:?} {}", what.1, e.en()),
        )
    })
}

/// A visitor of decimal strings with the rules of [`read_decimal`].
pub struct DecimalVisitor {
    /// Significant decimals allowed.
    pub max_decimals: u32,
    /// Magnitude limit (exclusive).
    pub limit: Decimal,
    /// What the value is, in Chinese and English.
    pub what: (&'static str, &'static str),
}

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} written as a decimal string such as \"676.66\"",
            self.what.1
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        read_decimal(v, self.max_decimals, self.limit, self.what)
    }
}

/// `deserialize_with` for an office floor area: plain decimal string, two decimals, below
/// [`area_limit`].
///
/// # Errors
/// When the text breaks one of those rules.
pub fn area<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_str(area_visitor())
}

/// `deserialize_with` for an optional office floor area (`Some("8145")` or `None`).
///
/// # Errors
/// When the text breaks one of the rules of [`area`].
pub fn optional_area<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Decimal>, D::Error> {
    struct Wrapper(Decimal);
    impl<'de> serde::Deserialize<'de> for Wrapper {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            area(d).map(Wrapper)
        }
    }
    let value: Option<Wrapper> = serde::Deserialize::deserialize(deserializer)?;
    Ok(value.map(|w| w.0))
}

fn area_visitor() -> DecimalVisitor {
    DecimalVisitor {
        max_decimals: MAX_DECIMALS,
        limit: area_limit(),
        what: ("面积", "area"),
    }
}

/// `deserialize_with` for a count: a whole number from 0 to [`MAX_COUNT`].
///
/// # Errors
/// When the number is negative, not whole or above the limit.
pub fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let value: u64 = serde::Deserialize::deserialize(deserializer)?;
    match u32::try_from(value) {
        Ok(n) if n <= MAX_COUNT => Ok(n),
        _ => Err(bilingual_error(
            &format!("数量 {value} 超过上限 {MAX_COUNT}"),
            &format!("count {value} is above the limit of {MAX_COUNT}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_notation_only() {
        for good in ["0", "5", "-5", "676.66", "007.50", "1.2300", "-0"] {
            assert!(PlainNumber::parse(good).is_some(), "{good}");
        }
        for bad in [
            "", "1e3", "1E3", "1_000", ".5", "5.", "+5", "-", "1.2.3", " 5", "5 ", "--5", "0x10",
            "１",
        ] {
            assert!(PlainNumber::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn decimals_limit_and_written_scale() {
        let limit = amount_limit(MoneyUnit::Yuan);
        let read = |t: &str| PlainNumber::parse(t).unwrap().to_decimal(2, limit);
        assert_eq!(read("2.00").unwrap().to_string(), "2.00");
        assert_eq!(read("1.2300").unwrap().to_string(), "1.23");
        assert_eq!(read("007").unwrap().to_string(), "7");
        assert_eq!(read("1.234"), Err(NumberError::TooManyDecimals { max: 2 }));
        assert_eq!(
            read("0.0000000000000000000000000000001"),
            Err(NumberError::TooManyDecimals { max: 2 })
        );
    }

    #[test]
    fn magnitude_limit_per_unit() {
        let wan = amount_limit(MoneyUnit::WanYuan);
        let yuan = amount_limit(MoneyUnit::Yuan);
        let read = |t: &str, l| PlainNumber::parse(t).unwrap().to_decimal(2, l);
        assert!(read("99999999999.99", wan).is_ok());
        assert!(read("100000000000", wan).is_err());
        assert!(read("999999999999999.99", yuan).is_ok());
        assert!(read("-1000000000000000", yuan).is_err());
        assert!(read("79228162514264337593543950335", yuan).is_err());
        assert!(read("99999999999999999999999999999999999999", yuan).is_err());
    }
}
