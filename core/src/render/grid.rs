//! A table laid out as a grid of merged cells: what every renderer draws.
//!
//! Built from one table of the [`Layout`](crate::model::layout::Layout), the filled form's values and
//! the failures of a check. The grid is as wide as the table's label columns plus its widest
//! block; a block with fewer columns stretches its last column (table 2's `本年处理决定数量`
//! spans three grid columns, as in the official template).

use std::collections::BTreeMap;

use super::leaf::Values;
use crate::model::lang::Lang;
use crate::model::layout::{
    Block, HeaderNode, LayoutCell, LeafKind, RowNode, Table, item_label, item_pointer,
};

/// What a grid cell is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// The top-left note.
    Corner,
    /// A full-width block heading (table 2's `第二十条第（一）项`).
    BlockLabel,
    /// A column header.
    Header,
    /// A row label.
    RowLabel,
    /// A number (or blank, or mark) of the form.
    Value,
}

/// One failed rule, as a highlighted cell shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The rule's id.
    pub rule: String,
    /// Its wording.
    pub message: String,
    /// The value it expects, where it says.
    pub expected: String,
    /// What was found (the stated result, or the value out of range).
    pub actual: String,
    /// True when the cell is the rule's stated result (a total, the value of a range), whose
    /// expected value the rule says; false for a cell the rule merely reads.
    pub result: bool,
    /// The language of the words.
    pub lang: Lang,
}

impl Failure {
    /// One line for a note on the cell: on the rule's stated result, `RULE-ID wording：期望
    /// 13，实际 12`; on a cell the rule only reads, that the cell is in a rule that fails,
    /// without a value it should have (it may well be right).
    pub fn describe(&self) -> String {
        let (rule, message) = (&self.rule, &self.message);
        let (expected, actual) = (&self.expected, &self.actual);
        match (self.result, self.lang) {
            (true, Lang::Zh) => format!("{rule} {message}：期望 {expected}，实际 {actual}"),
            (true, Lang::En) => format!("{rule} {message}: expected {expected}, found {actual}"),
            (false, Lang::Zh) => format!("本单元格参与的规则不成立：{rule} {message}"),
            (false, Lang::En) => format!("this cell is in a rule that fails: {rule} {message}"),
        }
    }
}

/// A cell of the grid, placed at its top-left grid position.
#[derive(Clone, Debug)]
pub struct GridCell {
    /// Grid row.
    pub row: usize,
    /// Grid column.
    pub column: usize,
    /// Rows spanned.
    pub rowspan: usize,
    /// Columns spanned.
    pub colspan: usize,
    /// What it is.
    pub kind: CellKind,
    /// The text as written (a value as published: a number, a mark, or empty when blank).
    pub text: String,
    /// For values: the JSON pointer.
    pub pointer: Option<String>,
    /// For values: the failed rules that name the cell.
    pub failures: Vec<Failure>,
    /// For values among the likely wrong ones (the fewest cells whose change makes every
    /// rule hold): what to change it to, `改为 5`.
    pub likely: Option<String>,
    /// For values: the unit of the number, if declared.
    pub unit: Option<String>,
}

/// A table as a grid.
#[derive(Clone, Debug)]
pub struct Grid {
    /// The table's label (its section heading).
    pub title: Option<String>,
    /// Grid rows.
    pub rows: usize,
    /// Grid columns.
    pub columns: usize,
    /// The cells, row by row, left to right.
    pub cells: Vec<GridCell>,
    /// For each grid row: whether it is a header row (block headings included).
    pub header_rows: Vec<bool>,
    /// Grid columns holding row labels.
    pub label_columns: usize,
    /// The blocks, top to bottom.
    pub blocks: Vec<GridBlock>,
    /// Where each cell is, built once: renderers ask per row and per position, and a table of
    /// repeated rows may have thousands of rows.
    index: GridIndex,
}

/// The cells of a grid by position.
#[derive(Clone, Debug, Default)]
struct GridIndex {
    /// For each grid row, the cells that start in it (indices into `cells`), in order.
    starting: Vec<Vec<usize>>,
    /// For each position (`row * columns + column`), the cell covering it.
    covering: Vec<Option<usize>>,
}

