//! The evaluator: what a rule instance means, over a form's cells, written once.
//!
//! [`decide`] is the definition. It sums each side of an instance exactly and hands both sums
//! to `settle`, which applies the blank semantics and the operator ([`Op::holds`]). Everything
//! that asks whether an instance holds calls it: the check, the reader choosing among the
//! readings of run-together digits, the tests.
//!
//! [`evaluate`] checks a whole form. For an instance whose cells are all counts and whose
//! constants are integers (nearly every instance of a real form) it sums the cells' words in
//! `i128` without a branch and settles the sums with the same `settle`; any other instance is
//! decided by [`decide`]. The index it walks ([`Compiled`]) is built from the instance table
//! and from nothing else, so the fast path cannot mean anything the table does not say.

use rust_decimal::Decimal;

use crate::check::cells::{Cells, VALUE};
use crate::check::op::Op;
use crate::check::outcome::{Outcome, Reason, Status};
use crate::check::rule::{Body, Instance, Operand, Side, Term};
use crate::model::cell::{Slot, ValueKind};
use crate::model::info::{CellInfo, FormInfo};
use crate::model::num::Num;

/// One side of a comparison, summed.
#[derive(Clone, Copy, Debug)]
struct Summed<N> {
    /// Cells the side reads (constants are not cells).
    cells: u32,
    /// Blank or not-applicable cells among them, read as 0.
    blanks: u32,
    /// The sum; `None` when it does not fit an exact number.
    sum: Option<N>,
}

/// Decides a comparison from its two summed sides: the blank semantics and the operator.
#[inline(always)]
fn settle<N: Ord + Copy + Into<Num>>(
    lhs: Summed<N>,
    op: Op,
    rhs: Summed<N>,
    result: Option<Side>,
) -> Status {
    for (side, summed) in [(Side::Lhs, &lhs), (Side::Rhs, &rhs)] {
        // A blank stated result, or a side blank in every cell, says nothing to check.
        if result == Some(side) && summed.blanks > 0 {
            return Status::NotAssessable(Reason::ResultBlank(side));
        }
        if summed.cells > 0 && summed.blanks == summed.cells {
            return Status::NotAssessable(Reason::SideBlank(side));
        }
    }
    match (lhs.sum, rhs.sum) {
        (Some(l), Some(r)) if op.holds(l, r) => Status::Pass,
        (Some(l), Some(r)) => Status::Fail {
            lhs: l.into(),
            rhs: r.into(),
        },
        _ => Status::NotAssessable(Reason::Overflow),
    }
}

/// Decides a range: a value outside its bounds fails; a blank is the sum rules' and strict
/// mode's business, not the range's.
fn settle_range(value: Slot, min: Option<Num>, max: Option<Num>) -> Status {
    let Some(value) = value.num() else {
        return Status::Pass;
    };
    match (min, max) {
        (Some(min), _) if value < min => Status::Fail {
            lhs: value,
            rhs: min,
        },
        (_, Some(max)) if value > max => Status::Fail {
            lhs: value,
            rhs: max,
        },
        _ => Status::Pass,
    }
}

/// Decides `instance` over the cells `cell` gives (by index into the form's cells), exactly.
/// Returns how it ended and how many blank or not-applicable cells it read.
pub fn decide(instance: &Instance, cell: impl Fn(usize) -> Slot) -> (Status, u32) {
    match &instance.body {
        Body::Compare {
            lhs,
            op,
            rhs,
            result,
        } => {
            let (l, r) = (sum_exact(lhs, &cell), sum_exact(rhs, &cell));
            (settle(l, *op, r, *result), l.blanks + r.blanks)
        }
        Body::Range {
            cell: index,
            min,
            max,
            ..
        } => (settle_range(cell(*index), *min, *max), 0),
    }
}

fn sum_exact(terms: &[Term], cell: &impl Fn(usize) -> Slot) -> Summed<Num> {
    let mut exact = Exact::default();
    let (mut cells, mut blanks) = (0, 0);
    for term in terms {
        let value = match term.operand {
            Operand::Cell(index) => {
                cells += 1;
                match cell(index).num() {
                    Some(n) => n,
                    None => {
                        blanks += 1;
                        continue;
                    }
                }
            }
            Operand::Const(n) => n,
        };
        exact.add(value, term.negative);
    }
    Summed {
        cells,
        blanks,
        sum: exact.value(),
    }
}

/// An exact sum: a mantissa in `i128` at a decimal scale. Integers stay integers; the first
/// decimal moves the sum to its scale, and more places rescale it. A sum that no longer fits is
/// an overflow, never rounded (`Decimal`'s own addition would round past 28 digits).
#[derive(Clone, Copy, Debug, Default)]
struct Exact {
    mantissa: i128,
    scale: u32,
    decimal: bool,
    overflow: bool,
}

