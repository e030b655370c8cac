//! Reading a form from a source document, by what its declaration says: the roles of its
//! fields (title, preamble, sections, `label：value` lines), the labels of its parts, rows and
//! columns.
//!
//! - `parts`: headings, text parts, `label：value` lines, the title and what its pattern
//!   names, the preamble, and which source tables are each table's;
//! - `tables`: a table's rows by their labels, values by their column headers, cells as
//!   written;
//! - runs: rows found only as cells run together in running text ([`crate::read::runs`]).
//!
//! Nothing is guessed. What does not fit is a [`Diagnostic`] with its source position, the
//! cell stays blank, and the reading goes on.

mod diagnostic;
mod parts;
mod reading;
pub(crate) mod spare;
pub(crate) mod tables;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

pub use diagnostic::{Diagnostic, Kind, Problem, RunReadings, Suggested};
pub use reading::{ReadForm, slots_of_json};

use crate::model::info::FormInfo;
use crate::read::grid::{Piece, Position, SourceDocument};
use crate::read::runs::{self, RunRow};
use reading::set;
use tables::{Prepared, data_rows, row_path};

/// Reads `source` as each of `forms` and keeps the reading that leaves the least unmatched
/// ([`ReadForm::unmatched`]): the form whose headings, rows and columns the source has (the
/// 2019 and 2021 templates differ in table 2's columns and table 3's rows). Ties go to the
/// earlier form. Returns the form's index and its reading; `None` only when `forms` is empty.
pub fn read_best(forms: &[&FormInfo], source: &SourceDocument) -> Option<(usize, ReadForm)> {
    let mut best: Option<(usize, ReadForm)> = None;
    // The source's pieces prepared once (labels found and normalised), whatever the forms.
    let prepared = prepare(source);
    for (index, info) in forms.iter().enumerate() {
        let read = read_prepared(info, source, &prepared);
        let unmatched = read.unmatched();
        if best.as_ref().is_none_or(|(_, b)| unmatched < b.unmatched()) {
            if let Some((was, worse)) = best.replace((index, read)) {
                spare::give_back(forms[was], worse.json);
            }
        } else {
            spare::give_back(info, read.json);
        }
        // Nothing left unmatched: no later form can do better (ties go to the earlier), so
        // the rest are not read.
        if unmatched == 0 {
            break;
        }
    }
    best
}

/// Reads the form described by `info` from `source`.
pub fn read_form(info: &FormInfo, source: &SourceDocument) -> ReadForm {
    read_prepared(info, source, &prepare(source))
}

/// A source's pieces prepared once for every form read: its tables with their labels found
/// and normalised, its lines of text normalised (headings and `label：value` lines are looked
/// for among them).
pub(crate) struct PreparedSource<'s> {
    /// Each piece that is a table, with the lines of text since the table before it; `None`
    /// for the pieces of text.
    tables: Vec<Option<Prepared<'s>>>,
    /// Each piece of text, normalised; `None` for the tables.
    texts: Vec<Option<Normalised>>,
}

/// A piece of text normalised ([`crate::read::normalise::normalise_within`]): all of it, or
/// the beginning of a paragraph, which is no heading and is looked at only for the label it
/// may start with.
pub(crate) struct Normalised {
    text: String,
    whole: bool,
}

/// How much of a piece of text is normalised before it is known to be a paragraph (bytes of
/// the normalised text, about 100 Chinese characters): more than any heading or line label
/// (a heading written otherwise is looked for up to 60 characters).
const NORMALISED_WITHIN: usize = 300;

impl Normalised {
    /// The whole text normalised, when it is short enough to be a heading.
    fn whole(&self) -> Option<&str> {
        self.whole.then_some(self.text.as_str())
    }

    /// True when the text normalised starts with `prefix` (normalised); `raw` is the text as
    /// written, normalised whole when the beginning kept is too short to tell.
    fn starts_with(&self, prefix: &str, raw: &str) -> bool {
        if self.whole || prefix.len() < self.text.len() {
            self.text.starts_with(prefix)
        } else {
            crate::read::normalise::normalise(raw).starts_with(prefix)
        }
    }
}

