//! [`Report`]: the outcome of checking one filled form.
//!
//! The report keeps every instance's decision; the findings (violations, instances not
//! assessable, blank cells read as 0) are derived from them on request, typed
//! ([`crate::check::findings`]). Every finding names its rule and every cell involved.

use std::cell::OnceCell;

use crate::check::eval;
use crate::check::findings::{BlankNote, CellRef, Found, NotAssessable, Summary, Violation};
use crate::check::outcome::{CheckOptions, Decisions, Outcome, Status};
use crate::check::rule::{Body, RuleDef, Severity, strict_blank};
use crate::model::cell::Slot;
use crate::model::form::Form;
use crate::model::info::FormInfo;
use crate::model::num::Num;

/// The outcome of checking one filled form.
///
/// It borrows the form: the cells' values are read again only when an item needs them (a
/// violation's cells, blank-cell notes, strict mode), so a check that finds nothing costs no
/// more than the rules themselves.
pub struct Report<'f> {
    info: &'f FormInfo,
    form: Option<&'f dyn Gather>,
    slots: OnceCell<Vec<Slot>>,
    decisions: Decisions,
    outcomes: OnceCell<Vec<Outcome>>,
    options: CheckOptions,
    /// Cells not read from the published report (by index): the instances reading them are
    /// not assessable, and strict mode does not count them as blanks.
    unread: Vec<bool>,
}

/// A filled form whose cells can be read again.
trait Gather {
    fn gather(&self) -> Vec<Slot>;
}

impl<F: Form> Gather for F {
    fn gather(&self) -> Vec<Slot> {
        self.slots()
    }
}

