//! What a rule instance means, decided in one place.
//!
//! [`settle`] is the definition: from the two summed sides of a comparison, the blank
//! semantics and the operator ([`Op::holds`]) give pass, fail or not assessable;
//! [`Bounds::status`] does the same for a range. Every decision goes through them: the check
//! (the generated traversal sums a filled form's sides and hands them to `settle`), and
//! [`decide`], which sums an instance of the form's table over cells given as slots, for
//! the reader's search among readings of run-together digits, for checks of bare cells and
//! for the tests.

use crate::check::acc::{Acc, stated};
use crate::check::condition::Gate;
use crate::check::op::Op;
use crate::check::outcome::{Outcome, Reason, Status};
use crate::check::rule::{Body, Instance, Operand, Side};
use crate::model::cell::{Slot, ValueKind};
use crate::model::info::FormInfo;
use crate::model::num::Num;

/// Decides a comparison from its two summed sides: the blank semantics and the operator,
/// within `tolerance` when the rule allows the values' rounding (`decimals`).
pub fn settle(lhs: &Acc, op: Op, rhs: &Acc, tolerance: Option<Num>) -> Status {
    settle_into(lhs, op, rhs, || tolerance, |status| status)
}

/// [`settle`], handing the status to `emit` in the branch that decides it: the check pushes
/// its outcome there, so no status is built on the stack and copied (which stalled the CPU on
/// freshly written bytes and cost about as much as the arithmetic).
///
/// `tolerance` is asked only where it can matter: a tolerance widens every comparison but
/// `!=`, so an exact pass of any other stands without it (most rules have none, and the check
/// then never looks).
#[inline(always)]
pub(crate) fn settle_into<R>(
    lhs: &Acc,
    op: Op,
    rhs: &Acc,
    tolerance: impl FnOnce() -> Option<Num>,
    emit: impl FnOnce(Status) -> R,
) -> R {
    if lhs.blanks() != 0 || rhs.blanks() != 0 {
        let result = stated(lhs, rhs);
        for (side, acc) in [(Side::Lhs, lhs), (Side::Rhs, rhs)] {
            // A blank stated result, or a side blank in every cell, says nothing to check.
            if result == Some(side) && acc.blanks() > 0 {
                return emit(Status::NotAssessable(Reason::ResultBlank(side)));
            }
            if acc.cells() > 0 && acc.blanks() == acc.cells() {
                return emit(Status::NotAssessable(Reason::SideBlank(side)));
            }
        }
    }
    if lhs.is_int() && rhs.is_int() {
        // Counts only (blanks as 0): compare the integers.
        let (l, r) = (lhs.int_sum(), rhs.int_sum());
        let holds = op.holds(l, r);
        if holds && op != Op::Ne {
            return emit(Status::Pass);
        }
        if let Some(tolerance) = tolerance() {
            return emit(within(lhs, op, rhs, tolerance));
        }
        return if holds {
            emit(Status::Pass)
        } else {
            emit(Status::Fail {
                lhs: Num::Int(l),
                rhs: Num::Int(r),
            })
        };
    }
    if let Some(tolerance) = tolerance() {
        return emit(within(lhs, op, rhs, tolerance));
    }
    match (lhs.value(), rhs.value()) {
        (Some(l), Some(r)) if op.holds(l, r) => emit(Status::Pass),
        (Some(l), Some(r)) => emit(Status::Fail { lhs: l, rhs: r }),
        _ => emit(Status::NotAssessable(Reason::Overflow)),
    }
}

/// A comparison of rounded values: it holds if the sides' difference is within the rounding.
#[inline(never)]
fn within(lhs: &Acc, op: Op, rhs: &Acc, tolerance: Num) -> Status {
    let (Some(l), Some(r)) = (lhs.value(), rhs.value()) else {
        return Status::NotAssessable(Reason::Overflow);
    };
    match l.checked_sub(r) {
        Some(difference) if op.holds_within(difference, tolerance) => Status::Pass,
        Some(_) => Status::Fail { lhs: l, rhs: r },
        None => Status::NotAssessable(Reason::Overflow),
    }
}

/// The bounds of a `range`, and the cell kinds whose every value lies within them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    /// Smallest allowed value.
    pub min: Option<Num>,
    /// Largest allowed value.
    pub max: Option<Num>,
    /// The kinds (as [`ValueKind::bit`]) every value of which lies within the bounds.
    guaranteed: u8,
}

impl Bounds {
    /// Bounds from their limits. A `const fn`, so generated code builds them at compile time.
    pub const fn new(min: Option<Num>, max: Option<Num>) -> Bounds {
        // A count is never below 0, a signed count never below i64::MIN: bounds with no
        // maximum and a minimum at or below that floor always hold for that kind.
        let mut guaranteed = 0;
        if max.is_none() {
            match min {
                Some(Num::Int(m)) => {
                    if m <= 0 {
                        guaranteed |= ValueKind::Count.bit();
                    }
                    if m <= i64::MIN as i128 {
                        guaranteed |= ValueKind::SignedCount.bit();
                    }
                }
                Some(Num::Dec(d)) if d.is_sign_negative() || d.is_zero() => {
                    guaranteed |= ValueKind::Count.bit();
                }
                Some(Num::Dec(_)) | None => {}
            }
        }
        Bounds {
            min,
            max,
            guaranteed,
        }
    }

