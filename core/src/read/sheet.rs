//! One sheet of a workbook → pieces, in three steps: its cells as written (sparse, within
//! [`MAX_ROWS`] × [`MAX_COLUMNS`]), its merged ranges (refused when they overlap), then the
//! pieces: a row holding a single cell no merged range touches is a line of text, runs of other
//! rows are tables (an empty row ends one).

use std::collections::BTreeMap;

use super::archive::{attr, is};
use super::grid::{Piece, Position, SourceCell, SourceTable, fold_lines, fold_space};
use super::refusal::Refusal;
use super::xlsx::{
    MAX_AREA, MAX_COLUMNS, MAX_ROWS, number_as_shown, number_as_stored, reference, string_item,
};

/// A grid position: row and column, from 0.
type At = (usize, usize);

/// The sheet being read, for its errors.
struct Sheet<'a> {
    name: &'a str,
}

impl Sheet<'_> {
    fn malformed(&self, detail: String) -> Refusal {
        Refusal::Malformed {
            part: format!("sheet {:?}", self.name),
            detail,
        }
    }

    /// `at`, unless it lies beyond the largest sheet read.
    fn within(&self, (row, column): At) -> Result<At, Refusal> {
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            Err(Refusal::SheetTooLarge {
                sheet: self.name.to_owned(),
                rows: row + 1,
                columns: column + 1,
            })
        } else {
            Ok((row, column))
        }
    }
}

/// A sheet's cells as written.
struct Cells {
    /// The text of every cell that has one.
    values: BTreeMap<At, String>,
    /// How many cell elements each row has, blank ones (a table's bordered blanks) included.
    present: BTreeMap<usize, usize>,
    /// One past the last row and column any cell element stands in.
    extent: At,
}

/// Where merged ranges lie on the used part of a sheet.
struct Merged {
    rows: usize,
    columns: usize,
    /// Positions a range covers other than its first.
    covered: Vec<bool>,
    /// Rows and columns spanned, by a range's first position.
    spans: BTreeMap<At, (usize, usize)>,
    /// Rows any range touches.
    rows_touched: Vec<bool>,
}

/// Reads the sheet `name` (the `index`th, from 1) of a workbook whose shared strings are
/// `strings`.
pub(super) fn sheet(
    doc: &roxmltree::Document<'_>,
    strings: &[String],
    index: usize,
    name: &str,
) -> Result<Vec<Piece>, Refusal> {
    let at = Sheet { name };
    let cells = cells(doc, strings, &at)?;
    let ranges = ranges(doc, &at)?;
    let merged = merged(&cells, &ranges, &at)?;
    Ok(pieces(&cells, &merged, index))
}

fn cells(
    doc: &roxmltree::Document<'_>,
    strings: &[String],
    sheet: &Sheet<'_>,
) -> Result<Cells, Refusal> {
    let mut cells = Cells {
        values: BTreeMap::new(),
        present: BTreeMap::new(),
        extent: (0, 0),
    };
    for row in doc.descendants().filter(|n| is(n, "row")) {
        // A cell without a reference follows the one before it in its row.
        let row_number = attr(&row, "r")
            .and_then(|r| r.parse::<usize>().ok())
            .map(|r| r.saturating_sub(1));
        let mut next = None;
        for c in row.children().filter(|n| is(n, "c")) {
            let at = match attr(&c, "r") {
                Some(r) => reference(r)
                    .ok_or_else(|| sheet.malformed(format!("{r:?} is not a cell reference")))?,
                None => next.unwrap_or((row_number.unwrap_or(0), 0)),
            };
            let at = sheet.within(at)?;
            next = Some((at.0, at.1 + 1));
            *cells.present.entry(at.0).or_default() += 1;
            cells.extent = (cells.extent.0.max(at.0 + 1), cells.extent.1.max(at.1 + 1));
            let text = text(&c, strings, sheet)?;
            if !text.is_empty() {
                cells.values.insert(at, text);
            }
        }
    }
    Ok(cells)
}

/// A cell's text as Excel shows it: a shared or inline string, a boolean, a number as typed.
fn text(
    c: &roxmltree::Node<'_, '_>,
    strings: &[String],
    sheet: &Sheet<'_>,
) -> Result<String, Refusal> {
    let value = c
        .children()
        .find(|n| is(n, "v"))
        .and_then(|v| v.text())
        .unwrap_or("");
    Ok(match attr(c, "t") {
        Some("s") => value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| strings.get(i))
            .cloned()
            .ok_or_else(|| sheet.malformed(format!("shared string {value:?} not found")))?,
        Some("inlineStr") => c
            .children()
            .find(|n| is(n, "is"))
            .map(string_item)
            .unwrap_or_default(),
        Some("b") => if value == "1" { "TRUE" } else { "FALSE" }.to_owned(),
        Some("str" | "e") => value.to_owned(),
        // A formula's result carries binary noise past Excel's 15 digits; a value typed into
        // the cell is what was written, digit for digit.
        _ if c.children().any(|n| is(&n, "f")) => number_as_shown(value),
        _ => number_as_stored(value),
    })
}

