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
    let text = match serde_json::to_string_pretty(&schema) {
        Ok(text) => text + "\n",
        Err(err) => {
            eprintln!("baobiao: cannot write JSON: {err}");
            return ExitCode::from(2);
        }
    };
    super::write_output(output, text.as_bytes())
}
