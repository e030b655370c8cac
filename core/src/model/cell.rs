//! Cell values: what one cell of a report form holds.
//!
//! A published report writes a number, leaves the cell empty, or writes a mark such as `/`, `—`
//! or `无`. These are different facts, so [`Cell`] keeps them apart: a blank is never a 0.
//! Counts are `u64` (exact, non-negative by type); amounts are [`Decimal`] (exact, never `f64`).
//!
//! JSON form: a number is a value, `null` is a blank, and a string holding one of the
//! not-applicable marks is [`Cell::NotApplicable`]. Anything else is a deserialisation error
//! that says what was expected.

use core::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use crate::check::acc::Acc;
use crate::model::num::Num;

/// One cell of a form: a value, a blank, or a not-applicable mark.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Cell<T> {
    /// A number as written.
    Value(T),
    /// Nothing written (JSON `null`).
    #[default]
    Blank,
    /// A mark saying "not applicable", kept as written.
    NotApplicable(Mark),
}

/// A count of cases, documents or applications: an exact non-negative integer.
pub type Count = Cell<u64>;

/// An amount of money or another measured quantity: an exact decimal, in the unit its field
/// declares (e.g. `万元`).
pub type Amount = Cell<Decimal>;

/// A count that a form allows to be negative (e.g. the 2019 form's `本年增/减`).
pub type SignedCount = Cell<i64>;

impl<T> Cell<T> {
    /// The value, if the cell holds one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Cell::Value(v) => Some(v),
            _ => None,
        }
    }

    /// True for [`Cell::Blank`] and [`Cell::NotApplicable`]: nothing to compute with.
    pub fn is_empty(&self) -> bool {
        !matches!(self, Cell::Value(_))
    }
}

impl<T> From<T> for Cell<T> {
    fn from(value: T) -> Self {
        Cell::Value(value)
    }
}

/// A not-applicable mark, as published reports write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// `/`
    Slash,
    /// `-` (ASCII hyphen-minus)
    Hyphen,
    /// `－` (full-width hyphen-minus)
    FullwidthHyphen,
    /// `—` (em dash)
    EmDash,
    /// `——` (two em dashes)
    DoubleEmDash,
    /// `无`
    Wu,
}

impl Mark {
    /// Every mark, in the order they are listed to users.
    pub const ALL: [Mark; 6] = [
        Mark::Slash,
        Mark::Hyphen,
        Mark::FullwidthHyphen,
        Mark::EmDash,
        Mark::DoubleEmDash,
        Mark::Wu,
    ];

    /// The mark as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Slash => "/",
            Mark::Hyphen => "-",
            Mark::FullwidthHyphen => "－",
            Mark::EmDash => "—",
            Mark::DoubleEmDash => "——",
            Mark::Wu => "无",
        }
    }

    /// Reads a mark; surrounding white space is ignored, nothing else is.
    pub fn parse(text: &str) -> Option<Mark> {
        let text = text.trim();
        Mark::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of number a cell holds; carried into form descriptions and schemas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A non-negative integer (`u64`).
    Count,
    /// A signed integer (`i64`).
    SignedCount,
    /// An exact decimal.
    Amount,
}

impl ValueKind {
    /// Every kind.
    pub const ALL: [ValueKind; 3] = [ValueKind::Count, ValueKind::SignedCount, ValueKind::Amount];

    /// The kind as one bit of a mask.
    pub const fn bit(self) -> u8 {
        match self {
            ValueKind::Count => 1,
            ValueKind::SignedCount => 2,
            ValueKind::Amount => 4,
        }
    }

    /// The smallest value the type itself admits, if any: a `range(min = ..)` at or below it
    /// always holds and need not be evaluated.
    pub fn type_minimum(self) -> Option<Num> {
        match self {
            ValueKind::Count => Some(Num::Int(0)),
            ValueKind::SignedCount => Some(Num::Int(i64::MIN.into())),
            ValueKind::Amount => None,
        }
    }
}

