//! The forms the command line knows, by name.

use std::path::Path;

use baobiao::forms::annual_report_2019::AnnualReport2019;
use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::{CheckOptions, Form, FormInfo, Lang, Status, Summary};
use serde::de::DeserializeOwned;

use super::input::{self, InputError};

pub const DEFAULT: &str = "annual-report-2021";

/// What a check found, ready to print.
pub struct Checked {
    pub summary: Summary,
    /// The tables that have failures, drawn as text with the failing cells marked.
    pub failing_tables: String,
    pub instances: usize,
    pub passed: usize,
}

/// Reads a form from a file's text and draws it.
type RenderFn = fn(&Path, &str, Lang, super::render::Target) -> Result<Vec<u8>, InputError>;

/// A form the command line can read and check.
pub struct Entry {
    pub name: &'static str,
    pub title: &'static str,
    pub info: fn() -> &'static FormInfo,
    pub schema: fn() -> serde_json::Value,
    pub check: fn(&Path, &str, CheckOptions, Lang) -> Result<Checked, InputError>,
    pub render: RenderFn,
}

pub const ALL: &[Entry] = &[
    Entry {
        name: "annual-report-2021",
        title: "政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）",
        info: AnnualReport::info,
        schema: baobiao::schema::root::<AnnualReport>,
        check: check_as::<AnnualReport>,
        render: super::render::render_as::<AnnualReport>,
    },
    Entry {
        name: "annual-report-2019",
        title: "政府信息公开工作年度报告（国办公开办函〔2019〕60号格式，试行）",
        info: AnnualReport2019::info,
        schema: baobiao::schema::root::<AnnualReport2019>,
        check: check_as::<AnnualReport2019>,
        render: super::render::render_as::<AnnualReport2019>,
    },
];

fn check_as<F: Form + DeserializeOwned + serde::Serialize>(
    path: &Path,
    text: &str,
    options: CheckOptions,
    lang: Lang,
) -> Result<Checked, InputError> {
    let form: F = input::read_json(path, text)?;
    let report = form.check_with(options);
    let document = baobiao::render::document(&form, Some(&report), lang);
    let colour = super::render::colour_wanted();
    let failing_tables = document
        .parts
        .iter()
        .filter_map(|part| match part {
            baobiao::render::Part::Table { grid, summary } if !summary.is_empty() => Some(
                baobiao::render::text::table_with_summary(grid, summary, colour),
            ),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Checked {
        summary: report.summary(lang),
        failing_tables,
        instances: report.outcomes().len(),
        passed: report
            .outcomes()
            .iter()
            .filter(|o| o.status == Status::Pass)
            .count(),
    })
}

/// The entry named `name`; otherwise says which forms exist and gives the exit code.
pub fn entry(name: &str) -> Result<&'static Entry, std::process::ExitCode> {
    find(name).map_err(|message| {
        eprintln!("baobiao: {message}");
        std::process::ExitCode::from(2)
    })
}

/// The entry named `name`, or a message listing the known ones.
pub fn find(name: &str) -> Result<&'static Entry, String> {
    ALL.iter().find(|e| e.name == name).ok_or_else(|| {
        let known: Vec<&str> = ALL.iter().map(|e| e.name).collect();
        format!("unknown form {name:?}; known forms: {}", known.join(", "))
    })
}