impl Exact {
    fn add(&mut self, value: Num, negative: bool) {
        let (mantissa, scale) = match value {
            Num::Int(i) => (i, 0),
            Num::Dec(d) => {
                self.decimal = true;
                (d.mantissa(), d.scale())
            }
        };
        let target = scale.max(self.scale);
        let ten = |places: u32| 10i128.checked_pow(places);
        let sum = ten(target - self.scale)
            .and_then(|f| self.mantissa.checked_mul(f))
            .zip(ten(target - scale).and_then(|f| mantissa.checked_mul(f)))
            .and_then(|(own, other)| {
                if negative {
                    own.checked_sub(other)
                } else {
                    own.checked_add(other)
                }
            });
        match sum {
            Some(sum) => {
                self.mantissa = sum;
                self.scale = target;
            }
            None => self.overflow = true,
        }
    }

    fn value(self) -> Option<Num> {
        if self.overflow {
            return None;
        }
        if !self.decimal {
            return Some(Num::Int(self.mantissa));
        }
        Decimal::try_from_i128_with_scale(self.mantissa, self.scale)
            .ok()
            .map(Num::Dec)
    }
}

/// The instance table indexed for [`evaluate`], built from it alone.
///
/// Each evaluated instance in order. One whose cells are all counts and whose constants are
/// integers is summed from the cells' words, its cells in *spans*: a side's cells sorted, added
/// ones before subtracted ones, consecutive ones merged into one span (a row total reads its
/// row's cells in one span). Consecutive instances of one rule that read the same cells each
/// shifted one column further (an element-wise rule, column by column) are one group, summed
/// row by row over the group's columns at once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Compiled {
    steps: Vec<Step>,
    /// How many instances are evaluated.
    evaluated: usize,
    spans: Vec<Span>,
    /// The integer constants of the sides of steps that have any, left and right.
    constants: Vec<(i128, i128)>,
}

/// `len` consecutive cells from `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: u32,
    len: u32,
}

#[derive(Clone, Copy, Debug)]
enum Step {
    /// One instance; each side the sum of its spans.
    Runs(Shape),
    /// `width` consecutive instances; instance `first + k` reads cell `start + k` of each span
    /// (whose `len` is the width).
    Columns(Shape),
    /// Any other evaluated instance (a range; a comparison reading a decimal or signed cell, or
    /// a decimal constant): decided by [`decide`].
    Exact(u32),
}

#[derive(Clone, Copy, Debug)]
struct Shape {
    /// The (first) instance.
    instance: u32,
    /// How many instances (1 for runs).
    width: u32,
    /// `spans[b[0]..b[1]]` are added on the left and `spans[b[1]..b[2]]` subtracted;
    /// `spans[b[2]..b[3]]` are added on the right and `spans[b[3]..b[4]]` subtracted.
    bounds: [u32; 5],
    /// Index into `constants`, or `u32::MAX` for none.
    constants: u32,
    op: Op,
    result: Option<Side>,
}

/// A comparison's cells, sorted per side and sign: left added, left subtracted, right added,
/// right subtracted.
type Sorted = [Vec<u32>; 4];

impl Compiled {
    /// Indexes `instances` over the form's `cells`. Ranges that the cell types guarantee are
    /// data, not evaluated.
    pub(crate) fn new(instances: &[Instance], cells: &[CellInfo]) -> Compiled {
        let mut compiled = Compiled::default();
        let mut index = 0;
        while index < instances.len() {
            let instance = &instances[index];
            let at = u32_index(index);
            index += 1;
            let Some((sorted, constants, op, result)) = summable(instance, cells) else {
                match &instance.body {
                    Body::Range { by_type: true, .. } => {}
                    _ => {
                        compiled.evaluated += 1;
                        compiled.steps.push(Step::Exact(at));
                    }
                }
                continue;
            };
            // The instances after it that read its cells one column further each.
            let mut width = 1;
            while let Some(next) = instances.get(index) {
                let shifted = next.rule == instance.rule
                    && summable(next, cells).is_some_and(|(s, c, o, r)| {
                        (c, o, r) == (constants, op, result)
                            && s.iter().zip(&sorted).all(|(next, first)| {
                                next.len() == first.len()
                                    && next.iter().zip(first).all(|(n, f)| *n == f + width)
                            })
                    });
                if !shifted {
                    break;
                }
                width += 1;
                index += 1;
            }
            let constants = if constants == (0, 0) {
                u32::MAX
            } else {
                compiled.constants.push(constants);
                u32_index(compiled.constants.len() - 1)
            };
            let mut bounds = [u32_index(compiled.spans.len()); 5];
            for (k, cells) in sorted.iter().enumerate() {
                if width > 1 {
                    compiled.spans.extend(cells.iter().map(|&start| Span { start, len: width }));
                } else {
                    compiled.push_runs(cells);
                }
                bounds[k + 1] = u32_index(compiled.spans.len());
            }
            let shape = Shape {
                instance: at,
                width,
                bounds,
                constants,
                op,
                result,
            };
            compiled.evaluated += width as usize;
            compiled.steps.push(if width > 1 {
                Step::Columns(shape)
            } else {
                Step::Runs(shape)
            });
        }
        compiled
    }