/// A number type that can sit in a [`Cell`].
pub trait CellValue: Sized + Clone + fmt::Display {
    /// The kind recorded in form descriptions.
    const KIND: ValueKind;
    /// What a user must write, for error messages.
    const EXPECTED: &'static str;
    /// Reads the value from a JSON number written as `text`.
    fn from_json_number(text: &str) -> Result<Self, String>;
    /// The value for rule arithmetic.
    fn to_num(&self) -> Num;
    /// Adds (or subtracts) a cell of this type into a side of a rule instance (the check's
    /// hot path): its value, or, for a blank or not-applicable cell, only the count of blanks.
    fn add_cell(cell: &Cell<Self>, acc: &mut Acc, negative: bool);
    /// Writes the value as a JSON number, digits as they are held.
    fn serialize_number<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// `to_num` and `add_cell` of the integer cell types: exact in i128, the fast path of sums.
macro_rules! integer_arithmetic {
    () => {
        fn to_num(&self) -> Num {
            Num::Int(i128::from(*self))
        }
        #[inline(always)]
        fn add_cell(cell: &Cell<Self>, acc: &mut Acc, negative: bool) {
            match cell {
                Cell::Value(v) => acc.add_cell_int(i128::from(*v), negative),
                _ => acc.count_blank(),
            }
        }
    };
}

impl CellValue for u64 {
    const KIND: ValueKind = ValueKind::Count;
    const EXPECTED: &'static str = "a non-negative integer, null for a blank cell, or a not-applicable mark (\"/\", \"—\", \"无\")";
    fn from_json_number(text: &str) -> Result<Self, String> {
        if text.starts_with('-') {
            return Err(format!("{text} is negative; a count cannot be"));
        }
        if text.contains(['.', 'e', 'E']) {
            return Err(format!("{text} is not a whole number"));
        }
        text.parse::<u64>()
            .map_err(|_| format!("{text} is larger than the largest count ({})", u64::MAX))
    }
    integer_arithmetic!();
    fn serialize_number<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(*self)
    }
}

impl CellValue for i64 {
    const KIND: ValueKind = ValueKind::SignedCount;
    const EXPECTED: &'static str =
        "an integer, null for a blank cell, or a not-applicable mark (\"/\", \"—\", \"无\")";
    fn from_json_number(text: &str) -> Result<Self, String> {
        if text.contains(['.', 'e', 'E']) {
            return Err(format!("{text} is not a whole number"));
        }
        text.parse::<i64>()
            .map_err(|_| format!("{text} is outside the range of a signed count"))
    }
    integer_arithmetic!();
    fn serialize_number<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(*self)
    }
}

impl CellValue for Decimal {
    const KIND: ValueKind = ValueKind::Amount;
    const EXPECTED: &'static str =
        "a decimal number, null for a blank cell, or a not-applicable mark (\"/\", \"—\", \"无\")";
    fn from_json_number(text: &str) -> Result<Self, String> {
        let parsed = if text.contains(['e', 'E']) {
            Decimal::from_scientific(text)
        } else {
            text.parse::<Decimal>()
        };
        parsed.map_err(|_| format!("{text} cannot be held exactly as a decimal"))
    }
    fn to_num(&self) -> Num {
        Num::Dec(*self)
    }
    #[inline]
    fn add_cell(cell: &Cell<Self>, acc: &mut Acc, negative: bool) {
        match cell {
            Cell::Value(v) => acc.add_cell_num(Num::Dec(*v), negative),
            _ => acc.count_blank(),
        }
    }
    fn serialize_number<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // With serde_json's `arbitrary_precision` a `Number` parsed from text writes that text
        // unchanged, so `96171.60` stays `96171.60` and never passes through f64.
        let text = self.to_string();
        match text.parse::<serde_json::Number>() {
            Ok(number) => number.serialize(serializer),
            Err(_) => serializer.serialize_str(&text),
        }
    }
}

impl<T: CellValue> Cell<T> {
    /// The cell as rule arithmetic sees it.
    pub fn slot(&self) -> Slot {
        match self {
            Cell::Value(v) => Slot::Num(v.to_num()),
            Cell::Blank => Slot::Blank,
            Cell::NotApplicable(m) => Slot::NotApplicable(*m),
        }
    }
}

