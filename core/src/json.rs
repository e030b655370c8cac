//! A filled form from JSON, with errors that say where: line, column and the JSON pointer of
//! the value at fault. Cells read their numbers as written (see
//! `model/cell_json.rs`), so nothing passes through `f64`.

use core::fmt;

use serde::de::DeserializeOwned;

use crate::model::lang::Lang;
use crate::model::pointer;

/// Why a text is not the form's JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What sort of error.
    pub category: JsonErrorCategory,
    /// The line (1-based), when the parser knows it.
    pub line: Option<usize>,
    /// The column (1-based), when the parser knows it.
    pub column: Option<usize>,
    /// The JSON pointer of the value at fault, when there is one.
    pub pointer: Option<String>,
    /// What serde says (English: serde's messages and the cells' own).
    pub detail: String,
}

/// What sort of JSON error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonErrorCategory {
    /// Not JSON at that place.
    Syntax,
    /// The text ends inside a value: truncated.
    Eof,
    /// JSON, but not a value the form takes there (a negative count, an unknown field).
    Data,
    /// Reading failed.
    Io,
}

impl JsonError {
    /// The error in words: what and where (without the file).
    pub fn message(&self, lang: Lang) -> String {
        let what = match (self.category, lang) {
            (JsonErrorCategory::Syntax, Lang::Zh) => "JSON 语法错误：",
            (JsonErrorCategory::Syntax, Lang::En) => "JSON syntax error: ",
            (JsonErrorCategory::Eof, Lang::Zh) => "文件提前结束（是否被截断？）：",
            (JsonErrorCategory::Eof, Lang::En) => "the file ends too early (is it truncated?): ",
            (JsonErrorCategory::Data | JsonErrorCategory::Io, _) => "",
        };
        match (&self.pointer, lang) {
            (Some(at), Lang::Zh) => format!("位于 {at}：{what}{}", self.detail),
            (Some(at), Lang::En) => format!("at {at}: {what}{}", self.detail),
            (None, _) => format!("{what}{}", self.detail),
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "{line}:{column}: ")?;
        }
        f.write_str(&self.message(Lang::default()))
    }
}

impl std::error::Error for JsonError {}

/// Parses `text` as the form (or any part of one) `F`; trailing characters are an error too.
pub fn from_str<F: DeserializeOwned>(text: &str) -> Result<F, JsonError> {
    // Most texts are the form's: read without tracking the path (a cost on every value),
    // which only an error needs; a text that fails is parsed again to say where.
    if let Ok(form) = serde_json::from_str::<F>(text) {
        return Ok(form);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let form = serde_path_to_error::deserialize::<_, F>(&mut de).map_err(|err| {
        let at = at(err.path());
        located(at, &err.into_inner())
    })?;
    de.end().map_err(|err| located(None, &err))?;
    Ok(form)
}

fn located(pointer: Option<String>, inner: &serde_json::Error) -> JsonError {
    let (line, column) = (inner.line(), inner.column());
    let text = inner.to_string();
    // serde_json ends its message with the place, which the error keeps apart.
    let detail = match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    };
    let category = match inner.classify() {
        serde_json::error::Category::Syntax => JsonErrorCategory::Syntax,
        serde_json::error::Category::Eof => JsonErrorCategory::Eof,
        serde_json::error::Category::Data => JsonErrorCategory::Data,
        serde_json::error::Category::Io => JsonErrorCategory::Io,
    };
    JsonError {
        category,
        line: (line > 0).then_some(line),
        column: (line > 0).then_some(column),
        pointer,
        detail,
    }
}

fn at(path: &serde_path_to_error::Path) -> Option<String> {
    let tokens: Vec<String> = path
        .iter()
        .filter_map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Some(index.to_string()),
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => Some(variant.clone()),
            serde_path_to_error::Segment::Unknown => None,
        })
        .collect();
    (!tokens.is_empty()).then(|| pointer::from_keys(tokens.iter().map(String::as_str)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cell::Count;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Row {
        a: Count,
        b: Count,
    }

    #[test]
    fn errors_say_what_and_where() {
        let err = from_str::<Row>("{\"a\": 1,\n \"b\": -2}").unwrap_err();
        assert_eq!(err.category, JsonErrorCategory::Data);
        assert_eq!(err.pointer.as_deref(), Some("/b"));
        assert_eq!(err.line, Some(2));
        assert!(err.message(Lang::Zh).starts_with("位于 /b："), "{err}");
        assert!(err.detail.contains("negative"));
        let err = from_str::<Row>("{\"a\": 1,").unwrap_err();
        assert_eq!(err.category, JsonErrorCategory::Eof);
        let err = from_str::<Row>("{\"a\": 1, \"b\": 2} x").unwrap_err();
        assert!(err.detail.contains("trailing"), "{err}");
    }
}