fn prepare(source: &SourceDocument) -> PreparedSource<'_> {
    let mut text: Vec<&str> = Vec::new();
    let tables = source
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Table(t) => Some(Prepared::with_text(t, std::mem::take(&mut text))),
            Piece::Text { text: line, .. } => {
                text.push(line);
                None
            }
        })
        .collect();
    let texts = source
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Text { text, .. } => {
                let (text, whole) =
                    crate::read::normalise::normalise_within(text, NORMALISED_WITHIN);
                Some(Normalised { text, whole })
            }
            Piece::Table(_) => None,
        })
        .collect();
    PreparedSource { tables, texts }
}

/// Reads the form described by `info` from `source`, whose pieces are `prepared`.
fn read_prepared<'s>(
    info: &'s FormInfo,
    source: &'s SourceDocument,
    prepared: &'s PreparedSource<'s>,
) -> ReadForm {
    let mut reader = Reader::new(info, source, prepared);
    reader.parts();
    reader.runs();
    reader.unrecognised_rows();
    ReadForm {
        json: reader.json,
        numbers: reader.numbers,
        diagnostics: reader.diagnostics,
        positions: reader.positions,
    }
}

/// A reading under way.
pub(crate) struct Reader<'a> {
    info: &'a FormInfo,
    source: &'a SourceDocument,
    /// The source's pieces, prepared once for every form read ([`prepare`]).
    prepared: &'a PreparedSource<'a>,
    json: Value,
    numbers: BTreeMap<String, Decimal>,
    diagnostics: Vec<Diagnostic>,
    positions: BTreeMap<String, Position>,
    /// Source rows with values that a block read through without finding them among its rows,
    /// by their first cell, with their label: unrecognised unless another block reads them.
    unrecognised: BTreeMap<Position, String>,
    /// Source rows some block read (by their first cell).
    rows_read: std::collections::BTreeSet<Position>,
}

/// Sets `{}` at every struct under `node` that has no fields.
fn empty_structs(node: &crate::model::node::Node, keys: &mut Vec<&'static str>, json: &mut Value) {
    let Some(decl) = node.as_struct() else {
        return;
    };
    if decl.fields.is_empty() && !keys.is_empty() {
        set(json, keys, Value::Object(Map::new()));
    }
    for field in &decl.fields {
        keys.push(field.field.key);
        empty_structs(field, keys, json);
        keys.pop();
    }
}

impl<'a> Reader<'a> {
    /// Sets the value at `pointer` of the reading.
    pub(super) fn set_at(&mut self, pointer: &str, value: Value) {
        let keys = crate::model::pointer::tokens(pointer);
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        set(&mut self.json, &keys, value);
    }

    /// Leaves the value at `pointer` out of the reading: a cell the report does not have.
    pub(super) fn remove_at(&mut self, pointer: &str) {
        let Some((parent, key)) = pointer.rsplit_once('/') else {
            return;
        };
        let key = key.replace("~1", "/").replace("~0", "~");
        if let Some(Value::Object(map)) = self.json.pointer_mut(parent) {
            map.remove(&key);
        }
    }

    fn new(
        info: &'a FormInfo,
        source: &'a SourceDocument,
        prepared: &'a PreparedSource<'a>,
    ) -> Self {
        let json = spare::take(info, info.skeleton.get_or_init(|| skeleton(info)));
        Reader {
            info,
            source,
            prepared,
            json,
            numbers: BTreeMap::new(),
            diagnostics: Vec::new(),
            positions: BTreeMap::new(),
            unrecognised: BTreeMap::new(),
            rows_read: std::collections::BTreeSet::new(),
        }
    }

    /// Rows of the tables read that hold values and are no row of the form: said, since their
    /// values are not read.
    fn unrecognised_rows(&mut self) {
        let rows = std::mem::take(&mut self.unrecognised);
        for (position, label) in rows {
            if !self.rows_read.contains(&position) {
                self.diagnose(Problem::RowUnrecognised { label }, Some(position), None);
            }
        }
    }

    fn is_read(&self, pointer: &str) -> bool {
        self.json.pointer(pointer).is_some_and(|v| !v.is_null())
    }

