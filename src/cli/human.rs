//! Human-readable output of a check, in Chinese or English.

use std::fmt::Write;

use crate::read::Diagnostic;
use crate::{CellRef, Lang, NotAssessable, Num, Slot, Violation};

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
    let _ = match lang {
        Lang::Zh => writeln!(out, "结论：{verdict}。{}", checked.counts.describe(lang)),
        Lang::En => writeln!(out, "Result: {verdict}. {}", checked.counts.describe(lang)),
    };
    likely_wrong(&mut out, summary, lang);
    violations(&mut out, summary, lang);
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
    if !summary.violations.iter().any(|v| v.instance.is_none()) {
        blanks(&mut out, summary, lang);
    }
    out
}

/// The condition a rule applies under (described), where it has one.
fn condition_line(out: &mut String, when: Option<String>, lang: Lang) {
    if let Some(when) = when {
        let _ = writeln!(
            out,
            "  {}{}",
            lang.pick("适用条件：", "applies when: "),
            when
        );
    }
}

/// A group of cells in `what` state, and where its first cell was read.
fn group_line(out: &mut String, b: &crate::Blanks<'_>, what: &str, lang: Lang) {
    let at = b.cells.first().and_then(|c| c.source).map(|s| match lang {
        Lang::Zh => format!("（{}）", s.describe(lang)),
        Lang::En => format!(" ({})", s.describe(lang)),
    });
    let _ = writeln!(
        out,
        "  {}{}",
        b.group.describe(what, lang),
        at.unwrap_or_default()
    );
}

/// The blank cells by table, block and row, then the rules that read them as 0.
fn blanks(out: &mut String, summary: &crate::Summary<'_>, lang: Lang) {
    if summary.blanks.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", lang.pick("空白单元格：", "Blank cells:"));
    for b in &summary.blanks {
        group_line(out, b, lang.pick("空白", "blank"), lang);
    }
    let mut rules: Vec<(&str, usize)> = Vec::new();
    for note in &summary.notes {
        match rules.iter_mut().find(|(id, _)| *id == note.rule.id) {
            Some((_, n)) => *n += 1,
            None => rules.push((&note.rule.id, 1)),
        }
    }
    if !rules.is_empty() {
        let listed: Vec<String> = rules
            .iter()
            .map(|(id, n)| match lang {
                Lang::Zh => format!("{id}（{n} 处）"),
                Lang::En => format!("{id} ({n})"),
            })
            .collect();
        let _ = writeln!(
            out,
            "  {}{}",
            lang.pick("按 0 计算的规则：", "rules reading them as 0: "),
            listed.join(lang.pick("，", ", "))
        );
    }
}

/// The likely wrong cells, first: the fewest whose change makes every rule hold.
fn likely_wrong(out: &mut String, summary: &crate::Summary<'_>, lang: Lang) {
    // Sought among the rules' failures; strict mode's blank cells are not among them.
    if summary.violations.iter().all(|v| v.instance.is_none()) {
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

fn violations(out: &mut String, summary: &crate::Summary<'_>, lang: Lang) {
    let violations = &summary.violations;
    if !violations.is_empty() {
        let _ = writeln!(out, "\n{}", lang.pick("不符合的规则：", "Violations:"));
        // Strict mode's cells without a number, said by row and block after the rules.
        let (rules, strict): (Vec<&Violation<'_>>, Vec<&Violation<'_>>) =
            violations.iter().partition(|v| v.instance.is_some());
        for v in rules {
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
            condition_line(out, v.condition().map(|w| w.describe()), lang);
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
        if let Some(first) = strict.first() {
            let n = strict.len();
            let _ = writeln!(
                out,
                "✗ [{}] {}  {}{}",
                first.rule.severity.name(lang),
                first.id(),
                first.message(lang),
                match lang {
                    Lang::Zh => format!("（{n} 个单元格）"),
                    Lang::En => format!(" ({n} cell{})", if n == 1 { "" } else { "s" }),
                }
            );
            for b in &summary.rejected {
                group_line(out, b, lang.pick("未填数值", "without a number"), lang);
            }
        }
    }
}

/// The instances not decided, one entry per rule and reason: a table left blank makes each
/// of its rules unassessable many times over, for one cause.
fn not_assessable(out: &mut String, items: &[NotAssessable<'_>], lang: Lang) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick("无法核验的规则：", "Not assessable:")
    );
    let mut groups: Vec<Vec<&NotAssessable<'_>>> = Vec::new();
    for n in items {
        match groups
            .iter_mut()
            .find(|g| g[0].rule.id == n.rule.id && g[0].reason == n.reason)
        {
            Some(group) => group.push(n),
            None => groups.push(vec![n]),
        }
    }
    const SHOWN: usize = 3;
    for group in groups {
        let n = group[0];
        let count = match (group.len(), lang) {
            (1, _) => String::new(),
            (k, Lang::Zh) => format!("（{k} 处）"),
            (k, Lang::En) => format!(" ({k} instances)"),
        };
        let _ = writeln!(out, "? {}  {}{count}", n.rule.id, n.message(lang));
        let mut at: Vec<String> = Vec::new();
        for n in &group {
            let location = n.location();
            if !location.is_empty() && !at.contains(&location) {
                at.push(location);
            }
        }
        if !at.is_empty() {
            let more = match (at.len().saturating_sub(SHOWN), lang) {
                (0, _) => String::new(),
                (k, Lang::Zh) => format!("；另 {k} 处"),
                (k, Lang::En) => format!("; {k} more"),
            };
            let shown: Vec<&str> = at.iter().take(SHOWN).map(String::as_str).collect();
            let _ = writeln!(
                out,
                "  {}{}{more}",
                lang.pick("位置：", "at: "),
                shown.join(lang.pick("；", "; "))
            );
        }
        condition_line(out, n.condition().map(|w| w.describe()), lang);
        let _ = writeln!(
            out,
            "  {}{}",
            lang.pick("原因：", "why: "),
            n.reason.describe(lang)
        );
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
