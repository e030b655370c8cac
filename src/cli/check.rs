//! `baobiao check FILE`: read a report as its form, check every rule, print the outcome.

use std::process::ExitCode;

use crate::read::{ReadError, SourceKind};
use crate::render::{Part, text};
use crate::set::FormSet;
use crate::{CheckOptions, Lang, Status};

use super::{Format, human, source};

/// What a check found, ready to print.
pub struct Checked<'a> {
    pub title: &'a str,
    pub summary: crate::Summary<'a>,
    /// The tables that have failures, drawn as text with the failing cells marked.
    pub failing_tables: String,
    pub instances: usize,
    pub passed: usize,
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
    diagnostics: Vec<serde_json::Value>,
}

pub fn run(
    forms: &FormSet,
    args: &source::Args,
    format: Format,
    strict: bool,
    lang: Lang,
) -> ExitCode {
    let (entry, reading) = match source::load(forms, args) {
        Ok(loaded) => loaded,
        Err(err) => return unreadable(args, &err, format, lang),
    };
    let report = reading.form.check_with(CheckOptions { strict });
    let mut summary = report.summary();
    summary.locate(|pointer| reading.position_of(pointer));
    // Parts of the report were not found: its rules were checked on what was read, but it
    // cannot pass.
    let complete = reading.is_complete();
    summary.ok &= complete;
    let document = reading.form.document(Some(&report), lang);
    let colour = super::render::colour_wanted();
    let failing_tables = document
        .parts
        .iter()
        .filter_map(|part| match part {
            Part::Table { grid, summary } if !summary.is_empty() => {
                Some(text::table_with_summary(grid, summary, colour))
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let outcomes = report.outcomes();
    let checked = Checked {
        title: entry.title(),
        summary,
        failing_tables,
        instances: outcomes.len(),
        passed: outcomes.iter().filter(|o| o.status == Status::Pass).count(),
    };
    let published = reading.kind != SourceKind::Json;
    match format {
        Format::Json => {
            let out = CheckJson {
                summary: checked.summary.json(lang),
                reading: published.then(|| ReadingJson {
                    form: entry.name(),
                    diagnostics: human::diagnostics_json(&reading.diagnostics, lang),
                }),
            };
            if super::write_json(None, &out) != ExitCode::SUCCESS {
                return ExitCode::from(2);
            }
        }
        Format::Text => {
            let mut text = String::new();
            if published {
                text.push_str(&human::reading(entry.title(), &reading.diagnostics, lang));
            }
            text.push_str(&human::render(&args.file, &checked, lang));
            // A closed or full output is said, never a panic.
            if super::write_output(None, text.as_bytes()) != ExitCode::SUCCESS {
                return ExitCode::from(2);
            }
        }
    }
    if !complete {
        eprintln!(
            "{}",
            lang.pick(
                "baobiao: 报告未能完整读取（见上方诊断），不能判定为通过",
                "baobiao: the report could not be read completely (see the diagnostics); it cannot pass"
            )
        );
        ExitCode::from(2)
    } else if checked.summary.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The report could not be read: say why and where (and, for a published report that did not
/// read into a whole form, what was not found); with `--format json`, as JSON too.
fn unreadable(args: &source::Args, err: &ReadError, format: Format, lang: Lang) -> ExitCode {
    if let ReadError::Incomplete { reading, .. } = err {
        eprint!("{}", human::reading("", &reading.diagnostics, lang));
    }
    source::say_unreadable(args, err, lang);
    if format == Format::Json {
        let (line, column) = err.place().unzip();
        let pointer = match err {
            ReadError::Json { error, .. } => error.pointer.as_deref(),
            ReadError::Incomplete { pointer, .. } => pointer.as_deref(),
            _ => None,
        };
        let mut json = serde_json::json!({
            "ok": false,
            "error": {
                "file": args.file.display().to_string(),
                "line": line,
                "column": column,
                "pointer": pointer,
                "message": err.message(lang),
            }
        });
        if let ReadError::Incomplete { reading, .. } = err {
            json["error"]["diagnostics"] =
                human::diagnostics_json(&reading.diagnostics, lang).into();
        }
        super::write_json(None, &json);
    }
    ExitCode::from(2)
}
