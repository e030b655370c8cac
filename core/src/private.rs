//! What generated code needs. Not public API: may change in any release.

pub use core::option::Option::{self, None, Some};
pub use std::borrow::Cow;
pub use std::boxed::Box;
pub use std::sync::OnceLock;
pub use std::vec;
pub use std::vec::Vec;

pub use crate::check::Outcome;
pub use crate::check::cells::Cells;
pub use crate::check::op::Op;
pub use crate::check::rule::{CheckDecl, OperandDecl, RangeDecl, RuleMeta, Severity, TermDecl};
pub use crate::model::component::Component;
pub use crate::model::form::Form;
pub use crate::model::info::FormInfo;
pub use crate::model::node::{Field, Node, NodeKind, StructInfo};
pub use crate::model::num::Num;
pub use crate::model::shape::{Shape, assert_elementwise, assert_total};
pub use crate::schema::{Nesting, Object, Property, add_form_extensions, object};
pub use rust_decimal::Decimal;
pub use schemars;

/// The shape of the field a closure reaches, for compile-time checks of `check` operands whose
/// types the derive cannot see.
pub const fn shape_of<S, T: Component>(_reach: fn(&S) -> &T) -> Shape {
    T::SHAPE
}

/// A form's info, built on first use and cached in the type's own `static`.
pub fn form_info<T: Component>(cache: &'static OnceLock<FormInfo>) -> &'static FormInfo {
    cache.get_or_init(|| {
        let info = FormInfo::build(T::describe(Field::root()));
        // The typed access writes the cells the description numbers.
        assert_eq!(
            info.cells.len(),
            T::CELLS,
            "the description and the cells of a form disagree"
        );
        info
    })
}
