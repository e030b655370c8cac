//! `baobiao read FILE [-o out.json]`: a report read into the form it matches best, written as
//! JSON: the form (its fields in declaration order, every number as read), what could not be
//! read, and where each cell was read from.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::input::{self, Input};
use crate::Position;
use crate::set::FormSet;

#[derive(Serialize)]
struct ReadOut<'a, R: Serialize + ?Sized> {
    form: &'a str,
    report: &'a R,
    diagnostics: Vec<serde_json::Value>,
    sources: &'a BTreeMap<String, Position>,
}

pub fn run(
    forms: &FormSet,
    args: &input::Args,
    output: Option<&Path>,
    out: &super::Out,
) -> ExitCode {
    let lang = out.lang;
    let source = Input::from_arg(&args.file);
    let (entry, reading) = match source.load(forms, &args.how) {
        Ok(loaded) => loaded,
        Err(err) => {
            out.error(&input::unreadable(&source, &err, lang));
            // What was read is still written, for a person to see what is missing.
            if let crate::read::ReadError::Incomplete { form, reading, .. } = &err
                && let Ok(report) = serde_json::value::RawValue::from_string(reading.form.clone())
            {
                let written = ReadOut {
                    form: form.as_deref().unwrap_or_default(),
                    report: &report,
                    diagnostics: super::human::diagnostics_json(&reading.diagnostics, lang),
                    sources: &reading.positions,
                };
                let _ = out.json(output, &written);
            }
            return ExitCode::from(2);
        }
    };
    let written = ReadOut {
        form: entry.name(),
        report: &*reading.form,
        diagnostics: super::human::diagnostics_json(&reading.diagnostics, lang),
        sources: &reading.positions,
    };
    out.code(out.json(output, &written))
}
