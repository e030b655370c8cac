//! Rules between two reports of one reporter: a field of this period's report equals its
//! counterpart in the report for the period before (`#[form(previous(carried_forward))]` on
//! `carried_over`: what a year carries over is what the year before carried forward).
//!
//! One report alone cannot decide them, so they are not among a form's
//! [`instances`](crate::FormInfo::instances): a batch that holds both reports decides them
//! ([`PeriodRule::decide`]), and the schema exports them apart, over `current` and `previous`.

use serde::Serialize;

use crate::check::rule::{RuleMeta, Severity};
use crate::model::cell::Slot;
use crate::model::info::{CellInfo, Placed};
use crate::model::lang::Lang;

/// `#[form(previous(counterpart, id = .., message = ..))]` as the derive declares it.
#[derive(Clone, Debug)]
pub struct PreviousDecl {
    /// The sibling field (its Rust name) of the previous period's report.
    pub counterpart: &'static str,
    /// Id, severity and wording.
    pub meta: RuleMeta,
}

/// A rule between a report and the same reporter's report for the period before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodRule {
    /// Stable id.
    pub id: String,
    /// How serious a failure is.
    pub severity: Severity,
    /// Official wording, Chinese.
    pub message_zh: String,
    /// Wording, English.
    pub message_en: String,
    /// `carried_over == previous.carried_forward`.
    pub expression: String,
    /// Each cell of this period's field with its counterpart in the previous report.
    pub pairs: Vec<PeriodPair>,
}

/// One cell of a period rule: it must equal `previous` of the report before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodPair {
    /// The cell of this period's report (index into [`FormInfo::cells`](crate::FormInfo::cells)).
    pub current: usize,
    /// The cell of the previous period's report it must equal.
    pub previous: usize,
}

/// How one pair of a period rule came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairStatus {
    /// Equal.
    Pass,
    /// Different.
    Fail,
    /// One side is not a number (blank, not applicable, not read): not decided.
    NotAssessable,
}

impl PeriodRule {
    /// The wording in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }

    /// Decides every pair over the cells of this period's report (`current`) and the previous
    /// one's (`previous`), both by cell index. Only numbers are compared: a blank is not taken
    /// as 0 across two reports, since either report may be the one left unfilled.
    pub fn decide(
        &self,
        current: impl Fn(usize) -> Slot,
        previous: impl Fn(usize) -> Slot,
    ) -> Vec<(&PeriodPair, PairStatus)> {
        self.pairs
            .iter()
            .map(|pair| {
                let status = match (current(pair.current), previous(pair.previous)) {
                    (Slot::Num(a), Slot::Num(b)) if a == b => PairStatus::Pass,
                    (Slot::Num(_), Slot::Num(_)) => PairStatus::Fail,
                    _ => PairStatus::NotAssessable,
                };
                (pair, status)
            })
            .collect()
    }
}

/// Every `previous` declared in the placed form, expanded to its pairs of cells. A field and
/// its counterpart have one type (the derive asserts it), so their cells pair in order; cells
/// of repeated rows (`*` in their pointer) are left out, as two reports' rows need not match.
pub(crate) fn rules(form_name: &str, root: &Placed<'_>, cells: &[CellInfo]) -> Vec<PeriodRule> {
    let mut out = Vec::new();
    collect(form_name, root, cells, &mut out);
    out
}

fn collect(form_name: &str, parent: &Placed<'_>, cells: &[CellInfo], out: &mut Vec<PeriodRule>) {
    for child in &parent.children {
        if let Some(decl) = &child.node.field.previous
            && let Some(counterpart) = parent
                .children
                .iter()
                .find(|c| c.node.field.ident == decl.counterpart)
        {
            out.push(rule(form_name, child, counterpart, decl, cells));
        }
        collect(form_name, child, cells, out);
    }
}

fn rule(
    form_name: &str,
    field: &Placed<'_>,
    counterpart: &Placed<'_>,
    decl: &PreviousDecl,
    cells: &[CellInfo],
) -> PeriodRule {
    let count = cells_under(field, cells);
    let pairs = (0..count)
        .map(|i| PeriodPair {
            current: field.start + i,
            previous: counterpart.start + i,
        })
        .filter(|p| !cells[p.current].pointer.contains("/*"))
        .collect();
    let label = |p: &Placed<'_>| p.node.field.label.unwrap_or(p.node.field.ident).to_owned();
    let (this, that) = (label(field), label(counterpart));
    let (ident, other) = (field.node.field.ident, counterpart.node.field.ident);
    PeriodRule {
        id: decl
            .meta
            .id
            .map_or_else(|| format!("{form_name}.{ident}.previous"), str::to_owned),
        severity: decl.meta.severity,
        message_zh: decl
            .meta
            .message
            .map_or_else(|| format!("{this}等于上一期报告的{that}"), str::to_owned),
        message_en: decl.meta.message_en.map_or_else(
            || format!("{this} equals {that} of the previous period's report"),
            str::to_owned,
        ),
        expression: format!("{ident} == previous.{other}"),
        pairs,
    }
}

/// How many cells a placed node holds: its cells are the run from its first whose pointers
/// are its own or under it.
fn cells_under(node: &Placed<'_>, cells: &[CellInfo]) -> usize {
    let under = |c: &&CellInfo| {
        c.pointer
            .strip_prefix(node.pointer.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    cells[node.start.min(cells.len())..]
        .iter()
        .take_while(under)
        .count()
}
