//! A number cell a report may leave out altogether: `Option<Count>` (any `Option<Cell<T>>`).
//!
//! A blank is a cell that is there and empty (`null`); an absent cell is one the report does not
//! have at all (the key missing from the JSON, the row missing from the table: a variant of the
//! form that does not print it). serde reads both as `None` unless told otherwise, so such a
//! field takes three serde attributes, which the derive requires:
//!
//! ```text
//! #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "baobiao::present")]
//! pub visits: Option<Count>,
//! ```
//!
//! Missing, it is `None`; `null`, `Some(Cell::Blank)`; written back, `None` is left out. To the
//! rules an absent cell is blank (nothing is known of it); a table draws no row for it, and a
//! reader that does not find its row reads it as absent, with nothing to say.

use serde::{Deserialize, Deserializer};

use crate::check::traverse::{Accumulate, Mode, Sink, Visit};
use crate::model::cell::{Cell, CellValue};
use crate::model::component::Component;
use crate::model::node::{Field, Node, NodeKind};
use crate::model::shape::Shape;

/// `#[serde(deserialize_with = "baobiao::present")]` on an `Option<Count>` (any
/// `Option<Cell<T>>`): a key that is there is `Some`, `null` a blank cell.
pub fn present<'de, D: Deserializer<'de>, T: CellValue>(
    deserializer: D,
) -> Result<Option<Cell<T>>, D::Error> {
    Cell::<T>::deserialize(deserializer).map(Some)
}

impl<T: CellValue> Component for Option<Cell<T>> {
    const SHAPE: Shape = Shape::AbsentCell;
    const CELLS: usize = 1;
    const KINDS: u8 = T::KIND.bit();
    const FIELDS: &'static [(&'static str, usize)] = &[];
    const ABSENT: bool = true;

    fn describe(field: Field) -> Node {
        Node {
            field,
            kind: NodeKind::Cell(T::KIND),
        }
    }

    #[inline]
    fn each_cell<M: Mode, V: Visit<M>>(this: M::Of<'_, Self>, at: usize, visit: &mut V) {
        M::present::<T, _>(this, |cell| visit.cell::<T>(cell, at));
    }

    #[inline]
    fn add_column<M: Mode, A: Accumulate<M>>(
        this: M::Of<'_, Self>,
        at: usize,
        column: usize,
        acc: &mut A,
        negative: bool,
    ) {
        if column == 0 {
            M::present::<T, _>(this, |cell| acc.cell::<T>(cell, at, negative));
        }
    }

    #[inline]
    fn add_all<M: Mode, A: Accumulate<M>>(
        this: M::Of<'_, Self>,
        at: usize,
        acc: &mut A,
        negative: bool,
    ) {
        M::present::<T, _>(this, |cell| acc.cell::<T>(cell, at, negative));
    }

    #[inline(always)]
    fn rules<M: Mode, S: Sink<M>>(_this: M::Of<'_, Self>, _at: usize, _sink: &mut S) {}
}

/// Compile-time check behind a field of type `T`: a cell that may be absent has the serde
/// attributes that tell absent from blank (see the module).
pub const fn assert_absent_attributes<T: Component>(has_them: bool) {
    if T::ABSENT && !has_them {
        panic!(
            "a number cell that may be absent (`Option<Count>`) needs `#[serde(default, skip_serializing_if = \"Option::is_none\", deserialize_with = \"baobiao::present\")]`: without them serde reads a blank (`null`) as absent. A cell that is always there is `Count`, blank as `null`"
        );
    }
}
