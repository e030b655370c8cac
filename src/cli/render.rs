//! `baobiao render FILE --to html|html-fragment|text|md|csv|xlsx|docx [-o OUT]`: the official
//! tables, after a check, with failing cells marked.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::CheckOptions;
use crate::render::{self, Document};
use crate::set::FormSet;

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

impl Target {
    /// A file format, not text: not for a terminal.
    fn is_binary(self) -> bool {
        matches!(self, Target::Xlsx | Target::Docx)
    }
}

/// `document` drawn as `target`.
fn draw(document: &Document, target: Target, colour: bool) -> Result<Vec<u8>, String> {
    Ok(match target {
        Target::Html => render::html::page(document).into_bytes(),
        Target::HtmlFragment => render::html::fragment(document).into_bytes(),
        Target::Text => render::text::document(document, colour).into_bytes(),
        Target::Md => render::markdown::document(document).into_bytes(),
        Target::Csv => render::csv::document(document).into_bytes(),
        Target::Xlsx => render::xlsx::document(document).map_err(|err| err.to_string())?,
        Target::Docx => render::docx::document(document).map_err(|err| err.to_string())?,
    })
}

pub fn run(
    forms: &FormSet,
    args: &super::input::Args,
    target: Target,
    output: Option<&Path>,
    out: &super::Out,
) -> ExitCode {
    let lang = out.lang;
    // An office file is bytes for a program, not for a person: a terminal gets none of it.
    if target.is_binary() && output.is_none() && std::io::stdout().is_terminal() {
        out.error(lang.pick(
            "XLSX、DOCX 是二进制文件，不写到终端；请用 -o 指定文件，或重定向输出",
            "XLSX and DOCX are binary files, not written to a terminal; name a file with -o, or redirect the output",
        ));
        return ExitCode::from(2);
    }
    let source = super::input::Input::from_arg(&args.file);
    let (_, reading) = match source.load(forms, &args.how) {
        Ok(loaded) => loaded,
        Err(err) => {
            out.error(&super::input::unreadable(&source, &err, lang));
            return ExitCode::from(2);
        }
    };
    let report = reading.form.check_with(CheckOptions::default());
    let document = reading.form.document(Some(&report), lang);
    match draw(&document, target, out.colour && output.is_none()) {
        Ok(bytes) => out.code(out.write(output, &bytes)),
        Err(message) => {
            out.error(&message);
            ExitCode::from(2)
        }
    }
}
