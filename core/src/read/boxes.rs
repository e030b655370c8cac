//! Tables drawn with box-drawing characters (`┌─┬─┐ │ ├─┼─┤ └─┴─┘`), as `baobiao render --to
//! text` and many console tools draw them, → a table of placed cells with spans.
//!
//! The drawing is laid on a canvas of display columns (a CJK character takes two). Every
//! region enclosed by borders is a cell; the border lines bounding it give its grid row and
//! column and its spans, so merged cells come back merged. A label wrapped over several lines
//! of its cell is joined again.

use unicode_width::UnicodeWidthChar;

use super::grid::{Position, SourceCell, SourceTable};

/// The characters that draw borders.
const BORDER: &str = "─│┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬";

/// True when `line` is part of a drawn table: its first visible character draws a border.
pub fn is_box_line(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(|c| "│┌├└║╔╠╚".contains(c))
}

/// A slot of the canvas: a character, the second column of a wide one, or a border.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Char(char),
    Continuation,
    Border,
}

/// The mark `baobiao render --to text` puts after a failing value when it cannot use colour.
use crate::model::marks::{FAILURE_MARK, LIKELY_MARK};

/// Reads the drawn table on `lines` (each with its 1-based line number).
pub fn read(lines: &[(usize, &str)]) -> SourceTable {
    let canvas = canvas(lines);
    let cells = cells(&canvas);
    place(&canvas, &cells, lines)
}

/// A box: top, left, bottom, right (inclusive, in canvas slots).
type Rect = (usize, usize, usize, usize);

/// The lines as a canvas, a wide character taking two slots. Each row is as long as its own
/// line, not padded to the widest: the canvas takes as much memory as the text (a drawing with
/// one very long line once took width × height).
fn canvas(lines: &[(usize, &str)]) -> Vec<Vec<Slot>> {
    lines
        .iter()
        .map(|(_, line)| {
            let mut row = Vec::new();
            for ch in line.chars() {
                if BORDER.contains(ch) {
                    row.push(Slot::Border);
                    continue;
                }
                row.push(Slot::Char(ch));
                for _ in 1..ch.width().unwrap_or(0) {
                    row.push(Slot::Continuation);
                }
            }
            row
        })
        .collect()
}

/// The cells: 4-connected regions of non-border slots, but for those touching the canvas
/// edge, which lie outside the drawing.
fn cells(canvas: &[Vec<Slot>]) -> Vec<Rect> {
    let height = canvas.len();
    let mut region: Vec<Vec<bool>> = canvas.iter().map(|row| vec![false; row.len()]).collect();
    let mut cells = Vec::new();
    // Past the end of its line, a region is outside the drawing.
    let inside = |y: usize, x: usize| y < height && x < canvas[y].len();
    for y in 0..height {
        for x in 0..canvas[y].len() {
            if canvas[y][x] == Slot::Border || region[y][x] {
                continue;
            }
            let (mut top, mut left, mut bottom, mut right) = (y, x, y, x);
            let mut edge = false;
            let mut stack = vec![(y, x)];
            region[y][x] = true;
            while let Some((cy, cx)) = stack.pop() {
                (top, left) = (top.min(cy), left.min(cx));
                (bottom, right) = (bottom.max(cy), right.max(cx));
                edge |= cy == 0 || cx == 0 || cy + 1 == height || cx + 1 == canvas[cy].len();
                let neighbours = [
                    (cy.wrapping_sub(1), cx),
                    (cy + 1, cx),
                    (cy, cx.wrapping_sub(1)),
                    (cy, cx + 1),
                ];
                for (ny, nx) in neighbours {
                    if !inside(ny, nx) {
                        edge = true;
                        continue;
                    }
                    if canvas[ny][nx] != Slot::Border && !region[ny][nx] {
                        region[ny][nx] = true;
                        stack.push((ny, nx));
                    }
                }
            }
            if !edge {
                cells.push((top, left, bottom, right));
            }
        }
    }
    cells
}

/// The cells placed on the grid the borders they start and end at draw, with their text.
fn place(canvas: &[Vec<Slot>], cells: &[Rect], lines: &[(usize, &str)]) -> SourceTable {
    let mut xs: Vec<usize> = cells
        .iter()
        .flat_map(|&(_, l, _, r)| [l - 1, r + 1])
        .collect();
    let mut ys: Vec<usize> = cells
        .iter()
        .flat_map(|&(t, _, b, _)| [t - 1, b + 1])
        .collect();
    for v in [&mut xs, &mut ys] {
        v.sort_unstable();
        v.dedup();
    }
    let index = |v: &[usize], at: usize| v.binary_search(&at).unwrap_or(0);

    let mut placed: Vec<SourceCell> = cells
        .iter()
        .map(|&(top, left, bottom, right)| {
            // A cell's lines are its text's lines: values are drawn on as many lines as they
            // have, and a label wrapped over several is compared without its white space.
            let text: String = (top..=bottom)
                .map(|y| {
                    canvas[y]
                        .get(left..=right)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|s| match s {
                            Slot::Char(c) => Some(*c),
                            _ => None,
                        })
                        .collect::<String>()
                        .trim()
                        .to_owned()
                })
                .collect::<Vec<_>>()
                .join("\n");
            let text = text.trim();
            let text = text
                .strip_suffix([FAILURE_MARK, LIKELY_MARK])
                .unwrap_or(text)
                .trim();
            let row = index(&ys, top - 1);
            let column = index(&xs, left - 1);
            SourceCell {
                text: super::grid::fold_lines(text),
                row,
                column,
                rowspan: index(&ys, bottom + 1) - row,
                colspan: index(&xs, right + 1) - column,
                position: Position::Line(lines[top].0),
            }
        })
        .collect();
    placed.sort_by_key(|c| (c.row, c.column));
    SourceTable {
        cells: placed,
        rows: ys.len().saturating_sub(1),
        columns: xs.len().saturating_sub(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_and_wrapped_labels_come_back() {
        let drawing = "\
┌────────┬──────────┐
│ 申请人 │  自然人  │
│        ├────┬─────┤
│        │ 甲 │ 乙  │
├────────┼────┼─────┤
│ 部分公 │ 12✗│     │
│ 开     │    │     │
└────────┴────┴─────┘";
        let lines: Vec<(usize, &str)> = drawing
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 10, l))
            .collect();
        assert!(lines.iter().all(|(_, l)| is_box_line(l)));
        let table = read(&lines);
        assert_eq!((table.rows, table.columns), (3, 3));
        let corner = table.at(1, 0).unwrap();
        assert_eq!((corner.text.as_str(), corner.rowspan), ("申请人", 2));
        assert_eq!(table.at(0, 2).unwrap().colspan, 2);
        // Lines as drawn: a label compares without its white space, a value keeps its lines.
        assert_eq!(table.at(2, 0).unwrap().text, "部分公\n开");
        assert_eq!(
            table.at(2, 1).unwrap().text,
            "12",
            "the failure mark is dropped"
        );
        assert_eq!(table.at(2, 2).unwrap().text, "");
        assert_eq!(table.at(2, 1).unwrap().position, Position::Line(15));
    }
}
