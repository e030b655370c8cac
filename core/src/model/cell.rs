//! Cell values: what one cell of a report form holds.
//!
//! A published report writes a number, leaves the cell empty, or writes a mark such as `/`, `—`
//! or `无`. These are different facts, so [`Cell`] keeps them apart: a blank is never a 0.
//! Counts are `u64` (exact, non-negative by type); amounts are [`Decimal`] (exact, never `f64`).
//!
//! JSON form ([`crate::model::cell_json`]): a number is a value, `null` is a blank, and a
//! string holding one of the not-applicable marks is [`Cell::NotApplicable`]. Anything else is
//! a deserialisation error that says what was expected.

use core::fmt;

use rust_decimal::Decimal;
use serde::ser::Serializer;

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
        // A number as a report writes it: its digits. An exponent is refused, not expanded,
        // and digits a decimal cannot hold are refused, not rounded.
        if let Some(exact) = text
            .contains(['e', 'E'])
            .then(|| Decimal::from_scientific(text).ok())
            .flatten()
        {
            return Err(format!(
                "{text} is written with an exponent; write its digits ({})",
                exact.normalize()
            ));
        }
        let parsed = text
            .parse::<Decimal>()
            .map_err(|_| format!("{text} cannot be held exactly as a decimal"))?;
        let places = text.split_once('.').map_or(0, |(_, f)| f.len());
        if parsed.scale() as usize != places {
            return Err(format!(
                "{text} has more significant digits (28) than a decimal holds; it would be rounded"
            ));
        }
        Ok(parsed)
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
        // Written as it is held (`96171.60` stays `96171.60`), never through f64.
        crate::model::cell_json::exact_number(&self.to_string(), serializer)
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
    /// A column of repeated rows whose sum is beyond what a decimal holds exactly (more than
    /// 28 significant digits): no cell of a report holds one.
    Overflow,
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

impl Slot {
    /// The cell as people read it in `lang`: the number, the mark, or `空白` / `blank`.
    pub fn describe(self, lang: crate::model::lang::Lang) -> String {
        match self {
            Slot::Blank => lang.pick("空白", "blank").to_owned(),
            Slot::Overflow => lang.pick("超出精确范围", "beyond exact range").to_owned(),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for Slot {
    /// In Chinese: a blank is `空白` ([`Slot::describe`] for English).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Slot::Num(n) => n.fmt(f),
            Slot::Blank => f.write_str("空白"),
            Slot::NotApplicable(m) => m.fmt(f),
            Slot::Overflow => f.write_str("超出精确范围"),
        }
    }
}
