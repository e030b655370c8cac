//! What generated code needs. Not public API: may change in any release.

pub use core::option::Option::{self, None, Some};
pub use std::borrow::Cow;
pub use std::boxed::Box;
pub use std::sync::OnceLock;
pub use std::vec;
pub use std::vec::Vec;

pub use crate::check::Outcome;
pub use crate::check::acc::Acc;
pub use crate::check::condition::{Gate, Wanted, WhenDecl, wanted_option};
pub use crate::check::eval::Bounds;
pub use crate::check::op::Op;
pub use crate::check::period::PreviousDecl;
pub use crate::check::rule::{CheckDecl, OperandDecl, RangeDecl, RuleMeta, Severity, TermDecl};
pub use crate::check::traverse::{
    Accumulate, Mode, Sink, Site, SiteRule, Types, Values, Visit, assert_form_field, field_offset,
};
pub use crate::check::unique_ids::{RuleId, assert_unique, count, distinct, distinct_len, sorted};
pub use crate::model::absent::assert_absent_attributes;
pub use crate::model::choice::{Choice, ChoiceOption};
pub use crate::model::component::Component;
pub use crate::model::form::Form;
pub use crate::model::info::FormInfo;
pub use crate::model::node::{Field, Node, NodeKind, Role, StructDecl};
pub use crate::model::num::Num;
pub use crate::model::shape::{Shape, assert_elementwise, assert_total};
pub use crate::schema::derived::{
    Nesting, Object, Property, add_form_extensions, choice_schema, object,
};
pub use core::default::Default;
pub use core::marker::PhantomData;
pub use rust_decimal::Decimal;
pub use schemars;

/// The shape of the field a closure reaches, for compile-time checks of `check` operands whose
/// types the derive cannot see.
pub const fn shape_of<S, T: Component>(_reach: fn(&S) -> &T) -> Shape {
    T::SHAPE
}

/// Adds column `column` of the part `field` reaches from `this`: how a `check` reaches a path
/// whose type the derive cannot name (`outcomes.total`), the closure telling it.
#[inline(always)]
pub fn add_column_of<'a, M: Mode, S: 'a, T: Component + 'a, A: Accumulate<M>>(
    this: M::Of<'a, S>,
    field: fn(&S) -> &T,
    at: usize,
    column: usize,
    acc: &mut A,
    negative: bool,
) {
    T::add_column::<M, A>(M::reach(this, field), at, column, acc, negative);
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

/// True when some operand of a `check` is a row: the rule is element-wise, column by column.
pub const fn any_row(shapes: &[Shape]) -> bool {
    let mut i = 0;
    while i < shapes.len() {
        if shapes[i].is_row() {
            return true;
        }
        i += 1;
    }
    false
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
    cache.get_or_init(|| {
        // The form's own traversal, read for its cells alone, gives its table of rules.
        let mut recorder = crate::check::trace::Recorder::default();
        T::rules::<Types, _>(PhantomData, 0, &mut recorder);
        let info = FormInfo::build(T::describe(Field::root()), recorder.traced);
        // The typed access writes the cells the description numbers.
        assert_eq!(
            info.cells.len(),
            T::CELLS,
            "the description and the cells of a form disagree"
        );
        info
    })
}

/// The index, among a row's cells, of the first cell of `column` of the repeated rows `reach`
/// reaches (0 for every column): how `sum(rows[..].column)` finds its column at compile time.
pub const fn rows_column_offset<S, R: Component>(
    _reach: fn(&S) -> &Vec<R>,
    column: Option<&str>,
) -> usize {
    match column {
        Some(name) => column_cells::<R>(name).0,
        None => 0,
    }
}

/// How many cells `sum(rows[..].column)` (or `sum(rows[..])`) reads per row.
pub const fn rows_width<S, R: Component>(_reach: fn(&S) -> &Vec<R>, column: Option<&str>) -> usize {
    match column {
        Some(name) => column_cells::<R>(name).1,
        None => R::CELLS,
    }
}

/// The shape of `sum(rows[..].column)`: one cell (a column of several cells, or of none, is
/// refused), or, for `sum(rows[..])`, the row type's.
pub const fn rows_shape<S, R: Component>(_reach: fn(&S) -> &Vec<R>, column: Option<&str>) -> Shape {
    match column {
        Some(name) => match column_cells::<R>(name).1 {
            1 => Shape::Cell,
            0 => panic!("`sum(rows[..].column)` names a column that holds no numbers"),
            _ => panic!(
                "`sum(rows[..].column)` names a column group; name one column of it, or sum every column with `sum(rows[..])`"
            ),
        },
        None => R::SHAPE,
    }
}

/// The first cell and the number of cells of field `name` of the row type `R`.
const fn column_cells<R: Component>(name: &str) -> (usize, usize) {
    let fields = R::FIELDS;
    let mut i = 0;
    while i < fields.len() {
        if crate::check::const_str::eq(fields[i].0, name) {
            let end = if i + 1 < fields.len() {
                fields[i + 1].1
            } else {
                R::CELLS
            };
            return (fields[i].1, end - fields[i].1);
        }
        i += 1;
    }
    panic!("`sum(rows[..].column)` names a field the rows' type does not have")
}