impl GridIndex {
    fn of(cells: &[GridCell], rows: usize, columns: usize) -> GridIndex {
        let mut starting = vec![Vec::new(); rows];
        let mut covering = vec![None; rows * columns];
        for (i, c) in cells.iter().enumerate() {
            if let Some(row) = starting.get_mut(c.row) {
                row.push(i);
            }
            for row in c.row..(c.row + c.rowspan).min(rows) {
                for column in c.column..(c.column + c.colspan).min(columns) {
                    // The first cell drawn over a position covers it, as a scan would find.
                    let slot = &mut covering[row * columns + column];
                    if slot.is_none() {
                        *slot = Some(i);
                    }
                }
            }
        }
        GridIndex { starting, covering }
    }
}

/// Where a block sits in the grid.
#[derive(Clone, Debug)]
pub struct GridBlock {
    /// Its heading, if it has one.
    pub label: Option<String>,
    /// Its header rows.
    pub header: std::ops::Range<usize>,
    /// Its data rows.
    pub data: std::ops::Range<usize>,
}

impl GridCell {
    /// The note a marked cell carries: first, for a likely wrong cell, what to change it to;
    /// then each failed rule that names it, one per line.
    pub fn failure_note(&self) -> String {
        let lang = self.failures.first().map_or(Lang::Zh, |f| f.lang);
        let likely = self.likely.iter().map(|fix| match lang {
            Lang::Zh => format!("最可能有误：{fix}，则不符合的规则全部成立"),
            Lang::En => format!("likely wrong: {fix}, and every failing rule holds"),
        });
        let lines: Vec<String> = likely
            .chain(self.failures.iter().map(Failure::describe))
            .collect();
        lines.join("\n")
    }
}

impl Grid {
    /// What each column holds, in display columns (a Chinese character two): the longest
    /// line of the cells that span it alone, counted up to `label_cap` in a label column and
    /// `value_cap` in a value column. What office files size their columns by.
    pub fn content_widths(&self, label_cap: usize, value_cap: usize) -> Vec<usize> {
        let mut widths = vec![0usize; self.columns];
        for cell in self.cells.iter().filter(|c| c.colspan == 1) {
            let longest = cell
                .text
                .lines()
                .map(unicode_width::UnicodeWidthStr::width)
                .max()
                .unwrap_or(0);
            let cap = if cell.column < self.label_columns {
                label_cap
            } else {
                value_cap
            };
            if let Some(w) = widths.get_mut(cell.column) {
                *w = (*w).max(longest.min(cap));
            }
        }
        widths
    }

    /// The cells of grid row `row`, left to right (cells that start there).
    pub fn row(&self, row: usize) -> impl Iterator<Item = &GridCell> {
        let starting = self.index.starting.get(row).map_or(&[][..], Vec::as_slice);
        starting.iter().map(|&i| &self.cells[i])
    }

    /// The row labels of grid row `row`, outermost first.
    pub fn row_labels(&self, row: usize) -> Vec<String> {
        let mut labels: Vec<String> = Vec::new();
        for column in 0..self.label_columns {
            if let Some(c) = self.at(row, column)
                && c.kind == CellKind::RowLabel
                && c.column == column
                && !c.text.is_empty()
            {
                labels.push(c.text.clone());
            }
        }
        labels
    }

    /// The header labels over grid column `column` within `rows`, outermost first.
    pub fn column_labels(&self, rows: std::ops::Range<usize>, column: usize) -> Vec<String> {
        rows.filter_map(|r| self.at(r, column))
            .filter(|c| c.kind == CellKind::Header)
            .fold(Vec::new(), |mut labels, c| {
                if labels.last() != Some(&c.text) {
                    labels.push(c.text.clone());
                }
                labels
            })
    }

    /// The cell covering grid position (`row`, `column`).
    pub fn at(&self, row: usize, column: usize) -> Option<&GridCell> {
        if column >= self.columns {
            return None;
        }
        let i = (*self.index.covering.get(row * self.columns + column)?)?;
        self.cells.get(i)
    }
}

/// A row's label with the unit its field declares, as templates print it:
/// `独立用户访问总量（单位：个）` (unless the label says it already).
fn row_label(label: &str, unit: Option<&str>) -> String {
    match unit {
        Some(unit) if !states_unit(label, unit) => format!("{label}（单位：{unit}）"),
        _ => label.to_owned(),
    }
}

/// True when a label already states its unit: `（单位：万元）`, `（万元）`.
fn states_unit(label: &str, unit: &str) -> bool {
    label.contains(&format!("单位：{unit}")) || label.contains(&format!("（{unit}）"))
}

/// What a check marks on a cell: the failed rules that name it, and whether it is among the
/// likely wrong cells (what to change it to).
#[derive(Clone, Debug, Default)]
pub(crate) struct Marks {
    pub(crate) failures: Vec<Failure>,
    pub(crate) likely: Option<String>,
}

