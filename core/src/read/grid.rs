//! A published report as the readers see it: paragraphs and tables, in document order, every
//! cell with its span and where it came from. Merged cells are kept once with their spans;
//! [`SourceTable::at`] finds the cell covering any grid position.

/// Where a piece of a source came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// In English, as [`Position::describe`] words it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(crate::model::lang::Lang::En))
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

/// A cell of a source table, placed at its top-left grid position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceCell {
    /// The text, with white space runs folded to one space and the ends trimmed.
    pub text: String,
    /// Grid row.
    pub row: usize,
    /// Grid column.
    pub column: usize,
    /// Rows spanned.
    pub rowspan: usize,
    /// Columns spanned.
    pub colspan: usize,
    /// Where it came from.
    pub position: Position,
}

/// A table of a source. Its cells are in row order (every reader builds them so).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceTable {
    /// The cells, row by row.
    pub cells: Vec<SourceCell>,
    /// Grid rows.
    pub rows: usize,
    /// Grid columns.
    pub columns: usize,
}

impl SourceTable {
    /// The cell covering grid position (`row`, `column`).
    pub fn at(&self, row: usize, column: usize) -> Option<&SourceCell> {
        self.cells.iter().find(|c| {
            (c.row..c.row + c.rowspan).contains(&row)
                && (c.column..c.column + c.colspan).contains(&column)
        })
    }

    /// The cells starting in grid row `row`, left to right. (Readers keep the cells in row
    /// order, so this is a search, not a scan: matching asks for every row.)
    pub fn row(&self, row: usize) -> impl Iterator<Item = &SourceCell> {
        let start = self.cells.partition_point(|c| c.row < row);
        self.cells[start..].iter().take_while(move |c| c.row == row)
    }
}

/// A piece of a source, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Running text: a heading or a paragraph.
    Text {
        /// The text, white space folded.
        text: String,
        /// Where it came from.
        position: Position,
    },
    /// A table.
    Table(SourceTable),
}

/// A source as pieces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceDocument {
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
}

impl SourceDocument {
    /// The tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &SourceTable> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Table(t) => Some(t),
            Piece::Text { .. } => None,
        })
    }
}

/// Folds white space runs (including NBSP and the ideographic space) to one space and trims.
pub fn fold_space(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The widest grid placed (Excel's column limit); cells starting further right are left out, so
/// a hostile table cannot make the grid unbounded. No report table comes near it.
pub const MAX_WIDTH: usize = 16_384;

/// Places rows of (text, rowspan, colspan, position) into a grid, as HTML does: each cell
/// takes the first column not covered by a cell spanning down from above. Spans are clamped to
/// `max_span` and the grid to [`MAX_WIDTH`] columns, so a hostile `colspan="100000"` cannot
/// blow up the grid.
pub fn place(rows: Vec<Vec<(String, usize, usize, Position)>>, max_span: usize) -> SourceTable {
    let mut table = SourceTable::default();
    // For each column, the first row no longer covered by a cell from above.
    let mut free_from: Vec<usize> = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        let mut column = 0;
        for (text, rowspan, colspan, position) in row {
            while free_from.get(column).is_some_and(|&f| f > r) {
                column += 1;
            }
            if column >= MAX_WIDTH {
                break;
            }
            let (rowspan, colspan) = (
                rowspan.clamp(1, max_span),
                colspan.clamp(1, max_span).min(MAX_WIDTH - column),
            );
            if free_from.len() < column + colspan {
                free_from.resize(column + colspan, 0);
            }
            for f in &mut free_from[column..column + colspan] {
                *f = r + rowspan;
            }
            table.cells.push(SourceCell {
                text,
                row: r,
                column,
                rowspan,
                colspan,
                position,
            });
            column += colspan;
        }
        table.rows = r + 1;
    }
    table.columns = free_from.len();
    // A rowspan reaching past the last row ends there.
    let rows = table.rows;
    for cell in &mut table.cells {
        cell.rowspan = cell.rowspan.min(rows - cell.row);
    }
    table
}
