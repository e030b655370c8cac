//! A form's table read from the source's tables: rows by their labels, values by the column
//! headers above them (or by order where the source lost them), each value as written.

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use super::Reader;
use super::diagnostic::{Diagnostic, Problem};
use super::reading::set;
use crate::model::cell::ValueKind;
use crate::model::info::FormInfo;
use crate::model::layout::{Block, LayoutCell, LeafKind, RowNode, item_index, item_pointer};
use crate::model::rows::MAX_ROWS;
use crate::read::columns::{self, Columns, Header};
use crate::read::grid::{SourceCell, SourceTable};
use crate::read::normalise::row_label;
use crate::read::value::{self, ReadCell};

/// A source table's rows with their labels found and normalised once, for every block and
/// section that looks through it.
pub(crate) struct Prepared<'s> {
    table: &'s SourceTable,
    rows: Vec<PreparedRow<'s>>,
    /// The lines of text between the table before and this one, as written: where a converter
    /// set a table's labels apart from its rows of values. Normalised only when read by order.
    floating: Vec<&'s str>,
}

struct PreparedRow<'s> {
    /// Grid row.
    index: usize,
    /// The cells starting in it.
    cells: Vec<&'s SourceCell>,
    /// The label cells (index into `cells`, normalised text). A label cell may hold a whole
    /// path, joined with ` / ` (how Markdown and CSV tables write a nested row label): each
    /// part is a label.
    labels: Vec<(usize, String)>,
}

impl<'s> Prepared<'s> {
    /// The table, with the lines of text before it (back to the table before).
    pub(crate) fn with_text(table: &'s SourceTable, before: Vec<&'s str>) -> Prepared<'s> {
        let mut prepared = Prepared::new(table);
        prepared.floating = before;
        prepared
    }

    pub(crate) fn new(table: &'s SourceTable) -> Prepared<'s> {
        let rows = (0..table.rows)
            .map(|index| {
                let cells: Vec<&SourceCell> = table.row(index).collect();
                let labels = cells
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| {
                        !c.text.is_empty()
                            && !value::looks_like_value(&c.text)
                            && !value::looks_like_broken_number(&c.text)
                    })
                    .flat_map(|(i, c)| c.text.split(" / ").map(move |part| (i, row_label(part))))
                    .collect();
                PreparedRow {
                    index,
                    cells,
                    labels,
                }
            })
            .collect();
        Prepared {
            table,
            rows,
            floating: Vec::new(),
        }
    }
}

/// A block's columns as one source table gives them.
pub(crate) struct TableColumns<'f> {
    /// The block's columns, as header labels.
    form: &'f [Vec<String>],
    /// True once the table was found to order them otherwise (said once).
    reordered: bool,
    /// The block has a column of units before its values (`#[form(unit_column)]`).
    unit_column: bool,
}

/// A data row of a block, as rows of a source are matched to it.
pub(crate) struct Wanted<'a> {
    /// The labels above it, compared as rows are (outermost first).
    pub(crate) above: &'a [String],
    /// Its own label and aliases, compared as rows are; empty for a row without a label.
    pub(crate) own: &'a [String],
    /// The row.
    pub(crate) row: &'a RowNode,
}

/// The labels of a data row, normalised as rows are compared.
#[derive(Debug)]
struct LeafLabels {
    above: Vec<String>,
    own: Vec<String>,
}

/// What a reader compares of a block, normalised once per form (a reader asks for it per
/// block of every report).
#[derive(Debug)]
pub(crate) struct BlockLabels {
    /// Each data row's labels, in order.
    rows: Vec<LeafLabels>,
    /// The data rows (indices into `rows`, ascending) by each of their own labels: how a
    /// source row's label finds its rows without comparing it with every row's.
    by_label: FxHashMap<String, Vec<usize>>,
    /// The block's columns, as header labels compared as a source's headers are
    /// ([`columns::form_columns`]).
    columns: Vec<Vec<String>>,
}

