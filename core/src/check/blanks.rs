//! Blank cells said by table, block and row, not one by one: a report that leaves a row of
//! table 3 empty has one blank row (`（三）不予公开 › 8.属于行政查询事项：整行空白`), not seven
//! blank cells each with its own note; an unfilled table is one line.
//!
//! The grouping follows the form's own labels: a cell's labels name its row first (as many as
//! [`CellInfo::row_labels`](crate::model::info::CellInfo)), then its column. Cells sharing a
//! prefix of row labels are consecutive in the form, so the groups are found in one pass down
//! the tree of prefixes, each cell visited once per level.

use crate::model::info::{CellInfo, FormInfo};
use crate::model::lang::Lang;

/// How much of a part of the form a group covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Extent {
    /// Every cell of a table (a top-level field the form draws as a table).
    Table,
    /// Every cell of a group of rows.
    Block,
    /// Every cell of one row.
    Row,
    /// A row of one cell (an item of a label–value block).
    Cell,
    /// Some cells of one row: their columns (`自然人`, `法人或其他组织 › 商业企业`; a column
    /// group whose every column is among them by its own label, `法人或其他组织`).
    Cells(Vec<String>),
}

/// Cells of one table, block or row that are all selected (blank, say), or the selected cells
/// of one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellGroup {
    /// The labels of the table, block or row.
    pub labels: Vec<&'static str>,
    /// What the group covers.
    pub extent: Extent,
    /// Its selected cells (indices into the form's cells), in form order.
    pub cells: Vec<usize>,
}

impl CellGroup {
    /// `三、… › （三）不予公开 › 8.属于行政查询事项：整行空白`, `… › （二）部分公开 › 法人或其他组织、
    /// 总计：空白`, with `what` the state of the cells (`空白`, `blank`).
    pub fn describe(&self, what: &str, lang: Lang) -> String {
        let at = self.labels.join(" › ");
        match (&self.extent, lang) {
            (Extent::Table, Lang::Zh) => format!("{at}：整表{what}"),
            (Extent::Block, Lang::Zh) => format!("{at}：全部{what}"),
            (Extent::Row, Lang::Zh) => format!("{at}：整行{what}"),
            (Extent::Cell, Lang::Zh) => format!("{at}：{what}"),
            (Extent::Cells(columns), Lang::Zh) => format!("{at} › {}：{what}", columns.join("、")),
            (Extent::Table, Lang::En) => format!("{at}: the whole table {what}"),
            (Extent::Block, Lang::En) => format!("{at}: every row {what}"),
            (Extent::Row, Lang::En) => format!("{at}: the whole row {what}"),
            (Extent::Cell, Lang::En) => format!("{at}: {what}"),
            (Extent::Cells(columns), Lang::En) => format!("{at} › {}: {what}", columns.join(", ")),
        }
    }
}

/// The cells for which `selected` is true, grouped: a table, block or row whose every cell is
/// selected is one group; otherwise each row with selected cells is one group listing them.
/// In form order. `selected` has one entry per cell of `info`.
pub fn group(info: &FormInfo, selected: &[bool]) -> Vec<CellGroup> {
    let mut out = Vec::new();
    if selected.iter().any(|&s| s) {
        walk(info, &info.cells, 0, 0, selected, &mut out);
    }
    out
}

/// The cells `cells` (starting at form index `first`) share their first `depth` row labels.
fn walk(
    info: &FormInfo,
    cells: &[CellInfo],
    first: usize,
    depth: usize,
    selected: &[bool],
    out: &mut Vec<CellGroup>,
) {
    let picked = |i: usize| selected.get(first + i).copied().unwrap_or(false);
    let count = (0..cells.len()).filter(|&i| picked(i)).count();
    if count == 0 {
        return;
    }
    let is_row = cells.iter().all(|c| c.row_labels <= depth);
    if depth > 0 && count == cells.len() {
        let extent = if depth == 1 && is_table(info, cells[0].labels[0]) {
            Extent::Table
        } else if is_row && cells.len() == 1 {
            Extent::Cell
        } else if is_row {
            Extent::Row
        } else {
            Extent::Block
        };
        out.push(CellGroup {
            labels: cells[0].labels[..depth].to_vec(),
            extent,
            cells: (first..first + cells.len()).collect(),
        });
        return;
    }
    // The row's own cells (all of them, for a row; a group's cells of its own, rarely), said
    // by their columns.
    let own: Vec<usize> = (0..cells.len())
        .filter(|&i| cells[i].row_labels <= depth && picked(i))
        .collect();
    if !own.is_empty() {
        let row: Vec<(&[&'static str], bool)> = (0..cells.len())
            .filter(|&i| cells[i].row_labels <= depth)
            .map(|i| {
                let c = &cells[i];
                (&c.labels[c.row_labels.min(c.labels.len())..], picked(i))
            })
            .collect();
        let mut columns = Vec::new();
        selected_columns(&row, 0, &mut columns);
        out.push(CellGroup {
            labels: cells[own[0]].labels[..depth.min(cells[own[0]].labels.len())].to_vec(),
            extent: Extent::Cells(columns),
            cells: own.iter().map(|&i| first + i).collect(),
        });
    }
    // Sub-rows: runs of cells with the same next row label.
    let mut start = 0;
    while start < cells.len() {
        if cells[start].row_labels <= depth {
            start += 1;
            continue;
        }
        let label = cells[start].labels[depth];
        let mut end = start + 1;
        while end < cells.len()
            && cells[end].row_labels > depth
            && cells[end].labels[depth] == label
        {
            end += 1;
        }
        walk(
            info,
            &cells[start..end],
            first + start,
            depth + 1,
            selected,
            out,
        );
        start = end;
    }
}

/// The selected columns of one row (each its column labels and whether it is selected), all of
/// which share their first `depth` labels: a column group whose every column is selected is
/// said by its label, once.
fn selected_columns(row: &[(&[&'static str], bool)], depth: usize, out: &mut Vec<String>) {
    let mut start = 0;
    while start < row.len() {
        let label = row[start].0.get(depth).copied();
        let mut end = start + 1;
        while end < row.len() && label.is_some() && row[end].0.get(depth).copied() == label {
            end += 1;
        }
        let group = &row[start..end];
        let leaf = group.len() == 1 && group[0].0.len() <= depth + 1;
        if group.iter().all(|(_, s)| *s) || leaf {
            if group.iter().any(|(_, s)| *s) {
                let labels = group[0].0;
                out.push(labels[..(depth + 1).min(labels.len())].join(" › "));
            }
        } else if group.iter().any(|(_, s)| *s) {
            selected_columns(group, depth + 1, out);
        }
        start = end;
    }
}

/// Whether the top-level field labelled `label` is drawn as a table of its own.
fn is_table(info: &FormInfo, label: &str) -> bool {
    info.layout()
        .tables
        .iter()
        .any(|t| t.label == Some(label) && t.blocks.iter().any(|b| b.columns > 1))
}