/// Builds the grid of `table` with the form's `values` and each cell's `marks` by pointer.
pub(crate) fn grid(table: &Table, values: &Values<'_>, marks: &BTreeMap<String, Marks>) -> Grid {
    let label_columns = table
        .blocks
        .iter()
        .map(|b| b.row_depth.max(usize::from(b.corner.is_some())))
        .max()
        .unwrap_or(0);
    let value_columns = table.blocks.iter().map(|b| b.columns).max().unwrap_or(0);
    let mut builder = Builder {
        cells: Vec::new(),
        header_rows: Vec::new(),
        blocks: Vec::new(),
        row: 0,
        width: label_columns + value_columns,
        label_columns,
        values,
        marks,
        unit_column: false,
    };
    for block in &table.blocks {
        builder.block(block, table.blocks.len() > 1);
    }
    Grid {
        title: table.label.map(|label| row_label(label, table.unit)),
        rows: builder.row,
        columns: builder.width,
        index: GridIndex::of(&builder.cells, builder.row, builder.width),
        cells: builder.cells,
        header_rows: builder.header_rows,
        label_columns,
        blocks: builder.blocks,
    }
}

/// What a data row's cells show.
#[derive(Clone, Copy)]
enum Drawn {
    /// The cells' values.
    Cells,
    /// Element `n` of repeated rows: the template's cells at that index.
    Item(usize),
    /// Nothing: repeated rows with no element.
    Empty,
}

