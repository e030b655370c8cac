//! Where something was read from in a published report: a line, a table cell, a paragraph, a
//! field of a delimited line, a cell of a sheet. Worded when shown, in Chinese or English.

use serde::Serialize;

/// Where a piece of a source came from.
///
/// In JSON, an object of its numbers: `{"line": 42}`, `{"table": 2, "row": 5, "cell": 3}`,
/// `{"paragraph": 4}`, `{"line": 27, "field": 5}`, `{"page": 3, "line": 12}`,
/// `{"sheet": 1, "cell": "B7"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    /// A line of a text file (1-based).
    Line(usize),
    /// A cell of a table of a document: table, row and cell index (all 1-based), as a person
    /// would count them.
    Cell {
        /// Which table.
        table: usize,
        /// Which row of it.
        row: usize,
        /// Which cell of the row.
        cell: usize,
    },
    /// A paragraph of a document (1-based).
    Paragraph(usize),
    /// A field of a line of a delimited file (both 1-based).
    Field {
        /// The line the record starts on.
        line: usize,
        /// Which field of the record.
        field: usize,
    },
    /// A line of a page of a PDF (both 1-based): lines are counted down the page, a table's
    /// rows among them, as a person counts them on the printed page.
    Page {
        /// Which page.
        page: usize,
        /// Which line of it.
        line: usize,
    },
    /// A cell of a sheet of a workbook: sheet (1-based), row and column (0-based), written
    /// the way spreadsheets name cells (`sheet 1, cell B7`).
    Sheet {
        /// Which sheet.
        sheet: usize,
        /// Row, from 0.
        row: usize,
        /// Column, from 0.
        column: usize,
    },
}

impl Position {
    /// A position as its JSON writes it (`{"line": 42}`, `{"page": 3, "line": 12}`, …).
    pub fn from_json(json: &serde_json::Value) -> Option<Position> {
        let n = |key: &str| json.get(key).and_then(|v| v.as_u64()).map(|v| v as usize);
        if let (Some(page), Some(line)) = (n("page"), n("line")) {
            return Some(Position::Page { page, line });
        }
        if let (Some(line), Some(field)) = (n("line"), n("field")) {
            return Some(Position::Field { line, field });
        }
        if let (Some(table), Some(row), Some(cell)) = (n("table"), n("row"), n("cell")) {
            return Some(Position::Cell { table, row, cell });
        }
        if let (Some(sheet), Some(cell)) = (n("sheet"), json.get("cell").and_then(|c| c.as_str())) {
            let letters = cell.bytes().take_while(u8::is_ascii_uppercase).count();
            let column = cell[..letters]
                .bytes()
                .try_fold(0usize, |c, b| {
                    c.checked_mul(26)?.checked_add(usize::from(b - b'A' + 1))
                })?
                .checked_sub(1)?;
            let row = cell[letters..].parse::<usize>().ok()?.checked_sub(1)?;
            return Some(Position::Sheet { sheet, row, column });
        }
        n("line")
            .map(Position::Line)
            .or_else(|| n("paragraph").map(Position::Paragraph))
    }

    /// The position as people write it: `第42行`, `表2第5行第3格`; `line 42`,
    /// `table 2, row 5, cell 3`.
    pub fn describe(self, lang: crate::model::lang::Lang) -> String {
        use crate::model::lang::Lang;
        match (self, lang) {
            (Position::Line(line), Lang::Zh) => format!("第{line}行"),
            (Position::Line(line), Lang::En) => format!("line {line}"),
            (Position::Cell { table, row, cell }, Lang::Zh) => {
                format!("表{table}第{row}行第{cell}格")
            }
            (Position::Cell { table, row, cell }, Lang::En) => {
                format!("table {table}, row {row}, cell {cell}")
            }
            (Position::Paragraph(p), Lang::Zh) => format!("第{p}段"),
            (Position::Paragraph(p), Lang::En) => format!("paragraph {p}"),
            (Position::Field { line, field }, Lang::Zh) => format!("第{line}行第{field}栏"),
            (Position::Field { line, field }, Lang::En) => format!("line {line}, field {field}"),
            (Position::Page { page, line }, Lang::Zh) => format!("第{page}页第{line}行"),
            (Position::Page { page, line }, Lang::En) => format!("page {page}, line {line}"),
            (Position::Sheet { sheet, row, column }, Lang::Zh) => {
                format!("工作表{sheet}单元格{}{}", column_name(column), row + 1)
            }
            (Position::Sheet { sheet, row, column }, Lang::En) => {
                format!("sheet {sheet}, cell {}{}", column_name(column), row + 1)
            }
        }
    }
}

impl std::fmt::Display for Position {
    /// In Chinese, as [`Position::describe`] words it (`describe(Lang::En)` for English).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(crate::model::lang::Lang::default()))
    }
}

/// A spreadsheet's name for column `index` (0 → `A`, 26 → `AA`).
fn column_name(index: usize) -> String {
    let mut name = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

impl Serialize for Position {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match *self {
            Position::Line(line) => map.serialize_entry("line", &line)?,
            Position::Cell { table, row, cell } => {
                map.serialize_entry("table", &table)?;
                map.serialize_entry("row", &row)?;
                map.serialize_entry("cell", &cell)?;
            }
            Position::Paragraph(p) => map.serialize_entry("paragraph", &p)?,
            Position::Field { line, field } => {
                map.serialize_entry("line", &line)?;
                map.serialize_entry("field", &field)?;
            }
            Position::Page { page, line } => {
                map.serialize_entry("page", &page)?;
                map.serialize_entry("line", &line)?;
            }
            Position::Sheet { sheet, row, column } => {
                map.serialize_entry("sheet", &sheet)?;
                map.serialize_entry("cell", &format!("{}{}", column_name(column), row + 1))?;
            }
        }
        map.end()
    }
}
