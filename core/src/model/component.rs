//! The trait every part of a form implements, derived or built in.

use crate::check::traverse::{Accumulate, Mode, Sink, Visit};
use crate::model::cell::{Cell, CellValue};
use crate::model::choice::Choice;
use crate::model::node::{Field, Node, NodeKind};
use crate::model::shape::Shape;

/// A part of a form: a cell, a text, or a derived struct of further parts.
///
/// `#[derive(Form)]` implements it for structs; this crate implements it for [`Cell`] (numeric
/// cells), `String` and `Option<String>` (narrative text) and `u16`/`u32` (metadata such as a
/// year). Besides describing itself, a part is traversed: its cells, and the rule instances
/// its declarations expand to, in one traversal read two ways (see
/// `check/traverse.rs`). Where the traversal starts, `at` is the index of the part's
/// first cell in the form.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a kind of field a form can have",
    label = "a form field cannot be of this type",
    note = "a field may be: a number cell (`baobiao::Count`, `SignedCount`, `Amount`: blank is `null`; `Option` of one where the report may leave it out), yes/no (`bool`, `Option<bool>`), one choice (an enum with `#[derive(baobiao::Choice)]`, or `Option` of one), check boxes (`BTreeSet` of such an enum), text (`String`, `Option<String>`), a date (`baobiao::Date`, `Option<Date>`), a year or other metadata number (`u16`, `u32`, `Option` of them), repeated rows (`Vec` of a `#[form(columns)]` struct), or a struct with `#[derive(baobiao::Form)]`",
    note = "a field that is not part of the form can be left out with `#[form(skip)]` and `#[serde(skip)]`"
)]
pub trait Component: Sized {
    /// The shape rules see, checked at compile time by the derive.
    const SHAPE: Shape;
    /// How many numeric cells the component has.
    const CELLS: usize;
    /// The kinds of its cells, as a [`ValueKind::bit`](crate::ValueKind::bit) mask.
    const KINDS: u8;
    /// Its fields by Rust name, with the index of each one's first cell among its own.
    const FIELDS: &'static [(&'static str, usize)];
    /// The rule ids declared in it and beneath it, each with its declaring struct (see
    /// `check::unique_ids`).
    const RULE_IDS: &'static [crate::check::unique_ids::RuleId] = &[];
    /// True when it or a part of it declares a rule (with or without an id).
    const HAS_RULES: bool = false;
    /// True for a number cell that may be absent from a report (`Option<Count>`), which needs
    /// serde attributes to tell absent from blank (`model::absent`).
    const ABSENT: bool = false;

    /// Describes the component as it stands in a field.
    fn describe(field: Field) -> Node;

    /// Visits every numeric cell, in declaration order.
    fn each_cell<M: Mode, V: Visit<M>>(this: M::Of<'_, Self>, at: usize, visit: &mut V);

    /// Adds the cell in column `column` into `acc`: for a cell, itself (column 0); for a row,
    /// its cell in that column; for a group of rows, that column of each row (or of its
    /// `total`, which stands for the group).
    fn add_column<M: Mode, A: Accumulate<M>>(
        this: M::Of<'_, Self>,
        at: usize,
        column: usize,
        acc: &mut A,
        negative: bool,
    );

    /// Adds every cell this component contributes to a sum of single cells into `acc` (a
    /// struct with a `total` field contributes that field only).
    fn add_all<M: Mode, A: Accumulate<M>>(
        this: M::Of<'_, Self>,
        at: usize,
        acc: &mut A,
        negative: bool,
    );

    /// Hands every rule instance its declarations (and its parts') expand to to `sink`.
    fn rules<M: Mode, S: Sink<M>>(this: M::Of<'_, Self>, at: usize, sink: &mut S);
}

impl<T: CellValue> Component for Cell<T> {
    const SHAPE: Shape = Shape::Cell;
    const CELLS: usize = 1;
    const KINDS: u8 = T::KIND.bit();
    const FIELDS: &'static [(&'static str, usize)] = &[];

    fn describe(field: Field) -> Node {
        Node {
            field,
            kind: NodeKind::Cell(T::KIND),
        }
    }

    #[inline(always)]
    fn each_cell<M: Mode, V: Visit<M>>(this: M::Of<'_, Self>, at: usize, visit: &mut V) {
        visit.cell::<T>(this, at);
    }

    #[inline(always)]
    fn add_column<M: Mode, A: Accumulate<M>>(
        this: M::Of<'_, Self>,
        at: usize,
        column: usize,
        acc: &mut A,
        negative: bool,
    ) {
        if column == 0 {
            acc.cell::<T>(this, at, negative);
        }
    }

    #[inline(always)]
    fn add_all<M: Mode, A: Accumulate<M>>(
        this: M::Of<'_, Self>,
        at: usize,
        acc: &mut A,
        negative: bool,
    ) {
        acc.cell::<T>(this, at, negative);
    }

    #[inline(always)]
    fn rules<M: Mode, S: Sink<M>>(_this: M::Of<'_, Self>, _at: usize, _sink: &mut S) {}
}

