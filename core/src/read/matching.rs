//! Matching a form's declaration against a source: section headings by their titles, tables by
//! the section they sit under, rows by their labels, values by their order in the row.
//!
//! Nothing is guessed. A value that is not a number, a row not found, a row with more or fewer
//! values than the form has columns, a column label not found: each is a [`Diagnostic`] with
//! the source position, the cell stays blank, and the reading goes on.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::columns::Columns;
use super::grid::{Piece, Position, SourceCell, SourceDocument, SourceTable};
use super::normalise::normalise;
use super::value;
use crate::model::info::FormInfo;
use crate::model::layout::{Block, RowNode};
use crate::model::node::NodeKind;

/// Something the reader could not read as the form declares it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Where in the source, if it is one place.
    pub position: Option<String>,
    /// The form's cell or field concerned, as a JSON pointer.
    pub pointer: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What sort of thing went wrong.
    pub kind: Kind,
    /// For cells run together: the one reading the form's rules allow, cell by cell. Offered,
    /// never read into the form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Vec<Suggested>>,
}

/// A value suggested for a cell.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Suggested {
    /// The cell.
    pub pointer: String,
    /// The number, exact decimal text.
    pub value: String,
}

/// What sort of thing a [`Diagnostic`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A section, a table row or the title was not found.
    Missing,
    /// A row found only as cells run together in running text: not read.
    Run,
    /// A cell that is not a value of its column.
    Value,
    /// A row or table that does not have the form's shape (values, columns, labels).
    Layout,
    /// The agency or year could not be told.
    Metadata,
}

impl Diagnostic {
    /// True when a whole section, table row or the title was not read: the form is
    /// incomplete, and a check of it would say nothing about what is missing.
    pub fn is_missing_part(&self) -> bool {
        matches!(self.kind, Kind::Missing | Kind::Run)
    }
}

/// A form read from a source: its JSON (cells not read are blank), where each cell came from,
/// and what went wrong.
#[derive(Clone, Debug)]
pub struct ReadForm {
    /// The form as JSON, ready to deserialise.
    pub json: Value,
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
            .filter(|d| d.kind != Kind::Run)
            .count()
    }

    /// Where the cell at `pointer` was read from, as people write it (`line 42`).
    pub fn position_of(&self, pointer: &str) -> Option<String> {
        self.positions.get(pointer).map(Position::to_string)
    }
}

/// A label without its ordinal (`一、` `（一）` `1.`), normalised: how headings are found.
fn title_core(label: &str) -> String {
    core_of(&normalise(label)).to_owned()
}

/// A normalised label without its ordinal.
fn core_of(normalised: &str) -> &str {
    normalised.trim_start_matches(|c: char| "一二三四五六七八九十0123456789.,()".contains(c))
}

