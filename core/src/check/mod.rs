//! Checking: rules as data, what they mean, and the report of one check.
//!
//! - [`rule`] and [`op`]: what a declaration says, and the instances it expands to;
//! - [`traverse`]: the one traversal of a form's rules (written by the derive), read two ways:
//!   [`decider`] decides a filled form's instances as the traversal meets them (the check),
//!   `trace` records which cells each instance reads (the form's table of instances, built
//!   by `expand` with the [`FormInfo`](crate::FormInfo));
//! - [`acc`] sums a side exactly; [`eval`] decides what the sums mean, the one definition;
//! - [`report`]: the outcome of a check; [`findings`]: what it found, typed; [`wording`]:
//!   the findings in words; [`summary_json`]: as JSON;
//! - [`unique_ids`]: the compile-time check that no rule id is declared twice;
//! - [`condition`]: rules that apply only when a yes/no or choice field has a value;
//! - [`localise`]: the likely wrong cells, the fewest whose change makes every rule hold;
//! - [`period`]: rules between two reports of one reporter, this period's and the one before.

pub mod acc;
pub mod blanks;
pub mod condition;
pub(crate) mod const_str;
pub mod counts;
pub mod decider;
pub mod eval;
pub(crate) mod expand;
pub mod findings;
pub mod localise;
pub mod op;
pub mod outcome;
pub mod period;
pub mod report;
pub mod rule;
pub mod summary_json;
pub(crate) mod trace;
pub mod traverse;
pub mod unique_ids;
pub mod wording;

pub use outcome::{CheckOptions, Outcome, Reason, Status};
