//! `baobiao schema [FORM] [-o FILE]`: a form's JSON Schema.

use std::path::Path;
use std::process::ExitCode;

use super::forms;

pub fn run(form: &str, output: Option<&Path>) -> ExitCode {
    let entry = match forms::entry(form) {
        Ok(entry) => entry,
        Err(code) => return code,
    };
    let schema = (entry.schema)();
    super::write_json(output, &schema)
}