struct Builder<'a> {
    cells: Vec<GridCell>,
    header_rows: Vec<bool>,
    blocks: Vec<GridBlock>,
    row: usize,
    width: usize,
    label_columns: usize,
    values: &'a Values<'a>,
    marks: &'a BTreeMap<String, Marks>,
    /// The block being drawn has a column of units (and its labels none).
    unit_column: bool,
}

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        row: usize,
        column: usize,
        rowspan: usize,
        colspan: usize,
        kind: CellKind,
        text: String,
    ) {
        self.cells.push(GridCell {
            row,
            column,
            rowspan,
            colspan,
            kind,
            text,
            pointer: None,
            failures: Vec::new(),
            likely: None,
            unit: None,
        });
    }

    fn block(&mut self, block: &Block, labelled: bool) {
        self.unit_column = block.unit_column;
        let heading = block.label.filter(|_| labelled);
        if let Some(label) = heading {
            let row = self.row;
            self.push(
                row,
                0,
                1,
                self.width,
                CellKind::BlockLabel,
                label.to_owned(),
            );
            self.header_rows.push(true);
            self.row += 1;
        }
        // Columns beyond the block's own stretch its last column.
        let stretch = self.width - self.label_columns - block.columns;
        let top = self.row;
        // A label–value block has no header, so no corner over one.
        if self.label_columns > 0 && block.header_depth > 0 {
            let corner = block.corner.unwrap_or("").to_owned();
            self.push(
                top,
                0,
                block.header_depth.max(1),
                self.label_columns,
                CellKind::Corner,
                corner,
            );
        }
        let mut column = self.label_columns;
        let last = block.header.len().saturating_sub(1);
        for (i, node) in block.header.iter().enumerate() {
            let extra = if i == last { stretch } else { 0 };
            self.header(node, top, 0, column, block.header_depth, extra);
            column += node.span + extra;
        }
        for _ in 0..block.header_depth {
            self.header_rows.push(true);
        }
        self.row += block.header_depth;
        let data = self.row;
        for node in &block.rows {
            self.rows(node, 0, stretch);
        }
        self.blocks.push(GridBlock {
            label: heading.map(str::to_owned),
            header: top..data,
            data: data..self.row,
        });
    }

    fn header(
        &mut self,
        node: &HeaderNode,
        top: usize,
        level: usize,
        column: usize,
        depth: usize,
        extra: usize,
    ) {
        let rowspan = if node.children.is_empty() {
            depth - level
        } else {
            1
        };
        let text = match node.unit {
            Some(unit) if !states_unit(node.label, unit) => format!("{}（{unit}）", node.label),
            _ => node.label.to_owned(),
        };
        self.push(
            top + level,
            column,
            rowspan,
            node.span + extra,
            CellKind::Header,
            text,
        );
        let mut child_column = column;
        let last = node.children.len().saturating_sub(1);
        for (i, child) in node.children.iter().enumerate() {
            let child_extra = if i == last { extra } else { 0 };
            self.header(child, top, level + 1, child_column, depth, child_extra);
            child_column += child.span + child_extra;
        }
    }

    /// How many grid rows `node` takes in this report: repeated rows one per element (one
    /// for none).
    fn span(&self, node: &RowNode) -> usize {
        if node.repeated {
            return self.values.rows(&node.pointer).max(1);
        }
        if node.cells.is_empty() {
            return node.children.iter().map(|c| self.span(c)).sum();
        }
        // A row the report leaves out (every value it has may be absent, and is) is not drawn.
        let absent = node.cells.iter().all(|c| {
            matches!(c.kind, LeafKind::Number(_)) && c.optional && self.values.absent(&c.pointer)
        });
        usize::from(!absent)
    }

    fn rows(&mut self, node: &RowNode, level: usize, stretch: usize) {
        let span = self.span(node);
        if span == 0 {
            return;
        }
        if node.repeated {
            return self.repeated(node, level, stretch);
        }
        if node.cells.is_empty() {
            if let Some(label) = node.label {
                let row = self.row;
                self.push(
                    row,
                    level,
                    span,
                    1,
                    CellKind::RowLabel,
                    self.label(label, node.unit),
                );
            }
            let next = level + usize::from(node.label.is_some());
            for child in &node.children {
                self.rows(child, next, stretch);
            }
            return;
        }
        let label = node.label.map(|label| self.label(label, node.unit));
        self.data_row(label, level, &node.cells, stretch, Drawn::Cells);
    }

    /// A row's label: with its unit after it, unless the block has a column of units.
    fn label(&self, label: &str, unit: Option<&str>) -> String {
        row_label(label, unit.filter(|_| !self.unit_column))
    }

    /// Repeated rows: the label merged down one row per element, each labelled `第n项`; with
    /// no element, the label and one row of blank cells.
    fn repeated(&mut self, node: &RowNode, level: usize, stretch: usize) {
        let count = self.values.rows(&node.pointer);
        let label = node.label.map(|label| row_label(label, node.unit));
        if count == 0 {
            return self.data_row(label, level, &node.cells, stretch, Drawn::Empty);
        }
        let row = self.row;
        let next = match label {
            Some(label) => {
                self.push(row, level, count, 1, CellKind::RowLabel, label);
                level + 1
            }
            None => level,
        };
        for index in 0..count {
            let label = Some(item_label(index));
            self.data_row(label, next, &node.cells, stretch, Drawn::Item(index));
        }
    }

    /// One data row: its label over the remaining label columns, then its cells as `drawn`.
    fn data_row(
        &mut self,
        label: Option<String>,
        level: usize,
        cells: &[LayoutCell],
        stretch: usize,
        drawn: Drawn,
    ) {
        let row = self.row;
        if let Some(label) = label {
            let colspan = self.label_columns - level;
            self.push(row, level, 1, colspan, CellKind::RowLabel, label);
        }
        let mut column = self.label_columns;
        if self.unit_column {
            // The unit the value is in, as the template's 单位 column states it.
            let unit = cells.first().and_then(|c| c.unit).unwrap_or_default();
            self.push(row, column, 1, 1, CellKind::Value, unit.to_owned());
            column += 1;
        }
        let last = cells.len().saturating_sub(1);
        for (i, cell) in cells.iter().enumerate() {
            let colspan = 1 + if i == last { stretch } else { 0 };
            let concrete;
            let cell = match drawn {
                Drawn::Item(index) => {
                    concrete = LayoutCell {
                        pointer: item_pointer(&cell.pointer, index),
                        ..cell.clone()
                    };
                    &concrete
                }
                Drawn::Cells | Drawn::Empty => cell,
            };
            let text = match drawn {
                Drawn::Empty => String::new(),
                Drawn::Cells | Drawn::Item(_) => self.values.text(cell),
            };
            self.cells.push(GridCell {
                row,
                column,
                rowspan: 1,
                colspan,
                kind: CellKind::Value,
                text,
                pointer: Some(cell.pointer.clone()),
                failures: self
                    .marks
                    .get(&cell.pointer)
                    .map(|m| m.failures.clone())
                    .unwrap_or_default(),
                likely: self.marks.get(&cell.pointer).and_then(|m| m.likely.clone()),
                unit: cell.unit.map(str::to_owned),
            });
            column += colspan;
        }
        self.header_rows.push(false);
        self.row += 1;
    }
}
