//! Rules as portable data: every rule instance as a JSON Logic expression (jsonlogic.com).
//!
//! The expression reads the filled form through `var` paths (keys joined by `.`) and evaluates
//! to `"pass"`, `"fail"` or `"not_assessable"`, with the blank-cell semantics of
//! `check`: a blank (`null`) or not-applicable mark (one of [`Mark::ALL`]) counts as 0
//! as an addend; a blank stated result, or a side blank in every cell, is not assessable.
//! `schemas/README.md` documents the format for other tools.
//!
//! JSON Logic engines compute with floating point: they agree with the Rust check for integers
//! below 2^53, which covers any real report; the Rust check is exact beyond that.

use serde::Serialize;
use serde_json::{Value, json};

use crate::check::condition::When;
use crate::check::op::Op;
use crate::check::rule::{Body, Operand, RuleKind, Severity, Side, Term};
use crate::model::cell::Mark;
use crate::model::info::FormInfo;
use crate::model::num::Num;

/// One rule instance, exported.
#[derive(Clone, Debug, Serialize)]
pub struct ExportedRule {
    /// The rule's stable id.
    pub id: String,
    /// Where it comes from.
    pub kind: RuleKind,
    /// How serious a failure is.
    pub severity: Severity,
    /// The official wording.
    pub message: String,
    /// The wording in English.
    pub message_en: String,
    /// The expression as declared.
    pub expression: String,
    /// Where in the form, as labels.
    pub at: Vec<&'static str>,
    /// The cells it reads, as JSON pointers, in the order of the expression.
    pub cells: Vec<String>,
    /// True when the schema's types already guarantee the rule (a count is never negative).
    pub guaranteed_by_schema: bool,
    /// Where the rule applies only when a yes/no or choice field has a value: that field's
    /// JSON pointer and the value (the logic already tests it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<ExportedWhen>,
    /// How far the sides may differ through the rounding of published values (a rule declared
    /// with `decimals`), as a decimal string; absent when the comparison is exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<String>,
    /// The JSON Logic expression: evaluates to `"pass"`, `"fail"` or `"not_assessable"`.
    pub logic: Value,
}

/// A rule's condition, exported.
#[derive(Clone, Debug, Serialize)]
pub struct ExportedWhen {
    /// JSON pointer of the yes/no or choice field.
    pub pointer: String,
    /// The value that makes the rule apply.
    pub value: Value,
}

/// Every rule instance of a form, exported.
pub fn export(info: &FormInfo) -> Vec<ExportedRule> {
    info.instances
        .iter()
        .map(|instance| {
            let rule = &info.rules[instance.rule];
            let (mut logic, guaranteed) = match &instance.body {
                Body::Compare {
                    lhs,
                    op,
                    rhs,
                    result,
                    tolerance,
                } => (compare(info, lhs, *op, rhs, *result, *tolerance), false),
                Body::Range {
                    cell,
                    min,
                    max,
                    by_type,
                } => (range(info, *cell, *min, *max), *by_type),
            };
            // A range the schema's types guarantee holds whatever its condition.
            if let (Some(when), false) = (&instance.when, guaranteed) {
                logic = conditional(when, logic);
            }
            ExportedRule {
                id: rule.id.clone(),
                kind: rule.kind,
                severity: rule.severity,
                message: rule.message_zh.clone(),
                message_en: rule.message_en.clone(),
                expression: rule.expression.clone(),
                at: instance.at.clone(),
                cells: instance
                    .cells()
                    .into_iter()
                    .map(|c| info.cells[c].pointer.clone())
                    .collect(),
                guaranteed_by_schema: guaranteed,
                tolerance: instance.tolerance().map(|t| t.to_string()),
                when: instance.when.as_ref().map(|w| ExportedWhen {
                    pointer: w.pointer.clone(),
                    value: w.value.clone(),
                }),
                logic,
            }
        })
        .collect()
}

