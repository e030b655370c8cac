//! The check's reading of the traversal: a filled form's instances decided as they are met.

use crate::check::acc::Acc;
use crate::check::condition::Gate;
use crate::check::eval::{Bounds, settle_into};
use crate::check::op::Op;
use crate::check::outcome::{Decisions, Status};
use crate::check::traverse::{Accumulate, Sink, Site, Values, Visit};
use crate::model::cell::{Cell, CellValue, Slot, ValueKind};
use crate::model::component::Component;
use crate::model::info::FormInfo;
use crate::model::num::Num;

impl Accumulate<Values> for Acc {
    #[inline(always)]
    fn cell<T: CellValue>(&mut self, cell: &Cell<T>, _at: usize, negative: bool) {
        T::add_cell(cell, self, negative);
    }

    #[inline]
    fn constant(&mut self, value: Num, negative: bool) {
        self.add_constant(value, negative);
    }

    #[inline]
    fn scaled(&mut self, part: Acc, factor: Num, negative: bool) {
        self.add_scaled(part, factor, negative);
    }

    #[inline]
    fn rows(&mut self, part: Acc, negative: bool) {
        self.add_rows(part, negative);
    }
}

/// Decides each instance the traversal meets, numbering them in that order (ranges that the
/// cell types guarantee are numbered, not evaluated, as in the table).
#[derive(Debug)]
pub struct Decider {
    decisions: Decisions,
    next: usize,
    info: &'static FormInfo,
}

impl Decider {
    /// Room for the evaluated instances of the form `info` describes.
    #[inline]
    pub(crate) fn new(info: &'static FormInfo) -> Decider {
        Decider {
            decisions: Decisions::with_capacity(info.evaluated()),
            next: 0,
            info,
        }
    }

    /// The decisions, in instance order.
    pub(crate) fn into_decisions(self) -> Decisions {
        self.decisions
    }
}

impl Sink<Values> for Decider {
    type Side = Acc;

    #[inline(always)]
    fn compare(
        &mut self,
        _site: Site,
        _owner: usize,
        _column: Option<usize>,
        lhs: Acc,
        op: Op,
        rhs: Acc,
        gate: Gate,
        rounded: bool,
    ) {
        let instance = self.next;
        self.next += 1;
        if gate != Gate::Open {
            self.decisions.push(instance, gated(gate), 0);
            return;
        }
        let blanks = lhs.blanks() + rhs.blanks();
        let decisions = &mut self.decisions;
        let info = self.info;
        let tolerance = || {
            if rounded {
                info.tolerance_of(instance)
            } else {
                None
            }
        };
        settle_into(&lhs, op, &rhs, tolerance, |status| {
            decisions.push(instance, status, blanks)
        });
    }

    #[inline]
    fn range<T: Component>(
        &mut self,
        _site: Site,
        part: &T,
        at: usize,
        bounds: &Bounds,
        gate: Gate,
    ) {
        if bounds.guaranteed_for_all(T::KINDS) {
            self.next += T::CELLS;
            return;
        }
        T::each_cell::<Values, _>(
            part,
            at,
            &mut RangeCells {
                decider: self,
                bounds,
                gate,
            },
        );
    }
}

/// How an instance whose condition is not open ends: it holds where the condition's field
/// has another value, and cannot be assessed where that field is blank.
fn gated(gate: Gate) -> Status {
    match gate {
        Gate::Open | Gate::Closed => Status::Pass,
        Gate::Blank => Status::NotAssessable(crate::check::outcome::Reason::ConditionUnknown),
    }
}

/// Decides a range cell by cell.
struct RangeCells<'d> {
    decider: &'d mut Decider,
    bounds: &'d Bounds,
    gate: Gate,
}

impl Visit<Values> for RangeCells<'_> {
    #[inline]
    fn cell<T: CellValue>(&mut self, cell: &Cell<T>, _at: usize) {
        let instance = self.decider.next;
        self.decider.next += 1;
        if self.bounds.guaranteed_for(T::KIND) {
            return;
        }
        let status: Status = match self.gate {
            Gate::Open => self.bounds.status(cell.slot()),
            gate => gated(gate),
        };
        self.decider.decisions.push(instance, status, 0);
    }

    fn rows(&mut self, _at: usize, kind: ValueKind, cells: &[Slot]) {
        let instance = self.decider.next;
        self.decider.next += 1;
        if self.bounds.guaranteed_for(kind) {
            return;
        }
        let status: Status = match self.gate {
            Gate::Open => self.bounds.status(crate::check::eval::rows_slot(cells)),
            gate => gated(gate),
        };
        self.decider.decisions.push(instance, status, 0);
    }
}

/// Collects a filled form's cells as slots, in order.
#[derive(Debug, Default)]
pub struct Slots(pub Vec<Slot>);

impl Visit<Values> for Slots {
    #[inline]
    fn cell<T: CellValue>(&mut self, cell: &Cell<T>, _at: usize) {
        self.0.push(cell.slot());
    }

    #[inline]
    fn rows(&mut self, _at: usize, _kind: ValueKind, cells: &[Slot]) {
        self.0.push(crate::check::eval::rows_slot(cells));
    }
}
