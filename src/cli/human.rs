//! Human-readable output of a check, in Chinese or English.

use std::fmt::Write;

use crate::read::Diagnostic;
use crate::{BlankNote, CellRef, Lang, NotAssessable, Num, Slot, Violation};

use super::check::Checked;

/// How a published report was read: the form it matched and what could not be read.
pub fn reading(title: &str, diagnostics: &[Diagnostic], lang: Lang) -> String {
    let count = diagnostics.len();
    let mut out = match (lang, title.is_empty()) {
        (Lang::Zh, false) => format!("读取：按{title}读取，诊断 {count} 条。\n"),
        (Lang::Zh, true) => format!("读取：诊断 {count} 条。\n"),
        (Lang::En, false) => format!("Read as {title}; {count} diagnostics.\n"),
        (Lang::En, true) => format!("Read; {count} diagnostics.\n"),
    };
    for d in diagnostics {
        let _ = writeln!(out, "! {}", d.describe(lang));
    }
    out
}

/// The diagnostics as JSON, worded in `lang`.
pub fn diagnostics_json(diagnostics: &[Diagnostic], lang: Lang) -> Vec<serde_json::Value> {
    diagnostics.iter().map(|d| d.to_json(lang)).collect()
}

pub fn render(file: &str, checked: &Checked<'_>, lang: Lang) -> String {
    let mut out = String::new();
    let summary = &checked.summary;
    let passed = checked.passed;
    let _ = writeln!(
        out,
        "{} {} ({})",
        lang.pick("检查", "Checked"),
        file,
        checked.title
    );
    let outcome = match (summary.ok, lang) {
        (true, Lang::Zh) => "通过",
        (false, Lang::Zh) => "未通过",
        (true, Lang::En) => "passed",
        (false, Lang::En) => "failed",
    };
    // A published report's verdict says first how complete the reading was; what was not read
    // is not assessed, so an incomplete reading passes only as far as it went.
    let verdict = match &checked.completeness {
        None => outcome.to_owned(),
        Some(c) if c.is_complete() => match lang {
            Lang::Zh => format!("{}，{outcome}", c.describe(lang)),
            Lang::En => format!("{}, {outcome}", c.describe(lang)),
        },
        Some(c) => match lang {
            Lang::Zh => format!("{}；已读取的部分{outcome}", c.describe(lang)),
            Lang::En => format!("{}; what was read {outcome}", c.describe(lang)),
        },
    };
    let (instances, violated) = (checked.instances, summary.violations.len());
    let (unassessed, noted) = (summary.not_assessable.len(), summary.notes.len());
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "结论：{verdict}。规则实例 {instances} 条：通过 {passed}，不符合 {violated}，无法核验 {unassessed}；空白单元格提示 {noted} 条。",
        ),
        Lang::En => writeln!(
            out,
            "Result: {verdict}. {instances} rule instances: {passed} passed, {violated} violated, {unassessed} not assessable; {noted} blank-cell notes.",
        ),
    };

    likely_wrong(&mut out, summary, lang);
    violations(&mut out, &summary.violations, lang);
    if !checked.failing_tables.is_empty() {
        let _ = writeln!(
            out,
            "\n{}\n{}",
            lang.pick(
                "有误的表格（标出的单元格）：",
                "Tables with failures (cells marked):"
            ),
            checked.failing_tables
        );
    }
    not_assessable(&mut out, &summary.not_assessable, lang);
    notes(&mut out, &summary.notes, lang);
    out
}

/// The likely wrong cells, first: the fewest whose change makes every rule hold.
fn likely_wrong(out: &mut String, summary: &crate::Summary<'_>, lang: Lang) {
    if summary.violations.is_empty() {
        return;
    }
    let change = |l: &crate::Likely<'_>| {
        let source = l
            .cell
            .source
            .map(|s| match lang {
                Lang::Zh => format!("（{}）", s.describe(lang)),
                Lang::En => format!(" ({})", s.describe(lang)),
            })
            .unwrap_or_default();
        match lang {
            Lang::Zh => format!(
                "{} = {}{source}，{}",
                l.cell.label_path(),
                l.cell.value.describe(lang),
                l.fix(lang)
            ),
            Lang::En => format!(
                "{} = {}{source}, {}",
                l.cell.label_path(),
                l.cell.value.describe(lang),
                l.fix(lang)
            ),
        }
    };
    let set = |set: &[crate::Likely<'_>]| {
        let joined: Vec<String> = set.iter().map(change).collect();
        joined.join(lang.pick("；", "; "))
    };
    let _ = match summary.likely_wrong.as_slice() {
        [] => {
            let most = crate::MAX_LIKELY_CELLS;
            match lang {
                Lang::Zh => writeln!(
                    out,
                    "最可能有误：未找到改动 {most} 处以内即可使不符合的规则全部成立的单元格"
                ),
                Lang::En => writeln!(
                    out,
                    "Likely wrong: no set of up to {most} cells whose change makes every failing rule hold"
                ),
            }
        }
        [only] => match lang {
            Lang::Zh => writeln!(out, "最可能有误：{}，则不符合的规则全部成立。", set(only)),
            Lang::En => writeln!(
                out,
                "Likely wrong: {}, and every failing rule holds.",
                set(only)
            ),
        },
        many => {
            let size = many[0].len();
            let _ = match lang {
                Lang::Zh => writeln!(
                    out,
                    "最可能有误（{} 种同样简单的解释，各改 {size} 处，任一种都使不符合的规则全部成立）：",
                    many.len()
                ),
                Lang::En => writeln!(
                    out,
                    "Likely wrong ({} equally simple explanations of {size} cell{} each; any makes every failing rule hold):",
                    many.len(),
                    if size == 1 { "" } else { "s" }
                ),
            };
            for candidate in many {
                let _ = writeln!(out, "  · {}", set(candidate));
            }
            Ok(())
        }
    };
}

