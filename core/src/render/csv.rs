//! CSV: the whole report, in order. A record of one field is text: the title, a metadata line
//! (`报告年度：2024`), a section heading or one line of its text. A table is one record per data
//! row: the table, the row's labels joined with ` / `, then the row's values, each under a
//! header record (`表,行,…`) naming its column paths. A tool that wants the numbers only keeps
//! the records of more than one field.
//!
//! The text starts with a byte-order mark, so that Excel opens it as UTF-8.
//!
//! Cells that a spreadsheet would read as a formula (starting with `= + - @`, tab or carriage
//! return) are neutralised with a leading `'`, except plain numbers.

use super::{CellKind, Document, Grid, Part};

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
                text(label, &mut out);
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
