//! What a check found, typed: violations, instances that could not be decided and blank cells
//! read as 0, each naming its rule, its instance and every cell it read (index, pointer,
//! labels, value, and for a published report where the cell was read from). Text is made when
//! shown ([`super::wording`]), in Chinese or English; [`super::summary_json`] is the JSON view.

use crate::check::op::Op;
use crate::check::outcome::Reason;
use crate::check::rule::{Instance, RuleDef, Side};
use crate::model::cell::Slot;
use crate::model::num::Num;
use crate::model::position::Position;

/// A cell named in a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct CellRef<'f> {
    /// Its index among the form's cells.
    pub index: usize,
    /// Its JSON pointer.
    pub pointer: &'f str,
    /// Labels from the outermost field down to the cell.
    pub labels: &'f [&'static str],
    /// The cell as written: a number, blank, or a mark.
    pub value: Slot,
    /// Where it was read from in a published report; `None` for a form given as JSON (see
    /// [`Summary::locate`]).
    pub source: Option<Position>,
}

/// What a failed instance found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// A comparison that does not hold: both sides as summed (blanks as 0).
    Compare {
        /// The left side's sum.
        lhs: Num,
        /// The operator that does not hold between them.
        op: Op,
        /// The right side's sum.
        rhs: Num,
        /// The side that states the result (a total, a side of one cell), if one does: the
        /// other side says what it should have been.
        result: Option<Side>,
    },
    /// A value outside its range.
    Range {
        /// The value.
        value: Num,
        /// The smallest allowed.
        min: Option<Num>,
        /// The largest allowed.
        max: Option<Num>,
    },
    /// A cell that strict mode requires to hold a number, blank or marked not applicable.
    Blank {
        /// What it holds.
        value: Slot,
    },
}

/// A failed rule instance.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation<'f> {
    /// The rule: its id, severity and wording.
    pub rule: &'f RuleDef,
    /// The instance that failed; `None` for strict mode's rule on one cell.
    pub instance: Option<&'f Instance>,
    /// Where in the form, as labels (a row, or a column for an element-wise rule).
    pub at: &'f [&'static str],
    /// What it found.
    pub found: Found,
    /// Every cell the instance reads.
    pub cells: Vec<CellRef<'f>>,
}

/// A rule instance that could not be decided.
#[derive(Clone, Debug, PartialEq)]
pub struct NotAssessable<'f> {
    /// The rule.
    pub rule: &'f RuleDef,
    /// The instance.
    pub instance: &'f Instance,
    /// Where in the form, as labels.
    pub at: &'f [&'static str],
    /// Why it could not be decided.
    pub reason: Reason,
    /// Every cell the instance reads.
    pub cells: Vec<CellRef<'f>>,
}

/// Blank cells an assessed instance read as 0.
#[derive(Clone, Debug, PartialEq)]
pub struct BlankNote<'f> {
    /// The rule.
    pub rule: &'f RuleDef,
    /// The instance.
    pub instance: &'f Instance,
    /// Where in the form, as labels.
    pub at: &'f [&'static str],
    /// The blank cells.
    pub cells: Vec<CellRef<'f>>,
}

/// Blank cells of one table, block or row ([`crate::check::blanks`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Blanks<'f> {
    /// Where they are and how much of it they cover.
    pub group: crate::check::blanks::CellGroup,
    /// The cells.
    pub cells: Vec<CellRef<'f>>,
}

/// Everything a check found.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary<'f> {
    /// True when no error-severity rule failed.
    pub ok: bool,
    /// Failed instances, in the order the rules are declared (strict mode's cells last).
    pub violations: Vec<Violation<'f>>,
    /// Instances that could not be decided.
    pub not_assessable: Vec<NotAssessable<'f>>,
    /// Blank cells read as 0.
    pub notes: Vec<BlankNote<'f>>,
    /// Every blank cell that was read, grouped by table, block and row.
    pub blanks: Vec<Blanks<'f>>,
    /// In strict mode, the cells without a number (each also a violation), grouped alike.
    pub rejected: Vec<Blanks<'f>>,
    /// The likely wrong cells ([`crate::check::localise`]): each candidate set, its cells
    /// with the values that would make every rule hold. Empty when nothing fails, or when no
    /// set of up to three cells explains the failures.
    pub likely_wrong: Vec<Vec<Likely<'f>>>,
}

/// A cell of a candidate set of likely wrong cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Likely<'f> {
    /// The cell, its value as read.
    pub cell: CellRef<'f>,
    /// The value that would make every rule hold (the nearest, where there are many).
    pub value: Num,
    /// Where no equality determines the value: every value from the first to the second
    /// (either open) makes the rules hold. `None`: `value` is the only one.
    pub allowed: Option<(Option<Num>, Option<Num>)>,
}

impl Likely<'_> {
    /// `改为 5`, `改为 0 至 5642310 之间的数`.
    pub fn fix(&self, lang: crate::model::lang::Lang) -> String {
        fix_text(self.value, self.allowed, lang)
    }
}

/// What to change a likely wrong cell to: `改为 5`, or where the rules leave a range,
/// `改为 0 至 5642310 之间的数`.
pub fn fix_text(
    value: Num,
    allowed: Option<(Option<Num>, Option<Num>)>,
    lang: crate::model::lang::Lang,
) -> String {
    use crate::model::lang::Lang;
    {
        match (allowed, lang) {
            (None, Lang::Zh) => format!("改为 {value}"),
            (None, Lang::En) => format!("to {value}"),
            (Some((Some(l), Some(h))), Lang::Zh) => format!("改为 {l} 至 {h} 之间的数"),
            (Some((Some(l), Some(h))), Lang::En) => format!("to a number from {l} to {h}"),
            (Some((Some(l), None)), Lang::Zh) => format!("改为不小于 {l} 的数"),
            (Some((Some(l), None)), Lang::En) => format!("to a number of at least {l}"),
            (Some((None, Some(h))), Lang::Zh) => format!("改为不大于 {h} 的数"),
            (Some((None, Some(h))), Lang::En) => format!("to a number of at most {h}"),
            (Some((None, None)), Lang::Zh) => format!("改为 {value}"),
            (Some((None, None)), Lang::En) => format!("to {value}"),
        }
    }
}

impl<'f> Summary<'f> {
    /// Every cell the findings name.
    pub fn cells_mut(&mut self) -> impl Iterator<Item = &mut CellRef<'f>> {
        self.violations
            .iter_mut()
            .flat_map(|v| &mut v.cells)
            .chain(self.not_assessable.iter_mut().flat_map(|n| &mut n.cells))
            .chain(self.notes.iter_mut().flat_map(|i| &mut i.cells))
            .chain(
                self.likely_wrong
                    .iter_mut()
                    .flat_map(|set| set.iter_mut().map(|l| &mut l.cell)),
            )
            .chain(self.blanks.iter_mut().flat_map(|b| &mut b.cells))
            .chain(self.rejected.iter_mut().flat_map(|b| &mut b.cells))
    }

    /// Says where each cell came from, for a form read from a published report: `source`
    /// gives a cell's position in the source by its JSON pointer.
    pub fn locate(&mut self, source: impl Fn(&str) -> Option<Position>) {
        for cell in self.cells_mut() {
            cell.source = source(cell.pointer);
        }
    }
}