    /// Rows not read that a line of text holds as a run of digits (a page whose cells were
    /// concatenated): said so, with the reading the rules allow where there is one. Only where
    /// a whole table went unread and parts are missing: a table read in part is a table, not a
    /// run.
    fn runs(&mut self) {
        let info = self.info;
        let tables = &info.layout().tables;
        let table_unread = tables.iter().any(|table| {
            let prefix = format!("{}/", table.pointer);
            info.cells
                .iter()
                .filter(|c| c.pointer.starts_with(&prefix))
                .all(|c| !self.is_read(&c.pointer))
        });
        if !table_unread || !self.diagnostics.iter().any(Diagnostic::is_missing_part) {
            return;
        }
        let found = runs::find(info, self.source);
        self.rows_not_in_runs(&found);
        for row in found {
            if row
                .cells
                .iter()
                .any(|&c| self.is_read(&info.cells[c].pointer))
            {
                continue;
            }
            // Found, if not read: the run says more than "not found".
            self.diagnostics.retain(|d| {
                !(d.pointer.as_deref() == Some(row.pointer.as_str())
                    && matches!(d.problem, Problem::RowMissing { .. }))
            });
            let diagnostic = run_diagnostic(info, row);
            self.diagnostics.push(diagnostic);
        }
    }

    /// The rows of a table found as runs that are neither read, nor a run, nor reported.
    fn rows_not_in_runs(&mut self, found: &[RunRow]) {
        let info = self.info;
        let located: Vec<&str> = found.iter().map(|r| r.pointer.as_str()).collect();
        for table in &info.layout().tables {
            if !located.iter().any(|p| p.starts_with(&table.pointer)) {
                continue;
            }
            for block in &table.blocks {
                let mut rows = Vec::new();
                data_rows(&block.rows, &mut rows);
                for row in rows {
                    let Some(pointer) = row.pointer() else {
                        continue;
                    };
                    let read = row.cells.iter().any(|c| self.is_read(&c.pointer));
                    let reported = self
                        .diagnostics
                        .iter()
                        .any(|d| d.pointer.as_deref() == Some(pointer.as_str()));
                    if !read && !reported && !located.contains(&pointer.as_str()) {
                        let path = row_path(&block.rows, row).unwrap_or_default();
                        self.diagnose(Problem::RowNotInRun { path }, None, Some(pointer));
                    }
                }
            }
        }
    }
}

fn run_diagnostic(info: &FormInfo, row: RunRow) -> Diagnostic {
    let suggested = |c: usize, value: Decimal| Suggested {
        pointer: info.cells[c].pointer.clone(),
        value,
    };
    let readings = match (row.suggestion(), row.readings.as_ref()) {
        (Some(one), _) if row.cells.len() == 1 => RunReadings::InText {
            value: suggested(row.cells[0], one[0]),
        },
        (Some(one), _) => RunReadings::One {
            values: row
                .cells
                .iter()
                .zip(one)
                .map(|(&c, &v)| suggested(c, v))
                .collect(),
            across_rows: row.by_columns,
        },
        (None, Some(readings)) if readings.is_empty() => RunReadings::None {
            cuts: row.cuts,
            cells: row.cells.len(),
        },
        (None, Some(readings)) => RunReadings::Several {
            readings: readings.len(),
            cuts: row.cuts,
            cells: row.cells.len(),
        },
        (None, None) => RunReadings::TooMany,
    };
    Diagnostic::new(
        Problem::Run {
            run: row.run,
            readings,
        },
        Some(row.position),
        Some(row.pointer),
    )
}

/// The JSON a reading of the form starts from: every cell blank (`null`), repeated rows none,
/// empty structs empty.
fn skeleton(info: &FormInfo) -> Value {
    let mut json = Value::Object(Map::new());
    for cell in &info.cells {
        match cell.rows {
            // Repeated rows: none until read.
            Some(array) => set(&mut json, &cell.keys[..array], Value::Array(Vec::new())),
            None => set(&mut json, &cell.keys, Value::Null),
        }
    }
    // Every other value a table holds is blank until read.
    let cells = info.layout().tables.iter().flat_map(|t| &t.blocks);
    for block in cells {
        let mut rows = Vec::new();
        data_rows(&block.rows, &mut rows);
        for repeated in rows.iter().filter(|row| row.repeated) {
            let keys = crate::model::pointer::tokens(&repeated.pointer);
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            set(&mut json, &keys, Value::Array(Vec::new()));
        }
        for cell in rows
            .iter()
            .filter(|row| !row.repeated)
            .flat_map(|row| &row.cells)
        {
            let keys = crate::model::pointer::tokens(&cell.pointer);
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            if json.pointer(&cell.pointer).is_none() {
                set(&mut json, &keys, Value::Null);
            }
        }
    }
    // A struct with no fields of the form's (an empty one, or all skipped) is drawn as
    // nothing and read as what it is: an empty object.
    empty_structs(&info.root, &mut Vec::new(), &mut json);
    json
}
