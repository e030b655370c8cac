//! `baobiao check FILE`: read a report as its form, check every rule, print the outcome.
//!
//! A published report is checked on what was read of it: a rule reading a cell that was not
//! read (its row not found, its text not a value) is not assessable, the rest are decided, and
//! the verdict says first how complete the reading was. Exit 0 when no error-severity rule
//! failed, 1 when one did, 2 when the file could not be read as a report at all (nothing of the
//! form's cells was found), or, with `--require-complete`, when the reading is incomplete.

use std::process::ExitCode;

use crate::read::{Completeness, Diagnostic, ReadError, SourceKind};
use crate::render::{Part, text};
use crate::set::FormSet;
use crate::{CheckOptions, Lang, Report, Status};

use super::{Format, human, source};

/// How to check.
pub struct Options {
    /// Every blank or not-applicable cell is an error.
    pub strict: bool,
    /// An incomplete reading exits with 2.
    pub require_complete: bool,
}

/// What a check found, ready to print.
pub struct Checked<'a> {
    pub title: &'a str,
    pub summary: crate::Summary<'a>,
    /// The tables that have failures, drawn as text with the failing cells marked.
    pub failing_tables: String,
    pub instances: usize,
    pub passed: usize,
    /// How complete the reading of a published report was (none for a filled form's JSON).
    pub completeness: Option<Completeness>,
}

/// `--format json`: the findings, and for a published report how it was read.
#[derive(serde::Serialize)]
struct CheckJson<'a, 'f> {
    #[serde(flatten)]
    summary: crate::SummaryJson<'a, 'f>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reading: Option<ReadingJson<'a>>,
}

#[derive(serde::Serialize)]
struct ReadingJson<'a> {
    form: &'a str,
    /// True when everything of the form the report holds was read.
    complete: bool,
    /// What was not read, counted.
    completeness: Completeness,
    /// The verdict's first words: `读取完整`, `读取不完整：未找到 3 行`.
    summary: String,
    diagnostics: Vec<serde_json::Value>,
}

/// A report read, whole or as far as it went.
struct Read<'s> {
    entry: &'s crate::set::Entry,
    kind: SourceKind,
    diagnostics: Vec<Diagnostic>,
    positions: std::collections::BTreeMap<String, crate::Position>,
    /// The filled form, where the reading made one (a text part it requires may be missing).
    form: Option<Box<dyn crate::set::AnyForm>>,
    /// Its cells as read, where it made none.
    cells: Vec<crate::Slot>,
    read_any: bool,
    unread: Vec<usize>,
}

fn load<'s>(forms: &'s FormSet, args: &source::Args) -> Result<Read<'s>, ReadError> {
    match source::load(forms, args) {
        Ok((entry, reading)) => {
            let info = entry.info();
            // What `read` wrote of a published report carries its sources: still that report.
            let published = reading.kind != SourceKind::Json || !reading.positions.is_empty();
            Ok(Read {
                entry,
                kind: reading.kind,
                read_any: !published || reading.read_any_cell(info),
                unread: reading.unread_cells(info, true),
                diagnostics: reading.diagnostics,
                positions: reading.positions,
                form: Some(reading.form),
                cells: Vec::new(),
            })
        }
        Err(ReadError::Incomplete {
            form,
            reading,
            cells,
            ..
        }) => {
            let entry = forms
                .get_or_first(form.as_deref())
                .map_err(ReadError::UnknownForm)?;
            let info = entry.info();
            Ok(Read {
                entry,
                kind: reading.kind,
                read_any: reading.read_any_cell(info),
                unread: reading.unread_cells(info, false),
                diagnostics: reading.diagnostics,
                positions: reading.positions,
                form: None,
                cells,
            })
        }
        Err(err) => Err(err),
    }
}

