//! The findings of a check as JSON, worded in one language: what `baobiao check --format
//! json` prints and what services pass on. Numbers are written exactly as held (serialised
//! directly, never through `f64`); positions are objects (`{"line": 42}`); each finding also
//! carries its typed content (`found`, `reason`) next to its words.

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::check::findings::{BlankNote, CellRef, Found, NotAssessable, Summary, Violation};
use crate::check::outcome::Reason;
use crate::check::rule::{Severity, Side};
use crate::check::wording::join_labels;
use crate::model::cell::Slot;
use crate::model::lang::Lang;
use crate::model::num::Num;
use crate::model::position::Position;

impl<'f> Summary<'f> {
    /// The findings as JSON, worded in `lang`: serialise it (`serde_json::to_string`).
    ///
    /// `{"ok", "violations": [{"rule", "severity", "at", "message", "expected", "actual",
    /// "detail", "found", "cells"}], "not_assessable": [{"rule", "severity", "at", "message",
    /// "reason", "why", "cells"}], "notes": [{"rule", "at", "message", "cells"}],
    /// "likely_wrong": [[{"index", "pointer", "labels", "value", "fix", "source"?}]], "blanks":
    /// [{"at", "extent", "columns"?, "text", "cells"}], "rejected": [..]}` (strict mode's cells
    /// without a number, grouped alike), each
    /// cell `{"index", "pointer", "labels", "value", "source"?}`; `likely_wrong` lists each
    /// smallest set of cells whose change to `fix` makes every rule hold.
    pub fn json(&self, lang: Lang) -> SummaryJson<'_, 'f> {
        SummaryJson {
            summary: self,
            lang,
        }
    }
}

/// [`Summary::json`].
#[derive(Clone, Copy, Debug)]
pub struct SummaryJson<'a, 'f> {
    summary: &'a Summary<'f>,
    lang: Lang,
}

impl Serialize for SummaryJson<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lang = self.lang;
        let s = self.summary;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("ok", &s.ok)?;
        let violations: Vec<_> = s.violations.iter().map(|v| violation(v, lang)).collect();
        map.serialize_entry("violations", &violations)?;
        let not_assessable: Vec<_> = s
            .not_assessable
            .iter()
            .map(|n| not_assessable(n, lang))
            .collect();
        map.serialize_entry("not_assessable", &not_assessable)?;
        let notes: Vec<_> = s.notes.iter().map(|n| note(n, lang)).collect();
        map.serialize_entry("notes", &notes)?;
        let likely: Vec<Vec<LikelyJson<'_>>> = s
            .likely_wrong
            .iter()
            .map(|set| {
                set.iter()
                    .map(|l| LikelyJson {
                        index: l.cell.index,
                        pointer: l.cell.pointer,
                        labels: l.cell.labels,
                        value: l.cell.value,
                        fix: l.value,
                        allowed: l.allowed.map(|(min, max)| Allowed { min, max }),
                        source: l.cell.source,
                    })
                    .collect()
            })
            .collect();
        map.serialize_entry("likely_wrong", &likely)?;
        let blank = lang.pick("空白", "blank");
        let grouped: Vec<BlanksJson<'_>> =
            s.blanks.iter().map(|b| blanks(b, blank, lang)).collect();
        map.serialize_entry("blanks", &grouped)?;
        let unfilled = lang.pick("未填数值", "without a number");
        let rejected: Vec<BlanksJson<'_>> = s
            .rejected
            .iter()
            .map(|b| blanks(b, unfilled, lang))
            .collect();
        map.serialize_entry("rejected", &rejected)?;
        map.end()
    }
}

/// A cell of a candidate set of likely wrong cells: as read (`value`), and the value that
/// would make every rule hold (`fix`).
#[derive(Serialize)]
struct LikelyJson<'f> {
    index: usize,
    pointer: &'f str,
    labels: &'f [&'static str],
    value: Slot,
    fix: Num,
    /// Where the rules leave a range: every value in it would do (`fix` the nearest).
    #[serde(skip_serializing_if = "Option::is_none")]
    allowed: Option<Allowed>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Position>,
}

#[derive(Serialize)]
struct Allowed {
    min: Option<Num>,
    max: Option<Num>,
}

/// Blank cells of one table, block or row.
#[derive(Serialize)]
struct BlanksJson<'f> {
    /// The labels of the table, block or row.
    at: &'f [&'static str],
    /// `table`, `block`, `row`, `cell` (a row of one cell) or `cells` (some cells of one
    /// row, with their `columns`).
    extent: &'static str,
    /// For `cells`: the columns' labels.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    columns: &'f [String],
    /// In words.
    text: String,
    cells: Vec<CellJson<'f>>,
}

