//! `baobiao check FILE`: read a report as its form, check every rule, say the outcome.
//!
//! A published report is checked on what was read of it: a rule reading a cell that was not
//! read (its row not found, its text not a value) is not assessable, the rest are decided, and
//! the verdict says first how complete the reading was. Exit 0 when no error-severity rule
//! failed, 1 when one did, 2 when the file could not be read as a report at all (nothing of the
//! form's cells was found), or, with `--require-complete`, when the reading is incomplete.
//!
//! [`assess`] does the work for one report and keeps what every output needs, owned, so that
//! a batch ([`super::batch`]) assesses reports in parallel and a single report prints in full.

use std::collections::BTreeMap;

use crate::read::{Completeness, Diagnostic, ReadError, SourceKind};
use crate::render::{Part, text};
use crate::set::FormSet;
use crate::{CheckOptions, FormInfo, Lang, Position, Report, Severity, Slot};

use super::input::{How, Input};
use super::{Format, human};

/// How to check.
#[derive(Clone, Copy)]
pub struct Options {
    /// Every blank or not-applicable cell is an error.
    pub strict: bool,
    /// An incomplete reading exits with 2.
    pub require_complete: bool,
}

/// What is wanted of an assessment beyond its verdict.
#[derive(Clone, Copy, Default)]
pub struct Wanted {
    /// The human-readable report.
    pub text: bool,
    /// The JSON object.
    pub json: bool,
    /// The report drawn as an HTML page, failing cells marked.
    pub page: bool,
    /// Colour in the text.
    pub colour: bool,
}

/// A report's verdict, worst last: the exit code is the worst of a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// No error-severity rule failed.
    Passed,
    /// One did.
    Failed,
    /// Read incompletely, with `--require-complete`.
    Incomplete,
    /// Not a report, or nothing of the form found.
    Unreadable,
}

impl Verdict {
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::Passed => 0,
            Verdict::Failed => 1,
            Verdict::Incomplete | Verdict::Unreadable => 2,
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Passed => lang.pick("通过", "passed"),
            Verdict::Failed => lang.pick("未通过", "failed"),
            Verdict::Incomplete => lang.pick("读取不完整", "incomplete"),
            Verdict::Unreadable => lang.pick("无法读取", "unreadable"),
        }
    }
}

/// One report assessed: everything its outputs need, owned.
pub struct Assessed {
    /// The file as given (`-` for standard input).
    pub file: String,
    pub verdict: Verdict,
    /// The form it was read as (its name), where it was.
    pub form: Option<String>,
    /// Who reports and the period (the form's `reporter` and `period` fields), where read.
    pub agency: Option<String>,
    pub year: Option<String>,
    /// Ids of the error-severity rules that failed, each once, in rule order.
    pub failing: Vec<String>,
    /// Ids of the other failed rules (warnings, information).
    pub warned: Vec<String>,
    /// Rule instances that could not be decided.
    pub not_assessable: usize,
    /// The likely wrong cells: each smallest set whose change makes every rule hold.
    pub likely: Vec<Vec<LikelyCell>>,
    /// How completely a published report was read (none for a filled form's JSON).
    pub completeness: Option<Completeness>,
    /// Why the report could not be read.
    pub error: Option<String>,
    /// Where in the file (line and column), when the reader knows.
    pub error_at: Option<(usize, usize)>,
    /// The human-readable report, when wanted.
    pub text: String,
    /// The JSON object, when wanted.
    pub json: Option<serde_json::Value>,
    /// The HTML page, when wanted and the report made a whole form.
    pub page: Option<String>,
    /// The cells rules between periods read, for a batch to compare two years.
    pub period: Option<PeriodCells>,
}

impl Assessed {
    /// Nothing known of `file` yet: unreadable until a reading says otherwise.
    fn new(file: String) -> Assessed {
        Assessed {
            file,
            verdict: Verdict::Unreadable,
            form: None,
            agency: None,
            year: None,
            failing: Vec::new(),
            warned: Vec::new(),
            not_assessable: 0,
            likely: Vec::new(),
            completeness: None,
            error: None,
            error_at: None,
            text: String::new(),
            json: None,
            page: None,
            period: None,
        }
    }

