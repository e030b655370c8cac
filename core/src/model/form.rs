//! The [`Form`] trait: what `#[derive(Form)]` gives a struct.

use crate::check::decider::{Decider, Slots};
use crate::check::outcome::CheckOptions;
use crate::check::report::Report;
use crate::check::traverse::Values;
use crate::model::cell::Slot;
use crate::model::component::Component;
use crate::model::info::FormInfo;

/// A report form, or any part of one that can be checked on its own.
///
/// Implemented by `#[derive(Form)]`. The description and rules are built once per type and
/// cached, so [`Form::info`] is cheap and needs no instance: a form lists its rules without
/// being filled in.
pub trait Form: Component + 'static {
    /// The form's cells and rules.
    fn info() -> &'static FormInfo;

    /// The form's cells, in declaration order.
    fn slots(&self) -> Vec<Slot> {
        let mut slots = Slots(Vec::with_capacity(Self::CELLS));
        Self::each_cell::<Values, _>(self, 0, &mut slots);
        slots.0
    }

    /// Checks every rule.
    fn check(&self) -> Report<'_> {
        self.check_with(CheckOptions::default())
    }

    /// Checks every rule with `options`: the traversal of the form's rules sums each
    /// instance's sides from the form's fields and decides them as it meets them.
    fn check_with(&self, options: CheckOptions) -> Report<'_> {
        let info = Self::info();
        let mut decider = Decider::new(info);
        Self::rules::<Values, _>(self, 0, &mut decider);
        Report::of_form(info, self, decider.into_decisions(), options)
    }
}
