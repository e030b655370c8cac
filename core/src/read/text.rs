//! Plain text → pieces. Three table layouts are recognised, line by line:
//! - cell per line: a line starting with a tab is a cell (`\t` alone is an empty cell), a
//!   blank line ends a row (the 湘潭县公安局 page text);
//! - pipes: `| a | b |`, also Markdown (its `| --- |` rule is skipped);
//! - tabs: `a\tb\tc`.
//!
//! Other lines are running text. Text tables carry no spans: every cell takes one column, so
//! matching maps values by their order in a row, never by position alone.

use super::grid::{Piece, Position, SourceDocument, place};

#[derive(PartialEq, Eq)]
enum Kind {
    CellPerLine,
    Pipes,
    Tabs,
    Blank,
    Text,
}

fn kind(line: &str) -> Kind {
    let trimmed = line.trim();
    if line.starts_with('\t') {
        Kind::CellPerLine
    } else if trimmed.is_empty() {
        Kind::Blank
    } else if trimmed.starts_with('|') || trimmed.ends_with('|') {
        Kind::Pipes
    } else if trimmed.contains('\t') {
        Kind::Tabs
    } else {
        Kind::Text
    }
}

type Row = Vec<(String, usize, usize, Position)>;

/// Reads the text of a report.
pub fn read(text: &str) -> SourceDocument {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut pieces = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut row: Row = Vec::new();
    let mut in_cells = false;
    let flush = |rows: &mut Vec<Row>, pieces: &mut Vec<Piece>| {
        if !rows.is_empty() {
            pieces.push(Piece::Table(place(
                std::mem::take(rows),
                super::html::MAX_SPAN,
            )));
        }
    };
    for (i, line) in text.lines().enumerate() {
        let position = Position::Line(i + 1);
        match kind(line) {
            Kind::CellPerLine => {
                in_cells = true;
                row.push((line[1..].trim().to_owned(), 1, 1, position));
            }
            Kind::Blank => {
                if !row.is_empty() {
                    rows.push(std::mem::take(&mut row));
                }
            }
            Kind::Pipes if !in_cells => {
                let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
                let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
                let rule = cells
                    .iter()
                    .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
                if !rule {
                    rows.push(
                        cells
                            .iter()
                            .map(|c| (c.replace("\\|", "|"), 1, 1, position))
                            .collect(),
                    );
                }
            }
            Kind::Tabs if !in_cells => {
                rows.push(
                    line.split('\t')
                        .map(|c| (c.trim().to_owned(), 1, 1, position))
                        .collect(),
                );
            }
            _ => {
                if !row.is_empty() {
                    rows.push(std::mem::take(&mut row));
                }
                in_cells = false;
                flush(&mut rows, &mut pieces);
                let folded = super::grid::fold_space(line);
                if !folded.is_empty() {
                    pieces.push(Piece::Text {
                        text: folded,
                        position,
                    });
                }
            }
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    flush(&mut rows, &mut pieces);
    SourceDocument { pieces }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_per_line_rows_end_at_blank_lines() {
        let doc = read("二、主动公开\n\t第二十条第（一）项\n\n\t规章\n\t0\n\t\n\n三、收到\n");
        assert_eq!(doc.pieces.len(), 3);
        let table = doc.tables().next().unwrap();
        assert_eq!(table.rows, 2);
        assert_eq!(
            table.row(1).map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["规章", "0", ""]
        );
        assert_eq!(table.at(1, 1).unwrap().position, Position::Line(5));
    }

    #[test]
    fn pipes_and_tabs() {
        let doc =
            read("| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 3 |\n段落\n规章\t1\t2\n");
        let tables: Vec<_> = doc.tables().collect();
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[0].rows, 2);
        assert_eq!(tables[0].at(1, 1).unwrap().text, "3");
        assert_eq!(tables[1].at(0, 2).unwrap().text, "2");
    }
}
