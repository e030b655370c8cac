//! Runtime of baobiao: cell values, form descriptions, rules, checking and violations.
//!
//! A form is declared once with `#[derive(Form)]` (re-exported by the `baobiao` crate); the
//! derive describes the struct tree ([`Node`]), and this crate does the rest:
//! - [`FormInfo`] numbers the form's cells, gives each its JSON pointer and labels, and expands
//!   every declared rule into instances over concrete cells;
//! - [`Form::check`] evaluates every instance to pass, fail or not assessable ([`Report`]);
//! - [`Report::summary`] gives violations, not-assessable rules and blank-cell information,
//!   each naming its rule and cells, in Chinese or English.

pub mod check;
pub mod model;
#[cfg(feature = "read")]
pub mod read;
#[cfg(feature = "render")]
pub mod render;
pub mod schema;

pub use check::op::Op;
pub use check::report::{CellRef, Info, NotAssessable, Report, STRICT_BLANK, Summary, Violation};
pub use check::rule::{
    Body, CheckDecl, Instance, Operand, OperandDecl, RangeDecl, RuleDef, RuleKind, RuleMeta,
    Severity, Side, Term, TermDecl,
};
pub use check::{CheckOptions, Outcome, Reason, Status};
pub use model::cell::{Amount, Cell, CellValue, Count, Mark, SignedCount, Slot, ValueKind};
pub use model::component::Component;
pub use model::form::Form;
pub use model::info::{CellInfo, FormInfo};
pub use model::lang::Lang;
pub use model::node::{Field, Node, NodeKind, StructInfo};
pub use model::num::Num;
pub use model::shape::Shape;
pub use model::{layout, pointer};
pub use rust_decimal::Decimal;
pub use schema::logic;
pub use schemars;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
