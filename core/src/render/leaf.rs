//! A value of the form as a report writes it, by what it is: a number with every digit it
//! holds, text as it is, `是`/`否`, a choice as the template's check boxes (`☑部门网站 □专项网站`)
//! or its label, a date as `2025年1月15日`. What the readers take back.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::cell::Slot;
use crate::model::choice::{ChoiceOption, boxes};
use crate::model::date::Date;
use crate::model::lang::Lang;
use crate::model::layout::{LayoutCell, LeafKind};
use crate::model::words::{NO, YES};

/// The values of a filled form: its cells typed (every digit as held), the rest as JSON.
pub(crate) struct Values<'a> {
    /// The cells of the form's rules, by JSON pointer.
    pub(crate) slots: BTreeMap<&'a str, Slot>,
    /// The cells of each element of repeated rows, by JSON pointer.
    pub(crate) rows: BTreeMap<String, Slot>,
    /// The form as JSON.
    pub(crate) json: &'a Value,
    /// The language dates are written in.
    pub(crate) lang: Lang,
}

impl Values<'_> {
    /// True when the form leaves the value at `pointer` out altogether (a cell that may be
    /// absent and is), which a blank does not.
    pub(crate) fn absent(&self, pointer: &str) -> bool {
        self.json.pointer(pointer).is_none()
    }

    /// How many elements the repeated rows at `pointer` have.
    pub(crate) fn rows(&self, pointer: &str) -> usize {
        self.json
            .pointer(pointer)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }

    /// The text of `cell` as a report writes it.
    pub(crate) fn text(&self, cell: &LayoutCell) -> String {
        let value = self.json.pointer(&cell.pointer);
        match cell.kind {
            LeafKind::Number(_) => self
                .slots
                .get(cell.pointer.as_str())
                .or_else(|| self.rows.get(&cell.pointer))
                .map_or_else(String::new, |&slot| cell_text(slot)),
            LeafKind::Integer | LeafKind::Text => value_text(value),
            LeafKind::Flag => match value {
                Some(Value::Bool(true)) => YES[0].to_owned(),
                Some(Value::Bool(false)) => NO[0].to_owned(),
                _ => String::new(),
            },
            LeafKind::Choice => {
                let chosen: Vec<usize> = value
                    .and_then(Value::as_str)
                    .and_then(|key| position(cell.options, key))
                    .into_iter()
                    .collect();
                choices_text(cell, &chosen)
            }
            LeafKind::Choices => {
                let chosen: Vec<usize> = value
                    .and_then(Value::as_array)
                    .map(|keys| {
                        keys.iter()
                            .filter_map(|k| position(cell.options, k.as_str()?))
                            .collect()
                    })
                    .unwrap_or_default();
                choices_text(cell, &chosen)
            }
            LeafKind::Date => match value.and_then(Value::as_str).map(str::parse::<Date>) {
                Some(Ok(date)) if self.lang == Lang::Zh => date.chinese(),
                Some(Ok(date)) => date.to_string(),
                _ => value_text(value),
            },
        }
    }
}

fn position(options: &[ChoiceOption], key: &str) -> Option<usize> {
    options.iter().position(|o| o.key == key)
}

fn choices_text(cell: &LayoutCell, chosen: &[usize]) -> String {
    if cell.plain {
        chosen
            .iter()
            .map(|&i| cell.options[i].label)
            .collect::<Vec<_>>()
            .join("、")
    } else {
        boxes(cell.options, chosen)
    }
}

/// The value of a field as written in the serialised form: a string as it is, a number's
/// digits, nothing for `null`.
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A cell's text as written: its number with every digit it holds (`96171.60`), empty for a
/// blank, or the mark.
pub fn cell_text(cell: Slot) -> String {
    match cell {
        Slot::Blank => String::new(),
        other => other.to_string(),
    }
}
