//! Checking a filled form: every rule instance ends as pass, fail or not assessable.
//!
//! Blank-cell semantics (documented in the README and tested):
//! - a blank or not-applicable *addend* counts as 0, and the blank is reported as information;
//! - an instance whose *result* cell is blank (a `total` left empty, or a side of one cell), or
//!   one side of which is blank in every cell, is *not assessable*, never a failure;
//! - with [`CheckOptions::strict`] every blank or not-applicable cell is itself an error.
//!
//! Arithmetic is exact and checked; an overflow makes the instance not assessable and says so.

use crate::check::acc::{Acc, RangeSpec, decide};
use crate::check::program::{Code, Program, Step};
use crate::check::rule::{Op, Side};
use crate::model::cell::Slot;
use crate::model::num::Num;

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
    /// It does not hold; the two sides as computed (blanks as 0). For a range, the value and
    /// the bound it breaks.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Index into [`FormInfo::instances`](crate::FormInfo::instances).
    pub instance: usize,
    /// How it ended.
    pub status: Status,
    /// How many blank or not-applicable cells it met (read as 0 where it was assessed).
    pub blanks: u32,
}

impl Outcome {
    /// Decides instance `instance` from its two sides and appends the outcome (what generated
    /// code calls).
    ///
    /// Each branch pushes its own outcome: building one `Status` and copying it into the
    /// vector made the CPU reload freshly written bytes through a wider load, which stalls
    /// (store-to-load forwarding) and cost about as much as all the arithmetic.
    #[inline(always)]
    pub fn push_decided(
        out: &mut Vec<Outcome>,
        instance: usize,
        lhs: &crate::check::acc::Acc,
        rhs: &crate::check::acc::Acc,
        op: Op,
        result: Option<Side>,
    ) {
        let blanks = lhs.blanks() + rhs.blanks();
        match crate::check::acc::fast_compare(lhs, rhs, op) {
            Some(true) => out.push(Outcome {
                instance,
                status: Status::Pass,
                blanks,
            }),
            Some(false) => out.push(Outcome {
                instance,
                status: Status::Fail {
                    lhs: lhs.int_value(),
                    rhs: rhs.int_value(),
                },
                blanks,
            }),
            None => out.push(Outcome {
                instance,
                status: crate::check::acc::decide(*lhs, *rhs, op, result),
                blanks,
            }),
        }
    }
}

/// Evaluates every compiled instance over `slots` (the form's cells in declaration order).
///
/// This is the interpreting engine: it needs no generated code, only a [`Program`]. Derived
/// forms check through their generated `Component::evaluate`, which decides the same.
pub fn evaluate(program: &Program, slots: &[Slot]) -> Vec<Outcome> {
    let mut outcomes = Vec::with_capacity(program.steps.len());
    for step in &program.steps {
        outcomes.push(match *step {
            Step::Compare {
                instance,
                start,
                split,
                end,
                op,
                result,
            } => {
                let codes = &program.codes;
                let left = sum_side(&codes[start as usize..split as usize], program, slots);
                let right = sum_side(&codes[split as usize..end as usize], program, slots);
                Outcome {
                    instance: instance as usize,
                    blanks: left.blanks() + right.blanks(),
                    status: decide(left, right, op, result),
                }
            }
            Step::Range {
                instance,
                cell,
                min,
                max,
            } => Outcome {
                instance: instance as usize,
                status: RangeSpec::new(min, max).status(slots[cell as usize]),
                blanks: 0,
            },
        });
    }
    outcomes
}

/// One side summed with the same arithmetic as generated code.
#[inline]
fn sum_side(codes: &[Code], program: &Program, slots: &[Slot]) -> Acc {
    let mut acc = Acc::ZERO;
    for &code in codes {
        let negative = code & 1 == 1;
        let index = (code >> 2) as usize;
        if code & 0b10 == 0 {
            acc.add_slot(slots[index], negative);
        } else {
            acc.add_num(program.constants[index], negative);
        }
    }
    acc
}