impl BlockLabels {
    fn of(block: &Block) -> BlockLabels {
        let mut rows = Vec::new();
        leaf_labels(&block.rows, &mut Vec::new(), &mut rows);
        let mut by_label: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (w, leaf) in rows.iter().enumerate() {
            for label in &leaf.own {
                let rows = by_label.entry(label.clone()).or_default();
                if rows.last() != Some(&w) {
                    rows.push(w);
                }
            }
        }
        BlockLabels {
            rows,
            by_label,
            columns: columns::form_columns(&block.header),
        }
    }
}

/// What a reader compares of block `block` of table `table` of the form.
fn block_labels(info: &FormInfo, table: usize, block: usize) -> &BlockLabels {
    let labels = info.block_labels.get_or_init(|| {
        info.layout()
            .tables
            .iter()
            .map(|t| t.blocks.iter().map(BlockLabels::of).collect())
            .collect()
    });
    &labels[table][block]
}

/// The data rows of `block` with their labels (`labels`, the block's).
fn wanted<'a>(block: &'a Block, labels: &'a BlockLabels) -> Vec<Wanted<'a>> {
    let mut rows = Vec::new();
    data_rows(&block.rows, &mut rows);
    rows.into_iter()
        .zip(&labels.rows)
        .map(|(row, labels)| Wanted {
            above: &labels.above,
            own: &labels.own,
            row,
        })
        .collect()
}

/// The labels of the data rows under `rows`, in order.
fn leaf_labels(rows: &[RowNode], above: &mut Vec<String>, out: &mut Vec<LeafLabels>) {
    for row in rows {
        let own: Vec<String> = row
            .label
            .into_iter()
            .chain(row.aliases.iter().copied())
            .map(row_label)
            .collect();
        if row.cells.is_empty() {
            let pushed = !own.is_empty();
            if pushed {
                above.push(own[0].clone());
            }
            leaf_labels(&row.children, above, out);
            if pushed {
                above.pop();
            }
        } else {
            out.push(LeafLabels {
                above: above.clone(),
                own,
            });
        }
    }
}

/// The data rows under `rows` (those with cells), in order.
pub(crate) fn data_rows<'a>(rows: &'a [RowNode], out: &mut Vec<&'a RowNode>) {
    for row in rows {
        if row.cells.is_empty() {
            data_rows(&row.children, out);
        } else {
            out.push(row);
        }
    }
}