    /// Appends sorted cells as spans of consecutive cells.
    fn push_runs(&mut self, cells: &[u32]) {
        let first = self.spans.len();
        for &cell in cells {
            match self.spans[first..].last_mut() {
                Some(last) if last.start + last.len == cell => last.len += 1,
                _ => self.spans.push(Span {
                    start: cell,
                    len: 1,
                }),
            }
        }
    }
}

/// A comparison the fast path can sum: its cells sorted, its constants, operator and result
/// side; `None` for a range, or a comparison reading a cell that is not a count, or with a
/// constant that is not an integer.
fn summable(
    instance: &Instance,
    cells: &[CellInfo],
) -> Option<(Sorted, (i128, i128), Op, Option<Side>)> {
    let Body::Compare {
        lhs,
        op,
        rhs,
        result,
    } = &instance.body
    else {
        return None;
    };
    let mut sorted: Sorted = Default::default();
    for (k, terms) in [lhs, rhs].into_iter().enumerate() {
        for term in terms {
            if let Operand::Cell(c) = term.operand {
                if cells[c].kind != ValueKind::Count {
                    return None;
                }
                sorted[2 * k + usize::from(term.negative)].push(u32_index(c));
            }
        }
    }
    for list in &mut sorted {
        list.sort_unstable();
    }
    Some((sorted, (constant(lhs)?, constant(rhs)?), *op, *result))
}

/// The sum of a side's constants, when it is an integer that fits.
fn constant(terms: &[Term]) -> Option<i128> {
    let mut exact = Exact::default();
    for term in terms {
        if let Operand::Const(n) = term.operand {
            exact.add(n, term.negative);
        }
    }
    match exact.value()? {
        Num::Int(i) => Some(i),
        Num::Dec(_) => None,
    }
}

fn u32_index(index: usize) -> u32 {
    // Cells and instances stop at 2^31, far beyond any form: a side's sum of words then cannot
    // spill its counts into its blanks (see `cells`).
    u32::try_from(index)
        .ok()
        .filter(|&i| i < 1 << 31)
        .expect("fewer than 2^31 cells and rule instances")
}

/// Checks every evaluated instance of `info` over `cells`, in instance order.
pub(crate) fn evaluate(info: &FormInfo, cells: &Cells) -> Vec<Outcome> {
    let compiled = &info.compiled;
    let words = cells.words();
    let mut out = Vec::with_capacity(compiled.evaluated);
    for step in &compiled.steps {
        match *step {
            Step::Runs(shape) => {
                let [a, b, c, d, e] = shape.bounds.map(|i| i as usize);
                let (lc, rc) = compiled.constants_of(&shape);
                let spans = &compiled.spans;
                let lhs = runs(&spans[a..b], &spans[b..c], words, lc);
                let rhs = runs(&spans[c..d], &spans[d..e], words, rc);
                push(&mut out, shape.instance, lhs, rhs, &shape);
            }
            Step::Columns(shape) => compiled.columns(&shape, words, &mut out),
            Step::Exact(instance) => out.push(exact(info, instance, cells)),
        }
    }
    out
}

/// How many columns of a group are summed at once.
const LANES: usize = 8;

impl Compiled {
    fn constants_of(&self, shape: &Shape) -> (i128, i128) {
        self.constants
            .get(shape.constants as usize)
            .copied()
            .unwrap_or((0, 0))
    }

    /// A group of element-wise instances, [`LANES`] columns at a time.
    fn columns(&self, shape: &Shape, words: &[u128], out: &mut Vec<Outcome>) {
        let [a, b, c, d, e] = shape.bounds.map(|i| i as usize);
        let (lc, rc) = self.constants_of(shape);
        let spans = &self.spans;
        let (lhs_cells, rhs_cells) = ((c - a) as u32, (e - c) as u32);
        let width = shape.width as usize;
        let mut first = 0;
        while first < width {
            let lanes = LANES.min(width - first);
            let lhs_plus = lane_sums(&spans[a..b], first, lanes, words);
            let lhs_minus = lane_sums(&spans[b..c], first, lanes, words);
            let rhs_plus = lane_sums(&spans[c..d], first, lanes, words);
            let rhs_minus = lane_sums(&spans[d..e], first, lanes, words);
            for k in 0..lanes {
                let lhs = side(lhs_plus[k], lhs_minus[k], lhs_cells, lc);
                let rhs = side(rhs_plus[k], rhs_minus[k], rhs_cells, rc);
                push(out, shape.instance + (first + k) as u32, lhs, rhs, shape);
            }
            first += lanes;
        }
    }
}

