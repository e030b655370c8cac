//! Rendering a filled form as the official tables: one layout, several small renderers.
//!
//! [`document`] turns a form (and, after a check, its failures) into a [`Document`]: the
//! report's title, its text sections and its tables as [`Grid`]s of merged cells. Each
//! renderer ([`html`], [`text`], [`markdown`], [`csv`]) only draws that.

pub mod csv;
pub mod docx;
mod grid;
pub mod html;
pub mod markdown;
pub mod text;
pub mod xlsx;

use std::collections::BTreeMap;

use serde::Serialize;

mod leaf;

pub use grid::{CellKind, Failure, Grid, GridBlock, GridCell};

use grid::grid;
use leaf::{Values, value_text};

use crate::check::findings::{Found, Violation};
use crate::check::report::Report;
use crate::model::cell::Slot;
use crate::model::form::Form;
use crate::model::info::FormInfo;
use crate::model::lang::Lang;
use crate::model::layout::{LayoutCell, RowNode, Table};
use crate::model::node::{NodeKind, Role};

/// A part of a rendered report, in declaration order.
#[derive(Clone, Debug)]
pub enum Part {
    /// A metadata field (a year, an agency): label and value.
    Meta {
        /// The field's label.
        label: String,
        /// Its value.
        value: String,
    },
    /// A narrative section.
    Text {
        /// The section heading; none for the text under the title (a preamble), which the
        /// template gives no heading.
        label: Option<String>,
        /// The text as written.
        text: String,
    },
    /// A table, with the failures of the rules that read it.
    Table {
        /// The table.
        grid: Grid,
        /// One line per failed rule instance: `RULE-ID  wording（位置）：期望 …，实际 …`.
        summary: Vec<String>,
    },
}

/// Why an Office file could not be written (what the writer underneath said).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteError {
    /// `XLSX` or `DOCX`.
    pub format: &'static str,
    /// What the writer said.
    pub detail: String,
}

impl core::fmt::Display for WriteError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "cannot write the {} file: {}", self.format, self.detail)
    }
}

impl std::error::Error for WriteError {}

/// One line per failed rule instance that names a cell of `table`:
/// `RULE-ID  wording（位置）：期望 …，实际 …`.
fn table_summary(
    table: &Table,
    violations: &[Violation<'_>],
    likely: &crate::check::localise::Localisation,
    info: &FormInfo,
    lang: Lang,
) -> Vec<String> {
    let pointers: std::collections::HashSet<&str> = table
        .blocks
        .iter()
        .flat_map(|b| b.rows.iter())
        .flat_map(leaf_rows)
        .flat_map(|r| r.cells.iter().map(|c| c.pointer.as_str()))
        .collect();
    // First the likely wrong cells of this table, each once whatever the sets it is in.
    let mut cells: Vec<&crate::check::localise::Change> = Vec::new();
    for change in likely.candidates.iter().flatten() {
        let here = pointers.contains(info.cells[change.cell].pointer.as_str());
        if here && !cells.iter().any(|c| c.cell == change.cell) {
            cells.push(change);
        }
    }
    let said: Vec<String> = cells.iter().map(|c| c.describe(info, lang)).collect();
    let sets = likely.candidates.len();
    let likely_lines = (!said.is_empty()).then(|| {
        // Cells of one explanation go together; of several, they are alternatives.
        let said = match sets {
            1 => said.join(lang.pick("；", "; ")),
            _ => said.join(lang.pick("；或 ", "; or ")),
        };
        match (sets, lang) {
            (1, Lang::Zh) => format!("最可能有误：{said}"),
            (1, Lang::En) => format!("likely wrong: {said}"),
            (_, Lang::Zh) => {
                format!("最可能有误（{sets} 种同样简单的解释，本表涉及的单元格）：{said}")
            }
            (_, Lang::En) => format!(
                "likely wrong (cells of this table in {sets} equally simple explanations): {said}"
            ),
        }
    });
    let mut lines: Vec<String> = likely_lines.into_iter().collect();
    lines.extend(
        violations
            .iter()
            .filter(|v| v.cells.iter().any(|c| pointers.contains(c.pointer)))
            .map(|v| {
                let (id, message, at) = (v.id(), v.message(lang), v.location());
                let (expected, actual) = (v.expected(lang), v.actual(lang));
                // A rule of the form itself has no place to name.
                let at = match (at.is_empty(), lang) {
                    (true, _) => String::new(),
                    (false, Lang::Zh) => format!("（{at}）"),
                    (false, Lang::En) => format!(" ({at})"),
                };
                match lang {
                    Lang::Zh => format!("{id}  {message}{at}：期望 {expected}，实际 {actual}"),
                    Lang::En => format!("{id}  {message}{at}: expected {expected}, found {actual}"),
                }
            }),
    );
    lines
}

/// The data rows under `row`, itself included.
fn leaf_rows(row: &RowNode) -> Vec<&RowNode> {
    let mut out = vec![row];
    for child in &row.children {
        out.extend(leaf_rows(child));
    }
    out
}

/// A filled form's cells by pointer, typed (every digit as held): the form's own, and each
/// element's of repeated rows.
struct Cells<'i> {
    info: &'i crate::model::info::FormInfo,
    slots: BTreeMap<&'i str, Slot>,
    rows: BTreeMap<String, Slot>,
}

