//! Repeated rows: a `Vec` of a `#[form(columns)]` struct, as many rows as a report has.
//!
//! The form's numbering of cells is fixed at compile time, so repeated rows stand in it as
//! their *columns*: one cell per column of the row type, whose value is the sum of that column
//! over the rows (0 for no rows; blank when there are rows and every one is blank or not
//! applicable). Rules read a column as that one cell (`sum(accounts[..].followers)`, or
//! `accounts[..]` column by column against a row of the same columns, or as a sibling of a
//! `total`); the table of instances, the JSON Logic export and findings name it by the pointer
//! `/accounts/*/followers`, `*` standing for every row. Renderers draw one row per element
//! and readers read any number of them back (see `model::layout`).
//!
//! Rules declared inside the row type would hold per row: not supported yet, and refused at
//! compile time (`HAS_RULES`), not silently read over the sums.

use crate::check::traverse::{Accumulate, Mode, RowsPart, Sink, Visit};
use crate::model::component::Component;
use crate::model::node::{Field, Node, NodeKind};
use crate::model::shape::Shape;

/// The most elements of repeated rows a reader takes from a published report (those beyond
/// are said, not read): far more than any form's list, and a bound on the work.
#[cfg(feature = "read")]
pub const MAX_ROWS: usize = 10_000;

impl<R: Component> Component for Vec<R> {
    const SHAPE: Shape = R::SHAPE;
    const CELLS: usize = {
        assert!(
            R::SHAPE.is_row(),
            "repeated rows (`Vec<T>`) need `T` to be a `#[form(columns)]` struct: one row of columns"
        );
        assert!(
            !R::HAS_RULES,
            "a `#[form(columns)]` struct repeated in a `Vec` declares rules: rules per repeated row are not supported; declare them over the rows' sums on the struct holding the `Vec` (`sum(rows[..].column)`)"
        );
        R::CELLS
    };
    const KINDS: u8 = R::KINDS;
    const FIELDS: &'static [(&'static str, usize)] = R::FIELDS;
    const RULE_IDS: &'static [crate::check::unique_ids::RuleId] = R::RULE_IDS;
    const HAS_RULES: bool = R::HAS_RULES;

    fn describe(field: Field) -> Node {
        let row = R::describe(Field {
            ident: "",
            key: "",
            ..Field::default()
        });
        Node {
            field,
            kind: NodeKind::Rows(Box::new(row)),
        }
    }

    #[inline]
    fn each_cell<M: Mode, V: Visit<M>>(this: M::Of<'_, Self>, at: usize, visit: &mut V) {
        M::each_cell_of_rows::<R, V>(this, at, visit);
    }

    #[inline]
    fn add_column<M: Mode, A: Accumulate<M>>(
        this: M::Of<'_, Self>,
        at: usize,
        column: usize,
        acc: &mut A,
        negative: bool,
    ) {
        M::add_rows::<R, A>(this, at, RowsPart::Column(column), acc, negative);
    }

    #[inline]
    fn add_all<M: Mode, A: Accumulate<M>>(
        this: M::Of<'_, Self>,
        at: usize,
        acc: &mut A,
        negative: bool,
    ) {
        M::add_rows::<R, A>(this, at, RowsPart::All, acc, negative);
    }

    #[inline(always)]
    fn rules<M: Mode, S: Sink<M>>(_this: M::Of<'_, Self>, _at: usize, _sink: &mut S) {}
}
