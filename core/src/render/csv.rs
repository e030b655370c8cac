//! CSV: one line per data row: the table, the row's labels joined with ` / `, then the row's
//! values, each under a header naming its column path. Cells that a spreadsheet would read as
//! a formula (starting with `= + - @`, tab or carriage return) are neutralised with a leading
//! `'`, except plain numbers.

use super::{CellKind, Document, Grid, Part};

fn quote(field: &str) -> String {
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
        .map(|f| quote(f))
        .collect::<Vec<_>>()
        .join(",")
        + "\r\n"
}

/// Every table of the report, one line per data row.
pub fn document(document: &Document) -> String {
    let mut out = String::new();
    for part in &document.parts {
        if let Part::Table { grid, .. } = part {
            out.push_str(&table(grid));
        }
    }
    out
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
        let mut head = vec!["表".to_owned(), row_head];
        head.extend(
            columns
                .iter()
                .map(|&c| grid.column_labels(block.header.clone(), c).join(" / ")),
        );
        out.push_str(&line(&head));
        for row in block.data.clone() {
            let mut fields = vec![title.clone(), grid.row_labels(row).join(" / ")];
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
