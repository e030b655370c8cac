//! Terminal text: box-drawing tables with merged cells, aligned by display width (a Chinese
//! character takes two columns), failing cells in colour when writing to a terminal and
//! marked `✗` otherwise.
//!
//! Long labels wrap within their column; every line of a table has the same display width.

use std::fmt::Write;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{CellKind, Document, Grid, GridCell, Part};

/// Labels wrap at this display width (per grid column).
const LABEL_WIDTH: usize = 24;

const RED: &str = "\x1b[1;31m";
/// Red, reversed: a likely wrong value.
const RED_REVERSED: &str = "\x1b[1;7;31m";
const RESET: &str = "\x1b[0m";

pub use crate::model::marks::{FAILURE_MARK, LIKELY_MARK};

/// How a character is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Style {
    #[default]
    Plain,
    /// A failing value: red.
    Failing,
    /// A likely wrong value: red, reversed.
    Likely,
}

/// The whole report as text: title, sections, tables with their failures.
pub fn document(document: &Document, colour: bool) -> String {
    let mut out = format!("{}\n", document.title);
    for part in &document.parts {
        match part {
            Part::Meta { label, value } => {
                let _ = writeln!(out, "{label}：{value}");
            }
            Part::Text { label, text } => {
                let heading = label.as_ref().map(|l| format!("{l}\n")).unwrap_or_default();
                let _ = writeln!(out, "\n{heading}{}", text.trim_end());
            }
            Part::Table { grid, summary } => {
                out.push('\n');
                out.push_str(&table_with_summary(grid, summary, colour));
            }
        }
    }
    out
}

/// One table with its heading and failures.
pub fn table_with_summary(grid: &Grid, summary: &[String], colour: bool) -> String {
    let mut out = String::new();
    if let Some(title) = &grid.title {
        let _ = writeln!(out, "{title}");
    }
    out.push_str(&table(grid, colour));
    for line in summary {
        if colour {
            let _ = writeln!(out, "{RED}✗{RESET} {line}");
        } else {
            let _ = writeln!(out, "✗ {line}");
        }
    }
    out
}

/// Closing punctuation, which Chinese typesetting never puts at the start of a line.
const CLOSING: &[char] = &[
    '）', ')', '」', '』', '》', '】', '，', '。', '、', '；', '：', '！', '？',
];

/// Splits `text` into lines no wider than `width` (at least one line). A closing bracket or
/// stop that would begin a line takes the character before it along (`人次` / `）` becomes
/// `人` / `次）`).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for ch in paragraph.chars() {
            let w = ch.width().unwrap_or(0);
            if used + w > width && !line.is_empty() {
                let mut carried = String::new();
                if CLOSING.contains(&ch) && line.chars().count() > 1 {
                    carried.extend(line.pop());
                }
                lines.push(std::mem::take(&mut line));
                used = carried.width();
                line = carried;
            }
            line.push(ch);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// The inner width of a cell spanning `columns` (the borders between them become space).
fn span_width(widths: &[usize], cell: &GridCell) -> usize {
    widths[cell.column..cell.column + cell.colspan]
        .iter()
        .sum::<usize>()
        + 3 * (cell.colspan - 1)
}

/// One table, drawn with box-drawing characters.
pub fn table(grid: &Grid, colour: bool) -> String {
    if grid.rows == 0 || grid.columns == 0 {
        return String::new();
    }
    // Without colour a failing value carries a mark; a likely wrong one another.
    let texts: Vec<String> = grid
        .cells
        .iter()
        .map(|c| {
            if !colour && c.likely.is_some() {
                format!("{}{LIKELY_MARK}", c.text)
            } else if !colour && !c.failures.is_empty() {
                format!("{}{FAILURE_MARK}", c.text)
            } else {
                c.text.clone()
            }
        })
        .collect();
    // Column widths: what single-column cells need, then what spanning cells need more.
    // Values never wrap; the corner note wraps over its header rows; labels wrap per column.
    let limit = |cell: &GridCell| match cell.kind {
        CellKind::Value => usize::MAX,
        CellKind::Corner => LABEL_WIDTH * 2,
        _ => LABEL_WIDTH * cell.colspan,
    };
    let mut widths = vec![1usize; grid.columns];
    let mut by_span: Vec<usize> = (0..grid.cells.len()).collect();
    by_span.sort_by_key(|&i| grid.cells[i].colspan);
    for i in by_span {
        let cell = &grid.cells[i];
        let need = texts[i].width().min(limit(cell)).max(1);
        let have = span_width(&widths, cell);
        if need > have {
            widths[cell.column + cell.colspan - 1] += need - have;
        }
    }
    // Lines of each cell, then row heights.
    let lines: Vec<Vec<String>> = grid
        .cells
        .iter()
        .zip(&texts)
        .map(|(c, text)| wrap(text, span_width(&widths, c)))
        .collect();
    let mut heights = vec![1usize; grid.rows];
    let mut by_rows: Vec<usize> = (0..grid.cells.len()).collect();
    by_rows.sort_by_key(|&i| grid.cells[i].rowspan);
    for i in by_rows {
        let cell = &grid.cells[i];
        let span = cell.row..cell.row + cell.rowspan;
        let have: usize = heights[span.clone()].iter().sum::<usize>() + (cell.rowspan - 1);
        if lines[i].len() > have {
            heights[span.end - 1] += lines[i].len() - have;
        }
    }
    // Border positions.
    let mut xs = vec![0usize];
    for w in &widths {
        xs.push(xs[xs.len() - 1] + w + 3);
    }
    let mut ys = vec![0usize];
    for h in &heights {
        ys.push(ys[ys.len() - 1] + h + 1);
    }
    let (width, height) = (xs[grid.columns] + 1, ys[grid.rows] + 1);
    let mut canvas = Canvas::new(width, height);
    for (i, cell) in grid.cells.iter().enumerate() {
        let (x0, x1) = (xs[cell.column], xs[cell.column + cell.colspan]);
        let (y0, y1) = (ys[cell.row], ys[cell.row + cell.rowspan]);
        canvas.frame(x0, y0, x1, y1);
        let inner = x1 - x0 - 3;
        let style = match (colour, cell.likely.is_some(), cell.failures.is_empty()) {
            (false, _, _) => Style::Plain,
            (true, true, _) => Style::Likely,
            (true, false, false) => Style::Failing,
            (true, false, true) => Style::Plain,
        };
        for (k, line) in lines[i].iter().enumerate() {
            let pad = match cell.kind {
                CellKind::RowLabel | CellKind::BlockLabel => 0,
                _ => (inner - line.width().min(inner)) / 2,
            };
            canvas.text(x0 + 2 + pad, y0 + 1 + k, line, style);
        }
    }
    canvas.render()
}

