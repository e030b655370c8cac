//! [`ReadForm`]: a form as read from a source, with where each cell came from and what could
//! not be read.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::diagnostic::{Diagnostic, Kind};
use crate::model::pointer;
use crate::read::grid::Position;

/// A form read from a source: its JSON (cells not read are blank), where each cell came from,
/// and what went wrong.
#[derive(Clone, Debug)]
pub struct ReadForm {
    /// The form as JSON, to look into. A whole number read stands in it as itself (a `u64`);
    /// any other as the nearest `f64`, its exact value in [`ReadForm::numbers`], which
    /// [`ReadForm::form_json`] writes.
    pub json: Value,
    /// Every number read that is not a whole `u64` (those are exact in `json`), exact, by the
    /// cell's JSON pointer.
    pub numbers: BTreeMap<String, Decimal>,
    /// Everything that could not be read as declared.
    pub diagnostics: Vec<Diagnostic>,
    /// The source position of every cell read (also of one whose text was not a value), by the
    /// cell's JSON pointer.
    pub positions: BTreeMap<String, Position>,
}

impl ReadForm {
    /// How much of the source did not fit the form: the diagnostics, less those of rows that
    /// were found as cells run together (found, if not read).
    pub fn unmatched(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.kind() != Kind::Run)
            .count()
    }

    /// How many of the form's cells were read from the source (found, whatever their text).
    pub fn cells_read(&self, info: &crate::model::info::FormInfo) -> usize {
        info.cells
            .iter()
            .filter(|c| self.positions.contains_key(&c.pointer))
            .count()
    }

    /// The form's cells as read, in declaration order, as rules see them: a number read, a
    /// mark, else blank (repeated rows' columns, which a whole form sums, blank too).
    pub fn slots(&self, info: &crate::model::info::FormInfo) -> Vec<crate::model::cell::Slot> {
        use crate::model::cell::{Mark, Slot, ValueKind};
        use crate::model::num::Num;
        info.cells
            .iter()
            .map(|cell| {
                if cell.rows.is_some() {
                    return Slot::Blank;
                }
                if let Some(n) = self.numbers.get(&cell.pointer) {
                    // A count is an integer to the rules, as its typed cell would give it.
                    let integer = (cell.kind != ValueKind::Amount && n.fract().is_zero())
                        .then(|| n.normalize().to_string().parse::<i128>().ok())
                        .flatten();
                    return Slot::Num(integer.map_or(Num::Dec(*n), Num::Int));
                }
                match self.json.pointer(&cell.pointer) {
                    // A whole number read is in the JSON as itself.
                    Some(Value::Number(n)) => match (n.as_u64(), cell.kind) {
                        (Some(whole), ValueKind::Amount) => Slot::Num(Num::Dec(whole.into())),
                        (Some(whole), _) => Slot::Num(Num::Int(whole.into())),
                        (None, _) => Slot::Blank,
                    },
                    Some(Value::String(mark)) => {
                        Mark::parse(mark).map_or(Slot::Blank, Slot::NotApplicable)
                    }
                    _ => Slot::Blank,
                }
            })
            .collect()
    }

    /// The form as JSON text, every number exactly as read: what deserialises into the form.
    pub fn form_json(&self) -> String {
        let mut out = String::new();
        let mut at = String::new();
        write(&self.json, &mut at, &self.numbers, &mut out);
        out
    }
}

/// Writes `value` as JSON, each number at a pointer of `numbers` as its exact decimal. `at` is
/// the pointer of `value`, extended in place as the walk goes down (a reading's JSON is written
/// once per report: no string is made per key).
fn write(value: &Value, at: &mut String, numbers: &BTreeMap<String, Decimal>, out: &mut String) {
    match value {
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                let len = at.len();
                pointer::push_onto(at, key);
                write(item, at, numbers, out);
                at.truncate(len);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let len = at.len();
                {
                    use std::fmt::Write;
                    let _ = write!(at, "/{i}");
                }
                write(item, at, numbers, out);
                at.truncate(len);
            }
            out.push(']');
        }
        Value::Number(number) => {
            use std::fmt::Write;
            // An integer stands for itself (the reader puts one only for a whole number
            // written without decimals or sign); a float for the exact decimal read there.
            let exact = match number.is_f64() {
                true => numbers.get(at.as_str()),
                false => None,
            };
            let _ = match exact {
                Some(exact) => write!(out, "{exact}"),
                None => write!(out, "{number}"),
            };
        }
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::String(text) => write_string(text, out),
    }
}

