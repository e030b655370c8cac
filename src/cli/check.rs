//! `baobiao check FILE`: read a filled form, check every rule, print the outcome.

use std::process::ExitCode;

use baobiao::{CheckOptions, Lang};

use super::input::InputError;
use super::{Format, human, source};

pub fn run(args: &source::Args, format: Format, strict: bool, lang: Lang) -> ExitCode {
    let file = args.file.as_path();
    let loaded = match source::load(args) {
        Ok(loaded) => loaded,
        Err(Ok(err)) => return unreadable(&err, format, lang),
        Err(Err(code)) => return code,
    };
    let entry = loaded.entry;
    let checked = match (entry.check)(file, &loaded.json, CheckOptions { strict }, lang) {
        Ok(checked) => checked,
        Err(err) => {
            // A published report that did not read into a whole form: say what was missing.
            if let Some(diagnostics) = &loaded.diagnostics {
                eprint!("{}", human::reading(entry.title, diagnostics, lang));
            }
            return unreadable(&err, format, lang);
        }
    };
    let incomplete = loaded
        .diagnostics
        .as_ref()
        .is_some_and(|d| d.iter().any(|d| d.is_missing_part()));
    let mut checked = checked;
    checked
        .summary
        .locate(|pointer| loaded.positions.get(pointer).map(ToString::to_string));
    // Parts of the report were not found: its rules were checked on what was read, but it
    // cannot pass.
    checked.summary.ok &= !incomplete;
    let summary = &checked.summary;
    match format {
        Format::Json => match serde_json::to_value(summary)
            .map(|mut json| {
                if let Some(diagnostics) = &loaded.diagnostics {
                    let diagnostics: Vec<serde_json::Value> =
                        diagnostics.iter().map(|d| d.to_json(lang)).collect();
                    json["reading"] =
                        serde_json::json!({ "form": entry.name, "diagnostics": diagnostics });
                }
                json
            })
            .and_then(|json| serde_json::to_string_pretty(&json))
        {
            Ok(json) => println!("{json}"),
            Err(err) => {
                eprintln!("baobiao: cannot write JSON: {err}");
                return ExitCode::from(2);
            }
        },
        Format::Text => {
            if let Some(diagnostics) = &loaded.diagnostics {
                print!("{}", human::reading(entry.title, diagnostics, lang));
            }
            print!("{}", human::render(file, entry.title, &checked, lang));
        }
    }
    if incomplete {
        eprintln!(
            "{}",
            lang.pick(
                "baobiao: 报告未能完整读取（见上方诊断），不能判定为通过",
                "baobiao: the report could not be read completely (see the diagnostics); it cannot pass"
            )
        );
        ExitCode::from(2)
    } else if summary.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn unreadable(err: &InputError, format: Format, lang: Lang) -> ExitCode {
    eprintln!(
        "{}: {err}",
        lang.pick("baobiao: 无法读取输入", "baobiao: cannot read input")
    );
    if format == Format::Json {
        let json = serde_json::json!({
            "ok": false,
            "error": {
                "file": err.file,
                "line": err.line,
                "column": err.column,
                "pointer": err.pointer,
                "message": err.message,
            }
        });
        println!("{json:#}");
    }
    ExitCode::from(2)
}
