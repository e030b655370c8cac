//! `baobiao render FILE --to html|html-fragment|text|md|csv [-o OUT]`: the official tables,
//! after a check, with failing cells marked.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use baobiao::render;
use baobiao::{Form, Lang};
use clap::ValueEnum;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::input::{self, InputError};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// A complete, printable HTML page.
    Html,
    /// The tables only, as HTML to embed.
    HtmlFragment,
    /// Box-drawn text (coloured on a terminal).
    Text,
    /// Markdown tables.
    Md,
    /// CSV, one line per data row.
    Csv,
    /// An Excel workbook, one sheet per table.
    Xlsx,
    /// A Word document.
    Docx,
}

/// Reads, checks and draws a form of type `F`.
pub fn render_as<F: Form + DeserializeOwned + Serialize>(
    path: &Path,
    text: &str,
    lang: Lang,
    target: Target,
) -> Result<Vec<u8>, InputError> {
    let form: F = input::read_json(path, text)?;
    let report = form.check();
    let document = render::document(&form, Some(&report), lang);
    Ok(match target {
        Target::Html => render::html::page(&document).into_bytes(),
        Target::HtmlFragment => render::html::fragment(&document).into_bytes(),
        Target::Text => render::text::document(&document, colour_wanted()).into_bytes(),
        Target::Md => render::markdown::document(&document).into_bytes(),
        Target::Csv => render::csv::document(&document).into_bytes(),
        Target::Xlsx => {
            render::xlsx::document(&document).map_err(|err| unwritable(path, "workbook", &err))?
        }
        Target::Docx => {
            render::docx::document(&document).map_err(|err| unwritable(path, "document", &err))?
        }
    })
}

fn unwritable(path: &Path, what: &str, err: &dyn std::fmt::Display) -> InputError {
    InputError::at(path, format!("cannot write the {what}: {err}"))
}

/// Colour only on a terminal, and never when `NO_COLOR` is set.
pub fn colour_wanted() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

pub fn run(
    args: &super::source::Args,
    target: Target,
    output: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let file = args.file.as_path();
    let loaded = match super::source::load(args) {
        Ok(loaded) => loaded,
        Err(Ok(err)) => {
            eprintln!(
                "{}: {err}",
                lang.pick("baobiao: 无法读取输入", "baobiao: cannot read input")
            );
            return ExitCode::from(2);
        }
        Err(Err(code)) => return code,
    };
    let rendered = (loaded.entry.render)(file, &loaded.json, lang, target);
    let rendered = match rendered {
        Ok(rendered) => rendered,
        Err(err) => {
            eprintln!(
                "{}: {err}",
                lang.pick("baobiao: 无法读取输入", "baobiao: cannot read input")
            );
            return ExitCode::from(2);
        }
    };
    super::write_output(output, &rendered)
}
