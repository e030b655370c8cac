//! A page's glyphs and rules → lines of text and ruled tables, in reading order.
//!
//! Tables are found from their ruling lines: segments that meet form a table; the distinct
//! positions of its vertical and horizontal lines make a grid, and a grid cell joins its
//! neighbour wherever no rule runs between them (a merged cell). Glyphs fall into the cell
//! holding their centre; a cell's lines are joined (a wrapped label is one label; a label
//! printed one character per line reads as its characters), with a space only between words of
//! Latin text. The rest of the page is lines of running text. Lines are numbered down the page,
//! as a person counts them, and every piece is placed as `page N, line M`.
//!
//! Work: segments are merged after sorting; rules meet in a pass over horizontal × vertical
//! segments of a page (at most [`super::content::MAX_SEGMENTS`]); grids are capped at
//! [`MAX_GRID`] cells.

use super::content::{Drawn, Glyph, Segment};
use crate::read::grid::{Position, SourceCell, SourceTable, fold_space};

/// Rules this close (points) are one rule; a double border is one line.
const SAME: f64 = 2.0;
/// The most grid cells (rows × columns) a table is laid out with; a larger grid is left as
/// running text (a page of hatching is not a table).
pub const MAX_GRID: usize = 100_000;

/// A table found on a page, with where its cells are.
pub struct PageTable {
    /// The table, its cells placed `page N, line M`.
    pub table: SourceTable,
    /// The x of each column boundary, left to right.
    pub xs: Vec<f64>,
    /// Its top.
    pub top: f64,
}

/// A line of running text, placed.
pub struct TextLine {
    /// Its text.
    pub text: String,
    /// Where it is.
    pub position: Position,
    /// Its top.
    pub top: f64,
    /// It reaches the right margin of the page's running text (within an em): a paragraph
    /// that goes on runs on to the next line.
    pub full: bool,
    /// It starts right of the left margin (a paragraph's first line, a heading set in).
    pub indented: bool,
}

/// A piece of a page, before pages are joined.
pub enum PagePiece {
    /// A line of running text.
    Text(TextLine),
    /// A table.
    Table(PageTable),
}

/// Merges collinear segments that overlap or touch: positions within [`SAME`] are one line
/// (a line drawn at 100.0 and 100.4 is one line), then runs along it are joined.
fn merge(mut segments: Vec<Segment>) -> Vec<Segment> {
    let order = |a: &Segment, b: &Segment| {
        (a.horizontal, a.at, a.from)
            .partial_cmp(&(b.horizontal, b.at, b.from))
            .unwrap_or(std::cmp::Ordering::Equal)
    };
    segments.sort_by(order);
    let mut cluster = 0;
    for i in 0..segments.len() {
        if segments[i].horizontal != segments[cluster].horizontal
            || segments[i].at - segments[cluster].at > SAME
        {
            cluster = i;
        }
        segments[i].at = segments[cluster].at;
    }
    segments.sort_by(order);
    let mut merged: Vec<Segment> = Vec::new();
    for s in segments {
        match merged.last_mut() {
            Some(m) if m.horizontal == s.horizontal && m.at == s.at && s.from <= m.to + SAME => {
                m.to = m.to.max(s.to);
            }
            _ => merged.push(s),
        }
    }
    merged
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(parent, a), find(parent, b));
    if a != b {
        parent[a.max(b)] = a.min(b);
    }
}

/// Positions within [`SAME`] of each other, as one, in ascending order.
fn distinct(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let mut out: Vec<f64> = Vec::new();
    for v in values {
        if out.last().is_none_or(|l| v - l > SAME) {
            out.push(v);
        }
    }
    out
}

/// A table's grid: boundaries and which grid cells are one cell.
struct Grid {
    xs: Vec<f64>,
    /// Top to bottom.
    ys: Vec<f64>,
    /// For each grid cell, the cell it belongs to (index of its top-left grid cell).
    owner: Vec<usize>,
}

impl Grid {
    fn columns(&self) -> usize {
        self.xs.len() - 1
    }

    fn rows(&self) -> usize {
        self.ys.len() - 1
    }

    /// The grid cell holding a point, if the table does.
    fn at(&self, x: f64, y: f64) -> Option<usize> {
        if x < self.xs[0] || x > self.xs[self.xs.len() - 1] {
            return None;
        }
        if y > self.ys[0] || y < self.ys[self.ys.len() - 1] {
            return None;
        }
        let c = self
            .xs
            .partition_point(|&b| b < x)
            .clamp(1, self.xs.len() - 1)
            - 1;
        let r = self
            .ys
            .partition_point(|&b| b > y)
            .clamp(1, self.ys.len() - 1)
            - 1;
        Some(self.owner[r * self.columns() + c])
    }
}

