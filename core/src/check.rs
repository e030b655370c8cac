//! Checking a filled form: every rule instance ends as pass, fail or not assessable.
//!
//! Blank-cell semantics (documented in the README and tested):
//! - a blank or not-applicable *addend* counts as 0, and the instance records it so the blank is
//!   reported as information;
//! - an instance whose *result* cell is blank (a `total` left empty, or a side of one cell), or
//!   one side of which is blank in every cell, is *not assessable*, never a failure;
//! - with [`CheckOptions::strict`] every blank or not-applicable cell is itself an error.
//!
//! Arithmetic is exact and checked; an overflow makes the instance not assessable and says so.

use crate::cell::Slot;
use crate::info::FormInfo;
use crate::num::Num;
use crate::rule::{Body, Instance, Operand, Side, Term};

/// Options of a check.
#[derive(Clone, Copy, Debug, Default)]
pub struct CheckOptions {
    /// Treat every blank or not-applicable cell as an error (for forms being filled in).
    pub strict: bool,
}

/// Why an instance could not be assessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The stated result is blank.
    ResultBlank(Side),
    /// Every cell of one side is blank.
    SideBlank(Side),
    /// The sum does not fit any exact number type.
    Overflow,
}

/// How one instance ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// It holds.
    Pass,
    /// It does not hold; the two sides as computed (blanks as 0).
    Fail {
        /// Left side.
        lhs: Num,
        /// Right side.
        rhs: Num,
    },
    /// It could not be decided.
    NotAssessable(Reason),
}

/// The outcome of one rule instance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Index into [`FormInfo::instances`].
    pub instance: usize,
    /// How it ended.
    pub status: Status,
    /// Blank or not-applicable cells it met (read as 0 where the instance was assessed).
    pub blanks: Vec<usize>,
}

/// Evaluates every instance of `info` over `slots` (the form's cells in declaration order).
pub fn evaluate(info: &FormInfo, slots: &[Slot]) -> Vec<Outcome> {
    let mut outcomes = Vec::with_capacity(info.instances.len());
    for (index, instance) in info.instances.iter().enumerate() {
        if let Some(outcome) = evaluate_one(index, instance, slots) {
            outcomes.push(outcome);
        }
    }
    outcomes
}

/// Evaluates one instance; `None` for range instances that the cell's type guarantees.
pub fn evaluate_one(index: usize, instance: &Instance, slots: &[Slot]) -> Option<Outcome> {
    let mut blanks = Vec::new();
    let status = match &instance.body {
        Body::Compare {
            lhs,
            op,
            rhs,
            result,
        } => {
            let left = sum_side(lhs, slots, &mut blanks);
            let right = sum_side(rhs, slots, &mut blanks);
            compare(left, right, *result, |l, r| op.holds(l, r))
        }
        Body::Range { by_type: true, .. } => return None,
        Body::Range { cell, min, max, .. } => match slots[*cell].num() {
            // A range constrains the values that are given; blanks are the sum rules' and
            // strict mode's business.
            None => Status::Pass,
            Some(v) if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) => Status::Fail {
                lhs: v,
                rhs: if min.is_some_and(|m| v < m) {
                    min.unwrap_or(Num::ZERO)
                } else {
                    max.unwrap_or(Num::ZERO)
                },
            },
            Some(_) => Status::Pass,
        },
    };
    Some(Outcome {
        instance: index,
        status,
        blanks,
    })
}

/// One side summed: its value (blanks as 0), whether every cell was blank, and whether it was a
/// single blank cell.
struct SideSum {
    value: Option<Num>,
    cells: usize,
    blank_cells: usize,
}

#[inline]
fn sum_side(terms: &[Term], slots: &[Slot], blanks: &mut Vec<usize>) -> SideSum {
    let mut value = Some(Num::ZERO);
    let mut cells = 0;
    let mut blank_cells = 0;
    for term in terms {
        let n = match term.operand {
            Operand::Const(n) => n,
            Operand::Cell(i) => {
                cells += 1;
                match slots[i] {
                    Slot::Num(n) => n,
                    Slot::Blank | Slot::NotApplicable(_) => {
                        blank_cells += 1;
                        blanks.push(i);
                        continue;
                    }
                }
            }
        };
        value = value.and_then(|v| {
            if term.negative {
                v.checked_sub(n)
            } else {
                v.checked_add(n)
            }
        });
    }
    SideSum {
        value,
        cells,
        blank_cells,
    }
}

#[inline]
fn compare(
    left: SideSum,
    right: SideSum,
    result: Option<Side>,
    holds: impl Fn(Num, Num) -> bool,
) -> Status {
    for (side, sum) in [(Side::Lhs, &left), (Side::Rhs, &right)] {
        if result == Some(side) && sum.blank_cells > 0 {
            return Status::NotAssessable(Reason::ResultBlank(side));
        }
        if sum.cells > 0 && sum.blank_cells == sum.cells {
            return Status::NotAssessable(Reason::SideBlank(side));
        }
    }
    match (left.value, right.value) {
        (Some(l), Some(r)) if holds(l, r) => Status::Pass,
        (Some(lhs), Some(rhs)) => Status::Fail { lhs, rhs },
        _ => Status::NotAssessable(Reason::Overflow),
    }
}