fn set(json: &mut Value, keys: &[&str], value: Value) {
    let mut at = json;
    for (i, key) in keys.iter().enumerate() {
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        let Value::Object(map) = at else {
            return;
        };
        if i + 1 == keys.len() {
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

/// Reads `source` as each of `forms` and keeps the reading that leaves the least unmatched
/// ([`ReadForm::unmatched`]): the
/// form whose headings, rows and columns the source has (the 2019 and 2021 templates differ in
/// table 2's columns and table 3's rows). Ties go to the earlier form. Returns the form's index
/// and its reading; `None` only when `forms` is empty.
pub fn read_best(forms: &[&FormInfo], source: &SourceDocument) -> Option<(usize, ReadForm)> {
    forms
        .iter()
        .map(|info| read_form(info, source))
        .enumerate()
        .min_by_key(|(_, read)| read.unmatched())
}

/// Reads the form described by `info` from `source`.
pub fn read_form(info: &FormInfo, source: &SourceDocument) -> ReadForm {
    let mut json = Value::Object(Map::new());
    let mut diagnostics = Vec::new();
    let mut positions = BTreeMap::new();
    for cell in &info.cells {
        set(&mut json, &cell.keys, Value::Null);
    }
    let Some(root) = info.root.as_struct() else {
        return ReadForm {
            json,
            diagnostics,
            positions,
        };
    };

    // Every text piece normalised once (headings, metadata lines and labelled fields are
    // looked for among them).
    let texts: Vec<Option<String>> = source
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Text { text, .. } => Some(normalise(text)),
            Piece::Table(_) => None,
        })
        .collect();

    // Headings: a numbered section (`一、总体情况`) is found by its title without the ordinal;
    // another labelled text field (`机关名称`, `引言`) by its whole label on a line of its own.
    let is_section = |f: &crate::model::node::Node| f.field.label.is_some_and(|l| l.contains('、'));
    let headings: Vec<(usize, &crate::model::node::Node)> = root
        .fields
        .iter()
        .filter(|f| f.field.label.is_some() && f.field.key != "title")
        .filter(|f| is_section(f) || matches!(f.kind, NodeKind::Text))
        .filter_map(|f| {
            let section = is_section(f);
            let wanted: Vec<String> = f
                .field
                .label
                .into_iter()
                .chain(f.field.aliases.iter().copied())
                .map(|l| if section { title_core(l) } else { normalise(l) })
                .collect();
            texts
                .iter()
                .position(|t| {
                    t.as_deref().is_some_and(|have| {
                        let have = if section { core_of(have) } else { have };
                        wanted.iter().any(|w| !w.is_empty() && have == *w)
                    })
                })
                .map(|i| (i, f))
        })
        .collect();
    let heading_at: Vec<usize> = headings.iter().map(|(i, _)| *i).collect();
    let section = |start: usize| -> &[Piece] {
        let end = heading_at
            .iter()
            .copied()
            .filter(|&h| h > start)
            .min()
            .unwrap_or(source.pieces.len());
        &source.pieces[start + 1..end]
    };
    let first_heading = heading_at
        .iter()
        .copied()
        .min()
        .unwrap_or(source.pieces.len());

    // Metadata written as `label：value` lines (`报告年度：2024`).
    let mut meta_lines = Vec::new();
    for field in root
        .fields
        .iter()
        .filter(|f| matches!(f.kind, NodeKind::Meta))
    {
        let Some(label) = field.field.label else {
            continue;
        };
        let prefix = format!("{}:", normalise(label));
        let found = texts.iter().enumerate().find_map(|(i, t)| {
            t.as_deref()?
                .strip_prefix(&prefix)
                .map(|v| (i, v.to_owned()))
        });
        if let Some((i, value)) = found {
            meta_lines.push(i);
            json[field.field.key] = value
                .parse::<u64>()
                .map_or(Value::String(value), Value::from);
        }
    }

    let tables_layout = &info.layout().tables;
    let prepared: Vec<Option<Prepared<'_>>> = source
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Table(t) => Some(Prepared::new(t)),
            Piece::Text { .. } => None,
        })
        .collect();
    let tables_in = |range: std::ops::Range<usize>| -> Vec<&Prepared<'_>> {
        prepared[range].iter().flatten().collect()
    };
    // The pieces under a heading of a section that has a table.
    let mut claimed = vec![false; source.pieces.len()];
    for &(start, field) in &headings {
        if matches!(field.kind, NodeKind::Struct(_)) {
            claimed[start + 1..start + 1 + section(start).len()].fill(true);
        }
    }

    for field in &root.fields {
        let key = field.field.key;
        let found = headings
            .iter()
            .find(|(_, f)| f.field.key == key)
            .map(|(i, _)| *i);
        match (&field.kind, found) {
            (NodeKind::Text, Some(start)) => {
                // A metadata line (`报告年度：2024`) under a heading is not the heading's text.
                let end = start + 1 + section(start).len();
                let lines: Vec<String> = (start + 1..end)
                    .filter(|i| !meta_lines.contains(i))
                    .filter_map(|i| match &source.pieces[i] {
                        Piece::Text { text, .. } => Some(text.clone()),
                        Piece::Table(_) => None,
                    })
                    .collect();
                json[key] = Value::String(lines.join("\n"));
            }
            (NodeKind::Struct(_), Some(start)) => {
                let tables = tables_in(start + 1..start + 1 + section(start).len());
                let layout = tables_layout.iter().find(|t| t.key == key);
                read_table(
                    info,
                    layout,
                    &tables,
                    &mut json,
                    &mut diagnostics,
                    &mut positions,
                );
            }
            (NodeKind::Struct(_), None) if is_section(field) => {
                // No heading (an excerpt that starts inside the report, a page that drew the
                // heading as an image): the section's table may still be there, outside every
                // section found. It is taken when its rows are recognised by their labels.
                let unclaimed: Vec<&Prepared<'_>> = prepared
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| !claimed[i])
                    .filter_map(|(_, p)| p.as_ref())
                    .collect();
                let layout = tables_layout.iter().find(|t| t.key == key);
                let before = diagnostics.len();
                let found = read_table(
                    info,
                    layout,
                    &unclaimed,
                    &mut json,
                    &mut diagnostics,
                    &mut positions,
                );
                // What reading it said counts only if the table was there.
                let own: Vec<Diagnostic> = diagnostics.drain(before..).collect();
                let label = field.field.label.unwrap_or(key);
                if found > 0 {
                    diagnostics.push(Diagnostic {
                        position: None,
                        pointer: Some(format!("/{key}")),
                        message: format!(
                            "the heading {label:?} is missing; its table was recognised by its row labels"
                        ),
                        suggestion: None,
                        kind: Kind::Layout,
                    });
                    diagnostics.extend(own);
                } else {
                    diagnostics.push(Diagnostic {
                        position: None,
                        pointer: Some(format!("/{key}")),
                        message: format!("section {label:?} not found"),
                        suggestion: None,
                        kind: Kind::Missing,
                    });
                }
            }
            (kind, None) if is_section(field) => {
                if matches!(kind, NodeKind::Text) {
                    // Present but empty, so the rest of the report can still be checked; the
                    // diagnostic says why.
                    json[key] = Value::String(String::new());
                }
                diagnostics.push(Diagnostic {
                    position: None,
                    pointer: Some(format!("/{key}")),
                    message: format!("section {:?} not found", field.field.label.unwrap_or(key)),
                    suggestion: None,
                    kind: Kind::Missing,
                });
            }
            _ => {}
        }
    }

    // Before the first heading: the title line, then the opening paragraph.
    let front: Vec<String> = source.pieces[..first_heading]
        .iter()
        .enumerate()
        .filter(|(i, _)| !meta_lines.contains(i))
        .filter_map(|(_, p)| match p {
            Piece::Text { text, .. } => Some(text.clone()),
            Piece::Table(_) => None,
        })
        .collect();
    if front.is_empty() {
        // The form still deserialises; the diagnostic says the title is missing.
        json["title"] = Value::String(String::new());
        diagnostics.push(Diagnostic {
            position: None,
            pointer: Some("/title".to_owned()),
            message: "no title line before the first section".to_owned(),
            suggestion: None,
            kind: Kind::Missing,
        });
    }
    // The title line: the first short line ending in 年度报告, else the first line.
    let title_at = front
        .iter()
        .position(|t| t.ends_with("年度报告") && t.chars().count() <= 60)
        .unwrap_or(0);
    let has = |json: &Value, key: &str| json.get(key).is_some_and(|v| !v.is_null());
    if let Some(title) = front.get(title_at) {
        json["title"] = Value::String(title.clone());
        let year_at = title.find('年').and_then(|end| {
            let digits: String = title[..end]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            (digits.len() == 4).then(|| (end - 4, digits.chars().rev().collect::<String>()))
        });
        match year_at {
            Some((at, year)) => {
                if !has(&json, "agency") {
                    json["agency"] = Value::String(title[..at].to_owned());
                }
                if !has(&json, "year") {
                    json["year"] = year.parse::<u64>().map_or(Value::Null, Value::from);
                }
            }
            None if !has(&json, "year") => diagnostics.push(Diagnostic {
                position: None,
                pointer: Some("/year".to_owned()),
                message: format!("the title {title:?} names no year (…YYYY年…)"),
                suggestion: None,
                kind: Kind::Metadata,
            }),
            None => {}
        }
        if !has(&json, "preamble") && front.len() > title_at + 1 {
            json["preamble"] = Value::String(front[title_at + 1..].join("\n"));
        }
    }
    if info
        .root
        .as_struct()
        .is_some_and(|s| s.fields.iter().any(|f| f.field.key == "agency"))
        && !has(&json, "agency")
    {
        // Unknown, said so, and the rest of the report can still be read and checked.
        json["agency"] = Value::String(String::new());
        diagnostics.push(Diagnostic {
            position: None,
            pointer: Some("/agency".to_owned()),
            message: "no agency name: no 机关名称 line, and no title naming it before the year"
                .to_owned(),
            suggestion: None,
            kind: Kind::Metadata,
        });
    }
    // Rows not read that a line of text holds as a run of digits (a page whose cells were
    // concatenated): said so, with the reading the rules allow where there is one.
    // Only where a whole table went unread: a table read in part is a table, not a run.
    let table_unread = tables_layout.iter().any(|table| {
        info.cells
            .iter()
            .filter(|c| c.pointer.starts_with(&format!("{}/", table.pointer)))
            .all(|c| json.pointer(&c.pointer).is_none_or(Value::is_null))
    });
    if table_unread && diagnostics.iter().any(Diagnostic::is_missing_part) {
        let runs = super::runs::find(info, source);
        // The rows of a table found as runs that are neither read nor a run.
        let located: Vec<&str> = runs.iter().map(|r| r.pointer.as_str()).collect();
        for table in tables_layout {
            if !located.iter().any(|p| p.starts_with(&table.pointer)) {
                continue;
            }
            for block in &table.blocks {
                let mut wanted = Vec::new();
                leaves(&block.rows, &mut Vec::new(), &mut wanted);
                for (_, row) in wanted {
                    let Some(pointer) = row.pointer() else {
                        continue;
                    };
                    let read = row
                        .cells
                        .iter()
                        .any(|c| json.pointer(&c.pointer).is_some_and(|v| !v.is_null()));
                    let reported = diagnostics
                        .iter()
                        .any(|d| d.pointer.as_deref() == Some(pointer.as_str()));
                    if !read && !reported && !located.contains(&pointer.as_str()) {
                        let shown = row_path(&block.rows, row).unwrap_or_default();
                        diagnostics.push(Diagnostic {
                            position: None,
                            pointer: Some(pointer),
                            message: format!(
                                "row {:?} not found, or its values not told apart, among the cells run together",
                                shown.join(" / ")
                            ),
                            suggestion: None,
                            kind: Kind::Missing,
                        });
                    }
                }
            }
        }
        for row in runs {
            let unread = row.cells.iter().all(|&c| {
                json.pointer(&info.cells[c].pointer)
                    .is_none_or(Value::is_null)
            });
            if !unread {
                continue;
            }
            diagnostics.retain(|d| {
                !(d.pointer.as_deref() == Some(row.pointer.as_str())
                    && d.message.starts_with("row "))
            });
            diagnostics.push(run_diagnostic(info, &row));
        }
    }
    ReadForm {
        json,
        diagnostics,
        positions,
    }
}

