//! Cells run together: a page saved as text with the table's cells concatenated
//! (`（一）予以公开270020130` for 27 / 0 / 0 / 2 / 0 / 1 / 30). Such a run is never read as
//! numbers. This module finds each row's run by the form's labels, in the form's order, and
//! works out every way to cut it into the row's cells (no number with a leading zero, a decimal
//! point only in an amount, a space always a cut). The readings the form's rules allow are kept:
//! first the rules within the row (a row total), then the rules across rows (column totals)
//! over the rows still in doubt. Where exactly one reading remains it is offered as a
//! suggestion, and where several or none remain the diagnostic says so.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::grid::{Piece, Position, SourceDocument};
use super::normalise;
use crate::check::eval;
use crate::check::outcome::Status;
use crate::check::rule::Instance;
use crate::model::cell::Slot;
use crate::model::cell::ValueKind;
use crate::model::info::FormInfo;
use crate::model::layout::RowNode;
use crate::model::node::Role;
use crate::model::num::Num;

/// The longest line searched for run-together tables (a collapsed report is a few dozen KB).
const MAX_LINE: usize = 256 * 1024;
/// The most digits a cell's number is cut to.
const MAX_DIGITS: usize = 12;
/// The most readings enumerated for one row before giving up on it.
const MAX_READINGS: usize = 20_000;
/// The most combinations of doubtful rows tried against the rules across rows.
const MAX_COMBINATIONS: usize = 100_000;

/// A row of the form found as a run of digits in a line of text.
#[derive(Clone, Debug)]
pub struct RunRow {
    /// JSON pointer of the row (the parent of its cells).
    pub pointer: String,
    /// Its cells, as indices into the form's cells.
    pub cells: Vec<usize>,
    /// The run as written.
    pub run: String,
    /// The line it is on.
    pub position: Position,
    /// The readings the rules allow, each one number per cell; `None` when there were too many
    /// ways to cut the run to try them all.
    pub readings: Option<Vec<Vec<Decimal>>>,
    /// How many ways to cut the run there are before the rules.
    pub cuts: usize,
    /// True when the rules across rows were needed to leave one reading.
    pub by_columns: bool,
}

impl RunRow {
    /// The one reading the rules allow, if there is exactly one.
    pub fn suggestion(&self) -> Option<&[Decimal]> {
        match self.readings.as_deref() {
            Some([one]) => Some(one),
            _ => None,
        }
    }
}

/// What the scan looks for, in the form's order.
enum Expected<'a> {
    /// A heading or group label: ends the run before it.
    Label,
    /// A data row.
    Row(&'a RowNode),
}

/// A label as compared here: character by character (so positions map back to the text),
/// width folded, Traditional characters simplified, spaces and quotes dropped, `、` and `.` one.
fn key(c: char) -> Option<char> {
    let c = normalise::fold_char(c);
    match c {
        c if c.is_whitespace() => None,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' => None,
        '、' | '.' | '，' => Some(','),
        c => Some(c),
    }
}

fn keyed(text: &str) -> Vec<char> {
    text.chars().filter_map(key).collect()
}

