//! Runtime of baobiao: cell values, form descriptions, rules, checking and violations.
//!
//! A form is declared once with `#[derive(Form)]` (re-exported by the `baobiao` crate); the
//! derive describes the struct tree ([`Node`]), and this crate does the rest:
//! - [`FormInfo`] numbers the form's cells, gives each its JSON pointer and labels, and expands
//!   every declared rule into instances over concrete cells;
//! - [`Form::check`] evaluates every instance to pass, fail or not assessable ([`Report`]);
//! - [`Report::summary`] gives violations, not-assessable rules and blank-cell information,
//!   each naming its rule and cells, in Chinese or English.

mod acc;
mod cell;
mod check;
mod component;
mod form;
mod info;
mod lang;
pub mod layout;
pub mod logic;
mod node;
mod num;
pub mod pointer;
mod program;
pub mod read;
pub mod render;
mod report;
mod rule;
pub mod schema;
mod shape;

pub use acc::{Acc, RangeSpec, decide};
pub use cell::{Amount, Cell, CellValue, Count, Mark, SignedCount, Slot, ValueKind};
pub use check::{CheckOptions, Outcome, Reason, Status, evaluate};
pub use component::Component;
pub use form::Form;
pub use info::{CellInfo, FormInfo};
pub use lang::Lang;
pub use node::{Field, Node, NodeKind, StructInfo};
pub use num::Num;
pub use program::{Code, Program, Step};
pub use report::{
    CellRef, CellSource, Info, NotAssessable, Report, STRICT_BLANK, Summary, Violation,
};
pub use rule::{
    Body, CheckDecl, Instance, Op, Operand, OperandDecl, RangeDecl, RuleDef, RuleKind, RuleMeta,
    Severity, Side, Term, TermDecl,
};
pub use rust_decimal::Decimal;
pub use schemars;
pub use shape::Shape;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
