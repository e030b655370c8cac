//! Attribute names, in one place.

pub const FORM: &str = "form";
pub const SERDE: &str = "serde";

// Container keys.
pub const LABEL: &str = "label";
pub const CORNER: &str = "corner";
pub const COLUMNS: &str = "columns";
pub const TABLE: &str = "table";
pub const UNIT_COLUMN: &str = "unit_column";
pub const CHECK: &str = "check";
pub const RANGE: &str = "range";
pub const CRATE: &str = "crate";
pub const NAME: &str = "name";

// Field keys (with LABEL and RANGE).
pub const ALIAS: &str = "alias";
pub const TOTAL: &str = "total";
pub const UNIT: &str = "unit";
pub const UNSTATED_UNIT: &str = "unstated_unit";
pub const SKIP: &str = "skip";
pub const PLAIN: &str = "plain";
pub const TITLE: &str = "title";
pub const PREAMBLE: &str = "preamble";
pub const SECTION: &str = "section";
pub const META: &str = "meta";
pub const PATTERN: &str = "pattern";
pub const REPORTER: &str = "reporter";
pub const PERIOD: &str = "period";
pub const PREVIOUS: &str = "previous";

// Rule keys.
pub const ID: &str = "id";
pub const MESSAGE: &str = "message";
pub const MESSAGE_EN: &str = "message_en";
pub const SEVERITY: &str = "severity";
pub const MIN: &str = "min";
pub const MAX: &str = "max";
pub const DECIMALS: &str = "decimals";
pub const WHEN: &str = "when";

pub const CONTAINER_KEYS: &[&str] = &[
    NAME,
    LABEL,
    CORNER,
    COLUMNS,
    TABLE,
    UNIT_COLUMN,
    CHECK,
    RANGE,
    CRATE,
];
pub const FIELD_KEYS: &[&str] = &[
    LABEL,
    ALIAS,
    TOTAL,
    UNIT,
    UNSTATED_UNIT,
    RANGE,
    TITLE,
    PREAMBLE,
    SECTION,
    META,
    PLAIN,
    REPORTER,
    PERIOD,
    PREVIOUS,
    SKIP,
];
/// `previous(..)` takes no `when`: the pair of reports decides whether it applies.
pub const PREVIOUS_KEYS: &[&str] = &[ID, MESSAGE, MESSAGE_EN, SEVERITY];
pub const RULE_KEYS: &[&str] = &[ID, MESSAGE, MESSAGE_EN, SEVERITY, DECIMALS, WHEN];
pub const RANGE_KEYS: &[&str] = &[MIN, MAX, ID, MESSAGE, MESSAGE_EN, SEVERITY, WHEN];
pub const SEVERITIES: &[&str] = &["error", "warning", "info"];