fn grid(horizontal: &[Segment], vertical: &[Segment]) -> Option<Grid> {
    let xs = distinct(vertical.iter().map(|s| s.at).collect());
    let mut ys = distinct(horizontal.iter().map(|s| s.at).collect());
    ys.reverse();
    if xs.len() < 2 || ys.len() < 2 || (xs.len() - 1) * (ys.len() - 1) > MAX_GRID {
        return None;
    }
    let (rows, columns) = (ys.len() - 1, xs.len() - 1);
    // The runs of rule along each boundary, in order: merged runs do not overlap, so whether
    // a point is ruled is a binary search.
    let along = |segments: &[Segment], bounds: &[f64]| {
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new(); bounds.len()];
        for s in segments {
            // The boundary nearest the segment, by a binary search (bounds ascend or descend).
            let ascending = bounds.first() <= bounds.last();
            let i = bounds.partition_point(|&b| if ascending { b < s.at } else { b > s.at });
            let near = [i.checked_sub(1), Some(i)]
                .into_iter()
                .flatten()
                .filter(|&k| k < bounds.len())
                .find(|&k| (bounds[k] - s.at).abs() <= SAME);
            if let Some(k) = near {
                runs[k].push((s.from - SAME, s.to + SAME));
            }
        }
        for r in &mut runs {
            r.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        }
        runs
    };
    let (vertical_runs, horizontal_runs) = (along(vertical, &xs), along(horizontal, &ys));
    let ruled = |runs: &[(f64, f64)], point: f64| {
        let i = runs.partition_point(|r| r.0 <= point);
        runs[..i].iter().rev().take(2).any(|r| r.1 >= point)
    };
    let mut parent: Vec<usize> = (0..rows * columns).collect();
    for r in 0..rows {
        let mid_y = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..columns {
            let mid_x = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < columns && !ruled(&vertical_runs[c + 1], mid_y) {
                union(&mut parent, r * columns + c, r * columns + c + 1);
            }
            if r + 1 < rows && !ruled(&horizontal_runs[r + 1], mid_x) {
                union(&mut parent, r * columns + c, (r + 1) * columns + c);
            }
        }
    }
    let owner = (0..rows * columns).map(|i| find(&mut parent, i)).collect();
    Some(Grid { xs, ys, owner })
}

/// The tables a page's rules draw.
fn tables(segments: Vec<Segment>) -> Vec<Grid> {
    let segments = merge(segments);
    let mut parent: Vec<usize> = (0..segments.len()).collect();
    for (i, h) in segments.iter().enumerate().filter(|(_, s)| s.horizontal) {
        for (j, v) in segments.iter().enumerate().filter(|(_, s)| !s.horizontal) {
            if h.from - SAME <= v.at
                && v.at <= h.to + SAME
                && v.from - SAME <= h.at
                && h.at <= v.to + SAME
            {
                union(&mut parent, i, j);
            }
        }
    }
    let mut components: Vec<(usize, Vec<Segment>, Vec<Segment>)> = Vec::new();
    for (i, s) in segments.iter().enumerate() {
        let root = find(&mut parent, i);
        let index = match components.iter().position(|c| c.0 == root) {
            Some(index) => index,
            None => {
                components.push((root, Vec::new(), Vec::new()));
                components.len() - 1
            }
        };
        if s.horizontal {
            components[index].1.push(*s);
        } else {
            components[index].2.push(*s);
        }
    }
    components
        .into_iter()
        .filter_map(|(_, h, v)| grid(&h, &v))
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2e80..=0x9fff | 0xf900..=0xfaff | 0xff00..=0xffef)
}