/// Writes `text` as a JSON string: as it is where nothing in it needs escaping (keys and most
/// text), else through serde_json.
fn write_string(text: &str, out: &mut String) {
    if text.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&Value::String(text.to_owned()).to_string());
    }
}

/// Sets the value at the path `keys` of `json`, making the objects on the way; in an array
/// (repeated rows), a key is the element's index, and the elements up to it are made.
pub(crate) fn set(json: &mut Value, keys: &[&str], value: Value) {
    // Mostly the place is there already (a reading starts from every cell blank): one lookup
    // per key.
    if keys.is_empty() {
        return;
    }
    if let Some(slot) = existing(json, keys) {
        *slot = value;
        return;
    }
    let mut at = json;
    for (i, key) in keys.iter().enumerate() {
        let last = i + 1 == keys.len();
        if let Value::Array(items) = at {
            // Indices come from the reader's own count of rows, never beyond `MAX_ROWS`.
            let Ok(index) = key.parse::<usize>() else {
                return;
            };
            if index >= crate::model::rows::MAX_ROWS {
                return;
            }
            while items.len() <= index {
                items.push(Value::Object(Map::new()));
            }
            if last {
                items[index] = value;
                return;
            }
            at = &mut items[index];
            continue;
        }
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        let Value::Object(map) = at else {
            return;
        };
        if last {
            match map.get_mut(*key) {
                Some(slot) => *slot = value,
                None => {
                    map.insert((*key).to_owned(), value);
                }
            }
            return;
        }
        // The key is allocated only when the object does not have it yet.
        if !map.contains_key(*key) {
            map.insert((*key).to_owned(), Value::Object(Map::new()));
        }
        let Some(next) = map.get_mut(*key) else {
            return;
        };
        at = next;
    }
}

/// The value at the path `keys` of `json` through objects only, when it is there.
fn existing<'v>(json: &'v mut Value, keys: &[&str]) -> Option<&'v mut Value> {
    let mut at = json;
    for key in keys {
        at = match at {
            Value::Object(map) => map.get_mut(*key)?,
            _ => return None,
        };
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_json_keeps_every_digit() {
        let mut json = serde_json::json!({"t": {"fee": 0.0, "n": 3}, "x": "a\"b"});
        let fee: Decimal = "96171.60".parse().unwrap();
        json["t"]["fee"] = serde_json::json!(96171.6);
        let read = ReadForm {
            json,
            numbers: [("/t/fee".to_owned(), fee)].into(),
            diagnostics: Vec::new(),
            positions: BTreeMap::new(),
        };
        let text = read.form_json();
        assert_eq!(text, r#"{"t":{"fee":96171.60,"n":3},"x":"a\"b"}"#);
    }
}

/// The cells of a form's JSON text as rules see them (what `read` wrote of a report that was
/// not read whole): every number exactly as written, through [`ReadForm::slots`].
pub fn slots_of_json(
    info: &crate::model::info::FormInfo,
    text: &str,
) -> Vec<crate::model::cell::Slot> {
    let mut numbers = BTreeMap::new();
    exact_numbers(text, &mut String::new(), &mut numbers);
    let form = ReadForm {
        json: serde_json::from_str(text).unwrap_or(Value::Null),
        numbers,
        diagnostics: Vec::new(),
        positions: BTreeMap::new(),
    };
    form.slots(info)
}

/// Every number of JSON `text`, by its pointer, as written (objects and arrays walked through
/// their raw text, so no number passes through `f64`). Depth is serde_json's own bound.
fn exact_numbers(text: &str, at: &mut String, out: &mut BTreeMap<String, Decimal>) {
    use serde_json::value::RawValue;
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        if let Ok(map) = serde_json::from_str::<BTreeMap<String, &RawValue>>(text) {
            for (key, value) in map {
                let len = at.len();
                *at = pointer::push(at, &key);
                exact_numbers(value.get(), at, out);
                at.truncate(len);
            }
        }
    } else if trimmed.starts_with('[') {
        if let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(text) {
            for (i, value) in items.into_iter().enumerate() {
                let len = at.len();
                *at = pointer::push(at, &i.to_string());
                exact_numbers(value.get(), at, out);
                at.truncate(len);
            }
        }
    } else if let Ok(n) = trimmed.trim_end().parse::<Decimal>() {
        out.insert(at.clone(), n);
    }
}
