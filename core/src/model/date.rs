//! [`Date`]: a calendar date, as a form's `填报日期` holds it. In JSON an ISO date
//! (`"2025-01-15"`); read from a report as written there (`2025年1月15日`, `2025-01-15`,
//! `2025.1.15`, `2025/1/15`).

use core::fmt;
use core::str::FromStr;

use serde::de::{self, Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

/// A calendar date (proleptic Gregorian, years 1 to 9999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a date (YYYY-MM-DD)", self.0)
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// The date `year`-`month`-`day`, if there is one.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// A date as a published report writes it: `2025年1月15日`, `2025-01-15`, `2025.1.15`,
    /// `2025/1/15` (full-width digits too). Nothing else is taken for a date.
    pub fn parse_published(text: &str) -> Option<Date> {
        let folded: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '\u{ff10}'..='\u{ff19}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                c => c,
            })
            .collect();
        let parts: Vec<&str> = match folded.strip_suffix('日') {
            Some(chinese) => chinese.split(['年', '月']).collect(),
            None => folded.split(['-', '.', '/']).collect(),
        };
        let [year, month, day] = parts.as_slice() else {
            return None;
        };
        let number = |s: &str| {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u16>().ok())
                .flatten()
        };
        let (year, month, day) = (number(year)?, number(month)?, number(day)?);
        Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// The date as Chinese documents write it: `2025年1月15日`.
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    /// ISO: `2025-01-15`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// An ISO date, `YYYY-MM-DD`.
    fn from_str(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let iso = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        let date = iso
            .then(|| {
                Date::new(
                    text[..4].parse().ok()?,
                    text[5..7].parse().ok()?,
                    text[8..].parse().ok()?,
                )
            })
            .flatten();
        date.ok_or_else(|| DateError(text.to_owned()))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as \"YYYY-MM-DD\"")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Exactly the dates [`Date`] takes, as a regular expression (validators take `format` as a
/// note only): years 0001 to 9999, each month's days, 29 February in leap years.
pub const DATE_PATTERN: &str = "^(?:(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)$";

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_written() {
        let date = Date::new(2025, 1, 15).unwrap();
        for text in [
            "2025年1月15日",
            "2025-01-15",
            "2025.1.15",
            "2025/01/15",
            "２０２５年１月１５日",
        ] {
            assert_eq!(Date::parse_published(text), Some(date), "{text}");
        }
        for text in [
            "2025年2月30日",
            "2025-13-01",
            "2025年1月",
            "15",
            "2025-01-15x",
            "",
        ] {
            assert_eq!(Date::parse_published(text), None, "{text}");
        }
        assert_eq!(date.to_string(), "2025-01-15");
        assert_eq!(date.chinese(), "2025年1月15日");
        assert_eq!(
            "2024-02-29".parse::<Date>(),
            Ok(Date::new(2024, 2, 29).unwrap())
        );
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2025-1-15".parse::<Date>().is_err());
        let json = serde_json::to_string(&date).unwrap();
        assert_eq!(json, "\"2025-01-15\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), date);
    }
}