fn blanks<'f>(b: &'f crate::check::findings::Blanks<'f>, what: &str, lang: Lang) -> BlanksJson<'f> {
    use crate::check::blanks::Extent;
    let (extent, columns): (&str, &[String]) = match &b.group.extent {
        Extent::Table => ("table", &[]),
        Extent::Block => ("block", &[]),
        Extent::Row => ("row", &[]),
        Extent::Cell => ("cell", &[]),
        Extent::Cells(columns) => ("cells", columns),
    };
    BlanksJson {
        at: &b.group.labels,
        extent,
        columns,
        text: b.group.describe(what, lang),
        cells: cells(&b.cells),
    }
}

#[derive(Serialize)]
struct CellJson<'f> {
    index: usize,
    pointer: &'f str,
    labels: &'f [&'static str],
    value: Slot,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Position>,
}

fn cells<'f>(cells: &[CellRef<'f>]) -> Vec<CellJson<'f>> {
    cells
        .iter()
        .map(|c| CellJson {
            index: c.index,
            pointer: c.pointer,
            labels: c.labels,
            value: c.value,
            source: c.source,
        })
        .collect()
}

#[derive(Serialize)]
struct ViolationJson<'f> {
    rule: &'f str,
    severity: Severity,
    at: String,
    message: &'f str,
    expected: String,
    actual: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    detail: String,
    found: FoundJson,
    cells: Vec<CellJson<'f>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<WhenJson<'f>>,
}

/// A rule's condition, for machines: the field it reads and the value that makes it apply.
#[derive(Serialize)]
struct WhenJson<'f> {
    pointer: &'f str,
    labels: &'f [&'static str],
    value: &'f serde_json::Value,
}

fn when_json(when: Option<&crate::check::condition::When>) -> Option<WhenJson<'_>> {
    when.map(|w| WhenJson {
        pointer: &w.pointer,
        labels: &w.labels,
        value: &w.value,
    })
}

/// [`Found`], typed, for machines.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum FoundJson {
    Compare {
        lhs: Num,
        op: &'static str,
        rhs: Num,
        #[serde(skip_serializing_if = "Option::is_none")]
        result: Option<Side>,
    },
    Range {
        value: Num,
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<Num>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<Num>,
    },
    Blank {
        value: Slot,
    },
}

fn violation<'f>(v: &Violation<'f>, lang: Lang) -> ViolationJson<'f> {
    let found = match v.found {
        Found::Compare {
            lhs,
            op,
            rhs,
            result,
        } => FoundJson::Compare {
            lhs,
            op: op.symbol(),
            rhs,
            result,
        },
        Found::Range { value, min, max } => FoundJson::Range { value, min, max },
        Found::Blank { value } => FoundJson::Blank { value },
    };
    ViolationJson {
        rule: v.id(),
        severity: v.rule.severity,
        at: join_labels(v.at),
        message: v.message(lang),
        expected: v.expected(lang),
        actual: v.actual(lang),
        detail: v.detail(lang),
        found,
        cells: cells(&v.cells),
        when: when_json(v.condition()),
    }
}

#[derive(Serialize)]
struct NotAssessableJson<'f> {
    rule: &'f str,
    severity: Severity,
    at: String,
    message: &'f str,
    reason: ReasonJson,
    why: &'static str,
    cells: Vec<CellJson<'f>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<WhenJson<'f>>,
}

/// [`Reason`], typed, for machines.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum ReasonJson {
    ResultBlank { side: Side },
    SideBlank { side: Side },
    Overflow,
    ConditionUnknown,
    Unread,
}

fn not_assessable<'f>(n: &NotAssessable<'f>, lang: Lang) -> NotAssessableJson<'f> {
    NotAssessableJson {
        rule: &n.rule.id,
        severity: n.rule.severity,
        at: join_labels(n.at),
        message: n.message(lang),
        reason: match n.reason {
            Reason::ResultBlank(side) => ReasonJson::ResultBlank { side },
            Reason::SideBlank(side) => ReasonJson::SideBlank { side },
            Reason::Overflow => ReasonJson::Overflow,
            Reason::ConditionUnknown => ReasonJson::ConditionUnknown,
            Reason::Unread => ReasonJson::Unread,
        },
        why: n.reason.describe(lang),
        cells: cells(&n.cells),
        when: when_json(n.condition()),
    }
}

#[derive(Serialize)]
struct NoteJson<'f> {
    rule: &'f str,
    at: String,
    message: &'static str,
    cells: Vec<CellJson<'f>>,
}

fn note<'f>(n: &BlankNote<'f>, lang: Lang) -> NoteJson<'f> {
    NoteJson {
        rule: &n.rule.id,
        at: join_labels(n.at),
        message: n.message(lang),
        cells: cells(&n.cells),
    }
}
