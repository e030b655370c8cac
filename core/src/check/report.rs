//! [`Report`]: the outcome of checking one filled form, and its items for people and machines.
//!
//! The report keeps the form's cells and every instance's outcome; violations, not-assessable
//! instances and blank-cell information are derived from them on request, in Chinese or
//! English. Every item names its rule and every cell involved, by JSON pointer and by labels.

use std::cell::OnceCell;

use serde::Serialize;

use crate::check::eval;
use crate::check::op::Op;
use crate::check::outcome::{CheckOptions, Decisions, Outcome, Reason, Status};
use crate::check::rule::{Body, Operand, RuleDef, Severity, Side, Term};
use crate::model::cell::Slot;
use crate::model::form::Form;
use crate::model::info::FormInfo;
use crate::model::lang::Lang;
use crate::model::num::Num;

/// Id of the strict-mode rule: no cell may be blank or not applicable.
pub const STRICT_BLANK: &str = "BLANK-CELL";

/// A cell named in a report item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CellRef {
    /// JSON pointer to the cell.
    pub pointer: String,
    /// Labels from the outermost field down to the cell.
    pub labels: Vec<&'static str>,
    /// The cell as written: a number, blank, or the mark (in JSON: the number, `null`, or
    /// the mark as a string).
    pub value: Slot,
    /// Where the cell was read from in a published report (`line 42`, `table 2, row 5, cell 3`);
    /// absent for a form given as JSON. Filled in by [`Summary::locate`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A failed rule instance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Violation {
    /// Rule id.
    pub rule: String,
    /// Where in the form (row or column labels).
    pub at: String,
    /// Severity of the rule.
    pub severity: Severity,
    /// The rule's wording.
    pub message: String,
    /// The value the rule requires, exact decimal text.
    pub expected: String,
    /// The value found, exact decimal text.
    pub actual: String,
    /// Both sides with their cells, e.g. `一、…(12) + 二、…(0) = 12；（七）总计(11) + 四、…(0) = 11`.
    pub detail: String,
    /// Every cell the instance reads.
    pub cells: Vec<CellRef>,
}

impl Violation {
    /// The severity's name in `lang`.
    pub fn severity_name(&self, lang: Lang) -> &'static str {
        self.severity.name(lang)
    }
}

/// A rule instance that could not be decided.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NotAssessable {
    /// Rule id.
    pub rule: String,
    /// Where in the form.
    pub at: String,
    /// Severity of the rule.
    pub severity: Severity,
    /// The rule's wording.
    pub message: String,
    /// Why it could not be decided.
    pub reason: String,
    /// Every cell the instance reads.
    pub cells: Vec<CellRef>,
}

/// Information: blank cells a rule read as 0.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Info {
    /// Rule id.
    pub rule: String,
    /// Where in the form.
    pub at: String,
    /// What happened.
    pub message: String,
    /// The blank cells.
    pub cells: Vec<CellRef>,
}

/// The whole outcome of a check, in the JSON shape `baobiao check --format json` prints.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// True when no error-severity rule failed.
    pub ok: bool,
    /// Failed instances.
    pub violations: Vec<Violation>,
    /// Instances that could not be decided.
    pub not_assessable: Vec<NotAssessable>,
    /// Blank cells read as 0.
    pub info: Vec<Info>,
}

