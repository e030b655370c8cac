//! Checking: rules as data, their one evaluator, and the report of one check.
//!
//! - [`rule`] and [`op`]: what a declaration says and what it expands to;
//! - `expand`: declarations into the form's table of rule instances (built with the
//!   [`FormInfo`](crate::FormInfo));
//! - [`cells`]: a filled form's cells as the evaluator reads them;
//! - [`eval`]: the evaluator, the one definition of what an instance means;
//! - [`report`]: the outcome of a check, and its items for people and machines.

pub mod cells;
pub mod eval;
pub(crate) mod expand;
pub mod op;
pub mod outcome;
pub mod report;
pub mod rule;

pub use outcome::{CheckOptions, Outcome, Reason, Status};
