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
use crate::model::cell::{Cell, CellValue, Slot, ValueKind};
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

    /// Hands `f` the cell a cell that may be absent holds: with values, its own, or a blank
    /// where it is absent (to the rules an absent cell is blank); with types alone, its type.
    fn present<T: CellValue, R>(
        this: Self::Of<'_, Option<Cell<T>>>,
        f: impl FnOnce(Self::Of<'_, Cell<T>>) -> R,
    ) -> R;

    /// Visits the cells of repeated rows: with values, each column of the rows as one cell (see
    /// [`Visit::rows`]); with types alone, the row type's cells once, numbered as the columns.
    fn each_cell_of_rows<R: Component, V: Visit<Self>>(
        rows: Self::Of<'_, Vec<R>>,
        at: usize,
        visit: &mut V,
    );

    /// Adds what `add` takes of each of the repeated `rows` into `acc`: each cell of the row
    /// type summed over the rows as one cell ([`Accumulate::rows`]).
    fn add_rows<R: Component, A: Accumulate<Self>>(
        rows: Self::Of<'_, Vec<R>>,
        at: usize,
        add: RowsPart,
        acc: &mut A,
        negative: bool,
    );
}

/// What of each repeated row a sum takes.
#[derive(Clone, Copy, Debug)]
pub enum RowsPart {
    /// Column `n` of the row type.
    Column(usize),
    /// What the row type adds to a sum of single cells ([`Component::add_all`]).
    All,
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

    #[inline]
    fn present<T: CellValue, R>(this: &Option<Cell<T>>, f: impl FnOnce(&Cell<T>) -> R) -> R {
        match this {
            Some(cell) => f(cell),
            None => f(&Cell::Blank),
        }
    }

    fn each_cell_of_rows<R: Component, V: Visit<Values>>(rows: &Vec<R>, at: usize, visit: &mut V) {
        let mut kinds = Kinds(Vec::with_capacity(R::CELLS));
        R::each_cell::<Types, _>(PhantomData, 0, &mut kinds);
        let mut columns = Columns(vec![Vec::with_capacity(rows.len()); R::CELLS]);
        for row in rows {
            R::each_cell::<Values, _>(row, 0, &mut columns);
        }
        for ((column, cells), kind) in columns.0.iter().enumerate().zip(kinds.0) {
            visit.rows(at + column, kind, cells);
        }
    }

    fn add_rows<R: Component, A: Accumulate<Values>>(
        rows: &Vec<R>,
        at: usize,
        add: RowsPart,
        acc: &mut A,
        negative: bool,
    ) {
        // Each cell index gets its own sum over the rows: a column is one cell of the rule.
        let mut parts = ByCell::<A>(Vec::new());
        for row in rows {
            match add {
                RowsPart::Column(column) => {
                    R::add_column::<Values, _>(row, at, column, &mut parts, false);
                }
                RowsPart::All => R::add_all::<Values, _>(row, at, &mut parts, false),
            }
        }
        if rows.is_empty() {
            // No rows: every column the sum takes is 0, a cell read that is not blank.
            let mut types = Cells(Vec::new());
            match add {
                RowsPart::Column(column) => {
                    R::add_column::<Types, _>(PhantomData, at, column, &mut types, false);
                }
                RowsPart::All => R::add_all::<Types, _>(PhantomData, at, &mut types, false),
            }
            for _ in types.0 {
                acc.rows(A::default(), negative);
            }
            return;
        }
        for (_, part) in parts.0 {
            acc.rows(part, negative);
        }
    }
}

/// The cells of each column of repeated rows, as slots.
struct Columns(Vec<Vec<Slot>>);

impl Visit<Values> for Columns {
    fn cell<T: CellValue>(&mut self, cell: &Cell<T>, at: usize) {
        if let Some(column) = self.0.get_mut(at) {
            column.push(cell.slot());
        }
    }

    fn rows(&mut self, at: usize, _: ValueKind, cells: &[Slot]) {
        // Rows within a repeated row stand as their columns' sums.
        if let Some(column) = self.0.get_mut(at) {
            column.push(crate::check::eval::rows_slot(cells));
        }
    }
}

