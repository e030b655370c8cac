//! What generated code needs. Not public API: may change in any release.

pub use core::option::Option::{self, None, Some};
pub use std::borrow::Cow;
pub use std::boxed::Box;
pub use std::sync::OnceLock;
pub use std::vec;
pub use std::vec::Vec;

pub use crate::check::Outcome;
pub use crate::check::acc::{Acc, RangeSpec, decide};
pub use crate::check::rule::Side;
pub use crate::check::rule::{CheckDecl, Op, OperandDecl, RangeDecl, RuleMeta, Severity, TermDecl};
pub use crate::model::cell::Slot;
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

/// The number of cells of the field a closure reaches.
pub const fn cells_of<S, T: Component>(_reach: fn(&S) -> &T) -> usize {
    T::CELLS
}

/// The largest of `values` (1 when empty): the width of an element-wise `check`.
pub const fn widest(values: &[usize]) -> usize {
    let mut max = 1;
    let mut i = 0;
    while i < values.len() {
        if values[i] > max {
            max = values[i];
        }
        i += 1;
    }
    max
}

/// For a row whose fields start at `offsets` (and end at the last offset): the field each of
/// its `N` columns belongs to, as a table for a jump in generated `add_column`.
pub const fn field_of<const N: usize>(offsets: &[usize]) -> [u8; N] {
    let mut table = [u8::MAX; N];
    let mut field = 0;
    while field + 1 < offsets.len() {
        let mut column = offsets[field];
        while column < offsets[field + 1] {
            // Rows have far fewer than 255 fields; a wider one would fail to compile here.
            assert!(field < u8::MAX as usize, "a row has at most 254 fields");
            table[column] = field as u8;
            column += 1;
        }
        field += 1;
    }
    table
}

/// A form's info, built on first use and cached in the type's own `static`.
pub fn form_info<T: Component>(cache: &'static OnceLock<FormInfo>) -> &'static FormInfo {
    cache.get_or_init(|| FormInfo::build(T::describe(Field::root())))
}