impl crate::check::traverse::Visit<crate::check::traverse::Values> for Cells<'_> {
    fn cell<T: crate::model::cell::CellValue>(&mut self, cell: &crate::Cell<T>, at: usize) {
        if let Some(info) = self.info.cells.get(at) {
            self.slots.insert(&info.pointer, cell.slot());
        }
    }

    fn rows(&mut self, at: usize, _: crate::ValueKind, cells: &[Slot]) {
        if let Some(info) = self.info.cells.get(at) {
            for (index, &slot) in cells.iter().enumerate() {
                let pointer = crate::model::layout::item_pointer(&info.pointer, index);
                self.rows.insert(pointer, slot);
            }
        }
    }
}

/// A filled form, ready to draw.
#[derive(Clone, Debug)]
pub struct Document {
    /// The report's title.
    pub title: String,
    /// The check's verdict in words, where the document was drawn after a check: what a page
    /// says first.
    pub verdict: Option<String>,
    /// Its parts.
    pub parts: Vec<Part>,
}

/// The document of `form`; with `report` (a check of it), failing cells are marked and each
/// table lists its failures.
pub fn document<F: Form + Serialize>(
    form: &F,
    report: Option<&Report<'_>>,
    lang: Lang,
) -> Document {
    let info = F::info();
    // Text and metadata from the form's JSON; cells typed, every digit as held.
    let json = serde_json::to_value(form).unwrap_or_default();
    let mut cells = Cells {
        info,
        slots: BTreeMap::new(),
        rows: BTreeMap::new(),
    };
    F::each_cell::<crate::check::traverse::Values, _>(form, 0, &mut cells);
    let violations = report.map(Report::violations).unwrap_or_default();
    let mut marks: BTreeMap<String, grid::Marks> = BTreeMap::new();
    for v in &violations {
        // The first cell of a rule with a stated result is that result.
        let has_result = !matches!(v.found, Found::Compare { result: None, .. });
        for (k, cell) in v.cells.iter().enumerate() {
            let failure = Failure {
                rule: v.id().to_owned(),
                message: v.message(lang).to_owned(),
                expected: v.expected(lang),
                actual: v.actual(lang),
                result: has_result && k == 0,
                lang,
            };
            // A column of repeated rows is marked in every row (and in the row drawn for none).
            if let Some((rows, _)) = cell.pointer.split_once("/*") {
                let count = json
                    .pointer(rows)
                    .and_then(|r| r.as_array())
                    .map_or(0, Vec::len);
                for index in 0..count {
                    marks
                        .entry(crate::model::layout::item_pointer(cell.pointer, index))
                        .or_default()
                        .failures
                        .push(failure.clone());
                }
            }
            marks
                .entry(cell.pointer.to_owned())
                .or_default()
                .failures
                .push(failure);
        }
    }
    // The likely wrong cells, marked apart from the other cells of the failing rules.
    let likely = match report {
        Some(report) if !violations.is_empty() => report.likely_wrong(),
        _ => crate::check::localise::Localisation::default(),
    };
    for change in likely.candidates.iter().flatten() {
        let fix = crate::check::findings::fix_text(change.value, change.allowed, lang);
        marks
            .entry(info.cells[change.cell].pointer.clone())
            .or_default()
            .likely = Some(fix);
    }
    let tables = &info.layout().tables;
    let values = Values {
        slots: cells.slots,
        rows: cells.rows,
        json: &json,
        lang,
    };
    let mut parts = Vec::new();
    let mut title = None;
    let mut drawn = vec![false; tables.len()];
    if let Some(root) = info.root.as_struct() {
        let in_title = said_by_title(root, &json);
        for field in &root.fields {
            let key = field.field.key;
            // The template has no line of its own for what its title says (the agency, the
            // year): a reader takes them from the title.
            if in_title.contains(&field.field.ident) {
                continue;
            }
            // The table this field is drawn in, where it stands first.
            if let Some(t) = tables.iter().position(|t| t.fields.contains(&key)) {
                if !std::mem::replace(&mut drawn[t], true) {
                    parts.push(Part::Table {
                        grid: grid(&tables[t], &values, &marks),
                        summary: table_summary(&tables[t], &violations, &likely, info, lang),
                    });
                }
                continue;
            }
            let label = field.display_label().to_owned();
            let value = json.get(key);
            match (&field.kind, field.field.role) {
                (NodeKind::Text, Role::Title { .. }) => {
                    title = value.and_then(|v| v.as_str()).map(str::to_owned)
                }
                (NodeKind::Text, role @ (Role::Part | Role::Section | Role::Preamble)) => {
                    if let Some(text) = value.and_then(|v| v.as_str()) {
                        if role == Role::Preamble {
                            // Right under the title, without a heading, as the template has
                            // it (and as a reader finds it: the text before the first heading).
                            parts.insert(
                                0,
                                Part::Text {
                                    label: None,
                                    text: text.to_owned(),
                                },
                            );
                        } else {
                            parts.push(Part::Text {
                                label: Some(label),
                                text: text.to_owned(),
                            });
                        }
                    }
                }
                // Every other field is a `label：value` line (`填报单位：…`, `年度：2024`).
                (kind, _) => {
                    let cell = LayoutCell::of(field, key);
                    let value = match cell {
                        Some(cell) => values.text(&cell),
                        None => value_text(value),
                    };
                    if !matches!(kind, NodeKind::Struct(_) | NodeKind::Rows(_)) {
                        parts.push(Part::Meta { label, value });
                    }
                }
            }
        }
    }
    Document {
        title: title.unwrap_or_else(|| info.root.display_label().to_owned()),
        verdict: report.map(|r| verdict(r, &likely, info, lang)),
        parts,
    }
}

