//! The trait every part of a form implements, derived or built in.

use crate::check::Outcome;
use crate::check::acc::{Acc, RangeSpec};
use crate::model::cell::{Cell, CellValue, Slot};
use crate::model::node::{Field, Node, NodeKind};
use crate::model::shape::Shape;

/// A part of a form: a cell, a text, or a derived struct of further parts.
///
/// `#[derive(Form)]` implements it for structs; this crate implements it for [`Cell`] (numeric
/// cells), `String` and `Option<String>` (narrative text) and `u16`/`u32` (metadata such as a
/// year).
///
/// Besides describing itself, a component evaluates its rules directly (`evaluate`), with the
/// numbering of instances that [`FormInfo`](crate::FormInfo) gives them: the derive emits
/// straight-line code over the struct's fields, which is what keeps the generated check as fast
/// as a hand-written one.
pub trait Component {
    /// The shape rules see, checked at compile time by the derive.
    const SHAPE: Shape;
    /// How many numeric cells the component has.
    const CELLS: usize;
    /// How many rule instances the component declares, its parts included.
    const INSTANCES: usize;
    /// The kinds of its cells, as a [`ValueKind::bit`](crate::ValueKind::bit) mask.
    const KINDS: u8;

    /// Describes the component as it stands in a field.
    fn describe(field: Field) -> Node;

    /// Appends this component's numeric cells, in declaration order.
    fn collect_slots(&self, out: &mut Vec<Slot>);

    /// Adds the cell in column `column` into `acc`: for a cell, itself (column 0); for a row,
    /// its cell in that column; for a group of rows, that column of each row (or of its
    /// `total`, which stands for the group).
    fn add_column(&self, column: usize, acc: &mut Acc, negative: bool);

    /// Adds every cell that this component contributes to a sum of single cells into `acc`.
    fn add_all(&self, acc: &mut Acc, negative: bool);

    /// Appends the outcomes of the rules declared in this component, its parts included;
    /// instances are numbered from `base`.
    fn evaluate(&self, base: usize, out: &mut Vec<Outcome>);

    /// Appends the outcomes of a `range` over every cell; instances are numbered from `base`.
    fn evaluate_range(&self, range: &RangeSpec, base: usize, out: &mut Vec<Outcome>);
}

impl<T: CellValue> Component for Cell<T> {
    const SHAPE: Shape = Shape::Cell;
    const CELLS: usize = 1;
    const INSTANCES: usize = 0;
    const KINDS: u8 = T::KIND.bit();

    fn describe(field: Field) -> Node {
        Node {
            field,
            kind: NodeKind::Cell(T::KIND),
        }
    }

    #[inline]
    fn collect_slots(&self, out: &mut Vec<Slot>) {
        out.push(self.slot());
    }

    #[inline(always)]
    fn add_column(&self, column: usize, acc: &mut Acc, negative: bool) {
        if column == 0 {
            T::add_cell(self, acc, negative);
        }
    }

    #[inline(always)]
    fn add_all(&self, acc: &mut Acc, negative: bool) {
        T::add_cell(self, acc, negative);
    }

    #[inline]
    fn evaluate(&self, _base: usize, _out: &mut Vec<Outcome>) {}

    #[inline]
    fn evaluate_range(&self, range: &RangeSpec, base: usize, out: &mut Vec<Outcome>) {
        if !range.guaranteed_for(T::KIND) {
            out.push(Outcome {
                instance: base,
                status: range.status(self.slot()),
                blanks: 0,
            });
        }
    }
}

macro_rules! component_without_cells {
    ($kind:ident: $($ty:ty),*) => {$(
        impl Component for $ty {
            const SHAPE: Shape = Shape::Text;
            const CELLS: usize = 0;
            const INSTANCES: usize = 0;
            const KINDS: u8 = 0;

            fn describe(field: Field) -> Node {
                Node { field, kind: NodeKind::$kind }
            }

            #[inline]
            fn collect_slots(&self, _out: &mut Vec<Slot>) {}
            #[inline]
            fn add_column(&self, _column: usize, _acc: &mut Acc, _negative: bool) {}
            #[inline]
            fn add_all(&self, _acc: &mut Acc, _negative: bool) {}
            #[inline]
            fn evaluate(&self, _base: usize, _out: &mut Vec<Outcome>) {}
            #[inline]
            fn evaluate_range(&self, _range: &RangeSpec, _base: usize, _out: &mut Vec<Outcome>) {}
        }
    )*};
}

component_without_cells!(Text: String, Option<String>);
component_without_cells!(Meta: u16, u32, Option<u16>, Option<u32>);
