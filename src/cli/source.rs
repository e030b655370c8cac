//! The file given to `check`, `render` or `read`, read through the form set: a filled form's
//! JSON, or a published report read as the form named or the one it fits best.

use std::path::PathBuf;

use crate::read::{Options, ReadError};
use crate::set::{FormSet, SetReading};

/// The file a command reads, and how.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The report: a form as JSON, or a published report (an HTML page, text or Markdown, CSV,
    /// XLSX, DOCX or PDF).
    pub file: PathBuf,
    /// The form the file is filled in (default: for JSON, the first form that takes it; for a
    /// published report, the form it matches best).
    #[arg(long)]
    pub form: Option<String>,
    /// The text encoding of a published report that neither is UTF-8 nor declares one (`gbk`,
    /// `gb18030`: CSV saved by Excel on Chinese Windows). JSON is always UTF-8.
    #[arg(long)]
    pub encoding: Option<String>,
}

/// Reads the file named in `args` as one of `forms`.
pub fn load<'s>(forms: &'s FormSet, args: &Args) -> Result<SetReading<'s>, ReadError> {
    let options = Options {
        encoding: args.encoding.clone(),
        ..Options::default()
    };
    forms.read_at(&args.file, &options, args.form.as_deref())
}

/// Says on standard error that `args`'s file could not be read, and where.
pub fn say_unreadable(args: &Args, err: &ReadError, lang: crate::Lang) {
    let place = err
        .place()
        .map(|(line, column)| format!(":{line}:{column}"))
        .unwrap_or_default();
    eprintln!(
        "{}: {}{place}: {}",
        lang.pick("baobiao: 无法读取输入", "baobiao: cannot read input"),
        args.file.display(),
        err.message(lang)
    );
}