/// The fields the title names (`{agency}{year}年{}年度报告`) whose values the title, as
/// filled, says: the first of the title's patterns the whole title matches gives each named
/// field a value, and a field whose own value is that one needs no line of its own.
fn said_by_title(
    root: &crate::model::node::StructDecl,
    json: &serde_json::Value,
) -> Vec<&'static str> {
    use crate::model::title;
    let Some((field, patterns)) = root.fields.iter().find_map(|f| match f.field.role {
        Role::Title { patterns } => Some((f, patterns)),
        _ => None,
    }) else {
        return Vec::new();
    };
    let Some(text) = json.get(field.field.key).and_then(|v| v.as_str()) else {
        return Vec::new();
    };
    let numeric = |name: &str| {
        root.fields
            .iter()
            .any(|f| f.field.ident == name && matches!(f.kind, NodeKind::Meta))
    };
    let Some(values) = patterns
        .iter()
        .find_map(|p| title::fields(&title::pieces(p), text, true, &numeric))
    else {
        return Vec::new();
    };
    root.fields
        .iter()
        .filter(|f| {
            values.iter().any(|(name, value)| {
                *name == f.field.ident
                    && !value.is_empty()
                    && value_text(json.get(f.field.key)) == *value
            })
        })
        .map(|f| f.field.ident)
        .collect()
}

/// `检查结论：未通过。规则实例 43 条（…）：通过 40，不符合 2，无法核验 1。不符合的规则：
/// T3-RESULT-SUM。`, then the likely wrong cells.
fn verdict(
    report: &Report<'_>,
    likely: &crate::check::localise::Localisation,
    info: &FormInfo,
    lang: Lang,
) -> String {
    let counts = crate::check::counts::Counts::of(report).describe(lang);
    let mut ids: Vec<String> = Vec::new();
    for v in report.violations().iter().filter(|v| v.instance.is_some()) {
        if !ids.iter().any(|id| id == v.id()) {
            ids.push(v.id().to_owned());
        }
    }
    // The one likely wrong set, where there is one.
    let likely = match likely.candidates.as_slice() {
        [only] => {
            let cells: Vec<String> = only.iter().map(|c| c.describe(info, lang)).collect();
            let cells = cells.join(lang.pick("；", "; "));
            match lang {
                Lang::Zh => format!("最可能有误：{cells}，则不符合的规则全部成立。"),
                Lang::En => format!(" Likely wrong: {cells}, and every failing rule holds."),
            }
        }
        _ => String::new(),
    };
    let text = match lang {
        Lang::Zh => {
            let which = if ids.is_empty() {
                String::new()
            } else {
                format!("不符合的规则：{}。", ids.join("、"))
            };
            let outcome = if report.is_ok() {
                "通过"
            } else {
                "未通过"
            };
            format!("检查结论：{outcome}。{counts}{which}")
        }
        Lang::En => {
            let which = if ids.is_empty() {
                String::new()
            } else {
                format!(" Rules violated: {}.", ids.join(", "))
            };
            let outcome = if report.is_ok() { "passed" } else { "failed" };
            format!("Check: {outcome}. {counts}{which}")
        }
    };
    text + &likely
}
