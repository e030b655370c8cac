//! The findings of a check in words, Chinese or English: made when shown, from the typed
//! findings and the rule's own wording.

use crate::check::findings::{BlankNote, CellRef, Found, NotAssessable, Violation};
use crate::check::op::Op;
use crate::check::outcome::Reason;
use crate::check::rule::{Body, Operand, Side, Term};
use crate::model::cell::Slot;
use crate::model::lang::Lang;
use crate::model::num::Num;

/// Labels joined for display: `三、… › （七）总计`.
pub fn join_labels(labels: &[&str]) -> String {
    labels.join(" › ")
}

impl Found {
    /// What the rule requires, in `lang`: the value the stated result should have been (`12`,
    /// `>= 3`), the range (`0 ..= 100`), or a number.
    pub fn expected(&self, lang: Lang) -> String {
        match *self {
            Found::Compare {
                lhs,
                op,
                rhs,
                result,
            } => {
                let (op, expected) = match result {
                    Some(Side::Rhs) => (op.flipped(), lhs),
                    _ => (op, rhs),
                };
                match op {
                    Op::Eq => expected.to_string(),
                    op => format!("{} {expected}", op.symbol()),
                }
            }
            Found::Range { min, max, .. } => match (min, max) {
                (Some(min), Some(max)) => format!("{min} ..= {max}"),
                (Some(min), None) => format!(">= {min}"),
                (None, Some(max)) => format!("<= {max}"),
                (None, None) => String::new(),
            },
            Found::Blank { .. } => lang.pick("数值", "a number").to_owned(),
        }
    }

    /// What was found, in `lang`: the stated result, the value, or what the cell holds.
    pub fn actual(&self, lang: Lang) -> String {
        match *self {
            Found::Compare {
                rhs,
                result: Some(Side::Rhs),
                ..
            } => rhs.to_string(),
            Found::Compare { lhs, .. } => lhs.to_string(),
            Found::Range { value, .. } => value.to_string(),
            Found::Blank { value } => value.describe(lang),
        }
    }
}

impl Reason {
    /// Why the instance could not be decided, in `lang`.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
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
            Reason::ConditionUnknown => lang.pick(
                "规则的适用条件所在单元格未填写，无法判断是否适用",
                "the field the rule's condition reads is blank, so whether it applies is unknown",
            ),
            Reason::Unread => lang.pick(
                "规则涉及的单元格未能从报告中读取，无法核验",
                "a cell the rule reads was not read from the report, so the rule cannot be assessed",
            ),
        }
    }
}

impl CellRef<'_> {
    /// The cell's labels joined for display.
    pub fn label_path(&self) -> String {
        join_labels(self.labels)
    }
}

impl<'f> Violation<'f> {
    /// The condition under which the rule applies (`when(..)`), if it has one: it held, and
    /// the field it reads is not among [`Violation::cells`], which are numbers.
    pub fn condition(&self) -> Option<&'f crate::check::condition::When> {
        self.instance.and_then(|i| i.when.as_ref())
    }

    /// The rule's id.
    pub fn id(&self) -> &'f str {
        &self.rule.id
    }

    /// The rule's wording in `lang`.
    pub fn message(&self, lang: Lang) -> &'f str {
        self.rule.message(lang)
    }

    /// Where in the form, labels joined.
    pub fn location(&self) -> String {
        join_labels(self.at)
    }

    /// What the rule requires ([`Found::expected`]).
    pub fn expected(&self, lang: Lang) -> String {
        self.found.expected(lang)
    }

    /// What was found ([`Found::actual`]).
    pub fn actual(&self, lang: Lang) -> String {
        self.found.actual(lang)
    }

    /// Both sides with their cells, in `lang`:
    /// `一、…(12) + 二、…(0) = 12 ≠ （七）总计(11) + 四、…(0) = 11；差额 1`. Empty for a range
    /// or a blank. Long sums name only the cells that are not 0 and count the rest.
    pub fn detail(&self, lang: Lang) -> String {
        let (Some(instance), Found::Compare { lhs, op, rhs, .. }) = (self.instance, self.found)
        else {
            return String::new();
        };
        let Body::Compare {
            lhs: left,
            rhs: right,
            ..
        } = &instance.body
        else {
            return String::new();
        };
        let names = short_names(&self.cells);
        let side = |terms: &[Term], total: Num| {
            // A side of constants alone is its value: `≠ 0`, not `≠ 0 = 0`.
            if terms.iter().all(|t| matches!(t.operand, Operand::Const(_))) {
                return total.to_string();
            }
            format!("{} = {total}", terms_text(terms, &self.cells, &names, lang))
        };
        let mut difference = lhs.checked_sub(rhs).map_or_else(String::new, |d| {
            format!("{}{d}", lang.pick("；差额 ", "; difference "))
        });
        if let Some(tolerance) = instance.tolerance() {
            difference.push_str(&format!(
                "{}{tolerance}",
                lang.pick(
                    "，超出舍入允许的 ±",
                    ", beyond the ± allowed for rounding: "
                )
            ));
        }
        format!(
            "{} {} {}{difference}",
            side(left, lhs),
            op.failed_symbol(),
            side(right, rhs)
        )
    }
}

impl<'f> NotAssessable<'f> {
    /// The condition under which the rule applies (`when(..)`), if it has one: the field it
    /// reads is not among [`NotAssessable::cells`], which are numbers.
    pub fn condition(&self) -> Option<&'f crate::check::condition::When> {
        self.instance.when.as_ref()
    }

    /// The rule's wording in `lang`.
    pub fn message(&self, lang: Lang) -> &'f str {
        self.rule.message(lang)
    }

    /// Where in the form, labels joined.
    pub fn location(&self) -> String {
        join_labels(self.at)
    }
}

impl BlankNote<'_> {
    /// What happened, in `lang`.
    pub fn message(&self, lang: Lang) -> &'static str {
        lang.pick("空白单元格按0计算", "blank cells were counted as 0")
    }

    /// Where in the form, labels joined.
    pub fn location(&self) -> String {
        join_labels(self.at)
    }
}

/// One side as text. Long sums name only the cells that are not 0 and count the rest, so the
/// line stays readable; the JSON lists every cell regardless.
fn terms_text(terms: &[Term], cells: &[CellRef<'_>], names: &[String], lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut zeros = 0;
    for term in terms {
        let part = match term.operand {
            Operand::Const(n) => n.to_string(),
            Operand::Cell(c) => {
                let at = cells.iter().position(|cell| cell.index == c);
                let slot = at.map_or(Slot::Blank, |p| cells[p].value);
                if terms.len() > 3 && slot.num() == Some(Num::ZERO) {
                    zeros += 1;
                    continue;
                }
                let name = at.map_or("", |p| names[p].as_str());
                let factor = term.factor.map(|f| format!("{f} × ")).unwrap_or_default();
                format!("{factor}{name}({})", slot.describe(lang))
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

/// Short names for the cells of one instance: their labels without what all of them share at
/// the start (the section) and at the end (the column of an element-wise rule).
fn short_names(cells: &[CellRef<'_>]) -> Vec<String> {
    let labels: Vec<&[&'static str]> = cells.iter().map(|c| c.labels).collect();
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
                join_labels(middle)
            }
        })
        .collect()
}
