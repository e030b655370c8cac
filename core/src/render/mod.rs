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

pub use grid::{CellKind, Failure, Grid, GridBlock, GridCell, cell_text, grid, value_text};

use crate::check::report::Report;
use crate::model::cell::Slot;
use crate::model::form::Form;
use crate::model::lang::Lang;
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
        /// The section heading.
        label: String,
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

/// A filled form, ready to draw.
#[derive(Clone, Debug)]
pub struct Document {
    /// The report's title.
    pub title: String,
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
    let slots = form.slots();
    let values: BTreeMap<&str, Slot> = info
        .cells
        .iter()
        .map(|c| c.pointer.as_str())
        .zip(slots)
        .collect();
    let violations = report.map(Report::violations).unwrap_or_default();
    let mut failures: BTreeMap<String, Vec<Failure>> = BTreeMap::new();
    for v in &violations {
        for cell in &v.cells {
            failures
                .entry(cell.pointer.to_owned())
                .or_default()
                .push(Failure {
                    rule: v.id().to_owned(),
                    message: v.message(lang).to_owned(),
                    expected: v.expected(lang),
                    lang,
                });
        }
    }
    let tables = &info.layout().tables;
    let mut parts = Vec::new();
    let mut title = None;
    if let Some(root) = info.root.as_struct() {
        for field in &root.fields {
            let key = field.field.key;
            let label = field.display_label().to_owned();
            let value = json.get(key);
            match &field.kind {
                NodeKind::Text if matches!(field.field.role, Role::Title { .. }) => {
                    title = value.and_then(|v| v.as_str()).map(str::to_owned)
                }
                // A metadata line (`填报单位：…`) is drawn as one, whatever it holds.
                NodeKind::Text if matches!(field.field.role, Role::Meta) => {
                    parts.push(Part::Meta {
                        label,
                        value: value_text(value),
                    })
                }
                NodeKind::Text => {
                    if let Some(text) = value.and_then(|v| v.as_str()) {
                        parts.push(Part::Text {
                            label,
                            text: text.to_owned(),
                        });
                    }
                }
                NodeKind::Meta | NodeKind::Cell(_) => parts.push(Part::Meta {
                    label,
                    value: value_text(value),
                }),
                NodeKind::Struct(_) => {
                    let Some(table) = tables.iter().find(|t| t.key == key) else {
                        continue;
                    };
                    let prefix = format!("{}/", table.pointer);
                    let summary = violations
                        .iter()
                        .filter(|v| v.cells.iter().any(|c| c.pointer.starts_with(&prefix)))
                        .map(|v| {
                            let (id, message, at) = (v.id(), v.message(lang), v.location());
                            let (expected, actual) = (v.expected(lang), v.actual(lang));
                            match lang {
                                Lang::Zh => {
                                    format!(
                                        "{id}  {message}（{at}）：期望 {expected}，实际 {actual}"
                                    )
                                }
                                Lang::En => format!(
                                    "{id}  {message} ({at}): expected {expected}, found {actual}"
                                ),
                            }
                        })
                        .collect();
                    parts.push(Part::Table {
                        grid: grid(table, &values, &failures),
                        summary,
                    });
                }
            }
        }
    }
    Document {
        title: title.unwrap_or_else(|| info.root.display_label().to_owned()),
        parts,
    }
}