impl core::fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Report")
            .field("outcomes", &self.outcomes())
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<'f> Report<'f> {
    /// Checks `slots` (a form's cells, in declaration order) against every rule of `info`,
    /// through the form's table of instances.
    pub fn from_slots(info: &'f FormInfo, slots: Vec<Slot>, options: CheckOptions) -> Report<'f> {
        let outcomes = eval::evaluate(info, &slots);
        let mut decisions = Decisions::with_capacity(outcomes.len());
        for o in &outcomes {
            decisions.push(o.instance, o.status, o.blanks);
        }
        Report {
            info,
            form: None,
            slots: OnceCell::from(slots),
            decisions,
            outcomes: OnceCell::from(outcomes),
            options,
            unread: Vec::new(),
        }
    }

    /// This report with the cells `unread` (indices of the form's cells) taken as not read
    /// from the published report: every instance that reads one is not assessable
    /// ([`Reason::Unread`](crate::check::outcome::Reason::Unread)) whatever the blank read in
    /// its place gave, and the rest stand as decided.
    pub fn with_unread(mut self, unread: &[usize]) -> Report<'f> {
        if unread.is_empty() {
            return self;
        }
        let mut flags = vec![false; self.info.cells.len()];
        for &i in unread {
            if let Some(f) = flags.get_mut(i) {
                *f = true;
            }
        }
        let outcomes: Vec<Outcome> = self.decisions.outcomes().collect();
        let mut decisions = Decisions::with_capacity(outcomes.len());
        let mut kept = Vec::with_capacity(outcomes.len());
        for mut o in outcomes {
            let instance = &self.info.instances[o.instance];
            if instance.cells().iter().any(|&c| flags[c]) {
                o.status = Status::NotAssessable(crate::check::outcome::Reason::Unread);
                o.blanks = 0;
            }
            decisions.push(o.instance, o.status, o.blanks);
            kept.push(o);
        }
        self.decisions = decisions;
        self.outcomes = OnceCell::from(kept);
        self.unread = flags;
        self
    }

    /// The report of the `decisions` made for `form`.
    pub(crate) fn of_form<F: Form>(
        info: &'f FormInfo,
        form: &'f F,
        decisions: Decisions,
        options: CheckOptions,
    ) -> Report<'f> {
        Report {
            info,
            form: Some(form),
            slots: OnceCell::new(),
            decisions,
            outcomes: OnceCell::new(),
            options,
            unread: Vec::new(),
        }
    }

    /// The likely wrong cells: the fewest whose change makes every failing rule hold, with
    /// the values that would ([`crate::check::localise`]).
    pub fn likely_wrong(&self) -> crate::check::localise::Localisation {
        crate::check::localise::localise(self.info, self.slots(), self.outcomes(), &self.unread)
    }

    /// The form checked.
    pub fn form(&self) -> &'f FormInfo {
        self.info
    }

    /// Every evaluated instance's outcome, in instance order.
    pub fn outcomes(&self) -> &[Outcome] {
        self.outcomes
            .get_or_init(|| self.decisions.outcomes().collect())
    }

    /// The cell at `index` (of the form's cells) as checked.
    pub fn cell(&self, index: usize) -> Slot {
        self.slots().get(index).copied().unwrap_or(Slot::Blank)
    }

    /// The form's cells as checked.
    pub fn slots(&self) -> &[Slot] {
        self.slots
            .get_or_init(|| self.form.map_or_else(Vec::new, |f| f.gather()))
    }

    /// Cells that strict mode rejects (blank or not applicable); empty when not strict.
    pub fn strict_blanks(&self) -> Vec<usize> {
        if !self.options.strict {
            return Vec::new();
        }
        (0..self.slots().len())
            .filter(|&i| self.cell(i).num().is_none() && self.was_read(i))
            .collect()
    }

    /// Whether cell `index` was read (a cell of a published report may not have been).
    fn was_read(&self, index: usize) -> bool {
        !self.unread.get(index).copied().unwrap_or(false)
    }

    /// For each cell, whether it is blank and was read (a cell not read is not blank).
    pub fn blank_cells(&self) -> Vec<bool> {
        (0..self.slots().len())
            .map(|i| self.cell(i) == Slot::Blank && self.was_read(i))
            .collect()
    }

    /// The blank cells that were read, grouped by table, block and row.
    pub fn blank_groups(&self) -> Vec<crate::check::blanks::CellGroup> {
        crate::check::blanks::group(self.info, &self.blank_cells())
    }

    fn with_cells(
        &self,
        groups: Vec<crate::check::blanks::CellGroup>,
    ) -> Vec<crate::check::findings::Blanks<'f>> {
        groups
            .into_iter()
            .map(|group| crate::check::findings::Blanks {
                cells: self.cell_refs(&group.cells),
                group,
            })
            .collect()
    }

    /// The cells strict mode rejects, grouped by table, block and row.
    pub fn strict_groups(&self) -> Vec<crate::check::blanks::CellGroup> {
        let mut rejected = vec![false; self.slots().len()];
        for i in self.strict_blanks() {
            rejected[i] = true;
        }
        crate::check::blanks::group(self.info, &rejected)
    }

    /// True when no error-severity rule failed (strict blanks included).
    pub fn is_ok(&self) -> bool {
        let failed = self.decisions.outcomes().any(|o| {
            matches!(o.status, Status::Fail { .. }) && self.rule_of(&o).severity == Severity::Error
        });
        !failed && self.strict_blanks().is_empty()
    }

    fn rule_of(&self, outcome: &Outcome) -> &'f RuleDef {
        &self.info.rules[self.info.instances[outcome.instance].rule]
    }

    fn cell_ref(&self, index: usize) -> CellRef<'f> {
        let cell = &self.info.cells[index];
        CellRef {
            index,
            pointer: &cell.pointer,
            labels: &cell.labels,
            value: self.cell(index),
            source: None,
        }
    }

    fn cell_refs(&self, cells: &[usize]) -> Vec<CellRef<'f>> {
        cells.iter().map(|&i| self.cell_ref(i)).collect()
    }

    /// Every failed instance, in the order the rules are declared; in strict mode, then every
    /// cell that holds no number.
    pub fn violations(&self) -> Vec<Violation<'f>> {
        let mut out: Vec<Violation<'f>> = self
            .decisions
            .outcomes()
            .filter_map(|o| match o.status {
                Status::Fail { lhs, rhs } => Some(self.violation(&o, lhs, rhs)),
                _ => None,
            })
            .collect();
        for index in self.strict_blanks() {
            let cell = self.cell_ref(index);
            out.push(Violation {
                rule: strict_blank(),
                instance: None,
                at: cell.labels,
                found: Found::Blank { value: cell.value },
                cells: vec![cell],
            });
        }
        out
    }

    fn violation(&self, outcome: &Outcome, lhs: Num, rhs: Num) -> Violation<'f> {
        let instance = &self.info.instances[outcome.instance];
        let found = match &instance.body {
            Body::Compare { op, result, .. } => Found::Compare {
                lhs,
                op: *op,
                rhs,
                result: *result,
            },
            Body::Range { min, max, .. } => Found::Range {
                value: lhs,
                min: *min,
                max: *max,
            },
        };
        Violation {
            rule: self.rule_of(outcome),
            instance: Some(instance),
            at: &instance.at,
            found,
            cells: self.cell_refs(&instance.cells()),
        }
    }

    /// Every instance that could not be decided.
    pub fn not_assessable(&self) -> Vec<NotAssessable<'f>> {
        self.decisions
            .outcomes()
            .filter_map(|o| match o.status {
                Status::NotAssessable(reason) => {
                    let instance = &self.info.instances[o.instance];
                    Some(NotAssessable {
                        rule: self.rule_of(&o),
                        instance,
                        at: &instance.at,
                        reason,
                        cells: self.cell_refs(&instance.cells()),
                    })
                }
                _ => None,
            })
            .collect()
    }

    /// Blank cells that assessed instances read as 0, by instance.
    pub fn notes(&self) -> Vec<BlankNote<'f>> {
        self.decisions
            .outcomes()
            .filter(|o| o.blanks > 0 && !matches!(o.status, Status::NotAssessable(_)))
            .map(|o| {
                let instance = &self.info.instances[o.instance];
                let blanks: Vec<usize> = instance
                    .cells()
                    .into_iter()
                    .filter(|&c| self.cell(c).num().is_none())
                    .collect();
                BlankNote {
                    rule: self.rule_of(&o),
                    instance,
                    at: &instance.at,
                    cells: self.cell_refs(&blanks),
                }
            })
            .collect()
    }

    /// Everything the check found.
    pub fn summary(&self) -> Summary<'f> {
        let violations = self.violations();
        // Sought only where something fails.
        let likely_wrong = if violations.iter().all(|v| v.instance.is_none()) {
            Vec::new()
        } else {
            self.likely_wrong()
                .candidates
                .into_iter()
                .map(|set| {
                    set.into_iter()
                        .map(|change| crate::check::findings::Likely {
                            cell: self.cell_ref(change.cell),
                            value: change.value,
                            allowed: change.allowed,
                        })
                        .collect()
                })
                .collect()
        };
        Summary {
            ok: self.is_ok(),
            violations,
            not_assessable: self.not_assessable(),
            notes: self.notes(),
            blanks: self.with_cells(self.blank_groups()),
            rejected: self.with_cells(self.strict_groups()),
            likely_wrong,
        }
    }
}