/// A character canvas with line-drawing by junction.
struct Canvas {
    width: usize,
    chars: Vec<Vec<Option<char>>>,
    styled: Vec<Vec<Style>>,
    horizontal: Vec<Vec<bool>>,
    vertical: Vec<Vec<bool>>,
}

/// Marks the second column of a wide character.
const WIDE_TAIL: char = '\0';

impl Canvas {
    fn new(width: usize, height: usize) -> Canvas {
        Canvas {
            width,
            chars: vec![vec![None; width]; height],
            styled: vec![vec![Style::Plain; width]; height],
            horizontal: vec![vec![false; width]; height],
            vertical: vec![vec![false; width]; height],
        }
    }

    fn frame(&mut self, x0: usize, y0: usize, x1: usize, y1: usize) {
        for x in x0..=x1 {
            self.horizontal[y0][x] = true;
            self.horizontal[y1][x] = true;
        }
        for y in y0..=y1 {
            self.vertical[y][x0] = true;
            self.vertical[y][x1] = true;
        }
    }

    fn text(&mut self, mut x: usize, y: usize, text: &str, styled: Style) {
        for ch in text.chars() {
            let w = ch.width().unwrap_or(0);
            if w == 0 || x + w > self.width {
                continue;
            }
            self.chars[y][x] = Some(ch);
            self.styled[y][x] = styled;
            if w == 2 {
                self.chars[y][x + 1] = Some(WIDE_TAIL);
            }
            x += w;
        }
    }

    fn junction(&self, x: usize, y: usize) -> Option<char> {
        let h = &self.horizontal;
        let v = &self.vertical;
        let left = h[y][x] && x > 0 && h[y][x - 1];
        let right = h[y][x] && x + 1 < self.width && h[y][x + 1];
        let up = v[y][x] && y > 0 && v[y - 1][x];
        let down = v[y][x] && y + 1 < v.len() && v[y + 1][x];
        Some(match (up, down, left, right) {
            (false, false, false, false) => return None,
            (false, false, _, _) => '─',
            (_, _, false, false) => '│',
            (false, true, false, true) => '┌',
            (false, true, true, false) => '┐',
            (true, false, false, true) => '└',
            (true, false, true, false) => '┘',
            (true, true, false, true) => '├',
            (true, true, true, false) => '┤',
            (false, true, true, true) => '┬',
            (true, false, true, true) => '┴',
            (true, true, true, true) => '┼',
        })
    }

    fn render(&self) -> String {
        let mut out = String::new();
        for y in 0..self.chars.len() {
            let mut styled = Style::Plain;
            for x in 0..self.width {
                let ch = match self.chars[y][x] {
                    Some(WIDE_TAIL) => continue,
                    Some(ch) => ch,
                    None => self.junction(x, y).unwrap_or(' '),
                };
                if self.styled[y][x] != styled {
                    out.push_str(match self.styled[y][x] {
                        Style::Plain => RESET,
                        Style::Failing => RED,
                        Style::Likely => RED_REVERSED,
                    });
                    styled = self.styled[y][x];
                }
                out.push(ch);
            }
            if styled != Style::Plain {
                out.push_str(RESET);
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn a_closing_bracket_never_begins_a_line() {
        assert_eq!(
            wrap("法律咨询人次（单位：人次）", 24),
            ["法律咨询人次（单位：人", "次）"]
        );
        assert_eq!(wrap("ab", 1), ["a", "b"]);
        assert_eq!(wrap("a）", 1), ["a", "）"]);
    }
}
