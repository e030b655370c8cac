//! Rules as data: what a declaration says, and what it expands to in one form.
//!
//! A declaration ([`CheckDecl`], a field's `total`, a [`RangeDecl`]) is written once on a
//! struct. Wherever that struct occurs in a form, and for every column when the rule is
//! element-wise, it becomes one [`Instance`] over concrete cells. A [`RuleDef`] keeps the
//! declaration's id, severity and official wording and lists its instances, so a form's rules
//! can be listed and exported without any report at hand.

use serde::Serialize;

use crate::check::op::Op;
use crate::model::lang::Lang;
use crate::model::num::Num;

/// How serious a failed rule is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational.
    Info,
    /// Probably wrong; does not fail a check.
    Warning,
    /// Wrong: fails a check.
    Error,
}

impl Severity {
    /// The severity's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Info, Lang::Zh) => "提示",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        }
    }
}

/// Id, severity and wording of a declared rule.
#[derive(Clone, Debug)]
pub struct RuleMeta {
    /// The stable id, e.g. `T3-IDENT`; `None` takes a default from where it is declared.
    pub id: Option<&'static str>,
    /// How serious a failure is.
    pub severity: Severity,
    /// The official wording (Chinese).
    pub message: Option<&'static str>,
    /// The wording in English.
    pub message_en: Option<&'static str>,
    /// `decimals = n`: the values were published rounded to `n` decimal places, so the sides
    /// are compared allowing each cell's rounding (`rounding_tolerance`).
    pub decimals: Option<u32>,
    /// `when(..)`: the rule applies only where a yes/no or choice field has a value.
    pub when: Option<crate::check::condition::WhenDecl>,
}

impl Default for RuleMeta {
    fn default() -> Self {
        RuleMeta {
            id: None,
            severity: Severity::Error,
            message: None,
            message_en: None,
            decimals: None,
            when: None,
        }
    }
}

/// One operand of a declared check: a field path or a literal, with its sign.
#[derive(Clone, Debug)]
pub struct TermDecl {
    /// True when subtracted.
    pub negative: bool,
    /// What the term reads.
    pub operand: OperandDecl,
    /// `2 * a`: the constant the operand is multiplied by.
    pub factor: Option<Num>,
}

/// What a declared term reads.
#[derive(Clone, Debug)]
pub enum OperandDecl {
    /// A path of Rust field names from the declaring struct, e.g. `outcomes.total`.
    Path(&'static [&'static str]),
    /// `sum(accounts[..].followers)`: the path to repeated rows and the column summed over
    /// them (every column when `None`).
    Rows(&'static [&'static str], Option<&'static str>),
    /// A numeric literal, exact as written (the derive builds it from the literal's digits).
    Literal(Num),
}

/// `#[form(check(lhs op rhs, ..))]` on a struct.
#[derive(Clone, Debug)]
pub struct CheckDecl {
    /// Id, severity, wording.
    pub meta: RuleMeta,
    /// The expression as written.
    pub expr: &'static str,
    /// Left side.
    pub lhs: Vec<TermDecl>,
    /// Operator.
    pub op: Op,
    /// Right side.
    pub rhs: Vec<TermDecl>,
}

/// `#[form(range(min = .., max = ..))]` on a field or a struct.
#[derive(Clone, Debug)]
pub struct RangeDecl {
    /// Id, severity, wording.
    pub meta: RuleMeta,
    /// Smallest allowed value, exact as written.
    pub min: Option<Num>,
    /// Largest allowed value, exact as written.
    pub max: Option<Num>,
}

/// Where a rule comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// A field's `total`.
    Total,
    /// A struct's `check`.
    Check,
    /// A `range`.
    Range,
    /// Strict mode's rule that every cell holds a number ([`strict_blank`]).
    Strict,
    /// A field's `previous`: between a report and the one for the period before
    /// ([`PeriodRule`](crate::check::period::PeriodRule)).
    Previous,
}

/// A rule of a form: one declaration, with every instance it has in the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleDef {
    /// Stable id.
    pub id: String,
    /// Where it comes from.
    pub kind: RuleKind,
    /// How serious a failure is.
    pub severity: Severity,
    /// Official wording, Chinese.
    pub message_zh: String,
    /// Wording, English.
    pub message_en: String,
    /// The expression as text, e.g. `total == natural_person + organisations.*`.
    pub expression: String,
    /// The struct that declares it.
    pub declared_in: &'static str,
    /// Indices into [`FormInfo::instances`](crate::FormInfo::instances).
    pub instances: Vec<usize>,
}

impl RuleDef {
    /// The wording in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }
}

/// Id of strict mode's rule: no cell may be blank or not applicable.
pub const STRICT_BLANK: &str = "BLANK-CELL";