    /// `:2:9` where the reader said where the error is, else nothing.
    pub fn place(&self) -> String {
        self.error_at
            .map(|(line, column)| format!(":{line}:{column}"))
            .unwrap_or_default()
    }
}

/// A likely wrong cell, owned: where, as read, and what would make the rules hold.
#[derive(Clone, Debug, serde::Serialize)]
pub struct LikelyCell {
    pub pointer: String,
    /// Its labels joined: `三、… › （一）予以公开 › 自然人`.
    pub label: String,
    pub value: String,
    /// `改为 5`, `改为 0 至 5642310 之间的数`.
    pub fix: String,
}

/// The cells of a report that its form's period rules read, by pointer, with their sources.
pub struct PeriodCells {
    pub info: &'static FormInfo,
    pub values: BTreeMap<String, (Slot, Option<Position>)>,
}

/// `--format json`: the findings, and for a published report how it was read.
#[derive(serde::Serialize)]
struct CheckJson<'a, 'f> {
    file: &'a str,
    form: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    agency: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<&'a str>,
    verdict: Verdict,
    /// The verdict line's counts, adding up as it says them.
    counts: crate::Counts,
    #[serde(flatten)]
    summary: crate::SummaryJson<'a, 'f>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reading: Option<ReadingJson<'a>>,
}

#[derive(serde::Serialize)]
struct ReadingJson<'a> {
    form: &'a str,
    /// True when everything of the form the report holds was read.
    complete: bool,
    /// What was not read, counted.
    completeness: Completeness,
    /// The verdict's first words: `读取完整`, `读取不完整：未找到 3 行`.
    summary: String,
    diagnostics: Vec<serde_json::Value>,
}

/// A report read, whole or as far as it went.
struct Read<'s> {
    entry: &'s crate::set::Entry,
    kind: SourceKind,
    diagnostics: Vec<Diagnostic>,
    positions: BTreeMap<String, Position>,
    /// The filled form, where the reading made one (a text part it requires may be missing).
    form: Option<Box<dyn crate::set::AnyForm>>,
    /// The form as JSON as far as it was read, where it made none.
    partial: Option<String>,
    /// Its cells as read, where it made none.
    cells: Vec<Slot>,
    read_any: bool,
    unread: Vec<usize>,
}

fn load<'s>(forms: &'s FormSet, input: &Input, how: &How) -> Result<Read<'s>, ReadError> {
    match input.load(forms, how) {
        Ok((entry, reading)) => {
            let info = entry.info();
            // What `read` wrote of a published report carries its sources: still that report.
            let published = reading.kind != SourceKind::Json || !reading.positions.is_empty();
            Ok(Read {
                entry,
                kind: reading.kind,
                read_any: !published || reading.read_any_cell(info),
                unread: reading.unread_cells(info, true),
                diagnostics: reading.diagnostics,
                positions: reading.positions,
                form: Some(reading.form),
                partial: None,
                cells: Vec::new(),
            })
        }
        Err(ReadError::Incomplete {
            form,
            reading,
            cells,
            ..
        }) => {
            let entry = forms
                .get_or_first(form.as_deref())
                .map_err(ReadError::UnknownForm)?;
            let info = entry.info();
            Ok(Read {
                entry,
                kind: reading.kind,
                read_any: reading.read_any_cell(info),
                unread: reading.unread_cells(info, false),
                diagnostics: reading.diagnostics,
                positions: reading.positions,
                form: None,
                partial: Some(reading.form),
                cells,
            })
        }
        Err(err) => Err(err),
    }
}