/// Column `first + k` of every row, summed into lane `k`, for `lanes` lanes.
#[inline(always)]
fn lane_sums(rows: &[Span], first: usize, lanes: usize, words: &[u128]) -> [u128; LANES] {
    let mut sums = [0u128; LANES];
    if rows.is_empty() {
        return sums;
    }
    for row in rows {
        let start = row.start as usize + first;
        for (sum, word) in sums[..lanes].iter_mut().zip(&words[start..start + lanes]) {
            *sum += word;
        }
    }
    sums
}

/// One side summed from its added and subtracted spans.
#[inline(always)]
fn runs(plus: &[Span], minus: &[Span], words: &[u128], constant: i128) -> Summed<i128> {
    let (plus, plus_cells) = span_sum(plus, words);
    let (minus, minus_cells) = span_sum(minus, words);
    side(plus, minus, plus_cells + minus_cells, constant)
}

/// The words of `spans` added up, and how many there are.
#[inline(always)]
fn span_sum(spans: &[Span], words: &[u128]) -> (u128, u32) {
    let mut total = 0u128;
    let mut cells = 0;
    for span in spans {
        let start = span.start as usize;
        cells += span.len;
        for word in &words[start..start + span.len as usize] {
            total += word;
        }
    }
    (total, cells)
}

/// Decides one summed instance and appends its outcome.
#[inline(always)]
fn push(out: &mut Vec<Outcome>, instance: u32, lhs: Summed<i128>, rhs: Summed<i128>, shape: &Shape) {
    out.push(Outcome {
        instance: instance as usize,
        status: settle(lhs, shape.op, rhs, shape.result),
        blanks: lhs.blanks + rhs.blanks,
    });
}

fn exact(info: &FormInfo, instance: u32, cells: &Cells) -> Outcome {
    let index = instance as usize;
    let (status, blanks) = decide(&info.instances[index], |c| cells.slot(c));
    Outcome {
        instance: index,
        status,
        blanks,
    }
}

/// A side from the sums of its added and subtracted words and its constant.
#[inline(always)]
fn side(plus: u128, minus: u128, cells: u32, constant: i128) -> Summed<i128> {
    // Each count part is below 2^95: the difference fits an i128.
    let value = (plus & VALUE) as i128 - (minus & VALUE) as i128;
    Summed {
        cells,
        blanks: ((plus >> 96) + (minus >> 96)) as u32,
        sum: value.checked_add(constant),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rule::Body;

    fn term(cell: usize, negative: bool) -> Term {
        Term {
            negative,
            operand: Operand::Cell(cell),
        }
    }

    fn compare(lhs: Vec<Term>, op: Op, rhs: Vec<Term>, result: Option<Side>) -> Instance {
        Instance {
            rule: 0,
            at: Vec::new(),
            at_key: String::new(),
            body: Body::Compare {
                lhs,
                op,
                rhs,
                result,
            },
        }
    }

    #[test]
    fn blanks_are_zero_as_addends_and_unassessable_as_results() {
        let total_of = compare(
            vec![term(0, false)],
            Op::Eq,
            vec![term(1, false), term(2, false)],
            Some(Side::Lhs),
        );
        let slots = |s: [Slot; 3]| move |i: usize| s[i];
        let n = |v| Slot::Num(Num::Int(v));
        assert_eq!(
            decide(&total_of, slots([n(3), n(3), Slot::Blank])),
            (Status::Pass, 1)
        );
        assert_eq!(
            decide(&total_of, slots([Slot::Blank, n(3), n(0)])).0,
            Status::NotAssessable(Reason::ResultBlank(Side::Lhs))
        );
        assert_eq!(
            decide(&total_of, slots([n(3), Slot::Blank, Slot::Blank])).0,
            Status::NotAssessable(Reason::SideBlank(Side::Rhs))
        );
    }

    #[test]
    fn exact_sums_never_round() {
        let mut exact = Exact::default();
        exact.add(Num::Dec(Decimal::MAX), false);
        exact.add(Num::Dec(Decimal::new(1, 1)), false);
        // 79228162514264337593543950335.1 has 30 digits: beyond a Decimal, so an overflow.
        assert_eq!(exact.value(), None);
        let mut exact = Exact::default();
        for _ in 0..3 {
            exact.add(Num::Dec(Decimal::new(1, 1)), false);
        }
        exact.add(Num::Int(-1), false);
        assert_eq!(exact.value(), Some(Num::Dec(Decimal::new(-7, 1))));
    }
}
