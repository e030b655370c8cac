//! The one way to read a report into a form: [`report`] takes a file's bytes, finds what kind
//! of file it is, decodes it within bounds ([`super::input`]), and reads it as the form —
//! parsing JSON, or finding the form's parts in a published page, text, sheet or document.

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::form::{Diagnostic, ReadForm, read_form};
use super::input::{self, Options, ReadError, Source, SourceKind};
use crate::json;
use crate::model::form::Form;
use crate::model::info::FormInfo;
use crate::model::position::Position;

/// A report read into the form `F`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading<F> {
    /// The form, filled in as the report has it (cells not read are blank).
    pub form: F,
    /// What kind of file it was.
    pub kind: SourceKind,
    /// What could not be read as the form declares it (none for JSON).
    pub diagnostics: Vec<Diagnostic>,
    /// Where each cell was read from, by the cell's JSON pointer (none for JSON).
    pub positions: BTreeMap<String, Position>,
}

impl<F> Reading<F> {
    /// True when everything of the form the report holds was read: every part found, every
    /// value read as a value of its cell. A check of an incomplete reading says nothing about
    /// what was not read.
    pub fn is_complete(&self) -> bool {
        !self
            .diagnostics
            .iter()
            .any(Diagnostic::leaves_something_unread)
    }

    /// The form's cells (indices into [`FormInfo::cells`]) that were not read from the report:
    /// those a diagnostic says were left unread (a row not found, a value that is not one of
    /// its cell, a row whose values could not be placed), and, where the form could not be
    /// built, the columns of repeated rows. None for JSON.
    pub fn unread_cells(&self, info: &FormInfo, built: bool) -> Vec<usize> {
        let pointers: Vec<&str> = self
            .diagnostics
            .iter()
            .filter(|d| d.leaves_something_unread())
            .filter_map(|d| d.pointer.as_deref())
            .collect();
        info.cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| {
                (!built && cell.rows.is_some()) || pointers.iter().any(|p| under(&cell.pointer, p))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether anything of the form's cells was read: a reading without one is no reading of
    /// the form's tables at all. A form without number cells (text and choices only) has no
    /// such test: true.
    pub fn read_any_cell(&self, info: &FormInfo) -> bool {
        if info.cells.is_empty() {
            return true;
        }
        // An element of repeated rows is placed at its index: `/rows/0/col` for `/rows/*/col`.
        let template = |pointer: &str| -> String {
            pointer
                .split('/')
                .map(|k| {
                    if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) {
                        "*"
                    } else {
                        k
                    }
                })
                .collect::<Vec<_>>()
                .join("/")
        };
        let cells: std::collections::HashSet<&str> =
            info.cells.iter().map(|c| c.pointer.as_str()).collect();
        self.positions
            .keys()
            .any(|p| cells.contains(p.as_str()) || cells.contains(template(p).as_str()))
    }

    /// How complete the reading is, counted for the verdict.
    pub fn completeness(&self) -> super::completeness::Completeness {
        super::completeness::Completeness::of(&self.diagnostics)
    }

    /// Where the cell at `pointer` was read from.
    pub fn position_of(&self, pointer: &str) -> Option<Position> {
        self.positions.get(pointer).copied()
    }

    /// The same reading with the form changed (boxed, say).
    pub fn map<G>(self, f: impl FnOnce(F) -> G) -> Reading<G> {
        Reading {
            form: f(self.form),
            kind: self.kind,
            diagnostics: self.diagnostics,
            positions: self.positions,
        }
    }
}

/// True when `pointer` is `prefix` or lies under it.
fn under(pointer: &str, prefix: &str) -> bool {
    pointer == prefix
        || (pointer.starts_with(prefix) && pointer.as_bytes().get(prefix.len()) == Some(&b'/'))
}

/// Reads a report as the form `F`: a filled form's JSON, or a published report (an HTML page,
/// text or Markdown, CSV, XLSX, DOCX). The kind comes from `options`, else the file's name,
/// else its content; see [`MAX_FILE`](super::MAX_FILE) and [`MAX_TEXT`](super::MAX_TEXT) for
/// the limits.
///
/// ```no_run
/// # fn demo<F: baobiao_core::Form + serde::de::DeserializeOwned>() -> Result<(), Box<dyn std::error::Error>> {
/// use baobiao_core::Form;
/// use baobiao_core::read::{self, Options};
///
/// let bytes = std::fs::read("report.html")?;
/// let reading = read::report::<F>(bytes, &Options::named("report.html"))?;
/// for diagnostic in &reading.diagnostics {
///     eprintln!("{diagnostic}");
/// }
/// let report = reading.form.check();
/// # Ok(())
/// # }
/// ```
pub fn report<F: Form + DeserializeOwned>(
    bytes: impl Into<Vec<u8>>,
    options: &Options,
) -> Result<Reading<F>, ReadError> {
    let source = input::source(bytes.into(), options)?;
    from_source(source, F::info(), json::from_str::<F>)
}

/// Reads the file at `path` as the form `F`, its name telling its kind unless `options` does.
pub fn report_at<F: Form + DeserializeOwned>(
    path: &Path,
    options: &Options,
) -> Result<Reading<F>, ReadError> {
    let bytes = input::file(path)?;
    report::<F>(bytes, &options.clone().with_path(path))
}

/// Reads `source` as the form `info` describes, made by `parse` from JSON.
pub(crate) fn from_source<F>(
    source: Source,
    info: &crate::model::info::FormInfo,
    parse: impl Fn(&str) -> Result<F, json::JsonError>,
) -> Result<Reading<F>, ReadError> {
    match source {
        Source::Json(text) => Ok(Reading {
            form: parse(&text).map_err(|error| ReadError::Json { form: None, error })?,
            kind: SourceKind::Json,
            diagnostics: Vec::new(),
            positions: BTreeMap::new(),
        }),
        Source::Document { kind, document } => {
            into_reading(read_form(info, &document), kind, info, parse)
        }
    }
}

/// A published report's reading, deserialised into the form (every number exactly as read).
pub(crate) fn into_reading<F>(
    read: ReadForm,
    kind: SourceKind,
    info: &FormInfo,
    parse: impl Fn(&str) -> Result<F, json::JsonError>,
) -> Result<Reading<F>, ReadError> {
    let json = read.form_json();
    match parse(&json) {
        Ok(form) => {
            super::form::spare::give_back(info, read.json);
            Ok(Reading {
                form,
                kind,
                diagnostics: read.diagnostics,
                positions: read.positions,
            })
        }
        // The reader fills every cell, blank where nothing was read; what the form still
        // refuses is a field it requires that was not found (a title, a text part).
        Err(err) => Err(ReadError::Incomplete {
            form: None,
            pointer: err.pointer,
            detail: err.detail,
            cells: read.slots(info),
            reading: Box::new(Reading {
                form: json,
                kind,
                diagnostics: read.diagnostics,
                positions: read.positions,
            }),
        }),
    }
}