/// Glyphs → lines (top to bottom), each line's glyphs left to right (a vertical glyph is a
/// line of its own, as it is read).
fn lines(mut glyphs: Vec<&Glyph>) -> Vec<Vec<&Glyph>> {
    glyphs.sort_by(|a, b| {
        b.centre()
            .1
            .partial_cmp(&a.centre().1)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        let joins = lines.last().is_some_and(|line| {
            let last = line[line.len() - 1];
            let size = last.size.min(g.size).max(1.0);
            !g.vertical && !last.vertical && (last.centre().1 - g.centre().1).abs() <= size * 0.5
        });
        match lines.last_mut() {
            Some(line) if joins => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| {
            a.bounds[0]
                .partial_cmp(&b.bounds[0])
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    lines
}

/// A line's text: its glyphs, with a space where a gap of a third of an em or more parts
/// words of Latin text or figures (Chinese is written without spaces: a justified line's gaps
/// are not words).
fn line_text(line: &[&Glyph]) -> String {
    let mut text = String::new();
    let mut right: Option<f64> = None;
    for g in line {
        if let Some(right) = right
            && g.bounds[0] - right > g.size / 3.0
            && !text.chars().next_back().is_some_and(is_cjk)
            && !g.text.chars().next().is_some_and(is_cjk)
        {
            text.push(' ');
        }
        text.push_str(&g.text);
        right = Some(g.bounds[2]);
    }
    fold_space(&text)
}

/// Lines of one cell joined: without a break between Chinese characters (a wrapped or
/// vertical label), with a space between words of other scripts.
pub(super) fn join_lines(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let before = text.chars().next_back();
        let after = line.chars().next();
        if let (Some(b), Some(a)) = (before, after)
            && !is_cjk(b)
            && !is_cjk(a)
            && !"（(、.．".contains(b)
        {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// A page's pieces, top to bottom; `page` counts from 1.
pub fn page(drawn: &Drawn, page: usize) -> Vec<PagePiece> {
    let grids = tables(drawn.segments.clone());
    // The page's line numbers: every glyph's line, counted down the page.
    let all_lines = lines(drawn.glyphs.iter().collect());
    let mut in_cells: Vec<Vec<Vec<&Glyph>>> = grids
        .iter()
        .map(|g| vec![Vec::new(); g.owner.len()])
        .collect();
    let mut outside: Vec<&Glyph> = Vec::new();
    'glyphs: for g in &drawn.glyphs {
        let (x, y) = g.centre();
        for (t, grid) in grids.iter().enumerate() {
            if let Some(cell) = grid.at(x, y) {
                in_cells[t][cell].push(g);
                continue 'glyphs;
            }
        }
        outside.push(g);
    }
    let mut pieces = Vec::new();
    // Line numbers are looked up by line, not glyph by glyph: the page's lines are indexed.
    let mut line_number = std::collections::HashMap::new();
    for (i, line) in all_lines.iter().enumerate() {
        for g in line {
            line_number.insert(*g as *const Glyph, i + 1);
        }
    }
    let number = |g: &Glyph| line_number.get(&(g as *const Glyph)).copied().unwrap_or(1);
    let running: Vec<Vec<&Glyph>> = lines(outside)
        .into_iter()
        .filter(|l| !line_text(l).is_empty())
        .collect();
    let left = |l: &[&Glyph]| l.iter().map(|g| g.bounds[0]).fold(f64::INFINITY, f64::min);
    let right = |l: &[&Glyph]| {
        l.iter()
            .map(|g| g.bounds[2])
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let margin_left = running
        .iter()
        .map(|l| left(l))
        .fold(f64::INFINITY, f64::min);
    // The right margin: where the page's tables end, else where most lines of running text
    // end (the three-quarter mark of their right edges, so a line whose glyph widths are
    // overstated does not set it; on a page of short field lines, tables tell the width).
    let mut rights: Vec<f64> = running.iter().map(|l| right(l)).collect();
    rights.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let margin_right = grids
        .iter()
        .map(|g| g.xs[g.xs.len() - 1])
        .reduce(f64::max)
        .or_else(|| rights.get(rights.len() * 3 / 4).copied())
        .unwrap_or(f64::INFINITY);
    for line in running {
        let top = line
            .iter()
            .map(|g| g.bounds[3])
            .fold(f64::NEG_INFINITY, f64::max);
        let em = line.iter().map(|g| g.size).fold(0.0, f64::max).max(1.0);
        pieces.push(PagePiece::Text(TextLine {
            text: line_text(&line),
            position: Position::Page {
                page,
                line: number(line[0]),
            },
            top,
            full: right(&line) >= margin_right - em,
            indented: left(&line) > margin_left + em / 2.0,
        }));
    }
    for (grid, cells) in grids.iter().zip(in_cells) {
        let columns = grid.columns();
        let mut table = SourceTable {
            cells: Vec::new(),
            rows: grid.rows(),
            columns,
        };
        // Each cell's last row and column, over the grid cells it owns.
        let mut reach: Vec<(usize, usize)> = (0..grid.owner.len())
            .map(|i| (i / columns, i % columns))
            .collect();
        for (i, &owner) in grid.owner.iter().enumerate() {
            reach[owner].0 = reach[owner].0.max(i / columns);
            reach[owner].1 = reach[owner].1.max(i % columns);
        }
        for index in 0..grid.owner.len() {
            if grid.owner[index] != index {
                continue;
            }
            let (row, column) = (index / columns, index % columns);
            let (last_row, last_column) = reach[index];
            let glyphs = &cells[index];
            let cell_lines = lines(glyphs.clone());
            let texts: Vec<String> = cell_lines.iter().map(|l| line_text(l)).collect();
            let line = cell_lines.first().map_or_else(
                || {
                    // An empty cell is placed at the line its row's text is on, or the line above.
                    (all_lines.partition_point(|l| l[0].centre().1 >= grid.ys[row]) + 1)
                        .min(all_lines.len().max(1))
                },
                |l| number(l[0]),
            );
            table.cells.push(SourceCell {
                text: join_lines(&texts),
                row,
                column,
                rowspan: last_row - row + 1,
                colspan: last_column - column + 1,
                position: Position::Page { page, line },
            });
        }
        table.cells.sort_by_key(|c| (c.row, c.column));
        pieces.push(PagePiece::Table(PageTable {
            table,
            xs: grid.xs.clone(),
            top: grid.ys[0],
        }));
    }
    pieces.sort_by(|a, b| {
        let top = |p: &PagePiece| match p {
            PagePiece::Text(line) => line.top,
            PagePiece::Table(t) => t.top,
        };
        top(b)
            .partial_cmp(&top(a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    pieces
}
