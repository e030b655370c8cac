//! The trait every part of a form implements, derived or built in.

use crate::check::cells::Cells;
use crate::model::cell::{Cell, CellValue};
use crate::model::node::{Field, Node, NodeKind};
use crate::model::shape::Shape;

/// A part of a form: a cell, a text, or a derived struct of further parts.
///
/// `#[derive(Form)]` implements it for structs; this crate implements it for [`Cell`] (numeric
/// cells), `String` and `Option<String>` (narrative text) and `u16`/`u32` (metadata such as a
/// year). It is how the runtime sees a form's type: its description, and typed access to its
/// cells. What the rules mean is the runtime's business, not the component's.
pub trait Component {
    /// The shape rules see, checked at compile time by the derive.
    const SHAPE: Shape;
    /// How many numeric cells the component has.
    const CELLS: usize;

    /// Describes the component as it stands in a field.
    fn describe(field: Field) -> Node;

    /// Sets this component's numeric cells in `out`, in declaration order, from index `at`.
    fn write_cells(&self, out: &mut Cells, at: usize);
}

impl<T: CellValue> Component for Cell<T> {
    const SHAPE: Shape = Shape::Cell;
    const CELLS: usize = 1;

    fn describe(field: Field) -> Node {
        Node {
            field,
            kind: NodeKind::Cell(T::KIND),
        }
    }

    #[inline(always)]
    fn write_cells(&self, out: &mut Cells, at: usize) {
        T::write(self, out, at);
    }
}

macro_rules! component_without_cells {
    ($kind:ident: $($ty:ty),*) => {$(
        impl Component for $ty {
            const SHAPE: Shape = Shape::Text;
            const CELLS: usize = 0;

            fn describe(field: Field) -> Node {
                Node { field, kind: NodeKind::$kind }
            }

            #[inline(always)]
            fn write_cells(&self, _out: &mut Cells, _at: usize) {}
        }
    )*};
}

component_without_cells!(Text: String, Option<String>);
component_without_cells!(Meta: u16, u32, Option<u16>, Option<u32>);