/// A rule that applies only when a field has a value: not assessable while the field is
/// blank (for a number cell, also a not-applicable mark), the rule where it has the value, a
/// pass where it has another.
fn conditional(when: &When, logic: Value) -> Value {
    let field = json!({ "var": when.keys.join(".") });
    if when.value.is_number() {
        let mut blanks = vec![Value::Null];
        blanks.extend(Mark::ALL.iter().map(|m| Value::from(m.as_str())));
        return json!({ "if": [
            { "in": [field.clone(), blanks] }, "not_assessable",
            { "==": [field, when.value.clone()] }, logic,
            "pass",
        ]});
    }
    // Strict equality: loose `==` takes `false` for `null` in some engines.
    json!({ "if": [
        { "===": [field.clone(), null] }, "not_assessable",
        { "===": [field, when.value.clone()] }, logic,
        "pass",
    ]})
}

/// The cell's value: for a column of repeated rows, its sum ([`value`]).
fn var(info: &FormInfo, cell: usize) -> Value {
    if info.cells[cell].rows.is_some() {
        return value(info, cell);
    }
    json!({ "var": info.cells[cell].keys.join(".") })
}

/// What a blank reads as: `null` (or missing) or a not-applicable mark.
fn empties() -> Vec<Value> {
    let mut empty = vec![Value::Null];
    empty.extend(Mark::ALL.iter().map(|m| Value::from(m.as_str())));
    empty
}

/// A column of repeated rows: the array (`[]` where missing) and the column's path in a row.
fn rows_of(info: &FormInfo, cell: usize) -> Option<(Value, String)> {
    let cell = &info.cells[cell];
    let array = cell.rows?;
    let rows = json!({ "var": [cell.keys[..array].join("."), []] });
    Some((rows, cell.keys[array + 1..].join(".")))
}

/// True when the cell is blank (`null`, or missing) or holds a not-applicable mark; for a
/// column of repeated rows, when there are rows and every one is.
fn blank(info: &FormInfo, cell: usize) -> Value {
    if let Some((rows, column)) = rows_of(info, cell) {
        // `all` is false over no rows: no rows sum to 0, not to a blank.
        return json!({ "all": [rows, { "in": [{ "var": column }, empties()] }] });
    }
    json!({ "in": [var(info, cell), empties()] })
}

/// The cell's number, 0 when blank; for a column of repeated rows, the sum of its rows (each
/// blank as 0).
fn value(info: &FormInfo, cell: usize) -> Value {
    if let Some((rows, column)) = rows_of(info, cell) {
        let current = json!({ "var": format!("current.{column}") });
        let addend = json!({ "if": [{ "in": [current.clone(), empties()] }, 0, current] });
        return json!({ "reduce": [rows, { "+": [{ "var": "accumulator" }, addend] }, 0] });
    }
    json!({ "if": [blank(info, cell), 0, var(info, cell)] })
}

fn number(n: Num) -> Value {
    n.to_string()
        .parse::<serde_json::Number>()
        .map_or(Value::Null, Value::Number)
}

fn sum(info: &FormInfo, terms: &[Term]) -> Value {
    let parts: Vec<Value> = terms
        .iter()
        .map(|t| {
            let v = match (t.operand, t.factor) {
                (Operand::Cell(c), None) => value(info, c),
                (Operand::Cell(c), Some(factor)) => {
                    json!({ "*": [number(factor), value(info, c)] })
                }
                (Operand::Const(n), _) => number(n),
            };
            if t.negative { json!({ "-": [v] }) } else { v }
        })
        .collect();
    match parts.len() {
        0 => json!(0),
        1 => parts.into_iter().next().unwrap_or(json!(0)),
        _ => json!({ "+": parts }),
    }
}

fn cells_of(terms: &[Term]) -> Vec<usize> {
    terms
        .iter()
        .filter_map(|t| match t.operand {
            Operand::Cell(c) => Some(c),
            Operand::Const(_) => None,
        })
        .collect()
}

