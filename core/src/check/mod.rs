//! Checking: rules as data, their evaluation, and the report of one check.

pub mod acc;
mod interpret;
pub mod program;
pub mod report;
pub mod rule;

pub use interpret::{CheckOptions, Outcome, Reason, Status, evaluate};
