//! The trait every part of a form implements, derived or built in.

use crate::cell::{Cell, CellValue, Slot};
use crate::node::{Field, Node, NodeKind};
use crate::shape::Shape;

/// A part of a form: a cell, a text, or a derived struct of further parts.
///
/// `#[derive(Form)]` implements it for structs; this crate implements it for [`Cell`] (numeric
/// cells), `String` and `Option<String>` (narrative text) and `u16`/`u32` (metadata such as a
/// year).
pub trait Component {
    /// The shape rules see, checked at compile time by the derive.
    const SHAPE: Shape;

    /// Describes the component as it stands in a field.
    fn describe(field: Field) -> Node;

    /// Appends this component's numeric cells, in declaration order.
    fn collect_slots(&self, out: &mut Vec<Slot>);
}

impl<T: CellValue> Component for Cell<T> {
    const SHAPE: Shape = Shape::Cell;

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
}

macro_rules! component_without_cells {
    ($kind:ident: $($ty:ty),*) => {$(
        impl Component for $ty {
            const SHAPE: Shape = Shape::Text;

            fn describe(field: Field) -> Node {
                Node { field, kind: NodeKind::$kind }
            }

            #[inline]
            fn collect_slots(&self, _out: &mut Vec<Slot>) {}
        }
    )*};
}

component_without_cells!(Text: String, Option<String>);
component_without_cells!(Meta: u16, u32, Option<u16>, Option<u32>);