pub fn run(
    forms: &FormSet,
    args: &source::Args,
    format: Format,
    options: Options,
    lang: Lang,
) -> ExitCode {
    let read = match load(forms, args) {
        Ok(read) => read,
        Err(err) => return unreadable(args, &err, format, lang),
    };
    let entry = read.entry;
    let published = read.kind != SourceKind::Json || !read.positions.is_empty();
    let completeness = Completeness::of(&read.diagnostics);
    let reading_json = || ReadingJson {
        form: entry.name(),
        complete: completeness.is_complete(),
        completeness,
        summary: completeness.describe(lang),
        diagnostics: human::diagnostics_json(&read.diagnostics, lang),
    };
    if !read.read_any {
        // Not one cell of the form was found: this is no reading of the form to check.
        let why = lang.pick(
            "报告中未找到该表单的任何单元格，无从检查（见诊断）",
            "not one cell of the form was found in the report; there is nothing to check (see the diagnostics)",
        );
        match format {
            Format::Json => {
                let json = serde_json::json!({
                    "ok": false,
                    "error": {"file": args.file.display().to_string(), "message": why},
                    "reading": reading_json(),
                });
                super::write_json(None, &json);
            }
            Format::Text => {
                let text = human::reading(entry.title(), &read.diagnostics, lang);
                let _ = super::write_output(None, text.as_bytes());
            }
        }
        eprintln!(
            "{}: {}: {why}",
            lang.pick("baobiao: 无法读取输入", "baobiao: cannot read input"),
            args.file.display(),
        );
        return ExitCode::from(2);
    }
    let check = CheckOptions {
        strict: options.strict,
    };
    let report = match &read.form {
        Some(form) => form.check_with(check),
        None => Report::from_slots(entry.info(), read.cells.clone(), check),
    }
    .with_unread(&read.unread);
    let mut summary = report.summary();
    summary.locate(|pointer| read.positions.get(pointer).copied());
    let failing_tables = match &read.form {
        Some(form) => {
            let document = form.document(Some(&report), lang);
            let colour = super::render::colour_wanted();
            document
                .parts
                .iter()
                .filter_map(|part| match part {
                    Part::Table { grid, summary } if !summary.is_empty() => {
                        Some(text::table_with_summary(grid, summary, colour))
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        None => String::new(),
    };
    let outcomes = report.outcomes();
    let checked = Checked {
        title: entry.title(),
        summary,
        failing_tables,
        instances: outcomes.len(),
        passed: outcomes.iter().filter(|o| o.status == Status::Pass).count(),
        completeness: published.then_some(completeness),
    };
    let ok = checked.summary.ok;
    match format {
        Format::Json => {
            let out = CheckJson {
                summary: checked.summary.json(lang),
                reading: published.then(reading_json),
            };
            if super::write_json(None, &out) != ExitCode::SUCCESS {
                return ExitCode::from(2);
            }
        }
        Format::Text => {
            let mut text = String::new();
            if published {
                text.push_str(&human::reading(entry.title(), &read.diagnostics, lang));
            }
            text.push_str(&human::render(&args.file, &checked, lang));
            // A closed or full output is said, never a panic.
            if super::write_output(None, text.as_bytes()) != ExitCode::SUCCESS {
                return ExitCode::from(2);
            }
        }
    }
    if options.require_complete && !completeness.is_complete() {
        eprintln!(
            "{}",
            lang.pick(
                "baobiao: 报告未能完整读取（见上方诊断）；按 --require-complete，以退出码 2 结束",
                "baobiao: the report was not read completely (see the diagnostics); with --require-complete that ends with exit code 2"
            )
        );
        ExitCode::from(2)
    } else if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The report could not be read: say why and where; with `--format json`, as JSON too.
fn unreadable(args: &source::Args, err: &ReadError, format: Format, lang: Lang) -> ExitCode {
    source::say_unreadable(args, err, lang);
    if format == Format::Json {
        let (line, column) = err.place().unzip();
        let pointer = match err {
            ReadError::Json { error, .. } => error.pointer.as_deref(),
            _ => None,
        };
        let json = serde_json::json!({
            "ok": false,
            "error": {
                "file": args.file.display().to_string(),
                "line": line,
                "column": column,
                "pointer": pointer,
                "message": err.message(lang),
            }
        });
        super::write_json(None, &json);
    }
    ExitCode::from(2)
}
