//! A report's bytes to a source ready to read: what kind of file it is, its text, within
//! bounds. The one way in, for the library, the form sets and the command line.
//!
//! Limits, each refused with an error rather than worked through: a file over [`MAX_FILE`];
//! a text, page or JSON file over [`MAX_TEXT`] (Office packages inflate their parts within
//! their own budget, see `archive`); pages nesting deeper than `nesting` allows; grids beyond
//! their caps (see `grid`).

use core::fmt;

use crate::json::JsonError;
use crate::model::lang::Lang;
use crate::read::grid::SourceDocument;
use crate::read::refusal::Refusal;
use crate::read::report::Reading;
use crate::read::{csv, decode, docx, html, text, xlsx};

/// The largest file read at all: an Office package with its pictures. Only the parts a reader
/// needs are inflated, within their own bounds.
pub const MAX_FILE: u64 = 256 * 1024 * 1024;
/// The largest text, page or JSON file read: a hundred times the largest published report
/// page, small enough that parsing it stays within seconds and a few hundred MB.
pub const MAX_TEXT: u64 = 32 * 1024 * 1024;

/// The most lines a text or CSV file may have: ten times a report's 10,000 repeated rows and
/// its tables (a report has a few hundred lines). Each line's cells are held apart, so this
/// bounds the memory a reading takes, which grew to 1.5 GB for a CSV of a million lines.
pub const MAX_LINES: usize = 100_000;

/// What kind of file a report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A filled form as JSON.
    Json,
    /// An HTML page.
    Html,
    /// Text: cell per line, pipe tables, tab-separated lines, Markdown, box-drawn tables.
    Text,
    /// Comma-separated values.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// A Word document.
    Docx,
    /// A PDF (its text layer).
    Pdf,
}

impl SourceKind {
    /// The kind a file's name says, by its extension.
    pub fn of_name(name: &str) -> Option<SourceKind> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match extension.as_str() {
            "json" => SourceKind::Json,
            "html" | "htm" | "xhtml" => SourceKind::Html,
            "txt" | "md" | "markdown" | "tsv" => SourceKind::Text,
            "csv" => SourceKind::Csv,
            "xlsx" | "xlsm" => SourceKind::Xlsx,
            "docx" => SourceKind::Docx,
            "pdf" => SourceKind::Pdf,
            _ => return None,
        })
    }

    /// The kind the content says: an Office package by its parts, JSON by its `{`, a page by
    /// its markup; text otherwise.
    pub fn of_content(bytes: &[u8]) -> SourceKind {
        if bytes.starts_with(b"%PDF-") {
            return SourceKind::Pdf;
        }
        if bytes.starts_with(b"PK\x03\x04") {
            // Word's main part is named in the package, uncompressed.
            return if bytes.windows(17).any(|w| w == b"word/document.xml") {
                SourceKind::Docx
            } else {
                SourceKind::Xlsx
            };
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
        let start = head.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with('{') {
            SourceKind::Json
        } else if start.starts_with('<') || head.contains("<table") {
            SourceKind::Html
        } else {
            SourceKind::Text
        }
    }
}

/// How to read a report.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The file's name, whose extension says its kind (else its content does).
    pub name: Option<String>,
    /// The kind, when known (over the name and the content).
    pub kind: Option<SourceKind>,
    /// The text encoding of a report that neither is UTF-8 nor declares one (`gbk`,
    /// `gb18030`: CSV saved by Excel on Chinese Windows). JSON is always UTF-8.
    pub encoding: Option<String>,
}

impl Options {
    /// Options for a file named `name` (its extension tells its kind).
    pub fn named(name: impl Into<String>) -> Options {
        Options {
            name: Some(name.into()),
            ..Options::default()
        }
    }

    /// These options, named after `path` unless they already name the file.
    pub fn with_path(mut self, path: &std::path::Path) -> Options {
        if self.name.is_none() {
            self.name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        }
        self
    }
}

/// A report ready to read as a form.
#[derive(Debug)]
pub enum Source {
    /// A filled form's JSON text.
    Json(String),
    /// A published report: its paragraphs and tables.
    Document {
        /// Its kind.
        kind: SourceKind,
        /// Its pieces.
        document: SourceDocument,
    },
}