fn compare(
    info: &FormInfo,
    lhs: &[Term],
    op: Op,
    rhs: &[Term],
    result: Option<Side>,
    tolerance: Option<Num>,
) -> Value {
    let mut branches = Vec::new();
    for (side, terms) in [(Side::Lhs, lhs), (Side::Rhs, rhs)] {
        let cells = cells_of(terms);
        if cells.is_empty() {
            continue;
        }
        if result == Some(side) {
            let any: Vec<Value> = cells.iter().map(|&c| blank(info, c)).collect();
            branches.push(json!({ "or": any }));
            branches.push(json!("not_assessable"));
        }
        let all: Vec<Value> = cells.iter().map(|&c| blank(info, c)).collect();
        branches.push(json!({ "and": all }));
        branches.push(json!("not_assessable"));
    }
    let (l, r) = (sum(info, lhs), sum(info, rhs));
    branches.push(match tolerance {
        Some(t) => op.logic_within(json!({ "-": [l, r] }), number(t)),
        None => json!({ op.symbol(): [l, r] }),
    });
    branches.push(json!("pass"));
    branches.push(json!("fail"));
    json!({ "if": branches })
}

fn range(info: &FormInfo, cell: usize, min: Option<Num>, max: Option<Num>) -> Value {
    let mut bounds = Vec::new();
    if let Some(min) = min {
        bounds.push(json!({ ">=": [var(info, cell), number(min)] }));
    }
    if let Some(max) = max {
        bounds.push(json!({ "<=": [var(info, cell), number(max)] }));
    }
    json!({ "if": [
        blank(info, cell), "pass",
        { "and": bounds }, "pass",
        "fail",
    ]})
}

/// A rule between two reports of one reporter, exported (`x-baobiao-period-rules`): its
/// logic reads `{"current": <this period's report>, "previous": <the period before's>}`.
#[derive(Clone, Debug, Serialize)]
pub struct ExportedPeriodRule {
    /// The rule's stable id.
    pub id: String,
    /// How serious a failure is.
    pub severity: Severity,
    /// The official wording.
    pub message: String,
    /// The wording in English.
    pub message_en: String,
    /// The expression as declared: `carried_over == previous.carried_forward`.
    pub expression: String,
    /// One entry per pair of cells.
    pub pairs: Vec<ExportedPair>,
}

/// One cell of a period rule and its counterpart in the previous report.
#[derive(Clone, Debug, Serialize)]
pub struct ExportedPair {
    /// JSON pointer in this period's report.
    pub current: String,
    /// JSON pointer in the previous period's report.
    pub previous: String,
    /// Where in the form, as labels.
    pub at: Vec<&'static str>,
    /// `"pass"` when both are numbers and equal, `"fail"` when they differ,
    /// `"not_assessable"` when either is blank or a not-applicable mark (a blank is not taken
    /// as 0 across two reports).
    pub logic: Value,
}

/// Every period rule of a form, exported.
pub fn export_period(info: &FormInfo) -> Vec<ExportedPeriodRule> {
    info.period_rules
        .iter()
        .map(|rule| {
            ExportedPeriodRule {
            id: rule.id.clone(),
            severity: rule.severity,
            message: rule.message_zh.clone(),
            message_en: rule.message_en.clone(),
            expression: rule.expression.clone(),
            pairs: rule
                .pairs
                .iter()
                .map(|pair| {
                    let path = |root: &str, cell: usize| {
                        json!({ "var": format!("{root}.{}", info.cells[cell].keys.join(".")) })
                    };
                    let (current, previous) =
                        (path("current", pair.current), path("previous", pair.previous));
                    let logic = json!({ "if": [
                        { "or": [
                            { "in": [current.clone(), empties()] },
                            { "in": [previous.clone(), empties()] },
                        ]}, "not_assessable",
                        { "==": [current, previous] }, "pass",
                        "fail",
                    ]});
                    ExportedPair {
                        current: info.cells[pair.current].pointer.clone(),
                        previous: info.cells[pair.previous].pointer.clone(),
                        at: info.cells[pair.current].labels.clone(),
                        logic,
                    }
                })
                .collect(),
        }
        })
        .collect()
}
