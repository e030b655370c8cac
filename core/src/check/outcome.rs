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
