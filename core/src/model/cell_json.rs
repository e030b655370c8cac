//! A cell's JSON form, exact in both directions without changing anyone's serde_json.
//!
//! Reading: a cell asks the deserializer for its value as written, through serde_json's
//! raw-value protocol (the `raw_value` feature, which only adds that protocol): from
//! `serde_json::from_str`, `from_slice` or `from_reader` it receives the number's own text
//! (`96171.60`, `18446744073709551616`), so nothing passes through `f64` and a count too large
//! for `u64` is reported as such. A deserializer that does not speak the protocol hands the
//! value over as usual; a `serde_json::Value` holds decimals as `f64` unless some crate in the
//! build enables `arbitrary_precision`, and a cell then reads what the `Value` holds.
//!
//! Writing: counts are integers; an amount is written as its decimal text, through the same
//! protocol, so `96171.60` stays `96171.60`.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::model::cell::{Cell, CellValue, Mark, Slot};
use crate::model::num::Num;

/// serde_json's name for a value as written.
const RAW: &str = "$serde_json::private::RawValue";
/// serde_json's name for a number as written, when `arbitrary_precision` is on.
const NUMBER: &str = "$serde_json::private::Number";

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
        deserializer.deserialize_newtype_struct(RAW, CellVisitor(PhantomData))
    }
}

/// Writes `text`, a number's exact decimal form, as a JSON number.
pub(crate) fn exact_number<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match serde_json::value::RawValue::from_string(text.to_owned()) {
        Ok(raw) => raw.serialize(serializer),
        Err(_) => serializer.serialize_str(text),
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Num::Int(i) => serializer.serialize_i128(*i),
            Num::Dec(d) => exact_number(&d.to_string(), serializer),
        }
    }
}

impl Serialize for Slot {
    /// As the cell was written: its number, `null` for a blank, or the mark.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Slot::Num(n) => n.serialize(serializer),
            Slot::Blank => serializer.serialize_none(),
            Slot::NotApplicable(m) => serializer.serialize_str(m.as_str()),
            // Not a value a report holds: said in words, never as a number it is not.
            Slot::Overflow => serializer.serialize_str("overflow"),
        }
    }
}

struct CellVisitor<T>(PhantomData<T>);

impl<T: CellValue> CellVisitor<T> {
    fn number<E: de::Error>(text: &str) -> Result<Cell<T>, E> {
        T::from_json_number(text)
            .map(Cell::Value)
            .map_err(|why| E::custom(format_args!("{why}; expected {}", T::EXPECTED)))
    }

    fn found<E: de::Error>(what: &str) -> E {
        E::custom(format_args!("found {what}; expected {}", T::EXPECTED))
    }

    fn string<E: de::Error>(text: &str) -> Result<Cell<T>, E> {
        Mark::parse(text)
            .map(Cell::NotApplicable)
            .ok_or_else(|| Self::found(&format!("the string {text:?}")))
    }

    /// A value as written in JSON.
    fn raw<E: de::Error>(raw: &str) -> Result<Cell<T>, E> {
        let raw = raw.trim();
        match raw.as_bytes().first() {
            Some(b'"') => {
                let text: String = serde_json::from_str(raw).map_err(E::custom)?;
                Self::string(&text)
            }
            Some(b'n') => Ok(Cell::Blank),
            Some(b't' | b'f') => Err(Self::found("a boolean")),
            Some(b'[') => Err(Self::found("an array")),
            Some(b'{') => Err(Self::found("an object")),
            _ => Self::number(raw),
        }
    }
}

impl<'de, T: CellValue> Visitor<'de> for CellVisitor<T> {
    type Value = Cell<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Cell<T>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Cell<T>, E> {
        Ok(Cell::Blank)
    }

