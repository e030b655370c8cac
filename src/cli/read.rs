//! `baobiao read FILE [-o out.json]`: a published report (HTML page or text) read into the form
//! it matches best, written as JSON with what could not be read and where each cell was read from.

use std::path::Path;
use std::process::ExitCode;

use super::source;

pub fn run(args: &source::Args, output: Option<&Path>) -> ExitCode {
    let file = args.file.as_path();
    let loaded = match source::load(args) {
        Ok(loaded) => loaded,
        Err(Ok(err)) => {
            eprintln!("baobiao: cannot read input: {err}");
            return ExitCode::from(2);
        }
        Err(Err(code)) => return code,
    };
    let report: serde_json::Value = match serde_json::from_str(&loaded.json) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("baobiao: {}: {err}", file.display());
            return ExitCode::from(2);
        }
    };
    let out = serde_json::json!({
        "form": loaded.entry.name,
        "report": report,
        "diagnostics": loaded
            .diagnostics
            .unwrap_or_default()
            .iter()
            .map(|d| d.to_json(baobiao::Lang::Zh))
            .collect::<Vec<_>>(),
        "sources": loaded
            .positions
            .iter()
            .map(|(pointer, position)| (pointer.clone(), position.to_string().into()))
            .collect::<serde_json::Map<String, serde_json::Value>>(),
    });
    super::write_json(output, &out)
}