fn violations(out: &mut String, violations: &[Violation<'_>], lang: Lang) {
    if !violations.is_empty() {
        let _ = writeln!(out, "\n{}", lang.pick("不符合的规则：", "Violations:"));
        for v in violations {
            let _ = writeln!(
                out,
                "✗ [{}] {}  {}",
                v.rule.severity.name(lang),
                v.id(),
                v.message(lang)
            );
            if !v.at.is_empty() {
                let _ = writeln!(out, "  {}{}", lang.pick("位置：", "at: "), v.location());
            }
            if let Some(when) = v.condition() {
                let _ = writeln!(
                    out,
                    "  {}{}",
                    lang.pick("适用条件：", "applies when: "),
                    when.describe()
                );
            }
            let detail = v.detail(lang);
            if !detail.is_empty() {
                let _ = writeln!(out, "  {detail}");
            }
            let _ = writeln!(
                out,
                "  {} {}{} {}",
                lang.pick("期望", "expected"),
                v.expected(lang),
                lang.pick("，实际", ", found"),
                v.actual(lang)
            );
            cells(out, &v.cells, lang);
        }
    }
}

fn not_assessable(out: &mut String, items: &[NotAssessable<'_>], lang: Lang) {
    if !items.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick("无法核验的规则：", "Not assessable:")
        );
        for n in items {
            let _ = writeln!(out, "? {}  {}", n.rule.id, n.message(lang));
            if !n.at.is_empty() {
                let _ = writeln!(out, "  {}{}", lang.pick("位置：", "at: "), n.location());
            }
            if let Some(when) = n.condition() {
                let _ = writeln!(
                    out,
                    "  {}{}",
                    lang.pick("适用条件：", "applies when: "),
                    when.describe()
                );
            }
            let _ = writeln!(
                out,
                "  {}{}",
                lang.pick("原因：", "why: "),
                n.reason.describe(lang)
            );
        }
    }
}

fn notes(out: &mut String, notes: &[BlankNote<'_>], lang: Lang) {
    if !notes.is_empty() {
        let _ = writeln!(out, "\n{}", lang.pick("提示：", "Notes:"));
        for note in notes {
            let at = note.location();
            let at = if at.is_empty() {
                at
            } else {
                format!("（{at}）")
            };
            let _ = writeln!(out, "i {}  {}{at}", note.rule.id, note.message(lang));
            cells(out, &note.cells, lang);
        }
    }
}

/// Lists the cells of an item. Long lists leave out the cells holding 0 and count them; the
/// JSON output always lists every cell.
fn cells(out: &mut String, cells: &[CellRef<'_>], lang: Lang) {
    let _ = writeln!(out, "  {}", lang.pick("单元格：", "cells:"));
    let is_zero = |cell: &CellRef<'_>| cell.value == Slot::Num(Num::ZERO);
    let long = cells.len() > 6;
    for (i, cell) in cells.iter().enumerate() {
        // The first cell of a rule is its stated result: always shown.
        if long && i > 0 && is_zero(cell) {
            continue;
        }
        let source = cell
            .source
            .map(|s| format!(", {}", s.describe(lang)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {} = {}  ({}{source})",
            cell.label_path(),
            cell.value.describe(lang),
            cell.pointer
        );
    }
    let zeros = cells.iter().skip(1).filter(|c| is_zero(c)).count();
    if long && zeros > 0 {
        let _ = match lang {
            Lang::Zh => writeln!(out, "    （另有{zeros}个单元格为0）"),
            Lang::En => writeln!(out, "    (and {zeros} cells holding 0)"),
        };
    }
}
