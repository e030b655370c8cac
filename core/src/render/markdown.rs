//! Markdown: one pipe table per block, hierarchical labels joined with ` / `
//! (`三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密`).

use std::fmt::Write;

use super::{CellKind, Document, Grid, GridCell, Part};

/// Escapes a cell's text for a pipe table.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("<br>", "\\<br>")
        // A line break inside a cell, as GitHub's Markdown writes it.
        .replace('\n', "<br>")
}

/// A line of text outside a table (a title, a heading, a `label：value` line): as it is, on
/// one line; the reader takes such lines as written, so nothing is escaped.
fn line(text: &str) -> String {
    text.replace('\n', " ")
}

/// The whole report as Markdown.
pub fn document(document: &Document) -> String {
    let mut out = format!("# {}\n", line(&document.title));
    for part in &document.parts {
        match part {
            Part::Meta { label, value } => {
                let _ = writeln!(out, "\n{}：{}", line(label), line(value));
            }
            Part::Text { label, text } => {
                match label {
                    Some(label) => {
                        let _ = writeln!(out, "\n## {}\n", line(label));
                    }
                    None => out.push('\n'),
                }
                for paragraph in text.lines().filter(|l| !l.trim().is_empty()) {
                    let _ = writeln!(out, "{}\n", paragraph.trim());
                }
            }
            Part::Table { grid, summary } => {
                if let Some(title) = &grid.title {
                    let _ = writeln!(out, "\n## {}\n", line(title));
                }
                out.push_str(&table(grid));
                for line in summary {
                    let _ = writeln!(out, "- ✗ {}", self::line(line));
                }
            }
        }
    }
    out
}

/// One table: a pipe table per block, headed by that block's column paths.
pub fn table(grid: &Grid) -> String {
    let mut out = String::new();
    for block in &grid.blocks {
        if let Some(label) = &block.label {
            let _ = writeln!(out, "\n**{}**", line(label));
        }
        let Some(first) = block.data.clone().next() else {
            continue;
        };
        let values: Vec<&GridCell> = grid
            .row(first)
            .filter(|c| c.kind == CellKind::Value)
            .collect();
        let mut heads = Vec::new();
        if grid.label_columns > 0 {
            let corner = grid
                .at(block.header.start, 0)
                .filter(|c| c.kind == CellKind::Corner)
                .map(|c| c.text.clone())
                .unwrap_or_default();
            heads.push(corner);
        }
        heads.extend(values.iter().map(|v| {
            grid.column_labels(block.header.clone(), v.column)
                .join(" / ")
        }));
        let _ = writeln!(
            out,
            "\n| {} |",
            heads
                .iter()
                .map(|h| cell(h))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let _ = writeln!(out, "|{}", " --- |".repeat(heads.len()));
        for row in block.data.clone() {
            let mut line = Vec::new();
            if grid.label_columns > 0 {
                line.push(grid.row_labels(row).join(" / "));
            }
            for c in grid.row(row).filter(|c| c.kind == CellKind::Value) {
                line.push(if c.likely.is_some() {
                    format!("**{}** {}", c.text, crate::model::marks::LIKELY_MARK)
                } else if c.failures.is_empty() {
                    c.text.clone()
                } else {
                    format!("**{}** {}", c.text, crate::model::marks::FAILURE_MARK)
                });
            }
            let _ = writeln!(
                out,
                "| {} |",
                line.iter().map(|l| cell(l)).collect::<Vec<_>>().join(" | ")
            );
        }
    }
    out
}
