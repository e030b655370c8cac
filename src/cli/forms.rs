//! The forms the command line knows, by name.

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::{CheckOptions, Form, FormInfo, Report};

use super::input::{self, InputError};

pub const DEFAULT: &str = "annual-report-2021";

/// A form the command line can read and check.
pub struct Entry {
    pub name: &'static str,
    pub title: &'static str,
    pub info: fn() -> &'static FormInfo,
    pub check: fn(&std::path::Path, &str, CheckOptions) -> Result<Report<'static>, InputError>,
}

pub const ALL: &[Entry] = &[Entry {
    name: "annual-report-2021",
    title: "政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）",
    info: AnnualReport::info,
    check: |path, text, options| {
        Ok(input::read_json::<AnnualReport>(path, text)?.check_with(options))
    },
}];

/// The entry named `name`, or a message listing the known ones.
pub fn find(name: &str) -> Result<&'static Entry, String> {
    ALL.iter().find(|e| e.name == name).ok_or_else(|| {
        let known: Vec<&str> = ALL.iter().map(|e| e.name).collect();
        format!("unknown form {name:?}; known forms: {}", known.join(", "))
    })
}
