//! The marks a drawing without colour puts after a value, and that reading it back strips.

/// After a value a failing rule reads (`12✗`).
pub const FAILURE_MARK: char = '✗';
/// After a likely wrong value (`6‼`): one of the fewest cells whose change makes every rule
/// hold.
pub const LIKELY_MARK: char = '‼';
