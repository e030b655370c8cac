//! What a command reads: a file, or standard input (`-`), read through the form set as a
//! filled form's JSON or a published report, as the form named or the one it fits best.

use std::fmt;
use std::path::PathBuf;

use crate::read::{Options, ReadError};
use crate::set::{FormSet, SetReading};

/// How a report is read: the form and the encoding, when not left to the reader.
#[derive(clap::Args, Debug, Clone)]
pub struct How {
    /// The form the report is filled in (default: for JSON, the first form that takes it; for a
    /// published report, the form it matches best).
    #[arg(long)]
    pub form: Option<String>,
    /// The text encoding of a published report that neither is UTF-8 nor declares one (`gbk`,
    /// `gb18030`: CSV saved by Excel on Chinese Windows). JSON is always UTF-8.
    #[arg(long)]
    pub encoding: Option<String>,
}

/// The one report `render` and `read` take.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The report: a form as JSON, or a published report (an HTML page, text or Markdown, CSV,
    /// XLSX, DOCX or PDF); `-` reads standard input.
    pub file: PathBuf,
    #[command(flatten)]
    pub how: How,
}

/// A report to read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input, `-`: its kind told by its content.
    Stdin,
    /// A file: its kind told by its name, else its content.
    File(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else a file.
    pub fn from_arg(arg: &std::path::Path) -> Input {
        if arg.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(arg.to_owned())
        }
    }

    /// Reads the report as one of `forms`, the form named in `how` or the one it fits best.
    pub fn load<'s>(&self, forms: &'s FormSet, how: &How) -> Result<SetReading<'s>, ReadError> {
        let options = Options {
            encoding: how.encoding.clone(),
            ..Options::default()
        };
        let form = how.form.as_deref();
        match self {
            Input::File(path) => forms.read_at(path, &options, form),
            Input::Stdin => {
                let bytes = crate::read::bounded(std::io::stdin().lock())?;
                forms.read(bytes, &options, form)
            }
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("-"),
            Input::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// Why `input` could not be read, and where: `FILE:LINE:COLUMN: message`.
pub fn unreadable(input: &Input, err: &ReadError, lang: crate::Lang) -> String {
    let place = err
        .place()
        .map(|(line, column)| format!(":{line}:{column}"))
        .unwrap_or_default();
    format!("{input}{place}: {}", err.message(lang))
}