/// Why a report could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The file could not be opened or read.
    Io(String),
    /// The file is larger than the reader takes.
    TooLarge {
        /// Its size, in bytes.
        size: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The text is not UTF-8, and declares no other encoding.
    NotUtf8 {
        /// Line of the first invalid byte (1-based).
        line: usize,
        /// Column (1-based, in bytes).
        column: usize,
        /// True for JSON, which is UTF-8 by definition: naming an encoding does not help.
        json: bool,
    },
    /// An encoding was named for JSON.
    EncodingForJson(String),
    /// The file is not JSON of the form.
    Json {
        /// The form whose error this is, when a set tried several and none took it (the
        /// first's error is given).
        form: Option<String>,
        /// Why.
        error: JsonError,
    },
    /// The file is not the page, package, sheet or encoding it claims to be, or is beyond the
    /// readers' bounds.
    Refused(Refusal),
    /// The report was read, but not into a whole form (a field it requires is missing): the
    /// reading's diagnostics say what was not found.
    Incomplete {
        /// The name of the form it was read as, when read through a
        /// [`FormSet`](crate::set::FormSet).
        form: Option<String>,
        /// The field the form requires and the reading lacks, as a JSON pointer.
        pointer: Option<String>,
        /// What the form says of the reading (serde's words).
        detail: String,
        /// What was read: the form as JSON text (blank where nothing was read, every number
        /// as read), its diagnostics and positions.
        reading: Box<Reading<String>>,
        /// The form's cells as read, in declaration order, for checking what was read
        /// ([`Report::from_slots`](crate::Report::from_slots)); repeated rows' columns, which
        /// only a whole form sums, are blank here and among [`Reading::unread_cells`].
        cells: Vec<crate::model::cell::Slot>,
    },
    /// No form to read the report as.
    NoForm,
    /// The form asked for is not in the set.
    UnknownForm(crate::set::UnknownForm),
}

impl ReadError {
    /// The error in words.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            ReadError::Io(why) if zh => format!("无法读取文件：{why}"),
            ReadError::Io(why) => format!("cannot read the file: {why}"),
            ReadError::TooLarge { size, limit } if zh => {
                let (size, limit) = sizes(*size, *limit);
                format!("文件大小 {size}，超过可读取的上限 {limit}，不予读取")
            }
            ReadError::TooLarge { size, limit } => {
                let (size, limit) = sizes(*size, *limit);
                format!("the file is {size}, larger than the {limit} a report can be: refused")
            }
            ReadError::NotUtf8 { json: true, .. } if zh => "文件不是有效的 UTF-8".to_owned(),
            ReadError::NotUtf8 { json: true, .. } => "the file is not valid UTF-8".to_owned(),
            ReadError::NotUtf8 { .. } if zh => "文件不是有效的 UTF-8，也未声明其他编码；若是 GBK 或 GB18030（Excel 在中文 Windows 上保存的 CSV 即是），请用 --encoding gbk 指明".to_owned(),
            ReadError::NotUtf8 { .. } => "the file is not valid UTF-8 and declares no other encoding; if it is GBK or GB18030 (as Excel saves CSV on Chinese Windows), say so with --encoding gbk".to_owned(),
            ReadError::EncodingForJson(label) if zh => {
                format!("JSON 只能是 UTF-8；--encoding {label} 只用于已发布的报告")
            }
            ReadError::EncodingForJson(label) => {
                format!("JSON is UTF-8; --encoding {label} applies to published reports")
            }
            ReadError::Json { form: None, error } => error.message(lang),
            ReadError::Json {
                form: Some(form),
                error,
            } if zh => format!(
                "不是任何一个表单的 JSON；按第一个表单 {form} 读取：{}（可用 --form 指定表单）",
                error.message(lang)
            ),
            ReadError::Json {
                form: Some(form),
                error,
            } => format!(
                "no form takes this JSON; as the first, {form}: {} (name the form with --form)",
                error.message(lang)
            ),
            ReadError::Refused(why) => why.message(lang),
            ReadError::Incomplete {
                pointer, detail, ..
            } if zh => {
                let at = pointer.as_deref().map(|p| format!("{p}：")).unwrap_or_default();
                format!("报告未能读成完整的表单（见诊断）：{at}{detail}")
            }
            ReadError::Incomplete {
                pointer, detail, ..
            } => {
                let at = pointer.as_deref().map(|p| format!("{p}: ")).unwrap_or_default();
                format!("the report did not read into a whole form (see the diagnostics): {at}{detail}")
            }
            ReadError::UnknownForm(unknown) => unknown.message(lang),
            ReadError::NoForm if zh => "没有可按其读取的表单".to_owned(),
            ReadError::NoForm => "no form to read the report as".to_owned(),
        }
    }

    /// The line and column the error is at, when it is one place.
    pub fn place(&self) -> Option<(usize, usize)> {
        match self {
            ReadError::NotUtf8 { line, column, .. } => Some((*line, *column)),
            ReadError::Json { error, .. } => error.line.zip(error.column),
            _ => None,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.place() {
            write!(f, "{line}:{column}: ")?;
        }
        f.write_str(&self.message(Lang::default()))
    }
}

impl std::error::Error for ReadError {}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// A size and the limit it passes, in megabytes, or in bytes where megabytes would not tell
/// them apart (`32.0 MB, larger than 32.0 MB`).
fn sizes(size: u64, limit: u64) -> (String, String) {
    let (a, b) = (megabytes(size), megabytes(limit));
    if a == b {
        (format!("{size} bytes"), format!("{limit} bytes"))
    } else {
        (a, b)
    }
}

