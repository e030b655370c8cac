//! `baobiao schema [FORM] [-o FILE]`: a form's JSON Schema.

use std::path::Path;
use std::process::ExitCode;

use crate::Lang;
use crate::set::FormSet;

pub fn run(forms: &FormSet, form: Option<&str>, output: Option<&Path>) -> ExitCode {
    match super::entry(forms, form, Lang::default()) {
        Ok(entry) => super::write_json(output, &entry.schema()),
        Err(code) => code,
    }
}
