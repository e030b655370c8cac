//! `baobiao check --schema FILE REPORT.json`: a filled form checked against a form known only
//! by the schema baobiao exported for it (its `x-baobiao-rules`, decided exactly), for a
//! supervisor who has the schema and no program built for the form.

use std::path::Path;
use std::process::ExitCode;

use crate::Lang;
use crate::read;
use crate::schema::exact::Exact;
use crate::schema::exported::{Decision, Verdict, decide};

use super::Format;

/// One decided rule as `--format json` prints it.
#[derive(serde::Serialize)]
struct DecisionJson<'s> {
    rule: &'s str,
    severity: &'s str,
    at: String,
    message: &'s str,
    cells: Vec<CellJson<'s>>,
}

#[derive(serde::Serialize)]
struct CellJson<'s> {
    pointer: &'s str,
    value: String,
}

#[derive(serde::Serialize)]
struct OutcomeJson<'s> {
    ok: bool,
    form: &'s str,
    instances: usize,
    violations: Vec<DecisionJson<'s>>,
    not_assessable: Vec<DecisionJson<'s>>,
}

/// The value at a JSON pointer, as written (`空白` / `blank` where missing or null).
fn value_at(report: &Exact, pointer: &str, lang: Lang) -> String {
    let keys = crate::pointer::tokens(pointer);
    match report.at(keys.iter().map(String::as_str)) {
        Some(Exact::Number(_, text)) => text.clone(),
        Some(Exact::String(s)) => s.clone(),
        Some(Exact::Bool(b)) => b.to_string(),
        None | Some(Exact::Null) => lang.pick("空白", "blank").to_owned(),
        Some(_) => lang.pick("（非数值）", "(not a value)").to_owned(),
    }
}

/// The rule's wording in `lang`.
fn wording<'s>(d: &Decision<'s>, lang: Lang) -> &'s str {
    match lang {
        Lang::Zh => d.message,
        Lang::En => d.message_en,
    }
}

fn decision_json<'s>(d: &Decision<'s>, report: &Exact, lang: Lang) -> DecisionJson<'s> {
    DecisionJson {
        rule: d.id,
        severity: d.severity,
        at: d.at.join(" › "),
        message: wording(d, lang),
        cells: d
            .cells
            .iter()
            .map(|p| CellJson {
                pointer: p,
                value: value_at(report, p, lang),
            })
            .collect(),
    }
}

pub fn run(schema_path: &Path, report_path: &Path, format: Format, out: &super::Out) -> ExitCode {
    let lang = out.lang;
    let fail = |message: String| {
        out.error(&message);
        ExitCode::from(2)
    };
    let read = |path: &Path| -> Result<String, String> {
        let bytes =
            read::file(path).map_err(|e| format!("{}: {}", path.display(), e.message(lang)))?;
        String::from_utf8(bytes).map_err(|_| {
            format!(
                "{}: {}",
                path.display(),
                lang.pick("不是 UTF-8 的 JSON", "not UTF-8 JSON")
            )
        })
    };
    let (schema_text, report_text) = match (read(schema_path), read(report_path)) {
        (Ok(schema), Ok(report)) => (schema, report),
        (Err(message), _) | (_, Err(message)) => return fail(message),
    };
    let schema: serde_json::Value = match serde_json::from_str(&schema_text) {
        Ok(schema) => schema,
        Err(e) => return fail(format!("{}: {e}", schema_path.display())),
    };
    let report = match Exact::parse(&report_text) {
        Ok(report) => report,
        Err(e) => {
            return fail(format!(
                "{}: {} ({})",
                report_path.display(),
                lang.pick(
                    "按 schema 检查只接受已填报表单的 JSON；已发布的报告须用编译了该表单的程序读取",
                    "with --schema the report is a filled form's JSON; a published report needs a program built with the form"
                ),
                e.0
            ));
        }
    };
    let decisions = match decide(&schema, &report) {
        Ok(decisions) => decisions,
        Err(e) => return fail(format!("{}: {e}", report_path.display())),
    };
    let title = schema.get("title").and_then(|t| t.as_str()).unwrap_or("");
    let failed: Vec<&Decision<'_>> = decisions
        .iter()
        .filter(|d| d.verdict == Verdict::Fail)
        .collect();
    let unknown: Vec<&Decision<'_>> = decisions
        .iter()
        .filter(|d| d.verdict == Verdict::NotAssessable)
        .collect();
    let ok = failed.iter().all(|d| d.severity != "error");
    let message = |d: &Decision<'_>| wording(d, lang).to_owned();
    match format {
        Format::Json | Format::Jsonl => {
            let json = OutcomeJson {
                ok,
                form: title,
                instances: decisions.len(),
                violations: failed
                    .iter()
                    .map(|d| decision_json(d, &report, lang))
                    .collect(),
                not_assessable: unknown
                    .iter()
                    .map(|d| decision_json(d, &report, lang))
                    .collect(),
            };
            if !out.json(None, &json) {
                return ExitCode::from(2);
            }
        }
        Format::Text => {
            use std::fmt::Write;
            let mut text = String::new();
            let _ = writeln!(
                text,
                "{} {} ({}: {} {title})",
                lang.pick("检查", "checking"),
                report_path.display(),
                lang.pick("按 schema", "against the schema"),
                schema_path.display(),
            );
            let (instances, failures, unassessed) = (decisions.len(), failed.len(), unknown.len());
            let passed = instances - failures - unassessed;
            let _ = match lang {
                Lang::Zh => writeln!(
                    text,
                    "结论：{}。规则实例 {instances} 条：通过 {passed}，不符合 {failures}，无法核验 {unassessed}",
                    if ok { "通过" } else { "未通过" }
                ),
                Lang::En => writeln!(
                    text,
                    "Result: {}. {instances} rule instances: {passed} passed, {failures} failed, {unassessed} not assessable",
                    if ok { "passed" } else { "failed" }
                ),
            };
            for (heading, mark, list) in [
                (lang.pick("不符合的规则：", "Violations:"), "✗", &failed),
                (
                    lang.pick("无法核验的规则：", "Not assessable:"),
                    "?",
                    &unknown,
                ),
            ] {
                if list.is_empty() {
                    continue;
                }
                let _ = writeln!(text, "\n{heading}");
                for d in list.iter() {
                    let severity = match (d.severity, lang) {
                        ("error", Lang::Zh) => "错误",
                        ("warning", Lang::Zh) => "警告",
                        ("info", Lang::Zh) => "提示",
                        (other, _) => other,
                    };
                    let _ = writeln!(text, "{mark} [{severity}] {}  {}", d.id, message(d));
                    if !d.at.is_empty() {
                        let _ = writeln!(
                            text,
                            "  {}{}",
                            lang.pick("位置：", "at: "),
                            d.at.join(" › ")
                        );
                    }
                    for pointer in &d.cells {
                        let _ =
                            writeln!(text, "    {pointer} = {}", value_at(&report, pointer, lang));
                    }
                }
            }
            if !out.text(&text) {
                return ExitCode::from(2);
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