/// Reads the file at `path`, refusing one over [`MAX_FILE`] without reading past the limit.
pub fn file(path: &std::path::Path) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(|e| ReadError::Io(e.to_string()))?;
    bounded(file)
}

/// Reads everything `reader` gives (a file, standard input), refusing more than [`MAX_FILE`]
/// without reading past the limit.
pub fn bounded(reader: impl std::io::Read) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    let size = bytes.len() as u64;
    if size > MAX_FILE {
        return Err(ReadError::TooLarge {
            size,
            limit: MAX_FILE,
        });
    }
    Ok(bytes)
}

/// A report's bytes to a source: its kind (by `options`, its name, else its content), its
/// text (UTF-8, a declared or named encoding), its pieces.
pub fn source(bytes: Vec<u8>, options: &Options) -> Result<Source, ReadError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE {
        return Err(ReadError::TooLarge {
            size,
            limit: MAX_FILE,
        });
    }
    if let Some(refusal) = unsupported(options.name.as_deref(), &bytes) {
        return Err(ReadError::Refused(refusal));
    }
    // A PDF is told by its header whatever its name says; otherwise the name, then the content.
    let kind = options
        .kind
        .or_else(|| bytes.starts_with(b"%PDF-").then_some(SourceKind::Pdf))
        .or_else(|| options.name.as_deref().and_then(SourceKind::of_name))
        .unwrap_or_else(|| SourceKind::of_content(&bytes));
    let document = match kind {
        SourceKind::Xlsx => xlsx::read(bytes).map_err(ReadError::Refused)?,
        SourceKind::Docx => docx::read(bytes).map_err(ReadError::Refused)?,
        #[cfg(feature = "pdf")]
        SourceKind::Pdf => crate::read::pdf::read(&bytes).map_err(ReadError::Refused)?,
        #[cfg(not(feature = "pdf"))]
        SourceKind::Pdf => return Err(ReadError::Refused(Refusal::Pdf)),
        _ => {
            if size > MAX_TEXT {
                return Err(ReadError::TooLarge {
                    size,
                    limit: MAX_TEXT,
                });
            }
            let text = self::text(bytes, kind, options.encoding.as_deref())?;
            match kind {
                SourceKind::Json => return Ok(Source::Json(text)),
                SourceKind::Html => html::read(&text).map_err(ReadError::Refused)?,
                // CSV and text (Office files were read above).
                _ => {
                    // Each line becomes cells held apart: a bound on lines bounds memory.
                    let lines = text.bytes().filter(|&b| b == b'\n').count();
                    if lines > MAX_LINES {
                        return Err(ReadError::Refused(Refusal::TooManyLines {
                            lines,
                            limit: MAX_LINES,
                        }));
                    }
                    match kind {
                        SourceKind::Csv => csv::read(&text),
                        _ => text::read(&text),
                    }
                }
            }
        }
    };
    Ok(Source::Document { kind, document })
}

/// A kind of file reports come in that is not read, by its content (or its name): said as
/// such rather than read as text that is not UTF-8.
fn unsupported(name: Option<&str>, bytes: &[u8]) -> Option<Refusal> {
    // The compound-file header of .doc and .xls.
    const LEGACY_OFFICE: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    let extension = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    if bytes.starts_with(LEGACY_OFFICE) || matches!(extension.as_deref(), Some("doc" | "xls")) {
        Some(Refusal::LegacyOffice)
    } else {
        None
    }
}

/// The file's text: UTF-8, else the encoding named, else (for a page) the one it declares.
fn text(bytes: Vec<u8>, kind: SourceKind, encoding: Option<&str>) -> Result<String, ReadError> {
    let json = kind == SourceKind::Json;
    match encoding {
        Some(label) if json => return Err(ReadError::EncodingForJson(label.to_owned())),
        Some(label) => {
            return decode::decode_as(&bytes, label)
                .map(|(text, _)| text)
                .map_err(ReadError::Refused);
        }
        None => {}
    }
    // Validated once: UTF-8, as nearly every file is, else what else it may be.
    let e = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    if !json && let Some((text, _)) = decode::decode(e.as_bytes()).map_err(ReadError::Refused)? {
        // A published page may be in GBK or GB18030, declared by its charset or a BOM.
        return Ok(text);
    }
    let offset = e.utf8_error().valid_up_to();
    let before = &e.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = offset
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
        + 1;
    Err(ReadError::NotUtf8 { line, column, json })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_size_just_past_the_limit_is_told_apart() {
        let limit = super::MAX_TEXT;
        assert_eq!(
            super::sizes(limit + 1, limit),
            (format!("{} bytes", limit + 1), format!("{limit} bytes"))
        );
        assert_eq!(
            super::sizes(limit * 2, limit),
            ("64.0 MB".to_owned(), "32.0 MB".to_owned())
        );
    }
}
