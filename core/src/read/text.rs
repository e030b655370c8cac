//! Plain text → pieces. These table layouts are recognised, line by line:
//! - cell per line: a line starting with a tab is a cell (`\t` alone is an empty cell), a
//!   blank line ends a row (the 湘潭县公安局 page text);
//! - pipes: `| a | b |` or `a | b |`; also one cell per line ending in `|`, whose rows are
//!   regrouped from the stream of cells (a row starts at each label after a value); also
//!   Markdown (its `| --- |` rule skipped, `\|` unescaped, the `**12** ✗` of a failing value
//!   unmarked; headings `## …` and bold lines read as text);
//! - tabs: `a\tb\tc`;
//! - drawn with box-drawing characters ([`super::boxes`]), merged cells included.
//!
//! Other lines are running text. Text tables carry no spans: every cell takes one column, so
//! matching maps values by their order in a row, never by position alone.

use super::grid::{Piece, Position, SourceDocument, place};

#[derive(PartialEq, Eq)]
enum Kind {
    Drawn,
    CellPerLine,
    Pipes,
    Tabs,
    Blank,
    Text,
}

fn kind(line: &str) -> Kind {
    let trimmed = line.trim();
    if super::boxes::is_box_line(line) {
        Kind::Drawn
    } else if line.starts_with('\t') {
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
    let text = without_colour(text);
    let mut pieces = Vec::new();
    let mut drawn: Vec<(usize, &str)> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut row: Row = Vec::new();
    let mut in_cells = false;
    let flush = |rows: &mut Vec<Row>, pieces: &mut Vec<Piece>| {
        if !rows.is_empty() {
            let rows = regroup_stream(std::mem::take(rows));
            pieces.push(Piece::Table(place(rows, super::html::MAX_SPAN)));
        }
    };
    for (i, line) in text.lines().enumerate() {
        let position = Position::Line(i + 1);
        let kind = kind(line);
        if kind == Kind::Drawn {
            drawn.push((i + 1, line));
            continue;
        }
        if !drawn.is_empty() {
            flush(&mut rows, &mut pieces);
            pieces.push(Piece::Table(super::boxes::read(&std::mem::take(
                &mut drawn,
            ))));
        }
        match kind {
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
                let cells = pipe_cells(line);
                let rule = cells
                    .iter()
                    .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
                if !rule {
                    rows.push(
                        cells
                            .into_iter()
                            .map(|c| (unmark(&c).to_owned(), 1, 1, position))
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
                let folded = super::grid::fold_space(markdown_text(line));
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
    if !drawn.is_empty() {
        pieces.push(Piece::Table(super::boxes::read(&drawn)));
    }
    SourceDocument { pieces }
}

/// A table whose every line holds at most one cell (`规章 |`, `0 |`, with `||` lines where the
/// page had empty or spanned cells) lost its row boundaries when the page became text. Its
/// cells are read as one stream: empty ones dropped, a row starting at each label that follows
/// a value. A row whose empty cells were dropped then has too few values, which matching
/// reports; nothing is filled in.
fn regroup_stream(rows: Vec<Row>) -> Vec<Row> {
    // A pipe table of label–value rows with blank values (`| 经费 |  |`) also holds one cell
    // per line, but as two: only lines of a single cell are a stream.
    let one_per_line = rows.len() > 1
        && rows
            .iter()
            .all(|r| r.len() <= 1 || r.iter().filter(|c| !c.0.is_empty()).count() == 0);
    if !one_per_line {
        return rows;
    }
    let mut out: Vec<Row> = Vec::new();
    let mut row: Row = Vec::new();
    let mut after_value = false;
    for cell in rows.into_iter().flatten().filter(|c| !c.0.is_empty()) {
        let is_value = super::value::looks_like_value(&cell.0);
        if !is_value && after_value {
            out.push(std::mem::take(&mut row));
        }
        after_value = is_value;
        row.push(cell);
    }
    if !row.is_empty() {
        out.push(row);
    }
    out
}

/// The cells of a pipe row: split at `|` not escaped by a backslash, `\|`, `\\` and `\<`
/// unescaped, `<br>` a line break, each trimmed.
fn pipe_cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next @ ('|' | '\\' | '<')) => cell.push(next),
                Some(next) => {
                    cell.push('\\');
                    cell.push(next);
                }
                None => cell.push('\\'),
            },
            '|' => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            // A line break inside a cell (`\<br>` is the text itself).
            '<' if chars.as_str().starts_with("br>") => {
                cell.push('\n');
                chars.nth(2);
            }
            _ => cell.push(c),
        }
    }
    // A row ends in `|`; text after the last one is a last cell.
    if !cell.trim().is_empty() {
        cells.push(cell.trim().to_owned());
    }
    cells
}

/// A cell without the marks a Markdown table puts on a failing value (`**12** ✗`) or a likely
/// wrong one (`**6** ‼`).
fn unmark(cell: &str) -> &str {
    use crate::model::marks::{FAILURE_MARK, LIKELY_MARK};
    let cell = cell
        .strip_suffix([FAILURE_MARK, LIKELY_MARK])
        .map_or(cell, str::trim_end);
    cell.strip_prefix("**")
        .and_then(|c| c.strip_suffix("**"))
        .unwrap_or(cell)
}

/// A line of Markdown without heading markers (`## 一、总体情况`) or the emphasis of a whole
/// line (`**第二十条第（一）项**`); other lines unchanged.
fn markdown_text(line: &str) -> &str {
    let trimmed = line.trim();
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
        return trimmed[hashes..].trim();
    }
    trimmed
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .filter(|t| !t.contains("**"))
        .unwrap_or(line)
}

/// The text without terminal colour codes (`ESC [ … m`), as a coloured terminal's output saved
/// to a file carries them.
fn without_colour(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\u{1b}') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
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
