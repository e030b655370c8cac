//! Human-readable output of a check, in Chinese or English.

use std::fmt::Write;
use std::path::Path;

use baobiao::{CellRef, Lang};

use super::forms::Checked;

/// How a published report was read: the form it matched and what could not be read.
pub fn reading(title: &str, diagnostics: &[baobiao::read::form::Diagnostic], lang: Lang) -> String {
    let mut out = match lang {
        Lang::Zh => format!("读取：按{title}读取，诊断 {} 条。\n", diagnostics.len()),
        Lang::En => format!("Read as {title}; {} diagnostics.\n", diagnostics.len()),
    };
    for d in diagnostics {
        let place: Vec<String> = [d.position.map(|p| p.describe(lang)), d.pointer.clone()]
            .into_iter()
            .flatten()
            .collect();
        let _ = writeln!(out, "! {}: {}", place.join(" "), d.problem.message(lang));
    }
    out
}

pub fn render(file: &Path, title: &str, checked: &Checked, lang: Lang) -> String {
    let mut out = String::new();
    let summary = &checked.summary;
    let passed = checked.passed;
    let _ = writeln!(
        out,
        "{} {} ({title})",
        lang.pick("检查", "Checked"),
        file.display()
    );
    let verdict = match (summary.ok, lang) {
        (true, Lang::Zh) => "通过",
        (false, Lang::Zh) => "未通过",
        (true, Lang::En) => "passed",
        (false, Lang::En) => "failed",
    };
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "结论：{verdict}。规则实例 {} 条：通过 {passed}，不符合 {}，无法核验 {}；空白单元格提示 {} 条。",
            checked.instances,
            summary.violations.len(),
            summary.not_assessable.len(),
            summary.info.len()
        ),
        Lang::En => writeln!(
            out,
            "Result: {verdict}. {} rule instances: {passed} passed, {} violated, {} not assessable; {} blank-cell notes.",
            checked.instances,
            summary.violations.len(),
            summary.not_assessable.len(),
            summary.info.len()
        ),
    };

    if !summary.violations.is_empty() {
        let _ = writeln!(out, "\n{}", lang.pick("不符合的规则：", "Violations:"));
        for v in &summary.violations {
            let _ = writeln!(
                out,
                "✗ [{}] {}  {}",
                v.severity_name(lang),
                v.rule,
                v.message
            );
            if !v.at.is_empty() {
                let _ = writeln!(out, "  {}{}", lang.pick("位置：", "at: "), v.at);
            }
            if !v.detail.is_empty() {
                let _ = writeln!(out, "  {}", v.detail);
            }
            let _ = writeln!(
                out,
                "  {} {}{} {}",
                lang.pick("期望", "expected"),
                v.expected,
                lang.pick("，实际", ", found"),
                v.actual
            );
            cells(&mut out, &v.cells, lang);
        }
    }
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
    if !summary.not_assessable.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick("无法核验的规则：", "Not assessable:")
        );
        for n in &summary.not_assessable {
            let _ = writeln!(out, "? {}  {}", n.rule, n.message);
            let _ = writeln!(out, "  {}{}", lang.pick("位置：", "at: "), n.at);
            let _ = writeln!(out, "  {}{}", lang.pick("原因：", "why: "), n.reason);
        }
    }
    if !summary.info.is_empty() {
        let _ = writeln!(out, "\n{}", lang.pick("提示：", "Notes:"));
        for i in &summary.info {
            let _ = writeln!(out, "i {}  {}（{}）", i.rule, i.message, i.at);
            cells(&mut out, &i.cells, lang);
        }
    }
    out
}

/// Lists the cells of an item. Long lists leave out the cells holding 0 and count them; the
/// JSON output always lists every cell.
fn cells(out: &mut String, cells: &[CellRef], lang: Lang) {
    let _ = writeln!(out, "  {}", lang.pick("单元格：", "cells:"));
    let is_zero = |cell: &CellRef| cell.value == baobiao::Slot::Num(baobiao::Num::ZERO);
    let long = cells.len() > 6;
    for (i, cell) in cells.iter().enumerate() {
        // The first cell of a rule is its stated result: always shown.
        if long && i > 0 && is_zero(cell) {
            continue;
        }
        let value = match cell.value {
            baobiao::Slot::Blank => lang.pick("空白", "blank").to_owned(),
            other => other.to_string(),
        };
        let source = cell
            .source
            .as_ref()
            .map(|s| format!(", {s}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {} = {value}  ({}{source})",
            cell.labels.join(" › "),
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
