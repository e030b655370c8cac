//! Which of a form's columns each value of a source row is: read from the column headers above
//! the block's rows where the source has them aligned with its values, else by order.
//!
//! Headers are aligned when the table has merged header cells (HTML, DOCX, XLSX, box-drawn
//! text: the grid places each header over its columns) or a single header row (Markdown, CSV,
//! tab-separated text: one header per value). A header region of several unmerged rows (the
//! cell-per-line page text, which lost its spans) says nothing about alignment and is not used.
//!
//! When the headers name every value's column and that is the form's order, or they name some
//! and never another column than the order gives, the values are read in order. When they name
//! every column in another order (a province printing 总计 first), the values are read by their
//! headers. When they contradict the order without naming every column, the row is not read.

use super::grid::{SourceCell, SourceTable};
use super::normalise::normalise;
use super::value;
use crate::model::layout::HeaderNode;

/// How a row's values map to the form's columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Columns {
    /// The k-th value is the k-th column.
    ByOrder,
    /// The k-th value is column `map[k]`.
    ByHeaders(Vec<usize>),
    /// The headers contradict the order.
    Conflict(ColumnConflict),
}

/// Headers that contradict the order of a row's values without naming every column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnConflict {
    /// The value (1-based) that stands under another column's header.
    pub value: usize,
    /// The column (1-based) whose header it stands under.
    pub column: usize,
    /// That column's labels, from the top.
    pub header: String,
}

impl ColumnConflict {
    /// The conflict in words.
    pub fn message(&self, lang: crate::model::lang::Lang) -> String {
        let ColumnConflict {
            value,
            column,
            header,
        } = self;
        match lang {
            crate::model::lang::Lang::Zh => format!(
                "该行第{value}个数值位于第{column}列（{header}）的列标题下；列标题未标明每一列，未读取该行"
            ),
            crate::model::lang::Lang::En => format!(
                "value {value} of the row stands under the header of column {column} ({header}); the headers do not name every column, so the row is not read"
            ),
        }
    }
}