/// A cell reduced to what rules need: a number, or why there is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A number.
    Num(Num),
    /// A blank cell.
    Blank,
    /// A not-applicable mark.
    NotApplicable(Mark),
}

impl Slot {
    /// The number, if there is one.
    pub fn num(self) -> Option<Num> {
        match self {
            Slot::Num(n) => Some(n),
            _ => None,
        }
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Slot::Num(n) => n.fmt(f),
            Slot::Blank => f.write_str("空白"),
            Slot::NotApplicable(m) => m.fmt(f),
        }
    }
}

impl<T: CellValue> Serialize for Cell<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Value(v) => v.serialize_number(serializer),
            Cell::Blank => serializer.serialize_none(),
            Cell::NotApplicable(m) => serializer.serialize_str(m.as_str()),
        }
    }
}

impl<'de, T: CellValue> Deserialize<'de> for Cell<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Going through `serde_json::Value` keeps a number's text exactly as written (the
        // workspace enables serde_json's `arbitrary_precision`), so amounts never pass through
        // f64 and out-of-range counts are reported as such rather than rounded.
        let value = serde_json::Value::deserialize(deserializer)?;
        match value {
            serde_json::Value::Null => Ok(Cell::Blank),
            serde_json::Value::Number(n) => T::from_json_number(&n.to_string())
                .map(Cell::Value)
                .map_err(|why| de::Error::custom(format_args!("{why}; expected {}", T::EXPECTED))),
            serde_json::Value::String(s) => match Mark::parse(&s) {
                Some(mark) => Ok(Cell::NotApplicable(mark)),
                None => Err(de::Error::custom(format_args!(
                    "found the string {s:?}; expected {}",
                    T::EXPECTED
                ))),
            },
            other => Err(de::Error::custom(format_args!(
                "found {}; expected {}",
                json_kind(&other),
                T::EXPECTED
            ))),
        }
    }
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: CellValue>(json: &str) -> Result<Cell<T>, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn null_is_blank_and_zero_is_a_value() {
        assert_eq!(read::<u64>("null"), Ok(Cell::Blank));
        assert_eq!(read::<u64>("0"), Ok(Cell::Value(0)));
        assert_ne!(read::<u64>("null"), read::<u64>("0"));
    }

    #[test]
    fn marks_are_kept_as_written() {
        for mark in Mark::ALL {
            let json = serde_json::to_string(mark.as_str()).unwrap();
            assert_eq!(read::<u64>(&json), Ok(Cell::NotApplicable(mark)));
            let back = serde_json::to_string(&Cell::<u64>::NotApplicable(mark)).unwrap();
            assert_eq!(back, json);
        }
    }

    #[test]
    fn counts_reject_what_is_not_a_count() {
        assert!(read::<u64>("-3").unwrap_err().contains("negative"));
        assert!(
            read::<u64>("1.5")
                .unwrap_err()
                .contains("not a whole number")
        );
        assert!(read::<u64>("\"abc\"").unwrap_err().contains("\"abc\""));
        assert!(read::<u64>("true").unwrap_err().contains("boolean"));
        let huge = read::<u64>("18446744073709551616").unwrap_err();
        assert!(huge.contains("larger than the largest count"), "{huge}");
        assert_eq!(
            read::<u64>("18446744073709551615"),
            Ok(Cell::Value(u64::MAX))
        );
    }

    #[test]
    fn amounts_keep_their_digits() {
        let cell = read::<Decimal>("96171.60").unwrap();
        assert_eq!(cell.value().unwrap().to_string(), "96171.60");
        let exact = read::<Decimal>("0.1").unwrap();
        let three = read::<Decimal>("0.3").unwrap();
        let sum = *exact.value().unwrap() + *exact.value().unwrap() + *exact.value().unwrap();
        assert_eq!(&sum, three.value().unwrap());
        assert_eq!(serde_json::to_string(&cell).unwrap(), "96171.60");
    }
}
