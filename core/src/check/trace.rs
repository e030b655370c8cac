//! The description's reading of the traversal: which cells each rule instance reads, with no
//! form at hand. The record becomes the form's table of instances (`check::expand`).

use core::marker::PhantomData;

use crate::check::acc::{Acc, stated};
use crate::check::condition::Gate;
use crate::check::eval::Bounds;
use crate::check::op::Op;
use crate::check::rule::{Body, Operand, Term};
use crate::check::traverse::{Accumulate, Sink, Site, Types, Visit};
use crate::model::cell::{Cell, CellValue, ValueKind};
use crate::model::component::Component;
use crate::model::num::Num;

/// A side's terms as the traversal adds them, and their count (to tell a stated result the
/// way the check does, by [`stated`]).
#[derive(Debug, Default)]
pub struct Terms {
    terms: Vec<Term>,
    shape: Acc,
}

impl Accumulate<Types> for Terms {
    fn cell<T: CellValue>(&mut self, _cell: PhantomData<&Cell<T>>, at: usize, negative: bool) {
        self.terms.push(Term {
            negative,
            operand: Operand::Cell(at),
            factor: None,
        });
        self.shape.add_cell_int(0, negative);
    }

    fn constant(&mut self, value: Num, negative: bool) {
        self.terms.push(Term {
            negative,
            operand: Operand::Const(value),
            factor: None,
        });
        self.shape.add_constant(value, negative);
    }

    fn scaled(&mut self, part: Terms, factor: Num, negative: bool) {
        // The derive gives each term one factor at most (`2 * (3 * a)` does not compile).
        self.terms.extend(part.terms.into_iter().map(|term| Term {
            negative: term.negative != negative,
            factor: Some(factor),
            ..term
        }));
        self.shape.add_scaled(part.shape, factor, negative);
    }

    fn rows(&mut self, part: Terms, negative: bool) {
        // The columns' cells of the table stand for the rows: each one cell of the side.
        self.terms.extend(part.terms.into_iter().map(|term| Term {
            negative: term.negative != negative,
            ..term
        }));
        self.shape.add_rows(part.shape, negative);
    }
}

/// One instance as the traversal met it.
#[derive(Debug)]
pub(crate) struct Traced {
    /// Where its rule is declared.
    pub(crate) site: Site,
    /// The first cell of the struct that declares it (for a range, of the cell itself).
    pub(crate) owner: usize,
    /// The column of an element-wise rule.
    pub(crate) column: Option<usize>,
    /// What it asserts.
    pub(crate) body: Body,
}

/// Records every instance, in the order the traversal meets them.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    pub(crate) traced: Vec<Traced>,
}

impl Sink<Types> for Recorder {
    type Side = Terms;

    fn compare(
        &mut self,
        site: Site,
        owner: usize,
        column: Option<usize>,
        lhs: Terms,
        op: Op,
        rhs: Terms,
        _gate: Gate,
        _rounded: bool,
    ) {
        let result = stated(&lhs.shape, &rhs.shape);
        self.traced.push(Traced {
            site,
            owner,
            column,
            body: Body::Compare {
                lhs: lhs.terms,
                op,
                rhs: rhs.terms,
                result,
                // The rule's `decimals` is the declaration's: `check::expand` sets it.
                tolerance: None,
            },
        });
    }

    fn range<T: Component>(
        &mut self,
        site: Site,
        part: PhantomData<&T>,
        at: usize,
        bounds: &Bounds,
        _gate: Gate,
    ) {
        T::each_cell::<Types, _>(
            part,
            at,
            &mut RangeCells {
                recorder: self,
                site,
                bounds,
            },
        );
    }
}

/// Records a range cell by cell.
struct RangeCells<'r> {
    recorder: &'r mut Recorder,
    site: Site,
    bounds: &'r Bounds,
}

impl Visit<Types> for RangeCells<'_> {
    fn cell<T: CellValue>(&mut self, _cell: PhantomData<&Cell<T>>, at: usize) {
        self.recorder.traced.push(Traced {
            site: self.site,
            owner: at,
            column: None,
            body: Body::Range {
                cell: at,
                min: self.bounds.min,
                max: self.bounds.max,
                by_type: self.bounds.guaranteed_for(T::KIND),
            },
        });
    }

    fn rows(&mut self, at: usize, kind: ValueKind, _: &[crate::model::cell::Slot]) {
        self.recorder.traced.push(Traced {
            site: self.site,
            owner: at,
            column: None,
            body: Body::Range {
                cell: at,
                min: self.bounds.min,
                max: self.bounds.max,
                by_type: self.bounds.guaranteed_for(kind),
            },
        });
    }
}
