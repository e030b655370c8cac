//! Cutting a run into a row's cells, every way the cells allow, and keeping the readings the
//! form's rules allow: the row's own rules first, then the rules across rows (column totals)
//! over the rows still in doubt.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::RunRow;
use crate::check::eval;
use crate::check::outcome::Status;
use crate::check::rule::Instance;
use crate::model::cell::{Slot, ValueKind};
use crate::model::info::FormInfo;
use crate::model::num::Num;
use crate::read::normalise;

/// The most digits a cell's number is cut to.
const MAX_DIGITS: usize = 12;
/// The most readings enumerated for one row before giving up on it.
const MAX_READINGS: usize = 20_000;
/// The most steps (cuts tried, dead ends included) spent on one row's run: with
/// [`MAX_READINGS`] and the bound on digits per cell, what keeps a run of any length linear.
const MAX_STEPS: usize = 200_000;
/// The most combinations of doubtful rows tried against the rules across rows.
const MAX_COMBINATIONS: usize = 100_000;

/// Every way to cut `run` into one number per cell, and those the rules within the row allow.
pub(super) fn readings(
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
    let mut steps = 0;
    let complete = cut(&chunks, 0, 0, kinds, &mut current, &mut all, &mut steps);
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
/// Returns false when there were more than [`MAX_READINGS`] ways, or the search took more than
/// [`MAX_STEPS`].
fn cut(
    chunks: &[Vec<char>],
    chunk: usize,
    at: usize,
    kinds: &[ValueKind],
    current: &mut Vec<Decimal>,
    all: &mut Vec<Vec<Decimal>>,
    steps: &mut usize,
) -> bool {
    *steps += 1;
    if *steps > MAX_STEPS {
        return false;
    }
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
    // Each later chunk needs a cell of its own, and no cell takes more than MAX_DIGITS
    // characters (with a sign and a point).
    if rest_chars < rest_cells
        || chunks.len() - chunk > rest_cells
        || rest_chars > rest_cells * (MAX_DIGITS + 2)
    {
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
            cut(chunks, chunk + 1, 0, kinds, current, all, steps)
        } else {
            cut(chunks, chunk, at + len, kinds, current, all, steps)
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
pub(super) fn across_rows(info: &FormInfo, rows: &mut [RunRow]) {
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
        assert!(cut(
            &chunks,
            0,
            0,
            &counts,
            &mut Vec::new(),
            &mut all,
            &mut 0
        ));
        assert_eq!(all, vec![vec![Decimal::ZERO; 3]]);
        let mut all = Vec::new();
        let chunks: Vec<Vec<char>> = ["105", "7"].iter().map(|c| c.chars().collect()).collect();
        assert!(cut(
            &chunks,
            0,
            0,
            &counts,
            &mut Vec::new(),
            &mut all,
            &mut 0
        ));
        // 1|05 has a leading zero; 10|5 and the forced cut before 7.
        assert_eq!(all.len(), 1);
        assert_eq!(number("2.5", ValueKind::Count), None);
        assert_eq!(number("2.5", ValueKind::Amount), Some(Decimal::new(25, 1)));
        assert_eq!(number("05", ValueKind::Amount), None);
    }

    /// Work bounded by the run: 85 digits and more for 14 cells (which once took seconds, dead
    /// ends uncounted) end at once, and no run takes more than MAX_STEPS.
    #[test]
    fn long_runs_of_digits_take_bounded_work() {
        let counts = [ValueKind::Count; 14];
        for len in [85, 160, 400, 10_000] {
            let chunks = vec!["7".repeat(len).chars().collect::<Vec<_>>()];
            let (mut all, mut steps) = (Vec::new(), 0);
            cut(
                &chunks,
                0,
                0,
                &counts,
                &mut Vec::new(),
                &mut all,
                &mut steps,
            );
            assert!(steps <= MAX_STEPS + 1, "{len} digits: {steps} steps");
            // More characters than 14 cells can hold: no search at all.
            if len > 14 * (MAX_DIGITS + 2) {
                assert_eq!((steps, all.len()), (1, 0), "{len} digits");
            }
        }
        // 14 cells of 6 digits each: many readings, the search stopped at its bound.
        let chunks = vec!["123456".repeat(14).chars().collect::<Vec<_>>()];
        let (mut all, mut steps) = (Vec::new(), 0);
        let complete = cut(
            &chunks,
            0,
            0,
            &counts,
            &mut Vec::new(),
            &mut all,
            &mut steps,
        );
        assert!(steps <= MAX_STEPS + 1 && all.len() <= MAX_READINGS + 1);
        assert!(!complete || all.len() <= MAX_READINGS);
    }
}
