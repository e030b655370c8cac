//! `baobiao rules`: a form's rules as data, without any report.

use std::fmt::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::Format;
use crate::set::FormSet;
use crate::{Lang, RuleDef};

#[derive(Serialize)]
struct RuleOut<'a> {
    id: &'a str,
    kind: crate::RuleKind,
    severity: crate::Severity,
    message: &'a str,
    expression: &'a str,
    declared_in: &'a str,
    instances: Vec<InstanceOut>,
}

#[derive(Serialize)]
struct InstanceOut {
    at: String,
    cells: Vec<String>,
    /// A rule between two reports: the cells of the previous period's report, one per cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<Vec<String>>,
    /// A rule declared with `decimals`: how far its sides may differ through rounding.
    #[serde(skip_serializing_if = "Option::is_none")]
    tolerance: Option<String>,
    /// A rule with a condition: the yes/no or choice field it reads and the value that makes
    /// it apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<WhenOut>,
    /// A range the cell's type guarantees (a count is never negative; the schema says so with
    /// its type and `minimum`): kept as data, not decided one by one by a check.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    guaranteed_by_type: bool,
}

#[derive(Serialize)]
struct WhenOut {
    pointer: String,
    value: serde_json::Value,
}

pub fn run(
    forms: &FormSet,
    format: Format,
    form: Option<&str>,
    list: bool,
    out: &super::Out,
) -> ExitCode {
    let lang = out.lang;
    if list {
        let listed: String = forms
            .entries()
            .iter()
            .map(|entry| format!("{}\t{}\n", entry.name(), entry.title()))
            .collect();
        return out.code(out.text(&listed));
    }
    let entry = match super::entry(forms, form, out) {
        Ok(entry) => entry,
        Err(code) => return code,
    };
    let info = entry.info();
    let rules: Vec<RuleOut<'_>> = info
        .rules
        .iter()
        .map(|rule: &RuleDef| RuleOut {
            id: &rule.id,
            kind: rule.kind,
            severity: rule.severity,
            message: rule.message(lang),
            expression: &rule.expression,
            declared_in: rule.declared_in,
            instances: rule
                .instances
                .iter()
                .map(|&i| {
                    let instance = &info.instances[i];
                    InstanceOut {
                        at: instance.at.join(" › "),
                        cells: instance
                            .cells()
                            .iter()
                            .map(|&c| info.cells[c].pointer.clone())
                            .collect(),
                        previous: None,
                        tolerance: instance.tolerance().map(|t| t.to_string()),
                        when: instance.when.as_ref().map(|w| WhenOut {
                            pointer: w.pointer.clone(),
                            value: w.value.clone(),
                        }),
                        guaranteed_by_type: !instance.is_evaluated(),
                    }
                })
                .collect(),
        })
        .chain(info.period_rules.iter().map(|rule| {
            RuleOut {
                id: &rule.id,
                kind: crate::RuleKind::Previous,
                severity: rule.severity,
                message: rule.message(lang),
                expression: &rule.expression,
                declared_in: "",
                instances: rule
                    .pairs
                    .iter()
                    .map(|pair| InstanceOut {
                        at: info.cells[pair.current].labels.join(" › "),
                        cells: vec![info.cells[pair.current].pointer.clone()],
                        previous: Some(vec![info.cells[pair.previous].pointer.clone()]),
                        tolerance: None,
                        when: None,
                        guaranteed_by_type: false,
                    })
                    .collect(),
            }
        }))
        .collect();
    match format {
        Format::Json | Format::Jsonl => out.code(out.json(None, &rules)),
        Format::Text => {
            let mut text = format!("{}\n", entry.title());
            for rule in &rules {
                let count = rule.instances.len();
                let by_type = rule
                    .instances
                    .iter()
                    .filter(|i| i.guaranteed_by_type)
                    .count();
                let by_type = match (by_type, lang) {
                    (0, _) => String::new(),
                    (n, Lang::Zh) if n == count => "，均由单元格类型保证，不逐条核验".to_owned(),
                    (n, Lang::Zh) => format!("，其中 {n} 处由单元格类型保证，不逐条核验"),
                    (n, Lang::En) if n == count => {
                        ", all guaranteed by the cells' type, not checked one by one".to_owned()
                    }
                    (n, Lang::En) => {
                        format!(", {n} guaranteed by the cells' type, not checked one by one")
                    }
                };
                // A rule between two reports is decided only where a batch holds both.
                let across = rule.kind == crate::RuleKind::Previous;
                let across = match (across, lang) {
                    (false, _) => "",
                    (true, Lang::Zh) => "，与同一填报单位上期报告比较，批量检查时核验",
                    (true, Lang::En) => {
                        ", against the same reporter's previous report (checked in a batch)"
                    }
                };
                let _ = match lang {
                    Lang::Zh => writeln!(
                        text,
                        "\n{}  [{}]  {}  （{count} 处{by_type}{across}）",
                        rule.id,
                        rule.severity.name(lang),
                        rule.expression
                    ),
                    Lang::En => writeln!(
                        text,
                        "\n{}  [{}]  {}  ({count} instance{}{by_type}{across})",
                        rule.id,
                        rule.severity.name(lang),
                        rule.expression,
                        if count == 1 { "" } else { "s" }
                    ),
                };
                let _ = writeln!(text, "  {}", rule.message);
            }
            text.push_str(&tally(&rules, lang));
            out.code(out.text(&text))
        }
    }
}

/// What the instances listed are, counted so that they add up to what a check counts:
/// `共 249 条规则实例：单份报告检查时逐条核验 43 条；199 条由单元格类型保证；7 条跨期核验`.
fn tally(rules: &[RuleOut<'_>], lang: Lang) -> String {
    let all: usize = rules.iter().map(|r| r.instances.len()).sum();
    let by_type = rules
        .iter()
        .flat_map(|r| &r.instances)
        .filter(|i| i.guaranteed_by_type)
        .count();
    let across: usize = rules
        .iter()
        .filter(|r| r.kind == crate::RuleKind::Previous)
        .map(|r| r.instances.len())
        .sum();
    let decided = all - by_type - across;
    let mut parts = vec![match lang {
        Lang::Zh => format!("单份报告检查时逐条核验 {decided} 条"),
        Lang::En => format!("{decided} decided one by one when a report is checked"),
    }];
    if by_type > 0 {
        parts.push(match lang {
            Lang::Zh => format!(
                "{by_type} 条取值范围由单元格类型保证（计数不为负；JSON Schema 以类型和 minimum 表达），不逐条核验"
            ),
            Lang::En => format!(
                "{by_type} ranges guaranteed by the cells' type (a count is never negative; the JSON Schema says so by type and minimum), not checked one by one"
            ),
        });
    }
    if across > 0 {
        parts.push(match lang {
            Lang::Zh => format!("{across} 条在批量检查中与同一填报单位上期报告比较"),
            Lang::En => {
                format!("{across} compared with the same reporter's previous report in a batch")
            }
        });
    }
    match lang {
        Lang::Zh => format!("\n共 {all} 条规则实例：{}。\n", parts.join("；")),
        Lang::En => format!("\n{all} rule instances in all: {}.\n", parts.join("; ")),
    }
}
