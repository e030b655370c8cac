//! A batch's summary: one row per report, counts by verdict, the rules failed most often, and
//! what was compared between periods; as text, CSV, JSON or an HTML page.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use clap::ValueEnum;
use serde::Serialize;

use crate::Lang;
use crate::set::FormSet;

use super::super::check::{Assessed, Verdict};
use super::periods::Periods;

/// `--summary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// CSV with a byte-order mark (Excel opens it as UTF-8).
    Csv,
    /// JSON.
    Json,
    /// A page with a sortable table, each report linked to its page.
    Html,
}

/// A batch checked.
pub struct Batch<'a> {
    pub forms: &'a FormSet,
    pub reports: &'a [Assessed],
    pub periods: &'a Periods,
    /// Files in folders that are of no kind a reader takes.
    pub skipped: usize,
    /// Reports named more than once, checked once.
    pub repeated: usize,
    pub lang: Lang,
}

/// Reports by verdict.
#[derive(Default, Serialize)]
pub struct Counts {
    pub reports: usize,
    pub passed: usize,
    pub failed: usize,
    pub incomplete: usize,
    pub unreadable: usize,
    /// Passed or failed on an incomplete reading (what was read was checked).
    pub read_incompletely: usize,
}

/// A rule and how many reports failed it.
#[derive(Serialize)]
pub struct Frequent {
    pub rule: String,
    pub reports: usize,
    pub message: String,
}

/// One row of the summary.
#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    form: Option<&'a str>,
    agency: Option<&'a str>,
    year: Option<&'a str>,
    verdict: Verdict,
    failing_rules: &'a [String],
    warnings: &'a [String],
    not_assessable: usize,
    likely_wrong: &'a [Vec<super::super::check::LikelyCell>],
    complete: Option<bool>,
    reading: Option<String>,
    error: Option<String>,
    page: Option<&'a str>,
}

