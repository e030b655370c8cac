//! How complete a reading is, in the words a verdict starts with: `读取完整`, or
//! `读取不完整：未找到 3 行，2 个值未能读取`. Counted from the reading's diagnostics, by what
//! each leaves unread.

use serde::Serialize;

use super::form::Diagnostic;
use crate::model::lang::Lang;

/// What of a report was not read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Completeness {
    /// Sections, headings, the title or a field not found.
    pub parts_missing: usize,
    /// Rows of the form not found (or found only as cells run together).
    pub rows_missing: usize,
    /// Values found that could not be read as their cell's (`12条`, a row of 8 values for 7
    /// columns, a row that could be two of the form's).
    pub values_unread: usize,
}

/// What a diagnostic leaves unread, as the verdict counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unread {
    /// A section, heading, the title or a field.
    Part,
    /// A row of the form.
    Row,
    /// A value, or a row's values.
    Value,
}

impl Completeness {
    /// Counts `diagnostics`.
    pub fn of(diagnostics: &[Diagnostic]) -> Completeness {
        let mut c = Completeness::default();
        for d in diagnostics {
            match d.unread() {
                Some(Unread::Row) => c.rows_missing += 1,
                Some(Unread::Part) => c.parts_missing += 1,
                Some(Unread::Value) => c.values_unread += 1,
                None => {}
            }
        }
        c
    }

    /// True when nothing was left unread.
    pub fn is_complete(&self) -> bool {
        *self == Completeness::default()
    }

    /// `读取完整` or `读取不完整：未找到 3 行，…`.
    pub fn describe(&self, lang: Lang) -> String {
        if self.is_complete() {
            return lang.pick("读取完整", "read completely").to_owned();
        }
        let zh = lang == Lang::Zh;
        let mut parts = Vec::new();
        let mut say = |n: usize, zh_text: &str, en_one: &str, en_many: &str| {
            if n > 0 {
                parts.push(match zh {
                    true => zh_text.replace('N', &n.to_string()),
                    false => format!("{n} {}", if n == 1 { en_one } else { en_many }),
                });
            }
        };
        say(
            self.rows_missing,
            "未找到 N 行",
            "row not found",
            "rows not found",
        );
        say(
            self.parts_missing,
            "未找到 N 个部分",
            "part not found",
            "parts not found",
        );
        say(
            self.values_unread,
            "N 处数值未能读取",
            "value not read",
            "values not read",
        );
        match zh {
            true => format!("读取不完整：{}", parts.join("，")),
            false => format!("read incompletely: {}", parts.join(", ")),
        }
    }
}
