//! Cells run together: a page saved as text with the table's cells concatenated
//! (`（一）予以公开270020130` for 27 / 0 / 0 / 2 / 0 / 1 / 30). Such a run is never read as
//! numbers. This module finds each row's run by the form's labels, in the form's order, and
//! works out every way to cut it into the row's cells (no number with a leading zero, a decimal
//! point only in an amount, a space always a cut). The readings the form's rules allow are kept:
//! first the rules within the row (a row total), then the rules across rows (column totals)
//! over the rows still in doubt. Where exactly one reading remains it is offered as a
//! suggestion, and where several or none remain the diagnostic says so.

use rust_decimal::Decimal;

mod cuts;

use cuts::{across_rows, readings};

use super::grid::{Piece, Position, SourceDocument};
use super::normalise;
use crate::model::cell::ValueKind;
use crate::model::info::FormInfo;
use crate::model::layout::RowNode;
use crate::model::node::Role;

/// The longest line searched for run-together tables (a collapsed report is a few dozen KB).
const MAX_LINE: usize = 256 * 1024;

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
            // Repeated rows are read from tables, never from cells run together.
            if node.cells.is_empty() || node.repeated {
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
    let line = Line::new(text);
    let marks = marks(&line, expected);
    let rows_found = marks
        .iter()
        .filter(|m| matches!(expected[m.0].1, Expected::Row(_)) && m.1 < m.2)
        .count();
    if rows_found < 3 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, &(e, _, _)) in marks.iter().enumerate() {
        let Expected::Row(row) = expected[e].1 else {
            continue;
        };
        let Some(run) = line.run_at(&marks, k) else {
            continue;
        };
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

/// A label found in a line: which expected label, and where it starts and ends among the
/// line's compared characters (equal for a row without a label).
type Mark = (usize, usize, usize);

/// A line as labels are compared in it: its characters folded, each with its byte range.
struct Line<'t> {
    text: &'t str,
    chars: Vec<char>,
    spans: Vec<(usize, usize)>,
}

impl<'t> Line<'t> {
    fn new(text: &'t str) -> Self {
        let mut chars = Vec::new();
        let mut spans = Vec::new();
        for (at, c) in text.char_indices() {
            if let Some(k) = key(c) {
                chars.push(k);
                spans.push((at, at + c.len_utf8()));
            }
        }
        Line { text, chars, spans }
    }

    /// The byte offset where compared character `i` starts (or, with `end`, where the one
    /// before it ends).
    fn byte(&self, i: usize, end: bool) -> usize {
        match self.spans.get(i) {
            Some(&(start, _)) if !end => start,
            _ if i == 0 => 0,
            _ => self.spans.get(i - 1).map_or(self.text.len(), |s| s.1),
        }
    }

    /// The run of the row marked by `marks[k]`: the digits after its label, up to the next
    /// label found.
    fn run_at(&self, marks: &[Mark], k: usize) -> Option<&'t str> {
        let (_, start, end) = marks[k];
        let text = self.text;
        // What follows: the next label found (a row without a label marks no place).
        let next = marks[k + 1..]
            .iter()
            .find(|m| m.1 < m.2)
            .map_or(text.len(), |&(_, s, _)| self.byte(s, false));
        let from = if start == end {
            // A row without a label (table 4's): the run of digits just before what follows.
            let tail = text[..next]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_run_char(*c))
                .last()
                .map_or(next, |(i, _)| i);
            let after_previous = match k {
                0 => 0,
                _ => self.byte(marks[k - 1].2, true),
            };
            tail.max(after_previous)
        } else {
            self.byte(end, true)
        };
        if from > next {
            return None;
        }
        // What the label comparison skips (its closing quote, spaces) is not part of the run,
        // nor is text after it that no label of the form names (a group label repeated where
        // the page broke the table): the run is the digits right after the row's label.
        let run = text[from..next].trim_matches(|c: char| key(c).is_none());
        let run = run[..run.find(|c: char| !is_run_char(c)).unwrap_or(run.len())].trim_end();
        (!run.is_empty()).then_some(run)
    }
}

/// The expected labels found in `line`, in order, each searched for after the one before.
fn marks(line: &Line<'_>, expected: &[(Vec<char>, Expected<'_>)]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut cursor = 0;
    for (e, (label, _)) in expected.iter().enumerate() {
        if label.is_empty() {
            marks.push((e, cursor, cursor));
            continue;
        }
        if let Some(p) = line.chars[cursor..]
            .windows(label.len())
            .position(|w| w == label.as_slice())
        {
            marks.push((e, cursor + p, cursor + p + label.len()));
            cursor += p + label.len();
        }
    }
    marks
}

fn is_run_char(c: char) -> bool {
    let c = normalise::fold_char(c);
    c.is_ascii_digit() || matches!(c, '.' | ' ' | '-')
}