impl Summary {
    /// Names where each cell came from, for a form read from a published report: `source`
    /// maps a cell's JSON pointer to its position in the source.
    pub fn locate(&mut self, source: impl Fn(&str) -> Option<String>) {
        let cells = self
            .violations
            .iter_mut()
            .flat_map(|v| &mut v.cells)
            .chain(self.not_assessable.iter_mut().flat_map(|n| &mut n.cells))
            .chain(self.info.iter_mut().flat_map(|i| &mut i.cells));
        for cell in cells {
            cell.source = source(&cell.pointer);
        }
    }
}

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
        }
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
        }
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
            .filter(|&i| self.cell(i).num().is_none())
            .collect()
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

    fn cell_ref(&self, index: usize) -> CellRef {
        let cell = &self.info.cells[index];
        CellRef {
            pointer: cell.pointer.clone(),
            labels: cell.labels.clone(),
            value: self.cell(index),
            source: None,
        }
    }

    fn cell_refs(&self, cells: &[usize]) -> Vec<CellRef> {
        cells.iter().map(|&i| self.cell_ref(i)).collect()
    }

    /// Every failed instance, in the order the rules are declared.
    pub fn violations(&self, lang: Lang) -> Vec<Violation> {
        let mut out: Vec<Violation> = self
            .decisions
            .outcomes()
            .filter_map(|o| match o.status {
                Status::Fail { lhs, rhs } => Some(self.violation(&o, lhs, rhs, lang)),
                _ => None,
            })
            .collect();
        for index in self.strict_blanks() {
            let cell = self.cell_ref(index);
            out.push(Violation {
                rule: STRICT_BLANK.to_owned(),
                at: cell.labels.join(" › "),
                severity: Severity::Error,
                message: lang
                    .pick(
                        "严格模式：单元格必须填写数值，不得为空或填写“/”“—”“无”",
                        "strict mode: the cell must hold a number, not a blank or a not-applicable mark",
                    )
                    .to_owned(),
                expected: lang.pick("数值", "a number").to_owned(),
                actual: self.cell(index).to_string(),
                detail: String::new(),
                cells: vec![cell],
            });
        }
        out
    }

    fn violation(&self, outcome: &Outcome, lhs: Num, rhs: Num, lang: Lang) -> Violation {
        let instance = &self.info.instances[outcome.instance];
        let rule = self.rule_of(outcome);
        let cells = instance.cells();
        let (expected, actual, detail) = match &instance.body {
            Body::Compare {
                lhs: lt,
                op,
                rhs: rt,
                result,
            } => {
                let names = short_names(self.info, &cells);
                let side_text = |terms: &[Term], total: Num| {
                    format!("{} = {total}", self.terms_text(terms, &cells, &names, lang))
                };
                let difference = lhs.checked_sub(rhs).map_or_else(String::new, |d| {
                    format!("{}{d}", lang.pick("；差额 ", "; difference "))
                });
                let detail = format!(
                    "{} {} {}{difference}",
                    side_text(lt, lhs),
                    op.failed_symbol(),
                    side_text(rt, rhs)
                );
                // What the stated result (the left side, unless only the right one is a
                // single cell) should have been, given the other side.
                let (op, expected, actual) = match result {
                    Some(Side::Rhs) => (op.flipped(), lhs, rhs),
                    _ => (*op, rhs, lhs),
                };
                let expected = match op {
                    Op::Eq => expected.to_string(),
                    op => format!("{} {expected}", op.symbol()),
                };
                (expected, actual.to_string(), detail)
            }
            Body::Range { min, max, .. } => {
                let expected = match (min, max) {
                    (Some(min), Some(max)) => format!("{min} ..= {max}"),
                    (Some(min), None) => format!(">= {min}"),
                    (None, Some(max)) => format!("<= {max}"),
                    (None, None) => String::new(),
                };
                (expected, lhs.to_string(), String::new())
            }
        };
        Violation {
            rule: rule.id.clone(),
            at: instance.at.join(" › "),
            severity: rule.severity,
            message: rule.message(lang).to_owned(),
            expected,
            actual,
            detail,
            cells: self.cell_refs(&cells),
        }
    }

    /// One side as text. Long sums name only the cells that are not 0 and count the rest, so
    /// the line stays readable; the JSON output lists every cell regardless.
    fn terms_text(&self, terms: &[Term], cells: &[usize], names: &[String], lang: Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut zeros = 0;
        for term in terms {
            let part = match term.operand {
                Operand::Const(n) => n.to_string(),
                Operand::Cell(c) => {
                    let slot = self.cell(c);
                    if terms.len() > 3 && slot.num() == Some(Num::ZERO) {
                        zeros += 1;
                        continue;
                    }
                    let name = cells
                        .iter()
                        .position(|&x| x == c)
                        .map_or("", |p| names[p].as_str());
                    let value = match slot {
                        Slot::Blank => lang.pick("空白", "blank").to_owned(),
                        other => other.to_string(),
                    };
                    format!("{name}({value})")
                }
            };
            let sign = if term.negative {
                "- "
            } else if parts.is_empty() {
                ""
            } else {
                "+ "
            };
            parts.push(format!("{sign}{part}"));
        }
        if zeros > 0 {
            parts.push(match lang {
                Lang::Zh => format!("（其余{zeros}项为0）"),
                Lang::En => format!("(and {zeros} cells of 0)"),
            });
        }
        if parts.is_empty() {
            "0".to_owned()
        } else {
            parts.join(" ")
        }
    }

    /// Every instance that could not be decided.
    pub fn not_assessable(&self, lang: Lang) -> Vec<NotAssessable> {
        self.decisions
            .outcomes()
            .filter_map(|o| match o.status {
                Status::NotAssessable(reason) => {
                    let instance = &self.info.instances[o.instance];
                    let rule = self.rule_of(&o);
                    Some(NotAssessable {
                        rule: rule.id.clone(),
                        at: instance.at.join(" › "),
                        severity: rule.severity,
                        message: rule.message(lang).to_owned(),
                        reason: reason_text(reason, lang).to_owned(),
                        cells: self.cell_refs(&instance.cells()),
                    })
                }
                _ => None,
            })
            .collect()
    }

    /// Blank cells that assessed instances read as 0.
    pub fn info(&self, lang: Lang) -> Vec<Info> {
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
                Info {
                    rule: self.rule_of(&o).id.clone(),
                    at: instance.at.join(" › "),
                    message: lang
                        .pick("空白单元格按0计算", "blank cells were counted as 0")
                        .to_owned(),
                    cells: self.cell_refs(&blanks),
                }
            })
            .collect()
    }

    /// Everything, in the shape `baobiao check --format json` prints.
    pub fn summary(&self, lang: Lang) -> Summary {
        Summary {
            ok: self.is_ok(),
            violations: self.violations(lang),
            not_assessable: self.not_assessable(lang),
            info: self.info(lang),
        }
    }
}