fn run_diagnostic(info: &FormInfo, row: &super::runs::RunRow) -> Diagnostic {
    let run = &row.run;
    let (message, suggestion) = match (row.suggestion(), row.readings.as_ref()) {
        (Some(one), _) if row.cells.len() == 1 => (
            format!(
                "the value stands in running text, not in a table: {run:?}, offered as a suggestion, not read"
            ),
            Some(vec![Suggested {
                pointer: info.cells[row.cells[0]].pointer.clone(),
                value: one[0].to_string(),
            }]),
        ),
        (Some(one), _) => {
            let shown: Vec<String> = one.iter().map(ToString::to_string).collect();
            let message = format!(
                "cells run together as {run:?}; the one reading the form's rules allow{} is {}: offered as a suggestion, not read",
                if row.by_columns {
                    " (with the rules across rows)"
                } else {
                    ""
                },
                shown.join(" | ")
            );
            let suggested = row
                .cells
                .iter()
                .zip(one)
                .map(|(&c, v)| Suggested {
                    pointer: info.cells[c].pointer.clone(),
                    value: v.to_string(),
                })
                .collect();
            (message, Some(suggested))
        }
        (None, Some(readings)) if readings.is_empty() => (
            format!(
                "cells run together as {run:?}: none of its {} cuts into {} cells satisfies the form's rules; not read",
                row.cuts,
                row.cells.len()
            ),
            None,
        ),
        (None, Some(readings)) => (
            format!(
                "cells run together as {run:?}: {} of its {} cuts into {} cells satisfy the form's rules; not read",
                readings.len(),
                row.cuts,
                row.cells.len()
            ),
            None,
        ),
        (None, None) => (
            format!("cells run together as {run:?}: too many ways to cut it to try; not read"),
            None,
        ),
    };
    Diagnostic {
        position: Some(row.position.to_string()),
        pointer: Some(row.pointer.clone()),
        message,
        suggestion,
        kind: Kind::Run,
    }
}