/// Strict mode's rule ([`crate::CheckOptions::strict`]): every cell holds a number, not a
/// blank or a not-applicable mark. Of every form, with no instances of its own: each cell that
/// breaks it is a violation.
pub fn strict_blank() -> &'static RuleDef {
    static RULE: std::sync::OnceLock<RuleDef> = std::sync::OnceLock::new();
    RULE.get_or_init(|| RuleDef {
        id: STRICT_BLANK.to_owned(),
        kind: RuleKind::Strict,
        severity: Severity::Error,
        message_zh: "严格模式：单元格必须填写数值，不得为空或填写“/”“—”“无”".to_owned(),
        message_en:
            "strict mode: the cell must hold a number, not a blank or a not-applicable mark"
                .to_owned(),
        expression: "cell is a number".to_owned(),
        declared_in: module_path!(),
        instances: Vec::new(),
    })
}

/// One side of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Left of the operator.
    Lhs,
    /// Right of the operator.
    Rhs,
}

/// One term of an instance: a cell or a constant, with its sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// True when subtracted.
    pub negative: bool,
    /// What the term reads.
    pub operand: Operand,
    /// The constant a cell is multiplied by (`2 * a`); `None`: 1.
    pub factor: Option<Num>,
}

/// What an instance's term reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// The cell with this index in [`FormInfo::cells`](crate::FormInfo::cells).
    Cell(usize),
    /// A constant.
    Const(Num),
}

/// What an instance asserts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// `Σ lhs op Σ rhs`.
    Compare {
        /// Left side.
        lhs: Vec<Term>,
        /// Operator.
        op: Op,
        /// Right side.
        rhs: Vec<Term>,
        /// The side holding the stated result (a total, or a side of one cell), if any: when
        /// that cell is blank the instance cannot be assessed.
        result: Option<Side>,
        /// With a rule's `decimals`, how far the sides may differ through the rounding of the
        /// published values: half a unit of the last place for every cell read (the approach
        /// of XBRL Calculations 1.1). `None`: exact.
        tolerance: Option<Num>,
    },
    /// `min <= cell <= max`.
    Range {
        /// The cell.
        cell: usize,
        /// Smallest allowed value.
        min: Option<Num>,
        /// Largest allowed value.
        max: Option<Num>,
        /// True when the cell's type already guarantees the range (a count is never negative):
        /// kept as data for export, not evaluated.
        by_type: bool,
    },
}

/// The rounding a `decimals = places` rule allows an instance whose cells are weighted
/// `weight` in all (each cell 1, or the magnitude of its factor): half a unit of the last place
/// per unit of weight, and a quarter unit more. Values published to `places` places differ by
/// whole units, so the quarter never changes their outcome; it keeps engines that compute in
/// binary floating point (the JSON Logic export's) from landing either side of an exact edge
/// (`0.3 - 0.29` is `0.010000000000000009` there).
pub fn rounding_tolerance(places: u32, weight: Num) -> Option<Num> {
    let half = rust_decimal::Decimal::new(5, places.checked_add(1).filter(|&s| s <= 28)?);
    let quarter = rust_decimal::Decimal::new(25, places.checked_add(2).filter(|&s| s <= 28)?);
    let tolerance = half
        .checked_mul(weight.as_decimal()?)?
        .checked_add(quarter)?;
    Some(Num::Dec(tolerance.normalize()))
}

/// One concrete application of a rule to the cells of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    /// Index into [`FormInfo::rules`](crate::FormInfo::rules).
    pub rule: usize,
    /// Where in the form, as labels (a row, or a column for element-wise rules).
    pub at: Vec<&'static str>,
    /// Where in the form, as a JSON pointer or a column path.
    pub at_key: String,
    /// What it asserts.
    pub body: Body,
    /// Where the rule applies only when a field has a value: that field and value.
    pub when: Option<crate::check::condition::When>,
}

impl Instance {
    /// False for a range the cell types guarantee (a count is never negative): kept as data,
    /// for export, and not evaluated.
    pub fn is_evaluated(&self) -> bool {
        !matches!(self.body, Body::Range { by_type: true, .. })
    }

    /// Decides the instance over the cells `cell` gives by index (of the form's cells): its
    /// status, and how many blank or not-applicable cells it met. The one definition of what
    /// an instance means; a form's check decides alike, faster.
    pub fn decide(
        &self,
        cell: impl Fn(usize) -> crate::model::cell::Slot,
    ) -> (crate::check::outcome::Status, u32) {
        crate::check::eval::decide(self, cell)
    }

    /// How far the sides may differ through rounding (a rule's `decimals`); `None`: exact.
    pub fn tolerance(&self) -> Option<Num> {
        match self.body {
            Body::Compare { tolerance, .. } => tolerance,
            Body::Range { .. } => None,
        }
    }

    /// Every cell the instance reads, in order.
    pub fn cells(&self) -> Vec<usize> {
        match &self.body {
            Body::Compare { lhs, rhs, .. } => lhs
                .iter()
                .chain(rhs)
                .filter_map(|t| match t.operand {
                    Operand::Cell(i) => Some(i),
                    Operand::Const(_) => None,
                })
                .collect(),
            Body::Range { cell, .. } => vec![*cell],
        }
    }
}
