//! `baobiao schema [FORM] [-o FILE]`: a form's JSON Schema.

use std::path::Path;
use std::process::ExitCode;

use crate::set::FormSet;

pub fn run(
    forms: &FormSet,
    form: Option<&str>,
    output: Option<&Path>,
    out: &super::Out,
) -> ExitCode {
    match super::entry(forms, form, out) {
        Ok(entry) => out.code(out.json(output, &entry.schema())),
        Err(code) => code,
    }
}
