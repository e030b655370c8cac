//! Reading a filled form from JSON, with errors that say where: file, line, column and the
//! JSON pointer of the value at fault.

use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;

/// Why a file could not be read as a form.
#[derive(Debug)]
pub struct InputError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub pointer: Option<String>,
    pub message: String,
}

impl InputError {
    /// An error about the whole file.
    pub fn at(path: &Path, message: String) -> InputError {
        InputError {
            file: path.display().to_string(),
            line: None,
            column: None,
            pointer: None,
            message,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": ")?;
        if let Some(pointer) = &self.pointer {
            write!(f, "at {pointer}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// The largest file read at all: an Office package with its pictures. Only the parts a reader
/// needs are inflated, within their own bounds.
pub const MAX_FILE: u64 = 256 * 1024 * 1024;
/// The largest text, page or JSON file read: a hundred times the largest published report
/// page, small enough that parsing it stays within seconds and a few hundred MB.
pub const MAX_TEXT: u64 = 32 * 1024 * 1024;

/// Reads the file's bytes, refusing one larger than [`MAX_FILE`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    use std::io::Read;
    let error = |message: String| InputError::at(path, message);
    let file =
        std::fs::File::open(path).map_err(|e| error(format!("cannot read the file: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| error(format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(error(format!(
            "the file is larger than {} MB; no report is: refused",
            MAX_FILE / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// The file's bytes as text: UTF-8, or for a page a declared GBK/GB18030; else an
/// [`InputError`] at the first invalid byte. A text over [`MAX_TEXT`] is refused.
pub fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.len() as u64 > MAX_TEXT {
        return Err(InputError::at(
            path,
            format!(
                "the file is {} MB, larger than the {} MB a report page or text can be: refused",
                bytes.len() / (1024 * 1024),
                MAX_TEXT / (1024 * 1024)
            ),
        ));
    }
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !json && std::str::from_utf8(&bytes).is_err() {
        // A published page may be in GBK or GB18030, declared by its charset or a BOM; JSON is
        // UTF-8 by definition.
        if let Ok((text, _)) = baobiao::read::decode::decode(&bytes) {
            return Ok(text);
        }
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = offset
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        InputError {
            file: path.display().to_string(),
            line: Some(line),
            column: Some(column),
            pointer: None,
            message: if json {
                "the file is not valid UTF-8".to_owned()
            } else {
                "the file is not valid UTF-8 and declares no other encoding; if it is GBK or \
                 GB18030 (as Excel saves CSV on Chinese Windows), say so with --encoding gbk"
                    .to_owned()
            },
        }
    })
}

/// Parses `text` as the form `F`.
pub fn read_json<F: DeserializeOwned>(path: &Path, text: &str) -> Result<F, InputError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let form = serde_path_to_error::deserialize::<_, F>(&mut de).map_err(|err| {
        let pointer = pointer(err.path());
        located(path, pointer, &err.into_inner())
    })?;
    // Trailing characters after the document are an error too.
    de.end().map_err(|err| located(path, None, &err))?;
    Ok(form)
}

fn located(path: &Path, pointer: Option<String>, inner: &serde_json::Error) -> InputError {
    let (line, column) = (inner.line(), inner.column());
    let text = inner.to_string();
    let message = match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    };
    let message = match inner.classify() {
        serde_json::error::Category::Eof => {
            format!("the file ends too early (is it truncated?): {message}")
        }
        serde_json::error::Category::Syntax => format!("JSON syntax error: {message}"),
        _ => message,
    };
    InputError {
        file: path.display().to_string(),
        line: (line > 0).then_some(line),
        column: (line > 0).then_some(column),
        pointer,
        message,
    }
}

fn pointer(path: &serde_path_to_error::Path) -> Option<String> {
    let tokens: Vec<String> = path
        .iter()
        .filter_map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Some(index.to_string()),
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => Some(variant.clone()),
            serde_path_to_error::Segment::Unknown => None,
        })
        .collect();
    (!tokens.is_empty()).then(|| baobiao::pointer::from_keys(tokens.iter().map(String::as_str)))
}
