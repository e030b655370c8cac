//! A published report as the readers see it: paragraphs and tables, in document order, every
//! cell with its span and where it came from. Merged cells are kept once with their spans;
//! [`SourceTable::at`] finds the cell covering any grid position.

pub use crate::model::position::Position;

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

#[cfg(test)]
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
    // One pass into one string, a run of text at a time: every paragraph and cell of a page
    // comes through here.
    let mut out = String::with_capacity(text.len());
    for run in text.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if !run.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(run);
        }
    }
    out
}

/// Folds white space within each line as [`fold_space`] does, keeping the line breaks between
/// lines (blank lines among them): a cell's text written on several lines. Breaks before the
/// first line and after the last are dropped.
pub fn fold_lines(text: &str) -> String {
    if !text.contains('\n') {
        return fold_space(text);
    }
    let lines: Vec<String> = text.split('\n').map(fold_space).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn white_space_runs_fold_to_one_space_and_the_ends_are_trimmed() {
        use super::fold_space;
        assert_eq!(
            fold_space("  （一）\u{3000}予以公开 \u{a0}\n\t合计  "),
            "（一） 予以公开 合计"
        );
        assert_eq!(fold_space("规章"), "规章");
        assert_eq!(fold_space(" \u{a0}\t"), "");
        assert_eq!(fold_space(""), "");
    }
}