/// The kinds of a row type's cells, in order.
struct Kinds(Vec<ValueKind>);

impl Visit<Types> for Kinds {
    fn cell<T: CellValue>(&mut self, _: PhantomData<&Cell<T>>, _: usize) {
        self.0.push(T::KIND);
    }

    fn rows(&mut self, _: usize, kind: ValueKind, _: &[Slot]) {
        self.0.push(kind);
    }
}

/// One sum per cell index: the parts of a sum over repeated rows, column by column.
struct ByCell<A>(Vec<(usize, A)>);

impl<A: Accumulate<Values>> ByCell<A> {
    fn part(&mut self, at: usize) -> &mut A {
        let index = match self.0.iter().position(|(i, _)| *i == at) {
            Some(index) => index,
            None => {
                self.0.push((at, A::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[index].1
    }
}

impl<A: Accumulate<Values>> Default for ByCell<A> {
    fn default() -> Self {
        ByCell(Vec::new())
    }
}

impl<A: Accumulate<Values>> Accumulate<Values> for ByCell<A> {
    fn cell<T: CellValue>(&mut self, cell: &Cell<T>, at: usize, negative: bool) {
        self.part(at).cell(cell, at, negative);
    }

    fn constant(&mut self, value: Num, negative: bool) {
        // A row type adds cells only; a constant would belong to no column.
        self.part(usize::MAX).constant(value, negative);
    }

    fn scaled(&mut self, part: Self, factor: Num, negative: bool) {
        for (at, part) in part.0 {
            self.part(at).scaled(part, factor, negative);
        }
    }

    fn rows(&mut self, part: Self, negative: bool) {
        for (at, part) in part.0 {
            self.part(at).rows(part, negative);
        }
    }
}

/// The cell indices a sum reads, with no values: which columns a sum over no rows takes.
#[derive(Default)]
struct Cells(Vec<usize>);

impl Accumulate<Types> for Cells {
    fn cell<T: CellValue>(&mut self, _: PhantomData<&Cell<T>>, at: usize, _: bool) {
        self.0.push(at);
    }
    fn constant(&mut self, _: Num, _: bool) {}
    fn scaled(&mut self, part: Self, _: Num, _: bool) {
        self.0.extend(part.0);
    }
    fn rows(&mut self, part: Self, _: bool) {
        self.0.extend(part.0);
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

    fn present<T: CellValue, R>(
        _: PhantomData<&Option<Cell<T>>>,
        f: impl FnOnce(PhantomData<&Cell<T>>) -> R,
    ) -> R {
        f(PhantomData)
    }

    fn each_cell_of_rows<R: Component, V: Visit<Types>>(
        _: PhantomData<&Vec<R>>,
        at: usize,
        visit: &mut V,
    ) {
        R::each_cell::<Types, _>(PhantomData, at, visit);
    }

    fn add_rows<R: Component, A: Accumulate<Types>>(
        _: PhantomData<&Vec<R>>,
        at: usize,
        add: RowsPart,
        acc: &mut A,
        negative: bool,
    ) {
        // The columns' cells stand for the rows: recorded once, as the cells of the table.
        let mut part = A::default();
        match add {
            RowsPart::Column(column) => {
                R::add_column::<Types, _>(PhantomData, at, column, &mut part, false);
            }
            RowsPart::All => R::add_all::<Types, _>(PhantomData, at, &mut part, false),
        }
        acc.rows(part, negative);
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

    /// Adds (or subtracts) `part`, one column of repeated rows summed apart, as one cell: its
    /// sum, blank when it has rows and every one is blank (or not applicable).
    fn rows(&mut self, part: Self, negative: bool);
}

/// What visits every cell of a part, in order.
pub trait Visit<M: Mode> {
    /// The cell at index `at` of the form.
    fn cell<T: CellValue>(&mut self, cell: M::Of<'_, Cell<T>>, at: usize);

    /// The cell at index `at` of the form that is a column of repeated rows: `cells` are its
    /// rows' cells, in order. Only a traversal with values has them.
    fn rows(&mut self, at: usize, kind: ValueKind, cells: &[Slot]);
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
