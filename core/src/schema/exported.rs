//! A report checked against a form known only by its exported schema: each rule of
//! `x-baobiao-rules` decided by its JSON Logic ([`super::apply`], exact). What
//! `baobiao check --schema FILE` does for a form no one compiled in.

use serde_json::Value;

use crate::schema::apply::{LogicError, apply};
use crate::schema::exact::Exact;

/// How one exported rule instance ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It holds.
    Pass,
    /// It does not.
    Fail,
    /// It cannot be decided (a blank result, a blank condition).
    NotAssessable,
}

/// One exported rule instance and how it ended.
#[derive(Clone, Debug)]
pub struct Decision<'s> {
    /// The rule's id.
    pub id: &'s str,
    /// `error`, `warning` or `info`.
    pub severity: &'s str,
    /// The official wording.
    pub message: &'s str,
    /// The wording in English.
    pub message_en: &'s str,
    /// Where in the form, as labels.
    pub at: Vec<&'s str>,
    /// The cells it reads, as JSON pointers.
    pub cells: Vec<&'s str>,
    /// How it ended.
    pub verdict: Verdict,
}

/// Why a schema's rules could not be run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportedError {
    /// The schema has no `x-baobiao-rules` array.
    NoRules,
    /// A rule is not as baobiao exports them.
    Malformed(usize),
    /// A rule's logic could not be evaluated over the report (a value of the wrong type).
    Logic {
        /// The rule's id.
        id: String,
        /// Why.
        error: LogicError,
    },
}

impl core::fmt::Display for ExportedError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ExportedError::NoRules => {
                f.write_str("the schema has no x-baobiao-rules: not one baobiao exported")
            }
            ExportedError::Malformed(i) => write!(
                f,
                "rule {i} of x-baobiao-rules is not as baobiao exports rules"
            ),
            ExportedError::Logic { id, error } => {
                write!(
                    f,
                    "rule {id} cannot be decided over this report: {}",
                    error.0
                )
            }
        }
    }
}

impl std::error::Error for ExportedError {}

/// Decides every rule of `schema` over `report`, in the schema's order.
pub fn decide<'s>(schema: &'s Value, report: &Exact) -> Result<Vec<Decision<'s>>, ExportedError> {
    let rules = schema
        .get("x-baobiao-rules")
        .and_then(Value::as_array)
        .ok_or(ExportedError::NoRules)?;
    let mut decisions = Vec::with_capacity(rules.len());
    for (i, rule) in rules.iter().enumerate() {
        let text = |key: &str| rule.get(key).and_then(Value::as_str);
        let texts = |key: &str| -> Option<Vec<&'s str>> {
            rule.get(key)?
                .as_array()?
                .iter()
                .map(Value::as_str)
                .collect()
        };
        let (Some(id), Some(severity), Some(message), Some(logic)) = (
            text("id"),
            text("severity"),
            text("message"),
            rule.get("logic"),
        ) else {
            return Err(ExportedError::Malformed(i));
        };
        let outcome = apply(logic, report).map_err(|error| ExportedError::Logic {
            id: id.to_owned(),
            error,
        })?;
        let verdict = match outcome.as_str() {
            Some("pass") => Verdict::Pass,
            Some("fail") => Verdict::Fail,
            Some("not_assessable") => Verdict::NotAssessable,
            _ => return Err(ExportedError::Malformed(i)),
        };
        decisions.push(Decision {
            id,
            severity,
            message,
            message_en: text("message_en").unwrap_or(message),
            at: texts("at").unwrap_or_default(),
            cells: texts("cells").unwrap_or_default(),
            verdict,
        });
    }
    Ok(decisions)
}