/// The merged ranges, first and last position of each.
fn ranges(doc: &roxmltree::Document<'_>, sheet: &Sheet<'_>) -> Result<Vec<(At, At)>, Refusal> {
    let mut ranges = Vec::new();
    for merge in doc.descendants().filter(|n| is(n, "mergeCell")) {
        let range = attr(&merge, "ref").unwrap_or("");
        let (from, to) = range.split_once(':').unwrap_or((range, range));
        let (Some(from), Some(to)) = (reference(from), reference(to)) else {
            return Err(sheet.malformed(format!("merged range {range:?} is not a range")));
        };
        let (from, to) = (sheet.within(from)?, sheet.within(to)?);
        if to.0 >= from.0 && to.1 >= from.1 {
            ranges.push((from, to));
        }
    }
    Ok(ranges)
}

/// Where the ranges lie on the used part of the sheet, refused over [`MAX_AREA`] positions.
fn merged(cells: &Cells, ranges: &[(At, At)], sheet: &Sheet<'_>) -> Result<Merged, Refusal> {
    // Blank cells written with a format count: a table's last column may be blank.
    let used = |pick: fn(At) -> usize| {
        ranges
            .iter()
            .map(|&(_, to)| pick(to) + 1)
            .chain([pick(cells.extent)])
            .max()
            .unwrap_or(0)
    };
    let (rows, columns) = (used(|at| at.0), used(|at| at.1));
    if rows * columns > MAX_AREA {
        return Err(Refusal::SheetTooLarge {
            sheet: sheet.name.to_owned(),
            rows,
            columns,
        });
    }
    // Each position is marked once, as ranges may not overlap.
    let mut covered = vec![false; rows * columns];
    let mut spans: BTreeMap<At, (usize, usize)> = BTreeMap::new();
    let mut rows_touched = vec![false; rows];
    for &(from, to) in ranges {
        for r in from.0..=to.0 {
            for c in from.1..=to.1 {
                let slot = &mut covered[r * columns + c];
                if *slot || spans.contains_key(&(r, c)) {
                    return Err(sheet.malformed(format!(
                        "merged ranges overlap at row {}, column {}",
                        r + 1,
                        c + 1
                    )));
                }
                *slot = (r, c) != from;
            }
        }
        spans.insert(from, (to.0 - from.0 + 1, to.1 - from.1 + 1));
        rows_touched[from.0..=to.0].fill(true);
    }
    Ok(Merged {
        rows,
        columns,
        covered,
        spans,
        rows_touched,
    })
}

/// The sheet's lines of text and tables, in order.
fn pieces(cells: &Cells, merged: &Merged, index: usize) -> Vec<Piece> {
    let columns = merged.columns;
    let position = |row: usize, column: usize| Position::Sheet {
        sheet: index,
        row,
        column,
    };
    let mut pieces = Vec::new();
    let mut table = SourceTable::default();
    let flush = |table: &mut SourceTable, pieces: &mut Vec<Piece>| {
        if !table.cells.is_empty() {
            table.columns = columns;
            // A range merged down past a line of text ends with the table.
            let rows = table.rows;
            for cell in &mut table.cells {
                cell.rowspan = cell.rowspan.min(rows - cell.row);
            }
            pieces.push(Piece::Table(std::mem::take(table)));
        }
    };
    for row in 0..merged.rows {
        let present = cells.present.get(&row).copied();
        if present.is_none() && !merged.rows_touched[row] {
            // An empty row ends a table.
            flush(&mut table, &mut pieces);
            continue;
        }
        if present == Some(1) && !merged.rows_touched[row] {
            flush(&mut table, &mut pieces);
            if let Some(((_, column), text)) = cells.values.range((row, 0)..(row + 1, 0)).next() {
                pieces.push(Piece::Text {
                    text: fold_space(text),
                    position: position(row, *column),
                });
            }
            continue;
        }
        // Rows of a table count from the table's first row.
        let table_row = table.rows;
        table.rows += 1;
        for column in 0..columns {
            if merged.covered[row * columns + column] {
                continue;
            }
            let (rowspan, colspan) = merged.spans.get(&(row, column)).copied().unwrap_or((1, 1));
            let text = cells.values.get(&(row, column)).map_or("", String::as_str);
            table.cells.push(SourceCell {
                text: fold_lines(text),
                row: table_row,
                column,
                rowspan,
                colspan,
                position: position(row, column),
            });
        }
    }
    flush(&mut table, &mut pieces);
    pieces
}
