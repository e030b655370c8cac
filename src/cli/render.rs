//! `baobiao render FILE --to html|html-fragment|text|md|csv|xlsx|docx [-o OUT]`: the official
//! tables, after a check, with failing cells marked.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::render::{self, Document};
use crate::set::FormSet;
use crate::{CheckOptions, Lang};

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

/// `document` drawn as `target`.
fn draw(document: &Document, target: Target) -> Result<Vec<u8>, String> {
    Ok(match target {
        Target::Html => render::html::page(document).into_bytes(),
        Target::HtmlFragment => render::html::fragment(document).into_bytes(),
        Target::Text => render::text::document(document, colour_wanted()).into_bytes(),
        Target::Md => render::markdown::document(document).into_bytes(),
        Target::Csv => render::csv::document(document).into_bytes(),
        Target::Xlsx => render::xlsx::document(document).map_err(|err| err.to_string())?,
        Target::Docx => render::docx::document(document).map_err(|err| err.to_string())?,
    })
}

/// Colour only on a terminal, and never when `NO_COLOR` is set.
pub fn colour_wanted() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

pub fn run(
    forms: &FormSet,
    args: &super::source::Args,
    target: Target,
    output: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let (_, reading) = match super::source::load(forms, args) {
        Ok(loaded) => loaded,
        Err(err) => {
            super::source::say_unreadable(args, &err, lang);
            return ExitCode::from(2);
        }
    };
    let report = reading.form.check_with(CheckOptions::default());
    let document = reading.form.document(Some(&report), lang);
    match draw(&document, target) {
        Ok(bytes) => super::write_output(output, &bytes),
        Err(message) => {
            eprintln!("baobiao: {message}");
            ExitCode::from(2)
        }
    }
}
