//! `baobiao check PATH…`: many reports at once, for the people who audit them.
//!
//! The paths are expanded ([`inputs`]); one report alone is checked and said in full
//! ([`super::check::run`]). A batch is checked in parallel in this one process (rayon), with a
//! progress bar on a terminal; each report gets one line (or, with `--format jsonl`, its JSON
//! object, streamed as it is checked), then the batch's summary: counts by verdict, the rules
//! failed most often, and the rules between periods for agencies with consecutive years
//! ([`periods`]). `--summary csv|json|html` writes one row per report ([`summary`]). The exit
//! code is the worst verdict.

mod inputs;
mod periods;
mod summary;
mod summary_html;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use crate::Lang;
use crate::set::FormSet;

use super::check::{self, Assessed, Verdict, Wanted};
use super::input::How;
use super::{Format, Out};

pub use summary::SummaryFormat;

/// How a batch is checked and said.
pub struct Settings {
    pub format: Format,
    pub summary: Option<SummaryFormat>,
    /// Where the summary goes (standard output without).
    pub output: Option<PathBuf>,
    pub options: check::Options,
}

/// Checks the reports `paths` name.
pub fn run(
    forms: &FormSet,
    paths: &[PathBuf],
    how: &How,
    settings: Settings,
    out: &Out,
) -> ExitCode {
    let lang = out.lang;
    let inputs = inputs::expand(paths, lang);
    if !inputs.batch
        && inputs.problems.is_empty()
        && let [input] = inputs.reports.as_slice()
        && settings.summary.is_none()
    {
        let format = match settings.format {
            Format::Jsonl => Format::Json,
            other => other,
        };
        return ExitCode::from(check::run(forms, input, how, format, settings.options, out));
    }
    // An HTML summary links each report drawn: those pages need a folder beside it.
    let pages = match (settings.summary, &settings.output) {
        (Some(SummaryFormat::Html), Some(file)) => Some(pages_folder(file)),
        (Some(SummaryFormat::Html), None) => {
            out.error(lang.pick(
                "HTML 汇总会链接各报告的页面，须用 -o 指定汇总文件（页面写在其旁的文件夹中）",
                "an HTML summary links each report's page: name its file with -o (the pages go in a folder beside it)",
            ));
            return ExitCode::from(2);
        }
        _ => None,
    };
    if let Some((folder, _)) = &pages
        && let Err(err) = std::fs::create_dir_all(folder)
    {
        out.error(&format!(
            "{} {}: {err}",
            lang.pick("无法创建文件夹", "cannot create the folder"),
            folder.display()
        ));
        return ExitCode::from(2);
    }

    if inputs.reports.is_empty() && inputs.problems.is_empty() {
        // A folder with no report in it is no passing batch.
        out.error(lang.pick(
            "所给路径中没有找到任何报告（HTML、文本、Markdown、CSV、XLSX、DOCX、PDF 或 JSON）",
            "no report (HTML, text, Markdown, CSV, XLSX, DOCX, PDF or JSON) was found in the paths given",
        ));
        return ExitCode::from(2);
    }
    let total = inputs.reports.len();
    let bar = progress(out, total as u64);
    let wanted = Wanted {
        text: false,
        json: matches!(settings.format, Format::Json | Format::Jsonl),
        page: pages.is_some(),
        colour: false,
    };
    // A summary without -o is all that standard output carries.
    let summary_to_stdout = settings.summary.is_some() && settings.output.is_none();
    let streamed = settings.format == Format::Jsonl && !summary_to_stdout && !out.quiet;
    let unwritten = std::sync::atomic::AtomicBool::new(false);
    let mut written = true;
    let mut reports: Vec<Assessed> = inputs
        .reports
        .par_iter()
        .enumerate()
        .map(|(index, input)| {
            let mut assessed = check::assess(forms, input, how, settings.options, wanted, lang);
            if let (Some(page), Some((folder, link))) = (assessed.page.take(), &pages) {
                let name = page_name(index, &assessed.file);
                match std::fs::write(folder.join(&name), page) {
                    Ok(()) => assessed.page = Some(format!("{}/{name}", href(link))),
                    Err(err) => bar.suspend(|| {
                        out.error(&format!(
                            "{} {name}: {err}",
                            lang.pick("无法写入", "cannot write")
                        ))
                    }),
                }
            }
            if streamed && let Some(json) = assessed.json.take() {
                let line = serde_json::to_string(&json).unwrap_or_default() + "\n";
                if !bar.suspend(|| out.stdout(line.as_bytes())) {
                    unwritten.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
            bar.inc(1);
            assessed
        })
        .collect();
    bar.finish_and_clear();
    written &= !unwritten.load(std::sync::atomic::Ordering::Relaxed);
    for (path, why) in &inputs.problems {
        reports.push(check::named_nothing(path, why, wanted.json));
    }

    let periods = periods::compare(&reports, lang);
    apply_periods(&mut reports, &periods);
    let batch = summary::Batch {
        forms,
        reports: &reports,
        periods: &periods,
        skipped: inputs.skipped,
        repeated: inputs.repeated,
        lang,
    };
    match settings.format {
        _ if summary_to_stdout => {}
        Format::Text => written &= out.text(&batch.text()),
        Format::Json => {
            let reports: Vec<_> = reports.iter().filter_map(|r| r.json.as_ref()).collect();
            let json = serde_json::json!({ "reports": reports, "summary": batch.json() });
            written &= out.json(None, &json);
        }
        Format::Jsonl => {
            // Problems with paths were no report: their lines come last; then one line per
            // pair of years compared (`{"periods": …}`), known only once all are read.
            for report in reports.iter().filter(|r| r.json.is_some()) {
                if let Some(json) = &report.json {
                    let line = serde_json::to_string(json).unwrap_or_default() + "\n";
                    written &= out.text(&line);
                }
            }
            for compared in &periods.compared {
                let json = serde_json::json!({ "periods": compared });
                written &= out.text(&(serde_json::to_string(&json).unwrap_or_default() + "\n"));
            }
        }
    }
    if let Some(format) = settings.summary {
        let bytes = batch.render(format);
        written &= match &settings.output {
            Some(path) => out.write(Some(path), &bytes),
            None => out.stdout(&bytes),
        };
    }
    if !out.quiet && (settings.format != Format::Text || summary_to_stdout) {
        // Machines read standard output; people the verdict on standard error.
        out.note(&batch.verdict_line());
    }
    let worst = reports
        .iter()
        .map(|r| r.verdict)
        .max()
        .unwrap_or(Verdict::Passed);
    if written {
        ExitCode::from(worst.exit_code())
    } else {
        ExitCode::from(2)
    }
}

/// A progress bar on standard error when it is a terminal (and not `--quiet`); hidden
/// otherwise, so that nothing but results reaches a pipe or a log.
fn progress(out: &Out, total: u64) -> indicatif::ProgressBar {
    if !out.terminal_err {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    let template = match out.lang {
        Lang::Zh => "{bar:40} {pos}/{len} 份报告 · 已用 {elapsed} · 预计还需 {eta}",
        Lang::En => "{bar:40} {pos}/{len} reports · {elapsed} elapsed · {eta} left",
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// The folder for the pages of an HTML summary at `file`, and its name as linked from it:
/// `summary.html` → `summary-reports/`.
fn pages_folder(file: &Path) -> (PathBuf, String) {
    let stem = file
        .file_stem()
        .map_or_else(|| "summary".into(), |s| s.to_string_lossy().into_owned());
    let name = format!("{stem}-reports");
    (file.with_file_name(&name), name)
}

/// `name` as a relative link: the characters a URL gives a meaning to (`%`, `#`, `?`, spaces,
/// quotes, angle brackets) percent-encoded; the rest, Chinese included, as it is.
fn href(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '%' | '#' | '?' | ' ' | '"' | '<' | '>' | '\\' | '\'' => {
                let mut bytes = [0u8; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// `00042-report.html`: numbered, so that two reports of one name do not meet.
fn page_name(index: usize, file: &str) -> String {
    let stem = Path::new(file)
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    format!("{:05}-{stem}.html", index + 1)
}

/// A failing period rule changes the later report's verdict like any rule of its severity,
/// in its JSON too (where kept), which also lists the comparison under `periods`.
fn apply_periods(reports: &mut [Assessed], periods: &periods::Periods) {
    for compared in &periods.compared {
        let report = &mut reports[compared.current];
        if let Some(json) = report.json.as_mut().and_then(|j| j.as_object_mut()) {
            let value = serde_json::to_value(compared).unwrap_or_default();
            json.insert("periods".to_owned(), serde_json::Value::Array(vec![value]));
        }
        for violation in &compared.violations {
            let ids = if violation.severity == crate::Severity::Error {
                if report.verdict == Verdict::Passed {
                    report.verdict = Verdict::Failed;
                }
                &mut report.failing
            } else {
                &mut report.warned
            };
            if !ids.contains(&violation.rule) {
                ids.push(violation.rule.clone());
            }
        }
        let verdict = report.verdict;
        if let Some(json) = report.json.as_mut().and_then(|j| j.as_object_mut()) {
            json.insert(
                "verdict".to_owned(),
                serde_json::to_value(verdict).unwrap_or_default(),
            );
            if verdict == Verdict::Failed {
                json.insert("ok".to_owned(), false.into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_to_pages_survive_names_a_url_reads_otherwise() {
        assert_eq!(super::href("summary-reports"), "summary-reports");
        assert_eq!(
            super::href("汇总 #1?%-reports"),
            "汇总%20%231%3F%25-reports"
        );
    }
}