/// The row of the form, already read, that a source row repeats: one of its labels is the
/// row's, and the values after it as many.
fn duplicate_of(
    row: &PreparedRow<'_>,
    wanted: &[Wanted<'_>],
    found: &[bool],
    unit_column: bool,
) -> Option<usize> {
    // As `leaf_row` finds rows: by a label (the last first), the values after it.
    row.labels.iter().rev().find_map(|(cell, label)| {
        let values = row.cells.len() - (cell + 1);
        wanted.iter().enumerate().position(|(w, wanted)| {
            found[w]
                && !wanted.row.repeated
                && wanted.own.contains(label)
                && values == wanted.row.cells.len() + usize::from(unit_column)
        })
    })
}

/// How alike a written label must be to the form's to be read as it ([`normalise::similarity`]).
const ALIKE: f64 = 0.7;

/// The row of the form, not yet read, whose label a source row writes otherwise: its last
/// label alike to that row's (or an alias) and to no other row's, the values after it as many
/// as the row has. Returns the row and the cell of the label.
fn similar_row(
    row: &PreparedRow<'_>,
    wanted: &[Wanted<'_>],
    found: &[bool],
    unit_column: bool,
    form_labels: &[String],
) -> Option<(usize, usize)> {
    let &(cell, ref label) = row.labels.last()?;
    if label.chars().count() < 3 {
        return None;
    }
    // A label of the form's (another block's row, read there) is no variant.
    if form_labels.binary_search(label).is_ok() {
        return None;
    }
    let values = row.cells.len() - (cell + 1);
    let alike: Vec<usize> = (0..wanted.len())
        .filter(|&w| !wanted[w].row.repeated)
        .filter(|&w| {
            wanted[w]
                .own
                .iter()
                .any(|own| crate::read::normalise::alike(label, own, ALIKE))
        })
        .collect();
    // Two rows alike compete, in this block or anywhere in the form: neither is guessed.
    let [w] = alike[..] else {
        return None;
    };
    let elsewhere = form_labels
        .iter()
        .any(|l| crate::read::normalise::alike(label, l, ALIKE) && !wanted[w].own.contains(l));
    (!found[w] && !elsewhere && values == wanted[w].row.cells.len() + usize::from(unit_column))
        .then_some((w, cell))
}

/// The declared labels from the block's top down to `target`, as the form writes them.
pub(crate) fn row_path(rows: &[RowNode], target: &RowNode) -> Option<Vec<&'static str>> {
    for row in rows {
        let here: Vec<&'static str> = row.label.into_iter().collect();
        if std::ptr::eq(row, target) {
            return Some(here);
        }
        if let Some(mut below) = row_path(&row.children, target) {
            let mut path = here;
            path.append(&mut below);
            return Some(path);
        }
    }
    None
}

impl<'a> Reader<'a> {
    /// Reads every block of the form's `table` from the source `tables`; returns how many rows
    /// were found.
    pub(super) fn read_table(&mut self, table: usize, tables: &[&Prepared<'_>]) -> usize {
        (0..self.info.layout().tables[table].blocks.len())
            .map(|block| self.read_block(table, block, tables))
            .sum()
    }

    fn read_block(&mut self, table: usize, block_index: usize, tables: &[&Prepared<'_>]) -> usize {
        let info = self.info;
        let block = &info.layout().tables[table].blocks[block_index];
        let labels = block_labels(info, table, block_index);
        let wanted = wanted(block, labels);
        let (by_label, form_columns) = (&labels.by_label, labels.columns.as_slice());
        let mut found = vec![false; wanted.len()];
        // Every row label of the form, for telling a variant from another block's row.
        let mut form_labels: Option<&[String]> = None;
        // How many elements of each repeated row were read.
        let mut items: std::collections::BTreeMap<usize, usize> = Default::default();
        // The source's own labels: a hash that a crafted page cannot make collide.
        let mut context: HashSet<&str> = HashSet::new();
        for table in tables {
            // The header above this block's rows in this table, found at its first row.
            let mut header: Option<Header<'_>> = None;
            let mut columns = TableColumns {
                form: form_columns,
                reordered: false,
                unit_column: block.unit_column,
            };
            // The repeated rows last read, and the source row they were last read from: an
            // item row (`第2项`) without their label right below belongs to them.
            let mut repeated: Option<(usize, usize)> = None;
            for row in &table.rows {
                context.extend(row.labels.iter().map(|(_, l)| l.as_str()));
                let below = repeated
                    .filter(|&(_, at)| at + 1 == row.index)
                    .map(|(w, _)| w);
                if let Some((w, index, start)) = self.item_row(row, &wanted, below) {
                    self.mark_read(row);
                    repeated = Some((w, row.index));
                    found[w] = true;
                    let count = items.entry(w).or_insert(0);
                    if index >= MAX_ROWS {
                        let at = row.cells.first().map(|c| c.position);
                        let pointer = Some(wanted[w].row.pointer.clone());
                        self.diagnose(Problem::ItemsBeyondLimit { limit: MAX_ROWS }, at, pointer);
                        continue;
                    }
                    if index != *count {
                        let at = row.cells.first().map(|c| c.position);
                        let problem = Problem::ItemOutOfOrder {
                            expected: *count,
                            found: index,
                        };
                        self.diagnose(problem, at, Some(wanted[w].row.pointer.clone()));
                        continue;
                    }
                    *count += 1;
                    let header =
                        header.get_or_insert_with(|| Header::above(table.table, row.index));
                    let form_row = wanted[w].row;
                    self.read_row(row, start, form_row, header, &mut columns, Some(index));
                    continue;
                }
                let unit_column = columns.unit_column;
                let Some((chosen, start)) =
                    self.leaf_row(row, &wanted, by_label, &found, &context, unit_column)
                else {
                    // A row the form has, already read: said, the first reading kept.
                    if let Some(w) = duplicate_of(row, &wanted, &found, unit_column) {
                        self.mark_read(row);
                        let path = row_path(&block.rows, wanted[w].row).unwrap_or_default();
                        let at = row.cells.first().map(|c| c.position);
                        let pointer = wanted[w].row.pointer();
                        self.diagnose(Problem::RowRepeated { path }, at, pointer);
                        continue;
                    }
                    // A label written otherwise than the form's (`规范性文件`, a typo), alike
                    // to one row not yet read and to no other: read, and said.
                    let everywhere = form_labels.get_or_insert_with(|| self.form_labels());
                    if let Some((w, cell)) =
                        similar_row(row, &wanted, &found, unit_column, everywhere)
                    {
                        self.mark_read(row);
                        found[w] = true;
                        let form_row = wanted[w].row;
                        let written = row.cells[cell].text.clone();
                        let label = form_row.label.unwrap_or_default();
                        let at = row.cells.get(cell).map(|c| c.position);
                        self.diagnose(
                            Problem::LabelVariant { written, label },
                            at,
                            form_row.pointer(),
                        );
                        let header =
                            header.get_or_insert_with(|| Header::above(table.table, row.index));
                        self.read_row(row, cell + 1, form_row, header, &mut columns, None);
                    } else {
                        self.unrecognised(row);
                    }
                    continue;
                };
                self.mark_read(row);
                found[chosen] = true;
                let form_row = wanted[chosen].row;
                let header = header.get_or_insert_with(|| Header::above(table.table, row.index));
                if form_row.repeated {
                    // Repeated rows drawn with no element: their label over blank cells.
                    repeated = Some((chosen, row.index));
                    let written = row.cells[start..].iter().find(|c| !c.text.is_empty());
                    if let Some(cell) = written {
                        let problem = Problem::ItemsUnnumbered;
                        self.diagnose(problem, Some(cell.position), Some(form_row.pointer.clone()));
                    }
                    continue;
                }
                self.read_row(row, start, form_row, header, &mut columns, None);
            }
        }
        for table in tables {
            self.by_order(table, &wanted, &mut found, form_columns, block.unit_column);
        }
        for (w, wanted) in wanted.iter().enumerate() {
            // A row of numbers the form lets a report leave out (`Option<Count>`) is absent.
            let absent = wanted
                .row
                .cells
                .iter()
                .all(|c| matches!(c.kind, LeafKind::Number(_)) && c.optional);
            if !found[w] && absent && !wanted.row.repeated {
                for cell in &wanted.row.cells {
                    self.remove_at(&cell.pointer);
                }
            } else if !found[w] {
                let path = row_path(&block.rows, wanted.row).unwrap_or_default();
                self.diagnose(Problem::RowMissing { path }, None, wanted.row.pointer());
            }
        }
        found.iter().filter(|&&f| f).count()
    }

    /// Rows of bare values whose labels a converter set apart, as lines of text before the
    /// table: read by order where the labels of the form's rows not yet found in that text
    /// are as many as those rows and come in the form's order (the one reading the order
    /// leaves); otherwise said, not guessed.
    fn by_order(
        &mut self,
        table: &Prepared<'_>,
        wanted: &[Wanted<'_>],
        found: &mut [bool],
        form_columns: &[Vec<String>],
        unit_column: bool,
    ) {
        let bare: Vec<&PreparedRow<'_>> = table
            .rows
            .iter()
            // A row of blanks is a row too (a row of the form with nothing written).
            .filter(|r| r.labels.is_empty() && !r.cells.is_empty())
            .filter(|r| {
                r.cells
                    .first()
                    .is_none_or(|c| !self.rows_read.contains(&c.position))
            })
            .collect();
        if bare.is_empty() || table.floating.is_empty() {
            return;
        }
        // The form's rows named in the text, in its order: a label several rows share is
        // the one whose labels above were named before it.
        let mut named: Vec<usize> = Vec::new();
        let floating: Vec<String> = table.floating.iter().map(|t| row_label(t)).collect();
        let mut seen: HashSet<&str> = HashSet::new();
        for line in &floating {
            let candidates: Vec<usize> = (0..wanted.len())
                .filter(|&w| !found[w] && !named.contains(&w) && wanted[w].own.contains(line))
                .collect();
            let chosen = match candidates.as_slice() {
                [] => None,
                [one] => Some(*one),
                many => many
                    .iter()
                    .copied()
                    .find(|&w| wanted[w].above.iter().all(|a| seen.contains(a.as_str()))),
            };
            named.extend(chosen);
            seen.insert(line.as_str());
        }
        if named.is_empty() {
            return;
        }
        let in_order = named.windows(2).all(|p| p[0] < p[1]);
        let width = |w: usize| wanted[w].row.cells.len() + usize::from(unit_column);
        let fits = named.len() == bare.len()
            && in_order
            && named
                .iter()
                .zip(&bare)
                .all(|(&w, r)| r.cells.len() >= width(w));
        let at = bare[0].cells.first().map(|c| c.position);
        if !fits {
            let problem = Problem::RowsWithoutLabels {
                rows: bare.len(),
                labels: named.len(),
            };
            self.diagnose(problem, at, None);
            return;
        }
        self.diagnose(Problem::ReadByOrder { rows: bare.len() }, at, None);
        let mut header = Header::above(table.table, bare[0].index);
        let mut columns = TableColumns {
            form: form_columns,
            reordered: false,
            unit_column,
        };
        for (&w, row) in named.iter().zip(bare) {
            self.mark_read(row);
            found[w] = true;
            self.read_row(row, 0, wanted[w].row, &mut header, &mut columns, None);
        }
    }

    /// Reads the values of a source row, from cell `start`, into the form's row `form_row` (for
    /// element `item` of repeated rows, into that element).
    fn read_row(
        &mut self,
        row: &PreparedRow<'_>,
        start: usize,
        form_row: &RowNode,
        header: &mut Header<'_>,
        columns: &mut TableColumns<'_>,
        item: Option<usize>,
    ) {
        let width = form_row.cells.len() + usize::from(columns.unit_column);
        let Some(mut values) = self.values(row, start, form_row, width) else {
            return;
        };
        // A column of units: what the value after it is in.
        let unit = if columns.unit_column {
            Some(values.remove(0).text.trim().to_owned()).filter(|u| !u.is_empty())
        } else {
            None
        };
        let values = match header.locate(&values, columns.form) {
            Columns::ByOrder => values,
            Columns::ByHeaders(map) => {
                if !std::mem::replace(&mut columns.reordered, true) {
                    self.diagnose(
                        Problem::ColumnsReordered,
                        values.first().map(|c| c.position),
                        form_row.cells.first().map(|c| c.pointer.clone()),
                    );
                }
                let mut by_column = values.clone();
                for (k, &j) in map.iter().enumerate() {
                    by_column[j] = values[k];
                }
                by_column
            }
            Columns::Conflict(conflict) => {
                self.diagnose(
                    Problem::Columns(conflict),
                    values.first().map(|c| c.position),
                    form_row.cells.first().map(|c| c.pointer.clone()),
                );
                return;
            }
        };
        self.read_cells(form_row, &values, header, item, unit.as_deref());
    }

    /// The repeated rows an item row (`第2项`, the last such label) belongs to, the
    /// element's index, and the cell its values start at: the repeated rows whose label the
    /// row also has, else those read from the row right above (`last`).
    fn item_row(
        &self,
        row: &PreparedRow<'_>,
        wanted: &[Wanted<'_>],
        last: Option<usize>,
    ) -> Option<(usize, usize, usize)> {
        // The values after it may be text that reads as labels (an account's name).
        let (cell, index) = row
            .labels
            .iter()
            .rev()
            .find_map(|(cell, label)| Some((cell, item_index(label)?)))?;
        let labelled = wanted
            .iter()
            .position(|w| w.row.repeated && row.labels.iter().any(|(_, l)| w.own.contains(l)));
        let w = labelled.or(last.filter(|&w| wanted[w].row.repeated))?;
        Some((w, index, cell + 1))
    }

    /// The leaf row of the form this source row is, if any, and the cell its values follow:
    /// by its last label, then by the labels before it among those seen so far. A row whose
    /// value is text (`网站名称 | 示例县人民政府门户网站`, `是否… | 是`) is found by an earlier
    /// label, where the cells after it are as many as the form's row has.
    fn leaf_row(
        &mut self,
        row: &PreparedRow<'_>,
        wanted: &[Wanted<'_>],
        by_label: &FxHashMap<String, Vec<usize>>,
        found: &[bool],
        context: &HashSet<&str>,
        unit_column: bool,
    ) -> Option<(usize, usize)> {
        if row.labels.is_empty() {
            let candidates: Vec<usize> = (0..wanted.len())
                .filter(|&w| !found[w] && wanted[w].own.is_empty())
                .filter(|&w| {
                    row.cells.len() == wanted[w].row.cells.len() + usize::from(unit_column)
                        && row.index > 0
                })
                .collect();
            return self
                .choose(row, wanted, &candidates, context)
                .map(|w| (w, 0));
        }
        for (k, (cell, label)) in row.labels.iter().enumerate().rev() {
            let last = k + 1 == row.labels.len();
            // The cells after the label hold the row's values: as many as it has, trailing
            // blanks included (a blank last value), and none written beyond them.
            let room = row.cells.len() - (cell + 1);
            let written = row.cells[cell + 1..]
                .iter()
                .rposition(|c| !c.text.is_empty())
                .map_or(0, |p| p + 1);
            let candidates: Vec<usize> = by_label
                .get(label)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&w| !found[w])
                .filter(|&w| {
                    let values = wanted[w].row.cells.len() + usize::from(unit_column);
                    last || (written <= values && values <= room)
                })
                .collect();
            if !candidates.is_empty() {
                return self
                    .choose(row, wanted, &candidates, context)
                    .map(|w| (w, cell + 1));
            }
        }
        None
    }

    /// One of the rows `candidates` a source row may be: the only one, or the one whose labels
    /// above were seen so far.
    fn choose(
        &mut self,
        row: &PreparedRow<'_>,
        wanted: &[Wanted<'_>],
        candidates: &[usize],
        context: &HashSet<&str>,
    ) -> Option<usize> {
        match candidates {
            [] => None,
            [one] => Some(*one),
            many => {
                let chosen = many
                    .iter()
                    .copied()
                    .find(|&w| wanted[w].above.iter().all(|p| context.contains(p.as_str())));
                if chosen.is_none() {
                    let at = row.cells.first().map(|c| c.position);
                    self.diagnose(Problem::RowAmbiguous, at, None);
                }
                chosen
            }
        }
    }

    /// The values of a source row (the cells after its labels), when there are `width` of
    /// them: as many as the form's row has columns (and its unit, in a column of units).
    fn values<'s>(
        &mut self,
        row: &PreparedRow<'s>,
        start: usize,
        form_row: &RowNode,
        width: usize,
    ) -> Option<Vec<&'s SourceCell>> {
        let mut values = &row.cells[start..];
        // Empty cells past the form's columns are residue of the page's layout (a trailing
        // `| |`), not values; so is an empty cell between the label and the values, where the
        // label's columns are ruled apart (`（七）总计 | | 95 | …`).
        while values.len() > width && values.last().is_some_and(|c| c.text.is_empty()) {
            values = &values[..values.len() - 1];
        }
        while values.len() > width && values.first().is_some_and(|c| c.text.is_empty()) {
            values = &values[1..];
        }
        if values.len() != width {
            self.diagnose(
                Problem::ValueCount {
                    found: values.len(),
                    columns: width,
                },
                row.cells.first().map(|c| c.position),
                form_row.cells.first().map(|c| c.pointer.clone()),
            );
            return None;
        }
        Some(values.to_vec())
    }

    /// Reads each value into its cell of the form, as written.
    fn read_cells(
        &mut self,
        form_row: &RowNode,
        values: &[&SourceCell],
        header: &mut Header<'_>,
        item: Option<usize>,
        unit: Option<&str>,
    ) {
        let info = self.info;
        for (template, source) in form_row.cells.iter().zip(values) {
            // An element of repeated rows: the template's cell with the element's index.
            let concrete;
            let cell = match item {
                Some(index) => {
                    concrete = LayoutCell {
                        pointer: item_pointer(&template.pointer, index),
                        ..template.clone()
                    };
                    &concrete
                }
                None => template,
            };
            let Some(index) = info.cell_index(&template.pointer) else {
                // Not a number of the rules: text, yes/no, a choice, a date.
                self.positions.insert(cell.pointer.clone(), source.position);
                match value::parse_leaf(&source.text, cell) {
                    Ok(value) => self.set_at(&cell.pointer, value),
                    Err(problem) => self.diagnose(
                        Problem::Value(problem),
                        Some(source.position),
                        Some(cell.pointer.clone()),
                    ),
                }
                continue;
            };
            let declared = &info.cells[index];
            self.positions.insert(cell.pointer.clone(), source.position);
            // A header stating the unit of money (`（元）`, `（单位：万元）`) says what a bare
            // number is in, whatever the form's unit.
            // So does a column of units, for a number of any kind: a bare value is in it.
            let text = match (header.unit(source.column), unit) {
                (Some(unit), _) if declared.kind == ValueKind::Amount => {
                    value::in_unit(&source.text, unit)
                }
                (_, Some(unit)) => value::in_unit(&source.text, unit),
                _ => std::borrow::Cow::Borrowed(source.text.as_str()),
            };
            match value::parse_cell(&text, declared) {
                Ok(read) => {
                    if let ReadCell::Number(n) = &read
                        && !value::is_whole_u64(n)
                    {
                        self.numbers.insert(cell.pointer.clone(), *n);
                    }
                    match item {
                        Some(_) => self.set_at(&cell.pointer, read.to_json()),
                        None => set(&mut self.json, &declared.keys, read.to_json()),
                    }
                }
                Err(problem) => self.diagnose(
                    Problem::Value(problem),
                    Some(source.position),
                    Some(cell.pointer.clone()),
                ),
            }
        }
    }

    /// Notes that some block read `row`.
    fn mark_read(&mut self, row: &PreparedRow<'_>) {
        if let Some(first) = row.cells.first() {
            self.rows_read.insert(first.position);
        }
    }

    /// Notes `row` as a row no block of this one's reads, if it holds values after a label:
    /// unrecognised unless another block reads it.
    fn unrecognised(&mut self, row: &PreparedRow<'_>) {
        let Some(&(cell, _)) = row.labels.last() else {
            return;
        };
        let values = row.cells[cell + 1..]
            .iter()
            .any(|c| !c.text.is_empty() && value::looks_like_value(&c.text));
        if let (true, Some(first)) = (values, row.cells.first()) {
            let label = row.cells[cell].text.clone();
            self.unrecognised.entry(first.position).or_insert(label);
        }
    }

    /// Every row label of the form (and alias), normalised as rows are compared, each once,
    /// sorted; worked out once per form.
    fn form_labels(&self) -> &'a [String] {
        fn walk(rows: &[RowNode], out: &mut Vec<String>) {
            for row in rows {
                let labels = row.label.into_iter().chain(row.aliases.iter().copied());
                out.extend(labels.map(row_label));
                walk(&row.children, out);
            }
        }
        self.info.row_labels.get_or_init(|| {
            let mut out = Vec::new();
            for block in self.info.layout().tables.iter().flat_map(|t| &t.blocks) {
                walk(&block.rows, &mut out);
            }
            out.sort();
            out.dedup();
            out
        })
    }

    pub(super) fn diagnose(
        &mut self,
        problem: Problem,
        position: Option<crate::read::grid::Position>,
        pointer: Option<String>,
    ) {
        self.diagnostics
            .push(Diagnostic::new(problem, position, pointer));
    }
}