impl Batch<'_> {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            reports: self.reports.len(),
            ..Counts::default()
        };
        for report in self.reports {
            match report.verdict {
                Verdict::Passed => counts.passed += 1,
                Verdict::Failed => counts.failed += 1,
                Verdict::Incomplete => counts.incomplete += 1,
                Verdict::Unreadable => counts.unreadable += 1,
            }
            if matches!(report.verdict, Verdict::Passed | Verdict::Failed)
                && report.completeness.is_some_and(|c| !c.is_complete())
            {
                counts.read_incompletely += 1;
            }
        }
        counts
    }

    /// The rules failed by most reports (errors and warnings alike), most first, at most ten.
    pub fn frequent(&self) -> Vec<Frequent> {
        let mut by_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for report in self.reports {
            let form = report.form.as_deref().unwrap_or_default();
            for id in report.failing.iter().chain(&report.warned) {
                *by_rule.entry((form, id)).or_default() += 1;
            }
        }
        let mut frequent: Vec<Frequent> = by_rule
            .into_iter()
            .map(|((form, id), reports)| Frequent {
                rule: id.to_owned(),
                reports,
                message: self.wording(form, id),
            })
            .collect();
        frequent.sort_by(|a, b| b.reports.cmp(&a.reports).then_with(|| a.rule.cmp(&b.rule)));
        // One rule id in two forms (2019 and 2021) is one line, counted together.
        let mut merged: Vec<Frequent> = Vec::new();
        for f in frequent {
            match merged.iter_mut().find(|m| m.rule == f.rule) {
                Some(m) => m.reports += f.reports,
                None => merged.push(f),
            }
        }
        merged.sort_by(|a, b| b.reports.cmp(&a.reports).then_with(|| a.rule.cmp(&b.rule)));
        merged.truncate(10);
        merged
    }

    /// A rule's wording, from the form that declares it.
    fn wording(&self, form: &str, id: &str) -> String {
        let Ok(entry) = self.forms.get(form) else {
            return String::new();
        };
        let info = entry.info();
        if let Some(rule) = info.rule(id) {
            return rule.message(self.lang).to_owned();
        }
        if id == crate::STRICT_BLANK {
            return crate::strict_blank().message(self.lang).to_owned();
        }
        info.period_rules
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.message(self.lang).to_owned())
            .unwrap_or_default()
    }

    /// `汇总：共 12 份报告：通过 8，未通过 3，无法读取 1。`
    pub fn verdict_line(&self) -> String {
        let c = self.counts();
        let mut line = match self.lang {
            Lang::Zh => format!(
                "汇总：共 {} 份报告：通过 {}，未通过 {}，读取不完整 {}，无法读取 {}。",
                c.reports, c.passed, c.failed, c.incomplete, c.unreadable
            ),
            Lang::En => format!(
                "Summary: {} reports: {} passed, {} failed, {} incomplete, {} unreadable.",
                c.reports, c.passed, c.failed, c.incomplete, c.unreadable
            ),
        };
        if c.read_incompletely > 0 {
            let _ = match self.lang {
                Lang::Zh => write!(
                    line,
                    "其中 {} 份读取不完整，按已读取的部分检查。",
                    c.read_incompletely
                ),
                Lang::En => write!(
                    line,
                    " {} of them were read incompletely and checked on what was read.",
                    c.read_incompletely
                ),
            };
        }
        line
    }

    /// One line per report, then the summary.
    pub fn text(&self) -> String {
        let lang = self.lang;
        let mut out = String::new();
        for report in self.reports {
            let mark = match report.verdict {
                Verdict::Passed => "✓",
                Verdict::Failed => "✗",
                Verdict::Incomplete | Verdict::Unreadable => "!",
            };
            let _ = write!(
                out,
                "{mark} {}  {}{}",
                report.verdict.name(lang),
                report.file,
                report.place()
            );
            let about: Vec<String> = [
                report.agency.clone(),
                report.year.clone(),
                report.completeness.map(|c| c.describe(lang)),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !about.is_empty() {
                let _ = match lang {
                    Lang::Zh => write!(out, "（{}）", about.join("，")),
                    Lang::En => write!(out, " ({})", about.join(", ")),
                };
            }
            let rules: Vec<&str> = report
                .failing
                .iter()
                .chain(&report.warned)
                .map(String::as_str)
                .collect();
            if !rules.is_empty() {
                let _ = write!(out, "  {}", rules.join(" "));
            }
            if let [only] = report.likely.as_slice() {
                let _ = write!(
                    out,
                    "  {}{}",
                    lang.pick("最可能有误：", "likely wrong: "),
                    likely_text(std::slice::from_ref(only), lang)
                );
            }
            if let Some(error) = &report.error {
                let _ = write!(out, "  {error}");
            }
            out.push('\n');
        }
        let _ = writeln!(out, "\n{}", self.verdict_line());
        let frequent = self.frequent();
        if !frequent.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    "最常见的不符合规则（按报告份数）：",
                    "Rules failed most often (by reports):"
                )
            );
            for f in &frequent {
                let _ = match lang {
                    Lang::Zh => writeln!(out, "  {}  {} 份  {}", f.rule, f.reports, f.message),
                    Lang::En => writeln!(
                        out,
                        "  {}  {} report{}  {}",
                        f.rule,
                        f.reports,
                        if f.reports == 1 { "" } else { "s" },
                        f.message
                    ),
                };
            }
        }
        self.periods_text(&mut out);
        if self.skipped > 0 || self.repeated > 0 {
            let _ = match lang {
                Lang::Zh => writeln!(
                    out,
                    "文件夹中非报告类型的文件 {} 个未检查；重复给出的报告 {} 份只检查一次。",
                    self.skipped, self.repeated
                ),
                Lang::En => writeln!(
                    out,
                    "{} files in the folders are of no report kind and were not checked; {} reports named twice were checked once.",
                    self.skipped, self.repeated
                ),
            };
        }
        out
    }

    fn periods_text(&self, out: &mut String) {
        let lang = self.lang;
        let (compared, ambiguous) = (&self.periods.compared, &self.periods.ambiguous);
        if compared.is_empty() && ambiguous.is_empty() {
            return;
        }
        let failures: usize = compared.iter().map(|c| c.violations.len()).sum();
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "跨期核验：比较了同一填报单位相邻两期的报告 {} 对，不符合 {} 处。",
                compared.len(),
                failures
            ),
            Lang::En => writeln!(
                out,
                "Across periods: {} of one reporter's reports for consecutive periods compared, {} failure{}.",
                match compared.len() {
                    1 => "1 pair".to_owned(),
                    n => format!("{n} pairs"),
                },
                failures,
                if failures == 1 { "" } else { "s" }
            ),
        };
        for c in compared {
            let _ = writeln!(
                out,
                "  {} {} ↔ {}: {} ↔ {}",
                c.agency, c.current_year, c.previous_year, c.current_file, c.previous_file
            );
            for v in &c.violations {
                let _ = writeln!(
                    out,
                    "    ✗ [{}] {}  {}",
                    v.severity.name(lang),
                    v.rule,
                    v.message
                );
                let (comma, open, close) = match lang {
                    Lang::Zh => ("，", "（", "）"),
                    Lang::En => (", ", "(", ")"),
                };
                for cell in &v.cells {
                    let source = cell
                        .source
                        .map(|s| format!("{comma}{}", s.describe(lang)))
                        .unwrap_or_default();
                    let value = cell.value.describe(lang);
                    let _ = writeln!(
                        out,
                        "      {} = {value}  {open}{}{source}{comma}{}{close}",
                        cell.labels.join(" › "),
                        cell.file,
                        cell.pointer
                    );
                }
            }
        }
        for (agency, year, files) in ambiguous {
            let _ = match lang {
                Lang::Zh => writeln!(
                    out,
                    "  {agency} {year} 年有 {} 份报告（{}），未作跨年度比较",
                    files.len(),
                    files.join("、")
                ),
                Lang::En => writeln!(
                    out,
                    "  {agency} has {} reports for {year} ({}): not compared across years",
                    files.len(),
                    files.join(", ")
                ),
            };
        }
    }

    fn rows(&self) -> Vec<Row<'_>> {
        self.reports
            .iter()
            .map(|r| Row {
                file: &r.file,
                form: r.form.as_deref(),
                agency: r.agency.as_deref(),
                year: r.year.as_deref(),
                verdict: r.verdict,
                failing_rules: &r.failing,
                warnings: &r.warned,
                not_assessable: r.not_assessable,
                likely_wrong: &r.likely,
                complete: r.completeness.map(|c| c.is_complete()),
                reading: r.completeness.map(|c| c.describe(self.lang)),
                error: r.error.as_ref().map(|e| match r.error_at {
                    Some((line, column)) => format!("{line}:{column}: {e}"),
                    None => e.clone(),
                }),
                page: r.page.as_deref(),
            })
            .collect()
    }

    /// The summary as JSON: every row, the counts, the frequent rules, the periods compared.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "verdict": self.verdict_line(),
            "counts": self.counts(),
            "frequent_rules": self.frequent(),
            "reports": self.rows(),
            "periods": self.periods,
            "skipped_files": self.skipped,
            "repeated_reports": self.repeated,
        })
    }

    /// The summary in `format`.
    pub fn render(&self, format: SummaryFormat) -> Vec<u8> {
        match format {
            SummaryFormat::Json => {
                let mut text = serde_json::to_string_pretty(&self.json()).unwrap_or_default();
                text.push('\n');
                text.into_bytes()
            }
            SummaryFormat::Csv => self.csv().into_bytes(),
            SummaryFormat::Html => super::summary_html::page(self).into_bytes(),
        }
    }

    fn csv(&self) -> String {
        // A byte-order mark: Excel on Chinese Windows reads UTF-8 only with one.
        let mut out = String::from("\u{FEFF}");
        out.push_str(
            "file,form,agency,year,verdict,failing_rules,warnings,not_assessable,likely_wrong,complete,reading,error,page\r\n",
        );
        for row in self.rows() {
            let fields = [
                row.file.to_owned(),
                row.form.unwrap_or_default().to_owned(),
                row.agency.unwrap_or_default().to_owned(),
                row.year.unwrap_or_default().to_owned(),
                verdict_key(row.verdict).to_owned(),
                row.failing_rules.join(" "),
                row.warnings.join(" "),
                row.not_assessable.to_string(),
                likely_text(row.likely_wrong, self.lang),
                row.complete.map(|c| c.to_string()).unwrap_or_default(),
                row.reading.unwrap_or_default(),
                row.error.unwrap_or_default(),
                row.page.unwrap_or_default().to_owned(),
            ];
            let line: Vec<String> = fields
                .iter()
                .map(|f| crate::render::csv::field(f))
                .collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

/// The likely wrong cells in a line: `（一）予以公开 › 自然人 = 6，改为 5`, sets apart by ` | `,
/// cells of one set by `；`.
pub fn likely_text(sets: &[Vec<super::super::check::LikelyCell>], lang: Lang) -> String {
    let sets: Vec<String> = sets
        .iter()
        .map(|set| {
            let cells: Vec<String> = set
                .iter()
                .map(|c| match lang {
                    Lang::Zh => format!("{} = {}，{}", c.label, c.value, c.fix),
                    Lang::En => format!("{} = {}, {}", c.label, c.value, c.fix),
                })
                .collect();
            cells.join(lang.pick("；", "; "))
        })
        .collect();
    sets.join(" | ")
}

/// The verdict as the JSON and CSV write it.
pub fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Passed => "passed",
        Verdict::Failed => "failed",
        Verdict::Incomplete => "incomplete",
        Verdict::Unreadable => "unreadable",
    }
}
