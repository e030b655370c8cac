//! `baobiao check FILE`: read a filled form, check every rule, print the outcome.

use std::path::Path;
use std::process::ExitCode;

use baobiao::{CheckOptions, Lang};

use super::input::{self, InputError};
use super::{Format, forms, human};

pub fn run(file: &Path, format: Format, strict: bool, lang: Lang, form: &str) -> ExitCode {
    let entry = match forms::entry(form) {
        Ok(entry) => entry,
        Err(code) => return code,
    };
    let checked = input::read_text(file)
        .and_then(|text| (entry.check)(file, &text, CheckOptions { strict }, lang));
    let checked = match checked {
        Ok(checked) => checked,
        Err(err) => return unreadable(&err, format, lang),
    };
    let summary = &checked.summary;
    match format {
        Format::Json => match serde_json::to_string_pretty(summary) {
            Ok(json) => println!("{json}"),
            Err(err) => {
                eprintln!("baobiao: cannot write JSON: {err}");
                return ExitCode::from(2);
            }
        },
        Format::Text => print!("{}", human::render(file, entry.title, &checked, lang)),
    }
    if summary.ok {
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