/// Every row of the form's tables found as a run in a line of `source`.
pub fn find(info: &FormInfo, source: &SourceDocument) -> Vec<RunRow> {
    let tables = &info.layout().tables;
    let mut expected: Vec<(Vec<char>, Expected<'_>)> = Vec::new();
    fn rows<'a>(nodes: &'a [RowNode], out: &mut Vec<(Vec<char>, Expected<'a>)>) {
        for node in nodes {
            let label = node.label.map(keyed).unwrap_or_default();
            if node.cells.is_empty() {
                out.push((label, Expected::Label));
                rows(&node.children, out);
            } else {
                out.push((label, Expected::Row(node)));
            }
        }
    }
    // The sections in the form's order: every heading ends the run before it (a table without
    // row labels ends at the next section's heading), and a table's labels follow its heading.
    let fields = info
        .root
        .as_struct()
        .map_or(&[][..], |s| s.fields.as_slice());
    for field in fields {
        let table = tables.iter().find(|t| t.key == field.field.key);
        let Some(label) = field.field.label else {
            continue;
        };
        if table.is_none() && field.field.role != Role::Section {
            continue;
        }
        expected.push((keyed(label), Expected::Label));
        for block in table.map_or(&[][..], |t| t.blocks.as_slice()) {
            if let Some(label) = block.label {
                expected.push((keyed(label), Expected::Label));
            }
            rows(&block.rows, &mut expected);
        }
    }

    let mut found = Vec::new();
    for piece in &source.pieces {
        let Piece::Text { text, position } = piece else {
            continue;
        };
        if text.len() > MAX_LINE {
            continue;
        }
        found.extend(scan(info, text, *position, &expected));
    }
    let mut found: Vec<RunRow> = found;
    across_rows(info, &mut found);
    found
}

/// The rows found as runs in one line.
fn scan(
    info: &FormInfo,
    text: &str,
    position: Position,
    expected: &[(Vec<char>, Expected<'_>)],
) -> Vec<RunRow> {
    // The line's characters as compared, each with its byte range in the text.
    let mut chars = Vec::new();
    let mut spans = Vec::new();
    for (at, c) in text.char_indices() {
        if let Some(k) = key(c) {
            chars.push(k);
            spans.push((at, at + c.len_utf8()));
        }
    }
    // The marks found, in order: (expected index, start, end) in `chars`.
    let mut marks: Vec<(usize, usize, usize)> = Vec::new();
    let mut cursor = 0;
    for (e, (label, _)) in expected.iter().enumerate() {
        if label.is_empty() {
            marks.push((e, cursor, cursor));
            continue;
        }
        if let Some(p) = chars[cursor..]
            .windows(label.len())
            .position(|w| w == label.as_slice())
        {
            marks.push((e, cursor + p, cursor + p + label.len()));
            cursor += p + label.len();
        }
    }
    let rows_found = marks
        .iter()
        .filter(|m| matches!(expected[m.0].1, Expected::Row(_)) && m.1 < m.2)
        .count();
    if rows_found < 3 {
        return Vec::new();
    }
    let byte = |i: usize, end: bool| -> usize {
        match spans.get(i) {
            Some(&(start, _)) if !end => start,
            _ if i == 0 => 0,
            _ => spans.get(i - 1).map_or(text.len(), |s| s.1),
        }
    };
    let mut out = Vec::new();
    for (k, &(e, start, end)) in marks.iter().enumerate() {
        let Expected::Row(row) = expected[e].1 else {
            continue;
        };
        // What follows: the next label found (a row without a label marks no place).
        let next = marks[k + 1..]
            .iter()
            .find(|m| m.1 < m.2)
            .map_or(text.len(), |&(_, s, _)| byte(s, false));
        let from = if start == end {
            // A row without a label (table 4's): the run of digits just before what follows.
            let before = &text[..next];
            let tail = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_run_char(*c))
                .last()
                .map_or(next, |(i, _)| i);
            let after_previous = if k == 0 {
                0
            } else {
                byte(marks[k - 1].2, true)
            };
            tail.max(after_previous)
        } else {
            byte(end, true)
        };
        if from > next {
            continue;
        }
        // What the label comparison skips (its closing quote, spaces) is not part of the run,
        // nor is text after it that no label of the form names (a group label repeated where
        // the page broke the table): the run is the digits right after the row's label.
        let run = text[from..next].trim_matches(|c: char| key(c).is_none());
        let run = run[..run.find(|c: char| !is_run_char(c)).unwrap_or(run.len())].trim_end();
        if run.is_empty() {
            continue;
        }
        let cells: Vec<usize> = row
            .cells
            .iter()
            .filter_map(|c| info.cell_index(&c.pointer))
            .collect();
        if cells.len() != row.cells.len() {
            continue;
        }
        let kinds: Vec<ValueKind> = cells.iter().map(|&i| info.cells[i].kind).collect();
        let (cuts, readings) = readings(info, run, &cells, &kinds);
        out.push(RunRow {
            pointer: row.pointer().unwrap_or_default(),
            cells,
            run: run.to_owned(),
            position,
            readings,
            cuts,
            by_columns: false,
        });
    }
    out
}

fn is_run_char(c: char) -> bool {
    let c = normalise::fold_char(c);
    c.is_ascii_digit() || matches!(c, '.' | ' ' | '-')
}

/// Every way to cut `run` into one number per cell, and those the rules within the row allow.
fn readings(
    info: &FormInfo,
    run: &str,
    cells: &[usize],
    kinds: &[ValueKind],
) -> (usize, Option<Vec<Vec<Decimal>>>) {
    let chunks: Vec<Vec<char>> = run
        .split_whitespace()
        .map(|c| c.chars().map(normalise::fold_char).collect())
        .collect();
    let mut all = Vec::new();
    let mut current = Vec::new();
    let complete = cut(&chunks, 0, 0, kinds, &mut current, &mut all);
    let cuts = all.len();
    if !complete {
        return (cuts, None);
    }
    let within: Vec<&Instance> = info
        .instances
        .iter()
        .filter(|i| {
            let read = i.cells();
            !read.is_empty() && read.iter().all(|c| cells.contains(c))
        })
        .collect();
    let kept = all
        .into_iter()
        .filter(|reading| {
            let values: HashMap<usize, Decimal> =
                cells.iter().copied().zip(reading.iter().copied()).collect();
            allowed(&within, &values)
        })
        .collect();
    (cuts, Some(kept))
}

/// Cuts the rest of the run, from `chunk` at `at`, into numbers for `kinds[current.len()..]`.
/// Returns false when there were more than [`MAX_READINGS`] ways.
fn cut(
    chunks: &[Vec<char>],
    chunk: usize,
    at: usize,
    kinds: &[ValueKind],
    current: &mut Vec<Decimal>,
    all: &mut Vec<Vec<Decimal>>,
) -> bool {
    let cell = current.len();
    if chunk == chunks.len() {
        if cell == kinds.len() {
            all.push(current.clone());
        }
        return all.len() <= MAX_READINGS;
    }
    if cell == kinds.len() {
        return true;
    }
    let rest_chars: usize =
        chunks[chunk].len() - at + chunks[chunk + 1..].iter().map(Vec::len).sum::<usize>();
    let rest_cells = kinds.len() - cell;
    // Each later chunk needs a cell of its own.
    if rest_chars < rest_cells || chunks.len() - chunk > rest_cells {
        return true;
    }
    let digits = &chunks[chunk][at..];
    for len in 1..=digits.len().min(MAX_DIGITS) {
        let text: String = digits[..len].iter().collect();
        let Some(number) = number(&text, kinds[cell]) else {
            continue;
        };
        current.push(number);
        let ok = if len == digits.len() {
            cut(chunks, chunk + 1, 0, kinds, current, all)
        } else {
            cut(chunks, chunk, at + len, kinds, current, all)
        };
        current.pop();
        if !ok {
            return false;
        }
    }
    true
}

/// `text` as a number of `kind`: digits without a leading zero (`0` alone allowed), a decimal
/// point only in an amount, a minus sign only in a cell that may be negative.
fn number(text: &str, kind: ValueKind) -> Option<Decimal> {
    // A minus sign only where the cell may be negative.
    let unsigned = match text.strip_prefix('-') {
        Some(rest) if kind != ValueKind::Count => rest,
        Some(_) => return None,
        None => text,
    };
    let (int, frac) = unsigned
        .split_once('.')
        .map_or((unsigned, None), |(i, f)| (i, Some(f)));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    match frac {
        None => text.parse().ok(),
        Some(f) if kind == ValueKind::Amount && digits(f) => text.parse().ok(),
        Some(_) => None,
    }
}

/// Whether the rules allow these values: no instance, decided by the check's own evaluator,
/// fails. The caller passes only instances whose every cell has a value.
fn allowed(instances: &[&Instance], values: &HashMap<usize, Decimal>) -> bool {
    let cell = |c: usize| {
        values
            .get(&c)
            .map_or(Slot::Blank, |&d| Slot::Num(Num::Dec(d)))
    };
    instances
        .iter()
        .all(|i| !matches!(eval::decide(i, cell).0, Status::Fail { .. }))
}

/// Rows left with several readings: tries their combinations against the rules that read them
/// together with rows already settled, and keeps for each row the readings some passing
/// combination uses.
fn across_rows(info: &FormInfo, rows: &mut [RunRow]) {
    let doubtful: Vec<usize> = (0..rows.len())
        .filter(|&r| rows[r].readings.as_ref().is_some_and(|v| v.len() > 1))
        .collect();
    if doubtful.is_empty() {
        return;
    }
    let combinations = doubtful.iter().try_fold(1usize, |acc, &r| {
        acc.checked_mul(rows[r].readings.as_ref().map_or(1, Vec::len))
    });
    if combinations.is_none_or(|n| n > MAX_COMBINATIONS) {
        return;
    }
    // Values of the settled rows.
    let mut settled: HashMap<usize, Decimal> = HashMap::new();
    for row in rows.iter() {
        if let Some(one) = row.suggestion() {
            settled.extend(row.cells.iter().copied().zip(one.iter().copied()));
        }
    }
    let doubtful_cells: Vec<usize> = doubtful
        .iter()
        .flat_map(|&r| rows[r].cells.iter().copied())
        .collect();
    // The rules reading a doubtful row whose every cell is settled or doubtful.
    let rules: Vec<&Instance> = info
        .instances
        .iter()
        .filter(|i| {
            let read = i.cells();
            read.iter().any(|c| doubtful_cells.contains(c))
                && read
                    .iter()
                    .all(|c| settled.contains_key(c) || doubtful_cells.contains(c))
        })
        .collect();
    if rules.is_empty() {
        return;
    }
    let mut used: Vec<Vec<bool>> = doubtful
        .iter()
        .map(|&r| vec![false; rows[r].readings.as_ref().map_or(0, Vec::len)])
        .collect();
    let mut choice = vec![0usize; doubtful.len()];
    let mut any = false;
    loop {
        let mut values = settled.clone();
        for (d, &r) in doubtful.iter().enumerate() {
            let reading = &rows[r].readings.as_ref().map_or(&[][..], Vec::as_slice)[choice[d]];
            values.extend(rows[r].cells.iter().copied().zip(reading.iter().copied()));
        }
        if allowed(&rules, &values) {
            any = true;
            for (d, &c) in choice.iter().enumerate() {
                used[d][c] = true;
            }
        }
        // Next combination.
        let mut d = 0;
        loop {
            if d == doubtful.len() {
                break;
            }
            choice[d] += 1;
            if choice[d] < used[d].len() {
                break;
            }
            choice[d] = 0;
            d += 1;
        }
        if d == doubtful.len() {
            break;
        }
    }
    if !any {
        // The rules across rows cannot all hold (the published table does not add up): they
        // say nothing about how to cut.
        return;
    }
    for (d, &r) in doubtful.iter().enumerate() {
        let row = &mut rows[r];
        if let Some(readings) = row.readings.as_mut() {
            let mut k = 0;
            readings.retain(|_| {
                k += 1;
                used[d][k - 1]
            });
            row.by_columns = readings.len() == 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_respect_leading_zeros_spaces_and_decimal_points() {
        let counts = [ValueKind::Count; 3];
        let mut all = Vec::new();
        let chunks = vec!["000".chars().collect::<Vec<_>>()];
        assert!(cut(&chunks, 0, 0, &counts, &mut Vec::new(), &mut all));
        assert_eq!(all, vec![vec![Decimal::ZERO; 3]]);
        let mut all = Vec::new();
        let chunks: Vec<Vec<char>> = ["105", "7"].iter().map(|c| c.chars().collect()).collect();
        assert!(cut(&chunks, 0, 0, &counts, &mut Vec::new(), &mut all));
        // 1|05 has a leading zero; 10|5 and the forced cut before 7.
        assert_eq!(all.len(), 1);
        assert_eq!(number("2.5", ValueKind::Count), None);
        assert_eq!(number("2.5", ValueKind::Amount), Some(Decimal::new(25, 1)));
        assert_eq!(number("05", ValueKind::Amount), None);
    }
}
