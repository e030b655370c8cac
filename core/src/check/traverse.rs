//! One traversal of a form, read two ways.
//!
//! `#[derive(Form)]` writes, for each struct, one traversal of its cells and rules
//! (`Component::rules`, with `add_column`, `add_all` and `each_cell`), generic over a [`Mode`]:
//!
//! - with [`Values`], over a filled form, it sums each rule instance's sides into [`Acc`]s and
//!   hands them to [`Decider`], which decides them with the one
//!   [`settle`](crate::check::eval::settle): that is the check;
//! - with [`Types`], over no form at all, it records which cells each instance reads, its
//!   operator and its constants: that record is the form's table of rule instances
//!   ([`FormInfo::instances`](crate::FormInfo::instances)), which everything else reads.
//!
//! The check and the table are thus one expansion, numbered once, in the order the traversal
//! meets the instances; they cannot disagree on which cells a rule reads.
//!
//! [`Acc`]: crate::check::acc::Acc
//! [`Decider`]: crate::check::decider::Decider

use core::marker::PhantomData;

use crate::check::condition::{Conditional, Gate};
use crate::check::const_str;
use crate::check::eval::Bounds;
use crate::check::op::Op;
use crate::model::cell::{Cell, CellValue};
use crate::model::component::Component;
use crate::model::num::Num;

/// How a traversal reaches the parts of a form.
pub trait Mode: Copy + 'static {
    /// What the traversal holds of a part of type `T`: the part itself, or only its type.
    type Of<'a, T: 'a>: Copy;

    /// The field `field` reaches.
    fn reach<'a, T: 'a, U: 'a>(this: Self::Of<'a, T>, field: fn(&T) -> &U) -> Self::Of<'a, U>;

    /// How a rule's condition on the field `field` reaches stands: read from a filled form;
    /// open when there is none (the description records every instance).
    fn gate<'a, T: 'a, U: Conditional<W> + 'a, W>(
        this: Self::Of<'a, T>,
        field: fn(&T) -> &U,
        wanted: &W,
    ) -> Gate;
}

/// Reading a filled form: its parts and their values.
#[derive(Clone, Copy, Debug)]
pub struct Values;

impl Mode for Values {
    type Of<'a, T: 'a> = &'a T;

    #[inline(always)]
    fn reach<'a, T: 'a, U: 'a>(this: &'a T, field: fn(&T) -> &U) -> &'a U {
        field(this)
    }

    #[inline]
    fn gate<'a, T: 'a, U: Conditional<W> + 'a, W>(
        this: &'a T,
        field: fn(&T) -> &U,
        wanted: &W,
    ) -> Gate {
        field(this).gate(wanted)
    }
}

/// Reading a form's type alone: where its cells are and what its rules read, with no values.
#[derive(Clone, Copy, Debug)]
pub struct Types;

impl Mode for Types {
    type Of<'a, T: 'a> = PhantomData<&'a T>;

    #[inline(always)]
    fn reach<'a, T: 'a, U: 'a>(_: PhantomData<&'a T>, _: fn(&T) -> &U) -> PhantomData<&'a U> {
        PhantomData
    }

    fn gate<'a, T: 'a, U: Conditional<W> + 'a, W>(
        _: PhantomData<&'a T>,
        _: fn(&T) -> &U,
        _: &W,
    ) -> Gate {
        Gate::Open
    }
}

/// One side of a rule instance, as the traversal adds its terms.
pub trait Accumulate<M: Mode>: Default {
    /// Adds (or subtracts) the cell at index `at` of the form.
    fn cell<T: CellValue>(&mut self, cell: M::Of<'_, Cell<T>>, at: usize, negative: bool);

    /// Adds (or subtracts) a constant of the rule.
    fn constant(&mut self, value: Num, negative: bool);

    /// Adds (or subtracts) `part`, summed apart, multiplied by `factor` (`2 * a`).
    fn scaled(&mut self, part: Self, factor: Num, negative: bool);
}

/// What visits every cell of a part, in order.
pub trait Visit<M: Mode> {
    /// The cell at index `at` of the form.
    fn cell<T: CellValue>(&mut self, cell: M::Of<'_, Cell<T>>, at: usize);
}

/// Where the traversal hands each rule instance.
pub trait Sink<M: Mode> {
    /// How a side is summed.
    type Side: Accumulate<M>;

    /// A comparison, declared at `site` on the struct whose cells start at `owner`; `column`
    /// is the column of an element-wise rule; `gate`, how its condition stands (`Open` for a
    /// rule without one); `rounded`, whether the rule allows rounding (`decimals`): a constant
    /// in generated code, so a rule without pays nothing for the look-up.
    #[allow(clippy::too_many_arguments)]
    fn compare(
        &mut self,
        site: Site,
        owner: usize,
        column: Option<usize>,
        lhs: Self::Side,
        op: Op,
        rhs: Self::Side,
        gate: Gate,
        rounded: bool,
    );

    /// A range over every cell of `part`, whose cells start at `at`.
    fn range<T: Component>(
        &mut self,
        site: Site,
        part: M::Of<'_, T>,
        at: usize,
        bounds: &Bounds,
        gate: Gate,
    );
}

/// Where a rule is declared: the struct, and which of its declarations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Site {
    /// The struct's Rust name.
    pub declared_in: &'static str,
    /// Which declaration.
    pub rule: SiteRule,
}

/// Which declaration of a struct a rule is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SiteRule {
    /// Its `check` number `n` (0-based, in declaration order).
    Check(u16),
    /// Its `range` number `n`, over every cell of the struct.
    Range(u16),
    /// The `total` of its field number `n` (among the fields the form sees).
    Total(u16),
    /// The `range` number `k` of its field number `n`.
    FieldRange(u16, u16),
}

/// Compile-time check behind `when(a.b)`: `name` is a field the form sees of the type `reach`
/// reaches (not `#[form(skip)]`).
pub const fn assert_form_field<S, U: Component>(_reach: fn(&S) -> &U, name: &str) {
    let fields = U::FIELDS;
    let mut i = 0;
    while i < fields.len() {
        if const_str::eq(fields[i].0, name) {
            return;
        }
        i += 1;
    }
    panic!(
        "`when(..)` names a field that is `#[form(skip)]`: a condition reads a field of the form"
    )
}

/// The index of the first cell of field `name` of the type `reach` reaches, as `FIELDS`
/// lists them: how a `check` path (`outcomes.total`) finds its cells at compile time.
pub const fn field_offset<S, U: Component>(_reach: fn(&S) -> &U, name: &str) -> usize {
    let fields = U::FIELDS;
    let mut i = 0;
    while i < fields.len() {
        if const_str::eq(fields[i].0, name) {
            return fields[i].1;
        }
        i += 1;
    }
    panic!("no such field (the derive checks check paths)")
}
