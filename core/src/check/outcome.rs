//! How one rule instance ended, and the options of a check.
//!
//! Blank-cell semantics (documented in the README, decided in [`crate::check::eval`]):
//! - a blank or not-applicable *addend* counts as 0, and the blank is reported as information;
//! - an instance whose *result* cell is blank (a `total` left empty, or a side of one cell), or
//!   one side of which is blank in every cell, is *not assessable*, never a failure;
//! - with [`CheckOptions::strict`] every blank or not-applicable cell is itself an error.
//!
//! Arithmetic is exact and checked; an overflow makes the instance not assessable and says so.

use crate::check::rule::Side;
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
    /// The rule applies only when a field has a value (`when(..)`), and that field is blank
    /// (or, deciding from the cells alone, not at hand).
    ConditionUnknown,
    /// A cell the rule reads was not read from the published report (its row was not found,
    /// or its text was not a value of the cell): the rule says nothing of the report.
    Unread,
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

/// How one instance ended, packed: what a check keeps per instance (16 bytes, so a form's
/// decisions fit the allocator's small blocks); the sides of a failure are kept apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decided {
    pub(crate) instance: u32,
    pub(crate) blanks: u32,
    pub(crate) status: Packed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Packed {
    Pass,
    /// The sides are entry `n` of the failures.
    Fail(u32),
    NotAssessable(Reason),
}

/// A form's decisions, in instance order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Decisions {
    pub(crate) decided: Vec<Decided>,
    pub(crate) failures: Vec<(Num, Num)>,
}

impl Decisions {
    /// Room for `instances` decisions.
    pub(crate) fn with_capacity(instances: usize) -> Decisions {
        Decisions {
            decided: Vec::with_capacity(instances),
            failures: Vec::new(),
        }
    }

    /// Records how `instance` ended.
    #[inline(always)]
    pub(crate) fn push(&mut self, instance: usize, status: Status, blanks: u32) {
        let status = match status {
            Status::Pass => Packed::Pass,
            Status::Fail { lhs, rhs } => {
                self.failures.push((lhs, rhs));
                Packed::Fail(self.failures.len() as u32 - 1)
            }
            Status::NotAssessable(reason) => Packed::NotAssessable(reason),
        };
        self.decided.push(Decided {
            instance: instance as u32,
            blanks,
            status,
        });
    }

    /// The decisions as outcomes.
    pub(crate) fn outcomes(&self) -> impl Iterator<Item = Outcome> + '_ {
        self.decided.iter().map(|d| Outcome {
            instance: d.instance as usize,
            status: match d.status {
                Packed::Pass => Status::Pass,
                Packed::Fail(n) => {
                    let (lhs, rhs) = self.failures[n as usize];
                    Status::Fail { lhs, rhs }
                }
                Packed::NotAssessable(reason) => Status::NotAssessable(reason),
            },
            blanks: d.blanks,
        })
    }
}