    fn visit_none<E: de::Error>(self) -> Result<Cell<T>, E> {
        Ok(Cell::Blank)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Cell<T>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell<T>, E> {
        Self::number(&v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell<T>, E> {
        Self::number(&v.to_string())
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Cell<T>, E> {
        Self::number(&v.to_string())
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Cell<T>, E> {
        Self::number(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell<T>, E> {
        // Only from a deserializer that holds numbers as f64: its shortest exact form.
        Self::number(&v.to_string())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Cell<T>, E> {
        Err(Self::found("a boolean"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell<T>, E> {
        Self::string(v)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Cell<T>, A::Error> {
        Err(Self::found("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell<T>, A::Error> {
        let key: Option<Text<'de>> = map.next_key_seed(TextSeed)?;
        match key.as_deref() {
            Some(RAW) => Self::raw(&map.next_value_seed(TextSeed)?),
            Some(NUMBER) => Self::number(&map.next_value_seed(TextSeed)?),
            _ => Err(Self::found("an object")),
        }
    }
}

/// A string as the deserializer hands it over: borrowed from the input where it can be (a
/// cell's raw text, from `serde_json::from_str`), so that reading a form makes no string per
/// cell.
type Text<'de> = std::borrow::Cow<'de, str>;

struct TextSeed;

impl<'de> de::DeserializeSeed<'de> for TextSeed {
    type Value = Text<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Text<'de>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for TextSeed {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
        Ok(Text::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
        Ok(Text::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'de>, E> {
        Ok(Text::Owned(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

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
        assert!(
            read::<u64>("1e3")
                .unwrap_err()
                .contains("not a whole number")
        );
        assert!(read::<u64>("\"abc\"").unwrap_err().contains("\"abc\""));
        assert!(read::<u64>("true").unwrap_err().contains("boolean"));
        assert!(read::<u64>("[1]").unwrap_err().contains("an array"));
        assert!(read::<u64>("{\"a\": 1}").unwrap_err().contains("an object"));
        let huge = read::<u64>("18446744073709551616").unwrap_err();
        assert!(huge.contains("larger than the largest count"), "{huge}");
        assert_eq!(
            read::<u64>("18446744073709551615"),
            Ok(Cell::Value(u64::MAX))
        );
    }

    #[test]
    fn exponents_and_digits_beyond_a_decimal_are_refused() {
        let error = read::<Decimal>("1e3").unwrap_err();
        assert!(error.contains("write its digits (1000)"), "{error}");
        let error = read::<Decimal>("0.000000000000000000000000000001").unwrap_err();
        assert!(error.contains("more significant digits"), "{error}");
        assert!(read::<u64>("1e3").is_err());
    }

    #[test]
    fn amounts_keep_every_digit() {
        let cell = read::<Decimal>("96171.60").unwrap();
        assert_eq!(cell.value().unwrap().to_string(), "96171.60");
        assert_eq!(serde_json::to_string(&cell).unwrap(), "96171.60");
        // Beyond f64: 27 significant digits, kept.
        let long = read::<Decimal>("1234567890123.45678901234567").unwrap();
        assert_eq!(
            serde_json::to_string(&long).unwrap(),
            "1234567890123.45678901234567"
        );
        let exact = read::<Decimal>("0.1").unwrap();
        let three = read::<Decimal>("0.3").unwrap();
        let sum = *exact.value().unwrap() + *exact.value().unwrap() + *exact.value().unwrap();
        assert_eq!(&sum, three.value().unwrap());
    }

    #[test]
    fn from_a_value_and_inside_options() {
        let from_value: Cell<u64> = serde_json::from_value(serde_json::json!(12)).unwrap();
        assert_eq!(from_value, Cell::Value(12));
        let blank: Cell<u64> = serde_json::from_value(serde_json::Value::Null).unwrap();
        assert_eq!(blank, Cell::Blank);
        let optional: Option<Cell<u64>> = serde_json::from_str("7").unwrap();
        assert_eq!(optional, Some(Cell::Value(7)));
    }

    #[test]
    fn errors_keep_their_place() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Row {
            a: Cell<u64>,
            b: Cell<u64>,
        }
        let err = serde_json::from_str::<Row>("{\n  \"a\": -1,\n  \"b\": 2\n}").unwrap_err();
        assert_eq!(
            (err.line(), err.classify()),
            (2, serde_json::error::Category::Data)
        );
        assert!(err.to_string().contains("negative"), "{err}");
    }
}
