//! The marks a drawing without colour puts after a value, and that reading it back strips.

/// After a value a failing rule reads (`12✗`).
pub const FAILURE_MARK: char = '✗';
/// After a likely wrong value (`6‼`): one of the fewest cells whose change makes every rule
/// hold.
pub const LIKELY_MARK: char = '‼';

/// The heading of the listing of failing cells that ends a checked report's CSV, in Chinese
/// and in English: readers stop at it, the listing being a view of the table above, not part
/// of the report.
pub const FAILING_CELLS_HEADINGS: [&str; 2] = ["不符合规则的单元格", "Cells in failing rules"];