/// The declared labels from the block's top down to `target`, as the form writes them.
fn row_path(rows: &[RowNode], target: &RowNode) -> Option<Vec<&'static str>> {
    for row in rows {
        let here: Vec<&'static str> = row.label.into_iter().collect();
        if std::ptr::eq(row, target) {
            return Some(here);
        }
        if let Some(mut below) = row_path(&row.children, target) {
            let mut path = here;
            path.append(&mut below);
            return Some(path);
        }
    }
    None
}

/// The leaf rows of a block with their label paths (normalised).
fn leaves<'a>(
    rows: &'a [RowNode],
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, &'a RowNode)>,
) {
    for row in rows {
        if let Some(label) = row.label {
            path.push(normalise(label));
        }
        if row.cells.is_empty() {
            leaves(&row.children, path, out);
        } else {
            out.push((path.clone(), row));
        }
        if row.label.is_some() {
            path.pop();
        }
    }
}

/// A source table's rows with their labels found and normalised once, for every block and
/// section that looks through it.
struct Prepared<'s> {
    table: &'s SourceTable,
    rows: Vec<PreparedRow<'s>>,
}

struct PreparedRow<'s> {
    /// Grid row.
    index: usize,
    /// The cells starting in it.
    cells: Vec<&'s SourceCell>,
    /// The label cells (index into `cells`, normalised text). A label cell may hold a whole
    /// path, joined with ` / ` (how Markdown and CSV tables write a nested row label): each
    /// part is a label.
    labels: Vec<(usize, String)>,
}