/// The label paths of a block's columns, normalised, from the top header down.
pub fn form_columns(header: &[HeaderNode]) -> Vec<Vec<String>> {
    fn walk(nodes: &[HeaderNode], path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        for node in nodes {
            path.push(normalise(node.label));
            if node.children.is_empty() {
                out.push(path.clone());
            } else {
                walk(&node.children, path, out);
            }
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(header, &mut Vec::new(), &mut out);
    out
}

/// The header above a block's rows in one source table, with each column's header path worked
/// out once.
pub struct Header<'t> {
    table: &'t SourceTable,
    /// The header rows, top to bottom.
    rows: Vec<usize>,
    /// Whether the header says which column its labels stand over (see the module docs).
    aligned: bool,
    paths: rustc_hash::FxHashMap<usize, Vec<String>>,
    /// The unit of money each column's header states, as asked (asked for every cell).
    units: rustc_hash::FxHashMap<usize, Option<&'static str>>,
    /// The grid columns of the row located last, with what was decided: the rows of a block
    /// mostly stand in the same columns, decided once.
    last: Option<(Vec<usize>, Columns)>,
}

impl<'t> Header<'t> {
    /// The header of the block whose first row in `table` is `first`: the rows above it that
    /// hold no value.
    pub fn above(table: &'t SourceTable, first: usize) -> Header<'t> {
        let mut rows: Vec<usize> = (0..first)
            .rev()
            .take_while(|&r| {
                table
                    .row(r)
                    .all(|c| c.text.is_empty() || !value::looks_like_value(&c.text))
            })
            .collect();
        rows.reverse();
        let spanned = rows
            .iter()
            .flat_map(|&r| table.row(r))
            .any(|c| c.colspan > 1 || c.rowspan > 1);
        Header {
            table,
            aligned: !rows.is_empty() && (spanned || rows.len() == 1),
            rows,
            paths: Default::default(),
            units: Default::default(),
            last: None,
        }
    }

    /// The normalised header labels over grid column `column`, top to bottom.
    fn path(&mut self, column: usize) -> &[String] {
        let (table, rows) = (self.table, &self.rows);
        self.paths.entry(column).or_insert_with(|| {
            let mut path: Vec<String> = Vec::new();
            let mut last: Option<(usize, usize)> = None;
            for &r in rows {
                if let Some(cell) = table.at(r, column)
                    && last != Some((cell.row, cell.column))
                    && !cell.text.is_empty()
                {
                    last = Some((cell.row, cell.column));
                    path.extend(cell.text.split(" / ").map(normalise));
                }
            }
            path
        })
    }

    /// The unit of money the header over grid column `column` states (`（单位：元）`, `（万元）`),
    /// if it states one.
    pub fn unit(&mut self, column: usize) -> Option<&'static str> {
        if !self.aligned {
            return None;
        }
        if let Some(&unit) = self.units.get(&column) {
            return unit;
        }
        let unit = self.path(column).iter().rev().find_map(|label| {
            value::MONEY_UNITS
                .iter()
                .copied()
                .find(|unit| states_unit(label, unit))
        });
        self.units.insert(column, unit);
        unit
    }

    /// Maps `values` (cells of one source row) to the form's `columns`.
    pub fn locate(&mut self, values: &[&SourceCell], columns: &[Vec<String>]) -> Columns {
        if !self.aligned || values.len() != columns.len() {
            return Columns::ByOrder;
        }
        if let Some((at, decided)) = &self.last
            && at.iter().eq(values.iter().map(|v| &v.column))
        {
            return decided.clone();
        }
        // For each value, the form columns its header path names.
        let named: Vec<Vec<usize>> = values
            .iter()
            .map(|v| {
                let path = self.path(v.column);
                (0..columns.len())
                    .filter(|&j| names(path, &columns[j]))
                    .collect()
            })
            .collect();
        let decided = decide(&named, columns);
        self.last = Some((values.iter().map(|v| v.column).collect(), decided.clone()));
        decided
    }
}

/// Whether a (normalised) header label ends by stating `unit`: `(单位:元)`, `单位:元` or `(元)`.
/// Asked for every header of every column of every table read: compared in place, nothing
/// built.
fn states_unit(label: &str, unit: &str) -> bool {
    if let Some(inner) = label.strip_suffix(')').and_then(|l| l.strip_suffix(unit))
        && (inner.ends_with("(单位:") || inner.ends_with('('))
    {
        return true;
    }
    label
        .strip_suffix(unit)
        .is_some_and(|l| l.ends_with("单位:"))
}

/// What the columns each value's header names say about the row.
fn decide(named: &[Vec<usize>], columns: &[Vec<String>]) -> Columns {
    let contradicts = named
        .iter()
        .enumerate()
        .any(|(k, js)| !js.is_empty() && !js.contains(&k));
    if !contradicts {
        return Columns::ByOrder;
    }
    let unique: Option<Vec<usize>> = named
        .iter()
        .map(|js| match js.as_slice() {
            [one] => Some(*one),
            _ => None,
        })
        .collect();
    if let Some(map) = unique {
        let mut seen = vec![false; columns.len()];
        if map.iter().all(|&j| !std::mem::replace(&mut seen[j], true)) {
            return Columns::ByHeaders(map);
        }
    }
    let (k, j) = named
        .iter()
        .enumerate()
        .find_map(|(k, js)| js.iter().find(|&&j| j != k).map(|&j| (k, j)))
        .unwrap_or((0, 0));
    Columns::Conflict(ColumnConflict {
        value: k + 1,
        column: j + 1,
        header: columns[j].join(" / "),
    })
}

/// True when a source header path names the form column `column`: its last label is the
/// column's, and every label above it in the form is somewhere above it in the source.
fn names(path: &[String], column: &[String]) -> bool {
    match (path.last(), column.split_last()) {
        (Some(leaf), Some((own, parents))) => {
            leaf == own && parents.iter().all(|p| path.contains(p))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::grid::{Position, place};
    use super::*;

    #[test]
    fn a_header_states_its_unit_in_the_three_ways_templates_write_it() {
        for label in ["收费金额(单位:万元)", "收费金额单位:万元", "收费金额(万元)"]
        {
            assert!(states_unit(label, "万元"), "{label}");
        }
        for label in [
            "收费金额",
            "万元",
            "收费金额(单位:元)",
            "收费金额(万元",
            "收费金额万元)",
        ] {
            assert!(!states_unit(label, "万元"), "{label}");
        }
    }

    fn table(rows: &[&[(&str, usize, usize)]]) -> SourceTable {
        place(
            rows.iter()
                .map(|r| {
                    r.iter()
                        .map(|&(t, rs, cs)| (t.to_owned(), rs, cs, Position::Line(1)))
                        .collect()
                })
                .collect(),
            100,
        )
    }

    fn columns() -> Vec<Vec<String>> {
        vec![
            vec!["申请人情况".into(), "自然人".into()],
            vec!["申请人情况".into(), "总计".into()],
        ]
    }

    #[test]
    fn headers_in_the_form_order_read_by_order() {
        let t = table(&[
            &[("", 2, 1), ("申请人情况", 1, 2)],
            &[("自然人", 1, 1), ("总计", 1, 1)],
            &[("（一）", 1, 1), ("3", 1, 1), ("3", 1, 1)],
        ]);
        let values: Vec<&SourceCell> = t.row(2).skip(1).collect();
        let mut header = Header::above(&t, 2);
        assert_eq!(header.rows, [0, 1]);
        assert_eq!(header.locate(&values, &columns()), Columns::ByOrder);
    }

    #[test]
    fn reordered_headers_read_by_header() {
        let t = table(&[
            &[("", 2, 1), ("申请人情况", 1, 2)],
            &[("总计", 1, 1), ("自然人", 1, 1)],
            &[("（一）", 1, 1), ("3", 1, 1), ("2", 1, 1)],
        ]);
        let values: Vec<&SourceCell> = t.row(2).skip(1).collect();
        assert_eq!(
            Header::above(&t, 2).locate(&values, &columns()),
            Columns::ByHeaders(vec![1, 0])
        );
    }

    #[test]
    fn contradicting_headers_stop_the_row() {
        let t = table(&[
            &[("", 2, 1), ("申请人情况", 1, 2)],
            &[("总计", 1, 1), ("其他", 1, 1)],
            &[("（一）", 1, 1), ("3", 1, 1), ("2", 1, 1)],
        ]);
        let values: Vec<&SourceCell> = t.row(2).skip(1).collect();
        assert!(matches!(
            Header::above(&t, 2).locate(&values, &columns()),
            Columns::Conflict(_)
        ));
    }
}