macro_rules! component_without_cells {
    ($kind:ident: $($ty:ty),*) => {$(
        impl Component for $ty {
            const SHAPE: Shape = Shape::Text;
            const CELLS: usize = 0;
            const KINDS: u8 = 0;
            const FIELDS: &'static [(&'static str, usize)] = &[];

            fn describe(field: Field) -> Node {
                Node { field, kind: NodeKind::$kind }
            }

            #[inline(always)]
            fn each_cell<M: Mode, V: Visit<M>>(_: M::Of<'_, Self>, _: usize, _: &mut V) {}
            #[inline(always)]
            fn add_column<M: Mode, A: Accumulate<M>>(_: M::Of<'_, Self>, _: usize, _: usize, _: &mut A, _: bool) {}
            #[inline(always)]
            fn add_all<M: Mode, A: Accumulate<M>>(_: M::Of<'_, Self>, _: usize, _: &mut A, _: bool) {}
            #[inline(always)]
            fn rules<M: Mode, S: Sink<M>>(_: M::Of<'_, Self>, _: usize, _: &mut S) {}
        }
    )*};
}

component_without_cells!(Text: String, Option<String>);
component_without_cells!(Meta: u16, u32, Option<u16>, Option<u32>);
component_without_cells!(Flag: bool, Option<bool>);
component_without_cells!(Date: crate::model::date::Date, Option<crate::model::date::Date>);

/// A choice's parts: no numbers, one value.
macro_rules! choice_component {
    ($kind:ident) => {
        const SHAPE: Shape = Shape::Text;
        const CELLS: usize = 0;
        const KINDS: u8 = 0;
        const FIELDS: &'static [(&'static str, usize)] = &[];

        fn describe(field: Field) -> Node {
            Node {
                field,
                kind: NodeKind::$kind(E::OPTIONS),
            }
        }

        #[inline(always)]
        fn each_cell<M: Mode, V: Visit<M>>(_: M::Of<'_, Self>, _: usize, _: &mut V) {}
        #[inline(always)]
        fn add_column<M: Mode, A: Accumulate<M>>(
            _: M::Of<'_, Self>,
            _: usize,
            _: usize,
            _: &mut A,
            _: bool,
        ) {
        }
        #[inline(always)]
        fn add_all<M: Mode, A: Accumulate<M>>(_: M::Of<'_, Self>, _: usize, _: &mut A, _: bool) {}
        #[inline(always)]
        fn rules<M: Mode, S: Sink<M>>(_: M::Of<'_, Self>, _: usize, _: &mut S) {}
    };
}

/// A choice that may be left blank.
impl<E: Choice> Component for Option<E> {
    choice_component!(Choice);
}

/// A set of choices: the template's check boxes.
impl<E: Choice> Component for std::collections::BTreeSet<E> {
    choice_component!(Choices);
}
