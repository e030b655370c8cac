//! Runtime of baobiao: cell values, form descriptions, rules, checking, schemas; reading and
//! rendering as features.
//!
//! A form is declared once with `#[derive(Form)]` (re-exported by the `baobiao` crate); the
//! derive describes the struct tree and writes the traversal of its cells and rules, and this
//! crate does the rest:
//! - [`FormInfo`]: the form's cells, each with its JSON pointer and labels, and the table of
//!   its rule instances ([`RuleDef`], [`Instance`]): what every rule means, the one definition;
//! - [`Form::check`] decides every instance ([`Report`]); [`Report::summary`] gives what it
//!   found ([`Summary`]: [`Violation`], [`NotAssessable`], [`BlankNote`]), typed, worded in
//!   Chinese or English when shown;
//! - [`schema`]: the JSON Schema, and the rules as JSON Logic, for other tools;
//! - [`read`] (feature `read`): a report's bytes into a form, [`render`] (feature `render`):
//!   a form as the official tables; [`set::FormSet`]: several forms by name.

mod check;
pub mod json;
mod model;
#[cfg(feature = "read")]
pub mod read;
#[cfg(feature = "render")]
pub mod render;
pub mod schema;
pub mod set;

pub use check::blanks::{CellGroup, Extent, group as group_cells};
pub use check::counts::Counts;
pub use check::findings::{
    BlankNote, Blanks, CellRef, Found, Likely, NotAssessable, Summary, Violation,
};
pub use check::localise::{Change, Localisation, MAX_CELLS as MAX_LIKELY_CELLS};
pub use check::op::Op;
pub use check::period::{PairStatus, PeriodPair, PeriodRule};
pub use check::report::Report;
pub use check::rule::{
    Body, Instance, Operand, RuleDef, RuleKind, STRICT_BLANK, Severity, Side, Term, strict_blank,
};
pub use check::summary_json::SummaryJson;
pub use check::{CheckOptions, Outcome, Reason, Status};
pub use model::absent::present;
pub use model::cell::{Amount, Cell, CellValue, Count, Mark, SignedCount, Slot, ValueKind};
pub use model::choice::{Choice, ChoiceOption};
pub use model::date::Date;
pub use model::form::Form;
pub use model::info::{CellInfo, FormInfo};
pub use model::lang::Lang;
pub use model::node::{Field, Node, NodeKind, Role, StructDecl};
pub use model::num::Num;
pub use model::position::Position;
pub use model::{layout, pointer};
pub use rust_decimal::Decimal;
pub use schemars;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
