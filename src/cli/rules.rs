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
                        "\n{}  [{}]  {}  （{count} 处{across}）",
                        rule.id,
                        rule.severity.name(lang),
                        rule.expression
                    ),
                    Lang::En => writeln!(
                        text,
                        "\n{}  [{}]  {}  ({count} instance{}{across})",
                        rule.id,
                        rule.severity.name(lang),
                        rule.expression,
                        if count == 1 { "" } else { "s" }
                    ),
                };
                let _ = writeln!(text, "  {}", rule.message);
            }
            out.code(out.text(&text))
        }
    }
}
