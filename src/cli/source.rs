//! What a file given to `check`, `render` or `read` is: a form as JSON, or a published report
//! (an HTML page, text or Markdown, CSV, XLSX or DOCX) to read into the form it matches best.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use baobiao::read::form::{Diagnostic, read_best};
use baobiao::read::grid::Position;

use super::forms::{self, Entry};
use super::input::{self, InputError};

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Json,
    Html,
    Text,
    Csv,
    Xlsx,
    Docx,
}

/// By extension, else by content.
pub fn kind(path: &Path, bytes: &[u8]) -> Kind {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("json") => Kind::Json,
        Some("html" | "htm" | "xhtml") => Kind::Html,
        Some("txt" | "md" | "markdown" | "tsv") => Kind::Text,
        Some("csv") => Kind::Csv,
        Some("xlsx" | "xlsm") => Kind::Xlsx,
        Some("docx") => Kind::Docx,
        _ if bytes.starts_with(b"PK\x03\x04") => {
            // An Office package: Word's main part is named in it, uncompressed.
            if bytes.windows(17).any(|w| w == b"word/document.xml") {
                Kind::Docx
            } else {
                Kind::Xlsx
            }
        }
        _ => {
            let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
            let start = text.trim_start_matches('\u{feff}').trim_start();
            if start.starts_with('{') {
                Kind::Json
            } else if start.starts_with('<') || text.contains("<table") {
                Kind::Html
            } else {
                Kind::Text
            }
        }
    }
}

/// The file a command reads, and how.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The report: a form as JSON, or a published report (an HTML page, text or Markdown, CSV,
    /// XLSX or DOCX).
    pub file: PathBuf,
    /// The form the file is filled in (JSON: default annual-report-2021; a published report:
    /// the form it matches best).
    #[arg(long)]
    pub form: Option<String>,
    /// The text encoding of a published report that neither is UTF-8 nor declares one (`gbk`,
    /// `gb18030`: CSV saved by Excel on Chinese Windows). JSON is always UTF-8.
    #[arg(long)]
    pub encoding: Option<String>,
}

/// A file ready to check: the form it is read as, its JSON text, and what reading it found.
pub struct Loaded {
    pub entry: &'static Entry,
    pub json: String,
    /// `None` for JSON input; the reader's diagnostics otherwise.
    pub diagnostics: Option<Vec<Diagnostic>>,
    /// Where each cell was read from, by JSON pointer (empty for JSON input).
    pub positions: BTreeMap<String, Position>,
}

/// Loads `path`: JSON as the named form (default: the 2021 form); a published report read as
/// the named form, or, with none named, as the form it matches with the fewest diagnostics.
pub fn load(args: &Args) -> Result<Loaded, Result<InputError, std::process::ExitCode>> {
    let (path, form) = (args.file.as_path(), args.form.as_deref());
    let bytes = input::read_bytes(path).map_err(Ok)?;
    let named = match form {
        Some(name) => Some(forms::entry(name).map_err(Err)?),
        None => None,
    };
    let kind = kind(path, &bytes);
    let refused = |message: String| Ok(InputError::at(path, message));
    let source = match kind {
        Kind::Xlsx => baobiao::read::xlsx::read(bytes).map_err(refused)?,
        Kind::Docx => baobiao::read::docx::read(bytes).map_err(refused)?,
        _ => {
            let text = match (&args.encoding, kind) {
                (Some(label), Kind::Json) => {
                    return Err(Ok(InputError::at(
                        path,
                        format!("JSON is UTF-8; --encoding {label} applies to published reports"),
                    )));
                }
                (Some(label), _) => baobiao::read::decode::decode_as(&bytes, label)
                    .map(|(text, _)| text)
                    .map_err(|message| Ok(InputError::at(path, message)))?,
                (None, _) => input::text_of(path, bytes).map_err(Ok)?,
            };
            match kind {
                Kind::Json => {
                    let entry = match named {
                        Some(entry) => entry,
                        None => forms::entry(forms::DEFAULT).map_err(Err)?,
                    };
                    return Ok(Loaded {
                        entry,
                        json: text,
                        diagnostics: None,
                        positions: BTreeMap::new(),
                    });
                }
                Kind::Html => baobiao::read::html::read(&text).map_err(refused)?,
                Kind::Csv => baobiao::read::csv::read(&text),
                _ => baobiao::read::text::read(&text),
            }
        }
    };
    let candidates: Vec<&'static Entry> = match named {
        Some(entry) => vec![entry],
        None => forms::ALL.iter().collect(),
    };
    let infos: Vec<&baobiao::FormInfo> = candidates.iter().map(|e| (e.info)()).collect();
    let (index, read) =
        read_best(&infos, &source).ok_or_else(|| Err(std::process::ExitCode::from(2)))?;
    let entry = candidates[index];
    Ok(Loaded {
        entry,
        json: read.form_json(),
        diagnostics: Some(read.diagnostics),
        positions: read.positions,
    })
}