/// Reads and checks one report.
pub fn assess(
    forms: &FormSet,
    input: &Input,
    how: &How,
    options: Options,
    wanted: Wanted,
    lang: Lang,
) -> Assessed {
    let file = input.to_string();
    let read = match load(forms, input, how) {
        Ok(read) => read,
        Err(err) => return unreadable(input, &err, wanted, lang),
    };
    let entry = read.entry;
    let info = entry.info();
    let published = read.kind != SourceKind::Json || !read.positions.is_empty();
    let completeness = Completeness::of(&read.diagnostics);
    let reading_json = || ReadingJson {
        form: entry.name(),
        complete: completeness.is_complete(),
        completeness,
        summary: completeness.describe(lang),
        diagnostics: human::diagnostics_json(&read.diagnostics, lang),
    };
    let form_json = match (&read.form, &read.partial) {
        (Some(form), _) => serde_json::to_value(&**form).ok(),
        (None, Some(partial)) => serde_json::from_str(partial).ok(),
        (None, None) => None,
    };
    let field = |pointer: &Option<String>| {
        let value = form_json.as_ref()?.pointer(pointer.as_deref()?)?;
        match value {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let (agency, year) = (field(&info.reporter), field(&info.period));
    let mut assessed = Assessed {
        form: Some(entry.name().to_owned()),
        agency,
        year,
        completeness: published.then_some(completeness),
        ..Assessed::new(file)
    };
    if !read.read_any {
        // Not one cell of the form was found: this is no reading of the form to check.
        let why = lang.pick(
            "报告中未找到该表单的任何单元格，无从检查（见诊断）",
            "not one cell of the form was found in the report; there is nothing to check (see the diagnostics)",
        );
        assessed.error = Some(why.to_owned());
        if wanted.json {
            assessed.json = Some(serde_json::json!({
                "file": assessed.file,
                "form": entry.name(),
                "verdict": Verdict::Unreadable,
                "ok": false,
                "error": {"file": assessed.file, "message": why},
                "reading": reading_json(),
            }));
        }
        if wanted.text {
            assessed.text = human::reading(entry.title(), &read.diagnostics, lang);
        }
        return assessed;
    }
    let check = CheckOptions {
        strict: options.strict,
    };
    let report = match &read.form {
        Some(form) => form.check_with(check),
        None => Report::from_slots(info, read.cells.clone(), check),
    }
    .with_unread(&read.unread);
    let mut summary = report.summary();
    summary.locate(|pointer| read.positions.get(pointer).copied());
    let counts = crate::Counts::of(&report);
    assessed.not_assessable = summary.not_assessable.len();
    assessed.likely = summary
        .likely_wrong
        .iter()
        .map(|set| {
            set.iter()
                .map(|l| LikelyCell {
                    pointer: l.cell.pointer.to_owned(),
                    label: l.cell.label_path(),
                    value: l.cell.value.describe(lang),
                    fix: l.fix(lang),
                })
                .collect()
        })
        .collect();
    for violation in &summary.violations {
        let ids = match violation.rule.severity {
            Severity::Error => &mut assessed.failing,
            _ => &mut assessed.warned,
        };
        if !ids.contains(&violation.rule.id) {
            ids.push(violation.rule.id.clone());
        }
    }
    assessed.verdict = if options.require_complete && !completeness.is_complete() {
        Verdict::Incomplete
    } else if summary.ok {
        Verdict::Passed
    } else {
        Verdict::Failed
    };
    if !info.period_rules.is_empty() {
        assessed.period = Some(period_cells(info, &report, &read));
    }
    if wanted.page
        && let Some(form) = &read.form
    {
        let document = form.document(Some(&report), lang);
        assessed.page = Some(crate::render::html::page(&document));
    }
    if wanted.json {
        let out = CheckJson {
            file: &assessed.file,
            form: entry.name(),
            agency: assessed.agency.as_deref(),
            year: assessed.year.as_deref(),
            verdict: assessed.verdict,
            counts,
            summary: summary.json(lang),
            reading: published.then(reading_json),
        };
        assessed.json = serde_json::to_value(&out).ok();
    }
    if wanted.text {
        // Drawn where a rule fails; strict mode's blank cells alone are said by row instead.
        let rule_failed = summary.violations.iter().any(|v| v.instance.is_some());
        let failing_tables = match &read.form {
            Some(form) if rule_failed => failing_tables(&**form, &report, wanted.colour, lang),
            _ => String::new(),
        };
        let checked = Checked {
            title: entry.title(),
            summary,
            failing_tables,
            counts,
            completeness: published.then_some(completeness),
        };
        let mut text = String::new();
        if published {
            text.push_str(&human::reading(entry.title(), &read.diagnostics, lang));
        }
        text.push_str(&human::render(&assessed.file, &checked, lang));
        assessed.text = text;
    }
    assessed
}

/// What a check found, ready to print.
pub struct Checked<'a> {
    pub title: &'a str,
    pub summary: crate::Summary<'a>,
    /// The tables that have failures, drawn as text with the failing cells marked.
    pub failing_tables: String,
    /// What the check decided, counted.
    pub counts: crate::Counts,
    /// How complete the reading of a published report was (none for a filled form's JSON).
    pub completeness: Option<Completeness>,
}

/// The tables that have failures, as text with the failing cells marked.
fn failing_tables(
    form: &dyn crate::set::AnyForm,
    report: &Report<'_>,
    colour: bool,
    lang: Lang,
) -> String {
    let document = form.document(Some(report), lang);
    document
        .parts
        .iter()
        .filter_map(|part| match part {
            Part::Table { grid, summary } if !summary.is_empty() => {
                Some(text::table_with_summary(grid, summary, colour))
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cells the form's period rules read, as this report holds them (unread cells left out).
fn period_cells(info: &'static FormInfo, report: &Report<'_>, read: &Read<'_>) -> PeriodCells {
    let mut values = BTreeMap::new();
    for pair in info.period_rules.iter().flat_map(|r| &r.pairs) {
        for cell in [pair.current, pair.previous] {
            if read.unread.contains(&cell) {
                continue;
            }
            let pointer = &info.cells[cell].pointer;
            values.insert(
                pointer.clone(),
                (report.cell(cell), read.positions.get(pointer).copied()),
            );
        }
    }
    PeriodCells { info, values }
}

/// The report could not be read: why and where, as text and as JSON.
fn unreadable(input: &Input, err: &ReadError, wanted: Wanted, lang: Lang) -> Assessed {
    let file = input.to_string();
    let (line, column) = err.place().unzip();
    let message = err.message(lang);
    let json = wanted.json.then(|| {
        let pointer = match err {
            ReadError::Json { error, .. } => error.pointer.as_deref(),
            _ => None,
        };
        serde_json::json!({
            "file": file,
            "verdict": Verdict::Unreadable,
            "ok": false,
            "error": {
                "file": file,
                "line": line,
                "column": column,
                "pointer": pointer,
                "message": message,
            }
        })
    });
    Assessed {
        error: Some(message.clone()),
        error_at: err.place(),
        json,
        ..Assessed::new(file)
    }
}

/// A path that named no report (a pattern nothing matches, a folder that cannot be read).
pub fn named_nothing(path: &str, why: &str, json: bool) -> Assessed {
    Assessed {
        error: Some(why.to_owned()),
        json: json.then(|| {
            serde_json::json!({
                "file": path,
                "verdict": Verdict::Unreadable,
                "ok": false,
                "error": { "file": path, "message": why },
            })
        }),
        ..Assessed::new(path.to_owned())
    }
}

/// Checks one report and prints everything about it.
pub fn run(
    forms: &FormSet,
    input: &Input,
    how: &How,
    format: Format,
    options: Options,
    out: &super::Out,
) -> u8 {
    let lang = out.lang;
    let wanted = Wanted {
        text: format == Format::Text && !out.quiet,
        json: format != Format::Text,
        page: false,
        colour: out.colour,
    };
    let assessed = assess(forms, input, how, options, wanted, lang);
    let written = match &assessed.json {
        Some(json) => out.json(None, json),
        None => out.text(&assessed.text),
    };
    if let Some(error) = &assessed.error {
        out.error(&format!(
            "{}: {}{}: {error}",
            lang.pick("无法读取输入", "cannot read input"),
            assessed.file,
            assessed.place()
        ));
    }
    if assessed.verdict == Verdict::Incomplete {
        out.error(lang.pick(
            "报告未能完整读取（见上方诊断）；按 --require-complete，以退出码 2 结束",
            "the report was not read completely (see the diagnostics); with --require-complete that ends with exit code 2",
        ));
    }
    if written {
        assessed.verdict.exit_code()
    } else {
        2
    }
}
