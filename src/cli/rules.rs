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
    lang: Lang,
    form: Option<&str>,
    list: bool,
) -> ExitCode {
    if list {
        let listed: String = forms
            .entries()
            .iter()
            .map(|entry| format!("{}\t{}\n", entry.name(), entry.title()))
            .collect();
        return super::write_output(None, listed.as_bytes());
    }
    let entry = match super::entry(forms, form, lang) {
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
                        tolerance: instance.tolerance().map(|t| t.to_string()),
                        when: instance.when.as_ref().map(|w| WhenOut {
                            pointer: w.pointer.clone(),
                            value: w.value.clone(),
                        }),
                    }
                })
                .collect(),
        })
        .collect();
    match format {
        Format::Json => super::write_json(None, &rules),
        Format::Text => {
            let mut out = format!("{}\n", entry.title());
            for rule in &rules {
                let count = rule.instances.len();
                let _ = match lang {
                    Lang::Zh => writeln!(
                        out,
                        "\n{}  [{}]  {}  （{count} 处）",
                        rule.id,
                        rule.severity.name(lang),
                        rule.expression
                    ),
                    Lang::En => writeln!(
                        out,
                        "\n{}  [{}]  {}  ({count} instance{})",
                        rule.id,
                        rule.severity.name(lang),
                        rule.expression,
                        if count == 1 { "" } else { "s" }
                    ),
                };
                let _ = writeln!(out, "  {}", rule.message);
            }
            super::write_output(None, out.as_bytes())
        }
    }
}