fn reason_text(reason: Reason, lang: Lang) -> &'static str {
    match reason {
        Reason::ResultBlank(_) => lang.pick(
            "结果单元格为空，无法核验",
            "the stated result is blank, so the rule cannot be assessed",
        ),
        Reason::SideBlank(_) => lang.pick(
            "等式一侧的单元格全部为空，无法核验",
            "every cell on one side is blank, so the rule cannot be assessed",
        ),
        Reason::Overflow => lang.pick(
            "数值超出精确计算的范围",
            "the sum exceeds the range of exact arithmetic",
        ),
    }
}

/// Short names for the cells of one instance: their labels without what all of them share at
/// the start (the section) and at the end (the column of an element-wise rule).
fn short_names(info: &FormInfo, cells: &[usize]) -> Vec<String> {
    let labels: Vec<&[&'static str]> = cells
        .iter()
        .map(|&c| info.cells[c].labels.as_slice())
        .collect();
    let shortest = labels.iter().map(|l| l.len()).min().unwrap_or(0);
    let (prefix, suffix) = if labels.len() > 1 {
        let shared = |pick: fn(&[&'static str], usize) -> &'static str| {
            (0..shortest)
                .take_while(|&k| labels.iter().all(|l| pick(l, k) == pick(labels[0], k)))
                .count()
        };
        let prefix = shared(|l, k| l[k]);
        (
            prefix,
            shared(|l, k| l[l.len() - 1 - k]).min(shortest - prefix),
        )
    } else {
        (0, 0)
    };
    labels
        .iter()
        .map(|l| {
            let middle = &l[prefix..l.len() - suffix];
            if middle.is_empty() {
                l.last().copied().unwrap_or("").to_owned()
            } else {
                middle.join(" › ")
            }
        })
        .collect()
}
