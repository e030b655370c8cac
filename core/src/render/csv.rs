//! CSV: the whole report, in order. A record of one field is text: the title, a metadata line
//! (`报告年度：2024`), a section heading or one line of its text. A table is one record per data
//! row: the table, the row's labels joined with ` / `, then the row's values, each under a
//! header record (`表,行,…`) naming its column paths. A tool that wants the numbers only keeps
//! the records of more than one field.
//!
//! The text starts with a byte-order mark, so that Excel opens it as UTF-8.
//!
//! A checked report ends with the listing of its failing cells, under the heading
//! `不符合规则的单元格`: one record per cell a failing rule reads (table, cell, value, the fix
//! where it is a likely wrong cell, the rules, its JSON pointer), likely wrong cells first.
//! Readers stop at that heading.
//!
//! Cells that a spreadsheet would read as a formula (starting with `= + - @`, tab or carriage
//! return) are neutralised with a leading `'`, except plain numbers.

use super::{CellKind, Document, Grid, GridCell, Part};
use crate::model::lang::Lang;
use crate::model::marks::FAILING_CELLS_HEADINGS;

/// A CSV field: quoted where it must be (RFC 4180), and neutralised with a leading `'` where
/// a spreadsheet would take it for a formula (`= + - @`, tab or carriage return first; a plain
/// number stays as it is).
pub fn field(field: &str) -> String {
    let neutral = match field.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if field.parse::<f64>().is_err() => {
            format!("'{field}")
        }
        _ => field.to_owned(),
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

fn line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",")
        + "\r\n"
}

/// The report: its text as one-field records, its tables one record per data row. It starts
/// with a byte-order mark: Excel on Chinese Windows reads a CSV as UTF-8 only with one (and
/// the readers skip it).
pub fn document(document: &Document) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&line(std::slice::from_ref(&document.title)));
    let text = |text: &str, out: &mut String| {
        for l in text.lines().filter(|l| !l.trim().is_empty()) {
            out.push_str(&line(&[l.trim().to_owned()]));
        }
    };
    for part in &document.parts {
        match part {
            Part::Meta { label, value } => text(&format!("{label}：{value}"), &mut out),
            Part::Text { label, text: body } => {
                if let Some(label) = label {
                    text(label, &mut out);
                }
                text(body, &mut out);
            }
            Part::Table { grid, .. } => {
                if let Some(title) = &grid.title {
                    text(title, &mut out);
                }
                out.push_str(&table(grid));
            }
        }
    }
    out.push_str(&failing_cells(document));
    out
}

/// The listing of the cells failing rules read, after a heading record; empty when every
/// rule holds (or the report was not checked).
fn failing_cells(document: &Document) -> String {
    let grids = document.parts.iter().filter_map(|part| match part {
        Part::Table { grid, .. } => Some(grid),
        _ => None,
    });
    let mut failing: Vec<(&Grid, &GridCell)> = grids
        .flat_map(|grid| grid.cells.iter().map(move |cell| (grid, cell)))
        .filter(|(_, c)| c.kind == CellKind::Value && !c.failures.is_empty())
        .collect();
    // Likely wrong cells first, then in the order of the report.
    failing.sort_by_key(|(_, c)| c.likely.is_none());
    let Some(lang) = failing.first().map(|(_, c)| c.failures[0].lang) else {
        return String::new();
    };
    let [zh, en] = FAILING_CELLS_HEADINGS;
    let mut out = line(&[lang.pick(zh, en).to_owned()]);
    let head = match lang {
        Lang::Zh => ["表", "单元格", "值", "最可能有误", "规则", "指针"],
        Lang::En => ["Table", "Cell", "Value", "Likely wrong", "Rules", "Pointer"],
    };
    out.push_str(&line(&head.map(str::to_owned)));
    for (grid, cell) in failing {
        let mut rules: Vec<&str> = Vec::new();
        for f in &cell.failures {
            if !rules.contains(&f.rule.as_str()) {
                rules.push(&f.rule);
            }
        }
        out.push_str(&line(&[
            grid.title.clone().unwrap_or_default(),
            cell_name(grid, cell),
            cell.text.clone(),
            cell.likely.clone().unwrap_or_default(),
            rules.join(lang.pick("；", "; ")),
            cell.pointer.clone().unwrap_or_default(),
        ]));
    }
    out
}

/// A value cell named by its row's labels and its column's headers: `（一）予以公开 › 自然人`.
fn cell_name(grid: &Grid, cell: &GridCell) -> String {
    let header = grid
        .blocks
        .iter()
        .find(|b| b.data.contains(&cell.row))
        .map_or(0..0, |b| b.header.clone());
    let mut labels = grid.row_labels(cell.row);
    labels.extend(grid.column_labels(header, cell.column));
    labels.join(" › ")
}

/// One table: per block, a header line (table, row, then each column's path), then one line
/// per data row.
pub fn table(grid: &Grid) -> String {
    let title = grid.title.clone().unwrap_or_default();
    let mut out = String::new();
    for block in &grid.blocks {
        let Some(first) = block.data.clone().next() else {
            continue;
        };
        let columns: Vec<usize> = grid
            .row(first)
            .filter(|c| c.kind == CellKind::Value)
            .map(|c| c.column)
            .collect();
        let row_head = match &block.label {
            Some(label) => format!("行（{label}）"),
            None => "行".to_owned(),
        };
        // A table without row labels (table 4) has no row column, as in its template.
        let labelled = grid.label_columns > 0;
        let mut head = vec!["表".to_owned()];
        if labelled {
            head.push(row_head);
        }
        head.extend(
            columns
                .iter()
                .map(|&c| grid.column_labels(block.header.clone(), c).join(" / ")),
        );
        out.push_str(&line(&head));
        for row in block.data.clone() {
            let mut fields = vec![title.clone()];
            if labelled {
                fields.push(grid.row_labels(row).join(" / "));
            }
            fields.extend(
                grid.row(row)
                    .filter(|c| c.kind == CellKind::Value)
                    .map(|c| c.text.clone()),
            );
            out.push_str(&line(&fields));
        }
    }
    out
}
