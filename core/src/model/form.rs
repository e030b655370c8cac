//! The [`Form`] trait: what `#[derive(Form)]` gives a struct.

use crate::check::CheckOptions;
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

    /// The form's cells, in declaration order.
    fn slots(&self) -> Vec<Slot> {
        let mut slots = Vec::with_capacity(Self::CELLS);
        self.collect_slots(&mut slots);
        slots
    }

    /// Checks every rule.
    fn check(&self) -> Report<'_> {
        self.check_with(CheckOptions::default())
    }

    /// Checks every rule with `options`, through the generated code.
    fn check_with(&self, options: CheckOptions) -> Report<'_> {
        let info = Self::info();
        let mut outcomes = Vec::with_capacity(info.program.steps.len());
        self.evaluate(0, &mut outcomes);
        Report::from_outcomes(info, self, outcomes, options)
    }
}
