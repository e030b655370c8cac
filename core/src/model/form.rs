//! The [`Form`] trait: what `#[derive(Form)]` gives a struct.

use crate::check::cells::{Cells, with_scratch};
use crate::check::eval;
use crate::check::outcome::CheckOptions;
use crate::check::report::Report;
use crate::model::cell::Slot;
use crate::model::component::Component;
use crate::model::info::FormInfo;

/// A report form, or any part of one that can be checked on its own.
///
/// Implemented by `#[derive(Form)]`. The description and rules are built once per type and
/// cached, so [`Form::info`] is cheap and needs no instance: a form lists its rules without
/// being filled in.
pub trait Form: Component + Sized + 'static {
    /// The form's cells and rules.
    fn info() -> &'static FormInfo;

    /// The form's cells, in declaration order, as the evaluator reads them.
    fn cells(&self) -> Cells {
        let mut cells = Cells::default();
        cells.reset(Self::CELLS);
        self.write_cells(&mut cells, 0);
        cells
    }

    /// The form's cells, in declaration order.
    fn slots(&self) -> Vec<Slot> {
        self.cells().slots()
    }

    /// Checks every rule.
    fn check(&self) -> Report<'_> {
        self.check_with(CheckOptions::default())
    }

    /// Checks every rule with `options`.
    fn check_with(&self, options: CheckOptions) -> Report<'_> {
        let info = Self::info();
        let outcomes = with_scratch(Self::CELLS, |cells| {
            self.write_cells(cells, 0);
            eval::evaluate(info, cells)
        });
        Report::of_form(info, self, outcomes, options)
    }
}