    /// True when every value of `kind` lies within the bounds (a count is never negative):
    /// such an instance is kept as data, for export, and not evaluated.
    #[inline(always)]
    pub fn guaranteed_for(&self, kind: ValueKind) -> bool {
        self.guaranteed & kind.bit() != 0
    }

    /// True when every value of every kind in `kinds` (a [`ValueKind::bit`] mask) lies within
    /// the bounds: a whole struct of counts needs no visit for `min = 0`.
    #[inline(always)]
    pub fn guaranteed_for_all(&self, kinds: u8) -> bool {
        kinds & !self.guaranteed == 0
    }

    /// How one cell fares: a value outside the bounds fails; a blank is the sum rules' and
    /// strict mode's business, not the range's.
    pub fn status(&self, cell: Slot) -> Status {
        let Some(value) = cell.num() else {
            if cell == Slot::Overflow {
                return Status::NotAssessable(Reason::Overflow);
            }
            return Status::Pass;
        };
        match (self.min, self.max) {
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
}

/// Decides `instance` over the cells `cell` gives (by index into the form's cells). Returns how
/// it ended and how many blank or not-applicable cells it read.
///
/// An instance with a condition (`when(..)`) reads a field that is not a cell: from cells
/// alone it is not assessable ([`Reason::ConditionUnknown`]); [`decide_gated`] takes how the
/// condition stands.
pub fn decide(instance: &Instance, cell: impl Fn(usize) -> Slot) -> (Status, u32) {
    // A range the cell's type guarantees holds whatever its condition: the check never
    // evaluates it.
    if !instance.is_evaluated() {
        return (Status::Pass, 0);
    }
    let gate = if instance.when.is_some() {
        Gate::Blank
    } else {
        Gate::Open
    };
    decide_gated(instance, cell, gate)
}

/// [`decide`], with the instance's condition standing as `gate`.
pub fn decide_gated(
    instance: &Instance,
    cell: impl Fn(usize) -> Slot,
    gate: Gate,
) -> (Status, u32) {
    match gate {
        Gate::Open => {}
        Gate::Closed => return (Status::Pass, 0),
        Gate::Blank => return (Status::NotAssessable(Reason::ConditionUnknown), 0),
    }
    match &instance.body {
        Body::Compare {
            lhs,
            op,
            rhs,
            tolerance,
            ..
        } => {
            let sum = |terms: &[crate::check::rule::Term]| {
                let mut acc = Acc::ZERO;
                for term in terms {
                    match (term.operand, term.factor) {
                        (Operand::Cell(index), None) => acc.add_slot(cell(index), term.negative),
                        (Operand::Cell(index), Some(factor)) => {
                            let mut part = Acc::ZERO;
                            part.add_slot(cell(index), false);
                            acc.add_scaled(part, factor, term.negative);
                        }
                        (Operand::Const(n), _) => acc.add_constant(n, term.negative),
                    }
                }
                acc
            };
            let (l, r) = (sum(lhs), sum(rhs));
            (settle(&l, *op, &r, *tolerance), l.blanks() + r.blanks())
        }
        Body::Range {
            cell: index,
            min,
            max,
            ..
        } => (Bounds::new(*min, *max).status(cell(*index)), 0),
    }
}

/// A column of repeated rows as one cell: the sum of its rows' cells (0 for no rows), blank
/// when it has rows and every one is blank or not applicable.
pub fn rows_slot(cells: &[Slot]) -> Slot {
    let mut part = Acc::ZERO;
    for &cell in cells {
        part.add_slot(cell, false);
    }
    part.rows_slot()
}

/// Decides every evaluated instance of `info` over `slots` (the form's cells in order), in
/// instance order: what a check decides from the form itself.
pub fn evaluate(info: &FormInfo, slots: &[Slot]) -> Vec<Outcome> {
    info.instances
        .iter()
        .enumerate()
        .filter(|(_, i)| i.is_evaluated())
        .map(|(index, instance)| {
            let (status, blanks) =
                decide(instance, |c| slots.get(c).copied().unwrap_or(Slot::Blank));
            Outcome {
                instance: index,
                status,
                blanks,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rule::Term;

    fn term(cell: usize) -> Term {
        Term {
            negative: false,
            operand: Operand::Cell(cell),
            factor: None,
        }
    }

    #[test]
    fn blanks_are_zero_as_addends_and_unassessable_as_results() {
        let total_of = Instance {
            when: None,
            rule: 0,
            at: Vec::new(),
            at_key: String::new(),
            body: Body::Compare {
                lhs: vec![term(0)],
                op: Op::Eq,
                rhs: vec![term(1), term(2)],
                result: Some(Side::Lhs),
                tolerance: None,
            },
        };
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
}