impl<'s> Prepared<'s> {
    fn new(table: &'s SourceTable) -> Prepared<'s> {
        let rows = (0..table.rows)
            .map(|index| {
                let cells: Vec<&SourceCell> = table.row(index).collect();
                let labels = cells
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !c.text.is_empty() && !value::looks_like_value(&c.text))
                    .flat_map(|(i, c)| c.text.split(" / ").map(move |part| (i, normalise(part))))
                    .collect();
                PreparedRow {
                    index,
                    cells,
                    labels,
                }
            })
            .collect();
        Prepared { table, rows }
    }
}

/// Reads every block of the form's `table` from the source `tables`; returns how many rows
/// were found.
fn read_table(
    info: &FormInfo,
    table: Option<&crate::model::layout::Table>,
    tables: &[&Prepared<'_>],
    json: &mut Value,
    diagnostics: &mut Vec<Diagnostic>,
    positions: &mut BTreeMap<String, Position>,
) -> usize {
    table.map_or(0, |table| {
        table
            .blocks
            .iter()
            .map(|block| read_block(info, block, tables, json, diagnostics, positions))
            .sum()
    })
}

fn read_block(
    info: &FormInfo,
    block: &Block,
    tables: &[&Prepared<'_>],
    json: &mut Value,
    diagnostics: &mut Vec<Diagnostic>,
    positions: &mut BTreeMap<String, Position>,
) -> usize {
    let mut wanted = Vec::new();
    leaves(&block.rows, &mut Vec::new(), &mut wanted);
    let mut found = vec![false; wanted.len()];
    let mut context: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let form_columns = super::columns::form_columns(&block.header);
    for table in tables {
        // The header above this block's rows in this table, found at its first row.
        let mut header: Option<super::columns::Header<'_>> = None;
        let mut reordered = false;
        for row in &table.rows {
            let (r, cells, labels) = (row.index, &row.cells, &row.labels);
            context.extend(labels.iter().map(|(_, l)| l.as_str()));
            // The leaf row this source row is: by its last label, then by the labels before it.
            let candidates: Vec<usize> = (0..wanted.len())
                .filter(|&w| !found[w])
                .filter(|&w| match (wanted[w].0.last(), labels.last()) {
                    (Some(leaf), Some((_, last))) => leaf == last,
                    (None, None) => cells.len() == wanted[w].1.cells.len() && r > 0,
                    _ => false,
                })
                .collect();
            let chosen = match candidates.as_slice() {
                [] => continue,
                [one] => *one,
                many => match many.iter().find(|&&w| {
                    wanted[w]
                        .0
                        .iter()
                        .rev()
                        .skip(1)
                        .all(|p| context.contains(p.as_str()))
                }) {
                    Some(w) => *w,
                    None => {
                        diagnostics.push(Diagnostic {
                            position: cells.first().map(|c| c.position.to_string()),
                            pointer: None,
                            message: "row label matches several rows of the form".to_owned(),
                            suggestion: None,
                            kind: Kind::Layout,
                        });
                        continue;
                    }
                },
            };
            let start = labels.last().map_or(0, |(i, _)| i + 1);
            let mut values = &cells[start..];
            // Empty cells past the form's columns are residue of the page's layout (a trailing
            // `| |`), not values.
            while values.len() > wanted[chosen].1.cells.len()
                && values.last().is_some_and(|c| c.text.is_empty())
            {
                values = &values[..values.len() - 1];
            }
            let row = wanted[chosen].1;
            found[chosen] = true;
            if values.len() != row.cells.len() {
                diagnostics.push(Diagnostic {
                    position: cells.first().map(|c| c.position.to_string()),
                    pointer: row.cells.first().map(|c| c.pointer.clone()),
                    message: format!(
                        "the row has {} values where the form has {} columns; its values are not read",
                        values.len(),
                        row.cells.len()
                    ),
                    suggestion: None,
                    kind: Kind::Layout,
                });
                continue;
            }
            let header =
                header.get_or_insert_with(|| super::columns::Header::above(table.table, r));
            let values: Vec<&SourceCell> = values.to_vec();
            let values = match header.locate(&values, &form_columns) {
                Columns::ByOrder => values,
                Columns::ByHeaders(map) => {
                    if !std::mem::replace(&mut reordered, true) {
                        diagnostics.push(Diagnostic {
                            position: values.first().map(|c| c.position.to_string()),
                            pointer: row.cells.first().map(|c| c.pointer.clone()),
                            message: "the columns stand in another order than the form's; read by their headers".to_owned(),
                            suggestion: None,
                            kind: Kind::Layout,
                        });
                    }
                    let mut by_column = values.clone();
                    for (k, &j) in map.iter().enumerate() {
                        by_column[j] = values[k];
                    }
                    by_column
                }
                Columns::Conflict(message) => {
                    diagnostics.push(Diagnostic {
                        position: values.first().map(|c| c.position.to_string()),
                        pointer: row.cells.first().map(|c| c.pointer.clone()),
                        message,
                        suggestion: None,
                        kind: Kind::Layout,
                    });
                    continue;
                }
            };
            for (cell, source) in row.cells.iter().zip(values) {
                let Some(index) = info.cell_index(&cell.pointer) else {
                    continue;
                };
                let declared = &info.cells[index];
                positions.insert(cell.pointer.clone(), source.position);
                // A header stating the unit of money (`（元）`, `（单位：万元）`) says what a bare
                // number is in, whatever the form's unit.
                let text = match header.unit(source.column) {
                    Some(unit) if declared.kind == crate::model::cell::ValueKind::Amount => {
                        value::in_unit(&source.text, unit)
                    }
                    _ => std::borrow::Cow::Borrowed(source.text.as_str()),
                };
                match value::parse_cell(&text, declared) {
                    Ok(read) => set(json, &declared.keys, read.to_json()),
                    Err(message) => diagnostics.push(Diagnostic {
                        position: Some(source.position.to_string()),
                        pointer: Some(cell.pointer.clone()),
                        message,
                        suggestion: None,
                        kind: Kind::Value,
                    }),
                }
            }
        }
    }
    let found_rows = found.iter().filter(|&&f| f).count();
    for (w, (_, row)) in wanted.iter().enumerate() {
        if !found[w] {
            let shown = row_path(&block.rows, row).unwrap_or_default();
            diagnostics.push(Diagnostic {
                position: None,
                pointer: row.pointer(),
                message: format!("row {:?} not found", shown.join(" / ")),
                suggestion: None,
                kind: Kind::Missing,
            });
        }
    }
    found_rows
}
